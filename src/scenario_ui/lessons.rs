//! `#/lessons`: every scenario, with its summary and sources, and the quiz.

use iamsim_lessons::SCENARIOS;
use yew::prelude::*;

/// The list of scenarios.
#[component]
pub fn LessonsPage() -> Html {
    html! {
        <section class="page sp-lessons" data-testid="lessons">
            <h1>{ "Guided scenarios" }</h1>
            <p>{ "Each scenario tells one story over a fresh simulated account. Press Next → (or the → key) \
                  to move on; every step checks the world and says whether its goal is met. \
                  \"Try it yourself\" lets you do a step by hand." }</p>
            <ol class="sp-lesson-list">
                { for SCENARIOS.iter().map(|s| html! {
                    <li class="sp-lesson" data-testid={format!("lesson-{}", s.id)}>
                        <h2><a href={format!("#/scenario/{}", s.id)}>{ s.title }</a></h2>
                        <p>{ s.summary }</p>
                        <p class="sp-meta">{ format!("{} steps · from source documents {}", s.steps.len(),
                            s.sources.iter().map(|x| x.split(':').next().unwrap_or(x)).collect::<Vec<_>>().join(", ")) }</p>
                    </li>
                }) }
            </ol>
            <p><a href="#/quiz" data-testid="to-quiz">{ "Test yourself: the quiz" }</a></p>
        </section>
    }
}

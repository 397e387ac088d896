//! `#/quiz`: questions from the source documents' exam tips and interview question;
//! choosing an answer shows whether it is right, why, and a link to the step that shows it.

use std::collections::BTreeMap;

use iamsim_lessons::QUESTIONS;
use yew::prelude::*;

/// The quiz.
#[component]
pub fn QuizPage() -> Html {
    let chosen = use_state(BTreeMap::<usize, usize>::new);
    let right = chosen
        .iter()
        .filter(|(q, a)| QUESTIONS.get(**q).is_some_and(|x| x.answer == **a))
        .count();
    html! {
        <section class="page sp-quiz" data-testid="quiz">
            <h1>{ "Quiz" }</h1>
            <p data-testid="quiz-score">{ format!("{right} right out of {} answered ({} questions)", chosen.len(), QUESTIONS.len()) }</p>
            <ol class="sp-questions">
                { for QUESTIONS.iter().enumerate().map(|(qi, q)| {
                    let answered = chosen.get(&qi).copied();
                    html! {
                        <li class="sp-question" data-testid={format!("question-{qi}")}>
                            <fieldset>
                                <legend>{ q.prompt }</legend>
                                { for q.choices.iter().enumerate().map(|(ci, c)| {
                                    let chosen = chosen.clone();
                                    let onchange = Callback::from(move |_: Event| {
                                        let mut next = (*chosen).clone();
                                        next.insert(qi, ci);
                                        chosen.set(next);
                                    });
                                    html! {
                                        <label class="sp-choice">
                                            <input type="radio" name={format!("q{qi}")} checked={answered == Some(ci)}
                                                   data-testid={format!("choice-{qi}-{ci}")} {onchange} />
                                            { format!(" {c}") }
                                        </label>
                                    }
                                }) }
                            </fieldset>
                            if let Some(a) = answered {
                                <div class={classes!("sp-answer", if a == q.answer { "met" } else { "unmet" })}
                                     data-testid={format!("answer-{qi}")}>
                                    <p>{ if a == q.answer { "✓ Right. " } else { "✗ Not quite. " } }{ q.explanation }</p>
                                    <p class="sp-meta">{ format!("Source document {}. ", q.source) }
                                        <a href={q.show_me()} data-testid={format!("show-me-{qi}")}>{ "Show me in the simulator →" }</a>
                                    </p>
                                </div>
                            }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}

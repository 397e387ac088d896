//! `#/scenario/NAME`: guided scenarios (the world helper fills these in).

use yew::prelude::*;

/// Props: the scenario's name from the URL.
#[derive(Properties, PartialEq)]
pub struct ScenarioProps {
    /// The scenario's name.
    pub name: String,
}

/// The scenario page. No scenario ships yet, so every name is unknown.
#[component]
pub fn ScenarioPage(props: &ScenarioProps) -> Html {
    html! {
        <section class="page narrow" data-testid="scenario">
            <h1>{ "Scenario not found" }</h1>
            <p>{ format!("There is no scenario called \"{}\".", props.name) }</p>
            <p><a href="#/">{ "Back to the instance story" }</a></p>
        </section>
    }
}

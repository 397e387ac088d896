//! The page for an unknown `#/...` address.

use yew::prelude::*;

/// Props: the path that was asked for.
#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    /// The fragment's path, e.g. `/nowhere`.
    pub path: String,
}

/// Says the page does not exist and offers the two that do.
#[component]
pub fn NotFound(props: &NotFoundProps) -> Html {
    html! {
        <section class="page narrow" data-testid="not-found">
            <h1>{ "No such page" }</h1>
            <p>{ format!("There is no page at #{}.", props.path) }</p>
            <p>
                <a href="#/">{ "Go to the instance story" }</a>
                { " or " }
                <a href="#/playground">{ "open the policy playground" }</a>
                { "." }
            </p>
        </section>
    }
}

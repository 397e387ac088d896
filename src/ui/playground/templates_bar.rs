//! Buttons that add a template as a new identity policy, and a reset.

use yew::prelude::*;

use crate::playground::model::PlaygroundAction;
use crate::playground::templates;

/// Props of [`TemplatesBar`].
#[derive(Properties, PartialEq)]
pub struct TemplatesBarProps {
    /// Sends an edit.
    pub on_edit: Callback<PlaygroundAction>,
}

/// The bar.
#[component]
pub fn TemplatesBar(props: &TemplatesBarProps) -> Html {
    let reset = props
        .on_edit
        .reform(|_: MouseEvent| PlaygroundAction::Reset);
    html! {
        <section class="group templates" aria-labelledby="templates-heading">
            <h2 id="templates-heading">{ "Add a template" }</h2>
            <div class="button-row">
                { for templates::ALL.iter().map(|t| {
                    let id = t.id;
                    let add = props.on_edit.reform(move |_: MouseEvent| PlaygroundAction::AddTemplate(id));
                    html! {
                        <button type="button" class="button" onclick={add}
                            data-testid={format!("template-{}", t.id)}>{ t.label }</button>
                    }
                }) }
                <button type="button" class="button quiet" onclick={reset} data-testid="reset">
                    { "Reset to the example" }
                </button>
            </div>
        </section>
    }
}

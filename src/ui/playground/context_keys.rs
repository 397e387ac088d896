//! One-click buttons that add a known condition key (with an example value)
//! to the request context.

use yew::prelude::*;

use crate::playground::context_keys::KEYS;
use crate::playground::model::PlaygroundAction;

/// Props of [`ContextKeys`].
#[derive(Properties, PartialEq)]
pub struct ContextKeysProps {
    /// Sends an edit.
    pub on_edit: Callback<PlaygroundAction>,
}

/// The row of keys.
#[component]
pub fn ContextKeys(props: &ContextKeysProps) -> Html {
    html! {
        <div class="key-row" role="group" aria-label="Add a condition key to the context">
            <span class="hint">{ "Add a key:" }</span>
            { for KEYS.iter().map(|&(key, _)| {
                let add = props.on_edit.reform(move |_: MouseEvent| PlaygroundAction::AddContextKey(key));
                html! {
                    <button type="button" class="chip" onclick={add}
                        data-testid={format!("add-key-{key}")}>{ key }</button>
                }
            }) }
        </div>
    }
}

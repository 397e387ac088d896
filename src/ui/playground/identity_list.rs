//! The principal's identity-based policies: a name and an editor each, with
//! add and remove.

use std::rc::Rc;

use yew::prelude::*;

use super::editor::JsonEditor;
use crate::playground::analysis::Analysis;
use crate::playground::model::{IdentityPolicy, PlaygroundAction};

/// Props of [`IdentityList`].
#[derive(Properties, PartialEq)]
pub struct IdentityListProps {
    /// The policies.
    pub policies: Vec<IdentityPolicy>,
    /// The derived view (for errors).
    pub analysis: Rc<Analysis>,
    /// Sends an edit.
    pub on_edit: Callback<PlaygroundAction>,
}

/// The list.
#[component]
pub fn IdentityList(props: &IdentityListProps) -> Html {
    let add = props
        .on_edit
        .reform(|_: MouseEvent| PlaygroundAction::AddIdentity);
    let item = |p: &IdentityPolicy| {
        let id = p.id;
        let name_id = format!("identity-{id}-name");
        let rename = props.on_edit.reform(move |e: InputEvent| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            PlaygroundAction::SetIdentityName(id, input.value())
        });
        let remove = props
            .on_edit
            .reform(move |_: MouseEvent| PlaygroundAction::RemoveIdentity(id));
        let on_input = props
            .on_edit
            .reform(move |text| PlaygroundAction::SetIdentityText(id, text));
        html! {
            <li key={id} class="card" data-testid="identity-policy">
                <div class="card-head">
                    <label class="label" for={name_id.clone()}>{ "Policy name" }</label>
                    <input id={name_id} class="input" value={p.name.clone()} oninput={rename}
                        data-testid="policy-name" />
                    <button type="button" class="button quiet" onclick={remove}
                        aria-label={format!("Remove policy {}", p.name)} data-testid="remove-policy">
                        { "Remove" }
                    </button>
                </div>
                <JsonEditor id={format!("identity-{id}-text")} label="Policy document (JSON)"
                    text={p.text.clone()} error={props.analysis.identity_error(id).cloned()}
                    {on_input} />
            </li>
        }
    };
    html! {
        <section class="group" aria-labelledby="identity-heading">
            <h2 id="identity-heading">{ "Identity-based policies" }</h2>
            if props.policies.is_empty() {
                <p class="hint" data-testid="no-identity">
                    { "No identity-based policy: every request is implicitly denied." }
                </p>
            }
            <ul class="cards">{ for props.policies.iter().map(item) }</ul>
            <button type="button" class="button" onclick={add} data-testid="add-identity">
                { "Add an empty policy" }
            </button>
        </section>
    }
}

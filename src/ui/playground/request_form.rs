//! The request: who (principal), what (action), on what (resource), and the
//! request context as JSON.

use yew::prelude::*;

use super::context_keys::ContextKeys;
use super::editor::JsonEditor;
use crate::playground::analysis::InputError;
use crate::playground::model::{PlaygroundAction, RequestDoc};

/// Props of [`RequestForm`].
#[derive(Properties, PartialEq)]
pub struct RequestFormProps {
    /// The request.
    pub request: RequestDoc,
    /// An unreadable context.
    pub context_error: Option<InputError>,
    /// A missing part of the request.
    pub request_error: Option<String>,
    /// Sends an edit.
    pub on_edit: Callback<PlaygroundAction>,
}

fn field(
    id: &'static str,
    label: &'static str,
    value: &str,
    on_edit: &Callback<PlaygroundAction>,
    make: fn(String) -> PlaygroundAction,
) -> Html {
    let oninput = on_edit.reform(move |e: InputEvent| {
        make(
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .value(),
        )
    });
    html! {
        <div class="pg-field">
            <label class="label" for={id}>{ label }</label>
            <input {id} class="input code" value={value.to_string()} {oninput}
                spellcheck="false" autocomplete="off" autocapitalize="off" data-testid={id} />
        </div>
    }
}

/// The form.
#[component]
pub fn RequestForm(props: &RequestFormProps) -> Html {
    let r = &props.request;
    let e = &props.on_edit;
    html! {
        <section class="group card" aria-labelledby="request-heading">
            <h2 id="request-heading">{ "Request" }</h2>
            { field("request-principal", "Principal (caller ARN)", &r.principal, e,
                PlaygroundAction::SetPrincipal) }
            { field("request-action", "Action", &r.action, e, PlaygroundAction::SetAction) }
            { field("request-resource", "Resource", &r.resource, e, PlaygroundAction::SetResource) }
            <JsonEditor id="request-context" label="Context keys (JSON object)"
                text={r.context.clone()} error={props.context_error.clone()}
                testid="request-context" error_testid="context-error"
                on_input={e.reform(PlaygroundAction::SetContext)} />
            <ContextKeys on_edit={e.clone()} />
            if let Some(message) = &props.request_error {
                <p class="field-error" data-testid="request-error">{ message }</p>
            }
        </section>
    }
}

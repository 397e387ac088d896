//! A labelled JSON text area with its validation error underneath. The text
//! is never replaced by the error: what was typed stays as typed.

use yew::prelude::*;

use crate::playground::analysis::InputError;

/// Props of [`JsonEditor`].
#[derive(Properties, PartialEq)]
pub struct JsonEditorProps {
    /// The textarea's element id (unique on the page).
    pub id: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// The text.
    pub text: AttrValue,
    /// The error to show, if any.
    #[prop_or_default]
    pub error: Option<InputError>,
    /// The test id of the textarea.
    #[prop_or(AttrValue::Static("policy-text"))]
    pub testid: AttrValue,
    /// The test id of the error line.
    #[prop_or(AttrValue::Static("policy-error"))]
    pub error_testid: AttrValue,
    /// Called with the new text on every input.
    pub on_input: Callback<String>,
}

/// The editor.
#[component]
pub fn JsonEditor(props: &JsonEditorProps) -> Html {
    let oninput = props.on_input.reform(|e: InputEvent| {
        e.target_unchecked_into::<web_sys::HtmlTextAreaElement>()
            .value()
    });
    let rows = props.text.lines().count().clamp(4, 22) + 1;
    let error_id = format!("{}-error", props.id);
    let invalid = props.error.is_some().then_some("true");
    html! {
        <div class="editor">
            <label class="label" for={props.id.clone()}>{ props.label.clone() }</label>
            <textarea id={props.id.clone()} class="code" rows={rows.to_string()}
                spellcheck="false" autocomplete="off" autocapitalize="off"
                aria-invalid={invalid} aria-describedby={error_id.clone()}
                value={props.text.clone()} {oninput} data-testid={props.testid.clone()} />
            <p id={error_id} class="field-error" aria-live="polite">
                if let Some(error) = &props.error {
                    <span data-testid={props.error_testid.clone()}>{ error.text() }</span>
                }
            </p>
        </div>
    }
}

//! The result of the last console action in a panel: AWS's error text when it failed,
//! so a form "validates as AWS does".

use yew::prelude::*;

use super::store::use_store;

/// Props of [`ConsoleResultView`].
#[derive(Properties, PartialEq)]
pub struct ConsoleResultProps {
    /// The panel (`iam`, `ec2`, `s3`).
    pub panel: String,
}

/// The banner under a console's forms.
#[component]
pub fn ConsoleResultView(props: &ConsoleResultProps) -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let Some(result) = store.console.as_ref().filter(|c| c.panel == props.panel) else {
        return Html::default();
    };
    match &result.result {
        Ok(_) => html! {
            <div class="console-result ok" role="status" data-testid="console-ok">
                { format!("✓ {}", result.label) }
            </div>
        },
        Err(e) => html! {
            <div class="console-result bad" role="alert" data-testid="console-error">
                <b>{ format!("✗ {} failed. ", result.label) }</b>
                <span>{ format!("{}: {}", e.code, e.message) }</span>
                if let Some(reason) = e.evaluation.as_ref().and_then(|ev| ev.reason()) {
                    <div class="muted">{ format!("Why: {reason}. Open the event log for the statement-by-statement explanation.") }</div>
                }
            </div>
        },
    }
}

/// The value of an input or select from its change/input event.
pub fn value_of(e: &Event) -> String {
    use wasm_bindgen::JsCast;
    let Some(target) = e.target() else {
        return String::new();
    };
    if let Some(el) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return el.value();
    }
    if let Some(el) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        return el.value();
    }
    if let Some(el) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return el.value();
    }
    String::new()
}

/// A callback that stores a field's value in a `use_state`.
pub fn bind(state: &UseStateHandle<String>) -> Callback<Event> {
    let state = state.clone();
    Callback::from(move |e: Event| state.set(value_of(&e)))
}

/// The same for `input` events (text fields update as one types).
pub fn bind_input(state: &UseStateHandle<String>) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |e: InputEvent| state.set(value_of(&e)))
}

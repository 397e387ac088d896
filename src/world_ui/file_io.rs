//! Export the world to a JSON file (a Blob download) and import one back (checked by
//! [`persist::load`], with a clear error when it cannot be used).

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use super::persist::{self, Save};
use super::state::{Action, Notice};
use super::store::use_store;

/// Offers `text` as a download called `name`.
fn download(name: &str, text: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = web_sys::window()?.document()?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    let body = document.body()?;
    body.append_child(&a).ok()?;
    a.click();
    body.remove_child(&a).ok()?;
    web_sys::Url::revoke_object_url(&url).ok()
}

/// "Export": the world, its steps and its seed as `iamsim-world.json`.
#[component]
pub fn ExportButton() -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let onclick = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            let text = Save::of(&store, true).to_text(true);
            if download("iamsim-world.json", &text).is_none() {
                store.dispatch(Action::Notify(Notice {
                    kind: "error",
                    text: "This browser would not start the download.".to_string(),
                }));
            }
        })
    };
    html! {
        <button type="button" class="wui-btn" data-testid="export" {onclick}
                title="Download the world as a JSON file">{ "Export" }</button>
    }
}

/// "Import": reads a file chosen by the learner and, when it checks out, replaces the world.
#[component]
pub fn ImportButton() -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let onchange = {
        let dispatcher = store.dispatcher();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let Ok(reader) = web_sys::FileReader::new() else {
                return;
            };
            let dispatcher = dispatcher.clone();
            let name = file.name();
            let reader2 = reader.clone();
            let onload = Closure::once_into_js(move || {
                let text = reader2
                    .result()
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                match persist::load(&text) {
                    Ok((save, state)) => dispatcher.dispatch(Action::Load {
                        seed: save.seed,
                        steps: save.steps,
                        notice: Some(Notice {
                            kind: "info",
                            text: format!(
                                "Imported {name}: {} steps, {} events.",
                                state.steps.len(),
                                state.world.events().len()
                            ),
                        }),
                    }),
                    Err(error) => dispatcher.dispatch(Action::Notify(Notice {
                        kind: "error",
                        text: format!("Could not import {name}. {error}"),
                    })),
                }
            });
            reader.set_onload(Some(onload.unchecked_ref()));
            let _started = reader.read_as_text(&file);
        })
    };
    html! {
        <label class="wui-btn wui-file" title="Load a world exported earlier">
            { "Import" }
            <input type="file" accept=".json,application/json" data-testid="import"
                   class="wui-visually-hidden" {onchange} />
        </label>
    }
}

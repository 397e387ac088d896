//! Thin wrappers over the browser APIs the app uses. Every call tolerates a
//! missing window, document or storage (private modes, sandboxed iframes).

use web_sys::{Element, Storage};

fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// `localStorage.getItem(key)`.
pub fn load(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok()?
}

/// `localStorage.setItem(key, value)`; false when storage is unavailable or full.
pub fn save(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// `location.hash`.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// `location.search`.
pub fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// `document.getElementById(id)`.
pub fn element_by_id(id: &str) -> Option<Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// Moves keyboard focus to the element with this id.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _focused = el.focus();
    }
}

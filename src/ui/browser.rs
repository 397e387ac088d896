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

/// `localStorage.removeItem(key)`.
pub fn remove(key: &str) {
    if let Some(s) = local_storage() {
        let _removed = s.remove_item(key);
    }
}

/// Reloads the page into another bundle (`static/init.js` reads the name from
/// `sessionStorage` and loads that bundle's wasm). When session storage is unavailable
/// the reload still happens and init.js picks the bundle from the URL alone.
pub fn switch_bundle(name: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(Some(session)) = window.session_storage() {
        let _kept = session.set_item(BUNDLE_KEY, name);
    }
    let _reloaded = window.location().reload();
}

/// The `sessionStorage` key that names the bundle to load after a reload (read by
/// `static/init.js`).
const BUNDLE_KEY: &str = "iamsim.bundle";

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

//! A readable error with a Reload button instead of a dead page.
//!
//! The engine must never panic, but if anything does, the hook replaces the
//! page with what happened. The button is wired by `static/init.js` (a
//! delegated click listener), so it works even after the wasm has trapped.

use web_sys::Document;
use yew::prelude::*;

/// Installs the panic hook (before Yew installs its own).
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("iamsim stopped: {message}").into());
        let _shown = show(&message);
    }));
}

fn show(message: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    body.set_text_content(None);
    let panel = element(&document, "div", "fatal", None)?;
    panel.set_attribute("role", "alert").ok()?;
    panel.set_attribute("data-testid", "fatal-error").ok()?;
    let title = element(&document, "h1", "", Some("iamsim stopped"))?;
    let intro = element(
        &document,
        "p",
        "",
        Some(
            "Something went wrong inside the simulator, so the page cannot go on. \
             Your saved playground is kept; reloading starts again from it.",
        ),
    )?;
    let detail = element(&document, "pre", "fatal-detail", Some(message))?;
    let button = element(&document, "button", "button primary", Some("Reload"))?;
    button.set_attribute("type", "button").ok()?;
    button.set_attribute("data-action", "reload").ok()?;
    button.set_attribute("data-testid", "reload").ok()?;
    for child in [&title, &intro, &detail, &button] {
        panel.append_child(child).ok()?;
    }
    body.append_child(&panel).ok()?;
    Some(())
}

fn element(
    document: &Document,
    tag: &str,
    class: &str,
    text: Option<&str>,
) -> Option<web_sys::Element> {
    let el = document.create_element(tag).ok()?;
    if !class.is_empty() {
        el.set_class_name(class);
    }
    el.set_text_content(text);
    Some(el)
}

/// `#/__panic`: panics while rendering, so the browser tests can check that a
/// panic shows this screen instead of a dead page.
#[component]
pub fn DeliberatePanic() -> Html {
    #[expect(clippy::panic, reason = "the page exists to test the panic screen")]
    {
        panic!("deliberate panic at #/__panic (this page tests the error screen)")
    }
}

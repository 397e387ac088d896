//! Moving between steps: the URL is the source of truth, so every move sets the
//! fragment and the app's router brings the page to that step (deep links, back button).

use super::model::{Options, fragment_query, step_href};

/// The fragment, e.g. `#/scenario/x/step/2?embed=1`.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Options from the fragment's query and the page's own query.
pub fn options() -> Options {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let a = Options::parse(fragment_query(&hash()));
    let b = Options::parse(&search);
    Options {
        embed: a.embed || b.embed,
        presenter: a.presenter || b.presenter,
    }
}

/// Goes to step `step` (1-based) of scenario `id`, keeping the options.
pub fn go(id: &str, step: usize, options: Options) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&step_href(id, step, options));
    }
}

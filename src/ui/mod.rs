//! The browser side of the app (wasm32 only): components and browser glue.
//!
//! `start` reads the saved playground, installs the panic screen and renders
//! [`app::App`] into `#app`.

mod app;
mod browser;
mod header;
mod not_found;
mod notice;
mod pages;
mod panic_screen;
mod playground;
mod scenario;

pub use pages::{LessonsPages, Pages, PlaygroundPages, WorldPages};

use std::rc::Rc;

use crate::playground::handoff;
use crate::playground::model::PlaygroundDoc;
use crate::playground::storage::{self, Loaded};
use crate::route::{Bundle, Route, is_embed};
use crate::state::AppState;

/// Starts the app with the pages of one bundle.
pub fn start<P: Pages>() {
    panic_screen::install();
    let initial = initial_state(P::BUNDLE == Bundle::Playground);
    let props = app::AppProps {
        initial: Rc::new(initial),
    };
    match browser::element_by_id("app") {
        Some(root) => {
            yew::Renderer::<app::App<P>>::with_root_and_props(root, props).render();
        }
        None => {
            yew::Renderer::<app::App<P>>::with_props(props).render();
        }
    }
}

/// The state at load: the route from the URL, and the saved playground. Text
/// that cannot be read is set aside under another key, never dropped.
/// Only the playground bundle (`with_playground`) reads the saved playground.
fn initial_state(with_playground: bool) -> AppState {
    let saved = if with_playground {
        storage::decode(browser::load(storage::STORAGE_KEY).as_deref())
    } else {
        Loaded::Missing
    };
    let (playground, notice) = match saved {
        Loaded::Doc(doc) => (*doc, None),
        Loaded::Missing => (PlaygroundDoc::default(), None),
        Loaded::Unreadable { raw, error } => {
            let kept = browser::save(storage::UNREADABLE_KEY, &raw);
            let notice = if kept {
                storage::unreadable_notice(&error)
            } else {
                format!(
                    "Your saved playground could not be read ({error}), and could not be set \
                     aside either; the example was loaded instead."
                )
            };
            (PlaygroundDoc::default(), Some(notice))
        }
    };
    let mut state = AppState {
        route: Route::parse(&browser::hash()),
        // `?embed=1` in the page's query or in the fragment's (`#/scenario/x?embed=1`).
        embed: is_embed(&browser::search())
            || browser::hash()
                .split_once('?')
                .is_some_and(|(_, query)| is_embed(query)),
        playground: Rc::new(playground),
        notice,
        previous: None,
    };
    if with_playground {
        take_handoff(&mut state);
    }
    state
}

/// Shows a policy sent by "Evaluate this" on the world page, keeping the learner's own
/// playground restorable (see `playground::handoff`).
fn take_handoff(state: &mut AppState) {
    let Some(text) = browser::load(handoff::HANDOFF_KEY) else {
        return;
    };
    browser::remove(handoff::HANDOFF_KEY);
    let saved = browser::load(storage::STORAGE_KEY);
    let loaded_before = browser::load(handoff::LOADED_KEY);
    let kept_before = browser::load(handoff::PREVIOUS_KEY);
    let Some(arrival) = handoff::arrive(
        &text,
        saved.as_deref(),
        loaded_before.as_deref(),
        kept_before.as_deref(),
    ) else {
        return;
    };
    if let Some(keep) = &arrival.keep {
        browser::save(handoff::PREVIOUS_KEY, keep);
    }
    browser::save(handoff::LOADED_KEY, &arrival.loaded);
    state.playground = Rc::new(arrival.doc);
    state.previous = arrival.previous.map(Rc::new);
    state.notice = Some(match state.notice.take() {
        Some(earlier) => format!("{earlier} {}", arrival.notice),
        None => arrival.notice,
    });
}

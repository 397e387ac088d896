//! The page's reducer handle, shared through a context, and the browser glue it needs
//! (storage, the URL fragment). The reducer itself is [`WorldState::next`].

use std::rc::Rc;

use yew::prelude::*;

use super::persist::{self, Save};
use super::state::{Action, Notice, SEED, WorldState};

/// What every component of the page reads: the state and the dispatcher.
pub type Store = UseReducerHandle<WorldState>;

impl Reducible for WorldState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        self.next(action)
    }
}

/// The store of the page (components call this inside the provider).
#[hook]
pub fn use_store() -> Option<Store> {
    use_context::<Store>()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// `localStorage.getItem(key)`.
pub fn read(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// `localStorage.setItem(key, value)`; false when storage is unavailable or full.
pub fn write(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// What the page starts with: the saved world, or a fresh one; and, when the save could
/// not be read, its text (to keep aside) and why.
pub struct Boot {
    /// The first state.
    pub state: WorldState,
    /// The unreadable text and the reason.
    pub unreadable: Option<(String, String)>,
}

/// Reads the save.
pub fn boot() -> Boot {
    match read(persist::STORAGE_KEY) {
        None => Boot {
            state: WorldState::new(SEED),
            unreadable: None,
        },
        Some(text) => match persist::load(&text) {
            Ok((_, state)) => Boot {
                state,
                unreadable: None,
            },
            Err(error) => Boot {
                state: WorldState::new(SEED),
                unreadable: Some((text, error.to_string())),
            },
        },
    }
}

/// Keeps unreadable storage aside under `iamsim.world.v1.corrupt-<n>`; returns the notice.
pub fn keep_aside(text: &str, why: &str) -> Notice {
    let key = persist::corrupt_key(|k| read(k).is_some());
    if write(&key, text) {
        Notice {
            kind: "error",
            text: format!(
                "Your saved world could not be read ({why}). It was kept in this browser's \
                 storage under \"{key}\", and a fresh world was started."
            ),
        }
    } else {
        Notice {
            kind: "error",
            text: format!(
                "Your saved world could not be read ({why}) and could not be kept aside; a \
                 fresh world was started."
            ),
        }
    }
}

/// Saves the state (seed and steps).
pub fn save(state: &WorldState) {
    let _saved = write(persist::STORAGE_KEY, &Save::of(state, false).to_text(false));
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

//! The saved form of the world page: what goes to `localStorage` and to exported files,
//! and how a file is checked when it comes back.
//!
//! A save holds the seed and the steps (the action log); loading replays them. An export
//! also carries the world the steps produced, so an import can check that the steps still
//! give that world.

use serde::{Deserialize, Serialize};

use super::state::{Step, WorldState};

/// The `localStorage` key of the page's save.
pub const STORAGE_KEY: &str = "iamsim.world.v1";

/// The `format` field of a save.
pub const FORMAT: &str = "iamsim.world";

/// The save format's version.
pub const VERSION: u32 = 1;

/// A save: the seed and the steps, and (in exports) the world they give.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Save {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// The world's seed.
    pub seed: u64,
    /// The action log.
    pub steps: Vec<Step>,
    /// The world the steps give (exports only), as JSON: it is compared, never rebuilt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub world: Option<serde_json::Value>,
}

impl Save {
    /// The save of `state`; `with_world` adds the world (for exports).
    pub fn of(state: &WorldState, with_world: bool) -> Save {
        Save {
            format: FORMAT.to_string(),
            version: VERSION,
            seed: state.seed,
            steps: state.steps.clone(),
            world: with_world
                .then(|| serde_json::to_value(&state.world).ok())
                .flatten(),
        }
    }

    /// As JSON text (pretty for exports, compact for storage).
    pub fn to_text(&self, pretty: bool) -> String {
        let Ok(value) = serde_json::to_value(self) else {
            return String::new();
        };
        if pretty {
            format!("{value:#}")
        } else {
            value.to_string()
        }
    }
}

/// Why a save could not be read. The text is what the page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Not JSON, or not the shape of a save.
    NotASave(String),
    /// Another format or version.
    Version {
        /// What the file says it is.
        found: String,
    },
    /// The steps do not give the world the file carries.
    Mismatch,
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::NotASave(why) => write!(f, "This file is not an iamsim world: {why}"),
            SaveError::Version { found } => write!(
                f,
                "This file is {found}, but this page reads {FORMAT} version {VERSION}."
            ),
            SaveError::Mismatch => f.write_str(
                "This file's steps do not give the world saved with them (the file was edited, \
                 or comes from another version of iamsim).",
            ),
        }
    }
}

/// Reads a save and replays it, checking it on the way.
pub fn load(text: &str) -> Result<(Save, WorldState), SaveError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| SaveError::NotASave(e.to_string()))?;
    let format = value.get("format").and_then(serde_json::Value::as_str);
    let version = value.get("version").and_then(serde_json::Value::as_u64);
    match (format, version) {
        (Some(FORMAT), Some(v)) if v == u64::from(VERSION) => {}
        (Some(f), Some(v)) => {
            return Err(SaveError::Version {
                found: format!("{f} version {v}"),
            });
        }
        _ => {
            return Err(SaveError::NotASave(
                "it has no \"format\": \"iamsim.world\" and \"version\" fields".to_string(),
            ));
        }
    }
    let save: Save =
        serde_json::from_value(value).map_err(|e| SaveError::NotASave(e.to_string()))?;
    let state = WorldState::replay(save.seed, &save.steps);
    if let Some(world) = &save.world
        && serde_json::to_value(&state.world).ok().as_ref() != Some(world)
    {
        return Err(SaveError::Mismatch);
    }
    Ok((save, state))
}

/// The key under which unreadable storage is kept: the first of
/// `iamsim.world.v1.corrupt-1`, `-2`, … that `taken` says is free.
pub fn corrupt_key(taken: impl Fn(&str) -> bool) -> String {
    let mut n = 1u32;
    loop {
        let key = format!("{STORAGE_KEY}.corrupt-{n}");
        if !taken(&key) || n == u32::MAX {
            return key;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::world_ui::state::{Action, SEED};
    use std::rc::Rc;

    fn some_state() -> Rc<WorldState> {
        let s = Rc::new(WorldState::new(SEED));
        let s = s.next(Action::RunLine("aws s3 mb s3://demo".into()));
        s.next(Action::RunLine("aws s3 mb s3://second".into()))
    }

    #[test]
    fn export_then_import_gives_the_same_world() {
        let s = some_state();
        let text = Save::of(&s, true).to_text(true);
        let (save, loaded) = load(&text).unwrap();
        assert_eq!(save.steps, s.steps);
        assert_eq!(loaded.world, s.world);
        assert_eq!(
            loaded.active().unwrap().scrollback,
            s.active().unwrap().scrollback
        );
    }

    #[test]
    fn storage_saves_have_no_world_and_still_load() {
        let s = some_state();
        let text = Save::of(&s, false).to_text(false);
        assert!(!text.contains("\"world\""));
        let (_, loaded) = load(&text).unwrap();
        assert_eq!(loaded.world, s.world);
    }

    #[test]
    fn unreadable_files_say_why() {
        assert!(matches!(load("{not json"), Err(SaveError::NotASave(_))));
        assert_eq!(
            load(r#"{"format":"iamsim.world","version":2,"seed":1,"steps":[]}"#)
                .unwrap_err()
                .to_string(),
            "This file is iamsim.world version 2, but this page reads iamsim.world version 1."
        );
        assert_eq!(
            load("{}").unwrap_err().to_string(),
            "This file is not an iamsim world: it has no \"format\": \"iamsim.world\" and \"version\" fields"
        );
    }

    #[test]
    fn edited_files_are_refused() {
        let s = some_state();
        let mut save = Save::of(&s, true);
        save.steps.pop();
        assert_eq!(load(&save.to_text(false)), Err(SaveError::Mismatch));
    }

    #[test]
    fn corrupt_keys_count_up() {
        assert_eq!(corrupt_key(|_| false), "iamsim.world.v1.corrupt-1");
        assert_eq!(
            corrupt_key(|k| k.ends_with("-1") || k.ends_with("-2")),
            "iamsim.world.v1.corrupt-3"
        );
    }
}

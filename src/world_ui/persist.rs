//! The saved form of the world page: what goes to `localStorage` and to exported files,
//! and how a file is checked when it comes back.
//!
//! A save holds the seed and the steps (the action log); loading replays them. An export
//! also records how many events the steps gave and the simulated time they reached, so an
//! import can check that the steps still give that world. (Files exported before this
//! carried a copy of the whole world under `world`; they still import, checked the same
//! cheap way against the copy's events and clock.)

use serde::Serialize;

use super::state::{Step, WorldState};

/// The `localStorage` key of the page's save.
pub const STORAGE_KEY: &str = "iamsim.world.v1";

/// The `format` field of a save.
pub const FORMAT: &str = "iamsim.world";

/// The save format's version.
pub const VERSION: u32 = 1;

/// A save: the seed and the steps, and (in exports) what they give.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Save {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// The world's seed.
    pub seed: u64,
    /// The action log.
    pub steps: Vec<Step>,
    /// How many events the steps gave (exports only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<u64>,
    /// The simulated time the steps reached, as `2026-01-01T00:00:00Z` (exports only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clock: Option<String>,
}

impl Save {
    /// Reads a save from its JSON (by hand: no serde visitors in the app's wasm).
    /// `format` and `version` are checked by [`load`] first.
    pub fn from_value(value: &serde_json::Value) -> Result<Save, String> {
        let seed = value
            .get("seed")
            .and_then(serde_json::Value::as_u64)
            .ok_or("missing or invalid field `seed`")?;
        let steps = value
            .get("steps")
            .and_then(serde_json::Value::as_array)
            .ok_or("missing or invalid field `steps`")?
            .iter()
            .enumerate()
            .map(|(i, step)| Step::from_value(step).map_err(|e| format!("step {}: {e}", i + 1)))
            .collect::<Result<Vec<_>, _>>()?;
        let optional = |name: &str| value.get(name).filter(|v| !v.is_null());
        let events = match optional("events") {
            None => None,
            Some(v) => Some(v.as_u64().ok_or("invalid field `events`")?),
        };
        let clock = match optional("clock") {
            None => None,
            Some(v) => Some(v.as_str().ok_or("invalid field `clock`")?.to_string()),
        };
        Ok(Save {
            format: FORMAT.to_string(),
            version: VERSION,
            seed,
            steps,
            events,
            clock,
        })
    }

    /// The save of `state`; `with_check` adds its event count and clock (for exports).
    pub fn of(state: &WorldState, with_check: bool) -> Save {
        let check = with_check.then(|| Check::of(state));
        Save {
            format: FORMAT.to_string(),
            version: VERSION,
            seed: state.seed,
            steps: state.steps.clone(),
            events: check.as_ref().map(|c| c.events),
            clock: check.map(|c| c.clock),
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

/// What an import checks: the number of events and the simulated time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    /// The number of events.
    pub events: u64,
    /// The simulated time, as `2026-01-01T00:00:00Z`.
    pub clock: String,
}

impl Check {
    /// What `state`'s world has.
    fn of(state: &WorldState) -> Check {
        Check {
            events: u64::try_from(state.world.events().len()).unwrap_or(u64::MAX),
            clock: state.world.now().iso_z(),
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
    /// The steps do not give the world the file records.
    Mismatch {
        /// What the file says its steps give.
        file: Check,
        /// What its steps gave here.
        replay: Check,
    },
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::NotASave(why) => write!(f, "This file is not an iamsim world: {why}"),
            SaveError::Version { found } => write!(
                f,
                "This file is {found}, but this page reads {FORMAT} version {VERSION}."
            ),
            SaveError::Mismatch { file, replay } => write!(
                f,
                "This file's steps do not give the world saved with them: the file says {} \
                 events at {}, its steps give {} events at {} (the file was edited, or comes \
                 from another version of iamsim).",
                file.events, file.clock, replay.events, replay.clock
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
    // Older exports carry the whole world: only its event count and clock are read.
    let old_events = value
        .pointer("/world/events")
        .and_then(serde_json::Value::as_array)
        .map(|events| u64::try_from(events.len()).unwrap_or(u64::MAX));
    let old_clock = value
        .pointer("/world/clock/now")
        .and_then(serde_json::Value::as_u64)
        .map(|seconds| iamsim_engine::clock::Timestamp(seconds).iso_z());
    let save = Save::from_value(&value).map_err(SaveError::NotASave)?;
    let state = WorldState::replay(save.seed, &save.steps);
    let events = save.events.or(old_events);
    let clock = save.clock.clone().or(old_clock);
    let replay = Check::of(&state);
    let differs = events.is_some_and(|n| n != replay.events)
        || clock.as_ref().is_some_and(|c| *c != replay.clock);
    if differs {
        let file = Check {
            events: events.unwrap_or(replay.events),
            clock: clock.unwrap_or_else(|| replay.clock.clone()),
        };
        return Err(SaveError::Mismatch { file, replay });
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
        assert!(!text.contains("\"events\"") && !text.contains("\"clock\""));
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
    fn a_save_with_a_bad_step_is_refused_with_its_place() {
        let text = |steps: &str| {
            format!(r#"{{"format":"iamsim.world","version":1,"seed":7,"steps":{steps}}}"#)
        };
        for (steps, why) in [
            (
                r#"[{"step":"fly"}]"#,
                "step 1: unknown step `fly`, expected `line` or `command`",
            ),
            (
                r#"[{"step":"line","tab":"laptop","line":"ls"},{"step":"line","tab":"laptop"}]"#,
                "step 2: a step has no text field `line`",
            ),
            (
                r#"[{"step":"command","panel":"clock","label":"+5 min","command":{"Wait":{}}}]"#,
                "step 1: command: unknown command `Wait`",
            ),
            (r#"{}"#, "missing or invalid field `steps`"),
        ] {
            assert_eq!(
                load(&text(steps)).unwrap_err().to_string(),
                format!("This file is not an iamsim world: {why}")
            );
        }
        let (save, state) = load(&text(
            r#"[{"step":"line","tab":"laptop","line":"aws s3 mb s3://b"}]"#,
        ))
        .unwrap();
        assert_eq!(save.seed, 7);
        assert_eq!(state.steps.len(), 1);
    }

    #[test]
    fn exports_record_events_and_clock_not_the_world() {
        let s = some_state();
        let value: serde_json::Value =
            serde_json::from_str(&Save::of(&s, true).to_text(true)).unwrap();
        assert_eq!(value["events"], s.world.events().len());
        assert_eq!(value["clock"], s.world.now().iso_z());
        assert!(value.get("world").is_none());
        let keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        assert_eq!(
            keys,
            ["format", "version", "seed", "steps", "events", "clock"]
        );
    }

    #[test]
    fn edited_files_are_refused() {
        let s = some_state();
        let mut save = Save::of(&s, true);
        save.steps.pop();
        let err = load(&save.to_text(false)).unwrap_err();
        let replay = Check::of(&WorldState::replay(s.seed, &save.steps));
        assert_ne!(replay.events, save.events.unwrap());
        assert_eq!(
            err.to_string(),
            format!(
                "This file's steps do not give the world saved with them: the file says {} \
                 events at {}, its steps give {} events at {} (the file was edited, or comes \
                 from another version of iamsim).",
                save.events.unwrap(),
                save.clock.as_deref().unwrap(),
                replay.events,
                replay.clock
            )
        );
        // A changed clock alone is refused too.
        let mut save = Save::of(&s, true);
        save.clock = Some("2030-01-01T00:00:00Z".into());
        assert!(matches!(
            load(&save.to_text(false)),
            Err(SaveError::Mismatch { .. })
        ));
    }

    /// An export as earlier versions wrote it: a full copy of the world under `world`.
    fn old_export(s: &WorldState, steps: &[Step]) -> String {
        serde_json::json!({
            "format": FORMAT,
            "version": VERSION,
            "seed": s.seed,
            "steps": steps,
            "world": serde_json::to_value(&s.world).unwrap(),
        })
        .to_string()
    }

    #[test]
    fn older_exports_with_a_world_copy_still_import_and_are_checked() {
        let s = some_state();
        let (save, loaded) = load(&old_export(&s, &s.steps)).unwrap();
        assert_eq!(save.steps, s.steps);
        assert_eq!(loaded.world, s.world);
        let fewer = &s.steps[..1];
        let Err(SaveError::Mismatch { file, replay }) = load(&old_export(&s, fewer)) else {
            panic!("an edited old export was accepted");
        };
        assert_eq!(file, Check::of(&s));
        assert_eq!(replay, Check::of(&WorldState::replay(s.seed, fewer)));
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

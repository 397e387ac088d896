//! How the playground is kept in `localStorage`: the format, and what to do
//! with text that cannot be read. The browser calls live in the UI; this part
//! is pure so it can be tested on the host.

use serde::{Deserialize, Serialize};

use super::model::PlaygroundDoc;

/// The key the playground is saved under. Bump the version when the format
/// changes incompatibly.
pub const STORAGE_KEY: &str = "iamsim.playground.v1";

/// Where unreadable saved text is set aside, so nothing the learner wrote is lost.
pub const UNREADABLE_KEY: &str = "iamsim.playground.v1.unreadable";

#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    doc: PlaygroundDoc,
}

const VERSION: u32 = 1;

/// What was found in storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loaded {
    /// Nothing saved yet.
    Missing,
    /// A saved playground.
    Doc(Box<PlaygroundDoc>),
    /// Text that is not a saved playground; `error` says why.
    Unreadable {
        /// The saved text, to be set aside under [`UNREADABLE_KEY`].
        raw: String,
        /// Why it could not be read.
        error: String,
    },
}

/// The text to save for a doc.
pub fn encode(doc: &PlaygroundDoc) -> String {
    let stored = Stored {
        version: VERSION,
        doc: doc.clone(),
    };
    serde_json::to_string(&stored).unwrap_or_default()
}

/// Reads what `localStorage.getItem(STORAGE_KEY)` returned.
pub fn decode(raw: Option<&str>) -> Loaded {
    let Some(raw) = raw else {
        return Loaded::Missing;
    };
    match serde_json::from_str::<Stored>(raw) {
        Ok(stored) if stored.version == VERSION => Loaded::Doc(Box::new(repair(stored.doc))),
        Ok(stored) => Loaded::Unreadable {
            raw: raw.to_string(),
            error: format!("unknown format version {}", stored.version),
        },
        Err(err) => Loaded::Unreadable {
            raw: raw.to_string(),
            error: err.to_string(),
        },
    }
}

/// Makes sure the next id is above every id in use (a hand-edited save may not be).
fn repair(mut doc: PlaygroundDoc) -> PlaygroundDoc {
    let highest = doc.identity.iter().map(|p| p.id).max().unwrap_or(0);
    if doc.next_id <= highest {
        doc.next_id = highest.saturating_add(1);
    }
    doc
}

/// The sentence shown when saved text could not be read.
pub fn unreadable_notice(error: &str) -> String {
    format!(
        "Your saved playground could not be read ({error}). It was kept in this browser's \
         storage under \"{UNREADABLE_KEY}\" and the example was loaded instead."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let doc = PlaygroundDoc::default();
        assert_eq!(decode(Some(&encode(&doc))), Loaded::Doc(Box::new(doc)));
    }

    #[test]
    fn missing_and_unreadable() {
        assert_eq!(decode(None), Loaded::Missing);
        let Loaded::Unreadable { raw, error } = decode(Some("{not json")) else {
            panic!("expected unreadable");
        };
        assert_eq!(raw, "{not json");
        assert!(error.contains("line 1"), "{error}");
        let other = decode(Some(r#"{"version":2,"doc":null}"#));
        assert!(matches!(other, Loaded::Unreadable { .. }), "{other:?}");
    }

    #[test]
    fn repairs_next_id() {
        let doc = PlaygroundDoc {
            next_id: 0,
            ..PlaygroundDoc::default()
        };
        let Loaded::Doc(back) = decode(Some(&encode(&doc))) else {
            panic!("expected a doc");
        };
        assert_eq!(back.next_id, 2);
    }

    #[test]
    fn notice_names_the_key() {
        assert_eq!(
            unreadable_notice("expected value at line 1 column 1"),
            "Your saved playground could not be read (expected value at line 1 column 1). \
             It was kept in this browser's storage under \"iamsim.playground.v1.unreadable\" \
             and the example was loaded instead."
        );
    }
}

//! Pure helpers of the player: options in the URL, step links, the slice of the
//! transcript and of the events that belong to the shown step, and the diagram's model.

use std::collections::BTreeMap;
use std::ops::Range;

use iamsim_engine::event::Event;
use iamsim_lessons::{Entry, Player, Scenario};

use crate::world_ui::diagram_model::{DiagramModel, diagram};
use crate::world_ui::state::LocalFailure;

/// Options read from the query part of the fragment (`#/scenario/x/step/2?embed=1`) or
/// of the page address.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// `embed=1`: the compact player.
    pub embed: bool,
    /// `presenter=1`: presenter mode.
    pub presenter: bool,
}

impl Options {
    /// Reads `embed=1` and `presenter=1` from a query string (with or without `?`).
    pub fn parse(query: &str) -> Options {
        let mut options = Options::default();
        for pair in query.trim_start_matches('?').split('&') {
            match pair {
                "embed=1" | "embed=true" => options.embed = true,
                "presenter=1" | "presenter=true" => options.presenter = true,
                _ => {}
            }
        }
        options
    }

    /// The query to keep on links (`?embed=1`, or empty).
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        if self.embed {
            parts.push("embed=1");
        }
        if self.presenter {
            parts.push("presenter=1");
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

/// The query part of a fragment: `#/a?b=1` → `b=1`.
pub fn fragment_query(hash: &str) -> &str {
    hash.split_once('?').map(|(_, q)| q).unwrap_or_default()
}

/// The link to step `step` (1-based) of scenario `id`.
pub fn step_href(id: &str, step: usize, options: Options) -> String {
    format!("#/scenario/{id}/step/{step}{}", options.query())
}

/// The step to show: 1-based, within the scenario.
pub fn clamp_step(scenario: &Scenario, step: usize) -> usize {
    step.clamp(1, scenario.steps.len().max(1))
}

/// The transcript entries of the last played step (from its header on).
pub fn last_step_entries(player: &Player) -> &[Entry] {
    let entries = player.entries();
    let start = entries
        .iter()
        .rposition(|e| matches!(e, Entry::Step { .. }))
        .unwrap_or(0);
    entries.get(start..).unwrap_or_default()
}

/// The events of the last played step.
pub fn last_step_range(player: &Player) -> Range<usize> {
    player
        .records()
        .last()
        .map(|r| r.first_event..r.end_event)
        .unwrap_or(0..0)
}

/// The events of the last played step, as values.
pub fn last_step_events(player: &Player) -> &[Event] {
    player
        .world()
        .events()
        .get(last_step_range(player))
        .unwrap_or_default()
}

/// Lines on instances that failed without reaching any service ("Unable to locate
/// credentials"): the diagram shows them on the instance, as the world page does.
pub fn local_failures(player: &Player) -> BTreeMap<String, LocalFailure> {
    let mut failures = BTreeMap::new();
    let mut step = 0;
    for entry in player.entries() {
        match entry {
            Entry::Step { index, .. } => step = *index,
            Entry::Line {
                host,
                events_before,
                line,
                output,
                ..
            } if host != "laptop" && output.contains("Unable to locate credentials") => {
                let bucket = bucket_named(line);
                // Keyed like the world page: one per instance and bucket.
                failures.insert(
                    format!("{host} {}", bucket.as_deref().unwrap_or_default()),
                    LocalFailure {
                        instance_id: host.clone(),
                        bucket,
                        at_event: *events_before,
                        step,
                    },
                );
            }
            _ => {}
        }
    }
    failures
}

/// `s3://bucket/…` on a line → `bucket`.
fn bucket_named(line: &str) -> Option<String> {
    let rest = line.split("s3://").nth(1)?;
    let name: String = rest
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '/')
        .collect();
    (!name.is_empty()).then_some(name)
}

/// The diagram of the player's world, with the last step's events lit.
pub fn diagram_of(player: &Player) -> DiagramModel {
    diagram(
        player.world(),
        &local_failures(player),
        last_step_range(player),
        player.records().len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use iamsim_lessons::scenario;

    #[test]
    fn options_round_trip() {
        assert_eq!(Options::parse(""), Options::default());
        let o = Options::parse("?embed=1");
        assert!(o.embed && !o.presenter);
        assert_eq!(o.query(), "?embed=1");
        assert_eq!(
            Options::parse("embed=1&presenter=1").query(),
            "?embed=1&presenter=1"
        );
        assert_eq!(fragment_query("#/scenario/x/step/2?embed=1"), "embed=1");
        assert_eq!(fragment_query("#/scenario/x"), "");
    }

    #[test]
    fn step_links_and_clamping() {
        let s = scenario("pass-role").unwrap();
        assert_eq!(
            step_href("pass-role", 3, Options::default()),
            "#/scenario/pass-role/step/3"
        );
        assert_eq!(clamp_step(s, 0), 1);
        assert_eq!(clamp_step(s, 99), s.steps.len());
    }

    #[test]
    fn the_shown_step_has_its_own_entries_and_events() {
        let s = scenario("s3-upload-experiment").unwrap();
        let player = Player::at(s, 3);
        let entries = last_step_entries(&player);
        assert!(matches!(
            entries.first(),
            Some(Entry::Step { index: 2, .. })
        ));
        assert!(matches!(entries.last(), Some(Entry::Check(r)) if r.met));
        // The failed upload reached no service: it is a local failure on the instance.
        let failures = local_failures(&player);
        let failure = failures.values().next().unwrap();
        assert_eq!(failure.bucket.as_deref(), Some("madhu-testing"));
        let model = diagram_of(&player);
        assert!(model.nodes.iter().any(|n| n.key.starts_with("instance:")));
    }
}

#[cfg(test)]
mod route_tests {
    use crate::route::Route;

    #[test]
    fn scenario_routes() {
        assert_eq!(
            Route::parse("#/scenario/pass-role/step/3?embed=1"),
            Route::ScenarioStep("pass-role".to_string(), 3)
        );
        assert_eq!(Route::parse("#/lessons"), Route::Lessons);
        assert_eq!(Route::parse("#/quiz/"), Route::Quiz);
        assert_eq!(
            Route::parse("#/scenario/pass-role/step/x"),
            Route::NotFound("/scenario/pass-role/step/x".to_string())
        );
        assert_eq!(
            Route::parse("#/scenario/pass-role/steps/2"),
            Route::NotFound("/scenario/pass-role/steps/2".to_string())
        );
        for route in [
            Route::ScenarioStep("imds-ssrf".to_string(), 4),
            Route::Lessons,
            Route::Quiz,
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }
}

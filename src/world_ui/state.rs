//! The world page's state: the world, the terminals (one shell per host tab) and the
//! action log, with one pure reducer.
//!
//! Every change the learner makes is a [`Step`]: a line typed in a terminal tab, or a
//! command from a console panel or the clock. Steps are the action log: undo replays all
//! but the last step from `World::new(seed)`, so the world, the terminals and their
//! scrollback are always what the steps produce. Storage, timers and the URL live in
//! effects, never here.

use std::collections::BTreeMap;
use std::rc::Rc;

use iamsim_engine::error::ApiError;
use iamsim_engine::world::{Command, World};
use iamsim_shell::Shell;
use serde::Serialize;

/// The seed every world of the page starts from.
pub const SEED: u64 = 2026;

/// The laptop's tab key.
pub const LAPTOP: &str = "laptop";

/// One thing the learner did (the action log's entries; saved and exported).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// A line typed in the terminal tab of `tab` (`laptop` or an instance id).
    Line {
        /// The tab.
        tab: String,
        /// What was typed.
        line: String,
    },
    /// A command from a console panel or the clock.
    Command {
        /// Which panel it came from (`iam`, `ec2`, `s3`, `clock`).
        panel: String,
        /// What the learner did, in words ("Create role app-role").
        label: String,
        /// The command given to the world.
        command: Box<Command>,
    },
}

impl Step {
    /// Reads a step from its saved JSON (by hand: no serde visitors in the app's wasm;
    /// `command_json` reads the command).
    pub fn from_value(value: &serde_json::Value) -> Result<Step, String> {
        let text = |name: &str| {
            value
                .get(name)
                .and_then(serde_json::Value::as_str)
                .map(str::to_string)
                .ok_or_else(|| format!("a step has no text field `{name}`"))
        };
        match value.get("step").and_then(serde_json::Value::as_str) {
            Some("line") => Ok(Step::Line {
                tab: text("tab")?,
                line: text("line")?,
            }),
            Some("command") => {
                let command = value
                    .get("command")
                    .ok_or("a command step has no field `command`")?;
                Ok(Step::Command {
                    panel: text("panel")?,
                    label: text("label")?,
                    command: Box::new(
                        super::command_json::command_from_value(command)
                            .map_err(|e| format!("command: {e}"))?,
                    ),
                })
            }
            Some(other) => Err(format!(
                "unknown step `{other}`, expected `line` or `command`"
            )),
            None => Err("a step has no field `step`".to_string()),
        }
    }
}

/// One entry of a terminal's scrollback.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The prompt shown before the line.
    pub prompt: String,
    /// The line typed.
    pub line: String,
    /// What it printed (stdout and stderr interleaved).
    pub output: String,
    /// Its exit status.
    pub status: i32,
}

/// A terminal tab: a shell session on one host.
#[derive(Clone, Debug, PartialEq)]
pub struct Tab {
    /// `laptop` or the instance id.
    pub host: String,
    /// The shell session.
    pub shell: Shell,
    /// What the tab shows, oldest first.
    pub scrollback: Vec<Entry>,
    /// Lines typed in this tab, oldest first (for ↑/↓).
    pub history: Vec<String>,
}

/// The result of the last console command, shown in its panel.
#[derive(Clone, Debug, PartialEq)]
pub struct ConsoleResult {
    /// The panel the command came from.
    pub panel: String,
    /// What was done, in words.
    pub label: String,
    /// AWS's response, or its error.
    pub result: Result<serde_json::Value, ApiError>,
}

/// What an application on an instance last got when it talked to S3 without reaching
/// S3 at all (no credentials): no API event records that, so the page remembers it.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalFailure {
    /// The instance.
    pub instance_id: String,
    /// The bucket named on the line, if any.
    pub bucket: Option<String>,
    /// The number of events when it happened (orders it among the events).
    pub at_event: usize,
    /// The index of the step that failed.
    pub step: usize,
}

/// A message shown in a banner above the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// `error` or `info`.
    pub kind: &'static str,
    /// The text.
    pub text: String,
}

/// The page's whole state.
#[derive(Clone, Debug)]
pub struct WorldState {
    /// The seed of the world.
    pub seed: u64,
    /// The world.
    pub world: World,
    /// The terminal tabs; the first is always the laptop.
    pub tabs: Vec<Tab>,
    /// The tab shown.
    pub active_tab: String,
    /// The action log.
    pub steps: Vec<Step>,
    /// Undone steps, the next to redo last.
    pub redo: Vec<Step>,
    /// The last console command's result.
    pub console: Option<ConsoleResult>,
    /// "Unable to locate credentials" failures on instances, by instance id and bucket.
    pub local_failures: BTreeMap<String, LocalFailure>,
    /// The events the last step appended.
    pub last_events: std::ops::Range<usize>,
    /// A banner, if any.
    pub notice: Option<Notice>,
    /// Bumped on every change (cheap equality for the context).
    pub revision: u64,
}

impl PartialEq for WorldState {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
    }
}

/// What the page can ask the reducer to do.
#[derive(Clone, Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "one action at a time, consumed at once by the reducer"
)]
pub enum Action {
    /// Run a line in the active tab.
    RunLine(String),
    /// Apply a console or clock command.
    Apply {
        /// The panel it comes from.
        panel: String,
        /// In words.
        label: String,
        /// The command.
        command: Command,
    },
    /// Apply console commands in order, stopping at the first error (each is a step).
    ApplyAll {
        /// The panel they come from.
        panel: String,
        /// What each does, in words, with the command.
        commands: Vec<(String, Command)>,
    },
    /// Show another terminal tab.
    SelectTab(String),
    /// Take back the last step.
    Undo,
    /// Do again the last undone step.
    Redo,
    /// Start again from a fresh world.
    Reset,
    /// Replace everything with these steps (import, or storage at start).
    Load {
        /// The seed.
        seed: u64,
        /// The steps.
        steps: Vec<Step>,
        /// A banner to show afterwards.
        notice: Option<Notice>,
    },
    /// Show a banner.
    Notify(Notice),
    /// Hide the banner.
    Dismiss,
}

impl WorldState {
    /// A fresh world of `seed` with one laptop terminal.
    pub fn new(seed: u64) -> WorldState {
        let world = World::new(seed);
        let shell = Shell::new(&world);
        WorldState {
            seed,
            world,
            tabs: vec![Tab {
                host: LAPTOP.to_string(),
                shell,
                scrollback: Vec::new(),
                history: Vec::new(),
            }],
            active_tab: LAPTOP.to_string(),
            steps: Vec::new(),
            redo: Vec::new(),
            console: None,
            local_failures: BTreeMap::new(),
            last_events: 0..0,
            notice: None,
            revision: 0,
        }
    }

    /// The world the steps give, from a fresh world of `seed`.
    pub fn replay(seed: u64, steps: &[Step]) -> WorldState {
        let mut state = WorldState::new(seed);
        for step in steps {
            state.perform(step.clone());
        }
        state.console = None;
        state
    }

    /// The tab shown.
    pub fn active(&self) -> Option<&Tab> {
        self.tabs
            .iter()
            .find(|t| t.host == self.active_tab)
            .or_else(|| self.tabs.first())
    }

    /// Performs one step and appends it to the log.
    fn perform(&mut self, step: Step) {
        let first = self.world.events().len();
        match &step {
            Step::Line { tab, line } => self.run_line(tab, line),
            Step::Command {
                panel,
                label,
                command,
            } => {
                let result = self
                    .world
                    .apply((**command).clone())
                    .map(|outcome| outcome.response);
                self.console = Some(ConsoleResult {
                    panel: panel.clone(),
                    label: label.clone(),
                    result,
                });
            }
        }
        self.steps.push(step);
        self.last_events = first..self.world.events().len();
        self.revision += 1;
    }

    /// Runs `line` in the tab of `host`. `ssh` to an instance opens (or shows) that
    /// instance's tab; `exit` from an instance closes its tab.
    fn run_line(&mut self, host: &str, line: &str) {
        let Some(index) = self.tabs.iter().position(|t| t.host == host) else {
            return;
        };
        let Some(tab) = self.tabs.get_mut(index) else {
            return;
        };
        let before = tab.shell.clone();
        let prompt = tab.shell.prompt();
        let events_before = self.world.events().len();
        let out = tab.shell.run_line(&mut self.world, line);
        if !line.trim().is_empty() {
            tab.history.push(line.to_string());
        }
        if out.clear {
            tab.scrollback.clear();
        }
        tab.scrollback.push(Entry {
            prompt,
            line: line.to_string(),
            output: out.combined.clone(),
            status: out.status,
        });
        let now_on = tab.shell.current_host().to_string();
        if let Some(instance_id) = tab.shell.host().instance_id()
            && out.combined.contains("Unable to locate credentials")
        {
            let bucket = bucket_named(line);
            self.local_failures.insert(
                format!("{instance_id} {}", bucket.as_deref().unwrap_or_default()),
                LocalFailure {
                    instance_id: instance_id.to_string(),
                    bucket,
                    at_event: events_before,
                    step: self.steps.len(),
                },
            );
        }
        if now_on == host {
            self.active_tab = host.to_string();
            return;
        }
        if host == LAPTOP {
            // `ssh i-…`: the session moves to the instance's own tab; the laptop's tab
            // stays on the laptop.
            let moved = std::mem::replace(&mut tab.shell, before);
            if let Some(existing) = self.tabs.iter_mut().find(|t| t.host == now_on) {
                existing.scrollback.push(Entry {
                    prompt: String::new(),
                    line: String::new(),
                    output: format!("(this tab is the session on {now_on})\n"),
                    status: 0,
                });
            } else {
                self.tabs.push(Tab {
                    host: now_on.clone(),
                    shell: moved,
                    scrollback: Vec::new(),
                    history: Vec::new(),
                });
            }
            self.active_tab = now_on;
        } else {
            // `exit` (or ssh elsewhere) from an instance: its tab closes.
            let closed = self.tabs.remove(index);
            let target = closed.shell.current_host().to_string();
            if let Some(t) = self.tabs.iter_mut().find(|t| t.host == target) {
                t.scrollback.push(Entry {
                    prompt: String::new(),
                    line: String::new(),
                    output: out.combined,
                    status: out.status,
                });
                self.active_tab = target;
            } else {
                self.tabs.push(Tab {
                    host: target.clone(),
                    shell: closed.shell,
                    scrollback: Vec::new(),
                    history: Vec::new(),
                });
                self.active_tab = target;
            }
        }
    }

    /// The state after `action`; `self` unchanged when nothing changes.
    pub fn next(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::RunLine(line) => {
                let mut s = (*self).clone();
                let tab = s.active().map(|t| t.host.clone()).unwrap_or_default();
                s.perform(Step::Line { tab, line });
                s.redo.clear();
                Rc::new(s)
            }
            Action::Apply {
                panel,
                label,
                command,
            } => {
                let mut s = (*self).clone();
                s.perform(Step::Command {
                    panel,
                    label,
                    command: Box::new(command),
                });
                s.redo.clear();
                Rc::new(s)
            }
            Action::ApplyAll { panel, commands } => {
                let mut s = (*self).clone();
                for (label, command) in commands {
                    s.perform(Step::Command {
                        panel: panel.clone(),
                        label,
                        command: Box::new(command),
                    });
                    if s.console.as_ref().is_some_and(|c| c.result.is_err()) {
                        break;
                    }
                }
                s.redo.clear();
                Rc::new(s)
            }
            Action::SelectTab(host) => {
                if self.active_tab == host || !self.tabs.iter().any(|t| t.host == host) {
                    return self;
                }
                let mut s = (*self).clone();
                s.active_tab = host;
                s.revision += 1;
                Rc::new(s)
            }
            Action::Undo => {
                let Some((last, rest)) = self.steps.split_last() else {
                    return self;
                };
                let mut s = WorldState::replay(self.seed, rest);
                s.redo = self.redo.clone();
                s.redo.push(last.clone());
                s.revision = self.revision + 1;
                Rc::new(s)
            }
            Action::Redo => {
                let mut redo = self.redo.clone();
                let Some(step) = redo.pop() else {
                    return self;
                };
                let mut s = (*self).clone();
                s.perform(step);
                s.redo = redo;
                Rc::new(s)
            }
            Action::Reset => {
                let mut s = WorldState::new(self.seed);
                // Redo can bring the old world back, step by step.
                s.redo = self.steps.iter().rev().cloned().collect();
                s.revision = self.revision + 1;
                Rc::new(s)
            }
            Action::Load {
                seed,
                steps,
                notice,
            } => {
                let mut s = WorldState::replay(seed, &steps);
                s.notice = notice;
                s.revision = self.revision + 1;
                Rc::new(s)
            }
            Action::Notify(notice) => {
                let mut s = (*self).clone();
                s.notice = Some(notice);
                s.revision += 1;
                Rc::new(s)
            }
            Action::Dismiss => {
                if self.notice.is_none() {
                    return self;
                }
                let mut s = (*self).clone();
                s.notice = None;
                s.revision += 1;
                Rc::new(s)
            }
        }
    }
}

/// A call from the laptop signed with the admin user's keys (what the consoles do).
pub fn admin_call(
    world: &World,
    service: &str,
    operation: &str,
    params: serde_json::Value,
) -> Command {
    Command::Call {
        origin: iamsim_engine::world::Origin::Laptop,
        credentials: Some(world.admin_credentials()),
        service: service.to_string(),
        operation: operation.to_string(),
        params,
    }
}

/// The bucket of the first `s3://BUCKET` on a line.
pub fn bucket_named(line: &str) -> Option<String> {
    let rest = line.split("s3://").nth(1)?;
    let name: String = rest
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '/' && *c != '"' && *c != '\'')
        .collect();
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(state: Rc<WorldState>, line: &str) -> Rc<WorldState> {
        state.next(Action::RunLine(line.to_string()))
    }

    #[test]
    fn a_line_runs_in_the_laptop_tab_and_is_logged() {
        let s = Rc::new(WorldState::new(SEED));
        let s = run(s, "aws s3 mb s3://demo-bucket");
        let tab = s.active().unwrap();
        assert_eq!(tab.host, LAPTOP);
        assert_eq!(tab.scrollback.len(), 1);
        assert_eq!(tab.scrollback[0].output, "make_bucket: demo-bucket\n");
        assert_eq!(s.steps.len(), 1);
        assert_eq!(s.world.buckets().count(), 1);
    }

    #[test]
    fn undo_replays_and_redo_reapplies() {
        let s = Rc::new(WorldState::new(SEED));
        let s = run(s, "aws s3 mb s3://one");
        let s = run(s, "aws s3 mb s3://two");
        let with_two = s.world.clone();
        let s = s.next(Action::Undo);
        assert_eq!(s.world.buckets().count(), 1);
        assert_eq!(s.redo.len(), 1);
        assert_eq!(s.active().unwrap().scrollback.len(), 1);
        let s = s.next(Action::Redo);
        assert_eq!(s.world, with_two);
        assert!(s.redo.is_empty());
    }

    #[test]
    fn a_new_step_clears_redo() {
        let s = Rc::new(WorldState::new(SEED));
        let s = run(s, "aws s3 mb s3://one");
        let s = s.next(Action::Undo);
        let s = run(s, "aws s3 mb s3://two");
        assert!(s.redo.is_empty());
    }

    #[test]
    fn undo_with_nothing_to_undo_is_a_no_op() {
        let s = Rc::new(WorldState::new(SEED));
        let same = s.clone().next(Action::Undo);
        assert!(Rc::ptr_eq(&s, &same));
        let same = s.clone().next(Action::Redo);
        assert!(Rc::ptr_eq(&s, &same));
    }

    #[test]
    fn console_commands_keep_their_result() {
        let s = Rc::new(WorldState::new(SEED));
        let s = s.next(Action::Apply {
            panel: "iam".into(),
            label: "Create role".into(),
            command: Command::ConsoleCreateRoleForEc2 {
                role_name: "bad name".into(),
                managed_policy_arns: vec![],
                description: None,
            },
        });
        let console = s.console.as_ref().unwrap();
        let err = console.result.as_ref().unwrap_err();
        assert_eq!(err.code, "ValidationError");
    }

    #[test]
    fn apply_all_stops_at_the_first_error() {
        let s = Rc::new(WorldState::new(SEED));
        let w = s.world.clone();
        let s = s.next(Action::ApplyAll {
            panel: "s3".into(),
            commands: vec![
                (
                    "one".into(),
                    admin_call(
                        &w,
                        "s3",
                        "CreateBucket",
                        serde_json::json!({"Bucket": "one"}),
                    ),
                ),
                (
                    "again".into(),
                    admin_call(
                        &w,
                        "s3",
                        "CreateBucket",
                        serde_json::json!({"Bucket": "BAD_NAME"}),
                    ),
                ),
                (
                    "two".into(),
                    admin_call(
                        &w,
                        "s3",
                        "CreateBucket",
                        serde_json::json!({"Bucket": "two"}),
                    ),
                ),
            ],
        });
        assert_eq!(s.steps.len(), 2);
        assert_eq!(s.world.buckets().count(), 1);
        assert_eq!(s.console.as_ref().unwrap().label, "again");
        assert!(s.console.as_ref().unwrap().result.is_err());
    }

    #[test]
    fn bucket_on_a_line() {
        assert_eq!(
            bucket_named("aws s3 cp f.txt s3://my-b/f.txt"),
            Some("my-b".to_string())
        );
        assert_eq!(bucket_named("aws s3 ls s3://b"), Some("b".to_string()));
        assert_eq!(bucket_named("aws s3 ls"), None);
    }
}

//! Playing a scenario: run steps on a world and a terminal, record a transcript,
//! check each step. Going back is replaying from a fresh world ([`Player::at`]).

use iamsim_engine::World;
use iamsim_engine::event::Event;
use iamsim_engine::policy::Decision;
use iamsim_shell::{LineOutput, Shell};

use crate::check::{CheckResult, StepView, instance_named};
use crate::model::{Action, On, Scenario, Step};

/// One line of the transcript.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A step begins.
    Step {
        /// Its index (0-based).
        index: usize,
        /// Its title.
        title: String,
    },
    /// A shell line and what it printed.
    Line {
        /// `laptop`, or the id of the instance the terminal was on.
        host: String,
        /// How many events the world had before the line ran.
        events_before: usize,
        /// The prompt it was typed at.
        prompt: String,
        /// The line.
        line: String,
        /// What it printed (standard output and error, interleaved).
        output: String,
    },
    /// A console action and its result.
    Console {
        /// The click-through.
        label: String,
        /// What the console showed.
        output: String,
    },
    /// The evaluator's explanation of a denial.
    Explanation {
        /// The text.
        text: String,
    },
    /// A check's result.
    Check(CheckResult),
}

/// What one played step left behind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepRecord {
    /// The step's index.
    pub index: usize,
    /// `world.events()[first_event..end_event]` happened in the step.
    pub first_event: usize,
    /// End of the step's events (exclusive).
    pub end_event: usize,
    /// The check's result at the end of the step.
    pub result: CheckResult,
}

/// A scenario being played.
#[derive(Clone, Debug)]
pub struct Player {
    scenario: &'static Scenario,
    world: World,
    shell: Shell,
    done: usize,
    entries: Vec<Entry>,
    records: Vec<StepRecord>,
    events_from: usize,
    started_at: u64,
    output: String,
}

impl Player {
    /// A fresh world (the scenario's seed) and terminal, before the first step.
    pub fn new(scenario: &'static Scenario) -> Player {
        let world = World::new(scenario.seed);
        let shell = Shell::new(&world);
        let started_at = world.now().seconds();
        Player {
            scenario,
            world,
            shell,
            done: 0,
            entries: Vec::new(),
            records: Vec::new(),
            events_from: 0,
            started_at,
            output: String::new(),
        }
    }

    /// The world as it is before step `step` (steps `0..step` played from a fresh world).
    pub fn at(scenario: &'static Scenario, step: usize) -> Player {
        let mut player = Player::new(scenario);
        while player.done < step && player.play_next().is_some() {}
        player
    }

    /// The scenario.
    pub fn scenario(&self) -> &'static Scenario {
        self.scenario
    }

    /// The world.
    pub fn world(&self) -> &World {
        &self.world
    }

    /// The terminal.
    pub fn shell(&self) -> &Shell {
        &self.shell
    }

    /// How many steps have been played (the index of the next step).
    pub fn done(&self) -> usize {
        self.done
    }

    /// Whether every step has been played.
    pub fn finished(&self) -> bool {
        self.done >= self.scenario.steps.len()
    }

    /// The next step, if any.
    pub fn next_step(&self) -> Option<&'static Step> {
        self.scenario.steps.get(self.done)
    }

    /// The transcript so far.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The played steps.
    pub fn records(&self) -> &[StepRecord] {
        &self.records
    }

    /// The events since the next step began (what the learner's typing caused).
    pub fn pending_events(&self) -> &[Event] {
        self.world
            .events()
            .get(self.events_from..)
            .unwrap_or_default()
    }

    /// Plays the next step: runs its actions, checks it, records it.
    pub fn play_next(&mut self) -> Option<&StepRecord> {
        let step = self.scenario.steps.get(self.done)?;
        self.begin_window();
        self.entries.push(Entry::Step {
            index: self.done,
            title: step.title.to_string(),
        });
        for action in step.actions {
            self.perform(action);
        }
        self.finish_step()
    }

    /// Skips the next step: records it with its check evaluated, without running its
    /// actions (used to show that checks look at the world, not at the step number).
    pub fn skip_next(&mut self) -> Option<&StepRecord> {
        let step = self.scenario.steps.get(self.done)?;
        self.begin_window();
        self.entries.push(Entry::Step {
            index: self.done,
            title: format!("{} (skipped)", step.title),
        });
        self.finish_step()
    }

    /// Checks the next step against what happened since it began (the learner's own
    /// lines, in "try it yourself").
    pub fn check_pending(&self) -> Option<CheckResult> {
        let step = self.next_step()?;
        Some(step.check.evaluate(&self.view()))
    }

    /// The next step's actions as a learner would type them, with instance ids filled in
    /// from this world (the "show the commands" of try it yourself).
    pub fn solution(&self) -> Vec<String> {
        let Some(step) = self.next_step() else {
            return Vec::new();
        };
        step.actions
            .iter()
            .filter_map(|action| match action {
                Action::Shell {
                    on: On::Laptop,
                    line,
                } => Some(format!("laptop$ {}", self.substitute(line))),
                Action::Shell {
                    on: On::Instance(name),
                    line,
                } => Some(format!("{name}$ {}", self.substitute(line))),
                Action::Console(console) => Some(format!("[console] {}", console.describe())),
                Action::ExplainLastDenial => None,
            })
            .collect()
    }

    /// Types a line in the terminal, wherever it is (try it yourself).
    pub fn type_line(&mut self, line: &str) -> LineOutput {
        let prompt = self.shell.prompt();
        let host = self.shell.current_host().to_string();
        let events_before = self.world.events().len();
        let output = self.shell.run_line(&mut self.world, line);
        self.output.push_str(&output.combined);
        self.entries.push(Entry::Line {
            host,
            events_before,
            prompt,
            line: line.to_string(),
            output: output.combined.clone(),
        });
        output
    }

    /// The transcript as text: prompts, lines and output like `iamsim run`, a header per
    /// step and `✓ check: …` / `✗ check: …` after each.
    pub fn transcript(&self) -> String {
        let total = self.scenario.steps.len();
        let mut text = String::new();
        for entry in &self.entries {
            match entry {
                Entry::Step { index, title } => {
                    text.push_str(&format!("\n## Step {}/{total}: {title}\n", index + 1));
                }
                Entry::Line {
                    prompt,
                    line,
                    output,
                    ..
                } => {
                    text.push_str(prompt);
                    text.push_str(line);
                    text.push('\n');
                    push_block(&mut text, output);
                }
                Entry::Console { label, output } => {
                    text.push_str(&format!("[console] {label}\n"));
                    push_block(&mut text, output);
                }
                Entry::Explanation { text: explanation } => push_block(&mut text, explanation),
                Entry::Check(result) => {
                    text.push_str(&format!(
                        "{} check: {}\n",
                        if result.met { "✓" } else { "✗" },
                        result.text
                    ));
                }
            }
        }
        text.trim_start_matches('\n').to_string()
    }

    fn view(&self) -> StepView<'_> {
        StepView {
            world: &self.world,
            shell: &self.shell,
            events_from: self.events_from,
            output: &self.output,
            started_at: self.started_at,
        }
    }

    fn begin_window(&mut self) {
        self.events_from = self.world.events().len();
        self.started_at = self.world.now().seconds();
        self.output.clear();
    }

    fn finish_step(&mut self) -> Option<&StepRecord> {
        let step = self.scenario.steps.get(self.done)?;
        let result = step.check.evaluate(&self.view());
        self.entries.push(Entry::Check(result.clone()));
        self.records.push(StepRecord {
            index: self.done,
            first_event: self.events_from,
            end_event: self.world.events().len(),
            result,
        });
        self.done += 1;
        self.begin_window();
        self.records.last()
    }

    fn perform(&mut self, action: &Action) {
        match action {
            Action::Shell { on, line } => {
                self.go_to(*on);
                let line = self.substitute(line);
                self.type_line(&line);
            }
            Action::Console(console) => {
                let result = self.world.apply(console.command());
                let output = match result {
                    Ok(_) => console_summary(&self.world, console),
                    Err(error) => format!("{}: {}", error.code, error.message),
                };
                self.output.push_str(&output);
                self.entries.push(Entry::Console {
                    label: console.describe(),
                    output,
                });
            }
            Action::ExplainLastDenial => {
                let text = explain_last_denial(&self.world);
                self.output.push_str(&text);
                self.entries.push(Entry::Explanation { text });
            }
        }
    }

    /// Moves the terminal to `on`, typing `exit` / `ssh i-…` as a learner would.
    fn go_to(&mut self, on: On) {
        let target = match on {
            On::Laptop => None,
            On::Instance(name) => match instance_named(&self.world, name) {
                Some(instance) => Some(instance.instance_id.clone()),
                None => {
                    let message = format!("(no instance is tagged Name={name}; staying here)\n");
                    self.output.push_str(&message);
                    self.entries.push(Entry::Explanation { text: message });
                    return;
                }
            },
        };
        let current = self.shell.current_host().to_string();
        if Some(&current) == target.as_ref() || (current == "laptop" && target.is_none()) {
            return;
        }
        if current != "laptop" {
            self.type_line("exit");
        }
        if let Some(id) = target {
            self.type_line(&format!("ssh {id}"));
        }
    }

    /// Replaces `{{NAME}}` with the id of the instance tagged `Name=NAME`.
    fn substitute(&self, line: &str) -> String {
        let mut out = String::new();
        let mut rest = line;
        while let Some(start) = rest.find("{{") {
            let (head, tail) = rest.split_at(start);
            out.push_str(head);
            let inner = tail.get(2..).unwrap_or_default();
            match inner.find("}}") {
                Some(end) => {
                    let name = inner.get(..end).unwrap_or_default();
                    match instance_named(&self.world, name) {
                        Some(instance) => out.push_str(&instance.instance_id),
                        None => out.push_str(tail.get(..end + 4).unwrap_or_default()),
                    }
                    rest = inner.get(end + 2..).unwrap_or_default();
                }
                None => {
                    out.push_str(tail);
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        out
    }
}

fn push_block(text: &mut String, block: &str) {
    text.push_str(block);
    if !block.is_empty() && !block.ends_with('\n') {
        text.push('\n');
    }
}

fn console_summary(world: &World, console: &crate::model::Console) -> String {
    match console {
        crate::model::Console::CreateRoleForEc2 {
            role_name,
            policies,
        } => {
            let mut text = String::new();
            if let Some(role) = world.role(role_name) {
                text.push_str(&format!("Role {} created: {}\n", role.name, role.arn));
            }
            if let Some(profile) = world.instance_profile(role_name) {
                text.push_str(&format!(
                    "The console also created instance profile {} ({}) and put the role in it\n",
                    profile.name, profile.arn
                ));
            }
            for arn in *policies {
                text.push_str(&format!("Attached {arn}\n"));
            }
            text
        }
    }
}

/// The explanation of the most recent denied API call.
pub fn explain_last_denial(world: &World) -> String {
    let denied = world
        .events()
        .iter()
        .rev()
        .filter_map(Event::as_api)
        .find(|e| {
            e.evaluation()
                .is_some_and(|evaluation| !evaluation.is_allowed())
        });
    match denied.as_deref().and_then(|e| Some((e, e.evaluation()?))) {
        None => "No call has been denied yet.\n".to_string(),
        Some((event, evaluation)) => {
            let action = event
                .authorizations
                .iter()
                .find(|a| !a.evaluation.is_allowed())
                .map(|a| format!("{} on {}", a.action, a.resource))
                .unwrap_or_default();
            let mut text = format!(
                "Why {} was denied ({action}, {}):\n",
                event.event_name,
                event.user_identity.arn.as_deref().unwrap_or("anonymous")
            );
            text.push_str(&evaluation.explain());
            if !text.ends_with('\n') {
                text.push('\n');
            }
            let decision = match evaluation.decision {
                Decision::Allow => "allow",
                Decision::ExplicitDeny => "explicit deny",
                Decision::ImplicitDeny => "implicit deny",
            };
            text.push_str(&format!(
                "Decision: {decision}, {}\n",
                evaluation.reason().unwrap_or_default()
            ));
            text
        }
    }
}

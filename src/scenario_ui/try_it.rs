//! "Try it yourself": the world as it is before the shown step, a terminal for the
//! learner, and the step's check after every line, however the learner gets there.

use iamsim_lessons::{CheckResult, Entry, Player, Scenario};

/// The learner's attempt at one step.
#[derive(Clone, Debug)]
pub struct TryState {
    /// The player, before the step (steps before it replayed).
    pub player: Player,
    /// How many hints are shown.
    pub hints: usize,
    /// Whether the step's own commands are shown.
    pub solution: bool,
    /// The check after the last line.
    pub result: Option<CheckResult>,
}

impl TryState {
    /// Starts trying step `step` (1-based) of `scenario`.
    pub fn new(scenario: &'static Scenario, step: usize) -> TryState {
        let player = Player::at(scenario, step.saturating_sub(1));
        let result = player.check_pending();
        TryState {
            player,
            hints: 0,
            solution: false,
            result,
        }
    }

    /// Runs a line the learner typed and checks the step again.
    pub fn type_line(&mut self, line: &str) {
        self.player.type_line(line);
        self.result = self.player.check_pending();
    }

    /// Whether the step's goal is met.
    pub fn met(&self) -> bool {
        self.result.as_ref().is_some_and(|r| r.met)
    }

    /// The lines typed so far, with prompts and output.
    pub fn lines(&self) -> Vec<(String, String, String)> {
        let before = self.player.records().len();
        let start = self
            .player
            .entries()
            .iter()
            .rposition(|e| matches!(e, Entry::Check(_)))
            .map(|i| i + 1)
            .filter(|_| before > 0)
            .unwrap_or(0);
        self.player
            .entries()
            .get(start..)
            .unwrap_or_default()
            .iter()
            .filter_map(|e| match e {
                Entry::Line {
                    prompt,
                    line,
                    output,
                    ..
                } => Some((prompt.clone(), line.clone(), output.clone())),
                _ => None,
            })
            .collect()
    }

    /// The prompt the next line is typed at.
    pub fn prompt(&self) -> String {
        self.player.shell().prompt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iamsim_lessons::scenario;

    #[test]
    fn the_check_turns_green_however_the_learner_gets_there() {
        let s = scenario("one-role-per-profile").unwrap();
        let mut t = TryState::new(s, 3);
        assert!(!t.met());
        assert!(t.lines().is_empty());
        t.type_line("aws iam create-instance-profile --instance-profile-name other > /dev/null");
        assert!(!t.met());
        t.type_line(
            "aws iam add-role-to-instance-profile --role-name first --instance-profile-name other",
        );
        assert!(t.met());
        assert_eq!(t.lines().len(), 2);
        assert_eq!(t.prompt(), "[admin@laptop ~]$ ");
    }
}

//! The shape of a scenario: steps, actions, where they run.

use crate::check::Check;

/// A guided story over the world.
#[derive(Debug)]
pub struct Scenario {
    /// Stable id used in URLs and on the command line, e.g. `s3-upload-experiment`.
    pub id: &'static str,
    /// Title shown in lists.
    pub title: &'static str,
    /// One or two sentences: what the learner will see.
    pub summary: &'static str,
    /// The source documents it draws on (by number and title), for the teacher.
    pub sources: &'static [&'static str],
    /// The seed of the world it plays on.
    pub seed: u64,
    /// The steps, in order.
    pub steps: &'static [Step],
}

/// One step of a scenario.
#[derive(Debug)]
pub struct Step {
    /// A short title.
    pub title: &'static str,
    /// What the teacher says: our own words.
    pub narration: &'static str,
    /// What the step does, in order.
    pub actions: &'static [Action],
    /// What must be true afterwards; shown met / not met.
    pub check: Check,
    /// Hints for "try it yourself", most general first.
    pub hints: &'static [&'static str],
}

/// Something a step does.
#[derive(Debug)]
pub enum Action {
    /// A line typed in the terminal on a host. `{{NAME}}` in the line stands for the id
    /// of the instance tagged `Name=NAME`.
    Shell {
        /// Where it is typed.
        on: On,
        /// The command line.
        line: &'static str,
    },
    /// A click-through in the AWS console.
    Console(Console),
    /// Shows the evaluator's explanation of the latest denied call.
    ExplainLastDenial,
}

/// Where a shell line runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum On {
    /// The learner's laptop.
    Laptop,
    /// The instance tagged `Name=…` (reached with `ssh`).
    Instance(&'static str),
}

/// A console action.
#[derive(Debug)]
pub enum Console {
    /// IAM console, Roles, Create role, trusted entity "AWS service: EC2": creates the role
    /// and an instance profile of the same name, and attaches the policies.
    CreateRoleForEc2 {
        /// The role's (and profile's) name.
        role_name: &'static str,
        /// AWS managed policy ARNs to attach.
        policies: &'static [&'static str],
    },
}

impl Console {
    /// What the console click-through looks like, as one line.
    pub fn describe(&self) -> String {
        match self {
            Console::CreateRoleForEc2 {
                role_name,
                policies,
            } => {
                let names: Vec<&str> = policies
                    .iter()
                    .map(|arn| arn.rsplit('/').next().unwrap_or(arn))
                    .collect();
                format!(
                    "IAM console › Roles › Create role › Trusted entity: AWS service, use case EC2 › \
                     Permissions: {} › Role name: {role_name} › Create role",
                    if names.is_empty() {
                        "(none)".to_string()
                    } else {
                        names.join(", ")
                    }
                )
            }
        }
    }

    /// The world command it performs.
    pub fn command(&self) -> iamsim_engine::Command {
        match self {
            Console::CreateRoleForEc2 {
                role_name,
                policies,
            } => iamsim_engine::Command::ConsoleCreateRoleForEc2 {
                role_name: (*role_name).to_string(),
                managed_policy_arns: policies.iter().map(|p| (*p).to_string()).collect(),
                description: None,
            },
        }
    }
}

impl Action {
    /// The action as the transcript shows it before it runs.
    pub fn label(&self) -> String {
        match self {
            Action::Shell { line, .. } => (*line).to_string(),
            Action::Console(console) => console.describe(),
            Action::ExplainLastDenial => {
                "Why was it denied? (the evaluator's explanation)".to_string()
            }
        }
    }
}

//! `aws ec2 wait …` and `aws iam wait …`: botocore's waiters. Each poll calls the
//! API; between polls the simulated clock moves by the waiter's delay, as time
//! passes while the real CLI sleeps.

use serde_json::{Map, Value};

use super::{CallError, Ctx, EXIT_OTHER, invalid_choice, parse_params, spec, usage_error};
use crate::io::Out;

/// One waiter: its CLI name, botocore name, the operation it polls, the delay and
/// attempts, and how a response is judged.
struct Waiter {
    name: &'static str,
    title: &'static str,
    api: &'static str,
    delay: u64,
    attempts: u32,
    rule: Rule,
}

enum Rule {
    /// Every instance's state is `success`; any in `failure` ends the wait.
    States {
        success: &'static str,
        failure: &'static [&'static str],
    },
    /// The call succeeds (a `not_found` error code means "not yet").
    Exists { not_found: &'static str },
}

const EC2: &[Waiter] = &[
    Waiter {
        name: "instance-exists",
        title: "InstanceExists",
        api: "DescribeInstances",
        delay: 5,
        attempts: 40,
        rule: Rule::Exists {
            not_found: "InvalidInstanceID.NotFound",
        },
    },
    Waiter {
        name: "instance-running",
        title: "InstanceRunning",
        api: "DescribeInstances",
        delay: 15,
        attempts: 40,
        rule: Rule::States {
            success: "running",
            failure: &["shutting-down", "terminated", "stopping"],
        },
    },
    Waiter {
        name: "instance-stopped",
        title: "InstanceStopped",
        api: "DescribeInstances",
        delay: 15,
        attempts: 40,
        rule: Rule::States {
            success: "stopped",
            failure: &["pending", "terminated"],
        },
    },
    Waiter {
        name: "instance-terminated",
        title: "InstanceTerminated",
        api: "DescribeInstances",
        delay: 15,
        attempts: 40,
        rule: Rule::States {
            success: "terminated",
            failure: &["pending", "stopping"],
        },
    },
];

const IAM: &[Waiter] = &[
    Waiter {
        name: "instance-profile-exists",
        title: "InstanceProfileExists",
        api: "GetInstanceProfile",
        delay: 1,
        attempts: 40,
        rule: Rule::Exists {
            not_found: "NoSuchEntity",
        },
    },
    Waiter {
        name: "policy-exists",
        title: "PolicyExists",
        api: "GetPolicy",
        delay: 1,
        attempts: 20,
        rule: Rule::Exists {
            not_found: "NoSuchEntity",
        },
    },
    Waiter {
        name: "role-exists",
        title: "RoleExists",
        api: "GetRole",
        delay: 1,
        attempts: 20,
        rule: Rule::Exists {
            not_found: "NoSuchEntity",
        },
    },
    Waiter {
        name: "user-exists",
        title: "UserExists",
        api: "GetUser",
        delay: 1,
        attempts: 20,
        rule: Rule::Exists {
            not_found: "NoSuchEntity",
        },
    },
];

fn waiters(service: &str) -> &'static [Waiter] {
    match service {
        "ec2" => EC2,
        "iam" => IAM,
        _ => &[],
    }
}

/// The waiter names of a service (for completion).
pub fn names(service: &str) -> Vec<&'static str> {
    waiters(service).iter().map(|w| w.name).collect()
}

/// The operation a waiter polls, by CLI names.
pub fn polled_operation(service: &str, waiter: &str) -> Option<String> {
    waiters(service)
        .iter()
        .find(|w| w.name == waiter)
        .map(|w| spec::kebab(w.api))
}

/// Whether the service has waiters (so `wait` is one of its commands).
pub fn has_waiters(service: &str) -> bool {
    !waiters(service).is_empty()
}

/// `aws SERVICE wait WAITER --options`.
pub fn run(ctx: &mut Ctx<'_>, service: &spec::Service, args: &[String], out: &mut Out) -> Out {
    let list = waiters(service.command);
    let Some((name, rest)) = args.split_first() else {
        return usage_error(out, "the following arguments are required: subcommand");
    };
    let Some(waiter) = list.iter().find(|w| w.name == name) else {
        let names: Vec<&str> = list.iter().map(|w| w.name).collect();
        return invalid_choice(out, "subcommand", name, &names);
    };
    let Some(operation) = service.operation(&spec::kebab(waiter.api)) else {
        return usage_error(out, "the following arguments are required: subcommand");
    };
    let params = match parse_params(ctx, &operation, rest) {
        Ok((params, _)) => params,
        Err(message) if message.starts_with('\n') => {
            out.fail(super::EXIT_USAGE, message);
            return std::mem::take(out);
        }
        Err(message) => return usage_error(out, &message),
    };
    for attempt in 1..=waiter.attempts {
        match poll(ctx, service.endpoint, waiter, &params) {
            Poll::Done => return std::mem::take(out),
            Poll::Failed(reason) => {
                out.fail(
                    EXIT_OTHER,
                    format!("\nWaiter {} failed: {reason}", waiter.title),
                );
                return std::mem::take(out);
            }
            Poll::Error(error) => {
                error.report(waiter.api, out);
                return std::mem::take(out);
            }
            Poll::Again => {
                if attempt < waiter.attempts {
                    ctx.world.advance(waiter.delay);
                }
            }
        }
    }
    out.fail(
        EXIT_OTHER,
        format!("\nWaiter {} failed: Max attempts exceeded", waiter.title),
    );
    std::mem::take(out)
}

enum Poll {
    Done,
    Again,
    Failed(String),
    Error(CallError),
}

fn poll(ctx: &mut Ctx<'_>, endpoint: &str, waiter: &Waiter, params: &Map<String, Value>) -> Poll {
    let response = ctx.call(endpoint, waiter.api, Value::Object(params.clone()));
    match (&waiter.rule, response) {
        (Rule::Exists { .. }, Ok(_)) => Poll::Done,
        (Rule::Exists { not_found }, Err(CallError::Api(e))) if e.code == *not_found => Poll::Again,
        (Rule::States { .. }, Err(CallError::Api(e))) if e.code == "InvalidInstanceID.NotFound" => {
            Poll::Again
        }
        (_, Err(e)) => Poll::Error(e),
        (Rule::States { success, failure }, Ok(value)) => {
            let states: Vec<String> = value
                .get("Reservations")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|r| r.get("Instances").and_then(Value::as_array))
                .flatten()
                .filter_map(|i| i.pointer("/State/Name").and_then(Value::as_str))
                .map(str::to_string)
                .collect();
            if let Some(bad) = states.iter().find(|s| failure.contains(&s.as_str())) {
                return Poll::Failed(format!(
                    "Waiter encountered a terminal failure state: For expression \"Reservations[].Instances[].State.Name\" we matched expected path: \"{bad}\" at least once"
                ));
            }
            if !states.is_empty() && states.iter().all(|s| s == success) {
                Poll::Done
            } else {
                Poll::Again
            }
        }
    }
}

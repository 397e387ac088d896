//! Checks: named predicates on what happened. A check reads the world (state and
//! events), the terminal's hosts, and what this step printed; never the step number.
//!
//! "In this step" means events appended, and output printed, since the step began,
//! whoever caused them: the scenario's actions or the learner at the keyboard.

use iamsim_engine::World;
use iamsim_engine::ec2::{Instance, InstanceState};
use iamsim_engine::event::{ApiEvent, Event};
use iamsim_engine::imds::IamDelivery;
use iamsim_engine::world::LAPTOP_IP;
use iamsim_shell::Shell;
use iamsim_shell::host::HostKind;

/// A check: the sentence shown to the learner, and the test behind it.
#[derive(Debug)]
pub struct Check {
    /// What must be true, in words, e.g. "the upload reached s3://madhu-testing/notes.txt".
    pub text: &'static str,
    /// The predicate.
    pub test: Test,
}

/// Who made an API call.
#[derive(Clone, Copy, Debug)]
pub enum Who {
    /// Anyone.
    Any,
    /// The IAM user with this name.
    User(&'static str),
    /// A session of the role with this name.
    Role(&'static str),
}

/// Where an API call came from.
#[derive(Clone, Copy, Debug)]
pub enum From {
    /// Anywhere.
    Anywhere,
    /// The learner's laptop.
    Laptop,
    /// The instance tagged `Name=…`.
    Instance(&'static str),
}

/// A predicate. Instances are named by their `Name` tag.
#[derive(Debug)]
pub enum Test {
    /// Every one holds.
    All(&'static [Test]),
    /// It does not hold.
    Not(&'static Test),
    /// The step's output contains this text.
    Output(&'static str),
    /// The bucket exists.
    Bucket(&'static str),
    /// The object exists.
    Object {
        /// Bucket.
        bucket: &'static str,
        /// Key.
        key: &'static str,
    },
    /// The role exists.
    Role(&'static str),
    /// The instance profile exists.
    Profile(&'static str),
    /// The profile exists and holds this role.
    ProfileRole {
        /// Profile name.
        profile: &'static str,
        /// Role name.
        role: &'static str,
    },
    /// The role has the managed policy of this name attached.
    RolePolicy {
        /// Role name.
        role: &'static str,
        /// Policy name (AWS managed or customer managed).
        policy: &'static str,
    },
    /// The role's trust policy allows this service principal to call sts:AssumeRole.
    Trusts {
        /// Role name.
        role: &'static str,
        /// e.g. `ec2.amazonaws.com`.
        service: &'static str,
    },
    /// The user exists and has an active access key.
    UserKey(&'static str),
    /// The user has an inline policy of this name.
    UserPolicy {
        /// User name.
        user: &'static str,
        /// Inline policy name.
        policy: &'static str,
    },
    /// The instance is running.
    Running(&'static str),
    /// The instance is associated with this profile.
    InstanceProfile {
        /// Instance (Name tag).
        instance: &'static str,
        /// Profile name.
        profile: &'static str,
    },
    /// The instance is associated with some profile.
    AnyProfile(&'static str),
    /// The instance's metadata options.
    Metadata {
        /// Instance (Name tag).
        instance: &'static str,
        /// `optional` or `required`.
        tokens: &'static str,
        /// HttpPutResponseHopLimit.
        hop_limit: u8,
    },
    /// Systems Manager lists the instance as a managed node, Online.
    SsmOnline(&'static str),
    /// What the metadata service's `iam/security-credentials/ROLE` currently answers:
    /// `Success` or `AssumeRoleUnauthorizedAccess`.
    Delivery {
        /// Instance (Name tag).
        instance: &'static str,
        /// The `Code`.
        code: &'static str,
    },
    /// A metadata-service request in this step matched.
    Imds {
        /// Instance (Name tag).
        instance: &'static str,
        /// `GET` or `PUT`.
        method: &'static str,
        /// The path contains this.
        path: &'static str,
        /// The answer's status (0: no answer arrived).
        status: u16,
        /// Whether it carried a token (None: either).
        token: Option<bool>,
    },
    /// An API call in this step matched.
    Call {
        /// The operation, e.g. `PutObject`.
        operation: &'static str,
        /// The error code, or None for a successful call.
        error: Option<&'static str>,
        /// Who called.
        who: Who,
        /// From where.
        from: From,
    },
    /// The instance's role credentials were replaced by new ones before the old expired,
    /// during this step.
    Rotated(&'static str),
    /// The simulated clock is at least this many seconds after 2026-01-01T00:00:00Z.
    ClockPast(u64),
    /// A file on the instance (in the terminal's copy of it) contains the text.
    File {
        /// Instance (Name tag).
        instance: &'static str,
        /// Absolute path.
        path: &'static str,
        /// Text it contains.
        contains: &'static str,
    },
}

/// The result of a check, with what was seen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckResult {
    /// The check's sentence.
    pub text: String,
    /// Whether it holds.
    pub met: bool,
    /// What the check saw, one line per test.
    pub evidence: Vec<String>,
}

/// What a check may look at.
pub struct StepView<'a> {
    /// The world.
    pub world: &'a World,
    /// The terminal (hosts and their files).
    pub shell: &'a Shell,
    /// Index into `world.events()` of the first event of this step.
    pub events_from: usize,
    /// What this step printed so far.
    pub output: &'a str,
    /// The clock when the step began (seconds since the epoch).
    pub started_at: u64,
}

/// Seconds since the epoch of 2026-01-01T00:00:00Z, the start of every world.
pub const WORLD_START: u64 = 1_767_225_600;

impl Check {
    /// Evaluates the check.
    pub fn evaluate(&self, view: &StepView<'_>) -> CheckResult {
        let mut evidence = Vec::new();
        let met = self.test.holds(view, &mut evidence);
        CheckResult {
            text: self.text.to_string(),
            met,
            evidence,
        }
    }
}

/// The live (not terminated) instance tagged `Name=name`.
pub fn instance_named<'w>(world: &'w World, name: &str) -> Option<&'w Instance> {
    world.instances().find(|i| {
        i.state != InstanceState::Terminated
            && i.tags.iter().any(|t| t.key == "Name" && t.value == name)
    })
}

impl Test {
    /// Whether the test holds; appends what it saw to `evidence`.
    pub fn holds(&self, view: &StepView<'_>, evidence: &mut Vec<String>) -> bool {
        let world = view.world;
        match self {
            Test::All(tests) => {
                let mut all = true;
                for test in *tests {
                    all &= test.holds(view, evidence);
                }
                all
            }
            Test::Not(test) => {
                let mut seen = Vec::new();
                let held = test.holds(view, &mut seen);
                evidence.extend(seen.into_iter().map(|s| format!("(must not hold) {s}")));
                !held
            }
            Test::Output(text) => {
                let found = view.output.contains(text);
                evidence.push(if found {
                    format!("the output shows \"{text}\"")
                } else {
                    format!("the output does not show \"{text}\"")
                });
                found
            }
            Test::Bucket(name) => {
                let found = world.buckets().any(|b| b.name == *name);
                evidence.push(format!(
                    "bucket {name} {}",
                    if found { "exists" } else { "does not exist" }
                ));
                found
            }
            Test::Object { bucket, key } => {
                let object = world
                    .buckets()
                    .find(|b| b.name == *bucket)
                    .and_then(|b| b.objects.get(*key));
                match object {
                    Some(o) => {
                        evidence.push(format!(
                            "s3://{bucket}/{key} exists ({} bytes)",
                            o.body.len()
                        ));
                        true
                    }
                    None => {
                        evidence.push(format!("s3://{bucket}/{key} does not exist"));
                        false
                    }
                }
            }
            Test::Role(name) => {
                let found = world.role(name).is_some();
                evidence.push(format!(
                    "role {name} {}",
                    if found { "exists" } else { "does not exist" }
                ));
                found
            }
            Test::Profile(name) => {
                let found = world.instance_profile(name).is_some();
                evidence.push(format!(
                    "instance profile {name} {}",
                    if found { "exists" } else { "does not exist" }
                ));
                found
            }
            Test::ProfileRole { profile, role } => match world.instance_profile(profile) {
                None => {
                    evidence.push(format!("instance profile {profile} does not exist"));
                    false
                }
                Some(p) => {
                    let holds = p
                        .role
                        .as_deref()
                        .and_then(|key| world.iam().roles.get(key))
                        .map(|r| r.name.clone());
                    let ok = holds
                        .as_deref()
                        .is_some_and(|n| n.eq_ignore_ascii_case(role));
                    evidence.push(match holds {
                        Some(name) => format!("instance profile {profile} holds role {name}"),
                        None => format!("instance profile {profile} holds no role"),
                    });
                    ok
                }
            },
            Test::RolePolicy { role, policy } => match world.role(role) {
                None => {
                    evidence.push(format!("role {role} does not exist"));
                    false
                }
                Some(r) => {
                    let ok = r
                        .attached_policies
                        .iter()
                        .any(|arn| arn.rsplit('/').next() == Some(*policy));
                    evidence.push(format!(
                        "{policy} is {}attached to role {role}",
                        if ok { "" } else { "not " }
                    ));
                    ok
                }
            },
            Test::Trusts { role, service } => match world.role(role) {
                None => {
                    evidence.push(format!("role {role} does not exist"));
                    false
                }
                Some(r) => {
                    let ok = trusts(&r.assume_role_policy, service);
                    evidence.push(format!(
                        "the trust policy of {role} {} {service}",
                        if ok { "lets in" } else { "does not let in" }
                    ));
                    ok
                }
            },
            Test::UserKey(user) => {
                let key = world
                    .iam()
                    .user(user)
                    .and_then(|u| u.access_keys.iter().find(|k| k.status == "Active"));
                evidence.push(match key {
                    Some(k) => format!("user {user} has active access key {}", k.access_key_id),
                    None => format!("user {user} has no active access key"),
                });
                key.is_some()
            }
            Test::UserPolicy { user, policy } => {
                let ok = world
                    .iam()
                    .user(user)
                    .is_some_and(|u| u.inline_policies.contains_key(*policy));
                evidence.push(format!(
                    "user {user} {} inline policy {policy}",
                    if ok { "has" } else { "has no" }
                ));
                ok
            }
            Test::Running(name) => match instance_named(world, name) {
                None => {
                    evidence.push(format!("no instance is tagged Name={name}"));
                    false
                }
                Some(i) => {
                    let ok = i.state == InstanceState::Running;
                    evidence.push(format!(
                        "instance {name} ({}) is {}",
                        i.instance_id,
                        i.state.name()
                    ));
                    ok
                }
            },
            Test::InstanceProfile { instance, profile } => {
                let Some(i) = instance_named(world, instance) else {
                    evidence.push(format!("no instance is tagged Name={instance}"));
                    return false;
                };
                let arn = world
                    .ec2()
                    .association_of(&i.instance_id)
                    .map(|a| a.profile_arn.clone());
                let ok = arn
                    .as_deref()
                    .is_some_and(|a| a.rsplit('/').next() == Some(*profile));
                evidence.push(match arn {
                    Some(a) => format!("instance {instance} has instance profile {a}"),
                    None => format!("instance {instance} has no instance profile"),
                });
                ok
            }
            Test::AnyProfile(instance) => {
                let Some(i) = instance_named(world, instance) else {
                    evidence.push(format!("no instance is tagged Name={instance}"));
                    return false;
                };
                let ok = world.ec2().association_of(&i.instance_id).is_some();
                evidence.push(format!(
                    "instance {instance} has {}instance profile",
                    if ok { "an " } else { "no " }
                ));
                ok
            }
            Test::Metadata {
                instance,
                tokens,
                hop_limit,
            } => {
                let Some(i) = instance_named(world, instance) else {
                    evidence.push(format!("no instance is tagged Name={instance}"));
                    return false;
                };
                let m = &i.metadata_options;
                evidence.push(format!(
                    "instance {instance}: HttpTokens={}, HttpPutResponseHopLimit={}",
                    m.http_tokens, m.http_put_response_hop_limit
                ));
                m.http_tokens == *tokens && m.http_put_response_hop_limit == *hop_limit
            }
            Test::SsmOnline(instance) => {
                let Some(i) = instance_named(world, instance) else {
                    evidence.push(format!("no instance is tagged Name={instance}"));
                    return false;
                };
                let node = world.ssm().nodes.get(&i.instance_id);
                let ok = node.is_some_and(|n| n.ping_status == "Online");
                evidence.push(match node {
                    Some(n) => format!(
                        "Systems Manager lists {instance} ({}) as {}",
                        i.instance_id, n.ping_status
                    ),
                    None => format!(
                        "Systems Manager does not list {instance} ({})",
                        i.instance_id
                    ),
                });
                ok
            }
            Test::Delivery { instance, code } => {
                let Some(i) = instance_named(world, instance) else {
                    evidence.push(format!("no instance is tagged Name={instance}"));
                    return false;
                };
                let seen = match i.metadata.iam.as_ref().map(|s| &s.delivery) {
                    None => "no iam/ folder (no profile)",
                    Some(IamDelivery::Credentials { .. }) => "Success",
                    Some(IamDelivery::AssumeRoleUnauthorized { .. }) => {
                        "AssumeRoleUnauthorizedAccess"
                    }
                    Some(IamDelivery::NoRole) => "Instance Profile does not contain a role",
                    Some(IamDelivery::ProfileNotFound) => "InstanceProfileNotFound",
                };
                evidence.push(format!(
                    "the metadata service of {instance} answers for the role: {seen}"
                ));
                seen == *code
            }
            Test::Imds {
                instance,
                method,
                path,
                status,
                token,
            } => {
                let Some(i) = instance_named(world, instance) else {
                    evidence.push(format!("no instance is tagged Name={instance}"));
                    return false;
                };
                let found = step_events(view).iter().any(|e| {
                    let Event::Imds(ev) = e else { return false };
                    let Some((id, request)) = world.imds_event_request(ev) else {
                        return false;
                    };
                    id == i.instance_id
                        && request.method == *method
                        && request.path.contains(path)
                        && ev.status == *status
                        && token.is_none_or(|t| t == ev.with_token)
                });
                let how = match token {
                    Some(true) => " with a token",
                    Some(false) => " without a token",
                    None => "",
                };
                evidence.push(format!(
                    "{} a {method} …{path}{how} on {instance} answered {}",
                    if found { "seen:" } else { "not seen:" },
                    if *status == 0 {
                        "nothing (no answer arrived)".to_string()
                    } else {
                        status.to_string()
                    }
                ));
                found
            }
            Test::Call {
                operation,
                error,
                who,
                from,
            } => {
                let found = step_events(view)
                    .iter()
                    .filter_map(Event::as_api)
                    .find(|e| {
                        e.event_name == *operation
                            && e.error_code.as_deref() == *error
                            && who_matches(e, *who)
                            && from_matches(world, e, *from)
                    });
                let outcome = match error {
                    None => "succeeded".to_string(),
                    Some(code) => format!("failed with {code}"),
                };
                evidence.push(match &found {
                    Some(e) => format!(
                        "{operation} {outcome}, called by {} from {}",
                        e.user_identity
                            .arn
                            .as_deref()
                            .unwrap_or("an anonymous caller"),
                        e.source_ip_address
                    ),
                    None => format!(
                        "no {operation} call that {outcome}{}{} in this step",
                        who_text(*who),
                        from_text(*from)
                    ),
                });
                found.is_some()
            }
            Test::Rotated(instance) => {
                let Some(i) = instance_named(world, instance) else {
                    evidence.push(format!("no instance is tagged Name={instance}"));
                    return false;
                };
                let arn = i.arn(world.account());
                let mut sessions: Vec<_> = world
                    .sts()
                    .sessions
                    .values()
                    .filter(|s| s.source_instance_arn.as_deref() == Some(arn.as_str()))
                    .collect();
                iamsim_engine::sort::sort_by_key(&mut sessions, |s| s.issued.seconds());
                let rotation = sessions.iter().find_map(|new| {
                    sessions
                        .iter()
                        .find(|old| {
                            new.issued.seconds() >= view.started_at
                                && old.issued.seconds() < new.issued.seconds()
                                && new.issued.seconds() < old.expiration.seconds()
                        })
                        .map(|old| (*old, *new))
                });
                evidence.push(match rotation {
                    Some((old, new)) => format!(
                        "{} (expiring {}) was replaced by {} at {}",
                        old.access_key_id,
                        old.expiration.iso_z(),
                        new.access_key_id,
                        new.issued.iso_z()
                    ),
                    None => format!("no credentials of {instance} were replaced in this step"),
                });
                rotation.is_some()
            }
            Test::ClockPast(seconds) => {
                let now = world.now().seconds();
                evidence.push(format!("the clock shows {}", world.now().iso_z()));
                now >= WORLD_START.saturating_add(*seconds)
            }
            Test::File {
                instance,
                path,
                contains,
            } => {
                let id = instance_named(world, instance).map(|i| i.instance_id.clone());
                let text = view
                    .shell
                    .hosts()
                    .find(|h| {
                        matches!(&h.kind, HostKind::Instance { instance_id } if Some(instance_id) == id.as_ref())
                    })
                    .and_then(|h| h.fs.read(path).ok());
                let ok = text.is_some_and(|t| t.contains(contains));
                evidence.push(match text {
                    Some(_) if ok => format!("{path} on {instance} contains \"{contains}\""),
                    Some(_) => format!("{path} on {instance} does not contain \"{contains}\""),
                    None => format!("there is no {path} on {instance}"),
                });
                ok
            }
        }
    }
}

fn step_events<'a>(view: &StepView<'a>) -> &'a [Event] {
    view.world
        .events()
        .get(view.events_from..)
        .unwrap_or_default()
}

fn who_matches(event: &ApiEvent, who: Who) -> bool {
    let arn = event.user_identity.arn.as_deref().unwrap_or_default();
    match who {
        Who::Any => true,
        Who::User(name) => arn.ends_with(&format!(":user/{name}")),
        Who::Role(name) => arn.contains(&format!(":assumed-role/{name}/")),
    }
}

fn from_matches(world: &World, event: &ApiEvent, from: From) -> bool {
    match from {
        From::Anywhere => true,
        From::Laptop => event.source_ip_address == LAPTOP_IP,
        From::Instance(name) => {
            instance_named(world, name).is_some_and(|i| i.private_ip == event.source_ip_address)
        }
    }
}

fn who_text(who: Who) -> String {
    match who {
        Who::Any => String::new(),
        Who::User(name) => format!(" by user {name}"),
        Who::Role(name) => format!(" by role {name}"),
    }
}

fn from_text(from: From) -> String {
    match from {
        From::Anywhere => String::new(),
        From::Laptop => " from the laptop".to_string(),
        From::Instance(name) => format!(" from instance {name}"),
    }
}

/// Whether an Allow statement of the trust policy names `service` for sts:AssumeRole.
fn trusts(policy: &iamsim_engine::policy::Policy, service: &str) -> bool {
    let Ok(value) = serde_json::to_value(policy) else {
        return false;
    };
    let statements = match value.get("Statement") {
        Some(serde_json::Value::Array(list)) => list.clone(),
        Some(one) => vec![one.clone()],
        None => Vec::new(),
    };
    statements.iter().any(|s| {
        s.get("Effect").and_then(serde_json::Value::as_str) == Some("Allow")
            && s.get("Principal")
                .and_then(|p| p.get("Service"))
                .is_some_and(|v| names(v, service))
            && s.get("Action")
                .is_some_and(|a| names(a, "sts:AssumeRole") || names(a, "sts:*") || names(a, "*"))
    })
}

fn names(value: &serde_json::Value, wanted: &str) -> bool {
    match value {
        serde_json::Value::String(s) => s.eq_ignore_ascii_case(wanted),
        serde_json::Value::Array(list) => list.iter().any(|v| names(v, wanted)),
        _ => false,
    }
}

//! What the flow diagram shows, derived from the world: a node per role, instance profile,
//! instance and bucket (plus STS), each with its live state, and the edges between them
//! with the last result that travelled each one.
//!
//! Pure: no web types, unit-tested on the host.

use std::collections::BTreeMap;

use iamsim_engine::clock::Timestamp;
use iamsim_engine::event::{ApiEvent, Event, ImdsEvent};
use iamsim_engine::imds::IamDelivery;
use iamsim_engine::world::World;

use super::layout::Kind;
use super::state::LocalFailure;

/// How a line or node should look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Works: allowed, attached, valid.
    Ok,
    /// Failed: denied, expired, cannot assume.
    Bad,
    /// Incomplete: empty profile, no policies, pending.
    Warn,
    /// Neutral.
    Plain,
    /// Does not exist yet (a placeholder).
    Missing,
}

impl Tone {
    /// The CSS class suffix.
    pub fn class(self) -> &'static str {
        match self {
            Tone::Ok => "ok",
            Tone::Bad => "bad",
            Tone::Warn => "warn",
            Tone::Plain => "plain",
            Tone::Missing => "missing",
        }
    }
}

/// One node of the diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeView {
    /// A stable key, e.g. `role:app-role`, `instance:i-…`, `sts`.
    pub key: String,
    /// Which column.
    pub kind: Kind,
    /// The name shown in bold.
    pub title: String,
    /// Lines of state under the title.
    pub lines: Vec<(String, Tone)>,
    /// The node's overall look.
    pub tone: Tone,
}

/// One edge of the diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeView {
    /// The key of the node it starts at.
    pub from: String,
    /// The key of the node it ends at.
    pub to: String,
    /// The last result on this path, e.g. `✓ upload`, `✗ AccessDenied`.
    pub label: Option<String>,
    /// How it looks.
    pub tone: Tone,
    /// True when the last step travelled it.
    pub lit: bool,
}

/// The whole diagram.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DiagramModel {
    /// Nodes, by column then row.
    pub nodes: Vec<NodeView>,
    /// Edges.
    pub edges: Vec<EdgeView>,
}

/// `HH:MM` (UTC) of a time.
pub fn hhmm(t: Timestamp) -> String {
    let (_, _, _, h, m, _) = t.parts();
    format!("{h:02}:{m:02}")
}

/// The services a trust policy lets assume the role (`Principal.Service`).
pub fn trusted_services(policy: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    let statements = match policy.get("Statement") {
        Some(serde_json::Value::Array(list)) => list.clone(),
        Some(one) => vec![one.clone()],
        None => Vec::new(),
    };
    for st in statements {
        if st.get("Effect").and_then(|e| e.as_str()) != Some("Allow") {
            continue;
        }
        match st.get("Principal").and_then(|p| p.get("Service")) {
            Some(serde_json::Value::String(s)) => out.push(s.clone()),
            Some(serde_json::Value::Array(list)) => {
                out.extend(list.iter().filter_map(|v| v.as_str().map(str::to_string)))
            }
            _ => {}
        }
    }
    out
}

/// The short name of a policy ARN (`AmazonS3FullAccess`).
pub fn policy_name(arn: &str) -> &str {
    arn.rsplit('/').next().unwrap_or(arn)
}

/// What an S3 operation's success is called on the path.
fn verb(operation: &str) -> &str {
    match operation {
        "PutObject" => "upload",
        "GetObject" => "download",
        "ListObjectsV2" | "ListObjects" => "list",
        "DeleteObject" => "delete",
        "HeadObject" => "head",
        other => other,
    }
}

/// The label and tone of an API event's result.
pub fn result_of(event: &ApiEvent) -> (String, Tone) {
    match &event.error_code {
        None => (format!("✓ {}", verb(&event.event_name)), Tone::Ok),
        Some(code) => (format!("✗ {code}"), Tone::Bad),
    }
}

/// The instance and the HTTP request of a metadata-service event (kept in the command log).
pub fn imds_request<'a>(
    world: &'a World,
    event: &ImdsEvent,
) -> Option<(&'a str, &'a iamsim_engine::imds::HttpRequest)> {
    world.imds_event_request(event)
}

/// The instance a session ARN (`…:assumed-role/ROLE/i-…`) or source address belongs to.
fn instance_of(world: &World, event: &ApiEvent) -> Option<String> {
    let from_arn = event
        .user_identity
        .arn
        .as_deref()
        .and_then(|arn| arn.rsplit('/').next())
        .filter(|s| s.starts_with("i-"))
        .filter(|id| world.instance(id).is_some());
    if let Some(id) = from_arn {
        return Some(id.to_string());
    }
    world
        .instances()
        .find(|i| i.private_ip == event.source_ip_address)
        .map(|i| i.instance_id.clone())
}

fn key_lower(kind: &str, name: &str) -> String {
    format!("{kind}:{}", name.to_ascii_lowercase())
}

/// The edge an event travelled, if it is one the diagram draws.
/// An edge an event travelled: from, to, and the result it left on it.
type Travel = (String, String, Option<(String, Tone)>);

fn edge_of(world: &World, event: &Event) -> Option<Travel> {
    match event {
        Event::Api(_) | Event::InstanceCredentials(_) => {
            let record = event.as_api()?;
            let api: &ApiEvent = &record;
            let p = &api.request_parameters;
            let s = |k: &str| p.get(k).and_then(|v| v.as_str()).map(str::to_string);
            match (api.event_source.as_str(), api.event_name.as_str()) {
                (
                    "iam.amazonaws.com",
                    "AddRoleToInstanceProfile" | "RemoveRoleFromInstanceProfile",
                ) => Some((
                    key_lower("role", &s("RoleName")?),
                    key_lower("profile", &s("InstanceProfileName")?),
                    api.error_code
                        .as_ref()
                        .map(|c| (format!("✗ {c}"), Tone::Bad)),
                )),
                (
                    "ec2.amazonaws.com",
                    "AssociateIamInstanceProfile" | "ReplaceIamInstanceProfileAssociation",
                ) => {
                    let profile = p.get("IamInstanceProfile")?;
                    let name = profile
                        .get("Name")
                        .and_then(|v| v.as_str())
                        .map(str::to_string)
                        .or_else(|| {
                            let arn = profile.get("Arn")?.as_str()?;
                            Some(arn.rsplit('/').next()?.to_string())
                        })?;
                    let instance = s("InstanceId").or_else(|| {
                        api.response_elements
                            .get("IamInstanceProfileAssociation")?
                            .get("InstanceId")?
                            .as_str()
                            .map(str::to_string)
                    })?;
                    Some((
                        key_lower("profile", &name),
                        format!("instance:{instance}"),
                        api.error_code
                            .as_ref()
                            .map(|c| (format!("✗ {c}"), Tone::Bad)),
                    ))
                }
                ("ec2.amazonaws.com", "RunInstances") => {
                    let profile = p.get("IamInstanceProfile")?;
                    let name = profile
                        .get("Name")
                        .and_then(|v| v.as_str())
                        .map(str::to_string)
                        .or_else(|| {
                            let arn = profile.get("Arn")?.as_str()?;
                            Some(arn.rsplit('/').next()?.to_string())
                        })?;
                    let instance = api
                        .response_elements
                        .get("Instances")
                        .and_then(|l| l.get(0))
                        .and_then(|i| i.get("InstanceId"))
                        .and_then(|v| v.as_str())
                        .map(str::to_string);
                    match instance {
                        Some(id) => {
                            Some((key_lower("profile", &name), format!("instance:{id}"), None))
                        }
                        None => Some((
                            key_lower("profile", &name),
                            "instance:?".to_string(),
                            api.error_code
                                .as_ref()
                                .map(|c| (format!("✗ {c}"), Tone::Bad)),
                        )),
                    }
                }
                ("sts.amazonaws.com", "AssumeRole")
                    if api.user_identity.invoked_by.as_deref() == Some("ec2.amazonaws.com")
                        || api.user_identity.identity_type == "AWSService" =>
                {
                    let instance = s("RoleSessionName").filter(|n| n.starts_with("i-"))?;
                    Some((
                        format!("instance:{instance}"),
                        "sts".to_string(),
                        Some(match &api.error_code {
                            None => ("✓ credentials".to_string(), Tone::Ok),
                            Some(c) => (format!("✗ {c}"), Tone::Bad),
                        }),
                    ))
                }
                ("s3.amazonaws.com", op) => {
                    let instance = instance_of(world, api)?;
                    let bucket = s("Bucket")?;
                    let _ = op;
                    Some((
                        format!("instance:{instance}"),
                        format!("bucket:{bucket}"),
                        Some(result_of(api)),
                    ))
                }
                _ => None,
            }
        }
        Event::Imds(imds) => {
            let (instance_id, request) = imds_request(world, imds)?;
            request
                .path
                .contains("/iam/security-credentials/")
                .then(|| (format!("instance:{instance_id}"), "sts".to_string(), None))
        }
        _ => None,
    }
}

/// Builds the diagram from the world, the app's local failures ("Unable to locate
/// credentials", which reach no service), the events of the last step and the number of
/// steps so far.
pub fn diagram(
    world: &World,
    local_failures: &BTreeMap<String, LocalFailure>,
    last_step_events: std::ops::Range<usize>,
    steps: usize,
) -> DiagramModel {
    let now = world.now();
    let mut nodes = Vec::new();
    let mut edges: Vec<EdgeView> = Vec::new();

    // Roles.
    let mut roles = 0;
    for role in world.roles() {
        roles += 1;
        let services = trusted_services(role.assume_role_policy.to_value());
        let mut lines = Vec::new();
        if services.iter().any(|s| s == "ec2.amazonaws.com") {
            lines.push(("trusts ec2.amazonaws.com".to_string(), Tone::Ok));
        } else if services.is_empty() {
            lines.push(("trust: no AWS service".to_string(), Tone::Warn));
        } else {
            lines.push((
                format!("trusts {} — not EC2", services.join(", ")),
                Tone::Bad,
            ));
        }
        let mut policies: Vec<String> = role
            .attached_policies
            .iter()
            .map(|a| policy_name(a).to_string())
            .collect();
        policies.extend(role.inline_policies.keys().map(|k| format!("{k} (inline)")));
        if policies.is_empty() {
            lines.push(("no permission policies".to_string(), Tone::Warn));
        } else {
            lines.push((policies.join(", "), Tone::Plain));
        }
        let tone = if lines.iter().any(|l| l.1 == Tone::Bad) {
            Tone::Bad
        } else {
            Tone::Ok
        };
        nodes.push(NodeView {
            key: key_lower("role", &role.name),
            kind: Kind::Role,
            title: role.name.clone(),
            lines,
            tone,
        });
    }
    if roles == 0 {
        nodes.push(placeholder(Kind::Role, "No role yet", "create one in IAM"));
    }

    // Instance profiles, and the role → profile edges.
    let mut profiles = 0;
    for profile in world.instance_profiles() {
        profiles += 1;
        let (line, tone) = match &profile.role {
            Some(role) => (format!("holds role {role}"), Tone::Ok),
            None => ("empty: holds no role".to_string(), Tone::Warn),
        };
        let key = key_lower("profile", &profile.name);
        if let Some(role) = &profile.role {
            edges.push(EdgeView {
                from: key_lower("role", role),
                to: key.clone(),
                label: None,
                tone: Tone::Ok,
                lit: false,
            });
        }
        nodes.push(NodeView {
            key,
            kind: Kind::Profile,
            title: profile.name.clone(),
            lines: vec![(line, tone)],
            tone,
        });
    }
    if profiles == 0 {
        nodes.push(placeholder(
            Kind::Profile,
            "No instance profile",
            "EC2 attaches profiles, not roles",
        ));
    }

    // Instances, the profile → instance edges and instance → STS edges.
    let mut instances = 0;
    for instance in world.instances() {
        instances += 1;
        let key = format!("instance:{}", instance.instance_id);
        let name = instance
            .tags
            .iter()
            .find(|t| t.key == "Name")
            .map(|t| t.value.clone());
        let state = instance.state.name();
        let mut lines = vec![(
            match &name {
                Some(n) => format!("{n} · {state}"),
                None => state.to_string(),
            },
            match state {
                "running" => Tone::Ok,
                "pending" | "stopping" | "stopped" => Tone::Warn,
                _ => Tone::Bad,
            },
        )];
        let association = instance
            .association_id
            .as_ref()
            .and_then(|id| world.ec2().associations.get(id));
        match association {
            Some(a) => {
                let profile_name = a.profile_arn.rsplit('/').next().unwrap_or_default();
                let state = a.state.name();
                lines.push(if state == "associated" {
                    (format!("profile {profile_name}"), Tone::Ok)
                } else {
                    (format!("profile {profile_name} ({state})"), Tone::Warn)
                });
                edges.push(EdgeView {
                    from: key_lower("profile", profile_name),
                    to: key.clone(),
                    label: None,
                    tone: Tone::Ok,
                    lit: false,
                });
            }
            None => lines.push(("no instance profile".to_string(), Tone::Warn)),
        }
        let (imds_line, imds_tone) = credentials_line(world, instance, now);
        lines.push((imds_line, imds_tone));
        if instance.metadata.iam.is_some() {
            edges.push(EdgeView {
                from: key.clone(),
                to: "sts".to_string(),
                label: None,
                tone: imds_tone,
                lit: false,
            });
        }
        let tone = if instance.state.name() == "terminated" {
            Tone::Missing
        } else {
            imds_tone
        };
        nodes.push(NodeView {
            key,
            kind: Kind::Instance,
            title: instance.instance_id.clone(),
            lines,
            tone,
        });
    }
    if instances == 0 {
        nodes.push(placeholder(
            Kind::Instance,
            "No instance",
            "launch one in EC2",
        ));
    }

    // STS.
    let sessions = world
        .sts()
        .sessions
        .values()
        .filter(|s| s.expiration > now)
        .count();
    nodes.push(NodeView {
        key: "sts".to_string(),
        kind: Kind::Sts,
        title: "STS".to_string(),
        lines: vec![(
            format!(
                "{sessions} valid session{}",
                if sessions == 1 { "" } else { "s" }
            ),
            Tone::Plain,
        )],
        tone: Tone::Plain,
    });

    // Buckets.
    let mut buckets = 0;
    for bucket in world.buckets() {
        buckets += 1;
        let n = bucket.objects.len();
        let mut lines = vec![(
            format!("{n} object{}", if n == 1 { "" } else { "s" }),
            Tone::Plain,
        )];
        if bucket.policy.is_some() {
            lines.push(("has a bucket policy".to_string(), Tone::Plain));
        }
        nodes.push(NodeView {
            key: format!("bucket:{}", bucket.name),
            kind: Kind::Bucket,
            title: bucket.name.clone(),
            lines,
            tone: Tone::Plain,
        });
    }
    if buckets == 0 {
        nodes.push(placeholder(Kind::Bucket, "No bucket", "make one in S3"));
    }

    // Results along the paths, from the events (oldest first, the last wins).
    let mut results: BTreeMap<(String, String), (usize, String, Tone)> = BTreeMap::new();
    let mut lit: Option<(String, String)> = None;
    for (i, event) in world.events().iter().enumerate() {
        let Some((from, to, result)) = edge_of(world, event) else {
            continue;
        };
        if last_step_events.contains(&i) {
            lit = Some((from.clone(), to.clone()));
        }
        if let Some((label, tone)) = result {
            results.insert((from, to), (i, label, tone));
        }
    }
    for failure in local_failures.values() {
        let from = format!("instance:{}", failure.instance_id);
        let to = failure
            .bucket
            .as_ref()
            .map(|b| format!("bucket:{b}"))
            .unwrap_or_else(|| "sts".to_string());
        let newer = results
            .get(&(from.clone(), to.clone()))
            .is_none_or(|(i, _, _)| *i < failure.at_event);
        if newer {
            results.insert(
                (from.clone(), to.clone()),
                (failure.at_event, "✗ no credentials".to_string(), Tone::Bad),
            );
        }
        if failure.step + 1 == steps {
            lit = Some((from, to));
        }
    }
    let has = |k: &str| nodes.iter().any(|n| n.key == k);
    for ((from, to), (_, label, tone)) in &results {
        if !has(from) || !has(to) {
            continue;
        }
        match edges.iter_mut().find(|e| &e.from == from && &e.to == to) {
            Some(edge) => {
                edge.label = Some(label.clone());
                edge.tone = *tone;
            }
            None => edges.push(EdgeView {
                from: from.clone(),
                to: to.clone(),
                label: Some(label.clone()),
                tone: *tone,
                lit: false,
            }),
        }
    }
    if let Some((from, to)) = lit {
        for edge in edges.iter_mut().filter(|e| e.from == from && e.to == to) {
            edge.lit = true;
        }
    }
    // An instance's application line shows its last result; a bucket's, the last it got.
    for node in nodes
        .iter_mut()
        .filter(|n| n.kind == Kind::Instance && n.key.starts_with("instance:"))
    {
        let last = results
            .iter()
            .filter(|((from, to), _)| from == &node.key && to.starts_with("bucket:"))
            .max_by_key(|(_, (i, _, _))| *i);
        node.lines.push(match last {
            Some(((_, to), (_, label, tone))) => (
                format!("{label} → {}", to.trim_start_matches("bucket:")),
                *tone,
            ),
            None => ("no call to S3 yet".to_string(), Tone::Plain),
        });
    }
    for node in nodes.iter_mut().filter(|n| n.kind == Kind::Bucket) {
        let last = results
            .iter()
            .filter(|((_, to), _)| to == &node.key)
            .max_by_key(|(_, (i, _, _))| *i);
        if let Some((_, (_, label, tone))) = last {
            node.lines.push((format!("last: {label}"), *tone));
        }
    }
    DiagramModel { nodes, edges }
}

fn placeholder(kind: Kind, title: &str, hint: &str) -> NodeView {
    NodeView {
        key: format!("missing:{}", kind.column()),
        kind,
        title: title.to_string(),
        lines: vec![(hint.to_string(), Tone::Missing)],
        tone: Tone::Missing,
    }
}

/// The state of an instance's role credentials, as its metadata service would give them.
pub fn credentials_line(
    world: &World,
    instance: &iamsim_engine::ec2::Instance,
    now: Timestamp,
) -> (String, Tone) {
    match &instance.metadata.iam {
        None => ("no credentials (no profile)".to_string(), Tone::Warn),
        Some(snapshot) => match &snapshot.delivery {
            IamDelivery::Credentials { v2_key, .. } => match world.sts().sessions.get(v2_key) {
                Some(session) if session.expiration > now => (
                    format!("credentials valid until {}", hhmm(session.expiration)),
                    Tone::Ok,
                ),
                Some(session) => (
                    format!("credentials expired at {}", hhmm(session.expiration)),
                    Tone::Bad,
                ),
                None => ("credentials unknown".to_string(), Tone::Warn),
            },
            IamDelivery::AssumeRoleUnauthorized { role_name } => {
                (format!("EC2 cannot assume {role_name}"), Tone::Bad)
            }
            IamDelivery::NoRole => ("profile holds no role".to_string(), Tone::Warn),
            IamDelivery::ProfileNotFound => ("profile not found".to_string(), Tone::Bad),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::world_ui::state::{Action, SEED, WorldState};
    use std::rc::Rc;

    const TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;

    fn run(s: Rc<WorldState>, line: &str) -> Rc<WorldState> {
        s.next(Action::RunLine(line.to_string()))
    }

    fn model(s: &WorldState) -> DiagramModel {
        diagram(
            &s.world,
            &s.local_failures,
            s.last_events.clone(),
            s.steps.len(),
        )
    }

    fn node<'a>(m: &'a DiagramModel, key: &str) -> &'a NodeView {
        m.nodes.iter().find(|n| n.key == key).unwrap()
    }

    #[test]
    fn a_fresh_world_shows_placeholders_and_sts() {
        let s = WorldState::new(SEED);
        let m = model(&s);
        let keys: Vec<_> = m.nodes.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(
            keys,
            ["missing:0", "missing:1", "missing:2", "sts", "missing:4"]
        );
        assert!(m.edges.is_empty());
    }

    #[test]
    fn the_whole_flow_lights_each_edge_and_keeps_results() {
        let s = Rc::new(WorldState::new(SEED));
        let s = run(s, &format!("echo '{TRUST}' > trust.json"));
        let s = run(
            s,
            "aws iam create-role --role-name app-role --assume-role-policy-document file://trust.json",
        );
        let s = run(
            s,
            "aws iam attach-role-policy --role-name app-role --policy-arn arn:aws:iam::aws:policy/AmazonS3FullAccess",
        );
        let s = run(
            s,
            "aws iam create-instance-profile --instance-profile-name app-profile",
        );
        let s = run(
            s,
            "aws iam add-role-to-instance-profile --instance-profile-name app-profile --role-name app-role",
        );
        let m = model(&s);
        let edge = m
            .edges
            .iter()
            .find(|e| e.to == "profile:app-profile")
            .unwrap();
        assert_eq!(edge.from, "role:app-role");
        assert!(edge.lit);
        assert_eq!(
            node(&m, "role:app-role").lines[0].0,
            "trusts ec2.amazonaws.com"
        );
        assert_eq!(node(&m, "role:app-role").lines[1].0, "AmazonS3FullAccess");
        assert_eq!(
            node(&m, "profile:app-profile").lines[0].0,
            "holds role app-role"
        );

        let s = run(
            s,
            "aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=app-profile",
        );
        let s = run(s, "aws s3 mb s3://demo-bucket");
        let s = s.next(Action::Apply {
            panel: "clock".into(),
            label: "+5 min".into(),
            command: iamsim_engine::world::Command::AdvanceClock { seconds: 300 },
        });
        let id = s.world.instances().next().unwrap().instance_id.clone();
        let m = model(&s);
        let inst = node(&m, &format!("instance:{id}"));
        assert_eq!(inst.lines[2].0, "credentials valid until 06:05");
        assert_eq!(inst.lines[3].0, "no call to S3 yet");
        assert!(
            m.edges
                .iter()
                .any(|e| e.from == "profile:app-profile" && e.to == format!("instance:{id}"))
        );

        let s = run(s, &format!("ssh {id}"));
        assert_eq!(s.active_tab, id);
        let s = run(s, "echo hello > f.txt");
        let s = run(s, "aws s3 cp f.txt s3://demo-bucket/f.txt");
        let out = &s.active().unwrap().scrollback.last().unwrap().output;
        assert_eq!(out, "upload: ./f.txt to s3://demo-bucket/f.txt\n");
        let m = model(&s);
        let edge = m
            .edges
            .iter()
            .find(|e| e.from == format!("instance:{id}") && e.to == "bucket:demo-bucket")
            .unwrap();
        assert_eq!(edge.label.as_deref(), Some("✓ upload"));
        assert_eq!(edge.tone, Tone::Ok);
        let inst = node(&m, &format!("instance:{id}"));
        assert_eq!(inst.lines[3].0, "✓ upload → demo-bucket");
        assert!(edge.lit);
        // The laptop tab stayed on the laptop; exit closes the instance's tab.
        assert_eq!(s.tabs.len(), 2);
        let s = run(s, "exit");
        assert_eq!(s.tabs.len(), 1);
        assert_eq!(s.active_tab, "laptop");
    }

    #[test]
    fn no_profile_means_no_credentials_on_the_path() {
        let s = Rc::new(WorldState::new(SEED));
        let s = run(s, "aws s3 mb s3://demo-bucket");
        let s = run(
            s,
            "aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro",
        );
        let s = s.next(Action::Apply {
            panel: "clock".into(),
            label: "+5 min".into(),
            command: iamsim_engine::world::Command::AdvanceClock { seconds: 300 },
        });
        let id = s.world.instances().next().unwrap().instance_id.clone();
        let s = run(s, &format!("ssh {id}"));
        let s = run(s, "echo hi > x");
        let s = run(s, "aws s3 cp x s3://demo-bucket/x");
        let out = &s.active().unwrap().scrollback.last().unwrap().output;
        assert!(out.contains("Unable to locate credentials"), "{out}");
        let m = model(&s);
        let edge = m
            .edges
            .iter()
            .find(|e| e.to == "bucket:demo-bucket")
            .unwrap();
        assert_eq!(edge.label.as_deref(), Some("✗ no credentials"));
        assert!(edge.lit);
        // Another failing call on the same instance keeps the bucket's result.
        let s = run(s, "aws sts get-caller-identity");
        let m = model(&s);
        let bucket_edge = m
            .edges
            .iter()
            .find(|e| e.to == "bucket:demo-bucket")
            .unwrap();
        assert_eq!(bucket_edge.label.as_deref(), Some("✗ no credentials"));
        assert!(!bucket_edge.lit);
        let sts_edge = m.edges.iter().find(|e| e.to == "sts").unwrap();
        assert_eq!(sts_edge.label.as_deref(), Some("✗ no credentials"));
        assert!(sts_edge.lit);
    }

    #[test]
    fn trust_services_and_names() {
        let v: serde_json::Value = serde_json::from_str(TRUST).unwrap();
        assert_eq!(trusted_services(&v), ["ec2.amazonaws.com"]);
        assert_eq!(
            policy_name("arn:aws:iam::aws:policy/AmazonS3FullAccess"),
            "AmazonS3FullAccess"
        );
        assert_eq!(hhmm(Timestamp(1_767_225_600 + 6 * 3600 + 5 * 60)), "06:05");
    }
}

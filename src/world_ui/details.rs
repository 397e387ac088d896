//! The details of the node clicked in the diagram: identifiers, policies, credentials,
//! as the consoles and `describe` calls would show them.

use yew::prelude::*;

use super::diagram_model::{credentials_line, hhmm, policy_name};
use super::state::{Action, LAPTOP};
use super::store::{use_store, write};
use crate::playground::handoff::{self, Handoff};
use iamsim_engine::world::World;

/// Props of [`Details`].
#[derive(Properties, PartialEq)]
pub struct DetailsProps {
    /// The node's key (`role:…`, `profile:…`, `instance:…`, `bucket:…`, `sts`, `missing:N`).
    pub node: String,
    /// Closes the details.
    pub on_close: Callback<()>,
}

fn row(name: &str, value: impl Into<String>) -> Html {
    html! { <><dt>{ name.to_string() }</dt><dd><code>{ value.into() }</code></dd></> }
}

fn pretty(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// An instance whose profile holds this role, if any (its session is the role's caller).
fn instance_of_role(world: &World, role: &str) -> Option<String> {
    world.instances().find_map(|i| {
        let association = world.ec2().associations.get(i.association_id.as_ref()?)?;
        let profile = world
            .instance_profiles()
            .find(|p| p.arn == association.profile_arn)?;
        profile
            .role
            .as_deref()
            .filter(|r| r.eq_ignore_ascii_case(role))
            .map(|_| i.instance_id.clone())
    })
}

/// The caller "Evaluate this" tries: the role's session on an instance (an example id
/// when no instance has the role yet).
fn session_of(world: &World, role: &str) -> String {
    let instance = instance_of_role(world, role).unwrap_or_else(|| EXAMPLE_INSTANCE.to_string());
    handoff::session_arn(world.account(), role, &instance)
}

const EXAMPLE_INSTANCE: &str = "i-0123456789abcdef0";

/// A button that opens `handoff` in the policy playground (another bundle: the page
/// reloads into it, and the playground takes the hand-off from storage).
fn evaluate_button(label: &str, testid: &'static str, handoff: &Handoff) -> Html {
    let text = handoff::encode(handoff);
    let onclick = Callback::from(move |_: MouseEvent| {
        if write(handoff::HANDOFF_KEY, &text)
            && let Some(w) = web_sys::window()
        {
            let _ = w.location().set_hash("#/playground");
        }
    });
    html! {
        <button type="button" class="wui-btn" data-testid={testid} {onclick}>
            { label.to_string() }
        </button>
    }
}

fn role_details(world: &World, name: &str) -> Option<(String, Html)> {
    let role = world.role(name)?;
    let mut documents: Vec<(String, String)> = role
        .attached_policies
        .iter()
        .filter_map(|arn| {
            let policy = world.policies().find(|p| &p.arn == arn)?;
            Some((policy.name.clone(), pretty(policy.document()?.to_value())))
        })
        .collect();
    documents.extend(
        role.inline_policies
            .iter()
            .map(|(n, p)| (n.clone(), pretty(p.to_value()))),
    );
    let bucket = world
        .buckets()
        .next()
        .map_or_else(|| "amzn-s3-demo-bucket".to_string(), |b| b.name.clone());
    let permissions = handoff::role_permissions(
        &role.name,
        documents,
        session_of(world, &role.name),
        &bucket,
    );
    let trust_text = pretty(role.assume_role_policy.to_value());
    let trust = handoff::trust_policy(&role.name, &role.arn, trust_text.clone());
    let profiles: Vec<String> = world
        .instance_profiles()
        .filter(|p| {
            p.role
                .as_deref()
                .is_some_and(|r| r.eq_ignore_ascii_case(&role.name))
        })
        .map(|p| p.name.clone())
        .collect();
    Some((
        format!("IAM role {}", role.name),
        html! {
            <>
                <dl class="kv">
                    { row("ARN", role.arn.clone()) }
                    { row("RoleId", role.role_id.clone()) }
                    { row("In instance profiles", if profiles.is_empty() { "none: EC2 cannot use this role yet".to_string() } else { profiles.join(", ") }) }
                    { row("Permission policies", {
                        let mut names: Vec<String> = role.attached_policies.iter().map(|a| policy_name(a).to_string()).collect();
                        names.extend(role.inline_policies.keys().map(|k| format!("{k} (inline)")));
                        if names.is_empty() { "none".to_string() } else { names.join(", ") }
                    }) }
                </dl>
                <p class="wui-actions">
                    { evaluate_button("Evaluate its permissions in the playground", "evaluate-permissions", &permissions) }
                </p>
                <h4>{ "Trust policy (who may assume the role)" }</h4>
                <pre class="json">{ trust_text }</pre>
                <p class="wui-actions">
                    { evaluate_button("Evaluate the trust policy in the playground", "evaluate-trust", &trust) }
                </p>
                { for role.inline_policies.iter().map(|(n, p)| html! {
                    <>
                        <h4>{ format!("Inline policy {n}") }</h4>
                        <pre class="json">{ pretty(p.to_value()) }</pre>
                    </>
                }) }
            </>
        },
    ))
}

fn profile_details(world: &World, name: &str) -> Option<(String, Html)> {
    let p = world.instance_profile(name)?;
    let instances: Vec<String> = world
        .ec2()
        .associations
        .values()
        .filter(|a| a.profile_arn == p.arn)
        .map(|a| format!("{} ({})", a.instance_id, a.state.name()))
        .collect();
    Some((
        format!("Instance profile {}", p.name),
        html! {
            <dl class="kv">
                { row("ARN", p.arn.clone()) }
                { row("InstanceProfileId", p.instance_profile_id.clone()) }
                { row("Role (at most one)", p.role.clone().unwrap_or_else(|| "none".to_string())) }
                { row("Attached to", if instances.is_empty() { "no instance".to_string() } else { instances.join(", ") }) }
            </dl>
        },
    ))
}

fn instance_details(world: &World, id: &str, ssh: Callback<MouseEvent>) -> Option<(String, Html)> {
    let i = world.instance(id)?;
    let association = i
        .association_id
        .as_ref()
        .and_then(|a| world.ec2().associations.get(a));
    let (creds, _) = credentials_line(world, i, world.now());
    let session = match i.metadata.iam.as_ref().map(|s| &s.delivery) {
        Some(iamsim_engine::imds::IamDelivery::Credentials { v2_key, .. }) => {
            world.sts().sessions.get(v2_key)
        }
        _ => None,
    };
    let mo = &i.metadata_options;
    Some((
        format!("EC2 instance {}", i.instance_id),
        html! {
            <>
                <dl class="kv">
                    { row("State", i.state.name()) }
                    { row("Private IP", i.private_ip.clone()) }
                    { row("IamInstanceProfile.Arn", association.map(|a| a.profile_arn.clone()).unwrap_or_else(|| "none".to_string())) }
                    { row("IamInstanceProfile.Id", association.map(|a| a.profile_id.clone()).unwrap_or_else(|| "none".to_string())) }
                    { row("AssociationId", association.map(|a| format!("{} ({})", a.association_id, a.state.name())).unwrap_or_else(|| "none".to_string())) }
                    { row("Metadata options", format!("HttpTokens={}, HttpPutResponseHopLimit={}, HttpEndpoint={}", mo.http_tokens, mo.http_put_response_hop_limit, mo.http_endpoint)) }
                    { row("Role credentials", creds) }
                    if let Some(s) = session {
                        { row("AccessKeyId", s.access_key_id.clone()) }
                        { row("Issued / Expiration", format!("{} / {}", s.issued.iso_z(), s.expiration.iso_z())) }
                    }
                    if let Some(next) = i.metadata.next_refresh {
                        { row("Next refresh by EC2", format!("{} (about hourly: observed, not documented)", hhmm(next))) }
                    }
                </dl>
                <button type="button" class="wui-btn" data-testid="details-ssh" onclick={ssh}>
                    { format!("Open a terminal on {}", i.instance_id) }
                </button>
            </>
        },
    ))
}

fn bucket_details(world: &World, name: &str) -> Option<(String, Html)> {
    let b = world.buckets().find(|b| b.name == name)?;
    // The bucket policy as shown, and the same text sent by "Evaluate this" with an
    // upload by the first role's session (or the admin user).
    let policy = b.policy.as_ref().map(|p| {
        let text = pretty(p.to_value());
        let caller = world.roles().next().map_or_else(
            || format!("arn:aws:iam::{}:user/admin", world.account()),
            |r| session_of(world, &r.name),
        );
        let sent = handoff::bucket_policy(&b.name, text.clone(), caller);
        (text, sent)
    });
    Some((
        format!("S3 bucket {}", b.name),
        html! {
            <>
                <dl class="kv">
                    { row("ARN", format!("arn:aws:s3:::{}", b.name)) }
                    { row("Objects", if b.objects.is_empty() { "none".to_string() } else { b.objects.keys().cloned().collect::<Vec<_>>().join(", ") }) }
                </dl>
                if let Some((text, sent)) = policy {
                    <h4>{ "Bucket policy" }</h4>
                    <pre class="json">{ text }</pre>
                    <p class="wui-actions">
                        { evaluate_button(
                            "Evaluate the bucket policy in the playground",
                            "evaluate-bucket-policy",
                            &sent,
                        ) }
                    </p>
                }
            </>
        },
    ))
}

fn sts_details(world: &World) -> (String, Html) {
    let now = world.now();
    (
        "AWS STS: temporary credentials".to_string(),
        html! {
            <>
                <p class="muted">{ "For an instance, the EC2 service assumes the role in the instance \
                    profile and puts the ASIA… keys in the metadata service; the session name is the \
                    instance id." }</p>
                <table class="mini">
                    <thead><tr><th>{ "AccessKeyId" }</th><th>{ "Session" }</th><th>{ "Expires" }</th></tr></thead>
                    <tbody>
                    { for world.sts().sessions.values().rev().take(12).map(|s| html! {
                        <tr class={if s.expiration > now { "" } else { "expired" }}>
                            <td><code>{ s.access_key_id.clone() }</code></td>
                            <td>{ format!("{}/{}", s.role_name, s.session_name) }</td>
                            <td>{ if s.expiration > now { hhmm(s.expiration) } else { format!("expired {}", hhmm(s.expiration)) } }</td>
                        </tr>
                    }) }
                    </tbody>
                </table>
            </>
        },
    )
}

fn missing_details(column: &str) -> (String, Html) {
    let (title, text) = match column {
        "0" => (
            "No IAM role yet",
            "A role holds the permissions. Create one in the IAM panel (the console way also creates an instance profile) or with `aws iam create-role`.",
        ),
        "1" => (
            "No instance profile yet",
            "EC2 cannot attach a role directly: it attaches an instance profile, a container for one role. The IAM console creates a same-name profile when you create a role for EC2; the CLI, CloudFormation and Terraform do not, so you create it and add the role yourself.",
        ),
        "2" => (
            "No instance yet",
            "Launch one in the EC2 panel, choosing an instance profile (the console's \"IAM role\" list is really a list of instance profiles), or with `aws ec2 run-instances`.",
        ),
        _ => (
            "No bucket yet",
            "Make one in the S3 panel or with `aws s3 mb s3://NAME`.",
        ),
    };
    (title.to_string(), html! { <p>{ text }</p> })
}

/// The details card.
#[component]
pub fn Details(props: &DetailsProps) -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let world = &store.world;
    let (kind, name) = props
        .node
        .split_once(':')
        .unwrap_or((props.node.as_str(), ""));
    let ssh = {
        let dispatcher = store.dispatcher();
        let id = name.to_string();
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(Action::SelectTab(LAPTOP.to_string()));
            dispatcher.dispatch(Action::RunLine(format!("ssh {id}")));
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_hash("#/terminal");
            }
        })
    };
    let found = match kind {
        "role" => role_details(world, name),
        "profile" => profile_details(world, name),
        "instance" => instance_details(world, name, ssh),
        "bucket" => bucket_details(world, name),
        "sts" => Some(sts_details(world)),
        "missing" => Some(missing_details(name)),
        _ => None,
    };
    let close = props.on_close.reform(|_: MouseEvent| ());
    let (title, body) = found.unwrap_or_else(|| {
        (
            "Gone".to_string(),
            html! { <p>{ "This no longer exists in the world." }</p> },
        )
    });
    html! {
        <div class="wui-details" data-testid="node-details" role="region" aria-label={title.clone()}>
            <div class="wui-details-head">
                <h3>{ title }</h3>
                <button type="button" class="wui-btn" onclick={close} aria-label="Close details">{ "✕" }</button>
            </div>
            { body }
        </div>
    }
}

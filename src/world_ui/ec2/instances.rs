//! The instances: state actions, the IAM role (profile) association, connect.

use yew::prelude::*;

use crate::world_ui::console_result::bind;
use crate::world_ui::state::{Action, LAPTOP, admin_call};
use crate::world_ui::store::use_store;

/// Props of [`InstanceRow`].
#[derive(Properties, PartialEq)]
pub struct InstanceRowProps {
    /// The instance id.
    pub id: String,
}

/// One instance.
#[component]
pub fn InstanceRow(props: &InstanceRowProps) -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let choice = use_state(String::new);
    let tokens = use_state(String::new);
    let hops = use_state(String::new);
    let Some(i) = store.world.instance(&props.id) else {
        return Html::default();
    };
    let mo = &i.metadata_options;
    let tokens_now = if tokens.is_empty() {
        mo.http_tokens.clone()
    } else {
        (*tokens).clone()
    };
    let hops_now = if hops.is_empty() {
        mo.http_put_response_hop_limit.to_string()
    } else {
        (*hops).clone()
    };
    let id = i.instance_id.clone();
    let profiles: Vec<String> = store
        .world
        .instance_profiles()
        .map(|p| p.name.clone())
        .collect();
    let chosen = if choice.is_empty() {
        profiles.first().cloned().unwrap_or_default()
    } else {
        (*choice).clone()
    };
    let association = i
        .association_id
        .as_ref()
        .and_then(|a| store.world.ec2().associations.get(a));
    let act = |label: String, op: &'static str, params: serde_json::Value| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            let command = admin_call(&store.world, "ec2", op, params.clone());
            store.dispatch(Action::Apply {
                panel: "ec2".into(),
                label: label.clone(),
                command,
            });
        })
    };
    let ssh = {
        let (dispatcher, id) = (store.dispatcher(), id.clone());
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(Action::SelectTab(LAPTOP.to_string()));
            dispatcher.dispatch(Action::RunLine(format!("ssh {id}")));
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_hash("#/terminal");
            }
        })
    };
    let name = i
        .tags
        .iter()
        .find(|t| t.key == "Name")
        .map(|t| t.value.clone())
        .unwrap_or_default();
    let state = i.state.name();
    let ids = serde_json::json!([id]);
    html! {
        <li class="item" data-testid={format!("instance-{id}")}>
            <div class="item-head">
                <b>{ id.clone() }</b>
                <span class="muted">{ name }</span>
                <span class={classes!("state", state)}>{ state }</span>
            </div>
            <div class="row">
                <span>{ "IAM instance profile: " }
                    <b>{ association.map(|a| format!("{} ({})", a.profile_arn.rsplit('/').next().unwrap_or_default(), a.state.name())).unwrap_or_else(|| "none".to_string()) }</b>
                </span>
            </div>
            <div class="row">
                <select aria-label="Instance profile" onchange={bind(&choice)}>
                    { for profiles.iter().map(|p| html! { <option value={p.clone()} selected={*p == chosen}>{ p.clone() }</option> }) }
                </select>
                { match association {
                    None => html! {
                        <button type="button" class="wui-btn small" disabled={profiles.is_empty()} data-testid={format!("attach-{id}")}
                                onclick={act(format!("Attach instance profile {chosen} to {id}"), "AssociateIamInstanceProfile",
                                    serde_json::json!({"InstanceId": id, "IamInstanceProfile": {"Name": chosen}}))}>{ "Attach" }</button>
                    },
                    Some(a) => html! {
                        <>
                        <button type="button" class="wui-btn small" disabled={profiles.is_empty()}
                                onclick={act(format!("Replace the instance profile of {id} with {chosen}"), "ReplaceIamInstanceProfileAssociation",
                                    serde_json::json!({"AssociationId": a.association_id, "IamInstanceProfile": {"Name": chosen}}))}>{ "Replace" }</button>
                        <button type="button" class="wui-btn small"
                                onclick={act(format!("Remove the instance profile from {id}"), "DisassociateIamInstanceProfile",
                                    serde_json::json!({"AssociationId": a.association_id}))}>{ "Remove" }</button>
                        </>
                    },
                } }
            </div>
            <div class="row">
                <button type="button" class="wui-btn small primary" data-testid={format!("connect-{id}")} onclick={ssh}
                        disabled={state != "running"} title="ssh from the laptop">{ "Connect (ssh)" }</button>
                <button type="button" class="wui-btn small" disabled={state != "stopped"}
                        onclick={act(format!("Start {id}"), "StartInstances", serde_json::json!({"InstanceIds": ids}))}>{ "Start" }</button>
                <button type="button" class="wui-btn small" disabled={state != "running"}
                        onclick={act(format!("Stop {id}"), "StopInstances", serde_json::json!({"InstanceIds": ids}))}>{ "Stop" }</button>
                <button type="button" class="wui-btn small danger" disabled={state == "terminated" || state == "shutting-down"}
                        onclick={act(format!("Terminate {id}"), "TerminateInstances", serde_json::json!({"InstanceIds": ids}))}>{ "Terminate" }</button>
            </div>
            <div class="row">
                <span class="muted">{ "Metadata options:" }</span>
                <select aria-label="HttpTokens" onchange={bind(&tokens)}>
                    { for ["required", "optional"].iter().map(|o| html! { <option value={*o} selected={tokens_now == *o}>{ format!("HttpTokens {o}") }</option> }) }
                </select>
                <select aria-label="Hop limit" onchange={bind(&hops)}>
                    { for ["1", "2", "3"].iter().map(|o| html! { <option value={*o} selected={hops_now == *o}>{ format!("hop limit {o}") }</option> }) }
                </select>
                <button type="button" class="wui-btn small"
                        onclick={act(format!("Modify the metadata options of {id}"), "ModifyInstanceMetadataOptions",
                            serde_json::json!({"InstanceId": id, "HttpTokens": tokens_now,
                                "HttpPutResponseHopLimit": hops_now.parse::<u32>().unwrap_or(1)}))}>{ "Apply" }</button>
            </div>
            if state == "pending" {
                <p class="hint">{ "Pending: advance the clock (+5 min) to let it boot." }</p>
            }
        </li>
    }
}

/// The instances list.
#[component]
pub fn Instances() -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let ids: Vec<String> = store
        .world
        .instances()
        .map(|i| i.instance_id.clone())
        .collect();
    html! {
        <section class="card-inner">
            <h3>{ format!("Instances ({})", ids.len()) }</h3>
            <ul class="items">{ for ids.into_iter().map(|id| html! { <InstanceRow id={id} /> }) }</ul>
        </section>
    }
}

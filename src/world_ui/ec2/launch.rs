//! "Launch instance": name, type, the instance profile ("IAM role" in the real console,
//! which lists instance profiles) and the metadata options.

use yew::prelude::*;

use crate::world_ui::console_result::{bind, bind_input};
use crate::world_ui::state::{Action, admin_call};
use crate::world_ui::store::use_store;
use iamsim_engine::ec2::DEFAULT_AMI;

/// The launch form.
#[component]
pub fn Launch() -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let name = use_state(|| "web-1".to_string());
    let itype = use_state(|| "t3.micro".to_string());
    let profile = use_state(String::new);
    let tokens = use_state(|| "required".to_string());
    let hops = use_state(|| "2".to_string());
    let endpoint = use_state(|| "enabled".to_string());
    let profiles: Vec<String> = store
        .world
        .instance_profiles()
        .map(|p| p.name.clone())
        .collect();
    let onsubmit = {
        let (store, name, itype, profile, tokens, hops, endpoint) = (
            store.clone(),
            name.clone(),
            itype.clone(),
            profile.clone(),
            tokens.clone(),
            hops.clone(),
            endpoint.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut params = serde_json::json!({
                "ImageId": DEFAULT_AMI,
                "InstanceType": *itype,
                "MinCount": 1,
                "MaxCount": 1,
                "MetadataOptions": {
                    "HttpTokens": *tokens,
                    "HttpPutResponseHopLimit": hops.parse::<u32>().unwrap_or(1),
                    "HttpEndpoint": *endpoint,
                },
            });
            if let Some(map) = params.as_object_mut()
                && !name.trim().is_empty()
            {
                map.insert(
                    "TagSpecifications".into(),
                    serde_json::json!([{
                        "ResourceType": "instance",
                        "Tags": [{"Key": "Name", "Value": name.trim()}]
                    }]),
                );
            }
            let label = if profile.trim().is_empty() {
                "Launch an instance with no instance profile".to_string()
            } else {
                if let Some(map) = params.as_object_mut() {
                    map.insert(
                        "IamInstanceProfile".into(),
                        serde_json::json!({"Name": profile.trim()}),
                    );
                }
                format!(
                    "Launch an instance with instance profile {}",
                    profile.trim()
                )
            };
            let command = admin_call(&store.world, "ec2", "RunInstances", params);
            store.dispatch(Action::Apply {
                panel: "ec2".into(),
                label,
                command,
            });
        })
    };
    let select = |state: &UseStateHandle<String>, id: &str, options: &'static [&'static str]| {
        let current = (**state).clone();
        html! {
            <select id={id.to_string()} data-testid={id.to_string()} onchange={bind(state)}>
                { for options.iter().map(|o| html! { <option value={*o} selected={current == *o}>{ *o }</option> }) }
            </select>
        }
    };
    html! {
        <form class="form card-inner" {onsubmit} data-testid="launch-form">
            <h3>{ "Launch instance" }</h3>
            <div class="grid2">
                <div class="field">
                    <label for="launch-name">{ "Name" }</label>
                    <input id="launch-name" data-testid="launch-name" value={(*name).clone()} oninput={bind_input(&name)} />
                </div>
                <div class="field">
                    <label for="launch-type">{ "Instance type" }</label>
                    { select(&itype, "launch-type", &["t3.micro", "t2.micro", "t3.small"]) }
                </div>
            </div>
            <div class="field">
                <label for="launch-profile">{ "IAM instance profile" }</label>
                <input id="launch-profile" data-testid="launch-profile" list="profile-names" value={(*profile).clone()}
                       oninput={bind_input(&profile)} placeholder="none" autocomplete="off" spellcheck="false" />
                <datalist id="profile-names">
                    { for profiles.iter().map(|p| html! { <option value={p.clone()} /> }) }
                </datalist>
                <div class="chips">
                    { for profiles.iter().map(|p| {
                        let (profile, p2) = (profile.clone(), p.clone());
                        html! { <button type="button" class="chip pick" data-testid={format!("pick-profile-{p}")}
                                        onclick={Callback::from(move |_: MouseEvent| profile.set(p2.clone()))}>{ p.clone() }</button> }
                    }) }
                    if profiles.is_empty() { <span class="t-warn">{ "No instance profile exists yet." }</span> }
                </div>
                <p class="hint">{ "The real EC2 console calls this list \"IAM role\", but what it lists — and what an instance holds — are instance profiles. A role's name works here only if a profile has the same name." }</p>
            </div>
            <fieldset class="field grid3">
                <legend>{ "Metadata options" }</legend>
                <label>{ "HttpTokens " }{ select(&tokens, "launch-tokens", &["required", "optional"]) }</label>
                <label>{ "Hop limit " }{ select(&hops, "launch-hops", &["1", "2", "3"]) }</label>
                <label>{ "Endpoint " }{ select(&endpoint, "launch-endpoint", &["enabled", "disabled"]) }</label>
            </fieldset>
            <button type="submit" class="wui-btn primary" data-testid="launch">{ "Launch instance" }</button>
        </form>
    }
}

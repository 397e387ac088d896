//! "Create role": a trust-policy template (EC2 or Lambda), managed policies, and the
//! visible choice between the console way (a same-name instance profile is created for
//! you) and the CLI way (role only).

use yew::prelude::*;

use crate::world_ui::console_result::{bind, bind_input};
use crate::world_ui::state::{Action, admin_call};
use crate::world_ui::store::use_store;
use iamsim_engine::world::Command;

/// The managed policies offered, by name.
pub const MANAGED: [&str; 4] = [
    "AmazonS3FullAccess",
    "AmazonS3ReadOnlyAccess",
    "AmazonSSMManagedInstanceCore",
    "CloudWatchAgentServerPolicy",
];

/// The trust policy letting `service` assume the role.
pub fn trust_policy(service: &str) -> String {
    format!(
        "{{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {{\n            \"Effect\": \"Allow\",\n            \"Principal\": {{\n                \"Service\": \"{service}\"\n            }},\n            \"Action\": \"sts:AssumeRole\"\n        }}\n    ]\n}}"
    )
}

/// The form.
#[component]
pub fn CreateRole() -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let name = use_state(|| "app-role".to_string());
    let service = use_state(|| "ec2.amazonaws.com".to_string());
    let way = use_state(|| "console".to_string());
    let policy = use_state(|| "AmazonS3FullAccess".to_string());
    let is_ec2 = *service == "ec2.amazonaws.com";
    let console_way = is_ec2 && *way == "console";
    let onsubmit = {
        let (name, service, policy, store) =
            (name.clone(), service.clone(), policy.clone(), store.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let arns: Vec<String> = if policy.is_empty() {
                Vec::new()
            } else {
                vec![format!("arn:aws:iam::aws:policy/{}", *policy)]
            };
            if console_way {
                store.dispatch(Action::Apply {
                    panel: "iam".into(),
                    label: format!(
                        "Create role {} for EC2 (console: with instance profile {})",
                        *name, *name
                    ),
                    command: Command::ConsoleCreateRoleForEc2 {
                        role_name: (*name).clone(),
                        managed_policy_arns: arns,
                        description: Some(
                            "Allows EC2 instances to call AWS services on your behalf.".into(),
                        ),
                    },
                });
            } else {
                let w = &store.world;
                let mut commands = vec![(
                    format!("Create role {}", *name),
                    admin_call(
                        w,
                        "iam",
                        "CreateRole",
                        serde_json::json!({
                            "RoleName": *name,
                            "AssumeRolePolicyDocument": trust_policy(&service),
                        }),
                    ),
                )];
                for arn in arns {
                    commands.push((
                        format!(
                            "Attach {} to {}",
                            arn.rsplit('/').next().unwrap_or_default(),
                            *name
                        ),
                        admin_call(
                            w,
                            "iam",
                            "AttachRolePolicy",
                            serde_json::json!({"RoleName": *name, "PolicyArn": arn}),
                        ),
                    ));
                }
                store.dispatch(Action::ApplyAll {
                    panel: "iam".into(),
                    commands,
                });
            }
        })
    };
    let radio = |state: &UseStateHandle<String>,
                 value: &str,
                 label: Html,
                 testid: &str,
                 disabled: bool| {
        let state2 = state.clone();
        let v = value.to_string();
        html! {
            <label class={classes!("choice", (*state.as_str() == *value).then_some("chosen"), disabled.then_some("disabled"))}>
                <input type="radio" name={format!("r-{}", testid.split('-').next().unwrap_or_default())}
                       data-testid={testid.to_string()} checked={*state.as_str() == *value} disabled={disabled}
                       onchange={Callback::from(move |_: Event| state2.set(v.clone()))} />
                { label }
            </label>
        }
    };
    html! {
        <form class="form card-inner" {onsubmit} data-testid="create-role-form">
            <h3>{ "Create role" }</h3>
            <div class="field">
                <label for="role-name">{ "Role name" }</label>
                <input id="role-name" data-testid="role-name" value={(*name).clone()} oninput={bind_input(&name)}
                       autocomplete="off" spellcheck="false" />
            </div>
            <fieldset class="field">
                <legend>{ "Trusted entity (trust policy template)" }</legend>
                { radio(&service, "ec2.amazonaws.com", html!{<span>{ "EC2 " }<small>{ "ec2.amazonaws.com" }</small></span>}, "trust-ec2", false) }
                { radio(&service, "lambda.amazonaws.com", html!{<span>{ "Lambda " }<small>{ "lambda.amazonaws.com" }</small></span>}, "trust-lambda", false) }
            </fieldset>
            <div class="field">
                <label for="role-policy">{ "Permissions policy (AWS managed)" }</label>
                <select id="role-policy" data-testid="role-policy" onchange={bind(&policy)}>
                    { for MANAGED.iter().map(|p| html! { <option value={*p} selected={*policy == *p}>{ *p }</option> }) }
                    <option value="" selected={policy.is_empty()}>{ "none" }</option>
                </select>
            </div>
            <fieldset class="field way">
                <legend>{ "How" }</legend>
                { radio(&way, "console", html!{<span><b>{ "The console way" }</b>{ " — IAM also creates an instance profile with the same name, so EC2 can use the role at once." }</span>}, "way-console", !is_ec2) }
                { radio(&way, "cli", html!{<span><b>{ "The CLI way" }</b>{ " — only the role (as aws iam create-role, CloudFormation, Terraform): you create the instance profile and add the role yourself." }</span>}, "way-cli", false) }
                if !is_ec2 { <p class="muted">{ "The console creates an instance profile only for roles EC2 can assume." }</p> }
            </fieldset>
            <pre class="json small" aria-label="Trust policy">{ trust_policy(&service) }</pre>
            <button type="submit" class="wui-btn primary" data-testid="create-role">
                { if console_way { "Create role and instance profile" } else { "Create role" } }
            </button>
        </form>
    }
}

//! The roles: trust, permission policies (attach, detach, inline), delete.

use yew::prelude::*;

use super::create_role::MANAGED;
use crate::world_ui::console_result::{bind, bind_input};
use crate::world_ui::diagram_model::{policy_name, trusted_services};
use crate::world_ui::state::{Action, admin_call};
use crate::world_ui::store::use_store;

const INLINE_EXAMPLE: &str = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\n    \"Effect\": \"Allow\",\n    \"Action\": \"s3:PutObject\",\n    \"Resource\": \"arn:aws:s3:::demo-bucket/*\"\n  }]\n}";

/// Props of [`RoleCard`].
#[derive(Properties, PartialEq)]
pub struct RoleCardProps {
    /// The role's name.
    pub name: String,
}

/// One role.
#[component]
pub fn RoleCard(props: &RoleCardProps) -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let attach = use_state(|| MANAGED[0].to_string());
    let inline_name = use_state(|| "put-objects".to_string());
    let inline_doc = use_state(|| INLINE_EXAMPLE.to_string());
    let Some(role) = store.world.role(&props.name) else {
        return Html::default();
    };
    let name = role.name.clone();
    let act = |label: String, op: &'static str, params: serde_json::Value| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            let command = admin_call(&store.world, "iam", op, params.clone());
            store.dispatch(Action::Apply {
                panel: "iam".into(),
                label: label.clone(),
                command,
            });
        })
    };
    let on_attach = {
        let (store, attach, name) = (store.clone(), attach.clone(), name.clone());
        Callback::from(move |_: MouseEvent| {
            let arn = format!("arn:aws:iam::aws:policy/{}", *attach);
            let command = admin_call(
                &store.world,
                "iam",
                "AttachRolePolicy",
                serde_json::json!({"RoleName": name, "PolicyArn": arn}),
            );
            store.dispatch(Action::Apply {
                panel: "iam".into(),
                label: format!("Attach {} to {name}", *attach),
                command,
            });
        })
    };
    let on_inline = {
        let (store, n, d, name) = (
            store.clone(),
            inline_name.clone(),
            inline_doc.clone(),
            name.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let command = admin_call(
                &store.world,
                "iam",
                "PutRolePolicy",
                serde_json::json!({
                "RoleName": name, "PolicyName": *n, "PolicyDocument": *d}),
            );
            store.dispatch(Action::Apply {
                panel: "iam".into(),
                label: format!("Put inline policy {} on {name}", *n),
                command,
            });
        })
    };
    let services = trusted_services(role.assume_role_policy.to_value());
    html! {
        <li class="item" data-testid={format!("role-{}", role.name)}>
            <div class="item-head">
                <b>{ role.name.clone() }</b>
                <code class="arn">{ role.arn.clone() }</code>
                <button type="button" class="wui-btn small danger" onclick={act(format!("Delete role {name}"), "DeleteRole", serde_json::json!({"RoleName": name}))}>{ "Delete" }</button>
            </div>
            <div class="muted">{ format!("Trusted: {}", if services.is_empty() { "no AWS service".to_string() } else { services.join(", ") }) }</div>
            <ul class="chips">
                { for role.attached_policies.iter().map(|arn| html! {
                    <li class="chip">{ policy_name(arn).to_string() }
                        <button type="button" class="chip-x" aria-label={format!("Detach {}", policy_name(arn))}
                                onclick={act(format!("Detach {} from {name}", policy_name(arn)), "DetachRolePolicy", serde_json::json!({"RoleName": name, "PolicyArn": arn}))}>{ "×" }</button>
                    </li>
                }) }
                { for role.inline_policies.keys().map(|p| html! {
                    <li class="chip inline">{ format!("{p} (inline)") }
                        <button type="button" class="chip-x" aria-label={format!("Delete inline policy {p}")}
                                onclick={act(format!("Delete inline policy {p}"), "DeleteRolePolicy", serde_json::json!({"RoleName": name, "PolicyName": p}))}>{ "×" }</button>
                    </li>
                }) }
                if role.attached_policies.is_empty() && role.inline_policies.is_empty() {
                    <li class="muted">{ "No permission policies: every call will be denied." }</li>
                }
            </ul>
            <div class="row">
                <select aria-label="Managed policy to attach" onchange={bind(&attach)}>
                    { for MANAGED.iter().map(|p| html! { <option value={*p} selected={*attach == *p}>{ *p }</option> }) }
                </select>
                <button type="button" class="wui-btn small" onclick={on_attach}>{ "Attach policy" }</button>
            </div>
            <details>
                <summary>{ "Add an inline policy" }</summary>
                <div class="row">
                    <input aria-label="Inline policy name" value={(*inline_name).clone()} oninput={bind_input(&inline_name)} />
                    <button type="button" class="wui-btn small" onclick={on_inline}>{ "Put inline policy" }</button>
                </div>
                <textarea class="code" rows="8" aria-label="Inline policy document" value={(*inline_doc).clone()}
                          oninput={bind_input(&inline_doc)} spellcheck="false" />
            </details>
        </li>
    }
}

/// The roles list.
#[component]
pub fn Roles() -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let names: Vec<String> = store.world.roles().map(|r| r.name.clone()).collect();
    html! {
        <section class="card-inner">
            <h3>{ format!("Roles ({})", names.len()) }</h3>
            if names.is_empty() { <p class="muted">{ "No role yet." }</p> }
            <ul class="items">{ for names.into_iter().map(|n| html! { <RoleCard name={n} /> }) }</ul>
        </section>
    }
}

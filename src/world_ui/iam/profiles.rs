//! Instance profiles: create one, add or remove its role (at most one), delete it.

use yew::prelude::*;

use crate::world_ui::console_result::{bind, bind_input};
use crate::world_ui::state::{Action, admin_call};
use crate::world_ui::store::use_store;

/// Props of [`ProfileCard`].
#[derive(Properties, PartialEq)]
pub struct ProfileCardProps {
    /// The profile's name.
    pub name: String,
}

/// One instance profile.
#[component]
pub fn ProfileCard(props: &ProfileCardProps) -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let role_choice = use_state(String::new);
    let Some(p) = store.world.instance_profile(&props.name) else {
        return Html::default();
    };
    let name = p.name.clone();
    let roles: Vec<String> = store.world.roles().map(|r| r.name.clone()).collect();
    let chosen = if role_choice.is_empty() {
        roles.first().cloned().unwrap_or_default()
    } else {
        (*role_choice).clone()
    };
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
    html! {
        <li class="item" data-testid={format!("profile-{}", p.name)}>
            <div class="item-head">
                <b>{ p.name.clone() }</b>
                <code class="arn">{ p.arn.clone() }</code>
                <button type="button" class="wui-btn small danger"
                        onclick={act(format!("Delete instance profile {name}"), "DeleteInstanceProfile", serde_json::json!({"InstanceProfileName": name}))}>{ "Delete" }</button>
            </div>
            { match &p.role {
                Some(role) => html! {
                    <div class="row">
                        <span>{ "Holds role " }<b>{ role.clone() }</b></span>
                        <button type="button" class="wui-btn small"
                                onclick={act(format!("Remove role {role} from {name}"), "RemoveRoleFromInstanceProfile", serde_json::json!({"InstanceProfileName": name, "RoleName": role}))}>{ "Remove role" }</button>
                    </div>
                },
                None => html! {
                    <div class="row">
                        <span class="t-warn">{ "Empty: an instance with this profile gets no credentials." }</span>
                        <select aria-label="Role to add" data-testid={format!("profile-role-{}", name)} onchange={bind(&role_choice)}>
                            { for roles.iter().map(|r| html! { <option value={r.clone()} selected={*r == chosen}>{ r.clone() }</option> }) }
                        </select>
                        <button type="button" class="wui-btn small" data-testid={format!("add-role-{}", name)} disabled={roles.is_empty()}
                                onclick={act(format!("Add role {chosen} to {name}"), "AddRoleToInstanceProfile", serde_json::json!({"InstanceProfileName": name, "RoleName": chosen}))}>{ "Add role" }</button>
                    </div>
                },
            } }
        </li>
    }
}

/// The profiles list and the create form.
#[component]
pub fn Profiles() -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let new_name = use_state(|| "app-profile".to_string());
    let onsubmit = {
        let (store, new_name) = (store.clone(), new_name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let command = admin_call(
                &store.world,
                "iam",
                "CreateInstanceProfile",
                serde_json::json!({"InstanceProfileName": *new_name}),
            );
            store.dispatch(Action::Apply {
                panel: "iam".into(),
                label: format!("Create instance profile {}", *new_name),
                command,
            });
        })
    };
    let names: Vec<String> = store
        .world
        .instance_profiles()
        .map(|p| p.name.clone())
        .collect();
    html! {
        <section class="card-inner">
            <h3>{ format!("Instance profiles ({})", names.len()) }</h3>
            <p class="muted">{ "EC2 attaches an instance profile, never a role: the profile is a container for one role." }</p>
            <form class="row" {onsubmit}>
                <input aria-label="Instance profile name" data-testid="profile-name" value={(*new_name).clone()} oninput={bind_input(&new_name)} />
                <button type="submit" class="wui-btn" data-testid="create-profile">{ "Create instance profile" }</button>
            </form>
            <ul class="items">{ for names.into_iter().map(|n| html! { <ProfileCard name={n} /> }) }</ul>
        </section>
    }
}

//! One optional policy (resource-based, boundary, SCP, session): a switch,
//! and an editor while it is on. Its text is kept while it is off.

use yew::prelude::*;

use super::editor::JsonEditor;
use crate::playground::analysis::InputError;
use crate::playground::model::{OptionalPolicy, PlaygroundAction, Slot};

/// Props of [`OptionalPolicyEditor`].
#[derive(Properties, PartialEq)]
pub struct OptionalPolicyProps {
    /// Which policy.
    pub slot: Slot,
    /// Its state.
    pub policy: OptionalPolicy,
    /// Its error, when on and unreadable.
    pub error: Option<InputError>,
    /// Sends an edit.
    pub on_edit: Callback<PlaygroundAction>,
    /// For the resource slot: the policy is a role's trust policy.
    #[prop_or_default]
    pub trust: bool,
}

fn hint(slot: Slot) -> &'static str {
    match slot {
        Slot::Resource => "Attached to the resource, e.g. a bucket policy. Must name a Principal.",
        Slot::Boundary => "Caps what identity policies can grant; it grants nothing itself.",
        Slot::Scp => "Set by the organisation; must allow the action too.",
        Slot::Session => "Passed when the role session was created; caps the session.",
    }
}

/// The editor.
#[component]
pub fn OptionalPolicyEditor(props: &OptionalPolicyProps) -> Html {
    let slot = props.slot;
    let toggle_id = format!("slot-{}-on", slot.key());
    let toggle = props.on_edit.reform(move |e: Event| {
        let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
        PlaygroundAction::SetEnabled(slot, input.checked())
    });
    let trust_toggle = props.on_edit.reform(|e: Event| {
        let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
        PlaygroundAction::SetResourceIsTrust(input.checked())
    });
    let on_input = props
        .on_edit
        .reform(move |text| PlaygroundAction::SetSlotText(slot, text));
    html! {
        <section class={classes!("card", "optional", props.policy.enabled.then_some("on"))}
            data-testid={format!("slot-{}", slot.key())}>
            <div class="switch-row">
                <input type="checkbox" id={toggle_id.clone()} checked={props.policy.enabled}
                    onchange={toggle} data-testid="slot-toggle" />
                <label for={toggle_id} class="switch-label">
                    <span class="switch-title">{ slot.title() }</span>
                    <span class="hint">{ hint(slot) }</span>
                </label>
            </div>
            if props.policy.enabled && slot == Slot::Resource {
                <label class="trust-row">
                    <input type="checkbox" checked={props.trust} onchange={trust_toggle}
                        data-testid="resource-is-trust" />
                    { " It is a role's trust policy (the request is sts:AssumeRole on the role)" }
                </label>
            }
            if props.policy.enabled {
                <JsonEditor id={format!("slot-{}-text", slot.key())}
                    label={format!("{} (JSON)", slot.title())}
                    text={props.policy.text.clone()} error={props.error.clone()} {on_input} />
            }
        </section>
    }
}

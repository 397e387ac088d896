//! The shown step's events, revealed one after another (CloudTrail-like API calls,
//! metadata-service requests, instance state changes).

use std::rc::Rc;

use iamsim_engine::event::{ApiEvent, Event};
use iamsim_lessons::Player;
use yew::prelude::*;

use super::model::last_step_events;

/// Props of [`StepEvents`].
#[derive(Properties)]
pub struct StepEventsProps {
    /// The player at the shown step.
    pub player: Rc<Player>,
}

impl PartialEq for StepEventsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.player, &other.player)
    }
}

/// The list.
#[component]
pub fn StepEvents(props: &StepEventsProps) -> Html {
    let world = props.player.world();
    let events = last_step_events(&props.player);
    if events.is_empty() {
        return html! { <p class="sp-events empty" data-testid="step-events">{ "No AWS events in this step." }</p> };
    }
    html! {
        <ol class="sp-events" data-testid="step-events" aria-label="What happened in this step">
            { for events.iter().enumerate().map(|(i, e)| {
                let (text, ok) = describe(world, e);
                html! {
                    <li class={classes!("sp-event", if ok { "ok" } else { "bad" }, format!("d{}", i.min(12)))}>
                        { text }
                    </li>
                }
            }) }
        </ol>
    }
}

/// The line of an API call: the operation, its result and who called.
fn describe_api(e: &ApiEvent) -> (String, bool) {
    let who = e
        .user_identity
        .arn
        .as_deref()
        .and_then(|a| a.rsplit_once(':').map(|(_, r)| r.to_string()))
        .or_else(|| e.user_identity.invoked_by.clone())
        .unwrap_or_else(|| "anonymous".to_string());
    match &e.error_code {
        Some(code) => (format!("{} ✗ {code} ({who})", e.event_name), false),
        None => (format!("{} ✓ ({who})", e.event_name), true),
    }
}

fn describe(world: &iamsim_engine::World, event: &Event) -> (String, bool) {
    match event {
        Event::Api(e) => describe_api(e),
        Event::InstanceCredentials(e) => describe_api(&e.api_event()),
        Event::Imds(m) => {
            let (method, path) = world
                .imds_event_request(m)
                .map(|(_, r)| (r.method.clone(), r.path.clone()))
                .unwrap_or_default();
            let status = if m.status == 0 {
                "no answer".to_string()
            } else {
                m.status.to_string()
            };
            let token = if m.with_token { " (token)" } else { "" };
            (
                format!("IMDS {method} {path}{token} → {status}"),
                (200..300).contains(&m.status),
            )
        }
        Event::InstanceState(s) => (format!("{} {} → {}", s.instance_id, s.from, s.to), true),
    }
}

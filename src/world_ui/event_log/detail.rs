//! One event in full: request, response or error, and for each authorization the
//! decision, AWS's phrase and the statement-by-statement explanation.

use yew::prelude::*;

use crate::world_ui::store::use_store;
use iamsim_engine::policy::{Decision, Evaluation};

/// Props of [`EventDetail`].
#[derive(Properties, PartialEq)]
pub struct EventDetailProps {
    /// Index into the world's events.
    pub index: usize,
}

fn explanation(action: &str, resource: &str, ev: &Evaluation) -> Html {
    let (verdict, class) = match ev.decision {
        Decision::Allow => ("Allow", "t-ok"),
        Decision::ExplicitDeny => ("Explicit deny", "t-bad"),
        Decision::ImplicitDeny => ("Implicit deny", "t-bad"),
    };
    html! {
        <div class="authz" data-testid="event-explanation">
            <p><b class={class}>{ verdict }</b>{ format!(" — {action} on {resource}") }</p>
            if let Some(reason) = ev.reason() {
                <p class="reason" data-testid="event-reason">{ format!("{action} denied {reason}") }</p>
            }
            { for ev.trace.iter().map(|p| html! {
                <div class="policy-trace">
                    <div class="policy-name">{ format!("{} policy ", p.policy_type.label()) }<code>{ p.name.clone() }</code></div>
                    <ul>
                    { for p.statements.iter().map(|s| html! {
                        <li class={if s.applies { "applies" } else { "skips" }}>
                            { format!("Statement {}{} ({:?}): action {}, resource {}{} → {}",
                                s.index,
                                s.sid.as_deref().map(|x| format!(" \"{x}\"")).unwrap_or_default(),
                                s.effect,
                                if s.action_matched { "matches" } else { "does not match" },
                                if s.resource_matched { "matches" } else { "does not match" },
                                s.principal_matched.map(|m| format!(", principal {}", if m { "matches" } else { "does not match" })).unwrap_or_default(),
                                if s.applies { "applies" } else { "does not apply" }) }
                            { for s.conditions.iter().map(|c| html! {
                                <div class="cond">{ format!("condition {} {} {}: {}{}", c.operator, c.key, iamsim_engine::policy::quoted_list(&c.values),
                                    if c.matched { "holds" } else { "does not hold" },
                                    c.note.as_deref().map(|n| format!(" ({n})")).unwrap_or_default()) }</div>
                            }) }
                        </li>
                    }) }
                    if p.statements.is_empty() { <li class="skips">{ "no statement" }</li> }
                    </ul>
                </div>
            }) }
            if ev.trace.is_empty() {
                <p class="muted">{ "No policy applies to this principal." }</p>
            }
        </div>
    }
}

/// The detail of one API event.
#[component]
pub fn EventDetail(props: &EventDetailProps) -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let Some(e) = store
        .world
        .events()
        .get(props.index)
        .and_then(|e| e.as_api())
    else {
        return Html::default();
    };
    let pretty = |v: &serde_json::Value| serde_json::to_string_pretty(v).unwrap_or_default();
    html! {
        <div class="event-detail" data-testid="event-detail">
            <div class="cols">
                <div>
                    <h4>{ "Request" }</h4>
                    <pre class="json">{ pretty(&e.request_parameters) }</pre>
                    <h4>{ "Caller" }</h4>
                    <pre class="json">{ serde_json::to_string_pretty(&e.user_identity).unwrap_or_default() }</pre>
                </div>
                <div>
                    if let Some(code) = &e.error_code {
                        <h4>{ "Error" }</h4>
                        <pre class="json t-bad" data-testid="event-error">{ format!("{code}: {}", e.error_message.clone().unwrap_or_default()) }</pre>
                    } else {
                        <h4>{ "Response" }</h4>
                        <pre class="json">{ pretty(&e.response_elements) }</pre>
                    }
                </div>
            </div>
            if !e.authorizations.is_empty() {
                <h4>{ "Authorization" }</h4>
                { for e.authorizations.iter().map(|a| explanation(&a.action, &a.resource, &a.evaluation)) }
            }
        </div>
    }
}

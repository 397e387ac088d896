//! "What just happened": the last step in words and each event it caused, with the
//! decision for every authorization. The teacher's narration, always on screen.

use yew::prelude::*;

use super::state::Step;
use super::store::use_store;
use iamsim_engine::event::Event;

/// How many calls the card lists before "N more".
const SHOWN: usize = 5;

/// The last step card.
#[component]
pub fn LastStep() -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let Some(step) = store.steps.last() else {
        return html! {
            <section class="card wui-last" data-testid="last-step">
                <h2>{ "Start here" }</h2>
                <ol class="start">
                    <li>{ "IAM: create a role for EC2 (the console way also makes its instance profile)." }</li>
                    <li>{ "EC2: launch an instance with that instance profile." }</li>
                    <li>{ "S3: create a bucket." }</li>
                    <li>{ "Terminal: ssh to the instance and run aws s3 cp f.txt s3://BUCKET/." }</li>
                </ol>
            </section>
        };
    };
    let what = match step {
        Step::Line { tab, line } => format!("{tab}$ {line}"),
        Step::Command { label, .. } => label.clone(),
    };
    let events: Vec<&Event> = store
        .last_events
        .clone()
        .filter_map(|i| store.world.events().get(i))
        .collect();
    let imds = events
        .iter()
        .filter(|e| matches!(e, Event::Imds(_)))
        .count();
    let api: Vec<_> = events.iter().filter_map(|e| e.as_api()).collect();
    let more = api.len().saturating_sub(SHOWN);
    html! {
        <section class="card wui-last" data-testid="last-step">
            <h2>{ "Last step" }</h2>
            <p class="what"><code>{ what }</code></p>
            <ul class="last-events">
                { for api.iter().take(SHOWN).map(|e| {
                    let who = e.user_identity.arn.clone().unwrap_or_else(|| e.user_identity.identity_type.clone());
                    let service = e.event_source.trim_end_matches(".amazonaws.com");
                    let ok = e.error_code.is_none();
                    html! {
                        <li class={if ok { "ok" } else { "bad" }}>
                            <span class="mark">{ if ok { "✓" } else { "✗" } }</span>
                            <span><b>{ format!("{service}:{}", e.event_name) }</b>
                                { format!(" by {who}") }
                                if let Some(code) = &e.error_code {
                                    <span class="err">{ format!(" — {code}: {}", e.error_message.clone().unwrap_or_default()) }</span>
                                }
                            </span>
                        </li>
                    }
                }) }
                if more > 0 {
                    <li class="plain"><span class="mark">{ "…" }</span>
                        { format!("{more} more call{} in the event log", if more == 1 { "" } else { "s" }) }</li>
                }
                if imds > 0 {
                    <li class="plain"><span class="mark">{ "⇄" }</span>
                        { format!("{imds} request{} to the metadata service (169.254.169.254)", if imds == 1 { "" } else { "s" }) }</li>
                }
                if events.is_empty() {
                    <li class="plain"><span class="mark">{ "·" }</span>{ "No AWS call was made." }</li>
                }
            </ul>
        </section>
    }
}

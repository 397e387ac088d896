//! The event log: a CloudTrail-like table, newest first, filterable by service, caller
//! and errors; metadata-service requests in a table of their own. Clicking an event
//! shows its request, its response and, for authorizations, the explanation.

mod detail;
mod filter;

use yew::prelude::*;

use super::store::use_store;
use detail::EventDetail;
use filter::{Filter, FilterBar, ImdsTable, matches};
use iamsim_engine::event::Event;

/// The event log panel.
#[component]
pub fn EventLog() -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let filter = use_state(Filter::default);
    let selected = use_state(|| None::<usize>);
    let show_imds = use_state(|| false);
    let events = store.world.events();
    let rows: Vec<(usize, std::borrow::Cow<'_, iamsim_engine::event::ApiEvent>)> = events
        .iter()
        .enumerate()
        .rev()
        .filter_map(|(i, e)| e.as_api().map(|a| (i, a)))
        .filter(|(_, a)| matches(&filter, a))
        .take(300)
        .collect();
    let imds_count = events
        .iter()
        .filter(|e| matches!(e, Event::Imds(_)))
        .count();
    let toggle_imds = {
        let show_imds = show_imds.clone();
        Callback::from(move |_: MouseEvent| show_imds.set(!*show_imds))
    };
    html! {
        <div class="events" data-testid="event-log">
            <FilterBar filter={(*filter).clone()} on_change={{
                let filter = filter.clone();
                Callback::from(move |f: Filter| filter.set(f))
            }} />
            <div class="events-table-wrap">
                <table class="events-table">
                    <thead><tr>
                        <th class="c-time">{ "Time" }</th><th>{ "Event" }</th><th>{ "Caller" }</th>
                        <th class="c-ip">{ "Source IP" }</th><th class="c-result">{ "Result" }</th>
                    </tr></thead>
                    <tbody>
                        if rows.is_empty() {
                            <tr><td colspan="5" class="muted">{ "No API call matches." }</td></tr>
                        }
                        { for rows.iter().map(|(i, e)| {
                            let i = *i;
                            let current = *selected == Some(i);
                            let onclick = {
                                let selected = selected.clone();
                                Callback::from(move |_: MouseEvent| selected.set(if current { None } else { Some(i) }))
                            };
                            let onkeydown = {
                                let selected = selected.clone();
                                Callback::from(move |e: KeyboardEvent| if e.key() == "Enter" || e.key() == " " {
                                    e.prevent_default();
                                    selected.set(if current { None } else { Some(i) });
                                })
                            };
                            let who = e.user_identity.arn.clone()
                                .or_else(|| e.user_identity.invoked_by.clone())
                                .unwrap_or_else(|| e.user_identity.identity_type.clone());
                            let who = who.rsplit(':').next().unwrap_or_default().to_string();
                            let time = e.event_time.get(11..19).unwrap_or(&e.event_time).to_string();
                            html! {
                                <>
                                <tr class={classes!("event-row", e.error_code.is_some().then_some("error"), current.then_some("current"))}
                                    data-testid="event-row" tabindex="0" role="button" aria-expanded={current.to_string()}
                                    {onclick} {onkeydown}>
                                    <td><time>{ time }</time></td>
                                    <td><span class="svc">{ e.event_source.trim_end_matches(".amazonaws.com") }</span>{ " " }<b>{ e.event_name.clone() }</b></td>
                                    <td class="who" title={e.user_identity.arn.clone().unwrap_or_default()}>{ who }</td>
                                    <td><code>{ e.source_ip_address.clone() }</code></td>
                                    <td>{ match &e.error_code { Some(c) => html!{ <span class="t-bad">{ format!("✗ {c}") }</span> }, None => html!{ <span class="t-ok">{ "✓" }</span> } } }</td>
                                </tr>
                                if current {
                                    <tr class="event-detail-row"><td colspan="5"><EventDetail index={i} /></td></tr>
                                }
                                </>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <button type="button" class="wui-btn" data-testid="toggle-imds" onclick={toggle_imds}
                    aria-expanded={show_imds.to_string()}>
                { format!("{} metadata-service requests (169.254.169.254) {}", imds_count, if *show_imds { "▴" } else { "▾" }) }
            </button>
            if *show_imds { <ImdsTable /> }
        </div>
    }
}

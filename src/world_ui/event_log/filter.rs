//! The event log's filters, and the metadata-service requests table.

use yew::prelude::*;

use crate::world_ui::diagram_model::{hhmm, imds_request};
use crate::world_ui::store::use_store;
use iamsim_engine::event::ApiEvent;

/// What the table shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// `iam`, `sts`, `ec2`, `s3`, … or empty for all.
    pub service: String,
    /// Text the caller's ARN must contain.
    pub caller: String,
    /// Only failed calls.
    pub errors: bool,
}

/// True when the event passes the filter.
pub fn matches(f: &Filter, e: &ApiEvent) -> bool {
    (f.service.is_empty() || e.event_source == format!("{}.amazonaws.com", f.service))
        && (f.caller.is_empty()
            || e.user_identity
                .arn
                .as_deref()
                .or(e.user_identity.invoked_by.as_deref())
                .unwrap_or_default()
                .to_ascii_lowercase()
                .contains(&f.caller.to_ascii_lowercase()))
        && (!f.errors || e.error_code.is_some())
}

/// Props of [`FilterBar`].
#[derive(Properties, PartialEq)]
pub struct FilterBarProps {
    /// The filter.
    pub filter: Filter,
    /// A changed filter.
    pub on_change: Callback<Filter>,
}

/// Service, caller and errors-only filters.
#[component]
pub fn FilterBar(props: &FilterBarProps) -> Html {
    let f = props.filter.clone();
    let on_service = {
        let (f, cb) = (f.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            if let Some(el) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                cb.emit(Filter {
                    service: el.value(),
                    ..f.clone()
                });
            }
        })
    };
    let on_caller = {
        let (f, cb) = (f.clone(), props.on_change.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(el) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                cb.emit(Filter {
                    caller: el.value(),
                    ..f.clone()
                });
            }
        })
    };
    let on_errors = {
        let (f, cb) = (f.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            if let Some(el) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                cb.emit(Filter {
                    errors: el.checked(),
                    ..f.clone()
                });
            }
        })
    };
    html! {
        <div class="filters">
            <label>{ "Service " }
                <select data-testid="filter-service" onchange={on_service}>
                    { for ["", "iam", "sts", "ec2", "s3", "logs", "ssm"].iter().map(|s| html! {
                        <option value={*s} selected={f.service == *s}>{ if s.is_empty() { "all" } else { s } }</option>
                    }) }
                </select>
            </label>
            <label>{ "Caller " }
                <input type="search" data-testid="filter-caller" placeholder="admin, assumed-role, i-…"
                       value={f.caller.clone()} oninput={on_caller} />
            </label>
            <label class="check">
                <input type="checkbox" data-testid="filter-errors" checked={f.errors} onchange={on_errors} />
                { " errors only" }
            </label>
        </div>
    }
}

/// The metadata-service requests, newest first.
#[component]
pub fn ImdsTable() -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    html! {
        <table class="events-table imds" data-testid="imds-log">
            <thead><tr><th>{ "Time" }</th><th>{ "Instance" }</th><th>{ "Request" }</th><th>{ "Status" }</th></tr></thead>
            <tbody>
            { for store.world.events().iter().rev().filter_map(|e| e.as_imds()).take(200).map(|e| {
                let (instance, method, path) = imds_request(&store.world, e)
                    .map(|(i, r)| (i.to_string(), r.method.clone(), r.path.clone()))
                    .unwrap_or_default();
                html! {
                <tr class={classes!((e.status == 0 || e.status >= 400).then_some("error"))}>
                    <td>{ hhmm(e.time) }</td>
                    <td><code>{ instance }</code></td>
                    <td><code>{ format!("{method} {path}") }</code>
                        { if e.with_token { " (IMDSv2 token)" } else { "" } }
                        { if e.hops > 1 { " from a container" } else { "" } }</td>
                    <td>{ if e.status == 0 { "no answer (hop limit)".to_string() } else { e.status.to_string() } }</td>
                </tr>
            } }) }
            </tbody>
        </table>
    }
}

//! One statement of the explanation: its effect, whether it applies, and a
//! line per element (action, resource, principal, each condition).

use iamsim_engine::policy::{Effect, StatementTrace};
use yew::prelude::*;

use crate::playground::analysis::statement_label;

/// Props of [`StatementCard`].
#[derive(Properties, PartialEq)]
pub struct StatementProps {
    /// The statement's trace.
    pub statement: StatementTrace,
    /// The request's value for each condition's key (same order), if any.
    pub seen: Vec<Option<String>>,
}

fn check(label: String, matched: bool, note: Option<String>) -> Html {
    let (mark, word, class) = if matched {
        ("✓", "matches", "ok")
    } else {
        ("✗", "does not match", "no")
    };
    html! {
        <li class={classes!("check", class)}>
            <span class="mark" aria-hidden="true">{ mark }</span>
            <span class="what">{ label }</span>
            <span class="verdict">{ word }</span>
            if let Some(note) = note { <span class="note">{ note }</span> }
        </li>
    }
}

/// The card.
#[component]
pub fn StatementCard(props: &StatementProps) -> Html {
    let s = &props.statement;
    let effect = match s.effect {
        Effect::Allow => "Allow",
        Effect::Deny => "Deny",
    };
    let applies = if s.applies {
        "applies"
    } else {
        "does not apply"
    };
    html! {
        <li class={classes!("statement", s.applies.then_some("applies"))}
            data-testid="explain-statement" data-applies={s.applies.to_string()}>
            <p class="statement-head">
                <span>{ format!("Statement {}", statement_label(s.sid.as_deref(), s.index)) }</span>
                <span class={classes!("effect", effect.to_ascii_lowercase())}>{ effect }</span>
                <span class="applies">{ applies }</span>
            </p>
            <ul class="checks">
                { check("Action".into(), s.action_matched, None) }
                { check("Resource".into(), s.resource_matched, None) }
                if let Some(p) = s.principal_matched { { check("Principal".into(), p, None) } }
                { for s.conditions.iter().zip(props.seen.iter()).map(|(c, seen)| check(
                    format!("Condition {} {} {}", c.operator, c.key, c.values.join(", ")),
                    c.matched,
                    c.note.clone().or_else(|| seen.as_ref().map(|v| format!("the request has {v}"))))) }
            </ul>
        </li>
    }
}

//! The decision: Allow / ExplicitDeny / ImplicitDeny, which policy type
//! decided, the deciding statement, and AWS's sentence for a denial.

use std::rc::Rc;

use iamsim_engine::policy::Decision;
use yew::prelude::*;

use crate::playground::analysis::{Analysis, policy_type_name};

/// Props of [`DecisionPanel`].
#[derive(Properties, PartialEq)]
pub struct DecisionProps {
    /// The derived view.
    pub analysis: Rc<Analysis>,
}

fn token(decision: Decision) -> (&'static str, &'static str, &'static str) {
    match decision {
        Decision::Allow => ("Allow", "allow", "The request is allowed."),
        Decision::ExplicitDeny => ("ExplicitDeny", "deny", "Denied by a Deny statement."),
        Decision::ImplicitDeny => ("ImplicitDeny", "deny", "Denied: nothing allows it."),
    }
}

/// The panel.
#[component]
pub fn DecisionPanel(props: &DecisionProps) -> Html {
    let a = &props.analysis;
    let Some(evaluation) = &a.evaluation else {
        let count = a.error_count();
        let what = if count == 1 {
            "1 input"
        } else {
            "several inputs"
        };
        return html! {
            <section class="decision pending" aria-live="polite" data-testid="decision-panel">
                <h2>{ "Decision" }</h2>
                <p class="decision-token" data-testid="decision">{ "Not evaluated" }</p>
                <p>{ format!("Fix {what} marked in red to see the decision.") }</p>
            </section>
        };
    };
    let (name, tone, summary) = token(evaluation.decision);
    let decided_by = evaluation.decided_by.map(policy_type_name);
    html! {
        <section class={classes!("decision", tone)} aria-live="polite" data-testid="decision-panel">
            <h2>{ "Decision" }</h2>
            <p class="decision-token" data-testid="decision">{ name }</p>
            <p class="decision-summary">{ summary }</p>
            if let Some(kind) = decided_by {
                <p>{ "Decided by: " }<strong data-testid="decided-by">{ kind }</strong></p>
            }
            if let Some(s) = &a.deciding {
                <p data-testid="deciding-statement">
                    { format!("Statement {} in {} \"{}\"", s.label, policy_type_name(s.policy_type),
                        s.policy_name) }
                </p>
            }
            if let Some(message) = &a.denial_message {
                <p class="aws-message" data-testid="reason">{ message }</p>
            }
        </section>
    }
}

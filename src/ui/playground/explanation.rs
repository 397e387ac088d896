//! The statement-by-statement explanation: every policy considered, and for
//! each statement whether its action, resource, principal and conditions matched.

use std::rc::Rc;

use iamsim_engine::policy::StatementTrace;
use yew::prelude::*;

use super::statement::StatementCard;
use crate::playground::analysis::{Analysis, policy_type_name};

/// Props of [`Explanation`].
#[derive(Properties, PartialEq)]
pub struct ExplanationProps {
    /// The derived view.
    pub analysis: Rc<Analysis>,
}

/// The explanation.
#[component]
pub fn Explanation(props: &ExplanationProps) -> Html {
    let Some(evaluation) = &props.analysis.evaluation else {
        return Html::default();
    };
    // What the request holds for each condition's key.
    let seen = |s: &StatementTrace| {
        s.conditions
            .iter()
            .map(|c| props.analysis.request_value(&c.key))
            .collect::<Vec<_>>()
    };
    html! {
        <section class="group explanation" aria-labelledby="explanation-heading"
            data-testid="explanation">
            <h2 id="explanation-heading">{ "Why" }</h2>
            if evaluation.trace.is_empty() {
                <p class="hint">{ "No policy was considered." }</p>
            }
            { for evaluation.trace.iter().map(|policy| html! {
                <article class="explain-policy" data-testid="explain-policy">
                    <h3>
                        <span class="kind">{ policy_type_name(policy.policy_type) }</span>
                        { " " }<span class="name">{ policy.name.clone() }</span>
                    </h3>
                    if policy.statements.is_empty() {
                        <p class="hint">{ "No statements." }</p>
                    }
                    <ol class="statements">
                        { for policy.statements.iter().map(|s| html! {
                            <StatementCard statement={s.clone()} seen={seen(s)} />
                        }) }
                    </ol>
                </article>
            }) }
        </section>
    }
}

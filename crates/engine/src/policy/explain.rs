//! The explanation of a decision: for every policy and statement considered,
//! whether its action, resource, principal and each condition matched. It is
//! serializable for the UI and printable for `iamsim eval --explain`.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::document::Effect;
use super::evaluate::PolicyType;

/// One policy considered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PolicyTrace {
    /// The policy's type.
    pub policy_type: PolicyType,
    /// Its name (policy name, ARN, or a label such as "bucket policy").
    pub name: String,
    /// Every statement, in document order.
    pub statements: Vec<StatementTrace>,
}

impl PolicyTrace {
    /// True when a statement with `effect` applies.
    pub fn has_applicable(&self, effect: Effect) -> bool {
        self.statements
            .iter()
            .any(|s| s.applies && s.effect == effect)
    }
}

/// One statement considered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatementTrace {
    /// 0-based position in the policy.
    pub index: usize,
    /// The `Sid`, if any.
    pub sid: Option<String>,
    /// The statement's effect.
    pub effect: Effect,
    /// Whether `Action` / `NotAction` covers the request's action.
    pub action_matched: bool,
    /// Whether `Resource` / `NotResource` covers the resource (true when the
    /// statement has neither, as in a trust policy).
    pub resource_matched: bool,
    /// Why the resource did not match, when a policy variable in it had no
    /// value (e.g. `${aws:username}` for an assumed-role session).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_note: Option<String>,
    /// For resource-based policies, whether `Principal` / `NotPrincipal`
    /// covers the caller; None for policies without principals.
    pub principal_matched: Option<bool>,
    /// Every condition, in document order.
    pub conditions: Vec<ConditionTrace>,
    /// Whether the statement applies to the request (everything matched).
    pub applies: bool,
}

/// One condition considered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConditionTrace {
    /// The operator as written, e.g. `StringLike`.
    pub operator: String,
    /// The condition key as written, e.g. `aws:SourceIp`.
    pub key: String,
    /// The policy's values as written.
    pub values: Vec<String>,
    /// Whether the condition held.
    pub matched: bool,
    /// Why, when not obvious (missing key, unresolved policy variable).
    pub note: Option<String>,
}

fn mark(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// Renders traces as indented text, one line per policy, statement and
/// condition.
pub fn render(traces: &[PolicyTrace]) -> String {
    let mut out = String::new();
    for p in traces {
        let _ = writeln!(out, "{} policy {}", p.policy_type.label(), p.name);
        for s in &p.statements {
            let sid = s
                .sid
                .as_deref()
                .map(|s| format!(" ({s})"))
                .unwrap_or_default();
            let principal = s
                .principal_matched
                .map(|m| format!(", principal {}", mark(m)))
                .unwrap_or_default();
            let resource_note = s
                .resource_note
                .as_deref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  statement {}{sid} {}: action {}, resource {}{resource_note}{principal} -> {}",
                s.index,
                s.effect,
                mark(s.action_matched),
                mark(s.resource_matched),
                if s.applies {
                    "applies"
                } else {
                    "does not apply"
                }
            );
            for c in &s.conditions {
                let note = c
                    .note
                    .as_deref()
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "    condition {} {} {:?}: {}{note}",
                    c.operator,
                    c.key,
                    c.values,
                    mark(c.matched)
                );
            }
        }
    }
    out
}

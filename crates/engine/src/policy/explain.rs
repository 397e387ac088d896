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

/// A condition's values as Rust's `{:?}` prints a `Vec<String>` (`["a", "b"]`), without
/// linking core's Unicode printability tables (the browser app's size): `"`, `\` and
/// control characters are escaped, everything else is printed as is.
pub fn quoted_list(values: &[String]) -> String {
    let mut out = String::from("[");
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push('"');
        for c in v.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if c.is_control() => {
                    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
                }
                c => out.push(c),
            }
        }
        out.push('"');
    }
    out.push(']');
    out
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
                    "    condition {} {} {}: {}{note}",
                    c.operator,
                    c.key,
                    quoted_list(&c.values),
                    mark(c.matched)
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::quoted_list;

    #[test]
    fn quoted_list_prints_like_debug_for_text() {
        for values in [
            vec![],
            vec!["a".to_string()],
            vec!["HR".to_string(), "arn:aws:s3:::b/*".to_string()],
            vec![
                "quote \" and \\ back".to_string(),
                "tab\tnew\nline\r".to_string(),
            ],
            vec!["café ☕".to_string(), "\u{1}".to_string()],
        ] {
            assert_eq!(quoted_list(&values), format!("{values:?}"));
        }
    }
}

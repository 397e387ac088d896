//! The policy document: `Version`, `Id` and `Statement`s, parsed from JSON
//! and compiled so that evaluation needs no further parsing (IUG "IAM JSON
//! policy element reference", "Grammar of the IAM JSON policy language").

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::condition::Condition;
use super::matcher::Glob;
pub use super::principal::PrincipalElement;
use super::validate::{MalformedPolicyDocument, PolicyUse, validate};
use super::variables::Template;

/// `Allow` or `Deny`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Effect {
    /// `"Effect": "Allow"`.
    Allow,
    /// `"Effect": "Deny"`.
    Deny,
}

impl std::fmt::Display for Effect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        })
    }
}

/// The policy language version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PolicyVersion {
    /// `2008-10-17`, or no `Version`: policy variables are plain text.
    V2008_10_17,
    /// `2012-10-17`: policy variables are substituted.
    V2012_10_17,
}

/// The `Action` / `NotAction` element, lower-cased and compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionElement {
    negated: bool,
    raw: Vec<String>,
    globs: Vec<Glob>,
}

impl ActionElement {
    /// True for `NotAction`.
    pub fn is_negated(&self) -> bool {
        self.negated
    }

    /// The actions as written.
    pub fn raw(&self) -> &[String] {
        &self.raw
    }

    /// Whether the statement applies to `action` (case-insensitive).
    pub fn applies_to(&self, action: &str) -> bool {
        self.globs.iter().any(|g| g.matches_ignore_case(action)) != self.negated
    }
}

/// One compiled resource pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
enum ResourcePattern {
    Plain(Glob),
    Template(Template),
}

/// The `Resource` / `NotResource` element, compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceElement {
    negated: bool,
    raw: Vec<String>,
    patterns: Vec<ResourcePattern>,
}

impl ResourceElement {
    /// True for `NotResource`.
    pub fn is_negated(&self) -> bool {
        self.negated
    }

    /// The resources as written.
    pub fn raw(&self) -> &[String] {
        &self.raw
    }

    /// Whether the statement applies to `resource` (case-sensitive; policy
    /// variables are substituted from `ctx`, and one without a value makes
    /// that pattern match nothing).
    pub fn applies_to(&self, resource: &str, ctx: &super::context::RequestContext) -> bool {
        let any = self.patterns.iter().any(|p| match p {
            ResourcePattern::Plain(g) => g.matches(resource),
            ResourcePattern::Template(t) => t
                .resolve_glob(ctx, false)
                .is_some_and(|g| g.matches(resource)),
        });
        any != self.negated
    }
}

/// One statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    sid: Option<String>,
    effect: Effect,
    principal: Option<PrincipalElement>,
    action: Option<ActionElement>,
    resource: Option<ResourceElement>,
    conditions: Vec<Condition>,
}

impl Statement {
    /// The `Sid`, if any.
    pub fn sid(&self) -> Option<&str> {
        self.sid.as_deref()
    }

    /// The `Effect`.
    pub fn effect(&self) -> Effect {
        self.effect
    }

    /// `Principal` or `NotPrincipal`, if present.
    pub fn principal(&self) -> Option<&PrincipalElement> {
        self.principal.as_ref()
    }

    /// `Action` or `NotAction`, if present.
    pub fn action(&self) -> Option<&ActionElement> {
        self.action.as_ref()
    }

    /// `Resource` or `NotResource`, if present.
    pub fn resource(&self) -> Option<&ResourceElement> {
        self.resource.as_ref()
    }

    /// The conditions (all must hold).
    pub fn conditions(&self) -> &[Condition] {
        &self.conditions
    }
}

/// A parsed policy document. It serializes as the JSON it was parsed from.
#[derive(Clone, Debug)]
pub struct Policy {
    version: PolicyVersion,
    id: Option<String>,
    statements: Vec<Statement>,
    value: Value,
}

impl PartialEq for Policy {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl Policy {
    /// Parses JSON text into a policy (structure only). Errors carry AWS's
    /// messages; JSON syntax errors carry their line and column.
    pub fn parse(text: &str) -> Result<Policy, MalformedPolicyDocument> {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            if e.is_syntax() || e.is_eof() {
                MalformedPolicyDocument::syntax_at(e.line(), e.column())
            } else {
                MalformedPolicyDocument::syntax()
            }
        })?;
        Self::compile(value)
    }

    /// Parses an already-decoded JSON value (structure only).
    pub fn from_value(value: &Value) -> Result<Policy, MalformedPolicyDocument> {
        Self::compile(value.clone())
    }

    /// Parses and validates for a use (identity vs trust/resource policy,
    /// boundary, SCP...).
    pub fn parse_for(text: &str, use_: PolicyUse) -> Result<Policy, MalformedPolicyDocument> {
        let policy = Self::parse(text)?;
        validate(&policy, use_)?;
        Ok(policy)
    }

    /// The document as given.
    pub fn to_value(&self) -> &Value {
        &self.value
    }

    /// The statements, in document order.
    pub fn statements(&self) -> &[Statement] {
        &self.statements
    }

    /// The language version (2008-10-17 when `Version` is absent).
    pub fn version(&self) -> PolicyVersion {
        self.version
    }

    /// The `Id` element, if any.
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    fn compile(value: Value) -> Result<Policy, MalformedPolicyDocument> {
        let Value::Object(doc) = &value else {
            return Err(MalformedPolicyDocument::syntax());
        };
        if doc
            .keys()
            .any(|k| !matches!(k.as_str(), "Version" | "Id" | "Statement"))
        {
            return Err(MalformedPolicyDocument::syntax());
        }
        let version = match doc.get("Version") {
            None => PolicyVersion::V2008_10_17,
            Some(Value::String(v)) if v == "2012-10-17" => PolicyVersion::V2012_10_17,
            Some(Value::String(v)) if v == "2008-10-17" => PolicyVersion::V2008_10_17,
            Some(Value::String(_)) => return Err(MalformedPolicyDocument::legacy_parsing()),
            Some(_) => return Err(MalformedPolicyDocument::syntax()),
        };
        let id = optional_string(doc, "Id")?;
        let variables = version == PolicyVersion::V2012_10_17;
        let statements = match doc.get("Statement") {
            Some(Value::Array(items)) => items
                .iter()
                .map(|s| compile_statement(s, variables))
                .collect::<Result<Vec<_>, _>>()?,
            Some(s @ Value::Object(_)) => vec![compile_statement(s, variables)?],
            _ => return Err(MalformedPolicyDocument::syntax()),
        };
        Ok(Policy {
            version,
            id,
            statements,
            value,
        })
    }
}

fn optional_string(
    map: &Map<String, Value>,
    key: &str,
) -> Result<Option<String>, MalformedPolicyDocument> {
    match map.get(key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(MalformedPolicyDocument::syntax()),
    }
}

/// A string or a list of strings.
fn strings(value: &Value) -> Result<Vec<String>, MalformedPolicyDocument> {
    match value {
        Value::String(s) => Ok(vec![s.clone()]),
        Value::Array(items) => items
            .iter()
            .map(|i| match i {
                Value::String(s) => Ok(s.clone()),
                _ => Err(MalformedPolicyDocument::syntax()),
            })
            .collect(),
        _ => Err(MalformedPolicyDocument::syntax()),
    }
}

/// A condition value: a string, boolean or number, or a list of them.
fn scalars(value: &Value) -> Result<Vec<String>, MalformedPolicyDocument> {
    fn one(v: &Value) -> Result<String, MalformedPolicyDocument> {
        match v {
            Value::String(s) => Ok(s.clone()),
            Value::Bool(b) => Ok(b.to_string()),
            Value::Number(n) => Ok(n.to_string()),
            _ => Err(MalformedPolicyDocument::syntax()),
        }
    }
    match value {
        Value::Array(items) => items.iter().map(one).collect(),
        other => Ok(vec![one(other)?]),
    }
}

/// Exactly one of two mutually exclusive elements: (negated, value).
fn either<'a>(
    s: &'a Map<String, Value>,
    positive: &str,
    negative: &str,
) -> Result<Option<(bool, &'a Value)>, MalformedPolicyDocument> {
    match (s.get(positive), s.get(negative)) {
        (Some(_), Some(_)) => Err(MalformedPolicyDocument::syntax()),
        (Some(v), None) => Ok(Some((false, v))),
        (None, Some(v)) => Ok(Some((true, v))),
        (None, None) => Ok(None),
    }
}

const STATEMENT_KEYS: [&str; 9] = [
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
];

fn compile_statement(value: &Value, variables: bool) -> Result<Statement, MalformedPolicyDocument> {
    let Value::Object(s) = value else {
        return Err(MalformedPolicyDocument::syntax());
    };
    if s.keys().any(|k| !STATEMENT_KEYS.contains(&k.as_str())) {
        return Err(MalformedPolicyDocument::syntax());
    }
    let sid = optional_string(s, "Sid")?;
    let effect = match s.get("Effect").and_then(Value::as_str) {
        Some("Allow") => Effect::Allow,
        Some("Deny") => Effect::Deny,
        _ => return Err(MalformedPolicyDocument::syntax()),
    };
    let principal = either(s, "Principal", "NotPrincipal")?
        .map(|(negated, v)| compile_principal(negated, v))
        .transpose()?;
    let action = either(s, "Action", "NotAction")?
        .map(|(negated, v)| {
            let raw = strings(v)?;
            let globs = raw.iter().map(|a| Glob::new(a, true)).collect();
            Ok::<_, MalformedPolicyDocument>(ActionElement {
                negated,
                raw,
                globs,
            })
        })
        .transpose()?;
    let resource = either(s, "Resource", "NotResource")?
        .map(|(negated, v)| {
            let raw = strings(v)?;
            let patterns = raw
                .iter()
                .map(|r| {
                    let t = Template::parse(r, variables);
                    match t.plain_text() {
                        Some(text) => ResourcePattern::Plain(Glob::new(text, false)),
                        None => ResourcePattern::Template(t),
                    }
                })
                .collect();
            Ok::<_, MalformedPolicyDocument>(ResourceElement {
                negated,
                raw,
                patterns,
            })
        })
        .transpose()?;
    let conditions = match s.get("Condition") {
        None => Vec::new(),
        Some(c) => compile_conditions(c, variables)?,
    };
    Ok(Statement {
        sid,
        effect,
        principal,
        action,
        resource,
        conditions,
    })
}

fn compile_principal(
    negated: bool,
    value: &Value,
) -> Result<PrincipalElement, MalformedPolicyDocument> {
    match value {
        Value::String(s) if s == "*" => Ok(PrincipalElement::new(negated, true, Vec::new())),
        Value::Object(map) => {
            let mut entries = Vec::new();
            for (kind, v) in map {
                if !matches!(
                    kind.as_str(),
                    "AWS" | "Service" | "Federated" | "CanonicalUser"
                ) {
                    return Err(MalformedPolicyDocument::syntax());
                }
                entries.extend(strings(v)?.into_iter().map(|s| (kind.clone(), s)));
            }
            Ok(PrincipalElement::new(negated, false, entries))
        }
        _ => Err(MalformedPolicyDocument::syntax()),
    }
}

fn compile_conditions(
    value: &Value,
    variables: bool,
) -> Result<Vec<Condition>, MalformedPolicyDocument> {
    let Value::Object(ops) = value else {
        return Err(MalformedPolicyDocument::syntax());
    };
    let mut out = Vec::new();
    for (op, keys) in ops {
        let Value::Object(keys) = keys else {
            return Err(MalformedPolicyDocument::syntax());
        };
        for (key, values) in keys {
            let values = scalars(values)?;
            let condition = Condition::new(op, key, values, variables)
                .ok_or_else(MalformedPolicyDocument::syntax)?;
            out.push(condition);
        }
    }
    Ok(out)
}

impl Serialize for Policy {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Policy {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Policy::compile(value).map_err(serde::de::Error::custom)
    }
}

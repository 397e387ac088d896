//! The policy document: `Version`, `Id` and `Statement`s, parsed from JSON
//! and compiled so that evaluation needs no further parsing (IUG "IAM JSON
//! policy element reference", "Grammar of the IAM JSON policy language").

use std::borrow::Cow;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::condition::Condition;
use super::matcher::wildcard_match;
pub use super::principal::PrincipalElement;
use super::raw::{RawPrincipal, RawStatement, Strings, read_doc};
use super::small::Small;
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

/// The `Action` / `NotAction` element. Patterns are matched as written,
/// ignoring ASCII case, without compilation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionElement {
    negated: bool,
    raw: Small<String>,
}

impl ActionElement {
    /// True for `NotAction`.
    pub fn is_negated(&self) -> bool {
        self.negated
    }

    /// The actions as written.
    pub fn raw(&self) -> &[String] {
        self.raw.as_slice()
    }

    /// Whether the statement applies to `action` (case-insensitive).
    pub fn applies_to(&self, action: &str) -> bool {
        self.raw().iter().any(|p| wildcard_match(p, action, true)) != self.negated
    }
}

/// The `Resource` / `NotResource` element, compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceElement {
    negated: bool,
    raw: Small<String>,
    /// For each pattern with policy variables, its template (empty when no
    /// pattern has variables; patterns without are matched as written).
    templates: Vec<Option<Template>>,
}

impl ResourceElement {
    /// True for `NotResource`.
    pub fn is_negated(&self) -> bool {
        self.negated
    }

    /// The resources as written.
    pub fn raw(&self) -> &[String] {
        self.raw.as_slice()
    }

    /// Whether the statement applies to `resource` (case-sensitive; policy
    /// variables are substituted from `ctx`, and one without a value makes
    /// that pattern match nothing).
    pub fn applies_to(&self, resource: &str, ctx: &super::context::RequestContext) -> bool {
        let any = self.raw().iter().enumerate().any(|(i, raw)| {
            match self.templates.get(i).and_then(Option::as_ref) {
                Some(t) => t
                    .resolve_glob(ctx, false)
                    .is_some_and(|g| g.matches(resource)),
                None => wildcard_match(raw, resource, false),
            }
        });
        any != self.negated
    }
}

impl ResourceElement {
    /// For the explanation: the policy variables in the patterns that have
    /// no value in `ctx` (and no default), as written.
    pub fn missing_variables<'a>(&'a self, ctx: &super::context::RequestContext) -> Vec<&'a str> {
        let mut out: Vec<&str> = Vec::new();
        for t in self.templates.iter().flatten() {
            for name in t.missing_variables(ctx) {
                if !out.contains(&name) {
                    out.push(name);
                }
            }
        }
        out
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
    /// The text parsed, when parsed from text ("" otherwise).
    text: String,
    /// The document as a JSON value, decoded from `text` on first use.
    value: OnceLock<Value>,
}

impl PartialEq for Policy {
    fn eq(&self, other: &Self) -> bool {
        self.to_value() == other.to_value()
    }
}

/// Maps a serde_json error to IAM's message (with the position of a JSON
/// syntax error).
fn syntax_error(e: &serde_json::Error) -> MalformedPolicyDocument {
    if e.is_syntax() || e.is_eof() {
        MalformedPolicyDocument::syntax_at(e.line(), e.column())
    } else {
        MalformedPolicyDocument::syntax()
    }
}

impl Policy {
    /// Parses JSON text into a policy (structure only). Errors carry AWS's
    /// messages; JSON syntax errors carry their line and column.
    pub fn parse(text: &str) -> Result<Policy, MalformedPolicyDocument> {
        let read: Read<'_> = serde_json::from_str(text).map_err(|e| syntax_error(&e))?;
        read.compiler
            .finish(read.header, text.to_owned(), OnceLock::new())
    }

    /// Parses the JSON object at the start of `text` (which may go on after
    /// it), reading it once: the policy (structure only) and the length of
    /// its text. `None` when that is not a policy document, whatever the
    /// reason; [`Policy::parse`] on the same text says why.
    pub(crate) fn parse_first(text: &str) -> Option<(Policy, usize)> {
        if !text.starts_with('{') {
            return None;
        }
        let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Read<'_>>();
        let read = stream.next()?.ok()?;
        let len = stream.byte_offset();
        let doc = text.get(..len)?;
        let policy = read
            .compiler
            .finish(read.header, doc.to_owned(), OnceLock::new())
            .ok()?;
        Some((policy, len))
    }

    /// Parses an already-decoded JSON value (structure only).
    pub fn from_value(value: &Value) -> Result<Policy, MalformedPolicyDocument> {
        let mut compiler = Compiler::default();
        let header = read_doc(value, |s, v| compiler.add(s, v)).map_err(|e| syntax_error(&e))?;
        compiler.finish(header, String::new(), OnceLock::from(value.clone()))
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
        self.value
            .get_or_init(|| serde_json::from_str(&self.text).unwrap_or(Value::Null))
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
}

/// A document as read: its header and its compiled statements.
struct Read<'a> {
    header: super::raw::DocHeader<'a>,
    compiler: Compiler,
}

impl<'de> Deserialize<'de> for Read<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut compiler = Compiler::default();
        let header = read_doc(d, |s, v| compiler.add(s, v))?;
        Ok(Read { header, compiler })
    }
}

/// Compiles statements as the parser reads them (no list of raw statements
/// is kept); the first error is kept and reported once the whole text has
/// been read, so that a JSON syntax error or a bad `Version` anywhere in the
/// document takes precedence, as it would if the document were read first.
#[derive(Default)]
struct Compiler {
    statements: Vec<Statement>,
    error: Option<MalformedPolicyDocument>,
    /// Whether statements were compiled with policy variables on.
    variables: Option<bool>,
}

impl Compiler {
    fn add(&mut self, raw: RawStatement<'_>, variables: bool) {
        self.variables = Some(variables);
        if self.error.is_some() {
            return;
        }
        match compile_statement(raw, variables) {
            Ok(statement) => self.statements.push(statement),
            Err(e) => self.error = Some(e),
        }
    }

    fn finish(
        mut self,
        header: super::raw::DocHeader<'_>,
        text: String,
        value: OnceLock<Value>,
    ) -> Result<Policy, MalformedPolicyDocument> {
        let version = match header.version.as_deref() {
            None => PolicyVersion::V2008_10_17,
            Some("2012-10-17") => PolicyVersion::V2012_10_17,
            Some("2008-10-17") => PolicyVersion::V2008_10_17,
            Some(_) => return Err(MalformedPolicyDocument::legacy_parsing()),
        };
        if let Some(e) = self.error {
            return Err(e);
        }
        let variables = version == PolicyVersion::V2012_10_17;
        if self.variables.is_some_and(|guess| guess != variables) {
            // `Version` came after `Statement`: compile the variables again.
            for s in &mut self.statements {
                s.set_variables(variables);
            }
        }
        Ok(Policy {
            version,
            id: header.id.map(Cow::into_owned),
            statements: self.statements,
            text,
            value,
        })
    }
}

impl Statement {
    /// Compiles the policy variables of resources and condition values again,
    /// on or off.
    fn set_variables(&mut self, variables: bool) {
        if let Some(r) = &mut self.resource {
            r.templates = templates(r.raw.as_slice(), variables);
        }
        for c in &mut self.conditions {
            c.set_variables(variables);
        }
    }
}

/// For each resource pattern with policy variables, its template (empty
/// when none has any or variables are off).
fn templates(raw: &[String], variables: bool) -> Vec<Option<Template>> {
    if variables && raw.iter().any(|r| r.contains("${")) {
        raw.iter()
            .map(|r| Some(Template::parse(r, true)).filter(|t| !t.is_plain()))
            .collect()
    } else {
        Vec::new()
    }
}

/// Exactly one of two mutually exclusive elements: (negated, value).
fn either<T>(
    positive: Option<T>,
    negative: Option<T>,
) -> Result<Option<(bool, T)>, MalformedPolicyDocument> {
    match (positive, negative) {
        (Some(_), Some(_)) => Err(MalformedPolicyDocument::syntax()),
        (Some(v), None) => Ok(Some((false, v))),
        (None, Some(v)) => Ok(Some((true, v))),
        (None, None) => Ok(None),
    }
}

fn owned(strings: Strings<'_>) -> Small<String> {
    strings.0.map(Cow::into_owned)
}

fn compile_statement(
    s: RawStatement<'_>,
    variables: bool,
) -> Result<Statement, MalformedPolicyDocument> {
    let effect = match s.effect.as_ref() {
        "Allow" => Effect::Allow,
        "Deny" => Effect::Deny,
        _ => return Err(MalformedPolicyDocument::syntax()),
    };
    let principal = either(s.principal, s.not_principal)?
        .map(|(negated, p)| compile_principal(negated, p))
        .transpose()?;
    let action = either(s.action, s.not_action)?.map(|(negated, v)| ActionElement {
        negated,
        raw: owned(v),
    });
    let resource = either(s.resource, s.not_resource)?.map(|(negated, v)| {
        let raw = owned(v);
        let templates = templates(raw.as_slice(), variables);
        ResourceElement {
            negated,
            raw,
            templates,
        }
    });
    let count = s
        .condition
        .as_ref()
        .map_or(0, |c| c.0.iter().map(|(_, keys)| keys.len()).sum());
    let mut conditions = Vec::with_capacity(count);
    for (op, keys) in s.condition.map(|c| c.0).unwrap_or_default() {
        for (key, values) in keys {
            let condition = Condition::compile(&op, &key, values.0, variables)
                .ok_or_else(MalformedPolicyDocument::syntax)?;
            conditions.push(condition);
        }
    }
    Ok(Statement {
        sid: s.sid.map(Cow::into_owned),
        effect,
        principal,
        action,
        resource,
        conditions,
    })
}

fn compile_principal(
    negated: bool,
    raw: RawPrincipal<'_>,
) -> Result<PrincipalElement, MalformedPolicyDocument> {
    match raw {
        RawPrincipal::Text(s) if s == "*" => Ok(PrincipalElement::new(negated, true, Vec::new())),
        RawPrincipal::Text(_) => Err(MalformedPolicyDocument::syntax()),
        RawPrincipal::Map(entries) => {
            let mut out = Vec::with_capacity(entries.len());
            for (kind, values) in entries {
                if !matches!(
                    kind.as_ref(),
                    "AWS" | "Service" | "Federated" | "CanonicalUser"
                ) {
                    return Err(MalformedPolicyDocument::syntax());
                }
                match values.0 {
                    Small::One([v]) => out.push((kind.into_owned(), v.into_owned())),
                    Small::Many(vs) => out.extend(
                        vs.into_iter()
                            .map(|v| (kind.as_ref().to_owned(), v.into_owned())),
                    ),
                }
            }
            Ok(PrincipalElement::new(negated, false, out))
        }
    }
}

impl Serialize for Policy {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_value().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Policy {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Policy::from_value(&value).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests;

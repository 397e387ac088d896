//! One `iamsim eval` request line: a JSON object that names the policies in
//! force and the request to decide, parsed into an owned [`EvalRequest`] and
//! evaluated with [`crate::policy::evaluate`].
//!
//! The native `iamsim eval` command, the data-driven policy tests, the
//! benchmark, the fuzz targets and the browser all go through these two
//! functions, so a line means the same thing everywhere.
//!
//! ```json
//! {"id": "t1",
//!  "identity_policies": [{"Version": "2012-10-17", "Statement": [...]}],
//!  "resource_policy": null, "resource_is_trust_policy": false,
//!  "permission_boundary": null, "scps": [], "session_policy": null,
//!  "principal": "arn:aws:iam::123456789012:user/alice",
//!  "action": "s3:PutObject", "resource": "arn:aws:s3:::bucket/key",
//!  "resource_account": null,
//!  "context": {"aws:SourceIp": "203.0.113.5", "aws:TagKeys": ["a", "b"]}}
//! ```
//!
//! - Only `principal`, `action` and `resource` are required.
//! - A policy is a JSON object, or a JSON string holding the document's text
//!   (so that a document with a JSON syntax error can be written on a line).
//! - Each policy is parsed and validated for its use, as IAM would when it is
//!   stored: identity and session policies and boundaries may not name a
//!   principal, a trust policy may not name a resource, and so on.
//! - `resource_is_trust_policy` defaults to true when the action is one that
//!   a role's trust policy governs (`sts:AssumeRole*`, `sts:TagSession`,
//!   `sts:SetSourceIdentity`, `sts:SetContext`).
//! - `resource_account` is optional: without it the owner is the account in
//!   the resource ARN, else `aws:ResourceAccount` in the context, else the
//!   principal's account (decided by the evaluator).
//! - `permissions_boundary` is accepted as another spelling of
//!   `permission_boundary`.
//! - The annotation fields of the test cases (`doc`, `comment`, `expected`,
//!   `expected_reason`, `expected_decided_by`, `expected_error`) are allowed
//!   and ignored; any other unknown field is an error, so that a misspelt
//!   field never silently drops a policy.

use serde::Deserialize;
use serde::Serialize;
use serde::de::IgnoredAny;
use serde_json::Value;
use serde_json::value::RawValue;

use crate::policy::{
    Decision, Evaluation, NamedPolicy, Policy, PolicySet, PolicyTrace, PolicyType, PolicyUse,
    Request, RequestContext, evaluate,
};

/// A policy of a request line with the name it is shown under in traces
/// (`identity_policies[0]`, `resource_policy`, `scps[1]`, ...).
#[derive(Clone, Debug, PartialEq)]
pub struct LinePolicy {
    /// Where the policy was on the line.
    pub name: String,
    /// The parsed and validated document.
    pub policy: Policy,
}

/// An owned, parsed request line.
#[derive(Clone, Debug, PartialEq)]
pub struct EvalRequest {
    /// The caller's `id` for the line, echoed in the result (`null` if none).
    pub id: Value,
    /// The principal's identity-based policies (managed and inline).
    pub identity_policies: Vec<LinePolicy>,
    /// A resource-based policy, or a role's trust policy.
    pub resource_policy: Option<LinePolicy>,
    /// True when `resource_policy` is a role trust policy.
    pub resource_is_trust_policy: bool,
    /// The principal's permissions boundary.
    pub permission_boundary: Option<LinePolicy>,
    /// Service control policies, one per organisation level, root first.
    pub scps: Vec<LinePolicy>,
    /// The session policy of a role session or federated user.
    pub session_policy: Option<LinePolicy>,
    /// The caller's ARN or service principal name.
    pub principal: String,
    /// The action, such as `s3:PutObject`.
    pub action: String,
    /// The resource ARN or `*`.
    pub resource: String,
    /// The owning account of the resource, when given explicitly.
    pub resource_account: Option<String>,
    /// The request context.
    pub context: RequestContext,
}

/// The evaluation of one request line.
#[derive(Clone, Debug, PartialEq)]
pub struct EvalResult {
    /// The line's `id`.
    pub id: Value,
    /// The evaluator's decision, deciding policy type and trace.
    pub evaluation: Evaluation,
}

/// The fields a request line may have (besides the ignored annotations).
pub const FIELDS: &[&str] = &[
    "id",
    "identity_policies",
    "resource_policy",
    "resource_is_trust_policy",
    "permission_boundary",
    "scps",
    "session_policy",
    "principal",
    "action",
    "resource",
    "resource_account",
    "context",
];

/// Test-case annotations that a request line may carry and that are ignored.
pub const ANNOTATIONS: &[&str] = &[
    "doc",
    "comment",
    "expected",
    "expected_reason",
    "expected_decided_by",
    "expected_error",
];

/// The line as read, borrowing the policy documents' text from the input.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire<'a> {
    #[serde(default)]
    id: Value,
    #[serde(default, borrow)]
    identity_policies: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    resource_policy: Option<&'a RawValue>,
    #[serde(default)]
    resource_is_trust_policy: Option<bool>,
    #[serde(default, borrow, alias = "permissions_boundary")]
    permission_boundary: Option<&'a RawValue>,
    #[serde(default, borrow)]
    scps: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    session_policy: Option<&'a RawValue>,
    principal: String,
    action: String,
    resource: String,
    #[serde(default)]
    resource_account: Option<String>,
    #[serde(default)]
    context: Option<WireContext>,
    #[serde(default, rename = "doc")]
    _doc: Option<IgnoredAny>,
    #[serde(default, rename = "comment")]
    _comment: Option<IgnoredAny>,
    #[serde(default, rename = "expected")]
    _expected: Option<IgnoredAny>,
    #[serde(default, rename = "expected_reason")]
    _expected_reason: Option<IgnoredAny>,
    #[serde(default, rename = "expected_decided_by")]
    _expected_decided_by: Option<IgnoredAny>,
    #[serde(default, rename = "expected_error")]
    _expected_error: Option<IgnoredAny>,
}

/// Parses one request line. The error names the field at fault and what was
/// wrong with it, e.g. `identity_policies[0]: MalformedPolicyDocument: Policy
/// document should not specify a principal.` or `missing field "action"`.
pub fn parse_request_line(text: &str) -> Result<EvalRequest, String> {
    match fast::parse(text) {
        Some(request) => Ok(request),
        None => parse_request_line_general(text),
    }
}

/// [`parse_request_line`] through serde's reading of the whole line, with
/// each policy's text kept as a `RawValue` and parsed afterwards.
fn parse_request_line_general(text: &str) -> Result<EvalRequest, String> {
    let wire: Wire<'_> = match serde_json::from_str(text) {
        Ok(wire) => wire,
        Err(err) => return Err(diagnose(text, &err)),
    };
    let trust = wire
        .resource_is_trust_policy
        .unwrap_or_else(|| wire.resource_policy.is_some() && is_trust_action(&wire.action));
    let resource_use = if trust {
        PolicyUse::Trust
    } else {
        PolicyUse::Resource
    };
    let identity_policies = wire
        .identity_policies
        .iter()
        .enumerate()
        .map(|(i, raw)| line_policy(format!("identity_policies[{i}]"), raw, PolicyUse::Identity))
        .collect::<Result<Vec<_>, _>>()?;
    let scps = wire
        .scps
        .iter()
        .enumerate()
        .map(|(i, raw)| line_policy(format!("scps[{i}]"), raw, PolicyUse::ServiceControl))
        .collect::<Result<Vec<_>, _>>()?;
    let optional = |name: &str, raw: Option<&RawValue>, use_: PolicyUse| {
        raw.map(|raw| line_policy(name.to_owned(), raw, use_))
            .transpose()
    };
    let resource_policy = optional("resource_policy", wire.resource_policy, resource_use)?;
    let permission_boundary = optional(
        "permission_boundary",
        wire.permission_boundary,
        PolicyUse::PermissionsBoundary,
    )?;
    let session_policy = optional("session_policy", wire.session_policy, PolicyUse::Session)?;
    let context = wire.context.map(|c| c.0).unwrap_or_default();
    Ok(EvalRequest {
        id: wire.id,
        identity_policies,
        resource_policy,
        resource_is_trust_policy: trust,
        permission_boundary,
        scps,
        session_policy,
        principal: wire.principal,
        action: wire.action,
        resource: wire.resource,
        resource_account: wire.resource_account,
        context,
    })
}

fn named(p: &LinePolicy) -> NamedPolicy<'_> {
    NamedPolicy {
        name: p.name.as_str(),
        policy: &p.policy,
    }
}

/// Evaluates a parsed request line.
pub fn evaluate_line(request: &EvalRequest) -> EvalResult {
    let policies = PolicySet {
        identity: request.identity_policies.iter().map(named).collect(),
        resource: request.resource_policy.as_ref().map(named),
        resource_is_trust_policy: request.resource_is_trust_policy,
        boundary: request.permission_boundary.as_ref().map(named),
        scps: request.scps.iter().map(named).collect(),
        session: request.session_policy.as_ref().map(named),
    };
    let req = Request {
        principal: &request.principal,
        action: &request.action,
        resource: &request.resource,
        context: &request.context,
        resource_account: request.resource_account.as_deref(),
    };
    EvalResult {
        id: request.id.clone(),
        evaluation: evaluate(&req, &policies),
    }
}

/// The output line of `iamsim eval`, fields in this order.
#[derive(Serialize)]
struct OutLine<'a> {
    id: &'a Value,
    decision: Decision,
    reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    decided_by: Option<Option<PolicyType>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    trace: Option<&'a [PolicyTrace]>,
}

impl EvalResult {
    /// The decision.
    pub fn decision(&self) -> Decision {
        self.evaluation.decision
    }

    /// AWS's phrase for a denial (`None` for Allow).
    pub fn reason(&self) -> Option<String> {
        self.evaluation.reason()
    }

    /// The result as one JSON line: `{"id", "decision", "reason"}`, plus
    /// `"decided_by"` and `"trace"` when `explain` is set.
    pub fn to_json_line(&self, explain: bool) -> String {
        let out = OutLine {
            id: &self.id,
            decision: self.evaluation.decision,
            reason: self.evaluation.reason(),
            decided_by: explain.then_some(self.evaluation.decided_by),
            trace: explain.then_some(self.evaluation.trace.as_slice()),
        };
        serde_json::to_string(&out).unwrap_or_else(|e| {
            format!("{{\"id\":null,\"error\":{}}}", Value::String(e.to_string()))
        })
    }
}

/// The output line for a request line that could not be read.
pub fn error_json_line(line_number: usize, error: &str) -> String {
    // Written by hand: a `serde_json::Map` would sort the keys.
    format!(
        "{{\"id\":null,\"line\":{line_number},\"error\":{}}}",
        Value::String(error.to_owned())
    )
}

/// The request context read straight from the line (no intermediate
/// `serde_json::Value`), with the rules of [`RequestContext::from_json`]:
/// strings, booleans and numbers, or lists of them.
struct WireContext(RequestContext);

impl<'de> Deserialize<'de> for WireContext {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ContextVisitor)
    }
}

struct ContextVisitor;

impl<'de> serde::de::Visitor<'de> for ContextVisitor {
    type Value = WireContext;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the request context must be a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<WireContext, A::Error> {
        let mut ctx = RequestContext::new();
        while let Some(ContextKey(key)) = map.next_key::<ContextKey<'de>>()? {
            match map.next_value::<ContextEntry>()? {
                ContextEntry::Single(v) => ctx.insert(&key, v),
                ContextEntry::Multi(vs) => ctx.insert_multi(&key, vs),
            }
        }
        Ok(WireContext(ctx))
    }
}

/// A context key, borrowed from the line unless it has escapes (serde's
/// own `Cow<str>` always copies).
struct ContextKey<'a>(std::borrow::Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for ContextKey<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> serde::de::Visitor<'de> for KeyVisitor {
            type Value = ContextKey<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a context key")
            }
            fn visit_borrowed_str<E: serde::de::Error>(
                self,
                v: &'de str,
            ) -> Result<Self::Value, E> {
                Ok(ContextKey(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(ContextKey(std::borrow::Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(ContextKey(std::borrow::Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// One context value: a scalar, or a list of scalars.
enum ContextEntry {
    Single(String),
    Multi(Vec<String>),
}

/// A scalar context value as the string AWS would put in the context.
struct ContextScalar(String);

const CONTEXT_VALUES: &str = "values must be strings, booleans, numbers or lists of them";

/// Reads a scalar (as its string) or a list of scalars.
struct EntryVisitor;

impl<'de> serde::de::Visitor<'de> for EntryVisitor {
    type Value = ContextEntry;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(CONTEXT_VALUES)
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ContextEntry, E> {
        Ok(ContextEntry::Single(v.to_owned()))
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<ContextEntry, E> {
        Ok(ContextEntry::Single(v))
    }
    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<ContextEntry, E> {
        Ok(ContextEntry::Single(v.to_string()))
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<ContextEntry, E> {
        Ok(ContextEntry::Single(v.to_string()))
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<ContextEntry, E> {
        Ok(ContextEntry::Single(v.to_string()))
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<ContextEntry, E> {
        // The same text as `serde_json::Number`'s, as in `RequestContext::from_json`.
        match serde_json::Number::from_f64(v) {
            Some(n) => Ok(ContextEntry::Single(n.to_string())),
            None => Err(E::custom(CONTEXT_VALUES)),
        }
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<ContextEntry, A::Error> {
        let mut values = Vec::new();
        while let Some(ContextScalar(v)) = seq.next_element::<ContextScalar>()? {
            values.push(v);
        }
        Ok(ContextEntry::Multi(values))
    }
}

impl<'de> Deserialize<'de> for ContextEntry {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(EntryVisitor)
    }
}

impl<'de> Deserialize<'de> for ContextScalar {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match deserializer.deserialize_any(EntryVisitor)? {
            ContextEntry::Single(v) => Ok(ContextScalar(v)),
            ContextEntry::Multi(_) => Err(serde::de::Error::custom(CONTEXT_VALUES)),
        }
    }
}

/// Actions whose resource policy is the role's trust policy.
fn is_trust_action(action: &str) -> bool {
    const TRUST_ACTIONS: &[&str] = &[
        "sts:assumerole",
        "sts:assumerolewithsaml",
        "sts:assumerolewithwebidentity",
        "sts:tagsession",
        "sts:setsourceidentity",
        "sts:setcontext",
    ];
    TRUST_ACTIONS.iter().any(|a| a.eq_ignore_ascii_case(action))
}

/// Parses and validates one policy of the line; `raw` is a JSON object or a
/// JSON string holding the document's text.
fn line_policy(name: String, raw: &RawValue, use_: PolicyUse) -> Result<LinePolicy, String> {
    let text = raw.get();
    let parsed = if text.starts_with('"') {
        let inner: String = serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))?;
        Policy::parse_for(&inner, use_)
    } else {
        Policy::parse_for(text, use_)
    };
    match parsed {
        Ok(policy) => Ok(LinePolicy { name, policy }),
        Err(err) => {
            let at = match (err.line, err.column) {
                (Some(line), Some(column)) => format!(" (line {line}, column {column})"),
                _ => String::new(),
            };
            Err(format!(
                "{name}: MalformedPolicyDocument{at}: {}",
                err.message
            ))
        }
    }
}

/// Explains why a line failed to deserialize, naming the field at fault
/// (serde_json's own messages name the problem but not the field).
fn diagnose(text: &str, err: &serde_json::Error) -> String {
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => return format!("the line is not valid JSON: {e}"),
    };
    let Value::Object(map) = &value else {
        return "a request line must be a JSON object".to_owned();
    };
    for key in map.keys() {
        let known = FIELDS.contains(&key.as_str())
            || ANNOTATIONS.contains(&key.as_str())
            || key == "permissions_boundary";
        if !known {
            return format!(
                "unknown field \"{key}\" (the fields are {})",
                FIELDS.join(", ")
            );
        }
    }
    for required in ["principal", "action", "resource"] {
        match map.get(required) {
            None => return format!("missing field \"{required}\""),
            Some(Value::String(_)) => {}
            Some(other) => {
                return format!("{required}: expected a string, found {}", json_kind(other));
            }
        }
    }
    for list in ["identity_policies", "scps"] {
        match map.get(list) {
            None | Some(Value::Array(_)) => {}
            Some(other) => {
                return format!(
                    "{list}: expected an array of policy documents, found {}",
                    json_kind(other)
                );
            }
        }
    }
    if let Some(v) = map.get("resource_is_trust_policy")
        && !v.is_boolean()
        && !v.is_null()
    {
        return format!(
            "resource_is_trust_policy: expected true or false, found {}",
            json_kind(v)
        );
    }
    if let Some(v) = map.get("resource_account")
        && !v.is_string()
        && !v.is_null()
    {
        return format!(
            "resource_account: expected a string, found {}",
            json_kind(v)
        );
    }
    if let Some(ctx) = map.get("context").filter(|c| !c.is_null())
        && let Err(e) = RequestContext::from_json(ctx)
    {
        return format!("context: {e}");
    }
    if map.contains_key("permission_boundary") && map.contains_key("permissions_boundary") {
        return "permission_boundary: given twice (as permission_boundary and permissions_boundary)"
            .to_owned();
    }
    err.to_string()
}

/// A JSON value's kind, as error messages name it ("a string", "an object", "null").
pub fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The common case read in one pass: each policy document is parsed where
/// it stands in the line (`serde_json`'s `RawValue` would scan it once to
/// find its end and [`Policy::parse`] again to read it). Anything unusual (a
/// policy given as text, an escape in a field name, an unknown or repeated
/// field, any error) gives `None`, and the line is read again by the general
/// path, which produces the same request or names the error.
mod fast {
    use serde::Deserialize;
    use serde::de::IgnoredAny;
    use serde_json::Value;

    use super::{ANNOTATIONS, EvalRequest, FIELDS, LinePolicy, WireContext, is_trust_action};
    use crate::policy::validate::validate;
    use crate::policy::{Policy, PolicyUse};

    struct Cursor<'a> {
        text: &'a str,
        pos: usize,
    }

    impl<'a> Cursor<'a> {
        fn peek(&mut self) -> Option<u8> {
            let bytes = self.text.as_bytes();
            while let Some(b' ' | b'\n' | b'\t' | b'\r') = bytes.get(self.pos) {
                self.pos += 1;
            }
            bytes.get(self.pos).copied()
        }

        fn eat(&mut self, byte: u8) -> Option<()> {
            (self.peek()? == byte).then(|| self.pos += 1)
        }

        fn rest(&self) -> Option<&'a str> {
            self.text.get(self.pos..)
        }

        /// A field name without escapes.
        fn key(&mut self) -> Option<&'a str> {
            self.eat(b'"')?;
            let rest = self.rest()?;
            let end = rest.find(['"', '\\'])?;
            if rest.as_bytes().get(end) != Some(&b'"') {
                return None;
            }
            self.pos += end + 1;
            self.eat(b':')?;
            rest.get(..end)
        }

        /// One JSON value, read with serde.
        fn value<T: Deserialize<'a>>(&mut self) -> Option<T> {
            self.peek()?;
            let mut stream = serde_json::Deserializer::from_str(self.rest()?).into_iter::<T>();
            let value = stream.next()?.ok()?;
            self.pos += stream.byte_offset();
            Some(value)
        }

        /// A policy document (a JSON object).
        fn policy(&mut self) -> Option<Policy> {
            self.peek()?;
            let (policy, len) = Policy::parse_first(self.rest()?)?;
            self.pos += len;
            Some(policy)
        }

        /// `null` or a policy document.
        fn optional_policy(&mut self) -> Option<Option<Policy>> {
            if self.peek()? == b'n' {
                self.value::<()>()?;
                return Some(None);
            }
            self.policy().map(Some)
        }

        /// A list of policy documents.
        fn policies(&mut self) -> Option<Vec<Policy>> {
            self.eat(b'[')?;
            let mut out = Vec::new();
            if self.peek()? == b']' {
                self.pos += 1;
                return Some(out);
            }
            loop {
                out.push(self.policy()?);
                match self.peek()? {
                    b',' => self.pos += 1,
                    b']' => {
                        self.pos += 1;
                        return Some(out);
                    }
                    _ => return None,
                }
            }
        }
    }

    pub(super) fn parse(text: &str) -> Option<EvalRequest> {
        let mut c = Cursor { text, pos: 0 };
        // One flag per field and per annotation: a key given twice goes to the full reader.
        let mut seen = [false; FIELDS.len() + ANNOTATIONS.len()];
        let mut id = Value::Null;
        let mut identity = Vec::new();
        let mut resource_policy = None;
        let mut trust = None;
        let mut boundary = None;
        let mut scps = Vec::new();
        let mut session = None;
        let (mut principal, mut action, mut resource) = (None, None, None);
        let mut resource_account = None;
        let mut context = None;
        c.eat(b'{')?;
        if c.peek()? == b'}' {
            return None;
        }
        loop {
            let key = c.key()?;
            let slot = match FIELDS.iter().position(|n| *n == key) {
                Some(field) => field,
                // The two spellings of the boundary are one field.
                None if key == "permissions_boundary" => {
                    FIELDS.iter().position(|n| *n == "permission_boundary")?
                }
                None => FIELDS.len() + ANNOTATIONS.iter().position(|n| *n == key)?,
            };
            if std::mem::replace(seen.get_mut(slot)?, true) {
                return None;
            }
            match key {
                "id" => id = c.value::<Value>()?,
                "identity_policies" => identity = c.policies()?,
                "resource_policy" => resource_policy = c.optional_policy()?,
                "resource_is_trust_policy" => trust = c.value::<Option<bool>>()?,
                "permission_boundary" | "permissions_boundary" => {
                    boundary = c.optional_policy()?;
                }
                "scps" => scps = c.policies()?,
                "session_policy" => session = c.optional_policy()?,
                "principal" => principal = Some(c.value::<String>()?),
                "action" => action = Some(c.value::<String>()?),
                "resource" => resource = Some(c.value::<String>()?),
                "resource_account" => resource_account = c.value::<Option<String>>()?,
                "context" => context = c.value::<Option<WireContext>>()?,
                _ => {
                    c.value::<IgnoredAny>()?;
                }
            }
            match c.peek()? {
                b',' => c.pos += 1,
                b'}' => {
                    c.pos += 1;
                    break;
                }
                _ => return None,
            }
        }
        if c.peek().is_some() {
            return None;
        }
        let (principal, action, resource) = (principal?, action?, resource?);
        let trust = trust.unwrap_or_else(|| resource_policy.is_some() && is_trust_action(&action));
        let resource_use = if trust {
            PolicyUse::Trust
        } else {
            PolicyUse::Resource
        };
        let checked = |name: String, policy: Policy, use_: PolicyUse| {
            validate(&policy, use_).ok()?;
            Some(LinePolicy { name, policy })
        };
        let identity_policies = identity
            .into_iter()
            .enumerate()
            .map(|(i, p)| checked(format!("identity_policies[{i}]"), p, PolicyUse::Identity))
            .collect::<Option<Vec<_>>>()?;
        let scps = scps
            .into_iter()
            .enumerate()
            .map(|(i, p)| checked(format!("scps[{i}]"), p, PolicyUse::ServiceControl))
            .collect::<Option<Vec<_>>>()?;
        let optional = |name: &str, policy: Option<Policy>, use_: PolicyUse| match policy {
            None => Some(None),
            Some(p) => checked(name.to_owned(), p, use_).map(Some),
        };
        Some(EvalRequest {
            id,
            identity_policies,
            resource_policy: optional("resource_policy", resource_policy, resource_use)?,
            resource_is_trust_policy: trust,
            permission_boundary: optional(
                "permission_boundary",
                boundary,
                PolicyUse::PermissionsBoundary,
            )?,
            scps,
            session_policy: optional("session_policy", session, PolicyUse::Session)?,
            principal,
            action,
            resource,
            resource_account,
            context: context.map(|c: WireContext| c.0).unwrap_or_default(),
        })
    }
}

/// The bodies of the fuzz targets in `fuzz/`, also run on stable by the
/// engine's property tests. Each returns `Err` with a description when an
/// invariant is broken; a panic anywhere below is a bug too.
pub mod fuzz {
    use super::{evaluate_line, parse_request_line};
    use crate::policy::{Decision, Policy, PolicyUse};

    const USES: [PolicyUse; 6] = [
        PolicyUse::Identity,
        PolicyUse::Trust,
        PolicyUse::Resource,
        PolicyUse::PermissionsBoundary,
        PolicyUse::ServiceControl,
        PolicyUse::Session,
    ];

    /// `Policy::parse` and `Policy::parse_for` for every use, on arbitrary
    /// bytes. Invariants: a document valid for some use parses; a parsed
    /// document parses again from its own value to an equal policy.
    pub fn policy_parse(data: &[u8]) -> Result<(), String> {
        let Ok(text) = std::str::from_utf8(data) else {
            return Ok(());
        };
        let parsed = Policy::parse(text);
        for use_ in USES {
            if Policy::parse_for(text, use_).is_ok() && parsed.is_err() {
                return Err(format!("valid as {use_:?} but Policy::parse fails"));
            }
        }
        if let Ok(policy) = parsed {
            match Policy::from_value(policy.to_value()) {
                Ok(again) if again == policy => {}
                Ok(_) => return Err("re-parsing the document's value gives another policy".into()),
                Err(e) => return Err(format!("re-parsing the document's value fails: {e}")),
            }
        }
        Ok(())
    }

    /// `parse_request_line` and `evaluate_line` on arbitrary bytes.
    /// Invariants: evaluation is deterministic; Allow has no denial reason.
    pub fn eval_line(data: &[u8]) -> Result<(), String> {
        let Ok(text) = std::str::from_utf8(data) else {
            return Ok(());
        };
        let Ok(request) = parse_request_line(text) else {
            return Ok(());
        };
        let first = evaluate_line(&request);
        let second = evaluate_line(&request);
        if first != second {
            return Err("two evaluations of one request differ".into());
        }
        if first.evaluation.decision == Decision::Allow && first.reason().is_some() {
            return Err("an Allow carries a denial reason".into());
        }
        let _ = first.to_json_line(true);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALICE: &str = "arn:aws:iam::123456789012:user/alice";

    fn line(extra: &str) -> String {
        format!(
            r#"{{"principal":"{ALICE}","action":"s3:GetObject","resource":"arn:aws:s3:::b/k"{extra}}}"#
        )
    }

    /// The one-pass reading gives the same request as the general one on
    /// every request of the data-driven policy cases and the benchmark.
    #[test]
    fn fast_path_reads_lines_as_the_general_path_does() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/policy_cases");
        let mut lines: Vec<String> = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let cases: Vec<Value> = serde_json::from_str(&text).unwrap();
            lines.extend(cases.iter().map(|c| c.to_string()));
            lines.extend(
                cases
                    .iter()
                    .map(|c| serde_json::to_string_pretty(c).unwrap()),
            );
        }
        let bench = concat!(env!("CARGO_MANIFEST_DIR"), "/../cli/tests/data/bench.jsonl");
        lines.extend(
            std::fs::read_to_string(bench)
                .unwrap()
                .lines()
                .map(str::to_owned),
        );
        assert!(lines.len() > 800, "{}", lines.len());
        let mut fast_hits = 0;
        for text in &lines {
            let general = general_path(text);
            if let Some(request) = fast::parse(text) {
                fast_hits += 1;
                assert_eq!(Ok(request), general, "{text}");
            }
            assert_eq!(parse_request_line(text), general, "{text}");
        }
        assert!(
            fast_hits * 10 > lines.len() * 8,
            "{fast_hits} of {}",
            lines.len()
        );
    }

    /// [`parse_request_line`] without its one-pass reading.
    fn general_path(text: &str) -> Result<EvalRequest, String> {
        parse_request_line_general(text)
    }

    #[test]
    fn minimal_line_is_an_implicit_deny() {
        let req = parse_request_line(&line("")).unwrap();
        assert_eq!(req.id, Value::Null);
        assert!(req.identity_policies.is_empty() && req.context.is_empty());
        let result = evaluate_line(&req);
        assert_eq!(result.decision(), Decision::ImplicitDeny);
        assert_eq!(
            result.to_json_line(false),
            r#"{"id":null,"decision":"ImplicitDeny","reason":"because no identity-based policy allows the s3:GetObject action"}"#
        );
    }

    #[test]
    fn policies_may_be_objects_or_text() {
        let doc = r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#;
        let as_text = serde_json::to_string(doc).unwrap();
        for policy in [doc.to_owned(), as_text] {
            let req =
                parse_request_line(&line(&format!(r#","identity_policies":[{policy}]"#))).unwrap();
            assert_eq!(req.identity_policies[0].name, "identity_policies[0]");
            assert_eq!(evaluate_line(&req).decision(), Decision::Allow);
        }
    }

    #[test]
    fn errors_name_the_field() {
        let cases = [
            ("[]", "a request line must be a JSON object"),
            (
                "{",
                "the line is not valid JSON: EOF while parsing an object at line 1 column 1",
            ),
            (
                r#"{"action":"s3:GetObject","resource":"*"}"#,
                "missing field \"principal\"",
            ),
            (
                &line(r#","permision_boundary":null"#),
                "unknown field \"permision_boundary\" (the fields are id, identity_policies, resource_policy, resource_is_trust_policy, permission_boundary, scps, session_policy, principal, action, resource, resource_account, context)",
            ),
            (
                &line(r#","scps":{}"#),
                "scps: expected an array of policy documents, found an object",
            ),
            (
                &line(r#","resource_account":12"#),
                "resource_account: expected a string, found a number",
            ),
            (
                &line(r#","context":{"aws:SourceIp":null}"#),
                "context: context key aws:SourceIp: values must be strings, booleans, numbers or lists of them",
            ),
            (
                &line(
                    r#","session_policy":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}"#,
                ),
                "session_policy: MalformedPolicyDocument: Policy document should not specify a principal.",
            ),
            (
                &line(
                    r#","identity_policies":["{\"Version\": \"2012-10-17\", \"Statement\": [}"]"#,
                ),
                "identity_policies[0]: MalformedPolicyDocument (line 1, column 41): Syntax errors in policy.",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_request_line(text).unwrap_err(), expected, "{text}");
        }
    }

    #[test]
    fn context_values_become_strings() {
        let req = parse_request_line(&line(
            r#","context":{"aws:SecureTransport":true,"s3:max-keys":10,"x:f":1.5,"aws:TagKeys":["a",2]}"#,
        ))
        .unwrap();
        let get = |k: &str| req.context.get(k).cloned();
        use crate::policy::ContextValue::{Multi, Single};
        assert_eq!(get("AWS:securetransport"), Some(Single("true".into())));
        assert_eq!(get("s3:max-keys"), Some(Single("10".into())));
        assert_eq!(get("x:f"), Some(Single("1.5".into())));
        assert_eq!(
            get("aws:TagKeys"),
            Some(Multi(vec!["a".into(), "2".into()]))
        );
    }

    #[test]
    fn trust_policy_is_inferred_from_the_action() {
        let trust = r#","resource_policy":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
        let text = format!(
            r#"{{"principal":"ec2.amazonaws.com","action":"STS:AssumeRole","resource":"arn:aws:iam::123456789012:role/r"{trust}}}"#
        );
        let req = parse_request_line(&text).unwrap();
        assert!(req.resource_is_trust_policy);
        assert_eq!(evaluate_line(&req).decision(), Decision::Allow);
        // The same document as a bucket policy lacks a Resource.
        let text = text.replace(
            "STS:AssumeRole\"",
            "STS:AssumeRole\",\"resource_is_trust_policy\":false",
        );
        assert_eq!(
            parse_request_line(&text).unwrap_err(),
            "resource_policy: MalformedPolicyDocument: Statement is missing required element"
        );
    }

    #[test]
    fn annotations_and_the_boundary_alias_are_accepted() {
        let text = line(
            r#","doc":"IUG","expected":"Allow","expected_reason":null,"comment":1,"permissions_boundary":{"Version":"2012-10-17","Statement":[]}"#,
        );
        let req = parse_request_line(&text).unwrap();
        assert!(req.permission_boundary.is_some());
    }

    #[test]
    fn explain_adds_decided_by_and_trace() {
        let req = parse_request_line(&line(r#","id":"t""#)).unwrap();
        let out: Value = serde_json::from_str(&evaluate_line(&req).to_json_line(true)).unwrap();
        assert_eq!(out["id"], "t");
        assert_eq!(out["decided_by"], "Identity");
        assert_eq!(out["trace"], Value::Array(vec![]));
        assert_eq!(
            error_json_line(3, "missing \"x\""),
            r#"{"id":null,"line":3,"error":"missing \"x\""}"#
        );
    }
}

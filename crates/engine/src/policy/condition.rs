//! The `Condition` element: operators of IUG "IAM JSON policy elements:
//! Condition operators", compiled at parse time and evaluated against a
//! [`RequestContext`].
//!
//! Semantics: several values for one key are ORed (for negated operators the
//! result is negated, so they are NORed); a key missing from the request
//! context makes the condition false, except for negated operators and
//! `...IfExists` (true). `ForAllValues:` is true when the request has no
//! values for the key, `ForAnyValue:` false. A multivalued key used without a
//! set operator matches when any of its values matches.

use super::binary::decode_base64;
use super::context::RequestContext;
use super::date::parse_date_millis;
use super::ip::Cidr;
use super::matcher::wildcard_match;
pub use super::operator::{BaseOp, Cmp, Operator, SetOp};
use super::small::Small;
use super::variables::Template;

/// ARN matching for the `Arn*` operators, component by component: both
/// texts are split at their first five colons into at most six components;
/// they match when they have as many components and each matches (so `*`
/// never crosses a colon before the resource part). A pattern made only of
/// `*` matches any value.
fn arn_match(pattern: &str, arn: &str) -> bool {
    if !pattern.is_empty() && pattern.bytes().all(|b| b == b'*') {
        return true;
    }
    pattern.splitn(6, ':').count() == arn.splitn(6, ':').count()
        && pattern
            .splitn(6, ':')
            .zip(arn.splitn(6, ':'))
            .all(|(p, a)| wildcard_match(p, a, false))
}

/// The compiled form of one condition value.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    /// String operators with variables: resolved at evaluation time.
    Template(Template),
    /// The value as written (string, Bool and Arn operators without
    /// variables).
    Raw,
    /// Numeric value (None: not a number, never matches).
    Number(Option<f64>),
    /// Date in epoch milliseconds (None: not a date, never matches).
    Date(Option<i64>),
    /// IP range (None: not a range, never matches).
    Ip(Option<Cidr>),
    /// Decoded base64 (None: not base64; then compared as text).
    Binary(Option<Vec<u8>>),
    /// Null's expectation: true = key must be absent.
    Null(Option<bool>),
}

/// One condition: an operator, a context key, and the values to compare.
#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    /// The operator as written, then the key as written, then the key in
    /// lower case when that differs (one allocation for the three).
    texts: String,
    /// Where the key starts in `texts`.
    key_at: usize,
    /// Where the lower-cased key starts in `texts` (`texts.len()`: the key
    /// is already lower case).
    lower_at: usize,
    operator: Operator,
    raw_values: Small<String>,
    values: Small<Value>,
}

/// The outcome of evaluating one condition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConditionOutcome {
    /// Whether the condition holds.
    pub matched: bool,
    /// Why, when that is not obvious (missing key, unresolved variable...).
    pub note: Option<String>,
}

impl Condition {
    /// Compiles a condition; `variables` enables policy variables (Version
    /// 2012-10-17). None when the operator is unknown.
    pub fn new(
        operator_name: &str,
        key: &str,
        raw_values: Vec<String>,
        variables: bool,
    ) -> Option<Condition> {
        Self::compile(operator_name, key, Small::from(raw_values), variables)
    }

    /// [`Condition::new`] over the parser's compact list of values.
    pub(crate) fn compile(
        operator_name: &str,
        key: &str,
        raw_values: Small<String>,
        variables: bool,
    ) -> Option<Condition> {
        let operator = Operator::parse(operator_name)?;
        let values = match &raw_values {
            Small::One([v]) => Small::One([compile_value(operator.base, v, variables)]),
            Small::Many(vs) => Small::Many(
                vs.iter()
                    .map(|v| compile_value(operator.base, v, variables))
                    .collect(),
            ),
        };
        let upper = key.bytes().any(|b| b.is_ascii_uppercase());
        let mut texts = String::with_capacity(
            operator_name.len() + key.len() + if upper { key.len() } else { 0 },
        );
        texts.push_str(operator_name);
        texts.push_str(key);
        if upper {
            texts.extend(key.chars().map(|c| c.to_ascii_lowercase()));
        }
        Some(Condition {
            key_at: operator_name.len(),
            lower_at: operator_name.len() + key.len(),
            texts,
            operator,
            raw_values,
            values,
        })
    }

    /// Compiles the values again with policy variables on or off.
    pub(crate) fn set_variables(&mut self, variables: bool) {
        let base = self.operator.base;
        self.values = match &self.raw_values {
            Small::One([v]) => Small::One([compile_value(base, v, variables)]),
            Small::Many(vs) => Small::Many(
                vs.iter()
                    .map(|v| compile_value(base, v, variables))
                    .collect(),
            ),
        };
    }

    /// The operator as written, e.g. `StringLikeIfExists`.
    pub fn operator_name(&self) -> &str {
        self.texts.get(..self.key_at).unwrap_or_default()
    }

    /// The key in ASCII lower case.
    fn key_lower(&self) -> &str {
        if self.lower_at == self.texts.len() {
            self.key()
        } else {
            self.texts.get(self.lower_at..).unwrap_or_default()
        }
    }

    /// The parsed operator.
    pub fn operator(&self) -> Operator {
        self.operator
    }

    /// The context key as written, e.g. `aws:SourceIp`.
    pub fn key(&self) -> &str {
        self.texts
            .get(self.key_at..self.lower_at)
            .unwrap_or_default()
    }

    /// The values as written (booleans and numbers as text).
    pub fn values(&self) -> &[String] {
        self.raw_values.as_slice()
    }

    /// Evaluates the condition against a request context.
    pub fn evaluate(&self, ctx: &RequestContext) -> ConditionOutcome {
        let op = self.operator;
        let request = ctx
            .get_lower(self.key_lower())
            .map(|v| v.as_slice())
            .unwrap_or(&[]);
        if op.base == BaseOp::Null {
            let absent = request.is_empty();
            let matched = self
                .values
                .as_slice()
                .iter()
                .any(|v| matches!(v, Value::Null(Some(expect)) if *expect == absent));
            return outcome(matched, None);
        }
        if request.is_empty() {
            let note = Some(format!("{} is not in the request context", self.key()));
            let matched = op.if_exists
                || match op.set {
                    SetOp::ForAllValues => true,
                    SetOp::ForAnyValue => false,
                    SetOp::None => op.negated,
                };
            return outcome(matched, note);
        }
        let mut unresolved = false;
        let mut hit = |r: &str| {
            let raws = self.raw_values.as_slice();
            self.values.as_slice().iter().zip(raws).any(|(v, raw)| {
                let (m, resolved) = compare(op.base, v, raw, r, ctx);
                unresolved |= !resolved;
                m
            })
        };
        let matched = match op.set {
            SetOp::None => request.iter().any(|r| hit(r)) != op.negated,
            SetOp::ForAllValues => request.iter().all(|r| hit(r) != op.negated),
            SetOp::ForAnyValue => request.iter().any(|r| hit(r) != op.negated),
        };
        let note = unresolved.then(|| {
            "a policy variable in the values has no value in the request context".to_owned()
        });
        outcome(matched, note)
    }
}

fn outcome(matched: bool, note: Option<String>) -> ConditionOutcome {
    ConditionOutcome { matched, note }
}

fn compile_value(base: BaseOp, raw: &str, variables: bool) -> Value {
    let string_like = matches!(
        base,
        BaseOp::StringEquals | BaseOp::StringEqualsIgnoreCase | BaseOp::StringLike | BaseOp::Arn
    );
    if string_like && variables && raw.contains("${") {
        let template = Template::parse(raw, variables);
        if !template.is_plain() {
            return Value::Template(template);
        }
    }
    match base {
        BaseOp::StringEquals
        | BaseOp::StringEqualsIgnoreCase
        | BaseOp::Bool
        | BaseOp::StringLike
        | BaseOp::Arn => Value::Raw,
        BaseOp::Numeric(_) => Value::Number(parse_number(raw)),
        BaseOp::Date(_) => Value::Date(parse_date_millis(raw)),
        BaseOp::Ip => Value::Ip(Cidr::parse(raw)),
        BaseOp::Binary => Value::Binary(decode_base64(raw)),
        BaseOp::Null => Value::Null(parse_bool(raw)),
    }
}

fn parse_number(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok().filter(|n| n.is_finite())
}

fn parse_bool(s: &str) -> Option<bool> {
    if s.eq_ignore_ascii_case("true") {
        Some(true)
    } else if s.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// `StringEqualsIgnoreCase`: ASCII case folding. Full Unicode folding would link
/// core's Unicode case tables (~25 KB in the browser app) for values that are ASCII
/// in practice (names, tags, ARNs); a non-ASCII letter must match exactly.
fn eq_ignore_case(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// Compares one request value with one policy value: (matched, resolved),
/// where `resolved` is false when a policy variable had no value.
fn compare(
    base: BaseOp,
    policy: &Value,
    raw: &str,
    request: &str,
    ctx: &RequestContext,
) -> (bool, bool) {
    match policy {
        Value::Template(t) => {
            let m = match base {
                BaseOp::StringLike => t.resolve_glob(ctx, false).map(|g| g.matches(request)),
                BaseOp::Arn => t.resolve(ctx).map(|text| arn_match(&text, request)),
                BaseOp::StringEquals => t.resolve(ctx).map(|text| text == request),
                BaseOp::StringEqualsIgnoreCase => {
                    t.resolve(ctx).map(|text| eq_ignore_case(&text, request))
                }
                _ => Some(false),
            };
            (m.unwrap_or(false), m.is_some())
        }
        Value::Raw => {
            let m = match base {
                BaseOp::StringEquals => raw == request,
                BaseOp::StringEqualsIgnoreCase => eq_ignore_case(raw, request),
                BaseOp::StringLike => wildcard_match(raw, request, false),
                BaseOp::Arn => arn_match(raw, request),
                BaseOp::Bool => parse_bool(raw).is_some_and(|b| parse_bool(request) == Some(b)),
                _ => false,
            };
            (m, true)
        }
        Value::Number(n) => {
            let m = match (base, n, parse_number(request)) {
                (BaseOp::Numeric(cmp), Some(p), Some(r)) => cmp.test(r, *p),
                _ => false,
            };
            (m, true)
        }
        Value::Date(d) => {
            let m = match (base, d, parse_date_millis(request)) {
                (BaseOp::Date(cmp), Some(p), Some(r)) => cmp.test(r, *p),
                _ => false,
            };
            (m, true)
        }
        Value::Ip(c) => (c.is_some_and(|c| c.contains(request)), true),
        Value::Binary(bytes) => {
            let m = match (bytes, decode_base64(request)) {
                (Some(p), Some(r)) => *p == r,
                _ => raw == request,
            };
            (m, true)
        }
        Value::Null(_) => (false, true),
    }
}

#[cfg(test)]
mod tests;

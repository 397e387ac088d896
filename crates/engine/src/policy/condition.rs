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
use super::variables::Template;

/// The comparison of a numeric or date operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    /// Equals (and, negated, NotEquals).
    Eq,
    /// LessThan.
    Lt,
    /// LessThanEquals.
    Le,
    /// GreaterThan.
    Gt,
    /// GreaterThanEquals.
    Ge,
}

impl Cmp {
    fn test<T: PartialOrd>(self, request: T, policy: T) -> bool {
        match self {
            Cmp::Eq => request == policy,
            Cmp::Lt => request < policy,
            Cmp::Le => request <= policy,
            Cmp::Gt => request > policy,
            Cmp::Ge => request >= policy,
        }
    }
}

/// The base comparison of an operator, without negation or modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaseOp {
    /// StringEquals / StringNotEquals.
    StringEquals,
    /// StringEqualsIgnoreCase / StringNotEqualsIgnoreCase.
    StringEqualsIgnoreCase,
    /// StringLike / StringNotLike.
    StringLike,
    /// Numeric comparisons.
    Numeric(Cmp),
    /// Date comparisons.
    Date(Cmp),
    /// Bool.
    Bool,
    /// BinaryEquals.
    Binary,
    /// IpAddress / NotIpAddress.
    Ip,
    /// ArnEquals / ArnLike / ArnNotEquals / ArnNotLike (all component-wise
    /// wildcard matches).
    Arn,
    /// Null.
    Null,
}

/// A set operator prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetOp {
    /// No prefix.
    None,
    /// `ForAllValues:`.
    ForAllValues,
    /// `ForAnyValue:`.
    ForAnyValue,
}

/// A parsed operator name such as `ForAnyValue:StringNotLikeIfExists`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operator {
    /// The base comparison.
    pub base: BaseOp,
    /// True for the `Not` forms.
    pub negated: bool,
    /// True with the `IfExists` suffix.
    pub if_exists: bool,
    /// The set operator prefix.
    pub set: SetOp,
}

impl Operator {
    /// Parses an operator name; None when IAM does not know it.
    pub fn parse(name: &str) -> Option<Operator> {
        let (set, rest) = if let Some(r) = strip_prefix_ci(name, "ForAllValues:") {
            (SetOp::ForAllValues, r)
        } else if let Some(r) = strip_prefix_ci(name, "ForAnyValue:") {
            (SetOp::ForAnyValue, r)
        } else {
            (SetOp::None, name)
        };
        let (if_exists, rest) = match strip_suffix_ci(rest, "IfExists") {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let (base, negated) = match rest.to_ascii_lowercase().as_str() {
            "stringequals" => (BaseOp::StringEquals, false),
            "stringnotequals" => (BaseOp::StringEquals, true),
            "stringequalsignorecase" => (BaseOp::StringEqualsIgnoreCase, false),
            "stringnotequalsignorecase" => (BaseOp::StringEqualsIgnoreCase, true),
            "stringlike" => (BaseOp::StringLike, false),
            "stringnotlike" => (BaseOp::StringLike, true),
            "numericequals" => (BaseOp::Numeric(Cmp::Eq), false),
            "numericnotequals" => (BaseOp::Numeric(Cmp::Eq), true),
            "numericlessthan" => (BaseOp::Numeric(Cmp::Lt), false),
            "numericlessthanequals" => (BaseOp::Numeric(Cmp::Le), false),
            "numericgreaterthan" => (BaseOp::Numeric(Cmp::Gt), false),
            "numericgreaterthanequals" => (BaseOp::Numeric(Cmp::Ge), false),
            "dateequals" => (BaseOp::Date(Cmp::Eq), false),
            "datenotequals" => (BaseOp::Date(Cmp::Eq), true),
            "datelessthan" => (BaseOp::Date(Cmp::Lt), false),
            "datelessthanequals" => (BaseOp::Date(Cmp::Le), false),
            "dategreaterthan" => (BaseOp::Date(Cmp::Gt), false),
            "dategreaterthanequals" => (BaseOp::Date(Cmp::Ge), false),
            "bool" => (BaseOp::Bool, false),
            "binaryequals" => (BaseOp::Binary, false),
            "ipaddress" => (BaseOp::Ip, false),
            "notipaddress" => (BaseOp::Ip, true),
            "arnequals" | "arnlike" => (BaseOp::Arn, false),
            "arnnotequals" | "arnnotlike" => (BaseOp::Arn, true),
            "null" if !if_exists && set == SetOp::None => (BaseOp::Null, false),
            _ => return None,
        };
        Some(Operator {
            base,
            negated,
            if_exists,
            set,
        })
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| s.get(prefix.len()..))
        .flatten()
}

fn strip_suffix_ci<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(suffix.len())?;
    let tail = s.get(cut..)?;
    tail.eq_ignore_ascii_case(suffix)
        .then(|| s.get(..cut))
        .flatten()
}

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
    operator_name: String,
    operator: Operator,
    key: String,
    key_lower: String,
    raw_values: Vec<String>,
    values: Vec<Value>,
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
        let operator = Operator::parse(operator_name)?;
        let values = raw_values
            .iter()
            .map(|v| compile_value(operator.base, v, variables))
            .collect();
        Some(Condition {
            operator_name: operator_name.to_owned(),
            operator,
            key: key.to_owned(),
            key_lower: key.to_ascii_lowercase(),
            raw_values,
            values,
        })
    }

    /// The operator as written, e.g. `StringLikeIfExists`.
    pub fn operator_name(&self) -> &str {
        &self.operator_name
    }

    /// The parsed operator.
    pub fn operator(&self) -> Operator {
        self.operator
    }

    /// The context key as written, e.g. `aws:SourceIp`.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The values as written (booleans and numbers as text).
    pub fn values(&self) -> &[String] {
        &self.raw_values
    }

    /// Evaluates the condition against a request context.
    pub fn evaluate(&self, ctx: &RequestContext) -> ConditionOutcome {
        let op = self.operator;
        let request = ctx
            .get_lower(&self.key_lower)
            .map(|v| v.as_slice())
            .unwrap_or(&[]);
        if op.base == BaseOp::Null {
            let absent = request.is_empty();
            let matched = self
                .values
                .iter()
                .any(|v| matches!(v, Value::Null(Some(expect)) if *expect == absent));
            return outcome(matched, None);
        }
        if request.is_empty() {
            let note = Some(format!("{} is not in the request context", self.key));
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
            self.values.iter().zip(&self.raw_values).any(|(v, raw)| {
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

fn eq_ignore_case(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
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
mod tests {
    use super::*;

    fn cond(op: &str, key: &str, values: &[&str]) -> Condition {
        Condition::new(
            op,
            key,
            values.iter().map(|v| (*v).to_owned()).collect(),
            true,
        )
        .unwrap()
    }

    fn ctx(pairs: &[(&str, &str)]) -> RequestContext {
        let mut c = RequestContext::new();
        for (k, v) in pairs {
            c.insert(k, *v);
        }
        c
    }

    fn check(op: &str, key: &str, values: &[&str], c: &RequestContext) -> bool {
        cond(op, key, values).evaluate(c).matched
    }

    #[test]
    fn operator_names() {
        let op = Operator::parse("ForAnyValue:StringNotLikeIfExists").unwrap();
        assert_eq!(op.base, BaseOp::StringLike);
        assert!(op.negated && op.if_exists);
        assert_eq!(op.set, SetOp::ForAnyValue);
        assert_eq!(Operator::parse("NullIfExists"), None);
        assert_eq!(Operator::parse("StringEqualz"), None);
        assert_eq!(Operator::parse("IfExists"), None);
        assert!(Operator::parse("Bool").is_some());
    }

    #[test]
    fn string_operators() {
        let c = ctx(&[("aws:username", "Alice")]);
        assert!(check("StringEquals", "aws:username", &["Alice"], &c));
        assert!(!check("StringEquals", "aws:username", &["alice"], &c));
        assert!(check("StringEquals", "AWS:UserName", &["bob", "Alice"], &c));
        assert!(check("StringNotEquals", "aws:username", &["bob"], &c));
        assert!(!check(
            "StringNotEquals",
            "aws:username",
            &["bob", "Alice"],
            &c
        ));
        assert!(check(
            "StringEqualsIgnoreCase",
            "aws:username",
            &["ALICE"],
            &c
        ));
        assert!(!check(
            "StringNotEqualsIgnoreCase",
            "aws:username",
            &["aLiCe"],
            &c
        ));
        assert!(check("StringLike", "aws:username", &["A*"], &c));
        assert!(check("StringLike", "aws:username", &["Al?ce"], &c));
        assert!(!check("StringLike", "aws:username", &["a*"], &c));
        assert!(check("StringNotLike", "aws:username", &["B*"], &c));
        // StringEquals takes `*` literally.
        assert!(!check("StringEquals", "aws:username", &["*"], &c));
    }

    #[test]
    fn missing_keys() {
        let c = RequestContext::new();
        assert!(!check("StringEquals", "aws:username", &["a"], &c));
        assert!(check("StringNotEquals", "aws:username", &["a"], &c));
        assert!(check("StringEqualsIfExists", "aws:username", &["a"], &c));
        assert!(check("NumericLessThanIfExists", "s3:max-keys", &["10"], &c));
        assert!(check(
            "ForAllValues:StringEquals",
            "aws:TagKeys",
            &["a"],
            &c
        ));
        assert!(!check(
            "ForAnyValue:StringEquals",
            "aws:TagKeys",
            &["a"],
            &c
        ));
        let o = cond("StringEquals", "aws:username", &["a"]).evaluate(&c);
        assert_eq!(
            o.note.as_deref(),
            Some("aws:username is not in the request context")
        );
    }

    #[test]
    fn if_exists_still_compares_present_keys() {
        let c = ctx(&[("ec2:InstanceType", "t3.large")]);
        assert!(!check(
            "StringEqualsIfExists",
            "ec2:InstanceType",
            &["t3.micro"],
            &c
        ));
        assert!(check(
            "StringEqualsIfExists",
            "ec2:InstanceType",
            &["t3.large"],
            &c
        ));
    }

    #[test]
    fn numeric_operators() {
        let c = ctx(&[("s3:max-keys", "10")]);
        assert!(check("NumericEquals", "s3:max-keys", &["10"], &c));
        assert!(check("NumericEquals", "s3:max-keys", &["10.0"], &c));
        assert!(check("NumericNotEquals", "s3:max-keys", &["11"], &c));
        assert!(check("NumericLessThan", "s3:max-keys", &["11"], &c));
        assert!(!check("NumericLessThan", "s3:max-keys", &["10"], &c));
        assert!(check("NumericLessThanEquals", "s3:max-keys", &["10"], &c));
        assert!(check("NumericGreaterThan", "s3:max-keys", &["9"], &c));
        assert!(check(
            "NumericGreaterThanEquals",
            "s3:max-keys",
            &["10"],
            &c
        ));
        assert!(!check(
            "NumericGreaterThanEquals",
            "s3:max-keys",
            &["ten"],
            &c
        ));
        let bad = ctx(&[("s3:max-keys", "lots")]);
        assert!(!check("NumericGreaterThan", "s3:max-keys", &["1"], &bad));
    }

    #[test]
    fn date_operators() {
        let c = ctx(&[("aws:CurrentTime", "2020-06-30T12:00:00Z")]);
        assert!(check(
            "DateGreaterThan",
            "aws:CurrentTime",
            &["2020-01-01T00:00:00Z"],
            &c
        ));
        assert!(check(
            "DateLessThan",
            "aws:CurrentTime",
            &["2020-07-01"],
            &c
        ));
        assert!(!check(
            "DateLessThan",
            "aws:CurrentTime",
            &["2020-06-30"],
            &c
        ));
        assert!(check(
            "DateEquals",
            "aws:CurrentTime",
            &["2020-06-30T14:00:00+02:00"],
            &c
        ));
        assert!(check(
            "DateNotEquals",
            "aws:CurrentTime",
            &["2020-06-30"],
            &c
        ));
        assert!(check(
            "DateLessThanEquals",
            "aws:CurrentTime",
            &["1593518400"],
            &c
        ));
        assert!(check(
            "DateGreaterThanEquals",
            "aws:CurrentTime",
            &["1593518400"],
            &c
        ));
        let epoch = ctx(&[("aws:EpochTime", "1593518400")]);
        assert!(check(
            "DateEquals",
            "aws:EpochTime",
            &["2020-06-30T12:00:00Z"],
            &epoch
        ));
    }

    #[test]
    fn bool_operator() {
        let c = ctx(&[("aws:SecureTransport", "false")]);
        assert!(check("Bool", "aws:SecureTransport", &["false"], &c));
        assert!(!check("Bool", "aws:SecureTransport", &["true"], &c));
        assert!(check("Bool", "aws:SecureTransport", &["FALSE"], &c));
        assert!(!check("Bool", "aws:MultiFactorAuthPresent", &["false"], &c));
        assert!(check(
            "BoolIfExists",
            "aws:MultiFactorAuthPresent",
            &["false"],
            &c
        ));
    }

    #[test]
    fn binary_operator() {
        let c = ctx(&[("k:bin", "QmluYXJ5VmFsdWVJbkJhc2U2NA==")]);
        assert!(check(
            "BinaryEquals",
            "k:bin",
            &["QmluYXJ5VmFsdWVJbkJhc2U2NA=="],
            &c
        ));
        assert!(check(
            "BinaryEquals",
            "k:bin",
            &["QmluYXJ5VmFsdWVJbkJhc2U2NA"],
            &c
        ));
        assert!(!check("BinaryEquals", "k:bin", &["aGk="], &c));
    }

    #[test]
    fn ip_operators() {
        let c = ctx(&[("aws:SourceIp", "203.0.113.10")]);
        assert!(check("IpAddress", "aws:SourceIp", &["203.0.113.0/24"], &c));
        assert!(check(
            "IpAddress",
            "aws:SourceIp",
            &["10.0.0.0/8", "203.0.113.0/24"],
            &c
        ));
        assert!(!check("IpAddress", "aws:SourceIp", &["10.0.0.0/8"], &c));
        assert!(check("NotIpAddress", "aws:SourceIp", &["10.0.0.0/8"], &c));
        assert!(!check(
            "NotIpAddress",
            "aws:SourceIp",
            &["203.0.113.0/24"],
            &c
        ));
        let v6 = ctx(&[("aws:SourceIp", "2001:db8::1")]);
        assert!(check("IpAddress", "aws:SourceIp", &["2001:DB8::/32"], &v6));
        assert!(!check(
            "IpAddress",
            "aws:SourceIp",
            &["203.0.113.0/24"],
            &v6
        ));
    }

    #[test]
    fn arn_operators_match_component_wise() {
        let c = ctx(&[(
            "aws:SourceArn",
            "arn:aws:sns:us-east-1:123456789012:topic/a",
        )]);
        assert!(check(
            "ArnLike",
            "aws:SourceArn",
            &["arn:aws:sns:*:123456789012:*"],
            &c
        ));
        assert!(check(
            "ArnEquals",
            "aws:SourceArn",
            &["arn:aws:sns:us-east-1:123456789012:topic/a"],
            &c
        ));
        // A `*` does not cross a colon in the first five components.
        assert!(!check(
            "ArnLike",
            "aws:SourceArn",
            &["arn:aws:*:123456789012:topic/a"],
            &c
        ));
        assert!(check(
            "ArnNotLike",
            "aws:SourceArn",
            &["arn:aws:sqs:*:*:*"],
            &c
        ));
        assert!(!check(
            "ArnLike",
            "aws:SourceArn",
            &["arn:aws:SNS:*:*:*"],
            &c
        ));
        let not_arn = ctx(&[("aws:SourceArn", "hello")]);
        assert!(!check(
            "ArnLike",
            "aws:SourceArn",
            &["arn:aws:sns:*:*:*"],
            &not_arn
        ));
    }

    #[test]
    fn null_operator() {
        let c = ctx(&[("aws:TokenIssueTime", "2020-01-01T00:00:00Z")]);
        assert!(check("Null", "aws:TokenIssueTime", &["false"], &c));
        assert!(!check("Null", "aws:TokenIssueTime", &["true"], &c));
        assert!(check("Null", "aws:MultiFactorAuthAge", &["true"], &c));
        assert!(!check("Null", "aws:MultiFactorAuthAge", &["false"], &c));
    }

    #[test]
    fn set_operators() {
        let mut c = RequestContext::new();
        c.insert_multi("aws:TagKeys", vec!["env".into(), "team".into()]);
        assert!(check(
            "ForAllValues:StringEquals",
            "aws:TagKeys",
            &["env", "team", "cost"],
            &c
        ));
        assert!(!check(
            "ForAllValues:StringEquals",
            "aws:TagKeys",
            &["env"],
            &c
        ));
        assert!(check(
            "ForAnyValue:StringEquals",
            "aws:TagKeys",
            &["env"],
            &c
        ));
        assert!(!check(
            "ForAnyValue:StringEquals",
            "aws:TagKeys",
            &["cost"],
            &c
        ));
        assert!(check(
            "ForAllValues:StringNotEquals",
            "aws:TagKeys",
            &["cost"],
            &c
        ));
        assert!(!check(
            "ForAllValues:StringNotEquals",
            "aws:TagKeys",
            &["env"],
            &c
        ));
        assert!(check(
            "ForAnyValue:StringNotEquals",
            "aws:TagKeys",
            &["env"],
            &c
        ));
        assert!(check(
            "ForAllValues:StringLike",
            "aws:TagKeys",
            &["e*", "t*"],
            &c
        ));
        c.insert_multi("aws:Empty", vec![]);
        assert!(check("ForAllValues:StringEquals", "aws:Empty", &["x"], &c));
        assert!(!check("ForAnyValue:StringEquals", "aws:Empty", &["x"], &c));
        // Without a set operator, any request value may match.
        assert!(check("StringEquals", "aws:TagKeys", &["team"], &c));
    }

    #[test]
    fn variables_in_string_and_arn_values() {
        let c = ctx(&[
            ("aws:username", "alice"),
            ("s3:prefix", "home/alice/docs"),
            ("aws:PrincipalArn", "arn:aws:iam::123456789012:user/alice"),
        ]);
        assert!(check(
            "StringLike",
            "s3:prefix",
            &["home/${aws:username}/*"],
            &c
        ));
        assert!(!check(
            "StringLike",
            "s3:prefix",
            &["home/${aws:userid}/*"],
            &c
        ));
        assert!(check(
            "StringEquals",
            "s3:prefix",
            &["home/${aws:username}/docs"],
            &c
        ));
        assert!(check(
            "ArnLike",
            "aws:PrincipalArn",
            &["arn:aws:iam::*:user/${aws:username}"],
            &c
        ));
        let o = cond("StringLike", "s3:prefix", &["home/${aws:userid}/*"]).evaluate(&c);
        assert_eq!(
            o.note.as_deref(),
            Some("a policy variable in the values has no value in the request context")
        );
        // An unresolved variable is a non-matching value: a negated operator holds.
        assert!(check(
            "StringNotLike",
            "s3:prefix",
            &["home/${aws:userid}/*"],
            &c
        ));
    }

    #[test]
    fn variables_only_with_2012_version() {
        let c = ctx(&[("aws:username", "alice"), ("s3:prefix", "home/alice")]);
        let old = Condition::new(
            "StringEquals",
            "s3:prefix",
            vec!["home/${aws:username}".into()],
            false,
        )
        .unwrap();
        assert!(!old.evaluate(&c).matched);
        let lit = ctx(&[("s3:prefix", "home/${aws:username}")]);
        assert!(old.evaluate(&lit).matched);
    }

    #[test]
    fn numeric_values_take_no_variables() {
        let c = ctx(&[("s3:max-keys", "5"), ("k:limit", "5")]);
        assert!(!check("NumericEquals", "s3:max-keys", &["${k:limit}"], &c));
    }
}

//! Condition operator names (IUG "IAM JSON policy elements: Condition
//! operators"): the base comparison, `Not` forms, the `IfExists` suffix and
//! the `ForAllValues:` / `ForAnyValue:` prefixes.

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
    /// Compares a request value with a policy value.
    pub fn test<T: PartialOrd>(self, request: T, policy: T) -> bool {
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

//! Condition operators, one test per family.
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

//! Parsing: shapes AWS accepts, and the value kept for display.

use super::*;
use crate::policy::context::RequestContext;

#[test]
fn statement_may_be_an_object_or_a_list() {
    let one = Policy::parse(
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#,
    )
    .unwrap();
    assert_eq!(one.statements().len(), 1);
    let many = Policy::parse(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Effect":"Deny","Action":"iam:*","Resource":"*"}]}"#,
    )
    .unwrap();
    assert_eq!(many.statements().len(), 2);
    assert_eq!(
        many.statements().get(1).map(Statement::effect),
        Some(Effect::Deny)
    );
}

#[test]
fn elements_may_be_strings_or_lists() {
    let p = Policy::parse(
        r#"{"Version":"2012-10-17","Statement":{"Sid":"S1","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"]}}"#,
    )
    .unwrap();
    let s = p.statements().first().unwrap();
    assert_eq!(s.sid(), Some("S1"));
    assert_eq!(s.action().unwrap().raw(), ["s3:GetObject", "s3:ListBucket"]);
    assert!(!s.action().unwrap().is_negated());
    assert_eq!(
        s.resource().unwrap().raw(),
        ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]
    );
}

#[test]
fn versions() {
    let v = |doc: &str| Policy::parse(doc).unwrap().version();
    assert_eq!(
        v(r#"{"Version":"2012-10-17","Statement":[]}"#),
        PolicyVersion::V2012_10_17
    );
    assert_eq!(
        v(r#"{"Version":"2008-10-17","Statement":[]}"#),
        PolicyVersion::V2008_10_17
    );
    assert_eq!(v(r#"{"Statement":[]}"#), PolicyVersion::V2008_10_17);
    // Version may come after Statement; variables still apply.
    let p = Policy::parse(r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}"},"Version":"2012-10-17","Id":"doc1"}"#).unwrap();
    assert_eq!(p.id(), Some("doc1"));
    let mut ctx = RequestContext::new();
    ctx.insert("aws:username", "alice");
    assert!(
        p.statements()
            .first()
            .unwrap()
            .resource()
            .unwrap()
            .applies_to("arn:aws:s3:::b/alice", &ctx)
    );
}

#[test]
fn principal_forms() {
    let p = Policy::parse(
        r#"{"Version":"2012-10-17","Statement":[
            {"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"},
            {"Effect":"Allow","Principal":{"AWS":["123456789012","arn:aws:iam::123456789012:role/R"],"Service":"ec2.amazonaws.com","Federated":"cognito-identity.amazonaws.com","CanonicalUser":"79a59df900b949e55d96a1e698fbaced"},"Action":"s3:*","Resource":"*"},
            {"Effect":"Deny","NotPrincipal":{"AWS":"*"},"Action":"s3:*","Resource":"*"}
        ]}"#,
    )
    .unwrap();
    let principals: Vec<&PrincipalElement> = p
        .statements()
        .iter()
        .filter_map(Statement::principal)
        .collect();
    let [star, map, not] = principals.as_slice() else {
        panic!("three principals")
    };
    assert!(star.is_wildcard() && !star.is_negated());
    let kinds: Vec<&str> = map.entries().iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        kinds,
        ["AWS", "AWS", "Service", "Federated", "CanonicalUser"]
    );
    assert!(not.is_negated());
}

#[test]
fn condition_values_may_be_strings_booleans_numbers_or_lists() {
    let p = Policy::parse(
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{
            "Bool":{"aws:SecureTransport":true},
            "NumericLessThan":{"s3:max-keys":10, "k:float": 2.5},
            "StringEquals":{"aws:username":["alice","bob"]}
        }}}"#,
    )
    .unwrap();
    let conditions: Vec<(&str, &str, Vec<&str>)> = p
        .statements()
        .first()
        .unwrap()
        .conditions()
        .iter()
        .map(|c| {
            (
                c.operator_name(),
                c.key(),
                c.values().iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        conditions,
        vec![
            ("Bool", "aws:SecureTransport", vec!["true"]),
            ("NumericLessThan", "s3:max-keys", vec!["10"]),
            ("NumericLessThan", "k:float", vec!["2.5"]),
            ("StringEquals", "aws:username", vec!["alice", "bob"]),
        ]
    );
}

#[test]
fn escaped_strings_are_decoded() {
    let p = Policy::parse(r#"{"Statement":{"Sid":"A\u0042","Effect":"Allow","Action":"s3:Get\u002A","Resource":"*"}}"#).unwrap();
    let s = p.statements().first().unwrap();
    assert_eq!(s.sid(), Some("AB"));
    assert!(s.action().unwrap().applies_to("s3:GetObject"));
}

#[test]
fn keeps_and_serializes_the_document_as_given() {
    let text =
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#;
    let p = Policy::parse(text).unwrap();
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(p.to_value(), &value);
    assert_eq!(serde_json::to_value(&p).unwrap(), value);
    let back: Policy = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(back, p);
    assert_eq!(Policy::from_value(&value).unwrap(), p);
    assert_eq!(p.clone(), p);
    let bad: Result<Policy, _> = serde_json::from_value(serde_json::json!({"Statement": 3}));
    assert_eq!(bad.unwrap_err().to_string(), "Syntax errors in policy.");
}

#[test]
fn duplicate_elements_are_syntax_errors() {
    let err = Policy::parse(
        r#"{"Statement":{"Effect":"Allow","Effect":"Deny","Action":"s3:*","Resource":"*"}}"#,
    )
    .unwrap_err();
    assert_eq!(err.message, "Syntax errors in policy.");
}

//! Property tests of the policy evaluator (IUG "Policy evaluation logic"):
//! an applicable explicit Deny always wins; without an applicable Allow the
//! decision is never Allow; a permissions boundary, an SCP level or a Deny
//! statement never turns a denial into an Allow; actions match
//! case-insensitively; and parsing and evaluation never panic on arbitrary
//! JSON or text.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use iamsim_engine::evalline::{EvalResult, evaluate_line, parse_request_line};
use iamsim_engine::policy::{Decision, Policy, PolicyUse};
use proptest::prelude::*;
use serde_json::{Value, json};

const ACCOUNT: &str = "123456789012";

/// Concrete actions a request may name (never sts:GetCallerIdentity, which
/// is always allowed).
const ACTIONS: &[&str] = &[
    "s3:GetObject",
    "s3:PutObject",
    "s3:ListBucket",
    "iam:CreateUser",
    "ec2:RunInstances",
    "sts:AssumeRole",
];
/// Action patterns a statement may name.
const ACTION_PATTERNS: &[&str] = &[
    "s3:GetObject",
    "S3:GETOBJECT",
    "s3:Get*",
    "s3:*Object",
    "s3:*",
    "*",
    "iam:*",
    "ec2:Run?nstances",
    "sts:AssumeRole",
];
const RESOURCES: &[&str] = &[
    "arn:aws:s3:::bucket/key",
    "arn:aws:s3:::bucket/dir/key",
    "arn:aws:s3:::bucket",
    "arn:aws:iam::123456789012:user/bob",
    "*",
];
const RESOURCE_PATTERNS: &[&str] = &[
    "*",
    "arn:aws:s3:::bucket/*",
    "arn:aws:s3:::bucket/key",
    "arn:aws:s3:::bucket*",
    "arn:aws:s3:::other/*",
    "arn:aws:iam::*:user/*",
    "arn:aws:s3:::bucket/${aws:username}/*",
];
const PRINCIPALS: &[&str] = &[
    "arn:aws:iam::123456789012:user/alice",
    "arn:aws:sts::123456789012:assumed-role/app-role/i-0123456789abcdef0",
    "arn:aws:iam::111122223333:user/carol",
];
const PRINCIPAL_ELEMENTS: &[&str] = &[
    "*",
    "arn:aws:iam::123456789012:user/alice",
    "arn:aws:iam::123456789012:role/app-role",
    "111122223333",
    "arn:aws:iam::123456789012:root",
];

fn pick(list: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    proptest::sample::select(list)
}

fn condition() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        3 => Just(None),
        1 => Just(Some(json!({"StringEquals": {"aws:username": "alice"}}))),
        1 => Just(Some(json!({"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}))),
        1 => Just(Some(json!({"Bool": {"aws:SecureTransport": "true"}}))),
        1 => Just(Some(json!({"Null": {"aws:TokenIssueTime": "true"}}))),
        1 => Just(Some(json!({"StringNotEqualsIfExists": {"aws:RequestedRegion": "eu-west-1"}}))),
        1 => Just(Some(json!({"ForAllValues:StringEquals": {"aws:TagKeys": ["env", "team"]}}))),
        1 => Just(Some(json!({"ForAnyValue:StringLike": {"aws:TagKeys": ["e*"]}}))),
        1 => Just(Some(json!({"DateGreaterThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}}))),
        1 => Just(Some(json!({"NumericLessThan": {"s3:max-keys": "10"}}))),
    ]
}

/// One statement; `principal` adds a Principal element (resource policies).
fn statement(effect: &'static str, principal: bool) -> impl Strategy<Value = Value> {
    (
        any::<bool>(),
        proptest::collection::vec(pick(ACTION_PATTERNS), 1..3),
        any::<bool>(),
        proptest::collection::vec(pick(RESOURCE_PATTERNS), 1..3),
        condition(),
        pick(PRINCIPAL_ELEMENTS),
    )
        .prop_map(
            move |(not_action, actions, not_resource, resources, cond, who)| {
                let mut s = serde_json::Map::new();
                s.insert("Effect".into(), json!(effect));
                if principal {
                    s.insert("Principal".into(), json!({ "AWS": who }));
                }
                let action_key = if not_action { "NotAction" } else { "Action" };
                s.insert(action_key.into(), json!(actions));
                let resource_key = if not_resource {
                    "NotResource"
                } else {
                    "Resource"
                };
                s.insert(resource_key.into(), json!(resources));
                if let Some(c) = cond {
                    s.insert("Condition".into(), c);
                }
                Value::Object(s)
            },
        )
}

fn any_statement(principal: bool) -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => statement("Allow", principal),
        1 => statement("Deny", principal),
    ]
}

fn policy_of(statements: impl Strategy<Value = Value>) -> impl Strategy<Value = Value> {
    proptest::collection::vec(statements, 0..4)
        .prop_map(|s| json!({"Version": "2012-10-17", "Statement": s}))
}

fn optional_policy(principal: bool) -> impl Strategy<Value = Value> {
    prop_oneof![
        1 => Just(Value::Null),
        1 => policy_of(any_statement(principal)),
    ]
}

fn context() -> impl Strategy<Value = Value> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        proptest::option::of(proptest::collection::vec(
            pick(&["env", "team", "owner"]),
            0..3,
        )),
    )
        .prop_map(|(user, ip, tls, tags)| {
            let mut c = serde_json::Map::new();
            if user {
                c.insert("aws:username".into(), json!("alice"));
            }
            c.insert(
                "aws:SourceIp".into(),
                json!(if ip { "203.0.113.9" } else { "198.51.100.1" }),
            );
            c.insert("aws:SecureTransport".into(), json!(tls));
            c.insert("aws:CurrentTime".into(), json!("2026-11-22T10:00:00Z"));
            if let Some(tags) = tags {
                c.insert("aws:TagKeys".into(), json!(tags));
            }
            Value::Object(c)
        })
}

/// A whole request line (as JSON) with random policies of every type.
fn request_line() -> impl Strategy<Value = Value> {
    (
        proptest::collection::vec(policy_of(any_statement(false)), 0..3),
        optional_policy(true),
        optional_policy(false),
        proptest::collection::vec(policy_of(any_statement(false)), 0..3),
        optional_policy(false),
        pick(PRINCIPALS),
        pick(ACTIONS),
        pick(RESOURCES),
        context(),
    )
        .prop_map(
            |(
                identity,
                resource,
                boundary,
                scps,
                session,
                principal,
                action,
                resource_arn,
                ctx,
            )| {
                json!({
                    "identity_policies": identity,
                    "resource_policy": resource,
                    "resource_is_trust_policy": false,
                    "permission_boundary": boundary,
                    "scps": scps,
                    "session_policy": session,
                    "principal": principal,
                    "action": action,
                    "resource": resource_arn,
                    "resource_account": ACCOUNT,
                    "context": ctx,
                })
            },
        )
}

fn eval(line: &Value) -> EvalResult {
    let request = parse_request_line(&line.to_string())
        .unwrap_or_else(|e| panic!("generated line rejected: {e}\n{line}"));
    evaluate_line(&request)
}

/// A Deny statement that certainly applies to the line's request.
fn applicable_deny(line: &Value, principal: bool) -> Value {
    let mut s = json!({
        "Effect": "Deny",
        "Action": line["action"],
        "Resource": line["resource"],
    });
    if principal {
        s["Principal"] = json!("*");
    }
    s
}

/// Adds `statement` to one policy slot of the line (0 identity, 1 resource,
/// 2 boundary, 3 first SCP level, 4 session), creating the policy if needed.
fn push_statement(line: &mut Value, slot: usize, statement: Value) {
    let doc = |stmts: Vec<Value>| json!({"Version": "2012-10-17", "Statement": stmts});
    match slot % 5 {
        0 => line["identity_policies"]
            .as_array_mut()
            .unwrap()
            .push(doc(vec![statement])),
        1 => {
            let mut s = statement;
            if s.get("Principal").is_none() {
                s["Principal"] = json!("*");
            }
            match line["resource_policy"]["Statement"].as_array_mut() {
                Some(list) => list.push(s),
                None => line["resource_policy"] = doc(vec![s]),
            }
        }
        2 => match line["permission_boundary"]["Statement"].as_array_mut() {
            Some(list) => list.push(statement),
            None => line["permission_boundary"] = doc(vec![statement]),
        },
        3 => {
            let scps = line["scps"].as_array_mut().unwrap();
            match scps.first_mut() {
                Some(first) => first["Statement"].as_array_mut().unwrap().push(statement),
                None => scps.push(doc(vec![statement])),
            }
        }
        _ => match line["session_policy"]["Statement"].as_array_mut() {
            Some(list) => list.push(statement),
            None => line["session_policy"] = doc(vec![statement]),
        },
    }
}

fn strip_allows(line: &mut Value) {
    fn strip(doc: &mut Value) {
        if let Some(list) = doc.get_mut("Statement").and_then(Value::as_array_mut) {
            list.retain(|s| s["Effect"] != "Allow");
        }
    }
    for field in ["identity_policies", "scps"] {
        for doc in line[field].as_array_mut().unwrap() {
            strip(doc);
        }
    }
    for field in ["resource_policy", "permission_boundary", "session_policy"] {
        strip(&mut line[field]);
    }
}

fn random_case(text: &str, flips: &[bool]) -> String {
    text.chars()
        .zip(flips.iter().cycle())
        .map(|(c, &up)| {
            if up {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// Arbitrary JSON values, nested a few levels.
fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".*".prop_map(Value::from),
        pick(&[
            "Version",
            "2012-10-17",
            "2008-10-17",
            "Statement",
            "Effect",
            "Allow",
            "Deny",
            "Action",
            "NotAction",
            "Resource",
            "NotResource",
            "Principal",
            "NotPrincipal",
            "Condition",
            "AWS",
            "Service",
            "*",
            "s3:*",
            "${aws:username}",
            "${*}",
            "${aws:x, 'd'}",
            "StringLike",
            "ForAllValues:StringEquals",
            "IpAddressIfExists",
            "Null",
            "aws:SourceIp",
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(
                pick(&[
                    "Version",
                    "Statement",
                    "Effect",
                    "Action",
                    "NotAction",
                    "Resource",
                    "NotResource",
                    "Principal",
                    "NotPrincipal",
                    "Condition",
                    "Sid",
                    "Id",
                    "AWS",
                    "Service",
                    "Federated",
                    "StringEquals",
                    "StringLike",
                    "ArnLike",
                    "IpAddress",
                    "DateLessThan",
                    "NumericEquals",
                    "Bool",
                    "BinaryEquals",
                    "Null",
                    "ForAnyValue:StringEquals",
                    "aws:SourceIp",
                    "aws:username",
                    "x",
                ])
                .prop_map(str::to_owned),
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

const USES: [PolicyUse; 6] = [
    PolicyUse::Identity,
    PolicyUse::Trust,
    PolicyUse::Resource,
    PolicyUse::PermissionsBoundary,
    PolicyUse::ServiceControl,
    PolicyUse::Session,
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// IUG: "an explicit deny in any of these policies overrides the allow",
    /// whichever policy type it is in.
    #[test]
    fn an_applicable_explicit_deny_always_wins(mut line in request_line(), slot in 0usize..5) {
        let deny = applicable_deny(&line, slot % 5 == 1);
        push_statement(&mut line, slot, deny);
        let result = eval(&line);
        prop_assert_eq!(result.evaluation.decision, Decision::ExplicitDeny, "{}", line);
    }

    /// IUG: "By default, all requests are implicitly denied" (the root user
    /// and sts:GetCallerIdentity are not generated).
    #[test]
    fn without_an_applicable_allow_the_decision_is_never_allow(mut line in request_line()) {
        strip_allows(&mut line);
        let result = eval(&line);
        prop_assert_ne!(result.evaluation.decision, Decision::Allow, "{}", line);
    }

    /// A boundary sets maximum permissions: adding one never grants.
    #[test]
    fn adding_a_boundary_never_turns_a_denial_into_allow(
        mut line in request_line(),
        boundary in policy_of(any_statement(false)),
    ) {
        line["permission_boundary"] = Value::Null;
        let before = eval(&line).evaluation.decision;
        let mut with = line.clone();
        with["permission_boundary"] = boundary;
        let after = eval(&with).evaluation.decision;
        if before != Decision::Allow {
            prop_assert_ne!(after, Decision::Allow, "{}", with);
        }
    }

    /// SCPs never grant: adding an organisation level never turns a denial
    /// into Allow.
    #[test]
    fn adding_an_scp_level_never_turns_a_denial_into_allow(
        line in request_line(),
        scp in policy_of(any_statement(false)),
    ) {
        let before = eval(&line).evaluation.decision;
        let mut with = line.clone();
        with["scps"].as_array_mut().unwrap().push(scp);
        let after = eval(&with).evaluation.decision;
        if before != Decision::Allow {
            prop_assert_ne!(after, Decision::Allow, "{}", with);
        }
    }

    /// Adding a Deny statement anywhere never turns a denial into Allow.
    #[test]
    fn adding_a_deny_never_turns_a_denial_into_allow(
        line in request_line(),
        deny in statement("Deny", false),
        slot in 0usize..5,
    ) {
        let before = eval(&line).evaluation.decision;
        let mut with = line.clone();
        push_statement(&mut with, slot, deny);
        let after = eval(&with).evaluation.decision;
        if before != Decision::Allow {
            prop_assert_ne!(after, Decision::Allow, "{}", with);
        }
        if before == Decision::ExplicitDeny {
            prop_assert_eq!(after, Decision::ExplicitDeny, "{}", with);
        }
    }

    /// IUG "IAM JSON policy elements: Action": action names are
    /// case-insensitive, in the request and in the policy.
    #[test]
    fn action_matching_is_case_insensitive(
        line in request_line(),
        flips in proptest::collection::vec(any::<bool>(), 1..8),
    ) {
        let before = eval(&line);
        let mut with = line.clone();
        let action = with["action"].as_str().unwrap().to_owned();
        with["action"] = json!(random_case(&action, &flips));
        let after = eval(&with);
        prop_assert_eq!(before.evaluation.decision, after.evaluation.decision, "{}", with);
    }

    /// Policy parsing never panics on arbitrary text.
    #[test]
    fn parsing_arbitrary_text_never_panics(text in ".*") {
        let _ = Policy::parse(&text);
        for use_ in USES {
            let _ = Policy::parse_for(&text, use_);
        }
        let _ = parse_request_line(&text);
    }

    /// Parsing and, when a line is accepted, evaluating never panic on
    /// arbitrary JSON put where policies, the context and the request go.
    #[test]
    fn arbitrary_json_never_panics(
        doc in arbitrary_json(),
        ctx in arbitrary_json(),
        base in request_line(),
        slot in 0usize..6,
    ) {
        let _ = Policy::from_value(&doc);
        for use_ in USES {
            let _ = Policy::parse_for(&doc.to_string(), use_);
        }
        let mut line = base;
        match slot {
            0 => line["identity_policies"] = json!([doc]),
            1 => line["resource_policy"] = doc,
            2 => line["permission_boundary"] = doc,
            3 => line["scps"] = json!([doc]),
            4 => line["session_policy"] = doc,
            _ => line["context"] = ctx.clone(),
        }
        if let Ok(request) = parse_request_line(&line.to_string()) {
            let result = evaluate_line(&request);
            let _ = result.to_json_line(true);
        }
    }
}

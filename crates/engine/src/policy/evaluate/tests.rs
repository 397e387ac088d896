//! Evaluation logic: precedence, policy types, accounts, trust policies.

use super::*;
use crate::policy::explain::render;

const ACCT: &str = "123456789012";
const USER: &str = "arn:aws:iam::123456789012:user/alice";
const ROLE: &str = "arn:aws:iam::123456789012:role/Web";
const SESSION: &str = "arn:aws:sts::123456789012:assumed-role/Web/i-0abc";
const OTHER_USER: &str = "arn:aws:iam::111122223333:user/bob";
const OBJECT: &str = "arn:aws:s3:::bucket/report.txt";

fn policy(statements: &str) -> Policy {
    Policy::parse(&format!(
        r#"{{"Version":"2012-10-17","Statement":[{statements}]}}"#
    ))
    .unwrap()
}

fn allow(action: &str, resource: &str) -> Policy {
    policy(&format!(
        r#"{{"Effect":"Allow","Action":"{action}","Resource":"{resource}"}}"#
    ))
}

fn deny(action: &str, resource: &str) -> Policy {
    policy(&format!(
        r#"{{"Effect":"Deny","Action":"{action}","Resource":"{resource}"}}"#
    ))
}

fn bucket(effect: &str, principal: &str, action: &str) -> Policy {
    policy(&format!(
        r#"{{"Effect":"{effect}","Principal":{principal},"Action":"{action}","Resource":"arn:aws:s3:::bucket/*"}}"#
    ))
}

fn named(policy: &Policy) -> NamedPolicy<'_> {
    NamedPolicy { name: "p", policy }
}

fn eval_ctx(
    principal: &str,
    action: &str,
    resource: &str,
    ctx: &RequestContext,
    set: &PolicySet<'_>,
) -> Evaluation {
    let request = Request {
        principal,
        action,
        resource,
        context: ctx,
        resource_account: None,
    };
    evaluate(&request, set)
}

fn eval(principal: &str, action: &str, set: &PolicySet<'_>) -> Evaluation {
    eval_ctx(principal, action, OBJECT, &RequestContext::new(), set)
}

fn outcome(e: &Evaluation) -> (Decision, Option<PolicyType>) {
    (e.decision, e.decided_by)
}

#[test]
fn identity_allow_and_implicit_deny() {
    let p = allow("s3:GetObject", "arn:aws:s3:::bucket/*");
    let set = PolicySet {
        identity: vec![named(&p)],
        ..PolicySet::default()
    };
    let e = eval(USER, "s3:GetObject", &set);
    assert!(e.is_allowed());
    assert_eq!(outcome(&e), (Decision::Allow, Some(PolicyType::Identity)));
    assert_eq!(e.reason(), None);
    let e = eval(USER, "s3:PutObject", &set);
    assert_eq!(
        outcome(&e),
        (Decision::ImplicitDeny, Some(PolicyType::Identity))
    );
    assert_eq!(
        e.reason().as_deref(),
        Some("because no identity-based policy allows the s3:PutObject action")
    );
    let none = eval(USER, "s3:GetObject", &PolicySet::default());
    assert_eq!(
        outcome(&none),
        (Decision::ImplicitDeny, Some(PolicyType::Identity))
    );
}

#[test]
fn explicit_deny_wins_everywhere() {
    let a = allow("*", "*");
    let d = deny("s3:*", "*");
    let cases: [(PolicySet<'_>, PolicyType, &str); 5] = [
        (
            PolicySet {
                identity: vec![named(&a), named(&d)],
                ..PolicySet::default()
            },
            PolicyType::Identity,
            "with an explicit deny in an identity-based policy",
        ),
        (
            PolicySet {
                identity: vec![named(&a)],
                boundary: Some(named(&d)),
                ..PolicySet::default()
            },
            PolicyType::PermissionsBoundary,
            "with an explicit deny in a permissions boundary",
        ),
        (
            PolicySet {
                identity: vec![named(&a)],
                session: Some(named(&d)),
                ..PolicySet::default()
            },
            PolicyType::Session,
            "with an explicit deny in a session policy",
        ),
        (
            PolicySet {
                identity: vec![named(&a)],
                scps: vec![named(&a), named(&d)],
                ..PolicySet::default()
            },
            PolicyType::ServiceControl,
            "with an explicit deny in a service control policy",
        ),
        (
            PolicySet {
                identity: vec![named(&a)],
                ..PolicySet::default()
            },
            PolicyType::Resource,
            "with an explicit deny in a resource-based policy",
        ),
    ];
    let deny_bucket = bucket("Deny", r#""*""#, "s3:*");
    for (mut set, ty, reason) in cases {
        if ty == PolicyType::Resource {
            set.resource = Some(named(&deny_bucket));
        }
        let e = eval(USER, "s3:GetObject", &set);
        assert_eq!(outcome(&e), (Decision::ExplicitDeny, Some(ty)));
        assert_eq!(e.reason().as_deref(), Some(reason));
    }
}

#[test]
fn get_caller_identity_is_always_allowed() {
    let d = deny("*", "*");
    let set = PolicySet {
        identity: vec![named(&d)],
        ..PolicySet::default()
    };
    let e = eval_ctx(
        SESSION,
        "sts:GetCallerIdentity",
        "*",
        &RequestContext::new(),
        &set,
    );
    assert_eq!(outcome(&e), (Decision::Allow, None));
    assert!(eval(SESSION, "STS:getcalleridentity", &PolicySet::default()).is_allowed());
}

#[test]
fn every_scp_level_must_allow() {
    let a = allow("*", "*");
    let ec2_only = allow("ec2:*", "*");
    let set = PolicySet {
        identity: vec![named(&a)],
        scps: vec![named(&a), named(&ec2_only)],
        ..PolicySet::default()
    };
    let e = eval(USER, "s3:GetObject", &set);
    assert_eq!(
        outcome(&e),
        (Decision::ImplicitDeny, Some(PolicyType::ServiceControl))
    );
    assert_eq!(
        e.reason().as_deref(),
        Some("because no service control policy allows the s3:GetObject action")
    );
    let set = PolicySet {
        identity: vec![named(&a)],
        scps: vec![named(&a), named(&a)],
        ..PolicySet::default()
    };
    assert!(eval(USER, "s3:GetObject", &set).is_allowed());
}

#[test]
fn boundary_and_session_limit_identity_permissions() {
    let a = allow("s3:*", "*");
    let ec2 = allow("ec2:*", "*");
    let set = PolicySet {
        identity: vec![named(&a)],
        boundary: Some(named(&ec2)),
        ..PolicySet::default()
    };
    let e = eval(SESSION, "s3:GetObject", &set);
    assert_eq!(
        outcome(&e),
        (
            Decision::ImplicitDeny,
            Some(PolicyType::PermissionsBoundary)
        )
    );
    assert_eq!(
        e.reason().as_deref(),
        Some("because no permissions boundary allows the s3:GetObject action")
    );
    let set = PolicySet {
        identity: vec![named(&a)],
        session: Some(named(&ec2)),
        ..PolicySet::default()
    };
    let e = eval(SESSION, "s3:GetObject", &set);
    assert_eq!(
        outcome(&e),
        (Decision::ImplicitDeny, Some(PolicyType::Session))
    );
    assert_eq!(
        e.reason().as_deref(),
        Some("because no session policy allows the s3:GetObject action")
    );
    // A boundary alone grants nothing.
    let set = PolicySet {
        boundary: Some(named(&a)),
        ..PolicySet::default()
    };
    assert_eq!(
        outcome(&eval(USER, "s3:GetObject", &set)),
        (Decision::ImplicitDeny, Some(PolicyType::Identity))
    );
    let set = PolicySet {
        identity: vec![named(&a)],
        boundary: Some(named(&a)),
        session: Some(named(&a)),
        ..PolicySet::default()
    };
    assert!(eval(SESSION, "s3:GetObject", &set).is_allowed());
}

#[test]
fn same_account_resource_policy_naming_the_user_grants_alone() {
    let b = bucket("Allow", &format!(r#"{{"AWS":"{USER}"}}"#), "s3:GetObject");
    let ec2 = allow("ec2:*", "*");
    let set = PolicySet {
        resource: Some(named(&b)),
        boundary: Some(named(&ec2)),
        ..PolicySet::default()
    };
    let e = eval(USER, "s3:GetObject", &set);
    assert_eq!(outcome(&e), (Decision::Allow, Some(PolicyType::Resource)));
}

#[test]
fn resource_policy_naming_the_role_is_limited_by_boundary_and_session() {
    let b = bucket("Allow", &format!(r#"{{"AWS":"{ROLE}"}}"#), "s3:GetObject");
    let ec2 = allow("ec2:*", "*");
    // No identity policy needed.
    let set = PolicySet {
        resource: Some(named(&b)),
        ..PolicySet::default()
    };
    assert_eq!(
        outcome(&eval(SESSION, "s3:GetObject", &set)),
        (Decision::Allow, Some(PolicyType::Resource))
    );
    let set = PolicySet {
        resource: Some(named(&b)),
        session: Some(named(&ec2)),
        ..PolicySet::default()
    };
    assert_eq!(
        outcome(&eval(SESSION, "s3:GetObject", &set)),
        (Decision::ImplicitDeny, Some(PolicyType::Session))
    );
    let set = PolicySet {
        resource: Some(named(&b)),
        boundary: Some(named(&ec2)),
        ..PolicySet::default()
    };
    assert_eq!(
        outcome(&eval(SESSION, "s3:GetObject", &set)),
        (
            Decision::ImplicitDeny,
            Some(PolicyType::PermissionsBoundary)
        )
    );
}

#[test]
fn resource_policy_naming_the_session_is_not_limited() {
    let b = bucket(
        "Allow",
        &format!(r#"{{"AWS":"{SESSION}"}}"#),
        "s3:GetObject",
    );
    let ec2 = allow("ec2:*", "*");
    let set = PolicySet {
        resource: Some(named(&b)),
        session: Some(named(&ec2)),
        boundary: Some(named(&ec2)),
        ..PolicySet::default()
    };
    assert_eq!(
        outcome(&eval(SESSION, "s3:GetObject", &set)),
        (Decision::Allow, Some(PolicyType::Resource))
    );
    let other = "arn:aws:sts::123456789012:assumed-role/Web/i-0def";
    assert_eq!(
        outcome(&eval(other, "s3:GetObject", &set)),
        (Decision::ImplicitDeny, Some(PolicyType::Identity))
    );
}

#[test]
fn resource_policy_naming_the_account_delegates_to_identity() {
    for principal in [
        format!(r#"{{"AWS":"{ACCT}"}}"#),
        format!(r#"{{"AWS":"arn:aws:iam::{ACCT}:root"}}"#),
    ] {
        let b = bucket("Allow", &principal, "s3:GetObject");
        let set = PolicySet {
            resource: Some(named(&b)),
            ..PolicySet::default()
        };
        assert_eq!(
            outcome(&eval(USER, "s3:GetObject", &set)),
            (Decision::ImplicitDeny, Some(PolicyType::Identity))
        );
        let a = allow("s3:GetObject", "*");
        let set = PolicySet {
            resource: Some(named(&b)),
            identity: vec![named(&a)],
            ..PolicySet::default()
        };
        assert_eq!(
            outcome(&eval(USER, "s3:GetObject", &set)),
            (Decision::Allow, Some(PolicyType::Identity))
        );
    }
}

#[test]
fn public_resource_policy_grants_alone() {
    let b = bucket("Allow", r#""*""#, "s3:GetObject");
    let set = PolicySet {
        resource: Some(named(&b)),
        ..PolicySet::default()
    };
    assert!(eval(USER, "s3:GetObject", &set).is_allowed());
    assert!(!eval(USER, "s3:PutObject", &set).is_allowed());
}

#[test]
fn cross_account_needs_both_sides() {
    let b = bucket(
        "Allow",
        &format!(r#"{{"AWS":"{OTHER_USER}"}}"#),
        "s3:GetObject",
    );
    let a = allow("s3:GetObject", "*");
    let ctx = RequestContext::new();
    let request = |set: &PolicySet<'_>| {
        evaluate(
            &Request {
                principal: OTHER_USER,
                action: "s3:GetObject",
                resource: OBJECT,
                context: &ctx,
                resource_account: Some(ACCT),
            },
            set,
        )
    };
    let only_resource = PolicySet {
        resource: Some(named(&b)),
        ..PolicySet::default()
    };
    assert_eq!(
        outcome(&request(&only_resource)),
        (Decision::ImplicitDeny, Some(PolicyType::Identity))
    );
    let only_identity = PolicySet {
        identity: vec![named(&a)],
        ..PolicySet::default()
    };
    let e = request(&only_identity);
    assert_eq!(
        outcome(&e),
        (Decision::ImplicitDeny, Some(PolicyType::Resource))
    );
    assert_eq!(
        e.reason().as_deref(),
        Some("because no resource-based policy allows the s3:GetObject action")
    );
    let both = PolicySet {
        identity: vec![named(&a)],
        resource: Some(named(&b)),
        ..PolicySet::default()
    };
    assert_eq!(
        outcome(&request(&both)),
        (Decision::Allow, Some(PolicyType::Identity))
    );
    // The account can also come from the resource ARN or the context.
    let mut ctx2 = RequestContext::new();
    ctx2.insert("aws:ResourceAccount", ACCT);
    let e = eval_ctx(OTHER_USER, "s3:GetObject", OBJECT, &ctx2, &only_identity);
    assert_eq!(
        outcome(&e),
        (Decision::ImplicitDeny, Some(PolicyType::Resource))
    );
    let e = eval_ctx(
        OTHER_USER,
        "iam:GetRole",
        ROLE,
        &RequestContext::new(),
        &PolicySet {
            identity: vec![named(&allow("iam:*", "*"))],
            ..PolicySet::default()
        },
    );
    assert_eq!(
        outcome(&e),
        (Decision::ImplicitDeny, Some(PolicyType::Resource))
    );
}

fn trust(principal: &str) -> Policy {
    Policy::parse(&format!(
        r#"{{"Version":"2012-10-17","Statement":{{"Effect":"Allow","Principal":{principal},"Action":"sts:AssumeRole"}}}}"#
    ))
    .unwrap()
}

fn assume(principal: &str, set: &PolicySet<'_>) -> Evaluation {
    eval_ctx(
        principal,
        "sts:AssumeRole",
        ROLE,
        &RequestContext::new(),
        set,
    )
}

#[test]
fn trust_policy_for_ec2() {
    let t = trust(r#"{"Service":"ec2.amazonaws.com"}"#);
    let set = PolicySet {
        resource: Some(named(&t)),
        resource_is_trust_policy: true,
        ..PolicySet::default()
    };
    assert_eq!(
        outcome(&assume("ec2.amazonaws.com", &set)),
        (Decision::Allow, Some(PolicyType::Resource))
    );
    let e = assume("lambda.amazonaws.com", &set);
    assert_eq!(
        outcome(&e),
        (Decision::ImplicitDeny, Some(PolicyType::Resource))
    );
}

#[test]
fn trust_policy_naming_the_account_needs_identity() {
    let t = trust(&format!(r#"{{"AWS":"arn:aws:iam::{ACCT}:root"}}"#));
    let set = PolicySet {
        resource: Some(named(&t)),
        resource_is_trust_policy: true,
        ..PolicySet::default()
    };
    assert_eq!(
        outcome(&assume(USER, &set)),
        (Decision::ImplicitDeny, Some(PolicyType::Identity))
    );
    let a = allow("sts:AssumeRole", ROLE);
    let set = PolicySet {
        identity: vec![named(&a)],
        resource: Some(named(&t)),
        resource_is_trust_policy: true,
        ..PolicySet::default()
    };
    assert_eq!(
        outcome(&assume(USER, &set)),
        (Decision::Allow, Some(PolicyType::Identity))
    );
}

#[test]
fn trust_policy_naming_the_user_grants_in_the_same_account() {
    let t = trust(&format!(r#"{{"AWS":"{USER}"}}"#));
    let set = PolicySet {
        resource: Some(named(&t)),
        resource_is_trust_policy: true,
        ..PolicySet::default()
    };
    assert_eq!(
        outcome(&assume(USER, &set)),
        (Decision::Allow, Some(PolicyType::Resource))
    );
    // Identity policies alone never let anyone assume a role.
    let a = allow("sts:AssumeRole", "*");
    let t2 = trust(r#"{"AWS":"arn:aws:iam::123456789012:user/carol"}"#);
    let set = PolicySet {
        identity: vec![named(&a)],
        resource: Some(named(&t2)),
        resource_is_trust_policy: true,
        ..PolicySet::default()
    };
    let e = assume(USER, &set);
    assert_eq!(
        outcome(&e),
        (Decision::ImplicitDeny, Some(PolicyType::Resource))
    );
}

#[test]
fn trust_policy_with_wildcard_principal_needs_identity() {
    let t = trust(r#"{"AWS":"*"}"#);
    let set = PolicySet {
        resource: Some(named(&t)),
        resource_is_trust_policy: true,
        ..PolicySet::default()
    };
    assert_eq!(
        outcome(&assume(USER, &set)),
        (Decision::ImplicitDeny, Some(PolicyType::Identity))
    );
}

#[test]
fn cross_account_assume_role_needs_identity() {
    let t = trust(&format!(r#"{{"AWS":"{OTHER_USER}"}}"#));
    let set = PolicySet {
        resource: Some(named(&t)),
        resource_is_trust_policy: true,
        ..PolicySet::default()
    };
    assert_eq!(
        outcome(&assume(OTHER_USER, &set)),
        (Decision::ImplicitDeny, Some(PolicyType::Identity))
    );
    let a = allow("sts:AssumeRole", ROLE);
    let set = PolicySet {
        identity: vec![named(&a)],
        resource: Some(named(&t)),
        resource_is_trust_policy: true,
        ..PolicySet::default()
    };
    assert!(assume(OTHER_USER, &set).is_allowed());
}

#[test]
fn not_principal_deny_in_bucket_policy() {
    let b = policy(&format!(
        r#"{{"Effect":"Deny","NotPrincipal":{{"AWS":["{USER}","arn:aws:iam::{ACCT}:root"]}},"Action":"s3:*","Resource":"arn:aws:s3:::bucket/*"}}"#
    ));
    let a = allow("s3:*", "*");
    let set = PolicySet {
        identity: vec![named(&a)],
        resource: Some(named(&b)),
        ..PolicySet::default()
    };
    assert!(eval(USER, "s3:GetObject", &set).is_allowed());
    let bob = "arn:aws:iam::123456789012:user/bob";
    assert_eq!(
        outcome(&eval(bob, "s3:GetObject", &set)),
        (Decision::ExplicitDeny, Some(PolicyType::Resource))
    );
    // Without the account in the list, even the listed user is denied.
    let user_only = policy(&format!(
        r#"{{"Effect":"Deny","NotPrincipal":{{"AWS":"{USER}"}},"Action":"s3:*","Resource":"arn:aws:s3:::bucket/*"}}"#
    ));
    let set = PolicySet {
        identity: vec![named(&a)],
        resource: Some(named(&user_only)),
        ..PolicySet::default()
    };
    assert_eq!(
        eval(USER, "s3:GetObject", &set).decision,
        Decision::ExplicitDeny
    );
    // With a permissions boundary, NotPrincipal with Deny always denies.
    let set = PolicySet {
        identity: vec![named(&a)],
        resource: Some(named(&b)),
        boundary: Some(named(&a)),
        ..PolicySet::default()
    };
    assert_eq!(
        eval(USER, "s3:GetObject", &set).decision,
        Decision::ExplicitDeny
    );
}

#[test]
fn root_user_has_full_access_to_its_account() {
    let root = "arn:aws:iam::123456789012:root";
    let e = eval(root, "s3:DeleteBucket", &PolicySet::default());
    assert_eq!(outcome(&e), (Decision::Allow, None));
    let d = bucket("Deny", r#""*""#, "s3:*");
    let set = PolicySet {
        resource: Some(named(&d)),
        ..PolicySet::default()
    };
    assert_eq!(
        eval(root, "s3:GetObject", &set).decision,
        Decision::ExplicitDeny
    );
    let ec2 = allow("ec2:*", "*");
    let set = PolicySet {
        scps: vec![named(&ec2)],
        ..PolicySet::default()
    };
    assert_eq!(
        outcome(&eval(root, "s3:GetObject", &set)),
        (Decision::ImplicitDeny, Some(PolicyType::ServiceControl))
    );
    // Another account's root gets nothing here without a resource policy.
    let other_root = "arn:aws:iam::111122223333:root";
    let ctx = RequestContext::new();
    let e = evaluate(
        &Request {
            principal: other_root,
            action: "s3:GetObject",
            resource: OBJECT,
            context: &ctx,
            resource_account: Some(ACCT),
        },
        &PolicySet::default(),
    );
    assert_eq!(e.decision, Decision::ImplicitDeny);
    // ... but the resource policy of the other account can grant it.
    let b = bucket("Allow", r#"{"AWS":"111122223333"}"#, "s3:GetObject");
    let set = PolicySet {
        resource: Some(named(&b)),
        ..PolicySet::default()
    };
    let e = evaluate(
        &Request {
            principal: other_root,
            action: "s3:GetObject",
            resource: OBJECT,
            context: &ctx,
            resource_account: Some(ACCT),
        },
        &set,
    );
    assert_eq!(outcome(&e), (Decision::Allow, Some(PolicyType::Identity)));
    // The root user cannot assume roles.
    let t = trust(&format!(r#"{{"AWS":"arn:aws:iam::{ACCT}:root"}}"#));
    let set = PolicySet {
        resource: Some(named(&t)),
        resource_is_trust_policy: true,
        ..PolicySet::default()
    };
    assert_eq!(assume(root, &set).decision, Decision::ImplicitDeny);
}

#[test]
fn action_matching_is_case_insensitive_with_wildcards() {
    let p = allow("S3:get*", "*");
    let set = PolicySet {
        identity: vec![named(&p)],
        ..PolicySet::default()
    };
    assert!(eval(USER, "s3:GetObject", &set).is_allowed());
    assert!(eval(USER, "s3:GETOBJECTACL", &set).is_allowed());
    assert!(!eval(USER, "s3:PutObject", &set).is_allowed());
    let q = allow("s3:?etObject", "*");
    let set = PolicySet {
        identity: vec![named(&q)],
        ..PolicySet::default()
    };
    assert!(eval(USER, "s3:GetObject", &set).is_allowed());
    assert!(!eval(USER, "s3:GetObjectAcl", &set).is_allowed());
}

#[test]
fn resource_matching_is_case_sensitive_and_star_crosses_slashes() {
    let p = allow("s3:GetObject", "arn:aws:s3:::bucket/*");
    let set = PolicySet {
        identity: vec![named(&p)],
        ..PolicySet::default()
    };
    let ctx = RequestContext::new();
    assert!(
        eval_ctx(
            USER,
            "s3:GetObject",
            "arn:aws:s3:::bucket/a/b/c.txt",
            &ctx,
            &set
        )
        .is_allowed()
    );
    assert!(!eval_ctx(USER, "s3:GetObject", "arn:aws:s3:::Bucket/a", &ctx, &set).is_allowed());
    assert!(!eval_ctx(USER, "s3:GetObject", "arn:aws:s3:::bucket", &ctx, &set).is_allowed());
}

#[test]
fn not_action_and_not_resource() {
    let p = policy(r#"{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}"#);
    let set = PolicySet {
        identity: vec![named(&p)],
        ..PolicySet::default()
    };
    assert!(eval(USER, "s3:GetObject", &set).is_allowed());
    assert!(!eval(USER, "iam:CreateRole", &set).is_allowed());
    let d = policy(r#"{"Effect":"Deny","Action":"s3:*","NotResource":"arn:aws:s3:::bucket/*"}"#);
    let a = allow("s3:*", "*");
    let set = PolicySet {
        identity: vec![named(&a), named(&d)],
        ..PolicySet::default()
    };
    let ctx = RequestContext::new();
    assert!(eval_ctx(USER, "s3:GetObject", OBJECT, &ctx, &set).is_allowed());
    let e = eval_ctx(USER, "s3:GetObject", "arn:aws:s3:::other/x", &ctx, &set);
    assert_eq!(e.decision, Decision::ExplicitDeny);
}

#[test]
fn policy_variables_in_resources() {
    let p = allow("s3:*", "arn:aws:s3:::bucket/home/${aws:username}/*");
    let set = PolicySet {
        identity: vec![named(&p)],
        ..PolicySet::default()
    };
    let mut ctx = RequestContext::new();
    ctx.insert("aws:username", "alice");
    assert!(
        eval_ctx(
            USER,
            "s3:GetObject",
            "arn:aws:s3:::bucket/home/alice/x",
            &ctx,
            &set
        )
        .is_allowed()
    );
    assert!(
        !eval_ctx(
            USER,
            "s3:GetObject",
            "arn:aws:s3:::bucket/home/bob/x",
            &ctx,
            &set
        )
        .is_allowed()
    );
    // Instance-profile sessions have no aws:username: the pattern matches nothing.
    let empty = RequestContext::new();
    let e = eval_ctx(
        SESSION,
        "s3:GetObject",
        "arn:aws:s3:::bucket/home/alice/x",
        &empty,
        &set,
    );
    assert!(!e.is_allowed());
    let st = e.trace.first().and_then(|t| t.statements.first()).unwrap();
    assert_eq!(
        st.resource_note.as_deref(),
        Some("no value in the request context for ${aws:username}")
    );
    assert_eq!(
        e.explain(),
        "identity policy p\n  statement 0 Allow: action yes, resource no (no value in the request context for ${aws:username}) -> does not apply\n"
    );
    // Without Version 2012-10-17 the text is literal.
    let old = Policy::parse(
        r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::bucket/home/${aws:username}/*"}}"#,
    )
    .unwrap();
    let set = PolicySet {
        identity: vec![named(&old)],
        ..PolicySet::default()
    };
    assert!(
        !eval_ctx(
            USER,
            "s3:GetObject",
            "arn:aws:s3:::bucket/home/alice/x",
            &ctx,
            &set
        )
        .is_allowed()
    );
    assert!(
        eval_ctx(
            USER,
            "s3:GetObject",
            "arn:aws:s3:::bucket/home/${aws:username}/x",
            &ctx,
            &set
        )
        .is_allowed()
    );
}

#[test]
fn conditions_gate_statements_and_appear_in_the_trace() {
    let p = policy(
        r#"{"Sid":"Office","Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"},"Bool":{"aws:SecureTransport":true}}}"#,
    );
    let set = PolicySet {
        identity: vec![NamedPolicy {
            name: "OfficeOnly",
            policy: &p,
        }],
        ..PolicySet::default()
    };
    let mut ctx = RequestContext::new();
    ctx.insert("aws:SourceIp", "203.0.113.9");
    ctx.insert("aws:SecureTransport", "true");
    assert!(eval_ctx(USER, "s3:GetObject", OBJECT, &ctx, &set).is_allowed());
    ctx.insert("aws:SourceIp", "198.51.100.1");
    let e = eval_ctx(USER, "s3:GetObject", OBJECT, &ctx, &set);
    assert!(!e.is_allowed());
    let [trace] = e.trace.as_slice() else {
        panic!("one policy")
    };
    assert_eq!(trace.name, "OfficeOnly");
    assert_eq!(trace.policy_type, PolicyType::Identity);
    let [st] = trace.statements.as_slice() else {
        panic!("one statement")
    };
    assert_eq!(st.sid.as_deref(), Some("Office"));
    assert!(st.action_matched && st.resource_matched && !st.applies);
    assert_eq!(st.principal_matched, None);
    let summary: Vec<(&str, &str, bool)> = st
        .conditions
        .iter()
        .map(|c| (c.operator.as_str(), c.key.as_str(), c.matched))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("IpAddress", "aws:SourceIp", false),
            ("Bool", "aws:SecureTransport", true)
        ]
    );
    assert_eq!(
        render(&e.trace),
        "identity policy OfficeOnly\n  statement 0 (Office) Allow: action yes, resource yes -> does not apply\n    condition IpAddress aws:SourceIp [\"203.0.113.0/24\"]: no\n    condition Bool aws:SecureTransport [\"true\"]: yes\n"
    );
}

#[test]
fn trace_names_every_policy_in_order() {
    let a = allow("s3:*", "*");
    let b = bucket("Allow", r#"{"AWS":"111122223333"}"#, "s3:GetObject");
    let set = PolicySet {
        identity: vec![NamedPolicy {
            name: "A",
            policy: &a,
        }],
        resource: Some(NamedPolicy {
            name: "bucket",
            policy: &b,
        }),
        boundary: Some(NamedPolicy {
            name: "B",
            policy: &a,
        }),
        scps: vec![NamedPolicy {
            name: "FullAWSAccess",
            policy: &a,
        }],
        session: Some(NamedPolicy {
            name: "S",
            policy: &a,
        }),
        ..PolicySet::default()
    };
    let e = eval(SESSION, "s3:GetObject", &set);
    let names: Vec<(PolicyType, &str)> = e
        .trace
        .iter()
        .map(|t| (t.policy_type, t.name.as_str()))
        .collect();
    assert_eq!(
        names,
        vec![
            (PolicyType::ServiceControl, "FullAWSAccess"),
            (PolicyType::Resource, "bucket"),
            (PolicyType::Identity, "A"),
            (PolicyType::PermissionsBoundary, "B"),
            (PolicyType::Session, "S"),
        ]
    );
    let resource_statement = e.trace.get(1).and_then(|t| t.statements.first()).unwrap();
    assert_eq!(resource_statement.principal_matched, Some(false));
    assert!(e.is_allowed());
}

#[test]
fn evaluation_serializes() {
    let e = eval(USER, "s3:GetObject", &PolicySet::default());
    let json = serde_json::to_value(&e).unwrap();
    assert_eq!(json["decision"], "ImplicitDeny");
    assert_eq!(json["decided_by"], "Identity");
    let back: Evaluation = serde_json::from_value(json).unwrap();
    assert_eq!(back, e);
}

#[test]
fn arn_part_is_split_nth() {
    for text in [
        "arn:aws:s3:::bucket/key",
        "arn:aws:ec2:us-east-1:123456789012:instance/i-1",
        "arn:aws:iam::123456789012:role/r",
        "*",
        "a:b:c:d",
        "a:b:c:d:",
        "::::::",
        "",
    ] {
        for n in 0..8 {
            assert_eq!(
                super::arn_part(text, n),
                text.split(':').nth(n),
                "{text} {n}"
            );
        }
    }
}

//! Every validation message, pinned verbatim.

use super::*;

fn check(doc: &str, use_: PolicyUse) -> Result<(), String> {
    Policy::parse_for(doc, use_)
        .map(|_| ())
        .map_err(|e| e.message)
}

fn identity(statement: &str) -> String {
    format!(r#"{{"Version":"2012-10-17","Statement":[{statement}]}}"#)
}

const S3_ALLOW: &str = r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}"#;
const EC2_TRUST: &str = r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}}"#;

#[test]
fn valid_documents_pass() {
    assert_eq!(check(&identity(S3_ALLOW), PolicyUse::Identity), Ok(()));
    assert_eq!(check(EC2_TRUST, PolicyUse::Trust), Ok(()));
    let bucket = r#"{"Version":"2012-10-17","Statement":[{"Sid":"Public read","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#;
    assert_eq!(check(bucket, PolicyUse::Resource), Ok(()));
}

#[test]
fn identity_policy_with_principal() {
    let doc = identity(r#"{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}"#);
    assert_eq!(
        check(&doc, PolicyUse::Identity),
        Err("Policy document should not specify a principal.".into())
    );
    let not = identity(
        r#"{"Effect":"Deny","NotPrincipal":{"AWS":"123456789012"},"Action":"s3:*","Resource":"*"}"#,
    );
    assert_eq!(
        check(&not, PolicyUse::PermissionsBoundary),
        Err("Policy document should not specify a principal.".into())
    );
}

#[test]
fn trust_policy_with_resource() {
    let doc = r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"}}"#;
    assert_eq!(
        check(doc, PolicyUse::Trust),
        Err("Has prohibited field Resource".into())
    );
    let not = doc.replace("\"Resource\"", "\"NotResource\"");
    assert_eq!(
        check(&not, PolicyUse::Trust),
        Err("Has prohibited field NotResource".into())
    );
}

#[test]
fn trust_policy_without_principal() {
    let doc =
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRole"}}"#;
    assert_eq!(
        check(doc, PolicyUse::Trust),
        Err("Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!".into())
    );
}

#[test]
fn resource_policy_without_principal() {
    assert_eq!(
        check(&identity(S3_ALLOW), PolicyUse::Resource),
        Err("Missing required field Principal".into())
    );
}

#[test]
fn bucket_policies_use_s3_wording() {
    let doc = |statement: &str| format!(r#"{{"Version":"2012-10-17","Statement":[{statement}]}}"#);
    let cases = [
        (
            r#"{"Effect":"Allow","Principal":"*","Resource":"arn:aws:s3:::b/*"}"#,
            "Statement is missing required element",
        ),
        (
            r#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}"#,
            "Statement is missing required element",
        ),
        (
            r#"{"Effect":"Allow","Principal":"*","Action":"GetObject","Resource":"arn:aws:s3:::b/*"}"#,
            "Policy has invalid action",
        ),
        (
            r#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"b/*"}"#,
            "Policy has invalid resource",
        ),
        (
            r#"{"Effect":"Allow","Principal":{"AWS":"bob"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#,
            "Invalid principal in policy",
        ),
        (
            r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#,
            "Missing required field Principal",
        ),
    ];
    for (statement, message) in cases {
        assert_eq!(
            check(&doc(statement), PolicyUse::Resource),
            Err(message.into()),
            "{statement}"
        );
    }
}

#[test]
fn statement_without_actions() {
    let doc = identity(r#"{"Effect":"Allow","Resource":"*"}"#);
    assert_eq!(
        check(&doc, PolicyUse::Identity),
        Err("Policy statement must contain actions.".into())
    );
    let empty = identity(r#"{"Effect":"Allow","Action":[],"Resource":"*"}"#);
    assert_eq!(
        check(&empty, PolicyUse::Identity),
        Err("Policy statement must contain actions.".into())
    );
}

#[test]
fn statement_without_resources() {
    let doc = identity(r#"{"Effect":"Allow","Action":"s3:*"}"#);
    assert_eq!(
        check(&doc, PolicyUse::Identity),
        Err("Policy statement must contain resources.".into())
    );
}

#[test]
fn resource_not_an_arn() {
    let doc = identity(r#"{"Effect":"Allow","Action":"s3:*","Resource":"my-bucket"}"#);
    assert_eq!(
        check(&doc, PolicyUse::Identity),
        Err("Resource my-bucket must be in ARN format or \"*\".".into())
    );
    let empty = identity(r#"{"Effect":"Allow","Action":"s3:*","Resource":""}"#);
    assert_eq!(
        check(&empty, PolicyUse::Identity),
        Err("Resource  must be in ARN format or \"*\".".into())
    );
    let wild = identity(r#"{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:*"}"#);
    assert_eq!(check(&wild, PolicyUse::Identity), Ok(()));
}

#[test]
fn actions_and_condition_keys_need_a_vendor() {
    let msg = "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
    let doc = identity(r#"{"Effect":"Allow","Action":"GetObject","Resource":"*"}"#);
    assert_eq!(check(&doc, PolicyUse::Identity), Err(msg.into()));
    let doc = identity(r#"{"Effect":"Allow","Action":":GetObject","Resource":"*"}"#);
    assert_eq!(check(&doc, PolicyUse::Identity), Err(msg.into()));
    let doc = identity(
        r#"{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"SourceIp":"x"}}}"#,
    );
    assert_eq!(check(&doc, PolicyUse::Identity), Err(msg.into()));
    let ok = identity(r#"{"Effect":"Allow","Action":"*","Resource":"*"}"#);
    assert_eq!(check(&ok, PolicyUse::Identity), Ok(()));
}

#[test]
fn duplicate_sids() {
    let doc = identity(&format!(
        "{},{}",
        S3_ALLOW.replace("{", r#"{"Sid":"A","#),
        S3_ALLOW.replace("{", r#"{"Sid":"A","#)
    ));
    assert_eq!(
        check(&doc, PolicyUse::Identity),
        Err("Statement IDs (SID) in a single policy must be unique.".into())
    );
}

#[test]
fn sids_must_be_alphanumeric_in_iam_policies() {
    let doc = identity(&S3_ALLOW.replace("{", r#"{"Sid":"read-only","#));
    assert_eq!(
        check(&doc, PolicyUse::Identity),
        Err("Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*".into())
    );
}

#[test]
fn invalid_service_principal() {
    let doc = EC2_TRUST.replace("ec2.amazonaws.com", "ec2.amazonaws.co");
    assert_eq!(
        check(&doc, PolicyUse::Trust),
        Err(r#"Invalid principal in policy: "SERVICE":"ec2.amazonaws.co""#.into())
    );
}

#[test]
fn invalid_aws_principal() {
    let doc = EC2_TRUST.replace(r#"{"Service":"ec2.amazonaws.com"}"#, r#"{"AWS":"alice"}"#);
    assert_eq!(
        check(&doc, PolicyUse::Trust),
        Err(r#"Invalid principal in policy: "AWS":"alice""#.into())
    );
}

#[test]
fn service_principal_rule() {
    for ok in [
        "ec2.amazonaws.com",
        "ecs-tasks.amazonaws.com",
        "states.us-east-1.amazonaws.com",
        "ec2.amazonaws.com.cn",
        "alexa-appkit.amazon.com",
    ] {
        assert!(is_valid_service_principal(ok), "{ok}");
    }
    for bad in [
        "ec2.amazonaws.co",
        "amazonaws.com",
        ".amazonaws.com",
        "EC2.amazonaws.com",
        "ec2..amazonaws.com",
        "*",
        "ec2",
    ] {
        assert!(!is_valid_service_principal(bad), "{bad}");
    }
}

#[test]
fn aws_principal_rule() {
    for ok in [
        "*",
        "123456789012",
        "arn:aws:iam::123456789012:root",
        "arn:aws:iam::123456789012:user/alice",
        "arn:aws:iam::123456789012:role/path/Web",
        "arn:aws:sts::123456789012:assumed-role/Web/i-0abc",
    ] {
        assert!(is_valid_aws_principal(ok), "{ok}");
    }
    for bad in [
        "alice",
        "12345678901",
        "arn:aws:iam::123456789012:group/g",
        "arn:aws:s3:::b",
        "arn:aws:sts::123456789012:assumed-role/Web",
    ] {
        assert!(!is_valid_aws_principal(bad), "{bad}");
    }
}

#[test]
fn syntax_errors() {
    let syntax = "Syntax errors in policy.";
    for doc in [
        "[]",
        "{}",
        r#"{"Statement":"x"}"#,
        r#"{"Statement":[1]}"#,
        r#"{"Statement":{"Effect":"Maybe","Action":"s3:*","Resource":"*"}}"#,
        r#"{"Statement":{"Effect":"Allow","Action":5,"Resource":"*"}}"#,
        r#"{"Statement":{"Effect":"Allow","Action":"s3:*","NotAction":"s3:*","Resource":"*"}}"#,
        r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Extra":1}}"#,
        r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"},"Other":1}"#,
        r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEqualz":{"aws:username":"a"}}}}"#,
        r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:username":null}}}}"#,
        r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":"x"}}}"#,
        r#"{"Statement":{"Effect":"Allow","Principal":"me","Action":"s3:*","Resource":"*"}}"#,
        r#"{"Statement":{"Effect":"Allow","Principal":{"Robot":"x"},"Action":"s3:*","Resource":"*"}}"#,
        r#"{"Version":20121017,"Statement":[]}"#,
    ] {
        assert_eq!(check(doc, PolicyUse::Identity), Err(syntax.into()), "{doc}");
    }
}

#[test]
fn json_syntax_errors_carry_position() {
    let err =
        Policy::parse("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n}").unwrap_err();
    assert_eq!(err.message, "Syntax errors in policy.");
    assert_eq!((err.line, err.column), (Some(4), Some(1)));
    assert_eq!(err.to_string(), "Syntax errors in policy.");
}

#[test]
fn unknown_version() {
    let doc = r#"{"Version":"2012-10-18","Statement":[]}"#;
    assert_eq!(
        check(doc, PolicyUse::Identity),
        Err("The policy failed legacy parsing".into())
    );
}

#[test]
fn deep_nesting_and_huge_documents_do_not_panic() {
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    assert_eq!(
        Policy::parse(&deep).unwrap_err().message,
        "Syntax errors in policy."
    );
    let deep_obj = format!("{}{}", r#"{"a":"#.repeat(10_000), "}".repeat(10_000));
    assert_eq!(
        Policy::parse(&deep_obj).unwrap_err().message,
        "Syntax errors in policy."
    );
    let many = vec![S3_ALLOW; 20_000].join(",");
    let big = identity(&many);
    assert!(big.len() > 1_000_000);
    assert_eq!(check(&big, PolicyUse::Identity), Ok(()));
}

#[test]
fn size_quotas() {
    assert_eq!(policy_size("{ \"a\" :\n\t\"b c\" }"), 10);
    assert_eq!(check_size(6144, SizeQuota::ManagedPolicy, ""), Ok(()));
    assert_eq!(
        check_size(6145, SizeQuota::ManagedPolicy, "")
            .unwrap_err()
            .message,
        "Cannot exceed quota for PolicySize: 6144"
    );
    assert_eq!(
        check_size(2049, SizeQuota::TrustPolicy, "Web")
            .unwrap_err()
            .to_string(),
        "Cannot exceed quota for ACLSizePerRole: 2048"
    );
    assert_eq!(
        check_size(10241, SizeQuota::RoleInlinePolicies, "Web")
            .unwrap_err()
            .message,
        "Maximum policy size of 10240 bytes exceeded for role Web"
    );
    assert_eq!(
        check_size(10240, SizeQuota::RoleInlinePolicies, "Web"),
        Ok(())
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(text in ".{0,200}") {
            let _ = Policy::parse_for(&text, PolicyUse::Identity);
        }

        #[test]
        fn arbitrary_json_never_panics(
            statement in prop::collection::btree_map(
                prop::sample::select(vec!["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition", "Other"]),
                prop_oneof![
                    Just(serde_json::json!("*")),
                    Just(serde_json::json!("Allow")),
                    Just(serde_json::json!(["s3:*", 1])),
                    Just(serde_json::json!({"AWS": ["*", "123456789012"]})),
                    Just(serde_json::json!({"StringLike": {"aws:username": ["a*", true, 3]}})),
                    Just(serde_json::json!({"Null": {"aws:x": [[1]]}})),
                    Just(serde_json::json!(null)),
                    ".{0,12}".prop_map(serde_json::Value::String),
                ],
                0..9,
            ),
            use_ in prop::sample::select(vec![PolicyUse::Identity, PolicyUse::Trust, PolicyUse::Resource, PolicyUse::ServiceControl]),
        ) {
            let doc = serde_json::json!({"Version": "2012-10-17", "Statement": [statement]});
            let text = doc.to_string();
            if let Ok(p) = Policy::parse_for(&text, use_) {
                let ctx = crate::policy::context::RequestContext::new();
                let set = crate::policy::PolicySet { identity: vec![crate::policy::NamedPolicy { name: "p", policy: &p }], resource: Some(crate::policy::NamedPolicy { name: "r", policy: &p }), ..Default::default() };
                let request = crate::policy::Request { principal: "arn:aws:iam::123456789012:user/a", action: "s3:GetObject", resource: "arn:aws:s3:::b/k", context: &ctx, resource_account: None };
                let _ = crate::policy::evaluate(&request, &set);
            }
        }
    }
}

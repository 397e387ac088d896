//! IAM through the world: validation, uniqueness, quotas, conflicts, managed policies.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod world_common;

use iamsim_engine::World;
use serde_json::json;
use world_common::*;

fn err(w: &mut World, service: &str, op: &str, params: serde_json::Value) -> (String, String, u16) {
    let e = admin(w, service, op, params).unwrap_err();
    (e.code, e.message, e.http_status)
}

#[test]
fn names_are_validated_with_aws_text() {
    let mut w = World::new(20);
    let (code, message, status) = err(
        &mut w,
        "iam",
        "CreateRole",
        json!({"RoleName": "my role", "AssumeRolePolicyDocument": EC2_TRUST}),
    );
    assert_eq!((code.as_str(), status), ("ValidationError", 400));
    assert_eq!(
        message,
        "1 validation error detected: Value 'my role' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+"
    );
    let (_, message, _) = err(
        &mut w,
        "iam",
        "CreateInstanceProfile",
        json!({"InstanceProfileName": "a/b"}),
    );
    assert_eq!(
        message,
        "1 validation error detected: Value 'a/b' at 'instanceProfileName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+"
    );
    let (code, message, _) = err(
        &mut w,
        "iam",
        "CreateRole",
        json!({"RoleName": "x", "Path": "nopath", "AssumeRolePolicyDocument": EC2_TRUST}),
    );
    assert_eq!(code, "ValidationError");
    assert!(message.ends_with("Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)"));
    let (_, message, _) = err(
        &mut w,
        "iam",
        "CreateRole",
        json!({"RoleName": "x", "MaxSessionDuration": 100, "AssumeRolePolicyDocument": EC2_TRUST}),
    );
    assert_eq!(
        message,
        "1 validation error detected: Value '100' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600"
    );
    let (_, message, _) = err(
        &mut w,
        "iam",
        "CreateRole",
        json!({"AssumeRolePolicyDocument": EC2_TRUST}),
    );
    assert_eq!(
        message,
        "1 validation error detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null"
    );
}

#[test]
fn names_are_unique_case_insensitively() {
    let mut w = World::new(21);
    ok(
        &mut w,
        "iam",
        "CreateRole",
        json!({"RoleName": "AppRole", "AssumeRolePolicyDocument": EC2_TRUST}),
    );
    assert_eq!(
        err(
            &mut w,
            "iam",
            "CreateRole",
            json!({"RoleName": "approle", "AssumeRolePolicyDocument": EC2_TRUST})
        ),
        (
            "EntityAlreadyExists".into(),
            "Role with name approle already exists.".into(),
            409
        )
    );
    ok(
        &mut w,
        "iam",
        "CreateInstanceProfile",
        json!({"InstanceProfileName": "Web"}),
    );
    assert_eq!(
        err(
            &mut w,
            "iam",
            "CreateInstanceProfile",
            json!({"InstanceProfileName": "WEB"})
        ),
        (
            "EntityAlreadyExists".into(),
            "Instance Profile WEB already exists.".into(),
            409
        )
    );
    let doc = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#;
    ok(
        &mut w,
        "iam",
        "CreatePolicy",
        json!({"PolicyName": "Read", "PolicyDocument": doc}),
    );
    assert_eq!(
        err(
            &mut w,
            "iam",
            "CreatePolicy",
            json!({"PolicyName": "read", "PolicyDocument": doc})
        ),
        (
            "EntityAlreadyExists".into(),
            "A policy called read already exists. Duplicate names are not allowed.".into(),
            409
        )
    );
    // GetRole finds it in any case, and shows the name as created.
    let role = ok(&mut w, "iam", "GetRole", json!({"RoleName": "APPROLE"}));
    assert_eq!(role["Role"]["RoleName"], "AppRole");
    assert_eq!(role["Role"]["MaxSessionDuration"], 3600);
    assert!(role["Role"]["RoleId"].as_str().unwrap().starts_with("AROA"));
    assert_eq!(
        role["Role"]["Arn"],
        "arn:aws:iam::123456789012:role/AppRole"
    );
    assert_eq!(role["Role"]["CreateDate"], "2026-01-01T00:00:00+00:00");
}

#[test]
fn one_role_per_profile_and_missing_entities() {
    let mut w = World::new(22);
    role_with_profile(&mut w, "A", EC2_TRUST, &[]);
    ok(
        &mut w,
        "iam",
        "CreateRole",
        json!({"RoleName": "B", "AssumeRolePolicyDocument": EC2_TRUST}),
    );
    assert_eq!(
        err(
            &mut w,
            "iam",
            "AddRoleToInstanceProfile",
            json!({"InstanceProfileName": "A", "RoleName": "B"})
        ),
        (
            "LimitExceeded".into(),
            "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1".into(),
            409
        )
    );
    // A role may be in several profiles.
    ok(
        &mut w,
        "iam",
        "CreateInstanceProfile",
        json!({"InstanceProfileName": "Second"}),
    );
    ok(
        &mut w,
        "iam",
        "AddRoleToInstanceProfile",
        json!({"InstanceProfileName": "Second", "RoleName": "A"}),
    );
    let listed = ok(
        &mut w,
        "iam",
        "ListInstanceProfilesForRole",
        json!({"RoleName": "A"}),
    );
    assert_eq!(listed["InstanceProfiles"].as_array().unwrap().len(), 2);
    assert_eq!(
        err(&mut w, "iam", "GetRole", json!({"RoleName": "Nope"})),
        (
            "NoSuchEntity".into(),
            "The role with name Nope cannot be found.".into(),
            404
        )
    );
    assert_eq!(
        err(
            &mut w,
            "iam",
            "AddRoleToInstanceProfile",
            json!({"InstanceProfileName": "Nope", "RoleName": "A"})
        ),
        (
            "NoSuchEntity".into(),
            "Instance Profile Nope cannot be found.".into(),
            404
        )
    );
    assert_eq!(
        err(
            &mut w,
            "iam",
            "AttachRolePolicy",
            json!({"RoleName": "A", "PolicyArn": "arn:aws:iam::aws:policy/NoSuchPolicy"})
        ),
        (
            "NoSuchEntity".into(),
            "Policy arn:aws:iam::aws:policy/NoSuchPolicy does not exist or is not attachable."
                .into(),
            404
        )
    );
    assert_eq!(
        err(
            &mut w,
            "iam",
            "AttachRolePolicy",
            json!({"RoleName": "A", "PolicyArn": "AmazonS3FullAccess"})
        ),
        (
            "InvalidInput".into(),
            "ARN AmazonS3FullAccess is not valid.".into(),
            400
        )
    );
}

#[test]
fn delete_conflicts_in_order() {
    let mut w = World::new(23);
    role_with_profile(&mut w, "R", EC2_TRUST, &["AmazonS3ReadOnlyAccess"]);
    let doc = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#;
    ok(
        &mut w,
        "iam",
        "PutRolePolicy",
        json!({"RoleName": "R", "PolicyName": "inline", "PolicyDocument": doc}),
    );
    assert_eq!(
        err(
            &mut w,
            "iam",
            "DeleteInstanceProfile",
            json!({"InstanceProfileName": "R"})
        ),
        (
            "DeleteConflict".into(),
            "Cannot delete entity, must remove roles from instance profile first.".into(),
            409
        )
    );
    assert_eq!(
        err(&mut w, "iam", "DeleteRole", json!({"RoleName": "R"})).1,
        "Cannot delete entity, must remove roles from instance profile first."
    );
    ok(
        &mut w,
        "iam",
        "RemoveRoleFromInstanceProfile",
        json!({"InstanceProfileName": "R", "RoleName": "R"}),
    );
    assert_eq!(
        err(&mut w, "iam", "DeleteRole", json!({"RoleName": "R"})).1,
        "Cannot delete entity, must detach all policies first."
    );
    ok(
        &mut w,
        "iam",
        "DetachRolePolicy",
        json!({"RoleName": "R", "PolicyArn": "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"}),
    );
    assert_eq!(
        err(&mut w, "iam", "DeleteRole", json!({"RoleName": "R"})).1,
        "Cannot delete entity, must delete policies first."
    );
    let got = ok(
        &mut w,
        "iam",
        "GetRolePolicy",
        json!({"RoleName": "R", "PolicyName": "inline"}),
    );
    assert_eq!(
        got["PolicyDocument"]["Statement"][0]["Action"],
        "s3:GetObject"
    );
    assert_eq!(
        ok(&mut w, "iam", "ListRolePolicies", json!({"RoleName": "R"}))["PolicyNames"],
        json!(["inline"])
    );
    ok(
        &mut w,
        "iam",
        "DeleteRolePolicy",
        json!({"RoleName": "R", "PolicyName": "inline"}),
    );
    ok(&mut w, "iam", "DeleteRole", json!({"RoleName": "R"}));
    ok(
        &mut w,
        "iam",
        "DeleteInstanceProfile",
        json!({"InstanceProfileName": "R"}),
    );
    assert!(w.role("R").is_none());
}

#[test]
fn policy_documents_are_validated_for_their_use() {
    let mut w = World::new(24);
    let with_principal = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}"#;
    let (code, message, status) = err(
        &mut w,
        "iam",
        "CreatePolicy",
        json!({"PolicyName": "P", "PolicyDocument": with_principal}),
    );
    assert_eq!(
        (code.as_str(), message.as_str(), status),
        (
            "MalformedPolicyDocument",
            "Policy document should not specify a principal.",
            400
        )
    );
    let trust_with_resource = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"}]}"#;
    let (code, message, _) = err(
        &mut w,
        "iam",
        "CreateRole",
        json!({"RoleName": "R", "AssumeRolePolicyDocument": trust_with_resource}),
    );
    assert_eq!(
        (code.as_str(), message.as_str()),
        ("MalformedPolicyDocument", "Has prohibited field Resource")
    );
    let typo = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.co"},"Action":"sts:AssumeRole"}]}"#;
    let (_, message, _) = err(
        &mut w,
        "iam",
        "CreateRole",
        json!({"RoleName": "R", "AssumeRolePolicyDocument": typo}),
    );
    assert_eq!(
        message,
        "Invalid principal in policy: \"SERVICE\":\"ec2.amazonaws.co\""
    );
    let (_, message, _) = err(
        &mut w,
        "iam",
        "PutRolePolicy",
        json!({"RoleName": "R", "PolicyName": "x", "PolicyDocument": "{"}),
    );
    assert!(
        message.contains("The role with name R cannot be found.")
            || message.starts_with("Syntax errors in policy."),
        "{message}"
    );
    ok(
        &mut w,
        "iam",
        "CreateRole",
        json!({"RoleName": "R", "AssumeRolePolicyDocument": EC2_TRUST}),
    );
    let (code, message, _) = err(
        &mut w,
        "iam",
        "PutRolePolicy",
        json!({"RoleName": "R", "PolicyName": "x", "PolicyDocument": "{"}),
    );
    assert_eq!(code, "MalformedPolicyDocument");
    assert!(message.starts_with("Syntax errors in policy."), "{message}");
    // A trust policy may be given as an object too (a convenience for the UI).
    ok(
        &mut w,
        "iam",
        "UpdateAssumeRolePolicy",
        json!({"RoleName": "R", "PolicyDocument": serde_json::from_str::<serde_json::Value>(EC2_TRUST).unwrap()}),
    );
}

#[test]
fn quotas() {
    let mut w = World::new(25);
    ok(
        &mut w,
        "iam",
        "CreateRole",
        json!({"RoleName": "R", "AssumeRolePolicyDocument": EC2_TRUST}),
    );
    for i in 0..10 {
        let doc = format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b{i}/*"}}]}}"#
        );
        let out = ok(
            &mut w,
            "iam",
            "CreatePolicy",
            json!({"PolicyName": format!("P{i}"), "PolicyDocument": doc}),
        );
        let arn = out["Policy"]["Arn"].as_str().unwrap().to_string();
        assert!(
            out["Policy"]["PolicyId"]
                .as_str()
                .unwrap()
                .starts_with("ANPA")
        );
        ok(
            &mut w,
            "iam",
            "AttachRolePolicy",
            json!({"RoleName": "R", "PolicyArn": arn}),
        );
    }
    assert_eq!(
        err(
            &mut w,
            "iam",
            "AttachRolePolicy",
            json!({"RoleName": "R", "PolicyArn": "arn:aws:iam::aws:policy/AmazonS3FullAccess"})
        ),
        (
            "LimitExceeded".into(),
            "Cannot exceed quota for PoliciesPerRole: 10".into(),
            409
        )
    );
    let big = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"s3:GetObject","Resource":[{}]}}]}}"#,
        (0..400)
            .map(|i| format!("\"arn:aws:s3:::bucket-number-{i}/*\""))
            .collect::<Vec<_>>()
            .join(",")
    );
    assert_eq!(
        err(
            &mut w,
            "iam",
            "PutRolePolicy",
            json!({"RoleName": "R", "PolicyName": "big", "PolicyDocument": big})
        ),
        (
            "LimitExceeded".into(),
            "Cannot exceed quota for RolePolicySize: 10240".into(),
            409
        )
    );
}

#[test]
fn managed_policies_list_and_versions() {
    let mut w = World::new(26);
    let aws = ok(&mut w, "iam", "ListPolicies", json!({"Scope": "AWS"}));
    let names: Vec<&str> = aws["Policies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["PolicyName"].as_str().unwrap())
        .collect();
    for n in [
        "AdministratorAccess",
        "AmazonS3FullAccess",
        "AmazonS3ReadOnlyAccess",
        "AmazonSSMManagedInstanceCore",
        "CloudWatchAgentServerPolicy",
    ] {
        assert!(names.contains(&n), "{n}");
    }
    assert_eq!(
        ok(&mut w, "iam", "ListPolicies", json!({"Scope": "Local"}))["Policies"],
        json!([])
    );
    let attached = ok(&mut w, "iam", "ListPolicies", json!({"OnlyAttached": true}));
    assert_eq!(attached["Policies"][0]["PolicyName"], "AdministratorAccess");
    assert_eq!(attached["Policies"][0]["AttachmentCount"], 1);
    let p = ok(
        &mut w,
        "iam",
        "GetPolicy",
        json!({"PolicyArn": "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"}),
    );
    let version = p["Policy"]["DefaultVersionId"]
        .as_str()
        .unwrap()
        .to_string();
    let v = ok(
        &mut w,
        "iam",
        "GetPolicyVersion",
        json!({"PolicyArn": "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "VersionId": version}),
    );
    assert_eq!(
        v["PolicyVersion"]["Document"]["Statement"][0]["Action"],
        json!([
            "s3:Get*",
            "s3:List*",
            "s3:Describe*",
            "s3-object-lambda:Get*",
            "s3-object-lambda:List*"
        ])
    );
    assert_eq!(v["PolicyVersion"]["IsDefaultVersion"], true);
    let (code, _, _) = err(&mut w, "iam", "ListPolicies", json!({"Scope": "Mine"}));
    assert_eq!(code, "ValidationError");
}

#[test]
fn users_keys_and_denials() {
    let mut w = World::new(27);
    let user = ok(&mut w, "iam", "CreateUser", json!({"UserName": "bob"}));
    assert!(user["User"]["UserId"].as_str().unwrap().starts_with("AIDA"));
    let key = ok(&mut w, "iam", "CreateAccessKey", json!({"UserName": "bob"}));
    let id = key["AccessKey"]["AccessKeyId"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(id.starts_with("AKIA") && id.len() == 20);
    assert_eq!(
        key["AccessKey"]["SecretAccessKey"].as_str().unwrap().len(),
        40
    );
    ok(&mut w, "iam", "CreateAccessKey", json!({"UserName": "bob"}));
    assert_eq!(
        err(&mut w, "iam", "CreateAccessKey", json!({"UserName": "bob"})),
        (
            "LimitExceeded".into(),
            "Cannot exceed quota for AccessKeysPerUser: 2".into(),
            409
        )
    );
    let bob = iamsim_engine::Credentials {
        access_key_id: id.clone(),
        secret_access_key: key["AccessKey"]["SecretAccessKey"].as_str().unwrap().into(),
        session_token: None,
        expiration: None,
    };
    let e = w
        .call(
            iamsim_engine::Origin::Laptop,
            Some(&bob),
            "iam",
            "CreateRole",
            json!({"RoleName": "X", "AssumeRolePolicyDocument": EC2_TRUST}),
        )
        .unwrap_err();
    assert_eq!(e.code, "AccessDenied");
    assert_eq!(
        e.message,
        "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::123456789012:role/X because no identity-based policy allows the iam:CreateRole action"
    );
    // Caller identity needs no permission.
    let who = w
        .call(
            iamsim_engine::Origin::Laptop,
            Some(&bob),
            "sts",
            "GetCallerIdentity",
            json!({}),
        )
        .unwrap();
    assert_eq!(who["Arn"], "arn:aws:iam::123456789012:user/bob");
    // The user's own keys, without UserName.
    let listed = w.call(
        iamsim_engine::Origin::Laptop,
        Some(&bob),
        "iam",
        "ListAccessKeys",
        json!({}),
    );
    assert_eq!(listed.unwrap_err().code, "AccessDenied");
    ok(
        &mut w,
        "iam",
        "AttachUserPolicy",
        json!({"UserName": "bob", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}),
    );
    let listed = w
        .call(
            iamsim_engine::Origin::Laptop,
            Some(&bob),
            "iam",
            "ListAccessKeys",
            json!({}),
        )
        .unwrap();
    assert_eq!(listed["AccessKeyMetadata"].as_array().unwrap().len(), 2);
    ok(
        &mut w,
        "iam",
        "DeleteAccessKey",
        json!({"UserName": "bob", "AccessKeyId": id}),
    );
    let e = w
        .call(
            iamsim_engine::Origin::Laptop,
            Some(&bob),
            "iam",
            "ListUsers",
            json!({}),
        )
        .unwrap_err();
    assert_eq!(e.code, "InvalidClientTokenId");
    let mut wrong = w.admin_credentials();
    wrong.secret_access_key = "x".repeat(40);
    let e = w
        .call(
            iamsim_engine::Origin::Laptop,
            Some(&wrong),
            "iam",
            "ListUsers",
            json!({}),
        )
        .unwrap_err();
    assert_eq!(e.code, "SignatureDoesNotMatch");
    let users = ok(&mut w, "iam", "ListUsers", json!({}));
    assert_eq!(users["Users"].as_array().unwrap().len(), 2);
}

//! Helpers shared by the world integration tests.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    dead_code
)]

use iamsim_engine::imds::{HttpRequest, HttpResponse};
use iamsim_engine::{ApiError, Credentials, Origin, World};
use serde_json::{Value, json};

pub const EC2_TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
pub const LAMBDA_TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
pub const AMI: &str = "ami-0abcdef1234567890";

/// Calls as the laptop's admin.
pub fn admin(w: &mut World, service: &str, op: &str, params: Value) -> Result<Value, ApiError> {
    let creds = w.admin_credentials();
    w.call(Origin::Laptop, Some(&creds), service, op, params)
}

/// Calls as the laptop's admin and expects success.
pub fn ok(w: &mut World, service: &str, op: &str, params: Value) -> Value {
    match admin(w, service, op, params) {
        Ok(v) => v,
        Err(e) => panic!("{service} {op} failed: {} {}", e.code, e.message),
    }
}

/// Role + same-name profile + role in profile + policies, via the API (CLI style).
pub fn role_with_profile(w: &mut World, name: &str, trust: &str, policies: &[&str]) {
    ok(
        w,
        "iam",
        "CreateRole",
        json!({"RoleName": name, "AssumeRolePolicyDocument": trust}),
    );
    ok(
        w,
        "iam",
        "CreateInstanceProfile",
        json!({"InstanceProfileName": name}),
    );
    ok(
        w,
        "iam",
        "AddRoleToInstanceProfile",
        json!({"InstanceProfileName": name, "RoleName": name}),
    );
    for p in policies {
        ok(
            w,
            "iam",
            "AttachRolePolicy",
            json!({"RoleName": name, "PolicyArn": format!("arn:aws:iam::aws:policy/{p}")}),
        );
    }
}

/// Launches one instance with a profile (or none) and lets it reach `running`.
pub fn launch(w: &mut World, profile: Option<&str>, metadata: Option<Value>) -> String {
    let mut params =
        json!({"ImageId": AMI, "InstanceType": "t3.micro", "MinCount": 1, "MaxCount": 1});
    if let Some(p) = profile {
        params["IamInstanceProfile"] = json!({"Name": p});
    }
    if let Some(m) = metadata {
        params["MetadataOptions"] = m;
    }
    let out = ok(w, "ec2", "RunInstances", params);
    let id = out["Instances"][0]["InstanceId"]
        .as_str()
        .unwrap()
        .to_string();
    w.advance(5);
    id
}

pub fn get(w: &mut World, id: &str, path: &str) -> HttpResponse {
    w.imds(id, HttpRequest::get(path))
}

/// Reads the instance's credentials through IMDSv1, as the CLI would.
pub fn instance_credentials(w: &mut World, id: &str) -> Credentials {
    let role = get(w, id, "/latest/meta-data/iam/security-credentials/");
    assert_eq!(role.status, 200, "{}", role.body);
    let body = get(
        w,
        id,
        &format!("/latest/meta-data/iam/security-credentials/{}", role.body),
    );
    let v: Value = serde_json::from_str(&body.body).unwrap();
    assert_eq!(v["Code"], "Success", "{}", body.body);
    Credentials {
        access_key_id: v["AccessKeyId"].as_str().unwrap().to_string(),
        secret_access_key: v["SecretAccessKey"].as_str().unwrap().to_string(),
        session_token: Some(v["Token"].as_str().unwrap().to_string()),
        expiration: None,
    }
}

pub fn from_instance(
    w: &mut World,
    id: &str,
    creds: &Credentials,
    service: &str,
    op: &str,
    params: Value,
) -> Result<Value, ApiError> {
    w.call(
        Origin::Instance {
            instance_id: id.to_string(),
        },
        Some(creds),
        service,
        op,
        params,
    )
}

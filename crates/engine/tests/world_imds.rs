//! The metadata service as an HTTP model: tokens, hop limit, 400/401/403/404, listings.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod world_common;

use iamsim_engine::World;
use iamsim_engine::event::Event;
use iamsim_engine::imds::HttpRequest;
use serde_json::json;
use world_common::*;

const TTL: &str = "X-aws-ec2-metadata-token-ttl-seconds";
const TOKEN: &str = "X-aws-ec2-metadata-token";

fn token(w: &mut World, id: &str, ttl: &str, hops: u8) -> iamsim_engine::imds::HttpResponse {
    w.imds(
        id,
        HttpRequest::put("/latest/api/token")
            .with_header(TTL, ttl)
            .with_hops(hops),
    )
}

#[test]
fn token_ttl_must_be_1_to_21600() {
    let mut w = World::new(10);
    let id = launch(&mut w, None, None);
    for bad in ["0", "21601", "abc", "-1"] {
        assert_eq!(token(&mut w, &id, bad, 1).status, 400, "{bad}");
    }
    let missing = w.imds(&id, HttpRequest::put("/latest/api/token"));
    assert_eq!(missing.status, 400);
    assert!(missing.body.contains("<title>400 - Bad Request</title>"));
    let ok = token(&mut w, &id, "21600", 1);
    assert_eq!(ok.status, 200);
    assert!(ok.headers.contains(&(TTL.into(), "21600".into())));
    assert_eq!(ok.body.len(), 56);
}

#[test]
fn required_tokens_give_401_without_one_and_tokens_expire() {
    let mut w = World::new(11);
    let id = launch(&mut w, None, Some(json!({"HttpTokens": "required"})));
    let r = get(&mut w, &id, "/latest/meta-data/instance-id");
    assert_eq!(r.status, 401);
    assert!(r.body.contains("<title>401 - Unauthorized</title>"));
    let t = token(&mut w, &id, "60", 1).body;
    let r = w.imds(
        &id,
        HttpRequest::get("/latest/meta-data/instance-id").with_header(TOKEN, &t),
    );
    assert_eq!((r.status, r.body.as_str()), (200, id.as_str()));
    let r = w.imds(
        &id,
        HttpRequest::get("/latest/meta-data/instance-id").with_header(TOKEN, "bogus"),
    );
    assert_eq!(r.status, 401);
    w.advance(60);
    let r = w.imds(
        &id,
        HttpRequest::get("/latest/meta-data/instance-id").with_header(TOKEN, &t),
    );
    assert_eq!(r.status, 401, "expired token");
    // A token is valid for its own instance only.
    let other = launch(&mut w, None, Some(json!({"HttpTokens": "required"})));
    let t = token(&mut w, &id, "600", 1).body;
    assert_eq!(
        w.imds(
            &other,
            HttpRequest::get("/latest/meta-data/instance-id").with_header(TOKEN, &t)
        )
        .status,
        401
    );
}

#[test]
fn hop_limit_drops_the_put_reply_from_a_container_but_not_v1_gets() {
    let mut w = World::new(12);
    role_with_profile(&mut w, "R", EC2_TRUST, &[]);
    let id = launch(&mut w, Some("R"), None);
    let r = token(&mut w, &id, "21600", 2);
    assert_eq!(r.status, 0, "no answer: the reply's TTL runs out");
    assert_eq!(r.body, "");
    // IMDSv1 GETs still work from the container.
    let r = w.imds(
        &id,
        HttpRequest::get("/latest/meta-data/iam/security-credentials/R").with_hops(2),
    );
    assert_eq!(r.status, 200);
    assert!(r.body.contains("\"Code\" : \"Success\""));
    // With hop limit 2 the token arrives.
    ok(
        &mut w,
        "ec2",
        "ModifyInstanceMetadataOptions",
        json!({"InstanceId": id, "HttpPutResponseHopLimit": 2}),
    );
    assert_eq!(token(&mut w, &id, "21600", 2).status, 200);
    // ModifyInstanceMetadataOptions kept what it was not given.
    let out = ok(
        &mut w,
        "ec2",
        "ModifyInstanceMetadataOptions",
        json!({"InstanceId": id, "HttpTokens": "required"}),
    );
    assert_eq!(out["InstanceMetadataOptions"]["HttpPutResponseHopLimit"], 2);
    assert_eq!(out["InstanceMetadataOptions"]["HttpTokens"], "required");
    assert_eq!(out["InstanceMetadataOptions"]["HttpEndpoint"], "enabled");
    assert_eq!(out["InstanceMetadataOptions"]["State"], "pending");
    // Required + container with limit 1: no v1 fallback.
    ok(
        &mut w,
        "ec2",
        "ModifyInstanceMetadataOptions",
        json!({"InstanceId": id, "HttpPutResponseHopLimit": 1}),
    );
    assert_eq!(token(&mut w, &id, "21600", 2).status, 0);
    assert_eq!(
        w.imds(
            &id,
            HttpRequest::get("/latest/meta-data/iam/security-credentials/R").with_hops(2)
        )
        .status,
        401
    );
    let e = admin(
        &mut w,
        "ec2",
        "ModifyInstanceMetadataOptions",
        json!({"InstanceId": id, "HttpPutResponseHopLimit": 65}),
    )
    .unwrap_err();
    assert_eq!(e.code, "InvalidParameterValue");
}

#[test]
fn endpoint_disabled_is_403() {
    let mut w = World::new(13);
    let id = launch(&mut w, None, Some(json!({"HttpEndpoint": "disabled"})));
    assert_eq!(get(&mut w, &id, "/latest/meta-data/").status, 403);
    assert_eq!(token(&mut w, &id, "60", 1).status, 403);
}

#[test]
fn listings_and_leaves() {
    let mut w = World::new(14);
    let bare = launch(&mut w, None, None);
    let listing = get(&mut w, &bare, "/latest/meta-data/").body;
    assert!(
        listing.starts_with("ami-id\nami-launch-index\nhostname\ninstance-action\ninstance-id\n"),
        "{listing}"
    );
    assert!(!listing.contains("iam/"));
    assert!(listing.lines().any(|l| l == "placement/"));
    assert_eq!(get(&mut w, &bare, "/latest/meta-data/iam/").status, 404);
    assert_eq!(
        get(&mut w, &bare, "/latest/meta-data/iam/security-credentials/").status,
        404
    );
    let nf = get(&mut w, &bare, "/latest/meta-data/nope");
    assert_eq!(nf.status, 404);
    assert!(nf.body.contains("<title>404 - Not Found</title>"));
    assert_eq!(
        get(&mut w, &bare, "/latest/meta-data/placement/region").body,
        "us-east-1"
    );
    assert_eq!(
        get(
            &mut w,
            &bare,
            "/latest/meta-data/placement/availability-zone"
        )
        .body,
        "us-east-1a"
    );
    assert_eq!(get(&mut w, &bare, "/latest/meta-data/ami-id").body, AMI);
    assert_eq!(
        get(&mut w, &bare, "/latest/meta-data/instance-type").body,
        "t3.micro"
    );
    let ip = get(&mut w, &bare, "/latest/meta-data/local-ipv4").body;
    assert_eq!(
        get(&mut w, &bare, "/latest/meta-data/hostname").body,
        format!("ip-{}.ec2.internal", ip.replace('.', "-"))
    );
    let doc = get(&mut w, &bare, "/latest/dynamic/instance-identity/document").body;
    let doc: serde_json::Value = serde_json::from_str(&doc).unwrap();
    assert_eq!(doc["instanceId"], bare);
    assert_eq!(doc["accountId"], "123456789012");
    assert_eq!(
        get(
            &mut w,
            &bare,
            "http://169.254.169.254/latest/meta-data/instance-id"
        )
        .body,
        bare
    );

    role_with_profile(&mut w, "R", EC2_TRUST, &[]);
    let with = launch(&mut w, Some("R"), None);
    assert!(
        get(&mut w, &with, "/latest/meta-data/")
            .body
            .lines()
            .any(|l| l == "iam/")
    );
    assert_eq!(
        get(&mut w, &with, "/latest/meta-data/iam/").body,
        "info\nsecurity-credentials/"
    );
    assert_eq!(
        get(
            &mut w,
            &with,
            "/latest/meta-data/iam/security-credentials/Other"
        )
        .status,
        404
    );
    // A stopped instance does not answer.
    ok(
        &mut w,
        "ec2",
        "StopInstances",
        json!({"InstanceIds": [with]}),
    );
    w.advance(1);
    assert_eq!(get(&mut w, &with, "/latest/meta-data/").status, 0);
}

#[test]
fn removing_the_role_and_deleting_the_profile_reach_the_instance_at_refresh() {
    let mut w = World::new(15);
    role_with_profile(&mut w, "R", EC2_TRUST, &[]);
    let id = launch(&mut w, Some("R"), None);
    ok(
        &mut w,
        "iam",
        "RemoveRoleFromInstanceProfile",
        json!({"InstanceProfileName": "R", "RoleName": "R"}),
    );
    // Still served until the next refresh.
    assert!(
        get(&mut w, &id, "/latest/meta-data/iam/security-credentials/R")
            .body
            .contains("Success")
    );
    w.advance(3600);
    assert_eq!(
        get(&mut w, &id, "/latest/meta-data/iam/security-credentials/R").status,
        404
    );
    let info = get(&mut w, &id, "/latest/meta-data/iam/info").body;
    assert!(
        info.contains("Instance Profile does not contain a role"),
        "{info}"
    );
    ok(
        &mut w,
        "iam",
        "DeleteInstanceProfile",
        json!({"InstanceProfileName": "R"}),
    );
    w.advance(300);
    let info = get(&mut w, &id, "/latest/meta-data/iam/info").body;
    assert!(info.starts_with("{\n  \"Code\" : \"InstanceProfileNotFound\",\n  \"Message\" : \"Instance Profile with Id AIPA"), "{info}");
    assert_eq!(get(&mut w, &id, "/latest/meta-data/iam/").body, "info");
}

#[test]
fn v1_and_v2_credentials_differ_and_carry_role_delivery() {
    let mut w = World::new(16);
    role_with_profile(&mut w, "R", EC2_TRUST, &[]);
    let id = launch(&mut w, Some("R"), None);
    let v1 = get(&mut w, &id, "/latest/meta-data/iam/security-credentials/R").body;
    let t = token(&mut w, &id, "300", 1).body;
    let v2 = w
        .imds(
            &id,
            HttpRequest::get("/latest/meta-data/iam/security-credentials/R").with_header(TOKEN, &t),
        )
        .body;
    let k1: serde_json::Value = serde_json::from_str(&v1).unwrap();
    let k2: serde_json::Value = serde_json::from_str(&v2).unwrap();
    assert_ne!(k1["AccessKeyId"], k2["AccessKeyId"]);
    let s1 = w
        .sts()
        .sessions
        .get(k1["AccessKeyId"].as_str().unwrap())
        .unwrap();
    let s2 = w
        .sts()
        .sessions
        .get(k2["AccessKeyId"].as_str().unwrap())
        .unwrap();
    assert_eq!(s1.role_delivery.as_deref(), Some("1.0"));
    assert_eq!(s2.role_delivery.as_deref(), Some("2.0"));
    assert_eq!(
        s1.source_instance_arn.as_deref(),
        Some(format!("arn:aws:ec2:us-east-1:123456789012:instance/{id}").as_str())
    );
    // IMDS events are compact and point at their command.
    let e = w.events().iter().rev().find_map(|e| e.as_imds()).unwrap();
    let (instance, request) = w.imds_event_request(e).unwrap();
    assert_eq!(instance, id);
    assert_eq!(
        &*request.path,
        "/latest/meta-data/iam/security-credentials/R"
    );
    assert!(e.with_token);
    assert_eq!(e.status, 200);
}

#[test]
fn a_role_condition_on_role_delivery_separates_v1_from_v2() {
    let mut w = World::new(17);
    ok(&mut w, "s3", "CreateBucket", json!({"Bucket": "mybucket"}));
    role_with_profile(&mut w, "R", EC2_TRUST, &[]);
    let policy = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"NumericGreaterThanEquals":{"ec2:RoleDelivery":"2.0"}}}]}"#;
    ok(
        &mut w,
        "iam",
        "PutRolePolicy",
        json!({"RoleName": "R", "PolicyName": "v2only", "PolicyDocument": policy}),
    );
    let id = launch(&mut w, Some("R"), None);
    let v1 = instance_credentials(&mut w, &id);
    let e = from_instance(
        &mut w,
        &id,
        &v1,
        "s3",
        "ListObjectsV2",
        json!({"Bucket": "mybucket"}),
    )
    .unwrap_err();
    assert_eq!(e.code, "AccessDenied");
    let t = token(&mut w, &id, "300", 1).body;
    let body = w
        .imds(
            &id,
            HttpRequest::get("/latest/meta-data/iam/security-credentials/R").with_header(TOKEN, &t),
        )
        .body;
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let v2 = iamsim_engine::Credentials {
        access_key_id: v["AccessKeyId"].as_str().unwrap().into(),
        secret_access_key: v["SecretAccessKey"].as_str().unwrap().into(),
        session_token: Some(v["Token"].as_str().unwrap().into()),
        expiration: None,
    };
    from_instance(
        &mut w,
        &id,
        &v2,
        "s3",
        "ListObjectsV2",
        json!({"Bucket": "mybucket"}),
    )
    .unwrap();
}

/// The EC2 service's credential refreshes are kept compact
/// (`Event::InstanceCredentials`) but read as the same CloudTrail-like records as before
/// (pinned from the engine that stored them as `Event::Api`), allowed and denied, with a
/// role path.
#[test]
fn credential_refreshes_read_as_assume_role_records_by_the_ec2_service() {
    let mut w = World::new(7);
    for (name, trust) in [("Good", EC2_TRUST), ("Bad", LAMBDA_TRUST)] {
        ok(
            &mut w,
            "iam",
            "CreateRole",
            json!({"RoleName": name, "Path": "/app/", "AssumeRolePolicyDocument": trust}),
        );
        ok(
            &mut w,
            "iam",
            "CreateInstanceProfile",
            json!({"InstanceProfileName": name}),
        );
        ok(
            &mut w,
            "iam",
            "AddRoleToInstanceProfile",
            json!({"InstanceProfileName": name, "RoleName": name}),
        );
        ok(
            &mut w,
            "ec2",
            "RunInstances",
            json!({"ImageId": AMI, "MinCount": 1, "MaxCount": 1, "IamInstanceProfile": {"Name": name}}),
        );
    }
    w.advance(5);
    let refreshes: Vec<&Event> = w
        .events()
        .iter()
        .filter(|e| matches!(e, Event::InstanceCredentials(_)))
        .collect();
    assert_eq!(refreshes.len(), 2);
    let records: Vec<serde_json::Value> = refreshes
        .iter()
        .map(|e| serde_json::to_value(&*e.as_api().unwrap()).unwrap())
        .collect();
    let denied: serde_json::Value = serde_json::from_str(r#"{"authorizations": [{"action": "sts:AssumeRole", "evaluation": {"action": "sts:AssumeRole", "decided_by": "Resource", "decision": "ImplicitDeny", "trace": [{"name": "trust policy of role Bad", "policy_type": "Resource", "statements": [{"action_matched": true, "applies": false, "conditions": [], "effect": "Allow", "index": 0, "principal_matched": false, "resource_matched": true, "sid": null}]}]}, "resource": "arn:aws:iam::123456789012:role/app/Bad"}], "awsRegion": "us-east-1", "errorCode": "AccessDenied", "errorMessage": "User: ec2.amazonaws.com is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/app/Bad", "eventName": "AssumeRole", "eventSource": "sts.amazonaws.com", "eventTime": "2026-01-01T00:00:05Z", "requestID": "0a45f286-b9e7-4382-91ce-3318362240f6", "requestParameters": {"durationSeconds": 21600, "roleArn": "arn:aws:iam::123456789012:role/app/Bad", "roleSessionName": "i-1ed02d98840f4d4a9"}, "responseElements": null, "sourceIPAddress": "ec2.amazonaws.com", "userIdentity": {"invokedBy": "ec2.amazonaws.com", "type": "AWSService"}}"#).unwrap();
    let allowed: serde_json::Value = serde_json::from_str(r#"{"authorizations": [{"action": "sts:AssumeRole", "evaluation": {"action": "sts:AssumeRole", "decided_by": "Resource", "decision": "Allow", "trace": [{"name": "trust policy of role Good", "policy_type": "Resource", "statements": [{"action_matched": true, "applies": true, "conditions": [], "effect": "Allow", "index": 0, "principal_matched": true, "resource_matched": true, "sid": null}]}]}, "resource": "arn:aws:iam::123456789012:role/app/Good"}], "awsRegion": "us-east-1", "eventName": "AssumeRole", "eventSource": "sts.amazonaws.com", "eventTime": "2026-01-01T00:00:05Z", "requestID": "e92c6f2f-4924-451e-a254-559d4fb0fd0e", "requestParameters": {"durationSeconds": 21600, "roleArn": "arn:aws:iam::123456789012:role/app/Good", "roleSessionName": "i-d972d19a7176d285f"}, "responseElements": {"assumedRoleUser": {"arn": "arn:aws:sts::123456789012:assumed-role/Good/i-d972d19a7176d285f"}, "credentials": [{"accessKeyId": "ASIAPQJT2OV5DSDQ6DQ5", "expiration": "2026-01-01T06:00:05Z", "roleDelivery": "1.0"}, {"accessKeyId": "ASIAWH4WW2BXRURHNX3D", "expiration": "2026-01-01T06:00:05Z", "roleDelivery": "2.0"}]}, "sourceIPAddress": "ec2.amazonaws.com", "userIdentity": {"invokedBy": "ec2.amazonaws.com", "type": "AWSService"}}"#).unwrap();
    assert_eq!(records, vec![denied, allowed]);
    // The delivered keys are real sessions of the role, for this instance.
    let Event::InstanceCredentials(good) = refreshes[1] else {
        unreachable!()
    };
    for (key, delivery) in good.access_key_ids.iter().zip(["1.0", "2.0"]) {
        let s = w.sts().sessions.get(key).unwrap();
        assert_eq!(s.session_name, good.instance_id);
        assert_eq!(s.role_delivery.as_deref(), Some(delivery));
    }
    // Saved as the records (the save format is the one from before compact events), read
    // back as compact events; the compact log likewise.
    let text = w.to_json();
    assert!(!text.contains("InstanceCredentials"));
    let loaded = World::from_json(&text).unwrap();
    assert_eq!(loaded, w);
    assert_eq!(
        loaded
            .events()
            .iter()
            .filter(|e| matches!(e, Event::InstanceCredentials(_)))
            .count(),
        2
    );
    assert_eq!(World::replay(7, &w.log()), w);
}

/// A query string or fragment does not change what a GET reads (curl sends the query; the
/// service ignores it).
#[test]
fn query_and_fragment_are_ignored() {
    let mut w = World::new(1);
    let id = launch(&mut w, None, None);
    w.advance(5);
    for path in [
        "/latest/meta-data/instance-id",
        "/latest/meta-data/instance-id?x=1",
        "/latest/meta-data/instance-id#top",
        "/latest/meta-data/instance-id?a#b",
        "/latest/meta-data/instance-id#a?b",
        "http://169.254.169.254/latest/meta-data/instance-id?",
    ] {
        let r = get(&mut w, &id, path);
        assert_eq!((r.status, r.body.as_str()), (200, id.as_str()), "{path}");
    }
    assert_eq!(
        get(&mut w, &id, "/latest/meta-data/instance-i?d").status,
        404
    );
}

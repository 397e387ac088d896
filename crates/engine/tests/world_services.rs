//! STS, EC2, S3, CloudWatch Logs and the world's state: determinism, saving, loading.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod world_common;

use iamsim_engine::error::LoadError;
use iamsim_engine::{Command, Credentials, Origin, World};
use serde_json::json;
use world_common::*;

fn user_with(w: &mut World, name: &str, policy: &str) -> Credentials {
    ok(w, "iam", "CreateUser", json!({"UserName": name}));
    ok(
        w,
        "iam",
        "PutUserPolicy",
        json!({"UserName": name, "PolicyName": "p", "PolicyDocument": policy}),
    );
    let key = ok(w, "iam", "CreateAccessKey", json!({"UserName": name}));
    Credentials {
        access_key_id: key["AccessKey"]["AccessKeyId"].as_str().unwrap().into(),
        secret_access_key: key["AccessKey"]["SecretAccessKey"].as_str().unwrap().into(),
        session_token: None,
        expiration: None,
    }
}

#[test]
fn assume_role_trust_and_validation() {
    let mut w = World::new(30);
    let trust_admin = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:user/admin"},"Action":"sts:AssumeRole"}]}"#;
    ok(
        &mut w,
        "iam",
        "CreateRole",
        json!({"RoleName": "Ops", "AssumeRolePolicyDocument": trust_admin, "MaxSessionDuration": 7200}),
    );
    ok(
        &mut w,
        "iam",
        "CreateRole",
        json!({"RoleName": "Ec2Only", "AssumeRolePolicyDocument": EC2_TRUST}),
    );
    let out = ok(
        &mut w,
        "sts",
        "AssumeRole",
        json!({"RoleArn": "arn:aws:iam::123456789012:role/Ops", "RoleSessionName": "me"}),
    );
    let role_id = w.role("Ops").unwrap().role_id.clone();
    assert_eq!(
        out["AssumedRoleUser"]["AssumedRoleId"],
        format!("{role_id}:me")
    );
    assert_eq!(
        out["AssumedRoleUser"]["Arn"],
        "arn:aws:sts::123456789012:assumed-role/Ops/me"
    );
    assert!(
        out["Credentials"]["AccessKeyId"]
            .as_str()
            .unwrap()
            .starts_with("ASIA")
    );
    assert_eq!(
        out["Credentials"]["Expiration"],
        "2026-01-01T01:00:00+00:00"
    );
    let e = admin(
        &mut w,
        "sts",
        "AssumeRole",
        json!({"RoleArn": "arn:aws:iam::123456789012:role/Ec2Only", "RoleSessionName": "me"}),
    )
    .unwrap_err();
    assert_eq!((e.code.as_str(), e.http_status), ("AccessDenied", 403));
    assert_eq!(
        e.message,
        "User: arn:aws:iam::123456789012:user/admin is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/Ec2Only"
    );
    let e = admin(
        &mut w,
        "sts",
        "AssumeRole",
        json!({"RoleArn": "arn:aws:iam::123456789012:role/Ops", "RoleSessionName": "x"}),
    )
    .unwrap_err();
    assert_eq!(
        e.message,
        "1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2"
    );
    let e = admin(&mut w, "sts", "AssumeRole", json!({"RoleArn": "arn:aws:iam::123456789012:role/Ops", "RoleSessionName": "me", "DurationSeconds": 600})).unwrap_err();
    assert_eq!(
        e.message,
        "1 validation error detected: Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"
    );
    let e = admin(&mut w, "sts", "AssumeRole", json!({"RoleArn": "arn:aws:iam::123456789012:role/Ops", "RoleSessionName": "me", "DurationSeconds": 7201})).unwrap_err();
    assert_eq!(
        e.message,
        "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."
    );
    // The session's permissions are the role's: none here.
    let creds = Credentials {
        access_key_id: out["Credentials"]["AccessKeyId"].as_str().unwrap().into(),
        secret_access_key: out["Credentials"]["SecretAccessKey"]
            .as_str()
            .unwrap()
            .into(),
        session_token: Some(out["Credentials"]["SessionToken"].as_str().unwrap().into()),
        expiration: None,
    };
    let e = w
        .call(Origin::Laptop, Some(&creds), "s3", "ListBuckets", json!({}))
        .unwrap_err();
    assert_eq!(
        e.message,
        "User: arn:aws:sts::123456789012:assumed-role/Ops/me is not authorized to perform: s3:ListAllMyBuckets on resource: \"*\" because no identity-based policy allows the s3:ListAllMyBuckets action"
    );
    w.advance(3600);
    let e = w
        .call(
            Origin::Laptop,
            Some(&creds),
            "sts",
            "GetCallerIdentity",
            json!({}),
        )
        .unwrap_err();
    assert_eq!(e.code, "ExpiredToken");
}

#[test]
fn instance_lifecycle_and_associations() {
    let mut w = World::new(31);
    role_with_profile(&mut w, "A", EC2_TRUST, &[]);
    role_with_profile(&mut w, "B", EC2_TRUST, &[]);
    let run = ok(
        &mut w,
        "ec2",
        "RunInstances",
        json!({"ImageId": AMI, "InstanceType": "t3.micro", "MinCount": 2, "MaxCount": 2}),
    );
    assert_eq!(
        run["Instances"][0]["State"],
        json!({"Code": 0, "Name": "pending"})
    );
    assert_eq!(run["Instances"][1]["AmiLaunchIndex"], 1);
    assert!(run["ReservationId"].as_str().unwrap().starts_with("r-"));
    let id = run["Instances"][0]["InstanceId"]
        .as_str()
        .unwrap()
        .to_string();
    // Pending: not yet associable.
    let e = admin(
        &mut w,
        "ec2",
        "AssociateIamInstanceProfile",
        json!({"InstanceId": id, "IamInstanceProfile": {"Name": "A"}}),
    )
    .unwrap_err();
    assert_eq!(e.code, "IncorrectInstanceState");
    w.advance(1);
    let a = ok(
        &mut w,
        "ec2",
        "AssociateIamInstanceProfile",
        json!({"InstanceId": id, "IamInstanceProfile": {"Name": "A"}}),
    );
    let assoc = a["IamInstanceProfileAssociation"]["AssociationId"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(assoc.starts_with("iip-assoc-") && assoc.len() == 27);
    assert_eq!(a["IamInstanceProfileAssociation"]["State"], "associating");
    let e = admin(
        &mut w,
        "ec2",
        "AssociateIamInstanceProfile",
        json!({"InstanceId": id, "IamInstanceProfile": {"Name": "B"}}),
    )
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.message.clone()),
        (
            "IncorrectState",
            format!("There is an existing association for instance {id}")
        )
    );
    w.advance(1);
    let d = ok(
        &mut w,
        "ec2",
        "DescribeIamInstanceProfileAssociations",
        json!({"Filters": [{"Name": "instance-id", "Values": [id]}]}),
    );
    assert_eq!(
        d["IamInstanceProfileAssociations"][0]["State"],
        "associated"
    );
    assert_eq!(
        d["IamInstanceProfileAssociations"][0]["IamInstanceProfile"]["Arn"],
        "arn:aws:iam::123456789012:instance-profile/A"
    );
    // Replace: a new association id; the credentials change at the next refresh only.
    let before = instance_credentials(&mut w, &id);
    let r = ok(
        &mut w,
        "ec2",
        "ReplaceIamInstanceProfileAssociation",
        json!({"AssociationId": assoc, "IamInstanceProfile": {"Name": "B"}}),
    );
    let new_assoc = r["IamInstanceProfileAssociation"]["AssociationId"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(new_assoc, assoc);
    w.advance(1);
    assert_eq!(
        get(&mut w, &id, "/latest/meta-data/iam/security-credentials/").body,
        "A"
    );
    assert_eq!(
        instance_credentials(&mut w, &id).access_key_id,
        before.access_key_id
    );
    w.advance(3600);
    assert_eq!(
        get(&mut w, &id, "/latest/meta-data/iam/security-credentials/").body,
        "B"
    );
    let e = admin(
        &mut w,
        "ec2",
        "DisassociateIamInstanceProfile",
        json!({"AssociationId": assoc}),
    )
    .unwrap_err();
    assert_eq!(e.code, "InvalidAssociationID.NotFound");
    let dis = ok(
        &mut w,
        "ec2",
        "DisassociateIamInstanceProfile",
        json!({"AssociationId": new_assoc}),
    );
    assert_eq!(
        dis["IamInstanceProfileAssociation"]["State"],
        "disassociating"
    );
    w.advance(1);
    assert_eq!(get(&mut w, &id, "/latest/meta-data/iam/").status, 404);
    let desc = ok(
        &mut w,
        "ec2",
        "DescribeInstances",
        json!({"InstanceIds": [id]}),
    );
    assert!(
        desc["Reservations"][0]["Instances"][0]
            .get("IamInstanceProfile")
            .is_none()
    );

    // Stop, start, terminate with their transitions.
    let s = ok(&mut w, "ec2", "StopInstances", json!({"InstanceIds": [id]}));
    assert_eq!(
        s["StoppingInstances"][0]["PreviousState"],
        json!({"Code": 16, "Name": "running"})
    );
    assert_eq!(
        s["StoppingInstances"][0]["CurrentState"],
        json!({"Code": 64, "Name": "stopping"})
    );
    w.advance(1);
    let s = ok(
        &mut w,
        "ec2",
        "StartInstances",
        json!({"InstanceIds": [id]}),
    );
    assert_eq!(
        s["StartingInstances"][0]["PreviousState"]["Name"],
        "stopped"
    );
    assert_eq!(s["StartingInstances"][0]["CurrentState"]["Name"], "pending");
    let t = ok(
        &mut w,
        "ec2",
        "TerminateInstances",
        json!({"InstanceIds": [id]}),
    );
    assert_eq!(
        t["TerminatingInstances"][0]["CurrentState"],
        json!({"Code": 32, "Name": "shutting-down"})
    );
    w.advance(1);
    let e = admin(
        &mut w,
        "ec2",
        "StartInstances",
        json!({"InstanceIds": [id]}),
    )
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.message.clone()),
        (
            "IncorrectInstanceState",
            format!("The instance '{id}' is not in a state from which it can be started.")
        )
    );
    let e = admin(
        &mut w,
        "ec2",
        "DescribeInstances",
        json!({"InstanceIds": ["i-0123456789abcdef0"]}),
    )
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.message.as_str()),
        (
            "InvalidInstanceID.NotFound",
            "The instance ID 'i-0123456789abcdef0' does not exist"
        )
    );
    let e = admin(
        &mut w,
        "ec2",
        "DescribeInstances",
        json!({"InstanceIds": ["nope"]}),
    )
    .unwrap_err();
    assert_eq!(e.code, "InvalidInstanceID.Malformed");
    let running = ok(
        &mut w,
        "ec2",
        "DescribeInstances",
        json!({"Filters": [{"Name": "instance-state-name", "Values": ["running"]}]}),
    );
    assert_eq!(
        running["Reservations"][0]["Instances"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let e = admin(
        &mut w,
        "ec2",
        "RunInstances",
        json!({"ImageId": "ubuntu", "MinCount": 1, "MaxCount": 1}),
    )
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.message.as_str()),
        (
            "InvalidAMIID.Malformed",
            "Invalid id: \"ubuntu\" (expecting \"ami-...\")"
        )
    );
    let e = admin(
        &mut w,
        "ec2",
        "RunInstances",
        json!({"MinCount": 1, "MaxCount": 1}),
    )
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.message.as_str()),
        (
            "MissingParameter",
            "The request must contain the parameter ImageId"
        )
    );
}

#[test]
fn s3_buckets_and_bucket_policies() {
    let mut w = World::new(32);
    assert_eq!(
        ok(
            &mut w,
            "s3",
            "CreateBucket",
            json!({"Bucket": "data-bucket"})
        )["Location"],
        "/data-bucket"
    );
    let e = admin(
        &mut w,
        "s3",
        "CreateBucket",
        json!({"Bucket": "data-bucket"}),
    )
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.http_status),
        ("BucketAlreadyOwnedByYou", 409)
    );
    let e = admin(&mut w, "s3", "CreateBucket", json!({"Bucket": "Bad_Name"})).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.message.as_str()),
        ("InvalidBucketName", "The specified bucket is not valid.")
    );
    ok(
        &mut w,
        "s3",
        "PutObject",
        json!({"Bucket": "data-bucket", "Key": "a/b.txt", "Body": "x"}),
    );
    let e = admin(
        &mut w,
        "s3",
        "DeleteBucket",
        json!({"Bucket": "data-bucket"}),
    )
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.message.as_str()),
        (
            "BucketNotEmpty",
            "The bucket you tried to delete is not empty"
        )
    );
    let list = ok(
        &mut w,
        "s3",
        "ListObjectsV2",
        json!({"Bucket": "data-bucket", "Prefix": "a/"}),
    );
    assert_eq!(list["Contents"][0]["Key"], "a/b.txt");
    assert_eq!(list["Contents"][0]["Size"], 1);

    // A user with no identity policy for S3, granted by the bucket policy alone (same account).
    let reader = user_with(
        &mut w,
        "reader",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}]}"#,
    );
    let as_reader = |w: &mut World, op: &str, key: &str| {
        w.call(
            Origin::Laptop,
            Some(&reader),
            "s3",
            op,
            json!({"Bucket": "data-bucket", "Key": key}),
        )
    };
    let e = as_reader(&mut w, "GetObject", "a/b.txt").unwrap_err();
    assert_eq!(e.code, "AccessDenied");
    let policy = r#"{"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:user/reader"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::data-bucket/*"},
        {"Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::data-bucket/*"}]}"#;
    ok(
        &mut w,
        "s3",
        "PutBucketPolicy",
        json!({"Bucket": "data-bucket", "Policy": policy}),
    );
    let got = as_reader(&mut w, "GetObject", "a/b.txt").unwrap();
    assert_eq!(got["Body"], "x");
    let head = ok(
        &mut w,
        "s3",
        "HeadObject",
        json!({"Bucket": "data-bucket", "Key": "a/b.txt"}),
    );
    assert_eq!(head["ContentLength"], 1);
    let e = admin(
        &mut w,
        "s3",
        "HeadObject",
        json!({"Bucket": "data-bucket", "Key": "missing"}),
    )
    .unwrap_err();
    assert_eq!(
        e.cli_message("HeadObject"),
        "An error occurred (404) when calling the HeadObject operation: Not Found"
    );
    let e = as_reader(&mut w, "HeadObject", "other").unwrap_err();
    // The reader may GetObject but not ListBucket: a missing key is 403, not 404, so
    // the answer does not reveal what the bucket holds (GetObject API reference).
    assert_eq!(
        (e.code.as_str(), e.message.as_str(), e.http_status),
        ("403", "Forbidden", 403)
    );
    let e = as_reader(&mut w, "GetObject", "other").unwrap_err();
    assert_eq!(
        e.cli_message("GetObject"),
        "An error occurred (AccessDenied) when calling the GetObject operation: Access Denied"
    );
    assert!(
        e.evaluation.is_some(),
        "the s3:ListBucket evaluation explains it"
    );
    let e = admin(
        &mut w,
        "s3",
        "GetObject",
        json!({"Bucket": "data-bucket", "Key": "other"}),
    )
    .unwrap_err();
    assert_eq!(
        e.cli_message("GetObject"),
        "An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist."
    );
    let e = admin(
        &mut w,
        "s3",
        "DeleteObject",
        json!({"Bucket": "data-bucket", "Key": "a/b.txt"}),
    )
    .unwrap_err();
    assert_eq!(
        e.message,
        "User: arn:aws:iam::123456789012:user/admin is not authorized to perform: s3:DeleteObject on resource: \"arn:aws:s3:::data-bucket/a/b.txt\" with an explicit deny in a resource-based policy"
    );
    let stored = ok(
        &mut w,
        "s3",
        "GetBucketPolicy",
        json!({"Bucket": "data-bucket"}),
    );
    assert!(
        stored["Policy"]
            .as_str()
            .unwrap()
            .contains("s3:DeleteObject")
    );
    let e = admin(&mut w, "s3", "PutBucketPolicy", json!({"Bucket": "data-bucket", "Policy": r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#})).unwrap_err();
    assert_eq!(e.code, "MalformedPolicy");
    ok(
        &mut w,
        "s3",
        "DeleteBucketPolicy",
        json!({"Bucket": "data-bucket"}),
    );
    let e = admin(
        &mut w,
        "s3",
        "GetBucketPolicy",
        json!({"Bucket": "data-bucket"}),
    )
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.message.as_str()),
        ("NoSuchBucketPolicy", "The bucket policy does not exist")
    );
    ok(
        &mut w,
        "s3",
        "DeleteObject",
        json!({"Bucket": "data-bucket", "Key": "a/b.txt"}),
    );
    ok(
        &mut w,
        "s3",
        "DeleteBucket",
        json!({"Bucket": "data-bucket"}),
    );
    let e = admin(&mut w, "s3", "HeadBucket", json!({"Bucket": "data-bucket"})).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.message.as_str(), e.http_status),
        ("404", "Not Found", 404)
    );
    assert_eq!(
        e.cli_message("HeadBucket"),
        "An error occurred (404) when calling the HeadBucket operation: Not Found"
    );
}

#[test]
fn cloudwatch_logs_with_the_agent_policy() {
    let mut w = World::new(33);
    role_with_profile(&mut w, "Agent", EC2_TRUST, &["CloudWatchAgentServerPolicy"]);
    let id = launch(&mut w, Some("Agent"), None);
    let creds = instance_credentials(&mut w, &id);
    from_instance(
        &mut w,
        &id,
        &creds,
        "logs",
        "CreateLogGroup",
        json!({"logGroupName": "/app/web"}),
    )
    .unwrap();
    let e = from_instance(
        &mut w,
        &id,
        &creds,
        "logs",
        "CreateLogGroup",
        json!({"logGroupName": "/app/web"}),
    )
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.message.as_str()),
        (
            "ResourceAlreadyExistsException",
            "The specified log group already exists"
        )
    );
    from_instance(
        &mut w,
        &id,
        &creds,
        "logs",
        "CreateLogStream",
        json!({"logGroupName": "/app/web", "logStreamName": id}),
    )
    .unwrap();
    from_instance(&mut w, &id, &creds, "logs", "PutLogEvents", json!({"logGroupName": "/app/web", "logStreamName": id, "logEvents": [{"timestamp": 1_767_225_600_000i64, "message": "hello"}]})).unwrap();
    let groups =
        from_instance(&mut w, &id, &creds, "logs", "DescribeLogGroups", json!({})).unwrap();
    assert_eq!(groups["logGroups"][0]["logGroupName"], "/app/web");
    assert_eq!(groups["logGroups"][0]["storedBytes"], 5);
    let e = from_instance(
        &mut w,
        &id,
        &creds,
        "logs",
        "PutLogEvents",
        json!({"logGroupName": "/nope", "logStreamName": "s", "logEvents": []}),
    )
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.message.as_str()),
        (
            "ResourceNotFoundException",
            "The specified log group does not exist."
        )
    );
    // Without the policy: AccessDeniedException.
    role_with_profile(&mut w, "NoLogs", EC2_TRUST, &[]);
    let other = launch(&mut w, Some("NoLogs"), None);
    let creds = instance_credentials(&mut w, &other);
    let e = from_instance(
        &mut w,
        &other,
        &creds,
        "logs",
        "CreateLogGroup",
        json!({"logGroupName": "/x"}),
    )
    .unwrap_err();
    assert_eq!(e.code, "AccessDeniedException");
    assert!(e.message.contains("is not authorized to perform: logs:CreateLogGroup on resource: arn:aws:logs:us-east-1:123456789012:log-group:/x:log-stream: because no identity-based policy allows the logs:CreateLogGroup action"), "{}", e.message);
}

fn scenario(seed: u64) -> World {
    let mut w = World::new(seed);
    role_with_profile(
        &mut w,
        "R",
        EC2_TRUST,
        &["AmazonS3FullAccess", "AmazonSSMManagedInstanceCore"],
    );
    ok(&mut w, "s3", "CreateBucket", json!({"Bucket": "mybucket"}));
    let id = launch(
        &mut w,
        Some("R"),
        Some(json!({"HttpTokens": "required", "HttpPutResponseHopLimit": 2})),
    );
    let t = w.imds(
        &id,
        iamsim_engine::imds::HttpRequest::put("/latest/api/token")
            .with_header("X-aws-ec2-metadata-token-ttl-seconds", "21600"),
    );
    let _ = w.imds(
        &id,
        iamsim_engine::imds::HttpRequest::get("/latest/meta-data/iam/security-credentials/R")
            .with_header("X-aws-ec2-metadata-token", &t.body),
    );
    w.advance(600);
    let _ = admin(&mut w, "iam", "DeleteRole", json!({"RoleName": "R"}));
    w.apply(Command::ConsoleCreateRoleForEc2 {
        role_name: "Console".into(),
        managed_policy_arns: vec![],
        description: Some("d".into()),
    })
    .unwrap();
    w
}

#[test]
fn same_seed_same_world_byte_for_byte() {
    let a = scenario(99);
    let b = scenario(99);
    assert_eq!(a.to_json(), b.to_json());
    assert_ne!(a.to_json(), scenario(100).to_json());
    assert_eq!(World::replay(99, &a.log()).to_json(), a.to_json());
}

#[test]
fn saves_and_loads_with_a_version() {
    let w = scenario(7);
    let text = w.to_json();
    let loaded = World::from_json(&text).unwrap();
    assert_eq!(loaded, w);
    assert_eq!(loaded.to_json(), text);
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["version"], 1);
    v["version"] = json!(7);
    let e = World::from_json(&v.to_string()).unwrap_err();
    assert_eq!(
        e,
        LoadError::Version {
            found: 7,
            expected: 1
        }
    );
    assert_eq!(
        e.to_string(),
        "saved world has format version 7; this iamsim reads version 1"
    );
    assert!(matches!(
        World::from_json("not json"),
        Err(LoadError::Json(_))
    ));
    assert!(matches!(World::from_json("{}"), Err(LoadError::Json(_))));
}

#[test]
fn every_call_is_an_event_with_its_evaluation() {
    let mut w = World::new(34);
    let before = w.events().len();
    ok(&mut w, "s3", "CreateBucket", json!({"Bucket": "mybucket"}));
    let _ = admin(&mut w, "s3", "CreateBucket", json!({"Bucket": "mybucket"}));
    let events: Vec<iamsim_engine::event::ApiEvent> = w.events()[before..]
        .iter()
        .filter_map(|e| e.as_api())
        .map(std::borrow::Cow::into_owned)
        .collect();
    assert_eq!(events.len(), 2);
    let first = &events[0];
    assert_eq!(first.event_source, "s3.amazonaws.com");
    assert_eq!(first.event_name, "CreateBucket");
    assert_eq!(first.aws_region, "us-east-1");
    assert_eq!(first.source_ip_address, "203.0.113.10");
    assert_eq!(first.user_identity.identity_type, "IAMUser");
    assert_eq!(
        first.user_identity.arn.as_deref(),
        Some("arn:aws:iam::123456789012:user/admin")
    );
    assert!(
        first
            .user_identity
            .principal_id
            .as_deref()
            .unwrap()
            .starts_with("AIDA")
    );
    assert_eq!(first.event_time, "2026-01-01T00:00:00Z");
    assert_eq!(first.request_id.len(), 36);
    assert!(first.evaluation().unwrap().is_allowed());
    assert_eq!(first.request_parameters["Bucket"], "mybucket");
    assert_eq!(
        events[1].error_code.as_deref(),
        Some("BucketAlreadyOwnedByYou")
    );
    let e = admin(&mut w, "s3", "Frobnicate", json!({})).unwrap_err();
    assert_eq!(e.code, "InvalidAction");
    // Serialized with CloudTrail's member names.
    let v = serde_json::to_value(first).unwrap();
    for key in [
        "eventTime",
        "eventSource",
        "eventName",
        "awsRegion",
        "sourceIPAddress",
        "userIdentity",
        "requestParameters",
        "responseElements",
        "requestID",
    ] {
        assert!(v.get(key).is_some(), "{key}");
    }
    assert_eq!(v["userIdentity"]["type"], "IAMUser");
}

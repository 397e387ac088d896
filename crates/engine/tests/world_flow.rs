//! The instance-profile story end to end: role → profile → instance → IMDS → credentials → S3.
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

#[test]
fn role_without_profile_cannot_be_launched_with() {
    let mut w = World::new(1);
    ok(
        &mut w,
        "iam",
        "CreateRole",
        json!({"RoleName": "S3Role", "AssumeRolePolicyDocument": EC2_TRUST}),
    );
    let e = admin(
        &mut w,
        "ec2",
        "RunInstances",
        json!({"ImageId": AMI, "InstanceType": "t3.micro", "MinCount": 1, "MaxCount": 1, "IamInstanceProfile": {"Name": "S3Role"}}),
    )
    .unwrap_err();
    assert_eq!(e.code, "InvalidParameterValue");
    assert_eq!(e.http_status, 400);
    assert_eq!(
        e.message,
        "Value (S3Role) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name"
    );
    let arn = "arn:aws:iam::123456789012:instance-profile/S3Role";
    let e = admin(
        &mut w,
        "ec2",
        "RunInstances",
        json!({"ImageId": AMI, "MinCount": 1, "MaxCount": 1, "IamInstanceProfile": {"Arn": arn}}),
    )
    .unwrap_err();
    assert_eq!(
        e.message,
        format!(
            "Value ({arn}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN"
        )
    );
}

#[test]
fn read_only_role_cannot_upload_then_full_access_can() {
    let mut w = World::new(2);
    ok(&mut w, "s3", "CreateBucket", json!({"Bucket": "mybucket"}));
    role_with_profile(&mut w, "S3Role", EC2_TRUST, &["AmazonS3ReadOnlyAccess"]);
    let id = launch(&mut w, Some("S3Role"), None);
    let creds = instance_credentials(&mut w, &id);
    assert!(creds.access_key_id.starts_with("ASIA"));

    let who = from_instance(&mut w, &id, &creds, "sts", "GetCallerIdentity", json!({})).unwrap();
    let role_id = w.role("S3Role").unwrap().role_id.clone();
    assert_eq!(
        who["Arn"],
        format!("arn:aws:sts::123456789012:assumed-role/S3Role/{id}")
    );
    assert_eq!(who["UserId"], format!("{role_id}:{id}"));
    assert_eq!(who["Account"], "123456789012");

    let e = from_instance(
        &mut w,
        &id,
        &creds,
        "s3",
        "PutObject",
        json!({"Bucket": "mybucket", "Key": "f.txt", "Body": "hi"}),
    )
    .unwrap_err();
    assert_eq!(e.code, "AccessDenied");
    assert_eq!(e.http_status, 403);
    assert_eq!(
        e.message,
        format!(
            "User: arn:aws:sts::123456789012:assumed-role/S3Role/{id} is not authorized to perform: s3:PutObject on resource: \"arn:aws:s3:::mybucket/f.txt\" because no identity-based policy allows the s3:PutObject action"
        )
    );
    assert!(e.evaluation.is_some());
    assert_eq!(
        e.cli_message("PutObject"),
        format!(
            "An error occurred (AccessDenied) when calling the PutObject operation: {}",
            e.message
        )
    );
    // Reading is allowed.
    let list = from_instance(
        &mut w,
        &id,
        &creds,
        "s3",
        "ListObjectsV2",
        json!({"Bucket": "mybucket"}),
    )
    .unwrap();
    assert_eq!(list["KeyCount"], 0);

    // Permissions change at once (policies are evaluated per call), credentials stay the same.
    ok(
        &mut w,
        "iam",
        "AttachRolePolicy",
        json!({"RoleName": "S3Role", "PolicyArn": "arn:aws:iam::aws:policy/AmazonS3FullAccess"}),
    );
    from_instance(
        &mut w,
        &id,
        &creds,
        "s3",
        "PutObject",
        json!({"Bucket": "mybucket", "Key": "f.txt", "Body": "hi"}),
    )
    .unwrap();
    let got = from_instance(
        &mut w,
        &id,
        &creds,
        "s3",
        "GetObject",
        json!({"Bucket": "mybucket", "Key": "f.txt"}),
    )
    .unwrap();
    assert_eq!(got["Body"], "hi");
    let e = from_instance(
        &mut w,
        &id,
        &creds,
        "s3",
        "GetObject",
        json!({"Bucket": "mybucket", "Key": "nope"}),
    )
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.message.as_str()),
        ("NoSuchKey", "The specified key does not exist.")
    );
    let e = from_instance(
        &mut w,
        &id,
        &creds,
        "s3",
        "PutObject",
        json!({"Bucket": "nob", "Key": "k"}),
    )
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.message.as_str()),
        ("NoSuchBucket", "The specified bucket does not exist")
    );
}

#[test]
fn describe_instances_shows_the_profile_not_the_association() {
    let mut w = World::new(3);
    role_with_profile(&mut w, "AppRole", EC2_TRUST, &[]);
    let id = launch(&mut w, Some("AppRole"), None);
    let out = ok(
        &mut w,
        "ec2",
        "DescribeInstances",
        json!({"InstanceIds": [id]}),
    );
    let inst = &out["Reservations"][0]["Instances"][0];
    let profile = w.instance_profile("AppRole").unwrap().clone();
    assert_eq!(
        inst["IamInstanceProfile"],
        json!({"Arn": profile.arn, "Id": profile.instance_profile_id})
    );
    assert!(profile.instance_profile_id.starts_with("AIPA"));
    assert_eq!(inst["State"], json!({"Code": 16, "Name": "running"}));
    assert_eq!(inst["MetadataOptions"]["HttpTokens"], "optional");
    assert_eq!(inst["MetadataOptions"]["HttpPutResponseHopLimit"], 1);
    let ip = inst["PrivateIpAddress"].as_str().unwrap();
    assert!(ip.starts_with("10.0."));
    assert_eq!(
        inst["PrivateDnsName"],
        format!("ip-{}.ec2.internal", ip.replace('.', "-"))
    );
    assert_eq!(inst["LaunchTime"], "2026-01-01T00:00:00+00:00");
    let id_str = inst["InstanceId"].as_str().unwrap();
    assert_eq!(id_str.len(), 19);
}

#[test]
fn untrusted_role_gives_assume_role_unauthorized_access() {
    let mut w = World::new(4);
    role_with_profile(&mut w, "LambdaRole", LAMBDA_TRUST, &["AmazonS3FullAccess"]);
    let id = launch(&mut w, Some("LambdaRole"), None);
    assert_eq!(
        get(&mut w, &id, "/latest/meta-data/iam/security-credentials/").body,
        "LambdaRole"
    );
    let r = get(
        &mut w,
        &id,
        "/latest/meta-data/iam/security-credentials/LambdaRole",
    );
    assert_eq!(r.status, 200);
    assert_eq!(
        r.body,
        "{\n  \"Code\" : \"AssumeRoleUnauthorizedAccess\",\n  \"Message\" : \"EC2 cannot assume the role LambdaRole.  Please see documentation at http://docs.amazonwebservices.com/IAM/latest/UserGuide/RolesTroubleshooting.html.\",\n  \"LastUpdated\" : \"2026-01-01T00:00:05Z\"\n}"
    );
    // The EC2 service's AssumeRole was recorded as a denied service call.
    let denied = w
        .events()
        .iter()
        .filter_map(|e| e.as_api())
        .find(|e| e.event_name == "AssumeRole" && e.user_identity.identity_type == "AWSService")
        .unwrap();
    assert_eq!(denied.error_code.as_deref(), Some("AccessDenied"));
    assert_eq!(
        denied.user_identity.invoked_by.as_deref(),
        Some("ec2.amazonaws.com")
    );
    assert_eq!(denied.source_ip_address, "ec2.amazonaws.com");

    // Fixing the trust policy reaches the instance at its next attempt, not at once.
    ok(
        &mut w,
        "iam",
        "UpdateAssumeRolePolicy",
        json!({"RoleName": "LambdaRole", "PolicyDocument": EC2_TRUST}),
    );
    let r = get(
        &mut w,
        &id,
        "/latest/meta-data/iam/security-credentials/LambdaRole",
    );
    assert!(r.body.contains("AssumeRoleUnauthorizedAccess"));
    w.advance(300);
    let r = get(
        &mut w,
        &id,
        "/latest/meta-data/iam/security-credentials/LambdaRole",
    );
    assert!(r.body.contains("\"Code\" : \"Success\""), "{}", r.body);
}

#[test]
fn credentials_layout_and_rotation() {
    let mut w = World::new(5);
    role_with_profile(&mut w, "R", EC2_TRUST, &[]);
    let id = launch(&mut w, Some("R"), None);
    let r = get(&mut w, &id, "/latest/meta-data/iam/security-credentials/R");
    let lines: Vec<&str> = r.body.lines().collect();
    assert_eq!(lines[0], "{");
    assert_eq!(lines[1], "  \"Code\" : \"Success\",");
    assert_eq!(lines[2], "  \"LastUpdated\" : \"2026-01-01T00:00:05Z\",");
    assert_eq!(lines[3], "  \"Type\" : \"AWS-HMAC\",");
    assert!(lines[4].starts_with("  \"AccessKeyId\" : \"ASIA"));
    assert!(lines[5].starts_with("  \"SecretAccessKey\" : \""));
    assert!(lines[6].starts_with("  \"Token\" : \""));
    assert_eq!(lines[7], "  \"Expiration\" : \"2026-01-01T06:00:05Z\"");
    assert_eq!(lines[8], "}");
    let first = instance_credentials(&mut w, &id);
    w.advance(3599);
    assert_eq!(
        instance_credentials(&mut w, &id).access_key_id,
        first.access_key_id
    );
    w.advance(1);
    let second = instance_credentials(&mut w, &id);
    assert_ne!(second.access_key_id, first.access_key_id);
    // The old keys still work until they expire ...
    from_instance(&mut w, &id, &first, "sts", "GetCallerIdentity", json!({})).unwrap();
    // ... and not after.
    w.advance(6 * 3600);
    let e = from_instance(&mut w, &id, &first, "sts", "GetCallerIdentity", json!({})).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.message.as_str()),
        (
            "ExpiredToken",
            "The security token included in the request is expired"
        )
    );
    let e = from_instance(&mut w, &id, &first, "s3", "ListBuckets", json!({})).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.message.as_str()),
        ("ExpiredToken", "The provided token has expired.")
    );

    let info = get(&mut w, &id, "/latest/meta-data/iam/info");
    let profile = w.instance_profile("R").unwrap().clone();
    assert!(
        info.body
            .starts_with("{\n  \"Code\" : \"Success\",\n  \"LastUpdated\" : \"")
    );
    assert!(info.body.ends_with(&format!(
        "\",\n  \"InstanceProfileArn\" : \"{}\",\n  \"InstanceProfileId\" : \"{}\"\n}}",
        profile.arn, profile.instance_profile_id
    )));
}

#[test]
fn unknown_keys_are_rejected_per_service() {
    let mut w = World::new(6);
    let mut creds = w.admin_credentials();
    creds.access_key_id = "AKIAAAAAAAAAAAAAAAAA".into();
    let e = w
        .call(
            iamsim_engine::Origin::Laptop,
            Some(&creds),
            "iam",
            "ListRoles",
            json!({}),
        )
        .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.message.as_str()),
        (
            "InvalidClientTokenId",
            "The security token included in the request is invalid."
        )
    );
    let e = w
        .call(
            iamsim_engine::Origin::Laptop,
            Some(&creds),
            "s3",
            "ListBuckets",
            json!({}),
        )
        .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.message.as_str()),
        (
            "InvalidAccessKeyId",
            "The AWS Access Key Id you provided does not exist in our records."
        )
    );
    // Both failures are events too.
    let last = w.events().last().unwrap().as_api().unwrap();
    assert_eq!(last.error_code.as_deref(), Some("InvalidAccessKeyId"));
    assert_eq!(
        last.user_identity.access_key_id.as_deref(),
        Some("AKIAAAAAAAAAAAAAAAAA")
    );
}

#[test]
fn console_creates_role_and_same_name_profile() {
    let mut w = World::new(7);
    let out = w
        .apply(iamsim_engine::Command::ConsoleCreateRoleForEc2 {
            role_name: "WebRole".into(),
            managed_policy_arns: vec![
                "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore".into(),
            ],
            description: None,
        })
        .unwrap();
    assert_eq!(out.response["Role"]["RoleName"], "WebRole");
    assert_eq!(
        out.response["Role"]["Description"],
        "Allows EC2 instances to call AWS services on your behalf."
    );
    assert_eq!(
        out.response["InstanceProfile"]["InstanceProfileName"],
        "WebRole"
    );
    assert_eq!(
        out.response["InstanceProfile"]["Roles"][0]["RoleName"],
        "WebRole"
    );
    assert_eq!(out.events.len(), 4);
    // The CLI does not: CreateRole alone leaves no profile.
    ok(
        &mut w,
        "iam",
        "CreateRole",
        json!({"RoleName": "CliRole", "AssumeRolePolicyDocument": EC2_TRUST}),
    );
    let e = admin(
        &mut w,
        "iam",
        "GetInstanceProfile",
        json!({"InstanceProfileName": "CliRole"}),
    )
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.message.as_str(), e.http_status),
        (
            "NoSuchEntity",
            "Instance Profile CliRole cannot be found.",
            404
        )
    );
}

#[test]
fn ssm_registers_only_with_the_core_policy() {
    let mut w = World::new(8);
    role_with_profile(
        &mut w,
        "Managed",
        EC2_TRUST,
        &["AmazonSSMManagedInstanceCore"],
    );
    role_with_profile(&mut w, "Plain", EC2_TRUST, &["AmazonS3ReadOnlyAccess"]);
    let managed = launch(&mut w, Some("Managed"), None);
    let plain = launch(&mut w, Some("Plain"), None);
    let list = ok(&mut w, "ssm", "DescribeInstanceInformation", json!({}));
    assert_eq!(list["InstanceInformationList"], json!([]));
    w.advance(180);
    let list = ok(&mut w, "ssm", "DescribeInstanceInformation", json!({}));
    let ids: Vec<&str> = list["InstanceInformationList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["InstanceId"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec![managed.as_str()]);
    w.advance(3600);
    let list = ok(&mut w, "ssm", "DescribeInstanceInformation", json!({}));
    assert_eq!(list["InstanceInformationList"].as_array().unwrap().len(), 1);
    let denied = w
        .events()
        .iter()
        .filter_map(|e| e.as_api())
        .filter(|e| e.event_name == "UpdateInstanceInformation" && e.error_code.is_some())
        .count();
    assert!(denied >= 2);
    assert!(!ids.contains(&plain.as_str()));
    // Attaching the policy lets the plain instance register at its agent's next try.
    ok(
        &mut w,
        "iam",
        "AttachRolePolicy",
        json!({"RoleName": "Plain", "PolicyArn": "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"}),
    );
    w.advance(300);
    let list = ok(&mut w, "ssm", "DescribeInstanceInformation", json!({}));
    assert_eq!(list["InstanceInformationList"].as_array().unwrap().len(), 2);
}

#[test]
fn pass_role_is_required_to_launch_with_a_role() {
    let mut w = World::new(9);
    role_with_profile(&mut w, "AppRole", EC2_TRUST, &[]);
    ok(&mut w, "iam", "CreateUser", json!({"UserName": "dev"}));
    ok(
        &mut w,
        "iam",
        "PutUserPolicy",
        json!({"UserName": "dev", "PolicyName": "ec2", "PolicyDocument": r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*"}]}"#}),
    );
    let key = ok(&mut w, "iam", "CreateAccessKey", json!({"UserName": "dev"}));
    let creds = iamsim_engine::Credentials {
        access_key_id: key["AccessKey"]["AccessKeyId"].as_str().unwrap().into(),
        secret_access_key: key["AccessKey"]["SecretAccessKey"].as_str().unwrap().into(),
        session_token: None,
        expiration: None,
    };
    let e = w
        .call(
            iamsim_engine::Origin::Laptop,
            Some(&creds),
            "ec2",
            "RunInstances",
            json!({"ImageId": AMI, "MinCount": 1, "MaxCount": 1, "IamInstanceProfile": {"Name": "AppRole"}}),
        )
        .unwrap_err();
    assert_eq!(e.code, "UnauthorizedOperation");
    assert_eq!(e.http_status, 403);
    let prefix = "You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/dev is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/AppRole because no identity-based policy allows the iam:PassRole action. Encoded authorization failure message: ";
    assert!(e.message.starts_with(prefix), "{}", e.message);
    assert!(e.message.len() > prefix.len() + 100);
    // Without a profile the same user may launch.
    w.call(
        iamsim_engine::Origin::Laptop,
        Some(&creds),
        "ec2",
        "RunInstances",
        json!({"ImageId": AMI, "MinCount": 1, "MaxCount": 1}),
    )
    .unwrap();
}

#[test]
fn ssm_agent_cannot_register_without_the_metadata_service() {
    let mut w = World::new(10);
    role_with_profile(
        &mut w,
        "Managed",
        EC2_TRUST,
        &["AmazonSSMManagedInstanceCore"],
    );
    let id = launch(
        &mut w,
        Some("Managed"),
        Some(json!({"HttpEndpoint": "disabled"})),
    );
    w.advance(600);
    let list = ok(&mut w, "ssm", "DescribeInstanceInformation", json!({}));
    assert_eq!(list["InstanceInformationList"], json!([]));
    ok(
        &mut w,
        "ec2",
        "ModifyInstanceMetadataOptions",
        json!({"InstanceId": id, "HttpEndpoint": "enabled"}),
    );
    w.advance(60);
    let list = ok(&mut w, "ssm", "DescribeInstanceInformation", json!({}));
    assert_eq!(
        list["InstanceInformationList"][0]["InstanceId"],
        id.as_str()
    );
    assert_eq!(list["InstanceInformationList"][0]["PingStatus"], "Online");
}

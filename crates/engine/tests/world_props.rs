//! Properties of the world over random command sequences: a profile never holds more than
//! one role; an instance never has more than one association; the metadata service only
//! serves credentials of the role the instance's profile held at the last refresh; no
//! expired credential is ever accepted; replaying the command log reproduces the world.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use iamsim_engine::imds::{HttpRequest, IamDelivery};
use iamsim_engine::{Credentials, Origin, World};
use proptest::prelude::*;
use serde_json::{Value, json};
use std::collections::BTreeMap;

const EC2_TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
const OTHER_TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
const ROLES: [&str; 3] = ["R0", "R1", "R2"];
const PROFILES: [&str; 3] = ["P0", "P1", "P2"];

#[derive(Clone, Debug)]
enum Step {
    AddRole(usize, usize),
    RemoveRole(usize, usize),
    CreateProfile(usize),
    DeleteProfile(usize),
    Trust(usize, bool),
    Run(Option<usize>),
    Associate(usize, usize),
    Replace(usize, usize),
    Disassociate(usize),
    Stop(usize),
    Start(usize),
    Terminate(usize),
    Advance(u64),
    ReadCredentials(usize, bool),
    UseCredentials(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..3usize, 0..3usize).prop_map(|(p, r)| Step::AddRole(p, r)),
        (0..3usize, 0..3usize).prop_map(|(p, r)| Step::RemoveRole(p, r)),
        (0..3usize).prop_map(Step::CreateProfile),
        (0..3usize).prop_map(Step::DeleteProfile),
        (0..3usize, any::<bool>()).prop_map(|(r, t)| Step::Trust(r, t)),
        proptest::option::of(0..3usize).prop_map(Step::Run),
        (0..4usize, 0..3usize).prop_map(|(i, p)| Step::Associate(i, p)),
        (0..4usize, 0..3usize).prop_map(|(i, p)| Step::Replace(i, p)),
        (0..4usize).prop_map(Step::Disassociate),
        (0..4usize).prop_map(Step::Stop),
        (0..4usize).prop_map(Step::Start),
        (0..4usize).prop_map(Step::Terminate),
        prop_oneof![
            Just(1u64),
            Just(60),
            Just(300),
            Just(3600),
            Just(7200),
            Just(21_600)
        ]
        .prop_map(Step::Advance),
        (0..4usize, any::<bool>()).prop_map(|(i, v2)| Step::ReadCredentials(i, v2)),
        (0..8usize).prop_map(Step::UseCredentials),
    ]
}

fn admin(
    w: &mut World,
    service: &str,
    op: &str,
    params: Value,
) -> Result<Value, iamsim_engine::ApiError> {
    let creds = w.admin_credentials();
    w.call(Origin::Laptop, Some(&creds), service, op, params)
}

struct Model {
    instances: Vec<String>,
    /// The role (name) each instance's profile held at its last refresh.
    expected_role: BTreeMap<String, Option<String>>,
    credentials: Vec<(Credentials, String)>,
}

fn setup(seed: u64) -> World {
    let mut w = World::new(seed);
    for (i, r) in ROLES.iter().enumerate() {
        let trust = if i == 2 { OTHER_TRUST } else { EC2_TRUST };
        admin(
            &mut w,
            "iam",
            "CreateRole",
            json!({"RoleName": r, "AssumeRolePolicyDocument": trust}),
        )
        .unwrap();
    }
    for p in PROFILES {
        admin(
            &mut w,
            "iam",
            "CreateInstanceProfile",
            json!({"InstanceProfileName": p}),
        )
        .unwrap();
    }
    w
}

fn apply(w: &mut World, m: &mut Model, s: &Step) {
    let inst = |m: &Model, i: usize| m.instances.get(i % m.instances.len().max(1)).cloned();
    match s {
        Step::AddRole(p, r) => {
            let before = w
                .instance_profile(PROFILES[*p])
                .and_then(|x| x.role.clone());
            let res = admin(
                w,
                "iam",
                "AddRoleToInstanceProfile",
                json!({"InstanceProfileName": PROFILES[*p], "RoleName": ROLES[*r]}),
            );
            if before.is_some() {
                let e = res.unwrap_err();
                if e.code != "NoSuchEntity" {
                    assert_eq!(e.code, "LimitExceeded");
                    assert_eq!(
                        e.message,
                        "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1"
                    );
                }
            }
        }
        Step::RemoveRole(p, r) => {
            let _ = admin(
                w,
                "iam",
                "RemoveRoleFromInstanceProfile",
                json!({"InstanceProfileName": PROFILES[*p], "RoleName": ROLES[*r]}),
            );
        }
        Step::CreateProfile(p) => {
            let _ = admin(
                w,
                "iam",
                "CreateInstanceProfile",
                json!({"InstanceProfileName": PROFILES[*p]}),
            );
        }
        Step::DeleteProfile(p) => {
            let _ = admin(
                w,
                "iam",
                "DeleteInstanceProfile",
                json!({"InstanceProfileName": PROFILES[*p]}),
            );
        }
        Step::Trust(r, ec2) => {
            let doc = if *ec2 { EC2_TRUST } else { OTHER_TRUST };
            admin(
                w,
                "iam",
                "UpdateAssumeRolePolicy",
                json!({"RoleName": ROLES[*r], "PolicyDocument": doc}),
            )
            .unwrap();
        }
        Step::Run(p) => {
            let mut params =
                json!({"ImageId": "ami-0abcdef1234567890", "MinCount": 1, "MaxCount": 1});
            if let Some(p) = p {
                params["IamInstanceProfile"] = json!({"Name": PROFILES[*p]});
            }
            if let Ok(out) = admin(w, "ec2", "RunInstances", params) {
                m.instances.push(
                    out["Instances"][0]["InstanceId"]
                        .as_str()
                        .unwrap()
                        .to_string(),
                );
            }
        }
        Step::Associate(i, p) => {
            if let Some(id) = inst(m, *i) {
                let had = w.ec2().association_of(&id).is_some();
                let res = admin(
                    w,
                    "ec2",
                    "AssociateIamInstanceProfile",
                    json!({"InstanceId": id, "IamInstanceProfile": {"Name": PROFILES[*p]}}),
                );
                if had {
                    let e = res.unwrap_err();
                    if e.code == "IncorrectState" {
                        assert_eq!(
                            e.message,
                            format!("There is an existing association for instance {id}")
                        );
                    }
                }
            }
        }
        Step::Replace(i, p) => {
            if let Some(id) = inst(m, *i)
                && let Some(a) = w
                    .ec2()
                    .association_of(&id)
                    .map(|a| a.association_id.clone())
            {
                let _ = admin(
                    w,
                    "ec2",
                    "ReplaceIamInstanceProfileAssociation",
                    json!({"AssociationId": a, "IamInstanceProfile": {"Name": PROFILES[*p]}}),
                );
            }
        }
        Step::Disassociate(i) => {
            if let Some(id) = inst(m, *i)
                && let Some(a) = w
                    .ec2()
                    .association_of(&id)
                    .map(|a| a.association_id.clone())
            {
                admin(
                    w,
                    "ec2",
                    "DisassociateIamInstanceProfile",
                    json!({"AssociationId": a}),
                )
                .unwrap();
            }
        }
        Step::Stop(i) | Step::Start(i) | Step::Terminate(i) => {
            if let Some(id) = inst(m, *i) {
                let op = match s {
                    Step::Stop(_) => "StopInstances",
                    Step::Start(_) => "StartInstances",
                    _ => "TerminateInstances",
                };
                let _ = admin(w, "ec2", op, json!({"InstanceIds": [id]}));
            }
        }
        Step::Advance(secs) => {
            w.advance(*secs);
            let now = w.now();
            for id in &m.instances {
                let Some(instance) = w.instance(id) else {
                    continue;
                };
                match &instance.metadata.iam {
                    Some(snapshot) if snapshot.last_updated == now => {
                        let profile = w
                            .iam()
                            .instance_profile_by_arn(&snapshot.profile_arn)
                            .filter(|p| p.instance_profile_id == snapshot.profile_id);
                        let role = profile
                            .and_then(|p| w.iam().role_of_profile(p))
                            .map(|r| r.name.clone());
                        m.expected_role.insert(id.clone(), role);
                    }
                    None => {
                        m.expected_role.remove(id);
                    }
                    _ => {}
                }
            }
        }
        Step::ReadCredentials(i, v2) => {
            let Some(id) = inst(m, *i) else { return };
            let mut req = HttpRequest::get("/latest/meta-data/iam/security-credentials/");
            if *v2 {
                let token = w.imds(
                    &id,
                    HttpRequest::put("/latest/api/token")
                        .with_header("X-aws-ec2-metadata-token-ttl-seconds", "300"),
                );
                if token.status != 200 {
                    return;
                }
                req = req.with_header("X-aws-ec2-metadata-token", &token.body);
            }
            let listing = w.imds(&id, req.clone());
            if listing.status != 200 {
                return;
            }
            req.path = format!("{}{}", req.path, listing.body).into();
            let body = w.imds(&id, req);
            let Ok(v) = serde_json::from_str::<Value>(&body.body) else {
                return;
            };
            if v["Code"] != "Success" {
                return;
            }
            let key = v["AccessKeyId"].as_str().unwrap().to_string();
            let session = w.sts().sessions.get(&key).unwrap();
            // Served credentials belong to the role the profile held at the last refresh.
            let expected = m.expected_role.get(&id).cloned().flatten();
            assert_eq!(Some(session.role_name.clone()), expected, "instance {id}");
            assert_eq!(session.session_name, id);
            assert_eq!(
                session.role_delivery.as_deref(),
                Some(if *v2 { "2.0" } else { "1.0" })
            );
            let Some(IamDelivery::Credentials { role_name, .. }) = w
                .instance(&id)
                .and_then(|i| i.metadata.iam.as_ref())
                .map(|s| &s.delivery)
            else {
                panic!("served credentials without a delivery");
            };
            assert_eq!(*role_name, session.role_name);
            m.credentials.push((
                Credentials {
                    access_key_id: key,
                    secret_access_key: v["SecretAccessKey"].as_str().unwrap().to_string(),
                    session_token: Some(v["Token"].as_str().unwrap().to_string()),
                    expiration: None,
                },
                id,
            ));
        }
        Step::UseCredentials(k) => {
            if m.credentials.is_empty() {
                return;
            }
            let (creds, id) = m.credentials[k % m.credentials.len()].clone();
            let expiration = w
                .sts()
                .sessions
                .get(&creds.access_key_id)
                .unwrap()
                .expiration;
            let res = w.call(
                Origin::Instance { instance_id: id },
                Some(&creds),
                "sts",
                "GetCallerIdentity",
                json!({}),
            );
            if w.now() >= expiration {
                let e = res.unwrap_err();
                assert_eq!(e.code, "ExpiredToken");
            } else {
                assert!(res.is_ok());
            }
        }
    }
}

fn check_invariants(w: &mut World) {
    // A profile never holds more than one role, as IAM itself reports it.
    let listed = admin(w, "iam", "ListInstanceProfiles", json!({})).unwrap();
    for p in listed["InstanceProfiles"].as_array().unwrap() {
        assert!(p["Roles"].as_array().unwrap().len() <= 1);
    }
    // An instance never has more than one association.
    let mut per_instance: BTreeMap<&str, usize> = BTreeMap::new();
    for a in w.ec2().associations.values() {
        *per_instance.entry(a.instance_id.as_str()).or_default() += 1;
    }
    assert!(per_instance.values().all(|n| *n <= 1), "{per_instance:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn world_invariants_hold(seed in 0u64..1000, steps in proptest::collection::vec(step(), 1..60)) {
        let mut w = setup(seed);
        let mut m = Model { instances: Vec::new(), expected_role: BTreeMap::new(), credentials: Vec::new() };
        for s in &steps {
            apply(&mut w, &mut m, s);
            check_invariants(&mut w);
        }
        // Replaying the command log reproduces the world, byte for byte.
        let replayed = World::replay(seed, &w.log());
        prop_assert_eq!(replayed.to_json(), w.to_json());
        // And the saved form loads back equal.
        let loaded = World::from_json(&w.to_json()).unwrap();
        prop_assert!(loaded == w);
    }
}

const OPERATIONS: &[(&str, &str)] = &[
    ("iam", "CreateRole"),
    ("iam", "GetRole"),
    ("iam", "ListRoles"),
    ("iam", "UpdateAssumeRolePolicy"),
    ("iam", "DeleteRole"),
    ("iam", "AttachRolePolicy"),
    ("iam", "DetachRolePolicy"),
    ("iam", "ListAttachedRolePolicies"),
    ("iam", "PutRolePolicy"),
    ("iam", "GetRolePolicy"),
    ("iam", "DeleteRolePolicy"),
    ("iam", "ListRolePolicies"),
    ("iam", "CreatePolicy"),
    ("iam", "GetPolicy"),
    ("iam", "GetPolicyVersion"),
    ("iam", "ListPolicies"),
    ("iam", "DeletePolicy"),
    ("iam", "CreateInstanceProfile"),
    ("iam", "GetInstanceProfile"),
    ("iam", "ListInstanceProfiles"),
    ("iam", "ListInstanceProfilesForRole"),
    ("iam", "AddRoleToInstanceProfile"),
    ("iam", "RemoveRoleFromInstanceProfile"),
    ("iam", "DeleteInstanceProfile"),
    ("iam", "CreateUser"),
    ("iam", "GetUser"),
    ("iam", "ListUsers"),
    ("iam", "AttachUserPolicy"),
    ("iam", "PutUserPolicy"),
    ("iam", "CreateAccessKey"),
    ("iam", "DeleteAccessKey"),
    ("iam", "ListAccessKeys"),
    ("sts", "AssumeRole"),
    ("sts", "GetCallerIdentity"),
    ("ec2", "RunInstances"),
    ("ec2", "DescribeInstances"),
    ("ec2", "StartInstances"),
    ("ec2", "StopInstances"),
    ("ec2", "TerminateInstances"),
    ("ec2", "AssociateIamInstanceProfile"),
    ("ec2", "ReplaceIamInstanceProfileAssociation"),
    ("ec2", "DisassociateIamInstanceProfile"),
    ("ec2", "DescribeIamInstanceProfileAssociations"),
    ("ec2", "ModifyInstanceMetadataOptions"),
    ("s3", "CreateBucket"),
    ("s3", "ListBuckets"),
    ("s3", "HeadBucket"),
    ("s3", "PutObject"),
    ("s3", "GetObject"),
    ("s3", "ListObjectsV2"),
    ("s3", "DeleteObject"),
    ("s3", "DeleteBucket"),
    ("s3", "PutBucketPolicy"),
    ("s3", "GetBucketPolicy"),
    ("s3", "DeleteBucketPolicy"),
    ("logs", "CreateLogGroup"),
    ("logs", "CreateLogStream"),
    ("logs", "PutLogEvents"),
    ("logs", "DescribeLogGroups"),
    ("ssm", "DescribeInstanceInformation"),
    ("ec2", "NoSuchOperation"),
];

const MEMBERS: &[&str] = &[
    "RoleName",
    "AssumeRolePolicyDocument",
    "PolicyDocument",
    "PolicyArn",
    "PolicyName",
    "Path",
    "MaxSessionDuration",
    "InstanceProfileName",
    "UserName",
    "AccessKeyId",
    "RoleArn",
    "RoleSessionName",
    "DurationSeconds",
    "ImageId",
    "InstanceType",
    "MinCount",
    "MaxCount",
    "IamInstanceProfile",
    "MetadataOptions",
    "InstanceIds",
    "InstanceId",
    "AssociationId",
    "Filters",
    "HttpTokens",
    "HttpPutResponseHopLimit",
    "HttpEndpoint",
    "Bucket",
    "Key",
    "Body",
    "Policy",
    "logGroupName",
    "logStreamName",
    "logEvents",
    "Scope",
    "VersionId",
    "Tags",
    "TagSpecifications",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        "[ -~]{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("R0"),
            Just("P0"),
            Just("ami-0abcdef1234567890"),
            Just("mybucket"),
            Just("{"),
            Just(EC2_TRUST)
        ]
        .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("Name".to_string()),
                    Just("Arn".to_string()),
                    Just("Key".to_string()),
                    Just("Value".to_string()),
                    Just("Values".to_string()),
                    "[a-z]{1,4}"
                ],
                inner,
                0..4
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    /// Whatever the parameters, every operation answers (never panics) and records an event.
    #[test]
    fn any_parameters_get_an_answer(
        op in 0..OPERATIONS.len(),
        members in proptest::collection::btree_map(0..MEMBERS.len(), json_value(), 0..6),
    ) {
        let mut w = setup(1);
        let (service, operation) = OPERATIONS[op];
        let params = Value::Object(members.into_iter().map(|(k, v)| (MEMBERS[k].to_string(), v)).collect());
        let before = w.events().len();
        let _ = admin(&mut w, service, operation, params);
        prop_assert_eq!(w.events().len(), before + 1);
        w.advance(3600);
    }
}

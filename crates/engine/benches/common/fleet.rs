//! The world benchmark's fleet and day, shared by `benches/world.rs` (criterion) and
//! `examples/world_day.rs` (CPU time and instruction counts).

use iamsim_engine::imds::HttpRequest;
use iamsim_engine::{Origin, World};
use serde_json::json;
use std::hint::black_box;

pub const INSTANCES: usize = 1000;
const TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;

/// A world with one role in one profile and 1,000 instances launched with it.
pub fn fleet() -> (World, Vec<String>) {
    let mut w = World::new(42);
    let admin = w.admin_credentials();
    let call = |w: &mut World, service: &str, op: &str, params: serde_json::Value| {
        w.call(Origin::Laptop, Some(&admin), service, op, params)
            .unwrap()
    };
    call(
        &mut w,
        "iam",
        "CreateRole",
        json!({"RoleName": "Fleet", "AssumeRolePolicyDocument": TRUST}),
    );
    call(
        &mut w,
        "iam",
        "CreateInstanceProfile",
        json!({"InstanceProfileName": "Fleet"}),
    );
    call(
        &mut w,
        "iam",
        "AddRoleToInstanceProfile",
        json!({"InstanceProfileName": "Fleet", "RoleName": "Fleet"}),
    );
    for p in ["AmazonS3ReadOnlyAccess", "AmazonSSMManagedInstanceCore"] {
        call(
            &mut w,
            "iam",
            "AttachRolePolicy",
            json!({"RoleName": "Fleet", "PolicyArn": format!("arn:aws:iam::aws:policy/{p}")}),
        );
    }
    let out = call(
        &mut w,
        "ec2",
        "RunInstances",
        json!({"ImageId": "ami-0abcdef1234567890", "InstanceType": "t3.micro", "MinCount": INSTANCES, "MaxCount": INSTANCES, "IamInstanceProfile": {"Name": "Fleet"}}),
    );
    let ids = out["Instances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["InstanceId"].as_str().unwrap().to_string())
        .collect();
    (w, ids)
}

/// 24 simulated hours: every 5 minutes the clock advances and every instance reads its
/// IMDSv1 credentials.
#[inline(never)]
pub fn day(w: &mut World, ids: &[String]) {
    let request = HttpRequest::get("/latest/meta-data/iam/security-credentials/Fleet");
    for _ in 0..(24 * 12) {
        w.advance(300);
        for id in ids {
            let r = w.imds(id, request.clone());
            black_box(r.status);
        }
    }
}

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
use iamsim_engine::imds::HttpRequest;
use iamsim_engine::{Origin, World};
use serde_json::json;
use std::time::Instant;
fn cpu_ms() -> u64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap();
    let after = stat.rsplit(')').next().unwrap();
    let f: Vec<&str> = after.split_whitespace().collect();
    (f[11].parse::<u64>().unwrap() + f[12].parse::<u64>().unwrap()) * 10
}
const TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
fn main() {
    time_evaluate();
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
    call(
        &mut w,
        "iam",
        "AttachRolePolicy",
        json!({"RoleName": "Fleet", "PolicyArn": "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"}),
    );
    let out = call(
        &mut w,
        "ec2",
        "RunInstances",
        if std::env::var("NO_PROFILE").is_ok() {
            json!({"ImageId": "ami-0abcdef1234567890", "MinCount": 1000, "MaxCount": 1000})
        } else {
            json!({"ImageId": "ami-0abcdef1234567890", "MinCount": 1000, "MaxCount": 1000, "IamInstanceProfile": {"Name": "Fleet"}})
        },
    );
    let ids: Vec<String> = out["Instances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["InstanceId"].as_str().unwrap().to_string())
        .collect();
    println!(
        "sizeof Command {} Event {} Session {}",
        std::mem::size_of::<iamsim_engine::Command>(),
        std::mem::size_of::<iamsim_engine::event::Event>(),
        std::mem::size_of::<iamsim_engine::sts::Session>()
    );
    let base = w.clone();
    let t = Instant::now();
    let c = cpu_ms();
    let mut a = base.clone();
    for _ in 0..288 {
        a.advance(300);
    }
    println!("advances only: {:?} cpu {} ms", t.elapsed(), cpu_ms() - c);
    let request = HttpRequest::get("/latest/meta-data/iam/security-credentials/Fleet");
    let t = Instant::now();
    let c = cpu_ms();
    for _ in 0..288 {
        for id in &ids {
            a.imds(id, request.clone());
        }
    }
    println!("reads only: {:?} cpu {} ms", t.elapsed(), cpu_ms() - c);
    let t = Instant::now();
    let c = cpu_ms();
    drop(a);
    println!("drop: {:?} cpu {} ms", t.elapsed(), cpu_ms() - c);
}

/// Times the trust-policy evaluation the EC2 service makes at each refresh.
pub fn time_evaluate() {
    use iamsim_engine::policy::{
        NamedPolicy, Policy, PolicySet, Request, RequestContext, evaluate,
    };
    let trust = Policy::parse(TRUST).unwrap();
    let mut context = RequestContext::new();
    context.insert("aws:CurrentTime", "2026-01-01T00:00:00Z");
    context.insert("aws:PrincipalServiceName", "ec2.amazonaws.com");
    let set = PolicySet {
        resource: Some(NamedPolicy {
            name: "trust",
            policy: &trust,
        }),
        resource_is_trust_policy: true,
        ..PolicySet::default()
    };
    let t = Instant::now();
    let c = cpu_ms();
    let mut allowed = 0;
    for _ in 0..24_000 {
        let r = Request {
            principal: "ec2.amazonaws.com",
            action: "sts:AssumeRole",
            resource: "arn:aws:iam::123456789012:role/Fleet",
            context: &context,
            resource_account: Some("123456789012"),
        };
        if evaluate(&r, &set).is_allowed() {
            allowed += 1;
        }
    }
    println!(
        "24k trust evaluations: {:?} cpu {} ms ({allowed} allowed)",
        t.elapsed(),
        cpu_ms() - c
    );
}

//! 1,000 instances, 24 simulated hours, every instance reading its credentials from the
//! metadata service every 5 minutes (IMDSv1 GET of security-credentials/ROLE), with the
//! EC2 service refreshing credentials hourly and the SSM agents registering.
//!
//! Target: < 100 ms. Measured on the shared 2-core build machine (load average ~10), so
//! CPU time and instruction counts of `examples/world_day.rs` (the same day) are the figures
//! to compare, not criterion's wall time:
//!
//! | 2026-11-22                 | criterion (wall) | day, thread CPU (best of 3) | callgrind |
//! |----------------------------|------------------|-----------------------------|-----------|
//! | before                     | ~1.7 s           | 0.37–0.50 s                 | 3.18 G    |
//! | refresh/ids/dates reworked | 0.43–0.51 s      | 0.26–0.34 s                 | 1.69 G    |
//!
//! The target is not met. What is left is mostly allocation and memory (~290 MB for the
//! day, ~36,000 page faults) that the public types fix: per read, the `HttpResponse`
//! (body and header strings) and the `Command::Imds` log entry (200 bytes and the request's
//! strings); per refresh, two `Session`s in `sts.sessions` (~1.5 KB each, 14 strings) and the
//! `AssumeRole` `ApiEvent` (~5 KB: five JSON maps and the evaluation).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use criterion::{Criterion, criterion_group, criterion_main};
use iamsim_engine::imds::HttpRequest;
use iamsim_engine::{Origin, World};
use serde_json::json;
use std::hint::black_box;

const INSTANCES: usize = 1000;
const TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;

fn fleet() -> (World, Vec<String>) {
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

fn day(mut w: World, ids: &[String]) -> World {
    let request = HttpRequest::get("/latest/meta-data/iam/security-credentials/Fleet");
    for _ in 0..(24 * 12) {
        w.advance(300);
        for id in ids {
            let r = w.imds(id, request.clone());
            black_box(r.status);
        }
    }
    w
}

fn bench(c: &mut Criterion) {
    let (w, ids) = fleet();
    let mut group = c.benchmark_group("world");
    group.sample_size(10);
    group.bench_function("1000 instances, 24 h, IMDS reads every 5 min", |b| {
        b.iter_batched(
            || w.clone(),
            |w| day(w, &ids),
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

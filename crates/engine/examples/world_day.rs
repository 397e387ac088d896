//! The criterion bench's day (1,000 instances, 24 simulated hours, every instance reading
//! its IMDSv1 credentials every 5 minutes), timed in CPU time of this thread (from
//! `/proc/thread-self/schedstat`, in ns), so a busy machine does not blur the figure.
//! `cargo run --release -p iamsim-engine --example world_day [runs]`; under
//! `DAY_ONLY=1 valgrind --tool=callgrind --toggle-collect='world_day::day'` it gives the
//! day's instruction count (`DAY_ONLY` skips the second, split-timed run).
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
use std::hint::black_box;

const INSTANCES: usize = 1000;
const TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;

/// CPU time of this thread so far, in ns.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

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

/// The bench's routine.
#[inline(never)]
fn day(w: &mut World, ids: &[String]) {
    let request = HttpRequest::get("/latest/meta-data/iam/security-credentials/Fleet");
    for _ in 0..(24 * 12) {
        w.advance(300);
        for id in ids {
            let r = w.imds(id, request.clone());
            black_box(r.status);
        }
    }
}

/// The same, timing the advances and the reads apart: (advances ns, reads ns).
fn day_split(w: &mut World, ids: &[String]) -> (u64, u64) {
    let request = HttpRequest::get("/latest/meta-data/iam/security-credentials/Fleet");
    let (mut advances, mut reads) = (0, 0);
    for _ in 0..(24 * 12) {
        let t = cpu_ns();
        w.advance(300);
        let u = cpu_ns();
        for id in ids {
            let r = w.imds(id, request.clone());
            black_box(r.status);
        }
        advances += u - t;
        reads += cpu_ns() - u;
    }
    (advances, reads)
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5);
    let (base, ids) = fleet();
    let mut best = u64::MAX;
    for _ in 0..runs {
        let mut w = base.clone();
        let t = cpu_ns();
        day(&mut w, &ids);
        let total = cpu_ns() - t;
        best = best.min(total);
        if std::env::var_os("DAY_ONLY").is_some() {
            println!("day: cpu {:.1} ms", total as f64 / 1e6);
            continue;
        }
        let mut s = base.clone();
        let (advances, reads) = day_split(&mut s, &ids);
        assert_eq!(s, w);
        println!(
            "day: cpu {:.1} ms; split run: advances {:.1} ms, reads {:.1} ms; {} events, {} sessions",
            total as f64 / 1e6,
            advances as f64 / 1e6,
            reads as f64 / 1e6,
            w.events().len(),
            w.sts().sessions.len()
        );
        drop(black_box(w));
    }
    println!("best: cpu {:.1} ms", best as f64 / 1e6);
}

//! Data-driven error cases (tests/data/world_errors.jsonl): each line is one call by the
//! laptop's admin against a small fixed world, with the exact code, status and message.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod world_common;

use iamsim_engine::World;
use serde_json::{Value, json};
use world_common::*;

fn fixture() -> World {
    let mut w = World::new(40);
    role_with_profile(&mut w, "Existing", EC2_TRUST, &[]);
    ok(
        &mut w,
        "iam",
        "CreateRole",
        json!({"RoleName": "Other", "AssumeRolePolicyDocument": EC2_TRUST}),
    );
    ok(
        &mut w,
        "s3",
        "CreateBucket",
        json!({"Bucket": "existing-bucket"}),
    );
    w
}

#[test]
fn error_cases_match_aws_verbatim() {
    let text = include_str!("data/world_errors.jsonl");
    let mut count = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).unwrap();
        let name = case["name"].as_str().unwrap();
        let mut params = case["params"].clone();
        if params.get("AssumeRolePolicyDocument") == Some(&json!("TRUST")) {
            params["AssumeRolePolicyDocument"] = json!(EC2_TRUST);
        }
        let mut w = fixture();
        let e = admin(
            &mut w,
            case["service"].as_str().unwrap(),
            case["op"].as_str().unwrap(),
            params,
        )
        .err()
        .unwrap_or_else(|| panic!("{name}: succeeded"));
        assert_eq!(e.code, case["code"].as_str().unwrap(), "{name}");
        assert_eq!(
            u64::from(e.http_status),
            case["status"].as_u64().unwrap(),
            "{name}"
        );
        assert_eq!(e.message, case["message"].as_str().unwrap(), "{name}");
        // The failure is an event with the same code.
        let last = w.events().iter().rev().find_map(|e| e.as_api()).unwrap();
        assert_eq!(last.error_code.as_deref(), Some(e.code.as_str()), "{name}");
        count += 1;
    }
    assert!(count >= 20);
}

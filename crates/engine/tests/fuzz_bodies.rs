//! The bodies of the `fuzz/` targets (`policy_parse`, `eval_line`), run on
//! stable Rust inside `cargo test`: on arbitrary bytes, on mutations of real
//! request lines and policies, and on every line of the data-driven cases.
//! libFuzzer runs the same functions for longer (see `fuzz/README.md`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use iamsim_engine::evalline::fuzz::{eval_line, policy_parse};
use proptest::prelude::*;

const BENCH_LINES: &str = include_str!("../../cli/tests/data/bench.jsonl");

/// Request lines and policy documents to mutate: the benchmark lines and
/// their policies.
fn seeds() -> Vec<String> {
    let mut seeds = Vec::new();
    for line in BENCH_LINES.lines().filter(|l| !l.is_empty()) {
        seeds.push(line.to_owned());
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        for policy in value["identity_policies"].as_array().into_iter().flatten() {
            seeds.push(policy.to_string());
        }
        if !value["resource_policy"].is_null() {
            seeds.push(value["resource_policy"].to_string());
        }
    }
    seeds
}

#[derive(Clone, Debug)]
enum Edit {
    Insert(usize, u8),
    Delete(usize),
    Replace(usize, u8),
    Duplicate(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let byte = prop_oneof![
        proptest::sample::select(b"{}[]\",:*?$'\\ 0aA-/".to_vec()),
        any::<u8>(),
    ];
    prop_oneof![
        (any::<usize>(), byte.clone()).prop_map(|(i, b)| Edit::Insert(i, b)),
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), byte).prop_map(|(i, b)| Edit::Replace(i, b)),
        (any::<usize>(), 1usize..40).prop_map(|(i, n)| Edit::Duplicate(i, n)),
    ]
}

fn mutate(seed: &str, edits: &[Edit]) -> Vec<u8> {
    let mut bytes = seed.as_bytes().to_vec();
    for e in edits {
        let len = bytes.len().max(1);
        match *e {
            Edit::Insert(i, b) => bytes.insert(i % (bytes.len() + 1), b),
            Edit::Delete(i) if !bytes.is_empty() => {
                bytes.remove(i % len);
            }
            Edit::Replace(i, b) if !bytes.is_empty() => bytes[i % len] = b,
            Edit::Duplicate(i, n) if !bytes.is_empty() => {
                let start = i % len;
                let end = (start + n).min(bytes.len());
                let piece = bytes[start..end].to_vec();
                bytes.splice(start..start, piece);
            }
            _ => {}
        }
    }
    bytes
}

fn check(data: &[u8]) -> Result<(), TestCaseError> {
    if let Err(e) = policy_parse(data) {
        return Err(TestCaseError::fail(format!(
            "policy_parse: {e}\n{}",
            String::from_utf8_lossy(data)
        )));
    }
    if let Err(e) = eval_line(data) {
        return Err(TestCaseError::fail(format!(
            "eval_line: {e}\n{}",
            String::from_utf8_lossy(data)
        )));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn fuzz_bodies_on_arbitrary_bytes(data in proptest::collection::vec(any::<u8>(), 0..512)) {
        check(&data)?;
    }

    #[test]
    fn fuzz_bodies_on_mutated_lines(
        index in any::<proptest::sample::Index>(),
        edits in proptest::collection::vec(edit(), 1..6),
    ) {
        let seeds = seeds();
        let seed = index.get(&seeds);
        check(&mutate(seed, &edits))?;
    }
}

/// Every line of the data-driven cases goes through the fuzz bodies
/// unchanged (the cases are the seed corpus of `fuzz/`).
#[test]
fn fuzz_bodies_on_the_case_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/policy_cases");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let cases: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
        for case in cases {
            let line = case.to_string();
            policy_parse(line.as_bytes()).unwrap();
            eval_line(line.as_bytes()).unwrap();
            for policy in case["identity_policies"].as_array().into_iter().flatten() {
                policy_parse(policy.to_string().as_bytes()).unwrap();
            }
            count += 1;
        }
    }
    assert!(count >= 220);
}

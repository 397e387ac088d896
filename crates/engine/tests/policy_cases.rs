//! Data-driven policy evaluation cases, written from the examples of the AWS
//! documentation (each case names its section in `doc`). A case is an
//! `iamsim eval` request line plus `expected` (`Allow`, `ExplicitDeny` or
//! `ImplicitDeny`) and optionally `expected_reason` (AWS's phrase) and
//! `expected_decided_by` (a policy type); or, in `malformed.json`, the
//! `MalformedPolicyDocument` message the line must be rejected with
//! (`expected_error`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use iamsim_engine::evalline::{evaluate_line, parse_request_line};
use serde_json::Value;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/policy_cases")
}

fn load(file: &str) -> Vec<Value> {
    let path = cases_dir().join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
    let Value::Array(cases) = value else {
        panic!("{file}: expected a JSON array of cases")
    };
    cases
}

fn str_field<'a>(case: &'a Value, key: &str) -> Option<&'a str> {
    case.get(key).and_then(Value::as_str)
}

/// Runs the evaluation cases of one file; returns one message per failure.
fn run_file(file: &str) -> Vec<String> {
    let mut failures = Vec::new();
    for case in load(file) {
        let id = str_field(&case, "id")
            .expect("every case has an id")
            .to_owned();
        let text = case.to_string();
        let request = match parse_request_line(&text) {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{id}: the line does not parse: {e}"));
                continue;
            }
        };
        let result = evaluate_line(&request);
        let got = serde_json::to_value(result.evaluation.decision).unwrap();
        let expected = case.get("expected").expect("expected");
        if &got != expected {
            failures.push(format!(
                "{id}: expected {expected}, got {got} (reason {:?}, decided_by {:?})\n    doc: {}\n    trace: {}",
                result.reason(),
                result.evaluation.decided_by,
                str_field(&case, "doc").unwrap_or(""),
                iamsim_engine::policy::render(&result.evaluation.trace).replace('\n', "\n           ")
            ));
            continue;
        }
        if let Some(reason) = str_field(&case, "expected_reason")
            && result.reason().as_deref() != Some(reason)
        {
            failures.push(format!(
                "{id}: expected reason {reason:?}, got {:?}",
                result.reason()
            ));
        }
        if expected == "Allow" && result.reason().is_some() {
            failures.push(format!("{id}: Allow with a reason {:?}", result.reason()));
        }
        if let Some(by) = case.get("expected_decided_by") {
            let got_by = serde_json::to_value(result.evaluation.decided_by).unwrap();
            if &got_by != by {
                failures.push(format!("{id}: expected decided_by {by}, got {got_by}"));
            }
        }
    }
    failures
}

fn check(file: &str) {
    let failures = run_file(file);
    assert!(
        failures.is_empty(),
        "{} failing case(s) in {file}:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

macro_rules! case_files {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check(concat!(stringify!($name), ".json"));
            }
        )*
        const EVAL_FILES: &[&str] = &[$(concat!(stringify!($name), ".json")),*];
    };
}

case_files!(
    single_account,
    explicit_deny,
    boundaries,
    scps,
    session,
    cross_account,
    trust,
    sts,
    principal,
    action_resource,
    conditions,
    variables,
    examples,
);

#[test]
fn malformed_documents() {
    let mut failures = Vec::new();
    for case in load("malformed.json") {
        let id = str_field(&case, "id").unwrap();
        let expected =
            str_field(&case, "expected_error").expect("malformed cases have expected_error");
        match parse_request_line(&case.to_string()) {
            Ok(_) => failures.push(format!("{id}: accepted, expected {expected:?}")),
            Err(e) => {
                let ok =
                    e.contains("MalformedPolicyDocument") && e.ends_with(&format!(": {expected}"));
                if !ok {
                    failures.push(format!("{id}: expected {expected:?}, got {e:?}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every file is run, ids are unique, every case names its doc section, and
/// there are at least 220 evaluation cases.
#[test]
fn the_case_files_are_complete() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(cases_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    let mut listed: BTreeSet<String> = EVAL_FILES.iter().map(|s| s.to_string()).collect();
    listed.insert("malformed.json".to_owned());
    assert_eq!(
        on_disk, listed,
        "every case file must be listed in case_files!"
    );
    let mut ids = BTreeSet::new();
    let mut evaluation_cases = 0;
    for file in &on_disk {
        for case in load(file) {
            let id = str_field(&case, "id").expect("id").to_owned();
            assert!(
                str_field(&case, "doc").is_some_and(|d| !d.is_empty()),
                "{id}: every case names its doc section"
            );
            assert!(ids.insert(id.clone()), "duplicate id {id}");
            if file != "malformed.json" {
                let expected = str_field(&case, "expected").unwrap_or("");
                assert!(
                    ["Allow", "ExplicitDeny", "ImplicitDeny"].contains(&expected),
                    "{id}: bad expected {expected:?}"
                );
                evaluation_cases += 1;
            }
        }
    }
    assert!(
        evaluation_cases >= 220,
        "only {evaluation_cases} evaluation cases"
    );
}

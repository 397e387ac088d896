//! Transcript tests of `iamsim eval` and `iamsim help`: the built binary runs
//! on the sample files in `tests/data/` and its output is compared with the
//! expected `.out` files.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn iamsim(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_iamsim"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("iamsim runs");
    {
        let mut input = child.stdin.take().unwrap();
        if let Some(text) = stdin {
            input.write_all(text.as_bytes()).unwrap();
        }
    }
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(data(name)).unwrap()
}

#[test]
fn eval_prints_one_decision_per_request_in_order() {
    let out = iamsim(&["eval", data("eval_basic.jsonl").to_str().unwrap()], None);
    assert_eq!(text(&out.stdout), expected("eval_basic.out"));
    assert_eq!(text(&out.stderr), "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn eval_reads_standard_input() {
    let input = expected("eval_basic.jsonl");
    for args in [&["eval"][..], &["eval", "-"][..]] {
        let out = iamsim(args, Some(&input));
        assert_eq!(text(&out.stdout), expected("eval_basic.out"));
        assert_eq!(out.status.code(), Some(0));
    }
}

#[test]
fn eval_reports_bad_lines_in_place_and_goes_on() {
    let out = iamsim(&["eval", data("eval_bad.jsonl").to_str().unwrap()], None);
    assert_eq!(text(&out.stdout), expected("eval_bad.out"));
    assert_eq!(text(&out.stderr), "");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn eval_explain_adds_decided_by_and_trace() {
    let out = iamsim(
        &[
            "eval",
            "--explain",
            data("eval_explain.jsonl").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(text(&out.stdout), expected("eval_explain.out"));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn eval_repeat_prints_decisions_once_and_the_rate_last() {
    let out = iamsim(
        &[
            "eval",
            "--repeat",
            "3",
            data("eval_basic.jsonl").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(text(&out.stdout), expected("eval_basic.out"));
    let stderr = text(&out.stderr);
    let last = stderr.lines().last().expect("a rate line");
    let rate = last
        .strip_prefix("decisions_per_second: ")
        .unwrap_or_else(|| panic!("unexpected last line {last:?}"));
    assert!(rate.parse::<u64>().unwrap() > 0, "{rate}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn eval_usage_errors_exit_2() {
    let out = iamsim(&["eval", "--repeat", "zero"], Some(""));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr)
            .starts_with("iamsim eval: --repeat needs a whole number of at least 1, not 'zero'\n")
    );
    let out = iamsim(&["eval", "/nonexistent/requests.jsonl"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("iamsim eval: cannot read /nonexistent/requests.jsonl: ")
    );
}

#[test]
fn help_lists_the_commands() {
    for args in [&["help"][..], &["--help"][..], &["-h"][..]] {
        let out = iamsim(args, None);
        assert_eq!(out.status.code(), Some(0));
        let help = text(&out.stdout);
        assert!(
            help.starts_with("iamsim: a teaching model of AWS IAM"),
            "{help}"
        );
        assert!(help.contains("\n  eval [FILE|-]   Evaluate IAM policy requests"));
    }
    let out = iamsim(&["eval", "--help"], None);
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    assert!(help.starts_with("Usage: iamsim eval [--explain] [--repeat N] [FILE|-]\n"));
    assert!(help.contains("{\"id\":null,\"line\":N,\"error\":\"...\"}"));
}

#[test]
fn unknown_command_exits_2() {
    let out = iamsim(&["evaluate"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("iamsim: unknown command 'evaluate'\n"));
    let out = iamsim(&[], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn eval_runs_the_engine_case_files() {
    // The engine's data-driven cases are request lines too (as JSON arrays);
    // each parses and gets the decision the case expects.
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../engine/tests/policy_cases/conditions.json");
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let input: String = cases.iter().map(|c| format!("{c}\n")).collect();
    let out = iamsim(&["eval"], Some(&input));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), cases.len());
    for (case, line) in cases.iter().zip(&lines) {
        assert_eq!(line["id"], case["id"]);
        assert_eq!(line["decision"], case["expected"], "{}", case["id"]);
    }
}

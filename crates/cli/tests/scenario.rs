//! `iamsim scenario`: the list, a full transcript with checks, exit codes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::process::Command;

fn iamsim(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_iamsim"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn list_names_every_scenario() {
    let (code, out, _) = iamsim(&["scenario", "--list"]);
    assert_eq!(code, 0);
    let ids: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        ids,
        [
            "s3-upload-experiment",
            "role-is-not-a-profile",
            "ssm-managed-instance",
            "credentials-inside",
            "wrong-trust-principal",
            "keys-vs-profile",
            "imds-ssrf",
            "one-role-per-profile",
            "pass-role"
        ]
    );
}

#[test]
fn a_scenario_prints_prompts_output_and_checks() {
    let (code, out, _) = iamsim(&["scenario", "role-is-not-a-profile"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("# A role is not an instance profile\n## Step 1/5: A role, made with the CLI\n[admin@laptop ~]$ echo '"));
    assert!(out.contains("✓ check: RunInstances failed with InvalidParameterValue: Invalid IAM Instance Profile name\n"));
    assert!(out.ends_with("\nAll 5 checks met.\n"));
    assert!(!out.contains("✗ check:"));
}

#[test]
fn every_scenario_exits_zero() {
    for id in [
        "s3-upload-experiment",
        "ssm-managed-instance",
        "credentials-inside",
        "wrong-trust-principal",
        "keys-vs-profile",
        "imds-ssrf",
        "one-role-per-profile",
        "pass-role",
    ] {
        let (code, out, _) = iamsim(&["scenario", id]);
        assert_eq!(code, 0, "{id}:\n{out}");
    }
}

#[test]
fn unknown_scenario_is_an_error() {
    let (code, _, err) = iamsim(&["scenario", "nope"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "iamsim: unknown scenario 'nope'; `iamsim scenario --list` lists them\n"
    );
}

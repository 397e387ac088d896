//! Whole command lines built from shell and AWS CLI tokens never panic, and the
//! shell stays usable after them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use iamsim_engine::world::World;
use iamsim_shell::Shell;
use proptest::prelude::*;

const TOKENS: &[&str] = &[
    "aws",
    "s3",
    "s3api",
    "ls",
    "mb",
    "cp",
    "rm",
    "rb",
    "s3://b",
    "s3://b/k",
    "f.txt",
    "iam",
    "create-role",
    "--role-name",
    "r",
    "--assume-role-policy-document",
    "{}",
    "file://f.txt",
    "ec2",
    "run-instances",
    "--image-id",
    "ami-0abcdef1234567890",
    "--iam-instance-profile",
    "Name=r",
    "Name",
    "Arn=",
    "--query",
    "Reservations[].Instances[]",
    "[?a=='b']",
    "--output",
    "table",
    "text",
    "json",
    "sts",
    "get-caller-identity",
    "configure",
    "list",
    "set",
    "region",
    "curl",
    "-s",
    "-X",
    "PUT",
    "-H",
    "X-aws-ec2-metadata-token-ttl-seconds: 21600",
    "http://169.254.169.254/latest/meta-data/",
    "ssh",
    "i-0",
    "exit",
    "echo",
    "$(",
    ")",
    "`",
    "'",
    "\"",
    ">",
    ">>",
    "2>&1",
    "<",
    "|",
    "&&",
    "||",
    ";",
    "#",
    "sleep",
    "5m",
    "cd",
    "..",
    "mkdir",
    "-p",
    "cat",
    "$X",
    "${X}",
    "X=1",
    "export",
    "docker",
    "run",
    "amazon/aws-cli",
    "container",
    "history",
    "jq",
    ".",
    "-r",
    "grep",
    "~",
    "*",
    "help",
];

fn line() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..12).prop_map(|t| t.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn lines_of_tokens(lines in prop::collection::vec(line(), 1..4)) {
        let mut world = World::new(1);
        let mut shell = Shell::new(&world);
        for line in &lines {
            let _ = shell.run_line(&mut world, line);
        }
        let out = shell.run_line(&mut world, "echo still here");
        prop_assert!(out.stdout.ends_with("still here\n"));
    }

    #[test]
    fn arbitrary_queries(expr in "[a-zA-Z0-9\\[\\]{}()?*@&|!=<>:,.`' -]{0,30}") {
        let data = serde_json::json!({"a": [{"b": 1, "c": "x"}, {"b": -2}], "d": {"e": [1, 2, 3]}});
        let _ = iamsim_shell::aws::jmespath::search(&expr, &data);
        let _ = iamsim_shell::aws::jmespath::search(&format!("a[{expr}]"), &data);
    }

    #[test]
    fn arbitrary_lines(line in "\\PC{0,60}") {
        let mut world = World::new(2);
        let mut shell = Shell::new(&world);
        let _ = shell.run_line(&mut world, &line);
    }
}

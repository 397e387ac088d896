//! The credential chain: precedence, `--profile`, the metadata-service fetch
//! (token first, cached per host, refreshed near expiry).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use iamsim_engine::world::{Command, World};
use iamsim_shell::Shell;

fn run(shell: &mut Shell, world: &mut World, line: &str) -> String {
    let out = shell.run_line(world, line);
    format!("{}{}", out.stdout, out.stderr)
}

fn imds_requests(world: &World) -> Vec<(String, String)> {
    world
        .log()
        .iter()
        .filter_map(|c| match c {
            Command::Imds { request, .. } => {
                Some((request.method.to_string(), request.path.to_string()))
            }
            _ => None,
        })
        .collect()
}

/// A running instance with role `app` (trusting EC2) and the terminal on it.
fn on_instance() -> (Shell, World) {
    let mut world = World::new(0);
    let mut shell = Shell::new(&world);
    for line in [
        r#"echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > t.json"#,
        "aws iam create-role --role-name app --assume-role-policy-document file://t.json",
        "aws iam create-instance-profile --instance-profile-name app",
        "aws iam add-role-to-instance-profile --instance-profile-name app --role-name app",
        "ID=$(aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=app --query 'Instances[0].InstanceId' --output text)",
        "sleep 1m",
        "ssh $ID",
    ] {
        let out = shell.run_line(&mut world, line);
        assert!(out.status == 0, "{line}: {}", out.stderr);
    }
    (shell, world)
}

#[test]
fn imds_token_first_then_role_then_credentials_then_cached() {
    let (mut shell, mut world) = on_instance();
    let before = imds_requests(&world).len();
    assert!(
        run(
            &mut shell,
            &mut world,
            "aws sts get-caller-identity --query Arn --output text"
        )
        .starts_with("arn:aws:sts::123456789012:assumed-role/app/i-")
    );
    let fetched: Vec<(String, String)> = imds_requests(&world).split_off(before);
    assert_eq!(
        fetched,
        [
            ("PUT".to_string(), "/latest/api/token".to_string()),
            (
                "GET".to_string(),
                "/latest/meta-data/iam/security-credentials/".to_string()
            ),
            (
                "GET".to_string(),
                "/latest/meta-data/iam/security-credentials/app".to_string()
            ),
        ]
    );
    let before = imds_requests(&world).len();
    run(&mut shell, &mut world, "aws sts get-caller-identity");
    assert_eq!(
        imds_requests(&world).len(),
        before,
        "the second call reuses the cache"
    );
    // 5 h 50 min later the credentials are inside the advisory window: fetched again.
    run(&mut shell, &mut world, "sleep 5h 50m");
    run(&mut shell, &mut world, "aws sts get-caller-identity");
    assert_eq!(imds_requests(&world).len(), before + 3);
}

#[test]
fn environment_beats_files_and_profile_skips_environment() {
    let mut world = World::new(0);
    let mut shell = Shell::new(&world);
    run(
        &mut shell,
        &mut world,
        "export AWS_ACCESS_KEY_ID=AKIAFAKEFAKEFAKEFAKE AWS_SECRET_ACCESS_KEY=x",
    );
    assert_eq!(
        run(&mut shell, &mut world, "aws sts get-caller-identity"),
        "\nAn error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.\n"
    );
    assert_eq!(
        run(
            &mut shell,
            &mut world,
            "aws sts get-caller-identity --profile default --query Arn --output text"
        ),
        "arn:aws:iam::123456789012:user/admin\n"
    );
    assert_eq!(
        run(
            &mut shell,
            &mut world,
            "aws sts get-caller-identity --profile ghost"
        ),
        "\nThe config profile (ghost) could not be found\n"
    );
}

#[test]
fn metadata_disabled_and_laptop_find_nothing() {
    let (mut shell, mut world) = on_instance();
    let out = shell.run_line(
        &mut world,
        "AWS_EC2_METADATA_DISABLED=true aws sts get-caller-identity",
    );
    assert_eq!(out.status, 253);
    assert_eq!(
        out.stderr,
        "\nUnable to locate credentials. You can configure credentials by running \"aws configure\".\n"
    );
    run(&mut shell, &mut world, "exit");
    run(&mut shell, &mut world, "rm ~/.aws/credentials");
    let before = imds_requests(&world).len();
    assert_eq!(shell.run_line(&mut world, "aws s3 ls").status, 253);
    assert_eq!(
        imds_requests(&world).len(),
        before,
        "the laptop has no metadata service"
    );
}

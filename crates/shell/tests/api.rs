//! The public API the browser terminal uses: `Shell`, `run_line`, `prompt`,
//! `current_host`, serialisation and `complete`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use iamsim_engine::world::World;
use iamsim_shell::{Shell, complete};

fn launch(shell: &mut Shell, world: &mut World) -> String {
    let out = shell.run_line(
        world,
        "aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --query 'Instances[0].InstanceId' --output text",
    );
    assert_eq!(out.status, 0, "{}", out.stderr);
    shell.run_line(world, "sleep 1m");
    out.stdout.trim().to_string()
}

#[test]
fn prompt_host_and_exit_status() {
    let mut world = World::new(0);
    let mut shell = Shell::new(&world);
    assert_eq!(shell.prompt(), "[admin@laptop ~]$ ");
    assert_eq!(shell.current_host(), "laptop");
    let out = shell.run_line(&mut world, "nosuch");
    assert_eq!(out.status, 127);
    assert_eq!(out.stderr, "bash: nosuch: command not found\n");
    assert_eq!(out.stdout, "");
    let id = launch(&mut shell, &mut world);
    shell.run_line(&mut world, &format!("ssh {id}"));
    assert_eq!(shell.current_host(), id);
    assert!(shell.prompt().starts_with("[ec2-user@ip-10-0-"));
    let out = shell.run_line(&mut world, "exit");
    assert_eq!(out.stdout, "logout\n");
    assert!(out.stderr.starts_with("Connection to 10.0."));
    assert_eq!(out.combined, format!("{}{}", out.stdout, out.stderr));
    assert_eq!(shell.current_host(), "laptop");
}

#[test]
fn clear_sets_the_flag_and_history_is_kept() {
    let mut world = World::new(0);
    let mut shell = Shell::new(&world);
    assert!(shell.run_line(&mut world, "clear").clear);
    assert!(!shell.run_line(&mut world, "echo x").clear);
    assert_eq!(shell.history(), ["clear", "echo x"]);
}

#[test]
fn shell_round_trips_through_json() {
    let mut world = World::new(0);
    let mut shell = Shell::new(&world);
    let id = launch(&mut shell, &mut world);
    shell.run_line(&mut world, &format!("ssh {id}"));
    shell.run_line(&mut world, "echo hi > note.txt; export A=1");
    let text = serde_json::to_string(&shell).unwrap();
    let back: Shell = serde_json::from_str(&text).unwrap();
    assert_eq!(back, shell);
    let mut back = back;
    assert_eq!(
        back.run_line(&mut world, "cat note.txt; echo $A").stdout,
        "hi\n1\n"
    );
}

fn candidates(shell: &Shell, world: &World, line: &str) -> (usize, Vec<String>) {
    let c = complete(shell, world, line, line.len());
    (c.replace_from, c.candidates)
}

#[test]
fn completion_of_commands_services_operations_options_ids_and_files() {
    let mut world = World::new(0);
    let mut shell = Shell::new(&world);
    assert_eq!(
        candidates(&shell, &world, "aw"),
        (0, vec!["aws".to_string()])
    );
    assert_eq!(
        candidates(&shell, &world, "aws s").1,
        ["s3", "s3api", "ssm", "sts"]
    );
    assert_eq!(
        candidates(&shell, &world, "aws iam create-ro"),
        (8, vec!["create-role".to_string()])
    );
    assert_eq!(
        candidates(&shell, &world, "aws iam create-role --role-n").1,
        ["--role-name"]
    );
    assert_eq!(
        candidates(&shell, &world, "aws ec2 wait instance-r").1,
        ["instance-running"]
    );
    assert_eq!(
        candidates(&shell, &world, "aws ec2 wait instance-running --instance-i").1,
        ["--instance-ids"]
    );
    assert_eq!(
        candidates(&shell, &world, "aws ec2 describe-instances --output t").1,
        ["table", "text"]
    );
    assert_eq!(
        candidates(&shell, &world, "cat .aws/c").1,
        [".aws/config", ".aws/credentials"]
    );
    let id = launch(&mut shell, &mut world);
    assert_eq!(candidates(&shell, &world, "ssh i-"), (4, vec![id]));
    shell.run_line(
        &mut world,
        "aws s3 mb s3://demo-bucket; echo x > f.txt; aws s3 cp f.txt s3://demo-bucket/",
    );
    assert_eq!(
        candidates(&shell, &world, "aws s3 ls s3://d").1,
        ["s3://demo-bucket/"]
    );
    assert_eq!(
        candidates(&shell, &world, "aws s3 cp s3://demo-bucket/").1,
        ["s3://demo-bucket/f.txt"]
    );
    assert_eq!(
        candidates(
            &shell,
            &world,
            "aws iam create-role --assume-role-policy-document file://f."
        )
        .1,
        ["file://f.txt"]
    );
    assert!(candidates(&shell, &world, "echo 'unclosed").1.is_empty());
    assert_eq!(complete(&shell, &world, "aws s3 ls", 99).replace_from, 7);
}

#[test]
fn every_operation_in_the_tables_is_one_the_world_offers() {
    use iamsim_engine::world::Origin;
    use iamsim_shell::aws::spec::SERVICES;
    let mut world = World::new(0);
    let keys = world.admin_credentials();
    for service in SERVICES {
        for op in service.parsed() {
            let result = world.call(
                Origin::Laptop,
                Some(&keys),
                service.endpoint,
                &op.api,
                serde_json::json!({}),
            );
            if let Err(e) = result {
                assert_ne!(e.code, "InvalidAction", "{} {}", service.command, op.name);
            }
        }
    }
}

#[test]
fn a_remote_command_returns_to_where_it_started() {
    let mut world = World::new(0);
    let mut shell = Shell::new(&world);
    let id = launch(&mut shell, &mut world);
    shell.run_line(&mut world, &format!("ssh {id}"));
    let out = shell.run_line(&mut world, &format!("ssh {id} exit"));
    assert_eq!(out.stdout, "logout\n");
    assert_eq!(shell.current_host(), id);
    shell.run_line(&mut world, &format!("ssh {id} ssh {id}"));
    assert_eq!(shell.current_host(), id);
    shell.run_line(&mut world, "exit");
    assert_eq!(shell.current_host(), "laptop");
}

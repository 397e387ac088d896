//! Every scenario plays to the end with every check met, and every check is honest:
//! before a step's actions run its check is not met, and skipping a step that matters
//! leaves a later check unmet.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use iamsim_lessons::{Player, SCENARIOS, scenario};

fn play(id: &str) -> Player {
    let s = scenario(id).expect("known scenario");
    Player::at(s, s.steps.len())
}

fn assert_all_met(id: &str) -> String {
    let player = play(id);
    assert!(player.finished(), "{id} did not finish");
    for record in player.records() {
        assert!(
            record.result.met,
            "{id} step {} not met: {} {:?}\n{}",
            record.index + 1,
            record.result.text,
            record.result.evidence,
            player.transcript()
        );
    }
    player.transcript()
}

#[test]
fn s3_upload_experiment_plays_to_the_end() {
    let t = assert_all_met("s3-upload-experiment");
    assert!(t.contains("make_bucket: madhu-testing\n"));
    assert!(t.contains(
        "upload failed: ./notes.txt to s3://madhu-testing/notes.txt Unable to locate credentials\n"
    ));
    assert!(t.contains("upload: ./notes.txt to s3://madhu-testing/notes.txt\n"));
    assert!(t.contains("An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:sts::123456789012:assumed-role/madhu-test-role/i-"));
    assert!(t.contains("is not authorized to perform: s3:PutObject on resource: \"arn:aws:s3:::other-team-data/notes.txt\" because no identity-based policy allows the s3:PutObject action\n"));
    assert!(t.contains(
        "Decision: implicit deny, because no identity-based policy allows the s3:PutObject action\n"
    ));
    assert!(t.contains("The console also created instance profile madhu-test-role (arn:aws:iam::123456789012:instance-profile/madhu-test-role)"));
}

#[test]
fn role_is_not_a_profile_plays_to_the_end() {
    let t = assert_all_met("role-is-not-a-profile");
    assert!(t.contains("An error occurred (InvalidParameterValue) when calling the RunInstances operation: Value (Yuta20220815) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name\n"));
    assert!(t.contains("[\n    \"arn:aws:iam::123456789012:instance-profile/Yuta20220815\"\n]\n"));
    assert!(t.contains("arn:aws:iam::123456789012:role/efs-S3\n"));
}

#[test]
fn ssm_managed_instance_plays_to_the_end() {
    let t = assert_all_met("ssm-managed-instance");
    assert!(t.contains("\tOnline\n"));
}

#[test]
fn credentials_inside_plays_to_the_end() {
    let t = assert_all_met("credentials-inside");
    assert!(t.contains("An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired\n"));
    assert!(t.contains("\"Code\" : \"Success\""));
}

#[test]
fn wrong_trust_principal_plays_to_the_end() {
    let t = assert_all_met("wrong-trust-principal");
    assert!(t.contains("\"Message\" : \"EC2 cannot assume the role lambda-only.  Please see documentation at http://docs.amazonwebservices.com/IAM/latest/UserGuide/RolesTroubleshooting.html.\""));
    assert!(t.contains(
        "Unable to locate credentials. You can configure credentials by running \"aws configure\".\n"
    ));
    assert!(t.contains("arn:aws:sts::123456789012:assumed-role/lambda-only/i-"));
}

#[test]
fn keys_vs_profile_plays_to_the_end() {
    let t = assert_all_met("keys-vs-profile");
    assert!(t.contains("An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.\n"));
}

#[test]
fn imds_ssrf_plays_to_the_end() {
    let t = assert_all_met("imds-ssrf");
    assert!(t.contains("required\t1\n"));
    assert!(t.contains("\n401\n"));
}

#[test]
fn one_role_per_profile_plays_to_the_end() {
    let t = assert_all_met("one-role-per-profile");
    assert!(t.contains("An error occurred (LimitExceeded) when calling the AddRoleToInstanceProfile operation: Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1\n"));
    assert!(t.contains("An error occurred (DeleteConflict) when calling the DeleteRole operation: Cannot delete entity, must remove roles from instance profile first.\n"));
}

#[test]
fn pass_role_plays_to_the_end() {
    let t = assert_all_met("pass-role");
    assert!(t.contains("An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/dev is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/app because no identity-based policy allows the iam:PassRole action."));
    assert!(t.contains("arn:aws:iam::123456789012:instance-profile/app\n"));
}

#[test]
fn every_check_is_unmet_before_its_step_runs() {
    for s in SCENARIOS {
        for index in 0..s.steps.len() {
            let player = Player::at(s, index);
            let result = player.check_pending().unwrap();
            assert!(
                !result.met,
                "{} step {} is met before it runs: {} {:?}",
                s.id,
                index + 1,
                result.text,
                result.evidence
            );
        }
    }
}

/// Skips step `skip` (0-based) and plays the next one: its check must not be met.
fn skipping_breaks(id: &str, skip: usize) -> Vec<String> {
    let s = scenario(id).unwrap();
    let mut player = Player::at(s, skip);
    player.skip_next().unwrap();
    let record = player.play_next().unwrap().clone();
    assert!(
        !record.result.met,
        "{id}: skipping step {} still met step {}:\n{}",
        skip + 1,
        skip + 2,
        player.transcript()
    );
    record.result.evidence
}

#[test]
fn without_the_association_the_upload_fails() {
    let evidence = skipping_breaks("s3-upload-experiment", 4);
    assert!(
        evidence.contains(&"s3://madhu-testing/notes.txt does not exist".to_string()),
        "{evidence:?}"
    );
}

#[test]
fn without_the_profile_the_launch_has_none() {
    skipping_breaks("role-is-not-a-profile", 2);
}

#[test]
fn without_the_launch_ssm_lists_nothing() {
    skipping_breaks("ssm-managed-instance", 2);
}

#[test]
fn without_the_trust_fix_nothing_heals() {
    let evidence = skipping_breaks("wrong-trust-principal", 3);
    assert!(
        evidence
            .iter()
            .any(|e| e.contains("answers for the role: AssumeRoleUnauthorizedAccess")),
        "{evidence:?}"
    );
}

#[test]
fn without_require_tokens_the_ssrf_still_works() {
    skipping_breaks("imds-ssrf", 3);
}

#[test]
fn without_pass_role_the_launch_is_still_refused() {
    skipping_breaks("pass-role", 3);
}

#[test]
fn without_the_hours_that_pass_the_copy_has_not_expired_yet() {
    // Skipping "rotation" (two hours) leaves the copy still valid five hours later.
    let evidence = skipping_breaks("credentials-inside", 4);
    assert!(
        evidence
            .iter()
            .any(|e| e.contains("no GetCallerIdentity call that failed with ExpiredToken")),
        "{evidence:?}"
    );
}

#[test]
fn without_keys_on_disk_there_is_nothing_to_steal() {
    skipping_breaks("keys-vs-profile", 1);
}

#[test]
fn without_the_instance_there_is_no_metadata_to_ask() {
    // Skipping the set-up leaves no instance whose metadata service could answer.
    skipping_breaks("wrong-trust-principal", 0);
}

#[test]
fn without_removing_roles_deleting_still_conflicts() {
    // Skipping "one role, two profiles" leaves no profile `other` to conflict over.
    skipping_breaks("one-role-per-profile", 2);
}

#[test]
fn learner_typing_meets_the_check_however_they_get_there() {
    // Step 3 of role-is-not-a-profile asks for a profile holding the role; the learner
    // names things in another order and uses the short flags the CLI allows.
    let s = scenario("role-is-not-a-profile").unwrap();
    let mut player = Player::at(s, 2);
    assert!(!player.check_pending().unwrap().met);
    player.type_line(
        "aws iam create-instance-profile --instance-profile-name Yuta20220815 > /dev/null",
    );
    assert!(!player.check_pending().unwrap().met);
    player.type_line(
        "aws iam add-role-to-instance-profile --role-name Yuta20220815 --instance-profile-name Yuta20220815",
    );
    assert!(player.check_pending().unwrap().met);
}

#[test]
fn a_fake_echo_does_not_fool_a_world_check() {
    let s = scenario("s3-upload-experiment").unwrap();
    let mut player = Player::at(s, 5);
    player.type_line("echo 'upload: ./notes.txt to s3://madhu-testing/notes.txt'");
    let result = player.check_pending().unwrap();
    assert!(!result.met, "{result:?}");
}

#[test]
fn ids_are_unique_and_stable() {
    let ids: Vec<&str> = SCENARIOS.iter().map(|s| s.id).collect();
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
fn replaying_to_a_step_gives_the_same_world() {
    for s in SCENARIOS {
        let mid = s.steps.len() / 2;
        let mut forward = Player::new(s);
        for _ in 0..mid {
            forward.play_next();
        }
        let replayed = Player::at(s, mid);
        assert_eq!(forward.world(), replayed.world(), "{}", s.id);
        assert_eq!(forward.transcript(), replayed.transcript(), "{}", s.id);
    }
}

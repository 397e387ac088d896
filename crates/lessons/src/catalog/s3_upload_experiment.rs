//! Source document 003: an upload from an instance fails without a role, works once a
//! role is attached; then least privilege narrows the role to one bucket.

use crate::check::{Check, From, Test, Who};
use crate::model::{Action, Console, On, Scenario, Step};

const LAUNCH_WEB: &str = "aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=web}]' --query 'Instances[0].[InstanceId,State.Name]' --output text";

const ONLY_MADHU: &str = r#"echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:PutObject","s3:GetObject"],"Resource":"arn:aws:s3:::madhu-testing/*"},{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::madhu-testing"}]}' > madhu-testing-only.json"#;

/// The scenario.
pub(crate) static SCENARIO: Scenario = Scenario {
    id: "s3-upload-experiment",
    title: "The S3 upload experiment",
    summary: "An instance with no role cannot upload to S3. Give it a role the console way \
              and the same upload works; then narrow the role to one bucket.",
    sources: &["003: What is the difference between IAM role and instance profile?"],
    seed: 0,
    steps: &[
        Step {
            title: "A bucket for the experiment",
            narration: "We start on our laptop, signed in as an administrator. First we make a \
                        bucket to upload into. Bucket names are global in real AWS; here the \
                        account is alone in its little world.",
            actions: &[Action::Shell {
                on: On::Laptop,
                line: "aws s3 mb s3://madhu-testing",
            }],
            check: Check {
                text: "the bucket madhu-testing exists",
                test: Test::Bucket("madhu-testing"),
            },
            hints: &[
                "The high-level S3 commands have a short verb for \"make bucket\".",
                "aws s3 mb s3://BUCKET",
            ],
        },
        Step {
            title: "An instance with no role",
            narration: "Now an EC2 instance, tagged web, launched without any IAM role. We wait \
                        a minute of simulated time for it to leave the pending state.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: LAUNCH_WEB,
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "sleep 1m",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws ec2 describe-instances --filters Name=tag:Name,Values=web --query 'Reservations[].Instances[].[InstanceId,State.Name]' --output text",
                },
            ],
            check: Check {
                text: "instance web is running, with no instance profile",
                test: Test::All(&[Test::Running("web"), Test::Not(&Test::AnyProfile("web"))]),
            },
            hints: &[
                "aws ec2 run-instances needs an image id and an instance type; tag it Name=web.",
                "Instances start pending; `sleep 1m` moves the simulated clock.",
            ],
        },
        Step {
            title: "The upload fails",
            narration: "We log in to the instance and try to copy a file to the bucket. The AWS \
                        CLI looks for credentials everywhere it knows: environment, files, the \
                        metadata service. The instance has no role, so there are none to find, \
                        and the upload never even reaches S3.",
            actions: &[
                Action::Shell {
                    on: On::Instance("web"),
                    line: "echo \"notes from the instance\" > notes.txt",
                },
                Action::Shell {
                    on: On::Instance("web"),
                    line: "aws s3 cp notes.txt s3://madhu-testing/notes.txt",
                },
            ],
            check: Check {
                text: "the upload failed with \"Unable to locate credentials\" and nothing reached the bucket",
                test: Test::All(&[
                    Test::Output("Unable to locate credentials"),
                    Test::Not(&Test::Object {
                        bucket: "madhu-testing",
                        key: "notes.txt",
                    }),
                ]),
            },
            hints: &["ssh to the instance first, then use aws s3 cp."],
        },
        Step {
            title: "Create the role, the console way",
            narration: "In the IAM console we create a role for the EC2 use case, named \
                        madhu-test-role, with the AWS managed policy AmazonS3FullAccess. Behind \
                        our back the console also creates an instance profile with the very \
                        same name and puts the role inside it. The command line would not.",
            actions: &[
                Action::Console(Console::CreateRoleForEc2 {
                    role_name: "madhu-test-role",
                    policies: &["arn:aws:iam::aws:policy/AmazonS3FullAccess"],
                }),
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam list-instance-profiles-for-role --role-name madhu-test-role --query 'InstanceProfiles[].Arn'",
                },
            ],
            check: Check {
                text: "role madhu-test-role has AmazonS3FullAccess and sits in an instance profile of the same name",
                test: Test::All(&[
                    Test::RolePolicy {
                        role: "madhu-test-role",
                        policy: "AmazonS3FullAccess",
                    },
                    Test::ProfileRole {
                        profile: "madhu-test-role",
                        role: "madhu-test-role",
                    },
                ]),
            },
            hints: &[
                "By hand with the CLI: create-role, attach-role-policy, create-instance-profile, add-role-to-instance-profile.",
            ],
        },
        Step {
            title: "Attach it to the instance",
            narration: "\"Attach the role to the instance\" really means associating the \
                        instance profile with it. The association starts as associating and \
                        settles a moment later; then the metadata service has credentials.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "aws ec2 associate-iam-instance-profile --instance-id {{web}} --iam-instance-profile Name=madhu-test-role",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "sleep 10",
                },
            ],
            check: Check {
                text: "instance web has instance profile madhu-test-role",
                test: Test::InstanceProfile {
                    instance: "web",
                    profile: "madhu-test-role",
                },
            },
            hints: &[
                "aws ec2 associate-iam-instance-profile --instance-id i-… --iam-instance-profile Name=…",
            ],
        },
        Step {
            title: "The upload succeeds",
            narration: "Same instance, same command. This time the CLI finds temporary \
                        credentials in the metadata service, signs the request as the role's \
                        session, and S3 allows it.",
            actions: &[
                Action::Shell {
                    on: On::Instance("web"),
                    line: "aws s3 cp notes.txt s3://madhu-testing/notes.txt",
                },
                Action::Shell {
                    on: On::Instance("web"),
                    line: "aws s3 ls s3://madhu-testing",
                },
            ],
            check: Check {
                text: "the role's session uploaded s3://madhu-testing/notes.txt",
                test: Test::All(&[
                    Test::Object {
                        bucket: "madhu-testing",
                        key: "notes.txt",
                    },
                    Test::Call {
                        operation: "PutObject",
                        error: None,
                        who: Who::Role("madhu-test-role"),
                        from: From::Instance("web"),
                    },
                ]),
            },
            hints: &["Run the very same aws s3 cp on the instance again."],
        },
        Step {
            title: "Least privilege: one bucket only",
            narration: "AmazonS3FullAccess lets the instance touch every bucket in the account. \
                        We write our own policy that allows objects in madhu-testing and nothing \
                        else, attach it, and detach the broad one. A second bucket appears for \
                        the next test.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "aws s3 mb s3://other-team-data",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: ONLY_MADHU,
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam create-policy --policy-name madhu-testing-only --policy-document file://madhu-testing-only.json --query Policy.Arn --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam attach-role-policy --role-name madhu-test-role --policy-arn arn:aws:iam::123456789012:policy/madhu-testing-only",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam detach-role-policy --role-name madhu-test-role --policy-arn arn:aws:iam::aws:policy/AmazonS3FullAccess",
                },
            ],
            check: Check {
                text: "madhu-test-role has madhu-testing-only and no longer AmazonS3FullAccess",
                test: Test::All(&[
                    Test::RolePolicy {
                        role: "madhu-test-role",
                        policy: "madhu-testing-only",
                    },
                    Test::Not(&Test::RolePolicy {
                        role: "madhu-test-role",
                        policy: "AmazonS3FullAccess",
                    }),
                ]),
            },
            hints: &["aws iam create-policy, then attach-role-policy and detach-role-policy."],
        },
        Step {
            title: "Another bucket is refused",
            narration: "From the instance, an upload to the other team's bucket is now denied \
                        with AWS's own message, while madhu-testing still accepts files. The \
                        evaluator shows why: no statement of any identity policy allows \
                        s3:PutObject on that object, so the answer is an implicit deny.",
            actions: &[
                Action::Shell {
                    on: On::Instance("web"),
                    line: "aws s3 cp notes.txt s3://other-team-data/notes.txt",
                },
                Action::ExplainLastDenial,
                Action::Shell {
                    on: On::Instance("web"),
                    line: "aws s3 cp notes.txt s3://madhu-testing/notes-2.txt",
                },
            ],
            check: Check {
                text: "PutObject to other-team-data was denied, and madhu-testing still accepts uploads",
                test: Test::All(&[
                    Test::Call {
                        operation: "PutObject",
                        error: Some("AccessDenied"),
                        who: Who::Role("madhu-test-role"),
                        from: From::Instance("web"),
                    },
                    Test::Not(&Test::Object {
                        bucket: "other-team-data",
                        key: "notes.txt",
                    }),
                    Test::Object {
                        bucket: "madhu-testing",
                        key: "notes-2.txt",
                    },
                ]),
            },
            hints: &[
                "Upload the same file to s3://other-team-data/, then to a new key in s3://madhu-testing/.",
            ],
        },
    ],
};

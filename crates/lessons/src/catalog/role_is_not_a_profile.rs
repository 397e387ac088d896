//! Source document 002: EC2 takes an instance profile, not a role; the CLI and IaC must
//! create the profile themselves. Lambda, by contrast, takes the role's ARN.

use super::WRITE_EC2_TRUST;
use crate::check::{Check, From, Test, Who};
use crate::model::{Action, On, Scenario, Step};

const LAMBDA_TRUST: &str = r#"echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > lambda-trust.json"#;

/// The scenario.
pub(crate) static SCENARIO: Scenario = Scenario {
    id: "role-is-not-a-profile",
    title: "A role is not an instance profile",
    summary: "Create a role with the CLI and try to launch an instance with it: EC2 refuses, \
              because it wants an instance profile. Create one, put the role in it, and the \
              launch works.",
    sources: &[
        "002: What is IAM Instance Profile?",
        "004: EC2 instance roles and instance profiles",
    ],
    seed: 0,
    steps: &[
        Step {
            title: "A role, made with the CLI",
            narration: "Infrastructure as code and the CLI make exactly what you ask for. Here \
                        we create a role that EC2 may assume, and nothing else: no instance \
                        profile comes with it.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: WRITE_EC2_TRUST,
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam create-role --role-name Yuta20220815 --assume-role-policy-document file://trust.json --query Role.Arn --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam list-instance-profiles-for-role --role-name Yuta20220815",
                },
            ],
            check: Check {
                text: "role Yuta20220815 exists and no instance profile carries its name",
                test: Test::All(&[
                    Test::Role("Yuta20220815"),
                    Test::Not(&Test::Profile("Yuta20220815")),
                ]),
            },
            hints: &[
                "aws iam create-role --role-name … --assume-role-policy-document file://trust.json",
            ],
        },
        Step {
            title: "Launching with the role's name fails",
            narration: "We pass the role's name where EC2 expects an instance profile. EC2 looks \
                        for a profile of that name, finds none, and answers with the same error \
                        the source document hit through Terraform.",
            actions: &[Action::Shell {
                on: On::Laptop,
                line: "aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=Yuta20220815",
            }],
            check: Check {
                text: "RunInstances failed with InvalidParameterValue: Invalid IAM Instance Profile name",
                test: Test::All(&[
                    Test::Call {
                        operation: "RunInstances",
                        error: Some("InvalidParameterValue"),
                        who: Who::Any,
                        from: From::Anywhere,
                    },
                    Test::Output("Invalid IAM Instance Profile name"),
                ]),
            },
            hints: &["Use --iam-instance-profile Name=<the role's name>."],
        },
        Step {
            title: "Create the instance profile, add the role",
            narration: "The missing piece: an instance profile, the container EC2 understands, \
                        with the role inside. It may have any name; we reuse the role's, as the \
                        console does.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam create-instance-profile --instance-profile-name Yuta20220815 --query InstanceProfile.Arn --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam add-role-to-instance-profile --instance-profile-name Yuta20220815 --role-name Yuta20220815",
                },
            ],
            check: Check {
                text: "instance profile Yuta20220815 holds role Yuta20220815",
                test: Test::ProfileRole {
                    profile: "Yuta20220815",
                    role: "Yuta20220815",
                },
            },
            hints: &["aws iam create-instance-profile, then aws iam add-role-to-instance-profile."],
        },
        Step {
            title: "Launch again and look",
            narration: "The same launch now succeeds. Describing the instance shows what is \
                        really attached: the instance profile's ARN, not the role's.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=Yuta20220815 --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=app}]' --query 'Instances[0].InstanceId' --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws ec2 describe-instances --query \"Reservations[].Instances[].IamInstanceProfile.Arn\"",
                },
            ],
            check: Check {
                text: "instance app runs with instance profile Yuta20220815, and describe-instances shows the profile's ARN",
                test: Test::All(&[
                    Test::InstanceProfile {
                        instance: "app",
                        profile: "Yuta20220815",
                    },
                    Test::Output("arn:aws:iam::123456789012:instance-profile/Yuta20220815"),
                ]),
            },
            hints: &[
                "Launch with --iam-instance-profile Name=Yuta20220815, then aws ec2 describe-instances --query \"Reservations[].Instances[].IamInstanceProfile.Arn\".",
            ],
        },
        Step {
            title: "Beside it: Lambda takes the role's ARN",
            narration: "Other services are handed the role itself. A Lambda function's Role \
                        property is the role's ARN, and the role trusts lambda.amazonaws.com; no \
                        instance profile is involved. This simulator does not model Lambda, so \
                        we stop at creating the role and printing the ARN you would give it.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: LAMBDA_TRUST,
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam create-role --role-name efs-S3 --assume-role-policy-document file://lambda-trust.json --query Role.Arn --output text",
                },
            ],
            check: Check {
                text: "role efs-S3 trusts lambda.amazonaws.com and needs no instance profile",
                test: Test::All(&[
                    Test::Trusts {
                        role: "efs-S3",
                        service: "lambda.amazonaws.com",
                    },
                    Test::Not(&Test::Profile("efs-S3")),
                ]),
            },
            hints: &["A trust policy with Principal Service lambda.amazonaws.com."],
        },
    ],
};

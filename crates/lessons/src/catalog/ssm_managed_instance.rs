//! Source document 000: role + AmazonSSMManagedInstanceCore + instance profile + instance
//! makes a Systems Manager managed node; without the policy it never registers.

use super::WRITE_EC2_TRUST;
use crate::check::{Check, Test};
use crate::model::{Action, On, Scenario, Step};

/// The scenario.
pub(crate) static SCENARIO: Scenario = Scenario {
    id: "ssm-managed-instance",
    title: "An instance Systems Manager can manage",
    summary: "The Terraform example of source document 000, done with the CLI: a role with \
              AmazonSSMManagedInstanceCore, wrapped in an instance profile, on an instance. \
              A few simulated minutes later the instance is a managed node; without the policy \
              it never is.",
    sources: &["000: What is an Instance Profile?"],
    seed: 0,
    steps: &[
        Step {
            title: "The role and its permissions",
            narration: "The SSM agent on the instance talks to Systems Manager with the \
                        instance's credentials, so the role needs the managed policy \
                        AmazonSSMManagedInstanceCore.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: WRITE_EC2_TRUST,
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam create-role --role-name ec2-ssm-role --assume-role-policy-document file://trust.json --query Role.Arn --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam attach-role-policy --role-name ec2-ssm-role --policy-arn arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
                },
            ],
            check: Check {
                text: "ec2-ssm-role has AmazonSSMManagedInstanceCore",
                test: Test::RolePolicy {
                    role: "ec2-ssm-role",
                    policy: "AmazonSSMManagedInstanceCore",
                },
            },
            hints: &[
                "aws iam attach-role-policy --policy-arn arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
            ],
        },
        Step {
            title: "Wrap it in an instance profile",
            narration: "As in the Terraform example, the profile has its own name, \
                        ssm-instance-profile. Names need not match; the console just makes \
                        them match.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam create-instance-profile --instance-profile-name ssm-instance-profile --query InstanceProfile.Arn --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam add-role-to-instance-profile --instance-profile-name ssm-instance-profile --role-name ec2-ssm-role",
                },
            ],
            check: Check {
                text: "ssm-instance-profile holds ec2-ssm-role",
                test: Test::ProfileRole {
                    profile: "ssm-instance-profile",
                    role: "ec2-ssm-role",
                },
            },
            hints: &["create-instance-profile, then add-role-to-instance-profile."],
        },
        Step {
            title: "Launch the instance",
            narration: "We launch with the profile. Right away Systems Manager knows nothing of \
                        it: the instance is still starting and its agent has not called in.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=ssm-instance-profile --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=managed}]' --query 'Instances[0].InstanceId' --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws ssm describe-instance-information --query 'InstanceInformationList[].[InstanceId,PingStatus]' --output text",
                },
            ],
            check: Check {
                text: "instance managed has ssm-instance-profile and is not a managed node yet",
                test: Test::All(&[
                    Test::InstanceProfile {
                        instance: "managed",
                        profile: "ssm-instance-profile",
                    },
                    Test::Not(&Test::SsmOnline("managed")),
                ]),
            },
            hints: &[
                "run-instances with --iam-instance-profile Name=ssm-instance-profile, tagged Name=managed.",
            ],
        },
        Step {
            title: "A few minutes later",
            narration: "Time passes. The instance boots, the agent gets credentials from the \
                        metadata service, and registers with Systems Manager. The timing here is \
                        the simulator's choice; AWS only says it takes a few minutes.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "sleep 1m",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "sleep 4m",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws ssm describe-instance-information --query 'InstanceInformationList[].[InstanceId,PingStatus]' --output text",
                },
            ],
            check: Check {
                text: "Systems Manager lists instance managed as Online",
                test: Test::SsmOnline("managed"),
            },
            hints: &[
                "Let a few minutes pass with sleep (the clock moves at each sleep), then aws ssm describe-instance-information.",
            ],
        },
        Step {
            title: "Without the policy, never",
            narration: "A second role without AmazonSSMManagedInstanceCore, its own profile, a \
                        second instance. Half an hour later it is still not a managed node: the \
                        agent's calls are denied, however long we wait.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam create-role --role-name plain-role --assume-role-policy-document file://trust.json --query Role.Arn --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam create-instance-profile --instance-profile-name plain-profile --query InstanceProfile.Arn --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam add-role-to-instance-profile --instance-profile-name plain-profile --role-name plain-role",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=plain-profile --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=unmanaged}]' --query 'Instances[0].InstanceId' --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "sleep 1m",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "sleep 30m",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws ssm describe-instance-information --query 'InstanceInformationList[].[InstanceId,PingStatus]' --output text",
                },
            ],
            check: Check {
                text: "instance unmanaged is running with a profile, yet Systems Manager does not list it",
                test: Test::All(&[
                    Test::Running("unmanaged"),
                    Test::InstanceProfile {
                        instance: "unmanaged",
                        profile: "plain-profile",
                    },
                    Test::Not(&Test::SsmOnline("unmanaged")),
                ]),
            },
            hints: &["Same steps as before, without attach-role-policy."],
        },
    ],
};

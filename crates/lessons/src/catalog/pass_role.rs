//! iam:PassRole: launching with an instance profile passes its role, which the caller
//! must be allowed to do; `iam:PassedToService` limits where the role may go.

use super::WRITE_EC2_TRUST;
use crate::check::{Check, From, Test, Who};
use crate::model::{Action, On, Scenario, Step};

const DEV_POLICY: &str = r#"echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:RunInstances","ec2:Describe*","ec2:AssociateIamInstanceProfile"],"Resource":"*"}]}' > dev-policy.json"#;
const PASS_POLICY: &str = r#"echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::123456789012:role/app","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}]}' > pass-app.json"#;

/// The scenario.
pub(crate) static SCENARIO: Scenario = Scenario {
    id: "pass-role",
    title: "iam:PassRole",
    summary: "A developer who may launch instances is still refused when the launch hands \
              an instance profile's role to EC2. A PassRole statement, limited to EC2 with \
              iam:PassedToService, lets them.",
    sources: &["001: IAM Instance Profile (\"Pass a role to an instance\")"],
    seed: 0,
    steps: &[
        Step {
            title: "A developer who can launch instances",
            narration: "User dev may run and describe instances, nothing more. We give dev an \
                        access key and a CLI profile of the same name on the laptop.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam create-user --user-name dev --query User.Arn --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: DEV_POLICY,
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam put-user-policy --user-name dev --policy-name launch --policy-document file://dev-policy.json",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam create-access-key --user-name dev > dev-key.json",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws configure set aws_access_key_id $(jq -r .AccessKey.AccessKeyId dev-key.json) --profile dev",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws configure set aws_secret_access_key $(jq -r .AccessKey.SecretAccessKey dev-key.json) --profile dev",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws configure set region us-east-1 --profile dev",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws sts get-caller-identity --profile dev --query Arn --output text",
                },
            ],
            check: Check {
                text: "user dev has a key and the CLI profile dev signs as dev",
                test: Test::All(&[
                    Test::UserKey("dev"),
                    Test::Call {
                        operation: "GetCallerIdentity",
                        error: None,
                        who: Who::User("dev"),
                        from: From::Laptop,
                    },
                ]),
            },
            hints: &["aws configure set … --profile dev"],
        },
        Step {
            title: "A role for the application",
            narration: "The administrator prepares role app and an instance profile app holding it.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: WRITE_EC2_TRUST,
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam create-role --role-name app --assume-role-policy-document file://trust.json --query Role.Arn --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam create-instance-profile --instance-profile-name app --query InstanceProfile.Arn --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam add-role-to-instance-profile --instance-profile-name app --role-name app",
                },
            ],
            check: Check {
                text: "instance profile app holds role app",
                test: Test::ProfileRole {
                    profile: "app",
                    role: "app",
                },
            },
            hints: &["create-role, create-instance-profile, add-role-to-instance-profile."],
        },
        Step {
            title: "Launching with the profile is refused",
            narration: "dev can launch a bare instance. With the profile, EC2 also checks that \
                        dev may pass role app, and the answer is no: otherwise anyone who can \
                        launch could borrow any role's permissions.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "aws ec2 run-instances --profile dev --image-id ami-0abcdef1234567890 --instance-type t3.micro --query 'Instances[0].State.Name' --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws ec2 run-instances --profile dev --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=app",
                },
            ],
            check: Check {
                text: "dev's launch with the profile failed with UnauthorizedOperation on iam:PassRole",
                test: Test::All(&[
                    Test::Call {
                        operation: "RunInstances",
                        error: Some("UnauthorizedOperation"),
                        who: Who::User("dev"),
                        from: From::Laptop,
                    },
                    Test::Output("iam:PassRole"),
                ]),
            },
            hints: &["run-instances --profile dev … --iam-instance-profile Name=app"],
        },
        Step {
            title: "PassRole, to EC2 only",
            narration: "The administrator allows iam:PassRole on role app's ARN, only when the \
                        role is being passed to ec2.amazonaws.com (the iam:PassedToService \
                        condition key).",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: PASS_POLICY,
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam put-user-policy --user-name dev --policy-name pass-app --policy-document file://pass-app.json",
                },
            ],
            check: Check {
                text: "user dev has the inline policy pass-app",
                test: Test::UserPolicy {
                    user: "dev",
                    policy: "pass-app",
                },
            },
            hints: &[
                "A statement with Action iam:PassRole, Resource the role's ARN, Condition StringEquals iam:PassedToService ec2.amazonaws.com.",
            ],
        },
        Step {
            title: "Now the launch works",
            narration: "The same launch succeeds, and the new instance carries profile app.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "aws ec2 run-instances --profile dev --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=app --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=dev-app}]' --query 'Instances[0].InstanceId' --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws ec2 describe-instances --profile dev --filters Name=tag:Name,Values=dev-app --query 'Reservations[].Instances[].IamInstanceProfile.Arn' --output text",
                },
            ],
            check: Check {
                text: "dev launched instance dev-app with profile app",
                test: Test::All(&[
                    Test::Call {
                        operation: "RunInstances",
                        error: None,
                        who: Who::User("dev"),
                        from: From::Laptop,
                    },
                    Test::InstanceProfile {
                        instance: "dev-app",
                        profile: "app",
                    },
                ]),
            },
            hints: &["Repeat the launch with --profile dev."],
        },
    ],
};

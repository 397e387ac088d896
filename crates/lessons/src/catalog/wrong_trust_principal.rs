//! A role whose trust policy names the wrong service: the metadata service says so, the
//! CLI does not; fixing the trust policy heals the instance at the next refresh.

use crate::check::{Check, From, Test, Who};
use crate::model::{Action, On, Scenario, Step};

const LAMBDA_TRUST: &str = r#"echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > lambda-trust.json"#;
const EC2_TRUST: &str = r#"echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > ec2-trust.json"#;

/// The scenario.
pub(crate) static SCENARIO: Scenario = Scenario {
    id: "wrong-trust-principal",
    title: "The wrong trust principal",
    summary: "A role that trusts Lambda, not EC2, put in an instance profile: the metadata \
              service answers AssumeRoleUnauthorizedAccess while the CLI only says it cannot \
              find credentials. Fix the trust policy and wait for the next refresh.",
    sources: &[
        "004: EC2 instance roles and instance profiles",
        "001: IAM Instance Profile",
    ],
    seed: 0,
    steps: &[
        Step {
            title: "A role that trusts Lambda",
            narration: "A copy-paste slip: the trust policy names lambda.amazonaws.com. IAM \
                        accepts it, the profile accepts the role, EC2 launches the instance. \
                        Nothing complains yet.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: LAMBDA_TRUST,
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam create-role --role-name lambda-only --assume-role-policy-document file://lambda-trust.json --query Role.Arn --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam create-instance-profile --instance-profile-name lambda-only --query InstanceProfile.Arn --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam add-role-to-instance-profile --instance-profile-name lambda-only --role-name lambda-only",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=lambda-only --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=web}]' --query 'Instances[0].InstanceId' --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "sleep 1m",
                },
            ],
            check: Check {
                text: "instance web runs with profile lambda-only, whose role does not trust EC2",
                test: Test::All(&[
                    Test::InstanceProfile {
                        instance: "web",
                        profile: "lambda-only",
                    },
                    Test::Not(&Test::Trusts {
                        role: "lambda-only",
                        service: "ec2.amazonaws.com",
                    }),
                ]),
            },
            hints: &["Principal Service lambda.amazonaws.com in the trust policy."],
        },
        Step {
            title: "The metadata service tells the truth",
            narration: "Asked for the role's credentials, the metadata service answers 200 with \
                        an error document instead of keys: EC2 was not allowed to assume the \
                        role.",
            actions: &[Action::Shell {
                on: On::Instance("web"),
                line: "curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/lambda-only",
            }],
            check: Check {
                text: "the metadata service answers AssumeRoleUnauthorizedAccess",
                test: Test::All(&[
                    Test::Output("AssumeRoleUnauthorizedAccess"),
                    Test::Delivery {
                        instance: "web",
                        code: "AssumeRoleUnauthorizedAccess",
                    },
                ]),
            },
            hints: &["curl the iam/security-credentials/<role> path on the instance."],
        },
        Step {
            title: "The CLI only shrugs",
            narration: "The AWS CLI drops a credentials document without keys and moves on to the \
                        next provider; there is none, so all it says is that it cannot find \
                        credentials. The real reason is only in the metadata service.",
            actions: &[Action::Shell {
                on: On::Instance("web"),
                line: "aws s3 ls",
            }],
            check: Check {
                text: "the CLI says \"Unable to locate credentials\" while the cause is the trust policy",
                test: Test::All(&[
                    Test::Output("Unable to locate credentials"),
                    Test::Delivery {
                        instance: "web",
                        code: "AssumeRoleUnauthorizedAccess",
                    },
                ]),
            },
            hints: &["Any aws command on the instance."],
        },
        Step {
            title: "Fix the trust policy",
            narration: "update-assume-role-policy replaces the trust policy with one that names \
                        ec2.amazonaws.com. The instance does not notice at once: the EC2 \
                        service tries again at its next refresh.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: EC2_TRUST,
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam update-assume-role-policy --role-name lambda-only --policy-document file://ec2-trust.json",
                },
            ],
            check: Check {
                text: "lambda-only now trusts ec2.amazonaws.com (the instance has not refreshed yet)",
                test: Test::All(&[
                    Test::Trusts {
                        role: "lambda-only",
                        service: "ec2.amazonaws.com",
                    },
                    Test::Delivery {
                        instance: "web",
                        code: "AssumeRoleUnauthorizedAccess",
                    },
                ]),
            },
            hints: &[
                "aws iam update-assume-role-policy --role-name lambda-only --policy-document file://…",
            ],
        },
        Step {
            title: "Healed at the next refresh",
            narration: "An hour later the EC2 service has assumed the role successfully, and the \
                        CLI on the instance finds credentials as if nothing had happened.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "sleep 1h",
                },
                Action::Shell {
                    on: On::Instance("web"),
                    line: "aws sts get-caller-identity --query Arn --output text",
                },
            ],
            check: Check {
                text: "the metadata service delivers credentials and the instance calls AWS as lambda-only",
                test: Test::All(&[
                    Test::Delivery {
                        instance: "web",
                        code: "Success",
                    },
                    Test::Call {
                        operation: "GetCallerIdentity",
                        error: None,
                        who: Who::Role("lambda-only"),
                        from: From::Instance("web"),
                    },
                ]),
            },
            hints: &["Wait (sleep) for the refresh, then call STS from the instance."],
        },
    ],
};

//! Source documents 000, 001, 004: the credentials live in the metadata service, rotate
//! before they expire, and a copy taken out of the instance dies when it expires.

use super::WRITE_EC2_TRUST;
use crate::check::{Check, From, Test, Who};
use crate::model::{Action, On, Scenario, Step};

/// The scenario.
pub(crate) static SCENARIO: Scenario = Scenario {
    id: "credentials-inside",
    title: "The credentials inside the instance",
    summary: "Fetch the role's credentials from the metadata service by hand with IMDSv2, \
              watch them rotate, and see a copy taken off the instance expire while the \
              application that keeps asking the metadata service carries on.",
    sources: &[
        "000: What is an Instance Profile?",
        "001: IAM Instance Profile (exam tips)",
        "004: EC2 instance roles and instance profiles",
    ],
    seed: 0,
    steps: &[
        Step {
            title: "An instance with a role, IMDSv2 only",
            narration: "A role with read access to S3, its instance profile, and an instance \
                        that accepts only IMDSv2 requests (HttpTokens=required).",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: WRITE_EC2_TRUST,
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam create-role --role-name app-role --assume-role-policy-document file://trust.json --query Role.Arn --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam attach-role-policy --role-name app-role --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam create-instance-profile --instance-profile-name app-role --query InstanceProfile.Arn --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam add-role-to-instance-profile --instance-profile-name app-role --role-name app-role",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=app-role --metadata-options HttpTokens=required --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=app}]' --query 'Instances[0].InstanceId' --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "sleep 1m",
                },
            ],
            check: Check {
                text: "instance app is running with instance profile app-role and HttpTokens=required",
                test: Test::All(&[
                    Test::Running("app"),
                    Test::InstanceProfile {
                        instance: "app",
                        profile: "app-role",
                    },
                    Test::Metadata {
                        instance: "app",
                        tokens: "required",
                        hop_limit: 1,
                    },
                ]),
            },
            hints: &["--metadata-options HttpTokens=required on run-instances."],
        },
        Step {
            title: "A session token, then iam/info",
            narration: "IMDSv2 starts with a PUT that asks for a session token, valid for as many \
                        seconds as the TTL header says. Every GET then carries the token. The \
                        iam/info document names the instance profile.",
            actions: &[
                Action::Shell {
                    on: On::Instance("app"),
                    line: "TOKEN=$(curl -s -X PUT \"http://169.254.169.254/latest/api/token\" -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\")",
                },
                Action::Shell {
                    on: On::Instance("app"),
                    line: "curl -s -H \"X-aws-ec2-metadata-token: $TOKEN\" http://169.254.169.254/latest/meta-data/iam/info",
                },
            ],
            check: Check {
                text: "a token PUT and an iam/info GET with the token both answered 200",
                test: Test::All(&[
                    Test::Imds {
                        instance: "app",
                        method: "PUT",
                        path: "/latest/api/token",
                        status: 200,
                        token: None,
                    },
                    Test::Imds {
                        instance: "app",
                        method: "GET",
                        path: "iam/info",
                        status: 200,
                        token: Some(true),
                    },
                ]),
            },
            hints: &[
                "curl -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\"",
                "Then pass it: -H \"X-aws-ec2-metadata-token: $TOKEN\".",
            ],
        },
        Step {
            title: "The role's credentials",
            narration: "security-credentials/ lists the role's name; the document under that name \
                        holds temporary keys (ASIA…), a session token and an expiration. We keep \
                        a copy in creds.json.",
            actions: &[
                Action::Shell {
                    on: On::Instance("app"),
                    line: "curl -s -H \"X-aws-ec2-metadata-token: $TOKEN\" http://169.254.169.254/latest/meta-data/iam/security-credentials/",
                },
                Action::Shell {
                    on: On::Instance("app"),
                    line: "curl -s -H \"X-aws-ec2-metadata-token: $TOKEN\" -o creds.json http://169.254.169.254/latest/meta-data/iam/security-credentials/app-role",
                },
                Action::Shell {
                    on: On::Instance("app"),
                    line: "jq -r .AccessKeyId creds.json",
                },
                Action::Shell {
                    on: On::Instance("app"),
                    line: "jq -r .Expiration creds.json",
                },
            ],
            check: Check {
                text: "the credentials of app-role were read with a token (200)",
                test: Test::Imds {
                    instance: "app",
                    method: "GET",
                    path: "iam/security-credentials/app-role",
                    status: 200,
                    token: Some(true),
                },
            },
            hints: &["The path is /latest/meta-data/iam/security-credentials/<role name>."],
        },
        Step {
            title: "A copy leaves the instance",
            narration: "Someone copies creds.json to a laptop and exports the three values. They \
                        work there too: the calls come from the laptop's address, signed as the \
                        instance's role session.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "ssh {{app}} cat creds.json > creds.json",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "export AWS_ACCESS_KEY_ID=$(jq -r .AccessKeyId creds.json)",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "export AWS_SECRET_ACCESS_KEY=$(jq -r .SecretAccessKey creds.json)",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "export AWS_SESSION_TOKEN=$(jq -r .Token creds.json)",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws sts get-caller-identity --query Arn --output text",
                },
            ],
            check: Check {
                text: "the copied credentials work from the laptop, as app-role",
                test: Test::Call {
                    operation: "GetCallerIdentity",
                    error: None,
                    who: Who::Role("app-role"),
                    from: From::Laptop,
                },
            },
            hints: &[
                "export AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from the copy.",
            ],
        },
        Step {
            title: "Rotation, before expiry",
            narration: "Two hours pass. The EC2 service has fetched fresh credentials for the \
                        instance well before the old ones expire, so the metadata service now \
                        hands out a different key. (AWS promises new credentials at least five \
                        minutes before expiry; the hourly refresh here is observed behaviour, \
                        not documented.)",
            actions: &[
                Action::Shell {
                    on: On::Instance("app"),
                    line: "sleep 2h",
                },
                Action::Shell {
                    on: On::Instance("app"),
                    line: "curl -s -H \"X-aws-ec2-metadata-token: $TOKEN\" http://169.254.169.254/latest/meta-data/iam/security-credentials/app-role | jq -r .AccessKeyId",
                },
            ],
            check: Check {
                text: "the instance's credentials were replaced before the old ones expired",
                test: Test::Rotated("app"),
            },
            hints: &["Let simulated time pass with sleep, then read the credentials again."],
        },
        Step {
            title: "The copy expires",
            narration: "Five more hours. The copy on the laptop has passed its Expiration, and \
                        STS refuses it. Nothing refreshes a copy.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "sleep 5h",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws sts get-caller-identity",
                },
            ],
            check: Check {
                text: "the copied credentials were refused with ExpiredToken",
                test: Test::Call {
                    operation: "GetCallerIdentity",
                    error: Some("ExpiredToken"),
                    who: Who::Any,
                    from: From::Laptop,
                },
            },
            hints: &["Sleep past the Expiration shown in creds.json and call STS from the laptop."],
        },
        Step {
            title: "The application never notices",
            narration: "On the instance, the CLI (like any SDK) asks the metadata service again \
                        whenever its credentials near expiry, so it always holds valid ones. \
                        This is why the source documents say the credentials are always valid: \
                        for whoever keeps reading them from the metadata service.",
            actions: &[
                Action::Shell {
                    on: On::Instance("app"),
                    line: "aws sts get-caller-identity --query Arn --output text",
                },
                Action::Shell {
                    on: On::Instance("app"),
                    line: "aws s3 ls",
                },
            ],
            check: Check {
                text: "the instance still calls AWS successfully as app-role",
                test: Test::Call {
                    operation: "GetCallerIdentity",
                    error: None,
                    who: Who::Role("app-role"),
                    from: From::Instance("app"),
                },
            },
            hints: &["Run any AWS CLI command on the instance."],
        },
    ],
};

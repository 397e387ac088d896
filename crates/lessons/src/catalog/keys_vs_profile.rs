//! Source document 000's table: long-term access keys on disk against the instance
//! profile's temporary credentials, when both are copied off the instance.

use crate::check::{Check, From, Test, Who};
use crate::model::{Action, Console, On, Scenario, Step};

/// The scenario.
pub(crate) static SCENARIO: Scenario = Scenario {
    id: "keys-vs-profile",
    title: "Access keys on disk against an instance profile",
    summary: "Keys written to a file on an instance are copied off and still work days later. \
              The role's credentials, copied the same way, are useless once they expire.",
    sources: &[
        "000: What is an Instance Profile? (the security table)",
        "001: IAM Instance Profile",
    ],
    seed: 0,
    steps: &[
        Step {
            title: "A user with long-term keys",
            narration: "The old way: an IAM user for the application, with an access key pair \
                        (AKIA…). Such keys have no expiry; they work until someone deletes them.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam create-user --user-name app-user --query User.Arn --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam attach-user-policy --user-name app-user --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam create-access-key --user-name app-user > key.json",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "jq -r .AccessKey.AccessKeyId key.json",
                },
            ],
            check: Check {
                text: "user app-user has an active access key",
                test: Test::UserKey("app-user"),
            },
            hints: &["aws iam create-user, then aws iam create-access-key."],
        },
        Step {
            title: "The keys go onto the instance's disk",
            narration: "We launch an instance with no role and configure the keys on it, the way \
                        many tutorials once did. They now sit in ~/.aws/credentials in plain \
                        text.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=legacy}]' --query 'Instances[0].InstanceId' --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "sleep 1m",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "ssh {{legacy}} aws configure set aws_access_key_id $(jq -r .AccessKey.AccessKeyId key.json)",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "ssh {{legacy}} aws configure set aws_secret_access_key $(jq -r .AccessKey.SecretAccessKey key.json)",
                },
                Action::Shell {
                    on: On::Instance("legacy"),
                    line: "cat ~/.aws/credentials",
                },
            ],
            check: Check {
                text: "the instance's ~/.aws/credentials holds an AKIA access key",
                test: Test::File {
                    instance: "legacy",
                    path: "/home/ec2-user/.aws/credentials",
                    contains: "aws_access_key_id = AKIA",
                },
            },
            hints: &["aws configure set aws_access_key_id … on the instance."],
        },
        Step {
            title: "Copied off, still working days later",
            narration: "Someone takes a copy of that file. Three days later they use it from \
                        elsewhere, and it still works: long-term keys do not expire.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "ssh {{legacy}} cat .aws/credentials > stolen-credentials",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "sleep 3d",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "AWS_SHARED_CREDENTIALS_FILE=stolen-credentials aws sts get-caller-identity --query Arn --output text",
                },
            ],
            check: Check {
                text: "three days on, the copied user keys still work",
                test: Test::All(&[
                    Test::ClockPast(3 * 86_400),
                    Test::Call {
                        operation: "GetCallerIdentity",
                        error: None,
                        who: Who::User("app-user"),
                        from: From::Laptop,
                    },
                ]),
            },
            hints: &["AWS_SHARED_CREDENTIALS_FILE points the CLI at another credentials file."],
        },
        Step {
            title: "The same theft, with a role",
            narration: "Now the right way: a role for EC2 (made in the console, so its profile \
                        comes along) associated with the instance. The thief copies the role's \
                        credentials from the metadata service instead.",
            actions: &[
                Action::Console(Console::CreateRoleForEc2 {
                    role_name: "legacy-app-role",
                    policies: &["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"],
                }),
                Action::Shell {
                    on: On::Laptop,
                    line: "aws ec2 associate-iam-instance-profile --instance-id {{legacy}} --iam-instance-profile Name=legacy-app-role --query IamInstanceProfileAssociation.State --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "sleep 1m",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "ssh {{legacy}} curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/legacy-app-role > role-creds.json",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "AWS_ACCESS_KEY_ID=$(jq -r .AccessKeyId role-creds.json) AWS_SECRET_ACCESS_KEY=$(jq -r .SecretAccessKey role-creds.json) AWS_SESSION_TOKEN=$(jq -r .Token role-creds.json) aws sts get-caller-identity --query Arn --output text",
                },
            ],
            check: Check {
                text: "the copied role credentials work, for now",
                test: Test::Call {
                    operation: "GetCallerIdentity",
                    error: None,
                    who: Who::Role("legacy-app-role"),
                    from: From::Laptop,
                },
            },
            hints: &[
                "Associate the profile, then read iam/security-credentials/<role> on the instance.",
            ],
        },
        Step {
            title: "Useless once expired",
            narration: "Seven hours later the copied role credentials are past their expiry and \
                        STS refuses them, while the user keys from the same disk still work. \
                        Temporary credentials limit the damage of a leak; long-term keys do not.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "sleep 7h",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "AWS_ACCESS_KEY_ID=$(jq -r .AccessKeyId role-creds.json) AWS_SECRET_ACCESS_KEY=$(jq -r .SecretAccessKey role-creds.json) AWS_SESSION_TOKEN=$(jq -r .Token role-creds.json) aws sts get-caller-identity",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "AWS_SHARED_CREDENTIALS_FILE=stolen-credentials aws sts get-caller-identity --query Arn --output text",
                },
            ],
            check: Check {
                text: "the copied role credentials get ExpiredToken; the copied user keys still work",
                test: Test::All(&[
                    Test::Call {
                        operation: "GetCallerIdentity",
                        error: Some("ExpiredToken"),
                        who: Who::Any,
                        from: From::Laptop,
                    },
                    Test::Call {
                        operation: "GetCallerIdentity",
                        error: None,
                        who: Who::User("app-user"),
                        from: From::Laptop,
                    },
                ]),
            },
            hints: &["Sleep past the Expiration, then try both copies."],
        },
        Step {
            title: "Only deleting the key stops it",
            narration: "| | access keys on disk | instance profile |\n\
                        |---|---|---|\n\
                        | lifetime | until deleted | hours, renewed automatically |\n\
                        | a stolen copy | works until someone notices | dies at its Expiration |\n\
                        | rotation | by hand | by AWS |\n\
                        | stored on the instance | yes, in a file | no, only in the metadata service |\n\n\
                        The only cure for leaked long-term keys is to delete them, and then \
                        every copy fails.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam delete-access-key --user-name app-user --access-key-id $(jq -r .AccessKey.AccessKeyId key.json)",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "AWS_SHARED_CREDENTIALS_FILE=stolen-credentials aws sts get-caller-identity",
                },
            ],
            check: Check {
                text: "after deleting the key, the stolen copy is refused with InvalidClientTokenId",
                test: Test::All(&[
                    Test::Not(&Test::UserKey("app-user")),
                    Test::Call {
                        operation: "GetCallerIdentity",
                        error: Some("InvalidClientTokenId"),
                        who: Who::Any,
                        from: From::Laptop,
                    },
                ]),
            },
            hints: &["aws iam delete-access-key --user-name app-user --access-key-id AKIA…"],
        },
    ],
};

//! IMDSv1 and server-side request forgery; the IMDSv2 defence (a PUT with a TTL header
//! the attacker cannot make the app send) and the hop limit for containers.

use crate::check::{Check, From, Test, Who};
use crate::model::{Action, Console, On, Scenario, Step};

/// The scenario.
pub(crate) static SCENARIO: Scenario = Scenario {
    id: "imds-ssrf",
    title: "IMDSv1, SSRF and the IMDSv2 defence",
    summary: "A web application that fetches any URL it is given leaks the instance's \
              credentials through IMDSv1. Requiring IMDSv2 tokens stops it, because the \
              attacker cannot make the application send the PUT that gets a token.",
    sources: &[
        "000: What is an Instance Profile? (IMDSv2)",
        "004: EC2 instance roles and instance profiles",
    ],
    seed: 0,
    steps: &[
        Step {
            title: "A web server with a role, IMDSv1 allowed",
            narration: "A role with read access to S3, on an instance that still accepts IMDSv1 \
                        (HttpTokens=optional). The instance runs a web application with a \
                        \"fetch this URL for me\" feature and no check on where the URL points.",
            actions: &[
                Action::Console(Console::CreateRoleForEc2 {
                    role_name: "web-role",
                    policies: &["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"],
                }),
                Action::Shell {
                    on: On::Laptop,
                    line: "aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=web-role --metadata-options HttpTokens=optional --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=web}]' --query 'Instances[0].InstanceId' --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "sleep 1m",
                },
            ],
            check: Check {
                text: "instance web runs with profile web-role and accepts IMDSv1 (HttpTokens=optional)",
                test: Test::All(&[
                    Test::InstanceProfile {
                        instance: "web",
                        profile: "web-role",
                    },
                    Test::Metadata {
                        instance: "web",
                        tokens: "optional",
                        hop_limit: 1,
                    },
                ]),
            },
            hints: &["--metadata-options HttpTokens=optional"],
        },
        Step {
            title: "The attacker's URL",
            narration: "The attacker asks the application to fetch \
                        http://169.254.169.254/latest/meta-data/iam/security-credentials/web-role. \
                        The simulator has no web application, so we type the GET the application \
                        makes on the attacker's behalf: a plain curl on the instance, no token. \
                        IMDSv1 answers with the role's keys, and the application returns them to \
                        the attacker.",
            actions: &[
                Action::Shell {
                    on: On::Instance("web"),
                    line: "curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/",
                },
                Action::Shell {
                    on: On::Instance("web"),
                    line: "curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/web-role",
                },
            ],
            check: Check {
                text: "a GET without a token returned the role's credentials (200)",
                test: Test::Imds {
                    instance: "web",
                    method: "GET",
                    path: "iam/security-credentials/web-role",
                    status: 200,
                    token: Some(false),
                },
            },
            hints: &[
                "A plain curl of iam/security-credentials/<role> on the instance, with no token.",
            ],
        },
        Step {
            title: "The keys, used from elsewhere",
            narration: "The attacker uses the keys from their own machine (our laptop plays that \
                        part). S3 sees the role's session calling from an address outside the \
                        instance.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "ssh {{web}} curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/web-role > loot.json",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "AWS_ACCESS_KEY_ID=$(jq -r .AccessKeyId loot.json) AWS_SECRET_ACCESS_KEY=$(jq -r .SecretAccessKey loot.json) AWS_SESSION_TOKEN=$(jq -r .Token loot.json) aws sts get-caller-identity --query Arn --output text",
                },
            ],
            check: Check {
                text: "the role's session was used from outside the instance",
                test: Test::Call {
                    operation: "GetCallerIdentity",
                    error: None,
                    who: Who::Role("web-role"),
                    from: From::Laptop,
                },
            },
            hints: &[
                "Export the three values from the stolen document and call STS from the laptop.",
            ],
        },
        Step {
            title: "Require IMDSv2",
            narration: "We switch the instance to HttpTokens=required, with a hop limit of 1. \
                        From now on every metadata request needs a token, and a token needs a \
                        PUT with the X-aws-ec2-metadata-token-ttl-seconds header.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "aws ec2 modify-instance-metadata-options --instance-id {{web}} --http-tokens required --http-put-response-hop-limit 1 --query 'InstanceMetadataOptions.[HttpTokens,HttpPutResponseHopLimit]' --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "sleep 10",
                },
            ],
            check: Check {
                text: "instance web requires tokens, hop limit 1",
                test: Test::Metadata {
                    instance: "web",
                    tokens: "required",
                    hop_limit: 1,
                },
            },
            hints: &["aws ec2 modify-instance-metadata-options --http-tokens required"],
        },
        Step {
            title: "The same trick fails",
            narration: "The attacker can choose the URL, but not the method or the headers: the \
                        application only sends GETs. Without a token the metadata service answers \
                        401 and no credentials leave.",
            actions: &[Action::Shell {
                on: On::Instance("web"),
                line: "curl -s -o /dev/null -w '%{http_code}\\n' http://169.254.169.254/latest/meta-data/iam/security-credentials/web-role",
            }],
            check: Check {
                text: "the tokenless GET of the credentials now answers 401",
                test: Test::All(&[
                    Test::Imds {
                        instance: "web",
                        method: "GET",
                        path: "iam/security-credentials/web-role",
                        status: 401,
                        token: Some(false),
                    },
                    Test::Not(&Test::Imds {
                        instance: "web",
                        method: "GET",
                        path: "iam/security-credentials/web-role",
                        status: 200,
                        token: Some(false),
                    }),
                ]),
            },
            hints: &["Repeat the plain curl of the credentials path."],
        },
        Step {
            title: "A container one hop away",
            narration: "With a hop limit of 1, the token's reply dies one hop out, so a container \
                        on the instance never gets a token either; the instance's own software \
                        still works. Containers that need the role get a hop limit of 2.",
            actions: &[
                Action::Shell {
                    on: On::Instance("web"),
                    line: "docker run --rm curlimages/curl -s -m 2 -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\"",
                },
                Action::Shell {
                    on: On::Instance("web"),
                    line: "echo $?",
                },
                Action::Shell {
                    on: On::Instance("web"),
                    line: "aws sts get-caller-identity --query Arn --output text",
                },
            ],
            check: Check {
                text: "the container's token request got no answer, while the instance itself still calls AWS",
                test: Test::All(&[
                    Test::Imds {
                        instance: "web",
                        method: "PUT",
                        path: "/latest/api/token",
                        status: 0,
                        token: None,
                    },
                    Test::Call {
                        operation: "GetCallerIdentity",
                        error: None,
                        who: Who::Role("web-role"),
                        from: From::Instance("web"),
                    },
                ]),
            },
            hints: &[
                "docker run curlimages/curl -X PUT … on the instance; then the aws CLI on the instance itself.",
            ],
        },
    ],
};

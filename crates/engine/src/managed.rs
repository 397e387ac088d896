//! AWS managed policies shipped with every world, with their documents (default
//! versions as AWS publishes them).

use crate::clock::Timestamp;
use crate::iam::{ManagedPolicy, PolicyVersion};
use crate::policy::Policy;
use crate::world::World;

/// One AWS managed policy's published data.
pub struct AwsManagedPolicy {
    /// The name (the ARN is `arn:aws:iam::aws:policy/NAME`, or with `service-role/`).
    pub name: &'static str,
    /// The path (`/` or `/service-role/`).
    pub path: &'static str,
    /// The `ANPA…` id AWS gives it.
    pub policy_id: &'static str,
    /// The default version id.
    pub version: &'static str,
    /// The description.
    pub description: &'static str,
    /// The document.
    pub document: &'static str,
}

/// The managed policies every world has.
pub const AWS_MANAGED_POLICIES: &[AwsManagedPolicy] = &[
    AwsManagedPolicy {
        name: "AdministratorAccess",
        path: "/",
        policy_id: "ANPAIWMBCKSKIEE64ZLYK",
        version: "v1",
        description: "Provides full access to AWS services and resources.",
        document: r#"{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "*",
            "Resource": "*"
        }
    ]
}"#,
    },
    AwsManagedPolicy {
        name: "AmazonS3FullAccess",
        path: "/",
        policy_id: "ANPAIFIR6V6BVTRAHWINE",
        version: "v2",
        description: "Provides full access to all buckets via the AWS Management Console.",
        document: r#"{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "s3:*",
                "s3-object-lambda:*"
            ],
            "Resource": "*"
        }
    ]
}"#,
    },
    AwsManagedPolicy {
        name: "AmazonS3ReadOnlyAccess",
        path: "/",
        policy_id: "ANPAIZTJ4DXE7G6AGAE6M",
        version: "v3",
        description: "Provides read only access to all buckets via the AWS Management Console.",
        document: r#"{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "s3:Get*",
                "s3:List*",
                "s3:Describe*",
                "s3-object-lambda:Get*",
                "s3-object-lambda:List*"
            ],
            "Resource": "*"
        }
    ]
}"#,
    },
    AwsManagedPolicy {
        name: "AmazonSSMManagedInstanceCore",
        path: "/",
        policy_id: "ANPAIXSHM2BNB2D3AXXRU",
        version: "v3",
        description: "The policy for Amazon EC2 Role to enable AWS Systems Manager service core functionality.",
        document: r#"{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "ssm:DescribeAssociation",
                "ssm:GetDeployablePatchSnapshotForInstance",
                "ssm:GetDocument",
                "ssm:DescribeDocument",
                "ssm:GetManifest",
                "ssm:GetParameter",
                "ssm:GetParameters",
                "ssm:ListAssociations",
                "ssm:ListInstanceAssociations",
                "ssm:PutInventory",
                "ssm:PutComplianceItems",
                "ssm:PutConfigurePackageResult",
                "ssm:UpdateAssociationStatus",
                "ssm:UpdateInstanceAssociationStatus",
                "ssm:UpdateInstanceInformation"
            ],
            "Resource": "*"
        },
        {
            "Effect": "Allow",
            "Action": [
                "ssmmessages:CreateControlChannel",
                "ssmmessages:CreateDataChannel",
                "ssmmessages:OpenControlChannel",
                "ssmmessages:OpenDataChannel"
            ],
            "Resource": "*"
        },
        {
            "Effect": "Allow",
            "Action": [
                "ec2messages:AcknowledgeMessage",
                "ec2messages:DeleteMessage",
                "ec2messages:FailMessage",
                "ec2messages:GetEndpoint",
                "ec2messages:GetMessages",
                "ec2messages:SendReply"
            ],
            "Resource": "*"
        }
    ]
}"#,
    },
    AwsManagedPolicy {
        name: "CloudWatchAgentServerPolicy",
        path: "/",
        policy_id: "ANPAIGOXDOKE2DSGRSD22",
        version: "v5",
        description: "Permissions required to use AmazonCloudWatchAgent on servers",
        document: r#"{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "CWACloudWatchServerPermissions",
            "Effect": "Allow",
            "Action": [
                "cloudwatch:PutMetricData",
                "ec2:DescribeVolumes",
                "ec2:DescribeTags",
                "logs:PutLogEvents",
                "logs:PutRetentionPolicy",
                "logs:DescribeLogStreams",
                "logs:DescribeLogGroups",
                "logs:CreateLogStream",
                "logs:CreateLogGroup",
                "xray:PutTraceSegments",
                "xray:PutTelemetryRecords",
                "xray:GetSamplingRules",
                "xray:GetSamplingTargets",
                "xray:GetSamplingStatisticSummaries"
            ],
            "Resource": "*"
        },
        {
            "Sid": "CWASSMServerPermissions",
            "Effect": "Allow",
            "Action": [
                "ssm:GetParameter"
            ],
            "Resource": "arn:aws:ssm:*:*:parameter/AmazonCloudWatch-*"
        }
    ]
}"#,
    },
    AwsManagedPolicy {
        name: "AmazonEC2ReadOnlyAccess",
        path: "/",
        policy_id: "ANPAIGDT4SV4GSETWTBZK",
        version: "v3",
        description: "Provides read only access to Amazon EC2 via the AWS Management Console.",
        document: r#"{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "ec2:Describe*",
            "Resource": "*"
        },
        {
            "Effect": "Allow",
            "Action": "elasticloadbalancing:Describe*",
            "Resource": "*"
        },
        {
            "Effect": "Allow",
            "Action": [
                "cloudwatch:ListMetrics",
                "cloudwatch:GetMetricStatistics",
                "cloudwatch:Describe*"
            ],
            "Resource": "*"
        },
        {
            "Effect": "Allow",
            "Action": "autoscaling:Describe*",
            "Resource": "*"
        }
    ]
}"#,
    },
];

/// AdministratorAccess's CreateDate, 2015-02-06T18:39:46Z, used for every shipped policy
/// (an approximation for the others).
const AWS_POLICY_DATE: Timestamp = Timestamp(1_423_247_986);

impl World {
    /// Puts the AWS managed policies into the IAM state.
    pub(crate) fn install_managed_policies(&mut self) {
        for m in AWS_MANAGED_POLICIES {
            let Ok(document) = Policy::parse(m.document) else {
                continue;
            };
            let arn = format!("arn:aws:iam::aws:policy{}{}", m.path, m.name);
            let policy = ManagedPolicy {
                name: m.name.to_string(),
                path: m.path.to_string(),
                policy_id: m.policy_id.to_string(),
                arn: arn.clone(),
                default_version_id: m.version.to_string(),
                versions: vec![PolicyVersion {
                    version_id: m.version.to_string(),
                    document,
                    create_date: AWS_POLICY_DATE,
                }],
                description: Some(m.description.to_string()),
                create_date: AWS_POLICY_DATE,
                update_date: AWS_POLICY_DATE,
                aws_managed: true,
            };
            self.iam.policies.insert(arn, policy);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_document_parses_as_an_identity_policy() {
        for m in AWS_MANAGED_POLICIES {
            assert!(
                Policy::parse_for(m.document, crate::policy::PolicyUse::Identity).is_ok(),
                "{}",
                m.name
            );
            assert_eq!(m.policy_id.len(), 21, "{}", m.name);
            assert!(m.policy_id.starts_with("ANPA"));
        }
    }

    #[test]
    fn a_world_has_them_with_their_arns() {
        let w = World::new(1);
        for name in [
            "AdministratorAccess",
            "AmazonS3FullAccess",
            "AmazonS3ReadOnlyAccess",
            "AmazonSSMManagedInstanceCore",
            "CloudWatchAgentServerPolicy",
        ] {
            let arn = format!("arn:aws:iam::aws:policy/{name}");
            assert!(
                w.iam()
                    .policies
                    .get(&arn)
                    .and_then(|p| p.document())
                    .is_some(),
                "{arn}"
            );
        }
    }
}

//! Policy templates offered by the playground.

/// A template: a name for the policy and its JSON text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Template {
    /// Stable id used by the UI and the tests.
    pub id: &'static str,
    /// The label on the button.
    pub label: &'static str,
    /// The name the policy gets when added.
    pub policy_name: &'static str,
    /// The policy document.
    pub text: &'static str,
}

/// AWS's managed policy `AmazonS3FullAccess` (current default version).
pub const S3_FULL_ACCESS: Template = Template {
    id: "s3-full-access",
    label: "AmazonS3FullAccess",
    policy_name: "AmazonS3FullAccess",
    text: r#"{
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
};

/// A customer managed policy scoped to the `madhu-testing` bucket.
pub const BUCKET_SCOPED: Template = Template {
    id: "bucket-scoped",
    label: "Bucket madhu-testing only",
    policy_name: "madhu-testing-access",
    text: r#"{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "ListTheBucket",
            "Effect": "Allow",
            "Action": "s3:ListBucket",
            "Resource": "arn:aws:s3:::madhu-testing"
        },
        {
            "Sid": "ReadWriteObjects",
            "Effect": "Allow",
            "Action": [
                "s3:GetObject",
                "s3:PutObject",
                "s3:DeleteObject"
            ],
            "Resource": "arn:aws:s3:::madhu-testing/*"
        }
    ]
}"#,
};

/// Denies everything from outside an IP range (the IAM User Guide's example).
pub const DENY_OUTSIDE_IP: Template = Template {
    id: "deny-outside-ip",
    label: "Deny outside 192.0.2.0/24",
    policy_name: "deny-outside-corporate-network",
    text: r#"{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "DenyOutsideCorporateNetwork",
            "Effect": "Deny",
            "Action": "*",
            "Resource": "*",
            "Condition": {
                "NotIpAddress": {
                    "aws:SourceIp": [
                        "192.0.2.0/24",
                        "203.0.113.0/24"
                    ]
                }
            }
        }
    ]
}"#,
};

/// Every template, in the order the UI shows them.
pub const ALL: [Template; 3] = [S3_FULL_ACCESS, BUCKET_SCOPED, DENY_OUTSIDE_IP];

/// Finds a template by id.
pub fn by_id(id: &str) -> Option<Template> {
    ALL.iter().copied().find(|t| t.id == id)
}

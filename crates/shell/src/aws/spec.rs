//! The AWS CLI's command tables: for each service, its operations and their
//! parameters (botocore member name, type, required). One line per operation:
//!
//! `ApiName Member!:type Member:type …` where `!` marks a required member and the
//! type is `s` (string), `i` (integer), `b` (boolean), `blob` (a file path whose
//! contents are sent), `map` (string to string), `[T]` (list) or
//! `{Member:T,…}` (structure). The CLI names come from the botocore names
//! (`CreateRole` → `create-role`, `RoleName` → `--role-name`).

/// A service as the CLI shows it.
#[derive(Clone, Copy, Debug)]
pub struct Service {
    /// The CLI command, e.g. `iam`, `s3api`.
    pub command: &'static str,
    /// The botocore endpoint prefix the world knows, e.g. `iam`, `s3`.
    pub endpoint: &'static str,
    /// One line per operation (see the module docs).
    pub operations: &'static [&'static str],
}

const TAGS: &str = "[{Key:s,Value:s}]";

/// The services the simulated account offers, in the CLI's (alphabetical) order.
pub const SERVICES: &[Service] = &[
    Service {
        command: "ec2",
        endpoint: "ec2",
        operations: &[
            "AssociateIamInstanceProfile IamInstanceProfile!:{Arn:s,Name:s} InstanceId!:s",
            "DescribeIamInstanceProfileAssociations AssociationIds:[s] Filters:[{Name:s,Values:[s]}] MaxResults:i NextToken:s",
            "DescribeInstances InstanceIds:[s] Filters:[{Name:s,Values:[s]}] MaxResults:i NextToken:s",
            "DisassociateIamInstanceProfile AssociationId!:s",
            "ModifyInstanceMetadataOptions InstanceId!:s HttpTokens:s HttpPutResponseHopLimit:i HttpEndpoint:s HttpProtocolIpv6:s InstanceMetadataTags:s",
            "ReplaceIamInstanceProfileAssociation IamInstanceProfile!:{Arn:s,Name:s} AssociationId!:s",
            "RunInstances ImageId:s InstanceType:s KeyName:s MaxCount!:i MinCount!:i SecurityGroupIds:[s] SubnetId:s UserData:s IamInstanceProfile:{Arn:s,Name:s} TagSpecifications:[{ResourceType:s,Tags:[{Key:s,Value:s}]}] MetadataOptions:{HttpTokens:s,HttpPutResponseHopLimit:i,HttpEndpoint:s,HttpProtocolIpv6:s,InstanceMetadataTags:s}",
            "StartInstances InstanceIds!:[s]",
            "StopInstances InstanceIds!:[s] Force:b",
            "TerminateInstances InstanceIds!:[s]",
        ],
    },
    Service {
        command: "iam",
        endpoint: "iam",
        operations: &[
            "AddRoleToInstanceProfile InstanceProfileName!:s RoleName!:s",
            "AttachRolePolicy RoleName!:s PolicyArn!:s",
            "AttachUserPolicy UserName!:s PolicyArn!:s",
            "CreateAccessKey UserName:s",
            "CreateInstanceProfile InstanceProfileName!:s Path:s Tags:[{Key:s,Value:s}]",
            "CreatePolicy PolicyName!:s PolicyDocument!:s Path:s Description:s Tags:[{Key:s,Value:s}]",
            "CreateRole RoleName!:s AssumeRolePolicyDocument!:s Path:s Description:s MaxSessionDuration:i PermissionsBoundary:s Tags:[{Key:s,Value:s}]",
            "CreateUser UserName!:s Path:s PermissionsBoundary:s Tags:[{Key:s,Value:s}]",
            "DeleteAccessKey AccessKeyId!:s UserName:s",
            "DeleteInstanceProfile InstanceProfileName!:s",
            "DeletePolicy PolicyArn!:s",
            "DeleteRole RoleName!:s",
            "DeleteRolePolicy RoleName!:s PolicyName!:s",
            "DetachRolePolicy RoleName!:s PolicyArn!:s",
            "DetachUserPolicy UserName!:s PolicyArn!:s",
            "GetInstanceProfile InstanceProfileName!:s",
            "GetPolicy PolicyArn!:s",
            "GetPolicyVersion PolicyArn!:s VersionId!:s",
            "GetRole RoleName!:s",
            "GetRolePolicy RoleName!:s PolicyName!:s",
            "GetUser UserName:s",
            "GetUserPolicy UserName!:s PolicyName!:s",
            "ListAccessKeys UserName:s",
            "ListAttachedRolePolicies RoleName!:s PathPrefix:s",
            "ListAttachedUserPolicies UserName!:s PathPrefix:s",
            "ListInstanceProfiles PathPrefix:s",
            "ListInstanceProfilesForRole RoleName!:s",
            "ListPolicies Scope:s OnlyAttached:b PathPrefix:s PolicyUsageFilter:s",
            "ListRolePolicies RoleName!:s",
            "ListRoles PathPrefix:s",
            "ListUserPolicies UserName!:s",
            "ListUsers PathPrefix:s",
            "PutRolePolicy RoleName!:s PolicyName!:s PolicyDocument!:s",
            "PutUserPolicy UserName!:s PolicyName!:s PolicyDocument!:s",
            "RemoveRoleFromInstanceProfile InstanceProfileName!:s RoleName!:s",
            "UpdateAssumeRolePolicy RoleName!:s PolicyDocument!:s",
        ],
    },
    Service {
        command: "logs",
        endpoint: "logs",
        operations: &[
            "CreateLogGroup logGroupName!:s kmsKeyId:s tags:map",
            "CreateLogStream logGroupName!:s logStreamName!:s",
            "DescribeLogGroups logGroupNamePrefix:s limit:i nextToken:s",
            "PutLogEvents logGroupName!:s logStreamName!:s logEvents!:[{timestamp:i,message:s}] sequenceToken:s",
        ],
    },
    Service {
        command: "s3api",
        endpoint: "s3",
        operations: &[
            "CreateBucket Bucket!:s ACL:s CreateBucketConfiguration:{LocationConstraint:s}",
            "DeleteBucket Bucket!:s",
            "DeleteBucketPolicy Bucket!:s",
            "DeleteObject Bucket!:s Key!:s",
            "GetBucketPolicy Bucket!:s",
            "GetObject Bucket!:s Key!:s",
            "HeadBucket Bucket!:s",
            "ListBuckets",
            "ListObjectsV2 Bucket!:s Prefix:s Delimiter:s MaxKeys:i StartAfter:s ContinuationToken:s",
            "PutBucketPolicy Bucket!:s Policy!:s",
            "PutObject Bucket!:s Key!:s Body:blob ContentType:s Tagging:s",
        ],
    },
    Service {
        command: "ssm",
        endpoint: "ssm",
        operations: &[
            "DescribeInstanceInformation InstanceInformationFilterList:[{key:s,valueSet:[s]}] Filters:[{Key:s,Values:[s]}] MaxResults:i NextToken:s",
        ],
    },
    Service {
        command: "sts",
        endpoint: "sts",
        operations: &[
            "AssumeRole RoleArn!:s RoleSessionName!:s DurationSeconds:i Policy:s PolicyArns:[{arn:s}] ExternalId:s",
            "GetCallerIdentity",
        ],
    },
];

/// The high-level commands that are not API operations (shown among the services).
pub const EXTRA_COMMANDS: &[&str] = &["configure", "s3"];

/// Every top-level command, sorted (for errors, help and completion).
pub fn commands() -> Vec<&'static str> {
    let mut all: Vec<&'static str> = SERVICES.iter().map(|s| s.command).collect();
    all.extend(EXTRA_COMMANDS);
    iamsim_engine::sort::sort(&mut all);
    all
}

/// A parameter type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ty {
    /// A string.
    Str,
    /// An integer.
    Int,
    /// A boolean (`--flag` / `--no-flag`).
    Bool,
    /// A file whose contents are sent.
    Blob,
    /// A map of strings.
    Map,
    /// A list.
    List(Box<Ty>),
    /// A structure with members.
    Struct(Vec<(String, Ty)>),
}

impl Ty {
    /// The type name the CLI's help shows.
    pub fn describe(&self) -> &'static str {
        match self {
            Ty::Str => "string",
            Ty::Int => "integer",
            Ty::Bool => "boolean",
            Ty::Blob => "blob",
            Ty::Map => "map",
            Ty::List(_) => "list",
            Ty::Struct(_) => "structure",
        }
    }

    /// Whether the option takes several words (`--instance-ids i-1 i-2`).
    pub fn is_list(&self) -> bool {
        matches!(self, Ty::List(_))
    }
}

/// One parameter of an operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Param {
    /// The botocore member name, e.g. `RoleName`.
    pub member: String,
    /// The CLI option without dashes, e.g. `role-name`.
    pub option: String,
    /// Its type.
    pub ty: Ty,
    /// Whether it must be given.
    pub required: bool,
}

/// One operation of a service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Operation {
    /// The botocore operation name, e.g. `CreateRole`.
    pub api: String,
    /// The CLI name, e.g. `create-role`.
    pub name: String,
    /// Its parameters, in the table's order.
    pub params: Vec<Param>,
}

/// botocore's `xform_name`: `CreateRole` → `create-role`, `ListObjectsV2` → `list-objects-v2`.
pub fn kebab(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let next = chars.get(i + 1).copied();
        if c.is_ascii_uppercase() {
            let boundary = match prev {
                None => false,
                Some(p) if p.is_ascii_lowercase() => true,
                Some(p) if p.is_ascii_digit() => true,
                Some(p) if p.is_ascii_uppercase() => next.is_some_and(|n| n.is_ascii_lowercase()),
                _ => false,
            };
            if boundary {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Parses a type written as in the tables.
pub fn parse_type(text: &str) -> Option<Ty> {
    let (ty, rest) = parse_type_prefix(text)?;
    rest.is_empty().then_some(ty)
}

fn parse_type_prefix(text: &str) -> Option<(Ty, &str)> {
    if let Some(rest) = text.strip_prefix('[') {
        let (inner, rest) = parse_type_prefix(rest)?;
        let rest = rest.strip_prefix(']')?;
        return Some((Ty::List(Box::new(inner)), rest));
    }
    if let Some(mut rest) = text.strip_prefix('{') {
        let mut members = Vec::new();
        loop {
            let colon = rest.find(':')?;
            let name = rest.get(..colon)?.to_string();
            let (ty, after) = parse_type_prefix(rest.get(colon + 1..)?)?;
            members.push((name, ty));
            if let Some(after) = after.strip_prefix(',') {
                rest = after;
            } else {
                let after = after.strip_prefix('}')?;
                return Some((Ty::Struct(members), after));
            }
        }
    }
    for (word, ty) in [
        ("blob", Ty::Blob),
        ("map", Ty::Map),
        ("s", Ty::Str),
        ("i", Ty::Int),
        ("b", Ty::Bool),
    ] {
        if let Some(rest) = text.strip_prefix(word) {
            return Some((ty, rest));
        }
    }
    None
}

/// Parses one table line into an operation.
pub fn parse_operation(line: &str) -> Option<Operation> {
    let mut words = line.split(' ');
    let api = words.next()?.to_string();
    let mut params = Vec::new();
    for word in words {
        let (name, ty) = word.split_once(':')?;
        let (member, required) = match name.strip_suffix('!') {
            Some(m) => (m, true),
            None => (name, false),
        };
        params.push(Param {
            member: member.to_string(),
            option: kebab(member),
            ty: parse_type(ty)?,
            required,
        });
    }
    Some(Operation {
        name: kebab(&api),
        api,
        params,
    })
}

/// The service behind a CLI command.
pub fn service(command: &str) -> Option<&'static Service> {
    SERVICES.iter().find(|s| s.command == command)
}

impl Service {
    /// Its operations, parsed, sorted by CLI name.
    pub fn parsed(&self) -> Vec<Operation> {
        let mut ops: Vec<Operation> = self
            .operations
            .iter()
            .filter_map(|l| parse_operation(l))
            .collect();
        iamsim_engine::sort::sort_by(&mut ops, |a, b| a.name.cmp(&b.name));
        ops
    }

    /// One operation by CLI name.
    pub fn operation(&self, name: &str) -> Option<Operation> {
        self.operations
            .iter()
            .filter_map(|l| parse_operation(l))
            .find(|op| op.name == name)
    }
}

/// The tag list type, shared by several operations.
pub fn tags_type() -> Option<Ty> {
    parse_type(TAGS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_line_parses() {
        for service in SERVICES {
            for line in service.operations {
                assert!(parse_operation(line).is_some(), "{line}");
            }
        }
    }

    #[test]
    fn names_follow_botocore() {
        assert_eq!(kebab("CreateRole"), "create-role");
        assert_eq!(kebab("ListObjectsV2"), "list-objects-v2");
        assert_eq!(
            kebab("HttpPutResponseHopLimit"),
            "http-put-response-hop-limit"
        );
        assert_eq!(kebab("logGroupName"), "log-group-name");
        assert_eq!(
            kebab("DescribeIamInstanceProfileAssociations"),
            "describe-iam-instance-profile-associations"
        );
        assert_eq!(kebab("ACL"), "acl");
        assert_eq!(kebab("HttpProtocolIpv6"), "http-protocol-ipv6");
    }

    #[test]
    fn types_parse() {
        assert_eq!(
            parse_type("[{Key:s,Value:s}]"),
            Some(Ty::List(Box::new(Ty::Struct(vec![
                ("Key".into(), Ty::Str),
                ("Value".into(), Ty::Str)
            ]))))
        );
    }
}

//! Validation of policy documents for one use (identity policy, trust policy,
//! resource policy, ...), with the messages IAM returns as
//! `MalformedPolicyDocument` (DOMAIN.md §2), and the size quotas.
//!
//! Rules that IAM applies but does not document precisely, chosen here:
//! - A `Service` principal must be a DNS-like name (lower-case letters,
//!   digits, `-` and `.`) ending in `.amazonaws.com`, `.amazonaws.com.cn` or
//!   `.amazon.com`, or one of [`KNOWN_SERVICE_PRINCIPALS`]; anything else is
//!   an invalid principal.
//! - An `AWS` principal must be `*`, a 12-digit account id, or an ARN of the
//!   form `arn:PARTITION:iam::ACCOUNT:root|user/...|role/...|federated-user/...`
//!   or `arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION|federated-user/...`.
//!   (Whether the user or role exists is for the IAM model to check.)
//! - `Sid`s must be alphanumeric in IAM policies (identity, trust, boundary,
//!   session); resource and service control policies allow other characters.
//! - A `Version` other than 2008-10-17 or 2012-10-17 gives
//!   "The policy failed legacy parsing".
//! - A resource must be `*` or start with `arn:` and have the six ARN
//!   components (or contain a `*` that may stand for several).
//! - An unknown condition operator, an unknown element, or a value of the
//!   wrong JSON type gives "Syntax errors in policy.".
//! - For [`PolicyUse::Resource`] (S3 bucket policies) the messages are S3's:
//!   "Missing required field Principal", "Statement is missing required
//!   element", "Policy has invalid action", "Policy has invalid resource",
//!   "Invalid principal in policy". Whether a resource lies in the bucket is
//!   for the S3 model to check.
//! - Trust policy actions are not restricted to STS actions (IAM's exact
//!   message for that case is not documented).

use serde::{Deserialize, Serialize};

use super::document::{Policy, PrincipalElement, Statement};

/// The `MalformedPolicyDocument` error, carrying the text IAM returns.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct MalformedPolicyDocument {
    /// AWS's text, e.g. "Policy document should not specify a principal.".
    pub message: String,
    /// 1-based line of a JSON syntax error, when known.
    pub line: Option<usize>,
    /// 1-based column of a JSON syntax error, when known.
    pub column: Option<usize>,
}

impl MalformedPolicyDocument {
    /// An error with `message` and no position.
    pub fn new(message: impl Into<String>) -> Self {
        MalformedPolicyDocument {
            message: message.into(),
            line: None,
            column: None,
        }
    }

    /// "Syntax errors in policy." (bad JSON, wrong types, unknown elements).
    pub fn syntax() -> Self {
        Self::new("Syntax errors in policy.")
    }

    /// "Syntax errors in policy." at a 1-based JSON position.
    pub fn syntax_at(line: usize, column: usize) -> Self {
        MalformedPolicyDocument {
            line: Some(line),
            column: Some(column),
            ..Self::syntax()
        }
    }

    /// An unknown `Version` value.
    pub fn legacy_parsing() -> Self {
        Self::new("The policy failed legacy parsing")
    }

    /// A `Principal` in a policy attached to an identity.
    pub fn principal_not_allowed() -> Self {
        Self::new("Policy document should not specify a principal.")
    }

    /// An element that this kind of policy must not have.
    pub fn prohibited_field(field: &str) -> Self {
        Self::new(format!("Has prohibited field {field}"))
    }

    /// A statement without `Action` or `NotAction`.
    pub fn missing_actions() -> Self {
        Self::new("Policy statement must contain actions.")
    }

    /// A statement without `Resource` or `NotResource`.
    pub fn missing_resources() -> Self {
        Self::new("Policy statement must contain resources.")
    }

    /// An action or condition key without a `vendor:` prefix.
    pub fn missing_vendor() -> Self {
        Self::new("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.")
    }

    /// Two statements with the same `Sid`.
    pub fn duplicate_sid() -> Self {
        Self::new("Statement IDs (SID) in a single policy must be unique.")
    }

    /// A `Sid` with characters other than `[0-9A-Za-z]` in an IAM policy.
    pub fn sid_not_alphanumeric() -> Self {
        Self::new(
            "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*",
        )
    }

    /// A principal value IAM does not accept; `kind` is the JSON key
    /// (`Service`, `AWS`, ...), printed upper-case as IAM does.
    pub fn invalid_principal(kind: &str, value: &str) -> Self {
        Self::new(format!(
            "Invalid principal in policy: \"{}\":\"{value}\"",
            kind.to_ascii_uppercase()
        ))
    }

    /// A trust policy statement without `Principal` or `NotPrincipal`.
    pub fn no_principals() -> Self {
        Self::new(
            "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!",
        )
    }

    /// A resource that is neither `*` nor an ARN.
    pub fn resource_not_arn(resource: &str) -> Self {
        Self::new(format!(
            "Resource {resource} must be in ARN format or \"*\"."
        ))
    }
}

/// What a policy document is used as; validation differs per use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PolicyUse {
    /// A managed or inline policy attached to a user, group or role.
    Identity,
    /// A role's trust policy (AssumeRolePolicyDocument).
    Trust,
    /// A resource-based policy such as an S3 bucket policy.
    Resource,
    /// A managed policy used as a permissions boundary.
    PermissionsBoundary,
    /// An AWS Organizations service control policy.
    ServiceControl,
    /// A session policy passed to AssumeRole.
    Session,
}

impl PolicyUse {
    /// True for the policies that live in IAM (their Sids must be alphanumeric).
    fn is_iam(self) -> bool {
        matches!(
            self,
            PolicyUse::Identity
                | PolicyUse::Trust
                | PolicyUse::PermissionsBoundary
                | PolicyUse::Session
        )
    }

    /// True for the policies that must not name a principal.
    fn forbids_principal(self) -> bool {
        matches!(
            self,
            PolicyUse::Identity
                | PolicyUse::PermissionsBoundary
                | PolicyUse::ServiceControl
                | PolicyUse::Session
        )
    }
}

/// Service principals accepted although they do not end in `.amazonaws.com`.
pub const KNOWN_SERVICE_PRINCIPALS: &[&str] = &[
    "alexa-appkit.amazon.com",
    "alexa-connectedhome.amazon.com",
    "cloudfront.amazonaws.com",
];

/// Checks a parsed policy for one use.
pub fn validate(policy: &Policy, use_: PolicyUse) -> Result<(), MalformedPolicyDocument> {
    let mut sids: Vec<&str> = Vec::new();
    for statement in policy.statements() {
        validate_statement(statement, use_)?;
        if let Some(sid) = statement.sid() {
            if use_.is_iam() && !sid.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return Err(MalformedPolicyDocument::sid_not_alphanumeric());
            }
            if !sid.is_empty() {
                if sids.contains(&sid) {
                    return Err(MalformedPolicyDocument::duplicate_sid());
                }
                sids.push(sid);
            }
        }
    }
    Ok(())
}

/// A problem found in a statement; its message depends on the policy's use.
enum Problem<'a> {
    PrincipalNotAllowed,
    MissingPrincipal,
    ProhibitedField(&'static str),
    MissingActions,
    MissingResources,
    MissingVendor,
    ResourceNotArn(&'a str),
    InvalidPrincipal(&'a str, &'a str),
}

impl Problem<'_> {
    /// IAM's message, or for [`PolicyUse::Resource`] (bucket policies) the
    /// text S3 returns from PutBucketPolicy.
    fn into_error(self, use_: PolicyUse) -> MalformedPolicyDocument {
        type M = MalformedPolicyDocument;
        let s3 = use_ == PolicyUse::Resource;
        match self {
            Problem::PrincipalNotAllowed => M::principal_not_allowed(),
            Problem::MissingPrincipal if use_ == PolicyUse::Trust => M::no_principals(),
            Problem::MissingPrincipal => M::new("Missing required field Principal"),
            Problem::ProhibitedField(field) => M::prohibited_field(field),
            Problem::MissingActions | Problem::MissingResources if s3 => {
                M::new("Statement is missing required element")
            }
            Problem::MissingActions => M::missing_actions(),
            Problem::MissingResources => M::missing_resources(),
            Problem::MissingVendor if s3 => M::new("Policy has invalid action"),
            Problem::MissingVendor => M::missing_vendor(),
            Problem::ResourceNotArn(_) if s3 => M::new("Policy has invalid resource"),
            Problem::ResourceNotArn(r) => M::resource_not_arn(r),
            Problem::InvalidPrincipal(..) if s3 => M::new("Invalid principal in policy"),
            Problem::InvalidPrincipal(kind, value) => M::invalid_principal(kind, value),
        }
    }
}

fn validate_statement(s: &Statement, use_: PolicyUse) -> Result<(), MalformedPolicyDocument> {
    check_statement(s, use_).map_err(|p| p.into_error(use_))
}

fn check_statement(s: &Statement, use_: PolicyUse) -> Result<(), Problem<'_>> {
    match (use_.forbids_principal(), s.principal()) {
        (true, Some(_)) => return Err(Problem::PrincipalNotAllowed),
        (false, None) => return Err(Problem::MissingPrincipal),
        _ => {}
    }
    if use_ == PolicyUse::Trust {
        if s.resource().is_some_and(|r| !r.is_negated()) {
            return Err(Problem::ProhibitedField("Resource"));
        }
        if s.resource().is_some() {
            return Err(Problem::ProhibitedField("NotResource"));
        }
    }
    let Some(action) = s.action().filter(|a| !a.raw().is_empty()) else {
        return Err(Problem::MissingActions);
    };
    if !action.raw().iter().all(|a| has_vendor(a)) {
        return Err(Problem::MissingVendor);
    }
    if use_ != PolicyUse::Trust {
        let Some(resource) = s.resource().filter(|r| !r.raw().is_empty()) else {
            return Err(Problem::MissingResources);
        };
        if let Some(bad) = resource.raw().iter().find(|r| !is_arn_or_star(r)) {
            return Err(Problem::ResourceNotArn(bad));
        }
    }
    if s.conditions().iter().any(|c| !has_vendor(c.key())) {
        return Err(Problem::MissingVendor);
    }
    if let Some(principal) = s.principal() {
        validate_principal(principal)?;
    }
    Ok(())
}

/// `*`, or `vendor:rest` with a non-empty vendor.
fn has_vendor(action: &str) -> bool {
    action == "*"
        || action
            .bytes()
            .position(|b| b == b':')
            .is_some_and(|at| at > 0)
}

/// `*`, or `arn:` followed by at least five colon-separated parts (fewer
/// when a `*` may stand for several of them, as in `arn:aws:s3:*`).
fn is_arn_or_star(resource: &str) -> bool {
    resource == "*"
        || (resource.starts_with("arn:")
            && (resource.bytes().filter(|&b| b == b':').count() >= 5
                || resource.bytes().any(|b| b == b'*')))
}

fn validate_principal(p: &PrincipalElement) -> Result<(), Problem<'_>> {
    for (kind, value) in p.entries() {
        let ok = match kind.as_str() {
            "Service" => is_valid_service_principal(value),
            "AWS" => is_valid_aws_principal(value),
            _ => !value.is_empty(),
        };
        if !ok {
            return Err(Problem::InvalidPrincipal(kind, value));
        }
    }
    Ok(())
}

/// The service-principal rule described in the module documentation.
pub fn is_valid_service_principal(name: &str) -> bool {
    if KNOWN_SERVICE_PRINCIPALS.contains(&name) {
        return true;
    }
    let Some(prefix) = [".amazonaws.com", ".amazonaws.com.cn", ".amazon.com"]
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))
    else {
        return false;
    };
    !prefix.is_empty()
        && !prefix.starts_with(['.', '-'])
        && !prefix.ends_with(['.', '-'])
        && !prefix.contains("..")
        && prefix
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
}

/// The `AWS` principal rule described in the module documentation.
pub fn is_valid_aws_principal(value: &str) -> bool {
    if value == "*" || is_account_id(value) {
        return true;
    }
    // IUG "AWS JSON policy elements: Principal": a wildcard cannot stand for
    // part of a principal's name or ARN; only `"*"` alone means everyone.
    if value.contains(['*', '?']) {
        return false;
    }
    let mut parts = value.splitn(6, ':');
    let (Some("arn"), Some(partition), Some(service), Some(""), Some(account), Some(resource)) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return false;
    };
    if !partition.starts_with("aws") || !is_account_id(account) {
        return false;
    }
    let named = |prefix: &str, min_parts: usize| {
        resource
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.split('/').filter(|p| !p.is_empty()).count() >= min_parts)
    };
    match service {
        "iam" => {
            resource == "root"
                || named("user/", 1)
                || named("role/", 1)
                || named("federated-user/", 1)
        }
        "sts" => named("assumed-role/", 2) || named("federated-user/", 1),
        _ => false,
    }
}

/// Twelve ASCII digits.
pub fn is_account_id(s: &str) -> bool {
    s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit())
}

/// The size quotas IAM applies to policy documents (IUG "IAM and AWS STS
/// quotas"); white space is not counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SizeQuota {
    /// A customer managed policy: 6,144 characters.
    ManagedPolicy,
    /// All inline policies of one role together: 10,240 characters.
    RoleInlinePolicies,
    /// A role trust policy: 2,048 characters (default quota).
    TrustPolicy,
}

impl SizeQuota {
    /// The limit in characters, white space excluded.
    pub fn limit(self) -> usize {
        match self {
            SizeQuota::ManagedPolicy => 6144,
            SizeQuota::RoleInlinePolicies => 10240,
            SizeQuota::TrustPolicy => 2048,
        }
    }

    /// IAM's `LimitExceeded` message; `role` names the role for the inline
    /// quota (IAM's message names it).
    pub fn exceeded_message(self, role: &str) -> String {
        match self {
            SizeQuota::ManagedPolicy => {
                format!("Cannot exceed quota for PolicySize: {}", self.limit())
            }
            SizeQuota::TrustPolicy => {
                format!("Cannot exceed quota for ACLSizePerRole: {}", self.limit())
            }
            SizeQuota::RoleInlinePolicies => format!(
                "Maximum policy size of {} bytes exceeded for role {role}",
                self.limit()
            ),
        }
    }
}

/// A document over a size quota (IAM's `LimitExceeded`, HTTP 409).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct PolicySizeExceeded {
    /// IAM's text, e.g. "Cannot exceed quota for PolicySize: 6144".
    pub message: String,
}

/// The size IAM counts: characters other than white space.
pub fn policy_size(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// Checks `total_size` (see [`policy_size`]; for inline policies, the sum over
/// the role's inline policies) against a quota.
pub fn check_size(
    total_size: usize,
    quota: SizeQuota,
    role: &str,
) -> Result<(), PolicySizeExceeded> {
    if total_size > quota.limit() {
        return Err(PolicySizeExceeded {
            message: quota.exceeded_message(role),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests;

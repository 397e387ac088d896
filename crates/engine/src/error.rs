//! Errors as AWS returns them, and the one place their text is written.
//!
//! [`AwsError`] has one variant per AWS error code the simulator returns; its
//! constructors write AWS's messages. [`ApiError`] is what callers (the shell, the app)
//! see: code, message, HTTP status and, for authorization failures, the evaluator's
//! [`Evaluation`].

use crate::policy::Evaluation;
use serde::{Deserialize, Serialize};

/// An AWS error code with its message. Variant names follow the codes; the dotted EC2
/// codes (`InvalidInstanceID.NotFound`) are spelled by [`AwsError::code`].
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum AwsError {
    /// IAM/STS input validation (400).
    #[error("{0}")]
    ValidationError(String),
    /// IAM: no such role, profile, policy, user or key (404).
    #[error("{0}")]
    NoSuchEntity(String),
    /// IAM: the name is taken, case-insensitively (409).
    #[error("{0}")]
    EntityAlreadyExists(String),
    /// IAM quota (409).
    #[error("{0}")]
    LimitExceeded(String),
    /// IAM: something still hangs off the entity (409).
    #[error("{0}")]
    DeleteConflict(String),
    /// IAM: the policy document is malformed (400).
    #[error("{0}")]
    MalformedPolicyDocument(String),
    /// IAM: a parameter is out of range (400).
    #[error("{0}")]
    InvalidInput(String),
    /// IAM, STS and S3 authorization failure (403).
    #[error("{0}")]
    AccessDenied(String),
    /// CloudWatch Logs and SSM authorization failure (400).
    #[error("{0}")]
    AccessDeniedException(String),
    /// EC2 authorization failure (403).
    #[error("{0}")]
    UnauthorizedOperation(String),
    /// Unknown access key id (403).
    #[error("{0}")]
    InvalidClientTokenId(String),
    /// S3: unknown access key id (403).
    #[error("{0}")]
    InvalidAccessKeyId(String),
    /// Expired session credentials (400 for STS-style services, 400 for S3).
    #[error("{0}")]
    ExpiredToken(String),
    /// The secret does not match the access key (403).
    #[error("{0}")]
    SignatureDoesNotMatch(String),
    /// No credentials at all on a signed call (403).
    #[error("{0}")]
    MissingAuthenticationToken(String),
    /// EC2: an invalid parameter value (400).
    #[error("{0}")]
    InvalidParameterValue(String),
    /// EC2 and others: a required parameter is missing (400).
    #[error("{0}")]
    MissingParameter(String),
    /// EC2: the association state forbids the call (400).
    #[error("{0}")]
    IncorrectState(String),
    /// EC2: the instance state forbids the call (400).
    #[error("{0}")]
    IncorrectInstanceState(String),
    /// EC2 `InvalidInstanceID.NotFound` (400).
    #[error("{0}")]
    InvalidInstanceIdNotFound(String),
    /// EC2 `InvalidInstanceID.Malformed` (400).
    #[error("{0}")]
    InvalidInstanceIdMalformed(String),
    /// EC2 `InvalidAssociationID.NotFound` (400).
    #[error("{0}")]
    InvalidAssociationIdNotFound(String),
    /// EC2 `InvalidAMIID.Malformed` (400).
    #[error("{0}")]
    InvalidAmiIdMalformed(String),
    /// S3 (404).
    #[error("{0}")]
    NoSuchBucket(String),
    /// S3 (404).
    #[error("{0}")]
    NoSuchKey(String),
    /// S3 (404).
    #[error("{0}")]
    NoSuchBucketPolicy(String),
    /// S3 (409).
    #[error("{0}")]
    BucketAlreadyOwnedByYou(String),
    /// S3 (400).
    #[error("{0}")]
    InvalidBucketName(String),
    /// S3 (409).
    #[error("{0}")]
    BucketNotEmpty(String),
    /// S3 bucket policy rejected (400).
    #[error("{0}")]
    MalformedPolicy(String),
    /// CloudWatch Logs (400).
    #[error("{0}")]
    ResourceAlreadyExistsException(String),
    /// CloudWatch Logs (400).
    #[error("{0}")]
    ResourceNotFoundException(String),
    /// CloudWatch Logs and SSM (400).
    #[error("{0}")]
    InvalidParameterException(String),
    /// The operation does not exist in this service, or is not simulated (400).
    #[error("{0}")]
    InvalidAction(String),
}

impl AwsError {
    /// The error code exactly as AWS spells it.
    pub fn code(&self) -> &'static str {
        match self {
            AwsError::ValidationError(_) => "ValidationError",
            AwsError::NoSuchEntity(_) => "NoSuchEntity",
            AwsError::EntityAlreadyExists(_) => "EntityAlreadyExists",
            AwsError::LimitExceeded(_) => "LimitExceeded",
            AwsError::DeleteConflict(_) => "DeleteConflict",
            AwsError::MalformedPolicyDocument(_) => "MalformedPolicyDocument",
            AwsError::InvalidInput(_) => "InvalidInput",
            AwsError::AccessDenied(_) => "AccessDenied",
            AwsError::AccessDeniedException(_) => "AccessDeniedException",
            AwsError::UnauthorizedOperation(_) => "UnauthorizedOperation",
            AwsError::InvalidClientTokenId(_) => "InvalidClientTokenId",
            AwsError::InvalidAccessKeyId(_) => "InvalidAccessKeyId",
            AwsError::ExpiredToken(_) => "ExpiredToken",
            AwsError::MissingAuthenticationToken(_) => "MissingAuthenticationToken",
            AwsError::SignatureDoesNotMatch(_) => "SignatureDoesNotMatch",
            AwsError::InvalidParameterValue(_) => "InvalidParameterValue",
            AwsError::MissingParameter(_) => "MissingParameter",
            AwsError::IncorrectState(_) => "IncorrectState",
            AwsError::IncorrectInstanceState(_) => "IncorrectInstanceState",
            AwsError::InvalidInstanceIdNotFound(_) => "InvalidInstanceID.NotFound",
            AwsError::InvalidInstanceIdMalformed(_) => "InvalidInstanceID.Malformed",
            AwsError::InvalidAssociationIdNotFound(_) => "InvalidAssociationID.NotFound",
            AwsError::InvalidAmiIdMalformed(_) => "InvalidAMIID.Malformed",
            AwsError::NoSuchBucket(_) => "NoSuchBucket",
            AwsError::NoSuchKey(_) => "NoSuchKey",
            AwsError::NoSuchBucketPolicy(_) => "NoSuchBucketPolicy",
            AwsError::BucketAlreadyOwnedByYou(_) => "BucketAlreadyOwnedByYou",
            AwsError::InvalidBucketName(_) => "InvalidBucketName",
            AwsError::BucketNotEmpty(_) => "BucketNotEmpty",
            AwsError::MalformedPolicy(_) => "MalformedPolicy",
            AwsError::ResourceAlreadyExistsException(_) => "ResourceAlreadyExistsException",
            AwsError::ResourceNotFoundException(_) => "ResourceNotFoundException",
            AwsError::InvalidParameterException(_) => "InvalidParameterException",
            AwsError::InvalidAction(_) => "InvalidAction",
        }
    }

    /// The HTTP status AWS answers with.
    pub fn http_status(&self) -> u16 {
        match self {
            AwsError::NoSuchEntity(_)
            | AwsError::NoSuchBucket(_)
            | AwsError::NoSuchKey(_)
            | AwsError::NoSuchBucketPolicy(_) => 404,
            AwsError::EntityAlreadyExists(_)
            | AwsError::LimitExceeded(_)
            | AwsError::DeleteConflict(_)
            | AwsError::BucketAlreadyOwnedByYou(_)
            | AwsError::BucketNotEmpty(_) => 409,
            AwsError::AccessDenied(_)
            | AwsError::UnauthorizedOperation(_)
            | AwsError::InvalidClientTokenId(_)
            | AwsError::InvalidAccessKeyId(_)
            | AwsError::MissingAuthenticationToken(_)
            | AwsError::SignatureDoesNotMatch(_) => 403,
            _ => 400,
        }
    }

    /// The message text.
    pub fn message(&self) -> String {
        self.to_string()
    }

    // ----- IAM / STS validation -----

    /// `1 validation error detected: Value 'X' at 'member' failed to satisfy constraint:
    /// Member must satisfy regular expression pattern: PATTERN`.
    pub fn pattern(value: &str, member: &str, pattern: &str) -> AwsError {
        AwsError::ValidationError(format!(
            "1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: {pattern}"
        ))
    }

    /// A value longer than `max` characters.
    pub fn too_long(value: &str, member: &str, max: usize) -> AwsError {
        AwsError::ValidationError(format!(
            "1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must have length less than or equal to {max}"
        ))
    }

    /// A value shorter than `min` characters.
    pub fn too_short(value: &str, member: &str, min: usize) -> AwsError {
        AwsError::ValidationError(format!(
            "1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must have length greater than or equal to {min}"
        ))
    }

    /// A number below `min`.
    pub fn too_small(value: i64, member: &str, min: i64) -> AwsError {
        AwsError::ValidationError(format!(
            "1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must have value greater than or equal to {min}"
        ))
    }

    /// A number above `max`.
    pub fn too_large(value: i64, member: &str, max: i64) -> AwsError {
        AwsError::ValidationError(format!(
            "1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must have value less than or equal to {max}"
        ))
    }

    /// A required IAM/STS member is absent.
    pub fn null(member: &str) -> AwsError {
        AwsError::ValidationError(format!(
            "1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null"
        ))
    }

    /// A value not in an enumeration.
    pub fn not_in_enum(value: &str, member: &str, values: &[&str]) -> AwsError {
        AwsError::ValidationError(format!(
            "1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy enum value set: [{}]",
            values.join(", ")
        ))
    }

    // ----- IAM -----

    /// `The role with name X cannot be found.`
    pub fn no_such_role(name: &str) -> AwsError {
        AwsError::NoSuchEntity(format!("The role with name {name} cannot be found."))
    }

    /// `Instance Profile X cannot be found.`
    pub fn no_such_instance_profile(name: &str) -> AwsError {
        AwsError::NoSuchEntity(format!("Instance Profile {name} cannot be found."))
    }

    /// `Policy ARN does not exist or is not attachable.` (attach).
    pub fn policy_not_attachable(arn: &str) -> AwsError {
        AwsError::NoSuchEntity(format!("Policy {arn} does not exist or is not attachable."))
    }

    /// `Policy X was not found.` (get/delete).
    pub fn no_such_policy(arn: &str) -> AwsError {
        AwsError::NoSuchEntity(format!("Policy {arn} was not found."))
    }

    /// `Policy X version vN does not exist or is not attachable.`
    pub fn no_such_policy_version(arn: &str, version: &str) -> AwsError {
        AwsError::NoSuchEntity(format!(
            "Policy {arn} version {version} does not exist or is not attachable."
        ))
    }

    /// `The role policy with name P cannot be found.` (inline).
    pub fn no_such_role_policy(policy: &str) -> AwsError {
        AwsError::NoSuchEntity(format!(
            "The role policy with name {policy} cannot be found."
        ))
    }

    /// `The user policy with name P cannot be found.` (inline).
    pub fn no_such_user_policy(policy: &str) -> AwsError {
        AwsError::NoSuchEntity(format!(
            "The user policy with name {policy} cannot be found."
        ))
    }

    /// `The user with name X cannot be found.`
    pub fn no_such_user(name: &str) -> AwsError {
        AwsError::NoSuchEntity(format!("The user with name {name} cannot be found."))
    }

    /// `The Access Key with id X cannot be found.`
    pub fn no_such_access_key(id: &str) -> AwsError {
        AwsError::NoSuchEntity(format!("The Access Key with id {id} cannot be found."))
    }

    /// `Role with name X already exists.`
    pub fn role_exists(name: &str) -> AwsError {
        AwsError::EntityAlreadyExists(format!("Role with name {name} already exists."))
    }

    /// `Instance Profile X already exists.`
    pub fn instance_profile_exists(name: &str) -> AwsError {
        AwsError::EntityAlreadyExists(format!("Instance Profile {name} already exists."))
    }

    /// `A policy called X already exists. Duplicate names are not allowed.`
    pub fn policy_exists(name: &str) -> AwsError {
        AwsError::EntityAlreadyExists(format!(
            "A policy called {name} already exists. Duplicate names are not allowed."
        ))
    }

    /// `User with name X already exists.`
    pub fn user_exists(name: &str) -> AwsError {
        AwsError::EntityAlreadyExists(format!("User with name {name} already exists."))
    }

    /// `Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1`
    pub fn instance_sessions_quota() -> AwsError {
        AwsError::LimitExceeded(
            "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1".into(),
        )
    }

    /// `Cannot exceed quota for PoliciesPerRole: 10`
    pub fn policies_per_role_quota() -> AwsError {
        AwsError::LimitExceeded("Cannot exceed quota for PoliciesPerRole: 10".into())
    }

    /// `Cannot exceed quota for PoliciesPerUser: 10`
    pub fn policies_per_user_quota() -> AwsError {
        AwsError::LimitExceeded("Cannot exceed quota for PoliciesPerUser: 10".into())
    }

    /// `Cannot exceed quota for RolePolicySize: 10240`
    pub fn role_policy_size_quota() -> AwsError {
        AwsError::LimitExceeded("Cannot exceed quota for RolePolicySize: 10240".into())
    }

    /// `Cannot exceed quota for PolicySize: 6144`
    pub fn policy_size_quota() -> AwsError {
        AwsError::LimitExceeded("Cannot exceed quota for PolicySize: 6144".into())
    }

    /// `Cannot exceed quota for ACLSizePerRole: 2048` (trust policy size).
    pub fn trust_policy_size_quota() -> AwsError {
        AwsError::LimitExceeded("Cannot exceed quota for ACLSizePerRole: 2048".into())
    }

    /// `Cannot exceed quota for AccessKeysPerUser: 2`
    pub fn access_keys_quota() -> AwsError {
        AwsError::LimitExceeded("Cannot exceed quota for AccessKeysPerUser: 2".into())
    }

    /// `Cannot delete entity, must remove roles from instance profile first.`
    pub fn delete_conflict_profile_roles() -> AwsError {
        AwsError::DeleteConflict(
            "Cannot delete entity, must remove roles from instance profile first.".into(),
        )
    }

    /// `Cannot delete entity, must detach all policies first.`
    pub fn delete_conflict_attached() -> AwsError {
        AwsError::DeleteConflict("Cannot delete entity, must detach all policies first.".into())
    }

    /// `Cannot delete entity, must delete policies first.`
    pub fn delete_conflict_inline() -> AwsError {
        AwsError::DeleteConflict("Cannot delete entity, must delete policies first.".into())
    }

    /// `Cannot delete a policy attached to entities.`
    pub fn delete_conflict_policy_attached() -> AwsError {
        AwsError::DeleteConflict("Cannot delete a policy attached to entities.".into())
    }

    // ----- authorization -----

    /// IAM/STS/Logs/SSM style: `User: P is not authorized to perform: A on resource: R REASON`.
    pub fn not_authorized_text(
        principal: &str,
        action: &str,
        resource: &str,
        reason: Option<&str>,
    ) -> String {
        match reason {
            Some(reason) => format!(
                "User: {principal} is not authorized to perform: {action} on resource: {resource} {reason}"
            ),
            None => format!(
                "User: {principal} is not authorized to perform: {action} on resource: {resource}"
            ),
        }
    }

    /// IAM's `AccessDenied`.
    pub fn iam_access_denied(
        principal: &str,
        action: &str,
        resource: &str,
        reason: Option<&str>,
    ) -> AwsError {
        AwsError::AccessDenied(Self::not_authorized_text(
            principal, action, resource, reason,
        ))
    }

    /// STS AssumeRole denied by the trust policy (no reason, as STS prints it).
    pub fn assume_role_denied(principal: &str, role_arn: &str) -> AwsError {
        AwsError::AccessDenied(Self::not_authorized_text(
            principal,
            "sts:AssumeRole",
            role_arn,
            None,
        ))
    }

    /// S3's `AccessDenied`: S3 quotes the resource ARN.
    pub fn s3_access_denied(
        principal: &str,
        action: &str,
        resource: &str,
        reason: Option<&str>,
    ) -> AwsError {
        let quoted = format!("\"{resource}\"");
        AwsError::AccessDenied(Self::not_authorized_text(
            principal, action, &quoted, reason,
        ))
    }

    /// CloudWatch Logs' and SSM's `AccessDeniedException`.
    pub fn access_denied_exception(
        principal: &str,
        action: &str,
        resource: &str,
        reason: Option<&str>,
    ) -> AwsError {
        AwsError::AccessDeniedException(Self::not_authorized_text(
            principal, action, resource, reason,
        ))
    }

    /// EC2's `UnauthorizedOperation` with its encoded failure message.
    pub fn unauthorized_operation(
        principal: &str,
        action: &str,
        resource: &str,
        reason: Option<&str>,
        encoded: &str,
    ) -> AwsError {
        AwsError::UnauthorizedOperation(format!(
            "You are not authorized to perform this operation. {}. Encoded authorization failure message: {encoded}",
            Self::not_authorized_text(principal, action, resource, reason)
        ))
    }

    // ----- authentication -----

    /// `The security token included in the request is invalid.`
    pub fn invalid_client_token_id() -> AwsError {
        AwsError::InvalidClientTokenId(
            "The security token included in the request is invalid.".into(),
        )
    }

    /// S3: `The AWS Access Key Id you provided does not exist in our records.`
    pub fn invalid_access_key_id() -> AwsError {
        AwsError::InvalidAccessKeyId(
            "The AWS Access Key Id you provided does not exist in our records.".into(),
        )
    }

    /// `The security token included in the request is expired`
    pub fn expired_token() -> AwsError {
        AwsError::ExpiredToken("The security token included in the request is expired".into())
    }

    /// S3: `The provided token has expired.`
    pub fn s3_expired_token() -> AwsError {
        AwsError::ExpiredToken("The provided token has expired.".into())
    }

    /// A call with no credentials.
    pub fn missing_authentication_token() -> AwsError {
        AwsError::MissingAuthenticationToken("Request is missing Authentication Token".into())
    }

    // ----- EC2 -----

    /// `Value (X) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name`
    pub fn invalid_profile_name(name: &str) -> AwsError {
        AwsError::InvalidParameterValue(format!(
            "Value ({name}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name"
        ))
    }

    /// `Value (arn) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN`
    pub fn invalid_profile_arn(arn: &str) -> AwsError {
        AwsError::InvalidParameterValue(format!(
            "Value ({arn}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN"
        ))
    }

    /// `The request must contain the parameter X`
    pub fn missing_parameter(name: &str) -> AwsError {
        AwsError::MissingParameter(format!("The request must contain the parameter {name}"))
    }

    /// `There is an existing association for instance i-…`
    pub fn existing_association(instance_id: &str) -> AwsError {
        AwsError::IncorrectState(format!(
            "There is an existing association for instance {instance_id}"
        ))
    }

    /// `The instance ID 'i-…' does not exist`
    pub fn instance_not_found(instance_id: &str) -> AwsError {
        AwsError::InvalidInstanceIdNotFound(format!(
            "The instance ID '{instance_id}' does not exist"
        ))
    }

    /// `Invalid id: "x"`
    pub fn instance_id_malformed(instance_id: &str) -> AwsError {
        AwsError::InvalidInstanceIdMalformed(format!("Invalid id: \"{instance_id}\""))
    }

    /// `An association with ID iip-assoc-… does not exist.`
    pub fn association_not_found(id: &str) -> AwsError {
        AwsError::InvalidAssociationIdNotFound(format!(
            "An association with ID {id} does not exist."
        ))
    }

    /// `Invalid id: "x" (expecting "ami-...")`
    pub fn ami_malformed(id: &str) -> AwsError {
        AwsError::InvalidAmiIdMalformed(format!("Invalid id: \"{id}\" (expecting \"ami-...\")"))
    }

    /// `The instance 'i-…' is not in a state from which it can be VERB.`
    pub fn incorrect_instance_state(instance_id: &str, verb: &str) -> AwsError {
        AwsError::IncorrectInstanceState(format!(
            "The instance '{instance_id}' is not in a state from which it can be {verb}."
        ))
    }

    /// `The instance 'i-…' is not in the 'running' state.` style message for association calls.
    pub fn instance_not_running_or_stopped(instance_id: &str) -> AwsError {
        AwsError::IncorrectInstanceState(format!(
            "The instance '{instance_id}' is not in the 'running' or 'stopped' states."
        ))
    }

    /// EC2 InvalidParameterValue with a free message.
    pub fn invalid_value(value: &str, parameter: &str) -> AwsError {
        AwsError::InvalidParameterValue(format!(
            "Value ({value}) for parameter {parameter} is invalid."
        ))
    }

    // ----- S3 -----

    /// `The specified bucket does not exist`
    pub fn no_such_bucket() -> AwsError {
        AwsError::NoSuchBucket("The specified bucket does not exist".into())
    }

    /// `The specified key does not exist.`
    pub fn no_such_key() -> AwsError {
        AwsError::NoSuchKey("The specified key does not exist.".into())
    }

    /// `The bucket policy does not exist`
    pub fn no_such_bucket_policy() -> AwsError {
        AwsError::NoSuchBucketPolicy("The bucket policy does not exist".into())
    }

    /// `Your previous request to create the named bucket succeeded and you already own it.`
    pub fn bucket_already_owned() -> AwsError {
        AwsError::BucketAlreadyOwnedByYou(
            "Your previous request to create the named bucket succeeded and you already own it."
                .into(),
        )
    }

    /// `The specified bucket is not valid.`
    pub fn invalid_bucket_name() -> AwsError {
        AwsError::InvalidBucketName("The specified bucket is not valid.".into())
    }

    /// `The bucket you tried to delete is not empty`
    pub fn bucket_not_empty() -> AwsError {
        AwsError::BucketNotEmpty("The bucket you tried to delete is not empty".into())
    }

    // ----- CloudWatch Logs -----

    /// `The specified log group already exists`
    pub fn log_group_exists() -> AwsError {
        AwsError::ResourceAlreadyExistsException("The specified log group already exists".into())
    }

    /// `The specified log stream already exists`
    pub fn log_stream_exists() -> AwsError {
        AwsError::ResourceAlreadyExistsException("The specified log stream already exists".into())
    }

    /// `The specified log group does not exist.`
    pub fn no_such_log_group() -> AwsError {
        AwsError::ResourceNotFoundException("The specified log group does not exist.".into())
    }

    /// `The specified log stream does not exist.`
    pub fn no_such_log_stream() -> AwsError {
        AwsError::ResourceNotFoundException("The specified log stream does not exist.".into())
    }

    // ----- generic -----

    /// An operation this service does not have (or iamsim does not simulate).
    pub fn invalid_action(service: &str, operation: &str) -> AwsError {
        AwsError::InvalidAction(format!(
            "The action {operation} is not valid for this web service ({service}), or iamsim does not simulate it."
        ))
    }
}

/// An AWS error as the SDK sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApiError {
    /// The error code, e.g. `AccessDenied`.
    pub code: String,
    /// AWS's message text.
    pub message: String,
    /// The HTTP status.
    pub http_status: u16,
    /// The authorization that failed, when the error is a denial.
    pub evaluation: Option<Evaluation>,
}

impl ApiError {
    /// The AWS CLI's line: `An error occurred (CODE) when calling the OPERATION operation: MESSAGE`.
    pub fn cli_message(&self, operation: &str) -> String {
        format!(
            "An error occurred ({}) when calling the {operation} operation: {}",
            self.code, self.message
        )
    }

    /// An error with the evaluation that caused it.
    pub fn denied(error: AwsError, evaluation: Evaluation) -> ApiError {
        ApiError {
            evaluation: Some(evaluation),
            ..ApiError::from(error)
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for ApiError {}

impl From<AwsError> for ApiError {
    fn from(error: AwsError) -> Self {
        ApiError {
            code: error.code().to_string(),
            http_status: error.http_status(),
            message: error.message(),
            evaluation: None,
        }
    }
}

/// Why a saved world could not be loaded.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// The text is not a saved world.
    #[error("saved world is not valid JSON for this iamsim: {0}")]
    Json(String),
    /// The saved world has another format version.
    #[error("saved world has format version {found}; this iamsim reads version {expected}")]
    Version {
        /// The version in the file.
        found: u64,
        /// The version this build reads.
        expected: u32,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_statuses() {
        let cases: Vec<(AwsError, &str, u16, &str)> = vec![
            (
                AwsError::no_such_role("R"),
                "NoSuchEntity",
                404,
                "The role with name R cannot be found.",
            ),
            (
                AwsError::instance_sessions_quota(),
                "LimitExceeded",
                409,
                "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1",
            ),
            (
                AwsError::delete_conflict_profile_roles(),
                "DeleteConflict",
                409,
                "Cannot delete entity, must remove roles from instance profile first.",
            ),
            (
                AwsError::invalid_client_token_id(),
                "InvalidClientTokenId",
                403,
                "The security token included in the request is invalid.",
            ),
            (
                AwsError::expired_token(),
                "ExpiredToken",
                400,
                "The security token included in the request is expired",
            ),
            (
                AwsError::s3_expired_token(),
                "ExpiredToken",
                400,
                "The provided token has expired.",
            ),
            (
                AwsError::no_such_bucket(),
                "NoSuchBucket",
                404,
                "The specified bucket does not exist",
            ),
            (
                AwsError::no_such_key(),
                "NoSuchKey",
                404,
                "The specified key does not exist.",
            ),
            (
                AwsError::instance_not_found("i-1"),
                "InvalidInstanceID.NotFound",
                400,
                "The instance ID 'i-1' does not exist",
            ),
            (
                AwsError::existing_association("i-1"),
                "IncorrectState",
                400,
                "There is an existing association for instance i-1",
            ),
        ];
        for (e, code, status, message) in cases {
            assert_eq!(
                (e.code(), e.http_status(), e.message().as_str()),
                (code, status, message)
            );
            let api = ApiError::from(e);
            assert_eq!((api.code.as_str(), api.http_status), (code, status));
        }
    }

    #[test]
    fn denial_texts() {
        assert_eq!(
            AwsError::s3_access_denied(
                "arn:aws:sts::1:assumed-role/R/i-1",
                "s3:PutObject",
                "arn:aws:s3:::b/k",
                Some("because no identity-based policy allows the s3:PutObject action")
            )
            .message(),
            "User: arn:aws:sts::1:assumed-role/R/i-1 is not authorized to perform: s3:PutObject on resource: \"arn:aws:s3:::b/k\" because no identity-based policy allows the s3:PutObject action"
        );
        assert_eq!(
            AwsError::assume_role_denied("arn:aws:iam::1:user/u", "arn:aws:iam::1:role/R")
                .message(),
            "User: arn:aws:iam::1:user/u is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::1:role/R"
        );
        let api = ApiError::from(AwsError::no_such_bucket());
        assert_eq!(
            api.cli_message("PutObject"),
            "An error occurred (NoSuchBucket) when calling the PutObject operation: The specified bucket does not exist"
        );
        assert_eq!(
            LoadError::Version {
                found: 7,
                expected: 1
            }
            .to_string(),
            "saved world has format version 7; this iamsim reads version 1"
        );
    }
}

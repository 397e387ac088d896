//! Authentication (who signed the call) and authorization (what the evaluator says).
//!
//! A call's keys are looked up ([`World::authenticate`]); the caller's identity-based
//! policies, permissions boundary and session policy are gathered with the resource's
//! policy and handed to [`crate::policy::evaluate`] ([`World::authorize`]).

use super::{Origin, World};
use crate::clock::Timestamp;
use crate::error::{ApiError, AwsError};
use crate::event::{Authorization, UserIdentity};
use crate::policy::{
    Evaluation, NamedPolicy, Policy, PolicySet, Request, RequestContext, evaluate,
};

use super::Credentials;

/// Who the caller is, once authenticated.
#[derive(Clone, Debug, PartialEq)]
pub struct Caller {
    /// The principal ARN the evaluator sees (user ARN or assumed-role session ARN).
    pub arn: String,
    /// `AIDA…` or `AROA…:session`.
    pub principal_id: String,
    /// `IAMUser` or `AssumedRole`.
    pub identity_type: &'static str,
    /// The access key the call was signed with.
    pub access_key_id: String,
    /// The user name, for users.
    pub user_name: Option<String>,
    /// Which identity the policies come from.
    pub kind: CallerKind,
    /// The caller's address.
    pub source_ip: String,
    /// The request context keys that come from the caller.
    pub context: RequestContext,
}

/// Which identity a caller is.
#[derive(Clone, Debug, PartialEq)]
pub enum CallerKind {
    /// An IAM user (key: lower-cased name).
    User(String),
    /// A role session (the `ASIA…` key in [`crate::sts::StsState::sessions`]).
    Session(String),
}

impl Caller {
    /// CloudTrail's `userIdentity` for this caller.
    pub fn user_identity(&self, account: &str) -> UserIdentity {
        UserIdentity {
            identity_type: self.identity_type.to_string(),
            arn: Some(self.arn.clone()),
            principal_id: Some(self.principal_id.clone()),
            account_id: Some(account.to_string()),
            access_key_id: Some(self.access_key_id.clone()),
            user_name: self.user_name.clone(),
            invoked_by: None,
        }
    }
}

/// How a service words a denial.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DenyStyle {
    /// IAM and STS: `AccessDenied`.
    Iam,
    /// S3: `AccessDenied` with the resource quoted.
    S3,
    /// EC2: `UnauthorizedOperation` with an encoded message.
    Ec2,
    /// CloudWatch Logs and SSM: `AccessDeniedException`.
    Json,
}

/// A resource policy to evaluate with the identity's policies.
#[derive(Clone, Copy, Debug)]
pub(crate) enum ResourcePolicy<'a> {
    /// None.
    None,
    /// A bucket's policy (if it has one).
    Bucket(&'a str),
    /// A role's trust policy (lower-cased role name), for sts:AssumeRole.
    Trust(&'a str),
}

/// The state of one call: who, and the authorizations made so far.
pub(crate) struct CallCtx {
    pub caller: Caller,
    pub auths: Vec<Authorization>,
    pub style: DenyStyle,
}

/// Adds the keys every request carries (time, transport, region).
pub(crate) fn add_request_keys(context: &mut RequestContext, now: Timestamp, source_ip: &str) {
    context.insert("aws:CurrentTime", now.iso_z());
    context.insert("aws:EpochTime", now.seconds().to_string());
    context.insert("aws:SecureTransport", "true");
    context.insert("aws:SourceIp", source_ip);
    context.insert("aws:RequestedRegion", super::REGION);
}

impl World {
    /// Looks up the keys a call is signed with. `s3` selects S3's wording of the errors.
    pub(crate) fn authenticate(
        &self,
        origin: &Origin,
        credentials: Option<&Credentials>,
        s3: bool,
    ) -> Result<Caller, AwsError> {
        let Some(creds) = credentials else {
            return Err(AwsError::missing_authentication_token());
        };
        let source_ip = self.source_ip(origin);
        let invalid = || {
            if s3 {
                AwsError::invalid_access_key_id()
            } else {
                AwsError::invalid_client_token_id()
            }
        };
        let bad_signature = || {
            if s3 {
                AwsError::SignatureDoesNotMatch(
                    "The request signature we calculated does not match the signature you provided. Check your key and signing method.".into(),
                )
            } else {
                AwsError::SignatureDoesNotMatch(
                    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.".into(),
                )
            }
        };
        let mut context = RequestContext::new();
        add_request_keys(&mut context, self.now(), &source_ip);
        context.insert("aws:PrincipalAccount", self.account.clone());
        if creds.access_key_id.starts_with("ASIA") {
            let Some(session) = self.sts.sessions.get(&creds.access_key_id) else {
                return Err(invalid());
            };
            if creds.session_token.as_deref() != Some(&*session.session_token()) {
                return Err(AwsError::invalid_client_token_id());
            }
            if *creds.secret_access_key != *session.secret_access_key() {
                return Err(bad_signature());
            }
            if self.now() >= session.expiration {
                return Err(if s3 {
                    AwsError::s3_expired_token()
                } else {
                    AwsError::expired_token()
                });
            }
            let principal_id = format!("{}:{}", session.role_id, session.session_name);
            context.insert("aws:userid", principal_id.clone());
            context.insert("aws:PrincipalType", "AssumedRole");
            context.insert("aws:PrincipalArn", session.role_arn.clone());
            context.insert("aws:TokenIssueTime", session.issued.iso_z());
            if let Some(instance_arn) = &session.source_instance_arn {
                context.insert("ec2:SourceInstanceARN", instance_arn.clone());
            }
            if let Some(delivery) = &session.role_delivery {
                context.insert("ec2:RoleDelivery", delivery.clone());
            }
            if let Some(role) = self.iam.roles.get(&session.role_key) {
                for tag in &role.tags {
                    context.insert(&format!("aws:PrincipalTag/{}", tag.key), tag.value.clone());
                }
            }
            return Ok(Caller {
                arn: session.arn.clone(),
                principal_id,
                identity_type: "AssumedRole",
                access_key_id: creds.access_key_id.clone(),
                user_name: None,
                kind: CallerKind::Session(creds.access_key_id.clone()),
                source_ip,
                context,
            });
        }
        let Some(user_key) = self.iam.access_key_index.get(&creds.access_key_id) else {
            return Err(invalid());
        };
        let Some(user) = self.iam.users.get(user_key) else {
            return Err(invalid());
        };
        let Some(key) = user
            .access_keys
            .iter()
            .find(|k| k.access_key_id == creds.access_key_id)
        else {
            return Err(invalid());
        };
        if key.status != "Active" {
            return Err(invalid());
        }
        if key.secret_access_key != creds.secret_access_key {
            return Err(bad_signature());
        }
        context.insert("aws:username", user.name.clone());
        context.insert("aws:userid", user.user_id.clone());
        context.insert("aws:PrincipalType", "User");
        context.insert("aws:PrincipalArn", user.arn.clone());
        for tag in &user.tags {
            context.insert(&format!("aws:PrincipalTag/{}", tag.key), tag.value.clone());
        }
        Ok(Caller {
            arn: user.arn.clone(),
            principal_id: user.user_id.clone(),
            identity_type: "IAMUser",
            access_key_id: creds.access_key_id.clone(),
            user_name: Some(user.name.clone()),
            kind: CallerKind::User(user_key.clone()),
            source_ip,
            context,
        })
    }

    /// Evaluates `action` on `resource` for `caller`, with the resource's policy.
    pub(crate) fn authorize(
        &self,
        caller: &Caller,
        action: &str,
        resource: &str,
        resource_policy: ResourcePolicy<'_>,
        extra: &[(&str, String)],
    ) -> Evaluation {
        let mut identity: Vec<(String, &Policy)> = Vec::new();
        let mut boundary: Option<(String, &Policy)> = None;
        let mut session_policy: Option<&Policy> = None;
        match &caller.kind {
            CallerKind::User(key) => {
                if let Some(user) = self.iam.users.get(key) {
                    identity = self.iam.user_identity_policies(user);
                    boundary = self.iam.boundary(user.permissions_boundary.as_ref());
                }
            }
            CallerKind::Session(key) => {
                if let Some(session) = self.sts.sessions.get(key) {
                    // A role deleted since the session began grants nothing.
                    if let Some(role) = self
                        .iam
                        .roles
                        .get(&session.role_key)
                        .filter(|r| r.role_id == session.role_id)
                    {
                        identity = self.iam.role_identity_policies(role);
                        boundary = self.iam.boundary(role.permissions_boundary.as_ref());
                    }
                    session_policy = session.session_policy.as_ref();
                }
            }
        }
        let resource_named: Option<(String, &Policy)> = match resource_policy {
            ResourcePolicy::None => None,
            ResourcePolicy::Bucket(name) => self
                .s3
                .buckets
                .get(name)
                .and_then(|b| b.policy.as_ref())
                .map(|p| (format!("bucket policy of {name}"), p)),
            ResourcePolicy::Trust(role_key) => self.iam.roles.get(role_key).map(|r| {
                (
                    format!("trust policy of role {}", r.name),
                    &r.assume_role_policy,
                )
            }),
        };
        let context = if extra.is_empty() {
            None
        } else {
            let mut c = caller.context.clone();
            for (k, v) in extra {
                c.insert(k, v.clone());
            }
            Some(c)
        };
        let set = PolicySet {
            identity: identity
                .iter()
                .map(|(name, policy)| NamedPolicy { name, policy })
                .collect(),
            resource: resource_named
                .as_ref()
                .map(|(name, policy)| NamedPolicy { name, policy }),
            resource_is_trust_policy: matches!(resource_policy, ResourcePolicy::Trust(_)),
            boundary: boundary
                .as_ref()
                .map(|(name, policy)| NamedPolicy { name, policy }),
            scps: Vec::new(),
            session: session_policy.map(|policy| NamedPolicy {
                name: "session policy",
                policy,
            }),
        };
        let request = Request {
            principal: &caller.arn,
            action,
            resource,
            context: context.as_ref().unwrap_or(&caller.context),
            resource_account: Some(&self.account),
        };
        evaluate(&request, &set)
    }

    /// Authorizes one action of a call; records it; on denial returns the service's error.
    pub(crate) fn check(
        &mut self,
        cx: &mut CallCtx,
        action: &str,
        resource: &str,
        resource_policy: ResourcePolicy<'_>,
        extra: &[(&str, String)],
    ) -> Result<(), ApiError> {
        let evaluation = self.authorize(&cx.caller, action, resource, resource_policy, extra);
        cx.auths.push(Authorization {
            action: action.to_string(),
            resource: resource.to_string(),
            evaluation: evaluation.clone(),
        });
        if evaluation.is_allowed() {
            return Ok(());
        }
        let reason = evaluation.reason();
        let reason = reason.as_deref();
        let principal = cx.caller.arn.as_str();
        let error = match cx.style {
            DenyStyle::Iam => AwsError::iam_access_denied(principal, action, resource, reason),
            DenyStyle::S3 => AwsError::s3_access_denied(principal, action, resource, reason),
            DenyStyle::Json => {
                AwsError::access_denied_exception(principal, action, resource, reason)
            }
            DenyStyle::Ec2 => {
                let encoded = self.ids.opaque(256);
                AwsError::unauthorized_operation(principal, action, resource, reason, &encoded)
            }
        };
        Err(ApiError::denied(error, evaluation))
    }
}

/// The identity of a call that failed authentication.
pub(crate) fn unknown_identity(credentials: Option<&Credentials>) -> UserIdentity {
    UserIdentity {
        identity_type: "Unknown".to_string(),
        access_key_id: credentials.map(|c| c.access_key_id.clone()),
        ..UserIdentity::default()
    }
}

//! Events: what happened in the world, CloudTrail-like.
//!
//! Every API call, allowed or not, appends an [`ApiEvent`] with the evaluator's
//! [`Evaluation`]s; the EC2 service's credential refreshes are `AssumeRole` events by an
//! AWS service; metadata-service requests are compact [`ImdsEvent`]s (the hot path).

use crate::clock::Timestamp;
use crate::policy::Evaluation;
use serde::{Deserialize, Serialize};

/// One thing that happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Event {
    /// An AWS API call (CloudTrail-like record).
    Api(Box<ApiEvent>),
    /// A request to an instance's metadata service.
    Imds(ImdsEvent),
    /// An instance changed state (pending → running, …).
    InstanceState(Box<InstanceStateEvent>),
}

impl Event {
    /// The API event, if this is one.
    pub fn as_api(&self) -> Option<&ApiEvent> {
        match self {
            Event::Api(e) => Some(e),
            _ => None,
        }
    }

    /// The metadata-service event, if this is one.
    pub fn as_imds(&self) -> Option<&ImdsEvent> {
        match self {
            Event::Imds(e) => Some(e),
            _ => None,
        }
    }
}

/// Who made a call, as CloudTrail's `userIdentity` shows it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserIdentity {
    /// `IAMUser`, `AssumedRole`, `AWSService` or `Unknown`.
    #[serde(rename = "type")]
    pub identity_type: String,
    /// The caller's ARN (user, or assumed-role session).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub arn: Option<String>,
    /// `AIDA…` for a user, `AROA…:session` for a role session.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub principal_id: Option<String>,
    /// The account of the caller.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub account_id: Option<String>,
    /// The access key id the call was signed with.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub access_key_id: Option<String>,
    /// The IAM user name, for users.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub user_name: Option<String>,
    /// For AWS service calls: the service, e.g. `ec2.amazonaws.com`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub invoked_by: Option<String>,
}

/// One authorization made during a call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Authorization {
    /// The action, e.g. `s3:PutObject`.
    pub action: String,
    /// The resource ARN (or `*`).
    pub resource: String,
    /// The evaluator's answer, with its trace.
    pub evaluation: Evaluation,
}

/// A CloudTrail-like record of one API call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiEvent {
    /// When, as `2026-01-01T00:00:00Z`.
    pub event_time: String,
    /// `iam.amazonaws.com`, `sts.amazonaws.com`, `ec2.amazonaws.com`, `s3.amazonaws.com`, …
    pub event_source: String,
    /// The operation, e.g. `RunInstances`.
    pub event_name: String,
    /// Always `us-east-1` here.
    pub aws_region: String,
    /// The caller's address: the laptop's, an instance's private IP, or a service name.
    #[serde(rename = "sourceIPAddress")]
    pub source_ip_address: String,
    /// Who called.
    pub user_identity: UserIdentity,
    /// The parameters as given.
    pub request_parameters: serde_json::Value,
    /// The response (null on error).
    pub response_elements: serde_json::Value,
    /// The error code, when the call failed.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub error_code: Option<String>,
    /// The error message, when the call failed.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub error_message: Option<String>,
    /// The request id (a UUID).
    #[serde(rename = "requestID")]
    pub request_id: String,
    /// Every authorization made for the call, in order; the last one decided a denial.
    #[serde(default)]
    pub authorizations: Vec<Authorization>,
}

impl ApiEvent {
    /// The authorization that decided the call: the first denial, else the last allow.
    pub fn evaluation(&self) -> Option<&Evaluation> {
        self.authorizations
            .iter()
            .find(|a| !a.evaluation.is_allowed())
            .or_else(|| self.authorizations.last())
            .map(|a| &a.evaluation)
    }
}

/// A request to the metadata service. Kept compact (instances read it often): the
/// instance id, method, path and headers are in the command log at index `command`; see
/// [`crate::world::World::imds_event_request`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImdsEvent {
    /// When.
    pub time: Timestamp,
    /// Index of the [`crate::world::Command::Imds`] in [`crate::world::World::log`].
    pub command: usize,
    /// The HTTP status (0: no answer reached the caller).
    pub status: u16,
    /// Network hops from the caller (1 = the instance, 2 = a container on it).
    pub hops: u8,
    /// Whether the request carried a session token (IMDSv2).
    pub with_token: bool,
}

/// An instance changed state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InstanceStateEvent {
    /// When.
    pub time: Timestamp,
    /// The instance.
    pub instance_id: String,
    /// The state before, e.g. `pending`.
    pub from: String,
    /// The state after, e.g. `running`.
    pub to: String,
}

//! Events: what happened in the world, CloudTrail-like.
//!
//! Every API call, allowed or not, appends an [`ApiEvent`] with the evaluator's
//! [`Evaluation`]s; the EC2 service's credential refreshes are `AssumeRole` calls by an
//! AWS service, kept as compact [`InstanceCredentialsEvent`]s that [`Event::as_api`] expands
//! to the same CloudTrail-like record; metadata-service requests are compact [`ImdsEvent`]s
//! (the hot paths: every instance refreshes hourly and its SDKs poll the metadata service).

use crate::clock::Timestamp;
use crate::policy::Evaluation;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::borrow::Cow;
use std::sync::Arc;

/// One thing that happened.
///
/// Saved as before the compact refresh events: an [`Event::InstanceCredentials`] saves as
/// the `Api` record it stands for, and such a record loads back as one (exports carry the
/// world as JSON and an import compares it with the replayed world's).
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// An AWS API call (CloudTrail-like record).
    Api(Box<ApiEvent>),
    /// A request to an instance's metadata service.
    Imds(ImdsEvent),
    /// An instance changed state (pending → running, …).
    InstanceState(Box<InstanceStateEvent>),
    /// The EC2 service assumed an instance's role to deliver its credentials (an API call
    /// by an AWS service: [`Event::as_api`] gives its record).
    InstanceCredentials(Box<InstanceCredentialsEvent>),
}

/// The saved shape of an event (`kind` and the record's fields).
#[derive(Serialize)]
#[serde(tag = "kind")]
enum SavedEventRef<'a> {
    Api(&'a ApiEvent),
    Imds(&'a ImdsEvent),
    InstanceState(&'a InstanceStateEvent),
}

/// [`SavedEventRef`], read.
#[derive(Deserialize)]
#[serde(tag = "kind")]
enum SavedEvent {
    Api(Box<ApiEvent>),
    Imds(ImdsEvent),
    InstanceState(Box<InstanceStateEvent>),
}

impl Serialize for Event {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Event::Api(e) => SavedEventRef::Api(e).serialize(serializer),
            Event::Imds(e) => SavedEventRef::Imds(e).serialize(serializer),
            Event::InstanceState(e) => SavedEventRef::InstanceState(e).serialize(serializer),
            Event::InstanceCredentials(e) => {
                SavedEventRef::Api(&e.api_event()).serialize(serializer)
            }
        }
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match SavedEvent::deserialize(deserializer)? {
            SavedEvent::Api(e) => match InstanceCredentialsEvent::from_api_event(&e) {
                Some(compact) => Event::InstanceCredentials(Box::new(compact)),
                None => Event::Api(e),
            },
            SavedEvent::Imds(e) => Event::Imds(e),
            SavedEvent::InstanceState(e) => Event::InstanceState(e),
        })
    }
}

impl Event {
    /// The API event, if this is one: borrowed for [`Event::Api`], built for
    /// [`Event::InstanceCredentials`].
    pub fn as_api(&self) -> Option<Cow<'_, ApiEvent>> {
        match self {
            Event::Api(e) => Some(Cow::Borrowed(e)),
            Event::InstanceCredentials(e) => Some(Cow::Owned(e.api_event())),
            Event::Imds(_) | Event::InstanceState(_) => None,
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

/// The EC2 service's `sts:AssumeRole` of an instance profile's role, delivering the
/// instance's credentials (hourly). [`InstanceCredentialsEvent::api_event`] is its
/// CloudTrail-like record: caller `ec2.amazonaws.com`, request parameters `roleArn`,
/// `roleSessionName` (the instance id) and `durationSeconds`, response elements the
/// delivered access key ids (`roleDelivery` 1.0 for IMDSv1 readers, 2.0 for IMDSv2) and the
/// assumed-role ARN, or `AccessDenied` when the trust policy does not allow EC2.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InstanceCredentialsEvent {
    /// When.
    pub time: Timestamp,
    /// The role's ARN.
    pub role_arn: String,
    /// The instance (the session's name).
    pub instance_id: String,
    /// The access key ids delivered, in [`crate::ec2::service::ROLE_DELIVERIES`] order (none when
    /// denied).
    pub access_key_ids: Vec<String>,
    /// When they expire.
    pub expiration: Timestamp,
    /// How long they live, in seconds.
    pub duration_seconds: u64,
    /// The request id (a UUID).
    pub request_id: String,
    /// The trust-policy evaluation (shared by the refreshes of one role at one clock
    /// advance: they ask the same question at the same time).
    pub evaluation: Arc<Evaluation>,
}

/// A JSON object with these members, in this order (as `json!` would build it).
fn object<const N: usize>(members: [(&str, Value); N]) -> Value {
    // Inserted one by one: collecting would sort the members first.
    let mut map = serde_json::Map::new();
    for (k, v) in members {
        map.insert(k.to_string(), v);
    }
    Value::Object(map)
}

impl InstanceCredentialsEvent {
    /// The refresh a record stands for, if it is one: the record
    /// [`InstanceCredentialsEvent::api_event`] gives back, exactly.
    pub fn from_api_event(record: &ApiEvent) -> Option<Self> {
        let service = crate::ec2::service::EC2_SERVICE;
        if record.event_name != "AssumeRole"
            || record.user_identity.identity_type != "AWSService"
            || record.user_identity.invoked_by.as_deref() != Some(service)
        {
            return None;
        }
        let p = &record.request_parameters;
        let duration_seconds = p.get("durationSeconds")?.as_u64()?;
        let time = Timestamp::parse(&record.event_time)?;
        let access_key_ids = match record.response_elements.get("credentials") {
            Some(list) => list
                .as_array()?
                .iter()
                .map(|c| Some(c.get("accessKeyId")?.as_str()?.to_string()))
                .collect::<Option<Vec<String>>>()?,
            None => Vec::new(),
        };
        let [authorization] = record.authorizations.as_slice() else {
            return None;
        };
        let compact = InstanceCredentialsEvent {
            time,
            role_arn: p.get("roleArn")?.as_str()?.to_string(),
            instance_id: p.get("roleSessionName")?.as_str()?.to_string(),
            access_key_ids,
            expiration: time.plus(duration_seconds),
            duration_seconds,
            request_id: record.request_id.clone(),
            evaluation: Arc::new(authorization.evaluation.clone()),
        };
        (compact.api_event() == *record).then_some(compact)
    }

    /// The record of the call, as [`Event::Api`] records other calls.
    pub fn api_event(&self) -> ApiEvent {
        let service = crate::ec2::service::EC2_SERVICE;
        let allowed = self.evaluation.is_allowed();
        let (error_code, error_message, response) = if allowed {
            let expiration = self.expiration.iso_z();
            let credentials = self
                .access_key_ids
                .iter()
                .zip(crate::ec2::service::ROLE_DELIVERIES)
                .map(|(key, delivery)| {
                    object([
                        ("accessKeyId", Value::String(key.clone())),
                        ("expiration", Value::String(expiration.clone())),
                        ("roleDelivery", Value::String(delivery.to_string())),
                    ])
                })
                .collect();
            // `arn:aws:iam::ACCT:role/PATH/NAME`: neither the account nor the name holds
            // `:` or `/`.
            let account = self.role_arn.split(':').nth(4).unwrap_or_default();
            let role_name = self.role_arn.rsplit('/').next().unwrap_or_default();
            let arn = format!(
                "arn:aws:sts::{account}:assumed-role/{role_name}/{}",
                self.instance_id
            );
            let response = object([
                ("credentials", Value::Array(credentials)),
                ("assumedRoleUser", object([("arn", Value::String(arn))])),
            ]);
            (None, None, response)
        } else {
            let message =
                crate::error::AwsError::assume_role_denied(service, &self.role_arn).message();
            (Some("AccessDenied".to_string()), Some(message), Value::Null)
        };
        ApiEvent {
            event_time: self.time.iso_z(),
            event_source: "sts.amazonaws.com".to_string(),
            event_name: "AssumeRole".to_string(),
            aws_region: crate::world::REGION.to_string(),
            source_ip_address: service.to_string(),
            user_identity: UserIdentity {
                identity_type: "AWSService".to_string(),
                invoked_by: Some(service.to_string()),
                ..UserIdentity::default()
            },
            request_parameters: object([
                ("roleArn", Value::String(self.role_arn.clone())),
                ("roleSessionName", Value::String(self.instance_id.clone())),
                ("durationSeconds", Value::from(self.duration_seconds)),
            ]),
            response_elements: response,
            error_code,
            error_message,
            request_id: self.request_id.clone(),
            authorizations: vec![Authorization {
                action: "sts:AssumeRole".to_string(),
                resource: self.role_arn.clone(),
                evaluation: (*self.evaluation).clone(),
            }],
        }
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

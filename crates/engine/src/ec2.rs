//! EC2: instances, their instance-profile associations and metadata options.
//!
//! Timing (chosen, deterministic): state changes happen at the next clock advance of any
//! length: `pending` → `running`, `stopping` → `stopped`, `shutting-down` → `terminated`,
//! association `associating` → `associated`, `disassociating` → removed. At that advance a
//! running instance with an associated profile and no credentials yet gets them; after
//! that, the EC2 service refreshes them hourly (see [`crate::imds`]). The API operations
//! are in [`ops`]; the service's own work at each advance in [`service`].

pub mod ops;
pub mod service;

use crate::clock::Timestamp;
use crate::iam::Tag;
use crate::idmap::IdMap;
use crate::imds::InstanceMetadata;
use serde::{Deserialize, Serialize};

/// A well-formed AMI id a learner can use (Amazon Linux 2023 in us-east-1 style).
pub const DEFAULT_AMI: &str = "ami-0abcdef1234567890";

/// The only availability zone instances launch in.
pub const AVAILABILITY_ZONE: &str = "us-east-1a";

/// An instance's lifecycle state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InstanceState {
    /// Launching (code 0).
    Pending,
    /// Running (16).
    Running,
    /// Terminating (32).
    ShuttingDown,
    /// Terminated (48).
    Terminated,
    /// Stopping (64).
    Stopping,
    /// Stopped (80).
    Stopped,
}

impl InstanceState {
    /// EC2's numeric code.
    pub fn code(self) -> u16 {
        match self {
            InstanceState::Pending => 0,
            InstanceState::Running => 16,
            InstanceState::ShuttingDown => 32,
            InstanceState::Terminated => 48,
            InstanceState::Stopping => 64,
            InstanceState::Stopped => 80,
        }
    }

    /// EC2's name, e.g. `shutting-down`.
    pub fn name(self) -> &'static str {
        match self {
            InstanceState::Pending => "pending",
            InstanceState::Running => "running",
            InstanceState::ShuttingDown => "shutting-down",
            InstanceState::Terminated => "terminated",
            InstanceState::Stopping => "stopping",
            InstanceState::Stopped => "stopped",
        }
    }

    /// `{"Code": 16, "Name": "running"}`.
    pub fn to_json(self) -> serde_json::Value {
        serde_json::json!({ "Code": self.code(), "Name": self.name() })
    }
}

/// The instance metadata options.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetadataOptions {
    /// `optional` (IMDSv1 allowed) or `required` (IMDSv2 only).
    pub http_tokens: String,
    /// 1–64: how many network hops the PUT token reply survives.
    pub http_put_response_hop_limit: u8,
    /// `enabled` or `disabled`.
    pub http_endpoint: String,
}

impl Default for MetadataOptions {
    /// EC2's defaults when neither the call nor the AMI says otherwise.
    fn default() -> Self {
        MetadataOptions {
            http_tokens: "optional".to_string(),
            http_put_response_hop_limit: 1,
            http_endpoint: "enabled".to_string(),
        }
    }
}

impl MetadataOptions {
    /// DescribeInstances' `MetadataOptions` (with `State`).
    pub fn to_json(&self, state: &str) -> serde_json::Value {
        serde_json::json!({
            "State": state,
            "HttpTokens": self.http_tokens,
            "HttpPutResponseHopLimit": self.http_put_response_hop_limit,
            "HttpEndpoint": self.http_endpoint,
            "HttpProtocolIpv6": "disabled",
            "InstanceMetadataTags": "disabled",
        })
    }
}

/// An EC2 instance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Instance {
    /// `i-…`.
    pub instance_id: String,
    /// `ami-…`.
    pub image_id: String,
    /// e.g. `t3.micro`.
    pub instance_type: String,
    /// Lifecycle state.
    pub state: InstanceState,
    /// When it was launched (or last started).
    pub launch_time: Timestamp,
    /// When it last became `running`.
    pub running_since: Option<Timestamp>,
    /// `10.0.x.y`.
    pub private_ip: String,
    /// `ip-10-0-x-y.ec2.internal`.
    pub private_dns_name: String,
    /// `r-…`.
    pub reservation_id: String,
    /// Index in its launch.
    pub ami_launch_index: u32,
    /// Tags.
    pub tags: Vec<Tag>,
    /// The id of its instance-profile association (any state), if any.
    pub association_id: Option<String>,
    /// Metadata options.
    pub metadata_options: MetadataOptions,
    /// The metadata service's state on this instance (tokens, delivered credentials).
    pub metadata: InstanceMetadata,
    /// The SSM agent running on it.
    #[serde(default)]
    pub ssm_agent: crate::ssm::SsmAgent,
}

impl Instance {
    /// `arn:aws:ec2:us-east-1:ACCT:instance/i-…`.
    pub fn arn(&self, account: &str) -> String {
        instance_arn(account, &self.instance_id)
    }
}

/// `arn:aws:ec2:us-east-1:ACCT:instance/ID`.
pub fn instance_arn(account: &str, instance_id: &str) -> String {
    let region = crate::world::REGION;
    let mut arn = String::with_capacity(22 + region.len() + account.len() + instance_id.len());
    for part in [
        "arn:aws:ec2:",
        region,
        ":",
        account,
        ":instance/",
        instance_id,
    ] {
        arn.push_str(part);
    }
    arn
}

/// An association's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AssociationState {
    /// Just created.
    Associating,
    /// In effect.
    Associated,
    /// Being removed.
    Disassociating,
}

impl AssociationState {
    /// EC2's name.
    pub fn name(self) -> &'static str {
        match self {
            AssociationState::Associating => "associating",
            AssociationState::Associated => "associated",
            AssociationState::Disassociating => "disassociating",
        }
    }
}

/// The link between an instance and an instance profile (at most one per instance).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Association {
    /// `iip-assoc-…`.
    pub association_id: String,
    /// The instance.
    pub instance_id: String,
    /// The profile's ARN.
    pub profile_arn: String,
    /// The profile's `AIPA…` id.
    pub profile_id: String,
    /// The state.
    pub state: AssociationState,
    /// When it was created.
    pub timestamp: Timestamp,
}

impl Association {
    /// DescribeIamInstanceProfileAssociations' shape.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "AssociationId": self.association_id,
            "InstanceId": self.instance_id,
            "IamInstanceProfile": { "Arn": self.profile_arn, "Id": self.profile_id },
            "State": self.state.name(),
            "Timestamp": self.timestamp.iso_offset(),
        })
    }
}

/// All EC2 state.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Ec2State {
    /// Instances by id.
    pub instances: IdMap<Instance>,
    /// Associations by id.
    pub associations: IdMap<Association>,
    /// How many private addresses have been handed out.
    pub next_ip: u32,
}

impl Ec2State {
    /// The association of an instance (any state), if any.
    pub fn association_of(&self, instance_id: &str) -> Option<&Association> {
        let id = self.instances.get(instance_id)?.association_id.as_ref()?;
        self.associations.get(id)
    }
}

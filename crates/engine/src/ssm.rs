//! Systems Manager: managed nodes.
//!
//! The SSM agent on a running instance calls `ssm:UpdateInstanceInformation` with the
//! instance's IMDSv2 credentials, [`REGISTRATION_DELAY`] seconds after the instance starts
//! running and every [`AGENT_RETRY`] seconds until it is allowed (for example by
//! AmazonSSMManagedInstanceCore). Only then does the instance appear in
//! `DescribeInstanceInformation`. Those agent calls are API events like any other.

use crate::clock::Timestamp;
use crate::ec2::{InstanceState, instance_arn};
use crate::error::ApiError;
use crate::event::{ApiEvent, Authorization, Event};
use crate::imds::IamDelivery;
use crate::world::World;
use crate::world::auth::{CallCtx, DenyStyle, ResourcePolicy};
use crate::world::params::Params;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// Seconds after an instance starts running before its agent first registers (chosen).
pub const REGISTRATION_DELAY: u64 = 120;

/// Seconds between the agent's attempts while it is not allowed (chosen).
pub const AGENT_RETRY: u64 = 300;

/// A managed node.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ManagedNode {
    /// The instance.
    pub instance_id: String,
    /// When it registered.
    pub registered_at: Timestamp,
    /// When the agent last reported.
    pub last_ping: Timestamp,
    /// `Online` or `ConnectionLost`.
    pub ping_status: String,
    /// The role the agent used.
    pub iam_role: String,
    /// The instance's private IP.
    pub ip_address: String,
    /// The instance's host name.
    pub computer_name: String,
}

/// All SSM state.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SsmState {
    /// Managed nodes by instance id.
    pub nodes: BTreeMap<String, ManagedNode>,
}

/// The SSM agent's state on one instance.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SsmAgent {
    /// Registered and reporting.
    pub online: bool,
    /// When it tries to register next, after a denial.
    pub next_attempt: Option<Timestamp>,
}

impl World {
    /// `DescribeInstanceInformation`.
    pub(crate) fn ssm_describe_instance_information(
        &mut self,
        cx: &mut CallCtx,
        _p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        self.check(
            cx,
            "ssm:DescribeInstanceInformation",
            "*",
            ResourcePolicy::None,
            &[],
        )?;
        let list: Vec<Value> = self
            .ssm
            .nodes
            .values()
            .map(|n| {
                json!({
                    "InstanceId": n.instance_id,
                    "PingStatus": n.ping_status,
                    "LastPingDateTime": n.last_ping.iso_offset(),
                    "AgentVersion": "3.3.1611.0",
                    "IsLatestVersion": true,
                    "PlatformType": "Linux",
                    "PlatformName": "Amazon Linux",
                    "PlatformVersion": "2023",
                    "ResourceType": "EC2Instance",
                    "IPAddress": n.ip_address,
                    "ComputerName": n.computer_name,
                    "SourceId": n.instance_id,
                    "SourceType": "AWS::EC2::Instance",
                })
            })
            .collect();
        Ok(json!({ "InstanceInformationList": list }))
    }

    /// The agents' work at a clock advance.
    pub(crate) fn ssm_tick(&mut self) {
        let now = self.now();
        let mut attempts: Vec<(String, String, String)> = Vec::new();
        let mut lost: Vec<String> = Vec::new();
        for instance in self.ec2.instances.values_mut() {
            let agent = &mut instance.ssm_agent;
            if instance.state != InstanceState::Running {
                if agent.online {
                    agent.online = false;
                    lost.push(instance.instance_id.clone());
                }
                continue;
            }
            if agent.online || agent.next_attempt.is_some_and(|t| now < t) {
                continue;
            }
            // The agent gets its credentials from the metadata service like any SDK.
            if instance.metadata_options.http_endpoint == "disabled" {
                continue;
            }
            let Some(since) = instance.running_since else {
                continue;
            };
            if now < since.plus(REGISTRATION_DELAY) {
                continue;
            }
            let Some(IamDelivery::Credentials {
                v2_key, role_name, ..
            }) = instance.metadata.iam.as_ref().map(|s| &s.delivery)
            else {
                continue;
            };
            attempts.push((
                instance.instance_id.clone(),
                v2_key.clone(),
                role_name.clone(),
            ));
        }
        for id in lost {
            if let Some(node) = self.ssm.nodes.get_mut(&id) {
                node.ping_status = "ConnectionLost".to_string();
            }
        }
        for (instance_id, key, role_name) in attempts {
            self.ssm_agent_register(&instance_id, &key, &role_name);
        }
    }

    fn set_agent(&mut self, instance_id: &str, online: bool, next_attempt: Option<Timestamp>) {
        if let Some(i) = self.ec2.instances.get_mut(instance_id) {
            i.ssm_agent = SsmAgent {
                online,
                next_attempt,
            };
        }
    }

    fn ssm_agent_register(&mut self, instance_id: &str, key: &str, role_name: &str) {
        let now = self.now();
        let Some(session) = self.sts.sessions.get(key) else {
            return;
        };
        let credentials = crate::world::Credentials {
            access_key_id: session.access_key_id.clone(),
            secret_access_key: session.secret_access_key().into_owned(),
            session_token: Some(session.session_token().into_owned()),
            expiration: Some(session.expiration),
        };
        let origin = crate::world::Origin::Instance {
            instance_id: instance_id.to_string(),
        };
        let Ok(caller) = self.authenticate(&origin, Some(&credentials), false) else {
            self.set_agent(instance_id, false, Some(now.plus(AGENT_RETRY)));
            return;
        };
        let resource = instance_arn(&self.account, instance_id);
        let mut cx = CallCtx {
            caller,
            auths: Vec::new(),
            style: DenyStyle::Json,
        };
        let result = self.check(
            &mut cx,
            "ssm:UpdateInstanceInformation",
            &resource,
            ResourcePolicy::None,
            &[],
        );
        let (ip, host) = self
            .ec2
            .instances
            .get(instance_id)
            .map(|i| (i.private_ip.clone(), i.private_dns_name.clone()))
            .unwrap_or_default();
        let request_id = self.ids.request_id();
        let (error_code, error_message) = match &result {
            Ok(()) => {
                self.set_agent(instance_id, true, None);
                self.ssm.nodes.insert(
                    instance_id.to_string(),
                    ManagedNode {
                        instance_id: instance_id.to_string(),
                        registered_at: now,
                        last_ping: now,
                        ping_status: "Online".to_string(),
                        iam_role: role_name.to_string(),
                        ip_address: ip.clone(),
                        computer_name: host,
                    },
                );
                (None, None)
            }
            Err(e) => {
                self.set_agent(instance_id, false, Some(now.plus(AGENT_RETRY)));
                (Some(e.code.clone()), Some(e.message.clone()))
            }
        };
        let auths: Vec<Authorization> = cx.auths;
        self.events.push(Event::Api(Box::new(ApiEvent {
            event_time: now.iso_z(),
            event_source: "ssm.amazonaws.com".to_string(),
            event_name: "UpdateInstanceInformation".to_string(),
            aws_region: crate::world::REGION.to_string(),
            source_ip_address: ip,
            user_identity: cx.caller.user_identity(&self.account),
            request_parameters: json!({ "instanceId": instance_id, "agentName": "amazon-ssm-agent", "agentStatus": "Active" }),
            response_elements: Value::Null,
            error_code,
            error_message,
            request_id,
            authorizations: auths,
        })));
    }
}

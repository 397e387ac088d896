//! What the EC2 service does by itself at each clock advance: instance and association
//! state changes, and delivering role credentials to instances through their metadata
//! service (an `sts:AssumeRole` by `ec2.amazonaws.com`, evaluated against the role's trust
//! policy).

use super::{AssociationState, InstanceState};
use crate::event::{ApiEvent, Authorization, Event, InstanceStateEvent, UserIdentity};
use crate::imds::{
    CREDENTIALS_LIFETIME, IamDelivery, IamSnapshot, REFRESH_INTERVAL, RETRY_INTERVAL,
};
use crate::policy::{NamedPolicy, PolicySet, Request, RequestContext, evaluate};
use crate::sts::SessionRequest;
use crate::world::World;
use crate::world::auth::add_request_keys;
use serde_json::{Value, json};

/// The service principal that assumes instance roles.
pub const EC2_SERVICE: &str = "ec2.amazonaws.com";

impl World {
    /// The EC2 service's work at a clock advance.
    pub(crate) fn ec2_tick(&mut self) {
        let now = self.now();
        let mut changes = Vec::new();
        for i in self.ec2.instances.values_mut() {
            let from = i.state;
            let to = match from {
                InstanceState::Pending => InstanceState::Running,
                InstanceState::Stopping => InstanceState::Stopped,
                InstanceState::ShuttingDown => InstanceState::Terminated,
                _ => continue,
            };
            i.state = to;
            if to == InstanceState::Running {
                i.running_since = Some(now);
                i.metadata.next_refresh = Some(now);
            } else {
                // Off: its metadata service and tokens are gone.
                i.running_since = None;
                i.metadata.tokens.clear();
                i.metadata.iam = None;
                i.metadata.next_refresh = None;
            }
            changes.push(Event::InstanceState(Box::new(InstanceStateEvent {
                time: now,
                instance_id: i.instance_id.clone(),
                from: from.name().to_string(),
                to: to.name().to_string(),
            })));
        }
        self.events.extend(changes);
        // Associations settle.
        let mut removed: Vec<(String, String)> = Vec::new();
        for a in self.ec2.associations.values_mut() {
            match a.state {
                AssociationState::Associating => a.state = AssociationState::Associated,
                AssociationState::Disassociating => {
                    removed.push((a.association_id.clone(), a.instance_id.clone()))
                }
                AssociationState::Associated => {}
            }
        }
        for (association_id, instance_id) in removed {
            self.ec2.associations.remove(&association_id);
            if let Some(i) = self.ec2.instances.get_mut(&instance_id)
                && i.association_id.as_deref() == Some(association_id.as_str())
            {
                i.association_id = None;
                i.metadata.iam = None;
                i.metadata.next_refresh = None;
            }
        }
        // Credentials.
        let due: Vec<String> = self
            .ec2
            .instances
            .values()
            .filter(|i| {
                i.state == InstanceState::Running
                    && i.association_id.is_some()
                    && (i.metadata.iam.is_none()
                        || i.metadata.next_refresh.is_none_or(|t| now >= t))
            })
            .map(|i| i.instance_id.clone())
            .collect();
        for id in &due {
            self.refresh_instance_credentials(id);
        }
    }

    /// The EC2 service assumes the role of the instance's profile and delivers the result
    /// to the instance's `iam/` folder.
    pub(crate) fn refresh_instance_credentials(&mut self, instance_id: &str) {
        let now = self.now();
        let Some(association) = self
            .ec2
            .association_of(instance_id)
            .filter(|a| a.state == AssociationState::Associated)
        else {
            return;
        };
        let (profile_arn, profile_id) = (
            association.profile_arn.clone(),
            association.profile_id.clone(),
        );
        let profile = self
            .iam
            .instance_profile_by_arn(&profile_arn)
            .filter(|p| p.instance_profile_id == profile_id);
        let role_key = profile.map(|p| p.role.clone());
        let (delivery, next) = match role_key {
            None => (IamDelivery::ProfileNotFound, now.plus(RETRY_INTERVAL)),
            Some(None) => (IamDelivery::NoRole, now.plus(RETRY_INTERVAL)),
            Some(Some(role_key)) => self.assume_instance_role(instance_id, &role_key),
        };
        if let Some(i) = self.ec2.instances.get_mut(instance_id) {
            i.metadata.iam = Some(IamSnapshot {
                profile_arn,
                profile_id,
                last_updated: now,
                delivery,
            });
            i.metadata.next_refresh = Some(next);
        }
    }

    fn assume_instance_role(
        &mut self,
        instance_id: &str,
        role_key: &str,
    ) -> (IamDelivery, crate::clock::Timestamp) {
        let now = self.now();
        let Some(role) = self.iam.roles.get(role_key) else {
            return (IamDelivery::NoRole, now.plus(RETRY_INTERVAL));
        };
        let role_name = role.name.clone();
        let role_arn = role.arn.clone();
        let mut context = RequestContext::new();
        add_request_keys(&mut context, now, EC2_SERVICE);
        context.insert("aws:PrincipalServiceName", EC2_SERVICE);
        context.insert("aws:PrincipalIsAWSService", "true");
        let trust_name = format!("trust policy of role {role_name}");
        let set = PolicySet {
            resource: Some(NamedPolicy {
                name: &trust_name,
                policy: &role.assume_role_policy,
            }),
            resource_is_trust_policy: true,
            ..PolicySet::default()
        };
        let request = Request {
            principal: EC2_SERVICE,
            action: "sts:AssumeRole",
            resource: &role_arn,
            context: &context,
            resource_account: Some(&self.account),
        };
        let evaluation = evaluate(&request, &set);
        let allowed = evaluation.is_allowed();
        let instance_arn = super::instance_arn(&self.account, instance_id);
        let mut keys = Vec::new();
        if allowed {
            for delivery in ["1.0", "2.0"] {
                if let Some(key) = self.issue_session(SessionRequest {
                    role_key,
                    session_name: instance_id,
                    duration: CREDENTIALS_LIFETIME,
                    source_instance_arn: Some(instance_arn.clone()),
                    role_delivery: Some(delivery),
                    session_policy: None,
                }) {
                    keys.push(key);
                }
            }
        }
        let request_id = self.ids.request_id();
        let (error_code, error_message, response) = if allowed {
            let expiration = now.plus(CREDENTIALS_LIFETIME).iso_z();
            let credentials: Vec<Value> = keys
                .iter()
                .zip(["1.0", "2.0"])
                .map(|(k, d)| json!({ "accessKeyId": k, "expiration": expiration, "roleDelivery": d }))
                .collect();
            (
                None,
                None,
                json!({ "credentials": credentials, "assumedRoleUser": { "arn": format!("arn:aws:sts::{}:assumed-role/{role_name}/{instance_id}", self.account) } }),
            )
        } else {
            let message =
                crate::error::AwsError::assume_role_denied(EC2_SERVICE, &role_arn).message();
            (Some("AccessDenied".to_string()), Some(message), Value::Null)
        };
        self.events.push(Event::Api(Box::new(ApiEvent {
            event_time: now.iso_z(),
            event_source: "sts.amazonaws.com".to_string(),
            event_name: "AssumeRole".to_string(),
            aws_region: crate::world::REGION.to_string(),
            source_ip_address: EC2_SERVICE.to_string(),
            user_identity: UserIdentity {
                identity_type: "AWSService".to_string(),
                invoked_by: Some(EC2_SERVICE.to_string()),
                ..UserIdentity::default()
            },
            request_parameters: json!({ "roleArn": role_arn, "roleSessionName": instance_id, "durationSeconds": CREDENTIALS_LIFETIME }),
            response_elements: response,
            error_code,
            error_message,
            request_id,
            authorizations: vec![Authorization { action: "sts:AssumeRole".to_string(), resource: role_arn.clone(), evaluation }],
        })));
        match (allowed, keys.first(), keys.get(1)) {
            (true, Some(v1), Some(v2)) => (
                IamDelivery::Credentials {
                    role_name,
                    v1_body: self
                        .sts
                        .sessions
                        .get(v1)
                        .map(|s| crate::imds::credentials_body(s, now))
                        .unwrap_or_default(),
                    v2_body: self
                        .sts
                        .sessions
                        .get(v2)
                        .map(|s| crate::imds::credentials_body(s, now))
                        .unwrap_or_default(),
                    v1_key: v1.clone(),
                    v2_key: v2.clone(),
                },
                now.plus(REFRESH_INTERVAL),
            ),
            _ => (
                IamDelivery::AssumeRoleUnauthorized { role_name },
                now.plus(RETRY_INTERVAL),
            ),
        }
    }
}

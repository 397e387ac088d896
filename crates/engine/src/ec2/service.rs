//! What the EC2 service does by itself at each clock advance: instance and association
//! state changes, and delivering role credentials to instances through their metadata
//! service (an `sts:AssumeRole` by `ec2.amazonaws.com`, evaluated against the role's trust
//! policy).

use super::{AssociationState, InstanceState};
use crate::event::{Event, InstanceCredentialsEvent, InstanceStateEvent};
use crate::imds::{
    Body, CREDENTIALS_LIFETIME, CredentialsBody, IamDelivery, IamSnapshot, REFRESH_INTERVAL,
    RETRY_INTERVAL,
};
use crate::policy::{Evaluation, NamedPolicy, PolicySet, Request, RequestContext, evaluate};
use crate::sts::SessionRequest;
use crate::world::World;
use crate::world::auth::add_request_keys;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What the EC2 service's credential refreshes at one clock advance share: the request
/// context (the same time, the same caller) and so each role's trust-policy evaluation.
pub(crate) struct TrustCache {
    context: Option<RequestContext>,
    evaluations: BTreeMap<String, Arc<Evaluation>>,
    /// The time, as `2026-01-01T00:00:00Z`.
    now_z: String,
    /// When credentials issued now expire, likewise.
    expiration_z: String,
}

impl TrustCache {
    fn new(now: crate::clock::Timestamp) -> Self {
        TrustCache {
            context: None,
            evaluations: BTreeMap::new(),
            now_z: now.iso_z(),
            expiration_z: now.plus(CREDENTIALS_LIFETIME).iso_z(),
        }
    }
}

/// The two credential sets delivered to an instance (`ec2:RoleDelivery`): for IMDSv1 and
/// IMDSv2 readers.
pub const ROLE_DELIVERIES: [&str; 2] = ["1.0", "2.0"];

/// Seconds from launch (or start) until an instance is running: an
/// approximation (real instances take tens of seconds); the state changes at
/// the first clock advance, and the boot is dated this long after launch.
const BOOT_SECONDS: u64 = 10;

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
                // The instance finished booting early in this advance, not at
                // its end: agents that wait after boot (SSM) count from here.
                i.running_since = Some(i.launch_time.plus(BOOT_SECONDS).min(now));
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
        let mut trust = TrustCache::new(now);
        for id in &due {
            self.refresh_instance_credentials(id, &mut trust);
        }
    }

    /// The EC2 service assumes the role of the instance's profile and delivers the result
    /// to the instance's `iam/` folder.
    pub(crate) fn refresh_instance_credentials(
        &mut self,
        instance_id: &str,
        trust: &mut TrustCache,
    ) {
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
            Some(Some(role_key)) => self.assume_instance_role(instance_id, &role_key, trust),
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

    /// The EC2 service's `sts:AssumeRole` of `role_key`'s trust policy at this tick.
    fn ec2_service_evaluation(
        &self,
        role_key: &str,
        trust: &mut TrustCache,
    ) -> Option<Arc<Evaluation>> {
        if let Some(evaluation) = trust.evaluations.get(role_key) {
            return Some(Arc::clone(evaluation));
        }
        let role = self.iam.roles.get(role_key)?;
        let now = self.now();
        let context = trust.context.get_or_insert_with(|| {
            let mut context = RequestContext::new();
            add_request_keys(&mut context, now, EC2_SERVICE);
            context.insert("aws:PrincipalServiceName", EC2_SERVICE);
            context.insert("aws:PrincipalIsAWSService", "true");
            context
        });
        let trust_name = format!("trust policy of role {}", role.name);
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
            resource: &role.arn,
            context,
            resource_account: Some(&self.account),
        };
        let evaluation = Arc::new(evaluate(&request, &set));
        trust
            .evaluations
            .insert(role_key.to_string(), Arc::clone(&evaluation));
        Some(evaluation)
    }

    fn assume_instance_role(
        &mut self,
        instance_id: &str,
        role_key: &str,
        trust: &mut TrustCache,
    ) -> (IamDelivery, crate::clock::Timestamp) {
        let now = self.now();
        let Some(evaluation) = self.ec2_service_evaluation(role_key, trust) else {
            return (IamDelivery::NoRole, now.plus(RETRY_INTERVAL));
        };
        let Some(role) = self.iam.roles.get(role_key) else {
            return (IamDelivery::NoRole, now.plus(RETRY_INTERVAL));
        };
        let role_name = role.name.clone();
        let role_arn = role.arn.clone();
        let allowed = evaluation.is_allowed();
        // Each delivery: its access key id and its `security-credentials/ROLE` body.
        let mut issued: Vec<(String, CredentialsBody)> = Vec::with_capacity(2);
        if allowed {
            let instance_arn = super::instance_arn(&self.account, instance_id);
            for delivery in ROLE_DELIVERIES {
                if let Some(session) = self.new_session(SessionRequest {
                    role_key,
                    session_name: instance_id,
                    duration: CREDENTIALS_LIFETIME,
                    source_instance_arn: Some(instance_arn.clone()),
                    role_delivery: Some(delivery),
                    session_policy: None,
                }) {
                    // IMDSv1 readers (every SDK by default) read theirs at once; the
                    // IMDSv2 body is rendered when first read.
                    let body = if delivery == "1.0" {
                        CredentialsBody::from(Body::from(crate::imds::credentials_body_rendered(
                            &session,
                            &trust.now_z,
                            &trust.expiration_z,
                        )))
                    } else {
                        CredentialsBody::pending(&session, now)
                    };
                    let key = session.access_key_id.clone();
                    self.sts.sessions.insert(session);
                    issued.push((key, body));
                }
            }
        }
        let request_id = self.ids.request_id();
        self.events.push(Event::InstanceCredentials(Box::new(
            InstanceCredentialsEvent {
                time: now,
                role_arn,
                instance_id: instance_id.to_string(),
                access_key_ids: issued.iter().map(|(key, _)| key.clone()).collect(),
                expiration: now.plus(CREDENTIALS_LIFETIME),
                duration_seconds: CREDENTIALS_LIFETIME,
                request_id,
                evaluation,
            },
        )));
        let mut issued = issued.into_iter();
        match (allowed, issued.next(), issued.next()) {
            (true, Some((v1_key, v1_body)), Some((v2_key, v2_body))) => (
                IamDelivery::Credentials {
                    role_name,
                    v1_key,
                    v2_key,
                    v1_body: v1_body.body(),
                    v2_body,
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

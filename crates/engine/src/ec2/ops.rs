//! The EC2 API operations.

use super::{
    Association, AssociationState, Instance, InstanceState, MetadataOptions, instance_arn,
};
use crate::error::{ApiError, AwsError};
use crate::iam::Tag;
use crate::ids::{private_dns_name, private_ip};
use crate::imds::InstanceMetadata;
use crate::world::World;
use crate::world::auth::{CallCtx, ResourcePolicy};
use crate::world::params::Params;
use serde_json::{Map, Value, json};

/// Most instances one RunInstances may launch here.
pub const MAX_INSTANCES_PER_CALL: i64 = 1000;

/// EC2 filter values: `*` any run, `?` one character.
fn glob(pattern: &[u8], text: &[u8]) -> bool {
    match (pattern.split_first(), text.split_first()) {
        (None, None) => true,
        (Some((b'*', rest)), _) => {
            glob(rest, text) || text.split_first().is_some_and(|(_, t)| glob(pattern, t))
        }
        (Some((b'?', rest)), Some((_, t))) => glob(rest, t),
        (Some((c, rest)), Some((d, t))) if c == d => glob(rest, t),
        _ => false,
    }
}

fn valid_instance_id(id: &str) -> bool {
    id.strip_prefix("i-").is_some_and(|h| {
        (h.len() == 8 || h.len() == 17)
            && h.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    })
}

fn valid_ami_id(id: &str) -> bool {
    id.strip_prefix("ami-").is_some_and(|h| {
        (h.len() == 8 || h.len() == 17)
            && h.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    })
}

fn valid_instance_type(t: &str) -> bool {
    let mut parts = t.splitn(2, '.');
    let (Some(family), Some(size)) = (parts.next(), parts.next()) else {
        return false;
    };
    !family.is_empty()
        && !size.is_empty()
        && family
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && size
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// A profile named by `{Name}` or `{Arn}`, resolved: (profile ARN, profile id, role key).
struct ResolvedProfile {
    arn: String,
    id: String,
    role_key: Option<String>,
}

impl World {
    fn resolve_profile(&self, spec: &Params<'_>) -> Result<ResolvedProfile, ApiError> {
        let profile = if let Some(arn) = spec.opt_str("Arn")? {
            self.iam
                .instance_profile_by_arn(arn)
                .ok_or_else(|| AwsError::invalid_profile_arn(arn))?
        } else if let Some(name) = spec.opt_str("Name")? {
            // Profile names are matched exactly here, as EC2 does.
            self.iam
                .instance_profile(name)
                .filter(|p| p.name == name)
                .ok_or_else(|| AwsError::invalid_profile_name(name))?
        } else {
            return Err(AwsError::missing_parameter("IamInstanceProfile.Name").into());
        };
        Ok(ResolvedProfile {
            arn: profile.arn.clone(),
            id: profile.instance_profile_id.clone(),
            role_key: profile.role.clone(),
        })
    }

    /// iam:PassRole on the profile's role, as EC2 checks it.
    fn check_pass_role(
        &mut self,
        cx: &mut CallCtx,
        profile: &ResolvedProfile,
    ) -> Result<(), ApiError> {
        let Some(role_arn) = profile
            .role_key
            .as_ref()
            .and_then(|k| self.iam.roles.get(k))
            .map(|r| r.arn.clone())
        else {
            return Ok(());
        };
        self.check(
            cx,
            "iam:PassRole",
            &role_arn,
            ResourcePolicy::None,
            &[("iam:PassedToService", "ec2.amazonaws.com".to_string())],
        )
    }

    fn instance_arn_of(&self, id: &str) -> String {
        instance_arn(&self.account, id)
    }

    fn existing_instance(&self, id: &str) -> Result<&Instance, ApiError> {
        if !valid_instance_id(id) {
            return Err(AwsError::instance_id_malformed(id).into());
        }
        self.ec2
            .instances
            .get(id)
            .ok_or_else(|| AwsError::instance_not_found(id).into())
    }

    /// DescribeInstances' shape of an instance.
    pub(crate) fn instance_json(&self, i: &Instance) -> Value {
        let mut m = Map::new();
        m.insert("AmiLaunchIndex".into(), json!(i.ami_launch_index));
        m.insert("ImageId".into(), json!(i.image_id));
        m.insert("InstanceId".into(), json!(i.instance_id));
        m.insert("InstanceType".into(), json!(i.instance_type));
        m.insert("LaunchTime".into(), json!(i.launch_time.iso_offset()));
        m.insert("Monitoring".into(), json!({ "State": "disabled" }));
        m.insert(
            "Placement".into(),
            json!({ "AvailabilityZone": super::AVAILABILITY_ZONE, "GroupName": "", "Tenancy": "default" }),
        );
        let running_like = !matches!(i.state, InstanceState::Terminated);
        m.insert(
            "PrivateDnsName".into(),
            json!(if running_like {
                i.private_dns_name.as_str()
            } else {
                ""
            }),
        );
        if running_like {
            m.insert("PrivateIpAddress".into(), json!(i.private_ip));
        }
        m.insert("ProductCodes".into(), json!([]));
        m.insert("PublicDnsName".into(), json!(""));
        m.insert("State".into(), i.state.to_json());
        m.insert("StateTransitionReason".into(), json!(""));
        m.insert("Architecture".into(), json!("x86_64"));
        m.insert("RootDeviceName".into(), json!("/dev/xvda"));
        m.insert("RootDeviceType".into(), json!("ebs"));
        if let Some(a) = self
            .ec2
            .association_of(&i.instance_id)
            .filter(|a| a.state != AssociationState::Disassociating)
        {
            m.insert(
                "IamInstanceProfile".into(),
                json!({ "Arn": a.profile_arn, "Id": a.profile_id }),
            );
        }
        m.insert(
            "MetadataOptions".into(),
            i.metadata_options.to_json("applied"),
        );
        if !i.tags.is_empty() {
            m.insert("Tags".into(), json!(i.tags));
        }
        Value::Object(m)
    }

    fn parse_metadata_options(
        p: &Params<'_>,
        base: &MetadataOptions,
    ) -> Result<MetadataOptions, ApiError> {
        let mut out = base.clone();
        if let Some(t) = p.opt_str("HttpTokens")? {
            if !matches!(t, "optional" | "required") {
                return Err(AwsError::invalid_value(t, "HttpTokens").into());
            }
            out.http_tokens = t.to_string();
        }
        if let Some(h) = p.opt_i64("HttpPutResponseHopLimit")? {
            if !(1..=64).contains(&h) {
                return Err(AwsError::InvalidParameterValue(format!(
                    "The value of HttpPutResponseHopLimit must be between 1 and 64. You specified {h}."
                ))
                .into());
            }
            out.http_put_response_hop_limit = u8::try_from(h).unwrap_or(1);
        }
        if let Some(e) = p.opt_str("HttpEndpoint")? {
            if !matches!(e, "enabled" | "disabled") {
                return Err(AwsError::invalid_value(e, "HttpEndpoint").into());
            }
            out.http_endpoint = e.to_string();
        }
        Ok(out)
    }

    fn instance_tags(p: &Params<'_>) -> Result<Vec<Tag>, ApiError> {
        let mut tags = Vec::new();
        let Some(Value::Array(specs)) = p.get("TagSpecifications") else {
            return Ok(tags);
        };
        for spec in specs {
            let kind = spec
                .get("ResourceType")
                .and_then(Value::as_str)
                .unwrap_or("instance");
            if kind != "instance" {
                continue;
            }
            let sp = Params::new(spec, crate::world::params::Style::Ec2);
            tags.extend(sp.tags("Tags")?);
        }
        Ok(tags)
    }

    /// `RunInstances`.
    pub(crate) fn ec2_run_instances(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let image_id = p.str("ImageId")?;
        let instance_type = p.opt_str("InstanceType")?.unwrap_or("m1.small");
        let min = p.opt_i64("MinCount")?.unwrap_or(1);
        let max = p.opt_i64("MaxCount")?.unwrap_or(min);
        if !valid_ami_id(image_id) {
            return Err(AwsError::ami_malformed(image_id).into());
        }
        if !valid_instance_type(instance_type) {
            return Err(AwsError::InvalidParameterValue(format!(
                "Invalid value '{instance_type}' for InstanceType."
            ))
            .into());
        }
        if min < 1 {
            return Err(AwsError::InvalidParameterValue(format!(
                "Value ({min}) for parameter minCount is invalid. Expected a positive integer."
            ))
            .into());
        }
        if max < min {
            return Err(AwsError::InvalidParameterValue(format!(
                "Value ({max}) for parameter maxCount is invalid. Expected a value greater than or equal to minCount ({min})."
            ))
            .into());
        }
        if min > MAX_INSTANCES_PER_CALL {
            return Err(AwsError::InvalidParameterValue(format!(
                "Value ({min}) for parameter minCount is invalid. iamsim launches at most {MAX_INSTANCES_PER_CALL} instances per call."
            ))
            .into());
        }
        let count = max.min(MAX_INSTANCES_PER_CALL);
        let options = match p.object("MetadataOptions")? {
            Some(mo) => Self::parse_metadata_options(&mo, &MetadataOptions::default())?,
            None => MetadataOptions::default(),
        };
        let tags = Self::instance_tags(p)?;
        let wildcard = format!(
            "arn:aws:ec2:{}:{}:instance/*",
            crate::world::REGION,
            self.account
        );
        self.check(cx, "ec2:RunInstances", &wildcard, ResourcePolicy::None, &[])?;
        let profile = match p.object("IamInstanceProfile")? {
            Some(spec) => Some(self.resolve_profile(&spec)?),
            None => None,
        };
        if let Some(profile) = &profile {
            self.check_pass_role(cx, profile)?;
        }
        let reservation_id = self.ids.reservation_id();
        let now = self.now();
        let mut instances = Vec::new();
        for index in 0..count {
            let instance_id = self.ids.instance_id();
            let ip = private_ip(self.ec2.next_ip.wrapping_add(9));
            self.ec2.next_ip = self.ec2.next_ip.wrapping_add(1);
            let association_id = match &profile {
                Some(profile) => {
                    let id = self.ids.association_id();
                    self.ec2.associations.insert(
                        &id,
                        Association {
                            association_id: id.clone(),
                            instance_id: instance_id.clone(),
                            profile_arn: profile.arn.clone(),
                            profile_id: profile.id.clone(),
                            state: AssociationState::Associated,
                            timestamp: now,
                        },
                    );
                    Some(id)
                }
                None => None,
            };
            let instance = Instance {
                instance_id: instance_id.clone(),
                image_id: image_id.to_string(),
                instance_type: instance_type.to_string(),
                state: InstanceState::Pending,
                launch_time: now,
                running_since: None,
                private_dns_name: private_dns_name(&ip),
                private_ip: ip,
                reservation_id: reservation_id.clone(),
                ami_launch_index: u32::try_from(index).unwrap_or(0),
                tags: tags.clone(),
                association_id,
                metadata_options: options.clone(),
                metadata: InstanceMetadata::default(),
                ssm_agent: crate::ssm::SsmAgent::default(),
            };
            // Stored first, so the response shows its IamInstanceProfile
            // ({Arn, Id}) as RunInstances' response does.
            self.ec2.instances.insert(&instance_id, instance);
            if let Some(stored) = self.ec2.instances.get(&instance_id) {
                instances.push(self.instance_json(stored));
            }
        }
        Ok(json!({
            "Groups": [],
            "Instances": instances,
            "OwnerId": self.account,
            "ReservationId": reservation_id,
        }))
    }

    /// `DescribeInstances` (`InstanceIds`, `Filters` on instance-id, instance-state-name,
    /// iam-instance-profile.arn, tag:KEY).
    pub(crate) fn ec2_describe_instances(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let ids = p.str_list("InstanceIds")?;
        let filters = Self::filters(p)?;
        self.check(cx, "ec2:DescribeInstances", "*", ResourcePolicy::None, &[])?;
        for id in &ids {
            self.existing_instance(id)?;
        }
        let mut reservations: Vec<(String, Vec<Value>)> = Vec::new();
        let mut selected: Vec<&Instance> = self
            .ec2
            .instances
            .values()
            .filter(|i| ids.is_empty() || ids.contains(&i.instance_id.as_str()))
            .filter(|i| {
                filters
                    .iter()
                    .all(|(name, values)| self.instance_matches(i, name, values))
            })
            .collect();
        crate::sort::sort_by(&mut selected, |a, b| {
            (a.launch_time, &a.reservation_id, a.ami_launch_index).cmp(&(
                b.launch_time,
                &b.reservation_id,
                b.ami_launch_index,
            ))
        });
        for i in selected {
            let json = self.instance_json(i);
            match reservations
                .iter_mut()
                .find(|(r, _)| *r == i.reservation_id)
            {
                Some((_, list)) => list.push(json),
                None => reservations.push((i.reservation_id.clone(), vec![json])),
            }
        }
        let reservations: Vec<Value> = reservations
            .into_iter()
            .map(|(id, instances)| json!({ "Groups": [], "Instances": instances, "OwnerId": self.account, "ReservationId": id }))
            .collect();
        Ok(json!({ "Reservations": reservations }))
    }

    fn filters(p: &Params<'_>) -> Result<Vec<(String, Vec<String>)>, ApiError> {
        let mut out = Vec::new();
        let Some(Value::Array(items)) = p.get("Filters") else {
            return Ok(out);
        };
        for item in items {
            let fp = Params::new(item, crate::world::params::Style::Ec2);
            let name = fp.str("Name")?;
            let values = fp
                .str_list("Values")?
                .into_iter()
                .map(str::to_string)
                .collect();
            out.push((name.to_string(), values));
        }
        Ok(out)
    }

    fn instance_matches(&self, i: &Instance, name: &str, values: &[String]) -> bool {
        let actual: Vec<String> = match name {
            "instance-id" => vec![i.instance_id.clone()],
            "instance-state-name" => vec![i.state.name().to_string()],
            "instance-state-code" => vec![i.state.code().to_string()],
            "instance-type" => vec![i.instance_type.clone()],
            "image-id" => vec![i.image_id.clone()],
            "iam-instance-profile.arn" => self
                .ec2
                .association_of(&i.instance_id)
                .map(|a| a.profile_arn.clone())
                .into_iter()
                .collect(),
            other => match other.strip_prefix("tag:") {
                Some(key) => i
                    .tags
                    .iter()
                    .filter(|t| t.key == key)
                    .map(|t| t.value.clone())
                    .collect(),
                None => return true,
            },
        };
        values
            .iter()
            .any(|v| actual.iter().any(|a| glob(v.as_bytes(), a.as_bytes())))
    }

    fn state_change(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
        action: &str,
        verb: &str,
        to: fn(InstanceState) -> Option<InstanceState>,
    ) -> Result<Vec<Value>, ApiError> {
        let ids = p.str_list("InstanceIds")?;
        if ids.is_empty() {
            return Err(AwsError::missing_parameter("InstanceIds").into());
        }
        for id in &ids {
            let arn = self.instance_arn_of(id);
            self.check(cx, action, &arn, ResourcePolicy::None, &[])?;
        }
        for id in &ids {
            let i = self.existing_instance(id)?;
            if to(i.state).is_none() {
                return Err(AwsError::incorrect_instance_state(id, verb).into());
            }
        }
        let now = self.now();
        let mut out = Vec::new();
        for id in ids {
            let Some(i) = self.ec2.instances.get_mut(id) else {
                continue;
            };
            let previous = i.state;
            let next = to(previous).unwrap_or(previous);
            i.state = next;
            if previous == InstanceState::Stopped && next == InstanceState::Pending {
                i.launch_time = now;
            }
            if next == InstanceState::ShuttingDown
                && let Some(a) = i
                    .association_id
                    .as_ref()
                    .and_then(|aid| self.ec2.associations.get_mut(aid))
            {
                a.state = AssociationState::Disassociating;
            }
            out.push(json!({ "CurrentState": next.to_json(), "InstanceId": id, "PreviousState": previous.to_json() }));
        }
        Ok(out)
    }

    /// `StartInstances`.
    pub(crate) fn ec2_start_instances(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let list = self.state_change(cx, p, "ec2:StartInstances", "started", |s| match s {
            InstanceState::Stopped => Some(InstanceState::Pending),
            InstanceState::Pending | InstanceState::Running => Some(s),
            _ => None,
        })?;
        Ok(json!({ "StartingInstances": list }))
    }

    /// `StopInstances`.
    pub(crate) fn ec2_stop_instances(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let list = self.state_change(cx, p, "ec2:StopInstances", "stopped", |s| match s {
            InstanceState::Pending | InstanceState::Running => Some(InstanceState::Stopping),
            InstanceState::Stopping | InstanceState::Stopped => Some(s),
            _ => None,
        })?;
        Ok(json!({ "StoppingInstances": list }))
    }

    /// `TerminateInstances`.
    pub(crate) fn ec2_terminate_instances(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let list =
            self.state_change(cx, p, "ec2:TerminateInstances", "terminated", |s| match s {
                InstanceState::ShuttingDown | InstanceState::Terminated => Some(s),
                _ => Some(InstanceState::ShuttingDown),
            })?;
        Ok(json!({ "TerminatingInstances": list }))
    }

    /// `AssociateIamInstanceProfile` (running or stopped instance; at most one association).
    pub(crate) fn ec2_associate_iam_instance_profile(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let instance_id = p.str("InstanceId")?;
        let Some(spec) = p.object("IamInstanceProfile")? else {
            return Err(AwsError::missing_parameter("IamInstanceProfile").into());
        };
        let arn = self.instance_arn_of(instance_id);
        self.check(
            cx,
            "ec2:AssociateIamInstanceProfile",
            &arn,
            ResourcePolicy::None,
            &[],
        )?;
        let instance = self.existing_instance(instance_id)?;
        let state = instance.state;
        let profile = self.resolve_profile(&spec)?;
        if self.ec2.association_of(instance_id).is_some() {
            return Err(AwsError::existing_association(instance_id).into());
        }
        if !matches!(state, InstanceState::Running | InstanceState::Stopped) {
            return Err(AwsError::instance_not_running_or_stopped(instance_id).into());
        }
        self.check_pass_role(cx, &profile)?;
        let association = self.new_association(instance_id, &profile);
        Ok(json!({ "IamInstanceProfileAssociation": association }))
    }

    fn new_association(&mut self, instance_id: &str, profile: &ResolvedProfile) -> Value {
        let id = self.ids.association_id();
        let association = Association {
            association_id: id.clone(),
            instance_id: instance_id.to_string(),
            profile_arn: profile.arn.clone(),
            profile_id: profile.id.clone(),
            state: AssociationState::Associating,
            timestamp: self.now(),
        };
        let json = association.to_json();
        self.ec2.associations.insert(&id, association);
        if let Some(i) = self.ec2.instances.get_mut(instance_id) {
            i.association_id = Some(id);
        }
        let mut json = json;
        if let Some(m) = json.as_object_mut() {
            m.remove("Timestamp");
        }
        json
    }

    /// `ReplaceIamInstanceProfileAssociation` (running instance).
    pub(crate) fn ec2_replace_iam_instance_profile_association(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let association_id = p.str("AssociationId")?;
        let Some(spec) = p.object("IamInstanceProfile")? else {
            return Err(AwsError::missing_parameter("IamInstanceProfile").into());
        };
        let instance_id = self
            .ec2
            .associations
            .get(association_id)
            .map(|a| a.instance_id.clone());
        let arn = instance_id
            .as_deref()
            .map_or_else(|| "*".to_string(), |i| self.instance_arn_of(i));
        self.check(
            cx,
            "ec2:ReplaceIamInstanceProfileAssociation",
            &arn,
            ResourcePolicy::None,
            &[],
        )?;
        let Some(instance_id) = instance_id else {
            return Err(AwsError::association_not_found(association_id).into());
        };
        let profile = self.resolve_profile(&spec)?;
        let state = self.ec2.instances.get(&instance_id).map(|i| i.state);
        if state != Some(InstanceState::Running) {
            return Err(AwsError::IncorrectInstanceState(format!(
                "The instance '{instance_id}' is not in the 'running' state."
            ))
            .into());
        }
        if self
            .ec2
            .associations
            .get(association_id)
            .is_some_and(|a| a.state == AssociationState::Disassociating)
        {
            return Err(AwsError::IncorrectState(format!(
                "The association {association_id} is not in the associated state."
            ))
            .into());
        }
        self.check_pass_role(cx, &profile)?;
        self.ec2.associations.remove(association_id);
        let association = self.new_association(&instance_id, &profile);
        Ok(json!({ "IamInstanceProfileAssociation": association }))
    }

    /// `DisassociateIamInstanceProfile`.
    pub(crate) fn ec2_disassociate_iam_instance_profile(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let association_id = p.str("AssociationId")?;
        let instance_id = self
            .ec2
            .associations
            .get(association_id)
            .map(|a| a.instance_id.clone());
        let arn = instance_id
            .as_deref()
            .map_or_else(|| "*".to_string(), |i| self.instance_arn_of(i));
        self.check(
            cx,
            "ec2:DisassociateIamInstanceProfile",
            &arn,
            ResourcePolicy::None,
            &[],
        )?;
        let Some(a) = self.ec2.associations.get_mut(association_id) else {
            return Err(AwsError::association_not_found(association_id).into());
        };
        a.state = AssociationState::Disassociating;
        let mut json = a.to_json();
        if let Some(m) = json.as_object_mut() {
            m.remove("Timestamp");
        }
        Ok(json!({ "IamInstanceProfileAssociation": json }))
    }

    /// `DescribeIamInstanceProfileAssociations` (`AssociationIds`, `Filters` instance-id, state).
    pub(crate) fn ec2_describe_iam_instance_profile_associations(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let ids = p.str_list("AssociationIds")?;
        let filters = Self::filters(p)?;
        self.check(
            cx,
            "ec2:DescribeIamInstanceProfileAssociations",
            "*",
            ResourcePolicy::None,
            &[],
        )?;
        for id in &ids {
            if !self.ec2.associations.contains_key(id) {
                return Err(AwsError::association_not_found(id).into());
            }
        }
        let list: Vec<Value> = self
            .ec2
            .associations
            .values()
            .filter(|a| ids.is_empty() || ids.contains(&a.association_id.as_str()))
            .filter(|a| {
                filters.iter().all(|(name, values)| match name.as_str() {
                    "instance-id" => values.contains(&a.instance_id),
                    "state" => values.iter().any(|v| v == a.state.name()),
                    _ => true,
                })
            })
            .map(Association::to_json)
            .collect();
        Ok(json!({ "IamInstanceProfileAssociations": list }))
    }

    /// `ModifyInstanceMetadataOptions` (keeps what it is not given).
    pub(crate) fn ec2_modify_instance_metadata_options(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let instance_id = p.str("InstanceId")?;
        let arn = self.instance_arn_of(instance_id);
        self.check(
            cx,
            "ec2:ModifyInstanceMetadataOptions",
            &arn,
            ResourcePolicy::None,
            &[],
        )?;
        let current = self
            .existing_instance(instance_id)?
            .metadata_options
            .clone();
        let options = Self::parse_metadata_options(p, &current)?;
        let json = options.to_json("pending");
        if let Some(i) = self.ec2.instances.get_mut(instance_id) {
            i.metadata_options = options;
        }
        Ok(json!({ "InstanceId": instance_id, "InstanceMetadataOptions": json }))
    }
}

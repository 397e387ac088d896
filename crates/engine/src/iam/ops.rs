//! The IAM API operations. Each authorizes first (IAM's order), then validates existence,
//! then changes the state.

use super::validate;
use super::{AccessKey, InstanceProfile, ManagedPolicy, PolicyVersion, Role, User};
use crate::error::{ApiError, AwsError};
use crate::ids::IdPrefix;
use crate::policy::{Policy, PolicyUse};
use crate::world::World;
use crate::world::auth::{CallCtx, CallerKind, ResourcePolicy};
use crate::world::params::Params;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// Quota: managed policies attached to a role or user.
pub const MANAGED_POLICIES_PER_ROLE: usize = 10;
/// Quota: inline policy characters per role (white space not counted).
pub const INLINE_POLICY_BYTES_PER_ROLE: usize = 10_240;
/// Quota: inline policy characters per user.
pub const INLINE_POLICY_BYTES_PER_USER: usize = 2_048;
/// Quota: characters of a managed policy (white space not counted).
pub const MANAGED_POLICY_SIZE: usize = 6_144;
/// Quota: characters of a trust policy (default).
pub const TRUST_POLICY_SIZE: usize = 2_048;
/// Quota: access keys per user.
pub const ACCESS_KEYS_PER_USER: usize = 2;

/// The description the IAM console gives a role it creates for EC2.
pub const CONSOLE_EC2_ROLE_DESCRIPTION: &str =
    "Allows EC2 instances to call AWS services on your behalf.";

/// The trust policy the IAM console writes for "AWS service: EC2".
pub const CONSOLE_EC2_TRUST_POLICY: &str = r#"{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "sts:AssumeRole"
            ],
            "Principal": {
                "Service": [
                    "ec2.amazonaws.com"
                ]
            }
        }
    ]
}"#;

fn malformed(e: crate::policy::MalformedPolicyDocument) -> ApiError {
    AwsError::MalformedPolicyDocument(e.message).into()
}

fn insert_opt(map: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(v) = value {
        map.insert(key.to_string(), v);
    }
}

/// The role as IAM's output shapes show it (`full` adds GetRole's extra members).
pub fn role_json(role: &Role, full: bool) -> Value {
    let mut m = Map::new();
    m.insert("Path".into(), json!(role.path));
    m.insert("RoleName".into(), json!(role.name));
    m.insert("RoleId".into(), json!(role.role_id));
    m.insert("Arn".into(), json!(role.arn));
    m.insert("CreateDate".into(), json!(role.create_date.iso_offset()));
    m.insert(
        "AssumeRolePolicyDocument".into(),
        role.assume_role_policy.to_value().clone(),
    );
    insert_opt(
        &mut m,
        "Description",
        role.description.as_ref().map(|d| json!(d)),
    );
    if full {
        m.insert(
            "MaxSessionDuration".into(),
            json!(role.max_session_duration),
        );
        if let Some(b) = &role.permissions_boundary {
            m.insert(
                "PermissionsBoundary".into(),
                json!({ "PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": b }),
            );
        }
    }
    if !role.tags.is_empty() {
        m.insert("Tags".into(), json!(role.tags));
    }
    if full {
        m.insert("RoleLastUsed".into(), json!({}));
    }
    Value::Object(m)
}

/// The instance profile as IAM shows it, with its role.
pub fn instance_profile_json(world: &World, profile: &InstanceProfile) -> Value {
    let roles: Vec<Value> = world
        .iam
        .role_of_profile(profile)
        .map(|r| role_json(r, false))
        .into_iter()
        .collect();
    let mut m = Map::new();
    m.insert("Path".into(), json!(profile.path));
    m.insert("InstanceProfileName".into(), json!(profile.name));
    m.insert(
        "InstanceProfileId".into(),
        json!(profile.instance_profile_id),
    );
    m.insert("Arn".into(), json!(profile.arn));
    m.insert("CreateDate".into(), json!(profile.create_date.iso_offset()));
    m.insert("Roles".into(), Value::Array(roles));
    if !profile.tags.is_empty() {
        m.insert("Tags".into(), json!(profile.tags));
    }
    Value::Object(m)
}

fn policy_json(world: &World, p: &ManagedPolicy) -> Value {
    let mut m = Map::new();
    m.insert("PolicyName".into(), json!(p.name));
    m.insert("PolicyId".into(), json!(p.policy_id));
    m.insert("Arn".into(), json!(p.arn));
    m.insert("Path".into(), json!(p.path));
    m.insert("DefaultVersionId".into(), json!(p.default_version_id));
    m.insert(
        "AttachmentCount".into(),
        json!(world.iam.attachment_count(&p.arn)),
    );
    m.insert("PermissionsBoundaryUsageCount".into(), json!(0));
    m.insert("IsAttachable".into(), json!(true));
    insert_opt(
        &mut m,
        "Description",
        p.description.as_ref().map(|d| json!(d)),
    );
    m.insert("CreateDate".into(), json!(p.create_date.iso_offset()));
    m.insert("UpdateDate".into(), json!(p.update_date.iso_offset()));
    Value::Object(m)
}

fn user_json(u: &User) -> Value {
    let mut m = Map::new();
    m.insert("Path".into(), json!(u.path));
    m.insert("UserName".into(), json!(u.name));
    m.insert("UserId".into(), json!(u.user_id));
    m.insert("Arn".into(), json!(u.arn));
    m.insert("CreateDate".into(), json!(u.create_date.iso_offset()));
    if !u.tags.is_empty() {
        m.insert("Tags".into(), json!(u.tags));
    }
    Value::Object(m)
}

impl World {
    fn iam_arn(&self, kind: &str, path: &str, name: &str) -> String {
        format!("arn:aws:iam::{}:{kind}{path}{name}", self.account)
    }

    /// The ARN of an existing role, or the ARN it would have at path `/`.
    fn role_arn_for(&self, name: &str) -> String {
        self.iam
            .role(name)
            .map_or_else(|| self.iam_arn("role", "/", name), |r| r.arn.clone())
    }

    fn profile_arn_for(&self, name: &str) -> String {
        self.iam.instance_profile(name).map_or_else(
            || self.iam_arn("instance-profile", "/", name),
            |p| p.arn.clone(),
        )
    }

    fn user_arn_for(&self, name: &str) -> String {
        self.iam
            .user(name)
            .map_or_else(|| self.iam_arn("user", "/", name), |u| u.arn.clone())
    }

    fn existing_role_key(&self, name: &str) -> Result<String, ApiError> {
        let key = name.to_ascii_lowercase();
        if self.iam.roles.contains_key(&key) {
            Ok(key)
        } else {
            Err(AwsError::no_such_role(name).into())
        }
    }

    fn existing_user_key(&self, name: &str) -> Result<String, ApiError> {
        let key = name.to_ascii_lowercase();
        if self.iam.users.contains_key(&key) {
            Ok(key)
        } else {
            Err(AwsError::no_such_user(name).into())
        }
    }

    /// The user a user-scoped call is about: `UserName`, or the calling user.
    fn target_user_name(&self, cx: &CallCtx, p: &Params<'_>) -> Result<String, ApiError> {
        if let Some(name) = p.opt_str("UserName")? {
            return Ok(name.to_string());
        }
        match (&cx.caller.kind, &cx.caller.user_name) {
            (CallerKind::User(_), Some(name)) => Ok(name.clone()),
            _ => Err(AwsError::ValidationError(
                "Must specify userName when calling with non-User credentials".to_string(),
            )
            .into()),
        }
    }

    // ---------- roles ----------

    /// `CreateRole`.
    pub(crate) fn iam_create_role(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("RoleName")?;
        let path = p.opt_str("Path")?.unwrap_or("/");
        let trust_text = p.document("AssumeRolePolicyDocument")?;
        validate::name(name, "roleName", 64)?;
        validate::path(path, "path")?;
        let description = p.opt_str("Description")?;
        if let Some(d) = description {
            validate::description(d)?;
        }
        let max = match p.opt_i64("MaxSessionDuration")? {
            Some(v) => validate::max_session_duration(v)?,
            None => 3600,
        };
        let tags = p.tags("Tags")?;
        let boundary = p.opt_str("PermissionsBoundary")?;
        let arn = self.iam_arn("role", path, name);
        self.check(cx, "iam:CreateRole", &arn, ResourcePolicy::None, &[])?;
        if self.iam.role(name).is_some() {
            return Err(AwsError::role_exists(name).into());
        }
        if validate::policy_size(&trust_text) > TRUST_POLICY_SIZE {
            return Err(AwsError::trust_policy_size_quota().into());
        }
        let trust = Policy::parse_for(&trust_text, PolicyUse::Trust).map_err(malformed)?;
        if let Some(b) = boundary
            && !self.iam.policies.contains_key(b)
        {
            return Err(AwsError::InvalidInput(format!("ARN {b} is not valid.")).into());
        }
        let role = Role {
            name: name.to_string(),
            path: path.to_string(),
            role_id: self.ids.unique_id(IdPrefix::Role),
            arn,
            create_date: self.now(),
            description: description.map(str::to_string),
            max_session_duration: max,
            assume_role_policy: trust,
            tags,
            attached_policies: Vec::new(),
            inline_policies: BTreeMap::new(),
            permissions_boundary: boundary.map(str::to_string),
        };
        let out = json!({ "Role": role_json(&role, false) });
        self.iam.roles.insert(name.to_ascii_lowercase(), role);
        Ok(out)
    }

    /// `GetRole`.
    pub(crate) fn iam_get_role(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("RoleName")?;
        let arn = self.role_arn_for(name);
        self.check(cx, "iam:GetRole", &arn, ResourcePolicy::None, &[])?;
        let role = self
            .iam
            .role(name)
            .ok_or_else(|| AwsError::no_such_role(name))?;
        Ok(json!({ "Role": role_json(role, true) }))
    }

    /// `ListRoles` (`PathPrefix`).
    pub(crate) fn iam_list_roles(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let prefix = p.opt_str("PathPrefix")?.unwrap_or("/");
        let arn = self.iam_arn("role", prefix, "");
        self.check(cx, "iam:ListRoles", &arn, ResourcePolicy::None, &[])?;
        let roles: Vec<Value> = self
            .iam
            .roles
            .values()
            .filter(|r| r.path.starts_with(prefix))
            .map(|r| {
                let mut v = role_json(r, false);
                if let Some(m) = v.as_object_mut() {
                    m.insert("MaxSessionDuration".into(), json!(r.max_session_duration));
                }
                v
            })
            .collect();
        Ok(json!({ "Roles": roles, "IsTruncated": false }))
    }

    /// `UpdateAssumeRolePolicy`.
    pub(crate) fn iam_update_assume_role_policy(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("RoleName")?;
        let text = p.document("PolicyDocument")?;
        let arn = self.role_arn_for(name);
        self.check(
            cx,
            "iam:UpdateAssumeRolePolicy",
            &arn,
            ResourcePolicy::None,
            &[],
        )?;
        let key = self.existing_role_key(name)?;
        if validate::policy_size(&text) > TRUST_POLICY_SIZE {
            return Err(AwsError::trust_policy_size_quota().into());
        }
        let trust = Policy::parse_for(&text, PolicyUse::Trust).map_err(malformed)?;
        if let Some(role) = self.iam.roles.get_mut(&key) {
            role.assume_role_policy = trust;
        }
        Ok(json!({}))
    }

    /// `DeleteRole` (DeleteConflict while in a profile or with policies).
    pub(crate) fn iam_delete_role(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("RoleName")?;
        let arn = self.role_arn_for(name);
        self.check(cx, "iam:DeleteRole", &arn, ResourcePolicy::None, &[])?;
        let key = self.existing_role_key(name)?;
        if self
            .iam
            .instance_profiles
            .values()
            .any(|ip| ip.role.as_deref() == Some(key.as_str()))
        {
            return Err(AwsError::delete_conflict_profile_roles().into());
        }
        let Some(role) = self.iam.roles.get(&key) else {
            return Err(AwsError::no_such_role(name).into());
        };
        if !role.attached_policies.is_empty() {
            return Err(AwsError::delete_conflict_attached().into());
        }
        if !role.inline_policies.is_empty() {
            return Err(AwsError::delete_conflict_inline().into());
        }
        self.iam.roles.remove(&key);
        Ok(json!({}))
    }

    /// Resolves a policy ARN for attaching: `InvalidInput` for a non-ARN, `NoSuchEntity` if absent.
    fn attachable_policy(&self, arn: &str) -> Result<(), ApiError> {
        validate::arn(arn)?;
        if self.iam.policies.contains_key(arn) {
            Ok(())
        } else {
            Err(AwsError::policy_not_attachable(arn).into())
        }
    }

    /// `AttachRolePolicy`.
    pub(crate) fn iam_attach_role_policy(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("RoleName")?;
        let policy_arn = p.str("PolicyArn")?;
        let arn = self.role_arn_for(name);
        self.check(
            cx,
            "iam:AttachRolePolicy",
            &arn,
            ResourcePolicy::None,
            &[("iam:PolicyARN", policy_arn.to_string())],
        )?;
        let key = self.existing_role_key(name)?;
        self.attachable_policy(policy_arn)?;
        let Some(role) = self.iam.roles.get_mut(&key) else {
            return Err(AwsError::no_such_role(name).into());
        };
        if role.attached_policies.iter().any(|a| a == policy_arn) {
            return Ok(json!({}));
        }
        if role.attached_policies.len() >= MANAGED_POLICIES_PER_ROLE {
            return Err(AwsError::policies_per_role_quota().into());
        }
        role.attached_policies.push(policy_arn.to_string());
        Ok(json!({}))
    }

    /// `DetachRolePolicy`.
    pub(crate) fn iam_detach_role_policy(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("RoleName")?;
        let policy_arn = p.str("PolicyArn")?;
        let arn = self.role_arn_for(name);
        self.check(
            cx,
            "iam:DetachRolePolicy",
            &arn,
            ResourcePolicy::None,
            &[("iam:PolicyARN", policy_arn.to_string())],
        )?;
        let key = self.existing_role_key(name)?;
        validate::arn(policy_arn)?;
        let Some(role) = self.iam.roles.get_mut(&key) else {
            return Err(AwsError::no_such_role(name).into());
        };
        let before = role.attached_policies.len();
        role.attached_policies.retain(|a| a != policy_arn);
        if role.attached_policies.len() == before {
            return Err(AwsError::no_such_policy(policy_arn).into());
        }
        Ok(json!({}))
    }

    /// `ListAttachedRolePolicies`.
    pub(crate) fn iam_list_attached_role_policies(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("RoleName")?;
        let arn = self.role_arn_for(name);
        self.check(
            cx,
            "iam:ListAttachedRolePolicies",
            &arn,
            ResourcePolicy::None,
            &[],
        )?;
        let role = self
            .iam
            .role(name)
            .ok_or_else(|| AwsError::no_such_role(name))?;
        Ok(
            json!({ "AttachedPolicies": self.attached_json(&role.attached_policies), "IsTruncated": false }),
        )
    }

    fn attached_json(&self, arns: &[String]) -> Vec<Value> {
        arns.iter()
            .map(|a| {
                let name = self.iam.policies.get(a).map_or_else(
                    || a.rsplit('/').next().unwrap_or(a).to_string(),
                    |p| p.name.clone(),
                );
                json!({ "PolicyName": name, "PolicyArn": a })
            })
            .collect()
    }

    /// `PutRolePolicy` (inline; validated as an identity policy; 10,240-character quota).
    pub(crate) fn iam_put_role_policy(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("RoleName")?;
        let policy_name = p.str("PolicyName")?;
        let text = p.document("PolicyDocument")?;
        validate::name(policy_name, "policyName", 128)?;
        let arn = self.role_arn_for(name);
        self.check(cx, "iam:PutRolePolicy", &arn, ResourcePolicy::None, &[])?;
        let key = self.existing_role_key(name)?;
        let policy = Policy::parse_for(&text, PolicyUse::Identity).map_err(malformed)?;
        let Some(role) = self.iam.roles.get_mut(&key) else {
            return Err(AwsError::no_such_role(name).into());
        };
        let others: usize = role
            .inline_policies
            .iter()
            .filter(|(n, _)| n.as_str() != policy_name)
            .map(|(_, p)| validate::policy_size(&p.to_value().to_string()))
            .sum();
        if others + validate::policy_size(&text) > INLINE_POLICY_BYTES_PER_ROLE {
            return Err(AwsError::role_policy_size_quota().into());
        }
        role.inline_policies.insert(policy_name.to_string(), policy);
        Ok(json!({}))
    }

    /// `GetRolePolicy`.
    pub(crate) fn iam_get_role_policy(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("RoleName")?;
        let policy_name = p.str("PolicyName")?;
        let arn = self.role_arn_for(name);
        self.check(cx, "iam:GetRolePolicy", &arn, ResourcePolicy::None, &[])?;
        let role = self
            .iam
            .role(name)
            .ok_or_else(|| AwsError::no_such_role(name))?;
        let doc = role
            .inline_policies
            .get(policy_name)
            .ok_or_else(|| AwsError::no_such_role_policy(policy_name))?;
        Ok(
            json!({ "RoleName": role.name, "PolicyName": policy_name, "PolicyDocument": doc.to_value() }),
        )
    }

    /// `DeleteRolePolicy`.
    pub(crate) fn iam_delete_role_policy(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("RoleName")?;
        let policy_name = p.str("PolicyName")?;
        let arn = self.role_arn_for(name);
        self.check(cx, "iam:DeleteRolePolicy", &arn, ResourcePolicy::None, &[])?;
        let key = self.existing_role_key(name)?;
        let removed = self
            .iam
            .roles
            .get_mut(&key)
            .and_then(|r| r.inline_policies.remove(policy_name));
        if removed.is_none() {
            return Err(AwsError::no_such_role_policy(policy_name).into());
        }
        Ok(json!({}))
    }

    /// `ListRolePolicies`.
    pub(crate) fn iam_list_role_policies(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("RoleName")?;
        let arn = self.role_arn_for(name);
        self.check(cx, "iam:ListRolePolicies", &arn, ResourcePolicy::None, &[])?;
        let role = self
            .iam
            .role(name)
            .ok_or_else(|| AwsError::no_such_role(name))?;
        let names: Vec<&String> = role.inline_policies.keys().collect();
        Ok(json!({ "PolicyNames": names, "IsTruncated": false }))
    }

    // ---------- managed policies ----------

    /// `CreatePolicy` (customer managed; validated as an identity policy).
    pub(crate) fn iam_create_policy(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("PolicyName")?;
        let path = p.opt_str("Path")?.unwrap_or("/");
        let text = p.document("PolicyDocument")?;
        let description = p.opt_str("Description")?;
        validate::name(name, "policyName", 128)?;
        validate::path(path, "path")?;
        let arn = self.iam_arn("policy", path, name);
        self.check(cx, "iam:CreatePolicy", &arn, ResourcePolicy::None, &[])?;
        let lower = name.to_ascii_lowercase();
        if self
            .iam
            .policies
            .values()
            .any(|p| !p.aws_managed && p.name.to_ascii_lowercase() == lower)
        {
            return Err(AwsError::policy_exists(name).into());
        }
        if validate::policy_size(&text) > MANAGED_POLICY_SIZE {
            return Err(AwsError::policy_size_quota().into());
        }
        let document = Policy::parse_for(&text, PolicyUse::Identity).map_err(malformed)?;
        let now = self.now();
        let policy = ManagedPolicy {
            name: name.to_string(),
            path: path.to_string(),
            policy_id: self.ids.unique_id(IdPrefix::ManagedPolicy),
            arn: arn.clone(),
            default_version_id: "v1".to_string(),
            versions: vec![PolicyVersion {
                version_id: "v1".to_string(),
                document,
                create_date: now,
            }],
            description: description.map(str::to_string),
            create_date: now,
            update_date: now,
            aws_managed: false,
        };
        let mut out = policy_json(self, &policy);
        if let Some(m) = out.as_object_mut() {
            m.remove("Description");
        }
        self.iam.policies.insert(arn, policy);
        Ok(json!({ "Policy": out }))
    }

    /// `GetPolicy`.
    pub(crate) fn iam_get_policy(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let arn = p.str("PolicyArn")?;
        self.check(cx, "iam:GetPolicy", arn, ResourcePolicy::None, &[])?;
        validate::arn(arn)?;
        let policy = self
            .iam
            .policies
            .get(arn)
            .ok_or_else(|| AwsError::no_such_policy(arn))?;
        Ok(json!({ "Policy": policy_json(self, policy) }))
    }

    /// `GetPolicyVersion`.
    pub(crate) fn iam_get_policy_version(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let arn = p.str("PolicyArn")?;
        let version = p.str("VersionId")?;
        self.check(cx, "iam:GetPolicyVersion", arn, ResourcePolicy::None, &[])?;
        validate::arn(arn)?;
        let policy = self
            .iam
            .policies
            .get(arn)
            .ok_or_else(|| AwsError::no_such_policy(arn))?;
        let v = policy
            .versions
            .iter()
            .find(|v| v.version_id == version)
            .ok_or_else(|| AwsError::no_such_policy_version(arn, version))?;
        Ok(json!({ "PolicyVersion": {
            "Document": v.document.to_value(),
            "VersionId": v.version_id,
            "IsDefaultVersion": v.version_id == policy.default_version_id,
            "CreateDate": v.create_date.iso_offset(),
        }}))
    }

    /// `ListPolicies` (`Scope` All|AWS|Local, `OnlyAttached`, `PathPrefix`).
    pub(crate) fn iam_list_policies(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let scope = p.opt_str("Scope")?.unwrap_or("All");
        if !matches!(scope, "All" | "AWS" | "Local") {
            return Err(AwsError::not_in_enum(scope, "scope", &["All", "AWS", "Local"]).into());
        }
        let only_attached = p.opt_bool("OnlyAttached")?.unwrap_or(false);
        let prefix = p.opt_str("PathPrefix")?.unwrap_or("/");
        let arn = self.iam_arn("policy", "/", "");
        self.check(cx, "iam:ListPolicies", &arn, ResourcePolicy::None, &[])?;
        let list: Vec<Value> = self
            .iam
            .policies
            .values()
            .filter(|pol| match scope {
                "AWS" => pol.aws_managed,
                "Local" => !pol.aws_managed,
                _ => true,
            })
            .filter(|pol| pol.path.starts_with(prefix))
            .filter(|pol| !only_attached || self.iam.attachment_count(&pol.arn) > 0)
            .map(|pol| {
                let mut v = policy_json(self, pol);
                if let Some(m) = v.as_object_mut() {
                    m.remove("Description");
                }
                v
            })
            .collect();
        Ok(json!({ "Policies": list, "IsTruncated": false }))
    }

    /// `DeletePolicy` (customer managed, not attached).
    pub(crate) fn iam_delete_policy(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let arn = p.str("PolicyArn")?;
        self.check(cx, "iam:DeletePolicy", arn, ResourcePolicy::None, &[])?;
        validate::arn(arn)?;
        let Some(policy) = self.iam.policies.get(arn) else {
            return Err(AwsError::no_such_policy(arn).into());
        };
        if policy.aws_managed {
            return Err(AwsError::InvalidInput(format!("ARN {arn} is not valid.")).into());
        }
        if self.iam.attachment_count(arn) > 0 {
            return Err(AwsError::delete_conflict_policy_attached().into());
        }
        self.iam.policies.remove(arn);
        Ok(json!({}))
    }

    // ---------- instance profiles ----------

    /// `CreateInstanceProfile`.
    pub(crate) fn iam_create_instance_profile(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("InstanceProfileName")?;
        let path = p.opt_str("Path")?.unwrap_or("/");
        validate::name(name, "instanceProfileName", 128)?;
        validate::path(path, "path")?;
        let tags = p.tags("Tags")?;
        let arn = self.iam_arn("instance-profile", path, name);
        self.check(
            cx,
            "iam:CreateInstanceProfile",
            &arn,
            ResourcePolicy::None,
            &[],
        )?;
        if self.iam.instance_profile(name).is_some() {
            return Err(AwsError::instance_profile_exists(name).into());
        }
        let profile = InstanceProfile {
            name: name.to_string(),
            path: path.to_string(),
            instance_profile_id: self.ids.unique_id(IdPrefix::InstanceProfile),
            arn,
            create_date: self.now(),
            role: None,
            tags,
        };
        let out = json!({ "InstanceProfile": instance_profile_json(self, &profile) });
        self.iam
            .instance_profiles
            .insert(name.to_ascii_lowercase(), profile);
        Ok(out)
    }

    /// `GetInstanceProfile`.
    pub(crate) fn iam_get_instance_profile(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("InstanceProfileName")?;
        let arn = self.profile_arn_for(name);
        self.check(
            cx,
            "iam:GetInstanceProfile",
            &arn,
            ResourcePolicy::None,
            &[],
        )?;
        let profile = self
            .iam
            .instance_profile(name)
            .ok_or_else(|| AwsError::no_such_instance_profile(name))?;
        Ok(json!({ "InstanceProfile": instance_profile_json(self, profile) }))
    }

    /// `ListInstanceProfiles`.
    pub(crate) fn iam_list_instance_profiles(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let prefix = p.opt_str("PathPrefix")?.unwrap_or("/");
        let arn = self.iam_arn("instance-profile", prefix, "");
        self.check(
            cx,
            "iam:ListInstanceProfiles",
            &arn,
            ResourcePolicy::None,
            &[],
        )?;
        let list: Vec<Value> = self
            .iam
            .instance_profiles
            .values()
            .filter(|ip| ip.path.starts_with(prefix))
            .map(|ip| instance_profile_json(self, ip))
            .collect();
        Ok(json!({ "InstanceProfiles": list, "IsTruncated": false }))
    }

    /// `ListInstanceProfilesForRole`.
    pub(crate) fn iam_list_instance_profiles_for_role(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("RoleName")?;
        let arn = self.role_arn_for(name);
        self.check(
            cx,
            "iam:ListInstanceProfilesForRole",
            &arn,
            ResourcePolicy::None,
            &[],
        )?;
        let key = self.existing_role_key(name)?;
        let list: Vec<Value> = self
            .iam
            .instance_profiles
            .values()
            .filter(|ip| ip.role.as_deref() == Some(key.as_str()))
            .map(|ip| instance_profile_json(self, ip))
            .collect();
        Ok(json!({ "InstanceProfiles": list, "IsTruncated": false }))
    }

    /// `AddRoleToInstanceProfile` (one role per profile; needs iam:PassRole on the role).
    pub(crate) fn iam_add_role_to_instance_profile(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let profile_name = p.str("InstanceProfileName")?;
        let role_name = p.str("RoleName")?;
        let profile_arn = self.profile_arn_for(profile_name);
        self.check(
            cx,
            "iam:AddRoleToInstanceProfile",
            &profile_arn,
            ResourcePolicy::None,
            &[],
        )?;
        let role_arn = self.role_arn_for(role_name);
        self.check(cx, "iam:PassRole", &role_arn, ResourcePolicy::None, &[])?;
        let profile_key = profile_name.to_ascii_lowercase();
        if !self.iam.instance_profiles.contains_key(&profile_key) {
            return Err(AwsError::no_such_instance_profile(profile_name).into());
        }
        let role_key = self.existing_role_key(role_name)?;
        let Some(profile) = self.iam.instance_profiles.get_mut(&profile_key) else {
            return Err(AwsError::no_such_instance_profile(profile_name).into());
        };
        if profile.role.is_some() {
            return Err(AwsError::instance_sessions_quota().into());
        }
        profile.role = Some(role_key);
        Ok(json!({}))
    }

    /// `RemoveRoleFromInstanceProfile`.
    pub(crate) fn iam_remove_role_from_instance_profile(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let profile_name = p.str("InstanceProfileName")?;
        let role_name = p.str("RoleName")?;
        let profile_arn = self.profile_arn_for(profile_name);
        self.check(
            cx,
            "iam:RemoveRoleFromInstanceProfile",
            &profile_arn,
            ResourcePolicy::None,
            &[],
        )?;
        let profile_key = profile_name.to_ascii_lowercase();
        if !self.iam.instance_profiles.contains_key(&profile_key) {
            return Err(AwsError::no_such_instance_profile(profile_name).into());
        }
        let role_key = self.existing_role_key(role_name)?;
        let Some(profile) = self.iam.instance_profiles.get_mut(&profile_key) else {
            return Err(AwsError::no_such_instance_profile(profile_name).into());
        };
        if profile.role.as_deref() != Some(role_key.as_str()) {
            return Err(AwsError::no_such_role(role_name).into());
        }
        profile.role = None;
        Ok(json!({}))
    }

    /// `DeleteInstanceProfile` (DeleteConflict while it holds a role).
    pub(crate) fn iam_delete_instance_profile(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("InstanceProfileName")?;
        let arn = self.profile_arn_for(name);
        self.check(
            cx,
            "iam:DeleteInstanceProfile",
            &arn,
            ResourcePolicy::None,
            &[],
        )?;
        let key = name.to_ascii_lowercase();
        let Some(profile) = self.iam.instance_profiles.get(&key) else {
            return Err(AwsError::no_such_instance_profile(name).into());
        };
        if profile.role.is_some() {
            return Err(AwsError::delete_conflict_profile_roles().into());
        }
        self.iam.instance_profiles.remove(&key);
        Ok(json!({}))
    }

    // ---------- users ----------

    /// Creates a user with no checks (world set-up).
    pub(crate) fn insert_user(&mut self, name: &str, path: &str) -> String {
        let user = User {
            name: name.to_string(),
            path: path.to_string(),
            user_id: self.ids.unique_id(IdPrefix::User),
            arn: self.iam_arn("user", path, name),
            create_date: self.now(),
            tags: Vec::new(),
            attached_policies: Vec::new(),
            inline_policies: BTreeMap::new(),
            access_keys: Vec::new(),
            permissions_boundary: None,
        };
        let key = name.to_ascii_lowercase();
        self.iam.users.insert(key.clone(), user);
        key
    }

    /// Adds an access key to a user with no checks; returns the key.
    pub(crate) fn insert_access_key(&mut self, user_key: &str) -> Option<AccessKey> {
        let key = AccessKey {
            access_key_id: self.ids.unique_id(IdPrefix::AccessKey),
            secret_access_key: self.ids.secret_access_key(),
            status: "Active".to_string(),
            create_date: self.now(),
        };
        let user = self.iam.users.get_mut(user_key)?;
        user.access_keys.push(key.clone());
        self.iam
            .access_key_index
            .insert(key.access_key_id.clone(), user_key.to_string());
        Some(key)
    }

    /// The laptop's `admin` user with AdministratorAccess and one access key.
    pub(crate) fn create_admin_user(&mut self) {
        let key = self.insert_user(crate::world::ADMIN_USER, "/");
        if let Some(user) = self.iam.users.get_mut(&key) {
            user.attached_policies
                .push("arn:aws:iam::aws:policy/AdministratorAccess".to_string());
        }
        let _ = self.insert_access_key(&key);
    }

    /// `CreateUser`.
    pub(crate) fn iam_create_user(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("UserName")?;
        let path = p.opt_str("Path")?.unwrap_or("/");
        validate::name(name, "userName", 64)?;
        validate::path(path, "path")?;
        let tags = p.tags("Tags")?;
        let arn = self.iam_arn("user", path, name);
        self.check(cx, "iam:CreateUser", &arn, ResourcePolicy::None, &[])?;
        if self.iam.user(name).is_some() {
            return Err(AwsError::user_exists(name).into());
        }
        let key = self.insert_user(name, path);
        let Some(user) = self.iam.users.get_mut(&key) else {
            return Err(AwsError::no_such_user(name).into());
        };
        user.tags = tags;
        Ok(json!({ "User": user_json(user) }))
    }

    /// `GetUser` (without `UserName`: the caller).
    pub(crate) fn iam_get_user(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = self.target_user_name(cx, p)?;
        let arn = self.user_arn_for(&name);
        self.check(cx, "iam:GetUser", &arn, ResourcePolicy::None, &[])?;
        let user = self
            .iam
            .user(&name)
            .ok_or_else(|| AwsError::no_such_user(&name))?;
        Ok(json!({ "User": user_json(user) }))
    }

    /// `ListUsers`.
    pub(crate) fn iam_list_users(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let prefix = p.opt_str("PathPrefix")?.unwrap_or("/");
        let arn = self.iam_arn("user", prefix, "");
        self.check(cx, "iam:ListUsers", &arn, ResourcePolicy::None, &[])?;
        let users: Vec<Value> = self
            .iam
            .users
            .values()
            .filter(|u| u.path.starts_with(prefix))
            .map(user_json)
            .collect();
        Ok(json!({ "Users": users, "IsTruncated": false }))
    }

    /// `AttachUserPolicy`.
    pub(crate) fn iam_attach_user_policy(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("UserName")?;
        let policy_arn = p.str("PolicyArn")?;
        let arn = self.user_arn_for(name);
        self.check(
            cx,
            "iam:AttachUserPolicy",
            &arn,
            ResourcePolicy::None,
            &[("iam:PolicyARN", policy_arn.to_string())],
        )?;
        let key = self.existing_user_key(name)?;
        self.attachable_policy(policy_arn)?;
        let Some(user) = self.iam.users.get_mut(&key) else {
            return Err(AwsError::no_such_user(name).into());
        };
        if user.attached_policies.iter().any(|a| a == policy_arn) {
            return Ok(json!({}));
        }
        if user.attached_policies.len() >= MANAGED_POLICIES_PER_ROLE {
            return Err(AwsError::policies_per_user_quota().into());
        }
        user.attached_policies.push(policy_arn.to_string());
        Ok(json!({}))
    }

    /// `DetachUserPolicy`.
    pub(crate) fn iam_detach_user_policy(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("UserName")?;
        let policy_arn = p.str("PolicyArn")?;
        let arn = self.user_arn_for(name);
        self.check(
            cx,
            "iam:DetachUserPolicy",
            &arn,
            ResourcePolicy::None,
            &[("iam:PolicyARN", policy_arn.to_string())],
        )?;
        let key = self.existing_user_key(name)?;
        validate::arn(policy_arn)?;
        let Some(user) = self.iam.users.get_mut(&key) else {
            return Err(AwsError::no_such_user(name).into());
        };
        let before = user.attached_policies.len();
        user.attached_policies.retain(|a| a != policy_arn);
        if before == user.attached_policies.len() {
            return Err(AwsError::no_such_policy(policy_arn).into());
        }
        Ok(json!({}))
    }

    /// `ListAttachedUserPolicies`.
    pub(crate) fn iam_list_attached_user_policies(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("UserName")?;
        let arn = self.user_arn_for(name);
        self.check(
            cx,
            "iam:ListAttachedUserPolicies",
            &arn,
            ResourcePolicy::None,
            &[],
        )?;
        let user = self
            .iam
            .user(name)
            .ok_or_else(|| AwsError::no_such_user(name))?;
        Ok(
            json!({ "AttachedPolicies": self.attached_json(&user.attached_policies), "IsTruncated": false }),
        )
    }

    /// `PutUserPolicy` (inline; 2,048-character quota).
    pub(crate) fn iam_put_user_policy(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("UserName")?;
        let policy_name = p.str("PolicyName")?;
        let text = p.document("PolicyDocument")?;
        validate::name(policy_name, "policyName", 128)?;
        let arn = self.user_arn_for(name);
        self.check(cx, "iam:PutUserPolicy", &arn, ResourcePolicy::None, &[])?;
        let key = self.existing_user_key(name)?;
        let policy = Policy::parse_for(&text, PolicyUse::Identity).map_err(malformed)?;
        let Some(user) = self.iam.users.get_mut(&key) else {
            return Err(AwsError::no_such_user(name).into());
        };
        let others: usize = user
            .inline_policies
            .iter()
            .filter(|(n, _)| n.as_str() != policy_name)
            .map(|(_, p)| validate::policy_size(&p.to_value().to_string()))
            .sum();
        if others + validate::policy_size(&text) > INLINE_POLICY_BYTES_PER_USER {
            return Err(AwsError::LimitExceeded(
                "Cannot exceed quota for UserPolicySize: 2048".into(),
            )
            .into());
        }
        user.inline_policies.insert(policy_name.to_string(), policy);
        Ok(json!({}))
    }

    /// `GetUserPolicy`.
    pub(crate) fn iam_get_user_policy(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("UserName")?;
        let policy_name = p.str("PolicyName")?;
        let arn = self.user_arn_for(name);
        self.check(cx, "iam:GetUserPolicy", &arn, ResourcePolicy::None, &[])?;
        let user = self
            .iam
            .user(name)
            .ok_or_else(|| AwsError::no_such_user(name))?;
        let doc = user
            .inline_policies
            .get(policy_name)
            .ok_or_else(|| AwsError::no_such_user_policy(policy_name))?;
        Ok(
            json!({ "UserName": user.name, "PolicyName": policy_name, "PolicyDocument": doc.to_value() }),
        )
    }

    /// `ListUserPolicies`.
    pub(crate) fn iam_list_user_policies(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("UserName")?;
        let arn = self.user_arn_for(name);
        self.check(cx, "iam:ListUserPolicies", &arn, ResourcePolicy::None, &[])?;
        let user = self
            .iam
            .user(name)
            .ok_or_else(|| AwsError::no_such_user(name))?;
        let names: Vec<&String> = user.inline_policies.keys().collect();
        Ok(json!({ "PolicyNames": names, "IsTruncated": false }))
    }

    /// `CreateAccessKey` (at most two per user).
    pub(crate) fn iam_create_access_key(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = self.target_user_name(cx, p)?;
        let arn = self.user_arn_for(&name);
        self.check(cx, "iam:CreateAccessKey", &arn, ResourcePolicy::None, &[])?;
        let key = self.existing_user_key(&name)?;
        if self
            .iam
            .users
            .get(&key)
            .is_some_and(|u| u.access_keys.len() >= ACCESS_KEYS_PER_USER)
        {
            return Err(AwsError::access_keys_quota().into());
        }
        let Some(k) = self.insert_access_key(&key) else {
            return Err(AwsError::no_such_user(&name).into());
        };
        let user_name = self
            .iam
            .users
            .get(&key)
            .map_or(name.clone(), |u| u.name.clone());
        Ok(json!({ "AccessKey": {
            "UserName": user_name,
            "AccessKeyId": k.access_key_id,
            "Status": k.status,
            "SecretAccessKey": k.secret_access_key,
            "CreateDate": k.create_date.iso_offset(),
        }}))
    }

    /// `DeleteAccessKey`.
    pub(crate) fn iam_delete_access_key(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = self.target_user_name(cx, p)?;
        let key_id = p.str("AccessKeyId")?;
        let arn = self.user_arn_for(&name);
        self.check(cx, "iam:DeleteAccessKey", &arn, ResourcePolicy::None, &[])?;
        let key = self.existing_user_key(&name)?;
        let Some(user) = self.iam.users.get_mut(&key) else {
            return Err(AwsError::no_such_user(&name).into());
        };
        let before = user.access_keys.len();
        user.access_keys.retain(|k| k.access_key_id != key_id);
        if before == user.access_keys.len() {
            return Err(AwsError::no_such_access_key(key_id).into());
        }
        self.iam.access_key_index.remove(key_id);
        Ok(json!({}))
    }

    /// `ListAccessKeys`.
    pub(crate) fn iam_list_access_keys(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = self.target_user_name(cx, p)?;
        let arn = self.user_arn_for(&name);
        self.check(cx, "iam:ListAccessKeys", &arn, ResourcePolicy::None, &[])?;
        let user = self
            .iam
            .user(&name)
            .ok_or_else(|| AwsError::no_such_user(&name))?;
        let keys: Vec<Value> = user
            .access_keys
            .iter()
            .map(|k| {
                json!({
                    "UserName": user.name,
                    "AccessKeyId": k.access_key_id,
                    "Status": k.status,
                    "CreateDate": k.create_date.iso_offset(),
                })
            })
            .collect();
        Ok(json!({ "AccessKeyMetadata": keys, "IsTruncated": false }))
    }
}

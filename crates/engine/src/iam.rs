//! IAM: roles, instance profiles, managed and inline policies, users and access keys.
//!
//! The state lives in [`IamState`]; the API operations are in [`ops`] (as methods of
//! [`crate::world::World`]), name and path validation in [`validate`].

pub mod ops;
pub mod validate;

use crate::clock::Timestamp;
use crate::policy::Policy;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A tag (`Key`/`Value`), as IAM and EC2 print it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    /// The key.
    #[serde(rename = "Key")]
    pub key: String,
    /// The value.
    #[serde(rename = "Value")]
    pub value: String,
}

/// An IAM role.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Role {
    /// The name as created (unique case-insensitively).
    pub name: String,
    /// `/` or `/a/b/`.
    pub path: String,
    /// `AROA…`.
    pub role_id: String,
    /// `arn:aws:iam::ACCT:role/PATH/NAME`.
    pub arn: String,
    /// When it was created.
    pub create_date: Timestamp,
    /// Optional description.
    pub description: Option<String>,
    /// 3600–43200 seconds.
    pub max_session_duration: u32,
    /// The trust policy.
    pub assume_role_policy: Policy,
    /// Tags.
    pub tags: Vec<Tag>,
    /// ARNs of attached managed policies, in attach order.
    pub attached_policies: Vec<String>,
    /// Inline policies by name.
    pub inline_policies: BTreeMap<String, Policy>,
    /// The permissions boundary's policy ARN.
    pub permissions_boundary: Option<String>,
}

/// An instance profile: the container EC2 passes to an instance; it holds at most one role.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InstanceProfile {
    /// The name as created.
    pub name: String,
    /// `/` or `/a/b/`.
    pub path: String,
    /// `AIPA…`.
    pub instance_profile_id: String,
    /// `arn:aws:iam::ACCT:instance-profile/PATH/NAME`.
    pub arn: String,
    /// When it was created.
    pub create_date: Timestamp,
    /// The role's key (lower-case name) in [`IamState::roles`]; at most one, a quota that
    /// cannot be raised.
    pub role: Option<String>,
    /// Tags.
    pub tags: Vec<Tag>,
}

/// One version of a managed policy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PolicyVersion {
    /// `v1`, `v2`, …
    pub version_id: String,
    /// The document.
    pub document: Policy,
    /// When this version was created.
    pub create_date: Timestamp,
}

/// A managed policy: AWS managed (`arn:aws:iam::aws:policy/…`) or customer managed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ManagedPolicy {
    /// The name.
    pub name: String,
    /// The path.
    pub path: String,
    /// `ANPA…`.
    pub policy_id: String,
    /// The ARN.
    pub arn: String,
    /// The default version's id.
    pub default_version_id: String,
    /// All versions.
    pub versions: Vec<PolicyVersion>,
    /// Optional description.
    pub description: Option<String>,
    /// When it was created.
    pub create_date: Timestamp,
    /// When it last changed.
    pub update_date: Timestamp,
    /// True for AWS managed policies.
    pub aws_managed: bool,
}

impl ManagedPolicy {
    /// The default version's document.
    pub fn document(&self) -> Option<&Policy> {
        self.versions
            .iter()
            .find(|v| v.version_id == self.default_version_id)
            .map(|v| &v.document)
    }
}

/// A long-term access key of a user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccessKey {
    /// `AKIA…`.
    pub access_key_id: String,
    /// The 40-character secret.
    pub secret_access_key: String,
    /// `Active` or `Inactive`.
    pub status: String,
    /// When it was created.
    pub create_date: Timestamp,
}

/// An IAM user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct User {
    /// The name as created.
    pub name: String,
    /// The path.
    pub path: String,
    /// `AIDA…`.
    pub user_id: String,
    /// `arn:aws:iam::ACCT:user/PATH/NAME`.
    pub arn: String,
    /// When it was created.
    pub create_date: Timestamp,
    /// Tags.
    pub tags: Vec<Tag>,
    /// ARNs of attached managed policies.
    pub attached_policies: Vec<String>,
    /// Inline policies by name.
    pub inline_policies: BTreeMap<String, Policy>,
    /// The access keys (at most two).
    pub access_keys: Vec<AccessKey>,
    /// The permissions boundary's policy ARN.
    pub permissions_boundary: Option<String>,
}

/// All IAM state of the account. Keys of the name maps are lower-cased names, since IAM
/// names are unique case-insensitively.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IamState {
    /// Roles by lower-cased name.
    pub roles: BTreeMap<String, Role>,
    /// Instance profiles by lower-cased name.
    pub instance_profiles: BTreeMap<String, InstanceProfile>,
    /// Managed policies (AWS and customer) by ARN.
    pub policies: BTreeMap<String, ManagedPolicy>,
    /// Users by lower-cased name.
    pub users: BTreeMap<String, User>,
    /// Access key id → lower-cased user name.
    pub access_key_index: BTreeMap<String, String>,
}

impl IamState {
    /// The role called `name` (any case).
    pub fn role(&self, name: &str) -> Option<&Role> {
        self.roles.get(&name.to_ascii_lowercase())
    }

    /// The instance profile called `name` (any case).
    pub fn instance_profile(&self, name: &str) -> Option<&InstanceProfile> {
        self.instance_profiles.get(&name.to_ascii_lowercase())
    }

    /// The instance profile with this ARN.
    pub fn instance_profile_by_arn(&self, arn: &str) -> Option<&InstanceProfile> {
        self.instance_profiles.values().find(|p| p.arn == arn)
    }

    /// The instance profile with this `AIPA…` id.
    pub fn instance_profile_by_id(&self, id: &str) -> Option<&InstanceProfile> {
        self.instance_profiles
            .values()
            .find(|p| p.instance_profile_id == id)
    }

    /// The user called `name` (any case).
    pub fn user(&self, name: &str) -> Option<&User> {
        self.users.get(&name.to_ascii_lowercase())
    }

    /// The role in a profile, if any.
    pub fn role_of_profile(&self, profile: &InstanceProfile) -> Option<&Role> {
        profile.role.as_ref().and_then(|k| self.roles.get(k))
    }

    /// How many roles and users have this policy attached.
    pub fn attachment_count(&self, arn: &str) -> usize {
        let roles = self
            .roles
            .values()
            .filter(|r| r.attached_policies.iter().any(|a| a == arn))
            .count();
        let users = self
            .users
            .values()
            .filter(|u| u.attached_policies.iter().any(|a| a == arn))
            .count();
        roles + users
    }

    /// The managed and inline policies of a role, named for the evaluator's trace.
    pub fn role_identity_policies<'a>(&'a self, role: &'a Role) -> Vec<(String, &'a Policy)> {
        let mut out = Vec::new();
        for arn in &role.attached_policies {
            if let Some(doc) = self.policies.get(arn).and_then(ManagedPolicy::document) {
                out.push((arn.clone(), doc));
            }
        }
        for (name, doc) in &role.inline_policies {
            out.push((format!("{} (inline in role {})", name, role.name), doc));
        }
        out
    }

    /// The managed and inline policies of a user.
    pub fn user_identity_policies<'a>(&'a self, user: &'a User) -> Vec<(String, &'a Policy)> {
        let mut out = Vec::new();
        for arn in &user.attached_policies {
            if let Some(doc) = self.policies.get(arn).and_then(ManagedPolicy::document) {
                out.push((arn.clone(), doc));
            }
        }
        for (name, doc) in &user.inline_policies {
            out.push((format!("{} (inline in user {})", name, user.name), doc));
        }
        out
    }

    /// A boundary policy's document.
    pub fn boundary(&self, arn: Option<&String>) -> Option<(String, &Policy)> {
        let arn = arn?;
        self.policies
            .get(arn)
            .and_then(ManagedPolicy::document)
            .map(|d| (arn.clone(), d))
    }
}

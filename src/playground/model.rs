//! What the learner edits in the playground, and the edits they can make.
//!
//! Everything here is plain data: the reducer applies a [`PlaygroundAction`]
//! to a [`PlaygroundDoc`] and nothing else happens (storage is an effect).

use serde::{Deserialize, Serialize};

use super::context_keys;
use super::templates::{self, Template};

/// One identity-based policy: a name and its JSON text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityPolicy {
    /// Stable id (for list keys and element ids); never reused in a doc.
    pub id: u32,
    /// The name shown in the explanation.
    pub name: String,
    /// The JSON text, exactly as typed.
    pub text: String,
}

/// A policy that may be switched off (the text is kept while it is off).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionalPolicy {
    /// Whether the policy takes part in the evaluation.
    pub enabled: bool,
    /// The JSON text, exactly as typed.
    pub text: String,
}

/// The optional policy kinds, one editor each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// A resource-based policy (for example a bucket policy).
    Resource,
    /// A permissions boundary on the principal.
    Boundary,
    /// A service control policy of the organisation.
    Scp,
    /// A session policy passed when the role was assumed.
    Session,
}

impl Slot {
    /// Every slot, in the order the page shows them.
    pub const ALL: [Slot; 4] = [Slot::Resource, Slot::Boundary, Slot::Scp, Slot::Session];

    /// A short id for element ids and test ids.
    pub fn key(self) -> &'static str {
        match self {
            Slot::Resource => "resource",
            Slot::Boundary => "boundary",
            Slot::Scp => "scp",
            Slot::Session => "session",
        }
    }

    /// The heading a learner reads.
    pub fn title(self) -> &'static str {
        match self {
            Slot::Resource => "Resource-based policy",
            Slot::Boundary => "Permissions boundary",
            Slot::Scp => "Service control policy (SCP)",
            Slot::Session => "Session policy",
        }
    }
}

/// The request being evaluated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestDoc {
    /// The caller's ARN.
    pub principal: String,
    /// The action, e.g. `s3:PutObject`.
    pub action: String,
    /// The resource ARN, or `*`.
    pub resource: String,
    /// The request context as a JSON object text.
    pub context: String,
}

/// Everything the playground page edits; this is what is stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaygroundDoc {
    /// The principal's identity-based policies.
    pub identity: Vec<IdentityPolicy>,
    /// The resource-based policy.
    pub resource: OptionalPolicy,
    /// The permissions boundary.
    pub boundary: OptionalPolicy,
    /// The service control policy.
    pub scp: OptionalPolicy,
    /// The session policy.
    pub session: OptionalPolicy,
    /// The request.
    pub request: RequestDoc,
    /// The id the next identity policy gets.
    pub next_id: u32,
    /// The resource-based policy is a role's trust policy (evaluated as IAM evaluates
    /// `sts:AssumeRole`: the trust policy itself must name the caller). Saves made before
    /// this field read as `false`.
    #[serde(default)]
    pub resource_is_trust: bool,
}

/// An edit to the playground.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlaygroundAction {
    /// Replace the text of the identity policy with this id.
    SetIdentityText(u32, String),
    /// Rename the identity policy with this id.
    SetIdentityName(u32, String),
    /// Add an empty identity policy.
    AddIdentity,
    /// Add an identity policy from a template (by template id).
    AddTemplate(&'static str),
    /// Remove the identity policy with this id.
    RemoveIdentity(u32),
    /// Switch an optional policy on or off.
    SetEnabled(Slot, bool),
    /// Replace the text of an optional policy.
    SetSlotText(Slot, String),
    /// Mark the resource-based policy as a role's trust policy (or not).
    SetResourceIsTrust(bool),
    /// Set the request's principal ARN.
    SetPrincipal(String),
    /// Set the request's action.
    SetAction(String),
    /// Set the request's resource.
    SetResource(String),
    /// Set the request context's JSON text.
    SetContext(String),
    /// Add a known condition key (by name) with its example value to the context.
    AddContextKey(&'static str),
    /// Go back to the starting example.
    Reset,
}

const EMPTY_POLICY: &str = "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": []\n}";

const EXAMPLE_BUCKET_POLICY: &str = r#"{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "AllowTheRole",
            "Effect": "Allow",
            "Principal": {
                "AWS": "arn:aws:iam::123456789012:role/madhu-test-role"
            },
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::madhu-testing/*"
        }
    ]
}"#;

impl Default for PlaygroundDoc {
    /// The source documents' story: a role with AmazonS3FullAccess, on an
    /// instance, uploading a file to `madhu-testing`.
    fn default() -> Self {
        let template = templates::S3_FULL_ACCESS;
        PlaygroundDoc {
            identity: vec![IdentityPolicy {
                id: 1,
                name: template.policy_name.to_string(),
                text: template.text.to_string(),
            }],
            resource: OptionalPolicy {
                enabled: false,
                text: EXAMPLE_BUCKET_POLICY.to_string(),
            },
            boundary: OptionalPolicy {
                enabled: false,
                text: templates::BUCKET_SCOPED.text.to_string(),
            },
            scp: OptionalPolicy {
                enabled: false,
                text: FULL_ACCESS_SCP.to_string(),
            },
            session: OptionalPolicy {
                enabled: false,
                text: templates::S3_FULL_ACCESS.text.to_string(),
            },
            request: RequestDoc {
                principal:
                    "arn:aws:sts::123456789012:assumed-role/madhu-test-role/i-0a1b2c3d4e5f60718"
                        .to_string(),
                action: "s3:PutObject".to_string(),
                resource: "arn:aws:s3:::madhu-testing/f.txt".to_string(),
                context: "{\n    \"aws:SourceIp\": \"203.0.113.10\"\n}".to_string(),
            },
            next_id: 2,
            resource_is_trust: false,
        }
    }
}

/// The SCP every organisation starts with.
const FULL_ACCESS_SCP: &str = r#"{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "*",
            "Resource": "*"
        }
    ]
}"#;

impl PlaygroundDoc {
    /// The optional policy in a slot.
    pub fn slot(&self, slot: Slot) -> &OptionalPolicy {
        match slot {
            Slot::Resource => &self.resource,
            Slot::Boundary => &self.boundary,
            Slot::Scp => &self.scp,
            Slot::Session => &self.session,
        }
    }

    fn slot_mut(&mut self, slot: Slot) -> &mut OptionalPolicy {
        match slot {
            Slot::Resource => &mut self.resource,
            Slot::Boundary => &mut self.boundary,
            Slot::Scp => &mut self.scp,
            Slot::Session => &mut self.session,
        }
    }

    fn identity_mut(&mut self, id: u32) -> Option<&mut IdentityPolicy> {
        self.identity.iter_mut().find(|p| p.id == id)
    }

    fn push_identity(&mut self, name: String, text: String) {
        let id = self.next_id;
        self.next_id = self.next_id.saturating_add(1);
        self.identity.push(IdentityPolicy { id, name, text });
    }

    /// Applies an edit; returns the new doc, or `None` when nothing changed.
    pub fn apply(&self, action: PlaygroundAction) -> Option<PlaygroundDoc> {
        let mut next = self.clone();
        match action {
            PlaygroundAction::SetIdentityText(id, text) => next.identity_mut(id)?.text = text,
            PlaygroundAction::SetIdentityName(id, name) => next.identity_mut(id)?.name = name,
            PlaygroundAction::AddIdentity => {
                let name = format!("Policy {}", next.next_id);
                next.push_identity(name, EMPTY_POLICY.to_string());
            }
            PlaygroundAction::AddTemplate(id) => {
                let Template {
                    policy_name, text, ..
                } = templates::by_id(id)?;
                next.push_identity(policy_name.to_string(), text.to_string());
            }
            PlaygroundAction::RemoveIdentity(id) => next.identity.retain(|p| p.id != id),
            PlaygroundAction::SetEnabled(slot, on) => next.slot_mut(slot).enabled = on,
            PlaygroundAction::SetSlotText(slot, text) => next.slot_mut(slot).text = text,
            PlaygroundAction::SetResourceIsTrust(on) => next.resource_is_trust = on,
            PlaygroundAction::SetPrincipal(v) => next.request.principal = v,
            PlaygroundAction::SetAction(v) => next.request.action = v,
            PlaygroundAction::SetResource(v) => next.request.resource = v,
            PlaygroundAction::SetContext(v) => next.request.context = v,
            PlaygroundAction::AddContextKey(key) => {
                let value = context_keys::example(key)?;
                next.request.context = context_keys::with_key(&next.request.context, key, value)?;
            }
            PlaygroundAction::Reset => next = PlaygroundDoc::default(),
        }
        (next != *self).then_some(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adding_and_removing_identity_policies_keeps_ids_unique() {
        let doc = PlaygroundDoc::default();
        let doc = doc.apply(PlaygroundAction::AddIdentity).unwrap();
        let doc = doc
            .apply(PlaygroundAction::AddTemplate("deny-outside-ip"))
            .unwrap();
        let ids: Vec<u32> = doc.identity.iter().map(|p| p.id).collect();
        assert_eq!(ids, vec![1, 2, 3]);
        assert_eq!(doc.identity[2].name, "deny-outside-corporate-network");
        let doc = doc.apply(PlaygroundAction::RemoveIdentity(2)).unwrap();
        let doc = doc.apply(PlaygroundAction::AddIdentity).unwrap();
        let ids: Vec<u32> = doc.identity.iter().map(|p| p.id).collect();
        assert_eq!(ids, vec![1, 3, 4]);
        assert_eq!(doc.identity[2].name, "Policy 4");
    }

    #[test]
    fn a_no_op_edit_reports_no_change() {
        let doc = PlaygroundDoc::default();
        let same = doc.request.action.clone();
        assert_eq!(doc.apply(PlaygroundAction::SetAction(same)), None);
        assert_eq!(doc.apply(PlaygroundAction::RemoveIdentity(99)), None);
        assert_eq!(doc.apply(PlaygroundAction::AddTemplate("nope")), None);
        assert_eq!(doc.apply(PlaygroundAction::Reset), None);
    }

    #[test]
    fn adding_a_context_key_keeps_the_others() {
        let doc = PlaygroundDoc::default()
            .apply(PlaygroundAction::AddContextKey("aws:username"))
            .unwrap();
        assert_eq!(
            doc.request.context,
            "{\n    \"aws:SourceIp\": \"203.0.113.10\",\n    \"aws:username\": \"madhu\"\n}"
        );
        assert_eq!(
            doc.apply(PlaygroundAction::AddContextKey("aws:username")),
            None
        );
    }

    #[test]
    fn switching_a_slot_off_keeps_its_text() {
        let doc = PlaygroundDoc::default();
        let on = doc
            .apply(PlaygroundAction::SetEnabled(Slot::Boundary, true))
            .unwrap();
        let edited = on
            .apply(PlaygroundAction::SetSlotText(Slot::Boundary, "{".into()))
            .unwrap();
        let off = edited
            .apply(PlaygroundAction::SetEnabled(Slot::Boundary, false))
            .unwrap();
        assert!(!off.slot(Slot::Boundary).enabled);
        assert_eq!(off.slot(Slot::Boundary).text, "{");
    }
}

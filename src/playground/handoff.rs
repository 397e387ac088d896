//! "Evaluate this": a policy seen on the world page, opened in the playground.
//!
//! The world bundle writes a [`Handoff`] under [`HANDOFF_KEY`] and goes to `#/playground`
//! (which loads the playground bundle). At start the playground takes the hand-off, keeps
//! the learner's own playground under [`PREVIOUS_KEY`] so it can be restored, and says what
//! was loaded. Nothing the learner typed is lost: a playground that is itself an unedited
//! hand-off is not kept over the one kept before it.

use serde::{Deserialize, Serialize};

use super::model::{IdentityPolicy, OptionalPolicy, PlaygroundDoc, RequestDoc};

/// Where the world page leaves a policy for the playground.
pub const HANDOFF_KEY: &str = "iamsim.playground.v1.handoff";

/// Where the learner's own playground is kept while a hand-off is shown.
pub const PREVIOUS_KEY: &str = "iamsim.playground.v1.previous";

/// The saved text of the last hand-off loaded (to tell an unedited hand-off apart).
pub const LOADED_KEY: &str = "iamsim.playground.v1.handoff-loaded";

/// A policy (or a role's set of policies) sent from the world page, with a request to try.
/// Only what differs from the playground's example travels; the playground bundle builds
/// the full playground ([`Handoff::doc`]), so the world bundle carries none of its texts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handoff {
    /// What was sent, for the notice: "the permission policies of role app-role".
    pub title: String,
    /// Identity-based policies: (name, JSON text).
    pub identity: Vec<(String, String)>,
    /// The resource-based policy's text, switched on when present.
    pub resource: Option<String>,
    /// The resource-based policy is a role's trust policy.
    pub trust: bool,
    /// The caller's ARN (or service principal).
    pub principal: String,
    /// The action.
    pub action: String,
    /// The resource ARN.
    pub resource_arn: String,
}

impl Handoff {
    /// The playground to show: these policies and this request, every other policy
    /// switched off (their example texts kept).
    pub fn doc(&self) -> PlaygroundDoc {
        let base = PlaygroundDoc::default();
        let identity: Vec<IdentityPolicy> = self
            .identity
            .iter()
            .zip(1u32..)
            .map(|((name, text), id)| IdentityPolicy {
                id,
                name: name.clone(),
                text: text.clone(),
            })
            .collect();
        let next_id = u32::try_from(identity.len())
            .unwrap_or(u32::MAX)
            .saturating_add(1);
        PlaygroundDoc {
            identity,
            resource: match &self.resource {
                Some(text) => OptionalPolicy {
                    enabled: true,
                    text: text.clone(),
                },
                None => OptionalPolicy {
                    enabled: false,
                    ..base.resource
                },
            },
            request: RequestDoc {
                principal: self.principal.clone(),
                action: self.action.clone(),
                resource: self.resource_arn.clone(),
                context: base.request.context,
            },
            next_id,
            resource_is_trust: self.trust,
            ..base
        }
    }
}

/// The text to store under [`HANDOFF_KEY`].
pub fn encode(handoff: &Handoff) -> String {
    serde_json::to_string(handoff).unwrap_or_default()
}

/// Reads a hand-off; `None` when the text is not one (it is then ignored).
pub fn decode(text: &str) -> Option<Handoff> {
    serde_json::from_str(text).ok()
}

/// The sentence shown in the playground after a hand-off.
pub fn notice(handoff: &Handoff, kept_previous: bool) -> String {
    let kept = if kept_previous {
        " Your own playground is kept: \"Restore my playground\" brings it back."
    } else {
        ""
    };
    format!(
        "Loaded {} from the instance story, with a request to try.{kept}",
        handoff.title
    )
}

/// What the playground does with a hand-off at start: what to show, and what to store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arrival {
    /// The playground to show (the hand-off's).
    pub doc: PlaygroundDoc,
    /// The learner's own playground, restorable.
    pub previous: Option<PlaygroundDoc>,
    /// What to tell the learner.
    pub notice: String,
    /// Text to store under [`PREVIOUS_KEY`] (the learner's own saved playground), if it
    /// changed.
    pub keep: Option<String>,
    /// Text to store under the playground's key and under [`LOADED_KEY`].
    pub loaded: String,
}

/// Takes a hand-off: `saved` is the playground's saved text, `loaded_before` the text of
/// the last hand-off loaded and `kept_before` what [`PREVIOUS_KEY`] holds. A saved
/// playground that is the unedited last hand-off is not the learner's: the one kept
/// before it stays. `None` when `text` is not a hand-off.
pub fn arrive(
    text: &str,
    saved: Option<&str>,
    loaded_before: Option<&str>,
    kept_before: Option<&str>,
) -> Option<Arrival> {
    let handoff = decode(text)?;
    let doc = handoff.doc();
    let keep = saved
        .filter(|s| Some(*s) != loaded_before)
        .map(str::to_string);
    let own = keep.as_deref().or(kept_before);
    let previous = match super::storage::decode(own) {
        super::storage::Loaded::Doc(doc) => Some(*doc),
        _ => None,
    };
    Some(Arrival {
        notice: notice(&handoff, previous.is_some()),
        loaded: super::storage::encode(&doc),
        doc,
        previous,
        keep,
    })
}

/// The ARN of a role's session on an instance, as S3 sees the caller.
pub fn session_arn(account: &str, role: &str, instance_id: &str) -> String {
    format!("arn:aws:sts::{account}:assumed-role/{role}/{instance_id}")
}

/// A role's permission policies (name, JSON text), tried with an upload to `bucket` by the
/// role's session `principal`.
pub fn role_permissions(
    role: &str,
    policies: Vec<(String, String)>,
    principal: String,
    bucket: &str,
) -> Handoff {
    Handoff {
        title: format!("the permission policies of role {role}"),
        identity: policies,
        resource: None,
        trust: false,
        principal,
        action: "s3:PutObject".to_string(),
        resource_arn: format!("arn:aws:s3:::{bucket}/f.txt"),
    }
}

/// A role's trust policy, tried with EC2 assuming the role (as it does for an instance).
/// A trust policy is the role's resource-based policy.
pub fn trust_policy(role: &str, role_arn: &str, text: String) -> Handoff {
    Handoff {
        title: format!("the trust policy of role {role}"),
        identity: Vec::new(),
        resource: Some(text),
        trust: true,
        principal: "ec2.amazonaws.com".to_string(),
        action: "sts:AssumeRole".to_string(),
        resource_arn: role_arn.to_string(),
    }
}

/// A bucket policy, tried with an upload by `principal`.
pub fn bucket_policy(bucket: &str, text: String, principal: String) -> Handoff {
    Handoff {
        title: format!("the bucket policy of {bucket}"),
        identity: Vec::new(),
        resource: Some(text),
        trust: false,
        principal,
        action: "s3:PutObject".to_string(),
        resource_arn: format!("arn:aws:s3:::{bucket}/f.txt"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playground::analysis::analyse;
    use iamsim_engine::policy::Decision;

    const S3_WRITE: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*"}]}"#;
    const READ_ONLY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"*"}]}"#;
    const TRUST_EC2: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
    const TRUST_LAMBDA: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;

    fn decision(h: &Handoff) -> Option<Decision> {
        analyse(&h.doc()).evaluation.map(|e| e.decision)
    }

    #[test]
    fn a_role_s_permissions_decide_its_upload() {
        let principal = session_arn("123456789012", "app", "i-0123456789abcdef0");
        let allowed = role_permissions(
            "app",
            vec![("write".into(), S3_WRITE.into())],
            principal.clone(),
            "b",
        );
        assert_eq!(decision(&allowed), Some(Decision::Allow));
        assert_eq!(allowed.doc().identity.len(), 1);
        assert_eq!(allowed.doc().next_id, 2);
        assert!(!allowed.doc().resource.enabled);
        let denied = role_permissions("app", vec![("ro".into(), READ_ONLY.into())], principal, "b");
        assert_eq!(decision(&denied), Some(Decision::ImplicitDeny));
        assert_eq!(denied.title, "the permission policies of role app");
    }

    #[test]
    fn a_trust_policy_decides_whether_ec2_may_assume_the_role() {
        let arn = "arn:aws:iam::123456789012:role/app";
        assert_eq!(
            decision(&trust_policy("app", arn, TRUST_EC2.into())),
            Some(Decision::Allow)
        );
        assert_eq!(
            decision(&trust_policy("app", arn, TRUST_LAMBDA.into())),
            Some(Decision::ImplicitDeny)
        );
    }

    #[test]
    fn a_bucket_policy_is_the_resource_policy() {
        let h = bucket_policy(
            "b",
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::b/*"}]}"#.into(),
            session_arn("123456789012", "app", "i-0123456789abcdef0"),
        );
        assert!(h.doc().resource.enabled);
        assert_eq!(decision(&h), Some(Decision::ExplicitDeny));
    }

    #[test]
    fn the_learner_s_own_playground_is_kept_across_hand_offs() {
        use crate::playground::storage::encode as save;
        let mine = save(&PlaygroundDoc {
            next_id: 7,
            ..PlaygroundDoc::default()
        });
        let first = encode(&trust_policy(
            "a",
            "arn:aws:iam::123456789012:role/a",
            TRUST_EC2.into(),
        ));
        let a = arrive(&first, Some(&mine), None, None).unwrap();
        assert_eq!(a.keep.as_deref(), Some(mine.as_str()));
        assert_eq!(a.previous.as_ref().map(|d| d.next_id), Some(7));
        assert!(a.doc.resource_is_trust);
        // A second hand-off while the first is shown unedited keeps the learner's.
        let second = encode(&trust_policy(
            "b",
            "arn:aws:iam::123456789012:role/b",
            TRUST_EC2.into(),
        ));
        let b = arrive(&second, Some(&a.loaded), Some(&a.loaded), Some(&mine)).unwrap();
        assert_eq!(b.keep, None);
        assert_eq!(b.previous.as_ref().map(|d| d.next_id), Some(7));
        assert!(
            b.notice
                .ends_with("\"Restore my playground\" brings it back.")
        );
        // Nothing saved, nothing kept: nothing to restore.
        let c = arrive(&first, None, None, None).unwrap();
        assert_eq!(c.previous, None);
        assert_eq!(
            c.notice,
            "Loaded the trust policy of role a from the instance story, with a request to try."
        );
        assert_eq!(arrive("{", Some(&mine), None, None), None);
    }

    #[test]
    fn round_trips_and_ignores_other_text() {
        let h = trust_policy(
            "app",
            "arn:aws:iam::123456789012:role/app",
            TRUST_EC2.into(),
        );
        assert_eq!(decode(&encode(&h)), Some(h.clone()));
        assert_eq!(decode("{not json"), None);
        assert_eq!(
            notice(&h, true),
            "Loaded the trust policy of role app from the instance story, with a request to \
             try. Your own playground is kept: \"Restore my playground\" brings it back."
        );
    }
}

//! STS: role sessions and their temporary credentials (`ASIA…`).
//!
//! `AssumeRole` evaluates the role's trust policy (as a trust policy) together with the
//! caller's identity policies; `GetCallerIdentity` needs no permission. The EC2 service
//! assumes instance roles through [`World::issue_session`] too.

use crate::clock::Timestamp;
use crate::error::{ApiError, AwsError};
use crate::idmap::IdTree;
use crate::ids::{IdGen, IdPrefix};
use crate::policy::{Policy, PolicyUse};
use crate::world::World;
use crate::world::auth::{CallCtx, CallerKind, ResourcePolicy};
use crate::world::params::Params;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::borrow::Cow;

/// A role session: the temporary credentials and who they stand for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// `ASIA…`.
    pub access_key_id: String,
    /// The secret and the token ([`Session::secret_access_key`], [`Session::session_token`]),
    /// saved as the fields `secret_access_key` and `session_token`.
    #[serde(flatten)]
    secrets: SessionSecrets,
    /// When it was issued.
    pub issued: Timestamp,
    /// When it expires.
    pub expiration: Timestamp,
    /// The role's lower-cased name (key in the IAM state).
    pub role_key: String,
    /// The role's name.
    pub role_name: String,
    /// The role's `AROA…` id at issue time.
    pub role_id: String,
    /// The role's ARN.
    pub role_arn: String,
    /// The session name (the instance id for instance credentials).
    pub session_name: String,
    /// `arn:aws:sts::ACCT:assumed-role/ROLE/SESSION`.
    pub arn: String,
    /// For instance credentials: `arn:aws:ec2:REGION:ACCT:instance/i-…`.
    pub source_instance_arn: Option<String>,
    /// For instance credentials: `1.0` (IMDSv1) or `2.0` (IMDSv2).
    pub role_delivery: Option<String>,
    /// The session policy passed to AssumeRole, if any.
    pub session_policy: Option<Policy>,
}

impl Session {
    /// The secret and the token.
    pub(crate) fn secrets(&self) -> &SessionSecrets {
        &self.secrets
    }

    /// The secret access key.
    pub fn secret_access_key(&self) -> Cow<'_, str> {
        self.secrets.secret_access_key()
    }

    /// The session token.
    pub fn session_token(&self) -> Cow<'_, str> {
        self.secrets.session_token()
    }
}

impl SessionSecrets {
    /// The secret access key.
    pub(crate) fn secret_access_key(&self) -> Cow<'_, str> {
        match self {
            SessionSecrets::Drawn(state) => Cow::Owned(IdGen::secret_at(*state)),
            SessionSecrets::Text {
                secret_access_key, ..
            } => Cow::Borrowed(secret_access_key),
        }
    }

    /// The session token.
    pub(crate) fn session_token(&self) -> Cow<'_, str> {
        match self {
            SessionSecrets::Drawn(state) => Cow::Owned(IdGen::token_at(*state)),
            SessionSecrets::Text { session_token, .. } => Cow::Borrowed(session_token),
        }
    }
}

/// A session's secret access key and token. The EC2 service issues two sessions per
/// instance per hour and most are never read, so they are drawn from the id generator
/// without being rendered ([`IdGen::skip_session_secrets`]: the generator moves on just as
/// far) and rendered when read; a loaded world holds them as text. Saved as the two strings
/// either way, and two are equal when their texts are.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(into = "SecretsText", from = "SecretsText")]
pub(crate) enum SessionSecrets {
    /// The generator's state before the secret was drawn.
    Drawn(u64),
    /// As text.
    Text {
        secret_access_key: String,
        session_token: String,
    },
}

/// [`SessionSecrets`] as saved.
#[derive(Serialize, Deserialize)]
struct SecretsText {
    secret_access_key: String,
    session_token: String,
}

impl From<SessionSecrets> for SecretsText {
    fn from(secrets: SessionSecrets) -> Self {
        match secrets {
            SessionSecrets::Drawn(state) => SecretsText {
                secret_access_key: IdGen::secret_at(state),
                session_token: IdGen::token_at(state),
            },
            SessionSecrets::Text {
                secret_access_key,
                session_token,
            } => SecretsText {
                secret_access_key,
                session_token,
            },
        }
    }
}

impl From<SecretsText> for SessionSecrets {
    fn from(text: SecretsText) -> Self {
        SessionSecrets::Text {
            secret_access_key: text.secret_access_key,
            session_token: text.session_token,
        }
    }
}

impl PartialEq for SessionSecrets {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (SessionSecrets::Drawn(a), SessionSecrets::Drawn(b)) if a == b => true,
            _ => {
                let (a, b) = (
                    SecretsText::from(self.clone()),
                    SecretsText::from(other.clone()),
                );
                a.secret_access_key == b.secret_access_key && a.session_token == b.session_token
            }
        }
    }
}

/// All STS state.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StsState {
    /// Sessions by access key id (expired ones are kept, so they answer `ExpiredToken`).
    pub sessions: Sessions,
}

/// Sessions by access key id, in the ids' order; saved as a JSON object of id → session.
///
/// The EC2 service adds two sessions per instance per hour, so the map is built for that:
/// an [`IdTree`] (ids compared as numbers, values boxed).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Sessions {
    map: IdTree<Session>,
}

impl Sessions {
    /// The session of this access key id.
    pub fn get(&self, access_key_id: &str) -> Option<&Session> {
        self.map.get(access_key_id)
    }

    /// Whether a session has this access key id.
    pub fn contains_key(&self, access_key_id: &str) -> bool {
        self.map.contains_key(access_key_id)
    }

    /// How many sessions.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The sessions, by access key id.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Session> + ExactSizeIterator {
        self.map.values()
    }

    /// Adds a session under its access key id (replacing one with the same id).
    pub(crate) fn insert(&mut self, session: Session) {
        self.map.insert_by(session, |s| s.access_key_id.as_str());
    }
}

/// What [`World::issue_session`] needs to know.
pub(crate) struct SessionRequest<'a> {
    pub role_key: &'a str,
    pub session_name: &'a str,
    pub duration: u64,
    pub source_instance_arn: Option<String>,
    pub role_delivery: Option<&'a str>,
    pub session_policy: Option<Policy>,
}

/// `arn:aws:sts::ACCT:assumed-role/ROLE/SESSION`.
fn assumed_role_arn(account: &str, role_name: &str, session_name: &str) -> String {
    let mut arn = String::with_capacity(29 + account.len() + role_name.len() + session_name.len());
    for part in [
        "arn:aws:sts::",
        account,
        ":assumed-role/",
        role_name,
        "/",
        session_name,
    ] {
        arn.push_str(part);
    }
    arn
}

/// `[\w+=,.@-]*`
fn is_session_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "_+=,.@-".contains(c)
}

impl World {
    /// Issues temporary credentials for a role; returns the new session's access key id.
    pub(crate) fn issue_session(&mut self, request: SessionRequest<'_>) -> Option<String> {
        let session = self.new_session(request)?;
        let access_key_id = session.access_key_id.clone();
        self.sts.sessions.insert(session);
        Some(access_key_id)
    }

    /// Draws the keys of a new session for a role (the caller records it).
    pub(crate) fn new_session(&mut self, request: SessionRequest<'_>) -> Option<Session> {
        let role = self.iam.roles.get(request.role_key)?;
        let (role_name, role_id, role_arn) =
            (role.name.clone(), role.role_id.clone(), role.arn.clone());
        let access_key_id = self.ids.unique_id(IdPrefix::TemporaryAccessKey);
        let secrets = SessionSecrets::Drawn(self.ids.skip_session_secrets());
        let now = self.now();
        Some(Session {
            access_key_id,
            secrets,
            issued: now,
            expiration: now.plus(request.duration),
            role_key: request.role_key.to_string(),
            arn: assumed_role_arn(&self.account, &role_name, request.session_name),
            role_name,
            role_id,
            role_arn,
            session_name: request.session_name.to_string(),
            source_instance_arn: request.source_instance_arn,
            role_delivery: request.role_delivery.map(str::to_string),
            session_policy: request.session_policy,
        })
    }

    /// `sts:AssumeRole`.
    pub(crate) fn sts_assume_role(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let role_arn = p.str("RoleArn")?;
        let session_name = p.str("RoleSessionName")?;
        let duration = p.opt_i64("DurationSeconds")?;
        if session_name.len() < 2 {
            return Err(AwsError::too_short(session_name, "roleSessionName", 2).into());
        }
        if session_name.len() > 64 {
            return Err(AwsError::too_long(session_name, "roleSessionName", 64).into());
        }
        if !session_name.chars().all(is_session_name_char) {
            return Err(AwsError::pattern(session_name, "roleSessionName", "[\\w+=,.@-]*").into());
        }
        if let Some(d) = duration {
            if d < 900 {
                return Err(AwsError::too_small(d, "durationSeconds", 900).into());
            }
            if d > 43_200 {
                return Err(AwsError::too_large(d, "durationSeconds", 43_200).into());
            }
        }
        let session_policy = match p.opt_str("Policy")? {
            Some(text) => Some(
                Policy::parse_for(text, PolicyUse::Session)
                    .map_err(|e| AwsError::MalformedPolicyDocument(e.message))?,
            ),
            None => None,
        };
        // The role is found by ARN; an unknown role is denied like one that does not trust you.
        let role_key = self
            .iam
            .roles
            .iter()
            .find(|(_, r)| r.arn == role_arn)
            .map(|(k, _)| k.clone());
        let evaluation = self.authorize(
            &cx.caller,
            "sts:AssumeRole",
            role_arn,
            role_key
                .as_deref()
                .map_or(ResourcePolicy::None, ResourcePolicy::Trust),
            &[],
        );
        cx.auths.push(crate::event::Authorization {
            action: "sts:AssumeRole".to_string(),
            resource: role_arn.to_string(),
            evaluation: evaluation.clone(),
        });
        let Some(role_key) = role_key.filter(|_| evaluation.is_allowed()) else {
            return Err(ApiError::denied(
                AwsError::assume_role_denied(&cx.caller.arn, role_arn),
                evaluation,
            ));
        };
        let max = self
            .iam
            .roles
            .get(&role_key)
            .map_or(3600, |r| i64::from(r.max_session_duration));
        let duration = duration.unwrap_or(3600);
        if duration > max {
            return Err(AwsError::ValidationError(
                "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."
                    .to_string(),
            )
            .into());
        }
        let Some(key) = self.issue_session(crate::sts::SessionRequest {
            role_key: &role_key,
            session_name,
            duration: u64::try_from(duration).unwrap_or(3600),
            source_instance_arn: None,
            role_delivery: None,
            session_policy,
        }) else {
            return Err(AwsError::no_such_role(role_arn).into());
        };
        let Some(s) = self.sts.sessions.get(&key) else {
            return Err(AwsError::no_such_role(role_arn).into());
        };
        Ok(json!({
            "Credentials": {
                "AccessKeyId": s.access_key_id,
                "SecretAccessKey": s.secret_access_key(),
                "SessionToken": s.session_token(),
                "Expiration": s.expiration.iso_offset(),
            },
            "AssumedRoleUser": {
                "AssumedRoleId": format!("{}:{}", s.role_id, s.session_name),
                "Arn": s.arn,
            }
        }))
    }

    /// `sts:GetCallerIdentity`: needs no permission.
    pub(crate) fn sts_get_caller_identity(&mut self, cx: &mut CallCtx) -> Result<Value, ApiError> {
        let user_id = match &cx.caller.kind {
            CallerKind::User(_) | CallerKind::Session(_) => cx.caller.principal_id.clone(),
        };
        Ok(json!({
            "UserId": user_id,
            "Account": self.account,
            "Arn": cx.caller.arn,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(id: &str) -> Session {
        Session {
            access_key_id: id.to_string(),
            secrets: SessionSecrets::Text {
                secret_access_key: "s".to_string(),
                session_token: "t".to_string(),
            },
            issued: Timestamp::default(),
            expiration: Timestamp::default(),
            role_key: "r".to_string(),
            role_name: "R".to_string(),
            role_id: "AROA".to_string(),
            role_arn: "arn:aws:iam::1:role/R".to_string(),
            session_name: "n".to_string(),
            arn: "arn:aws:sts::1:assumed-role/R/n".to_string(),
            source_instance_arn: None,
            role_delivery: None,
            session_policy: None,
        }
    }

    #[test]
    fn sessions_keep_the_text_order_of_their_ids_and_save_as_an_object() {
        let ids = [
            "ASIAZZZZZZZZZZZZZZZZ",
            "ASIA2AAAAAAAAAAAAAAA",
            "AKIAODD",
            "ASIAAAAAAAAAAAAAAAAA",
            "ASIAAAAAAAAAAAAAAAAAB",
            "ASIA",
        ];
        let mut sessions = Sessions::default();
        for id in ids {
            sessions.insert(session(id));
        }
        let mut sorted = ids.to_vec();
        sorted.sort_unstable();
        let order: Vec<&str> = sessions
            .values()
            .map(|s| s.access_key_id.as_str())
            .collect();
        assert_eq!(order, sorted);
        assert_eq!(sessions.len(), 6);
        assert!(sessions.contains_key("AKIAODD"));
        assert_eq!(
            sessions
                .get("ASIA2AAAAAAAAAAAAAAA")
                .map(|s| s.role_name.as_str()),
            Some("R")
        );
        assert!(sessions.get("ASIA2AAAAAAAAAAAAAAB").is_none());
        let json = serde_json::to_value(&sessions).unwrap();
        let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
        assert_eq!(keys, sorted);
        let back: Sessions = serde_json::from_value(json).unwrap();
        assert_eq!(back, sessions);
    }
}

//! The decision for one request, following IUG "Policy evaluation logic"
//! (DOMAIN.md §7):
//!
//! 1. An applicable `Deny` in any policy (SCP, resource, identity, boundary,
//!    session) denies.
//! 2. When SCPs are given, every level must allow.
//! 3. A resource policy in the same account that allows the caller's own ARN
//!    (user, session) or everyone grants by itself. One that allows the
//!    caller's role ARN (for an assumed-role session) makes identity policies
//!    unnecessary, but the boundary and session policy still limit it. One
//!    that names only the account delegates to the identity side.
//! 4. Across accounts, both the resource policy and the identity side must
//!    allow.
//! 5. The identity side: an identity policy must allow; a boundary, when
//!    present, must allow; a session policy, when present, must allow.
//! 6. For `sts:AssumeRole` (`resource_is_trust_policy`), the trust policy must
//!    allow; if it names the caller only through its account (or `*`), or the
//!    caller is in another account, the identity side must allow too.
//!
//! `sts:GetCallerIdentity` is always allowed. The account root user is
//! allowed everything in its own account unless an explicit deny or an SCP
//! says otherwise.
//!
//! Choices where the IAM User Guide is silent: a resource policy that allows
//! `*` grants by itself in the same account (but a trust policy allowing `*`
//! still needs the identity side); when several policy types deny, the
//! reported one is the first of SCP, resource, identity, boundary, session;
//! with only the identity side missing in a cross-account request, the
//! identity side is reported before the resource policy.

use serde::{Deserialize, Serialize};

use super::context::RequestContext;
use super::document::{Effect, Policy, Statement};
use super::explain::{ConditionTrace, PolicyTrace, StatementTrace};
use super::principal::{PrincipalMatch, account_of};

/// One request to authorize.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    /// ARN of the caller (user, role, assumed-role session, root) or a
    /// service principal such as `ec2.amazonaws.com`.
    pub principal: &'a str,
    /// The action, e.g. `s3:PutObject`.
    pub action: &'a str,
    /// The resource ARN, e.g. `arn:aws:s3:::bucket/key`, or `*`.
    pub resource: &'a str,
    /// The request context (aws:username, aws:SourceIp, ...).
    pub context: &'a RequestContext,
    /// The account owning the resource; None = the account in the resource
    /// ARN, else `aws:ResourceAccount` in the context, else the caller's.
    pub resource_account: Option<&'a str>,
}

/// A policy with the name shown in explanations.
#[derive(Clone, Copy, Debug)]
pub struct NamedPolicy<'a> {
    /// Policy name or ARN.
    pub name: &'a str,
    /// The parsed policy.
    pub policy: &'a Policy,
}

/// All policies that apply to one request.
#[derive(Clone, Debug, Default)]
pub struct PolicySet<'a> {
    /// Managed and inline policies of the principal.
    pub identity: Vec<NamedPolicy<'a>>,
    /// A bucket policy, or a role's trust policy for `sts:AssumeRole`.
    pub resource: Option<NamedPolicy<'a>>,
    /// True when `resource` is a role trust policy (AssumeRole rules).
    pub resource_is_trust_policy: bool,
    /// The principal's permissions boundary.
    pub boundary: Option<NamedPolicy<'a>>,
    /// One SCP per organization level, root first; each level must allow.
    pub scps: Vec<NamedPolicy<'a>>,
    /// The session policy of an assumed-role session.
    pub session: Option<NamedPolicy<'a>>,
}

/// The final decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Decision {
    /// The request is allowed.
    Allow,
    /// A `Deny` statement applies.
    ExplicitDeny,
    /// Nothing (or not everything required) allows it.
    ImplicitDeny,
}

/// The kinds of policy that take part in a decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PolicyType {
    /// Identity-based policy.
    Identity,
    /// Resource-based policy (including a role trust policy).
    Resource,
    /// Permissions boundary.
    PermissionsBoundary,
    /// Service control policy.
    ServiceControl,
    /// Session policy.
    Session,
}

impl PolicyType {
    /// The phrase AWS uses in its messages, without article.
    pub fn phrase(self) -> &'static str {
        match self {
            PolicyType::Identity => "identity-based policy",
            PolicyType::Resource => "resource-based policy",
            PolicyType::PermissionsBoundary => "permissions boundary",
            PolicyType::ServiceControl => "service control policy",
            PolicyType::Session => "session policy",
        }
    }

    /// A short label for explanations.
    pub fn label(self) -> &'static str {
        match self {
            PolicyType::Identity => "identity",
            PolicyType::Resource => "resource",
            PolicyType::PermissionsBoundary => "boundary",
            PolicyType::ServiceControl => "scp",
            PolicyType::Session => "session",
        }
    }

    fn article(self) -> &'static str {
        match self {
            PolicyType::Identity => "an",
            _ => "a",
        }
    }
}

/// The decision with what decided it and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Allow, explicit deny or implicit deny.
    pub decision: Decision,
    /// The policy type whose deny or allow decided, or which failed to allow.
    pub decided_by: Option<PolicyType>,
    /// Every policy and statement considered.
    pub trace: Vec<PolicyTrace>,
    /// The action evaluated (used in [`Evaluation::reason`]).
    pub action: String,
}

impl Evaluation {
    /// The trace as indented text (see [`crate::policy::render`]).
    pub fn explain(&self) -> String {
        super::explain::render(&self.trace)
    }

    /// True for [`Decision::Allow`].
    pub fn is_allowed(&self) -> bool {
        self.decision == Decision::Allow
    }

    /// AWS's phrase for a denial, None for Allow: "because no identity-based
    /// policy allows the s3:PutObject action", "with an explicit deny in a
    /// resource-based policy", ...
    pub fn reason(&self) -> Option<String> {
        let kind = self.decided_by.unwrap_or(PolicyType::Identity);
        match self.decision {
            Decision::Allow => None,
            Decision::ExplicitDeny => Some(format!(
                "with an explicit deny in {} {}",
                kind.article(),
                kind.phrase()
            )),
            Decision::ImplicitDeny => Some(format!(
                "because no {} allows the {} action",
                kind.phrase(),
                self.action
            )),
        }
    }
}

/// What one policy says about the request.
#[derive(Clone, Copy, Debug, Default)]
struct Verdict {
    allow: bool,
    deny: bool,
    /// The most specific principal match among applicable Allow statements.
    allow_principal: Option<PrincipalMatch>,
}

/// Decides a request.
pub fn evaluate(request: &Request<'_>, policies: &PolicySet<'_>) -> Evaluation {
    let count = policies.identity.len()
        + policies.scps.len()
        + usize::from(policies.resource.is_some())
        + usize::from(policies.boundary.is_some())
        + usize::from(policies.session.is_some());
    let mut trace = Vec::with_capacity(count);
    let has_boundary = policies.boundary.is_some();
    let mut judge = |ty: PolicyType, p: &NamedPolicy<'_>| {
        judge_policy(ty, p, request, has_boundary, &mut trace)
    };
    let scps: Vec<Verdict> = policies
        .scps
        .iter()
        .map(|p| judge(PolicyType::ServiceControl, p))
        .collect();
    let resource = policies
        .resource
        .as_ref()
        .map(|p| judge(PolicyType::Resource, p));
    let identity = policies
        .identity
        .iter()
        .map(|p| judge(PolicyType::Identity, p))
        .fold(Verdict::default(), |a, v| Verdict {
            allow: a.allow || v.allow,
            deny: a.deny || v.deny,
            allow_principal: None,
        });
    let boundary = policies
        .boundary
        .as_ref()
        .map(|p| judge(PolicyType::PermissionsBoundary, p));
    let session = policies
        .session
        .as_ref()
        .map(|p| judge(PolicyType::Session, p));

    let (decision, decided_by) = decide(
        request, policies, &scps, resource, identity, boundary, session,
    );
    Evaluation {
        decision,
        decided_by,
        trace,
        action: request.action.to_owned(),
    }
}

fn decide(
    request: &Request<'_>,
    policies: &PolicySet<'_>,
    scps: &[Verdict],
    resource: Option<Verdict>,
    identity: Verdict,
    boundary: Option<Verdict>,
    session: Option<Verdict>,
) -> (Decision, Option<PolicyType>) {
    use Decision::{Allow, ExplicitDeny, ImplicitDeny};
    if request.action.eq_ignore_ascii_case("sts:GetCallerIdentity") {
        return (Allow, None);
    }
    // 1. Explicit deny anywhere.
    let denies = [
        (scps.iter().any(|v| v.deny), PolicyType::ServiceControl),
        (resource.is_some_and(|v| v.deny), PolicyType::Resource),
        (identity.deny, PolicyType::Identity),
        (
            boundary.is_some_and(|v| v.deny),
            PolicyType::PermissionsBoundary,
        ),
        (session.is_some_and(|v| v.deny), PolicyType::Session),
    ];
    if let Some((_, ty)) = denies.iter().find(|(d, _)| *d) {
        return (ExplicitDeny, Some(*ty));
    }
    // 2. Every SCP level must allow.
    if scps.iter().any(|v| !v.allow) {
        return (ImplicitDeny, Some(PolicyType::ServiceControl));
    }
    // 3-6. Resource policy and identity side.
    let caller_account = account_of(request.principal);
    let same_account = match caller_account {
        Some(acct) => resource_account(request, acct) == acct,
        // Service principals have no account: a resource policy naming them grants.
        None => true,
    };
    // The account root user has full access to its own account's resources,
    // and its identity side allows everything (roles cannot be assumed by it).
    let root = is_root(request.principal) && !policies.resource_is_trust_policy;
    if same_account && root {
        return (Allow, None);
    }
    let resource_match = resource.and_then(|v| v.allow.then_some(v.allow_principal).flatten());
    let trust = policies.resource_is_trust_policy;
    if trust && resource_match.is_none() {
        return (ImplicitDeny, Some(PolicyType::Resource));
    }
    let limits_apply = |granted_by: PolicyType| -> (Decision, Option<PolicyType>) {
        if boundary.is_some_and(|v| !v.allow) {
            return (ImplicitDeny, Some(PolicyType::PermissionsBoundary));
        }
        if session.is_some_and(|v| !v.allow) {
            return (ImplicitDeny, Some(PolicyType::Session));
        }
        (Allow, Some(granted_by))
    };
    if same_account {
        match resource_match {
            Some(PrincipalMatch::Exact) => return (Allow, Some(PolicyType::Resource)),
            Some(PrincipalMatch::Anyone) if !trust => return (Allow, Some(PolicyType::Resource)),
            Some(PrincipalMatch::Role) => return limits_apply(PolicyType::Resource),
            _ => {}
        }
    }
    if !identity.allow && !root {
        return (ImplicitDeny, Some(PolicyType::Identity));
    }
    let outcome = limits_apply(PolicyType::Identity);
    if outcome.0 == Allow && !same_account && resource_match.is_none() {
        return (ImplicitDeny, Some(PolicyType::Resource));
    }
    outcome
}

/// True for `arn:PARTITION:iam::ACCOUNT:root`.
fn is_root(principal: &str) -> bool {
    principal.starts_with("arn:") && principal.contains(":iam::") && principal.ends_with(":root")
}

/// The `n`th colon-separated part of `text` (0-based), as
/// `text.split(':').nth(n)` gives it, without a `memchr` search per part.
fn arn_part(text: &str, n: usize) -> Option<&str> {
    let mut rest = text;
    for _ in 0..n {
        rest = super::principal::split_colon(rest)?.1;
    }
    Some(super::principal::split_colon(rest).map_or(rest, |(part, _)| part))
}

/// The account that owns the resource (see [`Request::resource_account`]).
fn resource_account<'a>(request: &Request<'a>, caller_account: &'a str) -> &'a str {
    if let Some(acct) = request.resource_account {
        return acct;
    }
    if let Some(acct) = arn_part(request.resource, 4).filter(|a| !a.is_empty()) {
        return acct;
    }
    request
        .context
        .get_lower("aws:resourceaccount")
        .and_then(|v| v.single())
        .unwrap_or(caller_account)
}

fn judge_policy(
    ty: PolicyType,
    named: &NamedPolicy<'_>,
    request: &Request<'_>,
    has_boundary: bool,
    trace: &mut Vec<PolicyTrace>,
) -> Verdict {
    let mut verdict = Verdict::default();
    let statements = named
        .policy
        .statements()
        .iter()
        .enumerate()
        .map(|(index, s)| {
            let (st, principal) = judge_statement(index, s, ty, request, has_boundary);
            if st.applies {
                match s.effect() {
                    Effect::Deny => verdict.deny = true,
                    Effect::Allow => {
                        verdict.allow = true;
                        verdict.allow_principal = verdict.allow_principal.max(principal);
                    }
                }
            }
            st
        })
        .collect();
    trace.push(PolicyTrace {
        policy_type: ty,
        name: named.name.to_owned(),
        statements,
    });
    verdict
}

fn judge_statement(
    index: usize,
    s: &Statement,
    ty: PolicyType,
    request: &Request<'_>,
    has_boundary: bool,
) -> (StatementTrace, Option<PrincipalMatch>) {
    let action_matched = s.action().is_some_and(|a| a.applies_to(request.action));
    let resource_matched = s
        .resource()
        .is_none_or(|r| r.applies_to(request.resource, request.context));
    let resource_note = if resource_matched {
        None
    } else {
        s.resource()
            .map(|r| r.missing_variables(request.context))
            .filter(|names| !names.is_empty())
            .map(|names| {
                let list: Vec<String> = names.iter().map(|n| format!("${{{n}}}")).collect();
                format!("no value in the request context for {}", list.join(", "))
            })
    };
    let (principal_matched, principal) = if ty == PolicyType::Resource {
        match s.principal() {
            // IUG: a NotPrincipal with Deny always denies a principal that
            // has a permissions boundary, whatever it lists; otherwise it
            // exempts a caller only when every identity of the caller is
            // listed. With Allow (which AWS no longer supports and always
            // discouraged) it "allows all principals except the one named":
            // a caller any of whose identities is named is left out.
            Some(p) if p.is_negated() => (
                Some(match s.effect() {
                    Effect::Deny => has_boundary || p.applies_to(request.principal),
                    Effect::Allow => p.best_match(request.principal).is_none(),
                }),
                Some(PrincipalMatch::Anyone),
            ),
            Some(p) => {
                let m = p.best_match(request.principal);
                (Some(m.is_some()), m)
            }
            None => (Some(false), None),
        }
    } else {
        (None, None)
    };
    let conditions: Vec<ConditionTrace> = s
        .conditions()
        .iter()
        .map(|c| {
            let outcome = c.evaluate(request.context);
            ConditionTrace {
                operator: c.operator_name().to_owned(),
                key: c.key().to_owned(),
                values: c.values().to_vec(),
                matched: outcome.matched,
                note: outcome.note,
            }
        })
        .collect();
    let applies = action_matched
        && resource_matched
        && principal_matched.unwrap_or(true)
        && conditions.iter().all(|c| c.matched);
    (
        StatementTrace {
            index,
            sid: s.sid().map(str::to_owned),
            effect: s.effect(),
            action_matched,
            resource_matched,
            resource_note,
            principal_matched,
            conditions,
            applies,
        },
        principal,
    )
}

#[cfg(test)]
mod tests;

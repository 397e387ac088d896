//! The `Principal` / `NotPrincipal` element and how a caller matches it
//! (IUG "AWS JSON policy elements: Principal").
//!
//! A caller is an ARN (root, user, role, assumed-role session, federated
//! user) or a service principal name such as `ec2.amazonaws.com`.
//! - `"*"` and `{"AWS": "*"}` match everyone.
//! - An account id `123456789012` or `arn:aws:iam::123456789012:root` matches
//!   every principal of that account.
//! - A user or role ARN matches that identity; a role ARN also matches the
//!   role's assumed-role sessions (`arn:aws:sts::ACCT:assumed-role/ROLE/*`).
//! - An assumed-role session ARN matches that session only.
//! - `Service`, `Federated` and `CanonicalUser` values match the caller
//!   exactly (service names ignoring ASCII case).

/// How a caller matched a principal element; later variants are more
/// specific. This decides whether a resource policy grants by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PrincipalMatch {
    /// Matched through `*` (anyone).
    Anyone,
    /// Matched through the caller's account (account id or `:root`).
    Account,
    /// Matched through the role ARN of an assumed-role session.
    Role,
    /// Matched through the caller's own ARN or service name.
    Exact,
}

/// A parsed `Principal` or `NotPrincipal` element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrincipalElement {
    negated: bool,
    /// `"Principal": "*"`.
    wildcard: bool,
    /// (type, value) pairs, e.g. ("AWS", "arn:aws:iam::1:root").
    entries: Vec<(String, String)>,
}

impl PrincipalElement {
    /// An element from its parts.
    pub fn new(negated: bool, wildcard: bool, entries: Vec<(String, String)>) -> Self {
        PrincipalElement {
            negated,
            wildcard,
            entries,
        }
    }

    /// True for `NotPrincipal`.
    pub fn is_negated(&self) -> bool {
        self.negated
    }

    /// True for `"Principal": "*"`.
    pub fn is_wildcard(&self) -> bool {
        self.wildcard
    }

    /// The (type, value) pairs: `("AWS", ...)`, `("Service", ...)`, ...
    pub fn entries(&self) -> &[(String, String)] {
        &self.entries
    }

    /// How `caller` matches the listed principals (ignoring negation).
    pub fn best_match(&self, caller: &str) -> Option<PrincipalMatch> {
        if self.wildcard {
            return Some(PrincipalMatch::Anyone);
        }
        let caller_arn = CallerArn::parse(caller);
        self.entries
            .iter()
            .filter_map(|(kind, value)| match kind.as_str() {
                "AWS" => match_aws(value, caller, caller_arn.as_ref()),
                "Service" => value
                    .eq_ignore_ascii_case(caller)
                    .then_some(PrincipalMatch::Exact),
                _ => (value == caller).then_some(PrincipalMatch::Exact),
            })
            .max()
    }

    /// Whether the statement applies to `caller`: the listed principals
    /// match (`Principal`), or, for `NotPrincipal`, some identity of the
    /// caller is not listed (see [`PrincipalElement::lists_every_identity`]).
    pub fn applies_to(&self, caller: &str) -> bool {
        if self.negated {
            !self.lists_every_identity(caller)
        } else {
            self.best_match(caller).is_some()
        }
    }

    /// For `NotPrincipal` (IUG "AWS JSON policy elements: NotPrincipal"): a
    /// request carries several identities: an IAM user's are the user and
    /// its account; an assumed-role session's are the session, its role and
    /// the account. The caller is exempt only when every one of them is
    /// listed: the account by its id or `:root` ARN, the role by its role
    /// ARN, the user or session by its own ARN.
    pub fn lists_every_identity(&self, caller: &str) -> bool {
        if self.wildcard {
            return true;
        }
        let listed = |want: PrincipalMatch| {
            self.entries
                .iter()
                .any(|(kind, value)| match kind.as_str() {
                    "AWS" if value == "*" => true,
                    "AWS" => {
                        match_aws(value, caller, CallerArn::parse(caller).as_ref()) == Some(want)
                    }
                    "Service" => {
                        want == PrincipalMatch::Exact && value.eq_ignore_ascii_case(caller)
                    }
                    _ => want == PrincipalMatch::Exact && value == caller,
                })
        };
        let Some(arn) = CallerArn::parse(caller) else {
            return listed(PrincipalMatch::Exact);
        };
        let is_root = caller.ends_with(":root");
        let own = is_root || listed(PrincipalMatch::Exact);
        let role = arn.session_role.is_none() || listed(PrincipalMatch::Role);
        let account = listed(PrincipalMatch::Account);
        own && role && account
    }
}

/// The parts of a caller ARN that principal matching needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CallerArn<'a> {
    /// The partition, e.g. `aws`.
    pub partition: &'a str,
    /// The 12-digit account.
    pub account: &'a str,
    /// For an assumed-role session, the role name.
    pub session_role: Option<&'a str>,
}

impl<'a> CallerArn<'a> {
    /// Parses an IAM or STS ARN; None for service names and other text.
    pub fn parse(arn: &'a str) -> Option<CallerArn<'a>> {
        let rest = arn.strip_prefix("arn:")?;
        let (partition, rest) = split_colon(rest)?;
        let (service, rest) = split_colon(rest)?;
        let (_region, rest) = split_colon(rest)?;
        let (account, resource) = split_colon(rest)?;
        let session_role = match service {
            "iam" => None,
            "sts" => resource
                .strip_prefix("assumed-role/")
                .and_then(|rest| rest.split_once('/'))
                .map(|(role, _)| role),
            _ => return None,
        };
        Some(CallerArn {
            partition,
            account,
            session_role,
        })
    }
}

/// `text` split at its first colon (a byte loop: the parts of an ARN are
/// short, and `str::split_once` searches with `memchr`).
pub(crate) fn split_colon(text: &str) -> Option<(&str, &str)> {
    let at = text.bytes().position(|b| b == b':')?;
    Some((text.get(..at)?, text.get(at + 1..)?))
}

/// The account of a principal ARN (IAM or STS), if any.
pub fn account_of(principal: &str) -> Option<&str> {
    CallerArn::parse(principal).map(|a| a.account)
}

fn match_aws(value: &str, caller: &str, arn: Option<&CallerArn<'_>>) -> Option<PrincipalMatch> {
    if value == "*" {
        return Some(PrincipalMatch::Anyone);
    }
    let arn = arn?;
    if value == caller && !caller.ends_with(":root") {
        return Some(PrincipalMatch::Exact);
    }
    if value == arn.account {
        return Some(PrincipalMatch::Account);
    }
    let mut parts = value.splitn(6, ':');
    let (Some("arn"), Some(partition), Some("iam"), Some(""), Some(account), Some(resource)) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return None;
    };
    if partition != arn.partition || account != arn.account {
        return None;
    }
    if resource == "root" {
        return Some(PrincipalMatch::Account);
    }
    let role_name = resource.strip_prefix("role/")?.rsplit('/').next()?;
    (arn.session_role == Some(role_name)).then_some(PrincipalMatch::Role)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aws(values: &[&str]) -> PrincipalElement {
        PrincipalElement::new(
            false,
            false,
            values
                .iter()
                .map(|v| ("AWS".to_owned(), (*v).to_owned()))
                .collect(),
        )
    }

    const USER: &str = "arn:aws:iam::123456789012:user/alice";
    const SESSION: &str = "arn:aws:sts::123456789012:assumed-role/Web/i-0abc";

    #[test]
    fn wildcards_match_everyone() {
        assert_eq!(
            PrincipalElement::new(false, true, vec![]).best_match(USER),
            Some(PrincipalMatch::Anyone)
        );
        assert_eq!(
            aws(&["*"]).best_match("ec2.amazonaws.com"),
            Some(PrincipalMatch::Anyone)
        );
    }

    #[test]
    fn account_forms() {
        assert_eq!(
            aws(&["123456789012"]).best_match(USER),
            Some(PrincipalMatch::Account)
        );
        assert_eq!(
            aws(&["arn:aws:iam::123456789012:root"]).best_match(SESSION),
            Some(PrincipalMatch::Account)
        );
        assert_eq!(aws(&["111122223333"]).best_match(USER), None);
        assert_eq!(aws(&["123456789012"]).best_match("ec2.amazonaws.com"), None);
    }

    #[test]
    fn role_arn_matches_its_sessions() {
        assert_eq!(
            aws(&["arn:aws:iam::123456789012:role/Web"]).best_match(SESSION),
            Some(PrincipalMatch::Role)
        );
        assert_eq!(
            aws(&["arn:aws:iam::123456789012:role/app/Web"]).best_match(SESSION),
            Some(PrincipalMatch::Role)
        );
        assert_eq!(
            aws(&["arn:aws:iam::123456789012:role/Other"]).best_match(SESSION),
            None
        );
        assert_eq!(
            aws(&["arn:aws:iam::111122223333:role/Web"]).best_match(SESSION),
            None
        );
        assert_eq!(
            aws(&[SESSION]).best_match(SESSION),
            Some(PrincipalMatch::Exact)
        );
        assert_eq!(
            aws(&["arn:aws:sts::123456789012:assumed-role/Web/other"]).best_match(SESSION),
            None
        );
        let role = "arn:aws:iam::123456789012:role/Web";
        assert_eq!(aws(&[role]).best_match(role), Some(PrincipalMatch::Exact));
    }

    #[test]
    fn users_and_services() {
        assert_eq!(aws(&[USER]).best_match(USER), Some(PrincipalMatch::Exact));
        assert_eq!(
            aws(&["arn:aws:iam::123456789012:user/bob"]).best_match(USER),
            None
        );
        let svc = PrincipalElement::new(
            false,
            false,
            vec![("Service".into(), "ec2.amazonaws.com".into())],
        );
        assert_eq!(
            svc.best_match("ec2.amazonaws.com"),
            Some(PrincipalMatch::Exact)
        );
        assert_eq!(svc.best_match("lambda.amazonaws.com"), None);
        assert_eq!(svc.best_match(USER), None);
    }

    #[test]
    fn not_principal_inverts() {
        let p = PrincipalElement::new(
            true,
            false,
            vec![
                ("AWS".into(), USER.into()),
                ("AWS".into(), "123456789012".into()),
            ],
        );
        assert!(!p.applies_to(USER));
        assert!(p.applies_to("arn:aws:iam::123456789012:user/bob"));
    }

    #[test]
    fn not_principal_needs_every_identity_listed() {
        let bob = "arn:aws:iam::111122223333:user/Bob";
        let p = PrincipalElement::new(
            true,
            false,
            vec![
                ("AWS".into(), bob.into()),
                ("AWS".into(), "arn:aws:iam::111122223333:root".into()),
            ],
        );
        assert!(!p.applies_to(bob));
        assert!(p.applies_to("arn:aws:iam::111122223333:user/carol"));
        assert!(!p.applies_to("arn:aws:iam::111122223333:root"));
        let only_bob = PrincipalElement::new(true, false, vec![("AWS".into(), bob.into())]);
        assert!(only_bob.applies_to(bob));
        let s = "arn:aws:sts::123456789012:assumed-role/Web/app";
        let session_only = PrincipalElement::new(
            true,
            false,
            vec![
                ("AWS".into(), s.into()),
                ("AWS".into(), "123456789012".into()),
            ],
        );
        assert!(session_only.applies_to(s));
        let full = PrincipalElement::new(
            true,
            false,
            vec![
                ("AWS".into(), s.into()),
                ("AWS".into(), "arn:aws:iam::123456789012:role/Web".into()),
                ("AWS".into(), "123456789012".into()),
            ],
        );
        assert!(!full.applies_to(s));
        assert!(full.applies_to("arn:aws:sts::123456789012:assumed-role/Web/other"));
        let svc = PrincipalElement::new(
            true,
            false,
            vec![("Service".into(), "ec2.amazonaws.com".into())],
        );
        assert!(!svc.applies_to("ec2.amazonaws.com"));
        assert!(svc.applies_to("lambda.amazonaws.com"));
    }

    #[test]
    fn account_of_arns() {
        assert_eq!(account_of(SESSION), Some("123456789012"));
        assert_eq!(account_of("ec2.amazonaws.com"), None);
    }
}

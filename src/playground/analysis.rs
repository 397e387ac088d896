//! The playground's derived view: parse every policy, evaluate the request,
//! and say which statement decided. A pure function of the doc, memoized by
//! the page, so the decision follows every keystroke.

use iamsim_engine::policy::{
    Decision, Effect, Evaluation, MalformedPolicyDocument, NamedPolicy, Policy, PolicySet,
    PolicyType, PolicyUse, Request, RequestContext, evaluate,
};

use super::model::{PlaygroundDoc, Slot};

/// A policy (or context) that could not be read, with where, when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// AWS's message (for policies) or the parser's (for the context).
    pub message: String,
    /// 1-based line of a JSON syntax error.
    pub line: Option<usize>,
    /// 1-based column of a JSON syntax error.
    pub column: Option<usize>,
    /// What the JSON parser expected, for syntax errors.
    pub detail: Option<String>,
}

impl InputError {
    /// One line for the page: `Line 3, column 14: Syntax errors in policy. (expected ...)`.
    pub fn text(&self) -> String {
        let place = match (self.line, self.column) {
            (Some(line), Some(column)) => format!("Line {line}, column {column}: "),
            (Some(line), None) => format!("Line {line}: "),
            _ => String::new(),
        };
        let detail = self
            .detail
            .as_ref()
            .filter(|d| **d != self.message)
            .map(|d| format!(" ({d})"))
            .unwrap_or_default();
        format!("{place}{}{detail}", self.message)
    }

    fn from_policy(err: MalformedPolicyDocument, text: &str) -> InputError {
        let syntax = serde_json::from_str::<serde_json::Value>(text).err();
        InputError {
            line: err.line.or(syntax.as_ref().map(serde_json::Error::line)),
            column: err
                .column
                .or(syntax.as_ref().map(serde_json::Error::column)),
            detail: syntax.map(|e| strip_position(&e)),
            message: err.message,
        }
    }
}

/// serde_json's message without its trailing " at line L column C".
fn strip_position(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(at) => text.get(..at).unwrap_or(&text).to_string(),
        None => text,
    }
}

/// The statement that decided, for the page to name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecidingStatement {
    /// The kind of policy it is in.
    pub policy_type: PolicyType,
    /// The policy's name.
    pub policy_name: String,
    /// How the page names the statement: its Sid, else its position.
    pub label: String,
}

/// Everything the page shows, derived from the doc.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// Errors of identity policies, by policy id (only the ones with errors).
    pub identity_errors: Vec<(u32, InputError)>,
    /// Errors of enabled optional policies.
    pub slot_errors: Vec<(Slot, InputError)>,
    /// An error in the request context.
    pub context_error: Option<InputError>,
    /// A missing part of the request.
    pub request_error: Option<String>,
    /// The evaluation, when every input could be read.
    pub evaluation: Option<Evaluation>,
    /// The statement that decided (for Allow and ExplicitDeny).
    pub deciding: Option<DecidingStatement>,
    /// AWS's full sentence for a denial.
    pub denial_message: Option<String>,
    /// The request context, when it could be read (to show what conditions saw).
    pub context: RequestContext,
}

impl Analysis {
    /// The error of the identity policy with this id.
    pub fn identity_error(&self, id: u32) -> Option<&InputError> {
        self.identity_errors
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, e)| e)
    }

    /// The error of an optional policy.
    pub fn slot_error(&self, slot: Slot) -> Option<&InputError> {
        self.slot_errors
            .iter()
            .find(|(s, _)| *s == slot)
            .map(|(_, e)| e)
    }

    /// The request's value(s) for a condition key, as the page shows them.
    pub fn request_value(&self, key: &str) -> Option<String> {
        self.context.get(key).map(|v| v.as_slice().join(", "))
    }

    /// How many inputs cannot be read.
    pub fn error_count(&self) -> usize {
        self.identity_errors.len()
            + self.slot_errors.len()
            + usize::from(self.context_error.is_some())
            + usize::from(self.request_error.is_some())
    }
}

/// What kind of policy an optional slot holds, for parsing and evaluation.
pub fn slot_use(slot: Slot) -> PolicyUse {
    match slot {
        Slot::Resource => PolicyUse::Resource,
        Slot::Boundary => PolicyUse::PermissionsBoundary,
        Slot::Scp => PolicyUse::ServiceControl,
        Slot::Session => PolicyUse::Session,
    }
}

/// The name a slot's policy gets in the explanation.
pub fn slot_policy_name(slot: Slot) -> &'static str {
    match slot {
        Slot::Resource => "resource-based policy",
        Slot::Boundary => "permissions boundary",
        Slot::Scp => "service control policy",
        Slot::Session => "session policy",
    }
}

/// Parses the request context text (empty means no keys).
pub fn parse_context(text: &str) -> Result<RequestContext, InputError> {
    if text.trim().is_empty() {
        return Ok(RequestContext::new());
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| InputError {
        message: "The request context is not valid JSON.".to_string(),
        line: Some(e.line()),
        column: Some(e.column()),
        detail: Some(strip_position(&e)),
    })?;
    RequestContext::from_json(&value).map_err(|message| InputError {
        message,
        line: None,
        column: None,
        detail: None,
    })
}

/// Derives the whole view from the doc.
pub fn analyse(doc: &PlaygroundDoc) -> Analysis {
    let mut identity = Vec::new();
    let mut identity_errors = Vec::new();
    for p in &doc.identity {
        match Policy::parse_for(&p.text, PolicyUse::Identity) {
            Ok(policy) => identity.push((p.name.as_str(), policy)),
            Err(err) => identity_errors.push((p.id, InputError::from_policy(err, &p.text))),
        }
    }
    let mut slots = Vec::new();
    let mut slot_errors = Vec::new();
    for slot in Slot::ALL {
        let it = doc.slot(slot);
        if !it.enabled {
            continue;
        }
        let use_ = match slot {
            Slot::Resource if doc.resource_is_trust => PolicyUse::Trust,
            _ => slot_use(slot),
        };
        match Policy::parse_for(&it.text, use_) {
            Ok(policy) => slots.push((slot, policy)),
            Err(err) => slot_errors.push((slot, InputError::from_policy(err, &it.text))),
        }
    }
    let context = parse_context(&doc.request.context);
    let request_error = request_error(doc);
    let mut analysis = Analysis {
        identity_errors,
        slot_errors,
        context_error: context.as_ref().err().cloned(),
        request_error,
        evaluation: None,
        deciding: None,
        denial_message: None,
        context: context.clone().unwrap_or_default(),
    };
    let Ok(context) = context else {
        return analysis;
    };
    if analysis.error_count() > 0 {
        return analysis;
    }
    let slot = |s: Slot| {
        slots
            .iter()
            .find(|(k, _)| *k == s)
            .map(|(k, p)| NamedPolicy {
                name: if *k == Slot::Resource && doc.resource_is_trust {
                    "trust policy"
                } else {
                    slot_policy_name(*k)
                },
                policy: p,
            })
    };
    let set = PolicySet {
        identity: identity
            .iter()
            .map(|(name, policy)| NamedPolicy { name, policy })
            .collect(),
        resource: slot(Slot::Resource),
        resource_is_trust_policy: doc.resource_is_trust,
        boundary: slot(Slot::Boundary),
        scps: slot(Slot::Scp).into_iter().collect(),
        session: slot(Slot::Session),
    };
    let request = Request {
        principal: doc.request.principal.trim(),
        action: doc.request.action.trim(),
        resource: doc.request.resource.trim(),
        context: &context,
        resource_account: None,
    };
    let evaluation = evaluate(&request, &set);
    analysis.deciding = deciding_statement(&evaluation);
    analysis.denial_message = denial_message(&request, &evaluation);
    analysis.evaluation = Some(evaluation);
    analysis
}

fn request_error(doc: &PlaygroundDoc) -> Option<String> {
    let r = &doc.request;
    if r.principal.trim().is_empty() {
        Some("Enter the caller's ARN (the principal).".to_string())
    } else if r.action.trim().is_empty() {
        Some("Enter an action, for example s3:PutObject.".to_string())
    } else if r.resource.trim().is_empty() {
        Some("Enter a resource ARN, or * for actions without a resource.".to_string())
    } else {
        None
    }
}

/// The first applying statement of the deciding effect in the deciding policy type.
pub fn deciding_statement(evaluation: &Evaluation) -> Option<DecidingStatement> {
    let effect = match evaluation.decision {
        Decision::Allow => Effect::Allow,
        Decision::ExplicitDeny => Effect::Deny,
        Decision::ImplicitDeny => return None,
    };
    let decided_by = evaluation.decided_by?;
    evaluation
        .trace
        .iter()
        .filter(|p| p.policy_type == decided_by)
        .find_map(|p| {
            let s = p
                .statements
                .iter()
                .find(|s| s.applies && s.effect == effect)?;
            Some(DecidingStatement {
                policy_type: p.policy_type,
                policy_name: p.name.clone(),
                label: statement_label(s.sid.as_deref(), s.index),
            })
        })
}

/// `"DenyOutsideCorporateNetwork"` (quoted Sid) or `#2` (1-based position).
pub fn statement_label(sid: Option<&str>, index: usize) -> String {
    match sid {
        Some(sid) if !sid.is_empty() => format!("\"{sid}\""),
        _ => format!("#{}", index.saturating_add(1)),
    }
}

/// AWS's sentence for a denied request; S3 quotes the resource, IAM and EC2 do not.
fn denial_message(request: &Request<'_>, evaluation: &Evaluation) -> Option<String> {
    let reason = evaluation.reason()?;
    let is_s3 = request
        .action
        .split(':')
        .next()
        .is_some_and(|s| s.eq_ignore_ascii_case("s3"));
    let resource = if is_s3 {
        format!("\"{}\"", request.resource)
    } else {
        request.resource.to_string()
    };
    Some(format!(
        "User: {} is not authorized to perform: {} on resource: {resource} {reason}",
        request.principal, request.action
    ))
}

/// How the page names a policy type.
pub fn policy_type_name(t: PolicyType) -> &'static str {
    match t {
        PolicyType::Identity => "identity-based policy",
        PolicyType::Resource => "resource-based policy",
        PolicyType::PermissionsBoundary => "permissions boundary",
        PolicyType::ServiceControl => "service control policy",
        PolicyType::Session => "session policy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playground::model::PlaygroundAction;

    const PRINCIPAL: &str =
        "arn:aws:sts::123456789012:assumed-role/madhu-test-role/i-0a1b2c3d4e5f60718";

    fn edit(doc: PlaygroundDoc, action: PlaygroundAction) -> PlaygroundDoc {
        doc.apply(action).unwrap()
    }

    #[test]
    fn the_example_is_allowed_by_its_first_statement() {
        let a = analyse(&PlaygroundDoc::default());
        let evaluation = a.evaluation.as_ref().unwrap();
        assert_eq!(evaluation.decision, Decision::Allow);
        assert_eq!(evaluation.decided_by, Some(PolicyType::Identity));
        let deciding = a.deciding.unwrap();
        assert_eq!(deciding.label, "#1");
        assert_eq!(deciding.policy_name, "AmazonS3FullAccess");
        assert_eq!(a.denial_message, None);
    }

    #[test]
    fn a_deny_outside_the_range_names_its_statement_and_aws_sentence() {
        let doc = edit(
            PlaygroundDoc::default(),
            PlaygroundAction::AddTemplate("deny-outside-ip"),
        );
        let doc = edit(
            doc,
            PlaygroundAction::SetContext(r#"{"aws:SourceIp": "198.51.100.7"}"#.into()),
        );
        let a = analyse(&doc);
        assert_eq!(
            a.evaluation.as_ref().unwrap().decision,
            Decision::ExplicitDeny
        );
        assert_eq!(a.request_value("AWS:SourceIP").unwrap(), "198.51.100.7");
        assert_eq!(a.deciding.unwrap().label, "\"DenyOutsideCorporateNetwork\"");
        assert_eq!(
            a.denial_message.unwrap(),
            format!(
                "User: {PRINCIPAL} is not authorized to perform: s3:PutObject on resource: \
                 \"arn:aws:s3:::madhu-testing/f.txt\" with an explicit deny in an identity-based policy"
            )
        );
    }

    #[test]
    fn non_s3_resources_are_not_quoted() {
        let doc = edit(
            PlaygroundDoc::default(),
            PlaygroundAction::RemoveIdentity(1),
        );
        let doc = edit(doc, PlaygroundAction::SetAction("iam:PassRole".into()));
        let doc = edit(
            doc,
            PlaygroundAction::SetResource("arn:aws:iam::123456789012:role/madhu-test-role".into()),
        );
        let a = analyse(&doc);
        assert_eq!(
            a.evaluation.as_ref().unwrap().decision,
            Decision::ImplicitDeny
        );
        assert_eq!(a.deciding, None);
        assert_eq!(
            a.denial_message.unwrap(),
            format!(
                "User: {PRINCIPAL} is not authorized to perform: iam:PassRole on resource: \
                 arn:aws:iam::123456789012:role/madhu-test-role because no identity-based policy \
                 allows the iam:PassRole action"
            )
        );
    }

    #[test]
    fn a_syntax_error_is_placed_and_stops_the_evaluation() {
        let doc = edit(
            PlaygroundDoc::default(),
            PlaygroundAction::SetIdentityText(1, "{\n  \"Version\": \"2012-10-17\",,\n}".into()),
        );
        let a = analyse(&doc);
        assert_eq!(a.evaluation, None);
        let error = a.identity_error(1).unwrap();
        assert_eq!((error.line, error.column), (Some(2), Some(27)));
        assert!(
            error.text().starts_with("Line 2, column 27: "),
            "{}",
            error.text()
        );
    }

    #[test]
    fn a_principal_in_an_identity_policy_is_refused_with_aws_message() {
        let text = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}"#;
        let doc = edit(
            PlaygroundDoc::default(),
            PlaygroundAction::SetIdentityText(1, text.into()),
        );
        let a = analyse(&doc);
        assert_eq!(
            a.identity_error(1).unwrap().text(),
            "Policy document should not specify a principal."
        );
    }

    #[test]
    fn an_unreadable_context_is_reported() {
        let doc = edit(
            PlaygroundDoc::default(),
            PlaygroundAction::SetContext("{\"aws:SourceIp\": }".into()),
        );
        let a = analyse(&doc);
        let error = a.context_error.clone().unwrap();
        assert_eq!(error.message, "The request context is not valid JSON.");
        assert_eq!(error.line, Some(1));
        assert_eq!(a.error_count(), 1);
    }
}

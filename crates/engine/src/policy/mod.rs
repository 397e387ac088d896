//! IAM policy documents: parse, validate, evaluate and explain.
//!
//! - [`Policy::parse`] reads JSON into a compiled document;
//!   [`Policy::parse_for`] also validates it for a [`PolicyUse`], with IAM's
//!   `MalformedPolicyDocument` messages.
//! - [`evaluate`] decides a [`Request`] against a [`PolicySet`] and returns an
//!   [`Evaluation`]: the decision, the policy type that decided, and a trace of
//!   every statement considered.

mod binary;
pub mod condition;
pub mod context;
mod date;
pub mod document;
pub mod evaluate;
pub mod explain;
mod ip;
pub mod matcher;
pub mod operator;
pub mod principal;
mod raw;
mod small;
pub mod validate;
pub mod variables;

pub use context::{ContextValue, RequestContext};
pub use document::{ActionElement, Effect, Policy, PolicyVersion, ResourceElement, Statement};
pub use evaluate::{Decision, Evaluation, NamedPolicy, PolicySet, PolicyType, Request, evaluate};
pub use explain::{ConditionTrace, PolicyTrace, StatementTrace, quoted_list, render};
pub use principal::{PrincipalElement, PrincipalMatch};
pub use validate::{
    MalformedPolicyDocument, PolicySizeExceeded, PolicyUse, SizeQuota, check_size, policy_size,
};

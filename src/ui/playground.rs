//! The policy playground's components, one file each.

mod context_keys;
mod decision;
mod editor;
mod explanation;
mod identity_list;
mod optional_policy;
pub mod page;
mod request_form;
mod statement;
mod templates_bar;

//! The policy playground's model: what is edited, how it is stored, and the
//! view derived from it. Pure code, tested on the host.

pub mod analysis;
pub mod context_keys;
pub mod handoff;
pub mod model;
pub mod storage;
pub mod templates;

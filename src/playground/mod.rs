//! The policy playground's model: what is edited, how it is stored, and the
//! view derived from it. Pure code, tested on the host.

pub mod analysis;
pub mod model;
pub mod storage;
pub mod templates;

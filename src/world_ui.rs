//! The world page: the flow diagram, the consoles, the terminal, the event log and the
//! credentials timeline over one simulated AWS account.
//!
//! The pure parts (layout, view models, state, saves, panels) compile on every target and
//! are tested on the host; the components compile for wasm32 only.

pub mod command_json;
pub mod diagram_model;
pub mod layout;
pub mod panel;
pub mod persist;
pub mod state;
pub mod text;
pub mod timeline_model;

#[cfg(target_arch = "wasm32")]
mod banner;
#[cfg(target_arch = "wasm32")]
mod console_result;
#[cfg(target_arch = "wasm32")]
mod details;
#[cfg(target_arch = "wasm32")]
mod diagram;
#[cfg(target_arch = "wasm32")]
mod ec2;
#[cfg(target_arch = "wasm32")]
mod event_log;
#[cfg(target_arch = "wasm32")]
mod file_io;
#[cfg(target_arch = "wasm32")]
mod iam;
#[cfg(target_arch = "wasm32")]
mod last_step;
#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
mod panels;
#[cfg(target_arch = "wasm32")]
mod s3;
#[cfg(target_arch = "wasm32")]
mod store;
#[cfg(target_arch = "wasm32")]
mod terminal;
#[cfg(target_arch = "wasm32")]
mod timeline;
#[cfg(target_arch = "wasm32")]
mod toolbar;

#[cfg(target_arch = "wasm32")]
pub use page::WorldPage;

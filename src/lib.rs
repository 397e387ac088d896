//! iamsim in the browser: a Yew single-page app over the iamsim engine.
//!
//! The app ships as three bundles, one wasm file each, so a visitor downloads only the
//! part they open: the world page (`src/main.rs`, `iamsim-app`), the policy playground
//! (`src/bin/playground.rs`) and the lessons (`src/bin/lessons.rs`). Each binary calls
//! [`ui::start`] with its own set of pages; `static/init.js` picks the bundle from the URL.
//!
//! The pure parts (routes, the app state, the playground's model and derived
//! view) compile on every target, so `cargo test -p iamsim` checks them on
//! the host. The components and the browser glue (`ui`, and the components
//! of `world_ui`) compile for wasm32 only; on the host the binaries do nothing.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

mod playground;
pub mod route;
mod scenario_ui;
mod state;
#[cfg(target_arch = "wasm32")]
pub mod ui;
/// The world page (diagram, consoles, terminal, event log), mounted at `#/`.
mod world_ui;

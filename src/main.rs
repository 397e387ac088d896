//! iamsim in the browser: a Yew single-page app over the iamsim engine.
//!
//! The pure parts (routes, the app state, the playground's model and derived
//! view) compile on every target, so `cargo test -p iamsim` checks them on
//! the host. The components and the browser glue (`ui`, and the components
//! of `world_ui`) compile for wasm32 only; on the host `main` does nothing.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

mod playground;
mod route;
mod scenario_ui;
mod state;
#[cfg(target_arch = "wasm32")]
mod ui;
/// The world page (diagram, consoles, terminal, event log), mounted at `#/`.
mod world_ui;

#[cfg(target_arch = "wasm32")]
fn main() {
    ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}

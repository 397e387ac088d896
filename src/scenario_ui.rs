//! The scenario player in the browser: `#/scenario/<id>[/step/<n>]`, the `#/lessons`
//! list and the `#/quiz`. Scenarios are data in `iamsim-lessons`; nothing here knows a
//! particular scenario.
//!
//! The pure parts (which step, the diagram's model, "try it yourself") compile on every
//! target and are tested on the host; the components compile for wasm32 only.

pub mod model;
pub mod try_it;

#[cfg(target_arch = "wasm32")]
mod controls;
#[cfg(target_arch = "wasm32")]
mod diagram;
#[cfg(target_arch = "wasm32")]
mod events;
#[cfg(target_arch = "wasm32")]
mod lessons;
#[cfg(target_arch = "wasm32")]
mod nav;
#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
mod quiz;
#[cfg(target_arch = "wasm32")]
mod terminal;
#[cfg(target_arch = "wasm32")]
mod try_panel;

#[cfg(target_arch = "wasm32")]
pub use lessons::LessonsPage;
#[cfg(target_arch = "wasm32")]
pub use page::ScenarioPlayer;
#[cfg(target_arch = "wasm32")]
pub use quiz::QuizPage;

//! Guided scenarios and the quiz, as data over the iamsim world.
//!
//! A [`Scenario`] is a list of [`Step`]s. Each step has narration (our own words),
//! [`Action`]s (shell lines on a named host, or console commands) and a [`Check`] on
//! the world, its events or the step's output. A [`Player`] plays steps on a fresh
//! [`World`](iamsim_engine::World) and records a transcript; going back is replaying
//! from the start. Checks never look at the step number: they inspect what happened.
//!
//! Adding a scenario is adding an entry to [`catalog::SCENARIOS`]; the browser player
//! and `iamsim scenario` need no change.
#![warn(missing_docs)]

pub mod catalog;
pub mod check;
pub mod model;
pub mod player;
pub mod quiz;

pub use catalog::{SCENARIOS, scenario};
pub use check::{Check, CheckResult, From, Test, Who};
pub use model::{Action, Console, On, Scenario, Step};
pub use player::{Entry, Player, StepRecord};
pub use quiz::{QUESTIONS, Question};

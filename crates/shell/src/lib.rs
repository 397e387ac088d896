//! The shell: the AWS CLI, curl and a few POSIX built-ins, on the laptop and
//! on each instance, over the iamsim engine.
//!
//! [`Shell::run_line`] runs one command line against a [`World`](iamsim_engine::world::World);
//! [`complete`] suggests completions. Nothing here reads the wall clock or the
//! operating system: the browser terminal and the native `iamsim` share it.
#![warn(missing_docs)]

pub mod aws;
pub mod builtins;
pub mod complete;
pub mod curl;
pub mod fs;
pub mod host;
pub mod io;
pub mod net;
pub mod parse;
pub mod script;
pub mod shell;

pub use complete::{Completion, complete};
pub use shell::{LineOutput, Shell};

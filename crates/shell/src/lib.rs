//! The shell: the AWS CLI, curl and a few POSIX built-ins, on the laptop and
//! on each instance, over the iamsim engine.
//!
//! [`Shell::new`] opens a terminal on the laptop; [`Shell::run_line`] runs one
//! command line against a [`World`](iamsim_engine::world::World) and returns a
//! [`LineOutput`] (stdout, stderr, both interleaved, exit status, `clear`);
//! [`Shell::prompt`] and [`Shell::current_host`] say where the terminal is;
//! [`complete()`] suggests completions. Nothing here reads the wall clock or the
//! operating system: the browser terminal and the native `iamsim` share it.
//!
//! Code map: [`parse`] (one command line → pipelines, bash's errors), [`shell`]
//! (expansion, redirections, pipelines, `ssh`/`exit`, containers), [`builtins`]
//! (coreutils-like commands), [`fs`] and [`host`] (a file system and variables per
//! host), [`curl`] (the metadata service), [`aws`] (the AWS CLI: tables,
//! shorthand, credential chain, output formats, JMESPath, `s3`, `configure`,
//! waiters), [`mod@complete`], [`script`] (transcripts).
//!
//! Approximations (said here once): only us-east-1 answers (other regions cannot
//! connect); a named profile without a region borrows the default profile's;
//! metadata-service credentials are cached per host like a long-running SDK
//! (the real CLI fetches them again in each process); `curl` prints no progress
//! meter and, without `-m`, reports a metadata reply that never comes as a
//! connection timeout; `--output yaml` is not offered; `ls` prints one row.
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

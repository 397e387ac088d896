//! The shell: the AWS CLI, curl and a few POSIX built-ins, on the laptop and
//! on each instance, over the iamsim engine.
#![warn(missing_docs)]

pub mod parse;

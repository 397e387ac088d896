//! The iamsim engine: a pure, deterministic model of AWS IAM, STS, EC2, the
//! Instance Metadata Service and S3.
//!
//! Nothing here touches the web, the wall clock or the operating system's
//! randomness: time is a simulated clock and ids come from a seeded generator,
//! so the same commands always give the same world.
#![warn(missing_docs)]

pub mod evalline;
pub mod policy;

pub mod clock;
pub mod ec2;
pub mod error;
pub mod event;
pub mod iam;
pub mod idmap;
pub mod ids;
pub mod imds;
pub mod logs;
pub mod managed;
pub mod s3;
pub mod sort;
pub mod ssm;
pub mod sts;
pub mod world;

pub use error::{ApiError, AwsError, LoadError};
pub use world::{Command, Credentials, Origin, Outcome, World};

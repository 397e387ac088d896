//! The world: one AWS account, its clock, its services, its events and the command log.
//!
//! Every state change is a [`Command`] given to [`World::apply`]; the command is appended
//! to the log, so [`World::replay`] of the log on a fresh world of the same seed gives the
//! same world, byte for byte.
//!
//! Instance states move on the next clock advance (of any length): `pending` → `running`,
//! `stopping` → `stopped`, `shutting-down` → `terminated`; associations `associating` →
//! `associated`, `disassociating` → gone. See [`crate::ec2`] for the rest of the timing.
//!
//! Calls name the service by its botocore endpoint prefix (`iam`, `sts`, `ec2`, `s3`,
//! `logs`, `ssm`), the operation by its botocore name, and take parameters and give
//! responses with botocore member names; errors are [`ApiError`]s with AWS's code, message
//! and HTTP status:
//!
//! ```
//! use iamsim_engine::imds::HttpRequest;
//! use iamsim_engine::{Credentials, Origin, World};
//! use serde_json::json;
//!
//! let mut world = World::new(1);
//! let admin = world.admin_credentials();
//! let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
//!     "Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
//! world.call(Origin::Laptop, Some(&admin), "iam", "CreateRole",
//!     json!({"RoleName": "S3Role", "AssumeRolePolicyDocument": trust})).unwrap();
//! // The CLI creates no instance profile: launching with the role's name fails.
//! let e = world.call(Origin::Laptop, Some(&admin), "ec2", "RunInstances",
//!     json!({"ImageId": "ami-0abcdef1234567890", "MinCount": 1, "MaxCount": 1,
//!            "IamInstanceProfile": {"Name": "S3Role"}})).unwrap_err();
//! assert_eq!(e.code, "InvalidParameterValue");
//! world.call(Origin::Laptop, Some(&admin), "iam", "CreateInstanceProfile",
//!     json!({"InstanceProfileName": "S3Role"})).unwrap();
//! world.call(Origin::Laptop, Some(&admin), "iam", "AddRoleToInstanceProfile",
//!     json!({"InstanceProfileName": "S3Role", "RoleName": "S3Role"})).unwrap();
//! let out = world.call(Origin::Laptop, Some(&admin), "ec2", "RunInstances",
//!     json!({"ImageId": "ami-0abcdef1234567890", "MinCount": 1, "MaxCount": 1,
//!            "IamInstanceProfile": {"Name": "S3Role"}})).unwrap();
//! let id = out["Instances"][0]["InstanceId"].as_str().unwrap().to_string();
//! world.advance(5); // pending → running; the EC2 service delivers credentials
//! let role = world.imds(&id, HttpRequest::get("/latest/meta-data/iam/security-credentials/"));
//! assert_eq!((role.status, role.body.as_str()), (200, "S3Role"));
//! let body = world.imds(&id, HttpRequest::get("/latest/meta-data/iam/security-credentials/S3Role"));
//! let v: serde_json::Value = serde_json::from_str(&body.body).unwrap();
//! let creds = Credentials {
//!     access_key_id: v["AccessKeyId"].as_str().unwrap().into(),
//!     secret_access_key: v["SecretAccessKey"].as_str().unwrap().into(),
//!     session_token: Some(v["Token"].as_str().unwrap().into()),
//!     expiration: None,
//! };
//! let me = world.call(Origin::Instance { instance_id: id.clone() }, Some(&creds), "sts",
//!     "GetCallerIdentity", json!({})).unwrap();
//! assert_eq!(me["Arn"], format!("arn:aws:sts::123456789012:assumed-role/S3Role/{id}"));
//! let denied = world.call(Origin::Instance { instance_id: id }, Some(&creds), "s3",
//!     "ListBuckets", json!({})).unwrap_err();
//! assert_eq!(denied.code, "AccessDenied");
//! assert!(denied.evaluation.is_some());
//! ```

pub(crate) mod auth;
mod dispatch;
mod log;
pub(crate) mod params;

pub use auth::Caller;

use crate::clock::{Clock, Timestamp};
use crate::ec2::{Ec2State, Instance};
use crate::error::{ApiError, LoadError};
use crate::event::Event;
use crate::iam::{IamState, InstanceProfile, ManagedPolicy, Role, User};
use crate::ids::IdGen;
use crate::imds::{HttpRequest, HttpResponse};
use crate::logs::LogsState;
use crate::s3::{Bucket, S3State};
use crate::ssm::SsmState;
use crate::sts::StsState;
use serde::{Deserialize, Serialize};

/// The format version of saved worlds ([`World::to_json`]).
pub const WORLD_FORMAT_VERSION: u32 = 1;

/// The default account id.
pub const DEFAULT_ACCOUNT: &str = "123456789012";

/// The region everything lives in.
pub const REGION: &str = "us-east-1";

/// The public address the learner's laptop calls from.
pub const LAPTOP_IP: &str = "203.0.113.10";

/// The name of the laptop's IAM user.
pub const ADMIN_USER: &str = "admin";

/// The whole simulated account.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct World {
    /// [`WORLD_FORMAT_VERSION`] when saved.
    pub version: u32,
    pub(crate) seed: u64,
    pub(crate) account: String,
    pub(crate) clock: Clock,
    pub(crate) ids: IdGen,
    pub(crate) iam: IamState,
    pub(crate) sts: StsState,
    pub(crate) ec2: Ec2State,
    pub(crate) s3: S3State,
    pub(crate) logs: LogsState,
    pub(crate) ssm: SsmState,
    pub(crate) events: Vec<Event>,
    pub(crate) log: log::CommandLog,
}

/// A state change: everything that happens to a world is one of these.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Command {
    /// An AWS API call.
    Call {
        /// Where the call comes from.
        origin: Origin,
        /// The keys it is signed with (`None`: unsigned).
        credentials: Option<Credentials>,
        /// The botocore endpoint prefix: `iam`, `sts`, `ec2`, `s3`, `logs`, `ssm`.
        service: String,
        /// The botocore operation name, e.g. `CreateRole`.
        operation: String,
        /// The parameters, with botocore member names.
        params: serde_json::Value,
    },
    /// The IAM console's "create role for EC2": role + same-name instance profile
    /// (+ attached policies), done by the laptop's `admin` user.
    ConsoleCreateRoleForEc2 {
        /// The role's (and profile's) name.
        role_name: String,
        /// Managed policies to attach.
        managed_policy_arns: Vec<String>,
        /// The role's description.
        description: Option<String>,
    },
    /// An HTTP request to an instance's metadata service.
    Imds {
        /// The instance.
        instance_id: String,
        /// The request.
        request: HttpRequest,
    },
    /// Moves the clock forward; instances change state, credentials refresh, SSM registers.
    AdvanceClock {
        /// How far.
        seconds: u64,
    },
}

/// What a command produced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// AWS's response, with botocore output member names (null for non-API commands).
    pub response: serde_json::Value,
    /// The HTTP response, for metadata-service requests.
    pub http: Option<HttpResponse>,
    /// Indexes into [`World::events`] of the events this command appended.
    pub events: Vec<usize>,
}

/// Where a call comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// The learner's laptop (source address [`LAPTOP_IP`]).
    Laptop,
    /// An instance (source address its private IP).
    Instance {
        /// The instance id.
        instance_id: String,
    },
    /// A container on an instance: one more network hop to the metadata service.
    Container {
        /// The instance id.
        instance_id: String,
    },
}

/// Keys a call is signed with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credentials {
    /// `AKIA…` (user) or `ASIA…` (session).
    pub access_key_id: String,
    /// The secret.
    pub secret_access_key: String,
    /// The session token, for `ASIA…` keys.
    pub session_token: Option<String>,
    /// When session credentials expire.
    pub expiration: Option<Timestamp>,
}

impl World {
    /// A fresh account 123456789012, clock at 2026-01-01T00:00:00Z, ids seeded from `seed`,
    /// the AWS managed policies, and an IAM user `admin` with AdministratorAccess and one
    /// access key (AKIA…).
    pub fn new(seed: u64) -> World {
        let mut world = World {
            version: WORLD_FORMAT_VERSION,
            seed,
            account: DEFAULT_ACCOUNT.to_string(),
            clock: Clock::new(),
            ids: IdGen::new(seed),
            iam: IamState::default(),
            sts: StsState::default(),
            ec2: Ec2State::default(),
            s3: S3State::default(),
            logs: LogsState::default(),
            ssm: SsmState::default(),
            events: Vec::new(),
            log: log::CommandLog::default(),
        };
        world.install_managed_policies();
        world.create_admin_user();
        world
    }

    /// The seed the ids come from.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The account id.
    pub fn account(&self) -> &str {
        &self.account
    }

    /// The simulated time.
    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    /// The laptop's configured keys: the `admin` user's first access key.
    pub fn admin_credentials(&self) -> Credentials {
        let key = self
            .iam
            .user(ADMIN_USER)
            .and_then(|u| u.access_keys.first());
        Credentials {
            access_key_id: key.map(|k| k.access_key_id.clone()).unwrap_or_default(),
            secret_access_key: key.map(|k| k.secret_access_key.clone()).unwrap_or_default(),
            session_token: None,
            expiration: None,
        }
    }

    /// Applies a command and appends it to the log. Returns what it produced; the events it
    /// appended are in [`World::events`] either way.
    pub fn apply(&mut self, command: Command) -> Result<Outcome, ApiError> {
        let first_event = self.events.len();
        let result = match &command {
            Command::Call {
                origin,
                credentials,
                service,
                operation,
                params,
            } => self
                .call_api(origin, credentials.as_ref(), service, operation, params)
                .map(|response| (response, None)),
            Command::ConsoleCreateRoleForEc2 {
                role_name,
                managed_policy_arns,
                description,
            } => self
                .console_create_role_for_ec2(role_name, managed_policy_arns, description.as_deref())
                .map(|response| (response, None)),
            Command::Imds {
                instance_id,
                request,
            } => {
                let response = self.imds_request(instance_id, request);
                Ok((serde_json::Value::Null, Some(response)))
            }
            Command::AdvanceClock { seconds } => {
                self.tick(*seconds);
                Ok((serde_json::Value::Null, None))
            }
        };
        self.log.push(command);
        let events = (first_event..self.events.len()).collect();
        result.map(|(response, http)| Outcome {
            response,
            http,
            events,
        })
    }

    /// Makes an API call (as a [`Command::Call`]) and returns AWS's response.
    pub fn call(
        &mut self,
        origin: Origin,
        credentials: Option<&Credentials>,
        service: &str,
        operation: &str,
        params: serde_json::Value,
    ) -> Result<serde_json::Value, ApiError> {
        self.apply(Command::Call {
            origin,
            credentials: credentials.cloned(),
            service: service.to_string(),
            operation: operation.to_string(),
            params,
        })
        .map(|o| o.response)
    }

    /// Sends an HTTP request to an instance's metadata service (as a [`Command::Imds`]).
    pub fn imds(&mut self, instance_id: &str, request: HttpRequest) -> HttpResponse {
        let response = self.imds_request(instance_id, &request);
        self.log.push_imds(instance_id, request);
        response
    }

    /// Moves the clock forward (as a [`Command::AdvanceClock`]).
    pub fn advance(&mut self, seconds: u64) {
        self.tick(seconds);
        self.log.push(Command::AdvanceClock { seconds });
    }

    /// Every event so far, oldest first.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The command log, oldest first: a copy (reads of the metadata service are stored
    /// compactly; [`World::imds_event_request`] gives one without copying).
    pub fn log(&self) -> Vec<Command> {
        self.log.commands().collect()
    }

    /// How many commands the log holds.
    pub fn log_len(&self) -> usize {
        self.log.len()
    }

    /// The command at `index` in the log (a copy).
    pub fn command(&self, index: usize) -> Option<Command> {
        self.log.get(index)
    }

    /// The world as JSON (the save format, with `version`).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Loads a saved world; an unknown format version is a [`LoadError::Version`].
    pub fn from_json(text: &str) -> Result<World, LoadError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| LoadError::Json(e.to_string()))?;
        let Some(found) = value.get("version").and_then(serde_json::Value::as_u64) else {
            return Err(LoadError::Json("missing field `version`".to_string()));
        };
        if found != u64::from(WORLD_FORMAT_VERSION) {
            return Err(LoadError::Version {
                found,
                expected: WORLD_FORMAT_VERSION,
            });
        }
        serde_json::from_value(value).map_err(|e| LoadError::Json(e.to_string()))
    }

    /// Applies `log` to a fresh world of `seed`.
    pub fn replay(seed: u64, log: &[Command]) -> World {
        let mut world = World::new(seed);
        for command in log {
            // A failed call is part of history too: its error is in the events.
            let _ = world.apply(command.clone());
        }
        world
    }

    /// Roles, by lower-cased name.
    pub fn roles(&self) -> impl Iterator<Item = &Role> {
        self.iam.roles.values()
    }

    /// Instance profiles, by lower-cased name.
    pub fn instance_profiles(&self) -> impl Iterator<Item = &InstanceProfile> {
        self.iam.instance_profiles.values()
    }

    /// Managed policies (AWS and customer), by ARN.
    pub fn policies(&self) -> impl Iterator<Item = &ManagedPolicy> {
        self.iam.policies.values()
    }

    /// IAM users.
    pub fn users(&self) -> impl Iterator<Item = &User> {
        self.iam.users.values()
    }

    /// Instances, by id.
    pub fn instances(&self) -> impl Iterator<Item = &Instance> {
        self.ec2.instances.values()
    }

    /// Buckets, by name.
    pub fn buckets(&self) -> impl Iterator<Item = &Bucket> {
        self.s3.buckets.values()
    }

    /// All IAM state.
    pub fn iam(&self) -> &IamState {
        &self.iam
    }

    /// All STS state (sessions).
    pub fn sts(&self) -> &StsState {
        &self.sts
    }

    /// All EC2 state (instances, associations).
    pub fn ec2(&self) -> &Ec2State {
        &self.ec2
    }

    /// All S3 state.
    pub fn s3(&self) -> &S3State {
        &self.s3
    }

    /// All CloudWatch Logs state.
    pub fn logs(&self) -> &LogsState {
        &self.logs
    }

    /// All SSM state (managed nodes).
    pub fn ssm(&self) -> &SsmState {
        &self.ssm
    }

    /// The instance with this id.
    pub fn instance(&self, instance_id: &str) -> Option<&Instance> {
        self.ec2.instances.get(instance_id)
    }

    /// The role called `name` (any case).
    pub fn role(&self, name: &str) -> Option<&Role> {
        self.iam.role(name)
    }

    /// The instance profile called `name` (any case).
    pub fn instance_profile(&self, name: &str) -> Option<&InstanceProfile> {
        self.iam.instance_profile(name)
    }

    /// The source address of calls from `origin`.
    pub fn source_ip(&self, origin: &Origin) -> String {
        match origin {
            Origin::Laptop => LAPTOP_IP.to_string(),
            Origin::Instance { instance_id } | Origin::Container { instance_id } => self
                .ec2
                .instances
                .get(instance_id)
                .map(|i| i.private_ip.clone())
                .unwrap_or_else(|| LAPTOP_IP.to_string()),
        }
    }

    /// Moves the clock and lets the services act: instance state changes, association
    /// changes, credential refreshes, SSM registration.
    fn tick(&mut self, seconds: u64) {
        self.clock.advance(seconds);
        self.ec2_tick();
        self.ssm_tick();
    }
}

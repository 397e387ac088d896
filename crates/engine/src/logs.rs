//! CloudWatch Logs: log groups, log streams and their events.

use crate::clock::Timestamp;
use crate::error::{ApiError, AwsError};
use crate::world::World;
use crate::world::auth::{CallCtx, ResourcePolicy};
use crate::world::params::Params;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// One log event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LogEvent {
    /// Milliseconds since the epoch, as given.
    pub timestamp: i64,
    /// The message.
    pub message: String,
    /// When it was ingested.
    pub ingestion_time: Timestamp,
}

/// A log stream.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LogStream {
    /// The name.
    pub name: String,
    /// When it was created.
    pub creation_time: Timestamp,
    /// Its events.
    pub events: Vec<LogEvent>,
}

/// A log group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LogGroup {
    /// The name.
    pub name: String,
    /// When it was created.
    pub creation_time: Timestamp,
    /// Streams by name.
    pub streams: BTreeMap<String, LogStream>,
}

/// All CloudWatch Logs state.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LogsState {
    /// Log groups by name.
    pub groups: BTreeMap<String, LogGroup>,
}

fn valid_group_name(name: &str) -> bool {
    (1..=512).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-/.#".contains(c))
}

fn valid_stream_name(name: &str) -> bool {
    (1..=512).contains(&name.len()) && !name.contains(':') && !name.contains('*')
}

impl World {
    fn log_group_arn(&self, group: &str) -> String {
        format!(
            "arn:aws:logs:{}:{}:log-group:{group}",
            crate::world::REGION,
            self.account
        )
    }

    /// `CreateLogGroup`.
    pub(crate) fn logs_create_log_group(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("logGroupName")?;
        if !valid_group_name(name) {
            return Err(AwsError::pattern(name, "logGroupName", "[\\.\\-_/#A-Za-z0-9]+").into());
        }
        let arn = format!("{}:log-stream:", self.log_group_arn(name));
        self.check(cx, "logs:CreateLogGroup", &arn, ResourcePolicy::None, &[])?;
        if self.logs.groups.contains_key(name) {
            return Err(AwsError::log_group_exists().into());
        }
        let group = LogGroup {
            name: name.to_string(),
            creation_time: self.now(),
            streams: BTreeMap::new(),
        };
        self.logs.groups.insert(name.to_string(), group);
        Ok(json!({}))
    }

    /// `CreateLogStream`.
    pub(crate) fn logs_create_log_stream(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let group = p.str("logGroupName")?;
        let stream = p.str("logStreamName")?;
        if !valid_stream_name(stream) {
            return Err(AwsError::pattern(stream, "logStreamName", "[^:*]*").into());
        }
        let arn = format!("{}:log-stream:{stream}", self.log_group_arn(group));
        self.check(cx, "logs:CreateLogStream", &arn, ResourcePolicy::None, &[])?;
        let now = self.now();
        let Some(g) = self.logs.groups.get_mut(group) else {
            return Err(AwsError::no_such_log_group().into());
        };
        if g.streams.contains_key(stream) {
            return Err(AwsError::log_stream_exists().into());
        }
        g.streams.insert(
            stream.to_string(),
            LogStream {
                name: stream.to_string(),
                creation_time: now,
                events: Vec::new(),
            },
        );
        Ok(json!({}))
    }

    /// `PutLogEvents` (`logEvents: [{timestamp, message}]`).
    pub(crate) fn logs_put_log_events(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let group = p.str("logGroupName")?;
        let stream = p.str("logStreamName")?;
        let Some(Value::Array(items)) = p.get("logEvents") else {
            return Err(AwsError::InvalidParameterException(
                "Missing required parameter in input: \"logEvents\"".into(),
            )
            .into());
        };
        let mut events = Vec::with_capacity(items.len());
        let now = self.now();
        for item in items {
            let timestamp = item.get("timestamp").and_then(Value::as_i64);
            let message = item.get("message").and_then(Value::as_str);
            let (Some(timestamp), Some(message)) = (timestamp, message) else {
                return Err(AwsError::InvalidParameterException(
                    "Each log event needs a timestamp and a message.".into(),
                )
                .into());
            };
            events.push(LogEvent {
                timestamp,
                message: message.to_string(),
                ingestion_time: now,
            });
        }
        let arn = format!("{}:log-stream:{stream}", self.log_group_arn(group));
        self.check(cx, "logs:PutLogEvents", &arn, ResourcePolicy::None, &[])?;
        let Some(g) = self.logs.groups.get_mut(group) else {
            return Err(AwsError::no_such_log_group().into());
        };
        let Some(s) = g.streams.get_mut(stream) else {
            return Err(AwsError::no_such_log_stream().into());
        };
        s.events.extend(events);
        Ok(json!({ "nextSequenceToken": format!("{:056}", s.events.len()) }))
    }

    /// `DescribeLogGroups` (`logGroupNamePrefix`).
    pub(crate) fn logs_describe_log_groups(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let prefix = p.opt_str("logGroupNamePrefix")?.unwrap_or("");
        let arn = format!(
            "arn:aws:logs:{}:{}:log-group::log-stream:",
            crate::world::REGION,
            self.account
        );
        self.check(
            cx,
            "logs:DescribeLogGroups",
            &arn,
            ResourcePolicy::None,
            &[],
        )?;
        let groups: Vec<Value> = self
            .logs
            .groups
            .values()
            .filter(|g| g.name.starts_with(prefix))
            .map(|g| {
                let stored: usize = g
                    .streams
                    .values()
                    .flat_map(|s| &s.events)
                    .map(|e| e.message.len())
                    .sum();
                json!({
                    "logGroupName": g.name,
                    "creationTime": g.creation_time.seconds() * 1000,
                    "metricFilterCount": 0,
                    "arn": format!("{}:*", self.log_group_arn(&g.name)),
                    "storedBytes": stored,
                    "logGroupClass": "STANDARD",
                    "logGroupArn": self.log_group_arn(&g.name),
                })
            })
            .collect();
        Ok(json!({ "logGroups": groups }))
    }
}

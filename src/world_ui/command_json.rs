//! Reads a saved [`Command`] from its JSON value by hand.
//!
//! Saves and exports hold the engine's commands in serde's format (externally tagged
//! enums). Deriving the reader would link serde's generated visitors for `Command`,
//! `Origin`, `Credentials` and `HttpRequest` into every bundle that loads a save (about
//! 5 KB brotli); this reads the same format from a `serde_json::Value`. The tests check
//! it against the engine's own serializer.

use iamsim_engine::clock::Timestamp;
use iamsim_engine::evalline::json_kind;
use iamsim_engine::imds::HttpRequest;
use iamsim_engine::world::{Command, Credentials, Origin};
use serde_json::{Map, Value};

type Fields<'a> = &'a Map<String, Value>;

/// An externally tagged enum value: (variant, its content). A unit variant may be a
/// plain string.
fn variant(value: &Value) -> Result<(&str, Option<&Value>), String> {
    match value {
        Value::String(name) => Ok((name, None)),
        Value::Object(map) if map.len() == 1 => map
            .iter()
            .next()
            .map(|(k, v)| (k.as_str(), Some(v)))
            .ok_or_else(|| "an empty object".to_string()),
        other => Err(format!(
            "expected an enum variant, found {}",
            json_kind(other)
        )),
    }
}

fn object<'a>(value: Option<&'a Value>, what: &str) -> Result<Fields<'a>, String> {
    value
        .and_then(Value::as_object)
        .ok_or_else(|| format!("{what}: expected an object"))
}

fn field<'a>(fields: Fields<'a>, name: &str) -> Result<&'a Value, String> {
    fields
        .get(name)
        .ok_or_else(|| format!("missing field `{name}`"))
}

fn string(fields: Fields<'_>, name: &str) -> Result<String, String> {
    field(fields, name)?
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| format!("`{name}`: expected a string"))
}

/// An `Option<String>` field: missing or null is `None`.
fn opt_string(fields: Fields<'_>, name: &str) -> Result<Option<String>, String> {
    match fields.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!(
            "`{name}`: expected a string, found {}",
            json_kind(other)
        )),
    }
}

fn u64_of(fields: Fields<'_>, name: &str) -> Result<u64, String> {
    field(fields, name)?
        .as_u64()
        .ok_or_else(|| format!("`{name}`: expected an unsigned integer"))
}

fn origin(value: &Value) -> Result<Origin, String> {
    let (name, content) = variant(value)?;
    let instance_id = || string(object(content, name)?, "instance_id");
    match name {
        "Laptop" => Ok(Origin::Laptop),
        "Instance" => Ok(Origin::Instance {
            instance_id: instance_id()?,
        }),
        "Container" => Ok(Origin::Container {
            instance_id: instance_id()?,
        }),
        other => Err(format!("unknown origin `{other}`")),
    }
}

fn credentials(value: Option<&Value>) -> Result<Option<Credentials>, String> {
    let fields = match value {
        None | Some(Value::Null) => return Ok(None),
        other => object(other, "credentials")?,
    };
    let expiration = match fields.get("expiration") {
        None | Some(Value::Null) => None,
        Some(v) => Some(Timestamp(
            v.as_u64()
                .ok_or("`expiration`: expected an unsigned integer")?,
        )),
    };
    Ok(Some(Credentials {
        access_key_id: string(fields, "access_key_id")?,
        secret_access_key: string(fields, "secret_access_key")?,
        session_token: opt_string(fields, "session_token")?,
        expiration,
    }))
}

fn request(value: Option<&Value>) -> Result<HttpRequest, String> {
    let fields = object(value, "request")?;
    let headers = field(fields, "headers")?
        .as_array()
        .ok_or("`headers`: expected an array")?
        .iter()
        .map(|pair| match pair.as_array().map(Vec::as_slice) {
            Some([Value::String(name), Value::String(value)]) => Ok((name.clone(), value.clone())),
            _ => Err("`headers`: expected [name, value] pairs".to_string()),
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(HttpRequest {
        method: string(fields, "method")?.into(),
        path: string(fields, "path")?.into(),
        headers,
        hops: u8::try_from(u64_of(fields, "hops")?).map_err(|_| "`hops`: out of range")?,
    })
}

/// Reads a command saved by the engine's serializer.
pub fn command_from_value(value: &Value) -> Result<Command, String> {
    let (name, content) = variant(value)?;
    let fields = object(content, name)?;
    match name {
        "Call" => Ok(Command::Call {
            origin: origin(field(fields, "origin")?)?,
            credentials: credentials(fields.get("credentials"))?,
            service: string(fields, "service")?,
            operation: string(fields, "operation")?,
            params: field(fields, "params")?.clone(),
        }),
        "ConsoleCreateRoleForEc2" => Ok(Command::ConsoleCreateRoleForEc2 {
            role_name: string(fields, "role_name")?,
            managed_policy_arns: field(fields, "managed_policy_arns")?
                .as_array()
                .ok_or("`managed_policy_arns`: expected an array")?
                .iter()
                .map(|v| {
                    v.as_str()
                        .map(str::to_string)
                        .ok_or_else(|| "`managed_policy_arns`: expected strings".to_string())
                })
                .collect::<Result<_, _>>()?,
            description: opt_string(fields, "description")?,
        }),
        "Imds" => Ok(Command::Imds {
            instance_id: string(fields, "instance_id")?,
            request: request(fields.get("request"))?,
        }),
        "AdvanceClock" => Ok(Command::AdvanceClock {
            seconds: u64_of(fields, "seconds")?,
        }),
        other => Err(format!("unknown command `{other}`")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn round_trip(command: Command) {
        let value = serde_json::to_value(&command).unwrap();
        assert_eq!(command_from_value(&value), Ok(command));
    }

    #[test]
    fn reads_what_the_engine_writes() {
        round_trip(Command::Call {
            origin: Origin::Laptop,
            credentials: None,
            service: "iam".into(),
            operation: "CreateRole".into(),
            params: json!({"RoleName": "r", "Tags": [{"Key": "k", "Value": "v"}]}),
        });
        round_trip(Command::Call {
            origin: Origin::Container {
                instance_id: "i-0123456789abcdef0".into(),
            },
            credentials: Some(Credentials {
                access_key_id: "ASIAEXAMPLE".into(),
                secret_access_key: "secret".into(),
                session_token: Some("token".into()),
                expiration: Some(Timestamp(1_767_247_200)),
            }),
            service: "s3".into(),
            operation: "PutObject".into(),
            params: json!({"Bucket": "b", "Key": "f.txt", "Body": "x"}),
        });
        round_trip(Command::Call {
            origin: Origin::Instance {
                instance_id: "i-1".into(),
            },
            credentials: Some(Credentials {
                access_key_id: "AKIAEXAMPLE".into(),
                secret_access_key: "s".into(),
                session_token: None,
                expiration: None,
            }),
            service: "sts".into(),
            operation: "GetCallerIdentity".into(),
            params: json!({}),
        });
        round_trip(Command::ConsoleCreateRoleForEc2 {
            role_name: "app-role".into(),
            managed_policy_arns: vec!["arn:aws:iam::aws:policy/AmazonS3FullAccess".into()],
            description: Some("d".into()),
        });
        round_trip(Command::ConsoleCreateRoleForEc2 {
            role_name: "r".into(),
            managed_policy_arns: vec![],
            description: None,
        });
        round_trip(Command::Imds {
            instance_id: "i-1".into(),
            request: HttpRequest {
                method: "PUT".into(),
                path: "/latest/api/token".into(),
                headers: vec![(
                    "X-aws-ec2-metadata-token-ttl-seconds".into(),
                    "21600".into(),
                )],
                hops: 2,
            },
        });
        round_trip(Command::AdvanceClock { seconds: 300 });
    }

    #[test]
    fn refuses_what_is_not_a_command() {
        for (value, message) in [
            (json!(3), "expected an enum variant, found a number"),
            (json!({"Fly": {}}), "unknown command `Fly`"),
            (json!({"AdvanceClock": {}}), "missing field `seconds`"),
            (
                json!({"AdvanceClock": {"seconds": -1}}),
                "`seconds`: expected an unsigned integer",
            ),
            (
                json!({"Call": {"origin": "Moon", "service": "s3", "operation": "x", "params": {}}}),
                "unknown origin `Moon`",
            ),
            (
                json!({"Imds": {"instance_id": "i-1", "request": {"method": "GET", "path": "/", "headers": [["a"]], "hops": 1}}}),
                "`headers`: expected [name, value] pairs",
            ),
        ] {
            assert_eq!(command_from_value(&value), Err(message.to_string()));
        }
        // Optional members may be missing, as with serde.
        let call = json!({"Call": {"origin": {"Laptop": null}, "service": "s3", "operation": "ListBuckets", "params": {}}});
        assert!(matches!(
            command_from_value(&call),
            Ok(Command::Call {
                credentials: None,
                ..
            })
        ));
    }
}

//! The credential chain as botocore walks it: environment variables, the shared
//! credentials file, the config file, then (on an instance) the instance
//! metadata service, whose credentials are cached on the host and refreshed 15
//! minutes (advisory) / 10 minutes (mandatory) before they expire.

use std::collections::BTreeMap;

use iamsim_engine::clock::Timestamp;
use iamsim_engine::imds::HttpRequest;
use iamsim_engine::world::{Credentials, World};

use crate::host::{CachedCredentials, Host, HostKind};

/// Advisory refresh: try new credentials this long before expiry.
pub const ADVISORY_REFRESH: u64 = 15 * 60;
/// Mandatory refresh: stop using credentials this long before expiry.
pub const MANDATORY_REFRESH: u64 = 10 * 60;
/// The token TTL botocore asks for.
pub const TOKEN_TTL: &str = "21600";

/// Where credentials came from, named as `aws configure list` shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// `AWS_ACCESS_KEY_ID` and friends.
    Env,
    /// `~/.aws/credentials`.
    SharedCredentialsFile,
    /// `~/.aws/config`.
    ConfigFile,
    /// The instance metadata service.
    IamRole,
}

impl Source {
    /// botocore's method name.
    pub fn method(self) -> &'static str {
        match self {
            Source::Env => "env",
            Source::SharedCredentialsFile => "shared-credentials-file",
            Source::ConfigFile => "config-file",
            Source::IamRole => "iam-role",
        }
    }
}

/// Why the chain found nothing usable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ChainError {
    /// `--profile` / `AWS_PROFILE` names a profile in neither file.
    #[error("The config profile ({0}) could not be found")]
    ProfileNotFound(String),
    /// Nothing anywhere.
    #[error(
        "Unable to locate credentials. You can configure credentials by running \"aws configure\"."
    )]
    NoCredentials,
}

/// An INI file as `section → key → value`.
pub type Ini = BTreeMap<String, BTreeMap<String, String>>;

/// Parses an AWS shared config/credentials file.
pub fn parse_ini(text: &str) -> Ini {
    let mut ini = Ini::new();
    let mut section: Option<String> = None;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let name = name.trim().to_string();
            ini.entry(name.clone()).or_default();
            section = Some(name);
        } else if let (Some(sec), Some((k, v))) = (&section, line.split_once('=')) {
            ini.entry(sec.clone())
                .or_default()
                .insert(k.trim().to_string(), v.trim().to_string());
        }
    }
    ini
}

/// Writes an INI file back.
pub fn write_ini(ini: &Ini) -> String {
    let mut text = String::new();
    for (section, values) in ini {
        text.push_str(&format!("[{section}]\n"));
        for (k, v) in values {
            text.push_str(&format!("{k} = {v}\n"));
        }
    }
    text
}

/// The shared credentials file's path on a host.
pub fn credentials_path(host: &Host, env: &BTreeMap<String, String>) -> String {
    match env.get("AWS_SHARED_CREDENTIALS_FILE") {
        Some(p) => host.path(&p.replace('~', &host.home)),
        None => format!("{}/.aws/credentials", host.home),
    }
}

/// The config file's path on a host.
pub fn config_path(host: &Host, env: &BTreeMap<String, String>) -> String {
    match env.get("AWS_CONFIG_FILE") {
        Some(p) => host.path(&p.replace('~', &host.home)),
        None => format!("{}/.aws/config", host.home),
    }
}

/// One section of an INI file.
pub type Section = BTreeMap<String, String>;

/// The profile's section in the credentials file and in the config file.
pub fn profile_sections(
    host: &Host,
    env: &BTreeMap<String, String>,
    profile: &str,
) -> (Option<Section>, Option<Section>) {
    let creds = host
        .fs
        .read(&credentials_path(host, env))
        .ok()
        .map(parse_ini)
        .and_then(|mut ini| ini.remove(profile));
    let config_section = if profile == "default" {
        "default".to_string()
    } else {
        format!("profile {profile}")
    };
    let config = host
        .fs
        .read(&config_path(host, env))
        .ok()
        .map(parse_ini)
        .and_then(|mut ini| ini.remove(&config_section));
    (creds, config)
}

fn keys_from(section: &BTreeMap<String, String>) -> Option<Credentials> {
    let id = section.get("aws_access_key_id")?;
    let secret = section.get("aws_secret_access_key")?;
    Some(Credentials {
        access_key_id: id.clone(),
        secret_access_key: secret.clone(),
        session_token: section.get("aws_session_token").cloned(),
        expiration: None,
    })
}

/// The profile in use: `--profile`, else `AWS_PROFILE`, else `default`; and whether it was named.
pub fn profile_name(explicit: Option<&str>, env: &BTreeMap<String, String>) -> (String, bool) {
    match explicit {
        Some(p) => (p.to_string(), true),
        None => match env.get("AWS_PROFILE").filter(|p| !p.is_empty()) {
            Some(p) => (p.clone(), true),
            None => ("default".to_string(), false),
        },
    }
}

/// Walks the chain. `explicit_profile` is `--profile` (which also skips the environment).
pub fn resolve(
    host: &mut Host,
    world: &mut World,
    env: &BTreeMap<String, String>,
    explicit_profile: Option<&str>,
) -> Result<(Credentials, Source), ChainError> {
    let (profile, named) = profile_name(explicit_profile, env);
    if explicit_profile.is_none()
        && let (Some(id), Some(secret)) = (
            env.get("AWS_ACCESS_KEY_ID").filter(|v| !v.is_empty()),
            env.get("AWS_SECRET_ACCESS_KEY").filter(|v| !v.is_empty()),
        )
    {
        return Ok((
            Credentials {
                access_key_id: id.clone(),
                secret_access_key: secret.clone(),
                session_token: env
                    .get("AWS_SESSION_TOKEN")
                    .filter(|v| !v.is_empty())
                    .cloned(),
                expiration: None,
            },
            Source::Env,
        ));
    }
    let (creds_section, config_section) = profile_sections(host, env, &profile);
    if named && profile != "default" && creds_section.is_none() && config_section.is_none() {
        return Err(ChainError::ProfileNotFound(profile));
    }
    if let Some(keys) = creds_section.as_ref().and_then(keys_from) {
        return Ok((keys, Source::SharedCredentialsFile));
    }
    if let Some(keys) = config_section.as_ref().and_then(keys_from) {
        return Ok((keys, Source::ConfigFile));
    }
    let disabled = env
        .get("AWS_EC2_METADATA_DISABLED")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"));
    if disabled {
        return Err(ChainError::NoCredentials);
    }
    let (instance_id, hops) = match &host.kind {
        HostKind::Laptop => return Err(ChainError::NoCredentials),
        HostKind::Instance { instance_id } => (instance_id.clone(), 1),
        HostKind::Container { instance_id } => (instance_id.clone(), 2),
    };
    let now = world.now().seconds();
    if let Some(cached) = host.imds_cache.clone() {
        let left = cached
            .expiration
            .map(|e| e.saturating_sub(now))
            .unwrap_or(0);
        if left > ADVISORY_REFRESH {
            return Ok((to_credentials(&cached), Source::IamRole));
        }
        if let Some(fresh) = fetch_imds(world, &instance_id, hops) {
            host.imds_cache = Some(fresh.clone());
            return Ok((to_credentials(&fresh), Source::IamRole));
        }
        if left > MANDATORY_REFRESH {
            return Ok((to_credentials(&cached), Source::IamRole));
        }
        host.imds_cache = None;
        return Err(ChainError::NoCredentials);
    }
    match fetch_imds(world, &instance_id, hops) {
        Some(fresh) => {
            if matches!(host.kind, HostKind::Instance { .. }) {
                host.imds_cache = Some(fresh.clone());
            }
            Ok((to_credentials(&fresh), Source::IamRole))
        }
        None => Err(ChainError::NoCredentials),
    }
}

fn to_credentials(cached: &CachedCredentials) -> Credentials {
    Credentials {
        access_key_id: cached.access_key_id.clone(),
        secret_access_key: cached.secret_access_key.clone(),
        session_token: cached.session_token.clone(),
        expiration: cached.expiration.map(Timestamp),
    }
}

/// botocore's `InstanceMetadataFetcher`: a token PUT (TTL 21600), falling back to
/// IMDSv1 on 403/404/405 or no answer, giving up on 400; then the role name and
/// its credentials, dropped when a field is missing.
pub fn fetch_imds(world: &mut World, instance_id: &str, hops: u8) -> Option<CachedCredentials> {
    let put = HttpRequest {
        method: "PUT".into(),
        path: "/latest/api/token".into(),
        headers: vec![(
            "X-aws-ec2-metadata-token-ttl-seconds".into(),
            TOKEN_TTL.into(),
        )],
        hops,
    };
    let reply = world.imds(instance_id, put);
    let token = match reply.status {
        200 => Some(reply.body.trim().to_string()),
        400 => return None,
        _ => None,
    };
    let get = |path: &str| HttpRequest {
        method: "GET".into(),
        path: path.into(),
        headers: token
            .iter()
            .map(|t| ("X-aws-ec2-metadata-token".to_string(), t.clone()))
            .collect(),
        hops,
    };
    let listing = world.imds(
        instance_id,
        get("/latest/meta-data/iam/security-credentials/"),
    );
    if listing.status != 200 {
        return None;
    }
    let role = listing.body.lines().next()?.trim().to_string();
    if role.is_empty() {
        return None;
    }
    let reply = world.imds(
        instance_id,
        get(&format!(
            "/latest/meta-data/iam/security-credentials/{role}"
        )),
    );
    if reply.status != 200 {
        return None;
    }
    let body: serde_json::Value = serde_json::from_str(&reply.body).ok()?;
    let field = |name: &str| body.get(name).and_then(|v| v.as_str()).map(str::to_string);
    let expiration = Timestamp::parse(&field("Expiration")?)?;
    Some(CachedCredentials {
        access_key_id: field("AccessKeyId")?,
        secret_access_key: field("SecretAccessKey")?,
        session_token: Some(field("Token")?),
        expiration: Some(expiration.seconds()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ini_round_trip() {
        let ini = parse_ini(
            "[default]\naws_access_key_id = AKIA\n# c\n[profile dev]\nregion=eu-west-1\n",
        );
        assert_eq!(ini["default"]["aws_access_key_id"], "AKIA");
        assert_eq!(ini["profile dev"]["region"], "eu-west-1");
        assert_eq!(parse_ini(&write_ini(&ini)), ini);
    }
}

//! `aws configure set|get|list|list-profiles`: the shared credentials and
//! config files on the host. (`aws configure` itself prompts, which a
//! one-line terminal cannot do.)

use super::creds::{self, Source};
use super::{Ctx, EXIT_USAGE, invalid_choice};
use crate::io::Out;

const CREDENTIAL_KEYS: &[&str] = &[
    "aws_access_key_id",
    "aws_secret_access_key",
    "aws_session_token",
];

/// Runs `aws configure …`.
pub fn run(ctx: &mut Ctx<'_>, args: &[String], out: &mut Out) -> Out {
    let Some((sub, rest)) = args.split_first() else {
        out.fail(
            EXIT_USAGE,
            "aws configure: this terminal cannot prompt; use `aws configure set aws_access_key_id AKIA…`, `aws configure set region us-east-1` and `aws configure list`.",
        );
        return std::mem::take(out);
    };
    match sub.as_str() {
        "set" => set(ctx, rest, out),
        "get" => get(ctx, rest, out),
        "list" => list(ctx, out),
        "list-profiles" => list_profiles(ctx, out),
        _ => {
            return invalid_choice(
                out,
                "operation",
                sub,
                &[
                    "add-model",
                    "export-credentials",
                    "get",
                    "import",
                    "list",
                    "list-profiles",
                    "set",
                    "sso",
                    "sso-session",
                ],
            );
        }
    }
    std::mem::take(out)
}

/// `default.region` / `profile.dev.region` / `region` → (profile, key).
fn split_key(ctx: &Ctx<'_>, key: &str) -> (String, String) {
    let (profile, _) = creds::profile_name(ctx.globals.profile.as_deref(), ctx.env);
    if let Some(rest) = key.strip_prefix("profile.")
        && let Some((p, k)) = rest.split_once('.')
    {
        return (p.to_string(), k.to_string());
    }
    if let Some(k) = key.strip_prefix("default.") {
        return ("default".to_string(), k.to_string());
    }
    (profile, key.to_string())
}

fn section_name(profile: &str, credentials: bool) -> String {
    if credentials || profile == "default" {
        profile.to_string()
    } else {
        format!("profile {profile}")
    }
}

fn set(ctx: &mut Ctx<'_>, args: &[String], out: &mut Out) {
    let (Some(key), Some(value)) = (args.first(), args.get(1)) else {
        out.fail(
            EXIT_USAGE,
            "usage: aws configure set varname value [--profile profile-name]",
        );
        return;
    };
    let (profile, key) = split_key(ctx, key);
    let is_credential = CREDENTIAL_KEYS.contains(&key.as_str());
    let path = if is_credential {
        creds::credentials_path(ctx.host, ctx.env)
    } else {
        creds::config_path(ctx.host, ctx.env)
    };
    let mut ini = ctx
        .host
        .fs
        .read(&path)
        .map(creds::parse_ini)
        .unwrap_or_default();
    ini.entry(section_name(&profile, is_credential))
        .or_default()
        .insert(key, value.clone());
    let now = ctx.world.now().seconds();
    let dir = path
        .rsplit_once('/')
        .map(|(d, _)| d.to_string())
        .unwrap_or_default();
    let _ = ctx.host.fs.mkdir(&dir, true, now);
    if let Err(e) = ctx
        .host
        .fs
        .write(&path, &creds::write_ini(&ini), false, now)
    {
        out.fail(255, format!("\n[Errno 2] {e}: '{path}'"));
    }
}

fn get(ctx: &mut Ctx<'_>, args: &[String], out: &mut Out) {
    let Some(key) = args.first() else {
        out.fail(
            EXIT_USAGE,
            "usage: aws configure get varname [--profile profile-name]",
        );
        return;
    };
    let (profile, key) = split_key(ctx, key);
    let (cred, config) = creds::profile_sections(ctx.host, ctx.env, &profile);
    let value = cred
        .as_ref()
        .and_then(|c| c.get(&key))
        .or_else(|| config.as_ref().and_then(|c| c.get(&key)));
    match value {
        Some(v) => out.outln(v),
        None => out.status = 1,
    }
}

fn row(name: &str, value: &str, kind: &str, location: &str) -> String {
    format!("{name:>10} {value:>24} {kind:>16}    {location}")
}

fn mask(value: &str) -> String {
    let tail: String = value
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("{}{tail}", "*".repeat(16))
}

fn list(ctx: &mut Ctx<'_>, out: &mut Out) {
    out.outln(row("Name", "Value", "Type", "Location"));
    out.outln(row("----", "-----", "----", "--------"));
    let (profile_value, profile_type, profile_location) =
        match (&ctx.globals.profile, ctx.env.get("AWS_PROFILE")) {
            (Some(p), _) => (p.clone(), "manual", "--profile"),
            (None, Some(p)) => (p.clone(), "env", "AWS_PROFILE"),
            (None, None) => ("<not set>".to_string(), "None", "None"),
        };
    out.outln(row(
        "profile",
        &profile_value,
        profile_type,
        profile_location,
    ));
    let profile = ctx.globals.profile.clone();
    match creds::resolve(ctx.host, ctx.world, ctx.env, profile.as_deref()) {
        Ok((keys, source)) => {
            // awscli's `configure list` names the variable for env and config-file
            // keys, and nothing for what only the credential chain finds.
            let (key_location, secret_location) = match source {
                Source::Env => ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"),
                Source::ConfigFile => ("~/.aws/config", "~/.aws/config"),
                Source::SharedCredentialsFile | Source::IamRole => ("", ""),
            };
            out.outln(row(
                "access_key",
                &mask(&keys.access_key_id),
                source.method(),
                key_location,
            ));
            out.outln(row(
                "secret_key",
                &mask(&keys.secret_access_key),
                source.method(),
                secret_location,
            ));
        }
        Err(_) => {
            out.outln(row("access_key", "<not set>", "None", "None"));
            out.outln(row("secret_key", "<not set>", "None", "None"));
        }
    }
    let (name, _) = creds::profile_name(ctx.globals.profile.as_deref(), ctx.env);
    let (_, config) = creds::profile_sections(ctx.host, ctx.env, &name);
    let region_line = if let Some(r) = &ctx.globals.region {
        row("region", r, "manual", "--region")
    } else if let Some(r) = ctx.env.get("AWS_REGION") {
        row("region", r, "env", "AWS_REGION")
    } else if let Some(r) = ctx.env.get("AWS_DEFAULT_REGION") {
        row("region", r, "env", "AWS_DEFAULT_REGION")
    } else if let Some(r) = config.as_ref().and_then(|c| c.get("region")) {
        row("region", r, "config-file", "~/.aws/config")
    } else {
        row("region", "<not set>", "None", "None")
    };
    out.outln(region_line);
}

fn list_profiles(ctx: &mut Ctx<'_>, out: &mut Out) {
    let mut names: Vec<String> = Vec::new();
    let config_path = creds::config_path(ctx.host, ctx.env);
    let creds_path = creds::credentials_path(ctx.host, ctx.env);
    for (path, is_config) in [(config_path, true), (creds_path, false)] {
        for section in ctx
            .host
            .fs
            .read(&path)
            .map(creds::parse_ini)
            .unwrap_or_default()
            .keys()
        {
            let name = if is_config {
                section
                    .strip_prefix("profile ")
                    .unwrap_or(section)
                    .to_string()
            } else {
                section.clone()
            };
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    for name in names {
        out.outln(name);
    }
}

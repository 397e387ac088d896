//! The AWS CLI v2 (legacy error format): global options, `aws SERVICE OPERATION
//! --options`, the high-level `aws s3` commands and `aws configure`, with the
//! CLI's usage errors, exit codes and output formats.

pub mod configure;
pub mod creds;
pub mod help;
pub mod jmespath;
pub mod output;
pub mod s3;
pub mod shorthand;
pub mod spec;
pub mod wait;

use std::collections::BTreeMap;

use iamsim_engine::error::ApiError;
use iamsim_engine::world::{Credentials, Origin, World};
use serde_json::{Map, Value};

use crate::host::{Host, HostKind};
use crate::io::Out;
use output::Format;
use spec::{Operation, Ty};

/// What `aws --version` prints.
pub const VERSION: &str =
    "aws-cli/2.22.0 Python/3.12.6 Linux/6.1 iamsim/0.1.0 (simulated; legacy error format)";

/// Exit status of a service error (CLI v2).
pub const EXIT_SERVICE: i32 = 254;
/// Exit status of a usage or parameter error.
pub const EXIT_USAGE: i32 = 252;
/// Exit status when the configuration (credentials) is unusable.
pub const EXIT_CONFIG: i32 = 253;
/// Exit status of other failures.
pub const EXIT_OTHER: i32 = 255;

/// The usage block the CLI prints before an argument error.
pub const USAGE: &str =
    "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
To see help text, you can run:

  aws help
  aws <command> help
  aws <command> <subcommand> help
";

/// botocore's `NoRegionError`.
pub const NO_REGION: &str =
    "You must specify a region. You can also configure your region by running \"aws configure\".";

/// Options every command takes.
#[derive(Clone, Debug, Default)]
pub struct Globals {
    /// `--output`.
    pub output: Option<String>,
    /// `--query`.
    pub query: Option<String>,
    /// `--profile`.
    pub profile: Option<String>,
    /// `--region`.
    pub region: Option<String>,
}

/// A call's context: the host it runs on, the world, its environment.
pub struct Ctx<'a> {
    /// The host.
    pub host: &'a mut Host,
    /// The world.
    pub world: &'a mut World,
    /// The command's environment.
    pub env: &'a BTreeMap<String, String>,
    /// Global options.
    pub globals: Globals,
}

/// Why a call did not produce a response.
#[derive(Clone, Debug, PartialEq)]
pub enum CallError {
    /// The credential chain failed.
    Chain(creds::ChainError),
    /// AWS answered with an error.
    Api(ApiError),
    /// A regional service and no region anywhere in the configuration.
    NoRegion,
    /// A region other than the simulated one: nothing answers there.
    Endpoint(String),
}

impl CallError {
    /// The message after `upload failed: … ` and similar prefixes.
    pub fn short(&self, operation: &str) -> String {
        match self {
            CallError::Chain(creds::ChainError::NoCredentials) => {
                "Unable to locate credentials".to_string()
            }
            CallError::Chain(e) => e.to_string(),
            CallError::Api(e) => e.cli_message(operation),
            CallError::NoRegion => NO_REGION.to_string(),
            CallError::Endpoint(url) => format!("Could not connect to the endpoint URL: \"{url}\""),
        }
    }

    /// Prints the error as the CLI does (blank line, message) and sets the exit status.
    pub fn report(&self, operation: &str, out: &mut Out) {
        match self {
            CallError::Chain(e @ creds::ChainError::NoCredentials) => {
                out.err(format!("\n{e}\n"));
                out.status = EXIT_CONFIG;
            }
            CallError::Chain(e) => {
                out.err(format!("\n{e}\n"));
                out.status = EXIT_OTHER;
            }
            CallError::Api(e) => {
                out.err(format!("\n{}\n", e.cli_message(operation)));
                out.status = EXIT_SERVICE;
            }
            CallError::NoRegion => {
                out.err(format!("\n{NO_REGION}\n"));
                out.status = EXIT_CONFIG;
            }
            CallError::Endpoint(_) => {
                out.err(format!("\n{}\n", self.short(operation)));
                out.status = EXIT_OTHER;
            }
        }
    }
}

impl Ctx<'_> {
    /// Where calls from this host come from.
    pub fn origin(&self) -> Origin {
        match &self.host.kind {
            HostKind::Laptop => Origin::Laptop,
            HostKind::Instance { instance_id } => Origin::Instance {
                instance_id: instance_id.clone(),
            },
            HostKind::Container { instance_id } => Origin::Container {
                instance_id: instance_id.clone(),
            },
        }
    }

    /// The credentials the chain finds.
    pub fn credentials(&mut self) -> Result<Credentials, CallError> {
        creds::resolve(
            self.host,
            self.world,
            self.env,
            self.globals.profile.as_deref(),
        )
        .map(|(c, _)| c)
        .map_err(CallError::Chain)
    }

    /// The region: `--region`, `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's
    /// `region`, and on an instance the instance's own (CLI v2 asks the metadata
    /// service; every simulated instance is in us-east-1).
    pub fn region(&self) -> Option<String> {
        let (profile, _) = creds::profile_name(self.globals.profile.as_deref(), self.env);
        self.globals
            .region
            .clone()
            .or_else(|| self.env.get("AWS_REGION").cloned())
            .or_else(|| self.env.get("AWS_DEFAULT_REGION").cloned())
            .or_else(|| {
                let (_, config) = creds::profile_sections(self.host, self.env, &profile);
                config.and_then(|c| c.get("region").cloned())
            })
            // Approximation: botocore does not fall back to the default profile's
            // region (a named profile without one gets NoRegionError); the lessons
            // rely on this fallback, so only "no region anywhere" fails here.
            .or_else(|| {
                let (_, config) = creds::profile_sections(self.host, self.env, "default");
                config.and_then(|c| c.get("region").cloned())
            })
            .or_else(|| match self.host.kind {
                HostKind::Laptop => None,
                _ => Some(iamsim_engine::world::REGION.to_string()),
            })
            .filter(|r| !r.is_empty())
    }

    /// Signs and sends one API call.
    pub fn call(&mut self, endpoint: &str, api: &str, params: Value) -> Result<Value, CallError> {
        // botocore's order: the profile, then the region, then the credentials.
        let (profile, named) = creds::profile_name(self.globals.profile.as_deref(), self.env);
        if named && profile != "default" {
            let (c, f) = creds::profile_sections(self.host, self.env, &profile);
            if c.is_none() && f.is_none() {
                return Err(CallError::Chain(creds::ChainError::ProfileNotFound(
                    profile,
                )));
            }
        }
        if matches!(endpoint, "ec2" | "logs" | "ssm") {
            match self.region() {
                None => return Err(CallError::NoRegion),
                Some(region) if region != iamsim_engine::world::REGION => {
                    return Err(CallError::Endpoint(format!(
                        "https://{endpoint}.{region}.amazonaws.com/"
                    )));
                }
                Some(_) => {}
            }
        }
        let credentials = self.credentials()?;
        let origin = self.origin();
        self.world
            .call(origin, Some(&credentials), endpoint, api, params)
            .map_err(CallError::Api)
    }

    /// The output format: `--output`, `AWS_DEFAULT_OUTPUT`, the profile's `output`, json.
    pub fn format(&self) -> Result<Format, String> {
        let (profile, _) = creds::profile_name(self.globals.profile.as_deref(), self.env);
        let configured = self
            .globals
            .output
            .clone()
            .or_else(|| self.env.get("AWS_DEFAULT_OUTPUT").cloned())
            .or_else(|| {
                let (_, config) = creds::profile_sections(self.host, self.env, &profile);
                config.and_then(|c| c.get("output").cloned())
            });
        match configured {
            None => Ok(Format::Json),
            Some(text) => Format::parse(&text).ok_or(text),
        }
    }
}

/// Writes `usage` + `aws: error: MESSAGE` and the usage exit status.
pub fn usage_error(out: &mut Out, message: &str) -> Out {
    out.err(USAGE);
    out.err("\n");
    out.fail(EXIT_USAGE, format!("aws: error: {message}"));
    std::mem::take(out)
}

/// Python's `difflib.SequenceMatcher.ratio`, for "maybe you meant".
fn similarity(a: &str, b: &str) -> f64 {
    fn matches(a: &[char], b: &[char]) -> usize {
        let mut best = (0usize, 0usize, 0usize);
        for i in 0..a.len() {
            for j in 0..b.len() {
                let mut k = 0;
                while a.get(i + k).is_some() && a.get(i + k) == b.get(j + k) {
                    k += 1;
                }
                if k > best.2 {
                    best = (i, j, k);
                }
            }
        }
        let (i, j, k) = best;
        if k == 0 {
            return 0;
        }
        let left = matches(a.get(..i).unwrap_or(&[]), b.get(..j).unwrap_or(&[]));
        let right = matches(a.get(i + k..).unwrap_or(&[]), b.get(j + k..).unwrap_or(&[]));
        k + left + right
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let total = a.len() + b.len();
    if total == 0 {
        return 1.0;
    }
    2.0 * matches(&a, &b) as f64 / total as f64
}

/// `argument NAME: Invalid choice, valid choices are:` with two columns.
pub fn invalid_choice(out: &mut Out, argument: &str, value: &str, choices: &[&str]) -> Out {
    let mut message = format!("argument {argument}: Invalid choice, valid choices are:\n");
    for pair in choices.chunks(2) {
        let cells: Vec<String> = pair.iter().map(|c| format!("{c:<40}")).collect();
        message.push('\n');
        message.push_str(&cells.join(" | "));
    }
    let mut close: Vec<(f64, &str)> = choices
        .iter()
        .map(|c| (similarity(value, c), *c))
        .filter(|(r, _)| *r >= 0.8)
        .collect();
    iamsim_engine::sort::sort_by(&mut close, |a, b| {
        b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal)
    });
    if !close.is_empty() {
        message.push_str(&format!(
            "\n\n\nInvalid choice: '{value}', maybe you meant:\n"
        ));
        let names: Vec<String> = close
            .iter()
            .take(3)
            .map(|(_, c)| format!("  * {c}"))
            .collect();
        message.push('\n');
        message.push_str(&names.join("\n"));
    }
    usage_error(out, &message)
}

/// Runs `aws ARGS` on a host.
pub fn run(
    host: &mut Host,
    world: &mut World,
    args: &[String],
    env: &BTreeMap<String, String>,
    out: &mut Out,
) -> Out {
    // Global options may appear anywhere.
    let mut globals = Globals::default();
    let mut rest: Vec<String> = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let slot = match name {
            "--output" => Some(&mut globals.output),
            "--query" => Some(&mut globals.query),
            "--profile" => Some(&mut globals.profile),
            "--region" => Some(&mut globals.region),
            "--endpoint-url"
            | "--cli-read-timeout"
            | "--cli-connect-timeout"
            | "--color"
            | "--ca-bundle"
            | "--cli-binary-format" => {
                if inline.is_none() {
                    iter.next();
                }
                continue;
            }
            "--no-cli-pager"
            | "--debug"
            | "--no-paginate"
            | "--no-verify-ssl"
            | "--no-sign-request"
            | "--no-cli-auto-prompt"
            | "--cli-auto-prompt" => continue,
            "--version" if rest.is_empty() => {
                out.outln(VERSION);
                return std::mem::take(out);
            }
            _ => None,
        };
        match slot {
            Some(slot) => match inline.or_else(|| iter.next().cloned()) {
                Some(value) => *slot = Some(value),
                None => {
                    return usage_error(out, &format!("argument {name}: expected one argument"));
                }
            },
            None => rest.push(arg.clone()),
        }
    }
    if let Some(output) = &globals.output
        && Format::parse(output).is_none()
    {
        return invalid_choice(out, "--output", output, &["json", "text", "table"]);
    }
    let mut ctx = Ctx {
        host,
        world,
        env,
        globals,
    };
    let Some((command, rest)) = rest.split_first() else {
        return usage_error(out, "the following arguments are required: command");
    };
    match command.as_str() {
        "help" => {
            out.out(help::top());
            return std::mem::take(out);
        }
        "s3" => return s3::run(&mut ctx, rest, out),
        "configure" => return configure::run(&mut ctx, rest, out),
        _ => {}
    }
    let Some(service) = spec::service(command) else {
        return invalid_choice(out, "command", command, &spec::commands());
    };
    let operations = service.parsed();
    let Some((op_name, op_args)) = rest.split_first() else {
        return usage_error(out, "the following arguments are required: operation");
    };
    if op_name == "help" {
        out.out(help::service(service));
        return std::mem::take(out);
    }
    if op_name == "wait" && wait::has_waiters(service.command) {
        return wait::run(&mut ctx, service, op_args, out);
    }
    let Some(operation) = operations.iter().find(|o| &o.name == op_name) else {
        let mut names: Vec<&str> = operations.iter().map(|o| o.name.as_str()).collect();
        names.push("help");
        if wait::has_waiters(service.command) {
            names.push("wait");
        }
        iamsim_engine::sort::sort(&mut names);
        return invalid_choice(out, "operation", op_name, &names);
    };
    if op_args.iter().any(|a| a == "help") {
        out.out(help::operation(service, operation));
        return std::mem::take(out);
    }
    run_operation(&mut ctx, service.endpoint, operation, op_args, out)
}

/// Parses an operation's options into botocore parameters.
pub fn parse_params(
    ctx: &Ctx<'_>,
    operation: &Operation,
    args: &[String],
) -> Result<(Map<String, Value>, Vec<String>), String> {
    let mut params = Map::new();
    let mut positionals: Vec<String> = Vec::new();
    let mut unknown: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        i += 1;
        let Some(option) = arg.strip_prefix("--") else {
            positionals.push(arg.clone());
            continue;
        };
        let (option, inline) = match option.split_once('=') {
            Some((o, v)) => (o, Some(v.to_string())),
            None => (option, None),
        };
        let negated = option.strip_prefix("no-");
        let param = operation
            .params
            .iter()
            .find(|p| p.option == option)
            .or_else(|| {
                negated.and_then(|n| {
                    operation
                        .params
                        .iter()
                        .find(|p| p.option == n && p.ty == Ty::Bool)
                })
            });
        // `aws ec2 run-instances --count N` (a CLI customization).
        if operation.api == "RunInstances" && option == "count" {
            let value = inline.or_else(|| args.get(i).cloned()).unwrap_or_default();
            i += 1;
            let (min, max) = value.split_once(':').unwrap_or((&value, &value));
            let parse = |t: &str| {
                t.parse::<i64>()
                    .map_err(|_| format!("argument --count: invalid count value: '{value}'"))
            };
            params.insert("MinCount".into(), Value::from(parse(min)?));
            params.insert("MaxCount".into(), Value::from(parse(max)?));
            continue;
        }
        let Some(param) = param else {
            unknown.push(arg.clone());
            // Skip the unknown option's values too, as the CLI reports them.
            while let Some(next) = args.get(i) {
                if next.starts_with("--") {
                    break;
                }
                unknown.push(next.clone());
                i += 1;
            }
            continue;
        };
        if param.ty == Ty::Bool {
            params.insert(
                param.member.clone(),
                Value::Bool(negated.is_none() || param.option == option),
            );
            continue;
        }
        let mut values: Vec<String> = Vec::new();
        if let Some(v) = inline {
            values.push(v);
        } else if param.ty.is_list() {
            while let Some(next) = args.get(i) {
                if next.starts_with("--") {
                    break;
                }
                values.push(next.clone());
                i += 1;
            }
        } else if let Some(next) = args.get(i) {
            values.push(next.clone());
            i += 1;
        }
        if values.is_empty() {
            return Err(format!(
                "argument --{}: expected one argument",
                param.option
            ));
        }
        let value = convert(ctx, &param.option, &param.member, &param.ty, &values)?;
        params.insert(param.member.clone(), value);
    }
    if !unknown.is_empty() {
        return Err(format!("Unknown options: {}", unknown.join(", ")));
    }
    let missing: Vec<String> = operation
        .params
        .iter()
        .filter(|p| p.required && !params.contains_key(&p.member))
        .filter(|p| !(operation.api == "RunInstances" && p.member.ends_with("Count")))
        .map(|p| format!("--{}", p.option))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "the following arguments are required: {}",
            missing.join(", ")
        ));
    }
    if operation.api == "RunInstances" {
        for key in ["MinCount", "MaxCount"] {
            if !params.contains_key(key) {
                params.insert(key.into(), Value::from(1));
            }
        }
    }
    Ok((params, positionals))
}

/// A `file://` value's contents, else the value itself.
pub fn param_file(ctx: &Ctx<'_>, option: &str, value: &str) -> Result<String, String> {
    let Some(path) = value
        .strip_prefix("file://")
        .or_else(|| value.strip_prefix("fileb://"))
    else {
        return Ok(value.to_string());
    };
    let expanded = match path.strip_prefix("~/") {
        Some(rest) => format!("{}/{rest}", ctx.host.home),
        None => path.to_string(),
    };
    ctx.host
        .fs
        .read(&ctx.host.path(&expanded))
        .map(str::to_string)
        .map_err(|_| {
            format!(
                "Error parsing parameter '--{option}': Unable to load paramfile {value}: [Errno 2] No such file or directory: '{path}'"
            )
        })
}

fn convert(
    ctx: &Ctx<'_>,
    option: &str,
    member: &str,
    ty: &Ty,
    values: &[String],
) -> Result<Value, String> {
    let parse_error = |e: String| format!("Error parsing parameter '--{option}': {e}");
    let json_error = |text: &str, e: serde_json::Error| {
        format!("Error parsing parameter '--{option}': Invalid JSON: {e}\nJSON received: {text}")
    };
    match ty {
        Ty::Blob => {
            let value = values.first().cloned().unwrap_or_default();
            let path = value
                .strip_prefix("fileb://")
                .or_else(|| value.strip_prefix("file://"))
                .unwrap_or(&value);
            ctx.host
                .fs
                .read(&ctx.host.path(path))
                .map(|t| Value::String(t.to_string()))
                .map_err(|_| format!("Error parsing parameter '--{option}': Blob values must be a path to a file."))
        }
        Ty::List(inner) => {
            let first = values
                .first()
                .map(|v| param_file(ctx, option, v))
                .transpose()?;
            if values.len() == 1
                && let Some(text) = first.as_ref().filter(|t| t.trim_start().starts_with('['))
            {
                return serde_json::from_str(text).map_err(|e| json_error(text, e));
            }
            let mut items = Vec::new();
            for value in values {
                let text = param_file(ctx, option, value)?;
                let item = match inner.as_ref() {
                    Ty::Struct(_) | Ty::Map if text.trim_start().starts_with('{') => {
                        serde_json::from_str(&text).map_err(|e| json_error(&text, e))?
                    }
                    Ty::Struct(_) | Ty::Map => {
                        let sh = shorthand::parse(&text).map_err(parse_error)?;
                        shorthand::coerce(&sh, inner, member).map_err(validation)?
                    }
                    scalar => shorthand::coerce(&shorthand::Sh::Str(text), scalar, member)
                        .map_err(validation)?,
                };
                items.push(item);
            }
            Ok(Value::Array(items))
        }
        Ty::Struct(_) | Ty::Map => {
            let text = param_file(
                ctx,
                option,
                values.first().map(String::as_str).unwrap_or(""),
            )?;
            if text.trim_start().starts_with('{') {
                return serde_json::from_str(&text).map_err(|e| json_error(&text, e));
            }
            let sh = shorthand::parse(&text).map_err(parse_error)?;
            shorthand::coerce(&sh, ty, member).map_err(validation)
        }
        scalar => {
            let text = param_file(
                ctx,
                option,
                values.first().map(String::as_str).unwrap_or(""),
            )?;
            shorthand::coerce(&shorthand::Sh::Str(text), scalar, member).map_err(validation)
        }
    }
}

fn validation(message: String) -> String {
    format!("\nParameter validation failed:\n{message}")
}

/// Operations the CLI paginates: the JSON and text output show only these keys.
fn result_keys(api: &str) -> &'static [&'static str] {
    match api {
        "ListRoles" => &["Roles"],
        "ListUsers" => &["Users"],
        "ListPolicies" => &["Policies"],
        "ListInstanceProfiles" | "ListInstanceProfilesForRole" => &["InstanceProfiles"],
        "ListAttachedRolePolicies" | "ListAttachedUserPolicies" => &["AttachedPolicies"],
        "ListRolePolicies" | "ListUserPolicies" => &["PolicyNames"],
        "ListAccessKeys" => &["AccessKeyMetadata"],
        "ListPolicyVersions" => &["Versions"],
        "ListRoleTags" => &["Tags"],
        "DescribeInstances" => &["Reservations"],
        "DescribeIamInstanceProfileAssociations" => &["IamInstanceProfileAssociations"],
        "DescribeTags" => &["Tags"],
        "ListObjectsV2" => &["Contents", "CommonPrefixes"],
        "ListObjects" => &["Contents", "CommonPrefixes"],
        "DescribeLogGroups" => &["logGroups"],
        "DescribeLogStreams" => &["logStreams"],
        "DescribeInstanceInformation" => &["InstanceInformationList"],
        _ => &[],
    }
}

/// Keeps only the paginated result keys, as `build_full_result` does.
fn full_result(api: &str, response: Value) -> Value {
    let keys = result_keys(api);
    match response {
        Value::Object(map) if !keys.is_empty() => {
            let mut kept = Map::new();
            for key in keys {
                if let Some(v) = map.get(*key) {
                    kept.insert((*key).to_string(), v.clone());
                }
            }
            Value::Object(kept)
        }
        other => other,
    }
}

/// Prints a response in the chosen format, after `--query`.
pub fn print_response(ctx: &Ctx<'_>, api: &str, response: Value, out: &mut Out) {
    let format = match ctx.format() {
        Ok(f) => f,
        Err(bad) => {
            out.fail(EXIT_OTHER, format!("\nUnknown output type: {bad}"));
            return;
        }
    };
    let mut value = full_result(api, response);
    if let Some(expression) = &ctx.globals.query {
        match output::query(expression, &value) {
            Ok(v) => value = v,
            Err(message) => {
                out.fail(EXIT_OTHER, format!("\n{message}"));
                return;
            }
        }
    }
    out.out(output::render(format, api, &value));
}

fn run_operation(
    ctx: &mut Ctx<'_>,
    endpoint: &str,
    operation: &Operation,
    args: &[String],
    out: &mut Out,
) -> Out {
    let (mut params, positionals) = match parse_params(ctx, operation, args) {
        Ok(p) => p,
        Err(message) if message.starts_with('\n') => {
            out.fail(EXIT_USAGE, message);
            return std::mem::take(out);
        }
        Err(message) if message.starts_with("Error parsing") => {
            out.fail(EXIT_USAGE, format!("\n{message}"));
            return std::mem::take(out);
        }
        Err(message) => return usage_error(out, &message),
    };
    // `aws s3api get-object --bucket b --key k OUTFILE`.
    let outfile = if operation.api == "GetObject" {
        match positionals.first() {
            Some(file) => Some(file.clone()),
            None => return usage_error(out, "the following arguments are required: outfile"),
        }
    } else {
        if !positionals.is_empty() {
            return usage_error(out, &format!("Unknown options: {}", positionals.join(", ")));
        }
        None
    };
    if operation.api == "PutObject" && !params.contains_key("Body") {
        params.insert("Body".into(), Value::String(String::new()));
    }
    match ctx.call(endpoint, &operation.api, Value::Object(params)) {
        Ok(mut response) => {
            if let Some(file) = outfile {
                let body = response
                    .as_object_mut()
                    .and_then(|m| m.remove("Body"))
                    .and_then(|b| b.as_str().map(str::to_string))
                    .unwrap_or_default();
                let path = ctx.host.path(&file);
                let now = ctx.world.now().seconds();
                if let Err(e) = ctx.host.fs.write(&path, &body, false, now) {
                    out.fail(EXIT_OTHER, format!("\n[Errno 2] {e}: '{file}'"));
                    return std::mem::take(out);
                }
            }
            print_response(ctx, &operation.api, response, out);
        }
        Err(error) => error.report(&operation.api, out),
    }
    std::mem::take(out)
}

//! The high-level `aws s3` commands: `ls`, `mb`, `rb`, `cp`, `mv`, `rm`, with
//! the CLI's progress lines (`upload: ./f.txt to s3://b/f.txt`) and failures.

use iamsim_engine::clock::Timestamp;
use serde_json::{Value, json};

use super::{CallError, Ctx, EXIT_OTHER, EXIT_SERVICE, invalid_choice, usage_error};
use crate::io::Out;

const SUBCOMMANDS: &[&str] = &[
    "cp", "ls", "mb", "mv", "presign", "rb", "rm", "sync", "website",
];

/// `s3://bucket/key` → (bucket, key).
pub fn split_s3(uri: &str) -> Option<(String, String)> {
    let rest = uri.strip_prefix("s3://")?;
    let (bucket, key) = rest.split_once('/').unwrap_or((rest, ""));
    Some((bucket.to_string(), key.to_string()))
}

/// `2026-01-01 00:00:00` from an ISO timestamp.
fn cli_date(value: Option<&Value>) -> String {
    let stamp = value
        .and_then(Value::as_str)
        .and_then(Timestamp::parse)
        .unwrap_or_default();
    let (y, mo, d, h, mi, s) = stamp.parts();
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
}

/// `os.path.join(os.path.relpath(dirname, cwd), basename)`.
pub fn relative_path(cwd: &str, abs: &str) -> String {
    let (dir, base) = abs.rsplit_once('/').unwrap_or(("", abs));
    let dir = if dir.is_empty() { "/" } else { dir };
    let from: Vec<&str> = cwd.split('/').filter(|p| !p.is_empty()).collect();
    let to: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&str> = vec![".."; from.len().saturating_sub(common)];
    parts.extend(to.iter().skip(common));
    let rel = if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    };
    format!("{rel}/{base}")
}

fn flag(args: &[String], name: &str) -> bool {
    args.iter().any(|a| a == name)
}

fn positionals(args: &[String]) -> Vec<String> {
    args.iter()
        .filter(|a| !a.starts_with("--"))
        .cloned()
        .collect()
}

/// Runs `aws s3 SUBCOMMAND …`.
pub fn run(ctx: &mut Ctx<'_>, args: &[String], out: &mut Out) -> Out {
    let Some((sub, rest)) = args.split_first() else {
        return usage_error(out, "the following arguments are required: operation");
    };
    match sub.as_str() {
        "ls" => ls(ctx, rest, out),
        "mb" => mb(ctx, rest, out),
        "rb" => rb(ctx, rest, out),
        "cp" | "mv" => cp(ctx, sub, rest, out),
        "rm" => rm(ctx, rest, out),
        "help" => out.out(super::help::s3()),
        _ => return invalid_choice(out, "operation", sub, SUBCOMMANDS),
    }
    std::mem::take(out)
}

fn ls(ctx: &mut Ctx<'_>, args: &[String], out: &mut Out) {
    let paths = positionals(args);
    let recursive = flag(args, "--recursive");
    let summarize = flag(args, "--summarize");
    let Some(path) = paths.first() else {
        match ctx.call("s3", "ListBuckets", json!({})) {
            Ok(response) => {
                for bucket in response
                    .get("Buckets")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let name = bucket.get("Name").and_then(Value::as_str).unwrap_or("");
                    out.outln(format!("{} {name}", cli_date(bucket.get("CreationDate"))));
                }
            }
            Err(e) => e.report("ListBuckets", out),
        }
        return;
    };
    let target = if path.starts_with("s3://") {
        path.clone()
    } else {
        format!("s3://{path}")
    };
    let Some((bucket, prefix)) = split_s3(&target) else {
        return;
    };
    let mut params = json!({"Bucket": bucket, "Prefix": prefix});
    if !recursive && let Some(map) = params.as_object_mut() {
        map.insert("Delimiter".into(), json!("/"));
    }
    match ctx.call("s3", "ListObjectsV2", params) {
        Ok(response) => {
            let response = if recursive {
                response
            } else {
                group_by_delimiter(response, &prefix)
            };
            for p in response
                .get("CommonPrefixes")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let full = p.get("Prefix").and_then(Value::as_str).unwrap_or("");
                let shown = full.strip_prefix(prefix_dir(&prefix)).unwrap_or(full);
                out.outln(format!("{}PRE {shown}", " ".repeat(27)));
            }
            let mut total_objects = 0u64;
            let mut total_size = 0u64;
            for object in response
                .get("Contents")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let key = object.get("Key").and_then(Value::as_str).unwrap_or("");
                let size = object.get("Size").and_then(Value::as_u64).unwrap_or(0);
                total_objects += 1;
                total_size += size;
                let shown = if recursive {
                    key
                } else {
                    key.rsplit('/').next().unwrap_or(key)
                };
                out.outln(format!(
                    "{} {size:>10} {shown}",
                    cli_date(object.get("LastModified"))
                ));
            }
            if summarize {
                out.outln("");
                out.outln(format!("Total Objects: {total_objects}"));
                out.outln(format!("   Total Size: {total_size}"));
            }
        }
        Err(e) => e.report("ListObjectsV2", out),
    }
}

/// Splits the listing at `/` after the prefix, as S3 does for `Delimiter=/`, when
/// the response has no `CommonPrefixes` of its own.
fn group_by_delimiter(mut response: Value, prefix: &str) -> Value {
    if response.get("CommonPrefixes").is_some() {
        return response;
    }
    let Some(map) = response.as_object_mut() else {
        return response;
    };
    let contents = match map.remove("Contents") {
        Some(Value::Array(items)) => items,
        _ => Vec::new(),
    };
    let mut kept = Vec::new();
    let mut prefixes: Vec<String> = Vec::new();
    for object in contents {
        let key = object.get("Key").and_then(Value::as_str).unwrap_or("");
        let rest = key.strip_prefix(prefix).unwrap_or(key);
        match rest.find('/') {
            Some(i) => {
                let common = format!("{prefix}{}", rest.get(..=i).unwrap_or(""));
                if !prefixes.contains(&common) {
                    prefixes.push(common);
                }
            }
            None => kept.push(object),
        }
    }
    map.insert("Contents".into(), Value::Array(kept));
    map.insert(
        "CommonPrefixes".into(),
        Value::Array(prefixes.into_iter().map(|p| json!({"Prefix": p})).collect()),
    );
    response
}

fn prefix_dir(prefix: &str) -> &str {
    match prefix.rfind('/') {
        Some(i) => prefix.get(..=i).unwrap_or(""),
        None => "",
    }
}

fn mb(ctx: &mut Ctx<'_>, args: &[String], out: &mut Out) {
    let paths = positionals(args);
    let Some(target) = paths.first() else {
        out.fail(
            super::EXIT_USAGE,
            "\nthe following arguments are required: path",
        );
        return;
    };
    let Some((bucket, _)) = split_s3(target) else {
        out.fail(
            EXIT_OTHER,
            format!("\n<S3Uri>: {target} does not start with s3://"),
        );
        return;
    };
    match ctx.call("s3", "CreateBucket", json!({"Bucket": bucket})) {
        Ok(_) => out.outln(format!("make_bucket: {bucket}")),
        Err(e) => out.fail(
            1,
            format!(
                "make_bucket failed: s3://{bucket} {}",
                e.short("CreateBucket")
            ),
        ),
    }
}

fn rb(ctx: &mut Ctx<'_>, args: &[String], out: &mut Out) {
    let paths = positionals(args);
    let Some((bucket, _)) = paths.first().and_then(|p| split_s3(p)) else {
        out.fail(
            super::EXIT_USAGE,
            "\nthe following arguments are required: path",
        );
        return;
    };
    if flag(args, "--force") {
        remove_all(ctx, &bucket, "", out);
    }
    match ctx.call("s3", "DeleteBucket", json!({"Bucket": bucket})) {
        Ok(_) => out.outln(format!("remove_bucket: {bucket}")),
        Err(e) => out.fail(
            1,
            format!(
                "remove_bucket failed: s3://{bucket} {}",
                e.short("DeleteBucket")
            ),
        ),
    }
}

fn remove_all(ctx: &mut Ctx<'_>, bucket: &str, prefix: &str, out: &mut Out) {
    let listing = match ctx.call(
        "s3",
        "ListObjectsV2",
        json!({"Bucket": bucket, "Prefix": prefix}),
    ) {
        Ok(r) => r,
        Err(e) => {
            e.report("ListObjectsV2", out);
            return;
        }
    };
    let keys: Vec<String> = listing
        .get("Contents")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|o| o.get("Key").and_then(Value::as_str).map(str::to_string))
        .collect();
    for key in keys {
        delete_one(ctx, bucket, &key, out);
    }
}

fn delete_one(ctx: &mut Ctx<'_>, bucket: &str, key: &str, out: &mut Out) {
    match ctx.call("s3", "DeleteObject", json!({"Bucket": bucket, "Key": key})) {
        Ok(_) => out.outln(format!("delete: s3://{bucket}/{key}")),
        Err(e) => out.fail(
            1,
            format!(
                "delete failed: s3://{bucket}/{key} {}",
                e.short("DeleteObject")
            ),
        ),
    }
}

fn rm(ctx: &mut Ctx<'_>, args: &[String], out: &mut Out) {
    let paths = positionals(args);
    let Some((bucket, key)) = paths.first().and_then(|p| split_s3(p)) else {
        out.fail(
            super::EXIT_USAGE,
            "\nthe following arguments are required: paths",
        );
        return;
    };
    if flag(args, "--recursive") {
        remove_all(ctx, &bucket, &key, out);
    } else {
        delete_one(ctx, &bucket, &key, out);
    }
}

fn cp(ctx: &mut Ctx<'_>, sub: &str, args: &[String], out: &mut Out) {
    let paths = positionals(args);
    let (Some(source), Some(dest)) = (paths.first(), paths.get(1)) else {
        out.fail(
            super::EXIT_USAGE,
            "\nthe following arguments are required: paths",
        );
        return;
    };
    let verb_ok = if sub == "mv" { "move" } else { "copy" };
    if flag(args, "--recursive") {
        recursive_copy(ctx, sub, source, dest, out);
        return;
    }
    match (split_s3(source), split_s3(dest)) {
        (None, Some((bucket, key))) => {
            let abs = ctx.host.path(source);
            let body = match ctx.host.fs.read(&abs) {
                Ok(b) => b.to_string(),
                Err(_) => {
                    out.fail(EXIT_OTHER, format!("\nThe user-provided path {source} does not exist."));
                    return;
                }
            };
            let name = crate::fs::base_name(&abs);
            let key = if key.is_empty() || key.ends_with('/') {
                format!("{key}{name}")
            } else {
                key
            };
            let shown = relative_path(&ctx.host.cwd, &abs);
            let verb = if sub == "mv" { "move" } else { "upload" };
            match ctx.call("s3", "PutObject", json!({"Bucket": bucket, "Key": key, "Body": body})) {
                Ok(_) => {
                    out.outln(format!("{verb}: {shown} to s3://{bucket}/{key}"));
                    if sub == "mv" {
                        let _ = ctx.host.fs.remove(&abs, false);
                    }
                }
                Err(e) => upload_failed(out, verb, &shown, &format!("s3://{bucket}/{key}"), &e, "PutObject"),
            }
        }
        (Some((bucket, key)), None) => {
            let name = key.rsplit('/').next().unwrap_or(&key).to_string();
            let mut abs = ctx.host.path(dest);
            if ctx.host.fs.is_dir(&abs) || dest.ends_with('/') {
                abs = format!("{}/{name}", abs.trim_end_matches('/'));
            }
            let shown = relative_path(&ctx.host.cwd, &abs);
            let verb = if sub == "mv" { "move" } else { "download" };
            match ctx.call("s3", "GetObject", json!({"Bucket": bucket, "Key": key})) {
                Ok(response) => {
                    let body = response.get("Body").and_then(Value::as_str).unwrap_or("").to_string();
                    let now = ctx.world.now().seconds();
                    // The CLI creates the destination's directories.
                    if let Some((dir, _)) = abs.rsplit_once('/') {
                        let _ = ctx.host.fs.mkdir(if dir.is_empty() { "/" } else { dir }, true, now);
                    }
                    if ctx.host.fs.write(&abs, &body, false, now).is_err() {
                        out.fail(1, format!("download failed: s3://{bucket}/{key} to {shown} [Errno 2] No such file or directory: '{shown}'"));
                        return;
                    }
                    out.outln(format!("{verb}: s3://{bucket}/{key} to {shown}"));
                    if sub == "mv" {
                        let _ = ctx.call("s3", "DeleteObject", json!({"Bucket": bucket, "Key": key}));
                    }
                }
                Err(e) => download_failed(out, verb, &bucket, &key, &shown, &e),
            }
        }
        (Some(_), Some(_)) => out.fail(
            EXIT_SERVICE,
            format!("\ns3 to s3 {verb_ok} is not simulated; download the object and upload it again."),
        ),
        (None, None) => out.fail(
            super::EXIT_USAGE,
            format!("\nError: Invalid argument type\nusage: aws s3 {sub} <LocalPath> <S3Uri> or <S3Uri> <LocalPath> or <S3Uri> <S3Uri>"),
        ),
    }
}

/// `cp --recursive`: every file under a local directory up, or every object under
/// a prefix down, one line per file (in key order; the real CLI's order varies).
fn recursive_copy(ctx: &mut Ctx<'_>, sub: &str, source: &str, dest: &str, out: &mut Out) {
    match (split_s3(source), split_s3(dest)) {
        (None, Some((bucket, prefix))) => {
            let root = ctx.host.path(source);
            if !ctx.host.fs.is_dir(&root) {
                out.fail(EXIT_OTHER, format!("\nThe user-provided path {source} does not exist."));
                return;
            }
            let prefix = if prefix.is_empty() || prefix.ends_with('/') {
                prefix
            } else {
                format!("{prefix}/")
            };
            for (path, _) in ctx.host.fs.files_under(&root) {
                let rel = path.get(root.len() + 1..).unwrap_or_default().to_string();
                let args = [path.clone(), format!("s3://{bucket}/{prefix}{rel}")];
                cp(ctx, sub, &args, out);
            }
        }
        (Some((bucket, prefix)), None) => {
            let listing = match ctx.call("s3", "ListObjectsV2", json!({"Bucket": bucket, "Prefix": prefix})) {
                Ok(r) => r,
                Err(e) => {
                    e.report("ListObjectsV2", out);
                    return;
                }
            };
            let keys: Vec<String> = listing
                .get("Contents")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|o| o.get("Key").and_then(Value::as_str).map(str::to_string))
                .collect();
            let root = ctx.host.path(dest);
            let now = ctx.world.now().seconds();
            for key in keys {
                let rel = key.strip_prefix(&prefix).unwrap_or(&key).trim_start_matches('/');
                let target = format!("{}/{rel}", root.trim_end_matches('/'));
                if let Some((dir, _)) = target.rsplit_once('/') {
                    let _ = ctx.host.fs.mkdir(if dir.is_empty() { "/" } else { dir }, true, now);
                }
                let args = [format!("s3://{bucket}/{key}"), target];
                cp(ctx, sub, &args, out);
            }
        }
        _ => out.fail(
            super::EXIT_USAGE,
            format!("\nError: Invalid argument type\nusage: aws s3 {sub} <LocalPath> <S3Uri> or <S3Uri> <LocalPath> --recursive"),
        ),
    }
}

/// A download starts with HeadObject, whose replies have no body: the CLI
/// reports those as `fatal error` with the HTTP status.
fn download_failed(
    out: &mut Out,
    verb: &str,
    bucket: &str,
    key: &str,
    shown: &str,
    error: &CallError,
) {
    let head = "An error occurred ({}) when calling the HeadObject operation: {}";
    let fatal = match error {
        CallError::Api(e) if e.code == "NoSuchKey" => Some(head.replacen("{}", "404", 1).replacen(
            "{}",
            &format!("Key \"{key}\" does not exist"),
            1,
        )),
        CallError::Api(e) if e.code == "NoSuchBucket" => {
            Some(head.replacen("{}", "404", 1).replacen("{}", "Not Found", 1))
        }
        CallError::Api(e) if e.http_status == 403 => {
            Some(head.replacen("{}", "403", 1).replacen("{}", "Forbidden", 1))
        }
        CallError::Api(_) => None,
        other => Some(other.short("HeadObject")),
    };
    match fatal {
        Some(message) => out.fail(1, format!("fatal error: {message}")),
        None => upload_failed(
            out,
            verb,
            &format!("s3://{bucket}/{key}"),
            shown,
            error,
            "GetObject",
        ),
    }
}

fn upload_failed(
    out: &mut Out,
    verb: &str,
    from: &str,
    to: &str,
    error: &CallError,
    operation: &str,
) {
    out.fail(
        1,
        format!("{verb} failed: {from} to {to} {}", error.short(operation)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_like_python() {
        assert_eq!(relative_path("/home/admin", "/home/admin/f.txt"), "./f.txt");
        assert_eq!(
            relative_path("/home/admin", "/tmp/f.txt"),
            "../../tmp/f.txt"
        );
        assert_eq!(
            relative_path("/home/admin", "/home/admin/d/f.txt"),
            "d/f.txt"
        );
    }
}

//! Tab completion: commands, AWS services, operations and options, instance ids
//! after `ssh`, and file names.

use iamsim_engine::world::World;
use serde::{Deserialize, Serialize};

use crate::Shell;
use crate::aws::{spec, wait};
use crate::builtins::COMMANDS;

/// What to put in place of the word under the cursor.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Completion {
    /// Byte offset in the line where the completed word starts.
    pub replace_from: usize,
    /// The candidates, sorted.
    pub candidates: Vec<String>,
}

/// Splits the line before the cursor into words (quotes are kept simple).
fn words_before(line: &str) -> (Vec<String>, usize) {
    let mut words = Vec::new();
    let mut start = 0;
    let mut current = String::new();
    let mut quote: Option<char> = None;
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => current.push(c),
            None if c == '\'' || c == '"' => {
                if current.is_empty() {
                    start = i;
                }
                quote = Some(c);
            }
            None if c == ' ' || c == '\t' => {
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
                start = i + c.len_utf8();
            }
            None if c == ';' || c == '|' || c == '&' => {
                words.clear();
                current.clear();
                start = i + 1;
            }
            None => {
                if current.is_empty() {
                    start = i;
                }
                current.push(c);
            }
        }
    }
    words.push(current);
    (words, start)
}

fn matching(prefix: &str, options: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut found: Vec<String> = options
        .into_iter()
        .filter(|o| o.starts_with(prefix))
        .collect();
    iamsim_engine::sort::sort(&mut found);
    found.dedup();
    found
}

/// Completes the word under `cursor` (a byte offset into `line`).
pub fn complete(shell: &Shell, world: &World, line: &str, cursor: usize) -> Completion {
    let before = line.get(..cursor.min(line.len())).unwrap_or(line);
    let (words, start) = words_before(before);
    let Some((current, previous)) = words.split_last() else {
        return Completion::default();
    };
    let candidates = match previous {
        [] => matching(current, COMMANDS.iter().map(|c| c.to_string())),
        [cmd, ..] if cmd == "ssh" => matching(
            current,
            world
                .instances()
                .filter(|i| i.state.name() == "running")
                .map(|i| i.instance_id.clone()),
        ),
        [cmd] if cmd == "aws" => {
            matching(current, spec::commands().into_iter().map(str::to_string))
        }
        [cmd, service] if cmd == "aws" => match spec::service(service) {
            Some(s) => {
                let mut names: Vec<String> = s.parsed().into_iter().map(|o| o.name).collect();
                if wait::has_waiters(service) {
                    names.push("wait".into());
                }
                matching(current, names)
            }
            None if service == "s3" => matching(
                current,
                ["cp", "ls", "mb", "mv", "rb", "rm"].map(String::from),
            ),
            None if service == "configure" => matching(
                current,
                ["get", "list", "list-profiles", "set"].map(String::from),
            ),
            None => Vec::new(),
        },
        [cmd, service, op] if cmd == "aws" && op == "wait" => matching(
            current,
            wait::names(service).into_iter().map(str::to_string),
        ),
        [cmd, service, op, rest @ ..] if cmd == "aws" && current.starts_with("--") => {
            let op = match (op.as_str(), rest.first()) {
                ("wait", Some(waiter)) => {
                    wait::polled_operation(service, waiter).unwrap_or_default()
                }
                _ => op.clone(),
            };
            let mut options: Vec<String> = [
                "--output",
                "--query",
                "--region",
                "--profile",
                "--no-cli-pager",
                "--debug",
            ]
            .map(String::from)
            .to_vec();
            if let Some(op) = spec::service(service).and_then(|s| s.operation(&op)) {
                options.extend(op.params.iter().map(|p| format!("--{}", p.option)));
            }
            let used: Vec<&String> = previous.iter().collect();
            matching(current, options.into_iter().filter(|o| !used.contains(&o)))
        }
        [.., opt] if opt == "--output" => {
            matching(current, ["json", "table", "text"].map(String::from))
        }
        [.., opt] if opt == "--instance-id" || opt == "--instance-ids" => {
            matching(current, world.instances().map(|i| i.instance_id.clone()))
        }
        [cmd, ..] if cmd == "aws" && current.starts_with("s3://") => s3_paths(world, current),
        _ => match current.strip_prefix("file://") {
            Some(path) => files(shell, path)
                .into_iter()
                .map(|f| format!("file://{f}"))
                .collect(),
            None => files(shell, current),
        },
    };
    Completion {
        replace_from: start,
        candidates,
    }
}

/// `s3://` then bucket names, then keys of the bucket (the learner's own view of
/// the world, not an API call).
fn s3_paths(world: &World, current: &str) -> Vec<String> {
    let rest = current.strip_prefix("s3://").unwrap_or(current);
    match rest.split_once('/') {
        None => matching(
            current,
            world.buckets().map(|b| format!("s3://{}/", b.name)),
        ),
        Some((bucket, _)) => match world.buckets().find(|b| b.name == bucket) {
            Some(b) => matching(
                current,
                b.objects.keys().map(|k| format!("s3://{bucket}/{k}")),
            ),
            None => Vec::new(),
        },
    }
}

fn files(shell: &Shell, current: &str) -> Vec<String> {
    let host = shell.host();
    let (dir_typed, prefix) = match current.rsplit_once('/') {
        Some((d, p)) => (format!("{d}/"), p),
        None => (String::new(), current),
    };
    let dir = host.path(if dir_typed.is_empty() {
        "."
    } else {
        &dir_typed
    });
    let Ok(entries) = host.fs.list(&dir) else {
        return Vec::new();
    };
    matching(
        current,
        entries
            .into_iter()
            .filter(|(name, _)| {
                name.starts_with(prefix) && (prefix.starts_with('.') || !name.starts_with('.'))
            })
            .map(|(name, node)| match node {
                crate::fs::Node::Dir { .. } => format!("{dir_typed}{name}/"),
                crate::fs::Node::File { .. } => format!("{dir_typed}{name}"),
            }),
    )
}

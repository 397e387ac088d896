//! The commands that run on one host: coreutils-like built-ins, `curl` and `aws`.
//! Their messages are GNU coreutils' and bash's.

use std::collections::BTreeMap;

use iamsim_engine::world::World;

use crate::fs::{self, FsError, Node};
use crate::host::{Host, HostKind};
use crate::io::Out;

/// Every command name the shell knows, for `help` and completion.
pub const COMMANDS: &[&str] = &[
    "aws",
    "cat",
    "cd",
    "clear",
    "container",
    "cp",
    "curl",
    "date",
    "docker",
    "echo",
    "env",
    "exit",
    "export",
    "false",
    "grep",
    "head",
    "help",
    "history",
    "hostname",
    "id",
    "jq",
    "logout",
    "ls",
    "mkdir",
    "mv",
    "pwd",
    "rm",
    "sleep",
    "ssh",
    "tail",
    "touch",
    "true",
    "type",
    "uname",
    "unset",
    "wc",
    "which",
    "whoami",
];

/// Runs a command on `host`.
pub fn run(
    host: &mut Host,
    world: &mut World,
    name: &str,
    args: &[String],
    env: &BTreeMap<String, String>,
    stdin: &str,
) -> Out {
    let name = match name.rsplit_once('/') {
        Some((_, base)) if COMMANDS.contains(&base) => base,
        _ => name,
    };
    let now = world.now().seconds();
    let mut out = Out::default();
    match name {
        "echo" => echo(args, &mut out),
        "cat" => cat(host, args, stdin, &mut out),
        "ls" => ls(host, args, &mut out),
        "rm" => rm(host, args, &mut out),
        "pwd" => out.outln(&host.cwd),
        "cd" => cd(host, args, &mut out),
        "mkdir" => mkdir(host, args, now, &mut out),
        "cp" | "mv" => copy(host, name, args, now, &mut out),
        "touch" => touch(host, args, now, &mut out),
        "export" => export(host, args, &mut out),
        "unset" => {
            for name in args {
                host.vars.remove(name);
            }
        }
        "env" | "printenv" => {
            for (k, v) in env {
                out.outln(format!("{k}={v}"));
            }
        }
        "whoami" => out.outln(&host.user),
        "id" => out.outln(id_line(&host.user)),
        "hostname" => match &host.kind {
            HostKind::Instance { .. } => out.outln(format!("{}.ec2.internal", host.hostname)),
            _ => out.outln(&host.hostname),
        },
        "uname" => out.outln(if args.iter().any(|a| a == "-a") {
            "Linux localhost 6.1.0 #1 SMP x86_64 GNU/Linux"
        } else {
            "Linux"
        }),
        "true" | ":" => {}
        "false" => out.status = 1,
        "sleep" => sleep(world, args, &mut out),
        "date" => date(world, args, &mut out),
        "help" => help(&mut out),
        "grep" => grep(host, args, stdin, &mut out),
        "head" | "tail" => head_tail(host, name, args, stdin, &mut out),
        "wc" => wc(host, args, stdin, &mut out),
        "which" | "type" => which(name, args, &mut out),
        "jq" => jq(host, args, stdin, &mut out),
        "ec2-metadata" if !matches!(host.kind, HostKind::Laptop) => {
            ec2_metadata(host, world, args, &mut out)
        }
        "curl" => return crate::curl::run(host, world, args, &mut out),
        "aws" => return crate::aws::run(host, world, args, env, &mut out),
        _ => out.fail(127, format!("bash: {name}: command not found")),
    }
    out
}

fn echo(args: &[String], out: &mut Out) {
    let mut newline = true;
    let mut escapes = false;
    let mut rest = args;
    while let Some((first, tail)) = rest.split_first() {
        let flags = first
            .strip_prefix('-')
            .filter(|f| !f.is_empty() && f.chars().all(|c| matches!(c, 'n' | 'e' | 'E')));
        let Some(flags) = flags else { break };
        for c in flags.chars() {
            match c {
                'n' => newline = false,
                'e' => escapes = true,
                _ => escapes = false,
            }
        }
        rest = tail;
    }
    let mut text = rest.join(" ");
    if escapes {
        text = text
            .replace("\\n", "\n")
            .replace("\\t", "\t")
            .replace("\\\\", "\\");
    }
    if newline {
        text.push('\n');
    }
    out.out(text);
}

fn cat(host: &Host, args: &[String], stdin: &str, out: &mut Out) {
    let files: Vec<&String> = args
        .iter()
        .filter(|a| !a.starts_with('-') || *a == "-")
        .collect();
    if files.is_empty() {
        out.out(stdin);
        return;
    }
    for file in files {
        if file == "-" {
            out.out(stdin);
            continue;
        }
        match host.fs.read(&host.path(file)) {
            Ok(text) => out.out(text),
            Err(e) => out.fail(1, format!("cat: {file}: {e}")),
        }
    }
}

fn flags_and_operands(args: &[String]) -> (String, Vec<&String>) {
    let mut flags = String::new();
    let mut operands = Vec::new();
    for arg in args {
        match arg.strip_prefix('-') {
            Some(f) if !f.is_empty() && !f.starts_with('-') => flags.push_str(f),
            _ => operands.push(arg),
        }
    }
    (flags, operands)
}

fn month_day_time(seconds: u64) -> String {
    let (_, month, day, hour, minute, _) = iamsim_engine::clock::Timestamp(seconds).parts();
    let name = MONTHS
        .get(usize::try_from(month.saturating_sub(1)).unwrap_or(0))
        .copied()
        .unwrap_or("Jan");
    format!("{name} {day:>2} {hour:02}:{minute:02}")
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];

fn long_line(host: &Host, name: &str, node: &Node, size_width: usize) -> String {
    let selinux = if matches!(host.kind, HostKind::Laptop) {
        ""
    } else {
        "."
    };
    let (mode, size, mtime) = match node {
        Node::Dir { mtime } => ("drwxr-xr-x", 4096, *mtime),
        Node::File { content, mtime } => ("-rw-r--r--", content.len(), *mtime),
    };
    format!(
        "{mode}{selinux} 1 {user} {user} {size:>size_width$} {date} {name}",
        user = host.user,
        date = month_day_time(mtime)
    )
}

fn node_size(node: &Node) -> usize {
    match node {
        Node::Dir { .. } => 4096,
        Node::File { content, .. } => content.len(),
    }
}

fn ls(host: &Host, args: &[String], out: &mut Out) {
    let (flags, operands) = flags_and_operands(args);
    let long = flags.contains('l');
    let all = flags.contains('a');
    let one = flags.contains('1');
    let targets: Vec<String> = if operands.is_empty() {
        vec![".".to_string()]
    } else {
        operands.iter().map(|s| s.to_string()).collect()
    };
    let mut files: Vec<(String, Node)> = Vec::new();
    let mut dirs: Vec<(String, String)> = Vec::new();
    for target in &targets {
        let abs = host.path(target);
        match host.fs.get(&abs) {
            Some(Node::Dir { .. }) => dirs.push((target.clone(), abs)),
            Some(node) => files.push((target.clone(), node.clone())),
            None => {
                out.errln(format!(
                    "ls: cannot access '{target}': No such file or directory"
                ));
                out.status = 2;
            }
        }
    }
    let render = |entries: &[(String, Node)], out: &mut Out, total: bool| {
        if long {
            let width = entries
                .iter()
                .map(|(_, n)| node_size(n).to_string().len())
                .max()
                .unwrap_or(1);
            if total {
                let blocks: usize = entries
                    .iter()
                    .map(|(_, n)| match n {
                        Node::File { content, .. } => content.len().div_ceil(4096) * 4,
                        Node::Dir { .. } => 0,
                    })
                    .sum();
                out.outln(format!("total {blocks}"));
            }
            for (name, node) in entries {
                out.outln(long_line(host, name, node, width));
            }
        } else if !entries.is_empty() {
            let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
            out.outln(names.join(if one { "\n" } else { "  " }));
        }
    };
    render(&files, out, false);
    let many = targets.len() > 1;
    for (i, (typed, abs)) in dirs.iter().enumerate() {
        if many {
            if i > 0 || !files.is_empty() {
                out.outln("");
            }
            out.outln(format!("{typed}:"));
        }
        let mut entries: Vec<(String, Node)> = Vec::new();
        if all {
            for dot in [".", ".."] {
                entries.push((dot.to_string(), Node::Dir { mtime: 0 }));
            }
        }
        if let Ok(list) = host.fs.list(abs) {
            for (name, node) in list {
                if all || !name.starts_with('.') {
                    entries.push((name, node.clone()));
                }
            }
        }
        render(&entries, out, true);
    }
}

fn rm(host: &mut Host, args: &[String], out: &mut Out) {
    let (flags, operands) = flags_and_operands(args);
    let recursive = flags.contains('r') || flags.contains('R');
    let force = flags.contains('f');
    if operands.is_empty() && !force {
        out.errln("rm: missing operand");
        out.fail(1, "Try 'rm --help' for more information.");
        return;
    }
    for operand in operands {
        let abs = host.path(operand);
        match host.fs.remove(&abs, recursive) {
            Ok(()) => {}
            Err(FsError::NotFound) if force => {}
            Err(e) => out.fail(1, format!("rm: cannot remove '{operand}': {e}")),
        }
    }
}

fn cd(host: &mut Host, args: &[String], out: &mut Out) {
    let target = match args.first().map(String::as_str) {
        None | Some("~") => host.home.clone(),
        Some("-") => host.oldpwd.clone(),
        Some(dir) => dir.to_string(),
    };
    let abs = host.path(&target);
    match host.fs.get(&abs) {
        Some(Node::Dir { .. }) => {
            if args.first().map(String::as_str) == Some("-") {
                out.outln(&abs);
            }
            host.oldpwd = std::mem::replace(&mut host.cwd, abs.clone());
            let old = host.oldpwd.clone();
            host.set_var("PWD", &abs, None);
            host.set_var("OLDPWD", &old, None);
        }
        Some(Node::File { .. }) => out.fail(1, format!("bash: cd: {target}: Not a directory")),
        None => out.fail(1, format!("bash: cd: {target}: No such file or directory")),
    }
}

fn mkdir(host: &mut Host, args: &[String], now: u64, out: &mut Out) {
    let (flags, operands) = flags_and_operands(args);
    if operands.is_empty() {
        out.errln("mkdir: missing operand");
        out.fail(1, "Try 'mkdir --help' for more information.");
        return;
    }
    for operand in operands {
        let abs = host.path(operand);
        if let Err(e) = host.fs.mkdir(&abs, flags.contains('p'), now) {
            out.fail(
                1,
                format!("mkdir: cannot create directory ‘{operand}’: {e}"),
            );
        }
    }
}

fn touch(host: &mut Host, args: &[String], now: u64, out: &mut Out) {
    let (_, operands) = flags_and_operands(args);
    if operands.is_empty() {
        out.errln("touch: missing file operand");
        out.fail(1, "Try 'touch --help' for more information.");
        return;
    }
    for operand in operands {
        let abs = host.path(operand);
        if let Err(e) = host.fs.touch(&abs, now) {
            out.fail(1, format!("touch: cannot touch '{operand}': {e}"));
        }
    }
}

fn export(host: &mut Host, args: &[String], out: &mut Out) {
    let names: Vec<&String> = args.iter().filter(|a| *a != "-p").collect();
    if names.is_empty() {
        for (name, var) in &host.vars {
            if var.exported {
                out.outln(format!("declare -x {name}=\"{}\"", var.value));
            }
        }
        return;
    }
    for arg in names {
        let (name, value) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v)),
            None => (arg.as_str(), None),
        };
        if !crate::parse::is_name(name) {
            out.fail(1, format!("bash: export: `{arg}': not a valid identifier"));
            continue;
        }
        let value = value
            .map(str::to_string)
            .or_else(|| host.var(name).map(str::to_string))
            .unwrap_or_default();
        host.set_var(name, &value, Some(true));
    }
}

fn id_line(user: &str) -> String {
    if user == "root" {
        "uid=0(root) gid=0(root) groups=0(root)".to_string()
    } else {
        format!("uid=1000({user}) gid=1000({user}) groups=1000({user}),4(adm),10(wheel)")
    }
}

/// `90`, `90s`, `5m`, `2h`, `1d` as seconds.
pub fn parse_duration(text: &str) -> Option<u64> {
    let (number, unit) = match text.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => (text.get(..i)?, c),
        _ => (text, 's'),
    };
    let value: f64 = number.parse().ok()?;
    if !value.is_finite() || value < 0.0 {
        return None;
    }
    let scale = match unit {
        's' => 1.0,
        'm' => 60.0,
        'h' => 3600.0,
        'd' => 86_400.0,
        _ => return None,
    };
    let seconds = (value * scale).ceil();
    if seconds > 1.0e12 {
        return None;
    }
    Some(seconds as u64)
}

fn sleep(world: &mut World, args: &[String], out: &mut Out) {
    if args.is_empty() {
        out.errln("sleep: missing operand");
        out.fail(1, "Try 'sleep --help' for more information.");
        return;
    }
    let mut total: u64 = 0;
    for arg in args {
        match parse_duration(arg) {
            Some(seconds) => total = total.saturating_add(seconds),
            None => {
                out.errln(format!("sleep: invalid time interval ‘{arg}’"));
                out.fail(1, "Try 'sleep --help' for more information.");
                return;
            }
        }
    }
    if total > 0 {
        world.advance(total);
    }
}

fn date(world: &World, args: &[String], out: &mut Out) {
    let now = world.now();
    let (year, month, day, hour, minute, second) = now.parts();
    if let Some(format) = args.iter().find_map(|a| a.strip_prefix('+')) {
        let text = format
            .replace("%s", &now.seconds().to_string())
            .replace("%Y", &format!("{year:04}"))
            .replace("%m", &format!("{month:02}"))
            .replace("%d", &format!("{day:02}"))
            .replace("%H", &format!("{hour:02}"))
            .replace("%M", &format!("{minute:02}"))
            .replace("%S", &format!("{second:02}"))
            .replace("%F", &format!("{year:04}-{month:02}-{day:02}"))
            .replace("%T", &format!("{hour:02}:{minute:02}:{second:02}"));
        out.outln(text);
        return;
    }
    let weekday = DAYS
        .get(usize::try_from((now.seconds() / 86_400) % 7).unwrap_or(0))
        .copied()
        .unwrap_or("Thu");
    let month_name = MONTHS
        .get(usize::try_from(month.saturating_sub(1)).unwrap_or(0))
        .copied()
        .unwrap_or("Jan");
    out.outln(format!(
        "{weekday} {month_name} {day:>2} {hour:02}:{minute:02}:{second:02} UTC {year}"
    ));
}

fn help(out: &mut Out) {
    out.outln("iamsim shell: a simulated bash with the AWS CLI v2 and curl.");
    out.outln("Commands:");
    out.outln(format!("  {}", COMMANDS.join(" ")));
    out.outln("Try: aws help, aws iam help, aws s3 ls, curl http://169.254.169.254/latest/meta-data/ (on an instance), ssh i-...");
}

fn input_text(host: &Host, files: &[&String], stdin: &str, cmd: &str, out: &mut Out) -> String {
    if files.is_empty() {
        return stdin.to_string();
    }
    let mut text = String::new();
    for file in files {
        match host.fs.read(&host.path(file)) {
            Ok(t) => text.push_str(t),
            Err(e) => out.fail(2, format!("{cmd}: {file}: {e}")),
        }
    }
    text
}

fn grep(host: &Host, args: &[String], stdin: &str, out: &mut Out) {
    let (flags, operands) = flags_and_operands(args);
    let Some((pattern, files)) = operands.split_first() else {
        out.errln("Usage: grep [OPTION]... PATTERNS [FILE]...");
        out.fail(2, "Try 'grep --help' for more information.");
        return;
    };
    let ignore = flags.contains('i');
    let invert = flags.contains('v');
    let text = input_text(host, files, stdin, "grep", out);
    let needle = if ignore {
        pattern.to_ascii_lowercase()
    } else {
        pattern.to_string()
    };
    let mut count = 0;
    for line in text.lines() {
        let hay = if ignore {
            line.to_ascii_lowercase()
        } else {
            line.to_string()
        };
        if hay.contains(&needle) != invert {
            count += 1;
            if !flags.contains('c') {
                out.outln(line);
            }
        }
    }
    if flags.contains('c') {
        out.outln(count.to_string());
    }
    if out.status == 0 && count == 0 {
        out.status = 1;
    }
}

fn head_tail(host: &Host, name: &str, args: &[String], stdin: &str, out: &mut Out) {
    let mut count = 10usize;
    let mut files: Vec<&String> = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "-n" {
            count = iter.next().and_then(|n| n.parse().ok()).unwrap_or(10);
        } else if let Some(n) = arg.strip_prefix('-').and_then(|n| n.parse().ok()) {
            count = n;
        } else {
            files.push(arg);
        }
    }
    let text = input_text(host, &files, stdin, name, out);
    let lines: Vec<&str> = text.lines().collect();
    let chosen: Vec<&str> = if name == "head" {
        lines.iter().take(count).copied().collect()
    } else {
        lines
            .iter()
            .skip(lines.len().saturating_sub(count))
            .copied()
            .collect()
    };
    for line in chosen {
        out.outln(line);
    }
}

fn wc(host: &Host, args: &[String], stdin: &str, out: &mut Out) {
    let (flags, files) = flags_and_operands(args);
    let text = input_text(host, &files, stdin, "wc", out);
    let lines = text.matches('\n').count();
    let words = text.split_whitespace().count();
    let bytes = text.len();
    let suffix = files.first().map(|f| format!(" {f}")).unwrap_or_default();
    let line = match flags.as_str() {
        "l" => format!("{lines}{suffix}"),
        "w" => format!("{words}{suffix}"),
        "c" => format!("{bytes}{suffix}"),
        _ => format!("{lines:>7} {words:>7} {bytes:>7}{suffix}"),
    };
    out.outln(line);
}

fn which(name: &str, args: &[String], out: &mut Out) {
    for arg in args {
        let external = matches!(
            arg.as_str(),
            "aws"
                | "curl"
                | "ssh"
                | "docker"
                | "ls"
                | "cat"
                | "rm"
                | "mkdir"
                | "touch"
                | "sleep"
                | "env"
                | "whoami"
                | "hostname"
                | "date"
                | "grep"
                | "head"
                | "tail"
                | "wc"
                | "uname"
                | "id"
                | "which"
        );
        let path = if arg == "aws" {
            "/usr/local/bin/aws".to_string()
        } else {
            format!("/usr/bin/{arg}")
        };
        if name == "type" {
            if external {
                out.outln(format!("{arg} is {path}"));
            } else if COMMANDS.contains(&arg.as_str()) {
                out.outln(format!("{arg} is a shell builtin"));
            } else {
                out.fail(1, format!("bash: type: {arg}: not found"));
            }
        } else if external {
            out.outln(path);
        } else if COMMANDS.contains(&arg.as_str()) {
            out.status = 1;
        } else {
            out.fail(
                1,
                format!(
                    "/usr/bin/which: no {arg} in (/usr/local/bin:/usr/bin:/usr/local/sbin:/usr/sbin)"
                ),
            );
        }
    }
}

/// The file name shown for a path (used by `aws s3 cp`).
pub fn display_name(path: &str) -> &str {
    fs::base_name(path)
}

/// A small `jq`: `.`, paths like `.Credentials.AccessKeyId` and `.Roles[].RoleName`
/// (evaluated as JMESPath), `-r` for raw strings, `-c` for compact output.
fn jq(host: &Host, args: &[String], stdin: &str, out: &mut Out) {
    let (flags, operands) = flags_and_operands(args);
    let raw = flags.contains('r');
    let compact = flags.contains('c');
    let Some((filter, files)) = operands.split_first() else {
        out.errln("Usage:\tjq [OPTIONS] FILTER [FILES...]");
        out.status = 2;
        return;
    };
    let text = input_text(host, files, stdin, "jq", out);
    let value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            out.fail(
                2,
                format!(
                    "jq: error (at <stdin>:{}): Cannot parse input: {e}",
                    e.line()
                ),
            );
            return;
        }
    };
    let filter = filter.trim();
    let results: Vec<serde_json::Value> = if filter == "." {
        vec![value]
    } else {
        let Some(path) = filter.strip_prefix('.') else {
            out.fail(3, format!("jq: error: {filter} is not supported here (only paths like .a.b[0] and .a[].b)\njq: 1 compile error"));
            return;
        };
        let expression = path.replace(".[", "[");
        match crate::aws::output::query(&expression, &value) {
            Ok(serde_json::Value::Array(items)) if filter.contains("[]") => items,
            Ok(v) => vec![v],
            Err(_) => {
                out.fail(
                    3,
                    format!("jq: error: syntax error in {filter}\njq: 1 compile error"),
                );
                return;
            }
        }
    };
    for result in results {
        match (&result, raw) {
            (serde_json::Value::String(s), true) => out.outln(s),
            _ if compact => out.outln(result.to_string()),
            _ => out.outln(jq_pretty(&result)),
        }
    }
}

/// jq's default output: two-space indent.
fn jq_pretty(value: &serde_json::Value) -> String {
    let mut buffer = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"  ");
    let mut serializer = serde_json::Serializer::with_formatter(&mut buffer, formatter);
    if serde::Serialize::serialize(value, &mut serializer).is_err() {
        return value.to_string();
    }
    String::from_utf8(buffer).unwrap_or_else(|_| value.to_string())
}

/// `cp SRC DEST` / `mv SRC DEST` for files (DEST may be a directory).
fn copy(host: &mut Host, name: &str, args: &[String], now: u64, out: &mut Out) {
    let (_, operands) = flags_and_operands(args);
    let (Some(source), Some(dest)) = (operands.first(), operands.get(1)) else {
        out.errln(format!("{name}: missing file operand"));
        out.fail(1, format!("Try '{name} --help' for more information."));
        return;
    };
    let from = host.path(source);
    let text = match host.fs.read(&from) {
        Ok(t) => t.to_string(),
        Err(FsError::IsDir) => {
            out.fail(
                1,
                format!("{name}: -r not specified; omitting directory '{source}'"),
            );
            return;
        }
        Err(e) => {
            out.fail(1, format!("{name}: cannot stat '{source}': {e}"));
            return;
        }
    };
    let mut to = host.path(dest);
    if host.fs.is_dir(&to) {
        to = format!("{}/{}", to.trim_end_matches('/'), fs::base_name(&from));
    }
    if let Err(e) = host.fs.write(&to, &text, false, now) {
        out.fail(
            1,
            format!("{name}: cannot create regular file '{dest}': {e}"),
        );
        return;
    }
    if name == "mv" && to != from {
        let _ = host.fs.remove(&from, false);
    }
}

/// The fields `ec2-metadata` (Amazon Linux's metadata tool) prints, by option.
const EC2_METADATA_FIELDS: &[(&str, &str, &str)] = &[
    ("-a", "--ami-id", "ami-id"),
    ("-l", "--ami-launch-index", "ami-launch-index"),
    ("-h", "--local-hostname", "local-hostname"),
    ("-i", "--instance-id", "instance-id"),
    ("-t", "--instance-type", "instance-type"),
    ("-o", "--local-ipv4", "local-ipv4"),
    ("-z", "--availability-zone", "placement/availability-zone"),
    ("-s", "--security-groups", "security-groups"),
];

/// `ec2-metadata [-a|-i|-t|…]`: asks the metadata service (IMDSv2) and prints
/// `name: value` lines.
fn ec2_metadata(host: &Host, world: &mut World, args: &[String], out: &mut Out) {
    let (instance_id, hops) = match &host.kind {
        HostKind::Instance { instance_id } => (instance_id.clone(), 1),
        HostKind::Container { instance_id } => (instance_id.clone(), 2),
        HostKind::Laptop => return,
    };
    let mut wanted: Vec<(&str, &str)> = Vec::new();
    for arg in args {
        match EC2_METADATA_FIELDS
            .iter()
            .find(|(short, long, _)| arg == short || arg == long)
        {
            Some((_, long, path)) => wanted.push((long.trim_start_matches('-'), path)),
            None => {
                out.errln(format!("ec2-metadata: unknown option {arg}"));
                out.fail(1, "Use ec2-metadata --help for usage.");
                return;
            }
        }
    }
    if wanted.is_empty() {
        wanted = EC2_METADATA_FIELDS
            .iter()
            .map(|(_, long, path)| (long.trim_start_matches('-'), *path))
            .collect();
    }
    let put = iamsim_engine::imds::HttpRequest {
        method: "PUT".into(),
        path: "/latest/api/token".into(),
        headers: vec![(
            "X-aws-ec2-metadata-token-ttl-seconds".into(),
            "21600".into(),
        )],
        hops,
    };
    let token = world.imds(&instance_id, put);
    if token.status != 200 {
        out.fail(
            1,
            "ec2-metadata: unable to get a token from the instance metadata service",
        );
        return;
    }
    for (name, path) in wanted {
        let request = iamsim_engine::imds::HttpRequest {
            method: "GET".into(),
            path: format!("/latest/meta-data/{path}").into(),
            headers: vec![("X-aws-ec2-metadata-token".into(), token.body.to_string())],
            hops,
        };
        let reply = world.imds(&instance_id, request);
        let value = if reply.status == 200 {
            reply.body.to_string()
        } else {
            "not available".to_string()
        };
        out.outln(format!("{name}: {value}"));
    }
}

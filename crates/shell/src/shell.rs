//! The shell: hosts, the `ssh` stack, history, and the execution of a parsed line
//! (expansion, redirections, pipelines, `&&`/`||`).

use std::collections::BTreeMap;

use iamsim_engine::world::World;
use serde::{Deserialize, Serialize};

use crate::builtins;
use crate::fs::FsError;
use crate::host::{Host, HostKind};
use crate::io::{Out, STDERR, STDOUT};
use crate::parse::{self, Connector, List, Part, Pipeline, RedirectTarget, Simple, Word};

/// The process id `$$` shows.
const PID: &str = "4242";

/// How deeply command substitutions and `ssh host cmd` may recurse at run time.
const MAX_RUN_DEPTH: usize = 16;

/// What one line printed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineOutput {
    /// Everything written to standard output.
    pub stdout: String,
    /// Everything written to standard error.
    pub stderr: String,
    /// Both, interleaved in the order they were written (what a terminal shows).
    pub combined: String,
    /// The exit status of the last command.
    pub status: i32,
    /// `clear` ran: the terminal should be cleared (before printing anything else).
    pub clear: bool,
}

/// The learner's terminal: the laptop, the instances reached by `ssh`, history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shell {
    laptop: Host,
    instances: BTreeMap<String, Host>,
    /// Instance ids entered with `ssh`, innermost last; empty on the laptop.
    stack: Vec<String>,
    history: Vec<String>,
}

/// Per-line state that is not saved.
#[derive(Default)]
pub(crate) struct LineState {
    pub clear: bool,
    pub depth: usize,
    pub container: Option<Host>,
}

/// Where a descriptor points while a command runs.
#[derive(Clone, Debug, PartialEq)]
enum Dest {
    Parent(u8),
    File(String),
}

impl Shell {
    /// A terminal on the laptop: user `admin`, the admin user's keys in
    /// `~/.aws/credentials` (default profile) and region us-east-1 in `~/.aws/config`.
    pub fn new(world: &World) -> Shell {
        let now = world.now().seconds();
        let mut laptop = Host::new(HostKind::Laptop, "admin", "laptop", "/home/admin", now);
        let keys = world.admin_credentials();
        let _ = laptop.fs.mkdir("/home/admin/.aws", true, now);
        let _ = laptop.fs.write(
            "/home/admin/.aws/credentials",
            &format!(
                "[default]\naws_access_key_id = {}\naws_secret_access_key = {}\n",
                keys.access_key_id, keys.secret_access_key
            ),
            false,
            now,
        );
        let _ = laptop.fs.write(
            "/home/admin/.aws/config",
            "[default]\nregion = us-east-1\n",
            false,
            now,
        );
        Shell {
            laptop,
            instances: BTreeMap::new(),
            stack: Vec::new(),
            history: Vec::new(),
        }
    }

    /// The prompt of the current host, e.g. `[admin@laptop ~]$ `.
    pub fn prompt(&self) -> String {
        self.host().prompt()
    }

    /// `laptop`, or the id of the instance the terminal is on.
    pub fn current_host(&self) -> &str {
        self.stack.last().map(String::as_str).unwrap_or("laptop")
    }

    /// The host the terminal is on.
    pub fn host(&self) -> &Host {
        self.stack
            .last()
            .and_then(|id| self.instances.get(id))
            .unwrap_or(&self.laptop)
    }

    /// The lines entered so far.
    pub fn history(&self) -> &[String] {
        &self.history
    }

    pub(crate) fn host_mut(&mut self) -> &mut Host {
        let key = self.stack.last().cloned();
        match key.and_then(|k| self.instances.get_mut(&k)) {
            Some(host) => host,
            None => &mut self.laptop,
        }
    }

    /// Every host with a file system so far (the laptop, then instances by id).
    pub fn hosts(&self) -> impl Iterator<Item = &Host> {
        std::iter::once(&self.laptop).chain(self.instances.values())
    }

    /// Runs one command line.
    pub fn run_line(&mut self, world: &mut World, line: &str) -> LineOutput {
        if !line.trim().is_empty() {
            self.history.push(line.trim_end_matches('\n').to_string());
        }
        let mut state = LineState::default();
        let out = match parse::parse(line) {
            Ok(list) => {
                let out = self.run_list(world, &list, &mut state);
                self.host_mut().status = out.status;
                out
            }
            Err(error) => {
                let mut out = Out::default();
                out.fail(2, error.to_string());
                self.host_mut().status = 2;
                out
            }
        };
        LineOutput {
            stdout: out.text(STDOUT),
            stderr: out.text(STDERR),
            combined: out.chunks.iter().map(|(_, t)| t.as_str()).collect(),
            status: out.status,
            clear: state.clear,
        }
    }

    pub(crate) fn run_list(&mut self, world: &mut World, list: &List, st: &mut LineState) -> Out {
        let mut all = Out::default();
        let mut status = 0;
        for (connector, pipeline) in &list.0 {
            let run = match connector {
                Connector::Seq => true,
                Connector::And => status == 0,
                Connector::Or => status != 0,
            };
            if !run {
                continue;
            }
            let out = self.run_pipeline(world, pipeline, st);
            status = out.status;
            self.current_host_mut(st).status = status;
            all.extend(out);
        }
        all.status = status;
        all
    }

    fn current_host_mut<'a>(&'a mut self, st: &'a mut LineState) -> &'a mut Host {
        match st.container.as_mut() {
            Some(container) => container,
            None => self.host_mut(),
        }
    }

    fn run_pipeline(&mut self, world: &mut World, pipeline: &Pipeline, st: &mut LineState) -> Out {
        let mut result = Out::default();
        let mut stdin = String::new();
        let count = pipeline.commands.len();
        for (i, command) in pipeline.commands.iter().enumerate() {
            let out = self.run_simple(world, command, &stdin, st);
            result.status = out.status;
            if i + 1 < count {
                stdin = out.text(STDOUT);
                result
                    .chunks
                    .extend(out.chunks.into_iter().filter(|(fd, _)| *fd != STDOUT));
            } else {
                result.chunks.extend(out.chunks);
            }
        }
        if pipeline.negated {
            result.status = i32::from(result.status == 0);
        }
        result
    }

    /// Expands a word into fields (split on blanks when `split`), running substitutions.
    fn expand(
        &mut self,
        world: &mut World,
        word: &Word,
        split: bool,
        st: &mut LineState,
        diag: &mut Out,
    ) -> Vec<String> {
        let mut fields: Vec<String> = Vec::new();
        let mut current = String::new();
        let mut started = false;
        for piece in &word.0 {
            let (text, expanded) = match &piece.part {
                Part::Lit(text) => (text.clone(), false),
                Part::Tilde => (self.current_host_mut(st).home.clone(), false),
                Part::Var(name) => (self.lookup(name, st), true),
                Part::Sub(list) => {
                    if st.depth >= MAX_RUN_DEPTH {
                        diag.errln("bash: maximum nesting depth exceeded");
                        (String::new(), true)
                    } else {
                        // `$(…)` is a subshell: its `cd`, variables and `ssh`/`exit`
                        // do not reach this shell (files it writes do).
                        let stack = self.stack.clone();
                        let saved = {
                            let h = self.current_host_mut(st);
                            (h.cwd.clone(), h.oldpwd.clone(), h.vars.clone())
                        };
                        st.depth += 1;
                        let out = self.run_list(world, list, st);
                        st.depth -= 1;
                        self.stack = stack;
                        let h = self.current_host_mut(st);
                        (h.cwd, h.oldpwd, h.vars) = saved;
                        let mut text = String::new();
                        for (fd, chunk) in out.chunks {
                            if fd == STDOUT {
                                text.push_str(&chunk);
                            } else {
                                diag.chunks.push((fd, chunk));
                            }
                        }
                        diag.status = out.status;
                        (text.trim_end_matches('\n').to_string(), true)
                    }
                }
            };
            if piece.quoted || !expanded || !split {
                current.push_str(&text);
                started = true;
                continue;
            }
            for c in text.chars() {
                if c == ' ' || c == '\t' || c == '\n' {
                    if started {
                        fields.push(std::mem::take(&mut current));
                        started = false;
                    }
                } else {
                    current.push(c);
                    started = true;
                }
            }
        }
        if started {
            fields.push(current);
        }
        fields
    }

    fn lookup(&mut self, name: &str, st: &mut LineState) -> String {
        let host = self.current_host_mut(st);
        match name {
            "?" => host.status.to_string(),
            "$" => PID.to_string(),
            "#" => "0".to_string(),
            "0" => "-bash".to_string(),
            _ if name.len() > 1 && name.starts_with('#') => {
                let inner = name.get(1..).unwrap_or_default();
                host.var(inner)
                    .unwrap_or_default()
                    .chars()
                    .count()
                    .to_string()
            }
            _ => host.var(name).unwrap_or_default().to_string(),
        }
    }

    fn run_simple(
        &mut self,
        world: &mut World,
        command: &Simple,
        stdin: &str,
        st: &mut LineState,
    ) -> Out {
        let mut diag = Out::default();
        let mut assigns: Vec<(String, String)> = Vec::new();
        for (name, value) in &command.assigns {
            let value = self.expand(world, value, false, st, &mut diag).concat();
            assigns.push((name.clone(), value));
        }
        let mut words: Vec<String> = Vec::new();
        for (i, word) in command.words.iter().enumerate() {
            // `export NAME=$(…)` is an assignment: its value is not split.
            let declaration = i > 0
                && matches!(words.first().map(String::as_str), Some("export"))
                && parse::looks_like_assignment(word);
            let fields = self.expand(world, word, !declaration, st, &mut diag);
            let fields = if declaration {
                vec![fields.concat()]
            } else {
                fields
            };
            words.extend(self.glob(fields, word, st));
        }
        // Redirections, left to right.
        let mut dest: [Dest; 3] = [Dest::Parent(0), Dest::Parent(STDOUT), Dest::Parent(STDERR)];
        let mut input = stdin.to_string();
        let now = world.now().seconds();
        for redirect in &command.redirects {
            match &redirect.target {
                RedirectTarget::Dup(n) => {
                    let target = dest.get(usize::from(*n)).cloned();
                    match (target, dest.get_mut(usize::from(redirect.fd))) {
                        (Some(target), Some(slot)) => *slot = target,
                        _ => {
                            diag.fail(1, format!("bash: {n}: Bad file descriptor"));
                            return diag;
                        }
                    }
                }
                RedirectTarget::File { path, append } => {
                    let fields = self.expand(world, path, true, st, &mut diag);
                    let [typed] = fields.as_slice() else {
                        diag.fail(
                            1,
                            format!("bash: {}: ambiguous redirect", word_source(path)),
                        );
                        return diag;
                    };
                    let host = self.current_host_mut(st);
                    let abs = host.path(typed);
                    if let Err(e) = host.fs.write(&abs, "", *append, now) {
                        diag.fail(1, format!("bash: {typed}: {e}"));
                        return diag;
                    }
                    let target = Dest::File(abs);
                    for (i, slot) in dest.iter_mut().enumerate() {
                        if i == usize::from(redirect.fd) || (redirect.fd == 3 && i > 0) {
                            *slot = target.clone();
                        }
                    }
                }
                RedirectTarget::Input(path) => {
                    let fields = self.expand(world, path, true, st, &mut diag);
                    let [typed] = fields.as_slice() else {
                        diag.fail(
                            1,
                            format!("bash: {}: ambiguous redirect", word_source(path)),
                        );
                        return diag;
                    };
                    let host = self.current_host_mut(st);
                    let abs = host.path(typed);
                    match host.fs.read(&abs) {
                        Ok(text) => input = text.to_string(),
                        Err(e) => {
                            diag.fail(1, format!("bash: {typed}: {e}"));
                            return diag;
                        }
                    }
                }
            }
        }
        let mut out = if words.is_empty() {
            let host = self.current_host_mut(st);
            for (name, value) in &assigns {
                host.set_var(name, value, None);
            }
            Out {
                chunks: Vec::new(),
                status: diag.status,
            }
        } else {
            self.run_command(world, &words, &assigns, &input, st)
        };
        // Route the output through the redirections.
        let mut routed = diag;
        routed.chunks.retain(|(fd, _)| *fd != STDOUT);
        routed.status = out.status;
        for (fd, text) in std::mem::take(&mut out.chunks) {
            match dest.get(usize::from(fd)) {
                Some(Dest::Parent(to)) => routed.chunks.push((*to, text)),
                Some(Dest::File(path)) => {
                    let host = self.current_host_mut(st);
                    let _ = host.fs.write(path, &text, true, now);
                }
                None => routed.chunks.push((fd, text)),
            }
        }
        routed
    }

    /// Expands `*` and `?` written unquoted in a word against the working
    /// directory's files (no match: the word stays as it is, as in bash).
    fn glob(&mut self, words: Vec<String>, source: &Word, st: &mut LineState) -> Vec<String> {
        let has_glob = source.0.iter().any(|p| {
            !p.quoted && matches!(&p.part, Part::Lit(t) if t.contains('*') || t.contains('?'))
        });
        if !has_glob {
            return words;
        }
        let host = self.current_host_mut(st);
        let mut result = Vec::new();
        for word in words {
            if (word.contains('*') || word.contains('?'))
                && !word.contains('/')
                && !word.contains('=')
            {
                let mut matches: Vec<String> = host
                    .fs
                    .list(&host.cwd)
                    .map(|entries| {
                        entries
                            .into_iter()
                            .map(|(name, _)| name)
                            .filter(|name| !name.starts_with('.') && wildcard(&word, name))
                            .collect()
                    })
                    .unwrap_or_default();
                if matches.is_empty() {
                    result.push(word);
                } else {
                    iamsim_engine::sort::sort(&mut matches);
                    result.extend(matches);
                }
            } else {
                result.push(word);
            }
        }
        result
    }

    fn run_command(
        &mut self,
        world: &mut World,
        words: &[String],
        assigns: &[(String, String)],
        stdin: &str,
        st: &mut LineState,
    ) -> Out {
        let Some((name, args)) = words.split_first() else {
            return Out::default();
        };
        let in_container = st.container.is_some();
        match name.as_str() {
            "ssh" if !in_container => return self.ssh(world, args, st),
            "exit" | "logout" if !in_container => return self.exit(name),
            "history" => return self.history_builtin(args),
            "clear" => {
                st.clear = true;
                return Out::default();
            }
            "docker" | "container" => return self.container(world, name, args, assigns, stdin, st),
            "sudo" => return self.sudo(world, args, assigns, stdin, st),
            _ => {}
        }
        let host = self.current_host_mut(st);
        let mut env = host.environment();
        for (k, v) in assigns {
            env.insert(k.clone(), v.clone());
        }
        builtins::run(host, world, name, args, &env, stdin)
    }

    /// `sudo CMD…` runs the command as `root` (in the same home directory and
    /// environment; a root shell is not simulated).
    fn sudo(
        &mut self,
        world: &mut World,
        args: &[String],
        assigns: &[(String, String)],
        stdin: &str,
        st: &mut LineState,
    ) -> Out {
        let mut rest = args;
        while let Some((first, tail)) = rest.split_first() {
            match first.as_str() {
                "-u" | "-g" => rest = tail.get(1..).unwrap_or(&[]),
                flag if flag.starts_with('-') => rest = tail,
                _ => break,
            }
        }
        let mut out = Out::default();
        match rest.first().map(String::as_str) {
            None => {
                out.errln("usage: sudo -h | -K | -k | -V");
                out.errln("usage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]");
                out.fail(1, "usage: sudo [-ABbEHkNnPS] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i | -s] [command [arg ...]]");
                out
            }
            Some("su" | "bash" | "sh") => {
                out.fail(1, "sudo: a root shell is not simulated here; prefix each command with sudo instead");
                out
            }
            Some(_) => {
                let user = std::mem::replace(&mut self.current_host_mut(st).user, "root".into());
                let out = self.run_command(world, rest, assigns, stdin, st);
                self.current_host_mut(st).user = user;
                out
            }
        }
    }

    fn history_builtin(&mut self, args: &[String]) -> Out {
        let mut out = Out::default();
        if args.first().map(String::as_str) == Some("-c") {
            self.history.clear();
            return out;
        }
        let skip = match args.first().and_then(|n| n.parse::<usize>().ok()) {
            Some(n) => self.history.len().saturating_sub(n),
            None => 0,
        };
        for (i, line) in self.history.iter().enumerate().skip(skip) {
            out.outln(format!("{:>5}  {line}", i + 1));
        }
        out
    }

    fn exit(&mut self, name: &str) -> Out {
        let mut out = Out::default();
        match self.stack.pop() {
            Some(id) => {
                if name == "exit" {
                    out.outln("logout");
                }
                let address = self
                    .instances
                    .get(&id)
                    .map(|h| ip_of_hostname(&h.hostname))
                    .unwrap_or(id);
                out.errln(format!("Connection to {address} closed."));
            }
            None => {
                if name == "logout" {
                    out.fail(1, "bash: logout: not login shell: use `exit'");
                } else {
                    out.errln("bash: exit: this is the laptop's own terminal; it stays open");
                }
            }
        }
        out
    }

    fn ssh(&mut self, world: &mut World, args: &[String], st: &mut LineState) -> Out {
        let mut out = Out::default();
        let mut rest = args.iter();
        let mut target: Option<&str> = None;
        let mut remote: Vec<String> = Vec::new();
        while let Some(arg) = rest.next() {
            if target.is_none() {
                if matches!(arg.as_str(), "-i" | "-o" | "-p" | "-l" | "-F" | "-J") {
                    rest.next();
                    continue;
                }
                if arg.starts_with('-') {
                    continue;
                }
                target = Some(arg);
            } else {
                remote.push(arg.clone());
            }
        }
        let Some(target) = target else {
            out.errln(
                "usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]",
            );
            out.errln("           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]");
            out.errln("           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]");
            out.errln("           [-J destination] [-L address] [-l login_name] [-m mac_spec]");
            out.errln("           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]");
            out.errln("           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]");
            out.fail(255, "           destination [command [argument ...]]");
            return out;
        };
        let host_part = target.rsplit('@').next().unwrap_or(target);
        let found = crate::net::find_instance(world, host_part);
        let instance = match found {
            Ok(instance) => instance,
            Err(message) => {
                out.fail(255, message);
                return out;
            }
        };
        if !self.instances.contains_key(&instance.id) {
            let now = world.now().seconds();
            let mut host = Host::new(
                HostKind::Instance {
                    instance_id: instance.id.clone(),
                },
                "ec2-user",
                &instance.hostname,
                "/home/ec2-user",
                now,
            );
            let _ = host
                .fs
                .write("/etc/os-release", AL2023_OS_RELEASE, false, now);
            self.instances.insert(instance.id.clone(), host);
        }
        if !remote.is_empty() {
            if st.depth >= MAX_RUN_DEPTH {
                out.fail(255, "ssh: too many nested sessions");
                return out;
            }
            // The remote command runs on the instance; whatever it does to the
            // session stack (`exit`, another `ssh`), the terminal comes back here.
            let depth = self.stack.len();
            self.stack.push(instance.id.clone());
            st.depth += 1;
            let line = remote.join(" ");
            let result = match parse::parse(&line) {
                Ok(list) => self.run_list(world, &list, st),
                Err(e) => {
                    let mut o = Out::default();
                    o.fail(2, e.to_string());
                    o
                }
            };
            st.depth -= 1;
            self.stack.truncate(depth);
            return result;
        }
        self.stack.push(instance.id.clone());
        out.outln(AL2023_BANNER);
        out
    }

    fn container(
        &mut self,
        world: &mut World,
        name: &str,
        args: &[String],
        assigns: &[(String, String)],
        stdin: &str,
        st: &mut LineState,
    ) -> Out {
        let mut out = Out::default();
        let host = self.host();
        let instance = host.instance_id().map(str::to_string);
        let mut env: Vec<(String, String)> = Vec::new();
        let mut volumes: Vec<(String, String)> = Vec::new();
        let command: Vec<String> = if name == "docker" {
            let Some(("run", rest)) = args.split_first().map(|(a, r)| (a.as_str(), r)) else {
                out.fail(
                    1,
                    "docker: only `docker run [-e VAR[=value]] IMAGE [ARG...]` is simulated here.",
                );
                return out;
            };
            let mut iter = rest.iter();
            let mut image: Option<&str> = None;
            let mut command = Vec::new();
            while let Some(arg) = iter.next() {
                if image.is_some() {
                    command.push(arg.clone());
                    continue;
                }
                match arg.as_str() {
                    "-e" | "--env" => {
                        if let Some(spec) = iter.next() {
                            env.push(env_spec(spec, self.host()));
                        }
                    }
                    "-v" | "--volume" => {
                        if let Some((from, to)) = iter.next().and_then(|v| v.split_once(':')) {
                            volumes.push((from.to_string(), to.to_string()));
                        }
                    }
                    "--name" | "-w" | "--network" | "--entrypoint" => {
                        iter.next();
                    }
                    a if a.starts_with('-') => {}
                    image_name => image = Some(image_name),
                }
            }
            let Some(image) = image else {
                out.fail(125, "docker: 'docker run' requires at least 1 argument.");
                return out;
            };
            let base = image.split(':').next().unwrap_or(image);
            match base {
                "amazon/aws-cli" | "public.ecr.aws/aws-cli/aws-cli" => {
                    std::iter::once("aws".to_string()).chain(command).collect()
                }
                "curlimages/curl" => std::iter::once("curl".to_string()).chain(command).collect(),
                _ => {
                    if command.is_empty() {
                        out.fail(125, format!("docker: image {image} has no command; try amazon/aws-cli or curlimages/curl"));
                        return out;
                    }
                    command
                }
            }
        } else {
            args.to_vec()
        };
        if command.is_empty() {
            out.fail(1, "usage: container COMMAND [ARG...]");
            return out;
        }
        let now = world.now().seconds();
        let kind = match &instance {
            Some(id) => HostKind::Container {
                instance_id: id.clone(),
            },
            None => HostKind::Laptop,
        };
        let mut container = Host::new(kind, "root", "3f4e5d6c7b8a", "/root", now);
        container.set_var("HOME", "/root", Some(true));
        // `-v ~/.aws:/root/.aws`: the container sees a copy of the host's files.
        let host = self.host();
        for (from, to) in &volumes {
            let from = host.path(from);
            let to = crate::fs::normalize("/", to);
            let _ = container.fs.mkdir(&to, true, now);
            for (path, text) in host.fs.files_under(&from) {
                let rel = path.get(from.len()..).unwrap_or_default();
                let target = format!("{to}{rel}");
                if let Some((dir, _)) = target.rsplit_once('/') {
                    let _ = container
                        .fs
                        .mkdir(if dir.is_empty() { "/" } else { dir }, true, now);
                }
                let _ = container.fs.write(&target, &text, false, now);
            }
        }
        for (k, v) in env.into_iter().chain(assigns.iter().cloned()) {
            container.set_var(&k, &v, Some(true));
        }
        let saved = st.container.replace(container);
        let result = self.run_command(world, &command, &[], stdin, st);
        st.container = saved;
        result
    }
}

/// `-e NAME=value` or `-e NAME` (taken from the host's environment).
fn env_spec(spec: &str, host: &Host) -> (String, String) {
    match spec.split_once('=') {
        Some((k, v)) => (k.to_string(), v.to_string()),
        None => (
            spec.to_string(),
            host.var(spec).unwrap_or_default().to_string(),
        ),
    }
}

/// `ip-10-0-1-23` → `10.0.1.23`.
fn ip_of_hostname(hostname: &str) -> String {
    hostname
        .strip_prefix("ip-")
        .unwrap_or(hostname)
        .replace('-', ".")
}

/// The word as typed, roughly (for "ambiguous redirect").
fn word_source(word: &Word) -> String {
    word.0
        .iter()
        .map(|p| match &p.part {
            Part::Lit(t) => t.clone(),
            Part::Var(v) => format!("${v}"),
            Part::Sub(_) => "$(…)".to_string(),
            Part::Tilde => "~".to_string(),
        })
        .collect()
}

/// Shell wildcard match: `*` any run, `?` one character.
pub(crate) fn wildcard(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        match p.get(pi) {
            Some('*') => {
                star = Some((pi, ti));
                pi += 1;
            }
            Some(&c) if c == '?' || Some(&c) == t.get(ti) => {
                pi += 1;
                ti += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    p.get(pi..)
        .is_some_and(|rest| rest.iter().all(|&c| c == '*'))
}

/// Amazon Linux 2023's `/etc/os-release`.
const AL2023_OS_RELEASE: &str = r#"NAME="Amazon Linux"
VERSION="2023"
ID="amzn"
ID_LIKE="fedora"
VERSION_ID="2023"
PLATFORM_ID="platform:al2023"
PRETTY_NAME="Amazon Linux 2023"
ANSI_COLOR="0;33"
CPE_NAME="cpe:2.3:o:amazon:amazon_linux:2023"
HOME_URL="https://aws.amazon.com/linux/amazon-linux-2023/"
DOCUMENTATION_URL="https://docs.aws.amazon.com/linux/"
SUPPORT_URL="https://aws.amazon.com/premiumsupport/"
BUG_REPORT_URL="https://github.com/amazonlinux/amazon-linux-2023"
VENDOR_NAME="AWS"
VENDOR_URL="https://aws.amazon.com/"
"#;

/// What Amazon Linux 2023 prints at login.
const AL2023_BANNER: &str = r"   ,     #_
   ~\_  ####_        Amazon Linux 2023
  ~~  \_#####\
  ~~     \###|
  ~~       \#/ ___   https://aws.amazon.com/linux/amazon-linux-2023
   ~~       V~' '->
    ~~~         /
      ~~._.   _/
         _/ _/
       _/m/'";

impl From<FsError> for Out {
    fn from(error: FsError) -> Out {
        let mut out = Out::default();
        out.fail(1, error.to_string());
        out
    }
}

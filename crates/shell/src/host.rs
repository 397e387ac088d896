//! A host the learner types on: the laptop, an instance, or a container on an
//! instance. Each has its own user, file system, variables and cached AWS
//! credentials.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::fs::{Fs, normalize};

/// Where a host runs, which decides where its network calls come from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HostKind {
    /// The learner's laptop: no metadata service.
    Laptop,
    /// An EC2 instance.
    Instance {
        /// Its id.
        instance_id: String,
    },
    /// A container on an instance: one network hop further from the metadata service.
    Container {
        /// The instance it runs on.
        instance_id: String,
    },
}

/// A shell variable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Var {
    /// Its value.
    pub value: String,
    /// Whether commands see it (`export`).
    pub exported: bool,
}

/// Credentials the AWS CLI found, with where it found them (for `aws configure list`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CachedCredentials {
    /// Access key id.
    pub access_key_id: String,
    /// Secret access key.
    pub secret_access_key: String,
    /// Session token for temporary credentials.
    pub session_token: Option<String>,
    /// When they expire, seconds since the epoch.
    pub expiration: Option<u64>,
}

/// One host.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Host {
    /// Where it runs.
    pub kind: HostKind,
    /// The login user.
    pub user: String,
    /// The short host name shown in the prompt.
    pub hostname: String,
    /// The home directory.
    pub home: String,
    /// The working directory.
    pub cwd: String,
    /// The previous working directory (`cd -`).
    pub oldpwd: String,
    /// Its files.
    pub fs: Fs,
    /// Shell variables, exported or not.
    pub vars: BTreeMap<String, Var>,
    /// The exit status of the last command (`$?`).
    pub status: i32,
    /// Instance-metadata credentials the AWS CLI fetched, reused until they near expiry.
    pub imds_cache: Option<CachedCredentials>,
}

impl Host {
    /// A host with a user, its home directory and the usual variables.
    pub fn new(kind: HostKind, user: &str, hostname: &str, home: &str, now: u64) -> Host {
        let fs = Fs::new(&[home], now);
        let mut host = Host {
            kind,
            user: user.to_string(),
            hostname: hostname.to_string(),
            home: home.to_string(),
            cwd: home.to_string(),
            oldpwd: home.to_string(),
            fs,
            vars: BTreeMap::new(),
            status: 0,
            imds_cache: None,
        };
        for (name, value) in [
            ("HOME", home),
            ("USER", user),
            ("LOGNAME", user),
            ("HOSTNAME", hostname),
            ("SHELL", "/bin/bash"),
            ("PATH", "/usr/local/bin:/usr/bin:/usr/local/sbin:/usr/sbin"),
            ("PWD", home),
            ("LANG", "C.UTF-8"),
            ("TERM", "xterm-256color"),
        ] {
            host.set_var(name, value, Some(true));
        }
        host
    }

    /// Sets a variable; `export` of `None` keeps whether it was exported.
    pub fn set_var(&mut self, name: &str, value: &str, export: Option<bool>) {
        let exported = export.unwrap_or_else(|| self.vars.get(name).is_some_and(|v| v.exported));
        self.vars.insert(
            name.to_string(),
            Var {
                value: value.to_string(),
                exported,
            },
        );
    }

    /// A variable's value.
    pub fn var(&self, name: &str) -> Option<&str> {
        self.vars.get(name).map(|v| v.value.as_str())
    }

    /// The environment a command sees: exported variables.
    pub fn environment(&self) -> BTreeMap<String, String> {
        // Inserted one by one: `collect()` into a map would link the standard
        // library's sort for this pair type (several KB of wasm).
        let mut env = BTreeMap::new();
        for (name, var) in self.vars.iter().filter(|(_, v)| v.exported) {
            env.insert(name.clone(), var.value.clone());
        }
        env
    }

    /// An absolute path for what the user typed (relative to the working directory).
    pub fn path(&self, typed: &str) -> String {
        normalize(&self.cwd, typed)
    }

    /// The working directory as the prompt shows it (`~` for home).
    pub fn short_cwd(&self) -> String {
        if self.cwd == self.home {
            "~".to_string()
        } else if self.cwd == "/" {
            "/".to_string()
        } else {
            crate::fs::base_name(&self.cwd).to_string()
        }
    }

    /// The bash prompt: `[admin@laptop ~]$ `.
    pub fn prompt(&self) -> String {
        format!("[{}@{} {}]$ ", self.user, self.hostname, self.short_cwd())
    }

    /// The instance this host runs on, if any.
    pub fn instance_id(&self) -> Option<&str> {
        match &self.kind {
            HostKind::Laptop => None,
            HostKind::Instance { instance_id } | HostKind::Container { instance_id } => {
                Some(instance_id)
            }
        }
    }
}

//! An in-memory file system, one per host: directories and text files keyed by
//! absolute, normalised paths, with `/dev/null` swallowing writes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A file-system error, printed after the command and the path as coreutils do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FsError {
    /// ENOENT.
    #[error("No such file or directory")]
    NotFound,
    /// EISDIR.
    #[error("Is a directory")]
    IsDir,
    /// ENOTDIR.
    #[error("Not a directory")]
    NotDir,
    /// EEXIST.
    #[error("File exists")]
    Exists,
    /// ENOTEMPTY.
    #[error("Directory not empty")]
    NotEmpty,
}

/// A file or a directory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Node {
    /// A directory (its entries are the paths below it).
    Dir {
        /// Last change, seconds since the epoch (simulated clock).
        mtime: u64,
    },
    /// A text file.
    File {
        /// The contents.
        content: String,
        /// Last change, seconds since the epoch (simulated clock).
        mtime: u64,
    },
}

/// The file system of one host.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fs {
    nodes: BTreeMap<String, Node>,
}

/// The special file that discards writes and reads empty.
pub const DEV_NULL: &str = "/dev/null";

/// Joins `path` onto `cwd` and removes `.`, `..` and repeated slashes.
pub fn normalize(cwd: &str, path: &str) -> String {
    let joined = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("{cwd}/{path}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    format!("/{}", parts.join("/"))
}

fn parent(path: &str) -> &str {
    match path.rfind('/') {
        Some(0) | None => "/",
        Some(i) => path.get(..i).unwrap_or("/"),
    }
}

/// The last component of a path.
pub fn base_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

impl Fs {
    /// A file system with `/`, `/dev/null`, `/tmp`, `/etc` and the given directories.
    pub fn new(dirs: &[&str], now: u64) -> Fs {
        let mut fs = Fs {
            nodes: BTreeMap::new(),
        };
        fs.nodes.insert("/".into(), Node::Dir { mtime: now });
        for dir in ["/dev", "/tmp", "/etc", "/home"].iter().chain(dirs) {
            let _ = fs.mkdir(dir, true, now);
        }
        fs.nodes.insert(
            DEV_NULL.into(),
            Node::File {
                content: String::new(),
                mtime: now,
            },
        );
        fs
    }

    /// The node at an absolute path.
    pub fn get(&self, path: &str) -> Option<&Node> {
        self.nodes.get(path)
    }

    /// True when `path` is a directory.
    pub fn is_dir(&self, path: &str) -> bool {
        matches!(self.nodes.get(path), Some(Node::Dir { .. }))
    }

    /// The contents of a file.
    pub fn read(&self, path: &str) -> Result<&str, FsError> {
        match self.nodes.get(path) {
            Some(Node::File { content, .. }) => Ok(content),
            Some(Node::Dir { .. }) => Err(FsError::IsDir),
            None => Err(self.missing(path)),
        }
    }

    /// Why `path` does not exist: a missing parent or a parent that is a file.
    fn missing(&self, path: &str) -> FsError {
        let mut dir = parent(path);
        loop {
            match self.nodes.get(dir) {
                Some(Node::File { .. }) => return FsError::NotDir,
                Some(Node::Dir { .. }) => return FsError::NotFound,
                None if dir == "/" => return FsError::NotFound,
                None => dir = parent(dir),
            }
        }
    }

    /// Writes (or appends to) a file; its directory must exist.
    pub fn write(&mut self, path: &str, text: &str, append: bool, now: u64) -> Result<(), FsError> {
        if path == DEV_NULL {
            return Ok(());
        }
        match self.nodes.get_mut(path) {
            Some(Node::Dir { .. }) => return Err(FsError::IsDir),
            Some(Node::File { content, mtime }) => {
                if !append {
                    content.clear();
                }
                content.push_str(text);
                *mtime = now;
                return Ok(());
            }
            None => {}
        }
        match self.nodes.get(parent(path)) {
            Some(Node::Dir { .. }) => {
                self.nodes.insert(
                    path.to_string(),
                    Node::File {
                        content: text.to_string(),
                        mtime: now,
                    },
                );
                Ok(())
            }
            Some(Node::File { .. }) => Err(FsError::NotDir),
            None => Err(self.missing(path)),
        }
    }

    /// Creates an empty file or updates its time.
    pub fn touch(&mut self, path: &str, now: u64) -> Result<(), FsError> {
        match self.nodes.get_mut(path) {
            Some(Node::File { mtime, .. } | Node::Dir { mtime }) => {
                *mtime = now;
                Ok(())
            }
            None => self.write(path, "", true, now),
        }
    }

    /// Creates a directory (and its parents with `parents`).
    pub fn mkdir(&mut self, path: &str, parents: bool, now: u64) -> Result<(), FsError> {
        match self.nodes.get(path) {
            Some(Node::Dir { .. }) if parents => return Ok(()),
            Some(_) => return Err(FsError::Exists),
            None => {}
        }
        let up = parent(path);
        match self.nodes.get(up) {
            Some(Node::Dir { .. }) => {}
            Some(Node::File { .. }) => return Err(FsError::NotDir),
            None if parents && up != path => self.mkdir(up, true, now)?,
            None => return Err(FsError::NotFound),
        }
        self.nodes
            .insert(path.to_string(), Node::Dir { mtime: now });
        Ok(())
    }

    /// Removes a file, or a directory with everything under it when `recursive`.
    pub fn remove(&mut self, path: &str, recursive: bool) -> Result<(), FsError> {
        match self.nodes.get(path) {
            None => Err(self.missing(path)),
            Some(Node::File { .. }) => {
                self.nodes.remove(path);
                Ok(())
            }
            Some(Node::Dir { .. }) => {
                if !recursive {
                    return Err(FsError::IsDir);
                }
                let prefix = if path == "/" {
                    "/".to_string()
                } else {
                    format!("{path}/")
                };
                let doomed: Vec<String> = self
                    .nodes
                    .keys()
                    .filter(|k| k.starts_with(&prefix) || k.as_str() == path)
                    .cloned()
                    .collect();
                for key in doomed {
                    if key != "/" {
                        self.nodes.remove(&key);
                    }
                }
                Ok(())
            }
        }
    }

    /// Every file at or below `path`, with its contents.
    pub fn files_under(&self, path: &str) -> Vec<(String, String)> {
        let prefix = format!("{}/", path.trim_end_matches('/'));
        self.nodes
            .iter()
            .filter(|(k, _)| k.as_str() == path || k.starts_with(&prefix))
            .filter_map(|(k, node)| match node {
                Node::File { content, .. } => Some((k.clone(), content.clone())),
                Node::Dir { .. } => None,
            })
            .collect()
    }

    /// The names directly inside a directory, sorted.
    pub fn list(&self, path: &str) -> Result<Vec<(String, &Node)>, FsError> {
        match self.nodes.get(path) {
            None => return Err(self.missing(path)),
            Some(Node::File { .. }) => {
                return Err(FsError::NotDir);
            }
            Some(Node::Dir { .. }) => {}
        }
        let prefix = if path == "/" {
            "/".to_string()
        } else {
            format!("{path}/")
        };
        Ok(self
            .nodes
            .range(prefix.clone()..)
            .take_while(|(k, _)| k.starts_with(&prefix))
            .filter_map(|(k, node)| {
                let rest = k.get(prefix.len()..)?;
                (!rest.is_empty() && !rest.contains('/')).then(|| (rest.to_string(), node))
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_normalise() {
        assert_eq!(normalize("/home/admin", "../x/./y//z"), "/home/x/y/z");
        assert_eq!(normalize("/", ".."), "/");
        assert_eq!(normalize("/a", "/b"), "/b");
    }

    #[test]
    fn files_and_dirs() {
        let mut fs = Fs::new(&["/home/admin"], 0);
        fs.write("/home/admin/f", "a", false, 1).unwrap();
        fs.write("/home/admin/f", "b", true, 2).unwrap();
        assert_eq!(fs.read("/home/admin/f"), Ok("ab"));
        assert_eq!(fs.write("/nope/f", "", false, 0), Err(FsError::NotFound));
        assert_eq!(fs.read("/home/admin/f/x"), Err(FsError::NotDir));
        assert_eq!(fs.mkdir("/home/admin", false, 0), Err(FsError::Exists));
        fs.mkdir("/a/b/c", true, 0).unwrap();
        assert_eq!(fs.list("/a").unwrap().len(), 1);
        assert_eq!(fs.remove("/a", false), Err(FsError::IsDir));
        fs.remove("/a", true).unwrap();
        assert!(fs.get("/a/b/c").is_none());
        fs.write(DEV_NULL, "gone", false, 0).unwrap();
        assert_eq!(fs.read(DEV_NULL), Ok(""));
    }
}

//! The command log, stored compactly.
//!
//! Metadata-service reads are most of a busy world's commands (every SDK on every instance
//! polls its credentials), so a logged read is 32 bytes: the instance id inline and an
//! index into the distinct requests, a read equal to one of the last few distinct requests
//! sharing it. Other commands are kept whole. [`CommandLog::get`] gives the [`Command`] back
//! as it was applied; the log serializes as the list of commands.

use super::Command;
use crate::imds::HttpRequest;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How many of the latest distinct requests a new read is compared with.
const SHARE_WINDOW: usize = 4;

/// Bytes of an instance id kept inline (`i-` and 17 hex digits is 19).
const INLINE: usize = 22;

/// A string kept inline when short.
#[derive(Clone, Debug, PartialEq, Eq)]
enum ShortStr {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl ShortStr {
    fn new(s: &str) -> Self {
        let mut bytes = [0u8; INLINE];
        match (bytes.get_mut(..s.len()), u8::try_from(s.len())) {
            (Some(inline), Ok(len)) => {
                inline.copy_from_slice(s.as_bytes());
                ShortStr::Inline { len, bytes }
            }
            _ => ShortStr::Heap(s.into()),
        }
    }

    fn as_str(&self) -> &str {
        match self {
            ShortStr::Inline { len, bytes } => bytes
                .get(..usize::from(*len))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            ShortStr::Heap(s) => s,
        }
    }
}

/// One logged command.
#[derive(Clone, Debug, PartialEq)]
enum Entry {
    /// A [`Command::Imds`]: the instance id and the index of its request.
    Imds {
        instance_id: ShortStr,
        request: usize,
    },
    /// Any other command.
    Other(Box<Command>),
}

/// Every command applied to a world, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct CommandLog {
    entries: Vec<Entry>,
    /// The distinct requests of the logged reads (equal requests close together share one).
    requests: Vec<HttpRequest>,
}

impl CommandLog {
    /// How many commands.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Appends a command.
    pub(crate) fn push(&mut self, command: Command) {
        match command {
            Command::Imds {
                instance_id,
                request,
            } => self.push_imds(&instance_id, request),
            other => self.entries.push(Entry::Other(Box::new(other))),
        }
    }

    /// Appends a [`Command::Imds`].
    pub(crate) fn push_imds(&mut self, instance_id: &str, request: HttpRequest) {
        let start = self.requests.len().saturating_sub(SHARE_WINDOW);
        let shared = self
            .requests
            .get(start..)
            .and_then(|recent| recent.iter().rposition(|r| *r == request))
            .map(|i| start + i);
        let request = shared.unwrap_or_else(|| {
            self.requests.push(request);
            self.requests.len() - 1
        });
        self.entries.push(Entry::Imds {
            instance_id: ShortStr::new(instance_id),
            request,
        });
    }

    /// The instance and request of the [`Command::Imds`] at `index`.
    pub(crate) fn imds(&self, index: usize) -> Option<(&str, &HttpRequest)> {
        match self.entries.get(index)? {
            Entry::Imds {
                instance_id,
                request,
            } => Some((instance_id.as_str(), self.requests.get(*request)?)),
            Entry::Other(_) => None,
        }
    }

    /// The command at `index`, as it was applied.
    pub(crate) fn get(&self, index: usize) -> Option<Command> {
        self.command(self.entries.get(index)?)
    }

    /// Every command, oldest first.
    pub(crate) fn commands(&self) -> impl Iterator<Item = Command> + '_ {
        self.entries.iter().filter_map(|e| self.command(e))
    }

    fn command(&self, entry: &Entry) -> Option<Command> {
        Some(match entry {
            Entry::Imds {
                instance_id,
                request,
            } => Command::Imds {
                instance_id: instance_id.as_str().to_string(),
                request: self.requests.get(*request)?.clone(),
            },
            Entry::Other(command) => (**command).clone(),
        })
    }
}

impl Serialize for CommandLog {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.commands())
    }
}

impl<'de> Deserialize<'de> for CommandLog {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut log = CommandLog::default();
        for command in Vec::<Command>::deserialize(deserializer)? {
            log.push(command);
        }
        Ok(log)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(id: &str, path: &str) -> Command {
        Command::Imds {
            instance_id: id.to_string(),
            request: HttpRequest::get(path),
        }
    }

    #[test]
    fn commands_come_back_as_applied_and_equal_reads_share_their_request() {
        let long_id = "i-".to_string() + &"0".repeat(30);
        let commands = vec![
            read("i-0123456789abcdef0", "/latest/meta-data/"),
            Command::AdvanceClock { seconds: 5 },
            read("i-0123456789abcdef1", "/latest/meta-data/"),
            read(&long_id, "/latest/meta-data/"),
            read("", "/latest/meta-data/iam/"),
        ];
        let mut log = CommandLog::default();
        for c in &commands {
            log.push(c.clone());
        }
        assert_eq!(log.len(), 5);
        assert_eq!(log.requests.len(), 2);
        assert_eq!(log.commands().collect::<Vec<_>>(), commands);
        assert_eq!(log.get(3), Some(commands[3].clone()));
        assert_eq!(log.get(5), None);
        assert_eq!(log.imds(1), None);
        let (id, request) = log.imds(3).unwrap();
        assert_eq!(
            (id, &*request.path),
            (long_id.as_str(), "/latest/meta-data/")
        );
        let json = serde_json::to_string(&log).unwrap();
        assert_eq!(json, serde_json::to_string(&commands).unwrap());
        assert_eq!(serde_json::from_str::<CommandLog>(&json).unwrap(), log);
    }

    #[test]
    fn a_request_is_shared_only_within_the_window() {
        let mut log = CommandLog::default();
        for i in 0..=SHARE_WINDOW {
            log.push(read("i-1", &format!("/{i}")));
        }
        log.push(read("i-1", "/0"));
        assert_eq!(log.requests.len(), SHARE_WINDOW + 2);
        log.push(read("i-1", "/2"));
        assert_eq!(log.requests.len(), SHARE_WINDOW + 2);
    }
}

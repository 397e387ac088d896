//! What a command writes: ordered chunks on file descriptors 1 and 2, and an exit status.

/// Standard output.
pub const STDOUT: u8 = 1;
/// Standard error.
pub const STDERR: u8 = 2;

/// The output of a command, in the order it was written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Out {
    /// `(fd, text)` chunks.
    pub chunks: Vec<(u8, String)>,
    /// The exit status.
    pub status: i32,
}

impl Out {
    /// Writes to standard output.
    pub fn out(&mut self, text: impl Into<String>) {
        let text = text.into();
        if !text.is_empty() {
            self.chunks.push((STDOUT, text));
        }
    }

    /// Writes a line to standard output.
    pub fn outln(&mut self, text: impl AsRef<str>) {
        self.out(format!("{}\n", text.as_ref()));
    }

    /// Writes to standard error.
    pub fn err(&mut self, text: impl Into<String>) {
        let text = text.into();
        if !text.is_empty() {
            self.chunks.push((STDERR, text));
        }
    }

    /// Writes a line to standard error.
    pub fn errln(&mut self, text: impl AsRef<str>) {
        self.err(format!("{}\n", text.as_ref()));
    }

    /// Writes a line to standard error and sets the status.
    pub fn fail(&mut self, status: i32, text: impl AsRef<str>) {
        self.errln(text);
        self.status = status;
    }

    /// Everything written to one descriptor.
    pub fn text(&self, fd: u8) -> String {
        self.chunks
            .iter()
            .filter(|(f, _)| *f == fd)
            .map(|(_, t)| t.as_str())
            .collect()
    }

    /// Appends another command's chunks.
    pub fn extend(&mut self, other: Out) {
        self.chunks.extend(other.chunks);
    }
}

//! The library's error type: every error names the file and, where there is
//! one, the position in it.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// A position in a text file, counted from 1 as editors show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourcePosition {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
    /// Byte offset from the start of the file, from 0.
    pub offset: usize,
}

impl SourcePosition {
    /// The position of byte `offset` in `bytes`.
    pub fn of_offset(bytes: &[u8], offset: usize) -> Self {
        let before = &bytes[..offset.min(bytes.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
        Self { line, column, offset }
    }
}

impl fmt::Display for SourcePosition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// The input is not what it should be at a known place.
    #[error("{}:{position}: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// Where in the file.
        position: SourcePosition,
        /// What is wrong, lowercase, without a final period.
        message: String,
    },
    /// The input is not what it should be, with no single position to name.
    #[error("{}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

impl Error {
    /// An error at byte `offset` of `bytes`, read from `path`.
    pub fn at_offset(path: impl Into<PathBuf>, bytes: &[u8], offset: usize, message: impl Into<String>) -> Self {
        Self::Syntax { path: path.into(), position: SourcePosition::of_offset(bytes, offset), message: message.into() }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

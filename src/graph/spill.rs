//! Sentence texts kept in a temporary file instead of memory: the evidence of
//! a corpus graph quotes millions of sentences, whose texts are read only
//! when the graph is written.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::sync::{Arc, Mutex, PoisonError};

use crate::graph::SourceSentence;

/// Appended texts are gathered up to this size before they go to the file.
const BUFFER: usize = 1 << 20;

/// An unnamed temporary file of sentence texts, appended to and read at
/// offsets. The operating system removes it when the last handle closes.
#[derive(Debug)]
pub struct Spill {
    state: Mutex<State>,
}

#[derive(Debug)]
struct State {
    file: File,
    /// Bytes in the file; what follows is still in `buffer`.
    flushed: u64,
    buffer: Vec<u8>,
}

impl Spill {
    /// A new, empty spill file in the system's temporary folder.
    pub fn new() -> io::Result<Arc<Self>> {
        let file = tempfile::tempfile()?;
        Ok(Arc::new(Self { state: Mutex::new(State { file, flushed: 0, buffer: Vec::with_capacity(BUFFER) }) }))
    }

    /// Appends `text` and returns its offset.
    pub fn append(&self, text: &str) -> io::Result<u64> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let offset = state.flushed + state.buffer.len() as u64;
        state.buffer.extend_from_slice(text.as_bytes());
        if state.buffer.len() >= BUFFER {
            state.flush()?;
        }
        Ok(offset)
    }

    /// The `len` bytes at `offset`, which `append` wrote as one text.
    pub fn read(&self, offset: u64, len: usize) -> io::Result<Cow<'static, str>> {
        let mut bytes = vec![0; len];
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if offset >= state.flushed {
            let start = usize::try_from(offset - state.flushed).map_err(io::Error::other)?;
            let held = state.buffer.get(start..start + len).ok_or_else(|| beyond(offset, len))?;
            bytes.copy_from_slice(held);
        } else {
            state.file.seek(SeekFrom::Start(offset))?;
            state.file.read_exact(&mut bytes)?;
        }
        drop(state);
        String::from_utf8(bytes).map(Cow::Owned).map_err(io::Error::other)
    }
}

impl State {
    fn flush(&mut self) -> io::Result<()> {
        self.file.seek(SeekFrom::Start(self.flushed))?;
        self.file.write_all(&self.buffer)?;
        self.flushed += self.buffer.len() as u64;
        self.buffer.clear();
        Ok(())
    }
}

fn beyond(offset: u64, len: usize) -> io::Error {
    io::Error::new(io::ErrorKind::UnexpectedEof, format!("no spilled text of {len} bytes at offset {offset}"))
}

/// How much sentence text a graph holds, and where the rest goes.
#[derive(Debug, Clone)]
pub(super) struct SentenceTexts {
    held: usize,
    pub(super) spill_after: usize,
    spill: Option<Arc<Spill>>,
}

/// Sentence text a graph keeps in memory before it spills the rest: a
/// corpus of 100 MB quotes about 90 MB of it as evidence, an article a few
/// kilobytes.
pub const SPILL_AFTER: usize = 16 << 20;

impl Default for SentenceTexts {
    fn default() -> Self {
        Self { held: 0, spill_after: SPILL_AFTER, spill: None }
    }
}

impl SentenceTexts {
    /// `sentence` as this graph keeps it: spilled once the graph holds more
    /// than its share of text (in memory when the file fails).
    pub(super) fn keep(&mut self, sentence: &Arc<SourceSentence>) -> Arc<SourceSentence> {
        let Some(text) = sentence.held_text() else { return sentence.clone() };
        if self.held + text.len() <= self.spill_after {
            self.held += text.len();
            return sentence.clone();
        }
        if self.spill.is_none() {
            self.spill = Spill::new().ok();
        }
        match self.spill.as_ref().map(|spill| sentence.spilled(spill)) {
            Some(Ok(spilled)) => Arc::new(spilled),
            _ => {
                self.held += text.len();
                sentence.clone()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_read_back_from_the_buffer_and_from_the_file() {
        let spill = Spill::new().unwrap();
        let long = "ä".repeat(BUFFER);
        let first = spill.append("Die erste Zeile.").unwrap();
        let second = spill.append(&long).unwrap();
        let third = spill.append("Danach noch eine.").unwrap();
        assert_eq!(spill.read(first, "Die erste Zeile.".len()).unwrap(), "Die erste Zeile.");
        assert_eq!(spill.read(second, long.len()).unwrap(), long);
        assert_eq!(spill.read(third, "Danach noch eine.".len()).unwrap(), "Danach noch eine.");
        assert!(spill.read(third, 100).is_err());
    }
}

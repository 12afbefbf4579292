//! Reading inputs a document at a time: JSON Lines (files and standard
//! input) a line at a time, so that memory holds one record, not the file.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;

use super::read::{parse_json_line, read_source, starts_json_lines, stdin_document, InputError, Source};
use super::{Document, Language};
use crate::error::{Error, SourcePosition};

/// The records of a JSON Lines stream, each a document or an error with
/// its line and column; blank lines are skipped.
pub struct JsonLines<R> {
    reader: R,
    path: PathBuf,
    language: Option<Language>,
    line: usize,
    offset: usize,
    buffer: Vec<u8>,
    done: bool,
}

impl<R: BufRead> JsonLines<R> {
    /// Reads records from `reader`; `path` names it in documents and errors.
    pub fn new(reader: R, path: impl Into<PathBuf>, language: Option<Language>) -> Self {
        Self { reader, path: path.into(), language, line: 0, offset: 0, buffer: Vec::new(), done: false }
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.buffer.clear();
            let read = match self.reader.read_until(b'\n', &mut self.buffer) {
                Ok(read) => read,
                Err(source) => {
                    self.done = true;
                    return Some(Err(Error::Io { path: self.path.clone(), source }));
                }
            };
            if read == 0 {
                self.done = true;
                break;
            }
            let offset = self.offset;
            self.offset += read;
            self.line += 1;
            let line = self.buffer.strip_suffix(b"\n").unwrap_or(&self.buffer);
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            let line = if self.line == 1 { line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line) } else { line };
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let number = self.line;
            return Some(parse_json_line(&self.path, line, number, self.language).map_err(|(column, message)| {
                let position = SourcePosition { line: number, column, offset: offset + column - 1 };
                Error::Syntax { path: self.path.clone(), position, message }
            }));
        }
        None
    }
}

/// The documents of one source as they are read: JSON Lines files and
/// standard input that starts with `{` a record at a time, any other
/// source as [`read_source`] reads it.
pub fn stream_source(
    source: Source,
    language: Option<Language>,
) -> Box<dyn Iterator<Item = Result<Document, InputError>>> {
    match source {
        Source::Stdin => stream_stdin(language),
        Source::File { path, .. } if path.extension().is_some_and(|e| e == "jsonl") => match File::open(&path) {
            Ok(file) => Box::new(JsonLines::new(BufReader::with_capacity(1 << 16, file), path, language)),
            Err(source) => Box::new(std::iter::once(Err(Error::Io { path, source }))),
        },
        other => Box::new(read_source(other, language).into_iter()),
    }
}

/// Standard input: JSON Lines when its first character (after white space
/// and a byte order mark) is `{`, otherwise one text document.
fn stream_stdin(language: Option<Language>) -> Box<dyn Iterator<Item = Result<Document, InputError>>> {
    let mut reader = BufReader::with_capacity(1 << 16, io::stdin());
    let path = PathBuf::from("-");
    let json_lines = match reader.fill_buf() {
        Ok(buffer) => starts_json_lines(buffer),
        Err(source) => return Box::new(std::iter::once(Err(Error::Io { path, source }))),
    };
    if json_lines {
        return Box::new(JsonLines::new(reader, path, language));
    }
    let mut bytes = Vec::new();
    let result = reader.read_to_end(&mut bytes).map_err(|source| Error::Io { path, source });
    Box::new(std::iter::once(result.and_then(|_| stdin_document(&bytes, language))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_a_line_at_a_time_with_positions() {
        let data = "\u{feff}{\"id\": \"a\", \"text\": \"Erster Text.\"}\n\n{\"id\": \"b\", \"text\": 5}\r\n{\"id\": \"c\", \"text\": \"Third text.\", \"lang\": \"en\"}";
        let results: Vec<_> = JsonLines::new(data.as_bytes(), "news.jsonl", None).collect();
        assert_eq!(results.len(), 3);
        let first = results[0].as_ref().unwrap();
        assert_eq!((first.name.as_str(), first.path.as_deref()), ("a", Some("news.jsonl:1")));
        let error = results[1].as_ref().unwrap_err().to_string();
        assert!(error.contains("news.jsonl:3:"), "{error}");
        assert_eq!(results[2].as_ref().unwrap().language, Language::En);
        let moved = r#"{"id": "d", "text": "Text.", "source": "corpus.jsonl:17"}"#;
        let document = JsonLines::new(moved.as_bytes(), "-", None).next().unwrap().unwrap();
        assert_eq!(document.path.as_deref(), Some("corpus.jsonl:17"));
    }
}

//! Reads input paths into documents. One bad file or line gives one error
//! and never stops the others from being read.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Document, Language};
use crate::error::Error;

/// Extensions read as plain text when a folder is walked.
const TEXT_EXTENSIONS: &[&str] = &["txt", "md"];

/// What reading one input gave: a document, or an error naming the file.
pub type InputError = Error;

/// One record of a JSON Lines file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonLine {
    id: String,
    text: String,
    lang: Option<String>,
    date: Option<String>,
    url: Option<String>,
    #[serde(default)]
    title: Option<String>,
    /// Where the record came from, recorded instead of FILE:LINE (a runner
    /// that splits a corpus keeps the original place this way).
    #[serde(default)]
    source: Option<String>,
}

/// One input to read: standard input, a file (with its document name), or
/// a path that could not be listed.
#[derive(Debug)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file and the document name it gets.
    File {
        /// Where it is.
        path: PathBuf,
        /// Its name in the graph.
        name: String,
    },
    /// A path that failed before any document was read.
    Failed(Error),
}

/// Lists the inputs of every path without reading them: files, folders
/// (recursively, `*.txt`, `*.md`, `*.jsonl`, in name order), `-` for stdin.
pub fn list_sources(paths: &[PathBuf]) -> Vec<Source> {
    let mut sources = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        match fs::metadata(path) {
            Err(source) => sources.push(Source::Failed(Error::Io { path: path.clone(), source })),
            Ok(meta) if meta.is_dir() => list_folder(path, &mut sources),
            Ok(_) => sources.push(Source::File { path: path.clone(), name: file_name(path, None) }),
        }
    }
    sources
}

/// Reads the documents of one source. `language` forces a language; `None`
/// detects it per document.
pub fn read_source(source: Source, language: Option<Language>) -> Vec<Result<Document, InputError>> {
    let mut results = Vec::new();
    match source {
        Source::Stdin => read_stdin(language, &mut results),
        Source::File { path, name } => read_file(&path, &name, language, &mut results),
        Source::Failed(error) => results.push(Err(error)),
    }
    results
}

/// Reads every path at once; see [`list_sources`] and [`read_source`].
pub fn read_inputs(paths: &[PathBuf], language: Option<Language>) -> Vec<Result<Document, InputError>> {
    list_sources(paths).into_iter().flat_map(|source| read_source(source, language)).collect()
}

/// Standard input: JSON Lines when it starts with `{` (after white space
/// and a byte order mark), otherwise one text document.
fn read_stdin(language: Option<Language>, results: &mut Vec<Result<Document, InputError>>) {
    let mut bytes = Vec::new();
    if let Err(source) = io::stdin().read_to_end(&mut bytes) {
        return results.push(Err(Error::Io { path: PathBuf::from("<stdin>"), source }));
    }
    if starts_json_lines(&bytes) {
        return read_json_lines(Path::new("-"), &bytes, language, results);
    }
    results.push(stdin_document(&bytes, language));
}

/// Whether the first character after white space and a byte order mark is `{`.
pub(super) fn starts_json_lines(bytes: &[u8]) -> bool {
    let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    text.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Standard input read whole as one text document.
pub(super) fn stdin_document(bytes: &[u8], language: Option<Language>) -> Result<Document, InputError> {
    let text = decode(Path::new("<stdin>"), bytes)?;
    let mut document = Document::from_text("stdin", text, language.unwrap_or_else(|| Language::detect(text)));
    document.path = Some("-".into());
    Ok(document)
}

fn list_folder(folder: &Path, sources: &mut Vec<Source>) {
    let mut files = Vec::new();
    if let Err(source) = collect_files(folder, &mut files) {
        sources.push(Source::Failed(Error::Io { path: folder.to_owned(), source }));
        return;
    }
    if files.is_empty() {
        sources.push(Source::Failed(Error::Invalid {
            path: folder.to_owned(),
            message: "folder holds no .txt, .md or .jsonl file".into(),
        }));
    }
    for file in files {
        let name = file_name(&file, Some(folder));
        sources.push(Source::File { path: file, name });
    }
}

fn collect_files(folder: &Path, files: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(folder)?.map(|entry| entry.map(|e| e.path())).collect::<io::Result<_>>()?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_files(&path, files)?;
        } else if has_extension(&path, TEXT_EXTENSIONS) || has_extension(&path, &["jsonl"]) {
            files.push(path);
        }
    }
    Ok(())
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.contains(&e.to_ascii_lowercase().as_str()))
}

/// The document name: the path below `folder` (or the file name) without
/// its extension, with `/` separators on every platform.
fn file_name(path: &Path, folder: Option<&Path>) -> String {
    let relative = folder.and_then(|folder| path.strip_prefix(folder).ok()).unwrap_or(path);
    let relative = if folder.is_some() {
        relative.with_extension("")
    } else {
        PathBuf::from(path.file_stem().unwrap_or_default())
    };
    relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

fn read_file(path: &Path, name: &str, language: Option<Language>, results: &mut Vec<Result<Document, InputError>>) {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(source) => return results.push(Err(Error::Io { path: path.to_owned(), source })),
    };
    if has_extension(path, &["jsonl"]) {
        return read_json_lines(path, &bytes, language, results);
    }
    results.push(decode(path, &bytes).map(|text| {
        let mut document = Document::from_text(name, text, language.unwrap_or_else(|| Language::detect(text)));
        document.path = Some(path.to_string_lossy().into_owned());
        document
    }));
}

/// The text of a file, exactly as stored (a byte order mark stays, so that
/// offsets count the file's own bytes); a NUL byte marks a binary file.
fn decode<'b>(path: &Path, bytes: &'b [u8]) -> Result<&'b str, InputError> {
    if let Some(offset) = bytes.iter().take(8192).position(|&b| b == 0) {
        return Err(Error::at_offset(path, bytes, offset, "binary file (NUL byte), not text"));
    }
    within_offsets(bytes.len()).map_err(|message| Error::Invalid { path: path.to_owned(), message })?;
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let offset = error.valid_up_to();
        Error::at_offset(path, bytes, offset, format!("invalid UTF-8 at byte offset {offset}"))
    })?;
    Ok(text)
}

/// A graph holds offsets in 32 bits (see `TextSpan`), so a document must be
/// under 4 GiB.
fn within_offsets(length: usize) -> Result<(), String> {
    match u32::try_from(length) {
        Ok(_) => Ok(()),
        Err(_) => Err(format!("a text of {length} bytes: documents must be under 4 GiB")),
    }
}

fn read_json_lines(
    path: &Path,
    bytes: &[u8],
    language: Option<Language>,
    results: &mut Vec<Result<Document, InputError>>,
) {
    results.extend(super::stream::JsonLines::new(bytes, path, language));
}

pub(super) fn parse_json_line(
    path: &Path,
    line: &[u8],
    line_number: usize,
    language: Option<Language>,
) -> Result<Document, (usize, String)> {
    let record: JsonLine = serde_json::from_slice(line)
        .map_err(|error| (error.column().max(1), format!("invalid JSON Lines record: {error}")))?;
    within_offsets(record.text.len()).map_err(|message| (1, message))?;
    let stated = record.lang.as_deref().map(str::parse::<Language>).transpose().map_err(|message| (1, message))?;
    let language = language.or(stated).unwrap_or_else(|| Language::detect(&record.text));
    let mut document = Document::from_text(&record.id, &record.text, language);
    if let Some(title) = record.title {
        document.title = title;
    }
    document.path = Some(record.source.unwrap_or_else(|| format!("{}:{line_number}", path.display())));
    document.date = record.date;
    document.url = record.url;
    Ok(document)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_must_fit_the_graphs_32_bit_offsets() {
        assert!(within_offsets(u32::MAX as usize).is_ok());
        let error = within_offsets(u32::MAX as usize + 1).unwrap_err();
        assert!(error.contains("4294967296 bytes") && error.contains("under 4 GiB"), "{error}");
    }
}

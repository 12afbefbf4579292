//! Token-per-line tag files: GermEval 2014 (`index token outer inner`),
//! CoNLL (`token ... tag`), tabs or spaces, any IOB scheme.

use std::path::Path;

use super::name_type;
use crate::entities::tagger::labels::NameSpan;
use crate::entities::tagger::train::LabelledSentence;
use crate::error::{Error, Result};

/// A tag's prefix and label: `B-PER` → (`B`, `PER`), `O` → (`O`, ``).
fn split_tag(tag: &str) -> Option<(char, &str)> {
    if tag == "O" {
        return Some(('O', ""));
    }
    let (prefix, label) = tag.split_once('-')?;
    let prefix = match prefix {
        "B" | "I" | "E" | "S" | "L" | "U" => prefix.chars().next()?,
        _ => return None,
    };
    (!label.is_empty()).then_some((prefix, label))
}

/// Builds names from tags of any of the IOB schemes.
#[derive(Default)]
struct NameBuilder {
    names: Vec<NameSpan>,
    /// The open name: first token and corpus label.
    open: Option<(usize, String)>,
}

impl NameBuilder {
    fn push(&mut self, idx: usize, prefix: char, label: &str) {
        let continues = matches!(prefix, 'I' | 'E' | 'L') && self.open.as_ref().is_some_and(|(_, l)| l == label);
        if !continues {
            self.close(idx);
            if prefix != 'O' {
                self.open = Some((idx, label.to_owned()));
            }
        }
        if matches!(prefix, 'E' | 'L' | 'S' | 'U') {
            self.close(idx + 1);
        }
    }

    fn close(&mut self, end: usize) {
        if let Some((start, label)) = self.open.take() {
            if let Some(name_type) = name_type(&label) {
                self.names.push(NameSpan { start, end, name_type });
            }
        }
    }

    fn finish(mut self, len: usize) -> Vec<NameSpan> {
        self.close(len);
        self.names
    }
}

pub fn read(path: &Path, source: &str) -> Result<Vec<LabelledSentence>> {
    let mut sentences = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut builder = NameBuilder::default();
    let mut offset = 0;
    // Documents start at `-DOCSTART-` or a `#` comment line (GermEval's
    // source line); without either, every sentence is a document of its own.
    let (mut document, mut marked) = (0, false);
    for line in source.split_inclusive('\n').chain(std::iter::once("")) {
        let start = offset;
        offset += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        let fields: Vec<&str> =
            if line.contains('\t') { line.split('\t').collect() } else { line.split_whitespace().collect() };
        if fields.is_empty() || fields[0] == "-DOCSTART-" {
            if !words.is_empty() {
                let names = std::mem::take(&mut builder).finish(words.len());
                sentences.push(LabelledSentence { words: std::mem::take(&mut words), names, document });
            }
            if !fields.is_empty() {
                (document, marked) = (document + 1, true);
            }
            continue;
        }
        let indexed = fields.len() >= 3 && fields[0].bytes().all(|b| b.is_ascii_digit());
        let (word, tag) = if indexed { (fields[1], fields[2]) } else { (fields[0], fields[fields.len() - 1]) };
        let Some((prefix, label)) = split_tag(tag).filter(|_| fields.len() >= 2) else {
            if line.starts_with('#') {
                (document, marked) = (document + 1, true);
                continue;
            }
            let message = format!("expected a token and a tag such as O or B-PER, found '{line}'");
            return Err(Error::at_offset(path, source.as_bytes(), start, message));
        };
        builder.push(words.len(), prefix, label);
        words.push(word.to_owned());
    }
    if !marked {
        sentences.iter_mut().enumerate().for_each(|(n, s)| s.document = n);
    }
    Ok(sentences)
}

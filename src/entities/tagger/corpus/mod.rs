//! Readers for annotated corpora in their own formats: token-per-line tag
//! files (GermEval 2014, CoNLL, IOB1/IOB2/BILOU/BIOES), CoNLL-U with GUM's
//! entity brackets, and DocRED-style JSON. Each gives sentences of tokens
//! with their names, the types mapped onto the tagger's four.

use std::path::Path;
use std::str::FromStr;

use super::labels::NameType;
use super::train::LabelledSentence;
use crate::error::{Error, Result};

mod conll;
mod conllu;
mod docred;

/// The corpus formats kgex reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CorpusFormat {
    /// One token per line, tag in the last column (or `index token tag ...`
    /// as GermEval writes it), `#` comments, a blank line between sentences.
    Conll,
    /// CoNLL-U with GUM's `Entity=` brackets; named person, organisation and
    /// place mentions (proper-noun heads) are the names.
    Conllu,
    /// DocRED / Re-DocRED JSON: documents with `sents` and `vertexSet`.
    DocRed,
}

impl CorpusFormat {
    /// Every format with its name on the command line.
    pub const ALL: [(&'static str, CorpusFormat); 4] = [
        ("conll", CorpusFormat::Conll),
        ("germeval", CorpusFormat::Conll),
        ("conllu", CorpusFormat::Conllu),
        ("docred", CorpusFormat::DocRed),
    ];
}

impl FromStr for CorpusFormat {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, f)| *f)
            .ok_or_else(|| format!("unknown corpus format '{name}' (expected conll, germeval, conllu or docred)"))
    }
}

/// The tagger type of a corpus label (`PER`, `person`, `B-LOC` without its
/// prefix, ...); `None` for labels that are no name or are derived forms
/// and parts of names (GermEval's `LOCderiv`, `ORGpart`).
pub fn name_type(label: &str) -> Option<NameType> {
    if label.ends_with("deriv") || label.ends_with("part") {
        return None;
    }
    match label.to_ascii_lowercase().as_str() {
        "per" | "person" | "pers" => Some(NameType::Person),
        "org" | "organization" | "organisation" | "corporation" | "group" => Some(NameType::Organization),
        "loc" | "location" | "place" | "gpe" => Some(NameType::Place),
        "misc" | "oth" | "product" | "creative-work" => Some(NameType::Misc),
        _ => None,
    }
}

/// Reads the sentences of a corpus file.
pub fn read_corpus(path: &Path, format: CorpusFormat, source: &str) -> Result<Vec<LabelledSentence>> {
    match format {
        CorpusFormat::Conll => conll::read(path, source),
        CorpusFormat::Conllu => conllu::read(path, source),
        CorpusFormat::DocRed => docred::read(path, source),
    }
}

/// Reads a corpus file, or every file of a folder (sorted by name, so the
/// order of sentences is the same on every machine) whose extension fits
/// the format: `.conllu` for CoNLL-U, `.json` for DocRED, `.conll`, `.tsv`,
/// `.iob` or `.bio` for CoNLL.
pub fn read_corpus_path(path: &Path, format: CorpusFormat) -> Result<Vec<LabelledSentence>> {
    let io = |source| Error::Io { path: path.to_owned(), source };
    let files = if path.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(path).map_err(io)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        let extensions: &[&str] = match format {
            CorpusFormat::Conllu => &["conllu"],
            CorpusFormat::DocRed => &["json"],
            CorpusFormat::Conll => &["conll", "tsv", "iob", "bio"],
        };
        files
            .retain(|f| f.is_file() && f.extension().and_then(|x| x.to_str()).is_some_and(|x| extensions.contains(&x)));
        files.sort();
        files
    } else {
        vec![path.to_owned()]
    };
    let mut sentences: Vec<LabelledSentence> = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).map_err(|source| Error::Io { path: file.clone(), source })?;
        append_sentences(&mut sentences, read_corpus(&file, format, &source)?);
    }
    Ok(sentences)
}

/// Appends the sentences of another file or corpus, numbering its documents
/// after those already there.
pub fn append_sentences(all: &mut Vec<LabelledSentence>, more: Vec<LabelledSentence>) {
    let first = all.last().map_or(0, |s| s.document + 1);
    all.extend(more.into_iter().map(|mut s| {
        s.document += first;
        s
    }));
}

//! CoNLL-U with GUM's entity annotation in the MISC column: `Entity=`
//! brackets open (`(3-organization-new-...`) and close (`3)`) mentions.
//! Named mentions are those of a person, organisation or place whose first
//! and last tokens (after a leading determiner) are proper nouns.

use std::path::Path;

use super::name_type;
use crate::entities::tagger::labels::NameSpan;
use crate::entities::tagger::train::LabelledSentence;
use crate::error::{Error, Result};

/// Longest named mention, in tokens.
const MAX_NAME_TOKENS: usize = 10;

/// A token's word, coarse and fine part of speech.
struct Word {
    form: String,
    upos: String,
    xpos: String,
}

/// A mention: tokens `start..end`, GUM entity type.
struct Bracket {
    id: String,
    start: usize,
    kind: String,
}

pub fn read(path: &Path, source: &str) -> Result<Vec<LabelledSentence>> {
    let mut sentences = Vec::new();
    let mut words: Vec<Word> = Vec::new();
    let mut open: Vec<Bracket> = Vec::new();
    let mut mentions: Vec<(usize, usize, String)> = Vec::new();
    let mut offset = 0;
    for line in source.split_inclusive('\n').chain(std::iter::once("")) {
        let start = offset;
        offset += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        if line.is_empty() {
            if !words.is_empty() {
                sentences.push(named(&words, &mentions));
                words.clear();
                mentions.clear();
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 10 {
            let message = format!("expected 10 tab-separated CoNLL-U columns, found {}", fields.len());
            return Err(Error::at_offset(path, source.as_bytes(), start, message));
        }
        if !fields[0].bytes().all(|b| b.is_ascii_digit()) {
            continue; // multi-word tokens (1-2) and empty nodes (1.1)
        }
        let idx = words.len();
        words.push(Word { form: fields[1].to_owned(), upos: fields[3].to_owned(), xpos: fields[4].to_owned() });
        let entity = fields[9].split('|').find_map(|f| f.strip_prefix("Entity="));
        if let Some(entity) = entity {
            brackets(entity, idx, &mut open, &mut mentions);
        }
    }
    Ok(sentences)
}

/// Applies one token's brackets: opens, closes, one-token mentions.
fn brackets(entity: &str, idx: usize, open: &mut Vec<Bracket>, mentions: &mut Vec<(usize, usize, String)>) {
    let mut rest = entity;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('(') {
            let end = after.find(['(', ')']).unwrap_or(after.len());
            let mut parts = after[..end].split('-');
            let id = parts.next().unwrap_or("").to_owned();
            let kind = parts.next().unwrap_or("").to_owned();
            if after[end..].starts_with(')') {
                mentions.push((idx, idx + 1, kind));
                rest = &after[end + 1..];
            } else {
                open.push(Bracket { id, start: idx, kind });
                rest = &after[end..];
            }
        } else {
            let end = rest.find(')').unwrap_or(rest.len());
            let id = &rest[..end];
            if let Some(at) = open.iter().rposition(|b| b.id == id) {
                let bracket = open.remove(at);
                mentions.push((bracket.start, idx + 1, bracket.kind));
            }
            rest = rest.get(end + 1..).unwrap_or("");
        }
    }
}

/// The sentence with its outermost named person, organisation and place
/// mentions.
fn named(words: &[Word], mentions: &[(usize, usize, String)]) -> LabelledSentence {
    let proper = |w: &Word| w.xpos == "NNP" || w.xpos == "NNPS";
    let mut names: Vec<NameSpan> = mentions
        .iter()
        .filter_map(|(start, end, kind)| {
            let name_type = name_type(kind).filter(|t| *t != crate::entities::tagger::NameType::Misc)?;
            let start = (*start..*end).find(|&i| words[i].upos != "DET")?;
            let named = proper(&words[start]) && proper(&words[end - 1]) && end - start <= MAX_NAME_TOKENS;
            named.then_some(NameSpan { start, end: *end, name_type })
        })
        .collect();
    names.sort_by_key(|n| (n.start, std::cmp::Reverse(n.end)));
    let mut outer: Vec<NameSpan> = Vec::new();
    for name in names {
        if !outer.iter().any(|o| o.start <= name.start && name.end <= o.end) {
            outer.push(name);
        }
    }
    LabelledSentence { words: words.iter().map(|w| w.form.clone()).collect(), names: outer, document: 0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tagger::NameType;

    #[test]
    fn reads_named_mentions_from_entity_brackets() {
        let row = |id: usize, form: &str, upos: &str, xpos: &str, misc: &str| {
            format!("{id}\t{form}\t{form}\t{upos}\t{xpos}\t_\t0\tdep\t_\t{misc}\n")
        };
        let source = [
            "# sent_id = a\n".to_owned(),
            row(1, "the", "DET", "DT", "Entity=(1-organization-new-sssss-cf1-3-coref-X"),
            row(2, "Acme", "PROPN", "NNP", "_"),
            row(3, "Corp", "PROPN", "NNP", "Entity=1)"),
            row(4, "hired", "VERB", "VBD", "_"),
            row(5, "Ann", "PROPN", "NNP", "Entity=(2-person-new-sssss-cf1-1-sgl)"),
            row(6, "and", "CCONJ", "CC", "_"),
            row(7, "engineers", "NOUN", "NNS", "Entity=(3-person-new-sssss-cf1-1-sgl)"),
            "\n".to_owned(),
        ]
        .concat();
        let sentences = read(Path::new("x.conllu"), &source).unwrap();
        assert_eq!(sentences.len(), 1);
        let names: Vec<(usize, usize, NameType)> =
            sentences[0].names.iter().map(|n| (n.start, n.end, n.name_type)).collect();
        assert_eq!(names, [(1, 3, NameType::Organization), (4, 5, NameType::Person)]);
        let error = read(Path::new("x.conllu"), "1\tonly\ttwo\n").unwrap_err().to_string();
        assert!(error.starts_with("x.conllu:1:1:"), "{error}");
    }
}

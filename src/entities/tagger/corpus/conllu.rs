//! CoNLL-U with GUM's entity annotation in the MISC column: `Entity=`
//! brackets open (`(3-organization-new-...`) and close (`3)`) mentions.
//! Named mentions are those of a person, organisation or place whose first
//! and last tokens (after a leading determiner, before a possessive `'s`) are
//! proper nouns; a longer mention whose minimal span (GUM's `minspan` field)
//! is all proper nouns gives that span (`Mary Chaworth, whom he met at school`).

use std::path::Path;

use super::name_type;
use crate::entities::cues::{Cue, CueLists};
use crate::entities::tagger::labels::NameSpan;
use crate::entities::tagger::train::LabelledSentence;
use crate::entities::tagger::NameType;
use crate::error::{Error, Result};
use crate::input::Language;

/// Longest named mention, in tokens.
const MAX_NAME_TOKENS: usize = 10;

/// A token's word, coarse and fine part of speech.
struct Word {
    form: String,
    upos: String,
    xpos: String,
}

/// An open mention: its first token, GUM entity type and minimal span.
struct Bracket {
    id: String,
    start: usize,
    kind: String,
    minimal: Vec<usize>,
}

/// A closed mention: tokens `start..end`, GUM entity type, and the tokens of
/// its minimal span counted from 1 at `start`.
struct Closed {
    start: usize,
    end: usize,
    kind: String,
    minimal: Vec<usize>,
}

pub fn read(path: &Path, source: &str) -> Result<Vec<LabelledSentence>> {
    let mut sentences = Vec::new();
    let mut words: Vec<Word> = Vec::new();
    let mut open: Vec<Bracket> = Vec::new();
    let mut mentions: Vec<Closed> = Vec::new();
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
fn brackets(entity: &str, idx: usize, open: &mut Vec<Bracket>, mentions: &mut Vec<Closed>) {
    let mut rest = entity;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('(') {
            let end = after.find(['(', ')']).unwrap_or(after.len());
            // GRP-etype-infstat-salience-centering-minspan-...
            let parts: Vec<&str> = after[..end].split('-').collect();
            let id = parts.first().copied().unwrap_or("").to_owned();
            let kind = parts.get(1).copied().unwrap_or("").to_owned();
            let minimal = parts.get(5).map_or_else(Vec::new, |m| m.split(',').filter_map(|n| n.parse().ok()).collect());
            if after[end..].starts_with(')') {
                mentions.push(Closed { start: idx, end: idx + 1, kind, minimal });
                rest = &after[end + 1..];
            } else {
                open.push(Bracket { id, start: idx, kind, minimal });
                rest = &after[end..];
            }
        } else {
            let end = rest.find(')').unwrap_or(rest.len());
            let id = &rest[..end];
            if let Some(at) = open.iter().rposition(|b| b.id == id) {
                let bracket = open.remove(at);
                let Bracket { start, kind, minimal, .. } = bracket;
                mentions.push(Closed { start, end: idx + 1, kind, minimal });
            }
            rest = rest.get(end + 1..).unwrap_or("");
        }
    }
}

/// The sentence with its outermost named person, organisation and place
/// mentions.
fn named(words: &[Word], mentions: &[Closed]) -> LabelledSentence {
    let titles = CueLists::for_language(Language::En);
    let mut names: Vec<NameSpan> = mentions
        .iter()
        .filter_map(|mention| {
            let name_type = name_type(&mention.kind).filter(|t| *t != NameType::Misc)?;
            let (mut start, end) = name_tokens(words, mention)?;
            // kgex's names leave a person's title out (`Professor Eastman` is `Eastman`), as
            // GermEval's do and GUM's do not. (A title alone, `the Secretary`, stays: taken
            // out, the model found fewer names on the development data.)
            while name_type == NameType::Person
                && end - start > 1
                && titles.matches(Cue::PersonBefore, &words[start].form)
            {
                start += 1;
            }
            (end - start <= MAX_NAME_TOKENS).then_some(NameSpan { start, end, name_type })
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

/// The tokens of a mention that are a name: the mention without a leading
/// determiner and a closing possessive when both its ends are proper nouns,
/// or else its minimal span when that is proper nouns in a row.
fn name_tokens(words: &[Word], mention: &Closed) -> Option<(usize, usize)> {
    let proper = |i: usize| matches!(words[i].xpos.as_str(), "NNP" | "NNPS");
    let start = (mention.start..mention.end).find(|&i| words[i].upos != "DET")?;
    let end = (start + 1..=mention.end).rev().find(|&e| words[e - 1].xpos != "POS")?;
    if proper(start) && proper(end - 1) {
        return Some((start, end));
    }
    let first = mention.start + mention.minimal.first()?.checked_sub(1)?;
    let last = mention.start + mention.minimal.last()?.checked_sub(1)?;
    let in_row = mention.minimal.windows(2).all(|w| w[1] == w[0] + 1);
    (in_row && last < mention.end && (first..=last).all(proper)).then_some((first, last + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One CoNLL-U token line.
    fn row(id: usize, form: &str, upos: &str, xpos: &str, misc: &str) -> String {
        format!("{id}\t{form}\t{form}\t{upos}\t{xpos}\t_\t0\tdep\t_\t{misc}\n")
    }

    /// The names of the first sentence of `source`: token range and type.
    fn names_of(source: &str) -> Vec<(usize, usize, NameType)> {
        let sentences = read(Path::new("x.conllu"), source).unwrap();
        sentences[0].names.iter().map(|n| (n.start, n.end, n.name_type)).collect()
    }

    #[test]
    fn reads_named_mentions_from_entity_brackets() {
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
        assert_eq!(read(Path::new("x.conllu"), &source).unwrap().len(), 1);
        assert_eq!(names_of(&source), [(1, 3, NameType::Organization), (4, 5, NameType::Person)]);
        let error = read(Path::new("x.conllu"), "1\tonly\ttwo\n").unwrap_err().to_string();
        assert!(error.starts_with("x.conllu:1:1:"), "{error}");
    }

    #[test]
    fn takes_names_from_minimal_spans_possessives_and_titles() {
        let source = [
            // `Mary Chaworth , whom he met` is the mention; its minimal span 1,2 the name.
            row(1, "Mary", "PROPN", "NNP", "Entity=(1-person-new-sssss-cf1-1,2-coref"),
            row(2, "Chaworth", "PROPN", "NNP", "_"),
            row(3, ",", "PUNCT", ",", "_"),
            row(4, "whom", "PRON", "WP", "_"),
            row(5, "he", "PRON", "PRP", "_"),
            row(6, "met", "VERB", "VBD", "Entity=1)"),
            row(7, "read", "VERB", "VBD", "_"),
            row(8, "Byron", "PROPN", "NNP", "Entity=(2-person-giv-sssss-cf1-1-coref"),
            row(9, "'s", "PART", "POS", "Entity=2)"),
            row(10, "letter", "NOUN", "NN", "_"),
            row(11, "to", "ADP", "IN", "_"),
            row(12, "Professor", "PROPN", "NNP", "Entity=(3-person-new-sssss-cf1-1,2-coref"),
            row(13, "Eastman", "PROPN", "NNP", "Entity=3)"),
            row(14, "and", "CCONJ", "CC", "_"),
            row(15, "the", "DET", "DT", "Entity=(4-place-new-sssss-cf1-3-coref"),
            row(16, "big", "ADJ", "JJ", "_"),
            row(17, "city", "NOUN", "NN", "Entity=4)"),
            "\n".to_owned(),
        ]
        .concat();
        let names = names_of(&source);
        assert_eq!(names, [(0, 2, NameType::Person), (7, 8, NameType::Person), (12, 13, NameType::Person)]);
    }
}

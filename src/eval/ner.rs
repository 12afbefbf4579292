//! Scores the name recogniser on GermEval-style data: one token per line
//! (`index TAB token TAB outer-tag [TAB inner-tag]`), `#` comment lines, a
//! blank line after each sentence; BIO tags, strict span matching per type.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use super::Counts;
use crate::entities::{resolve, EntityKind, NameRecognizer, Recognizer};
use crate::error::{Error, Result};
use crate::input::Language;
use crate::text::{Sentence, Span, Token, TokenKind};

/// The GermEval types kgex predicts, and the entity kinds they stand for.
const TYPES: [(&str, EntityKind); 3] =
    [("PER", EntityKind::Person), ("ORG", EntityKind::Organization), ("LOC", EntityKind::Place)];

/// Counts per type (`PER`, `ORG`, `LOC`) and over all three (`all`).
#[derive(Debug, Clone, Default)]
pub struct NerScores {
    /// Sentences read.
    pub sentences: usize,
    /// Per type, and `all`.
    pub counts: BTreeMap<String, Counts>,
}

impl NerScores {
    /// The score table.
    pub fn table(&self) -> String {
        let mut out = format!("sentences: {}\n", self.sentences);
        for name in ["PER", "ORG", "LOC", "all"] {
            let c = self.counts.get(name).copied().unwrap_or_default();
            let (p, r, f) = c.prf();
            out.push_str(&format!(
                "  {name:<5} P {p:.3}  R {r:.3}  F1 {f:.3}   (tp {}, fp {}, fn {})\n",
                c.tp, c.fp, c.fn_
            ));
        }
        out
    }
}

/// A labelled span of tokens: first token, one past the last, type.
type Labelled = (usize, usize, &'static str);

/// Scores the German recogniser on the tab-separated file at `path`.
pub fn score_ner(path: &Path, source: &str) -> Result<NerScores> {
    let recognizer = NameRecognizer::new(Language::De);
    let mut scores = NerScores::default();
    let mut words: Vec<&str> = Vec::new();
    let mut tags: Vec<&str> = Vec::new();
    let lines = source.lines().chain(std::iter::once(""));
    for (idx, line) in lines.enumerate() {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if !words.is_empty() {
                score_sentence(&recognizer, &words, &tags, &mut scores);
                words.clear();
                tags.clear();
            }
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 3 {
            let offset = source.lines().take(idx).map(|l| l.len() + 1).sum::<usize>();
            return Err(Error::at_offset(path, source.as_bytes(), offset, "expected `index<TAB>token<TAB>tag`"));
        }
        words.push(fields[1]);
        tags.push(fields[2]);
    }
    Ok(scores)
}

fn score_sentence(recognizer: &NameRecognizer, words: &[&str], tags: &[&str], scores: &mut NerScores) {
    let gold = gold_spans(tags);
    let predicted = predicted_spans(recognizer, words);
    scores.sentences += 1;
    for (name, _) in TYPES.iter().copied().chain([("all", EntityKind::Document)]) {
        let of_type = |s: &&Labelled| name == "all" || s.2 == name;
        let gold: HashSet<&Labelled> = gold.iter().filter(of_type).collect();
        let predicted: HashSet<&Labelled> = predicted.iter().filter(of_type).collect();
        let tp = gold.intersection(&predicted).count();
        let counts = scores.counts.entry(name.to_owned()).or_default();
        counts.tp += tp;
        counts.fp += predicted.len() - tp;
        counts.fn_ += gold.len() - tp;
    }
}

/// The PER, ORG and LOC spans of BIO tags (derived and part types such as
/// `LOCderiv` are other types and left out).
fn gold_spans(tags: &[&str]) -> Vec<Labelled> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, &'static str)> = None;
    for (idx, tag) in tags.iter().chain(std::iter::once(&"O")).enumerate() {
        let (prefix, kind) = tag.split_once('-').unwrap_or((tag, ""));
        let known = TYPES.iter().find(|(name, _)| *name == kind).map(|(name, _)| *name);
        let continues = prefix == "I" && open.is_some_and(|(_, t)| Some(t) == known);
        if continues {
            continue;
        }
        if let Some((start, kind)) = open.take() {
            spans.push((start, idx, kind));
        }
        if let (Some(kind), "B" | "I") = (known, prefix) {
            open = Some((idx, kind));
        }
    }
    spans
}

/// The recogniser's PER, ORG and LOC spans over the sentence's tokens.
fn predicted_spans(recognizer: &NameRecognizer, words: &[&str]) -> Vec<Labelled> {
    let mut text = String::new();
    let mut tokens = Vec::with_capacity(words.len());
    for word in words {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(word);
        let kind = if word.chars().any(char::is_alphanumeric) { TokenKind::Word } else { TokenKind::Punctuation };
        tokens.push(Token { span: Span::new(start, text.len()), kind });
    }
    let sentence = Sentence { index: 0, span: Span::new(0, text.len()) };
    let mut mentions = vec![recognizer.recognize(&text, &sentence, &tokens)];
    resolve(&text, std::slice::from_ref(&tokens), &mut mentions);
    let mut spans = Vec::new();
    for mention in &mentions[0] {
        let Some(&(name, _)) = TYPES.iter().find(|(_, kind)| *kind == mention.kind) else { continue };
        let first = tokens.iter().position(|t| t.span.end > mention.span.start);
        let last = tokens.iter().rposition(|t| t.span.start < mention.span.end);
        if let (Some(first), Some(last)) = (first, last) {
            spans.push((first, last + 1, name));
        }
    }
    spans.sort_unstable();
    spans.dedup();
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_bio_tags_and_scores_strictly() {
        assert_eq!(
            gold_spans(&["B-PER", "I-PER", "O", "B-LOC", "B-LOCderiv", "I-ORG", "B-ORG", "I-ORG"]),
            [(0, 2, "PER"), (3, 4, "LOC"), (5, 6, "ORG"), (6, 8, "ORG")]
        );
        let source =
            "# doc\n1\tMaria\tB-PER\tO\n2\tSchulz\tI-PER\tO\n3\tsagt\tO\tO\n4\tin\tO\tO\n5\tFrankreich\tB-LOC\tO\n\n";
        let scores = score_ner(Path::new("x.tsv"), source).unwrap();
        assert_eq!(scores.sentences, 1);
        assert_eq!(scores.counts["all"], Counts { tp: 2, fp: 0, fn_: 0 });
        let error = score_ner(Path::new("x.tsv"), "1\tnur zwei\n").unwrap_err().to_string();
        assert!(error.starts_with("x.tsv:1:1:"), "{error}");
    }
}

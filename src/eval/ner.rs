//! Scores name recognition on annotated sentences (GermEval, CoNLL, GUM,
//! DocRED; see [`crate::entities::tagger::CorpusFormat`]): strict spans per
//! type, counted for PER, ORG and LOC and over all three.

use std::collections::{BTreeMap, HashSet};

use super::Counts;
use crate::entities::tagger::{LabelledSentence, NameSpan, NameType};
use crate::entities::{apply_definitions, resolve, EntityKind, Mention, Recognizer};
use crate::input::Language;
use crate::text::{Sentence, Span, Token, TokenKind};

/// The types scored.
const SCORED: [NameType; 3] = [NameType::Person, NameType::Organization, NameType::Place];

/// Counts per type (`PER`, `ORG`, `LOC`) and over all three (`all`).
#[derive(Debug, Clone, Default)]
pub struct NerScores {
    /// Sentences read.
    pub sentences: usize,
    /// Per type, and `all`.
    pub counts: BTreeMap<String, Counts>,
    /// `FN TYPE name` and `FP TYPE name` lines, when asked for.
    pub errors: Vec<String>,
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

    /// F1 over all scored types.
    pub fn f1(&self) -> f64 {
        self.counts.get("all").copied().unwrap_or_default().prf().2
    }

    /// Adds one sentence: its gold names and the names predicted.
    pub fn add(&mut self, gold: &[NameSpan], predicted: &[NameSpan]) {
        self.sentences += 1;
        for name in SCORED.iter().map(|t| t.code()).chain(["all"]) {
            let of_type =
                |s: &&NameSpan| SCORED.contains(&s.name_type) && (name == "all" || s.name_type.code() == name);
            let gold: HashSet<&NameSpan> = gold.iter().filter(of_type).collect();
            let predicted: HashSet<&NameSpan> = predicted.iter().filter(of_type).collect();
            let tp = gold.intersection(&predicted).count();
            let counts = self.counts.entry(name.to_owned()).or_default();
            counts.tp += tp;
            counts.fp += predicted.len() - tp;
            counts.fn_ += gold.len() - tp;
        }
    }
}

/// Scores `predict` on annotated sentences, which it gets a document at a
/// time (the sentences of one document as token lists) and answers with
/// the names of each; with `list_errors`, every miss and false positive is
/// listed in [`NerScores::errors`].
pub fn score_names(
    sentences: &[LabelledSentence],
    list_errors: bool,
    mut predict: impl FnMut(&[Vec<&str>]) -> Vec<Vec<NameSpan>>,
) -> NerScores {
    let mut scores = NerScores::default();
    for document in sentences.chunk_by(|a, b| a.document == b.document) {
        let words: Vec<Vec<&str>> = document.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect();
        let predicted = predict(&words);
        for ((sentence, words), predicted) in document.iter().zip(&words).zip(&predicted) {
            scores.add(&sentence.names, predicted);
            if list_errors {
                scores.list_errors(words, &sentence.names, predicted);
            }
        }
    }
    scores
}

impl NerScores {
    fn list_errors(&mut self, words: &[&str], gold: &[NameSpan], predicted: &[NameSpan]) {
        let scored = |n: &&NameSpan| SCORED.contains(&n.name_type);
        let text = |n: &NameSpan| words[n.start..n.end].join(" ");
        let missed = gold.iter().filter(scored).filter(|n| !predicted.contains(n));
        let wrong = predicted.iter().filter(scored).filter(|n| !gold.contains(n));
        let lines: Vec<String> = missed
            .map(|n| format!("FN {} {}", n.name_type, text(n)))
            .chain(wrong.map(|n| format!("FP {} {}", n.name_type, text(n))))
            .collect();
        if !lines.is_empty() {
            self.errors.push(format!("# {}", words.join(" ")));
            self.errors.extend(lines.into_iter().map(|l| format!("  {l}")));
        }
    }
}

/// The names a recogniser finds in a document given as sentences of tokens
/// (joined with spaces, one sentence per line, into the document's text),
/// with the later mentions of known names that resolution adds over the
/// whole document. A mention of part of a token (`EU` in `EU-Staaten`) is
/// left out: token-level annotation marks such parts as a type of their
/// own, which is not scored. Definitions (`X is a film`) are applied as in
/// extraction.
pub fn recognizer_names(recognizer: &dyn Recognizer, language: Language, document: &[Vec<&str>]) -> Vec<Vec<NameSpan>> {
    let mut text = String::new();
    let mut sentences = Vec::with_capacity(document.len());
    let mut tokens: Vec<Vec<Token>> = Vec::with_capacity(document.len());
    for (index, words) in document.iter().enumerate() {
        if index > 0 {
            text.push('\n');
        }
        let start = text.len();
        let mut sentence_tokens = Vec::with_capacity(words.len());
        for (n, word) in words.iter().enumerate() {
            if n > 0 {
                text.push(' ');
            }
            let at = text.len();
            text.push_str(word);
            let kind = if word.chars().any(char::is_alphanumeric) { TokenKind::Word } else { TokenKind::Punctuation };
            sentence_tokens.push(Token { span: Span::new(at, text.len()), kind });
        }
        sentences.push(Sentence { index, span: Span::new(start, text.len()) });
        tokens.push(sentence_tokens);
    }
    let mut mentions: Vec<Vec<Mention>> =
        sentences.iter().zip(&tokens).map(|(s, t)| recognizer.recognize(&text, s, t)).collect();
    apply_definitions(&text, language, &tokens, &mut mentions);
    resolve(&text, &tokens, &mut mentions);
    mentions.iter().zip(&tokens).map(|(m, t)| token_spans(&text, t, m)).collect()
}

/// The mentions of one sentence as token spans of the scored types.
fn token_spans(text: &str, tokens: &[Token], mentions: &[Mention]) -> Vec<NameSpan> {
    let mut spans = Vec::new();
    for mention in mentions {
        let name_type = match mention.kind {
            EntityKind::Person => NameType::Person,
            EntityKind::Organization => NameType::Organization,
            EntityKind::Place => NameType::Place,
            EntityKind::Product | EntityKind::Document => continue,
        };
        let first = tokens.iter().position(|t| t.span.end > mention.span.start);
        let last = tokens.iter().rposition(|t| t.span.start < mention.span.end);
        let (Some(first), Some(last)) = (first, last) else { continue };
        if text.get(mention.span.end..tokens[last].span.end).is_some_and(|rest| rest.starts_with('-')) {
            continue;
        }
        spans.push(NameSpan { start: first, end: last + 1, name_type });
    }
    spans.sort_unstable();
    spans.dedup();
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_strict_spans_per_type() {
        let span = |start, end, name_type| NameSpan { start, end, name_type };
        let gold = [span(0, 2, NameType::Person), span(4, 5, NameType::Place), span(6, 7, NameType::Misc)];
        let predicted = [span(0, 2, NameType::Person), span(4, 5, NameType::Organization), span(6, 7, NameType::Misc)];
        let mut scores = NerScores::default();
        scores.add(&gold, &predicted);
        assert_eq!(scores.counts["all"], Counts { tp: 1, fp: 1, fn_: 1 });
        assert_eq!(scores.counts["LOC"], Counts { tp: 0, fp: 0, fn_: 1 });
        assert_eq!(scores.counts["ORG"], Counts { tp: 0, fp: 1, fn_: 0 });
    }
}

//! What a fact's evidence holds: the sentence that states it, kept in
//! memory or in a spill file, and the rule that found it.

use std::borrow::Cow;
use std::hash::BuildHasher;
use std::io;
use std::sync::Arc;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;
use thin_vec::ThinVec;

use crate::graph::spill::Spill;
use crate::graph::{EntityId, TextSpan};

/// A sentence that states facts, shared by the evidence of all of them.
#[derive(Debug, Clone)]
pub struct SourceSentence {
    /// The document's id.
    pub document: EntityId,
    /// Index of the sentence in the document, from 0.
    pub index: u32,
    /// The sentence's place in the document.
    pub span: TextSpan,
    text: SentenceText,
}

/// Where a sentence's text is kept. Sixteen bytes: a held text is a thin
/// pointer, whose variant the compiler places beside the spill file's
/// pointer, so that a sentence with its reference counts fits an
/// allocation of 64 bytes instead of 80 (a corpus graph holds millions).
#[derive(Debug, Clone)]
enum SentenceText {
    /// UTF-8, checked when it was made.
    Held(ThinVec<u8>),
    /// At an offset of a spill file, as long as the sentence's span.
    Spilled(Arc<Spill>, u64),
}

impl SourceSentence {
    /// Sentence `index` of `document`, at `span`, reading `text`.
    pub fn new(document: EntityId, index: u32, span: TextSpan, text: &str) -> Self {
        Self { document, index, span, text: SentenceText::Held(ThinVec::from(text.as_bytes())) }
    }

    /// The sentence's text; an error only when it was spilled to a file
    /// that can no longer be read.
    pub fn text(&self) -> io::Result<Cow<'_, str>> {
        match &self.text {
            SentenceText::Held(text) => Ok(Cow::Borrowed(held(text))),
            SentenceText::Spilled(spill, offset) => spill.read(*offset, self.span.end() - self.span.start()),
        }
    }

    /// The text while it is in memory, `None` once it is spilled.
    pub fn held_text(&self) -> Option<&str> {
        match &self.text {
            SentenceText::Held(text) => Some(held(text)),
            SentenceText::Spilled(..) => None,
        }
    }

    /// The same sentence with its text moved to `spill`. A text whose length
    /// differs from its span's (which only a hand-made graph has) stays.
    pub(super) fn spilled(&self, spill: &Arc<Spill>) -> io::Result<Self> {
        let text = match &self.text {
            SentenceText::Held(text) if text.len() == self.span.end() - self.span.start() => {
                SentenceText::Spilled(spill.clone(), spill.append(held(text))?)
            }
            other => other.clone(),
        };
        Ok(Self { document: self.document.clone(), index: self.index, span: self.span, text })
    }
}

/// A held text, which was made from a `str`.
fn held(text: &[u8]) -> &str {
    std::str::from_utf8(text).unwrap_or_default()
}

/// Two sentences are equal when they are at the same place and read the same.
impl PartialEq for SourceSentence {
    fn eq(&self, other: &Self) -> bool {
        (&self.document, self.index, self.span) == (&other.document, other.index, other.span)
            && match (&self.text, &other.text) {
                (SentenceText::Held(a), SentenceText::Held(b)) => a == b,
                _ => self.text().ok() == other.text().ok(),
            }
    }
}

impl Eq for SourceSentence {}

/// One sentence that states a relation, and how it was found. Two
/// pointers: a corpus graph holds millions.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// The sentence.
    pub sentence: Arc<SourceSentence>,
    pub(super) finding: Arc<Finding>,
}

/// The rule that found a fact and how sure it is, one copy for all the
/// facts a rule finds with that confidence.
#[derive(Debug, PartialEq)]
pub struct Finding {
    rule: Box<str>,
    confidence: f64,
}

impl Evidence {
    /// `sentence`, found by `finding`.
    pub fn new(sentence: Arc<SourceSentence>, finding: Arc<Finding>) -> Self {
        Self { sentence, finding }
    }

    /// The id of the rule that matched.
    pub fn rule(&self) -> &str {
        &self.finding.rule
    }

    /// How sure the rule is, from 0 to 1.
    pub fn confidence(&self) -> f64 {
        self.finding.confidence
    }

    /// The evidence of a relation is sorted by document, place and rule.
    pub(super) fn order_key(&self) -> (&EntityId, TextSpan, &str) {
        (&self.sentence.document, self.sentence.span, self.rule())
    }

    /// The same evidence with its finding shared through `findings`.
    pub(super) fn share_finding(&mut self, findings: &mut Findings) {
        self.finding = findings.get(self.rule(), self.confidence());
    }
}

/// One copy of each rule and confidence of a graph's facts.
#[derive(Debug, Clone, Default)]
pub struct Findings(HashTable<Arc<Finding>>);

impl Findings {
    /// The shared finding of `rule` with `confidence`, made on first use.
    pub fn get(&mut self, rule: &str, confidence: f64) -> Arc<Finding> {
        let hash = FxBuildHasher.hash_one((rule, confidence.to_bits()));
        let same = |f: &Arc<Finding>| &*f.rule == rule && f.confidence.to_bits() == confidence.to_bits();
        if let Some(shared) = self.0.find(hash, same) {
            return shared.clone();
        }
        let finding = Arc::new(Finding { rule: rule.into(), confidence });
        let rehash = |f: &Arc<Finding>| FxBuildHasher.hash_one((&*f.rule, f.confidence.to_bits()));
        self.0.insert_unique(hash, finding.clone(), rehash);
        finding
    }
}

//! Scores speaker attribution the SpkAtt way: a gold top-level annotation
//! with a source is found when a quotation overlaps its message and the
//! quotation's speaker words overlap its source.

use std::collections::BTreeMap;

use super::spkatt::GoldQuote;
use super::Counts;
use crate::text::Span;

/// A quotation as kgex found it, in byte spans of the scored text.
#[derive(Debug, Clone)]
pub struct SystemQuote {
    /// What was said.
    pub message: Span,
    /// The words naming the speaker.
    pub speaker: Span,
    /// kgex's form: Direct, Indirect or Reported.
    pub form: &'static str,
    /// The cue word, for error lists.
    pub cue: Option<Span>,
}

/// Speaker-attribution scores over documents.
#[derive(Debug, Clone, Default)]
pub struct QuoteScores {
    /// Documents scored.
    pub documents: usize,
    /// All annotations and quotations.
    pub total: Counts,
    /// Found and missed per gold form (no false positives here).
    pub by_gold_form: BTreeMap<String, Counts>,
    /// Right and wrong per kgex form (no misses here).
    pub by_system_form: BTreeMap<String, Counts>,
}

fn overlaps(spans: &[Span], span: Span) -> bool {
    spans.iter().any(|s| s.start < span.end && span.start < s.end)
}

impl GoldQuote {
    /// Whether `message` overlaps the annotated message.
    pub fn has_message(&self, message: Span) -> bool {
        overlaps(&self.message, message)
    }

    /// Whether `speaker` overlaps the annotated source.
    pub fn has_source(&self, speaker: Span) -> bool {
        overlaps(&self.source, speaker)
    }

    /// Whether a quotation finds this annotation: message and speaker both
    /// overlap.
    pub fn found_by(&self, quote: &SystemQuote) -> bool {
        self.has_message(quote.message) && self.has_source(quote.speaker)
    }
}

impl QuoteScores {
    /// Adds one document. Each annotation is found at most once; a quotation
    /// that matches only a nested annotation counts neither way.
    pub fn add(&mut self, gold: &[GoldQuote], system: &[SystemQuote]) {
        self.documents += 1;
        let scored = |g: &GoldQuote| !g.nested && !g.source.is_empty();
        let mut found = vec![false; gold.len()];
        for quote in system {
            let target = (0..gold.len()).find(|&i| !found[i] && scored(&gold[i]) && gold[i].found_by(quote));
            let system_form = self.by_system_form.entry(quote.form.to_owned()).or_default();
            match target {
                Some(i) => {
                    found[i] = true;
                    self.total.tp += 1;
                    system_form.tp += 1;
                }
                None if gold.iter().any(|g| g.nested && g.found_by(quote)) => {}
                None => {
                    self.total.fp += 1;
                    system_form.fp += 1;
                }
            }
        }
        for (g, found) in gold.iter().zip(found).filter(|(g, _)| scored(g)) {
            let gold_form = self.by_gold_form.entry(g.form.clone()).or_default();
            if found {
                gold_form.tp += 1;
            } else {
                gold_form.fn_ += 1;
                self.total.fn_ += 1;
            }
        }
    }

    /// A plain-text table: the totals, recall per gold form, precision per
    /// kgex form.
    pub fn table(&self) -> String {
        let (p, r, f) = self.total.prf();
        let c = self.total;
        let mut out = format!(
            "documents {}\nspeaker attribution  P {p:.3}  R {r:.3}  F1 {f:.3}  (tp {} fp {} fn {})\n",
            self.documents, c.tp, c.fp, c.fn_
        );
        out.push_str("recall per gold form:\n");
        for (form, c) in &self.by_gold_form {
            out.push_str(&format!("  {form:<22} R {:.3}  ({} of {})\n", c.prf().1, c.tp, c.tp + c.fn_));
        }
        out.push_str("precision per kgex form:\n");
        for (form, c) in &self.by_system_form {
            out.push_str(&format!("  {form:<22} P {:.3}  ({} of {})\n", c.prf().0, c.tp, c.tp + c.fp));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(message: (usize, usize), source: (usize, usize), nested: bool) -> GoldQuote {
        GoldQuote {
            message: vec![Span::new(message.0, message.1)],
            source: vec![Span::new(source.0, source.1)],
            form: "Direct".into(),
            nested,
        }
    }

    #[test]
    fn a_quotation_needs_message_and_speaker_to_overlap() {
        let golds = [gold((0, 10), (20, 25), false), gold((30, 40), (45, 50), false), gold((2, 4), (11, 12), true)];
        let system = [
            SystemQuote { message: Span::new(5, 8), speaker: Span::new(21, 22), form: "Direct", cue: None },
            SystemQuote { message: Span::new(5, 8), speaker: Span::new(21, 22), form: "Direct", cue: None },
            SystemQuote { message: Span::new(31, 33), speaker: Span::new(20, 25), form: "Indirect", cue: None },
            SystemQuote { message: Span::new(3, 4), speaker: Span::new(11, 12), form: "Indirect", cue: None },
        ];
        let mut scores = QuoteScores::default();
        scores.add(&golds, &system);
        assert_eq!((scores.total.tp, scores.total.fp, scores.total.fn_), (1, 2, 1));
        assert_eq!(scores.by_system_form["Indirect"].fp, 1);
    }
}

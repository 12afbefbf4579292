//! Pronominal adverbs that point at a source: `Demnach ...` opening a
//! sentence says what the source just named says, and `X, wonach ...`
//! gives what the report or claim X holds.

use super::speaker::Candidate;
use super::SentenceWords;

/// Where a source adverb puts a message and its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    /// `Demnach` at token 0 stands for the source of the sentence before.
    Previous { message: (usize, usize) },
    /// `X, wonach ...`: the candidate before the comma, or the adverb at
    /// token `adverb` itself when none ends there.
    Antecedent { message: (usize, usize), adverb: usize, candidate: Option<Candidate> },
}

/// The source adverb of a German sentence, if it has one.
pub fn pointer(words: &SentenceWords, found: &[Candidate]) -> Option<Pointer> {
    if words.english {
        return None;
    }
    let last = (0..words.len()).rev().find(|&j| words.is_word(j))?;
    // `Demnach` opening a sentence points back (`danach` is as often `then`).
    if &words.lower[0] == "demnach" && last >= 2 {
        return Some(Pointer::Previous { message: (1, last) });
    }
    let at = (2..words.len()).find(|&j| &words.lower[j] == "wonach" && &words.lower[j - 1] == ",")?;
    if at + 2 > last {
        return None;
    }
    // The antecedent ends at the comma, perhaps after closing marks (`der
    // Agentur „Interfax“, wonach`).
    let mut end = at - 1;
    while end > 0 && matches!(&words.lower[end - 1], "“" | "”" | "\"" | "«" | "»") {
        end -= 1;
    }
    let candidate = found.iter().find(|c| c.last + 1 == end).copied();
    Some(Pointer::Antecedent { message: (at + 1, last), adverb: at, candidate })
}

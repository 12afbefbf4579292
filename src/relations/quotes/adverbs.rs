//! Words that point at a source without a speaking subject: `Demnach ...`
//! opening a sentence says what the source just named says, `X, wonach ...`
//! gives what the report or claim X holds, and `heißt es in X` what the
//! text X says.

use super::candidates::{Candidate, Found, SpeakerKind};
use super::SentenceWords;
use crate::text::is_mark_token;

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
pub fn pointer(words: &SentenceWords, found: &Found) -> Option<Pointer> {
    if words.english {
        return None;
    }
    let last = (0..words.len()).rev().find(|&j| words.is_word(j))?;
    // `Demnach` opening a sentence points back (`danach` is as often `then`).
    // Inside a quotation the words are someone's already.
    if &words.lower[0] == "demnach" && last >= 2 && !words.quoted[0] {
        return Some(Pointer::Previous { message: (1, last) });
    }
    let at = (2..words.len()).find(|&j| &words.lower[j] == "wonach" && &words.lower[j - 1] == ",")?;
    if words.quoted[at] {
        return None;
    }
    if at + 2 > last {
        return None;
    }
    // The antecedent ends at the comma, perhaps after closing marks (`der
    // Agentur „Interfax“, wonach`).
    let mut end = at - 1;
    while end > 0 && is_mark_token(&words.lower[end - 1]) {
        end -= 1;
    }
    let candidate = found.iter().find(|c| c.last + 1 == end).copied();
    Some(Pointer::Antecedent { message: (at + 1, last), adverb: at, candidate })
}

/// `In dem Bericht heißt es, ...`, `..., hieß es bei der Agentur X`: for
/// `heißt` or `hieß` next to `es` at token `verb`, the phrase after `in`,
/// `bei`, `auf`, `von` or `aus` nearest to it in its clause (`hieß es vom
/// Abgeordneten X`, `aus Regierungskreisen hieß es`).
pub fn es_heisst_source(words: &SentenceWords, found: &Found, verb: usize) -> Option<Candidate> {
    let lower = |j: usize| words.lower.get(j).unwrap_or("");
    let es = verb > 0 && lower(verb - 1) == "es" || lower(verb + 1) == "es";
    if words.english || !matches!(lower(verb), "heißt" | "hieß") || !es {
        return None;
    }
    let comma = |j: usize| matches!(lower(j), "," | ":" | ";");
    let start = (0..verb).rev().find(|&j| comma(j)).map_or(0, |j| j + 1);
    let end = (verb..words.len()).find(|&j| comma(j)).unwrap_or(words.len());
    let place = |c: &&Candidate| {
        let before = |back: usize| c.first.checked_sub(back).map_or("", lower);
        let article = matches!(before(1), "der" | "dem" | "einer" | "einem" | "dieser" | "diesem");
        let preposition = |w: &str| matches!(w, "in" | "im" | "bei" | "beim" | "auf" | "vom" | "von" | "aus");
        c.first >= start && c.last < end && (preposition(before(1)) || article && preposition(before(2)))
    };
    found.iter().filter(place).min_by_key(|c| c.first.abs_diff(verb)).copied()
}

/// `Dies geht aus einem Bericht der Polizei hervor`, `Aus der Studie geht
/// hervor, dass ...`: for a form of `gehen` at token `verb` whose clause
/// ends in `hervor`, the phrase of information or speakers after `aus` in
/// that clause.
pub fn hervor_source(words: &SentenceWords, found: &Found, verb: usize) -> Option<Candidate> {
    let lower = |j: usize| words.lower.get(j).unwrap_or("");
    if words.english || !matches!(lower(verb), "geht" | "ging" | "gehen" | "gingen") {
        return None;
    }
    let comma = |j: usize| matches!(lower(j), "," | ":" | ";" | ".");
    let start = (0..verb).rev().find(|&j| comma(j)).map_or(0, |j| j + 1);
    let end = (verb..words.len()).find(|&j| comma(j)).unwrap_or(words.len());
    if end == 0 || lower(end - 1) != "hervor" {
        return None;
    }
    let after_aus = |c: &&Candidate| {
        let before = |back: usize| c.first.checked_sub(back).map_or("", lower);
        // A text or a speaker emerges from nothing else (`ging aus der Wahl hervor`).
        let source = matches!(c.kind, SpeakerKind::Info | SpeakerKind::Noun);
        source && c.first >= start && c.last < end && (before(1) == "aus" || before(2) == "aus")
    };
    found.iter().find(after_aus).copied()
}

//! The parts of a sentence around a speech cue: the particle that closes
//! the cue's clause, a modal before it, the side of the sentence that is
//! said, and who may stand before a colon.

use super::candidates::{Candidate, SpeakerKind};
use super::lexicon::{Lexicon, Section};
use super::SentenceWords;
use crate::entities::EntityKind;
use crate::text::is_mark_token;
use crate::text::Span;

/// Whether token `j` is a verb in the subjunctive (`sei`, `basiere`):
/// written in lower case, as verbs are (`Beweise` is a noun), and not next
/// to `ich`, whose indicative has the same form (`ich glaube`, `denke ich`).
pub fn is_subjunctive(words: &SentenceWords, lexicon: &Lexicon, j: usize) -> bool {
    let ich = |k: Option<usize>| k.and_then(|k| words.lower.get(k)).is_some_and(|w| w == "ich");
    words.is_lower_word(j)
        && lexicon.has(Section::Konjunktiv, &words.lower[j])
        && !ich(j.checked_sub(1))
        && !ich(Some(j + 1))
}

/// Whether a candidate before a colon can introduce what follows as its
/// words: not a place or product (`auf dem Mond:`) and not a phrase that
/// belongs to someone (`Seine Zuversicht:`).
pub fn colon_speaker(words: &SentenceWords, candidate: &Candidate) -> bool {
    let kind = candidate.mention.map(|m| words.kinds[m]);
    let possessive = matches!(&words.lower[candidate.first], "sein" | "seine" | "seiner" | "ihr" | "ihre" | "ihrer");
    let thing = matches!(kind, Some(EntityKind::Place | EntityKind::Product));
    let owned = candidate.kind == SpeakerKind::Phrase && possessive;
    !thing && !owned
}

/// How far back from a verb its clause's auxiliary or modal is looked for:
/// they stand within a few dozen words of it.
const MAX_CLAUSE: usize = 40;

/// The first token of the clause of the verb at `verb` (after the last
/// comma, colon or semicolon before it), at most [`MAX_CLAUSE`] tokens back.
pub fn clause_start(lower: &[&str], verb: usize) -> usize {
    let reach = verb.saturating_sub(MAX_CLAUSE);
    (reach..verb).rev().find(|&j| matches!(lower[j], "," | ":" | ";")).map_or(reach, |j| j + 1)
}

/// `konnte die Polizei nicht bestätigen`: a German infinitive after a modal
/// verb in its clause says what could, would or should be said, not what was.
pub fn after_modal(lower: &[&str], verb: usize, english: bool) -> bool {
    let modal = |w: &str| {
        matches!(
            w,
            "kann"
                | "konnte"
                | "können"
                | "konnten"
                | "will"
                | "wollte"
                | "wollen"
                | "wollten"
                | "muss"
                | "musste"
                | "müssen"
                | "mussten"
                | "darf"
                | "durfte"
                | "dürfen"
                | "möchte"
                | "möchten"
                | "wird"
                | "werden"
        )
    };
    // `will wissen, dass ...` reports a claim all the same.
    let infinitive = lower[verb].ends_with("en") && lower[verb] != "wissen";
    !english && infinitive && (clause_start(lower, verb)..verb).any(|j| modal(lower[j]))
}

/// `he wrote a book`, `he's the one who writes dD`: an English verb of
/// writing with an object right after it wrote a thing, not words (`wrote
/// that`, `wrote:`, `wrote in a letter` report them).
pub fn writes_object(words: &SentenceWords, verb: usize) -> bool {
    let writing = matches!(&words.lower[verb], "write" | "writes" | "wrote" | "written" | "writing");
    let next = words.lower.get(verb + 1);
    // A name (capitals in the word as written) is an object too: `writes dD`.
    let name =
        verb + 1 < words.len() && words.is_word(verb + 1) && words.original(verb + 1).chars().any(char::is_uppercase);
    let object = matches!(next, Some("a" | "an" | "the" | "his" | "her" | "their" | "its" | "our" | "my" | "this"))
        || words.mention_at.get(verb + 1).is_some_and(Option::is_some)
        || name;
    words.english && writing && object
}

/// `(Wikinews berichtete)`, `(wir berichteten)`: a speaker and its verb
/// alone in brackets point to an earlier report; they say nothing here.
pub fn cross_reference(words: &SentenceWords, cue: usize) -> bool {
    let closes = words.lower.get(cue + 1).is_some_and(|w| w == ")");
    let opening = (cue.saturating_sub(5)..cue).rev().find(|&j| !words.is_word(j));
    closes && opening.is_some_and(|j| j + 1 < cue && &words.lower[j] == "(")
}

/// The particle of the verb at `verb` that closes its clause (`gab ...
/// bekannt,`), perhaps after a name set off by commas (`teilte der Direktor
/// der Behörde, Bagus Puruhito, mit`), or stands right before the verb at
/// the clause's end (`wie X bekannt gab,`): its token.
pub fn closing_particle(words: &SentenceWords, lexicon: &Lexicon, verb: usize) -> Option<usize> {
    // Quotation marks inside the clause end nothing (`wies dies als „Unsinn“ zurück`).
    let mark = |k: usize| {
        let word = &words.lower[k];
        is_mark_token(word) || matches!(word, "-" | "‚" | "‘")
    };
    let clause_end = |from: usize| (from..words.len()).find(|&k| !words.is_word(k) && !mark(k));
    let particle_before =
        |end: usize| (end > verb + 1 && lexicon.has(Section::Particle, &words.lower[end - 1])).then(|| end - 1);
    let end = clause_end(verb + 1)?;
    let joined = end == verb + 1 && verb > 0 && lexicon.has(Section::Particle, &words.lower[verb - 1]);
    if let Some(particle) = particle_before(end).or(joined.then(|| verb - 1)) {
        return Some(particle);
    }
    let name = (&words.lower[end] == ",").then(|| words.mention_at.get(end + 1).copied().flatten()).flatten();
    name.map(|(_, last)| last + 1)
        .filter(|&comma| words.lower.get(comma).is_some_and(|w| w == ","))
        .and_then(|comma| clause_end(comma + 1))
        .and_then(particle_before)
}

/// Whether a quotation reads as speech rather than a title or a term: six
/// words or more, or at least three that end in punctuation or follow a colon.
pub fn is_speech(text: &str, quotation: Span) -> bool {
    let inner = &text[quotation.range()];
    let words = inner.split_whitespace().count();
    let punctuated = inner.trim_end().ends_with(['.', ',', '!', '?', ';']);
    let after_colon = text[..quotation.start].trim_end_matches(['„', '"', '“', '»', '«', ' ']).ends_with(':');
    words >= 6 || words >= 3 && (punctuated || after_colon)
}

/// The words of the message: the longer part of the sentence before and
/// after the frame (cue and speaker), or `inner` (between a speaker and a
/// verb at the end) when neither has two words; without punctuation at its
/// ends; none when that part has fewer than two words.
pub fn message_side(
    words: &SentenceWords,
    lexicon: &Lexicon,
    frame: (usize, usize),
    inner: Option<(usize, usize)>,
    inverted: bool,
) -> Option<(usize, usize)> {
    let count = |(from, to): (usize, usize)| (from..to).filter(|&j| words.is_word(j)).count();
    let (before, after) = ((0, frame.0), (frame.1 + 1, words.len()));
    // Reported speech is in the subjunctive: when only one side has it, that
    // side is said (`In einer Videobotschaft, die ... eingespielt wurde,
    // sagte X, man werde kämpfen`).
    let subjunctive = |(from, to): (usize, usize)| (from..to).any(|j| is_subjunctive(words, lexicon, j));
    let said = match (subjunctive(before), subjunctive(after)) {
        (true, false) => Some(before),
        (false, true) => Some(after),
        _ => None,
    };
    // `Die Ursache sei unklar, verlautbarte X, der Direktor von Y, ...`: a
    // verb after a comma with its speaker after it closes the message before.
    let longer = if count(before) > count(after) || inverted && count(before) >= 2 { before } else { after };
    let outer = said.filter(|&side| count(side) >= 2).unwrap_or(longer);
    let (from, to) = match inner {
        Some(inner) if count(outer) < 2 => inner,
        _ => outer,
    };
    let first = (from..to).find(|&j| words.is_word(j))?;
    let last = (from..to).rev().find(|&j| words.is_word(j))?;
    (count((from, to)) >= 2).then_some((first, last))
}

/// The first token of the candidate joined to `candidate` by `und`,
/// `and`, `oder`, `sowie` just before it, if there is one.
pub fn coordinated_start(words: &SentenceWords, found: &[Candidate], candidate: Candidate) -> Option<usize> {
    let mut j = candidate.first.checked_sub(1)?;
    if matches!(&words.lower[j], "der" | "die" | "das" | "the") {
        j = j.checked_sub(1)?;
    }
    if !matches!(&words.lower[j], "und" | "and" | "oder" | "or" | "sowie") {
        return None;
    }
    found.iter().rev().find(|c| c.last + 1 == j).map(|c| c.first)
}

//! The names, pronouns and noun phrases of a sentence that can name the
//! source of a quotation, and the word classes that delimit them.

use super::lexicon::{Lexicon, Section};
use super::SentenceWords;
use crate::entities::{EntityKind, Gazetteer};
use crate::text::is_mark_token;

/// What kind of words name a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerKind {
    /// A recognised name.
    Name,
    /// `er`, `sie`, `he`, `she`.
    Pronoun,
    /// A phrase headed by a speaker noun: `der Sprecher`, `die Polizei`.
    Noun,
    /// A phrase headed by a noun of information: `ersten Angaben`,
    /// `seiner Meinung`.
    Info,
    /// Any other German noun phrase (`die Kanadier`), a speaker only in
    /// subject position.
    Phrase,
}

/// A possible speaker: tokens `first..=last` of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// The first token.
    pub first: usize,
    /// The last token.
    pub last: usize,
    /// Names, pronouns or noun phrases.
    pub kind: SpeakerKind,
    /// The mention of the sentence it is or contains, if any.
    pub mention: Option<usize>,
    /// Whether its head makes it a news outlet (`die Zeitung X`).
    pub outlet: bool,
}

/// Whether a word can open a speaker noun phrase: an article, a possessive.
pub fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "der"
            | "die"
            | "das"
            | "den"
            | "dem"
            | "des"
            | "ein"
            | "eine"
            | "einer"
            | "eines"
            | "einem"
            | "einen"
            | "the"
            | "a"
            | "an"
            | "its"
            | "their"
            | "sein"
            | "seine"
            | "seiner"
            | "seinen"
            | "seinem"
            | "ihr"
            | "ihre"
            | "ihrer"
            | "ihren"
            | "ihrem"
            | "dessen"
            | "deren"
            | "diese"
            | "dieser"
    )
}

/// Whether a lower-case word ends a noun phrase rather than modifying it.
fn is_not_modifier(word: &str) -> bool {
    matches!(
        word,
        "und"
            | "oder"
            | "aber"
            | "von"
            | "vom"
            | "mit"
            | "in"
            | "im"
            | "an"
            | "am"
            | "zu"
            | "zum"
            | "zur"
            | "auf"
            | "für"
            | "bei"
            | "nach"
            | "aus"
            | "über"
            | "sich"
            | "es"
            | "nicht"
            | "auch"
            | "noch"
            | "so"
            | "wie"
            | "als"
            | "hat"
            | "ist"
            | "sind"
            | "war"
            | "wird"
            // Auxiliaries and frames end like adjectives but open no phrase
            // (`hatte laut Polizeiangaben`).
            | "hatte"
            | "hatten"
            | "habe"
            | "haben"
            | "wurde"
            | "wurden"
            | "werden"
            | "waren"
            | "sei"
            | "seien"
            | "laut"
            | "gemäß"
            | "zufolge"
    )
}

/// The speaker candidates of a sentence, found when first asked for. Only
/// a cue asks (a speech verb or source phrase, a colon before a quotation,
/// `wonach`), and most sentences have none.
pub struct Found<'w, 'a> {
    words: &'w SentenceWords<'a>,
    lexicon: &'static Lexicon,
    found: std::cell::OnceCell<Vec<Candidate>>,
}

impl<'w, 'a> Found<'w, 'a> {
    /// The candidates of `words`, not yet looked for.
    pub fn new(words: &'w SentenceWords<'a>, lexicon: &'static Lexicon) -> Self {
        Self { words, lexicon, found: std::cell::OnceCell::new() }
    }
}

impl std::ops::Deref for Found<'_, '_> {
    type Target = [Candidate];

    fn deref(&self) -> &[Candidate] {
        self.found.get_or_init(|| candidates(self.words, self.lexicon))
    }
}

/// The speaker candidates of a sentence, in text order, none inside a
/// quotation.
pub fn candidates(words: &SentenceWords, lexicon: &Lexicon) -> Vec<Candidate> {
    let mut found = Vec::new();
    // Whether each word is a listed speaker or information noun, asked once
    // per word rather than once per start of an English phrase that may end
    // in it (German phrases end in a capitalised noun instead).
    let listed: Vec<bool> =
        if words.english { words.lower.iter().map(|w| is_listed_noun(lexicon, w)).collect() } else { Vec::new() };
    let mut i = 0;
    while i < words.len() {
        match at(words, lexicon, &listed, i).map(|c| with_party(words, c)) {
            Some(c) if !(c.first..=c.last).any(|t| words.quoted[t]) && !in_title(words, &c) => {
                found.push(c);
                i = c.last + 1;
            }
            _ => i += 1,
        }
    }
    found
}

/// Whether a candidate is a name inside a title in quotation marks that is
/// not the whole title (`Deutschland` in `„Aktion Deutschland hilft“`):
/// such a name names no speaker; a name that fills the marks (`„Muslix64“`) may.
fn in_title(words: &SentenceWords, c: &Candidate) -> bool {
    let titled = |t: usize| words.titled.get(t).copied().unwrap_or(false);
    let opens_title = c.first == 0 || !titled(c.first - 1);
    let whole = opens_title && !titled(c.last + 1);
    (c.first..=c.last).any(titled) && !whole
}

/// `Franz Müntefering (SPD)`: the party in brackets after a person belongs
/// to the person's phrase, not a speaker of its own.
fn with_party(words: &SentenceWords, mut candidate: Candidate) -> Candidate {
    let person = candidate.mention.is_some_and(|m| words.kinds[m] == EntityKind::Person);
    let bracket = |j: usize, mark: &str| words.lower.get(j).is_some_and(|w| w == mark);
    if person && bracket(candidate.last + 1, "(") {
        let party = words.mention_at.get(candidate.last + 2).copied().flatten();
        if let Some((_, end)) = party.filter(|&(_, end)| bracket(end + 1, ")")) {
            candidate.last = end + 1;
        }
    }
    candidate
}

fn is_listed_noun(lexicon: &Lexicon, lower: &str) -> bool {
    [Section::SpeakerNoun, Section::InfoNoun].iter().any(|&s| lexicon.listed(s, lower))
}

/// Whether a lower-case noun is listed in `section`, as an entry, as a
/// compound ending in one, or written with a hyphen (`Online-Ausgabe` for
/// `onlineausgabe`).
fn is_listed(lexicon: &Lexicon, section: Section, lower: &str) -> bool {
    lexicon.listed(section, lower) || lower.contains('-') && lexicon.has(section, &lower.replace('-', ""))
}

/// The candidate starting at word `i`; `listed` tells, for English, which
/// words are listed nouns.
fn at(words: &SentenceWords, lexicon: &Lexicon, listed: &[bool], i: usize) -> Option<Candidate> {
    if let Some((mention, last)) = words.mention_at[i].or_else(|| titled_person(words, lexicon, i)) {
        return Some(Candidate { first: i, last, kind: SpeakerKind::Name, mention: Some(mention), outlet: false });
    }
    let lower = &words.lower[i];
    // A capitalised `Sie` inside a sentence is the polite `you`.
    let polite = words.original(i) == "Sie" && i > 0;
    if lexicon.has(Section::Pronoun, lower) && !polite {
        return Some(Candidate { first: i, last: i, kind: SpeakerKind::Pronoun, mention: None, outlet: false });
    }
    if lexicon.has(Section::Skip, lower) {
        return None;
    }
    let determiner = is_determiner(lower);
    if let Some(head) = bare_subject(words, lexicon, i) {
        let candidate = Candidate { first: i, last: head, kind: SpeakerKind::Phrase, mention: None, outlet: false };
        return Some(extend(words, lexicon, candidate));
    }
    if !(determiner || is_modifier(words, i) || is_noun(words, i)) {
        return None;
    }
    // English nouns are not capitalised: the head is the listed noun that
    // ends a compound (`the defence lawyer`), else the first word.
    let english_head = || words.english.then(|| (i..words.len().min(i + 4)).find(|&j| listed[j])).flatten();
    let head = english_head().or_else(|| (i..words.len().min(i + 4)).find(|&j| is_noun(words, j)))?;
    if !(i + 1..head).all(|j| is_modifier(words, j)) || words.mention_at[head].is_some() {
        return None;
    }
    let noun = |section| is_listed(lexicon, section, &words.lower[head]);
    let kind = if noun(Section::SpeakerNoun) {
        SpeakerKind::Noun
    } else if noun(Section::InfoNoun) {
        SpeakerKind::Info
    } else if (determiner || framed(words, i, head))
        && !words.english
        && !lexicon.has(Section::Skip, &words.lower[head])
    {
        // Only with an article: a capitalised word alone opens most German
        // sentences without being a noun (`Neben`, `Damit`).
        SpeakerKind::Phrase
    } else {
        return None;
    };
    // Without an article only a noun of information opens with an adjective
    // (`ersten Angaben`); otherwise a verb before a noun would open one.
    if !determiner && head != i && kind != SpeakerKind::Info && !framed(words, i, head) {
        return None;
    }
    let outlet = is_listed(lexicon, Section::OutletNoun, &words.lower[head]);
    Some(extend(words, lexicon, Candidate { first: i, last: head, kind, mention: None, outlet }))
}

/// `Bundeskanzlerin Angela Merkel`, `Kardinal Angelo Sodano`: a German noun
/// right before a person's name inside a sentence is the person's title; the
/// name's mention and last token.
fn titled_person(words: &SentenceWords, lexicon: &Lexicon, i: usize) -> Option<(usize, usize)> {
    // A capital at the start of a sentence says nothing (`Obwohl Müller ...`).
    let (mention, last) = words.mention_at.get(i + 1).copied().flatten().filter(|_| i > 0)?;
    let lower = &words.lower[i];
    let function_word = lexicon.has(Section::Skip, lower)
        || is_preposition(lower)
        || is_determiner(lower)
        || is_not_modifier(lower)
        || lexicon.has(Section::FrameBefore, lower);
    // A listed role (or a compound ending in one: `Bundeskanzlerin`), else a
    // known noun.
    let role = lexicon.listed(Section::SpeakerNoun, lower)
        || lower
            .char_indices()
            .skip(3)
            .any(|(at, _)| lower.len() - at >= 5 && lexicon.has(Section::SpeakerNoun, &lower[at..]));
    let title = is_noun(words, i) && (role || Gazetteer::get().is_german_noun_compound(words.original(i)));
    let person = words.kinds[mention] == EntityKind::Person;
    (!words.english && person && title && !function_word).then_some((mention, last))
}

/// `Ohrenzeugen berichteten von ...`, `Politische Beobachter messen ...`: a
/// German plural noun, perhaps after an adjective, that opens the sentence
/// right before a plural verb is its subject without an article. The head's
/// token, if so.
fn bare_subject(words: &SentenceWords, lexicon: &Lexicon, i: usize) -> Option<usize> {
    if words.english || i != 0 || words.mention_at[0].is_some() {
        return None;
    }
    let plural = |j: usize| {
        let lower = &words.lower[j];
        let function_word = lexicon.has(Section::Skip, lower) || is_preposition(lower) || is_not_modifier(lower);
        is_noun(words, j) && lower.ends_with(['e', 'n', 'r']) && !function_word
    };
    let verb = |j: usize| j < words.len() && words.is_lower_word(j) && words.lower[j].ends_with('n');
    let adjective = words.len() > 2 && plural(0) && words.lower[0].ends_with('e') && words.mention_at[1].is_none();
    if plural(0) && verb(1) {
        Some(0)
    } else if adjective && plural(1) && verb(2) {
        Some(1)
    } else {
        None
    }
}

/// Whether the phrase `i..=head` stands where only a source can: after
/// `laut` or `gemäß`, or before `zufolge` (`laut aktueller Statistik`,
/// `Politischen Beobachtern zufolge`), so it needs no article to be one.
fn framed(words: &SentenceWords, i: usize, head: usize) -> bool {
    // (`laut „Welt“`: a title's opening mark may come between.)
    let mut b = i.checked_sub(1);
    if b.is_some_and(|j| is_mark_token(&words.lower[j])) {
        b = b.and_then(|j| j.checked_sub(1));
    }
    let before = b.map(|j| &words.lower[j]);
    matches!(before, Some("laut" | "gemäß")) || words.lower.get(head + 1).is_some_and(|w| w == "zufolge")
}

/// Whether token `j` can head a noun phrase: a capitalised German word
/// (German nouns are), or in English any word.
fn is_noun(words: &SentenceWords, j: usize) -> bool {
    let capital = words.original(j).chars().next().is_some_and(char::is_uppercase);
    words.is_word(j) && !words.is_number(j) && (capital || words.english) && !is_determiner(&words.lower[j])
}

/// Whether token `j` is a lower-case word that can stand between a
/// determiner and its noun (an adjective or participle).
fn is_modifier(words: &SentenceWords, j: usize) -> bool {
    let lower = &words.lower[j];
    // A German adjective before its noun is inflected; a number counts it
    // (`der 13 beteiligten Feuerwehrmänner`).
    let inflected = words.english || lower.ends_with(['e', 'n', 'r', 's', 'm']);
    let adjective =
        words.is_lower_word(j) && inflected && !is_not_modifier(lower) && !is_determiner(lower) && lower.len() > 2;
    // `23-jährige`: a number joined to an adjective.
    let joined = lower.split_once('-').is_some_and(|(n, a)| n.chars().all(|c| c.is_ascii_digit()) && a.ends_with('e'));
    adjective || !words.english && (words.is_number(j) || joined)
}

/// The phrase with a genitive or `von`/`of` phrase after it that names the
/// body (`der Sprecher des Ministeriums`, `Angaben der Polizei`).
fn extend(words: &SentenceWords, lexicon: &Lexicon, mut candidate: Candidate) -> Candidate {
    if let Some((mention, last)) = apposition(words, candidate.last + 1) {
        candidate.last = last;
        candidate.mention = Some(mention);
        return candidate;
    }
    // `Angaben des Sprechers der Polizei`: a second genitive may follow one
    // that ends in a noun.
    match genitive(words, lexicon, candidate, false) {
        Some((joined, true)) => genitive(words, lexicon, joined, true).map_or(joined, |(further, _)| further),
        Some((joined, false)) => joined,
        None => candidate,
    }
}

/// `candidate` joined to the genitive after it (`des Gouverneurs Nasser
/// Baoum`, `der Agentur „Interfax“`, `des Sprechers`), and whether that ends
/// in a noun without a name. `None` without such a phrase, or when it names
/// a place, or, past a first genitive (`chained`) after a noun of
/// information, anything but a body: `nach Einschätzung der Ermittler der
/// Mörder des Jungen X` is not X's, while `der Vorsitzende des Ausschusses
/// des Parlaments X` is X.
fn genitive(
    words: &SentenceWords,
    lexicon: &Lexicon,
    mut candidate: Candidate,
    chained: bool,
) -> Option<(Candidate, bool)> {
    let linked =
        matches!(words.lower.get(candidate.last + 1), Some("des" | "der" | "von" | "vom" | "eines" | "einer" | "of"));
    let fits = |mention: usize| match words.kinds[mention] {
        EntityKind::Organization => true,
        EntityKind::Person => !chained || candidate.kind == SpeakerKind::Noun,
        _ => false,
    };
    if !linked {
        return None;
    }
    for j in candidate.last + 2..words.len().min(candidate.last + 7) {
        // A place in the genitive reads as a noun (`des Kosovos Hashim Thaçi`),
        // and so does a body's noun before its name (`des Verbands SEB`).
        let named_after = words.mention_at.get(j + 1).is_some_and(Option::is_some);
        let genitive = words.genitive_at[j].filter(|&(m, _)| fits(m) && !named_after);
        if let Some((mention, last)) = words.mention_at[j].or(genitive) {
            return fits(mention).then_some((Candidate { last, mention: Some(mention), ..candidate }, false));
        }
        if is_noun(words, j) {
            candidate.last = j;
            candidate.outlet |= lexicon.has(Section::OutletNoun, &words.lower[j]);
            return match apposition(words, j + 1) {
                Some((mention, last)) if !chained || fits(mention) => {
                    Some((Candidate { last, mention: Some(mention), ..candidate }, false))
                }
                Some(_) => None,
                None => Some((candidate, true)),
            };
        }
        if !is_modifier(words, j) && !is_determiner(&words.lower[j]) {
            return None;
        }
    }
    None
}

/// A name in apposition starting at token `j`, perhaps in quotation marks:
/// `der Sprecher Hans Müller`, `die Agentur Reuters`, `die Zeitung „Yemen
/// Observer“`.
fn apposition(words: &SentenceWords, j: usize) -> Option<(usize, usize)> {
    let mark = words.lower.get(j).is_some_and(is_mark_token);
    if words.english && words.lower.get(j).is_some_and(|w| w == ",") {
        // `the prosecutor, Mark Tedeschi,`: a person's name set off by commas
        // (in German such a comma more often ends the speaker's phrase).
        let (mention, last) = words.mention_at.get(j + 1).copied().flatten()?;
        let closed = words.lower.get(last + 1).is_none_or(|w| matches!(w, "," | "." | ":"));
        return (words.kinds[mention] == EntityKind::Person && closed).then_some((mention, last));
    }
    let j = if mark { j + 1 } else { j };
    // `der Präsident Frankreichs`: a name in the genitive after its noun.
    words.mention_at.get(j).copied().flatten().or_else(|| words.genitive_at.get(j).copied().flatten())
}

/// Whether a word is a preposition: a name after one is no subject (`in
/// Berlin sagte er`).
pub fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "im"
            | "am"
            | "an"
            | "aus"
            | "von"
            | "vom"
            | "nach"
            | "bei"
            | "beim"
            | "mit"
            | "für"
            | "über"
            | "zu"
            | "zur"
            | "zum"
            | "vor"
            | "gegen"
            | "auf"
            | "unter"
            | "durch"
            | "seit"
            | "ohne"
            | "um"
            | "gegenüber"
            | "wegen"
            | "trotz"
            | "zwischen"
            | "at"
            | "on"
            | "of"
            | "from"
            | "with"
            | "for"
            | "to"
            | "by"
            | "about"
            | "after"
            | "before"
    )
}

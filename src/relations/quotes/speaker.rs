//! Who speaks: which of a sentence's speaker candidates goes with a speech
//! cue, by German and English word order.

use super::candidates::{is_determiner, is_preposition, Candidate, SpeakerKind};
use super::clause::clause_start;
use super::lexicon::{Lexicon, Section};
use super::passive::{is_passive, is_quoting_verb};
use super::SentenceWords;
use crate::entities::{possessive_base, EntityKind};

/// Whether a candidate can be the subject of its clause: not after a
/// preposition, and a plain noun phrase only as the clause's first words.
fn subject_like(words: &SentenceWords, c: &Candidate, clause_start: usize) -> bool {
    // `in der Fraktion sagte ...`: the preposition may stand before an article.
    let before = |back: usize| c.first.checked_sub(back).map(|j| &words.lower[j]);
    let article = before(1).is_some_and(is_determiner);
    let after_preposition = before(1).is_some_and(is_preposition) || article && before(2).is_some_and(is_preposition);
    // `Den Schaden schätzt die Polizei ...`: an object opens the clause.
    // A genitive opening the clause is an adverbial (`Des Weiteren`).
    let genitive = &words.lower[c.first] == "des" && c.first == clause_start;
    let oblique = matches!(&words.lower[c.first], "den" | "dem" | "einen" | "einem") || genitive;
    // `Wie der Hersteller X bekannt gab, ...`: the subject opens the clause
    // after `wie`, and a group after a word that picks from it (`Einer der
    // Feuerwehrmänner sagte`).
    let opener = |w: &str| matches!(w, "wie" | "einer" | "eine" | "eines" | "einige" | "viele" | "mehrere" | "manche");
    let opens = c.first == clause_start || c.first == clause_start + 1 && opener(&words.lower[clause_start]);
    !after_preposition && (c.kind != SpeakerKind::Phrase || opens && !oblique)
}

/// The speaker of the cue at token `cue`: the subject right before it
/// (`Müller sagte`, `Das Gericht wies ... zurück`), else a candidate right
/// after it (`sagte Müller`, `sagte der Sprecher`), else the nearest subject
/// before it in its clause, stepping over an apposition or relative clause
/// set off by commas (`Müller, der Chef von X, sagte`).
pub fn speaker_of(words: &SentenceWords, lexicon: &Lexicon, found: &[Candidate], cue: usize) -> Option<Candidate> {
    let clause_start = (0..cue).rev().find(|&j| &words.lower[j] == ",").map_or(0, |c| c + 1);
    // `Verband X (UGIT) sagte`: a bracket between the subject and its verb.
    let end = bracket_before(words, cue).unwrap_or(cue);
    let adjacent = found
        .iter()
        .find(|c| c.last + 1 == end && subject_like(words, c, clause_start))
        .map(|c| owner_of_place(words, found, c).unwrap_or(c));
    if let Some(c) = adjacent.and_then(|before| inverted_subject(words, found, before, cue)) {
        return Some(c);
    }
    if let Some(c) = adjacent {
        return Some(apposed_person(words, found, clause_start).unwrap_or(*c));
    }
    if let Some(after) = after(words, lexicon, found, cue, clause_start) {
        return Some(after);
    }
    before(words, found, cue)
}

/// `„...“, zitiert die Zeitung den Minister`, `Ein Sender zitierte X mit den
/// Worten`, `Reuters quoted X as saying`: the active verb of quoting has the
/// one quoted as its object, after its subject (a medium, cited by the
/// rules). `None` for other cues and for the passive (`X wird zitiert`),
/// whose subject is the one quoted.
pub fn quoted_object(words: &SentenceWords, found: &[Candidate], lower: &[&str], cue: usize) -> Option<Candidate> {
    let english = words.english;
    if !is_quoting_verb(lower[cue], english) || is_passive(lower, cue, english) {
        return None;
    }
    let start = clause_start(lower, cue);
    let subject_before = found.iter().any(|c| c.last + 1 == cue && subject_like(words, c, start));
    // `zitierte man X`: the subject is no candidate.
    let impersonal = lower.get(cue + 1) == Some(&"man");
    let mut after = found.iter().filter(|c| c.first > cue);
    let first = after.next()?;
    // `zitiert ndr.de X`: a subject that is no candidate stands between.
    let plain = |j: usize| is_determiner(lower[j]) || !words.is_word(j);
    let skipped = first.first <= cue + 5 && !(cue + 1..first.first).all(plain);
    let (from, object) = if subject_before || impersonal || english || skipped {
        (if skipped { first.first } else { cue + 1 + usize::from(impersonal) }, first)
    } else {
        (first.last + 1, after.next()?)
    };
    // Only marks and an article between: `zitiert die „Computerwoche“ X`.
    let gap = (from..object.first).all(|j| is_determiner(lower[j]) || !words.is_word(j));
    let oblique = object.first > 0 && is_preposition(lower[object.first - 1]);
    (object.first - from <= 2 && gap && !oblique).then_some(*object)
}

/// `Das Auswärtige Amt der Bundesrepublik Deutschland meldete`: a place in
/// the genitive right after a name is that name's attribute; the name speaks.
fn owner_of_place<'c>(words: &SentenceWords, found: &'c [Candidate], c: &Candidate) -> Option<&'c Candidate> {
    let place = c.mention.is_some_and(|m| words.kinds[m] == EntityKind::Place);
    let genitive = c.first >= 2 && matches!(&words.lower[c.first - 1], "der" | "des");
    let owner = found.iter().find(|o| o.last + 2 == c.first && o.kind == SpeakerKind::Name);
    owner.filter(|_| place && genitive)
}

/// The opening bracket of a short bracketed part that ends right before
/// token `at`.
fn bracket_before(words: &SentenceWords, at: usize) -> Option<usize> {
    let close = at.checked_sub(1).filter(|&j| &words.lower[j] == ")")?;
    (close.saturating_sub(6)..close).rev().find(|&j| &words.lower[j] == "(")
}

/// `Der Politik schlug er vor`, `Eine Verschiebung bezeichnete Müller als
/// fatal`: in a German main clause only one part stands before the verb, so
/// a pronoun that can only be a subject right after the verb, or a person's
/// name there after a plain phrase, is the subject and the part before it an
/// object.
fn inverted_subject(words: &SentenceWords, found: &[Candidate], before: &Candidate, cue: usize) -> Option<Candidate> {
    let next = found.iter().find(|c| c.first == cue + 1).filter(|_| !words.english)?;
    let nominative = next.first == next.last && matches!(&words.lower[next.first], "er" | "ich" | "wir");
    let person = next.kind == SpeakerKind::Name && next.mention.is_some_and(|m| words.kinds[m] == EntityKind::Person);
    let plain = before.kind == SpeakerKind::Phrase && before.mention.is_none();
    (nominative || person && plain).then_some(*next)
}

/// `Nurur Rahman, der Koordinator der Behörde teilte mit`: a German phrase
/// opened by an article right after a person's name and a comma is that
/// person's apposition, its closing comma left out, and the person speaks.
fn apposed_person(words: &SentenceWords, found: &[Candidate], clause_start: usize) -> Option<Candidate> {
    let opens = clause_start >= 2 && matches!(&words.lower[clause_start], "der" | "die");
    let person = |c: &&Candidate| c.mention.is_some_and(|m| words.kinds[m] == EntityKind::Person);
    let named = |c: &&Candidate| c.kind == SpeakerKind::Name && c.last + 2 == clause_start;
    (!words.english && opens).then(|| found.iter().filter(person).find(named).copied()).flatten()
}

fn after(
    words: &SentenceWords,
    lexicon: &Lexicon,
    found: &[Candidate],
    cue: usize,
    clause_start: usize,
) -> Option<Candidate> {
    // English puts the speaker after the verb only after the message (`...,
    // said the spokesman`); elsewhere what follows is the one spoken to
    // (`X also told the court that ...`).
    let inverted = cue == 0 || matches!(&words.lower[cue - 1], "," | ":" | "\"" | "”" | "“" | "'");
    if words.english && !inverted {
        return None;
    }
    // A plain noun phrase after the verb is its object more often than not,
    // but not after a German message set off by a comma: there the clause
    // before is the object and the phrase after the verb its subject (`...,
    // teilte das Unternehmen mit`).
    let next = found.iter().find(|c| c.first > cue)?;
    let next = owned_speaker(words, found, next).unwrap_or(next);
    // `teilte dem Sender X mit`, `warnt vor einer Verurteilung`: a dative,
    // an accusative or a phrase after a preposition is no subject.
    let oblique = matches!(&words.lower[next.first], "dem" | "den" | "einem" | "einen");
    if !words.english && (oblique || !subject_like(words, next, next.first)) {
        return None;
    }
    let german_comma = !words.english && cue > 0 && &words.lower[cue - 1] == ",";
    let apposed = german_comma && closes_apposition(words, found, cue);
    // `Dies teilte der Sprecher mit`: the sentence before is the object.
    let demonstrative = !words.english && cue == 1 && matches!(&words.lower[0], "das" | "dies");
    let message_before = german_comma && !apposed || demonstrative;
    // `Zum Rücktritt sagte der Kardinal ...`: a German clause that opens with
    // a prepositional phrase or an adverb has its subject after the verb.
    let opener = &words.lower[clause_start.min(cue)];
    let fronted =
        !words.english && clause_start < cue && (is_preposition(opener) || lexicon.has(Section::Skip, opener));
    // So does one opening with `So` (`So sagte der Vorsitzende ...`).
    let fronted = fronted || !words.english && clause_start == 0 && cue == 1 && opener == "so";
    let message_before = message_before || fronted;
    // After the subject's apposition what follows the verb is its object
    // (a pronoun there is still the subject: `..., sagte er`, also when it
    // was resolved to a person and is a mention).
    let pronoun = next.kind == SpeakerKind::Pronoun
        || next.first == next.last && lexicon.has(Section::Pronoun, &words.lower[next.first]);
    if apposed && !pronoun || next.kind == SpeakerKind::Phrase && !message_before {
        return None;
    }
    let gap = cue + 1..next.first;
    let skippable = |j: usize| {
        let w = &words.lower[j];
        // The article of a name (`teilte die Universität Jena mit`).
        let article = j + 1 == next.first && next.kind == SpeakerKind::Name && is_determiner(w);
        let article = article && (!inverted || message_before);
        let owner = j + 1 == next.first && is_genitive_name(words, j);
        lexicon.has(Section::Skip, w) || lexicon.has(Section::Particle, w) || words.is_number(j) || article || owner
    };
    (gap.len() <= 3 && gap.clone().all(skippable)).then(|| named_role(words, *next))
}

/// `sagte Googles Chef Sundar Pichai`: a German name in the genitive right
/// before another speaker is that speaker's owner; the one after speaks.
fn owned_speaker<'c>(words: &SentenceWords, found: &'c [Candidate], c: &Candidate) -> Option<&'c Candidate> {
    let owner = c.kind == SpeakerKind::Name && c.first == c.last && is_genitive_name(words, c.first);
    found
        .iter()
        .find(|o| o.first == c.last + 1 && matches!(o.kind, SpeakerKind::Name | SpeakerKind::Noun))
        .filter(|_| owner)
}

/// Whether token `j` is a German name in the genitive before a capitalised
/// word (`Schalkes Trainer`, `Googles Chef`).
fn is_genitive_name(words: &SentenceWords, j: usize) -> bool {
    let owner = possessive_base(words.original(j)).is_some_and(|base| base.chars().count() > 2);
    let noun_after = j + 1 < words.len() && words.original(j + 1).starts_with(char::is_uppercase);
    !words.english && owner && noun_after
}

/// `warnte der Hauptgeschäftsführer des Verbands, Peter Hahn:`: a role
/// followed by a person's name set off by a comma is that person.
fn named_role(words: &SentenceWords, role: Candidate) -> Candidate {
    let comma = words.lower.get(role.last + 1).is_some_and(|w| w == ",");
    let Some((mention, last)) = words.mention_at.get(role.last + 2).copied().flatten() else { return role };
    let closed = words.lower.get(last + 1).is_none_or(|w| matches!(w, "," | "." | ":"));
    let person = words.kinds[mention] == EntityKind::Person;
    let phrase = matches!(role.kind, SpeakerKind::Noun | SpeakerKind::Phrase);
    if phrase && comma && closed && person {
        Candidate { last, mention: Some(mention), ..role }
    } else {
        role
    }
}

/// Whether the comma before the cue closes the subject's apposition or
/// relative clause rather than a message (`Edmund Stoiber, warf der SPD
/// ... vor`, `Hubert Primus, der bei X verantwortlich ist, wies ...`): a
/// speaker ends at the comma, or the part before it follows one set off by
/// a comma and opens with an article or follows a person.
fn closes_apposition(words: &SentenceWords, found: &[Candidate], cue: usize) -> bool {
    let kind_of = |c: &Candidate| c.mention.map(|m| words.kinds[m]);
    // `In einem Bericht, der ... wurde, fordert X`: no subject after a preposition.
    let subject_at = |c: &Candidate| subject_like(words, c, c.first);
    let ends_at = |end: usize, fits: &dyn Fn(&Candidate) -> bool| {
        found.iter().any(|c| c.last + 1 == end && subject_at(c) && fits(c))
    };
    let person = |c: &Candidate| kind_of(c) == Some(EntityKind::Person);
    // A place ends many a message (`..., sagte er in Berlin`), so it closes none.
    let speaker = |c: &Candidate| c.kind != SpeakerKind::Phrase && kind_of(c) != Some(EntityKind::Place);
    let subject = |c: &Candidate| speaker(c) || c.kind == SpeakerKind::Phrase && c.first == 0;
    let comma = cue - 1;
    if ends_at(comma, &speaker) {
        return true;
    }
    let Some(previous) = (0..comma).rev().find(|&j| &words.lower[j] == ",") else { return false };
    let opens_article = is_determiner(&words.lower[previous + 1]) || &words.lower[previous + 1] == "welche";
    ends_at(previous, &person) || opens_article && ends_at(previous, &subject)
}

fn before(words: &SentenceWords, found: &[Candidate], cue: usize) -> Option<Candidate> {
    let commas: Vec<usize> = (0..cue).filter(|&j| &words.lower[j] == ",").collect();
    let clause_start = commas.last().map_or(0, |&c| c + 1);
    let within = |from: usize, to: usize| {
        found.iter().rev().filter(|c| subject_like(words, c, from)).find(|c| c.first >= from && c.last < to).copied()
    };
    if let Some(c) = around_auxiliary(words, found, clause_start, cue) {
        return Some(c);
    }
    if let Some(c) = within(clause_start, cue) {
        return Some(c);
    }
    // `Der CSU-Vorsitzende, Edmund Stoiber, warf ... vor`: a person's name
    // that alone fills the part set off by commas before the verb.
    let segment_start = commas.len().checked_sub(2).map_or(0, |i| commas[i] + 1);
    let alone = found.iter().find(|c| {
        c.kind == SpeakerKind::Name
            && c.mention.is_some_and(|m| words.kinds[m] == EntityKind::Person)
            && c.first == segment_start
            && commas.last().is_some_and(|&comma| c.last + 1 == comma && comma + 1 == cue)
    });
    if let Some(c) = alone {
        return Some(*c);
    }
    // The clause holds no speaker: step over the comma-enclosed part before it.
    let stepped = match commas.len() {
        0 => None,
        1 => within(0, commas[0]),
        n => within(if n >= 3 { commas[n - 3] + 1 } else { 0 }, commas[n - 2]),
    };
    // An apposition without a name (`X, ein Mitglied des Senats, ...`) is
    // the opener's.
    let opener = || sentence_opener(words, found, &commas, segment_start, cue);
    stepped.filter(|c| c.mention.is_some()).or_else(|| opener().copied()).or(stepped)
}

/// `X, ein Mitglied des Senats, wollte sich ... nicht festlegen, sagte aber,
/// ...`: a verb right after a comma, with no subject of its own, goes on
/// with the name the sentence opens with; not after a relative or
/// subordinate clause, whose verb ends it (`alle, die ... haben, verlangen`).
fn sentence_opener<'c>(
    words: &SentenceWords,
    found: &'c [Candidate],
    commas: &[usize],
    segment_start: usize,
    cue: usize,
) -> Option<&'c Candidate> {
    let subordinate = matches!(
        &words.lower[segment_start],
        "der"
            | "die"
            | "das"
            | "dem"
            | "den"
            | "deren"
            | "dessen"
            | "welche"
            | "welcher"
            | "dass"
            | "weil"
            | "wenn"
            | "ob"
            | "wie"
            | "wo"
    );
    let goes_on = commas.last().is_some_and(|&comma| comma + 1 == cue) && !subordinate;
    goes_on.then(|| found.iter().find(|c| c.first == 0 && c.kind == SpeakerKind::Name)).flatten()
}

/// `Die Regierung hatte den Bericht der Zeitung als falsch zurückgewiesen`:
/// with the speech verb a participle after a German auxiliary, the subject
/// stands right before the auxiliary or right after it, not next to the
/// participle.
fn around_auxiliary(words: &SentenceWords, found: &[Candidate], clause_start: usize, cue: usize) -> Option<Candidate> {
    let at = (clause_start..cue).find(|&j| is_auxiliary(&words.lower[j])).filter(|_| !words.english)?;
    let before =
        found.iter().find(|c| c.last + 1 == at && c.first >= clause_start && subject_like(words, c, clause_start));
    let after = || found.iter().find(|c| c.first == at + 1 && c.kind != SpeakerKind::Phrase && c.last < cue);
    before.or_else(after).copied()
}

/// A German auxiliary of the perfect (`hat ... gesagt`, `ist ... gefolgt`).
pub fn is_auxiliary(word: &str) -> bool {
    matches!(word, "hat" | "hatte" | "haben" | "hatten" | "ist" | "war" | "sind" | "waren")
}

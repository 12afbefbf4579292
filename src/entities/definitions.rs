//! Kinds a text states: `Roketsan is a Turkish weapons manufacturer`,
//! `Alger, a Canadian politician,`, `X ist ein deutscher Rüstungskonzern`.
//! A name defined by a class noun takes that noun's kind everywhere in the
//! document, whatever the tagger guessed; a name defined as a work (a film,
//! an album, a novel) names no entity kgex keeps.

use rustc_hash::FxHashMap as HashMap;

use super::{Cue, CueLists, EntityKind, Mention, USER_LIST_ORIGIN};
use crate::input::Language;
use crate::text::{Span, Token, TokenKind};

/// What a definition says a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stated {
    Kind(EntityKind),
    /// A creative work: none of kgex's kinds.
    Work,
}

/// Words between the article and the class noun, at most.
const MAX_RUN: usize = 6;

/// Words of a name found by its definition alone, at most.
const MAX_NAME: usize = 5;

/// Tokens after a name that a definition may take: a bracket (`( Russian:
/// ...; 22 February 1913 – 4 April 2004 )`), the copula or comma, the
/// article and the run to the class noun.
const WINDOW: usize = 48 + MAX_RUN;

/// The origin of a name found by its definition alone.
pub const DEFINED_ORIGIN: &str = "definition";

/// Gives every name the document defines the kind of its class noun, and
/// drops the names it defines as works. Names from a list (countries,
/// cities, a user's names) keep their kind.
pub fn apply_definitions(text: &str, language: Language, tokens: &[Vec<Token>], mentions: &mut [Vec<Mention>]) {
    let cues = CueLists::for_language(language);
    if language == Language::En {
        for (sentence, found) in tokens.iter().zip(mentions.iter_mut()) {
            add_defined_subject(text, cues, sentence, found);
        }
    }
    let mut stated: HashMap<String, Stated> = HashMap::default();
    for (sentence, found) in tokens.iter().zip(mentions.iter()) {
        for mention in found.iter().filter(|m| m.key.is_none() && m.origin != USER_LIST_ORIGIN) {
            // Tokens are in text order: binary search, so that a sentence of
            // many names (a line without punctuation) costs no square.
            let first = sentence.partition_point(|t| t.span.end <= mention.span.start);
            let at = sentence.partition_point(|t| t.span.start < mention.span.end);
            let subject = first == 0 || first == 1 && is_article(sentence[0].text(text));
            // `Modder, ebenfalls SPD-Bezirk Weser-Ems, die Vorsitzende`: after a
            // comma close before, the name is itself in an apposition or a list,
            // and the next one is not about it.
            let listed = sentence[first.saturating_sub(3)..first].iter().any(|t| t.text(text) == ",");
            let window = &sentence[at..sentence.len().min(at + WINDOW)];
            if let Some(kind) = definition(text, language, cues, window, subject, listed) {
                stated.entry(mention.name.to_lowercase()).or_insert(kind);
            }
        }
    }
    if stated.is_empty() {
        return;
    }
    for found in mentions.iter_mut() {
        found.retain_mut(|m| {
            if m.origin == USER_LIST_ORIGIN {
                return true;
            }
            match stated.get(&m.name.to_lowercase()) {
                Some(Stated::Work) => false,
                Some(&Stated::Kind(kind)) if m.key.is_none() => {
                    m.kind = kind;
                    true
                }
                _ => true,
            }
        });
    }
}

/// `Breakout is an arcade game developed by ...`: capitalised words that
/// open an English sentence and that the sentence defines by a class noun
/// name a thing of that kind, though no other layer found them.
fn add_defined_subject(text: &str, cues: &CueLists, sentence: &[Token], found: &mut Vec<Mention>) {
    let capitalised = |t: &Token| t.kind == TokenKind::Word && t.text(text).starts_with(char::is_uppercase);
    let run = sentence.iter().take(MAX_NAME).take_while(|t| capitalised(t)).count();
    if run == 0
        || is_article(sentence[0].text(text))
        || is_pronoun(sentence[0].text(text))
        || found.first().is_some_and(|m| m.span.start < sentence[run - 1].span.end)
    {
        return;
    }
    let window = &sentence[run..sentence.len().min(run + WINDOW)];
    let Some(Stated::Kind(kind)) = definition(text, Language::En, cues, window, true, false) else { return };
    let span = Span::new(sentence[0].span.start, sentence[run - 1].span.end);
    found.insert(0, Mention::new(span, kind, text[span.range()].to_owned(), DEFINED_ORIGIN));
}

/// The kind the words after a name state: a copula after the sentence's
/// subject (`is a`, `ist ein`) or an apposition (`, a`, `, ein`), then an
/// article and a run of words whose last is a class noun.
fn definition(
    text: &str,
    language: Language,
    cues: &CueLists,
    after: &[Token],
    subject: bool,
    listed: bool,
) -> Option<Stated> {
    let words: Vec<&str> = after.iter().map(|t| t.text(text)).collect();
    let mut at = skip_brackets(&words);
    let copula = subject && words.get(at).is_some_and(|w| is_copula(language, w));
    let apposition = !listed && words.get(at) == Some(&",");
    if !copula && !apposition {
        return None;
    }
    at += 1;
    if !words.get(at).is_some_and(|w| is_indefinite_or_definite(language, w)) {
        return None;
    }
    at += 1;
    let run = after[at..]
        .iter()
        .take(MAX_RUN + 1)
        .take_while(|t| t.kind != TokenKind::Punctuation && !is_stop(language, t.text(text)))
        .count();
    if run == 0 || run > MAX_RUN {
        return None;
    }
    class_of(cues, after[at + run - 1].text(text))
}

/// A bracket straight after a name (`Alger ( 1920 – 1992 ) was`) is
/// skipped; returns the index of the word after it, or 0.
fn skip_brackets(words: &[&str]) -> usize {
    if words.first() != Some(&"(") {
        return 0;
    }
    words.iter().position(|w| *w == ")").map_or(0, |close| close + 1)
}

/// The kind a class noun names, or `Work`.
fn class_of(cues: &CueLists, head: &str) -> Option<Stated> {
    let lower = head.to_lowercase();
    let is = |sections: &[Cue]| sections.iter().any(|&s| cues.matches_lower(s, &lower));
    if is(&[Cue::WorkClass]) {
        Some(Stated::Work)
    } else if is(&[Cue::PersonClass, Cue::PersonBefore]) {
        Some(Stated::Kind(EntityKind::Person))
    } else if is(&[Cue::OrganizationClass, Cue::OrganizationBefore]) {
        Some(Stated::Kind(EntityKind::Organization))
    } else if is(&[Cue::PlaceClass, Cue::PlaceBefore]) {
        Some(Stated::Kind(EntityKind::Place))
    } else if is(&[Cue::ProductBefore]) {
        Some(Stated::Kind(EntityKind::Product))
    } else {
        None
    }
}

fn is_article(word: &str) -> bool {
    matches!(word, "The" | "Der" | "Die" | "Das")
}

/// English pronouns and determiners that open a sentence as its subject.
fn is_pronoun(word: &str) -> bool {
    matches!(
        word,
        "I" | "It"
            | "He"
            | "She"
            | "We"
            | "You"
            | "They"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Here"
            | "His"
            | "Her"
            | "Its"
            | "Our"
            | "My"
            | "Your"
            | "Their"
            | "A"
            | "An"
            | "One"
            | "Both"
            | "Each"
            | "Some"
            | "All"
            | "What"
            | "Who"
            | "Which"
    )
}

fn is_copula(language: Language, word: &str) -> bool {
    match language {
        Language::En => matches!(word, "is" | "was" | "are" | "were"),
        Language::De => matches!(word, "ist" | "war" | "sind" | "waren"),
    }
}

fn is_indefinite_or_definite(language: Language, word: &str) -> bool {
    match language {
        Language::En => matches!(word, "a" | "an" | "the"),
        Language::De => matches!(word, "ein" | "eine" | "einer" | "der" | "die" | "das"),
    }
}

/// Words that end the noun phrase before its head could: prepositions,
/// conjunctions, relative pronouns and articles of a following phrase.
fn is_stop(language: Language, word: &str) -> bool {
    match language {
        Language::En => matches!(
            word,
            "of" | "in"
                | "at"
                | "for"
                | "from"
                | "with"
                | "by"
                | "on"
                | "to"
                | "and"
                | "or"
                | "who"
                | "which"
                | "that"
                | "whose"
                | "based"
                | "located"
                | "founded"
                | "developed"
                | "published"
                | "released"
                | "made"
                | "produced"
                | "built"
                | "designed"
                | "manufactured"
                | "written"
                | "directed"
                | "owned"
                | "operated"
                | "born"
                | "since"
                | "until"
        ),
        Language::De => matches!(
            word,
            "von"
                | "vom"
                | "des"
                | "der"
                | "die"
                | "das"
                | "dem"
                | "den"
                | "aus"
                | "in"
                | "im"
                | "mit"
                | "für"
                | "und"
                | "oder"
                | "bei"
                | "an"
                | "am"
                | "zu"
                | "zur"
                | "zum"
                | "auf"
                | "seit"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn kinds_after(text: &str, language: Language, names: &[(&str, EntityKind)]) -> Vec<(String, EntityKind)> {
        let tokens = vec![tokenize(text, Span::new(0, text.len()))];
        let mut mentions = vec![names
            .iter()
            .map(|&(name, kind)| {
                let start = text.find(name).expect("name in text");
                Mention::new(Span::new(start, start + name.len()), kind, name.to_owned(), "test")
            })
            .collect::<Vec<_>>()];
        apply_definitions(text, language, &tokens, &mut mentions);
        mentions[0].iter().map(|m| (m.name.clone(), m.kind)).collect()
    }

    #[test]
    fn a_copula_or_an_apposition_states_the_kind() {
        let text = "Roketsan is a major Turkish weapons manufacturer based in Ankara.";
        assert_eq!(kinds_after(text, Language::En, &[("Roketsan", EntityKind::Person)])[0].1, EntityKind::Organization);
        let text = "Ross Alger (1920 – 1992) was a Canadian politician.";
        assert_eq!(kinds_after(text, Language::En, &[("Ross Alger", EntityKind::Place)])[0].1, EntityKind::Person);
        let text = "They met Smith, a lawyer, in Paris.";
        assert_eq!(kinds_after(text, Language::En, &[("Smith", EntityKind::Place)])[0].1, EntityKind::Person);
        let text = "Roketsan ist ein türkischer Rüstungskonzern.";
        assert_eq!(kinds_after(text, Language::De, &[("Roketsan", EntityKind::Person)])[0].1, EntityKind::Organization);
    }

    #[test]
    fn an_english_sentence_that_defines_its_opening_words_names_them() {
        let text = "Breakout is an arcade game developed by Atari.";
        let found = kinds_after(text, Language::En, &[("Atari", EntityKind::Organization)]);
        assert_eq!(found[0], ("Breakout".to_owned(), EntityKind::Product));
        let text = "It is a small town near Leeds.";
        assert_eq!(
            kinds_after(text, Language::En, &[("Leeds", EntityKind::Place)]).len(),
            1,
            "a pronoun names nothing"
        );
    }

    #[test]
    fn a_work_names_no_entity_and_other_phrases_state_nothing() {
        assert!(kinds_after(
            "Song of Freedom is a 1936 British film.",
            Language::En,
            &[("Song of Freedom", EntityKind::Person)]
        )
        .is_empty());
        // The head of `a member of the band` is `member`, no class noun; the subject is not the name.
        let text = "Smith is a member of the company board.";
        assert_eq!(kinds_after(text, Language::En, &[("Smith", EntityKind::Person)])[0].1, EntityKind::Person);
        let text = "Ms Modder, also of Weser-Ems, the deputy chair, said.";
        assert_eq!(kinds_after(text, Language::En, &[("Weser-Ems", EntityKind::Place)])[0].1, EntityKind::Place);
        let text = "The son of Smith is a politician.";
        assert_eq!(
            kinds_after(text, Language::En, &[("Smith", EntityKind::Organization)])[0].1,
            EntityKind::Organization
        );
    }
}

//! `die israelischen Städte Askalon und Beerscheba`: a German country
//! adjective before a word for a town or region says which country the
//! places named next lie in, when the text names that country.

use super::Analysis;
use crate::entities::{named_country, EntityKind, Gazetteer};
use crate::input::Language;
use crate::relations::{Attributes, Endpoint, Fact, RelationKind};

/// Lower-case words between a joining word and the next place, at most.
const MAX_ADVERBS: usize = 2;

/// The heads of words for a place inside a country, in lower case and with
/// their plural and genitive forms (`Hafenstadt`, `Städte`, `Provinzen`).
const PLACE_WORDS: [&str; 17] = [
    "stadt",
    "städte",
    "insel",
    "inseln",
    "dorf",
    "dörfer",
    "provinz",
    "provinzen",
    "region",
    "regionen",
    "gemeinde",
    "gemeinden",
    "metropole",
    "ortschaft",
    "bundesstaat",
    "bundesstaates",
    "bundesstaats",
];

/// Compass words that German writes in front of an adjective
/// (`südungarischen`, `norditalienischen`), longest first.
const COMPASS: [&str; 10] =
    ["nordost", "nordwest", "südost", "südwest", "zentral", "mittel", "nord", "süd", "ost", "west"];

/// A `located-in` fact for every place named right after a country
/// adjective and a place word, and for the places listed with it.
pub(super) fn add_country_place_facts(analysis: &Analysis, language: Language, facts: &mut [Vec<Fact>]) {
    if language != Language::De {
        return;
    }
    let entities = &analysis.resolution.entities;
    for (n, tokens) in analysis.tokens.iter().enumerate() {
        for (i, pair) in tokens.windows(2).enumerate() {
            let (adjective, noun) = (pair[0].text(analysis.text), pair[1].text(analysis.text));
            if !adjective.starts_with(char::is_lowercase) || !is_place_word(noun) {
                continue;
            }
            let Some(code) = country_of(adjective) else { continue };
            let Some(country) = named_country(entities, code) else { continue };
            for place in places_listed_after(analysis, n, i + 2) {
                let entity = analysis.resolution.assignments[n][place];
                let stated = facts[n].iter().any(|f| {
                    f.kind == RelationKind::LocatedIn
                        && f.subject == Endpoint::Mention(place)
                        && f.object == Endpoint::Entity(country)
                });
                if entity == country || stated {
                    continue;
                }
                facts[n].push(Fact {
                    kind: RelationKind::LocatedIn,
                    subject: Endpoint::Mention(place),
                    object: Endpoint::Entity(country),
                    attributes: Attributes::default(),
                    rule: "located.country-adjective".to_owned(),
                    confidence: 0.8,
                });
            }
        }
    }
}

/// Whether `word` names a town or region (`Stadt`, `Hafenstadt`, `Inseln`).
/// Asked of most German nouns, so it compares without a lower-case copy: a
/// compound ends in the head as listed, the head alone differs from it in
/// its capital only.
fn is_place_word(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next().filter(|c| c.is_uppercase()) else { return false };
    let rest = chars.as_str();
    PLACE_WORDS.iter().any(|head| {
        let mut head_chars = head.chars();
        let alone = head_chars.next().is_some_and(|c| first.to_lowercase().eq([c])) && head_chars.as_str() == rest;
        alone || word.ends_with(head)
    })
}

/// The country code of a lower-case country adjective, with or without a
/// compass word in front (`südungarischen` → `HU`).
fn country_of(adjective: &str) -> Option<&'static str> {
    let lists = Gazetteer::get();
    lists.country_of_adjective(adjective).or_else(|| {
        let rest = COMPASS.iter().find_map(|compass| adjective.strip_prefix(compass))?;
        lists.country_of_adjective(rest)
    })
}

/// The place mentions that start at token `first` of sentence `n`, and
/// those listed after it with a comma, `und` or `sowie` between them.
fn places_listed_after(analysis: &Analysis, n: usize, first: usize) -> Vec<usize> {
    let tokens = &analysis.tokens[n];
    let mentions = &analysis.mentions[n];
    let mut places = Vec::new();
    let mut at = first;
    while let Some(token) = tokens.get(at) {
        let Some(m) = mentions.iter().position(|m| m.span.start == token.span.start && m.kind == EntityKind::Place)
        else {
            break;
        };
        places.push(m);
        let end = mentions[m].span.end;
        let Some(next) = tokens[at..].iter().position(|t| t.span.start >= end).map(|k| at + k) else { break };
        let joined = tokens.get(next).is_some_and(|t| matches!(t.text(analysis.text), "," | "und" | "sowie"));
        if !joined {
            break;
        }
        // `Askalon und erstmals auch Beerscheba`: adverbs may stand between.
        let adverb = |t: &&crate::text::Token| t.text(analysis.text).starts_with(char::is_lowercase);
        at = next + 1 + tokens[next + 1..].iter().take(MAX_ADVERBS).take_while(adverb).count();
    }
    places
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_country_adjective_may_carry_a_compass_word() {
        assert_eq!(country_of("israelischen"), Some("IL"));
        assert_eq!(country_of("südungarischen"), Some("HU"));
        assert_eq!(country_of("norditalienische"), Some("IT"));
        assert_eq!(country_of("westfälischen"), None);
    }

    #[test]
    fn place_words_include_compounds_and_plurals() {
        assert!(is_place_word("Hafenstadt"));
        assert!(is_place_word("Städte"));
        assert!(is_place_word("Provinz"));
        assert!(!is_place_word("Regierung"));
        assert!(!is_place_word("stadt"), "a lower-case word is no noun");
    }
}

//! Country adjectives in English text (`Canadian`, `Turkish`) as mentions of
//! their country, where the document names that country or a listed place
//! in it: `a Canadian bank ... in Montreal` says where Montreal is.

use super::gazetteer::Gazetteer;
use super::{EntityKind, Mention, Resolution, ResolvedEntity};
use crate::input::Language;
use crate::text::Token;

/// The origin of the mentions added here.
pub const COUNTRY_ADJECTIVE_ORIGIN: &str = "list/country-adjective";

/// Adds a mention of its country for every capitalised country adjective
/// outside other mentions, in English documents; the adjective becomes one
/// of the country's aliases.
pub fn add_country_adjectives(
    text: &str,
    language: Language,
    tokens: &[Vec<Token>],
    mentions: &mut [Vec<Mention>],
    resolution: &mut Resolution,
) {
    if language != Language::En {
        return;
    }
    let lists = Gazetteer::get();
    for n in 0..tokens.len() {
        for (i, token) in tokens[n].iter().enumerate() {
            let word = token.text(text);
            let capitalised = word.starts_with(char::is_uppercase) && word.chars().skip(1).all(char::is_lowercase);
            let Some(code) = capitalised.then(|| lists.country_of_demonym(word)).flatten() else { continue };
            // `Air Canada, American, British Airways`: an adjective with no word after it is used as a name.
            let before_word =
                tokens[n].get(i + 1).is_some_and(|next| next.text(text).starts_with(char::is_alphanumeric));
            if !before_word {
                continue;
            }
            let covered = mentions[n].iter().any(|m| m.span.start < token.span.end && token.span.start < m.span.end);
            if covered {
                continue;
            }
            let Some(entity) = country_entity(resolution, code) else { continue };
            let name = resolution.entities[entity].label.clone();
            let mention =
                Mention::new(token.span, EntityKind::Place, name, COUNTRY_ADJECTIVE_ORIGIN).with_key(Some(code));
            let at = mentions[n].partition_point(|m| m.span < token.span);
            mentions[n].insert(at, mention);
            resolution.assignments[n].insert(at, entity);
            resolution.entities[entity].aliases.insert(word.to_owned());
        }
    }
}

/// The document's entity for the country with `code`: the one it names, or
/// a new one when it names a listed place in that country but not the
/// country itself.
fn country_entity(resolution: &mut Resolution, code: &'static str) -> Option<usize> {
    if let Some(idx) = named_country(&resolution.entities, code) {
        return Some(idx);
    }
    let lists = Gazetteer::get();
    let places = || resolution.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Place);
    let inside = places().any(|(_, e)| e.names().any(|n| lists.countries_containing(n).contains(&code)));
    let label = lists.english_country_name(code).filter(|_| inside)?;
    resolution.entities.push(ResolvedEntity {
        kind: EntityKind::Place,
        label: label.to_owned(),
        aliases: Default::default(),
    });
    Some(resolution.entities.len() - 1)
}

/// The document's entity for the country with `code`, when it names that
/// country.
pub fn named_country(entities: &[ResolvedEntity], code: &str) -> Option<usize> {
    let lists = Gazetteer::get();
    let names_country = |n: &str| lists.place(n).is_some_and(|l| l.country && l.key == code);
    entities.iter().position(|e| e.kind == EntityKind::Place && e.names().any(names_country))
}

//! The mentions of one document made to agree before they are grouped into
//! entities: one kind per name, a genitive or a surname of the kind of the
//! name it is of, names cut at the wrong place restored, and people the text
//! puts where things are made places.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::aliases::squash;
use super::{EntityKind, Gazetteer, Mention};
use crate::text::Span;

/// The vote of a mention whose kind a cue word states: more than the
/// tagger's guesses at the same name elsewhere in the text together.
const STATED_WEIGHT: f32 = 10.0;

/// Runs every step, in the order they depend on each other.
pub(super) fn harmonize(text: &str, mentions: &mut [Vec<Mention>]) {
    split_organization_from_person(mentions);
    restore_cut_names(text, mentions);
    harmonize_kinds(mentions);
    places_by_preposition(text, mentions);
}

/// One name, one kind within a document: the mentions whose names squash
/// alike (or share a list key) all take the kind with the most weight, a
/// rule's mention counting 1 and the tagger's its confidence, a kind the
/// text states (`die Zeitung X`) outweighing both. Ties go to the kind
/// first in [`EntityKind::ALL`].
fn harmonize_kinds(mentions: &mut [Vec<Mention>]) {
    surnames_are_people(mentions);
    let keys: Vec<String> =
        mentions.iter().flatten().map(|m| m.key.map_or_else(|| squash(&m.name), str::to_owned)).collect();
    let mut votes: HashMap<&str, [f32; EntityKind::ALL.len()]> = HashMap::default();
    for (mention, key) in mentions.iter().flatten().zip(&keys) {
        let slot = EntityKind::ALL.iter().position(|&k| k == mention.kind).unwrap_or_default();
        let weight = if mention.has_stated_kind() { STATED_WEIGHT } else { mention.confidence.unwrap_or(1.0) };
        votes.entry(key).or_default()[slot] += weight;
    }
    let best_kind = |key: &str| {
        let weights = &votes[key];
        EntityKind::ALL[(0..weights.len()).fold(0, |best, k| if weights[k] > weights[best] { k } else { best })]
    };
    for (mention, key) in mentions.iter_mut().flatten().zip(&keys) {
        mention.kind = genitive_base(&mention.name, key)
            .filter(|base| votes.contains_key(base))
            .map_or_else(|| best_kind(key), best_kind);
    }
}

/// `Saakaschwili regiert Georgien` after `Micheil Saakaschwili`: a single
/// word the tagger took for a place, which the text gives as a person's
/// surname and no list knows as a place, is that person. (Organisations are
/// left alone: a firm is often named after its founder.)
fn surnames_are_people(mentions: &mut [Vec<Mention>]) {
    let gazetteer = Gazetteer::get();
    let surnames: HashSet<String> = mentions
        .iter()
        .flatten()
        .filter(|m| m.kind == EntityKind::Person)
        .filter_map(|m| m.name.rsplit_once(' '))
        // `Palma de Mallorca` taken for a person has no surname `Mallorca`.
        .filter(|(rest, _)| !rest.rsplit(' ').next().is_some_and(|w| w.starts_with(char::is_lowercase)))
        // A first name from the lists shows that the whole is a person's name
        // (`Gmina Wielbark` taken for a person is none).
        .filter(|(rest, _)| rest.split(' ').next().is_some_and(|first| gazetteer.is_first_name(first)))
        .map(|(_, last)| squash(last))
        .collect();
    for mention in mentions.iter_mut().flatten() {
        let single = mention.kind == EntityKind::Place && mention.key.is_none() && !mention.name.contains(' ');
        if single && surnames.contains(&squash(&mention.name)) && gazetteer.place(&mention.name).is_none() {
            mention.kind = EntityKind::Person;
        }
    }
}

/// The key of the name a one-word genitive is of (`Straßburgs` of
/// `Straßburg`): the tagger judges such a word alone, and often takes a
/// place's genitive for a person; the text's other mentions know better.
fn genitive_base<'k>(name: &str, key: &'k str) -> Option<&'k str> {
    let one_word = !name.contains(' ') && name.ends_with('s') && !name.ends_with("ss");
    key.strip_suffix('s').filter(|base| one_word && base.chars().count() >= 4)
}

/// `der Gesellschaft Amtrak George D. Warrington`: a person's name that
/// runs on from an organisation named elsewhere in the document, where the
/// person is named alone too, is that person alone.
fn split_organization_from_person(mentions: &mut [Vec<Mention>]) {
    let organizations: HashSet<String> =
        mentions.iter().flatten().filter(|m| m.kind == EntityKind::Organization).map(|m| squash(&m.name)).collect();
    let people: HashSet<String> = mentions
        .iter()
        .flatten()
        .filter(|m| m.kind == EntityKind::Person && m.name.contains(' '))
        .map(|m| m.name.clone())
        .collect();
    // Only where the span is the name as written, so that the cut falls where the name's does.
    let as_written = |m: &Mention| m.kind == EntityKind::Person && m.span.end - m.span.start == m.name.len();
    for mention in mentions.iter_mut().flatten().filter(|m| as_written(m)) {
        let person = people.iter().filter(|p| p.len() < mention.name.len()).find(|p| {
            let prefix = mention.name.strip_suffix(p.as_str()).and_then(|rest| rest.strip_suffix(' '));
            prefix.is_some_and(|org| organizations.contains(&squash(org)))
        });
        if let Some(person) = person {
            mention.span = Span::new(mention.span.end - person.len(), mention.span.end);
            mention.name = person.clone();
        }
    }
}

/// `Ted Stevens Amtszeit` reads as the possessive of `Ted Steven`; when the
/// text names `Ted Stevens` elsewhere, the final `s` was the name's own.
fn restore_cut_names(text: &str, mentions: &mut [Vec<Mention>]) {
    let people: HashSet<String> =
        mentions.iter().flatten().filter(|m| m.kind == EntityKind::Person).map(|m| m.name.clone()).collect();
    for mention in mentions.iter_mut().flatten().filter(|m| m.kind == EntityKind::Person) {
        let cut = text[mention.span.end..].starts_with('s')
            && text[mention.span.end + 1..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        // The name as written is the mention's name, so its text with the `s` is the whole name.
        let whole = Span::new(mention.span.start, mention.span.end + 1);
        if cut && text[mention.span.range()] == mention.name && people.contains(&text[whole.range()]) {
            mention.name = text[whole.range()].to_owned();
            mention.span = whole;
        }
    }
}

/// A name the kinds made a person but that the text puts after `in` twice
/// or more (`in Coron`, `im Wedding`) is a place: people are not where
/// things are. Only whole words count, and never a possessive (`in Smith's`).
fn places_by_preposition(text: &str, mentions: &mut [Vec<Mention>]) {
    let located = |m: &Mention| {
        let before = text[..m.span.start].trim_end();
        let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        let after = &text[m.span.end..];
        let possessive = after.starts_with("'s") || after.starts_with("’s");
        m.kind == EntityKind::Person && matches!(word, "in" | "im" | "near" | "nahe") && !possessive
    };
    let mut counts: HashMap<String, usize> = HashMap::default();
    for mention in mentions.iter().flatten().filter(|m| located(m)) {
        *counts.entry(squash(&mention.name)).or_default() += 1;
    }
    for mention in mentions.iter_mut().flatten() {
        if mention.kind == EntityKind::Person && counts.get(&squash(&mention.name)).is_some_and(|&n| n >= 2) {
            mention.kind = EntityKind::Place;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions_of(text: &str, name: &str) -> Vec<Vec<Mention>> {
        let spans = text.match_indices(name).map(|(at, _)| Span::new(at, at + name.len()));
        vec![spans.map(|span| Mention::new(span, EntityKind::Person, name.to_owned(), "test")).collect()]
    }

    #[test]
    fn a_person_twice_after_in_is_a_place() {
        let text = "Tarvik is small. Divers stay in Tarvik. Boats leave in Tarvik at dawn.";
        let mut mentions = mentions_of(text, "Tarvik");
        places_by_preposition(text, &mut mentions);
        assert!(mentions[0].iter().all(|m| m.kind == EntityKind::Place));
        // Once is not enough, and a possessive is a person's.
        let text = "Ada Brook spoke. We trust in Ada Brook. It is in Ada Brook's book.";
        let mut mentions = mentions_of(text, "Ada Brook");
        places_by_preposition(text, &mut mentions);
        assert!(mentions[0].iter().all(|m| m.kind == EntityKind::Person));
    }

    #[test]
    fn a_kind_the_text_states_outweighs_the_taggers_guesses() {
        let text = "Laut Kolbo sinkt er. Wie Kolbo berichtet, steigt er. Kolbo meint das. Die Zeitung Kolbo irrt.";
        let mut mentions = mentions_of(text, "Kolbo");
        for mention in &mut mentions[0][..3] {
            mention.confidence = Some(0.9);
        }
        let stated = &mut mentions[0][3];
        (stated.kind, stated.origin) = (EntityKind::Organization, "cue/organization-before");
        harmonize_kinds(&mut mentions);
        assert!(mentions[0].iter().all(|m| m.kind == EntityKind::Organization));
    }

    #[test]
    fn an_organisation_run_into_a_person_is_cut_off() {
        let text = "Vela-Chef Ida K. Moor. Die Firma Vela Ida K. Moor sprach.";
        let at = |needle: &str, from: usize| text[from..].find(needle).unwrap() + from;
        let mention = |start: usize, name: &str, kind| {
            Mention::new(Span::new(start, start + name.len()), kind, name.to_owned(), "test")
        };
        let long = at("Vela Ida", 10);
        let mut mentions = vec![vec![
            mention(0, "Vela", EntityKind::Organization),
            mention(at("Ida", 0), "Ida K. Moor", EntityKind::Person),
            mention(long, "Vela Ida K. Moor", EntityKind::Person),
        ]];
        split_organization_from_person(&mut mentions);
        let cut = &mentions[0][2];
        assert_eq!((cut.name.as_str(), &text[cut.span.range()]), ("Ida K. Moor", "Ida K. Moor"));
    }
}

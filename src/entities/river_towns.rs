//! German towns named with the river or region they lie on: `Weil am
//! Rhein`, `Röthenbach an der Pegnitz`, `Rothenburg ob der Tauber`. The
//! tagger sees a town and a second place; the name is both together.

use super::gazetteer::Gazetteer;
use super::{Cue, CueLists, EntityKind, Mention};
use crate::input::Language;
use crate::text::Span;

/// The words that join a town's name to its river (`in der`, `im` more
/// often start a phrase of place or time: `in der Nähe`, `im Landkreis`).
const JOINERS: [&str; 3] = [" an der ", " am ", " ob der "];

/// The mentions with every place followed by a joiner and a river's or
/// region's name made one place: the name after the joiner must be no
/// ordinary German word (`in Berlin am Montag` stays as it is) unless the
/// whole is a listed place (`Weil am Rhein`).
pub fn join_river_towns(text: &str, language: Language, mentions: Vec<Mention>) -> Vec<Mention> {
    if language != Language::De {
        return mentions;
    }
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for mention in mentions {
        let joined = out.last().and_then(|town| joined_end(text, town));
        match joined {
            // The river the tagger found as a mention of its own goes into the town's name.
            Some(end) if mention.span.start < end => {
                let town = out.last_mut().expect("a town before");
                town.span = Span::new(town.span.start, end.max(mention.span.end));
                town.name = text[town.span.range()].to_owned();
                town.key = None;
            }
            _ => out.push(mention),
        }
    }
    for town in &mut out {
        if let Some(end) = joined_end(text, town) {
            town.span = Span::new(town.span.start, end);
            town.name = text[town.span.range()].to_owned();
            town.key = None;
        }
    }
    out
}

/// Where the name of `town` with its river ends, if a joiner and a river's
/// name follow it.
fn joined_end(text: &str, town: &Mention) -> Option<usize> {
    if town.kind != EntityKind::Place || JOINERS.iter().any(|j| town.name.contains(j.trim_end())) {
        return None;
    }
    let rest = &text[town.span.end..];
    let joiner = JOINERS.iter().find(|j| rest.starts_with(*j))?;
    let after = &rest[joiner.len()..];
    let len = after.find(|c: char| !(c.is_alphabetic() || c == '-')).unwrap_or(after.len());
    let river = &after[..len];
    let lists = Gazetteer::get();
    let whole = format!("{}{joiner}{river}", &text[town.span.range()]);
    let named = river.starts_with(char::is_uppercase) && river.chars().count() >= 3;
    let ordinary = lists.is_ordinary_word(Language::De, river)
        || lists.is_german_noun_compound(river)
        || CueLists::for_language(Language::De).has(Cue::NotAName, river);
    let listed = lists.place(&whole).is_some() || lists.is_small_place(&whole);
    (named && (!ordinary || listed)).then_some(town.span.end + joiner.len() + len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(text: &str, name: &str) -> Mention {
        let start = text.find(name).expect("name in text");
        Mention::new(Span::new(start, start + name.len()), EntityKind::Place, name.to_owned(), "test")
    }

    #[test]
    fn a_town_takes_its_river_but_not_a_day() {
        let text = "Werke in Röthenbach an der Pegnitz und in Berlin am Montag.";
        let found = join_river_towns(
            text,
            Language::De,
            vec![place(text, "Röthenbach"), place(text, "Pegnitz"), place(text, "Berlin")],
        );
        let names: Vec<&str> = found.iter().map(|m| &text[m.span.range()]).collect();
        assert_eq!(names, ["Röthenbach an der Pegnitz", "Berlin"]);
        assert_eq!(found[0].name, "Röthenbach an der Pegnitz");
    }
}

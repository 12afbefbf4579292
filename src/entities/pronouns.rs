//! Personal pronouns that refer to a person (`er`, `sie`, `he`, `she`)
//! become mentions of the person named last before them whose first name
//! fits the pronoun, so that relation rules and quotes see who is meant.

use super::gazetteer::{Gazetteer, Gender};
use super::{EntityKind, Mention, Resolution};
use crate::input::Language;
use crate::text::Token;

/// The origin of the mentions added here.
pub const PRONOUN_ORIGIN: &str = "coreference/pronoun";

/// How many sentences back the person may have been named.
const LOOK_BACK: usize = 3;
/// How many sentences back a person whose first name has the pronoun's
/// gender may have been named (a biography's subject, after a quoted poem).
const LOOK_BACK_BY_NAME: usize = 6;

/// The gender a subject pronoun asks for, if the word is one that can stand
/// for one person: `sie` only before a singular verb (`sie sagte`, not
/// `sie sagten`), and a capitalised `Sie` only at the start of a sentence
/// (elsewhere it is the polite `you`).
fn pronoun_gender(language: Language, tokens: &[Token], text: &str, i: usize) -> Option<Gender> {
    let word = tokens[i].text(text);
    let next = tokens.get(i + 1).map_or("", |t| t.text(text));
    match (language, word) {
        (Language::De, "er") | (Language::De, "Er") => Some(Gender::Male),
        (Language::De, "sie") | (Language::De, "Sie") => {
            let plural = next.ends_with("en") || matches!(next, "sind" | "waren" | "haben" | "werden");
            (!plural && (word == "sie" || i == 0)).then_some(Gender::Female)
        }
        (Language::En, "he") | (Language::En, "He") => Some(Gender::Male),
        (Language::En, "she") | (Language::En, "She") => Some(Gender::Female),
        _ => None,
    }
}

/// Adds a mention for every pronoun that refers to a person named within
/// [`LOOK_BACK`] sentences, skipping people whose first name is of the other
/// gender.
pub fn add_pronoun_references(
    text: &str,
    language: Language,
    tokens: &[Vec<Token>],
    mentions: &mut [Vec<Mention>],
    resolution: &mut Resolution,
) {
    let lists = Gazetteer::get();
    // How often each entity was named in the sentences before the current one.
    let mut named = vec![0usize; resolution.entities.len()];
    for n in 0..tokens.len() {
        if let Some(previous) = n.checked_sub(1) {
            resolution.assignments[previous].iter().for_each(|&idx| named[idx] += 1);
        }
        for i in 0..tokens[n].len() {
            let Some(gender) = pronoun_gender(language, &tokens[n], text, i) else { continue };
            let span = tokens[n][i].span;
            if mentions[n].iter().any(|m| m.span.start < span.end && span.start < m.span.end) {
                continue;
            }
            // The gender of a person's listed first name, if it has one.
            let gender_of = |idx: usize| lists.gender(resolution.entities[idx].label.split(' ').next().unwrap_or(""));
            let fits = |idx: usize| gender_of(idx).is_none_or(|g| g == gender);
            // The people of the window, latest first; the one named most
            // often so far wins, the latest of equals (a biography's `he` is
            // its subject, not the friend named once in between).
            let window: Vec<usize> = (n.saturating_sub(LOOK_BACK_BY_NAME)..=n)
                .rev()
                .flat_map(|s| {
                    let pairs = mentions[s].iter().zip(&resolution.assignments[s]).rev();
                    pairs
                        .filter(move |(m, _)| m.kind == EntityKind::Person && (s < n || m.span.end <= span.start))
                        .map(move |(_, &idx)| (s, idx))
                })
                .filter(|&(s, idx)| if s + LOOK_BACK >= n { fits(idx) } else { gender_of(idx) == Some(gender) })
                .map(|(_, idx)| idx)
                .collect();
            // `the head of NATO, Hoop Scheffer, he has explained`: a pronoun
            // right after a person's name and a comma takes that name up again.
            let dislocated = i.checked_sub(1).filter(|&c| tokens[n][c].text(text) == ",").and_then(|c| {
                let before = mentions[n].iter().position(|m| m.span.end == tokens[n][c].span.start)?;
                let idx = resolution.assignments[n][before];
                (mentions[n][before].kind == EntityKind::Person && fits(idx)).then_some(idx)
            });
            let antecedent = dislocated.or_else(|| window.iter().copied().rev().max_by_key(|&idx| named[idx]));
            let Some(idx) = antecedent else { continue };
            let label = resolution.entities[idx].label.clone();
            let at = mentions[n].partition_point(|m| m.span < span);
            mentions[n].insert(at, Mention::new(span, EntityKind::Person, label, PRONOUN_ORIGIN));
            resolution.assignments[n].insert(at, idx);
        }
    }
}

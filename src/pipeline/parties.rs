//! `der republikanische Senator X`: a German party adjective before a
//! person's role and name says that the person belongs to the party, when
//! the text names that party (`die Republikaner`, `Sozialdemokratische
//! Partei`).

use super::Analysis;
use crate::entities::{EntityKind, Gazetteer};
use crate::input::Language;
use crate::relations::{Attributes, Endpoint, Fact, RelationKind};
use crate::text::TokenKind;

/// Role words between the adjective and the name, at most.
const MAX_ROLE_WORDS: usize = 2;

/// A `works-at` fact for every person named after a party adjective and a
/// role, unless the sentence states it already.
pub(super) fn add_party_facts(analysis: &Analysis, language: Language, facts: &mut [Vec<Fact>]) {
    if language != Language::De {
        return;
    }
    for (n, tokens) in analysis.tokens.iter().enumerate() {
        for (i, token) in tokens.iter().enumerate() {
            let word = token.text(analysis.text);
            let Some(stem) = party_stem(word) else { continue };
            // `der pakistanische Präsident X` names his country, not the
            // `Pakistanische Volkspartei`.
            if Gazetteer::get().country_of_adjective(word).is_some() {
                continue;
            }
            let Some(party) = party_named(analysis, stem) else { continue };
            let Some((person, role)) = person_after(analysis, n, i) else { continue };
            let is_party = |end: Endpoint| match end {
                Endpoint::Entity(e) => e == party,
                Endpoint::Mention(m) => analysis.resolution.assignments[n][m] == party,
                _ => false,
            };
            let stated = facts[n].iter().any(|f| {
                f.kind == RelationKind::WorksAt && f.subject == Endpoint::Mention(person) && is_party(f.object)
            });
            if stated {
                continue;
            }
            facts[n].push(Fact {
                kind: RelationKind::WorksAt,
                subject: Endpoint::Mention(person),
                object: Endpoint::Entity(party),
                attributes: Attributes { role: Some(role), ..Attributes::default() },
                rule: "works.party-adjective".to_owned(),
                confidence: 0.7,
            });
        }
    }
}

/// The stem of a lower-case `-isch` adjective (`republikanischen` →
/// `republikan`), which party names share.
fn party_stem(word: &str) -> Option<&str> {
    if !word.starts_with(char::is_lowercase) {
        return None;
    }
    let endings = ["ische", "ischen", "ischer", "isches", "ischem"];
    endings.iter().find_map(|ending| word.strip_suffix(ending)).filter(|stem| stem.chars().count() >= 4)
}

/// The party of the document whose name starts with `stem`: a `Partei`
/// (`Republikanische Partei`) or its members (`Republikaner`, `Demokraten`),
/// not any name in adjective form (`Islamischer Staat`).
fn party_named(analysis: &Analysis, stem: &str) -> Option<usize> {
    analysis.resolution.entities.iter().position(|entity| {
        let label = entity.label.to_lowercase();
        let first = label.split(' ').next().unwrap_or_default();
        let members = first.strip_prefix(stem).is_some_and(|rest| rest == "er" || rest == "en");
        entity.kind == EntityKind::Organization && (members || label.starts_with(stem) && label.contains("partei"))
    })
}

/// The person named right after the adjective at token `i` of sentence `n`
/// and the role words between them (`Senator` in `republikanische Senator
/// Jim DeMint`).
fn person_after(analysis: &Analysis, n: usize, i: usize) -> Option<(usize, String)> {
    let tokens = &analysis.tokens[n];
    let noun = |j: usize| {
        tokens
            .get(j)
            .is_some_and(|t| t.kind == TokenKind::Word && t.text(analysis.text).starts_with(char::is_uppercase))
    };
    (i + 2..=i + 1 + MAX_ROLE_WORDS).take_while(|&j| noun(j - 1)).find_map(|j| {
        let start = tokens.get(j)?.span.start;
        let person = analysis.mentions[n].iter().position(|m| m.kind == EntityKind::Person && m.span.start == start)?;
        let role = &analysis.text[tokens[i + 1].span.start..tokens[j - 1].span.end];
        // The role words are no name of their own.
        let named = analysis.mentions[n]
            .iter()
            .any(|m| m.span.start < tokens[j - 1].span.end && m.span.end > tokens[i + 1].span.start);
        (!named).then(|| (person, role.to_owned()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_party_stem_is_an_isch_adjective_in_lower_case() {
        assert_eq!(party_stem("republikanische"), Some("republikan"));
        assert_eq!(party_stem("sozialdemokratischen"), Some("sozialdemokrat"));
        assert_eq!(party_stem("Republikanische"), None, "a name's own word");
        assert_eq!(party_stem("große"), None);
    }
}

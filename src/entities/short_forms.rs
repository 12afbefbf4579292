//! Short forms of names: in brackets after a name (`Internationale
//! Atomenergie-Organisation (IAEO)`, `National Public Radio (NPR)`), before
//! a name in brackets (`CEI (Italian Episcopal Conference)`), and acronyms
//! of a name's initials: the same entity under a second name.

use super::{EntityKind, Mention};

/// Every organisation or place mention followed by a bracketed short form
/// of its name, with that short form.
pub fn bracketed_short_forms<'t>(text: &'t str, mentions: &[Vec<Mention>]) -> Vec<(Mention, &'t str)> {
    let named = |m: &&Mention| matches!(m.kind, EntityKind::Organization | EntityKind::Place);
    mentions
        .iter()
        .flatten()
        .filter(named)
        .filter_map(|m| {
            let after = &text[m.span.end..];
            let inner = after.strip_prefix(' ').unwrap_or(after).strip_prefix('(')?;
            // A short form is short: the bracket closes within a dozen characters.
            let close = inner.char_indices().take(12).find(|&(_, c)| c == ')')?.0;
            let short = &inner[..close];
            is_short_form(short, &m.name).then(|| (m.clone(), short))
        })
        .collect()
}

/// `CEI (Italian Episcopal Conference)`: an organisation's acronym with its
/// full name in brackets after it, as (full name, acronym) pairs.
pub fn bracketed_full_names<'m>(text: &str, mentions: &'m [Vec<Mention>]) -> Vec<(&'m Mention, &'m str)> {
    let mut pairs = Vec::new();
    for sentence in mentions {
        for (short, full) in sentence.iter().zip(sentence.iter().skip(1)) {
            let organizations = short.kind == EntityKind::Organization && full.kind == EntityKind::Organization;
            let opens = text.get(short.span.end..full.span.start).is_some_and(|gap| gap.trim() == "(");
            let closes = text[full.span.end..].starts_with(')');
            if organizations && opens && closes && is_acronym(&short.name) && full.name.contains(' ') {
                pairs.push((full, short.name.as_str()));
            }
        }
    }
    pairs
}

/// Whether `short` reads as a short form of `name`: one word of two to ten
/// characters, two capitals or more, starting with the name's first letter
/// (`(SPD)` after a person or `(DAX)` after `Siemens` is something else).
fn is_short_form(short: &str, name: &str) -> bool {
    let length = short.chars().count();
    let capitals = short.chars().filter(|c| c.is_uppercase()).count();
    let word = short.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '&' | '.'));
    let first = |s: &str| s.chars().find(|c| c.is_alphabetic()).map(|c| c.to_lowercase().to_string());
    let same_start = first(short).is_some_and(|f| first(name) == Some(f));
    (2..=10).contains(&length) && capitals >= 2 && word && same_start && short != name
}

/// The initials of a name of two capitalised words or more, the words
/// between them left out (`Massachusetts Institute of Technology` → `MIT`,
/// `Public Broadcasting Service` → `PBS`); `None` for one word.
pub fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split([' ', '-']).filter(|w| w.starts_with(char::is_uppercase)).collect();
    (words.len() >= 2).then(|| words.iter().filter_map(|w| w.chars().next()).collect())
}

/// Whether `name` is written as an acronym: two to six capitals.
pub fn is_acronym(name: &str) -> bool {
    (2..=6).contains(&name.chars().count()) && name.chars().all(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_form_starts_like_its_name_and_is_capitalised() {
        assert!(is_short_form("IAEO", "Internationale Atomenergie-Organisation"));
        assert!(is_short_form("PBS-TV", "Public Broadcasting Service"));
        assert!(is_short_form("BfV", "Bundesamt für Verfassungsschutz"));
        assert!(!is_short_form("DAX", "Siemens"));
        assert!(!is_short_form("Berlin", "Bundesamt"), "one capital: a word, not a short form");
        assert!(!is_short_form("SPD Berlin", "SPD"));
    }
}

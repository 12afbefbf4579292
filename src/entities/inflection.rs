//! Base forms of names: English possessives, German genitives and the named
//! part of a hyphenated compound.

/// The base form of an English possessive (`Acme's` → `Acme`); other words
/// are returned unchanged. German genitives need context; see
/// [`possessive_base`].
pub fn strip_genitive(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}

/// A German word and what is left of it without a genitive ending, `-es`
/// before `-s` (`Kreuzes`: `Kreuzes`, `Kreuz`, `Kreuze`), for looking the
/// word up in a list of base forms.
pub fn genitive_bases(word: &str) -> impl Iterator<Item = &str> {
    [Some(word), word.strip_suffix("es"), word.strip_suffix('s')].into_iter().flatten()
}

/// Whether `word` ends in an English possessive `'s` (`Newton's`).
pub fn is_possessive(word: &str) -> bool {
    strip_genitive(word).len() < word.len()
}

/// The owner in a possessive: `Mondtechs` → `Mondtech`, `Acme's` → `Acme`,
/// `Kims` → `Kim`. `None` when the word has no possessive ending or what is
/// left is too short to be a name.
pub fn possessive_base(word: &str) -> Option<&str> {
    let base =
        word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).or_else(|| word.strip_suffix('\'')).or_else(
            || word.strip_suffix('s').filter(|b| !b.ends_with('s') && !b.ends_with('x') && !b.ends_with('z')),
        )?;
    let named = base.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || base.chars().any(|c| c.is_ascii_digit());
    (named && base.chars().count() >= 2).then_some(base)
}

/// The two parts of a hyphenated compound split at its last hyphen
/// (`X-Gründer` → `X`, `Gründer`); `None` without an inner hyphen.
pub fn compound_head(word: &str) -> Option<(&str, &str)> {
    let (head, tail) = word.rsplit_once('-')?;
    (!head.is_empty() && !tail.is_empty()).then_some((head, tail))
}

/// The grammatical gender of a German noun whose adjectives show it in
/// the nominative without an article (`Deutscher Bundestag`, `Auswärtiges
/// Amt`); feminine nouns take the same `-e` with and without one, and only
/// their dative and genitive without an article end in `-er` (`laut
/// Süddeutscher Zeitung`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NounGender {
    /// `der Rat` → `Europäischer Rat`.
    Masculine,
    /// `das Amt` → `Auswärtiges Amt`.
    Neuter,
    /// `der Zeitung` → `Süddeutsche Zeitung`.
    Feminine,
}

/// The base form of a German adjective before a name's head: the weak
/// `-e` form (`Deutschen` → `Deutsche`), given a strong ending when the
/// head is masculine or neuter (`Deutscher`, `Deutsches`), the form names
/// are listed in. `is_word` says whether a form is in the vocabulary; an
/// adjective it does not know in both forms has no base.
pub fn adjective_base(word: &str, gender: Option<NounGender>, is_word: impl Fn(&str) -> bool) -> Option<String> {
    // `-isch` adjectives are too many for any vocabulary (`Kunsthistorischen`)
    // and the ending is theirs alone.
    let is_word = |w: &str| is_word(w) || w.ends_with("ische") || w.ends_with("ischen");
    let strong_feminine = word.strip_suffix('r').filter(|e| e.ends_with('e') && is_word(e));
    if let Some(base) = strong_feminine.filter(|_| gender == Some(NounGender::Feminine)) {
        return Some(base.to_owned());
    }
    let weak = match word.strip_suffix('n') {
        Some(e) if e.ends_with('e') && is_word(word) && is_word(e) => e,
        _ if word.ends_with('e') && gender.is_some() && is_word(word) => word,
        _ => return None,
    };
    let ending = match gender {
        Some(NounGender::Masculine) => "r",
        Some(NounGender::Neuter) => "s",
        Some(NounGender::Feminine) | None => "",
    };
    Some(format!("{weak}{ending}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_base_forms() {
        assert_eq!(strip_genitive("Acme's"), "Acme");
        assert_eq!(possessive_base("Mondtechs"), Some("Mondtech"));
        assert_eq!(possessive_base("Acme’s"), Some("Acme"));
        assert_eq!(possessive_base("Boss"), None);
        assert_eq!(possessive_base("haus"), None);
        assert_eq!(compound_head("Zeta-Gründer"), Some(("Zeta", "Gründer")));
        assert_eq!(compound_head("Open-Source-Kultur"), Some(("Open-Source", "Kultur")));
        assert_eq!(compound_head("Informations-"), None);
    }

    #[test]
    fn adjectives_take_the_ending_of_their_head() {
        let known = |w: &str| ["Deutschen", "Deutsche", "Roten", "Rote", "Süddeutsche"].contains(&w);
        assert_eq!(adjective_base("Deutschen", None, known).as_deref(), Some("Deutsche"));
        assert_eq!(adjective_base("Deutschen", Some(NounGender::Masculine), known).as_deref(), Some("Deutscher"));
        assert_eq!(adjective_base("Rote", Some(NounGender::Neuter), known).as_deref(), Some("Rotes"));
        assert_eq!(adjective_base("Rote", None, known), None, "a feminine or unknown head leaves -e as it is");
        assert_eq!(adjective_base("Blauen", None, known), None, "not in the vocabulary");
        let feminine = Some(NounGender::Feminine);
        assert_eq!(adjective_base("Süddeutscher", feminine, known).as_deref(), Some("Süddeutsche"));
        assert_eq!(adjective_base("Frankfurter", feminine, known), None, "a city's adjective does not inflect");
        let neuter = Some(NounGender::Neuter);
        assert_eq!(adjective_base("Kunsthistorischen", neuter, known).as_deref(), Some("Kunsthistorisches"));
    }
}

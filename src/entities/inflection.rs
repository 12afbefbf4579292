//! Base forms of names: English possessives, German genitives and the named
//! part of a hyphenated compound.

/// The base form of an English possessive (`Acme's` → `Acme`); other words
/// are returned unchanged. German genitives need context; see
/// [`possessive_base`].
pub fn strip_genitive(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
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
}

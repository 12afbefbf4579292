//! Entity identifiers: `{kind}/{slug}`, the same for the same name and kind
//! in every run, so that separate runs' RDF merges by plain union.

use std::fmt;
use std::sync::Arc;

use unicode_normalization::UnicodeNormalization;

use crate::entities::EntityKind;

/// Slugs longer than this are cut and given a hash of the whole name, so
/// that very long labels still make short, distinct identifiers.
const MAX_SLUG_CHARS: usize = 80;

/// The identifier of an entity, relative to the IRI base. Shared, not
/// copied: every mention and piece of evidence names its document by id, so
/// a clone is a reference count, not another string. A thin pointer (to a
/// boxed string) keeps each of those references at 8 bytes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityId(Arc<Box<str>>);

impl EntityId {
    /// The identifier of an entity of `kind` named `label`.
    pub fn new(kind: EntityKind, label: &str) -> Self {
        Self(Arc::new(format!("{}/{}", kind.id_segment(), slug(label)).into()))
    }

    /// Wraps an identifier read back from one of our exports. The caller
    /// checks it (see [`EntityId::parse`]).
    fn from_string(id: String) -> Self {
        Self(Arc::new(id.into()))
    }

    /// Checks an identifier read from a file: `{kind}/{slug}` with a slug as
    /// [`slug`] makes them.
    pub fn parse(id: &str) -> Result<Self, String> {
        let Some((segment, rest)) = id.split_once('/') else {
            return Err(format!("invalid id '{id}': expected kind/slug"));
        };
        let known_kind = EntityKind::ALL.iter().any(|kind| kind.id_segment() == segment);
        let valid_slug = !rest.is_empty() && rest.chars().all(|c| c.is_alphanumeric() || c == '-');
        if known_kind && valid_slug && rest.nfc().eq(rest.chars()) {
            Ok(Self::from_string(id.to_owned()))
        } else {
            Err(format!("invalid id '{id}': expected kind/slug with letters, digits and hyphens"))
        }
    }

    /// The identifier as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The IRI of the entity under `base`.
    pub fn iri(&self, base: &str) -> String {
        format!("{base}{}", self.0)
    }
}

impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The slug of a name: NFC, lowercase, letters and digits kept (any script),
/// every other run of characters one hyphen. Letters and digits are all
/// `iunreserved` in RFC 3987, so the result is always valid in an IRI path.
/// A name with no letter or digit gets a hash instead.
pub fn slug(label: &str) -> String {
    // Composition leaves ASCII as it is, and its case needs no table: most
    // names skip both, which cost more than the rest of making the slug.
    let (mut slug, truncated) = if label.is_ascii() {
        slug_of(label.chars().map(|c| c.to_ascii_lowercase()), label.len())
    } else {
        slug_of(label.nfc().flat_map(char::to_lowercase), label.len())
    };
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        return format!("x{:016x}", stable_hash(label.as_bytes()));
    }
    if truncated {
        slug.push_str(&format!("-{:08x}", stable_hash(label.as_bytes()) as u32));
    }
    slug
}

/// The slug of a name's composed, lower-case characters, and whether it
/// was cut.
fn slug_of(chars: impl Iterator<Item = char>, capacity: usize) -> (String, bool) {
    let mut slug = String::with_capacity(capacity);
    let mut n_chars = 0;
    for c in chars {
        if n_chars >= MAX_SLUG_CHARS {
            return (slug, true);
        }
        if c.is_alphanumeric() && is_iri_char(c) {
            slug.push(c);
            n_chars += 1;
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
            n_chars += 1;
        }
    }
    (slug, false)
}

/// Characters RFC 3987 allows unescaped in a path: ASCII letters and digits
/// and `ucschar`, which leaves out private-use and a few special ranges.
fn is_iri_char(c: char) -> bool {
    let code = u32::from(c);
    c.is_ascii_alphanumeric()
        || matches!(code, 0xA0..=0xD7FF | 0xF900..=0xFDCF | 0xFDF0..=0xFFEF)
        || (0x10000..=0xEFFFD).contains(&code) && (code & 0xFFFF) < 0xFFFE
}

/// FNV-1a, 64 bits: stable across runs, platforms and Rust versions, unlike
/// the standard library's hasher.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_stable_and_readable() {
        for (label, expected) in [
            ("Anna Berg", "anna-berg"),
            ("  Nord-Werk ", "nord-werk"),
            ("Öztürk & Söhne GmbH", "öztürk-söhne-gmbh"),
            ("q7-mini", "q7-mini"),
            ("北京大学", "北京大学"),
            ("\"<&>\"", "xe54b4079d8b953db"),
            ("Zeta Labs SAS", "zeta-labs-sas"),
        ] {
            assert_eq!(slug(label), expected, "{label}");
        }
    }

    #[test]
    fn decomposed_and_composed_names_give_one_id() {
        assert_eq!(EntityId::new(EntityKind::Person, "Jose\u{301}"), EntityId::new(EntityKind::Person, "José"));
    }

    #[test]
    fn long_names_are_cut_and_stay_distinct() {
        let a = slug(&"a".repeat(10_000));
        let b = slug(&format!("{}b", "a".repeat(10_000)));
        assert!(a.chars().count() < 100);
        assert_ne!(a, b);
    }

    #[test]
    fn parse_accepts_what_new_makes() {
        let id = EntityId::new(EntityKind::Place, "Škofja Loka");
        assert_eq!(EntityId::parse(id.as_str()).unwrap(), id);
        for bad in ["person", "human/x", "person/", "person/a b", "person/<x>"] {
            assert!(EntityId::parse(bad).is_err(), "{bad}");
        }
    }
}

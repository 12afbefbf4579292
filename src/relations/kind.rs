//! The relation kinds: seven built in, more from rule files.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;
use std::sync::{LazyLock, PoisonError, RwLock};

use rustc_hash::FxHashMap as HashMap;

/// What a relation states.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RelationKind {
    /// Person or organisation → organisation it founded.
    Founded,
    /// Person → organisation that employs them or that they are affiliated with.
    WorksAt,
    /// Person ↔ person who met; symmetric.
    MetWith,
    /// Person or organisation → document that quotes them.
    QuotedIn,
    /// Organisation or place → place it is in.
    LocatedIn,
    /// Organisation → product it made or released.
    Developed,
    /// Document → organisation it names as the source of a report.
    Cites,
    /// A kind that a rule file defines.
    Custom(CustomRelation),
}

/// The name of a user-defined relation: lowercase ASCII letters, digits and
/// inner hyphens, starting with a letter, so that it also makes a valid RDF
/// property and XML name. A number that stands for the name, as every
/// relation of a graph holds its kind: the kind takes 8 bytes with it, 16
/// with a pointer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CustomRelation(u32);

/// The names of the user-defined relations a run has met, each once, with
/// their numbers. A run meets a handful (those its rule files and graphs
/// name), so the names live as long as the run.
#[derive(Default)]
struct CustomNames {
    names: Vec<&'static str>,
    numbers: HashMap<&'static str, u32>,
}

static CUSTOM_NAMES: LazyLock<RwLock<CustomNames>> = LazyLock::new(RwLock::default);

impl CustomRelation {
    /// Checks `name` and wraps it.
    pub fn new(name: &str) -> Result<Self, String> {
        let valid_chars = name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        let starts_with_letter = name.bytes().next().is_some_and(|b| b.is_ascii_lowercase());
        let well_formed = valid_chars && starts_with_letter && !name.ends_with('-') && !name.contains("--");
        if !well_formed {
            return Err(format!(
                "invalid relation name '{name}' (use lowercase letters, digits and single inner hyphens)"
            ));
        }
        if let Some(&number) = CUSTOM_NAMES.read().unwrap_or_else(PoisonError::into_inner).numbers.get(name) {
            return Ok(Self(number));
        }
        let mut custom = CUSTOM_NAMES.write().unwrap_or_else(PoisonError::into_inner);
        if let Some(&number) = custom.numbers.get(name) {
            return Ok(Self(number));
        }
        let number = u32::try_from(custom.names.len()).map_err(|_| format!("too many relation names at '{name}'"))?;
        let name: &'static str = Box::leak(name.into());
        custom.names.push(name);
        custom.numbers.insert(name, number);
        Ok(Self(number))
    }

    /// The name as written.
    pub fn as_str(&self) -> &'static str {
        CUSTOM_NAMES.read().unwrap_or_else(PoisonError::into_inner).names[self.0 as usize]
    }
}

/// Built-in kinds in their order, then user-defined ones by name: the
/// order does not depend on which name a run met first.
impl Ord for RelationKind {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (RelationKind::Custom(a), RelationKind::Custom(b)) => a.as_str().cmp(b.as_str()),
            (RelationKind::Custom(_), _) => Ordering::Greater,
            (_, RelationKind::Custom(_)) => Ordering::Less,
            _ => self.built_in_rank().cmp(&other.built_in_rank()),
        }
    }
}

impl PartialOrd for RelationKind {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl RelationKind {
    /// The seven built-in kinds, in a fixed order.
    pub const BUILT_IN: [RelationKind; 7] = [
        RelationKind::Founded,
        RelationKind::WorksAt,
        RelationKind::MetWith,
        RelationKind::QuotedIn,
        RelationKind::LocatedIn,
        RelationKind::Developed,
        RelationKind::Cites,
    ];

    /// The place of a built-in kind in [`RelationKind::BUILT_IN`].
    fn built_in_rank(&self) -> usize {
        RelationKind::BUILT_IN.iter().position(|kind| kind == self).unwrap_or(RelationKind::BUILT_IN.len())
    }

    /// The name used in JSON, GraphML, DOT and rule files: `works-at`, ...
    pub fn name(&self) -> &str {
        match self {
            RelationKind::Founded => "founded",
            RelationKind::WorksAt => "works-at",
            RelationKind::MetWith => "met-with",
            RelationKind::QuotedIn => "quoted-in",
            RelationKind::LocatedIn => "located-in",
            RelationKind::Developed => "developed",
            RelationKind::Cites => "cites",
            RelationKind::Custom(custom) => custom.as_str(),
        }
    }

    /// The local name of the RDF property: `worksAt`, ...
    pub fn property_name(&self) -> String {
        let mut property = String::with_capacity(self.name().len());
        let mut upper_next = false;
        for c in self.name().chars() {
            match c {
                '-' => upper_next = true,
                _ if upper_next => {
                    property.push(c.to_ascii_uppercase());
                    upper_next = false;
                }
                _ => property.push(c),
            }
        }
        property
    }

    /// Whether `a rel b` also means `b rel a`; such relations are stored once.
    pub fn is_symmetric(&self) -> bool {
        match self {
            RelationKind::MetWith => true,
            RelationKind::Founded
            | RelationKind::WorksAt
            | RelationKind::QuotedIn
            | RelationKind::LocatedIn
            | RelationKind::Developed
            | RelationKind::Cites
            | RelationKind::Custom(_) => false,
        }
    }
}

impl fmt::Display for RelationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for RelationKind {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match RelationKind::BUILT_IN.into_iter().find(|kind| kind.name() == name) {
            Some(kind) => Ok(kind),
            None => CustomRelation::new(name).map(RelationKind::Custom),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_make_property_names() {
        for kind in RelationKind::BUILT_IN {
            assert_eq!(kind.name().parse::<RelationKind>().unwrap(), kind);
        }
        assert_eq!(RelationKind::WorksAt.property_name(), "worksAt");
        assert_eq!("board-member-of".parse::<RelationKind>().unwrap().property_name(), "boardMemberOf");
    }

    #[test]
    fn user_defined_kinds_are_one_per_name_and_order_by_name() {
        let later: RelationKind = "zz-sorts-last".parse().unwrap();
        let earlier: RelationKind = "aa-sorts-first".parse().unwrap();
        assert_eq!("zz-sorts-last".parse::<RelationKind>().unwrap(), later);
        assert_eq!(later.name(), "zz-sorts-last");
        assert!(earlier < later && RelationKind::Cites < earlier && RelationKind::Founded < RelationKind::WorksAt);
        assert_eq!(std::mem::size_of::<RelationKind>(), 8);
    }

    #[test]
    fn rejects_names_that_would_not_make_a_property() {
        for bad in ["", "Works", "a b", "-x", "x-", "x--y", "1x", "<x>"] {
            assert!(bad.parse::<RelationKind>().is_err(), "{bad}");
        }
    }
}

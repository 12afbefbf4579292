//! The relation kinds: seven built in, more from rule files.

use std::fmt;
use std::str::FromStr;

/// What a relation states.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
/// property and XML name. One pointer, as every relation of a graph holds its
/// kind.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CustomRelation(std::sync::Arc<String>);

impl CustomRelation {
    /// Checks `name` and wraps it.
    pub fn new(name: &str) -> Result<Self, String> {
        let valid_chars = name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        let starts_with_letter = name.bytes().next().is_some_and(|b| b.is_ascii_lowercase());
        if valid_chars && starts_with_letter && !name.ends_with('-') && !name.contains("--") {
            Ok(Self(std::sync::Arc::new(name.to_owned())))
        } else {
            Err(format!("invalid relation name '{name}' (use lowercase letters, digits and single inner hyphens)"))
        }
    }

    /// The name as written.
    pub fn as_str(&self) -> &str {
        &self.0
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
    fn rejects_names_that_would_not_make_a_property() {
        for bad in ["", "Works", "a b", "-x", "x-", "x--y", "1x", "<x>"] {
            assert!(bad.parse::<RelationKind>().is_err(), "{bad}");
        }
    }
}

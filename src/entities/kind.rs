//! The closed set of entity kinds.

use std::fmt;
use std::str::FromStr;

/// What an entity is. `Document` is the input article itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    /// A named human being.
    Person,
    /// A company, institution, government body, news outlet or agency.
    Organization,
    /// A country, region, state, city or geographic area.
    Place,
    /// A product, model, chip, machine or software.
    Product,
    /// An input article.
    Document,
}

impl EntityKind {
    /// Every kind, in a fixed order.
    pub const ALL: [EntityKind; 5] =
        [EntityKind::Person, EntityKind::Organization, EntityKind::Place, EntityKind::Product, EntityKind::Document];

    /// The name used in JSON and GraphML: `Person`, `Organization`, ...
    pub const fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "Person",
            EntityKind::Organization => "Organization",
            EntityKind::Place => "Place",
            EntityKind::Product => "Product",
            EntityKind::Document => "Document",
        }
    }

    /// The path segment of identifiers: `person`, `organization`, ...
    pub const fn id_segment(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Product => "product",
            EntityKind::Document => "document",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for EntityKind {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        EntityKind::ALL.into_iter().find(|kind| kind.name() == name).ok_or_else(|| {
            format!("unknown entity type '{name}' (expected Person, Organization, Place, Product or Document)")
        })
    }
}

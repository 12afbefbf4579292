//! The tag set: BILOU tags over the name types a tagger model knows, and
//! which tag may follow which.

use std::fmt;

/// The types of names a tagger model labels. `Misc` covers names that are
/// none of the other three (works, events, nationalities); it is learned so
/// that such names are not taken for organisations, and is not reported as
/// an entity kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameType {
    /// A person.
    Person,
    /// An organisation.
    Organization,
    /// A place.
    Place,
    /// Any other name.
    Misc,
}

impl NameType {
    /// Every type, in label order.
    pub const ALL: [NameType; 4] = [NameType::Person, NameType::Organization, NameType::Place, NameType::Misc];

    /// The short name used in tag files: `PER`, `ORG`, `LOC`, `MISC`.
    pub const fn code(self) -> &'static str {
        match self {
            NameType::Person => "PER",
            NameType::Organization => "ORG",
            NameType::Place => "LOC",
            NameType::Misc => "MISC",
        }
    }

    fn index(self) -> usize {
        match self {
            NameType::Person => 0,
            NameType::Organization => 1,
            NameType::Place => 2,
            NameType::Misc => 3,
        }
    }
}

impl fmt::Display for NameType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Where a token stands in a name: Begin, Inside, Last, or Unit (a name of
/// one token).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// First token of a longer name.
    Begin,
    /// A middle token.
    Inside,
    /// Last token of a longer name.
    Last,
    /// The only token.
    Unit,
}

/// Number of tags: `O` and four positions per type.
pub const N_TAGS: usize = 1 + 4 * NameType::ALL.len();

/// The tag `O` (outside any name).
pub const OUTSIDE: u8 = 0;

/// The tag of `position` in a name of type `name_type`.
pub fn tag(name_type: NameType, position: Position) -> u8 {
    let offset = match position {
        Position::Begin => 0,
        Position::Inside => 1,
        Position::Last => 2,
        Position::Unit => 3,
    };
    (1 + 4 * name_type.index() + offset) as u8
}

/// The type and position of a tag; `None` for `O`.
pub fn decode(tag: u8) -> Option<(NameType, Position)> {
    let idx = usize::from(tag).checked_sub(1)?;
    let position = [Position::Begin, Position::Inside, Position::Last, Position::Unit][idx % 4];
    Some((NameType::ALL[idx / 4], position))
}

/// Whether `next` may follow `previous` (`None`: the start of a sentence).
pub fn may_follow(previous: Option<u8>, next: u8) -> bool {
    let open = previous.and_then(decode).filter(|(_, p)| matches!(p, Position::Begin | Position::Inside));
    match (open, decode(next)) {
        (Some((t, _)), Some((u, Position::Inside | Position::Last))) => t == u,
        (Some(_), _) => false,
        (None, Some((_, Position::Inside | Position::Last))) => false,
        (None, _) => true,
    }
}

/// Whether a sentence may end on `tag`.
pub fn may_end(tag: u8) -> bool {
    !matches!(decode(tag), Some((_, Position::Begin | Position::Inside)))
}

/// A name in a tagged sentence: tokens `start..end` and its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NameSpan {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// What it names.
    pub name_type: NameType,
}

/// The tags of a sentence of `len` tokens with `names` (which must not
/// overlap; later overlapping names are left out).
pub fn tags_of(len: usize, names: &[NameSpan]) -> Vec<u8> {
    let mut tags = vec![OUTSIDE; len];
    for name in names {
        if name.start >= name.end || name.end > len || tags[name.start..name.end].iter().any(|&t| t != OUTSIDE) {
            continue;
        }
        if name.end - name.start == 1 {
            tags[name.start] = tag(name.name_type, Position::Unit);
            continue;
        }
        tags[name.start] = tag(name.name_type, Position::Begin);
        for t in &mut tags[name.start + 1..name.end - 1] {
            *t = tag(name.name_type, Position::Inside);
        }
        tags[name.end - 1] = tag(name.name_type, Position::Last);
    }
    tags
}

/// The names a valid tag sequence marks.
pub fn names_of(tags: &[u8]) -> Vec<NameSpan> {
    let mut names = Vec::new();
    let mut start = 0;
    for (idx, &t) in tags.iter().enumerate() {
        match decode(t) {
            Some((_, Position::Begin)) => start = idx,
            Some((name_type, Position::Last)) => names.push(NameSpan { start, end: idx + 1, name_type }),
            Some((name_type, Position::Unit)) => names.push(NameSpan { start: idx, end: idx + 1, name_type }),
            _ => {}
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_names_round_trip() {
        let names = [
            NameSpan { start: 0, end: 2, name_type: NameType::Person },
            NameSpan { start: 3, end: 4, name_type: NameType::Place },
            NameSpan { start: 4, end: 7, name_type: NameType::Organization },
        ];
        let tags = tags_of(8, &names);
        assert_eq!(names_of(&tags), names);
        let mut previous = None;
        for &t in &tags {
            assert!(may_follow(previous, t));
            previous = Some(t);
        }
        assert!(may_end(tags[7]));
        assert!(!may_follow(None, tag(NameType::Person, Position::Inside)));
        assert!(!may_follow(Some(tag(NameType::Person, Position::Begin)), tag(NameType::Place, Position::Last)));
        assert_eq!(decode(tag(NameType::Misc, Position::Unit)), Some((NameType::Misc, Position::Unit)));
    }
}

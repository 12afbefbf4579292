//! Names files: lists of names a user wants always found with a kind
//! (`[person]`, `[organization]`, `[place]`, `[product]`) or never taken as
//! names (`[veto]`), one name per line, `#` comments.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::EntityKind;
use crate::error::{Error, Result};

/// Longest listed name, in tokens, that is looked for.
pub const MAX_LISTED_TOKENS: usize = 8;

/// Names to add with a kind, and names to veto.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameLists {
    /// Name → kind, for names always found.
    pub add: BTreeMap<String, EntityKind>,
    /// Names never taken as names.
    pub veto: BTreeSet<String>,
}

impl NameLists {
    /// Reads a names file; an error names the file, line and column.
    pub fn parse(path: &Path, source: &str) -> Result<Self> {
        let mut lists = Self::default();
        let mut section: Option<Option<EntityKind>> = None;
        let mut offset = 0;
        for raw in source.split_inclusive('\n') {
            let line_start = offset;
            offset += raw.len();
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let at = line_start + (raw.len() - raw.trim_start().len());
            let error = |message: String| Error::at_offset(path, source.as_bytes(), at, message);
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Some(Some(match name {
                    "person" => EntityKind::Person,
                    "organization" => EntityKind::Organization,
                    "place" => EntityKind::Place,
                    "product" => EntityKind::Product,
                    "veto" => {
                        section = Some(None);
                        continue;
                    }
                    _ => {
                        return Err(error(format!(
                            "unknown section [{name}]; known: person, organization, place, product, veto"
                        )))
                    }
                }));
                continue;
            }
            let name = line.split_whitespace().collect::<Vec<_>>().join(" ");
            match section {
                None => return Err(error("a name before the first [section]".into())),
                Some(None) => {
                    lists.veto.insert(name);
                }
                Some(Some(kind)) => {
                    lists.add.insert(name, kind);
                }
            }
        }
        Ok(lists)
    }

    /// Reads a names file from disk.
    pub fn read(path: &Path) -> Result<Self> {
        let source = std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_owned(), source })?;
        Self::parse(path, &source)
    }

    /// Adds the names of `other`; its entries win.
    pub fn extend(&mut self, other: NameLists) {
        self.add.extend(other.add);
        self.veto.extend(other.veto);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sections_and_reports_positions() {
        let lists = NameLists::parse(Path::new("n.txt"), "# mine\n[person]\nAda  Lovelace\n[veto]\nKI\n").unwrap();
        assert_eq!(lists.add.get("Ada Lovelace"), Some(&EntityKind::Person));
        assert!(lists.veto.contains("KI"));
        let error = NameLists::parse(Path::new("n.txt"), "[person]\n  [people]\n").unwrap_err().to_string();
        assert!(error.starts_with("n.txt:2:3: unknown section [people]"), "{error}");
        let error = NameLists::parse(Path::new("n.txt"), "Ada\n").unwrap_err().to_string();
        assert!(error.starts_with("n.txt:1:1:"), "{error}");
    }
}

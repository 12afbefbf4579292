//! Context cue lists per language: role words before a person, kind words
//! before an organisation, place or product, heads inside names, speech and
//! report verbs. The lists are data files compiled in; users add their own.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use crate::input::Language;
use crate::text::{Endings, ListIndex};

const GERMAN_CUES: &str = include_str!("data/de.cues");
const ENGLISH_CUES: &str = include_str!("data/en.cues");

/// The sections a cue file may have.
pub const SECTIONS: &[&str] = &[
    "person-before",
    "person-rank",
    "organization-before",
    "organization-head",
    "place-before",
    "place-head",
    "product-before",
    "compound-organization",
    "compound-product",
    "speech-verb",
    "report-verb",
    "list-connector",
    "name-connector",
    "roman-numeral",
    "not-a-name",
    "organization-reference",
    "institution",
    "country-body",
    "union-of-states",
    "masculine-head",
    "neuter-head",
    "feminine-head",
    "regional-body",
    "person-class",
    "organization-class",
    "place-class",
    "work-class",
    "event-head",
    "outlet",
    "outlet-quoted",
    "plural-kind",
    "legal-form",
];

/// One section: whole words (as written and case-folded) and word endings.
#[derive(Debug, Clone, Default)]
struct Section {
    exact: HashSet<String>,
    folded: HashSet<String>,
    endings: Endings,
}

/// The cue lists of one language.
#[derive(Debug, Clone, Default)]
pub struct CueLists {
    sections: HashMap<String, Section>,
}

impl CueLists {
    /// The built-in cues for `language`, parsed once per process.
    pub fn for_language(language: Language) -> &'static Self {
        static GERMAN: OnceLock<CueLists> = OnceLock::new();
        static ENGLISH: OnceLock<CueLists> = OnceLock::new();
        let (cell, data) = match language {
            Language::De => (&GERMAN, GERMAN_CUES),
            Language::En => (&ENGLISH, ENGLISH_CUES),
        };
        cell.get_or_init(|| Self::parse(data).expect("built-in cue file is valid"))
    }

    /// Whether `word` is a company's legal form (`AG`, `Inc.`) in the
    /// built-in lists of any language: a German text writes `Apple Inc.`.
    pub fn is_legal_form(word: &str) -> bool {
        [Language::De, Language::En].into_iter().any(|language| Self::for_language(language).has("legal-form", word))
    }

    /// Reads a cue file: `[section]` headers, one entry per line, `#` comments.
    /// An error gives the line and column (from 1) and what is wrong.
    pub fn parse(data: &str) -> Result<Self, (usize, usize, String)> {
        let mut lists = Self::default();
        let mut current: Option<String> = None;
        for (line_idx, raw) in data.lines().enumerate() {
            let line = raw.trim();
            let column = raw.len() - raw.trim_start().len() + 1;
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                if !SECTIONS.contains(&name) {
                    let message = format!("unknown section [{name}]; known: {}", SECTIONS.join(", "));
                    return Err((line_idx + 1, column, message));
                }
                current = Some(name.to_owned());
            } else if let Some(section) = &current {
                lists.add(section, line);
            } else {
                return Err((line_idx + 1, column, "entry before the first [section]".into()));
            }
        }
        Ok(lists)
    }

    fn add(&mut self, section: &str, entry: &str) {
        let section = self.sections.entry(section.to_owned()).or_default();
        match entry.strip_prefix('-') {
            Some(ending) if !ending.is_empty() => {
                section.endings.insert(&ending.to_lowercase(), 0);
            }
            _ => {
                section.exact.insert(entry.to_owned());
                section.folded.insert(entry.to_lowercase());
            }
        }
    }

    /// Whether `word` is listed in `section` exactly as written.
    pub fn has(&self, section: &str, word: &str) -> bool {
        self.sections.get(section).is_some_and(|s| s.exact.contains(word))
    }

    /// Whether `word` is listed in `section` in any case, or ends in one of
    /// its endings; a compound (`KI-Unternehmen`) is judged by its last part.
    pub fn matches(&self, section: &str, word: &str) -> bool {
        self.matches_lower(section, &word.to_lowercase())
    }

    /// [`CueLists::matches`] for a word already in lower case, so that a
    /// caller asking several sections folds the word once.
    pub fn matches_lower(&self, section: &str, lower: &str) -> bool {
        self.section(section).matches_lower(lower)
    }

    /// Whether `word` is listed in `section` in any case, or is a compound
    /// with a first part before one of its endings (`Außenministerium` for
    /// `-ministerium`, not `Ministerium` itself).
    pub fn matches_compound(&self, section: &str, word: &str) -> bool {
        self.section(section).matches_with(&word.to_lowercase(), 1)
    }

    /// A section looked up once, for a caller that asks it about many words.
    pub fn section(&self, name: &str) -> CueSection<'_> {
        CueSection(self.sections.get(name))
    }
}

/// One section of a [`CueLists`] (empty if the lists lack it).
#[derive(Debug, Clone, Copy)]
pub struct CueSection<'a>(Option<&'a Section>);

impl CueSection<'_> {
    /// [`CueLists::matches_lower`] in this section.
    pub fn matches_lower(&self, lower: &str) -> bool {
        self.matches_with(lower, 0)
    }

    /// Whether the lower-case word is listed, or ends in an ending with at
    /// least `first_part` bytes before it.
    fn matches_with(&self, lower: &str, first_part: usize) -> bool {
        let Some(section) = self.0 else { return false };
        if section.folded.contains(lower) {
            return true;
        }
        let last = lower.rsplit('-').next().unwrap_or(lower);
        // `Heimatschutz-Ministerium`: the part before the hyphen is the first part.
        let first_part = if last.len() < lower.len() { 0 } else { first_part };
        section.folded.contains(last) || section.endings.of(last).any(|(len, _)| last.len() >= len + first_part)
    }
}

/// Several sections asked about one word at once, in one [`ListIndex`] of
/// their case-folded words and endings: one lookup answers what
/// [`CueSection::matches_lower`] asks each section in turn.
#[derive(Debug, Clone, Default)]
pub struct CueSet {
    index: ListIndex,
}

impl CueSet {
    /// The set of `sections` (at most 32) of `cues`; bit `n` stands for
    /// `sections[n]`.
    pub fn new(cues: &CueLists, sections: &[&str]) -> Self {
        assert!(sections.len() <= 32, "a cue set has at most 32 sections");
        let lists: Vec<Vec<String>> = sections
            .iter()
            .map(|name| {
                let Some(section) = cues.sections.get(*name) else { return Vec::new() };
                let endings = section.endings.entries().into_iter().map(|(ending, _)| format!("*{ending}"));
                section.folded.iter().cloned().chain(endings).collect()
            })
            .collect();
        Self { index: ListIndex::new(lists.iter().map(Vec::as_slice)) }
    }

    /// The sections whose `matches_lower` holds for the lower-case word: the
    /// whole word listed, or its last part after a hyphen listed or ending
    /// in a listed ending.
    pub fn matches_lower(&self, lower: &str) -> u32 {
        let last = lower.rsplit('-').next().unwrap_or(lower);
        let mut bits = [0u64];
        self.index.add_lists_of(last, &mut bits);
        if last.len() < lower.len() {
            self.index.add_whole_word_lists(lower, &mut bits);
        }
        bits[0] as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_words_endings_and_compound_parts() {
        let cues = CueLists::for_language(Language::De);
        assert!(cues.matches("person-before", "Bauingenieurin"));
        assert!(cues.matches("person-before", "Ingenieur"));
        assert!(cues.matches("organization-before", "KI-Unternehmen"));
        assert!(cues.matches("place-before", "Hafenstadt"));
        assert!(!cues.matches("person-before", "Wirbel"));
        assert!(cues.matches_compound("institution", "Außenministerium"));
        assert!(cues.matches_compound("institution", "UN-Sicherheitsrat"));
        assert!(!cues.matches_compound("institution", "Ministerium"), "an ending needs a first part");
        assert!(cues.matches("institution", "Ministerium"));
        assert!(cues.has("not-a-name", "Der"));
        // A set answers for its sections as each section would.
        let sections = ["person-before", "organization-before", "place-before", "institution"];
        let set = CueSet::new(cues, &sections);
        for word in ["bauingenieurin", "ki-unternehmen", "hafenstadt", "wirbel", "ministerium", "un-sicherheitsrat"] {
            let one_by_one = sections.iter().enumerate().filter(|(_, s)| cues.matches_lower(s, word));
            assert_eq!(set.matches_lower(word), one_by_one.fold(0, |bits, (n, _)| bits | 1 << n), "{word}");
        }
        let error = CueLists::parse("x\n").unwrap_err();
        assert_eq!((error.0, error.1), (1, 1));
        assert!(CueLists::parse("[nonsense]\n").unwrap_err().2.contains("unknown section"));
    }
}

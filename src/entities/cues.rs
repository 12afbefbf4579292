//! Context cue lists per language: role words before a person, kind words
//! before an organisation, place or product, heads inside names, speech and
//! report verbs. The lists are data files compiled in; users add their own.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

use crate::input::Language;
use crate::text::{with_lowercase, Endings, ListIndex};

const GERMAN_CUES: &str = include_str!("data/de.cues");
const ENGLISH_CUES: &str = include_str!("data/en.cues");

/// A section of a cue file. The set is closed: a file with another
/// section is refused, and code asks for a section by its variant, which
/// also indexes the lists (no name is hashed on a lookup).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    /// A role or title before a person (`Minister`, `CEO`).
    PersonBefore,
    /// A rank before a person's name and left out of it (`General`).
    PersonRank,
    /// A kind of organisation before its name (`Konzern`, `startup`).
    OrganizationBefore,
    /// The last word of an organisation's name (`Bank`, `Institute`).
    OrganizationHead,
    /// A kind of place before its name (`Stadt`, `capital`).
    PlaceBefore,
    /// The last word of a place's name (`Street`, `See`).
    PlaceHead,
    /// A kind of product before its name (`Modell`, `chip`).
    ProductBefore,
    /// The part after a name in a compound about an organisation (`X-Gründer`).
    CompoundOrganization,
    /// The part after a code in a compound about a product (`X7-Chips`).
    CompoundProduct,
    /// A verb of saying before or after a speaker.
    SpeechVerb,
    /// A verb of reporting after an outlet.
    ReportVerb,
    /// A word that opens a list of examples (`wie`, `such as`).
    ListConnector,
    /// A lower-case word inside a name (`of`, `von`, `der`).
    NameConnector,
    /// A Roman numeral that continues a name (`II`).
    RomanNumeral,
    /// A capitalised word that starts no name.
    NotAName,
    /// A noun that refers back to an organisation named before.
    OrganizationReference,
    /// A public body, or the ending of one (`-ministerium`).
    Institution,
    /// A public body that a country's name can precede (`US-Senat`).
    CountryBody,
    /// A union of states that precedes its bodies like a country (`EU`).
    UnionOfStates,
    /// A masculine German noun that ends a name.
    MasculineHead,
    /// A neuter German noun that ends a name.
    NeuterHead,
    /// A feminine German noun that ends a name.
    FeminineHead,
    /// A public body of a state that the state's adjective names (`Landtag`).
    RegionalBody,
    /// A class noun that defines a person (`politician`).
    PersonClass,
    /// A class noun that defines an organisation (`manufacturer`).
    OrganizationClass,
    /// A class noun that defines a place (`republic`).
    PlaceClass,
    /// A class noun that defines a work, which is none of the kinds (`novel`).
    WorkClass,
    /// The last word of an event's name, which is none of the kinds.
    EventHead,
    /// The short title of a news outlet.
    Outlet,
    /// A short outlet title that is an ordinary word too: only in quotation marks.
    OutletQuoted,
    /// A kind word in the plural before coordinated names (`die Firmen`).
    PluralKind,
    /// A company's legal form (`AG`, `Inc.`).
    LegalForm,
}

impl Cue {
    /// Every section, in the order of the variants.
    pub const ALL: [Cue; 32] = [
        Self::PersonBefore,
        Self::PersonRank,
        Self::OrganizationBefore,
        Self::OrganizationHead,
        Self::PlaceBefore,
        Self::PlaceHead,
        Self::ProductBefore,
        Self::CompoundOrganization,
        Self::CompoundProduct,
        Self::SpeechVerb,
        Self::ReportVerb,
        Self::ListConnector,
        Self::NameConnector,
        Self::RomanNumeral,
        Self::NotAName,
        Self::OrganizationReference,
        Self::Institution,
        Self::CountryBody,
        Self::UnionOfStates,
        Self::MasculineHead,
        Self::NeuterHead,
        Self::FeminineHead,
        Self::RegionalBody,
        Self::PersonClass,
        Self::OrganizationClass,
        Self::PlaceClass,
        Self::WorkClass,
        Self::EventHead,
        Self::Outlet,
        Self::OutletQuoted,
        Self::PluralKind,
        Self::LegalForm,
    ];

    /// The section's name in a cue file (`[person-before]`).
    pub fn name(self) -> &'static str {
        match self {
            Self::PersonBefore => "person-before",
            Self::PersonRank => "person-rank",
            Self::OrganizationBefore => "organization-before",
            Self::OrganizationHead => "organization-head",
            Self::PlaceBefore => "place-before",
            Self::PlaceHead => "place-head",
            Self::ProductBefore => "product-before",
            Self::CompoundOrganization => "compound-organization",
            Self::CompoundProduct => "compound-product",
            Self::SpeechVerb => "speech-verb",
            Self::ReportVerb => "report-verb",
            Self::ListConnector => "list-connector",
            Self::NameConnector => "name-connector",
            Self::RomanNumeral => "roman-numeral",
            Self::NotAName => "not-a-name",
            Self::OrganizationReference => "organization-reference",
            Self::Institution => "institution",
            Self::CountryBody => "country-body",
            Self::UnionOfStates => "union-of-states",
            Self::MasculineHead => "masculine-head",
            Self::NeuterHead => "neuter-head",
            Self::FeminineHead => "feminine-head",
            Self::RegionalBody => "regional-body",
            Self::PersonClass => "person-class",
            Self::OrganizationClass => "organization-class",
            Self::PlaceClass => "place-class",
            Self::WorkClass => "work-class",
            Self::EventHead => "event-head",
            Self::Outlet => "outlet",
            Self::OutletQuoted => "outlet-quoted",
            Self::PluralKind => "plural-kind",
            Self::LegalForm => "legal-form",
        }
    }

    /// The section a cue file names.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|cue| cue.name() == name)
    }
}

/// One section: whole words (as written and case-folded) and word endings.
#[derive(Debug, Clone, Default)]
struct Section {
    exact: HashSet<String>,
    folded: HashSet<String>,
    endings: Endings,
}

/// The cue lists of one language.
#[derive(Debug, Clone)]
pub struct CueLists {
    /// Indexed by [`Cue`], one for each.
    sections: Vec<Section>,
}

impl Default for CueLists {
    /// Every section, empty.
    fn default() -> Self {
        Self { sections: vec![Section::default(); Cue::ALL.len()] }
    }
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
        [Language::De, Language::En].into_iter().any(|language| Self::for_language(language).has(Cue::LegalForm, word))
    }

    /// Reads a cue file: `[section]` headers, one entry per line, `#` comments.
    /// An error gives the line and column (from 1) and what is wrong.
    pub fn parse(data: &str) -> Result<Self, (usize, usize, String)> {
        let mut lists = Self::default();
        let mut current: Option<Cue> = None;
        for (line_idx, raw) in data.lines().enumerate() {
            let line = raw.trim();
            let column = raw.len() - raw.trim_start().len() + 1;
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                let Some(cue) = Cue::from_name(name) else {
                    let known: Vec<&str> = Cue::ALL.iter().map(|cue| cue.name()).collect();
                    let message = format!("unknown section [{name}]; known: {}", known.join(", "));
                    return Err((line_idx + 1, column, message));
                };
                current = Some(cue);
            } else if let Some(cue) = current {
                lists.add(cue, line);
            } else {
                return Err((line_idx + 1, column, "entry before the first [section]".into()));
            }
        }
        Ok(lists)
    }

    fn add(&mut self, cue: Cue, entry: &str) {
        let section = &mut self.sections[cue as usize];
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
    pub fn has(&self, cue: Cue, word: &str) -> bool {
        self.sections[cue as usize].exact.contains(word)
    }

    /// Whether `word` is listed in `section` in any case, or ends in one of
    /// its endings; a compound (`KI-Unternehmen`) is judged by its last part.
    pub fn matches(&self, cue: Cue, word: &str) -> bool {
        with_lowercase(word, |lower| self.matches_lower(cue, lower))
    }

    /// [`CueLists::matches`] for a word already in lower case, so that a
    /// caller asking several sections folds the word once.
    pub fn matches_lower(&self, cue: Cue, lower: &str) -> bool {
        self.section(cue).matches_lower(lower)
    }

    /// Whether `word` is listed in `section` in any case, or is a compound
    /// with a first part before one of its endings (`Außenministerium` for
    /// `-ministerium`, not `Ministerium` itself).
    pub fn matches_compound(&self, cue: Cue, word: &str) -> bool {
        with_lowercase(word, |lower| self.section(cue).matches_with(lower, 1))
    }

    /// A section looked up once, for a caller that asks it about many words.
    pub fn section(&self, cue: Cue) -> CueSection<'_> {
        CueSection(&self.sections[cue as usize])
    }
}

/// One section of a [`CueLists`].
#[derive(Debug, Clone, Copy)]
pub struct CueSection<'a>(&'a Section);

impl CueSection<'_> {
    /// [`CueLists::matches_lower`] in this section.
    pub fn matches_lower(&self, lower: &str) -> bool {
        self.matches_with(lower, 0)
    }

    /// Whether the lower-case word is listed, or ends in an ending with at
    /// least `first_part` bytes before it.
    fn matches_with(&self, lower: &str, first_part: usize) -> bool {
        let section = self.0;
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
    pub fn new(cues: &CueLists, sections: &[Cue]) -> Self {
        assert!(sections.len() <= 32, "a cue set has at most 32 sections");
        let lists: Vec<Vec<String>> = sections
            .iter()
            .map(|&cue| {
                let section = &cues.sections[cue as usize];
                let endings = section.endings.entries().into_iter().map(|(ending, _)| format!("*{ending}"));
                section.folded.iter().cloned().chain(endings).collect()
            })
            .collect();
        Self { index: ListIndex::new(lists.iter().map(Vec::as_slice)) }
    }

    /// The set of `sections` of the built-in cues of `language`, built on
    /// first use into `cells` (German, English) and kept for the process.
    pub fn builtin(language: Language, cells: &'static [OnceLock<CueSet>; 2], sections: &[Cue]) -> &'static Self {
        let cell = &cells[usize::from(language == Language::En)];
        cell.get_or_init(|| Self::new(CueLists::for_language(language), sections))
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
        assert!(cues.matches(Cue::PersonBefore, "Bauingenieurin"));
        assert!(cues.matches(Cue::PersonBefore, "Ingenieur"));
        assert!(cues.matches(Cue::OrganizationBefore, "KI-Unternehmen"));
        assert!(cues.matches(Cue::PlaceBefore, "Hafenstadt"));
        assert!(!cues.matches(Cue::PersonBefore, "Wirbel"));
        assert!(cues.matches_compound(Cue::Institution, "Außenministerium"));
        assert!(cues.matches_compound(Cue::Institution, "UN-Sicherheitsrat"));
        assert!(!cues.matches_compound(Cue::Institution, "Ministerium"), "an ending needs a first part");
        assert!(cues.matches(Cue::Institution, "Ministerium"));
        assert!(cues.has(Cue::NotAName, "Der"));
        // A set answers for its sections as each section would.
        let sections = [Cue::PersonBefore, Cue::OrganizationBefore, Cue::PlaceBefore, Cue::Institution];
        let set = CueSet::new(cues, &sections);
        for word in ["bauingenieurin", "ki-unternehmen", "hafenstadt", "wirbel", "ministerium", "un-sicherheitsrat"] {
            let one_by_one = sections.iter().enumerate().filter(|&(_, &s)| cues.matches_lower(s, word));
            assert_eq!(set.matches_lower(word), one_by_one.fold(0, |bits, (n, _)| bits | 1 << n), "{word}");
        }
        // The variants index the lists: `ALL` lists them in their order, and
        // each name reads back as its variant.
        for (n, cue) in Cue::ALL.into_iter().enumerate() {
            assert_eq!((cue as usize, Cue::from_name(cue.name())), (n, Some(cue)));
        }
        assert!(!CueLists::default().matches(Cue::LegalForm, "AG"), "empty lists answer, and say no");
        let error = CueLists::parse("x\n").unwrap_err();
        assert_eq!((error.0, error.1), (1, 1));
        assert!(CueLists::parse("[nonsense]\n").unwrap_err().2.contains("unknown section"));
    }
}

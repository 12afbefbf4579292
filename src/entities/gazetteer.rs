//! General name lists built from open data (see NOTICE and `data/build.py`):
//! countries with their German and English names and adjectives, US states,
//! cities, the countries of towns and regions, the continents of countries, the places of 1,000
//! inhabitants or more, first names and family names, and the ordinary
//! German and English words that a capitalised name candidate must not be.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use super::EntityKind;
use crate::input::Language;
use crate::text::{list_lines, with_lowercase};

const COUNTRIES: &str = include_str!("data/countries.tsv");
const CITIES: &str = include_str!("data/cities.tsv");
const US_STATES: &str = include_str!("data/us-states.txt");
const TOWNS: &str = include_str!("data/towns.tsv");
const FIRST_NAMES: &str = include_str!("data/first-names.txt");
const FIRST_NAME_GENDERS: &str = include_str!("data/first-name-genders.tsv");
const SMALL_PLACES: &str = include_str!("data/small-places.txt");
const REGIONS: &str = include_str!("data/regions.txt");
const COUNTRY_NAMES: &str = include_str!("data/country-names.tsv");
const CONTINENTS: &str = include_str!("data/continents.tsv");
const SURNAMES: &str = include_str!("data/surnames.txt");
const GERMAN_WORDS: &str = include_str!("data/de-vocabulary.txt");
const ENGLISH_WORDS: &str = include_str!("data/en-vocabulary.txt");

/// What a list says about a name: its kind and the key under which all its
/// spellings merge (`country:US` for "USA", "US" and "Vereinigte Staaten").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listed {
    /// The kind of the named thing.
    pub kind: EntityKind,
    /// The merge key, shared by every name of the same thing.
    pub key: &'static str,
    /// Whether it is a country (their names are never ordinary words).
    pub country: bool,
}

/// Whom a first name is given to, by the census lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// Nearly always to women.
    Female,
    /// Nearly always to men.
    Male,
}

/// The lists, parsed once per process.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: HashMap<&'static str, Listed>,
    /// The first words of listed places of several words (`New`, `New
    /// York` for `New York City`), so that a search for a longer name stops
    /// where none can follow.
    place_starts: HashSet<&'static str>,
    /// The country code of every listed city, town, region and US state.
    within: HashMap<&'static str, &'static str>,
    /// Every country of a listed city whose name several countries' cities,
    /// towns or regions share (`Athens`, `Sydney`, `Ontario`), the one in
    /// `within` first.
    shared_names: HashMap<&'static str, Box<[&'static str]>>,
    adjectives: HashMap<String, &'static str>,
    /// Per country code, the country's usual English name.
    english_names: HashMap<&'static str, &'static str>,
    /// Per country code, the code of its continent.
    continent_of: HashMap<&'static str, &'static str>,
    /// The German and English names of the continents, with their codes.
    continents: HashMap<&'static str, &'static str>,
    first_names: HashSet<&'static str>,
    genders: HashMap<&'static str, Gender>,
    small_places: HashSet<&'static str>,
    /// The first-level divisions of countries: the US states.
    divisions: HashSet<&'static str>,
    surnames: HashSet<&'static str>,
    german_words: HashSet<&'static str>,
    english_words: HashSet<&'static str>,
}

impl Gazetteer {
    /// The built-in lists.
    pub fn get() -> &'static Self {
        static LISTS: OnceLock<Gazetteer> = OnceLock::new();
        LISTS.get_or_init(Self::load)
    }

    fn load() -> Self {
        // Half the large word lists are hashed on a second thread: loading
        // is most of the time kgex takes for one short article.
        let (german_words, english_words, (small_places, surnames)) = std::thread::scope(|scope| {
            let other = scope.spawn(|| (line_set(SMALL_PLACES), line_set(SURNAMES)));
            let words = (line_set(GERMAN_WORDS), line_set(ENGLISH_WORDS));
            (words.0, words.1, other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        });
        let mut lists = Self {
            first_names: line_set(FIRST_NAMES),
            genders: list_lines(FIRST_NAME_GENDERS)
                .filter_map(|line| line.split_once('\t'))
                .map(|(name, sex)| (name, if sex == "f" { Gender::Female } else { Gender::Male }))
                .collect(),
            small_places,
            surnames,
            german_words,
            english_words,
            ..Self::default()
        };
        lists.within.reserve(list_lines(TOWNS).count() + list_lines(CITIES).count());
        // Towns and regions only say where a recognised place lies; the
        // listed cities, states and countries after them win a shared name.
        for (name, code) in list_lines(TOWNS).filter_map(|line| line.split_once('\t')) {
            lists.within.insert(name, code);
        }
        // Cities first, so that a country or state of the same name wins.
        lists.load_cities();
        for state in list_lines(US_STATES) {
            lists.places.insert(state, Listed { kind: EntityKind::Place, key: state, country: false });
            lists.within.insert(state, "US");
            lists.divisions.insert(state);
        }
        lists.load_countries();
        lists.load_continents();
        for region in list_lines(REGIONS).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            lists.places.entry(region).or_insert(Listed { kind: EntityKind::Place, key: region, country: true });
        }
        let starts = lists.places.keys().flat_map(|name| name.match_indices(' ').map(|(at, _)| &name[..at]));
        lists.place_starts = starts.collect();
        lists
    }

    /// The listed cities and their countries. A name that cities of several
    /// countries share is, by default, in the country whose town of that name
    /// the town list holds (the most populous: `Athens` in Greece, not
    /// Georgia's), else in the first listed; a name only one country's city
    /// has is in that country.
    fn load_cities(&mut self) {
        let mut countries: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
        for line in list_lines(CITIES) {
            let mut fields = line.split('\t');
            let name = fields.next().unwrap_or(line);
            self.places.insert(name, Listed { kind: EntityKind::Place, key: name, country: false });
            let Some(code) = fields.next() else { continue };
            match countries.last_mut() {
                Some((last, codes)) if *last == name => codes.push(code),
                _ => countries.push((name, vec![code])),
            }
        }
        for (name, mut codes) in countries {
            // A town or region of another country is the other candidate
            // (`Ontario`: a city in the United States, a province of Canada).
            let town = self.within.get(name).copied();
            match town.and_then(|town| codes.iter().position(|&c| c == town)) {
                Some(at) => codes.swap(0, at),
                None => codes.extend(town),
            }
            self.within.insert(name, codes[0]);
            if codes.len() > 1 {
                self.shared_names.insert(name, codes.into_boxed_slice());
            }
        }
    }

    fn load_countries(&mut self) {
        for line in list_lines(COUNTRIES) {
            let mut fields = line.split('\t');
            let (Some(code), Some(lang), Some(what), Some(name)) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            if what == "adjective" {
                self.adjectives.insert(name.to_lowercase(), code);
            } else {
                // The usual English name: ASCII, at most two words, the longest (`United States`).
                let usual = lang == "en" && name.is_ascii() && name.split(' ').count() <= 2;
                if usual && self.english_names.get(code).is_none_or(|known| known.len() < name.len()) {
                    self.english_names.insert(code, name);
                }
                self.places.insert(name, Listed { kind: EntityKind::Place, key: code, country: true });
            }
        }
        // Short names the ISO list gives only in a long form (`Syria`).
        for line in list_lines(COUNTRY_NAMES).filter(|l| !l.starts_with('#')) {
            if let [code, _, name] = line.split('\t').collect::<Vec<_>>()[..] {
                self.places.entry(name).or_insert(Listed { kind: EntityKind::Place, key: code, country: true });
            }
        }
    }

    fn load_continents(&mut self) {
        for line in list_lines(CONTINENTS) {
            match line.split('\t').collect::<Vec<_>>()[..] {
                ["country", code, continent] => {
                    self.continent_of.insert(code, continent);
                }
                ["name", continent, name] => {
                    self.continents.insert(name, continent);
                }
                _ => {}
            }
        }
    }

    /// The code of the continent the country with this code lies on (`DE`
    /// → `EU`).
    pub fn continent_of_country(&self, code: &str) -> Option<&'static str> {
        self.continent_of.get(code).copied()
    }

    /// The code of the continent `name` names (`Europa`, `South America`).
    pub fn continent_named(&self, name: &str) -> Option<&'static str> {
        self.continents.get(name).copied()
    }

    /// Whether `name` is a listed first-level division of a country (a US
    /// state).
    pub fn is_division(&self, name: &str) -> bool {
        self.divisions.contains(name)
    }

    /// Whether a listed place's name starts with `words` and goes on.
    pub fn starts_place(&self, words: &str) -> bool {
        self.place_starts.contains(words)
    }

    /// The place a name denotes, if a list has it.
    pub fn place(&self, name: &str) -> Option<Listed> {
        self.places.get(name).copied()
    }

    /// The code of the country a listed city, town, region or US state lies
    /// in (a town's name that is no listed place says it too: `Ontario`).
    pub fn country_containing(&self, name: &str) -> Option<&'static str> {
        self.within.get(name).copied().filter(|_| !self.place(name).is_some_and(|l| l.country))
    }

    /// Every country a listed city, town, region or US state of this name
    /// lies in, the most likely first (`Sydney`: Australia, then Canada).
    pub fn countries_containing(&self, name: &str) -> &[&'static str] {
        if self.place(name).is_some_and(|l| l.country) {
            return &[];
        }
        match self.shared_names.get(name) {
            Some(codes) => codes,
            None => self.within.get(name).map_or(&[], std::slice::from_ref),
        }
    }

    /// The country that `word` names only as its adjective: a country
    /// adjective that is no listed place itself (`Australian`, not `Georgia`).
    pub fn country_of_demonym(&self, word: &str) -> Option<&'static str> {
        self.country_of_adjective(word).filter(|_| self.place(word).is_none())
    }

    /// The country code a country adjective refers to, for any inflected form
    /// (`chinesischen` → `CN`, `Chinese` → `CN`).
    pub fn country_of_adjective(&self, word: &str) -> Option<&'static str> {
        with_lowercase(word, |lower| {
            let endings = ["en", "es", "er", "em", "e"].iter().filter_map(|ending| lower.strip_suffix(ending));
            [lower].into_iter().chain(endings).find_map(|form| self.adjectives.get(form).copied())
        })
    }

    /// The English name of the country with this code (`CA` → `Canada`).
    pub fn english_country_name(&self, code: &str) -> Option<&'static str> {
        self.english_names.get(code).copied()
    }

    /// Whether `word` is a listed first name.
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }

    /// Whom a first name is given to, when the census lists say so clearly.
    pub fn gender(&self, first_name: &str) -> Option<Gender> {
        self.genders.get(first_name).copied()
    }

    /// Whether `name` is a place of 1,000 inhabitants or more. Many are
    /// ordinary words too, so this is evidence for the tagger, not a rule.
    pub fn is_small_place(&self, name: &str) -> bool {
        self.small_places.contains(name)
    }

    /// Whether `word` is a listed family name (also evidence, not a rule).
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }

    /// Whether `word` is an ordinary word of `language` (a German noun, an
    /// English word at the start of a sentence), rather than a name.
    pub fn is_ordinary_word(&self, language: Language, word: &str) -> bool {
        match language {
            // English words turn up capitalised in German text ("Peanuts").
            Language::De => {
                self.german_words.contains(word)
                    || is_plain_capitalised(word) && with_lowercase(word, |lower| self.english_words.contains(lower))
            }
            Language::En => with_lowercase(word, |lower| self.english_words.contains(lower)),
        }
    }

    /// Whether `word` is an ordinary German noun; English words never are.
    pub fn is_german_noun(&self, word: &str) -> bool {
        self.german_words.contains(word)
    }

    /// Whether `word` is a German noun or a compound ending in one
    /// (`Ministerpräsident`: `Präsident`). The head must be four letters or
    /// more, so that endings like `-ei` or `-er` are not taken for nouns.
    pub fn is_german_noun_compound(&self, word: &str) -> bool {
        if self.is_german_noun(word) {
            return true;
        }
        let starts_upper = word.chars().next().is_some_and(char::is_uppercase);
        starts_upper
            && word.char_indices().skip(3).any(|(at, _)| {
                let head = &word[at..];
                let mut chars = head.chars();
                let capitalised = chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>());
                head.chars().count() >= 4 && capitalised.is_some_and(|h| self.german_words.contains(h.as_str()))
            })
    }

    /// The listed place that an inflected German name denotes, with its base
    /// form: a genitive (`Frankreichs` → `Frankreich`) or an adjective's case
    /// ending inside the name (`Vereinigten Staaten` → `Vereinigte Staaten`).
    /// `None` when the name is listed as written or no base form is.
    pub fn place_inflected(&self, name: &str) -> Option<(String, Listed)> {
        // Only a final `-s` or a word in `-en` can be an ending here.
        if !name.ends_with('s') && !name.split(' ').any(|w| w.ends_with("en")) {
            return None;
        }
        // `Frances` and `Georges` are names of people, not genitives; a
        // country's genitive (`Chiles`) is one even when a surname is so spelled.
        if self.place(name).is_some() || self.is_first_name(name) {
            return None;
        }
        let genitive = name.strip_suffix('s').filter(|b| !b.ends_with(['s', 'x', 'z'])).map(str::to_owned);
        let country = genitive.as_deref().and_then(|base| self.place(base)).is_some_and(|listed| listed.country);
        if self.is_surname(name) && !country {
            return None;
        }
        let words: Vec<&str> = name.split(' ').collect();
        let last = words.len() - 1;
        // `Vereinigten Staaten` (an adjective first), `Niederlanden` (a dative
        // plural), `Vereinigten Arabischen Emiraten` (every word).
        let variants = [
            (last > 0).then(|| without_dative_n(&words, |i| i == 0)),
            Some(without_dative_n(&words, |i| i == last)),
            Some(without_dative_n(&words, |_| true)),
        ];
        std::iter::once(genitive)
            .chain(variants)
            .flatten()
            .filter(|base| base != name)
            .find_map(|base| Some((base.clone(), self.place(&base)?)))
    }
}

/// The lines of a list as a set, sized once: a list of a hundred thousand
/// words grown a line at a time rehashes itself a dozen times.
fn line_set(data: &'static str) -> HashSet<&'static str> {
    // Counting line ends alone is a vectorised count, cheaper than splitting.
    let lines = memchr::memchr_iter(b'\n', data.as_bytes()).count() + 1;
    let mut set = HashSet::with_capacity_and_hasher(lines, Default::default());
    set.extend(list_lines(data));
    set
}

/// The words joined again, those `which` picks without the `-n` of a
/// dative or weak ending (`Niederlanden` → `Niederlande`).
fn without_dative_n(words: &[&str], which: impl Fn(usize) -> bool) -> String {
    let base = |(i, w): (usize, &&str)| match w.strip_suffix('n') {
        Some(stem) if which(i) && stem.ends_with('e') => stem.to_owned(),
        _ => (*w).to_owned(),
    };
    words.iter().enumerate().map(base).collect::<Vec<_>>().join(" ")
}

fn is_plain_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_places_adjectives_first_names_and_words() {
        let lists = Gazetteer::get();
        assert_eq!(lists.place("Vereinigte Staaten").map(|l| l.key), Some("US"));
        assert_eq!(lists.place("USA").map(|l| l.key), Some("US"));
        assert_eq!(lists.place("Frankreich").map(|l| l.key), Some("FR"));
        assert_eq!(lists.place("Ohio").map(|l| l.kind), Some(EntityKind::Place));
        assert_eq!(lists.place("München").map(|l| l.kind), Some(EntityKind::Place));
        assert_eq!(lists.place("Europa").map(|l| l.country), Some(true), "a continent is listed");
        let base = |name: &str| lists.place_inflected(name).map(|(base, _)| base);
        assert_eq!(base("Niederlanden").as_deref(), Some("Niederlande"));
        assert_eq!(base("Vereinigten Arabischen Emiraten").as_deref(), Some("Vereinigte Arabische Emirate"));
        assert_eq!(base("Europas").as_deref(), Some("Europa"));
        assert_eq!(base("Chiles").as_deref(), Some("Chile"), "a country's genitive, though a surname too");
        assert_eq!(lists.country_of_adjective("französischen"), Some("FR"));
        assert_eq!(lists.country_containing("München"), Some("DE"));
        assert_eq!(lists.country_containing("Ohio"), Some("US"));
        assert_eq!(lists.country_containing("Saskatchewan"), Some("CA"), "a region");
        assert_eq!(lists.country_containing("Paris"), Some("FR"), "the most populous of its towns");
        assert_eq!(lists.country_containing("Athens"), Some("GR"), "the country of the most populous town");
        assert_eq!(lists.countries_containing("Athens"), ["GR", "US"]);
        assert_eq!(lists.countries_containing("Ohio"), ["US"]);
        assert_eq!(lists.countries_containing("Ontario"), ["US", "CA"], "a city, and a region of another country");
        assert!(lists.countries_containing("Frankreich").is_empty());
        assert!(lists.place("Saskatchewan").is_none(), "towns and regions are not recognised by list");
        assert_eq!(lists.country_containing("Frankreich"), None);
        assert_eq!(lists.country_of_adjective("Japanese"), Some("JP"));
        assert!(lists.is_first_name("Maria"));
        assert_eq!(lists.gender("Maria"), Some(Gender::Female));
        assert_eq!(lists.gender("Peter"), Some(Gender::Male));
        assert!(lists.is_small_place("Königswinter"));
        assert!(lists.is_surname("Miller"));
        assert!(lists.is_ordinary_word(Language::De, "Wirbel"));
        assert!(!lists.is_ordinary_word(Language::De, "Zalando"));
        assert!(lists.is_ordinary_word(Language::En, "Company"));
    }

    #[test]
    fn reads_inflected_places_and_compound_nouns() {
        let lists = Gazetteer::get();
        let base = |name| lists.place_inflected(name).map(|(base, listed)| (base, listed.key));
        assert_eq!(base("Frankreichs"), Some(("Frankreich".to_owned(), "FR")));
        assert_eq!(base("Vereinigten Staaten"), Some(("Vereinigte Staaten".to_owned(), "US")));
        assert_eq!(base("Frankreich"), None, "listed as written");
        assert_eq!(base("Frances"), None, "a first name");
        assert_eq!(base("Klaus"), None);
        assert!(lists.is_german_noun_compound("Ministerpräsident"));
        assert!(lists.is_german_noun_compound("Präsident"));
        assert!(!lists.is_german_noun_compound("Zalando"));
        assert!(!lists.is_german_noun_compound("präsident"), "a noun is capitalised");
    }
}

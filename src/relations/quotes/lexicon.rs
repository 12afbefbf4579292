//! The words that mark reported speech in one language: speech verbs, their
//! particles, subjunctive forms, speaker pronouns and nouns, and the frames
//! that name a source (`laut X`, `X zufolge`, `according to X`).

use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::input::Language;
use crate::text::Endings;

const GERMAN: &str = include_str!("data/de.quotes");
const GERMAN_LEARNED: &str = include_str!("data/de-learned.verbs");
const GERMAN_SUBJUNCTIVES: &str = include_str!("data/de-subjunctive.forms");
const ENGLISH: &str = include_str!("data/en.quotes");

/// The section of verb forms and their particles, one form per line.
const VERB_PARTICLES: &str = "verb-particles";

/// The sections of a quote-cue file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Verbs of saying (`sagte`, `said`).
    SpeechVerb,
    /// Verbs of saying learned from annotated data: cues only for a clause
    /// of reported speech, as many also have other senses.
    LearnedVerb,
    /// Nouns of information that stand for their source (`Angaben`,
    /// `Meinung`): `nach Angaben der Polizei`, `seiner Meinung nach`.
    InfoNoun,
    /// Separated verb particles (`teilte ... mit`).
    Particle,
    /// Verb forms that are speech cues too rarely to count as one, whatever
    /// another list says (`zeigte`, `hieß`).
    NoCue,
    /// Subjunctive forms that mark reported speech (`sei`, `habe`); in
    /// German also the subjunctive I of every listed verb (`basiere`, from
    /// `data/de-subjunctive.forms`).
    Konjunktiv,
    /// Pronouns that can name a speaker.
    Pronoun,
    /// Heads of speakers that are not names (`Sprecher`, `police`).
    SpeakerNoun,
    /// Heads that make a speaker a news outlet (`die Zeitung X`).
    OutletNoun,
    /// Frames before the source (`laut`, `according to`).
    FrameBefore,
    /// Frames after the source (`zufolge`).
    FrameAfter,
    /// `..., so X`.
    FrameSo,
    /// Words allowed between a speech verb and the speaker after it.
    Skip,
}

impl Section {
    const ALL: [Section; 13] = [
        Section::NoCue,
        Section::OutletNoun,
        Section::SpeechVerb,
        Section::LearnedVerb,
        Section::InfoNoun,
        Section::Particle,
        Section::Konjunktiv,
        Section::Pronoun,
        Section::SpeakerNoun,
        Section::FrameBefore,
        Section::FrameAfter,
        Section::FrameSo,
        Section::Skip,
    ];

    fn name(self) -> &'static str {
        match self {
            Section::SpeechVerb => "speech-verb",
            Section::LearnedVerb => "learned-verb",
            Section::InfoNoun => "info-noun",
            Section::Particle => "particle",
            Section::NoCue => "no-cue",
            Section::Konjunktiv => "konjunktiv",
            Section::Pronoun => "pronoun",
            Section::SpeakerNoun => "speaker-noun",
            Section::OutletNoun => "outlet-noun",
            Section::FrameBefore => "frame-before",
            Section::FrameAfter => "frame-after",
            Section::FrameSo => "frame-so",
            Section::Skip => "skip",
        }
    }
}

/// The quote cues of one language, in lower case.
#[derive(Debug, Default)]
pub struct Lexicon {
    words: [HashSet<String>; 13],
    /// Entries written `-ending`: compounds that end so (`-sprecher` for
    /// `Polizeisprecher`).
    endings: [Endings; 13],
    /// Multi-word frames before a source, as word lists.
    phrases: Vec<Vec<String>>,
    /// Verb forms that are speech only with one of their particles closing
    /// the clause (`[verb-particles]`: `stellte fest klar`).
    particles: HashMap<String, Vec<String>>,
}

impl Lexicon {
    /// The built-in lexicon of `language`, parsed once per process.
    pub fn for_language(language: Language) -> &'static Lexicon {
        static DE: OnceLock<Lexicon> = OnceLock::new();
        static EN: OnceLock<Lexicon> = OnceLock::new();
        match language {
            Language::De => DE.get_or_init(|| {
                let mut lexicon = Lexicon::parse(GERMAN).expect("built-in quote cues are valid");
                lexicon.add_words(Section::LearnedVerb, GERMAN_LEARNED);
                lexicon.add_words(Section::Konjunktiv, GERMAN_SUBJUNCTIVES);
                lexicon
            }),
            Language::En => EN.get_or_init(|| Lexicon::parse(ENGLISH).expect("built-in quote cues are valid")),
        }
    }

    /// Reads `[section]` headers and one entry per line; `#` starts a
    /// comment. An error names the line (from 1) and what is wrong.
    pub fn parse(data: &str) -> Result<Lexicon, (usize, String)> {
        let mut lexicon = Lexicon::default();
        let mut current: Option<Section> = None;
        let mut particles = false;
        for (n, line) in data.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                if name == VERB_PARTICLES {
                    current = None;
                    particles = true;
                    continue;
                }
                particles = false;
                let section = Section::ALL.iter().find(|s| s.name() == name);
                current = Some(*section.ok_or_else(|| (n + 1, format!("unknown section [{name}]")))?);
            } else if particles {
                lexicon.add_particles(line).map_err(|message| (n + 1, message))?;
            } else {
                let section = current.ok_or_else(|| (n + 1, "entry before the first [section]".to_owned()))?;
                lexicon.add(section, line);
            }
        }
        Ok(lexicon)
    }

    fn add(&mut self, section: Section, entry: &str) {
        let entry = entry.to_lowercase();
        if section == Section::FrameBefore && entry.contains(' ') {
            self.phrases.push(entry.split_whitespace().map(str::to_owned).collect());
        } else if let Some(ending) = entry.strip_prefix('-').filter(|e| !e.is_empty()) {
            self.endings[section as usize].insert(ending, 0);
        } else {
            self.words[section as usize].insert(entry);
        }
    }

    /// `verb particle...`: the verb form and the particles that make it speech.
    fn add_particles(&mut self, line: &str) -> Result<(), String> {
        let mut words = line.split_whitespace().map(str::to_lowercase);
        let verb = words.next().unwrap_or_default();
        let particles: Vec<String> = words.collect();
        if particles.is_empty() {
            return Err(format!("'{verb}' needs at least one particle"));
        }
        // At the end of a subordinate clause the particle is written joined
        // to the verb (`wie der Richter ausführte`): that form is speech alone.
        // Not a present plural, which is also the infinitive (`dürfte
        // ankündigen` is no report).
        let infinitive = verb.ends_with("en") && !verb.ends_with("ten");
        for particle in particles.iter().filter(|_| !infinitive) {
            self.add(Section::SpeechVerb, &format!("{particle}{verb}"));
        }
        self.particles.entry(verb).or_default().extend(particles);
        Ok(())
    }

    /// The particles that make the lower-case verb form `word` speech, if it
    /// is listed with some.
    pub fn particles_of(&self, word: &str) -> Option<&[String]> {
        self.particles.get(word).map(Vec::as_slice)
    }

    fn add_words(&mut self, section: Section, data: &str) {
        let entries = data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
        for entry in entries {
            self.add(section, entry);
        }
    }

    /// Whether the lower-case `word` is listed in `section`.
    pub fn has(&self, section: Section, word: &str) -> bool {
        self.words[section as usize].contains(word)
    }

    /// Whether the lower-case `word` is listed in `section` or is a compound
    /// ending in one of its `-ending` entries.
    pub fn listed(&self, section: Section, word: &str) -> bool {
        self.has(section, word) || self.ends_in(section, word)
    }

    /// Whether the lower-case `word` is a compound ending in one of the
    /// `-ending` entries of `section`, with at least three letters before it.
    pub fn ends_in(&self, section: Section, word: &str) -> bool {
        self.endings[section as usize].of(word).any(|(len, _)| word.len() > len + 2)
    }

    /// The length in words of the multi-word source frame starting at
    /// `words[0]`, if one does.
    pub fn phrase_at(&self, words: &[&str]) -> Option<usize> {
        self.phrases
            .iter()
            .find(|phrase| phrase.len() <= words.len() && phrase.iter().zip(words).all(|(p, w)| p == w))
            .map(Vec::len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sections_phrases_and_learned_verbs() {
        let german = Lexicon::for_language(Language::De);
        assert!(german.has(Section::SpeechVerb, "sagte"));
        // From the learned list only: `fordern` in debates gives `forderten`.
        assert!(german.has(Section::LearnedVerb, "beantragte"));
        assert_eq!(german.phrase_at(&["unter", "berufung", "auf", "x"]), Some(3));
        assert!(
            german.ends_in(Section::SpeakerNoun, "polizeisprecher")
                && !german.ends_in(Section::SpeakerNoun, "sprecher")
        );
        assert_eq!(german.phrase_at(&["unter", "berlin"]), None);
        let english = Lexicon::for_language(Language::En);
        assert_eq!(english.phrase_at(&["according", "to", "x"]), Some(2));
        let particles = german.particles_of("stellte").unwrap_or_default();
        assert!(particles.iter().any(|p| p == "fest") && !particles.iter().any(|p| p == "vor"));
        assert!(Lexicon::parse("[verb-particles]\nstellte\n").unwrap_err().1.contains("particle"));
        assert_eq!(Lexicon::parse("x\n").unwrap_err().0, 1);
        assert!(Lexicon::parse("[nonsense]\n").unwrap_err().1.contains("nonsense"));
    }
}

//! A recogniser driven by context cues: role words before a person, heads
//! and suffixes of organisation names, place and product cues, and speech
//! verbs. The cue lists are data files per language.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::{EntityKind, Mention, Recognizer};
use crate::input::Language;
use crate::text::{tokenize, Sentence, Span, Token, TokenKind};

const GERMAN_CUES: &str = include_str!("data/de.cues");
const ENGLISH_CUES: &str = include_str!("data/en.cues");

/// The cue lists of one language.
#[derive(Debug, Clone, Default)]
pub struct CueRecognizer {
    sections: HashMap<String, HashSet<String>>,
    /// The same words in lower case, for lookups that ignore case.
    folded: HashMap<String, HashSet<String>>,
}

impl CueRecognizer {
    /// The built-in cues for `language`, parsed once per process.
    pub fn for_language(language: Language) -> &'static Self {
        static GERMAN: OnceLock<CueRecognizer> = OnceLock::new();
        static ENGLISH: OnceLock<CueRecognizer> = OnceLock::new();
        let (cell, data) = match language {
            Language::De => (&GERMAN, GERMAN_CUES),
            Language::En => (&ENGLISH, ENGLISH_CUES),
        };
        cell.get_or_init(|| Self::parse(data).expect("built-in cue file is valid"))
    }

    /// Reads a cue file: `[section]` headers, one word per line, `#` comments.
    /// The error gives the line (from 1) and what is wrong.
    pub fn parse(data: &str) -> Result<Self, (usize, String)> {
        let mut sections: HashMap<String, HashSet<String>> = HashMap::new();
        let mut current: Option<String> = None;
        for (line_idx, line) in data.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                current = Some(name.to_owned());
                sections.entry(name.to_owned()).or_default();
            } else if let Some(section) = &current {
                sections.entry(section.clone()).or_default().insert(line.to_owned());
            } else {
                return Err((line_idx + 1, "word before the first [section]".into()));
            }
        }
        let folded = sections
            .iter()
            .map(|(name, words)| (name.clone(), words.iter().map(|word| word.to_lowercase()).collect()))
            .collect();
        Ok(Self { sections, folded })
    }

    /// Whether `word` is listed in `section`.
    pub fn has(&self, section: &str, word: &str) -> bool {
        self.sections.get(section).is_some_and(|words| words.contains(word))
    }

    /// Whether `word` is listed in `section`, ignoring case.
    pub fn has_folded(&self, section: &str, word: &str) -> bool {
        self.folded.get(section).is_some_and(|words| words.contains(&word.to_lowercase()))
    }

    /// Whether the token could be (part of) a name: capitalised or with a
    /// digit among letters (`Q7`, `x2-mini`), and not a listed function word.
    fn is_name_token(&self, text: &str, token: &Token) -> bool {
        let word = token.text(text);
        let first = word.chars().next().unwrap_or(' ');
        let has_digit = word.chars().any(|c| c.is_ascii_digit());
        let has_letter = word.chars().any(char::is_alphabetic);
        token.kind == TokenKind::Word
            && !self.has("not-a-name", word)
            && (first.is_uppercase() || has_digit && has_letter)
    }

    /// Whether `word` is a cue before a name (a role, or an organisation,
    /// place or product word), which is never part of the name itself.
    fn is_cue_word(&self, word: &str) -> bool {
        ["person-before", "organization-before", "place-before", "product-before"]
            .iter()
            .any(|section| self.has(section, word))
    }

    /// The runs of name tokens, joined over `for`/`of` inside organisation names.
    fn name_runs(&self, text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        let mut idx = 0;
        while idx < tokens.len() {
            if !self.is_name_token(text, &tokens[idx]) {
                idx += 1;
                continue;
            }
            if self.is_cue_word(tokens[idx].text(text)) {
                idx += 1;
                continue;
            }
            let start = idx;
            while idx + 1 < tokens.len() {
                let next = &tokens[idx + 1];
                let joins_with_connector = matches!(next.text(text), "for" | "of")
                    && tokens.get(idx + 2).is_some_and(|t| self.is_name_token(text, t));
                if self.is_name_token(text, next) && !self.is_cue_word(next.text(text)) {
                    idx += 1;
                } else if joins_with_connector {
                    idx += 2;
                } else {
                    break;
                }
            }
            runs.push((start, idx + 1));
            idx += 1;
        }
        runs
    }

    /// The kind a run gets from its context, or `None` without a cue.
    fn kind_of(
        &self,
        text: &str,
        tokens: &[Token],
        (start, end): (usize, usize),
    ) -> Option<(EntityKind, &'static str)> {
        let before = start.checked_sub(1).map(|i| tokens[i].text(text));
        let before_two = start.checked_sub(2).map(|i| tokens[i].text(text));
        let last = tokens[end - 1].text(text);
        let words: Vec<&str> = tokens[start..end].iter().map(|t| t.text(text)).collect();
        let cue = |section: &str, word: Option<&str>| word.is_some_and(|w| self.has_folded(section, w));
        if words.len() > 1 && words.iter().any(|w| self.has("organization-head", w)) {
            return Some((EntityKind::Organization, "cue/organization-head"));
        }
        if cue("person-before", before) {
            return Some((EntityKind::Person, "cue/person-before"));
        }
        if cue("organization-before", before) {
            return Some((EntityKind::Organization, "cue/organization-before"));
        }
        if cue("place-before", before) {
            return Some((EntityKind::Place, "cue/place-before"));
        }
        let next_is_product = tokens.get(end).is_some_and(|t| is_product_code(t.text(text)));
        if next_is_product && end - start == 1 && possessive_base(last).is_some() {
            return Some((EntityKind::Organization, "cue/possessive-maker"));
        }
        if cue("product-before", before) || is_product_code(last) {
            return Some((EntityKind::Product, "cue/product"));
        }
        let after = tokens.get(end).map(|t| t.text(text));
        let after_two = tokens.get(end + 1).map(|t| t.text(text));
        let reported = matches!(after, Some("berichtet" | "berichtete" | "reported" | "reports"));
        let outlet_before =
            matches!(before, Some("wie" | "Wie" | "die" | "(")) || matches!(before_two, Some("wie" | "Wie"));
        if reported && outlet_before {
            return Some((EntityKind::Organization, "cue/reporting-outlet"));
        }
        let apposition = after == Some(",")
            && after_two.is_some_and(|w| {
                w.chars().next().is_some_and(char::is_lowercase) || self.has_folded("person-before", w)
            });
        let spoken = cue("speech-verb", before) || apposition;
        if spoken && (2..=4).contains(&words.len()) {
            return Some((EntityKind::Person, "cue/speaker-or-apposition"));
        }
        None
    }

    /// A mention for a compound whose second part is a cue, such as an
    /// organisation before `-Gründer` or a product before `-Chips`.
    fn compound_mention(&self, text: &str, token: &Token) -> Option<Mention> {
        let word = token.text(text);
        let (head, tail) = word.rsplit_once('-')?;
        let kind = if self.has("compound-organization", tail) {
            EntityKind::Organization
        } else if self.has("compound-product", tail) && head.chars().any(|c| c.is_ascii_digit()) {
            EntityKind::Product
        } else {
            return None;
        };
        let head = strip_genitive(head);
        let span = Span::new(token.span.start, token.span.start + head.len());
        Some(Mention { span, kind, name: head.to_owned(), role: None, origin: "cue/compound" })
    }
}

/// `Q700`, `Z3`, `x2-mini`: letters and digits mixed in one short word.
fn is_product_code(word: &str) -> bool {
    let has_digit = word.chars().any(|c| c.is_ascii_digit());
    let has_letter = word.chars().any(|c| c.is_ascii_alphabetic());
    has_digit && has_letter && word.chars().count() <= 12 && !word.contains('.')
}

/// The base form of an English possessive (`Acme's` → `Acme`). German
/// genitives need to know the name first; see [`possessive_base`].
pub fn strip_genitive(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}

/// The owner in a possessive before a product: `Mondtechs` → `Mondtech`,
/// `Acme's` → `Acme`.
pub fn possessive_base(word: &str) -> Option<&str> {
    let base = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).or_else(|| word.strip_suffix('s'))?;
    base.chars().next().is_some_and(char::is_uppercase).then_some(base)
}

impl Recognizer for CueRecognizer {
    fn recognize(&self, text: &str, sentence: &Sentence) -> Vec<Mention> {
        let tokens = tokenize(text, sentence.span);
        let mut mentions: Vec<Mention> = tokens.iter().filter_map(|t| self.compound_mention(text, t)).collect();
        for run in self.name_runs(text, &tokens) {
            let Some((kind, origin)) = self.kind_of(text, &tokens, run) else {
                continue;
            };
            let span = Span::new(tokens[run.0].span.start, tokens[run.1 - 1].span.end);
            if mentions.iter().any(|m| m.span.start < span.end && span.start < m.span.end) {
                continue;
            }
            let role = run.0.checked_sub(1).map(|i| tokens[i].text(text)).filter(|w| self.has("person-before", w));
            let (span, name) = match origin {
                "cue/possessive-maker" => {
                    let base = possessive_base(&text[span.range()]).unwrap_or_default();
                    (Span::new(span.start, span.start + base.len()), base.to_owned())
                }
                _ => (span, strip_genitive(&text[span.range()]).to_owned()),
            };
            mentions.push(Mention {
                span,
                kind,
                name,
                role: role.filter(|_| kind == EntityKind::Person).map(str::to_owned),
                origin,
            });
        }
        mentions.sort_by_key(|m| m.span);
        mentions
    }
}

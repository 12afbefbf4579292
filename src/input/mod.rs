//! Input documents: plain text files, folders of them, JSON Lines and
//! standard input.

mod read;
mod stream;

pub use self::read::{list_sources, read_inputs, read_source, InputError, Source};
pub use self::stream::{stream_source, JsonLines};

/// The language of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Language {
    /// German.
    #[default]
    De,
    /// English.
    En,
}

impl Language {
    /// The BCP 47 tag.
    pub const fn tag(self) -> &'static str {
        match self {
            Language::De => "de",
            Language::En => "en",
        }
    }

    /// Guesses German or English from frequent function words; German wins
    /// ties because it is the first input language.
    pub fn detect(text: &str) -> Self {
        const GERMAN: &[&str] = &[
            "der", "die", "das", "und", "ist", "nicht", "mit", "sich", "den", "von", "für", "auf", "dem", "ein",
            "eine", "auch",
        ];
        const ENGLISH: &[&str] =
            &["the", "and", "is", "of", "to", "in", "that", "with", "for", "on", "was", "it", "by", "from", "a", "an"];
        let (mut german, mut english) = (0, 0);
        for word in text.split(|c: char| !c.is_alphabetic()).take(5_000) {
            let word = word.to_lowercase();
            german += usize::from(GERMAN.contains(&word.as_str()));
            english += usize::from(ENGLISH.contains(&word.as_str()));
        }
        if english > german {
            Language::En
        } else {
            Language::De
        }
    }
}

impl std::str::FromStr for Language {
    type Err = String;

    fn from_str(tag: &str) -> Result<Self, Self::Err> {
        match tag {
            "de" => Ok(Language::De),
            "en" => Ok(Language::En),
            _ => Err(format!("unknown language '{tag}' (expected de or en)")),
        }
    }
}

/// One input article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Name, unique within a run: the path relative to the folder given, or
    /// the `id` of a JSON Lines record.
    pub name: String,
    /// The headline: the first line when it has no final punctuation.
    pub title: String,
    /// The text as read, a byte order mark included; every span points into it.
    pub text: String,
    /// Its language.
    pub language: Language,
    /// Where it came from.
    pub path: Option<String>,
    /// Publication date, ISO 8601, when the input gives one.
    pub date: Option<String>,
    /// Where it was published, when the input gives it.
    pub url: Option<String>,
}

impl Document {
    /// A document from a string.
    pub fn from_text(name: &str, text: &str, language: Language) -> Self {
        Self {
            name: name.to_owned(),
            title: headline(text).unwrap_or(name).to_owned(),
            text: text.to_owned(),
            language,
            path: None,
            date: None,
            url: None,
        }
    }
}

/// The first non-empty line, when it reads as a headline: short and without
/// final punctuation.
fn headline(text: &str) -> Option<&str> {
    let line = text.lines().map(|line| line.trim_matches(is_blank)).find(|line| !line.is_empty())?;
    let ends_sentence = line.ends_with(['.', '!', '?', ':', ';', ',']);
    (line.chars().count() <= 200 && !ends_sentence).then_some(line)
}

/// White space, or the byte order mark that may start a file.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

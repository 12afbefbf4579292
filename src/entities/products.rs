//! Products named after their maker: `Opel Ampera`, `Toyota Camry V6`,
//! `Mitsubishi iMiEV`, `Airbus A380`. The model words right after an
//! organisation's name make a product, and a name the tagger took for a
//! place that is a maker's name and model words is one.

use super::gazetteer::Gazetteer;
use super::{Cue, CueLists, EntityKind, Mention, Resolution, ResolvedEntity};
use crate::input::Language;
use crate::text::{Span, Token, TokenKind};

/// The origin of the mentions added here.
pub const MAKER_PRODUCT_ORIGIN: &str = "name/maker-product";

/// The most model words after a maker's name.
const MAX_MODEL_WORDS: usize = 3;

/// Finds the products named after their maker in a resolved document:
/// retypes the entities whose name is a maker's and model words, and adds a
/// product for model words after a maker's mention.
pub fn add_maker_products(
    text: &str,
    language: Language,
    tokens: &[Vec<Token>],
    mentions: &mut [Vec<Mention>],
    resolution: &mut Resolution,
) {
    let models = ModelWords::new(language);
    retype_named_products(&models, mentions, resolution);
    for n in 0..tokens.len() {
        let mut found = Vec::new();
        for (m, mention) in mentions[n].iter().enumerate() {
            let maker = &resolution.entities[resolution.assignments[n][m]];
            // A name, not a reference to one (`das Unternehmen`).
            let written = &text[mention.span.range()];
            if maker.kind != EntityKind::Organization || !maker.names().any(|name| name == written) {
                continue;
            }
            let plain = models.before_model(text, &tokens[n], mention.span.start);
            if let Some(model) = models.after(text, &tokens[n], &mentions[n], mention.span.end, plain) {
                found.push((text[mention.span.start..model.end].to_owned(), model));
            }
        }
        for (name, span) in found {
            let entity = product_entity(resolution, name.clone());
            let mention = Mention::new(span, EntityKind::Product, name, MAKER_PRODUCT_ORIGIN);
            let at = mentions[n].partition_point(|m| m.span < span);
            mentions[n].insert(at, mention);
            resolution.assignments[n].insert(at, entity);
        }
    }
}

/// `Toyota Avalon` tagged a place beside `Toyota`: a place's entity whose
/// label is an organisation's and model words becomes a product, and so do
/// its mentions. (An organisation's stays one: `Conradty COVA` beside
/// `Conradty` is a firm of the group.)
fn retype_named_products(models: &ModelWords, mentions: &mut [Vec<Mention>], resolution: &mut Resolution) {
    let entities = &resolution.entities;
    let makers: Vec<&str> =
        entities.iter().filter(|e| e.kind == EntityKind::Organization).map(|e| e.label.as_str()).collect();
    let products: Vec<usize> = (0..entities.len())
        .filter(|&e| entities[e].kind == EntityKind::Place)
        .filter(|&e| {
            let label = &entities[e].label;
            let rest = |maker: &&str| label.strip_prefix(maker).and_then(|r| r.strip_prefix(' '));
            makers.iter().filter_map(rest).any(|words| models.are_model_words(words))
        })
        .collect();
    for &e in &products {
        resolution.entities[e].kind = EntityKind::Product;
    }
    for (sentence, assigned) in mentions.iter_mut().zip(&resolution.assignments) {
        for (mention, e) in sentence.iter_mut().zip(assigned) {
            if products.contains(e) {
                mention.kind = EntityKind::Product;
            }
        }
    }
}

/// The document's product entity labelled `name`, new if there is none.
fn product_entity(resolution: &mut Resolution, label: String) -> usize {
    let known = resolution.entities.iter().position(|e| e.kind == EntityKind::Product && e.label == label);
    known.unwrap_or_else(|| {
        resolution.entities.push(ResolvedEntity { kind: EntityKind::Product, label, aliases: Default::default() });
        resolution.entities.len() - 1
    })
}

/// What a model's name is made of, in one language.
struct ModelWords {
    language: Language,
    lists: &'static Gazetteer,
    cues: &'static CueLists,
}

impl ModelWords {
    fn new(language: Language) -> Self {
        Self { language, lists: Gazetteer::get(), cues: CueLists::for_language(language) }
    }

    /// Whether the words before byte `start` of a sentence open a German
    /// noun phrase of a model rather than a firm: `der Opel Ampera`, `des
    /// schwedischen Koenigsegg NVL Quant` (a firm's name takes no masculine
    /// or neuter article).
    fn before_model(&self, text: &str, tokens: &[Token], start: usize) -> bool {
        let at = tokens.partition_point(|t| t.span.end <= start);
        let word = |back: usize| at.checked_sub(back).map_or("", |i| tokens[i].text(text));
        let article = |w: &str| matches!(w, "der" | "dem" | "den" | "des" | "das" | "Der" | "Das" | "Den" | "Dem");
        let adjective = |w: &str| w.starts_with(char::is_lowercase) && w.ends_with(['e', 'n', 'r', 's', 'm']);
        self.language == Language::De && (article(word(1)) || adjective(word(1)) && article(word(2)))
    }

    /// The span of the model words that follow byte `end` of a sentence,
    /// each one space after the last and inside no mention; plain words
    /// only when `plain` (else a code must be among them).
    fn after(&self, text: &str, tokens: &[Token], mentions: &[Mention], end: usize, plain: bool) -> Option<Span> {
        let first = tokens.iter().position(|t| t.span.start >= end)?;
        let mut last_end = end;
        let mut model: Option<Span> = None;
        for token in tokens[first..].iter().take(MAX_MODEL_WORDS) {
            let covered = mentions.iter().any(|m| m.span.start < token.span.end && token.span.start < m.span.end);
            let spaced = &text[last_end..token.span.start] == " ";
            // `SPD 45,6`: a number with separators is a share, not a model.
            let wordlike = token.kind == TokenKind::Word
                || token.kind == TokenKind::Number && token.text(text).chars().all(|c| c.is_ascii_digit());
            if covered || !spaced || !wordlike || !self.is_model_word(token.text(text)) {
                break;
            }
            model = Some(Span::new(model.map_or(token.span.start, |m| m.start), token.span.end));
            last_end = token.span.end;
        }
        // Plain words after a firm's name more often name a part of it (`CNN
        // Worldwide`, `BBC HD`) than a model; a code does not (`A380`,
        // `iMiEV`). Nor does an owner (`Square Enix's`).
        let words = &text[model?.range()];
        let possessive = text[model?.end..].starts_with(['\'', '’']);
        // A number alone is a model's only after an article (`der Boeing
        // 747`, not `NPR 100 Sender`).
        ((plain || words.split(' ').any(is_code)) && !possessive).then_some(model?)
    }

    /// Whether every word of `words` is a model word.
    fn are_model_words(&self, words: &str) -> bool {
        let count = words.split(' ').count();
        count <= MAX_MODEL_WORDS && words.split(' ').all(|w| self.is_model_word(w))
    }

    /// `Ampera`, `iMiEV`, `NVL`, `V6`, `747`: a word that names a model, not
    /// an ordinary word, a place, a first name, or a word of an
    /// organisation's or a person's title (`AG`, `Inc`, `CEO`).
    fn is_model_word(&self, word: &str) -> bool {
        let Some(first) = word.chars().next() else { return false };
        // `F.C.`, `Co.`: abbreviations are parts of firms' names.
        if word.contains('.') {
            return false;
        }
        if word.chars().all(|c| c.is_ascii_digit()) {
            // `der Boeing 747`, not `Siemens 2010`.
            let number: u32 = word.parse().unwrap_or(0);
            return (3..=4).contains(&word.len()) && !(1800..=2099).contains(&number);
        }
        if !(first.is_uppercase() || is_code(word)) {
            return false;
        }
        let lower = word.to_lowercase();
        let cue = |section| self.cues.matches_lower(section, &lower);
        let listed_place = self.lists.place(word).is_some() || !self.lists.countries_containing(word).is_empty();
        // `Vorratsdatenspeicherung`: a German compound noun is no model.
        let noun = self.language == Language::De && self.lists.is_german_noun_compound(word);
        !self.lists.is_ordinary_word(self.language, word)
            && !noun
            && !listed_place
            && !self.lists.is_first_name(word)
            && self.lists.country_of_demonym(word).is_none()
            && ![Cue::OrganizationHead, Cue::PlaceHead, Cue::PersonBefore, Cue::NotAName].into_iter().any(cue)
    }
}

/// `A380`, `V6`, `X-15`, `iMiEV`, `iPlayer`: letters and digits in one word,
/// or a capital inside a word that starts in lower case (not after a hyphen:
/// `al-Zarqawi` is a name).
fn is_code(word: &str) -> bool {
    let inner_capital =
        word.starts_with(char::is_lowercase) && !word.contains('-') && word.chars().skip(1).any(char::is_uppercase);
    inner_capital || super::is_product_code(word)
}

/// Whether a product's name is a maker's name and model words (`Opel
/// Ampera` after `Opel`).
pub fn is_named_after(language: Language, product: &str, maker: &str) -> bool {
    let rest = product.strip_prefix(maker).and_then(|rest| rest.strip_prefix(' '));
    rest.is_some_and(|words| ModelWords::new(language).are_model_words(words))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_words_and_codes() {
        let german = ModelWords::new(Language::De);
        for word in ["Ampera", "iMiEV", "NVL", "A380", "747"] {
            assert!(german.is_model_word(word), "{word}");
        }
        for word in ["Prozent", "Vorratsdatenspeicherung", "AG", "Bremen", "Peter", "F.C.", "Chef", "neue"] {
            assert!(!german.is_model_word(word), "{word}");
        }
        assert!(is_code("iPlayer") && is_code("X-15") && is_code("A380"));
        assert!(!is_code("al-Zarqawi") && !is_code("30th") && !is_code("Worldwide") && !is_code("747"));
        assert!(is_named_after(Language::De, "Opel Ampera", "Opel"));
        assert!(!is_named_after(Language::De, "Opeline", "Opel"));
        assert!(!is_named_after(Language::De, "Siemens Energie", "Siemens"));
    }
}

//! The rule-based recogniser: finds runs of name words in a sentence and
//! gives each a kind from its context (cues), from the general lists
//! (gazetteer) or from its shape; runs without evidence are left out, since
//! in German a capital letter alone marks every noun.

use std::sync::OnceLock;

use super::cues::{Cue, CueLists, CueSet};
use super::gazetteer::{Gazetteer, Listed};
use super::inflection::{
    adjective_base, compound_head, genitive_bases, is_possessive, possessive_base, strip_genitive, NounGender,
};
use super::quoted_names::quoted_names;
use super::regional_bodies::regional_body;
use super::{EntityKind, Mention, Recognizer};
use crate::input::Language;
use crate::text::{is_mark_token, with_lowercase, Sentence, Span, Token, TokenKind};

/// Finds and classifies names with cues, lists and word shapes.
#[derive(Debug, Clone, Copy)]
pub struct NameRecognizer {
    language: Language,
    cues: &'static CueLists,
    /// The sections of [`KIND_CUES`], asked together.
    kind_cues: &'static CueSet,
    lists: &'static Gazetteer,
}

/// A sentence's tokens with their texts, for looking around a run.
pub(crate) struct Context<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub words: Vec<&'a str>,
}

impl<'a> Context<'a> {
    pub fn new(text: &'a str, tokens: &'a [Token]) -> Self {
        Self { text, tokens, words: tokens.iter().map(|t| t.text(text)).collect() }
    }

    /// The word at `idx`, or "" outside the sentence.
    pub fn word(&self, idx: usize) -> &'a str {
        self.words.get(idx).copied().unwrap_or("")
    }

    /// The word `back` tokens before `idx`, or "".
    pub fn before(&self, idx: usize, back: usize) -> &'a str {
        idx.checked_sub(back).map_or("", |i| self.word(i))
    }

    pub fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.tokens[start].span.start, self.tokens[end - 1].span.end)
    }
}

/// The cue sections of words that state the kind of the name after them
/// (`die Agentur X`), with that kind and the origin of the mentions they give.
pub(super) const KIND_CUES: [(Cue, EntityKind, &str); 4] = [
    (Cue::PersonBefore, EntityKind::Person, "cue/person-before"),
    (Cue::OrganizationBefore, EntityKind::Organization, "cue/organization-before"),
    (Cue::PlaceBefore, EntityKind::Place, "cue/place-before"),
    (Cue::ProductBefore, EntityKind::Product, "cue/product-before"),
];

/// The origin of a public body found by the institution cues.
const INSTITUTION: &str = "cue/institution";

/// A classified run before it becomes a mention.
struct Found {
    kind: EntityKind,
    origin: &'static str,
    key: Option<&'static str>,
}

impl NameRecognizer {
    /// The recogniser with the built-in cues and lists of `language`.
    pub fn new(language: Language) -> Self {
        static KIND_SETS: [OnceLock<CueSet>; 2] = [OnceLock::new(), OnceLock::new()];
        let kind_cues = CueSet::builtin(language, &KIND_SETS, &KIND_CUES.map(|(cue, _, _)| cue));
        Self { language, cues: CueLists::for_language(language), kind_cues, lists: Gazetteer::get() }
    }

    /// The language whose cues and lists it uses.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Whether `word` starts with a capital or mixes letters and digits
    /// (`A7`, `x2-mini`), and is no function word or cue.
    fn is_name_word(&self, word: &str) -> bool {
        let first = word.chars().next().unwrap_or(' ');
        let mixed = is_product_code(word);
        let inner_capital = first.is_lowercase() && word.chars().skip(1).any(char::is_uppercase);
        (first.is_uppercase() || mixed || inner_capital)
            && !self.cues.has(Cue::NotAName, word)
            // `das Außenministerium` is a body of its own, though `-ministerium` ends kind words.
            && (!self.is_kind_cue(word) || self.institution_base(word).is_some())
            && !word.ends_with('-')
    }

    /// Whether `word` is a role or kind word that precedes names.
    pub(super) fn is_kind_cue(&self, word: &str) -> bool {
        with_lowercase(word, |lower| self.kind_cues.matches_lower(lower)) != 0
            && !self.cues.has(Cue::OrganizationHead, word)
            && !self.cues.has(Cue::PlaceHead, word)
    }

    /// Whether the run's words are all ordinary vocabulary (no name); a
    /// listed first name counts as a name.
    fn is_ordinary(&self, ctx: &Context, (start, end): (usize, usize)) -> bool {
        (start..end).all(|i| {
            let word = ctx.word(i);
            // A connector inside a run (`der`, `of`) is neither name nor noun.
            if self.cues.has(Cue::NameConnector, word) {
                return true;
            }
            if self.lists.is_first_name(word) {
                return false;
            }
            let last = word.rsplit('-').next().unwrap_or(word);
            self.lists.is_ordinary_word(self.language, word) || self.lists.is_german_noun(last)
        })
    }

    /// Maximal runs of name words, joined over connectors inside names
    /// (`Bank of X`), Roman numerals (`X II`) and split compounds
    /// (`Informations- und Y`).
    fn runs(&self, ctx: &Context) -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        let mut idx = 0;
        while idx < ctx.words.len() {
            if ctx.tokens[idx].kind != TokenKind::Word || !self.is_name_word(ctx.word(idx)) {
                idx += 1;
                continue;
            }
            let start = idx;
            idx += 1;
            // A public body ends its run: `des Föderationsrates Viktor Oserow`,
            // `Das Auswärtige Amt der Bundesrepublik Deutschland`.
            let ends = |idx: usize| {
                self.ends_run(ctx.word(idx - 1))
                    || self.cues.has(Cue::NameConnector, ctx.word(idx)) && self.is_body_of_words(ctx, start, idx)
                    || self.agent_after_name(ctx, (start, idx))
            };
            while let Some(next) = self.continues(ctx, idx).filter(|_| !ends(idx)) {
                idx = next;
            }
            runs.push((start, idx));
        }
        runs
    }

    /// Whether German `von` after the name `run` introduces a common noun:
    /// `Beerscheba von Raketen getroffen` is a place and what hit it, not
    /// one name; `Bucht von Bengalen` and `Otto von Bismarck` go on.
    fn agent_after_name(&self, ctx: &Context, (start, end): (usize, usize)) -> bool {
        let common_after = || {
            let next = ctx.word(end + 1);
            !self.lists.is_first_name(next) && self.lists.is_german_noun_compound(next)
        };
        self.language == Language::De
            && ctx.word(end) == "von"
            && common_after()
            && !self.is_ordinary(ctx, (start, end))
    }

    /// Where a run that has reached `idx` goes on to, if it does.
    fn continues(&self, ctx: &Context, idx: usize) -> Option<usize> {
        let word = ctx.word(idx);
        let is_name = |i: usize| {
            ctx.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word) && {
                let w = ctx.word(i);
                self.is_name_word(w) || self.cues.has(Cue::OrganizationHead, w) || self.cues.has(Cue::PlaceHead, w)
            }
        };
        // `Xs Q7`: a possessive owner ends the run before a product code.
        let owner_then_product = is_product_code(word) && possessive_base(ctx.before(idx, 1)).is_some();
        if owner_then_product {
            return None;
        }
        if is_name(idx) || self.cues.has(Cue::RomanNumeral, word) {
            return Some(idx + 1);
        }
        // `George D. Warrington`: a middle initial and its full stop.
        let initial = |w: &str| w.chars().count() == 1 && w.chars().all(char::is_uppercase);
        if word == "." && idx > 0 && initial(ctx.word(idx - 1)) && is_name(idx + 1) {
            return Some(idx + 1);
        }
        if self.cues.has(Cue::NameConnector, word) && is_name(idx + 1) {
            return Some(idx + 2);
        }
        let split_compound = word.ends_with('-') && word.len() > 1 && word.chars().next()?.is_uppercase();
        (split_compound && matches!(ctx.word(idx + 1), "und" | "oder" | "and" | "or") && is_name(idx + 2))
            .then_some(idx + 3)
    }

    /// The kind of a run from the words inside it, around it, or the lists.
    fn classify(&self, ctx: &Context, run: (usize, usize), sentence_start: bool) -> Option<Found> {
        let (start, end) = run;
        let found = |kind, origin| Some(Found { kind, origin, key: None });
        let words = &ctx.words[start..end];
        // German capitalises every noun: `Spitze der Bank` is all ordinary words, no name.
        // But not adjectives: inside a sentence, `Neue Demokratische Partei` is a name.
        let (head, leading) = words.split_last()?;
        let adjective = |w: &&str| {
            w.starts_with(char::is_uppercase) && ["e", "en", "er", "es", "em"].iter().any(|e| w.ends_with(e))
        };
        let named_by_adjectives = self.language == Language::De
            && !sentence_start
            && !leading.is_empty()
            && leading.iter().all(adjective)
            && self.cues.has(Cue::OrganizationHead, head);
        let generic = self.language == Language::De && !named_by_adjectives && self.is_ordinary(ctx, run);
        if !generic
            && (words.len() > 1 && words[1..].iter().any(|w| self.cues.has(Cue::OrganizationHead, w))
                || words.len() > 1 && self.cues.has(Cue::OrganizationHead, words[0]) && !sentence_start)
        {
            return found(EntityKind::Organization, "head/organization");
        }
        if words.len() > 1 && words[1..].iter().any(|w| self.cues.has(Cue::PlaceHead, w)) {
            return found(EntityKind::Place, "head/place");
        }
        let name = ctx.text[ctx.span(start, end).range()].to_owned();
        // `das Auswärtige Amt`, `des Auswärtigen Amtes`: a listed body in a case form.
        if self.institution_base(&name).is_some() || self.is_inflected_body(&name) {
            return found(EntityKind::Organization, INSTITUTION);
        }
        // A listed city that is also a noun (Essen, Halle) needs a preposition.
        let after_preposition =
            matches!(ctx.before(start, 1), "in" | "aus" | "nach" | "bei" | "nahe" | "from" | "to" | "near");
        let listed = self
            .lists
            .place(&name)
            .or_else(|| self.inflected_place(&name).map(|(_, listed)| listed))
            .filter(|l| l.country || after_preposition || !self.is_ordinary(ctx, run));
        if let Some(listed) = listed {
            return Some(Found { kind: listed.kind, origin: "list/place", key: Some(listed.key) });
        }
        // `die Organisation Schätzungen zufolge`: a German noun after a kind word is no name.
        let noun_after_kind = || self.language == Language::De && end - start == 1 && self.is_ordinary(ctx, run);
        let kind_before = self.kind_before(ctx, start).filter(|_| !noun_after_kind());
        if let Some(found) = kind_before {
            return Some(found);
        }
        // `35-Jährige`, `100-Meter-Lauf`: a number before a noun is no product's code.
        let tail = words[words.len() - 1].rsplit('-').next().unwrap_or_default();
        let counted_noun = self.language == Language::De && self.lists.is_german_noun(tail);
        if is_product_code(words[words.len() - 1]) && !self.lists.is_german_noun(words[0]) && !counted_noun {
            return found(EntityKind::Product, "shape/product-code");
        }
        if self.is_person_by_first_name(ctx, run) {
            return found(EntityKind::Person, "list/first-name");
        }
        None
    }

    /// The kind from weaker context: a report verb after an outlet, a speech
    /// verb before a speaker, an apposition after a person.
    fn classify_weak(&self, ctx: &Context, (start, end): (usize, usize)) -> Option<Found> {
        let found = |kind, origin| Some(Found { kind, origin, key: None });
        let cue = |section: Cue, word: &str| !word.is_empty() && self.cues.matches(section, word);
        let (before, after) = (ctx.before(start, 1), ctx.word(end));
        if cue(Cue::ReportVerb, after)
            && (cue(Cue::ListConnector, before) || before == "(" || ctx.before(start, 2) == "wie")
        {
            return found(EntityKind::Organization, "cue/reporting-outlet");
        }
        // `X, the startup ...`, `X, das Startup ...`: an apposition naming a kind of organisation.
        let article = matches!(ctx.word(end + 1), "the" | "a" | "an" | "das" | "die" | "der" | "ein" | "eine");
        if after == "," && article && cue(Cue::OrganizationBefore, ctx.word(end + 2)) {
            return found(EntityKind::Organization, "cue/organization-apposition");
        }
        let spoken = cue(Cue::SpeechVerb, before) || before == "to" && ctx.before(start, 2) == "according";
        let apposition = after == "," && self.starts_apposition(ctx, end + 1);
        // Many family names are nouns too, so after a speech verb two or more
        // capitalised words are a speaker even when all are in the vocabulary.
        let plausible = spoken || !self.is_ordinary(ctx, (start, end));
        if (spoken || apposition) && (2..=4).contains(&(end - start)) && plausible {
            return found(EntityKind::Person, "cue/speaker-or-apposition");
        }
        None
    }

    /// The kind given by a cue word right before the run, or before a list
    /// connector (`Konzerne wie X`).
    fn kind_before(&self, ctx: &Context, start: usize) -> Option<Found> {
        let mut cue_at = start.checked_sub(1)?;
        // `der Agentur „Interfax“`: a name in quotation marks after its kind.
        if is_mark_token(ctx.word(cue_at)) && cue_at > 0 {
            cue_at -= 1;
        }
        if self.cues.matches(Cue::ListConnector, ctx.word(cue_at)) && cue_at > 0 {
            cue_at -= 1;
            if ctx.word(cue_at) == "such" || ctx.word(cue_at) == "as" {
                cue_at = cue_at.checked_sub(1)?;
            }
        }
        let sections = with_lowercase(ctx.word(cue_at), |lower| self.kind_cues.matches_lower(lower));
        let via_list = cue_at + 1 < start;
        // The first of the kinds in the order of `KIND_CUES`.
        KIND_CUES
            .iter()
            .enumerate()
            .filter(|(_, (_, kind, _))| !via_list || *kind != EntityKind::Person)
            .find(|&(n, _)| sections >> n & 1 == 1)
            .map(|(_, &(_, kind, origin))| Found { kind, origin, key: None })
    }

    /// A first name from the lists followed by a capitalised word that is no
    /// ordinary noun: `Maria Keller`.
    fn is_person_by_first_name(&self, ctx: &Context, (start, end): (usize, usize)) -> bool {
        let first = ctx.word(start);
        // `So I ...`: the pronoun `I` is no surname.
        let rest_plain = (start + 1..end).all(|i| !ctx.word(i).contains('-') && ctx.word(i) != "I");
        // Many first and family names are nouns too (Rose, Berg): one of the
        // two may be, not both.
        let surname_noun = (start + 1..end).any(|i| self.lists.is_german_noun(ctx.word(i)));
        // `eine Art Mörser`: after an article a first name that is a German
        // noun is that noun.
        let article = matches!(
            ctx.before(start, 1),
            "ein" | "eine" | "einer" | "einem" | "einen" | "eines" | "der" | "die" | "das" | "den" | "dem" | "des"
        );
        let first_noun = self.lists.is_german_noun(first);
        (2..=4).contains(&(end - start))
            && self.lists.is_first_name(first)
            && rest_plain
            && !(surname_noun && first_noun)
            && !(self.language == Language::De && article && first_noun)
    }

    /// Whether an apposition starts at `idx`: an article or a lower-case word
    /// (`, einem ehemaligen`, `, leitender Forscher`) or a role (`, CEO of`).
    fn starts_apposition(&self, ctx: &Context, idx: usize) -> bool {
        let word = ctx.word(idx);
        let lower_start = word.chars().next().is_some_and(char::is_lowercase);
        lower_start && word.chars().all(char::is_alphabetic) || self.cues.matches(Cue::PersonBefore, word)
    }

    /// Mentions inside compounds: `X-Gründer` (organisation), `X7-Chips`
    /// (product), `US-Bundesstaat` (a listed place).
    fn compound_mention(&self, ctx: &Context, idx: usize) -> Option<Mention> {
        let word = ctx.word(idx);
        let (head, tail) = compound_head(word)?;
        let start = ctx.tokens[idx].span.start;
        let listed = self.lists.place(head);
        // `US-Innenministeriums`, `US-Armee`, `EU-Kommission`: a country's (or a
        // union of states') public body is the body.
        let state = listed.is_some() || self.cues.has(Cue::UnionOfStates, head);
        if state && self.language == Language::De {
            let body = |tail: &str| self.cues.matches(Cue::CountryBody, tail);
            // `US-Senats`, `US-Repräsentantenhauses`: the genitive is read as its base.
            let body_base =
                genitive_bases(tail).find(|b| body(b)).map(|b| &word[..word.len() - (tail.len() - b.len())]);
            if let Some(base) = self.institution_base(word).or(body_base) {
                let span = Span::new(start, start + base.len());
                return Some(Mention::new(span, EntityKind::Organization, base.to_owned(), INSTITUTION));
            }
        }
        let (kind, origin, key) = if let Some(listed) = listed {
            (listed.kind, "list/place-in-compound", Some(listed.key))
        } else if self.cues.matches(Cue::CompoundOrganization, tail) && self.is_name_word(head) {
            (EntityKind::Organization, "cue/compound-organization", None)
        } else if self.cues.has(Cue::CompoundProduct, tail) && head.chars().any(|c| c.is_ascii_digit()) {
            (EntityKind::Product, "cue/compound-product", None)
        } else {
            return None;
        };
        let head = strip_genitive(head);
        let span = Span::new(start, start + head.len());
        Some(Mention::new(span, kind, head.to_owned(), origin).with_key(key))
    }

    /// A run classified as `found`, with its base form.
    fn mention(&self, ctx: &Context, (first, end): (usize, usize), found: Found) -> Mention {
        let start = if found.kind == EntityKind::Person { self.person_start(ctx, (first, end)) } else { first };
        let span = ctx.span(start, end);
        let surface = &ctx.text[span.range()];
        let possessive = self.language == Language::De
            && found.kind != EntityKind::Product
            && (is_product_code(ctx.word(end)) || self.lists.is_german_noun_compound(ctx.word(end)));
        let base = match possessive.then(|| possessive_base(surface)).flatten() {
            Some(base) => base,
            None if found.origin == INSTITUTION => self.institution_base(surface).unwrap_or(surface),
            None => strip_genitive(surface),
        };
        let inflected = self.inflected_place(surface).filter(|(_, listed)| listed.kind == found.kind);
        let inflected = inflected.map(|(name, _)| name).or_else(|| self.nominative(base, found.kind));
        let (base, end) = match inflected {
            // The span keeps the case ending when the base form is not a prefix.
            Some(name) => {
                (name.clone(), span.start + if surface.starts_with(&name) { name.len() } else { surface.len() })
            }
            None => (base.to_owned(), span.start + base.len()),
        };
        let role = (found.kind == EntityKind::Person)
            .then(|| ctx.before(first, 1))
            .filter(|w| self.cues.matches(Cue::PersonBefore, w))
            .map(str::to_owned);
        let mut mention = Mention::new(Span::new(span.start, end), found.kind, base, found.origin).with_key(found.key);
        mention.role = role;
        mention
    }

    /// Whether the words from `start` to `end` name a listed public body of
    /// more than one word, in any case (`Auswärtige Amt`).
    fn is_body_of_words(&self, ctx: &Context, start: usize, end: usize) -> bool {
        let name = &ctx.text[ctx.span(start, end).range()];
        self.language == Language::De
            && name.contains(' ')
            && (self.cues.has(Cue::Institution, name) || self.is_inflected_body(name))
    }

    /// `das Auswärtige Amt`, `des Auswärtigen Amtes`: a listed public body of
    /// several words in a case form.
    fn is_inflected_body(&self, name: &str) -> bool {
        name.contains(' ')
            && self.nominative(name, EntityKind::Organization).is_some_and(|n| self.cues.has(Cue::Institution, &n))
    }

    /// Whether a run of names ends after `word`: a public body written as
    /// one compound (German only: English names of bodies are capitalised).
    fn ends_run(&self, word: &str) -> bool {
        self.language == Language::De && !word.contains(' ') && self.institution_base(word).is_some()
    }

    /// The base form of a public body written as a compound
    /// (`Außenministeriums` → `Außenministerium`), if `name` is one.
    fn institution_base<'n>(&self, name: &'n str) -> Option<&'n str> {
        genitive_bases(name).find(|base| {
            let single = !base.contains(' ') && self.cues.matches_compound(Cue::Institution, base);
            single || self.cues.has(Cue::Institution, base)
        })
    }

    /// The nominative of a German organisation's or place's name whose
    /// leading adjectives carry a case ending: `(der) Frankfurter Allgemeinen
    /// Zeitung` → `Frankfurter Allgemeine Zeitung`, `(der) Deutschen Bahn` →
    /// `Deutsche Bahn`. Only adjectives the vocabulary knows in both forms
    /// change; a leading word of any other kind leaves the name as it is.
    fn nominative(&self, name: &str, kind: EntityKind) -> Option<String> {
        let named = matches!(kind, EntityKind::Organization | EntityKind::Place);
        // `Italienischen Institut für Ur- und Frühgeschichte`: the words
        // before a connector are inflected, what follows is in its own case.
        let core_end = name.split(' ').position(|w| w.starts_with(char::is_lowercase)).unwrap_or(usize::MAX);
        let mut words: Vec<&str> = name.split(' ').take(core_end).collect();
        // `Kunsthistorischen Museums Wien`: a place after the head keeps its form.
        let place_after = words.len() >= 3 && words.last().is_some_and(|w| self.lists.place(w).is_some());
        if place_after {
            words.pop();
        }
        let rest: Vec<&str> = name.split(' ').skip(words.len()).collect();
        let (last, leading) = words.split_last().filter(|_| self.language == Language::De && named)?;
        let (head, gender) = self.head_gender(last);
        // `des UN-Büros`: a compound's genitive ending goes.
        if leading.is_empty() && rest.is_empty() && last.contains('-') && head != *last {
            return Some(head.to_owned());
        }
        let ordinary = |w: &str| self.lists.is_ordinary_word(Language::De, w);
        let mut out: Vec<String> = Vec::with_capacity(words.len());
        for word in leading {
            match adjective_base(word, gender, ordinary) {
                Some(base) => out.push(base),
                // City adjectives do not inflect: `Frankfurter`.
                None if word.ends_with("er") => out.push((*word).to_owned()),
                None => return None,
            }
        }
        out.push(head.to_owned());
        out.extend(rest.iter().map(|w| (*w).to_owned()));
        let nominative = out.join(" ");
        (!leading.is_empty() && nominative != name).then_some(nominative)
    }

    /// A name's last noun without its genitive ending, and its gender when
    /// the lists know it (`Kreuzes` → `Kreuz`, neuter; `Zeitung`, feminine).
    fn head_gender<'w>(&self, last: &'w str) -> (&'w str, Option<NounGender>) {
        let lower = last.to_lowercase();
        for base in genitive_bases(&lower).filter(|b| b.chars().count() >= 3) {
            // The same cut of the word as written: the ending cut off is ASCII.
            let written = &last[..last.len() - (lower.len() - base.len())];
            if self.cues.matches_lower(Cue::MasculineHead, base) {
                return (written, Some(NounGender::Masculine));
            }
            if self.cues.matches_lower(Cue::NeuterHead, base) {
                return (written, Some(NounGender::Neuter));
            }
        }
        // Feminine nouns have no genitive ending.
        let feminine = self.cues.matches_lower(Cue::FeminineHead, &lower).then_some(NounGender::Feminine);
        (last, feminine)
    }

    /// The listed place a German name with a case ending denotes.
    fn inflected_place(&self, name: &str) -> Option<(String, Listed)> {
        (self.language == Language::De).then(|| self.lists.place_inflected(name)).flatten()
    }

    /// `Ana Ruiz of Heaven Sent Gaming`: in English, capitalised words
    /// after a person's name and `of` name where the person belongs, an
    /// organisation, unless a list has them as a place. Many names of firms
    /// are ordinary words, so two or more are enough; one must be no word.
    pub(super) fn affiliations(&self, ctx: &Context, mentions: &[Mention]) -> Vec<Mention> {
        if self.language != Language::En {
            return Vec::new();
        }
        let people = mentions.iter().filter(|m| m.kind == EntityKind::Person);
        let after = |m: &Mention| ctx.tokens.iter().position(|t| t.span.start >= m.span.end);
        people
            .filter_map(|person| {
                let of = after(person).filter(|&i| ctx.word(i) == "of")?;
                let start = of + 1;
                let end = (start..ctx.words.len())
                    .find(|&i| ctx.tokens[i].kind != TokenKind::Word || !self.is_name_word(ctx.word(i)))
                    .unwrap_or(ctx.words.len());
                let named = end - start >= 2 || end > start && !self.is_ordinary(ctx, (start, end));
                let span = named.then(|| ctx.span(start, end))?;
                let name = &ctx.text[span.range()];
                let free = !mentions.iter().any(|m| m.span.start < span.end && span.start < m.span.end);
                (free && self.lists.place(name).is_none())
                    .then(|| Mention::new(span, EntityKind::Organization, name.to_owned(), "cue/person-of"))
            })
            .collect()
    }

    /// `Delaware River Port Authority and Port Authority Transit Corp`: two
    /// organisations joined by `and`/`und` when each part has a word that
    /// ends organisations' names; other mentions stay as they are.
    pub(super) fn split_coordinated(&self, text: &str, mentions: Vec<Mention>) -> Vec<Mention> {
        let headed = |part: &str| part.split(' ').skip(1).any(|w| self.cues.has(Cue::OrganizationHead, w));
        let mut out = Vec::with_capacity(mentions.len());
        for mention in mentions {
            let surface = &text[mention.span.range()];
            let joint = [" and ", " und "].iter().find_map(|j| surface.find(j).map(|at| (at, j.len())));
            match joint {
                Some((at, len))
                    if mention.kind == EntityKind::Organization
                        && headed(&surface[..at])
                        && headed(&surface[at + len..]) =>
                {
                    let (first, second) = (
                        Span::new(mention.span.start, mention.span.start + at),
                        Span::new(mention.span.start + at + len, mention.span.end),
                    );
                    for span in [first, second] {
                        out.push(Mention::new(
                            span,
                            EntityKind::Organization,
                            text[span.range()].to_owned(),
                            mention.origin,
                        ));
                    }
                }
                _ => out.push(mention),
            }
        }
        out
    }

    /// The kind the last word of a name of several words states
    /// (`Morogoro Region`, `Andraé Crouch Choir`): it wins over the tagger's.
    pub(super) fn head_kind(&self, name: &str) -> Option<EntityKind> {
        let mut words = name.split_whitespace();
        let last = words.next_back()?;
        words.next()?;
        if self.cues.has(Cue::OrganizationHead, last) {
            Some(EntityKind::Organization)
        } else if self.cues.has(Cue::PlaceHead, last) {
            Some(EntityKind::Place)
        } else {
            None
        }
    }

    /// Whether an English `name` is a country's adjective and no listed
    /// place (`Australian`, not `Georgia`): the country-adjective pass makes
    /// it a mention of the country, not a place of its own.
    pub(super) fn is_country_adjective(&self, name: &str) -> bool {
        self.language == Language::En && !name.contains(' ') && self.lists.country_of_demonym(name).is_some()
    }

    /// Whether `name` names an event by its last word (`2002 Winter
    /// Olympics`, `Zweiter Weltkrieg`): none of kgex's kinds.
    pub(super) fn is_event(&self, name: &str) -> bool {
        name.split_whitespace().last().is_some_and(|last| self.cues.matches(Cue::EventHead, last))
    }

    /// `Saudi Arabia's Civil Defense Authority`, `Mecca's Grand Mosque`: a
    /// run in which a word with a possessive `'s` (not the last) ends a
    /// listed place; the place's mention and the run of the words after it.
    pub(super) fn owning_place(
        &self,
        ctx: &Context,
        (start, end): (usize, usize),
    ) -> Option<(Mention, (usize, usize))> {
        if self.language == Language::De {
            return self.genitive_place(ctx, (start, end));
        }
        let mark = (start..end - 1).find(|&i| is_possessive(ctx.word(i)))?;
        let base_end = ctx.tokens[mark].span.start + strip_genitive(ctx.word(mark)).len();
        let span = Span::new(ctx.tokens[start].span.start, base_end);
        let place = &ctx.text[span.range()];
        let listed = self.lists.place(place)?;
        let mention =
            Mention::new(span, listed.kind, place.to_owned(), "cue/possessive-place").with_key(Some(listed.key));
        Some((mention, (mark + 1, end)))
    }

    /// `Papua-Neuguineas National Maritime Safety Authority`: a German run
    /// that opens with a listed place in the genitive; the place's mention
    /// (in its base form) and the run of the words after it.
    fn genitive_place(&self, ctx: &Context, (start, end): (usize, usize)) -> Option<(Mention, (usize, usize))> {
        let word = ctx.word(start);
        if end - start < 2 || !word.ends_with('s') {
            return None;
        }
        let (base, listed) = self.lists.place_inflected(word)?;
        // `Bagus Puruhito`: a town's name in `-s` before one word that is no
        // noun is more likely a person's first name than a genitive.
        if !listed.country && end - start == 2 && !self.is_ordinary(ctx, (start + 1, end)) {
            return None;
        }
        let mention =
            Mention::new(ctx.tokens[start].span, listed.kind, base, "cue/genitive-place").with_key(Some(listed.key));
        Some((mention, (start + 1, end)))
    }

    /// Where a person's name in `run` starts: after the last lower-case word
    /// that is no particle, and after leading ranks (`General Suleiman
    /// al-Amr`, `Justice Thomas`, `Major-General Scott`).
    fn person_start(&self, ctx: &Context, run: (usize, usize)) -> usize {
        let mut start = after_lower_case(ctx, run);
        let rank = |word: &str| matches!(word, "-" | "–") || self.cues.matches(Cue::PersonRank, word);
        // `Dr. Okafor`, `Mr. Okafor`: an abbreviated title and its full stop.
        let title = |i: usize| ctx.word(i + 1) == "." && self.is_title(&format!("{}.", ctx.word(i)));
        // `Duke of Edinburgh`: a rank with its `of` is the name itself.
        let of_follows = |i: usize| i + 1 < run.1 && ctx.word(i + 1) == "of";
        loop {
            if run.1 - start > 1 && rank(ctx.word(start)) && !of_follows(start) {
                start += 1;
            } else if run.1 - start > 2 && title(start) {
                start += 2;
            } else {
                return start;
            }
        }
    }

    /// Whether the lists know `name` as a place (a country, city, town,
    /// region or US state), with its merge key when it has one.
    pub(super) fn listed_place(&self, name: &str) -> Option<Option<&'static str>> {
        let variant = || self.lists.place(&unhyphenated(name).or_else(|| abbreviation(name))?);
        match self.lists.place(name).or_else(variant) {
            Some(listed) if listed.kind == EntityKind::Place => Some(Some(listed.key)),
            Some(_) => None,
            None => self.lists.country_containing(name).map(|_| None),
        }
    }

    /// Whether `word` is a title, role or rank put before a person's name.
    pub(super) fn is_title(&self, word: &str) -> bool {
        self.cues.matches(Cue::PersonBefore, word) || self.cues.matches(Cue::PersonRank, word)
    }

    /// Whether the cue lists say `word` is never (part of) a name.
    pub(super) fn is_never_a_name(&self, word: &str) -> bool {
        // `It’s totally oriented`: a contraction is no possessive of a name.
        self.cues.has(Cue::NotAName, strip_genitive(word))
    }

    /// A mention of tokens `run` that another layer (the tagger) found, with
    /// the base form, role and list key the rules give their own mentions.
    pub(super) fn mention_of(
        &self,
        ctx: &Context,
        run: (usize, usize),
        kind: EntityKind,
        origin: &'static str,
    ) -> Mention {
        let mut run = self.completed(ctx, run);
        if kind == EntityKind::Organization && self.cues.has(Cue::OrganizationHead, ctx.word(run.1 - 1)) {
            run.1 = self.of_phrase_end(ctx, run.1);
        }
        let name = &ctx.text[ctx.span(run.0, run.1).range()];
        // A listed place with a case ending is that place, whatever the tagger says.
        let listed = self.lists.place(name);
        let inflected = self.inflected_place(name).map(|(_, listed)| listed);
        let kind = inflected.map_or(kind, |listed| listed.kind);
        // `Harrow School`, `Collins College`: a word that only organisations
        // end their names with outweighs the tagger's place or person.
        let head = |w: &&str| self.cues.has(Cue::OrganizationHead, w);
        // A head opens names with a connector (`Mouvement de Libération du Congo`).
        let connected = ctx.words[run.0..run.1].iter().any(|w| self.cues.has(Cue::NameConnector, w));
        let headed = ctx.words[run.0 + 1..run.1].iter().any(head) || connected && head(&ctx.word(run.0));
        let kind = if headed && listed.is_none() { EntityKind::Organization } else { kind };
        let key = listed.or(inflected).filter(|l| l.kind == kind).map(|l| l.key);
        self.mention(ctx, run, Found { kind, origin, key })
    }

    /// `California Institute` + `of Technology`: the end of an
    /// organisation's name whose head goes on over `of` or `for` and
    /// capitalised words (English names, also in German text; not `Boston
    /// Red Sox of Major League Baseball`); `end` when it does not.
    fn of_phrase_end(&self, ctx: &Context, end: usize) -> usize {
        let joins = end < ctx.tokens.len() && matches!(ctx.word(end), "of" | "for");
        let is_name = |i: usize| {
            ctx.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
                && ctx.word(i).starts_with(char::is_uppercase)
                && !self.is_never_a_name(ctx.word(i))
        };
        if !joins || !is_name(end + 1) {
            return end;
        }
        (end + 1..ctx.tokens.len()).take_while(|&i| is_name(i)).last().map_or(end, |last| last + 1)
    }

    /// A run that stops after a split compound and its conjunction
    /// (`Institut für Ur- und`) goes on to the compound's second part; one
    /// ending in a company's abbreviation takes its full stop.
    fn completed(&self, ctx: &Context, (start, end): (usize, usize)) -> (usize, usize) {
        let split = end >= start + 2
            && matches!(ctx.word(end - 1), "und" | "oder" | "and" | "or")
            && ctx.word(end - 2).ends_with('-');
        let next_is_name =
            ctx.tokens.get(end).is_some_and(|t| t.kind == TokenKind::Word) && self.is_name_word(ctx.word(end));
        // `Dotalliance Inc.`: the full stop of a company's abbreviation is the name's.
        let abbreviation = matches!(ctx.word(end - 1), "Inc" | "Ltd" | "Corp" | "Co" | "Bros") && ctx.word(end) == ".";
        // `Benedikt XVI.`: German writes a ruler's number as an ordinal.
        let regnal =
            self.language == Language::De && end >= start + 2 && self.cues.has(Cue::RomanNumeral, ctx.word(end - 1));
        let abbreviation = abbreviation || regnal && ctx.word(end) == ".";
        if split && next_is_name || abbreviation {
            (start, end + 1)
        } else {
            (start, end)
        }
    }

    /// The owner in `Xs Y-product` / `X's Y` as an organisation.
    fn possessive_maker(&self, ctx: &Context, (start, end): (usize, usize)) -> Option<Found> {
        let next = ctx.word(end);
        let owner = ctx.word(end - 1);
        let product_next = is_product_code(next) || compound_head(next).is_some_and(|(h, _)| is_product_code(h));
        (end - start == 1 && product_next && possessive_base(owner).is_some() && owner != possessive_base(owner)?)
            .then_some(Found { kind: EntityKind::Organization, origin: "cue/possessive-maker", key: None })
    }
}

/// The first word of `run` after its last lower-case word that is no
/// particle of a name (`US political activist and philosopher Noam Chomsky`
/// is `Noam Chomsky`; `Ursula von der Leyen`, `Suleiman al-Amr`, `John of
/// Luxembourg` keep theirs).
fn after_lower_case(ctx: &Context, (start, end): (usize, usize)) -> usize {
    const PARTICLES: [&str; 30] = [
        "von", "van", "vom", "zu", "de", "der", "den", "des", "da", "di", "du", "del", "della", "la", "le", "los",
        "las", "ter", "ten", "dos", "das", "bin", "ibn", "ben", "bint", "al", "el", "y", "of", "the",
    ];
    let breaks = |i: &usize| {
        let word = ctx.word(*i);
        word.starts_with(char::is_lowercase) && !word.contains('-') && !PARTICLES.contains(&word)
    };
    (start..end - 1).rev().find(breaks).map_or(start, |i| i + 1)
}

/// `Q700`, `Z3`, `x2-mini`: letters and digits mixed in one short word.
/// Not `40-jährige` or `1990er`: a number with a lower-case word ending.
pub fn is_product_code(word: &str) -> bool {
    let has_digit = word.chars().any(|c| c.is_ascii_digit());
    let has_letter = word.chars().any(char::is_alphabetic);
    let number_with_ending = word.starts_with(|c: char| c.is_ascii_digit())
        && word.chars().filter(|c| c.is_alphabetic()).all(char::is_lowercase);
    has_digit && has_letter && !number_with_ending && word.chars().count() <= 12 && !word.contains('.')
}

impl Recognizer for NameRecognizer {
    fn recognize(&self, text: &str, _sentence: &Sentence, tokens: &[Token]) -> Vec<Mention> {
        let ctx = Context::new(text, tokens);
        let mut mentions = quoted_names(&ctx, self.cues);
        let compounds: Vec<Mention> = (0..tokens.len())
            .filter_map(|i| self.compound_mention(&ctx, i))
            .filter(|c| !mentions.iter().any(|m| m.span.overlaps(c.span)))
            .collect();
        mentions.extend(compounds);
        // A body noun in the list, with or without its genitive ending; its
        // gender is asked only then (the endings are dearer to test).
        let body = |word: &str| {
            let base = genitive_bases(word).find(|b| self.cues.has(Cue::RegionalBody, b))?;
            Some((base.to_owned(), self.head_gender(base).1))
        };
        mentions.extend((0..tokens.len()).filter_map(|i| regional_body(&ctx, i, body)));
        let runs = self.runs(&ctx);
        let mut kinds: Vec<Option<EntityKind>> = Vec::with_capacity(runs.len());
        for (n, &run) in runs.iter().enumerate() {
            let sentence_start = run.0 == 0 || matches!(ctx.before(run.0, 1), "\"" | "„" | "“" | "»" | ":" | "(");
            let found = self
                .possessive_maker(&ctx, run)
                .or_else(|| self.classify(&ctx, run, sentence_start))
                .or_else(|| self.coordinated(&ctx, &runs, &kinds, n))
                .or_else(|| self.classify_weak(&ctx, run));
            kinds.push(found.as_ref().map(|f| f.kind));
            let Some(found) = found else { continue };
            let mention = self.mention(&ctx, self.completed(&ctx, run), found);
            if !mentions.iter().any(|m| m.span.start < mention.span.end && mention.span.start < m.span.end) {
                mentions.push(mention);
            }
        }
        mentions.sort_by_key(|m| m.span);
        mentions
    }
}

impl NameRecognizer {
    /// The kind of the run before, for the second of `X und Y`, `X, Y`.
    fn coordinated(
        &self,
        ctx: &Context,
        runs: &[(usize, usize)],
        kinds: &[Option<EntityKind>],
        n: usize,
    ) -> Option<Found> {
        let previous = n.checked_sub(1)?;
        let kind = kinds[previous]?;
        let gap = runs[n].0 - runs[previous].1;
        let joined = gap == 1 && matches!(ctx.word(runs[previous].1), "und" | "oder" | "and" | "or" | "sowie" | ",");
        // `EADS, Flugzeugbauer wie Boeing`, `... sowie Werkstoffspezialisten`: a
        // German compound noun in a list of names is none of them.
        let (start, end) = runs[n];
        let compound =
            self.language == Language::De && end - start == 1 && self.lists.is_german_noun_compound(ctx.word(start));
        let name = !self.is_ordinary(ctx, runs[n]) && !compound;
        // After `die Firmen` every name of the list is stated to be a firm.
        let stated = kind == EntityKind::Organization && self.after_plural_kind(ctx, runs, n);
        let origin = if stated { "cue/organization-before" } else { "cue/coordination" };
        (joined && name).then_some(Found { kind, origin, key: None })
    }

    /// Whether the list of names that run `n` ends follows a plural kind
    /// word (`die Firmen X, Y und Z`).
    fn after_plural_kind(&self, ctx: &Context, runs: &[(usize, usize)], n: usize) -> bool {
        let mut first = n;
        while first > 0
            && runs[first].0 == runs[first - 1].1 + 1
            && matches!(ctx.word(runs[first - 1].1), "und" | "oder" | "sowie" | ",")
        {
            first -= 1;
        }
        runs[first].0 > 0 && self.cues.matches(Cue::PluralKind, ctx.word(runs[first].0 - 1))
    }
}

/// An abbreviation written other than its listed form: `U. S.` and `U.S`
/// (whose full stop ended the sentence) for `U.S.`. `None` for other names.
fn abbreviation(name: &str) -> Option<String> {
    let letters = name.split('.').map(str::trim).filter(|part| !part.is_empty());
    let initials = name.contains('.') && letters.clone().all(|part| part.chars().count() == 1);
    initials.then(|| letters.map(|letter| format!("{letter}.")).collect())
}

/// A name written with a hyphen that its listed form leaves out:
/// `Nord-Korea` → `Nordkorea`. `None` without a hyphen between letters.
fn unhyphenated(name: &str) -> Option<String> {
    let (head, tail) = name.split_once('-')?;
    let mut rest = tail.chars();
    let first = rest.next().filter(|c| c.is_uppercase() && head.ends_with(char::is_alphabetic))?;
    Some(format!("{head}{}{}", first.to_lowercase(), rest.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_name_starts_after_the_last_lower_case_word_that_is_no_particle() {
        let start = |text: &str| {
            let tokens = crate::text::tokenize(text, crate::text::Span::new(0, text.len()));
            let ctx = Context::new(text, &tokens);
            let first = after_lower_case(&ctx, (0, tokens.len()));
            text[tokens[first].span.start..].to_owned()
        };
        assert_eq!(start("US political activist and philosopher Noam Chomsky"), "Noam Chomsky");
        assert_eq!(start("Ursula von der Leyen"), "Ursula von der Leyen");
        assert_eq!(start("John of Luxembourg"), "John of Luxembourg");
        assert_eq!(start("Suleiman al-Amr"), "Suleiman al-Amr");
    }

    #[test]
    fn the_last_word_of_a_longer_name_can_state_its_kind() {
        let rules = NameRecognizer::new(Language::En);
        assert_eq!(rules.head_kind("Morogoro Region"), Some(EntityKind::Place));
        assert_eq!(rules.head_kind("Andraé Crouch Choir"), Some(EntityKind::Organization));
        assert_eq!(rules.head_kind("Region"), None, "one word alone says nothing");
        assert_eq!(rules.head_kind("Mira Kim"), None);
    }

    #[test]
    fn events_are_named_by_their_last_word() {
        let rules = NameRecognizer::new(Language::En);
        assert!(rules.is_event("2002 Winter Olympics"));
        assert!(rules.is_event("FIBT World Championships"));
        assert!(!rules.is_event("Olympic Committee"));
        let rules = NameRecognizer::new(Language::De);
        assert!(rules.is_event("Fußball-Weltmeisterschaft"));
        assert!(!rules.is_event("Deutscher Fußball-Bund"));
    }

    #[test]
    fn two_headed_organisations_joined_by_and_are_two() {
        let rules = NameRecognizer::new(Language::En);
        let text = "Tarn River Port Authority and Mill Transit Corp. and Smith and Jones";
        let whole = |name: &str, kind| {
            let at = text.find(name).unwrap();
            Mention::new(Span::new(at, at + name.len()), kind, name.to_owned(), "test")
        };
        let mentions = vec![
            whole("Tarn River Port Authority and Mill Transit Corp", EntityKind::Organization),
            whole("Smith and Jones", EntityKind::Organization),
        ];
        let split = rules.split_coordinated(text, mentions);
        let names: Vec<&str> = split.iter().map(|m| &text[m.span.range()]).collect();
        assert_eq!(names, ["Tarn River Port Authority", "Mill Transit Corp", "Smith and Jones"]);
    }

    #[test]
    fn a_first_name_before_the_pronoun_i_is_no_person() {
        let rules = NameRecognizer::new(Language::En);
        for (text, found) in [("So I went home .", false), ("He met Mary Lennox at home .", true)] {
            let tokens = crate::text::tokenize(text, Span::new(0, text.len()));
            let sentence = crate::text::Sentence { index: 0, span: Span::new(0, text.len()) };
            let people = rules.recognize(text, &sentence, &tokens);
            assert_eq!(people.iter().any(|m| m.kind == EntityKind::Person), found, "{text}: {people:?}");
        }
    }
}

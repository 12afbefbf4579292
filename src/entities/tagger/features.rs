//! The features the tagger sees for each token: the word and its neighbours,
//! its shape, prefixes and suffixes, and what the project's word lists and
//! cue lists say about it and its neighbours. Each feature is a 64-bit hash
//! of a template number and strings, so no feature string is ever built.

use std::rc::Rc;
use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use super::labels::N_TAGS;
use crate::entities::cues::{Cue, CueLists, CueSet};
use crate::entities::gazetteer::Gazetteer;
use crate::input::Language;

/// Changes whenever a template changes, so that a model trained on other
/// features is refused instead of silently tagging badly.
pub const FEATURE_SET_VERSION: u32 = 3;

/// Cue sections looked up around a token, with their template numbers.
const WINDOW_CUES: [Cue; 8] = [
    Cue::PersonBefore,
    Cue::OrganizationBefore,
    Cue::PlaceBefore,
    Cue::ProductBefore,
    Cue::SpeechVerb,
    Cue::ReportVerb,
    Cue::OrganizationHead,
    Cue::PlaceHead,
];

/// Words whose list and cue information a thread keeps (news repeats its
/// words; looking them up again is most of the cost of features). The
/// cache only saves work: what it holds is what `info` computes.
const MAX_CACHED_WORDS: usize = 200_000;

/// One cache per language: German, English.
type InfoCache = [HashMap<Box<str>, Rc<WordInfo>>; 2];

thread_local! {
    static INFO_CACHE: std::cell::RefCell<InfoCache> = std::cell::RefCell::new(InfoCache::default());
}

/// The neighbours whose word alone gives a token features, in the order
/// of [`WordInfo::scores`] after the word's own.
pub(super) const NEIGHBOURS: [isize; 4] = [-2, -1, 1, 2];

/// Longest list name looked up, in tokens.
const MAX_LIST_TOKENS: usize = 4;

/// An FNV-1a hash over the parts of one feature.
#[derive(Clone, Copy)]
struct Hash(u64);

impl Hash {
    fn new(template: u8) -> Self {
        Self(0xcbf2_9ce4_8422_2325).byte(template)
    }

    fn byte(self, byte: u8) -> Self {
        Self((self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
    }

    fn str(self, text: &str) -> Self {
        // A separator after each part keeps ("ab", "c") apart from ("a", "bc").
        text.bytes().fold(self, Self::byte).byte(0xff)
    }

    fn finish(self) -> u64 {
        // Zero marks an empty slot in the model's table.
        self.0.max(1)
    }
}

/// What the lists say about a word, wherever it stands; computed once per
/// word and thread, and shared.
#[derive(Debug, Default)]
pub(super) struct WordInfo {
    lower: Box<str>,
    short_shape: Box<str>,
    /// Bits: see the `FLAG_*` constants.
    flags: u32,
    /// Bits per section of [`WINDOW_CUES`].
    cues: u32,
    /// The features of the word alone (see [`Featurizer::local`]).
    pub(super) local: Box<[u64]>,
    /// Scores under a tagger, kept by the tagger that computed them: its
    /// id, and per tag the sum of the word's own features, then of the
    /// features it gives a token at each of the [`NEIGHBOURS`].
    pub(super) scores: std::cell::OnceCell<(u64, WordScores)>,
}

/// Per tag, the summed weights of a word's own features, then of the
/// features it gives each of its neighbours.
pub(super) type WordScores = [[i32; N_TAGS]; 1 + NEIGHBOURS.len()];

/// A token of a sentence: its word's information and its place in a listed
/// place name (0 none, 1 begin, 2 inside, 3 last, 4 unit).
#[derive(Debug, Clone)]
pub(super) struct TokenInfo {
    word: Rc<WordInfo>,
    list_place: u8,
}

impl TokenInfo {
    /// The information of the token's word.
    pub(super) fn word(&self) -> &WordInfo {
        &self.word
    }
}

impl std::ops::Deref for TokenInfo {
    type Target = WordInfo;

    fn deref(&self) -> &WordInfo {
        &self.word
    }
}

const FLAG_CAPITALISED: u32 = 1;
const FLAG_ORDINARY: u32 = 1 << 1;
const FLAG_GERMAN_NOUN: u32 = 1 << 2;
const FLAG_FIRST_NAME: u32 = 1 << 3;
const FLAG_COUNTRY_ADJECTIVE: u32 = 1 << 4;
const FLAG_NOT_A_NAME: u32 = 1 << 5;
const FLAG_ALL_CAPS: u32 = 1 << 6;
const FLAG_HAS_DIGIT: u32 = 1 << 7;
const FLAG_HYPHEN: u32 = 1 << 8;
const FLAG_SURNAME: u32 = 1 << 9;
const FLAG_SMALL_PLACE: u32 = 1 << 10;
const FLAG_GENITIVE_OF_PLACE: u32 = 1 << 11;
const FLAG_COUNT: u8 = 12;

/// Computes the features of sentences of one language.
#[derive(Debug, Clone, Copy)]
pub struct Featurizer {
    language: Language,
    cues: &'static CueLists,
    /// The sections of [`WINDOW_CUES`], asked together.
    window_cues: &'static CueSet,
    lists: &'static Gazetteer,
}

impl Featurizer {
    /// The featurizer for `language`, with the built-in lists.
    pub fn new(language: Language) -> Self {
        static WINDOW_SETS: [OnceLock<CueSet>; 2] = [OnceLock::new(), OnceLock::new()];
        let window_cues = CueSet::builtin(language, &WINDOW_SETS, &WINDOW_CUES);
        Self { language, cues: CueLists::for_language(language), window_cues, lists: Gazetteer::get() }
    }

    /// The features of every token of a sentence, appended to `out` token
    /// by token; `offsets[i]..offsets[i + 1]` are token `i`'s.
    pub fn sentence(&self, words: &[&str], out: &mut Vec<u64>, offsets: &mut Vec<usize>) {
        let infos = self.infos(words);
        offsets.clear();
        offsets.push(out.len());
        for idx in 0..words.len() {
            out.extend_from_slice(&infos[idx].local);
            Self::context(&infos, idx, out);
            offsets.push(out.len());
        }
    }

    /// What the lists say about each word of a sentence.
    pub(super) fn infos(&self, words: &[&str]) -> Vec<TokenInfo> {
        let mut infos: Vec<TokenInfo> = INFO_CACHE.with_borrow_mut(|caches| {
            let cache = &mut caches[usize::from(self.language == Language::En)];
            if cache.len() > MAX_CACHED_WORDS {
                cache.clear();
            }
            words
                .iter()
                .map(|&word| {
                    let info = match cache.get(word) {
                        Some(info) => Rc::clone(info),
                        None => {
                            let info = Rc::new(self.info(word));
                            cache.insert(word.into(), Rc::clone(&info));
                            info
                        }
                    };
                    TokenInfo { word: info, list_place: 0 }
                })
                .collect()
        });
        self.mark_list_places(words, &mut infos);
        infos
    }

    fn info(&self, word: &str) -> WordInfo {
        let lower = word.to_lowercase();
        let (shape, short_shape) = shapes(word);
        let first_upper = word.chars().next().is_some_and(char::is_uppercase);
        let letters = word.chars().filter(|c| c.is_alphabetic());
        let all_caps =
            word.chars().count() > 1 && letters.clone().count() > 0 && letters.clone().all(char::is_uppercase);
        let flags = [
            (first_upper, FLAG_CAPITALISED),
            (self.lists.is_ordinary_word(self.language, word), FLAG_ORDINARY),
            (self.lists.is_german_noun(word), FLAG_GERMAN_NOUN),
            (self.lists.is_first_name(word), FLAG_FIRST_NAME),
            (self.lists.country_of_adjective(word).is_some(), FLAG_COUNTRY_ADJECTIVE),
            (self.cues.has(Cue::NotAName, word), FLAG_NOT_A_NAME),
            (all_caps, FLAG_ALL_CAPS),
            (word.chars().any(|c| c.is_ascii_digit()), FLAG_HAS_DIGIT),
            (word.len() > 1 && word.contains('-'), FLAG_HYPHEN),
            (self.lists.is_surname(word), FLAG_SURNAME),
            (self.lists.is_small_place(word), FLAG_SMALL_PLACE),
            (first_upper && self.is_genitive_of_place(word), FLAG_GENITIVE_OF_PLACE),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .fold(0, |bits, (_, flag)| bits | flag);
        let cues = self.window_cues.matches_lower(&lower);
        let (lower, short_shape) = (lower.into(), short_shape.into());
        let mut info = WordInfo { lower, short_shape, flags, cues, local: Box::default(), scores: Default::default() };
        // The full shape gives one feature and is not kept: a thread keeps
        // the information of up to 200,000 words per language.
        info.local = Self::local(word, &shape, &info);
        info
    }

    /// `Kanadas`, `Griechenlandes`: a listed place with a genitive ending.
    fn is_genitive_of_place(&self, word: &str) -> bool {
        let stems = [word.strip_suffix("es"), word.strip_suffix('s')];
        stems.into_iter().flatten().any(|stem| self.lists.place(stem).is_some() || self.lists.is_small_place(stem))
    }

    /// Marks the tokens of the longest listed place names (countries,
    /// states, cities), which may be several words long.
    fn mark_list_places(&self, words: &[&str], infos: &mut [TokenInfo]) {
        let mut idx = 0;
        let mut name = String::new();
        while idx < words.len() {
            if infos[idx].flags & FLAG_CAPITALISED == 0 {
                idx += 1;
                continue;
            }
            name.clear();
            let mut longest = None;
            for len in 1..=MAX_LIST_TOKENS.min(words.len() - idx) {
                if len > 1 {
                    name.push(' ');
                }
                name.push_str(words[idx + len - 1]);
                if self.lists.place(&name).is_some() {
                    longest = Some(len);
                }
                if !self.lists.starts_place(&name) {
                    break;
                }
            }
            let Some(len) = longest else {
                idx += 1;
                continue;
            };
            for (n, info) in infos[idx..idx + len].iter_mut().enumerate() {
                info.list_place = match (n, len) {
                    (_, 1) => 4,
                    (0, _) => 1,
                    (n, len) if n + 1 == len => 3,
                    _ => 2,
                };
            }
            idx += len;
        }
    }

    /// The features that depend on the word alone, kept with its cached
    /// information.
    fn local(word: &str, shape: &str, info: &WordInfo) -> Box<[u64]> {
        let mut out = Vec::with_capacity(24);
        let mut push = |hash: Hash| out.push(hash.finish());
        push(Hash::new(0));
        push(Hash::new(1).str(word));
        push(Hash::new(2).str(&info.lower));
        push_affixes(&info.lower, &mut push);
        push(Hash::new(11).str(shape));
        push(Hash::new(12).str(&info.short_shape));
        for bit in 0..FLAG_COUNT {
            if info.flags & (1 << bit) != 0 {
                push(Hash::new(23).byte(bit));
                push(Hash::new(24).byte(bit).str(&info.short_shape));
            }
        }
        for bit in 0..WINDOW_CUES.len() {
            if info.cues & (1 << bit) != 0 {
                push(Hash::new(27).byte(bit as u8));
            }
        }
        if let Some((head, tail)) = info.lower.rsplit_once('-').filter(|(h, t)| !h.is_empty() && !t.is_empty()) {
            push(Hash::new(32).str(head));
            push(Hash::new(33).str(tail));
        }
        out.into_boxed_slice()
    }

    /// The features of token `idx` that depend on its neighbours or its
    /// place in the sentence.
    pub(super) fn context(infos: &[TokenInfo], idx: usize, out: &mut Vec<u64>) {
        for offset in NEIGHBOURS {
            let near = idx.checked_add_signed(offset).and_then(|i| infos.get(i));
            Self::neighbour(near.map(|t| &*t.word), offset, out);
        }
        Self::pairs(infos, idx, out);
    }

    /// The features a token gets from the word `offset` places away alone
    /// (`None`: the sentence ends before it). They are the same wherever
    /// that word stands, so a tagger scores them once per word.
    pub(super) fn neighbour(near: Option<&WordInfo>, offset: isize, out: &mut Vec<u64>) {
        let lower = near.map_or(edge(offset), |n| &*n.lower);
        let (word_template, cue_template) = match offset {
            -2 => (14, 25),
            -1 => (13, 26),
            1 => (15, 28),
            _ => (16, 29),
        };
        out.push(Hash::new(word_template).str(lower).finish());
        if offset.abs() == 1 {
            out.push(Hash::new(if offset < 0 { 35 } else { 36 }).str(suffix(lower, 3)).finish());
        }
        let Some(near) = near else { return };
        for bit in (0..WINDOW_CUES.len()).filter(|bit| near.cues & (1 << bit) != 0) {
            out.push(Hash::new(cue_template).byte(bit as u8).finish());
        }
        if near.flags & FLAG_FIRST_NAME != 0 {
            out.push(Hash::new(30).byte(offset as u8).finish());
        }
    }

    /// The features of token `idx` that depend on it together with a
    /// neighbour, or on its place in the sentence and in listed names.
    pub(super) fn pairs(infos: &[TokenInfo], idx: usize, out: &mut Vec<u64>) {
        let info = &infos[idx];
        let at = |offset: isize| -> Option<&TokenInfo> { idx.checked_add_signed(offset).and_then(|i| infos.get(i)) };
        let lower_at = |offset: isize| at(offset).map_or(edge(offset), |i| &*i.lower);
        let short_at = |offset: isize| at(offset).map_or("#", |i| &*i.short_shape);
        let mut push = |hash: Hash| out.push(hash.finish());
        push(Hash::new(17).str(lower_at(-1)).str(&info.lower));
        push(Hash::new(18).str(&info.lower).str(lower_at(1)));
        push(Hash::new(19).str(short_at(-1)).str(&info.short_shape).str(short_at(1)));
        push(Hash::new(20).str(lower_at(-1)).str(&info.short_shape));
        push(Hash::new(21).str(&info.short_shape).str(lower_at(1)));
        if idx == 0 {
            push(Hash::new(22).str(&info.short_shape));
        }
        for offset in -2isize..=2 {
            if let Some(near) = at(offset).filter(|near| near.list_place != 0) {
                push(Hash::new(31).byte(offset as u8).byte(near.list_place));
            }
        }
        push(Hash::new(37).str(short_at(-1)).str(&info.lower));
        push(Hash::new(38).str(lower_at(-2)).str(lower_at(-1)));
        let bigram_prev = at(-1).map_or(0, |p| p.flags & (FLAG_CAPITALISED | FLAG_ORDINARY));
        push(Hash::new(34).byte(bigram_prev as u8).byte((info.flags & (FLAG_CAPITALISED | FLAG_ORDINARY)) as u8));
    }
}

/// What stands for a word past the start or the end of the sentence.
fn edge(offset: isize) -> &'static str {
    if offset < 0 {
        "<s>"
    } else {
        "</s>"
    }
}

/// The last `n` characters of `word` (all of a shorter word).
fn suffix(word: &str, n: usize) -> &str {
    let start = word.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
    &word[start..]
}

/// Prefixes and suffixes of 1 to 4 characters of a word longer than that.
fn push_affixes(lower: &str, push: &mut impl FnMut(Hash)) {
    let n_chars = lower.chars().count();
    let boundaries: Vec<usize> = lower.char_indices().map(|(i, _)| i).chain([lower.len()]).collect();
    for len in 1..=4usize.min(n_chars.saturating_sub(1)) {
        push(Hash::new(2 + len as u8).str(&lower[..boundaries[len]]));
        push(Hash::new(6 + len as u8).str(&lower[boundaries[n_chars - len]..]));
    }
}

/// The word's shape (`Xxxxx-Xxx` for `Zeta-Labs`, `dd` for `42`) and its
/// short form with repeats collapsed (`Xx-Xx`), longer shapes cut at 12.
fn shapes(word: &str) -> (String, String) {
    let mut shape = String::new();
    let mut short = String::new();
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if shape.chars().count() < 12 {
            shape.push(class);
        }
        if !short.ends_with(class) {
            short.push(class);
        }
    }
    (shape, short)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_features_are_stable() {
        assert_eq!(shapes("Zeta-Labs"), ("Xxxx-Xxxx".to_owned(), "Xx-Xx".to_owned()));
        assert_eq!(shapes("A320"), ("Xddd".to_owned(), "Xd".to_owned()));
        let featurizer = Featurizer::new(Language::De);
        let (mut a, mut b, mut offsets) = (Vec::new(), Vec::new(), Vec::new());
        featurizer.sentence(&["Anna", "lebt", "in", "Frankreich", "."], &mut a, &mut offsets);
        assert_eq!(offsets.len(), 6);
        featurizer.sentence(&["Anna", "lebt", "in", "Frankreich", "."], &mut b, &mut offsets);
        assert_eq!(a, b);
        assert!(a.iter().all(|&h| h != 0));
    }
}

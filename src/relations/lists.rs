//! The word lists of the rule files prepared for matching, and what a
//! sentence's tokens are in them, asked once per token and list.

use std::cell::Cell;

use rustc_hash::FxHashSet;

/// A word list prepared for matching: whole words in one set, `*end`
/// patterns in another with their lengths, so that a word's endings are
/// looked up instead of every ending compared (`$role` has a hundred).
#[derive(Debug, Clone, Default)]
pub struct WordSet {
    exact: FxHashSet<String>,
    endings: FxHashSet<String>,
    /// The byte lengths of the endings, each once.
    ending_lengths: Vec<usize>,
}

impl WordSet {
    pub(super) fn new(words: &[String]) -> Self {
        let mut set = Self::default();
        for word in words {
            match word.strip_prefix('*').filter(|end| !end.is_empty()) {
                Some(end) => {
                    set.endings.insert(end.to_owned());
                }
                None => {
                    set.exact.insert(word.clone());
                }
            }
        }
        set.ending_lengths = set.endings.iter().map(String::len).collect();
        set.ending_lengths.sort_unstable();
        set.ending_lengths.dedup();
        set
    }

    /// Whether `word` (in lower case) is in the list or has one of its endings.
    pub fn contains(&self, word: &str) -> bool {
        self.exact.contains(word)
            || self.ending_lengths.iter().any(|&len| {
                len <= word.len()
                    && word.is_char_boundary(word.len() - len)
                    && self.endings.contains(&word[word.len() - len..])
            })
    }
}

/// Which tokens of one sentence are in which lists, found when first asked:
/// every rule starting at every token asks again, and a list of a hundred
/// endings costs a hundred comparisons per question.
pub(super) struct Membership<'s> {
    sets: &'s [WordSet],
    words: &'s [String],
    /// Per list, per token: 0 not asked yet, 1 not in it, 2 in it.
    known: Vec<Cell<u8>>,
}

impl<'s> Membership<'s> {
    pub(super) fn new(sets: &'s [WordSet], words: &'s [String]) -> Self {
        Self { sets, words, known: vec![Cell::new(0); sets.len() * words.len()] }
    }

    /// Whether the word at `pos` is in list `list`.
    pub(super) fn has(&self, list: usize, pos: usize) -> bool {
        let Some(word) = self.words.get(pos) else { return false };
        let slot = &self.known[list * self.words.len() + pos];
        if slot.get() == 0 {
            slot.set(if self.sets[list].contains(word) { 2 } else { 1 });
        }
        slot.get() == 2
    }

    /// Whether any word of the sentence is in list `list`.
    pub(super) fn any(&self, list: usize) -> bool {
        (0..self.words.len()).any(|pos| self.has(list, pos))
    }
}

//! The word lists of the rule files prepared for matching, and what a
//! sentence's tokens are in them, asked once per token and list.

use rustc_hash::FxHashMap;

use crate::text::{Endings, Folded};

/// Every list of a rule file in one index, to find at once all the lists
/// a word is in: whole words in a map, endings in a trie read from the
/// word's end. A word costs one lookup and a walk of a few bytes, however
/// many lists and endings there are (`$role` alone has a hundred endings).
#[derive(Debug, Clone, Default)]
pub struct ListIndex {
    /// `u64`s per set of lists.
    stride: usize,
    /// Sets of lists, `stride` words each, as bits by list index.
    bits: Vec<u64>,
    /// Per whole word, its set of lists.
    exact: FxHashMap<String, u32>,
    /// Per ending, its set of lists.
    endings: Endings,
}

impl ListIndex {
    /// The index of `lists`, given in the order of their indices.
    pub(super) fn new<'w>(lists: impl IntoIterator<Item = &'w [String]>) -> Self {
        let mut index = Self::default();
        let lists: Vec<&[String]> = lists.into_iter().collect();
        index.stride = lists.len().div_ceil(64).max(1);
        for (list, words) in lists.iter().enumerate() {
            for word in words.iter() {
                let set = match word.strip_prefix('*').filter(|end| !end.is_empty()) {
                    Some(end) => index.endings.get(end).unwrap_or_else(|| {
                        let set = index.new_set();
                        index.endings.insert(end, set);
                        set
                    }),
                    None => match index.exact.get(word.as_str()) {
                        Some(&set) => set,
                        None => {
                            let set = index.new_set();
                            index.exact.insert(word.clone(), set);
                            set
                        }
                    },
                };
                index.insert(set, list);
            }
        }
        index
    }

    fn new_set(&mut self) -> u32 {
        self.bits.extend(std::iter::repeat_n(0, self.stride));
        (self.bits.len() / self.stride - 1) as u32
    }

    fn insert(&mut self, set: u32, list: usize) {
        self.bits[set as usize * self.stride + list / 64] |= 1 << (list % 64);
    }

    /// Whether `word` (in lower case) is in list `list`.
    pub(super) fn contains(&self, list: usize, word: &str) -> bool {
        self.sets_of(word).any(|set| self.bits[set as usize * self.stride + list / 64] & (1 << (list % 64)) != 0)
    }

    /// Adds the lists `word` (in lower case) is in to `out` (`stride` words).
    fn add_lists_of(&self, word: &str, out: &mut [u64]) {
        for set in self.sets_of(word) {
            let bits = &self.bits[set as usize * self.stride..][..self.stride];
            out.iter_mut().zip(bits).for_each(|(o, b)| *o |= b);
        }
    }

    /// The sets of lists `word` is in: as a whole word, and by each ending.
    fn sets_of<'w>(&'w self, word: &'w str) -> impl Iterator<Item = u32> + 'w {
        self.exact.get(word).copied().into_iter().chain(self.endings.of(word).map(|(_, set)| set))
    }
}

/// Which lists each token of one sentence is in.
pub(super) struct Membership {
    stride: usize,
    /// Per token, `stride` words of bits by list index.
    bits: Vec<u64>,
    /// The lists any token is in.
    any: Vec<u64>,
}

impl Membership {
    pub(super) fn new(index: &ListIndex, words: &Folded) -> Self {
        let stride = index.stride;
        let mut bits = vec![0; stride * words.len()];
        for (word, out) in words.iter().zip(bits.chunks_mut(stride)) {
            index.add_lists_of(word, out);
        }
        let mut any = vec![0; stride];
        for token in bits.chunks(stride) {
            any.iter_mut().zip(token).for_each(|(a, t)| *a |= t);
        }
        Self { stride, bits, any }
    }

    /// Whether the word at `pos` is in list `list`.
    pub(super) fn has(&self, list: usize, pos: usize) -> bool {
        self.bits.get(pos * self.stride + list / 64).is_some_and(|w| w & (1 << (list % 64)) != 0)
    }

    /// Whether any word of the sentence is in list `list`.
    pub(super) fn any(&self, list: usize) -> bool {
        self.any[list / 64] & (1 << (list % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(words: &str) -> Vec<String> {
        words.split_whitespace().map(str::to_owned).collect()
    }

    /// The plain reading of a list: a word equal to an entry, or ending in
    /// an entry's `*end`.
    fn naive(list: &[String], word: &str) -> bool {
        list.iter().any(|entry| match entry.strip_prefix('*').filter(|end| !end.is_empty()) {
            Some(end) => word.ends_with(end),
            None => entry == word,
        })
    }

    #[test]
    fn index_agrees_with_each_list() {
        // Seventy lists, so that the sets of lists take two words of bits.
        let mut lists = vec![list("*chef *forscher ceo bei"), list("*er chef *ä"), list("bei im *in")];
        lists.extend((0..67).map(|n| list(&format!("w{n} *x{n}"))));
        let index = ListIndex::new(lists.iter().map(Vec::as_slice));
        let text = "konzernchef chef forscher ceo bei im x er vorständ w3 aw66 ax66 ax7 äx";
        let words = list(text);
        let tokens = crate::text::tokenize(text, crate::text::Span::new(0, text.len()));
        let membership = Membership::new(&index, &Folded::new(text, &tokens));
        for (pos, word) in words.iter().enumerate() {
            for (idx, entries) in lists.iter().enumerate() {
                assert_eq!(membership.has(idx, pos), naive(entries, word), "{word} in list {idx}");
                assert_eq!(index.contains(idx, word), naive(entries, word), "{word} in list {idx}");
            }
        }
        assert!(membership.has(0, 2) && membership.has(1, 2) && !membership.has(2, 2));
        assert!(membership.any(66 + 3) && !membership.any(40 + 3));
    }
}

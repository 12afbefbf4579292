//! What a sentence's tokens are in the word lists of the rule files,
//! asked once per token and list.

use crate::text::{Folded, ListIndex};

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
        let stride = index.stride();
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

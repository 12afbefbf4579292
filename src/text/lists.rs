//! Word lists in one index: every list a word is in, found with one
//! lookup of the whole word and one walk of an ending trie; and the lines
//! of a list file.

use rustc_hash::FxHashMap;

use super::Endings;

/// The lines of a list file, as [`str::lines`] gives them, found with a
/// vectorised search for line ends: the standard iterator costs about as
/// much per line as hashing the line, and over the large compiled-in lists
/// it took 40 % of the instructions of a run's start-up.
pub fn list_lines(data: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    // A last line without a line end is a line too; an empty text has none.
    let unended = (!data.is_empty() && !data.ends_with('\n')).then_some(data.len());
    memchr::memchr_iter(b'\n', data.as_bytes()).chain(unended).map(move |end| {
        // `\n` is one byte and never inside a character: both ends are boundaries.
        let line = &data[start..end];
        start = end + 1;
        // Only a `\r\n` ends a line, as for `str::lines`; a last `\r` stays.
        match line.strip_suffix('\r') {
            Some(stripped) if end < data.len() => stripped,
            _ => line,
        }
    })
}

/// Word lists in one index, to find at once all the lists a word is in:
/// whole words in a map, endings (entries written `*end`) in a trie read
/// from the word's end. A word costs one lookup and a walk of a few bytes,
/// however many lists and endings there are (the rule files' `$role` alone
/// has a hundred endings; the tagger asks eight cue sections at once).
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
    pub fn new<'w>(lists: impl IntoIterator<Item = &'w [String]>) -> Self {
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
    pub fn contains(&self, list: usize, word: &str) -> bool {
        self.sets_of(word).any(|set| self.bits[set as usize * self.stride + list / 64] & (1 << (list % 64)) != 0)
    }

    /// Words of bits that a set of lists takes.
    pub fn stride(&self) -> usize {
        self.stride
    }

    /// Adds the lists `word` (in lower case) is in to `out` (`stride` words).
    pub fn add_lists_of(&self, word: &str, out: &mut [u64]) {
        for set in self.sets_of(word) {
            self.add_set(set, out);
        }
    }

    /// Adds the lists that have `word` (in lower case) as a whole word, not
    /// by an ending, to `out` (`stride` words).
    pub fn add_whole_word_lists(&self, word: &str, out: &mut [u64]) {
        if let Some(&set) = self.exact.get(word) {
            self.add_set(set, out);
        }
    }

    fn add_set(&self, set: u32, out: &mut [u64]) {
        let bits = &self.bits[set as usize * self.stride..][..self.stride];
        out.iter_mut().zip(bits).for_each(|(o, b)| *o |= b);
    }

    /// The sets of lists `word` is in: as a whole word, and by each ending.
    fn sets_of<'w>(&'w self, word: &'w str) -> impl Iterator<Item = u32> + 'w {
        self.exact.get(word).copied().into_iter().chain(self.endings.of(word).map(|(_, set)| set))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_lines_are_the_lines_of_the_text() {
        for text in ["", "\n", "a", "a\n", "a\nb", "a\r\nb\r\n", "\n\nä\n", "x\r", "Zürich\tCH\nBern"] {
            assert_eq!(list_lines(text).collect::<Vec<_>>(), text.lines().collect::<Vec<_>>(), "{text:?}");
        }
    }
}

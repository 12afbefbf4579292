//! Where the text names an entity: one mention, and an entity's sorted list
//! of them, which keeps the text most of them read once for the list.

use std::cmp::Ordering;
use std::sync::Arc;

use thin_vec::ThinVec;

use crate::graph::model::snug_room;
use crate::graph::{EntityId, SharedTexts, TextSpan};

/// One place where a document names an entity. Its span ends where its
/// text does, so only the start is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The document's id.
    pub document: EntityId,
    /// The text at that place, one copy for all the graph's mentions that
    /// read the same.
    pub text: MentionText,
    start: u32,
    char_start: u32,
}

impl Mention {
    /// The mention of `text` at `span` of `document`; `None` when the span
    /// is not as long as the text, in bytes and in characters.
    pub fn new(document: EntityId, span: TextSpan, text: MentionText) -> Option<Self> {
        let fits =
            span.end() - span.start() == text.len() && span.char_end() - span.char_start() == text.chars().count();
        // A span is held in 32 bits, so its start converts.
        fits.then(|| Self { document, text, start: span.start() as u32, char_start: span.char_start() as u32 })
    }

    /// Where in the document's text.
    pub fn span(&self) -> TextSpan {
        self.as_ref().span()
    }

    /// The mention, borrowed.
    pub fn as_ref(&self) -> MentionRef<'_> {
        MentionRef { document: &self.document, text: &self.text, start: self.start, char_start: self.char_start }
    }

    fn place(self) -> Place {
        Place { document: self.document, start: self.start, char_start: self.char_start }
    }
}

/// By document, then span, then text, as a sorted list of mentions reads.
impl Ord for Mention {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_ref().cmp(&other.as_ref())
    }
}

impl PartialOrd for Mention {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A mention as an entity's list gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionRef<'a> {
    /// The document's id.
    pub document: &'a EntityId,
    /// The text at that place.
    pub text: &'a str,
    start: u32,
    char_start: u32,
}

impl MentionRef<'_> {
    /// Where in the document's text.
    pub fn span(&self) -> TextSpan {
        let (start, char_start) = (self.start as usize, self.char_start as usize);
        TextSpan::new(start, start + self.text.len(), char_start, char_start + self.text.chars().count())
            .expect("a mention's span was checked when it was made")
    }
}

impl Ord for MentionRef<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        // With start, byte length and character start equal, the spans differ
        // only in their character ends, which the same text shares: a merge
        // compares many mentions of one text, and need not count it.
        (self.document, self.start, self.text.len(), self.char_start)
            .cmp(&(other.document, other.start, other.text.len(), other.char_start))
            .then_with(|| {
                if std::ptr::eq(self.text, other.text) || self.text == other.text {
                    Ordering::Equal
                } else {
                    (self.text.chars().count(), self.text).cmp(&(other.text.chars().count(), other.text))
                }
            })
    }
}

impl PartialOrd for MentionRef<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The text of a mention: one pointer to a string that all the mentions of
/// a graph that read the same share (a corpus graph holds millions).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MentionText(Arc<String>);

impl std::ops::Deref for MentionText {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

/// Hashes and compares as the text, so that a set of texts finds one by its `&str`.
impl std::borrow::Borrow<str> for MentionText {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for MentionText {
    fn from(text: &str) -> Self {
        Self(Arc::new(text.to_owned()))
    }
}

impl From<String> for MentionText {
    fn from(text: String) -> Self {
        Self(Arc::new(text))
    }
}

impl std::fmt::Display for MentionText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a mention that reads its list's common text is: 16 bytes instead
/// of a mention's 24.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Place {
    document: EntityId,
    start: u32,
    char_start: u32,
}

impl Place {
    fn with<'a>(&'a self, text: &'a str) -> MentionRef<'a> {
        MentionRef { document: &self.document, text, start: self.start, char_start: self.char_start }
    }

    fn mention(self, text: &MentionText) -> Mention {
        Mention { document: self.document, text: text.clone(), start: self.start, char_start: self.char_start }
    }
}

/// An entity's mentions, sorted by document, position and text. Most
/// mentions of a name read the same text (98 % in a generated corpus of
/// news, 81 % in real news): the text of the first mention added is kept
/// once for the list, and the mentions that read it keep only where they
/// are. A corpus graph holds millions of mentions.
#[derive(Debug, Clone, Default)]
pub struct Mentions {
    /// The text of the first mention added.
    common: Option<MentionText>,
    /// Mentions that read `common`, sorted.
    places: ThinVec<Place>,
    /// The others, sorted.
    others: ThinVec<Mention>,
}

impl Mentions {
    /// How many.
    pub fn len(&self) -> usize {
        self.places.len() + self.others.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The mentions in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter { common: self.common.as_deref().unwrap_or_default(), places: &self.places, others: &self.others }
    }

    /// The first in order.
    pub fn first(&self) -> Option<MentionRef<'_>> {
        self.iter().next()
    }

    /// Adds `mention` in its place, unless the list has it.
    pub fn push(&mut self, mention: Mention) {
        let common = self.common.get_or_insert_with(|| mention.text.clone());
        if mention.text == *common {
            insert_sorted(&mut self.places, mention.place());
        } else {
            insert_sorted(&mut self.others, mention);
        }
    }

    /// Keeps the mentions for which `keep` is true.
    pub fn retain(&mut self, mut keep: impl FnMut(MentionRef<'_>) -> bool) {
        let common = self.common.as_deref().unwrap_or_default();
        self.places.retain(|place| keep(place.with(common)));
        self.others.retain(|mention| keep(mention.as_ref()));
    }

    /// Takes in `other`'s mentions; a mention in both lists is kept once.
    pub fn absorb(&mut self, other: Mentions) {
        if self.is_empty() {
            let common = self.common.take();
            *self = Mentions { common: other.common.or(common), ..other };
            return;
        }
        if other.common == self.common {
            // Their other texts are not the common one either.
            merge_sorted(&mut self.places, other.places);
            merge_sorted(&mut self.others, other.others);
            return;
        }
        // Sorted, and so both parts are: a part out of order would make every
        // merge into a long list sort it.
        let (mut places, mut others) = (ThinVec::new(), ThinVec::new());
        for mention in other.into_sorted() {
            if Some(&mention.text) == self.common.as_ref() {
                places.push(mention.place());
            } else {
                others.push(mention);
            }
        }
        merge_sorted(&mut self.places, places);
        merge_sorted(&mut self.others, others);
    }

    /// The mentions in order, each with its text.
    fn into_sorted(self) -> Vec<Mention> {
        let mut sorted = Vec::with_capacity(self.len());
        let Some(common) = self.common else { return self.others.into_iter().collect() };
        let mut others = self.others.into_iter().peekable();
        for place in self.places {
            let place = place.mention(&common);
            while let Some(other) = others.next_if(|other| *other < place) {
                sorted.push(other);
            }
            sorted.push(place);
        }
        sorted.extend(others);
        sorted
    }

    /// Points the texts at the one copy of each in `texts`.
    pub(super) fn share_texts(&mut self, texts: &mut SharedTexts) {
        if let Some(common) = &mut self.common {
            *common = texts.share(common);
        }
        for mention in &mut self.others {
            mention.text = texts.share(&mention.text);
        }
    }
}

/// The same mentions, whichever text the lists keep once.
impl PartialEq for Mentions {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl FromIterator<Mention> for Mentions {
    fn from_iter<I: IntoIterator<Item = Mention>>(mentions: I) -> Self {
        let mut list = Mentions::default();
        list.extend(mentions);
        list
    }
}

impl Extend<Mention> for Mentions {
    fn extend<I: IntoIterator<Item = Mention>>(&mut self, mentions: I) {
        for mention in mentions {
            self.push(mention);
        }
    }
}

impl<'a> IntoIterator for &'a Mentions {
    type Item = MentionRef<'a>;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// The mentions of a list in order: its two sorted parts, merged.
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    common: &'a str,
    places: &'a [Place],
    others: &'a [Mention],
}

impl<'a> Iterator for Iter<'a> {
    type Item = MentionRef<'a>;

    fn next(&mut self) -> Option<MentionRef<'a>> {
        let place = self.places.first().map(|place| place.with(self.common));
        let other = self.others.first().map(Mention::as_ref);
        let from_places = match (place, other) {
            (Some(place), Some(other)) => place <= other,
            (place, _) => place.is_some(),
        };
        if from_places {
            self.places = &self.places[1..];
            place
        } else {
            self.others = self.others.get(1..).unwrap_or_default();
            other
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let len = self.places.len() + self.others.len();
        (len, Some(len))
    }
}

impl ExactSizeIterator for Iter<'_> {}

/// Appends the sorted `more` to the sorted `list`, keeping it sorted and each
/// item once. Documents usually arrive in order: then the new items all come
/// after the old ones and appending keeps the order, without sorting an
/// entity's ever longer list at every document. A short list grows to the
/// size it needs and a long one by a quarter (see [`snug_room`]).
fn merge_sorted<T: Ord>(list: &mut ThinVec<T>, more: ThinVec<T>) {
    if more.is_empty() {
        return;
    }
    let in_order = more.windows(2).all(|w| w[0] < w[1]) && list.last().is_none_or(|last| *last < more[0]);
    if let Some(room) = snug_room(list.len() + more.len(), list.capacity()) {
        list.reserve_exact(room - list.len());
    }
    list.extend(more);
    if !in_order {
        list.sort();
        list.dedup();
    }
}

/// Inserts `item` into the sorted `list` in its place, unless the list has it.
fn insert_sorted<T: Ord>(list: &mut ThinVec<T>, item: T) {
    let at = match list.last() {
        Some(last) if *last < item => list.len(),
        None => 0,
        Some(_) => match list.binary_search(&item) {
            Ok(_) => return,
            Err(at) => at,
        },
    };
    if let Some(room) = snug_room(list.len() + 1, list.capacity()) {
        list.reserve_exact(room - list.len());
    }
    list.insert(at, item);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::EntityKind;

    fn mention(document: &str, start: usize, text: &str) -> Mention {
        let (end, chars) = (start + text.len(), text.chars().count());
        let span = TextSpan::new(start, end, start, start + chars).unwrap();
        Mention::new(EntityId::new(EntityKind::Document, document), span, text.into()).unwrap()
    }

    fn listed(mentions: &Mentions) -> Vec<(String, usize, String)> {
        mentions.iter().map(|m| (m.document.to_string(), m.span().start(), m.text.to_owned())).collect()
    }

    #[test]
    fn mentions_of_several_texts_come_back_sorted_and_each_once() {
        let all = [("b", 4, "Acme"), ("a", 9, "ACME Inc."), ("a", 0, "Acme"), ("b", 4, "Acme"), ("a", 9, "Acme")];
        let mentions: Mentions = all.iter().map(|&(d, s, t)| mention(d, s, t)).collect();
        let expected = [("document/a", 0, "Acme"), ("document/a", 9, "Acme"), ("document/a", 9, "ACME Inc.")];
        let mut expected: Vec<_> = expected.iter().map(|&(d, s, t)| (d.to_owned(), s, t.to_owned())).collect();
        expected.push(("document/b".into(), 4, "Acme".into()));
        assert_eq!(listed(&mentions), expected);
        assert_eq!((mentions.len(), mentions.iter().len()), (4, 4));
        let mut sorted: Vec<Mention> = all.iter().map(|&(d, s, t)| mention(d, s, t)).collect();
        sorted.sort();
        sorted.dedup();
        assert!(mentions.iter().eq(sorted.iter().map(Mention::as_ref)), "the order of a sorted list of mentions");
    }

    #[test]
    fn lists_kept_under_different_texts_merge_into_their_union() {
        let mut first: Mentions = [mention("a", 0, "Acme"), mention("c", 5, "ACME")].into_iter().collect();
        let second: Mentions =
            [mention("b", 1, "ACME"), mention("a", 0, "Acme"), mention("d", 2, "Acme")].into_iter().collect();
        let union: Mentions =
            [mention("a", 0, "Acme"), mention("b", 1, "ACME"), mention("c", 5, "ACME"), mention("d", 2, "Acme")]
                .into_iter()
                .collect();
        first.absorb(second.clone());
        assert_eq!(listed(&first), listed(&union));
        assert_eq!(first, union);
        let mut empty = Mentions::default();
        empty.absorb(second.clone());
        assert_eq!(empty, second);
        first.retain(|m| m.text == "Acme");
        assert_eq!(
            listed(&first),
            [("document/a".to_owned(), 0, "Acme".to_owned()), ("document/d".into(), 2, "Acme".into())]
        );
    }

    #[test]
    fn a_mention_of_the_common_text_takes_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<Place>(), 16);
    }
}

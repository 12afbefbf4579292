//! A learned scorer over pairs of mentions in a sentence: for every pair
//! whose kinds fit a relation, hashed features of the two mentions and the
//! words between and around them, scored per relation by an averaged
//! perceptron. It adds facts the rules miss; the rules stay the precision
//! layer.

mod train;

pub use self::train::train_scorer;

use crate::entities::{EntityKind, Mention, COUNTRY_ADJECTIVE_ORIGIN};
use crate::relations::RelationKind;
use crate::text::Token;

/// The relations the scorer decides between, after "none".
pub const CLASSES: [Option<RelationKind>; 5] = [
    None,
    Some(RelationKind::WorksAt),
    Some(RelationKind::Founded),
    Some(RelationKind::LocatedIn),
    Some(RelationKind::Developed),
];

/// Hash buckets per class.
pub const BUCKETS: usize = 1 << 16;
const MAGIC: &[u8; 8] = b"KGEXREL1";
/// The most tokens between two mentions of a candidate pair.
const MAX_GAP: usize = 20;

/// A trained scorer: one weight per bucket and class.
#[derive(Debug, Clone)]
pub struct RelationScorer {
    weights: Vec<f32>,
}

/// A candidate pair of mentions of one sentence, subject first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// The subject mention's index in the sentence.
    pub subject: usize,
    /// The object mention's index.
    pub object: usize,
    /// Hashed features.
    pub features: Vec<u32>,
}

impl RelationScorer {
    /// The built-in scorer of `language`, read once per process (English
    /// only: no German relation data allows training one).
    pub fn builtin(language: crate::input::Language) -> Option<&'static RelationScorer> {
        static ENGLISH: std::sync::OnceLock<RelationScorer> = std::sync::OnceLock::new();
        match language {
            crate::input::Language::En => {
                let bytes = include_bytes!("../../../models/en.rel");
                Some(
                    ENGLISH
                        .get_or_init(|| RelationScorer::from_bytes(bytes).expect("built-in relation model is valid")),
                )
            }
            crate::input::Language::De => None,
        }
    }

    /// Reads a model written by [`RelationScorer::to_bytes`]; the error says
    /// what is wrong.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        let body = bytes.strip_prefix(MAGIC).ok_or("not a kgex relation model (magic bytes differ)")?;
        let expected = CLASSES.len() * BUCKETS * 4;
        if body.len() != expected {
            return Err(format!("relation model has {} bytes of weights, expected {expected}", body.len()));
        }
        let weights = body.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        Ok(Self { weights })
    }

    /// The model as bytes: magic, then little-endian weights.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        self.weights.iter().for_each(|w| out.extend_from_slice(&w.to_le_bytes()));
        out
    }

    fn scores(&self, features: &[u32]) -> [f32; CLASSES.len()] {
        let mut scores = [0.0; CLASSES.len()];
        for (class, score) in scores.iter_mut().enumerate() {
            *score = features.iter().map(|&f| self.weights[class * BUCKETS + f as usize]).sum();
        }
        scores
    }

    /// The relation a pair most likely states and how far its score is
    /// above "none", if it is above by more than `margin`.
    pub fn decide(&self, pair: &Pair, margin: f32) -> Option<(RelationKind, f32)> {
        let scores = self.scores(&pair.features);
        let (best, &score) = scores.iter().enumerate().skip(1).max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))?;
        let lead = score - scores[0];
        (lead > margin).then(|| (CLASSES[best].clone().expect("classes after the first are relations"), lead))
    }
}

/// Whether some relation of the scorer fits a subject and an object of
/// these kinds.
fn fits(subject: EntityKind, object: EntityKind) -> bool {
    use EntityKind::{Organization as Org, Person as Per, Place, Product};
    matches!((subject, object), (Per, Org) | (Org, Org) | (Org, Place) | (Place, Place) | (Org, Product))
}

/// The candidate pairs of a sentence: mentions of different entities whose
/// kinds fit, at most [`MAX_GAP`] tokens apart, with their features.
pub fn candidate_pairs(text: &str, tokens: &[Token], mentions: &[Mention], entities: &[usize]) -> Vec<Pair> {
    let lower: Vec<String> = tokens.iter().map(|t| t.text(text).to_lowercase()).collect();
    let range = |m: &Mention| {
        let first = tokens.iter().position(|t| t.span.end > m.span.start).unwrap_or(0);
        let last = tokens.iter().rposition(|t| t.span.start < m.span.end).unwrap_or(first);
        (first, last.max(first))
    };
    let ranges: Vec<(usize, usize)> = mentions.iter().map(range).collect();
    // A country's adjective (`Canadian`) is left to the rules: it stands
    // before most nouns of a text, and pairs with it teach the scorer little
    // but that places next to each other are in each other.
    let named = |m: &Mention| m.origin != COUNTRY_ADJECTIVE_ORIGIN;
    let mut pairs = Vec::new();
    for (s, subject) in mentions.iter().enumerate().filter(|(_, m)| named(m)) {
        for (o, object) in mentions.iter().enumerate().filter(|(_, m)| named(m)) {
            let ((s0, s1), (o0, o1)) = (ranges[s], ranges[o]);
            let (first, second) = if s0 <= o0 { ((s0, s1), (o0, o1)) } else { ((o0, o1), (s0, s1)) };
            let overlapping = second.0 <= first.1;
            if entities[s] == entities[o]
                || !fits(subject.kind, object.kind)
                || overlapping
                || second.0 - first.1 > MAX_GAP
            {
                continue;
            }
            let context =
                PairContext { lower: &lower, kinds: (subject.kind, object.kind), forward: s0 <= o0, first, second };
            let between_kinds: Vec<EntityKind> = mentions
                .iter()
                .zip(&ranges)
                .filter(|(m, r)| named(m) && r.0 > first.1 && r.1 < second.0)
                .map(|(m, _)| m.kind)
                .collect();
            pairs.push(Pair { subject: s, object: o, features: context.features(&between_kinds) });
        }
    }
    pairs
}

struct PairContext<'a> {
    lower: &'a [String],
    kinds: (EntityKind, EntityKind),
    forward: bool,
    first: (usize, usize),
    second: (usize, usize),
}

impl PairContext<'_> {
    fn features(&self, between_kinds: &[EntityKind]) -> Vec<u32> {
        let kinds = format!("{}>{}:{}", self.kinds.0.name(), self.kinds.1.name(), self.forward);
        let between = &self.lower[self.first.1 + 1..self.second.0];
        let gap = match between.len() {
            0..=2 => between.len(),
            3..=4 => 3,
            5..=8 => 4,
            _ => 5,
        };
        let mut out = vec![hash(&["bias"]), hash(&["k", &kinds]), hash(&["d", &kinds, &gap.to_string()])];
        for word in between.iter().take(10) {
            out.push(hash(&["b", word]));
            out.push(hash(&["bk", word, &kinds]));
        }
        if let (Some(first), Some(last)) = (between.first(), between.last()) {
            out.push(hash(&["bf", first, &kinds]));
            out.push(hash(&["bl", last, &kinds]));
        }
        if between.len() <= 4 {
            out.push(hash(&["bs", &between.join(" "), &kinds]));
        }
        let before = self.first.0.checked_sub(1).map_or("<s>", |i| self.lower[i].as_str());
        let after = self.lower.get(self.second.1 + 1).map_or("</s>", String::as_str);
        out.push(hash(&["pre", before, &kinds]));
        out.push(hash(&["post", after, &kinds]));
        for kind in between_kinds {
            out.push(hash(&["bm", kind.name(), &kinds]));
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// What a document says about two of its entities that no sentence names
/// together, for a document-level located-in decision.
#[derive(Debug, Clone, Copy)]
pub struct DocumentPair {
    /// The subject's kind (an organisation or a place).
    pub subject: EntityKind,
    /// Whether the object is a listed country.
    pub object_is_country: bool,
    /// How many listed countries the document names.
    pub countries: usize,
    /// How many times each is mentioned.
    pub mentions: (usize, usize),
    /// The sentences that first name each.
    pub first_sentences: (usize, usize),
    /// Whether the object is the place the document names first.
    pub object_first_place: bool,
}

impl DocumentPair {
    /// Hashed features, in a namespace of their own.
    pub fn features(&self) -> Vec<u32> {
        let bucket = |n: usize| match n {
            0..=2 => n,
            3..=5 => 3,
            _ => 4,
        };
        let kind = self.subject.name();
        let country = if self.object_is_country { "country" } else { "place" };
        let gap = self.first_sentences.1.abs_diff(self.first_sentences.0);
        let order = if self.first_sentences.1 <= self.first_sentences.0 { "object-first" } else { "subject-first" };
        let values = [
            ("kind", kind.to_owned()),
            ("object", country.to_owned()),
            ("countries", format!("{country}:{}", bucket(self.countries))),
            ("object-mentions", format!("{country}:{}", bucket(self.mentions.1))),
            ("subject-mentions", bucket(self.mentions.0).to_string()),
            ("gap", format!("{country}:{}", bucket(gap))),
            ("order", format!("{country}:{order}")),
            ("first-place", format!("{country}:{}", self.object_first_place)),
            ("lead", format!("{kind}:{}", self.first_sentences.0 == 0)),
        ];
        let mut out: Vec<u32> = values.iter().map(|(name, value)| hash(&["doc", name, value])).collect();
        out.push(hash(&["doc", "bias"]));
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The bucket of a feature: FNV-1a over its parts, separated.
fn hash(parts: &[&str]) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part.as_bytes().iter().chain(&[0x1f]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    (h % BUCKETS as u64) as u32
}

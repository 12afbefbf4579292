//! Evaluation: scores graphs against gold files (the matching rules of the
//! annotation guidelines: normalised names, typed entities, relations by
//! their matched ends) and the recogniser against GermEval-style NER data.

mod docred;
mod ner;
mod quotes;
mod spkatt;

pub use self::docred::{DocRedDocument, DocRedScores, NameIndex};
pub use self::ner::{recognizer_names, score_names, NerScores};
pub use self::quotes::{QuoteScores, SystemQuote};
pub use self::spkatt::{read_spkatt, GoldQuote, SpkAttDocument};

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// The entity types that are scored, and the three of the headline figure.
pub const SCORED_TYPES: [&str; 4] = ["Person", "Organization", "Place", "Product"];
const HEADLINE_TYPES: [&str; 3] = ["Person", "Organization", "Place"];
/// The core relations, then the other three.
pub const ALL_RELATIONS: [&str; 7] =
    ["founded", "works-at", "met-with", "quoted-in", "located-in", "developed", "cites"];
const CORE: usize = 4;

/// True and false positives and misses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Found and in the gold.
    pub tp: usize,
    /// Found, not in the gold.
    pub fp: usize,
    /// In the gold, not found.
    pub fn_: usize,
}

impl Counts {
    /// Precision, recall and F1 (1.0 where nothing was to be found).
    pub fn prf(self) -> (f64, f64, f64) {
        let p = if self.tp + self.fp > 0 {
            self.tp as f64 / (self.tp + self.fp) as f64
        } else {
            f64::from(u8::from(self.fn_ == 0))
        };
        let r = if self.tp + self.fn_ > 0 { self.tp as f64 / (self.tp + self.fn_) as f64 } else { 1.0 };
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    }

    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

/// The scores of one or more documents.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// Documents scored.
    pub documents: usize,
    /// Per entity type, plus `headline` and `untyped`.
    pub entities: BTreeMap<String, Counts>,
    /// Per relation, plus `core` and `all`.
    pub relations: BTreeMap<String, Counts>,
    /// Dated gold relations found, and how many of those have the right date.
    pub dates: (usize, usize),
    /// Every false positive and miss, for tuning rules.
    pub errors: Vec<String>,
}

impl Scores {
    /// Adds another document's scores.
    pub fn add(&mut self, other: &Scores) {
        self.documents += other.documents;
        for (name, counts) in &other.entities {
            self.entities.entry(name.clone()).or_default().add(*counts);
        }
        for (name, counts) in &other.relations {
            self.relations.entry(name.clone()).or_default().add(*counts);
        }
        self.dates = (self.dates.0 + other.dates.0, self.dates.1 + other.dates.1);
        self.errors.extend(other.errors.iter().cloned());
    }

    /// Headline entity F1 (Person, Organization, Place, typed).
    pub fn entity_f1(&self) -> f64 {
        self.entities.get("headline").copied().unwrap_or_default().prf().2
    }

    /// F1 over the four core relations.
    pub fn core_f1(&self) -> f64 {
        self.relations.get("core").copied().unwrap_or_default().prf().2
    }

    /// F1 over all seven relations.
    pub fn all_f1(&self) -> f64 {
        self.relations.get("all").copied().unwrap_or_default().prf().2
    }

    /// The score table, laid out as the guidelines' scorer prints it.
    pub fn table(&self) -> String {
        let mut out = format!("documents: {}\nentities (typed):\n", self.documents);
        let row = |out: &mut String, name: &str, c: Counts| {
            let (p, r, f) = c.prf();
            let _ =
                writeln!(out, "  {name:<14} P {p:.3}  R {r:.3}  F1 {f:.3}   (tp {}, fp {}, fn {})", c.tp, c.fp, c.fn_);
        };
        for name in SCORED_TYPES.iter().chain(&["headline", "untyped"]) {
            row(&mut out, name, self.entities.get(*name).copied().unwrap_or_default());
        }
        out.push_str("relations:\n");
        for name in ALL_RELATIONS.iter().chain(&["core", "all"]) {
            row(&mut out, name, self.relations.get(*name).copied().unwrap_or_default());
        }
        let _ = writeln!(out, "  dates correct on found dated relations: {}/{}", self.dates.1, self.dates.0);
        let _ = writeln!(
            out,
            "entity-F1 {:.3} core-relation-F1 {:.3} all-relation-F1 {:.3}",
            self.entity_f1(),
            self.core_f1(),
            self.all_f1()
        );
        out
    }
}

/// Names compared the way the guidelines say: NFKC, case folded, hyphens
/// and underscores as spaces, white space collapsed.
pub fn normalize_name(name: &str) -> String {
    let folded: String = name.nfkc().flat_map(char::to_lowercase).collect();
    let spaced: String = folded
        .chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            '-' | '_' | '\u{2010}'..='\u{2015}' => ' ',
            other => other,
        })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text(value: &Value, key: &str) -> String {
    value.get(key).and_then(Value::as_str).unwrap_or_default().to_owned()
}

fn texts(value: &Value, key: &str) -> Vec<String> {
    value
        .get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default()
}

/// Scores one graph (kgex JSON, as a value) against one gold file.
pub fn score_document(gold: &Value, graph: &Value) -> Scores {
    let gold_entities: Vec<&Value> =
        gold.get("entities").and_then(Value::as_array).map(|a| a.iter().collect()).unwrap_or_default();
    let mut surface: HashMap<String, String> = HashMap::new();
    for entity in &gold_entities {
        for form in std::iter::once(text(entity, "name")).chain(texts(entity, "aliases")) {
            surface.entry(normalize_name(&form)).or_insert_with(|| text(entity, "id"));
        }
    }
    let by_id: HashMap<String, &Value> = gold_entities.iter().map(|e| (text(e, "id"), *e)).collect();
    let nodes: Vec<&Value> =
        graph.get("nodes").and_then(Value::as_array).map(|a| a.iter().collect()).unwrap_or_default();
    let mut scores = Scores { documents: 1, ..Scores::default() };
    let node_gold = score_entities(&nodes, &surface, &by_id, &gold_entities, &mut scores);
    score_relations(gold, graph, &node_gold, &mut scores);
    scores
}

fn score_entities(
    nodes: &[&Value],
    surface: &HashMap<String, String>,
    by_id: &HashMap<String, &Value>,
    gold_entities: &[&Value],
    scores: &mut Scores,
) -> HashMap<String, String> {
    let mut node_gold = HashMap::new();
    let (mut fp, mut fp_untyped) = (HashMap::<String, usize>::new(), 0);
    let (mut typed, mut untyped, mut seen) = (HashSet::new(), HashSet::new(), HashSet::new());
    let documents: Vec<&&Value> = nodes.iter().filter(|n| text(n, "type") == "Document").collect();
    for node in nodes {
        let kind = text(node, "type");
        if kind == "Document" {
            if documents.len() == 1 {
                node_gold.insert(text(node, "id"), "@doc".to_owned());
            }
            continue;
        }
        let forms = std::iter::once(text(node, "label")).chain(texts(node, "aliases"));
        let gold_id = forms.map(|f| normalize_name(&f)).find_map(|f| surface.get(&f).cloned());
        if let Some(id) = &gold_id {
            node_gold.insert(text(node, "id"), id.clone());
        }
        if !SCORED_TYPES.contains(&kind.as_str()) {
            continue;
        }
        let label = text(node, "label");
        match gold_id {
            Some(id) if seen.insert(id.clone()) => {
                let gold = by_id[&id];
                if gold.get("optional").and_then(Value::as_bool) == Some(true) {
                    continue;
                }
                untyped.insert(id.clone());
                if text(gold, "type") == kind {
                    typed.insert(id);
                } else {
                    *fp.entry(kind.clone()).or_default() += 1;
                    scores
                        .errors
                        .push(format!("entity FP  [{kind}] {label} (typed {kind}, gold {})", text(gold, "type")));
                }
            }
            _ => {
                *fp.entry(kind.clone()).or_default() += 1;
                fp_untyped += 1;
                scores.errors.push(format!("entity FP  [{kind}] {label}"));
            }
        }
    }
    let required = |types: &[&str]| -> Vec<String> {
        gold_entities
            .iter()
            .filter(|e| {
                e.get("optional").and_then(Value::as_bool) != Some(true) && types.contains(&text(e, "type").as_str())
            })
            .map(|e| text(e, "id"))
            .collect()
    };
    let block = |types: &[&str]| {
        let req = required(types);
        let tp = req.iter().filter(|id| typed.contains(*id)).count();
        Counts { tp, fp: types.iter().map(|t| fp.get(*t).copied().unwrap_or(0)).sum(), fn_: req.len() - tp }
    };
    for kind in SCORED_TYPES {
        scores.entities.insert(kind.to_owned(), block(&[kind]));
    }
    scores.entities.insert("headline".to_owned(), block(&HEADLINE_TYPES));
    let req = required(&SCORED_TYPES);
    let tp = req.iter().filter(|id| untyped.contains(*id)).count();
    scores.entities.insert("untyped".to_owned(), Counts { tp, fp: fp_untyped, fn_: req.len() - tp });
    for id in required(&SCORED_TYPES).iter().filter(|id| !typed.contains(*id)) {
        scores.errors.push(format!("entity FN  [{}] {}", text(by_id[id], "type"), text(by_id[id], "name")));
    }
    node_gold
}

type RelationKey = (String, String, String);

fn relation_key(relation: &str, subject: String, object: String) -> RelationKey {
    if relation == "met-with" && subject > object {
        return (relation.to_owned(), object, subject);
    }
    (relation.to_owned(), subject, object)
}

fn score_relations(gold: &Value, graph: &Value, node_gold: &HashMap<String, String>, scores: &mut Scores) {
    let mut required: HashMap<RelationKey, &Value> = HashMap::new();
    let mut optional: HashSet<RelationKey> = HashSet::new();
    for relation in gold.get("relations").and_then(Value::as_array).into_iter().flatten() {
        let key = relation_key(&text(relation, "relation"), text(relation, "subject"), text(relation, "object"));
        if relation.get("optional").and_then(Value::as_bool) == Some(true) {
            optional.insert(key);
        } else {
            required.insert(key, relation);
        }
    }
    let edges = graph.get("edges").or_else(|| graph.get("links")).and_then(Value::as_array);
    let mut found: BTreeMap<RelationKey, &Value> = BTreeMap::new();
    for edge in edges.into_iter().flatten() {
        let relation = text(edge, "relation");
        if !ALL_RELATIONS.contains(&relation.as_str()) {
            continue;
        }
        let end =
            |key: &str| node_gold.get(&text(edge, key)).cloned().unwrap_or_else(|| format!("?{}", text(edge, key)));
        found.entry(relation_key(&relation, end("source"), end("target"))).or_insert(edge);
    }
    let mut per: HashMap<&str, Counts> = HashMap::new();
    for (key, edge) in &found {
        let counts = per.entry(ALL_RELATIONS.iter().find(|r| **r == key.0).copied().unwrap_or("")).or_default();
        if let Some(gold) = required.get(key) {
            counts.tp += 1;
            if let Some(want) = gold.get("date").and_then(Value::as_str) {
                scores.dates.0 += 1;
                let got = text(edge, "date");
                let ok = !got.is_empty()
                    && (got == want || got.ends_with(want.trim_start_matches('-')) || got.starts_with(want));
                scores.dates.1 += usize::from(ok);
            }
        } else if !optional.contains(key) {
            counts.fp += 1;
            scores.errors.push(format!("relation FP {} -{}-> {}", key.1, key.0, key.2));
        }
    }
    for key in required.keys().filter(|k| !found.contains_key(*k)) {
        per.entry(ALL_RELATIONS.iter().find(|r| **r == key.0).copied().unwrap_or("")).or_default().fn_ += 1;
        scores.errors.push(format!("relation FN {} -{}-> {}", key.1, key.0, key.2));
    }
    let (mut core, mut all) = (Counts::default(), Counts::default());
    for (idx, relation) in ALL_RELATIONS.iter().enumerate() {
        let counts = per.get(relation).copied().unwrap_or_default();
        scores.relations.insert((*relation).to_owned(), counts);
        all.add(counts);
        if idx < CORE {
            core.add(counts);
        }
    }
    scores.relations.insert("core".to_owned(), core);
    scores.relations.insert("all".to_owned(), all);
    scores.errors.sort();
}

//! Re-DocRED documents (English Wikipedia introductions with Wikidata
//! relations between entity clusters) scored as kgex relations: the
//! properties that mean one of kgex's relations are mapped to it, and a kgex
//! relation counts when both its ends name the gold entities.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::{normalize_name, Counts};
use crate::graph::KnowledgeGraph;
use crate::relations::RelationKind;

/// One Re-DocRED document.
#[derive(Debug, Clone, Deserialize)]
pub struct DocRedDocument {
    /// The article title.
    pub title: String,
    /// Tokens per sentence.
    pub sents: Vec<Vec<String>>,
    /// Entities as clusters of mentions.
    #[serde(rename = "vertexSet")]
    pub vertex_set: Vec<Vec<DocRedMention>>,
    /// Relations between entities.
    #[serde(default)]
    pub labels: Vec<DocRedLabel>,
}

/// A mention of an entity.
#[derive(Debug, Clone, Deserialize)]
pub struct DocRedMention {
    /// Its words.
    pub name: String,
    /// PER, ORG, LOC, TIME, NUM or MISC.
    #[serde(rename = "type")]
    pub kind: String,
}

/// A relation `h --r--> t`.
#[derive(Debug, Clone, Deserialize)]
pub struct DocRedLabel {
    /// Head entity.
    pub h: usize,
    /// Tail entity.
    pub t: usize,
    /// Wikidata property.
    pub r: String,
}

/// A kgex relation between two gold entities, or a name that is none.
type Triple = (RelationKind, End, End);

/// A relation end: a gold entity, or the normalised label of a kgex entity
/// that matches none.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum End {
    Gold(usize),
    Other(String),
}

impl DocRedDocument {
    /// The text kgex reads: the sentences' tokens joined with spaces, no
    /// space before closing punctuation.
    pub fn text(&self) -> String {
        let sentences: Vec<String> = self.sents.iter().map(|s| join_tokens(s)).collect();
        sentences.join(" ")
    }

    /// The gold relations mapped to kgex's, subject first: P108 employer →
    /// works-at; P112 founded by → founded (reversed); P159 headquarters,
    /// P131 located in, P17 country → located-in (organisations and
    /// places); P178 developer, P176 manufacturer → developed (reversed).
    pub fn gold_relations(&self) -> BTreeSet<(RelationKind, usize, usize)> {
        let kind_of = |e: usize| self.vertex_set[e].first().map_or("", |m| m.kind.as_str());
        let mut gold = BTreeSet::new();
        for label in &self.labels {
            let (h, t) = (label.h, label.t);
            let mapped = match label.r.as_str() {
                "P108" if kind_of(h) == "PER" && kind_of(t) == "ORG" => Some((RelationKind::WorksAt, h, t)),
                "P112" if kind_of(h) == "ORG" && matches!(kind_of(t), "PER" | "ORG") => {
                    Some((RelationKind::Founded, t, h))
                }
                "P159" | "P131" | "P17" if matches!(kind_of(h), "ORG" | "LOC") && kind_of(t) == "LOC" => {
                    Some((RelationKind::LocatedIn, h, t))
                }
                "P178" | "P176" if kind_of(t) == "ORG" && kind_of(h) == "MISC" => Some((RelationKind::Developed, t, h)),
                _ => None,
            };
            gold.extend(mapped);
        }
        gold
    }

    /// Every normalised name form of the gold entities, for finding the
    /// entity a kgex entity's label or alias names (the first entity that
    /// has the form wins).
    pub fn name_index(&self) -> NameIndex {
        let mut names = BTreeMap::new();
        for (e, mentions) in self.vertex_set.iter().enumerate() {
            for mention in mentions {
                names.entry(normalize_name(strip_article(&mention.name))).or_insert(e);
            }
        }
        NameIndex(names)
    }
}

/// Normalised name forms of a document's gold entities.
#[derive(Debug, Clone)]
pub struct NameIndex(BTreeMap<String, usize>);

impl NameIndex {
    /// The gold entity the first of `names` that is known stands for.
    pub fn entity<S: AsRef<str>>(&self, names: &[S]) -> Option<usize> {
        names.iter().find_map(|n| self.0.get(&normalize_name(strip_article(n.as_ref()))).copied())
    }
}

/// An entity's label and aliases.
fn labels(entity: &crate::graph::Entity) -> Vec<&str> {
    let mut all = vec![entity.label.as_str()];
    all.extend(entity.aliases.iter().map(String::as_str));
    all
}

fn strip_article(name: &str) -> &str {
    name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name)
}

fn join_tokens(tokens: &[String]) -> String {
    let mut text = String::new();
    for token in tokens {
        let glue = text.is_empty() || matches!(token.as_str(), "." | "," | ";" | ":" | "!" | "?" | ")" | "'s" | "%");
        if !glue && !text.ends_with('(') {
            text.push(' ');
        }
        text.push_str(token);
    }
    text
}

/// Relation scores per kgex relation over Re-DocRED documents.
#[derive(Debug, Clone, Default)]
pub struct DocRedScores {
    /// Documents scored (those with a mapped relation).
    pub documents: usize,
    /// Per relation name.
    pub relations: BTreeMap<String, Counts>,
    /// One line per error, when asked for.
    pub errors: Vec<String>,
}

impl DocRedScores {
    /// Scores the relations of `graph` (extracted from `document.text()`)
    /// of the four mapped kinds against the gold.
    pub fn add(&mut self, document: &DocRedDocument, graph: &KnowledgeGraph, show_errors: bool) {
        let gold: BTreeSet<Triple> =
            document.gold_relations().into_iter().map(|(k, h, t)| (k, End::Gold(h), End::Gold(t))).collect();
        self.documents += 1;
        let names = document.name_index();
        let end = |labels: Vec<&str>| -> End {
            let found = names.entity(&labels);
            found.map_or_else(|| End::Other(normalize_name(labels[0])), End::Gold)
        };
        let seen: BTreeSet<usize> = graph.entities().filter_map(|e| names.entity(&labels(e))).collect();
        let mut found: BTreeSet<Triple> = BTreeSet::new();
        // The rule of each found fact's first evidence, named beside a wrong one.
        let mut rules: BTreeMap<Triple, String> = BTreeMap::new();
        for edge in graph.relations() {
            let (subject, object, relation) = (edge.subject, edge.object, edge.relation);
            if !matches!(
                relation.kind,
                RelationKind::WorksAt | RelationKind::Founded | RelationKind::LocatedIn | RelationKind::Developed
            ) {
                continue;
            }
            let triple = (relation.kind.clone(), end(labels(subject)), end(labels(object)));
            if let Some(evidence) = relation.evidence.first() {
                rules.entry(triple.clone()).or_insert_with(|| evidence.rule().to_owned());
            }
            found.insert(triple);
        }
        for kind in [RelationKind::WorksAt, RelationKind::Founded, RelationKind::LocatedIn, RelationKind::Developed] {
            let counts = self.relations.entry(kind.name().to_owned()).or_default();
            let of_kind = |set: &BTreeSet<Triple>| set.iter().filter(|t| t.0 == kind).cloned().collect::<BTreeSet<_>>();
            let (g, f) = (of_kind(&gold), of_kind(&found));
            counts.tp += g.intersection(&f).count();
            counts.fp += f.difference(&g).count();
            counts.fn_ += g.difference(&f).count();
            if show_errors {
                let show = |e: &End| match e {
                    End::Gold(i) => document.vertex_set[*i][0].name.clone(),
                    End::Other(name) => format!("?{name}"),
                };
                let wrong = f.difference(&g).map(|t| ("FP", t));
                for (what, t) in wrong.chain(g.difference(&f).map(|t| ("FN", t))) {
                    let (subject, object) = (show(&t.1), show(&t.2));
                    // A missed fact with an end kgex never found is an entity error, not a relation error.
                    let unfound: Vec<String> = [&t.1, &t.2]
                        .into_iter()
                        .filter(|e| matches!(e, End::Gold(i) if !seen.contains(i)))
                        .map(show)
                        .collect();
                    let note = match rules.get(t).filter(|_| what == "FP") {
                        Some(rule) => format!(" [{rule}]"),
                        None if unfound.is_empty() => String::new(),
                        None => format!(" [no entity: {}]", unfound.join(", ")),
                    };
                    self.errors.push(format!("{}: {what} {subject} -{}-> {object}{note}", document.title, kind.name()));
                }
            }
        }
    }

    /// All mapped relations together.
    pub fn total(&self) -> Counts {
        let mut total = Counts::default();
        self.relations.values().for_each(|c| total.add(*c));
        total
    }

    /// A plain-text table.
    pub fn table(&self) -> String {
        let mut out = format!("documents {}\n", self.documents);
        let rows = self.relations.iter().map(|(k, c)| (k.as_str(), *c)).chain([("all", self.total())]);
        for (name, c) in rows {
            let (p, r, f) = c.prf();
            out.push_str(&format!(
                "  {name:<12} P {p:.3}  R {r:.3}  F1 {f:.3}   (tp {}, fp {}, fn {})\n",
                c.tp, c.fp, c.fn_
            ));
        }
        out
    }
}

//! The one place that knows the order of the stages: document → sentences →
//! mentions → facts → graph.

use std::collections::HashMap;

use crate::entities::{possessive_base, strip_genitive, CueRecognizer, EntityKind, Mention, Recognizer};
use crate::graph::{self, DocumentSource, Entity, EntityId, Evidence, KnowledgeGraph, Relation, TextSpan};
use crate::input::Document;
use crate::relations::{extract_facts, Endpoint, Fact};
use crate::text::{split_sentences, tokenize, CharOffsets, Sentence, Span};

/// How extraction runs.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Record an explanation line for every merge and relation.
    pub explain: bool,
}

/// The graph of some documents, with the explanation lines if asked for.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Entities and relations of all documents.
    pub graph: KnowledgeGraph,
    /// One line per merge and relation, when `Settings::explain` is set.
    pub explanations: Vec<String>,
}

/// Extracts every document and merges the graphs, in input order.
pub fn extract_all(documents: &[Document], settings: &Settings) -> Extraction {
    let mut all = Extraction::default();
    for document in documents {
        let extraction = extract(document, settings);
        all.graph.merge(extraction.graph);
        all.explanations.extend(extraction.explanations);
    }
    all
}

/// The sentences of one document with their tokens and mentions.
struct Annotated {
    sentence: Sentence,
    tokens: Vec<crate::text::Token>,
    mentions: Vec<Mention>,
}

/// Extracts the graph of one document.
pub fn extract(document: &Document, settings: &Settings) -> Extraction {
    let recognizer = CueRecognizer::for_language(document.language);
    let text = document.text.as_str();
    let mut annotated: Vec<Annotated> = split_sentences(text)
        .into_iter()
        .map(|sentence| Annotated {
            sentence,
            tokens: tokenize(text, sentence.span),
            mentions: recognizer.recognize(text, &sentence),
        })
        .collect();
    let names = known_names(&annotated);
    for sentence in &mut annotated {
        add_known_mentions(text, sentence, &names);
    }
    build_graph(document, &annotated, &names, settings)
}

/// Names found with a cue, by name; a person's surname maps to the full name
/// unless two people share it.
fn known_names(annotated: &[Annotated]) -> HashMap<String, (EntityKind, String)> {
    let mut names: HashMap<String, (EntityKind, String)> = HashMap::new();
    let mut surnames: HashMap<String, Option<String>> = HashMap::new();
    for mention in annotated.iter().flat_map(|a| &a.mentions) {
        names.entry(mention.name.clone()).or_insert((mention.kind, mention.name.clone()));
        if mention.kind == EntityKind::Person {
            if let Some((_, surname)) = mention.name.rsplit_once(' ') {
                let entry = surnames.entry(surname.to_owned()).or_insert_with(|| Some(mention.name.clone()));
                if entry.as_deref() != Some(mention.name.as_str()) {
                    *entry = None;
                }
            }
        }
    }
    for (surname, full) in surnames {
        if let Some(full) = full {
            names.entry(surname).or_insert((EntityKind::Person, full));
        }
    }
    names
}

/// Finds later mentions of names already known: repeats, surnames and
/// genitives (`Bergs`).
fn add_known_mentions(text: &str, sentence: &mut Annotated, names: &HashMap<String, (EntityKind, String)>) {
    let tokens = &sentence.tokens;
    for start in 0..tokens.len() {
        for end in (start + 1..=(start + 6).min(tokens.len())).rev() {
            let span = Span::new(tokens[start].span.start, tokens[end - 1].span.end);
            let surface = &text[span.range()];
            let base = [surface, strip_genitive(surface)]
                .into_iter()
                .chain(possessive_base(surface))
                .find(|s| names.contains_key(*s));
            let Some(base) = base else { continue };
            let span = Span::new(span.start, span.start + base.len());
            if sentence.mentions.iter().any(|m| m.span.start < span.end && span.start < m.span.end) {
                break;
            }
            let kind = names[base].0;
            sentence.mentions.push(Mention {
                span,
                kind,
                name: base.to_owned(),
                role: None,
                origin: "alias/known-name",
            });
            break;
        }
    }
    sentence.mentions.sort_by_key(|m| m.span);
}

fn build_graph(
    document: &Document,
    annotated: &[Annotated],
    names: &HashMap<String, (EntityKind, String)>,
    settings: &Settings,
) -> Extraction {
    let text = document.text.as_str();
    let offsets = CharOffsets::new(text);
    let text_span = |span: Span| TextSpan {
        start: span.start,
        end: span.end,
        char_start: offsets.char_offset(span.start),
        char_end: offsets.char_offset(span.end),
    };
    let mut extraction = Extraction::default();
    let document_id = extraction.graph.add_entity(document_entity(document)).clone();
    let canonical = |mention: &Mention| names.get(&mention.name).map_or(mention.name.clone(), |(_, full)| full.clone());
    for sentence in annotated {
        let mut ids = Vec::with_capacity(sentence.mentions.len());
        for mention in &sentence.mentions {
            let mut entity = Entity::new(mention.kind, &canonical(mention));
            if mention.name != entity.label {
                entity.aliases.insert(mention.name.clone());
                if settings.explain {
                    extraction.explanations.push(format!(
                        "merge: {} '{}' → '{}' ({})",
                        mention.kind, mention.name, entity.label, mention.origin
                    ));
                }
            }
            entity.lang = Some(document.language.tag().to_owned());
            entity.description = mention.role.clone();
            entity.mentions.push(graph::Mention {
                document: document_id.clone(),
                span: text_span(mention.span),
                text: text[mention.span.range()].to_owned(),
            });
            ids.push(extraction.graph.add_entity(entity).clone());
        }
        for fact in extract_facts(text, &sentence.tokens, &sentence.mentions) {
            let evidence = Evidence {
                document: document_id.clone(),
                sentence: sentence.sentence.index,
                span: text_span(sentence.sentence.span),
                text: text[sentence.sentence.span.range()].to_owned(),
                rule: fact.rule.to_owned(),
                confidence: fact.confidence,
            };
            add_fact(&mut extraction, &ids, &document_id, fact, evidence, settings.explain);
        }
    }
    extraction
}

fn add_fact(
    extraction: &mut Extraction,
    ids: &[EntityId],
    document_id: &EntityId,
    fact: Fact,
    evidence: Evidence,
    explain: bool,
) {
    let end = |endpoint: Endpoint| match endpoint {
        Endpoint::Mention(idx) => ids[idx].clone(),
        Endpoint::Document => document_id.clone(),
    };
    let (subject, object) = (end(fact.subject), end(fact.object));
    if subject == object {
        return;
    }
    if explain {
        extraction
            .explanations
            .push(format!("relation: {subject} {} {object} [{}] in: {}", fact.kind, fact.rule, evidence.text));
    }
    let relation = Relation { kind: fact.kind, attributes: fact.attributes, evidence: vec![evidence] };
    extraction
        .graph
        .add_relation(&subject, &object, relation)
        .expect("both ends were added with the sentence's mentions");
}

fn document_entity(document: &Document) -> Entity {
    let mut entity = Entity::new(EntityKind::Document, &document.name);
    entity.label = document.title.clone();
    entity.lang = Some(document.language.tag().to_owned());
    entity.source =
        Some(DocumentSource { path: document.path.clone(), date: document.date.clone(), url: document.url.clone() });
    entity
}

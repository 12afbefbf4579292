//! Turns a document's resolved mentions and facts into graph entities and
//! relations with evidence, spans mapped back to the original text.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::Extraction;
use crate::entities::{EntityKind, Mention, Resolution, MODEL_ORIGIN};
use crate::graph::{self, DocumentSource, Entity, EntityId, Evidence, Findings, Relation, SourceSentence, TextSpan};
use crate::input::Document;
use crate::relations::{Endpoint, Fact};
use crate::text::{CharOffsets, Normalized, Sentence, Span};

/// Turns one document's resolved mentions and facts into graph entities and
/// relations, with spans mapped back to the original text.
pub(super) struct GraphBuilder<'a> {
    document: &'a Document,
    normalized: &'a Normalized<'a>,
    offsets: CharOffsets<'a>,
    explain: bool,
    document_id: EntityId,
    /// The document's language tag, one copy for all its entities.
    lang: Arc<str>,
    entity_ids: Vec<Option<EntityId>>,
    /// The sentence whose facts are being added: every fact of a sentence
    /// shares one copy.
    sentence: Option<Arc<SourceSentence>>,
    /// Rules and confidences, one copy each for all the facts a rule finds.
    findings: Findings,
    pub(super) extraction: Extraction,
}

impl<'a> GraphBuilder<'a> {
    pub(super) fn new(document: &'a Document, normalized: &'a Normalized<'a>, explain: bool) -> Self {
        let mut extraction = Extraction::default();
        let lang: Arc<str> = Arc::from(document.language.tag());
        let document_id = extraction.graph.add_entity(document_entity(document, &lang)).clone();
        let offsets = CharOffsets::new(&document.text);
        Self {
            document,
            normalized,
            offsets,
            explain,
            document_id,
            lang,
            entity_ids: Vec::new(),
            sentence: None,
            findings: Findings::default(),
            extraction,
        }
    }

    /// The span of the original text for a span of the normalised one;
    /// `None` past the 4 GiB a graph's offsets hold, which only a document
    /// that no reader accepts reaches.
    fn text_span(&self, span: Span) -> Option<TextSpan> {
        let span = self.normalized.to_original(span);
        let (char_start, char_end) = (self.offsets.char_offset(span.start), self.offsets.char_offset(span.end));
        TextSpan::new(span.start, span.end, char_start, char_end)
    }

    pub(super) fn add_entities(&mut self, mentions: &[Vec<Mention>], resolution: &Resolution) {
        self.entity_ids = vec![None; resolution.entities.len()];
        for (sentence_mentions, assignment) in mentions.iter().zip(&resolution.assignments) {
            for (mention, &idx) in sentence_mentions.iter().zip(assignment) {
                let resolved = &resolution.entities[idx];
                let mut entity = Entity::new(resolved.kind, &resolved.label);
                entity.aliases = resolved.aliases.clone();
                entity.lang = Some(self.lang.clone());
                entity.description = mention.role.clone();
                let Some(span) = self.text_span(mention.span) else { continue };
                let text = self.document.text[span.range()].into();
                // The text is the span's, so the mention is always made.
                entity.mentions.extend(graph::Mention::new(self.document_id.clone(), span, text));
                let id = self.extraction.graph.add_entity(entity).clone();
                self.entity_ids[idx] = Some(id);
            }
        }
        if self.explain {
            self.extraction.explanations.extend(found_by(mentions, resolution));
            self.extraction.explanations.extend(resolution.explanations.iter().cloned());
        }
    }

    pub(super) fn add_facts(
        &mut self,
        sentences: &[Sentence],
        mentions: &[Vec<Mention>],
        resolution: &Resolution,
        facts: Vec<Vec<Fact>>,
    ) {
        let mut recent_organization: Option<usize> = None;
        // Mentions per organisation so far, in the order first named.
        let mut named: Vec<(usize, usize)> = Vec::new();
        for (n, (sentence, sentence_facts)) in sentences.iter().zip(facts).enumerate() {
            let assignment = &resolution.assignments[n];
            let here = mentions[n].iter().zip(assignment).filter(|(m, _)| m.kind == EntityKind::Organization);
            for (_, &i) in here.clone() {
                match named.iter_mut().find(|(e, _)| *e == i) {
                    Some((_, count)) => *count += 1,
                    None => named.push((i, 1)),
                }
            }
            recent_organization = here.map(|(_, &i)| i).next_back().or(recent_organization);
            // The most often named; the first named of equals. Asked only by
            // the few facts that leave their organisation out.
            let main_organization = || named.iter().rev().max_by_key(|(_, count)| *count).map(|&(e, _)| e);
            for fact in sentence_facts {
                let end = |endpoint: Endpoint| match endpoint {
                    Endpoint::Mention(m) => self.entity_ids[assignment[m]].clone(),
                    Endpoint::Document => Some(self.document_id.clone()),
                    Endpoint::RecentOrganization => recent_organization.and_then(|i| self.entity_ids[i].clone()),
                    Endpoint::MainOrganization => main_organization().and_then(|i| self.entity_ids[i].clone()),
                    Endpoint::Entity(i) => self.entity_ids[i].clone(),
                };
                let (Some(subject), Some(object)) = (end(fact.subject), end(fact.object)) else { continue };
                self.add_fact(sentence, subject, object, fact);
            }
        }
    }

    fn add_fact(&mut self, sentence: &Sentence, subject: EntityId, object: EntityId, mut fact: Fact) {
        if subject == object {
            return;
        }
        let Some(source) = self.source_sentence(sentence) else { return };
        if self.explain {
            self.extraction.explanations.push(format!(
                "relation: {subject} {} {object} [{}] in: {}",
                fact.kind,
                fact.rule,
                source.held_text().unwrap_or_default()
            ));
        }
        if let (Some(date), Some(document_date)) = (&fact.attributes.date, &self.document.date) {
            fact.attributes.date = Some(with_year_from(date, document_date));
        }
        let evidence = Evidence::new(source, self.findings.get(&fact.rule, fact.confidence));
        let relation = Relation::stated(fact.kind, fact.attributes, vec![evidence]);
        self.extraction.graph.add_relation(&subject, &object, relation).expect("both ends are entities of the graph");
    }

    /// The shared copy of `sentence`, made for its first fact.
    fn source_sentence(&mut self, sentence: &Sentence) -> Option<Arc<SourceSentence>> {
        let index = u32::try_from(sentence.index).ok()?;
        if let Some(shared) = self.sentence.as_ref().filter(|shared| shared.index == index) {
            return Some(shared.clone());
        }
        let span = self.text_span(sentence.span)?;
        let text = &self.document.text[span.range()];
        let shared = Arc::new(SourceSentence::new(self.document_id.clone(), index, span, text));
        self.sentence = Some(shared.clone());
        Some(shared)
    }
}

/// One line per entity saying which layer found its mentions: the tagger,
/// with its highest confidence, or the rules and lists, by origin.
fn found_by(mentions: &[Vec<Mention>], resolution: &Resolution) -> Vec<String> {
    let mut sources: Vec<BTreeMap<&str, (usize, f32)>> = vec![BTreeMap::new(); resolution.entities.len()];
    for (sentence_mentions, assignment) in mentions.iter().zip(&resolution.assignments) {
        for (mention, &idx) in sentence_mentions.iter().zip(assignment) {
            let entry = sources[idx].entry(mention.origin).or_insert((0, 0.0));
            entry.0 += 1;
            entry.1 = entry.1.max(mention.confidence.unwrap_or(0.0));
        }
    }
    let entities = resolution.entities.iter().zip(&sources).filter(|(_, s)| !s.is_empty());
    entities
        .map(|(entity, sources)| {
            let parts: Vec<String> = sources
                .iter()
                .map(|(origin, (count, confidence))| match *origin {
                    MODEL_ORIGIN => format!("model (confidence up to {confidence:.2}) ×{count}"),
                    _ => format!("rule {origin} ×{count}"),
                })
                .collect();
            format!("entity: {} '{}' found by {}", entity.kind, entity.label, parts.join(", "))
        })
        .collect()
}

/// `--01-20` with the year of the document's date (`2025-01-28` → `2025-01-20`);
/// a month after the document's month is taken from the year before.
fn with_year_from(date: &str, document_date: &str) -> String {
    let (Some(month_day), Some(year)) = (date.strip_prefix("--"), document_date.get(..4)) else {
        return date.to_owned();
    };
    let (Ok(mut year), Some(document_month)) = (year.parse::<i32>(), document_date.get(5..7)) else {
        return date.to_owned();
    };
    if month_day.get(..2) > Some(document_month) {
        year -= 1;
    }
    format!("{year:04}-{month_day}")
}

fn document_entity(document: &Document, lang: &Arc<str>) -> Entity {
    let mut entity = Entity::new(EntityKind::Document, &document.name);
    entity.label = document.title.clone();
    entity.lang = Some(lang.clone());
    let source = DocumentSource { path: document.path.clone(), date: document.date.clone(), url: document.url.clone() };
    entity.source = Some(Box::new(source));
    entity
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_the_year_of_a_day_from_the_document_date() {
        assert_eq!(with_year_from("--01-20", "2025-01-28"), "2025-01-20");
        assert_eq!(with_year_from("--12-30", "2025-01-05"), "2024-12-30");
        assert_eq!(with_year_from("2023-07", "2025-01-05"), "2023-07");
    }
}

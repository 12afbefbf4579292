//! The one place that knows the order of the stages: document → normalised
//! text → sentences → tokens → mentions → entities → facts → graph.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use crate::entities::tagger::Tagger;
use crate::entities::{
    add_definite_references, resolve, EntityKind, EntityRecognizer, Layers, Mention, NameLists, Recognizer, Resolution,
    MODEL_ORIGIN,
};
use crate::graph::{self, DocumentSource, Entity, EntityId, Evidence, KnowledgeGraph, Relation, TextSpan};
use crate::input::{Document, Language};
use crate::relations::scorer::{candidate_pairs, RelationScorer};
use crate::relations::{
    builtin_rules, find_quotes, infer_located, Attributes, Endpoint, Fact, PlaceFacts, Quote, QuoteForm, QuoteInput,
    RelationKind, RuleFile, SentenceView,
};
use crate::text::{split_sentences, tokenize, CharOffsets, Normalized, Sentence, Span, Token};

/// How extraction runs.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Record an explanation line for every merge and relation.
    pub explain: bool,
    /// Rules added to the built-in ones of every language.
    pub rules: Option<RuleFile>,
    /// Tagger models that replace the built-in one of their language.
    pub models: Vec<Arc<Tagger>>,
    /// Names to find with a kind, and names to veto.
    pub names: Arc<NameLists>,
    /// Which layers of the recogniser run.
    pub layers: Layers,
    /// Tagger names less confident than this are left out; confidences
    /// start at 0.5, so 0 (the default) keeps every name the tagger finds.
    pub min_confidence: f32,
    /// A relation scorer that replaces the built-in one of its language.
    pub relation_scorer: Option<(Language, Arc<RelationScorer>)>,
}

/// The graph of some documents, with the explanation lines if asked for.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Entities and relations of all documents.
    pub graph: KnowledgeGraph,
    /// One line per merge and relation, when `Settings::explain` is set.
    pub explanations: Vec<String>,
}

impl Extraction {
    /// Adds another extraction's graph and explanations after these.
    pub fn merge(&mut self, other: Extraction) {
        self.graph.merge(other.graph);
        self.explanations.extend(other.explanations);
    }
}

/// Everything extraction needs that does not change between documents.
#[derive(Debug, Clone)]
pub struct Extractor {
    explain: bool,
    german: Cow<'static, RuleFile>,
    english: Cow<'static, RuleFile>,
    models: Vec<Arc<Tagger>>,
    names: Arc<NameLists>,
    layers: Layers,
    min_confidence: f32,
    relation_scorer: Option<(Language, Arc<RelationScorer>)>,
}

impl Extractor {
    /// Prepares the rules of every language once.
    pub fn new(settings: &Settings) -> Self {
        let combine = |language| match &settings.rules {
            None => Cow::Borrowed(builtin_rules(language)),
            Some(user) => {
                let mut rules = builtin_rules(language).clone();
                rules.extend(user.clone());
                Cow::Owned(rules)
            }
        };
        Self {
            explain: settings.explain,
            german: combine(Language::De),
            english: combine(Language::En),
            models: settings.models.clone(),
            names: Arc::clone(&settings.names),
            layers: settings.layers,
            min_confidence: settings.min_confidence,
            relation_scorer: settings.relation_scorer.clone(),
        }
    }

    /// The relation scorer for `language`: the user's, or the built-in one.
    fn scorer(&self, language: Language) -> Option<&RelationScorer> {
        match &self.relation_scorer {
            Some((lang, scorer)) if *lang == language => Some(scorer),
            _ => RelationScorer::builtin(language),
        }
    }

    /// The tagger for `language`: the user's model, or the built-in one.
    fn tagger(&self, language: Language) -> &Tagger {
        Tagger::choose(&self.models, language)
    }

    fn rules(&self, language: Language) -> &RuleFile {
        match language {
            Language::De => &self.german,
            Language::En => &self.english,
        }
    }

    /// Extracts the graph of one document.
    pub fn extract(&self, document: &Document) -> Extraction {
        let normalized = Normalized::new(&document.text);
        let analysis = self.analyze(document.language, normalized.text());
        let (mut facts, outlets) = self.find_facts(&analysis, document.language);
        let quotes = find_quotes(&analysis.quote_input(document.language));
        add_quote_facts(&analysis, &quotes, &outlets, &mut facts);
        add_inferred_facts(&analysis, &mut facts);
        let mut builder = GraphBuilder::new(document, &normalized, self.explain);
        builder.add_entities(&analysis.mentions, &analysis.resolution);
        builder.add_facts(&analysis.sentences, &analysis.mentions, &analysis.resolution, facts);
        builder.extraction
    }

    /// The quotations of one document with their speakers, in spans of the
    /// original text.
    pub fn quotes(&self, document: &Document) -> Vec<FoundQuote> {
        let normalized = Normalized::new(&document.text);
        let analysis = self.analyze(document.language, normalized.text());
        let quotes = find_quotes(&analysis.quote_input(document.language));
        let label = |q: &Quote| q.entity.map(|e| analysis.resolution.entities[e].label.clone());
        quotes
            .iter()
            .map(|q| FoundQuote {
                message: normalized.to_original(q.message),
                speaker: normalized.to_original(q.speaker),
                entity: label(q),
                cue: q.cue.map(|c| normalized.to_original(c)),
                form: q.form,
                rule: q.rule,
            })
            .collect()
    }

    /// The candidate pairs of the relation scorer in every sentence, with
    /// the names (label first, then aliases) of their subject and object
    /// entities, for labelling them from annotated data.
    pub fn relation_pairs(&self, document: &Document) -> Vec<NamedPair> {
        let normalized = Normalized::new(&document.text);
        let analysis = self.analyze(document.language, normalized.text());
        let names = |e: usize| {
            let entity = &analysis.resolution.entities[e];
            std::iter::once(entity.label.clone()).chain(entity.aliases.iter().cloned()).collect::<Vec<_>>()
        };
        let mut out = Vec::new();
        for (n, tokens) in analysis.tokens.iter().enumerate() {
            let entities = &analysis.resolution.assignments[n];
            for pair in candidate_pairs(analysis.text, tokens, &analysis.mentions[n], entities) {
                let (subject, object) = (names(entities[pair.subject]), names(entities[pair.object]));
                out.push(NamedPair { subject, object, features: pair.features });
            }
        }
        out
    }

    /// Sentences, tokens, mentions and the entities they resolve to.
    fn analyze<'t>(&self, language: Language, text: &'t str) -> Analysis<'t> {
        let recognizer = EntityRecognizer::new(self.tagger(language), &self.names, self.layers)
            .with_min_confidence(self.min_confidence);
        let sentences = split_sentences(text);
        let tokens: Vec<Vec<Token>> = sentences.iter().map(|s| tokenize(text, s.span)).collect();
        let mut mentions: Vec<Vec<Mention>> =
            sentences.iter().zip(&tokens).map(|(s, t)| recognizer.recognize(text, s, t)).collect();
        let mut resolution = resolve(text, &tokens, &mut mentions);
        add_definite_references(text, language, &tokens, &mut mentions, &mut resolution);
        Analysis { text, sentences, tokens, mentions, resolution }
    }

    /// The facts of every sentence; news outlets are known first, from the
    /// `cites` rules and the outlet words of the rules, so that "laut X"
    /// tells a cited outlet from a quoted source.
    fn find_facts(&self, analysis: &Analysis, language: Language) -> (Vec<Vec<Fact>>, Vec<bool>) {
        let Analysis { text, tokens, mentions, resolution, .. } = analysis;
        let rules = self.rules(language);
        let heads = rules.lists.get("outlet-head").cloned().unwrap_or_default();
        let mut outlets: Vec<bool> = resolution
            .entities
            .iter()
            .map(|e| {
                let last = e.label.rsplit(' ').next().unwrap_or("").to_lowercase();
                e.kind == EntityKind::Organization && heads.contains(&last)
            })
            .collect();
        let outlets_of = |a: &[usize], outlets: &[bool]| a.iter().map(|&i| outlets[i]).collect::<Vec<_>>();
        let mut views: Vec<SentenceView> = tokens
            .iter()
            .zip(mentions)
            .zip(&resolution.assignments)
            .map(|((t, m), a)| SentenceView::new(text, t, m, &outlets_of(a, &outlets)))
            .collect();
        for (view, assignment) in views.iter().zip(&resolution.assignments) {
            for fact in view.facts(rules, Some(&RelationKind::Cites)) {
                if let Endpoint::Mention(m) = fact.object {
                    outlets[assignment[m]] = true;
                }
            }
        }
        for (view, assignment) in views.iter_mut().zip(&resolution.assignments) {
            view.set_outlets(outlets_of(assignment, &outlets));
        }
        let mut facts: Vec<Vec<Fact>> = views.iter().map(|view| view.facts(rules, None)).collect();
        if let Some(scorer) = self.scorer(language) {
            for (n, sentence_facts) in facts.iter_mut().enumerate() {
                add_scored_facts(scorer, analysis, n, sentence_facts);
            }
        }
        (facts, outlets)
    }
}

/// A quotation found in a document, in byte spans of the original text.
#[derive(Debug, Clone)]
pub struct FoundQuote {
    /// What was said.
    pub message: Span,
    /// The words naming the speaker.
    pub speaker: Span,
    /// The speaker's entity label, when the speaker resolves to one.
    pub entity: Option<String>,
    /// The cue word, when there is one.
    pub cue: Option<Span>,
    /// Direct, indirect or reported.
    pub form: QuoteForm,
    /// What found it.
    pub rule: &'static str,
}

/// Adds the facts the relation scorer finds in sentence `n` that the rules
/// did not state, named after the model with its score.
fn add_scored_facts(scorer: &RelationScorer, analysis: &Analysis, n: usize, facts: &mut Vec<Fact>) {
    let entities = &analysis.resolution.assignments[n];
    for pair in candidate_pairs(analysis.text, &analysis.tokens[n], &analysis.mentions[n], entities) {
        let Some((kind, lead)) = scorer.decide(&pair, SCORER_MARGIN) else { continue };
        let (subject, object) = (Endpoint::Mention(pair.subject), Endpoint::Mention(pair.object));
        // Stated by a rule already, either way round.
        let stated = facts.iter().any(|f| {
            f.kind == kind && (f.subject, f.object) == (subject, object) || (f.subject, f.object) == (object, subject)
        });
        if stated {
            continue;
        }
        let confidence = f64::from(1.0 / (1.0 + (-lead / SCORER_SCALE).exp()));
        let rule = format!("model/relations score {confidence:.2}");
        facts.push(Fact { kind, subject, object, attributes: Attributes::default(), rule, confidence });
    }
}

/// How far a relation's score must lead "none" (tuned on the English dev gold).
const SCORER_MARGIN: f32 = 0.0;
/// Divides a score lead before it becomes a confidence.
const SCORER_SCALE: f32 = 10.0;

/// A candidate pair of the relation scorer with the names of its ends.
#[derive(Debug, Clone)]
pub struct NamedPair {
    /// The subject entity's label and aliases.
    pub subject: Vec<String>,
    /// The object entity's label and aliases.
    pub object: Vec<String>,
    /// The pair's hashed features.
    pub features: Vec<u32>,
}

/// One document's text after entity recognition.
struct Analysis<'t> {
    text: &'t str,
    sentences: Vec<Sentence>,
    tokens: Vec<Vec<Token>>,
    mentions: Vec<Vec<Mention>>,
    resolution: Resolution,
}

impl<'t> Analysis<'t> {
    fn quote_input(&self, language: Language) -> QuoteInput<'_> {
        QuoteInput {
            text: self.text,
            language,
            sentences: &self.sentences,
            tokens: &self.tokens,
            mentions: &self.mentions,
            resolution: &self.resolution,
        }
    }
}

/// The located-in facts the stated ones and the place lists imply, each
/// with the first sentence that names its subject as evidence.
fn add_inferred_facts(analysis: &Analysis, facts: &mut [Vec<Fact>]) {
    let assignments = &analysis.resolution.assignments;
    let entity = |n: usize, end: Endpoint| match end {
        Endpoint::Mention(m) => Some(assignments[n][m]),
        Endpoint::Entity(e) => Some(e),
        Endpoint::Document | Endpoint::RecentOrganization => None,
    };
    let stated: Vec<(usize, usize)> = facts
        .iter()
        .enumerate()
        .flat_map(|(n, sentence)| sentence.iter().map(move |f| (n, f)))
        .filter(|(_, f)| f.kind == RelationKind::LocatedIn)
        .filter_map(|(n, f)| Some((entity(n, f.subject)?, entity(n, f.object)?)))
        .collect();
    let lists = crate::entities::Gazetteer::get();
    let places: Vec<PlaceFacts> = analysis
        .resolution
        .entities
        .iter()
        .map(|e| {
            let names = || std::iter::once(e.label.as_str()).chain(e.aliases.iter().map(String::as_str));
            let is_place = e.kind == EntityKind::Place;
            PlaceFacts {
                country: names().find_map(|n| lists.place(n).filter(|l| l.country).map(|l| l.key)).filter(|_| is_place),
                within: names().find_map(|n| lists.country_containing(n)).filter(|_| is_place),
            }
        })
        .collect();
    let first_sentence = |e: usize| assignments.iter().position(|a| a.contains(&e));
    for (subject, object, rule) in infer_located(&stated, &places) {
        let Some(n) = first_sentence(subject) else { continue };
        facts[n].push(Fact {
            kind: RelationKind::LocatedIn,
            subject: Endpoint::Entity(subject),
            object: Endpoint::Entity(object),
            attributes: Attributes::default(),
            rule: rule.to_owned(),
            confidence: 0.6,
        });
    }
}

/// A `quoted-in` fact for every quotation whose speaker is a person or an
/// organisation, and a `cites` fact where the speaker is a news outlet.
fn add_quote_facts(analysis: &Analysis, quotes: &[Quote], outlets: &[bool], facts: &mut [Vec<Fact>]) {
    for quote in quotes {
        let Some(entity) = quote.entity else { continue };
        let kind = analysis.resolution.entities[entity].kind;
        if kind == EntityKind::Organization && (outlets[entity] || quote.outlet) {
            facts[quote.sentence].push(Fact {
                kind: RelationKind::Cites,
                subject: Endpoint::Document,
                object: Endpoint::Entity(entity),
                attributes: Attributes::default(),
                rule: quote.rule.replace("quote/", "cites/"),
                confidence: 0.8,
            });
            continue;
        }
        if !matches!(kind, EntityKind::Person | EntityKind::Organization) {
            continue;
        }
        let words = analysis.text[quote.message.range()].trim();
        let attributes = Attributes { quote: Some(words.to_owned()), ..Attributes::default() };
        let confidence = match quote.form {
            QuoteForm::Direct => 0.9,
            QuoteForm::Indirect => 0.8,
            QuoteForm::Reported => 0.6,
        };
        facts[quote.sentence].push(Fact {
            kind: RelationKind::QuotedIn,
            subject: Endpoint::Entity(entity),
            object: Endpoint::Document,
            attributes,
            rule: quote.rule.to_owned(),
            confidence,
        });
    }
}

/// Extracts every document and merges the graphs, in input order.
pub fn extract_all(documents: &[Document], settings: &Settings) -> Extraction {
    let extractor = Extractor::new(settings);
    let mut all = Extraction::default();
    for document in documents {
        all.merge(extractor.extract(document));
    }
    all
}

/// Extracts the graph of one document with `settings`.
pub fn extract(document: &Document, settings: &Settings) -> Extraction {
    Extractor::new(settings).extract(document)
}

/// Turns one document's resolved mentions and facts into graph entities and
/// relations, with spans mapped back to the original text.
struct GraphBuilder<'a> {
    document: &'a Document,
    normalized: &'a Normalized<'a>,
    offsets: CharOffsets<'a>,
    explain: bool,
    document_id: EntityId,
    entity_ids: Vec<Option<EntityId>>,
    extraction: Extraction,
}

impl<'a> GraphBuilder<'a> {
    fn new(document: &'a Document, normalized: &'a Normalized<'a>, explain: bool) -> Self {
        let mut extraction = Extraction::default();
        let document_id = extraction.graph.add_entity(document_entity(document)).clone();
        let offsets = CharOffsets::new(&document.text);
        Self { document, normalized, offsets, explain, document_id, entity_ids: Vec::new(), extraction }
    }

    /// The span of the original text for a span of the normalised one.
    fn text_span(&self, span: Span) -> TextSpan {
        let span = self.normalized.to_original(span);
        TextSpan {
            start: span.start,
            end: span.end,
            char_start: self.offsets.char_offset(span.start),
            char_end: self.offsets.char_offset(span.end),
        }
    }

    fn add_entities(&mut self, mentions: &[Vec<Mention>], resolution: &Resolution) {
        self.entity_ids = vec![None; resolution.entities.len()];
        for (sentence_mentions, assignment) in mentions.iter().zip(&resolution.assignments) {
            for (mention, &idx) in sentence_mentions.iter().zip(assignment) {
                let resolved = &resolution.entities[idx];
                let mut entity = Entity::new(resolved.kind, &resolved.label);
                entity.aliases = resolved.aliases.clone();
                entity.lang = Some(self.document.language.tag().to_owned());
                entity.description = mention.role.clone();
                let span = self.text_span(mention.span);
                let text = self.document.text[span.start..span.end].to_owned();
                entity.mentions.push(graph::Mention { document: self.document_id.clone(), span, text });
                let id = self.extraction.graph.add_entity(entity).clone();
                self.entity_ids[idx] = Some(id);
            }
        }
        if self.explain {
            self.extraction.explanations.extend(found_by(mentions, resolution));
            self.extraction.explanations.extend(resolution.explanations.iter().cloned());
        }
    }

    fn add_facts(
        &mut self,
        sentences: &[Sentence],
        mentions: &[Vec<Mention>],
        resolution: &Resolution,
        facts: Vec<Vec<Fact>>,
    ) {
        let mut recent_organization: Option<usize> = None;
        for (n, (sentence, sentence_facts)) in sentences.iter().zip(facts).enumerate() {
            let assignment = &resolution.assignments[n];
            let last_here = mentions[n]
                .iter()
                .zip(assignment)
                .filter(|(m, _)| m.kind == EntityKind::Organization)
                .map(|(_, &i)| i)
                .next_back();
            recent_organization = last_here.or(recent_organization);
            for fact in sentence_facts {
                let end = |endpoint: Endpoint| match endpoint {
                    Endpoint::Mention(m) => self.entity_ids[assignment[m]].clone(),
                    Endpoint::Document => Some(self.document_id.clone()),
                    Endpoint::RecentOrganization => recent_organization.and_then(|i| self.entity_ids[i].clone()),
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
        let span = self.text_span(sentence.span);
        let text = self.document.text[span.start..span.end].to_owned();
        if self.explain {
            self.extraction
                .explanations
                .push(format!("relation: {subject} {} {object} [{}] in: {text}", fact.kind, fact.rule));
        }
        if let (Some(date), Some(document_date)) = (&fact.attributes.date, &self.document.date) {
            fact.attributes.date = Some(with_year_from(date, document_date));
        }
        let evidence = Evidence {
            document: self.document_id.clone(),
            sentence: sentence.index,
            span,
            text,
            rule: fact.rule,
            confidence: fact.confidence,
        };
        let relation = Relation { kind: fact.kind, attributes: fact.attributes, evidence: vec![evidence] };
        self.extraction.graph.add_relation(&subject, &object, relation).expect("both ends are entities of the graph");
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

fn document_entity(document: &Document) -> Entity {
    let mut entity = Entity::new(EntityKind::Document, &document.name);
    entity.label = document.title.clone();
    entity.lang = Some(document.language.tag().to_owned());
    entity.source =
        Some(DocumentSource { path: document.path.clone(), date: document.date.clone(), url: document.url.clone() });
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

//! The one place that knows the order of the stages: document → normalised
//! text → sentences → tokens → mentions → entities → facts → graph.

mod builder;
mod facts;
mod country_places;
mod parties;

use std::borrow::Cow;
use std::sync::Arc;

use self::builder::GraphBuilder;
use self::facts::{add_inferred_facts, add_maker_facts, add_quote_facts, add_scored_facts};
use crate::entities::tagger::Tagger;
use crate::entities::{
    add_country_adjectives, add_definite_references, add_maker_products, add_pronoun_references, apply_definitions,
    resolve, EntityKind, EntityRecognizer, Layers, Mention, NameLists, Recognizer, Resolution,
};
use crate::graph::KnowledgeGraph;
use crate::input::{Document, Language};
use crate::relations::scorer::{candidate_pairs, RelationScorer};
use crate::relations::{
    builtin_rules, find_quotes, Endpoint, Fact, Quote, QuoteForm, QuoteInput, RelationKind, RuleFile, SentenceView,
};
use crate::text::{split_sentences, tokenize, Normalized, Sentence, Span, Token};

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
        add_maker_facts(&analysis, document.language, &mut facts);
        parties::add_party_facts(&analysis, document.language, &mut facts);
        country_places::add_country_place_facts(&analysis, document.language, &mut facts);
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
        let names = |e: usize| analysis.resolution.entities[e].names().map(str::to_owned).collect::<Vec<_>>();
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
        let sentences = split_sentences(text, language);
        let tokens: Vec<Vec<Token>> = sentences.iter().map(|s| tokenize(text, s.span)).collect();
        let mut mentions: Vec<Vec<Mention>> =
            sentences.iter().zip(&tokens).map(|(s, t)| recognizer.recognize(text, s, t)).collect();
        apply_definitions(text, language, &tokens, &mut mentions);
        let mut resolution = resolve(text, &tokens, &mut mentions);
        add_definite_references(text, language, &tokens, &mut mentions, &mut resolution);
        add_pronoun_references(text, language, &tokens, &mut mentions, &mut resolution);
        add_country_adjectives(text, language, &tokens, &mut mentions, &mut resolution);
        add_maker_products(text, language, &tokens, &mut mentions, &mut resolution);
        Analysis { text, sentences, tokens, mentions, resolution }
    }

    /// The facts of every sentence; news outlets are known first, from the
    /// `cites` rules and the outlet words of the rules, so that "laut X"
    /// tells a cited outlet from a quoted source.
    fn find_facts(&self, analysis: &Analysis, language: Language) -> (Vec<Vec<Fact>>, Vec<bool>) {
        let Analysis { text, tokens, mentions, resolution, .. } = analysis;
        let rules = self.rules(language);
        let mut outlets: Vec<bool> = resolution
            .entities
            .iter()
            .map(|e| {
                let last = e.label.rsplit(' ').next().unwrap_or("").to_lowercase();
                e.kind == EntityKind::Organization && rules.in_list("outlet-head", &last)
            })
            .collect();
        let outlets_of = |a: &[usize], outlets: &[bool]| a.iter().map(|&i| outlets[i]).collect::<Vec<_>>();
        let mut views: Vec<SentenceView> = tokens
            .iter()
            .zip(mentions)
            .zip(&resolution.assignments)
            .map(|((t, m), a)| SentenceView::new(text, t, m, &outlets_of(a, &outlets), rules))
            .collect();
        for (view, assignment) in views.iter().zip(&resolution.assignments) {
            for fact in view.facts(Some(&RelationKind::Cites)) {
                if let Endpoint::Mention(m) = fact.object {
                    outlets[assignment[m]] = true;
                }
            }
        }
        for (view, assignment) in views.iter_mut().zip(&resolution.assignments) {
            view.set_outlets(outlets_of(assignment, &outlets));
        }
        let mut facts: Vec<Vec<Fact>> = views.iter().map(|view| view.facts(None)).collect();
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

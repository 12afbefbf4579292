//! The facts beyond the rules: the relation scorer's, the quotations', the
//! located-in facts the others imply, and the makers of products named
//! after them.

use super::Analysis;
use crate::entities::{is_named_after, EntityKind, Gazetteer, Mention, ResolvedEntity};
use crate::input::Language;
use crate::relations::scorer::{candidate_pairs, RelationScorer};
use crate::relations::{
    infer_located, is_town_adjective, name_holds_place, Attributes, Endpoint, Fact, PlaceFacts, Quote, QuoteForm,
    RelationKind,
};
use crate::text::{Span, Token};

/// Adds the facts the relation scorer finds in sentence `n` that the rules
/// did not state, named after the model with its score.
pub(super) fn add_scored_facts(scorer: &RelationScorer, analysis: &Analysis, n: usize, facts: &mut Vec<Fact>) {
    let entities = &analysis.resolution.assignments[n];
    for pair in candidate_pairs(analysis.text, &analysis.tokens[n], &analysis.mentions[n], entities) {
        let Some((kind, lead)) = scorer.decide(&pair, SCORER_MARGIN) else { continue };
        let listed = |a, b| in_place_list(analysis, n, a, b) || in_organization_list(analysis, n, a, b);
        if kind == RelationKind::LocatedIn && listed(pair.subject, pair.object) {
            continue;
        }
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

/// The tokens and mentions of one sentence, for the list tests below.
struct ListView<'a> {
    text: &'a str,
    tokens: &'a [Token],
    mentions: &'a [Mention],
}

impl<'a> ListView<'a> {
    fn new(analysis: &'a Analysis, n: usize) -> Self {
        Self { text: analysis.text, tokens: &analysis.tokens[n], mentions: &analysis.mentions[n] }
    }

    /// Mentions `a` and `b` in text order, when they are of these kinds.
    fn ordered(&self, a: usize, b: usize, kinds: (EntityKind, EntityKind)) -> Option<(usize, usize)> {
        let (first, second) = if self.mentions[a].span.start <= self.mentions[b].span.start { (a, b) } else { (b, a) };
        (self.mentions[first].kind == kinds.0 && self.mentions[second].kind == kinds.1).then_some((first, second))
    }

    fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// The first token after mention `m`.
    fn after(&self, m: usize) -> Option<usize> {
        self.tokens.iter().position(|t| t.span.start >= self.mentions[m].span.end)
    }

    /// The mention of `kind` that starts at token `i`.
    fn mention_at(&self, i: usize, kind: EntityKind) -> Option<usize> {
        let start = self.tokens.get(i)?.span.start;
        self.mentions.iter().position(|m| m.kind == kind && m.span.start == start)
    }
}

/// Whether two mentions are places next to each other in a list (`London,
/// Paris, and Tokyo`): only a comma between them, and a run of `, place`
/// after them that ends in `and` or `or` and a place. A run that ends
/// otherwise is a chain of containers (`Alameda County, California, United
/// States`).
fn in_place_list(analysis: &Analysis, n: usize, a: usize, b: usize) -> bool {
    let view = ListView::new(analysis, n);
    let Some((first, second)) = view.ordered(a, b, (EntityKind::Place, EntityKind::Place)) else { return false };
    let place_at = |i: usize| view.mention_at(i, EntityKind::Place);
    let Some(comma) = view.after(first) else { return false };
    if view.word(comma) != "," || place_at(comma + 1) != Some(second) {
        return false;
    }
    let mut current = second;
    while let Some(i) = view.after(current) {
        let j = if view.word(i) == "," { i + 1 } else { i };
        if ["and", "or", "und", "oder"].iter().any(|c| view.word(j).eq_ignore_ascii_case(c)) {
            // `and Ohio`, `and south-eastern Scotland`
            return place_at(j + 1).or_else(|| place_at(j + 2)).is_some();
        }
        match place_at(j).filter(|_| j == i + 1) {
            Some(next) => current = next,
            None => return false,
        }
    }
    false
}

/// Whether an organisation and the place after it are items of a list of
/// organisations (`the Los Angeles Lakers, Boston, the Chicago Bulls`): only
/// a comma between them, and `,` or `and` and an organisation after the
/// place.
fn in_organization_list(analysis: &Analysis, n: usize, a: usize, b: usize) -> bool {
    let view = ListView::new(analysis, n);
    let kinds = (EntityKind::Organization, EntityKind::Place);
    let Some((first, second)) = view.ordered(a, b, kinds) else { return false };
    let joined = view
        .after(first)
        .is_some_and(|i| view.word(i) == "," && view.mention_at(i + 1, EntityKind::Place) == Some(second));
    let Some(next) = view.after(second).filter(|&i| matches!(view.word(i), "," | "and" | "und")) else { return false };
    let article = usize::from(matches!(view.word(next + 1), "the" | "The"));
    joined && view.mention_at(next + 1 + article, EntityKind::Organization).is_some()
}

/// How far a relation's score must lead "none" (tuned on the English dev gold).
const SCORER_MARGIN: f32 = 0.0;
/// Divides a score lead before it becomes a confidence.
const SCORER_SCALE: f32 = 10.0;

/// The least confidence of a stated located-in fact that inference builds on.
const INFERENCE_MIN_CONFIDENCE: f64 = 0.6;

/// The located-in facts the stated ones and the place lists imply, each
/// with the first sentence that names its subject as evidence.
pub(super) fn add_inferred_facts(analysis: &Analysis, facts: &mut [Vec<Fact>]) {
    let assignments = &analysis.resolution.assignments;
    let entity = |n: usize, end: Endpoint| match end {
        Endpoint::Mention(m) => Some(assignments[n][m]),
        Endpoint::Entity(e) => Some(e),
        Endpoint::Document | Endpoint::RecentOrganization | Endpoint::MainOrganization => None,
    };
    let places = place_facts(analysis);
    // A country lies in no other country: `Kuba, Haiti` is a list.
    let is_country = |e: Option<usize>| e.is_some_and(|e| places[e].is_country());
    for (n, sentence) in facts.iter_mut().enumerate() {
        sentence.retain(|f| {
            f.kind != RelationKind::LocatedIn || !(is_country(entity(n, f.subject)) && is_country(entity(n, f.object)))
        });
    }
    let mut stated: Vec<(usize, usize)> = facts
        .iter()
        .enumerate()
        .flat_map(|(n, sentence)| sentence.iter().map(move |f| (n, f)))
        // A weak guess of the scorer is not built on: closing over it multiplies its errors.
        .filter(|(_, f)| f.kind == RelationKind::LocatedIn && f.confidence >= INFERENCE_MIN_CONFIDENCE)
        .filter_map(|(n, f)| Some((entity(n, f.subject)?, entity(n, f.object)?)))
        .collect();
    let first_sentence = |e: usize| assignments.iter().position(|a| a.contains(&e));
    let named: Vec<(usize, usize)> = named_places(analysis).into_iter().filter(|pair| !stated.contains(pair)).collect();
    let in_name = named.iter().map(|&(s, o)| (s, o, "located.in-name", 0.7));
    stated.extend(&named);
    let together = |a: usize, b: usize| assignments.iter().any(|s| s.contains(&a) && s.contains(&b));
    let implied = infer_located(&stated, &places, &together).into_iter().map(|(s, o, rule)| (s, o, rule, 0.6));
    // Each with the first sentence that names its subject as evidence.
    for (subject, object, rule, confidence) in in_name.chain(implied) {
        let Some(n) = first_sentence(subject) else { continue };
        facts[n].push(Fact {
            kind: RelationKind::LocatedIn,
            subject: Endpoint::Entity(subject),
            object: Endpoint::Entity(object),
            attributes: Attributes::default(),
            rule: rule.to_owned(),
            confidence,
        });
    }
}

/// A `developed` fact for every product named after its maker (`Opel
/// Ampera`: Opel), with the first sentence that names the product as
/// evidence.
pub(super) fn add_maker_facts(analysis: &Analysis, language: Language, facts: &mut [Vec<Fact>]) {
    let entities = &analysis.resolution.entities;
    let of_kind = |kind: EntityKind| entities.iter().enumerate().filter(move |(_, e)| e.kind == kind);
    for (p, product) in of_kind(EntityKind::Product) {
        let named_after = |maker: &ResolvedEntity| is_named_after(language, &product.label, &maker.label);
        let Some((maker, _)) = of_kind(EntityKind::Organization).find(|(_, o)| named_after(o)) else { continue };
        let Some(n) = analysis.resolution.assignments.iter().position(|a| a.contains(&p)) else { continue };
        let stated = facts[n].iter().any(|f| f.kind == RelationKind::Developed && f.object == Endpoint::Entity(p));
        if !stated {
            facts[n].push(Fact {
                kind: RelationKind::Developed,
                subject: Endpoint::Entity(maker),
                object: Endpoint::Entity(p),
                attributes: Attributes::default(),
                rule: "developed.maker-name".to_owned(),
                confidence: 0.8,
            });
        }
    }
}

/// A `quoted-in` fact for every quotation whose speaker is a person or an
/// organisation, and a `cites` fact where the speaker is a news outlet.
pub(super) fn add_quote_facts(analysis: &Analysis, quotes: &[Quote], outlets: &[bool], facts: &mut [Vec<Fact>]) {
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
        for (speaker, rule) in std::iter::once((entity, quote.rule.to_owned())).chain(
            coordinated_speakers(analysis, quote.speaker, entity)
                .into_iter()
                .map(|e| (e, format!("{}+and", quote.rule))),
        ) {
            facts[quote.sentence].push(Fact {
                kind: RelationKind::QuotedIn,
                subject: Endpoint::Entity(speaker),
                object: Endpoint::Document,
                attributes: attributes.clone(),
                rule,
                confidence,
            });
        }
    }
}

/// The people or organisations joined to a quotation's speaker by `und`,
/// `and` or `sowie` (`Die Politiker X und Y erklärten, ...`): they speak too.
fn coordinated_speakers(analysis: &Analysis, speaker: Span, entity: usize) -> Vec<usize> {
    let n = analysis.sentences.iter().position(|s| s.span.start <= speaker.start && speaker.start < s.span.end);
    let mentions = n.map_or(&[][..], |n| &analysis.mentions[n][..]);
    let assignments = n.map_or(&[][..], |n| &analysis.resolution.assignments[n][..]);
    let joined =
        |a: Span, b: Span| a.end <= b.start && matches!(analysis.text[a.end..b.start].trim(), "und" | "and" | "sowie");
    let coordinated = mentions.iter().zip(assignments).filter_map(|(m, &e)| {
        let kind = analysis.resolution.entities[e].kind;
        let speaks = matches!(kind, EntityKind::Person | EntityKind::Organization);
        (speaks && e != entity && (joined(m.span, speaker) || joined(speaker, m.span))).then_some(e)
    });
    coordinated.collect()
}

/// The (organisation, place) pairs where the organisation's name holds the
/// name of a place the document names too.
fn named_places(analysis: &Analysis) -> Vec<(usize, usize)> {
    let entities = &analysis.resolution.entities;
    let of_kind = |kind: EntityKind| entities.iter().enumerate().filter(move |(_, e)| e.kind == kind);
    let mut pairs = Vec::new();
    for (o, organization) in of_kind(EntityKind::Organization) {
        for (p, place) in of_kind(EntityKind::Place) {
            if place.names().any(|n| name_holds_place(&organization.label, n)) {
                pairs.push((o, p));
            }
        }
    }
    // `die Bielefelder Fachstelle für Suchtvorbeugung`: a town's adjective
    // right before an organisation's mention puts it in that town.
    let mentioned = analysis.mentions.iter().flatten().zip(analysis.resolution.assignments.iter().flatten());
    for (mention, &o) in mentioned.filter(|(_, &e)| entities[e].kind == EntityKind::Organization) {
        let adjective = analysis.text[..mention.span.start].trim_end().rsplit(' ').next().unwrap_or_default();
        for (p, place) in of_kind(EntityKind::Place) {
            if !pairs.contains(&(o, p)) && place.names().any(|n| is_town_adjective(adjective, n)) {
                pairs.push((o, p));
            }
        }
    }
    pairs
}

/// What the lists say about every entity of the document.
fn place_facts(analysis: &Analysis) -> Vec<PlaceFacts> {
    let lists = Gazetteer::get();
    let entities = &analysis.resolution.entities;
    let country_of = |e: &ResolvedEntity| {
        e.names()
            .find_map(|n| lists.place(n).filter(|l| l.country).map(|l| l.key))
            .filter(|_| e.kind == EntityKind::Place)
    };
    let named: Vec<&str> = entities.iter().filter_map(country_of).collect();
    let assignments = &analysis.resolution.assignments;
    let certain = certain_entities(analysis);
    entities
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let is_place = e.kind == EntityKind::Place;
            let country = country_of(e);
            PlaceFacts {
                country,
                within: country_around(e, &named).filter(|_| is_place),
                place: is_place,
                on_continent: country.and_then(|c| lists.continent_of_country(c)),
                continent: e.names().find_map(|n| lists.continent_named(n)).filter(|_| is_place),
                in_opening: assignments.first().is_some_and(|first| first.contains(&i)),
                // The lists know a place as surely as a confident tagger.
                certain: certain[i] || e.names().any(|n| lists.place(n).is_some() || lists.is_small_place(n)),
                division: is_place && e.names().any(|n| lists.is_division(n)),
            }
        })
        .collect()
}

/// The least confidence of the tagger that makes a place certain enough to
/// be put in the document's country (tuned on the dev gold: below it, people
/// and fragments the tagger took for places were put there).
const CERTAIN_PLACE_CONFIDENCE: f32 = 0.75;

/// Per entity, whether a list or rule found one of its mentions or the
/// tagger is confident of one.
fn certain_entities(analysis: &Analysis) -> Vec<bool> {
    let mut certain = vec![false; analysis.resolution.entities.len()];
    let sentences = analysis.resolution.assignments.iter().zip(&analysis.mentions);
    for (&entity, mention) in sentences.flat_map(|(entities, mentions)| entities.iter().zip(mentions)) {
        certain[entity] |= mention.confidence.is_none_or(|p| p >= CERTAIN_PLACE_CONFIDENCE);
    }
    certain
}

/// The country a listed place lies in: of the countries whose places share
/// its name, the one the document names (`Sydney` beside `Australia`), else
/// the most likely.
fn country_around(entity: &ResolvedEntity, named: &[&str]) -> Option<&'static str> {
    let lists = Gazetteer::get();
    let codes = entity.names().map(|n| lists.countries_containing(n)).find(|codes| !codes.is_empty())?;
    codes.iter().find(|code| named.contains(code)).or(codes.first()).copied()
}

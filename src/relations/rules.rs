//! The built-in relation rules: each looks at the tokens of one sentence and
//! the mentions found in it, and states the facts its words express.

use super::{find_date, Attributes, Endpoint, Fact, RelationKind};
use crate::entities::{EntityKind, Mention};
use crate::text::Token;

/// Prepositions that join a role to an employer.
const EMPLOYER_PREPOSITIONS: &[&str] = &["an", "am", "im", "vom", "von", "bei", "beim", "at", "of", "with", "der"];
/// Verbs of founding, after the founded organisation (German) or before it (English).
const FOUND_VERBS: &[&str] = &["gründete", "gründeten", "founded", "co-founded", "cofounded"];
/// Verbs of meeting.
const MEET_VERBS: &[&str] = &["traf", "trafen", "trifft", "empfing", "empfängt", "met", "meets"];
/// Verbs of speaking, next to the speaker.
const SPEECH_VERBS: &[&str] =
    &["sagt", "sagte", "erklärt", "erklärte", "betont", "betonte", "so", "meint", "said", "says", "explained", "told"];
/// Verbs of reporting, next to a news outlet.
const REPORT_VERBS: &[&str] = &["berichtet", "berichtete", "berichten", "reported", "reports"];
/// Verbs of releasing a product.
const RELEASE_VERBS: &[&str] = &["veröffentlichte", "entwickelte", "released", "developed", "launched", "stellte"];

/// A sentence with its tokens and the token range of each mention.
struct View<'a> {
    text: &'a str,
    tokens: &'a [Token],
    mentions: &'a [Mention],
    ranges: Vec<(usize, usize)>,
}

impl View<'_> {
    fn word(&self, idx: usize) -> &str {
        self.tokens.get(idx).map_or("", |t| t.text(self.text))
    }

    fn kind(&self, mention: usize) -> EntityKind {
        self.mentions[mention].kind
    }

    /// The mention that starts at token `idx`, if any.
    fn mention_at(&self, idx: usize) -> Option<usize> {
        self.ranges.iter().position(|&(start, _)| start == idx)
    }

    fn fact(
        &self,
        kind: RelationKind,
        subject: Endpoint,
        object: Endpoint,
        rule: &'static str,
        confidence: f64,
    ) -> Fact {
        Fact { kind, subject, object, attributes: Attributes::default(), rule, confidence }
    }

    fn between(&self, from: usize, to: usize) -> String {
        match (self.tokens.get(from), to.checked_sub(1).and_then(|i| self.tokens.get(i))) {
            (Some(first), Some(last)) if from < to => self.text[first.span.start..last.span.end].to_owned(),
            _ => String::new(),
        }
    }
}

/// Every fact the sentence states, by the built-in rules.
pub fn extract_facts(text: &str, tokens: &[Token], mentions: &[Mention]) -> Vec<Fact> {
    let ranges = mentions.iter().map(|m| token_range(tokens, m)).collect();
    let view = View { text, tokens, mentions, ranges };
    let mut facts = Vec::new();
    for mention in 0..mentions.len() {
        works_at(&view, mention, &mut facts);
        founded(&view, mention, &mut facts);
        met_with(&view, mention, &mut facts);
        quoted_in(&view, mention, &mut facts);
        cites(&view, mention, &mut facts);
        located_in(&view, mention, &mut facts);
        developed(&view, mention, &mut facts);
    }
    facts
}

fn token_range(tokens: &[Token], mention: &Mention) -> (usize, usize) {
    let start = tokens.iter().position(|t| t.span.end > mention.span.start).unwrap_or(tokens.len());
    let end = tokens.iter().rposition(|t| t.span.start < mention.span.end).map_or(start, |i| i + 1);
    (start, end.max(start))
}

/// "X, leitender Forscher im Y", "X vom Y", "X, einem ehemaligen Y-Mitarbeiter".
fn works_at(view: &View, person: usize, facts: &mut Vec<Fact>) {
    if view.kind(person) != EntityKind::Person {
        return;
    }
    let (_, end) = view.ranges[person];
    let apposition = view.word(end) == ",";
    let first = if apposition { end + 1 } else { end };
    for idx in first..(first + 10).min(view.tokens.len()) {
        if let Some(org) = view.mention_at(idx).filter(|&m| view.kind(m) == EntityKind::Organization) {
            let compound = view.mentions[org].span.end < view.tokens[idx].span.end;
            let after_preposition = idx > first && EMPLOYER_PREPOSITIONS.contains(&view.word(idx - 1))
                || idx > first + 1 && EMPLOYER_PREPOSITIONS.contains(&view.word(idx - 2));
            if !(compound && apposition || after_preposition && (apposition || idx <= first + 1)) {
                return;
            }
            let mut fact = view.fact(
                RelationKind::WorksAt,
                Endpoint::Mention(person),
                Endpoint::Mention(org),
                "works-at/apposition",
                0.8,
            );
            let role = if compound {
                view.word(idx).rsplit('-').next().unwrap_or("").to_owned()
            } else {
                role_words(view, first, idx)
            };
            let former = (first..idx).any(|i| view.word(i).starts_with("ehemalig") || view.word(i) == "former");
            fact.attributes.role = Some(role).filter(|r| !r.is_empty());
            fact.attributes.former = Some(former);
            facts.push(fact);
            return;
        }
        if view.mention_at(idx).is_some() || matches!(view.word(idx), "." | ";" | "\"" | "„" | "“" | "(") {
            return;
        }
    }
}

/// The role in an apposition: its words up to the preposition before the employer.
fn role_words(view: &View, first: usize, org_idx: usize) -> String {
    let mut end = org_idx;
    while end > first
        && (EMPLOYER_PREPOSITIONS.contains(&view.word(end - 1))
            || matches!(view.word(end - 1), "der" | "die" | "dem" | "the" | "privaten"))
    {
        end -= 1;
    }
    let start = (first..end)
        .find(|&i| !matches!(view.word(i), "einem" | "einer" | "ein" | "eine" | "a" | "an" | "the" | "dem" | "der"))
        .unwrap_or(end);
    view.between(start, end)
}

/// "X-Gründer Y", "X gründete ... Y" with Y right before the verb, "X founded Y".
fn founded(view: &View, org: usize, facts: &mut Vec<Fact>) {
    if view.kind(org) != EntityKind::Organization {
        return;
    }
    let (start, end) = view.ranges[org];
    let date = find_date(view.text, view.tokens);
    let compound_founder = view.word(start).ends_with("-Gründer") || view.word(start).ends_with("-founder");
    let person_after = view.mention_at(end).filter(|&m| view.kind(m) == EntityKind::Person);
    let founder = if compound_founder {
        person_after
    } else if FOUND_VERBS.contains(&view.word(end)) {
        (0..org).find(|&m| view.kind(m) == EntityKind::Person)
    } else if start > 0 && FOUND_VERBS.contains(&view.word(start - 1)) {
        (0..org).rev().find(|&m| view.kind(m) == EntityKind::Person && view.ranges[m].1 + 1 == start)
    } else {
        None
    };
    if let Some(person) = founder {
        let rule = if compound_founder { "founded/compound" } else { "founded/verb" };
        let mut fact = view.fact(RelationKind::Founded, Endpoint::Mention(person), Endpoint::Mention(org), rule, 0.85);
        fact.attributes.date = if compound_founder { None } else { date };
        facts.push(fact);
    }
}

/// "X traf sich mit Y", "X met (with) Y", with date and topic.
fn met_with(view: &View, person: usize, facts: &mut Vec<Fact>) {
    if view.kind(person) != EntityKind::Person {
        return;
    }
    let (_, end) = view.ranges[person];
    let Some(verb) = (end..(end + 3).min(view.tokens.len())).find(|&i| MEET_VERBS.contains(&view.word(i))) else {
        return;
    };
    let other = (person + 1..view.mentions.len())
        .find(|&m| view.kind(m) == EntityKind::Person && view.ranges[m].0 > verb && view.ranges[m].0 <= verb + 5);
    if let Some(other) = other {
        let mut fact = view.fact(
            RelationKind::MetWith,
            Endpoint::Mention(person),
            Endpoint::Mention(other),
            "met-with/verb",
            0.85,
        );
        fact.attributes.date = find_date(view.text, view.tokens);
        fact.attributes.topic = topic(view);
        facts.push(fact);
    }
}

/// "um über (die) X zu sprechen", "to discuss X".
fn topic(view: &View) -> Option<String> {
    let start = (0..view.tokens.len())
        .find(|&i| view.word(i) == "über" && view.word(i.wrapping_sub(1)) == "um" || view.word(i) == "discuss")?
        + 1;
    let start = if matches!(view.word(start), "die" | "den" | "das" | "the") { start + 1 } else { start };
    let end = (start..view.tokens.len()).find(|&i| matches!(view.word(i), "zu" | "," | "." | ";"))?;
    Some(view.between(start, end)).filter(|t| !t.is_empty())
}

/// "sagt X", "X sagte:", "so X", "laut X", "wie X zu Bedenken gibt", with the quote.
fn quoted_in(view: &View, speaker: usize, facts: &mut Vec<Fact>) {
    if !matches!(view.kind(speaker), EntityKind::Person | EntityKind::Organization) {
        return;
    }
    let (start, end) = view.ranges[speaker];
    let verb_before = (start.saturating_sub(2)..start).any(|i| SPEECH_VERBS.contains(&view.word(i)));
    let verb_after = SPEECH_VERBS.contains(&view.word(end)) && view.kind(speaker) == EntityKind::Person;
    let reported = start > 0 && matches!(view.word(start - 1), "laut" | "Laut")
        || view.word(end) == "zu" && view.word(end + 1) == "Bedenken";
    let quote = quotation(view);
    if (verb_before || verb_after) && (quote.is_some() || view.word(end) == ":") || reported {
        let rule = if reported { "quoted-in/reported" } else { "quoted-in/speech-verb" };
        let mut fact = view.fact(
            RelationKind::QuotedIn,
            Endpoint::Mention(speaker),
            Endpoint::Document,
            rule,
            if reported { 0.7 } else { 0.9 },
        );
        fact.attributes.quote = quote;
        facts.push(fact);
    }
}

/// The first text in quotation marks in the sentence.
fn quotation(view: &View) -> Option<String> {
    let is_open = |w: &str| matches!(w, "\"" | "„" | "“" | "»" | "«");
    let open = (0..view.tokens.len()).find(|&i| is_open(view.word(i)))?;
    let close = (open + 1..view.tokens.len()).find(|&i| is_open(view.word(i)) || view.word(i) == "”")?;
    let quote = view.text[view.tokens[open].span.end..view.tokens[close].span.start].trim();
    Some(quote.trim_end_matches([',', ' ']).to_owned()).filter(|q| !q.is_empty())
}

/// "wie X berichtet", "(X berichtete)", "berichtet die Nachrichtenagentur X", "X reported".
fn cites(view: &View, outlet: usize, facts: &mut Vec<Fact>) {
    if view.kind(outlet) != EntityKind::Organization {
        return;
    }
    let (start, end) = view.ranges[outlet];
    let verb_after = REPORT_VERBS.contains(&view.word(end));
    let verb_before = (start.saturating_sub(3)..start).any(|i| REPORT_VERBS.contains(&view.word(i)));
    if verb_after || verb_before {
        facts.push(view.fact(
            RelationKind::Cites,
            Endpoint::Document,
            Endpoint::Mention(outlet),
            "cites/report-verb",
            0.85,
        ));
    }
}

/// "X aus (der ...) Y", "X im US-Bundesstaat Y", "X, based in Y".
fn located_in(view: &View, subject: usize, facts: &mut Vec<Fact>) {
    if !matches!(view.kind(subject), EntityKind::Organization | EntityKind::Place) {
        return;
    }
    let (_, end) = view.ranges[subject];
    if !matches!(view.word(end), "aus" | "in" | "im" | "based") {
        return;
    }
    for idx in end + 1..(end + 6).min(view.tokens.len()) {
        if let Some(place) = view.mention_at(idx) {
            if view.kind(place) == EntityKind::Place {
                facts.push(view.fact(
                    RelationKind::LocatedIn,
                    Endpoint::Mention(subject),
                    Endpoint::Mention(place),
                    "located-in/preposition",
                    0.75,
                ));
            }
            return;
        }
        let word = view.word(idx);
        if word.chars().next().is_some_and(char::is_uppercase) && !word.contains('-') || matches!(word, "," | ".") {
            return;
        }
    }
}

/// "Xs Y" (possessive), "X veröffentlichte Y", "X released Y".
fn developed(view: &View, maker: usize, facts: &mut Vec<Fact>) {
    if view.kind(maker) != EntityKind::Organization {
        return;
    }
    let (_, end) = view.ranges[maker];
    let product_at = |idx: usize| view.mention_at(idx).filter(|&m| view.kind(m) == EntityKind::Product);
    let (product, rule) = if let Some(product) = product_at(end) {
        (product, "developed/possessive")
    } else if RELEASE_VERBS.contains(&view.word(end)) {
        match (end + 1..(end + 5).min(view.tokens.len())).find_map(product_at) {
            Some(product) => (product, "developed/verb"),
            None => return,
        }
    } else {
        return;
    };
    let mut fact = view.fact(RelationKind::Developed, Endpoint::Mention(maker), Endpoint::Mention(product), rule, 0.8);
    fact.attributes.date = find_date(view.text, view.tokens);
    facts.push(fact);
}

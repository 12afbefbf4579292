//! The recogniser kgex runs: the statistical tagger proposes names with a
//! confidence, and the rule layer (cues, lists, word shapes, compounds,
//! genitives) adds the names the tagger missed, finds products, which the
//! training data does not mark, and gives base forms; a user's names file
//! adds names and vetoes others.

use super::inflection::is_possessive;
use super::names::Context;
use super::outlets::outlets;
use super::river_towns::join_river_towns;
use super::tagger::{NameType, Tagger};
use super::{CueLists, EntityKind, Mention, NameLists, NameRecognizer, Recognizer};
use crate::text::{Sentence, Span, Token};

/// The origin of mentions the tagger found.
pub const MODEL_ORIGIN: &str = "model";
/// The origin of mentions from a user's names file.
pub const USER_LIST_ORIGIN: &str = "list/user";

/// Which layers run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layers {
    /// The tagger, then the rule layer adds what it missed.
    #[default]
    Both,
    /// The tagger alone.
    Model,
    /// The rule layer alone.
    Rules,
}

/// Tagger and rules for one language.
#[derive(Debug, Clone, Copy)]
pub struct EntityRecognizer<'a> {
    tagger: &'a Tagger,
    rules: NameRecognizer,
    names: &'a NameLists,
    layers: Layers,
    min_confidence: f32,
}

/// Tagger names below this confidence are left out.
pub const DEFAULT_MIN_CONFIDENCE: f32 = 0.5;

impl<'a> EntityRecognizer<'a> {
    /// The recogniser with `tagger` (whose language it takes), the built-in
    /// rules, and a user's `names`.
    pub fn new(tagger: &'a Tagger, names: &'a NameLists, layers: Layers) -> Self {
        let rules = NameRecognizer::new(tagger.language());
        Self { tagger, rules, names, layers, min_confidence: DEFAULT_MIN_CONFIDENCE }
    }

    /// The same recogniser keeping only tagger names at least this confident.
    pub fn with_min_confidence(mut self, min_confidence: f32) -> Self {
        self.min_confidence = min_confidence;
        self
    }

    /// The tagger's names as mentions; `Misc` names come back as spans
    /// only, so that the rules do not claim them for another kind.
    fn tagged(&self, ctx: &Context) -> (Vec<Mention>, Vec<Span>) {
        let mut mentions = Vec::new();
        let mut misc = Vec::new();
        for name in self.tagger.tag(&ctx.words) {
            let run = (name.span.start, name.span.end);
            if name.confidence < self.min_confidence || self.vetoes(ctx, run) {
                continue;
            }
            let kind = match name.span.name_type {
                NameType::Person => EntityKind::Person,
                NameType::Organization => EntityKind::Organization,
                NameType::Place => EntityKind::Place,
                NameType::Misc => {
                    misc.push(ctx.span(run.0, run.1));
                    continue;
                }
            };
            // `Saudi Arabia's Civil Defense Authority`: a listed place and what it owns, two names.
            let (run, owner) = match self.rules.owning_place(ctx, run) {
                Some((place, owned)) => (owned, Some(place)),
                None => (run, None),
            };
            mentions.extend(owner);
            for run in name_parts(ctx, run, kind) {
                let mut mention = self.rules.mention_of(ctx, run, kind, MODEL_ORIGIN);
                mention.confidence = Some(name.confidence);
                if let Some(kind) = self.rules.head_kind(&mention.name) {
                    mention.kind = kind;
                }
                mentions.push(mention);
            }
        }
        (mentions, misc)
    }

    /// Whether the rule layer vetoes a tagger name: a name that begins or
    /// ends with a word the cue lists say is never part of a name (`Der`,
    /// `Laut`), or ends in half a compound. Ordinary nouns are not vetoed:
    /// on held-out news the tagger judged them better than the vocabulary.
    fn vetoes(&self, ctx: &Context, (start, end): (usize, usize)) -> bool {
        // `Nord-` of `Nord- und Südamerika` is half a compound.
        let cut = ctx.word(end - 1).ends_with('-');
        self.layers == Layers::Both
            && (self.rules.is_never_a_name(ctx.word(start)) || self.rules.is_never_a_name(ctx.word(end - 1)) || cut)
    }

    /// `Okotoks, Alberta, Canada`, `Troy, New York`: a name the lists know
    /// as a place, next to a place with only a comma between them, is a
    /// place in a chain of containers, whatever kind the tagger gave it
    /// (regions and towns are often also first names).
    fn places_in_chains(&self, text: &str, mentions: &mut [Mention]) {
        let comma = |a: &Mention, b: &Mention| text.get(a.span.end..b.span.start).is_some_and(|gap| gap.trim() == ",");
        for i in 0..mentions.len() {
            let mention = &mentions[i];
            let retyped = mention.origin != USER_LIST_ORIGIN
                && matches!(mention.kind, EntityKind::Person | EntityKind::Organization);
            let after_place = i > 0 && mentions[i - 1].kind == EntityKind::Place && comma(&mentions[i - 1], mention);
            let before_place =
                mentions.get(i + 1).is_some_and(|next| next.kind == EntityKind::Place && comma(mention, next));
            if retyped && (after_place || before_place) && self.rules.listed_place(&mention.name).is_some() {
                mentions[i].kind = EntityKind::Place;
            }
        }
    }

    /// The names of the user's lists in the sentence, longest first.
    fn listed(&self, ctx: &Context) -> Vec<Mention> {
        let mut found = Vec::new();
        if self.names.add.is_empty() {
            return found;
        }
        let mut start = 0;
        while start < ctx.tokens.len() {
            let longest = (start + 1..=(start + super::name_lists::MAX_LISTED_TOKENS).min(ctx.tokens.len()))
                .rev()
                .find_map(|end| {
                    let span = ctx.span(start, end);
                    let name = &ctx.text[span.range()];
                    self.names
                        .add
                        .get(name)
                        .map(|&kind| (end, Mention::new(span, kind, name.to_owned(), USER_LIST_ORIGIN)))
                });
            match longest {
                Some((end, mention)) => {
                    found.push(mention);
                    start = end;
                }
                None => start += 1,
            }
        }
        found
    }
}

/// The names in a run the tagger took for one: a person's name ends at its
/// possessive (`Isaac Newton's Philosophiae Naturalis` is `Isaac Newton`),
/// and places written with commas are each a place (`Cambridge,
/// Massachusetts`).
fn name_parts(ctx: &Context, (start, end): (usize, usize), kind: EntityKind) -> Vec<(usize, usize)> {
    match kind {
        EntityKind::Person => {
            // `Daniel Reyes of Greenpeace`: a full name before `of` is the
            // person, and what follows is where they are from (`Joan of Arc`
            // has one word before it).
            let of = (start + 2..end - 1).find(|&i| ctx.word(i) == "of");
            let end = of.unwrap_or(end);
            vec![(start, (start..end - 1).find(|&i| is_possessive(ctx.word(i))).map_or(end, |i| i + 1))]
        }
        EntityKind::Place if (start..end).any(|i| ctx.word(i) == ",") => {
            // Only at commas: `Bosnia and Herzegovina, Serbia` keeps its first name whole.
            let parts: Vec<(usize, usize)> = split_runs(start, end, |i| ctx.word(i) == ",");
            let named = parts.iter().all(|&(s, e)| s < e && ctx.word(s).starts_with(char::is_uppercase));
            if named {
                parts
            } else {
                vec![(start, end)]
            }
        }
        _ => vec![(start, end)],
    }
}

/// The runs of `start..end` between the tokens that `separates`.
fn split_runs(start: usize, end: usize, separates: impl Fn(usize) -> bool) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut from = start;
    for i in start..end {
        if separates(i) {
            runs.push((from, i));
            from = i + 1;
        }
    }
    runs.push((from, end));
    runs
}

/// `Atlantic Lottery Corporation, Inc.`: a company's legal form after a
/// comma is part of its name, though the tagger reads it as a name of
/// its own; a legal form alone names nothing.
fn join_legal_forms(text: &str, mentions: &mut Vec<Mention>) {
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    for mention in mentions.drain(..) {
        if !CueLists::is_legal_form(&mention.name) {
            kept.push(mention);
            continue;
        }
        let owner = kept.last_mut().filter(|last| {
            last.kind == EntityKind::Organization
                && text.get(last.span.end..mention.span.start).is_some_and(|gap| gap.trim() == ",")
        });
        if let Some(owner) = owner {
            owner.name = format!("{} {}", owner.name, mention.name);
            owner.span = Span::new(owner.span.start, mention.span.end);
        }
    }
    *mentions = kept;
}

/// `m.p.cock@vu.nl`, `https://www.kb.nl`: the parts of an address name
/// nothing. `#Wulff`, `@SPD`, `EVG&#`: marks around a name are no part of
/// it, and marks alone (`+++++`) name nothing.
fn drop_marks_and_addresses(text: &str, mentions: &mut Vec<Mention>) {
    mentions.retain(|m| !in_address(text, m.span));
    mentions.iter_mut().for_each(|m| trim_marks(text, m));
    mentions.retain(|m| text[m.span.range()].chars().any(char::is_alphanumeric) && !m.name.is_empty());
}

/// Whether a span lies in an e-mail address or a web address: a run of
/// text without white space with an `@` after a letter or digit (not a
/// handle's: `@SPD`), `://` or a leading `www.`.
fn in_address(text: &str, span: Span) -> bool {
    let before = text[..span.start].char_indices().rev().find(|(_, c)| c.is_whitespace());
    let start = before.map_or(0, |(at, c)| at + c.len_utf8());
    let end = text[span.end..].find(char::is_whitespace).map_or(text.len(), |at| span.end + at);
    let chunk = &text[start..end];
    let mailbox = chunk.match_indices('@').any(|(at, _)| chunk[..at].ends_with(char::is_alphanumeric));
    mailbox || chunk.contains("://") || chunk.starts_with("www.")
}

/// Marks of social media and markup that stick to names: hashtags,
/// handles, separators.
const MARKS: &[char] = &['#', '@', '|', '_', '+', '*', '&'];

/// Moves a mention's ends past the [`MARKS`] around it, in its span and its
/// name alike.
fn trim_marks(text: &str, mention: &mut Mention) {
    let mark = |c: char| MARKS.contains(&c) || c.is_whitespace();
    let written = &text[mention.span.range()];
    let inner = written.trim_start_matches(mark);
    let start = mention.span.start + (written.len() - inner.len());
    let end = start + inner.trim_end_matches(mark).len();
    if (start, end) != (mention.span.start, mention.span.end) {
        mention.span = Span::new(start, end);
        mention.name = mention.name.trim_matches(mark).to_owned();
    }
}

/// Adds `extra` mentions that overlap none of `mentions` nor `blocked`.
fn add_unless_overlapping(mentions: &mut Vec<Mention>, extra: Vec<Mention>, blocked: &[Span]) {
    for mention in extra {
        let taken =
            mentions.iter().any(|m| m.span.overlaps(mention.span)) || blocked.iter().any(|&s| s.overlaps(mention.span));
        if !taken {
            mentions.push(mention);
        }
    }
}

impl Recognizer for EntityRecognizer<'_> {
    fn recognize(&self, text: &str, sentence: &Sentence, tokens: &[Token]) -> Vec<Mention> {
        let ctx = Context::new(text, tokens);
        let mut mentions = self.listed(&ctx);
        if self.layers != Layers::Model {
            add_unless_overlapping(&mut mentions, outlets(&ctx, self.rules.language()), &[]);
        }
        let rules = match self.layers {
            Layers::Model => Vec::new(),
            Layers::Both | Layers::Rules => self.rules.recognize(text, sentence, tokens),
        };
        if self.layers == Layers::Rules {
            add_unless_overlapping(&mut mentions, rules, &[]);
        } else {
            let (tagged, misc) = self.tagged(&ctx);
            // A product the rules find wins over the tagger, which knows no
            // products, and so does a kind a cue word states (`die Agentur X`).
            let (stated, others): (Vec<Mention>, Vec<Mention>) =
                rules.into_iter().partition(|m| m.kind == EntityKind::Product || m.has_stated_kind());
            add_unless_overlapping(&mut mentions, stated, &[]);
            add_unless_overlapping(&mut mentions, tagged, &[]);
            // A speaker guessed from a speech verb alone is what the tagger
            // judges better: on held-out German news it added false names.
            let others = others.into_iter().filter(|m| m.origin != "cue/speaker-or-apposition").collect();
            add_unless_overlapping(&mut mentions, others, &misc);
        }
        let mentions = join_river_towns(text, self.rules.language(), mentions);
        let mut mentions = self.rules.split_coordinated(text, mentions);
        let affiliations = self.rules.affiliations(&ctx, &mentions);
        add_unless_overlapping(&mut mentions, affiliations, &[]);
        mentions.retain(|m| !self.names.veto.contains(&m.name) && !self.names.veto.contains(&text[m.span.range()]));
        drop_marks_and_addresses(text, &mut mentions);
        // Events are none of kgex's kinds, and a title alone (`the Secretary said`) names nobody.
        let title_alone = |m: &Mention| m.name.split(' ').all(|word| self.rules.is_title(word));
        mentions.retain(|m| m.origin == USER_LIST_ORIGIN || !self.rules.is_event(&m.name) && !title_alone(m));
        // `Australian school children`: the tagger's place that is a country's
        // adjective is left to the country-adjective pass, which names the country.
        mentions.retain(|m| {
            m.origin != MODEL_ORIGIN || m.kind != EntityKind::Place || !self.rules.is_country_adjective(&m.name)
        });
        mentions.sort_by_key(|m| m.span);
        join_legal_forms(text, &mut mentions);
        self.places_in_chains(text, &mut mentions);
        for mention in mentions.iter_mut().filter(|m| m.kind == EntityKind::Place && m.key.is_none()) {
            // `USA` and `US`, `Nordkorea` and `Nord-Korea`: every name of a listed
            // place is one entity, whichever layer found it.
            mention.key = self.rules.listed_place(&mention.name).flatten();
        }
        mentions
    }
}

//! Aliases within one document: groups the mentions that name the same thing
//! (a surname after the full name, "Zeta Labs" after "ZetaLabs", a genitive,
//! the names a list gives one place), finds later mentions of names already
//! known, and picks each entity's fullest name as its label.

use std::borrow::Cow;
use std::collections::BTreeSet;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::harmonize::harmonize;
use super::inflection::{compound_head, possessive_base, strip_genitive};
use super::short_forms::{bracketed_full_names, bracketed_short_forms, initials, is_acronym};
use super::{CueLists, EntityKind, Gazetteer, Mention};
use crate::text::{Span, Token, TokenKind};

/// One entity of a document, with every name the text gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedEntity {
    /// What it is.
    pub kind: EntityKind,
    /// Its fullest name in the text.
    pub label: String,
    /// Its other names in the text.
    pub aliases: BTreeSet<String>,
}

impl ResolvedEntity {
    /// Its label, then its aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.label.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// The entities of a document and which one each mention names.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    /// The entities, in the order of their first mention.
    pub entities: Vec<ResolvedEntity>,
    /// Per sentence, per mention: the index of its entity.
    pub assignments: Vec<Vec<usize>>,
    /// One line per merge, for `--explain`.
    pub explanations: Vec<String>,
}

/// The origin of mentions found because their name was already known.
const KNOWN_NAME: &str = "alias/known-name";

/// A name → entity index; `None` when two entities share the name.
type Lookup = HashMap<String, Option<usize>>;

/// Case, spaces and hyphens left out, so spelling variants meet.
pub(super) fn squash(name: &str) -> String {
    let mut squashed = String::with_capacity(name.len());
    squash_into(&mut squashed, name);
    squashed
}

/// Appends the squashed form of `name` to `out`.
fn squash_into(out: &mut String, name: &str) {
    for c in name.chars() {
        // Most letters are ASCII, whose case needs no table (a third of
        // alias resolution went to the general case mapping).
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
}

#[derive(Default)]
struct Groups {
    kinds: Vec<EntityKind>,
    names: Vec<Vec<String>>,
    by_key: HashMap<(EntityKind, String), usize>,
    /// The group each group was merged into (itself when it was not).
    merged_into: Vec<usize>,
}

impl Groups {
    fn group_of(&mut self, mention: &Mention) -> usize {
        let key = mention.key.map_or_else(|| squash(&mention.name), str::to_owned);
        let next = self.kinds.len();
        let idx = *self.by_key.entry((mention.kind, key)).or_insert(next);
        if idx == next {
            self.kinds.push(mention.kind);
            self.names.push(Vec::new());
            self.merged_into.push(idx);
        }
        // A merged group's names moved when it was merged; what it meets
        // later is an alias of its target, never its label.
        if self.merged_into[idx] != idx {
            return self.merged_into[idx];
        }
        if !self.names[idx].contains(&mention.name) {
            self.names[idx].push(mention.name.clone());
        }
        idx
    }

    /// Takes a short form the text gave a group's name in brackets, with
    /// every group named by it (`IAEO` found alone elsewhere).
    fn absorb_short_form(&mut self, target: usize, short: &str) {
        let key = squash(short);
        let mut named: Vec<usize> = self.by_key.iter().filter(|((_, k), _)| *k == key).map(|(_, &i)| i).collect();
        named.sort_unstable();
        named.retain(|&i| i != target && self.merged_into[i] == i);
        for idx in named {
            self.move_into(idx, target);
        }
        if !self.names[target].iter().any(|n| n == short) {
            self.names[target].push(short.to_owned());
        }
    }

    /// Merges group `idx` into `target`: its names become the target's.
    fn move_into(&mut self, idx: usize, target: usize) {
        for name in std::mem::take(&mut self.names[idx]) {
            if !self.names[target].contains(&name) {
                self.names[target].push(name);
            }
        }
        self.merged_into[idx] = target;
    }

    /// `PBS` after `Public Broadcasting Service`: an organisation named only
    /// by an acronym is the one organisation of the text whose initials it is.
    fn merge_acronyms(&mut self) {
        let mut by_initials = Lookup::default();
        for (idx, names) in self.names.iter().enumerate().filter(|(i, _)| self.kinds[*i] == EntityKind::Organization) {
            for initials in names.iter().filter_map(|n| initials(n)) {
                let entry = by_initials.entry(initials).or_insert(Some(idx));
                if *entry != Some(idx) {
                    *entry = None;
                }
            }
        }
        for idx in 0..self.kinds.len() {
            let names = &self.names[idx];
            let acronym = self.kinds[idx] == EntityKind::Organization && names.iter().all(|n| is_acronym(n));
            let target = names.first().filter(|_| acronym).and_then(|n| by_initials.get(n)).copied().flatten();
            if let Some(target) = target.filter(|&t| t != idx && self.merged_into[t] == t) {
                self.move_into(idx, target);
            }
        }
    }

    /// Merges a group whose names are all partial names of one other group
    /// of the same kind ("Kim" found by a cue, "Mira Kim" elsewhere); with
    /// `first_names`, a person's first name counts as a partial name too.
    fn merge_partials(&mut self, first_names: bool) {
        let (mut partial, mut whole) = (Lookup::default(), Lookup::default());
        let add = |lookup: &mut Lookup, name: &str, idx: usize| {
            let entry = lookup.entry(squash(name)).or_insert(Some(idx));
            if *entry != Some(idx) {
                *entry = None;
            }
        };
        for (idx, names) in self.names.iter().enumerate() {
            for name in names {
                add(&mut whole, name, idx);
                for part in partial_names(self.kinds[idx], name) {
                    if self.kinds[idx] == EntityKind::Person {
                        // `Goode` in a life of Matthew Goode that names his
                        // children too: a surname several people share is the
                        // one the text named first, whom it is about.
                        partial.entry(squash(&part)).or_insert(Some(idx));
                    } else {
                        add(&mut partial, &part, idx);
                    }
                }
                // A first name alone (`Steve` in a quote) is the one person
                // of the text with it, once genitives have merged; it is no
                // name to look for elsewhere.
                let first = name.split_once(' ').map(|(first, _)| first).filter(|_| first_names);
                if let Some(first) =
                    first.filter(|f| self.kinds[idx] == EntityKind::Person && Gazetteer::get().is_first_name(f))
                {
                    add(&mut partial, first, idx);
                }
            }
        }
        for idx in 0..self.kinds.len() {
            let targets: BTreeSet<Option<usize>> =
                self.names[idx].iter().map(|n| partial_target(&partial, &whole, n)).collect();
            let Some(&Some(target)) = targets.iter().next().filter(|_| targets.len() == 1) else { continue };
            if target != idx && self.kinds[target] == self.kinds[idx] && self.merged_into[target] == target {
                let names = std::mem::take(&mut self.names[idx]);
                // A genitive stays an alias: it is no fuller a name than its base.
                for name in names.into_iter().filter(|n| partial.contains_key(&squash(n))) {
                    if !self.names[target].contains(&name) {
                        self.names[target].push(name);
                    }
                }
                self.merged_into[idx] = target;
            }
        }
    }

    /// Every name, its squashed form and the partial names of people and
    /// organisations, each pointing at its group.
    fn lookup(&self) -> Lookup {
        let mut lookup = Lookup::default();
        let mut add = |name: String, idx: usize| {
            let entry = lookup.entry(name).or_insert(Some(idx));
            if *entry != Some(idx) {
                *entry = None;
            }
        };
        for (idx, names) in self.names.iter().enumerate() {
            for name in names {
                add(squash(name), self.merged_into[idx]);
                for part in partial_names(self.kinds[idx], name) {
                    add(squash(&part), self.merged_into[idx]);
                }
            }
        }
        lookup
    }
}

/// The group a name is a partial name of, as written or, for a single word
/// that no group knows, as a genitive of a name or partial name (`Bembas`
/// after `Jean-Pierre Bemba` or `Bemba`).
fn partial_target(partial: &Lookup, whole: &Lookup, name: &str) -> Option<usize> {
    let squashed = squash(name);
    if let Some(&target) = partial.get(&squashed) {
        return target;
    }
    let genitive = name.ends_with('s') && !name.ends_with("ss") && squashed.len() > 4;
    let base = genitive.then(|| &squashed[..squashed.len() - 1])?;
    // A full name's genitive (`Swantje Hartmanns`) is only ever the full name.
    let partial = if name.contains(' ') { None } else { partial.get(base) };
    partial.or_else(|| whole.get(base)).copied().flatten()
}

/// Shorter names a text may use after the full one: a person's surname (or
/// family name first, when the first word is no listed first name), the
/// first name and surname without the middle names and initials (`Joshua
/// Norton` after `Joshua Abraham Norton`), the names after the first
/// (`Hirsi Ali` after `Ayaan Hirsi Ali`), an organisation's name before
/// `for` / `of` or without its legal form.
fn partial_names(kind: EntityKind, name: &str) -> Vec<Cow<'_, str>> {
    let words: Vec<&str> = name.split(' ').collect();
    match kind {
        EntityKind::Person if words.len() >= 2 => {
            let last = words[words.len() - 1];
            let mut parts = vec![Cow::Borrowed(last)];
            let middle = &words[1..words.len() - 1];
            if !middle.is_empty() && middle.iter().all(|w| w.starts_with(char::is_uppercase)) {
                parts.push(Cow::Owned(format!("{} {last}", words[0])));
                // `Hirsi Ali` after `Ayaan Hirsi Ali`: a surname of two words.
                if middle.iter().all(|w| !w.ends_with('.')) {
                    parts.push(Cow::Borrowed(&name[words[0].len() + 1..]));
                }
            }
            // `Gaddafi` after `Muammar al-Gaddafi`: Arabic names join their article.
            let article = ["al-", "el-", "as-", "ad-", "ar-", "ash-", "az-"].iter().find(|a| last.starts_with(**a));
            if let Some(article) = article.filter(|a| last.len() > a.len() + 2) {
                parts.push(Cow::Borrowed(&last[article.len()..]));
            }
            if !Gazetteer::get().is_first_name(words[0]) {
                parts.push(Cow::Borrowed(words[0]));
            }
            // `zu Guttenberg` after `Karl-Theodor zu Guttenberg`.
            let particle =
                words.len() >= 3 && matches!(words[words.len() - 2], "von" | "zu" | "van" | "de" | "di" | "da");
            if particle {
                let start = name.len() - words[words.len() - 1].len() - 1 - words[words.len() - 2].len();
                parts.push(Cow::Borrowed(&name[start..]));
            }
            parts
        }
        EntityKind::Organization => {
            let cut = [" for ", " of ", " für "].iter().find_map(|c| name.find(c));
            // `Conradty` after `Conradty AG`: a firm without its legal form.
            cut.map(|at| &name[..at]).into_iter().chain(without_legal_form(name)).map(Cow::Borrowed).collect()
        }
        _ => Vec::new(),
    }
}

/// A firm's name without the legal form it ends in (`Conradty AG` →
/// `Conradty`); not `Schäuble & Co.`, a person and company.
fn without_legal_form(name: &str) -> Option<&str> {
    let (base, form) = name.rsplit_once(' ')?;
    (CueLists::is_legal_form(form) && base.ends_with(char::is_alphanumeric)).then_some(base)
}

/// Resolves the mentions of one document: adds the later mentions of known
/// names to `mentions` and assigns every mention an entity.
pub fn resolve(text: &str, tokens: &[Vec<Token>], mentions: &mut [Vec<Mention>]) -> Resolution {
    harmonize(text, mentions);
    let mut groups = Groups::default();
    for mention in mentions.iter().flatten() {
        groups.group_of(mention);
    }
    for (named, short) in bracketed_short_forms(text, mentions) {
        let target = groups.group_of(&named);
        groups.absorb_short_form(target, short);
    }
    for (full, short) in bracketed_full_names(text, mentions) {
        let target = groups.group_of(full);
        groups.absorb_short_form(target, short);
    }
    groups.merge_partials(false);
    groups.merge_partials(true);
    groups.merge_acronyms();
    let lookup = groups.lookup();
    let prefixes = key_prefixes(&lookup);
    let mut explanations = Vec::new();
    for (sentence_tokens, sentence_mentions) in tokens.iter().zip(mentions.iter_mut()) {
        for mention in find_known(text, sentence_tokens, sentence_mentions, &lookup, &prefixes, &groups.kinds) {
            sentence_mentions.push(mention);
        }
        sentence_mentions.sort_by_key(|m| m.span);
    }
    let mut assign = |m: &Mention| match m.origin {
        KNOWN_NAME => lookup.get(&squash(&m.name)).copied().flatten().unwrap_or_default(),
        _ => groups.group_of(m),
    };
    let assignments: Vec<Vec<usize>> = mentions.iter().map(|ms| ms.iter().map(&mut assign).collect()).collect();
    let entities = build_entities(&groups, &lookup, mentions, &assignments, &mut explanations);
    Resolution { entities, assignments, explanations }
}

/// Every start of every key (`z`, `ze`, `zet`, ... of `zetalabs`).
fn key_prefixes(lookup: &Lookup) -> HashSet<&str> {
    let mut prefixes = HashSet::default();
    for key in lookup.keys() {
        prefixes.extend(key.char_indices().skip(1).map(|(at, _)| &key[..at]));
        prefixes.insert(key.as_str());
    }
    prefixes
}

/// Whether a name that starts with the word `first` can be known: its
/// squashed form, less a genitive ending of one or two letters, or the head
/// of a compound starts a key.
fn may_start_known(first: &str, prefixes: &HashSet<&str>) -> bool {
    let squashed = squash(first);
    let ends: Vec<usize> = squashed.char_indices().map(|(at, _)| at).chain([squashed.len()]).collect();
    let shortened = ends.iter().rev().take(3).any(|&end| end > 0 && prefixes.contains(&squashed[..end]));
    shortened || compound_head(first).is_some_and(|(head, _)| prefixes.contains(squash(head).as_str()))
}

/// Later mentions of known names in one sentence: exact, squashed,
/// possessive and partial forms, longest first, never over a mention.
fn find_known(
    text: &str,
    tokens: &[Token],
    existing: &[Mention],
    lookup: &Lookup,
    prefixes: &HashSet<&str>,
    kinds: &[EntityKind],
) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    let mut start = 0;
    while start < tokens.len() {
        let first = tokens[start].text(text);
        // Most windows are ruled out by their first word, before any is squashed.
        let name_like = tokens[start].kind == TokenKind::Word
            && first.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
            && may_start_known(first, prefixes);
        let hit = name_like.then(|| {
            let ends = feasible_ends(text, &tokens[start..(start + 6).min(tokens.len())], prefixes);
            // A name ends in a word: `Punjab .` squashes like `Punjab` but is not its mention.
            let ends =
                ends.into_iter().rev().map(|k| start + k).filter(|&end| tokens[end - 1].kind != TokenKind::Punctuation);
            ends.into_iter().find_map(|end| {
                let span = Span::new(tokens[start].span.start, tokens[end - 1].span.end);
                // `X 's` leaves `X ` once the possessive is stripped: no space ends a name.
                known_form(&text[span.range()], lookup).map(|(base, idx)| (end, span, base.trim_end(), idx))
            })
        });
        let Some(Some((end, span, base, idx))) = hit else {
            start += 1;
            continue;
        };
        let span = Span::new(span.start, span.start + base.len());
        let overlaps = |m: &Mention| m.span.start < span.end && span.start < m.span.end;
        if !existing.iter().any(overlaps) && !found.iter().any(overlaps) {
            found.push(Mention::new(span, kinds[idx], base.to_owned(), KNOWN_NAME));
        }
        start = end;
    }
    found
}

/// The numbers of tokens from the first of `window` that can name a known
/// entity: those whose squashed text, less its last letter (a genitive or
/// possessive `s`), starts a key, or that hold a hyphen (a compound's head
/// may be a key). Most windows are ruled out so, without squashing and
/// looking up each of their forms.
fn feasible_ends(text: &str, window: &[Token], prefixes: &HashSet<&str>) -> Vec<usize> {
    let mut squashed = String::new();
    let mut ends = Vec::new();
    let mut from = window.first().map_or(0, |t| t.span.start);
    for (k, token) in window.iter().enumerate() {
        let piece = &text[from..token.span.end];
        from = token.span.end;
        squash_into(&mut squashed, piece);
        let less_last = squashed.char_indices().last().map_or(0, |(at, _)| at);
        let hyphen = text[window[0].span.start..token.span.end].contains('-');
        if less_last == 0 || prefixes.contains(&squashed[..less_last]) || hyphen {
            ends.push(k + 1);
        }
    }
    ends
}

/// The base form of `surface` and its group, if the surface names a known
/// entity as written, as a genitive or possessive, or as a compound's head.
fn known_form<'s>(surface: &'s str, lookup: &Lookup) -> Option<(&'s str, usize)> {
    // Only a hyphen inside a word joins a compound: `X -` is a dash after X.
    let head = surface
        .rsplit_once('-')
        .filter(|(head, tail)| !head.ends_with(char::is_whitespace) && !tail.starts_with(char::is_whitespace))
        .map(|(head, _)| head);
    [Some(surface), Some(strip_genitive(surface)), possessive_base(surface), head]
        .into_iter()
        .flatten()
        .find_map(|form| lookup.get(&squash(form)).copied().flatten().map(|idx| (form, idx)))
}

fn build_entities(
    groups: &Groups,
    lookup: &Lookup,
    mentions: &[Vec<Mention>],
    assignments: &[Vec<usize>],
    explanations: &mut Vec<String>,
) -> Vec<ResolvedEntity> {
    let mut entities: Vec<ResolvedEntity> = groups
        .kinds
        .iter()
        .zip(&groups.names)
        .map(|(&kind, names)| {
            // Names of merged groups moved to their target; an empty group is never assigned.
            // A firm's legal form makes no name fuller: `Siemens` over `Siemens AG`, as
            // other texts name it.
            let fullness = |name: &String| {
                let base = without_legal_form(name).unwrap_or(name);
                (base.chars().count(), std::cmp::Reverse(name.len()))
            };
            let label = names.iter().max_by_key(|n| fullness(n)).cloned().unwrap_or_default();
            let aliases = names.iter().filter(|n| **n != label).cloned().collect();
            ResolvedEntity { kind, label, aliases }
        })
        .collect();
    for (mention, &idx) in mentions.iter().flatten().zip(assignments.iter().flatten()) {
        let entity = &mut entities[idx];
        if mention.name != entity.label && entity.aliases.insert(mention.name.clone()) {
            explanations
                .push(format!("merge: {} '{}' → '{}' ({})", entity.kind, mention.name, entity.label, mention.origin));
        }
    }
    for (name, target) in lookup {
        if target.is_none() {
            explanations.push(format!("not merged: '{name}' could name more than one entity"));
        }
    }
    explanations.sort();
    entities
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squashing_drops_all_but_letters_and_digits_in_lower_case() {
        let general = |name: &str| -> String {
            name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
        };
        for name in
            ["Zeta-Labs AI", "Straße 7", "ÄRZTE ohne Grenzen", "İstanbul", "Ελλάδα", "O'Neil & Co.", "x2-mini", ""]
        {
            assert_eq!(squash(name), general(name), "{name}");
        }
        assert_eq!(squash("Van der Berg-Müller"), "vanderbergmüller");
    }

    #[test]
    fn a_name_cut_as_a_possessive_keeps_its_s_when_the_text_names_it_whole() {
        let text = "Senator Ted Stevens wurde angeklagt. In Ted Stevens Amtszeit wuchs der Haushalt.";
        let whole = text.find("Ted Stevens").unwrap();
        let cut = text.rfind("Ted Stevens").unwrap();
        let person = |at: usize, name: &str| {
            Mention::new(Span::new(at, at + name.len()), EntityKind::Person, name.to_owned(), "test")
        };
        let mut mentions = vec![vec![person(whole, "Ted Stevens"), person(cut, "Ted Steven")]];
        let resolution = resolve(text, &[Vec::new()], &mut mentions);
        let people: Vec<&str> =
            resolution.entities.iter().filter(|e| !e.label.is_empty()).map(|e| e.label.as_str()).collect();
        assert_eq!(people, ["Ted Stevens"]);
        assert_eq!(&text[mentions[0][1].span.range()], "Ted Stevens");
    }

    #[test]
    fn a_genitive_of_a_known_name_is_that_entity_and_never_its_label() {
        let text = "Die Anhänger Korvals protestierten. Lena Korval lebt in Oslo. Korval schwieg.";
        let mut mentions = vec![vec![]];
        for name in ["Korvals", "Lena Korval", "Korval"] {
            let at = text.find(&format!("{name} ")).unwrap();
            mentions[0].push(Mention::new(Span::new(at, at + name.len()), EntityKind::Person, name.to_owned(), "test"));
        }
        mentions[0].sort_by_key(|m| m.span);
        let resolution = resolve(text, &[Vec::new()], &mut mentions);
        let people: Vec<&str> =
            resolution.entities.iter().filter(|e| !e.label.is_empty()).map(|e| e.label.as_str()).collect();
        assert_eq!(people, ["Lena Korval"]);
        assert!(resolution.entities.iter().any(|e| e.aliases.contains("Korvals")));
    }

    #[test]
    fn a_full_genitive_a_particle_surname_and_a_lone_first_name_are_the_person() {
        let text =
            "Lena Karl zu Hohenberg sprach. Zu Hohenberg schwieg. Lena Karl zu Hohenbergs Brief kam. Lena lachte.";
        let names = ["Lena Karl zu Hohenberg", "Zu Hohenberg", "Lena Karl zu Hohenbergs", "Lena"];
        let resolution = resolve(text, &[Vec::new()], &mut named_in(text, &names));
        let people: Vec<&str> =
            resolution.entities.iter().filter(|e| !e.label.is_empty()).map(|e| e.label.as_str()).collect();
        assert_eq!(people, ["Lena Karl zu Hohenberg"], "{:?}", resolution.entities);
    }

    #[test]
    fn a_known_name_ends_in_a_word_not_in_the_full_stop_after_it() {
        let text = "Tarvik grew. They left for Tarvik .";
        let tokens = vec![crate::text::tokenize(text, Span::new(0, text.len()))];
        let mut mentions = vec![vec![Mention::new(Span::new(0, 6), EntityKind::Place, "Tarvik".into(), "test")]];
        resolve(text, &tokens, &mut mentions);
        let found: Vec<&str> = mentions[0].iter().map(|m| &text[m.span.range()]).collect();
        assert_eq!(found, ["Tarvik", "Tarvik"]);
    }

    #[test]
    fn an_arabic_surname_without_its_article_is_the_person() {
        let text = "Omar al-Hadi kam. Hadi sprach. Ali el-Sayed fehlte. Sayed schwieg. Al kam. ";
        let names = ["Omar al-Hadi", "Hadi", "Ali el-Sayed", "Sayed", "Al"];
        let resolution = resolve(text, &[Vec::new()], &mut named_in(text, &names));
        let people: Vec<&str> =
            resolution.entities.iter().filter(|e| !e.label.is_empty()).map(|e| e.label.as_str()).collect();
        assert_eq!(people, ["Omar al-Hadi", "Ali el-Sayed", "Al"], "{:?}", resolution.entities);
    }

    #[test]
    fn a_genitive_taken_for_a_person_is_of_the_place_the_text_names() {
        let text = "Die Westumgehung Straßburgs kommt spät. In Straßburg wartet man. Das Haus Claus steht.";
        let mut mentions = named_in(text, &["Straßburgs", "Straßburg", "Claus"]);
        mentions[0][1].kind = EntityKind::Place;
        let resolution = resolve(text, &[Vec::new()], &mut mentions);
        let kinds: Vec<EntityKind> = mentions[0].iter().map(|m| m.kind).collect();
        assert_eq!(kinds, [EntityKind::Place, EntityKind::Place, EntityKind::Person]);
        let place = resolution.entities.iter().find(|e| e.label == "Straßburg").unwrap();
        assert!(place.aliases.contains("Straßburgs"), "{:?}", resolution.entities);
    }

    #[test]
    fn a_surname_taken_for_a_place_is_the_person_unless_listed() {
        let text = "Präsident Peter Saakow und Anna Berlin kamen. Saakow regiert. Berlin wartet.";
        let mut mentions = named_in(text, &["Peter Saakow", "Anna Berlin", "Saakow", "Berlin"]);
        mentions[0][2].kind = EntityKind::Place;
        mentions[0][3].kind = EntityKind::Place;
        resolve(text, &[Vec::new()], &mut mentions);
        let kinds: Vec<EntityKind> = mentions[0].iter().map(|m| m.kind).collect();
        assert_eq!(kinds[2..], [EntityKind::Person, EntityKind::Place]);
    }

    #[test]
    fn a_full_name_without_its_middle_names_is_the_person() {
        let text = "Joshua Abraham Norton was born. George D. Warrington came. Joshua Norton ruled. George Warrington \
                    left. Ayaan Hirsi Ali spoke. Hirsi Ali left. D. Warrington came.";
        let names = ["Joshua Abraham Norton", "George D. Warrington", "Joshua Norton", "George Warrington"];
        let more = ["Ayaan Hirsi Ali", "Hirsi Ali", "D. Warrington"];
        let mut mentions = named_in(text, &[&names[..], &more[..]].concat());
        let resolution = resolve(text, &[Vec::new()], &mut mentions);
        let labels: Vec<&str> =
            resolution.entities.iter().filter(|e| !e.label.is_empty()).map(|e| e.label.as_str()).collect();
        // A surname of two words is the person; an initial and a surname may be another.
        let expected = ["Joshua Abraham Norton", "George D. Warrington", "Ayaan Hirsi Ali", "D. Warrington"];
        assert_eq!(labels, expected, "{:?}", resolution.entities);
    }

    #[test]
    fn a_surname_several_people_share_is_the_one_named_first() {
        let text = "Matthew Goode is an actor. His daughter Matilda Goode was born. Goode lives in London.";
        let mut mentions = named_in(text, &["Matthew Goode", "Matilda Goode", "Goode"]);
        let resolution = resolve(text, &[Vec::new()], &mut mentions);
        let goode = &resolution.entities[resolution.assignments[0][2]];
        assert_eq!(goode.label, "Matthew Goode", "{:?}", resolution.entities);
    }

    #[test]
    fn a_firm_without_its_legal_form_is_the_firm_and_its_label() {
        let text = "Die Zorbex AG wächst. Zorbex stellt ein. Hans Lemke & Co. lobt Lemke.";
        let at = |name: &str| text.find(name).unwrap();
        let org =
            |name: &str, kind| Mention::new(Span::new(at(name), at(name) + name.len()), kind, name.to_owned(), "t");
        let mut mentions = vec![vec![
            org("Zorbex AG", EntityKind::Organization),
            org("Zorbex", EntityKind::Organization),
            org("Hans Lemke & Co.", EntityKind::Organization),
        ]];
        mentions[0][1].span = Span::new(at("Zorbex stellt"), at("Zorbex stellt") + 6);
        let resolution = resolve(text, &[Vec::new()], &mut mentions);
        let labels: Vec<&str> =
            resolution.entities.iter().filter(|e| !e.label.is_empty()).map(|e| e.label.as_str()).collect();
        assert_eq!(labels, ["Zorbex", "Hans Lemke & Co."], "{:?}", resolution.entities);
        assert!(resolution.entities[0].aliases.contains("Zorbex AG"));
    }

    #[test]
    fn an_acronym_alone_is_the_one_organisation_with_its_initials() {
        let text = "The Public Broadcasting Service grew. PBS airs news. The Pacific Bell Stadium and PBS.";
        let mut mentions = named_in(text, &["Public Broadcasting Service", "PBS"]);
        mentions[0].iter_mut().for_each(|m| m.kind = EntityKind::Organization);
        let resolution = resolve(text, &[Vec::new()], &mut mentions);
        let pbs = &resolution.entities[resolution.assignments[0][1]];
        assert_eq!(pbs.label, "Public Broadcasting Service", "{:?}", resolution.entities);
        let (initials, acronym) = (super::initials("Massachusetts Institute of Technology"), is_acronym("MIT"));
        assert_eq!((initials.as_deref(), acronym), (Some("MIT"), true));
        assert!(super::initials("Siemens").is_none() && !is_acronym("Siemens"));
    }

    #[test]
    fn an_acronym_with_its_full_name_in_brackets_is_that_organisation() {
        let text = "The head of CEI (Italian Episcopal Conference) spoke. CEI said more.";
        let at = |name: &str, from: usize| text[from..].find(name).unwrap() + from;
        let org = |name: &str, start: usize| {
            Mention::new(Span::new(start, start + name.len()), EntityKind::Organization, name.to_owned(), "t")
        };
        let later = at("CEI", 20);
        let mut mentions = vec![vec![
            org("CEI", at("CEI", 0)),
            org("Italian Episcopal Conference", at("Italian", 0)),
            org("CEI", later),
        ]];
        let resolution = resolve(text, &[Vec::new()], &mut mentions);
        let cei = &resolution.entities[resolution.assignments[0][2]];
        assert_eq!(cei.label, "Italian Episcopal Conference", "{:?}", resolution.entities);
    }

    /// One person mention per name, at its last place in `text`.
    fn named_in(text: &str, names: &[&str]) -> Vec<Vec<Mention>> {
        let mut mentions: Vec<Mention> = names
            .iter()
            .map(|name| {
                let at = text.rfind(&format!("{name} ")).unwrap();
                Mention::new(Span::new(at, at + name.len()), EntityKind::Person, (*name).to_owned(), "test")
            })
            .collect();
        mentions.sort_by_key(|m| m.span);
        vec![mentions]
    }
}

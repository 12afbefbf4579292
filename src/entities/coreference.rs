//! Definite descriptions of an organisation ("das Unternehmen", "the
//! company") refer to the organisation the document has named most so far
//! (the one named last among equals), if it was named in the sentences just
//! before; a role compound on a kind of body (`Universitätspräsident`)
//! refers to the body of that kind named most so far, and one on the last
//! word of a body's name (`Bundestagsabgeordnete X`) to that body.

use rustc_hash::FxHashMap as HashMap;

use super::cues::{Cue, CueLists};
use super::{EntityKind, Mention, Resolution};
use crate::input::Language;
use crate::text::{Span, Token};

/// The origin of the mentions added here.
const ORIGIN: &str = "coreference/definite";

/// How many sentences back an organisation may have been named.
const LOOK_BACK: usize = 3;

/// Adds a mention for every definite description of an organisation that
/// follows a named one within [`LOOK_BACK`] sentences.
pub fn add_definite_references(
    text: &str,
    language: Language,
    tokens: &[Vec<Token>],
    mentions: &mut [Vec<Mention>],
    resolution: &mut Resolution,
) {
    let cues = CueLists::for_language(language);
    // Per organisation: how often it was named, and in which sentence last.
    let mut named: HashMap<usize, (usize, usize)> = HashMap::default();
    let mut last_named: Option<usize> = None;
    let bodies = body_last_words(language, resolution);
    for n in 0..tokens.len() {
        let found = references(text, cues, &tokens[n], &mentions[n]);
        let recent = last_named.is_some_and(|at| n - at <= LOOK_BACK);
        for (span, kind_words) in found {
            // Ties go to the organisation named first, whatever the map's order.
            let fits = |idx: usize| {
                let label = &resolution.entities[idx].label;
                // `die Firma` after a ministry named more often is still the firm.
                kind_words.is_empty() && !is_public_body(cues, label) || {
                    let label = label.to_lowercase();
                    kind_words.iter().any(|w| label.contains(w))
                }
            };
            let best = named
                .iter()
                .filter(|(&idx, _)| fits(idx))
                .max_by_key(|(&idx, &(count, at))| (count, at, std::cmp::Reverse(idx)))
                .map(|(&idx, _)| idx);
            // A typed stem names its kind of body (`Universitätspräsident`), so
            // it may look further back than a bare `das Unternehmen`.
            let Some(idx) = best.filter(|_| recent || !kind_words.is_empty()) else { continue };
            let mention = Mention::new(span, EntityKind::Organization, resolution.entities[idx].label.clone(), ORIGIN);
            let at = mentions[n].partition_point(|m| m.span < span);
            mentions[n].insert(at, mention);
            resolution.assignments[n].insert(at, idx);
        }
        for (span, idx) in named_role_compounds(text, cues, &tokens[n], &mentions[n], &bodies) {
            let mention = Mention::new(span, EntityKind::Organization, resolution.entities[idx].label.clone(), ORIGIN);
            let at = mentions[n].partition_point(|m| m.span < span);
            mentions[n].insert(at, mention);
            resolution.assignments[n].insert(at, idx);
        }
        for (mention, &idx) in mentions[n].iter().zip(&resolution.assignments[n]) {
            if mention.kind == EntityKind::Organization && mention.origin != ORIGIN {
                let entry = named.entry(idx).or_default();
                *entry = (entry.0 + 1, n);
                last_named = Some(n);
            }
        }
    }
}

/// Whether an organisation's name ends in a public body's noun
/// (`Fischereiministerium`, `US-Senat`, `Landesregierung`): no company.
fn is_public_body(cues: &CueLists, label: &str) -> bool {
    let last = label.rsplit([' ', '-']).next().unwrap_or(label);
    [Cue::Institution, Cue::CountryBody, Cue::RegionalBody].into_iter().any(|section| cues.matches(section, last))
}

/// The spans of `das (adjective) Unternehmen` in a sentence, unless a name
/// follows (`die Firma X` names X itself), and of the first part of a role
/// compound on such a noun (`Konzern` in `Konzernchef X`).
fn references(
    text: &str,
    cues: &CueLists,
    tokens: &[Token],
    mentions: &[Mention],
) -> Vec<(Span, &'static [&'static str])> {
    let mut found: Vec<(Span, &[&str])> =
        described(text, cues, tokens, mentions).into_iter().map(|s| (s, ANY)).collect();
    found.extend(tokens.iter().filter_map(|t| {
        role_compound(cues, t.text(text)).map(|(len, kind)| (Span::new(t.span.start, t.span.start + len), kind))
    }));
    found.sort();
    found
}

/// The first parts of role compounds before a person's name whose first
/// part is the last word of an organisation the document names
/// (`Buchmessedirektor X` beside `Leipziger Buchmesse`,
/// `Bundestagsabgeordnete X` beside `Deutscher Bundestag`), each with that
/// organisation.
fn named_role_compounds(
    text: &str,
    cues: &CueLists,
    tokens: &[Token],
    mentions: &[Mention],
    organizations: &[(usize, String)],
) -> Vec<(Span, usize)> {
    if organizations.is_empty() {
        return Vec::new();
    }
    let starts_person =
        |token: &Token| mentions.iter().any(|m| m.kind == EntityKind::Person && m.span.start == token.span.start);
    let covered = |span: Span| mentions.iter().any(|m| m.span.start < span.end && span.start < m.span.end);
    tokens
        .windows(2)
        .filter(|pair| starts_person(&pair[1]))
        .filter_map(|pair| {
            let whole = pair[0].text(text);
            // `SPD-Bundestagsabgeordnete`: the compound after the last hyphen.
            let word = whole.rsplit('-').next()?;
            let start = pair[0].span.start + (whole.len() - word.len());
            let lower = word.to_lowercase();
            organizations.iter().find_map(|(idx, last)| {
                let span = Span::new(start, start + first_part_length(cues, word, &lower, last)?);
                (!covered(span)).then_some((span, *idx))
            })
        })
        .collect()
}

/// Whether `word` is a definite article, in any case.
fn is_article(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "das" | "die" | "der" | "dem" | "des" | "the")
}

/// Each German organisation of the document with the last word of its
/// name in lower case, for [`named_role_compounds`]; none in English, which
/// writes such roles apart (`Bundestag member`).
fn body_last_words(language: Language, resolution: &Resolution) -> Vec<(usize, String)> {
    if language != Language::De {
        return Vec::new();
    }
    resolution
        .entities
        .iter()
        .enumerate()
        // A description taken for a name (`Erscheinungsbild der Partei`) names no body.
        .filter(|(_, e)| e.kind == EntityKind::Organization && !e.label.split(' ').any(is_article))
        .filter_map(|(idx, e)| Some((idx, e.label.rsplit([' ', '-']).next()?.to_lowercase())))
        // `Union` of `Europäische Union` is also the CDU/CSU (`Unionspolitiker`).
        .filter(|(_, last)| last.chars().count() >= 5 && last != "union")
        .collect()
}

/// Any organisation: no word its name must hold.
const ANY: &[&str] = &[];

/// First parts of role compounds that refer to an organisation, each with
/// the words one of whose the organisation's name must hold (none: the
/// document's main organisation).
const STEMS: [(&str, &[&str]); 10] = [
    ("unternehmen", ANY),
    ("konzern", ANY),
    ("firmen", ANY),
    ("universität", &["universität", "university"]),
    ("hochschul", &["hochschule"]),
    ("bank", &["bank"]),
    ("regierung", &["regierung"]),
    ("ministerium", &["ministerium"]),
    ("fraktion", &["fraktion"]),
    ("gewerkschaft", &["gewerkschaft"]),
];

/// The byte length of the first part of `word` when it is a role compound
/// whose first part refers to an organisation (`Unternehmenschef`,
/// `Konzern-Sprecherin`, `Universitätspräsident`), with the words the
/// organisation's name must hold.
fn role_compound(cues: &CueLists, word: &str) -> Option<(usize, &'static [&'static str])> {
    // Every token is asked: most are ruled out by their first letter
    // before they are lowered (one not in ASCII may lower to a stem's).
    let first = word.chars().next()?;
    if first.is_ascii() && !STEMS.iter().any(|(stem, _)| stem.as_bytes()[0] == first.to_ascii_lowercase() as u8) {
        return None;
    }
    let lower = word.to_lowercase();
    let (stem, kind) = STEMS.iter().find(|(s, _)| lower.starts_with(*s))?;
    Some((first_part_length(cues, word, &lower, stem)?, *kind))
}

/// The byte length of the first part of `word` (`lower` is it in lower
/// case) when `stem` begins it and a role follows (`Konzern-Sprecherin`,
/// `Bundestagsabgeordnete`).
fn first_part_length(cues: &CueLists, word: &str, lower: &str, stem: &str) -> Option<usize> {
    let rest = lower.strip_prefix(stem)?.trim_start_matches('-');
    let is_role = |rest: &str| rest.len() >= 4 && cues.matches_lower(Cue::CompoundOrganization, rest);
    // The linking `s` (`Regierungssprecher`) belongs to the first part; it
    // is missing now and then (`Regierungsprecher`).
    let linked = rest.strip_prefix('s').filter(|r| is_role(r));
    let length = stem.len() + usize::from(linked.is_some());
    let role = linked.is_some() || is_role(rest);
    // The first part has the same length in the word, whose case alone differs.
    (role && word.is_char_boundary(length)).then_some(length)
}

fn described(text: &str, cues: &CueLists, tokens: &[Token], mentions: &[Mention]) -> Vec<Span> {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    let covered = |span: Span| mentions.iter().any(|m| m.span.start < span.end && span.start < m.span.end);
    (1..tokens.len())
        .filter(|&i| cues.has(Cue::OrganizationReference, word(i)))
        .filter(|&i| {
            is_article(word(i - 1)) || i >= 2 && is_article(word(i - 2)) && word(i - 1).chars().all(char::is_lowercase)
        })
        .filter(|&i| !tokens.get(i + 1).is_some_and(|next| covered(next.span)))
        .map(|i| tokens[i].span)
        .filter(|&span| !covered(span))
        .collect()
}

//! Matches the rules of the pattern language against one sentence: its
//! tokens (compounds split after a named first part), its mentions and its
//! quotations.

use super::lists::Membership;
use super::pattern::{Atom, Capture, DocumentEnd, Element, Rule, RuleFile};
use super::{find_date, Attributes, Endpoint, Fact, RelationKind};
use crate::entities::{EntityKind, Mention};
use crate::text::{Folded, Span, Token, TokenKind};

/// A sentence prepared for matching.
pub struct SentenceView<'a> {
    text: &'a str,
    rules: &'a RuleFile,
    tokens: Vec<Token>,
    lower: Folded,
    /// Per token: the mention starting there and the token after its end.
    mention_at: Vec<Option<(usize, usize)>>,
    kinds: Vec<EntityKind>,
    outlets: Vec<bool>,
    /// Per token: the token after the quotation opening there.
    quote_end: Vec<Option<usize>>,
    /// Which of the rules' lists each token is in.
    lists: Membership,
}

/// What a match captured, as mention indices and token ranges.
#[derive(Debug, Clone, Copy, Default)]
struct Captures {
    subject: Option<usize>,
    object: Option<usize>,
    role: Option<(usize, usize)>,
    topic: Option<(usize, usize)>,
    quote: Option<(usize, usize)>,
    date: Option<(usize, usize)>,
    former: bool,
}

impl<'a> SentenceView<'a> {
    /// The view of a sentence with `tokens` and `mentions` (in text order)
    /// for matching `rules`; `outlets[i]` tells whether mention `i` names a
    /// news outlet.
    pub fn new(text: &'a str, tokens: &[Token], mentions: &[Mention], outlets: &[bool], rules: &'a RuleFile) -> Self {
        let tokens = split_named_compounds(text, tokens, mentions);
        let lower = Folded::new(text, &tokens);
        let mut mention_at = vec![None; tokens.len()];
        for (idx, mention) in mentions.iter().enumerate() {
            let start = tokens.iter().position(|t| t.span.end > mention.span.start);
            let end = tokens.iter().position(|t| t.span.start >= mention.span.end).unwrap_or(tokens.len());
            if let Some(start) = start.filter(|&s| s < end && mention_at[s].is_none()) {
                mention_at[start] = Some((idx, end));
            }
        }
        let quote_end = quotations(text, &tokens);
        let kinds = mentions.iter().map(|m| m.kind).collect();
        let lists = Membership::new(&rules.index, &lower);
        Self { text, rules, tokens, lower, mention_at, kinds, outlets: outlets.to_vec(), quote_end, lists }
    }

    /// Sets which mentions name news outlets.
    pub fn set_outlets(&mut self, outlets: Vec<bool>) {
        self.outlets = outlets;
    }

    /// Every fact the rules find in the sentence (only those of relation
    /// `only` if given), one per (relation, subject, object), the first rule
    /// winning.
    pub fn facts(&self, only: Option<&RelationKind>) -> Vec<Fact> {
        let (file, lists) = (self.rules, &self.lists);
        // The rules with an anchor word in the sentence, found word by word.
        let mut has_anchor = vec![false; file.rules.len()];
        for word in self.lower.iter() {
            for &idx in file.anchored_on.get(word).map_or(&[][..], Vec::as_slice) {
                has_anchor[idx] = true;
            }
        }
        let mut facts: Vec<Fact> = Vec::new();
        let every: Vec<usize> = (0..self.tokens.len()).collect();
        let mention_starts: Vec<usize> = every.iter().copied().filter(|&pos| self.mention_at[pos].is_some()).collect();
        for (rule, has_anchor) in file.rules.iter().zip(has_anchor) {
            if only.is_some_and(|kind| *kind != rule.relation) {
                continue;
            }
            let anchored = match &rule.anchor_list {
                Some(list) => lists.any(list.index),
                None => rule.anchors.is_empty() || has_anchor,
            };
            if !anchored {
                continue;
            }
            // Most rules open on a mention, and a sentence has a few.
            let starts = if opens_on_mention(&rule.pattern) { &mention_starts } else { &every };
            for &start in starts {
                if self.first_token(&rule.pattern, start, lists) == Some(false) {
                    continue;
                }
                let Some(captures) = self.match_at(&rule.pattern, start, lists) else { continue };
                let fact = self.fact(rule, captures);
                let seen =
                    facts.iter().any(|f| f.kind == fact.kind && f.subject == fact.subject && f.object == fact.object);
                if !seen && fact.subject != fact.object {
                    facts.push(fact);
                }
            }
        }
        facts
    }

    /// Whether the token at `pos` can begin a match of `pattern`, told by
    /// the elements that may take it: `Some(false)` when none can, `None`
    /// when every element may be left out. Most starts of most rules fail
    /// here, and a word or a mention is cheaper to check than a whole match.
    fn first_token(&self, pattern: &[Element], pos: usize, lists: &Membership) -> Option<bool> {
        for element in pattern {
            let fits = match &element.atom {
                Atom::Words(words) => Some(self.word_at(pos, words)),
                Atom::List(list) => Some(lists.has(list.index, pos)),
                Atom::Entity(kinds, outlet) => Some(self.entity_at(pos, kinds, *outlet).is_some()),
                Atom::Quote => Some(self.quote_end.get(pos).copied().flatten().is_some()),
                Atom::Group(inner) => self.first_token(inner, pos, lists),
                Atom::Any | Atom::Skip(_) | Atom::Not(_) => return Some(true),
            };
            match fits {
                Some(true) => return Some(true),
                Some(false) if !element.optional => return Some(false),
                // Left out, or a group that may be empty: the next element takes the token.
                _ => {}
            }
        }
        None
    }

    /// Whether the token at `pos` is one of the pattern `words`.
    fn word_at(&self, pos: usize, words: &[String]) -> bool {
        self.lower.get(pos).is_some_and(|w| words.iter().any(|x| word_matches(x, w)))
    }

    /// The end of the mention starting at `pos`, if it is of one of `kinds`
    /// (any kind if empty) and meets the outlet condition.
    fn entity_at(&self, pos: usize, kinds: &[EntityKind], outlet: Option<bool>) -> Option<usize> {
        let (idx, end) = self.mention_at.get(pos).copied().flatten()?;
        let fits =
            (kinds.is_empty() || kinds.contains(&self.kinds[idx])) && outlet.is_none_or(|o| o == self.outlets[idx]);
        fits.then_some(end)
    }

    fn match_at(&self, pattern: &[Element], start: usize, lists: &Membership) -> Option<Captures> {
        self.sequence(pattern, start, Captures::default(), lists, &|_, captures| Some(captures))
    }

    /// The first way `pattern` matches from token `pos` for which the
    /// continuation `then` (the rest of the enclosing pattern) succeeds.
    fn sequence(
        &self,
        pattern: &[Element],
        pos: usize,
        captures: Captures,
        lists: &Membership,
        then: &dyn Fn(usize, Captures) -> Option<Captures>,
    ) -> Option<Captures> {
        let Some((element, rest)) = pattern.split_first() else {
            return then(pos, captures);
        };
        let after = |end: usize, mut inner: Captures| {
            record(&mut inner, element.capture, pos, end, self.mention_at.get(pos).copied().flatten());
            self.sequence(rest, end, inner, lists, then)
        };
        self.atom(element, pos, captures, lists, &after).or_else(|| {
            if element.optional {
                self.sequence(rest, pos, captures, lists, then)
            } else {
                None
            }
        })
    }

    /// Matches one element's atom at `pos` and hands each end to `then`.
    fn atom(
        &self,
        element: &Element,
        pos: usize,
        captures: Captures,
        lists: &Membership,
        then: &dyn Fn(usize, Captures) -> Option<Captures>,
    ) -> Option<Captures> {
        let one = |matched: bool| if matched { then(pos + 1, captures) } else { None };
        match &element.atom {
            Atom::Words(words) => one(self.word_at(pos, words)),
            Atom::List(list) => one(lists.has(list.index, pos)),
            Atom::Any => one(pos < self.tokens.len()),
            Atom::Not(inner) => match self.sequence(inner, pos, captures, lists, &|_, c| Some(c)) {
                Some(_) => None,
                None => then(pos, captures),
            },
            Atom::Skip(n) => (pos..=(pos + n).min(self.tokens.len())).find_map(|end| then(end, captures)),
            Atom::Quote => self.quote_end.get(pos).copied().flatten().and_then(|end| then(end, captures)),
            Atom::Entity(kinds, outlet) => self.entity_at(pos, kinds, *outlet).and_then(|end| then(end, captures)),
            Atom::Group(inner) => self.sequence(inner, pos, captures, lists, then),
        }
    }

    fn fact(&self, rule: &Rule, captures: Captures) -> Fact {
        let end = |mention: Option<usize>| mention.map_or(Endpoint::Document, Endpoint::Mention);
        let (subject, object) = match rule.document_end {
            DocumentEnd::Subject => (Endpoint::Document, end(captures.object)),
            DocumentEnd::Object => (end(captures.subject), Endpoint::Document),
            DocumentEnd::Neither => (end(captures.subject), end(captures.object)),
            DocumentEnd::RecentSubject => (Endpoint::RecentOrganization, end(captures.object)),
            DocumentEnd::MainObject => (end(captures.subject), Endpoint::MainOrganization),
        };
        let dated = matches!(rule.relation, RelationKind::Founded | RelationKind::MetWith | RelationKind::Developed);
        let date = match captures.date {
            Some((a, b)) => find_date(self.text, &self.tokens[a..b]),
            None if dated => find_date(self.text, &self.tokens),
            None => None,
        };
        let attributes = Attributes {
            date,
            role: captures.role.map(|r| self.slice(r)).filter(|r| !r.is_empty()),
            former: captures.former.then_some(true),
            topic: captures.topic.map(|r| self.slice(r)).filter(|t| !t.is_empty()),
            quote: captures.quote.map(|r| self.slice(strip_marks(&self.lower, r))).filter(|q| !q.is_empty()),
        };
        Fact {
            kind: rule.relation.clone(),
            subject,
            object,
            attributes,
            rule: rule.id.clone(),
            confidence: rule.confidence,
        }
    }

    /// The text of tokens `from..to`, with the hyphen of a split compound
    /// part left off (`-Mitarbeiter` → `Mitarbeiter`).
    fn slice(&self, (from, to): (usize, usize)) -> String {
        if from >= to {
            return String::new();
        }
        let span = Span::new(self.tokens[from].span.start, self.tokens[to - 1].span.end);
        self.text[span.range()].trim_start_matches('-').trim().to_owned()
    }
}

/// Whether every match of `pattern` begins on the first token of a mention.
fn opens_on_mention(pattern: &[Element]) -> bool {
    pattern.first().is_some_and(|first| !first.optional && matches!(first.atom, Atom::Entity(..)))
}

/// A pattern word matches a token equal to it; `*end` matches any token
/// ending in `end` (`*forscher` matches `Chefforscher`).
fn word_matches(pattern: &str, word: &str) -> bool {
    match pattern.strip_prefix('*') {
        Some(end) if !end.is_empty() => word.ends_with(end),
        _ => pattern == word,
    }
}

fn record(captures: &mut Captures, capture: Option<Capture>, from: usize, to: usize, mention: Option<(usize, usize)>) {
    let mention = mention.map(|(idx, _)| idx);
    match capture {
        None => {}
        Some(Capture::Subject) => captures.subject = mention,
        Some(Capture::Object) => captures.object = mention,
        Some(Capture::Role) => captures.role = Some((from, to)),
        Some(Capture::Topic) => captures.topic = Some((from, to)),
        Some(Capture::Quote) => captures.quote = Some((from, to)),
        Some(Capture::Date) => captures.date = Some((from, to)),
        Some(Capture::Former) => captures.former |= to > from,
    }
}

/// A quotation's range without its opening and closing marks.
fn strip_marks(lower: &Folded, (from, to): (usize, usize)) -> (usize, usize) {
    let is_mark = |i: usize| lower.get(i).is_some_and(is_quote_mark);
    let from = if is_mark(from) { from + 1 } else { from };
    let to = if to > from && is_mark(to - 1) { to - 1 } else { to };
    (from, to)
}

fn is_quote_mark(word: &str) -> bool {
    matches!(word, "\"" | "„" | "“" | "”" | "»" | "«" | "‚" | "‘" | "’" | "‹" | "›" | "'")
}

/// Per token: if a quotation opens there, the token after it closes. A mark
/// after white space (or at the start) opens; the next mark closes.
fn quotations(text: &str, tokens: &[Token]) -> Vec<Option<usize>> {
    let mut ends = vec![None; tokens.len()];
    let mut open: Option<usize> = None;
    for (idx, token) in tokens.iter().enumerate() {
        if token.kind != TokenKind::Punctuation || !is_quote_mark(token.text(text)) {
            continue;
        }
        let before = text[..token.span.start].chars().next_back().unwrap_or(' ');
        let opens = before.is_whitespace() || matches!(before, '(' | ':' | '–' | '—');
        match open {
            Some(start) if !opens => {
                ends[start] = Some(idx + 1);
                open = None;
            }
            None if opens => open = Some(idx),
            _ => {}
        }
    }
    ends
}

/// Splits `X-Gründer` into `X` and `-Gründer` (and `X's` into `X` and `'s`)
/// where a mention covers `X`, so that rules match the parts separately.
fn split_named_compounds(text: &str, tokens: &[Token], mentions: &[Mention]) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len());
    for token in tokens {
        let inner = mentions.iter().find(|m| {
            let rest = &text[m.span.end.min(token.span.end)..token.span.end];
            // `SPD-Chef`, `Konzernchef` (a reference to an organisation), `Acme's`.
            let tail = rest.len() >= 3 && rest.starts_with(char::is_lowercase);
            // The mention may start in an earlier token (`Saudi Arabia's`).
            m.span.start <= token.span.start
                && token.span.start < m.span.end
                && m.span.end < token.span.end
                && (rest.starts_with('-') || rest == "'s" || rest == "’s" || tail)
        });
        match inner {
            Some(mention) => {
                out.push(Token { span: Span::new(token.span.start, mention.span.end), kind: TokenKind::Word });
                out.push(Token { span: Span::new(mention.span.end, token.span.end), kind: TokenKind::Word });
            }
            None => out.push(*token),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// The facts of `rules` in `text`, whose mentions are the given names.
    fn facts_of(rules: &str, text: &str, names: &[(&str, EntityKind)]) -> Vec<(String, usize, usize)> {
        let rules = RuleFile::parse(rules).unwrap();
        let tokens = tokenize(text, Span { start: 0, end: text.len() });
        let mentions: Vec<Mention> = names
            .iter()
            .map(|&(name, kind)| {
                let start = text.find(name).unwrap();
                Mention::new(Span { start, end: start + name.len() }, kind, name.to_owned(), "test")
            })
            .collect();
        let view = SentenceView::new(text, &tokens, &mentions, &vec![false; mentions.len()], &rules);
        let at = |end: &Endpoint| match end {
            Endpoint::Mention(idx) => *idx,
            other => panic!("not a mention: {other:?}"),
        };
        view.facts(None).iter().map(|f| (f.rule.clone(), at(&f.subject), at(&f.object))).collect()
    }

    #[test]
    fn rules_match_wherever_they_may_begin() {
        let text = "Der frühere Chef Max Weber von Acme traf Eva Roth in Berlin.";
        let names = [
            ("Max Weber", EntityKind::Person),
            ("Acme", EntityKind::Organization),
            ("Eva Roth", EntityKind::Person),
            ("Berlin", EntityKind::Place),
        ];
        let rules = "rule on-mention met-with: S=@PER ~3 traf O=@PER\n\
                     rule on-word works-at: frühere Chef S=@PER von O=@ORG\n\
                     rule optional-mention located-in: @PLACE? traf S=@PER in O=@PLACE\n";
        // The last rule's optional place is absent, and its match begins on
        // a word that starts no mention.
        let expected = [("on-mention", 0, 2), ("on-word", 0, 1), ("optional-mention", 2, 3)];
        let expected: Vec<(String, usize, usize)> = expected.iter().map(|&(r, s, o)| (r.to_owned(), s, o)).collect();
        assert_eq!(facts_of(rules, text, &names), expected);
    }
}

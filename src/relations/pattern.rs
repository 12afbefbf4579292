//! The relation pattern language: rule files of word lists and rules over
//! tokens, word lists and entity kinds, parsed with line and column errors.
//!
//! ```text
//! list found-verb = gründete gründeten founded co-founded
//! rule founded.verb founded: S=@PER|ORG ~12 O=@ORG $found-verb
//! rule cites.wie cites subject=doc: wie die? O=@ORG $report-verb
//! rule works.apposition works-at: S=@PER , role=( ~2 $role ) bei|im O=@ORG
//! ```
//!
//! Elements: `word` or `a|b` (any case), `$list`, `@KIND|KIND` with an
//! optional `+outlet` / `-outlet`, `QUOTE` (a whole quotation), `*` (one
//! token), `~N` (up to N tokens), `!( … )` (what follows does not match; takes no token), `( … )` (a group, brackets written as
//! words of their own). `?` after an element
//! makes it optional; `S=`, `O=` mark subject and object, `role=`, `topic=`,
//! `quote=`, `former=`, `date=` capture attributes. A pattern word `*end`
//! matches any word ending in `end`.

use rustc_hash::FxHashMap as HashMap;

use crate::text::ListIndex;

use super::RelationKind;
use crate::entities::EntityKind;

/// What one element matches.
#[derive(Debug, Clone, PartialEq)]
pub enum Atom {
    /// One token equal to one of these words, ignoring case.
    Words(Vec<String>),
    /// One token in the named list.
    List(ListRef),
    /// A whole mention of one of these kinds (empty: any kind), with an
    /// outlet condition (`Some(true)`: only news outlets).
    Entity(Vec<EntityKind>, Option<bool>),
    /// A quotation from its opening to its closing mark.
    Quote,
    /// Any one token.
    Any,
    /// No token: what follows does not match this sequence; a look-ahead
    /// that keeps `X , Y` from matching inside a list `X , Y , Z`.
    Not(Vec<Element>),
    /// Up to this many tokens.
    Skip(usize),
    /// A sequence.
    Group(Vec<Element>),
}

/// A word list named in a pattern, with its place among the file's lists
/// (set when the file is prepared, after the lists of every file are known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRef {
    /// The list's name.
    pub name: String,
    /// Its index among the file's lists, in the order of their names.
    pub index: usize,
}

/// Where a match of an element goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capture {
    /// The relation's subject.
    Subject,
    /// The relation's object.
    Object,
    /// The `role` attribute.
    Role,
    /// The `topic` attribute.
    Topic,
    /// The `quote` attribute.
    Quote,
    /// Sets `former` when it matches.
    Former,
    /// The `date` attribute, read from the matched words.
    Date,
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// What it matches.
    pub atom: Atom,
    /// Whether it may be left out.
    pub optional: bool,
    /// Where its match goes, if anywhere.
    pub capture: Option<Capture>,
}

/// Which end of a relation is the document rather than a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentEnd {
    /// Both ends are mentions.
    Neither,
    /// The document is the subject (`cites`).
    Subject,
    /// The document is the object (`quoted-in`).
    Object,
    /// The subject is the organisation named last before the match, for
    /// sentences that leave it out ("das im Mai veröffentlichte Modell X").
    RecentSubject,
    /// The object is the organisation the text names most often, for roles
    /// that leave it out ("Konzernsprecher X").
    MainObject,
}

/// One rule: an id, the relation it states and its pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Unique id, shown in evidence and `--explain`.
    pub id: String,
    /// The relation it states.
    pub relation: RelationKind,
    /// Which end, if any, is the document.
    pub document_end: DocumentEnd,
    /// How sure a match is, from 0 to 1.
    pub confidence: f64,
    /// The elements, matched in order.
    pub pattern: Vec<Element>,
    /// Words every match contains (one of them), for a quick pre-check.
    pub anchors: Vec<String>,
    /// Or the list one of whose words (or endings) every match contains.
    pub anchor_list: Option<ListRef>,
}

/// The lists and rules of one or more rule files.
#[derive(Debug, Clone, Default)]
pub struct RuleFile {
    /// Word lists by name, in lower case.
    pub lists: HashMap<String, Vec<String>>,
    /// The index of each list, in the order of their names.
    list_index: HashMap<String, usize>,
    /// All lists in one index, for matching a sentence's words.
    pub(super) index: ListIndex,
    /// Per anchor word, the rules anchored on it, by index.
    pub(super) anchored_on: HashMap<String, Vec<usize>>,
    /// Rules in file order.
    pub rules: Vec<Rule>,
}

/// A syntax error: line and column from 1, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// A word of a line with the column it starts at.
type Word<'a> = (usize, &'a str);

fn error(line: usize, column: usize, message: impl Into<String>) -> PatternError {
    PatternError { line, column, message: message.into() }
}

impl RuleFile {
    /// Parses a rule file; lists must be defined before the rules using them.
    pub fn parse(source: &str) -> Result<Self, PatternError> {
        let mut file = Self::default();
        for (idx, line) in source.lines().enumerate() {
            let words = split_words(line);
            match words.first() {
                None => {}
                Some((_, w)) if w.starts_with('#') => {}
                Some((_, "list")) => file.parse_list(idx + 1, &words)?,
                Some((_, "rule")) => {
                    let rule = file.parse_rule(idx + 1, &words)?;
                    if file.rules.iter().any(|r| r.id == rule.id) {
                        return Err(error(idx + 1, words[1].0, format!("rule id {} is used twice", rule.id)));
                    }
                    file.rules.push(rule);
                }
                Some(&(column, word)) => {
                    return Err(error(idx + 1, column, format!("expected `list` or `rule`, found `{word}`")))
                }
            }
        }
        file.prepare();
        Ok(file)
    }

    /// Whether `word` (in lower case) is in the list named `name`, as an
    /// entry or with one of its `*end` endings.
    pub fn in_list(&self, name: &str, word: &str) -> bool {
        self.list_index.get(name).is_some_and(|&list| self.index.contains(list, word))
    }

    /// Prepares the lists for matching and points the rules' list
    /// elements at them.
    fn prepare(&mut self) {
        let mut names: Vec<&String> = self.lists.keys().collect();
        names.sort();
        self.index = ListIndex::new(names.iter().map(|name| self.lists[*name].as_slice()));
        self.list_index = names.into_iter().enumerate().map(|(idx, name)| (name.clone(), idx)).collect();
        self.anchored_on.clear();
        for (idx, rule) in self.rules.iter_mut().enumerate() {
            resolve_lists(&mut rule.pattern, &self.list_index);
            if let Some(list) = &mut rule.anchor_list {
                list.index = self.list_index[&list.name];
            }
            for word in &rule.anchors {
                self.anchored_on.entry(word.clone()).or_default().push(idx);
            }
        }
    }

    /// Adds the lists and rules of `other`; its lists extend lists of the same name.
    pub fn extend(&mut self, other: RuleFile) {
        for (name, words) in other.lists {
            self.lists.entry(name).or_default().extend(words);
        }
        self.rules.retain(|rule| other.rules.iter().all(|r| r.id != rule.id));
        self.rules.extend(other.rules);
        self.prepare();
    }

    fn parse_list(&mut self, line: usize, words: &[Word]) -> Result<(), PatternError> {
        let (Some(&(column, name)), Some(&(eq_col, "="))) = (words.get(1), words.get(2)) else {
            let column = words.get(1).map_or(words[0].0 + 4, |w| w.0);
            return Err(error(line, column, "expected `list NAME = WORD ...`"));
        };
        if !is_identifier(name) {
            return Err(error(line, column, format!("`{name}` is no list name (letters, digits, - and _)")));
        }
        if words.len() < 4 {
            return Err(error(line, eq_col + 1, "a list needs at least one word"));
        }
        let entry = self.lists.entry(name.to_owned()).or_default();
        entry.extend(words[3..].iter().map(|(_, w)| w.to_lowercase()));
        Ok(())
    }

    fn parse_rule(&self, line: usize, words: &[Word]) -> Result<Rule, PatternError> {
        let colon = words.iter().position(|(_, w)| *w == ":" || w.ends_with(':'));
        let Some(colon) = colon else {
            return Err(error(line, words[0].0, "a rule needs `:` before its pattern"));
        };
        let mut header: Vec<Word> = words[1..=colon].to_vec();
        let last = header.len() - 1;
        header[last].1 = header[last].1.trim_end_matches(':');
        header.retain(|(_, w)| !w.is_empty());
        let [(_, id), (rel_col, relation), options @ ..] = header.as_slice() else {
            return Err(error(line, words[0].0, "expected `rule ID RELATION [OPTION=VALUE ...]: PATTERN`"));
        };
        let relation: RelationKind =
            relation.parse().map_err(|e: String| error(line, *rel_col, format!("relation `{relation}`: {e}")))?;
        let mut rule = Rule {
            id: (*id).to_owned(),
            relation,
            document_end: DocumentEnd::Neither,
            confidence: 0.8,
            pattern: Vec::new(),
            anchors: Vec::new(),
            anchor_list: None,
        };
        for &(column, option) in options {
            apply_option(&mut rule, line, column, option)?;
        }
        let mut parser = ElementParser { file: self, line, words: &words[colon + 1..], next: 0 };
        rule.pattern = parser.sequence(false)?;
        check_pattern(&rule, line, words[0].0)?;
        (rule.anchors, rule.anchor_list) = anchors(&rule.pattern);
        Ok(rule)
    }
}

fn apply_option(rule: &mut Rule, line: usize, column: usize, option: &str) -> Result<(), PatternError> {
    match option.split_once('=') {
        Some(("subject", "doc")) => rule.document_end = DocumentEnd::Subject,
        Some(("object", "doc")) => rule.document_end = DocumentEnd::Object,
        Some(("subject", "recent")) => rule.document_end = DocumentEnd::RecentSubject,
        Some(("object", "main")) => rule.document_end = DocumentEnd::MainObject,
        Some(("confidence", value)) => {
            rule.confidence = value
                .parse::<f64>()
                .ok()
                .filter(|c| (0.0..=1.0).contains(c))
                .ok_or_else(|| error(line, column, format!("confidence `{value}` is not a number from 0 to 1")))?;
        }
        _ => {
            return Err(error(
                line,
                column,
                format!(
                    "unknown option `{option}` (subject=doc, object=doc, subject=recent, object=main, confidence=N)"
                ),
            ))
        }
    }
    Ok(())
}

/// A rule must capture the ends that are not the document, once each.
fn check_pattern(rule: &Rule, line: usize, column: usize) -> Result<(), PatternError> {
    let count = |capture| count_captures(&rule.pattern, capture);
    let needs_subject = !matches!(rule.document_end, DocumentEnd::Subject | DocumentEnd::RecentSubject);
    let needs_object = !matches!(rule.document_end, DocumentEnd::Object | DocumentEnd::MainObject);
    for (capture, needed, name) in [(Capture::Subject, needs_subject, "S="), (Capture::Object, needs_object, "O=")] {
        let found = count(capture);
        if needed && found != 1 || !needed && found != 0 {
            let expected = if needed { "exactly one" } else { "no" };
            return Err(error(line, column, format!("rule {} needs {expected} {name} element, has {found}", rule.id)));
        }
    }
    Ok(())
}

fn count_captures(pattern: &[Element], capture: Capture) -> usize {
    pattern
        .iter()
        .map(|e| {
            let inner = if let Atom::Group(inner) = &e.atom { count_captures(inner, capture) } else { 0 };
            usize::from(e.capture == Some(capture)) + inner
        })
        .sum()
}

/// The words, or the list, of the first required word element: every
/// match has one of them. Words with an ending pattern (`*chef`) are no
/// anchor, as a sentence is checked for anchors word by word.
fn anchors(pattern: &[Element]) -> (Vec<String>, Option<ListRef>) {
    for element in pattern.iter().filter(|e| !e.optional) {
        match &element.atom {
            Atom::Words(words) if words.iter().any(|w| w.starts_with('*')) => {}
            Atom::Words(words) => return (words.clone(), None),
            Atom::List(list) => return (Vec::new(), Some(list.clone())),
            Atom::Group(inner) => {
                let found = anchors(inner);
                if !found.0.is_empty() || found.1.is_some() {
                    return found;
                }
            }
            _ => {}
        }
    }
    (Vec::new(), None)
}

/// Sets the index of every list element, in groups and look-aheads too.
fn resolve_lists(pattern: &mut [Element], index: &HashMap<String, usize>) {
    for element in pattern {
        match &mut element.atom {
            Atom::List(list) => list.index = index[&list.name],
            Atom::Group(inner) | Atom::Not(inner) => resolve_lists(inner, index),
            _ => {}
        }
    }
}

fn is_identifier(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// Splits a line at white space, keeping each word's column (from 1).
fn split_words(line: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let column_of = |byte: usize| line[..byte].chars().count() + 1;
    for (offset, c) in line.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                words.push((column_of(s), &line[s..offset]));
                start = None;
            }
            (false, None) => start = Some(offset),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((column_of(s), &line[s..]));
    }
    words
}

struct ElementParser<'a> {
    file: &'a RuleFile,
    line: usize,
    words: &'a [Word<'a>],
    next: usize,
}

impl ElementParser<'_> {
    fn column(&self) -> usize {
        self.words.get(self.next).or(self.words.last()).map_or(1, |w| w.0)
    }

    /// Elements up to the end of the line, or up to `)` inside a group.
    fn sequence(&mut self, in_group: bool) -> Result<Vec<Element>, PatternError> {
        let mut elements = Vec::new();
        while let Some(&(column, word)) = self.words.get(self.next) {
            if word == ")" || word == ")?" {
                if !in_group {
                    return Err(error(self.line, column, "`)` without `(`"));
                }
                return Ok(elements);
            }
            self.next += 1;
            elements.push(self.element(column, word)?);
        }
        if in_group {
            return Err(error(self.line, self.column(), "`(` is never closed"));
        }
        if elements.is_empty() {
            return Err(error(self.line, self.column(), "the pattern is empty"));
        }
        Ok(elements)
    }

    fn element(&mut self, column: usize, word: &str) -> Result<Element, PatternError> {
        let (capture, rest) = match word.split_once('=') {
            Some((name, rest)) if !name.is_empty() && !rest.is_empty() => {
                (Some(capture(name, self.line, column)?), rest)
            }
            _ => (None, word),
        };
        if rest == "!(" {
            let inner = self.sequence(true)?;
            self.next += 1;
            return Ok(Element { atom: Atom::Not(inner), optional: false, capture });
        }
        if rest == "(" {
            let inner = self.sequence(true)?;
            let optional = self.words.get(self.next).is_some_and(|w| w.1 == ")?");
            self.next += 1;
            return Ok(Element { atom: Atom::Group(inner), optional, capture });
        }
        let (body, optional) = match rest.strip_suffix('?') {
            Some(body) if !body.is_empty() => (body, true),
            _ => (rest, false),
        };
        let atom = self.atom(column + word.len() - rest.len(), body)?;
        Ok(Element { atom, optional, capture })
    }

    fn atom(&self, column: usize, body: &str) -> Result<Atom, PatternError> {
        if let Some(name) = body.strip_prefix('$') {
            if !self.file.lists.contains_key(name) {
                return Err(error(self.line, column, format!("unknown list `${name}` (define it with `list` first)")));
            }
            return Ok(Atom::List(ListRef { name: name.to_owned(), index: usize::MAX }));
        }
        if let Some(kinds) = body.strip_prefix('@') {
            return entity_atom(kinds).map_err(|m| error(self.line, column, m));
        }
        if let Some(n) = body.strip_prefix('~') {
            let n = n.parse().map_err(|_| error(self.line, column, format!("`~{n}` needs a number: ~4")))?;
            return Ok(Atom::Skip(n));
        }
        Ok(match body {
            "QUOTE" => Atom::Quote,
            "*" => Atom::Any,
            _ => Atom::Words(body.split('|').map(str::to_lowercase).collect()),
        })
    }
}

fn capture(name: &str, line: usize, column: usize) -> Result<Capture, PatternError> {
    Ok(match name {
        "S" => Capture::Subject,
        "O" => Capture::Object,
        "role" => Capture::Role,
        "topic" => Capture::Topic,
        "quote" => Capture::Quote,
        "former" => Capture::Former,
        "date" => Capture::Date,
        _ => {
            return Err(error(
                line,
                column,
                format!("unknown capture `{name}=` (S, O, role, topic, quote, former, date)"),
            ))
        }
    })
}

fn entity_atom(spec: &str) -> Result<Atom, String> {
    let (kinds, outlet) = match spec.split_once(['+', '-']) {
        Some((kinds, "outlet")) => (kinds, Some(spec.contains("+outlet"))),
        Some((_, other)) => return Err(format!("unknown entity condition `{other}` (+outlet, -outlet)")),
        None => (spec, None),
    };
    let kinds = kinds
        .split('|')
        .filter(|k| *k != "ANY")
        .map(|kind| match kind {
            "PER" => Ok(EntityKind::Person),
            "ORG" => Ok(EntityKind::Organization),
            "PLACE" | "LOC" => Ok(EntityKind::Place),
            "PRODUCT" => Ok(EntityKind::Product),
            other => Err(format!("unknown entity kind `{other}` (PER, ORG, PLACE, PRODUCT, ANY)")),
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Atom::Entity(kinds, outlet))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lists_rules_and_groups() {
        let file = RuleFile::parse(
            "# demo\nlist verb = gründete Founded\nrule r1 founded confidence=0.9: S=@PER ~3 O=@ORG|PRODUCT $verb\n\
             rule r2 quoted-in object=doc: laut|so S=@PER-outlet role=( , ~2 $verb )?\n",
        )
        .unwrap();
        assert_eq!(file.lists["verb"], ["gründete", "founded"]);
        assert_eq!(file.rules[0].pattern.len(), 4);
        assert_eq!(file.rules[0].confidence, 0.9);
        assert_eq!(file.rules[0].anchor_list.as_ref().map(|l| l.name.as_str()), Some("verb"));
        let group = &file.rules[1].pattern[2];
        assert!(group.optional && group.capture == Some(Capture::Role));
        assert_eq!(file.rules[1].pattern[1].atom, Atom::Entity(vec![EntityKind::Person], Some(false)));
        // A look-ahead: no token taken, its inner sequence parsed as a group.
        let source = "list w = *chef\nrule r3 located-in: S=@PLACE , O=@PLACE !( , @PLACE )\nrule r4 works-at: O=@ORG $w S=@PER\n";
        let file = RuleFile::parse(source).unwrap();
        let Atom::Not(inner) = &file.rules[0].pattern[3].atom else { panic!("not a look-ahead") };
        assert_eq!(inner.len(), 2);
        assert_eq!(file.rules[1].anchor_list.as_ref().map(|l| l.name.as_str()), Some("w"));
    }

    #[test]
    fn reports_line_and_column() {
        let cases = [
            ("rule a founded: S=@PER O=@ORG $nope\n", 1, 31, "unknown list"),
            ("list x = a\n\nrule a Knows!: S=@PER O=@ORG\n", 3, 8, "relation"),
            ("rule a founded: S=@PER O=@FOO\n", 1, 26, "unknown entity kind"),
            ("rule a founded: S=@PER x\n", 1, 1, "exactly one O="),
            ("rule a founded: S=@PER ( O=@ORG\n", 1, 26, "never closed"),
            ("  banana\n", 1, 3, "expected `list` or `rule`"),
            ("rule a founded: S=@PER O=@ORG\nrule a founded: S=@PER O=@ORG\n", 2, 6, "used twice"),
        ];
        for (source, line, column, message) in cases {
            let error = RuleFile::parse(source).unwrap_err();
            assert_eq!((error.line, error.column), (line, column), "{source}: {}", error.message);
            assert!(error.message.contains(message), "{source}: {}", error.message);
        }
    }
}

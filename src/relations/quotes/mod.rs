//! Quotations and reported speech: who said what. Direct quotations are
//! found between quotation marks over the whole text; reported speech from
//! speech verbs, subjunctive clauses and source frames (`laut X`, `X
//! zufolge`, `according to X`). Each gets a speaker: a name (or a pronoun
//! the entity stage resolved to a person), or a noun phrase (`der Sprecher des
//! Ministeriums`) resolved to the body it names.

mod adverbs;
mod candidates;
mod clause;
mod lexicon;
mod marks;
mod passive;
mod speaker;
mod words;

use self::adverbs::{es_heisst_source, hervor_source, pointer, Pointer};
use self::candidates::{Candidate, Found, SpeakerKind};
use self::clause::{
    after_modal, closing_particle, colon_speaker, coordinated_start, cross_reference, is_speech, is_subjunctive,
    message_side, writes_object,
};
use self::lexicon::{Lexicon, Section};
use self::passive::passive_agent;
use self::speaker::{is_auxiliary, quoted_object, speaker_of};
pub use self::words::SentenceWords;
use crate::entities::{EntityKind, Mention, Resolution};
use crate::input::Language;
use crate::text::{Sentence, Span, Token, TokenKind};

pub use self::marks::quotations;

/// How the words are given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum QuoteForm {
    /// Between quotation marks.
    Direct,
    /// A clause of reported speech (`dass`, subjunctive, `laut X`).
    Indirect,
    /// A speech act summed up (`X kritisierte die Pläne`).
    Reported,
}

impl QuoteForm {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteForm::Direct => "Direct",
            QuoteForm::Indirect => "Indirect",
            QuoteForm::Reported => "Reported",
        }
    }
}

/// One quotation with its speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// What was said (quotation marks excluded).
    pub message: Span,
    /// The words naming the speaker, in the frame's sentence or an earlier one.
    pub speaker: Span,
    /// The entity the speaker is, when known (an index into the resolution).
    pub entity: Option<usize>,
    /// Whether the speaker is named as a news outlet (`die Zeitung X`).
    pub outlet: bool,
    /// Direct, indirect or reported.
    pub form: QuoteForm,
    /// The cue word (speech verb or frame word), when there is one.
    pub cue: Option<Span>,
    /// The sentence that holds the frame.
    pub sentence: usize,
    /// What found it.
    pub rule: &'static str,
}

/// What quote finding reads of a document.
#[derive(Debug, Clone, Copy)]
pub struct QuoteInput<'a> {
    /// The (normalised) text.
    pub text: &'a str,
    /// Its language.
    pub language: Language,
    /// Its sentences.
    pub sentences: &'a [Sentence],
    /// The tokens of every sentence.
    pub tokens: &'a [Vec<Token>],
    /// The mentions of every sentence.
    pub mentions: &'a [Vec<Mention>],
    /// Which entity every mention is.
    pub resolution: &'a Resolution,
}

/// The quotations of a document with their speakers, in text order.
pub fn find_quotes(input: &QuoteInput) -> Vec<Quote> {
    let lexicon = Lexicon::for_language(input.language);
    let (marks, titles): (Vec<Span>, Vec<Span>) =
        quotations(input.text).into_iter().partition(|q| is_speech(input.text, *q));
    let mut finder = Finder { input, lexicon, marks: &marks, titles: &titles, quotes: Vec::new() };
    for n in 0..input.sentences.len() {
        finder.sentence(n);
    }
    let mut quotes = finder.quotes;
    speak_on(input.text, &mut quotes);
    quotes
}

/// A quotation over paragraphs has its frame after its last part (`"...
/// ¶ "...," she added`): a part without a frame of its own that runs on
/// into the next part takes that part's speaker, last part first.
fn speak_on(text: &str, quotes: &mut [Quote]) {
    for i in (0..quotes.len().saturating_sub(1)).rev() {
        let (here, next) = (&quotes[i], &quotes[i + 1]);
        // (Quotations found for a sentence before may end after the next one starts.)
        let between = text.get(here.message.end..next.message.start).unwrap_or("");
        let runs_on = between.contains('\n') && !between.chars().any(char::is_alphanumeric);
        if here.rule == "quote/continued" && next.form == QuoteForm::Direct && runs_on {
            let (speaker, entity, outlet) = (next.speaker, next.entity, next.outlet);
            let here = &mut quotes[i];
            (here.speaker, here.entity, here.outlet) = (speaker, entity, outlet);
        }
    }
}

struct Finder<'a, 'b> {
    input: &'b QuoteInput<'a>,
    lexicon: &'static Lexicon,
    marks: &'b [Span],
    titles: &'b [Span],
    quotes: Vec<Quote>,
}

/// A speaker found for a frame: its words and entity.
#[derive(Debug, Clone, Copy)]
struct Speaker {
    span: Span,
    entity: Option<usize>,
    outlet: bool,
    cue: Option<Span>,
}

impl Finder<'_, '_> {
    fn sentence(&mut self, n: usize) {
        let words = SentenceWords::new(self.input, n, self.marks, self.titles);
        let found = Found::new(&words, self.lexicon);
        let span = self.input.sentences[n].span;
        let first = self.marks.partition_point(|q| q.start < span.start);
        let starting: Vec<Span> = self.marks[first..].iter().take_while(|q| q.start <= span.end).copied().collect();
        let before = self.quotes.len();
        for quotation in starting {
            self.direct(n, &words, &found, quotation);
        }
        if self.quotes.len() == before {
            self.reported(n, &words, &found);
        }
    }

    /// A quotation starting in sentence `n`: its speaker from a cue outside
    /// it, a colon before it, or the quotation just before (a quotation
    /// that goes on in a new sentence or paragraph).
    fn direct(&mut self, n: usize, words: &SentenceWords, found: &Found, quotation: Span) {
        let outside = (0..words.len()).filter(|&j| !words.quoted[j] && words.is_word(j)).count();
        let cue = self.cues(words, found).first().map(|&(c, j, _)| (c, j, "quote/direct"));
        let colon = (0..words.len())
            .find(|&j| &words.lower[j] == ":" && words.tokens[j].span.end <= quotation.start)
            .and_then(|j| speaker_of(words, self.lexicon, found, j).map(|c| (c, j, "quote/colon")))
            .filter(|(c, _, _)| colon_speaker(words, c));
        if let Some((candidate, j, rule)) = cue.or(colon) {
            let speaker = self.speaker(n, words, candidate, Some(j));
            self.push(quotation, speaker, QuoteForm::Direct, n, rule);
        } else if outside <= 1 {
            if let Some(previous) = self.previous(n) {
                self.push(quotation, previous, QuoteForm::Direct, n, "quote/continued");
            }
        }
    }

    /// Reported speech in a sentence without a direct quotation: after a
    /// speech cue, in a clause a source adverb opens, or in the subjunctive
    /// after a sentence with a speaker.
    fn reported(&mut self, n: usize, words: &SentenceWords, found: &Found) {
        let before = self.quotes.len();
        let framed = self.framed(n, words, found);
        let pointer = pointer(words, found);
        if let Some(Pointer::Antecedent { message, adverb, candidate }) = pointer {
            self.antecedent(n, words, message, adverb, candidate, before);
        }
        if framed || self.quotes.len() > before {
            return;
        }
        let previous = self.previous(n);
        if let Some(Pointer::Previous { message }) = pointer {
            // The adverb is the source's words; its entity the speaker before.
            let adverb = words.span(0, 0);
            let (entity, outlet) = previous.map_or((None, false), |p| (p.entity, p.outlet));
            let speaker = Speaker { span: adverb, entity, outlet, cue: Some(adverb) };
            self.push(words.span(message.0, message.1), speaker, QuoteForm::Indirect, n, "quote/according");
            return;
        }
        let first_clause =
            (0..words.len()).find(|&j| matches!(&words.lower[j], "," | ";" | ":")).unwrap_or(words.len());
        let main = |j: usize| j < first_clause || j > 0 && &words.lower[j - 1] == ",";
        let subjunctive =
            (0..words.len()).any(|j| !words.quoted[j] && main(j) && is_subjunctive(words, self.lexicon, j));
        if let (true, Some(previous)) = (subjunctive, previous) {
            let last = (0..words.len()).rev().find(|&j| words.is_word(j)).unwrap_or(0);
            self.push(words.span(0, last), previous, QuoteForm::Indirect, n, "quote/subjunctive");
        }
    }

    /// `X, wonach ...`: the clause is what X holds. A quotation found in the
    /// sentence whose message runs over the clause ends before its comma
    /// instead; one that starts there already says it.
    fn antecedent(
        &mut self,
        n: usize,
        words: &SentenceWords,
        message: (usize, usize),
        adverb: usize,
        candidate: Option<Candidate>,
        before: usize,
    ) {
        let comma_start = words.tokens[adverb - 1].span.start;
        // Without a source before it the clause is part of what the
        // sentence's speaker says (`..., es sei ein Eindruck entstanden,
        // wonach ...`).
        let framed = self.quotes.len() > before;
        if framed && candidate.is_none() || self.quotes[before..].iter().any(|q| q.message.start >= comma_start) {
            return;
        }
        for quote in &mut self.quotes[before..] {
            if quote.message.end > comma_start {
                quote.message.end = words.tokens[adverb - 2].span.end;
            }
        }
        let clause = words.span(message.0, message.1);
        let speaker = match candidate {
            Some(candidate) => self.speaker(n, words, candidate, Some(adverb)),
            None => {
                let span = words.span(adverb, adverb);
                Speaker { span, entity: None, outlet: false, cue: Some(span) }
            }
        };
        self.push(clause, speaker, QuoteForm::Indirect, n, "quote/wonach");
    }

    /// The first speech cue of the sentence with a speaker and a message;
    /// whether there was one.
    fn framed(&mut self, n: usize, words: &SentenceWords, found: &Found) -> bool {
        for (candidate, cue, learned) in self.cues(words, found) {
            if cross_reference(words, cue) {
                continue;
            }
            let mut frame = (candidate.first.min(cue), candidate.last.max(cue));
            // `Die EU und die USA kritisierten ...`: both speak.
            if let Some(first) = coordinated_start(words, found, candidate) {
                frame.0 = frame.0.min(first);
            }
            // `teilte der Sprecher mit, ...`: the particle belongs to the
            // frame, and so do `weiter` and the `es` of `heißt es`.
            let es_heisst = matches!(&words.lower[cue], "heißt" | "hieß");
            // Particles only where they close the clause (`geht davon aus,`):
            // `forderte er ein Lösegeld` has none.
            let particle = |j: usize| self.lexicon.has(Section::Particle, &words.lower[j]);
            let run_end = |j: usize| (j..words.len()).find(|&k| !particle(k)).unwrap_or(words.len());
            let closing = |j: usize| run_end(j) > j && (run_end(j) == words.len() || !words.is_word(run_end(j)));
            let joins = |j: usize| closing(j) || &words.lower[j] == "es" && es_heisst || &words.lower[j] == "weiter";
            while frame.1 + 1 < words.len() && joins(frame.1 + 1) {
                frame.1 += 1;
            }
            // `X hat die Vorwürfe zurückgewiesen`: the message between speaker and verb.
            // (`X hat die Vorwürfe zurückgewiesen`: the auxiliary is no part of it.)
            let after = candidate.last + 1;
            let inner_start = after + usize::from(after < cue && is_auxiliary(&words.lower[after]));
            let inner = (inner_start < cue).then_some((inner_start, cue));
            let inverted = cue < candidate.first && cue > 0 && &words.lower[cue - 1] == ",";
            let speaker = self.speaker(n, words, candidate, Some(cue));
            if !learned && self.refers_back(n, words, cue, candidate) && self.said_before(n, speaker) {
                return true;
            }
            let Some((first, last)) = message_side(words, self.lexicon, frame, inner, inverted) else { continue };
            let form = self.form(words, first, last, cue);
            // A learned verb with a plain object is too often no speech at all.
            if learned && form == QuoteForm::Reported {
                continue;
            }
            self.push(words.span(first, last), speaker, form, n, "quote/reported");
            return true;
        }
        false
    }

    /// `Das teilte der Sprecher mit.`, `Dies bestätigte X.`: a speech verb
    /// right after a demonstrative that opens the sentence, with its speaker
    /// after it, says the sentence before.
    fn refers_back(&self, n: usize, words: &SentenceWords, cue: usize, candidate: Candidate) -> bool {
        let demonstrative = matches!(&words.lower[0], "das" | "dies" | "this");
        let verb = self.lexicon.has(Section::SpeechVerb, &words.lower[cue])
            || self.lexicon.particles_of(&words.lower[cue]).is_some();
        n > 0 && cue == 1 && demonstrative && verb && candidate.first > cue
    }

    /// The sentence before `n` as the message of `speaker`: a quotation
    /// found in it without a frame of its own takes the speaker; without
    /// one the whole sentence is said. False when a quotation with a frame
    /// of its own is there (`Dies` then says what the frame is about).
    fn said_before(&mut self, n: usize, speaker: Speaker) -> bool {
        let previous = self.input.sentences[n - 1].span;
        let inside = |q: &Quote| previous.start <= q.message.start && q.message.end <= previous.end;
        if self.quotes.iter().any(|q| inside(q) && q.cue.is_some()) {
            return false;
        }
        let unframed: Vec<usize> = (0..self.quotes.len()).filter(|&i| inside(&self.quotes[i])).collect();
        for &i in &unframed {
            let quote = &mut self.quotes[i];
            (quote.speaker, quote.entity, quote.outlet, quote.cue) =
                (speaker.span, speaker.entity, speaker.outlet, speaker.cue);
        }
        let tokens = &self.input.tokens[n - 1];
        let first = tokens.iter().find(|t| t.kind != TokenKind::Punctuation);
        let last = tokens.iter().rfind(|t| t.kind != TokenKind::Punctuation);
        if let (true, Some(first), Some(last)) = (unframed.is_empty(), first, last) {
            let message = Span::new(first.span.start, last.span.end);
            self.push(message, speaker, QuoteForm::Indirect, n, "quote/said-before");
        }
        true
    }

    /// The speech cues of the sentence outside quotations that have a
    /// speaker, in text order: source frames and speech verbs, with whether
    /// the verb is only a learned one.
    fn cues(&self, words: &SentenceWords, found: &Found) -> Vec<(Candidate, usize, bool)> {
        let lexicon = self.lexicon;
        let lower: Vec<&str> = words.lower.iter().collect();
        let info = |c: &&Candidate| c.kind == SpeakerKind::Info;
        let any = |_: &&Candidate| true;
        (0..words.len())
            .filter(|&j| !words.quoted[j])
            .filter_map(|j| {
                let before_len =
                    lexicon.phrase_at(&lower[j..]).or(lexicon.has(Section::FrameBefore, lower[j]).then_some(1));
                if let Some(len) = before_len {
                    let fits: &dyn Fn(&&Candidate) -> bool = if lower[j] == "nach" { &info } else { &any };
                    let source = found.iter().filter(fits).find(|c| c.first >= j + len && c.first <= j + len + 1);
                    // `Seiner Meinung nach`: no source after, perhaps one before.
                    if let Some(c) = source {
                        return Some((framed_apposition(words, *c).unwrap_or(*c), j, false));
                    }
                }
                if lexicon.has(Section::FrameAfter, lower[j]) {
                    let fits: &dyn Fn(&&Candidate) -> bool = if lower[j] == "nach" { &info } else { &any };
                    return found.iter().filter(fits).find(|c| c.last + 1 == j).map(|c| (*c, j, false));
                }
                // `..., so dass die Tiere ...` is a consequence, not a source.
                let consequence = matches!(lower.get(j + 1), Some(&("dass" | "daß")));
                if lexicon.has(Section::FrameSo, lower[j]) && j > 0 && lower[j - 1] == "," && !consequence {
                    return found.iter().find(|c| c.first > j && c.first <= j + 2).map(|c| (*c, j, false));
                }
                // Verbs are written in lower case (`Fragen` is a noun); after
                // `zu` or `to` a verb is an infinitive, no report.
                let infinitive = j > 0 && matches!(lower[j - 1], "zu" | "to");
                if !words.is_lower_word(j) || infinitive {
                    return None;
                }
                if let Some(source) = hervor_source(words, found, j) {
                    return Some((source, j, false));
                }
                // `stellte ... fest` is speech, `stellte ... vor` is not.
                if let Some(particles) = lexicon.particles_of(lower[j]) {
                    let closing = closing_particle(words, lexicon, j);
                    let fits = closing.is_some_and(|k| particles.iter().any(|p| p == lower[k]));
                    return fits.then(|| speaker_of(words, lexicon, found, j).map(|c| (c, j, false))).flatten();
                }
                if let Some(source) = es_heisst_source(words, found, j) {
                    return Some((source, j, false));
                }
                if lexicon.has(Section::NoCue, lower[j]) {
                    return None;
                }
                let typed = lexicon.has(Section::SpeechVerb, lower[j]);
                let learned = !typed && lexicon.has(Section::LearnedVerb, lower[j]);
                if !typed && !learned || after_modal(&lower, j, words.english) || writes_object(words, j) {
                    return None;
                }
                if let Some(agent) = passive_agent(&lower, j, words.english) {
                    return agent
                        .filter(|_| typed || learned)
                        .and_then(|at| found.iter().find(|c| c.first == at))
                        .map(|c| (*c, j, false));
                }
                if let Some(quoted) = quoted_object(words, found, &lower, j) {
                    return Some((quoted, j, false));
                }
                speaker_of(words, lexicon, found, j).map(|c| (c, j, learned))
            })
            .collect()
    }

    fn form(&self, words: &SentenceWords, first: usize, last: usize, cue: usize) -> QuoteForm {
        let lexicon = self.lexicon;
        let lower = &words.lower[cue];
        let frame = lexicon.has(Section::SpeechVerb, lower) || lexicon.has(Section::LearnedVerb, lower);
        let clause = first > 0 && matches!(&words.lower[first - 1], "," | ":")
            || matches!(&words.lower[first], "dass" | "ob" | "that" | "wie");
        let subjunctive = (first..=last).any(|j| is_subjunctive(words, lexicon, j));
        if !frame || clause || subjunctive {
            QuoteForm::Indirect
        } else {
            QuoteForm::Reported
        }
    }

    /// The speaker's words and entity: a name is its entity, a noun phrase
    /// the body it names, a pronoun the person named last before it.
    fn speaker(&self, n: usize, words: &SentenceWords, candidate: Candidate, cue: Option<usize>) -> Speaker {
        let assignment = &self.input.resolution.assignments[n];
        let span = words.span(candidate.first, candidate.last);
        let entity = match candidate.kind {
            SpeakerKind::Name | SpeakerKind::Noun | SpeakerKind::Info | SpeakerKind::Phrase => {
                candidate.mention.map(|m| assignment[m])
            }
            // A pronoun with a person to refer to is a mention already.
            SpeakerKind::Pronoun => None,
        };
        Speaker { span, entity, outlet: candidate.outlet, cue: cue.map(|c| words.span(c, c)) }
    }

    /// The speaker of the quotation found in the sentence just before. A
    /// `Demnach` quotation passes on the speaker before it; a `wonach` clause
    /// is no speaker's.
    fn previous(&self, n: usize) -> Option<Speaker> {
        let mut reach = n;
        for quote in self.quotes.iter().rev() {
            if quote.sentence + 1 < reach {
                return None;
            }
            match quote.rule {
                "quote/according" => reach = quote.sentence,
                "quote/wonach" => {}
                _ => {
                    return Some(Speaker { span: quote.speaker, entity: quote.entity, outlet: quote.outlet, cue: None })
                }
            }
        }
        None
    }

    fn push(&mut self, message: Span, speaker: Speaker, form: QuoteForm, sentence: usize, rule: &'static str) {
        let Speaker { span, entity, outlet, cue } = speaker;
        let quote = Quote { message, speaker: span, entity, outlet, cue, form, sentence, rule };
        self.quotes.push(quote);
    }
}

/// `laut dem Sprecher der Polizei, Hans Meier, ...`: a source after a frame
/// that names no one, followed by a person's name set off by commas, is that
/// person. (Only after a frame: elsewhere a German comma after a phrase more
/// often ends it.)
fn framed_apposition(words: &SentenceWords, source: Candidate) -> Option<Candidate> {
    // `laut dem Sprecher der Siemens AG, Hans Meier,`: a body named in the
    // phrase gives way to the person after it.
    let body = source.mention.is_some_and(|m| words.kinds[m] == EntityKind::Organization);
    if source.mention.is_some() && !body || words.lower.get(source.last + 1) != Some(",") {
        return None;
    }
    let (mention, last) = words.mention_at.get(source.last + 2).copied().flatten()?;
    let closed = words.lower.get(last + 1) == Some(",");
    let person = words.kinds[mention] == EntityKind::Person;
    (closed && person).then_some(Candidate { last, mention: Some(mention), ..source })
}

//! Splits a text into sentences; owns the abbreviation rules.

use super::Span;
use crate::input::{is_blank, Language};

/// A sentence: its index in the document and its place in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Index in the document, from 0.
    pub index: usize,
    /// Where it is, without surrounding white space.
    pub span: Span,
}

/// Words after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "z", "B", "ca", "Dr", "Prof", "Nr", "Mio", "Mrd", "bzw", "vgl", "usw", "etc", "Inc", "Ltd", "Co", "Corp", "Jan",
    "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Okt", "Nov", "Dec", "Dez", "Mr", "Mrs", "Ms",
    "St", "Jr", "Sr", "vs", "u", "a", "d", "h", "S", "U", "bspw", "ggf", "inkl", "evtl", "sog", "Vgl", "Abs", "Art",
    "Bd", "Hrsg", "Mr", "Gen", "Gov", "Sen", "Rep", "Rev", "Mt", "Ft", "Nos", "No", "etc", "al", "approx", "Tel",
    "Str", "geb", "gest", "zzgl", "Dipl", "Ing", "Mag", "Bsp", "Tsd",
];

/// Splits `text` into sentences. Every line break ends a sentence (headlines
/// and captions have no final punctuation), and so does `.`, `!` or `?`
/// followed by white space, unless it ends an abbreviation or a German
/// ordinal (English writes `14th`: a number there ends its sentence).
pub fn split_sentences(text: &str, language: Language) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut line_start = 0;
    let ordinals = language == Language::De;
    for line in text.split_inclusive('\n') {
        split_line(text, Span::new(line_start, line_start + line.len()), ordinals, &mut sentences);
        line_start += line.len();
    }
    sentences
}

fn split_line(text: &str, line: Span, ordinals: bool, sentences: &mut Vec<Sentence>) {
    let slice = &text[line.range()];
    let mut start = 0;
    let quoted = quoted_ranges(slice);
    let mut chars = slice.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?') || inside(&quoted, offset) {
            continue;
        }
        let mut end = offset + 1;
        while let Some(&(next_offset, next)) = chars.peek() {
            if !matches!(next, '"' | '“' | '”' | '»' | '«' | '\'' | '’' | ')' | '.' | '!' | '?') {
                break;
            }
            end = next_offset + next.len_utf8();
            chars.next();
        }
        let followed_by_space = chars.peek().is_none_or(|&(_, next)| next.is_whitespace());
        if followed_by_space && (c != '.' || !ends_abbreviation(&slice[start..offset], ordinals)) {
            push_trimmed(text, Span::new(line.start + start, line.start + end), sentences);
            start = end;
        }
    }
    push_trimmed(text, Span::new(line.start + start, line.end), sentences);
}

/// Whether the end mark at `offset` is inside one of the `quoted` ranges
/// (in text order, not overlapping): found by binary search, as a long line
/// may hold many.
fn inside(quoted: &[(usize, usize)], offset: usize) -> bool {
    let before = quoted.partition_point(|&(open, _)| open < offset);
    before > 0 && offset + 1 < quoted[before - 1].1
}

/// The byte ranges of quotations in a line, from an opening quote (one
/// after white space, a bracket or the line start) to the next closing one;
/// a sentence does not end inside them.
fn quoted_ranges(line: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut open: Option<usize> = None;
    let mut previous = ' ';
    let mut chars = line.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        // An apostrophe between letters (`Acme's`) is no quote.
        let apostrophe = matches!(c, '\'' | '’') && previous.is_alphabetic() && next.is_alphabetic();
        let is_quote =
            matches!(c, '"' | '„' | '“' | '”' | '»' | '«' | '‚' | '‘' | '’' | '‹' | '›' | '\'') && !apostrophe;
        let opens = previous.is_whitespace() || matches!(previous, '(' | '[' | ':' | '—' | '–');
        match open {
            None if is_quote && opens => open = Some(offset),
            Some(start) if is_quote && !opens => {
                ranges.push((start, offset));
                open = None;
            }
            _ => {}
        }
        previous = c;
    }
    ranges
}

/// Whether the text before a period ends in an abbreviation or an ordinal
/// (`20.` in "20. Januar"); a number of four digits or more is a year or an
/// amount that ends its sentence ("... im Jahr 2008. Die Polizei").
fn ends_abbreviation(before: &str, ordinals: bool) -> bool {
    let word_start = before
        .rfind(|c: char| !c.is_alphanumeric())
        .map_or(0, |idx| idx + before[idx..].chars().next().map_or(1, char::len_utf8));
    let word = &before[word_start..];
    let mut chars = word.chars();
    let single_capital = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    !word.is_empty()
        && (ordinals && word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit())
            || ABBREVIATIONS.contains(&word)
            || capitalised_title(word)
            || single_capital)
}

/// Titles before a name, which headings and transcripts write in capitals
/// (`ORAL ARGUMENT OF GEN. ELIZABETH B. PRELOGAR`, `MR. SMITH:`). Only these:
/// other abbreviations in capitals (`NO.`, `CO.`) end sentences as often as not.
const TITLES: &[&str] = &["Dr", "Prof", "Mr", "Mrs", "Ms", "St", "Jr", "Sr", "Gen", "Gov", "Sen", "Rep", "Rev"];

fn capitalised_title(word: &str) -> bool {
    word.len() >= 2
        && word.bytes().all(|b| b.is_ascii_uppercase())
        && TITLES.iter().any(|title| title.eq_ignore_ascii_case(word))
}

/// The longest a sentence may be, in bytes. The longest sentence of the
/// real-text benchmark corpus has 786; a line without final punctuation (a
/// table, a list of names, a broken file) is cut into pieces of at most this
/// size, at a comma or a space, so that the work per sentence, some of which
/// grows with the square of its length, stays bounded.
pub const MAX_SENTENCE_BYTES: usize = 2_000;

fn push_trimmed(text: &str, span: Span, sentences: &mut Vec<Sentence>) {
    let slice = &text[span.range()];
    let trimmed = slice.trim_matches(is_blank);
    if trimmed.is_empty() {
        return;
    }
    let mut start = span.start + (slice.len() - slice.trim_start_matches(is_blank).len());
    let end = start + trimmed.len();
    while end - start > MAX_SENTENCE_BYTES {
        let cut = start + cut_point(&text[start..end]);
        push_piece(text, Span::new(start, cut), sentences);
        start = cut;
    }
    push_piece(text, Span::new(start, end), sentences);
}

/// Where to cut an overlong sentence: after the last comma or semicolon in
/// the second half of the first [`MAX_SENTENCE_BYTES`], else at the last
/// space, else at the limit (a character boundary).
fn cut_point(sentence: &str) -> usize {
    let mut limit = MAX_SENTENCE_BYTES;
    while !sentence.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &sentence[..limit];
    let half = (limit / 2..limit).find(|&at| window.is_char_boundary(at)).unwrap_or(limit);
    let comma = window[half..].rfind([',', ';']).map(|at| half + at + 1);
    comma.or_else(|| window.rfind(' ').filter(|&at| at > 0)).unwrap_or(limit)
}

fn push_piece(text: &str, span: Span, sentences: &mut Vec<Sentence>) {
    let slice = &text[span.range()];
    let trimmed = slice.trim_matches(is_blank);
    if trimmed.is_empty() {
        return;
    }
    let start = span.start + (slice.len() - slice.trim_start_matches(is_blank).len());
    let index = sentences.len();
    sentences.push(Sentence { index, span: Span::new(start, start + trimmed.len()) });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split_sentences(text, Language::De).iter().map(|s| &text[s.span.range()]).collect()
    }

    #[test]
    fn an_overlong_line_is_cut_at_commas_and_spaces_into_bounded_pieces() {
        let line = "Anna Berg und Kurt Müller, ".repeat(200) + &"Mira Holm ".repeat(300);
        let pieces = texts(&line);
        assert!(pieces.len() > 2, "{}", pieces.len());
        assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES && !p.starts_with(' ') && !p.is_empty()));
        assert!(pieces[0].ends_with(','), "a comma is preferred: {}", &pieces[0][pieces[0].len() - 20..]);
        assert_eq!(pieces.concat().replace(' ', ""), line.replace(' ', ""), "nothing is lost");
        let euros = "x".to_owned() + &"€".repeat(1_000);
        assert!(texts(&euros).iter().all(|p| p.len() <= MAX_SENTENCE_BYTES), "cut on a character boundary");
    }

    #[test]
    fn splits_on_final_punctuation_and_lines_only() {
        assert_eq!(
            texts(
                "Überschrift ohne Punkt\r\n\r\nAm 20. Januar kam z. B. Prof. Dr. Kim. Er sagte: \"Gut.\" Dann ging er."
            ),
            ["Überschrift ohne Punkt", "Am 20. Januar kam z. B. Prof. Dr. Kim.", "Er sagte: \"Gut.\"", "Dann ging er."]
        );
        assert_eq!(texts("The U.S. firm Acme Inc. grew. It hired."), ["The U.S. firm Acme Inc. grew.", "It hired."]);
        assert_eq!(
            texts("„Gut. Sehr gut“, sagt Kim. Dann ging er. Vgl. Nr. 3 bzw. ca. 5 Mio. Euro."),
            ["„Gut. Sehr gut“, sagt Kim.", "Dann ging er.", "Vgl. Nr. 3 bzw. ca. 5 Mio. Euro."]
        );
        assert_eq!(
            texts("Er kam im Jahr 2008. Am 100. Geburtstag ging er. He left in 1980. Born in Prelate, he stayed."),
            ["Er kam im Jahr 2008.", "Am 100. Geburtstag ging er.", "He left in 1980.", "Born in Prelate, he stayed."]
        );
        assert_eq!(
            texts("ORAL ARGUMENT OF GEN. ANNA B. HOLM FOR THE STATE\nMR. KIM: Yes. WE SAID NO. It ended."),
            ["ORAL ARGUMENT OF GEN. ANNA B. HOLM FOR THE STATE", "MR. KIM: Yes.", "WE SAID NO.", "It ended."]
        );
        let english: Vec<Span> =
            split_sentences("She joined aged 14. Her sister stayed.", Language::En).iter().map(|s| s.span).collect();
        assert_eq!(english.len(), 2, "English writes no ordinal as `14.`");
    }
}

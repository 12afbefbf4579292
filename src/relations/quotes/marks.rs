//! Direct quotations: the text between quotation marks, found over the
//! whole document so that a quotation may run over several sentences.

use crate::text::{is_quotation_mark as is_mark, Span};

/// The spans between matching quotation marks, marks excluded. A mark
/// opens after white space, an opening bracket, a colon or a dash, and
/// closes after anything else; `„` always opens. A quotation still open at
/// the end of a paragraph ends there when the next paragraph opens one (the
/// convention for a quotation over several paragraphs), and is dropped
/// otherwise, as an unmatched mark.
pub fn quotations(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    let mut previous = '\n';
    let mut paragraph_end: Option<usize> = None;
    for (offset, c) in text.char_indices() {
        if c == '\n' && previous == '\n' {
            paragraph_end = paragraph_end.or(Some(offset - 1));
        }
        if is_mark(c) {
            let opens = c == '„' || previous.is_whitespace() || matches!(previous, '(' | '[' | ':' | '—' | '–');
            match (open, opens) {
                (Some(start), true) => {
                    // A new opening mark: the last one ran to its paragraph's end.
                    if let Some(end) = paragraph_end {
                        spans.push(Span::new(start, end));
                    }
                    open = Some(offset + c.len_utf8());
                }
                (Some(start), false) => {
                    spans.push(Span::new(start, offset));
                    open = None;
                }
                (None, true) => open = Some(offset + c.len_utf8()),
                (None, false) => {}
            }
            paragraph_end = None;
        }
        previous = c;
    }
    spans.retain(|span| !text[span.range()].trim().is_empty());
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        quotations(text).iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn finds_quotations_in_every_style() {
        assert_eq!(quoted("Er sagte: „Gut. Sehr gut.“ Dann ging er."), ["Gut. Sehr gut."]);
        assert_eq!(quoted("\"It works,\" she said. “Really.”"), ["It works,", "Really."]);
        assert_eq!(quoted("»Ja«, sagte sie, »gern«."), ["Ja", "gern"]);
        assert_eq!(quoted("Acme's 5\" disk"), Vec::<&str>::new());
    }

    #[test]
    fn a_quotation_over_paragraphs_is_cut_at_each() {
        let text = "„Erster Absatz.\n\n„Zweiter Absatz.“ sagte sie.";
        assert_eq!(quoted(text), ["Erster Absatz.", "Zweiter Absatz."]);
        assert_eq!(quoted("„Offen\n\nohne Ende"), Vec::<&str>::new());
    }
}

//! SpkAtt-2023 speaker attribution data (one JSON file per article, tokens
//! per sentence, annotations as `"sentence:token"` references), read into a
//! text and the byte spans of every annotation's message and source.

use serde::Deserialize;

use crate::text::Span;

/// One annotated speech event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldQuote {
    /// The message, as byte spans of the text (one per token).
    pub message: Vec<Span>,
    /// The source (speaker), as byte spans; empty when not named.
    pub source: Vec<Span>,
    /// `Direct`, `Indirect`, `Reported`, ... (`Speech` events of the
    /// debates data carry none and are `Unmarked`).
    pub form: String,
    /// Whether it is nested in another one.
    pub nested: bool,
}

/// An article: the text kgex reads and its annotations.
#[derive(Debug, Clone)]
pub struct SpkAttDocument {
    /// The sentences' tokens joined as typeset text, sentences by a space.
    pub text: String,
    /// The annotations.
    pub quotes: Vec<GoldQuote>,
}

#[derive(Deserialize)]
struct RawDocument {
    #[serde(rename = "Sentences")]
    sentences: Vec<RawSentence>,
    #[serde(rename = "Annotations")]
    annotations: Vec<RawAnnotation>,
}

#[derive(Deserialize)]
struct RawSentence {
    #[serde(rename = "Tokens")]
    tokens: Vec<String>,
}

#[derive(Deserialize)]
struct RawAnnotation {
    #[serde(rename = "Message", default)]
    message: Vec<String>,
    #[serde(rename = "Source", default)]
    source: Vec<String>,
    #[serde(rename = "Form", default)]
    form: Option<String>,
    #[serde(rename = "IsNested", default)]
    nested: bool,
}

/// Reads one SpkAtt JSON document; the error says what is wrong.
pub fn read_spkatt(json: &str) -> Result<SpkAttDocument, String> {
    let raw: RawDocument =
        serde_json::from_str(json).map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))?;
    let (text, spans) = detokenize(&raw.sentences);
    let resolve = |refs: &[String]| -> Result<Vec<Span>, String> {
        refs.iter()
            .map(|r| {
                let (s, t) = r.split_once(':').ok_or_else(|| format!("token reference '{r}' is not SENTENCE:TOKEN"))?;
                let (s, t): (usize, usize) = (
                    s.parse().map_err(|_| format!("bad sentence in '{r}'"))?,
                    t.parse().map_err(|_| format!("bad token in '{r}'"))?,
                );
                spans
                    .get(s)
                    .and_then(|sentence| sentence.get(t))
                    .copied()
                    .ok_or_else(|| format!("token reference '{r}' points past the text"))
            })
            .collect()
    };
    let quotes = raw
        .annotations
        .iter()
        .map(|a| {
            Ok(GoldQuote {
                message: resolve(&a.message)?,
                source: resolve(&a.source)?,
                form: a.form.clone().unwrap_or_else(|| "Unmarked".to_owned()),
                nested: a.nested,
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(SpkAttDocument { text, quotes })
}

/// Joins tokens as typeset text: no space before closing punctuation and
/// marks, none after opening ones; straight double quotes open and close in
/// turn. Returns the text and every token's byte span.
fn detokenize(sentences: &[RawSentence]) -> (String, Vec<Vec<Span>>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(sentences.len());
    let mut open_straight = false;
    for sentence in sentences {
        let mut glue_next = text.is_empty();
        let mut sentence_spans = Vec::with_capacity(sentence.tokens.len());
        for token in &sentence.tokens {
            let mut glue = glue_next
                || matches!(
                    token.as_str(),
                    "." | "," | ";" | ":" | "!" | "?" | ")" | "]" | "}" | "“" | "%" | "'s" | "n't"
                );
            glue_next = matches!(token.as_str(), "(" | "[" | "{" | "„");
            if token == "\"" {
                if open_straight {
                    glue = true;
                } else {
                    glue_next = true;
                }
                open_straight = !open_straight;
            }
            if !glue {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(token);
            sentence_spans.push(Span::new(start, text.len()));
        }
        spans.push(sentence_spans);
    }
    (text, spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebuilds_text_and_spans() {
        let json = r#"{"Sentences": [{"SentenceId": 0, "Tokens": ["„", "Gut", ",", "“", "sagte", "Kim", "."]},
            {"SentenceId": 1, "Tokens": ["Er", "ging", "."]}],
            "Annotations": [{"Message": ["0:1"], "Source": ["0:5"], "Form": "Direct", "IsNested": false, "Cue": ["0:4"]}]}"#;
        let document = read_spkatt(json).unwrap();
        assert_eq!(document.text, "„Gut,“ sagte Kim. Er ging.");
        let quote = &document.quotes[0];
        assert_eq!(&document.text[quote.message[0].range()], "Gut");
        assert_eq!(&document.text[quote.source[0].range()], "Kim");
        assert_eq!(quote.form, "Direct");
        assert!(read_spkatt(r#"{"Sentences": [], "Annotations": [{"Message": ["3:1"]}]}"#)
            .unwrap_err()
            .contains("past the text"));
    }
}

//! DocRED and Re-DocRED JSON: a list of documents, each with its sentences
//! as token lists (`sents`) and its entities as lists of mentions
//! (`vertexSet`, each mention with `sent_id`, token `pos` and `type`).
//!
//! Mentions are read as kgex's annotation guidelines define names: without
//! a leading article (`the United States` → `United States`), and a
//! nationality adjective (`American`, typed LOC in DocRED) is a derived
//! form, not a name, as GermEval's `LOCderiv` is.

use std::path::Path;

use serde_json::Value;

use super::name_type;
use crate::entities::tagger::labels::NameSpan;
use crate::entities::tagger::train::LabelledSentence;
use crate::entities::Gazetteer;
use crate::error::{Error, Result, SourcePosition};

pub fn read(path: &Path, source: &str) -> Result<Vec<LabelledSentence>> {
    let documents: Value = serde_json::from_str(source).map_err(|e| Error::Syntax {
        path: path.to_owned(),
        position: SourcePosition { line: e.line(), column: e.column(), offset: 0 },
        message: e.to_string(),
    })?;
    let invalid = |what: String| Error::Invalid { path: path.to_owned(), message: what };
    let documents = documents.as_array().ok_or_else(|| invalid("expected a JSON array of documents".into()))?;
    let mut sentences = Vec::new();
    for (n, document) in documents.iter().enumerate() {
        document_sentences(document, n, &mut sentences).map_err(|what| invalid(format!("document {n}: {what}")))?;
    }
    Ok(sentences)
}

fn document_sentences(value: &Value, document: usize, out: &mut Vec<LabelledSentence>) -> Result<(), String> {
    let sents = value["sents"].as_array().ok_or("no `sents` array")?;
    let first = out.len();
    for sent in sents {
        let words = sent.as_array().ok_or("a sentence is not an array")?;
        let words = words.iter().map(|w| w.as_str().map(str::to_owned).ok_or("a token is not a string"));
        out.push(LabelledSentence { words: words.collect::<Result<_, _>>()?, names: Vec::new(), document });
    }
    let vertices = value["vertexSet"].as_array().ok_or("no `vertexSet` array")?;
    for mention in vertices.iter().filter_map(Value::as_array).flatten() {
        let Some(name_type) = mention["type"].as_str().and_then(name_type) else { continue };
        let sentence = mention["sent_id"].as_u64().ok_or("a mention without `sent_id`")? as usize;
        let pos = mention["pos"].as_array().ok_or("a mention without `pos`")?;
        let (Some(start), Some(end)) = (pos.first().and_then(Value::as_u64), pos.get(1).and_then(Value::as_u64)) else {
            return Err("a mention's `pos` is not two numbers".into());
        };
        let target = out.get_mut(first + sentence).ok_or("a mention names a sentence that does not exist")?;
        let (mut start, end) = (start as usize, end as usize);
        if start >= end || end > target.words.len() {
            return Err(format!("a mention's tokens {start}..{end} are outside its sentence"));
        }
        if end - start > 1 && matches!(target.words[start].as_str(), "the" | "The" | "a" | "A" | "an" | "An") {
            start += 1;
        }
        if end - start == 1 && is_nationality(&target.words[start]) {
            continue;
        }
        let name = NameSpan { start, end, name_type };
        if !target.names.contains(&name) {
            target.names.push(name);
        }
    }
    out[first..].iter_mut().for_each(|s| s.names.sort());
    Ok(())
}

/// `American`, `French`: an adjective of a country that is not itself the
/// name of a place.
fn is_nationality(word: &str) -> bool {
    Gazetteer::get().country_of_demonym(word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tagger::NameType;

    #[test]
    fn reads_mentions_without_articles_and_nationalities() {
        let source = r#"[{"title": "t", "sents": [["The", "United", "States", "and", "American", "Ann", "Lee"]],
            "vertexSet": [[{"type": "LOC", "pos": [0, 3], "sent_id": 0}], [{"type": "LOC", "pos": [4, 5], "sent_id": 0}],
                          [{"type": "PER", "pos": [5, 7], "sent_id": 0}], [{"type": "TIME", "pos": [3, 4], "sent_id": 0}]]}]"#;
        let sentences = read(Path::new("d.json"), source).unwrap();
        let names: Vec<(usize, usize, NameType)> =
            sentences[0].names.iter().map(|n| (n.start, n.end, n.name_type)).collect();
        assert_eq!(names, [(1, 3, NameType::Place), (5, 7, NameType::Person)]);
        let error = read(
            Path::new("d.json"),
            r#"[{"sents": [["a"]], "vertexSet": [[{"type": "PER", "pos": [0, 4], "sent_id": 0}]]}]"#,
        )
        .unwrap_err()
        .to_string();
        assert!(error.contains("d.json: document 0: a mention's tokens 0..4 are outside its sentence"), "{error}");
    }
}

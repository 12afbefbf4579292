//! The statistical tagger: the shipped models, training that repeats byte
//! for byte, model files that are refused with a clear error, and the rule
//! layer adding and vetoing names around the tagger.

use std::fs;
use std::sync::Arc;

use crate::util;
use kgex::entities::tagger::{NameType, Tagger};
use kgex::entities::{EntityKind, NameLists};
use kgex::input::{Document, Language};
use kgex::pipeline::{self, Settings};

const TRAIN: &str = "tests/fixtures/ner-train.conll";

/// The names the tagger finds, as (text, type).
fn names(tagger: &Tagger, sentence: &str) -> Vec<(String, NameType)> {
    let words: Vec<&str> = sentence.split(' ').collect();
    tagger.tag(&words).iter().map(|n| (words[n.span.start..n.span.end].join(" "), n.span.name_type)).collect()
}

#[test]
fn the_shipped_models_tag_a_german_and_an_english_sentence() {
    let cases = [
        (
            Language::De,
            "Bundeskanzler Olaf Scholz traf am Montag in Paris den Chef von Siemens .",
            ["Olaf Scholz", "Siemens", "Paris"],
        ),
        (
            Language::En,
            "Barack Obama visited the headquarters of Microsoft in Seattle on Monday .",
            ["Barack Obama", "Microsoft", "Seattle"],
        ),
    ];
    for (language, sentence, [person, organization, place]) in cases {
        let tagger = Tagger::builtin(language);
        assert_eq!(tagger.language(), language);
        let found = names(tagger, sentence);
        let expected = [(person, NameType::Person), (organization, NameType::Organization), (place, NameType::Place)];
        for (name, name_type) in expected {
            assert!(found.contains(&(name.into(), name_type)), "{language:?}: {found:?}");
        }
        for name in tagger.tag(&sentence.split(' ').collect::<Vec<_>>()) {
            assert!((0.5..=1.0).contains(&name.confidence), "{name:?}");
        }
    }
}

#[test]
fn training_repeats_byte_for_byte_and_learns_its_data() {
    let folder = tempfile::tempdir().unwrap();
    let models: Vec<_> = (0..2).map(|n| folder.path().join(format!("m{n}.ner"))).collect();
    for model in &models {
        let data = format!("conll:{TRAIN}");
        let args = ["train", "ner", "--lang", "de", "--data", &data, "--epochs", "5", "--min-count", "1", "-o"];
        let output = util::kgex().args(args).arg(model).output().unwrap();
        assert!(output.status.success(), "{}", util::stderr(&output));
    }
    let (first, second) = (fs::read(&models[0]).unwrap(), fs::read(&models[1]).unwrap());
    assert_eq!(first, second, "the same data and options gave different model files");
    let tagger = Tagger::read(&models[0]).unwrap();
    let found = names(&tagger, "Marta Quell arbeitet bei Zorbex in Wernau .");
    assert_eq!(
        found,
        [
            ("Marta Quell".into(), NameType::Person),
            ("Zorbex".into(), NameType::Organization),
            ("Wernau".into(), NameType::Place)
        ]
    );
}

#[test]
fn a_broken_or_foreign_model_file_is_refused_with_a_clear_error() {
    let folder = tempfile::tempdir().unwrap();
    let shipped = fs::read(util::root().join("models/de.ner")).unwrap();
    let cases: [(&str, Vec<u8>, &str); 4] = [
        ("empty.ner", Vec::new(), "not a kgex tagger model"),
        ("text.ner", b"just some words\n".to_vec(), "not a kgex tagger model"),
        ("cut.ner", shipped[..shipped.len() / 2].to_vec(), "damaged"),
        (
            "flipped.ner",
            shipped.iter().enumerate().map(|(i, &b)| if i == 100 { b ^ 1 } else { b }).collect(),
            "damaged",
        ),
    ];
    for (name, bytes, message) in cases {
        let path = folder.path().join(name);
        fs::write(&path, bytes).unwrap();
        let output = util::run(&["extract", "seeds/", "-f", "json", "--model", path.to_str().unwrap()]);
        let stderr = util::stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{name}: {stderr}");
        assert!(stderr.contains(name) && stderr.contains(message), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(output.stdout.is_empty(), "{name}: wrote output");
    }
}

/// The graph's entity labels of one kind, from a German text.
fn labels(text: &str, names: NameLists, kind: EntityKind) -> Vec<String> {
    let settings = Settings { names: Arc::new(names), ..Settings::default() };
    let graph = pipeline::extract(&Document::from_text("t", text, Language::De), &settings).graph;
    graph.entities().filter(|e| e.kind == kind).map(|e| e.label.clone()).collect()
}

#[test]
fn the_rule_layer_adds_names_and_vetoes_them() {
    let text = "Die Ingenieurin Marta Quell arbeitet seit 2020 bei der Firma Zorbex in Stuttgart.";
    let people = labels(text, NameLists::default(), EntityKind::Person);
    assert!(people.contains(&"Marta Quell".to_owned()), "{people:?}");
    let places = labels(text, NameLists::default(), EntityKind::Place);
    assert!(places.contains(&"Stuttgart".to_owned()), "{places:?}");
    let lists = NameLists::parse(std::path::Path::new("n"), "[veto]\nStuttgart\n[product]\nseit 2020\n").unwrap();
    let places = labels(text, lists.clone(), EntityKind::Place);
    assert!(!places.contains(&"Stuttgart".to_owned()), "the veto did not hold: {places:?}");
    let products = labels(text, lists, EntityKind::Product);
    assert_eq!(products, ["seit 2020"]);
}

#[test]
fn explain_says_which_layer_found_each_entity() {
    let output = util::run(&["extract", "--explain", "seeds/", "-f", "json"]);
    assert!(output.status.success());
    let stderr = util::stderr(&output);
    let model = stderr.lines().find(|l| l.starts_with("entity: ") && l.contains("found by model (confidence up to 0."));
    assert!(model.is_some(), "{stderr}");
    assert!(stderr.lines().any(|l| l.starts_with("entity: Product ") && l.contains("found by rule ")), "{stderr}");
    let output = util::run(&["extract", "--explain", "--layer", "rules", "seeds/", "-f", "json"]);
    let stderr = util::stderr(&output);
    assert!(output.status.success() && stderr.contains("entity: "), "{stderr}");
    assert!(!stderr.contains("found by model"), "the rules alone used the tagger: {stderr}");
}

#[test]
fn eval_ner_reads_conll_and_scores_the_recogniser() {
    let output = util::run(&["eval-ner", "--lang", "de", "--layer", "rules", TRAIN]);
    assert!(output.status.success(), "{}", util::stderr(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("sentences: 4") && stdout.contains("  all   P "), "{stdout}");
    let output = util::run(&["eval-ner", "--format", "docred", TRAIN]);
    assert_eq!(output.status.code(), Some(2));
    assert!(util::stderr(&output).contains("ner-train.conll:1:2"), "{}", util::stderr(&output));
}

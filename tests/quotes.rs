//! Quotes and their speakers on made-up news, spans checked by slicing the
//! text; `kgex eval-quotes` and `kgex eval-docred` on made-up annotated
//! files; the relation gold sets' dev halves against the quality bars.

use std::fs;

use crate::util;
use crate::util::texts::relations_in;
use kgex::pipeline::{Extractor, Settings};
use kgex::{Document, Language};

/// (message, speaker words, speaker entity) of every quote of a text.
fn quotes(text: &str, language: Language) -> Vec<(String, String, Option<String>)> {
    let document = Document::from_text("quotes", text, language);
    let extractor = Extractor::new(&Settings::default());
    let found = extractor.quotes(&document);
    found
        .into_iter()
        .map(|q| (text[q.message.range()].to_owned(), text[q.speaker.range()].to_owned(), q.entity))
        .collect()
}

#[test]
fn german_quotes_direct_indirect_and_by_pronoun() {
    let text = "Streit um die Bahn\n\n\
        „Wir werden die Strecke nicht schließen“, sagte Verkehrsministerin Anna Berger am Montag. \
        Sie betonte, die Finanzierung sei gesichert. \
        Nach Angaben der Polizei wurden drei Menschen verletzt. \
        Der Sprecher des Konzerns Nordbahn teilte mit, man prüfe alle Optionen.\n";
    let found = quotes(text, Language::De);
    let expect = [
        ("Wir werden die Strecke nicht schließen", "Verkehrsministerin Anna Berger", Some("Anna Berger")),
        ("die Finanzierung sei gesichert", "Sie", Some("Anna Berger")),
        ("wurden drei Menschen verletzt", "Angaben der Polizei", None),
        ("man prüfe alle Optionen", "Der Sprecher des Konzerns Nordbahn", Some("Nordbahn")),
    ];
    assert_eq!(found.len(), expect.len(), "{found:#?}");
    for ((message, speaker, entity), want) in found.iter().zip(expect) {
        assert_eq!((message.as_str(), speaker.as_str()), (want.0, want.1), "{found:#?}");
        assert_eq!(entity.as_deref(), want.2, "{found:#?}");
    }
}

#[test]
fn english_quotes_and_a_quote_over_two_paragraphs() {
    let text = "Talks in Geneva\n\n\
        \"We are close to a deal,\" said Maria Lopez, the union's negotiator. \
        According to the ministry, the talks will resume on Friday.\n\n\
        \"The first part is done.\n\n\"The second part is harder,\" she added.\n";
    let found = quotes(text, Language::En);
    let messages: Vec<&str> = found.iter().map(|q| q.0.as_str()).collect();
    assert_eq!(
        messages,
        [
            "We are close to a deal,",
            "the talks will resume on Friday",
            "The first part is done.",
            "The second part is harder,"
        ],
        "{found:#?}"
    );
    assert_eq!(found[0].2.as_deref(), Some("Maria Lopez"));
    assert_eq!(found[1].1, "the ministry");
    // Both parts of the quotation over two paragraphs are hers, by "she
    // added" after the last part.
    assert_eq!(found[2].2.as_deref(), Some("Maria Lopez"), "{found:#?}");
    assert_eq!(found[3].2.as_deref(), Some("Maria Lopez"), "{found:#?}");
}

#[test]
fn scare_quotes_and_titles_are_no_speech() {
    let text = "Kino\n\nDer Film „Das Boot“ lief gestern im Fernsehen, den Kritiker als „Klassiker“ feierten.\n";
    assert!(quotes(text, Language::De).is_empty());
}

#[test]
fn eval_quotes_scores_spkatt_json() {
    let dir = tempfile::tempdir().unwrap();
    let json = r#"{"DocumentName": "1 - Test (2020-01-01)",
        "Sentences": [{"SentenceId": 0, "Tokens": ["„", "Das", "ist", "ein", "guter", "Tag", "“", ",", "sagte", "Peter", "Müller", "."]},
                      {"SentenceId": 1, "Tokens": ["Er", "betonte", ",", "die", "Lage", "sei", "ernst", "."]}],
        "Annotations": [{"Message": ["0:1", "0:2", "0:3", "0:4", "0:5"], "Source": ["0:9", "0:10"], "Cue": ["0:8"], "Form": "Direct", "IsNested": false},
                        {"Message": ["1:3", "1:4", "1:5", "1:6"], "Source": ["1:0"], "Cue": ["1:1"], "Form": "Indirect", "IsNested": false},
                        {"Message": ["1:4"], "Source": [], "Cue": [], "Form": "Reported", "IsNested": false}]}"#;
    fs::write(dir.path().join("1.json"), json).unwrap();
    let output = util::run(&["eval-quotes", dir.path().to_str().unwrap(), "--min-f1", "0.99"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}{}", util::stderr(&output));
    assert!(stdout.contains("P 1.000  R 1.000  F1 1.000  (tp 2 fp 0 fn 0)"), "{stdout}");
    // A broken file is named with what is wrong.
    fs::write(dir.path().join("2.json"), r#"{"Sentences": [], "Annotations": [{"Message": ["0:1"]}]}"#).unwrap();
    let output = util::run(&["eval-quotes", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(util::stderr(&output).contains("2.json") && util::stderr(&output).contains("past the text"));
}

#[test]
fn eval_docred_maps_wikidata_properties() {
    let dir = tempfile::tempdir().unwrap();
    let json = r#"[{"title": "Acme", "sents": [["Acme", "Corporation", "is", "based", "in", "Springfield", "."],
            ["It", "was", "founded", "by", "John", "Miller", "."]],
        "vertexSet": [[{"name": "Acme Corporation", "type": "ORG", "sent_id": 0, "pos": [0, 2]}],
                      [{"name": "Springfield", "type": "LOC", "sent_id": 0, "pos": [5, 6]}],
                      [{"name": "John Miller", "type": "PER", "sent_id": 1, "pos": [4, 6]}],
                      [{"name": "based", "type": "LOC", "sent_id": 0, "pos": [3, 4]}]],
        "labels": [{"h": 0, "t": 1, "r": "P159", "evidence": [0]}, {"h": 0, "t": 2, "r": "P112", "evidence": [1]},
                   {"h": 2, "t": 1, "r": "P19", "evidence": [0]}, {"h": 1, "t": 3, "r": "P131", "evidence": [0]}]}]"#;
    let path = dir.path().join("docred.json");
    fs::write(&path, json).unwrap();
    let output = util::run(&["eval-docred", path.to_str().unwrap(), "--show-errors"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}{}", util::stderr(&output));
    // Three mapped gold relations (P19, place of birth, is not one of kgex's):
    // found ones plus missed ones make three.
    let all = stdout.lines().find(|l| l.trim_start().starts_with("all")).unwrap();
    let count = |name: &str| -> usize {
        let at = all.find(&format!("{name} ")).unwrap() + name.len() + 1;
        all[at..].split(|c: char| !c.is_ascii_digit()).next().unwrap().parse().unwrap()
    };
    assert_eq!(count("tp") + count("fn"), 3, "{stdout}");
    assert!(stdout.contains("located-in"), "{stdout}");
    // A missed fact names the end that kgex found no entity for.
    assert!(stdout.contains("FN Springfield -located-in-> based [no entity: based]"), "{stdout}");
}

#[test]
fn eval_docred_names_the_rule_of_a_wrong_fact() {
    let dir = tempfile::tempdir().unwrap();
    // The gold has the chief's employer only, so the company's seat is a fact the gold lacks.
    let json = r#"[{"title": "Globex", "sents": [["Globex", "Corporation", "is", "based", "in", "Shelbyville", "."],
            ["Its", "chief", "is", "Hank", "Scorpio", "."]],
        "vertexSet": [[{"name": "Globex Corporation", "type": "ORG", "sent_id": 0, "pos": [0, 2]}],
                      [{"name": "Shelbyville", "type": "LOC", "sent_id": 0, "pos": [5, 6]}],
                      [{"name": "Hank Scorpio", "type": "PER", "sent_id": 1, "pos": [3, 5]}]],
        "labels": [{"h": 2, "t": 0, "r": "P108", "evidence": [1]}]}]"#;
    let path = dir.path().join("docred.json");
    fs::write(&path, json).unwrap();
    let output = util::run(&["eval-docred", path.to_str().unwrap(), "--show-errors"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}{}", util::stderr(&output));
    let wrong = stdout.lines().find(|l| l.contains("FP Globex Corporation -located-in-> Shelbyville")).unwrap();
    // The rule or model that stated it, in brackets after the fact.
    let note = wrong.rsplit_once(" [").map(|(_, note)| note).unwrap_or_default();
    assert!(note.ends_with(']') && note.len() > 1 && !note.starts_with("no entity"), "{stdout}");
}

/// The dev halves of the gold sets, with bars a little under what this
/// version scores, so that a change that loses quality fails here. No bar
/// is under the quality targets (German core 0.60, all 0.55; English core
/// 0.50).
#[test]
fn the_dev_gold_sets_meet_their_bars() {
    let bars = [
        ("tests/gold/de/dev", "0.78", "0.76"),
        ("tests/gold/de/dev2", "0.73", "0.71"),
        ("tests/gold/de/dev3", "0.72", "0.63"),
        ("tests/gold/de/dev4", "0.67", "0.69"),
        ("tests/gold/de/dev5", "0.64", "0.60"),
        ("tests/gold/de/dev6", "0.66", "0.60"),
        ("tests/gold/de/dev7", "0.68", "0.66"),
        ("tests/gold/en/dev", "0.58", "0.56"),
        ("tests/gold/en/dev2", "0.68", "0.41"),
    ];
    for (folder, core, all) in bars {
        let output = util::run(&["eval", "--gold", folder, folder, "--min-core-f1", core, "--min-all-f1", all]);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{folder} below its bars:\n{stdout}{}", util::stderr(&output));
    }
}

#[test]
fn a_pronoun_skips_people_of_the_other_gender() {
    let text =
        "Treffen\n\nMaria Keller traf am Montag Thomas Brandt. Sie sagte danach, das Gespräch sei gut gewesen.\n";
    let found = quotes(text, Language::De);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].1.as_str(), found[0].2.as_deref()), ("Sie", Some("Maria Keller")), "{found:#?}");
}

#[test]
fn a_pronoun_is_the_person_the_text_is_about() {
    // The subject of a biography, named three times, against a friend named once in between.
    let text = "Life\n\nArthur Quill grew up in Leeds. Quill left school early. Quill then met Peter Lowe. Later he \
                said that school had bored him.\n";
    let found = quotes(text, Language::En);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].1.as_str(), found[0].2.as_deref()), ("he", Some("Arthur Quill")), "{found:#?}");
}

#[test]
fn the_party_in_brackets_is_not_the_speaker() {
    let text = "Rücktritt\n\nDer Minister Hanno Kelmer (SPD), hat am Montag seinen Rücktritt verkündet.\n";
    assert_one_speaker(text, Language::De, "Hanno Kelmer");
}

#[test]
fn a_name_after_a_preposition_and_article_is_no_speaker() {
    let text = "Sitzung\n\nIn der Nordpartei sagte die Vorsitzende Lena Horn, der Plan sei gescheitert.\n";
    assert_one_speaker(text, Language::De, "Lena Horn");
}

#[test]
fn a_place_inside_a_quoted_name_is_no_speaker() {
    let text = "Hilfe\n\nJonas Adler von der „Allianz Deutschland hilft“ sagte, die Hilfe komme an.\n";
    assert_one_speaker(text, Language::De, "Jonas Adler");
}

#[test]
fn the_message_stands_before_an_inverted_verb_and_its_apposition() {
    let text = "Fähre\n\nDie Ursache sei noch unklar, verlautbarte Pia Holm, die Direktorin der Reederei Nordlinie, \
                in einer Mitteilung.\n";
    let found = quotes(text, Language::De);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].0.as_str(), found[0].2.as_deref()), ("Die Ursache sei noch unklar", Some("Pia Holm")));
}

#[test]
fn an_apposition_without_its_closing_comma_leaves_the_person_the_speaker() {
    let text = "Fähre\n\nNora Lindqvist, die Koordinatorin der Seenotbehörde Nordmark teilte mit, dass die Suche weitergehe.\n";
    assert_one_speaker(text, Language::De, "Nora Lindqvist");
}

#[test]
fn the_subject_after_an_inverted_verb_speaks_for_the_clause_before() {
    let text = "Bilanz\n\nDer Umsatz werde im Herbst deutlich steigen, teilte das Unternehmen heute mit.\n";
    let found = quotes(text, Language::De);
    assert_eq!(found.len(), 1, "{found:#?}");
    let expect = ("Der Umsatz werde im Herbst deutlich steigen", "das Unternehmen");
    assert_eq!((found[0].0.as_str(), found[0].1.as_str()), expect, "{found:#?}");
}

#[test]
fn a_comma_that_closes_the_subjects_apposition_leaves_the_subject_the_speaker() {
    let text = "Streit\n\nDer Fraktionschef der Nordpartei, Edwin Kessler, warf der Regierung Versagen vor.\n";
    assert_one_speaker(text, Language::De, "Edwin Kessler");
    let text = "Streit\n\nDie Kammer, die für den Vertrag verantwortlich ist, begründete die Pläne damit, \
                dass die Kosten sinken würden.\n";
    let found = quotes(text, Language::De);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].1, "Die Kammer", "{found:#?}");
}

#[test]
fn a_role_with_a_name_after_the_verb_is_that_person() {
    let text = "Bilanz\n\n„Die Lage bleibt schwierig“, sagte der Chef des Verbands Nordholz, Arne Vesper.\n";
    assert_one_speaker(text, Language::De, "Arne Vesper");
}

#[test]
fn a_demonstrative_before_the_speech_verb_says_the_sentence_before() {
    let text = "Bilanz\n\nDer Konzern wird die Sparte im Herbst verkaufen. Das berichtet die Zeitung Nordkurier.\n";
    let found = quotes(text, Language::De);
    assert_eq!(found.len(), 1, "{found:#?}");
    let expect = ("Der Konzern wird die Sparte im Herbst verkaufen", Some("Nordkurier"));
    assert_eq!((found[0].0.as_str(), found[0].2.as_deref()), expect, "{found:#?}");
}

#[test]
fn speakers_after_wie_and_before_a_particle_set_off_by_their_name() {
    let text = "Bilanz\n\nWie der Hersteller Velmar am Morgen bekannt gab, wird er den Rivalen kaufen.\n";
    assert_one_speaker(text, Language::De, "Velmar");
    let text = "Absturz\n\nVor dem Absturz wurde kein Notsignal gesendet, teilte später der Direktor der \
                Behörde, Ines Harwood, mit.\n";
    let found = quotes(text, Language::De);
    assert_eq!(found.len(), 1, "{found:#?}");
    let expect = ("Vor dem Absturz wurde kein Notsignal gesendet", Some("Ines Harwood"));
    assert_eq!((found[0].0.as_str(), found[0].2.as_deref()), expect, "{found:#?}");
}

/// The labels of the speakers the whole pipeline's graph says the text
/// quotes (the rules' quotes as well as the quote finder's).
fn quoted_in_graph(text: &str, language: Language) -> Vec<String> {
    let document = Document::from_text("text", text, language);
    let graph = kgex::pipeline::extract(&document, &Settings::default()).graph;
    let quoted = graph.relations().filter(|r| r.relation.kind == kgex::RelationKind::QuotedIn);
    quoted.map(|r| r.subject.label.clone()).collect()
}

/// The speaker words of the quotations of a German text, in text order.
fn assert_speakers(text: &str, expected: &[&str]) {
    let found = quotes(text, Language::De);
    let speakers: Vec<&str> = found.iter().map(|q| q.1.as_str()).collect();
    assert_eq!(speakers, expected, "{found:#?}");
}

/// One quotation in `text`, and its speaker is the entity `speaker`.
fn assert_one_speaker(text: &str, language: Language, speaker: &str) {
    let found = quotes(text, language);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].2.as_deref(), Some(speaker), "{found:#?}");
}

#[test]
fn so_dass_is_a_consequence_and_no_source() {
    let text = "Bahn\n\nDie Bahn blieb stehen, so dass die Passagiere gerettet werden mussten. Die Wand fiel, so die \
                Feuerwehr.\n";
    let found = quotes(text, Language::De);
    let speakers: Vec<&str> = found.iter().map(|q| q.1.as_str()).collect();
    assert_eq!(speakers, ["die Feuerwehr"], "{found:?}");
}

#[test]
fn the_subject_of_an_english_passive_is_no_speaker_and_its_agent_is() {
    let text = "News\n\nMara Lind joined the club in May. Her engagement to her co-star Genevieve Cortese was \
                announced in January 2010. She is also known as a painter. Mayor Ann Cole said that the bridge will open. \
                The bridge was described by Paul Hart as \"the finest in the whole state\".\n";
    let found = quotes(text, Language::En);
    let speakers: Vec<&str> = found.iter().map(|q| q.1.as_str()).collect();
    assert_eq!(speakers, ["Mayor Ann Cole", "Paul Hart"], "the agent of a passive speaks: {found:?}");
}

#[test]
fn a_frame_after_an_auxiliary_and_a_subjunctive_side_and_a_resolved_pronoun() {
    // `hatte laut X`: the auxiliary and the frame are no adjectives of X.
    // Of the two sides of `..., sagte X, ...` the one in the subjunctive is said;
    // `sagte er` after an apposition is the pronoun's, resolved or not.
    let text =
        "Unfall\n\nDer Fahrer hatte laut Polizeiangaben 1,1 Promille Alkohol im Blut. In einer Botschaft, die am \
                Abend gezeigt wurde, sagte Tarek Olsen, man werde weiter kämpfen. Besorgt äußerte sich der Vorsitzende \
                des Vereins, Jan Brede, zu den Vorgängen:\n„Wir fürchten das Schlimmste“, sagte er.\n";
    let found = quotes(text, Language::De);
    let pairs: Vec<(&str, &str)> = found.iter().map(|q| (q.0.as_str(), q.1.as_str())).collect();
    let expected = [
        ("1,1 Promille Alkohol im Blut", "Polizeiangaben"),
        ("man werde weiter kämpfen", "Tarek Olsen"),
        ("Wir fürchten das Schlimmste", "er"),
    ];
    for pair in expected {
        assert!(pairs.contains(&pair), "{pair:?} not in {found:#?}");
    }
}

#[test]
fn any_noun_phrase_after_laut_or_before_zufolge_is_a_source() {
    let text = "Flughafen\n\nDer Flughafen verbuchte laut aktueller Statistik zwei Millionen Passagiere. Das Wetter war \
                schlecht. Politischen Beobachtern zufolge blieb der Aufruhr aus. Seiner Meinung nach hätte die Aufsicht \
                abraten müssen.\n";
    assert_speakers(text, &["aktueller Statistik", "Beobachtern", "Seiner Meinung"]);
}

#[test]
fn the_phrase_after_a_demonstrative_and_its_speech_verb_is_the_speaker() {
    let text = "Landtag\n\nDie Fraktion will den Antrag im Landtag einbringen. Dies teilte der parlamentarische \
                Geschäftsführer der Fraktion mit.\n";
    let found = quotes(text, Language::De);
    let pairs: Vec<(&str, &str)> = found.iter().map(|q| (q.0.as_str(), q.1.as_str())).collect();
    assert_eq!(
        pairs,
        [("Die Fraktion will den Antrag im Landtag einbringen", "der parlamentarische Geschäftsführer der Fraktion")],
        "{found:#?}"
    );
}

#[test]
fn the_subject_after_the_verb_of_a_german_main_clause_speaks_for_the_part_before() {
    // Only one part stands before a German main clause's verb: `er` or a
    // person's name right after it is the subject, the part before an object
    // or an adverbial (`Des Weiteren`).
    let text = "Kongo\n\nDer Regierung schlug er vor, die Wahl zu verschieben. Eine Verschiebung der Wahl bezeichnete \
                Ralf Conze als fatal. Des Weiteren verwies Ralf Conze darauf, dass die Wahl bezahlt sei.\n";
    assert_speakers(text, &["er", "Ralf Conze", "Ralf Conze"]);
}

#[test]
fn demnach_says_what_the_source_before_says_and_wonach_what_its_antecedent_holds() {
    let text = "Wahl\n\nDie Sprecherin Ina Velmar gab am Abend das Ergebnis bekannt. Demnach hat die Koalition die \
                Wahl gewonnen. Es gibt eine Schätzung, wonach 900 Menschen gewählt haben.\n";
    let found = quotes(text, Language::De);
    let pairs: Vec<(&str, &str)> = found.iter().map(|q| (q.0.as_str(), q.1.as_str())).collect();
    assert!(pairs.contains(&("hat die Koalition die Wahl gewonnen", "Demnach")), "{found:#?}");
    assert!(pairs.contains(&("900 Menschen gewählt haben", "eine Schätzung")), "{found:#?}");
    // `Demnach` stands for the speaker before it.
    let demnach = found.iter().find(|q| q.1 == "Demnach").and_then(|q| q.2.as_deref());
    assert_eq!(demnach, Some("Ina Velmar"), "{found:#?}");
}

#[test]
fn a_plural_noun_opening_the_sentence_before_its_verb_is_a_speaker_without_article() {
    let text = "Knall\n\nOhrenzeugen berichteten von einem lauten Knall. Politische Beobachter kritisierten den \
                Erfolg. Inzwischen berichten die Anwohner von Schäden.\n";
    let found = quotes(text, Language::De);
    let speakers: Vec<&str> = found.iter().map(|q| q.1.as_str()).collect();
    assert_eq!(speakers.get(..2), Some(&["Ohrenzeugen", "Politische Beobachter"][..]), "{found:#?}");
    assert!(!speakers.contains(&"Inzwischen"), "an adverb is no speaker: {found:#?}");
}

#[test]
fn a_sentence_goes_on_with_the_speaker_before_only_when_its_main_clause_is_in_the_subjunctive() {
    // `sei` as the main verb, or right after a clause set off by a comma,
    // continues the speech; a subjunctive deep in a subordinate clause does not.
    let text =
        "Hafen\n\nDer Hafenmeister Jan Brede sagte, der Kran sei defekt. Die Reparatur sei teuer. Da das Schiff \
                früh kam, sei die Lage ernst. Die Stadt baut am Hafen ein Lager, das sie schon vor Jahren hätte bauen \
                können. , sei es drum.\n";
    let found = quotes(text, Language::De);
    let messages: Vec<&str> = found.iter().map(|q| q.0.as_str()).collect();
    let expected = ["der Kran sei defekt", "Die Reparatur sei teuer", "Da das Schiff früh kam, sei die Lage ernst"];
    assert_eq!(messages, expected, "{found:#?}");
}

#[test]
fn a_speaker_and_verb_alone_in_brackets_point_to_an_earlier_report() {
    let text = "Rücktritt\n\nDer Minister trat im Mai zurück (Wikinews berichtete). Die Partei verlor danach die Wahl \
                (wir berichteten).\n";
    let found = quotes(text, Language::De);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_clause_opening_with_a_prepositional_phrase_has_its_speaker_after_the_verb() {
    let text =
        "Rom\n\nZum Rücktritt sagte der italienische Kardinal Ennio Valdi: „Das ist ein Donnerschlag.“ Am Montag \
                kritisierte die Opposition den Plan.\n";
    assert_speakers(text, &["der italienische Kardinal Ennio Valdi", "die Opposition"]);
}

#[test]
fn with_an_auxiliary_the_subject_stands_next_to_it_not_next_to_the_participle() {
    let text = "Bericht\n\nDie Bundesregierung hatte den Bericht der Zeitung Velmar Post umgehend als „falsch“ \
                zurückgewiesen.\n";
    let found = quotes(text, Language::De);
    let pairs: Vec<(&str, &str)> = found.iter().map(|q| (q.0.as_str(), q.1.as_str())).collect();
    let message = "den Bericht der Zeitung Velmar Post umgehend als „falsch";
    assert_eq!(pairs, [(message, "Bundesregierung")], "{found:#?}");
}

#[test]
fn quotation_marks_inside_a_clause_do_not_hide_its_particle() {
    let text = "Vorschlag\n\nDie Ministerin Beate Merk wies dies als „Unverschämtheit“ zurück.\n";
    assert_one_speaker(text, Language::De, "Beate Merk");
}

#[test]
fn a_separable_verb_is_speech_only_with_its_own_particle() {
    let text =
        "Studie\n\nDie Forscher stellten fest, dass das Wasser sauber sei. Die Firma stellte am Montag ein neues \
                Auto vor. Der Richter ging davon aus, dass der Täter allein handelte.\n";
    assert_speakers(text, &["Die Forscher", "Der Richter"]);
}

#[test]
fn heisst_es_in_a_text_gives_the_text_as_source() {
    let text = "Bericht\n\nIm Bericht der Kommission heißt es weiter, dass die Wahl fair gewesen sei. Die Lage sei \
                ruhig, hieß es bei der Agentur Velmar.\n";
    let found = quotes(text, Language::De);
    let pairs: Vec<(&str, &str)> = found.iter().map(|q| (q.0.as_str(), q.1.as_str())).collect();
    let expected =
        [("dass die Wahl fair gewesen sei", "Bericht der Kommission"), ("Die Lage sei ruhig", "Agentur Velmar")];
    assert_eq!(pairs, expected, "{found:#?}");
}

#[test]
fn a_title_right_before_a_persons_name_after_the_verb_is_part_of_the_speaker() {
    let text = "Papst\n\nSpäter sagte Bundeskanzlerin Angela Merkel vor der Presse, der Papst sei ein großer Denker.\n";
    let found = quotes(text, Language::De);
    let speakers: Vec<(&str, Option<&str>)> = found.iter().map(|q| (q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(speakers, [("Bundeskanzlerin Angela Merkel", Some("Angela Merkel"))], "{found:#?}");
}

#[test]
fn a_dative_after_the_verb_is_the_one_spoken_to() {
    let text = "Riad\n\nDie Botschaft der Vereinigten Staaten teilte dem Fernsehsender CNN mit, dass niemand verletzt \
                worden sei.\n";
    let found = quotes(text, Language::De);
    assert!(found.iter().all(|q| !q.1.contains("CNN")), "{found:#?}");
}

#[test]
fn an_infinitive_after_a_modal_verb_reports_nothing_said() {
    let text =
        "Mord\n\nDen Zusammenhang mit den Morden konnte die Polizei nicht bestätigen. Die Grünen kritisieren den \
                Plan.\n";
    assert_speakers(text, &["Die Grünen"]);
}

#[test]
fn so_opening_the_clause_a_phrase_after_a_preposition_and_a_number_joined_to_an_adjective() {
    let text = "Wahl\n\nSo sagte der Vorsitzende der Partei, die Wahl sei gewonnen. Der Präsident Ennio Valdi nimmt die \
                Abgeordneten in Schutz und warnt vor einer pauschalen Verurteilung. Der 23-jährige Sportler gab bekannt: \
                „Ich war an keiner Schlägerei beteiligt.“\n";
    let expected = ["der Vorsitzende der Partei", "Der Präsident Ennio Valdi", "Der 23-jährige Sportler"];
    assert_speakers(text, &expected);
}

#[test]
fn a_particle_joins_the_frame_only_where_it_closes_the_clause() {
    let text =
        "Entführung\n\nAußerdem forderte er ein Lösegeld. Die Polizei geht davon aus, dass er allein handelte.\n";
    let found = quotes(text, Language::De);
    let messages: Vec<&str> = found.iter().map(|q| q.0.as_str()).collect();
    assert_eq!(messages, ["ein Lösegeld", "dass er allein handelte"], "{found:#?}");
}

#[test]
fn a_title_in_quotation_marks_after_laut_is_a_source() {
    let text = "Haft\n\nLaut „Welt“ soll er sich in der Anstalt Landsberg befinden.\n";
    assert_speakers(text, &["Welt"]);
}

#[test]
fn geht_aus_a_text_hervor_gives_the_text_as_source_of_the_sentence_before() {
    let text = "Angriff\n\nBei dem Angriff starben zwölf Menschen. Dies geht aus einer Pressemitteilung der \
                Organisation Velmar Watch hervor. Aus der Wahl ging die Partei als Siegerin hervor.\n";
    let found = quotes(text, Language::De);
    let pairs: Vec<(&str, &str)> = found.iter().map(|q| (q.0.as_str(), q.1.as_str())).collect();
    let speaker = "einer Pressemitteilung der Organisation Velmar Watch";
    assert_eq!(pairs, [("Bei dem Angriff starben zwölf Menschen", speaker)], "{found:#?}");
}

#[test]
fn a_place_or_a_possessed_phrase_before_a_colon_introduces_no_speech() {
    let text =
        "Mond\n\nDann sprach er die ersten Worte auf dem Mond: „That's one small step for man, one giant leap.“ \
                Seine Zuversicht: „Wir werden das Spiel am Ende doch noch gewinnen.“\n";
    let found = quotes(text, Language::De);
    assert!(found.iter().all(|q| !matches!(q.1.as_str(), "Mond" | "Seine Zuversicht")), "{found:#?}");
}

/// Words that start the quote finder's rules, to be strung together at random.
const TRIGGERS: &[&str] = &[
    "Demnach",
    "demnach",
    "wonach",
    "heißt",
    "hieß",
    "es",
    "geht",
    "aus",
    "hervor",
    "davon",
    "So",
    "so",
    "sagte",
    "er",
    "der",
    "dem",
    "des",
    "Des",
    "die",
    "Sprecher",
    "Polizei",
    "Ina",
    "Velmar",
    "laut",
    "zufolge",
    "nach",
    "Angaben",
    "sei",
    "habe",
    "konnte",
    "bestätigen",
    "stellte",
    "fest",
    "vor",
    "wies",
    "zurück",
    "hin",
    "(",
    ")",
    "„",
    "“",
    ",",
    ":",
    ".",
    "-",
    "23-jährige",
    "Ohrenzeugen",
    "berichteten",
    "Bundeskanzlerin",
    "hatte",
    "zurückgewiesen",
    "Seine",
    "said",
    "according",
    "to",
    "the",
    "he",
    "\n\n",
    "teilte",
    "mit",
    "wie",
    "dass",
    "Das",
    "Dies",
    "bekannt",
    "gab",
    "wurde",
    "von",
    "zitiert",
    "Zum",
    "Außerdem",
    ";",
    "!",
    "?",
    "'",
    "\"",
    "told",
    "by",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, failure_persistence: None, ..Default::default() })]

    /// Any string of trigger words gives quotations whose message and speaker
    /// are non-empty slices of the text (slicing a bad span would panic).
    #[test]
    fn any_string_of_trigger_words_gives_well_formed_quotes(
        picks in proptest::collection::vec(0..TRIGGERS.len(), 0..120),
        english in proptest::bool::ANY,
    ) {
        let body: Vec<&str> = picks.iter().map(|&i| TRIGGERS[i]).collect();
        let text = format!("Titel\n\n{}\n", body.join(" "));
        let language = if english { Language::En } else { Language::De };
        for (message, speaker, _) in quotes(&text, language) {
            proptest::prop_assert!(!message.trim().is_empty() && !speaker.trim().is_empty(), "{text:?}");
        }
    }
}

#[test]
fn sources_framed_by_aus_sicht_and_nach_expertenmeinung() {
    assert_speakers(
        "Klage\n\nDie Klage hat aus Sicht der Verbände gute Aussichten. Die Gefahr besteht nach Expertenmeinung \
         vor allem im Winter. Die Reform war aus seiner Sicht falsch.\n",
        &["der Verbände", "Expertenmeinung"],
    );
}

#[test]
fn a_bracket_before_the_verb_and_a_phrase_after_gegenueber() {
    let text = "Streik\n\nTilda Marsk, die Vorsitzende des Verbands Nordischer Fischer (VNF), sagte gegenüber der \
                Zeitung: „Wir streiken morgen.“\n";
    assert_one_speaker(text, Language::De, "Tilda Marsk");
}

#[test]
fn a_subjunctive_of_any_verb_goes_on_with_the_last_speaker_but_not_after_ich() {
    assert_speakers(
        "Studie\n\nKurt Albers sagte, die Lage sei ernst. Der Wert basiere auf einer Studie der \
         Universität. Beweise gebe es keine.\n",
        &["Kurt Albers", "Kurt Albers", "Kurt Albers"],
    );
    assert_speakers("Studie\n\nIda Holm sagte, die Lage sei ernst. Ich glaube das nicht.\n", &["Ida Holm"]);
}

#[test]
fn an_adjective_the_learned_list_holds_is_no_speech_verb() {
    assert_speakers("Lage\n\nDie Lage sei ernst, so Kurt Albers.\n", &["Kurt Albers"]);
}

#[test]
fn a_listed_body_before_a_place_in_the_genitive_is_named_and_speaks() {
    let text =
        "Titel\n\nDas Auswärtige Amt der Bundesrepublik Deutschland meldete gestern, der erste Hilfsflug sei in \
                Rangun eingetroffen.\n";
    let quoted = quoted_in_graph(text, Language::De);
    assert_eq!(quoted, ["Auswärtiges Amt"], "{quoted:?}");
}

#[test]
fn speech_in_the_passive_quotes_the_one_after_by() {
    let text = "Hearing\n\nOne reading is the one pointed out by Mr. Okafor in a narrow sense.\n";
    let quoted = quoted_in_graph(text, Language::En);
    assert_eq!(quoted, ["Okafor"], "an abbreviated title is no part of the name: {quoted:?}");
}

#[test]
fn writing_a_thing_is_no_speech_and_writing_that_is() {
    let text = "Column\n\nThere is Jon Marsh, who is our editor and he writes Orbit. Ann Vale wrote a book about it. \
                Eva Stone wrote that the port will close.\n";
    let quoted = quoted_in_graph(text, Language::En);
    assert_eq!(quoted, ["Eva Stone"], "{quoted:?}");
}

#[test]
fn a_named_person_set_off_after_a_framed_role_is_the_source() {
    let text = "Lage\n\nLaut dem Sprecher der Polizei, Hans Meier, sei die Lage ruhig.\n";
    let quoted = quoted_in_graph(text, Language::De);
    assert_eq!(quoted, ["Hans Meier"], "{quoted:?}");
}

#[test]
fn a_name_in_the_genitive_before_a_role_owns_the_speaker_and_is_none() {
    let text = "Spiel\n\n„Das lag hier nicht vor“, sagte Schalkes Trainer Felix Magath. „Wir bauen weiter“, sagte \
                Googles Chef Sundar Pichai.\n";
    let found = quotes(text, Language::De);
    let speakers: Vec<Option<&str>> = found.iter().map(|q| q.2.as_deref()).collect();
    assert_eq!(speakers, [Some("Felix Magath"), Some("Sundar Pichai")], "{found:?}");
    let quoted = quoted_in_graph(text, Language::De);
    assert!(!quoted.iter().any(|q| q.starts_with("Google")), "{quoted:?}");
}

#[test]
fn a_separable_speech_verb_written_joined_at_the_clause_end_is_a_cue() {
    let text = "Urteil\n\nWie der Vorsitzende Richter, Ottmar Breidling, ausführte, hätte es ein Blutbad gegeben.\n";
    assert_one_speaker(text, Language::De, "Ottmar Breidling");
    // A present plural joined to its particle is also the infinitive.
    let text = "Stellen\n\nDie Chefin Anna Berg dürfte am Dienstag ankündigen, dass Stellen gestrichen werden.\n";
    assert_speakers(text, &[]);
}

#[test]
fn a_source_frame_reaches_the_person_named_after_two_genitives() {
    let text = "Lage\n\nNach Angaben des Sprechers der Polizei, Hans Meier, sei die Lage ruhig.\n";
    assert_one_speaker(text, Language::De, "Hans Meier");
    let text = "Lage\n\nLaut dem Sprecher der Siemens AG, Jan Wolf, sei die Lage ruhig.\n";
    assert_one_speaker(text, Language::De, "Jan Wolf");
    let text = "Lage\n\nNach Angaben eines Sprechers der Siemens AG sei die Lage ruhig.\n";
    assert_one_speaker(text, Language::De, "Siemens AG");
}

#[test]
fn a_person_set_off_after_any_phrase_after_the_verb_is_the_speaker() {
    let text = "Lob\n\n„Er verdient viel Anerkennung“, sagte der aschkenasische Oberrabbiner Israels, Yona Metzger.\n";
    assert_one_speaker(text, Language::De, "Yona Metzger");
    let text = "Hilfe\n\n„Das wird nicht reichen“, erklärte die Geschäftsführerin der Organisation, Anna Roß.\n";
    assert_one_speaker(text, Language::De, "Anna Roß");
}

#[test]
fn a_name_in_the_genitive_after_its_noun_is_read_as_the_name() {
    let text = "Lage\n\n„Das Land ist sicher“, sagte der Präsident Frankreichs, Jacques Chirac.\n";
    assert_one_speaker(text, Language::De, "Jacques Chirac");
    let text = "Lage\n\n„Die Tiere werden behandelt“, erklärte ein Sprecher des Innenministeriums.\n";
    assert_one_speaker(text, Language::De, "Innenministerium");
}

#[test]
fn a_speech_verb_right_after_a_comma_goes_on_with_the_sentences_subject() {
    let text = "Wahl\n\nHans Meier, ein Mitglied des Senats, wollte sich nach einem Treffen mit Anna Berg nicht \
                festlegen, sagte aber, die Partei müsse warten.\n";
    assert_one_speaker(text, Language::De, "Hans Meier");
    // After a relative clause the verb is the one of the subject before it.
    let text = "Lage\n\nJan Wolf ist ein Held, und alle, die ihn kennen, verlangen Rache.\n";
    assert_speakers(text, &[]);
}

/// The active verb of quoting has the one quoted as its object and the
/// medium that quotes as its subject, which is cited; in the passive its
/// subject is the one quoted.
#[test]
fn the_one_a_medium_quotes_speaks_and_the_medium_is_cited() {
    let cases = [
        ("„Wir sind Zeugen“, zitierte man Lena Berger vom Sender RTVE.", Language::De, "Lena Berger"),
        (
            "Die Zeitung „Die Welt“ zitiert den Politiker Jonas Keller mit den Worten: „Das reicht nicht.“",
            Language::De,
            "Jonas Keller",
        ),
        ("„Das ist zu viel“, zitiert die „Computerwoche“ Kevin Lorenz in einem Bericht.", Language::De, "Kevin Lorenz"),
        (
            "Karl Brandt wird von der Zeitung mit den Worten zitiert, der Plan sei gescheitert.",
            Language::De,
            "Karl Brandt",
        ),
        ("The New York Times quoted John Harper as saying that the plan would fail.", Language::En, "John Harper"),
    ];
    for (sentence, language, speaker) in cases {
        let text = format!("Titel\n\n{sentence}\n");
        assert_eq!(quoted_in_graph(&text, language), [speaker], "{sentence}");
    }
    let text = "Titel\n\nDie Nachrichtenagentur Reuters zitiert dazu Jan Vogt mit den Worten: „Das ist vorbei.“\n";
    let cited = relations_in(text, Language::De, kgex::RelationKind::Cites);
    assert_eq!(cited.iter().map(|(_, o)| o.as_str()).collect::<Vec<_>>(), ["Reuters"], "{cited:?}");
}

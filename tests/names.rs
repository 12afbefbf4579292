//! Names on short texts, one construction each: places and their lists,
//! German inflection, titles, ranks, addresses and marks around names.

use std::fs;

use crate::util;
use crate::util::texts::{entities_with, graph_of};

#[test]
fn german_genitives_and_english_names_inside_german_text_keep_their_entity() {
    let text = "Titel\n\nDie Anhänger Korvals zogen durch die Straßen Chiles. Der Politiker Jonas Korval \
                schwieg. Experten des Kunsthistorischen Museums Wien und Lea Brandt, Professorin am \
                Kalmar Institute of Technology, prüften den Fund. Ein Sprecher des US-Innenministeriums schwieg. \
                Gestern warnte das Außenministerium, und die US-Armee zog ab. Papst Benedikt XVI. reiste ab. \
                Ein Sprecher des Auswärtigen Amtes schwieg. Er ist Mitglied des US-Repräsentantenhauses. Das \
                Welternährungsprogramm warnte. Die EU-Kommission prüft.\n";
    let graph = graph_of(text, kgex::Language::De);
    let entities = entities_with(
        &graph,
        &[
            ("Jonas Korval", kgex::EntityKind::Person),
            ("Chile", kgex::EntityKind::Place),
            ("Kunsthistorisches Museum Wien", kgex::EntityKind::Organization),
            ("Kalmar Institute of Technology", kgex::EntityKind::Organization),
            ("US-Innenministerium", kgex::EntityKind::Organization),
            ("Außenministerium", kgex::EntityKind::Organization),
            ("US-Armee", kgex::EntityKind::Organization),
            ("Benedikt XVI.", kgex::EntityKind::Person),
            ("Auswärtiges Amt", kgex::EntityKind::Organization),
            ("US-Repräsentantenhaus", kgex::EntityKind::Organization),
            ("Welternährungsprogramm", kgex::EntityKind::Organization),
            ("EU-Kommission", kgex::EntityKind::Organization),
        ],
    );
    assert!(!entities.iter().any(|(name, _)| name == "Korvals" || name == "Chiles"), "{entities:?}");
}

#[test]
fn english_affiliations_said_in_passing_are_found() {
    let text = "Salt\n\nMara Ellery for the Tasman Water Board, says the tests start soon. Professor Ivo Brandt, \
                Director of the Coastal Survey, and Chairman of the Brinley Institute, says more is needed. A \
                photo of interviewee Nadia Ferrer. Lena Ovid of Quiet Harbour Games agreed.\n";
    let graph = graph_of(text, kgex::Language::En);
    let pairs: Vec<(&str, &str, &str)> = graph
        .relations()
        .map(|r| (r.subject.label.as_str(), r.relation.kind.name(), r.object.label.as_str()))
        .collect();
    assert!(pairs.contains(&("Mara Ellery", "works-at", "Tasman Water Board")), "{pairs:?}");
    assert!(pairs.contains(&("Ivo Brandt", "works-at", "Brinley Institute")), "{pairs:?}");
    assert!(pairs.iter().any(|p| p.0 == "Nadia Ferrer" && p.1 == "quoted-in"), "{pairs:?}");
    // A firm named with ordinary words, after a person and `of`.
    assert!(pairs.contains(&("Lena Ovid", "works-at", "Quiet Harbour Games")), "{pairs:?}");
}

#[test]
fn a_middle_initial_stays_inside_the_name() {
    let text = "Titel\n\nDer frühere Präsident Harold T. Brenneman ist gestorben.\n";
    let graph = graph_of(text, kgex::Language::De);
    let people: Vec<&str> =
        graph.entities().filter(|e| e.kind == kgex::EntityKind::Person).map(|e| e.label.as_str()).collect();
    assert_eq!(people, ["Harold T. Brenneman"]);
}

#[test]
fn german_names_with_inflected_adjectives_are_read_in_the_nominative() {
    let text = "Titel\n\nDie Sprecher der Nordischen Bahn und der Frankfurter Allgemeinen Zeitung schwiegen. Die \
                Nordische Bahn blieb bei ihrer Haltung.\n";
    let graph = graph_of(text, kgex::Language::De);
    let names: Vec<&str> = graph.entities().map(|e| e.label.as_str()).collect();
    assert!(names.contains(&"Frankfurter Allgemeine Zeitung"), "{names:?}");
    // Both forms are one organisation.
    assert_eq!(names.iter().filter(|n| n.starts_with("Nordisch")).collect::<Vec<_>>(), [&"Nordische Bahn"]);
}

#[test]
fn german_names_take_the_strong_ending_of_a_masculine_or_neuter_head() {
    let text = "Titel\n\nHelfer des Nordischen Roten Kreuzes und des Europäischen Rates trafen Forscher vom \
                Nordischen Institut für Alt- und Frühgeschichte. Das Nordische Rote Kreuz half.\n";
    let graph = graph_of(text, kgex::Language::De);
    let names: Vec<&str> = graph.entities().map(|e| e.label.as_str()).collect();
    assert!(names.contains(&"Europäischer Rat"), "{names:?}");
    assert!(names.contains(&"Nordisches Institut für Alt- und Frühgeschichte"), "{names:?}");
    assert_eq!(names.iter().filter(|n| n.contains("Kreuz")).collect::<Vec<_>>(), [&"Nordisches Rotes Kreuz"]);
}

#[test]
fn a_bracketed_short_form_and_a_strong_feminine_case_name_the_same_entity() {
    let text = "Title\n\nThe Northern Grain Council (NGC) met on Monday. Later the NGC said prices would rise.\n";
    let graph = graph_of(text, kgex::Language::En);
    let council: Vec<_> = graph.entities().filter(|e| e.label.contains("Grain") || e.label == "NGC").collect();
    assert_eq!(council.len(), 1, "{council:?}");
    assert!(council[0].aliases.contains("NGC"), "{:?}", council[0].aliases);
    let text =
        "Titel\n\nDas berichtete laut Süddeutscher Zeitung ein Zeuge. Die Süddeutsche Zeitung erscheint in München.\n";
    let graph = graph_of(text, kgex::Language::De);
    let labels: Vec<&str> = graph.entities().map(|e| e.label.as_str()).collect();
    assert!(labels.contains(&"Süddeutsche Zeitung") && !labels.contains(&"Süddeutscher Zeitung"), "{labels:?}");
}

#[test]
fn a_number_before_a_noun_and_half_a_compound_are_no_names() {
    let text = "Titel\n\nDie 35-Jährige gewann den 10-km-Lauf. Sie reiste durch Nord- und Südamerika.\n";
    let graph = graph_of(text, kgex::Language::De);
    let labels: Vec<&str> = graph.entities().map(|e| e.label.as_str()).collect();
    assert!(!labels.iter().any(|l| l.contains("Jährige") || l.contains("Lauf") || l.ends_with('-')), "{labels:?}");
}

#[test]
fn a_title_alone_names_nobody() {
    // A court transcript that says `the Secretary` throughout: the tagger took it
    // for a name once, and alias resolution then found it ten more times.
    let text = fs::read_to_string(util::root().join("tests/gold/en/dev/gum-court-loan.txt")).unwrap();
    let graph = graph_of(&text, kgex::Language::En);
    let labels: Vec<&str> = graph.entities().map(|e| e.label.as_str()).collect();
    assert!(!labels.contains(&"Secretary"), "{labels:?}");
    assert!(labels.contains(&"Cardona"), "{labels:?}");
}

#[test]
fn a_run_of_places_with_commas_and_a_person_with_a_possessive_are_split() {
    // The tagger learned GUM's `Cambridge, Massachusetts` as one name and ran a
    // person's name on into the title of their book.
    for (file, wanted) in [
        ("tests/gold/en/dev2/gum-interview-chomsky.txt", ["Cambridge", "Massachusetts"]),
        ("tests/gold/en/dev2/gum-bio-bernoulli.txt", ["Isaac Newton", "Basel"]),
    ] {
        let text = fs::read_to_string(util::root().join(file)).unwrap();
        let graph = graph_of(&text, kgex::Language::En);
        let labels: Vec<&str> = graph.entities().skip(1).map(|e| e.label.as_str()).collect();
        assert!(wanted.iter().all(|w| labels.contains(w)), "{file}: {labels:?}");
        assert!(!labels.iter().any(|l| l.contains(", ") || l.contains("'s ")), "{file}: {labels:?}");
    }
}

#[test]
fn german_nouns_after_a_kind_word_or_in_a_list_of_firms_are_no_names() {
    let text = "Titel\n\nMit Drogen nimmt die Organisation Schätzungen zufolge jährlich Milliarden ein. Als \
                Kunden gelten der Raumfahrtkonzern EADS, Flugzeugbauer wie Boeing, Hughes Network Systems oder \
                Alcatel Alenia Space sowie Werkstoffspezialisten oder die Autobranche.\n";
    let graph = graph_of(text, kgex::Language::De);
    let labels: Vec<&str> = graph.entities().map(|e| e.label.as_str()).collect();
    assert!(labels.contains(&"EADS") && labels.contains(&"Boeing"), "{labels:?}");
    for noun in ["Schätzungen", "Flugzeugbauer", "Werkstoffspezialisten"] {
        assert!(!labels.contains(&noun), "{noun}: {labels:?}");
    }
}

#[test]
fn every_name_of_a_listed_place_is_one_entity_whichever_layer_found_it() {
    let text = "Titel\n\nDie USA warnen Nordkorea. Der US-amerikanische Gesandte traf in Seoul ein. Ob Nord-Korea \
                einlenkt, ist offen.\n";
    let graph = graph_of(text, kgex::Language::De);
    let places: Vec<&str> =
        graph.entities().filter(|e| e.kind == kgex::EntityKind::Place).map(|e| e.label.as_str()).collect();
    let named = |names: &[&str]| places.iter().filter(|p| names.contains(p)).count();
    assert_eq!(named(&["USA", "US"]), 1, "{places:?}");
    assert_eq!(named(&["Nordkorea", "Nord-Korea"]), 1, "{places:?}");
    let text = "Title\n\nThe US invaded Vietnam. Chomsky said the U.S would not consider that, and the \
                U. S. Senate agreed.\n";
    let graph = graph_of(text, kgex::Language::En);
    let places: Vec<&str> =
        graph.entities().filter(|e| e.kind == kgex::EntityKind::Place).map(|e| e.label.as_str()).collect();
    let states = places.iter().filter(|p| p.starts_with('U')).count();
    assert_eq!(states, 1, "{places:?}");
}

#[test]
fn a_country_adjective_the_tagger_takes_for_a_place_names_the_country() {
    let text = "Iodine\n\nA survey of Australian school children found low iodine. Salt in Australia is rarely \
                iodised, said the Australian researchers.\n";
    let graph = graph_of(text, kgex::Language::En);
    let places: Vec<&str> =
        graph.entities().filter(|e| e.kind == kgex::EntityKind::Place).map(|e| e.label.as_str()).collect();
    assert_eq!(places, ["Australia"], "{places:?}");
}

#[test]
fn the_parts_of_mail_and_web_addresses_name_nothing() {
    let text = "Title\n\nWrite to m.p.cock@vu.nl or see https://t.co/Xb7Qw2LmZ9 and www.Kalwerk.com.\u{a0}Jan Berg \
                leads Kalwerk AG in Bremen.\n";
    let graph = graph_of(text, kgex::Language::En);
    let labels: Vec<&str> = graph.entities().map(|e| e.label.as_str()).collect();
    for part in ["@", "vu", "Xb7Qw2LmZ9", "Kalwerk.com", "Kalwerk"] {
        assert!(!labels.contains(&part), "{part}: {labels:?}");
    }
    assert!(labels.contains(&"Jan Berg") && labels.contains(&"Kalwerk AG"), "{labels:?}");
}

#[test]
fn marks_around_a_name_are_no_part_of_it() {
    let text = "Titel\n\nHeute sprach #Wulff im Bundestag. +++++ Eilmeldung +++++ Die EVG&# streikt.\n";
    let graph = graph_of(text, kgex::Language::De);
    for entity in graph.entities().filter(|e| e.kind != kgex::EntityKind::Document) {
        let marked = |s: &str| s.starts_with(['#', '+', '&']) || s.ends_with(['#', '+', '&', ' ']);
        assert!(!marked(&entity.label), "{}", entity.label);
        for mention in &entity.mentions {
            assert_eq!(&text[mention.span().range()], mention.text, "spans slice the text");
            assert!(!marked(mention.text), "{}", mention.text);
        }
    }
    assert!(graph.entities().any(|e| e.label == "Wulff"));
}

#[test]
fn legal_forms_ranks_and_contractions_are_no_names_of_their_own() {
    // The spaces around the comma are a transcript's, where the tagger reads the legal form alone.
    let text = "Title\n\nHe sued Atlantic Lottery Corporation , Inc. et al. in court. Milo Varga founded Quellbrook, \
                LLC in 2001. Emperor Joshua Norton ruled the city. It’s totally new, said Emperor Norton. Lord \
                Diplock agreed with the Duke of Edinburgh.\n";
    let graph = graph_of(text, kgex::Language::En);
    let labels: Vec<&str> = graph.entities().map(|e| e.label.as_str()).collect();
    assert!(labels.contains(&"Atlantic Lottery Corporation Inc."), "{labels:?}");
    assert!(labels.contains(&"Joshua Norton") && labels.contains(&"Diplock"), "{labels:?}");
    assert!(labels.contains(&"Duke of Edinburgh"), "{labels:?}");
    let junk = ["Inc.", "LLC", "It", "Emperor", "Emperor Norton", "Lord"];
    assert!(!labels.iter().any(|l| junk.contains(l)), "{labels:?}");
}

#[test]
fn a_town_in_the_genitive_before_one_unknown_word_is_a_first_name() {
    let text = "Absturz\n\nEs wurde kein Notsignal gesendet, teilte der Direktor der Behörde, Bagus Puruhito, mit.\n";
    let graph = graph_of(text, kgex::Language::De);
    let labels: Vec<&str> = graph.entities().map(|e| e.label.as_str()).collect();
    assert!(labels.contains(&"Bagus Puruhito") && !labels.contains(&"Bagu"), "{labels:?}");
    // A country in the genitive before a name stays a country.
    let text = "Besuch\n\nChinas Xi reiste nach Paris.\n";
    let graph = graph_of(text, kgex::Language::De);
    let labels: Vec<&str> = graph.entities().map(|e| e.label.as_str()).collect();
    assert!(labels.contains(&"China"), "{labels:?}");
}

#[test]
fn a_first_name_that_is_a_german_noun_after_an_article_is_the_noun() {
    let text = "Funde\n\nDie Menschen nutzten die Steine als eine Art Mörser. Art Garfunkel sang.\n";
    let graph = graph_of(text, kgex::Language::De);
    let labels: Vec<&str> = graph.entities().map(|e| e.label.as_str()).collect();
    assert!(!labels.contains(&"Art Mörser") && labels.contains(&"Art Garfunkel"), "{labels:?}");
}

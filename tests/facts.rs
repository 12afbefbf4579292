//! Relations and sources on short texts, one construction each: places
//! within places, roles and employers, outlets, speakers.

use crate::util::texts::{entities_with, graph_of, relations_in, relations_of, speakers};

#[test]
fn a_place_list_is_no_chain_of_places() {
    // "X, Y" is X in Y, but not inside a list of places.
    let text =
        "Title\n\nHe lived in Dallas, Texas, where he worked. Sales grew in Victoria, Queensland, Tasmania and Ohio. \
         She studied medicine at Basel, Heidelberg, and Strasbourg.\n";
    let located = relations_in(text, kgex::Language::En, kgex::RelationKind::LocatedIn);
    assert!(located.contains(&("Dallas".to_owned(), "Texas".to_owned())), "{located:?}");
    let in_list = ["Victoria", "Queensland", "Basel", "Heidelberg"];
    assert!(!located.iter().any(|(s, _)| in_list.contains(&s.as_str())), "{located:?}");
}

#[test]
fn a_listed_place_in_a_chain_of_places_is_a_place_whatever_the_tagger_says() {
    // The tagger takes `Troy`, `Alberta` and `Marion` (first names) for
    // people here, after a place or before one.
    let text = "Title\n\nHe was reinterred in Oakwood Cemetery, Troy, New York. \
                It is a planned community in Okotoks, Alberta, Canada, with a solar heating system. \
                Marion, Ohio, is a small city.\n";
    let graph = graph_of(text, kgex::Language::En);
    let people: Vec<&str> =
        graph.entities().filter(|e| e.kind == kgex::EntityKind::Person).map(|e| e.label.as_str()).collect();
    assert!(people.is_empty(), "{people:?}");
    let located = relations_of(&graph, kgex::RelationKind::LocatedIn);
    for (place, container) in [("Troy", "New York"), ("Alberta", "Canada"), ("Marion", "Ohio")] {
        assert!(located.contains(&(place.to_owned(), container.to_owned())), "{located:?}");
    }
}

#[test]
fn a_country_adjective_used_as_a_name_is_no_country() {
    // `American` between commas is the airline; before a noun it names the country.
    let text = "Title\n\nPhoenix is the sixth largest city in the United States. \
                Terminal 4: Aeroméxico, Air Canada, American, British Airways, Volaris, WestJet\n\n\
                Acme Corp is an American airline based in Denver.\n";
    let graph = graph_of(text, kgex::Language::En);
    let located = relations_of(&graph, kgex::RelationKind::LocatedIn);
    assert!(!located.iter().any(|(s, _)| s == "Air Canada"), "{located:?}");
    let us = graph.entities().find(|e| e.label == "United States").unwrap();
    assert!(us.aliases.contains("American"), "{:?}", us.aliases);
}

#[test]
fn an_organisation_in_a_list_with_a_place_is_not_in_it() {
    // Neither a rule nor the relation scorer places the Lakers in Boston.
    let text = "Title\n\nThe league includes the Los Angeles Lakers, Boston, the Chicago Bulls and the Miami Heat. \
                Acme Corp, based in Boston, and Globex Inc signed the deal.\n";
    let located = relations_in(text, kgex::Language::En, kgex::RelationKind::LocatedIn);
    assert_eq!(located, vec![("Acme Corp".to_owned(), "Boston".to_owned())]);
}

#[test]
fn a_pronoun_right_after_a_name_and_a_comma_takes_that_name_up() {
    // Chomsky is named most often, but `he` follows `Hoop Scheffer,`.
    let text = "Title\n\nNoam Chomsky is a linguist. Chomsky said the war was wrong. Chomsky has written many \
                books. And the head of NATO, Hoop Scheffer, he has explained that NATO must guard the pipelines.\n";
    let graph = graph_of(text, kgex::Language::En);
    let quoted = speakers(&graph);
    assert!(quoted.contains(&"Hoop Scheffer".to_owned()), "{quoted:?}");
}

#[test]
fn english_speech_verbs_in_the_present_introduce_reported_speech() {
    let text = "Title\n\nMinister Anna Weber describes the plan as a disaster. \
                Her deputy John Miller admits that the budget is too small.\n";
    let graph = graph_of(text, kgex::Language::En);
    let quoted = speakers(&graph);
    assert!(quoted.contains(&"Anna Weber".to_owned()) && quoted.contains(&"John Miller".to_owned()), "{quoted:?}");
}

#[test]
fn german_bodies_and_inflected_places_have_their_base_forms() {
    // Public bodies written as compounds are organisations and end a run of
    // names; listed places with a case ending are the place itself.
    let text = "Titel\n\nDas sagte der Abgeordnete des Föderationsrates Viktor Oserow. Die Bundesregierung \
                und ein Sprecher des Außenministeriums äußerten sich auf Initiative Frankreichs. Truppen der \
                Vereinigten Staaten blieben. Das Ministerium schwieg.\n";
    let graph = graph_of(text, kgex::Language::De);
    let entities = entities_with(
        &graph,
        &[
            ("Föderationsrat", kgex::EntityKind::Organization),
            ("Viktor Oserow", kgex::EntityKind::Person),
            ("Bundesregierung", kgex::EntityKind::Organization),
            ("Außenministerium", kgex::EntityKind::Organization),
            ("Frankreich", kgex::EntityKind::Place),
            ("Vereinigte Staaten", kgex::EntityKind::Place),
        ],
    );
    assert!(!entities.iter().any(|(name, _)| name == "Ministerium" || name.ends_with('s')), "{entities:?}");
    let works_at = relations_of(&graph, kgex::RelationKind::WorksAt);
    assert!(works_at.contains(&("Viktor Oserow".into(), "Föderationsrat".into())), "{works_at:?}");
}

#[test]
fn german_outlets_named_with_their_kind_are_cited() {
    let text = "Titel\n\nDer Damm ist nach Angaben der Agentur „Nordpress“ gebrochen. Bei der Nachrichtenagentur Kvant hieß es, \
                dass zwei Brücken fehlten. Drei Dörfer seien betroffen, berichtet das regionale Nachrichtenportal \
                Talbote. Oskar Brenner schreibt der Stadtverwaltung die Schuld zu.\n";
    let graph = graph_of(text, kgex::Language::De);
    let cited: Vec<String> = relations_of(&graph, kgex::RelationKind::Cites).into_iter().map(|r| r.1).collect();
    for outlet in ["Nordpress", "Kvant", "Talbote"] {
        assert!(cited.iter().any(|c| c == outlet), "{outlet} not cited: {cited:?}");
    }
    assert_eq!(cited.len(), 3, "a verb with a separable particle is no report: {cited:?}");
}

#[test]
fn what_someone_says_to_an_outlet_cites_it() {
    let text = "Titel\n\nHans Ulrich sagte gegenüber der Nachrichtenagentur Kvant, das sei falsch. Ein Zeuge \
                erzählte der Zeitung „Talbote“, es habe gebrannt. Sie sprach in einem Interview mit der \
                Zeitschrift „Nordblick“. Später sagte er gegenüber der ARD, alles sei gut. Er stand gegenüber \
                der Firma Kolbe.\n";
    let graph = graph_of(text, kgex::Language::De);
    let cited: Vec<String> = relations_of(&graph, kgex::RelationKind::Cites).into_iter().map(|r| r.1).collect();
    for outlet in ["Kvant", "Talbote", "Nordblick", "ARD"] {
        assert!(cited.iter().any(|c| c == outlet), "{outlet} not cited: {cited:?}");
    }
    assert_eq!(cited.len(), 4, "a firm is no outlet: {cited:?}");
}

#[test]
fn a_genitive_kind_word_and_a_body_before_angaben_name_the_source() {
    let text = "Titel\n\nLaut dem Bericht des Fachmagazins „Kolbenwelt“ sinkt der Absatz. Es starben laut \
                NORDAG-Angaben drei Menschen.\n";
    let graph = graph_of(text, kgex::Language::De);
    let cited: Vec<String> = relations_of(&graph, kgex::RelationKind::Cites).into_iter().map(|r| r.1).collect();
    assert_eq!(cited, ["Kolbenwelt"]);
    assert_eq!(speakers(&graph), ["NORDAG"]);
}

#[test]
fn a_name_after_a_speech_verb_and_its_comma_is_what_was_said_not_who_said_it() {
    let text = "Titel\n\nDer Schiedsrichter Urs Kellner kritisierte, Alberto Vanoni habe nicht die richtige Linie \
                gefunden.\n";
    assert_eq!(speakers(&graph_of(text, kgex::Language::De)), ["Urs Kellner"]);
}

#[test]
fn laut_a_role_and_its_body_quotes_the_person_named_after_them() {
    let text = "Titel\n\nDort sollen laut dem Chefankläger des Obersten Strafgerichts, Tomas Velandro, Zeugen \
                bedroht worden sein.\n";
    assert_eq!(speakers(&graph_of(text, kgex::Language::De)), ["Tomas Velandro"]);
}

#[test]
fn english_speakers_are_not_the_ones_spoken_to() {
    let text = "Reporters interview Dana Whitfield and Omar Haddad\n\nThe hearing went on. Rhea Castellano also told \
                the court that the contract was void. \"We will appeal,\" said the defence lawyer, Colm Breslin.\n";
    let graph = graph_of(text, kgex::Language::En);
    let quoted: Vec<String> = relations_of(&graph, kgex::RelationKind::QuotedIn).into_iter().map(|r| r.0).collect();
    for speaker in ["Dana Whitfield", "Omar Haddad", "Rhea Castellano", "Colm Breslin"] {
        assert!(quoted.iter().any(|q| q == speaker), "{speaker} not quoted: {quoted:?}");
    }
}

#[test]
fn a_role_compound_on_the_word_for_firm_names_the_firm_the_text_is_about() {
    let text = "Titel\n\nDer Konzern Nordwerk meldete Verluste. Laut Konzernchef Peter Kramm fehlt Geld.\n";
    let graph = graph_of(text, kgex::Language::De);
    let works = relations_of(&graph, kgex::RelationKind::WorksAt);
    assert_eq!(works, [("Peter Kramm".into(), "Nordwerk".into())], "{works:?}");
    let quoted = relations_of(&graph, kgex::RelationKind::QuotedIn);
    assert_eq!(quoted.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>(), ["Peter Kramm"], "{quoted:?}");
}

#[test]
fn an_english_country_adjective_names_the_country_of_a_listed_place() {
    let text = "Title\n\nMaple Trust is a Canadian bank. It opened an office in Toronto.\n";
    let graph = graph_of(text, kgex::Language::En);
    let canada = graph.entities().find(|e| e.label == "Canada").expect("Canada from its adjective");
    assert!(canada.aliases.contains("Canadian"), "{:?}", canada.aliases);
    let located = relations_of(&graph, kgex::RelationKind::LocatedIn);
    assert!(located.contains(&("Toronto".into(), "Canada".into())), "{located:?}");
    assert!(located.contains(&("Maple Trust".into(), "Canada".into())), "{located:?}");
}

#[test]
fn a_country_lies_in_no_other_country() {
    let text = "Title\n\nHe had worked in Somalia in Kenya before.\n";
    let located = relations_in(text, kgex::Language::En, kgex::RelationKind::LocatedIn);
    assert!(located.is_empty(), "{located:?}");
}

#[test]
fn german_places_part_of_places_and_firms_based_in_them() {
    let text = "Titel\n\nIn Ostmoor, einem Vorort von Hamburg, regnete es. Die in Bremen ansässige Firma Kelpwerk \
                stellte den Betrieb ein.\n";
    let located = relations_in(text, kgex::Language::De, kgex::RelationKind::LocatedIn);
    assert!(located.contains(&("Ostmoor".into(), "Hamburg".into())), "{located:?}");
    assert!(located.contains(&("Kelpwerk".into(), "Bremen".into())), "{located:?}");
}

#[test]
fn in_die_points_where_something_goes() {
    let text = "Titel\n\nDie Maschine war auf dem Weg von München in die Dominikanische Republik. Die Firma Kelpwerk \
                in Bremen liefert in die Türkei.\n";
    let located = relations_in(text, kgex::Language::De, kgex::RelationKind::LocatedIn);
    assert!(located.contains(&("Kelpwerk".into(), "Bremen".into())), "{located:?}");
    assert!(!located.iter().any(|(_, place)| place == "Dominikanische Republik" || place == "Türkei"), "{located:?}");
}

#[test]
fn a_region_lies_in_its_country_and_a_body_named_after_a_place_in_that_place() {
    let text = "Title\n\nShe studied at the University of Saskatchewan. Saskatchewan is a province of Canada.\n";
    let located = relations_in(text, kgex::Language::En, kgex::RelationKind::LocatedIn);
    let university = "University of Saskatchewan".to_owned();
    assert!(located.contains(&("Saskatchewan".into(), "Canada".into())), "{located:?}");
    assert!(located.contains(&(university.clone(), "Saskatchewan".into())), "{located:?}");
    assert!(located.contains(&(university, "Canada".into())), "closed over: {located:?}");
}

#[test]
fn a_role_of_an_organisation_with_its_short_form_before_a_name() {
    let text = "Titel\n\nGestern sprach der Direktor der Internationalen Kalorganisation (IKO), Jan Vogt, in Wien.\n";
    let works = relations_in(text, kgex::Language::De, kgex::RelationKind::WorksAt);
    assert_eq!(works, [("Jan Vogt".to_owned(), "Internationale Kalorganisation".to_owned())], "{works:?}");
}

#[test]
fn a_role_on_a_body_named_in_a_compound_or_after_it_works_there() {
    // A commissioner's or an expert's body before the hyphen; a field after
    // `für`; a name of several words in brackets between role and person.
    let text = "Titel\n\nEU-Außenkommissarin Mira Lenk zeigte sich besorgt. Der EU-Kommissar für Energie Tom Arndt \
                schwieg. Die Angriffe auf den CDU-Finanzexperten Paul Kern nahmen zu. Sie kritisierten den \
                Vorsitzenden der Linkspartei (Parti de Gauche), Pierre Morel.\n";
    let works = relations_in(text, kgex::Language::De, kgex::RelationKind::WorksAt);
    for (person, body) in
        [("Mira Lenk", "EU"), ("Tom Arndt", "EU"), ("Paul Kern", "CDU"), ("Pierre Morel", "Linkspartei")]
    {
        assert!(works.contains(&(person.to_owned(), body.to_owned())), "{person}: {works:?}");
    }
}

#[test]
fn an_employer_after_an_outlet_word_a_relative_clause_or_a_party_in_brackets() {
    let text = "Titel\n\nDas sagte Lea Sommer vom Sender Kvant. Jan Vogt, der bei Stiftung Talbote für die \
                Kasse verantwortlich ist, schwieg. Petra Hinz (SPD) war seit 2005 Mitglied des Deutschen \
                Bundestages. Max Kolbe, der bei Siemens einen Vortrag hielt, lachte.\n";
    let works = relations_in(text, kgex::Language::De, kgex::RelationKind::WorksAt);
    for (person, body) in
        [("Lea Sommer", "Kvant"), ("Jan Vogt", "Stiftung Talbote"), ("Petra Hinz", "Deutscher Bundestag")]
    {
        assert!(works.contains(&(person.to_owned(), body.to_owned())), "{person}: {works:?}");
    }
    assert!(!works.iter().any(|(person, _)| person == "Max Kolbe"), "a talk is no job: {works:?}");
}

#[test]
fn a_closed_role_compound_on_a_named_body_works_there() {
    // `Bundestagsabgeordnete` begins with the last word of `Deutscher
    // Bundestag`, `Messedirektor` with that of `Leipziger Messe`.
    let text = "Titel\n\nDie Leipziger Messe wächst. Im Deutschen Bundestag wurde gestritten. Der \
                Bundestagsabgeordnete Hans Ulrich trat zurück. Auch Messedirektor Jan Zell sprach.\n";
    let works = relations_in(text, kgex::Language::De, kgex::RelationKind::WorksAt);
    assert!(works.contains(&("Hans Ulrich".to_owned(), "Deutscher Bundestag".to_owned())), "{works:?}");
    assert!(works.contains(&("Jan Zell".to_owned(), "Leipziger Messe".to_owned())), "{works:?}");
}

#[test]
fn a_state_parliament_named_by_its_adjective_is_an_organisation() {
    let text = "Titel\n\nDie SPD-Abgeordnete im sächsischen Landtag Jana Kolbe schwieg. Ein Sprecher der hessischen \
                Landesregierung widersprach. Die Abgeordnete Lea Sommer von den Grünen lachte. Die Wahl gewann die \
                Demokratische Partei des Präsidenten.\n";
    let graph = graph_of(text, kgex::Language::De);
    let labels: Vec<&str> = graph.entities().map(|e| e.label.as_str()).collect();
    assert!(labels.contains(&"hessische Landesregierung"), "{labels:?}");
    assert!(labels.contains(&"Demokratische Partei"), "capitalised adjectives make a name: {labels:?}");
    let works = relations_of(&graph, kgex::RelationKind::WorksAt);
    assert!(works.contains(&("Jana Kolbe".into(), "sächsischer Landtag".into())), "{works:?}");
    assert!(works.contains(&("Jana Kolbe".into(), "SPD".into())), "{works:?}");
    assert!(works.iter().any(|(s, o)| s == "Lea Sommer" && o.starts_with("Grüne")), "{works:?}");
}

/// The people a German text quotes, in name order.
fn quoted_people(text: &str) -> Vec<String> {
    let graph = graph_of(text, kgex::Language::De);
    let mut quoted: Vec<String> =
        relations_of(&graph, kgex::RelationKind::QuotedIn).into_iter().map(|(s, _)| s).collect();
    quoted.sort();
    quoted
}

#[test]
fn speakers_joined_by_und_are_both_quoted() {
    let text = "Titel\n\nDie Politiker Jan Vogt und Lea Sommer erklärten, der Plan sei gescheitert.\n";
    assert_eq!(quoted_people(text), ["Jan Vogt", "Lea Sommer"]);
}

#[test]
fn a_separable_speech_verb_with_its_particle_introduces_what_was_said() {
    let text = "Titel\n\nDie Politiker Jan Vogt und Lea Sommer prangerten an, dass die Schulen Daten sammelten.\n";
    assert_eq!(quoted_people(text), ["Jan Vogt", "Lea Sommer"]);
}

#[test]
fn a_company_role_without_its_company_works_at_the_company_of_the_text() {
    let text = "Titel\n\nDie Kalwerk AG meldete Verluste. Die Kalwerk AG will sparen, sagte die Bank Nordkredit. \
                Vorstandschef Jan Vogt trat zurück.\n";
    let works = relations_in(text, kgex::Language::De, kgex::RelationKind::WorksAt);
    assert_eq!(works, [("Jan Vogt".to_owned(), "Kalwerk AG".to_owned())], "the most named, not the last: {works:?}");
}

#[test]
fn the_firm_is_no_ministry_named_more_often() {
    let text = "Titel\n\nDas Fischereiministerium erlaubt den Fang. Das Fischereiministerium legte Quoten fest. Ein \
                Schiff der Firma „Kalwerk hf“ läuft aus. Nach Angaben von Jan Vogt, einem Manager der Firma, ist die \
                Besatzung bereit.\n";
    let works = relations_in(text, kgex::Language::De, kgex::RelationKind::WorksAt);
    assert_eq!(works, [("Jan Vogt".to_owned(), "Kalwerk hf".to_owned())], "{works:?}");
}

#[test]
fn a_party_adjective_before_a_role_and_name_gives_the_party_the_text_names() {
    let text =
        "Titel\n\nDie Republikanische Partei verlor. Der ehemalige republikanische Politiker Tom Vellick starb. \
                Die Pakistanische Volkspartei siegte, sagte der pakistanische Präsident Ardan Kemal.\n";
    let works = relations_in(text, kgex::Language::De, kgex::RelationKind::WorksAt);
    assert_eq!(works, [("Tom Vellick".to_owned(), "Republikanische Partei".to_owned())], "{works:?}");
}

#[test]
fn a_long_apposition_with_a_role_of_a_body_works_there_unless_it_names_another_person() {
    let text =
        "Titel\n\nDie Kalwerk AG wächst. Tom Vellick, ein prominentes, dem linken Flügel zugehöriges Mitglied des \
                Vorstands der Kalwerk AG, sprach. Jan Brück, der auch den Chef der Kalwerk AG, Peter Lindner, kennt, \
                schwieg.\n";
    let works = relations_in(text, kgex::Language::De, kgex::RelationKind::WorksAt);
    assert!(works.contains(&("Tom Vellick".to_owned(), "Kalwerk AG".to_owned())), "{works:?}");
    assert!(!works.iter().any(|(person, _)| person == "Jan Brück"), "{works:?}");
}

#[test]
fn a_role_compound_on_a_kind_of_body_refers_to_the_body_of_that_kind() {
    let text = "Titel\n\nDie Universität Velden prüft die Arbeit. Der Fall ist heikel. Niemand äußerte sich. Es gab \
                Kritik. Universitätspräsident Rüdiger Bormann sagte, man prüfe alles. Bankchef Kurt Albers schwieg.\n";
    let works = relations_in(text, kgex::Language::De, kgex::RelationKind::WorksAt);
    assert_eq!(works, [("Rüdiger Bormann".to_owned(), "Universität Velden".to_owned())], "no bank is named");
}

#[test]
fn a_place_with_a_possessive_owns_the_name_after_it() {
    let text = "Crane collapse\n\nA crane fell into Mecca's Grand Mosque, according to Saudi Arabia's Civil Defense \
                Authority.\n";
    let graph = graph_of(text, kgex::Language::En);
    let labels: Vec<&str> = graph.entities().map(|e| e.label.as_str()).collect();
    assert!(labels.contains(&"Civil Defense Authority") && labels.contains(&"Saudi Arabia"), "{labels:?}");
    assert!(!labels.iter().any(|l| l.contains("'s")), "{labels:?}");
    let located = relations_of(&graph, kgex::RelationKind::LocatedIn);
    assert!(located.contains(&("Grand Mosque".to_owned(), "Mecca".to_owned())), "{located:?}");
    let authority = ("Civil Defense Authority".to_owned(), "Saudi Arabia".to_owned());
    assert!(located.contains(&authority), "{located:?}");
    assert!(speakers(&graph).contains(&authority.0), "{:?}", speakers(&graph));
}

#[test]
fn ranks_are_no_part_of_names_and_an_interview_quotes_its_guest() {
    let text = "Interview with US political activist and philosopher Noam Chomsky\n\nOn March 13, Professor \
                Chomsky sat down with Michael Dranove for an interview. Civil Defense Authority director General \
                Suleiman al-Amr said \"All those who were wounded have been taken to hospital.\" The Chief Justice \
                asked whether the Chief Justice could rule. The boy was in love with Miss Mary Chaworth.\n";
    let graph = graph_of(text, kgex::Language::En);
    let labels: Vec<&str> = graph.entities().map(|e| e.label.as_str()).collect();
    assert!(labels.contains(&"Suleiman al-Amr") && labels.contains(&"Noam Chomsky"), "{labels:?}");
    assert!(!labels.iter().any(|l| ["General", "Justice", "Miss"].iter().any(|t| l.contains(t))), "{labels:?}");
    assert!(labels.contains(&"Mary Chaworth"), "{labels:?}");
    let works = relations_of(&graph, kgex::RelationKind::WorksAt);
    let director = ("Suleiman al-Amr".to_owned(), "Civil Defense Authority".to_owned());
    assert!(works.contains(&director), "{works:?}");
    let quoted = speakers(&graph);
    assert!(quoted.contains(&"Noam Chomsky".to_owned()), "{quoted:?}");
    let met = relations_of(&graph, kgex::RelationKind::MetWith);
    assert!(met.iter().any(|(s, o)| s.contains("Dranove") || o.contains("Dranove")), "{met:?}");
}

#[test]
fn a_barristers_post_nominal_letters_are_no_speaker() {
    let text = "Trial\n\nSpeaking in the parents' defense, Tom Molomby, SC, said that the parents came from India.\n";
    let graph = graph_of(text, kgex::Language::En);
    let quoted = speakers(&graph);
    assert_eq!(quoted, ["Tom Molomby"]);
}

#[test]
fn a_role_in_an_apposition_may_take_a_few_words_before_its_employer() {
    let text = "Crane\n\n\"It would have been worse,\" Khaled Al-Maeena, editor at large at the Saudi Gazette, said. \
                Jane Miller, a professor emeritus of physics at Stanford University, agreed.\n";
    let works = relations_in(text, kgex::Language::En, kgex::RelationKind::WorksAt);
    assert!(works.contains(&("Khaled Al-Maeena".to_owned(), "Saudi Gazette".to_owned())), "{works:?}");
    assert!(works.contains(&("Jane Miller".to_owned(), "Stanford University".to_owned())), "{works:?}");
}

#[test]
fn a_quote_from_someone_quotes_them() {
    let text = "Negligence\n\nI will begin with a quote from Lord Diplock, who wrote that a person who acts without \
                care does no wrong in law. In the words of Maria Lopez, the law must be clear.\n";
    let graph = graph_of(text, kgex::Language::En);
    let quoted = speakers(&graph);
    assert!(quoted.iter().any(|s| s.contains("Diplock")), "{quoted:?}");
}

#[test]
fn whom_something_was_told_is_no_speaker() {
    let text = "Hearing\n\nThis is only the story that you told Mr. Roberts. \"We will appeal,\" said Anna Keller.\n";
    let graph = graph_of(text, kgex::Language::En);
    let quoted = speakers(&graph);
    assert_eq!(quoted, ["Anna Keller"]);
}

#[test]
fn a_transcript_heading_names_its_speaker_and_a_short_form_stands_between_role_and_name() {
    let text = "Case 21-117\n\nWe will hear argument first. General Holm.\n\nORAL ARGUMENT OF GEN. ANNA B. HOLM ON BEHALF OF THE PETITIONERS\n\nThe states \
                lack standing. The director of the Northern Kalvia Trust (NKT), Jan Vogt, agreed.\n";
    let graph = graph_of(text, kgex::Language::En);
    let quoted = speakers(&graph);
    assert!(quoted.iter().any(|speaker| speaker.contains("HOLM") || speaker.contains("Holm")), "{quoted:?}");
    let works = relations_of(&graph, kgex::RelationKind::WorksAt);
    assert!(works.contains(&("Jan Vogt".to_owned(), "Northern Kalvia Trust".to_owned())), "{works:?}");
}

#[test]
fn a_sports_club_is_an_organisation_and_its_runner_belongs_to_it() {
    let text = "Titel\n\nRund 6.000 Teilnehmer wurden gezählt. Jonas Kerber von LC Hansa Lohne lief als Erster \
                ins Ziel.\n";
    let works = relations_in(text, kgex::Language::De, kgex::RelationKind::WorksAt);
    assert_eq!(works, [("Jonas Kerber".to_owned(), "LC Hansa Lohne".to_owned())], "{works:?}");
}

#[test]
fn two_people_of_one_organisation_both_work_there_and_neither_name_runs_into_it() {
    let text = "Interview\n\nMaria Ostrow and Daniel Reyes of Blue Harbor Games spoke to us about their plans.\n";
    let works = relations_in(text, kgex::Language::En, kgex::RelationKind::WorksAt);
    let of = |person: &str| (person.to_owned(), "Blue Harbor Games".to_owned());
    assert!(works.contains(&of("Maria Ostrow")) && works.contains(&of("Daniel Reyes")), "{works:?}");
}

#[test]
fn a_public_office_named_by_its_kind_is_an_organisation_in_the_town_its_adjective_names() {
    let text = "Titel\n\nIn Kiel wird gestritten. Das sei maßvoll, so Marta Lindqvist, die Leiterin der Kieler \
                Fachstelle für Jugendschutz.\n";
    let graph = graph_of(text, kgex::Language::De);
    let works = relations_of(&graph, kgex::RelationKind::WorksAt);
    let office = |org: &str| org.contains("Fachstelle für Jugendschutz");
    assert!(works.iter().any(|(person, org)| person == "Marta Lindqvist" && office(org)), "{works:?}");
    let located = relations_of(&graph, kgex::RelationKind::LocatedIn);
    assert!(located.iter().any(|(org, town)| office(org) && town == "Kiel"), "the town's adjective: {located:?}");
}

#[test]
fn a_german_place_in_the_genitive_before_an_organisation_holds_it() {
    let text = "Titel\n\nFrankreichs Atomkonzern Areva baut ein Werk. Die Behörde Papua-Neuguineas National \
                Maritime Safety Authority teilte mit, die Suche laufe.\n";
    let located = relations_in(text, kgex::Language::De, kgex::RelationKind::LocatedIn);
    assert!(located.contains(&("Areva".to_owned(), "Frankreich".to_owned())), "{located:?}");
    let authority = ("National Maritime Safety Authority".to_owned(), "Papua-Neuguinea".to_owned());
    assert!(located.contains(&authority), "{located:?}");
}

#[test]
fn a_role_may_take_general_after_it() {
    let text = "Title\n\nThe secretary general of the Northern Kalvia Trust, Jan Vogt, called it dangerous.\n";
    let works = relations_in(text, kgex::Language::En, kgex::RelationKind::WorksAt);
    assert!(works.contains(&("Jan Vogt".to_owned(), "Northern Kalvia Trust".to_owned())), "{works:?}");
}

#[test]
fn a_city_name_that_countries_share_lies_in_the_one_the_text_names() {
    let text = "Title\n\nThe festival moved to Sydney. Canada sent two bands from Ontario. Athens hosted it \
                before. Greece paid for that.\n";
    let located = relations_in(text, kgex::Language::En, kgex::RelationKind::LocatedIn);
    assert!(located.contains(&("Sydney".into(), "Canada".into())), "{located:?}");
    assert!(located.contains(&("Athens".into(), "Greece".into())), "{located:?}");
    assert!(located.contains(&("Ontario".into(), "Canada".into())), "a region, though a US city: {located:?}");
}

#[test]
fn german_plural_kind_words_name_every_firm_of_a_pair_and_its_seat() {
    let text = "Titel\n\nDie Firmen Halberg Textil und Halberg Druck mit Sitz in Bremen meldeten Verluste. \
                Im Stadtteil Ostmoor protestierten Anwohner.\n";
    let graph = graph_of(text, kgex::Language::De);
    let kind = |label: &str| graph.entities().find(|e| e.label == label).map(|e| e.kind);
    assert_eq!(kind("Halberg Textil"), Some(kgex::EntityKind::Organization));
    assert_eq!(kind("Halberg Druck"), Some(kgex::EntityKind::Organization));
    assert_eq!(kind("Ostmoor"), Some(kgex::EntityKind::Place));
    let located = relations_of(&graph, kgex::RelationKind::LocatedIn);
    assert!(located.contains(&("Halberg Textil".into(), "Bremen".into())), "{located:?}");
    assert!(located.contains(&("Halberg Druck".into(), "Bremen".into())), "{located:?}");
}

#[test]
fn a_product_named_after_its_maker_is_the_makers() {
    let text = "Titel\n\nOpel zeigte in Genf den Opel Ampera. Die SPD kam auf 45,6 Prozent.\n";
    let graph = graph_of(text, kgex::Language::De);
    let kind = |label: &str| graph.entities().find(|e| e.label == label).map(|e| e.kind);
    assert_eq!(kind("Opel Ampera"), Some(kgex::EntityKind::Product));
    assert!(!graph.entities().any(|e| e.label.starts_with("SPD ")), "a share is no model");
    let developed = relations_of(&graph, kgex::RelationKind::Developed);
    assert!(developed.contains(&("Opel".into(), "Opel Ampera".into())), "{developed:?}");
}

#[test]
fn a_government_spokesman_works_for_the_government_the_text_names() {
    let text =
        "Titel\n\nDie Bundesregierung zeigte sich bestürzt. Regierungssprecher Tom Kessler schrieb, man trauere. \
                Fraktionschefin Ida Lenz schwieg.\n";
    let works = relations_in(text, kgex::Language::De, kgex::RelationKind::WorksAt);
    assert_eq!(works, [("Tom Kessler".to_owned(), "Bundesregierung".to_owned())], "no Fraktion is named: {works:?}");
}

#[test]
fn a_german_colon_quote_is_of_the_last_person_before_the_colon() {
    let text = "Ballonfahrt\n\nÜber Steve Kessler sagte Tom Branner: „Steve muss mit ernsten Turbulenzen \
                zurechtkommen.“ Im Brief an Jacques Marot erklärt Ali Demir: „Sehr geehrter Herr Präsident, das \
                Gesetz ist falsch.“\n";
    let graph = graph_of(text, kgex::Language::De);
    let speakers = speakers(&graph);
    assert!(speakers.contains(&"Tom Branner".to_owned()) && speakers.contains(&"Ali Demir".to_owned()), "{speakers:?}");
    assert!(!speakers.iter().any(|s| s == "Steve Kessler" || s == "Jacques Marot"), "{speakers:?}");
}

#[test]
fn a_pronoun_takes_up_the_subject_of_a_life_after_a_quoted_poem() {
    let text = "Title\n\nGeorge Ashford was born in Leeds. George Ashford studied law in York. The poem reads: \
                Roses bloom. Winds blow. His friend Quill Hale was a poet. He said that the war was lost.\n";
    let graph = graph_of(text, kgex::Language::En);
    let speakers = speakers(&graph);
    assert_eq!(speakers, ["George Ashford"], "{speakers:?}");
}

#[test]
fn a_german_place_defined_as_a_kind_of_place_lies_in_the_place_named() {
    let text = "Reise\n\nDamit ist Uruguay das kleinste Land in Lateinamerika. Tarvik ist ein Dorf in Norwegen.\n";
    let located = relations_in(text, kgex::Language::De, kgex::RelationKind::LocatedIn);
    for pair in [("Uruguay", "Lateinamerika"), ("Tarvik", "Norwegen")] {
        assert!(located.contains(&(pair.0.to_owned(), pair.1.to_owned())), "{located:?}");
    }
}

#[test]
fn hiess_es_von_quotes_the_person_named_after_a_role() {
    let text = "Anschlag\n\nAlle Anzeichen deuteten auf einen Anschlag hin, hieß es vom Abgeordneten des Stadtrates \
                Jan Weber.\n";
    let graph = graph_of(text, kgex::Language::De);
    let speakers = speakers(&graph);
    assert!(speakers.contains(&"Jan Weber".to_owned()), "{speakers:?}");
}

#[test]
fn a_country_adjective_before_a_word_for_a_town_places_the_towns_named_next() {
    let text = "Angriff\n\nIn Beerscheba heulten die Sirenen. Am Montag wurden die israelischen Städte Askalon und \
                erstmals auch Beerscheba von Raketen getroffen. Israel kündigte eine Antwort an. In der \
                südungarischen Stadt Mohács blieb es ruhig, meldete Ungarn.\n";
    let graph = graph_of(text, kgex::Language::De);
    let located = relations_of(&graph, kgex::RelationKind::LocatedIn);
    for pair in [("Askalon", "Israel"), ("Beerscheba", "Israel"), ("Mohács", "Ungarn")] {
        assert!(located.contains(&(pair.0.to_owned(), pair.1.to_owned())), "{located:?}");
    }
    // `von Raketen` says what hit the town; it is no part of its name.
    let text = "Angriff\n\nAm Montag wurden die Städte Askalon und Beerscheba von Raketen getroffen.\n";
    let graph = graph_of(text, kgex::Language::De);
    let labels: Vec<&str> = graph.entities().map(|e| e.label.as_str()).collect();
    assert!(labels.contains(&"Beerscheba") && !labels.iter().any(|l| l.contains("Raketen")), "{labels:?}");
}

#[test]
fn a_role_in_the_genitive_before_its_body_and_a_name_gives_works_at() {
    let text = "Lage\n\nDie Lage ist nach Angaben des Sprechers des bayerischen Umweltministeriums, Roland Eichhorn, \
                ernst. Das Büro des Direktors der Deutschen Bank, Hans Meier, wurde durchsucht.\n";
    let works = relations_in(text, kgex::Language::De, kgex::RelationKind::WorksAt);
    for pair in [("Roland Eichhorn", "Umweltministerium"), ("Hans Meier", "Deutsche Bank")] {
        assert!(works.contains(&(pair.0.to_owned(), pair.1.to_owned())), "{works:?}");
    }
}

#[test]
fn a_role_further_after_was_and_a_second_role_after_and_give_works_at() {
    let text = "Wechsel\n\nLouis Gallois war vorher zehn Jahre lang Chef der französischen Staatsbahn SNCF. Unter den \
                Anwälten war der FDP-Politiker und ehemalige Bundesinnenminister Gerhart Baum.\n";
    let works = relations_in(text, kgex::Language::De, kgex::RelationKind::WorksAt);
    for pair in [("Louis Gallois", "SNCF"), ("Gerhart Baum", "FDP")] {
        assert!(works.contains(&(pair.0.to_owned(), pair.1.to_owned())), "{works:?}");
    }
    // Another name between the verb and the role is the one who holds it.
    let text = "Treffen\n\nLouis Gallois war mit Anna Berg, der Chefin der Deutschen Bahn, in Paris.\n";
    let works = relations_in(text, kgex::Language::De, kgex::RelationKind::WorksAt);
    assert!(!works.iter().any(|(person, _)| person == "Louis Gallois"), "{works:?}");
}

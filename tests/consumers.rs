//! Every export, of the seed graph and of graphs with hostile labels, is read
//! by the real consumers of its format, which see exactly what was written.

use proptest::prelude::*;

use crate::util::{self, graphs};
use kgex::ExportOptions;

#[test]
fn seed_exports_open_in_every_consumer() {
    let graph = util::seed_graph();
    assert!(graph.relation_count() > 0);
    util::assert_consumers_accept(&graph, &ExportOptions::default());
}

#[test]
fn hostile_labels_open_in_every_consumer() {
    util::assert_consumers_accept(&graphs::hostile_graph(), &ExportOptions::default());
}

#[test]
fn document_clusters_and_another_base_open_in_every_consumer() {
    let mut options = ExportOptions::with_base("http://example.org/kg#").unwrap();
    options.dot_clusters = true;
    util::assert_consumers_accept(&graphs::hostile_graph(), &options);
}

/// Pieces of labels: plain words, hostile fragments and any character.
fn label() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Za-zÄÖÜäöüß]{1,10}",
        proptest::sample::select(graphs::HOSTILE).prop_map(str::to_owned),
        any::<char>().prop_map(String::from),
        "[\\x00-\\x20\"'<>&\\\\]{1,4}",
    ];
    proptest::collection::vec(piece, 0..5).prop_map(|pieces| pieces.join(" "))
}

proptest! {
    // Each case starts the consumers (a second or two), so few cases run;
    // the hostile graph above covers every fragment on its own.
    #![proptest_config(ProptestConfig { cases: 6, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_graphs_open_in_every_consumer(
        labels in proptest::collection::vec(label(), 1..12),
        edges in proptest::collection::vec((0..20usize, 0..20usize, 0..7usize, label()), 0..20),
    ) {
        util::assert_consumers_accept(&graphs::generated_graph(&labels, &edges), &ExportOptions::default());
    }
}

/// A case the generated graphs found: a value that opens and closes with an
/// apostrophe, which a CSV reader guessing its quote character strips.
#[test]
fn a_value_between_apostrophes_opens_in_every_consumer() {
    let labels = ["Anna Berg".to_owned(), "Kiel".to_owned()];
    let graph = graphs::generated_graph(&labels, &[(0, 1, 0, "' ö <&> '".to_owned())]);
    util::assert_consumers_accept(&graph, &ExportOptions::default());
}

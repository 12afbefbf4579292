//! The integration tests: one binary, one module per area.

// Builders, the consumer harness and file helpers.
mod util;

// Every export is read by the real consumers of its format.
mod consumers;
// RDF parsed back equals what was written; JSON to JSON is exact.
mod roundtrip;
// The same input gives byte-identical files.
mod determinism;
// The command line: outputs, formats, exit codes.
mod cli;
// Bad input gets a clear error naming file and position, never a panic.
mod bad_input;
// schema/ agrees with the code, and its shapes can fail.
mod schema;
// The extractor on the seed article: real entities and relations with evidence.
mod pipeline;
// Extraction quality on the seed against its gold graph, English, user rules, NFC, --jobs, eval.
mod extraction;
// Names on short texts, one construction each.
mod names;
// Relations and sources on short texts, one construction each.
mod facts;
// The tagger: shipped models, repeatable training, broken models, the rule layer.
mod tagger;
// Shards that merge into what one run writes.
mod shards;
// --stream: JSON Lines a line at a time, a graph per document.
mod stream;
// The Spark runner in local mode gives the bytes of one run.
mod spark;
// Views: neighbourhoods, relations, kinds, mentions, the most connected.
mod views;
// SPARQL over graphs in an embedded Oxigraph store.
mod query;
// Quotes and speakers, the quote and relation evaluations, the gold sets' bars.
mod quotes;
// Cypher and Neo4j CSV exports loaded into Kùzu hold exactly the graph.
mod graph_databases;
// kgex push into a real SPARQL store: graphs, replacing, authentication, failures.
mod push;

//! `kgex query`: SPARQL 1.1 over graphs held in an in-memory Oxigraph store,
//! loaded from kgex JSON, any RDF export, or texts extracted on the fly.

use std::fs;
use std::io::{self, BufReader, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context};
use oxigraph::io::RdfFormat;
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

use super::args::{QueryArgs, ResultsArg};
use kgex::export::{for_each_quad, read_json};
use kgex::input::read_inputs;
use kgex::pipeline::{extract_all, Settings};
use kgex::{ExportOptions, KnowledgeGraph};

/// Loads every input, runs the query over the union of their graphs and
/// prints the results.
pub fn query(args: QueryArgs) -> anyhow::Result<ExitCode> {
    let (query, inputs) = args.arguments.split_last().expect("clap asks for two arguments or more");
    let store = Store::new()?;
    for input in inputs {
        load(&store, Path::new(input)).with_context(|| format!("cannot load '{input}'"))?;
    }
    let mut prepared = SparqlEvaluator::new().parse_query(query).context("invalid SPARQL query")?;
    // Each document's statements are in its own graph; the query sees them all.
    prepared.dataset_mut().set_default_graph_as_union();
    let results = prepared.on_store(&store).execute().context("the query failed")?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match (results, args.results) {
        (QueryResults::Solutions(solutions), ResultsArg::Table) => {
            let variables: Vec<String> = solutions.variables().iter().map(|v| v.as_str().to_owned()).collect();
            let mut rows = Vec::new();
            for solution in solutions {
                let solution = solution?;
                rows.push(variables.iter().map(|v| solution.get(v.as_str()).map_or(String::new(), show)).collect());
            }
            write_table(&mut out, &variables, &rows)?;
        }
        (QueryResults::Solutions(solutions), format) => {
            let serializer = QueryResultsSerializer::from_format(results_format(format));
            let mut writer = serializer.serialize_solutions_to_writer(&mut out, solutions.variables().to_vec())?;
            for solution in solutions {
                writer.serialize(&solution?)?;
            }
            writer.finish()?;
        }
        (QueryResults::Boolean(value), ResultsArg::Table) => writeln!(out, "{value}")?,
        (QueryResults::Boolean(value), format) => {
            QueryResultsSerializer::from_format(results_format(format)).serialize_boolean_to_writer(&mut out, value)?;
        }
        (QueryResults::Graph(triples), _) => {
            for triple in triples {
                writeln!(out, "{} .", triple?)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// A kgex JSON graph, an RDF file (by its extension), or texts to extract.
pub(super) fn load(store: &Store, path: &Path) -> anyhow::Result<()> {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if extension == "json" {
        let bytes = fs::read(path)?;
        let (graph, base) = read_json(path, &bytes)?;
        return insert(store, &graph, &ExportOptions::with_base(&base).map_err(anyhow::Error::msg)?);
    }
    if let Some(format) = RdfFormat::from_extension(extension) {
        store.load_from_reader(format, BufReader::new(fs::File::open(path)?))?;
        return Ok(());
    }
    let mut documents = Vec::new();
    for result in read_inputs(&[path.to_owned()], None) {
        documents.push(result?);
    }
    if documents.is_empty() {
        bail!("no document");
    }
    insert(store, &extract_all(&documents, &Settings::default()).graph, &ExportOptions::default())
}

fn insert(store: &Store, graph: &KnowledgeGraph, options: &ExportOptions) -> anyhow::Result<()> {
    let mut failure = None;
    for_each_quad(graph, options, true, |quad| {
        if let Err(error) = store.insert(quad) {
            failure.get_or_insert(error);
        }
        Ok(())
    })?;
    failure.map_or(Ok(()), |error| Err(error.into()))
}

fn results_format(format: ResultsArg) -> QueryResultsFormat {
    match format {
        ResultsArg::Csv => QueryResultsFormat::Csv,
        ResultsArg::Tsv => QueryResultsFormat::Tsv,
        ResultsArg::Json | ResultsArg::Table => QueryResultsFormat::Json,
    }
}

/// A term as a reader wants it in a table: the text of a literal, an IRI
/// in angle brackets.
fn show(term: &Term) -> String {
    match term {
        Term::Literal(literal) => literal.value().to_owned(),
        Term::NamedNode(node) => format!("<{}>", node.as_str()),
        other => other.to_string(),
    }
}

fn write_table(out: &mut impl Write, header: &[String], rows: &[Vec<String>]) -> io::Result<()> {
    let width =
        |c: usize| rows.iter().map(|r| r[c].chars().count()).chain([header[c].chars().count()]).max().unwrap_or(0);
    let widths: Vec<usize> = (0..header.len()).map(width).collect();
    let line = |cells: &[String]| -> String {
        let padded: Vec<String> = cells.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect();
        padded.join("  ").trim_end().to_owned()
    };
    writeln!(out, "{}", line(header))?;
    writeln!(out, "{}", line(&widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>()))?;
    for row in rows {
        writeln!(out, "{}", line(row))?;
    }
    writeln!(out, "({} row{})", rows.len(), if rows.len() == 1 { "" } else { "s" })
}

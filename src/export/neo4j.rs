//! A folder of CSV files in the layout of `neo4j-admin database import`:
//! one node file per label, one relationship file per type, and a README
//! with the command that imports them.
//!
//! Headers follow the import tool's rules: `iri:ID` (the IRI is the node's
//! id and is also kept as its `iri` property), `:LABEL`, `:START_ID`,
//! `:END_ID`, `:TYPE`, and `name:type` for typed properties. An absent value
//! is an empty field, which the tool skips. Lists are joined by U+001F, the
//! ASCII unit separator, which no text carries (it is among the control
//! characters removed from every value); `--array-delimiter` says so.

use std::collections::btree_map::{BTreeMap, Entry};
use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use super::property_graph::{
    node_label, node_values, relationship_type, relationship_values, Property, PropertyType, Value, NODE_PROPERTIES,
    RELATIONSHIP_PROPERTIES,
};
use super::ExportOptions;
use crate::entities::EntityKind;
use crate::graph::KnowledgeGraph;

/// The list separator inside one field.
pub const ARRAY_DELIMITER: char = '\u{1F}';

type CsvWriter = csv::Writer<BufWriter<File>>;

/// Writes `graph` as CSV files and a README.md into `folder`, which exists.
pub fn write_neo4j(graph: &KnowledgeGraph, options: &ExportOptions, folder: &Path) -> io::Result<()> {
    let node_files = write_node_files(graph, &options.base, folder)?;
    let relationship_files = write_relationship_files(graph, &options.base, folder)?;
    let mut readme = BufWriter::new(File::create(folder.join("README.md"))?);
    readme.write_all(import_readme(&node_files, &relationship_files).as_bytes())?;
    readme.flush()
}

fn create_csv(folder: &Path, name: &str, header: &[String]) -> io::Result<CsvWriter> {
    let file = BufWriter::new(File::create(folder.join(name))?);
    let mut csv = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(file);
    csv.write_record(header)?;
    Ok(csv)
}

fn header(fixed: &[&str], properties: &[Property]) -> Vec<String> {
    let typed = properties.iter().map(|property| match property.kind {
        PropertyType::Text => property.name.to_owned(),
        PropertyType::TextList => format!("{}:string[]", property.name),
        PropertyType::Int => format!("{}:int", property.name),
        PropertyType::Float => format!("{}:float", property.name),
        PropertyType::Bool => format!("{}:boolean", property.name),
    });
    fixed.iter().map(|name| (*name).to_owned()).chain(typed).collect()
}

/// One file per label, in the fixed order of kinds; returns the file names.
fn write_node_files(graph: &KnowledgeGraph, base: &str, folder: &Path) -> io::Result<Vec<String>> {
    let header = header(&["iri:ID", ":LABEL"], &NODE_PROPERTIES[1..]);
    let mut files: BTreeMap<EntityKind, (String, CsvWriter)> = BTreeMap::new();
    let mut record = Vec::new();
    for entity in graph.entities() {
        let (_, csv) = match files.entry(entity.kind) {
            Entry::Occupied(entry) => entry.into_mut(),
            Entry::Vacant(entry) => {
                let name = format!("nodes-{}.csv", node_label(entity.kind));
                let csv = create_csv(folder, &name, &header)?;
                entry.insert((name, csv))
            }
        };
        let iri = entity.id.iri(base);
        let values = node_values(entity, &iri);
        // The id column is the `iri` property; the label follows it.
        record.clear();
        record.push(field(&values[0]));
        record.push(node_label(entity.kind).to_owned());
        record.extend(values[1..].iter().map(field));
        csv.write_record(&record)?;
    }
    finish(files.into_values())
}

/// One file per relationship type, in the order types first occur.
fn write_relationship_files(graph: &KnowledgeGraph, base: &str, folder: &Path) -> io::Result<Vec<String>> {
    let header = header(&[":START_ID", ":END_ID", ":TYPE"], &RELATIONSHIP_PROPERTIES);
    let mut files: Vec<(String, CsvWriter)> = Vec::new();
    let mut record = Vec::new();
    for edge in graph.relations() {
        let rel_type = relationship_type(&edge.relation.kind);
        let name = format!("relationships-{rel_type}.csv");
        let index = match files.iter().position(|(file, _)| *file == name) {
            Some(index) => index,
            None => {
                let csv = create_csv(folder, &name, &header)?;
                files.push((name, csv));
                files.len() - 1
            }
        };
        record.clear();
        record.extend([edge.subject.id.iri(base), edge.object.id.iri(base), rel_type]);
        record.extend(relationship_values(&edge)?.iter().map(field));
        files[index].1.write_record(&record)?;
    }
    finish(files)
}

fn finish(files: impl IntoIterator<Item = (String, CsvWriter)>) -> io::Result<Vec<String>> {
    let mut names = Vec::new();
    for (name, mut csv) in files {
        csv.flush()?;
        names.push(name);
    }
    Ok(names)
}

/// A value as a CSV field: empty when absent.
fn field(value: &Option<Value<'_>>) -> String {
    match value {
        None => String::new(),
        Some(Value::Text(text)) => text.to_string(),
        Some(Value::TextList(texts)) => texts.join(&ARRAY_DELIMITER.to_string()),
        Some(Value::Int(number)) => number.to_string(),
        Some(Value::Float(number)) => format!("{number:?}"),
        Some(Value::Bool(flag)) => flag.to_string(),
    }
}

fn import_readme(node_files: &[String], relationship_files: &[String]) -> String {
    let mut command = String::from(
        "neo4j-admin database import full neo4j --overwrite-destination \\\n    \
         --array-delimiter=U+001F --multiline-fields=true",
    );
    for name in node_files {
        write!(command, " \\\n    --nodes={name}").expect("writing to a String cannot fail");
    }
    for name in relationship_files {
        write!(command, " \\\n    --relationships={name}").expect("writing to a String cannot fail");
    }
    format!(
        "# A kgex knowledge graph for Neo4j\n\n\
         CSV files in the header format of `neo4j-admin database import`: one file of nodes per\n\
         label, one file of relationships per type. Every node's id is its IRI, also kept as the\n\
         property `iri`. Lists (`aliases`, `evidence`, `rules`) are joined by the character U+001F.\n\n\
         Stop the database, then import from this folder (this replaces the database `neo4j`):\n\n\
         ```sh\n{command}\n```\n\n\
         To add the graph to a database that is running, use the Cypher script of\n\
         `kgex convert GRAPH -f cypher` instead: it merges nodes on their IRI.\n"
    )
}

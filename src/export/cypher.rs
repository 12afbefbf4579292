//! openCypher scripts that load the graph into Neo4j, Memgraph or Kùzu.
//!
//! The script is idempotent: every node is `MERGE`d on its IRI and every
//! relationship on its two ends and type (the graph holds one edge per
//! subject, type and object), then its properties are `SET`. Rows go in
//! batches through `UNWIND` over literal lists of maps. Only the schema
//! statements differ between dialects: Neo4j 5 and Memgraph write a
//! uniqueness constraint per label in their own syntax, Kùzu needs its node
//! and relationship tables declared.
//!
//! Kùzu infers one struct type per list, so a list may mix neither absent
//! (`NULL`) and present values nor empty and full lists: rows are grouped
//! by label (or type and end labels) and by which properties they have.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

use super::property_graph::{
    node_label, node_values, relationship_type, relationship_values, Property, PropertyType, Value, NODE_PROPERTIES,
    RELATIONSHIP_PROPERTIES,
};
use super::ExportOptions;
use crate::entities::EntityKind;
use crate::graph::KnowledgeGraph;
use crate::relations::RelationKind;

/// Rows per `UNWIND` statement: large enough to load fast, small enough for
/// every server's default statement size.
const BATCH: usize = 500;

/// Which database the schema statements are written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CypherDialect {
    /// Neo4j 5: `CREATE CONSTRAINT … IF NOT EXISTS FOR … REQUIRE … IS UNIQUE`.
    #[default]
    Neo4j,
    /// Memgraph: `CREATE CONSTRAINT ON … ASSERT … IS UNIQUE`.
    Memgraph,
    /// Kùzu: `CREATE NODE TABLE` and `CREATE REL TABLE … IF NOT EXISTS`.
    Kuzu,
}

impl CypherDialect {
    /// Every dialect, in the order `--help` lists them.
    pub const ALL: [CypherDialect; 3] = [CypherDialect::Neo4j, CypherDialect::Memgraph, CypherDialect::Kuzu];

    /// The name on the command line.
    pub const fn name(self) -> &'static str {
        match self {
            CypherDialect::Neo4j => "neo4j",
            CypherDialect::Memgraph => "memgraph",
            CypherDialect::Kuzu => "kuzu",
        }
    }
}

impl fmt::Display for CypherDialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for CypherDialect {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let lower = name.to_ascii_lowercase();
        CypherDialect::ALL
            .into_iter()
            .find(|dialect| dialect.name() == lower || (lower == "kùzu" && *dialect == CypherDialect::Kuzu))
            .ok_or_else(|| format!("unknown Cypher dialect '{name}' (expected neo4j, memgraph or kuzu)"))
    }
}

/// Writes `graph` as an openCypher script in `options.cypher_dialect`.
pub fn write_cypher(graph: &KnowledgeGraph, options: &ExportOptions, mut writer: impl Write) -> io::Result<()> {
    let dialect = options.cypher_dialect;
    writeln!(writer, "// A kgex knowledge graph for {dialect}. Running it again changes nothing.")?;
    write_schema(graph, dialect, &mut writer)?;
    write_nodes(graph, &options.base, &mut writer)?;
    write_relationships(graph, &options.base, &mut writer)
}

fn write_schema(graph: &KnowledgeGraph, dialect: CypherDialect, writer: &mut impl Write) -> io::Result<()> {
    for kind in EntityKind::ALL {
        let label = node_label(kind);
        match dialect {
            CypherDialect::Neo4j => writeln!(
                writer,
                "CREATE CONSTRAINT {}_iri IF NOT EXISTS FOR (n:{label}) REQUIRE n.iri IS UNIQUE;",
                kind.id_segment()
            )?,
            CypherDialect::Memgraph => writeln!(writer, "CREATE CONSTRAINT ON (n:{label}) ASSERT n.iri IS UNIQUE;")?,
            CypherDialect::Kuzu => {
                write!(writer, "CREATE NODE TABLE IF NOT EXISTS {label}(iri STRING PRIMARY KEY")?;
                write_columns(&NODE_PROPERTIES[1..], writer)?;
                writeln!(writer, ");")?;
            }
        }
    }
    if dialect == CypherDialect::Kuzu {
        write_relationship_tables(graph, writer)?;
    }
    Ok(())
}

/// A table per relation type, built in or used by the graph, between every
/// two labels: so the scripts of different graphs declare compatible tables
/// and can load into one database.
fn write_relationship_tables(graph: &KnowledgeGraph, writer: &mut impl Write) -> io::Result<()> {
    let mut kinds: Vec<RelationKind> = RelationKind::BUILT_IN.to_vec();
    for edge in graph.relations() {
        if !kinds.contains(&edge.relation.kind) {
            kinds.push(edge.relation.kind.clone());
        }
    }
    for kind in &kinds {
        write!(writer, "CREATE REL TABLE IF NOT EXISTS {}(", relationship_type(kind))?;
        for (index, (from, to)) in EntityKind::ALL.iter().flat_map(|a| EntityKind::ALL.map(|b| (a, b))).enumerate() {
            let separator = if index == 0 { "" } else { ", " };
            write!(writer, "{separator}FROM {} TO {}", node_label(*from), node_label(to))?;
        }
        write_columns(&RELATIONSHIP_PROPERTIES, writer)?;
        writeln!(writer, ");")?;
    }
    Ok(())
}

fn write_columns(properties: &[Property], writer: &mut impl Write) -> io::Result<()> {
    for property in properties {
        let column_type = match property.kind {
            PropertyType::Text => "STRING",
            PropertyType::TextList => "STRING[]",
            PropertyType::Int => "INT64",
            PropertyType::Float => "DOUBLE",
            PropertyType::Bool => "BOOLEAN",
        };
        write!(writer, ", {} {column_type}", property.name)?;
    }
    Ok(())
}

/// Rows waiting for their statement, by shape (label or type and end labels,
/// and the present properties as a bit mask). A shape's rows go out as soon
/// as they fill a batch, so memory holds at most a batch per shape, not the
/// whole script; the last, partly filled batches follow in shape order.
struct Batches<K> {
    waiting: BTreeMap<(K, u32), Vec<String>>,
}

impl<K: Ord + Clone> Batches<K> {
    fn new() -> Self {
        Self { waiting: BTreeMap::new() }
    }

    fn push(
        &mut self,
        shape: (K, u32),
        row: String,
        flush: &mut impl FnMut(&(K, u32), &[String]) -> io::Result<()>,
    ) -> io::Result<()> {
        let rows = self.waiting.entry(shape.clone()).or_default();
        rows.push(row);
        if rows.len() == BATCH {
            flush(&shape, rows)?;
            rows.clear();
        }
        Ok(())
    }

    fn finish(self, flush: &mut impl FnMut(&(K, u32), &[String]) -> io::Result<()>) -> io::Result<()> {
        self.waiting.iter().filter(|(_, rows)| !rows.is_empty()).try_for_each(|(shape, rows)| flush(shape, rows))
    }
}

fn write_nodes(graph: &KnowledgeGraph, base: &str, writer: &mut impl Write) -> io::Result<()> {
    let mut flush = |(kind, mask): &(EntityKind, u32), rows: &[String]| {
        write_unwind(rows, writer)?;
        let set = set_clause("n", &NODE_PROPERTIES[1..], mask >> 1);
        writeln!(writer, "MERGE (n:{} {{iri: row.iri}}){set};", node_label(*kind))
    };
    let mut batches = Batches::new();
    for entity in graph.entities() {
        let iri = entity.id.iri(base);
        let (mask, row) = row(&NODE_PROPERTIES, &node_values(entity, &iri), &[]);
        batches.push((entity.kind, mask), row, &mut flush)?;
    }
    batches.finish(&mut flush)
}

fn write_relationships(graph: &KnowledgeGraph, base: &str, writer: &mut impl Write) -> io::Result<()> {
    let mut flush = |((rel_type, from, to), mask): &((String, EntityKind, EntityKind), u32), rows: &[String]| {
        write_unwind(rows, writer)?;
        let set = set_clause("r", &RELATIONSHIP_PROPERTIES, *mask);
        let (from, to) = (node_label(*from), node_label(*to));
        writeln!(writer, "MATCH (a:{from} {{iri: row.from_iri}}), (b:{to} {{iri: row.to_iri}})")?;
        writeln!(writer, "MERGE (a)-[r:{rel_type}]->(b){set};")
    };
    let mut batches = Batches::new();
    for edge in graph.relations() {
        let ends = [("from_iri", edge.subject.id.iri(base)), ("to_iri", edge.object.id.iri(base))];
        let (mask, row) = row(&RELATIONSHIP_PROPERTIES, &relationship_values(&edge)?, &ends);
        let shape = (relationship_type(&edge.relation.kind), edge.subject.kind, edge.object.kind);
        batches.push((shape, mask), row, &mut flush)?;
    }
    batches.finish(&mut flush)
}

fn write_unwind(rows: &[String], writer: &mut impl Write) -> io::Result<()> {
    writeln!(writer, "UNWIND [")?;
    for (index, row) in rows.iter().enumerate() {
        let separator = if index + 1 < rows.len() { "," } else { "" };
        writeln!(writer, "  {row}{separator}")?;
    }
    writeln!(writer, "] AS row")
}

/// A map literal of `ends` and the present `values`, and the mask of which
/// properties are present (bit i for `properties[i]`).
fn row(properties: &[Property], values: &[Option<Value<'_>>], ends: &[(&str, String)]) -> (u32, String) {
    let mut row = String::from("{");
    let mut mask = 0;
    for (name, iri) in ends {
        push_entry(&mut row, name, &Value::Text(iri.into()));
    }
    for (index, value) in values.iter().enumerate() {
        if let Some(value) = value {
            push_entry(&mut row, properties[index].name, value);
            mask |= 1 << index;
        }
    }
    row.push('}');
    (mask, row)
}

fn push_entry(row: &mut String, name: &str, value: &Value<'_>) {
    if row.len() > 1 {
        row.push_str(", ");
    }
    row.push_str(name);
    row.push_str(": ");
    push_value(row, value);
}

fn push_value(row: &mut String, value: &Value<'_>) {
    match value {
        Value::Text(text) => push_string(row, text),
        Value::TextList(texts) => {
            row.push('[');
            for (index, text) in texts.iter().enumerate() {
                if index > 0 {
                    row.push_str(", ");
                }
                push_string(row, text);
            }
            row.push(']');
        }
        Value::Int(number) => row.push_str(&number.to_string()),
        // Debug formatting always has a decimal point: `1.0`, never `1`,
        // which Kùzu would read as an integer.
        Value::Float(number) => row.push_str(&format!("{number:?}")),
        Value::Bool(flag) => row.push_str(if *flag { "true" } else { "false" }),
    }
}

/// A string literal in single quotes. Only the quote and the backslash are
/// escaped: Kùzu reads no other escape sequence (`\n` would become `n`),
/// and every dialect takes line breaks and tabs inside a literal as they are.
fn push_string(row: &mut String, text: &str) {
    row.push('\'');
    for c in text.chars() {
        if matches!(c, '\'' | '\\') {
            row.push('\\');
        }
        row.push(c);
    }
    row.push('\'');
}

/// ` SET n.label = row.label, …` for the properties in `mask`; empty when
/// there are none.
fn set_clause(variable: &str, properties: &[Property], mask: u32) -> String {
    let mut clause = String::new();
    for (_, property) in properties.iter().enumerate().filter(|(index, _)| mask & (1 << index) != 0) {
        clause.push_str(if clause.is_empty() { "\nSET " } else { ", " });
        clause.push_str(variable);
        clause.push('.');
        clause.push_str(property.name);
        clause.push_str(" = row.");
        clause.push_str(property.name);
    }
    clause
}

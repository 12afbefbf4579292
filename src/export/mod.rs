//! Exporters: one function per format over the finished graph, each writing
//! to `impl Write`. Output is deterministic: nodes and edges go out in graph
//! order and every attribute in a fixed order.

mod cypher;
mod dot;
mod graphml;
pub mod json;
mod neo4j;
mod pretty;
pub mod property_graph;
mod rdf;
mod xml_text;

use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

pub use self::cypher::{write_cypher, CypherDialect};
pub use self::dot::{escape_dot_string, write_dot};
pub use self::graphml::write_graphml;
pub use self::json::{read_json, write_json, write_json_line};
pub use self::neo4j::{write_neo4j, ARRAY_DELIMITER};
pub use self::rdf::{for_each_quad, write_rdf, RdfSyntax};
pub use self::xml_text::remove_xml_forbidden;

use crate::graph::KnowledgeGraph;
use crate::vocab;

/// Every output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExportFormat {
    /// RDF 1.1 Turtle.
    Turtle,
    /// RDF 1.1 N-Triples.
    NTriples,
    /// RDF 1.1 N-Quads, one named graph per document.
    NQuads,
    /// RDF 1.1 TriG, one named graph per document.
    TriG,
    /// RDF/XML.
    RdfXml,
    /// JSON-LD 1.1, one named graph per document.
    JsonLd,
    /// GraphML, for Gephi, yEd, NetworkX and igraph.
    GraphMl,
    /// Graphviz DOT.
    Dot,
    /// Node-link JSON, kgex's own lossless format.
    Json,
    /// An openCypher script for Neo4j, Memgraph or Kùzu.
    Cypher,
    /// A folder of CSV files for `neo4j-admin database import`.
    Neo4j,
}

impl ExportFormat {
    /// Every format, in the order `kgex formats` lists them.
    pub const ALL: [ExportFormat; 11] = [
        ExportFormat::Turtle,
        ExportFormat::NTriples,
        ExportFormat::NQuads,
        ExportFormat::TriG,
        ExportFormat::RdfXml,
        ExportFormat::JsonLd,
        ExportFormat::GraphMl,
        ExportFormat::Dot,
        ExportFormat::Json,
        ExportFormat::Cypher,
        ExportFormat::Neo4j,
    ];

    /// The name used on the command line: `turtle`, `graphml`, ...
    pub const fn name(self) -> &'static str {
        match self {
            ExportFormat::Turtle => "turtle",
            ExportFormat::NTriples => "ntriples",
            ExportFormat::NQuads => "nquads",
            ExportFormat::TriG => "trig",
            ExportFormat::RdfXml => "rdfxml",
            ExportFormat::JsonLd => "jsonld",
            ExportFormat::GraphMl => "graphml",
            ExportFormat::Dot => "dot",
            ExportFormat::Json => "json",
            ExportFormat::Cypher => "cypher",
            ExportFormat::Neo4j => "neo4j",
        }
    }

    /// The usual file extension, without the dot.
    pub const fn file_extension(self) -> &'static str {
        match self {
            ExportFormat::Turtle => "ttl",
            ExportFormat::NTriples => "nt",
            ExportFormat::NQuads => "nq",
            ExportFormat::TriG => "trig",
            ExportFormat::RdfXml => "rdf",
            ExportFormat::JsonLd => "jsonld",
            ExportFormat::GraphMl => "graphml",
            ExportFormat::Dot => "dot",
            ExportFormat::Json => "json",
            ExportFormat::Cypher => "cypher",
            ExportFormat::Neo4j => "neo4j",
        }
    }

    /// The IANA media type; Cypher has none registered, and the Neo4j
    /// format is a folder of CSV files.
    pub const fn media_type(self) -> &'static str {
        match self {
            ExportFormat::Turtle => "text/turtle",
            ExportFormat::NTriples => "application/n-triples",
            ExportFormat::NQuads => "application/n-quads",
            ExportFormat::TriG => "application/trig",
            ExportFormat::RdfXml => "application/rdf+xml",
            ExportFormat::JsonLd => "application/ld+json",
            ExportFormat::GraphMl => "application/graphml+xml",
            ExportFormat::Dot => "text/vnd.graphviz",
            ExportFormat::Json => "application/json",
            ExportFormat::Cypher => "application/x-cypher-query",
            ExportFormat::Neo4j => "text/csv",
        }
    }

    /// The format a file extension stands for (`ttl`, `gv`, `xml`, ...).
    pub fn from_extension(extension: &str) -> Option<Self> {
        let extension = extension.to_ascii_lowercase();
        let aliases = [
            ("gv", ExportFormat::Dot),
            ("turtle", ExportFormat::Turtle),
            ("owl", ExportFormat::RdfXml),
            ("xml", ExportFormat::RdfXml),
        ];
        ExportFormat::ALL
            .into_iter()
            .find(|format| format.file_extension() == extension)
            .or_else(|| aliases.into_iter().find(|(alias, _)| *alias == extension).map(|(_, format)| format))
    }

    /// The RDF syntax, for the RDF formats.
    pub const fn rdf_syntax(self) -> Option<RdfSyntax> {
        match self {
            ExportFormat::Turtle => Some(RdfSyntax::Turtle),
            ExportFormat::NTriples => Some(RdfSyntax::NTriples),
            ExportFormat::NQuads => Some(RdfSyntax::NQuads),
            ExportFormat::TriG => Some(RdfSyntax::TriG),
            ExportFormat::RdfXml => Some(RdfSyntax::RdfXml),
            ExportFormat::JsonLd => Some(RdfSyntax::JsonLd),
            ExportFormat::GraphMl
            | ExportFormat::Dot
            | ExportFormat::Json
            | ExportFormat::Cypher
            | ExportFormat::Neo4j => None,
        }
    }

    /// Whether the format is a folder of files ([`write_neo4j`]) rather than
    /// one stream ([`export`]).
    pub const fn writes_folder(self) -> bool {
        matches!(self, ExportFormat::Neo4j)
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ExportFormat {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let lower = name.to_ascii_lowercase();
        ExportFormat::ALL
            .into_iter()
            .find(|format| format.name() == lower)
            .or_else(|| ExportFormat::from_extension(&lower))
            .ok_or_else(|| {
                let names: Vec<_> = ExportFormat::ALL.iter().map(|f| f.name()).collect();
                format!("unknown format '{name}' (expected one of {})", names.join(", "))
            })
    }
}

/// Options shared by the exporters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// Base of entity IRIs; ends with `/` or `#`.
    pub base: String,
    /// DOT: draw one cluster per document.
    pub dot_clusters: bool,
    /// Cypher: the database the schema statements are for.
    pub cypher_dialect: CypherDialect,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self { base: vocab::DEFAULT_BASE.to_owned(), dot_clusters: false, cypher_dialect: CypherDialect::default() }
    }
}

impl ExportOptions {
    /// Options with `base` as IRI base, checked: it must be an absolute IRI
    /// ending in `/` or `#`.
    pub fn with_base(base: &str) -> Result<Self, String> {
        oxrdf::NamedNode::new(format!("{base}x")).map_err(|error| format!("invalid base IRI '{base}': {error}"))?;
        if !base.ends_with(['/', '#']) {
            return Err(format!("invalid base IRI '{base}': it must end with '/' or '#'"));
        }
        Ok(Self { base: base.to_owned(), ..Self::default() })
    }
}

/// Writes `graph` in `format` to `writer`. The caller flushes. A folder
/// format is refused with `InvalidInput`: [`write_neo4j`] writes it.
pub fn export(
    graph: &KnowledgeGraph,
    format: ExportFormat,
    options: &ExportOptions,
    writer: impl Write,
) -> io::Result<()> {
    buffered(writer, |writer| match format {
        ExportFormat::Turtle => write_rdf(graph, RdfSyntax::Turtle, options, writer),
        ExportFormat::NTriples => write_rdf(graph, RdfSyntax::NTriples, options, writer),
        ExportFormat::NQuads => write_rdf(graph, RdfSyntax::NQuads, options, writer),
        ExportFormat::TriG => write_rdf(graph, RdfSyntax::TriG, options, writer),
        ExportFormat::RdfXml => write_rdf(graph, RdfSyntax::RdfXml, options, writer),
        ExportFormat::JsonLd => write_rdf(graph, RdfSyntax::JsonLd, options, writer),
        ExportFormat::GraphMl => write_graphml(graph, options, writer),
        ExportFormat::Dot => write_dot(graph, options, writer),
        ExportFormat::Json => write_json(graph, options, writer),
        ExportFormat::Cypher => write_cypher(graph, options, writer),
        ExportFormat::Neo4j => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the neo4j format is a folder of CSV files, not one stream",
        )),
    })
}

/// Runs `write` on a buffer in front of `writer` and hands on what it
/// holds, without flushing `writer` (its owner does). The writers make many
/// small writes; into a buffer of a known type they are copies the compiler
/// inlines, where a caller's `dyn Write` made each a call (a quarter of the
/// time of a large JSON export).
fn buffered<W: Write>(writer: W, write: impl FnOnce(&mut io::BufWriter<W>) -> io::Result<()>) -> io::Result<()> {
    let mut buffer = io::BufWriter::with_capacity(1 << 16, writer);
    write(&mut buffer)?;
    buffer.into_inner().map(drop).map_err(io::IntoInnerError::into_error)
}

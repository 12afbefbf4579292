//! kgex turns news text into a knowledge graph in which every fact carries the
//! evidence it came from, and exports it as RDF, GraphML, Graphviz DOT and JSON.
//!
//! The modules are listed in pipeline order; a stage uses only earlier stages:
//! input → text → entities → relations → graph → export.
//!
//! ```
//! use kgex::{export, pipeline, ExportFormat, ExportOptions, Language};
//!
//! let text = "Anna Schmidt, Professorin an der Universität Bonn, sagt: \"Das ist neu.\"";
//! let document = kgex::Document::from_text("note", text, Language::De);
//! let graph = pipeline::extract_all(&[document], &pipeline::Settings::default()).graph;
//! let mut turtle = Vec::new();
//! export::export(&graph, ExportFormat::Turtle, &ExportOptions::default(), &mut turtle)?;
//! assert!(String::from_utf8(turtle)?.contains("Anna Schmidt"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![warn(missing_docs)]

pub mod entities;
pub mod error;
pub mod export;
pub mod graph;
pub mod input;
pub mod pipeline;
pub mod relations;
pub mod text;
pub mod vocab;

pub use crate::entities::EntityKind;
pub use crate::error::{Error, SourcePosition};
pub use crate::export::{ExportFormat, ExportOptions};
pub use crate::graph::{Entity, EntityId, Evidence, KnowledgeGraph, Relation};
pub use crate::input::{Document, Language};
pub use crate::relations::RelationKind;

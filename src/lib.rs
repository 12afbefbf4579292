//! kgex turns news text into a knowledge graph in which every fact carries the
//! evidence it came from. The modules are listed in pipeline order; a stage
//! uses only earlier stages: input → text → entities → relations → graph →
//! export, then the pipeline that runs them and the evaluation that scores them.
#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

pub mod error;
pub mod input;
pub mod text;
pub mod entities;
pub mod relations;
pub mod graph;
pub mod vocab;
pub mod export;
pub mod pipeline;
pub mod eval;

pub use crate::entities::EntityKind;
pub use crate::error::{Error, SourcePosition};
pub use crate::export::{ExportFormat, ExportOptions};
pub use crate::graph::{Entity, EntityId, Evidence, KnowledgeGraph, Relation};
pub use crate::input::{Document, Language};
pub use crate::relations::RelationKind;

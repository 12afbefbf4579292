//! The view options (`--around`, `--relations`, `--kinds`, `--min-mentions`,
//! `--top`) read into a [`View`] and applied to a graph before it is written.

use anyhow::Context;

use super::args::ViewArgs;
use kgex::graph::View;
use kgex::{EntityKind, KnowledgeGraph, RelationKind};

/// The view the options ask for; a kind or relation name that does not
/// exist is a usage error naming it.
pub fn view_of(args: &ViewArgs) -> anyhow::Result<View> {
    let relations = args
        .relations
        .iter()
        .map(|name| name.trim().parse::<RelationKind>().map_err(anyhow::Error::msg))
        .collect::<anyhow::Result<_>>()
        .context("--relations")?;
    let kinds = args
        .kinds
        .iter()
        .map(|name| name.trim().parse::<EntityKind>().map_err(anyhow::Error::msg))
        .collect::<anyhow::Result<_>>()
        .context("--kinds")?;
    Ok(View {
        around: args.around.clone(),
        depth: args.depth,
        relations,
        kinds,
        min_mentions: args.min_mentions,
        top: args.top,
    })
}

/// `graph` cut to the view the options ask for (the graph itself when they
/// ask for none).
pub fn cut(graph: KnowledgeGraph, args: &ViewArgs, base: &str) -> anyhow::Result<KnowledgeGraph> {
    let view = view_of(args)?;
    if view.is_whole() {
        return Ok(graph);
    }
    view.apply(&graph, base).map_err(anyhow::Error::msg)
}

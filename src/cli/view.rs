//! The view options (`--around`, `--relations`, `--kinds`, `--min-mentions`,
//! `--top`) read into a [`View`] and applied to a graph before it is written.

use std::str::FromStr;

use anyhow::Context;

use super::args::ViewArgs;
use kgex::graph::View;
use kgex::{EntityKind, KnowledgeGraph, RelationKind};

/// The view the options ask for; a kind or relation name that does not
/// exist is a usage error naming it.
pub fn view_of(args: &ViewArgs) -> anyhow::Result<View> {
    let relations = parse_all::<RelationKind>(&args.relations).context("--relations")?;
    let kinds = parse_all::<EntityKind>(&args.kinds).context("--kinds")?;
    Ok(View {
        around: args.around.clone(),
        depth: args.depth,
        relations,
        kinds,
        min_mentions: args.min_mentions,
        top: args.top,
    })
}

fn parse_all<T: FromStr<Err = String>>(names: &[String]) -> anyhow::Result<Vec<T>> {
    names.iter().map(|name| name.trim().parse::<T>().map_err(anyhow::Error::msg)).collect()
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

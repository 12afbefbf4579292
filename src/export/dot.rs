//! Graphviz DOT, written by hand because petgraph's `Dot` does not escape
//! attribute values. Nodes are styled by kind with a legend, `met-with` has
//! no arrowheads, evidence is the edge tooltip, and documents can be drawn
//! as clusters.

use std::borrow::Cow;
use std::io::{self, Write};

use super::ExportOptions;
use crate::entities::EntityKind;
use crate::graph::{Entity, EntityId, KnowledgeGraph, RelationRef};

/// Labels longer than this are cut with an ellipsis; the tooltip keeps the
/// whole text.
const MAX_LABEL_CHARS: usize = 60;
/// Tooltips are cut here: Graphviz copies them into every SVG element.
const MAX_TOOLTIP_CHARS: usize = 2_000;

/// Escapes `text` for a double-quoted DOT string: `"` and `\` get a
/// backslash, line breaks become `\n`, other control characters (which
/// Graphviz rejects or SVG cannot carry) are dropped. Borrowed when nothing
/// changes.
pub fn escape_dot_string(text: &str) -> Cow<'_, str> {
    let needs_work =
        text.chars().any(|c| matches!(c, '"' | '\\') || c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}'));
    if !needs_work {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => escaped.push_str("\\\""),
            '\\' => escaped.push_str("\\\\"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => escaped.push_str("\\n"),
            '\t' => escaped.push(' '),
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => escaped.push(c),
        }
    }
    Cow::Owned(escaped)
}

/// `text` cut to `max` characters with an ellipsis.
fn shorten(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
        None => Cow::Borrowed(text),
    }
}

/// Writes a double-quoted DOT string made of `parts`, escaped and cut after
/// `max_chars` characters, without building the string first.
fn write_quoted(writer: &mut impl Write, parts: &[&str], max_chars: usize) -> io::Result<()> {
    writer.write_all(b"\"")?;
    let mut remaining = max_chars;
    for part in parts {
        let shortened = shorten(part, remaining);
        writer.write_all(escape_dot_string(&shortened).as_bytes())?;
        if matches!(shortened, Cow::Owned(_)) {
            break;
        }
        remaining -= part.chars().count();
    }
    writer.write_all(b"\"")
}

/// Shape and fill colour of each kind (X11 colour names Graphviz knows).
const fn style(kind: EntityKind) -> (&'static str, &'static str) {
    match kind {
        EntityKind::Person => ("ellipse", "lightskyblue"),
        EntityKind::Organization => ("box", "palegreen"),
        EntityKind::Place => ("hexagon", "khaki"),
        EntityKind::Product => ("component", "plum"),
        EntityKind::Document => ("note", "lightgrey"),
    }
}

/// Writes `graph` as a DOT digraph.
pub fn write_dot(graph: &KnowledgeGraph, options: &ExportOptions, mut writer: impl Write) -> io::Result<()> {
    writeln!(writer, "digraph \"kgex\" {{")?;
    writeln!(writer, "  graph [charset=\"UTF-8\", rankdir=\"LR\", fontname=\"DejaVu Sans\"];")?;
    writeln!(writer, "  node [style=\"filled\", fontname=\"DejaVu Sans\", fontsize=\"11\"];")?;
    writeln!(writer, "  edge [fontname=\"DejaVu Sans\", fontsize=\"9\"];")?;
    write_legend(&mut writer)?;
    if options.dot_clusters {
        write_clusters(graph, &mut writer)?;
    } else {
        for entity in graph.entities() {
            write_node(entity, "  ", &mut writer)?;
        }
    }
    for relation in graph.relations() {
        write_edge(&relation, &mut writer)?;
    }
    writeln!(writer, "}}")
}

fn write_legend(writer: &mut impl Write) -> io::Result<()> {
    writeln!(writer, "  subgraph \"cluster_legend\" {{")?;
    writeln!(writer, "    label=\"Legend\"; style=\"dashed\"; fontname=\"DejaVu Sans\";")?;
    for kind in EntityKind::ALL {
        let (shape, color) = style(kind);
        writeln!(writer, "    \"legend:{kind}\" [label=\"{kind}\", shape=\"{shape}\", fillcolor=\"{color}\"];")?;
    }
    writeln!(writer, "  }}")
}

fn write_node(entity: &Entity, indent: &str, writer: &mut impl Write) -> io::Result<()> {
    let (shape, color) = style(entity.kind);
    write!(writer, "{indent}")?;
    write_quoted(writer, &[entity.id.as_str()], usize::MAX)?;
    writer.write_all(b" [label=")?;
    write_quoted(writer, &[&entity.label], MAX_LABEL_CHARS)?;
    write!(writer, ", shape=\"{shape}\", fillcolor=\"{color}\", tooltip=")?;
    let aliases = entity.aliases.iter().map(String::as_str).collect::<Vec<_>>().join(", ");
    let mut tooltip = vec![entity.kind.name(), ": ", &entity.label];
    if let Some(description) = &entity.description {
        tooltip.extend([" (", description.as_str(), ")"]);
    }
    if !aliases.is_empty() {
        tooltip.extend(["\naliases: ", &aliases]);
    }
    write_quoted(writer, &tooltip, MAX_TOOLTIP_CHARS)?;
    writer.write_all(b"];\n")
}

/// Each entity goes into the cluster of the first document that mentions it;
/// entities with no mention stay outside.
fn write_clusters(graph: &KnowledgeGraph, writer: &mut impl Write) -> io::Result<()> {
    let home = |entity: &Entity| -> Option<EntityId> {
        match entity.kind {
            EntityKind::Document => Some(entity.id.clone()),
            _ => entity.mentions.first().map(|m| m.document.clone()),
        }
    };
    for (idx, document) in graph.entities().filter(|e| e.kind == EntityKind::Document).enumerate() {
        writeln!(writer, "  subgraph \"cluster_{idx}\" {{")?;
        writer.write_all(b"    label=")?;
        write_quoted(writer, &[&document.label], MAX_LABEL_CHARS)?;
        writeln!(writer, "; style=\"rounded\";")?;
        for entity in graph.entities().filter(|e| home(e).as_ref() == Some(&document.id)) {
            write_node(entity, "    ", writer)?;
        }
        writeln!(writer, "  }}")?;
    }
    for entity in graph.entities().filter(|e| home(e).is_none_or(|doc| graph.entity(&doc).is_none())) {
        write_node(entity, "  ", writer)?;
    }
    Ok(())
}

fn write_edge(edge: &RelationRef<'_>, writer: &mut impl Write) -> io::Result<()> {
    let relation = edge.relation;
    writer.write_all(b"  ")?;
    write_quoted(writer, &[edge.subject.id.as_str()], usize::MAX)?;
    writer.write_all(b" -> ")?;
    write_quoted(writer, &[edge.object.id.as_str()], usize::MAX)?;
    writer.write_all(b" [label=")?;
    let mut label = vec![relation.kind.name()];
    if let Some(date) = relation.attributes().date {
        label.extend(["\n", date]);
    }
    write_quoted(writer, &label, MAX_LABEL_CHARS)?;
    writer.write_all(b", tooltip=")?;
    let mut tooltip: Vec<&str> = Vec::with_capacity(4 * relation.evidence.len() + 3);
    if let Some(quote) = relation.attributes().quote {
        tooltip.extend(["„", quote, "“"]);
    }
    let texts = relation.evidence_texts()?;
    for (evidence, text) in relation.evidence.iter().zip(&texts) {
        if !tooltip.is_empty() {
            tooltip.push("\n");
        }
        tooltip.extend(["[", evidence.rule(), "] ", text]);
    }
    write_quoted(writer, &tooltip, MAX_TOOLTIP_CHARS)?;
    if relation.kind.is_symmetric() {
        writer.write_all(b", dir=\"none\"")?;
    }
    writer.write_all(b"];\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_quotes_backslashes_and_line_breaks() {
        for (input, expected) in [
            ("plain Zürich 🙂", "plain Zürich 🙂"),
            ("He said \"hi\"", "He said \\\"hi\\\""),
            ("back\\slash \\N", "back\\\\slash \\\\N"),
            ("two\nlines\r\nend\r", "two\\nlines\\nend\\n"),
            ("tab\there\u{0}\u{1B}", "tab here"),
            ("עברית <&>", "עברית <&>"),
        ] {
            assert_eq!(escape_dot_string(input), expected, "{input:?}");
        }
        assert!(matches!(escape_dot_string("no change"), Cow::Borrowed(_)));
    }

    #[test]
    fn quoted_strings_are_escaped_and_cut_across_parts() {
        let mut out = Vec::new();
        write_quoted(&mut out, &["a\"b", "\n", "ü".repeat(10).as_str()], 5).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "\"a\\\"b\\nü…\"");
    }

    #[test]
    fn shortens_long_labels_on_a_character_boundary() {
        assert_eq!(shorten("äöü", 2), "äö…");
        assert_eq!(shorten("äöü", 3), "äöü");
    }
}

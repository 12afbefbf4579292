//! Export throughput per format on a synthetic graph with evidence, and the
//! same graph written by rdflib, NetworkX and pyoxigraph (benches/peers.py).
//!
//! `cargo bench --bench export` measures 1,000,000 edges (set KGEX_BENCH_EDGES
//! to change it; KGEX_BENCH_FORMATS=turtle,dot measures only those formats;
//! KGEX_BENCH_PEERS=0 skips the Python peers). Under
//! `cargo test` it runs once on a small graph, as a smoke test.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use kgex::export::{self, for_each_quad};
use kgex::graph::{
    Attributes, DocumentSource, Entity, EntityId, Evidence, Findings, KnowledgeGraph, Mention, Relation,
    SourceSentence, TextSpan,
};
use kgex::{EntityKind, ExportFormat, ExportOptions, RelationKind};

const FIRST: [&str; 8] = ["Jürgen", "Zoë", "Ayşe", "Łukasz", "François", "Mia", "Ömer", "Sofía"];
const LAST: [&str; 8] = ["Öztürk", "Müller & Söhne", "O'Brien", "Nguyễn", "Schäfer", "\"Nr. 1\"", "Weiß", "Kowalski"];
const ORG: [&str; 4] = ["GmbH „Dresdner“", "AG <Holding>", "Institut", "Labs & Co"];
const SENTENCES: [&str; 4] = [
    "Laut „Zitat“ traf sich {a} am Montag mit {b}, um über die Lage der Branche zu sprechen.",
    "{a}, leitender Forscher bei {b}, sagte: \"Wir wachsen & investieren\" <ref/> im Jahr 2024.",
    "Wie die Zeitung berichtet, gründete {a} gemeinsam mit Partnern das Unternehmen {b} in München.",
    "{b} veröffentlichte im Dezember das Modell, das {a} als „Durchbruch“ bezeichnete.",
];

/// A small deterministic random number generator (64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % bound
    }
}

fn label(idx: usize, kind: EntityKind) -> String {
    match kind {
        EntityKind::Person => format!("{} {} {idx}", FIRST[idx % 8], LAST[(idx / 8) % 8]),
        _ => format!("{} {} {idx}", LAST[idx % 8], ORG[(idx / 8) % 4]),
    }
}

/// A graph of `n_edges` relations among `n_edges / 4` entities, each
/// relation with a date and one sentence of evidence.
fn synthetic_graph(n_edges: usize) -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::new();
    let mut document = Entity::new(EntityKind::Document, "synthetic");
    document.source =
        Some(Box::new(DocumentSource { path: Some("synthetic.txt".into()), ..DocumentSource::default() }));
    document.lang = Some("de".into());
    let document = graph.add_entity(document).clone();
    let kinds = [EntityKind::Person, EntityKind::Organization, EntityKind::Place, EntityKind::Product];
    let ids: Vec<EntityId> = (0..(n_edges / 4).max(2))
        .map(|idx| {
            let mut entity = Entity::new(kinds[idx % 4], &label(idx, kinds[idx % 4]));
            entity.lang = Some("de".into());
            let (label, start) = (entity.label.as_str(), idx * 40);
            let span = TextSpan::new(start, start + label.len(), start, start + label.chars().count()).unwrap();
            entity.mentions.push(Mention::new(document.clone(), span, label.into()).unwrap());
            graph.add_entity(entity).clone()
        })
        .collect();
    let mut random = Lcg(42);
    let mut findings = Findings::default();
    let kinds = [RelationKind::Founded, RelationKind::WorksAt, RelationKind::MetWith, RelationKind::QuotedIn];
    let mut n_added = 0;
    while n_added < n_edges {
        let (subject, object) = (&ids[random.next(ids.len())], &ids[random.next(ids.len())]);
        let kind = kinds[random.next(4)].clone();
        let text = SENTENCES[random.next(4)].replace("{a}", subject.as_str()).replace("{b}", object.as_str());
        let start = n_added * 120;
        let span = TextSpan::new(start, start + text.len(), start, start + text.chars().count()).unwrap();
        let index = u32::try_from(n_added).unwrap();
        let sentence = SourceSentence::new(document.clone(), index, span, &text);
        let confidence = f64::from(random.next(10_000) as u32) / 10_000.0;
        let evidence = Evidence::new(sentence.into(), findings.get(&format!("bench/{kind}"), confidence));
        let date = format!("{}-{:02}", 2000 + random.next(25), 1 + random.next(12));
        let attributes = Attributes { date: Some(date), ..Attributes::default() };
        let before = graph.relation_count();
        graph.add_relation(subject, object, Relation::stated(kind, attributes, vec![evidence])).unwrap();
        n_added += graph.relation_count() - before;
        if graph.relation_count() == before {
            continue;
        }
    }
    graph
}

/// Peak resident memory of this process so far, in MiB (Linux).
fn peak_rss_mib() -> f64 {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok());
    kib.map_or(f64::NAN, |kib| kib / 1024.0)
}

fn statement_count(graph: &KnowledgeGraph, format: ExportFormat) -> Option<usize> {
    let syntax = format.rdf_syntax()?;
    let mut count = 0;
    for_each_quad(graph, &ExportOptions::default(), syntax.has_named_graphs(), |_| {
        count += 1;
        Ok(())
    })
    .unwrap();
    Some(count)
}

fn main() {
    let benchmarking = std::env::args().any(|arg| arg == "--bench");
    let n_edges: usize = if benchmarking {
        std::env::var("KGEX_BENCH_EDGES").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000)
    } else {
        2_000
    };
    let folder = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let graph = synthetic_graph(n_edges);
    println!(
        "graph: {} entities, {} relations, built in {:.1} s, peak RSS {:.0} MiB",
        graph.entity_count(),
        graph.relation_count(),
        started.elapsed().as_secs_f64(),
        peak_rss_mib()
    );
    println!("| format | seconds | edges/s | statements | statements/s | MB | MB/s | peak RSS MiB |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    let only = std::env::var("KGEX_BENCH_FORMATS").unwrap_or_default();
    for format in
        ExportFormat::ALL.into_iter().filter(|f| only.is_empty() || only.split(',').any(|name| name == f.name()))
    {
        let path = folder.path().join(format!("graph.{}", format.file_extension()));
        let started = Instant::now();
        if format.writes_folder() {
            fs::create_dir(&path).unwrap();
            export::write_neo4j(&graph, &ExportOptions::default(), &path).unwrap();
        } else {
            let mut writer = BufWriter::with_capacity(1 << 16, File::create(&path).unwrap());
            export::export(&graph, format, &ExportOptions::default(), &mut writer).unwrap();
            writer.flush().unwrap();
        }
        let seconds = started.elapsed().as_secs_f64();
        let megabytes = size(&path) as f64 / 1e6;
        // Removing the file drops its pages from the cache, so the next
        // format is not slowed by the write-back of this one's gigabytes.
        if format.writes_folder() {
            fs::remove_dir_all(&path).unwrap();
        } else if format != ExportFormat::Json {
            fs::remove_file(&path).unwrap();
        }
        let statements = statement_count(&graph, format);
        println!(
            "| {format} | {seconds:.2} | {:.0} | {} | {} | {megabytes:.1} | {:.1} | {:.0} |",
            graph.relation_count() as f64 / seconds,
            statements.map_or("–".into(), |n| n.to_string()),
            statements.map_or("–".into(), |n| format!("{:.0}", n as f64 / seconds)),
            megabytes / seconds,
            peak_rss_mib(),
        );
    }
    if benchmarking && std::env::var("KGEX_BENCH_PEERS").as_deref() != Ok("0") {
        run_peers(&folder.path().join("graph.json"));
    }
}

/// The bytes of a file, or of the files in a folder.
fn size(path: &Path) -> u64 {
    if path.is_dir() {
        fs::read_dir(path).unwrap().map(|entry| entry.unwrap().metadata().unwrap().len()).sum()
    } else {
        fs::metadata(path).unwrap().len()
    }
}

/// Runs benches/peers.py on the JSON export of the same graph.
fn run_peers(json: &Path) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/peers.py");
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    match Command::new(&python).arg(script).arg(json).status() {
        Ok(status) if status.success() => {}
        Ok(status) => eprintln!("peers.py failed: {status}"),
        Err(error) => eprintln!("cannot run {python}: {error}"),
    }
}

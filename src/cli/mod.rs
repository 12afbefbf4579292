//! The command-line interface: parses arguments, runs a subcommand, turns
//! errors into messages and exit codes. The only code that uses clap and
//! anyhow.

/// `print!` that gives back the error of a closed pipe (`kgex eval ... |
/// head`) instead of panicking, so the run ends quietly.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)
    }};
}

/// `println!` that gives back the error of a closed pipe.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)
    }};
}

mod args;
mod batches;
mod eval;
mod query;
mod quotes;
mod output;
mod progress;
mod push;
mod recognizer;
mod shards;
mod stream;
mod view;
mod train;

use std::fs;
use std::io;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use self::args::{Cli, Command, ConvertArgs, ExtractArgs, LanguageArg, MergeArgs, OutputArgs};
use kgex::export::read_json;
use kgex::input::{Language, Source};
use kgex::pipeline::Settings;

use kgex::{ExportFormat, ExportOptions};

/// Exit code when some inputs failed but the others were exported.
const SOME_INPUTS_FAILED: u8 = 1;
/// Exit code for usage errors and failures that stop the run.
const USAGE_OR_FATAL: u8 = 2;

/// Runs the command line and returns the exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kgex: error: {error:#}");
            ExitCode::from(USAGE_OR_FATAL)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| cause.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe))
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => extract(ExtractArgs { output: args.output.with_dash_as_stdout(), ..args }),
        Command::Convert(args) => convert(ConvertArgs { output: args.output.with_dash_as_stdout(), ..args }),
        Command::Merge(args) => merge(MergeArgs { output: args.output.with_dash_as_stdout(), ..args }),
        Command::Eval(args) => eval::eval(args),
        Command::EvalNer(args) => eval::eval_ner(args),
        Command::EvalQuotes(args) => quotes::eval_quotes(args),
        Command::EvalDocred(args) => quotes::eval_docred(args),
        Command::Train(args::TrainCommand::Ner(args)) => train::train_ner(args),
        Command::Train(args::TrainCommand::Relations(args)) => train::train_relations(args),
        Command::Query(args) => query::query(args),
        Command::Push(args) => push::push(args),
        Command::Formats => {
            formats()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn export_options(args: &OutputArgs, base: Option<&str>) -> anyhow::Result<ExportOptions> {
    let base = args.base.as_deref().or(base).unwrap_or(kgex::vocab::DEFAULT_BASE);
    let mut options = ExportOptions::with_base(base).map_err(anyhow::Error::msg)?;
    options.dot_clusters = args.clusters;
    options.cypher_dialect = args.cypher_dialect;
    Ok(options)
}

fn extract(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let options = export_options(&args.output, None)?;
    let mut shards = None;
    let mut targets = Vec::new();
    match (args.shard_size, &args.output.output) {
        (Some(size), Some(folder)) => {
            let formats = output::formats(&args.output)?;
            shards = Some(shards::Shards::new(size, folder, formats, options.clone())?);
        }
        _ => {
            targets = output::targets(&args.output)?;
            output::check_not_input(&targets, &args.inputs)?;
        }
    }
    let language = match args.lang {
        LanguageArg::Auto => None,
        LanguageArg::De => Some(Language::De),
        LanguageArg::En => Some(Language::En),
    };
    let (models, names) = recognizer::load(&args.recognizer)?;
    let settings = Settings {
        explain: args.explain,
        rules: load_rule_files(&args.rules)?,
        models,
        names,
        layers: recognizer::layers(args.recognizer.layer),
        min_confidence: args.recognizer.min_confidence,
        relation_scorer: recognizer::load_scorer(&args.recognizer)?,
    };
    if (args.stream || args.shard_size.is_some()) && !view::view_of(&args.view)?.is_whole() {
        anyhow::bail!("--around, --relations, --kinds, --min-mentions and --top cut one merged graph: not with --stream or --shard-size");
    }
    if args.stream {
        let streamed = stream::run(&args, language, &settings, &options)?;
        return Ok(finish(streamed.documents, streamed.failed));
    }
    let run = batches::run_extraction(&args, language, &settings, shards.as_mut())?;
    match shards {
        Some(shards) => {
            let written = shards.finish()?;
            eprintln!("kgex: {} document(s) in {written} shard(s)", run.documents);
        }
        None => {
            let graph = view::cut(run.extraction.graph, &args.view, &options.base)?;
            output::write_all(&graph, &targets, &options)?;
            // The process ends here: it gives the graph's memory back at
            // once, where dropping it freed it piece by piece (50 ms of the
            // main thread after a 10 MB corpus).
            std::mem::forget(graph);
        }
    }
    Ok(finish(run.documents, run.failed))
}

/// The exit status of a run: 1 when some inputs failed (said on stderr).
fn finish(n_documents: usize, n_failed: usize) -> ExitCode {
    if n_failed > 0 {
        eprintln!("kgex: {n_failed} input(s) failed; the other {n_documents} document(s) were exported");
        return ExitCode::from(SOME_INPUTS_FAILED);
    }
    ExitCode::SUCCESS
}

/// The size of a source's file, for the progress bar (0 for stdin).
fn source_bytes(source: &Source) -> u64 {
    match source {
        Source::File { path, .. } => fs::metadata(path).map_or(0, |m| m.len()),
        _ => 0,
    }
}

/// The rules of every `--rules` file, in order; `None` without any.
fn load_rule_files(paths: &[std::path::PathBuf]) -> anyhow::Result<Option<kgex::relations::RuleFile>> {
    let mut combined: Option<kgex::relations::RuleFile> = None;
    for path in paths {
        let file = kgex::relations::load_rules(path)?;
        combined.get_or_insert_with(Default::default).extend(file);
    }
    Ok(combined)
}

fn convert(args: ConvertArgs) -> anyhow::Result<ExitCode> {
    let targets = output::targets(&args.output)?;
    output::check_not_input(&targets, std::slice::from_ref(&args.input))?;
    let bytes = fs::read(&args.input).with_context(|| format!("cannot read '{}'", args.input.display()))?;
    let (graph, base) = read_json(&args.input, &bytes)?;
    let options = export_options(&args.output, Some(&base))?;
    let graph = view::cut(graph, &args.view, &options.base)?;
    output::write_all(&graph, &targets, &options)?;
    Ok(ExitCode::SUCCESS)
}

/// Merges JSON graphs in the order given; their IRI bases must agree, since
/// entities are merged by IRI.
fn merge(args: MergeArgs) -> anyhow::Result<ExitCode> {
    let targets = output::targets(&args.output)?;
    output::check_not_input(&targets, &args.inputs)?;
    let mut merged = kgex::KnowledgeGraph::new();
    let mut common_base: Option<String> = None;
    for input in &args.inputs {
        let bytes = fs::read(input).with_context(|| format!("cannot read '{}'", input.display()))?;
        let (graph, base) = read_json(input, &bytes)?;
        match &common_base {
            Some(first) if *first != base => anyhow::bail!(
                "'{}' has entity IRIs under <{base}>, the graphs before it under <{first}>: \
                 graphs merge by IRI, so they need one base",
                input.display()
            ),
            Some(_) => {}
            None => common_base = Some(base),
        }
        merged.merge(graph);
    }
    let options = export_options(&args.output, common_base.as_deref())?;
    output::write_all(&merged, &targets, &options)?;
    Ok(ExitCode::SUCCESS)
}

fn formats() -> std::io::Result<()> {
    outln!("{:<10} {:<10} media type", "format", "extension")?;
    for format in ExportFormat::ALL {
        let note = if format.writes_folder() { " (a folder of files)" } else { "" };
        outln!("{:<10} {:<10} {}{note}", format.name(), format.file_extension(), format.media_type())?;
    }
    for picture in output::Picture::ALL {
        outln!("{:<10} {:<10} {} (drawn by Graphviz dot)", picture.name(), picture.name(), picture.media_type())?;
    }
    Ok(())
}

//! The command-line interface: parses arguments, runs a subcommand, turns
//! errors into messages and exit codes. The only code that uses clap and
//! anyhow.

mod args;
mod eval;
mod output;

use std::fs;
use std::io;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use self::args::{Cli, Command, ConvertArgs, ExtractArgs, LanguageArg, OutputArgs};
use kgex::export::read_json;
use kgex::input::{read_inputs, Language};
use kgex::pipeline::{self, Settings};
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
        Command::Extract(args) => extract(args),
        Command::Convert(args) => convert(args),
        Command::Eval(args) => eval::eval(args),
        Command::EvalNer(args) => eval::eval_ner(args),
        Command::Formats => {
            formats();
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn export_options(args: &OutputArgs, base: Option<&str>) -> anyhow::Result<ExportOptions> {
    let base = args.base.as_deref().or(base).unwrap_or(kgex::vocab::DEFAULT_BASE);
    let mut options = ExportOptions::with_base(base).map_err(anyhow::Error::msg)?;
    options.dot_clusters = args.clusters;
    Ok(options)
}

fn extract(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let targets = output::targets(&args.output)?;
    output::check_not_input(&targets, &args.inputs)?;
    let options = export_options(&args.output, None)?;
    let language = match args.lang {
        LanguageArg::Auto => None,
        LanguageArg::De => Some(Language::De),
        LanguageArg::En => Some(Language::En),
    };
    let mut documents = Vec::new();
    let mut n_failed = 0;
    for result in read_inputs(&args.inputs, language) {
        match result {
            Ok(document) => documents.push(document),
            Err(error) => {
                n_failed += 1;
                eprintln!("kgex: error: {error}");
            }
        }
    }
    let settings = Settings { explain: args.explain, rules: load_rule_files(&args.rules)? };
    let extraction = pipeline::extract_all(&documents, &settings);
    for line in &extraction.explanations {
        eprintln!("{line}");
    }
    output::write_all(&extraction.graph, &targets, &options)?;
    if n_failed > 0 {
        eprintln!("kgex: {n_failed} input(s) failed; the other {} document(s) were exported", documents.len());
        return Ok(ExitCode::from(SOME_INPUTS_FAILED));
    }
    Ok(ExitCode::SUCCESS)
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
    output::write_all(&graph, &targets, &options)?;
    Ok(ExitCode::SUCCESS)
}

fn formats() {
    println!("{:<10} {:<10} media type", "format", "extension");
    for format in ExportFormat::ALL {
        println!("{:<10} {:<10} {}", format.name(), format.file_extension(), format.media_type());
    }
}

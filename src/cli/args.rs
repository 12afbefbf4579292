//! The command line as clap parses it; doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Turns news text (German and English) into a knowledge graph with evidence
/// for every fact, and writes it as RDF, GraphML, DOT or JSON.
#[derive(Debug, Parser)]
#[command(name = "kgex", version, after_help = EXAMPLES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

const EXAMPLES: &str = "\
Examples:
  kgex extract seeds/ -o out/              every format into out/graph.*
  kgex extract article.txt -o graph.ttl    Turtle, from the extension
  kgex extract news.jsonl -f graphml -f dot -o out/
  cat article.txt | kgex extract - -f json
  kgex convert out/graph.json -f trig -o graph.trig
  kgex extract --explain --rules my.rules article.txt -f json
  kgex eval --gold gold/ out/ --show-errors
  kgex eval-ner NER-de-dev.tsv
  kgex formats";

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract a knowledge graph from text files, folders, JSON Lines or stdin.
    Extract(ExtractArgs),
    /// Re-export a graph written as kgex JSON in another format.
    Convert(ConvertArgs),
    /// List the output formats with their extension and media type.
    Formats,
    /// Score graphs (JSON exports, or texts extracted on the fly) against
    /// gold files, with the tables of the annotation guidelines' scorer.
    Eval(EvalArgs),
    /// Score the German name recogniser on GermEval-style tab-separated
    /// data (token, outer BIO tag), strict spans per type PER, ORG, LOC.
    EvalNer(EvalNerArgs),
}

/// Options of `kgex eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// A gold file (NAME.gold.json) or a folder of them.
    #[arg(long, value_name = "PATH")]
    pub gold: PathBuf,
    /// Graphs (NAME.json) or texts (NAME.txt), or folders of them.
    #[arg(required = true, value_name = "PATH")]
    pub inputs: Vec<PathBuf>,
    /// List every false positive and miss per document.
    #[arg(long)]
    pub show_errors: bool,
    /// Exit with 1 when headline entity F1 is below this.
    #[arg(long, value_name = "F1")]
    pub min_entity_f1: Option<f64>,
    /// Exit with 1 when core relation F1 is below this.
    #[arg(long, value_name = "F1")]
    pub min_core_f1: Option<f64>,
    /// Exit with 1 when all-relation F1 is below this.
    #[arg(long, value_name = "F1")]
    pub min_all_f1: Option<f64>,
}

/// Options of `kgex eval-ner`.
#[derive(Debug, Args)]
pub struct EvalNerArgs {
    /// Tab-separated file: index, token, outer tag[, inner tag]; `#` comments;
    /// a blank line after each sentence.
    #[arg(value_name = "FILE.tsv")]
    pub input: PathBuf,
}

/// Options of `kgex extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files (.txt, .md, .jsonl), folders (read recursively) or - for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Language of the input; auto detects German or English per document.
    #[arg(long, value_enum, default_value_t = LanguageArg::Auto)]
    pub lang: LanguageArg,
    /// Print every merge and relation with its rule and sentence to stderr.
    #[arg(long)]
    pub explain: bool,
    /// A rule file in the kgex pattern language, used with the built-in
    /// rules of every language (repeatable; a rule with a built-in id
    /// replaces it).
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,
    /// Threads extracting documents in parallel (the output is the same
    /// for any number).
    #[arg(short, long, default_value_t = 1, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: u16,
}

/// Options of `kgex convert`.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// A graph written by `kgex extract -f json`.
    #[arg(value_name = "GRAPH.json")]
    pub input: PathBuf,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Where and how to write the graph.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format (repeatable): turtle, ntriples, nquads, trig, rdfxml,
    /// jsonld, graphml, dot, json. Taken from -o's extension when absent.
    #[arg(short, long = "format", value_name = "FORMAT")]
    pub formats: Vec<String>,
    /// Output file, or folder for graph.<ext> per format (every format when
    /// no -f is given). Without it, the graph goes to stdout.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Base of entity IRIs.
    #[arg(long, value_name = "IRI")]
    pub base: Option<String>,
    /// DOT: draw one cluster per document.
    #[arg(long)]
    pub clusters: bool,
}

/// The `--lang` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LanguageArg {
    /// Detect per document.
    Auto,
    /// German.
    De,
    /// English.
    En,
}

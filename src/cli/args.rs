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
  kgex merge part1/graph.json part2/graph.json -o merged/
  kgex extract --explain --rules my.rules article.txt -f json
  kgex eval --gold gold/ out/ --show-errors
  kgex eval-ner NER-de-dev.tsv
  kgex eval-ner --lang en dev_revised.json
  kgex train ner --lang de --data germeval:NER-de-train.tsv -o de.ner
  kgex formats";

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract a knowledge graph from text files, folders, JSON Lines or stdin.
    Extract(ExtractArgs),
    /// Re-export a graph written as kgex JSON in another format.
    Convert(ConvertArgs),
    /// Merge graphs written as kgex JSON (shards of one corpus) by entity
    /// IRI, in the order given, and write the result in any format.
    Merge(MergeArgs),
    /// Run a SPARQL 1.1 query over graphs (kgex JSON, any RDF export, or
    /// texts extracted on the fly) in an in-memory store and print the results.
    Query(QueryArgs),
    /// Send graphs to a SPARQL store with the SPARQL 1.1 Graph Store HTTP
    /// Protocol: a named graph per document, or all into the one given.
    Push(PushArgs),
    /// List the output formats with their extension and media type.
    Formats,
    /// Score graphs (JSON exports, or texts extracted on the fly) against
    /// gold files, with the tables of the annotation guidelines' scorer.
    Eval(EvalArgs),
    /// Score the German name recogniser on GermEval-style tab-separated
    /// data (token, outer BIO tag), strict spans per type PER, ORG, LOC.
    EvalNer(EvalNerArgs),
    /// Score quotation and speaker finding on SpkAtt-2023 speaker
    /// attribution JSON (German): an annotation with a source is found when
    /// a quotation overlaps its message and its speaker words its source.
    EvalQuotes(EvalQuotesArgs),
    /// Score works-at, founded, located-in and developed on Re-DocRED JSON
    /// (English), Wikidata properties mapped to kgex's relations, with the
    /// entities kgex finds.
    EvalDocred(EvalDocredArgs),
    /// Train a statistical model from annotated corpora.
    #[command(subcommand)]
    Train(TrainCommand),
}

/// What `kgex train` trains.
#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// Train the name tagger of one language (an averaged perceptron over
    /// BILOU tags); the same data and options give the same model file.
    Ner(TrainNerArgs),
    /// Train the English relation scorer on Re-DocRED JSON (Wikidata
    /// properties mapped to works-at, founded, located-in, developed), with
    /// the entities kgex finds; the same data and options give the same file.
    Relations(TrainRelationsArgs),
}

/// Options of `kgex train relations`.
#[derive(Debug, Args)]
pub struct TrainRelationsArgs {
    /// Re-DocRED JSON files (arrays of documents).
    #[arg(long = "data", value_name = "FILE", required = true)]
    pub data: Vec<PathBuf>,
    /// Passes over the examples.
    #[arg(long, default_value_t = 8)]
    pub epochs: usize,
    /// Seed of the order in which examples are visited.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The model file to write.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

/// Options of `kgex train ner`.
#[derive(Debug, Args)]
pub struct TrainNerArgs {
    /// Language of the training text.
    #[arg(long, value_enum)]
    pub lang: ModelLanguage,
    /// Training data as FORMAT:PATH (repeatable), FORMAT one of conll,
    /// germeval, conllu, docred; PATH a file or a folder of such files.
    #[arg(long = "data", required = true, value_name = "FORMAT:PATH")]
    pub data: Vec<String>,
    /// Held-out data as FORMAT:PATH, scored after every epoch (repeatable).
    #[arg(long = "dev", value_name = "FORMAT:PATH")]
    pub dev: Vec<String>,
    /// Passes over the training data.
    #[arg(long, default_value_t = 10)]
    pub epochs: usize,
    /// Seed of the order in which sentences are visited.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Leave out features seen fewer times than this.
    #[arg(long, default_value_t = 2)]
    pub min_count: u32,
    /// Divides score margins before they become confidences.
    #[arg(long, default_value_t = 20.0)]
    pub temperature: f32,
    /// The model file to write.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

/// A language a model is trained for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModelLanguage {
    /// German.
    De,
    /// English.
    En,
}

/// Which layers of the recogniser run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LayerArg {
    /// The tagger, with the rule layer adding and vetoing.
    Both,
    /// The tagger alone.
    Model,
    /// The rule layer alone (cues, lists, shapes).
    Rules,
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
    /// Annotated files or folders: GermEval/CoNLL tag files (token, tag;
    /// or index, token, outer tag, inner tag), GUM CoNLL-U, DocRED JSON.
    #[arg(required = true, value_name = "PATH")]
    pub inputs: Vec<PathBuf>,
    /// Format of the inputs: conll (also germeval), conllu, docred; taken
    /// from the extension when absent (.json docred, .conllu or a folder
    /// conllu, otherwise conll).
    #[arg(long)]
    pub format: Option<String>,
    /// Language of the data: picks the built-in model and rules.
    #[arg(long, value_enum, default_value_t = ModelLanguage::De)]
    pub lang: ModelLanguage,
    /// List every missed and every false name per sentence.
    #[arg(long)]
    pub show_errors: bool,
    #[command(flatten)]
    pub recognizer: RecognizerArgs,
}

/// Options of `kgex query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// Graphs (.json from kgex, .ttl, .nt, .nq, .trig, .rdf, .jsonld) or
    /// texts (.txt, .md, .jsonl, folders), then the SPARQL query.
    #[arg(required = true, num_args = 2.., value_name = "GRAPH... SPARQL")]
    pub arguments: Vec<String>,
    /// How to print SELECT and ASK results: an aligned table, or the SPARQL
    /// results formats CSV, TSV, JSON.
    #[arg(long, value_enum, default_value_t = ResultsArg::Table)]
    pub results: ResultsArg,
}

/// Options of `kgex push`.
#[derive(Debug, Args)]
pub struct PushArgs {
    /// Graphs (.json from kgex, .ttl, .nt, .nq, .trig, .rdf, .jsonld) or
    /// texts (.txt, .md, .jsonl, folders) to extract first.
    #[arg(required = true, value_name = "GRAPH")]
    pub inputs: Vec<PathBuf>,
    /// The store's Graph Store Protocol URL, such as
    /// http://localhost:8890/sparql-graph-crud (Virtuoso) or
    /// http://localhost:7878/store (Oxigraph).
    #[arg(long, value_name = "URL")]
    pub endpoint: String,
    /// Put every statement into this one named graph instead of a graph
    /// per document.
    #[arg(long, value_name = "IRI")]
    pub graph: Option<String>,
    /// Where the statements outside the documents' graphs (entity names and
    /// kinds) go: this named graph instead of the store's default graph.
    #[arg(long, value_name = "IRI", conflicts_with = "graph")]
    pub default_graph: Option<String>,
    /// Add to the graphs already in the store (POST) instead of replacing
    /// them (PUT).
    #[arg(long)]
    pub append: bool,
    /// User name for HTTP basic authentication; the password is read from
    /// the environment variable KGEX_PUSH_PASSWORD.
    #[arg(long, value_name = "NAME", env = "KGEX_PUSH_USER")]
    pub user: Option<String>,
    /// Seconds one request may take.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub timeout: u64,
    /// How often to try again after a network error or a busy server
    /// (429, 502, 503, 504), waiting 0.5 s, 1 s, 2 s, ... in between.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub retries: u32,
}

/// The results formats of `kgex query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ResultsArg {
    /// An aligned plain-text table.
    Table,
    /// SPARQL 1.1 Query Results CSV.
    Csv,
    /// SPARQL 1.1 Query Results TSV.
    Tsv,
    /// SPARQL 1.1 Query Results JSON.
    Json,
}

/// Options of `kgex eval-quotes`.
#[derive(Debug, Args)]
pub struct EvalQuotesArgs {
    /// SpkAtt JSON files or folders of them.
    #[arg(required = true, value_name = "PATH")]
    pub inputs: Vec<PathBuf>,
    /// List every missed annotation and every wrong quotation.
    #[arg(long)]
    pub show_errors: bool,
    /// Exit with 1 when F1 is below this.
    #[arg(long, value_name = "F1")]
    pub min_f1: Option<f64>,
    #[command(flatten)]
    pub recognizer: RecognizerArgs,
}

/// Options of `kgex eval-docred`.
#[derive(Debug, Args)]
pub struct EvalDocredArgs {
    /// A Re-DocRED JSON file (an array of documents).
    #[arg(value_name = "FILE")]
    pub input: PathBuf,
    /// List every missed and every wrong relation.
    #[arg(long)]
    pub show_errors: bool,
    #[command(flatten)]
    pub recognizer: RecognizerArgs,
}

/// Options of the name recogniser.
#[derive(Debug, Args)]
pub struct RecognizerArgs {
    /// A tagger model written by `kgex train ner`, used instead of the
    /// built-in model of its language (repeatable, one per language).
    #[arg(long = "model", value_name = "FILE")]
    pub models: Vec<PathBuf>,
    /// A names file: [person], [organization], [place], [product] sections
    /// list names always found with that kind, [veto] names never taken as
    /// names (repeatable).
    #[arg(long = "names", value_name = "FILE")]
    pub names: Vec<PathBuf>,
    /// Leave out the names the tagger is less sure of than this (0 to 1).
    #[arg(long, value_name = "P", default_value_t = kgex::entities::DEFAULT_MIN_CONFIDENCE)]
    pub min_confidence: f32,
    /// Which layers of the name recogniser run (rules alone is about twice
    /// as fast and finds far fewer names).
    #[arg(long, value_enum, default_value_t = LayerArg::Both)]
    pub layer: LayerArg,
    /// A relation scorer written by `kgex train relations`, used instead of
    /// the built-in English one.
    #[arg(long, value_name = "FILE")]
    pub relation_model: Option<PathBuf>,
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
    #[command(flatten)]
    pub recognizer: RecognizerArgs,
    /// Threads extracting documents in parallel (the output is the same
    /// for any number).
    #[arg(short, long, default_value_t = 1, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: u16,
    /// Write a graph per shard of about SIZE bytes of text (64M, 500K, 2G)
    /// into the -o folder, as shard-00000.json, ... (or the -f formats);
    /// `kgex merge` joins them into what one run would have written.
    #[arg(long, value_name = "SIZE", value_parser = super::shards::parse_size, requires = "output")]
    pub shard_size: Option<u64>,
    /// Write each document's graph as soon as it is extracted, in input
    /// order: N-Quads with a named graph per document (-f nquads) or JSON
    /// Lines with one graph per line (-f json). JSON Lines input, stdin
    /// included, is read a line at a time, so kgex can sit in a pipe.
    #[arg(long, conflicts_with = "shard_size")]
    pub stream: bool,
    #[command(flatten)]
    pub view: ViewArgs,
}

/// Options of `kgex convert`.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// A graph written by `kgex extract -f json`.
    #[arg(value_name = "GRAPH.json")]
    pub input: PathBuf,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub view: ViewArgs,
}

/// Options that cut a readable part of the graph before it is written.
#[derive(Debug, Args)]
pub struct ViewArgs {
    /// Keep only what lies within --depth relations of this entity (its
    /// label, an alias, its id or its IRI).
    #[arg(long, value_name = "NAME|IRI")]
    pub around: Option<String>,
    /// How many relations away from --around to go (1 when not given).
    #[arg(long, value_name = "N", requires = "around")]
    pub depth: Option<usize>,
    /// Keep only these relations (comma-separated: founded,works-at).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub relations: Vec<String>,
    /// Keep only entities of these kinds (comma-separated: Person,Organization).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub kinds: Vec<String>,
    /// Keep only entities mentioned at least N times.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub min_mentions: usize,
    /// Keep only the N entities with the most relations.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
}

/// Options of `kgex merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Graphs written by `kgex extract -f json`, merged in this order.
    #[arg(required = true, value_name = "GRAPH.json")]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Where and how to write the graph.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format (repeatable): turtle, ntriples, nquads, trig, rdfxml,
    /// jsonld, graphml, dot, json, cypher, neo4j (a folder of CSV files),
    /// svg, png. Taken from -o's extension when absent.
    #[arg(short, long = "format", value_name = "FORMAT")]
    pub formats: Vec<String>,
    /// Output file, or folder for graph.<ext> per format (every format when
    /// no -f is given). Without it, or with `-`, the graph goes to stdout.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Base of entity IRIs.
    #[arg(long, value_name = "IRI")]
    pub base: Option<String>,
    /// DOT: draw one cluster per document.
    #[arg(long)]
    pub clusters: bool,
    /// Cypher: write the schema statements for neo4j (5.x), memgraph or kuzu.
    #[arg(long, value_name = "DIALECT", default_value = "neo4j")]
    pub cypher_dialect: kgex::export::CypherDialect,
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

impl OutputArgs {
    /// `-o -` means stdout, as `-` means stdin for the inputs.
    pub fn with_dash_as_stdout(mut self) -> Self {
        self.output = self.output.filter(|path| path.as_os_str() != "-");
        self
    }
}

//! `kgex push`: sends graphs to a SPARQL store with the SPARQL 1.1 Graph
//! Store HTTP Protocol, one N-Triples request per named graph, with basic
//! authentication, timeouts and retries. When a request fails for good, the
//! error says which graphs the store already has and which it has not.

use std::collections::BTreeMap;
use std::io::Read;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context};
use base64::Engine;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, Triple};
use oxigraph::store::Store;

use super::args::PushArgs;

/// The variable that holds the password for `--user`.
const PASSWORD_VARIABLE: &str = "KGEX_PUSH_PASSWORD";

/// Where a request puts its triples.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Destination {
    Default,
    Named(String),
}

impl std::fmt::Display for Destination {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Destination::Default => f.write_str("the default graph"),
            Destination::Named(iri) => write!(f, "<{iri}>"),
        }
    }
}

/// Loads the inputs, then sends each graph; stops at the first graph the
/// store does not take.
pub fn push(args: PushArgs) -> anyhow::Result<ExitCode> {
    let store = Store::new()?;
    for input in &args.inputs {
        super::query::load(&store, input).with_context(|| format!("cannot load '{}'", input.display()))?;
    }
    let graphs = graphs(&store, &args)?;
    let client = Client::new(&args)?;
    for (index, (destination, triples)) in graphs.iter().enumerate() {
        let body = n_triples(triples)?;
        if let Err(error) = client.send(destination, body) {
            let done: Vec<String> = graphs.keys().take(index).map(ToString::to_string).collect();
            let left: Vec<String> = graphs.keys().skip(index).map(ToString::to_string).collect();
            return Err(error.context(format!(
                "the store took {index} of {} graphs{}; not sent: {}",
                graphs.len(),
                if done.is_empty() { String::new() } else { format!(" ({})", done.join(", ")) },
                left.join(", ")
            )));
        }
    }
    let count: usize = graphs.values().map(Vec::len).sum();
    eprintln!("kgex: sent {count} triples in {} graphs to {}", graphs.len(), args.endpoint);
    Ok(ExitCode::SUCCESS)
}

/// The triples of each destination, sorted, so that the same input sends the
/// same requests.
fn graphs(store: &Store, args: &PushArgs) -> anyhow::Result<BTreeMap<Destination, Vec<Triple>>> {
    let named = |iri: &str| -> anyhow::Result<Destination> {
        NamedNode::new(iri).with_context(|| format!("'{iri}' is not an IRI"))?;
        Ok(Destination::Named(iri.to_owned()))
    };
    let (all_in_one, default) = match (&args.graph, &args.default_graph) {
        (Some(iri), _) => (Some(named(iri)?), None),
        (None, Some(iri)) => (None, Some(named(iri)?)),
        (None, None) => (None, None),
    };
    let mut graphs: BTreeMap<Destination, Vec<Triple>> = BTreeMap::new();
    for quad in store.iter() {
        let quad = quad?;
        let destination = match (&all_in_one, &quad.graph_name) {
            (Some(one), _) => one.clone(),
            (None, GraphName::NamedNode(node)) => Destination::Named(node.as_str().to_owned()),
            (None, _) => default.clone().unwrap_or(Destination::Default),
        };
        graphs.entry(destination).or_default().push(Triple::from(quad));
    }
    if graphs.is_empty() {
        bail!("the inputs hold no statement to send");
    }
    for triples in graphs.values_mut() {
        triples.sort_by_cached_key(ToString::to_string);
        triples.dedup();
    }
    Ok(graphs)
}

fn n_triples(triples: &[Triple]) -> anyhow::Result<Vec<u8>> {
    let mut serializer = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
    for triple in triples {
        serializer.serialize_triple(triple)?;
    }
    Ok(serializer.finish()?)
}

/// An HTTP client for one Graph Store endpoint.
struct Client {
    agent: ureq::Agent,
    endpoint: String,
    authorization: Option<String>,
    append: bool,
    retries: u32,
}

impl Client {
    fn new(args: &PushArgs) -> anyhow::Result<Self> {
        let authorization = match &args.user {
            None => None,
            Some(user) => {
                let password = std::env::var(PASSWORD_VARIABLE)
                    .with_context(|| format!("--user {user} needs the password in the variable {PASSWORD_VARIABLE}"))?;
                let token = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
                Some(format!("Basic {token}"))
            }
        };
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(args.timeout)))
            .http_status_as_error(false)
            .build();
        Ok(Self {
            agent: config.into(),
            endpoint: args.endpoint.clone(),
            authorization,
            append: args.append,
            retries: args.retries,
        })
    }

    /// Sends one graph, trying again after network errors and busy answers.
    fn send(&self, destination: &Destination, body: Vec<u8>) -> anyhow::Result<()> {
        let mut attempt = 0;
        loop {
            match self.request(destination, &body) {
                Ok(()) => return Ok(()),
                Err(Failure::Retry(error)) if attempt < self.retries => {
                    let wait = Duration::from_millis(500 << attempt);
                    eprintln!("kgex: {destination}: {error}; trying again in {:.1} s", wait.as_secs_f64());
                    std::thread::sleep(wait);
                    attempt += 1;
                }
                Err(Failure::Retry(error) | Failure::Final(error)) => {
                    return Err(error.context(format!("cannot send {destination} to {}", self.endpoint)))
                }
            }
        }
    }

    fn request(&self, destination: &Destination, body: &[u8]) -> Result<(), Failure> {
        let mut request = if self.append { self.agent.post(&self.endpoint) } else { self.agent.put(&self.endpoint) };
        request = match destination {
            Destination::Default => request.query("default", ""),
            Destination::Named(iri) => request.query("graph", iri),
        };
        request = request.header("Content-Type", "application/n-triples");
        if let Some(authorization) = &self.authorization {
            request = request.header("Authorization", authorization);
        }
        let mut response = match request.send(body) {
            Ok(response) => response,
            Err(error) => return Err(Failure::Retry(anyhow::Error::new(error))),
        };
        let status = response.status();
        if status.is_success() {
            return Ok(());
        }
        let mut text = String::new();
        let _ = response.body_mut().as_reader().take(64 * 1024).read_to_string(&mut text);
        let error = anyhow::anyhow!("HTTP {status}: {}", server_message(&text));
        match status.as_u16() {
            429 | 502 | 503 | 504 => Err(Failure::Retry(error)),
            _ => Err(Failure::Final(error)),
        }
    }
}

enum Failure {
    /// Worth another try: the network or a busy server.
    Retry(anyhow::Error),
    /// The store refused the request; the same request would fail again.
    Final(anyhow::Error),
}

/// The server's words without HTML markup, on one line, at most 400
/// characters.
fn server_message(body: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let message = words.join(" ");
    match message.char_indices().nth(400) {
        Some((cut, _)) => format!("{}…", &message[..cut]),
        None if message.is_empty() => "(no message)".to_owned(),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_messages_lose_their_markup() {
        let html = "<html><head><title>Error 22023</title></head><body><h3>Error</h3>\n<xmp>Bad  data</xmp></body>";
        assert_eq!(server_message(html), "Error 22023 Error Bad data");
        assert_eq!(server_message(""), "(no message)");
    }
}

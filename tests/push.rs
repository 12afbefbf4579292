//! `kgex push` against a real SPARQL store (Virtuoso, started for the test
//! on a loopback port): every statement arrives in the graph it belongs to,
//! read back by a SPARQL query; pushing again replaces instead of adding;
//! basic authentication through a proxy that checks it; a store that is down
//! or refuses gives an error that says what was not sent.

use std::collections::HashSet;

use crate::util::{self, servers};

/// The statements kgex writes for the seed articles: per named graph (the
/// default graph under `default`), and the number of distinct triples.
fn seed_statements(default: &str) -> (Vec<(String, u64)>, u64) {
    let output = util::run(&["extract", "seeds/", "-f", "nquads"]);
    assert!(output.status.success());
    let quads: HashSet<oxrdf::Quad> =
        oxttl::NQuadsParser::new().for_slice(&output.stdout).map(Result::unwrap).collect();
    let triples: HashSet<oxrdf::Triple> = quads.iter().cloned().map(oxrdf::Triple::from).collect();
    let mut counts = std::collections::BTreeMap::new();
    for quad in quads {
        let graph = match quad.graph_name {
            oxrdf::GraphName::NamedNode(node) => node.into_string(),
            _ => default.to_owned(),
        };
        *counts.entry(graph).or_insert(0) += 1;
    }
    (counts.into_iter().collect(), triples.len() as u64)
}

fn push(endpoint: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["push", "seeds/", "--endpoint", endpoint, "--retries", "1"];
    args.extend(extra);
    util::kgex().args(&args).env_remove("KGEX_PUSH_USER").output().unwrap()
}

#[test]
fn push_sends_every_graph_to_virtuoso() {
    let virtuoso = servers::virtuoso();
    let gsp = format!("http://127.0.0.1:{}/sparql-graph-crud", virtuoso.port);
    let sparql = format!("http://127.0.0.1:{}/sparql", virtuoso.port);
    let entities = "http://example.org/entities";
    let (expected, distinct) = seed_statements(entities);
    assert!(expected.len() >= 2 && expected.iter().all(|(_, n)| *n > 0), "{expected:?}");

    for extra in [&[][..], &["--append"][..], &[][..]] {
        let mut args = vec!["--default-graph", entities];
        args.extend(extra);
        let output = push(&gsp, &args);
        assert!(output.status.success(), "{}", util::stderr(&output));
        assert_eq!(servers::triples_per_graph(&sparql), expected, "after push {extra:?}: one copy of each");
    }

    let one = "http://example.org/one";
    let output = push(&gsp, &["--graph", one]);
    assert!(output.status.success(), "{}", util::stderr(&output));
    let in_one = servers::triples_per_graph(&sparql).into_iter().find(|(g, _)| g == one).map(|(_, n)| n);
    assert_eq!(in_one, Some(distinct), "--graph puts every distinct triple into one graph");
}

#[test]
fn push_authenticates_and_says_what_was_not_sent() {
    let virtuoso = servers::virtuoso();
    let proxy = servers::basic_auth_proxy(virtuoso.port, "kgex", "s3cret-w0rd");
    let gsp = format!("http://127.0.0.1:{}/sparql-graph-crud", proxy.port);
    let graph = ["--graph", "http://example.org/authenticated"];
    let with_password = |password: &str| {
        util::kgex()
            .args(["push", "seeds/", "--endpoint", &gsp, "--user", "kgex"])
            .args(graph)
            .env("KGEX_PUSH_PASSWORD", password)
            .output()
            .unwrap()
    };
    let output = with_password("s3cret-w0rd");
    assert!(output.status.success(), "{}\n{}", util::stderr(&output), proxy.log());
    let sparql = format!("http://127.0.0.1:{}/sparql", virtuoso.port);
    assert_eq!(servers::triples_per_graph(&sparql).len(), 1);

    let output = with_password("wrong");
    assert_eq!(output.status.code(), Some(2));
    let stderr = util::stderr(&output);
    assert!(stderr.contains("HTTP 401") && stderr.contains("took 0 of 1 graphs"), "{stderr}");

    let output = push(&gsp, &graph);
    assert!(util::stderr(&output).contains("HTTP 401"), "no credentials: {}", util::stderr(&output));

    // The store refuses a default graph it does not have: nothing is sent, and the error says so.
    let direct = format!("http://127.0.0.1:{}/sparql-graph-crud", virtuoso.port);
    let stderr = util::stderr(&push(&direct, &[]));
    assert!(stderr.contains("HTTP 500") && stderr.contains("not sent: the default graph"), "{stderr}");

    drop(proxy);
    let down = format!("http://127.0.0.1:{}/sparql-graph-crud", servers::free_port());
    let output = push(&down, &graph);
    assert_eq!(output.status.code(), Some(2));
    let stderr = util::stderr(&output);
    assert!(
        stderr.contains("trying again") && stderr.contains("not sent: <http://example.org/authenticated>"),
        "{stderr}"
    );
}

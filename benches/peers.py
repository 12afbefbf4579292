#!/usr/bin/env python3
"""Writes the benchmark graph with the Python tools users compare kgex with.

    python3 benches/peers.py GRAPH.json

GRAPH.json is kgex's node-link export of the benchmark graph. Each task runs
in a fresh process and prints one Markdown table row: tool, format, edges,
statements, load seconds, write seconds, edges/s and statements/s of the
write, peak RSS. rdflib gets a tenth of the edges: on the whole graph it runs
for many minutes. The RDF written per edge is plain reification (direct
triple, rdf:Statement with subject, predicate, object, date, evidence,
confidence) plus type and label per node, the model of the published peer
figures; kgex writes more per edge (evidence nodes, NIF offsets), so compare
statements/s.
"""
import json
import resource
import subprocess
import sys
import time

TASKS = [("rdflib", "ntriples", 10), ("rdflib", "turtle", 10), ("pyoxigraph", "ntriples", 1),
         ("pyoxigraph", "turtle", 1), ("networkx", "graphml", 1), ("networkx", "json", 1)]
BASE = "https://w3id.org/kgex/id/"
NS = "https://w3id.org/kgex/ns#"


def load(path, fraction):
    with open(path, encoding="utf-8") as file:
        graph = json.load(file)
    edges = graph["edges"][: len(graph["edges"]) // fraction]
    return graph["nodes"], edges


def rdf_statements(nodes, edges, make):
    """Yields (s, p, o) built with make(kind, value) for the peer RDF model."""
    iri, lit = (lambda v: make("iri", v)), (lambda v: make("lit", v))
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    for node in nodes:
        yield iri(BASE + node["id"]), iri(rdf + "type"), iri("https://schema.org/" + node["type"])
        yield iri(BASE + node["id"]), iri("http://www.w3.org/2000/01/rdf-schema#label"), make("de", node["label"])
    for idx, edge in enumerate(edges):
        s, o, p = iri(BASE + edge["source"]), iri(BASE + edge["target"]), iri(NS + edge["relation"])
        st = iri(f"{BASE}statement/{idx}")
        yield s, p, o
        yield st, iri(rdf + "type"), iri(rdf + "Statement")
        yield st, iri(rdf + "subject"), s
        yield st, iri(rdf + "predicate"), p
        yield st, iri(rdf + "object"), o
        yield st, iri(NS + "date"), lit(edge.get("date", ""))
        yield st, iri(NS + "evidence"), make("de", edge["evidence"][0]["text"])
        yield st, iri(NS + "confidence"), make("double", edge["confidence"])


def task_rdflib(nodes, edges, fmt, out):
    import rdflib
    def make(kind, value):
        if kind == "iri":
            return rdflib.URIRef(value)
        if kind == "de":
            return rdflib.Literal(value, lang="de")
        if kind == "double":
            return rdflib.Literal(value, datatype=rdflib.XSD.double)
        return rdflib.Literal(value)
    graph = rdflib.Graph()
    for triple in rdf_statements(nodes, edges, make):
        graph.add(triple)
    graph.serialize(out, format="nt" if fmt == "ntriples" else "turtle", encoding="utf-8")
    return len(graph)


def task_pyoxigraph(nodes, edges, fmt, out):
    import pyoxigraph as ox
    def make(kind, value):
        if kind == "iri":
            return ox.NamedNode(value)
        if kind == "de":
            return ox.Literal(value, language="de")
        if kind == "double":
            return ox.Literal(repr(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#double"))
        return ox.Literal(value)
    count = 0
    def triples():
        nonlocal count
        for s, p, o in rdf_statements(nodes, edges, make):
            count += 1
            yield ox.Triple(s, p, o)
    ox.serialize(triples(), out, ox.RdfFormat.N_TRIPLES if fmt == "ntriples" else ox.RdfFormat.TURTLE)
    return count


def task_networkx(nodes, edges, fmt, out):
    import networkx as nx
    graph = nx.MultiDiGraph()
    for node in nodes:
        graph.add_node(node["id"], label=node["label"], type=node["type"])
    for edge in edges:
        graph.add_edge(edge["source"], edge["target"], key=edge["key"], relation=edge["relation"],
                       date=edge.get("date", ""), confidence=edge["confidence"],
                       evidence=" | ".join(e["text"] for e in edge["evidence"]))
    if fmt == "graphml":
        nx.write_graphml(graph, out)
    else:
        with open(out, "w", encoding="utf-8") as file:
            json.dump(nx.node_link_data(graph, edges="edges"), file)
    return None


def run_task(tool, fmt, fraction, path):
    started = time.perf_counter()
    nodes, edges = load(path, int(fraction))
    loaded = time.perf_counter()
    out = f"{path}.{tool}.{fmt}"
    statements = {"rdflib": task_rdflib, "pyoxigraph": task_pyoxigraph, "networkx": task_networkx}[tool](
        nodes, edges, fmt, out)
    written = time.perf_counter()
    write = written - loaded
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate = f"{statements / write:,.0f}" if statements else "–"
    sample = "" if int(fraction) == 1 else f" (1/{fraction} of the edges)"
    print(f"| {tool}{sample} | {fmt} | {len(edges):,} | {statements or '–'} | {loaded - started:.1f} | {write:.1f} "
          f"| {len(edges) / write:,.0f} | {rate} | {rss:,.0f} |", flush=True)


def main():
    if len(sys.argv) == 5:
        run_task(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4])
        return
    path = sys.argv[1]
    print("| peer | format | edges | statements | load s | write s | edges/s | statements/s | peak RSS MiB |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for tool, fmt, fraction in TASKS:
        try:
            subprocess.run([sys.executable, __file__, tool, fmt, str(fraction), path], check=True, timeout=1800)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            print(f"| {tool} | {fmt} | failed: {error} |||||||", flush=True)


if __name__ == "__main__":
    main()

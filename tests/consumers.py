#!/usr/bin/env python3
"""Give kgex export files to the real programs that read such files and report what they saw.

    python3 tests/consumers.py [--shapes SHAPES.ttl] [--schema SCHEMA.json] FILE...

The format comes from each file's extension. For every file one JSON object is
printed on its own line: {"file", "format", "counts": {consumer: {...}}, "errors": [...]}.
Any error, warning or missing consumer is an error; the exit status is 1 when
any file has one. tests/run.sh installs every consumer.
"""
import io
import json
import logging
import re
import shutil
import subprocess
import sys
import warnings

INSTALL = "run tests/run.sh, or: apt-get install graphviz raptor2-utils libxml2-utils fonts-dejavu-core; " \
          "pip install -r tests/requirements.txt"
RAPPER = {".ttl": "turtle", ".nt": "ntriples", ".nq": "nquads", ".trig": "trig", ".rdf": "rdfxml"}
RDFLIB = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".rdf": "xml", ".jsonld": "json-ld"}
OXIGRAPH = {".ttl": "TURTLE", ".nt": "N_TRIPLES", ".nq": "N_QUADS", ".trig": "TRIG", ".rdf": "RDF_XML",
            ".jsonld": "JSON_LD"}
DATASETS = {".nq", ".trig", ".jsonld"}


class Missing(Exception):
    pass


def need_program(name):
    if shutil.which(name) is None:
        raise Missing(f"missing consumer '{name}': {INSTALL}")


def need_module(name):
    try:
        return __import__(name)
    except ImportError as error:
        raise Missing(f"missing consumer '{name}' ({error}): {INSTALL}") from error


def run(command, path):
    with open(path, "rb") as stdin:
        return subprocess.run(command, stdin=stdin, capture_output=True, timeout=900)


class WarningsAsErrors(logging.Handler):
    """rdflib reports invalid IRIs and ill-typed literals only as log warnings."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def check_dot(path, report):
    need_program("dot")
    result = run(["dot", "-Tsvg"], path)
    stderr = result.stderr.decode("utf-8", "replace").strip()
    if result.returncode != 0 or stderr:
        report["errors"].append(f"dot -Tsvg: exit {result.returncode}: {stderr[:2000]}")
        return
    svg = result.stdout.decode("utf-8")
    report["counts"]["dot"] = {"nodes": len(re.findall(r'class="node"', svg)),
                               "edges": len(re.findall(r'class="edge"', svg))}


def check_graphml(path, report):
    need_program("xmllint")
    result = subprocess.run(["xmllint", "--noout", "--nonet", path], capture_output=True, timeout=900)
    if result.returncode != 0 or result.stderr:
        report["errors"].append(f"xmllint: {result.stderr.decode('utf-8', 'replace')[:2000]}")
    networkx = need_module("networkx")
    graph = networkx.read_graphml(path)
    report["counts"]["networkx"] = {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}
    igraph = need_module("igraph")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        graph = igraph.Graph.Read_GraphML(path)
    report["counts"]["igraph"] = {"nodes": graph.vcount(), "edges": graph.ecount()}


def check_rdf(path, extension, report, shapes):
    need_program("rapper")
    if extension in RAPPER:
        result = subprocess.run(["rapper", "-i", RAPPER[extension], "-c", path], capture_output=True, timeout=900)
        stderr = result.stderr.decode("utf-8", "replace")
        if result.returncode != 0 or "rapper: error" in stderr.lower() or "rapper: warning" in stderr.lower():
            report["errors"].append(f"rapper: exit {result.returncode}: {stderr[:2000]}")
        match = re.search(r"returned (\d+) (triples|statements)", stderr)
        if match:
            report["counts"]["rapper"] = {"statements": int(match.group(1))}
    rdflib = need_module("rdflib")
    handler = WarningsAsErrors()
    logging.getLogger("rdflib").addHandler(handler)
    data = rdflib.Dataset() if extension in DATASETS else rdflib.Graph()
    data.parse(path, format=RDFLIB[extension])
    logging.getLogger("rdflib").removeHandler(handler)
    for message in handler.messages:
        report["errors"].append(f"rdflib: {message}")
    statements = len(set(data.quads())) if extension in DATASETS else len(data)
    report["counts"]["rdflib"] = {"statements": statements}
    pyoxigraph = need_module("pyoxigraph")
    with open(path, "rb") as file:
        quads = set(pyoxigraph.parse(file, getattr(pyoxigraph.RdfFormat, OXIGRAPH[extension])))
    report["counts"]["pyoxigraph"] = {"statements": len(quads)}
    if shapes:
        pyshacl = need_module("pyshacl")
        union = rdflib.Graph()
        for triple in (data.triples((None, None, None)) if extension not in DATASETS
                       else ((s, p, o) for s, p, o, _ in data.quads())):
            union.add(triple)
        conforms, _, text = pyshacl.validate(union, shacl_graph=shapes, shacl_graph_format="turtle")
        if not conforms:
            report["errors"].append(f"pyshacl: {text[:100000]}")
        report["counts"]["pyshacl"] = {"conforms": bool(conforms)}


def reject_constant(name):
    raise ValueError(f"non-standard JSON constant {name}")


def check_json(path, report, schema):
    with open(path, "rb") as file:
        raw = file.read()
    document = json.loads(raw.decode("utf-8"), parse_constant=reject_constant)
    if schema:
        jsonschema = need_module("jsonschema")
        with open(schema, encoding="utf-8") as file:
            validator = jsonschema.Draft202012Validator(json.load(file),
                                                        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        for error in validator.iter_errors(document):
            report["errors"].append(f"jsonschema: {'/'.join(map(str, error.absolute_path))}: {error.message[:300]}")
    networkx = need_module("networkx")
    graph = networkx.node_link_graph(document, edges="edges")
    report["counts"]["networkx"] = {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}
    report["counts"]["json"] = {"nodes": len(document["nodes"]), "edges": len(document["edges"])}


def check(path, shapes, schema):
    extension = path[path.rfind("."):]
    report = {"file": path, "format": extension[1:], "counts": {}, "errors": []}
    try:
        if extension in (".dot", ".gv"):
            check_dot(path, report)
        elif extension == ".graphml":
            check_graphml(path, report)
        elif extension in RDFLIB:
            check_rdf(path, extension, report, shapes)
        elif extension == ".json":
            check_json(path, report, schema)
        else:
            report["errors"].append(f"unknown extension {extension}")
    except Missing as missing:
        report["errors"].append(str(missing))
    except Exception as error:  # a consumer that throws rejected the file
        report["errors"].append(f"{type(error).__name__}: {str(error)[:2000]}")
    return report


def main(argv):
    shapes = schema = None
    files = []
    args = iter(argv)
    for arg in args:
        if arg == "--shapes":
            with open(next(args), encoding="utf-8") as file:
                shapes = file.read()
        elif arg == "--schema":
            schema = next(args)
        else:
            files.append(arg)
    failed = False
    for path in files:
        report = check(path, shapes, schema)
        failed |= bool(report["errors"])
        print(json.dumps(report, ensure_ascii=False), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Loads a kgex export into Kùzu, an embedded graph database, and prints
what the database then holds, as JSON, for the tests to compare with the
graph that was exported.

    kuzu_load.py cypher SCRIPT     runs the script twice (it must be idempotent)
    kuzu_load.py neo4j FOLDER      checks the CSV headers and the README's
                                   import command against the rules of
                                   neo4j-admin import, then loads the rows

Output: {"errors": [...], "nodes": [...], "relationships": [...],
"founded_employers": [...]} with one list per node and relationship.
"""

import csv
import json
import os
import re
import sys
import tempfile

import kuzu

ARRAY_DELIMITER = "\x1f"
# The property types neo4j-admin import knows (operations manual, "CSV
# header format"); each may be an array with [].
NEO4J_TYPES = {
    "int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
    "point", "date", "localtime", "time", "localdatetime", "datetime", "duration",
}
KUZU_TYPES = {"string": "STRING", "int": "INT64", "long": "INT64", "float": "DOUBLE",
              "double": "DOUBLE", "boolean": "BOOLEAN", "string[]": "STRING[]"}
NODE_COLUMNS = ["iri", "label", "aliases", "lang", "description", "mentions", "source", "date", "url"]
RELATIONSHIP_COLUMNS = ["date", "role", "former", "topic", "quote", "confidence", "evidence", "rules"]


def rows(connection, query, parameters=None):
    result = connection.execute(query, parameters or {})
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


def dump(connection):
    tables = {name: kind for name, kind in rows(connection, "CALL show_tables() RETURN name, type")}
    if "REL" not in tables.values():
        nodes = rows(connection, "MATCH (n) RETURN label(n), " + ", ".join(f"n.{c}" for c in NODE_COLUMNS))
        return {"nodes": sorted(nodes, key=str), "relationships": [], "founded_employers": []}
    nodes = rows(connection, "MATCH (n) RETURN label(n), " + ", ".join(f"n.{c}" for c in NODE_COLUMNS))
    relationships = rows(
        connection,
        "MATCH (a)-[r]->(b) RETURN label(r), a.iri, b.iri, " + ", ".join(f"r.{c}" for c in RELATIONSHIP_COLUMNS),
    )
    founded = []
    if {"Person", "Organization", "WORKS_AT", "FOUNDED"} <= tables.keys():
        founded = rows(
            connection,
            "MATCH (p:Person)-[:WORKS_AT]->(o:Organization)<-[:FOUNDED]-(f) RETURN DISTINCT p.iri, o.iri",
        )
    return {"nodes": sorted(nodes, key=str), "relationships": sorted(relationships, key=str),
            "founded_employers": sorted(founded)}


def load_cypher(connection, path, errors):
    script = open(path, encoding="utf-8", newline="").read()
    connection.execute(script)
    first = dump(connection)
    connection.execute(script)
    if dump(connection) != first:
        errors.append("running the script a second time changed the database")
    return first


def split_header(name, errors, path):
    """(property name, type) of a header field such as `aliases:string[]`."""
    prop, _, kind = name.partition(":")
    kind = kind or "string"
    if kind.removesuffix("[]") not in NEO4J_TYPES:
        errors.append(f"{path}: column '{name}' has a type neo4j-admin import does not know")
    return prop, kind


def check_header(header, required, path, errors):
    fields = [f for f in header if not re.fullmatch(r"\w*:(ID|LABEL|START_ID|END_ID|TYPE)(\(\w+\))?", f)]
    for column in required:
        if sum(1 for f in header if re.fullmatch(rf"\w*{column}(\(\w+\))?", f)) != 1:
            errors.append(f"{path}: header needs exactly one {column} column: {header}")
    return [split_header(f, errors, path) for f in fields]


def read_header(path):
    with open(path, encoding="utf-8", newline="") as file:
        return next(csv.reader(file))


def command_files(folder, errors):
    """The files the README's import command names, by option."""
    readme = open(os.path.join(folder, "README.md"), encoding="utf-8").read()
    nodes = re.findall(r"--nodes=(\S+)", readme)
    relationships = re.findall(r"--relationships=(\S+)", readme)
    if "--array-delimiter=U+001F" not in readme or "--multiline-fields=true" not in readme:
        errors.append("README: the command does not set --array-delimiter=U+001F and --multiline-fields=true")
    csv_files = sorted(f for f in os.listdir(folder) if f.endswith(".csv"))
    if sorted(nodes + relationships) != csv_files:
        errors.append(f"README: the command names {nodes + relationships}, the folder holds {csv_files}")
    return nodes, relationships


def converted(column, kind):
    return {"STRING": column, "STRING[]": f"string_split({column}, $sep)"}.get(
        KUZU_TYPES[kind], f"CAST({column} AS {KUZU_TYPES[kind]})")


def load_from(path, width):
    columns = ", ".join(f"c{i} STRING" for i in range(width))
    # RFC 4180 quoting as neo4j-admin reads it: a quote inside a quoted field
    # is doubled, and a backslash is an ordinary character (Kùzu's default
    # escape character is the backslash). The quote is named too: Kùzu
    # otherwise guesses it from the file and strips the apostrophes around
    # an unquoted value (`'x'` read as `x`).
    return f"LOAD WITH HEADERS ({columns}) FROM '{path}' (header=true, parallel=false, quote='\"', escape='\"')"


def load_nodes(connection, folder, name, errors):
    path = os.path.join(folder, name)
    header = read_header(path)
    properties = check_header(header, [":ID", ":LABEL"], name, errors)
    id_property = header[0].partition(":")[0]
    source = load_from(path, len(header))
    labels = [r[0] for r in rows(connection, f"{source} RETURN DISTINCT c1")]
    offset = 2
    for label in labels:
        columns = ", ".join(f"{p} {KUZU_TYPES[k]}" for p, k in properties)
        connection.execute(f"CREATE NODE TABLE IF NOT EXISTS {label}({id_property} STRING PRIMARY KEY, {columns})")
        values = ", ".join(f"{p}: {converted(f'c{i + offset}', k)}" for i, (p, k) in enumerate(properties))
        connection.execute(
            f"{source} WITH * WHERE c1 = $label CREATE (:{label} {{{id_property}: c0, {values}}})",
            {"label": label, "sep": ARRAY_DELIMITER},
        )
    return labels


def load_relationships(connection, folder, name, labels, errors):
    path = os.path.join(folder, name)
    header = read_header(path)
    properties = check_header(header, [":START_ID", ":END_ID", ":TYPE"], name, errors)
    source = load_from(path, len(header))
    expected = rows(connection, f"{source} RETURN count(*)")[0][0]
    before = relationship_count(connection)
    pairs = ", ".join(f"FROM {a} TO {b}" for a in labels for b in labels)
    values = ", ".join(f"{p}: {converted(f'c{i + 3}', k)}" for i, (p, k) in enumerate(properties))
    for rel_type in [r[0] for r in rows(connection, f"{source} RETURN DISTINCT c2")]:
        columns = ", ".join(f"{p} {KUZU_TYPES[k]}" for p, k in properties)
        connection.execute(f"CREATE REL TABLE IF NOT EXISTS {rel_type}({pairs}, {columns})")
        for a in labels:
            for b in labels:
                connection.execute(
                    f"{source} WITH * WHERE c2 = $type MATCH (a:{a}), (b:{b}) WHERE a.iri = c0 AND b.iri = c1 "
                    f"CREATE (a)-[:{rel_type} {{{values}}}]->(b)",
                    {"type": rel_type, "sep": ARRAY_DELIMITER},
                )
    loaded = relationship_count(connection) - before
    if loaded != expected:
        errors.append(f"{name}: {expected} rows, but {loaded} relationships found both ends")


def relationship_count(connection):
    tables = [kind for _, kind in rows(connection, "CALL show_tables() RETURN name, type")]
    return rows(connection, "MATCH ()-[r]->() RETURN count(*)")[0][0] if "REL" in tables else 0


def load_neo4j(connection, folder, errors):
    node_files, relationship_files = command_files(folder, errors)
    labels = []
    for name in node_files:
        labels += load_nodes(connection, folder, name, errors)
    for name in relationship_files:
        load_relationships(connection, folder, name, labels, errors)
    return dump(connection)


def main(argv):
    if len(argv) != 3 or argv[1] not in ("cypher", "neo4j"):
        sys.exit(__doc__)
    errors = []
    with tempfile.TemporaryDirectory() as folder:
        connection = kuzu.Connection(kuzu.Database(os.path.join(folder, "db")))
        try:
            loader = load_cypher if argv[1] == "cypher" else load_neo4j
            result = loader(connection, argv[2], errors)
        except RuntimeError as error:
            result = {}
            errors.append(f"Kùzu: {error}")
    print(json.dumps({"errors": errors, **result}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv)

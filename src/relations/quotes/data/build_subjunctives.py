#!/usr/bin/env python3
"""Writes de-subjunctive.forms: the third-person singular Konjunktiv I of
every German verb in the lemma lookup table of the PyPI package
spacy-lookups-data 1.0.5 (MIT licence; see NOTICE): `basieren` -> `basiere`,
`ändern` -> `ändere`. A form is left out when, less its `e`, it is itself a
base form in the table (`lange`, `eine`, `reiche` are adjectives and
articles), or when the table gives it another base form than its verb
(`bessere` is a form of `gut`, `verdächtige` of `verdächtig`), so that only
verbs remain. Sorted: the same package gives the
same bytes.

Usage: build_subjunctives.py spacy_lookups_data/data > de-subjunctive.forms
"""
import gzip
import json
import pathlib
import sys

# Forms that are far more often a preposition, adverb, adjective or number
# than a verb in news text.
NOT_VERBS = {"anstelle", "bitte", "ende", "weise", "achte", "rege", "verdächtige"}


def forms(table):
    lemmas = set(table.values())
    out = set()
    for lemma in lemmas:
        if not (lemma.isalpha() and lemma.islower()):
            continue
        if lemma.endswith(("ern", "eln")):
            form = lemma[:-1] + "e"
        elif lemma.endswith("en"):
            form = lemma[:-1]
        else:
            continue
        if len(form) >= 4 and form[:-1] not in lemmas and table.get(form, lemma) == lemma and form not in NOT_VERBS:
            out.add(form)
    return sorted(out)


def main():
    path = pathlib.Path(sys.argv[1]) / "de_lemma_lookup.json.gz"
    table = json.load(gzip.open(path))
    sys.stdout.write("".join(form + "\n" for form in forms(table)))


if __name__ == "__main__":
    main()

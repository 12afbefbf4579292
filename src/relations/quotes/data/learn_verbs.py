#!/usr/bin/env python3
"""Learns German speech verbs from the training split of GePaDe (SpkAtt-2023
Task 1, German parliamentary debates, CC BY-SA 4.0) and writes de-learned.verbs.

A word is kept when it is written in lower case (verbs, not nouns), is marked
as the cue of a speech event at least MIN_COUNT times, and is a cue in at least
MIN_RATIO of its occurrences. Debates are spoken in the first and second person,
news in the third, so every kept verb also gets the third-person forms of a
regular verb built from its stem (`fordern` → `fordert`, `forderte`, `forderten`,
`gefordert`); forms that are not words are harmless, as they never occur.

Usage: learn_verbs.py GEPADE_TRAIN_DIR > de-learned.verbs
"""
import collections
import json
import pathlib
import sys

MIN_COUNT = 3
MIN_RATIO = 0.5


def counts(folder):
    cue, total = collections.Counter(), collections.Counter()
    for path in sorted(pathlib.Path(folder).glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        tokens = {s["SentenceId"]: s["Tokens"] for s in document["Sentences"]}
        for sentence in document["Sentences"]:
            total.update(t for t in sentence["Tokens"] if t[:1].islower())
        for annotation in document["Annotations"]:
            for ref in annotation["Cue"]:
                sentence, index = map(int, ref.split(":"))
                word = tokens[sentence][index]
                if word[:1].islower():
                    cue[word] += 1
    return cue, total


def third_person(word):
    """Regular third-person forms of the verb `word` is a form of."""
    for ending in ("en", "e", "st", "t", "te", "ten"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            break
    else:
        return set()
    if word.startswith("ge") and word.endswith("t"):
        stem = word[2:-1]
    joint = "e" if stem.endswith(("t", "d")) else ""
    return {stem + joint + "t", stem + joint + "te", stem + joint + "ten", "ge" + stem + joint + "t"}


def main():
    cue, total = counts(sys.argv[1])
    kept = sorted(w for w, n in cue.items() if w.isalpha() and n >= MIN_COUNT and n / total[w] >= MIN_RATIO)
    forms = set(kept)
    for word in kept:
        forms |= third_person(word)
    print("# Speech verbs learned from GePaDe train (SpkAtt-2023 Task 1, CC BY-SA 4.0),")
    print(f"# {len(kept)} cue words (>= {MIN_COUNT} times, cue in >= {MIN_RATIO:.0%} of uses) and their")
    print("# regular third-person forms. Written by learn_verbs.py; do not edit.")
    for form in sorted(forms):
        print(form)


if __name__ == "__main__":
    main()

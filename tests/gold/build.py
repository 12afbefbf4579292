#!/usr/bin/env python3
"""Builds the article texts of the relation gold sets from the annotated corpora.

German: articles of the SpkAtt-2023 Wikinews *train* split (its dev split is kept
for final quote figures), detokenised, chosen with a fixed seed among the articles
in which the given kgex binary finds at least two people; 12 dev, 12 test.
English: the GUM dev and test documents of the permissively licensed genres, by
GUM's own split, rebuilt from the CoNLL-U tokens and paragraph marks.

Usage: build.py KGEX_BINARY DATA_DIR DATA_TRAIN_DIR [--dev2 | --dev3 | --dev4 | --dev5 | --dev6 | --dev7 | --en-dev2]
The texts go next to this script in {de,en}/{dev,test}/NAME.txt; the choice is
printed so it can be checked against the README.
"""
import json
import pathlib
import random
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
SEED = 20261130
PER_SPLIT = 12
# The further German dev sets and their seeds.
EXTRA_SEEDS = {"dev2": 20261201, "dev3": 20261202, "dev4": 20261203, "dev5": 20261205, "dev6": 20261206, "dev7": 20261207}
# The second English dev set: its seed, and how many documents of each GUM genre it takes.
EN_DEV2_SEED = 20261204
PER_GENRE = 2

NO_SPACE_BEFORE = set(".,;:!?)]}“%") | {"'s", "n't"}
NO_SPACE_AFTER = set("([{„")


def detokenize(tokens):
    """Joins tokens as typeset German text: no space before closing marks or
    after opening ones; straight double quotes alternate open/close."""
    out = []
    open_straight = False
    glue_next = False
    for token in tokens:
        glue = glue_next or not out or token in NO_SPACE_BEFORE
        glue_next = token in NO_SPACE_AFTER
        if token == '"':
            if open_straight:
                glue = True
            else:
                glue_next = True
            open_straight = not open_straight
        out.append(token if glue else " " + token)
    return "".join(out)


def german_text(path):
    document = json.loads(path.read_text(encoding="utf-8"))
    name = document["DocumentName"]
    title = name.split(" - ", 1)[1].rsplit(" (", 1)[0]
    body = " ".join(detokenize(s["Tokens"]) for s in document["Sentences"])
    return f"{title}\n\n{body}\n"


def people_found(kgex, text):
    with tempfile.TemporaryDirectory() as tmp:
        source = pathlib.Path(tmp) / "a.txt"
        source.write_text(text, encoding="utf-8")
        out = subprocess.run([kgex, "extract", str(source), "-f", "json", "--lang", "de"],
                             check=True, capture_output=True).stdout
    graph = json.loads(out)
    return sum(1 for node in graph["nodes"] if node.get("type") == "Person")


def build_german(kgex, data):
    train = sorted((data / "spkatt2023-news-wikinews" / "train").glob("*.json"), key=lambda p: int(p.stem))
    eligible = [p for p in train if people_found(kgex, german_text(p)) >= 2]
    random.Random(SEED).shuffle(eligible)
    chosen = eligible[: 2 * PER_SPLIT]
    for split, paths in (("dev", chosen[:PER_SPLIT]), ("test", chosen[PER_SPLIT:])):
        folder = HERE / "de" / split
        folder.mkdir(parents=True, exist_ok=True)
        for path in paths:
            (folder / f"wikinews-{path.stem}.txt").write_text(german_text(path), encoding="utf-8")
            print(f"de {split} wikinews-{path.stem} ({len(eligible)} eligible of {len(train)})")


def build_german_extra(kgex, data, name, seed):
    """A further German dev set (`dev2`, `dev3`), added after the sets before it: eligible by the kgex
    that builds it, never an article of another set, shuffled with a seed of its own."""
    train = sorted((data / "spkatt2023-news-wikinews" / "train").glob("*.json"), key=lambda p: int(p.stem))
    earlier = ["dev", "test"] + list(EXTRA_SEEDS)[: list(EXTRA_SEEDS).index(name)]
    taken = {p.stem.removeprefix("wikinews-") for split in earlier for p in (HERE / "de" / split).glob("*.txt")}
    eligible = [p for p in train if p.stem not in taken and people_found(kgex, german_text(p)) >= 2]
    random.Random(seed).shuffle(eligible)
    folder = HERE / "de" / name
    folder.mkdir(parents=True, exist_ok=True)
    for path in eligible[:PER_SPLIT]:
        (folder / f"wikinews-{path.stem}.txt").write_text(german_text(path), encoding="utf-8")
        print(f"de {name} wikinews-{path.stem} ({len(eligible)} eligible)")


def english_text(path):
    title, paragraphs, words, space = None, [], [], True
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# meta::title = "):
            title = line.split(" = ", 1)[1]
        elif line.startswith("# newpar") and not line.startswith("# newpar_"):
            if words:
                paragraphs.append("".join(words).strip())
            words = []
        elif line and not line.startswith("#"):
            columns = line.split("\t")
            if "-" in columns[0] or "." in columns[0]:
                continue
            glue = not words or not space or columns[1] in ("'s", "’s", "n't", "'")
            words.append(columns[1] if glue else " " + columns[1])
            space = "SpaceAfter=No" not in columns[9]
    if words:
        paragraphs.append("".join(words).strip())
    if paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    return "\n\n".join([title] + paragraphs) + "\n"


def build_english(data_train):
    for split in ("dev", "test"):
        folder = HERE / "en" / split
        folder.mkdir(parents=True, exist_ok=True)
        for path in sorted((data_train / "gum-en" / split).glob("*.conllu")):
            name = path.stem.removeprefix("GUM_").replace("_", "-")
            (folder / f"gum-{name}.txt").write_text(english_text(path), encoding="utf-8")
            print(f"en {split} gum-{name}")


def build_english_dev2(data_train):
    """A second English dev set: two documents of each genre from GUM's *train* split, drawn with a
    seed of their own, so that it holds the genres of the test half in the same proportion."""
    train = sorted((data_train / "gum-en" / "train").glob("*.conllu"))
    genres = sorted({path.stem.split("_")[1] for path in train})
    rng = random.Random(EN_DEV2_SEED)
    folder = HERE / "en" / "dev2"
    folder.mkdir(parents=True, exist_ok=True)
    for genre in genres:
        documents = [path for path in train if path.stem.split("_")[1] == genre]
        for path in sorted(rng.sample(documents, PER_GENRE)):
            name = path.stem.removeprefix("GUM_").replace("_", "-")
            (folder / f"gum-{name}.txt").write_text(english_text(path), encoding="utf-8")
            print(f"en dev2 gum-{name} ({len(documents)} {genre} documents)")


def main():
    kgex, data, data_train = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    if "--en-dev2" in sys.argv[4:]:
        build_english_dev2(data_train)
        return
    extra = [a.removeprefix("--") for a in sys.argv[4:] if a.removeprefix("--") in EXTRA_SEEDS]
    if extra:
        build_german_extra(kgex, data, extra[0], EXTRA_SEEDS[extra[0]])
        return
    build_german(kgex, data)
    build_english(data_train)


if __name__ == "__main__":
    main()

"""Deck-generator throughput on 1, 5 and 10 MB corpora, and how it scales.

The corpus is built from the project's seeds and, when present, the real articles in
../shared/seeds, copied until it reaches each size; every copy after the first gives every
name in it an invented one, so that, as in a real collection, the names (and with them the
vocabulary the caches must hold) keep growing with the corpus. Each size is generated `--repeat` times and the
fastest run counts, as with timeit: on a shared machine the slower runs measure the other
tenants (the median is printed too). Every run is a fresh process, warmed up on unrelated
text. Prints a table, then one JSON line.

    python bench/generate.py [--sizes 1 5 10] [--repeat 3]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quiz.generate import generate
from quiz.generate.compiled import compiled
from quiz.generate.spans import CORPORATE_WORDS, MONTHS, is_common_word

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds", ROOT.parent / "shared" / "seeds"]


def source_texts() -> list[str]:
    texts = []
    for folder in SOURCES:
        if folder.is_dir():
            texts.extend(
                p.read_text(encoding="utf-8")
                for p in sorted(folder.glob("*"))
                if p.suffix in (".md", ".txt") and p.name.lower() != "readme.md"
            )
    return texts


# Invented names are built from these, so every copy of a text speaks of other firms, people and
# places, as a real collection of articles does: its vocabulary keeps growing with its size. No two
# names of the corpus get one invented name: with the 16,250 names 25 syllables gave, a 10 MB corpus's
# 66,000 were squeezed into 15,500, so one invented name stood for a person in one copy and a bank in
# another, and the larger corpus was a different mix of facts, not more of the same.
SYLLABLES = [consonant + vowel for consonant in "bdfgklmnprstvz" for vowel in "aeiou"]
CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)*\b")
KEPT_CAPITALISED = re.compile(rf"^(?:{MONTHS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\.?$")


def invented_name(word: str, copy: int, taken: set[str]) -> str:
    """A name for `word` in this copy that no other name of the corpus has and no English word is."""
    attempt = 0
    while True:
        digest = hashlib.sha256(f"{word}\x1f{copy}\x1f{attempt}".encode()).digest()
        name = "".join(SYLLABLES[byte % len(SYLLABLES)] for byte in digest[: 2 + digest[3] % 2]).capitalize()
        if name not in taken and not is_common_word(name):
            taken.add(name)
            return name
        attempt += 1


def vary(text: str, copy: int, taken: set[str]) -> str:
    """The text with its names (capitalised words that are no English word, month, weekday or
    legal form such as "Co" and "Ltd") replaced by invented ones, the same throughout the copy."""
    names: dict[str, str] = {}

    def replace(match: re.Match[str]) -> str:
        word = match.group()
        if KEPT_CAPITALISED.match(word) or is_common_word(word) or word in CORPORATE_WORDS:
            return word
        if word not in names:
            names[word] = invented_name(word, copy, taken)
        return names[word]

    return CAPITALISED.sub(replace, text)


def build_corpus(folder: Path, megabytes: float) -> int:
    texts = source_texts()
    target = int(megabytes * 1_000_000)
    written = copy = 0
    taken: set[str] = set()
    while written < target:
        for text in texts:
            variant = text if copy < len(texts) else vary(text, copy, taken)
            path = folder / f"doc{copy:05d}.md"
            path.write_text(variant, encoding="utf-8")
            written += len(variant.encode())
            copy += 1
            if written >= target:
                break
    return written


WARM_UP = """Harbour Credit opened 12 branches in Lisbon in March 2020, its chief executive Ana Ruiz said.
The lender raised 40 million euros from Northwind Capital. It holds a 15 percent share of the market.
"""


def timed_run(folder: Path) -> float:
    """One generation of `folder`, timed, in this (fresh) process: spaCy, lemma and place tables are
    loaded first on unrelated text, so no cache holds the corpus's own sentences."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "warm-up.md").write_text(WARM_UP, encoding="utf-8")
        generate([Path(tmp)])
    started = time.perf_counter()
    generate([folder])
    return time.perf_counter() - started


def count_cards(folder: Path) -> int:
    return sum(len(deck.cards) for deck in generate([folder]).decks)


def measure(megabytes: float, repeat: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size = build_corpus(folder, megabytes)
        # Each run in a process of its own, so no run inherits another's caches or heap.
        times = [
            float(
                subprocess.run(
                    [sys.executable, __file__, "--time-folder", str(folder)], check=True, capture_output=True, text=True
                ).stdout
            )
            for _ in range(repeat)
        ]
        cards = count_cards(folder)
    best = min(times)
    return {
        "mb": round(size / 1e6, 2),
        "seconds": round(best, 3),
        "median_seconds": round(statistics.median(times), 3),
        "mb_per_s": round(size / 1e6 / best, 3),
        "cards": cards,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 10], help="corpus sizes in MB")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the fastest counts")
    parser.add_argument("--time-folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.time_folder:
        print(timed_run(args.time_folder))
        return
    runs = [measure(size, args.repeat) for size in args.sizes]
    for run in runs:
        print(
            f"{run['mb']:>7.2f} MB  {run['seconds']:>8.2f} s (median {run['median_seconds']:.2f} s)"
            f"  {run['mb_per_s']:>6.2f} MB/s  {run['cards']:>8} cards"
        )
    scaling = runs[-1]["mb_per_s"] / runs[0]["mb_per_s"] if len(runs) > 1 else 1.0
    print(f"generator {'compiled (mypyc)' if compiled() else 'running as plain Python'}")
    print(
        json.dumps(
            {
                "benchmark": "generate",
                "compiled": compiled(),
                "runs": runs,
                "mb_per_s": runs[-1]["mb_per_s"],
                "scaling_last_vs_first": round(scaling, 3),
            }
        )
    )


if __name__ == "__main__":
    main()

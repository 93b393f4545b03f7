"""Deck-generator throughput on 1, 5 and 10 MB corpora, and how it scales.

The corpus is built from the project's seeds and, when present, the real articles in
../shared/seeds, copied until it reaches each size; every copy renames its companies so
that no two documents are identical. Prints a table, then one JSON line.

    python bench/generate.py [--sizes 1 5 10]
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from pathlib import Path

from quiz.generate import generate

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


def build_corpus(folder: Path, megabytes: float) -> int:
    texts = source_texts()
    target = int(megabytes * 1_000_000)
    written = copy = 0
    while written < target:
        for text in texts:
            # A distinct company name per copy keeps documents and facts distinct.
            variant = re.sub(r"Xiaomi", f"Xiaomi{copy}", text)
            path = folder / f"doc{copy:05d}.md"
            path.write_text(variant, encoding="utf-8")
            written += len(variant.encode())
            copy += 1
            if written >= target:
                break
    return written


def measure(megabytes: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size = build_corpus(folder, megabytes)
        started = time.perf_counter()
        result = generate([folder])
        elapsed = time.perf_counter() - started
    cards = sum(len(deck.cards) for deck in result.decks)
    return {
        "mb": round(size / 1e6, 2),
        "seconds": round(elapsed, 3),
        "mb_per_s": round(size / 1e6 / elapsed, 3),
        "cards": cards,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 10], help="corpus sizes in MB")
    args = parser.parse_args()
    measure(0.05)  # load spaCy, lemma and place tables once, outside the timings
    runs = [measure(size) for size in args.sizes]
    for run in runs:
        print(f"{run['mb']:>7.2f} MB  {run['seconds']:>8.2f} s  {run['mb_per_s']:>6.2f} MB/s  {run['cards']:>8} cards")
    scaling = runs[-1]["mb_per_s"] / runs[0]["mb_per_s"] if len(runs) > 1 else 1.0
    print(
        json.dumps(
            {
                "benchmark": "generate",
                "runs": runs,
                "mb_per_s": runs[-1]["mb_per_s"],
                "scaling_last_vs_first": round(scaling, 3),
            }
        )
    )


if __name__ == "__main__":
    main()

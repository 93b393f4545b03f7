"""Startup: time to the first card drawn, against a bare Textual app's first screen.

Both run as fresh processes on this machine, headless, and report the moment the first
frame showing their screen (for quiz: with the card on it) goes out for display; the
parent measures from process start to that moment.
quiz opens a progress database of N cards (already synced, as on any start after the
first) straight into a study session. Prints both medians and their ratio; last line JSON.

    python bench/startup.py [--cards 100000] [--runs 7]
"""

from __future__ import annotations

import argparse
import compileall
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Both apps report the first frame their screen hands to the driver for output: App._display
# is where a composed frame goes to the terminal (headless, the write itself is skipped).
BARE = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("first screen")

    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        if renderable is not None and not getattr(self, "reported", False):
            self.reported = True
            print("drawn", flush=True)
            self.exit()

Bare().run(headless=True)
"""

QUIZ = """
import sys
from pathlib import Path
from quiz.tui.app import QuizApp
from quiz.tui.study import StudyScreen

class Timed(QuizApp):
    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        drawn = renderable is not None and isinstance(screen, StudyScreen) and screen.card is not None
        if drawn and not getattr(self, "reported", False):
            self.reported = True
            print("drawn", flush=True)
            self.exit()

Timed(Path(sys.argv[1]), Path(sys.argv[2]), study_now=True).run(headless=True)
"""


def time_to_draw(code: str, *args: str) -> float:
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    process.wait(timeout=60)
    if line.strip() != "drawn":
        raise RuntimeError(f"the app did not report drawing its first screen: {line!r}")
    return elapsed


def make_collection(folder: Path, cards: int) -> tuple[Path, Path]:
    from synthetic import numbered_cards

    from quiz.collection import open_collection
    from quiz.deck import Deck, dump_deck

    decks = folder / "decks"
    decks.mkdir()
    deck_cards = numbered_cards(cards, "startup")
    (decks / "startup.toml").write_text(dump_deck(Deck("startup", "Startup", deck_cards)), encoding="utf-8")
    db = folder / "progress.db"
    open_collection(db, decks).close()  # the first start syncs; the measured ones do not need to
    return db, decks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    # Textual comes byte-compiled from its wheel; compile quiz too, as a regular install does
    # (an editable one with PYTHONDONTWRITEBYTECODE set would otherwise compile it every run).
    compileall.compile_dir(Path(__file__).resolve().parent.parent / "quiz", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        db, decks = make_collection(Path(tmp), args.cards)
        time_to_draw(BARE), time_to_draw(QUIZ, str(db), str(decks))  # warm the file cache
        bare, quiz = [], []
        for _ in range(args.runs):
            bare.append(time_to_draw(BARE))
            quiz.append(time_to_draw(QUIZ, str(db), str(decks)))
    result = {
        "benchmark": "startup",
        "cards": args.cards,
        "bare_textual_s": round(statistics.median(bare), 3),
        "quiz_first_card_s": round(statistics.median(quiz), 3),
    }
    result["ratio"] = round(result["quiz_first_card_s"] / result["bare_textual_s"], 3)
    print(
        f"bare Textual app {result['bare_textual_s']} s, quiz first card ({args.cards} cards)"
        f" {result['quiz_first_card_s']} s, ratio {result['ratio']}"
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()

"""Nothing answered is lost: a killed process, and two processes on one database."""

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT, make_card, write_deck


def study_process(db: Path, decks: Path, count: int, deck: str | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.answer_loop", str(db), str(decks), str(count), *([deck] if deck else [])],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def big_decks(folder: Path, names=("one", "two"), size=150) -> Path:
    for name in names:
        cards = [make_card(f"In deck {name}, fact {n} has the answer value{n}.", f"value{n}") for n in range(size)]
        write_deck(folder, name, cards)
    return folder


def logged_reviews(db: Path) -> set[int]:
    connection = sqlite3.connect(db)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {row[0] for row in connection.execute("SELECT id FROM reviews")}
    finally:
        connection.close()


def test_kill_minus_nine_at_random_points_across_200_answers_loses_none(tmp_path: Path):
    decks = big_decks(tmp_path / "decks")
    db = tmp_path / "p.db"
    rng = random.Random(7)
    printed: set[int] = set()
    kills = 0
    while len(printed) < 200 or kills < 8:
        process = study_process(db, decks, 100_000)
        kills += 1
        target = rng.randint(1, 25)
        seen = 0
        while seen < target:
            line = process.stdout.readline()
            assert line, process.stderr.read()
            printed.add(int(line.split()[0]))
            seen += 1
        time.sleep(rng.random() * 0.005)  # die mid-answer, mid-commit, or between answers
        process.send_signal(signal.SIGKILL)
        process.wait()
        printed.update(int(line.split()[0]) for line in process.stdout.read().splitlines() if line.strip())
    stored = logged_reviews(db)
    assert printed <= stored
    assert len(printed) >= 200


def test_two_processes_studying_one_database(tmp_path: Path):
    decks = big_decks(tmp_path / "decks")
    db = tmp_path / "p.db"
    # Create the database first, so the two processes race only on answers.
    first = study_process(db, decks, 1)
    first.wait()
    processes = [study_process(db, decks, 120, "one"), study_process(db, decks, 120, "two")]
    outputs = [process.communicate(timeout=120) for process in processes]
    for process, (_, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err
    ids = {int(line.split()[0]) for out, _ in outputs for line in out.splitlines()}
    assert len(ids) == 240
    assert ids <= logged_reviews(db)

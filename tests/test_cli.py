"""The command line as a user runs it: real subprocesses, real files."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def quiz(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_generate_then_cards_json(tmp_path: Path):
    out = tmp_path / "decks"
    result = quiz("generate", str(ROOT / "seeds"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "total: +" in result.stdout
    listed = quiz("--db", str(tmp_path / "p.db"), "--decks", str(out), "cards", "--json")
    assert listed.returncode == 0, listed.stderr
    cards = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(cards) >= 30
    for card in cards:
        assert {"id", "deck", "kind", "prompt", "answer", "source"} <= card.keys()
        assert card["source"]["file"] and card["source"]["text"]


def test_dry_run_writes_nothing_and_reports_changes(tmp_path: Path):
    out = tmp_path / "decks"
    result = quiz("generate", str(ROOT / "seeds"), "--out", str(out), "--dry-run")
    assert result.returncode == 0
    assert not out.exists()
    assert "added" in result.stdout
    quiz("generate", str(ROOT / "seeds"), "--out", str(out))
    again = quiz("generate", str(ROOT / "seeds"), "--out", str(out), "--dry-run")
    assert "total: +0 added, ~0 changed, =0 relinked, -0 retired" in again.stdout


def test_decks_and_stats_json(tmp_path: Path):
    db = str(tmp_path / "p.db")
    decks = quiz("--db", db, "--decks", str(ROOT / "decks"), "decks", "--json")
    assert decks.returncode == 0, decks.stderr
    rows = [json.loads(line) for line in decks.stdout.splitlines()]
    assert {row["name"] for row in rows} == {p.stem for p in (ROOT / "decks").glob("*.toml")}
    stats = quiz("--db", db, "--decks", str(ROOT / "decks"), "stats", "--json")
    data = json.loads(stats.stdout)
    assert data["reviews"] == 0 and data["cards"] == sum(row["cards"] for row in rows)


def test_quiz_db_environment_variable_is_used(tmp_path: Path):
    db = tmp_path / "from-env.db"
    result = quiz("--decks", str(ROOT / "decks"), "decks", env={"QUIZ_DB": str(db)})
    assert result.returncode == 0, result.stderr
    assert db.exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["frobnicate"], "invalid choice"),
        (["--decks", "/no/such/folder", "decks"], "/no/such/folder"),
        (["cards", "no-such-deck"], "no deck named 'no-such-deck'"),
        (["stats", "no-such-deck"], "no deck named 'no-such-deck'"),
        (["generate", "/no/such/seeds"], "no such seed file or folder"),
        (["study"], "needs a terminal"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, args, expected):
    result = quiz("--db", str(tmp_path / "p.db"), *args)
    assert result.returncode == 2
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_corrupt_database_is_one_line_and_untouched(tmp_path: Path):
    db = tmp_path / "bad.db"
    db.write_bytes(b"garbage" * 1000)
    result = quiz("--db", str(db), "--decks", str(ROOT / "decks"), "decks")
    assert result.returncode == 2
    assert "bad.db" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert db.read_bytes() == b"garbage" * 1000


def test_broken_deck_file_names_file_and_line(tmp_path: Path):
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "broken.toml").write_text('[deck]\nname = "b"\n\n[[cards]]\nid = "x"\nkind = "nope"\n')
    result = quiz("--db", str(tmp_path / "p.db"), "--decks", str(decks), "decks")
    assert result.returncode == 2
    assert "broken.toml:4:" in result.stderr


def test_headless_core_never_imports_textual():
    code = (
        "import sys, quiz, quiz.cli, quiz.store, quiz.session, quiz.scheduler, quiz.generate, quiz.stats,"
        " quiz.collection; assert 'textual' not in sys.modules, 'textual imported'; print('ok')"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "ok", result.stderr


def test_options_show_and_change(tmp_path: Path):
    db = str(tmp_path / "p.db")
    decks = str(ROOT / "decks")
    result = quiz(
        "--db",
        db,
        "--decks",
        decks,
        "options",
        "xw-bank",
        "--new-per-day",
        "5",
        "--learning-steps",
        "30s,5m",
        "--retention",
        "0.85",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    options = json.loads(result.stdout)
    assert options["new_per_day"] == 5 and options["learning_steps"] == [30, 300]
    shown = json.loads(quiz("--db", db, "--decks", decks, "options", "xw-bank", "--json").stdout)
    assert shown == options
    listed = [json.loads(line) for line in quiz("--db", db, "--decks", decks, "decks", "--json").stdout.splitlines()]
    assert next(row for row in listed if row["name"] == "xw-bank")["new"] == 5


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["options", "xw-bank", "--retention", "1.5"], "outside 0.70-0.99"),
        (["options", "xw-bank", "--learning-steps", "ten"], "not a step"),
        (["options", "xw-bank", "--new-per-day", "-1"], "outside 0-9999"),
        (["options", "nope"], "no deck named 'nope'"),
        (["suspend", "c-000000000000"], "no card with id"),
        (["study", "--extra-new", "x"], "not a whole number"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(tmp_path: Path, args, expected):
    result = quiz("--db", str(tmp_path / "p.db"), "--decks", str(ROOT / "decks"), *args)
    assert result.returncode == 2
    assert expected in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_suspend_and_unsuspend_by_id(tmp_path: Path):
    db, decks = str(tmp_path / "p.db"), str(ROOT / "decks")
    cards = [json.loads(line) for line in quiz("--db", db, "--decks", decks, "cards", "--json").stdout.splitlines()]
    target = cards[0]["id"]
    assert quiz("--db", db, "--decks", decks, "suspend", target).returncode == 0
    stats = json.loads(quiz("--db", db, "--decks", decks, "stats", "--json").stdout)
    assert stats["suspended"] == 1
    assert quiz("--db", db, "--decks", decks, "unsuspend", target).returncode == 0
    assert json.loads(quiz("--db", db, "--decks", decks, "stats", "--json").stdout)["suspended"] == 0


def test_generate_reports_a_reworded_fact_as_relinked(tmp_path: Path):
    seeds, out = tmp_path / "seeds", tmp_path / "decks"
    seeds.mkdir()
    seed = seeds / "acme.md"
    seed.write_text("Acme Robotics opened a research lab in Lisbon in March 2021.\n")
    assert quiz("generate", str(seeds), "--out", str(out)).returncode == 0
    seed.write_text("Acme Robotics opened its research lab in Lisbon in March 2021.\n")
    result = quiz("generate", str(seeds), "--out", str(out), "--dry-run")
    assert "+0 added" in result.stdout and "-0 retired" in result.stdout
    assert "=0 relinked" not in result.stdout


def test_import_export_optimize_from_the_command_line(tmp_path: Path):
    db, decks = str(tmp_path / "p.db"), tmp_path / "decks"
    decks.mkdir()
    notes = tmp_path / "notes.tsv"
    notes.write_text("front\tback\nCapital of Peru?\tLima\nCapital of Chile?\tSantiago\n")
    imported = quiz("--db", db, "--decks", str(decks), "import", str(notes))
    assert imported.returncode == 0, imported.stderr
    assert (decks / "notes.toml").exists()
    exported = quiz("--db", db, "--decks", str(decks), "export", "notes", "--format", "csv")
    assert exported.stdout.splitlines()[1:] == [
        "Capital of Peru?,Lima,quiz::question",
        "Capital of Chile?,Santiago,quiz::question",
    ]
    apkg = tmp_path / "notes.apkg"
    assert quiz("--db", db, "--decks", str(decks), "export", "notes", "--out", str(apkg)).returncode == 0
    assert apkg.stat().st_size > 0
    too_little = quiz("--db", db, "--decks", str(decks), "optimize")
    assert too_little.returncode == 2 and "needs at least" in too_little.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["import", "/no/such.csv"], "no such file"),
        (["import", str(ROOT / "README.md")], "unknown import format"),
        (["export", "nope"], "no deck named 'nope'"),
        (["export", "xw-bank", "--format", "pdf"], "invalid choice"),
        (["optimize", "nope"], "no deck named 'nope'"),
    ],
)
def test_bad_interop_input_is_one_line_and_exit_2(tmp_path: Path, args, expected):
    result = quiz("--db", str(tmp_path / "p.db"), "--decks", str(ROOT / "decks"), *args)
    assert result.returncode == 2
    assert expected in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_terminal_output_never_carries_control_sequences(tmp_path: Path):
    from tests.conftest import make_card, write_deck

    decks = tmp_path / "decks"
    write_deck(decks, "ansi", [make_card("Evil \x1b[2J card from 1999 here.", "1999")])
    listed = quiz("--db", str(tmp_path / "p.db"), "--decks", str(decks), "cards")
    assert "\x1b" not in listed.stdout and "␛[2J" in listed.stdout

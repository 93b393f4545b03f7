"""Bad input of every kind: one line on stderr naming the file and line or the argument, exit 2,
no traceback, and nothing lost (the database's answers and the deck files are as they were)."""

import hashlib
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, make_card, write_deck


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Path:
    """A collection with some history: the thing bad input must never damage."""
    root = tmp_path_factory.mktemp("world")
    decks = root / "decks"
    write_deck(decks, "good", [make_card(f"Fact {n} has the answer word{n}.", f"word{n}") for n in range(5)])
    subprocess.run(
        [sys.executable, "-m", "tests.answer_loop", str(root / "p.db"), str(decks), "12"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return root


def fingerprint(root: Path) -> tuple:
    connection = sqlite3.connect(root / "p.db")
    try:
        reviews = connection.execute("SELECT count(*), max(id) FROM reviews").fetchone()
    finally:
        connection.close()
    decks = tuple(sorted((p.name, hashlib.sha256(p.read_bytes()).hexdigest()) for p in (root / "decks").iterdir()))
    return reviews, decks


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def zip_with(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


GOOD_CARD = 'id = "c-1"\nkind = "cloze"\nprompt = "A [...] b"\nanswer = "x"\nfact = "f"\n'

# (name, how to make the input in a scratch folder, arguments, text the one line must contain)
CASES = [
    # Deck files
    (
        "deck: invalid TOML",
        lambda s: write(s / "d/bad.toml", "[deck\n"),
        ["--decks", "{s}/d", "decks"],
        "bad.toml: invalid TOML",
    ),
    (
        "deck: unknown kind",
        lambda s: write(s / "d/k.toml", GOOD_CARD.replace("cloze", "riddle").join(["[[cards]]\n", ""])),
        ["--decks", "{s}/d", "decks"],
        "k.toml:1: unknown card kind",
    ),
    (
        "deck: empty answer",
        lambda s: write(s / "d/a.toml", "[[cards]]\n" + GOOD_CARD.replace('"x"', '""')),
        ["--decks", "{s}/d", "decks"],
        "a.toml:1: card needs a non-empty text 'answer'",
    ),
    (
        "deck: cloze without blank",
        lambda s: write(s / "d/c.toml", "[[cards]]\n" + GOOD_CARD.replace("[...]", "___")),
        ["--decks", "{s}/d", "decks"],
        "c.toml:1: a cloze prompt must contain the blank",
    ),
    (
        "deck: duplicate id",
        lambda s: write(s / "d/u.toml", ("[[cards]]\n" + GOOD_CARD) * 2),
        ["--decks", "{s}/d", "decks"],
        "u.toml:7: duplicate card id",
    ),
    (
        "deck: choice answer missing",
        lambda s: write(
            s / "d/m.toml", "[[cards]]\n" + GOOD_CARD.replace('kind = "cloze"', 'kind = "choice"\nchoices = ["p", "q"]')
        ),
        ["--decks", "{s}/d", "decks"],
        "is not among the choices",
    ),
    (
        "deck: cards not a list",
        lambda s: write(s / "d/l.toml", 'cards = "nope"\n'),
        ["--decks", "{s}/d", "decks"],
        "l.toml:1: 'cards' must be an array",
    ),
    (
        "deck: not UTF-8",
        lambda s: write(s / "d/n.toml", b'[deck]\nname = "\xff"\n'),
        ["--decks", "{s}/d", "decks"],
        "not UTF-8",
    ),
    (
        "deck: folder missing",
        lambda s: None,
        ["--decks", "{s}/nowhere", "decks"],
        "--decks {s}/nowhere: no such folder",
    ),
    # Seeds
    ("seed: missing path", lambda s: None, ["generate", "{s}/none", "--out", "{s}/o"], "no such seed file or folder"),
    (
        "seed: bad front matter",
        lambda s: write(s / "seeds/f.md", "---\ntitle: [x\n---\nBody text goes here.\n"),
        ["generate", "{s}/seeds", "--out", "{s}/o"],
        "f.md:2: invalid front matter",
    ),
    (
        "seed: folder with no seeds",
        lambda s: write(s / "empty/note.pdf", b"%PDF"),
        ["generate", "{s}/empty", "--out", "{s}/o"],
        "no seed files",
    ),
    (
        "seed: two seeds, one deck name",
        lambda s: (write(s / "twins/a-b.md", "x y z w."), write(s / "twins/a_b.txt", "x y z w.")),
        ["generate", "{s}/twins", "--out", "{s}/o"],
        "gives the same deck name",
    ),
    # Database files
    (
        "db: not a database",
        lambda s: write(s / "junk.db", b"garbage" * 500),
        ["--db", "{s}/junk.db", "--decks", "{decks}", "decks"],
        "junk.db: not a usable quiz database",
    ),
    (
        "db: someone else's SQLite",
        lambda s: _foreign_db(s / "other.db"),
        ["--db", "{s}/other.db", "--decks", "{decks}", "decks"],
        "not a quiz progress database",
    ),
    (
        "db: from a newer quiz",
        lambda s: _newer_db(s / "newer.db"),
        ["--db", "{s}/newer.db", "--decks", "{decks}", "decks"],
        "written by a newer quiz",
    ),
    (
        "db: path is a folder",
        lambda s: (s / "dbdir").mkdir(),
        ["--db", "{s}/dbdir", "--decks", "{decks}", "decks"],
        "is a folder",
    ),
    # Arguments
    ("arg: unknown command", lambda s: None, ["frobnicate"], "invalid choice: 'frobnicate'"),
    ("arg: unknown deck (cards)", lambda s: None, ["--decks", "{decks}", "cards", "nope"], "no deck named 'nope'"),
    ("arg: unknown deck (study)", lambda s: None, ["--decks", "{decks}", "study", "nope"], "no deck named 'nope'"),
    ("arg: study without a terminal", lambda s: None, ["--decks", "{decks}", "study"], "needs a terminal"),
    (
        "arg: retention out of range",
        lambda s: None,
        ["--decks", "{decks}", "options", "good", "--retention", "0.2"],
        "outside 0.70-0.99",
    ),
    (
        "arg: bad learning steps",
        lambda s: None,
        ["--decks", "{decks}", "options", "good", "--learning-steps", "1x"],
        "not a step",
    ),
    (
        "arg: negative limit",
        lambda s: None,
        ["--decks", "{decks}", "options", "good", "--reviews-per-day", "-5"],
        "outside 0-99999",
    ),
    (
        "arg: unknown card id",
        lambda s: None,
        ["--decks", "{decks}", "suspend", "c-missing"],
        "no card with id 'c-missing'",
    ),
    (
        "arg: bad export format",
        lambda s: None,
        ["--decks", "{decks}", "export", "good", "--format", "pdf"],
        "invalid choice: 'pdf'",
    ),
    (
        "arg: extra-new not a number",
        lambda s: None,
        ["--decks", "{decks}", "study", "--extra-new", "lots"],
        "not a whole number",
    ),
    # Imports
    ("import: missing file", lambda s: None, ["--decks", "{decks}", "import", "{s}/nothing.csv"], "no such file"),
    (
        "import: unknown format",
        lambda s: write(s / "x.docx", b"PK"),
        ["--decks", "{decks}", "import", "{s}/x.docx"],
        "unknown import format",
    ),
    (
        "import: CSV row without back",
        lambda s: write(s / "half.csv", "front,back\nq,a\nonly\n"),
        ["--decks", "{decks}", "import", "{s}/half.csv"],
        "half.csv:3: expected 'front, back",
    ),
    (
        "import: rating out of range",
        lambda s: write(s / "log.csv", "card_id,review_rating,review_time\n1,7,2024-01-01T00:00:00+00:00\n"),
        ["--decks", "{decks}", "import", "{s}/log.csv"],
        "log.csv:2: review_rating must be 1-4",
    ),
    (
        "import: time without zone",
        lambda s: write(s / "tz.csv", "card_id,review_rating,review_time\n1,3,2024-01-01T00:00:00\n"),
        ["--decks", "{decks}", "import", "{s}/tz.csv"],
        "tz.csv:2: review_time needs a time zone",
    ),
    (
        "import: not a zip",
        lambda s: write(s / "fake.apkg", "hello"),
        ["--decks", "{decks}", "import", "{s}/fake.apkg"],
        "not a zip archive",
    ),
    (
        "import: path traversal",
        lambda s: zip_with(s / "evil.apkg", {"../../x": b"x"}),
        ["--decks", "{decks}", "import", "{s}/evil.apkg"],
        "points outside the archive",
    ),
    (
        "import: decompression bomb",
        lambda s: zip_with(s / "bomb.apkg", {"collection.anki2": b"\0" * 30_000_000}),
        ["--decks", "{decks}", "import", "{s}/bomb.apkg"],
        "decompression bomb",
    ),
    (
        "export: folder missing",
        lambda s: None,
        ["--decks", "{decks}", "export", "good", "--out", "{s}/no/such/x.apkg"],
        "x.apkg: cannot write",
    ),
    (
        "generate: --out is a file",
        lambda s: (write(s / "seeds/a.md", "Acme opened a lab in Lisbon in March 2021."), write(s / "taken", "x")),
        ["generate", "{s}/seeds", "--out", "{s}/taken"],
        "cannot create deck folder",
    ),
    (
        "import: malformed collection",
        lambda s: zip_with(s / "bad.apkg", {"collection.anki21": b"SQLite format 3\0" + b"x" * 500}),
        ["--decks", "{decks}", "import", "{s}/bad.apkg"],
        "not a readable Anki collection",
    ),
]


def _foreign_db(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.commit()
    connection.close()


def _newer_db(path: Path) -> None:
    from quiz.store import Store

    Store(path).close()
    connection = sqlite3.connect(path)
    connection.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('quiz', 'm999', 'x')")
    connection.commit()
    connection.close()


def test_there_are_at_least_thirty_cases():
    assert len(CASES) >= 30


@pytest.mark.parametrize(("name", "make", "args", "expected"), CASES, ids=[case[0] for case in CASES])
def test_bad_input(world: Path, tmp_path: Path, name, make, args, expected):
    make(tmp_path)
    before = fingerprint(world)
    fill = {"s": str(tmp_path), "decks": str(world / "decks")}
    arguments = [arg.format(**fill) for arg in args]
    if "--db" not in arguments:
        arguments = ["--db", str(world / "p.db"), *arguments]
    result = run(*arguments, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected.format(**fill) in lines[0]
    assert "Traceback" not in result.stderr
    assert fingerprint(world) == before


def test_read_only_database_is_one_line_and_untouched(world: Path, tmp_path: Path):
    """An immutable file (chattr +i: read-only even for root) refuses the write cleanly."""
    import shutil

    db = tmp_path / "ro.db"
    shutil.copy(world / "p.db", db)
    if subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode != 0:
        pytest.skip("this file system cannot make a file immutable")
    try:
        before = db.read_bytes()
        result = run(
            "--db", str(db), "--decks", str(world / "decks"), "options", "good", "--new-per-day", "5", cwd=tmp_path
        )
        assert result.returncode == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "readonly" in lines[0].replace("read-only", "readonly"), result.stderr
        assert db.read_bytes() == before
    finally:
        subprocess.run(["chattr", "-i", str(db)], capture_output=True)

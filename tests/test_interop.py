"""Import and export: CSV, Anki packages (genanki-built), review logs, optimize; hostile files refused."""

import json
import sqlite3
import zipfile
from datetime import timedelta
from pathlib import Path

import genanki
import pytest

from quiz.collection import open_collection
from quiz.errors import QuizError
from quiz.exporting import export_deck
from quiz.importing import import_file, plain_text
from quiz.optimize import fit, review_histories, training_items
from tests.conftest import ROOT, make_card, write_deck

REVLOG = ROOT.parent / "shared" / "revlogs" / "anki-reviews-1205-cards.csv"


@pytest.fixture
def store_and_decks(tmp_path: Path, clock):
    decks = tmp_path / "decks"
    write_deck(decks, "seeded", [make_card("Xiaomi held 29.5 percent of XW Bank.", "29.5 percent")])
    store = open_collection(tmp_path / "p.db", decks, clock())
    yield store, decks
    store.close()


def genanki_package(path: Path) -> Path:
    basic = genanki.BASIC_MODEL
    cloze = genanki.CLOZE_MODEL
    deck = genanki.Deck(2059400110, "Imported")
    deck.add_note(genanki.Note(model=basic, fields=["Capital of <b>France</b>?", "Paris&nbsp;"]))
    deck.add_note(genanki.Note(model=basic, fields=["[bold]Markup[/] stays text?", "[@click=app.quit]yes[/]"]))
    deck.add_note(genanki.Note(model=cloze, fields=["{{c1::Lisbon}} is the capital of {{c2::Portugal}}.", ""]))
    genanki.Package(deck).write_to_file(str(path))
    return path


def with_reviews(package: Path) -> Path:
    """Add a review history to the package's collection, as Anki's own export would carry."""
    with zipfile.ZipFile(package) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    db_path = package.with_suffix(".anki2")
    db_path.write_bytes(members["collection.anki2"])
    db = sqlite3.connect(db_path)
    card_ids = [row[0] for row in db.execute("SELECT id FROM cards ORDER BY id")]
    day = 86_400_000
    for n, card in enumerate(card_ids):
        for k, ease in enumerate((3, 3, 1, 3)):
            db.execute(
                "INSERT INTO revlog VALUES (?, ?, -1, ?, 1, 0, 2500, 4000, 1)",
                [1_700_000_000_000 + n * 1000 + k * 3 * day, card, ease],
            )
    db.commit()
    db.close()
    members["collection.anki2"] = db_path.read_bytes()
    with zipfile.ZipFile(package, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return package


def test_apkg_notes_become_cards_with_history(store_and_decks, tmp_path: Path, clock):
    store, decks = store_and_decks
    package = with_reviews(genanki_package(tmp_path / "notes.apkg"))
    report = import_file(package, store, decks, clock())
    assert report.cards == 4 and report.reviews == 16
    cards = {row["prompt"]: row for row in store.active_cards("notes")}
    assert cards["Capital of France?"]["answer"] == "Paris"
    assert cards["[bold]Markup[/] stays text?"]["answer"] == "[@click=app.quit]yes[/]"
    assert cards["[...] is the capital of Portugal."]["answer"] == "Lisbon"
    assert cards["Lisbon is the capital of [...]."]["kind"] == "cloze"
    card = cards["Capital of France?"]
    assert card["reps"] == 4 and card["lapses"] == 1 and card["queue"] in ("review", "relearning")
    assert (decks / "notes.toml").exists()


def test_csv_round_trip(store_and_decks, tmp_path: Path, clock):
    store, decks = store_and_decks
    _, count, text = export_deck(store, "seeded", "csv", None)
    assert count == 1
    exported = tmp_path / "copy.csv"
    exported.write_text(text)
    import_file(exported, store, decks, clock())
    original = [(r["prompt"], r["answer"], r["kind"]) for r in store.active_cards("seeded")]
    copied = [(r["prompt"], r["answer"], r["kind"]) for r in store.active_cards("copy")]
    assert copied == original


def test_apkg_export_round_trip(store_and_decks, tmp_path: Path, clock):
    store, decks = store_and_decks
    path, count, _ = export_deck(store, "seeded", "apkg", tmp_path / "out.apkg")
    assert count == 1 and zipfile.is_zipfile(path)
    report = import_file(path, store, decks, clock(), deck_name="reimported")
    [row] = store.active_cards("reimported")
    assert (row["prompt"], row["answer"], row["kind"]) == ("Xiaomi held [...] of XW Bank.", "29.5 percent", "cloze")
    assert report.cards == 1


@pytest.mark.skipif(not REVLOG.exists(), reason="../shared/revlogs is not beside the checkout")
def test_review_log_import_and_optimize_match_the_reference(store_and_decks, clock):
    store, decks = store_and_decks
    report = import_file(REVLOG, store, decks, clock())
    assert report.reviews == 12_580 and report.placeholders == 1205
    result = fit(store, None, day_offset=timedelta(0))
    assert result.items == 6032  # the reference's item count
    assert result.in_sample["log_loss"] < result.before["log_loss"]
    assert result.after["log_loss"] < result.before["log_loss"]
    assert result.after["rmse_bins"] < result.before["rmse_bins"] - 0.02
    assert result.applied and len(result.parameters) == 21
    options = store.deck_options("seeded")
    assert json.loads(options["fsrs_parameters"]) == result.parameters
    # Exporting that history gives back the same reviews.
    _, rows, text = export_deck(store, report.deck, "revlog", None)
    assert rows == 12_580 and text.splitlines()[0] == "card_id,review_rating,review_time,review_duration"


@pytest.mark.skipif(not REVLOG.exists(), reason="../shared/revlogs is not beside the checkout")
def test_items_from_the_imported_log_give_the_reference_figures_in_its_order(store_and_decks, clock):
    """The reference scored items card by card (cards in order of first review); fsrs-rs weights
    later items more, so the order changes the figures. In that order ours give exactly its numbers."""
    from fsrs_rs_python import DEFAULT_PARAMETERS, FSRS

    store, decks = store_and_decks
    import_file(REVLOG, store, decks, clock())
    histories, _ = review_histories(store, None)
    cards_in_order = sorted(histories.values(), key=min)
    items = [item for history in cards_in_order for item in training_items({"card": history})]
    assert len(items) == 6032

    def score(parameters):
        evaluation = FSRS(list(parameters)).evaluate(items)
        return round(evaluation.log_loss, 4), round(evaluation.rmse_bins, 4)

    assert score(DEFAULT_PARAMETERS) == (0.4647, 0.0764)
    assert score(FSRS(list(DEFAULT_PARAMETERS)).compute_parameters(items)) == (0.4548, 0.0513)


def test_reimporting_the_same_log_adds_nothing(store_and_decks, tmp_path: Path, clock):
    store, decks = store_and_decks
    log = tmp_path / "log.csv"
    log.write_text(
        "card_id,review_rating,review_time,review_duration\n"
        "42,3,2024-01-01T10:00:00+00:00,5000\n42,1,2024-01-05T10:00:00+00:00,3000\n"
    )
    first = import_file(log, store, decks, clock())
    second = import_file(log, store, decks, clock())
    assert (first.reviews, second.reviews, second.skipped_reviews) == (2, 0, 2)


def hostile(tmp_path: Path, name: str, members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", compression=compression) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return path


@pytest.mark.parametrize(
    ("name", "members", "message"),
    [
        ("traversal.apkg", {"../../etc/evil": b"x", "collection.anki2": b"x"}, "outside the archive"),
        ("absolute.apkg", {"/tmp/evil": b"x"}, "outside the archive"),
        ("bomb.apkg", {"collection.anki2": b"\0" * 50_000_000}, "decompression bomb"),
        ("empty.apkg", {"media": b"{}"}, "no collection inside"),
        ("garbage.apkg", {"collection.anki2": b"not sqlite at all" * 100}, "not a readable Anki collection"),
        ("badzstd.apkg", {"collection.anki21b": b"not zstd"}, "not valid zstd"),
    ],
)
def test_hostile_archives_are_refused_and_change_nothing(store_and_decks, tmp_path, clock, name, members, message):
    store, decks = store_and_decks
    path = hostile(tmp_path, name, members)
    before = sorted(p.name for p in decks.iterdir())
    with pytest.raises(QuizError, match=message):
        import_file(path, store, decks, clock())
    assert sorted(p.name for p in decks.iterdir()) == before
    assert store.deck_names() == ["seeded"] and store.review_count() == 0


def test_not_a_zip_is_a_clear_error(store_and_decks, tmp_path, clock):
    store, decks = store_and_decks
    path = tmp_path / "fake.apkg"
    path.write_text("hello")
    with pytest.raises(QuizError, match="not a zip archive"):
        import_file(path, store, decks, clock())


def test_bad_csv_rows_name_the_line(store_and_decks, tmp_path, clock):
    store, decks = store_and_decks
    path = tmp_path / "bad.csv"
    path.write_text("front,back\nok,fine\nonly a front\n")
    with pytest.raises(QuizError, match=r"bad.csv:3: expected 'front, back"):
        import_file(path, store, decks, clock())
    assert not (decks / "bad.toml").exists()


def test_failed_history_import_leaves_no_deck_file(store_and_decks, tmp_path, clock):
    store, decks = store_and_decks
    log = tmp_path / "log.csv"
    log.write_text("card_id,review_rating,review_time,review_duration\n7,9,2024-01-01T10:00:00+00:00,1\n")
    with pytest.raises(QuizError, match="log.csv:2: review_rating must be 1-4"):
        import_file(log, store, decks, clock())
    assert not list(decks.glob("history-*"))


def test_html_becomes_plain_text():
    assert plain_text("a<br>b <script>alert(1)</script><b>c</b> &amp; d") == "a\nb c & d"

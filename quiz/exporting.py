"""Taking decks out: an Anki package (genanki), CSV that `quiz import` reads back, and the review log."""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
from pathlib import Path

from quiz.deck import CLOZE_BLANK
from quiz.errors import QuizError
from quiz.store import Store, from_db_time

FORMATS = ("apkg", "csv", "revlog")
# Fixed model ids, so every export of quiz cards uses the same two note types in Anki.
BASIC_MODEL_ID = 1_742_870_001
CLOZE_MODEL_ID = 1_742_870_002


def _stable_id(text: str) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest()[:12], 16) % (1 << 31)


def export_csv(store: Store, deck: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["front", "back", "tags"])
    for row in store.active_cards(deck):
        writer.writerow([row["prompt"], row["answer"], f"quiz::{row['kind']}"])
    return out.getvalue()


def export_revlog(store: Store, deck: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["card_id", "review_rating", "review_time", "review_duration"])
    for row in store.query(
        "SELECT cards.id AS id, cards.external_id AS external, rating, reviewed_at, duration_ms"
        " FROM live_reviews AS reviews JOIN cards ON cards.id = reviews.card_id WHERE cards.deck = ?"
        " ORDER BY reviewed_at, reviews.id",
        [deck],
    ):
        moment = from_db_time(row["reviewed_at"]).isoformat()
        writer.writerow([row["external"] or row["id"], row["rating"], moment, row["duration_ms"] or ""])
    return out.getvalue()


def export_apkg(store: Store, deck: str, path: Path) -> int:
    import genanki

    options = store.deck_options(deck)
    basic = genanki.Model(
        BASIC_MODEL_ID,
        "quiz basic",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}",
                "afmt": "{{FrontSide}}<hr id=answer>{{Back}}<br><small>{{Source}}</small>",
            }
        ],
    )
    cloze = genanki.Model(
        CLOZE_MODEL_ID,
        "quiz cloze",
        model_type=genanki.Model.CLOZE,
        fields=[{"name": "Text"}, {"name": "Source"}],
        templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br><small>{{Source}}</small>"}],
    )
    anki_deck = genanki.Deck(_stable_id(f"quiz-deck:{deck}"), options["title"])
    count = 0
    for row in store.active_cards(deck):
        source = json.loads(row["source"])
        # Text goes into Anki as HTML: escape it, so nothing in a card becomes markup there either.
        cite = html.escape(" · ".join(filter(None, [source.get("title"), source.get("published")])))
        if row["kind"] == "cloze" and CLOZE_BLANK in row["prompt"]:
            text = html.escape(row["prompt"]).replace(
                html.escape(CLOZE_BLANK), "{{c1::" + html.escape(row["answer"]) + "}}", 1
            )
            note = genanki.Note(model=cloze, fields=[text, cite], guid=row["id"])
        else:
            note = genanki.Note(
                model=basic, fields=[html.escape(row["prompt"]), html.escape(row["answer"]), cite], guid=row["id"]
            )
        anki_deck.add_note(note)
        count += 1
    if not count:
        raise QuizError(f"deck {deck!r} has no cards to export")
    try:
        genanki.Package(anki_deck).write_to_file(str(path))
    except OSError as error:
        raise QuizError(f"{path}: cannot write: {error.strerror}") from None
    return count


def export_deck(store: Store, deck: str, fmt: str, out: Path | None) -> tuple[Path | None, int, str | None]:
    """Write the export to `out`; csv and revlog come back as text instead when `out` is None.

    Returns (path written or None, items exported, text or None).
    """
    if fmt not in FORMATS:
        raise QuizError(f"--format {fmt}: expected one of {', '.join(FORMATS)}")
    store.deck_options(deck)
    if fmt == "apkg":
        path = out or Path(f"{deck}.apkg")
        return path, export_apkg(store, deck, path), None
    text = export_csv(store, deck) if fmt == "csv" else export_revlog(store, deck)
    rows = text.count("\n") - 1
    if out is None:
        return None, rows, text
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise QuizError(f"{out}: cannot write: {error.strerror}") from None
    return out, rows, None

"""Bringing cards and history in: CSV/TSV notes, Anki packages, review-log CSVs.

Everything is read and checked before anything is written, so a failed import changes
nothing. Archives are read in memory, member by member, with limits on size and
compression ratio; nothing from a file is executed or shown as markup.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

from quiz.deck import CLOZE_BLANK, Card, Deck, Source, card_id, fact_id
from quiz.errors import QuizError

MAX_MEMBER_BYTES = 512 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
COLLECTION_MEMBERS = ("collection.anki21b", "collection.anki21", "collection.anki2")
CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.S)


@dataclass(frozen=True)
class ImportedReview:
    external_id: str  # the card's id in the source (Anki card id)
    rating: int
    reviewed_at: datetime
    duration_ms: int | None


@dataclass
class ImportResult:
    deck: Deck | None
    reviews: list[ImportedReview] = field(default_factory=list)
    card_ids: dict[str, str] = field(default_factory=dict)  # external id -> our card id
    notes: list[str] = field(default_factory=list)


class _TextOnly(HTMLParser):
    """HTML to plain text: tags dropped, line breaks kept, entities decoded."""

    BREAKS = {"br", "div", "p", "li", "tr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in self.BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def plain_text(html: str) -> str:
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def deck_name_for(path: Path) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "imported"


def _source(path: Path, text: str, title: str) -> Source:
    return Source(file=path.name, text=text, title=title)


def _question(front: str, back: str, path: Path, title: str) -> Card:
    kind = "cloze" if CLOZE_BLANK in front else "question"
    return Card(
        id=card_id(front, kind, back),
        kind=kind,
        prompt=front,
        answer=back,
        fact=fact_id(front),
        source=_source(path, front, title),
    )


def _cloze_cards(text: str, path: Path, title: str) -> list[tuple[int, Card]]:
    """One card per cloze number: that deletion blanked, the others shown."""
    numbers = sorted({int(m.group(1)) for m in CLOZE.finditer(text)})
    full = CLOZE.sub(lambda m: m.group(2), text)
    cards = []
    for number in numbers:
        answers = [m.group(2) for m in CLOZE.finditer(text) if int(m.group(1)) == number]
        prompt = CLOZE.sub(lambda m, n=number: CLOZE_BLANK if int(m.group(1)) == n else m.group(2), text)
        answer = ", ".join(answers)
        cards.append(
            (
                number,
                Card(
                    id=card_id(full + f"#c{number}", "cloze", answer),
                    kind="cloze",
                    prompt=prompt,
                    answer=answer,
                    fact=fact_id(full),
                    source=_source(path, full, title),
                ),
            )
        )
    return cards


def read_notes_csv(path: Path) -> ImportResult:
    """front, back[, tags] per row; tab- or comma-separated (sniffed); a header row is skipped."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise QuizError(f"{path}: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise QuizError(f"{path}: cannot read: {error.strerror}") from None
    delimiter = "\t" if path.suffix.lower() == ".tsv" or "\t" in text.split("\n", 1)[0] else ","
    title = path.stem
    cards: list[Card] = []
    seen: set[str] = set()
    for line, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        if not row or not any(cell.strip() for cell in row):
            continue
        if line == 1 and [c.strip().lower() for c in row[:2]] == ["front", "back"]:
            continue
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise QuizError(f"{path}:{line}: expected 'front, back[, tags]' with both front and back")
        front, back = plain_text(row[0]), plain_text(row[1])
        card = _question(front, back, path, title)
        if card.id not in seen:
            seen.add(card.id)
            cards.append(card)
    if not cards:
        raise QuizError(f"{path}: no cards (expected rows of 'front, back[, tags]')")
    return ImportResult(deck=Deck(name=deck_name_for(path), title=title, cards=cards))


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> bytes:
    if info.file_size > MAX_MEMBER_BYTES:
        raise QuizError(f"{path}: {info.filename} would unpack to {info.file_size} bytes; refusing")
    if info.compress_size and info.file_size / info.compress_size > MAX_COMPRESSION_RATIO:
        raise QuizError(
            f"{path}: {info.filename} is compressed {info.file_size // info.compress_size}:1; "
            "refusing a likely decompression bomb"
        )
    with archive.open(info) as member:
        data = member.read(MAX_MEMBER_BYTES + 1)
    if len(data) > MAX_MEMBER_BYTES:
        raise QuizError(f"{path}: {info.filename} unpacks larger than it claims; refusing")
    return data


def _collection_bytes(path: Path) -> tuple[str, bytes]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise QuizError(f"{path}: not an Anki package (not a zip archive: {error})") from None
    with archive:
        for info in archive.infolist():
            name = info.filename
            if name.startswith(("/", "\\")) or ".." in Path(name).parts or ":" in name:
                raise QuizError(f"{path}: archive member {name!r} points outside the archive; refusing")
        members = {info.filename: info for info in archive.infolist()}
        for name in COLLECTION_MEMBERS:
            if name in members:
                data = _read_member(archive, members[name], path)
                if name.endswith("anki21b"):
                    data = _unzstd(data, path)
                return name, data
    raise QuizError(f"{path}: no collection inside (expected one of {', '.join(COLLECTION_MEMBERS)})")


def _unzstd(data: bytes, path: Path) -> bytes:
    import zstandard

    try:
        with zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)) as reader:
            out = reader.read(MAX_MEMBER_BYTES + 1)
    except zstandard.ZstdError as error:
        raise QuizError(f"{path}: collection.anki21b is not valid zstd data ({error})") from None
    if len(out) > MAX_MEMBER_BYTES:
        raise QuizError(f"{path}: collection.anki21b unpacks to more than {MAX_MEMBER_BYTES} bytes; refusing")
    return out


def _note_types(db: sqlite3.Connection) -> dict[int, tuple[str, list[str]]]:
    """Note type id -> (kind, field names); 'cloze' or 'basic'. Reads both old and new schemas."""
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    types: dict[int, tuple[str, list[str]]] = {}
    if "notetypes" in tables:
        for type_id, config in db.execute("SELECT id, config FROM notetypes"):
            fields = [name for (name,) in db.execute("SELECT name FROM fields WHERE ntid = ? ORDER BY ord", [type_id])]
            # In the protobuf config, field 1 is the kind: 0 standard, 1 cloze.
            is_cloze = bytes(config[:2]) == b"\x08\x01"
            types[type_id] = ("cloze" if is_cloze else "basic", fields)
        return types
    (models,) = db.execute("SELECT models FROM col").fetchone()
    for type_id, model in json.loads(models).items():
        types[int(type_id)] = (
            "cloze" if model.get("type") == 1 else "basic",
            [f["name"] for f in model.get("flds", [])],
        )
    return types


def read_anki_package(path: Path) -> ImportResult:
    """Notes (Basic and Cloze) as cards, with their review history."""
    member, data = _collection_bytes(path)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "collection.sqlite"
        copy.write_bytes(data)
        try:
            db = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
            try:
                return _read_collection(db, path)
            finally:
                db.close()
        except sqlite3.DatabaseError as error:
            raise QuizError(f"{path}: {member} is not a readable Anki collection ({error})") from None


def _read_collection(db: sqlite3.Connection, path: Path) -> ImportResult:
    types = _note_types(db)
    title = path.stem
    cards: list[Card] = []
    card_ids: dict[str, str] = {}
    by_note: dict[int, list[Card | tuple[int, Card]]] = {}
    skipped = 0
    for note_id, type_id, fields in db.execute("SELECT id, mid, flds FROM notes ORDER BY id"):
        kind, _ = types.get(type_id, ("basic", []))
        values = [plain_text(value) for value in fields.split("\x1f")]
        if kind == "cloze":
            made = _cloze_cards(fields.split("\x1f")[0], path, title)
            made = [
                (
                    number,
                    c._replace(
                        prompt=plain_text(c.prompt),
                        answer=plain_text(c.answer),
                        source=_source(path, plain_text(c.source.text), title),
                    ),
                )
                for number, c in made
            ]
            if not made:
                skipped += 1
                continue
            by_note[note_id] = made
        elif len(values) >= 2 and values[0] and values[1]:
            by_note[note_id] = [_question(values[0], values[1], path, title)]
        else:
            skipped += 1
    for anki_card, note_id, ordinal in db.execute("SELECT id, nid, ord FROM cards ORDER BY id"):
        made = by_note.get(note_id)
        if not made:
            continue
        if not isinstance(made[0], Card):
            match = next((card for number, card in made if number == ordinal + 1), None)
        else:
            match = made[0] if ordinal == 0 else None
        if match is None:
            continue
        card_ids[str(anki_card)] = match.id
        if match.id not in {c.id for c in cards}:
            cards.append(match)
    if not cards:
        raise QuizError(f"{path}: no Basic or Cloze notes with text found")
    reviews = [
        ImportedReview(str(cid), int(ease), datetime.fromtimestamp(rid / 1000, UTC), int(taken) if taken else None)
        for rid, cid, ease, taken in db.execute("SELECT id, cid, ease, time FROM revlog ORDER BY id")
        if str(cid) in card_ids and 1 <= ease <= 4
    ]
    result = ImportResult(
        deck=Deck(name=deck_name_for(path), title=title, cards=cards), reviews=reviews, card_ids=card_ids
    )
    if skipped:
        result.notes.append(f"{path}: skipped {skipped} notes that are neither Basic nor Cloze with text")
    return result


def read_review_log(path: Path) -> ImportResult:
    """card_id, review_rating (1-4), review_time (ISO 8601), review_duration (ms) per row."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise QuizError(f"{path}: cannot read as UTF-8 text: {error}") from None
    reader = csv.DictReader(io.StringIO(text))
    needed = {"card_id", "review_rating", "review_time"}
    if not reader.fieldnames or not needed <= set(reader.fieldnames):
        raise QuizError(f"{path}:1: expected the columns card_id, review_rating, review_time[, review_duration]")
    reviews = []
    for line, row in enumerate(reader, start=2):
        try:
            rating = int(row["review_rating"])
            moment = datetime.fromisoformat(row["review_time"])
            duration = int(float(row["review_duration"])) if row.get("review_duration") else None
        except (TypeError, ValueError) as error:
            raise QuizError(f"{path}:{line}: {error}") from None
        if not 1 <= rating <= 4:
            raise QuizError(f"{path}:{line}: review_rating must be 1-4, not {rating}")
        if moment.tzinfo is None:
            raise QuizError(f"{path}:{line}: review_time needs a time zone (e.g. +00:00)")
        reviews.append(ImportedReview(row["card_id"].strip(), rating, moment.astimezone(UTC), duration))
    if not reviews:
        raise QuizError(f"{path}: no reviews")
    return ImportResult(deck=None, reviews=reviews)


def read_import(path: Path) -> ImportResult:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise QuizError(f"{path}: no such file")
    if suffix in (".apkg", ".colpkg"):
        return read_anki_package(path)
    if suffix in (".csv", ".tsv", ".txt"):
        with path.open(encoding="utf-8-sig", errors="replace") as handle:
            header = handle.readline()
        if "review_rating" in header and "card_id" in header:
            return read_review_log(path)
        return read_notes_csv(path)
    raise QuizError(f"{path}: unknown import format (expected .csv, .tsv, .apkg or .colpkg)")


@dataclass(frozen=True)
class ImportReport:
    deck: str | None
    deck_file: Path | None
    cards: int
    reviews: int
    skipped_reviews: int
    placeholders: int
    notes: list[str]


def import_file(path: Path, store, decks_dir: Path, now: datetime, deck_name: str | None = None) -> ImportReport:
    """Read `path`, write its deck file, sync it, then append its history. All checks come first."""
    from quiz.deck import dump_deck, load_deck

    result = read_import(path)
    notes = list(result.notes)
    deck = result.deck
    card_ids = dict(result.card_ids)
    placeholders = 0
    missing: list[str] = []
    if deck is None:
        # A bare review log: attach it to cards imported before, and keep the rest as history-only cards.
        wanted = sorted({review.external_id for review in result.reviews})
        card_ids = store.cards_by_external_id(wanted)
        missing = [external for external in wanted if external not in card_ids]
        if missing:
            name = deck_name or f"history-{deck_name_for(path)}"
            cards = []
            for external in missing:
                prompt = f"Card {external} from {path.name} (history only; its content was not imported)"
                card = Card(
                    id=card_id(prompt, "question", "(history only)"),
                    kind="question",
                    prompt=prompt,
                    answer="(history only)",
                    fact=fact_id(prompt),
                    source=_source(path, prompt, name),
                )
                cards.append(card)
                card_ids[external] = card.id
            deck = Deck(name=name, title=f"History from {path.name}", cards=cards)
            placeholders = len(cards)
    elif deck_name:
        deck = Deck(name=deck_name, title=deck.title, cards=deck.cards)
    target = None
    if deck is not None:
        target = decks_dir / f"{deck.name}.toml"
        if target.exists():
            existing = {card.id for card in load_deck(target).cards}
            if not {card.id for card in deck.cards} <= existing:
                raise QuizError(f"{target}: a different deck of that name exists; pass --deck NAME")
            target = None  # the same cards are already there: only the history is new
    written = False
    try:
        if target is not None:
            decks_dir.mkdir(parents=True, exist_ok=True)
            temporary = target.with_suffix(".toml.tmp")
            temporary.write_text(dump_deck(deck), encoding="utf-8")
            temporary.replace(target)
            written = True
            deck.path = target
        imported, skipped = _apply(
            store, deck if written else None, result, card_ids, missing if placeholders else [], now
        )
    except BaseException:
        if written:
            target.unlink(missing_ok=True)
        raise
    if placeholders:
        notes.append(f"{placeholders} cards in the log were not known: kept as suspended history-only cards")
    return ImportReport(
        deck.name if deck else None, target, len(deck.cards) if deck else 0, imported, skipped, placeholders, notes
    )


def _apply(
    store, deck: Deck | None, result: ImportResult, card_ids: dict[str, str], placeholders: list[str], now: datetime
) -> tuple[int, int]:
    """The database side of an import, in one transaction: it all lands or none of it does."""
    from quiz.session import scheduler_for

    schedulers = {}

    def review_state(row, state, rating, moment):
        if row["deck"] not in schedulers:
            schedulers[row["deck"]] = scheduler_for(store.deck_options(row["deck"]))
        return schedulers[row["deck"]].review(state, rating, moment, seed=row["id"])

    with store.writing():
        if deck is not None:
            store.sync_deck(deck, now)
        if result.card_ids:
            store.set_external_ids(card_ids)
        if placeholders:
            store.conn.executemany(
                "UPDATE cards SET suspended = 1, external_id = ? WHERE id = ?",
                [(external, card_ids[external]) for external in placeholders],
            )
        return store.import_history(
            [
                (card_ids[r.external_id], r.rating, r.reviewed_at, r.duration_ms)
                for r in result.reviews
                if r.external_id in card_ids
            ],
            review_state,
        )

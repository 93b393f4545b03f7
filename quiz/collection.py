"""Opening the learner's collection: the progress database with the deck folder synced into it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from quiz.deck import deck_paths, load_deck
from quiz.scheduler import utc_now
from quiz.store import Store


def _fingerprint(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def stale_deck_files(store: Store, decks_dir: Path) -> list[Path]:
    """Deck files changed since they were last synced: only stat calls, cheap enough for startup."""
    known = store.deck_fingerprints()
    # Resolved, so `decks`, `./decks` and `/home/me/decks` are one folder and do not resync.
    return [path for path in deck_paths(decks_dir) if known.get(str(path.resolve())) != _fingerprint(path)]


def sync_deck_files(store: Store, paths: list[Path], now: datetime | None = None) -> None:
    for path in paths:
        fingerprint = _fingerprint(path)
        deck = load_deck(path)
        store.sync_deck(deck, now or utc_now())
        store.set_fingerprint(deck.name, str(path.resolve()), fingerprint)


def open_collection(db_path: Path, decks_dir: Path, now: datetime | None = None) -> Store:
    """The store, after syncing every deck file that changed since it was last read."""
    store = Store(db_path)
    try:
        sync_deck_files(store, stale_deck_files(store, decks_dir), now)
    except BaseException:
        store.close()
        raise
    return store

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


def open_collection(db_path: Path, decks_dir: Path, now: datetime | None = None) -> Store:
    """The store, after syncing every deck file that changed since it was last read."""
    store = Store(db_path)
    try:
        known = store.deck_fingerprints()
        for path in deck_paths(decks_dir):
            fingerprint = _fingerprint(path)
            if known.get(str(path)) == fingerprint:
                continue
            deck = load_deck(path)
            store.sync_deck(deck, now or utc_now())
            store.set_fingerprint(deck.name, fingerprint)
    except BaseException:
        store.close()
        raise
    return store

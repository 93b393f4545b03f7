"""Where the progress database and the deck files live, unless the user says otherwise."""

from __future__ import annotations

import os
from pathlib import Path

from quiz.errors import QuizError

APP_NAME = "quiz"
SOURCE_DECKS = Path(__file__).resolve().parent.parent / "decks"


def database_path(explicit: str | None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get("QUIZ_DB"):
        return Path(os.environ["QUIZ_DB"]).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME) / "progress.db"


def decks_folder(explicit: str | None) -> Path:
    """--decks, else ./decks when run inside a project that has one, else the bundled decks."""
    if explicit:
        folder = Path(explicit).expanduser()
        if not folder.is_dir():
            raise QuizError(f"--decks {explicit}: no such folder")
        return folder
    local = Path("decks")
    if local.is_dir() and any(local.glob("*.toml")):
        return local
    if SOURCE_DECKS.is_dir():
        return SOURCE_DECKS
    raise QuizError("no deck folder found: pass --decks DIR")

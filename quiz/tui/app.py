"""The study app: deck list, study sessions, summary."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from quiz.collection import open_collection
from quiz.scheduler import utc_now
from quiz.store import Store


class QuizApp(App):
    CSS_PATH = "quiz.tcss"
    TITLE = "quiz"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False)]

    def __init__(
        self,
        db_path: Path,
        decks_dir: Path,
        deck: str | None = None,
        study_now: bool = False,
        clock: Callable[[], datetime] = utc_now,
        extra_new: int = 0,
        review_ahead_days: int = 0,
    ):
        super().__init__()
        self.db_path = db_path
        self.decks_dir = decks_dir
        self.start_deck = deck
        self.study_now = study_now
        self.clock = clock
        self.extra_new = extra_new
        self.review_ahead = timedelta(days=review_ahead_days)
        self.store: Store | None = None

    def on_mount(self) -> None:
        from quiz.tui.home import HomeScreen
        from quiz.tui.study import StudyScreen

        self.store = open_collection(self.db_path, self.decks_dir, self.clock())
        self.push_screen(HomeScreen())
        if self.study_now:
            self.push_screen(StudyScreen(self.start_deck))

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()

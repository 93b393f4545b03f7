"""The study app: deck list, study sessions, summary, statistics, help."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from quiz.collection import stale_deck_files, sync_deck_files
from quiz.errors import QuizError
from quiz.scheduler import RATINGS, utc_now
from quiz.store import Store


class StoreReady(Message):
    """The progress database is open: screens waiting for it can load."""


class QuizApp(App):
    CSS_PATH = Path(__file__).with_name("quiz.tcss")
    TITLE = "quiz"
    BINDINGS = [
        Binding("question_mark", "help", "Help"),
        Binding("ctrl+q", "quit", "Quit", show=False),
    ]

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
        self.load_error: str | None = None

    def on_mount(self) -> None:
        # Opening the database and checking the deck files' stamps is quick, so the first screen
        # can draw its content at once; syncing changed deck files can take long, so it runs in a
        # worker and the screens wait for StoreReady.
        try:
            store = Store(self.db_path)
            stale = stale_deck_files(store, self.decks_dir)
        except (QuizError, sqlite3.Error) as error:
            self.fail(str(error))
            return
        if not stale:
            self.store = store
        # Straight into the session when asked: the deck list is only built if the learner goes back.
        if self.study_now:
            from quiz.tui.study import StudyScreen

            self.push_screen(StudyScreen(self.start_deck))
        else:
            from quiz.tui.home import HomeScreen

            self.push_screen(HomeScreen())
        if stale:
            self.sync_decks(store, stale)

    @work(thread=True, exclusive=True, group="open")
    def sync_decks(self, store: Store, stale: list[Path]) -> None:
        try:
            sync_deck_files(store, stale, self.clock())
        except (QuizError, sqlite3.Error) as error:
            store.close()
            self.call_from_thread(self.fail, str(error))
            return
        self.call_from_thread(self.store_ready, store)

    def store_ready(self, store: Store) -> None:
        self.store = store
        self.screen.post_message(StoreReady())

    def action_back(self) -> None:
        """Leave the current screen for the one below, or for the deck list when there is none."""
        if len(self.screen_stack) > 2:
            self.pop_screen()
        else:
            from quiz.tui.home import HomeScreen

            self.switch_screen(HomeScreen())

    def fail(self, message: str) -> None:
        self.load_error = message
        self.exit(return_code=2)

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()

    def action_help(self) -> None:
        from quiz.tui.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_stats(self, deck: str | None = None) -> None:
        from quiz.tui.stats_screen import StatsScreen

        if self.store is not None:
            self.push_screen(StatsScreen(deck))

    def action_study_all(self) -> None:
        from quiz.tui.study import StudyScreen

        if self.store is not None:
            self.push_screen(StudyScreen(None))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Study all decks", "Start a session over every deck", self.action_study_all)
        yield SystemCommand("Statistics", "Forecast, heatmap, retention, cards by state", self.action_stats)
        yield SystemCommand("Help", "Every key on one screen", self.action_help)
        from quiz.tui.study import StudyScreen

        if isinstance(screen, StudyScreen):
            for title, help_text, action in (
                ("Show answer", "Reveal the answer (Space)", screen.action_reveal),
                ("Undo last answer", "Put the last answered card back exactly as it was (u)", screen.action_undo),
                ("Bury card", "Hide this card until tomorrow (b)", screen.action_bury),
                ("Suspend card", "Hide this card until it is unsuspended (!)", screen.action_suspend),
                ("Show source", "The sentence this card came from, in its document (s)", screen.action_source),
                ("End session", "Leave for the summary (q)", screen.action_leave),
            ):
                yield SystemCommand(title, help_text, action)
            for rating, name in RATINGS.items():
                yield SystemCommand(
                    f"Grade {name}", f"Answer with {name} ({rating})", lambda rating=rating: screen.action_grade(rating)
                )
        if self.store is not None:
            for name in self.store.deck_names():
                yield SystemCommand(
                    f"Study {name}",
                    f"Start a session on the deck {name}",
                    lambda name=name: self.push_screen(StudyScreen(name)),
                )

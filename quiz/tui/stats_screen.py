"""Statistics: forecast, review heatmap, true retention, cards by state."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, LoadingIndicator, Static

from quiz.scheduler import ROLLOVER_HOUR
from quiz.stats import collection_stats, forecast, review_days
from quiz.tui.charts import bar_chart, heatmap
from quiz.tui.literal import visible


class StatsScreen(Screen):
    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, deck: str | None = None):
        super().__init__()
        self.deck = deck

    def compose(self) -> ComposeResult:
        yield Header()
        yield LoadingIndicator()
        with VerticalScroll(id="stats"):
            yield Static("", id="stats-body")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = visible(f"statistics · {self.deck or 'all decks'}")
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        """The queries scan the collection, so they run off the UI thread."""
        store, now = self.app.store, self.app.clock()
        figures = (
            collection_stats(store, self.deck, now, week_ahead=False),
            forecast(store, now, 30, self.deck),
            review_days(store, now, 140, self.deck),
        )
        self.app.call_from_thread(self.show, *figures)

    def show(self, stats: dict, due: list[int], days: dict) -> None:
        from datetime import timedelta

        self.query_one(LoadingIndicator).display = False
        today = (self.app.clock().astimezone() - timedelta(hours=ROLLOVER_HOUR)).date()
        text = Text()
        text.append("Cards by state\n", style="bold")
        for label, key, style in (
            ("New", "new", "blue"),
            ("Learning", "learning", "red"),
            ("Review", "review", "green"),
            ("Suspended", "suspended", "yellow"),
            ("Retired", "retired", "dim"),
        ):
            text.append(f"  {label:<10}", style=style)
            text.append(f"{stats[key]:>7}\n")
        text.append("\nReviews\n", style="bold")
        text.append(f"  today {stats['reviews_today']}, all time {stats['reviews']}\n")
        retention = stats["true_retention"]
        text.append("  true retention (reviews of learned cards passed): ")
        text.append("n/a\n" if retention is None else f"{retention:.1%}\n", style="bold")
        text.append("\nDue in the next 30 days\n", style="bold")
        text.append_text(bar_chart(due, labels=("today", "+29d")))
        text.append("\n\nReviews, last 20 weeks\n", style="bold")
        text.append_text(heatmap(days, today))
        self.query_one("#stats-body", Static).update(text)

"""Summary: what this session did and what comes next."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from quiz.session import Session
from quiz.stats import forecast


def format_duration(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    return f"{minutes}:{seconds:02d}"


class SummaryScreen(Screen):
    BINDINGS = [Binding("enter,escape,q", "close", "Back to decks")]

    def __init__(self, session: Session):
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._text(None), id="summary")
        yield Footer()

    def on_mount(self) -> None:
        self.load_forecast()

    @work(thread=True, exclusive=True)
    def load_forecast(self) -> None:
        due = forecast(self.session.store, self.app.clock(), days=2)
        self.app.call_from_thread(lambda: self.query_one("#summary", Static).update(self._text(due[1])))

    def _text(self, due_tomorrow: int | None) -> Text:
        session = self.session
        text = Text()
        finished = session.next_card() is None
        text.append(
            "Done for now.\n\n" if finished else "Session paused.\n\n", style="bold green" if finished else "bold"
        )
        text.append(f"Cards answered   {session.answered}\n")
        if session.answered:
            right = session.answered - session.again
            text.append(f"Recalled         {right} of {session.answered} ({right / session.answered:.0%})\n")
        text.append(f"Time             {format_duration(session.elapsed.total_seconds())}\n")
        text.append(f"Still due today  {session.counts().total}\n")
        if due_tomorrow is not None:
            text.append(f"Due tomorrow     {due_tomorrow}\n")
        text.append("\nPress Enter to go back to the decks.", style="dim")
        return text

    def action_close(self) -> None:
        self.app.action_back()

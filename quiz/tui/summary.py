"""Summary: what this session did and what comes next."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from quiz.session import Session


class SummaryScreen(Screen):
    BINDINGS = [Binding("enter,escape,q", "close", "Back to decks")]

    def __init__(self, session: Session):
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._text(), id="summary")
        yield Footer()

    def _text(self) -> Text:
        session = self.session
        text = Text()
        if session.next_card() is None:
            text.append("Done for now.\n\n", style="bold green")
        else:
            text.append("Session paused.\n\n", style="bold")
        text.append(f"Cards answered: {session.answered}\n")
        if session.answered:
            right = session.answered - session.again
            text.append(f"Recalled: {right} of {session.answered} ({right / session.answered:.0%})\n")
        counts = session.counts()
        text.append(f"Still due today: {counts.total}\n", style="dim")
        text.append("\nPress Enter to go back to the decks.", style="dim")
        return text

    def action_close(self) -> None:
        self.app.pop_screen()

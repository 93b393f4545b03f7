"""Help: every key, on one screen."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = [
    (
        "Decks",
        [
            ("↑ ↓", "choose a deck"),
            ("Enter", "study it"),
            ("a", "study all decks"),
            ("s", "statistics"),
            ("Ctrl+P", "command palette"),
        ],
    ),
    (
        "Study",
        [
            ("Space / Enter", "show the answer"),
            ("1 2 3 4", "Again, Hard, Good, Easy"),
            ("type + Enter", "check a typed answer; Enter takes the suggested grade"),
            ("1-4 or a-d", "pick a multiple-choice answer"),
            ("u", "undo the last answer"),
            ("b", "bury the card until tomorrow"),
            ("!", "suspend the card"),
            ("s", "the source sentence in its document"),
        ],
    ),
    ("Anywhere", [("?", "this help"), ("q / Esc", "back; on the deck list, quit")]),
]


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape,q,question_mark", "app.pop_screen", "Close")]

    def compose(self) -> ComposeResult:
        table = Table(show_header=False, box=None, padding=(0, 2))
        for section, keys in KEYS:
            table.add_row(f"[bold]{section}[/]", "")
            for key, meaning in keys:
                table.add_row(f"  [cyan]{key}[/]", meaning)
            table.add_row("", "")
        with VerticalScroll(id="help"):
            yield Static(table)
            yield Static("Esc closes this help.", classes="dim")

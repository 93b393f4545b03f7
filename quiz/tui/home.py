"""Home: the deck list with today's counts."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from quiz.stats import deck_summaries


class HomeScreen(Screen):
    BINDINGS = [
        Binding("enter", "study", "Study"),
        Binding("a", "study_all", "Study all"),
        Binding("q", "app.quit", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Decks", id="home-title")
        yield DataTable(id="decks", cursor_type="row", zebra_stripes=True)
        yield Static("", id="home-hint")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Deck", key="deck")
        table.add_column("New", key="new")
        table.add_column("Learn", key="learning")
        table.add_column("Due", key="due")
        table.add_column("Cards", key="cards")
        table.focus()

    def on_screen_resume(self) -> None:
        self.refresh_counts()

    def refresh_counts(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        summaries = deck_summaries(self.app.store, self.app.clock)
        for summary in summaries:
            table.add_row(
                Text(summary.title),
                Text(str(summary.new), style="bold blue" if summary.new else "dim"),
                Text(str(summary.learning), style="bold red" if summary.learning else "dim"),
                Text(str(summary.due), style="bold green" if summary.due else "dim"),
                Text(str(summary.cards), style="dim"),
                key=summary.name,
            )
        hint = self.query_one("#home-hint", Static)
        if summaries:
            hint.update(Text("↑/↓ choose a deck · Enter studies it · a studies all decks · q quits"))
        else:
            hint.update(Text(f"No decks in {self.app.decks_dir}. Make some with: quiz generate SEEDS"))

    def _selected_deck(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def action_study(self) -> None:
        deck = self._selected_deck()
        if deck is not None:
            from quiz.tui.study import StudyScreen

            self.app.push_screen(StudyScreen(deck))

    def action_study_all(self) -> None:
        from quiz.tui.study import StudyScreen

        self.app.push_screen(StudyScreen(None))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_study()

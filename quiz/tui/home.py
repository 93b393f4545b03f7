"""Home: the deck list with today's counts."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, LoadingIndicator, Static

from quiz.stats import DeckSummary, deck_summaries
from quiz.store import from_db_time
from quiz.tui.literal import literal

# Columns other than the title, with cell padding and the table's margins: the title gets the rest.
OTHER_COLUMNS_WIDTH = 44
MIN_TITLE_WIDTH = 16
COLUMNS = (
    ("Deck", "deck"),
    ("New", "new"),
    ("Learn", "learning"),
    ("Due", "due"),
    ("Cards", "cards"),
    ("Studied", "last"),
)


def _last_studied(summary: DeckSummary) -> str:
    if not summary.last_studied:
        return "never"
    return from_db_time(summary.last_studied).astimezone().strftime("%b %d %H:%M")


class HomeScreen(Screen):
    BINDINGS = [
        Binding("enter", "study", "Study"),
        Binding("a", "app.study_all", "Study all"),
        Binding("s", "stats", "Stats"),
        Binding("q", "app.quit", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Decks", id="home-title")
        yield LoadingIndicator()
        yield DataTable(id="decks", cursor_type="row", zebra_stripes=True)
        yield Static("", id="home-totals")
        yield Static("", id="home-hint")
        yield Footer()

    def __init__(self) -> None:
        super().__init__()
        self.summaries: list[DeckSummary] | None = None

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        if self.summaries is not None:
            self.show(self.summaries)

    def on_screen_resume(self) -> None:
        if self.app.store is not None:
            self.refresh_counts()

    def on_store_ready(self) -> None:
        self.refresh_counts()

    @work(thread=True, exclusive=True)
    def refresh_counts(self) -> None:
        summaries = deck_summaries(self.app.store, self.app.clock)
        self.app.call_from_thread(self.show, summaries)

    def show(self, summaries: list[DeckSummary]) -> None:
        self.summaries = summaries
        width = max(MIN_TITLE_WIDTH, self.size.width - OTHER_COLUMNS_WIDTH)
        self.query_one(LoadingIndicator).display = False
        table = self.query_one(DataTable)
        selected = table.cursor_row
        # Columns too, so their widths follow the titles as cut for this width.
        table.clear(columns=True)
        for label, key in COLUMNS:
            table.add_column(label, key=key)
        for summary in summaries:
            table.add_row(
                literal(summary.title if len(summary.title) <= width else summary.title[: width - 1] + "…"),
                Text(str(summary.new), style="bold blue" if summary.new else "dim"),
                Text(str(summary.learning), style="bold red" if summary.learning else "dim"),
                Text(str(summary.due), style="bold green" if summary.due else "dim"),
                Text(str(summary.cards), style="dim"),
                Text(_last_studied(summary), style="dim"),
                key=summary.name,
            )
        if summaries:
            table.move_cursor(row=min(selected, len(summaries) - 1))
        totals = Text()
        totals.append(f"Today: {sum(s.new for s in summaries)} new", style="blue")
        totals.append(f" · {sum(s.learning for s in summaries)} learning", style="red")
        totals.append(f" · {sum(s.due for s in summaries)} due", style="green")
        cards, decks = sum(s.cards for s in summaries), len(summaries)
        totals.append(f" · {cards} card{'s' * (cards != 1)} in {decks} deck{'s' * (decks != 1)}", style="dim")
        self.query_one("#home-totals", Static).update(totals)
        hint = self.query_one("#home-hint", Static)
        if summaries:
            hint.update(Text("Enter studies the highlighted deck · a studies all · s statistics · ? help"))
        else:
            hint.update(literal(f"No decks in {self.app.decks_dir}. Make some with: quiz generate SEEDS"))

    def _selected_deck(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0 or self.app.store is None:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def action_study(self) -> None:
        deck = self._selected_deck()
        if deck is not None:
            from quiz.tui.study import StudyScreen

            self.app.push_screen(StudyScreen(deck))

    def action_stats(self) -> None:
        self.app.action_stats(self._selected_deck())

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_study()

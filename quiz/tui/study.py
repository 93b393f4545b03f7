"""Study: one card at a time, reveal, grade. All study logic lives in quiz.session."""

from __future__ import annotations

import time

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from quiz.deck import CLOZE_BLANK
from quiz.scheduler import RATINGS, format_interval
from quiz.session import Session, StudyCard

CHOICE_KEYS = "1234"


def prompt_text(card: StudyCard) -> Text:
    """The prompt, shown literally, with the cloze blank highlighted."""
    text = Text()
    for index, part in enumerate(card.prompt.split(CLOZE_BLANK)):
        if index:
            text.append(CLOZE_BLANK, style="bold reverse")
        text.append(part)
    return text


class StudyScreen(Screen):
    BINDINGS = [
        Binding("space", "reveal", "Show answer"),
        Binding("enter", "reveal", "Show answer", show=False),
        Binding("1", "grade(1)", "Again"),
        Binding("2", "grade(2)", "Hard"),
        Binding("3", "grade(3)", "Good"),
        Binding("4", "grade(4)", "Easy"),
        Binding("q,escape", "leave", "Back"),
    ]

    def __init__(self, deck: str | None):
        super().__init__()
        self.deck = deck
        self.session: Session | None = None
        self.card: StudyCard | None = None
        self.revealed = False
        self.chosen: int | None = None
        self.shown_at = 0.0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="progress")
        with Vertical(id="card"):
            yield Static("", id="kind")
            yield Static("", id="prompt")
            yield Static("", id="choices")
            yield Static("", id="answer")
            yield Static("", id="source")
        yield Static("", id="grades")
        yield Footer()

    def on_mount(self) -> None:
        self.session = Session(self.app.store, self.deck, clock=self.app.clock)
        self.sub_title = self.deck or "all decks"
        self.show_next()

    def show_next(self) -> None:
        self.card = self.session.next_card()
        self.revealed = False
        self.chosen = None
        self.shown_at = time.monotonic()
        if self.card is None:
            from quiz.tui.summary import SummaryScreen

            self.app.switch_screen(SummaryScreen(self.session))
            return
        card = self.card
        counts = self.session.counts()
        progress = Text()
        progress.append(f"New {counts.new}", style="bold blue")
        progress.append("   ")
        progress.append(f"Learning {counts.learning}", style="bold red")
        progress.append("   ")
        progress.append(f"Review {counts.review}", style="bold green")
        progress.append(f"   ·   answered {self.session.answered}", style="dim")
        self.query_one("#progress", Static).update(progress)
        label = {"cloze": "Fill the blank", "question": "Question", "choice": "Choose one"}[card.kind]
        # The document title travels with the prompt: it says what "the bank" or "the regulator" is.
        context = Text(label, style="dim italic")
        if card.source.get("title"):
            context.append("  ·  ")
            context.append(card.source["title"])
        self.query_one("#kind", Static).update(context)
        self.query_one("#prompt", Static).update(prompt_text(card))
        choices = Text()
        if card.kind == "choice":
            for key, choice in zip(CHOICE_KEYS, card.choices, strict=False):
                choices.append(f" {key} ", style="bold reverse")
                choices.append(f"  {choice}\n")
        choices_widget = self.query_one("#choices", Static)
        choices_widget.update(choices)
        choices_widget.display = card.kind == "choice"
        self.query_one("#answer", Static).update(Text(""))
        self.query_one("#source", Static).update(Text(""))
        hint = "Press 1-4 to choose" if card.kind == "choice" else "Press Space to show the answer"
        self.query_one("#grades", Static).update(Text(hint, style="dim"))

    def action_reveal(self) -> None:
        if self.card is None or self.revealed:
            return
        self.revealed = True
        card = self.card
        answer = Text()
        answer.append("Answer: ", style="bold")
        answer.append(card.answer, style="bold green")
        if card.kind == "choice" and self.chosen is not None:
            picked = card.choices[self.chosen]
            if picked == card.answer:
                answer.append("   ✓ correct", style="bold green")
            else:
                answer.append("   ✗ you chose ", style="bold red")
                answer.append(picked, style="red")
        self.query_one("#answer", Static).update(answer)
        source = Text(style="dim")
        source.append(card.source.get("text", ""))
        source.append("\n— ")
        source.append(card.source.get("file", ""))
        if card.source.get("published"):
            source.append(f", {card.source['published']}")
        self.query_one("#source", Static).update(source)
        previews = self.session.preview(card)
        grades = Text()
        for rating, name in RATINGS.items():
            grades.append(f" {rating} ", style="bold reverse")
            grades.append(f" {name} ({format_interval(previews[rating])})   ")
        self.query_one("#grades", Static).update(grades)

    def action_grade(self, rating: int) -> None:
        if self.card is None:
            return
        if not self.revealed:
            if self.card.kind == "choice" and rating <= len(self.card.choices):
                self.chosen = rating - 1
                self.action_reveal()
            return
        if self.card.kind == "choice" and self.chosen is not None:
            # Multiple choice grades itself: a wrong pick is Again, whatever key follows.
            rating = 1 if self.card.choices[self.chosen] != self.card.answer else rating
        duration_ms = int((time.monotonic() - self.shown_at) * 1000)
        self.session.answer(self.card, rating, duration_ms)
        self.show_next()

    def action_leave(self) -> None:
        from quiz.tui.summary import SummaryScreen

        if self.session and self.session.answered:
            self.app.switch_screen(SummaryScreen(self.session))
        else:
            self.app.pop_screen()

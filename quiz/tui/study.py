"""Study: one card at a time, reveal or type or choose, then grade. Study logic lives in quiz.session."""

from __future__ import annotations

import difflib
import sqlite3
import time
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Static

from quiz.deck import CLOZE_BLANK
from quiz.scheduler import RATINGS, format_interval
from quiz.session import Counts, Session, StudyCard
from quiz.tui.literal import literal, visible

if TYPE_CHECKING:
    from quiz.answers import Check

CHOICE_KEYS = "1234"
KIND_LABELS = {"cloze": "Fill the blank", "question": "Type the answer", "choice": "Choose one"}
VERDICT_STYLES = {"correct": "bold green", "close": "bold yellow", "wrong": "bold red"}


def prompt_text(card: StudyCard, revealed: bool = False) -> Text:
    """The prompt, shown literally, with the cloze blank highlighted (filled in once revealed)."""
    text = Text()
    for index, part in enumerate(card.prompt.split(CLOZE_BLANK)):
        if index:
            if revealed:
                text.append(visible(card.answer), style="bold green underline")
            else:
                text.append(CLOZE_BLANK, style="bold reverse")
        text.append(visible(part))
    return text


def answer_diff(typed: str, expected: str) -> Text:
    """The typed answer: right letters green, wrong ones struck out in red, missing ones underlined."""
    text = Text()
    matcher = difflib.SequenceMatcher(None, typed.casefold(), expected.casefold(), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            text.append(visible(typed[i1:i2]), style="green")
            continue
        if i2 > i1:
            text.append(visible(typed[i1:i2]), style="bold red strike")
        if j2 > j1:
            text.append(visible(expected[j1:j2]), style="bold yellow underline")
    return text


class StudyScreen(Screen):
    BINDINGS = [
        Binding("space", "reveal", "Show answer"),
        Binding("enter", "accept", "Accept", show=False),
        Binding("1", "grade(1)", "Again"),
        Binding("2", "grade(2)", "Hard"),
        Binding("3", "grade(3)", "Good"),
        Binding("4", "grade(4)", "Easy"),
        Binding("a", "letter('a')", show=False),
        Binding("b", "letter('b')", "Bury"),
        Binding("c", "letter('c')", show=False),
        Binding("d", "letter('d')", show=False),
        Binding("u", "undo", "Undo"),
        Binding("exclamation_mark", "suspend", "Suspend"),
        Binding("s", "source", "Source"),
        Binding("q,escape", "leave", "Back"),
    ]

    def __init__(self, deck: str | None):
        super().__init__()
        self.deck = deck
        self.session: Session | None = None
        self.card: StudyCard | None = None
        self.revealed = False
        self.chosen: int | None = None
        self.check: Check | None = None
        self.shown_at = 0.0
        self.previews: dict[int, timedelta] = {}
        self._counts: Counts | None = None

    def compose(self) -> ComposeResult:
        # Only the card here: Header, Footer and the mouse buttons come a frame later (on_mount),
        # and the typing field with the first card that needs it. Building them takes longer
        # than the card itself, and the card is what the learner is waiting for.
        yield Static("", id="progress")
        with VerticalScroll(id="card"):
            yield Static("", id="kind")
            yield Static("", id="prompt")
            yield Vertical(id="choices")
            yield Static("", id="answer")
            yield Static("", id="source")
        yield Static("", id="grades")
        yield Horizontal(id="actions")

    async def _add_controls(self) -> None:
        buttons = [self._button("Show answer", "reveal")]
        buttons += [self._button(f"{rating} {name}", f"grade-{rating}") for rating, name in RATINGS.items()]
        self.query_one("#actions", Horizontal).mount_all(buttons)
        self._show_buttons()
        await self.mount_all([Header(), Footer()])
        # The Footer lists keys when bindings change; they last changed before it was there.
        self.refresh_bindings()

    def _show_buttons(self) -> None:
        """Show answer before the answer is shown; after it, the four grades with their intervals."""
        card = self.card
        for button in self.query("#actions Button").results(Button):
            if button.name == "reveal":
                button.display = card is not None and not self.revealed and card.kind != "choice"
                continue
            rating = int(button.name.split("-")[1])
            button.display = card is not None and self.revealed
            if button.display:
                interval = format_interval(self.previews[rating])
                button.label = Text(f"{rating} {RATINGS[rating]} · {interval}")
                button.variant = "success" if rating == self._suggested_rating() else "default"

    def _typed_field(self, create: bool = False) -> Input | None:
        fields = self.query("#typed").results(Input)
        field = next(fields, None)
        if field is None and create:
            field = Input(placeholder="type your answer, Enter to check (empty: just show it)", id="typed")
            self.query_one("#card", VerticalScroll).mount(field, after="#choices")
        return field

    @staticmethod
    def _button(label: str | Text, name: str, unique: bool = True) -> Button:
        """A button for the mouse; keys stay with the screen, so it never takes focus."""
        text = Text(label) if isinstance(label, str) else label
        button = Button(text, id=name if unique else None, name=name, compact=True)
        button.can_focus = False
        return button

    def on_button_pressed(self, event: Button.Pressed) -> None:
        name = event.button.name or ""
        if name == "reveal":
            self.action_reveal()
        elif name.startswith(("grade-", "choice-")):
            self.action_grade(int(name.split("-")[1]))

    def on_mount(self) -> None:
        if self.app.store is not None:
            self.start()
        self.call_after_refresh(self._add_controls)

    def on_store_ready(self) -> None:
        self.start()

    def start(self) -> None:
        self.session = Session(
            self.app.store,
            self.deck,
            clock=self.app.clock,
            extra_new=self.app.extra_new,
            review_ahead=self.app.review_ahead,
        )
        self.sub_title = visible(self.deck or "all decks")
        self.show_card(self.session.next_card())
        self.set_interval(1, self._show_clock)

    def show_card(self, card: StudyCard | None) -> None:
        self.card = card
        self.revealed = False
        self.chosen = None
        self.check = None
        self.shown_at = time.monotonic()
        if card is None:
            from quiz.tui.summary import SummaryScreen

            self.app.switch_screen(SummaryScreen(self.session))
            return
        self._show_progress()
        # The document title travels with the prompt: it says what "the bank" or "the regulator" is.
        context = Text(KIND_LABELS[card.kind], style="dim italic")
        if card.source.get("title"):
            context.append("  ·  ")
            context.append(visible(card.source["title"]))
        self.query_one("#kind", Static).update(context)
        self.query_one("#prompt", Static).update(prompt_text(card))
        choices = self.query_one("#choices", Vertical)
        choices.remove_children()
        if card.kind == "choice":
            choices.mount_all(
                self._button(literal(f"{key} {letter})  {choice}"), f"choice-{key}", unique=False)
                for key, letter, choice in zip(CHOICE_KEYS, "abcd", card.choices, strict=False)
            )
        choices.display = card.kind == "choice"
        self._show_buttons()
        typed = self._typed_field(create=card.kind == "question")
        if typed is not None:
            typed.value = ""
            typed.display = card.kind == "question"
            typed.disabled = card.kind != "question"
        if card.kind == "question":
            # Focus once the input is laid out; keys typed before then would hit the bindings.
            self.call_after_refresh(typed.focus)
        self.query_one("#answer", Static).update(Text(""))
        self.query_one("#source", Static).update(Text(""))
        hints = {
            "choice": "Press 1-4 (or a-d) to choose",
            "question": "Type the answer and press Enter",
            "cloze": "Press Space to show the answer",
        }
        self.query_one("#grades", Static).update(Text(hints[card.kind], style="dim"))

    def _show_clock(self) -> None:
        """Once a second: only the elapsed time changes, so the counts are not queried again."""
        if self.card is not None:
            self._show_progress(self._counts)

    def _show_progress(self, counts: Counts | None = None) -> None:
        if self.card is None:
            return
        counts = counts or self.session.counts()
        self._counts = counts
        progress = Text()
        progress.append(f"New {counts.new}", style="bold blue")
        progress.append("   ")
        progress.append(f"Learning {counts.learning}", style="bold red")
        progress.append("   ")
        progress.append(f"Review {counts.review}", style="bold green")
        progress.append(f"   ·   answered {self.session.answered}", style="dim")
        seconds = int(self.session.elapsed.total_seconds())
        progress.append(f"   ·   {seconds // 60}:{seconds % 60:02d}", style="dim")
        self.query_one("#progress", Static).update(progress)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self.card is None or self.revealed:
            return
        if event.value.strip():
            self.check = self.session.check(self.card, event.value)
        self.action_reveal()

    def action_reveal(self) -> None:
        if self.card is None or self.revealed:
            return
        self.revealed = True
        card = self.card
        typed = self._typed_field()
        if typed is not None:
            typed.disabled = True
        self.set_focus(None)
        answer = Text()
        if self.check is not None:
            answer.append("You typed: ", style="bold")
            answer.append_text(answer_diff(self.check.typed, card.answer))
            verdict = self.check.verdict.value
            answer.append(f"   {verdict}\n", style=VERDICT_STYLES[verdict])
        answer.append("Answer: ", style="bold")
        answer.append(visible(card.answer), style="bold green")
        if card.kind == "choice" and self.chosen is not None:
            picked = card.choices[self.chosen]
            if picked == card.answer:
                answer.append("   ✓ correct", style="bold green")
            else:
                answer.append("   ✗ you chose ", style="bold red")
                answer.append(visible(picked), style="red")
        self.query_one("#answer", Static).update(answer)
        if card.kind == "cloze":
            self.query_one("#prompt", Static).update(prompt_text(card, revealed=True))
        self.query_one("#source", Static).update(self._source_text())
        self.query_one("#grades", Static).update(self._grades_text())
        self.previews = self.session.preview(card)
        self._show_buttons()
        self.query_one("#card", VerticalScroll).scroll_end(animate=False)

    def _source_text(self) -> Text:
        source = self.card.source
        text = Text(style="dim")
        text.append(visible(source.get("text", "")))
        text.append("\n— ")
        text.append(visible(source.get("file", "")))
        if source.get("published"):
            text.append(visible(f", {source['published']}"))
        return text

    def _grades_text(self) -> Text:
        suggested = self._suggested_rating()
        if suggested:
            return Text(f"Grade with 1-4; Enter takes the suggestion: {RATINGS[suggested]}", style="dim")
        return Text("Grade with 1-4: how well did you remember?", style="dim")

    def _suggested_rating(self) -> int | None:
        if self.check is not None:
            return self.check.suggested_rating
        if self.card.kind == "choice" and self.chosen is not None:
            return 3 if self.card.choices[self.chosen] == self.card.answer else 1
        return None

    def action_accept(self) -> None:
        """Enter: reveal first; once revealed, take the suggested grade (Good if none)."""
        if not self.revealed:
            self.action_reveal()
        elif self.card is not None:
            self.action_grade(self._suggested_rating() or 3)

    def action_letter(self, letter: str) -> None:
        """a-d pick a choice on an unanswered multiple-choice card; otherwise b buries."""
        if self.card is not None and self.card.kind == "choice" and not self.revealed:
            self.action_grade("abcd".index(letter) + 1)
        elif letter == "b":
            self.action_bury()

    def action_grade(self, rating: int) -> None:
        if self.card is None:
            return
        if not self.revealed:
            if self.card.kind == "choice" and rating <= len(self.card.choices):
                self.chosen = rating - 1
                self.action_reveal()
            return
        if (
            self.card.kind == "choice"
            and self.chosen is not None
            and self.card.choices[self.chosen] != self.card.answer
        ):
            rating = 1  # a wrong pick is Again, whatever key follows
        duration_ms = int((time.monotonic() - self.shown_at) * 1000)
        try:
            self.session.answer(self.card, rating, duration_ms)
        except sqlite3.OperationalError as error:
            # Busy or read-only: the answer was not saved, so the card stays for another try.
            self.notify(f"Could not save this answer ({error}). Grade again to retry.", severity="error", markup=False)
            return
        self.show_card(self.session.next_card())

    def action_undo(self) -> None:
        card = self.session.undo() if self.session else None
        if card is None:
            self.notify("Nothing to undo in this session.")
            return
        self.notify("Last answer undone.")
        self.show_card(card)

    def action_bury(self) -> None:
        if self.card is not None:
            self.session.bury(self.card)
            self.notify("Card buried until tomorrow.")
            self.show_card(self.session.next_card())

    def action_suspend(self) -> None:
        if self.card is not None:
            card_id = self.card.id
            self.session.suspend(self.card)
            self.notify(f"Card suspended (quiz unsuspend {card_id}).", markup=False)
            self.show_card(self.session.next_card())

    def action_source(self) -> None:
        if self.card is not None:
            from quiz.tui.source_screen import SourceScreen

            roots = [self.app.decks_dir.parent, self.app.decks_dir, Path.cwd()]
            hide = None if self.revealed else self.card.answer
            self.app.push_screen(SourceScreen(self.card.source, roots, hide=hide))

    def action_leave(self) -> None:
        from quiz.tui.summary import SummaryScreen

        if self.session and self.session.answered:
            self.app.switch_screen(SummaryScreen(self.session))
        else:
            self.app.action_back()

"""The study app driven through Textual's Pilot, on a real database file."""

import re
from pathlib import Path

from textual.widgets import Button, DataTable, Header, Static

from quiz.store import Store
from quiz.tui.app import QuizApp
from tests.conftest import make_card, write_deck


def screen_text(app) -> str:
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


async def ready(app, pilot) -> None:
    """Wait for the workers (opening the database, loading counts) and the screen to settle."""
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_round_trip_reveal_grade_quit_reopen(tmp_path: Path, small_decks: Path, clock):
    db = tmp_path / "p.db"
    app = QuizApp(db, small_decks, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await pilot.press("enter")  # study the highlighted deck
        assert "Fact number 0" in screen_text(app)
        await pilot.press("space")
        assert "word0" in screen_text(app)
        await pilot.press("3")
        assert "Fact number 1" in screen_text(app)
        await pilot.press("q")  # leave the session: summary
        assert re.search(r"Cards answered\s+1", screen_text(app))
        await pilot.press("enter")
        await pilot.press("q")
    store = Store(db)
    rows = store.db.query("SELECT card_id, rating FROM reviews")
    [review] = list(rows)
    assert review["rating"] == 3
    card = store.card(review["card_id"])
    assert card["queue"] == "learning" and card["due"] > card["last_review"]
    store.close()

    clock.advance(minutes=15)  # the learning step has passed
    app = QuizApp(db, small_decks, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1
        await pilot.press("enter")
        # The rescheduled card comes back first, before any new card.
        assert "Fact number 0" in screen_text(app)


async def test_untrusted_text_is_shown_literally(tmp_path: Path, clock):
    nasty = "Press [@click=app.quit]here[/] or [bold]this[/] and [/] to win 5 dollars."
    card = make_card(nasty, "5 dollars")
    decks = tmp_path / "decks"
    write_deck(decks, "nasty", [card], title="[red]Evil[/] title")
    app = QuizApp(tmp_path / "p.db", decks, clock=clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(app, pilot)
        title_cell = app.screen.query_one(DataTable).get_row_at(0)[0]
        assert title_cell.plain == "[red]Evil[/] title"
        await pilot.press("enter")
        text = screen_text(app)
        assert "[@click=app.quit]here[/]" in text and "[bold]this[/]" in text
        await pilot.click("#prompt")
        assert app.is_running
        await pilot.press("space")
        assert "5 dollars" in screen_text(app)


async def test_ansi_escapes_are_shown_not_run(tmp_path: Path, clock):
    sneaky = "Answer \x1b[2J\x1b]0;pwned\x07 now: the year is 1999."
    card = make_card(sneaky, "1999")
    decks = tmp_path / "decks"
    write_deck(decks, "ansi", [card], title="Title \x1b[31mred")
    app = QuizApp(tmp_path / "p.db", decks, clock=clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(app, pilot)
        assert app.screen.query_one(DataTable).get_row_at(0)[0].plain == "Title ␛[31mred"
        await pilot.press("enter")
        await pilot.press("space")
        text = screen_text(app)
        assert "␛[2J␛]0;pwned␇" in text
        assert "\x1b" not in text and "\x07" not in text


async def test_multiple_choice_grades_itself(tmp_path: Path, clock):
    card = make_card("Which year was it?", "2010", kind="choice", choices=("2009", "2010", "2011", "2012"))
    decks = tmp_path / "decks"
    write_deck(decks, "mc", [card])
    db = tmp_path / "p.db"
    app = QuizApp(db, decks, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await pilot.press("enter")
        await pilot.press("1")  # picks 2009: wrong
        assert "you chose" in screen_text(app)
        await pilot.press("4")  # any key continues; a wrong pick is recorded as Again
    store = Store(db)
    assert [r["rating"] for r in store.db.query("SELECT rating FROM reviews")] == [1]
    store.close()


def question_deck(tmp_path: Path) -> Path:
    cards = [make_card(f"Who founded company number {n}?", f"Founder {n}", kind="question") for n in range(3)]
    decks = tmp_path / "decks"
    write_deck(decks, "people", cards)
    return decks


async def test_typed_answer_suggests_a_grade_and_enter_takes_it(tmp_path: Path, clock):
    db = tmp_path / "p.db"
    app = QuizApp(db, question_deck(tmp_path), study_now=True, deck="people", clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await pilot.press(*"foundr 0", "enter")
        assert "close" in screen_text(app)
        await pilot.press("enter")  # accept the suggestion: Hard
        await pilot.press(*"Founder 1", "enter")
        assert "correct" in screen_text(app)
        await pilot.press("1")  # override the suggestion
    store = Store(db)
    assert [r["rating"] for r in store.db.query("SELECT rating FROM reviews ORDER BY id")] == [2, 1]
    store.close()


async def test_undo_bury_and_suspend_keys(tmp_path: Path, small_decks: Path, clock):
    db = tmp_path / "p.db"
    app = QuizApp(db, small_decks, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await pilot.press("enter", "space", "3")
        assert "Fact number 1" in screen_text(app)
        await pilot.press("u")
        assert "Fact number 0" in screen_text(app)
        await pilot.press("b")
        assert "Fact number 1" in screen_text(app)
        await pilot.press("exclamation_mark")
        assert "Fact number 2" in screen_text(app)
    store = Store(db)
    cards = {row["prompt"][:13]: row for row in store.active_cards("basics")}
    assert cards["Fact number 0"]["buried_until"] is not None and cards["Fact number 0"]["reps"] == 0
    assert cards["Fact number 1"]["suspended"] == 1
    assert store.review_count() == 0
    store.close()


async def test_markup_and_escapes_in_a_seed_reach_the_screen_as_typed(tmp_path: Path, clock):
    """From a seed document, through the generator and the deck file, to the study screen."""
    from quiz.generate import generate, write_decks

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "trap.md").write_text(
        '---\ntitle: "[bold]Trap[/] deck"\n---\n'
        "Acme [@click=app.quit]Robotics[/] opened a [red]lab[/] in Lisbon in March 2021.\n",
        encoding="utf-8",
    )
    decks = tmp_path / "decks"
    write_decks(decks, generate([seeds]).decks)
    app = QuizApp(tmp_path / "p.db", decks, clock=clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(app, pilot)
        assert app.screen.query_one(DataTable).get_row_at(0)[0].plain == "[bold]Trap[/] deck"
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "[@click=app.quit]Robotics[/]" in text or "[red]lab[/]" in text
        await pilot.click("#prompt")
        assert app.is_running


async def test_source_stats_help_and_every_grade(tmp_path: Path, small_decks: Path, clock):
    from quiz.tui.help_screen import HelpScreen
    from quiz.tui.source_screen import SourceScreen
    from quiz.tui.stats_screen import StatsScreen

    db = tmp_path / "p.db"
    app = QuizApp(db, small_decks, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await pilot.press("enter")
        for grade in ("1", "2", "3", "4"):
            await pilot.press("space", grade)
        # The fifth card, not yet answered.
        await pilot.press("s")
        assert isinstance(app.screen, SourceScreen)
        # Before the answer is shown, the source does not give it away.
        assert "Fact number 4 says the answer is [...]." in str(app.screen.query_one(Static).render())
        await pilot.press("escape", "space", "s")
        assert "Fact number 4 says the answer is word4." in str(app.screen.query_one(Static).render())
        await pilot.press("escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "q")  # leave the session: summary
        assert re.search(r"Cards answered\s+4", screen_text(app))
        await pilot.press("enter", "s")
        await ready(app, pilot)
        assert isinstance(app.screen, StatsScreen)
        stats = screen_text(app)
        assert re.search(r"today 4, all time 4", stats)
    store = Store(db)
    assert [r["rating"] for r in store.db.query("SELECT rating FROM reviews ORDER BY id")] == [1, 2, 3, 4]
    store.close()


async def test_command_palette_offers_the_study_actions(tmp_path: Path, small_decks: Path, clock):
    app = QuizApp(tmp_path / "p.db", small_decks, clock=clock, deck="basics", study_now=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {
            "Undo last answer",
            "Bury card",
            "Suspend card",
            "Show source",
            "Grade Good",
            "Statistics",
            "Help",
            "Study basics",
        } <= titles
        await pilot.press("space")
        grade_good = next(c for c in app.get_system_commands(app.screen) if c.title == "Grade Good")
        grade_good.callback()
        await pilot.pause()
    store = Store(tmp_path / "p.db")
    assert [r["rating"] for r in store.db.query("SELECT rating FROM reviews")] == [3]
    store.close()


async def test_keys_buttons_and_header_arrive_with_the_first_card(tmp_path: Path, small_decks: Path, clock):
    """The card is drawn first and the rest a frame later; the Footer must still list the keys."""
    app = QuizApp(tmp_path / "p.db", small_decks, study_now=True, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        keys = {key.description for key in app.screen.query("FooterKey")}
        assert {"Show answer", "Again", "Good", "Undo", "Source", "Back"} <= keys
        assert app.screen.query_one("#reveal", Button).display
        assert app.screen.query_one(Header).screen_title == "quiz"


async def test_deck_titles_use_the_width_there_is(tmp_path: Path, clock):
    title = "A deck title long enough to be cut on a narrow terminal screen"
    decks = tmp_path / "decks"
    write_deck(decks, "long", [make_card("Acme opened a lab in Lisbon in 2021.", "Lisbon")], title=title)
    app = QuizApp(tmp_path / "p.db", decks, clock=clock)
    async with app.run_test(size=(160, 30)) as pilot:
        await ready(app, pilot)
        table = app.screen.query_one(DataTable)
        assert str(table.get_cell_at((0, 0))) == title
        assert "1 card in 1 deck" in screen_text(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        cut = str(table.get_cell_at((0, 0)))
        assert cut.endswith("…") and title.startswith(cut[:-1]) and len(cut) < 40

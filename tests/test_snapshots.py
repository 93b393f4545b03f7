"""Snapshot tests of every screen (pytest-textual-snapshot); update with --snapshot-update."""

import os
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Input

from quiz.tui.app import QuizApp
from tests.conftest import Clock, make_card, write_deck

SIZE = (100, 32)


@pytest.fixture(autouse=True)
def utc_zone():
    previous = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if previous is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = previous
    time.tzset()


def snapshot_app(tmp_path: Path, **kwargs) -> QuizApp:
    sentence = "XW Bank started with a registered capital of 3 billion yuan."
    cards = [
        make_card(sentence, "3 billion yuan"),
        make_card("Who was the chairman of Bank of Beijing?", "Yan Bingzhu", kind="question"),
        make_card(
            "In what year did Xiaomi obtain a payment licence?",
            "2014",
            kind="choice",
            choices=("2013", "2014", "2015", "2016"),
        ),
    ]
    decks = tmp_path / "decks"
    write_deck(decks, "xw-bank", cards, title="XW Bank, the online bank Xiaomi helped found")
    write_deck(decks, "other", [make_card("Acme opened a lab in Lisbon in 2021.", "Lisbon")], title="Acme")
    clock = Clock(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))
    return QuizApp(tmp_path / "p.db", decks, clock=clock, **kwargs)


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


# Each screen: the keys pressed to reach it, in groups, with the app settling after each group.
SCREENS = {
    "home": [],
    "study_cloze_revealed": [["down", "enter"], ["space"]],
    "study_typed_answer": [["down", "enter"], ["space", "3"], [*"Yan Bingzu", "enter"]],
    "study_multiple_choice": [["down", "enter"], ["space", "3"], [*"x", "enter", "3"], ["a"]],
    "summary": [["enter"], ["space", "3"]],  # the one-card deck: answering it ends the session
    "stats": [["enter"], ["space", "4"], ["enter"], ["s"]],
    "help": [["question_mark"]],
    "source_view": [["down", "enter"], ["s"]],
}


@pytest.mark.parametrize("screen", SCREENS)
def test_screen(snap_compare, tmp_path, screen):
    async def run_before(pilot):
        await settle(pilot)
        for keys in SCREENS[screen]:
            await pilot.press(*keys)
            await settle(pilot)

    assert snap_compare(snapshot_app(tmp_path), terminal_size=SIZE, run_before=run_before)

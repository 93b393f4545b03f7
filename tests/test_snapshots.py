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
        make_card("In what year did Xiaomi obtain a payment licence?", "2014", kind="choice",
                  choices=("2013", "2014", "2015", "2016")),
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


def test_home(snap_compare, tmp_path):
    assert snap_compare(snapshot_app(tmp_path), terminal_size=SIZE, run_before=settle)


def test_study_cloze_revealed(snap_compare, tmp_path):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        await pilot.press("space")

    assert snap_compare(snapshot_app(tmp_path), terminal_size=SIZE, run_before=run_before)


def test_study_typed_answer(snap_compare, tmp_path):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        await pilot.press("space", "3")  # grade the cloze; the question comes next
        await settle(pilot)
        await pilot.press(*"Yan Bingzu", "enter")
        await pilot.pause()

    assert snap_compare(snapshot_app(tmp_path), terminal_size=SIZE, run_before=run_before)


def test_study_multiple_choice(snap_compare, tmp_path):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        await pilot.press("space", "3")
        await settle(pilot)
        await pilot.press(*"x", "enter", "3")
        await settle(pilot)
        await pilot.press("a")

    assert snap_compare(snapshot_app(tmp_path), terminal_size=SIZE, run_before=run_before)


def test_summary(snap_compare, tmp_path):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("enter")  # the one-card deck: answering it ends the session
        await settle(pilot)
        await pilot.press("space", "3")
        await settle(pilot)

    assert snap_compare(snapshot_app(tmp_path), terminal_size=SIZE, run_before=run_before)


def test_stats(snap_compare, tmp_path):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("space", "4")
        await settle(pilot)
        await pilot.press("enter")  # summary -> decks
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)

    assert snap_compare(snapshot_app(tmp_path), terminal_size=SIZE, run_before=run_before)


def test_help(snap_compare, tmp_path):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("question_mark")

    assert snap_compare(snapshot_app(tmp_path), terminal_size=SIZE, run_before=run_before)


def test_source_view(snap_compare, tmp_path):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        await pilot.press("s")

    assert snap_compare(snapshot_app(tmp_path), terminal_size=SIZE, run_before=run_before)

import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.collection import open_collection
from quiz.scheduler import Scheduler, SchedulerOptions, day_end, day_start
from quiz.session import Session
from quiz.store import from_db_time


@pytest.fixture
def store(tmp_path: Path, small_decks: Path, clock):
    store = open_collection(tmp_path / "p.db", small_decks, clock())
    yield store
    store.close()


def no_fuzz() -> Scheduler:
    return Scheduler(SchedulerOptions(fuzz=False))


def test_new_cards_come_in_deck_order_and_answers_are_stored(store, clock):
    session = Session(store, "basics", clock=clock, scheduler=no_fuzz())
    first = session.next_card()
    assert first.queue == "new"
    assert first.prompt.startswith("Fact number 0")
    after = session.answer(first, 3, duration_ms=1500)
    assert after["queue"] == "learning"
    [review] = store.reviews(first.id)
    assert review["rating"] == 3 and review["duration_ms"] == 1500
    assert store.card(first.id)["queue"] == "learning"
    assert session.next_card().prompt.startswith("Fact number 1")


def test_learning_card_due_now_comes_before_new_cards(store, clock):
    session = Session(store, "basics", clock=clock, scheduler=no_fuzz())
    first = session.next_card()
    session.answer(first, 1)  # Again: back in a minute
    clock.advance(minutes=2)
    assert session.next_card().id == first.id


def test_daily_new_limit_is_respected_across_sessions(store, clock):
    store.db.execute("UPDATE decks SET new_per_day = 2")
    session = Session(store, "basics", clock=clock, scheduler=no_fuzz())
    for _ in range(2):
        session.answer(session.next_card(), 4)  # Easy: graduates straight to review
    assert session.next_card() is None
    assert Session(store, "basics", clock=clock).next_card() is None
    clock.advance(days=1)
    assert Session(store, "basics", clock=clock).next_card().queue == "new"


def test_unknown_deck_is_a_clear_error(store, clock):
    from quiz.errors import QuizError

    with pytest.raises(QuizError, match="no deck named 'nope'"):
        Session(store, "nope", clock=clock)


def test_preview_gives_longer_intervals_for_better_grades(store, clock):
    session = Session(store, "basics", clock=clock, scheduler=no_fuzz())
    card = session.next_card()
    preview = session.preview(card)
    assert preview[1] < preview[3] < preview[4]
    assert preview[4] >= timedelta(days=1)


def test_review_due_date_matches_preview(store, clock):
    session = Session(store, "basics", clock=clock, scheduler=no_fuzz())
    card = session.next_card()
    expected = session.preview(card)[3]
    after = session.answer(card, 3)
    assert from_db_time(after["due"]) - clock() == expected


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Asia/Shanghai"])
def test_study_day_rolls_over_at_four_local(zone):
    previous = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        moment = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
        start, end = day_start(moment), day_end(moment)
        assert start.astimezone().hour == 4 and end.astimezone().hour == 4
        assert start <= moment < end
        assert end - start in (timedelta(hours=23), timedelta(hours=24), timedelta(hours=25))
    finally:
        if previous is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = previous
        time.tzset()


def test_previewed_interval_is_the_one_answering_gives_even_with_fuzz(store, clock):
    """Fuzz is seeded per card and review, so the buttons never lie."""
    session = Session(store, "basics", clock=clock)  # fuzz on, as for a learner
    card = session.next_card()
    after = session.answer(card, 4)
    for _ in range(4):
        clock.now = from_db_time(after["due"])
        session = Session(store, "basics", clock=clock)
        card = session.next_card()
        assert card.queue == "review"
        expected = session.preview(card)[3]
        after = session.answer(card, 3)
        assert from_db_time(after["due"]) - clock() == expected

"""Study-engine rules with frozen time: steps, undo, bury, leeches, suspension, relinks,
custom study, per-deck options, and that the cached state is what the log says."""

import dataclasses
import json
import random
from datetime import timedelta
from pathlib import Path

import pytest

from quiz.collection import open_collection
from quiz.deck import Deck
from quiz.errors import QuizError
from quiz.scheduler import Scheduler, SchedulerOptions
from quiz.session import Session
from quiz.store import from_db_time, schedule_state
from tests.conftest import make_card, write_deck


@pytest.fixture
def store(tmp_path: Path, small_decks: Path, clock):
    store = open_collection(tmp_path / "p.db", small_decks, clock())
    yield store
    store.close()


def session_for(store, clock, **kwargs) -> Session:
    return Session(store, "basics", clock=clock, scheduler=Scheduler(SchedulerOptions(fuzz=False)), **kwargs)


def test_learning_steps_one_then_ten_minutes(store, clock):
    session = session_for(store, clock)
    card = session.next_card()
    after = session.answer(card, 3)
    assert from_db_time(after["due"]) - clock() == timedelta(minutes=10)
    assert after["queue"] == "learning" and after["step"] == 1
    clock.advance(minutes=10)
    again = session.next_card()
    assert again.id == card.id
    after = session.answer(again, 3)
    assert after["queue"] == "review"
    assert from_db_time(after["due"]) - clock() >= timedelta(days=1)


def test_custom_learning_steps_from_deck_options(store, clock):
    store.set_deck_options("basics", {"learning_steps": json.dumps([300])})
    session = Session(store, "basics", clock=clock)
    after = session.answer(session.next_card(), 1)
    assert from_db_time(after["due"]) - clock() == timedelta(minutes=5)


def test_undo_restores_the_exact_previous_state(store, clock):
    session = session_for(store, clock)
    card = session.next_card()
    before = store.card(card.id)
    session.answer(card, 4)
    assert store.card(card.id)["queue"] == "review"
    back = session.undo()
    assert back.id == card.id
    assert store.card(card.id) == before
    assert store.review_count() == 0
    # The log keeps the taken-back answer, marked in undos.
    assert store.db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1
    assert store.db.execute("SELECT count(*) FROM undos").fetchone()[0] == 1
    assert session.next_card().id == card.id
    assert session.answered == 0


@pytest.fixture
def siblings(tmp_path: Path, clock):
    """Two cards made from one sentence, and the open store."""
    sentence = "Acme was founded in Lisbon in 1999."
    cards = [make_card(sentence, "1999"), make_card(sentence, "Lisbon")]
    write_deck(tmp_path / "decks", "acme", cards)
    store = open_collection(tmp_path / "p.db", tmp_path / "decks", clock())
    yield store, cards
    store.close()


def test_undo_unburies_siblings(siblings, clock):
    store, cards = siblings
    session = Session(store, "acme", clock=clock)
    first = session.next_card()
    session.answer(first, 3)
    sibling = store.card(cards[1].id)
    assert sibling["buried_until"] is not None
    session.undo()
    assert store.card(cards[1].id)["buried_until"] is None


def test_buried_siblings_return_the_next_day(siblings, clock):
    store, cards = siblings
    session = Session(store, "acme", clock=clock)
    session.answer(session.next_card(), 4)
    assert session.next_card() is None
    clock.advance(days=1)
    assert Session(store, "acme", clock=clock).next_card().id == cards[1].id


def test_manual_bury_and_suspend(store, clock):
    session = session_for(store, clock)
    first = session.next_card()
    session.bury(first)
    second = session.next_card()
    assert second.id != first.id
    session.suspend(second)
    third = session.next_card()
    assert third.id not in (first.id, second.id)
    clock.advance(days=1)
    fresh = Session(store, "basics", clock=clock)
    assert fresh.next_card().id == first.id  # burial ended; suspension did not
    store.set_suspended(second.id, False)
    assert store.card(second.id)["suspended"] == 0


def test_eighth_lapse_makes_a_leech(store, clock):
    session = session_for(store, clock)
    card = session.next_card()
    session.answer(card, 4)  # straight to review
    for lapse in range(1, 9):
        clock.advance(days=400)
        session = session_for(store, clock)
        card = session.next_card()
        assert card.queue in ("review", "relearning", "learning")
        while card.queue != "review":
            session.answer(card, 4)
            clock.advance(days=400)
            session = session_for(store, clock)
            card = session.next_card()
        session.answer(card, 1)
        row = store.card(card.id)
        assert row["lapses"] == lapse
        assert row["suspended"] == (1 if lapse == 8 else 0)
    assert row["leech"] == 1
    session.undo()
    assert store.card(card.id)["suspended"] == 0 and store.card(card.id)["leech"] == 0


def test_custom_study_extra_new_and_review_ahead(store, clock):
    store.set_deck_options("basics", {"new_per_day": 1})
    session = session_for(store, clock)
    session.answer(session.next_card(), 4)
    assert session.next_card() is None
    extra = session_for(store, clock, extra_new=2)
    assert extra.counts().new == 2
    clock.advance(hours=1)
    ahead = session_for(store, clock, review_ahead=timedelta(days=30))
    assert ahead.counts().review == 1


def test_relink_keeps_history_of_a_reworded_fact(tmp_path: Path, clock):
    decks = tmp_path / "decks"
    old = make_card("Acme Robotics opened a lab in Lisbon in March 2021.", "March 2021")
    write_deck(decks, "acme", [old])
    store = open_collection(tmp_path / "p.db", decks, clock())
    session = Session(store, "acme", clock=clock)
    session.answer(session.next_card(), 4)
    learned = schedule_state(store.card(old.id))
    reworded = make_card("Acme Robotics opened its lab in Lisbon in March 2021.", "March 2021")
    unrelated = make_card("Beta Corp opened a lab in Porto in March 2021.", "March 2021")
    report = store.sync_deck(Deck("acme", "acme", [reworded, unrelated]), clock())
    assert report.relinked == {reworded.id: old.id}
    assert report.added == [unrelated.id] and report.retired == []
    assert schedule_state(store.card(reworded.id)) == learned
    assert store.card(unrelated.id)["queue"] == "new"
    assert [r["card_id"] for r in store.reviews(reworded.id)] == [old.id]
    assert store.rebuild_state()[reworded.id] == learned
    store.close()


@pytest.mark.parametrize(
    ("typed", "expected", "verdict"),
    [
        ("90%", "90 percent", "correct"),
        ("ninety per cent", "90 percent", "correct"),
        ("1.5 billion", "1,500 million", "correct"),
        ("1.5 billion yuan", "1500 million RMB", "correct"),
        ("$432 million", "432 million US dollars", "correct"),
        ("zurich", "Zürich", "correct"),
        ("lei jun!", "Lei Jun", "correct"),
        ("six", "6", "correct"),
        ("17 January 2020", "January 17, 2020", "correct"),
        ("17 January 2020", "2020-01-17", "correct"),
        ("2020-01-17", "Jan 17, 2020", "correct"),
        ("2020-01-18", "17 January 2020", "wrong"),
        ("18 January 2020", "January 17, 2020", "wrong"),
        ("Lei Jn", "Lei Jun", "close"),
        ("30", "30 percent", "close"),
        ("Minsheng Bank", "China Minsheng Bank", "close"),
        ("29.6 percent", "29.5 percent", "wrong"),
        ("2016", "2015", "wrong"),
        ("Bank of China", "Bank of Beijing", "wrong"),
        ("", "Lei Jun", "wrong"),
        ("real-time gross settlement", "Real-time gross settlement (RTGS)", "correct"),
        ("RTGS", "Real-time gross settlement (RTGS)", "correct"),
        ("Hong Kong", "Bank of China (Hong Kong)", "close"),  # a place in brackets is no abbreviation
    ],
)
def test_typed_answers(store, clock, typed, expected, verdict):
    session = session_for(store, clock)
    card = session.next_card()
    card = dataclasses.replace(card, answer=expected)
    check = session.check(card, typed)
    assert check.verdict.value == verdict
    assert check.suggested_rating == {"correct": 3, "close": 2, "wrong": 1}[verdict]


def test_cache_equals_what_the_log_rebuilds(store, clock):
    rng = random.Random(4)
    session = session_for(store, clock, extra_new=50)
    for _ in range(60):
        card = session.next_card()
        if card is None:
            clock.advance(days=rng.randint(1, 20))
            session = session_for(store, clock, extra_new=50)
            continue
        session.answer(card, rng.randint(1, 4))
        if rng.random() < 0.2:
            session.undo()
        clock.advance(minutes=rng.randint(1, 600))
    rebuilt = store.rebuild_state()
    for row in store.active_cards("basics"):
        if row["reps"]:
            assert rebuilt[row["id"]] == schedule_state(row)
        else:
            assert row["id"] not in rebuilt


def test_deck_options_are_validated_names(store):
    with pytest.raises(QuizError, match="unknown deck option"):
        store.set_deck_options("basics", {"colour": "red"})
    with pytest.raises(QuizError, match="no deck named"):
        store.set_deck_options("nope", {})


def test_undo_only_the_latest_answer(store, clock):
    session = session_for(store, clock)
    card = session.next_card()
    session.answer(card, 1)
    first_review = session.history[-1].review_id
    clock.advance(minutes=2)
    session.answer(session.next_card(), 3)
    with pytest.raises(QuizError, match="latest answer"):
        store.undo_review(first_review, clock())


def test_check_finds_and_repairs_a_drifted_schedule(store, clock):
    session = session_for(store, clock)
    card = session.next_card()
    session.answer(card, 3)
    assert store.check() == {"integrity": "ok", "cards_checked": 1, "drifted": [], "repaired": False}
    store.db.execute("UPDATE cards SET due = '2000-01-01T00:00:00.000000+00:00', reps = 9 WHERE id = ?", [card.id])
    store.db.conn.commit()
    assert store.check()["drifted"] == [card.id]
    store.check(repair=True)
    assert store.check()["drifted"] == []
    assert store.card(card.id)["reps"] == 1

"""Study-engine speed: next card + answer + commit, through the session API, on a large database.

Builds a progress database with the project's own store (N cards in one deck, M reviews
in the log, a realistic spread of new / learning / review cards), then times K rounds of
`Session.next_card()` + `Session.answer()`; every answer is committed before the next
round, as in real study. Prints a table line, then one JSON line.

    python bench/engine.py --cards 100000 --reviews 1000000 [--rounds 2000]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from measure import timing_summary
from synthetic import numbered_cards

from quiz.deck import Deck
from quiz.scheduler import Scheduler, SchedulerOptions
from quiz.session import Session
from quiz.store import NEW_STATE, SCHEDULE_COLUMNS, Store, to_db_time

START = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def build(path: Path, cards: int, reviews: int, seed: int = 1) -> Store:
    rng = random.Random(seed)
    store = Store(path)
    deck_cards = numbered_cards(cards, "benchmark")
    store.sync_deck(Deck("bench", "Benchmark", deck_cards), START)
    store.set_deck_options("bench", {"new_per_day": 10_000, "reviews_per_day": 100_000})

    # Review history: the real scheduler's states, spread over the year before START.
    scheduler = Scheduler(SchedulerOptions(fuzz=False))
    studied = deck_cards[: cards * 7 // 10]  # 70% studied, 30% still new
    per_card = max(reviews // max(len(studied), 1), 1)
    log_rows = []
    card_states = {}
    for card in studied:
        state = dict(NEW_STATE)
        moment = START - timedelta(days=rng.uniform(30, 365))
        for _ in range(per_card):
            after = scheduler.review(state, rng.choice((1, 3, 3, 3, 4)), moment)
            log_rows.append((card.id, 3, to_db_time(moment), 4000, json.dumps(state), json.dumps(after)))
            state = after
            moment += timedelta(days=rng.uniform(1, 20))
        # Put a slice of the deck due today, the rest in the future.
        due = START - timedelta(hours=1) if rng.random() < 0.05 else START + timedelta(days=rng.uniform(1, 200))
        state = dict(state, queue="review", due=to_db_time(due))
        card_states[card.id] = state
        if len(log_rows) >= reviews:
            break
    with store.writing():
        store.db.conn.executemany(
            "INSERT INTO reviews (card_id, rating, reviewed_at, duration_ms, state_before, state_after)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            log_rows[:reviews],
        )
        assignments = ", ".join(f"{column} = ?" for column in SCHEDULE_COLUMNS)
        store.db.conn.executemany(
            f"UPDATE cards SET {assignments} WHERE id = ?",
            [[state[c] for c in SCHEDULE_COLUMNS] + [cid] for cid, state in card_states.items()],
        )
    store.db.execute("ANALYZE")
    return store


def study(path: Path, rounds: int) -> dict:
    """Open the built database as the app would and time the study rounds (run in a fresh process)."""
    store = Store(path)
    now = [START]
    session = Session(store, "bench", clock=lambda: now[0])
    timings = []
    rng = random.Random(2)
    for _ in range(rounds):
        began = time.perf_counter()
        card = session.next_card()
        if card is None:
            break
        session.answer(card, rng.choice((1, 3, 3, 4)), duration_ms=3000)
        timings.append((time.perf_counter() - began) * 1000)
        now[0] += timedelta(seconds=5)
    logged = store.review_count()
    store.close()
    return {**timing_summary(timings), "reviews_logged": logged}


def run(cards: int, reviews: int, rounds: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        started = time.perf_counter()
        build(path, cards, reviews).close()
        build_seconds = time.perf_counter() - started
        # A fresh process, so the memory figure is the study's, not the builder's.
        measured = subprocess.run(
            [sys.executable, __file__, "--study", str(path), "--rounds", str(rounds)],
            capture_output=True,
            text=True,
            check=True,
        )
    return {"cards": cards, "reviews": reviews, **json.loads(measured.stdout), "build_seconds": round(build_seconds, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=2000)
    parser.add_argument(
        "--anki",
        metavar="PYTHON",
        help="also run bench/anki_engine.py under this interpreter (one with `anki` installed)",
    )
    parser.add_argument("--study", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.study:
        print(json.dumps(study(args.study, args.rounds)))
        return
    result = run(args.cards, args.reviews, args.rounds)
    if args.anki:
        anchor = subprocess.run(
            [
                args.anki,
                str(Path(__file__).with_name("anki_engine.py")),
                "--cards",
                str(args.cards),
                "--reviews",
                str(args.reviews),
                "--rounds",
                str(args.rounds),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        anki = json.loads(anchor.stdout.splitlines()[-1])
        result["anki"] = anki
        result["median_ratio_to_anki"] = round(result["answer_ms_median"] / anki["answer_ms_median"], 3)
    print(
        f"{result['cards']} cards, {result['reviews']} reviews: next card + answer + commit"
        f" median {result['answer_ms_median']} ms, p99 {result['answer_ms_p99']} ms, RSS {result['rss_mb']} MB"
    )
    if "anki" in result:
        anki = result["anki"]
        print(
            f"Anki core, same shape: median {anki['answer_ms_median']} ms, p99 {anki['answer_ms_p99']} ms,"
            f" RSS {anki['rss_mb']} MB; quiz/Anki median ratio {result['median_ratio_to_anki']}"
        )
    print(json.dumps({"benchmark": "engine", **result}))


if __name__ == "__main__":
    main()

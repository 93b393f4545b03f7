"""The anchor for bench/engine.py: Anki's own Rust core, driven from its Python library.

Builds a collection of the same shape (N cards, M review-log rows, the same share of new,
due and future cards) and times `sched.get_queued_cards()` + `sched.answer_card()` with
FSRS on. Needs the `anki` package (pip install anki), which quiz does not depend on;
bench/engine.py --anki PYTHON runs this under that interpreter. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from measure import timing_summary


def build(path: Path, cards: int, reviews: int):
    from anki.collection import AddNoteRequest, Collection

    col = Collection(str(path))
    col.set_config("fsrs", True)
    deck_id = col.decks.id("bench")
    config = col.decks.config_dict_for_deck_id(deck_id)
    config["new"]["perDay"] = 9999  # Anki's maximum
    config["rev"]["perDay"] = 9999
    col.decks.update_config(config)
    model = col.models.by_name("Basic")
    requests = []
    for number in range(cards):
        note = col.new_note(model)
        note["Front"] = f"Fact {number} of the benchmark deck has answer [...]."
        note["Back"] = str(number)
        requests.append(AddNoteRequest(note=note, deck_id=deck_id))
    col.add_notes(requests)
    rng = random.Random(1)
    card_ids = col.db.list("select id from cards order by id")
    studied = card_ids[: cards * 7 // 10]
    today = col.sched.today
    per_card = max(reviews // max(len(studied), 1), 1)
    revlog = []
    updates = []
    log_id = int(time.time() * 1000) - 400 * 86_400_000
    for card_id in studied:
        for _ in range(per_card):
            log_id += 1
            revlog.append((log_id, card_id, -1, 3, 10, 5, 2500, 4000, 1))
        due = today if rng.random() < 0.05 else today + rng.randint(1, 200)
        updates.append((due, rng.randint(5, 200), card_id))
        if len(revlog) >= reviews:
            break
    col.db.executemany("insert into revlog values (?,?,?,?,?,?,?,?,?)", revlog[:reviews])
    col.db.executemany("update cards set type=2, queue=2, due=?, ivl=?, factor=2500, reps=5 where id=?", updates)
    col.close()


def study(path: Path, rounds: int) -> dict:
    from anki.collection import Collection
    from anki.scheduler.v3 import CardAnswer

    col = Collection(str(path))
    col.decks.select(col.decks.id("bench"))
    rng = random.Random(2)
    ratings = (CardAnswer.AGAIN, CardAnswer.GOOD, CardAnswer.GOOD, CardAnswer.EASY)
    timings = []
    for _ in range(rounds):
        began = time.perf_counter()
        queued = col.sched.get_queued_cards()
        if not queued.cards:
            break
        top = queued.cards[0]
        card = col.get_card(top.card.id)
        card.start_timer()
        answer = col.sched.build_answer(card=card, states=top.states, rating=rng.choice(ratings))
        col.sched.answer_card(answer)
        timings.append((time.perf_counter() - began) * 1000)
    col.close()
    return timing_summary(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.anki2"
        build(path, args.cards, args.reviews)
        result = study(path, args.rounds)
    print(json.dumps({"benchmark": "anki-engine", "cards": args.cards, "reviews": args.reviews, **result}))


if __name__ == "__main__":
    main()

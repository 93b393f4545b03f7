"""A study loop run as a separate process by the durability tests.

Answers cards through the real session API and prints each review id only after
`Session.answer` has returned, so every printed id must be in the database.
usage: python -m tests.answer_loop DB DECKS COUNT [DECK]
"""

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.collection import open_collection
from quiz.session import Session


def main() -> None:
    db, decks, count = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    deck = sys.argv[4] if len(sys.argv) > 4 else None
    now = [datetime(2026, 3, 2, 10, 0, tzinfo=UTC)]
    store = open_collection(db, decks, now[0])
    session = Session(store, deck, clock=lambda: now[0], extra_new=100_000)
    for number in range(count):
        card = session.next_card()
        if card is None:
            now[0] += timedelta(days=1)
            continue
        session.answer(card, 1 + number % 4, duration_ms=number)
        print(session.history[-1].review_id, card.id, flush=True)


if __name__ == "__main__":
    main()

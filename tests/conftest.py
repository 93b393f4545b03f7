from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.deck import CLOZE_BLANK, Card, Deck, Source, card_id, dump_deck, fact_id

ROOT = Path(__file__).resolve().parent.parent
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    # 10:00 UTC on a fixed day; tests that care about local rollover set TZ themselves.
    return Clock(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))


def make_card(sentence: str, answer: str, kind: str = "cloze", choices: tuple[str, ...] = ()) -> Card:
    prompt = sentence.replace(answer, CLOZE_BLANK) if kind == "cloze" else sentence
    return Card(
        id=card_id(sentence, kind, answer),
        kind=kind,
        prompt=prompt,
        answer=answer,
        fact=fact_id(sentence),
        source=Source(file="seeds/test.md", text=sentence, title="Test deck", published="2020-01"),
        choices=choices,
    )


def write_deck(folder: Path, name: str, cards: list[Card], title: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(dump_deck(Deck(name=name, title=title or name, cards=cards)), encoding="utf-8")
    return path


@pytest.fixture
def small_decks(tmp_path: Path) -> Path:
    """A deck folder with one five-card deck, written through the real deck writer."""
    cards = [make_card(f"Fact number {n} says the answer is word{n}.", f"word{n}") for n in range(5)]
    write_deck(tmp_path / "decks", "basics", cards, title="Basics")
    return tmp_path / "decks"


# Property tests draw the same examples on every run, so CI never fails by chance.
from hypothesis import settings  # noqa: E402

settings.register_profile("deterministic", derandomize=True, print_blob=True)
settings.load_profile("deterministic")

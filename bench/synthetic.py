"""Synthetic decks for the benchmarks: n numbered cloze cards, each its own fact."""

from __future__ import annotations

from quiz.deck import Card, Source, card_id, fact_id


def numbered_cards(count: int, label: str) -> list[Card]:
    cards = []
    for number in range(count):
        sentence = f"Fact {number} of the {label} deck has answer {number}."
        cards.append(
            Card(
                id=card_id(sentence, "cloze", str(number)),
                kind="cloze",
                prompt=sentence.replace(f"answer {number}", "answer [...]"),
                answer=str(number),
                fact=fact_id(sentence),
                source=Source(file="bench", text=sentence),
            )
        )
    return cards

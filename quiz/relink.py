"""Relinking: a fact reworded slightly keeps the history of the card it replaces.

A card's id hashes its sentence, so any edit to the sentence makes a new id. When a new
card and a vanished card come from the same seed file, ask the same way (kind), have the
same answer, and their sentences are nearly the same, the new card is the old one
reworded: it should carry on from the old card's schedule instead of starting over.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from quiz.deck import normalise

SIMILARITY = 85


@dataclass(frozen=True)
class Candidate:
    id: str
    kind: str
    answer: str
    file: str
    text: str


def find_relinks(vanished: list[Candidate], added: list[Candidate]) -> dict[str, str]:
    """new id -> old id, best matches first, each old card used at most once."""
    by_key: dict[tuple[str, str, str], list[Candidate]] = {}
    for old in vanished:
        by_key.setdefault((old.file, old.kind, normalise(old.answer)), []).append(old)
    scored: list[tuple[float, str, str]] = []
    for new in added:
        for old in by_key.get((new.file, new.kind, normalise(new.answer)), []):
            score = fuzz.ratio(normalise(new.text), normalise(old.text))
            if score >= SIMILARITY:
                scored.append((score, new.id, old.id))
    links: dict[str, str] = {}
    used: set[str] = set()
    for _, new_id, old_id in sorted(scored, key=lambda item: (-item[0], item[1], item[2])):
        if new_id not in links and old_id not in used:
            links[new_id] = old_id
            used.add(old_id)
    return links

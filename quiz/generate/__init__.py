"""The deck generator: seed documents in, deck files out. Offline and deterministic.

clean (boilerplate, garbled numbers) -> split sentences -> pick facts -> build cards.
"""

from __future__ import annotations

# First of all: where an edited source is newer than its compiled copy, the source runs.
from quiz.generate.compiled import run_sources_if_stale

run_sources_if_stale()

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from quiz.deck import Card, Deck, dump_deck, fold, load_deck, normalise
from quiz.errors import QuizError
from quiz.generate.boilerplate import DroppedLine, Line, content_lines, headline, stamp_date
from quiz.generate.cards import Distractors, build_cards
from quiz.generate.documents import Document, Skipped, find_seed_files, read_document
from quiz.generate.facts import (
    SkippedSentence,
    choose_facts,
    corpus_subjects,
    extract_sentences,
)
from quiz.generate.spans import EntityTypes
from quiz.relink import Candidate, find_relinks


@dataclass
class Generation:
    decks: list[Deck] = field(default_factory=list)
    skipped_files: list[Skipped] = field(default_factory=list)
    dropped_lines: list[tuple[Path, DroppedLine]] = field(default_factory=list)
    skipped_sentences: list[SkippedSentence] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class DeckChanges:
    name: str
    added: list[str]
    changed: list[str]
    relinked: dict[str, str]  # new id -> old id: a reworded fact that keeps its history
    retired: list[str]


def _display_path(path: Path, bases: list[str]) -> Path:
    """Paths in decks are relative to the folder holding a seed argument (`bases`: absolute, each
    ending in a separator), so output does not depend on cwd. Lexical, not resolved: a linked file
    keeps the name it has there. Plain strings: one call per seed file, thousands in a large corpus."""
    absolute = os.path.abspath(path)
    for base in bases:
        if absolute.startswith(base):
            return Path(absolute[len(base) :])
    return Path(path.name)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The generator builds many small objects and no reference cycles worth collecting; the cyclic
    GC would rescan them all again and again, making large corpora slower per megabyte."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # What the run built is its result: long-lived and acyclic. It goes straight to the oldest
        # generation (frozen, then thawed there), or the first allocation after re-enabling would
        # have the collector scan all of it as young (1.3 % of a run). A caller's frozen objects stay so.
        if not gc.get_freeze_count():
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()


def generate(paths: list[Path]) -> Generation:
    with _no_cycle_collection():
        return _generate(paths)


def _generate(paths: list[Path]) -> Generation:
    result = Generation()
    files = find_seed_files(paths)
    if not files:
        raise QuizError(f"{', '.join(map(str, paths))}: no seed files (.md, .txt) found")
    bases = [os.path.join(os.path.dirname(os.path.abspath(root)), "") for root in paths]
    documents: list[tuple[Document, list[Line]]] = []
    for path in files:
        read = read_document(path)
        if isinstance(read, Skipped):
            result.skipped_files.append(read)
            continue
        read.path = _display_path(path, bases)
        result.notes.extend(f"{read.path}: {note}" for note in read.notes)
        kept, dropped = content_lines(read.text, read.first_line)
        result.dropped_lines.extend((read.path, line) for line in dropped)
        if not read.title:
            read.title = headline(dropped, kept[0].number if kept else None) or path.stem
        if not read.published and kept:
            read.published = stamp_date(dropped, kept[0].number)
        documents.append((read, kept))

    types = EntityTypes()
    sentences, skipped = extract_sentences(documents, types)
    result.skipped_sentences.extend(skipped)
    facts = choose_facts(sentences, types, corpus_subjects(sentences))
    distractors = Distractors(facts)

    cards_by_document: dict[str, list[Card]] = {document.name: [] for document, _ in documents}
    repeated: set[str] = set()  # documents with a card another document already has
    seen: set[tuple[str, str, str]] = set()
    for fact in facts:
        for card in build_cards(fact, distractors, types):
            key = (card.kind, fold(card.prompt), normalise(card.answer))
            if key in seen:
                repeated.add(fact.sentence.document.name)
                continue
            seen.add(key)
            cards_by_document[fact.sentence.document.name].append(card)
    for document, _ in documents:
        cards = cards_by_document[document.name]
        if not cards:
            if document.name in repeated:
                result.notes.append(f"{document.path}: all its cards repeat cards of earlier documents")
            else:
                result.notes.append(f"{document.path}: no quiz-worthy facts found")
            continue
        result.decks.append(Deck(name=document.name, title=document.title, cards=cards))
    return result


def deck_file(out: Path, deck: Deck) -> Path:
    return out / f"{deck.name}.toml"


def compare(out: Path, deck: Deck) -> DeckChanges:
    """What writing `deck` into `out` would add, change and retire."""
    path = deck_file(out, deck)
    old = {card.id: card for card in load_deck(path).cards} if path.exists() else {}
    new = {card.id: card for card in deck.cards}
    added = [cid for cid in new if cid not in old]
    retired = [cid for cid in old if cid not in new]
    relinked = find_relinks([_candidate(old[cid]) for cid in retired], [_candidate(new[cid]) for cid in added])
    return DeckChanges(
        name=deck.name,
        added=[cid for cid in added if cid not in relinked],
        changed=[cid for cid in new if cid in old and old[cid] != new[cid]],
        relinked=relinked,
        retired=[cid for cid in retired if cid not in relinked.values()],
    )


def _candidate(card: Card) -> Candidate:
    return Candidate(card.id, card.kind, card.answer, card.source.file, card.source.text)


def write_decks(out: Path, decks: list[Deck]) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise QuizError(f"{out}: cannot create deck folder: {error.strerror}") from None
    for deck in decks:
        path = deck_file(out, deck)
        temporary = path.with_suffix(".toml.tmp")
        try:
            temporary.write_text(dump_deck(deck), encoding="utf-8")
            temporary.replace(path)
        except OSError as error:
            raise QuizError(f"{path}: cannot write deck file: {error.strerror}") from None

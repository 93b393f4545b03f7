"""Deck files: the human-editable TOML that holds card content.

A deck file is the source of truth for what a card says; the progress database only
refers to cards by id. Loading validates every card and names file and line on error.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import tomli_w

from quiz.errors import QuizError

CARD_KINDS = ("cloze", "question", "choice")
CLOZE_BLANK = "[...]"
DECK_SUFFIX = ".toml"


class Source(NamedTuple):
    file: str
    text: str
    title: str = ""
    published: str = ""


class Card(NamedTuple):
    id: str
    kind: str
    prompt: str
    answer: str
    fact: str
    source: Source
    answer_type: str = ""
    choices: tuple[str, ...] = ()


@dataclass
class Deck:
    name: str
    title: str
    cards: list[Card] = field(default_factory=list)
    path: Path | None = None


def fold(text: str) -> str:
    """Case and whitespace folded, so cosmetic edits keep a fact's identity."""
    return " ".join(text.casefold().split())


# Sentences and answers recur (a sentence's facts and cards, an answer among choices): each is
# folded once. A text seen once (a card's prompt) is folded with `fold`, keeping them in the cache.
normalise = lru_cache(maxsize=65536)(fold)


def fact_id(sentence: str) -> str:
    return "f-" + hashlib.sha256(normalise(sentence).encode()).hexdigest()[:12]


def card_id(sentence: str, kind: str, answer: str) -> str:
    key = "\x1f".join((normalise(sentence), kind, normalise(answer)))
    return "c-" + hashlib.sha256(key.encode()).hexdigest()[:12]


def dump_deck(deck: Deck) -> str:
    """Deck as TOML text; stable key order so regeneration is byte-identical."""
    cards = []
    for card in deck.cards:
        table: dict = {
            "id": card.id,
            "kind": card.kind,
            "prompt": card.prompt,
            "answer": card.answer,
        }
        if card.answer_type:
            table["answer_type"] = card.answer_type
        if card.choices:
            table["choices"] = list(card.choices)
        table["fact"] = card.fact
        source = {"file": card.source.file, "text": card.source.text}
        if card.source.title:
            source["title"] = card.source.title
        if card.source.published:
            source["published"] = card.source.published
        table["source"] = source
        cards.append(table)
    return tomli_w.dumps({"deck": {"name": deck.name, "title": deck.title}, "cards": cards})


CARD_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*cards[ \t]*\]\]", re.M)


def _card_line(text: str, index: int) -> int:
    """1-based line of the index-th [[cards]] header: only worked out when an error names it."""
    for number, match in enumerate(CARD_HEADER.finditer(text)):
        if number == index:
            return text.count("\n", 0, match.start()) + 1
    return 1


def _load_toml(text: str, path: Path) -> dict:
    # rtoml (Rust) reads a large deck about ten times faster than tomllib; tomllib reads it
    # again only when it is broken, for its error message with line and column.
    import rtoml  # here, not at the top: starting the study app reads no deck file

    try:
        return rtoml.loads(text)
    except rtoml.TomlParsingError as rust_error:
        try:
            tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise QuizError(f"{path}: invalid TOML: {error}") from None
        raise QuizError(f"{path}: invalid TOML: {' '.join(str(rust_error).split())}") from None


class CardProblem(Exception):
    """What is wrong with one card; the caller adds the file and line."""


def _require_text(table: dict, key: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CardProblem(f"card needs a non-empty text '{key}'")
    return value


def _card(table: object) -> Card:
    if not isinstance(table, dict):
        raise CardProblem("each card must be a table")
    card_id_value = _require_text(table, "id")
    kind = _require_text(table, "kind")
    if kind not in CARD_KINDS:
        raise CardProblem(f"unknown card kind {kind!r} (expected one of {', '.join(CARD_KINDS)})")
    prompt = _require_text(table, "prompt")
    answer = _require_text(table, "answer")
    choices = table.get("choices", [])
    if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
        raise CardProblem("'choices' must be a list of texts")
    if kind == "choice":
        if len(choices) < 2:
            raise CardProblem("a choice card needs at least two choices")
        if answer not in choices:
            raise CardProblem(f"the answer {answer!r} is not among the choices")
    if kind == "cloze" and CLOZE_BLANK not in prompt:
        raise CardProblem(f"a cloze prompt must contain the blank {CLOZE_BLANK}")
    source = table.get("source", {})
    if not isinstance(source, dict):
        raise CardProblem("'source' must be a table with 'file' and 'text'")
    return Card(
        id=card_id_value,
        kind=kind,
        prompt=prompt,
        answer=answer,
        answer_type=str(table.get("answer_type", "")),
        choices=tuple(choices),
        fact=str(table.get("fact") or card_id_value),
        source=Source(
            file=str(source.get("file", "")),
            text=str(source.get("text", "")),
            title=str(source.get("title", "")),
            published=str(source.get("published", "")),
        ),
    )


def parse_deck(text: str, path: Path) -> Deck:
    data = _load_toml(text, path)
    header = data.get("deck", {})
    if not isinstance(header, dict):
        raise QuizError(f"{path}:1: 'deck' must be a table")
    raw_cards = data.get("cards", [])
    if not isinstance(raw_cards, list):
        raise QuizError(f"{path}:1: 'cards' must be an array of tables ([[cards]])")
    deck = Deck(
        name=str(header.get("name") or path.stem),
        title=str(header.get("title") or path.stem),
        path=path,
    )
    first_seen: dict[str, int] = {}
    for index, table in enumerate(raw_cards):
        try:
            card = _card(table)
        except CardProblem as problem:
            raise QuizError(f"{path}:{_card_line(text, index)}: {problem}") from None
        if card.id in first_seen:
            first = _card_line(text, first_seen[card.id])
            raise QuizError(f"{path}:{_card_line(text, index)}: duplicate card id {card.id!r} (first at line {first})")
        first_seen[card.id] = index
        deck.cards.append(card)
    return deck


def load_deck(path: Path) -> Deck:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise QuizError(f"{path}: cannot read deck file: {error.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise QuizError(f"{path}: deck file is not UTF-8 (byte {error.start})") from None
    return parse_deck(text, path)


def deck_paths(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise QuizError(f"{folder}: deck folder does not exist")
    return sorted(folder.glob(f"*{DECK_SUFFIX}"))

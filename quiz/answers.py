"""Checking a typed answer: forgiving of form, strict about facts.

"90%", "90 percent" and "ninety per cent" are one answer; so are "1.5 billion" and
"1,500 million". Case, punctuation and diacritics never matter. A near miss in spelling is
"close"; a different number is always wrong. The result is a suggested grade the learner
can override.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

from rapidfuzz import fuzz
from text_to_num import alpha2digit

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3}
SYNONYMS = {
    "%": "percent",
    "pct": "percent",
    "per cent": "percent",
    "rmb": "yuan",
    "renminbi": "yuan",
    "cny": "yuan",
    "¥": "yuan",
    "usd": "usd",
    "us dollars": "usd",
    "dollars": "usd",
    "us $": "usd",
    "$": "usd",
    "hkd": "hkd",
    "hk $": "hkd",
    "hong kong dollars": "hkd",
    "&": "and",
}
SINGLE_NUMBER_WORDS = {"one": "1"}
FILLERS = {"the", "a", "an", "about", "around", "roughly"}
CLOSE_RATIO = 85


class Verdict(Enum):
    CORRECT = "correct"
    CLOSE = "close"
    WRONG = "wrong"

    @property
    def suggested_rating(self) -> int:
        return {Verdict.CORRECT: 3, Verdict.CLOSE: 2, Verdict.WRONG: 1}[self]


@dataclass(frozen=True)
class Check:
    verdict: Verdict
    typed: str
    expected: str

    @property
    def suggested_rating(self) -> int:
        return self.verdict.suggested_rating


def plain(text: str) -> str:
    """Casefolded, without diacritics, punctuation folded to spaces (but % $ ¥ kept)."""
    # Casefold first: some letters only split into base + mark once folded (ᾀ -> ἀι).
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().replace("’", "'")
    stripped = re.sub(r"(?<=\d),(?=\d{3}\b)", "", stripped)  # 1,500 -> 1500
    stripped = re.sub(r"[^\w\s%$¥.&]|(?<!\d)\.|\.(?!\d)", " ", stripped)
    return " ".join(stripped.split())


MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DAY_FIRST = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH})\b")
MONTH_FIRST = re.compile(rf"\b({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b")


# "2020-01-17" once its dashes are spaces.
ISO_DATE = re.compile(r"\b(\d{4}) (0?[1-9]|1[0-2]) (0?[1-9]|[12]\d|3[01])\b")


def _dates_day_first(text: str) -> str:
    """'January 17', '17 January' and the '01 17' of '2020-01-17' are one date: write all as
    'month-1 day-17'."""
    text = ISO_DATE.sub(lambda m: f"month-{int(m.group(2))} day-{int(m.group(3))} {m.group(1)}", text)
    text = DAY_FIRST.sub(lambda m: f"month-{MONTHS[m.group(2)]} day-{int(m.group(1))}", text)
    text = MONTH_FIRST.sub(lambda m: f"month-{MONTHS[m.group(1)]} day-{int(m.group(2))}", text)
    # A month with no day: a full name anywhere, an abbreviation only before a year ("Jun" may be a name).
    text = re.sub(rf"\b({MONTH})\s+(?=\d{{4}}\b)", lambda m: f"month-{MONTHS[m.group(1)]} ", text)
    full_names = "|".join(name for name in MONTHS if len(name) > 4 or name in ("may", "june", "july"))
    return re.sub(rf"\b({full_names})\b", lambda m: f"month-{MONTHS[m.group(1)]}", text)


def canonical(text: str) -> tuple[str, ...]:
    """Tokens with numbers as values and units as one spelling: a form-blind fingerprint."""
    text = plain(text)
    text = re.sub(r"([%$¥])", r" \1 ", text)
    text = _dates_day_first(text)
    for phrase, replacement in sorted(SYNONYMS.items(), key=lambda item: -len(item[0])):
        text = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", f" {replacement} ", text)
    text = " ".join(SINGLE_NUMBER_WORDS.get(word, word) for word in text.split())
    text = alpha2digit(text, "en")
    tokens: list[str] = []
    value: float | None = None
    for token in text.split():
        number = _as_number(token)
        if number is not None and value is None:
            value = number
        elif value is not None and (token in SCALES or (number is not None and number in SCALES.values())):
            value *= SCALES.get(token, number)
        else:
            if value is not None:
                tokens.append(f"{value:.15g}")
                value = None
            if number is not None:
                value = number
            else:
                tokens.append(token)
    if value is not None:
        tokens.append(f"{value:.15g}")
    # Fillers do not count ("the Bank of Beijing"), unless they are all there is ("A").
    meaningful = [token for token in tokens if token not in FILLERS] or tokens
    # "$432 million" and "432 million dollars" put the unit on different sides.
    return tuple(sorted(meaningful)) if any(_as_number(t) is not None for t in meaningful) else tuple(meaningful)


def _as_number(token: str) -> float | None:
    try:
        return float(token)
    except ValueError:
        return None


def _numbers(tokens: tuple[str, ...]) -> list[str]:
    """The tokens that are numbers, a date's day and month among them: another day is another date."""
    return [token for token in tokens if _as_number(token) is not None or token.startswith(("day-", "month-"))]


# "Real-time gross settlement (RTGS)": the term and its abbreviation are each the answer.
ABBREVIATED = re.compile(r"(.+?)\s*\(([A-Z]{2,6}s?)\)")


def check_answer(typed: str, expected: str) -> Check:
    typed_tokens, expected_tokens = canonical(typed), canonical(expected)
    if not typed_tokens:
        return Check(Verdict.WRONG, typed, expected)
    if typed_tokens == expected_tokens:
        return Check(Verdict.CORRECT, typed, expected)
    abbreviated = ABBREVIATED.fullmatch(expected) if "(" in expected else None
    if abbreviated and typed_tokens in (canonical(abbreviated[1]), canonical(abbreviated[2])):
        return Check(Verdict.CORRECT, typed, expected)
    expected_numbers = _numbers(expected_tokens)
    if expected_numbers and _numbers(typed_tokens) != expected_numbers:
        return Check(Verdict.WRONG, typed, expected)
    typed_text, expected_text = " ".join(typed_tokens), " ".join(expected_tokens)
    if expected_numbers:
        # The number is right; a missing or misspelt unit is a near miss.
        return Check(Verdict.CLOSE, typed, expected)
    if fuzz.ratio(typed_text, expected_text) >= CLOSE_RATIO or (
        len(typed_text) >= 4 and fuzz.token_set_ratio(typed_text, expected_text) >= 95
    ):
        return Check(Verdict.CLOSE, typed, expected)
    return Check(Verdict.WRONG, typed, expected)

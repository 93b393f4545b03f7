"""Spotting numbers that machine translation has mangled, so they are never quizzed.

Known shapes: a digit run with a '+' inside ("65438+ 10 17", "65,438+02"), the
"65438"/"6543.8" run that one engine emits for a lost leading "1", a year broken
by spaces ("20 15", "20 19129", "20 2 6"), the Chinese ten-thousand as a number of its own ("1000
10,000 users", "3.5 billion 10,000 yuan"), separators followed by a space ("1, 200 million",
"1, 000", "6. 5 billion"), two numbers for one share ("1.3 1%", "1 5.3%"), two magnitudes in
a row ("1.2 trillion billion"), a space before a decimal point ("RMB1 .5 billion"), a comma
before one or two digits ("3,5 billion"), digits one by one ("2 0 2 3 million"), and a percent
sign or a unit written twice ("1.2%%", "100 million yuan yuan"), an ordinal's ending cut off ("the 25
th"). A sentence with any of them is dropped whole: when
one number in it is wrong, the others cannot be trusted either.
"""

from __future__ import annotations

import re
from typing import Final

from quiz.generate.spans import first_digit

DIGITS: Final = "0123456789"
# (reason, pattern, substrings a match cannot do without: a plain test spares most sentences the scan)
GARBLED: Final = [
    ("number with '+' inside", re.compile(r"\d[\d,.]*\+\s*\d"), ("+",)),
    ("machine-translation digit run", re.compile(r"6[,.]?5[,.]?4[,.]?3[,.]?8"), ("6",)),
    ("year split by a space", re.compile(r"\b(?:19|20) \d(?: ?\d)+\b"), ("19 ", "20 ")),
    # "1, 200 million": a thousands separator followed by a space.
    # "has passed 1000 10,000 users": the Chinese ten-thousand (万) written as a number of its own.
    # "3.5 billion 10,000 yuan": the ten-thousand after a magnitude, too.
    ("ten thousand as a second number", re.compile(r"(?:\d|thousand|million|billion|trillion) 10,000\b"), (" 10,000",)),
    # "1, 000 branches": a thousands group after a separator and a space is never a number of its own.
    (
        "thousands split by a space",
        re.compile(r"\b\d{1,3}, (?:\d{3} (?:thousand|million|billion|trillion)\b|000\b)"),
        (", ",),
    ),
    # "the non-performing loan ratio was 1.3 1%", "rose 1 5.3%": two numbers for one share (not "In
    # 2023 5% of adults", a year before it).
    (
        "two numbers for one share",
        re.compile(r"(?:\d\.\d+|\b\d{1,3}) \d[\d.]* ?(?:%|percent\b|per cent\b)"),
        ("%", "per"),
    ),
    # "1.2 trillion billion yuan": two magnitudes in a row ("a thousand million" is one).
    (
        "two magnitudes in a row",
        re.compile(r"\b(?:million|billion|trillion) (?:thousand|million|billion|trillion)\b"),
        ("illion ",),
    ),
    # "RMB1 .5 billion": a space before the decimal point.
    ("space before a decimal point", re.compile(r"\d \.\d"), (" .",)),
    # "3,5 billion yuan": a decimal comma or a lost digit; not India's "1,00,000", whose groups go on.
    ("comma before one or two digits", re.compile(r"\d,\d{1,2}(?![\d,])"), tuple(f",{digit}" for digit in DIGITS)),
    # "loans of 2 0 2 3 million yuan": digits one by one, so one at least has a space either side.
    (
        "digits split by spaces",
        re.compile(r"(?<![\d,.])\d(?: \d){2,}(?![\d,.])"),
        tuple(f" {digit} " for digit in DIGITS),
    ),
    # "1.2%%": the percent sign twice.
    ("percent sign twice", re.compile(r"%\s*%"), ("%",)),
    # "the 25 th French unicorn": an ordinal's ending cut off its number.
    ("ordinal split by a space", re.compile(r"\d (?:st|nd|rd|th)\b"), (" st", " nd", " rd", " th")),
    # "100 million yuan yuan": the unit twice.
    ("unit written twice", re.compile(r"\d (?:(?:thousand|million|billion|trillion) )?([a-z]+) \1\b"), (" ",)),
]
# "6. 5 billion yuan", "12. 3 percent": a decimal point followed by a space reads as the end of a
# sentence, so this one is looked for in the whole paragraph, before it is split into sentences.
SPLIT_DECIMAL: Final = re.compile(r"\d\. \d{1,3} ?(?:%|percent|per cent|thousand|million|billion|trillion)")


def garbled_number(sentence: str) -> str | None:
    """Why the sentence holds a garbled number, or None if its numbers look sound."""
    if not first_digit(sentence):
        return None
    for reason, pattern, needles in GARBLED:
        if any(map(sentence.__contains__, needles)) and pattern.search(sentence):
            return reason
    return None


def garbled_paragraph(paragraph: str) -> str | None:
    """Why a paragraph holds a garbled number that sentence splitting would cut in two, or None."""
    if ". " in paragraph and SPLIT_DECIMAL.search(paragraph):
        return "decimal point followed by a space"
    return None

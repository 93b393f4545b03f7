"""Splitting text into sentences: spaCy's rule-based sentencizer, read only where it decides.

spaCy's blank English pipeline needs no model download. Its tokenizer is the slow part on new
words, so only the stretches of a text around its stops go through it; what it decides there
decides the whole text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

NAME_INNER_ABBREVIATIONS: Final = ("Pte.", "Sdn.", "Pty.")
TOKENIZER_CACHE_WORDS: Final = 1_000_000  # ~60 bytes each, and only as many as the corpus has


@lru_cache(maxsize=1)
def sentence_splitter():
    """spaCy's blank English pipeline with the rule-based sentencizer: no model to download."""
    import spacy
    from spacy.attrs import IS_PUNCT

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    # The sentencizer reads only whether a token is punctuation; a new word's twenty-odd other
    # lexical attributes (shape, like_num, is_stop ...) would cost a third of its time.
    nlp.vocab.lex_attr_getters = {IS_PUNCT: nlp.vocab.lex_attr_getters[IS_PUNCT]}
    # The tokenizer remembers how it split each word, but by default only the first 10,000 words;
    # a large corpus has many more, and each one past that is split by the affix rules again.
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE_WORDS
    # Legal forms that always have more of the name after them ("Pelican Pay Pte. Ltd.", "Maju
    # Sdn. Bhd."), as spaCy already knows "Inc." and "Ltd.": no sentence ends at their stop.
    for abbreviation in NAME_INNER_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    return nlp


INNER_BREAK: Final = re.compile(r"[.!?]\S*\s+\S")


# A run of non-space characters holding a stop ("end.", "U.S.", "rose!”").
HOLDING_STOP: Final = r"[^\s.!?]*+[.!?]\S*"  # possessive: giving back letters cannot find a stop
# Where in a text the sentencizer can start a sentence. spaCy tokenizes each run of non-space
# characters on its own, and the sentencizer starts a sentence at the first token after a stop
# character (its `punct_chars`) that is no punctuation. So what decides is a run holding a stop,
# the runs after it up to the first with a letter or digit (a lone dash or quote starts nothing),
# and any stops in those. Only these go through spaCy: on new words its tokenizer costs ~10 µs
# each, and most words of a sentence are nowhere near its end. Of a word starting with a letter or
# digit, its first character is enough: its first token starts there and is no punctuation.
DECIDING_STRETCH: Final = re.compile(
    rf"(?<!\S){HOLDING_STOP}(?:\s+(?:{HOLDING_STOP}|[^\w\s]+(?!\S)))*(?:\s+(?:[^\W_]|\S+))?"
)


@lru_cache(maxsize=1)
def _stops_as_full_stops() -> dict[int, str]:
    """spaCy's other stop characters ('。', '！', '؟' ...) read as '.': one position each, so a
    pattern with three stops finds the same stretches (a class of all of them is 4× slower)."""
    stops = sentence_splitter().get_pipe("sentencizer").punct_chars
    return str.maketrans(dict.fromkeys(stops - set(".!?"), "."))


def _deciding_stretches(text: str) -> list[tuple[int, str]]:
    """Where each stretch starts, and its text."""
    if text.isascii():
        return [(match.start(), match.group()) for match in DECIDING_STRETCH.finditer(text)]
    searched = text.translate(_stops_as_full_stops())
    return [(match.start(), text[match.start() : match.end()]) for match in DECIDING_STRETCH.finditer(searched)]


# Where sentences start inside each stretch spaCy has read (offsets past its first character): a
# stretch decides the same wherever it is, and most recur ("market. T", "2020. I").
_STARTS_IN_STRETCH: Final[dict[str, tuple[int, ...]]] = {}


def split_sentences(texts: list[str]) -> list[list[str]]:
    """Sentences of each text. A text with no stop before its last word is one sentence as it is."""
    result: list[list[str]] = [[text.strip()] for text in texts]
    to_split = [index for index, text in enumerate(texts) if INNER_BREAK.search(text)]
    stretches = [_deciding_stretches(texts[index]) for index in to_split]
    if len(_STARTS_IN_STRETCH) > TOKENIZER_CACHE_WORDS:
        _STARTS_IN_STRETCH.clear()
    # After a stretch the sentencizer has nothing pending, so each is read on its own.
    unread = list(dict.fromkeys(s for found in stretches for _, s in found if s not in _STARTS_IN_STRETCH))
    for stretch, doc in zip(unread, sentence_splitter().pipe(unread, batch_size=1024), strict=True):
        _STARTS_IN_STRETCH[stretch] = tuple(sentence.start_char for sentence in doc.sents if sentence.start_char)
    for index, found in zip(to_split, stretches, strict=True):
        text = texts[index]
        offsets = [0]
        for position, stretch in found:
            offsets.extend(position + start for start in _STARTS_IN_STRETCH[stretch])
        bounds = [*offsets[1:], len(text)]
        result[index] = [part for start, end in zip(offsets, bounds, strict=True) if (part := text[start:end].strip())]
    return result


def rejoined_after_commas(parts: list[str]) -> list[str]:
    """A stop before a comma ends an abbreviation, not a sentence: "... by Harbour Holdings Kft.,
    Orbit Pay Ltd. and two banks" is one sentence, whatever abbreviations the splitter knows."""
    if len(parts) == 1:
        return parts
    joined = [parts[0]]
    for part in parts[1:]:
        if joined[-1].endswith(","):
            joined[-1] = f"{joined[-1]} {part}"
        else:
            joined.append(part)
    return joined

"""From facts to cards: cloze, short-answer question, multiple choice.

Questions are formed only where the grammar is safe: the answer is the subject
("Which bank held ...?"), or the sentence is subject + verb + answer ("How much did X
invest in Y?", "When did X launch Y?"). Distractors come from the same corpus and the
same answer type, never one that would also be right.
"""

from __future__ import annotations

import bisect
import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import pairwise, takewhile
from typing import Final

from quiz.deck import CLOZE_BLANK, Card, Source, card_id, fact_id, fold, normalise
from quiz.generate.facts import BOLD_NAME, Fact, Sentence, in_words
from quiz.generate.garble import garbled_number
from quiz.generate.spans import (
    DAY,
    GOVERNING_WORDS,
    IRREGULAR_PLURALS,
    STOP_WORDS,
    EntityTypes,
    Span,
    countries,
    is_past_participle,
    is_plural_noun,
    is_verb_base,
    only_a_noun,
    verb_base,
)

WH_SUBJECT: Final = {
    "person": "Who",
    "bank": "Which bank",
    "organisation": "Which organisation",
    "place": "Which place",
    "name": "What",
}
CHANGE_VERBS: Final = frozenset(
    "rose rises fell falls grew grows increased increases decreased decreases declined declines dropped drops"
    " jumped jumps climbed climbs slowed slows doubled doubles halved reached reaches stood stands totalled"
    " totaled totals surged surges slumped slumps soared soars shrank shrinks expanded expands accounted"
    " accounts".split()
)
FOUNDING_PARTICIPLES: Final = frozenset({"founded", "established", "incorporated", "launched", "set", "registered"})
COPULAS: Final = {"is": "is", "was": "was", "are": "are", "were": "were"}
PREPOSITION_BEFORE: Final = re.compile(r"\s+(in|on|at|since|from|by|during)\s*$", re.I)
NUMERIC_TYPES: Final = {"year", "percent", "count", "money"}
# Every figure and date in the corpus's sentences is a distractor, not just those chosen as answers.
POOLED_FROM_SENTENCES: Final = NUMERIC_TYPES | {"date"}
ACRONYM: Final = re.compile(r"^[A-Z][A-Z0-9&]{1,5}$")


@lru_cache(maxsize=65536)
def _is_acronym(text: str) -> bool:
    """Asked of every candidate distractor, and the same names come up again and again."""
    return bool(ACRONYM.match(text))


def _noun_before_verb(words: list[str]) -> bool:
    """A word in -s with a verb after it is a plural noun of the subject, not its verb: a past
    tense ('[Harbor Group] shares rose ...'), a copula or an auxiliary ('[Customer] funds are held
    ...'), or, after a plural noun, a plain present ('[Pocketly] cards now work ...') or a past
    tense after a phrase ('[Total] deposits at Orbit Bank rose ...')."""
    if len(words) < 2 or not words[0].endswith("s") or words[0] in COPULAS or words[0] in AUXILIARIES:
        return False
    rest = words[1:]
    while len(rest) > 1 and rest[0] in PRE_VERB_ADVERBS:
        rest = rest[1:]
    if (verb_base(rest[0]) or ("",))[0] == "did" or rest[0] in COPULAS or rest[0] in AUXILIARIES:
        return True
    if not is_plural_noun(words[0]):
        return False
    if is_verb_base(rest[0]) and not only_a_noun(rest[0]):
        return True
    if rest[0] in NOUN_PHRASE_PREPOSITIONS:
        phrase = list(takewhile(lambda word: not word.endswith(","), rest[1:PHRASE_REACH]))
        return any((verb_base(word) or ("",))[0] == "did" for word in phrase)
    return False


# "deposits at Orbit Bank rose": how far a phrase after a plural noun is read for the verb.
NOUN_PHRASE_PREPOSITIONS: Final = {"at", "of", "in", "from", "for", "with"}
PHRASE_REACH: Final = 7


def _asks_what_did(fact: Fact, words: list[str]) -> bool:
    """A name of unknown kind may be a firm, a person or a thing, so it is asked for with "What":
    "What is the fintech arm of MercadoLibre?" asks well, but "What agreed to take over ...?",
    "What founded Square?" or "What said caps apply?" do not: only a copula's subject is asked."""
    return WH_SUBJECT[fact.answer_type] == "What" and words[0] not in COPULAS


# "AMTD is a typical Hong Kong financial institution": a kind, of which there are many; "Trust Bank
# is a joint venture between Standard Chartered and FairPrice" is told apart by whom it is of, in
# the description itself (before any comma).
DESCRIBED_AS_A_KIND: Final = re.compile(r"(?:is|was|are|were) (?:an? |one of )(?![^,]*\b(?:by|between|of)\b)")


def _only_describes(predicate: str) -> bool:
    """What the subject is said to be fits others as well: a question for it has many answers."""
    return DESCRIBED_AS_A_KIND.match(predicate) is not None


def _sentence_body(text: str) -> str:
    return text.rstrip().rstrip(".!")


# "How much did Airwallex raise (A$453 million) in ...?": an aside reads as noise in a question.
PARENTHETICAL: Final = re.compile(r" \([^()]*\)")
TRAILING_PUNCTUATION: Final = re.compile(r"[\s,;:]+\?$")
OBJECT_PRONOUN: Final = re.compile(r"\b(?:it|them|they|him)\b")


def question_for(fact: Fact, types: EntityTypes) -> str | None:
    """A grammatical question whose answer is the fact's span, or None when none is safe."""
    question = _question(fact, types)
    # "When did Safaricom launch it nationally?": what "it" is, the question cannot say.
    if question is None or OBJECT_PRONOUN.search(question):
        return None
    if "(" in question:
        question = PARENTHETICAL.sub("", question)
    # "... to report a monthly profit, in [...]": the comma before a cut-off phrase goes with it.
    question = TRAILING_PUNCTUATION.sub("?", question)
    if fact.sentence.heading:
        return _under_heading(fact.sentence.heading, question)
    # "... 8 billion yuan. What share of the shares does Ant Group hold?": what it points back to first.
    return f"{fact.sentence.context} {question}" if fact.sentence.context else question


def _question(fact: Fact, types: EntityTypes) -> str | None:
    sentence = fact.sentence
    # "Loans facilitated in 2024: RMB 310 billion": a label and its value, no clause to turn.
    if sentence.list_key or ":" in sentence.text:
        return None
    text = _sentence_body(sentence.text)
    span = fact.span
    if span.end > len(text):
        return None
    # "In what year ...?" has one year for an answer, never a range ("2018-2020").
    if fact.answer_type in ("date", "year") and _is_range(span.text):
        return None
    before, after = text[: span.start], text[span.end :]
    # "in [Singapore]'s Marina Bay district": a possessive answer belongs to the name after it.
    if after.startswith(("'", "’")):
        return None
    # 0. A leading date: "In May 2015, Xiaomi launched X and ..." -> "When did Xiaomi launch X?"
    if fact.answer_type in ("date", "year") and LEADING_TIME.match(before) and after.startswith(", "):
        return _leading_time_question(fact, text, span.end + 2)
    # "in Poland, Czechia and Hungary": a question would have all three for an answer.
    if _in_a_list(sentence, span):
        return None
    # 0b. A leading date, then the answer as subject: "In 2017, Lei Jun named X" -> "Who named X in 2017?"
    leading = LEADING_PHRASE.match(before)
    if leading and fact.answer_type in WH_SUBJECT and after.startswith(" "):
        rest = after.strip()
        first = rest.split()[0]
        if (
            first not in AUXILIARIES
            and (first in COPULAS or verb_base(first))
            and not CLAUSE_END.search(rest)
            and not _asks_what_did(fact, rest.split())
            and not _only_describes(rest)
        ):
            phrase = leading.group(1)
            return f"{WH_SUBJECT[fact.answer_type]} {rest} {phrase[0].lower()}{phrase[1:]}?"
    # 1. The answer is the subject: swap it for a wh-word.
    if span.start == 0 and fact.answer_type in WH_SUBJECT and after.startswith(" "):
        # "X was renamed from Y in 2020, and its chief is Z": the question ends with the first clause.
        rest = NEXT_CLAUSE.split(after, maxsplit=1)[0].strip()
        words = rest.split()
        first = words[0]
        if (
            _noun_before_verb(words)
            or _asks_what_did(fact, words)
            or POINTING_BACK_CLAUSE.search(rest)
            or _only_describes(rest)
        ):
            return None
        if first in COPULAS or verb_base(first) or first in ("has", "had", "also", "already"):
            return f"{WH_SUBJECT[fact.answer_type]} {rest}?"
        return None
    # 2. Subject + copula + answer at the end: "The applicant was X." -> "Who was the applicant?"
    words = before.split()
    if not after.strip() and len(words) >= 2 and words[-1] in COPULAS and fact.answer_type in WH_SUBJECT:
        subject = " ".join(words[:-1])
        subject = subject[0].lower() + subject[1:] if subject.split()[0] in ("The", "A", "An") else subject
        return f"{WH_SUBJECT[fact.answer_type]} {words[-1]} {subject}?"
    # 3. Name subject + verb, answer later: "When did X launch Y?"
    subject_span = sentence.spans[0] if sentence.spans and sentence.spans[0].start == 0 else None
    if subject_span is None or subject_span == span:
        return None
    # "X, one of the owners of Y, invested ..." asks about X: the appositive stays out.
    appositive = APPOSITIVE.match(text, subject_span.end)
    predicate_start = appositive.end() if appositive and appositive.end() <= span.start else subject_span.end
    head = text[predicate_start:].split()
    # "X already controlled ..." -> "... did X already control?"
    adverb = head[0] if len(head) > 1 and head[0] in PRE_VERB_ADVERBS else ""
    if adverb:
        head = head[1:]
    if not head:
        return None
    verb = verb_base(head[0])
    if verb is None:
        return None
    if _noun_before_verb(head):
        return None
    auxiliary, base = verb
    # "Tickets cost S$1,200": after a plural, a verb whose past is its base form ("cost", "cut",
    # "set") may be either; which tense a question takes ("How much did tickets cost?") is a guess.
    if auxiliary == "did" and head[0].lower() == base and is_plural_noun(subject_span.text.rsplit(" ", 1)[-1]):
        return None
    # "Revenue rose to ... in 2023": an everyday word is capitalised only to start the sentence,
    # where it is a quantity that changes or is something. What "was founded" or "processed $1.4
    # trillion" is a firm, whatever its name means: "Branch", "Stripe".
    founded = head[0] in COPULAS and len(head) > 1 and head[1] in FOUNDING_PARTICIPLES
    quantity = head[0] in COPULAS or head[0] in CHANGE_VERBS
    # "Regulators halted ...": a plural everyday noun is no firm's name, whatever it did.
    everyday = types.is_everyday_word(subject_span.text) and (
        (quantity and not founded) or is_plural_noun(subject_span.text)
    )
    subject_text = subject_span.text.lower() if everyday else subject_span.text
    subject = f"{subject_text} {adverb}".strip()
    if head[0] in COPULAS:
        # Passive or copular: "X was founded in 2010" -> "In what year was X founded?"
        auxiliary, base = head[0], ""
    verb_end = text.index(head[0], predicate_start) + len(head[0])
    between = text[verb_end : span.start].strip()
    # A clause after the answer ("..., while AMTD holds 10 percent") is not part of the question.
    tail = CLAUSE_END.split(after, maxsplit=1)[0].strip(" ,")
    # "rose 6.1% in [Amsterdam] trading": the answer describes the noun after it, and a question
    # that keeps the noun without it ("Where did X rise 6.1% trading?") is no question. A count
    # always has its noun after it; that noun goes into the question.
    next_word = tail.split(maxsplit=1)[0] if tail else ""
    if fact.answer_type != "count" and next_word[:1].islower() and next_word not in STOP_WORDS:
        return None
    if fact.answer_type in ("date", "year"):
        # "GXS is one of four banks licensed ... in December 2020": the date is the participle's,
        # not the copula's ("When is GXS one of ...?"); "X was founded in 2016" asks well.
        if head[0] in COPULAS and not (len(head) > 1 and is_past_participle(head[1].strip(","))):
            return None
        match = PREPOSITION_BEFORE.search(before)
        # "applied in March 2019 and received it in [...]": the date belongs to a second verb, and
        # in "holds a stake after investing in [...]" to the clause after "after". "Operates in
        # Brazil since [...]" asks since when, not in what year, and "posted its first profit
        # since [...]" when it last made one.
        if not match or CLAUSE_END.search(text[verb_end : match.start()]):
            return None
        if match.group(1).lower() == "since":
            return None
        if SUBORDINATE_CLAUSE.search(text, verb_end, match.start()):
            return None
        # "founded in 2021 by Sara Lind and Omar Haddad": a question ending at "Lind" names half the founders.
        if _cuts_a_list(sentence, span.end, tail):
            return None
        middle = text[verb_end : match.start()].strip()
        # "bought for $29 billion in a deal completed in [...]": the date is the participle's, not the verb's.
        if _participle_of_a_noun(middle.split()):
            return None
        # "grew to 2 million users by [...]": by when, not when.
        if match.group(1).lower() == "by":
            wh = "By when" if fact.answer_type == "date" else "By what year"
        else:
            wh = "When" if fact.answer_type == "date" else "In what year"
        return " ".join(filter(None, [wh, auxiliary, subject, base, middle, tail])) + "?"
    if fact.answer_type == "count":
        # "Orbit Pay opened 12 branches in Porto." -> "How many branches did Orbit Pay open in Porto?"
        counted = _counted_noun(after)
        # Another object before it ("1 leasing company and 12 rural banks") stays out of the question.
        counted_alone = not between or COUNT_QUALIFIER.fullmatch(between) or COORDINATED.fullmatch(between)
        if head[0] in COPULAS or not counted or not counted_alone:
            return None
        noun, noun_end = counted
        rest = CLAUSE_END.split(after[noun_end:], maxsplit=1)[0].strip(" ,")
        # "employs 320 people in Vienna and Krakow": the count is of all of them, not of the first.
        if _cuts_a_list(sentence, span.end + noun_end, rest):
            return None
        return " ".join(filter(None, ["How many", noun, auxiliary, subject, base, rest])) + "?"
    if between:
        # "Zhao Weixing joined Xiaomi from XW Bank." -> "From which bank did Zhao Weixing join Xiaomi?"
        preposition = PREPOSITION_LAST.search(between)
        which = PREPOSITION_WH.get(fact.answer_type)
        # "converted on 3 March 1997 and listed in [...]": the answer belongs to a second verb.
        if not preposition or head[0] in COPULAS or CLAUSE_END.search(between) or head[0] in AUXILIARIES:
            return None
        if not which:
            # An untyped name at the end keeps its preposition: "What does NFC stand for?"
            if fact.answer_type != "name" or after.strip():
                return None
            middle = between.strip()
            return " ".join(filter(None, ["What", auxiliary, subject, base, middle])) + "?"
        middle = between[: preposition.start()].strip()
        # "raised US$75m in a Series C led by [...]": the preposition is the participle's, not the verb's.
        if middle and (verb_base(middle.rsplit(None, 1)[-1]) or ("",))[0] == "did":
            return None
        if _cuts_a_list(sentence, span.end, tail):
            return None
        word = preposition.group(1).lower()
        lead = "Where" if fact.answer_type == "place" and word in ("in", "at") else f"{word.capitalize()} {which}"
        return " ".join(filter(None, [lead, auxiliary, subject, base, middle, tail])) + "?"
    if fact.answer_type == "money":
        if _cuts_a_list(sentence, span.end, tail):
            return None
        return " ".join(filter(None, ["How much", auxiliary, subject, base, tail])) + "?"
    if fact.answer_type == "percent" and tail.startswith("of ") and tail.count(" ") <= 6:
        # "holds 90% of Airstar through its subsidiary" -> "What share of Airstar does Xiaomi hold
        # through its subsidiary?": what follows the share's noun goes after the verb.
        share = SHARE_THEN_PREPOSITION.match(tail)
        if share:
            return " ".join(filter(None, ["What share", share[1], auxiliary, subject, base, share[2]])) + "?"
    if fact.answer_type == "person":
        return " ".join(filter(None, ["Who", auxiliary, subject, base, tail])) + "?"
    if fact.answer_type in ("bank", "organisation"):
        return " ".join(filter(None, [WH_SUBJECT[fact.answer_type], auxiliary, subject, base, tail])) + "?"
    return None


def _participle_of_a_noun(words: list[str]) -> bool:
    """Whether the last of `words` is a participle describing the noun before it ('a deal
    completed', 'a round led'), not a verb of the clause ('bought and sold', 'has completed')."""
    return (
        len(words) >= 2
        and (verb_base(words[-1]) or ("",))[0] == "did"
        and words[-2] not in ("and", "or")
        and words[-2] not in COPULAS
        and words[-2] not in AUXILIARIES
    )


def _cuts_a_list(sentence: Sentence, start: int, kept: str) -> bool:
    """Whether `kept`, the words a question keeps from `start` on, ends inside a list."""
    if not kept:
        return False
    end = sentence.text.index(kept, start) + len(kept)
    return any(span.end == end and _in_a_list(sentence, span) for span in sentence.spans)


# Between a list's items, an article too: "Mexico, the Philippines".
LIST_GAP: Final = re.compile(r",\s+(?:(?:and|or)\s+)?(?:the\s+)?|\s+(?:and|or)\s+(?:the\s+)?")
LIST_AND: Final = re.compile(r"\b(?:and|or)\b")


def _in_a_list(sentence: Sentence, span: Span) -> bool:
    """Whether the span is one of a list of its kind: 'A and B', 'A, B and C' (not 'In Beijing, Xiaomi')."""
    text, spans = sentence.text, sentence.spans
    # Most answers have no comma, "and" or "or" on either side: a plain test spares them the rest.
    if not text.startswith((",", " and ", " or "), span.end) and not text.endswith(
        (", ", " and ", " or "), 0, span.start
    ):
        return False
    if span not in spans:
        return False
    first = last = spans.index(span)

    def joins(left: Span, right: Span) -> bool:
        return left.type == right.type and bool(LIST_GAP.fullmatch(text, left.end, right.start))

    while first > 0 and joins(spans[first - 1], spans[first]):
        first -= 1
    while last + 1 < len(spans) and joins(spans[last], spans[last + 1]):
        last += 1
    return any(LIST_AND.search(text, left.end, right.start) for left, right in pairwise(spans[first : last + 1]))


YEAR_IN_TEXT: Final = re.compile(r"\b(?:1[6-9]|20)\d\d\b")


@lru_cache(maxsize=65536)
def _has_year(text: str) -> bool:
    return bool(YEAR_IN_TEXT.search(text))


DAY_OF_MONTH: Final = re.compile(rf"\b{DAY}\b")


@lru_cache(maxsize=65536)
def _has_day(text: str) -> bool:
    return bool(DAY_OF_MONTH.search(text))


RANGE_MARK: Final = re.compile(r"\d\s?[-–]\s?\d|\band\b")


@lru_cache(maxsize=65536)
def _is_range(text: str) -> bool:
    """'2018-2020', 'between 5 and 7 percent'; not the one day '2023-11-30'. Asked of every
    candidate distractor, and the same values come up again and again."""
    return bool(RANGE_MARK.search(text)) and not ISO_DATE.fullmatch(text)


COORDINATED: Final = re.compile(r"[^,]+\sand")
PRE_VERB_ADVERBS: Final = {"already", "also", "later", "recently", "previously", "then", "still", "first", "now"}
# Up to three lowercase words after a count, where what it counts is.
WORDS_AFTER_COUNT: Final = re.compile(r"\s+([a-z][\w-]*)(?:\s+([a-z][\w-]*))?(?:\s+([a-z][\w-]*))?")
# Function words end what a count counts; these stop words can also stand before its noun ("12 other banks").
NOUN_MODIFIERS: Final = frozenset(
    "other more less most many few several various own first third last next same full whole top front former"
    " serious empty".split()
)
PHRASE_ENDERS: Final = STOP_WORDS - NOUN_MODIFIERS


def _counted_noun(after: str) -> tuple[str, int] | None:
    """What a count counts, right after it, and where that ends: "12 [rural banks]", "100 million
    [registered users]", "1,200 [people] across six countries" (a function word ends the phrase)."""
    match = WORDS_AFTER_COUNT.match(after)
    if match is None:
        return None
    words: list[tuple[str, int]] = []
    for index in (1, 2, 3):
        word = match.group(index)
        if word is None or word in PHRASE_ENDERS:
            break
        words.append((word, match.end(index)))
    # The longest run that ends in a plural, not a possessive ("banks' customers").
    for count in range(len(words), 0, -1):
        word, end = words[count - 1]
        if (word.endswith("s") or word in IRREGULAR_PLURALS) and after[end : end + 1] not in ("'", "’"):
            return " ".join(word for word, _ in words[:count]), end
    return None


def _what_is_counted(text: str, end: int) -> str:
    """The noun a count at `end` counts: "banks" of "21 member banks"; empty when none follows."""
    counted = _counted_noun(text[end:])
    return counted[0].rsplit(" ", 1)[-1] if counted else ""


COUNT_QUALIFIER: Final = re.compile(r"more than|over|about|around|nearly|almost|some|at least|up to", re.I)
PREPOSITION_LAST: Final = re.compile(r"(?:^|\s)(from|with|to|for|by|in|at|into|on)$", re.I)
PREPOSITION_WH: Final = {
    "person": "whom",
    "bank": "which bank",
    "organisation": "which organisation",
    "place": "which place",
}
LEADING_TIME: Final = re.compile(r"^(In|On|By|Since|During|As early as in|As early as)\s+$", re.I)
LEADING_PHRASE: Final = re.compile(r"^((?:In|On|By|Since|During) [^,]{3,30}), $")
AUXILIARIES: Final = frozenset("has have had will would can could may might should must does did".split())
SHARE_THEN_PREPOSITION: Final = re.compile(
    r"(of .*?)(?:\s+((?:through|via|in|at|from|by|with|under|after|before|since|on)\s.*))?$"
)
APPOSITIVE: Final = re.compile(r",\s[^,]{3,80},\s")
CLAUSE_END: Final = re.compile(r"[,;]\s|\s(and|but|while|which|who|so)\s")
NEXT_CLAUSE: Final = re.compile(r";\s+|,\s+(?:and|but|while|whereas)\s")
# "X led the round and the firm now holds 15%": a second clause whose subject points back to the
# answer; a question with it ("What led the round and the firm now holds 15%?") reads wrong, and
# without it one asks too little.
POINTING_BACK_CLAUSE: Final = re.compile(
    r"\sand\s+(?:it|its|they|their|he|she|the\s+(?:company|firm|bank|lender|group))\s"
)
SUBORDINATE_CLAUSE: Final = re.compile(r"\b(?:after|before|since|when|while|until|upon)\s")


THAT_CLAUSE: Final = re.compile(r"(?:^|\s)that\s")


def _leading_time_question(fact: Fact, text: str, subject_start: int) -> str | None:
    subject = next((s for s in fact.sentence.spans if s.start == subject_start and s.type == "name"), None)
    if subject is None:
        return None
    rest = text[subject.end :].split(maxsplit=1)
    if len(rest) < 2:
        return None
    verb = verb_base(rest[0])
    if verb is None or rest[0] in COPULAS or rest[0] in AUXILIARIES:
        return None
    auxiliary, base = verb
    # One clause is enough for a question; what follows a comma or a conjunction is another fact.
    clauses = CLAUSE_END.split(rest[1], maxsplit=1)
    complement = clauses[0].strip()
    if len(complement.split()) < 1:
        return None
    # "announced that Xiaomi Finance, a subsidiary, had entered ...": cut there, the "that" clause has no verb.
    if len(clauses) > 1 and THAT_CLAUSE.search(complement):
        return None
    wh = "When" if fact.answer_type == "date" else "In what year"
    return f"{wh} {auxiliary} {subject.text} {base} {complement}?"


def _under_heading(heading: str, prompt: str) -> str:
    """'Household payments survey 2024: Cash fell to [...]'; a heading that ends in a question
    mark or a colon keeps it, and one with a colon of its own ('Payment cards in Norland: 2023')
    is set off by a dash, unless the prompt has one ('[...] – Founded by ...')."""
    if heading.endswith(("?", "!", ":")):
        return f"{heading} {prompt}"
    if ": " in heading and " – " not in prompt and " — " not in prompt:
        return f"{heading} — {prompt}"
    return f"{heading}: {prompt}"


def cloze_for(fact: Fact) -> str | None:
    if fact.sentence.list_key:
        return None
    text = fact.sentence.text
    cloze = text[: fact.span.start] + CLOZE_BLANK + text[fact.span.end :]
    if fact.sentence.heading:
        return _under_heading(fact.sentence.heading, cloze)
    return f"{fact.sentence.context} {cloze}" if fact.sentence.context else cloze


def list_prompt(fact: Fact) -> str:
    lead = fact.sentence.lead_in.rstrip(":").rstrip()
    # "Pros …" says nothing away from the page: the document's title says of what.
    title = fact.sentence.document.title
    about = f"{title}: " if len(lead.split()) <= 2 and title and not garbled_number(title) else ""
    return f"{about}“{lead} …” Which of these belongs in that list?"


NUMBER_WORD_VALUES: Final = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
        " seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}


FIRST_NUMBER: Final = re.compile(r"\d[\d,]*(?:\.\d+)?")
SCALE_ABBREVIATION: Final = re.compile(r"\d\s?(bln|mln|bn|mn|m|k)\b", re.I)  # "US$4.2bn", a wire's "512 mln"


@lru_cache(maxsize=65536)
def _number_value(text: str) -> float | None:
    match = FIRST_NUMBER.search(text)
    words = text.lower().split()
    if match:
        value = float(match.group().replace(",", ""))
    elif words and words[0] in NUMBER_WORD_VALUES:
        value = float(NUMBER_WORD_VALUES[words[0]])
    else:
        return None
    for word, factor in (("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)):
        if word in text.lower():
            value *= factor
    abbreviated = SCALE_ABBREVIATION.search(text)
    if abbreviated:
        value *= {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9}[abbreviated.group(1).lower()]
    return value


CENTRAL_BANK: Final = re.compile(r"\b(?:Central|Reserve) Bank\b|\bFederal Reserve\b|\bPeople['’]s Bank of China\b")


@lru_cache(maxsize=65536)
def _governs(name: str) -> bool:
    """A regulator or a central bank: "Monetary Authority of Singapore", "Reserve Bank of India"."""
    return not GOVERNING_WORDS.isdisjoint(name.lower().split()) or bool(CENTRAL_BANK.search(name))


def _pool_kind(fact: Fact) -> str | None:
    """Distractors come from the answer's own kind: countries among countries, regulators among
    regulators ("... Commission", "... Authority"), not among the companies they regulate. A name
    of no known kind could be a firm, a person, a product, a region or a funding round: choices
    for it would mix kinds, so it has none (None), unless it is a list item."""
    if fact.answer_type == "place" and fact.span.text in countries():
        return "country"
    if fact.answer_type in ("organisation", "bank") and _governs(fact.span.text):
        return "regulator"
    if fact.span.type == BOLD_NAME:
        return BOLD_NAME
    if fact.answer_type == "name":
        # A list item has only its list to go by, and any name outside the list is a wrong answer;
        # an item in words ("No fees on card payments") is among items in words, not among names.
        if fact.sentence.list_key:
            return LIST_PHRASE if in_words(fact.span.text) else ANY_NAME
        return None
    return fact.answer_type


ANY_NAME: Final = "any name"
LIST_PHRASE: Final = "list item in words"


class Distractors:
    """Same-type answers from the whole corpus, minus any that would also be right.

    Each fact looks at a bounded window of the pool (numbers: the nearest values with the
    same unit; names: a window placed by the fact's hash), so the cost per card does not
    grow with the corpus.
    """

    WINDOW = 48

    def __init__(self, facts: list[Fact]):
        pools: dict[str, dict[str, str]] = defaultdict(dict)
        self._question_keys: dict[tuple[str, int, int], str] = {}
        self.right_answers: dict[str, set[str]] = defaultdict(set)
        self.list_members: dict[str, set[str]] = defaultdict(set)
        for fact in facts:
            # A spelled-out abbreviation is a term, not a name like the others in its pool.
            if not _spells_out_abbreviation(fact.span.text, fact.sentence.text):
                kind = _pool_kind(fact)
                # Any name is a wrong answer for a list of names, whatever its kind.
                if fact.answer_type == "name" and kind != LIST_PHRASE:
                    kind = ANY_NAME
                if kind:
                    pools[kind].setdefault(normalise(fact.span.text), fact.span.text)
            self.right_answers[self._question_key(fact)].add(normalise(fact.span.text))
            if fact.sentence.list_key:
                self.list_members[fact.sentence.list_key].add(normalise(fact.span.text))
        seen_sentences: set[int] = set()
        counted: dict[str, set[str]] = defaultdict(set)  # a count's text -> what it counts, anywhere
        for fact in facts:
            if id(fact.sentence) in seen_sentences:
                continue
            seen_sentences.add(id(fact.sentence))
            for span in fact.sentence.spans:
                if span.type in POOLED_FROM_SENTENCES:
                    key = normalise(span.text)
                    pools[span.type].setdefault(key, span.text)
                    if span.type == "count":
                        counted[key].add(_what_is_counted(fact.sentence.text, span.end))
        self.pool: dict[str, list[tuple[str, str]]] = {kind: sorted(items.items()) for kind, items in pools.items()}
        # Numbers sorted by unit, then value, so the nearest plausible values sit side by side; dates
        # by whether they name a year, then time, so "November 2026" is not offered "14 June 1968";
        # counts by what they count, so "21 member banks" is offered other numbers of banks first.
        self.numeric: dict[str, list[tuple[str, float, str, str]]] = {}
        self.any_count: list[tuple[str, float, str, str]] = []  # counts by value alone
        for kind in ORDERED_TYPES:
            entries = [(*_scale_and_value(kind, text), key, text) for key, text in self.pool.get(kind, [])]
            if kind == "count":
                self.any_count = sorted(("", value, key, text) for _, value, key, text in entries)
                entries = [(noun, value, key, text) for _, value, key, text in entries for noun in counted[key] or {""}]
            self.numeric[kind] = sorted(entries)

    def _question_key(self, fact: Fact) -> str:
        """What the fact asks, so facts asking the same share their right answers; worked out once."""
        if fact.sentence.list_key:
            return fact.sentence.list_key
        text, start, end = fact.sentence.text, fact.span.start, fact.span.end
        key = self._question_keys.get((text, start, end))
        if key is None:
            # Folded, not normalised: each text is one fact's, and in `normalise`'s cache a 10 MB
            # corpus's would push out the sentences and answers that do come again.
            key = self._question_keys[text, start, end] = fold(text[:start] + CLOZE_BLANK + text[end:])
        return key

    def _window(self, fact: Fact) -> Iterable[tuple[str, str]]:
        """Candidates in the order they are tried; lazy, since most facts need only the first few.
        An empty tuple when the answer's kind has no pool."""
        kind = fact.answer_type
        if kind in ORDERED_TYPES and self.numeric.get(kind):
            unit = _what_is_counted(fact.sentence.text, fact.span.end) if kind == "count" else None
            return self._nearest(kind, fact.span.text, unit)
        pool_kind = _pool_kind(fact)
        pool = self.pool.get(pool_kind, ()) if pool_kind else ()
        if not pool:
            return ()
        size = len(pool)
        start = int(hashlib.sha256((fact.sentence.text + fact.span.text).encode()).hexdigest(), 16) % size
        return (pool[(start + offset) % size] for offset in range(min(self.WINDOW, size)))

    def _nearest(self, kind: str, text: str, unit: str | None = None) -> Iterator[tuple[str, str]]:
        """Values with the same unit (a count's: what it counts), nearest first (walking out from the
        answer), then for a count the nearest counts of anything, for others any values."""
        entries = self.numeric[kind]
        own_unit, value = _scale_and_value(kind, text)
        unit = own_unit if unit is None else unit
        low = bisect.bisect_left(entries, (unit,))
        high = bisect.bisect_left(entries, (unit + "\x00",))
        yield from _walked_out(entries, low, high, (unit, value), self.WINDOW)
        if kind == "count":
            yield from _walked_out(self.any_count, 0, len(self.any_count), ("", value), self.WINDOW)
            return
        for entry in entries[max(low - self.WINDOW, 0) : low] + entries[high : high + self.WINDOW]:
            yield entry[2], entry[3]

    def choose(self, fact: Fact, count: int = 3) -> list[str] | None:
        candidates = self._window(fact)
        if not candidates:  # no pool of the answer's kind: the usual case of a name of no known kind
            return None
        answer = normalise(fact.span.text)
        # Answers that are right too, and the ones to keep even their aliases out of the choices.
        aliased = {answer, *self.list_members[fact.sentence.list_key]} if fact.sentence.list_key else (answer,)
        right = self.right_answers[self._question_key(fact)]
        sentence = normalise(fact.sentence.text)
        value = _number_value(fact.span.text) if fact.answer_type in NUMERIC_TYPES else None
        # A range ("3-4%") among single values, or a value among ranges, stands out.
        answer_is_range = _is_range(fact.span.text)
        chosen: list[str] = []
        chosen_keys: list[str] = []
        chosen_values: list[float | None] = []
        answer_is_acronym = _is_acronym(fact.span.text)
        answer_has_year = _has_year(fact.span.text)
        answer_has_day = _has_day(fact.span.text)
        answer_is_person = fact.answer_type == "person"
        days_among_months = 0  # dates naming their day chosen for an answer naming none
        for key, text in candidates:
            if key in right or key in aliased or key in sentence:
                continue
            if value is None:
                amount = None
                # Containment catches aliases: "Minsheng Bank" is right where "China Minsheng Bank" is.
                if _contains_either(key, aliased):
                    continue
                # An abbreviation among full names (or a full name among abbreviations) stands out,
                # and so does a date without a year among dates with one ("14 March", "July 2021"),
                # and the one date naming its day ("3 April 2025") among months, or the one month
                # among days: a month has at least one other month beside it.
                if _is_acronym(text) != answer_is_acronym or _has_year(text) != answer_has_year:
                    continue
                if answer_has_day and not _has_day(text):
                    continue
                # A surname alone ("Okonjo") among full names, or a full name among surnames.
                if answer_is_person and (" " in text) != (" " in fact.span.text):
                    continue
                day_among_months = not answer_has_day and _has_day(text)
                if day_among_months and days_among_months == count - 1:
                    continue
            else:
                amount = _number_value(text)
                day_among_months = False
                # "6" and "six" are one value: never the answer's, never twice among the choices.
                if amount in chosen_values or amount == value or not _comparable(value, amount):
                    continue
                # "About [40 percent]": a value within a tenth of it would be about right too.
                if amount is not None and value and abs(amount - value) < APPROXIMATE_SHARE * value:
                    if _given_as_approximate(fact):
                        continue
                # "US$1.19 billion" beside "US$1.2bn", "8.3%" beside "8%": one is the other rounded,
                # whether the other is the answer or a choice already taken.
                if amount is not None and any(
                    _one_rounds_to_the_other(other_text, other_value, text, amount)
                    for other_text, other_value in ((fact.span.text, value), *zip(chosen, chosen_values, strict=True))
                    if other_value is not None
                ):
                    continue
                if _is_range(text) != answer_is_range:
                    continue
                if fact.answer_type == "money" and _currency(text) != _currency(fact.span.text):
                    continue
            if _contains_either(key, chosen_keys):
                continue
            shown = _in_answers_style(text, fact)
            # Written the answer's way, "May 9th, 2019" may turn out to be the answer "9 May 2019".
            if (
                shown is None
                or shown in chosen
                or (shown != text and (normalise(shown) in aliased or normalise(shown) in chosen_keys))
            ):
                continue
            chosen.append(shown)
            chosen_keys.append(key)
            chosen_values.append(amount)
            days_among_months += day_among_months
            if len(chosen) == count:
                return chosen
        return None


# Kinds whose distractors are the values nearest the answer's.
ORDERED_TYPES: Final = NUMERIC_TYPES | {"date"}
MONTH_NUMBERS: Final = {
    name: number for number, name in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)
}
DATE_YEAR: Final = re.compile(r"\b\d{4}\b")
DATE_DAY: Final = re.compile(r"\b\d{1,2}(?!\d)")
MONTH_NAME: Final = re.compile(r"[A-Z][a-z]+")
ISO_DATE: Final = re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)")


def _walked_out(
    entries: list[tuple[str, float, str, str]], low: int, high: int, answer: tuple[str, float], window: int
) -> Iterator[tuple[str, str]]:
    """The entries between `low` and `high` (sorted by value), nearest the answer's value first."""
    value = answer[1]
    right = bisect.bisect_left(entries, answer, low, high)
    left = right - 1
    for _ in range(window):
        if left < low and right >= high:
            break
        take_left = right >= high or (left >= low and value - entries[left][1] <= entries[right][1] - value)
        index = left if take_left else right
        if take_left:
            left -= 1
        else:
            right += 1
        yield entries[index][2], entries[index][3]


def _scale_and_value(kind: str, text: str) -> tuple[str, float]:
    """Where a value sits among its kind: its unit ('billion yuan') and number, or for a date
    whether it names a year, and its time in years."""
    if kind != "date":
        return _unit(text), _number_value(text) or 0.0
    iso = ISO_DATE.fullmatch(text)
    if iso:
        return "", int(iso["year"]) + (int(iso["month"]) - 1) / 12 + (int(iso["day"]) - 1) / 366
    year = DATE_YEAR.search(text)
    month = next((MONTH_NUMBERS[m[:3].lower()] for m in MONTH_NAME.findall(text) if m[:3].lower() in MONTH_NUMBERS), 1)
    day = DATE_DAY.search(DATE_YEAR.sub("", text))
    within_year = (month - 1) / 12 + (int(day.group()) - 1 if day else 0) / 366
    return ("", int(year.group()) + within_year) if year else ("without a year", within_year)


def _contains_either(key: str, others: Iterable[str]) -> bool:
    """Whether `key` holds one of `others` or one of them holds it."""
    for other in others:
        if key in other or other in key:
            return True
    return False


APPROXIMATELY: Final = re.compile(
    r"\b(?:about|around|roughly|approximately|some|nearly|almost|close to|over|more than|less than|under|up to)\s+\S*$",
    re.I,
)
APPROXIMATE_SHARE: Final = 0.1


def _given_as_approximate(fact: Fact) -> bool:
    """'about 40 percent', 'more than 3 million': the few words before the answer say so."""
    start = fact.span.start
    return bool(APPROXIMATELY.search(fact.sentence.text, max(0, start - 30), start))


# Distractors far off in size ("one" or "two" against "100 million") give the answer away.
MAX_VALUE_RATIO: Final = 100


def _comparable(value: float, other: float | None) -> bool:
    if other is None or value <= 0 or other <= 0:
        return True
    return max(value, other) / min(value, other) <= MAX_VALUE_RATIO


@lru_cache(maxsize=65536)
def _rounding_step(text: str, value: float) -> float | None:
    """How precisely the text gives its value: 0.1 billion for '1.2bn', 1 for '8%'."""
    match = FIRST_NUMBER.search(text)
    digits = match.group().replace(",", "") if match else ""
    if not digits or not float(digits) or not value:
        return None
    decimals = len(digits.partition(".")[2])
    return value / float(digits) / 10**decimals


def _one_rounds_to_the_other(text: str, value: float, other_text: str, other: float) -> bool:
    for written, exact, rounded in ((text, value, other), (other_text, other, value)):
        step = _rounding_step(written, exact)
        # Half up, as writers round ("1.85" is "1.9"), not to even as round() does.
        if step and abs(math.floor(rounded / step + 0.5 + 1e-9) - exact / step) < 1e-6:
            return True
    return False


DIGITS_AND_SPACES: Final = re.compile(r"[\d,.\s]+")


def _unit(text: str) -> str:
    """What a number is counted in: '3 billion yuan' -> 'billion yuan'; 'six' and '6' -> ''."""
    words = [w for w in DIGITS_AND_SPACES.sub(" ", text.lower()).split() if w not in NUMBER_WORD_VALUES]
    return " ".join(words)


SCALE_WORDS: Final = {"thousand", "million", "billion", "trillion", "mln", "bln", "lakh", "crore", "bn", "mn", "m", "k"}


@lru_cache(maxsize=65536)
def _currency(text: str) -> str:
    """'3 billion yuan' -> 'yuan', 'RM100 million' -> 'rm': among choices, a lone currency gives the
    answer away."""
    return " ".join(word for word in _unit(text).split() if word not in SCALE_WORDS)


NUMBER_PREFIX: Final = re.compile(r"^\$?\d[\d,]*(?:\.\d+)?")


def _in_answers_style(distractor: str, fact: Fact) -> str | None:
    """A distractor written as the answer is, so the writing gives nothing away; None if it cannot be."""
    if fact.answer_type == "percent":
        return _same_style(distractor, fact.span.text)
    if fact.answer_type == "count":
        return _count_in_style(distractor, fact.span.text)
    if fact.answer_type == "date":
        if ISO_DATE.fullmatch(fact.span.text) or ISO_DATE.fullmatch(distractor):
            return _iso_date_in_style(distractor, fact.span.text)
        return _date_in_style(distractor, fact.span.text)
    return distractor


# A date with its day, either way round: "9 May 2019", "9th May, 2019", "3rd of March 1997",
# "May 9th, 2019", "May 9".
DAY_FIRST: Final = re.compile(
    r"(?P<day>\d{1,2})(?P<suffix>st|nd|rd|th)?(?P<of> of)? (?P<month>[A-Z][a-z]+\.?)(?P<year>,? \d{4})?"
)
MONTH_FIRST: Final = re.compile(
    r"(?P<month>[A-Z][a-z]+\.?) (?P<day>\d{1,2})(?P<suffix>st|nd|rd|th)?(?P<year>,? \d{4})?"
)


MONTH_YEAR: Final = re.compile(r"[A-Z][a-z]+\.? \d{4}")
MONTH_NAMES: Final = ("January February March April May June July August September October November December").split()


def _iso_date_in_style(distractor: str, answer: str) -> str | None:
    """'2023-11-30' among '9 May 2019' reads '30 November 2023', and '9 May 2019' among
    '2023-11-30' reads '2019-05-09'; a date with no day or no year has no place among either."""
    if ISO_DATE.fullmatch(answer):
        if ISO_DATE.fullmatch(distractor):
            return distractor
        parts = DAY_FIRST.fullmatch(distractor) or MONTH_FIRST.fullmatch(distractor)
        month = MONTH_NUMBERS.get(parts["month"][:3].lower()) if parts and parts["year"] else None
        if not parts or not month:
            return None
        return f"{parts['year'].lstrip(', ')}-{month:02}-{int(parts['day']):02}"
    iso = ISO_DATE.fullmatch(distractor)
    if not iso or not (DAY_FIRST.fullmatch(answer) or MONTH_FIRST.fullmatch(answer)):
        return None
    return _date_in_style(f"{int(iso['day'])} {MONTH_NAMES[int(iso['month']) - 1]} {iso['year']}", answer)


def _ordinal(day: int) -> str:
    return "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _date_in_style(distractor: str, answer: str) -> str:
    """'3rd March 1997' among 'May 9th, 2019' reads 'March 3rd, 1997': the one date written
    another way would stand out; '30 June 2021' among 'December 2021' reads 'June 2021'."""
    answer_parts = DAY_FIRST.fullmatch(answer) or MONTH_FIRST.fullmatch(answer)
    parts = DAY_FIRST.fullmatch(distractor) or MONTH_FIRST.fullmatch(distractor)
    if not answer_parts and parts and parts["year"] and MONTH_YEAR.fullmatch(answer):
        return f"{parts['month']} {parts['year'].lstrip(', ')}"
    if not answer_parts or not parts or bool(answer_parts["year"]) != bool(parts["year"]):
        return distractor
    day = int(parts["day"])
    suffix = _ordinal(day) if answer_parts["suffix"] else ""
    year = parts["year"].lstrip(", ") if parts["year"] else ""
    # The answer's own punctuation before the year: "May 9th, 2019" or "9 May 2019".
    comma = "," if answer_parts["year"] and answer_parts["year"].startswith(",") else ""
    if answer_parts.re is DAY_FIRST:
        written = f"{day}{suffix}{answer_parts['of'] or ''} {parts['month']}"
    else:
        written = f"{parts['month']} {day}{suffix}"
    return f"{written}{comma} {year}" if year else written


NUMBER_WORDS_BY_VALUE: Final = {value: word for word, value in NUMBER_WORD_VALUES.items() if word != "hundred"}


def _count_in_style(distractor: str, answer: str) -> str | None:
    """'four' among '6' and '12' reads '4'; '12' among 'six' and 'eight' reads 'twelve', and
    'Twelve' among 'Six' and 'Eight'; '2.3' has no place among 'two' and 'four'."""
    if answer.isdigit() and distractor.lower() in NUMBER_WORD_VALUES:
        return str(NUMBER_WORD_VALUES[distractor.lower()])
    if answer.lower() in NUMBER_WORD_VALUES:
        # "Two members, ...": at a sentence's start the answer is capitalised, and so are its choices.
        word = distractor.lower() if distractor.lower() in NUMBER_WORD_VALUES else None
        if word is None and distractor.isdigit():
            word = NUMBER_WORDS_BY_VALUE.get(int(distractor))
        return word.capitalize() if word and answer[0].isupper() else word
    return distractor


def _same_style(distractor: str, answer: str) -> str:
    """A percentage written like the answer ('30%' -> '30 percent'), so the format gives nothing away."""
    number, answer_number = NUMBER_PREFIX.match(distractor), NUMBER_PREFIX.match(answer)
    # A range keeps its own words: its upper end is no unit to copy ("6.1" + "-4%").
    if not number or not answer_number or _is_range(answer) or _is_range(distractor):
        return distractor
    return number.group() + answer[answer_number.end() :]


@lru_cache(maxsize=65536)
def _initials(text: str) -> str:
    return "".join(word[0] for word in text.split() if word[0].isupper())


CAPITALISED_RUN: Final = re.compile(r"(?:[A-Z][\w-]*\s+){1,5}[A-Z][\w-]*")


def _abbreviation_spelled_out(answer: str, sentence: str) -> bool:
    """'NFC' in 'NFC stands for Near Field Communication': its letters are initials in view. So is one
    in brackets after what it stands for, whatever language or spelling its initials are of:
    "Superintendency of Banking, Insurance and Pension Funds (SBS)", "buy-now-pay-later (BNPL)"."""
    if not ACRONYM.match(answer):
        return False
    bracketed = sentence.find(f" ({answer})")
    if bracketed > 0 and sentence[bracketed - 1].isalpha():
        return True
    return any(_initials(run) == answer for run in CAPITALISED_RUN.findall(sentence.replace(answer, " ")))


def _spells_out_abbreviation(answer: str, sentence: str) -> bool:
    """'Near Field Communication' beside 'NFC': among choices, the initials give it away."""
    initials = _initials(answer)
    return (
        len(initials) >= 2
        and initials in sentence
        and len(answer.split()) == len(initials)
        and _holds_word(sentence, initials)
    )


WORD_EDGE: Final = re.compile(r"\b")


def _holds_word(text: str, word: str) -> bool:
    """Whether `word` (word characters at both ends) stands in `text` as a word of its own. Not a
    pattern built per word: thousands of them would evict the compiled ones from `re`'s cache."""
    start = text.find(word)
    while start >= 0:
        if WORD_EDGE.match(text, start) and WORD_EDGE.match(text, start + len(word)):
            return True
        start = text.find(word, start + 1)
    return False


def build_cards(fact: Fact, distractors: Distractors, types: EntityTypes) -> list[Card]:
    sentence = fact.sentence
    document = sentence.document
    source = Source(
        file=document.path.as_posix(),
        text=sentence.text if not sentence.list_key else f"{sentence.lead_in} {sentence.text}",
        title=document.title,
        published=document.published,
    )
    group = fact_id(source.text)
    answer = fact.span.text
    key_text = source.text
    cards: list[Card] = []

    def add(kind: str, prompt: str, options: list[str] | None = None) -> None:
        identifier = card_id(key_text, kind, answer)
        choices: tuple[str, ...] = ()
        if options:
            # The card's own hash places the answer among the options: stable, and no place favoured.
            place = int(identifier[2:], 16) % (len(options) + 1)
            choices = (*options[:place], answer, *options[place:])
        cards.append(
            Card(
                id=identifier,
                kind=kind,
                prompt=prompt,
                answer=answer,
                answer_type=fact.answer_type,
                choices=choices,
                fact=group,
                source=source,
            )
        )

    if _abbreviation_spelled_out(answer, sentence.text):
        return []
    # "Payment cards in Norland: 2023 — ... rose by 9.4% in [...]": what is shown with the sentence
    # must not give the answer away either.
    if (sentence.context or sentence.heading) and _holds_word(f"{sentence.heading} {sentence.context}", answer):
        return []
    cloze = cloze_for(fact)
    if cloze:
        add("cloze", cloze)
    question = question_for(fact, types)
    if question:
        add("question", question)
    options = None if _spells_out_abbreviation(answer, sentence.text) else distractors.choose(fact)
    if options:
        prompt = question or cloze or list_prompt(fact)
        add("choice", prompt, options)
    # Siblings are buried once one is answered, so the first card of a fact is the one seen
    # first: rotate which kind leads, fact by fact, for a mix of cloze, typing and choosing.
    if cards:
        shift = int(group[2:], 16) % len(cards)
        cards = cards[shift:] + cards[:shift]
    return cards

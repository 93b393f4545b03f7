"""From clean lines to facts: a sentence plus the one span a card will ask for."""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Collection
from operator import itemgetter
from pathlib import PurePath
from typing import Final, NamedTuple

from rapidfuzz import fuzz, process
from spacy.lang.en.stop_words import STOP_WORDS

from quiz.deck import normalise
from quiz.generate.boilerplate import LABELLED_VALUE, LETTER_SPEAKER, Line
from quiz.generate.documents import Document
from quiz.generate.garble import garbled_number, garbled_paragraph
from quiz.generate.sentences import rejoined_after_commas, split_sentences
from quiz.generate.spans import (
    CONNECTIVES,
    MONTHS,
    NAME_SPAN_TYPES,
    NUMBER,
    ROLES,
    SCALE,
    EntityTypes,
    Span,
    as_said_of_one,
    can_be_a_noun,
    find_spans,
    first_digit,
    is_common_word,
    is_ordinary_capitalised,
    is_verb_base,
    only_a_noun,
    only_describes,
    verb_base,
    words_of,
)

MAX_ANSWER_WORDS: Final = 6
MAX_FACTS_PER_SENTENCE: Final = 2
NEAR_DUPLICATE_WINDOW: Final = 200  # sentences
# What the writer marked first, then specific facts: a figure or a date is a better question than a name.
TYPE_PRIORITY: Final = [
    "key term",  # set in bold by the writer: the fact the sentence is there for
    "date",
    "money",
    "percent",
    "year",
    "count",
    "person",
    "bank",
    "organisation",
    "place",
    "name",
    "term",
]

# Hedges: a word test, then a pattern only for the phrases.
OPINION_WORDS: Final = frozenset(
    "might perhaps probably should seem seems certainly apparently arguably believe believes think thinks".split()
) | frozenset(
    # A forum's "imo", "iirc": what a poster thinks or half remembers.
    form
    for word in "imo imho iirc afaik afaict tbh idk".split()
    for form in (word, word.capitalize(), word.upper())
)
# Who "we", "I" or "you" are, the sentence does not say: away from its page a card has no subject.
PERSONAL_WORDS: Final = frozenset("we our us you your I my me".split())
PERSONAL_OPENERS: Final = frozenset({"We", "Our", "You", "Your", "My"})
OPINION_PHRASES: Final = ("of course", "in short", "no need", "for sure", "it is natural", "needless to say")
OPINION_PHRASE: Final = re.compile(rf"\b({'|'.join(OPINION_PHRASES)})\b")
# A phrase can be there only if its last word is: a set test spares most sentences the pattern.
OPINION_PHRASE_ENDS: Final = frozenset(phrase.split()[-1] for phrase in OPINION_PHRASES)
# A transcript's or a newsletter's pleasantries: "Good morning, and welcome to the call." Not
# "Thanks to mobile wallets, ...".
GREETING: Final = re.compile(
    r"(?:good (?:morning|afternoon|evening)|hello|hi|hey|thank you|thanks(?! to\b)|welcome)\b", re.I
)
PRONOUN_START: Final = re.compile(r"^(It|Its|They|Their|He|She|His|Her|This|These|Those)\b\s*")
# "In 2018 it was renamed X", "In the year to March 2023 it had ...", "In 1931, during the Depression,
# it bought Y": the subject comes after.
# Without a comma the phrase is a few words and no verb: in "In 2019 the bank sold its arm", "its"
# follows a verb and is no subject.
PAST_VERB: Final = (
    r"(?:said|sold|cut|made|had|was|were|set|put|took|gave|got|won|lost|bought|paid|told|began|became|grew|rose"
    r"|fell|held|led|left|ran|sent|spent|\w+ed)"
)
# A participle's phrase is about the subject after it: "Founded in 2017, it operates ...".
LEADING_PARTICIPLE: Final = (
    r"(?:Founded|Based|Headquartered|Launched|Established|Created|Formed|Incorporated)\b[^,.;]{0,60},\s"
)
LEADING_PHRASE_PRONOUN: Final = re.compile(
    r"^(?:(?:In|By|On|At|Since|From|After|Before|During|Later|Then|As|With|Within|Under|Despite|Like|Unlike"
    r"|Today|Now|Currently|Nowadays|Eventually|Soon)\b"
    rf"(?:(?:\s(?!{PAST_VERB}\b)[^\s,]+){{0,7}},?\s|[^.;]{{0,60}}?,\s)|{LEADING_PARTICIPLE})"
    r"(?=(?:it|its|they|their|he|his|she|her)\b)"
)
CATAPHORIC_POSSESSIVE: Final = re.compile(r"(?:its|their) [^,]{1,60}, (?-i:[A-Z])")  # "his" is a person's named before
# "It is worth asking whether ...": the writer's aside, no fact; "It is worth $2 billion" is a firm's value.
WRITERS_ASIDE: Final = r"[Ii]t (?:is|was) worth \w+ing\b"
# "It was reported that ...": a dummy subject, not a reference to anything. Hedges ("it is
# likely", "it is believed") are not facts and stay out.
EXPLETIVE_IT: Final = re.compile(
    r"[Ii]t (?:is|was|has been|had been) (?:\w+ )?(?:reported|said|announced|estimated|understood|learned|known)\b"
    # "it will only be harder and harder to win ...": "it" stands for what comes after.
    r"|[Ii]t (?:will |would |may |might |could )?(?:only |also |still )?(?:be|is|was|becomes|became) (?:more )?"
    r"(?:\w+ and )?(?:hard|harder|difficult|easy|easier|important|necessary|possible|impossible|clear|unclear)\b"
    rf"|{WRITERS_ASIDE}"
)
# "The company now serves 12,000 merchants": which company, away from the article? The subject of
# the sentence before, when that is a name of the right kind.
# Also after a leading phrase: "In 2019, the company's net profit was ...", "By 2015 the company had ...".
# A leading phrase ends with a comma, or is a word or two: "By 2015 the company had ...", not "In
# 2019 Harbourline bought the firm ...".
# What "the company", "the lender", "a unit" ... may name a firm by.
FIRM_HEADS: Final = "company|firm|group|start-up|startup|lender|bank|unit|arm|subsidiary"
DEFINITE_REFERENCE: Final = re.compile(
    # No verb in it: "At Xiaomi he first ran MIUI, the company's ..." is a clause.
    rf"(?:(?:In|By|On|At|Since|From|After|Before|During|As of)\b(?:(?:\s(?!{PAST_VERB}\b)[^\s,]+){{1,8}},"
    r"|(?:\s[^\s,]+){1,2})\s"
    # A participle's phrase is about the subject after it: "Founded in 2015 and based in Shanghai, the company ...".
    rf"|{LEADING_PARTICIPLE}"
    r"|(?:Today|Now|Currently|Recently),?\s)?"
    # "The consumer finance company", "The Shenzhen-based firm": what it is, with a word or two about it.
    r"(?P<reference>[Tt]he (?:(?:[A-Z]\w*(?:-[a-z]+)?|[a-z][\w-]*) ){0,2}?"
    # Not "the Swedish firm Klarna" nor "the central bank, Bank Negara Malaysia,": a name right
    # after it says which, and so does one it is called: "The unit, called Harbour Direct, ...".
    rf"(?P<head>{FIRM_HEADS}))\b(?!,? (?:(?:called|named|known as|dubbed) )?[A-Z])"
)


def _holds_any_of(text: str, needles: tuple[str, ...]) -> bool:
    """A plain test for the words a pattern cannot match without: it spares most sentences the scan."""
    for needle in needles:
        if needle in text:
            return True
    return False


# The head words DEFINITE_REFERENCE cannot match without ("start" of "start-up" and "startup").
REFERENCE_HEADS: Final = tuple(
    dict.fromkeys("start" if head.startswith("start") else head for head in FIRM_HEADS.split("|"))
)


# A firm brought in without a name, as a sentence's subject: "A consumer lender backed by Xiaomi
# has filed ...". Not "Airstar Bank is a virtual bank", which says what a named one is.
INDEFINITE_FIRM: Final = re.compile(rf"^An? (?:[\w-]+ ){{0,3}}?({FIRM_HEADS})\b")


def _introduced_before(text: str, introduced: set[str]) -> bool:
    """Whether the sentence's "The lender ..." is a firm the document brought in unnamed before."""
    if not introduced:
        return False
    match = _definite_reference(text)
    return match is not None and match.group("head") in introduced


def _definite_reference(text: str) -> re.Match[str] | None:
    return DEFINITE_REFERENCE.match(text) if _holds_any_of(text, REFERENCE_HEADS) else None


# A sentence that opens with a definite noun and names nothing points back to the one before:
# "The approval came through on 18 February 2025." It is shown after that one, if that is short.
# "That's roughly 40 percent of its revenue", "Each must hold ...", "Other owners include ...",
# "Two members, Sam Okafor and Jun Takeda, voted ...": what "that", "each", "other" and "two
# members" stand for, the sentence before said.
MEMBERS: Final = r"(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten) [a-z]+s, "
POINTING_BACK: Final = re.compile(
    r"(?:The|This|That|These|Those) (?:[a-z]|[A-Z]\w*(?:-[a-z]\w*)? [a-z])|(?:Both|Each|Other) [a-z]"
    rf"|(?:That|This)(?:['’]s| is| was) |{MEMBERS}"
)
OWNER_PHRASE: Final = re.compile(r"The (?:[a-z]+ ){0,2}[a-z]+['’]s ")
# A common noun pointing back, whatever else the sentence names: "The EBITDA margin ...".
POINTING_BACK_NOUN: Final = re.compile(rf"(?:The|This|That|These|Those|Other) (?:[A-Z]{{2,}} )?[a-z]|{MEMBERS}")
CONTEXT_WORDS: Final = 30
# Words inside a sentence that stand for things the sentence before named (see
# _points_back_inside). Each pattern starts with a literal, which spares most sentences a scan at
# every position.
THE_FEW_BEFORE: Final = re.compile(r"the (?:(?:two|three|four) [a-z]+s|former|latter)\b")
BOTH_OF_THEM: Final = re.compile(r"both (?:of )?the[ms]e?\b")
# "Caixa Bank joined it in 2022": an object the sentence before named, when it comes right after
# the subject's verb. Not "applied for a licence in 2019 and received it in 2021", nor "them", most
# often what the sentence itself names ("1.4 million customers, a third of them in ...").
OBJECT_BEFORE: Final = re.compile(r" it(?=[.,;]| (?:in|on|at|to|for|from|with|by|into|as|after|before)\b)")
OBJECT_REACH: Final = 6  # words before it
# "signed up 120,000 customers there in the first two months": where, the sentence before said.
# Not "there are", which says only that something is.
# Nor "opened an office in Madrid and employs 45 people there": the sentence names where itself.
THERE_BEFORE: Final = re.compile(
    r" there(?=[.,;]| (?:in|on|at|to|for|from|with|by|since|until|after|before|last|this)\b)"
)
PLACE_NAMED: Final = re.compile(r"\b(?:in|to|at|into|across|from) (?:the )?[A-Z]")
# "Mexico alone has over 8 million customers": one of what the sentence before named, and of whom.
ONE_OF_THEM_ALONE: Final = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3} alone\b")
# "In September of the same year ...", "... at the end of the year", "on the same day": which
# year or day, the sentence before said.
THE_YEAR_BEFORE: Final = re.compile(
    r"\b(?:the same|that|the following|the next|the previous|during the|(?:end|start|middle) of the) year\b"
    r"|\ba year later\b|\b(?:on|in|during) the same (?:day|week|month)\b"
)
# "... had 650,000 users by December": of which year, the sentence before said, when this one names none.
# The month first, the word before it tested after: a search for a literal's first letters skips
# along the sentence (a leading \b would stop it at every position), where one for the
# prepositions would stop at every "in".
MONTH_OF_NO_YEAR: Final = re.compile(rf"(?:{'|'.join(MONTHS.split('|')[:12])})\b(?! \d| of \d)")  # full names
MONTH_PREPOSITIONS: Final = (" in ", " by ", " since ", " until ", " from ", " before ", " after ")
# "... had spent eight years at Visa before that", "by then", "at the time": when, the sentence before said.
THAT_TIME: Final = re.compile(r"\b(?:before|after|since|until) (?:that|then)\b|\bby then\b|\bat the time\b")
# "She was its chief executive until 2023": of the firm the sentence before named.
ROLE_AT_IT: Final = re.compile(r"\b(?:is|was|became|becomes|remains|remained) its\b")
# "Together they held ...", "Combined, they serve ...": the ones the sentence before named.
TOGETHER_THEY: Final = re.compile(r"(?:Together|Combined|Altogether|Between them|Jointly),? they\b")
# "... the largest such system": of which kind, the sentence before said; not "banks such as".
SUCH_A_THING: Final = re.compile(r"\bsuch (?!as\b)(?:an? )?[a-z]")
# "Among its rivals, ZA Bank ...": whose, the sentence before said. Not "In its first year, Orbit
# Pay ...", where it is the subject's.
LEADING_POSSESSIVE: Final = re.compile(
    r"(?:Among|Unlike|Like|Of|Besides|Beyond|Against|Alongside|Behind|Apart from|Compared (?:with|to))"
    r" (?:(?:its|their) |them\b)"
)
# "Ant Group holds 50% of the shares": of which firm, the sentence before said, unless this one
# names another ("Umbrella Bank, one of the owners of Hooli Finance, held 20% of the shares").
SHARES_OF_NO_NAME: Final = re.compile(r"of the (?:shares|stake|equity|capital)\b(?! (?:of|in)\b)")
# A person's pronoun inside a sentence ("Forbes estimated his net worth ..."); at its start, one is
# resolved to the name before.
PERSONAL_PRONOUN: Final = re.compile(r"(?<=\s)(?:he|she|his|her|him)\b")
# Nor does one about a firm no name stands for, whatever else it names: "The Shenzhen-based firm,
# backed by Orion Holdings, ...", "The bank's headquarters moved to Cardiff ...".
UNNAMED_FIRM: Final = re.compile(
    r"(?:The|This) (?:[\w-]+ ){0,2}?"
    r"(?:company|firm|group|start-up|startup|lender|bank|fintech|platform|unit)\b(?! [A-Z])"
)
# A name set in bold ("**Banco Litoral S.A.**", "**Klarna**"): the sentence's answer as a term is,
# but among other bold names, never among a glossary's terms.
BOLD_NAME: Final = "bold name"
# "Two of them ...", "Two of the eight — Livi Bank and Fusion Bank — ...": of what, the sentence says not.
PARTITIVE_START: Final = re.compile(
    r"^(Some|Many|Most|All|One|Two|Three|Each|None|Several|Both) of "
    r"(them|these|those|the (?:two|three|four|five|six|seven|eight|nine|ten|\d+)(?![\w-]| [a-z]))\b"
)
QUOTED: Final = re.compile(r"[“\"]([^”\"]+)[”\"]")
# Discourse markers carry no fact; dropping them makes the card read like a fact sheet.
LEADING_MARKER: Final = re.compile(
    r"^(as a matter of fact|in fact|generally speaking|subsequently|meanwhile|moreover|furthermore|in addition"
    r"|at present|at the same time|later on|for sure|obviously|indeed|besides|however|therefore"
    # A forum's or a transcript's: "Yep, the rename happened ...".
    r"|yes|yeah|yep|well|okay|ok|honestly|actually),\s+"
    # A speaker's "So M-Pesa launched ...", not "So far, ...".
    r"|^so\s+(?=(?-i:[A-Z]))"
    # A translated report's hedge: "It is reported that Xiaomi Payment is ...". A writer's aside:
    # "It is worth remembering that ...", "It should be noted that ...".
    r"|^it is (?:reported|understood|learned|learnt|said|known) that\s+"
    r"|^it (?:is|was) worth (?:noting|remembering|mentioning|recalling|pointing out|adding|stressing) that\s+"
    r"|^it should be (?:noted|remembered|mentioned|stressed|added|pointed out) that\s+",
    re.I,
)
# "Quick recap for those who missed it: Revolut applied ...": a lead-in of everyday words before
# a colon and a sentence. Not "Revenue: 412 million" (no sentence after it) nor "Pelican Pay: ...".
# So is a box's one-word label: "Tip: You need to be 18 ...", and the reply to a question asked
# before: "Probably not soon: cash still accounted for 64% ..." (not a glossary's "Interchange fee:
# a fee paid ...").
LEAD_IN_PHRASE: Final = re.compile(
    r"^(?:(?:[A-Z][a-z]*(?: [a-z]+){1,7}|Tip|Note|Hint|Reminder|Important|Update):\s+(?=[A-Z])"
    r"|(?:Yes|No|Not|Probably|Perhaps|Maybe|Hardly|Unlikely|Likely|Possibly)\b[\w ]{0,30}:\s+)"
    r"(?=[A-Za-z][\w’']*,?\s+[\w’']+,?\s+[\w’']+)"
)
# A wire story's dateline: "BEIJING (Reuters) - ", "HONG KONG, March 5 (AP) — ".
# A press release's too: "LISBON, Portugal, June 2, 2021 /PRNewswire/ -- ", "HANOI, Vietnam, 4 March
# 2025 /PRNewswire/ -- ".
# Or a place in title case with a full date: "Kuala Lumpur, 29 April 2022 — ". Or the agency alone:
# "(Bloomberg) -- ". Or the paper and its reporter: "Beijing News (Reporter Zhang Wei) ".
DATELINE: Final = re.compile(
    # Possessive: a long run of capitals must not be tried split every way ("AAAA...").
    r"^[A-Z]{2}[A-Z.'’-]*+(?:\s+[A-Z]{2}[A-Z.'’-]*+){0,2}(?:,\s*[A-Z][\w.]*+(?:\s[A-Z][\w.]*+)?(?=,))?"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:,?\s*\d{4})?))?"
    r"\s*(?:\([^)]{2,40}\)|/[^/\s][^/]{1,30}/)?\s*(?:-{1,2}|–|—)\s+"
    r"|^[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2},\s*(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?)\s+\d{4}"
    r"\s*(?:-{1,2}|–|—)\s+"
    r"|^\([A-Z][\w .&]{1,30}\)\s*(?:-{1,2}|–|—)\s+"
    # A wire's date and agency: "March 14 (Reuters) - ".
    r"|^[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*\([A-Z][\w .&]{1,30}\)\s*(?:-{1,2}|–|—)\s+"
    # A Chinese paper's: "Beijing News (Reporter Zhang Wei) In response to ...".
    r"|^(?:[A-Z][\w&.'’-]*\s){1,4}\((?:[Rr]eporters?|[Cc]orrespondents?)\b[^)]{0,60}\)\s*"
    # A digest's day: "Monday — Visa agreed to buy ...". Which Monday, no card can say.
    r"|^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*(?:--|–|—)\s+"
)
DATELINE_MARK: Final = re.compile(r"[(/\d—–]|--")
# Who reported a fact is not the fact: "according to [...]", "seen by [...]", ", [...] reported."
ATTRIBUTION_BEFORE: Final = re.compile(
    r"\b(according to|seen by|told|reported by|cited by|quoted by)\s+(the\s+)?$", re.I
)
# The words it can end with: a plain test on the text before a span spares most spans the pattern.
ATTRIBUTION_ENDINGS: Final = ("to", "by", "told", "the")
ATTRIBUTION_AFTER: Final = re.compile(r"^\s+(reported|said|says|reports|wrote|writes)\s*[.,]")
# An unnamed reporter ("..., two people familiar with the matter said."); a named one may be a fact.
# A stock ticker is not a fact to learn: "Xiaomi Corp. (HKG: 1810)", "(1810.HK)".
TICKER: Final = re.compile(r"\s*\((?:[A-Z]{2,7}\s*:\s*[A-Z0-9.]{1,8}|\d{3,6}\.[A-Z]{1,3}|[A-Z]{1,5}\.[A-Z]{1,3})\)")
OWN_PAGE_TITLE: Final = re.compile(r"About (?:us: )?(.+)")
# Nor is a statistic's precision: "saved 18% more (95% CI: 11-25%)", "(p < 0.01)", "(n = 1,200)".
STATISTICAL_ASIDE: Final = re.compile(
    r"\s*\((?:\d{2}(?:\.\d+)?\s?% (?:CI|confidence interval)|p\s?[<=≤]|n\s?=|SE\s?=|t\s?=)[^()]*\)"
)
TRAILING_ATTRIBUTION: Final = re.compile(
    r",\s+(?:according to [^,A-Z]{3,60}|[^,A-Z]{0,60}?\b(?:said|says|reported|reports|told)(?: [A-Z]\w*)?)"
    r"(?:\s+(?:on|last|this)\s+\w+)?(?=[.!]$)"
)
# The words TRAILING_ATTRIBUTION cannot match without.
ATTRIBUTION_WORDS: Final = ("said", "says", "report", "told", "according to")
TRAILING_CLAUSE: Final = re.compile(r",\s+(which|who|so|while|and then|making|meaning)\b[^,]*$")
TYPE_RANK: Final = {kind: rank for rank, kind in enumerate(TYPE_PRIORITY)}
NAME_TYPES: Final = {"person", "bank", "organisation", "place", "name", "term"}
# Labels of an infobox that say what kind of name their value is.
LABEL_KINDS: Final = dict.fromkeys(
    (
        "founder",
        "founders",
        "co-founder",
        "co-founders",
        "chief executive",
        "ceo",
        "chairman",
        "chair",
        "president",
        "key people",
    ),
    "person",
) | dict.fromkeys(("headquarters", "based in", "location", "country", "city", "hq"), "place")
# What a list's lead-in says its items are: "Founders:", "The nine banks were:", "## Partner banks".
LEAD_IN_KIND: Final = re.compile(r"\b(?:(co-?founders|founders)|(banks|lenders)|(countries|cities))\b", re.I)
LEAD_IN_KINDS: Final = ("person", "bank", "place")
CONVERSION: Final = re.compile(r"(,|\(|\bor)\s*(about|around|roughly|approximately|some|nearly)?\s*$")


class Sentence(NamedTuple):
    document: Document
    line: int
    text: str
    spans: tuple[Span, ...]
    lead_in: str = ""
    list_key: str = ""
    # The sentence before, shown before this one when this one points back with no name: "Norra
    # Pay was approved by Finansinspektionen. | The approval came through on 18 February 2025."
    context: str = ""
    # What the page is about ("Household payments survey 2024"), shown before a sentence that names
    # nothing ("Cash fell to 21% of transactions."), which away from the page could be anyone's.
    heading: str = ""
    table_row: str = ""  # what a table's row names: "ZA Bank" for "ZA Bank — Owner: ZhongAn"


class Fact(NamedTuple):
    sentence: Sentence
    span: Span
    answer_type: str


class SkippedSentence(NamedTuple):
    file: str
    line: int
    text: str
    reason: str


LIST_SENTENCE: Final = re.compile(r"[.!]$")


# A verb that makes a bullet point a clause: "Take rate fell to 2.1%", "Cash is 540 million".
CLAUSE_VERBS: Final = frozenset({"is", "was", "are", "were", "has", "had"})


# "Under the rules, providers must:" over "- cap late fees at 25 crowns per missed payment;": each
# item ends the lead-in's clause, and joined to it is a sentence of its own.
CLAUSE_LEAD_IN: Final = re.compile(
    r"\b(?:must|should|shall|will|can|may|would|could|(?:need|needs|have|has|plan|plans|aim|aims|agreed|"
    r"(?:is|are|was|were) required) to)\s*:$"
)
ITEM_ENDING: Final = re.compile(r"(?:[\s;,.]+(?:and|or)?)+$")


def _ends_its_lead_in(line: Line) -> bool:
    first = line.text.split(maxsplit=1)[0]
    return bool(CLAUSE_LEAD_IN.search(line.lead_in)) and first.islower() and is_verb_base(first)


def _with_its_lead_in(line: Line) -> str:
    return f"{line.lead_in[:-1].rstrip()} {ITEM_ENDING.sub('', line.text)}."


def _reads_as_sentence(line: Line) -> bool:
    """A list item ending in a stop, or one under no lead-in that is a clause with its subject
    first ('Take rate fell to 2.1% from 2.3%'): a sentence, not one of a list's items."""
    if LIST_SENTENCE.search(line.text):
        return True
    if line.in_summary:
        return False  # a highlight is the page's own: its subject goes before it
    if (line.lead_in and not line.lead_in_is_heading) or not line.text[:1].isupper():
        return False
    words = line.text.split()
    if len(words) < 4:
        return False
    # The subject is words ("Take rate", "Pelican Pay"): not a date or a label before a dash.
    for word in words[1:4]:
        if word in CLAUSE_VERBS or (verb_base(word) or ("",))[0] == "did":
            return True
        if not word.isalpha():
            return False
    return False


def _quality_problem(text: str) -> str | None:
    words = text.split()
    if "?" in text:
        return "question, not a statement"
    # "Important: exam on 14 Nov!!", "Early-bird pricing ends soon!": a call or a reminder.
    if text.endswith("!"):
        return "exclamation, not a statement"
    if len(words) < 4:
        return "too short to stand alone"
    if len(words) > 40:
        return "too long for one card"
    if not text[0].isupper() and not text[0].isdigit():
        return "sentence fragment"
    if _speaks_in_person(text):
        return "speaks as 'we', 'I' or to 'you': who is unknown"
    # "Let's talk about how Nubank got to 100 million customers": the writer's invitation.
    if (
        (words[1] in INSTRUCTION_OBJECTS and is_verb_base(words[0]))
        or words[0] in ("Let's", "Let’s")
        or (words[-1].rstrip(".!") in CALL_TO_ACTION_ENDS and words[1][:1].islower() and is_verb_base(words[0]))
    ):
        return "an instruction to the reader, not a fact"
    if _is_opinion(text):
        return "opinion or hedge, not a fact"
    if GREETING.match(text):
        return "greeting, not a fact"
    if text.count("(") != text.count(")"):
        return "sentence fragment"
    if ('"' in text or "“" in text) and any(len(quote.split()) >= 6 for quote in QUOTED.findall(text)):
        return "quotation"
    if text.count("“") != text.count("”") or text.count('"') % 2:
        return "part of a quotation"
    return None


# "Download the Mox app ...", "Take a selfie ...", "Wait for approval": a verb's base form, then
# what it acts on.
INSTRUCTION_OBJECTS: Final = frozenset("the a an your our this these that it us them up out for".split())
# "Join over 900,000 happy customers today.", "Apply online now.": a page's call to act.
CALL_TO_ACTION_ENDS: Final = frozenset({"today", "now", "free", "here", "online"})


ASIDE: Final = re.compile(WRITERS_ASIDE)
# "Using a panel of 3,000 households, we find that ...": how the paper found it goes too.
FINDING: Final = re.compile(
    r"^(?:[A-Z][^;.]{0,100}?, )?[Ww]e (?:find|found|show|showed|estimate|document|demonstrate) that (?=[a-z])"
)


# Who speaks for a firm on its call: "Maya Okafor, Chief Financial Officer", "Lei Jun -- CEO".
# Not an analyst's: "Kenji Ito, analyst at Northgate" speaks for Northgate, not for the firm on the call.
EXECUTIVE: Final = re.compile(
    r"^(?!.*\banalyst\b).*\b(?:chief|officer|ceo|cfo|coo|cto|president|chair(?:man|woman)?|founder|co-founder"
    r"|director|head of|treasurer|executive|manager)\b",
    re.I,
)
# A team page's entry: "Amina Odhiambo, Chief Executive Officer", "Peter Kamau – COO", "Grace Wanjiru (CFO)".
PERSON_AND_ROLE: Final = re.compile(
    r"(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3})(?:,| [–—-]| \()\s*(?P<role>[A-Za-z][\w&,' -]{1,60}?)\)?"
)
FIRM_WE: Final = re.compile(r"\b[Ww]e ((?:also |already |then |now |still |currently |recently |just )?)([a-z]+)\b")
FIRM_OUR: Final = re.compile(r"\b[Oo]ur\b")


INTERVIEWEE_LABELS: Final = frozenset({"A", "Answer"})
# "An interview with Sofia Brandt, CEO of Nordbank", "Nordbank's chief executive on ...".
# "Kudi Mobile's Ngozi Adebayo on ...": a firm's, then a person's name. Only the roles ignore case:
# a firm's name is capitalised words.
INTERVIEWEE_FIRM: Final = re.compile(
    r"\b(?i:CEO|chief executive|founder|co-founder|president|chair(?:man|woman)?|head)\s+(?:of|at)\s+"
    r"(?P<after>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})"
    r"|(?P<before>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})['’]s\s+"
    r"(?:(?i:CEO|chief executive|founder|boss)\b|[A-Z][a-z]+ [A-Z][a-z]+\b)"
)


def _interviewees_firm(title: str) -> str | None:
    """The firm an interview's title says the one answering runs."""
    match = INTERVIEWEE_FIRM.search(title)
    if match is None:
        return None
    words = (match["after"] or match["before"]).split()
    # "Interview With Nordbank's CEO": the title's own words before the name go; not the words of
    # a name that are all everyday ones ("CEO of Tally Bank").
    while len(words) > 1 and (
        words[0].lower() in STOP_WORDS
        or (is_common_word(words[0]) and not all(is_common_word(word) for word in words[1:]))
    ):
        words.pop(0)
    return " ".join(words) or None


def _speaking_firm(document: Document, lines: list[Line], types: EntityTypes) -> str | None:
    """The firm a transcript's executives speak for: the first name in its title ('Harbourline Q3
    2026 earnings call'), when the page names it again."""
    for span in find_spans(document.title):
        if span.type != "name" or types.is_everyday_word(span.text):
            continue
        words = span.text.split()
        while words and EXECUTIVE.match(words[-1]):  # "Orbit Pay CEO"
            words.pop()
        name = " ".join(words)
        return name if name and any(name in line.text for line in lines) else None
    return None


def _first_firm(lines: list[Line], types: EntityTypes) -> str | None:
    """The first bank or organisation the page's lines name."""
    for line in lines:
        for span in find_spans(line.text):
            if span.type == "name" and types.type_of(span.text) in ("bank", "organisation"):
                return span.text
    return None


def _in_the_firms_words(text: str, firm: str) -> str:
    """An executive's "we" and "our" as the firm: "We added 310,000 customers" -> "Harbourline added
    ...", "We have 2 million customers" -> "Nordbank has ...". Only "we" before its verb; any other
    "we" stays, and leaves the sentence to be skipped."""

    named_once = False

    def named(match: re.Match[str]) -> str:
        # "We launched ... and we now have ...": the second is "it", as the name is in by then.
        nonlocal named_once
        verb = as_said_of_one(match.group(2))
        if not verb:
            return match.group()
        who, named_once = ("it" if named_once else firm), True
        return f"{who} {match.group(1)}{verb}"

    text = FIRM_WE.sub(named, text)
    owned = f"{firm}’s" if "’" in text else f"{firm}'s"

    # "Harbourline expects to launch its card": once the name is in, "our" is "its".
    def owner(match: re.Match[str]) -> str:
        if firm in text[: match.start()]:
            return "its"
        return owned

    return FIRM_OUR.sub(owner, text)


def _speaks_in_person(text: str) -> bool:
    words = words_of(text)
    return not PERSONAL_WORDS.isdisjoint(words) or (
        bool(words) and words[0] in PERSONAL_OPENERS and text.startswith(words[0])
    )


def _is_opinion(text: str) -> bool:
    words = words_of(text)
    return (
        not OPINION_WORDS.isdisjoint(words)
        # "Whether it is to send coupons or to ..., the problems cannot be repaired": an argument.
        or text.startswith("Whether ")
        or (text.startswith(("It is worth ", "It was worth ")) and bool(ASIDE.match(text)))
        or (not OPINION_PHRASE_ENDS.isdisjoint(words) and bool(OPINION_PHRASE.search(text)))
    )


def _without_dateline(text: str) -> str:
    # Every dateline ends in a dash or holds a bracket: a plain test spares most sentences the pattern.
    if "-" not in text and "–" not in text and "—" not in text and "(" not in text:
        return text
    match = DATELINE.match(text)
    # A bare "ICBC - the bank ..." is prose: a dateline has a source, a date or a long dash.
    if match is None or not DATELINE_MARK.search(match.group()):
        return text
    return text[match.end() :]


# A filing's defined term: 'Xiaomi Corporation (the "Company")', 'Tianxing Technology Co., Ltd.
# (the "Purchaser")'.
DEFINED_TERM: Final = re.compile(r"\s*\((?:the\s+)?[\"“]([A-Z][\w’' -]{0,30}?)[\"”]\)")


def _defining(text: str, defined: dict[str, str]) -> str:
    """The text without its defined-term notes, each remembered in `defined` by the name before it."""
    for note in reversed(list(DEFINED_TERM.finditer(text))):
        name = next((span.text for span in find_spans(text[: note.start()]) if span.end == note.start()), None)
        if name and name != note.group(1):
            defined[note.group(1)] = name
        # "... Co., Ltd. (the "Purchaser")." keeps one stop.
        after = (
            note.end() + 1 if text.endswith(".", 0, note.start()) and text.startswith(".", note.end()) else note.end()
        )
        text = text[: note.start()] + text[after:]
    return text


def _with_defined_names(text: str, defined: dict[str, str]) -> str:
    """'The Company expects ...' -> 'Xiaomi Corporation expects ...': a defined term read as its name."""
    for term, name in defined.items():
        if term in text:
            text = text.replace(f"the {term}", name).replace(f"The {term}", name)
    return text


def _without_parts_of(spans: tuple[Span, ...], text: str, name: str) -> tuple[Span, ...]:
    """The spans, less any that is only part of `name` where a pronoun was replaced by it: "In the
    EU, Interchange fee is capped ..." has no answer "Interchange"."""
    start = text.find(name)
    if start < 0:
        return spans
    end = start + len(name)
    return tuple(span for span in spans if not (start <= span.start and span.end <= end and span.text != name))


def _names_again(text: str, name: str) -> bool:
    """Whether `text` names `name` itself, not only within a longer name ("Paytm Wallet")."""
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        whole_words = (start == 0 or not text[start - 1].isalnum()) and not text[end : end + 1].isalnum()
        in_a_longer_name = text.startswith(" ", end) and text[end + 1 : end + 2].isupper()
        if whole_words and not in_a_longer_name:
            return True
        start = text.find(name, start + 1)
    return False


def _resolve_reference(
    text: str, previous_subject: str | None, group: bool = False, person: bool = False, article: bool = False
) -> str | None:
    """Replace a leading pronoun with the previous sentence's subject; None if there is none. A
    `group` subject ("Tencent, Alibaba and Baidu") is what "they" stands for, never "it" or "she";
    a `person` is what "he" or "she" stands for, never "it"; an `article` subject was written with
    "the" ("The James Webb Space Telescope"), and keeps it."""
    if PARTITIVE_START.match(text):
        return None
    if EXPLETIVE_IT.match(text):
        return text
    lead = LEADING_PHRASE_PRONOUN.match(text)
    if lead:
        # "In 2018 it was renamed X": the subject comes after a leading phrase.
        if EXPLETIVE_IT.match(text, lead.end()):
            return text
        rest = text[lead.end() :]
        # "In its first year, Orbit Pay lent ...": the phrase's "its" is the subject's after it.
        if "," not in lead.group() and CATAPHORIC_POSSESSIVE.match(rest):
            return text
        resolved = _resolve_reference(rest[:1].upper() + rest[1:], previous_subject, group, person, article)
        if resolved is None:
            return None
        if article and resolved.startswith("The "):
            resolved = "t" + resolved[1:]
        # "At Xiaomi he first ran ..." -> "At Xiaomi, Hong Feng first ran ...": two names would run together.
        phrase = lead.group().rstrip()
        # "Under his leadership, ..." -> "Under Ma's leadership, ...": a bare preposition governs
        # the pronoun, no phrase of its own.
        return f"{phrase} {resolved}" if phrase.endswith(",") or " " not in phrase else f"{phrase}, {resolved}"
    match = PRONOUN_START.match(text)
    if not match:
        return text
    # Without a subject, or with one the sentence names again ("it was renamed X"), no fact; a
    # longer name it starts is another ("it launched the Paytm Wallet").
    if not previous_subject or _names_again(text, previous_subject):
        return None
    pronoun = match.group(1)
    if group and pronoun not in ("They", "Their"):
        return None
    if person and pronoun not in ("He", "She", "His", "Her"):
        return None
    name = f"The {previous_subject}" if article else previous_subject
    if pronoun in ("Its", "Their", "His", "Her"):
        # "One97 Communications' shares": a name ending in "s" takes the apostrophe alone.
        ending = "'" if previous_subject.endswith("s") else "'s"
        return f"{name}{ending} {text[match.end() :]}"
    if pronoun in ("It", "They", "He", "She"):
        return f"{name} {text[match.end() :]}"
    return None


def _described_by_its_name(text: str, name: str | None) -> bool:
    """Whether the words describing the firm a sentence refers to are in `name`: "The consumer
    finance company ..." and "Chongqing Xiaomi Consumer Finance Co., Ltd."."""
    match = _definite_reference(text)
    words = match.group("reference").lower().split()[1:-1] if match else []
    return bool(name and words and set(words) <= set(name.lower().split()))


def _named_reference(text: str, previous_subject: str | None, types: EntityTypes, described: bool = True) -> str:
    """'The company now serves ...' -> 'Orbit Pay now serves ...' after a sentence about Orbit Pay.
    Unless `described`, only a bare 'The company': 'The consumer finance company' says what it is,
    which the subject of the sentence before need not be; what the document is about is."""
    match = _definite_reference(text)
    if match is None or not previous_subject or previous_subject in text:
        return text
    reference = match.group("reference")
    if not described and reference.count(" ") > 1:
        return text
    # "The new company will start with ...": one being set up, not one named before.
    if not NEW_FIRM_WORDS.isdisjoint(reference.lower().split()):
        return text
    if types.type_of(previous_subject) not in _kinds_a_reference_names(match.group("head")):
        return text
    return text[: match.start("reference")] + previous_subject + text[match.end() :]


def _kinds_a_reference_names(head: str) -> set[str]:
    """What "the bank" can be (a bank), and "the lender" (a bank or a firm); "the company" after
    "Paytm Payments Bank began operations" is the one the page is about, of which the bank is a
    part: a bank is rarely called a company in the next sentence."""
    if head == "bank":
        return {"bank"}
    if head in ("company", "firm"):
        return {"organisation", "name"}
    return {"bank", "organisation", "name"}


NEW_FIRM_WORDS: Final = frozenset({"new", "newly", "proposed", "planned", "future", "combined", "merged"})


# "Founder Wanjiru Kamau started the company in 2019": no firm named before it, it is the one the
# document is about.
INNER_REFERENCE: Final = re.compile(r"(?<=\s)the (?P<head>company|firm|start-up|startup|lender|bank)\b(?! [A-Z])(?!-)")
INNER_REFERENCE_HEADS: Final = ("company", "firm", "start", "lender", "bank")


def _inner_reference(text: str) -> re.Match[str] | None:
    return INNER_REFERENCE.search(text) if _holds_any_of(text, INNER_REFERENCE_HEADS) else None


def _named_inner_reference(sentence: Sentence, about: str | None, types: EntityTypes) -> str:
    """'... started the company in 2019' -> '... started Kivo Pay in 2019' in a document about Kivo
    Pay, when no firm is named before it in the sentence (it would be that one)."""
    text = sentence.text
    match = _inner_reference(text)
    if match is None or not about or about in text:
        return text
    if types.type_of(about) not in _kinds_a_reference_names(match.group("head")):
        return text
    for span in sentence.spans:
        # A month ("In August, ...") names no firm, nor does a sentence's everyday first word ("Chief").
        if (
            span.start < match.start()
            and span.type in NAME_SPAN_TYPES
            and types.type_of(span.text) in FIRM_KINDS
            and not is_ordinary_capitalised(span.text)
            and not (span.start == 0 and _everyday_opening(text, span, types))
        ):
            return text
    return text[: match.start()] + about + text[match.end() :]


FIRM_KINDS: Final = {"bank", "organisation", "name", "term"}


# A number and nothing more: "1.2 million", "850", "12,400".
BARE_COUNT: Final = re.compile(rf"(?:{NUMBER}){SCALE}")


def _names_its_own(label: str, subject: str | None) -> bool:
    """Whether a label says whose value it is ("ECB deposit rate"), not only what it is ("Revenue")."""
    return bool(subject and subject in label) or any(
        span.type in NAME_SPAN_TYPES
        and not is_common_word(span.text)
        # "Cost-to-income ratio": everyday words joined, capitalised as a label's first word is.
        and not (span.start == 0 and "-" in span.text and all(map(is_common_word, span.text.split("-"))))
        for span in find_spans(label)
    )


def _with_a_bare_count(text: str, value_start: int, spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """'Customers: 1.2 million', 'Employees: 850': a labelled value that is a number alone counts
    what its label names."""
    if spans or not BARE_COUNT.fullmatch(text, value_start):
        return spans
    return (Span(value_start, len(text), text[value_start:], "count"),)


def _without_a_dating_year(text: str, spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """'Net worth: US$12.6 billion (2024)': the year in brackets after the value dates it; asked
    for, it would ask when the figure was counted."""
    return tuple(
        span
        for span in spans
        if not (
            span.type == "year"
            and text.endswith("(", 0, span.start)
            and text.startswith(")", span.end)
            and any(other.end < span.start for other in spans)
        )
    )


def _typed_by_label(label: str, spans: tuple[Span, ...], types: EntityTypes) -> tuple[Span, ...]:
    """'Founder: Ana Ruiz', 'Headquarters: Santiago': the label says what the name is."""
    kind = LABEL_KINDS.get(label.lower())
    if not kind:
        return spans
    spans = tuple(span._replace(type=kind) if span.type == "name" else span for span in spans)
    for span in spans:
        if span.type == "person":
            types.note_person(span.text)
    return spans


def extract_sentences(
    documents: list[tuple[Document, list[Line]]], types: EntityTypes
) -> tuple[list[Sentence], list[SkippedSentence]]:
    """The sentences worth reading for facts, and the rest with the reason each was skipped. Each
    kept sentence is shown to `types` as it is read, while its words are still at hand."""
    sentences: list[Sentence] = []
    skipped: list[SkippedSentence] = []

    def keep(sentence: Sentence) -> None:
        sentences.append(sentence)
        types.observe(sentence.text, sentence.spans)

    for document, lines in documents:
        prose: list[Line] = []
        items: list[Line] = []
        for line in lines:
            if line.list_item and line.lead_in and not line.lead_in_is_heading and _ends_its_lead_in(line):
                line = line._replace(text=_with_its_lead_in(line), list_item=False, lead_in="")
            # A table's cell is its row's, however much it reads as a clause ("Founded in Lisbon by ...").
            (prose if not line.list_item or (not line.row and _reads_as_sentence(line)) else items).append(line)
        # Near-duplicates are looked for among the last sentences kept and exact repeats among all,
        # so a long document costs time in proportion to its length.
        recent: deque[str] = deque(maxlen=NEAR_DUPLICATE_WINDOW)
        kept: set[str] = set()
        previous_subject: str | None = None
        previous_is_group = False  # "Tencent, Alibaba and Baidu ...": "they", never "it"
        previous_is_person = False  # "Chief executive Grace Lam ...": "she", never "it"
        previous_takes_the = False  # "The James Webb Space Telescope ...": "it" is "the ..."
        previous_brought_in_a_term = False  # a bold term besides its subject
        path = str(document.path)
        first_sentence = len(sentences)
        headline_subject = named_in_headline = _one_name(document.title)
        # "About Lumo": the firm's own page, which speaks of it as "we".
        own_page = OWN_PAGE_TITLE.fullmatch(document.title)
        own_page_of = own_page.group(1) if own_page and named_in_headline == own_page.group(1) else ""
        if headline_subject and f"The {headline_subject}" in document.title:
            headline_subject = None  # "The James Webb Space Telescope": "it" would need its "the"
        # "The company ..." sentences the name just before did not resolve, with that name.
        unnamed_references: list[tuple[int, str | None]] = []
        # "... said the company aims ..." sentences, with the firm the sentence before was about.
        firm_named_before: dict[int, str] = {}
        # "The approval came ...", "This gave ...": sentences that came right after the one before.
        pointing_back: list[int] = []
        # "Forbes estimated his net worth at ...": sentences whose "he" or "his" came just before.
        pointing_to_a_person: list[int] = []
        skipped_before = -1  # how many sentences had been skipped when the last one was kept

        def skip(line: Line, text: str, reason: str, path: str = path) -> None:
            skipped.append(SkippedSentence(path, line.number, text, reason))

        firm: str | None = None  # whom a transcript's executives speak for, once a line has one
        letter_firm: str | None = None  # whom a letter to shareholders speaks for, once a line has one
        spoken_for_by_name: set[int] = set()  # sentences whose "we" the firm's name stands for
        defined: dict[str, str] = {}  # a filing's defined terms: "Company" -> "Xiaomi Corporation"
        introduced: set[str] = set()  # the heads of firms brought in unnamed: "A consumer [lender] ..."
        for line, split in zip(prose, split_sentences([line.text for line in prose]), strict=True):
            parts = rejoined_after_commas(split)
            garbled_across = garbled_paragraph(line.text)
            if line.section_start:
                skipped_before = -1  # what is above a heading is no context for what is under it
            # An executive on a call speaks for the firm the call is about; the one answering in "an
            # interview with Sofia Brandt, CEO of Nordbank" for Nordbank.
            speaker_firm = ""
            if line.speaker in INTERVIEWEE_LABELS:
                speaker_firm = _interviewees_firm(document.title) or ""
            elif line.speaker and EXECUTIVE.search(line.speaker):
                if firm is None:
                    firm = _speaking_firm(document, lines, types) or ""
                speaker_firm = firm
            elif line.speaker == LETTER_SPEAKER:
                # A letter's title may not name the firm ("Letter from the Chair"); its first lines do.
                if letter_firm is None:
                    letter_firm = _speaking_firm(document, lines, types) or _first_firm(lines, types) or ""
                speaker_firm = letter_firm
            elif not line.speaker:
                speaker_firm = own_page_of
            for text in parts:
                # The quote a next sentence opens may be left at this one's end: 'hardware. "Mobile ...'.
                # A straight quote after a space opens one; one closing follows a word.
                text = text.rstrip("“‘ ").removesuffix(' "').strip()
                if not text:
                    continue
                if text.endswith(":"):
                    # An item over items of its own ("- Singapore issued four licences in 2020:")
                    # is a sentence of its own here.
                    text = text[:-1].rstrip() + "."
                garbled = garbled_across or garbled_number(text)
                if garbled:
                    skip(line, text, f"garbled number ({garbled})")
                    continue
                stripped = _without_dateline(text)
                if "(" in stripped:
                    stripped = _defining(stripped, defined)
                if defined:
                    stripped = _with_defined_names(stripped, defined)
                if ":" in stripped:
                    stripped = LEAD_IN_PHRASE.sub("", stripped)
                if "," in stripped or stripped[:3].lower() in ("it ", "so "):
                    stripped = LEADING_MARKER.sub("", stripped)
                if stripped.startswith("We ") or ", we " in stripped:
                    # A paper's "We estimate that access to M-Pesa lifted ...": the finding is the fact.
                    stripped = FINDING.sub("", stripped)
                spoken_for = ""  # the firm whose name stands for the speaker's "we": no answer
                if speaker_firm:
                    in_firms_words = _in_the_firms_words(stripped, speaker_firm)
                    spoken_for, stripped = (speaker_firm if in_firms_words != stripped else ""), in_firms_words
                candidate = stripped[:1].upper() + stripped[1:]
                # "Australia calls its version the **Consumer Data Right**. It started ...": "it" may
                # be the term the sentence before brought in as much as its subject.
                ambiguous = previous_brought_in_a_term and candidate.startswith(("It ", "Its "))
                # "5 things to know about Monzo" over "It started as a prepaid card.": before any name,
                # "it" is the one the headline names.
                if previous_subject is None and len(sentences) == first_sentence and candidate.startswith("It "):
                    previous_subject = headline_subject
                resolved = _resolve_reference(
                    candidate,
                    None if ambiguous else previous_subject,
                    previous_is_group,
                    previous_is_person,
                    previous_takes_the,
                )
                if resolved is None:
                    skip(line, text, "starts with a pronoun that cannot be resolved")
                    continue
                named_before_resolving = previous_subject
                if previous_subject and resolved != candidate and _starts_with_he_or_she(candidate):
                    types.note_person(previous_subject)
                if not _introduced_before(resolved, introduced):
                    resolved = _named_reference(
                        resolved, None if previous_is_group else previous_subject, types, described=False
                    )
                if "(" in resolved:
                    resolved = STATISTICAL_ASIDE.sub("", TICKER.sub("", resolved))
                if _holds_any_of(resolved, ATTRIBUTION_WORDS):
                    resolved = TRAILING_ATTRIBUTION.sub("", resolved)
                problem = _quality_problem(resolved)
                if problem:
                    skip(line, text, problem)
                    continue
                # "Mexico alone has ...", "... the same year": of what a skipped sentence said.
                if skipped_before not in (-1, len(skipped)) and _points_back_inside(resolved):
                    skip(line, text, "points back to a sentence that was skipped")
                    continue
                key = normalise(resolved)
                if key in kept or process.extractOne(key, recent, scorer=fuzz.ratio, score_cutoff=90):
                    skip(line, text, "near-duplicate of an earlier sentence")
                    continue
                kept.add(key)
                recent.append(key)
                # Bold marks the sentences it is in, not those a pronoun resolves to the same words.
                key_terms = tuple(term for term in line.key_terms if term in text) if line.key_terms else ()
                spans = _with_key_terms(resolved, find_spans(resolved), key_terms)
                if resolved != candidate and named_before_resolving:
                    spans = _without_parts_of(spans, resolved, named_before_resolving)
                # A name, or a name the writer set in bold ("**Banco Litoral** is a bank ... It was
                # founded in 1974"), starting the sentence or its clause after a leading phrase ("Born
                # in Enugu in 1953, Okonjo studied ...") is what "it" or "she" in the next one stands for.
                subject = _subject(resolved, spans, types)
                group = _coordinated(resolved, spans, subject) if subject else None
                person = _person_after_a_role(resolved, spans)
                if subject and person != subject:
                    person = None
                if person:
                    types.note_person(person.text)
                    subject = person
                named_before = previous_subject
                previous_was_person_or_group = previous_is_person or previous_is_group
                # "A consumer lender backed by Xiaomi ... The lender ...": the one brought in, unnamed.
                described = None if _introduced_before(resolved, introduced) else _definite_reference(resolved)
                # "WeBank reported ... The Shenzhen-based bank had ... Its flagship product ...": a firm
                # described, not named, is the one before, which "its" after it stands for too; not
                # "the new company", one being set up.
                if not (
                    described
                    and subject is None
                    and previous_subject
                    and not previous_is_person
                    and NEW_FIRM_WORDS.isdisjoint(described.group("reference").lower().split())
                ):
                    previous_subject = group or (subject.text if subject else None)
                    previous_is_group = group is not None
                    previous_is_person = person is not None
                    previous_takes_the = subject is not None and group is None and subject.start == len("The ")
                previous_brought_in_a_term = any(
                    span.type == "key term" and (subject is None or span.start != subject.start) for span in spans
                )
                if described:
                    unnamed_references.append((len(sentences), named_before))
                elif named_before and not previous_was_person_or_group and _inner_reference(resolved):
                    firm_named_before[len(sentences)] = named_before
                if skipped_before == len(skipped):
                    if (
                        POINTING_BACK.match(resolved)
                        or _definite_reference(resolved)
                        or _points_back_inside(resolved)
                        or _of_the_year_before(resolved)
                        or (
                            SHARES_OF_NO_NAME.search(resolved)
                            and sum(span.type in NAME_SPAN_TYPES for span in spans) <= 1
                        )
                    ):
                        pointing_back.append(len(sentences))
                    elif PERSONAL_PRONOUN.search(resolved):
                        pointing_to_a_person.append(len(sentences))
                skipped_before = len(skipped)
                if spoken_for:
                    spans = tuple(span for span in spans if span.text != spoken_for)
                    spoken_for_by_name.add(len(sentences))
                unnamed_firm = INDEFINITE_FIRM.match(resolved) if resolved.startswith("A") else None
                if unnamed_firm:
                    introduced.add(unnamed_firm.group(1))
                keep(Sentence(document, line.number, resolved, spans))
        # "... started the company in 2019": a firm named mid-sentence by what it is.
        inner_references = [
            index for index in range(first_sentence, len(sentences)) if _inner_reference(sentences[index].text)
        ]
        names = (
            _name_counts(sentences[first_sentence:], types)
            if items or unnamed_references or inner_references
            else Counter()
        )
        # What a list's labelled values are of: the name the document mentions most, when no other is
        # mentioned as often; not a place ("Harbor Ledger is a payments company based in Rotterdam").
        # The headline naming a name counts as once more.
        named = names + _named_in_title(document.title, names) if names else names
        # An infobox's "Name: Lei Jun" says outright whom its other labels are of.
        infobox_name = next((match[1] for line in items if (match := INFOBOX_NAME.fullmatch(line.text))), None)
        page_subject = infobox_name or (
            _document_subject(
                Counter({name: count for name, count in named.items() if types.type_of(name) != "place"}), at_least=1
            )
            if items
            else None
        )
        # "The company plans to ..." with no name just before: the company the document is about,
        # when one name is clearly that, or else the one of that kind its headline names.
        about = _document_subject(named)
        for index, named_before in unnamed_references:
            sentence = sentences[index]
            firm = about
            rewritten = _named_reference(sentence.text, firm, types)
            if rewritten == sentence.text:
                firm = _headline_name(document.title, sentence.text, types, names.keys())
                rewritten = _named_reference(sentence.text, firm, types)
            # "Klarna posted ... The Swedish lender reported ...": in a document about Affirm, the
            # firm named just before may be the one described; the sentence before will show which.
            # Not when the description is in the name: "The consumer finance company" after
            # "Xiaomi ..." in a document about Xiaomi Consumer Finance.
            if rewritten == sentence.text or (
                firm != named_before
                and not _described_by_its_name(sentence.text, firm)
                and _named_reference(sentence.text, named_before, types) != sentence.text
            ):
                continue
            sentences[index] = sentence._replace(text=rewritten, spans=tuple(find_spans(rewritten)))
        for index in inner_references:
            sentence = sentences[index]
            # "Cairo-based Sahel Pay launched ... Its chief executive said the company aims ...": in a
            # round-up of several firms' news, the company is the one just named, not the page's.
            rewritten = _named_inner_reference(sentence, firm_named_before.get(index), types)
            if rewritten == sentence.text:
                rewritten = _named_inner_reference(sentence, about, types)
            if rewritten != sentence.text:
                # The name put in is there to make the sentence clear, not to be asked for.
                reference = _inner_reference(sentence.text)
                start = reference.start() if reference else -1
                spans = tuple(span for span in find_spans(rewritten) if span.start != start)
                sentences[index] = sentence._replace(text=rewritten, spans=spans)
        for index in pointing_back:
            sentence, before = sentences[index], sentences[index - 1]
            # Only a sentence before that names something tells what this one points back to.
            if len(before.text.split()) > CONTEXT_WORDS or not _names_any(before, types):
                continue
            # "By 2015 the company had ...", still unnamed, is as much about a firm no name stands for.
            # "The service expanded to Tanzania ...", "The remaining 20% comes from ...": a common noun
            # points back whatever else the sentence names.
            if (
                not _names_any(sentence, types)
                or _points_back_by_a_noun(sentence)
                or UNNAMED_FIRM.match(sentence.text)
                or _definite_reference(sentence.text)
                or _points_back_inside(sentence.text)
                or (_of_the_year_before(sentence.text) and FIRST_YEAR.search(before.text))
                or SHARES_OF_NO_NAME.search(sentence.text)
            ):
                sentences[index] = sentence._replace(context=before.text)
        for index in pointing_to_a_person:
            sentence, before = sentences[index], sentences[index - 1]
            pronoun = PERSONAL_PRONOUN.search(sentence.text)
            if pronoun is None or len(before.text.split()) > CONTEXT_WORDS:
                continue
            # A person named before the pronoun in the sentence is whom it stands for.
            if _names_a_person(sentence, types, pronoun.start()) or not _names_a_person(before, types):
                continue
            sentences[index] = sentence._replace(context=before.text)
        # A title that only repeats the file's name says nothing; one with a garbled number
        # ("... reaches 65438+ 20 billion yuan") is put on no card.
        if document.title != PurePath(document.path).stem and not garbled_number(document.title):
            topic = _topic(document.title)
            for index in range(first_sentence, len(sentences)):
                sentence = sentences[index]
                # "Grab's arm ...": a possessive is a name's, even an everyday word's.
                owned = sentence.spans and sentence.text.startswith(POSSESSIVE_ENDINGS, sentence.spans[0].end)
                # A timeline's entry read as a sentence ("2015 – Founded by ...") is of what the title
                # says; so is "The mirror is three times wider than Hubble's" after a sentence that
                # was skipped.
                if TIMELINE_ENTRY.match(sentence.text) or (
                    not sentence.context
                    and topic not in sentence.text  # "Anne Boden" over "Anne Boden was ..." says nothing more
                    and not owned
                    and index not in spoken_for_by_name
                    and (
                        not _names_any(sentence, types)
                        or _points_back_by_a_noun(sentence)
                        or _a_role_of_no_firm(sentence, types)
                    )
                ):
                    sentences[index] = sentence._replace(heading=topic)
        for line in items:
            garbled = garbled_number(line.text)
            if garbled:
                skip(line, line.text, f"garbled number ({garbled})")
                continue
            if line.row:
                # A table's cell: "Airstar — Founded: 2019"; a row labelled by a year or a number
                # is one of what the page's title says ("Solar power in Chile, 2021 — Share: 17%").
                row = line.row if line.row[0].isalpha() else f"{document.title}, {line.row}"
                # A row of what the document is about: "Revenue — Q3 2025: US$214 million" is Orbit Pay's.
                whose = (
                    f"{page_subject} — "
                    if page_subject
                    and line.row[0].isalpha()
                    and not line.row_is_a_name
                    and not _names_its_own(row, page_subject)
                    else ""
                )
                text = f"{whose}{row} — {line.text}"
                label_end = line.text.index(": ")
                value_start = len(text) - len(line.text) + label_end + 2
                # A value starts its cell as a word starts a sentence: "Type: Private", "Industry:
                # Banking" hold everyday words, not names.
                spans = _without_a_dating_year(
                    text,
                    tuple(
                        span
                        for span in find_spans(text)
                        if span.start >= value_start
                        and not (
                            span.type == "name" and span.start == value_start and types.is_everyday_word(span.text)
                        )
                    ),
                )
                spans = _typed_by_label(line.text[:label_end], _with_a_bare_count(text, value_start, spans), types)
                keep(Sentence(document, line.number, text, spans, table_row=line.row))
                continue
            if infobox_name and INFOBOX_NAME.fullmatch(line.text):
                skip(line, line.text, "the infobox's name, which its other labels are of")
                continue
            label = LABELLED_VALUE.match(line.text) or LABELLED_FIGURE.match(line.text)
            if label:
                # "Revenue: 412 million dollars": a fact about what the document is about; the value
                # is the answer, never the label or the subject.
                # "ECB deposit rate: 2.0%" names whose rate it is already; "Founded: 2018" on a page
                # naming two banks as often, no one's; "Card payments in the UK in 2023: ..." says
                # when, and needs no one.
                names_its_own = _names_its_own(label.group(), page_subject)
                # "Keel Bank savings rates" over "- Easy access saver — 3.1% AER": a headline naming
                # one firm says whose, as the subject would; not over a feed's "TITLE: ..." fields.
                whose = page_subject or (
                    _topic(document.title) if named_in_headline and not label.group().rstrip(": ").isupper() else ""
                )
                if not whose and named and not names_its_own and not FIRST_YEAR.search(label.group()):
                    skip(line, line.text, "labelled value of no one the page is about")
                    continue
                prefix = f"{whose} — " if whose and not names_its_own else ""
                text = prefix + line.text
                value_start = len(prefix) + label.end()
                spans = _without_a_dating_year(
                    text, tuple(span for span in find_spans(text) if span.start >= value_start)
                )
                spans = _typed_by_label(label.group().rstrip(": "), _with_a_bare_count(text, value_start, spans), types)
                keep(Sentence(document, line.number, text, spans))
                continue
            entry = TIMELINE_ENTRY.match(line.text)
            if entry and page_subject:
                # "2014: Founded by Ingrid Vos ...": a milestone of what the document is about; the
                # date is the answer.
                text = f"{page_subject} — {line.text}"
                start = len(text) - len(line.text)
                spans = tuple(
                    span for span in find_spans(text) if span.start == start and span.end == start + entry.end(1)
                )
                keep(Sentence(document, line.number, text, spans))
                continue
            if line.in_summary and page_subject and first_digit(line.text):
                # "Revenue of €212 million, up 31%" under "## Highlights": a figure of the page's subject.
                # Its first word is capitalised as any item's is: "Cost-to-income ratio improved to 58%".
                names_one = page_subject in line.text or any(
                    span.type in NAME_SPAN_TYPES and not is_common_word(span.text) and (span.start or " " in span.text)
                    for span in find_spans(line.text)
                )
                # A headline naming the subject says when as well: "Harbourline Q1 2025 results".
                heading = _topic(document.title) if not names_one and page_subject in document.title else ""
                prefix = "" if names_one or heading else f"{page_subject} — "
                text = prefix + line.text
                spans = tuple(span for span in find_spans(text) if span.start >= len(prefix))
                keep(Sentence(document, line.number, text, spans, heading=heading))
                continue
            holder = PERSON_AND_ROLE.fullmatch(line.text) if page_subject else None
            if holder and EXECUTIVE.search(holder["role"]):
                # "Amina Odhiambo, Chief Executive Officer" on a firm's page: who holds that role there.
                text = f"{page_subject} — {holder['role']}: {holder['name']}"
                types.note_person(holder["name"])
                keep(
                    Sentence(
                        document,
                        line.number,
                        text,
                        (Span(len(text) - len(holder["name"]), len(text), holder["name"], "person"),),
                    )
                )
                continue
            if not line.lead_in:
                skip(line, line.text, "list item with no lead-in")
                continue
            if len(line.text.split()) > MAX_ANSWER_WORDS:
                skip(line, line.text, "list item too long for an answer")
                continue
            # "Founders:" over "- Rita Valente": the lead-in says what an item of no known kind is.
            of_kind = LEAD_IN_KIND.search(line.lead_in)
            kind = LEAD_IN_KINDS[of_kind.lastindex - 1] if of_kind and of_kind.lastindex else "name"
            if kind == "person":
                types.note_person(line.text)
            span = Span(0, len(line.text), line.text, kind)
            keep(
                Sentence(
                    document,
                    line.number,
                    line.text,
                    (span,),
                    lead_in=line.lead_in,
                    list_key=f"{document.path}:{line.lead_in}",
                )
            )
    return sentences, skipped


# How a page's title says what kind of page it is: "Frequently asked questions about the Lumen
# wallet", "5 things to know about Pix", "Explainer: ...", "Episode 142: ...", "Live: ...". Above
# a card, only what it is about.
PAGE_KIND: Final = re.compile(
    r"^(?:(?:frequently asked questions|faqs?)(?: about| on|:)"
    r"|(?:\d+|five|six|seven|eight|nine|ten) (?:things|facts) (?:you need |you should )?to know about"
    r"|(?:everything|what) you need to know about|explainer:|explained:|episode \d+:|live(?: updates| blog)?:)\s+",
    re.I,
)


def _one_name(title: str) -> str | None:
    """The one name a headline holds, if it holds one."""
    names = [span.text for span in find_spans(title) if span.type == "name" and not is_common_word(span.text)]
    return names[0] if len(names) == 1 else None


def _topic(title: str) -> str:
    kind = PAGE_KIND.match(title)
    if not kind:
        return title
    topic = title[kind.end() :]
    return topic[:1].upper() + topic[1:]


FIRST_YEAR: Final = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
# "Card payments in the UK in 2023: 23.1 billion": a longer label, whose value is a figure alone.
LABELLED_FIGURE: Final = re.compile(r"[A-Z][\w'’&-]*(?: [\w'’&-]+){4,8}:\s+(?=[$€£¥₹]?\d\S*(?: \S+){0,2}$)")
FIGURE_TYPES: Final = {"date", "year", "money", "percent", "count"}
# A timeline's entry: "2014: Founded by ...", "March 2016 – Launched ...", "1 July 2026: rules take
# effect", "July 1, 2026: ...".
TIMELINE_ENTRY: Final = re.compile(
    r"((?:\d{1,2} )?(?:[A-Z][a-z]{2,8}\.? )?(?:\d{1,2}, )?(?:1[6-9]|20)\d\d)\s*(?::|–|—| - )\s*\S"
)


def in_words(text: str) -> bool:
    """'No fees on card payments', not 'Industrial and Commercial Bank of China': a lowercase word
    other than those that join the words of a name."""
    return any(word.islower() and word not in CONNECTIVES for word in text.split())


def _names_something(span: Span) -> bool:
    return span.type == "name" or (span.type == "key term" and span.text[:1].isupper())


# "Born in Enugu in 1953, ", "In 2009, ": a phrase before the subject.
LEADING_PHRASE: Final = re.compile(
    r"(?:In|On|By|At|Since|From|After|Before|During|Born|Founded|Based|Like|Unlike|Despite|Following|Under|With)\b"
    r"[^,]{0,60},\s"
)
DATE_LEAD: Final = re.compile(r"(?:In|By|On|Since|From|After|Before|During|Until) ")
# Where a firm is based, before its name: "Oslo-based Nordbank", "Hong Kong-based virtual bank Airstar".
BASED_IN: Final = re.compile(r"(?:[A-Z][\w.]* )*[A-Z][\w.]*-based (?:[a-z][\w-]* ){0,3}(?=[A-Z])")


def _date_lead_end(text: str, spans: tuple[Span, ...]) -> int:
    """Where the name starts after a date that leads with no comma ("In 2021 Keel Bank raised
    ...", "By June 2023 Orbit Pay had ..."); 0 if the sentence does not open so."""
    lead = DATE_LEAD.match(text)
    if not lead or not spans or spans[0].start != lead.end() or spans[0].type not in ("year", "date"):
        return 0
    return spans[0].end + 1 if text.startswith(" ", spans[0].end) else 0


def _subject(text: str, spans: tuple[Span, ...], types: EntityTypes) -> Span | None:
    """The name the sentence is about: at its start, or right after a leading phrase. An everyday
    word ("Chief executive Ana Ruiz said ...", "Born in ...") is nothing for "its" to stand for,
    unless the corpus names it mid-sentence ("... in 2022 Kestrel had ...")."""
    lead = LEADING_PHRASE.match(text)
    based = BASED_IN.match(text) if "-based " in text else None
    lead_end = lead.end() if lead else _date_lead_end(text, spans)
    for start in (based.end(),) if based else (0, lead_end) if lead_end else (0,):
        # "The European Central Bank raised ...": a name of several words may take "the".
        if text.startswith("The ", start):
            start += len("The ")
        subject = next((span for span in spans if span.start >= start), None)
        if not subject or subject.start != start or not _names_something(subject):
            continue
        if start and text.startswith("The ", start - len("The ")) and " " not in subject.text:
            continue
        # "Brazilian digital lender Nu Holdings said ...": a word describing the name that follows.
        described = _described_name(text, subject, spans)
        if described:
            return described
        # "Annualised revenue passed ...": one capitalised word before a noun is what describes it.
        if " " not in subject.text and _noun_follows(text, subject.end):
            continue
        # "Grab" alone may be the verb's noun; "Grab and Singtel" are names.
        if (
            not is_common_word(subject.text)
            or types.named_elsewhere(subject.text)
            or _coordinated(text, spans, subject)
        ):
            if text.startswith(POSSESSIVE_ENDINGS, subject.end):
                return _owned_name(text, subject, spans) or subject
            return subject
    return None


def _described_name(text: str, first: Span, spans: tuple[Span, ...]) -> Span | None:
    """The name after a one-word modifier and the nouns that say what it is ('Brazilian digital
    lender [Nu Holdings]', 'Dutch neobank [Bunq]'); None unless the sentence opens that way."""
    # "Chief executive Ana Ruiz": an everyday word is a role, and the sentence is about a person.
    if " " in first.text or is_common_word(first.text):
        return None
    following = next((span for span in spans if span.start > first.end), None)
    if following is None:
        return None
    between = text[first.end : following.start].split()
    if not 1 <= len(between) <= 3 or not all(
        word.isalpha() and word.islower() and only_describes(word) for word in between
    ):
        return None
    return following


# "Chief executive Grace Lam joined ...", "Founder Wanjiru Kamau started ...": a person, named after
# the role that opens the sentence, maybe a firm's: "Affirm's chief executive, Max Levchin, said ...".
LEADING_ROLE: Final = re.compile(
    r"(?-i:[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3}['’]s\s+)?"
    rf"(?:(?:chief|senior|deputy|vice|executive|managing|general)\s+)*{ROLES},?\s+",
    re.I,
)


def _person_after_a_role(text: str, spans: tuple[Span, ...]) -> Span | None:
    """The person a role opening the sentence names, whom "she" or "he" in the next one stands for."""
    role = LEADING_ROLE.match(text)
    if not role:
        return None
    person = next((span for span in spans if span.start >= role.end()), None)
    if person is None or person.start != role.end() or person.type not in ("name", "person") or " " not in person.text:
        return None
    return person


def _noun_follows(text: str, end: int) -> bool:
    following = text[end:].split(None, 1)
    return bool(following) and following[0].isalpha() and following[0].islower() and only_a_noun(following[0])


POSSESSIVE_ENDINGS: Final = ("'s ", "’s ", "' ", "’ ")
SUBJECT_LIST_GAP: Final = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def _coordinated(text: str, spans: tuple[Span, ...], subject: Span) -> str | None:
    """The names a subject is listed with, all of them: "Tencent, Alibaba and Baidu dominate ..."."""
    if subject not in spans:
        return None
    first = last = spans.index(subject)
    while (
        last + 1 < len(spans)
        and _names_something(spans[last + 1])
        and SUBJECT_LIST_GAP.fullmatch(text, spans[last].end, spans[last + 1].start)
    ):
        last += 1
    if last == first or " and " not in text[spans[last - 1].end : spans[last].start] + " ":
        return None
    return text[subject.start : spans[last].end]


def _owned_name(text: str, owner: Span, spans: tuple[Span, ...]) -> Span | None:
    """The name a possessive subject owns: "Paytm's parent company One97 Communications held ..."
    is about One97 Communications. After "Jago's funds grew", "its" is still Jago's (None)."""
    owned = next((span for span in spans if span.start > owner.end), None)
    if owned is None or not _names_something(owned):
        return None
    between = text[owner.end : owned.start].split()[1:]  # the words after "'s"
    return owned if len(between) <= 3 and all(word.islower() for word in between) else None


PERSONAL_PRONOUNS: Final = frozenset(("He", "She", "His", "Her", "he", "she", "his", "her"))


def _starts_with_he_or_she(text: str) -> bool:
    lead = LEADING_PHRASE_PRONOUN.match(text)
    words = text[lead.end() if lead else 0 :].split(maxsplit=1)
    return bool(words) and words[0] in PERSONAL_PRONOUNS


def _points_back_inside(text: str) -> bool:
    """'... since the two products were very much similar', '... than the latter', 'both of them',
    'joined it in 2022', 'Among its rivals', 'the largest such system', 'the same year', 'customers
    there', 'Mexico alone': words inside a sentence that stand for things the sentence before named."""
    return (
        bool(THE_FEW_BEFORE.search(text))
        or ("both " in text and bool(BOTH_OF_THEM.search(text)))
        or _object_before(text)
        or bool(LEADING_POSSESSIVE.match(text))
        or ("such " in text and bool(SUCH_A_THING.search(text)))
        or ((" year" in text or " same " in text) and bool(THE_YEAR_BEFORE.search(text)))
        or (" they " in text and bool(TOGETHER_THEY.match(text)))
        or (" its " in text and bool(ROLE_AT_IT.search(text)))
        or (" there" in text and _there_before(text))
        or (" alone " in text and bool(ONE_OF_THEM_ALONE.match(text)))
    )


def _of_the_year_before(text: str) -> bool:
    """A month the sentence names with no year, or a time it points back to ("before that", "at
    the time"): of the year the sentence before named, which is worth showing when it names one;
    a sentence that says only this much is no reason to skip it."""
    months = MONTH_OF_NO_YEAR.finditer(text)
    return (
        any(text.endswith(MONTH_PREPOSITIONS, 0, month.start()) for month in months) and not FIRST_YEAR.search(text)
    ) or ((" that" in text or " then" in text or " the time" in text) and bool(THAT_TIME.search(text)))


def _there_before(text: str) -> bool:
    there = THERE_BEFORE.search(text)
    return there is not None and not PLACE_NAMED.search(text, 0, there.start())


def _object_before(text: str) -> bool:
    match = OBJECT_BEFORE.search(text)
    if match is None:
        return False
    before = text[: match.start()]
    return " and " not in before and len(before.split()) <= OBJECT_REACH


def _points_back_by_a_noun(sentence: Sentence) -> bool:
    """'The service expanded ...', not 'The **acquirer** is the bank that ...', which defines it,
    nor 'The euro area's digital euro ...', which says whose ('The company's ...' points back as a
    reference to a firm)."""
    match = POINTING_BACK_NOUN.match(sentence.text)
    if match is None or OWNER_PHRASE.match(sentence.text):
        return False
    return not any(span.start == match.end() - 1 and span.type == "key term" for span in sentence.spans)


def _names_a_person(sentence: Sentence, types: EntityTypes, before: int | None = None) -> bool:
    return any(
        span.type in NAME_SPAN_TYPES and types.type_of(span.text) == "person"
        for span in sentence.spans
        if before is None or span.end <= before
    )


# "Eric Jing was chairman from 2019": a role with no firm after it.
BARE_ROLE: Final = re.compile(rf"\b{ROLES}\b(?! (?:of|at|for)\b)", re.I)


def _a_role_of_no_firm(sentence: Sentence, types: EntityTypes) -> bool:
    """'Eric Jing was chairman from 2019 until 2023': of what, only the page says."""
    named = False
    for span in sentence.spans:
        if span.type in NAME_SPAN_TYPES:
            if types.type_of(span.text) != "person":
                return False
            named = True
    return named and bool(BARE_ROLE.search(sentence.text))


def _names_any(sentence: Sentence, types: EntityTypes) -> bool:
    """Whether the sentence names something: 'Wise said ...' does, 'Fee income fell ...' and
    'Verified users can send ...' do not."""
    return any(
        span.type in NAME_SPAN_TYPES and not (span.start == 0 and _everyday_opening(sentence.text, span, types))
        for span in sentence.spans
    )


def _everyday_opening(text: str, span: Span, types: EntityTypes) -> bool:
    """An everyday word capitalised only to start the sentence: a noun ('Revenue fell ...'), or
    one describing the noun after it ('Verified users ...', 'Unverified accounts ...')."""
    if types.is_everyday_word(span.text):
        return True
    following = text[span.end :].split(None, 1)
    return (
        is_common_word(span.text)
        and not types.named_elsewhere(span.text)
        and bool(following)
        and following[0].isalpha()
        and following[0].islower()
        and can_be_a_noun(following[0])
    )


def _with_key_terms(text: str, spans: list[Span], key_terms: tuple[str, ...]) -> tuple[Span, ...]:
    """Phrases the writer set in bold are answers of their own, in place of any span they overlap.
    A bold figure or date stays one ("**17 percent**"): its distractors are other figures, not terms."""
    if not key_terms:
        return tuple(spans)
    found = {(span.start, span.end): span for span in spans if span.type in FIGURE_TYPES}
    marked = [
        found.get((start, start + len(term))) or Span(start, start + len(term), term, "key term")
        for term in key_terms
        if (start := text.find(term)) >= 0
    ]
    if not marked:
        return tuple(spans)
    others = [span for span in spans if not any(span.start < m.end and m.start < span.end for m in marked)]
    return tuple(sorted(others + marked))


def _name_counts(sentences: list[Sentence], types: EntityTypes) -> Counter[str]:
    """How often the sentences mention each name; not 'Loans' of 'Loans facilitated in 2024: ...',
    nor 'Ethiopian' or 'March'."""
    return Counter(
        span.text
        for sentence in sentences
        for span in sentence.spans
        if span.type == "name" and not types.is_everyday_word(span.text) and not is_ordinary_capitalised(span.text)
    )


def _headline_name(title: str, text: str, types: EntityTypes, named_in_body: Collection[str]) -> str | None:
    """The one name in a headline of the kind 'The bank' or 'The company' in `text` stands for:
    'Indonesia's Bank Jago hits 10 million customers as Gojek tie-up deepens' is about Bank Jago.
    Only a name the body names too, or the one body name holding it ('Xiaomi Consumer Finance' is
    'Chongqing Xiaomi Consumer Finance Co., Ltd.'): in a headline in title case, every word looks
    like one."""
    match = _definite_reference(text)
    if match is None:
        return None
    kinds = {"bank"} if match.group("head") == "bank" else {"bank", "organisation"}
    names = set()
    for span in find_spans(title):
        if span.type != "name":
            continue
        holding = [name for name in named_in_body if span.text in name] if " " in span.text else []
        body_name = span.text if span.text in named_in_body else holding[0] if len(holding) == 1 else None
        if body_name and types.type_of(body_name) in kinds:
            names.add(body_name)
    return names.pop() if len(names) == 1 else None


def _named_in_title(title: str, names: Counter[str]) -> Counter[str]:
    """The names of the body the title names too: in a title in title case, every word looks like one."""
    return Counter({span.text for span in find_spans(title) if span.type == "name" and span.text in names})


def _document_subject(names: Counter[str], at_least: int = 2) -> str | None:
    """The name mentioned more often than any other, and at least `at_least` times; None on a tie."""
    top = names.most_common(2)
    if not top or top[0][1] < at_least or (len(top) > 1 and top[1][1] == top[0][1]):
        return None
    return top[0][0]


def _trim_clauses(sentence: Sentence, span: Span) -> Sentence:
    """Drop a trailing relative clause the answer is not in, so long sentences make short cards."""
    if len(sentence.text.split()) <= 20:
        return sentence
    match = TRAILING_CLAUSE.search(sentence.text.rstrip("."))
    if not match or match.start() < span.end:
        return sentence
    text = sentence.text[: match.start()].rstrip(".") + "."
    spans = tuple(s for s in sentence.spans if s.end <= match.start())
    return sentence._replace(text=text, spans=spans)


def corpus_subjects(sentences: list[Sentence]) -> set[str]:
    """The names a corpus is about: quizzing them ('[...] launched a bank') teaches nothing."""
    counts = Counter(span.text for s in sentences if not s.list_key for span in s.spans if span.type == "name")
    if not counts:
        return set()
    top = counts.most_common(1)[0][1]
    return {name for name, count in counts.items() if count >= max(3, top // 2)}


INFOBOX_NAME: Final = re.compile(r"(?:Name|Full name):\s+([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,4})")
TICKER_BEFORE: Final = ("ticker", 'ticker "', "ticker “", "symbol", 'symbol "', "symbol “")
PERIOD_START: Final = re.compile(r"\b(?:between|from)\s+$", re.I)


def _ends_a_period(text: str, start: Span, end: Span) -> bool:
    """Whether `end` closes the period `start` opens: "between [2019] and [2022]", "from May to June"."""
    return text[start.end : end.start] in (" and ", " to ") and bool(
        PERIOD_START.search(text, max(0, start.start - 9), start.start)
    )


BACK_POINTERS: Final = frozenset({"the", "these", "those", "both"})
RATIO_BEFORE: Final = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:in|out of)$")


def choose_facts(sentences: list[Sentence], types: EntityTypes, subjects: set[str]) -> list[Fact]:
    facts: list[Fact] = []
    for sentence in sentences:
        if sentence.list_key:
            if sentence.text not in subjects:
                item = sentence.spans[0]
                kind = item.type if item.type != "name" else types.type_of(item.text)
                # An item in words ("Slow bank top-ups") is no bank, whatever words it holds.
                if kind in NAME_TYPES and in_words(item.text):
                    kind = "name"
                facts.append(Fact(sentence, item, kind))
            continue
        candidates: list[tuple[int, Span, str]] = []
        previous_money: Span | None = None
        previous_time: Span | None = None
        for span in sentence.spans:
            kind = span.type if span.type != "name" else types.type_of(span.text)
            if span.type in ("date", "year"):
                # "between January 2019 and June 2022": one period, whose end is no second fact to
                # crowd out the sentence's others ("fined Lumen £4.2 million for ...").
                period_end = previous_time is not None and _ends_a_period(sentence.text, previous_time, span)
                previous_time = span
                if period_end:
                    continue
            if kind == "key term" and types.is_written_as_a_name(span.text):
                span = span._replace(type=BOLD_NAME)
            if span.type == "money":
                gap = sentence.text[previous_money.end : span.start] if previous_money else ""
                conversion = previous_money is not None and CONVERSION.search(gap) and len(gap) < 16
                previous_money = span
                if conversion:
                    continue
            # "Internet giants such as Xiaomi": an everyday word before a noun describes it, and names nothing.
            if span.type == "name" and (
                span.text in subjects
                or not types.is_proper(span, sentence.text)
                or (is_common_word(span.text) and _noun_follows(sentence.text, span.end))
            ):
                continue
            # "The Authority estimates ...": one everyday word after "the", capitalised as a document's
            # defined term is; which authority, the sentence does not say.
            if (
                span.type == "name"
                and kind == "name"
                and sentence.text.endswith(("the ", "The "), 0, span.start)
                and " " not in span.text
                and is_common_word(span.text)
            ):
                continue
            before = max(0, span.start - 24)
            lead = sentence.text[before : span.start].rstrip().lower()
            if lead.endswith(ATTRIBUTION_ENDINGS) and ATTRIBUTION_BEFORE.search(sentence.text, before, span.start):
                continue
            if ATTRIBUTION_AFTER.match(sentence.text, span.end):
                continue
            # 'under the ticker "KLAR"': a stock's symbol is no fact to learn.
            if lead.endswith(TICKER_BEFORE):
                continue
            # "across the two countries": a count in words after "the" points back to what the
            # page named before; it teaches nothing new.
            if span.type == "count" and span.text[0].isalpha() and lead.rsplit(" ", 1)[-1] in BACK_POINTERS:
                continue
            # "nine in ten adults": the second number is a ratio's, no count of anything.
            if span.type == "count" and RATIO_BEFORE.search(lead):
                continue
            if len(span.text.split()) > MAX_ANSWER_WORDS:
                continue
            # The answer must not stay visible elsewhere in the prompt.
            if sentence.text.count(span.text) > 1:
                continue
            # A name alone in a sentence ("X made a good start") is rarely a fact worth a card, unless
            # its kind is known from more than a guess ("Founder: Ana Ruiz") or it is a table's cell,
            # whose column and row say what it is of what ("ZA Bank — Owner: ZhongAn").
            if (
                span.type == "name"
                and kind in NAME_TYPES
                and not any(o is not span and o.text not in subjects for o in sentence.spans)
                and not sentence.table_row
            ):
                continue
            candidates.append((TYPE_RANK[kind], span, kind))
        candidates.sort(key=itemgetter(0))  # stable: spans of one type stay in sentence order
        for _, span, kind in candidates[:MAX_FACTS_PER_SENTENCE]:
            facts.append(Fact(_trim_clauses(sentence, span), span, kind))
    return facts

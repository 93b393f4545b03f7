"""Separating a document's content from the page around it.

Real articles arrive with ads, bylines, credits, link boxes, newsletter boxes, share
buttons, reader comments and breadcrumbs. Each line is judged on its own shape; a
footer marker (subscribe, follow us, comments) ends the content, since what follows it
on a web page is page furniture, unless it is a newsletter box the story goes on after.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import Final, NamedTuple

from quiz.deck import CLOZE_BLANK
from quiz.generate.spans import MONTHS, can_be_a_noun, is_english_word

# "- Sport -": a section label between dashes, no list item.
DASHED_WORD: Final = re.compile(r"-\s*\w+\s*-$")
# A bullet may be a symbol or an emoji: "✅ Revolut got its licence ...", "➤ Fees fell ...".
QUOTE_MARKERS: Final = re.compile(r"^(?:>\s*)+")
LIST_MARKER: Final = re.compile(
    r"^\s*(?:[-*+•·]|\d{1,2}[.)]|[\u2190-\u21ff\u25a0-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]\ufe0f?)\s+"
)
# A report's numbered paragraph: "1.2 The Authority supervises ...", "3.1.4 Firms must ...". Not
# "1.5 million people ...": a capital follows a paragraph's number.
PARAGRAPH_NUMBER: Final = re.compile(r"\d{1,2}(?:\.\d{1,3}){1,3}\.?\s+(?=[A-Z\"“(])")
SENTENCE_CLOSERS: Final = "\"'”’)"


def _ends_a_sentence(text: str) -> bool:
    """A stop at the end, maybe inside quotes or brackets: a plain test, asked of every line."""
    return text.rstrip(SENTENCE_CLOSERS).endswith((".", "!", "?"))


# Rules that look at the start of a line: (reason, pattern from the line's start). They are
# joined into one pattern, matched once per line; the first that fits names the reason.
START_RULES: Final[list[tuple[str, str]]] = [
    (
        "advertisement",
        # "Advertisement", "Sponsored: Try LedgerPro free for 30 days.", "Promoted by ...".
        r"\W*((advertisement|sponsored( content)?|promoted|partner content|ad)(\W*$|\s*[:|]\s)"
        r"|(sponsored|promoted|paid for) by\b"
        # A show's sponsor read: "This episode is sponsored by ...", "Today's show is brought to you by ...".
        r"|(this|today['’]s) (episode|show|podcast|newsletter|issue|video) (is|was)"
        r" (sponsored|brought to you|supported) by)",
    ),
    (
        "link box",
        r"\W*(see also|read more|read next|also read|related( articles| stories| posts)?|must read"
        r"|recommended( for you)?|more from|you (may|might) also like|trending|popular now"
        r"|most (read|popular|viewed|shared))\b",
    ),
    (
        "byline",
        # "By" alone only on a line that is no sentence: "By 2019 the bank had ..." is prose.
        r"\W*(by\b(?!.*[.!?][\"'”’)]*$)|written by|translated by|reported by|produced by|edited by"
        r"|write an article|author|editor’?'?s note|editor in charge|responsible editor)\b"
        # A label's colon is no word's end: "Editor: Ana Ruiz", "Reporters: Chen Mei and Li Wei".
        r"|\W*((chief )?editors?|reporters?)\s*:"
        # A writer and who they are: "By Priya Nair, a former banker. The views ...".
        r"|\W*by\s+(?-i:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3}),\s+(?:a|an|the|our)\s",
    ),
    # "Statement: The content of this article only represents the author's personal views ...".
    ("disclaimer", r"\W*(disclaimer|statement|declaration)\s*[:：】\]]|\W*the views (?:expressed|in this)\b"),
    # "Ana Ruiz | Reuters | 3 May". Each look-ahead below fails fast, reading only as far as a
    # separator could be, on the many lines that have none there.
    ("byline", r"(?=[^|]{1,61}+\|)[^.!?]{0,60}\s\|\s"),
    ("reference", r"\s*\^"),
    ("footnote", r"\s*[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*\S|\s*\[\^[\w-]{1,20}\]:"),
    # Who a page took something from ("Source: Reuters") is no fact about it, nor is what it cites:
    # "Further reading: Suri, T. and Jack, W. (2016). ...", "Jack, W. (2016). ...".
    # How to cite the page itself: "Suggested citation: Otieno, R. (2019) ...", "Cite this article:".
    (
        "reference",
        r"\W*(sources?|further reading|references?|bibliography|works cited|(?:suggested )?citation|cite as"
        r"|(?:how to )?cite this (?:article|paper|page|report))\s*:",
    ),
    ("reference", r"[A-Z][\w'’-]+,\s(?:[A-Z]\.\s?){1,3}[^()]{0,120}\((?:19|20)\d\d[a-z]?\)"),
    ("navigation", r"\W*(current location|you are here|home)\s*[-–›>»/|:]"),
    # A breadcrumb trail: "Markets › Fintech › Asia", "News > Business > Banks".
    ("navigation", r"(?=[^›»>/]{2,31}+[›»>/])(?:[\w&'’ -]{1,30}\s[›»>/]\s){2,6}[\w&'’ -]{1,30}$"),
    (
        "page furniture",
        r"\W*(listen to this article|click here|tap here|click to tweet|tweet this|sign in|log in"
        r"|download (the|our) app"
        # A newsletter's: "View this email in your browser", "Unsubscribe | Update your preferences".
        r"|view (this|it) (email|online|in your browser)|view (in|on) (your )?browser|view online|unsubscribe"
        r"|skip to (main )?content|we use cookies|this (site|website) uses cookies|accept (all )?cookies"
        r"|filed under|posted in|from wikipedia, the free encyclopedia"
        # A press release's furniture: "FOR IMMEDIATE RELEASE", "Media contact: ...", "SOURCE Acme Corp".
        r"|for immediate release|media (contacts?|enquiries|inquiries)|(?-i:SOURCE)\s"
        # A statistics release's: "Next release: 14 May 2025"; a market page's: "Market data delayed
        # by 15 minutes".
        r"|next (release|update|publication)(?=\s*:)|(market data|data|quotes|prices) (is |are )?delayed)\b",
    ),
    # What a page is filed under: "Tags: fintech", "Keywords: mobile money, Kenya", "JEL codes: O16".
    ("page furniture", r"\W*(tags?|topics|key ?words|categories|jel(?: codes?| classification)?)\s*:"),
    # A press office's: "Tel: +65 6123 4567", "Email: media@example.com".
    ("contact", r"\W*(tel|telephone|phone|fax|mobile|e-?mail)\s*[:.]"),
    # A feed's "DATE: Tue, 02 Jul 2024 09:00:00 GMT": a date with its time of day is a stamp.
    (
        "timestamp",
        r"\W*(published|updated|posted|last updated|last modified)\b[^.]*\d|\d{4}-\d\d-\d\d\s+\d\d?:\d\d\b"
        r"|\W*date\s*:[^.]*\b\d\d?:\d\d\b",
    ),
    ("reader comment", r"\W*(reply|report|\d+ (likes?|replies|comments))\W*$"),
    ("summary box", r"\W*(摘要|abstract|summary|tl;?dr|key points)\s*[:：]"),
    ("editorial note", r"\s*[\[(].*[\])]\s*$"),
    # "Correction, May 15: An earlier version of this article misstated ...".
    ("editorial note", r"\W*(correction|clarification)\b[^:.]{0,40}:"),
    ("note to self", r"\W*(todo|fixme|tbd|xxx)\s*[:!-]"),
    # "Table 1: Card payments, 2021–2025", "Figure 3. Share of cash": a caption says what follows.
    ("caption", r"\W*(table|figure|fig\.|chart|exhibit|graph)\s+\d+[a-z]?\s*[:.–—-]\s"),
]
START_RULE: Final = re.compile(
    "|".join(f"(?P<r{index}>{pattern})" for index, (_, pattern) in enumerate(START_RULES)), re.I
)

# Rules that may match anywhere in a line: (reason, pattern, substrings of the lowercased line
# a match cannot do without). The plain substring test spares most lines the scan.
ANYWHERE_RULES: Final[list[tuple[str, re.Pattern[str], tuple[str, ...]]]] = [
    (
        "photo credit",
        re.compile(
            r"\b(photo|image|picture|featured image|featured photo)\s*(credit|source|courtesy|by)\b"
            r"|\((photo )?source:[^)]*\)\s*$|^(photo|image|credit)s?:",
            re.I,
        ),
        ("photo", "image", "picture", "source:", "credit:", "credits:"),
    ),
    (
        "reference",
        re.compile(r"\bretrieved\s+(on\s+)?(\d|[a-z]+\s+\d)|\bdoi:\s*10\.|\bisbn\b", re.I),
        ("retrieved", "doi:", "isbn"),
    ),
    ("page furniture", re.compile(r"\b\d+\s+min(ute)?s?\s+read\b", re.I), ("read",)),
    (
        "disclaimer",
        re.compile(r"\bforward-looking statements?\b|\bsafe harbou?r statement\b", re.I),
        ("forward", "harbo"),
    ),
    (
        "reader comment",
        re.compile(r"\b\d{4}-\d{2}-\d{2}\s+\d{1,2}:\d{2}\b|\bvia (android|iphone|ios|mobile|web)\b", re.I),
        (":", "via "),
    ),
    (
        "url",
        re.compile(r"https?://|\bwww\.\w|\b\w+\.(com|org|net|io|cn)\b(/|\s*$)", re.I),
        ("http", "www.", ".com", ".org", ".net", ".io", ".cn"),
    ),
    ("social handle", re.compile(r"(^|\s)@\w{3,}"), ("@",)),
    # "r/fintech · Posted by u/ledger_nerd · 3d": a forum post's header, on a line that is no sentence.
    ("byline", re.compile(r"\bposted by\b(?!.*[.!?][\"'”’)]*$)", re.I), ("posted by",)),
    # "2020-06-25 Economic Observer Network Reporter Chen Mei": who wrote it, on a line that is no sentence.
    (
        "byline",
        re.compile(r"\b(?:reporter|correspondent)\s+(?-i:[A-Z])\w+(?!.*[.!?][\"'”’)]*$)", re.I),
        ("reporter", "correspondent"),
    ),
]


# A firm's letter to its shareholders or customers: "Dear shareholders,", "To our fellow shareholders:".
SALUTATION: Final = re.compile(
    r"(?:dear|to)(?: (?:our|fellow|valued))* (?:shareholders|stockholders|investors|customers|clients|members)"
    r"\s*[,:!]?",
    re.I,
)
LETTER_SPEAKER: Final = "the firm's letter"  # who says a letter's lines, as a transcript's label would


def _line_rule(line: str) -> str | None:
    """The first boilerplate rule the line breaks, if any."""
    matched = START_RULE.match(line)
    if matched:
        return START_RULES[int((matched.lastgroup or "r0")[1:])][0]
    lowered = line.lower()
    for reason, rule, needles in ANYWHERE_RULES:
        for needle in needles:
            if needle in lowered:
                if rule.search(line):
                    return reason
                break
    return None


# A footer starts with a call to act (subscribe, follow, share, comment) or is a short line that names one.
FOOTER_START: Final = re.compile(
    r"^\W*(subscribe|sign up|follow us|like (us|our)|share (this|on)|leave a (comment|reply)|comments\b"
    r"|\d+ comments|about the author|our official account"
    r"|(references|sources|notes|external links|further reading|bibliography)\W*$)",
    re.I,
)
# A reader comment's header: "mkato 4 hours ago | prev | next". The comments run to the page's end.
COMMENT_HEADER: Final = re.compile(r"[\w.-]{2,30}\s+\d+\s+(?:minute|hour|day|week|month|year)s?\s+ago\b")
FOOTER_SHORT_PHRASES: Final = ("newsletter", "all rights reserved", "copyright ©", "follow us", "comments")
FOOTER_SHORT: Final = re.compile(rf"\b({'|'.join(map(re.escape, FOOTER_SHORT_PHRASES))})\b", re.I)


def _names_footer(line: str) -> bool:
    """A short line naming a footer thing; the plain substring test spares most lines the scan."""
    lowered = line.lower()
    return any(map(lowered.__contains__, FOOTER_SHORT_PHRASES)) and bool(FOOTER_SHORT.search(line))


# A box inviting the reader to sign up, which news pages put between a story's paragraphs too.
NEWSLETTER_BOX: Final = re.compile(r"^\W*(?:subscribe|sign up)\b|newsletter", re.I)
# A paragraph of the story after a box: this many words or more, ending as a sentence does.
STORY_WORDS: Final = 12
READER: Final = frozenset({"you", "your", "you're", "you’re"})


def _story_goes_on(lines: list[str], index: int) -> bool:
    """Whether the first line from `index` on with words is a paragraph of the story: long, ending
    as a sentence does, naming someone or something, not speaking to the reader ("Get the latest
    news delivered to your inbox ..."), and no footer itself."""
    line = next((line.strip() for line in lines[index:] if line.strip()), "")
    words = line.split()
    return (
        len(words) >= STORY_WORDS
        and READER.isdisjoint(word.lower() for word in words)
        and line.endswith((".", "!", "?", '"', "”"))
        and any(word[:1].isupper() or word[:1].isdigit() for word in words[1:])
        and not FOOTER_START.match(line)
        and not _names_footer(line)
    )


# Every word capitalised: a headline or a link ("Our Standards: The Trust Principles."), not prose.
TITLE_CASE_LINE: Final = re.compile(
    r"^(?:(?:[A-Z0-9][\w'’&.,:-]*|of|the|and|for|in|on|to|a|an|at|by|with|&|-|–|—|\|)\s+){2,}[A-Z0-9][\w'’&-]*\W*$"
)
TRAILING_CALL_TO_ACTION: Final = re.compile(
    # "... said on Tuesday. Read also: Why digital banks are cutting fees": a headline's length of link.
    r"(?<=[.!?])\s+\W*(?:read|see|watch|view|listen|continue reading|learn more|click|tap)\b[^.!?]{0,80}$",
    re.I,
)
# "Revenue: 412 million dollars", "Founded: 2015": a label, then its value.
# "Rate (June 2025): ", "1-year fixed bond: ".
LABELLED_VALUE: Final = re.compile(r"(?:[A-Z]|\d+-[a-z])[\w'’&-]*(?: [\w'’&-]+){0,3}(?: \([^()]{1,30}\))?:\s+")
# A list's label set off by a dash, before a figure: "- Easy access saver — 3.1% AER".
DASHED_LABEL: Final = re.compile(r"((?:[A-Z]|\d+-[a-z])[\w'’&-]*(?: [\w'’&-]+){0,3}) [—–] (?=\S*\d)")
# An infobox line is a short one: a headline with a colon says more after it.
INFOBOX_WORDS: Final = 10
# An infobox above the opening ("Founded: December 2014") has labels a page's furniture has not.
INFOBOX_LABELS: Final = frozenset(
    "founded|founder|founders|headquarters|key people|owner|owners|parent|industry|total assets|revenue"
    "|net income|employees|number of employees|area served|products|services|subsidiaries|chairman|ceo"
    # A person's: "Born: 16 December 1969", "Net worth: US$12.6 billion".
    "|name|full name|born|died|education|alma mater|nationality|occupation|known for|net worth|spouse|children".split(
        "|"
    )
)
# Who a byline names: "By Marta Jansen, Senior Correspondent", "Ana Ruiz | Reuters | 3 May",
# after a label: "Opinion | By Tomás Ferreira".
BYLINE_AUTHOR: Final = re.compile(
    r"(?:[^|]{0,40}\|\s*){0,3}\W*(?:(?:[Ww]ritten |[Rr]eported )?[Bb]y\s+([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3})"
    r"|([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3})\s+\|)"
)
# A line of two to four capitalised words: a name, whose bio may follow. Not "About Norra Pay": the
# paragraph under it is about the firm, facts and all.
NAME_LINE: Final = re.compile(r"^(?!About\s)(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+$")


def _names_a_person(line: str, words: int) -> bool:
    """A line that is a name alone ("Brian Adam"), not a label in capitals ("PRESS RELEASE")."""
    return 2 <= words <= 4 and not line.isupper() and bool(NAME_LINE.match(line))


class Line(NamedTuple):
    number: int
    text: str
    list_item: bool = False
    lead_in: str = ""
    # A heading's ("## Partner banks"), which a clause under it does not go on from as it would
    # from "Orbit Pay's partner banks are:".
    lead_in_is_heading: bool = False
    # Under "## Highlights": the page's own statement, however short ("Revenue of €212 million").
    in_summary: bool = False
    key_terms: tuple[str, ...] = ()  # what the writer set in bold
    row: str = ""  # a table's cell: the label of its row ("Airstar" for "Founded: 2019")
    row_is_a_name: bool = False  # a comparison's column header: "Starling" beside "Revolut" is a firm
    speaker: str = ""  # a transcript's label of who says it: "Maya Okafor, Chief Financial Officer"
    section_start: bool = False  # the first line under a heading: no sentence above it is its context


class DroppedLine(NamedTuple):
    number: int
    text: str
    reason: str


# Reference marks ("[1]", "[citation needed]", "[edit]") and glosses in another script
# ("(Chinese: 小米金融; pinyin: Xiǎomǐ)") are not part of the sentence.
# Markdown's footnote mark too ("users.[^2]"), not its footnote ("[^2]: Company figures").
# The space before one goes with it: "in 2007 [1]." is "in 2007.".
CITATION_MARK: Final = re.compile(r"\s*(?:\[(?:\d{1,3}|[a-z][a-z ]{2,30})\]|\[\^[\w-]{1,20}\](?!:))")
# "[fs write streams][]", "[zlib streams][zlib]"; not reference marks in a row ("[2][3]").
REFERENCE_LINK: Final = re.compile(r"\[([^\]]*[A-Za-z][^\]]*)\]\[[^\]]*\]")
# A paper's author-year citation: "(Suri and Jack, 2016)", "(Riley, 2018; Aron et al., 2019a)". Who
# wrote about a fact, and when, is not the fact.
# Not a date: "(June 2025)", "(Q3 2024)", "(Spring 2024)" say when.
AUTHOR_YEAR: Final = (
    rf"(?!(?:{MONTHS}|Spring|Summer|Autumn|Fall|Winter)\b)"
    r"[A-Z][A-Za-z'’-]+(?:(?: and | & )[A-Z][A-Za-z'’-]+| et al\.)?,? (?:19|20)\d\d[a-z]?"
)
AUTHOR_YEAR_CITATION: Final = re.compile(rf"\s?\({AUTHOR_YEAR}(?:; {AUTHOR_YEAR})*\)")
# A footnote's mark after a word or a stop: "to 4.1 billion transactions.¹" (not the "²" of "km²").
SUPERSCRIPT_DIGITS: Final = "¹²³⁴⁵⁶⁷⁸⁹⁰"
SUPERSCRIPT_DIGIT: Final = re.compile(f"[{SUPERSCRIPT_DIGITS}]")  # the plain search spares most lines the one below
# So is one after a year: "in 2024¹" (no year is squared).
FOOTNOTE_MARK: Final = re.compile(
    rf"(?:(?<=[.,;:!?)”\"’])|(?<=[A-Za-z]{{3}})|(?<=19\d\d|20\d\d)(?<!\d{{5}}))[{SUPERSCRIPT_DIGITS}]+"
)
# What a document will call a firm from then on: "(hereinafter referred to as "Lujiazui Microcredit")".
SHORT_NAME_NOTE: Final = re.compile(r"\s*\((?:hereinafter|hereafter)\b[^()]*\)", re.I)
FOREIGN_GLOSS: Final = re.compile(r"\s*\([^()]*[^\x00-\u024f\u2010-\u2027][^()]*\)")


MARKDOWN_IMAGE: Final = re.compile(r"!\[[^\]]*\]\([^)]*\)")
MARKDOWN_LINK: Final = re.compile(r"\[([^\]]+)\]\([^)]*\)")
MARKDOWN_EMPHASIS: Final = re.compile(r"\*\*|__|`")
# "*Tally Bank raised $40 million ...*": a standfirst in italics is still sentences. Not "5 * 3",
# "Revenue*" (a footnote's star) or "snake_case".
MARKDOWN_ITALICS: Final = re.compile(
    r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])"
)


def _named_speaker(line: str) -> re.Match[str] | None:
    if ":" not in line and "：" not in line:
        return None
    label = NAMED_SPEAKER.match(line)
    if (
        label is None
        or len(line.split()) - len(label.group().split()) < 4
        or not _ends_a_sentence(line)
        or all(is_english_word(word) for word in label["name"].split())
    ):
        return None
    return label


def _markdown_to_text(line: str) -> str:
    if not line.isascii():
        if SUPERSCRIPT_DIGIT.search(line):
            line = FOOTNOTE_MARK.sub("", line)
        # "... launched instant payments in Norland. 🎉": the emoji after the stop says nothing. A
        # plain test first: the pattern would be tried at every position of the line.
        if not line[-1:].isascii():
            line = TRAILING_EMOJI.sub("", line)
    if "[" in line:
        # Links first, so no reference mark is taken out of one ("[fs streams][]", "![logo](x.png)").
        if "](" in line:
            line = MARKDOWN_LINK.sub(r"\1", MARKDOWN_IMAGE.sub("", line))  # a link keeps its text
        if "][" in line:
            line = REFERENCE_LINK.sub(r"\1", line)
        # An elision mark in the text would read as a second blank on a cloze card.
        line = CITATION_MARK.sub("", line).replace(CLOZE_BLANK, "…")
    if "(" in line:
        line = AUTHOR_YEAR_CITATION.sub("", FOREIGN_GLOSS.sub("", line))
        if "fter" in line:
            line = SHORT_NAME_NOTE.sub("", line)
    if "*" not in line and "_" not in line and "`" not in line:
        return line.strip()
    line = MARKDOWN_ITALICS.sub(r"\1\2", MARKDOWN_EMPHASIS.sub("", line))
    return line.strip()


TRAILING_EMOJI: Final = re.compile(r"(?<=[.!?\"'”’)])[\s\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+$")
BOLD: Final = re.compile(r"\*\*([^*\n]{2,60}?)\*\*|__([^_\n]{2,60}?)__")


def _key_terms(line: str) -> tuple[str, ...]:
    """The phrases a Markdown line sets in bold: in notes, the terms to learn. Not a label in bold
    ("**Number of the day:** 72% ..."): it says what follows."""
    if "**" not in line and "__" not in line:
        return ()
    terms = (_markdown_to_text(bold or underlined) for bold, underlined in BOLD.findall(line))
    return tuple(term for term in terms if not term.endswith(":"))


# An interview's "Q:" and "A:" are not part of what is said, nor a transcript's "Operator:",
# "Ingrid Haugen -- Chief Executive Officer:", "HOST:" or "[00:01:44] HADDAD:".
DOTTED_QA_LABEL: Final = re.compile(r"[QA]\. (?=[A-Z\"“])")
SPEAKER_LABEL: Final = re.compile(
    # A call's analyst, named or not: "Analyst, Kenji Ito, Northgate Securities:".
    r"(?:Q|A|Question|Answer|Operator|HOST|GUEST|INTERVIEWER|MODERATOR"
    r"|(?:Analyst|Caller|Participant)(?:, [^:：]{2,60}?)?"
    r"|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} (?:--|—|–) [^:：]{2,60}?)\s*[:：]\s+"
    # A recording's time stamp, and the speaker after it in capitals. Not capitals alone: "TODO:".
    r"|[\[(]\d{1,2}(?::\d\d){1,2}[\])]\s+(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}\s*[:：]\s+)?"
)
# A transcript's speaker by name, with a role or firm after it: "Maya Okafor, Chief Financial
# Officer: Revenue was ...", "Daniel Reyes (CEO): We ...". Only before a sentence, and only when
# the name holds a word that is no English word: "Editor's Note: This story ..." names no one.
NAMED_SPEAKER: Final = re.compile(
    r"(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})(?:, [^:：]{2,60}?| \([^():：]{2,60}\))?\s*[:：]\s+(?=[A-Z\"“])"
)
# Where a speaker's name ends and their role begins: "Maya Okafor, CFO", "Ingrid Haugen -- CEO".
SPEAKER_ROLE: Final = re.compile(r",\s|\s\(|\s(?:--|—|–)\s")
# An embedded social post's byline: "— Elon Musk (@elonmusk) January 28, 2025".
EMBEDDED_POST_BYLINE: Final = re.compile(r"[—–-]+\s*[^()]{1,60}\(@\w+\)")
# A live blog's entry stamp: "10:32 GMT — ", "9.15am: ". When an entry was posted is no fact.
LIVE_TIMESTAMP: Final = re.compile(r"\d{1,2}[:.]\d{2}\s?(?:[ap]\.?m\.?)?(?: [A-Z]{2,4})?\s*(?:—|–|-|:)\s+(?=\S)", re.I)
HTML_TAG: Final = re.compile(r"</?[A-Za-z][^<>]*>")
# A thread's post number: "3/6 The lender was founded ...", "3/ The lender ...", "(3/6) The ...".
POST_NUMBER: Final = re.compile(r"\(?\d{1,2}/\d{0,2}\)?\s+(?=[A-Z@#\"“])")
# "... in six countries. For more information, visit www.norrapay.com.": the link's sentence goes,
# the sentences before it stay.
TRAILING_LINK_SENTENCE: Final = re.compile(r"(?<=[.!?])\s+[^.!?]{0,60}?(?:https?://|www\.)\S+\s*$")
# Hashtags after a post's last sentence ("... on 3 April. #fintech #banking") are no part of it.
TRAILING_HASHTAGS: Final = re.compile(r"(?:\s+#\w+)+\s*$")
NON_ASCII: Final = re.compile(r"[^\x00-\x7f]")


def _mostly_foreign(text: str) -> bool:
    if text.isascii() or len(NON_ASCII.findall(text)) * 4 < len(text):
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) < 0.7 * len(letters)


HEADLINE_WORDS: Final = 15
# A reposted article's "Original title: ...", a wire's "UPDATE 2-" or "EXCLUSIVE-".
TITLE_LABEL: Final = re.compile(
    r"^(?:(?:original )?(?:title|headline)\s*[:：]\s*|(?-i:(?:UPDATE(?: \d+)?|EXCLUSIVE|CORRECTED|BREAKINGVIEWS)-))",
    re.I,
)


SECTION_LABEL_WORDS: Final = 3


def headline(dropped: list[DroppedLine], content_starts: int | None = None) -> str:
    """The document's title when it has no front matter: the first heading-like line above the
    content (below it, a heading may be a related story's). A Markdown top-level heading wins over
    the lines a page's header holds above it ("Exclusive news, data and analytics ..."), and a
    headline over a section's label above it ("Tech & Money", "Opinion") or a letterhead."""
    above = [
        line
        for line in dropped
        if line.reason in ("heading", "heading or caption") and (content_starts is None or line.number < content_starts)
    ]
    if not above:
        return ""
    # An issuer's name in capitals over a press release ("MONETARY AUTHORITY OF LUMERIA") is a
    # letterhead; the headline is the line in ordinary case under it.
    line = (
        next((line for line in above if line.text.startswith("# ")), None)
        or next(
            (line for line in above if len(line.text.split()) > SECTION_LABEL_WORDS and not line.text.isupper()), None
        )
        or next((line for line in above if len(line.text.split()) > SECTION_LABEL_WORDS), above[0])
    )
    title = _markdown_to_text(line.text.lstrip("#"))
    number = POST_NUMBER.match(title)  # a thread's first post: "1/6 Big news ..."
    return TITLE_LABEL.sub("", title[number.end() :] if number else title)


STAMP_DATE: Final = re.compile(
    r"\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b"
    r"|\b(?P<month_first>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+(?:19|20)\d\d)\b"
    r"|\b(?P<day_first>\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+(?:19|20)\d\d)\b"
)
STAMP_FORMATS: Final = {
    "iso": ("%Y-%m-%d",),
    "month_first": ("%B %d %Y", "%b %d %Y"),
    "day_first": ("%d %B %Y", "%d %b %Y"),
}


def stamp_date(dropped: list[DroppedLine], content_starts: int) -> str:
    """The document's date when it has no front matter: a full date on a line above the content
    (a byline, a timestamp: "Editor: Ana Ruiz | March 18, 2020"), as YYYY-MM-DD."""
    for line in dropped:
        if line.number >= content_starts:
            break
        for match in STAMP_DATE.finditer(line.text):
            kind = match.lastgroup or ""
            text = match.group(kind).replace(",", "").replace(".", "")
            for pattern in STAMP_FORMATS[kind]:
                try:
                    return datetime.strptime(" ".join(text.split()), pattern).date().isoformat()
                except ValueError:
                    continue
    return ""


# A line that stops mid-sentence and the one after it that carries on: a paragraph wrapped at a
# fixed width, as in e-mails and plain-text articles (and allowed in Markdown).
CARRYING_ON_WORDS: Final = frozenset("a an the of to in on at for with by from and or but that as its their".split())
NOT_PROSE: Final = re.compile(r"\s*(?:[-*+•·#|>`<]|\d{1,2}[.)]\s)")
WRAPPED_WIDTH: Final = 30  # shorter lines are labels, names and signatures, not wrapped prose


def _stops_mid_sentence(line: str) -> bool:
    return line.endswith((",", ";", "-", "–")) or line.rsplit(None, 1)[-1] in CARRYING_ON_WORDS


def _unwrapped(lines: list[str], first_line: int) -> Iterator[tuple[int, str]]:
    """The lines numbered from `first_line`, each wrapped paragraph joined into its first line."""
    number, pending = first_line, ""
    for index, line in enumerate(lines):
        text = line.strip()
        if (
            len(pending) >= WRAPPED_WIDTH
            and text
            and not _ends_a_sentence(pending)
            and (
                text[0].islower()
                or _stops_mid_sentence(pending)
                or _wrapped_before_a_capital(
                    lines, index, index - 1 > number - first_line or _in_a_block(lines, index - 1)
                )
            )
            and not NOT_PROSE.match(line)
            and not NOT_PROSE.match(pending)
        ):
            pending = _joined(pending, text)
            continue
        if pending:
            yield number, pending
        number, pending = first_line + index, text
    if pending:
        yield number, pending


# A paragraph wrapped at a fixed width, as text taken out of a PDF is, may break anywhere, even
# before a capital ("... net profit of 2.4 billion / Hong Kong dollars in 2024, ..."). Such a line
# is long, but no longer than such widths go, in sentence case, and stops short of a sentence's
# end; the line after it is about as long or ends the paragraph, and itself carries on by the
# plain signs (or the paragraph began before): a headline above a byline, a paragraph or a link
# trail has none of that.
WRAPPED_LINE_WIDTHS: Final = range(45, 101)
WRAPPED_LINE_SHARE: Final = 0.6  # of the line before: a wrapped paragraph's lines are about as long


def _in_a_block(lines: list[str], index: int) -> bool:
    """Whether lines[index] follows a wrapped line of the same paragraph, one sentence ending with
    that line and the next starting on this one ('... on Tuesday. / The round was led ...')."""
    if index < 1:
        return False
    before = lines[index - 1].strip()
    return (
        len(before) in WRAPPED_LINE_WIDTHS
        and _ends_a_sentence(before)
        and not NOT_PROSE.match(lines[index - 1])
        and not TITLE_CASE_LINE.match(before)
    )


def _wrapped_before_a_capital(lines: list[str], index: int, continued: bool) -> bool:
    """Whether lines[index - 1] goes on into lines[index], which starts with a capital;
    `continued` when lines[index - 1] goes on from the line before it."""
    before, text = lines[index - 1].strip(), lines[index].strip()
    if len(before) not in WRAPPED_LINE_WIDTHS or before.endswith(":") or TITLE_CASE_LINE.match(before):
        return False
    if len(text) < WRAPPED_LINE_SHARE * len(before) and not _ends_a_sentence(text):
        return False
    words = before.split()
    if sum(word[0].isupper() for word in words) * 2 >= len(words):
        return False
    # The line after it carries on by the plain signs, itself stopping mid-sentence.
    after = lines[index + 1].strip() if index + 1 < len(lines) else ""
    goes_on = bool(after) and not _ends_a_sentence(text) and (after[0].islower() or _stops_mid_sentence(text))
    return continued or goes_on


LINE_BREAK_HYPHEN: Final = re.compile(r"(?<=[a-z])-$")
WORD_START: Final = re.compile(r"[a-z]+")


def _joined(pending: str, text: str) -> str:
    """Two lines of a wrapped paragraph as one: a word split at the line's end ('pre-' and
    'vious', 'trans-' and 'actions') is whole again, and a hyphenated one ('e-' and 'commerce')
    keeps its hyphen."""
    if LINE_BREAK_HYPHEN.search(pending) and text[0].islower():
        head = pending.rsplit(None, 1)[-1][:-1].lstrip("(\"'“‘")
        tail = WORD_START.match(text)
        if tail and is_english_word(head + tail.group()):
            return pending[:-1] + text
        return pending + text
    return f"{pending} {text}"


# A Markdown table's rule under its header: "| --- | :---: |".
TABLE_RULE: Final = re.compile(r":?-{3,}:?")


COLUMN_GAP: Final = re.compile(r" {2,}")
MAX_CELL_WORDS: Final = 6


def _aligned_columns(line: str) -> list[str] | None:
    """'ZA Bank         800,000      2020': three or more columns with two spaces or more between,
    none of them a sentence's end ("... in 2020.  The bank ..." is prose)."""
    cells = COLUMN_GAP.split(line)
    if len(cells) < 3 or any(len(cell.split()) > MAX_CELL_WORDS or _ends_a_sentence(cell) for cell in cells):
        return None
    return cells


def _columns_follow(lines: list[tuple[int, str]], index: int, count: int) -> bool:
    if index + 1 >= len(lines) or lines[index + 1][0] != lines[index][0] + 1:
        return False
    columns = _aligned_columns(lines[index + 1][1].strip())
    return columns is not None and len(columns) == count


def _table_cells(number: int, header: list[str], cells: list[str]) -> list[Line]:
    """A table row's cells as labelled values of what its first cell names: "| Airstar | 2019 |"
    under "| Bank | Founded |" is "Founded: 2019" about Airstar; under a header with an empty first
    cell, of what each column's header names."""
    if len(header) == 2 and header[0] and not header[1]:
        # An infobox: "| Kasa Bank | |" over "| Founded | 2016 |", each row a label and its value
        # about what the header names.
        label, value = cells[0], cells[1] if len(cells) > 1 else ""
        if not label or not value or value in EMPTY_CELLS:
            return []
        return [Line(number, f"{label}: {value}", list_item=True, row=header[0])]
    row = cells[0]
    # A table's totals ("| **Total** | | 2.6 million |") are of no one row.
    if not row or TOTALS_ROW.fullmatch(row):
        return []
    if not header[0]:
        # A comparison: "| | Revolut | Monzo |" over "| Founded | 2015 | 2015 |", each column of
        # what its header names, each row a label.
        return [
            Line(number, f"{row}: {value}", list_item=True, row=whose, row_is_a_name=True)
            for whose, value in zip(header[1:], cells[1:], strict=False)
            if whose and value and value not in EMPTY_CELLS
        ]
    return [
        Line(number, f"{label}: {value}", list_item=True, row=row)
        for label, value in zip(header[1:], cells[1:], strict=False)
        if label and value and value not in EMPTY_CELLS
    ]


# Where a paragraph's last sentence, a list's lead-in, starts: after a stop that ends a word of two
# small letters or digits at least ("in 2016. The nine banks were:"; not "Mr." or "U.S.").
LEAD_IN_AFTER_SENTENCES: Final = re.compile(r"(?<=[a-z0-9]{2}[.!?])[\"'”’)]*\s+(?=[A-Z][^.!?]*:$)")
EMPTY_CELLS: Final = {"-", "–", "—", "n/a", "N/A", "?"}
TOTALS_ROW: Final = re.compile(r"(?:grand )?(?:total|totals|sum|all|overall|average|mean|median)\W*", re.I)


# Headings a site's furniture has over its lists of links, besides the link boxes' ("Related").
NAVIGATION_HEADING: Final = re.compile(
    r"(?:tags|topics|categories|sections|(?:table of )?contents|in this (?:article|story|section)|menu|navigation"
    r"|(?:top|more|latest|popular) (?:stories|news|posts|articles)|latest|most (?:popular|read|viewed|shared)"
    r"|popular(?: on .*)?|quick links|explore(?: more)?|editor['’]?s picks|share(?: this.*)?)\W*",
    re.I,
)
HEADING_LEAD_IN_WORDS: Final = 6
# A heading over a set of things names them in the plural: "Partner banks", "Markets", "Key
# people". Not one whose items are statements or links: "Key points", "Highlights", "Sources".
SET_HEADING_END: Final = re.compile(r"(?:[a-z]{2,}(?<![siu])s|people)\W*$", re.I)
STATEMENTS_HEADING_END: Final = re.compile(
    r"(?:points|takeaways|highlights|facts|notes|details|numbers|figures|things|questions|answers|stats"
    r"|statistics|updates|developments|events|changes|steps|reasons|tips|news|links|resources|results"
    r"|thoughts|lessons|sources|references|comments|basics|essentials|tags|topics)\W*$",
    re.I,
)
# A heading over the page's own summary: "Highlights", "Q1 2025 highlights", "Key figures", "At a glance".
SUMMARY_HEADING: Final = re.compile(
    r"(?:[\w-]+ ){0,3}(?:highlights|key (?:points|facts|figures|numbers|takeaways)|takeaways|at a glance"
    r"|in (?:brief|numbers)|by the numbers|summary)\W*",
    re.I,
)
# A Markdown list item that is a link and nothing else: "- [Markets](/markets)".
WHOLE_LINK: Final = re.compile(r"\[[^\]]+\]\([^)]*\)\W*$")


def _heading_lead_in(line: str) -> str:
    """What a Markdown heading ("## Partner banks") makes of the list right under it: its lead-in,
    "Partner banks:", when it is a short one in words that is no page furniture."""
    heading = line.lstrip("#").strip().rstrip(":").rstrip()
    if (
        not heading[:1].isalpha()
        or len(heading.split()) > HEADING_LEAD_IN_WORDS
        or not SET_HEADING_END.search(heading)
        or STATEMENTS_HEADING_END.search(heading)
        or _line_rule(heading)
        or NAVIGATION_HEADING.fullmatch(heading)
        or FOOTER_START.match(heading)
    ):
        return ""
    return f"{heading}:"


# A learner's own notes write facts as lines with no stop: "Monzo (UK): founded 2015, ~9m customers
# in 2024". A page is notes when such lines outnumber its sentences; they are then sentences, not
# headings or captions.
NOTE_WORDS: Final = 4
# A note's definition: "Neobank = bank with no branches", "Challenger bank: smaller bank ...".
NOTE_LABEL: Final = re.compile(r"([^:=]{1,40}?)(?::| =) ")
NOTE_DEFINITION: Final = re.compile(r"(?P<term>[A-Z][\w'’-]*(?: [\w'’-]+){0,2}) ?(?:=|:) (?P<definition>[a-z].{8,})")


def _is_a_note(text: str) -> bool:
    """A line with no stop that says what it is of: "Monzo (UK): founded 2015", "Neobank = bank
    ...". Not a feed's "TITLE: ...", a caption's "Kudi agents in Lagos. Photo: Kudi Mobile" nor an
    infobox's "Born: 16 December 1969, Xiantao"."""
    if (": " not in text and " = " not in text) or _ends_a_sentence(text) or len(text.split()) < NOTE_WORDS:
        return False
    label = NOTE_LABEL.match(text)
    # An infobox's label ("Born: ...", "Founded: ...") is read as an infobox's.
    return (
        label is not None and not label[1].isupper() and "." not in label[1] and label[1].lower() not in INFOBOX_LABELS
    )


def _reads_as_notes(lines: list[str]) -> bool:
    """Whether the page's lines of facts are mostly notes, not sentences."""
    notes = sentences = 0
    for line in lines:
        text = line.strip()
        if len(text) > 12 and not LIST_MARKER.match(text):
            notes += _is_a_note(text)
            sentences += _ends_a_sentence(text)
    return notes >= 3 and notes > sentences


def _as_note(number: int, line: str, stripped: str) -> Line:
    """The note as a sentence; a definition's term is the one to learn, as if set in bold."""
    definition = NOTE_DEFINITION.fullmatch(line)
    head = definition["term"].split()[-1] if definition else ""
    # A noun, or a word English has not ("Neobank"); not "Remember: ..." nor "Important: ...".
    if definition and (can_be_a_noun(head) or not is_english_word(head)):
        return Line(number, f"{definition['term']}: {definition['definition']}.", key_terms=(definition["term"],))
    return Line(number, f"{line}.", key_terms=_key_terms(stripped))


# "At a glance: Founded: 2016 | Headquarters: Nairobi | Staff: 420": a fact box on one line, its
# labelled values parted by bars (a byline's bars part names and dates, with no labels).
def _fact_box_items(number: int, raw: str) -> list[tuple[int, str]]:
    """A fact box's labelled values as the list items they are, or the line as it is."""
    if " | " not in raw:
        return [(number, raw)]
    items: list[tuple[int, str]] = []
    for part in raw.strip().split(" | "):
        label = LABELLED_VALUE.match(part)
        start = 0
        # The box's own label may lead its first value: "At a glance: Founded: 2016".
        if label and not items and (inner := LABELLED_VALUE.match(part, label.end())):
            start, label = label.end(), inner
        value = part[label.end() :] if label else ""
        if not value.strip() or ":" in value:
            return [(number, raw)]
        items.append((number, f"- {part[start:].strip()}"))
    return items if len(items) > 1 else [(number, raw)]


def content_lines(text: str, first_line: int = 1) -> tuple[list[Line], list[DroppedLine]]:
    """Lines worth reading for facts, and every other line with the reason it was dropped, numbered
    from `first_line`."""
    kept: list[Line] = []
    dropped: list[DroppedLine] = []
    in_footer = False
    in_code = False
    speaker = ""  # who says the lines of a transcript
    in_quote = False  # inside a Markdown block quote, which began when `kept` held `quote_starts` lines
    quote_starts = 0
    speakers: dict[str, str] = {}  # a speaker's name -> the label that gave their role
    asked = False  # an interview's "Q." came
    previous_was_name = False
    in_link_box = False  # under "Related Articles", whose links end at the story's next sentence
    lead_in = ""
    lead_in_is_prose = False  # a sentence's "... these partner banks:", not a heading's
    under_summary = False  # a list right under "## Highlights"
    authors: list[str] = []  # named by the bylines so far
    table_header: list[str] | None = None  # a Markdown table's column names, once its rule is read
    header_candidate: list[str] | None = None  # a table's first row, a header if a rule follows
    table_line = 0  # the number of the table's last line
    aligned_header: list[str] | None = None  # a plain-text table's column names
    aligned_line = 0  # the number of its last line
    under_heading = False  # a heading was dropped since the last prose line was kept
    lines = text.splitlines()
    line_count = len(lines)
    unwrapped = [item for number, raw in _unwrapped(lines, first_line) for item in _fact_box_items(number, raw)]
    # Whether the page is notes, asked once a line is shaped as a note: most pages have none.
    notes: bool | None = None
    for index, (number, raw) in enumerate(unwrapped):
        stripped = raw.strip()
        if not stripped:
            continue
        if "  " in stripped:
            # A plain-text table's columns, set apart by runs of spaces: read as a Markdown table's.
            columns = _aligned_columns(stripped)
            if columns and number == aligned_line + 1 and aligned_header and len(columns) == len(aligned_header):
                aligned_line, previous_was_name = number, False
                kept.extend(_table_cells(number, aligned_header, columns))
                continue
            # Its header is the first of two such lines in a row with as many columns.
            if columns and _columns_follow(unwrapped, index, len(columns)):
                aligned_header, aligned_line, previous_was_name = columns, number, False
                dropped.append(DroppedLine(number, " ".join(stripped.split()), "table"))
                continue
            # Other runs of spaces (centred text) say nothing, and long ones would make some
            # patterns try every split of them.
            stripped = " ".join(stripped.split())
        if "<" in stripped and HTML_TAG.search(stripped):
            # "<p>Orbit Pay raised ...</p>": the words inside markup are the page's; markup alone is not.
            inner = " ".join(HTML_TAG.sub(" ", stripped).split())
            if not inner:
                dropped.append(DroppedLine(number, stripped, "HTML"))
                continue
            stripped = inner
        quoted = stripped.startswith(">")
        if quoted:
            # A Markdown block quote ("> > Kite Pay raised ..."): the words quoted are still words.
            if not in_quote:
                quote_starts = len(kept)
            stripped = QUOTE_MARKERS.sub("", stripped)
            if not stripped:
                continue
            if EMBEDDED_POST_BYLINE.match(stripped):
                # "— Elon Musk (@elonmusk) January 28, 2025" under a quote: the quote is a post
                # embedded in the page, someone's words rather than the story's facts.
                for quoted_line in kept[quote_starts:]:
                    dropped.append(DroppedLine(quoted_line.number, quoted_line.text, "embedded post"))
                del kept[quote_starts:]
                dropped.append(DroppedLine(number, stripped, "embedded post"))
                in_quote = False
                continue
        in_quote = quoted
        if stripped[:1].isdigit() and (paragraph_number := PARAGRAPH_NUMBER.match(stripped)):
            stripped = stripped[paragraph_number.end() :]
        marker = LIST_MARKER.match(stripped)
        is_list_item = marker is not None and not DASHED_WORD.match(stripped)
        line = _markdown_to_text(stripped[marker.end() :] if marker and is_list_item else stripped)
        # A speaker's turn goes on over the paragraphs after the label, until the next label or heading.
        # Plain tests first, for what each label cannot do without: a colon, a leading digit, a slash.
        speaker_label = (SPEAKER_LABEL.match(line) or _named_speaker(line)) if ":" in line or "：" in line else None
        # "Q. How many ...?" and "A. We have ...": an interview's labels with stops; "A." only after a
        # "Q.", not "A. Smith said ...".
        if speaker_label is None and line[1:3] == ". " and (line[0] == "Q" or (line[0] == "A" and asked)):
            speaker_label = DOTTED_QA_LABEL.match(line)
            asked = asked or speaker_label is not None
        if speaker_label:
            speaker = speaker_label.group().rstrip(" :：").removesuffix(".")
            # "Maya Okafor:" is the "Maya Okafor, Chief Financial Officer" introduced before.
            who = SPEAKER_ROLE.split(speaker, maxsplit=1)[0]
            if who == speaker:
                speaker = speakers.get(who, speaker)
            else:
                speakers[who] = speaker
        label = (
            speaker_label
            or (line[:1].isdigit() and LIVE_TIMESTAMP.match(line))
            or ("/" in line[:4] and POST_NUMBER.match(line))
        )
        if label:
            line = line[label.end() :]
        if "#" in line:
            line = TRAILING_HASHTAGS.sub("", line)
        if "http" in line or "www." in line:
            line = TRAILING_LINK_SENTENCE.sub("", line)
        words = len(line.split())
        if not words:
            # Markup with no words in it: "- ![logo](logo.png)", a label alone.
            dropped.append(DroppedLine(number, stripped, "markup"))
            previous_was_name = False
            continue

        def drop(reason: str, number: int = number, stripped: str = stripped) -> None:
            nonlocal under_heading
            dropped.append(DroppedLine(number, stripped, reason))
            under_heading = under_heading or reason in ("heading", "heading or caption")

        if in_footer:
            drop("footer")
            continue
        if stripped.startswith("```"):
            in_code = not in_code
            drop("code block")
            continue
        if in_code:
            drop("code block")
            continue
        if stripped.startswith("|"):
            if number != table_line + 1:  # a table of its own
                table_header = header_candidate = None
            table_line = number
            cells = [_markdown_to_text(cell) for cell in stripped.strip("|").split("|")]
            if all(TABLE_RULE.fullmatch(cell) for cell in cells):
                # Under the header row: the table's columns are named.
                table_header, header_candidate = header_candidate, None
            elif table_header is None:
                header_candidate = cells
            else:
                kept.extend(_table_cells(number, table_header, cells))
                continue
            drop("table")
            continue
        table_header = header_candidate = None
        if stripped.startswith("<") and stripped.endswith(">"):
            drop("HTML")
            continue
        if FOOTER_START.match(line) or (words <= 12 and _names_footer(line)):
            # It ends the content only past the middle of a page that has content; before that it is
            # a box or a meta line ("3 comments" under the headline) and goes alone. So does a
            # newsletter box that more of the story follows.
            in_footer = (
                bool(kept)
                and number - first_line + 1 > line_count / 2
                and not (NEWSLETTER_BOX.search(line) and _story_goes_on(lines, number - first_line + 1))
            )
            drop("footer")
            continue
        if kept and "ago" in line and COMMENT_HEADER.match(line):
            in_footer = True
            drop("reader comment")
            continue
        if stripped.startswith("#"):
            drop("heading")
            speaker = ""
            previous_was_name = False
            # "## Partner banks" says what the list right under it is of; a list under the next
            # heading is of that one's, not of a lead-in above.
            lead_in, lead_in_is_prose = _heading_lead_in(line), False
            under_summary = bool(SUMMARY_HEADING.fullmatch(line.lstrip("#").strip()))
            continue
        if words <= 4 and SALUTATION.fullmatch(line):
            # "Dear shareholders,": the letter after it speaks for the firm writing it.
            drop("salutation")
            speaker = LETTER_SPEAKER
            continue
        # A page's first line asking a question is its headline: no question is a fact anyway.
        if not kept and not dropped and line.endswith("?") and words <= HEADLINE_WORDS:
            drop("heading")
            continue
        reason = _line_rule(line)
        # "Related Articles" and the links under it, up to the story's next sentence or a name
        # (a byline's: "Must Read / Brian Adam / Professional Blogger, ...").
        if reason is None and in_link_box:
            if _ends_a_sentence(line) or _names_a_person(line, words):
                in_link_box = False
            else:
                reason = "link box"
        in_link_box = in_link_box or reason == "link box"
        if reason == "byline" and (author := BYLINE_AUTHOR.match(line)):
            authors.append(author.group(1) or author.group(2))
        if reason is None and _mostly_foreign(line):
            reason = "not English"
        # "Lee Wen" over "Fintech writer. Previously at a bank.": a bio is sentences, not a headline.
        if reason is None and previous_was_name and not is_list_item and words < 20 and _ends_a_sentence(line):
            reason = "author bio"
        # "Marta Jansen covers European fintech.": about the writer the byline named, not the story.
        if reason is None and authors and line.startswith(tuple(f"{author} " for author in authors)):
            reason = "author bio"
        if reason:
            drop(reason)
            previous_was_name = False
            continue
        # Not a page's first line: a short headline in capitals ("Grab Financial Narrows Loss").
        # A list's item ("- Orbit Card") is no byline's name.
        previous_was_name = not is_list_item and _names_a_person(line, words) and bool(kept or dropped)
        if is_list_item:
            dashed = DASHED_LABEL.match(line) if " — " in line or " – " in line else None
            if dashed:
                line = f"{dashed[1]}: {line[dashed.end() :]}"
            if lead_in and not lead_in_is_prose and marker and WHOLE_LINK.match(stripped, marker.end()):
                lead_in = ""  # links under "## Markets" are a site's menu, not a fact sheet's list
            kept.append(
                Line(
                    number,
                    line,
                    list_item=True,
                    lead_in=lead_in,
                    lead_in_is_heading=bool(lead_in) and not lead_in_is_prose,
                    in_summary=under_summary,
                    key_terms=_key_terms(stripped),
                )
            )
            continue
        if not _ends_a_sentence(line):
            # "... in Portugal and Spain. 👉 Read the full story": the link after the last sentence goes.
            line = TRAILING_CALL_TO_ACTION.sub("", line)
            # A note says what it is of: "Monzo (UK): founded 2015, ...", "Neobank = bank with ...";
            # "Lecture 5 - Digital banks" is a heading still.
            if _is_a_note(line):
                if notes is None:
                    notes = _reads_as_notes([raw for _, raw in unwrapped])  # a PDF's broken lines unwrapped
                if notes:
                    kept.append(_as_note(number, line, stripped))
                    continue
            # "Founded: 2016", "Headquarters: Jakarta" below the opening: an infobox, read like a list.
            label = LABELLED_VALUE.match(line)
            if (
                label
                and (kept or label.group().rstrip(": ").lower() in INFOBOX_LABELS)
                and words <= INFOBOX_WORDS
                and not _ends_a_sentence(line)
            ):
                kept.append(Line(number, line, list_item=True, key_terms=_key_terms(stripped)))
                continue
        if (not _ends_a_sentence(line) and not line.endswith(":")) or TITLE_CASE_LINE.match(line):
            drop("heading or caption")
            continue
        # A short lead-in ("Key facts:") still introduces the list below it.
        if words < 4 and not line.endswith(":"):
            drop("fragment")
            continue
        lead_in = line if line.endswith(":") else ""
        lead_in_is_prose, under_summary = True, False
        if lead_in:
            # "The regulator ordered ... in 2016. The nine banks were:": the paragraph's sentences
            # are facts of their own; only the last introduces the list.
            last = LEAD_IN_AFTER_SENTENCES.search(line)
            if last:
                prose, lead_in = line[: last.start()], line[last.end() :]
                kept.append(
                    Line(number, prose, key_terms=_key_terms(stripped), speaker=speaker, section_start=under_heading)
                )
                under_heading = False
        else:
            kept.append(
                Line(number, line, key_terms=_key_terms(stripped), speaker=speaker, section_start=under_heading)
            )
            under_heading = False
    return kept, dropped

"""Property tests (hypothesis) for the deck-file format, the answer checker and the generator."""

from pathlib import Path

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from quiz.answers import Verdict, check_answer
from quiz.deck import CLOZE_BLANK, Card, Deck, Source, dump_deck, parse_deck
from quiz.errors import QuizError
from quiz.generate.sentences import INNER_BREAK, sentence_splitter, split_sentences

# Any text TOML can hold: everything but NUL-like surrogates, which no file can carry.
texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(str.strip)


@st.composite
def cards(draw):
    kind = draw(st.sampled_from(["cloze", "question", "choice"]))
    answer = draw(texts)
    prompt = draw(texts)
    choices: tuple[str, ...] = ()
    if kind == "cloze":
        prompt = prompt + " " + CLOZE_BLANK
    if kind == "choice":
        choices = tuple(draw(st.lists(texts, min_size=1, max_size=3, unique=True)).copy() + [answer])
    return Card(
        id="c-" + draw(st.text("0123456789abcdef", min_size=12, max_size=12)),
        kind=kind,
        prompt=prompt,
        answer=answer,
        fact=draw(texts),
        choices=choices,
        source=Source(
            file=draw(texts), text=draw(texts), title=draw(st.text(max_size=20)), published=draw(st.text(max_size=10))
        ),
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(cards(), min_size=1, max_size=5, unique_by=lambda card: card.id), texts)
def test_deck_files_round_trip_any_text(deck_cards, title):
    deck = Deck(name="d", title=title, cards=deck_cards)
    parsed = parse_deck(dump_deck(deck), Path("d.toml"))
    assert parsed.cards == deck_cards
    assert parsed.title == title


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_parsing_arbitrary_text_fails_only_with_a_clear_error(text):
    try:
        parse_deck(text, Path("x.toml"))
    except QuizError as error:
        assert str(error).startswith("x.toml")


words = st.text(st.characters(whitelist_categories=("Lu", "Ll", "Nd")), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(words, min_size=1, max_size=4))
def test_an_answer_matches_itself_in_any_case_and_spacing(parts):
    answer = " ".join(parts)
    assert check_answer(answer, answer).verdict is Verdict.CORRECT
    # Case only, where case is reversible (Turkish dotless ı upper-cases to I, which folds to i).
    if answer.upper().casefold() == answer.casefold():
        assert check_answer("  " + answer.upper() + " ", answer).verdict is Verdict.CORRECT


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=10**6))
def test_a_different_number_is_never_accepted(value, delta):
    expected = f"{value} percent"
    assert check_answer(f"{value + delta} percent", expected).verdict is Verdict.WRONG
    assert check_answer(f"{value}%", expected).verdict is Verdict.CORRECT


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_the_checker_never_raises(typed, expected):
    assert check_answer(typed, expected).verdict in set(Verdict)


WORDS = [
    "Xiaomi",
    "Orbit Pay",
    "Bank of Lisbon",
    "Rita Gomes",
    "launched",
    "held",
    "invested",
    "in",
    "the",
    "a",
    "bank",
    "of",
    "and",
    "percent",
    "%",
    "yuan",
    "US$",
    "2019",
    "12",
    "4.2bn",
    "May",
    "3 June 2020",
    "said",
    "according to",
    "It",
    "(Reuters)",
    "-",
    "--",
    "[1]",
    "[...]",
    "“",
    "”",
    ",",
    ".",
    "?",
    "!",
    ":",
    "|",
    "#",
    "##",
    "*",
    "-based",
    "BEIJING",
    "NFC",
    "stands for",
    "Near Field Communication",
    "65438+",
    "20 15",
    "\t",
    # Transcripts, threads, web copy, infoboxes, references and date styles.
    "[00:01:44]",
    "HOST:",
    "3/6",
    "#fintech",
    "&amp;",
    "<p>",
    "</p>",
    "Founder:",
    "Whether",
    "Customers of",
    "Chief Executive",
    "'s",
    "Their",
    "May 9th, 2019",
    "9 May 2019",
    "six",
]
lines = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(" ".join)
documents = st.lists(st.one_of(lines, st.text(max_size=60)), min_size=1, max_size=12).map("\n".join)


@settings(max_examples=120, deadline=None)
@given(st.lists(documents, min_size=1, max_size=3))
@example(["Orbit Pay [...] opened 12 branches in Lisbon in 2019."])
def test_the_generator_never_fails_and_every_card_holds_together(tmp_path_factory, texts_of_documents):
    """Any text in, never a crash out; every card it makes is one a deck file can hold."""
    from quiz.generate import generate

    folder = tmp_path_factory.mktemp("seeds")
    for index, text in enumerate(texts_of_documents):
        (folder / f"doc{index}.txt").write_text(text, encoding="utf-8", errors="replace")
    result = generate([folder])
    for deck in result.decks:
        parsed = parse_deck(dump_deck(deck), Path(f"{deck.name}.toml"))
        assert [card.id for card in parsed.cards] == [card.id for card in deck.cards]
        for card in deck.cards:
            assert card.answer.strip() and card.prompt.strip()
            if card.kind == "cloze":
                assert card.prompt.count(CLOZE_BLANK) == 1
                assert card.prompt.replace(CLOZE_BLANK, card.answer) == card.source.text
            if card.kind == "choice":
                assert card.choices.count(card.answer) == 1 and len(set(card.choices)) == len(card.choices)


# Pieces where sentence ends are hard to call: abbreviations, a stop inside a word, decimals,
# quotes and dashes after a stop, a currency sign, a stop from another script, odd spacing, and
# words after a stop that start with a digit, an accented letter or an underscore.
SENTENCE_PIECES = [
    "the bank",
    "2020",
    "Éclair",
    "_id",
    "(Reuters)",
    "grew",
    "Mr.",
    "U.S.",
    "Ltd.",
    "e.g.",
    "3.5",
    "end.",
    "end.Next",
    "rose!",
    "why?",
    "...",
    ".",
    "—",
    "“",
    "”",
    '"',
    "(",
    ")",
    "$3",
    "$",
    "50%",
    "。",
    "Xiaomi",
    "it",
    "  ",
    "\u00a0",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SENTENCE_PIECES), min_size=1, max_size=30))
def test_sentences_are_split_where_spacy_splits_the_whole_text(pieces):
    """The splitter hands spaCy only the stretches around stops; that must change no boundary."""
    text = " ".join(pieces).strip()
    assume(text)  # lines reach the splitter stripped and never empty
    whole = sentence_splitter()(text)
    offsets = [sentence.start_char for sentence in whole.sents]
    bounds = [*offsets[1:], len(text)]
    expected = [part for start, end in zip(offsets, bounds, strict=True) if (part := text[start:end].strip())]
    if not INNER_BREAK.search(text):
        expected = [text]
    assert split_sentences([text]) == [expected]

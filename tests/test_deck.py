from pathlib import Path

import pytest

from quiz.deck import dump_deck, load_deck, parse_deck
from quiz.errors import QuizError
from tests.conftest import make_card, write_deck


def test_round_trip_keeps_every_field(tmp_path: Path):
    cards = [
        make_card("Xiaomi was founded in 2010.", "2010"),
        make_card("Which year?", "2010", kind="choice", choices=("2009", "2010", "2011", "2012")),
    ]
    path = write_deck(tmp_path, "d", cards, title="Deck title")
    deck = load_deck(path)
    assert deck.title == "Deck title"
    assert deck.cards == cards


def test_dump_is_deterministic(tmp_path: Path):
    cards = [make_card("Alpha beta gamma delta.", "gamma")]
    first = write_deck(tmp_path / "a", "d", cards).read_bytes()
    second = write_deck(tmp_path / "b", "d", cards).read_bytes()
    assert first == second


@pytest.mark.parametrize(
    ("mutation", "message"),
    [
        (lambda t: t.replace('kind = "cloze"', 'kind = "riddle"', 1), "unknown card kind"),
        (lambda t: t.replace('answer = "gamma"', 'answer = ""', 1), "non-empty text 'answer'"),
        (lambda t: t.replace("[...]", "___", 1), "must contain the blank"),
    ],
)
def test_bad_card_names_file_and_line(tmp_path: Path, mutation, message):
    cards = [make_card("Alpha beta gamma delta.", "gamma"), make_card("One two three four.", "three")]
    path = write_deck(tmp_path, "d", cards)
    text = path.read_text()
    path.write_text(mutation(text))
    with pytest.raises(QuizError) as error:
        load_deck(path)
    first_card_line = next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith("[[cards]]"))
    assert f"{path}:{first_card_line}:" in str(error.value)
    assert message in str(error.value)


def test_invalid_toml_reports_line(tmp_path: Path):
    path = tmp_path / "broken.toml"
    path.write_text('[deck]\nname = "x"\n[[cards]]\nid = "unterminated\n')
    with pytest.raises(QuizError, match=r"broken.toml: invalid TOML: .*line 4"):
        load_deck(path)


def test_duplicate_ids_are_rejected(tmp_path: Path):
    card = make_card("Alpha beta gamma delta.", "gamma")
    path = write_deck(tmp_path, "d", [card])
    text = path.read_text()
    cards_part = text[text.index("[[cards]]") :]
    path.write_text(text + "\n" + cards_part)
    with pytest.raises(QuizError, match="duplicate card id"):
        load_deck(path)


def test_choice_answer_must_be_a_choice():
    text = (
        '[deck]\nname = "d"\n\n[[cards]]\nid = "c-1"\nkind = "choice"\nprompt = "Pick"\n'
        'answer = "x"\nchoices = ["a", "b"]\nfact = "f"\n'
    )
    with pytest.raises(QuizError, match=r"d.toml:4: the answer 'x' is not among the choices"):
        parse_deck(text, Path("d.toml"))


def test_non_utf8_deck_is_a_clear_error(tmp_path: Path):
    path = tmp_path / "latin.toml"
    path.write_bytes('[deck]\nname = "caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(QuizError, match="not UTF-8"):
        load_deck(path)


def test_dump_then_parse_handles_markup_and_quotes(tmp_path: Path):
    tricky = 'He said "[bold]hi[/]" and \\ left [@click=app.quit]x[/].'
    card = make_card(tricky, "left")
    path = write_deck(tmp_path, "d", [card])
    assert load_deck(path).cards[0].source.text == tricky
    assert dump_deck(load_deck(path)) == path.read_text()

"""The deck generator on the project's seeds, on the shared real articles, and on crafted noise."""

import gc
import random
import re
import signal
from collections import Counter
from pathlib import Path

import pytest

from quiz.deck import deck_paths, load_deck
from quiz.errors import QuizError
from quiz.generate import Generation, dump_deck, generate, write_decks
from quiz.generate.boilerplate import content_lines
from quiz.generate.documents import read_document
from quiz.generate.facts import extract_sentences
from quiz.generate.garble import garbled_number
from quiz.generate.spans import EntityTypes, find_spans
from tests.conftest import ROOT, SHARED_SEEDS

needs_shared = pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="../shared/seeds is not beside the checkout")


@pytest.fixture(scope="module")
def project_generation():
    return generate([ROOT / "seeds"])


@pytest.fixture(scope="module")
def shared_generation():
    return generate([SHARED_SEEDS])


def all_cards(generation):
    return [card for deck in generation.decks for card in deck.cards]


def generate_page(folder: Path, name: str, text: str) -> Generation:
    """Write one seed page into `folder`, then generate decks from the whole folder."""
    (folder / name).write_text(text, encoding="utf-8")
    return generate([folder])


def drop_reasons(generation: Generation) -> dict[str, str]:
    """Why each dropped line was dropped, by its text."""
    return {line.text: line.reason for _, line in generation.dropped_lines}


def page_cards(folder: Path, name: str, text: str) -> list:
    """The cards of every deck generated after writing one seed page into `folder`."""
    return all_cards(generate_page(folder, name, text))


def cloze_prompts(cards: list) -> dict[str, str]:
    """Each cloze card's prompt, by its answer."""
    return {card.answer: card.prompt for card in cards if card.kind == "cloze"}


def answers_by_prompt(cards: list, kind: str) -> dict[str, str]:
    """Each card's answer of one kind ("cloze", "question"), by its prompt."""
    return {card.prompt: card.answer for card in cards if card.kind == kind}


def test_project_seeds_give_many_cards_each_with_its_source(project_generation):
    cards = all_cards(project_generation)
    assert len(cards) >= 30
    for card in cards:
        assert card.source.file.startswith("seeds/")
        assert card.source.text and card.source.title and card.source.published
        assert card.kind in ("cloze", "question", "choice")


def test_every_kind_of_card_is_made(project_generation):
    kinds = {card.kind for card in all_cards(project_generation)}
    assert kinds == {"cloze", "question", "choice"}


def test_committed_decks_are_what_the_generator_writes(project_generation):
    """decks/ must be regenerated whenever the seeds or the generator change."""
    committed = {path.name: path.read_text(encoding="utf-8") for path in (ROOT / "decks").glob("*.toml")}
    generated = {f"{deck.name}.toml": dump_deck(deck) for deck in project_generation.decks}
    assert committed == generated


def test_generation_is_byte_identical(tmp_path: Path, project_generation):
    write_decks(tmp_path / "a", project_generation.decks)
    write_decks(tmp_path / "b", generate([ROOT / "seeds"]).decks)
    for path in (tmp_path / "a").iterdir():
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes()


def test_a_run_hands_its_result_to_the_collector_as_long_lived():
    """Handed over as young, every object of the result would be scanned by the collector's next pass."""
    result = generate([ROOT / "seeds"])
    oldest = {id(obj) for obj in gc.get_objects(generation=2)}
    assert id(result.decks[0]) in oldest and id(result.decks[-1].cards) in oldest
    assert gc.get_freeze_count() == 0


def test_choices_hold_the_answer_once_and_distinct_distractors(project_generation):
    for card in all_cards(project_generation):
        if card.kind == "choice":
            assert len(card.choices) == 4
            assert card.choices.count(card.answer) == 1
            assert len({c.casefold() for c in card.choices}) == 4


def test_the_answer_takes_every_place_among_the_choices_about_equally(project_generation):
    """Where the answer sits must give nothing away: no place holds it much more often than another."""
    places = Counter(card.choices.index(card.answer) for card in all_cards(project_generation) if card.kind == "choice")
    total = sum(places.values())
    assert total >= 40
    assert set(places) == {0, 1, 2, 3}
    assert max(places.values()) <= 0.4 * total, places


@needs_shared
def test_number_choices_are_distinct_values_of_like_size(project_generation, shared_generation):
    """'6' and 'six' never sit side by side, and 'one' is never offered against '100 million'."""
    from quiz.generate.cards import _number_value

    checked = 0
    for card in all_cards(project_generation) + all_cards(shared_generation):
        if card.kind != "choice" or card.answer_type not in ("count", "money", "percent", "year"):
            continue
        values = [_number_value(choice) for choice in card.choices]
        answer = _number_value(card.answer)
        assert len(set(values)) == 4, card.choices
        assert all(max(v, answer) / min(v, answer) <= 100 for v in values), card.choices
        checked += 1
    assert checked >= 25  # enough cards for the check to mean something


@needs_shared
def test_countries_among_countries_and_regulators_among_regulators(project_generation, shared_generation):
    from quiz.generate.spans import GOVERNING_WORDS, countries

    for card in all_cards(project_generation) + all_cards(shared_generation):
        if card.kind == "choice" and card.answer_type == "place":
            assert len({choice in countries() for choice in card.choices}) == 1, card.choices
        if card.kind == "choice" and card.answer_type == "organisation":
            assert len({choice.split()[-1].lower() in GOVERNING_WORDS for choice in card.choices}) == 1, card.choices


def test_a_regulator_named_after_a_bank_is_not_a_bank(tmp_path: Path):
    from quiz.generate.spans import entity_kind, find_spans

    regulator = "The China Banking and Insurance Regulatory Commission approved the bank."
    assert "China Banking and Insurance Regulatory Commission" in {span.text for span in find_spans(regulator)}
    regulator = "The Federal Competition and Consumer Protection Commission approved 425 apps."
    assert "Federal Competition and Consumer Protection Commission" in {span.text for span in find_spans(regulator)}

    assert entity_kind("Bank of China Insurance Regulatory Commission") == "organisation"
    assert entity_kind("Hong Kong Monetary Authority") == "organisation"
    assert entity_kind("Bank of Beijing") == "bank"


def test_a_currency_code_or_month_before_the_first_digit_stays_in_its_answer():
    from quiz.generate.spans import find_spans

    def answers(sentence: str) -> set[tuple[str, str]]:
        return {(span.text, span.type) for span in find_spans(sentence)}

    assert ("HKD 5 million", "money") in answers("Orbit Pay raised HKD 5 million from two funds.")
    assert ("Rs. 40 crore", "money") in answers("Orbit Pay lent Rs. 40 crore to farmers.")
    # However wide the space between the month and the year.
    assert ("September \u00a0 2019", "date") in answers("In September \u00a0 2019 Orbit Pay opened 12 branches.")


def test_a_month_abbreviated_without_a_stop_is_a_date():
    from quiz.generate.spans import find_spans

    def dates(sentence: str) -> set[str]:
        return {span.text for span in find_spans(sentence) if span.type == "date"}

    assert dates("XW Bank opened in Chengdu in Dec 2016.") == {"Dec 2016"}
    assert dates("Xiaomi Finance was spun off on 27 Sept 2018.") == {"27 Sept 2018"}


def test_a_day_written_year_first_is_one_date_and_a_range_of_years_is_not():
    from quiz.generate.spans import find_spans

    def dates(sentence: str) -> set[str]:
        return {span.text for span in find_spans(sentence) if span.type == "date"}

    assert dates("Kite Pay received its e-money licence on 2021-03-15.") == {"2021-03-15"}
    assert not dates("Kite Pay's revenue in fiscal 2023-24 was $12 million.")
    assert not dates("Its code 2021-13-40 is no day.")


def test_a_count_in_words_keeps_its_scale():
    from quiz.generate.spans import find_spans

    spans = find_spans("Kite Pay passed one million users in 2023.")
    assert ("one million", "count") in {(span.text, span.type) for span in spans}


def test_a_british_papers_pc_is_a_percent():
    from quiz.generate.spans import find_spans

    assert ("3.1pc", "percent") in {(span.text, span.type) for span in find_spans("Its margin widened to 3.1pc.")}


def test_answers_are_short(project_generation):
    for card in all_cards(project_generation):
        assert len(card.answer.split()) <= 6, card


def test_list_items_become_one_card_each(project_generation):
    partners = [c for c in all_cards(project_generation) if "lending partners" in c.prompt]
    assert {c.answer for c in partners} >= {"KreditBee", "ZestMoney", "CreditVidya"}
    assert all(c.kind == "choice" for c in partners)


BOILERPLATE_WORDS = re.compile(
    r"advertisement|see also|subscribe|newsletter|facebook page|twitter|photo credit|photo source|translated by"
    r"|tmtpost|superbonic|current location|write an article|produced by|professional blogger|must read",
    re.I,
)


@needs_shared
def test_real_articles_give_cards_and_no_boilerplate(shared_generation):
    cards = all_cards(shared_generation)
    assert len(cards) >= 60
    for card in cards:
        assert not BOILERPLATE_WORDS.search(card.prompt + " " + card.source.text), card.prompt


@needs_shared
def test_real_articles_never_quiz_a_garbled_number(shared_generation):
    for card in all_cards(shared_generation):
        for text in (card.prompt, card.answer, card.source.text, *card.choices):
            assert garbled_number(text) is None, text
            assert "65438" not in text.replace(",", "").replace(".", "")


@needs_shared
def test_real_articles_garbled_sentences_are_reported(shared_generation):
    reasons = [s.reason for s in shared_generation.skipped_sentences if s.reason.startswith("garbled")]
    assert len(reasons) >= 5
    dropped = {line.reason for _, line in shared_generation.dropped_lines}
    assert {"advertisement", "link box", "footer", "byline", "photo credit", "navigation"} <= dropped


@needs_shared
def test_real_articles_key_facts_are_covered(shared_generation):
    answers = {card.answer for card in all_cards(shared_generation)}
    for fact in ("90 percent", "450 million yuan", "30%", "Zhao Weixing", "3 billion RMB", "Bank of Beijing"):
        assert fact in answers


NOISY = """---
title: Acme opens a lab
published: 2021-06-01
---
Home > News > Tech
By Jane Writer
Jane Writer
Staff reporter who loves gadgets and long walks.
- Advertisement -
SEE ALSO: Ten gadgets you must buy
Acme Robotics opened a research lab in Lisbon in March 2021.
Photo: the new lab (photo credit: Acme)
Credit: Lena Ortiz, Harbour Daily.
A robot arm at work in the new lab. (Source: Harbour Daily)
The lab cost 40 million euros and employs 120 engineers.
Acme holds 20 percent of the lab's spin-off, while Beta Corp holds 80 percent.
In 20 21, the lab filed 65438+ 10 patents.
Could this change robotics forever?
Read more: https://example.com/acme
Subscribe to our newsletter
Get the best stories every week in your inbox, free of charge, forever.
"""


def test_crafted_noise_is_skipped(tmp_path: Path):
    (tmp_path / "acme.md").write_text(NOISY, encoding="utf-8")
    result = generate([tmp_path / "acme.md"])
    cards = all_cards(result)
    sources = {card.source.text for card in cards}
    assert sources == {
        "Acme Robotics opened a research lab in Lisbon in March 2021.",
        "The lab cost 40 million euros and employs 120 engineers.",
        "Acme holds 20 percent of the lab's spin-off, while Beta Corp holds 80 percent.",
    }
    answers = {card.answer for card in cards}
    assert {"March 2021", "40 million euros", "20 percent"} <= answers
    assert cards[0].source.published == "2021-06-01"
    reasons = {line.reason for _, line in result.dropped_lines}
    assert {"navigation", "byline", "author bio", "advertisement", "link box", "photo credit", "footer"} <= reasons
    credits = {line.text for _, line in result.dropped_lines if line.reason == "photo credit"}
    assert {
        "Credit: Lena Ortiz, Harbour Daily.",
        "A robot arm at work in the new lab. (Source: Harbour Daily)",
    } <= credits


def test_bom_and_legacy_encodings_are_read(tmp_path: Path):
    text = "Zürich Bank lent 5 million francs to Café Group in April 2020.\n"
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode())
    (tmp_path / "latin.txt").write_bytes(text.replace("Zürich", "Zurich").encode("cp1252"))
    # What Windows editors save as "Unicode": UTF-16 with a byte-order mark, either byte order.
    (tmp_path / "wide.txt").write_bytes(text.replace("Zürich", "Genève").encode("utf-16"))
    (tmp_path / "wide-be.txt").write_bytes(b"\xfe\xff" + text.replace("Zürich", "Köln").encode("utf-16-be"))
    result = generate([tmp_path])
    assert {deck.name for deck in result.decks} == {"bom", "latin", "wide", "wide-be"}
    assert not any(card.source.text.startswith("\ufeff") for card in all_cards(result))
    assert not result.skipped_files


def test_binary_and_empty_files_are_reported_not_fatal(tmp_path: Path):
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "good.md").write_text("Acme Robotics opened a research lab in Lisbon in March 2021.\n")
    result = generate([tmp_path])
    assert {s.reason for s in result.skipped_files} == {"empty file", "binary file"}
    assert [deck.name for deck in result.decks] == ["good"]


def test_bad_front_matter_names_the_file_and_line(tmp_path: Path):
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\nBody text here for sure.\n")
    with pytest.raises(QuizError, match=r"bad.md:\d+: invalid front matter"):
        generate([tmp_path / "bad.md"])


def test_missing_seed_path_is_a_clear_error(tmp_path: Path):
    with pytest.raises(QuizError, match="no such seed file or folder"):
        generate([tmp_path / "nope"])


def test_regeneration_keeps_ids_of_unchanged_facts(tmp_path: Path):
    seed = tmp_path / "s.md"
    seed.write_text("Acme opened a lab in Lisbon in March 2021.\nBeta Corp bought 30 percent of Gamma Ltd in 2019.\n")
    before = {c.source.text: c.id for c in all_cards(generate([seed]))}
    seed.write_text("Acme opened a lab in Lisbon in March 2021.\nBeta Corp bought 35 percent of Gamma Ltd in 2019.\n")
    after = {c.source.text: c.id for c in all_cards(generate([seed]))}
    unchanged = "Acme opened a lab in Lisbon in March 2021."
    assert before[unchanged] == after[unchanged]
    assert set(before.values()) != set(after.values())


def test_generated_decks_load_back(tmp_path: Path, project_generation):
    write_decks(tmp_path, project_generation.decks)
    loaded = [load_deck(path) for path in deck_paths(tmp_path)]
    assert [len(d.cards) for d in loaded] == [len(d.cards) for d in project_generation.decks]


GOLDEN = ROOT / "tests" / "golden" / "shared_seeds.json"


@needs_shared
def test_real_articles_golden_summary(shared_generation):
    """Counts per deck and kind, and a digest of the deck files: any change to the generator's output
    on the real articles shows here. The articles' text stays out of the repository; only the digest
    is kept. After an intended change: QUIZ_UPDATE_GOLDEN=1 pytest tests/test_generate.py"""
    import hashlib
    import json
    import os

    summary = {
        deck.name: {
            "cards": len(deck.cards),
            "kinds": {kind: sum(c.kind == kind for c in deck.cards) for kind in ("cloze", "question", "choice")},
            "digest": hashlib.sha256(dump_deck(deck).encode()).hexdigest()[:16],
        }
        for deck in shared_generation.decks
    }
    if os.environ.get("QUIZ_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n")
    assert summary == json.loads(GOLDEN.read_text())


def test_zero_width_and_no_break_spaces_read_as_nothing_and_a_space(tmp_path: Path):
    (tmp_path / "odd.txt").write_text(
        "\u200bXiaomi Pay launched in Poland in July 2020.\n\nXiaomi said 3\u00a0million users signed up in 2021.\n",
        encoding="utf-8",
    )
    cards = all_cards(generate([tmp_path / "odd.txt"]))
    texts = {card.source.text for card in cards}
    assert "Xiaomi Pay launched in Poland in July 2020." in texts, texts
    assert "3 million" in {card.answer for card in cards}


def test_reference_style_links_keep_their_text_and_markup_alone_is_dropped(tmp_path: Path):
    generation = generate_page(
        tmp_path,
        "streams.md",
        "Orbit Pay offers these wallets:\n\n* [Orbit Wallet][]\n* [Orbit Card][card]\n* [orbit wallet lite][]\n"
        "* ![logo](logo.png)\n\n"
        "Read the [Orbit Pay guide][guide] for 2024 prices.\n",
    )
    assert drop_reasons(generation)["* ![logo](logo.png)"] == "markup"
    kept, _ = content_lines((tmp_path / "streams.md").read_text(), 1)
    assert [line.text for line in kept] == [
        "Orbit Wallet",
        "Orbit Card",
        "orbit wallet lite",
        "Read the Orbit Pay guide for 2024 prices.",
    ]


def test_control_characters_never_reach_a_card(tmp_path: Path):
    (tmp_path / "evil.md").write_text(
        "Acme \x1b[2J\x07opened a lab in Lisbon in March 2021.\n\nAcme &#27;[2Jhired 40 staff in Porto in 2022.\n"
    )
    cards = all_cards(generate([tmp_path / "evil.md"]))
    assert {card.answer for card in cards} >= {"March 2021", "2022"}
    assert all("\x1b" not in c.prompt + c.source.text and "\x07" not in c.prompt for c in cards)


BLOG = """Home / Business / Fintech
Listen to this article
We use cookies to improve your experience. Accept all cookies
Northwind Bank launches mobile wallet in Kenya
By Maria Lopez | March 3, 2022 | 4 min read
Updated: 12 March 2022
Image: Getty Images
Northwind Bank launched its mobile wallet in Kenya on 1 March 2022.
The wallet lets customers send money to 14 countries without fees.
Northwind Bank expects 2 million users by the end of 2023, chief executive Samuel Otieno said.
The bank invested 25 million dollars in the project.
Click here to read our full coverage of African fintech.
Related Posts
Five apps changing how Kenyans save
Tags: fintech, Kenya, mobile money
Share this:
Twitter
Facebook
Posted in Business
3 Comments
John Doe says:
March 4, 2022 at 10:15 am
Great news for Nairobi!
© 2022 Example Media. All rights reserved.
"""


def test_a_blog_page_with_other_furniture(tmp_path: Path):
    """Noise of another site's shape: breadcrumbs, cookie banner, read time, tags, share buttons, comments."""
    (tmp_path / "blog.txt").write_text(BLOG, encoding="utf-8")
    result = generate([tmp_path / "blog.txt"])
    [deck] = result.decks
    assert deck.title == "Northwind Bank launches mobile wallet in Kenya"
    assert {card.source.text for card in deck.cards} <= {
        "Northwind Bank launched its mobile wallet in Kenya on 1 March 2022.",
        "The wallet lets customers send money to 14 countries without fees.",
        "Northwind Bank expects 2 million users by the end of 2023, chief executive Samuel Otieno said.",
        # "The bank" is named after the subject of the sentence before.
        "Northwind Bank invested 25 million dollars in the project.",
    }
    assert {"1 March 2022", "14", "25 million dollars"} <= {card.answer for card in deck.cards}
    reasons = {line.reason for _, line in result.dropped_lines}
    assert {"navigation", "page furniture", "byline", "timestamp", "photo credit", "link box", "footer"} <= reasons


def test_reports_name_the_files_own_lines_after_front_matter(tmp_path: Path):
    text = (
        "---\ntitle: Orbit Pay\npublished: 2021-05-02\n---\n\n"
        "Advertisement\n"
        "Orbit Pay opened 12 branches in Porto in 2021.\n"
        "Orbit Pay lent 65438+ 10 17 euros in its first year.\n"
    )
    (tmp_path / "orbit.md").write_text(text, encoding="utf-8")
    result = generate([tmp_path / "orbit.md"])
    lines = text.splitlines()
    [(_, dropped)] = result.dropped_lines
    [skipped] = result.skipped_sentences
    assert lines[dropped.number - 1] == "Advertisement"
    assert lines[skipped.line - 1] == skipped.text


def test_reference_and_read_time_rules_fire_anywhere_in_a_line(tmp_path: Path):
    """A reference list without "^" marks, and a read time after the author's name."""
    (tmp_path / "refs.md").write_text(
        "Orbit Pay opened 12 branches in Porto in 2021.\n"
        "Tom Baker · 6 min read\n"
        "Lee, K. (2021). Orbit Pay annual report 2020. Retrieved 4 May 2022.\n"
        "Orbit Pay: a history of Portuguese payments, ISBN 978-0-00-000000-2, 2019.\n",
        encoding="utf-8",
    )
    result = generate([tmp_path / "refs.md"])
    assert {card.source.text for card in all_cards(result)} == {"Orbit Pay opened 12 branches in Porto in 2021."}
    reasons = {line.number: line.reason for _, line in result.dropped_lines}
    assert reasons == {2: "page furniture", 3: "reference", 4: "reference"}


WIRE = """Skip to main content
Markets | Technology | Finance
Orbit Pay to sell bonds backed by consumer loans
By Ana Ruiz and Tom Baker
4 MIN READ
Updated 3 hours ago
LISBON (Wire) - Orbit Pay plans to raise 2 billion euros with loan-backed bonds, people familiar with the matter said.
Advertisement
Story continues below advertisement
Orbit Pay was set up in 2015 and runs a lending app used by about 30 million people.
Related Coverage
Orbit Pay Shares Rise After Results
The bonds will be arranged by Banco Azul, according to a term sheet seen by Wire.
According to Lumen Research, Orbit Pay lent 40 billion euros in 2018.
Porto-based Cobalt Bank sold a similar bond in March 2019.
(Reporting by Ana Ruiz in Lisbon; Editing by Tom Baker)
Our Standards: The Wire Trust Principles.
Sign up for our daily newsletter
"""


def test_a_wire_story_dateline_attributions_and_link_lines(tmp_path: Path):
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    result = generate([tmp_path])
    assert result.decks[0].title == "Orbit Pay to sell bonds backed by consumer loans"
    cards = all_cards(result)
    texts = {card.source.text for card in cards}
    # The dateline and an unnamed reporter are not part of the fact.
    assert "Orbit Pay plans to raise 2 billion euros with loan-backed bonds." in texts
    assert not [text for text in texts if "LISBON" in text or "familiar with the matter" in text]
    # Who reported a fact is never the answer; a where-from modifier is not part of a name.
    answers = {card.answer for card in cards}
    assert not answers & {"Wire", "Lumen Research", "Porto-based Cobalt Bank"}
    assert {"2 billion euros", "2015", "40 billion euros", "March 2019", "Cobalt Bank"} <= answers
    dropped = drop_reasons(result)
    assert dropped["Orbit Pay Shares Rise After Results"] == "link box"
    assert dropped["Our Standards: The Wire Trust Principles."] == "heading or caption"


def test_the_links_under_a_link_box_label_and_a_headline_under_a_site_menu(tmp_path: Path):
    generation = generate_page(
        tmp_path,
        "pandaily.txt",
        "Pandaily\nHome  News  Fintech\nXiaomi Finance Rebrands as Tianxing Digital Technology\nWritten by Chen Yu\n"
        "Xiaomi Finance, the fintech arm of Xiaomi, changed its name to Tianxing Digital Technology in June 2020.\n"
        "Related Articles\nXiaomi's Airstar Bank Opens in Hong Kong\nLei Jun: Xiaomi Will Invest $1.5B In Smart Cars\n"
        "Tianxing serves 40 million users.\n",
    )
    # A headline under a menu's words is no author's bio: it is the title.
    assert generation.decks[0].title == "Xiaomi Finance Rebrands as Tianxing Digital Technology"
    reasons = drop_reasons(generation)
    assert reasons["Lei Jun: Xiaomi Will Invest $1.5B In Smart Cars"] == "link box"
    # The story's next sentence ends the links.
    assert "Tianxing serves 40 million users." in {card.source.text for card in all_cards(generation)}


TECH_NEWS = """Home > Fintech > Lending

# Orbit Pay's lending arm posts first profit

Editor: Ana Ruiz | March 18, 2020 | 3 comments

Orbit Holdings (LIS: ORB) said its lending business turned a profit of EUR 120m in 2019.

The unit issued loans worth US$4.2bn last year, up 36% from a year earlier.

Orbit Pay is led by Rita Gomes, who co-founded Orbit Holdings in 2010.

The lender charges annual interest of up to 24%, the cap set by the regulator.

Orbit Pay's Singapore arm has lent more than S$300 million to small firms since 2021.

This article was first published in our weekly newsletter.

Share on Facebook · Share on X
"""


def test_a_comment_count_under_the_headline_does_not_end_the_article(tmp_path: Path):
    (tmp_path / "news.md").write_text(TECH_NEWS, encoding="utf-8")
    cards = all_cards(generate([tmp_path]))
    texts = {card.source.text for card in cards}
    # "The lender" is named after the subject of the sentence before.
    assert "Orbit Pay charges annual interest of up to 24%, the cap set by the regulator." in texts
    # Tickers are not facts; abbreviated amounts are whole answers, never part of a number.
    assert "Orbit Holdings said its lending business turned a profit of EUR 120m in 2019." in texts
    answers = {card.answer for card in cards}
    assert {"EUR 120m", "US$4.2bn", "36%", "24%", "S$300 million"} <= answers
    assert not [card.prompt for card in cards if re.search(r"\[\.\.\.\][.,]?\d|[\dA-Z]\[\.\.\.\]", card.prompt)]


ENCYCLOPEDIA = """Orbit Pay
From Wikipedia, the free encyclopedia
Jump to navigation Jump to search
Orbit Pay (Portuguese: Pagamento Órbita; Japanese: オービット) is the payments arm of Orbit Holdings.[1]
History[edit]
Orbit Pay was launched in 2015 as Orbit Wallet.[2][3] In 2018 it was renamed Orbit Pay.[citation needed]
By 2019 the wallet had served over 20 million customers.[4]
See also[edit]
Cobalt Bank
References[edit]
^ "Orbit Pay profile". Example News. 12 May 2019. Retrieved 3 June 2020.
^ Silva, Rui (2016). Mobile money in Portugal. p. 42.
Categories: Payment companies | Orbit Holdings
This page was last edited on 4 May 2021, at 10:12 (UTC).
"""


def test_an_encyclopedia_page_with_reference_marks_and_a_reference_list(tmp_path: Path):
    (tmp_path / "orbit.txt").write_text(ENCYCLOPEDIA, encoding="utf-8")
    cards = all_cards(generate([tmp_path]))
    texts = {card.source.text for card in cards}
    # The reference marks go, the gloss in other scripts goes; "In 2018 it was renamed Orbit Pay"
    # would read "Orbit Pay was renamed Orbit Pay" with its pronoun resolved, so it is no card.
    assert texts == {
        "Orbit Pay is the payments arm of Orbit Holdings.",
        "Orbit Pay was launched in 2015 as Orbit Wallet.",
        "By 2019 the wallet had served over 20 million customers.",
    }
    assert not [text for text in texts if "[" in text or "Retrieved" in text or "Portugal" in text or "オ" in text]
    assert {"2015", "2019", "20 million"} <= {card.answer for card in cards}


def test_press_release_datelines_go_and_a_bare_dash_stays(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "release.txt",
        "NEWS PROVIDED BY\nOrbit Pay\nJun 02, 2021, 08:00 ET\n"
        "LISBON, Portugal, June 2, 2021 /PRNewswire/ -- Orbit Pay opened 12 branches in Porto.\n"
        "BCP - the largest lender in Porto - opened 40 branches in 2019.\n",
    )
    texts = {card.source.text for card in cards}
    # With no front matter, the date comes from the stamp above the content.
    assert {card.source.published for card in cards} == {"2021-06-02"}
    assert texts == {
        "Orbit Pay opened 12 branches in Porto.",
        "BCP - the largest lender in Porto - opened 40 branches in 2019.",
    }


NOTES = """# Solar power in Chile

![A solar farm](https://example.com/farm.jpg)

> "This is a turning point for our energy system," the minister said.

Chile's Atacama Desert receives more solar radiation than anywhere else on Earth.
In 2021, solar plants produced **17 percent** of Chile's electricity.
The [Cerro Dominador](https://example.com/cd) plant opened in June 2021 near Calama.

| Year | Share |
|------|-------|
| 2019 | 11%   |
| 2021 | 17%   |

Key facts:

1. Cerro Dominador stores heat in molten salt.
2. Its tower is 252 metres tall.

<div class="ad">Sponsored: buy panels now</div>

<hr class="divider"/>

```python
print("not content")
```
"""


def test_code_html_and_images_are_not_content_but_a_tables_cells_are(tmp_path: Path):
    (tmp_path / "notes.md").write_text(NOTES, encoding="utf-8")
    result = generate([tmp_path / "notes.md"])
    [deck] = result.decks
    assert deck.title == "Solar power in Chile"
    texts = " ".join(card.source.text + " " + card.prompt for card in deck.cards)
    for noise in ("print(", "Sponsored", "| 2019", "example.com", "turning point"):
        assert noise not in texts
    assert {"17 percent", "June 2021", "252"} <= {card.answer for card in deck.cards}
    # The table's rows are years: each is one of what the title says.
    assert "Solar power in Chile, 2019 — Share: 11%" in {card.source.text for card in deck.cards}
    reasons = {line.reason for _, line in result.dropped_lines}
    assert {"table", "code block", "HTML"} <= reasons


def test_a_tables_cells_are_labelled_values_of_what_their_row_names(tmp_path: Path):
    generation = generate_page(
        tmp_path,
        "banks.md",
        "# Virtual banks in Hong Kong\n\n"
        "| Bank | Owner | Launched |\n"
        "| --- | :---: | --- |\n"
        "| **Airstar Bank** | Xiaomi | June 2020 |\n"
        "| ZA Bank | ZhongAn | March 2020 |\n"
        "| WeLab Bank | WeLab | n/a |\n\n"
        "| not | a table without its rule |\n"
        "| 2021 | 3 branches |\n\n"
        "Mox Bank opened in September 2020.\n",
    )
    by_source = {card.source.text: card.answer for card in all_cards(generation) if card.kind == "cloze"}
    assert by_source["Airstar Bank — Launched: June 2020"] == "June 2020"
    # The name alone in its cell is a fact: its column and row say what it is of what.
    assert by_source["ZA Bank — Owner: ZhongAn"] == "ZhongAn"
    # No empty cell, no table without its rule, and the text after a table reads as before.
    assert not [text for text in by_source if "n/a" in text or "branches" in text or "| " in text]
    assert "Mox Bank opened in September 2020." in by_source


def test_a_table_of_figures_is_of_what_the_document_is_about(tmp_path: Path):
    """'Revenue' names nobody's revenue: the row is the firm's the release is about."""
    cards = page_cards(
        tmp_path,
        "results.md",
        "# Orbit Pay reports third-quarter results\n\n"
        "Orbit Pay posted its first profit in the quarter. Orbit Pay now serves six markets.\n\n"
        "| Metric | Q3 2025 | Q3 2024 |\n|---|---|---|\n"
        "| Revenue | US$214 million | US$167 million |\n"
        "| Keel Bank deposits | US$40 million | US$12 million |\n",
    )
    texts = {card.source.text for card in cards}
    assert "Orbit Pay — Revenue — Q3 2025: US$214 million" in texts, texts
    assert "Keel Bank deposits — Q3 2025: US$40 million" in texts, texts


def questions_from(folder: Path, text: str) -> dict[str, str]:
    """The short-answer questions generated from one document: prompt -> answer."""
    return answers_by_prompt(page_cards(folder, "doc.md", text), "question")


def test_no_question_guesses_the_tense_of_a_verb_whose_past_is_its_base(tmp_path: Path):
    questions = questions_from(
        tmp_path,
        "Tickets cost S$1,200 before 31 August.\n\nOrbit Pay raised US$40 million in 2021.\n",
    )
    assert not [question for question in questions if "tickets cost" in question]
    assert questions["How much did Orbit Pay raise in 2021?"] == "US$40 million"


def test_a_fact_box_on_one_line_is_its_labelled_values_and_a_byline_with_bars_is_no_box(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "kite.md",
        "# Kite Pay\n\nKite Pay is a Kenyan mobile wallet founded by Amina Odhiambo.\n\n"
        "At a glance: Founded: 2016 | Headquarters: Nairobi | Users: 3.2 million\n\n"
        "Editor: Ana Ruiz | Photos: Li Wei\n\nAna Ruiz | Reuters | 3 May 2024\n",
    )
    prompts = cloze_prompts(all_cards(result))
    assert prompts["2016"] == "Kite Pay — Founded: [...]"
    assert prompts["3.2 million"] == "Kite Pay — Users: [...]"
    assert "Ana Ruiz" not in prompts and "Li Wei" not in prompts
    assert {line.reason for _, line in result.dropped_lines if line.number in (7, 9)} == {"byline", "photo credit"}


def test_a_papers_reference_marks_and_statistical_asides_leave_no_trace(tmp_path: Path):
    prompts = cloze_prompts(
        page_cards(
            tmp_path,
            "paper.md",
            "Safaricom launched M-Pesa in Kenya in 2007 [1].\n\n"
            "Households within 2 km of an agent saved 18% more (95% CI: 11-25%) than those farther away.\n",
        )
    )
    assert prompts["2007"] == "Safaricom launched M-Pesa in Kenya in [...]."
    assert prompts["18%"] == "Households within 2 km of an agent saved [...] more than those farther away."
    assert "95%" not in prompts


def test_a_firms_own_page_speaks_for_it_as_we(tmp_path: Path):
    prompts = cloze_prompts(
        page_cards(
            tmp_path, "lumo.md", "# About Lumo\n\nLumo was founded in Tallinn in 2018. We employ 350 people in Riga.\n"
        )
    )
    assert prompts["350"] == "Lumo employs [...] people in Riga."


def test_counts_get_how_many_questions(tmp_path: Path):
    questions = questions_from(
        tmp_path,
        "Orbit Pay opened 12 branches in Porto.\n\n"
        "Cobalt Bank already controlled 1 leasing company and 14 rural banks.\n\n"
        "Initech reported more than 3 million registered users.\n\n"
        "Globex was 20 years old.\n\n"
        "Harbor Pay employs 900 people across four countries.\n\n"
        "Vandelay hired 40 other engineers in Lisbon.\n",
    )
    assert questions["How many branches did Orbit Pay open in Porto?"] == "12"
    # A function word ends what is counted; an irregular plural counts too; a modifier stays with its noun.
    assert questions["How many people does Harbor Pay employ across four countries?"] == "900"
    assert questions["How many other engineers did Vandelay hire in Lisbon?"] == "40"
    assert questions["How many rural banks did Cobalt Bank already control?"] == "14"
    assert questions["How many registered users did Initech report?"] == "3 million"
    assert not [prompt for prompt in questions if prompt.startswith("How many") and "Globex" in prompt]


def test_a_pronoun_after_a_leading_phrase_with_commas_is_resolved_or_the_sentence_skipped(tmp_path: Path):
    (tmp_path / "harbor.md").write_text(
        "Harbor Bank opened its first branch in Portland in 1868.\n"
        "In 1931, during the Great Depression, it absorbed the failing Casco Trust.\n\n"
        "The fund was set up by 14 ship owners.\n"
        "In 1970, after a long strike, it closed 3 branches in Bath.\n\n"
        "On 5 May 2021, it was reported that Casco Trust had sold 12 branches to Orbit Pay.\n\n"
        "It is likely that Casco Trust will close 5 more branches in 2022.\n",
        encoding="utf-8",
    )
    result = generate([tmp_path / "harbor.md"])
    texts = {card.source.text for card in all_cards(result)}
    assert "In 1931, during the Great Depression, Harbor Bank absorbed the failing Casco Trust." in texts
    # "it was reported" refers to nothing: the sentence stays as it is.
    assert "On 5 May 2021, it was reported that Casco Trust had sold 12 branches to Orbit Pay." in texts
    assert not [text for text in texts if " it " in text and "it was reported" not in text]
    # A hedge is no fact, whatever its subject.
    assert not [text for text in texts if "likely" in text]
    assert [s.line for s in result.skipped_sentences if "pronoun" in s.reason] == [5, 9]


def test_a_firm_named_by_an_everyday_word_is_what_its_stands_for(tmp_path: Path):
    """'Kestrel' is an English word, but the page names it mid-sentence: a sentence starting with
    it is about the bank, and the 'Its' after it is the bank's."""
    texts = {
        card.source.text
        for card in page_cards(
            tmp_path,
            "kestrel.md",
            "By the end of 2022 Kestrel had 610,000 customers.\n\n"
            "Kestrel offers current accounts and consumer loans. Its savings account paid 4.1% in 2024.\n",
        )
    }
    assert "Kestrel's savings account paid 4.1% in 2024." in texts, texts


def test_an_object_named_in_the_sentence_before_brings_that_sentence(tmp_path: Path):
    """'Caixa Bank joined it in 2022', 'Among its rivals': what 'it' is, the sentence before says;
    not 'them' in '... 1.4 million customers, a third of them in ...', which is the sentence's own."""
    cards = page_cards(
        tmp_path,
        "pix.md",
        "Inter Bank joined Pix in 2021. Caixa Bank joined it in 2022.\n\n"
        "Kasa Bank raised US$35 million in 2020. By 2023 Kasa Bank served 1.4 million customers, a third of them"
        " in rural counties.\n\n"
        "Airstar Bank lost HK$165 million last year. Among its rivals, ZA Bank had 800,000 users.\n\n"
        "Tencent owns 30% of WeBank. Other owners include Baiyeyuan Investment and Liye Group.\n\n"
        "Keel Bank opened in 2019. In its first year, Orbit Pay lent 40 million euros.\n\n"
        "Orbit Pay won a licence in February 2014. In June of the same year, Orbit Pay bought a stake in Lumo.\n\n"
        "Mox Bank lost HK$100 million in 2021. Deposits stood at HK$7.2 billion at the end of the year.\n\n"
        "The Monetary Policy Committee cut the rate to 4.25%. Two members, Sam Okafor and Jun Takeda, voted to hold.\n",
    )
    prompts = cloze_prompts(cards)
    assert prompts["2022"] == "Inter Bank joined Pix in 2021. Caixa Bank joined it in [...].", prompts
    assert (
        prompts["800,000"] == "Airstar Bank lost HK$165 million last year. Among its rivals, ZA Bank had [...] users."
    )
    assert prompts["1.4 million"].startswith("By 2023 Kasa Bank served"), prompts
    assert prompts["Liye Group"] == "Tencent owns 30% of WeBank. Other owners include Baiyeyuan Investment and [...]."
    assert prompts["Lumo"] == (
        "Orbit Pay won a licence in February 2014. In June of the same year, Orbit Pay bought a stake in [...]."
    ), prompts
    assert prompts["HK$7.2 billion"] == (
        "Mox Bank lost HK$100 million in 2021. Deposits stood at [...] at the end of the year."
    ), prompts
    assert prompts["Sam Okafor"] == (
        "The Monetary Policy Committee cut the rate to 4.25%. Two members, [...] and Jun Takeda, voted to hold."
    ), prompts
    # "In its first year, Orbit Pay ...": its is the subject's.
    assert prompts["40 million euros"] == "In its first year, Orbit Pay lent [...].", prompts


def test_a_transcripts_spoken_so_that_s_and_leading_phrases_before_it(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "podcast.md",
        "# Episode 142: How M-Pesa changed Kenya\n\n"
        "[00:01:03] OTIENO: So M-Pesa launched in March 2007, run by Safaricom. Within four years it had around"
        " 14 million users.\n\n"
        "[00:04:18] OTIENO: Safaricom earned about 140 billion shillings from M-Pesa in 2024. That's roughly 40"
        " percent of its service revenue.\n\n"
        "[00:05:02] OTIENO: Orbit Pay is a wallet run by Safaricom. Founded in 2017, it operates in six markets."
        " So far, Orbit Pay has 3 million users.\n",
    )
    prompts = cloze_prompts(cards)
    assert prompts["March 2007"] == "M-Pesa launched in [...], run by Safaricom."
    assert prompts["14 million"] == "Within four years, M-Pesa had around [...] users."
    assert prompts["40 percent"] == (
        "Safaricom earned about 140 billion shillings from M-Pesa in 2024. That's roughly [...] of its service revenue."
    )
    assert prompts["six"] == "Founded in 2017, Orbit Pay operates in [...] markets."
    assert prompts["3 million"] == "So far, Orbit Pay has [...] users."


def test_a_press_releases_letterhead_is_no_title_and_each_points_back(tmp_path: Path):
    generation = generate_page(
        tmp_path,
        "release.txt",
        "MONETARY AUTHORITY OF LUMERIA\n\nPRESS RELEASE\n\nAuthority grants two digital banking licences\n\n"
        "The authority granted licences to Keel Digital Bank and Orchid Bank in March 2025. Each must hold"
        " capital of 1.5 billion lumes.\n\n"
        "Grab owns 60% of GXS Bank. In Malaysia the central bank, Bank Negara Malaysia, awarded five digital bank"
        " licences in April 2022.\n",
    )
    assert generation.decks[0].title == "Authority grants two digital banking licences"
    prompts = cloze_prompts(all_cards(generation))
    assert prompts["1.5 billion"] == (
        "The authority granted licences to Keel Digital Bank and Orchid Bank in March 2025. Each must hold capital"
        " of [...] lumes."
    )
    # "the central bank" is named right after it: no sentence before is needed to say which.
    assert prompts["April 2022"].startswith("In Malaysia the central bank"), prompts


def test_a_quote_opened_after_a_sentence_is_no_part_of_it(tmp_path: Path):
    texts = {
        card.source.text
        for card in page_cards(
            tmp_path,
            "pay.md",
            'Xiaomi shipped 125 million phones in 2019. "Payment is only the entrance, and the value lies behind'
            ' it," said Wang Qiang, an analyst.\n',
        )
    }
    assert texts == {"Xiaomi shipped 125 million phones in 2019."}


def test_two_of_the_eight_says_not_of_what(tmp_path: Path):
    generation = generate_page(
        tmp_path,
        "banks.md",
        "Analysts expect consolidation. Two of the eight — Livi Bank and Fusion Bank — have cut 120 jobs.\n\n"
        "Two of the eight banks, Livi Bank and Fusion Bank, cut 120 jobs in 2023.\n",
    )
    texts = {card.source.text for card in all_cards(generation)}
    assert texts == {"Two of the eight banks, Livi Bank and Fusion Bank, cut 120 jobs in 2023."}, texts


def test_the_name_a_headline_shares_with_the_body_is_what_the_company_stands_for(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "credit.txt",
        "Xiaomi strengthens its financial arm with a consumer credit licence\n\n"
        "Xiaomi has received approval to launch a consumer finance company in Chongqing.\n\n"
        "The entity will have a registered capital of 1,500 million yuan.\n\n"
        "The Asian company will own 50% of it, while Chongqing Rural Commercial Bank will hold 30%.\n\n"
        "Ethiopian regulators approved 3 banks in 2023.\n",
    )
    texts = {card.source.text for card in cards}
    assert "Xiaomi will own 50% of it, while Chongqing Rural Commercial Bank will hold 30%." in texts, texts
    # A demonym is no firm, however often the page writes it.
    (tmp_path / "mpesa").mkdir()
    texts = {
        card.source.text
        for card in page_cards(
            tmp_path / "mpesa",
            "mpesa.txt",
            "Safaricom's Ethiopian bet, two years in\n\n"
            "Ethiopian regulators licensed Safaricom in 2022. Ethiopian users were slow to sign up.\n\n"
            "By March 2025 the wallet had 10.8 million customers, the company said in its annual report.\n",
        )
    }
    assert not [text for text in texts if "Ethiopian said" in text], texts


def test_its_after_a_firm_described_is_the_firm_named_before(tmp_path: Path):
    texts = {
        card.source.text
        for card in page_cards(
            tmp_path,
            "webank.txt",
            "WeBank, the digital lender backed by Tencent, earned 10.8 billion yuan in 2023.\n"
            "The Shenzhen-based bank had 393 million customers. Its flagship product, Weilidai, lent 400 billion"
            " yuan.\n\n"
            "Xiaomi will hold 50% of the new lender.\n"
            "The new company will start with 1.5 billion yuan. Its licence was issued in May 2020.\n",
        )
    }
    assert "WeBank's flagship product, Weilidai, lent 400 billion yuan." in texts, texts
    # "The new company" is one being set up: what its "its" is, nothing before says.
    assert not [text for text in texts if "licence" in text], texts


def test_a_glossarys_figures_such_and_no_subject_of_one_mention_among_many(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "glossary.md",
        "# Payments glossary\n\n"
        "Adyen and Worldpay are large acquirers.\n\n"
        "Real-time payments settle in seconds. India's UPI, launched in 2016, is the largest such system.\n\n"
        "Key figures:\n\n- Card payments in the UK in 2023: 23.1 billion\n",
    )
    prompts = cloze_prompts(cards)
    assert prompts["2016"] == (
        "Real-time payments settle in seconds. India's UPI, launched in [...], is the largest such system."
    ), prompts
    # A long label for a figure alone; no name mentioned once among others is what the page is about.
    assert prompts["23.1 billion"] == "Card payments in the UK in 2023: [...]", prompts


def test_a_translated_reports_statement_double_currency_and_a_word_before_a_noun(tmp_path: Path):
    generation = generate_page(
        tmp_path,
        "report.txt",
        "Xiaomi's loan balance exceeded RMB 30 billion yuan in 2020.\n"
        "Regulators asked Internet giants such as Xiaomi to share data with banks.\n"
        "Statement: The content of this article only represents the author's personal views.\n",
    )
    answers = {card.answer for card in all_cards(generation)}
    assert "RMB 30 billion yuan" in answers, answers
    assert "Internet" not in answers, answers
    assert (
        drop_reasons(generation)["Statement: The content of this article only represents the author's personal views."]
        == "disclaimer"
    )


def test_a_filings_defined_terms_read_as_the_names_they_stand_for(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "filing.txt",
        'Xiaomi Corporation (the "Company") owns 12 companies in the Cayman Islands.\n\n'
        "On 26 March 2021, the Company announced that Xiaomi Finance, a subsidiary of the Company, had agreed"
        ' to sell it to Tianxing Technology Co., Ltd. (the "Purchaser").\n\n'
        "The Purchaser agreed to pay RMB 1,400 million. The Company expects a gain of RMB 580 million.\n",
    )
    texts = {card.source.text for card in cards}
    assert "Xiaomi Corporation owns 12 companies in the Cayman Islands." in texts, texts
    assert "Tianxing Technology Co., Ltd. agreed to pay RMB 1,400 million." in texts, texts
    assert "Xiaomi Corporation expects a gain of RMB 580 million." in texts, texts
    assert [text for text in texts if text.endswith("Tianxing Technology Co., Ltd.")], texts
    # Cut at its comma, a "that" clause has no verb: no question.
    assert not [card.prompt for card in cards if card.kind == "question" and "announce that" in card.prompt]


def test_the_lender_after_a_lender_brought_in_unnamed_is_not_the_firm_named(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "ipo.md",
        "# Xiaomi-backed lender files for IPO\n\n"
        "A consumer lender backed by Xiaomi has filed for a listing in Hong Kong.\n\n"
        "The lender made 1.2 billion yuan in net profit last year.\n\n"
        "Xiaomi owns about 30% of the lender. Xiaomi sold 40 million phones in 2020.\n\n"
        "Airstar Bank is a virtual bank in Hong Kong. The bank opened 3 offices in 2021.\n",
    )
    texts = {card.source.text for card in cards}
    assert not [text for text in texts if text.startswith("Xiaomi made")], texts
    assert cloze_prompts(cards)["1.2 billion yuan"] == (
        "A consumer lender backed by Xiaomi has filed for a listing in Hong Kong. The lender made [...] in net profit"
        " last year."
    )
    # What a named bank is ("is a virtual bank") brings in no other.
    assert "Airstar Bank opened 3 offices in 2021." in texts, texts


def test_repeated_sentences_are_skipped_near_or_far(tmp_path: Path):
    """A reworded repeat nearby is a near-duplicate; an exact repeat hundreds of sentences later is
    caught too (fuzzy matching looks back a bounded window, so long documents stay linear)."""
    from quiz.generate.facts import NEAR_DUPLICATE_WINDOW

    fact = "Orbit Pay opened 12 branches in Porto in 2021."
    letters = random.Random(7)
    filler = [  # made-up names, so no two filler sentences are near-duplicates of each other
        f"{''.join(letters.choice('bcdfghklmnprstvz') + letters.choice('aeiou') for _ in range(4)).capitalize()}"
        f" hired {i + 3} analysts in {1900 + i % 120}."
        for i in range(NEAR_DUPLICATE_WINDOW + 20)
    ]
    lines = [fact, "Orbit Pay has opened 12 branches in Porto in 2021.", *filler, fact]
    (tmp_path / "long.md").write_text("\n\n".join(lines), encoding="utf-8")
    result = generate([tmp_path / "long.md"])
    skipped = {s.line: s.reason for s in result.skipped_sentences}
    repeats = [number for number, text in enumerate("\n\n".join(lines).splitlines(), 1) if "Porto" in text]
    assert skipped.get(repeats[1]) == skipped.get(repeats[2]) == "near-duplicate of an earlier sentence"
    assert repeats[0] not in skipped
    assert len(skipped) == 2


PRESS_RELEASE = """FOR IMMEDIATE RELEASE

Harbor Credit Completes Purchase of Tern Payments

OSLO, Norway, May 6, 2024 /PRNewswire/ -- Harbor Credit Corp. (OSE: HCC) bought Tern Payments Inc. from Fjord AS.

Tern Payments was founded in 2015 in Bergen.

Forward-Looking Statements
This release contains forward-looking statements that involve risks and uncertainties.

Media contact: press@harbor.example
Tel: +47 2212 3456
Email: press@harbor.example

SOURCE Harbor Credit Corp.
"""

INTERVIEW = """Harbor Credit is Norway's sixth-largest lender.

**Q: When did you launch the app?**

A: We launched it in 2013.
"""


def test_press_release_and_interview_furniture(tmp_path: Path):
    """Release slug, disclaimer, media contact and trailer go; the headline is the title; an
    abbreviation's stop stays with the company name; 'A:' is no part of an answer."""
    (tmp_path / "release.txt").write_text(PRESS_RELEASE, encoding="utf-8")
    (tmp_path / "interview.md").write_text(INTERVIEW, encoding="utf-8")
    result = generate([tmp_path])
    decks = {deck.name: deck for deck in result.decks}
    assert decks["release"].title == "Harbor Credit Completes Purchase of Tern Payments"
    reasons = drop_reasons(result)
    assert reasons["FOR IMMEDIATE RELEASE"] == reasons["Media contact: press@harbor.example"] == "page furniture"
    assert reasons["SOURCE Harbor Credit Corp."] == "page furniture"
    assert reasons["Tel: +47 2212 3456"] == reasons["Email: press@harbor.example"] == "contact"
    assert reasons["This release contains forward-looking statements that involve risks and uncertainties."] == (
        "disclaimer"
    )
    answers = {card.answer for card in decks["release"].cards}
    assert {"Harbor Credit Corp.", "Tern Payments Inc."} <= answers
    prompts = [card.prompt for card in all_cards(result)]
    assert not [prompt for prompt in prompts if "[...]." in prompt and not prompt.endswith("[...].")]
    assert not [prompt for prompt in prompts if prompt.startswith("A:") or "We launched" in prompt]


def test_labelled_values_in_a_list_are_facts_about_the_documents_subject(tmp_path: Path):
    (tmp_path / "kestrel.md").write_text(
        "Kestrel Bank posted record results in 2024.\n\n"
        "Kestrel Bank is the largest digital lender in Chile.\n\n"
        "The key numbers:\n\n"
        "- Revenue: 412 million dollars, up 18% year on year\n"
        "- Loan book: 2.2 billion dollars\n"
        "- Branches opened across Chile and Peru in the past year\n",
        encoding="utf-8",
    )
    result = generate([tmp_path / "kestrel.md"])
    cloze = answers_by_prompt(all_cards(result), "cloze")
    assert cloze["Kestrel Bank — Revenue: [...], up 18% year on year"] == "412 million dollars"
    assert cloze["Kestrel Bank — Loan book: [...]"] == "2.2 billion dollars"
    # The label and the subject are never the answer.
    assert not [answer for prompt, answer in cloze.items() if "—" in prompt and answer in ("Loan", "Kestrel Bank")]
    assert [s.reason for s in result.skipped_sentences] == ["list item too long for an answer"]


GLOSSARY = """# Payments, my notes

- An **interchange fee** is paid by the merchant's bank to the card issuer.
- A **chargeback** lets a cardholder dispute a card payment.
- The **acquirer** is the bank that processes card payments for a merchant.
- A **payment facilitator** signs up small merchants under its own merchant account.
- In the EU, **Pix** has no equivalent yet; Brazil's central bank launched it in November 2020.

TODO: check the SEPA Instant figures!
"""


def test_bold_terms_in_notes_are_answers_and_to_dos_are_not_content(tmp_path: Path):
    (tmp_path / "glossary.md").write_text(GLOSSARY, encoding="utf-8")
    result = generate([tmp_path / "glossary.md"])
    cards = all_cards(result)
    cloze = answers_by_prompt(cards, "cloze")
    assert cloze["An [...] is paid by the merchant's bank to the card issuer."] == "interchange fee"
    assert cloze["The [...] is the bank that processes card payments for a merchant."] == "acquirer"
    # A term the writer marked wins over a name found in the same place, and over a date.
    pix = [card for card in cards if card.source.text.startswith("In the EU")]
    assert pix and pix[0].answer == "Pix" and pix[0].answer_type == "key term"
    terms = {"interchange fee", "chargeback", "acquirer", "payment facilitator", "Pix"}
    for card in cards:
        if card.kind == "choice" and card.answer_type == "key term":
            assert set(card.choices) <= terms, card.choices
    assert ("note to self", "TODO: check the SEPA Instant figures!") in {
        (line.reason, line.text) for _, line in result.dropped_lines
    }


def test_a_breadcrumb_trail_is_navigation_not_the_title(tmp_path: Path):
    (tmp_path / "page.txt").write_text(
        "Markets › Fintech › Asia\n"
        "Tern Pay wins a digital bank licence in Singapore\n"
        "Tern Pay was granted a digital bank licence by the Monetary Authority of Singapore in 2023.\n",
        encoding="utf-8",
    )
    result = generate([tmp_path / "page.txt"])
    assert result.decks[0].title == "Tern Pay wins a digital bank licence in Singapore"
    assert ("navigation", "Markets › Fintech › Asia") in {(line.reason, line.text) for _, line in result.dropped_lines}


def test_a_range_is_one_answer_and_rupees_are_money(tmp_path: Path):
    (tmp_path / "tallis.md").write_text(
        "Tallis Bank grew deposits 10-15% in each quarter of 2023.\n\n"
        "Tallis Bank will cut fees by between 5 and 7 percent in 2025.\n\n"
        "Tallis Bank cut its stake in Kyoto Fintech from 12 to 7 percent in 2024.\n\n"
        "Tallis Bank raised Rs 500 crore from investors in Mumbai in 2022.\n\n"
        "Fintech contributed between 2% and 3% of Tallis Bank's revenue in Q2 2026.\n",
        encoding="utf-8",
    )
    answers = {card.answer for card in all_cards(generate([tmp_path / "tallis.md"]))}
    assert {"10-15%", "5 and 7 percent", "7 percent", "Rs 500 crore", "2% and 3%"} <= answers
    # Nor the year of a quarter alone.
    assert "2026" not in answers
    # Never half a range ("10-[...]"), never a change read as a range ("12 to 7 percent").
    assert not answers & {"15%", "12 to 7 percent", "500 crore"}
    (tmp_path / "range").mkdir()
    questions = questions_from(tmp_path / "range", "Tallis Bank opened 4 branches in Porto in 2018-2020.\n")
    assert questions == {"How many branches did Tallis Bank open in Porto in 2018-2020?": "4"}


def test_an_answer_after_a_second_verb_gets_no_question_and_its_after_a_verb_is_no_subject(tmp_path: Path):
    text = (
        "Thornbury Bank converted into a bank on 3 March 1997 and listed in London.\n\n"
        "Thornbury Bank opened 12 branches in Wales in 2001.\n"
        "In early 2019 the bank sold its insurance arm to Aldgate Re for 85 million pounds.\n"
    )
    questions = questions_from(tmp_path, text)
    assert not [prompt for prompt in questions if prompt.startswith("Where did")], questions
    (tmp_path / "doc.md").write_text(text, encoding="utf-8")
    texts = {card.source.text for card in all_cards(generate([tmp_path / "doc.md"]))}
    # "its" after the verb stays; "the bank" after the leading phrase is the bank named before.
    assert "In early 2019 Thornbury Bank sold its insurance arm to Aldgate Re for 85 million pounds." in texts


def test_a_noun_before_a_past_tense_verb_is_no_verb(tmp_path: Path):
    """'Harbor Group shares rose ...': 'shares' is the subject's noun, not its verb."""
    questions = questions_from(tmp_path, "Harbor Group shares rose 4 percent in Lisbon trading on Monday.\n")
    assert not [prompt for prompt in questions if "share" in prompt], questions


def test_a_date_of_a_participle_after_a_noun_gets_no_question(tmp_path: Path):
    """'... in a deal completed in January 2022': when the deal was completed, not when it was bought."""
    questions = questions_from(
        tmp_path,
        "Afterpay was bought by Block for $29 billion in a deal completed in January 2022.\n\n"
        "Block bought Square Pay for $9 billion in March 2021.\n",
    )
    assert "January 2022" not in questions.values(), questions
    assert questions.get("When did Block buy Square Pay for $9 billion?") == "March 2021", questions


def test_a_noun_before_a_copula_is_no_verb(tmp_path: Path):
    """'Customer funds are held ...': 'funds' is the subject's noun; no question asks what
    'Customer' funds."""
    questions = questions_from(tmp_path, "Customer funds are held in a safeguarded account at Caixa Geral.\n")
    assert not [prompt for prompt in questions if "fund " in prompt], questions


def test_a_plural_noun_before_a_present_verb_or_a_phrase_is_no_verb(tmp_path: Path):
    """'Pocketly cards now work ...', 'Total deposits at Keel Bank rose ...': 'cards' and
    'deposits' belong to the subject; no question makes them its verb ('does Pocketly card')."""
    questions = questions_from(
        tmp_path,
        "Pocketly cards now work with Apple Pay in France and Germany.\n\n"
        "Total deposits at Keel Bank rose to 38 billion pounds by 31 December 2024.\n\n"
        "Keel Bank now serves 1.3 million customers in Wales.\n",
    )
    assert not [prompt for prompt in questions if " card " in prompt or "deposit " in prompt], questions
    # A verb after a name is still its verb, with the adverb before it kept.
    assert questions.get("How many customers does Keel Bank now serve in Wales?") == "1.3 million", questions


def test_abbreviations_spelled_out_in_the_sentence(tmp_path: Path):
    """The letters of 'NFC' are the initials of 'Near Field Communication': never quiz the
    abbreviation when its expansion is in view, nor offer the expansion among choices; and an
    abbreviation is only ever offered among abbreviations."""
    cards = page_cards(
        tmp_path,
        "terms.md",
        "NFC stands for Near Field Communication.\n\n"
        "Globex partnered with Initech on mobile payments in 2018.\n\n"
        "Umbrella signed an agreement with Hooli in 2017.\n\n"
        "Vandelay bought a stake in Soylent in 2016.\n\n"
        "Massive Dynamic invested in Cyberdyne in 2015.\n\n"
        "The SEC fined Globex in 2019.\n",
    )
    assert not [card for card in cards if card.answer == "NFC"]
    expansion = [card for card in cards if card.answer == "Near Field Communication"]
    assert {card.kind for card in expansion} == {"cloze", "question"}
    assert "What does NFC stand for?" in {card.prompt for card in expansion}
    for card in cards:
        if card.kind == "choice":
            assert "Near Field Communication" not in card.choices
            shapes = {bool(re.fullmatch(r"[A-Z][A-Z0-9&]{1,5}", choice)) for choice in card.choices}
            assert len(shapes) == 1, card.choices
    assert any(card.kind == "choice" for card in cards)  # the companies still get choices


def test_a_bodys_name_listing_its_remit_is_one_name_and_its_bracketed_abbreviation_no_answer(tmp_path: Path):
    """ "Superintendency of Banking, Insurance and Pension Funds" is one name, commas and all; too long
    to be an answer, it is never cut into one at its comma. Its "(SBS)", whatever language its
    initials are of, is its abbreviation, in view. A list of banks stays a list."""
    sentence = "Andes Telecom got a licence from Peru's Superintendency of Banking, Insurance and Pension Funds (SBS)."
    assert "Superintendency of Banking, Insurance and Pension Funds" in {span.text for span in find_spans(sentence)}
    listed = "Bank of Lisbon, Industrial and Commercial Bank of Porto and Banco Litoral signed."
    assert {"Bank of Lisbon", "Industrial and Commercial Bank of Porto"} <= {span.text for span in find_spans(listed)}
    cards = page_cards(
        tmp_path,
        "licence.md",
        "The licence came from the Superintendency of Banking, Insurance and Pension Funds (SBS).\n\n"
        "The Financial Conduct Authority fined Orbit Bank in 2021.\n",
    )
    assert not [card for card in cards if "licence" in card.source.text]


def test_questions_leave_out_appositives_and_trailing_clauses(tmp_path: Path):
    questions = questions_from(
        tmp_path,
        "Globex holds 70 percent of the venture shares, while Initech holds 30 percent.\n\n"
        "Umbrella Bank, one of the owners of Hooli Finance, invested 200 million yuan and held 20% of the shares.\n\n"
        "Vandelay invested in Soylent, a food start-up, in 2016.\n\n"
        "Hooli applied for a banking licence in March 2019 and received it in April 2021.\n",
    )
    assert questions["What share of the venture shares does Globex hold?"] == "70 percent"
    assert questions["How much did Umbrella Bank invest?"] == "200 million yuan"
    # A name followed by more about it is not asked for without that ("What did Vandelay invest in?").
    assert "Soylent" not in questions.values()
    assert not [prompt for prompt in questions if "Initech" in prompt or "30 percent" in prompt]
    # The second date belongs to the second verb: no question mixes the two.
    assert questions["When did Hooli apply for a banking licence?"] == "March 2019"
    assert "April 2021" not in questions.values()


def test_everyday_words_are_no_subjects_and_ranges_and_noun_modifiers_stay_whole(tmp_path: Path):
    (tmp_path / "keel.md").write_text(
        "Keel Bank reported a profit of 90 million euros for 2023.\n\n"
        "Chief executive Ana Ruiz said card spending drove the rise.\n\n"
        "Its capital ratio stood at 14 percent in December.\n\n"
        "Shares rose 4 percent in Lisbon trading.\n\n"
        "Revenue rose to 700 million euros in 2024.\n\n"
        "Keel Bank expects loan growth of 3-4% next year.\n\n"
        "Deposits at Keel Bank grew 12% in 2023. Fees at Keel Bank fell 6% in 2022.\n\n"
        "Costs at Keel Bank rose 9% in 2021. Margins at Keel Bank widened 2% in 2020.\n",
        encoding="utf-8",
    )
    ranges = (
        "Loan growth at Keel Bank was 5-7% in 2015.\n\n"
        "Mortgage lending by Harbour Savings expanded 8-10% during 2016.\n\n"
        "Card fees charged by Orbit Pay climbed 11-13% over the year.\n\n"
    )
    (tmp_path / "ranges.md").write_text(
        ranges + "Keel Bank expects deposit growth of 2-3 percent in 2026.\n", encoding="utf-8"
    )
    result = generate([tmp_path])
    cards = all_cards(result)
    # "Its" follows "Chief executive Ana Ruiz said ...": "Chief" is no name for it to stand for.
    assert not [card for card in cards if "Chief's" in card.source.text]
    skipped = {s.text: s.reason for s in result.skipped_sentences}
    assert skipped["Its capital ratio stood at 14 percent in December."].startswith("starts with a pronoun")
    questions = answers_by_prompt(cards, "question")
    # "in Lisbon trading": the answer describes the noun after it, so no "Where did ... trading?".
    assert not [prompt for prompt in questions if "Lisbon" in prompt or "trading" in prompt]
    assert questions["In what year did revenue rise to 700 million euros?"] == "2024"
    # A range is never dressed as a single value, nor a single value as a range ("12-4%").
    choices = [card for card in cards if card.kind == "choice" and card.answer_type == "percent"]
    assert choices
    for card in choices:
        assert len({"-" in choice for choice in card.choices}) == 1, card.choices
    # Ranges go among ranges, each written as the page has it.
    page = ranges + (tmp_path / "keel.md").read_text(encoding="utf-8")
    range_choices = [card for card in choices if card.answer == "2-3 percent"]
    assert range_choices
    for card in range_choices:
        assert all(choice in page or choice == card.answer for choice in card.choices), card.choices


def test_currencies_of_many_countries_titled_datelines_and_no_what_said(tmp_path: Path):
    from quiz.generate.spans import find_spans

    money = {
        "Each licensee must hold capital of RM100 million.": "RM100 million",
        "Brightwater paid CAD 215 million in cash.": "CAD 215 million",
        "Nordlys Bank earned 2.4 billion kroner in 2023.": "2.4 billion kroner",
        "Sales reached Rp 5 trillion last year.": "Rp 5 trillion",
        "Card loans grew to ₩1.2 trillion.": "₩1.2 trillion",
        "The fund lent 5 million francs.": "5 million francs",
    }
    for sentence, amount in money.items():
        assert (amount, "money") in {(span.text, span.type) for span in find_spans(sentence)}, sentence

    cards = page_cards(
        tmp_path,
        "release.md",
        "**Kuala Lumpur, 29 April 2022** — Harbour Central Bank (HCB) granted digital bank licences to three "
        "applicants.\n\n"
        "HCB said total assets of each digital bank are capped at RM3 billion.\n\n"
        "Each licensee must hold capital of RM100 million in its first phase.\n\n"
        "The requirement rises to RM300 million after that phase.\n\n"
        "Licensees must lend at least RM50 million to small firms.\n\n"
        "Orbit Pay raised $2 billion from investors.\n\n"
        "Keel Bank paid $40 million for a rival.\n",
    )
    sources = {card.source.text for card in cards}
    # The dateline is no part of the fact, nor a key term to learn.
    assert "Harbour Central Bank (HCB) granted digital bank licences to three applicants." in sources
    assert not [card for card in cards if "Kuala Lumpur" in card.answer or "Kuala Lumpur" in card.prompt]
    # A reporter of unknown kind gives no "What said ...?".
    assert not [card for card in cards if card.prompt.startswith("What said")]
    # Choices for an amount are in its currency: "RM3 billion" stands among ringgit, never among dollars.
    choices = [card for card in cards if card.kind == "choice" and card.answer_type == "money"]
    assert choices
    for card in choices:
        assert len({choice[:2] for choice in card.choices}) == 1, card.choices


def test_a_newsletter_box_between_paragraphs_ends_nothing_but_one_at_the_end_does(tmp_path: Path):
    story = [
        "Tilda more than doubled its pre-tax profit to 212 million pounds in the year to June.",
        "Its mortgage book grew 18 percent to 7.8 billion pounds.",
        "Tilda was founded in 2014 and has 1.6 million customers.",
        "Chief executive Hannah Oduya joined Tilda from Barclays in 2019.",
        "Tilda plans to open an office in Dublin in 2026.",
        "Sign up to our banking newsletter, delivered every Friday.",
        "Analysts at Peel Hunt said the results were well ahead of forecasts for the year to June.",
        "Subscribe to our newsletter",
        "Get the latest news and special offers from Example Media Ltd delivered to your inbox every Friday.",
        "Example Media was founded in 1998 and employs 40 journalists in London and Leeds.",
    ]
    generation = generate_page(tmp_path, "tilda.md", "\n\n".join(story) + "\n")
    texts = {card.source.text for card in all_cards(generation)}
    assert story[6] in texts, texts
    assert not [text for text in texts if "Example Media" in text], texts


def test_a_newsletter_and_a_call_transcript(tmp_path: Path):
    (tmp_path / "weekly.md").write_text(
        "View this email in your browser\n\n"
        "# Payments Weekly #12\n\n"
        "Hi there — here is what happened in payments this week.\n\n"
        "**Sponsored by Ledgerly** — Reconcile your books in minutes. Try it free →\n\n"
        "Orbit Pay raised $85 million in a funding round led by Northwind Ventures. "
        "Orbit Pay now serves 12,000 merchants in Portugal. 👉 Read the full story\n\n"
        "Harbour Savings cut 300 jobs in Lisbon.\n\n"
        "Thanks to card payments, Keel Bank doubled its fee income in 2023.\n\n"
        "Unsubscribe | Update your preferences\n",
        encoding="utf-8",
    )
    result = generate_page(
        tmp_path,
        "call.md",
        "Nordlys Bank Q4 2023 Earnings Call Transcript\n\n"
        "Operator: Good morning, and welcome to the Nordlys Bank fourth-quarter 2023 earnings call.\n\n"
        "Ingrid Haugen -- Chief Executive Officer: Nordlys Bank delivered a net profit of 2.4 billion kroner "
        "in 2023.\n\n"
        "Lars Moe -- Chief Financial Officer: Sure. Loan losses at Nordlys Bank were 120 million kroner in "
        "the quarter.\n",
    )
    cards = all_cards(result)
    sources = {card.source.text for card in cards}
    # The sentences before a trailing "Read the full story" link are kept; the link is not.
    assert "Orbit Pay now serves 12,000 merchants in Portugal." in sources
    # Speaker labels are no part of what is said, and pleasantries are no facts.
    assert "Nordlys Bank delivered a net profit of 2.4 billion kroner in 2023." in sources
    assert not [text for text in sources if "Officer" in text or "Operator" in text or "welcome" in text]
    skipped = {s.text: s.reason for s in result.skipped_sentences}
    assert skipped["Hi there — here is what happened in payments this week."] == "greeting, not a fact"
    # "Thanks to ..." is no thanks.
    assert "Thanks to card payments, Keel Bank doubled its fee income in 2023." in sources
    dropped = drop_reasons(result)
    assert dropped["View this email in your browser"] == "page furniture"
    assert dropped["**Sponsored by Ledgerly** — Reconcile your books in minutes. Try it free →"] == "advertisement"
    decks = {deck.name: deck for deck in result.decks}
    assert decks["weekly"].title == "Payments Weekly #12"
    # A savings institution is an organisation: "Which organisation cut 300 jobs in Lisbon?"
    assert "Which organisation cut 300 jobs in Lisbon?" in {card.prompt for card in cards}


def test_infobox_lines_below_the_opening_are_labelled_values(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "lumen.md",
        "Lumen Pay: a timeline\n\n"
        "Lumen Pay is a payments company that Budi Hartono started with two friends.\n\n"
        "Founded: 2016\n"
        "Employees: 1,200 people\n"
        "Source: Harbour Daily\n\n"
        "Lumen Pay entered Vietnam in 2021.\n",
    )
    cards = all_cards(result)
    answers = answers_by_prompt(cards, "cloze")
    assert answers["Lumen Pay — Founded: [...]"] == "2016"
    assert answers["Lumen Pay — Employees: [...] people"] == "1,200"
    # Who the page took it from is no fact; a headline with a colon is still the title.
    assert not [card for card in cards if "Harbour Daily" in card.source.text]
    assert drop_reasons(result)["Source: Harbour Daily"] == "reference"
    assert result.decks[0].title == "Lumen Pay: a timeline"


def test_a_name_after_at_of_or_from_is_no_person_even_before_said():
    from quiz.generate.spans import EntityTypes, find_spans

    types = EntityTypes()
    for sentence in (
        "Analysts at Kepler Cheuvreux said Keel Bank would buy Orbit Pay.",
        "Chief executive Ana Ruiz said Keel Bank would buy Harbour Savings.",
    ):
        types.observe(sentence, find_spans(sentence))
    assert types.type_of("Ana Ruiz") == "person"
    assert types.type_of("Kepler Cheuvreux") != "person"


def test_numbers_cut_by_a_space_and_weekdays_are_never_quizzed(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "report.txt",
        "Keel Finance released its annual report in March 2024.\n"
        "Keel Finance opened a branch in Porto on Thursday.\n"
        "The loan balance of Keel Finance reached 6. 5 billion yuan at the end of 2023, an increase of 12. 3 percent.\n"
        "The number of Keel Finance users exceeded 1, 200 million in 2023.\n"
        "In 2019, Keel Finance had 20 partner banks.\n",
    )
    cards = all_cards(result)
    texts = {card.source.text for card in cards}
    # A decimal point and a space read as a sentence end: no piece of that paragraph is quizzed.
    assert not [text for text in texts if "billion" in text or "percent" in text or "million" in text]
    assert "In 2019, Keel Finance had 20 partner banks." in texts
    # "Thursday" means nothing away from the article's date.
    assert "Thursday" not in {card.answer for card in cards}
    reasons = {s.reason for s in result.skipped_sentences}
    assert {
        "garbled number (decimal point followed by a space)",
        "garbled number (thousands split by a space)",
    } <= reasons


def test_the_company_and_the_bank_are_named_after_the_subject_before_them(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "weekly.md",
        "Orbit Pay raised $85 million in 2023.\n\n"
        "The company plans an office in Lisbon's Alfama district.\n\n"
        "Keel Bank opened 40 branches in 2019.\n\n"
        "The bank's profit rose to 90 million euros in 2023.\n\n"
        "Ana Ruiz, the chief executive, said demand was strong in 2024.\n\n"
        "The company now serves 12,000 merchants in Portugal.\n",
    )
    sources = {card.source.text for card in cards}
    assert "Orbit Pay plans an office in Lisbon's Alfama district." in sources
    assert "Keel Bank's profit rose to 90 million euros in 2023." in sources
    # After a sentence about a person, "the company" is left as written.
    assert "The company now serves 12,000 merchants in Portugal." in sources
    # "in [Lisbon]'s Alfama district": a possessive answer gets no question.
    assert "Lisbon" in {card.answer for card in cards}
    assert not [card for card in cards if card.kind == "question" and card.answer == "Lisbon"]


def test_a_bold_figure_keeps_its_type_and_gets_figures_for_choices(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "notes.md",
        "In 2021 solar plants produced **17 percent** of Chile's electricity.\n\n"
        "The **Atacama Desert** gets more sunlight than anywhere else.\n\n"
        "Wind farms produced 8 percent of Chile's electricity in 2021.\n\n"
        "Hydropower produced 26 percent of Chile's electricity in 2021.\n\n"
        "Coal plants produced 31 percent of Chile's electricity in 2019.\n",
    )
    bold = [card for card in cards if card.answer == "17 percent"]
    assert bold and {card.answer_type for card in bold} == {"percent"}
    for card in cards:
        if card.kind == "choice" and card.answer_type == "percent":
            assert all(choice.endswith("percent") for choice in card.choices), card.choices


def test_money_written_with_a_space_after_its_sign_or_a_country_before_its_currency(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "deals.md",
        "Caixa Leste was sold for R$ 1.2 billion.\n\n"
        "Transfers on Pesa Rapida reached 38 trillion Kenyan shillings in 2023.\n",
    )
    answers = {(card.answer, card.answer_type) for card in cards}
    assert ("R$ 1.2 billion", "money") in answers
    assert ("38 trillion Kenyan shillings", "money") in answers
    # The letter of "R$" is the amount's, not part of a name before it.
    assert "Caixa Leste" in {card.answer for card in cards}


def test_a_bold_name_is_what_it_stands_for_in_the_next_sentence(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "bank.md",
        "**Banco Norte S.A.** is a commercial bank headquartered in Recife.\n"
        "It was founded in 1974 as a savings cooperative.\n",
    )
    founded = [card for card in cards if card.source.text.startswith("Banco Norte S.A. was founded in 1974")]
    assert "1974" in {card.answer for card in founded}
    # The bold marks the sentence it is in, not the one whose "it" it replaces.
    assert "key term" not in {card.answer_type for card in founded}


def test_it_after_a_long_leading_phrase_is_the_subject_before(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "kite.md",
        "Kite Transfer was founded in Tallinn in 2011.\n"
        "In the fiscal year to March 2023 it had about 16 million customers.\n",
    )
    assert "In the fiscal year to March 2023, Kite Transfer had about 16 million customers." in {
        card.source.text for card in cards
    }


def test_one_of_a_list_gets_a_cloze_but_no_question(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "offices.md",
        "Nordwind Pay opened offices in Vienna and Krakow.\nKite Transfer opened an office in Madrid.\n",
    )
    kinds = {(card.kind, card.answer) for card in cards}
    assert ("cloze", "Vienna") in kinds
    assert ("question", "Vienna") not in kinds
    # Alone in its place, a place gets its question.
    assert ("question", "Madrid") in kinds


@pytest.mark.parametrize(
    ("page", "named"),
    [
        # No name comes just before "The company": the one the document is about.
        (
            "Nordwind Pay raised 45 million euros in a round led by Alpbach Ventures.\n\n"
            "Existing investors Danube Capital and Kessler Partners also took part.\n\n"
            "The company plans to launch its instalment product in Poland by the end of 2025.\n\n"
            "Nordwind Pay currently serves 2.1 million customers.\n",
            "Nordwind Pay plans to launch its instalment product in Poland by the end of 2025.",
        ),
        # A name called a bank ("Dutch neobank Bunq") is a bank "the bank" can stand for.
        (
            "Dutch neobank Bunq said its net profit doubled to 53 million euros in 2023.\n\n"
            "The Amsterdam-based bank, founded by Ali Niknam in 2012, has 11 million users.\n\n"
            "Bunq applied for a US banking licence in April 2023.\n",
            "Bunq, founded by Ali Niknam in 2012, has 11 million users.",
        ),
    ],
)
def test_the_firm_a_definite_noun_stands_for_is_the_one_the_document_is_about(tmp_path: Path, page: str, named: str):
    assert named in {card.source.text for card in page_cards(tmp_path, "page.md", page)}


def test_a_name_of_no_known_kind_gets_no_choices_as_they_would_mix_kinds(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "launches.md",
        "Pesa Rapida was launched by Savanna Telecom Group.\n\n"
        "Kilima Card was issued by Tomas Rivera.\n\n"
        "Orbit Wallet was built by Tidewater Labs Group.\n\n"
        "Lumen Wallet was started by Northcape Digital Group.\n\n"
        "Kestrel Capital opened an office in the Northeast Region of Brazil.\n",
    )
    choices = {card.answer: card for card in cards if card.kind == "choice"}
    # Firms are firms ("... Group"): they choose among firms.
    assert {"Savanna Telecom Group", "Tidewater Labs Group", "Northcape Digital Group"} <= set(choices)
    # A person, a product or a region nothing types gets a cloze, never firms for choices.
    untyped = {"Tomas Rivera", "Northeast Region of Brazil", "Pesa Rapida"}
    assert untyped & {card.answer for card in cards}
    assert not untyped & set(choices)


def test_a_bio_of_the_writer_the_byline_names_and_a_correction_are_no_facts(tmp_path: Path):
    generation = generate_page(
        tmp_path,
        "story.md",
        "By Marta Jansen, Senior Fintech Correspondent\n\n"
        "Harbor Ledger will cut 120 jobs after its net loss widened to 38 million euros in 2023.\n\n"
        "Correction, May 15: An earlier version of this article misstated the size of the job cuts in 2023.\n\n"
        "Marta Jansen covers European fintech from Amsterdam.\n",
    )
    sources = {card.source.text for card in all_cards(generation)}
    assert any(text.startswith("Harbor Ledger will cut 120 jobs") for text in sources)
    assert not [text for text in sources if "Jansen" in text or "Correction" in text]
    reasons = {line.text[:12]: line.reason for _, line in generation.dropped_lines}
    assert reasons["Marta Jansen"] == "author bio"
    assert reasons["Correction, "] == "editorial note"


def test_a_timeline_entry_asks_for_its_date(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "story.md",
        "Harbor Ledger is a payments company based in Rotterdam.\n\n"
        "## Milestones\n\n"
        "- 2014: Founded by Ingrid Vos and Pieter Smit in a Rotterdam garage\n"
        "- March 2016 – Launched the Harbor Ledger card for small businesses\n",
    )
    clozes = answers_by_prompt(cards, "cloze")
    assert clozes["Harbor Ledger — [...]: Founded by Ingrid Vos and Pieter Smit in a Rotterdam garage"] == "2014"
    assert clozes["Harbor Ledger — [...] – Launched the Harbor Ledger card for small businesses"] == "March 2016"


def test_a_word_that_ends_firm_names_is_no_firm_alone(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "direct.md",
        "Baidu built a direct bank similar to FINTECH.\n\nKestrel Capital opened its first office in Madrid in 2016.\n",
    )
    types = {card.answer: card.answer_type for card in cards}
    assert types.get("Kestrel Capital") == "organisation"
    assert types.get("FINTECH") != "organisation"


def test_no_sentence_ends_inside_a_legal_form(tmp_path: Path):
    cards = page_cards(tmp_path, "fine.md", "The regulator fined Pelican Pay Pte. Ltd. 2.4 million dollars in 2024.\n")
    assert {card.source.text for card in cards} == {
        "The regulator fined Pelican Pay Pte. Ltd. 2.4 million dollars in 2024."
    }


def test_items_in_words_take_choices_from_other_lists_in_words_and_say_what_they_list(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "review.md",
        "---\ntitle: Lumen Card review\n---\n"
        "The Lumen Card is a prepaid card from Lumen Financial, a fintech based in Dublin.\n\n"
        "Pros:\n- No fees on card payments\n- Free cash withdrawals\n- Instant notifications\n\n"
        "Cons:\n- No interest on balances\n- Slow bank top-ups\n- No joint accounts\n\n"
        "Lumen Financial opened an office in Madrid in 2023.\n",
    )
    pros = [card for card in cards if "Pros" in card.prompt]
    assert {card.answer for card in pros} == {
        "No fees on card payments",
        "Free cash withdrawals",
        "Instant notifications",
    }
    cons = {"No interest on balances", "Slow bank top-ups", "No joint accounts"}
    for card in pros:
        assert card.prompt.startswith("Lumen Card review: “Pros …”")
        assert set(card.choices) - {card.answer} == cons


def test_a_live_blog_entry_stamp_is_no_answer(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "live.md",
        "**10:32 GMT** — The Bank of Norland kept its main interest rate at 4.25% on Thursday.\n\n"
        "9.15am: Governor Elsa Brandt said inflation fell to 3.1% in October.\n",
    )
    assert {card.answer for card in cards} >= {"4.25%", "3.1%"}
    assert not [card for card in cards if "GMT" in card.answer or "GMT" in card.prompt or "9.15" in card.prompt]


def test_full_width_digits_and_stops_from_machine_translation_read_as_ascii(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "translated.txt",
        "Kestrel Finance published its annual report in March 2021。Its total assets reached "
        "１２０ billion yuan at the end of 2020，up 25% from a year earlier.\n",
    )
    answers = {card.answer for card in cards}
    assert "120 billion yuan" in answers
    assert (
        "Kestrel Finance's total assets reached 120 billion yuan at the end of 2020, up 25% from a year earlier."
        in {card.source.text for card in cards}
    )


def test_she_after_a_leading_phrase_is_the_person_named_after_it(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "obituary.md",
        "Marguerite Okonjo, who founded the mobile lender Paylink in 2009, died on Sunday in Lagos.\n\n"
        "Born in Enugu in 1953, Okonjo studied economics at the University of Ibadan.\n\n"
        "She joined the Central Bank of Nigeria in 1981.\n",
    )
    joined = [card for card in cards if card.source.text == "Okonjo joined the Central Bank of Nigeria in 1981."]
    assert joined
    # "She" makes Okonjo a person: a question asks "who", and a person is no "what".
    assert ("Okonjo", "person") in {(card.answer, card.answer_type) for card in cards}


def test_a_paragraph_wrapped_at_a_fixed_width_reads_as_one(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "update.txt",
        "Dear shareholders,\n\n"
        "Harbor Ledger closed the third quarter with 212,000 business customers,\n"
        "up 18% from a year earlier. Revenue for the quarter was 31 million euros,\n"
        "and the company reached break-even in September for the first time.\n\n"
        "Best regards,\n"
        "Ingrid Vos\n"
        "Chief Executive Officer\n",
    )
    sources = {card.source.text for card in cards}
    assert (
        "Harbor Ledger closed the third quarter with 212,000 business customers, up 18% from a year earlier." in sources
    )
    assert {"212,000", "18%", "31 million euros"} <= {card.answer for card in cards}
    # Short lines are a signature, not a paragraph.
    assert not [text for text in sources if "Ingrid Vos" in text]


def test_text_taken_out_of_a_pdf_reads_as_its_sentences(tmp_path: Path):
    """A PDF's lines break anywhere: before a capital ('2.4 billion / Hong Kong dollars') and inside
    a word ('pre- / vious', 'trans- / actions'); a hyphenated word ('e- / commerce') keeps its hyphen. A headline with a
    byline under it is no paragraph."""
    generation = generate_page(
        tmp_path,
        "report.txt",
        "Keel Bank wins a licence as rivals regroup in the Hong Kong market\n"
        "By Sam Whitfield, Senior Correspondent | Updated 12 March 2024, 10:15 GMT\n\n"
        "Chairman's Statement\n\n"
        "Harbourline Financial Group recorded net profit of 2.4 billion\n"
        "Hong Kong dollars in 2024, an increase of 11 per cent on the pre-\n"
        "vious year. Its online shop for small firms, opened in May 2021, now sells\n"
        "through three e-\n"
        "commerce platforms in Kowloon.\n\n"
        "The bank's payment app, run by Harbourline Pay, processed 512 million trans-\n"
        "actions in 2024 across its network of 3,100 merchants in Hong Kong.\n",
    )
    sources = {card.source.text for card in all_cards(generation)}
    assert (
        "Harbourline Financial Group recorded net profit of 2.4 billion Hong Kong dollars in 2024,"
        " an increase of 11 per cent on the previous year." in sources
    ), sources
    assert [text for text in sources if "three e-commerce platforms" in text], sources
    assert [text for text in sources if "512 million transactions in 2024" in text], sources
    assert generation.decks[0].title == "Keel Bank wins a licence as rivals regroup in the Hong Kong market"


def test_a_count_spread_over_a_list_asks_no_question_of_its_first_item(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "staff.md",
        "Nordwind Pay employs 320 people in Vienna and Krakow.\nKite Transfer employs 45 people in Madrid.\n",
    )
    questions = answers_by_prompt(cards, "question")
    assert questions.get("How many people does Kite Transfer employ in Madrid?") == "45"
    assert "320" not in questions.values()
    assert "320" in {card.answer for card in cards}


@pytest.mark.parametrize(
    ("text", "name", "not_a_name", "source"),
    [
        # A firm named by its relation ("Rival ...") is the firm; a reply's "Yep," is no part of it.
        (
            "Rival GrabPay Finance cut its lending target in August 2024.\n\n"
            "Yep, Kite Transfer listed on the London Stock Exchange in July 2021.\n",
            "GrabPay Finance",
            "Rival GrabPay Finance",
            "Kite Transfer listed on the London Stock Exchange in July 2021.",
        ),
        # A surname's particles are part of the name, and "he" after it is the whole name.
        (
            "Chief executive Pieter van der Does said Adyen would keep investing in its platform.\n"
            "He has led Adyen since 2006.\n",
            "Pieter van der Does",
            "Pieter",
            "Pieter van der Does has led Adyen since 2006.",
        ),
        # So are a firm's: "do" joins the words of "Banco do Brasil".
        (
            "Pix was created by the Banco Central do Brasil and launched in November 2020.\n",
            "Banco Central do Brasil",
            "Banco Central",
            "Pix was created by the Banco Central do Brasil and launched in November 2020.",
        ),
    ],
    ids=["relation-and-interjection", "particles", "particles-of-a-firm"],
)
def test_a_name_is_the_whole_name_and_only_the_name(tmp_path: Path, text: str, name: str, not_a_name: str, source: str):
    cards = page_cards(tmp_path, "doc.md", text)
    answers = {card.answer for card in cards}
    assert name in answers and not_a_name not in answers
    assert source in {card.source.text for card in cards}


def test_a_listed_name_joined_by_particles_is_a_name_not_words(tmp_path: Path):
    """'Banco do Brasil' in a list of banks is a bank, as 'Bradesco Bank' is: its lowercase 'do'
    joins the name's words and does not make the item a phrase."""
    cards = page_cards(
        tmp_path,
        "pix.md",
        "Pix was created by the Banco Central do Brasil in 2020.\n\n"
        "Inter Bank joined Pix in 2021. Caixa Bank joined it in 2022. Sicoob Bank joined it in 2023.\n\n"
        "The first banks to offer Pix were:\n\n- Banco do Brasil\n- Bradesco Bank\n- Itaú Bank\n",
    )
    kinds = {card.answer: card.answer_type for card in cards}
    assert kinds.get("Banco do Brasil") == kinds.get("Bradesco Bank") == "bank", kinds


def test_a_name_after_and_keeps_a_first_word_that_is_a_function_word_elsewhere():
    """'Per' and 'My' open a sentence as fillers, but after 'and' they are a name's."""
    names = {span.text for span in find_spans("Ingrid Halvorsen and Per Lunde founded it, as WeBank and MY Bank did.")}
    assert {"Per Lunde", "MY Bank"} <= names, names
    assert "Ant Group" in {span.text for span in find_spans("Per Ant Group, the rules changed.")}


def test_a_labelled_value_on_a_page_naming_two_firms_as_often_is_no_ones(tmp_path: Path):
    generation = generate_page(
        tmp_path,
        "compare.md",
        "# Bank comparison\n\nKeel Bank and Orbit Bank are digital banks in Portugal.\n\n"
        "- Keel Bank customers: 1.2 million\n- Founded: 2018\n\nAlso read: How Pix went global\n",
    )
    texts = {card.source.text for card in all_cards(generation)}
    assert "Keel Bank customers: 1.2 million" in texts
    assert not [text for text in texts if "Founded" in text], texts
    assert {line.text: line.reason for line in generation.skipped_sentences}["Founded: 2018"] == (
        "labelled value of no one the page is about"
    )
    assert drop_reasons(generation)["Also read: How Pix went global"] == "link box"


def test_a_counts_choices_count_what_it_counts_first(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "branches.md",
        "Orbit Pay opened 12 branches in Porto.\n\nKite Pay opened 30 branches in Lisbon.\n\n"
        "Lumen Pay opened 45 branches in Faro.\n\nTern Pay opened 60 branches in Braga.\n\n"
        "Orbit Pay hired 11 engineers in Porto.\n\nKite Pay hired 13 analysts in Lisbon.\n\n"
        "Lumen Pay rents 10 offices in Faro.\n",
    )
    choices = next(card.choices for card in cards if card.kind == "choice" and card.answer == "12")
    assert set(choices) == {"12", "30", "45", "60"}, choices


def test_a_date_with_a_year_never_has_a_date_without_one_among_its_choices(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "dates.md",
        "Pesa Rapida expanded to Ethiopia in August 2023.\n\n"
        "Kilima Card launched in Kenya in November 2020.\n\n"
        "Orbit Wallet reached Peru in March 2024.\n\n"
        "Lumen Wallet opened in Chile in June 2021.\n\n"
        "Kite Transfer announced its results on 14 March.\n\n"
        "Harbor Ledger held its meeting on 2 May.\n\n"
        "Tidewater Labs closed its round on 9 June.\n",
    )
    with_year = {"August 2023", "November 2020", "March 2024", "June 2021"}
    choices = [card for card in cards if card.kind == "choice" and card.answer in with_year]
    assert {card.answer for card in choices} == with_year
    assert all(set(card.choices) == with_year for card in choices)


def test_a_recordings_time_stamps_speakers_and_sponsor_reads_are_not_content(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "episode.txt",
        "[00:00:14] HOST: Samir Haddad founded the Cairo wallet Sahel Pay in 2017.\n\n"
        "[00:02:30] HADDAD: Egypt's central bank granted Sahel Pay an e-money licence in 2019.\n\n"
        "[00:03:20] This episode is sponsored by Ledgerly. Try it free for 30 days.\n\n"
        "(04:12) Sahel Pay now employs 640 people in three countries.\n",
    )
    cards = all_cards(result)
    assert {card.answer for card in cards} >= {"2017", "2019", "640"}
    assert not [card for card in cards if "HADDAD" in card.prompt or ":" in card.prompt or "30" in card.answer]
    reasons = drop_reasons(result)
    assert reasons["[00:03:20] This episode is sponsored by Ledgerly. Try it free for 30 days."] == "advertisement"


def test_a_sentence_in_the_first_or_second_person_is_skipped_with_that_reason(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "interview.md",
        "Kestrel Bank opened in Dublin in 2019.\n\n"
        "My guest today founded Kestrel Bank in 2019 after ten years at Ulster Bank.\n\n"
        "Last year we lent 2.4 billion euros to homeowners in Ireland.\n",
    )
    reasons = {sentence.text: sentence.reason for sentence in result.skipped_sentences}
    for text in (
        "My guest today founded Kestrel Bank in 2019 after ten years at Ulster Bank.",
        "Last year we lent 2.4 billion euros to homeowners in Ireland.",
    ):
        assert reasons[text] == "speaks as 'we', 'I' or to 'you': who is unknown"


def test_amounts_in_more_currencies_named_in_words_are_money(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "licence.md",
        "The licence lets Lumora Bank take deposits of up to 30 trillion dong in its first year.\n\n"
        "Tatra Pay raised 120 million zloty from Vistula Capital in 2023.\n",
    )
    types = {card.answer: card.answer_type for card in cards}
    assert types["30 trillion dong"] == types["120 million zloty"] == "money"


def test_a_bullet_point_that_is_a_clause_reads_as_a_sentence_without_a_lead_in(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "note.md",
        "Pelican Pay reported revenue of 412 million dollars for 2024.\n\n"
        "## This week\n\n"
        "- Take rate fell to 2.1% from 2.3%\n"
        "- Pelican Pay opened 14 offices in Malaysia\n"
        "- Cash of 540 million dollars at year end\n"
        "- Grab Financial and Sea Money\n",
    )
    answers = {card.answer for card in all_cards(result)}
    assert {"2.1%", "2.3%", "14"} <= answers
    skipped = {sentence.text: sentence.reason for sentence in result.skipped_sentences}
    assert skipped["Cash of 540 million dollars at year end"] == "list item with no lead-in"
    assert skipped["Grab Financial and Sea Money"] == "list item with no lead-in"


def test_a_date_naming_its_day_is_never_the_one_day_among_months(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "dates.md",
        "Lumora Bank received its banking licence on 12 February 2025.\n\n"
        "Halcyon Group bought a stake in Lumora Bank in March 2023.\n\n"
        "Vinacapital Partners joined the board of Lumora Bank in June 2023.\n\n"
        "Lumora Bank hired Nguyen Thi Lan as chief executive in October 2024.\n\n"
        "Lumora Bank opened its first office in Hanoi in January 2022.\n",
    )
    choices = {card.answer: card.choices for card in cards if card.kind == "choice" and card.answer_type == "date"}
    # Only months to choose among: the one date naming its day would give itself away.
    assert "12 February 2025" not in choices
    assert {"March 2023", "June 2023", "October 2024", "January 2022"} & choices.keys()


def test_a_threads_post_numbers_and_hashtags_are_no_part_of_its_sentences(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "thread.txt",
        "1/4 Big news in Indonesian fintech today\n\n"
        "2/4 Kredivo Nusantara said it had received a banking licence from OJK. The licence came on "
        "3 April 2025. #fintech #banking\n\n"
        "3/4 Kredivo Nusantara was founded in 2016 by Akshay Garg and Umang Rustagi.\n",
    )
    by_answer = {card.answer: card for card in cards}
    assert {"3 April 2025", "2016", "Kredivo Nusantara"} <= by_answer.keys()
    assert {card.source.title for card in cards} == {"Big news in Indonesian fintech today"}
    assert not [card for card in cards if "/4" in card.prompt or "#" in card.prompt]
    # What says "it" of itself is no person: no "Who ...?".
    assert by_answer["Kredivo Nusantara"].answer_type != "person"


def test_she_after_a_sentence_opening_with_a_role_is_the_person_it_names(tmp_path: Path):
    generation = generate_page(
        tmp_path,
        "people.md",
        "Chief executive Grace Lam joined Keel Bank from Standard Chartered in 2017. "
        "She succeeded Peter Ng in March 2019.\n\n"
        "Founder Wanjiru Kamau opened the first office in Nairobi in 2019. "
        "Its rent was 4,000 dollars a month.\n",
    )
    sources = {card.source.text for card in all_cards(generation)}
    assert "Grace Lam succeeded Peter Ng in March 2019." in sources
    # A person is no "it".
    assert not [text for text in sources if "rent" in text]
    assert "Its rent was 4,000 dollars a month." in {skipped.text for skipped in generation.skipped_sentences}


def test_the_company_mid_sentence_is_the_one_the_document_is_about(tmp_path: Path):
    # Another page makes Orbit Pay what the corpus is about, so Airwallex may be an answer.
    (tmp_path / "orbit.md").write_text(
        "Orbit Pay opened in Lisbon in 2017.\n\nOrbit Pay employs 420 people.\n\n"
        "Orbit Pay serves 2.3 million customers.\n\nOrbit Pay listed in Amsterdam in 2021.\n",
        encoding="utf-8",
    )
    cards = page_cards(
        tmp_path,
        "airwallex.md",
        "Airwallex, a payments company based in Singapore, raised US$300 million in a Series F round in"
        " December 2024. The round valued the company at US$6.2 billion; it was led by Square Peg.\n\n"
        "Annualised revenue passed US$500 million in 2024, Airwallex said.\n\n"
        "Airwallex has about 1,700 employees across 26 offices.\n\n"
        "Founder Jack Zhang started the company in 2015 after six years at a bank.\n\n"
        "In August, a share sale valued the company at US$8 billion.\n\n"
        "Chief executive Jack Zhang took the company to 12 markets by 2023.\n\n"
        "Square Peg led the round and the firm now holds 15% of the shares.\n",
    )
    sources = {card.source.text for card in cards}
    assert "Founder Jack Zhang started Airwallex in 2015 after six years at a bank." in sources
    # A month before it names no firm it could be, nor does a sentence's everyday first word.
    assert "In August, a share sale valued Airwallex at US$8 billion." in sources
    assert "Chief executive Jack Zhang took Airwallex to 12 markets by 2023." in sources
    assert "The round valued Airwallex at US$6.2 billion; it was led by Square Peg." in sources
    # A firm named before it in the sentence is what it stands for: left as it is.
    assert "Square Peg led the round and the firm now holds 15% of the shares." in sources

    # The name put in is there to make the sentence clear, not to be asked for.
    documents = []
    for path in sorted(tmp_path.iterdir()):
        document = read_document(path)
        documents.append((document, content_lines(document.text, document.first_line)[0]))
    sentences, _ = extract_sentences(documents, EntityTypes())
    valued = next(sentence for sentence in sentences if sentence.text.startswith("The round valued"))
    assert [span.text for span in valued.spans if span.type == "name"] == ["Square Peg"]


def test_no_question_of_a_subject_a_second_clause_points_back_to(tmp_path: Path):
    questions = questions_from(
        tmp_path,
        "Square Peg led the round and the firm now holds 15% of the shares.\n\n"
        "Kite Transfer opened an office in Madrid and it now employs 45 people there.\n\n"
        "Kite Transfer listed on the London Stock Exchange in July 2021.\n",
    )
    assert not [prompt for prompt in questions if " and " in prompt], questions
    assert "When did Kite Transfer list on the London Stock Exchange?" in questions


def test_a_press_releases_about_box_is_read_without_its_link(tmp_path: Path):
    generation = generate_page(
        tmp_path,
        "release.md",
        "Norra Pay reported revenue of 1.8 billion kronor for the first half of 2025.\n\n"
        "About Norra Pay\n"
        "Norra Pay was founded in Uppsala in 2016 and employs 850 people in six countries. "
        "For more information, visit www.norrapay.example.\n\n"
        "Media contact:\n"
        "Johan Lind, press@norrapay.example\n",
    )
    sources = {card.source.text for card in all_cards(generation)}
    assert "Norra Pay was founded in Uppsala in 2016 and employs 850 people in six countries." in sources
    assert not [text for text in sources if "www." in text or "Johan" in text]


def test_lakh_crore_is_one_amount_and_no_when_question_for_a_copulas_noun(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "upi.md",
        "UPI processed payments worth ₹20.6 lakh crore in March 2024.\n\n"
        "GXS Bank is one of four digital banks licensed by the Monetary Authority of Singapore in December 2020.\n\n"
        "GXS Bank was founded in Singapore in 2020.\n",
    )
    assert "₹20.6 lakh crore" in {card.answer for card in cards}
    questions = {card.prompt for card in cards if card.kind == "question"}
    assert not [prompt for prompt in questions if prompt.startswith("When is")], questions
    assert "In what year was GXS Bank founded in Singapore?" in questions


def test_a_sentence_naming_nothing_is_shown_under_the_pages_title(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "survey.md",
        "# Household payments survey 2024\n\n"
        "The National Statistics Office surveyed 12,400 households in Portugal.\n\n"
        "Cash fell to 21% of transactions.\n\n"
        "The median household held 2.3 payment cards.\n\n"
        "Verified users of Orbit Pay sent 412 euros a month. Unverified accounts sent 25 euros.\n",
    )
    prompts = {card.prompt for card in cards}
    assert "Household payments survey 2024: Cash fell to [...] of transactions." in prompts
    # A capitalised word describing the noun after it names nothing either.
    assert "Household payments survey 2024: Unverified accounts sent [...]." in prompts
    assert "Household payments survey 2024: The median household held [...] payment cards." in prompts
    # A sentence that names who or where needs no heading; the source keeps the sentence alone.
    assert "The National Statistics Office surveyed [...] households in Portugal." in prompts
    assert "Cash fell to 21% of transactions." in {card.source.text for card in cards}


@pytest.mark.parametrize(
    "title",
    [
        "Frequently asked questions about the Lumen wallet",
        "5 things to know about the Lumen wallet",
        "FAQ: The Lumen wallet",
        "Episode 12: The Lumen wallet",
        "Live: The Lumen wallet",
    ],
)
def test_a_title_saying_what_kind_of_page_it_is_shows_only_what_it_is_about(tmp_path: Path, title: str):
    cards = page_cards(tmp_path, "faq.md", f"# {title}\n\nVerified users can send up to 15,000 euros a month.\n")
    assert {card.prompt for card in cards} == {"The Lumen wallet: Verified users can send up to [...] a month."}


def test_a_role_of_no_firm_is_shown_under_the_pages_title(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "ant.md",
        "# Notes on Ant Group\n\nAnt Group was spun out of Alibaba in 2014.\n\n"
        "Eric Jing was chairman from 2019 until 2023.\n\nEric Jing was chairman of Alipay in 2016.\n",
    )
    prompts = {card.prompt for card in cards if card.kind == "cloze"}
    assert "Notes on Ant Group: Eric Jing was chairman from [...] until 2023." in prompts, prompts
    # A role of a firm named says whose it is.
    assert "Eric Jing was chairman of Alipay in [...]." in prompts, prompts


def test_no_choice_is_the_answer_rounded(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "rounds.md",
        "Orbit Pay raised US$1.2bn in 2021.\n\nKite Pay raised US$1.19 billion in 2022.\n\n"
        "Lumen Pay raised US$0.8 billion in 2020.\n\nNorra Pay raised US$2.5 billion in 2019.\n\n"
        "Tallis Pay raised US$3.4 billion in 2018.\n\nMox Pay raised US$4.1 billion in 2017.\n",
    )
    choices = next(card.choices for card in cards if card.answer == "US$1.2bn" and card.choices)
    assert not [choice for choice in choices if choice.startswith("US$1.19")], choices


def test_no_two_choices_are_one_value_rounded(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "rates.md",
        "Orbit Pay's default rate rose to 1.9% in 2021.\n\nKite Pay's default rate was 1.85% in 2022.\n\n"
        "Lumen Pay's default rate was 0.8% in 2020.\n\nNorra Pay's default rate was 2.6% in 2019.\n\n"
        "Tallis Pay's default rate was 3.4% in 2018.\n\nMox Pay's default rate was 1.8% in 2017.\n",
    )
    for card in cards:
        if card.answer_type == "percent" and card.choices:
            # 1.85% is 1.9% rounded half up, as writers round.
            assert not {"1.85%", "1.9%"} <= set(card.choices), card.choices


def test_his_inside_a_sentence_is_shown_after_the_person_named_before(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "profile.md",
        "Xiaomi Finance chairman Hong Feng studied computer science at Purdue University. "
        "Forbes estimated his net worth at US$2.7 billion in 2024.\n\n"
        "Founder Ana Ruiz started Orbit Pay in 2017. Investors valued her company at 40 million euros in 2019.\n\n"
        "Founder Ines Alves started Kite Transfer in London in 2021. Chief executive Tom Hale said his team had"
        " grown to 85 people.\n",
    )
    prompts = {card.prompt for card in cards}
    assert (
        "Xiaomi Finance chairman Hong Feng studied computer science at Purdue University."
        " Forbes estimated his net worth at [...] in 2024." in prompts
    )
    assert "Founder Ana Ruiz started Orbit Pay in 2017. Investors valued her company at [...] in 2019." in prompts
    # Whom "his" stands for is named before it: no sentence before is needed.
    team = [prompt for prompt in prompts if "his team had grown to [...] people" in prompt]
    assert team and not [prompt for prompt in team if "Ines Alves" in prompt], team


def test_a_common_noun_pointing_back_is_shown_after_the_sentence_before(tmp_path: Path):
    """'The remaining 35% is held by Vinacapital Partners.': of what, only the sentence before says,
    whatever the sentence itself names."""
    cards = page_cards(
        tmp_path,
        "stake.md",
        "Halcyon Group paid 180 million dollars for a 65% stake in Lumora Bank in 2023. "
        "The remaining 35% is held by Vinacapital Partners.\n",
    )
    prompts = {card.prompt for card in cards if card.kind == "cloze"}
    assert (
        "Halcyon Group paid 180 million dollars for a 65% stake in Lumora Bank in 2023."
        " The remaining [...] is held by Vinacapital Partners." in prompts
    )


def test_a_newsletters_view_in_browser_line_and_bold_are_not_its_title(tmp_path: Path):
    generation = generate_page(
        tmp_path,
        "issue.md",
        "View in browser\n\n**The Ledger Weekly** — Issue #212\n\n"
        "Nubank passed 100 million customers in Brazil, Mexico and Colombia in May 2024.\n",
    )
    assert generation.decks[0].title == "The Ledger Weekly — Issue #212"


def test_an_infobox_above_the_opening_is_read_and_a_role_alone_is_no_answer(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "webank.md",
        "# WeBank\n\n"
        "Founded: December 2014\n"
        "Headquarters: Shenzhen, China\n"
        "Key people: Gu Min (CEO)\n"
        "Total assets: 600 billion yuan (2023)\n\n"
        "WeBank is a Chinese online bank launched by Tencent and other investors.\n",
    )
    answers = {card.answer: card.answer_type for card in cards}
    assert answers.get("December 2014") == "date" and answers.get("Gu Min") == "person", answers
    assert {"Shenzhen", "600 billion yuan"} <= answers.keys()
    # "(2023)" dates the figure: asked for, it would ask when the assets were counted.
    assert "CEO" not in answers and "2023" not in answers


@pytest.mark.parametrize(
    ("page", "sources"),
    [
        # A paper's author-year citations: who wrote about a fact is not the fact.
        (
            "In Kenya, access to M-Pesa lifted about 194,000 households out of extreme poverty (Suri and Jack,"
            " 2016).\n\nLater studies found smaller effects in Tanzania and Uganda (Riley, 2018; Aron et al.,"
            " 2019a).\n",
            {
                "In Kenya, access to M-Pesa lifted about 194,000 households out of extreme poverty.",
                "Later studies found smaller effects in Tanzania and Uganda.",
            },
        ),
        # A thread's post number without its count, or in brackets.
        (
            "4/ Kredivo Nusantara serves 12,000 merchants in Jakarta.\n\n"
            "(5/5) Lumen Pay opened an office in Surabaya in 2024.\n",
            {
                "Kredivo Nusantara serves 12,000 merchants in Jakarta.",
                "Lumen Pay opened an office in Surabaya in 2024.",
            },
        ),
    ],
)
def test_what_is_no_part_of_a_sentence_goes_from_it(tmp_path: Path, page: str, sources: set[str]):
    assert {card.source.text for card in page_cards(tmp_path, "page.md", page)} == sources


def test_no_year_question_for_a_present_state_or_a_clause_after_the_verb(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "stakes.md",
        "GoTo holds a 21.4% stake in Bank Jago after investing in the lender in 2021.\n\n"
        "Grab opened a data centre in Jakarta before selling its stake in Ovo in 2023.\n\n"
        "Singtel acquired a 40% stake in GXS Bank in 2020.\n",
    )
    questions = answers_by_prompt(cards, "question")
    assert questions["In what year did Singtel acquire a 40% stake in GXS Bank?"] == "2020"
    assert not [prompt for prompt, answer in questions.items() if answer in ("2021", "2023")]


def test_a_title_or_a_plural_noun_before_a_name_is_no_part_of_it(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "people.md",
        "Chief Executive Lai Chin Look told reporters that GXS Bank had 1.5 million customers.\n\n"
        "Deputy Governor Zhu Hexin said the central bank would cut rates in March 2024.\n\n"
        "Customers of Gojek can open a Bank Jago account inside the Gojek app since 2021.\n",
    )
    answers = {card.answer for card in cards}
    assert {"Lai Chin Look", "Zhu Hexin"} <= answers
    assert not [answer for answer in answers if answer.startswith(("Chief", "Deputy", "Customers"))]


def test_a_count_in_words_after_the_points_back_and_is_no_answer(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "counts.md",
        "GXS Bank operates in Singapore and Malaysia.\n\n"
        "GXS Bank has 1.5 million customers across the two countries.\n\n"
        "Singapore issued four digital banking licences in 2020.\n",
    )
    answers = {card.answer for card in cards}
    assert {"1.5 million", "four"} <= answers
    assert "two" not in answers


def test_a_firm_named_by_an_everyday_word_keeps_its_capital_in_a_question(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "grab.md",
        "GXS Bank is backed by Grab Holdings and Singtel.\n\n"
        "Grab owns 60% of GXS Bank, while Singtel owns the remaining 40%.\n\n"
        "Revenue rose to 80 million dollars in 2024, Grab said.\n",
    )
    questions = [card.prompt for card in cards if card.kind == "question"]
    assert "What share of GXS Bank does Grab own?" in questions


def test_a_year_question_in_the_present_where_the_year_is_no_state(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "outlook.md",
        "Brightwater expects the deal to add 60 million dollars to its revenue in 2025.\n\n"
        "Nubank operates in Colombia since 2020.\n",
    )
    questions = answers_by_prompt(cards, "question")
    assert (
        questions["In what year does Brightwater expect the deal to add 60 million dollars to its revenue?"] == "2025"
    )
    assert not [prompt for prompt, answer in questions.items() if answer == "2020"]


PORTAL_PAGE = """Original title: Wangyin Online keeps its payment licence

Source: Finance Daily  2021-07-12 09:31

On July 9, the central bank renewed the payment licence of Wangyin Online, valid until 20 2 6.

Keel Technology was renamed from Keel Digits in September 2020, and its chief executive is Li Na.

Analysts believe that the licence will help Keel Technology cut its funding costs by 2022.

Editor in charge: Wang Xiaoming

Disclaimer: The content of this article is for reference only and does not constitute investment advice.
"""

QUESTION_HEADLINE_PAGE = """Meituan gets into consumer credit: what next?

2020-06-25 Economic Observer Network Reporter Chen Mei

On June 24, the regulator approved Chongqing Meituan Consumer Finance, with a registered capital of 1.5 billion yuan.

(Responsible editor: Liu Yang)

Related reading:

Ant Consumer Finance gets approval
"""


def test_a_reposted_pages_furniture_titles_and_broken_years(tmp_path: Path):
    (tmp_path / "portal.txt").write_text(PORTAL_PAGE, encoding="utf-8")
    (tmp_path / "question.txt").write_text(QUESTION_HEADLINE_PAGE, encoding="utf-8")
    result = generate([tmp_path])
    titles = {deck.name: deck.title for deck in result.decks}
    assert titles == {
        "portal": "Wangyin Online keeps its payment licence",
        "question": "Meituan gets into consumer credit: what next?",
    }
    reasons = drop_reasons(result)
    assert reasons["Editor in charge: Wang Xiaoming"] == reasons["(Responsible editor: Liu Yang)"] == "byline"
    assert reasons["2020-06-25 Economic Observer Network Reporter Chen Mei"] == "byline"
    assert reasons[PORTAL_PAGE.splitlines()[-1]] == "disclaimer"
    skipped = {sentence.text: sentence.reason for sentence in result.skipped_sentences}
    assert skipped[PORTAL_PAGE.splitlines()[4]] == "garbled number (year split by a space)"
    assert skipped[PORTAL_PAGE.splitlines()[8]] == "opinion or hedge, not a fact"
    questions = {card.prompt for card in all_cards(result) if card.kind == "question"}
    # The question ends with the clause that holds the answer.
    assert "Which organisation was renamed from Keel Digits in September 2020?" in questions


def test_its_after_a_possessive_subject_is_the_name_owned_or_else_the_owner(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "parent.md",
        "In November 2021, Paytm's parent company One97 Communications raised 2.5 billion dollars.\n\n"
        "Its shares fell 27% on their first day of trading.\n\n"
        "Jago's third-party funds grew 38% in 2024. Its loan book stood at 17.2 trillion rupiah.\n",
    )
    texts = {card.source.text for card in cards}
    assert "One97 Communications' shares fell 27% on their first day of trading." in texts
    assert "Jago's loan book stood at 17.2 trillion rupiah." in texts


def test_a_copy_of_a_document_is_reported_as_one(tmp_path: Path):
    text = "Keel Bank opened 40 branches in Porto in 2019.\n"
    (tmp_path / "a-original.md").write_text(text, encoding="utf-8")
    (tmp_path / "b-copy.md").write_text(text, encoding="utf-8")
    result = generate([tmp_path])
    assert [deck.name for deck in result.decks] == ["a-original"]
    assert result.notes == [f"{tmp_path.name}/b-copy.md: all its cards repeat cards of earlier documents"]


def test_count_choices_are_written_as_the_answer_is(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "counts.md",
        "Keel Bank opened 6 branches in Porto in 2019.\n\n"
        "Orbit Pay hired four engineers in Lisbon in 2020.\n\n"
        "Tern Payments signed eight partners in Madrid in 2021.\n\n"
        "Harbor Credit employs 12 analysts in Vigo.\n\n"
        "Lumora Bank runs three offices in Hanoi.\n",
    )
    choices = {card.answer: card.choices for card in cards if card.kind == "choice" and card.answer_type == "count"}
    assert choices["6"] and all(choice.isdigit() for choice in choices["6"])
    assert choices["four"] and not any(choice.isdigit() for choice in choices["four"])


def test_date_choices_are_written_as_the_answer_is_and_never_restate_it(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "dates.md",
        "Lumora Bank received its licence on May 9th, 2019.\n\n"
        "Halcyon Group bought a stake in Lumora Bank on 3rd March 1997.\n\n"
        "Vinacapital Partners joined the board of Keel Bank on 2 January 2024.\n\n"
        "Orbit Pay hired Nguyen Thi Lan as chief executive on 31 March 2023.\n\n"
        "Tern Payments was licensed by the central bank on 9 May 2019.\n",
    )
    choices = {card.answer: card.choices for card in cards if card.kind == "choice" and card.answer_type == "date"}
    assert set(choices["May 9th, 2019"]) >= {"March 3rd, 1997", "January 2nd, 2024"}
    # "May 9th, 2019" is the answer "9 May 2019" written another way: never a wrong choice beside it.
    for answer, options in choices.items():
        assert options.count(answer) == 1 and len(set(options)) == len(options), options


def test_it_after_an_as_phrase_is_the_subject_before_unless_it_is_a_dummy(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "amtd.md",
        "Morrow Capital is an investment bank based in Hong Kong.\n\n"
        "As a major investment bank, it helps Chinese firms expand to Singapore and the United States.\n\n"
        "Keel Bank opened 12 branches in Porto in 2019.\n\n"
        "As more wallets emerge, it will only be harder to win customers in Portugal and Spain.\n",
    )
    texts = {card.source.text for card in cards}
    assert (
        "As a major investment bank, Morrow Capital helps Chinese firms expand to Singapore and the United States."
        in texts
    )
    assert not [text for text in texts if text.startswith("As more wallets") and "it will" not in text]


def test_a_lead_in_before_a_colon_is_no_part_of_the_sentence_after_it(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "recap.md",
        "Quick recap for those who missed it: Revolut applied for the licence in January 2021.\n\n"
        "Orbit Pay: The wallet has 2 million users in Portugal.\n",
    )
    texts = {card.source.text for card in cards}
    assert "Revolut applied for the licence in January 2021." in texts
    assert "Orbit Pay: The wallet has 2 million users in Portugal." in texts


def test_they_after_a_list_of_names_is_all_of_them_and_it_is_none(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "groups.md",
        "Grab and Singtel won a digital banking licence in Singapore in December 2020.\n\n"
        "They invested S$1.5 billion in the new bank over five years.\n\n"
        "Tencent, Alibaba and Baidu dominate online payments in China.\n\n"
        "Their wallets handled 90% of mobile payments in 2023.\n\n"
        "It also runs a cloud business in Jakarta since 2019.\n",
    )
    texts = {card.source.text for card in cards}
    assert "Grab and Singtel invested S$1.5 billion in the new bank over five years." in texts
    assert "Tencent, Alibaba and Baidu's wallets handled 90% of mobile payments in 2023." in texts
    assert not [text for text in texts if "cloud business" in text]


def test_regulators_and_central_banks_are_never_choices_for_a_firm(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "licences.md",
        "Lumora Bank is supervised by the Monetary Authority of Singapore.\n\n"
        "Keel Bank was fined by the Reserve Bank of India.\n\n"
        "Pix was created by the Central Bank of Brazil.\n\n"
        "Trust Bank is owned by Standard Chartered.\n\n"
        "Harbor Bank lent money to Orbit Pay.\n\n"
        "Tallis Bank bought Morrow Capital.\n",
    )
    firm_choices = [card.choices for card in cards if card.kind == "choice" and card.answer.endswith(" Bank")]
    assert firm_choices
    for choices in firm_choices:
        assert not [choice for choice in choices if "Reserve" in choice or "Central" in choice or "Authority" in choice]


def test_an_infoboxs_label_says_what_kind_of_name_its_value_is(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "kestrel.md",
        "Kestrel Pay is a Chilean payments company.\n\n"
        "- Founded: 2016\n"
        "- Founder: Ana Ruiz\n"
        "- Headquarters: Valparaiso\n\n"
        "Kestrel Pay processes payments for 12,000 merchants in Chile and Peru.\n\n"
        "Ana Ruiz hired Tomas Ferreira from Orbit Bank.\n",
    )
    by_prompt = {card.prompt: card for card in cards if card.kind == "cloze"}
    assert by_prompt["Kestrel Pay — Founder: [...]"].answer_type == "person"
    assert by_prompt["Kestrel Pay — Headquarters: [...]"].answer_type == "place"
    # Known as a person from the label, Ana Ruiz is one in prose too: "Who ...?", not "What ...?".
    assert "Who hired Tomas Ferreira from Orbit Bank?" in {card.prompt for card in cards}


def test_text_copied_from_a_pages_source_reads_as_text(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "source.md",
        "Keel Bank &amp; Trust opened 12 branches in Porto&nbsp;in 2019.\n\n"
        "<p>Orbit Pay raised &#36;5 million from Tern Capital in 2021.</p>\n\n"
        '<div class="promo"><a href="/subscribe">Subscribe</a></div>\n\n'
        "<br/>\n",
    )
    texts = {card.source.text for card in all_cards(result)}
    assert texts == {
        "Keel Bank & Trust opened 12 branches in Porto in 2019.",
        "Orbit Pay raised $5 million from Tern Capital in 2021.",
    }
    assert ("HTML", "<br/>") in {(line.reason, line.text) for _, line in result.dropped_lines}


def test_a_firm_named_by_an_english_word_keeps_its_capital_and_an_everyday_subject_does_not(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "wise.md",
        "Wise was founded in London in 2011 by Kristo Käärmann.\n\nRevenue rose to 80 million dollars in 2024.\n",
    )
    questions = {card.prompt for card in cards if card.kind == "question"}
    assert "In what year was Wise founded in London by Kristo Käärmann?" in questions
    assert "In what year did revenue rise to 80 million dollars?" in questions


def test_a_product_named_after_its_firm_is_no_firm_and_an_argument_is_no_fact(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "app.md",
        "Borrowers repay their loans through the Keel Finance App first.\n\n"
        "Keel Finance lent 2 billion yuan to small firms in 2019.\n\n"
        "Orbit Capital and Tern Finance bought stakes in Keel Finance in 2020.\n\n"
        "Whether it is to send 100 yuan coupons or to fix records within 30 days, the damage stays.\n",
    )
    cards = all_cards(result)
    assert {card.answer_type for card in cards if card.answer == "Keel Finance App"} == {"name"}
    skipped = {sentence.text: sentence.reason for sentence in result.skipped_sentences}
    assert skipped["Whether it is to send 100 yuan coupons or to fix records within 30 days, the damage stays."] == (
        "opinion or hedge, not a fact"
    )


def test_a_month_is_never_the_one_date_without_its_day_among_choices(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "months.md",
        "GXS Bank received its licence in December 2020.\n\n"
        "Lumora Bank opened on 12 February 2025.\n\n"
        "Keel Bank was fined on 29 February 2024.\n\n"
        "Orbit Pay was licensed on 3 April 2025.\n\n"
        "Tern Payments listed on 31 December 2023.\n\n"
        "Harbor Credit opened its first branch in June 2021.\n",
    )
    choices = {card.answer: card.choices for card in cards if card.kind == "choice" and card.answer_type == "date"}
    for answer in ("December 2020", "June 2021"):
        if answer in choices:
            others = [choice for choice in choices[answer] if choice != answer]
            assert [choice for choice in others if not choice[0].isdigit()], choices[answer]
    assert "December 2020" in choices or "June 2021" in choices


def test_the_company_after_a_leading_phrase_is_named_too(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "lending.md",
        "Xiaomi Finance lent 2 billion yuan to small firms in 2018.\n\n"
        "In 2019, the company's net profit was 2.1 billion yuan.\n\n"
        "Keel Lending was founded in Porto in 2011.\n\n"
        "By 2015 the company had made more than 4 million loans.\n",
    )
    texts = {card.source.text for card in cards}
    assert "In 2019, Xiaomi Finance's net profit was 2.1 billion yuan." in texts
    assert "By 2015 Keel Lending had made more than 4 million loans." in texts


def test_a_people_named_by_its_country_is_no_answer(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "pix.md",
        "Within a year, more than 110 million Brazilians had used Pix at least once.\n\n"
        "Europeans made 40 billion card payments with Visa in 2023.\n",
    )
    answers = {card.answer for card in cards}
    assert {"110 million", "2023"} <= answers
    assert not answers & {"Brazilians", "Europeans"}


def test_a_reposts_time_stamp_and_bracketed_disclaimer_are_named_for_what_they_are(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "repost.txt",
        "Kestrel Bank and Orbit Pay launch a co-branded card\n\n"
        "2024-11-05 10:12 Source: Finance Network\n\n"
        "Kestrel Bank and Orbit Pay will launch a co-branded credit card in March 2025.\n\n"
        "【Disclaimer】This article is reproduced from other media and does not mean this site agrees with it.\n",
    )
    reasons = drop_reasons(result)
    assert reasons["2024-11-05 10:12 Source: Finance Network"] == "timestamp"
    assert reasons[
        "【Disclaimer】This article is reproduced from other media and does not mean this site agrees with it."
    ] == ("disclaimer")


def test_what_speaks_of_itself_as_it_later_in_the_sentence_is_no_person(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "ledger.md",
        "Harbor Ledger said the cuts would mostly affect its operations in Hamburg.\n\n"
        "Harbor Ledger is a payments company based in Rotterdam.\n\n"
        "Ana Ruiz said the cuts were painful.\n",
    )
    types = {card.answer: card.answer_type for card in cards}
    assert types["Harbor Ledger"] != "person"


def test_what_a_name_is_said_to_be_a_kind_of_is_no_question_but_whose_kind_it_is_is(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "banks.md",
        "Airstar Bank is a virtual bank in Hong Kong.\n\n"
        "Trust Bank is a joint venture between Standard Chartered and FairPrice Group.\n\n"
        "Harbor Ledger is one of the largest payments firms in Rotterdam.\n",
    )
    questions = {card.prompt for card in cards if card.kind == "question"}
    assert not [question for question in questions if "virtual bank in Hong Kong" in question]
    assert not [question for question in questions if "largest payments firms" in question]
    assert "Which bank is a joint venture between Standard Chartered and FairPrice Group?" in questions
    # The cloze still asks it: away from the page, the bank is the one the card's source names.
    assert "[...] is a virtual bank in Hong Kong." in {card.prompt for card in cards}


def test_the_bank_with_no_bank_just_before_is_the_one_the_headline_names(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "jago.md",
        "# Indonesia's Bank Jago hits 10 million customers as Gojek tie-up deepens\n\n"
        "Bank Jago said its customers reached 10.2 million in December.\n\n"
        "GoTo holds a 21.4% stake in Bank Jago after investing in 2021.\n\n"
        "GoTo runs the Gojek ride-hailing app in 2024.\n\n"
        "GoTo listed on the Indonesia Stock Exchange in 2022.\n\n"
        "The bank was known as Bank Artos Indonesia until 2020.\n",
    )
    texts = {card.source.text for card in cards}
    assert "Bank Jago was known as Bank Artos Indonesia until 2020." in texts


def test_a_labelled_ad_and_a_reading_list_are_not_content(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "digest.md",
        "# Mobile money\n\n"
        "Safaricom launched M-Pesa in Kenya in March 2007.\n\n"
        "Sponsored: Try Ledgerly free for 30 days. No card needed.\n\n"
        "Vodafone held 40% of Safaricom when M-Pesa launched.\n\n"
        "Further reading: Suri, T. and Jack, W. (2016). The impacts of mobile money. Science, 354.\n\n"
        "Jack, W. and Suri, T. (2014). Risk sharing and transactions costs. American Economic Review, 104.\n",
    )
    answers = {card.answer for card in all_cards(result)}
    assert {"March 2007", "40%"} <= answers
    assert not answers & {"30", "2016", "2014", "Suri", "Jack"}
    reasons = drop_reasons(result)
    assert reasons["Sponsored: Try Ledgerly free for 30 days. No card needed."] == "advertisement"
    assert reasons[
        "Jack, W. and Suri, T. (2014). Risk sharing and transactions costs. American Economic Review, 104."
    ] == ("reference")


def test_no_question_from_a_label_and_its_value_or_a_participles_by(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "slides.md",
        "# Investor day\n\n"
        "## Our lending\n\n"
        "- Loans facilitated in 2024: RMB 310 billion\n"
        "- Active borrowers: 21.4 million\n\n"
        "Paymark raised US$75m in a Series C led by Sequoia Capital.\n\n"
        "Zhao Wen joined Paymark from Kestrel Bank in 2022.\n",
    )
    questions = answers_by_prompt(cards, "question")
    assert questions["From which bank did Zhao Wen join Paymark in 2022?"] == "Kestrel Bank"
    assert not [prompt for prompt in questions if ":" in prompt or prompt.endswith(" led?")]


def test_the_first_word_of_a_slides_line_is_no_name_the_page_is_about(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "slides.md",
        "# Investor day\n\n"
        "## Our lending\n\n"
        "- Loans facilitated in 2024: RMB 310 billion\n"
        "- Online share: ~38%\n"
        "- Average ticket: RMB 8,200\n",
    )
    assert {card.answer for card in cards} >= {"RMB 310 billion", "38%", "RMB 8,200"}
    assert not [card for card in cards if card.prompt.startswith("Loans —")]


def test_a_capital_after_a_definitions_dash_is_no_name(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "glossary.md",
        "**Chargeback** — A reversal of a card payment ordered by the issuing bank.\n\n"
        "**Buy now, pay later (BNPL)** — Short-term credit that splits a purchase into instalments, often"
        " without interest.\n\n"
        "**Acquirer** — The bank that processes card payments for a merchant.\n",
    )
    answers = {card.answer for card in cards}
    assert {"Chargeback", "Buy now, pay later (BNPL)", "Acquirer"} <= answers
    assert "Short-term" not in answers


def test_a_statistics_releases_footnotes_notes_and_schedule_are_not_quizzed(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "bulletin.md",
        "# Payments bulletin\n\n"
        "Note: Figures may not sum due to rounding.\n\n"
        "Card payments rose 9.2% from a year earlier to 4.1 billion transactions.¹ Contactless payments"
        " made up 87% of in-person card payments, up from 81%.\n\n"
        "Cash withdrawals at ATMs fell 11% to 212 million.²\n\n"
        "¹ Includes debit, credit and prepaid cards issued in 2023.\n"
        "² Excludes withdrawals at the 40 largest bank branches.\n\n"
        "Next release: 14 May 2025\n",
    )
    cards = all_cards(result)
    prompts = {card.answer: card.prompt for card in cards}
    assert (
        prompts["9.2%"]
        == "Payments bulletin: Card payments rose [...] from a year earlier to 4.1 billion transactions."
    )
    assert {"87%", "11%"} <= prompts.keys()
    assert not prompts.keys() & {"Figures", "ATMs", "14 May 2025", "2023", "40"}
    reasons = drop_reasons(result)
    assert reasons["¹ Includes debit, credit and prepaid cards issued in 2023."] == "footnote"
    assert reasons["Next release: 14 May 2025"] == "page furniture"


def test_an_agencys_dateline_goes_and_reader_comments_end_the_page(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "wire.txt",
        "Grab Financial Narrows Loss\n"
        "(Bloomberg) -- Grab's financial services arm narrowed its adjusted loss to $26 million in the third"
        " quarter.\n\n"
        "Kestrel Pay lowered its transfer fee to 0.35% from 0.41% in March.\n\n"
        "mkato 4 hours ago | prev | next\n"
        "Kestrel Pay listed on the London Stock Exchange in July 2021.\n"
        "reply\n",
    )
    prompts = {card.answer: card.prompt for card in cards}
    assert prompts["$26 million"].startswith("Grab's financial services arm narrowed")
    assert "0.35%" in prompts
    assert "July 2021" not in prompts


def test_a_name_ending_in_a_plus_keeps_it():
    names = {span.text for span in find_spans("Travellers in Korea pay with Alipay+, which Ant Group runs.")}
    assert {"Alipay+", "Ant Group"} <= names
    assert "Alipay" not in names


def test_a_sentence_pointing_back_with_no_name_is_shown_after_the_one_before(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "approval.md",
        "Norra Pay was approved as a payment institution by Finansinspektionen in Sweden.\n\n"
        "The approval came through on 18 February 2025.\n\n"
        "Kestrel Bank opened in Dublin in 2019.\n\n"
        "We think this is great news for everyone.\n\n"
        "The launch followed 14 months of testing.\n",
    )
    by_answer = {card.answer: card for card in cards if card.kind == "cloze"}
    approval = by_answer["18 February 2025"]
    assert approval.prompt == (
        "Norra Pay was approved as a payment institution by Finansinspektionen in Sweden."
        " The approval came through on [...]."
    )
    # The card is still the sentence's own: its source and id do not change with what is shown before it.
    assert approval.source.text == "The approval came through on 18 February 2025."
    # With a sentence skipped between them, the one before is not what it points back to.
    assert by_answer["14"].prompt == "The launch followed [...] months of testing."


def test_a_capitalised_word_before_a_noun_is_no_subject_and_asides_stay_out_of_questions(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "airwallex.md",
        "Airwallex raised US$300 million (A$453 million) in a Series F round in December 2024.\n\n"
        "Annualised revenue passed US$500 million in 2024, Airwallex said. The company has about 1,700"
        " employees across 26 offices.\n",
    )
    prompts = {card.prompt for card in cards}
    assert "Airwallex has about [...] employees across 26 offices." in prompts
    assert not [prompt for prompt in prompts if prompt.startswith("Annualised has")]
    questions = {card.prompt for card in cards if card.kind == "question"}
    assert "How much did Airwallex raise in a Series F round in December 2024?" in questions
    assert not [question for question in questions if "(" in question]


def test_emoji_bullets_lakh_counts_and_a_possessive_inside_a_name(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "numbers.md",
        "# The year in numbers\n\n"
        "✅ Revolut got its UK banking licence in July 2024, after a three-year wait.\n"
        "🌍 Revolut now works in 38 countries.\n\n"
        "Investors started more than 10 lakh investment plans on Paytm Money in 2024.\n\n"
        "The People's Bank of China fined Tenpay 2.99 billion yuan in July 2023.\n\n"
        "Ant Group was fined 7.1 billion yuan by the People's Bank of China.\n",
    )
    answers = {card.answer for card in cards}
    assert {"July 2024", "38", "10 lakh", "2.99 billion yuan"} <= answers
    assert not answers & {"People", "Bank of China"}
    assert [card for card in cards if card.prompt.startswith("The People's Bank of China fined Tenpay [...]")]


def test_a_name_set_in_bold_is_never_a_choice_among_a_glossarys_terms(tmp_path: Path):
    (tmp_path / "glossary.md").write_text(
        "**Chargeback** — A reversal of a card payment ordered by the issuing bank.\n\n"
        "**Acquirer** — The bank that processes card payments for a merchant.\n\n"
        "**Interchange fee** — A fee the issuing bank receives for each card payment.\n\n"
        "**Escrow** — Money held by a third party until a deal completes.\n",
        encoding="utf-8",
    )
    (tmp_path / "banks.md").write_text(
        "**Banco Litoral S.A.** is a Brazilian commercial bank headquartered in Recife.\n\n"
        "The Swedish firm **Klarna**, founded in 2005, is the largest provider in Europe.\n",
        encoding="utf-8",
    )
    cards = all_cards(generate([tmp_path]))
    terms = {"Chargeback", "Acquirer", "Interchange fee", "Escrow"}
    term_choices = [card for card in cards if card.kind == "choice" and card.answer in terms]
    assert term_choices
    assert all(set(card.choices) <= terms for card in term_choices)
    names = [card for card in cards if card.answer in ("Banco Litoral S.A.", "Klarna")]
    assert names and not [card for card in names if set(card.choices) & terms]


def test_a_firm_no_name_stands_for_is_shown_after_a_sentence_that_names_one(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "thornbury.md",
        "Thornbury's chief executive, Helen Pryce, will retire in 2025.\n\n"
        "The bank's headquarters moved to Cardiff on 3 March 2015.\n\n"
        "After that phase, the requirement rises to 300 million pounds.\n\n"
        "The licensees must begin operations within 24 months.\n",
    )
    by_answer = cloze_prompts(cards)
    assert by_answer["3 March 2015"] == (
        "Thornbury's chief executive, Helen Pryce, will retire in 2025."
        " The bank's headquarters moved to Cardiff on [...]."
    )
    # The sentence before names nothing: it would not tell what "the licensees" are.
    assert by_answer["24"] == "The licensees must begin operations within [...] months."


def test_the_chinese_ten_thousand_written_as_a_second_number_is_garbled():
    assert garbled_number("Tianxing Bank has passed 1000 10,000 users.") == "ten thousand as a second number"
    assert garbled_number("Tianxing Bank has passed 10,000 users.") is None


def test_two_numbers_for_one_share_or_two_magnitudes_in_a_row_are_garbled():
    assert garbled_number("The non-performing loan ratio was 1.3 1%.") == "two numbers for one share"
    assert garbled_number("Deposits rose 1 5.3% in 2020.") == "two numbers for one share"
    assert garbled_number("The ratio fell from 1.3 to 1.1 percent.") is None
    assert garbled_number("In 2023 5% of adults used it, up from 2.5 percent.") is None
    assert garbled_number("Loans reached 1.2 trillion billion yuan.") == "two magnitudes in a row"
    assert garbled_number("It raised 3.5 billion 10,000 yuan.") == "ten thousand as a second number"
    assert garbled_number("The bank has 1, 000 branches.") == "thousands split by a space"
    assert garbled_number("It has 5 thousand million users.") is None
    assert garbled_number("Of the 12, 300 were banks.") is None


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Its loan balance reached RMB1 .5 billion at the end of 2019.", "space before a decimal point"),
        ("The company has 3,5 billion yuan of registered capital.", "comma before one or two digits"),
        ("The platform issued loans of 2 0 2 3 million yuan.", "digits split by spaces"),
        ("Its bad loan rate was 1.2%% at the end of June.", "percent sign twice"),
        ("Total assets reached 100 million yuan yuan in 2020.", "unit written twice"),
        ("It became the 25 th French unicorn in 2021.", "ordinal split by a space"),
        # Sound: India's grouping, a list of one-digit counts, a plain decimal.
        ("Users passed 1,00,000 in Pune in 2020.", None),
        ("It opened 3 branches in 2021 and 2 in 2022.", None),
        ("Its bad loan rate was 1.2% at the end of June.", None),
        ("It became the 25th French unicorn after 3 things went well.", None),
    ],
)
def test_more_shapes_of_a_garbled_number(sentence: str, reason: str | None):
    assert garbled_number(sentence) == reason


def test_no_answer_is_the_end_of_a_number():
    from quiz.generate.spans import find_spans

    assert not [span for span in find_spans("Its capital is 3,5 billion yuan.") if span.text.startswith("5")]


def test_a_note_of_a_firms_short_name_and_a_fragment_cut_off_mid_list_are_no_part_of_any_card(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "microcredit.md",
        'On August 14, Zhejiang Keel Microcredit Co., Ltd. (hereinafter referred to as "Keel Microcredit")'
        " released its report for the first half.\n\n"
        "Keel Microcredit was founded by Harbour Holdings Kft., Orbit Pay Ltd. and two local banks in 2013.\n",
    )
    texts = {card.source.text for card in cards}
    assert "On August 14, Zhejiang Keel Microcredit Co., Ltd. released its report for the first half." in texts
    founded = "Keel Microcredit was founded by Harbour Holdings Kft., Orbit Pay Ltd. and two local banks in 2013."
    assert founded in texts
    assert not [text for text in texts if text.endswith(",") or text.startswith("Orbit Pay Ltd.")]


def test_references_after_a_long_leading_phrase_or_with_words_about_the_firm(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "capital.md",
        "---\ntitle: Xiaomi Consumer Finance raises its capital\n---\n"
        "Regulators approved the deal on 8 November 2023.\n\n"
        "At the end of the third quarter of 2023, the company's loan balance stood at 21.9 billion yuan.\n\n"
        "Xiaomi contributes 50% of the new capital through Xiaomi Communications, Chongqing Xiaomi Consumer"
        " Finance Co., Ltd. said.\n\n"
        "The consumer finance company opened for business in May 2020.\n",
    )
    cards += page_cards(
        tmp_path,
        "lenders.md",
        "Like other consumer lenders, Harbour Credit has not yet turned a profit. It lost 253 million yuan in 2023.\n",
    )
    prompts = cloze_prompts(cards)
    assert prompts["21.9 billion yuan"] == (
        "At the end of the third quarter of 2023, Chongqing Xiaomi Consumer Finance Co., Ltd.'s loan balance"
        " stood at [...]."
    )
    assert prompts["253 million yuan"] == "Harbour Credit lost [...] in 2023."
    assert prompts["May 2020"] == "Chongqing Xiaomi Consumer Finance Co., Ltd. opened for business in [...]."
    questions = {card.prompt for card in cards if card.kind == "question"}
    assert "What share of the new capital does Xiaomi contribute through Xiaomi Communications?" in questions


def test_a_one_word_name_in_a_headline_is_not_the_body_name_that_holds_it(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "obituary.md",
        "# Ada Obi, banker who built Nigeria's first mobile lender\n\n"
        "Ada Obi worked at the Central Bank of Nigeria for twelve years.\n\n"
        "In 2009 she left to start Paylink. By 2015 the company had made more than 4 million loans.\n",
    )
    assert not [card for card in cards if "Central Bank of Nigeria had" in card.prompt]


def test_a_count_in_words_is_never_among_decimals_and_what_finds_that_makes_no_question(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "fees.md",
        "The median household held 2.3 payment cards in 2024.\n\n"
        "Orbit Pay charges nothing for the first three withdrawals each month.\n\n"
        "Kite Pay opened two branches in Porto.\n\n"
        "Lumen Pay hired four engineers in Lisbon.\n\n"
        "Tern Pay bought five terminals in Faro.\n\n"
        "MAV found that the company did not report 62 suspicious transactions on time.\n",
    )
    choices = [card for card in cards if card.kind == "choice" and card.answer == "three"]
    assert choices and all(choice in ("one", "two", "four", "five", "three") for choice in choices[0].choices)
    assert not [card for card in cards if card.prompt.startswith("What found")]
    # A count opening its sentence is capitalised, and so are its choices.
    (tmp_path / "start").mkdir()
    cards = page_cards(
        tmp_path / "start",
        "votes.md",
        "Three members, Ana Ruiz and two others, voted to hold.\n\nKite Pay opened two branches in Porto.\n\n"
        "Lumen Pay hired four engineers in Lisbon.\n\nTern Pay bought five terminals in Faro.\n\n"
        "Orbit Pay opened 12 branches in Braga.\n",
    )
    choices = next(card.choices for card in cards if card.kind == "choice" and card.answer == "Three")
    assert set(choices) <= {"Two", "Three", "Four", "Five", "Twelve"}, choices


def test_short_western_text_that_is_not_utf8_reads_as_windows_1252(tmp_path: Path):
    (tmp_path / "cafe.txt").write_bytes("Café Pay raised €10 million in 2021 – its first round.\n".encode("cp1252"))
    result = generate([tmp_path])
    assert {card.answer for card in all_cards(result)} >= {"€10 million", "2021"}
    assert all("Café Pay" in card.source.text for card in all_cards(result))
    assert [note.rsplit("/", 1)[-1] for note in result.notes] == ["cafe.txt: decoded as cp1252 (not UTF-8)"]


def test_the_words_in_a_block_quote_are_read(tmp_path: Path):
    cards = page_cards(tmp_path, "quote.md", "> > Kite Pay raised 5 million dollars from Tern Capital in 2020.\n")
    assert {"5 million dollars", "2020"} <= {card.answer for card in cards}


def test_pathological_lines_are_read_in_time_proportional_to_their_length(tmp_path: Path):
    """A quadratic pattern would take hours on these; the alarm turns a hang into a failure."""
    lines = [
        "A" * 200_000 + " raised 5 million dollars in 2020.",
        "Kite Pay said " + "A" * 200_000 + " in 2020.",
        "Kite Pay said x" + " " * 200_000 + "x in 2020.",
        "-" * 200_000,
        "(" * 200_000,
    ]
    (tmp_path / "garbage.txt").write_text("\n\n".join(lines), encoding="utf-8")
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("generation did not finish"))
    signal.alarm(60)
    try:
        generate([tmp_path])
    finally:
        signal.alarm(0)


def test_results_page_questions_fiscal_years_and_a_lender_named_by_its_city(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "webank.md",
        "# WeBank posts higher first-half profit\n\n"
        "WeBank reported a net profit of 5.9 billion yuan for H1 2024.\n\n"
        "The Shenzhen lender had about 400 million individual customers at the end of June.\n\n"
        "Tencent owns 30% of the bank; Liye Group holds 20%.\n\n"
        "In FY2023 the bank's total assets grew to nearly 600 billion yuan.\n\n"
        "ZA Bank became the first to report a monthly profit, in August 2024.\n\n"
        "In 2019 WeBank bought the Belgian payments firm Payvo for 650 million euros.\n\n"
        "In 2021 Harbourline sold the payments firm for 700 million euros.\n\n"
        "The Swedish firm Klarna, founded in 2005, is the largest provider in Europe.\n",
    )
    prompts = {card.prompt for card in cards}
    assert "WeBank had about [...] individual customers at the end of June." in prompts
    assert "What share of the bank does Tencent own?" in prompts
    assert "When did ZA Bank become the first to report a monthly profit?" in prompts
    assert "In FY2023 WeBank's total assets grew to nearly [...]." in prompts
    assert "In 2019 WeBank bought the Belgian payments firm Payvo for [...]." in prompts
    assert "In 2021 Harbourline sold the payments firm for [...]." in prompts
    assert "The Swedish firm Klarna, founded in [...], is the largest provider in Europe." in prompts
    assert not [card for card in cards if card.answer.startswith("FY")]


def test_demonyms_ratios_and_a_translated_reports_hedge(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "kenya.md",
        "Nearly nine in ten Kenyan adults use mobile money, a 2024 survey found.\n\n"
        "It is reported that Xiaomi Payment had a registered capital of 100 million yuan in 2014.\n",
    )
    answers = {card.answer for card in cards}
    assert not answers & {"Kenyan", "ten"}
    assert "Xiaomi Payment had a registered capital of [...] in 2014." in {card.prompt for card in cards}


def test_a_writers_aside_is_no_reference_and_no_fact(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "aside.md",
        "Keel Bank opened 12 branches in Porto in 2019.\n\n"
        "It is worth remembering that Orbit Pay lost 40 million euros in 2023.\n\n"
        "It should be noted that Harbour Credit raised 15 million euros in 2021.\n\n"
        "It is worth asking whether 12 branches are enough for Porto.\n",
    )
    texts = {card.source.text for card in cards}
    assert "Orbit Pay lost 40 million euros in 2023." in texts
    assert "Harbour Credit raised 15 million euros in 2021." in texts
    assert not [text for text in texts if "worth" in text]


def test_the_company_after_a_leading_phrase_with_no_name_for_it_is_shown_after_the_sentence_before(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "obituary.md",
        "# Ada Obi, who built a mobile lender\n\n"
        "Ada Obi worked at the central bank of Nigeria from 1990 to 2008.\n\n"
        "In 2009 she left public service to start Paylink, a lender for market traders.\n\n"
        "By 2015 the company had made more than 4 million loans.\n",
    )
    prompts = cloze_prompts(cards)
    assert prompts["4 million"] == (
        "In 2009, Ada Obi left public service to start Paylink, a lender for market traders."
        " By 2015 the company had made more than [...] loans."
    )


def test_a_name_after_a_fiscal_year_is_still_a_name():
    names = [span.text for span in find_spans("In FY2023 WeBank's total assets grew to 600 billion yuan.")]
    assert names[0] == "WeBank"


def test_a_surname_alone_is_never_a_choice_beside_full_names(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "people.md",
        "Orbit Pay hired chief executive Ana Ruiz from Banco Litoral in 2015.\n\n"
        "Harbourline hired chief executive Pieter Dekker from Kestrel Bank in 2012.\n\n"
        "Pelican Pay hired chief executive Mei Ling Tan from Tern Capital in 2014.\n\n"
        "Lumen Pay hired chief executive Budi Hartono from Bank Jago in 2016.\n\n"
        "Paylink hired chief executive Marguerite Okonjo from Zenith Bank in 2009.\n\n"
        "Kite Pay hired chief executive Okonjo from Access Bank in 2019.\n",
    )
    full_name_choices = [card for card in cards if card.kind == "choice" and card.answer_type == "person"]
    assert full_name_choices
    assert all(" " in choice for card in full_name_choices for choice in card.choices if " " in card.answer)


def test_a_forum_posts_header_is_no_title_and_no_question_asks_about_it(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "post.txt",
        "r/fintech · Posted by u/ledger_nerd · 3d\n\n"
        "TIL M-Pesa started as a repayment pilot\n\n"
        "Vodafone built M-Pesa with a grant from the UK government. Safaricom launched it nationally in March"
        " 2007.\n\n"
        "Orbit Pay was founded in Lisbon in 2017. Today the company employs 420 people in five offices.\n",
    )
    cards = all_cards(result)
    assert {card.source.title for card in cards} == {"TIL M-Pesa started as a repayment pilot"}
    assert "March 2007" in {card.answer for card in cards}
    assert not [card for card in cards if card.kind == "question" and " it " in f" {card.prompt} "]
    assert "Today Orbit Pay employs [...] people in five offices." in {card.prompt for card in cards}
    assert not [card for card in cards if "Today Orbit Pay" in card.answer or "does Today" in card.prompt]


def test_a_chinese_papers_dateline_with_its_reporter_is_no_part_of_the_sentence(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "complaints.txt",
        "Xiaomi Finance answers complaints\n\n"
        "Beijing News (Reporter Zhang Wei) Xiaomi Finance received more than 2,300 complaints by June 14.\n",
    )
    assert "2,300" in {card.answer for card in cards}
    assert not [card for card in cards if "Reporter" in card.prompt or "Beijing News" in card.prompt]


def test_a_firm_named_by_an_english_word_is_a_name_the_next_sentence_can_point_back_to(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "wise.md",
        "Wise said it lowered the fee for sending pounds to euros to 0.35% from 0.41%.\n\n"
        "The company, based in London, moved 118 billion pounds for customers last year.\n\n"
        "Fee income fell 3% to 1.1 billion pounds.\n\n"
        "The bank's loan book grew 12% in 2024.\n",
    )
    prompts = cloze_prompts(cards)
    assert prompts["118 billion pounds"].startswith("Wise said it lowered the fee")
    # "Fee income fell ..." names nothing the bank could be.
    assert prompts["12%"] == "The bank's loan book grew [...] in 2024."


def test_a_press_release_dateline_with_the_day_first_and_dates_written_the_3rd_of_march(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "release.md",
        "HANOI, Vietnam, 4 March 2025 /PRNewswire/ -- Lumora Bank launched instant transfers for its 1.8"
        " million customers.\n\n"
        "Thornbury converted into a bank on the 3rd of March 1997.\n\n"
        "Thornbury moved to Cardiff on 1 April 2015.\n\n"
        "Thornbury listed its shares on the 20th of May 1997.\n\n"
        "Thornbury opened a branch in Bristol on 14 June 2001.\n",
    )
    prompts = cloze_prompts(cards)
    assert prompts["1.8 million"] == "Lumora Bank launched instant transfers for its [...] customers."
    assert prompts["3rd of March 1997"] == "Thornbury converted into a bank on the [...]."
    choices = [card for card in cards if card.kind == "choice" and card.answer == "3rd of March 1997"]
    assert choices and all(" of " in choice for choice in choices[0].choices)


def test_a_pronoun_after_a_leading_phrase_gets_a_comma_so_two_names_do_not_run_together(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "profile.md",
        "Hong Feng co-founded Xiaomi in 2010 with Lei Jun.\n\n"
        "At Xiaomi he first ran MIUI, the company's Android software.\n\n"
        "In 2015 he took charge of Xiaomi Finance.\n\n"
        "In 2019 Harbourline bought Payvo, the company's rival, for 650 million euros.\n",
    )
    prompts = cloze_prompts(cards)
    # A leading phrase holds no verb: "the company" here is none that Xiaomi could stand for.
    assert prompts["650 million euros"] == "In 2019 Harbourline bought Payvo, the company's rival, for [...]."
    assert prompts["MIUI"] == "At Xiaomi, Hong Feng first ran [...], the company's Android software."
    assert prompts["2015"] == "In [...], Hong Feng took charge of Xiaomi Finance."
    assert "Xiaomi Hong Feng" not in prompts


def test_an_instruction_to_the_reader_is_no_fact(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "howto.md",
        "1. Download the Mox app from the App Store or Google Play.\n"
        "2. Take a selfie to confirm your identity.\n\n"
        "Mox Bank launched in Hong Kong in September 2020.\n\n"
        "Ping An OneConnect, a unit of Ping An Insurance, won a licence in 2019.\n\n"
        # A page's call to act; "Kite" is a verb too, but "Kite Bank" a name.
        "Join over 900,000 happy customers today.\n\nKite Bank charged a 0.5% fee until now.\n",
    )
    answers = {card.answer for card in all_cards(result)}
    assert {"September 2020", "Ping An Insurance", "0.5%"} <= answers
    assert not answers & {"Mox", "App Store", "Google Play", "900,000"}
    reasons = {sentence.text: sentence.reason for sentence in result.skipped_sentences}
    for instruction in (
        "Download the Mox app from the App Store or Google Play.",
        "Join over 900,000 happy customers today.",
    ):
        assert reasons[instruction] == "an instruction to the reader, not a fact"


def test_a_label_in_bold_is_no_key_term(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "briefing.md",
        "**Top story:** Kestrel Pay raised 40 million euros in a Series B led by Northwind Ventures.\n\n"
        "**Number of the day:** 72% — the share of Irish adults who paid by phone last month.\n",
    )
    answers = {card.answer for card in cards}
    assert {"72%", "40 million euros"} <= answers
    assert not [answer for answer in answers if answer.endswith(":")]


def test_a_date_question_never_ends_inside_a_list_of_names(tmp_path: Path):
    questions = questions_from(
        tmp_path,
        "Vela was founded in 2021 by former Fitbit engineers Sara Lind and Omar Haddad.\n"
        "Kite Transfer was founded in 2019 by former Stripe engineer Omar Haddad.\n",
    )
    assert questions.get("In what year was Kite Transfer founded by former Stripe engineer Omar Haddad?") == "2019"
    assert "2021" not in questions.values()


def test_date_choices_are_the_dates_nearest_the_answer(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "dates.md",
        "Ngozi Adebayo was born in June 1968 in Ibadan.\n\n"
        "Kudi Mobile obtained its licence in March 2013.\n\n"
        "Sahel Telecom bought Kudi Mobile in March 2022.\n\n"
        "Kudi Mobile opened its Accra office in January 2024.\n\n"
        "Kudi Mobile reached 18 million users in June 2024.\n\n"
        "Member states must apply the new rules by November 2026.\n",
    )
    choices = {card.answer: card.choices for card in cards if card.kind == "choice" and card.answer_type == "date"}
    assert set(choices["November 2026"]) == {"November 2026", "March 2022", "January 2024", "June 2024"}
    assert "June 1968" not in choices["January 2024"]


def test_a_transcript_speaker_named_with_a_role_is_no_part_of_what_is_said(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "call.md",
        "# Harbourline Q3 results call\n\n"
        "**Maya Okafor, Chief Financial Officer:** Revenue at Harbourline was $412 million in the quarter.\n\n"
        "Daniel Reyes (CEO): Harbourline bought Tidewater Payments in August 2026 for $145 million.\n",
    )
    sources = {card.source.text for card in cards}
    assert sources == {
        "Revenue at Harbourline was $412 million in the quarter.",
        "Harbourline bought Tidewater Payments in August 2026 for $145 million.",
    }
    assert not {"Maya Okafor", "Daniel Reyes", "CEO"} & {card.answer for card in cards}


def test_an_adverb_opening_a_sentence_names_nothing(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "mobile.md",
        "# Harbourline's mobile push\n\nRoughly 60% of new accounts were opened on mobile.\n\n"
        "Separately, Kite Pay opened 12 branches in Porto.\n",
    )
    prompts = cloze_prompts(cards)
    assert prompts["60%"] == "Harbourline's mobile push: Roughly [...] of new accounts were opened on mobile."
    assert "Separately" not in prompts


def test_an_executive_s_we_on_a_call_is_the_firm_the_call_is_about(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "call.md",
        "# Harbourline Q3 2026 earnings call\n\n"
        "Operator: Welcome to the Harbourline results call.\n\n"
        "**Maya Okafor, Chief Financial Officer:** We added 310,000 new customers in the quarter.\n\n"
        "**Maya Okafor:** Our non-performing loan ratio was 1.1% at the end of September.\n\n"
        "We expect to launch our credit card in Canada in 2027.\n\n"
        "**Kenji Ito, analyst at Northgate Securities:** We downgraded the shares to 'hold' in July 2026.\n",
    )
    sources = {card.source.text for card in cards}
    assert sources == {
        "Harbourline added 310,000 new customers in the quarter.",
        "Harbourline's non-performing loan ratio was 1.1% at the end of September.",
        # The turn goes on after the label; the verb agrees with the name, and "our" after it is "its".
        "Harbourline expects to launch its credit card in Canada in 2027.",
    }
    # The name put in for "we" makes the sentence clear; it is no answer.
    assert "Harbourline" not in {card.answer for card in cards}


@pytest.mark.parametrize(
    ("text", "resolved", "never"),
    [
        # "It" after a name of several words written with "the" is that name, "the" kept; one
        # capitalised word after "The" may be an everyday word set in capitals ("The Board").
        (
            "The European Central Bank raised its deposit rate to 4% in September 2023.\n\n"
            "It had first raised rates in July 2022.\n\n"
            "The Fed kept rates at 5.5% in 2024.\n\nIt cut them to 4.5% in December 2024.\n",
            "The European Central Bank had first raised rates in July 2022.",
            "Fed cut",
        ),
        # SoftBank is no bank "the bank" could stand for; WeBank is.
        (
            "SoftBank led a $80 million round in Kivo Pay in 2024.\n"
            "The bank said it would open 12 branches in Porto in 2025.\n\n"
            "WeBank reported 340 million customers in 2023.\n"
            "The bank said it would open 4 offices in Jakarta in 2026.\n",
            "WeBank said it would open 4 offices in Jakarta in 2026.",
            "SoftBank said",
        ),
    ],
    ids=["the-name", "softbank"],
)
def test_a_reference_is_the_name_it_can_stand_for(tmp_path: Path, text: str, resolved: str, never: str):
    sources = {card.source.text for card in page_cards(tmp_path, "doc.md", text)}
    assert resolved in sources
    assert not [source for source in sources if source.startswith(never)]


def test_a_markdown_headline_is_the_title_over_a_site_s_tagline_above_it(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "wire.md",
        "Skip to main content\n\nExclusive news, data and analytics for financial market professionals\n\n"
        "# Brazil's Nubank tops 100 million customers\n\n"
        "Nubank listed its shares on the New York Stock Exchange in December 2021.\n",
    )
    assert [deck.title for deck in result.decks] == ["Brazil's Nubank tops 100 million customers"]


def test_the_company_after_a_described_name_is_that_name_not_its_description(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "nu.md",
        "Brazilian digital lender Nu Holdings said its customer base passed 100 million in 2026.\n\n"
        "The company, backed by Berkshire Hathaway, reported net income of $557 million for the quarter.\n",
    )
    sources = {card.source.text for card in cards}
    assert "Nu Holdings, backed by Berkshire Hathaway, reported net income of $557 million for the quarter." in sources


def test_shillings_naira_and_pesos_are_amounts_of_money(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "africa.md",
        "In 2024, M-Pesa handled transactions worth KSh 40 trillion.\n\n"
        "Opay raised ₦5 billion from local investors in 2023.\n\n"
        "GCash handled ₱2.1 trillion of payments in 2022.\n",
    )
    money = {card.answer for card in cards if card.answer_type == "money"}
    assert money == {"KSh 40 trillion", "₦5 billion", "₱2.1 trillion"}
    assert "KSh" not in {card.answer for card in cards}


def test_the_answers_in_an_interview_with_a_firm_s_head_speak_for_the_firm(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "interview.md",
        "# An interview with Sofia Brandt, CEO of Nordbank\n\n"
        "**Q: How many customers do you have?**\n\n"
        "A: We have about 1.6 million customers in Sweden. We plan to launch our card in Finland in 2027.\n\n"
        "Q: And the mortgage book?\n\n"
        "A: Our mortgage book grew 12% last year.\n",
    )
    assert {card.source.text for card in cards} == {
        "Nordbank has about 1.6 million customers in Sweden.",
        "Nordbank plans to launch its card in Finland in 2027.",
        "Nordbank's mortgage book grew 12% last year.",
    }
    # The firm's name is there to say who "we" are: no answer, and no title needed before it.
    assert not [card for card in cards if card.answer == "Nordbank" or card.prompt.startswith("An interview")]


def test_a_timeline_entry_is_shown_under_the_page_s_title(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "revolut.md",
        "# Revolut: a short history\n\nRevolut is a fintech company based in London.\n\n"
        "- 2015 – Founded by Nikolay Storonsky and Vlad Yatsenko.\n"
        "- December 2018 – Receives a bank licence from the Bank of Lithuania.\n",
    )
    prompts = {card.prompt for card in cards if card.kind == "cloze"}
    assert "Revolut: a short history: [...] – Founded by Nikolay Storonsky and Vlad Yatsenko." in prompts
    assert "Revolut: a short history: December 2018 – Receives a bank licence from the [...]." in prompts


def test_a_table_caption_is_no_fact_and_a_date_needs_no_comma_before_its_year(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "stats.md",
        "Card payments in Ireland rose to 2.4 billion transactions in 2025.\n\n"
        "Table 1: Card payments, 2021–2025\n\n"
        "As of June 30 2021, the balance of Huabei loans was about 1.7 trillion yuan.\n",
    )
    assert drop_reasons(result)["Table 1: Card payments, 2021–2025"] == "caption"
    assert "June 30 2021" in {card.answer for card in all_cards(result)}


def test_a_stake_of_the_shares_is_asked_after_the_sentence_naming_whose(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "ant.md",
        "Chongqing Ant Consumer Finance was set up in June 2021 with capital of 8 billion yuan.\n"
        "Ant Group holds 50% of the shares.\n",
    )
    prompts = {card.prompt for card in cards if card.answer == "50%" and card.kind != "choice"}
    context = "Chongqing Ant Consumer Finance was set up in June 2021 with capital of 8 billion yuan."
    assert prompts == {
        f"{context} Ant Group holds [...] of the shares.",
        f"{context} What share of the shares does Ant Group hold?",
    }


def test_a_month_s_choices_are_months(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "dates.md",
        "Kudi Mobile opened its Accra office on 30 June 2021.\n\n"
        "Sahel Telecom bought Kudi Mobile in March 2022.\n\n"
        "Kudi Mobile reached 18 million users on 12 July 2022.\n\n"
        "Kudi Mobile entered Ghana in January 2023.\n",
    )
    choices = {card.answer: card.choices for card in cards if card.kind == "choice" and card.answer_type == "date"}
    assert set(choices["March 2022"]) == {"March 2022", "June 2021", "July 2022", "January 2023"}


def test_a_wrapped_paragraph_goes_on_after_a_sentence_ending_at_a_line_s_end(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "mkopa.txt",
        "M-KOPA, the Kenyan company that sells solar kits and smartphones on\n"
        "credit, has raised $255 million in debt and equity, it said on Tuesday.\n"
        "The round was led by Sumitomo Corporation and included the International\n"
        "Finance Corporation.\n",
    )
    assert "International Finance Corporation" in {card.answer for card in cards}


def test_a_two_letter_surname_is_a_name_and_a_bare_preposition_keeps_its_pronoun_s_place(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "ma.md",
        "Born in Hangzhou in 1964, Ma taught English before starting China Pages in 1995.\n"
        "He served as Alibaba's executive chairman until September 2019.\n"
        "Under his leadership, Alibaba listed on the New York Stock Exchange in 2014.\n",
    )
    sources = {card.source.text for card in cards}
    assert "Ma served as Alibaba's executive chairman until September 2019." in sources
    assert "Under Ma's leadership, Alibaba listed on the New York Stock Exchange in 2014." in sources


def test_a_labelled_value_naming_its_own_subject_keeps_its_date_and_no_other_subject(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "notes.md",
        "# Monetary policy notes\n\n"
        "The Fed raised rates in 2022. The Fed cut them in 2024.\n\n"
        "Key numbers:\n"
        "- ECB deposit rate (June 2025): 2.0%\n"
        "- Policy rate (Spring 2025): 4.5%\n",
    )
    prompts = {card.prompt for card in cards if card.kind == "cloze"}
    assert "ECB deposit rate (June 2025): [...]" in prompts
    assert "Fed — Policy rate (Spring 2025): [...]" in prompts


def test_a_paper_s_finding_is_a_fact_without_we_estimate(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "paper.md",
        "We estimate that access to M-Pesa lifted 194,000 households in Kenya out of poverty.\n",
    )
    assert {card.source.text for card in cards} == {
        "Access to M-Pesa lifted 194,000 households in Kenya out of poverty."
    }


def test_it_after_a_sentence_bringing_in_a_bold_term_is_left_unresolved(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "cdr.md",
        "Australia calls its version the **Consumer Data Right**.\n"
        "It started with banking in July 2020.\n\n"
        "**Banco Litoral** is a bank in Porto.\nIt was founded in 1974.\n",
    )
    sources = {card.source.text for card in all_cards(result)}
    assert "Banco Litoral was founded in 1974." in sources
    assert not [text for text in sources if text.startswith("Australia started")]


def test_what_was_founded_or_does_business_is_a_firm_whatever_its_name_means(tmp_path: Path):
    questions = questions_from(
        tmp_path,
        "Branch was founded in 2015 in San Francisco.\n\nSquare changed its name to Block in December 2021.\n\n"
        "Revenue rose to 80 million dollars in 2024.\n",
    )
    assert questions == {
        "In what year was Branch founded in San Francisco?": "2015",
        "When did Square change its name to Block?": "December 2021",
        "In what year did revenue rise to 80 million dollars?": "2024",
    }


def test_a_title_with_a_garbled_number_is_put_on_no_card(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "huabei.md",
        "Huabei loans balance reaches 65438+ 20 billion yuan\n\n"
        "Cash fell to 21% of transactions in 2021.\n\n"
        "Key partners:\n- Ping An Bank\n- CITIC Bank\n",
    )
    assert cards
    assert not [card for card in cards if "65438" in card.prompt]


def test_no_question_asks_where_of_a_list_with_the_or_what_of_a_founder(tmp_path: Path):
    questions = questions_from(
        tmp_path,
        "Tala lends to customers in Kenya, Mexico, the Philippines and India.\n\n"
        "Jack Dorsey founded Square in 2009 with Jim McKelvey.\n",
    )
    assert questions == {"In what year did Jack Dorsey found Square with Jim McKelvey?": "2009"}


def test_an_embedded_post_and_a_tweet_this_box_are_no_part_of_the_story(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "x.md",
        "X Corp said it had received money transmitter licences in 41 US states.\n\n"
        "> X Money is coming in 2025 to 600 million users!\n"
        "> — Elon Musk (@elonmusk) January 28, 2025\n\n"
        "CLICK TO TWEET: X Money gets licences in 41 states\n\n"
        "X was valued at $44 billion when Musk bought it in October 2022.\n",
    )
    reasons = drop_reasons(result)
    assert reasons["X Money is coming in 2025 to 600 million users!"] == "embedded post"
    assert reasons["CLICK TO TWEET: X Money gets licences in 41 states"] == "page furniture"
    assert {card.source.text for card in all_cards(result)} == {
        "X Corp said it had received money transmitter licences in 41 US states.",
        "X was valued at $44 billion when Musk bought it in October 2022.",
    }


@pytest.mark.parametrize(
    "title",
    [
        "Interview: Kudi Mobile's Ngozi Adebayo on agents",
        "An interview with Ngozi Adebayo, CEO of Kudi Mobile on agents",
    ],
)
def test_the_firm_an_interview_s_title_names_speaks_in_the_answers(tmp_path: Path, title: str):
    cards = page_cards(
        tmp_path, "kudi.md", f"# {title}\n\nQ: How big are you?\n\nA: We have 140,000 agents in Nigeria.\n"
    )
    assert {card.source.text for card in cards} == {"Kudi Mobile has 140,000 agents in Nigeria."}


def test_about_a_value_has_no_choice_within_a_tenth_of_it(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "women.md",
        "About 40 percent of M-KOPA's customers are women.\n\n"
        "Ant Group's credit arm made 39.4 percent of its revenue in 2020.\n\n"
        "Kudi Mobile lends to 9 percent of adults in Nigeria.\n\n"
        "Tala charges 15 percent a month on its loans.\n\n"
        "Branch serves 60 percent of its users in Kenya.\n",
    )
    choices = {card.answer: card.choices for card in cards if card.kind == "choice"}
    assert "39.4 percent" not in choices["40 percent"]


@pytest.mark.parametrize(
    ("name", "kind"), [("Payment Services Act", None), ("Interbank Card Association", "organisation")]
)
def test_a_law_is_no_firm_and_banks_association_no_bank(name: str, kind: str | None):
    from quiz.generate.spans import entity_kind

    assert entity_kind(name) == kind


def test_a_name_after_a_lowercase_prefix_and_a_hyphen_is_no_answer(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "gsma.md",
        "Mobile money accounts in sub-Saharan Africa reached 1.1 billion in 2024, according to the GSMA.\n",
    )
    assert cards
    assert not [card for card in cards if "Saharan" in card.answer]


@pytest.mark.parametrize(
    ("text", "answer", "prompt"),
    [
        # "The two products" stand for what the sentence before named: it comes first.
        (
            "In May 2015, Kivo launched its lending app Kivo Cash.\n"
            "Kivo later released Kivo Credit, but the two products were too alike to win users.\n",
            "Kivo Credit",
            "In May 2015, Kivo launched its lending app Kivo Cash. Kivo later released [...], but the two products "
            "were too alike to win users.",
        ),
        # "The mirror" after a sentence that was skipped: the page's title says whose.
        (
            "# The James Webb Space Telescope at a glance\n\n"
            "Its primary mirror is made of 18 segments coated in gold.\n\n"
            "The mirror is nearly three times wider than that of the Hubble Space Telescope, which launched in 1990.\n",
            "1990",
            "The James Webb Space Telescope at a glance: The mirror is nearly three times wider than that of the "
            "Hubble Space Telescope, which launched in [...].",
        ),
        # "The EBITDA margin" points back as "The margin" does.
        (
            "# Adyen first-half results\n\nNet revenue increased 20% to €1.09 billion.\n\n"
            "The EBITDA margin was 50%, compared with 46% in the same period of 2024.\n",
            "50%",
            "Adyen first-half results: The EBITDA margin was [...], compared with 46% in the same period of 2024.",
        ),
        # "The euro area's digital euro" says whose: it points back to nothing.
        (
            "Some 60 per cent of Swedes paid by card at least once a week in 2024.\n"
            "The euro area's digital euro could be launched as early as 2029, the European Central Bank said.\n",
            "2029",
            "The euro area's digital euro could be launched as early as [...], the European Central Bank said.",
        ),
    ],
    ids=["the-two-products", "after-a-skipped-sentence", "acronym-noun", "whose-thing"],
)
def test_a_cloze_shows_what_its_sentence_points_back_to(tmp_path: Path, text: str, answer: str, prompt: str):
    cards = page_cards(tmp_path, "doc.md", text)
    assert {card.prompt for card in cards if card.kind == "cloze" and card.answer == answer} == {prompt}


def test_a_name_of_unknown_kind_is_asked_for_only_as_a_copula_s_subject(tmp_path: Path):
    questions = questions_from(
        tmp_path,
        "Mercado Pago is the fintech arm of MercadoLibre.\n\n"
        "JPMorgan Chase agreed in 2025 to take over the Apple Card programme.\n\n"
        "Baidu partnered with CITIC Bank on a direct bank.\n",
    )
    assert questions["What is the fintech arm of MercadoLibre?"] == "Mercado Pago"
    assert not [prompt for prompt in questions if prompt.startswith(("What agreed", "What partnered"))]


def test_labels_with_a_colon_are_page_furniture_and_a_section_label_is_no_headline(tmp_path: Path):
    generation = generate_page(
        tmp_path,
        "wallet.txt",
        "Tech & Money\n"
        "Orbit Pay's Lisbon bet, two years in\n\n"
        "Orbit Pay opened its wallet in Lisbon in May 2023.\n\n"
        "Editor: Marta Jansen\n\n"
        "Reporters: Chen Mei and Li Wei\n\n"
        "Tags: Portugal, Orbit Pay, mobile money\n\n"
        "Topics: payments, wallets\n\n"
        "The wallet had 2 million users in Portugal by March 2025.\n",
    )
    reasons = drop_reasons(generation)
    assert reasons["Editor: Marta Jansen"] == reasons["Reporters: Chen Mei and Li Wei"] == "byline"
    assert reasons["Tags: Portugal, Orbit Pay, mobile money"] == "page furniture"
    assert reasons["Topics: payments, wallets"] == "page furniture"
    [deck] = generation.decks
    assert deck.title == "Orbit Pay's Lisbon bet, two years in"
    assert {card.source.text for card in deck.cards} <= {
        "Orbit Pay opened its wallet in Lisbon in May 2023.",
        "The wallet had 2 million users in Portugal by March 2025.",
    }


def test_no_card_blanks_one_year_of_a_fiscal_year_or_one_side_of_a_slash(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "fiscal.md",
        "Keel Bank processed 1.9 trillion escudos in the 2023/24 financial year.\n\n"
        "Keel Bank grew its deposits by 12% in 2022/2023.\n",
    )
    assert {card.answer for card in cards} >= {"12%"}
    assert not [card for card in cards if card.answer in {"2023", "2022", "24"}]


def test_the_company_after_a_participles_phrase_is_the_subject_before(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "founded.md",
        "Lumen Credit is a platform that connects borrowers with banks. Founded in 2015 and headquartered in "
        "Shanghai, the company listed on the New York Stock Exchange in October 2018.\n\n"
        "Keel Bank is a lender in Porto. Founded in 1990, the bank opened 12 branches in 2019.\n\n"
        "Tianxing said it would serve banks. Founded in 2015, the unit offers loans to 40 million users.\n",
    )
    texts = {card.source.text for card in cards}
    listed = "Lumen Credit listed on the New York Stock Exchange in October 2018."
    assert f"Founded in 2015 and headquartered in Shanghai, {listed}" in texts
    assert "Founded in 1990, Keel Bank opened 12 branches in 2019." in texts
    # "The unit", "the arm", "the subsidiary" are a firm's too.
    assert "Founded in 2015, Tianxing offers loans to 40 million users." in texts
    assert not [text for text in texts if "the company" in text or "the bank" in text]


def test_an_infobox_tables_rows_are_facts_about_what_its_header_names(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "infobox.md",
        "# Kasa Bank\n\n"
        "| Kasa Bank | |\n| --- | --- |\n| Type | Private |\n| Industry | Banking |\n| Founded | 2016 |\n"
        "| Headquarters | Nairobi, Kenya |\n| Key people | - |\n| Total assets | KSh 84 billion (2023) |\n\n"
        "Kasa Bank is a digital bank that lends to small traders in Kenya.\n",
    )
    answers = answers_by_prompt(cards, "cloze")
    assert answers["Kasa Bank — Founded: [...]"] == "2016"
    # The year in brackets dates the figure: the figure is the answer, the year none.
    assert answers["Kasa Bank — Total assets: [...] (2023)"] == "KSh 84 billion"
    assert "Kasa Bank — Total assets: KSh 84 billion ([...])" not in answers
    assert answers["Kasa Bank — Headquarters: [...], Kenya"] == "Nairobi"
    # Everyday words in a cell are no names, and an empty cell says nothing.
    assert not {card.answer for card in cards} & {"Private", "Banking", "-"}


def test_a_described_firm_after_another_firm_is_shown_with_the_sentence_before_not_the_documents_firm(
    tmp_path: Path,
):
    cards = page_cards(
        tmp_path,
        "weekly.md",
        "Orbit Pay raised 40 million euros in 2021. Orbit Pay opened in Lisbon in 2019.\n\n"
        "Keel Pay posted its first full-year profit since 2019. The Swedish lender reported net income of "
        "21 million euros for 2024.\n\n"
        "Orbit Pay hired 300 staff in 2023.\n",
    )
    prompts = answers_by_prompt(cards, "cloze")
    assert not [prompt for prompt in prompts if "Orbit Pay reported net income" in prompt]
    before = "Keel Pay posted its first full-year profit since 2019."
    assert prompts[f"{before} The Swedish lender reported net income of [...] for 2024."] == "21 million euros"


def test_he_after_a_firms_role_and_its_person_is_that_person(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "levchin.md",
        "Affirm's chief executive, Max Levchin, said the Affirm Card now has 1.7 million active users. "
        "He co-founded PayPal in 1998.\n",
    )
    assert "Max Levchin co-founded PayPal in 1998." in {card.source.text for card in cards}


def test_a_year_after_since_makes_no_in_what_year_question(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "since.md",
        "Keel Pay posted its first full-year profit since 2019.\n\n"
        "Orbit Pay has operated in Brazil since 2017.\n\n"
        "Orbit Pay opened in Lisbon in 2015.\n",
    )
    questions = {card.prompt for card in cards if card.kind == "question" and card.answer_type == "year"}
    assert questions == {"In what year did Orbit Pay open in Lisbon?"}


def test_the_bio_of_an_author_named_after_a_label_in_the_byline_is_dropped(tmp_path: Path):
    generation = generate_page(
        tmp_path,
        "column.md",
        "# Why wallets struggle in Europe\n\n"
        "*Opinion* | Markets | By Tomás Ferreira\n\n"
        "Revolut passed 50 million customers in 2024.\n\n"
        "Tomás Ferreira is a former product manager at a Lisbon payments start-up in Portugal.\n",
    )
    assert (
        drop_reasons(generation)[
            "Tomás Ferreira is a former product manager at a Lisbon payments start-up in Portugal."
        ]
        == "author bio"
    )
    assert {card.source.text for card in all_cards(generation)} == {"Revolut passed 50 million customers in 2024."}


def test_a_paragraph_ending_in_a_lead_in_keeps_its_sentences_and_a_heading_ends_the_context(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "open-banking.md",
        "# Open banking\n\n"
        "The regulator ordered the nine largest banks to open their data in 2016. The rules took effect in"
        " January 2018. The nine banks were:\n\n"
        "- Keel Bank\n- Harbour Credit\n\n"
        "## Key terms\n\n"
        "**Account information service (AIS)**: a service that reads a customer's account data.\n\n"
        "**Payment initiation service (PIS)**: a service that starts a payment from a customer's bank account.\n\n"
        "## What comes next\n\n"
        "The EU plans to replace PSD2 with a Payment Services Regulation. Brazil launched its own open finance"
        " programme in February 2021.\n",
    )
    prompts = cloze_prompts(cards)
    assert prompts["2016"].endswith("The regulator ordered the nine largest banks to open their data in [...].")
    assert prompts["January 2018"].endswith("The rules took effect in [...].")
    assert "Payment initiation service" not in prompts["PSD2"]


def test_an_italic_standfirst_is_prose_and_an_interviewees_firm_may_have_an_everyday_name(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "interview.md",
        "# An interview with Ngozi Bello, CEO of Tally Bank\n\n"
        "*Tally Bank, a Lagos-based digital lender, raised $40 million in May 2024.*\n\n"
        "**Q: How many customers do you have?**\n\n"
        "A: We passed 2.5 million customers in March, up from 900,000 in 2023.\n",
    )
    texts = {card.source.text for card in cards}
    assert "Tally Bank, a Lagos-based digital lender, raised $40 million in May 2024." in texts
    assert "Tally Bank passed 2.5 million customers in March, up from 900,000 in 2023." in texts


def test_a_plural_everyday_noun_starting_the_sentence_is_lowercase_in_its_question(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "listing.md",
        "Regulators halted Orbit Group's $34.5 billion listing in November 2020.\n\n"
        "Analysts expected Keel Bank to list in Lisbon in March 2021.\n",
    )
    questions = {card.prompt for card in cards if card.kind == "question"}
    assert "When did regulators halt Orbit Group's $34.5 billion listing?" in questions
    assert not [question for question in questions if "Regulators" in question or "Analysts" in question]


def test_a_labelled_value_that_is_a_number_alone_counts_what_its_label_names(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "banks.md",
        "# Digital banks compared\n\n"
        "| Bank | Country | Customers (2024) |\n| --- | --- | --- |\n"
        "| Keel Bank | Portugal | 1.2 million |\n| Orbit Bank | Spain | 900,000 |\n\n"
        "Keel Bank opened in Porto in 2019.\n",
    )
    answers = answers_by_prompt(cards, "cloze")
    assert answers["Keel Bank — Customers (2024): [...]"] == "1.2 million"
    assert answers["Orbit Bank — Customers (2024): [...]"] == "900,000"


def test_the_new_company_is_never_the_firm_named_before(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "lender.md",
        "# Orbit Pay sets up a lender\n\n"
        "Orbit Pay will hold 50% of the new lender, with the rest owned by Keel Bank. Orbit Pay already"
        " serves 60 million users.\n\n"
        "The new company will start with registered capital of 1.5 billion yuan.\n",
    )
    texts = {card.source.text for card in cards}
    assert not [text for text in texts if "Orbit Pay will start" in text or "Keel Bank will start" in text]
    assert "The new company will start with registered capital of 1.5 billion yuan." in texts


def test_a_year_after_by_asks_by_what_year_and_both_points_back(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "growth.md",
        "Silva grew the Brazilian business of Orbit Pay to 2 million users by 2022.\n\n"
        "Orbit Pay's investors include Savanna Capital and Northwind Ventures. Both firms put money into"
        " its 2021 round, which raised 80 million euros.\n",
    )
    questions = {card.prompt for card in cards if card.kind == "question"}
    assert "By what year did Silva grow the Brazilian business of Orbit Pay to 2 million users?" in questions
    prompts = cloze_prompts(cards)
    assert prompts["80 million euros"].startswith(
        "Orbit Pay's investors include Savanna Capital and Northwind Ventures."
    )


def test_a_wire_storys_abbreviations_and_headline_label(tmp_path: Path):
    generation = generate_page(
        tmp_path,
        "wire.txt",
        "UPDATE 2-Keel Bank profit beats forecasts as lending grows\n\n"
        "LISBON, March 4 (Reuters) - Keel Bank posted a 14 pct rise in full-year net profit to 512 mln euros"
        " on Tuesday.\n\n"
        "Net interest income at Keel Bank rose 9 pct to 1.3 bln euros in 2024.\n",
    )
    [deck] = generation.decks
    assert deck.title == "Keel Bank profit beats forecasts as lending grows"
    answers = {card.answer for card in deck.cards}
    assert {"14 pct", "512 mln euros", "9 pct", "1.3 bln euros"} <= answers
    assert not answers & {"512", "1.3", "14", "9"}


def test_wire_abbreviated_amounts_are_compared_by_value_among_choices(tmp_path: Path):
    earned = [("Keel", "1.3 bln"), ("Orbit", "1,300 mln"), ("Harbour", "2.1 bln"), ("Savanna", "4.5 bln")]
    earned += [("Northwind", "900 mln"), ("Lumen", "700 mln")]
    cards = page_cards(
        tmp_path,
        "earnings.md",
        "\n\n".join(f"{bank} Bank earned {amount} euros in {2024 - n}." for n, (bank, amount) in enumerate(earned)),
    )
    choices = {card.answer: card.choices for card in cards if card.kind == "choice" and card.answer_type == "money"}
    # One value written two ways is never a wrong choice beside the other.
    assert "1,300 mln euros" not in choices["1.3 bln euros"]
    assert "1.3 bln euros" not in choices["1,300 mln euros"]


FACT_SHEET_WITH_HEADED_LISTS = (
    "---\ntitle: Orbit Pay at a glance\n---\n"
    "Orbit Pay is a digital wallet launched in Lisbon in 2019 by the retailer Sonae Digital.\n\n"
    "Orbit Pay works with these partner banks:\n\n- Banco Litoral\n- Caixa Norte\n- Banco Atlântico\n\n"
    "## Markets\n\n- Portugal\n- Spain\n- Morocco\n\n"
    "## Founders\n\n- Rita Valente\n- Jorge Mendes\n\n"
    "## Sections\n\n- [Banking](/banking)\n- [Wallets](/wallets)\n\n"
    "## Markets\n\n- [Stocks](/markets/stocks)\n- [Bonds](/markets/bonds)\n\n"
    "## Key points\n\n- Grab Financial and Sea Money\n"
)
# Others of each kind, for the choices.
WALLET_PROFILES = (
    "Lumen Wallet works with Alior Bank, Bank Polski and Santander Bank Polska.\n\n"
    "Kite Pay holds its deposits at Equity Bank, KCB Bank and NCBA Bank.\n\n"
    "Lumen Wallet opened in Czechia in 2020.\n\nKite Pay entered Uganda in 2018.\n\n"
    "Lumen Wallet expanded to Slovakia in 2022.\n\nLumen Wallet launched in Lithuania in 2023.\n\n"
    "Lumen Wallet had three co-founders:\n\n- Adam Nowak\n- Ewa Lis\n- Marek Zielinski\n"
)


def test_a_heading_over_a_list_of_things_is_its_lead_in_and_the_next_heading_ends_it(tmp_path: Path):
    (tmp_path / "profiles.md").write_text(WALLET_PROFILES, encoding="utf-8")
    generation = generate_page(tmp_path, "orbit.md", FACT_SHEET_WITH_HEADED_LISTS)
    listed = {
        card.answer: card
        for card in all_cards(generation)
        if card.source.file.endswith("orbit.md") and card.kind == "choice" and "belongs in that list" in card.prompt
    }
    # A list under a heading is of that heading's, never of the lead-in above it.
    for answer in ("Banco Litoral", "Caixa Norte", "Banco Atlântico"):
        assert listed[answer].prompt.startswith("“Orbit Pay works with these partner banks …”")
    for answer in ("Portugal", "Spain", "Morocco"):
        assert listed[answer].prompt.startswith("Orbit Pay at a glance: “Markets …”")
    for answer in ("Rita Valente", "Jorge Mendes"):
        assert listed[answer].prompt.startswith("Orbit Pay at a glance: “Founders …”")
    # The lead-in says what its items are: founders among people, partner banks among banks.
    assert set(listed["Rita Valente"].choices) - {"Rita Valente"} == {"Adam Nowak", "Ewa Lis", "Marek Zielinski"}
    other_banks = {"Alior Bank", "Bank Polski", "Santander Bank Polska", "Equity Bank", "KCB Bank", "NCBA Bank"}
    assert set(listed["Caixa Norte"].choices) - {"Caixa Norte"} <= other_banks
    # A site's menus and a summary's statements are no lists of things.
    assert not {"Banking", "Wallets", "Stocks", "Bonds", "Grab Financial and Sea Money"} & set(listed)
    skipped = {sentence.text: sentence.reason for sentence in generation.skipped_sentences}
    assert skipped["Stocks"] == skipped["Banking"] == "list item with no lead-in"


def test_a_day_written_year_first_is_asked_for_and_offered_among_days_written_so(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "changelog.md",
        "Kite Pay received its e-money licence on 2021-03-15.\n\n"
        "Kite Pay launched its debit card on 9 May 2022.\n\n"
        "Kite Pay opened a branch in Mombasa on 14 July 2020.\n\n"
        "Kite Pay passed one million users on 2023-11-30.\n\n"
        "Kite Pay raised $20 million on 1 February 2024.\n",
    )
    questions = answers_by_prompt(cards, "question")
    assert questions["When did Kite Pay receive its e-money licence?"] == "2021-03-15"
    assert questions["How many users did Kite Pay pass on 2023-11-30?"] == "one million"
    choices = {card.answer: set(card.choices) for card in cards if card.kind == "choice" and card.answer_type == "date"}
    # Each date among the others written its way: "9 May 2022" is "2022-05-09" among days written year first.
    assert choices["2021-03-15"] <= {"2021-03-15", "2022-05-09", "2020-07-14", "2023-11-30", "2024-02-01"}
    assert len(choices["2021-03-15"]) == 4
    assert choices["9 May 2022"] <= {
        "9 May 2022",
        "15 March 2021",
        "14 July 2020",
        "30 November 2023",
        "1 February 2024",
    }


def test_a_forum_posters_imo_or_iirc_is_no_fact(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "thread.txt",
        "Airstar Bank is one of the eight virtual banks licensed by the HKMA in 2019.\n\n"
        "Imo the savings rate is ok but ZA Bank is better.\n\n"
        "Airstar launched in June 2020 iirc.\n",
    )
    skipped = {sentence.text: sentence.reason for sentence in result.skipped_sentences}
    assert skipped["Imo the savings rate is ok but ZA Bank is better."] == "opinion or hedge, not a fact"
    assert skipped["Airstar launched in June 2020 iirc."] == "opinion or hedge, not a fact"
    assert "2019" in {card.answer for card in all_cards(result)}


def test_a_names_own_n_joins_it_and_a_code_with_slashes_is_no_answer():
    from quiz.generate.spans import find_spans

    def answers(sentence: str) -> set[str]:
        return {span.text for span in find_spans(sentence)}

    # A word with a lowercase prefix goes on a name: "eWallet", "iPhone".
    assert "Touch 'n Go eWallet" in answers("Malaysia's Touch 'n Go eWallet has more than 21 million verified users.")
    assert "Apple iPhone" in answers("The Apple iPhone sold 230 million units in 2023.")
    licence = answers("Kite Pay is licensed by the Central Bank of Kenya under licence number PSP/2018/044.")
    assert licence == {"Kite Pay", "Central Bank of Kenya"}
    assert answers("Its permit KE/PSP/2020 was renewed.") == set()


def test_there_for_a_place_the_sentence_before_named_brings_that_sentence(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "interview.md",
        "Lumen Bank opened in Spain in March 2024.\n\n"
        "Lumen Bank signed up 120,000 customers there in the first two months.\n\n"
        "Kite Transfer opened an office in Madrid and it now employs 45 people there.\n",
    )
    prompts = cloze_prompts(cards)
    assert prompts["120,000"] == (
        "Lumen Bank opened in Spain in March 2024. Lumen Bank signed up [...] customers there in the first two months."
    )
    # "there" is the Madrid the sentence names itself.
    assert prompts["45"].startswith("Kite Transfer opened an office in Madrid")


def test_in_a_round_up_the_company_is_the_firm_just_named_not_the_pages(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "round-up.md",
        "# Fintech Friday\n\n"
        "## Nordbank buys Kredittfix\n\n"
        "Oslo-based Nordbank has agreed to buy the consumer lender Kredittfix for NOK 1.8 billion.\n\n"
        "Nordbank was founded in 2016 and received its banking licence in 2018.\n\n"
        "Nordbank now serves customers in Norway and Sweden.\n\n"
        "## Sahel Pay enters Ghana\n\n"
        "Cairo-based Sahel Pay launched in Accra this week, its fourth market after Egypt and Morocco.\n\n"
        "Chief executive Samir Haddad said the company aims for 500,000 users in Ghana by the end of 2025.\n",
    )
    prompts = cloze_prompts(cards)
    assert (
        prompts["500,000"]
        == "Chief executive Samir Haddad said Sahel Pay aims for [...] users in Ghana by the end of 2025."
    )


def test_a_title_with_a_colon_of_its_own_is_set_off_from_the_sentence_by_a_dash(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "bulletin.txt",
        "STATISTICAL BULLETIN\n\nPayment cards in Norland: 2023\n\n"
        "The number of card payments rose by 9.4% in 2023 to 2.31 billion.\n",
    )
    prompts = cloze_prompts(cards)
    assert (
        prompts["9.4%"]
        == "Payment cards in Norland: 2023 — The number of card payments rose by [...] in 2023 to 2.31 billion."
    )


def test_a_team_list_on_a_firms_page_says_who_holds_each_role_there(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "about.md",
        "# About Kite Pay\n\n"
        "Kite Pay was founded in Nairobi in 2016. Kite Pay serves 3.2 million people in Kenya.\n\n"
        "## Leadership\n\n"
        "- Amina Odhiambo, Chief Executive Officer\n"
        "- Peter Kamau – COO\n"
        "- Grace Wanjiru (Chief Financial Officer)\n"
        "- Lakeside Partners, an early investor\n",
    )
    prompts = cloze_prompts(cards)
    assert prompts["Amina Odhiambo"] == "Kite Pay — Chief Executive Officer: [...]"
    assert prompts["Peter Kamau"] == "Kite Pay — COO: [...]"
    assert prompts["Grace Wanjiru"] == "Kite Pay — Chief Financial Officer: [...]"
    assert "Lakeside Partners" not in {card.answer for card in cards}


def test_a_papers_abstract_gives_its_finding_and_not_its_keywords_or_how_to_cite_it(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "abstract.md",
        "# Mobile money and household resilience\n\n"
        "**Abstract.** Using a panel of 3,000 households surveyed between 2008 and 2014, we find that "
        "households with access to M-Pesa were 22% less likely to cut consumption after a shock.\n\n"
        "**Keywords:** mobile money, risk sharing, Kenya, M-Pesa\n\n"
        "**JEL codes:** O16, G21\n\n"
        "*Suggested citation: Otieno, R. and Mwangi, S. (2019). Mobile money and household resilience.*\n",
    )
    prompts = cloze_prompts(all_cards(result))
    assert prompts["22%"] == "Households with access to M-Pesa were [...] less likely to cut consumption after a shock."
    reasons = drop_reasons(result)
    assert reasons["**Keywords:** mobile money, risk sharing, Kenya, M-Pesa"] == "page furniture"
    assert reasons["**JEL codes:** O16, G21"] == "page furniture"
    assert reasons[
        "*Suggested citation: Otieno, R. and Mwangi, S. (2019). Mobile money and household resilience.*"
    ] == ("reference")


def test_among_them_brings_the_sentence_that_named_them(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "annual-data.txt",
        "Xiaomi Finance has served more than 20 million users since 2015.\n\n"
        "Among them, Xiaomi Loan users borrowed about 8,000 yuan each on average.\n",
    )
    assert cloze_prompts(cards)["8,000 yuan"] == (
        "Xiaomi Finance has served more than 20 million users since 2015. "
        "Among them, Xiaomi Loan users borrowed about [...] each on average."
    )


ENCYCLOPEDIA_PAGE = (
    "Kestrel Pay\n\nFrom Wikipedia, the free encyclopedia\n\n"
    "Kestrel Pay is an Indian digital payments company based in Pune. It was founded in 2011 by Arjun Mehta.[2]\n\n"
    "History\n\n"
    "Kestrel Pay began as a mobile recharge website. In 2014 it launched the Kestrel Pay Wallet.[3]\n\n"
    "Demonetisation in November 2016 led to a sharp rise in its use. In 2017, it crossed 100 million downloads.\n\n"
    "Kestrel Payments Bank began operations in May 2017.\n\n"
    "The company's initial public offering in November 2021 raised ₹9,300 crore.\n"
)


def test_an_encyclopedia_page_is_about_its_title_and_its_references_resolve(tmp_path: Path):
    result = generate_page(tmp_path, "kestrel.txt", ENCYCLOPEDIA_PAGE)
    assert drop_reasons(result)["From Wikipedia, the free encyclopedia"] == "page furniture"
    cards = all_cards(result)
    assert {card.source.title for card in cards} == {"Kestrel Pay"}
    prompts = cloze_prompts(cards)
    # "it" is the firm the sentence before is about, though a longer name starts with its name.
    assert prompts["2014"] == "In [...], Kestrel Pay launched the Kestrel Pay Wallet."
    # "The company" after a sentence about its bank is the company the page is about.
    assert prompts["₹9,300 crore"] == "Kestrel Pay's initial public offering in November 2021 raised [...]."
    # A noun made with "-isation" is no firm for "it" to stand for.
    assert not [
        prompt for prompt in prompts.values() if "Demonetisation became" in prompt or "Demonetisation crossed" in prompt
    ]
    skipped = {sentence.text: sentence.reason for sentence in result.skipped_sentences}
    assert skipped["In 2017, it crossed 100 million downloads."] == "starts with a pronoun that cannot be resolved"


def test_a_highlight_under_a_summary_heading_is_a_figure_of_the_pages_subject(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "results.md",
        "Harbourline is a digital bank headquartered in Amsterdam. Harbourline reported its results on 24 April.\n\n"
        "## Q1 2025 highlights\n\n"
        "- Revenue of €212 million, up 31% year on year\n"
        "- 4.6 million active customers at the end of March\n"
        "- Cost-to-income ratio improved to 58%\n"
        "- Harbourline opened in Belgium in 2024\n"
        "- Strong start to the year\n",
    )
    prompts = cloze_prompts(cards)
    assert prompts["€212 million"] == "Harbourline — Revenue of [...], up 31% year on year"
    assert prompts["4.6 million"] == "Harbourline — [...] active customers at the end of March"
    assert prompts["58%"] == "Harbourline — Cost-to-income ratio improved to [...]"
    # One that names the subject needs no prefix; one with no figure is no fact.
    assert prompts["2024"] == "Harbourline opened in Belgium in [...]"
    assert not [card for card in cards if "Strong start" in card.prompt]


def test_a_highlight_goes_under_a_headline_that_names_the_subject(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "results.md",
        "---\ntitle: Harbourline Q1 2025 results\n---\n"
        "Harbourline is a digital bank headquartered in Amsterdam.\n\n"
        "## Highlights\n\n- Revenue of €212 million, up 31% year on year\n",
    )
    assert cloze_prompts(cards)["€212 million"] == "Harbourline Q1 2025 results: Revenue of [...], up 31% year on year"


def test_the_end_of_a_period_crowds_out_no_other_fact_of_its_sentence(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "fine.md",
        "The Financial Conduct Authority fined Lumen Payments £4,218,600 for weak controls between "
        "January 2019 and June 2022.\n",
    )
    answers = {card.answer for card in cards}
    assert {"£4,218,600", "January 2019"} <= answers
    assert "June 2022" not in answers


def test_a_comparison_table_is_read_column_by_column(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "comparison.md",
        "# Revolut vs Monzo vs Starling\n\n"
        "| | Revolut | Monzo | Starling |\n|---|---|---|---|\n"
        "| Founded | 2015 | 2015 | 2014 |\n| UK customers | 9 million | 10 million | 4.6 million |\n\n"
        "Monzo was founded in London by Tom Blomfield. Monzo has a banking licence.\n",
    )
    prompts = {card.prompt: card.answer for card in cards if card.kind == "cloze"}
    assert prompts["Starling — Founded: [...]"] == "2014"
    assert prompts["Revolut — UK customers: [...]"] == "9 million"
    assert prompts["Monzo — UK customers: [...]"] == "10 million"


def test_the_reply_to_a_rhetorical_question_is_no_part_of_the_fact(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "cash.md",
        "Is this the end of cash in Peru? Probably not soon: cash still made up 64% of retail payments in "
        "Peru in 2025.\n",
    )
    prompts = cloze_prompts(cards)
    assert prompts["64%"] == "Cash still made up [...] of retail payments in Peru in 2025."


def test_list_items_that_end_their_lead_ins_clause_are_sentences_with_it(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "rules.md",
        "The Reserve Bank of Norland set new rules for buy-now-pay-later (BNPL) providers in 2026.\n\n"
        "Under the rules, providers must:\n\n"
        "1. check the income of every customer who borrows more than 500 crowns;\n"
        "2. cap late fees at 25 crowns per missed payment; and\n"
        "3. report all loans to the national credit register.\n",
    )
    sources = {card.source.text for card in cards}
    assert "Under the rules, providers must cap late fees at 25 crowns per missed payment." in sources
    assert "BNPL" not in {card.answer for card in cards}  # its words are in view, before it
    assert "25 crowns" in {card.answer for card in cards}  # "crowns" is money, as "kroner" is


def test_a_key_dates_list_with_days_is_a_timeline(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "dates.md",
        "The Reserve Bank of Norland set new rules for card lenders in 2026. The Reserve Bank of Norland "
        "was founded in 1816.\n\n"
        "### Key dates\n\n"
        "- 3 February 2026: rules published\n"
        "- July 1, 2026: rules take effect\n",
    )
    prompts = cloze_prompts(cards)
    assert prompts["3 February 2026"] == "Reserve Bank of Norland — [...]: rules published"
    assert prompts["July 1, 2026"] == "Reserve Bank of Norland — [...]: rules take effect"


def test_a_term_put_in_for_it_gives_no_answer_that_is_part_of_it(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "glossary.md",
        "**Interchange fee**: a fee paid by the merchant's bank to the card issuer on each card payment. "
        "In the EU it is capped at 0.2% of the transaction value for consumer debit cards.\n",
    )
    assert "Interchange" not in {card.answer for card in cards}
    assert any("Interchange fee is capped at [...]" in prompt for prompt in cloze_prompts(cards).values())


def test_no_card_asks_for_what_its_context_or_heading_shows(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "fine.md",
        "The Financial Conduct Authority fined Lumen Payments Ltd £4,218,600 for weak controls in 2022.\n\n"
        "The regulator found that Lumen onboarded 34,000 high-risk customers without proper checks.\n",
    )
    prompts = cloze_prompts(cards)
    assert "34,000" in prompts and "Lumen Payments Ltd" in prompts["34,000"]
    assert "Lumen" not in prompts


def test_today_it_and_one_of_them_alone_read_with_the_sentence_before(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "thread.txt",
        "2/ Nubank was founded in São Paulo in 2013 by David Vélez.\n\n"
        "3/ Today it operates in Brazil, Mexico and Colombia. Mexico alone has over 8 million customers.\n\n"
        "4/ We love its purple card. Colombia alone has 2 million customers.\n",
    )
    prompts = cloze_prompts(all_cards(result))
    assert prompts["Brazil"] == "Today Nubank operates in [...], Mexico and Colombia."
    assert prompts["8 million"] == (
        "Today Nubank operates in Brazil, Mexico and Colombia. Mexico alone has over [...] customers."
    )
    skipped = {sentence.text: sentence.reason for sentence in result.skipped_sentences}
    assert skipped["Colombia alone has 2 million customers."] == "points back to a sentence that was skipped"


def test_cardholders_are_no_firm_and_the_headline_says_whose(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "release.md",
        "# Tally Bank launches debit cards for gig workers\n\n"
        "Tally Bank announced the cards on 3 June 2024, with Visa.\n\n"
        "Cardholders will earn 1% cashback on fuel purchases.\n",
    )
    assert cloze_prompts(cards)["1%"] == (
        "Tally Bank launches debit cards for gig workers: Cardholders will earn [...] cashback on fuel purchases."
    )


def test_a_calls_analyst_label_gives_no_answer_and_a_second_we_is_it(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "call.txt",
        "Orbit Pay Q4 2024 Earnings Call Transcript\n\n"
        "Operator: Good afternoon and welcome to the Orbit Pay earnings call.\n\n"
        "Maya Okafor, Chief Financial Officer: Revenue was $214 million in the quarter.\n\n"
        "Analyst, Kenji Ito, Northgate Securities: Thanks. Can you talk about Brazil?\n\n"
        "Jonas Lund, Chief Executive Officer: Sure. "
        "We launched in Brazil in August and we now have 400,000 users there.\n",
    )
    cards = all_cards(result)
    answers = {card.answer for card in cards}
    assert not {"Kenji Ito", "Northgate Securities"} & answers
    assert cloze_prompts(cards)["400,000"] == "Orbit Pay launched in Brazil in August and it now has [...] users there."


def test_a_tips_label_is_no_part_of_the_sentence_after_it(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "howto.md",
        "# How to open a Mox account\n\nMox is a virtual bank that launched in Hong Kong in September 2020.\n\n"
        "**Tip:** You need to be at least 18 years old to open an account.\n",
    )
    skipped = {sentence.text: sentence.reason for sentence in result.skipped_sentences}
    assert skipped["Tip: You need to be at least 18 years old to open an account."] == (
        "speaks as 'we', 'I' or to 'you': who is unknown"
    )


def test_a_tables_totals_row_is_no_ones_and_an_item_over_items_is_a_sentence(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "market.md",
        "| Bank | Launched | Customers |\n|---|---|---|\n"
        "| GXS Bank | 2022 | 1.2 million |\n| Tonik | 2021 | 600,000 |\n| **Total** | | **1.8 million** |\n\n"
        "- Singapore issued four digital bank licences in December 2020:\n"
        "  - two full licences\n  - two wholesale licences\n",
    )
    prompts = cloze_prompts(cards)
    assert prompts["1.2 million"] == "GXS Bank — Customers: [...]"
    assert "1.8 million" not in prompts
    assert prompts["December 2020"] == "Singapore issued four digital bank licences in [...]."


def test_a_persons_infobox_above_the_opening_is_read(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "profile.txt",
        "PROFILE\n\nBorn: 3 May 1970, Seville\nNet worth: US$1.2 billion (2024)\n\n"
        "Ana Ruiz founded Orbit Pay in 2012. Ana Ruiz ran it until 2020, when she became its chair.\n",
    )
    prompts = cloze_prompts(cards)
    assert prompts["3 May 1970"] == "Ana Ruiz — Born: [...], Seville"
    assert prompts["US$1.2 billion"] == "Ana Ruiz — Net worth: [...] (2024)"


def test_an_opinion_pieces_byline_bio_and_a_year_glued_to_a_word_give_no_card(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "opinion.md",
        "# Opinion: Super apps are coming for your bank\n\n"
        "*By Priya Nair, a former banker. The views expressed are her own.*\n\n"
        "Many people clearly do: GXS Bank, the digital bank run by Grab and Singtel, had 1.2 million depositors "
        "by mid-2024.\n\n"
        "*Priya Nair writes about fintech every other Thursday.*\n",
    )
    reasons = drop_reasons(result)
    assert reasons["*By Priya Nair, a former banker. The views expressed are her own.*"] == "byline"
    assert reasons["*Priya Nair writes about fintech every other Thursday.*"] == "author bio"
    prompts = cloze_prompts(all_cards(result))
    assert prompts["1.2 million"] == (
        "GXS Bank, the digital bank run by Grab and Singtel, had [...] depositors by mid-2024."
    )
    assert "2024" not in prompts


def test_a_name_that_owns_the_bank_before_it_is_no_bank(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "grab.md",
        "Grab started as a ride-hailing app in Malaysia in 2012.\n\n"
        "GXS Bank, the digital bank Grab runs with Singtel, had 1.2 million depositors in 2024.\n",
    )
    assert not [card for card in cards if card.answer == "Grab" and card.answer_type == "bank"]
    assert not [card for card in cards if card.prompt.startswith("Which bank started")]


def test_a_wires_date_and_agency_and_a_stocks_ticker_are_no_answers(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "wire.txt",
        "March 14 (Reuters) - Swedish fintech Klarna filed for a U.S. initial public offering on Friday, "
        "revealing that its net loss narrowed to $21 million in 2024.\n\n"
        'The company plans to list on the New York Stock Exchange under the ticker "KLAR".\n',
    )
    answers = {card.answer for card in cards}
    assert "$21 million" in answers and "New York Stock Exchange" in answers
    assert not {"March 14", "KLAR"} & answers
    assert not [card for card in cards if "Reuters" in card.prompt]


def test_an_infoboxs_name_says_whom_its_other_labels_are_of(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "profile.txt",
        "PROFILE\n\nName: Lei Jun\nBorn: 16 December 1969, Xiantao\nNet worth: US$12.6 billion\n\n"
        "Lei Jun founded Xiaomi in April 2010. Xiaomi shipped 146 million smartphones in 2023. "
        "Xiaomi is based in Beijing.\n",
    )
    prompts = cloze_prompts(all_cards(result))
    assert prompts["16 December 1969"] == "Lei Jun — Born: [...], Xiantao"
    assert prompts["US$12.6 billion"] == "Lei Jun — Net worth: [...]"
    assert "Lei Jun — Name: [...]" not in prompts.values()


def test_a_market_pages_delay_notice_and_most_read_box_are_furniture_and_a_called_unit_names_itself(
    tmp_path: Path,
):
    result = generate_page(
        tmp_path,
        "markets.md",
        "# Harbour Bank shares jump after licence\n\n"
        "Shares in Harbour Bank rose 7.2% on Thursday after the central bank licensed its online unit.\n\n"
        "The unit, called Harbour Direct, will take deposits of up to 50,000 dollars per customer.\n\n"
        "Market data delayed by 15 minutes. Source: Exchange data provider.\n\n"
        "Most read\n\n1. Central bank holds rates at 4%\n2. Lumen names new chief executive\n",
    )
    reasons = drop_reasons(result)
    assert reasons["Market data delayed by 15 minutes. Source: Exchange data provider."] == "page furniture"
    assert reasons["Most read"] == reasons["1. Central bank holds rates at 4%"] == "link box"
    prompts = cloze_prompts(all_cards(result))
    # "The unit" is the one the sentence calls Harbour Direct, not the bank before: the sentence
    # before is shown for what unit it is.
    assert prompts["50,000 dollars"] == (
        "Shares in Harbour Bank rose 7.2% on Thursday after the central bank licensed its online unit. "
        "The unit, called Harbour Direct, will take deposits of up to [...] per customer."
    )


def test_a_name_after_a_date_that_leads_with_no_comma_is_what_it_stands_for_next(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "history.md",
        "# Keel Bank\n\nKeel Bank is a digital bank in Porto. In 2021 Keel Bank raised €60 million from Atlas "
        "Ventures. By 2023 it had 1.1 million customers.\n",
    )
    assert cloze_prompts(cards)["1.1 million"] == "By 2023, Keel Bank had [...] customers."


def test_a_letter_to_shareholders_speaks_for_the_firm_it_first_names(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "letter.md",
        "# Letter from the Chair\n\nDear shareholders,\n\n2024 was a year of growth for Lumen Bank.\n\n"
        "We opened 40 new branches and launched our wallet, Lumen Go, in May 2024.\n\n"
        "Our capital ratio stood at 14.2% at year end.\n\nI would like to thank our 5,400 employees.\n\n"
        "Yours sincerely,\n\nElena Marquez\n",
    )
    assert drop_reasons(result)["Dear shareholders,"] == "salutation"
    prompts = cloze_prompts(all_cards(result))
    assert prompts["40"] == "Lumen Bank opened [...] new branches and launched its wallet, Lumen Go, in May 2024."
    assert prompts["14.2%"] == "Lumen Bank's capital ratio stood at [...] at year end."
    # The writer's own thanks stay the writer's.
    assert "5,400" not in prompts


def test_a_reports_paragraph_numbers_and_a_defined_term_after_the_give_no_answers(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "consultation.md",
        "# Consultation Paper CP24/7: Safeguarding of customer funds\n\n## 1 Introduction\n\n"
        "1.2 The Authority supervises 212 payment institutions.\n\n"
        "2.3 The Authority estimates that the proposals would cost the industry 32 million pounds.\n\n"
        "1.5 million people hold an e-money account.\n",
    )
    prompts = cloze_prompts(cards)
    assert prompts["212"] == "The Authority supervises [...] payment institutions."
    # A figure that opens a sentence is no paragraph's number.
    assert prompts["1.5 million"].endswith("— [...] people hold an e-money account.")
    assert not {card.answer for card in cards} & {"1.2", "2.3", "Authority"}


@pytest.mark.parametrize(
    ("page", "answer", "prompt"),
    [
        (
            "The Authority supervises 212 payment institutions and 68 e-money institutions. Together they "
            "held 14.5 billion pounds of customer funds.\n",
            "14.5 billion pounds",
            "The Authority supervises 212 payment institutions and 68 e-money institutions. Together they "
            "held [...] of customer funds.",
        ),
        (
            "Orbit Pay listed its shares in Lisbon on 3 March 2025. Kite Bank raised €20 million on the same day.\n",
            "€20 million",
            "Orbit Pay listed its shares in Lisbon on 3 March 2025. Kite Bank raised [...] on the same day.",
        ),
    ],
)
def test_together_they_and_the_same_day_are_shown_with_the_sentence_they_point_back_to(
    tmp_path: Path, page: str, answer: str, prompt: str
):
    assert cloze_prompts(page_cards(tmp_path, "page.md", page))[answer] == prompt


def test_a_changelogs_verb_a_labels_joined_words_and_a_footnote_after_a_year_are_no_names(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "update.md",
        "# Harbour Bank Q3 2025 trading update\n\n"
        "Harbour Bank reported higher lending in the third quarter.\n\n"
        "| Metric | Q3 2025 |\n| --- | --- |\n| Cost-to-income ratio | 51.2% |\n\n"
        "Card payments in Norland rose to 2.4 billion transactions in 2024¹.\n\n"
        "- Added Apple Pay support for Orbit Card holders in Spain.\n\n¹ Provisional figure.\n",
    )
    prompts = cloze_prompts(cards)
    # "Cost-to-income" is everyday words, not a name saying whose ratio it is.
    assert prompts["51.2%"] == "Harbour Bank — Cost-to-income ratio — Q3 2025: [...]"
    assert prompts["2.4 billion"].endswith("rose to [...] transactions in 2024.")
    assert prompts["Apple Pay"] == "Added [...] support for Orbit Card holders in Spain."


def test_a_learners_notes_are_read_as_sentences_and_their_definitions_as_terms(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "notes.txt",
        "Lecture 5 - Digital banks\n\n"
        "Neobank = bank with no branches, app only\n"
        "Monzo (UK): founded 2015, about 9 million customers in 2024\n"
        "WeBank (China): set up 2014 by Tencent\n",
    )
    prompts = cloze_prompts(all_cards(result))
    assert prompts["Neobank"] == "[...]: bank with no branches, app only."
    assert prompts["2015"] == "Monzo (UK): founded [...], about 9 million customers in 2024."
    assert prompts["2014"] == "WeBank (China): set up [...] by Tencent."
    assert drop_reasons(result)["Lecture 5 - Digital banks"] == "heading or caption"


def test_a_feeds_labels_and_a_caption_with_its_credit_are_no_notes(tmp_path: Path):
    items = "".join(
        f"TITLE: {firm} raises money\nDATE: Tue, 0{day} Jul 2024 09:00:00 GMT\n{firm} raised {day} million dollars.\n\n"
        for day, firm in ((2, "Kilima Card"), (3, "Pesa Rapida"), (4, "Orbit Wallet"))
    )
    result = generate_page(tmp_path, "feed.txt", items + "Kudi agents in Lagos. Photo: Kudi Mobile\n")
    prompts = {card.prompt for card in all_cards(result)}
    assert not [prompt for prompt in prompts if "DATE:" in prompt or "TITLE:" in prompt or "Photo:" in prompt]
    assert "Pesa Rapida raised [...] million dollars." in prompts or "Pesa Rapida raised [...]." in prompts


def test_markdown_footnote_marks_are_dropped_and_their_footnotes_are_furniture(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "wallets.md",
        "# Mobile wallets in Norland\n\n"
        "Mobile wallets handled 41% of online payments in Norland in 2024.[^1] The largest wallet, Fjord Pay, "
        "had 2.2 million users.[^survey]\n\n[^1]: Central Bank of Norland, Payments Survey 2024.\n",
    )
    assert (
        cloze_prompts(all_cards(result))["41%"] == "Mobile wallets handled [...] of online payments in Norland in 2024."
    )
    assert drop_reasons(result)["[^1]: Central Bank of Norland, Payments Survey 2024."] == "footnote"


def test_a_plain_text_tables_columns_set_apart_by_spaces_are_read_as_a_tables(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "banks.txt",
        "Digital banks in Hong Kong\n\n"
        "Home    News    Fintech\n\n"
        "Bank            Customers    Launched\n"
        "ZA Bank         800,000      2020\n"
        "Mox Bank        600,000      2020\n\n"
        "ZA Bank opened to the public in March 2020.  Mox Bank followed in September 2020.\n",
    )
    prompts = cloze_prompts(all_cards(result))
    assert prompts["800,000"] == "ZA Bank — Customers: [...]"
    assert prompts["600,000"] == "Mox Bank — Customers: [...]"
    # Two spaces after a stop part sentences, not columns; a line alone is no table.
    assert prompts["March 2020"] == "ZA Bank opened to the public in [...]."
    assert drop_reasons(result)["Home News Fintech"] != "table"


def test_a_tab_separated_table_is_read_as_a_table(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "apps.txt",
        "Payment apps in Norland\n\nApp\tUsers\tOwner\n"
        "Fjord Pay\t2.2 million\tNordbank\nKrone Wallet\t900,000\tTelenor\n",
    )
    prompts = cloze_prompts(cards)
    assert prompts["2.2 million"] == "Fjord Pay — Users: [...]"
    assert prompts["Telenor"] == "Krone Wallet — Owner: [...]"


def test_a_month_with_no_year_is_shown_after_the_sentence_naming_the_year(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "wallet.md",
        "Lumen Bank launched its wallet, Lumen Go, in May 2024. Lumen Go had 650,000 users by December.\n\n"
        "Important: exam on 14 November!!\n",
    )
    prompts = cloze_prompts(all_cards(result))
    assert prompts["650,000"] == (
        "Lumen Bank launched its wallet, Lumen Go, in May 2024. Lumen Go had [...] users by December."
    )
    skipped = {sentence.text: sentence.reason for sentence in result.skipped_sentences}
    assert skipped["Important: exam on 14 November!!"] == "exclamation, not a statement"


def test_an_emoji_after_the_stop_leaves_a_sentence_and_lets_talk_is_no_fact(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "post.md",
        "Revolut reached 50 million customers in November 2024. 🎉\n\n"
        "Let's talk about how Nubank got to 100 million customers. 🧵\n",
    )
    assert cloze_prompts(all_cards(result))["50 million"] == "Revolut reached [...] customers in November 2024."
    skipped = {sentence.text: sentence.reason for sentence in result.skipped_sentences}
    assert skipped["Let's talk about how Nubank got to 100 million customers."] == (
        "an instruction to the reader, not a fact"
    )


def test_a_list_label_set_off_by_a_dash_is_of_the_firm_the_headline_names(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "rates.md",
        "# Keel Bank savings rates\n\nRates effective from 1 September 2025.\n\n"
        "- Easy access saver — 3.1% AER variable\n- 1-year fixed bond — 4.2% AER\n\n"
        "AER stands for Annual Equivalent Rate.\n",
    )
    prompts = cloze_prompts(cards)
    assert prompts["3.1%"] == "Keel Bank savings rates — Easy access saver: [...] AER variable"
    assert prompts["4.2%"] == "Keel Bank savings rates — 1-year fixed bond: [...] AER"


def test_an_interviews_dotted_q_and_a_labels_speak_for_the_interviewees_firm(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "qa.md",
        "# An interview with Keel's founder\n\nRui Costa founded Keel Bank in Porto in 2017.\n\n"
        "**Q. How many customers do you have today?**\n\nA. We have 1.4 million customers.\n\n"
        "A. Smith, an analyst, said Keel Bank grew fast in 2024.\n",
    )
    prompts = cloze_prompts(all_cards(result))
    assert prompts["1.4 million"] == "Keel has [...] customers."
    assert not [prompt for prompt in prompts.values() if prompt.startswith(("Q.", "A. We"))]


def test_it_before_any_name_is_the_one_the_headline_names(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "monzo.md",
        "# 5 things to know about Monzo\n\n1. It launched in 2015 with a prepaid card.\n"
        "2. The Prudential Regulation Authority granted Monzo a banking licence in April 2017.\n",
    )
    assert cloze_prompts(cards)["2015"] == "Monzo launched in [...] with a prepaid card."


def test_a_timeline_tables_rows_keep_their_year_and_their_verbs_are_no_names(tmp_path: Path):
    result = generate_page(
        tmp_path,
        "history.md",
        "# Orbit Pay: a short history\n\n| Year | Event |\n| --- | --- |\n"
        "| 2016 | Founded in Lisbon by Sara Lopes |\n"
        "| 2018 | Receives an e-money licence from the Bank of Portugal |\n\n"
        "Orbit Pay will stop charging for transfers abroad from 1 March, it said. Read also: Why digital banks "
        "across Europe are cutting their fees\n",
    )
    prompts = cloze_prompts(all_cards(result))
    assert prompts["Lisbon"] == "Orbit Pay: a short history, 2016 — Event: Founded in [...] by Sara Lopes"
    assert prompts["Bank of Portugal"] == (
        "Orbit Pay: a short history, 2018 — Event: Receives an e-money licence from the [...]"
    )
    assert "Receives" not in prompts
    # The link after the last sentence goes, and the sentence stays.
    assert prompts["1 March"] == "Orbit Pay will stop charging for transfers abroad from [...]."


def test_its_role_is_shown_after_the_sentence_naming_the_firm_not_under_the_persons_name(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "boden.md",
        "# Anne Boden\n\nAnne Boden is a Welsh banker who founded Starling Bank in 2014. "
        "She was its chief executive until June 2023.\n",
    )
    assert cloze_prompts(cards)["June 2023"] == (
        "Anne Boden is a Welsh banker who founded Starling Bank in 2014. "
        "Anne Boden was its chief executive until [...]."
    )


def test_a_digests_day_label_is_no_answer(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "digest.md",
        "# This week in payments\n\n**Monday** — Visa agreed to buy the open banking firm Tink for €1.8 billion.\n",
    )
    assert cloze_prompts(cards)["€1.8 billion"] == "Visa agreed to buy the open banking firm Tink for [...]."
    assert "Monday" not in {card.answer for card in cards}


def test_before_that_is_shown_after_the_sentence_naming_the_year(tmp_path: Path):
    cards = page_cards(
        tmp_path,
        "people.md",
        "Ana Ruiz founded Orbit Pay in Lisbon in 2015. Ruiz had spent eight years at Visa before that.\n",
    )
    assert cloze_prompts(cards)["Visa"] == (
        "Ana Ruiz founded Orbit Pay in Lisbon in 2015. Ruiz had spent eight years at [...] before that."
    )

"""Wire-news idioms for taking a side (sentences written for these tests)."""

from __future__ import annotations

import pytest

from test_extract import has, positions


@pytest.mark.parametrize("sentence, actor, stance, proposal", [
    ("Portugal gave the green light on Tuesday to the fisheries accord.", "Portugal", "supports", "fisheries accord"),
    ("Chile signed on to the lithium treaty last week.", "Chile", "supports", "lithium treaty"),
    ("The National Education Union pushed back against the school reform bill.", "National Education Union", "rejects", "school reform bill"),
    ("Vietnam poured cold water on the proposed fishing quota.", "Vietnam", "rejects", "fishing quota"),
    ("Mayor Tom Reyes pushed back on the fuel tax.", "Tom Reyes", "rejects", "fuel tax"),
    ("Norway walked away from the whaling agreement.", "Norway", "rejects", "whaling agreement"),
    ("The Farmers Alliance lobbied against the water tax for months.", "Farmers Alliance", "rejects", "water tax"),
    ("Colombia tabled a proposal for a regional fishing ban.", "Colombia", "supports", "fishing ban"),
    ("Senator Paula Nunez presented the plan to build a new port.", "Paula Nunez", "supports", "port"),
    ("The Green Party torpedoed the mining bill.", "Green Party", "rejects", "mining bill"),
    ("The sanctions resolution, drafted by Mexico, passed on Monday.", "Mexico", "supports", "sanctions resolution"),
    ("Quebec has condemned the fuel levy, its premier said.", "Quebec", "rejects", "fuel levy"),
    ("Governor Ruth Okoye signed on to a joint letter urging the president to scrap the fuel tax.", "Ruth Okoye", "rejects", "fuel tax"),
])
def test_news_idioms(nlp, sentence, actor, stance, proposal):
    found, _ = positions(nlp, "Headline\n\n" + sentence)
    assert has(found, actor, stance, proposal), found


def test_a_date_after_agreed_on_is_no_proposal(nlp):
    found, _ = positions(nlp, "Headline\n\nChile and Peru agreed on Tuesday to extend the fishing talks by a month.")
    assert has(found, "Peru", "supports", "extend the fishing talks")
    assert not any("tuesday" in p.lower() for _a, _s, p in found), found


def test_signing_on_to_a_letter_is_no_support_for_the_letter(nlp):
    found, _ = positions(nlp, "Headline\n\nGovernor Ruth Okoye signed on to a joint letter urging the president to scrap the fuel tax.")
    assert not any("letter" in p.lower() for _a, _s, p in found), found


def test_pushing_back_against_no_proposal_is_no_position(nlp):
    found, _ = positions(nlp, "Headline\n\nSenator Dana Holt pushed back against the group's online propaganda machine.")
    assert not found, found

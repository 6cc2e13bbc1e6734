"""Wire-news idioms for taking a side: what they must not catch (sentences written for these tests).

The idioms themselves are cases of test_extract.test_general_news_cues.
"""

from __future__ import annotations

from test_extract import has, positions


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

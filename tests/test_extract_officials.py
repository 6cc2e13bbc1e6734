"""An official speaks for the policy of the body or government it serves; sentences written for
these tests."""

from __future__ import annotations

import pytest

from test_extract import has, positions


@pytest.mark.parametrize("text,official", [
    # a minister of the state named, quoted after its government's announcement
    ("Chile's government will nationalise the copper mines. \"The copper belongs to all Chileans,\" "
     "Chilean Mining Minister Rosa Vidal said.", "Rosa Vidal"),
    # a minister with no state named serves the government the article is about
    ("OSLO (Reuters) - Norway's government proposed a tax on salmon farms. Fisheries Minister Kari Dahl "
     "said the fjords belonged to everyone.", "Kari Dahl"),
])
def test_an_official_takes_the_side_of_the_government_it_serves(nlp, text, official):
    found, _ = positions(nlp, "Headline\n\n" + text)
    sides = {(s, p) for a, s, p in found if a != official and a in ("Chile", "Norway")}
    assert sides, found
    stance, proposal = next(iter(sides))
    assert (official, stance, proposal) in found, found


def test_an_official_with_a_side_of_its_own_keeps_it(nlp):
    found, _ = positions(nlp, "Headline\n\nChile's government proposed a copper tax. Chilean Mining Minister "
                              "Rosa Vidal said she opposed a lithium levy.")
    assert has(found, "Rosa Vidal", "rejects", "lithium levy"), found
    assert not has(found, "Rosa Vidal", "supports", "copper tax"), found


@pytest.mark.parametrize("text", [
    # a former official speaks for no one
    "Chile's government proposed a copper tax. Former Mining Minister Rosa Vidal said the mines were old.",
    # a post that is not one of speaking for a body
    "Chile's government proposed a copper tax. Economist Rosa Vidal said the mines were old.",
    # a post in the opposition
    "Chile's government proposed a copper tax. Opposition leader Rosa Vidal said she would hold rallies.",
    # a minister of another state
    "Chile's government proposed a copper tax. Peru's Mining Minister Rosa Vidal said Lima would study it.",
])
def test_no_side_for_one_who_does_not_speak_for_the_government(nlp, text):
    found, _ = positions(nlp, "Headline\n\n" + text)
    assert not any(a == "Rosa Vidal" for a, _s, _p in found), found


def test_what_an_official_said_last_week_is_still_spoken_for_the_government(nlp):
    found, _ = positions(nlp, "Headline\n\nOSLO (Reuters) - Norway's government proposed a tax on salmon farms. "
                              "Fisheries Minister Kari Dahl said last week the fjords belonged to everyone.")
    assert ("Kari Dahl", "supports", "tax on salmon farms") in found, found


def test_what_an_official_said_a_year_earlier_is_not(nlp):
    found, _ = positions(nlp, "Headline\n\nOSLO (Reuters) - Norway's government proposed a tax on salmon farms. "
                              "A year earlier, Fisheries Minister Kari Dahl said the fjords belonged to everyone.")
    assert not any(a == "Kari Dahl" for a, _s, _p in found), found

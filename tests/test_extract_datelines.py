"""Wire datelines opening a paragraph; sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.blocks import split_blocks
from test_extract import has, positions


@pytest.mark.parametrize("dateline", [
    "GENEVA - ", "GENEVA — ", "LIMA (Reuters) - ", "NAIROBI, May 2 (AP) — ", "SAN JOSE, Costa Rica - ",
    "ST. LOUIS, Oct. 9, 2025 (AFP) – ", "KYIV/ISTANBUL, Sept 4 (Reuters) - ", "(Bloomberg) -- ",
])
def test_a_dateline_is_not_part_of_the_sentence(nlp, dateline):
    text = f"Fishing talks resume\n\n{dateline}Norway backed the fishing treaty on Monday, officials said.\n"
    found, result = positions(nlp, text)
    assert has(found, "Norway", "supports", "fishing treaty"), found
    assert not any(dateline.split()[0].strip(",").lower() in a.lower() for a, _s, _p in found), found
    statement = result.statements[0]
    # the evidence offsets still point into the article text
    assert text[statement.evidence.start:statement.evidence.end] == statement.evidence.text


def test_capitals_and_dashes_that_are_no_dateline_stay():
    text = ("Talks on the plan resume\n\nOfficials said NATO - the alliance - backed the plan.\n\n"
            "UNHCR officials — and others — met in May.\n")
    bodies = [b.text for b in split_blocks(text)]
    assert bodies[1:] == ["Officials said NATO - the alliance - backed the plan.",
                          "UNHCR officials — and others — met in May."]


def test_a_headline_keeps_its_capitals():
    blocks = split_blocks("PARIS - Talks stall on the pension reform\n\nThe unions rejected the reform.\n")
    assert blocks[0].is_headline and blocks[0].text.startswith("PARIS")


def test_a_bare_ministry_is_the_dateline_s_government(nlp):
    found, _ = positions(nlp, "Headline\n\nNEW DELHI, Sept 2 (Reuters) - The Finance Ministry signed off on a 20% duty "
                              "on rice exports last week.\n")
    assert has(found, "India", "supports", "duty on rice exports"), found


def test_a_ministry_in_a_named_capital_is_that_state_s(nlp):
    found, _ = positions(nlp, "Headline\n\nKOLKATA, March 3 - West Bengal refused to sign a water-sharing agreement "
                              "with Bangladesh. In Dhaka, the foreign ministry called on India to conclude the "
                              "water-sharing deal.\n")
    assert has(found, "Bangladesh", "supports", "water sharing"), found
    assert not has(found, "India", "supports", "water sharing"), found


def test_an_untagged_indian_association_keeps_its_full_name(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Punjab Paddy Growers' Sangh slammed the export duty.\n")
    assert has(found, "Punjab Paddy Growers' Sangh", "rejects", "duty"), found


def test_the_government_in_a_capital_is_that_state_s(nlp):
    found, _ = positions(nlp, "Headline\n\nThe government in Ankara opposed the sanctions.\n")
    assert found == {("Turkey", "rejects", "sanctions")}, found

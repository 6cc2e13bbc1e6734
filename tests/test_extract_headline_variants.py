"""A headline's short name for a proposal joins the fuller name of the body when the same actor
takes the same side on both; sentences written for these tests."""

from __future__ import annotations

import pytest

from test_extract import positions


@pytest.mark.parametrize("text,actor,short", [
    # an acronym for the organisation the body names in full
    ("Jakarta rejects WTO ruling on nickel curbs\n\nIndonesia on Monday rejected a World Trade Organization "
     "panel ruling that found its nickel export curbs broke global rules.\n", "Indonesia", "WTO ruling on nickel curbs"),
    # interchangeable words ("delay" ~ "postpone")
    ("Thailand urges Laos to delay Mekong bridge\n\nThailand on Tuesday urged Laos to postpone construction of a "
     "new bridge over the Mekong until a survey is finished.\n", "Thailand", "delay Mekong bridge"),
    # a demonym for the state the headline names
    ("Norway imposes sanctions on Belarus\n\nNorway on Friday imposed sanctions on 12 Belarusian officials "
     "accused of rigging the vote.\n", "Norway", "sanctions on Belarus"),
])
def test_a_headline_name_joins_the_body_name(nlp, text, actor, short):
    found, result = positions(nlp, text)
    taken = [s for s in result.statements if s.actor.label == actor]
    assert len(taken) == 1, found
    assert short in taken[0].proposal.aliases, taken[0].proposal


def test_a_headline_name_the_actor_does_not_repeat_stays_its_own(nlp):
    found, result = positions(nlp, "Chile backs lithium royalty\n\nChile on Monday backed a copper export "
                                   "tax.\n\nPeru rejected the lithium royalty plan.\n")
    labels = {s.proposal.label for s in result.statements if s.actor.label == "Chile"}
    assert len(labels) == 2, found


def test_a_headline_name_sharing_no_word_stays_its_own(nlp):
    found, result = positions(nlp, "Kenya backs fishing quota\n\nKenya on Monday backed a carbon levy on "
                                   "airlines.\n")
    assert {p for a, _s, p in found if a == "Kenya"} == {"fishing quota", "carbon levy on airlines"}, found


def test_a_headline_name_sharing_only_a_kind_or_a_place_stays_its_own(nlp):
    found, result = positions(nlp, "Ghana backs ECOWAS trade pact\n\nGhana on Monday backed a trade ban on "
                                   "ivory. It also backed a trade agreement with Togo and Benin.\n")
    aliases = {s.proposal.label: s.proposal.aliases for s in result.statements if s.actor.label == "Ghana"}
    assert "ECOWAS trade pact" in aliases, aliases  # (neither "trade" nor ECOWAS against Togo tells which)
    found, _ = positions(nlp, "Greece backs EU migration pact\n\nGreece backed an EU ban on Russian oil "
                              "imports on Monday.\n")
    assert ("Greece", "supports", "EU migration pact") in found, found

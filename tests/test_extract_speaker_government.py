"""An official's "my government", "the government" in reported speech; sentences written for these tests."""

from __future__ import annotations

from test_extract import has, positions


def test_her_government_in_reported_speech_is_the_speaker(nlp):
    found, _ = positions(nlp, "Headline\n\nInterior Minister Petra Lund said her government would not back the fishing quota.")
    assert has(found, "Petra Lund", "rejects", "fishing quota"), found


def test_the_government_in_reported_speech_is_the_speaker(nlp):
    found, _ = positions(nlp, "Headline\n\nLabour Minister Kari Dahl said the government would not accept the pay deal.")
    assert has(found, "Kari Dahl", "rejects", "pay deal"), found


def test_the_government_reported_by_an_unnamed_group_is_nobody(nlp):
    found, _ = positions(nlp, "Headline\n\nCritics said the government should back the fishing quota.")
    assert not found, found


def test_a_freeze_is_a_proposal_an_official_can_accept(nlp):
    found, result = positions(nlp, "Headline\n\nAgriculture Minister Pia Moe accepted the hiring freeze.")
    assert has(found, "Pia Moe", "supports", "hiring freeze"), found
    assert any(s.proposal.proposal_type == "Ban" for s in result.statements), result.statements

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


def test_official_after_reported_clause_speaks_for_the_state(nlp):
    found, _ = positions(nlp, "Canada will not sign the plastics treaty, Deputy Trade Minister Carol Dunmore said on Tuesday.")
    assert has(found, "Canada", "rejects", "plastics treaty")
    assert has(found, "Carol Dunmore", "rejects", "plastics treaty")


def test_official_reporting_seat_of_government_is_credited_with_the_body(nlp):
    found, _ = positions(nlp, "EU health commissioner Anna Berg said Brussels strongly backs the vaping ban.")
    assert has(found, "European Union", "supports", "vaping ban")
    assert has(found, "Anna Berg", "supports", "vaping ban")


def test_official_of_another_state_does_not_speak_for_it(nlp):
    found, _ = positions(nlp, "French Foreign Minister Paul Arnaud said Iran would not sign the inspection protocol.")
    assert not has(found, "Paul Arnaud", "rejects", "inspection protocol")


def test_legislator_reporting_a_state_position_is_not_credited(nlp):
    found, _ = positions(nlp, "Senator Mia Lord said Canada opposes the pipeline.")
    assert not has(found, "Mia Lord", "rejects", "pipeline")

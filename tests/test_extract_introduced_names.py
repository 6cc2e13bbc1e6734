"""Organisation names the tagger does not know, learned from how the article introduces them;
sentences written for these tests."""

from __future__ import annotations

import pytest

from test_extract import has, positions


@pytest.mark.parametrize("text,actor", [
    # the kind before the name, then the bare name
    ("The utility urged the regulator Ofgas to approve higher tariffs. Ofgas said it would not approve the "
     "merger.", "Ofgas"),
    # the kind in an apposition after the name
    ("Brindlewood, a Welsh building firm, opposes the merger. Brindlewood said it would appeal.", "Brindlewood"),
    # a name with "for" in it
    ("The parents' group Mothers for Clean Air backed the merger.", "Mothers for Clean Air"),
])
def test_a_name_introduced_with_its_kind_is_an_organisation(nlp, text, actor):
    found, result = positions(nlp, "Headline\n\n" + text)
    assert any(a == actor for a, _s, p in found if "merger" in p), found
    assert all(s.actor.kind == "organisation" for s in result.statements if s.actor.label == actor)


def test_two_names_joined_by_and_stay_two(nlp):
    found, _ = positions(nlp, "Headline\n\nThe two firms Velloro and Castimar backed the merger.")
    assert not any(a == "Velloro and Castimar" for a, _s, _p in found), found


def test_a_person_s_name_is_not_made_an_organisation(nlp):
    found, result = positions(nlp, "Headline\n\nThe union's leader, John Smith, backed the merger.")
    assert all(s.actor.kind != "organisation" for s in result.statements if "Smith" in s.actor.label), found


def test_an_untagged_name_acting_as_a_subject_is_an_organisation(nlp):
    found, _ = positions(nlp, "Headline\n\nThe airline merger was cleared on Monday. Flyvika, which lobbied "
                              "against the merger for a year, said it would appeal.")
    assert has(found, "Flyvika", "rejects", "merger"), found


def test_a_surname_acting_as_a_subject_stays_the_person_s(nlp):
    found, result = positions(nlp, "Headline\n\nLeftist candidate Carmen Quispe leads the polls. Quispe welcomed "
                                   "the pension reform.")
    assert all(s.actor.kind != "organisation" for s in result.statements if "Quispe" in s.actor.label), found


@pytest.mark.parametrize("text,label", [
    ("Norway's parliament approved the salmon tax. The Storting also backed the pension bill.", "Storting"),
    ("OSLO (Reuters) - Parliament approved the salmon tax. The Norwegian parliament also backed the pension bill.",
     "Storting"),
    ("The Jogorku Kenesh approved the border treaty.", "Jogorku Kenesh"),
])
def test_a_state_s_parliament_by_its_own_name(nlp, text, label):
    found, result = positions(nlp, "Headline\n\n" + text)
    bodies = {s.actor.key for s in result.statements}
    assert len(bodies) == 1 and all(s.actor.label == label for s in result.statements), found


@pytest.mark.parametrize("text,person", [
    ("Headline\n\nPresident Ruto backed the housing levy.", "Ruto"),
    ("Headline\n\nThe union General Secretary Sharon Graham said the pay offer was an insult.", "Sharon Graham"),
])
def test_a_title_before_a_name_makes_no_organisation(nlp, text, person):
    found, result = positions(nlp, text)
    assert any(s.actor.kind == "person" and person in s.actor.label for s in result.statements), found


@pytest.mark.parametrize("sentence, actor", [
    ("Khalfan al-Mukhaini backed the tax bill.", "Khalfan al-Mukhaini"),
    ("Shura member Aisha al-Balushi backed the tax bill.", "Aisha al-Balushi"),
    ("President Abdel Fattah el-Sisi backed the tax bill.", "Abdel Fattah el-Sisi"),
])
def test_a_name_with_a_lowercase_particle_is_a_person(nlp, sentence, actor):
    found, _ = positions(nlp, "Headline\n\n" + sentence)
    assert has(found, actor, "supports", "tax bill"), found

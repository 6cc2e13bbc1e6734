"""Positions taken by echoing another actor's ("as did Germany", "So did Germany", "Germany followed
suit"); sentences written for these tests."""

from __future__ import annotations

import pytest

from test_extract import has, positions

ECHOES = [
    ("France backed the ceasefire, as did Germany.", "Germany", "supports"),
    ("France backed the ceasefire. So did Germany.", "Germany", "supports"),
    ("France backed the ceasefire. Germany did too.", "Germany", "supports"),
    ("France does not back the ceasefire. Neither does Germany.", "Germany", "rejects"),
    ("France does not back the ceasefire, and nor does Germany.", "Germany", "rejects"),
    ("France backed the ceasefire and Germany followed suit.", "Germany", "supports"),
    ("France, along with Germany, backed the ceasefire.", "Germany", "supports"),
    ("France, together with Germany, backed the ceasefire.", "Germany", "supports"),
    ("France, along with Germany and Italy, backed the ceasefire.", "Italy", "supports"),
    ("France, joined by Germany, backed the ceasefire.", "Germany", "supports"),
    ("France called for a ceasefire. Germany echoed the call.", "Germany", "supports"),
    ("France urged both sides to accept a ceasefire, a call echoed by Germany.", "Germany", "supports"),
    ("France proposed a ceasefire. Germany agreed.", "Germany", "supports"),
    ("France backed the ceasefire, and Germany said the same.", "Germany", "supports"),
    ("France backed the ceasefire. Germany said it would do the same.", "Germany", "supports"),
    ("France endorsed the ceasefire. Germany likewise gave its backing.", "Germany", "supports"),
    ("France rejected the ceasefire. Germany also voiced its opposition.", "Germany", "rejects"),
    ("Germany joined France and Italy in rejecting the ceasefire.", "Italy", "rejects"),
]


@pytest.mark.parametrize("text,actor,stance", ECHOES)
def test_an_echo_takes_the_stance_echoed(nlp, text, actor, stance):
    found, _ = positions(nlp, "Headline\n\n" + text)
    assert has(found, actor, stance, "ceasefire"), found
    assert not has(found, actor, "rejects" if stance == "supports" else "supports", "ceasefire"), found


def test_an_echo_in_its_own_sentence_needs_a_position_just_before(nlp):
    found, _ = positions(nlp, "Headline\n\nFrance backed the ceasefire.\n\nThe talks went on for hours. "
                              "So did Germany.")
    assert not has(found, "Germany", "supports", "ceasefire"), found


def test_a_pronoun_doing_it_again_is_no_new_actor(nlp):
    found, _ = positions(nlp, "Headline\n\nFrance backed the ceasefire, as it did in 2019.")
    assert found == {("France", "supports", "ceasefire")}, found


def test_an_echoed_call_is_what_was_called_for(nlp):
    found, _ = positions(nlp, "Headline\n\nFrance rejected the amnesty and called for a ceasefire, a demand "
                              "echoed by Germany.")
    assert has(found, "Germany", "supports", "ceasefire"), found
    assert not has(found, "Germany", "rejects", "amnesty"), found


@pytest.mark.parametrize("text,person", [
    ("The Eastern Councils Alliance condemned the ceasefire within hours. \"This is not peace, it is surrender,\" "
     "said the alliance's chair, Margaret Ashby.", "Margaret Ashby"),
    ("The Lisbon Civic Union backed the ceasefire. \"It should go ahead as planned,\" said Maria Esteves, head of "
     "the Lisbon Civic Union.", "Maria Esteves"),
])
def test_one_quoted_for_a_body_shares_its_side(nlp, text, person):
    found, _ = positions(nlp, "Headline\n\n" + text)
    stance = "rejects" if "condemned" in text else "supports"
    assert has(found, person, stance, "ceasefire"), found


def test_a_quote_long_after_the_body_s_side_shares_nothing(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Lisbon Civic Union backed the ceasefire.\n\nThe talks resumed on "
                              "Monday. \"We will see,\" said Maria Esteves, head of the Lisbon Civic Union.")
    assert not has(found, "Maria Esteves", "supports", "ceasefire"), found


@pytest.mark.parametrize("text,actor,stance,proposal", [
    ("Poland backs tougher sanctions on Russia; Hungary does not.", "Hungary", "rejects", "sanctions"),
    ("Saudi Arabia favours an oil output cut, but Russia opposes one.", "Russia", "rejects", "output cut"),
    ("The Labour Party supports the assisted dying bill. The Conservatives, by contrast, oppose it.",
     "Conservative", "rejects", "assisted dying bill"),
    ("Germany wants talks, not sanctions.", "Germany", "rejects", "sanctions"),
    ("Germany wants talks, not sanctions.", "Germany", "supports", "talks"),
    ("China supports dialogue rather than sanctions on North Korea.", "China", "rejects", "sanctions"),
    ("The Liberal Party supports a carbon tax instead of a cap-and-trade scheme.", "Liberal Party", "rejects", "scheme"),
])
def test_contrasts(nlp, text, actor, stance, proposal):
    found, _ = positions(nlp, "Headline\n\n" + text)
    assert has(found, actor, stance, proposal), found
    assert not has(found, actor, "rejects" if stance == "supports" else "supports", proposal), found


def test_not_rejecting_is_no_support(nlp):
    found, _ = positions(nlp, "Headline\n\nPoland rejects the sanctions. Hungary does not.")
    assert not any(a == "Hungary" for a, _s, _p in found), found


@pytest.mark.parametrize("text,actor,proposal", [
    ("France backed the sanctions. Germany did well.", "Germany", "sanctions"),  # "did well" is no echo
    ('Germany backed the sanctions. "It was a long night," said Germany\'s ambassador, Jan Berg.', "Jan Berg",
     "sanctions"),  # a quote with no verdict shares nothing
    ("Germany backs the treaty, not just the tariffs.", "Germany", "tariffs"),  # "not just" sets nothing against
    ("Senator Ana Ruiz said the tariffs would cost consumers little.", "Ana Ruiz", "tariffs"),
    ("Supporters of the Green Party protested against the ruling.", "Green Party", "ruling"),  # no members
])
def test_no_echo_or_contrast(nlp, text, actor, proposal):
    found, _ = positions(nlp, "Headline\n\n" + text)
    assert not any(a == actor and proposal in p for a, _s, p in found), found

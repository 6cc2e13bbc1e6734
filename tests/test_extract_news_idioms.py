"""Wire-news idioms for taking a side: what they must not catch (sentences written for these tests).

The idioms themselves are cases of test_extract.test_general_news_cues.
"""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize("sentence, actor, stance, proposal", [
    ("The Farmers Union filed a lawsuit against the nitrogen plan.", "Farmers Union", "rejects", "nitrogen plan"),
    ("The Greens launched a campaign for a rent freeze.", "Greens", "supports", "rent freeze"),
    ("The Dockers Union staged a protest against the port privatisation.", "Dockers Union", "rejects",
     "port privatisation"),
    ("Lake Residents Alliance started a petition for a ban on jet skis.", "Lake Residents Alliance", "supports", "ban"),
])
def test_actions_mounted_for_or_against_a_proposal(nlp, sentence, actor, stance, proposal):
    found, _ = positions(nlp, "Headline\n\n" + sentence + "\n")
    assert has(found, actor, stance, proposal), found


@pytest.mark.parametrize("sentence", [
    "Ana Ruiz launched her campaign for governor.",
    "The Farmers Union filed a lawsuit against the company.",
])
def test_a_campaign_or_lawsuit_on_no_proposal_is_no_position(nlp, sentence):
    found, _ = positions(nlp, "Headline\n\n" + sentence + "\n")
    assert not found, found


def test_refusing_to_undo_a_measure_supports_it(nlp):
    found, _ = positions(nlp, "Headline\n\nOslo refused to scrap the ban on whaling.\n\n"
                              "Panama revoked the mining licence after weeks of protests.\n")
    assert has(found, "Norway", "supports", "ban"), found
    assert has(found, "Panama", "rejects", "mining licence"), found


def test_a_cue_after_refrain_from_or_warn_against_is_no_position_of_its_own(nlp):
    found, _ = positions(nlp, "Headline\n\nGermany refrained from backing the deal.\n\n"
                              "Austria warned against signing the treaty.\n")
    assert not any(a == "Germany" for a, _s, _p in found), found
    assert found == {("Austria", "rejects", "treaty")}, found


def test_a_proposal_that_helps_in_someone_s_words_is_backed(nlp):
    found, _ = positions(nlp, "Headline\n\nFinance Minister Lena Okafor said the trade pact would help small "
                              "exporters.\n")
    assert has(found, "Lena Okafor", "supports", "trade pact"), found


def test_a_company_with_and_without_its_legal_form_is_one_actor(nlp):
    found, _ = positions(nlp, "Headline\n\nKaroo Platinum Ltd. rejected a takeover offer from Harland Resources Plc. "
                              "Karoo Platinum said the bid undervalued the company. Harland Resources said it "
                              "would not raise the offer.\n")
    assert {a for a, _s, _p in found} <= {"Karoo Platinum", "Harland Resources"}, found


def test_a_bare_bid_is_the_one_takeover_of_the_article(nlp):
    found, _ = positions(nlp, "Karoo Platinum rebuffs bid from Harland\n\nKaroo Platinum rejected a takeover offer "
                              "from Harland Resources on Monday.\n")
    assert {p for _a, _s, p in found} == {"takeover offer"}, found


def test_opposing_the_undoing_of_a_measure_supports_it(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Labour Congress opposed scrapping the fuel subsidy.\n")
    assert found == {("Labour Congress", "supports", "fuel subsidy")}, found


@pytest.mark.parametrize("sentence, actor, proposal", [
    ("President William Ruto ordered a ceasefire in the north.", "William Ruto", "ceasefire"),
    ("The Constitutional Court ordered the closure of every unlicensed quarry within 30 days.",
     "Constitutional Court", "closure of every unlicensed quarry"),
    ("The Constitutional Court ordered the government to scrap the fuel levy.", "Constitutional Court", "fuel levy"),
    ("The Constitutional Court directed the energy ministry to cut the gas connections of the quarries.",
     "Constitutional Court", "cut the gas connections"),
])
def test_what_one_orders_one_wants_done(nlp, sentence, actor, proposal):
    found, _ = positions(nlp, "Headline\n\n" + sentence)
    stance = "rejects" if "scrap" in sentence else "supports"
    assert has(found, actor, stance, proposal), found


@pytest.mark.parametrize("sentence", [
    "Judge Maria Lopez ordered the arrest of the opposition leader.",  # not a proposal
    "Judge Maria Lopez ordered residents to stay indoors.",  # no course of policy
    "Producer Maria Lopez directed the film about the strike.",
])
def test_an_order_that_is_no_policy_is_no_position(nlp, sentence):
    found, _ = positions(nlp, "Headline\n\n" + sentence)
    assert not found, found


@pytest.mark.parametrize("text, actors", [
    ("Kenya and Uganda agreed a trade pact on Monday. Tanzania signed on Tuesday.", ["Tanzania"]),
    ("Britain and the Gulf Cooperation Council signed a free trade agreement. Oman had pressed for a longer "
     "phase-in for British cars, an official said, but signed along with Qatar and Kuwait.", ["Oman", "Qatar", "Kuwait"]),
])
def test_a_bare_signed_is_the_agreement_just_reported(nlp, text, actors):
    found, _ = positions(nlp, "Headline\n\n" + text)
    for actor in actors:
        assert has(found, actor, "supports", "trade"), found
    assert not has(found, "Qatar", "supports", "British cars"), found  # only what is done along with


@pytest.mark.parametrize("text", [
    "Kenya and Uganda agreed a trade pact on Monday. Tanzania has not signed.",
    "Kenya and Uganda agreed a trade pact on Monday. Tanzania signed up for the talks.",
    "The president vetoed the budget. Senator Ana Ruiz signed on Tuesday.",  # no agreement to sign
])
def test_a_bare_signed_with_another_sense_or_nothing_to_sign_is_no_position(nlp, text):
    found, _ = positions(nlp, "Headline\n\n" + text)
    assert not any(a in ("Tanzania", "Ana Ruiz") and s == "supports" for a, s, _p in found), found


@pytest.mark.parametrize("second, stance", [
    ("The Kivu Front accepted.", "supports"),
    ("The Kivu Front accepted on Monday.", "supports"),
    ("The Kivu Front refused, saying its fighters would not disarm.", "rejects"),
    ("The Kivu Front objected.", "rejects"),
])
def test_a_bare_acceptance_or_refusal_takes_the_proposal_just_reported(nlp, second, stance):
    found, _ = positions(nlp, "Headline\n\nKenya proposed a 30-day truce. " + second)
    assert has(found, "Kivu Front", stance, "ceasefire"), found


@pytest.mark.parametrize("second", [
    "Minister Ana Pereira refused to comment.",
    "Minister Ana Pereira accepted the invitation.",
])
def test_a_refusal_or_acceptance_of_something_else_is_no_position(nlp, second):
    found, _ = positions(nlp, "Headline\n\nKenya proposed a 30-day truce. " + second)
    assert not any(a == "Ana Pereira" for a, _s, _p in found), found


def test_the_ruling_after_a_court_order_is_what_was_ordered(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Constitutional Court ordered the closure of all coal plants by 2030. "
                              "The Coal Council called the ruling a death sentence for the industry. Mayor Ana Ruiz "
                              "welcomed the ruling. Carvel Energy said it would appeal.")
    assert has(found, "Coal Council", "rejects", "closure of all coal plants"), found
    assert has(found, "Ana Ruiz", "supports", "closure of all coal plants"), found
    assert has(found, "Carvel Energy", "rejects", "closure of all coal plants"), found


def test_an_appeal_with_no_decision_before_it_is_no_position(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Greens proposed a ban on coal plants. Carvel Energy said it would appeal.")
    assert not any(a == "Carvel Energy" for a, _s, _p in found), found


@pytest.mark.parametrize("text, actor", [
    ("Germany proposed a ceasefire. Russia was invited to the talks in Geneva and accepted.", "Russia"),
    ("The government proposed a wealth tax. Economist Ana Diaz was offered the post of finance minister but refused.",
     "Ana Diaz"),
    ("Finance Minister Christian Lindner denied that the Free Democrats would quit the coalition over the budget.",
     "Free Democratic Party"),
    ("Prime Minister Liz Truss quit over the mini-budget.", "Liz Truss"),  # taking the blame, not a protest
    ("BP said it would leave Russia if the EU imposed the new sanctions.", "BP"),  # complying
    ("The EU and Japan agreed a trade deal. Cristiano Ronaldo signed with Al-Nassr.", "Cristiano Ronaldo"),
])
def test_answers_blame_and_compliance_are_no_positions(nlp, text, actor):
    found, _ = positions(nlp, "Headline\n\n" + text)
    assert not any(a == actor for a, _s, _p in found), found


def test_blocking_a_deal_only_if_something_is_in_it_rejects_that_thing(nlp):
    found, _ = positions(nlp, "Headline\n\nGermany said it would block the trade deal only if the tariffs were included.")
    assert has(found, "Germany", "rejects", "tariffs"), found
    assert not has(found, "Germany", "supports", "tariffs"), found


def test_a_vote_side_is_not_given_to_one_who_did_something_else(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Bundestag passed the bill, with the CDU against and the AfD walking out.")
    assert has(found, "Christian Democratic Union", "rejects", "bill"), found
    assert not any(a == "Alternative for Germany" for a, _s, _p in found), found


@pytest.mark.parametrize("sentence, proposals", [
    ("Senator Tom Kane voted for the bill and for the amendment.", {"bill", "amendment"}),
    ("Senator Tom Kane argued for the tax, for the ban and for the subsidy.", {"tax", "ban", "subsidy"}),
    ("Minister Ana Ruiz presented amendments to the cabinet.", {"amendments"}),
])
def test_a_list_of_for_phrases_is_a_list_of_proposals(nlp, sentence, proposals):
    found, _ = positions(nlp, "Headline\n\n" + sentence)
    assert {p for _a, _s, p in found} == proposals, found


@pytest.mark.parametrize("text, actor", [
    ("Parliament approved the new carbon tax. Separately, a court convicted former minister Lars Holm of fraud. "
     "Holm said he would appeal.", "Lars Holm"),
    ("The authority approved the new mine. A separate ruling on water rights was issued by the High Court last week. "
     "The Farmers Union welcomed the ruling.", "Farmers Union"),
])
def test_an_appeal_or_a_ruling_after_other_news_is_not_the_earlier_decision(nlp, text, actor):
    found, _ = positions(nlp, "Headline\n\n" + text)
    assert not any(a == actor and p in ("carbon tax", "mine") for a, _s, p in found), found

"""Constructions common in news that name the stance or the actor indirectly (sentences written for these tests)."""

from __future__ import annotations

import pytest

from test_extract import has, positions


def test_copula_behind_with_adverb_supports(nlp):
    found, _ = positions(nlp, "Senator Ann Price is squarely behind the tobacco tax bill, her office said.")
    assert has(found, "Ann Price", "supports", "tobacco tax bill")


def test_copula_behind_bare_untyped_thing_is_no_support(nlp):
    found, _ = positions(nlp, "Police said a local gang was behind the robbery.")
    assert not any(s == "supports" for _a, s, _p in found)


def test_copula_against_negated_is_no_rejection(nlp):
    found, _ = positions(nlp, "The Nordic Council is not against the fishing treaty.")
    assert not has(found, "Nordic Council", "rejects", "fishing treaty")


def test_relative_clause_without_pronoun(nlp):
    found, _ = positions(nlp, "Greenpeace campaigned against the pipeline levy, a measure Shell opposes strongly.")
    assert has(found, "Shell", "rejects", "levy")


def test_summarising_appositive_takes_the_course_of_action(nlp):
    found, _ = positions(nlp, "Mayor Olga Ferris has vowed to close the coal plant, a plan Councillor Ben Ortega rejects.")
    assert has(found, "Ben Ortega", "rejects", "coal plant")


def test_including_list_names_the_actors(nlp):
    found, _ = positions(nlp, "Several charities, including Oxfam and Amnesty International, urged the G20 to adopt a debt moratorium.")
    assert has(found, "Oxfam", "supports", "debt moratorium")
    assert has(found, "Amnesty International", "supports", "debt moratorium")


def test_apposition_names_the_endorsed_person(nlp):
    found, _ = positions(nlp, "The Ohio Education Association endorsed the governor's main challenger, state senator Maria Okafor, on Monday.")
    assert has(found, "Ohio Education Association", "supports", "candidacy of Maria Okafor")


def test_it_refers_to_the_one_typed_proposal_of_the_sentence_before(nlp):
    found, _ = positions(nlp, "Premier Hana Sato backs the fishing quota bill. "
                              "The Liberal Democrats voted against it.")
    assert has(found, "Liberal Democrats", "rejects", "fishing quota bill")


def test_it_stays_open_when_the_sentence_before_names_no_proposal(nlp):
    found, _ = positions(nlp, "Premier Hana Sato visited the flooded town on Monday. "
                              "The Liberal Democrats voted against it.")
    assert not any(a == "Liberal Democrats" for a, _s, _p in found)


def test_it_prefers_a_noun_of_its_own_sentence(nlp):
    found, _ = positions(nlp, "Premier Hana Sato backs the fishing quota bill. "
                              "The Greens studied the harbour report and voted against it.")
    assert not has(found, "Greens", "rejects", "fishing quota bill")


def test_free_relative_with_naming_verb_is_the_object(nlp):
    found, _ = positions(nlp, "Mexico has long opposed what it calls punitive import quotas.")
    assert has(found, "Mexico", "rejects", "import quotas")


def test_free_relative_described_as_is_the_object(nlp):
    found, _ = positions(nlp, "The Teamsters rejected what they described as a land grab tax.")
    assert has(found, "Teamsters", "rejects", "land grab tax")


@pytest.mark.parametrize("sentence, actor, stance, proposal", [
    ("The Fathom Alliance called for a moratorium on deep-sea mining.", "Fathom Alliance", "supports", "moratorium"),
    ("The Lakeshore Digital Forum came out against the levy.", "Lakeshore Digital Forum", "rejects", "levy"),
    ("Leafy Streets Collective opposed the rezoning plan.", "Leafy Streets Collective", "rejects", "rezoning plan"),
])
def test_an_untagged_name_ending_in_an_organisation_word_is_an_organisation(nlp, sentence, actor, stance, proposal):
    found, _ = positions(nlp, "Headline\n\n" + sentence + "\n")
    assert has(found, actor, stance, proposal), found


def test_a_two_word_state_body_is_no_organisation_of_its_own(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Finance Ministry backed the levy.\n")
    assert not any(a == "Finance Ministry" for a, _s, _p in found), found


@pytest.mark.parametrize("sentence, actor, stance, proposal", [
    ("The Greens said the government should scrap the fuel tax.", "Greens", "rejects", "fuel tax"),
    ("The Farmers Union said the ban must be lifted.", "Farmers Union", "rejects", "ban"),
    ("Labour said Germany should back the treaty.", "Labour Party", "supports", "treaty"),
    ("Labour said ministers should introduce a windfall tax on energy companies.", "Labour Party", "supports",
     "windfall tax"),
    ("\"The government must scrap this tax now,\" said Green leader Ada Holm.", "Ada Holm", "rejects", "tax"),
])
def test_what_a_speaker_says_must_be_done(nlp, sentence, actor, stance, proposal):
    found, _ = positions(nlp, "Headline\n\n" + sentence + "\n")
    assert has(found, actor, stance, proposal), found


def test_what_someone_should_do_is_not_their_position(nlp):
    found, _ = positions(nlp, "Headline\n\nLabour said Germany should back the treaty.\n\n"
                              "Germany should back the treaty.\n")
    assert not any(a == "Germany" for a, _s, _p in found), found


def test_should_in_a_condition_is_no_wish(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Farmers Union said it would strike if the ban should be lifted.\n")
    assert not any(a == "Farmers Union" and s == "rejects" for a, s, _p in found), found


def test_the_us_is_a_country_not_the_pronoun(nlp):
    found, _ = positions(nlp, "Headline\n\nThe US backed the truce.\n\n\"Give us the truce,\" he said.\n")
    assert found == {("United States", "supports", "ceasefire")}, found


@pytest.mark.parametrize("sentence, actor, proposal", [
    ("The US-brokered truce was signed in Doha.", "United States", "ceasefire"),
    ("A Saudi-proposed ceasefire collapsed on Monday.", "Saudi Arabia", "ceasefire"),
    ("The EU-funded dam collapsed.", "European Union", "dam"),
    ("The UN-led talks resumed in Geneva.", "United Nations", "talks"),
])
def test_the_one_before_the_hyphen_stands_behind_the_proposal(nlp, sentence, actor, proposal):
    found, _ = positions(nlp, "Headline\n\n" + sentence + "\n")
    assert (actor, "supports", proposal) in found, found


def test_a_hyphenated_backer_of_no_proposal_is_no_position(nlp):
    found, _ = positions(nlp, "Headline\n\nIran-backed militias attacked the base.\n")
    assert not found, found


def test_a_cue_verb_tagged_as_an_adverb_is_still_a_verb(nlp):
    found, _ = positions(nlp, "Headline\n\n\"We back the truce,\" said envoy Tom Hale.\n")
    assert has(found, "Tom Hale", "supports", "ceasefire"), found


def test_calls_the_tagger_took_for_a_verb_are_still_calls(nlp):
    found, _ = positions(nlp, "Headline\n\nGreenpeace echoed calls for a ceasefire.\n")
    assert has(found, "Greenpeace", "supports", "ceasefire"), found


@pytest.mark.parametrize("sentence", [
    "Western diplomats said they backed the ceasefire.",
    "European governments backed the sanctions.",
])
def test_a_region_s_unnamed_actors_are_no_actor(nlp, sentence):
    found, _ = positions(nlp, "Headline\n\n" + sentence + "\n")
    assert not found, found


def test_leaders_of_a_body_act_for_it(nlp):
    found, _ = positions(nlp, "Headline\n\nLeaders of the European Union backed the trade deal with Mercosur.\n")
    assert has(found, "European Union", "supports", "trade deal"), found


@pytest.mark.parametrize("sentence, actor", [
    ("The Labour Congress backed the deal.", "Labour Congress"),
    ("The US Congress backed the deal.", "US Congress"),
])
def test_a_name_longer_than_its_tagged_last_word_is_its_own(nlp, sentence, actor):
    found, _ = positions(nlp, "Headline\n\n" + sentence + "\n")
    assert {a for a, _s, _p in found} == {actor}, found


@pytest.mark.parametrize("text,stance,proposal", [
    ("The campaign group Clean Seas Now said shareholders, not customers, should bear the losses.", "supports",
     "bear the losses"),
    ("The campaign group Clean Seas Now said the state must compensate the fishing families.", "supports",
     "compensate the fishing families"),
    ("The campaign group Clean Seas Now said Britain should not bear the cost of the clean-up.", "rejects",
     "bear the cost of the clean up"),
])
def test_a_course_someone_says_should_be_taken(nlp, text, stance, proposal):
    found, _ = positions(nlp, "Headline\n\n" + text)
    assert ("Clean Seas Now", stance, proposal) in found, found


def test_a_hedge_between_a_verb_and_its_object(nlp):
    found, _ = positions(nlp, "Headline\n\nGhana urged Nigeria to allow at least government-to-government "
                              "sales of rice.")
    assert has(found, "Ghana", "supports", "allow government to government sales"), found


@pytest.mark.parametrize("text", [
    "The IMF said the economy should return to growth next year.",  # a forecast, not a wish
    "Oxfam said the bank bailout was far too generous to shareholders.",  # no praise
    "Greenpeace said support for the carbon tax was weak.",  # a verdict on the support, not the tax
])
def test_no_side_from_forecasts_or_verdicts_on_something_else(nlp, text):
    found, _ = positions(nlp, "Headline\n\n" + text)
    assert not any(s == "supports" for _a, s, _p in found) and not has(found, "Greenpeace", "rejects", "tax"), found


@pytest.mark.parametrize("sentence, label", [
    ("Oman had pressed for a longer phase-in for British cars.", "longer phase in for British cars"),
    ("Senator Ana Ruiz voted for the bill for the second time.", "bill"),
    ("The Teachers Union called for a ceasefire for the sake of the children.", "ceasefire"),
])
def test_a_second_for_completes_the_first_unless_it_says_when_or_why(nlp, sentence, label):
    found, _ = positions(nlp, "Headline\n\n" + sentence)
    assert [p for _a, _s, p in found] == [label], found


@pytest.mark.parametrize("sentence, expected, absent", [
    ("The Citizens Party said it could vote for the trade agreement only if the arbitration chapter was removed.",
     ("Citizens Party", "rejects", "arbitration chapter"), None),
    ("The Farmers Party said it would back the budget only if the fuel subsidy was restored.",
     ("Farmers Party", "supports", "fuel subsidy"), None),
    ("The Democratic Party said it would take part in the peace talks only if civilians were included.",
     None, ("Democratic Party", "supports", "civilians")),  # who is to be included names no demand
])
def test_what_one_backs_something_only_if_is_a_demand(nlp, sentence, expected, absent):
    found, _ = positions(nlp, "Headline\n\n" + sentence)
    if expected:
        assert has(found, *expected), found
    if absent:
        assert not has(found, *absent), found


@pytest.mark.parametrize("sentence", [
    "Greece objected to the proposal to ban ship-to-ship transfers.",
    "Greece objected to calls for a ban on ship-to-ship transfers.",
])
def test_objecting_to_a_call_is_not_making_it(nlp, sentence):
    found, _ = positions(nlp, "Headline\n\n" + sentence)
    assert has(found, "Greece", "rejects", "ship to ship transfers"), found
    assert not has(found, "Greece", "supports", "ship to ship transfers"), found


def test_a_shorter_name_of_an_earlier_proposal_is_that_proposal(nlp):
    found, _ = positions(nlp, "Headline\n\nEgypt approved a 75% increase in the price of subsidised bread. The Social "
                              "Democratic Party voted against the bread increase in a separate vote.")
    assert has(found, "Social Democratic Party", "rejects", "75% increase in the price of subsidised bread"), found


def test_where_a_change_is_defended_is_no_part_of_it(nlp):
    found, _ = positions(nlp, "Headline\n\nEconomy Minister Federico Aldao defended the soy tax increase in a radio interview.")
    assert ("Federico Aldao", "supports", "soy tax increase") in found, found

"""Stance given by an attitude ("sceptical of") or by what a proposal would bring about ("would cost
jobs"); sentences written for these tests."""

from __future__ import annotations

import pytest

from test_extract import has, positions

CASES = [
    ("Germany is sceptical of the joint debt plan.", "Germany", "rejects", "joint debt plan"),
    ("The Dutch government remains wary of the joint debt plan.", "Netherlands", "rejects", "joint debt plan"),
    ("Poland is keen on the defence fund.", "Poland", "supports", "defence fund"),
    ("Spain is enthusiastic about the rail link.", "Spain", "supports", "rail link"),
    ("Italy is hostile to the migration pact.", "Italy", "rejects", "migration pact"),
    ("Germany is not keen on the defence fund.", "Germany", "rejects", "defence fund"),
    ("Berlin is cool towards the proposal for a fiscal union.", "Germany", "rejects", "fiscal union"),
    ("Senator Ana Ruiz said the tax would cost thousands of jobs.", "Ana Ruiz", "rejects", "tax"),
    ("Senator Ana Ruiz warned the tax would drive investors away.", "Ana Ruiz", "rejects", "tax"),
    ("Senator Ana Ruiz said the trade deal would create 5,000 jobs.", "Ana Ruiz", "supports", "trade deal"),
    ("Senator Ana Ruiz said the ceasefire would bring stability to the region.", "Ana Ruiz", "supports", "ceasefire"),
    ("Senator Ana Ruiz said the tax cut would ease the burden on families.", "Ana Ruiz", "supports", "tax cut"),
    ("Senator Ana Ruiz said the ban would raise prices for consumers.", "Ana Ruiz", "rejects", "ban"),
    ("Senator Ana Ruiz said the subsidy would lower energy bills.", "Ana Ruiz", "supports", "subsidy"),
    ("Senator Ana Ruiz said the tax would force farmers to sell their land.", "Ana Ruiz", "rejects", "tax"),
    ("Senator Ana Ruiz warned that the pay freeze would trigger a wider walkout.", "Ana Ruiz", "rejects", "pay freeze"),
    ("Senator Ana Ruiz said the ban would spark unrest.", "Ana Ruiz", "rejects", "ban"),
    ("Senator Ana Ruiz called the wealth tax \"a tax on jobs\".", "Ana Ruiz", "rejects", "wealth tax"),
    ("\"The levy is a tax on hard work,\" Senator Ana Ruiz said.", "Ana Ruiz", "rejects", "levy"),
    ("Senator Ana Ruiz said the carbon levy was a tax on polluters.", "Ana Ruiz", "supports", "carbon levy"),
    ("Senator Ana Ruiz called the export levy \"a tax on the only sector that still works\".", "Ana Ruiz", "rejects",
     "export levy"),
    ("Senator Ana Ruiz said the export tax would push small growers off their land.", "Ana Ruiz", "rejects", "export tax"),
    ("Senator Ana Ruiz said a ceasefire would let herders return to their wells.", "Ana Ruiz", "supports", "ceasefire"),
    ("Senator Ana Ruiz said the mining bill would allow companies to dump waste in rivers.", "Ana Ruiz", "rejects",
     "mining bill"),
    ("The Tanker Operators Association called the transfer ban \"a gift to Fujairah and Port Said\".",
     "Tanker Operators Association", "rejects", "transfer ban"),
    ("Senator Ana Ruiz said the 48-hour deadline for the takedown rule was technically impossible.",
     "Ana Ruiz", "rejects", "takedown rule"),
    ("Senator Ana Ruiz said the fuel tax rise was costly and unworkable.", "Ana Ruiz", "rejects", "fuel tax"),
]


@pytest.mark.parametrize("text,actor,stance,proposal", CASES)
def test_attitudes_and_consequences(nlp, text, actor, stance, proposal):
    found, _ = positions(nlp, "Headline\n\n" + text)
    assert has(found, actor, stance, proposal), found
    assert not has(found, actor, "rejects" if stance == "supports" else "supports", proposal), found


@pytest.mark.parametrize("text", [
    "Senator Ana Ruiz said the merger would create the largest bank in the region.",  # what, not how good
    "The ban raised prices for consumers last year.",  # no one's words
    "Analysts were sceptical of the ceasefire.",  # no one named
    "Senator Ana Ruiz said the tariff was a tax on imported steel.",  # what it is, not how good
    "Senator Ana Ruiz said a trade deal was impossible without China.",  # a condition, not a verdict
    "Senator Ana Ruiz said job losses were unavoidable.",  # no proposal
    "Senator Ana Ruiz said the 2030 emissions target was ambitious but not impossible.",
    "Senator Ana Ruiz said a deal on the budget was impossible unless the Greens gave ground.",
    "Senator Ana Ruiz said the ceasefire would let Hamas return to northern Gaza.",  # good for whom?
    "Senator Ana Ruiz said the pension reform would force companies to hire older workers.",
    "Senator Ana Ruiz said the trade deal would push millions out of poverty.",
    "Senator Ana Ruiz said the ceasefire would let both sides talk.",  # neither a good nor a harm
    "Senator Ana Ruiz said the ban would not let farmers compete.",
])
def test_no_consequence_stance(nlp, text):
    found, _ = positions(nlp, "Headline\n\n" + text)
    assert not found, found


JUDGED = [
    ("China criticised the United States for imposing tariffs on steel.", "China", "rejects", "tariffs"),
    ("Iran condemned the board for passing the resolution.", "Iran", "rejects", "resolution"),
    ("Greenpeace criticised the government for scrapping the fuel subsidy.", "Greenpeace", "supports", "fuel subsidy"),
    ("The EU praised Turkey for signing the grain deal.", "European Union", "supports", "grain deal"),
    ("Labour thanked Turkey for brokering the ceasefire.", "Labour", "supports", "ceasefire"),
]


@pytest.mark.parametrize("text,actor,stance,proposal", JUDGED)
def test_praise_or_blame_for_an_act_is_a_stance_on_it(nlp, text, actor, stance, proposal):
    found, _ = positions(nlp, "Headline\n\n" + text)
    assert has(found, actor, stance, proposal), found
    assert not has(found, actor, "rejects" if stance == "supports" else "supports", proposal), found


def test_an_accusation_is_no_stance(nlp):
    found, _ = positions(nlp, "Headline\n\nKenya accused Uganda of blocking the trade deal.")
    assert not found, found

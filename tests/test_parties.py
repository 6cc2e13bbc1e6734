"""Political parties in the gazetteer: resolved by name, acronym or native name, by country when
a name is shared, and when the parser splits the name. Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg import gazetteer
from kg.extract.pipeline import extract_article
from kg.model import Article


def actors(nlp, sentence: str) -> dict[str, str]:
    """Actor key -> stance of every statement extracted from SENTENCE."""
    article = Article(doc_id="t", text="Headline\n\n" + sentence, headline="Headline")
    return {s.actor.key: s.stance for s in extract_article(article, nlp, min_confidence=0.0).statements}


def state_of(key: str) -> str | None:
    entry = gazetteer.get_entry(key)
    while entry is not None and entry.kind != "state":
        entry = gazetteer.get_entry(entry.affiliation) if entry.affiliation else None
    return entry.key if entry is not None else None


@pytest.mark.parametrize("sentence, key, state, stance", [
    ("The PSOE backed the amnesty law on Thursday.", "psoe", "spain", "supports"),
    ("Vox rejected the amnesty law.", "vox", "spain", "rejects"),
    ("Chega voted against the budget.", "chega", "portugal", "rejects"),
    ("The PVV opposes the asylum pact.", "party-for-freedom", "netherlands", "rejects"),
    ("The ÖVP rejected the tax plan.", "austrian-peoples-party", "austria", "rejects"),
    ("Sinn Féin backed the referendum.", "sinn-fein", "ireland", "supports"),
    ("Syriza opposed the bailout.", "syriza", "greece", "rejects"),
    ("Komeito rejected the defence budget.", "komeito", "japan", "rejects"),
    ("The Kuomintang backed the budget.", "kuomintang", "taiwan", "supports"),
    ("Pheu Thai rejected the amendment.", "pheu-thai-party", "thailand", "rejects"),
    ("The PTI rejected the constitutional amendment.", "pakistan-tehreek-e-insaf", "pakistan", "rejects"),
    ("Morena approved the judicial reform.", "morena", "mexico", "supports"),
    ("The APC welcomed the tax bill.", "all-progressives-congress", "nigeria", "supports"),
    ("ZANU-PF endorsed the amendment.", "zanu-pf", "zimbabwe", "supports"),
    ("Fratelli d'Italia backed the reform.", "brothers-of-italy", "italy", "supports"),
])
def test_a_party_resolves_to_its_entry_and_state(nlp, sentence, key, state, stance):
    found = actors(nlp, sentence)
    assert found.get(key) == stance, found
    assert state_of(key) == state


@pytest.mark.parametrize("sentence, key", [
    ("The Labour Party boycotted the referendum.", "uk-labour-party"),
    ("Labour opposes the referendum.", "uk-labour-party"),
    ("The Democratic Party opposes the referendum.", "democratic-party"),
    ("The FDP rejected the budget.", "fdp"),
])
def test_a_shared_name_keeps_its_default(nlp, sentence, key):
    assert key in actors(nlp, sentence)


@pytest.mark.parametrize("sentence, key", [
    ("Norway's Labour Party opposes the referendum.", "norwegian-labour-party"),
    ("The Norwegian Labour Party opposes the referendum.", "norwegian-labour-party"),
    ("Italy's Democratic Party opposes the referendum.", "italian-democratic-party"),
    ("Switzerland's FDP rejected the budget.", "fdp-the-liberals"),
    ("Canada's Conservative Party rejected the budget.", "conservative-party-of-canada"),
    # names with no default entry: the state's own party of that name
    ("Sweden's Social Democrats oppose the budget.", "swedish-social-democratic-party"),
    ("Finland's Centre Party rejected the budget.", "finnish-centre-party"),
    ("Chile's Socialist Party backed the budget.", "socialist-party-of-chile"),
])
def test_a_country_qualified_shared_name_is_that_countrys_party(nlp, sentence, key):
    found = actors(nlp, sentence)
    assert key in found, found


def test_an_unqualified_name_with_no_default_stays_unresolved_to_any_country(nlp):
    found = actors(nlp, "The Centre Party rejected the budget.")
    assert found and all(state_of(key) is None for key in found), found


@pytest.mark.parametrize("sentence, key, stance", [
    ("Brothers of Italy opposes the referendum.", "brothers-of-italy", "rejects"),  # "Brothers" a plain noun
    ("The referendum was rejected by Brothers of Italy.", "brothers-of-italy", "rejects"),
    ("The League opposes the referendum.", "lega", "rejects"),
    ("Forza Italia backed the bill.", "forza-italia", "supports"),
])
def test_a_name_the_parser_splits_or_misses_resolves(nlp, sentence, key, stance):
    found = actors(nlp, sentence)
    assert found.get(key) == stance, found


def test_a_common_noun_with_an_of_phrase_is_no_organisation(nlp):
    found = actors(nlp, "Residents of Italy oppose the referendum.")
    assert not any(key.startswith("residents") for key in found), found
    assert "italy" not in found, found


def test_shared_forms_list_every_party_with_the_default_first():
    assert [e.key for e in gazetteer.lookup_candidates("Labour Party")][:1] == ["uk-labour-party"]
    assert {"norwegian-labour-party", "irish-labour-party", "new-zealand-labour-party"} <= \
           {e.key for e in gazetteer.lookup_candidates("Labour")}
    assert [e.key for e in gazetteer.lookup_candidates("Democratic Party")] == \
           ["democratic-party", "italian-democratic-party", "democratic-party-of-korea"]
    assert gazetteer.lookup_name("Social Democrats") is None  # no default: several countries' parties


def test_every_party_belongs_to_a_state():
    for entry in gazetteer.default_gazetteer().entries.values():
        if entry.kind == "organisation" and "party" in entry.nominals:
            assert state_of(entry.key) is not None, entry.key

"""Verdicts passed on a proposal in someone's words; sentences written for these tests."""

from __future__ import annotations

from test_extract import has, positions


def test_this_judged_in_a_quote_is_the_proposal_named_just_before(nlp):
    found, _ = positions(nlp, "Headline\n\nFrance's government approved a decree raising the pension age. "
                              "\"This is a betrayal,\" said union leader Marie Colin.\n")
    assert has(found, "Marie Colin", "rejects", "decree"), found


def test_this_judged_with_no_proposal_before_it_is_no_position(nlp):
    found, _ = positions(nlp, "Headline\n\nFloods hit the north of France on Monday. "
                              "\"This is a disaster,\" said union leader Marie Colin.\n")
    assert not found, found


def test_an_extraposed_it_is_not_the_proposal_before(nlp):
    found, _ = positions(nlp, "Headline\n\nFrance's government approved a decree raising the pension age. "
                              "\"It is a mistake to wait another year,\" said Marie Colin.\n")
    assert not any(a == "Marie Colin" for a, _s, _p in found), found


def test_what_this_is_called_is_not_what_it_stands_for(nlp):
    found, _ = positions(nlp, "Headline\n\nThe White House backs a nuclear cooperation agreement with Oman. "
                              "\"This is a good deal for American workers,\" Energy Secretary Tom Vance said.\n")
    assert has(found, "Tom Vance", "supports", "nuclear cooperation agreement"), found
    assert not any("workers" in p for _a, _s, p in found), found


def test_multi_word_verdicts(nlp):
    found, _ = positions(nlp, "Headline\n\nSpain's parliament approved an amnesty law. "
                              "Opposition leader Rosa Vidal called the amnesty \"a slap in the face\" for victims.\n\n"
                              "Manila and Hanoi began talks on a fishing code. "
                              "Senator Lea Cruz said the talks were a waste of time.\n")
    assert has(found, "Rosa Vidal", "rejects", "amnesty"), found
    assert has(found, "Lea Cruz", "rejects", "talks"), found


def test_praise_in_several_words(nlp):
    found, _ = positions(nlp, "Headline\n\nManila and Hanoi began talks on a fishing code. "
                              "Senator Lea Cruz called the talks a step in the right direction.\n")
    assert has(found, "Lea Cruz", "supports", "talks"), found


def test_a_verdict_inside_an_act_of(nlp):
    found, _ = positions(nlp, "Headline\n\nSpain's parliament approved an amnesty law. "
                              "Opposition leader Rosa Vidal called the amnesty \"an act of betrayal\".\n")
    assert has(found, "Rosa Vidal", "rejects", "amnesty"), found


def test_a_step_alone_is_no_verdict(nlp):
    found, _ = positions(nlp, "Headline\n\nManila and Hanoi began talks on a fishing code. "
                              "Senator Lea Cruz called the talks a first step.\n")
    assert not any(a == "Lea Cruz" for a, _s, _p in found), found


def test_a_quote_continued_in_the_next_sentence_is_the_same_speaker_s(nlp):
    found, _ = positions(nlp, "Headline\n\nSpain's parliament approved an amnesty law. \"Nobody is above the law,\" "
                              "opposition leader Rosa Vidal told reporters. \"This amnesty is a betrayal.\"\n")
    assert has(found, "Rosa Vidal", "rejects", "amnesty"), found


def test_the_rest_of_an_open_quote_is_the_same_speaker_s(nlp):
    found, _ = positions(nlp, "Headline\n\nThe cabinet backs the pension reform. \"This is the right thing to do,\" "
                              "Labour Minister Tomas Kral said. \"We cannot wait. The reform is essential.\"\n")
    assert has(found, "Tomas Kral", "supports", "pension reform"), found


def test_a_quote_in_a_new_paragraph_has_no_speaker_carried_over(nlp):
    found, _ = positions(nlp, "Headline\n\nSpain's parliament approved an amnesty law. \"Nobody is above the law,\" "
                              "opposition leader Rosa Vidal told reporters.\n\n\"This amnesty is a betrayal.\"\n")
    assert not any(a == "Rosa Vidal" for a, _s, _p in found), found

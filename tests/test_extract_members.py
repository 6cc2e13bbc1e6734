"""A union's members acting as a body, and a named union with a lowercase head; sentences written for these tests."""

from __future__ import annotations

from test_extract import has, positions


def test_members_of_a_union_are_the_union(nlp):
    found, _ = positions(nlp, "Headline\n\nMembers of the Unite union voted to accept the pay deal.")
    assert has(found, "Unite", "supports", "pay deal"), found


def test_the_named_union_with_a_lowercase_head(nlp):
    found, _ = positions(nlp, "Headline\n\nThe Unite union voted to accept the pay deal.")
    assert has(found, "Unite", "supports", "pay deal"), found


def test_some_members_are_not_the_union(nlp):
    found, _ = positions(nlp, "Headline\n\nSome members of the Unite union voted to reject the pay deal.")
    assert not found, found


def test_a_demonym_union_is_no_named_union(nlp):
    found, _ = positions(nlp, "Headline\n\nThe German union voted to accept the pay deal.")
    assert not has(found, "German", "supports", "pay deal"), found

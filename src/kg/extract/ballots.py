"""Sides of a vote named with its result: "the bill passed with the votes of X and Y",
"voted 31-20 for the bill, with X in favour and Y against", "passed thanks to the votes of X"."""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Token

from kg.extract.actor_tokens import resolve_actor_token
from kg.extract.conditions import CONDITION_CUE
from kg.extract.context import ACTOR_ENTS, SentenceContext, _prep_targets
from kg.extract.targets import object_target

# the callback positions_in_sentence gives: it records a position found
Emit = Callable[..., None]


def passed_with_votes_positions(token: Token, ctx: SentenceContext, emit: Emit) -> None:
    """"the bill passed with the votes of X and Y" or "thanks to the votes of X": X and Y voted for it;
    "with the Greens voting in favour" (or against): the Greens' vote."""
    voters: list[tuple[Token, str]] = []
    for backing in [t for _p, t in _prep_targets(token, ("with",))] + _thanks_to(token):
        if backing.lower_ in ("vote", "votes", "support", "backing"):
            voters += [(t, "supports") for _q, t in _prep_targets(backing, ("of", "from"))]
        elif backing.lower_ == "voting":
            # "with the Greens voting in favour", the participle read as a noun
            voters += [(c, _vote_side(backing)) for c in backing.children
                       if c.dep_ == "compound" and c.ent_type_ in ACTOR_ENTS]
        else:
            voting = next((c for c in backing.children if c.dep_ == "acl" and c.lemma_.lower() == "vote"), None)
            if voting is not None and (backing.ent_type_ in ACTOR_ENTS or backing.pos_ == "PROPN"):
                voters.append((backing, _vote_side(voting)))  # "with the Greens voting against"
    voters += _with_sides(token)  # "with X and most of Y in favour", "with X in favour and Y against"
    passed = next((c for c in token.children if c.dep_ in ("nsubjpass", "dobj") and c.lower_ != "thanks"
                   and c.pos_ != "NUM" and not c.ent_type_ == "CARDINAL"), None)  # (not "passed 41 to 20")
    if passed is None and token.dep_ == "conj":
        passed = next((c for c in token.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    if passed is None and token.lemma_.lower() == "pass":
        passed = next((c for c in token.children if c.dep_ == "nsubj"), None)  # "the bill passed with ..."
    if passed is None and token.dep_ == "acl" and token.lemma_.lower() == "pass":
        passed = token.head  # "The bill passed with ...", read as a noun and its modifier
    if token.lemma_.lower() == "vote":  # "voted 31-20 for the bill, with X in favour": the bill
        passed = next((t for _p, t in _prep_targets(token, ("for", "on", "against", "of"))), None)
    if voters and passed is not None:
        target = object_target(passed, CONDITION_CUE, ctx)
        for voter, side in voters:
            actor = resolve_actor_token(voter, ctx)[0] if side else None
            if actor is not None:  # each voter alone: the list is already spelt out, with each one's side
                emit(voter, side, target, "vote", 0.8, 1.0, actors=[actor])


def _with_sides(verb: Token) -> list[tuple[Token, str]]:
    """The voters and their sides in "..., with X and most of Y in favour and Z against" under VERB,
    however the parser hangs the sides: on a member, on the verb right after the group, or as a
    small clause ("with X against")."""
    voters: list[tuple[Token, str]] = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
        trailing = next((s for c in verb.children if c.dep_ == "prep" and c.i == prep.right_edge.i + 1
                         for s in [_side_word(c)] if s), None)
        for group in (c for c in prep.children if c.dep_ == "pobj"):
            voters += _sides_stated(group, trailing)
        for clause in (c for c in prep.children if c.dep_ == "pcomp"):
            side = _side_word(clause)
            for subject in (c for c in clause.children if c.dep_ == "nsubj"):
                voters += _sides_stated(subject, side)
                # "with X in favour and Y against": Y hangs on "favour"
                voters += [(t, side) for c in subject.children if c.dep_ == "prep" and _side_word(c)
                           for g in c.children for t in g.conjuncts if side and t.ent_type_ in ACTOR_ENTS]
    return voters


def _sides_stated(group: Token, default: str | None) -> list[tuple[Token, str]]:
    """The voters of "X and most of Y in favour" (or "against"): a member's side is the next one
    said from it on, else DEFAULT; "most of Y" or "all of Y" is Y's vote."""
    members = sorted([group, *group.conjuncts], key=lambda m: m.i)
    own = [next((s for c in m.children if c.dep_ == "prep" for s in [_side_word(c)] if s), None) for m in members]
    voters = []
    for n, member in enumerate(members):
        if own[n] is None and any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" for c in member.children):
            continue  # "with the CDU against and the AfD walking out": the AfD did something else
        # "X and Y against": X's side is said after Y; "X in favour and most of Y": or hung on X
        side = next((s for s in own[n:] if s), None) or next((s for s in reversed(own[:n]) if s), default)
        if side is None:
            break
        if member.pos_ in ("ADJ", "DET", "NUM", "PRON") or member.lower_ in ("most", "all", "some", "half"):
            voters += [(t, side) for _p, t in _prep_targets(member, ("of",))]
        elif member.ent_type_ in ACTOR_ENTS or member.pos_ == "PROPN":
            voters.append((member, side))
    return voters


def _side_word(prep: Token) -> str | None:
    """"against": rejects; "in favour" or "for" standing alone: supports."""
    if prep.lower_ == "against" and not any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
        return "rejects"  # (not "against holding the vote so soon")
    if prep.lower_ == "in" and any(g.lemma_.lower() in ("favour", "favor") and not any(c.dep_ == "prep" for c in g.children)
                                   for g in prep.children):
        return "supports"
    return None


def _thanks_to(token: Token) -> list[Token]:
    """The objects of "thanks to" under TOKEN ("passed thanks to the votes of X")."""
    thanks = [c for c in token.children if c.lower_ == "thanks"]
    found = [t for c in thanks for _p, t in _prep_targets(c, ("to",))]
    # (or "to" hung on the verb right after "thanks")
    return found + [t for p, t in _prep_targets(token, ("to",)) if any(c.i + 1 == t.head.i for c in thanks)]


def _vote_side(vote: Token) -> str | None:
    """"in favour" or "for": supports; "against": rejects; otherwise no side."""
    for prep in (c for c in vote.children if c.dep_ == "prep"):
        if prep.lower_ == "against":
            return "rejects"
        if prep.lower_ == "for" or (prep.lower_ == "in" and any(g.lemma_.lower() in ("favour", "favor") for g in prep.children)):
            return "supports"
    return None

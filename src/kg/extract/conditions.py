"""Positions stated as conditions and threats: "would block the deal unless it included X",
"could vote for it only if the chapter was removed", "would strike if parliament approved X",
"threatened to quit the coalition over X"."""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Token

from kg.extract.context import SentenceContext
from kg.extract.lexicon import Cue, Lexicon
from kg.extract.polarity import _refusing_verb
from kg.extract.subjects import find_subject
from kg.extract.targets import object_target

# what a condition names, typed or not ("unless it included a ban", "only if the chapter was removed")
CONDITION_CUE = Cue(lemma="unless", pos="verb", stance="supports", weight=0.7, object=True, object_types_only=False)
# a protest threatened if a proposal goes ahead: only a typed proposal (not "if wages fall")
_THREAT_CUE = Cue(lemma="threat", pos="verb", stance="rejects", weight=0.7, object=True, object_types_only=True)

# the callback positions_in_sentence gives: it records a position found
Emit = Callable[..., None]


def unless_condition_positions(token: Token, ctx: SentenceContext, emit: Emit) -> None:
    """"X would block the deal unless it included Y": X wants Y."""
    lex = ctx.lexicon
    wanted = _condition_demanded(token, lex)
    refusal = _refusing_verb(token.head, ctx)
    if wanted is not None and refusal is not None:
        target = object_target(wanted[0], CONDITION_CUE, ctx)
        if target is not None and wanted[1]:
            target.flip = not target.flip
        emit(find_subject(refusal, lex), "supports", target, "unless", CONDITION_CUE.weight, 1.0)


def only_if_condition_positions(token: Token, ctx: SentenceContext, emit: Emit) -> None:
    """"X would back the deal only if the chapter was removed" (X rejects the chapter), "... only if
    civilians were included" (X wants them included): the condition is X's demand, whatever the
    main clause (not "X would only strike if ...": a threat, read elsewhere)."""
    lex = ctx.lexicon
    wanted = _condition_demanded(token, lex)
    main = token.head
    if wanted is None or main.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in token.children) \
            or main.lemma_.lower() in lex.word_sets["protest_actions"]:
        return
    if wanted[0].lemma_.lower() in lex.people or wanted[0].lower_ in lex.people:
        return  # "only if civilians were included": who, not what (no name for the demand)
    target = object_target(wanted[0], CONDITION_CUE, ctx)
    if target is not None and wanted[1]:
        target.flip = not target.flip
    if target is not None and _refusing_verb(main, ctx) is not None:
        target.flip = not target.flip  # "would block the deal only if the tariffs were included": against them
    # (the main clause's "could" or "would" is the point of the condition, not a doubt on the demand)
    emit(find_subject(main, lex), "supports", target, "only if", CONDITION_CUE.weight, 0.9)


def _condition_demanded(clause: Token, lex: Lexicon) -> tuple[Token, bool] | None:
    """(what, reversed) a condition demands: "unless it included a ban" (the ban), "unless
    safeguards were added" (the safeguards), "unless the tax was scrapped" (the tax, reversed)."""
    lemma = clause.lemma_.lower()
    objects = [c for c in clause.children if c.dep_ == "dobj"]
    passive = [c for c in clause.children if c.dep_ == "nsubjpass"]
    if objects and lemma in lex.word_sets["conditions"]:
        return objects[0], False
    if passive and lemma in lex.word_sets["conditions"] | lex.enacting_verbs:
        return passive[0], False
    if passive and lemma in lex.reversal_verbs:
        return passive[0], True
    return None


def threat_positions(action: Token, ctx: SentenceContext, emit: Emit) -> None:
    """A protest threatened against a proposal: "would strike if parliament approved the reform",
    "will walk out if the bill goes ahead", "threatened to quit the coalition over the treaty"
    (against it); "would strike if the pilots were cancelled" (for them)."""
    lex = ctx.lexicon
    lemma = action.lemma_.lower()
    if lemma == "walk" and not any(c.lower_ == "out" for c in action.children):
        return
    if any(c.dep_ == "neg" for c in action.children):
        return  # "would not strike if ...": no threat
    if not _threatened(action, lex):
        return  # "Truss quit over the mini-budget" took the blame; "denied it would quit" threatens nothing
    if lemma in ("leave", "quit") and not any(c.dep_ == "dobj" and not c.ent_type_ in ("GPE", "LOC") for c in action.children):
        return  # "BP would leave Russia if ...", "smokers would quit if ...": no protest
    for clause in (c for c in action.children if c.dep_ == "advcl"
                   and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children)):
        found = _condition_feared(clause, lex)
        if found is not None and not any(c.dep_ == "neg" for c in clause.children):
            target = object_target(found[0], _THREAT_CUE, ctx)
            emit(find_subject(action, lex), "supports" if found[1] else "rejects", target, "threat",
                 _THREAT_CUE.weight, 1.0)
    # "over" read as a particle, or hung on the object ("to quit the coalition over the treaty")
    holders = [action, *(c for c in action.children if c.dep_ == "dobj")]
    grounds = [t for h in holders for c in h.children if c.dep_ in ("prep", "prt") and c.lower_ in ("over", "against")
               for p in c.children if p.dep_ == "pobj" for t in (p, *p.conjuncts)]
    for ground in grounds:
        emit(find_subject(action, lex), "rejects", object_target(ground, _THREAT_CUE, ctx), "threat", _THREAT_CUE.weight, 1.0)


def _threatened(action: Token, lex: Lexicon) -> bool:
    """Whether ACTION is threatened: under "would", "will" or "could", or the complement of
    "threaten", "vow" or "warn"; and not denied, doubted, ruled out or a rumour."""
    node, modal = action, False
    for _ in range(5):
        modal = modal or any(c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll", "could", "might") for c in node.children) \
            or (node.dep_ == "xcomp" and node.head.lemma_.lower() in ("threaten", "vow", "warn", "pledge", "promise"))
        if node.lemma_.lower() in lex.word_sets["denying_verbs"] or any(
                c.lemma_.lower() in ("rumour", "rumor", "speculation") for c in node.children if c.dep_ in ("nsubj", "nsubjpass")):
            return False
        if node.head == node:
            break
        node = node.head
    return modal


def _condition_feared(clause: Token, lex: Lexicon) -> tuple[Token, bool] | None:
    """(what, reversed) the "if" clause of a threat is about: "if parliament approved the reform"
    or "if the bill goes ahead" (the reform, the bill); "if the pilots were cancelled" (reversed)."""
    lemma = clause.lemma_.lower()
    particles = {c.lower_ for c in clause.children if c.dep_ in ("prt", "advmod")}
    objects = [c for c in clause.children if c.dep_ == "dobj"]
    passive = [c for c in clause.children if c.dep_ == "nsubjpass"]
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    if lemma in lex.reversal_verbs:
        return ((objects or passive or [None])[0], True) if objects or passive else None
    enacted = lemma in lex.enacting_verbs | lex.word_sets["deciding"] or (lemma == "take" and "up" in particles)
    if enacted and (objects or passive):
        return (objects or passive)[0], False
    if subjects and ((lemma == "go" and "ahead" in particles) or lemma in lex.word_sets["taking_effect"]):
        return subjects[0], False  # "if the bill goes ahead", "if the merger proceeds"
    return None

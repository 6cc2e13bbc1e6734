"""Positions anchored by multi-word cues: "in favour of", "threw its weight behind", "doubled down on"."""

from __future__ import annotations

from spacy.tokens import Span
from kg.extract.context import Position, SentenceContext, _pobj
from kg.extract.subjects import find_subject
from kg.extract.actor_tokens import resolve_actors
from kg.extract.polarity import _modal_factor, _polarity
from kg.extract.targets import object_target


def _phrase_positions(sent: Span, ctx: SentenceContext) -> list[Position]:
    """Multi-word cues: "in favour of", "threw its weight behind", "doubled down on"."""
    positions: list[Position] = []
    lemmas = [t.lemma_.lower() for t in sent]
    tokens = list(sent)
    for cue in ctx.lexicon.phrases:
        wanted = list(cue.lemmas)
        for start in range(len(tokens)):
            if lemmas[start] != wanted[0]:
                continue
            matched = [start]
            cursor = start
            for word in wanted[1:]:
                limit = min(len(tokens), cursor + 2 + cue.gap)
                nxt = next((j for j in range(cursor + 1, limit) if lemmas[j] == word), None)
                if nxt is None:
                    break
                matched.append(nxt)
                cursor = nxt
            if len(matched) != len(wanted):
                continue
            last, first = tokens[matched[-1]], tokens[matched[0]]
            if last.dep_ == "prt" or (last.dep_ == "advmod" and last.pos_ in ("ADV", "ADP") and last.head == first
                                      and len(matched) == 2):  # ("sent the code back", "back" read as an adverb)
                # "voted down the bill", "voted it down": the particle's verb has the proposal as object
                if last.head != first:
                    continue  # (the particle of another verb)
                target_token = next((c for c in last.head.children if c.dep_ == "dobj"), None)
            else:
                target_token = _pobj(last) if last.pos_ == "ADP" else None
            if target_token is None or (target_token.lemma_.lower() in ctx.lexicon.documents
                                        and any(c.dep_ in ("acl", "relcl") for c in target_token.children)):
                continue  # "signed on to a letter urging X": the letter is how, X is what
            node = first
            while node.pos_ not in ("VERB", "AUX") and node.head != node:
                node = node.head
            if node.pos_ not in ("VERB", "AUX"):
                continue
            modal = _modal_factor(node, ctx)
            if modal is None:
                continue
            stance, factor = _polarity(node, cue.stance, ctx)
            if stance is None:
                continue
            subject = find_subject(node, ctx.lexicon)
            if subject is None:
                continue
            target = object_target(target_token, cue, ctx, via_prep=True)
            if target is None:
                continue
            ctx.memory.remember(target.proposal, ctx.sentence_index, ended=target.flip)  # "the plan" may refer to it
            actors, coref = resolve_actors(subject, ctx)
            if not actors:
                continue
            confidence = cue.weight * factor * modal * target.factor * (0.9 if coref else 1.0)
            ctx.memory.decide(target.proposal, cue.lemma, stance, target.flip, modal >= 1.0, ctx.lexicon)  # "voted down X"
            if target.flip:
                stance = "rejects" if stance == "supports" else "supports"
            positions.append(Position(actors, stance, target.proposal, cue.lemma, confidence, coref, target.author))
    return positions

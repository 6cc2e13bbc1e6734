"""An official speaks for the policy of the body or government it serves.

"Seoul will let companies stretch the work week to 64 hours ... 'Companies need flexibility to
compete,' Labor Minister Park Sung-ho said." The minister's quote states no side, but a reader
(and an annotator) takes it as the government's case for its plan. One who holds a post
([word_sets] official_posts) in a body and speaks (quoted, or as the subject of a speech verb)
takes the side that body was last said to take in the article, unless the sentence gives the
speaker a side of its own. A post of a state's government with no state named (state_posts)
serves the government the article is about, unless the speaker's mention names another state
("Japan's Foreign Minister"). Not for one who holds a post in the opposition, nor for what an
official said before ("A year earlier, the minister said ...").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.actor_tokens import resolve_actors
from kg.extract.context import Position, SentenceContext
from kg.extract.subjects import subjects_of
from kg.model import Actor

_FACTOR = 0.75  # an official's side, read from the body's, is less certain than the body's own


def official_positions(sent: Span, ctx: SentenceContext, here: list[Position], quoted: Token | None) -> list[Position]:
    """Positions the officials who speak in SENT take for the bodies they serve (HERE: the
    positions SENT states itself; QUOTED: the speaker SENT attributes a quote to, if any)."""
    lex = ctx.lexicon
    # (every speaker is resolved, even before any body has taken a side: resolving records the
    # mention, so that a later "he" or "the minister" can refer back to the speaker)
    speakers = [quoted] + [s for t in sent if t.lemma_.lower() in lex.speech_verbs
                           and t.pos_ in ("VERB", "AUX") for s in subjects_of(t)]
    speakers = [s for s in speakers if s is not None]
    found: list[Position] = []
    seen: set[str] = set()
    for speaker in speakers:
        for person in resolve_actors(speaker, ctx)[0]:
            if person.kind != "person" or person.key in seen:
                continue
            seen.add(person.key)
            if any(a.key == person.key for p in here for a in p.actors):
                continue  # (the sentence gives the speaker a side of its own)
            names_state = any(t.ent_type_ in ("GPE", "NORP") for t in speaker.subtree)
            body = _served_body(person, ctx, ctx.position_of(speaker), fallback=not names_state)
            side = ctx.memory.last_side(body.key) if body is not None and not _told_of_the_past(sent, lex) else None
            if side is None:
                continue
            stance, proposal, confidence = side
            found.append(Position([person], stance, proposal, "official", confidence * _FACTOR, True))
    return found


def _served_body(person: Actor, ctx: SentenceContext, position: int, fallback: bool) -> Actor | None:
    """The body or government PERSON holds a post in, if the post is one that speaks for it (not
    a former one, nor one of the opposition: "opposition leader", "Senate Minority Leader"); with
    FALLBACK, a state post with no state named serves the government the article is about."""
    words = (person.role or "").lower().replace("-", " ").split()
    sets = ctx.lexicon.word_sets
    if not words or words[-1] not in sets["official_posts"] or any(w in sets["not_serving"] for w in words):
        return None
    if person.affiliation is not None:
        return person.affiliation
    if fallback and words[-1] in sets["state_posts"]:
        return ctx.resolver.government_before(position)
    return None


def _told_of_the_past(sent: Span, lex) -> bool:
    """Whether SENT reports what was said before ("A year earlier, the minister said ..."): the
    body's side now need not have been the official's then."""
    return any(t.ent_type_ == "DATE" and t.lower_ in lex.word_sets["past_markers"] for t in sent)

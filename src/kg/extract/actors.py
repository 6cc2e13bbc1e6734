"""Resolve actor mentions (names, titles, metonyms, demonyms, pronouns) to canonical actors.

One ActorResolver lives for one article: it remembers who was mentioned so that a
surname, "the president", "the bloc" or "he" resolves to the right named actor.
General world knowledge comes from the gazetteer data files (kg.gazetteer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg import gazetteer
from kg.iris import slugify
from kg.model import Actor

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
GROUP_PRONOUNS = {"they", "them", "their", "it", "its"}
SPEAKER_PRONOUNS = {"i", "we", "me", "us", "our", "my"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
_COLLECTIVE_FALLBACK = {"officials", "official", "government", "authorities", "leaders", "leadership",
                        "diplomats", "negotiators", "lawmakers", "ministry", "side", "administration",
                        "delegation", "envoy", "envoys"}
_NAME_TOKEN = re.compile(r"^[A-Z][\w'’.-]*$")


@dataclass
class Mention:
    actor: Actor
    position: int  # order of appearance in the article (token counter)


def _entry_actor(entry) -> Actor:
    return Actor(key=entry.key, label=entry.label, kind=entry.kind, aliases=frozenset({entry.label}))


@dataclass
class ActorResolver:
    """Per-article actor memory and resolution."""

    mentions: list[Mention] = field(default_factory=list)
    persons: dict[str, Actor] = field(default_factory=dict)  # key -> actor (full names)
    clock: int = 0

    # ---- memory -----------------------------------------------------------
    def remember(self, actor: Actor, position: int | None = None) -> Actor:
        if actor.kind == "person":
            known = self.persons.get(actor.key)
            if known is not None:
                actor = _merge(known, actor)
            self.persons[actor.key] = actor
        self.clock = position if position is not None else self.clock + 1
        self.mentions.append(Mention(actor, self.clock))
        return actor

    def last(self, predicate, before: int | None = None) -> Actor | None:
        for mention in reversed(self.mentions):
            if before is not None and mention.position >= before:
                continue
            if predicate(mention.actor):
                return self.persons.get(mention.actor.key, mention.actor) if mention.actor.kind == "person" else mention.actor
        return None

    def _person_by_surname(self, word: str) -> Actor | None:
        word = word.lower()
        for actor in reversed(list(self.persons.values())):
            parts = actor.label.split()
            if len(parts) > 1 and parts[-1].lower() == word:
                return actor
        return None

    # ---- names --------------------------------------------------------------
    def person(self, name: str, role: str | None, affiliation: Actor | None, surface: str) -> Actor:
        """A person by name; a bare surname resolves to a full name seen before in the article."""
        name = name.strip(" ,.;:'’\"").removesuffix("'s").removesuffix("’s").strip()
        words = name.split()
        if len(words) == 1:
            for actor in reversed(list(self.persons.values())):
                if actor.label.split()[-1].lower() == words[0].lower():
                    return _merge(actor, Actor(actor.key, actor.label, "person",
                                               frozenset({surface, name}), role, affiliation))
        key = slugify(name)
        known = self.persons.get(key)
        aliases = {name, surface} if surface else {name}
        fresh = Actor(key=key, label=name, kind="person", aliases=frozenset(aliases), role=role, affiliation=affiliation)
        return _merge(known, fresh) if known else fresh

    def resolve_text(self, text: str, label: str | None, position: int) -> Actor | None:
        """Resolve a noun-phrase mention given its text and its spaCy entity label (if any)."""
        text = _clean(text)
        if not text:
            return None
        lowered = text.lower()
        if lowered in PERSON_PRONOUNS:
            return self.last(lambda a: a.kind == "person", before=position)
        if lowered in GROUP_PRONOUNS:
            return self.last(lambda a: a.kind != "person", before=position)

        role, affiliation_entry, name = gazetteer.split_role(text)
        affiliation = _entry_actor(affiliation_entry) if affiliation_entry else None
        name = _clean(name)
        if name and len(name.split()) == 1 and _looks_like_name([name]):
            known = self._person_by_surname(name)
            if known is not None:
                return _merge(known, Actor(known.key, known.label, "person", frozenset({text, name}), role, affiliation))

        if name:
            entry = gazetteer.lookup_name(name)
            if entry is not None and label != "PERSON":
                return _with_alias(_entry_actor(entry), text)
        if not name or name.lower() in ("the", "a", "an"):
            # "the president", "the Ukrainian foreign minister", "the bloc"
            if role:
                found = self.last(lambda a: a.kind == "person" and _same_role(a.role, role)
                                  and (affiliation is None or (a.affiliation and a.affiliation.key == affiliation.key)),
                                  before=position)
                return found
            return None
        words = name.split()
        # demonym + collective noun: "Ukrainian officials", "the Russian side"
        if len(words) >= 1 and words[-1].lower() in _collective_nouns():
            for word in words[:-1]:
                state = gazetteer.lookup_demonym(word)
                if state is not None:
                    return _with_alias(_entry_actor(state), text)
            if affiliation is not None:
                return _with_alias(affiliation, text)
            lowered_words = " ".join(words).lower()
            if lowered_words.startswith("the "):
                return self.last(lambda a: a.kind != "person", before=position)
            return None
        nominal = gazetteer.lookup_nominal(name)
        if nominal:
            keys = {e.key for e in nominal}
            found = self.last(lambda a: a.key in keys, before=position)
            if found is not None:
                return found
            if len(nominal) == 1 and not name.lower().startswith("the "):
                return _entry_actor(nominal[0])
            return None
        if label == "PERSON" or (label is None and role and _looks_like_name(words)):
            if not _looks_like_name(words):
                return None
            return self.person(name, role, affiliation, text)
        if label in ("ORG", "GPE", "NORP", "FAC", "LOC"):
            if label == "NORP":
                state = gazetteer.lookup_demonym(name)
                return _with_alias(_entry_actor(state), text) if state else None
            if not _looks_like_name(words):
                return None
            kind = "organisation"
            return Actor(key=slugify(name), label=name, kind=kind, aliases=frozenset({name}))
        if role and _looks_like_name(words):
            return self.person(name, role, affiliation, text)
        return None


def _clean(text: str) -> str:
    text = text.strip(" ,.;:\"“”'‘’()[]—–-")
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"(’s|'s|’|')$", "", text).strip()
    return text


def _looks_like_name(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in ("of", "the", "de", "van", "von", "al", "bin", "la", "du", "and", "for")]
    return bool(content) and all(_NAME_TOKEN.match(w) for w in content) and len(content) <= 6


def _same_role(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return a.lower() == b.lower() or a.lower().endswith(b.lower()) or b.lower().endswith(a.lower())


def _merge(known: Actor | None, new: Actor) -> Actor:
    if known is None:
        return new
    label = known.label if len(known.label) >= len(new.label) else new.label
    return Actor(key=known.key, label=label, kind=known.kind, aliases=known.aliases | new.aliases | {new.label},
                 role=known.role or new.role, affiliation=known.affiliation or new.affiliation)


def _with_alias(actor: Actor, surface: str) -> Actor:
    surface = _clean(surface)
    if not surface or surface == actor.label:
        return actor
    return Actor(actor.key, actor.label, actor.kind, actor.aliases | {surface}, actor.role, actor.affiliation)


def _collective_nouns() -> frozenset[str]:
    return getattr(gazetteer, "collective_nouns", lambda: frozenset(_COLLECTIVE_FALLBACK))()


def mention_span(token: Token) -> Span:
    """The noun phrase naming an actor at TOKEN: its entity plus titles and modifiers before it."""
    doc = token.doc
    if token.ent_type_ and token.ent_iob_ != "O":
        ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        start, end = (ent.start, ent.end) if ent is not None else (token.i, token.i + 1)
    else:
        start, end = token.i, token.i + 1
    # extend left over the head's own modifiers: "Ukrainian President", "UN Secretary-General", "the"
    left = [t for t in token.subtree if t.i < start]
    while left and left[-1].i == start - 1 and left[-1].dep_ in ("compound", "amod", "nmod", "det", "punct", "poss", "case", "nummod", "npadvmod"):
        if left[-1].dep_ == "punct" and left[-1].text not in ("-", "–"):
            break
        start -= 1
        left.pop()
    # keep compound names that continue to the right ("Zelensky" inside "Zelensky administration")
    while end < len(doc) and doc[end].dep_ == "compound" and doc[end].head.i == token.i and doc[end].i < token.i:
        end += 1
    if token.i >= end:
        end = token.i + 1
    return doc[start:end]

"""Resolve actor mentions (names, titles, metonyms, demonyms, pronouns) to canonical actors.

One ActorResolver lives for one article: it remembers who was mentioned, and whether
as a grammatical subject, so that a surname, "the president", "the bloc" or "he"
resolves to the right named actor. General world knowledge comes from the gazetteer
data files (kg.gazetteer); names of people come only from the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from kg import gazetteer
from kg.iris import person_key, slugify
from kg.model import Actor
from kg.resources import lexicon_path, lexicon_words

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}
GROUP_PRONOUNS = {"they", "them", "their", "it", "its"}
SPEAKER_PRONOUNS = {"i", "we", "me", "us", "our", "my"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
_NAME_TOKEN = re.compile(r"^[A-Z][\w'’.-]*$")
_NAME_PARTICLES = {"of", "the", "de", "van", "von", "al", "bin", "la", "du", "and", "for", "der", "da", "di", "le"}


@dataclass
class Mention:
    actor: Actor | None  # None: a subject that is no actor ("Workers ... they"), which blocks "they"
    position: int  # character offset in the article
    subject: bool = False
    antecedent: bool = True  # False: "the EU plan", "in Iowa": no pronoun's referent, though "the bloc" may be


@lru_cache(maxsize=1)
def gender_words() -> dict[str, str]:
    """Honorifics and gendered role words (lexicons/gender.tsv): word -> "f" or "m"."""
    words = {}
    for line in lexicon_path("gender.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("word\t"):
            continue
        word, gender = line.split("\t")[:2]
        words[word.strip().lower()] = gender.strip()
    return words


@lru_cache(maxsize=1)
def region_adjectives() -> frozenset[str]:
    """"Western", "European", "Arab": adjectives of regions, naming no actor (lexicons/region_adjectives.txt)."""
    return lexicon_words("region_adjectives.txt")


@lru_cache(maxsize=1)
def unnamed_legislatures() -> frozenset[str]:
    """"parliament", "the upper house": a legislature named without its state
    (lexicons/unnamed_legislatures.txt)."""
    return lexicon_words("unnamed_legislatures.txt")


@lru_cache(maxsize=1)
def legislature_heads() -> frozenset[str]:
    """"parliament", "senate", "deputies": last words of a state's legislature named with its state
    (lexicons/legislature_heads.txt)."""
    return lexicon_words("legislature_heads.txt")


@lru_cache(maxsize=1)
def generic_bodies() -> frozenset[str]:
    """"senate", "supreme court": names any state gives its own institutions (lexicons/generic_bodies.txt)."""
    return lexicon_words("generic_bodies.txt")


@lru_cache(maxsize=1)
def local_bodies() -> frozenset[str]:
    """"city council", "regional assembly": a place's own bodies (lexicons/local_bodies.txt)."""
    return lexicon_words("local_bodies.txt")


@lru_cache(maxsize=1)
def _local_body_lengths() -> tuple[int, ...]:
    """How many words the names in local_bodies() have, shortest first."""
    return tuple(sorted({len(body.split()) for body in local_bodies()}))


@lru_cache(maxsize=1)
def given_name_genders() -> dict[str, str]:
    """Given names with their usual gender (lexicons/given_names.tsv): name -> "f" or "m"."""
    names = {}
    for line in lexicon_path("given_names.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")[:2]
            names[name] = gender
    return names


def gender_of_words(text: str) -> str | None:
    """The gender an honorific or role word in TEXT gives ("Mrs. Clinton", "Congresswoman X")."""
    found = {gender_words().get(w.lower().rstrip(".")) for w in re.findall(r"[A-Za-z]+\.?", text)} - {None}
    return found.pop() if len(found) == 1 else None


def entry_actor(entry) -> Actor:
    return Actor(key=entry.key, label=entry.label, kind=entry.kind, aliases=frozenset({entry.label}))


@dataclass
class ActorResolver:
    """Per-article actor memory and resolution."""

    mentions: list[Mention] = field(default_factory=list)
    persons: dict[str, Actor] = field(default_factory=dict)  # key -> actor (full names)
    counts: Counter = field(default_factory=Counter)
    genders: dict[str, str] = field(default_factory=dict)  # person key -> "f" | "m", from the text
    governments: list[tuple[int, Actor]] = field(default_factory=list)  # (position, state) of "India's government"
    home: Actor | None = None  # the state of the article's dateline ("LONDON -"): "the government" named nowhere
    person_words: frozenset = frozenset()  # last words of names tagged as persons anywhere in the article
    groups: list[tuple[int, list[Actor]]] = field(default_factory=list)  # (position, actors) of "X and Y" subjects

    # ---- memory -----------------------------------------------------------
    def remember(self, actor: Actor, position: int, subject: bool = False, antecedent: bool = True) -> Actor:
        """Record a mention; only an ANTECEDENT mention (not "Iowa" in "the Iowa caucus" or
        "in Iowa") may be what a later pronoun refers to."""
        if actor.kind == "person":
            actor = _merge(self.persons.get(actor.key), actor)
            self.persons[actor.key] = actor
        self.counts[actor.key] += 1
        self.mentions.append(Mention(actor, position, subject, antecedent))
        return actor

    def remember_group(self, actors: list[Actor], position: int) -> None:
        """"Britain and Norway met in Oslo": a subject of several actors, which a later "they" may mean."""
        if len(actors) > 1:
            self.groups.append((position, actors))

    def group_before(self, before: int, window: int = 400) -> list[Actor]:
        """The actors of the last "X and Y" subject before BEFORE, within WINDOW characters, when no
        other subject was named after it ("Britain and Norway met. They agreed to back X")."""
        groups = [(at, actors) for at, actors in self.groups if at < before and before - at <= window]
        if not groups:
            return []
        at, actors = groups[-1]
        keys = {a.key for a in actors}
        later = [m for m in self.mentions if at < m.position < before and m.subject
                 and (m.actor is None or m.actor.key not in keys)]
        return [] if later else actors

    def remember_non_actor_subject(self, position: int) -> None:
        """A plural subject that is no actor ("Workers will pay more, so they ..."): a later
        "they" refers to it rather than to an organisation named before."""
        self.mentions.append(Mention(None, position, subject=True))

    def last_pair(self, before: int, states_only: bool, window: int = 400) -> list[Actor]:
        """The two actors named last before BEFORE, within WINDOW characters ("India and Pakistan
        held talks. Both countries backed ..."); with STATES_ONLY, states only; [] unless two."""
        found: list[Actor] = []
        for mention in reversed(self.mentions):
            if mention.position >= before or mention.actor is None or not mention.antecedent:
                continue  # (not a place things happen in: "talks in Geneva")
            if before - mention.position > window:
                break
            actor = mention.actor
            if (not states_only or actor.kind == "state") and actor.kind != "person" \
                    and all(a.key != actor.key for a in found):
                found.append(actor)
            if len(found) == 2:
                return found
        return []

    def learn_gender(self, actor: Actor | None, gender: str | None) -> None:
        """Record a person's gender from an honorific, a role word or a pronoun the syntax ties to them."""
        if actor is None or gender is None or actor.kind != "person":
            return
        known = self.genders.get(actor.key)
        if known is None:
            self.genders[actor.key] = gender
        elif known != gender:
            self.genders[actor.key] = "?"  # contradictory evidence: trust neither

    def _current(self, actor: Actor) -> Actor:
        return self.persons.get(actor.key, actor) if actor.kind == "person" else actor

    def last(self, predicate, before: int | None = None, prefer_subject: bool = False,
             blocked_by_non_actors: bool = False, paragraph_start: int | None = None,
             modifiers_too: bool = False) -> Actor | None:
        """The most recent matching actor; with prefer_subject, the most recent one seen as a subject
        in the current or previous sentence-sized window is preferred over a nearer object. With
        blocked_by_non_actors, a more recent non-actor subject means the referent is no actor.
        Given PARAGRAPH_START, a match in the current paragraph wins over the subject of an
        earlier one ("For President X, it was a day of celebration. He had just signed ...").
        With MODIFIERS_TOO, mentions that are no antecedent of a pronoun ("the EU plan") count too."""
        candidates = [m for m in self.mentions if (before is None or m.position < before)
                      and (m.antecedent or modifiers_too)
                      and ((m.actor is None and blocked_by_non_actors) or (m.actor is not None and predicate(m.actor)))]
        if paragraph_start is not None:
            local = [m for m in candidates if m.position >= paragraph_start]
            candidates = local or candidates
        if not candidates:
            return None
        chosen = candidates[-1]
        if prefer_subject:
            subjects = [m for m in candidates if m.subject]
            if subjects and candidates[-1].position - subjects[-1].position < 400:
                chosen = subjects[-1]
        return self._current(chosen.actor) if chosen.actor is not None else None

    def knows_person(self, word: str) -> bool:
        """Whether WORD is the surname of a person already named in the article, or one the
        tagger took for a person's name somewhere in it ("Rodrigo Salazar", tagged as an
        organisation in one sentence, is "Salazar said" in another)."""
        return self._person_by_surname(_clean(word)) is not None or _clean(word) in self.person_words

    def _person_by_surname(self, word: str) -> Actor | None:
        word = person_key(word)
        matches = [a for a in self.persons.values()
                   if len(a.label.split()) > 1 and person_key(a.label.split()[-1]) == word]
        if not matches:
            # a first name alone ("Maria said ...") when exactly one person seen so far bears it
            matches = [a for a in self.persons.values()
                       if len(a.label.split()) > 1 and person_key(a.label.split()[0]) == word]
            return matches[0] if len(matches) == 1 else None
        # the most mentioned bearer of the surname ("Trump" is Donald, not a relative mentioned once)
        return max(matches, key=lambda a: self.counts[a.key])

    # ---- names --------------------------------------------------------------
    def person(self, name: str, role: str | None, affiliation: Actor | None, surface: str) -> Actor | None:
        """A person by name; a bare surname resolves to a full name seen before in the article."""
        name = _clean(name)
        words = name.split()
        if not words or not _looks_like_name(words):
            return None
        if len(words) == 1:
            known = self._person_by_surname(words[0])
            if known is not None:
                self.learn_gender(known, _title_gender(surface, name))
                return _merge(known, Actor(known.key, known.label, "person", frozenset({surface, name}), role, affiliation))
        key = person_key(name)
        aliases = {name, _clean(surface)} - {""}
        fresh = Actor(key=key, label=name, kind="person", aliases=frozenset(aliases), role=role, affiliation=affiliation)
        actor = _merge(self.persons.get(key), fresh)
        self.learn_gender(actor, _title_gender(surface, name))
        if actor.key not in self.genders and len(words) > 1:
            # "Alicia Ferro": the usual gender of the given name, when nothing in the text says it
            self.learn_gender(actor, given_name_genders().get(words[0].lower()))
        return actor

    def resolve_pronoun(self, word: str, position: int, paragraph_start: int | None = None) -> Actor | None:
        lowered = word.lower()
        if lowered in PERSON_PRONOUNS:
            gender = PRONOUN_GENDER.get(lowered)
            # "she" is never a man named before, "he" never a woman: skip persons of the other gender
            return self.last(lambda a: a.kind == "person" and self.genders.get(a.key, gender) in (gender, "?"),
                             before=position, prefer_subject=True, paragraph_start=paragraph_start)
        if lowered in GROUP_PRONOUNS:
            return self.last(lambda a: a.kind != "person", before=position, prefer_subject=True,
                             blocked_by_non_actors=lowered in ("they", "them", "their"))
        return None

    def government_before(self, position: int, named_only: bool = False) -> Actor | None:
        """The state whose government the article named last before POSITION ("India's government",
        "the Australian government"): what a later bare "the government" means. Failing that, the
        dateline's state, when no other state was mentioned before (a story datelined LONDON is
        often about another country's government); with NAMED_ONLY, only a named one."""
        named = [actor for at, actor in self.governments if at < position]
        if named or named_only or self.home is None:
            return named[-1] if named else None
        others = {m.actor.key for m in self.mentions if m.position < position and m.actor is not None
                  and m.actor.kind == "state" and m.actor.key != self.home.key}
        return None if others else self.home

    def _in_context(self, name: str, text: str = "") -> "gazetteer.GazetteerEntry | None":
        """The entry NAME means in this article: of the entries sharing a name ("Labour": the British,
        Norwegian, Irish ... party), the one the article already named ("Nigeria's Labour Party ...
        Labour said"), else the one of the state the article names most, the dateline's counting
        twice; otherwise the one news usually means (ambiguous.tsv)."""
        candidates = gazetteer.lookup_candidates(name)
        if len(candidates) < 2:
            return candidates[0] if candidates else None
        qualifier = _named_state(text[: max(text.find(name), 0)]) if text else None
        if qualifier is not None:
            own = next((e for e in candidates if state_key_of(e) == qualifier.key), None)
            if own is not None:
                return own  # "Britain's Labour Party", "the Norwegian Labour Party"
        keys = {e.key for e in candidates}
        named = [m.actor for m in self.mentions if m.actor is not None and m.actor.key in keys]
        if named:
            return gazetteer.get_entry(named[-1].key)
        states = Counter(m.actor.key for m in self.mentions if m.actor is not None and m.actor.kind == "state")
        if self.home is not None:
            states[self.home.key] += 2  # (a dateline names the place a story is filed from)
        ranked = sorted(candidates, key=lambda e: -states.get(state_key_of(e) or "", 0))
        return ranked[0] if states.get(state_key_of(ranked[0]) or "", 0) else candidates[0]

    def _placed(self, entry, name: str, text: str) -> Actor:
        """The actor ENTRY, found by NAME, is in this article: the home state's own body of that name
        ("the Senate" of a story from Asuncion), or the entry itself."""
        home_body = self._home_body(entry, name, text)
        if home_body is not None:
            return home_body
        return entry_actor(entry)

    def _home_body(self, entry, name: str, text: str) -> Actor | None:
        """"The Senate" in a story filed from Asuncion: Paraguay's own, not the gazetteer's US Senate,
        when the article has named neither that body nor its state."""
        bare = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE).lower()
        owner = state_key_of(entry)
        if self.home is None or owner is None or owner == self.home.key or entry.kind == "state" \
                or bare not in generic_bodies() or _named_state(text) is not None:
            return None
        if any(m.actor is not None and m.actor.key in (entry.key, owner) for m in self.mentions):
            return None
        own_words = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)  # (as the text writes it)
        return owned_by_state(entry_actor(entry), self.home.label, own_words)

    def _local_body(self, text: str) -> Actor | None:
        """"Lisbon city council", "the Dunmore town council": a place's own body (lexicons/local_bodies.txt)."""
        words = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE).split()
        for size in _local_body_lengths():
            if len(words) <= size:
                continue
            body, place = " ".join(words[-size:]).lower(), words[:-size]
            if body in local_bodies() and all(w[:1].isupper() for w in place) and " ".join(words[-size:]).islower():
                name = " ".join(place + words[-size:])
                entry = gazetteer.lookup_name(" ".join(place))
                owner = entry_actor(entry) if entry is not None and entry.kind == "state" else None
                return Actor(key=slugify(name), label=name, kind="organisation", aliases=frozenset({name, text}),
                             affiliation=owner)
        return None

    def _unnamed_legislature(self, text: str, position: int) -> Actor | None:
        """"Parliament approved the bill", "the upper house": the legislature of the state the story is
        filed from, or else of the state it names most; its gazetteer entry where it has one ("the
        British parliament"), else "Kenya's parliament"."""
        bare = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE).lower()
        if bare not in unnamed_legislatures() or gazetteer.lookup_name(text) is not None:
            return None
        state = self.home or self._state_in_focus(position)
        entry = gazetteer.get_entry(state.key) if state is not None else None
        if entry is None:
            return None
        listed = _listed_body(entry, bare)
        if listed is not None:
            return _with_alias(listed, f"{entry.label}'s {bare}")  # (the Storting, "Norway's parliament")
        return _with_alias(_new_body(entry, entry.label, bare), text)

    def _state_in_focus(self, position: int) -> Actor | None:
        """The state the article has named most before POSITION (the later on a tie)."""
        counts: Counter = Counter()
        last: dict[str, Actor] = {}
        for m in self.mentions:
            if m.position < position and m.actor is not None and m.actor.kind == "state":
                counts[m.actor.key] += 1
                last[m.actor.key] = m.actor
        if not counts:
            return None
        order = [m.actor.key for m in self.mentions if m.actor is not None and m.actor.key in counts]
        best = max(counts, key=lambda k: (counts[k], max(i for i, key in enumerate(order) if key == k)))
        return last[best]

    def resolve_text(self, text: str, label: str | None, position: int, core: str | None = None) -> Actor | None:
        """Resolve a noun-phrase mention from its text, its spaCy entity label and entity text (core)."""
        cleaned = _clean(text)
        ruling = RULING_COALITION.search(cleaned)
        if ruling and not re.search(r"\b(?:former|previous|ex|outgoing)\b", cleaned, re.IGNORECASE):
            # "Germany's ruling coalition", "the governing coalition": the state's government
            text = cleaned[:ruling.start()] + "government"
        words = _clean(text).lower().split()
        if words in (["the", "country"], ["the", "nation"]):
            # "Qatar's prime minister arrived in Cairo. The country has pushed for X": the state named last
            return self.last(lambda a: a.kind == "state", before=position)
        if words and words[-1] in GOVERNMENT_NOUNS:
            if len(words) == 2 and words[0] == "the":
                return self.government_before(position)  # "the government": the one named before
            actor = self._resolve_text(text, label, position, core)
            if actor is not None and actor.kind == "state":
                self.governments.append((position, actor))
            return actor
        return self._resolve_text(text, label, position, core)

    def _resolve_text(self, text: str, label: str | None, position: int, core: str | None = None) -> Actor | None:
        text = _clean(text)
        if not text:
            return None
        legislature = self._unnamed_legislature(text, position) or self._local_body(text)
        if legislature is not None:
            return legislature
        chamber = _CHAMBER.match(text)
        if chamber:
            # "Brazil's lower house of Congress", "the Spanish upper house": that state's chamber
            owner = gazetteer.lookup_name(chamber.group(1)) or gazetteer.lookup_demonym(chamber.group(1))
            if owner is not None and owner.kind == "state":
                name = f"{owner.label}'s {chamber.group(2).lower()} house"
                return Actor(key=slugify(name), label=name, kind="organisation",
                             aliases=frozenset({name, text}), affiliation=entry_actor(owner))
        lowered = text.lower()
        if lowered in PERSON_PRONOUNS or lowered in GROUP_PRONOUNS:
            return self.resolve_pronoun(lowered, position)

        split = gazetteer.split_role(text)
        if split.role and split.name.split() and split.name.split()[-1].lower() in organisation_heads() \
                and len(split.name.split()) == 1:
            split = gazetteer.RoleSplit(None, None, text)  # "the Justice Party" is a party, not a judge's
        role, affiliation_entry, name = split.role, split.affiliation, _clean(split.name)
        affiliation = entry_actor(affiliation_entry) if affiliation_entry else None

        if label == "PERSON" and core and name.split() and name.split()[-1] not in core.split() \
                and name.split()[-1].lower() in organisation_words():
            label = "ORG"  # "the ruling Historic Pact coalition" tagged as a person: the coalition's name
        if label == "PERSON" and core and len(_clean(core).split()) == 1:
            place = gazetteer.lookup_name(_clean(core))
            if place is not None:  # "Berlin supports ..." mis-tagged as a person
                return _with_alias(entry_actor(place), text)
        if label == "ORG" and core and 2 <= len(name.split()) <= 3 and name.split()[-1] in self.person_words \
                and (_clean(core) == name or (role and _clean(core).endswith(name))):
            # "Carmen Quispe" or "Manitoba MP Sylvie Ouellette" tagged as an organisation, "Quispe said"
            # later: a person
            label, core = "PERSON", name
        if label == "ORG" and core and _clean(core) == name and len(name.split()) == 2 \
                and name.split()[0].lower() in given_name_genders() and _looks_like_name(name.split()) \
                and name.split()[1].lower() not in organisation_heads() and gazetteer.lookup_name(name) is None:
            label = "PERSON"  # "Marta Ilves" tagged as an organisation: a given name and a surname
        if label == "PERSON" and core and len(_clean(core).split()) > 1 \
                and _clean(core).split()[-1].lower() in organisation_heads():
            return _organisation(_clean(core))  # "Nuovi Italiani Network" tagged as a person
        if label == "PERSON" and core and len(name.split()) > 2 and _clean(core) == name.split()[-1] \
                and name.split()[-1].lower() in organisation_heads() and _looks_like_name(name.split()[1:]):
            return _organisation(name)  # "the Punjab Paddy Growers' Sangh", its last word tagged as a person
        if label == "PERSON" and core:
            # the entity itself is the name; what precedes it only adds role and affiliation
            core_split = gazetteer.split_role(_clean(core))
            person_name = _clean(core_split.name) or _clean(core)
            role = role or core_split.role
            if affiliation is None and core_split.affiliation is not None:
                affiliation = entry_actor(core_split.affiliation)
            if affiliation is None:
                affiliation = _prefix_affiliation(name, person_name)
            return self.person(person_name, role, affiliation, text)

        if name and len(name.split()) == 1 and _looks_like_name([name]) and label in (None, "PERSON", "ORG", "NORP", "GPE"):
            known = self._person_by_surname(name)
            if known is not None and gazetteer.lookup_name(name) is None:
                return _merge(known, Actor(known.key, known.label, "person", frozenset({text, name}), role, affiliation))

        if name:
            entry = self._in_context(name, text)
            if entry is not None and label != "PERSON":
                return _with_alias(self._placed(entry, name, text), text)
        if not name or name.lower() in ("the", "a", "an"):
            # "the president", "the Ukrainian foreign minister"
            if role:
                known = self.last(lambda a: a.kind == "person" and _same_role(a.role, role)
                                  and (affiliation is None or (a.affiliation is not None and a.affiliation.key == affiliation.key)),
                                  before=position)
                if known is None and affiliation is not None and _names_directly(text, affiliation):
                    # "the UN Secretary-General", "Germany's chancellor", never named: the body they speak for
                    # (not "the Texas governor": a region's official does not speak for its state)
                    return _with_alias(affiliation, text)
                return known
            return None
        words = name.split()
        bare_words = words[1:] if words[0].lower() == "the" else words
        if label in (None, "ORG") and words[-1][:1].isupper() and words[-1][1:].islower() \
                and (len(bare_words) > 2 or (len(bare_words) == 2 and words[-1].lower() in organisation_heads()
                                             and words[-1].lower() not in _STATE_BODIES | {"commission", "council"})) \
                and (words[-1].lower() in organisation_heads() or words[-1].lower() in gazetteer.collective_nouns()) \
                and _looks_like_name(bare_words) and gazetteer.lookup_demonym(bare_words[0]) is None:
            # "the Punjab Growers' Board", "the Fathom Alliance": a name ending in a capitalised
            # organisation word (of two words, not a state's "Finance Ministry" or "Security Council")
            entry = gazetteer.lookup_name(" ".join(bare_words))
            return _with_alias(entry_actor(entry), text) if entry is not None else _organisation(" ".join(bare_words))
        if label in (None, "ORG", "PERSON") and len(words) >= 2 and words[-1].islower() \
                and words[-1] in organisation_words():
            # "the ruling Historic Pact coalition", "the Fathom Alliance group": the name before the kind
            run: list[str] = []
            for word in reversed(words[:-1]):
                if not word[:1].isupper() or word.lower() in ("the", "a", "an"):
                    break
                run.insert(0, word)
            # (one word only if an acronym: a headline's "Transit union endorses ..." is no name)
            if run and (len(run) > 1 or run[0].isupper()) and _looks_like_name(run) \
                    and gazetteer.lookup_demonym(run[0]) is None and run[0].lower() not in _NAME_PARTICLES:
                entry = gazetteer.lookup_name(" ".join(run))
                if entry is None or entry.kind != "state":
                    return _with_alias(entry_actor(entry), text) if entry is not None else _organisation(" ".join(run))
        legislature = _state_legislature(bare_words, text)
        if legislature is not None:
            return legislature
        # demonym + collective noun: "Ukrainian officials", "the Russian side"
        if words[-1].lower() in gazetteer.collective_nouns():
            whole = gazetteer.lookup_name(" ".join(words[:-1])) if len(words) > 2 else None
            if whole is not None and "party" in whole.nominals and not words[-1].lower().endswith("s"):
                whole = None  # "the Labor Ministry" is no party's: only its people are ("Labor MPs")
            if whole is not None:  # "Liberal Democrat MPs": the party, not the demonym "Democrat"
                return _with_alias(entry_actor(whole), text)
            for word in words[:-1]:
                state = gazetteer.lookup_demonym(word)
                if state is not None and (state.kind == "state" or words[-1].lower().endswith("s")):
                    return _with_alias(entry_actor(state), text)  # (not "the Labor Ministry")
            if affiliation is not None:
                return _with_alias(affiliation, text)
            if words[-1].lower() in _STATE_BODIES:
                return None  # "the Labor Ministry" is a state's, not the Labor party's
            named = []
            for word in words[1 if words[0].lower() in ("the", "a", "an") else 0:-1]:  # "The Daily Courier editorial board"
                if not _looks_like_name([word]):
                    break
                named.append(word)
            if named and all(w.lower() in region_adjectives() for w in named):
                return None  # "Western diplomats", "European governments": unnamed actors of a region
            if named and _looks_like_name(named) and any(w.lower() not in _NAME_PARTICLES for w in named):
                owner = _clean(" ".join(named))  # "Karoo Platinum Ltd.'s board": the company's
                entry = gazetteer.lookup_name(owner)
                return _with_alias(entry_actor(entry), text) if entry is not None else _organisation(owner)
            return None
        head = bare_words[-1].lower() if len(bare_words) == 1 and words[0].lower() == "the" else ""
        if head in organisation_heads() or head == "group":
            # "the union" after "the Great Lakes Educators Union": the one named before with that word
            heads = _HEAD_SYNONYMS.get(head, {head})  # "the union" after "the UGTT labour federation"
            blocs = head == "union" and words[-1] == "union"  # a lowercase "the union" is a labour union

            def is_bloc(actor: Actor) -> bool:  # the European Union, the African Union: "the bloc"
                entry = gazetteer.get_entry(actor.key)
                return entry is not None and "bloc" in entry.nominals

            named = self.last(lambda a: a.kind == "organisation" and not (blocs and is_bloc(a)) and (
                a.label.lower().split()[-1] in heads or any(heads & set(alias.lower().split()) for alias in a.aliases)),
                before=position, modifiers_too=True)
            if named is not None:
                return named  # (with none named, "the union" may still be the European Union, below)
        if head in GENERIC_ORGANISATION_NOUNS:
            # "the Coastal Fishers Alliance ... The group said", "Greenpeace spokesman X said the
            # organisation ...": the organisation named last, not a bloc or a state's body
            named = self.last(lambda a: a.kind == "organisation" and a.affiliation is None
                              and "bloc" not in getattr(gazetteer.get_entry(a.key), "nominals", ()),
                              before=position, modifiers_too=True, prefer_subject=True)
            if named is not None:
                return named
        nominal = gazetteer.lookup_nominal(name)
        if nominal:
            keys = {e.key for e in nominal}
            return self.last(lambda a: a.key in keys, before=position, modifiers_too=True)
        if label in ("ORG", "GPE", "FAC", "LOC") and core and _clean(core) != name:
            # "the opposition Liberal Party": the entity itself names the actor
            core_name = _clean(core)
            entry = gazetteer.lookup_name(core_name)
            owner = _named_state(name[: max(name.find(core_name), 0)])
            if entry is not None and owner is not None and state_key_of(entry) not in (None, owner.key):
                # "Brazil's Senate" is not the US Senate that a bare "Senate" defaults to
                return Actor(key=slugify(name), label=name, kind="organisation", aliases=frozenset({name}),
                             affiliation=entry_actor(owner))
            prefix = name[: max(name.find(core_name), 0)].split()
            prefix = prefix[1:] if prefix and prefix[0].lower() == "the" else prefix
            if entry is not None and entry.kind == "organisation" and owner is None and prefix \
                    and name.endswith(core_name) and _looks_like_name(prefix) \
                    and not any(re.search(r"['’]s?$", w) for w in prefix) \
                    and not any(getattr(gazetteer.lookup_demonym(w), "kind", None) == "state"
                                or getattr(gazetteer.lookup_name(w), "kind", None) == "state" for w in prefix) \
                    and gazetteer.lookup_name(" ".join(prefix + [core_name])) is None:
                # "the Labour Congress" (only "Congress" tagged) is no US Congress: its own name, in full
                return _organisation(" ".join(prefix + [core_name]))
            if entry is not None:
                return _with_alias(self._placed(entry, core_name, text), text)
            if _looks_like_name(core_name.split()):
                return _organisation(core_name)
        bare = words[1:] if words[0].lower() == "the" else words
        named_run = [w for w in bare if _looks_like_name([w]) and not re.search(r"['’]s?$", w)]  # (not "Britain's")
        if label in (None, "ORG") and 2 <= len(bare) <= 5 and bare[-1] in ("union", "federation", "association") \
                and len(named_run) == 1 and bare.index(named_run[0]) < len(bare) - 1 \
                and (words[0].lower() == "the" or named_run[0].isupper() or re.search(r"['’]s$", words[0])) \
                and all(w.islower() for w in bare if w != named_run[0]) \
                and gazetteer.lookup_name(named_run[0]) is None and gazetteer.lookup_demonym(named_run[0]) is None:
            # "the Unite union", "the powerful UGTT labour federation": a named union with a lowercase head
            # (a headline's "Rail union accepts ..." is capitalised as headlines are)
            return _with_alias(_organisation(named_run[0]), " ".join(bare[bare.index(named_run[0]):]))
        demonym = gazetteer.lookup_demonym(" ".join(bare[:-1])) if len(bare) >= 2 else None
        if label in (None, "ORG") and len(bare) >= 2 and bare[-1] in ("party", "movement", "alliance", "front") \
                and _looks_like_name(bare[:-1]) and (demonym is None or demonym.kind != "state"):
            # "the Left party", "the Five Star movement", "the Morena party": the name with its head, as
            # the party calls itself, or the gazetteer's party of that name
            name = " ".join(bare[:-1] + [bare[-1].capitalize()])
            entry = gazetteer.lookup_name(name) or (demonym if demonym is not None and bare[-1] in demonym.nominals
                                                    else None)
            return _with_alias(entry_actor(entry), text) if entry is not None else _organisation(name)
        if label in ("ORG", "GPE", "NORP", "FAC", "LOC"):
            if label == "NORP":
                # "Senate Republicans": the entity itself when the whole phrase is no demonym
                bare = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
                if len(bare.split()) > 1 and _party_like(bare) and gazetteer.lookup_demonym(bare) is None \
                        and not any(gazetteer.lookup_name(w) for w in bare.split()[:-1]):  # not "Senate Republicans"
                    return _organisation(bare)  # "Social Democrats" is not the US "Democrats"
                state = gazetteer.lookup_demonym(name) or (gazetteer.lookup_demonym(_clean(core)) if core else None)
                if state is None and core and _party_like(_clean(core)):
                    return _organisation(_clean(core))  # "the Greens", "the Social Democrats": a party
                if state is None and core and _looks_like_name(_clean(core).split()) \
                        and any(w.lower() in party_descriptors() for w in name.split()):
                    return _organisation(_clean(core))  # "the separatist Junts", tagged as a nationality
                return _with_alias(entry_actor(state), text) if state else None
            if not _looks_like_name(words):
                return None
            return _organisation(name)
        if label is None and role and _looks_like_name(words):
            return self.person(name, role, affiliation, text)
        if label is None and len(words) > 1 and _looks_like_name(words) and words[-1].lower() in organisation_heads():
            # "the Freedom Action PAC": a capitalised name ending in an organisation word the parser missed
            return _organisation(name)
        named = _after_description(bare)
        if label is None and named:
            # "the opposition Congress party", "the nationalist Radical Party": a lowercase description
            # before the name; the name alone says who it is
            actor = self._resolve_text(" ".join(named), None, position)
            described = bare[len(bare) - len(named) - 1].lower()
            description = [w.lower() for w in bare[:len(bare) - len(named)]]
            if actor is None and _looks_like_name(named) and (
                    described in organisation_heads() or described == "group"
                    or (len(named) == 1 and named[0].lower() in organisation_heads())
                    or any(w in party_descriptors() for w in description)):
                # "the drivers' union Aslef", "the rail union RMT", "the opposition Coalition"
                actor = _with_alias(_organisation(" ".join(named)), text)  # (the description kept: "the union")
            return actor
        return None


_PARTY_PLURALS = {"greens", "democrats", "socialists", "conservatives", "liberals", "republicans", "nationalists",
                  "communists", "progressives", "unionists", "centrists"}


# a state's chamber of parliament named by its place: "Brazil's lower house (of Congress)"
_CHAMBER = re.compile(r"^(?:[Tt]he\s+)?([A-Z][\w.-]*(?: [A-Z][\w.-]*)?)(?:['’]s)?\s+([Ll]ower|[Uu]pper)\s+[Hh]ouse\b")

# a labour union is also called by the other words for one
_HEAD_SYNONYMS = {"union": {"union", "federation", "confederation"}}
# "the group", "the company": any organisation named before, whatever its name ends in
GENERIC_ORGANISATION_NOUNS = frozenset({"group", "organisation", "organization", "company", "firm", "charity"})

# a state's own bodies, named by their field ("the Labor Ministry", "the Justice Department")
# a state's legislature, named by what it is: "Parliament approved the bill", "the upper house"
_STATE_BODIES = frozenset({"ministry", "department", "agency", "office", "secretariat", "directorate"})

# a government named by the parties that form it
RULING_COALITION = re.compile(r"\b(?:ruling|governing)\s+(?:\w+\s+)?coalition$", re.IGNORECASE)

# nouns for a state's executive: "India's government" names India, and a later "the government" too
GOVERNMENT_NOUNS = frozenset({"government", "administration", "cabinet"})


def dateline_state(place: str) -> Actor | None:
    """The state whose city or capital a dateline names ("LONDON" -> the United Kingdom; the first
    of "KYIV/ISTANBUL"), or None for a place that is no state's ("UNITED NATIONS")."""
    first = place.split("/")[0].strip()
    if not first:
        return None
    entry = gazetteer.lookup_name(first.title()) or gazetteer.lookup_name(first)
    if entry is None:
        return None
    actor = entry_actor(entry)
    return actor if actor.kind == "state" else None


def _party_like(name: str) -> bool:
    """A capitalised plural that names a party's members as a body: "the Greens", "Social Democrats"."""
    words = name.split()
    return bool(words) and _looks_like_name(words) and words[-1].lower() in _PARTY_PLURALS


def _names_directly(text: str, actor: Actor) -> bool:
    """Whether TEXT names ACTOR itself (by name, alias or demonym), not a region belonging to it,
    and ACTOR is a body one official can speak for (a state or an organisation, not a party)."""
    entry = gazetteer.get_entry(actor.key)
    if entry is None or "party" in entry.nominals:
        return False  # a party has many candidates and senators: "a Democratic senator" is not the party
    for word in text.split():
        word = _clean(word)
        entry = gazetteer.lookup_name(word) or gazetteer.lookup_demonym(word)
        if entry is not None and entry.key == actor.key:
            return True
    return False


def _named_state(prefix: str) -> "gazetteer.GazetteerEntry | None":
    """The state a prefix names by name or demonym: "Brazil's", "the Brazilian"."""
    for word in prefix.split():
        word = word.removesuffix("'s").removesuffix("\u2019s").strip(",")
        entry = gazetteer.lookup_name(word) or gazetteer.lookup_demonym(word)
        if entry is not None and entry.kind == "state":
            return entry
    return None


def owned_by_state(actor: Actor, owner_text: str, head_text: str) -> Actor:
    """ACTOR as "OWNER's HEAD" when OWNER names a state other than the one ACTOR's gazetteer entry belongs to.
    A name the gazetteer gives no entry ("Social Democrats", shared by several countries' parties) becomes
    the state's own entry of that name where there is one ("Sweden's Social Democrats")."""
    owner = gazetteer.lookup_name(owner_text)
    if owner is None or owner.kind != "state":
        return actor
    entry = gazetteer.get_entry(actor.key)
    belongs_to = state_key_of(entry)
    if belongs_to == owner.key and actor.kind == "organisation" and head_text.lower() in legislature_heads():
        return _with_alias(actor, f"{owner_text}'s {head_text}")  # "Norway's parliament", the Storting
    if belongs_to == owner.key or (entry is not None and belongs_to is None):
        return actor
    own = _listed_body(owner, head_text)  # "France's Senate" is the French Senate
    if own is not None:
        return _with_alias(own, f"{owner_text}'s {head_text}")
    if entry is None:
        return actor
    return _new_body(owner, owner_text, head_text)


def _listed_body(owner, head_text: str) -> Actor | None:
    """The gazetteer's body of state OWNER named by a demonym and HEAD_TEXT ("French Senate"), or
    the one body of OWNER that HEAD_TEXT refers back to ("Norway's parliament" is the Storting)."""
    for demonym in sorted(owner.demonyms):
        own = gazetteer.lookup_name(f"{demonym} {head_text}")
        if own is not None and state_key_of(own) == owner.key:
            return entry_actor(own)
    own_bodies = [e for e in gazetteer.lookup_nominal(head_text) if state_key_of(e) == owner.key]
    return entry_actor(own_bodies[0]) if len(own_bodies) == 1 else None


def _new_body(owner, owner_text: str, head_text: str) -> Actor:
    """A body of state OWNER the gazetteer does not list: "Paraguay's Senate", "Kenya's parliament"."""
    label = f"{owner_text}'s {head_text}"
    return Actor(key=slugify(label), label=label, kind="organisation", aliases=frozenset({label}),
                 affiliation=entry_actor(owner))


def _state_legislature(words: list[str], text: str) -> Actor | None:
    """"The Czech parliament", "Kenya's parliament", "the Czech Chamber of Deputies": a state's
    legislature, an actor of its own (its gazetteer entry where it has one: "the French Senate")."""
    if len(words) < 2 or words[-1].lower() not in legislature_heads():
        return None
    owner = re.sub(r"['’]s$", "", words[0])
    state = gazetteer.lookup_demonym(owner) or gazetteer.lookup_name(owner)
    if state is None or state.kind != "state":
        return None
    name = " ".join(words)
    entry = gazetteer.lookup_name(name)
    if entry is not None:
        return _with_alias(entry_actor(entry), text)
    listed = _listed_body(state, " ".join(words[1:])) if len(words) == 2 else None
    if listed is not None:
        return _with_alias(listed, text)  # "the Norwegian parliament" is the Storting
    return Actor(key=slugify(name), label=name, kind="organisation", aliases=frozenset({name, text}),
                 affiliation=entry_actor(state))


def state_key_of(entry) -> str | None:
    """The key of the state an entry belongs to, following its affiliations."""
    seen = set()
    while entry is not None and entry.key not in seen:
        if entry.kind == "state":
            return entry.key
        seen.add(entry.key)
        entry = gazetteer.get_entry(entry.affiliation) if entry.affiliation else None
    return None


# a company's legal form after its name: "Harland Resources Plc" is "Harland Resources"
_LEGAL_FORM = re.compile(r",?\s+(?:plc|ltd\.?|limited|inc\.?|incorporated|corp\.?|corporation|co\.|llc|ag|sa|s\.a\.|"
                         r"nv|n\.v\.|gmbh|se|asa|ab|bhd|berhad|spa|s\.p\.a\.|pty)$", re.IGNORECASE)


def _organisation(name: str) -> Actor:
    """An organisation named in the text; "The Green Party" and "the Green Party" are one actor, and
    so are "Karoo Platinum Ltd." and "Karoo Platinum"."""
    bare = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE) or name
    short = _LEGAL_FORM.sub("", bare)
    if short != bare and short[:1].isupper():
        return Actor(key=slugify(short), label=short, kind="organisation", aliases=frozenset({name, bare, short}))
    return Actor(key=slugify(bare), label=bare, kind="organisation", aliases=frozenset({name, bare}))


@lru_cache(maxsize=1)
def party_descriptors() -> frozenset[str]:
    """"far-right", "separatist": before an unknown capitalised name, a party's description."""
    return lexicon_words("party_descriptors.txt")


@lru_cache(maxsize=1)
def organisation_heads() -> frozenset[str]:
    return lexicon_words("organisation_heads.txt")


@lru_cache(maxsize=1)
def organisation_words() -> frozenset[str]:
    """The words that say a phrase names an organisation: its heads ("union", "coalition") and the
    generic nouns ("group", "company")."""
    return organisation_heads() | GENERIC_ORGANISATION_NOUNS


def _title_gender(surface: str, name: str) -> str | None:
    """The gender the words before NAME in SURFACE give ("Mrs. Clinton", "Congressman Ray Lee")."""
    surface = _clean(surface)
    at = surface.find(name)
    return gender_of_words(surface[:at]) if at > 0 else None


def _prefix_affiliation(prefix_text: str, person_name: str) -> Actor | None:
    """"Republican Donald Trump", "Ukrainian Volodymyr Zelensky": a demonym or party before the name."""
    if not prefix_text.endswith(person_name):
        return None
    for word in prefix_text[: len(prefix_text) - len(person_name)].split():
        entry = gazetteer.lookup_demonym(word)
        if entry is not None:
            return entry_actor(entry)
    return None


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text or "")
    text = text.strip(" ,.;:\"“”'‘’()[]—–-")
    text = re.sub(r"(’s|'s|’|')$", "", text).strip()
    return text


def _after_description(words: list[str]) -> list[str]:
    """WORDS from the first capitalised one, when lowercase words come before it: "opposition
    Congress party" -> "Congress party"; empty when there is nothing to cut or nothing capitalised."""
    for i, word in enumerate(words):
        if word[:1].isupper():
            return words[i:] if i else []
        if not word.replace("'", "").replace("’", "").replace("-", "").isalpha():
            return []
    return []


def _looks_like_name(words: list[str]) -> bool:
    content = [_HYPHEN_PARTICLE.sub("", w) for w in words if w.lower() not in _NAME_PARTICLES]
    return bool(content) and all(_NAME_TOKEN.match(w) for w in content) and len(content) <= 6


# a lowercase particle joined to a name: "al-Mukhaini", "el-Sisi", "bin-Salman", "d'Estaing"
_HYPHEN_PARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ibn|bin|ben|abu|ul|ud|ur)-(?=[A-Z])|^d['’](?=[A-Z])")


_GENERIC_ROLES = {"chief", "head", "leader", "boss", "top official", "official"}


def _same_role(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    a, b = a.lower(), b.lower()
    if a in _GENERIC_ROLES or b in _GENERIC_ROLES:  # "UN chief" is whoever heads the UN in the article
        return True
    return a == b or a.endswith(b) or b.endswith(a)


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


def entity_parts(ent: Span) -> list[Span]:
    """A person entity split at an inner possessive: the tagger reads "Palin's Trump endorsement"
    as one name, "Palin's Trump"; the possessor and the possessed are two people."""
    if ent.label_ != "PERSON":
        return [ent]
    cuts = [t.i for t in ent[:-1] if (t.tag_ == "POS" or t.lower_ in ("'s", "’s")) and t.i > ent.start]
    if not cuts:
        return [ent]
    doc, cut = ent.doc, cuts[0]
    return [Span(doc, ent.start, cut, label=ent.label_), Span(doc, cut + 1, ent.end, label=ent.label_)]


def entity_of(token: Token) -> Span | None:
    if not token.ent_type_:
        return None
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if ent is None:
        return None
    return next((part for part in entity_parts(ent) if part.start <= token.i < part.end), ent)


def entity_name(token: Token) -> str:
    """The name of the entity TOKEN is part of (or TOKEN's own text), without a possessive:
    "Mexico City" for the "City" of "Mexico City's legislature"."""
    entity = entity_of(token)
    return _clean(entity.text if entity is not None else token.text)


def mention_span(token: Token) -> Span:
    """The noun phrase naming an actor at TOKEN: its entity plus titles and modifiers before it."""
    doc = token.doc
    ent = entity_of(token)
    start, end = (ent.start, ent.end) if ent is not None else (token.i, token.i + 1)
    left = sorted((t for t in token.subtree if t.i < start), key=lambda t: t.i)
    named = token.pos_ == "PROPN" and token.text[:1].isupper()
    while left and left[-1].i == start - 1 and (
            left[-1].dep_ in ("compound", "amod", "nmod", "det", "punct", "nummod", "npadvmod")
            or (named and left[-1].dep_ in ("poss", "case") and (left[-1].text[:1].isupper() or left[-1].text in ("'", "’")))):
        # (a capitalised possessive inside a name: "the Punjab Growers' Board")
        if left[-1].dep_ == "punct" and left[-1].text not in ("-", "–", "."):
            break
        start -= 1
        left.pop()
    if token.i >= end:
        end = token.i + 1
    if ent is None and (token.pos_ == "PROPN" or token.text[:1].isupper()):
        # "Alternative for Germany", "Alliance of Small Island States" untagged: the name goes on
        # (after a capitalised common noun only into a gazetteer name: "Brothers of Italy", not "Residents of Italy")
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "of") and child.i == end:
                objects = [c for c in child.children if c.dep_ == "pobj" and c.text[:1].isupper()]
                if objects and all(t.text[:1].isupper() or t.is_punct or t.lower_ in ("of", "and", "the", "for")
                                   for t in doc[child.i + 1:child.right_edge.i + 1]) and (
                        token.pos_ == "PROPN" or gazetteer.lookup_name(doc[start:child.right_edge.i + 1].text)):
                    end = child.right_edge.i + 1
    return doc[start:end]

"""Find positions in one parsed sentence: who (actor) takes which stance on what (proposal).

Works on spaCy's dependency parse. A cue from the lexicon anchors each position; the
actor is found from the cue's subject (through conjunctions, control verbs, relative
clauses and reported speech) and the proposal from its object or prepositional
complement. Negation, refusal, conditionals and questions adjust or cancel it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterator

from spacy.tokens import Span, Token

from kg.extract.actors import (GOVERNMENT_NOUNS, GROUP_PRONOUNS, PERSON_PRONOUNS, PRONOUN_GENDER, RELATIVE_PRONOUNS,
                               RULING_COALITION, SPEAKER_PRONOUNS, ActorResolver, entity_of, entry_actor,
                               mention_span, organisation_heads, owned_by_state)
from kg import gazetteer
from kg.extract.lexicon import Cue, Lexicon
from kg.extract.proposals import ProposalMemory, clause_proposal, noun_proposal, with_proposer
from kg.iris import slugify
from kg.model import Actor, Proposal

SUBJECT_DEPS = ("nsubj", "csubj")
ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
_CONTAINER_PREPS = ("for", "of", "to", "on")
_QUANTIFIERS = {"lot", "lots", "many", "some", "most", "few", "majority", "minority", "number", "millions",
               "thousands", "hundreds", "half", "percent", "share", "plenty", "dozens", "none", "all"}
_ANAPHORIC_DETS = {"this", "that", "the", "these", "those", "such"}
_OWN_GOVERNMENT_NOUNS = {"government", "administration", "cabinet", "country", "province"}
_OWN_STATE_NOUNS = {"government", "country"}  # the speaker's own, when affiliated to a state ("her province" stays the speaker)
_OWN_GOVERNMENT_DETS = {"the", "his", "her", "our", "my", "their"}
_PLURAL_PRONOUNS = {"they", "them", "their", "we", "us", "our"}
# people whose abandonment is a position on their candidacies
_CANDIDATE_NOUNS = {"candidate", "nominee", "incumbent", "contender", "frontrunner", "front-runner"}
# verbs that judge their object by an adjective: "found the plan unacceptable"
_JUDGING_VERBS = {"find", "consider", "deem", "call", "judge", "declare", "think"}
_COPULAS = {"be", "remain", "seem", "look", "sound"}
_POSSESSIVE_PRONOUNS = {"its", "their", "his", "her", "our", "my", "your"}
# a course a government or body announces in a lead ("will take control of lithium projects")
_ACTION_CUE = Cue(lemma="will", pos="verb", stance="supports", weight=0.72, object=True)
# what "the bill has the backing of Y" is about: the subject, a proposal of a known type
_BORNE_CUE = Cue(lemma="borne", pos="noun", stance="supports", weight=0.85, object=True, object_types_only=True)
# a verdict noun is no cue of its own in cues.toml: it rejects, typed things only ("called the
# rally a joke" is about no proposal)
_VERDICT_CUE = Cue(lemma="verdict", pos="noun", stance="rejects", weight=0.7, object=True, object_types_only=True)
# what praise of an outcome is seldom about: "called the outcome a win", "said the move was a boon"
_EVENT_ANAPHORS = frozenset({"vote", "outcome", "result", "move", "step", "decision", "victory", "win", "change"})
# what an actor who refuses a proposal "unless" something is done wants done
_CONDITION_CUE = Cue(lemma="unless", pos="verb", stance="supports", weight=0.7, object=True, object_types_only=False)
# auxiliaries that make a that-clause after "demand", "call", "insistence" a course of action
_DEONTIC_AUX = {"should", "must", "shall", "would", "will", "need", "ought"}


@dataclass
class Position:
    actors: list[Actor]
    stance: str
    proposal: Proposal
    cue: str
    confidence: float
    via_coreference: bool = False
    author: Actor | None = None  # the proposal's author where the text names one (kg.extract.pipeline)


@dataclass
class SentenceContext:
    """What resolving one sentence needs: the article's memories and where the sentence is."""

    lexicon: Lexicon
    resolver: ActorResolver
    memory: ProposalMemory
    offset: int  # character offset of the sentence's doc in the article
    is_headline: bool = False
    sentence_index: int = 0  # which sentence of the article, in reading order
    used_anaphora: set = field(default_factory=set)
    is_lead: bool = False  # the body's first sentence, where wire news states what happened

    def position_of(self, token: Token) -> int:
        return self.offset + token.idx


def _is_question(sent: Span) -> bool:
    return sent.text.rstrip(" \"'”’").endswith("?")


def _inside_quote(token: Token, sent: Span) -> bool:
    quotes = sum(1 for t in sent if t.i < token.i and t.text in ('"', "“", "”", "''", "``"))
    return quotes % 2 == 1


def _speech_subject(token: Token, ctx: SentenceContext) -> Token | None:
    """The speaker of the reported speech containing TOKEN ("..., he said"; "X said that ...")."""
    node = token
    while node.head != node:
        head = node.head
        if head.lemma_.lower() in ctx.lexicon.speech_verbs and node.dep_ in ("ccomp", "parataxis", "xcomp", "advcl", "conj"):
            subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
            if subjects:
                return subjects[0]
        node = head
    root = token.sent.root
    if root.lemma_.lower() in ctx.lexicon.speech_verbs:
        subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS]
        if subjects and subjects[0] != token:
            return subjects[0]
    return None


def learn_pronoun_genders(sent: Span, ctx: SentenceContext) -> None:
    """Genders the syntax gives away: "X said she ...", "X described himself as ...". A pronoun
    tied this way to a named person tells which later "he" or "she" can refer to them."""
    for token in sent:
        gender = PRONOUN_GENDER.get(token.lower_)
        if gender is None:
            continue
        named = None
        if token.lower_ in ("himself", "herself"):
            named = find_subject(token.head, ctx.lexicon) if token.head.pos_ in ("VERB", "AUX") else None
        elif token.dep_ in ("nsubj", "nsubjpass"):
            named = _speech_subject(token, ctx)
        if named is None or named.ent_type_ != "PERSON" or named.lower_ in PRONOUN_GENDER:
            continue
        actor, _ = resolve_actor_token(named, ctx)
        ctx.resolver.learn_gender(actor, gender)


def resolve_actor_token(token: Token, ctx: SentenceContext, depth: int = 0) -> tuple[Actor | None, bool]:
    """The actor at TOKEN and whether it took coreference to find it."""
    lower = token.text.lower()
    if lower in SPEAKER_PRONOUNS:
        speaker = _speech_subject(token, ctx)
        if speaker is not None and depth < 2 and speaker.text.lower() not in SPEAKER_PRONOUNS:
            actor, _ = resolve_actor_token(speaker, ctx, depth + 1)
            return actor, True
        return None, True
    if token.dep_ == "poss" and token.head.dep_ == "pobj" and depth < 2:
        addressee = _addressee_of_for_phrase(token.head.head)
        if addressee is not None and (lower in PERSON_PRONOUNS) == (addressee.ent_type_ == "PERSON" or addressee.lower_ in PERSON_PRONOUNS):
            # "X blasted Y for his support of Z": the possessive is Y's
            actor, _ = resolve_actor_token(addressee, ctx, depth + 1)
            return actor, True
    if token.dep_ == "poss" and token.head.dep_ == "conj" and lower in PERSON_PRONOUNS and depth < 2:
        # "Rubio's voting record and his support for X": the conjoined noun's named possessor
        owner = next((c for c in token.head.head.children if c.dep_ == "poss" and (
            c.ent_type_ == "PERSON" or (c.pos_ == "PROPN" and ctx.resolver.knows_person(c.text)))), None)
        if owner is not None:
            actor, _ = resolve_actor_token(owner, ctx, depth + 1)
            return actor, True
    if lower in PERSON_PRONOUNS or lower in GROUP_PRONOUNS:
        # "X says he backs ...": the pronoun in reported speech is the speaker
        speaker = _speech_subject(token, ctx)
        if speaker is not None and speaker != token and depth < 2 and speaker.text.lower() not in PERSON_PRONOUNS | GROUP_PRONOUNS:
            actor, _ = resolve_actor_token(speaker, ctx, depth + 1)
            if actor is not None and (lower in PERSON_PRONOUNS) == (actor.kind == "person"):
                return actor, True
        if speaker is not None and speaker != token:
            return None, True  # reported speech of someone unnamed ("voters said they ...")
        return ctx.resolver.resolve_pronoun(token.text, ctx.position_of(token), paragraph_start=ctx.offset), True
    if token.lower_ == "members" and depth < 2 and not any(c.dep_ in ("det", "amod", "nummod") for c in token.children):
        # "Members of the Unite union voted to ...": the membership acting as a body is the union
        body = next((_pobj(c) for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if body is not None and (body.ent_type_ in ("ORG",) or body.lemma_.lower() in organisation_heads()):
            return resolve_actor_token(body, ctx, depth + 1)
    if token.lemma_.lower() in _OWN_GOVERNMENT_NOUNS and token.dep_ in ("nsubj", "nsubjpass") and depth < 2 \
            and all(c.dep_ in ("det", "poss") and c.lower_ in _OWN_GOVERNMENT_DETS for c in token.children):
        # "the minister said her government would not back X", "X said the government would oppose
        # it": the official speaks for it (the state itself is too often unnamed or ambiguous)
        speaker = _speech_subject(token, ctx)
        if speaker is not None and speaker != token and speaker.lower_ not in PERSON_PRONOUNS | GROUP_PRONOUNS \
                and not (token.lower_ in GOVERNMENT_NOUNS and any(c.lower_ == "the" for c in token.children)
                         and ctx.resolver.government_before(ctx.position_of(token), named_only=True)):
            # (a government named before is the one meant; its official then speaks for it)
            actor, _ = resolve_actor_token(speaker, ctx, depth + 1)
            if actor is not None and actor.kind == "state" and token.lower_ in _OWN_STATE_NOUNS:
                return actor, True  # "Chile's foreign minister said her country would ...": Chile
            if actor is not None and actor.kind == "person" and actor.affiliation is not None \
                    and actor.affiliation.kind == "state" and token.lower_ in _OWN_STATE_NOUNS \
                    and _speaks_for(actor, ctx.lexicon):
                # "Foreign Minister X said her government would not ...": the state the official speaks
                # for (who is added beside it, as its official)
                return actor.affiliation, True
            if actor is not None and actor.kind == "person":
                return actor, True
    if token.pos_ == "NOUN" and token.lemma_.lower() in organisation_heads() and depth < 2 and any(
            c.dep_ == "poss" and c.lower_ in PERSON_PRONOUNS for c in token.children):
        # "spokesman X said his party would ...": the party X speaks for, when the text named it
        # ("Progress Party spokesman Bjorn Haugen", "Haugen, a Progress Party lawmaker,")
        speaker = _speech_subject(token, ctx)
        if speaker is not None and speaker.lower_ not in PERSON_PRONOUNS and speaker.ent_type_ == "PERSON":
            for named in speaker.subtree:
                if named.ent_type_ in ("ORG", "NORP") and named.lower_ == token.lower_ and named != token \
                        and not any(t.lower_ in ("former", "ex") for t in named.doc[max(named.i - 4, 0):named.i]):
                    # (not "a former Conservative Party lawmaker now with Reform UK")
                    body, _ = resolve_actor_token(named, ctx, depth + 1)
                    if body is not None and body.kind == "organisation":
                        return body, True
    if lower in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return resolve_actor_token(token.head.head, ctx, depth + 1)
    if token.tag_ == "NNS" and token.lower_ in gazetteer.collective_nouns() and depth < 2 \
            and not any(c.dep_ in ("amod", "compound", "poss", "nummod") for c in token.children):
        # "officials in Nairobi", "diplomats from Qatar": the state they are of
        # ("negotiators in Doha" are often foreigners meeting there: "in" only for those who govern)
        preps = ("in", "from") if token.lower_ in ("officials", "authorities") else ("from",)
        place = next((t for _p, t in _prep_targets(token, preps) if t.ent_type_ == "GPE"), None)
        if place is not None:
            actor, _ = resolve_actor_token(place, ctx, depth + 1)
            if actor is not None and actor.kind == "state":
                return actor, False
    if token.lemma_.lower() in ctx.lexicon.word_sets["organs"] and depth < 2:
        # "Karoo Platinum Ltd.'s board", "the union's leadership": the body it governs
        owner = next((c for c in token.children if c.dep_ == "poss" and c.ent_type_ == "ORG"), None) \
            or next((t for _p, t in _prep_targets(token, ("of",)) if t.ent_type_ == "ORG"), None)  # "the board of X"
        if owner is not None:
            return resolve_actor_token(owner, ctx, depth + 1)
    if depth < 2 and (not token.ent_type_ or any(c.dep_ == "det" and c.lower_ in ("another", "a", "an", "one")
                                                 for c in token.children)):
        # "the chancellor, Petra Vogt, opposes ...", "another Republican, Senator Gary Lindell,
        # defended it": the apposition names the actor
        for child in token.children:
            if child.dep_ == "appos" and child.ent_type_ in ACTOR_ENTS:
                actor, _ = resolve_actor_token(child, ctx, depth + 1)
                if actor is not None:
                    return actor, False
    if token.tag_ in ("NNS", "NNPS") and any(
            (c.dep_ in ("amod", "det", "predet") and c.lower_ in _QUANTIFIERS | {"several", "numerous"})
            or c.dep_ == "nummod" for c in token.children):
        return None, False  # "most Conservative MPs", "two Republican senators": some of a group, not the group
    span = mention_span(token)
    owner = next((c for c in token.children if c.dep_ == "poss" and c.ent_type_ in ("GPE", "NORP")), None)
    if owner is not None and token.lemma_.lower() in ctx.lexicon.word_sets["city_bodies"]:
        # "Mexico City's legislature", "Lima's city council": the capital's own body, not the state's
        city = re.sub(r"['’]s$", "", (entity_of(owner) or owner).text).strip()
        entry = gazetteer.lookup_name(city)
        if entry is not None and entry.kind == "state" and city in entry.metonyms:
            label = f"{city} {token.lemma_.lower()}"
            return Actor(key=slugify(label), label=label, kind="organisation", aliases=frozenset({label, span.text}),
                         affiliation=entry_actor(entry)), False
    if token.lower_ == "house" and owner is not None:
        # "Brazil's lower house of Congress": the possessor says whose chamber
        chamber = ctx.resolver.resolve_text(f"{owner.text}'s {span.text}", None, ctx.position_of(owner))
        if chamber is not None:
            return chamber, False
    label = token.ent_type_ or None
    if label not in ACTOR_ENTS and label is not None:
        label = None
    ent = entity_of(token)
    actor = ctx.resolver.resolve_text(span.text, label, ctx.position_of(span[0]),
                                      core=ent.text if ent is not None else None)
    if actor is None and label in (None, "ORG"):  # ("South Korea's labor ministry", tagged ORG)
        # "Ukrainian officials": a demonym modifying a collective noun
        norp = [t for t in token.children if t.ent_type_ == "NORP" or t.ent_type_ == "GPE"]
        if norp:
            head = "government" if RULING_COALITION.search(span.text) else token.text  # "Germany's ruling coalition"
            names = [(entity_of(t) or t).text for t in norp]  # "Saudi Arabia", not its last word
            actor = ctx.resolver.resolve_text(" ".join(names) + " " + head, None, ctx.position_of(token))
    if actor is not None and actor.kind == "organisation":
        actor = _owned_by_named_state(token, actor)
    coref = token.pos_ != "PROPN" and not token.ent_type_
    return actor, coref


def _owned_by_named_state(token: Token, actor: Actor) -> Actor:
    """"Brazil's Senate" is Brazil's, not the US Senate that a bare "Senate" resolves to."""
    for child in token.children:
        if child.dep_ == "poss" and child.i < token.i:
            ent = entity_of(token)
            return owned_by_state(actor, child.text, ent.text if ent is not None and ent.start > child.i else token.text)
    return actor


def resolve_actors(token: Token, ctx: SentenceContext, relative: Token | None = None) -> tuple[list[Actor], bool]:
    """Every actor named at TOKEN and its conjuncts ("Britain, France and Germany"); RELATIVE is
    the relative clause through which TOKEN was found, if any."""
    actors: list[Actor] = []
    coref_any = False
    nodes = [token, *token.conjuncts]
    pronoun = ""
    if relative is not None:
        pronoun = next((c.lower_ for c in relative.children if c.dep_ in ("nsubj", "nsubjpass")), "")
        if token.dep_ == "conj":
            nodes = [token]  # "Holm and the coalition that drafted X": the relative clause is the coalition's alone
    if token.lower_ in _PLURAL_PRONOUNS and not token.conjuncts:
        # "Germany and France said they back the plan", "'We back it,' X and Y said": every speaker
        speaker = _speech_subject(token, ctx)
        if speaker is not None and speaker.conjuncts and speaker.lower_ not in _PLURAL_PRONOUNS | PERSON_PRONOUNS:
            nodes = [speaker, *speaker.conjuncts]
            coref_any = True
    if token.dep_ == "nsubj" and relative is None and not token.ent_type_:
        # "The environmental group Clean Rivers Alliance condemned X": the parser makes the name a
        # second subject; the description before it adds nothing
        named = next((o for o in token.head.children if o.dep_ == "nsubj" and o.ent_type_ in ACTOR_ENTS
                      and o.left_edge.i == token.i + 1), None)
        if named is not None:
            token, nodes = named, [named, *named.conjuncts]
    if token.dep_ == "nsubj" and relative is None:
        # "The Socialists, their partner Sumar and ... voted": a list the parser split into two subjects
        for other in token.head.children:
            if other.dep_ == "nsubj" and other != token and other.i > token.i and any(
                    t.text == "," or t.dep_ == "cc" for t in token.doc[token.i + 1:other.left_edge.i]):
                nodes.extend([other, *other.conjuncts])  # (not "GreenLeft-Labour", one name split at its hyphen)
    expanded = []
    pending = list(nodes)
    while pending and len(expanded) < 12:
        node = pending.pop(0)
        # "several groups, including Amnesty and Oxfam, urged ...": the named members of the group act
        included = [t for _p, t in _prep_targets(node, ("including",))] if node.tag_ == "NNS" else []
        if not included and node.pos_ == "NOUN" and not node.ent_type_:
            # "Several EU states, led by Hungary, oppose ...": an unnamed group speaks through its leader
            members = [node, *(t for _p, t in _prep_targets(node, ("of",)))]  # "a coalition of 12 countries, led by X"
            led = next((c for m in members for c in m.children
                        if c.dep_ == "acl" and c.lemma_ == "lead" and c.tag_ == "VBN"), None)
            if led is not None:
                included = [t for _p, t in _prep_targets(led, ("by",)) if t.ent_type_ in ACTOR_ENTS]
        if not included and node.tag_ == "NNS" and node.lemma_.lower() in ctx.lexicon.word_sets["party_members"] \
                and not any(c.dep_ in ("nummod",) or c.lower_ in _QUANTIFIERS for c in node.children):
            # "Lawmakers from the Civic Democratic Party, TOP 09 and STAN voted for it": their parties
            # (not "two lawmakers from X" or "some members of X": some of a party is not the party)
            included = [t for _p, t in _prep_targets(node, ("from", "of"))
                        if t.ent_type_ in ("ORG", "NORP") or (t.pos_ == "PROPN" and t.text[:1].isupper())]
        named = [c for c in node.children if c.dep_ == "appos" and (c.ent_type_ in ACTOR_ENTS or c.pos_ == "PROPN")] \
            if not node.ent_type_ and node.pos_ == "NOUN" else []
        if named and not included:  # "their partner Sumar and the Catalan parties Junts and ERC": each named
            pending[:0] = [c for c in [named[0], *named[0].conjuncts] if c not in expanded and c not in pending]
            continue
        if node.tag_ == "NNS" and node.dep_ == "conj" and not node.ent_type_ and not included:
            # "The CGT and CFDT unions": the plural noun is shared, the names are the actors
            owners = [c for c in node.children if c.dep_ == "compound" and c.ent_type_ in ("ORG", "NORP")]
            if owners:
                expanded.extend(owners)
                continue
        if node.pos_ == "PROPN":
            # "The Socialists, their partner Sumar and ...": a list the parser read as an apposition
            pending.extend(c for c in node.children if c.dep_ == "appos" and c.pos_ == "NOUN" and any(
                g.dep_ == "appos" and (g.ent_type_ in ACTOR_ENTS or g.pos_ == "PROPN") for g in c.children)
                and c not in expanded and c not in pending)
        expanded.extend(included or [node])
    nodes = expanded
    for node in nodes:
        if node.pos_ in ("VERB", "AUX") and not (node.tag_ == "MD" and node.text[:1].isupper()):
            continue  # (a capitalised "modal" found as the subject is a name: "Will urged ...")
        actor, coref = resolve_actor_token(node, ctx)
        if actor is not None and actor.kind == "person" and pronoun == "which" and len(nodes) > 1:
            continue  # "Holm and the Green Party, which drafted X": "which" is no person
        if actor is not None and actor.key not in {a.key for a in actors}:
            actors.append(actor)
            coref_any = coref_any or coref
    if len(actors) == 1 and len(nodes) == 1 and actors[0].kind in ("state", "organisation"):
        official = _official_speaking_for(token, actors[0], ctx)
        if official is not None and official.key != actors[0].key:
            actors.append(official)
    return actors, coref_any


def _speaks_for(person: Actor, lex: Lexicon) -> bool:
    """Whether PERSON's role is one whose holder states a body's position (a minister, an envoy)."""
    role = (person.role or "").lower()
    words = lex.official_role_words
    return bool(role) and (role in words or any(w in words for w in role.split()))


def _official_speaking_for(token: Token, body: Actor, ctx: SentenceContext) -> Actor | None:
    """The named official whose reported speech gives BODY's position ("Canada will not sign X,
    Trade Minister Y said"; "EU commissioner Y said Brussels backs X"): the position is theirs too."""
    if token.dep_ not in ("nsubj", "nsubjpass") or _inside_quote(token, token.sent):
        return None
    speaker = _speech_subject(token, ctx)
    described_as = None
    if speaker is not None and speaker.ent_type_ != "PERSON":
        # "Egypt's foreign minister, Sameh Hassan, told reporters ...": the apposition names the
        # speaker, the noun it stands beside says what they are
        named = next((c for c in speaker.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        if named is not None:
            described_as, speaker = speaker.lower_, named
    if speaker is None or speaker == token or speaker.ent_type_ != "PERSON":
        return None
    person, _ = resolve_actor_token(speaker, ctx, 1)
    if person is None or person.kind != "person":
        return None
    if not (_speaks_for(person, ctx.lexicon) or described_as in ctx.lexicon.official_role_words):
        return None
    if person.affiliation is not None and person.affiliation.key != body.key:
        return None  # "French Foreign Minister Y said Iran will not sign X": not France's position
    if person.affiliation is None and body.kind != "state":
        return None  # an unaffiliated official speaks for a body only when the text ties them to it
    return person


def find_subject(verb: Token, lexicon: Lexicon, depth: int = 0) -> Token | None:
    """The token naming who does VERB, climbing through conjunction, control and relative clauses."""
    if depth > 5:
        return None
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.text.lower() in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    if verb.tag_ in ("VBD", "VBN"):
        for child in verb.children:
            if child.dep_ == "aux" and child.tag_ == "MD" and child.text[:1].isupper() and child.i < verb.i \
                    and not any(a.dep_ in ("aux", "auxpass") and a.tag_ != "MD" for a in verb.children):
                return child  # "Instead, Will called for ...": a capitalised "modal" before a past form is a name
    if depth > 0:
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                return child  # "X are united in supporting Y", "X was urged to accept Y": X
    dep = verb.dep_
    head = verb.head
    if head == verb:
        return None
    if dep == "conj":
        subject = find_subject(head, lexicon, depth + 1)
        reported = head.dep_ == "ccomp" and head.i < verb.i and (
            head.head.lemma_.lower() in lexicon.speech_verbs or head.head.lemma_.lower() in lexicon.word_sets["warning_verbs"])
        perfect_then_past = any(a.dep_ == "aux" and a.lower_ == "had" for a in head.children) \
            and verb.tag_ == "VBD" and not any(a.dep_ == "aux" for a in verb.children) \
            and verb.lemma_.lower() in lexicon.word_sets["pledging_verbs"]  # "... and promised to repeal it"; not "... and rejected it"
        if subject is not None and reported and (_names_a_proposal(subject, lexicon) or perfect_then_past):
            # "X said the bill did not go far enough and called for Y": the parser joins the call to
            # the reported clause, whose subject is a proposal; the speaker makes the call. So too
            # "X said the government had sold Y and promised to repeal Z", where the tenses tell it
            return find_subject(head.head, lexicon, depth + 1)
        return subject
    if dep == "pcomp" and head.pos_ == "ADP" and head.head != head:
        addressee = _addressee_of_for_phrase(head)
        if addressee is not None:
            return addressee  # "criticized Clinton for accepting X": Clinton accepts
        return find_subject(head.head, lexicon, depth + 1) if head.head.pos_ in ("VERB", "AUX") else None
    if dep in ("xcomp", "advcl", "pcomp"):
        if dep == "xcomp" and any(c.dep_ in ("dobj", "dative") for c in head.children) and head.lemma_.lower() not in ("help",):
            return None  # object control: "urged Iran to accept" is not Iran accepting
        if head.pos_ in ("VERB", "AUX"):
            return find_subject(head, lexicon, depth + 1)
        if head.pos_ == "ADJ":  # "willing to engage", "ready to sign"
            if head.dep_ in ("oprd", "advcl"):  # "empowers senators willing to back X": the object is willing
                objects = [c for c in head.head.children if c.dep_ == "dobj" and c.right_edge.i == head.i - 1]
                if objects:
                    return objects[0]
            return find_subject(head.head, lexicon, depth + 1) if head.head != head else None
    if dep in ("relcl", "acl"):
        noun = head
        if noun.dep_ == "appos" and noun.pos_ in ("PRON", "DET") and noun.head != noun:
            noun = noun.head  # "with X, Y and Z all calling for ...": "all" stands for X, Y and Z
        if noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in _QUANTIFIERS:
            return None  # "lots of Democrats supporting X" are some people, not the party
        # "Ukraine was one of the first to support": climb to the copula's subject
        node = noun
        for _ in range(4):
            if node.dep_ in ("attr", "acomp") or (node.dep_ == "prep" and node.lower_ == "among"
                                                  and node.head.lemma_ == "be"):
                # ("X, Y and Z are among the countries backing it": the copula's subject)
                return find_subject(node.head, lexicon, depth + 1)
            if node.dep_ in ("pobj", "prep"):
                node = node.head
                continue
            break
        if noun.lemma_.lower() in lexicon.documents and noun.dep_ == "dobj" \
                and noun.head.lemma_.lower() in lexicon.document_verbs:
            # "X and Y issued a joint statement backing the deal": the statement speaks for its issuers
            return find_subject(noun.head, lexicon, depth + 1)
        if noun.lemma_.lower() in lexicon.documents and noun.dep_ == "pobj" \
                and noun.head.head.lemma_.lower() in lexicon.document_verbs:
            # "X signed on to a letter urging Y": the signatories speak through it
            return find_subject(noun.head.head, lexicon, depth + 1)
        if dep == "acl" and verb.tag_ == "VBG" and noun.tag_ in ("NNS", "NNPS") and verb.i > noun.i \
                and not any(t.is_punct for t in verb.doc[noun.i + 1:verb.i]):
            return None  # "House Republicans supporting the bill said ...": those of them who do, not the party
        if noun.pos_ in ("PROPN", "NOUN", "PRON"):
            return noun
    if dep in ("acomp", "oprd") and head.pos_ in ("VERB", "AUX"):
        return find_subject(head, lexicon, depth + 1)
    return None


def _names_a_proposal(token: Token, lexicon: Lexicon) -> bool:
    """Whether TOKEN is a common noun for no one who could take a side ("the bill", "a permanent
    exemption"): not a person or group word, a role, an organisation or a government."""
    if token.pos_ != "NOUN" or token.ent_type_:
        return False
    lemma = token.lemma_.lower()
    return not (lemma in lexicon.people or token.lower_ in lexicon.people or lemma in gazetteer.collective_nouns()
                or lemma in organisation_heads() or gazetteer.is_role_word(lemma) or lemma in GOVERNMENT_NOUNS
                or lemma in _OWN_GOVERNMENT_NOUNS or any(c.ent_type_ in ACTOR_ENTS for c in token.children))


def _addressee_of_for_phrase(prep: Token) -> Token | None:
    """The named object of "VERB X for ...": praising, blaming or criticising X for doing or
    supporting something says what X did, not what the subject did."""
    verb = prep.head
    if prep.lower_ != "for" or prep.dep_ != "prep" or verb.pos_ != "VERB":
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < prep.i]
    if objects and (objects[0].ent_type_ in ACTOR_ENTS or objects[0].lower_ in ("him", "her", "them")):
        return objects[0]
    return None


def _pobj(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ in ("pobj", "pcomp"):
            return child
    return None


def _prep_targets(token: Token, preps: tuple[str, ...]) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs under TOKEN for the given prepositions, incl. "in favor of"."""
    for child in token.children:
        if child.dep_ not in ("prep", "agent", "dative"):
            continue
        word = child.text.lower()
        if word in preps:
            target = _pobj(child)
            if target is not None and target.ent_type_ in ("DATE", "TIME"):
                continue  # "agreed on Monday to extend X": a date is when, never what
            if target is not None:
                yield word, target
                for conj in target.conjuncts:
                    yield word, conj


def _announced(verb: Token, ctx: SentenceContext) -> bool:
    """Whether VERB is a course its subject says it will take: "will" before it, in the main
    clause or in what someone announced or said ("..., the minister said"), not negated."""
    if not any(c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in verb.children):
        return False
    if any(c.dep_ in ("neg", "mark") for c in verb.children):
        return False  # "will not", "if it will": no announcement
    return verb.dep_ == "ROOT" or (verb.dep_ in ("ccomp", "parataxis") and verb.head.lemma_.lower() in ctx.lexicon.speech_verbs)


@dataclass
class ReportedVerdict:
    """A verdict on a proposal in someone's reported words: "X said the law violated Y"."""

    speaker: Token
    judged: Token  # the subject the verdict is passed on
    negated: bool
    modal: float


def _reported_verdict(clause: Token, ctx: SentenceContext, also_negated_by: Token | None = None) -> ReportedVerdict | None:
    """The speaker and the judged subject of CLAUSE (a copula or a verb) when it is someone's
    reported speech ("'The ruling is flawed,' Li said"); None for the author's own words, a
    judged "this" or "that", or a hypothetical. ALSO_NEGATED_BY: a predicate whose own "not"
    counts too ("not acceptable")."""
    judged = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    speaker = _speech_subject(clause, ctx)
    if judged is None or speaker is None or speaker == judged or judged.lower_ in ("this", "that"):
        return None
    modal = _modal_factor(clause, ctx)
    if modal is None:
        return None
    negated = any(c.dep_ == "neg" for c in clause.children) or (
        also_negated_by is not None and any(c.dep_ == "neg" for c in also_negated_by.children))
    return ReportedVerdict(speaker, judged, negated, modal)


def _bare_vote(verb: Token) -> str | None:
    """The stance of "voted in favour" or "voted against" with nothing after it, else None."""
    for child in verb.children:
        if child.dep_ != "prep" or any(c.dep_ in ("pobj", "pcomp") and c.lower_ not in ("favour", "favor")
                                       for c in child.children):
            continue
        if child.lower_ == "against":
            return "rejects"
        if child.lower_ == "for" or (child.lower_ == "in" and any(c.lower_ in ("favour", "favor") and not any(
                g.dep_ == "prep" for g in c.children) for c in child.children)):
            return "supports"
    return None


def _noun_prep_targets(token: Token, preps: tuple[str, ...], lex: Lexicon) -> list[tuple[str, Token]]:
    """_prep_targets of a noun, or else of the verb it is the object of when the phrase follows the
    noun's own and the verb takes a side or carries a noun cue: "rejected a proposal by X and Y for
    a truce", where the parser hangs "for a truce" on "rejected"."""
    pairs = list(_prep_targets(token, preps))
    verb = token.head
    if pairs or token.dep_ != "dobj" or verb.pos_ != "VERB" or not (
            verb.lemma_.lower() in lex.verbs or verb.lemma_.lower() in lex.light_verbs) \
            or verb.lemma_.lower() in lex.word_sets["reason_verbs"]:
        return pairs  # ("criticised the plan for ignoring farmers": for a reason, not a proposal)
    end = token.right_edge.i + 1
    late = [c for c in token.head.children if c.dep_ == "prep" and c.i == end]
    return [(word, target) for child in late for word, target in _prep_targets(child.head, preps)
            if target.head == child and target.pos_ in ("NOUN", "PROPN")]


def _modal_factor(verb: Token, ctx: SentenceContext) -> float | None:
    """1.0 for a plain statement, < 1 for a conditional one, None for a hypothetical or question."""
    factor = 1.0
    for child in verb.children:
        if child.dep_ in ("aux",) and child.lemma_.lower() in ctx.lexicon.conditional:
            factor *= 0.7
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lemma_.lower() in ctx.lexicon.hypothetical_marks
                                         for m in child.children):
            factor *= 0.75
    node = verb
    while True:
        marks = {m.lower_ for m in node.children if m.dep_ == "mark"}
        if node.dep_ == "advcl" and marks & ctx.lexicon.hypothetical_marks:
            return None  # "if X backs the deal, ..." reports no position
        if "for" in marks and any(a.dep_ == "aux" and a.lower_ == "to" for a in node.children):
            return None  # "called for Germany to back the treaty": what someone wants Germany to do
        if "whether" in marks or ("if" in marks and node.dep_ in ("ccomp", "pcomp", "pobj", "xcomp", "dobj")):
            return None  # "asked whether X backs", "questions as to whether X still supports"
        if node.head == node:
            break
        head_lemma = node.head.lemma_.lower()
        if node.dep_ in ("ccomp", "pcomp", "pobj", "xcomp", "prep") and head_lemma in ctx.lexicon.disputing_verbs:
            return None  # "denied that he backs", "accused him of supporting"
        if node.dep_ in ("acl", "ccomp", "appos") and node.head.pos_ == "NOUN" and head_lemma in ctx.lexicon.unasserted_nouns:
            return None  # "the claim that X supports Y"
        if node.dep_ == "ccomp" and node.head.pos_ == "VERB" and not _pronoun_subject(node):
            believers = [c for c in node.head.children if c.dep_ == "nsubj"]
            if head_lemma in ctx.lexicon.belief_verbs and believers and believers[0].lower_ not in ("i", "we"):
                return None  # "analysts believe Poland will veto X": a guess at Poland's position
            if head_lemma in ctx.lexicon.speech_verbs and believers \
                    and believers[0].lemma_.lower() in ctx.lexicon.hostile_speakers:
                return None  # "critics say X secretly backs Y": an allegation
        node = node.head
    return factor


def _without_tail(proposal: Proposal, tail: str, lex: Lexicon) -> Proposal:
    """PROPOSAL without TAIL at the end of its label ("ceasefire from Egypt" -> "ceasefire")."""
    first = tail.split()[0].lower()
    at = proposal.label.lower().rfind(" " + first + " ")

    def words(text: str) -> str:
        return re.sub(r"\W+", " ", text).strip().lower()

    if at < 0 or not words(tail).startswith(words(proposal.label[at:])):
        return proposal
    label = proposal.label[:at].rstrip(" ,")
    concept, canonical = lex.synonyms.get(label.lower(), (proposal.proposal_type, label))
    return Proposal(slugify(canonical), canonical, concept, proposal.qualifiers, proposal.proposer,
                    proposal.aliases | {label})


def _pronoun_subject(clause: Token) -> bool:
    """Whether CLAUSE's subject is a pronoun (the believer or speaker themself: "X thinks he can back Y")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON" for c in clause.children)


def _negate(stance: str | None) -> str | None:
    """Not supporting is rejecting; not rejecting says nothing (None: no statement)."""
    return "rejects" if stance == "supports" else None


def _polarity(verb: Token, cue_stance: str, ctx: SentenceContext) -> tuple[str | None, float]:
    """The stance after negation and control verbs ("refused to back" -> rejects)."""
    stance = cue_stance
    factor = 1.0
    negated = any(c.dep_ == "neg" for c in verb.children)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and any((c.dep_ in ("preconj", "det") and c.lower_ == "neither") or (c.dep_ == "det" and c.lower_ == "no")
                                   for c in subject.children):
        negated = not negated  # "Neither X nor Y supports the plan"
    if any(c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)
           for c in verb.children):
        negated = not negated  # "X no longer supports the plan"
    if verb.dep_ == "xcomp" or (verb.dep_ == "conj" and verb.head.dep_ == "xcomp"):
        governor = verb.head if verb.dep_ == "xcomp" else verb.head.head
        lemma = governor.lemma_.lower()
        if any(c.dep_ == "neg" for c in governor.children):
            negated = not negated
        elif governor.pos_ == "ADJ" and governor.dep_ == "acomp" and any(c.dep_ == "neg" for c in governor.head.children):
            negated = not negated  # "was not willing to back X": the negation sits on the copula
        if lemma in ctx.lexicon.control_flip:
            if stance == "supports":
                return "rejects", 0.9
            return None, 0.0
        if lemma in ctx.lexicon.control_drop:
            return None, 0.0
    if negated:
        if any(c.lower_ in ("yet", "immediately") for c in verb.children if c.dep_ == "advmod"):
            return None, 0.0  # "has not yet endorsed": undecided, not opposed
        if stance == "supports":
            return "rejects", 0.8
        return None, 0.0
    return stance, factor


@dataclass
class Target:
    proposal: Proposal
    factor: float = 1.0
    stance_override: str | None = None
    flip: bool = False  # "an end to X", "to repeal X": the position is on X, reversed
    author: Actor | None = None  # who made the offer, bid or plan ("an offer from Harland"): its supporter
    others: tuple = ()  # more proposals the same words refer to ("rejected both versions")


def object_target(token: Token, cue: Cue, ctx: SentenceContext, via_prep: bool = False) -> Target | None:
    """What TOKEN (an object or prepositional object of a cue) proposes, if anything."""
    lex = ctx.lexicon
    lower = token.text.lower()
    lemma = token.lemma_.lower()
    # relative pronoun object: "terms that Ukraine has found unacceptable"
    if (lower in ("that", "which") or (lower == "who" and token.dep_ == "nsubjpass")) and token.head.dep_ == "relcl":
        antecedent = token.head.head
        if lower == "which" and token.head.i > antecedent.i:
            # "proposed raising taxes on income (which Y also supports)": the course of action, not its last noun
            node = antecedent
            while node.dep_ in ("pobj", "prep", "dobj") and node.head != node and node.head.i < node.i:
                node = node.head
                if node.tag_ == "VBG" and node.dep_ in ("xcomp", "dobj", "pcomp", "pobj"):
                    return clause_target(node, cue, ctx, False, 0.85)
            # "the tax on imports, which Y supports": the whole noun phrase, not the last noun in it
            while antecedent.dep_ == "pobj" and antecedent.head.dep_ == "prep" and antecedent.head.head.pos_ == "NOUN":
                antecedent = antecedent.head.head
        return object_target(antecedent, cue, ctx)  # "X, who is backed by Y": Y backs X
    if token.pos_ == "PRON":
        if lower == "it":
            # "X accepted the truce proposal, while Y rejected it": a proposal named earlier in the same sentence
            same = ctx.memory.named_in(ctx.sentence_index)
            if same:
                return Target(same[-1], 0.8)
            # "The cabinet backs the bill. The opposition voted against it.": the one proposal of a
            # known type in the sentence just before (several, or an untyped one, leave "it" open)
            before = {p.key: p for p in ctx.memory.named_in(ctx.sentence_index - 1) if p.proposal_type != "Policy"}
            rivals = [t for t in token.sent if t.i < token.i and t.pos_ in ("NOUN", "PROPN")
                      and t.dep_ in ("dobj", "pobj", "attr", "nsubjpass", "appos")
                      and not any(a.dep_ == "nsubj" for a in t.ancestors)]  # (not "the Union of Korea")
            if len(before) == 1 and not rivals:  # "consider the draft ... and send it": the nearer noun
                return Target(next(iter(before.values())), 0.75)
        if lower in ("they", "them") and token.dep_ == "nsubj" and token.head.lemma_.lower() in lex.harming_verbs:
            # "the sanctions ... would only hurt miners, she said": plural measures named just before
            plural = [p for p in ctx.memory.named_in(ctx.sentence_index) + ctx.memory.named_in(ctx.sentence_index - 1)
                      if p.proposal_type != "Policy" and p.label.lower().split()[-1].endswith("s")]
            if len({p.key for p in plural}) == 1:
                return Target(plural[0], 0.75)
        return None  # a bare "it" or "this" is too often an event, not the last proposal
    if token.pos_ == "VERB" and lemma in lex.deliberating_verbs:
        return None  # "open to reviewing the deal" weighs it without taking a side
    ballot = next((c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "det")
                   and c.lower_ in ("yes", "no")), None) if lemma in ("vote", "ballot") else None
    if lemma == "question" and any(c.dep_ == "compound" and c.lemma_.lower() in ("referendum", "ballot")
                                   for c in token.children):
        ballot = "yes"  # "against the referendum question": against what the referendum proposes
    voted_on = next((t for _p, t in _prep_targets(token, ("on",))), None) if ballot is not None else None
    if voted_on is not None:
        # "urged a Yes vote on the assisted dying bill": on what it names
        inner = object_target(voted_on, cue, ctx, via_prep=True)
        if inner is not None and ballot == "no":
            inner.flip = not inner.flip
        return inner
    if ballot is not None and any(c.dep_ == "prep" and c.lower_ == "in" for c in token.children):
        return None  # "a Yes vote in its strike ballot": a vote that is no proposal
    if ballot is not None:
        # "campaigning for a Yes vote", "urged a No vote": on the question the referendum puts
        question = ctx.memory.last_of_type("Referendum")
        return Target(question, 0.9, flip=ballot == "no") if question is not None else None
    voted_text = lemma in ("resolution", "motion") and cue.lemma not in lex.document_verbs
    if lemma in lex.documents and not voted_text and any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in lex.verbs
                                      and c.tag_ != "VBN" and (any(g.dep_ in ("dobj", "xcomp") for g in c.children)
                                                               or any(True for _p in _prep_targets(c, ("for", "against"))))
                                      for c in token.children):
        # "signed a joint communique endorsing the plan": the communique is how, the plan what (but
        # "voted against a resolution demanding a truce": the resolution is what is voted on)
        return None
    if token.pos_ in ("VERB",) and token.dep_ in ("pcomp", "xcomp", "ccomp", "pobj", "dobj"):
        return clause_target(token, cue, ctx, True, 0.95)
    children = {c.dep_ for c in token.children}
    has_det = any(c.dep_ == "det" and c.text.lower() in _ANAPHORIC_DETS for c in token.children)
    complement = [t for _p, t in (_noun_prep_targets(token, _CONTAINER_PREPS, lex) if lemma in lex.containers
                                  else _prep_targets(token, _CONTAINER_PREPS))]
    if not complement and lemma in lex.containers and token.dep_ == "dobj":
        # "rejected the calls from X for scrapping the ban": the parser hangs "for ..." on the verb
        complement = _hung_complement(token, lex)
    to_clause = [c for c in token.children if c.dep_ in ("acl", "relcl", "xcomp") and c.pos_ == "VERB"
                 and any(a.dep_ == "aux" and a.text.lower() == "to" for a in c.children)]
    if not to_clause and lemma in lex.containers and token.dep_ == "dobj":
        # the small model often hangs "his call to raise X" on the verb: a "to" clause that starts
        # right after the noun phrase still completes the noun
        end = max(t.i for t in token.subtree) + 1
        to_clause = [c for c in token.head.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"
                     and c.left_edge.i == end and c.left_edge.lower_ == "to"]
    if token.tag_ == "NNS" and lemma in lex.anaphora | {"version", "option"} and not complement \
            and any(c.lower_ == "both" for c in token.children):
        # "rejected both versions", "both proposals": the last two named
        recent = ctx.memory.last_distinct(2, ctx.sentence_index)
        if len(recent) == 2:
            return Target(recent[0], 0.8, others=(recent[1],))
    if lemma in lex.word_sets["process_nouns"] and not complement and not to_clause and "poss" not in children:
        # "lobbied for swift approval", "pushed for ratification": of the proposal just named
        last = ctx.memory.last(ctx.sentence_index)
        return Target(last, 0.8) if last is not None else None
    before = token.doc[token.left_edge.i - 2] if token.left_edge.i >= 2 else None
    if lemma in lex.anaphora and token.dep_ == "appos" and not has_det and not complement and not to_clause \
            and before is not None and token.doc[token.left_edge.i - 1].text == "," and before.pos_ == "NOUN" \
            and before.lemma_.lower() not in lex.anaphora:
        # "vowed to cut the levy, a plan the union opposes": the noun sums up the phrase just before
        # it (the parser often hangs it on the subject instead)
        if token.head.pos_ == "NOUN" and token.head.dep_ in ("dobj", "pobj", "attr") and token.head.i < token.i:
            return object_target(token.head, cue, ctx, via_prep)  # "proposed a voucher program for X, a plan ..."
        verb = before.head
        if before.dep_ == "dobj" and verb.pos_ == "VERB" and verb.dep_ in ("xcomp", "ccomp") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in verb.children):
            return clause_target(verb, cue, ctx, False, 0.85)
        return object_target(before, cue, ctx, via_prep)
    if lemma in lex.anaphora and has_det and not complement and not to_clause and "poss" not in children \
            and not children & {"compound", "nmod"}:  # "the peace plan" names its own proposal
        # "the package" is the last "package of sanctions" named, however far back and whatever was
        # said of it then, before the last proposal of any kind
        decided = ctx.memory.last_enacted() if lemma == "decision" else None
        if decided is not None and not ctx.memory.by_head(lemma):
            # "vetoed the plan ... Poland condemned the decision": the decision was against it
            return Target(decided[0], 0.85, flip=decided[1])
        last = ctx.memory.by_head(lemma) or ctx.memory.last(ctx.sentence_index, salient=lemma not in lex.word_sets["event_nouns"])
        if last is not None:
            # "will scrap its subsidy ... welcomed the decision": the decision is to end it; so is
            # "the call" or "the plan" after "called for scrapping the ban"
            return Target(last, 0.85, flip=ctx.memory.is_ended(last))
        if all(c.dep_ in ("det", "punct", "advmod") or (c.dep_ == "acl" and any(a.dep_ == "agent" for a in c.children))
               for c in token.children):
            return None  # "supported the idea", "the plan, backed by X," with nothing proposed just before
    possessor = next((c for c in token.children if c.dep_ == "poss"), None)
    proposer: Actor | None = None
    if possessor is not None and possessor.text.lower() not in ("its", "their", "his", "her", "our", "my", "your"):
        proposer, _ = resolve_actor_token(possessor, ctx)
    elif possessor is not None:
        # "urged Japan to abandon its policy": the pronoun is the addressee's, who is to act
        controller = _object_controller(token)
        proposer, _ = resolve_actor_token(controller if controller is not None else possessor, ctx)
    author: Actor | None = None
    if proposer is None and lemma in lex.word_sets["authored"] \
            and not any(c.dep_ == "det" and c.lower_ == "any" for c in token.children):
        # "a takeover offer from Harland Resources", "a draft resolution by France": its author
        # (recorded as its proposer, but not named in its label as "Harland's offer" would be)
        named = next((t for _p, t in _prep_targets(token, ("from", "by")) if t.ent_type_ in ACTOR_ENTS), None)
        if named is not None:
            author, _ = resolve_actor_token(named, ctx)
    if lemma in lex.reversal_nouns and complement:
        inner = object_target(complement[0], cue, ctx, via_prep=True)
        if inner is not None:
            inner.flip = not inner.flip
            return inner
    if lemma in lex.containers and (complement or to_clause):
        inner_token = complement[0] if complement else to_clause[0]
        inner = object_target(inner_token, cue, ctx, via_prep=True) if complement else None
        if inner is None and to_clause:
            # "X's call to abandon the reform" is about the reform, reversed
            inner = clause_target(to_clause[0], cue, ctx, False, 0.9)
        if inner is None:
            return None
        inner.proposal = with_proposer(inner.proposal, proposer or author)
        if lemma in lex.word_sets["authored"]:
            inner.author = proposer or author  # "a proposal by Egypt for a truce": Egypt's
        noun_cue = lex.nouns.get(lemma)
        if noun_cue is not None and noun_cue.stance == "rejects":
            # "backed Kolkata's refusal to sign the agreement" rejects it; "condemned X's opposition
            # to the truce" supports it (a named proposal only: "praised his refusal to accept the
            # status quo" is about a stance, not a proposal)
            if inner.proposal.proposal_type == "Policy":
                return None
            inner.flip = not inner.flip
            inner.factor *= 0.8
        return inner
    if cue.person_object == "candidacy" and token.pos_ == "NOUN" and not token.ent_type_:
        named = next((c for c in token.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        if named is not None:
            return object_target(named, cue, ctx, via_prep)  # "endorsed the party's nominee, Jane Roe"
    known_person = token.pos_ == "PROPN" and ctx.resolver.knows_person(token.text)
    if token.ent_type_ == "PERSON" and lemma in lex.word_sets["named_in_full"] | {"act"}:
        pass  # "the Finance Bill" tagged as a person: a bill
    elif token.ent_type_ == "PERSON" or known_person or (token.pos_ == "PROPN" and token.ent_type_ in ("", "PERSON") and not lex.qualifiers & {lemma}):
        if cue.person_object == "candidacy" and (token.ent_type_ == "PERSON" or known_person):
            ent = entity_of(token)
            core = ent.text if ent is not None and (token.ent_type_ == "PERSON" or all(
                t.pos_ == "PROPN" for t in ent)) else token.text  # ("Rodrigo Salazar" tagged ORG)
            person = ctx.resolver.resolve_text(mention_span(token).text, "PERSON", ctx.position_of(token), core=core)
            if person is None:
                return None
            return Target(candidacy_of(person), 0.9)
        if token.ent_type_ == "PERSON" or known_person:
            return None
    if token.ent_type_ in ACTOR_ENTS or token.pos_ == "PROPN" or lemma in lex.people:
        infinitive = _infinitive_after(token)
        if infinitive is not None:
            clause = clause_proposal(infinitive, lex, include_subject=False)
            if clause is not None:
                subject_text = token.doc[min(t.i for t in token.subtree if t.i <= token.i):token.i + 1].text
                label = f"{subject_text} {clause.label}"
                return Target(Proposal(slugify(label), label, clause.proposal_type), 0.85)
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
    if token.ent_type_ in ("GPE", "NORP", "ORG", "LOC", "FAC") and not complement and lemma not in lex.containers \
            and not indefinite:
        # supporting a country or a body is not a proposal ("a 10 percent VAT" is no body, whatever its tag)
        return None
    if lemma in lex.containers and not complement and not to_clause and possessor is not None \
            and possessor.pos_ == "PRON":
        return None  # "defended his endorsement", "praised her effort", "backed their plan": no proposal named
    proposal = noun_proposal(token, lex, proposer)
    if proposal is None:
        return None
    if has_det and proposal.label.lower() == lemma and all(
            c.dep_ in ("det", "punct") or (c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in c.subtree))
            for c in token.children):
        # "the deal", "the bill": the one named more fully before, not a second, vaguer proposal
        earlier = ctx.memory.fuller(lemma)
        if earlier is not None:
            return Target(earlier, 0.9)
    if proposer is not None and lemma in lex.containers and not complement:
        label = f"{proposer.label}'s {proposal.label}"
        proposal = Proposal(slugify(label), label, proposal.proposal_type, proposal.qualifiers, proposer,
                            proposal.aliases | {proposal.label})
    if cue.object_types_only and proposal.proposal_type == "Policy" and lemma not in lex.anaphora | lex.containers:
        return None
    if author is not None:
        proposal = with_proposer(proposal, author)
    return Target(proposal, 1.0 if proposal.proposal_type != "Policy" else 0.9,
                  author=author or (proposer if lemma in lex.word_sets["authored"] else None))


def _hung_complement(noun: Token, lex: Lexicon) -> list[Token]:
    """The "for ..." phrase the parser hung on the verb instead of on NOUN, its object, right after
    it ("rejected the calls from Naleraq for scrapping the ban"; not "criticised the plan for
    ignoring farmers", a reason)."""
    if noun.head.lemma_.lower() in lex.word_sets["reason_verbs"]:
        return []
    prep = next((c for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "for"
                 and c.i == noun.right_edge.i + 1), None)
    target = _pobj(prep) if prep is not None else None
    return [target] if target is not None and target.tag_ == "VBG" else []  # (not "rejected it for now")


def _object_controller(token: Token) -> Token | None:
    """The object of the verb whose "to" complement holds TOKEN ("urged Japan to abandon its
    policy": Japan), if any: who a possessive pronoun in that complement most likely means."""
    node = token
    while node.head != node and node.dep_ in ("dobj", "pobj", "prep", "conj"):
        node = node.head
    if node.dep_ != "xcomp" or node.pos_ != "VERB":
        return None
    return next((c for c in node.head.children if c.dep_ == "dobj" and c.i < node.i), None)


def candidacy_of(person: Actor) -> Proposal:
    label = f"candidacy of {person.label}"
    return Proposal(key=slugify(label), label=label, proposal_type="Candidacy", aliases=frozenset({person.label}))


def clause_target(verb: Token, cue: Cue, ctx: SentenceContext, include_subject: bool, factor: float) -> Target | None:
    """A course of action as a proposal; "to end X" / "to repeal X" becomes a rejection of X."""
    lex = ctx.lexicon
    objects = [c for c in verb.children if c.dep_ == "dobj"] or [c for c in verb.children if c.dep_ == "dative"]
    passive = False
    if not objects and include_subject:
        objects = [c for c in verb.children if c.dep_ == "nsubjpass"]  # "for the embargo to be scrapped"
        passive = bool(objects) and verb.tag_ == "VBN" and verb.lemma_.lower() in lex.enacting_verbs
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if not objects and include_subject and subject is not None and (
            verb.lemma_.lower() in lex.word_sets["taking_effect"]
            or (verb.lemma_.lower() == "take" and any(c.dep_ == "dobj" and c.lower_ == "effect" for c in verb.children))):
        # "pushed for it to enter into force", "wants the deal to go ahead": the proposal itself
        inner = object_target(subject, cue, ctx)
        if inner is not None:
            inner.factor *= factor
            return inner
    inner_cue = lex.verbs.get(verb.lemma_.lower())
    reverses = verb.lemma_.lower() in lex.reversal_verbs or (inner_cue is not None and inner_cue.stance == "rejects"
                                                             and inner_cue.object)
    embraces = inner_cue is not None and inner_cue.stance == "supports" and inner_cue.object
    if objects and reverses and (objects[0].ent_type_ == "PERSON" or (
            objects[0].pos_ == "PROPN" and ctx.resolver.knows_person(objects[0].text))):
        # "a call to abandon Holm", "urged voters to dump Holm": against Holm's candidacy
        ent = entity_of(objects[0])
        person = ctx.resolver.resolve_text(mention_span(objects[0]).text, "PERSON", ctx.position_of(objects[0]),
                                           core=ent.text if ent is not None else objects[0].text)
        if person is not None and person.kind == "person":
            return Target(candidacy_of(person), factor * 0.9, flip=True)
    if not objects and inner_cue is not None and inner_cue.preps:
        # "urged members to vote against the bill" rejects the bill; "to vote for Park" backs Park
        for prep, target_token in _prep_targets(verb, inner_cue.preps):
            if target_token.ent_type_ == "PERSON" or (target_token.pos_ == "PROPN" and ctx.resolver.knows_person(target_token.text)):
                ent = entity_of(target_token)
                person = ctx.resolver.resolve_text(mention_span(target_token).text, "PERSON", ctx.position_of(target_token),
                                                   core=ent.text if ent is not None else target_token.text)
                inner = Target(candidacy_of(person), 0.9) if person is not None and person.kind == "person" else None
            else:
                inner = object_target(target_token, inner_cue, ctx, via_prep=True)
            if inner is not None:
                if inner_cue.stance_for(prep) == "rejects":
                    inner.flip = not inner.flip
                inner.factor *= factor
                return inner
    if objects and reverses and objects[0].lemma_.lower() in _CANDIDATE_NOUNS:
        # "urged voters to abandon all outsider candidates": against those candidacies
        words = [t for t in objects[0].subtree if not (t.dep_ == "det" and t.i == objects[0].left_edge.i)]
        label = verb.doc[words[0].i:words[-1].i + 1].text.strip(" ,")
        return Target(Proposal(slugify(label), label, "Candidacy"), factor * 0.85, flip=True)
    if objects and (reverses or embraces or passive):
        # "urged X to block the deal" rejects the deal; "urged X to accept the deal" supports it;
        # "demanded that a climate fund be created": the fund is what is wanted
        inner = object_target(objects[0], inner_cue or cue, ctx)
        if inner is not None:
            if reverses:
                inner.flip = not inner.flip
            inner.factor *= factor
            return inner
    proposal = clause_proposal(verb, lex, include_subject=include_subject)
    if proposal is None and all(c.dep_ in ("aux", "cc", "conj", "punct", "advmod") for c in verb.children):
        # "to act and force corporations to pay": a bare first verb, the conjoined one says what to do
        for conj in verb.conjuncts:
            if conj.i > verb.i and conj.pos_ == "VERB":
                proposal = clause_proposal(conj, lex, include_subject=False)
                if proposal is not None:
                    break
    return Target(proposal, factor) if proposal is not None else None


def _infinitive_after(token: Token) -> Token | None:
    """The "to ..." clause that says what TOKEN should do ("for Congress to act")."""
    for child in token.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ in ("VERB", "AUX") and any(
                a.dep_ == "aux" and a.text.lower() == "to" for a in child.children):
            return child
    head = token.head
    if token.dep_ in ("pobj", "nsubj") and head != token:
        governor = head.head if token.dep_ == "pobj" else head
        for child in governor.children:
            if child.dep_ in ("xcomp", "advcl", "ccomp") and child.i > token.i and any(
                    a.dep_ == "aux" and a.text.lower() == "to" for a in child.children):
                return child
        if token.dep_ == "pobj" and governor.dep_ in ("dobj", "pobj") and governor.head != governor:
            # "renewed its calls for X to roll back Y": the parser hung the clause on the verb
            end = token.right_edge.i + 1
            for child in governor.head.children:
                if child.dep_ in ("xcomp", "advcl") and child.left_edge.i == end and child.left_edge.lower_ == "to":
                    return child
    return None


def _verb_targets(verb: Token, cue: Cue, ctx: SentenceContext) -> list[tuple[str, Target]]:
    lex = ctx.lexicon
    targets: list[tuple[str, Target]] = []
    # "called for X", "insisted on X", "voted against X"; not "calls X's idea for Y ..." (a verb whose
    # cue takes no object has another sense when an object comes before the preposition)
    early_objects = [c for c in verb.children if c.dep_ == "dobj"] if not cue.object else []
    for prep, target_token in _prep_targets(verb, cue.preps):
        if any(o.i < target_token.i for o in early_objects):
            continue
        target = object_target(target_token, cue, ctx, via_prep=True)
        if target is not None:
            targets.append((cue.stance_for(prep), target))
    for child in verb.children:
        # "calling for the United States to take a stronger role": "for" marks a clause with its own subject
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.text.lower() in cue.preps for m in child.children):
            target = clause_target(child, cue, ctx, True, 0.9)
            if target is not None:
                targets.append((cue.stance, target))
    # "promised Sunday at a rally to end X": an infinitive parsed as an adverbial clause
    xcomps = [c for c in verb.children if c.pos_ in ("VERB", "AUX") and (
        c.dep_ == "xcomp" or (c.dep_ == "advcl" and cue.xcomp and not any(m.dep_ == "mark" for m in c.children)
                              and any(a.dep_ == "aux" and a.text.lower() == "to" for a in c.children)))]
    # "promised to cut taxes, a move that ...": a noun after the verb's own "to" clause sums it up
    objects = [c for c in verb.children if c.dep_ in ("dobj",) and not any(x.i < c.i for x in xcomps)]
    if cue.object_control and xcomps and (objects or list(_prep_targets(verb, cue.object_control_preps))):
        # "urged Iran to accept the deal", "called on Russia to withdraw"; "urged ministers to put the
        # firm into administration and to strip its bosses of their bonuses": each course
        for x in [xcomps[0], *(c for c in xcomps[0].conjuncts if c.pos_ == "VERB" and c.i > xcomps[0].i
                               and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]:
            inner_cue = lex.verbs.get(x.lemma_.lower())
            inner_objects = [c for c in x.children if c.dep_ == "dobj"]
            if inner_cue is not None and inner_cue.object and inner_objects:
                target = object_target(inner_objects[0], inner_cue, ctx)
                if target is not None:
                    targets.append((inner_cue.stance, target))
                    continue
            target = clause_target(x, cue, ctx, False, 0.9)
            if target is not None:
                targets.append((cue.stance, target))
        return targets
    if cue.object_control_preps:
        for prep, addressee in _prep_targets(verb, cue.object_control_preps):
            # "called on others who received money to return it": the "to" clause, not the relative one
            clauses = [c for c in addressee.children if c.dep_ in ("acl", "relcl", "xcomp") and c.pos_ == "VERB"
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
            clauses += [c for c in verb.children if c.pos_ == "VERB" and (c.dep_ == "xcomp" or (
                c.dep_ == "advcl" and any(a.dep_ == "aux" and a.text.lower() == "to" for a in c.children)))]
            for clause in clauses[:1]:
                target = clause_target(clause, cue, ctx, False, 0.9)
                if target is not None:
                    targets.append((cue.stance, target))
    if cue.object and not objects and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN") \
            and not any(c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp") or c.lower_ in RELATIVE_PRONOUNS
                        for c in verb.children) \
            and any(c.dep_ == "nsubj" for c in verb.children):
        # "a measure the senator opposes": a relative clause without a pronoun, its object the noun
        target = object_target(verb.head, cue, ctx)
        if target is not None:
            targets.append((cue.stance, target))
    if cue.object and not objects:
        objects = _free_relative_names(verb, lex)
    if cue.object:
        for obj in objects:
            if obj.left_edge.lower_ == "that" and obj.left_edge.dep_ == "mark" and not cue.clause:
                # "agreed that the agency has limited power to ...": a that-clause misparsed as an object,
                # and this cue takes no clause ("proposed that a coalition impose X" does)
                continue
            for node in [obj, *obj.conjuncts]:
                target = object_target(node, cue, ctx)
                if target is not None:
                    targets.append((cue.stance, target))
    if cue.clause:
        clause_children = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        if verb.pos_ == "NOUN":
            clause_children += [c for c in verb.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"
                                and any(m.dep_ == "mark" and m.text.lower() == "that" for m in c.children)]
        expanded = []
        for child in clause_children:
            expanded.append(child)
            expanded.extend(c for c in child.conjuncts if c.pos_ == "VERB")
        for child in expanded:
            if True:
                # "insists that a meaningful next step would be a direct meeting"
                attr = [c for c in child.children if c.dep_ == "attr"]
                subj = [c for c in child.children if c.dep_ == "nsubj"]
                if child.lemma_ == "be" and attr and subj and subj[0].lemma_.lower() in ("step", "solution", "way", "answer", "option", "priority", "goal", "aim", "demand", "condition"):
                    target = object_target(attr[0], cue, ctx)
                    if target is not None:
                        targets.append((cue.stance, target))
                    continue
                modal_aux = any(a.dep_ == "aux" and a.lemma_.lower() in ("should", "must", "shall", "would", "will", "need")
                                for a in child.children) or any(  # "demanded that the decree be withdrawn"
                    a.dep_ == "auxpass" and a.tag_ == "VB" for a in child.children)
                if child.tag_ in ("VBD", "VBN", "VBZ", "VBG") and not modal_aux:
                    continue  # "insisted that he has expanded the party" reports a claim, not a demand
                target = clause_target(child, cue, ctx, True, 0.85)
                if target is not None:
                    targets.append((cue.stance, target))
    if cue.xcomp and not targets:
        for x in xcomps:
            inner_cue = lex.verbs.get(x.lemma_.lower())
            if (inner_cue is not None and not _rejected_course(x, cue, inner_cue)) \
                    or x.lemma_.lower() in lex.deliberating_verbs:
                continue  # the inner cue reports its own position ("vowed to veto it"), or none
            if x.lemma_.lower() not in lex.reversal_verbs and any(
                    c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or (c.lemma_.lower() in lex.people and any(
                        p.dep_ == "poss" for p in c.children)))
                    for c in x.children):
                continue  # "refusing to attack his rivals": what one does to a person is no proposal
            # "willing to engage in talks": the complement's own object names the proposal
            inner = list(_prep_targets(x, ("in", "on", "to", "for")))
            if x.lemma_.lower() in ("engage", "participate", "join", "enter", "hold", "resume", "start", "begin", "open"):
                inner_objects = [t for _p, t in inner] + [c for c in x.children if c.dep_ == "dobj"]
                if inner_objects:
                    target = object_target(inner_objects[0], cue, ctx)
                    if target is not None:
                        targets.append((cue.stance, target))
                        continue
            target = clause_target(x, cue, ctx, False, 0.85)
            if target is not None:
                targets.append((cue.stance, target))
    return targets


def _free_relative_names(verb: Token, lex: Lexicon) -> list[Token]:
    """"opposed what it calls unilateral tariffs": the noun the free relative names, as VERB's object."""
    for clause in verb.children:
        if clause.dep_ == "ccomp" and clause.lemma_.lower() in lex.naming_verbs \
                and any(c.dep_ == "dobj" and c.lower_ == "what" for c in clause.children):
            named = [c for c in clause.children if c.dep_ in ("oprd", "attr", "dobj") and c.lower_ != "what"
                     and c.pos_ in ("NOUN", "PROPN")]
            if not named:  # "what she described as a land grab"
                named = [t for _p, t in _prep_targets(clause, ("as",))]
            return named[:1]
    return []


def _rejected_course(inner: Token, outer_cue: Cue, inner_cue: Cue) -> bool:
    """A supporting cue in the gerund of a rejecting one ("ruled out rejoining X") names the course
    of action rejected rather than a position of its own."""
    return (inner.tag_ == "VBG" and inner.dep_ in ("dobj", "xcomp", "pcomp")
            and outer_cue.stance == "rejects" and inner_cue.stance == "supports")


def _that_clauses(noun: Token) -> list[Token]:
    """Clauses saying what NOUN demands: "a demand that the budget include X" (subjunctive or
    modal verbs only; "the call that he made" or "the claim that it works" report, not demand)."""
    candidates = [c for c in noun.children if c.dep_ in ("acl", "relcl", "ccomp", "appos")]
    if noun.dep_ in ("attr", "dobj") and not candidates:
        # "the point is a demand, by X, that ...": the parser hangs the clause on the verb
        candidates = [c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.i]
    clauses = []
    for clause in candidates:
        if clause.pos_ not in ("VERB", "AUX") or not any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
            continue
        modal = any(a.dep_ == "aux" and a.lemma_.lower() in _DEONTIC_AUX for a in clause.children)
        subjunctive = clause.tag_ == "VB" or (clause.tag_ == "VBP" and any(
            c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in clause.children))
        if modal or subjunctive:
            clauses.append(clause)
    return clauses


def _governing_subject(token: Token, ctx: SentenceContext) -> Token | None:
    """The subject of the verb a noun or adjective cue hangs from ("X expressed support for")."""
    node = token
    for _ in range(6):  # "X is one of a handful of supporters of Y": two "of" phrases to climb
        head = node.head
        if head == node:
            return None
        if head.pos_ in ("VERB", "AUX"):
            if node.dep_ in ("dobj", "attr", "acomp", "oprd", "prep", "pobj", "npadvmod", "advmod") or head.lemma_ == "be":
                return find_subject(head, ctx.lexicon)
            return None
        node = head
    return None


_MENTION_CUE = Cue("mention", "noun", "supports")


def _introduce_proposals(sent: Span, ctx: SentenceContext) -> None:
    """Remember the proposals that fuller noun phrases name ("a union-backed initiative to add a
    pension payment", "a package of sanctions", "X's call for a truce"), for a later "the
    initiative", "the package", "this call"."""
    lex = ctx.lexicon
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and any(c.dep_ == "mark" and c.lower_ == "whether" for c in token.children) \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            # "voters will decide whether to ban assault rifles": the question put is a proposal
            proposal = clause_proposal(token, lex, include_subject=False)
            if proposal is not None:
                ctx.memory.remember(proposal, ctx.sentence_index)
            continue
        if token.pos_ == "NOUN" and lemma in lex.word_sets["named_in_full"] \
                and (any((c.dep_ == "prep" and c.lower_ in ("on", "to", "for")) or (c.dep_ == "acl" and c.tag_ == "VB")
                         or (c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "PROPN", "ADJ")
                             and c.lemma_.lower() not in lex.qualifiers) for c in token.children)
                     or (token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in lex.word_sets["deciding"])):
            # (or "the bill passed 104-79": what a following "voted for it" refers to)
            # "Italy holds a referendum on halving X next week", "a bill to cap rents was tabled": a
            # typed proposal named in full, whatever the sentence does with it; "the change" may mean it
            target = object_target(token, _MENTION_CUE, ctx)
            if target is not None and not target.flip:
                ctx.memory.mention_in_passing(target.proposal, ctx.sentence_index)
            continue
        if token.pos_ != "NOUN" or lemma not in lex.anaphora | lex.containers:
            continue
        if any(c.dep_ == "det" and c.lower_ in _ANAPHORIC_DETS for c in token.children) and not any(
                c.dep_ in ("prep", "acl", "relcl", "poss", "compound", "nmod", "amod") for c in token.children):
            continue  # "the package" itself refers back
        target = object_target(token, _MENTION_CUE, ctx)
        if target is not None and not target.flip and target.proposal.label.lower() not in (lemma, token.lower_):
            ctx.memory.introduce(lemma, target.proposal)


def positions_in_sentence(sent: Span, ctx: SentenceContext) -> list[Position]:
    """Every position the sentence reports, before deduplication."""
    if _is_question(sent):
        return []
    lex = ctx.lexicon
    # multi-word cues first: "X voted in favour of the resolution, while Y voted against it" needs
    # the resolution remembered before "it" is read
    found: list[Position] = _phrase_positions(sent, ctx)
    _introduce_proposals(sent, ctx)

    def emit(subject: Token | None, stance: str | None, target: Target | None, cue: str, weight: float,
             factor: float, actors: list[Actor] | None = None, relative: Token | None = None) -> None:
        if target is None:
            return
        ended = target.flip or cue in lex.reversal_verbs  # "to end X" or "scrapped X"
        ctx.memory.remember(target.proposal, ctx.sentence_index, ended=ended)  # even with no actor: "the plan" may refer to it
        if cue in lex.word_sets["deciding"] and factor >= 1.0 and not target.flip and stance == "supports":
            ctx.memory.enact(target.proposal)  # "gave the green light to X ... condemned the decision"
        elif cue in lex.word_sets["deciding_against"] and factor >= 1.0 and not target.flip and stance == "rejects":
            ctx.memory.enact(target.proposal, reversed_=True)  # "vetoed X ... condemned the decision"
        if stance is None:
            return
        coref = False
        if actors is None:
            if subject is None:
                return
            actors, coref = resolve_actors(subject, ctx, relative)
        if not actors:
            return
        confidence = weight * factor * target.factor * (0.9 if coref else 1.0) * (0.9 if ctx.is_headline else 1.0)
        stance = target.stance_override or stance
        if target.flip:
            stance = "rejects" if stance == "supports" else "supports"
        found.append(Position(actors, stance, target.proposal, cue, confidence, coref, target.author))
        found.extend(Position(actors, stance, other, cue, confidence * 0.9, coref) for other in target.others)

    for token in sent:
        lemma = token.lemma_.lower()
        pos = token.pos_
        # ---- verbs ---------------------------------------------------------
        verb_like = pos in ("VERB",) or (pos == "NOUN" and token.dep_ == "conj" and token.head.pos_ == "VERB"
                                          and lemma in lex.verbs and lemma not in lex.nouns)
        if pos == "NOUN" and token.dep_ == "conj" and token.head.pos_ == "VERB" and lemma in lex.verbs and token.tag_ == "NNS":
            verb_like = True  # "continues to reject X and demands that ...": a verb mis-tagged as noun
        participle_adjective = (pos == "VERB" and token.dep_ in ("acomp", "oprd", "amod", "acl")
                                and token.text.lower() in lex.adjectives
                                and not any(c.dep_ == "agent" for c in token.children))  # "opposed by X" is the verb
        if verb_like and lemma in lex.verbs and not participle_adjective:
            cue = lex.verbs[lemma]
            particles = [c.text.lower() for c in token.children if c.dep_ == "prt"]
            if cue.particle and cue.particle not in particles:
                continue
            if not cue.particle and particles and lemma in ("call", "back", "block", "rule", "sign", "push", "stand"):
                continue  # "call off", "back down", "push back": other verbs
            if token.dep_ == "pcomp" and any(c.dep_ == "dobj" and c.lemma_.lower() in lex.containers
                                             and _hung_complement(c, lex) == [token] for c in token.head.head.children):
                continue  # "rejected the calls for scrapping X": what was called for, not what they do
            outer = lex.verbs.get(token.head.lemma_.lower())
            if outer is not None and _rejected_course(token, outer, cue):
                continue  # "ruled out rejoining X": the outer cue rejects the whole course of action
            modal = _modal_factor(token, ctx)
            if modal is None:
                continue
            stance, factor = _polarity(token, cue.stance, ctx)
            if stance is None:
                continue
            passive_subject = [c for c in token.children if c.dep_ == "nsubjpass"]
            if passive_subject:
                agents = [t for _p, t in _prep_targets(token, ("by",))]
                adjective = lex.adjectives.get(token.text.lower())
                if not agents and adjective is not None:
                    # "X is opposed to Y": a participle used as the adjective cue
                    for prep, target_token in _prep_targets(token, adjective.preps):
                        emit(passive_subject[0], stance if stance == cue.stance else stance,
                             object_target(target_token, adjective, ctx, via_prep=True), adjective.lemma,
                             adjective.weight, factor * modal)
                    continue
                if not agents:
                    continue
                target = object_target(passive_subject[0], cue, ctx)
                flipped = stance if stance == cue.stance else stance
                emit(agents[0], flipped, target, lemma, cue.weight, factor * modal)
                continue
            if token.dep_ == "acl" and token.tag_ == "VBN" and cue.object:
                # "Kasich, endorsed by the Times, ...", "the plan, backed by France, ...": the agent
                # takes the stance on the noun the participle describes
                agents = [t for _p, t in _prep_targets(token, ("by",)) if t.dep_ == "pobj"]
                if agents:
                    emit(agents[0], stance, object_target(token.head, cue, ctx), lemma, cue.weight, factor * modal * 0.95)
                continue
            subject = find_subject(token, lex)
            relative = token if token.dep_ == "relcl" and subject is not None and subject == token.head else None
            targets = _verb_targets(token, cue, ctx)
            bare = _bare_vote(token) if lemma == "vote" and not targets else None
            if bare is not None:
                # "X voted in favour, while Y voted against": on the proposal just reported
                last = ctx.memory.last(ctx.sentence_index)
                if last is not None:
                    targets = [(bare, Target(last, 0.85))]
            for target_stance, target in targets:
                if stance != cue.stance:  # negated or refused: flip whatever the cue said
                    target_stance = "rejects" if target_stance == "supports" else None
                emit(subject, target_stance, target, lemma, cue.weight, factor * modal, relative=relative)
            if lemma in lex.word_sets["mutual_verbs"] and stance == "supports" and len(targets) == 1 and targets[0][0] == "supports":
                # "Ethiopia signed an agreement with Eritrea": the other party is bound by it too
                for obj in (c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.word_sets["agreements"]):
                    # ("with Y" on the agreement, or hung on the verb by the parser)
                    for _p, party in [*_prep_targets(obj, ("with",)), *_prep_targets(token, ("with",))]:
                        if party.ent_type_ in ("GPE", "ORG", "NORP", "PERSON"):
                            emit(party, "supports", targets[0][1], lemma, cue.weight * 0.9, factor * modal)
            continue
        # ---- the lead: "Chile's government will take control of lithium projects, the president said" ----
        if ctx.is_lead and pos == "VERB" and lemma in lex.acting_verbs and lemma not in lex.verbs \
                and _announced(token, ctx) and not _inside_quote(token, sent):
            subject = find_subject(token, lex)
            target = clause_target(token, _ACTION_CUE, ctx, False, 0.85)
            if subject is not None and target is not None:
                actors, _coref = resolve_actors(subject, ctx)  # (with the official who announced it)
                if not any(a.kind == "state" for a in actors):
                    actors = []  # a government's course; a company's plans ("will cut 5,000 jobs") are business
                # remembered in any case: "the plan", "the move" later mean it
                emit(None, "supports" if actors else None, target, lemma, _ACTION_CUE.weight, 1.0,
                     actors=actors or None)
            continue
        # ---- "X said the law violated Y": a proposal that harms, in someone's words ----
        if pos == "VERB" and ((lemma in lex.harming_verbs and any(c.dep_ == "dobj" for c in token.children)
                               and not any(c.dep_ == "xcomp" for c in token.children))
                              or (lemma == "pose" and any(c.dep_ == "dobj" and c.lemma_.lower() in lex.posed_harms
                                                          for c in token.children))):
            verdict = _reported_verdict(token, ctx)
            if verdict is not None and not verdict.negated and not _inside_quote(verdict.speaker, sent):
                emit(verdict.speaker, "rejects", object_target(verdict.judged, _VERDICT_CUE, ctx), lemma, 0.7, verdict.modal)
            continue
        # ---- nouns ---------------------------------------------------------
        if pos in ("NOUN",) and lemma in lex.nouns:
            cue = lex.nouns[lemma]
            possessor = next((c for c in token.children if c.dep_ == "poss"), None)
            source = [t for _p, t in _prep_targets(token, ("from", "by"))]
            if not source and token.dep_ in ("attr", "dobj"):
                # "the sticking point is a demand, by X, that ...": the parser hangs "by X" on the verb
                source = [t for p, t in _prep_targets(token.head, ("from", "by"))
                          if all(g.is_punct for g in token.doc[token.right_edge.i + 1:t.head.i])]
            if not source and token.dep_ == "nsubj" and token.head.lemma_.lower() == "come":
                # "Support for the deal came from Brazil and India"
                source = [t for p, t in _prep_targets(token.head, ("from",))][:1]
            late_source = None
            if not source and possessor is None:
                # "calls for a ceasefire from Egypt and Qatar": the parser hangs "from X" on the proposal
                for _p, target_token in _prep_targets(token, cue.preps):
                    if target_token.lemma_.lower() in lex.from_complements or target_token.lower_ in lex.from_complements:
                        continue
                    late = [t for _q, t in _prep_targets(target_token, ("from",)) if t.ent_type_ in ACTOR_ENTS]
                    if late and late[0].head.right_edge.i == target_token.right_edge.i:
                        late_source, source = late[0].head, late[:1]
                        break
            subject = possessor or (source[0] if source else None)
            anchor = token
            if token.dep_ == "pobj" and token.head.lower_ in ("including", "like") and token.head.dep_ == "prep" \
                    and token.head.head.pos_ == "NOUN":
                anchor = token.head.head  # "made several statements, including a call for X": the statements' maker
            if subject is None and not cue.possessor_only:
                subject = _governing_subject(anchor, ctx)
                governor = anchor.head if anchor.head.pos_ in ("VERB", "AUX") else None
                if governor is not None and governor.lemma_.lower() not in lex.light_verbs and governor.lemma_ != "be":
                    subject = None
            if token.dep_ == "dobj" and token.head.lemma_.lower() in lex.receivers | lex.bearers:
                # "X won the backing of Y", "X secured Y's endorsement": Y backs X's candidacy;
                # "the bill has the backing of Y", "the plan drew opposition from Y": Y's stance on it
                givers = [possessor] if possessor is not None and possessor.lower_ not in _POSSESSIVE_PRONOUNS else [
                    t for _p, t in _prep_targets(token, ("of", "from")) if t.ent_type_ in ACTOR_ENTS]
                if not givers and token.head.lemma_.lower() in lex.bearers:
                    # "the pact drew criticism from Greenpeace", "from X" hung on the verb
                    givers = [t for _p, t in _prep_targets(token.head, ("from",)) if t.ent_type_ in ACTOR_ENTS]
                receiver = find_subject(token.head, lex)
                if givers and receiver is not None:
                    modal = _modal_factor(token.head, ctx)
                    negated = any(c.dep_ == "neg" for c in token.head.children)
                    person, _ = resolve_actor_token(receiver, ctx)
                    if modal is None or negated:
                        pass
                    elif person is not None and person.kind == "person":
                        if cue.stance == "supports":
                            emit(givers[0], "supports", Target(candidacy_of(person), 0.9), lemma, cue.weight, modal)
                    elif person is None:
                        target = object_target(receiver, _BORNE_CUE, ctx)
                        if target is not None:
                            for giver in givers:
                                emit(giver, cue.stance, target, lemma, cue.weight * 0.95, modal)
                    continue
                if token.head.lemma_.lower() in lex.receivers:
                    continue
            appositive = cue.copula_only and token.dep_ == "appos" and possessor is None \
                and token.head.pos_ in ("PROPN", "NOUN")
            if appositive:
                subject = token.head  # "Senator X, a staunch supporter of the pipeline, ..."
            elif cue.copula_only:
                governor = token.head
                while governor.dep_ in ("pobj", "prep") and governor.head != governor:
                    governor = governor.head
                if not (token.dep_ == "attr" or governor.dep_ == "attr"):
                    continue
            if subject is None:
                continue
            targets: list[tuple[str, Target]] = []
            if cue.person_object:
                for child in token.children:
                    if child.dep_ == "compound" and child.ent_type_ == "PERSON":
                        target = object_target(child, cue, ctx)
                        if target is not None:
                            targets.append((cue.stance, target))
            prep_pairs = _noun_prep_targets(token, cue.preps, lex)
            if not prep_pairs and token.dep_ == "dobj" and token.head.lemma_.lower() in lex.light_verbs:
                prep_pairs = list(_prep_targets(token.head, cue.preps))
            for prep, target_token in prep_pairs:
                if prep == "to" and lemma == "support" and target_token.ent_type_ in ("GPE", "ORG", "NORP", "PERSON"):
                    # "pledged support to Ukraine for reconstruction": the "for" phrase is the proposal
                    continue
                target = object_target(target_token, cue, ctx, via_prep=True)
                if target is not None:
                    targets.append((cue.stance, target))
            if cue.to_clause and not targets:
                for clause in [c for c in token.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]:
                    if any(a.text.lower() == "to" for a in clause.children if a.dep_ == "aux"):
                        if any(c.dep_ == "neg" for c in clause.children):
                            continue  # "the decision not to follow through on X" is no course of action
                        inner_cue = lex.verbs.get(clause.lemma_.lower())
                        inner_objects = [c for c in clause.children if c.dep_ == "dobj"]
                        if lemma == "refusal" and inner_cue is not None and inner_objects:
                            target = object_target(inner_objects[0], inner_cue, ctx)
                            if target is not None and inner_cue.stance == "supports":
                                targets.append(("rejects", target))
                            continue
                        target = clause_target(clause, cue, ctx, False, 0.85)
                        if target is not None:
                            targets.append((cue.stance, target))
            if not targets and lemma in lex.word_sets["bare_stance_nouns"] and possessor is None and not source \
                    and token.dep_ == "dobj" and token.head.lemma_.lower() in lex.word_sets["bare_stance_verbs"] \
                    and not any(c.dep_ in ("prep", "acl", "relcl") for c in token.children) \
                    and not any(c.dep_ in ("prep", "dative") and c.i == token.right_edge.i + 1 for c in token.head.children):
                # "X signalled support and offered logistics": support for the proposal just reported
                last = ctx.memory.last(ctx.sentence_index)
                if last is not None:
                    targets.append((cue.stance, Target(last, 0.75)))
            if cue.that_clause and not targets:
                for clause in _that_clauses(token):
                    target = clause_target(clause, cue, ctx, True, 0.85)
                    if target is not None:
                        targets.append((cue.stance, target))
            if appositive:  # "Adelson, a fierce supporter of the nation": only a typed proposal or a candidacy
                targets = [(s, target) for s, target in targets if target.proposal.proposal_type != "Policy"]
            if not targets:
                continue
            if late_source is not None:
                tail = token.doc[late_source.i:late_source.right_edge.i + 1].text
                for _stance, target in targets:
                    target.proposal = _without_tail(target.proposal, tail, lex)
            modal = _modal_factor(token.head if token.head.pos_ in ("VERB", "AUX") else token, ctx)
            if modal is None:
                continue
            negated = token.head.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in token.head.children)
            if token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_.lower() in lex.withdrawing_verbs:
                negated = not negated  # "withdrew its support for X" takes the support back
            for stance, target in targets:
                stance = _negate(stance) if negated else stance
                emit(subject, stance, target, lemma, cue.weight, modal * (0.8 if negated else 1.0))
            continue
        # ---- adjectives ------------------------------------------------------
        if (pos == "ADJ" and lemma in lex.adjectives) or participle_adjective:
            cue = lex.adjectives[lemma if pos == "ADJ" else token.text.lower()]
            modal = _modal_factor(token.head if token.head.pos_ in ("VERB", "AUX") else token, ctx)
            if modal is None:
                continue
            if cue.subject_is_proposal:
                head = token.head
                if token.dep_ == "amod" and token.i > head.i and head.dep_ == "dobj" \
                        and head.head.lemma_.lower() in _JUDGING_VERBS:
                    # "called the plan unworkable", the verdict parsed as a modifier after its noun
                    subject = find_subject(head.head, lex)
                    if subject is not None:
                        emit(subject, cue.stance, object_target(head, cue, ctx), lemma, cue.weight, modal)
                    continue
                if token.dep_ == "ccomp" and head.pos_ == "VERB" and head.lemma_.lower() in _JUDGING_VERBS:
                    # "X found the proposal unacceptable", parsed as a small clause
                    subject = find_subject(head, lex)
                    objects = [c for c in token.children if c.dep_ == "nsubj"]
                    if objects and subject is not None:
                        emit(subject, cue.stance, object_target(objects[0], cue, ctx), lemma, cue.weight, modal)
                    continue
                if token.dep_ == "oprd" and head.pos_ in ("VERB",):
                    # "terms that Ukraine has found unacceptable", "X finds the plan unacceptable"
                    objects = [c for c in head.children if c.dep_ == "dobj"]
                    subject = find_subject(head, lex)
                    if objects and subject is not None:
                        emit(subject, cue.stance, object_target(objects[0], cue, ctx), lemma, cue.weight, modal)
                    continue
                if token.dep_ == "acomp" and head.lemma_.lower() in _COPULAS:
                    # "'The ruling is deeply flawed,' Li said", "X said the plan was unworkable": a verdict
                    # on the proposal, in the words of the one reporting it (the author's own is none)
                    extraposed = any(c.dep_ in ("xcomp", "ccomp") for c in head.children) or any(
                        c.dep_ in ("xcomp", "ccomp") for c in token.children)  # "it is vital to act", "... that X"
                    verdict = None if extraposed else _reported_verdict(head, ctx, also_negated_by=token)
                    if verdict is not None and verdict.judged.lemma_.lower() != "vote":  # "the vote was crucial": the ballot
                        emit(verdict.speaker, _negate(cue.stance) if verdict.negated else cue.stance,
                             object_target(verdict.judged, _VERDICT_CUE, ctx), lemma, cue.weight * 0.95, modal)
                continue
            subject = _governing_subject(token, ctx) if token.dep_ in ("acomp", "oprd") else (
                token.head if token.dep_ in ("amod", "acl") else None)
            if subject is None and token.dep_ in ("ccomp", "ROOT", "conj"):
                # 'he was "personally opposed" to the ban': the quotes made the parser give the
                # adjective its own subject
                subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if token.dep_ in ("oprd", "advcl"):
                # "it empowers candidates willing to ...": the adjective describes the object
                objects = [c for c in token.head.children if c.dep_ == "dobj" and c.right_edge.i == token.i - 1]
                subject = objects[0] if objects else subject
            if subject is None:
                continue
            targets = [(cue.stance, object_target(t, cue, ctx, via_prep=True)) for _p, t in _prep_targets(token, cue.preps)]
            if cue.xcomp:
                for x in [c for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                          and c.lemma_.lower() not in lex.deliberating_verbs]:
                    targets.extend(_verb_targets(x, Cue(lemma=lemma, pos="adjective", stance=cue.stance, xcomp=True, object=True,
                                                        weight=cue.weight), ctx) or [])
                    inner = list(_prep_targets(x, ("in", "on", "to", "for")))
                    if inner and not targets:
                        targets.append((cue.stance, object_target(inner[0][1], cue, ctx, via_prep=True)))
            negated = any(c.dep_ == "neg" for c in token.head.children) or any(c.dep_ == "neg" for c in token.children)
            for stance, target in targets:
                emit(subject, _negate(stance) if negated else stance, target, lemma, cue.weight, modal)
            continue
        # ---- verdict nouns: "called the offer a joke", "described the draft as a betrayal" ----
        verdict_stance = "rejects" if lemma in lex.verdict_nouns else "supports" if lemma in lex.praise_nouns else None
        if verdict_stance == "supports" and any(t.lower_ in lex.word_sets["villains"]
                                                for _p, t in [*_prep_targets(token, ("for",)),
                                                              *_prep_targets(token.head, ("for",))]):
            verdict_stance = "rejects"  # "a boon for billionaires", "a win for polluters"
        if pos == "NOUN" and verdict_stance and token.dep_ == "attr" and token.head.lemma_.lower() in _COPULAS:
            # "'This deal is a betrayal,' said X", "X said the plan was a mistake": the speaker's verdict
            verdict = _reported_verdict(token.head, ctx)
            if verdict is not None and not verdict.negated and verdict.judged.lower_ != "it" and not (
                    verdict_stance == "supports" and verdict.judged.lemma_.lower() in _EVENT_ANAPHORS):
                # ("the vote was a victory", "the move was a boon": an outcome praised, seldom a proposal)
                emit(verdict.speaker, verdict_stance, object_target(verdict.judged, _VERDICT_CUE, ctx), lemma,
                     _VERDICT_CUE.weight * 0.95, verdict.modal)
            continue
        if pos == "NOUN" and verdict_stance:
            judge, judged = _verdict_frame(token, lex)
            if judge is not None and judged is not None and not any(c.dep_ == "neg" for c in judge.children) \
                    and not (verdict_stance == "supports" and judged.lemma_.lower() in _EVENT_ANAPHORS):
                modal = _modal_factor(judge, ctx)
                if modal is not None:
                    emit(find_subject(judge, lex), verdict_stance, object_target(judged, _VERDICT_CUE, ctx), lemma,
                         _VERDICT_CUE.weight, modal)
            continue
        # ---- "X is against Y", "X was fully behind Y" --------------------------
        if pos == "ADP" and token.dep_ == "prep" and token.head.lemma_ == "be":
            cue = lex.adjectives.get(lemma)
            target_token = _pobj(token)
            if cue is not None and cue.copula_prep and target_token is not None:
                target = object_target(target_token, cue, ctx, via_prep=True)
                if target is not None and cue.stance == "supports" and target.proposal.proposal_type == "Policy" \
                        and not any(c.dep_ == "advmod" for c in token.children):
                    target = None  # "who was behind the attack" is authorship; "fully behind X" is support
                modal = _modal_factor(token.head, ctx)
                stance, factor = _polarity(token.head, cue.stance, ctx)
                if modal is not None:
                    emit(find_subject(token.head, lex), stance, target, lemma, cue.weight, factor * modal)
            continue
        # ---- "X would block the deal unless it included Y": X wants Y ---------------
        if pos in ("VERB", "AUX") and token.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                                                    for m in token.children):
            wanted = _condition_demanded(token, lex)
            refusal = _refusing_verb(token.head, ctx)
            if wanted is not None and refusal is not None:
                target = object_target(wanted[0], _CONDITION_CUE, ctx)
                if target is not None and wanted[1]:
                    target.flip = not target.flip
                emit(find_subject(refusal, lex), "supports", target, "unless", _CONDITION_CUE.weight, 1.0)
    for token in sent:
        # ---- "the bill passed with the votes of X and Y": X and Y voted for it ----------
        if token.pos_ == "VERB" and token.lemma_.lower() in lex.word_sets["deciding"]:
            voters = [t for _p, backing in _prep_targets(token, ("with",))
                      if backing.lemma_.lower() in ("vote", "support", "backing")
                      for _q, t in _prep_targets(backing, ("of", "from"))]
            passed = next((c for c in token.children if c.dep_ in ("nsubjpass", "dobj")
                           and c.pos_ != "NUM" and not c.ent_type_ == "CARDINAL"), None)  # (not "passed 41 to 20")
            if passed is None and token.dep_ == "conj":
                passed = next((c for c in token.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
            if passed is None and token.lemma_.lower() == "pass":
                passed = next((c for c in token.children if c.dep_ == "nsubj"), None)  # "the bill passed with ..."
            if voters and passed is not None:
                target = object_target(passed, _CONDITION_CUE, ctx)
                for voter in voters:
                    emit(voter, "supports", target, "vote", 0.8, 1.0)
    return found


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


def _refusing_verb(verb: Token, ctx: SentenceContext) -> Token | None:
    """VERB (or the cue it is the auxiliary chain of) when it takes a rejecting position:
    "would block", "would vote to block", "would not sign off on", "would not support"."""
    node = verb
    while True:  # "would vote to block": the innermost verb of the chain says what is done
        inner = [c for c in node.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                 and c.lemma_.lower() in ctx.lexicon.verbs]
        if not inner:
            break
        node = inner[0]
    cue = ctx.lexicon.verbs.get(node.lemma_.lower())
    if cue is None:
        return None
    stance, _factor = _polarity(node, cue.stance, ctx)
    if node != verb and any(c.dep_ == "neg" for c in verb.children):
        stance = _negate(stance)
    return node if stance == "rejects" else None


def _verdict_frame(noun: Token, lex: Lexicon) -> tuple[Token | None, Token | None]:
    """(judging verb, thing judged) when NOUN is a verdict on a verb's object: "called the offer
    a joke" (an apposition or predicate of the object), "described the draft as a betrayal"."""
    head = noun.head
    if noun.dep_ in ("appos", "dobj", "attr") and head.dep_ == "dobj" and head.i < noun.i \
            and head.head.lemma_.lower() in lex.verdict_verbs:
        return head.head, head
    if noun.dep_ == "pobj" and head.lower_ == "as":
        head = head.head
    elif noun.dep_ not in ("oprd", "attr", "dobj"):
        return None, None
    if head.pos_ != "VERB" or head.lemma_.lower() not in lex.verdict_verbs:
        return None, None
    objects = [c for c in head.children if c.dep_ == "dobj" and c != noun and c.i < noun.i]
    return (head, objects[0]) if objects else (None, None)


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
            last = tokens[matched[-1]]
            if last.dep_ == "prt":
                # "voted down the bill", "voted it down": the particle's verb has the proposal as object
                target_token = next((c for c in last.head.children if c.dep_ == "dobj"), None)
            else:
                target_token = _pobj(last) if last.pos_ == "ADP" else None
            if target_token is None or (target_token.lemma_.lower() in ctx.lexicon.documents
                                        and any(c.dep_ in ("acl", "relcl") for c in target_token.children)):
                continue  # "signed on to a letter urging X": the letter is how, X is what
            first = tokens[matched[0]]
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
            if target.flip:
                stance = "rejects" if stance == "supports" else "supports"
            elif cue.lemma in ctx.lexicon.word_sets["deciding"] and modal >= 1.0 and stance == cue.stance:
                ctx.memory.enact(target.proposal)  # "gave the green light to X"
            positions.append(Position(actors, stance, target.proposal, cue.lemma, confidence, coref, target.author))
    return positions

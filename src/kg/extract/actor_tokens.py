"""Resolve the token naming a position's actor into Actors: pronouns, appositions, groups and
their named members, and the official who speaks for a state or body."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.extract.actors import (GOVERNMENT_NOUNS, GROUP_PRONOUNS, PERSON_PRONOUNS, PRONOUN_GENDER, RELATIVE_PRONOUNS,
                               RULING_COALITION, SPEAKER_PRONOUNS, entity_name, entity_of, entry_actor,
                               mention_span, organisation_heads, organisation_words, owned_by_state)
from kg import gazetteer
from kg.extract.lexicon import Lexicon
from kg.iris import slugify
from kg.model import Actor
from kg.extract.context import ACTOR_ENTS, SentenceContext, _inside_quote, _pobj, _prep_targets
from kg.extract.subjects import (_OWN_GOVERNMENT_NOUNS, _QUANTIFIERS, _addressee_of_for_phrase, _speech_subject,
                                 find_subject)

_OWN_STATE_NOUNS = {"government", "country"}  # the speaker's own, when affiliated to a state ("her province" stays the speaker)
_OWN_GOVERNMENT_DETS = {"the", "his", "her", "our", "my", "their"}
_PLURAL_PRONOUNS = {"they", "them", "their", "we", "us", "our"}
_MINISTRY_NOUNS = {"ministry", "department"}
_BODY_MEMBERS = {"members", "leaders", "representatives", "delegates"}
_PAIR_NOUNS_OF_STATES = {"countries", "nations", "governments", "states", "capitals"}
_PAIR_NOUNS = _PAIR_NOUNS_OF_STATES | {"sides", "parties", "companies", "groups", "unions"}
_SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "official", "representative"}


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
    if lower in SPEAKER_PRONOUNS and token.text.isupper() and len(token.text) > 1:
        lower = token.text  # "the US backed the truce": the country, not "us"
    if lower in SPEAKER_PRONOUNS:
        speaker = _speech_subject(token, ctx)
        if speaker is not None and depth < 2 and speaker.text.lower() not in SPEAKER_PRONOUNS:
            actor, _ = resolve_actor_token(speaker, ctx, depth + 1)
            return actor, True
        return None, True
    if token.dep_ == "poss" and token.head.dep_ == "pobj" and depth < 2:
        addressee = _addressee_of_for_phrase(token.head.head, ctx.lexicon)
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
        if speaker is not None and speaker != token and speaker.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS \
                and (speaker.lower_ in PERSON_PRONOUNS) == (lower in PERSON_PRONOUNS) \
                and not any(t.ent_type_ in ACTOR_ENTS for t in token.doc[min(speaker.i, token.i) + 1:token.i]):
            # "X visited the plant. He said he supported the merger.": the speaker's own antecedent (not
            # when someone else is named in between: "he adds that Bush ... because he is in favor of")
            return ctx.resolver.resolve_pronoun(speaker.text, ctx.position_of(speaker), paragraph_start=ctx.offset), True
        if speaker is not None and speaker != token:
            return None, True  # reported speech of someone unnamed ("voters said they ...")
        return ctx.resolver.resolve_pronoun(token.text, ctx.position_of(token), paragraph_start=ctx.offset), True
    if token.lemma_.lower() in _SPOKESPEOPLE and depth < 2:
        # "a spokeswoman for X said it ...", "X's spokesman said ...", "officials at X said they ...":
        # who speaks for X relays X's position
        body = next((c for c in token.children if c.dep_ == "poss" and c.lower_ not in _PLURAL_PRONOUNS
                     and c.pos_ == "PROPN"), None) \
            or next((t for _p, t in _prep_targets(token, ("for", "of", "at", "from")) if t.ent_type_ in ACTOR_ENTS
                     or t.pos_ == "PROPN"), None) \
            or next((c for c in token.children if c.dep_ == "compound" and c.ent_type_ in ("ORG", "GPE")), None)
        demonym = gazetteer.lookup_demonym(body.text) if body is not None else None
        if body is not None and (demonym is None or body.text not in demonym.demonyms):  # ("Kuwaiti officials": below)
            actor, _ = resolve_actor_token(body, ctx, depth + 1)
            if actor is not None:
                return actor, True
    if token.lower_ in _BODY_MEMBERS and depth < 2 and not any(c.dep_ in ("det", "amod", "nummod") for c in token.children):
        # "Members of the Unite union voted to ...", "Leaders of the European Union backed ...": the
        # membership acting as a body is the body
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
            if actor is not None and actor.kind == "person" and (actor.role or actor.affiliation):
                return actor, True  # (an official: not "Haki Sasa, a rights group," tagged a person)
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
        state = _state_at(next((t for _p, t in _prep_targets(token, preps) if t.ent_type_ == "GPE"), None), ctx, depth)
        if state is not None:
            return state, False
    if token.lower_ in GOVERNMENT_NOUNS and depth < 2 and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        # "the government in Ankara", "the leadership in Pyongyang": the state whose capital it sits in
        state = _state_at(next((t for _p, t in _prep_targets(token, ("in",)) if t.ent_type_ == "GPE"), None), ctx, depth)
        if state is not None:
            return state, False
    if token.lemma_.lower() in _MINISTRY_NOUNS and depth < 2 and any(c.dep_ == "det" and c.lower_ == "the"
                                                                    for c in token.children) \
            and not any(c.dep_ == "poss" or c.ent_type_ in ("GPE", "NORP") for c in token.children):
        # "the foreign ministry said ...": of the state named where it speaks ("In Dhaka, the foreign
        # ministry ..."), else of the government the article is about (as "the government")
        place = next((t for p in token.sent.root.children if p.dep_ == "prep" and p.lower_ == "in"
                      and p.i < token.i for t in p.children if t.dep_ == "pobj" and t.ent_type_ == "GPE"), None)
        state = _state_at(place, ctx, depth) or ctx.resolver.government_before(ctx.position_of(token))
        if state is not None:
            return state, True
    if token.lemma_.lower() in ctx.lexicon.word_sets["place_kinds"] and depth < 2 and not token.ent_type_:
        # "the autonomous region of Gagauzia", "the city of Bamenda": the place named
        place = next((t for _p, t in _prep_targets(token, ("of",)) if t.ent_type_ in ("GPE", "LOC")), None)
        if place is not None:
            return resolve_actor_token(place, ctx, depth + 1)
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
        city = entity_name(owner)
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
        norp = [t for t in token.children if t.ent_type_ == "NORP" or t.ent_type_ == "GPE" or (
            t.dep_ == "poss" and t.ent_type_ and _names_state(t))]  # ("Sri Lanka's" tagged a person)
        if norp:
            head = "government" if RULING_COALITION.search(span.text) else token.text  # "Germany's ruling coalition"
            names = [(entity_of(t) or t).text for t in norp]  # "Saudi Arabia", not its last word
            actor = ctx.resolver.resolve_text(" ".join(names) + " " + head, None, ctx.position_of(token))
    if actor is not None and actor.kind == "organisation":
        actor = _owned_by_named_state(token, actor)
    if actor is None and depth < 2 and _own_body_word(token, ctx):
        # "Party chairman Kofi Mensah said the party would vote against the budget", no party named:
        # the speaker speaks for it, when the speaker's title says they are of it ("Union leader X said
        # members would ...", not "Analyst X said the party would ...")
        speaker = _speech_subject(token, ctx)
        if speaker is not None and speaker != token and speaker.lower_ not in PERSON_PRONOUNS | GROUP_PRONOUNS \
                and not _inside_quote(speaker, token.sent) and _titled_by(speaker, token, ctx):
            spoken, _ = resolve_actor_token(speaker, ctx, depth + 1)
            if spoken is not None:
                return spoken, True
    coref = token.pos_ != "PROPN" and not token.ent_type_
    return actor, coref


def _own_body_word(token: Token, ctx: SentenceContext) -> bool:
    """Whether TOKEN is an unnamed "the party", "the union", "our members" a speaker may speak for."""
    lemma = token.lemma_.lower()
    if token.dep_ not in ("nsubj", "nsubjpass") or token.ent_type_ or token.pos_ != "NOUN":
        return False
    if not (lemma in organisation_words() or lemma in ctx.lexicon.word_sets["own_bodies"]):
        return False
    return all(c.dep_ in ("det", "poss") and c.lower_ in _OWN_GOVERNMENT_DETS for c in token.children)


def _titled_by(speaker: Token, body: Token, ctx: SentenceContext) -> bool:
    """Whether the SPEAKER's title names the kind of BODY ("Party chairman", "union leader"; for
    "members", any organisation word)."""
    title = [t for t in speaker.subtree if t.i < speaker.i] + [t for a in speaker.children if a.dep_ == "appos"
                                                               for t in a.subtree]
    words = {t.lemma_.lower() for t in title}
    kinds = organisation_words()
    if body.lemma_.lower() in words or (body.lemma_.lower() == "member" and words & kinds):
        return True
    # "Its chairman, X, said members would ...", "IA lawmaker X said the party would ...": of a body
    # named in the title, unless that body is of another kind ("Carvel Group chief executive X said
    # the union would ...")
    outsiders = ctx.lexicon.word_sets["outside_roles"]
    if words & outsiders:
        return False  # "Analyst Mira Sand said the party would ...": an observer's reading
    owners = [t for t in title if (t.dep_ == "poss" and t.lower_ in ("its", "their")) or t.ent_type_ == "ORG"
              or t.pos_ == "PROPN" or gazetteer.is_role_word(t.lower_)]
    other_kind = any(t.ent_type_ == "ORG" and t.lower_ in kinds and t.lemma_.lower() != body.lemma_.lower()
                     for t in title)
    return bool(owners) and not other_kind


def _names_state(token: Token) -> bool:
    """Whether the entity TOKEN is part of is a state's name ("Sri Lanka's")."""
    entry = gazetteer.lookup_name(entity_name(token))
    return entry is not None and entry.kind == "state"


def _state_at(place: Token | None, ctx: SentenceContext, depth: int) -> Actor | None:
    """The state PLACE (a GPE, or None) names, when it names one: "officials in Nairobi", "the
    government in Ankara"."""
    if place is None:
        return None
    actor, _ = resolve_actor_token(place, ctx, depth + 1)
    return actor if actor is not None and actor.kind == "state" else None


def _owned_by_named_state(token: Token, actor: Actor) -> Actor:
    """"Brazil's Senate" and "the Senate of Paraguay" are those states', not the US Senate that a
    bare "Senate" resolves to."""
    for child in token.children:
        if child.dep_ == "poss" and child.i < token.i:
            ent = entity_of(token)
            return owned_by_state(actor, child.text, ent.text if ent is not None and ent.start > child.i else token.text)
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == token.i + 1:
            owner = _pobj(child)
            if owner is not None and owner.pos_ == "PROPN" and owner.left_edge.i == child.i + 1:
                name = token.doc[owner.left_edge.i:owner.i + 1].text  # "the Senate of the Dominican Republic"
                return owned_by_state(actor, re.sub(r"^the\s+", "", name, flags=re.IGNORECASE), token.text)
    return actor


def _pair_named_before(token: Token, ctx: SentenceContext) -> list[Actor]:
    """"India and Pakistan held talks. Both countries backed the ceasefire": "both countries", "the
    two sides" mean the two actors named just before ([] when it is not such a phrase)."""
    lower = token.lower_
    both = any(c.lower_ == "both" and c.dep_ in ("det", "predet", "preconj") for c in token.children)
    two = any(c.lower_ == "two" and c.dep_ == "nummod" for c in token.children) and any(
        c.lower_ == "the" and c.dep_ == "det" for c in token.children)
    if lower in _PAIR_NOUNS and (both or two) and not any(c.dep_ == "prep" for c in token.children):
        return ctx.resolver.last_pair(ctx.position_of(token), states_only=lower in _PAIR_NOUNS_OF_STATES)
    return []  # (a bare "both" is too often two people named with their parties: "X (R-Fla.) and Y ... both")


def _listed_as_appositions(token: Token) -> list[Token]:
    """"tabled by Tuvalu, Kiribati, the Marshall Islands and five other states": a list of names the
    parser read as appositions of the first (two or more of them, or one joined to more by "and")."""
    if token.ent_type_ not in ACTOR_ENTS or token.pos_ != "PROPN":
        return []
    named = [c for c in token.children if c.dep_ == "appos" and c.ent_type_ in ACTOR_ENTS and c.pos_ == "PROPN"
             and c.ent_type_ == token.ent_type_]
    if len(named) < 2 and not any(c.dep_ == "cc" for n in named for c in n.children):
        return []
    return [t for n in named for t in (n, *n.conjuncts) if t.ent_type_ in ACTOR_ENTS]


def resolve_actors(token: Token, ctx: SentenceContext, relative: Token | None = None) -> tuple[list[Actor], bool]:
    """Every actor named at TOKEN and its conjuncts ("Britain, France and Germany"); RELATIVE is
    the relative clause through which TOKEN was found, if any."""
    pair = _pair_named_before(token, ctx)
    if pair:
        return pair, True
    actors: list[Actor] = []
    coref_any = False
    nodes = [token, *token.conjuncts, *_listed_as_appositions(token)]
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
        elif token.lower_ == "they" and token.dep_ == "nsubj" and (speaker is None or speaker.lower_ == "they"):
            group = ctx.resolver.group_before(ctx.position_of(token))
            if group:
                return group, True  # "Britain and Norway met in Oslo. They agreed to back X"
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
                        if (t.ent_type_ in ("ORG", "NORP") or (t.pos_ == "PROPN" and t.text[:1].isupper()
                                                               and t.ent_type_ not in ("GPE", "LOC", "FAC", "PERSON")))
                        and getattr(resolve_actor_token(t, ctx)[0], "kind", None) != "person"]
            # (not "lawmakers from Texas": a place is no party)
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
        if node.pos_ in ("VERB", "AUX") and not (node.tag_ == "MD" and node.text[:1].isupper()) \
                and not (node.ent_type_ in ACTOR_ENTS and node.dep_ in ("nsubj", "nsubjpass") and node.text[:1].isupper()):
            continue  # (a capitalised "modal" found as the subject is a name: "Will urged ..."; so is a
            # name tagged as a verb at the start of a quote: '"Sweden backs the pact," X said')
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

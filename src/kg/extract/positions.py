"""Find positions in one parsed sentence: who (actor) takes which stance on what (proposal).

Works on spaCy's dependency parse. A cue from the lexicon anchors each position; the
actor is found from the cue's subject (through conjunctions, control verbs, relative
clauses and reported speech) and the proposal from its object or prepositional
complement. Negation, refusal, conditionals and questions adjust or cancel it.

This module reads each token's cue; the steps the cues share live beside it: context,
subjects, actor_tokens, targets, verb_targets, polarity, phrases and proposal_mentions.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from spacy.tokens import Span, Token

from kg.extract.actors import GOVERNMENT_NOUNS
from kg.extract.lexicon import Cue, Lexicon
from kg.iris import slugify
from kg.model import Actor
from kg.extract.context import ACTOR_ENTS, Position, SentenceContext, _inside_quote, _pobj, _prep_targets, distinct_heads
from kg.extract.subjects import _governing_subject, _speech_subject, find_subject
from kg.extract.actor_tokens import learn_pronoun_genders, resolve_actor_token, resolve_actors
from kg.extract.polarity import (_announced, _bare_vote, _modal_factor, _negate, _polarity,
                                 _reported_verdict, _verdict_frame)
from kg.extract.targets import (Target, _hung_complement, _noun_prep_targets, _that_clauses, _without_tail,
                                candidacy_of, clause_target, object_target)
from kg.extract.verb_targets import _rejected_course, _verb_targets
from kg.extract.proposal_mentions import _introduce_proposals
from kg.extract.proposals import tax_verdict
from kg.extract.phrases import _phrase_positions
from kg.extract.ballots import passed_with_votes_positions
from kg.extract.conditions import (CONDITION_CUE, only_if_condition_positions, threat_positions,
                                   unless_condition_positions)

# what other modules import from here (kg.extract.pipeline); defined in the modules it is split into
__all__ = ["ACTOR_ENTS", "Position", "SentenceContext", "learn_pronoun_genders", "positions_in_sentence"]

# verbs that judge their object by an adjective: "found the plan unacceptable"
_JUDGING_VERBS = {"find", "consider", "deem", "call", "judge", "declare", "think", "rule"}
_COPULAS = {"be", "remain", "seem", "look", "sound"}
_POSSESSIVE_PRONOUNS = {"its", "their", "his", "her", "our", "my", "your"}
# a course a government or body announces in a lead ("will take control of lithium projects")
_ACTION_CUE = Cue(lemma="will", pos="verb", stance="supports", weight=0.72, object=True)
# what "the bill has the backing of Y" is about: the subject, a proposal of a known type
_BORNE_CUE = Cue(lemma="borne", pos="noun", stance="supports", weight=0.85, object=True, object_types_only=True)
# a verdict noun is no cue of its own in cues.toml: it rejects, typed things only ("called the
# rally a joke" is about no proposal)
_VERDICT_CUE = Cue(lemma="verdict", pos="noun", stance="rejects", weight=0.7, object=True, object_types_only=True)
_CANDIDATE_VERDICT_CUE = replace(_VERDICT_CUE, person_object="candidacy")
# what praise of an outcome is seldom about: "called the outcome a win", "said the move was a boon"
_EVENT_ANAPHORS = frozenset({"vote", "outcome", "result", "move", "step", "decision", "victory", "win", "change"})

# the callback positions_in_sentence gives each kind of cue: it records a position found
Emit = Callable[..., None]


def _is_question(sent: Span) -> bool:
    return sent.text.rstrip(" \"'”’").endswith("?")


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
        # "gave the green light to X ... condemned the decision", "vetoed X ... condemned the decision"
        ctx.memory.decide(target.proposal, cue, stance, target.flip, factor >= 1.0, lex)
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

    verdict_heads = _verdict_heads(sent, lex)
    for token in sent:
        lemma = token.lemma_.lower()
        pos = token.pos_
        if pos == "VERB" and token.tag_ == "VBZ" and token.dep_ in ("dobj", "pobj") and lemma in lex.nouns:
            pos = "NOUN"  # "echoed calls for a ceasefire": a plural noun the tagger took for a verb
        # ---- verbs ---------------------------------------------------------
        verb_like = pos in ("VERB",) or (pos == "NOUN" and token.dep_ == "conj" and token.head.pos_ == "VERB"
                                          and lemma in lex.verbs and lemma not in lex.nouns)
        if pos == "NOUN" and token.dep_ == "conj" and token.head.pos_ == "VERB" and lemma in lex.verbs and token.tag_ == "NNS":
            verb_like = True  # "continues to reject X and demands that ...": a verb mis-tagged as noun
        if pos in ("ADV", "NOUN", "ADJ") and lemma in lex.verbs and any(c.dep_ == "nsubj" for c in token.children) \
                and any(c.dep_ == "dobj" for c in token.children):
            verb_like = True  # '"We back the truce," said X': a verb the tagger took for an adverb
        participle_adjective = (pos == "VERB" and (token.dep_ in ("acomp", "oprd", "amod", "acl")
                                                   or _adjective_after_copula(token))
                                and token.text.lower() in lex.adjectives
                                and not any(c.dep_ == "agent" for c in token.children))  # "opposed by X" is the verb
        if pos == "VERB" and token.tag_ == "VBN" and lemma not in lex.verbs and token.text.lower() in lex.adjectives \
                and _passive_verdict(token):
            participle_adjective = True  # "X said the bill was justified", "... is needed": a verdict
        if token.tag_ == "VBN" and token.dep_ == "amod" and (lemma in lex.verbs or lemma in lex.word_sets["hyphen_authors"]):
            # "the US-brokered truce", "a Saudi-proposed ceasefire", "the Kremlin-backed bill"
            if _hyphen_agent_positions(token, ctx, emit):
                continue
        if verb_like and lemma in lex.verbs and not participle_adjective \
                and not (not lex.verbs[lemma].object and pos == "VERB" and _consequence_stance(token, lex)):
            # (a cue only with its preposition is a consequence with an object: "push for X", but
            # "would push growers off their land")
            _verb_cue_positions(token, ctx, emit)
            continue
        # ---- the lead: "Chile's government will take control of lithium projects, the president said" ----
        if ctx.is_lead and pos == "VERB" and lemma in lex.acting_verbs and lemma not in lex.verbs \
                and _announced(token, ctx) and not _inside_quote(token, sent):
            _announced_course_positions(token, ctx, emit)
            continue
        # ---- "X said the government should scrap the tax": what the speaker says must be done ----
        if pos == "VERB" and lemma not in lex.verbs and _deontic(token, lex) \
                and lemma in lex.acting_verbs | lex.reversal_verbs | lex.enacting_verbs | lex.wished_verbs:
            _deontic_course_positions(token, ctx, emit)
            continue
        # ---- "'The ceasefire must hold,' X said": what the speaker says must stand or be kept ----
        if pos == "VERB" and (lemma not in lex.verbs or lemma in lex.word_sets["taking_effect"]) \
                and _deontic(token, lex) and _takes_effect(token, lex):
            _deontic_effect_positions(token, ctx, emit)
            continue
        # ---- "X said the law violated Y": a proposal that harms, in someone's words ----
        if pos == "VERB" and lemma in lex.benefiting_verbs and any(c.dep_ == "dobj" for c in token.children) \
                and not any(c.dep_ == "xcomp" for c in token.children):
            _harm_verdict_positions(token, sent, ctx, emit, stance="supports")
            continue
        enabled = _enabled_stance(token, lex) if pos == "VERB" else None
        if enabled is not None:
            # "X said the ceasefire would let herders return to their wells" (for it); "... would
            # let polluters dump waste" (against it)
            _harm_verdict_positions(token, sent, ctx, emit, stance=enabled)
            continue
        consequence = _consequence_stance(token, lex) if pos == "VERB" else None
        if consequence is not None:
            # "X said the tax would cost thousands of jobs", "... the deal would create 5,000 jobs"
            _harm_verdict_positions(token, sent, ctx, emit, stance=consequence)
            continue
        if pos == "VERB" and ((lemma in lex.harming_verbs and any(c.dep_ == "dobj" or (
                c.dep_ == "ccomp" and c.left_edge.lower_ == "what") for c in token.children)  # ("gut what is left of X")
                               and not any(c.dep_ == "xcomp" for c in token.children))
                              or (lemma == "pose" and any(c.dep_ == "dobj" and c.lemma_.lower() in lex.posed_harms
                                                          for c in token.children))):
            _harm_verdict_positions(token, sent, ctx, emit)
            continue
        # ---- nouns ---------------------------------------------------------
        if pos in ("NOUN",) and lemma in lex.nouns:
            _noun_cue_positions(token, ctx, emit)
            continue
        # ---- adjectives ------------------------------------------------------
        if pos == "ADJ" and any(c.dep_ == "advmod" and c.lower_ == "too" for c in token.children) \
                and not any(c.dep_ in ("xcomp", "ccomp", "prep") for c in token.children) \
                and (lemma not in lex.adjectives or lex.adjectives[lemma].subject_is_proposal):
            # "called the remedy too small and too late", "'The levy is far too high,' X said", "far
            # too generous" (even a word of praise; not "too early to say", "too close to call")
            _adjective_cue_positions(token, ctx, emit, _EXCESS_CUE)
            continue
        if pos == "ADJ" and lemma in lex.adjectives and lex.adjectives[lemma].stance == "supports" \
                and any(c.dep_ == "advmod" and c.lower_ == "too" for c in token.children):
            continue  # "far too generous to shareholders": no praise
        if (pos == "ADJ" and lemma in lex.adjectives) or participle_adjective:
            _adjective_cue_positions(token, ctx, emit)
            continue
        # ---- verdict nouns: "called the offer a joke", "described the draft as a betrayal" ----
        verdict_stance = verdict_heads.get(token.i)
        if verdict_stance == "supports" and any(t.lower_ in lex.word_sets["villains"]
                                                for _p, t in [*_prep_targets(token, ("for", "to")),
                                                              *_prep_targets(token.head, ("for", "to"))]):
            verdict_stance = "rejects"  # "a boon for billionaires", "a win for polluters", "a gift to polluters"
        if verdict_stance == "supports" and token.lemma_.lower() in ("gift", "present") and any(
                t.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") for _p, t in _prep_targets(token, ("to",))):
            verdict_stance = "rejects"  # "a gift to Moscow", "a gift to Fujairah and Port Said": to rivals
        if verdict_stance and token.dep_ in ("attr", "advmod") and token.head.lemma_.lower() in _COPULAS:
            _spoken_verdict_positions(token, verdict_stance, ctx, emit)
            continue
        if verdict_stance:
            _judged_verdict_positions(token, verdict_stance, ctx, emit)
            continue
        # ---- "X is against Y", "X was fully behind Y" --------------------------
        if pos == "ADP" and token.dep_ == "prep" and token.head.lemma_ == "be":
            _copula_prep_positions(token, ctx, emit)
            continue
        # ---- "X would block the deal unless it included Y": X wants Y ---------------
        if pos in ("VERB", "AUX") and token.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                                                    for m in token.children):
            unless_condition_positions(token, ctx, emit)
        # ---- "X could vote for the deal only if the chapter was removed": X wants it removed ----
        if pos in ("VERB", "AUX") and token.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "if" for m in token.children) \
                and any(a.dep_ == "advmod" and a.lower_ == "only" for a in token.children):
            only_if_condition_positions(token, ctx, emit)
    for token in sent:
        # ---- "the bill passed with the votes of X and Y": X and Y voted for it ----------
        if token.pos_ == "VERB" and (token.lemma_.lower() in lex.word_sets["deciding"] or token.lemma_.lower() == "vote"):
            passed_with_votes_positions(token, ctx, emit)
        # ---- "X would strike if parliament approved Y", "X threatened to strike over Y" ----------
        if token.pos_ == "VERB" and token.lemma_.lower() in lex.word_sets["protest_actions"]:
            threat_positions(token, ctx, emit)
        # ---- "Senator Ortiz's bill", "Britain's NATO membership bid": its author backs it ----------
        if token.pos_ == "NOUN" and token.lemma_.lower() not in lex.nouns:
            _authored_positions(token, ctx, emit)
    return found


# a typed proposal's author, named as its possessor ("Senator Ortiz's bill")
_AUTHOR_CUE = Cue(lemma="author", pos="noun", stance="supports", weight=0.72, object=True, object_types_only=True)


def _authored_positions(token: Token, ctx: SentenceContext, emit: Emit) -> None:
    """"Lawmakers debated Senator Ortiz's bill to cap interest rates": Ortiz, its author, backs it.
    Only things one authors ("bill", "plan", "bid"), not what is done to the possessor ("Maduro's
    ouster") or what the possessor merely has ("Obama's presidency"); not a pronoun's."""
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ == "PRON" or token.lemma_.lower() not in ctx.lexicon.word_sets["possessed_authored"] \
            or _inside_quote(token, token.sent):
        return
    if owner.ent_type_ not in ACTOR_ENTS and owner.pos_ != "PROPN":
        return
    emit(owner, "supports", object_target(token, _AUTHOR_CUE, ctx), "author", _AUTHOR_CUE.weight, 1.0)


def _verdict_heads(sent: Span, lex) -> dict[int, str]:
    """Token index -> stance of each verdict in SENT, at the word that stands where a noun verdict
    would: "a joke", "a slap in the face" (the phrase's head), "an act of betrayal" (the frame noun)."""
    heads: dict[int, str] = {}
    words = [t.lower_ for t in sent]
    taken: set[int] = set()
    for start, word in enumerate(words):
        for phrase, stance in lex.verdict_phrases.get(word, ()):  # (longest first)
            n = len(phrase)
            if tuple(words[start:start + n]) != phrase or taken & set(range(start, start + n)):
                continue
            span = sent[start:start + n]
            taken.update(range(start, start + n))
            heads[span.root.i] = stance
            break
    for token in sent:
        if token.pos_ != "NOUN" or token.i - sent.start in taken:
            continue
        lemma = token.lemma_.lower()
        stance = "rejects" if lemma in lex.verdict_nouns else "supports" if lemma in lex.praise_nouns else None
        if stance is None:
            stance = tax_verdict(token, lex)  # "a tax on jobs", "a levy on polluters"
        if stance is None:
            # "called her the strongest candidate", "the worst deal in a generation": a superlative verdict
            degree = {c.lower_ for c in token.children if c.dep_ == "amod"}
            evaluable = lemma in lex.proposal_heads or lemma in lex.word_sets["evaluable_nouns"] \
                or lemma in lex.word_sets["candidate_nouns"]  # (not "the strongest test yet", "the weakest link")
            stance = None if not evaluable else "supports" if degree & lex.verdict_degrees["praise"] else \
                "rejects" if degree & lex.verdict_degrees["blame"] else None
        if stance is None:
            continue
        frame = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
        if frame is not None and frame.lemma_.lower() in lex.verdict_frames:
            heads.setdefault(frame.i, stance)  # "called the amnesty an act of betrayal"
        else:
            heads.setdefault(token.i, stance)
    return heads


# what a bare "signed" can have signed
_SIGNED_TYPES = {"Treaty", "TradeDeal", "PeaceAgreement", "ClimateAgreement", "Ceasefire"}


def _taken_bare(verb: Token) -> bool:
    """"The rebels accepted", "the ministry has refused, saying ...": the verb with nothing
    after it that says what (no object, complement or clause; a date or a reason may follow)."""
    return not any(c.dep_ in ("dobj", "xcomp", "ccomp", "nsubjpass", "prt", "auxpass", "dative", "attr", "oprd")
                   or (c.dep_ == "prep" and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children))
                   for c in verb.children)


def _signed_bare(verb: Token) -> bool:
    """"X signed", "signed along with Y", "signed in Doha": "sign" with nothing signed named and
    no other sense ("signed up", "signed off on", "signed a letter", "was signed")."""
    if any(c.dep_ == "prep" and c.lower_ == "with" and any(g.ent_type_ in ("ORG", "PERSON") for g in c.children)
           for c in verb.children) or any(c.dep_ == "advcl" for c in verb.children):
        return False  # "Ronaldo signed with Al-Nassr", "would sign only after the quotas were removed"
    return not any(c.dep_ in ("dobj", "xcomp", "ccomp", "nsubjpass", "prt", "auxpass", "neg", "dative")
                   or (c.dep_ == "prep" and c.lower_ in ("on", "up", "off", "onto", "for", "as", "to")
                       and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children))  # ("signed on Tuesday")
                   for c in verb.children)


def _verb_cue_positions(token: Token, ctx: SentenceContext, emit: Emit) -> None:
    """A verb cue: "X backs Y", "X urged Z to reject Y", "Y is opposed by X"."""
    lex = ctx.lexicon
    lemma = token.lemma_.lower()
    cue = lex.verbs[lemma]
    particles = [c.text.lower() for c in token.children if c.dep_ == "prt"]
    if cue.particle and cue.particle not in particles:
        return
    if not cue.particle and particles and lemma in ("call", "back", "block", "rule", "sign", "push", "stand"):
        return  # "call off", "back down", "push back": other verbs
    if token.dep_ == "pcomp" and any(c.dep_ == "dobj" and c.lemma_.lower() in lex.containers
                                     and _hung_complement(c, lex) == [token] for c in token.head.head.children):
        return  # "rejected the calls for scrapping X": what was called for, not what they do
    if token.dep_ == "pcomp" and (
            (token.head.lower_ == "of" and any(c.lower_ == "instead" for c in token.head.children))
            or (token.head.lower_ == "than" and any(c.lower_ == "rather" for c in token.head.children))):
        return  # "referred the law to the court instead of signing it": what was not done
    outer = lex.verbs.get(token.head.lemma_.lower())
    if outer is not None and _rejected_course(token, outer, cue):
        return  # "ruled out rejoining X": the outer cue rejects the whole course of action
    modal = _modal_factor(token, ctx)
    if modal is None:
        return
    stance, factor = _polarity(token, cue.stance, ctx)
    if stance is None:
        return
    passive_subject = [c for c in token.children if c.dep_ == "nsubjpass"]
    if passive_subject and _deontic(token, lex) and not any(True for _p in _prep_targets(token, ("by",))):
        # "'The ban must be lifted,' X said": the speaker's wish
        speaker = _wisher(token, ctx)
        if speaker is not None:
            emit(speaker, stance, object_target(passive_subject[0], cue, ctx), lemma, cue.weight, factor * modal)
        return
    if passive_subject:
        agents = [t for _p, t in _prep_targets(token, ("by",))]
        adjective = lex.adjectives.get(token.text.lower())
        if not agents and adjective is not None:
            # "X is opposed to Y": a participle used as the adjective cue
            for prep, target_token in _prep_targets(token, adjective.preps):
                emit(passive_subject[0], stance if stance == cue.stance else stance,
                     object_target(target_token, adjective, ctx, via_prep=True), adjective.lemma,
                     adjective.weight, factor * modal)
            return
        if not agents:
            return
        target = object_target(passive_subject[0], cue, ctx)
        for agent in distinct_heads(agents):  # "hailed by X and by Y"
            emit(agent, stance, target, lemma, cue.weight, factor * modal)
        return
    if token.dep_ == "acl" and token.tag_ == "VBN" and cue.object:
        # "Kasich, endorsed by the Times, ...", "the plan, backed by France, ...": the agent
        # takes the stance on the noun the participle describes
        agents = [t for _p, t in _prep_targets(token, ("by",)) if t.dep_ == "pobj"]
        for agent in distinct_heads(agents):
            emit(agent, stance, object_target(token.head, cue, ctx), lemma, cue.weight, factor * modal * 0.95)
        return
    if token.dep_ == "advcl" and token.tag_ == "VBN" and cue.object and token.head.pos_ in ("VERB", "AUX"):
        # "The bill passed 104-79, backed by the Greens and the Liberals": what the clause is about
        agents = [t for _p, t in _prep_targets(token, ("by",)) if t.dep_ == "pobj"]
        about = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if agents and about is not None and about.pos_ == "NOUN":
            for agent in distinct_heads(agents):
                emit(agent, stance, object_target(about, CONDITION_CUE, ctx), lemma, cue.weight, factor * modal * 0.9)
            return
    subject = find_subject(token, lex)
    relative = token if token.dep_ == "relcl" and subject is not None and subject == token.head else None
    if _deontic(token, lex):
        # "X said the government should scrap the tax": X's wish, not the government's position
        subject, relative = _wisher(token, ctx), None
        if subject is None:
            return
    targets = _verb_targets(token, cue, ctx)
    bare = _bare_vote(token) if lemma == "vote" and not targets else None
    if bare is not None:
        # "X voted in favour, while Y voted against": on the proposal just reported ("would vote
        # yes": on the question a referendum puts, if there is one)
        ballot = any(c.lower_ in ("yes", "no") for c in token.children)
        last = (ctx.memory.last_of_type("Referendum") if ballot else None) or ctx.memory.last(ctx.sentence_index)
        if last is not None:
            targets = [(bare, Target(last, 0.85))]
    if lemma in lex.word_sets["bare_takers"] and not targets and not ctx.is_headline and _taken_bare(token) \
            and not any(t.lemma_.lower() in lex.word_sets["offering_verbs"] for t in token.sent) \
            and not any(c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in (
                "when", "if", "after", "before", "because", "until", "once") for m in c.children) for c in token.children):
        # "Kenya proposed a truce. The Kivu Front accepted.", "... The ministry has refused." (not
        # "was invited to the talks and accepted", "asked if he would resign, X refused", "objected when ...")
        recent = ctx.memory.named_in(ctx.sentence_index - 1) + ctx.memory.named_in(ctx.sentence_index)
        if recent:
            targets = [(cue.stance, Target(recent[-1], 0.8))]
    if lemma == "appeal" and not targets and not ctx.is_headline and _taken_bare(token):
        # "The court capped night flights. KLM said it would appeal.": against the decision
        decided = ctx.memory.just_enacted(ctx.sentence_index)
        if decided is not None and not decided[1] and not any(
                t.lemma_.lower() in lex.word_sets["court_outcomes"] for t in token.sent):
            targets = [("rejects", Target(decided[0], 0.8))]  # (not "convicted ... said he would appeal")
    if lemma == "sign" and not targets and _signed_bare(token):
        # "Oman pressed for changes but signed along with Qatar": the agreement just reported
        last = ctx.memory.last_among(_SIGNED_TYPES, ctx.sentence_index)
        if last is not None:
            targets = [("supports", Target(last, 0.8))]
    judge, agrees = _judge_of(token, lex)
    for target_stance, target in targets:
        if stance != cue.stance and stance == "supports":  # "refused to scrap X": X is to stay
            target_stance = "supports" if target_stance == "rejects" else None
        elif stance != cue.stance:  # negated or refused: flip whatever the cue said
            target_stance = "rejects" if target_stance == "supports" else None
        emit(subject, target_stance, target, lemma, cue.weight, factor * modal, relative=relative)
        if judge is not None and target_stance is not None:
            # "China criticised the US for imposing tariffs": China is against the tariffs
            emit(judge, target_stance if agrees else ("rejects" if target_stance == "supports" else "supports"), target, lemma,
                 cue.weight * 0.9, factor * modal)
    if lemma in lex.word_sets["mutual_verbs"] and stance == "supports" and len(targets) == 1 and targets[0][0] == "supports":
        # "Ethiopia signed an agreement with Eritrea": the other party is bound by it too
        for obj in (c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.word_sets["agreements"]):
            # ("with Y" on the agreement, or hung on the verb by the parser)
            for _p, party in [*_prep_targets(obj, ("with",)), *_prep_targets(token, ("with",))]:
                if party.ent_type_ in ("GPE", "ORG", "NORP", "PERSON"):
                    emit(party, "supports", targets[0][1], lemma, cue.weight * 0.9, factor * modal)


def _judge_of(token: Token, lex: Lexicon) -> tuple[Token | None, bool]:
    """Who praises or blames someone for doing TOKEN ("praised Y for signing X", "criticised Y for
    imposing X"), and whether the judge agrees with the act. (Not "accused Y of blocking X": an
    allegation, no position of Y's to judge.)"""
    prep = token.head
    if token.dep_ != "pcomp" or prep.lower_ != "for" or prep.dep_ != "prep":
        return None, False
    verb = prep.head
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or not any(c.dep_ == "dobj" and c.i < prep.i for c in verb.children):
        return None, False
    if lemma in lex.word_sets["praising_verbs"]:
        return find_subject(verb, lex), True
    if lemma in lex.word_sets["blaming_verbs"]:
        return find_subject(verb, lex), False
    return None, False


def _hyphen_agent_positions(token: Token, ctx: SentenceContext, emit: Emit) -> bool:
    """"The US-brokered truce": the one named before the hyphen takes the participle's side on
    the noun it describes (typed proposals only: "Iran-backed militias" are none)."""
    lex = ctx.lexicon
    lemma = token.lemma_.lower()
    agent = next((c for c in token.children if c.dep_ in ("npadvmod", "compound", "nmod", "nsubj")
                  and c.i + 2 == token.i and token.doc[c.i + 1].text == "-"
                  and (c.ent_type_ in ACTOR_ENTS or c.pos_ == "PROPN")), None)
    if agent is None:
        return False
    verb_cue = lex.verbs.get(lemma)
    cue = Cue(lemma=lemma, pos="verb", stance=verb_cue.stance if verb_cue else "supports",
              weight=min(verb_cue.weight, 0.85) if verb_cue else 0.8, object=True, object_types_only=True)
    emit(agent, cue.stance, object_target(token.head, cue, ctx), lemma, cue.weight, 1.0)
    return True


def _announced_course_positions(token: Token, ctx: SentenceContext, emit: Emit) -> None:
    """A course a government announces in the lead: "Chile's government will take
    control of lithium projects, the president said"."""
    lex = ctx.lexicon
    lemma = token.lemma_.lower()
    subject = find_subject(token, lex)
    target = clause_target(token, _ACTION_CUE, ctx, False, 0.85)
    done_to = next((c.lemma_.lower() for c in token.children if c.dep_ == "dobj"), "")
    if target is not None and token.tag_ == "VBD" and (target.proposal.proposal_type == "Policy"
                                                       or done_to in lex.word_sets["no_measures"]):
        return  # done, but no measure: "raised concerns about the election", "cut its growth forecast"
    if subject is not None and target is not None:
        actors, _coref = resolve_actors(subject, ctx)  # (with the official who announced it)
        if not any(a.kind == "state" for a in actors) and subject.lemma_.lower() not in GOVERNMENT_NOUNS:
            # a government's course ("Victoria's state government will ..."); a company's plans ("will
            # cut 5,000 jobs") are business
            actors = []
        # remembered in any case: "the plan", "the move" later mean it
        emit(None, "supports" if actors else None, target, lemma, _ACTION_CUE.weight, 1.0,
             actors=actors or None)
        if actors and token.tag_ == "VBD":
            # done: "banned X ... defended the decision"; "scrapped X ... welcomed the decision" is against X
            ctx.memory.enact(target.proposal, reversed_=target.flip)


# a course the speaker says must be done: lower than a cue, which names the stance
_DEONTIC_CUE = Cue(lemma="should", pos="verb", stance="supports", weight=0.7, object=True)


def _deontic(verb: Token, lex: Lexicon) -> bool:
    """Whether VERB is what someone says must be done: "should scrap", "must be lifted", "needs
    to end" (not "should it fail", a condition, nor "would have to", a hypothetical)."""
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in lex.deontic for c in verb.children):
        return not any(c.dep_ == "mark" and c.lower_ != "that" for c in verb.children) and verb.dep_ != "advcl" \
            and not any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("before", "until", "unless", "if")
                                                  for m in c.children) for c in verb.children)
        # (not "the provisions must be agreed before a summit can occur": a precondition)
    head = verb.head
    return (verb.dep_ == "xcomp" and head.lemma_.lower() in lex.deontic_verbs and head.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and not any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for c in head.children))


def _wisher(verb: Token, ctx: SentenceContext) -> Token | None:
    """Who says VERB must be done: the speaker of the reported speech it is in, if one is named
    outside the quote."""
    speaker = _speech_subject(verb, ctx)
    return None if speaker is None or _inside_quote(speaker, verb.sent) else speaker


def _deontic_course_positions(token: Token, ctx: SentenceContext, emit: Emit) -> None:
    """"X said the government should scrap the fuel tax" (against the tax), "'The ban must be
    lifted,' Y said", "Z said shareholders should bear the losses": the speaker wants the course."""
    speaker = _wisher(token, ctx)
    if speaker is None:
        return
    own = token if token.dep_ != "xcomp" else token.head
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
    target = clause_target(token, _DEONTIC_CUE, ctx, passive, 0.9)
    if target is None:
        return
    negated = any(c.dep_ == "neg" for c in own.children) or any(c.dep_ == "neg" for c in token.children)
    if negated and re.match(r"(?:not|never)\s", target.proposal.label):
        # "should not bear the bulk of it": against bearing it, not for not bearing it
        label = re.sub(r"^(?:not|never)\s+", "", target.proposal.label)
        target = replace(target, proposal=replace(target.proposal, key=slugify(label), label=label))
    emit(speaker, "rejects" if negated else "supports", target, token.lemma_.lower(), _DEONTIC_CUE.weight, 1.0)


def _takes_effect(verb: Token, lex: Lexicon) -> bool:
    """"the truce must hold", "the referendum should go ahead", "the law must be respected": its
    subject, a proposal, is to stand, happen or be kept ([word_sets] taking_effect, kept)."""
    lemma = verb.lemma_.lower()
    if any(c.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "attr") for c in verb.children):
        return False  # "the port must stay open", "the bridge must be kept open": a state of a thing
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return lemma in lex.word_sets["kept"]
    if not any(c.dep_ == "nsubj" for c in verb.children) or any(c.dep_ == "dobj" for c in verb.children):
        return False
    if lemma == "go":
        return any(c.lower_ in ("ahead", "forward") for c in verb.children)
    return lemma in lex.word_sets["taking_effect"] or lemma in lex.word_sets["standing"]


def _deontic_effect_positions(token: Token, ctx: SentenceContext, emit: Emit) -> None:
    """"'The ceasefire must hold,' X said", "X said the referendum should go ahead": the speaker
    backs the subject; "must not go ahead" rejects it."""
    speaker = _wisher(token, ctx)
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if speaker is None or subject is None:
        return
    negated = any(c.dep_ == "neg" for c in token.children)
    emit(speaker, "rejects" if negated else "supports", object_target(subject, _VERDICT_CUE, ctx),
         token.lemma_.lower(), _DEONTIC_CUE.weight, 0.9)


# "too small", "far too weak": a verdict against what it is said of, whatever the adjective
_EXCESS_CUE = Cue(lemma="too", pos="adjective", stance="rejects", weight=0.65, subject_is_proposal=True)



def _consequence_stance(verb: Token, lex: Lexicon) -> str | None:
    """The stance of one who says a proposal will do VERB to its object ([consequences]): "cost
    thousands of jobs" rejects it, "create 5,000 jobs" supports it; None for any other verb or object."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt" or (
        c.dep_ == "advmod" and c.lower_ in ("away", "off", "out", "up"))), None)  # ("drive investors away")
    lemma = verb.lemma_.lower()
    table = lex.consequences.get(f"{lemma} {particle}") if particle else lex.consequences.get(lemma)
    if not table:
        return None
    if any(c.lower_ in ("little", "nothing", "less", "few") for c in verb.children):
        return None  # ("would cost consumers little")
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and obj.lemma_.lower() in lex.word_sets["quantity_nouns"]:
        obj = next((t for _p, t in _prep_targets(obj, ("of",))), obj)  # "thousands of jobs"
    people = obj is not None and (obj.lemma_.lower() in lex.people | lex.word_sets["enabled_people"]
                                  or obj.lower_ in lex.people or obj.lemma_.lower() in ("million", "business", "company"))
    if people and lemma in ("force", "push") and table.get(obj.lemma_.lower()) and not _pushed_to_harm(verb, lex):
        return None  # "force companies to hire older workers", "push millions out of poverty": what to, first
    return table.get(obj.lemma_.lower()) if obj is not None else None


def _pushed_to_harm(verb: Token, lex: Lexicon) -> bool:
    """Whether "force X to ..." or "push X ..." drives X to a harm: "force farmers to sell their
    land", "push growers off their land", "push millions into poverty" (not "out of poverty")."""
    done = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"), None)
    if done is not None:
        return done.lemma_.lower() in lex.word_sets["forced_harms"]
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        if prep.lower_ in ("off", "below"):
            return True
        if prep.lower_ == "into" and any(g.lemma_.lower() in lex.word_sets["hardships"] for g in prep.children):
            return True
    return False


def _enabled_stance(verb: Token, lex: Lexicon) -> str | None:
    """The stance of one who says a proposal would let someone do something: "let herders return"
    (supports), "allow companies to dump waste" or "let polluters ..." (rejects); None otherwise."""
    if verb.lemma_.lower() not in ("let", "allow", "enable"):
        return None
    done = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB"), None)
    if done is None or any(c.dep_ == "neg" for c in (*verb.children, *done.children)):
        return None
    doers = [c for c in (*verb.children, *done.children) if c.dep_ in ("dobj", "nsubj") and c.i < done.i]
    if any(d.lower_ in lex.word_sets["villains"] or d.lemma_.lower() in lex.word_sets["villains"] for d in doers):
        return "rejects"
    if done.lemma_.lower() in lex.word_sets["enabled_harms"]:
        return "rejects"  # "would allow companies to dump waste", "would let the militias rearm"
    if not doers or any(d.ent_type_ or d.pos_ in ("PROPN", "PRON") for d in doers):
        return None  # "would let Hamas return", "let Russia keep the land": good for whom depends on the side
    if not any(d.lemma_.lower() in lex.people or d.lower_ in lex.people or d.lemma_.lower() in lex.word_sets["enabled_people"]
               for d in doers):
        return None  # only plain people ("herders", "residents", "families"), not "companies" or "tenants"
    return "supports" if done.lemma_.lower() in lex.word_sets["enabled_goods"] else None


def _harm_verdict_positions(token: Token, sent: Span, ctx: SentenceContext, emit: Emit,
                            stance: str = "rejects") -> None:
    """"X said the law violated Y": a proposal that harms, in someone's words; with STANCE
    "supports", one that helps ("'The pact will help small exporters,' Y said")."""
    lemma = token.lemma_.lower()
    verdict = _reported_verdict(token, ctx)
    if verdict is not None and not verdict.negated and not _inside_quote(verdict.speaker, sent):
        emit(verdict.speaker, stance, object_target(verdict.judged, _VERDICT_CUE, ctx), lemma, 0.7, verdict.modal)


def _noun_cue_positions(token: Token, ctx: SentenceContext, emit: Emit) -> None:
    """A noun cue: "X's support for Y", "X expressed opposition to Y", "a call by X for Y"."""
    lex = ctx.lexicon
    lemma = token.lemma_.lower()
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
        if anchor.dep_ == "pobj" and anchor.head.head.pos_ == "VERB" and anchor.head.head.lemma_.lower() in lex.verbs \
                and anchor.head.head.lemma_.lower() not in lex.light_verbs:
            subject = None  # "objected to the proposal to ban X", "objected to calls for X": not the caller
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
                    for giver in distinct_heads(givers):  # "endorsements from X and from Y"
                        emit(giver, "supports", Target(candidacy_of(person), 0.9), lemma, cue.weight, modal)
            elif person is None:
                target = object_target(receiver, _BORNE_CUE, ctx)
                if target is not None:
                    for giver in distinct_heads(givers):
                        emit(giver, cue.stance, target, lemma, cue.weight * 0.95, modal)
            return
        if token.head.lemma_.lower() in lex.receivers:
            return
    appositive = cue.copula_only and token.dep_ == "appos" and possessor is None \
        and token.head.pos_ in ("PROPN", "NOUN")
    if appositive:
        subject = token.head  # "Senator X, a staunch supporter of the pipeline, ..."
    elif cue.copula_only:
        governor = token.head
        while governor.dep_ in ("pobj", "prep") and governor.head != governor:
            governor = governor.head
        if not (token.dep_ == "attr" or governor.dep_ == "attr"):
            return
    if subject is None:
        return
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
            targets.append((cue.stance_for(prep), target))  # "a petition for X", "a lawsuit against X"
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
        return
    if late_source is not None:
        tail = token.doc[late_source.i:late_source.right_edge.i + 1].text
        for _stance, target in targets:
            target.proposal = _without_tail(target.proposal, tail, lex)
    modal = _modal_factor(token.head if token.head.pos_ in ("VERB", "AUX") else token, ctx)
    if modal is None:
        return
    negated = token.head.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in token.head.children)
    if token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_.lower() in lex.withdrawing_verbs:
        negated = not negated  # "withdrew its support for X" takes the support back
    for stance, target in targets:
        stance = _negate(stance) if negated else stance
        emit(subject, stance, target, lemma, cue.weight, modal * (0.8 if negated else 1.0))


def _adjective_after_copula(token: Token) -> bool:
    """Whether TOKEN, a participle, is a second predicate of a copula ("it was in favour of X but
    opposed to Y"), read by the parser as a verb conjoined to it, with no object of its own."""
    return token.dep_ == "conj" and token.head.lemma_ == "be" and token.tag_ in ("VBN", "VBD") \
        and not any(c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in token.children)


def _passive_verdict(token: Token) -> bool:
    """Whether TOKEN is a participle judging its passive subject, with no one doing it ("the
    bill was justified"), and no clause after it ("it is needed to ...")."""
    return token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children) \
        and any(c.dep_ == "nsubjpass" for c in token.children) \
        and not any(c.dep_ in ("agent", "xcomp", "ccomp") for c in token.children)


def _adjective_cue_positions(token: Token, ctx: SentenceContext, emit: Emit, cue: Cue | None = None) -> None:
    """An adjective cue: "X is opposed to Y", "willing to back Y", "found the plan unacceptable"
    (CUE: the adjective's own cue, if it has none in the lexicon)."""
    lex = ctx.lexicon
    lemma = token.lemma_.lower()
    pos = token.pos_
    cue = cue or lex.adjectives[lemma if pos == "ADJ" else token.text.lower()]
    modal = _modal_factor(token.head if token.head.pos_ in ("VERB", "AUX") else token, ctx)
    if modal is None:
        return
    if cue.subject_is_proposal:
        head = token.head
        cue = replace(cue, object_types_only=True)  # a verdict on a thing named as a proposal ("called the hotel wonderful": none)
        if token.dep_ == "amod" and token.i > head.i and head.dep_ == "dobj" \
                and head.head.lemma_.lower() in _JUDGING_VERBS:
            # "called the plan unworkable", the verdict parsed as a modifier after its noun
            subject = find_subject(head.head, lex)
            if subject is not None:
                emit(subject, cue.stance, object_target(head, cue, ctx), lemma, cue.weight, modal)
            return
        if token.dep_ == "ccomp" and head.pos_ == "VERB" and head.lemma_.lower() in _JUDGING_VERBS:
            # "X found the proposal unacceptable", parsed as a small clause
            subject = find_subject(head, lex)
            objects = [c for c in token.children if c.dep_ == "nsubj"]
            if objects and subject is not None:
                emit(subject, cue.stance, object_target(objects[0], cue, ctx), lemma, cue.weight, modal)
            return
        if token.dep_ == "oprd" and head.pos_ in ("VERB",):
            # "terms that Ukraine has found unacceptable", "X finds the plan unacceptable"
            objects = [c for c in head.children if c.dep_ == "dobj"]
            subject = find_subject(head, lex)
            if objects and subject is not None:
                emit(subject, cue.stance, object_target(objects[0], cue, ctx), lemma, cue.weight, modal)
            return
        if _passive_verdict(token):
            # "X said the land bill was needed", parsed as a passive
            verdict = _reported_verdict(token, ctx, judged_dep="nsubjpass")
            if verdict is not None:
                emit(verdict.speaker, _negate(cue.stance) if verdict.negated else cue.stance,
                     object_target(verdict.judged, _VERDICT_CUE, ctx), lemma, cue.weight * 0.95, verdict.modal)
            return
        second = None
        if token.dep_ == "conj" and head.dep_ == "acomp" and head.head.lemma_.lower() in _COPULAS:
            second = token  # "was painful but unworkable": the copula's second predicate
            token, head = head, head.head
        if token.dep_ == "acomp" and head.lemma_.lower() in _COPULAS:
            # "'The ruling is deeply flawed,' Li said", "X said the plan was unworkable": a verdict
            # on the proposal, in the words of the one reporting it (the author's own is none)
            extraposed = any(c.dep_ in ("xcomp", "ccomp") for c in head.children) or any(
                c.dep_ in ("xcomp", "ccomp") for c in token.children)  # "it is vital to act", "... that X"
            conditional = any((c.dep_ == "prep" and c.lower_ in ("without", "unless", "until")) or (
                c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if", "until") for m in c.children))
                              for c in (*token.children, *head.children))  # "a deal is impossible without Russia"
            verdict = None if extraposed or conditional else _reported_verdict(head, ctx, also_negated_by=second or token)
            if verdict is not None and verdict.judged.lemma_.lower() != "vote":  # "the vote was crucial": the ballot
                emit(verdict.speaker, _negate(cue.stance) if verdict.negated else cue.stance,
                     object_target(verdict.judged, _VERDICT_CUE, ctx), lemma, cue.weight * 0.95, modal)
        return
    subject = _governing_subject(token, ctx) if token.dep_ in ("acomp", "oprd") else (
        token.head if token.dep_ in ("amod", "acl") else None)
    if subject is None and token.dep_ in ("ccomp", "ROOT", "conj"):
        # 'he was "personally opposed" to the ban': the quotes made the parser give the
        # adjective its own subject
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and _adjective_after_copula(token):
        subject = find_subject(token.head, lex)  # "it was in favour of X but opposed to Y"
    if token.dep_ in ("oprd", "advcl"):
        # "it empowers candidates willing to ...": the adjective describes the object
        objects = [c for c in token.head.children if c.dep_ == "dobj" and c.right_edge.i == token.i - 1]
        subject = objects[0] if objects else subject
    if subject is None:
        return
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


def _spoken_verdict_positions(token: Token, verdict_stance: str, ctx: SentenceContext, emit: Emit) -> None:
    """A verdict noun after a copula, in someone's reported words."""
    lemma = token.lemma_.lower()
    # "'This deal is a betrayal,' said X", "X said the plan was a mistake": the speaker's verdict
    verdict = _reported_verdict(token.head, ctx)
    if verdict is not None and not verdict.negated and not (
            verdict_stance == "supports" and verdict.judged.lemma_.lower() in _EVENT_ANAPHORS):
        # ("the vote was a victory", "the move was a boon": an outcome praised, seldom a proposal)
        emit(verdict.speaker, verdict_stance, object_target(verdict.judged, _VERDICT_CUE, ctx), lemma,
             _VERDICT_CUE.weight * 0.95, verdict.modal)


def _judged_verdict_positions(token: Token, verdict_stance: str, ctx: SentenceContext, emit: Emit) -> None:
    """A verdict noun a verb passes on its object: "called the offer a joke", "described
    the draft as a betrayal"."""
    lex = ctx.lexicon
    lemma = token.lemma_.lower()
    judge, judged = _verdict_frame(token, lex)
    if judge is not None and judged is not None and not any(c.dep_ == "neg" for c in judge.children) \
            and not (verdict_stance == "supports" and judged.lemma_.lower() in _EVENT_ANAPHORS):
        modal = _modal_factor(judge, ctx)
        # "called Alleyne the strongest candidate": of a person as a candidate, on the candidacy
        cue = _CANDIDATE_VERDICT_CUE if lemma in lex.word_sets["candidate_nouns"] else _VERDICT_CUE
        if modal is not None:
            emit(find_subject(judge, lex), verdict_stance, object_target(judged, cue, ctx), lemma,
                 _VERDICT_CUE.weight, modal)


def _copula_prep_positions(token: Token, ctx: SentenceContext, emit: Emit) -> None:
    """A preposition cue after a copula: "X is against Y", "X was fully behind Y"."""
    lex = ctx.lexicon
    lemma = token.lemma_.lower()
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

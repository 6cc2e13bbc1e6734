"""What a cue's object or clause proposes: the Target (a Proposal, reversed for "an end to X")
that a noun phrase, a "to" clause or a that-clause names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from kg.extract.actors import GOVERNMENT_NOUNS, entity_of, mention_span
from kg.extract.lexicon import Cue, Lexicon, reverses
from kg.extract.proposals import bids_for_a_company, clause_proposal, noun_proposal, prep_hung_after, with_proposer
from kg.iris import slugify
from kg.model import Actor, Proposal
from kg.extract.context import ACTOR_ENTS, SentenceContext, _pobj, _prep_targets
from kg.extract.actor_tokens import resolve_actor_token

_CONTAINER_PREPS = ("for", "of", "to", "on")
_ANAPHORIC_DETS = {"this", "that", "the", "these", "those", "such"}
# people whose abandonment is a position on their candidacies
_CANDIDATE_NOUNS = {"candidate", "nominee", "incumbent", "contender", "frontrunner", "front-runner"}
# auxiliaries that make a that-clause after "demand", "call", "insistence" a course of action
_DEONTIC_AUX = {"should", "must", "shall", "would", "will", "need", "ought"}


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
    if lower == "one" and token.dep_ == "dobj" and not list(token.children):
        # "Saudi Arabia favours an output cut, but Russia opposes one": one of those named in the sentence
        same = ctx.memory.named_in(ctx.sentence_index)
        return Target(same[-1], 0.75) if same else None
    if token.pos_ == "PRON":
        if lower == "it" or (lower in ("this", "that") and token.dep_ == "nsubj"):
            # (a verdict's "'This is a betrayal,' X said" only on a proposal named just before)
            return pronoun_target(token, ctx, topic=lower == "it" and cue.lemma != "verdict")
        if lower in ("they", "them") and token.dep_ == "nsubj" and token.head.lemma_.lower() in lex.harming_verbs:
            # "the sanctions ... would only hurt miners, she said": plural measures named just before
            plural = [p for p in ctx.memory.named_in(ctx.sentence_index) + ctx.memory.named_in(ctx.sentence_index - 1)
                      if p.proposal_type != "Policy" and p.label.lower().split()[-1].endswith("s")]
            if len({p.key for p in plural}) == 1:
                return Target(plural[0], 0.75)
        if lower in ("him", "her") and cue.person_object == "candidacy" and token.dep_ in ("dobj", "pobj") \
                and any(t.lemma_.lower() in lex.word_sets["race_words"] for t in token.doc):
            # "Gambia nominated Lamin Sowe. Nigeria has since declared for him": his candidacy, in
            # an article about a race ("backed her" after a speech is backing what she said)
            person, _ = resolve_actor_token(token, ctx)
            doer = next((c for c in token.head.children if c.dep_ == "nsubj"), None) if token.dep_ == "dobj" else None
            doer_actor = resolve_actor_token(doer, ctx)[0] if doer is not None else None
            if person is not None and person.kind == "person" and (doer_actor is None or doer_actor.key != person.key):
                # (not "Trump endorsed him" read as Trump himself)
                return Target(candidacy_of(person), 0.8)
        return None  # a bare "it" or "this" is too often an event, not the last proposal
    if token.pos_ == "VERB" and lemma in lex.deliberating_verbs:
        return None  # "open to reviewing the deal" weighs it without taking a side
    if lemma in lex.word_sets["amounts"]:
        # "approved 180 million euros in public funding to rebuild the stadium", "$2 billion of aid":
        # the thing funded, not the sum
        funded = next((t for _p, t in _prep_targets(token, ("in", "of", "for"))), None)
        if funded is not None and funded.pos_ in ("NOUN", "PROPN"):
            return object_target(funded, cue, ctx, via_prep)
    ballot = next((c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "det", "nmod")
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
        target = clause_target(token, cue, ctx, True, 0.95)
        if target is not None or not _noun_tagged_verb(token):
            return target
    children = {c.dep_ for c in token.children}
    has_det = any(c.dep_ == "det" and c.text.lower() in _ANAPHORIC_DETS for c in token.children)
    complement = [t for _p, t in (_noun_prep_targets(token, _CONTAINER_PREPS, lex) if lemma in lex.containers
                                  else _prep_targets(token, _CONTAINER_PREPS))]
    if not complement and lemma in lex.containers and (token.dep_ == "dobj" or (
            token.dep_ == "pobj" and token.head.head.pos_ == "VERB")):
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
    summing_up = token.dep_ == "appos" or (token.dep_ in ("dobj", "npadvmod") and token.head.pos_ == "VERB"
                                           and lemma not in lex.word_sets["event_nouns"] and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children) and any(
        c.dep_ in ("relcl", "acl") for c in token.children))  # ("..., an idea the government has rejected")
    if lemma in lex.anaphora and summing_up and not has_det and not complement and not to_clause \
            and before is not None and token.doc[token.left_edge.i - 1].text == "," and before.pos_ == "NOUN" \
            and before.lemma_.lower() not in lex.anaphora:
        # "vowed to cut the levy, a plan the union opposes": the noun sums up the phrase just before
        # it (the parser often hangs it on the subject instead)
        while before.dep_ == "pobj" and before.head.dep_ == "prep":
            # "an inquiry into the killings, an idea ...": the inquiry (the "into" hung on it or on its verb)
            owner = before.head.head
            if owner.pos_ == "VERB" and owner.dep_ in ("acl", "relcl") and owner.head.pos_ == "NOUN":
                owner = owner.head  # "an amnesty for separatists involved in the 2017 bid, a measure ..."
            elif owner.pos_ == "VERB":
                owner = next((c for c in owner.children if c.dep_ == "dobj" and c.i < before.head.i), owner)
            if owner.pos_ != "NOUN" or owner.i > before.i:
                break
            before = owner
        if token.head.pos_ == "NOUN" and token.head.dep_ in ("dobj", "pobj", "attr") and token.head.i < token.i:
            return object_target(token.head, cue, ctx, via_prep)  # "proposed a voucher program for X, a plan ..."
        verb = before.head
        if before.dep_ == "dobj" and verb.pos_ == "VERB" and verb.dep_ in ("xcomp", "ccomp") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in verb.children):
            return clause_target(verb, cue, ctx, False, 0.85)
        return object_target(before, cue, ctx, via_prep)
    if lemma in lex.word_sets["bare_reversals"] and not complement and not to_clause \
            and not children & {"poss", "compound", "nmod", "amod", "det"} and token.tag_ == "NN":
        # "The Conservatives backed repeal": the repeal of what was just discussed (or that proposal
        # itself when it is one to undo something: "a bill to withdraw the laws ... Repeal is ...")
        last = ctx.memory.last(ctx.sentence_index)
        if last is not None:
            undoing = any(w in lex.reversal_verbs or w in lex.reversal_nouns for w in last.label.lower().split())
            return Target(last, 0.8, flip=not undoing)
    if lemma in lex.nominal_courses and has_det and not complement and not to_clause \
            and not children & {"poss", "compound", "nmod"}:
        # "will raise the carbon tax ... would not implement the increase": the course that does it
        course = ctx.memory.course_named(lemma, lex.nominal_courses[lemma])
        if course is not None:
            return Target(course, 0.8, flip=ctx.memory.is_ended(course))
    if lemma in lex.referring_nouns and not complement and not to_clause \
            and lemma not in lex.word_sets["event_nouns"]:  # ("Germany's decision" is not what it backed)
        # "Italy welcomed the German proposal", "the Philippine push", "Germany's plan": the last one
        # that actor was said to back
        owner = _owner_of(token, ctx)
        backed = ctx.memory.backed_by(owner.key) if owner is not None else None
        if backed is not None:
            return Target(backed, 0.85)
    # "the court ordered X ... welcomed the ruling": X, if the order was just reported
    just_decided = ctx.memory.just_enacted(ctx.sentence_index) if lemma in _RULING_NOUNS else None
    if (lemma in lex.anaphora or just_decided is not None) and has_det and not complement and not to_clause and "poss" not in children \
            and not children & {"compound", "nmod"}:  # "the peace plan" names its own proposal
        # "the package" is the last "package of sanctions" named, however far back and whatever was
        # said of it then, before the last proposal of any kind
        decided = ctx.memory.last_enacted() if lemma in ("decision", "vote") else just_decided
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
            does = token.head if token.dep_ == "nsubj" and token.head.pos_ == "VERB" else None
            if does is not None and any(a.dep_ == "aux" and a.lower_ in ("would", "will") for a in does.children) \
                    and does.lemma_.lower() in lex.acting_verbs | lex.enacting_verbs:
                # "The plan, backed by France and Germany, would create a joint defence fund": named
                # by what it would do
                course = clause_proposal(does, lex, include_subject=False)
                if course is not None:
                    label = f"{token.lower_} to {course.label}"
                    return Target(Proposal(slugify(label), label, course.proposal_type, course.qualifiers), 0.8)
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
    if lemma in lex.containers and (complement or to_clause) and not bids_for_a_company(token, lex):
        # ("a bid for the bank" is the takeover itself, not the bank)
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
        if noun_cue is not None and noun_cue.stance == "rejects" and complement \
                and not any(True for _p in _prep_targets(token, noun_cue.preps)):
            return None  # "condemned Venezuela's opposition for the plan": the political opposition
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
    named_text = token.ent_type_ == "ORG" and token.pos_ == "PROPN" \
        and lemma in lex.type_heads.get("Treaty", frozenset()) | lex.type_heads.get("Legislation", frozenset())
    if token.ent_type_ in ("GPE", "NORP", "ORG", "LOC", "FAC") and not complement and lemma not in lex.containers \
            and not indefinite and not named_text:  # ("the Istanbul Convention" tagged a body is a treaty)
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
            or (c.dep_ == "relcl" and c.i > 0 and token.doc[c.left_edge.i - 1].text == ",")
            for c in token.children):
        # "the deal", "the bill", "the project, which ...": the one named more fully before, not a
        # second, vaguer proposal
        earlier = ctx.memory.fuller(lemma, lex.same_heads.get(lemma, ()))
        if earlier is not None and not earlier.course:
            # (not a course of action that names it: "the dam" after "postpone construction of the dam")
            return Target(earlier, 0.9)
        if any(c.dep_ == "det" and c.lower_ in ("this", "that") for c in token.children):
            # "rejected the offer to sell 400 stores as a remedy ... called that remedy too small"
            named = ctx.memory.containing(lemma, ctx.sentence_index)
            if named is None and proposal.proposal_type == "Policy":
                # (or the one untyped course named just before)
                untyped = {p.key: p for p in ctx.memory.named_in(ctx.sentence_index - 1) if p.proposal_type == "Policy"}
                named = next(iter(untyped.values())) if len(untyped) == 1 else None
            if named is not None:
                return Target(named, 0.85)
    if proposer is not None and lemma in lex.containers and not complement:
        label = f"{proposer.label}'s {proposal.label}"
        proposal = Proposal(slugify(label), label, proposal.proposal_type, proposal.qualifiers, proposer,
                            proposal.aliases | {proposal.label})
    if proposal.proposal_type == "Policy" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                                  for c in token.children):
        # "the bread increase" after "a 75% increase in the price of subsidised bread": that one
        fuller = ctx.memory.covering(proposal)
        if fuller is not None:
            return Target(fuller, 0.85)
    if cue.object_types_only and proposal.proposal_type == "Policy" and lemma not in lex.referring_nouns \
            and not ctx.memory.taken_up(proposal.key):
        return None  # (an untyped one the article has already made a proposal of counts)
    if author is not None:
        proposal = with_proposer(proposal, author)
    return Target(proposal, 1.0 if proposal.proposal_type != "Policy" else 0.9,
                  author=author or (proposer if lemma in lex.word_sets["authored"] else None))


# what a court's decision is called: "the ruling" after "the court ordered X" is X
_RULING_NOUNS = {"ruling", "judgment", "judgement", "verdict", "order"}


def _owner_of(noun: Token, ctx: SentenceContext) -> Actor | None:
    """The actor whose NOUN it is, when the noun says nothing else of what it is: a named possessor
    ("Germany's proposal") or a demonym or name after "the" ("the German proposal", "the Philippine
    push"); not a pronoun, and not "Russia's territorial demands" or "a European Union plan"."""
    owners = [c for c in noun.children if (c.dep_ == "poss" and (c.pos_ == "PROPN" or (
                  c.lemma_.lower() in GOVERNMENT_NOUNS and any(d.lower_ == "the" for d in c.children))))  # "the government's plan"
              or (c.dep_ in ("amod", "compound") and c.i < noun.i and c.ent_type_ in ("NORP", "GPE", "ORG"))]
    if len(owners) != 1:
        return None
    owner = owners[0]
    others = [c for c in noun.children if c != owner and not c.is_punct
              and not (c.dep_ == "det" and c.lower_ in ("the", "this", "that") and owner.dep_ != "poss")
              and c.dep_ != "case"]
    if others or (owner.dep_ != "poss" and not any(c.dep_ == "det" for c in noun.children)):
        return None
    actor, _ = resolve_actor_token(owner, ctx)
    return actor


def _noun_tagged_verb(token: Token) -> bool:
    """Whether TOKEN, tagged a verb, is a noun the small model mistook ("opposes the catch cut"):
    it has a determiner and neither a subject nor an object of its own."""
    return any(c.dep_ == "det" and c.i < token.i for c in token.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass") for c in token.children)


def _hung_complement(noun: Token, lex: Lexicon) -> list[Token]:
    """The "for ..." phrase the parser hung on the verb instead of on NOUN, its object, right after
    it ("rejected the calls from Naleraq for scrapping the ban"; not "criticised the plan for
    ignoring farmers", a reason)."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head  # ("threw its weight behind the proposal for X")
    if verb.lemma_.lower() in lex.word_sets["reason_verbs"]:
        return []
    prep = prep_hung_after(noun, verb, ("for",))
    target = _pobj(prep) if prep is not None else None
    if target is not None and target.pos_ == "NOUN" and not target.ent_type_:
        named = noun_proposal(target, lex)  # "the African proposal for a protocol on X"
        return [target] if named is not None and named.proposal_type != "Policy" else []
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


_PRONOUN_CUE = Cue("antecedent", "noun", "supports")


def pronoun_target(token: Token, ctx: SentenceContext, topic: bool) -> Target | None:
    """The proposal a pronoun ("it", or "this" or "that" as a subject) stands for, if any can be told:
    one named earlier in its sentence, or the one proposal of a known type in the sentence before;
    with TOPIC (an object of a stance cue), else the proposal the article is about."""
    # "X accepted the truce proposal, while Y rejected it": a proposal named earlier in the same sentence
    same = [p for p in ctx.memory.named_in(ctx.sentence_index) if not _named_after(p, token)]
    if same:
        return Target(same[-1], 0.8)
    lex = ctx.lexicon
    # "said the truce would let families break the fast and urged both sides to accept it": a
    # proposal's noun earlier in the sentence, though no side was taken on it there
    for noun in reversed([t for t in token.sent if t.i < token.i and t.pos_ == "NOUN" and t.dep_ in ("nsubj", "nsubjpass")
                          and t.lemma_.lower() in lex.proposal_heads]):
        named = object_target(noun, _PRONOUN_CUE, ctx)
        if named is not None and not named.flip and named.proposal.proposal_type != "Policy":
            return Target(named.proposal, 0.75)
    # "The cabinet backs the bill. The opposition voted against it.": the one proposal of a
    # known type in the sentence just before (several, or an untyped one, leave "it" open)
    before = {p.key: p for p in ctx.memory.named_in(ctx.sentence_index - 1) if p.proposal_type != "Policy"}
    rivals = [t for t in token.sent if t.i < token.i and t.pos_ in ("NOUN", "PROPN")
              and t.dep_ in ("dobj", "pobj", "attr", "nsubjpass", "appos")
              and not any(a.dep_ == "nsubj" for a in t.ancestors)  # (not "the Union of Korea")
              and (t.pos_ == "PROPN" or t.dep_ != "pobj" or t.lemma_.lower() in lex.referring_nouns
                   or t.lemma_.lower() in lex.proposal_heads)]
    # (an object, or a prepositional object that could name a proposal: not "by contrast", "on Monday")
    if len(before) == 1 and not rivals:  # "consider the draft ... and send it": the nearer noun
        return Target(next(iter(before.values())), 0.75)
    if topic and not rivals:
        # "The assembly approved the bill. [...] The PDM also opposed it.": the proposal the
        # article is about, when nothing nearer could be meant
        main = ctx.memory.last(ctx.sentence_index)
        if main is not None and main.proposal_type != "Policy" and (not before or main.key in before):
            return Target(main, 0.65)
    return None


def _named_after(proposal: Proposal, pronoun: Token) -> bool:
    """Whether PROPOSAL's name occurs in the pronoun's sentence only after it ("'This is a good
    deal for workers,' X said": the deal is what "this" is called, not what it stands for)."""
    head = proposal.label.lower().split()[0]
    places = [t.i for t in pronoun.sent if t.lower_ == head]
    return bool(places) and min(places) > pronoun.i


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
    undoes = reverses(verb, lex) or (inner_cue is not None and inner_cue.stance == "rejects" and inner_cue.object)
    embraces = inner_cue is not None and inner_cue.stance == "supports" and inner_cue.object
    if objects and undoes and (objects[0].ent_type_ == "PERSON" or (
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
    if objects and undoes and objects[0].lemma_.lower() in _CANDIDATE_NOUNS:
        # "urged voters to abandon all outsider candidates": against those candidacies
        words = [t for t in objects[0].subtree if not (t.dep_ == "det" and t.i == objects[0].left_edge.i)]
        label = verb.doc[words[0].i:words[-1].i + 1].text.strip(" ,")
        return Target(Proposal(slugify(label), label, "Candidacy"), factor * 0.85, flip=True)
    if objects and (undoes or embraces or passive):
        # "urged X to block the deal" rejects the deal; "urged X to accept the deal" supports it;
        # "demanded that a climate fund be created": the fund is what is wanted
        inner = object_target(objects[0], inner_cue or cue, ctx)
        if inner is not None:
            if undoes:
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

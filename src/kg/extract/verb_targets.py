"""What a verb cue is about: the Targets of its prepositional and direct objects, its "to"
complements and that-clauses ("called for X", "urged Y to reject X")."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.actors import RELATIVE_PRONOUNS
from kg.extract.lexicon import Cue, Lexicon
from kg.extract.context import SentenceContext, _prep_targets
from kg.extract.targets import Target, clause_target, object_target


def _verb_targets(verb: Token, cue: Cue, ctx: SentenceContext) -> list[tuple[str, Target]]:
    lex = ctx.lexicon
    targets: list[tuple[str, Target]] = []
    # "called for X", "insisted on X", "voted against X"; not "calls X's idea for Y ..." (a verb whose
    # cue takes no object has another sense when an object comes before the preposition)
    early_objects = [c for c in verb.children if c.dep_ == "dobj"] if not cue.object else []
    first_prep: dict[str, int] = {}
    for prep, target_token in _prep_targets(verb, cue.preps):
        if any(o.i < target_token.i for o in early_objects):
            continue
        if target_token.dep_ == "pobj" and prep in ("at", "in", "on", "for") and target_token.head.head == verb \
                and first_prep.setdefault(prep, target_token.head.right_edge.i) + 1 == target_token.head.i:
            # "balked at the listings at a preparatory meeting": the second "at" says where;
            # "pressed for a longer phase-in for British cars": the second "for" completes the first
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
        c.dep_ == "xcomp" or (c.dep_ == "advcl" and (cue.xcomp or (cue.object_control and not cue.object)) and not any(m.dep_ == "mark" for m in c.children)
                              and any(a.dep_ == "aux" and a.text.lower() == "to" for a in c.children)))]
    # "implored the government to scrap X", parsed as a clause with its own subject
    addressed = [c for c in verb.children if cue.object_control and c.dep_ == "ccomp" and c.pos_ == "VERB"
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                 and any(a.dep_ == "nsubj" and a.i < c.i for a in c.children)]
    # "promised to cut taxes, a move that ...": a noun after the verb's own "to" clause sums it up
    objects = [c for c in verb.children if c.dep_ in ("dobj",) and not any(x.i < c.i for x in xcomps)]
    if addressed and not xcomps:
        xcomps, objects = addressed[:1], [next(a for a in addressed[0].children if a.dep_ == "nsubj")]
    if cue.object_control and xcomps and (objects or list(_prep_targets(verb, cue.object_control_preps))):
        # "urged Iran to accept the deal", "called on Russia to withdraw"; "urged ministers to put the
        # firm into administration and to strip its bosses of their bonuses": each course
        for x in [xcomps[0], *(c for c in xcomps[0].conjuncts if c.pos_ == "VERB" and c.i > xcomps[0].i
                               and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]:
            inner_cue = lex.verbs.get(x.lemma_.lower())
            if cue.courses_only and inner_cue is None and x.lemma_.lower() not in \
                    lex.acting_verbs | lex.wished_verbs | lex.enacting_verbs:
                continue  # "asked residents to stay indoors" is a request, not a course of policy
            inner_objects = [c for c in x.children if c.dep_ == "dobj"]
            negated = any(c.dep_ == "neg" for c in x.children)  # "asked the government not to build the dam"
            if inner_cue is not None and inner_cue.object and inner_objects:
                target = object_target(inner_objects[0], inner_cue, ctx)
                if target is not None:
                    targets.append((_other(inner_cue.stance) if negated else inner_cue.stance, target))
                    continue
            target = clause_target(x, cue, ctx, False, 0.9)
            if target is not None:
                targets.append((_other(cue.stance) if negated else cue.stance, target))
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
            if verb.lemma_.lower() in lex.word_sets["joining_verbs"] and any(
                    c.dep_ in ("acl", "relcl") and c.lemma_.lower() in lex.verbs for c in obj.children):
                continue  # "joined the companies opposing the tariffs": the side taken is theirs (subjects.py)
            contrasted = _contrasted(obj)
            for node in [obj, *obj.conjuncts, *contrasted]:
                stance = cue.stance
                if node in contrasted:  # "wants talks, not sanctions", "a recount rather than a rerun"
                    if cue.stance != "supports":
                        continue
                    stance = "rejects"
                target = object_target(node, cue, ctx)
                if target is not None:
                    targets.append((stance, target))
                    targets.extend((stance, part) for part in _included_parts(verb, node, cue, ctx))
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


def _contrasted(obj: Token) -> list[Token]:
    """What an object is set against: "talks, not sanctions", "dialogue rather than sanctions", "a
    carbon tax instead of a cap-and-trade scheme" (the alternative, as the parser hangs it)."""
    found: list[Token] = []
    for child in obj.children:
        negations = [c for c in [*child.children, *obj.children] if c.dep_ == "neg" and c.i < child.i]
        if child.dep_ == "appos" and negations and not any(
                n.i + 1 < len(n.doc) and n.doc[n.i + 1].lower_ in ("just", "only", "merely", "simply") for n in negations):
            found.append(child)  # ("backs the treaty, not just the tariffs" sets nothing against it)
        if child.dep_ in ("cc", "prep") and child.lower_ in ("than", "of") and any(
                c.lower_ in ("rather", "instead") for c in child.children):
            alternative = next((c for c in child.children if c.dep_ == "pobj"), None)
            if alternative is None:
                alternative = next((c for c in obj.children if c.dep_ == "conj" and c.i > child.i), None)
            if alternative is not None:
                found.append(alternative)
        if child.dep_ == "conj" and any(c.dep_ == "neg" for c in child.children):
            found.append(child)  # "backs talks but not sanctions"
    return found


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


def _included_parts(verb: Token, obj: Token, cue: Cue, ctx: SentenceContext) -> list[Target]:
    """The typed parts a whole is said to include: "approved the budget, including a 75% increase in
    the price of bread" approves the increase too."""
    parts = []
    for _p, part in [*_prep_targets(obj, ("including",)), *_prep_targets(verb, ("including",))]:
        if part.i <= obj.i:
            continue
        target = object_target(part, cue, ctx)
        if target is not None and (target.proposal.proposal_type != "Policy"
                                   or part.lemma_.lower() in ctx.lexicon.nominal_courses):  # ("an increase in X")
            target.factor *= 0.85
            parts.append(target)
    return parts


def _other(stance: str) -> str:
    return "rejects" if stance == "supports" else "supports"

"""How a cue's stance is meant: modality (conditional, hypothetical, disputed), polarity
(negation, refusal), and verdicts passed in someone's reported words."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg.extract.lexicon import Lexicon
from kg.extract.context import SentenceContext
from kg.extract.subjects import _speech_subject


def _modal_factor(verb: Token, ctx: SentenceContext) -> float | None:
    """1.0 for a plain statement, < 1 for a conditional one, None for a hypothetical or question."""
    factor = 1.0
    if any(c.dep_ == "advmod" and c.lower_ in ctx.lexicon.word_sets["habitual_rarity"] for c in verb.children):
        return None  # "the Senate, which rarely blocks government bills": a habit, no position taken
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
    described = verb.head if verb.dep_ in ("relcl", "acl") else (
        verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "of" else None)
    if described is not None and described.lemma_.lower() in ctx.lexicon.word_sets["intent_nouns"] \
            and any(c.dep_ == "det" and c.lower_ == "no" for c in described.children):
        negated = not negated  # "there is no way we will agree to X", "I have no intention of backing X"
    if verb.dep_ == "xcomp" or (verb.dep_ == "conj" and verb.head.dep_ == "xcomp"):
        governor = verb.head if verb.dep_ == "xcomp" else verb.head.head
        lemma = governor.lemma_.lower()
        if any(c.dep_ == "neg" for c in governor.children):
            negated = not negated
        elif governor.pos_ == "ADJ" and governor.dep_ == "acomp" and any(c.dep_ == "neg" for c in governor.head.children):
            negated = not negated  # "was not willing to back X": the negation sits on the copula
        governing_cue = ctx.lexicon.verbs.get(lemma) if governor.pos_ == "VERB" else None
        if lemma in ctx.lexicon.control_flip or (governing_cue is not None and governing_cue.stance == "rejects"
                                                 and lemma not in ctx.lexicon.control_keep):
            # "refused to back X" rejects X; so does "opposed backing X"; "opposed scrapping X" keeps X
            if stance == "supports":
                return "rejects", 0.9
            if verb.lemma_.lower() in ctx.lexicon.reversal_verbs:
                return "supports", 0.9  # "refused to scrap the ban": it stays, as the refuser wants
            return None, 0.0
        if lemma in ctx.lexicon.control_drop:
            return None, 0.0
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "ADJ"):
        # "refrained from backing X", "warned against signing X" (the outer cue says it): no position here
        governor = verb.head.head
        words = [governor.lemma_.lower(), *(c.lower_ for c in governor.children if c.dep_ == "prt"), verb.head.lower_]
        if " ".join(words) in ctx.lexicon.control_prep_drop:
            return None, 0.0
    if negated:
        if any(c.lower_ in ("yet", "immediately") for c in verb.children if c.dep_ == "advmod"):
            return None, 0.0  # "has not yet endorsed": undecided, not opposed
        if stance == "supports":
            return "rejects", 0.8
        return None, 0.0
    return stance, factor


def _announced(verb: Token, ctx: SentenceContext) -> bool:
    """Whether VERB is a course its subject says it will take: "will" before it, in the main
    clause or in what someone announced or said ("..., the minister said"), not negated; or a
    measure of policy it has just taken, reported in the main clause ("banned the sale of X")."""
    if verb.tag_ == "VBD" and verb.dep_ == "ROOT" and verb.lemma_.lower() in ctx.lexicon.word_sets["enacted_acts"] \
            and not any(c.dep_ in ("neg", "mark", "aux", "auxpass") for c in verb.children):
        return True  # "Kenya's health ministry on Monday banned the sale of nicotine pouches": done, not announced
    if not any(c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in verb.children):
        return False
    if any(c.dep_ in ("neg", "mark") for c in verb.children):
        return False  # "will not", "if it will": no announcement
    return verb.dep_ == "ROOT" or (verb.dep_ in ("ccomp", "parataxis") and verb.head.lemma_.lower() in ctx.lexicon.speech_verbs)


def _bare_vote(verb: Token) -> str | None:
    """The stance of "voted in favour" or "voted against" with nothing after it, or of "would
    vote yes" / "voted no", else None."""
    for child in verb.children:
        if child.dep_ in ("advmod", "dobj", "npadvmod", "intj", "attr") and child.lower_ in ("yes", "no"):
            return "supports" if child.lower_ == "yes" else "rejects"
        if child.dep_ != "prep" or any(c.dep_ in ("pobj", "pcomp") and c.lower_ not in ("favour", "favor")
                                       for c in child.children):
            continue
        if child.lower_ == "against":
            return "rejects"
        if child.lower_ == "for" or (child.lower_ == "in" and any(c.lower_ in ("favour", "favor") and not any(
                g.dep_ == "prep" for g in c.children) for c in child.children)):
            return "supports"
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


@dataclass
class ReportedVerdict:
    """A verdict on a proposal in someone's reported words: "X said the law violated Y"."""

    speaker: Token
    judged: Token  # the subject the verdict is passed on
    negated: bool
    modal: float


def _reported_verdict(clause: Token, ctx: SentenceContext, also_negated_by: Token | None = None,
                      judged_dep: str = "nsubj") -> ReportedVerdict | None:
    """The speaker and the judged subject of CLAUSE (a copula or a verb) when it is someone's
    reported speech ("'The ruling is flawed,' Li said"); None for the author's own words, an
    extraposed "it" ("it is a mistake to ..."), or a hypothetical. ALSO_NEGATED_BY: a predicate whose own "not"
    counts too ("not acceptable"). JUDGED_DEP: "nsubjpass" for a participle ("the bill is justified")."""
    judged = next((c for c in clause.children if c.dep_ == judged_dep), None)
    speaker = _speech_subject(clause, ctx)
    if judged is not None and judged.lemma_.lower() in ctx.lexicon.word_sets["not_judged"]:
        return None  # "support for the tax was weak", "the chances of a deal were good"
    if judged is None or speaker is None or speaker == judged or (clause.dep_ == "relcl" and judged.tag_ in ("WDT", "WP")):
        return None  # (a relative clause's "that": "every amendment that would strengthen the bill")
    if judged.lower_ in ("it", "this", "that") and any(c.dep_ in ("xcomp", "ccomp", "csubj") for c in clause.children):
        return None  # "it is a mistake to scrap the tax": the clause is judged, not what "it" stood for
    modal = _modal_factor(clause, ctx)
    if modal is None:
        return None
    negated = any(c.dep_ == "neg" for c in clause.children) or (
        also_negated_by is not None and any(c.dep_ == "neg" for c in also_negated_by.children))
    return ReportedVerdict(speaker, judged, negated, modal)


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

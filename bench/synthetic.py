"""Realistic synthetic statements at any scale, for benchmarks and scale tests.

`synthetic_results(n)` builds kg.model objects the way the extractor would:
articles of about ten statements each, spread over three years, actors whose
popularity follows a Zipf-like law, both stances, and actor-proposal pairs whose
stance flips at some date (position changes). `write_synthetic(path, n)` writes
them as N-Quads with exactly the triples and named graphs kg.rdf_mapping.to_rdf
produces, but formats the lines directly: rdflib needs minutes for a million
statements, this needs well under one.

    python bench/synthetic.py 100000 out.nq
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import random
import sys
import time
from decimal import Decimal
from itertools import accumulate
from pathlib import Path
from typing import Iterator

from kg.iris import actor_iri, article_iri, proposal_iri, statement_iri
from kg.model import Actor, Article, Evidence, ExtractionResult, Proposal, Statement
from kg.namespaces import ACTOR_CLASSES, KG, SCHEMA, STANCES
from kg.rdf_mapping import date_literal

STATEMENTS_PER_ARTICLE = 10
FIRST_DAY = dt.date(2022, 1, 1)
DAYS = 3 * 365

FIRST_NAMES = ["Anna", "Boris", "Carlos", "Dmytro", "Elena", "Farid", "Grace", "Hiroshi", "Ines", "Jonas",
               "Karim", "Lena", "Mateo", "Nadia", "Olaf", "Priya", "Quentin", "Rosa", "Sergei", "Tomas",
               "Ursula", "Viktor", "Wen", "Yusuf", "Zofia", "Ahmed", "Beatriz", "Chen", "Dalia", "Emeka"]
LAST_NAMES = ["Novak", "Okafor", "Petrov", "Silva", "Haddad", "Kowalski", "Tanaka", "Moreau", "Schmidt",
              "Garcia", "Ivanova", "Mensah", "Rossi", "Nakamura", "Jensen", "Khan", "Dubois", "Costa",
              "Lindqvist", "Adeyemi", "Fischer", "Yilmaz", "Horvat", "O'Brien", "Nguyen", "Bauer"]
ROLES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister", "spokesperson",
         "Secretary-General", "senator", "opposition leader", "ambassador", "Finance Minister"]
STATES = ["Ukraine", "Russia", "United States", "China", "France", "Germany", "United Kingdom", "Turkey",
          "Israel", "Iran", "Egypt", "Qatar", "India", "Brazil", "South Africa", "Japan", "Poland",
          "Hungary", "Saudi Arabia", "Mexico", "Canada", "Italy", "Spain", "Nigeria", "Kenya",
          "Indonesia", "Australia", "Norway", "Sweden", "Finland"]
ORG_KINDS = ["Party", "Union", "Council", "Commission", "Alliance", "Front", "Institute", "Federation",
             "Movement", "Coalition"]
ORG_WORDS = ["National", "Democratic", "People's", "Green", "Liberal", "Workers'", "Christian",
             "Progressive", "United", "Independent", "Farmers'", "Civic"]
PLACES = ["Gaza", "Donbas", "Sudan", "Yemen", "Kashmir", "Nagorno-Karabakh", "the Sahel", "Haiti",
          "the Red Sea", "Crimea", "the West Bank", "Libya", "Myanmar", "Tigray", "Kosovo"]
TOPICS = ["pension", "health care", "immigration", "energy", "housing", "minimum wage", "education",
          "data protection", "fishing", "tariff", "farm", "banking", "digital services"]
# proposal type (a concept of ontology/proposal-types.ttl) -> label templates
PROPOSAL_TEMPLATES = {
    "Ceasefire": ["ceasefire in {place}", "truce in {place}", "humanitarian pause in {place}"],
    "PeaceTalks": ["peace talks on {place}", "negotiations over {place}"],
    "PeaceAgreement": ["peace plan for {place}", "peace deal for {place}"],
    "Sanctions": ["sanctions on {state}", "embargo on {state}", "price cap on {state} oil"],
    "TradeDeal": ["trade deal with {state}", "free trade agreement with {state}"],
    "Treaty": ["treaty with {state}", "security pact with {state}"],
    "Legislation": ["{topic} bill", "{topic} reform", "{topic} law"],
    "Referendum": ["referendum on {topic}"],
    "Budget": ["{topic} budget", "{topic} subsidies"],
    "Candidacy": ["{person}'s candidacy", "{person}'s nomination"],
    "MilitaryAction": ["military aid to {state}", "no-fly zone over {place}"],
    "ClimateAgreement": ["emissions target for {year}", "carbon tax"],
    "Investigation": ["inquiry into {topic} spending", "investigation of {person}"],
    "Ban": ["ban on {topic} imports"],
    "Aid": ["humanitarian aid for {place}", "reconstruction of {place}"],
    "Demand": ["withdrawal from {place}", "{person}'s resignation"],
    "Policy": ["{topic} plan", "{topic} strategy"],
}
QUALIFIERS = ["immediate", "unconditional", "permanent", "30-day", "comprehensive", "new", "proposed"]
CUES = {"supports": ["support", "back", "welcome", "call for", "endorse", "urge"],
        "rejects": ["reject", "oppose", "condemn", "dismiss", "veto", "refuse"]}
OUTLETS = ["Reuters", "Associated Press", "BBC News", "Al Jazeera", "The Guardian", "Le Monde",
           "Deutsche Welle", "NHK World", "France 24", "The Hindu"]


def _zipf_picker(rng: random.Random, n: int, exponent: float = 1.1):
    """A function drawing an index in [0, n) with Zipf-like weights (index 0 most popular)."""
    cumulative = list(accumulate(1.0 / (rank + 1) ** exponent for rank in range(n)))
    total = cumulative[-1]

    def pick() -> int:
        return min(bisect.bisect_left(cumulative, rng.random() * total), n - 1)

    return pick


def _make_actors(rng: random.Random, count: int) -> list[Actor]:
    states = [Actor(key=f"state-{i}", label=name, kind="state") for i, name in enumerate(STATES)]
    actors: list[Actor] = list(states)
    i = 0
    while len(actors) < count:
        i += 1
        if rng.random() < 0.7:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            surname = name.split()[-1]
            actors.append(Actor(key=f"person-{i}", label=name, kind="person",
                                aliases=frozenset({surname}) if rng.random() < 0.5 else frozenset(),
                                role=rng.choice(ROLES), affiliation=rng.choice(states)))
        else:
            name = f"{rng.choice(ORG_WORDS)} {rng.choice(ORG_KINDS)} of {rng.choice(STATES)}"
            acronym = "".join(w[0] for w in name.split() if w[0].isupper())
            actors.append(Actor(key=f"org-{i}", label=name, kind="organisation",
                                aliases=frozenset({acronym}) if rng.random() < 0.3 else frozenset()))
    # shuffle so the most popular actors are a mix of people, organisations and states
    rng.shuffle(actors)
    return actors[:count]


def _make_proposals(rng: random.Random, count: int, actors: list[Actor]) -> list[Proposal]:
    types = list(PROPOSAL_TEMPLATES)
    proposals = []
    for i in range(count):
        ptype = rng.choice(types)
        template = rng.choice(PROPOSAL_TEMPLATES[ptype])
        label = template.format(place=rng.choice(PLACES), state=rng.choice(STATES), topic=rng.choice(TOPICS),
                                person=rng.choice(LAST_NAMES), year=rng.choice([2030, 2035, 2040, 2050]))
        qualifiers: tuple[str, ...] = ()
        if rng.random() < 0.3:
            qualifiers = (rng.choice(QUALIFIERS),)
            label = f"{qualifiers[0]} {label}"
        aliases = frozenset({f"{label} proposal"}) if rng.random() < 0.2 else frozenset()
        proposer = actors[rng.randrange(min(len(actors), 200))] if rng.random() < 0.25 else None
        proposals.append(Proposal(key=f"p{i}-{hashlib.sha1(label.encode()).hexdigest()[:6]}", label=label,
                                  proposal_type=ptype, qualifiers=qualifiers, proposer=proposer, aliases=aliases))
    return proposals


def synthetic_results(n_statements: int, seed: int = 0) -> Iterator[ExtractionResult]:
    """Exactly N_STATEMENTS statements in articles of about ten, deterministic for a SEED."""
    rng = random.Random(seed)
    actors = _make_actors(rng, max(40, n_statements // 40))
    proposals = _make_proposals(rng, max(20, n_statements // 80), actors)
    pick_actor = _zipf_picker(rng, len(actors))
    pick_proposal = _zipf_picker(rng, len(proposals), exponent=0.9)
    # each actor-proposal pair has a base stance; about one pair in eight changes it on a given day
    consumed, a = 0, 0
    while consumed < n_statements:
        day = FIRST_DAY + dt.timedelta(days=consumed * DAYS // n_statements)
        size = min(n_statements - consumed, STATEMENTS_PER_ARTICLE + rng.randint(-4, 4))
        consumed += size
        topics = [proposals[pick_proposal()] for _ in range(rng.randint(1, 3))]
        sentences: list[tuple[Actor, str, Proposal, str, str]] = []
        for _ in range(size):
            actor = actors[pick_actor()]
            proposal = rng.choice(topics)
            pair = hashlib.sha1(f"{seed}|{actor.key}|{proposal.key}".encode()).digest()
            stance = "supports" if pair[0] % 3 else "rejects"
            if pair[1] % 8 == 0 and (day - FIRST_DAY).days > pair[2] * DAYS // 256:
                stance = "rejects" if stance == "supports" else "supports"
            cue = rng.choice(CUES[stance])
            who = f"{actor.role} {actor.label}" if actor.role else actor.label
            text = f"{who} said they would {cue} the {proposal.label}."
            sentences.append((actor, stance, proposal, cue, text))
        headline = f"{topics[0].label.capitalize()}: {sentences[0][0].label} weighs in" if sentences else "News"
        body_parts, offsets, position = [], [], len(headline) + 2
        for *_, text in sentences:
            offsets.append((position, position + len(text)))
            body_parts.append(text)
            position += len(text) + 1
        article = Article(doc_id=f"syn-{seed}-{a:07d}", text=headline + "\n\n" + " ".join(body_parts),
                          headline=headline, date=day.isoformat(),
                          url=f"https://news.example.org/{day.isoformat()}/syn-{seed}-{a:07d}",
                          outlet=OUTLETS[a % len(OUTLETS)], source="synthetic")
        a += 1
        statements = [Statement(actor=actor, stance=stance, proposal=proposal, article=article,
                                evidence=Evidence(text=text, start=start, end=end),
                                confidence=round(0.5 + rng.random() * 0.5, 3), cue=cue)
                      for (actor, stance, proposal, cue, text), (start, end) in zip(sentences, offsets)]
        yield ExtractionResult(article=article, statements=statements)


# ---- N-Quads, written the way kg.rdf_mapping would emit them ----------------------

_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_RDFS_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
_PREF = "<http://www.w3.org/2004/02/skos/core#prefLabel>"
_ALT = "<http://www.w3.org/2004/02/skos/core#altLabel>"
_XSD = "http://www.w3.org/2001/XMLSchema#"


def _iri(term) -> str:
    return f"<{term}>"


def _lit(text: str, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"' if datatype is None else f'"{escaped}"^^<{datatype}>'


class _ArticleWriter:
    """The lines of one article's named graph, each triple once, as an rdflib Graph would hold it."""

    def __init__(self, graph: str):
        self.graph = graph
        self.lines: list[str] = []
        self.seen_nodes: set[str] = set()
        self.seen_edges: set[str] = set()

    def add(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"{s} {p} {o} {self.graph} .\n")

    def actor(self, actor: Actor) -> str:
        node = _iri(actor_iri(actor.key))
        if node in self.seen_nodes:
            return node
        self.seen_nodes.add(node)
        self.add(node, _RDF_TYPE, _iri(ACTOR_CLASSES[actor.kind]))
        self.add(node, _RDFS_LABEL, _lit(actor.label))
        self.add(node, _PREF, _lit(actor.label))
        for alias in sorted(actor.aliases - {actor.label}):
            self.add(node, _ALT, _lit(alias))
        if actor.role:
            self.add(node, _iri(KG.role), _lit(actor.role))
        if actor.affiliation is not None:
            self.add(node, _iri(KG.affiliation), self.actor(actor.affiliation))
        return node

    def proposal(self, proposal: Proposal) -> str:
        node = _iri(proposal_iri(proposal.key))
        if node in self.seen_nodes:
            return node
        self.seen_nodes.add(node)
        self.add(node, _RDF_TYPE, _iri(KG.Proposal))
        self.add(node, _RDFS_LABEL, _lit(proposal.label))
        self.add(node, _PREF, _lit(proposal.label))
        for alias in sorted(proposal.aliases - {proposal.label}):
            self.add(node, _ALT, _lit(alias))
        self.add(node, _iri(KG.proposalType), _iri(KG[proposal.proposal_type]))
        for qualifier in dict.fromkeys(proposal.qualifiers):
            self.add(node, _iri(KG.qualifier), _lit(qualifier))
        if proposal.proposer is not None:
            self.add(node, _iri(KG.proposedBy), self.actor(proposal.proposer))
        return node


def article_nquads(result: ExtractionResult) -> list[str]:
    """N-Quads lines of one article's named graph, the same triples as rdf_mapping.article_graph."""
    article = result.article
    graph = _iri(article_iri(article.doc_id))
    w = _ArticleWriter(graph)
    node = graph
    w.add(node, _RDF_TYPE, _iri(KG.Article))
    w.add(node, _iri(KG.documentId), _lit(article.doc_id))
    w.add(node, _iri(KG.textSha256), _lit(hashlib.sha256(article.text.encode("utf-8")).hexdigest()))
    if article.headline:
        w.add(node, _iri(SCHEMA.headline), _lit(article.headline))
    date = date_literal(article.date)
    if date is not None:
        w.add(node, _iri(SCHEMA.datePublished), _lit(str(date), str(date.datatype)))
    if article.url:
        w.add(node, _iri(SCHEMA.url), _iri(article.url))
    if article.outlet:
        w.add(node, _iri(SCHEMA.publisher), _lit(article.outlet))
    seen_statements: set[str] = set()
    for st in result.statements:
        actor = w.actor(st.actor)
        proposal = w.proposal(st.proposal)
        ev = st.evidence
        s = _iri(statement_iri(article.doc_id, st.actor.key, st.stance, st.proposal.key, ev.start, ev.end))
        if s in seen_statements:
            continue
        seen_statements.add(s)
        w.add(s, _RDF_TYPE, _iri(KG.Statement))
        w.add(s, _iri(KG.actor), actor)
        w.add(s, _iri(KG.stance), _iri(STANCES[st.stance]))
        w.add(s, _iri(KG.proposal), proposal)
        w.add(s, _iri(KG.sourceArticle), node)
        w.add(s, _iri(KG.evidence), _lit(ev.text))
        w.add(s, _iri(KG.evidenceStart), _lit(str(ev.start), _XSD + "nonNegativeInteger"))
        w.add(s, _iri(KG.evidenceEnd), _lit(str(ev.end), _XSD + "nonNegativeInteger"))
        confidence = Decimal(str(round(min(max(st.confidence, 0.0), 1.0), 3)))
        w.add(s, _iri(KG.confidence), _lit(str(confidence), _XSD + "decimal"))
        if st.cue:
            w.add(s, _iri(KG.cue), _lit(st.cue))
        if date is not None:
            w.add(s, _iri(KG.date), _lit(str(date), str(date.datatype)))
        edge = f"{actor} {st.stance} {proposal}"
        if edge not in w.seen_edges:
            w.seen_edges.add(edge)
            w.add(actor, _iri(KG[st.stance]), proposal)
    return w.lines


def write_synthetic(path: str | Path, n_statements: int, seed: int = 0) -> int:
    """Write N_STATEMENTS synthetic statements to PATH as N-Quads; returns the number of quads."""
    count = 0
    with open(path, "w", encoding="utf-8") as handle:
        for result in synthetic_results(n_statements, seed):
            lines = article_nquads(result)
            handle.writelines(lines)
            count += len(lines)
    return count


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python bench/synthetic.py N_STATEMENTS OUTPUT.nq")
    started = time.perf_counter()
    quads = write_synthetic(sys.argv[2], int(sys.argv[1]))
    print(f"{sys.argv[1]} statements, {quads} quads -> {sys.argv[2]} in {time.perf_counter() - started:.1f} s")

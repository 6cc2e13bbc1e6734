"""Build discourse networks (networkx graphs) from the statement table.

The network types follow discourse-network analysis (Leifeld's Discourse Network
Analyzer): a two-mode actor-proposal network, actor congruence / conflict / subtract
networks, and a proposal co-support network. Every node and edge carries the
counts and dates it was built from, so each file can be checked against the data.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import combinations
from typing import Iterable, Sequence

import networkx as nx

from kg.errors import KgError
from kg.export.statements import ACTOR_TYPES, REJECT, STANCE_NAMES, SUPPORT, StatementRow

NETWORKS = ("two-mode", "congruence", "conflict", "subtract", "proposals")
ONE_MODE = ("congruence", "conflict", "subtract", "proposals")
NORMALIZATIONS = ("none", "jaccard", "cosine")


# ---- filters -------------------------------------------------------------------------

@dataclass(frozen=True)
class StatementFilter:
    """Which statements a network is built from. Empty fields do not filter.

    `proposals` match a proposal's IRI, label, type label ("ceasefire") or type
    name ("Ceasefire"), case-insensitively. `actor_types` match the actor's most
    specific type (a state is "state", not "organisation"). Dates are inclusive;
    when either is given, undated statements are left out, since they cannot be
    placed. A statement without a confidence passes only a zero `min_confidence`.
    """

    proposals: tuple[str, ...] = ()
    actor_types: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    min_confidence: float = 0.0

    def __post_init__(self):
        unknown = [t for t in self.actor_types if t not in ACTOR_TYPES]
        if unknown:
            raise KgError(f"unknown actor type {unknown[0]!r} (known: {', '.join(ACTOR_TYPES)})")
        if self.since and self.until and self.since > self.until:
            raise KgError(f"--since {self.since} is after --until {self.until}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise KgError(f"min confidence {self.min_confidence} is not between 0 and 1")

    def matches(self, row: StatementRow) -> bool:
        if self.proposals:
            wanted = {p.casefold() for p in self.proposals}
            names = {row.proposal, row.proposal_label, row.proposal_type,
                     row.proposal_type_iri.rsplit("#", 1)[-1] if row.proposal_type_iri else ""}
            if not any(n and n.casefold() in wanted for n in names):
                return False
        if self.actor_types and row.actor_type not in self.actor_types:
            return False
        if self.since or self.until:
            if row.date is None:
                return False
            if self.since and row.date < self.since:
                return False
            if self.until and row.date > self.until:
                return False
        if self.min_confidence > 0 and (row.confidence is None or row.confidence < self.min_confidence):
            return False
        return True


def filter_statements(rows: Iterable[StatementRow], statement_filter: StatementFilter) -> list[StatementRow]:
    return [row for row in rows if statement_filter.matches(row)]


# ---- time windows ----------------------------------------------------------------------

@dataclass(frozen=True)
class Window:
    """A period of `days` days (both ends inclusive) and the statements dated in it."""

    start: date
    end: date
    statements: tuple[StatementRow, ...]


def time_windows(rows: Sequence[StatementRow], days: int, start: date | None = None,
                 end: date | None = None) -> list[Window]:
    """Consecutive DAYS-day windows from START (default: the first date) to END (the last).

    Every window in the span is returned, empty ones too, so the series has no gaps.
    Undated statements belong to no window.
    """
    if days < 1:
        raise KgError(f"a time window must be at least 1 day, not {days}")
    dated = [r for r in rows if r.date is not None]
    if not dated:
        return []
    start = start or min(r.date for r in dated)
    end = end or max(r.date for r in dated)
    buckets: dict[int, list[StatementRow]] = {}
    for row in dated:
        if start <= row.date <= end:
            buckets.setdefault((row.date - start).days // days, []).append(row)
    count = (end - start).days // days + 1
    return [Window(start + timedelta(days=k * days), min(end, start + timedelta(days=(k + 1) * days - 1)),
                   tuple(buckets.get(k, ()))) for k in range(count)]


# ---- aggregation -----------------------------------------------------------------------

class _Tie:
    """All statements of one actor taking one stance on one proposal."""

    __slots__ = ("statements", "articles", "first", "last")

    def __init__(self):
        self.statements = 0
        self.articles: set[str] = set()
        self.first: date | None = None
        self.last: date | None = None

    def add(self, row: StatementRow) -> None:
        self.statements += 1
        if row.article:
            self.articles.add(row.article)
        if row.date is not None:
            self.first = row.date if self.first is None else min(self.first, row.date)
            self.last = row.date if self.last is None else max(self.last, row.date)


class _Backing:
    """The ties behind one kind of edge (agreement, conflict, co-support) between two nodes."""

    __slots__ = ("count", "evidence", "first", "last")

    def __init__(self):
        self.count = 0  # proposals (actor networks) or actors (proposal network)
        self.evidence = 0  # statements on either side of the ties counted
        self.first: date | None = None
        self.last: date | None = None

    def join(self, tie_a: _Tie, tie_b: _Tie) -> None:
        """Add two ties that together form (part of) this edge.

        The edge exists once both sides have spoken, so it starts at the later of
        the two first dates; it lasts until the latest statement backing it.
        """
        self.evidence += tie_a.statements + tie_b.statements
        if tie_a.first is not None or tie_b.first is not None:
            start = max(d for d in (tie_a.first, tie_b.first) if d is not None)
            self.first = start if self.first is None else min(self.first, start)
        if tie_a.last is not None or tie_b.last is not None:
            end = max(d for d in (tie_a.last, tie_b.last) if d is not None)
            self.last = end if self.last is None else max(self.last, end)

    def minus(self, other: "_Backing") -> "_Backing":
        """The subtract edge: this count minus OTHER's, backed by the evidence and dates of both."""
        both = _Backing()
        both.count = self.count - other.count
        both.evidence = self.evidence + other.evidence
        firsts = [d for d in (self.first, other.first) if d is not None]
        lasts = [d for d in (self.last, other.last) if d is not None]
        both.first = min(firsts) if firsts else None
        both.last = max(lasts) if lasts else None
        return both


class _Pair:
    """Two actors who spoke on at least one common proposal."""

    __slots__ = ("agree", "disagree", "common")

    def __init__(self):
        self.agree = _Backing()
        self.disagree = _Backing()
        self.common = 0  # proposals both spoke on: the overlap jaccard needs


@dataclass
class _Index:
    ties: dict[tuple[str, str, int], _Tie] = field(default_factory=dict)
    actors: dict[str, StatementRow] = field(default_factory=dict)
    proposals: dict[str, StatementRow] = field(default_factory=dict)
    node_statements: dict[str, int] = field(default_factory=dict)
    node_dates: dict[str, list[date]] = field(default_factory=dict)

    @classmethod
    def of(cls, rows: Iterable[StatementRow]) -> "_Index":
        index = cls()
        for row in rows:
            key = (row.actor, row.proposal, row.stance)
            tie = index.ties.get(key)
            if tie is None:
                tie = index.ties[key] = _Tie()
            tie.add(row)
            index.actors.setdefault(row.actor, row)
            index.proposals.setdefault(row.proposal, row)
            for node in (row.actor, row.proposal):
                index.node_statements[node] = index.node_statements.get(node, 0) + 1
                if row.date is not None:
                    span = index.node_dates.setdefault(node, [row.date, row.date])
                    if row.date < span[0]:
                        span[0] = row.date
                    elif row.date > span[1]:
                        span[1] = row.date
        return index

    def by_proposal(self) -> dict[str, dict[str, dict[int, _Tie]]]:
        """proposal -> actor -> stance -> tie."""
        result: dict[str, dict[str, dict[int, _Tie]]] = {}
        for (actor, proposal, stance), tie in self.ties.items():
            result.setdefault(proposal, {}).setdefault(actor, {})[stance] = tie
        return result

    def by_actor(self) -> dict[str, dict[str, dict[int, _Tie]]]:
        """actor -> proposal -> stance -> tie."""
        result: dict[str, dict[str, dict[int, _Tie]]] = {}
        for (actor, proposal, stance), tie in self.ties.items():
            result.setdefault(actor, {}).setdefault(proposal, {})[stance] = tie
        return result


def _dates(attrs: dict, first: date | None, last: date | None) -> dict:
    if first is not None:
        attrs["first_date"] = first.isoformat()
    if last is not None:
        attrs["last_date"] = last.isoformat()
    return attrs


def _add_nodes(graph: nx.Graph, index: _Index, actors: bool, proposals: bool) -> None:
    by_actor = index.by_actor()
    by_proposal = index.by_proposal()
    if actors:
        for iri in sorted(index.actors):
            row = index.actors[iri]
            stances = by_actor.get(iri, {}).values()
            attrs = {"label": row.actor_label, "type": row.actor_type}
            if row.affiliation:
                attrs["affiliation"] = row.affiliation
            attrs["statements"] = index.node_statements[iri]
            attrs["proposals_supported"] = sum(1 for s in stances if SUPPORT in s)
            attrs["proposals_rejected"] = sum(1 for s in stances if REJECT in s)
            graph.add_node(iri, **_dates(attrs, *index.node_dates.get(iri, (None, None))))
    if proposals:
        for iri in sorted(index.proposals):
            row = index.proposals[iri]
            stances = by_proposal.get(iri, {}).values()
            attrs = {"label": row.proposal_label, "type": "proposal"}
            if row.proposal_type:
                attrs["proposal_type"] = row.proposal_type
            attrs["statements"] = index.node_statements[iri]
            attrs["supporters"] = sum(1 for s in stances if SUPPORT in s)
            attrs["opponents"] = sum(1 for s in stances if REJECT in s)
            graph.add_node(iri, **_dates(attrs, *index.node_dates.get(iri, (None, None))))


# ---- the networks ----------------------------------------------------------------------

def _two_mode(index: _Index, min_weight: float) -> nx.MultiGraph:
    # A MultiGraph, because an actor who both supports and rejects a proposal (over
    # time, or in different outlets) has one edge per stance: that shift is the data.
    graph = nx.MultiGraph()
    _add_nodes(graph, index, actors=True, proposals=True)
    for (actor, proposal, stance), tie in sorted(index.ties.items()):
        if tie.statements < min_weight:
            continue
        name = STANCE_NAMES[stance]
        attrs = {"id": f"{actor}|{name}|{proposal}", "weight": tie.statements, "sign": stance, "stance": name,
                 "count": tie.statements, "evidence": tie.statements, "articles": len(tie.articles)}
        graph.add_edge(actor, proposal, key=name, **_dates(attrs, tie.first, tie.last))
    return graph


def _actor_pairs(index: _Index) -> tuple[dict[tuple[str, str], _Pair], dict[str, int]]:
    """Agreements and disagreements of every pair of actors who spoke on a common proposal."""
    pairs: dict[tuple[str, str], _Pair] = {}
    proposals_of: dict[str, int] = {}
    for actors in index.by_proposal().values():
        for actor in actors:
            proposals_of[actor] = proposals_of.get(actor, 0) + 1
        for (a, stances_a), (b, stances_b) in combinations(sorted(actors.items()), 2):
            pair = pairs.get((a, b))
            if pair is None:
                pair = pairs[(a, b)] = _Pair()
            agreed = disagreed = False
            for stance, tie_a in stances_a.items():
                if stance in stances_b:
                    agreed = True
                    pair.agree.join(tie_a, stances_b[stance])
                if -stance in stances_b:
                    disagreed = True
                    pair.disagree.join(tie_a, stances_b[-stance])
            # Counted once per proposal even when both actors were ambivalent on it.
            pair.agree.count += agreed
            pair.disagree.count += disagreed
            pair.common += 1
    return pairs, proposals_of


def _normalise(count: int, common: int, size_a: int, size_b: int, normalize: str) -> float | int:
    if normalize == "none":
        return count
    if normalize == "jaccard":
        return count / (size_a + size_b - common)
    return count / math.sqrt(size_a * size_b)


def _edge_attrs(edge_id: str, weight, backing: _Backing, stance: str | None = None) -> dict:
    sign = 1 if backing.count > 0 else -1
    attrs = {"id": edge_id, "weight": weight, "sign": sign,
             "stance": stance or ("agree" if sign > 0 else "disagree"),
             "count": backing.count, "evidence": backing.evidence}
    return _dates(attrs, backing.first, backing.last)


def _actor_network(index: _Index, network: str, normalize: str, min_weight: float) -> nx.Graph:
    graph = nx.Graph()
    _add_nodes(graph, index, actors=True, proposals=False)
    pairs, proposals_of = _actor_pairs(index)
    for (a, b), pair in sorted(pairs.items()):
        if network == "congruence":
            backing = pair.agree
        elif network == "conflict":
            backing = pair.disagree
        else:
            backing = pair.agree.minus(pair.disagree)
        if backing.count == 0:
            continue  # no tie of this kind (or, for subtract, agreement and conflict cancel out)
        weight = _normalise(backing.count, pair.common, proposals_of[a], proposals_of[b], normalize)
        if abs(weight) < min_weight:
            continue
        attrs = _edge_attrs(f"{a}|{b}", weight, backing)
        if network == "conflict":
            # The weight stays positive (how strongly they clash, as layouts expect); the sign says it is a clash.
            attrs.update(sign=-1, stance="disagree")
        graph.add_edge(a, b, **attrs)
    return graph


def _proposal_network(index: _Index, normalize: str, min_weight: float) -> nx.Graph:
    graph = nx.Graph()
    _add_nodes(graph, index, actors=False, proposals=True)
    pairs: dict[tuple[str, str], _Backing] = {}
    supporters: dict[str, int] = {}
    for proposals in index.by_actor().values():
        supported = sorted(p for p, stances in proposals.items() if SUPPORT in stances)
        for p in supported:
            supporters[p] = supporters.get(p, 0) + 1
        for p, q in combinations(supported, 2):
            backing = pairs.get((p, q))
            if backing is None:
                backing = pairs[(p, q)] = _Backing()
            backing.count += 1
            backing.join(proposals[p][SUPPORT], proposals[q][SUPPORT])
    for (p, q), backing in sorted(pairs.items()):
        weight = _normalise(backing.count, backing.count, supporters[p], supporters[q], normalize)
        if weight < min_weight:
            continue
        graph.add_edge(p, q, **_edge_attrs(f"{p}|{q}", weight, backing, stance="co-support"))
    return graph


def build_network(rows: Iterable[StatementRow], network: str = "two-mode", normalize: str = "none",
                  min_weight: float = 0.0) -> nx.Graph:
    """The NETWORK of the given statements as a networkx graph.

    - two-mode: actors and proposals (a MultiGraph keyed by stance); edge weight =
      statements, sign = +1 supports / -1 rejects.
    - congruence / conflict: actors; weight = proposals on which both take the same /
      opposite stances. subtract: congruence minus conflict (zero-weight pairs dropped).
    - proposals: proposals; weight = actors who support both.

    `normalize` (one-mode only) divides the count by the size of the union of the two
    nodes' proposal (or supporter) sets ("jaccard") or by the geometric mean of their
    sizes ("cosine"). Edges whose absolute weight is below `min_weight` are dropped;
    nodes are kept, so every actor (or proposal) in the statements appears.
    """
    if network not in NETWORKS:
        raise KgError(f"unknown network {network!r} (known: {', '.join(NETWORKS)})")
    if normalize not in NORMALIZATIONS:
        raise KgError(f"unknown normalisation {normalize!r} (known: {', '.join(NORMALIZATIONS)})")
    if normalize != "none" and network not in ONE_MODE:
        raise KgError(f"normalisation applies to one-mode networks ({', '.join(ONE_MODE)}), not {network}")
    index = _Index.of(rows)
    if network == "two-mode":
        graph = _two_mode(index, min_weight)
    elif network == "proposals":
        graph = _proposal_network(index, normalize, min_weight)
    else:
        graph = _actor_network(index, network, normalize, min_weight)
    graph.graph.update(network=network, normalize=normalize)
    dated = [d for span in index.node_dates.values() for d in span]
    if dated:
        graph.graph.update(start=min(dated).isoformat(), end=max(dated).isoformat())
    return graph

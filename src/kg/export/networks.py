"""Build discourse networks (networkx graphs) from the statement table.

The network types follow discourse-network analysis (Leifeld's Discourse Network
Analyzer): a two-mode actor-proposal network, actor congruence / conflict / subtract
networks, and a proposal co-support network. Every node and edge carries the
counts and dates it was built from, so each file can be checked against the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable, Sequence

import networkx as nx
import numpy as np

from kg.errors import KgError
from kg.export.pairs import NO_DATE, Members, PairCounter, PairTable, combine
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
        attrs = {"weight": tie.statements, "sign": stance, "stance": name,
                 "count": tie.statements, "evidence": tie.statements, "articles": len(tie.articles)}
        graph.add_edge(actor, proposal, key=name, **_dates(attrs, tie.first, tie.last))
    return graph


def _members(entries: list[tuple[int, _Tie]]) -> Members:
    entries.sort(key=lambda entry: entry[0])
    return Members(
        nodes=np.array([node for node, _ in entries], dtype=np.int64),
        statements=np.array([tie.statements for _, tie in entries], dtype=np.int64),
        first=np.array([tie.first.toordinal() if tie.first else NO_DATE for _, tie in entries], dtype=np.int64),
        last=np.array([tie.last.toordinal() if tie.last else NO_DATE for _, tie in entries], dtype=np.int64),
    )


def _normalised(counts: np.ndarray, common: np.ndarray, size_a: np.ndarray, size_b: np.ndarray,
                normalize: str) -> np.ndarray:
    if normalize == "jaccard":
        return counts / (size_a + size_b - common)
    if normalize == "cosine":
        return counts / np.sqrt(size_a * size_b)
    return counts


def _date_texts(ordinals: np.ndarray) -> list[str | None]:
    """ISO dates of ordinals (None for NO_DATE), converting each distinct date once."""
    distinct, inverse = np.unique(ordinals, return_inverse=True)
    texts = np.array([None if o == NO_DATE else date.fromordinal(o).isoformat() for o in distinct.tolist()],
                     dtype=object)
    return texts[inverse.reshape(-1)].tolist()


def _add_pair_edges(graph: nx.Graph, nodes: list[str], table: PairTable, counts: np.ndarray,
                    weights: np.ndarray, keep: np.ndarray, stance_of_sign: dict[int, str],
                    fixed_sign: int | None = None) -> None:
    counts = counts[keep]
    signs = np.full(len(counts), fixed_sign, dtype=np.int64) if fixed_sign else np.where(counts > 0, 1, -1)
    weights = weights[keep]
    weights = weights.astype(float) if weights.dtype.kind == "f" else weights.astype(np.int64)

    def edges():
        for a, b, count, weight, sign, evidence, first, last in zip(
                table.a[keep].tolist(), table.b[keep].tolist(), counts.tolist(), weights.tolist(), signs.tolist(),
                table.evidence[keep].tolist(), _date_texts(table.first[keep]), _date_texts(table.last[keep])):
            attrs = {"weight": weight, "sign": sign, "stance": stance_of_sign[sign], "count": count,
                     "evidence": evidence, "first_date": first, "last_date": last}
            if first is None:
                del attrs["first_date"]
            if last is None:
                del attrs["last_date"]
            yield nodes[a], nodes[b], attrs

    graph.add_edges_from(edges())


def _actor_network(index: _Index, network: str, normalize: str, min_weight: float) -> nx.Graph:
    graph = nx.Graph()
    _add_nodes(graph, index, actors=True, proposals=False)
    actors = sorted(index.actors)
    position = {iri: i for i, iri in enumerate(actors)}
    agree, disagree, common = PairCounter(), PairCounter(), PairCounter()
    proposals_of = np.zeros(len(actors), dtype=np.int64)
    for group, (_proposal, stances_of) in enumerate(sorted(index.by_proposal().items())):
        supporters = _members([(position[a], s[SUPPORT]) for a, s in stances_of.items() if SUPPORT in s])
        opponents = _members([(position[a], s[REJECT]) for a, s in stances_of.items() if REJECT in s])
        everyone = _members([(position[a], next(iter(s.values()))) for a, s in stances_of.items()])
        proposals_of[everyone.nodes] += 1
        if network in ("congruence", "subtract"):
            # Grouped by proposal, so a pair agreeing in both stances (both ambivalent) counts once.
            agree.within(group, supporters)
            agree.within(group, opponents)
        if network in ("conflict", "subtract"):
            disagree.across(group, supporters, opponents)
        if normalize == "jaccard":
            common.within(group, everyone)
    n = len(actors)
    if network == "congruence":
        table = agree.table(n)
    elif network == "conflict":
        table = disagree.table(n)
    else:
        table = combine(agree.table(n), disagree.table(n), n)[0]
    counts = table.groups
    if normalize == "jaccard":
        # Proposals both actors spoke on: each is an agreement, a conflict, or (ambivalence) both.
        shared = common.table(n)
        at = np.searchsorted(shared.a * n + shared.b, table.a * n + table.b)
        overlap = shared.groups[at] if len(table) else counts
    else:
        overlap = counts
    weights = _normalised(counts, overlap, proposals_of[table.a], proposals_of[table.b], normalize)
    keep = (counts != 0) & (np.abs(weights) >= min_weight)
    # A conflict edge keeps a positive weight (how strongly the two clash, as layouts
    # expect); its sign says it is a clash. Subtract pairs whose agreement and conflict
    # cancel out have no tie and are left out.
    _add_pair_edges(graph, actors, table, counts, weights, keep, {1: "agree", -1: "disagree"},
                    fixed_sign=-1 if network == "conflict" else None)
    return graph


def _proposal_network(index: _Index, normalize: str, min_weight: float) -> nx.Graph:
    graph = nx.Graph()
    _add_nodes(graph, index, actors=False, proposals=True)
    proposals = sorted(index.proposals)
    position = {iri: i for i, iri in enumerate(proposals)}
    pairs = PairCounter()
    supporters = np.zeros(len(proposals), dtype=np.int64)
    for group, (_actor, stances_on) in enumerate(sorted(index.by_actor().items())):
        supported = _members([(position[p], s[SUPPORT]) for p, s in stances_on.items() if SUPPORT in s])
        supporters[supported.nodes] += 1
        pairs.within(group, supported)
    table = pairs.table(len(proposals))
    counts = table.groups
    weights = _normalised(counts, counts, supporters[table.a], supporters[table.b], normalize)
    keep = weights >= min_weight
    _add_pair_edges(graph, proposals, table, counts, weights, keep, {1: "co-support"})
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

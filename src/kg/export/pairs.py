"""Tally the pairs of nodes that co-occur in groups: the heavy part of the one-mode networks.

A congruence network over 100k statements visits millions of actor pairs; numpy does
the pairing, sorting and summing in bulk, where a Python loop per pair would take
minutes. Nodes are integer indices; dates are proleptic ordinals, NO_DATE if unknown.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

NO_DATE = -1
_LATEST = np.iinfo(np.int64).max


@dataclass(frozen=True)
class Members:
    """The members of one group (sorted node indices) and what each brings to a pair."""

    nodes: np.ndarray  # int64, ascending
    statements: np.ndarray  # int64: statements behind each member's tie
    first: np.ndarray  # int64 ordinal of each member's first dated statement, or NO_DATE
    last: np.ndarray  # int64 ordinal of each member's last dated statement, or NO_DATE


@dataclass(frozen=True)
class PairTable:
    """One row per distinct pair (a < b): in how many groups it met, its evidence and dates.

    A pair is formed in a group once both members have spoken, so its start there is the
    later of the two first dates; the table keeps the earliest such start and the latest
    statement date behind the pair.
    """

    a: np.ndarray
    b: np.ndarray
    groups: np.ndarray  # distinct groups the pair met in
    evidence: np.ndarray  # statements of both members, summed over every meeting
    first: np.ndarray  # ordinal or NO_DATE
    last: np.ndarray  # ordinal or NO_DATE

    def __len__(self) -> int:
        return len(self.a)


class PairCounter:
    """Collect pair meetings group by group, then reduce them to a PairTable."""

    def __init__(self):
        self._parts: list[tuple[np.ndarray, ...]] = []

    def _add(self, group: int, x: np.ndarray, y: np.ndarray, evidence: np.ndarray,
             first: np.ndarray, last: np.ndarray) -> None:
        if len(x):
            self._parts.append((np.minimum(x, y), np.maximum(x, y), np.full(len(x), group, dtype=np.int64),
                                evidence, first, last))

    def within(self, group: int, members: Members) -> None:
        """Every pair of distinct members of one group."""
        i, j = np.triu_indices(len(members.nodes), k=1)
        self._add(group, members.nodes[i], members.nodes[j], members.statements[i] + members.statements[j],
                  np.maximum(members.first[i], members.first[j]), np.maximum(members.last[i], members.last[j]))

    def across(self, group: int, left: Members, right: Members) -> None:
        """Every pair of a LEFT and a RIGHT member of one group (a node in both is not paired with itself)."""
        i = np.repeat(np.arange(len(left.nodes)), len(right.nodes))
        j = np.tile(np.arange(len(right.nodes)), len(left.nodes))
        keep = left.nodes[i] != right.nodes[j]
        i, j = i[keep], j[keep]
        self._add(group, left.nodes[i], right.nodes[j], left.statements[i] + right.statements[j],
                  np.maximum(left.first[i], right.first[j]), np.maximum(left.last[i], right.last[j]))

    def table(self, n_nodes: int) -> PairTable:
        if not self._parts:
            empty = np.zeros(0, dtype=np.int64)
            return PairTable(empty, empty, empty, empty, empty, empty)
        a, b, group, evidence, first, last = (np.concatenate(column) for column in zip(*self._parts))
        self._parts = []
        key = a * n_nodes + b
        order = np.lexsort((group, key))
        key, group = key[order], group[order]
        new_pair = np.empty(len(key), dtype=bool)
        new_pair[0] = True
        np.not_equal(key[1:], key[:-1], out=new_pair[1:])
        new_group = new_pair.copy()
        new_group[1:] |= group[1:] != group[:-1]
        starts = np.flatnonzero(new_pair)
        first = first[order]
        first = np.where(first == NO_DATE, _LATEST, first)
        first = np.minimum.reduceat(first, starts)
        return PairTable(
            a=key[starts] // n_nodes,
            b=key[starts] % n_nodes,
            groups=np.add.reduceat(new_group.astype(np.int64), starts),
            evidence=np.add.reduceat(evidence[order], starts),
            first=np.where(first == _LATEST, NO_DATE, first),
            last=np.maximum.reduceat(last[order], starts),
        )


def combine(left: PairTable, right: PairTable, n_nodes: int) -> tuple[PairTable, np.ndarray, np.ndarray]:
    """Align two tables on their pairs: (pairs of either, with summed evidence and joint dates),
    LEFT's group counts and RIGHT's group counts (0 where a pair is missing from one)."""
    left_key = left.a * n_nodes + left.b
    right_key = right.a * n_nodes + right.b
    keys = np.union1d(left_key, right_key)
    left_at = np.searchsorted(keys, left_key)
    right_at = np.searchsorted(keys, right_key)
    size = len(keys)
    left_groups = np.zeros(size, dtype=np.int64)
    right_groups = np.zeros(size, dtype=np.int64)
    left_groups[left_at] = left.groups
    right_groups[right_at] = right.groups
    evidence = np.zeros(size, dtype=np.int64)
    evidence[left_at] += left.evidence
    evidence[right_at] += right.evidence
    first = np.full(size, _LATEST, dtype=np.int64)
    first[left_at] = np.where(left.first == NO_DATE, _LATEST, left.first)
    first[right_at] = np.minimum(first[right_at], np.where(right.first == NO_DATE, _LATEST, right.first))
    last = np.full(size, NO_DATE, dtype=np.int64)
    last[left_at] = left.last
    last[right_at] = np.maximum(last[right_at], right.last)
    joint = PairTable(a=keys // n_nodes, b=keys % n_nodes, groups=left_groups - right_groups, evidence=evidence,
                      first=np.where(first == _LATEST, NO_DATE, first), last=last)
    return joint, left_groups, right_groups

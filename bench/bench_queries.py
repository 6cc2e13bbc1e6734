"""Every saved query on synthetic graphs of 10k, 100k and 1M statements: the embedded
Oxigraph store against rdflib's in-memory Dataset, median of several runs.

    python bench/bench_queries.py                      # 10k, 100k and 1M statements
    python bench/bench_queries.py --sizes 10000 100000 --repeat 7
    python bench/bench_queries.py --rdflib-max 0        # embedded store only

Each query runs through kg.query.run_saved_query, so the time includes turning a
text parameter into IRIs (the lookup query) as a user would see it. Synthetic data
and stores are cached under bench/results/ (git-ignored); delete them to rebuild.
The target: every saved query under 100 ms median at 100k statements on the
embedded store.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kg.query import catalogue, run_saved_query
from kg.results import QueryResult, normalise_term
from kg.sources import LocalSource
from synthetic import write_synthetic

RESULTS = Path(__file__).resolve().parent / "results"
TARGET_MS = 100.0


class RdflibSource:
    """The same interface as kg.sources.LocalSource, answered by rdflib's SPARQL engine."""

    def __init__(self, dataset: rdflib.Dataset):
        self.dataset = dataset
        self.description = "rdflib Dataset"

    def query(self, sparql: str) -> QueryResult:
        answer = self.dataset.query(sparql)
        if answer.type == "ASK":
            return QueryResult(boolean=bool(answer.askAnswer))
        if answer.type in ("CONSTRUCT", "DESCRIBE"):
            return QueryResult(graph=answer.graph)
        variables = [str(v) for v in answer.vars]
        return QueryResult(variables=variables, rows=[tuple(normalise_term(t) for t in row) for row in answer])

    def select(self, sparql: str) -> QueryResult:
        return self.query(sparql)


def _data(n: int) -> Path:
    path = RESULTS / f"synthetic-{n}.nq"
    if not path.exists():
        started = time.perf_counter()
        quads = write_synthetic(path, n)
        print(f"# wrote {path.name}: {quads:,} quads in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def _store(n: int, data: Path) -> ox.Store:
    location = RESULTS / f"store-{n}"
    ready = location / ".loaded"
    if not ready.exists():
        store = ox.Store(str(location))
        store.clear()
        started = time.perf_counter()
        store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
        store.optimize()
        del store
        ready.touch()
        print(f"# loaded the embedded store for {n:,} statements in {time.perf_counter() - started:.1f} s", flush=True)
    return ox.Store.read_only(str(location))


def _parameters(source) -> dict[str, list[tuple[str, str]]]:
    """Realistic parameters for each query: the most mentioned actor and proposal of the graph."""
    top = source.query("""
        PREFIX kg: <https://w3id.org/kg-positions/ns#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?what ?label WHERE {
          { SELECT ?x (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s kg:actor ?x } } GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1 }
          GRAPH ?g2 { ?x rdfs:label ?label } BIND("actor" AS ?what)
        } LIMIT 1""").rows + source.query("""
        PREFIX kg: <https://w3id.org/kg-positions/ns#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?what ?label WHERE {
          { SELECT ?x (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s kg:proposal ?x } } GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1 }
          GRAPH ?g2 { ?x rdfs:label ?label } BIND("proposal" AS ?what)
        } LIMIT 1""").rows
    picked = {str(what): str(label) for what, label in top}
    actor, proposal = picked["actor"], picked["proposal"]
    return {
        "who-supports": [("proposal", "ceasefire")],
        "who-rejects": [("proposal", "ceasefire")],
        "positions-of": [("actor", actor)],
        "proposals": [],
        "conflicts": [("proposal", proposal)],
        "allies": [("actor", actor)],
        "evidence": [("actor", actor), ("proposal", proposal)],
        "timeline": [("proposal", proposal)],
        "position-changes": [],
    }


def _time(run, repeat: int, give_up_after: float) -> tuple[float, int, int]:
    """(median ms, rows, runs); one warm-up run, fewer runs when a single run is slow."""
    started = time.perf_counter()
    rows = len(run())
    warm = time.perf_counter() - started
    times = []
    for _ in range(repeat if warm < give_up_after else 1):
        started = time.perf_counter()
        rows = len(run())
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), rows, len(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per query (after one warm-up)")
    parser.add_argument("--rdflib-max", type=int, default=100_000,
                        help="largest graph also loaded into rdflib (it needs about 2 GB per 100k statements)")
    parser.add_argument("--queries", nargs="+", default=None, help="only these saved queries")
    parser.add_argument("--json", type=Path, default=None, help="also write the measurements here")
    args = parser.parse_args()
    RESULTS.mkdir(exist_ok=True)
    names = args.queries or list(catalogue())
    measurements = []
    print(f"{'statements':>10}  {'query':<17} {'rows':>7}  {'embedded ms':>11}  {'rdflib ms':>10}  {'rdflib/embedded':>15}",
          flush=True)
    for n in args.sizes:
        data = _data(n)
        embedded = LocalSource(_store(n, data), f"embedded store, {n} statements")
        params = _parameters(embedded)
        reference = None
        if n <= args.rdflib_max:
            started = time.perf_counter()
            dataset = rdflib.Dataset(default_union=True)
            dataset.parse(str(data), format="nquads")
            print(f"# parsed {n:,} statements into rdflib in {time.perf_counter() - started:.1f} s", flush=True)
            reference = RdflibSource(dataset)
        for name in names:
            ms, rows, runs = _time(lambda: run_saved_query(name, params.get(name, []), embedded), args.repeat, 5.0)
            line = {"statements": n, "query": name, "rows": rows, "embedded_ms": round(ms, 2), "embedded_runs": runs}
            if reference is not None:
                rms, rrows, rruns = _time(lambda: run_saved_query(name, params.get(name, []), reference),
                                          min(args.repeat, 3), 5.0)
                line.update(rdflib_ms=round(rms, 2), rdflib_rows=rrows, rdflib_runs=rruns,
                            ratio=round(rms / ms, 1) if ms else None)
            measurements.append(line)
            rdflib_ms = f"{line['rdflib_ms']:>10.1f}" if "rdflib_ms" in line else f"{'skipped':>10}"
            ratio = f"{line['ratio']:>14.1f}x" if line.get("ratio") else f"{'':>15}"
            flag = "" if "rdflib_rows" not in line or line["rdflib_rows"] == rows else f"  (rdflib: {line['rdflib_rows']} rows)"
            print(f"{n:>10}  {name:<17} {rows:>7}  {ms:>11.1f}  {rdflib_ms}  {ratio}{flag}", flush=True)
        del reference
    at_target = [m for m in measurements if m["statements"] == 100_000]
    if at_target:
        slow = [m["query"] for m in at_target if m["embedded_ms"] > TARGET_MS]
        print(f"# target: every saved query under {TARGET_MS:g} ms median at 100k statements on the embedded store: "
              + ("met" if not slow else f"missed by {', '.join(slow)}"))
    if args.json:
        args.json.write_text(json.dumps(measurements, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Every saved query on synthetic graphs of 10k, 100k and 1M statements: the embedded
Oxigraph store against rdflib's in-memory Dataset, median of several runs.

    python bench/bench_queries.py                      # 10k, 100k and 1M statements
    python bench/bench_queries.py --sizes 10000 100000 --repeat 7
    python bench/bench_queries.py --rdflib-max 0        # embedded store only

Each query runs through kg.query.run_saved_query, so the time includes turning a
text parameter into IRIs (the lookup query) as a user would see it. Actor and
proposal parameters are the ones ranked --rank by mentions (10 by default: a
prominent one; 1 gives the heaviest answers). Synthetic data
and stores are cached under bench/results/ (git-ignored); delete them to rebuild.
The target: every saved query under 100 ms median at 100k statements on the
embedded store.
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kg.query import catalogue, run_saved_query
from kg.rdfio import to_rdflib_term
from kg.results import QueryResult, normalise_term
from kg.sources import LocalSource
from kg.index import index_is_current
from kg.store import reindex, store_select
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

    def ask(self, sparql: str) -> bool:
        return bool(self.query(sparql).boolean)


def _data(n: int) -> Path:
    path = RESULTS / f"synthetic-{n}.nq"
    if not path.exists():
        started = time.perf_counter()
        quads = write_synthetic(path, n)
        print(f"# wrote {path.name}: {quads:,} quads in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def _store(n: int, data: Path) -> ox.Store:
    """The embedded store for N statements, bulk-loaded and then indexed as `kg reindex` does.

    A cached store whose index graph an older kg built is indexed again.
    """
    location = RESULTS / f"store-{n}"
    loaded_marker = location / ".loaded"
    if not loaded_marker.exists():
        store = ox.Store(str(location))
        store.clear()
        started = time.perf_counter()
        store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
        print(f"# loaded the embedded store for {n:,} statements in {time.perf_counter() - started:.1f} s", flush=True)
        del store
        loaded_marker.touch()
    store = ox.Store(str(location))
    if not index_is_current(store_select(store)):
        started = time.perf_counter()
        reindex(store)
        store.optimize()
        print(f"# built the index graph for {n:,} statements in {time.perf_counter() - started:.1f} s", flush=True)
    del store
    return ox.Store.read_only(str(location))


def _rdflib_dataset(store: ox.Store) -> rdflib.Dataset:
    """The embedded store's quads (article graphs and index graph) in an rdflib Dataset."""
    dataset = rdflib.Dataset(default_union=True)
    graphs: dict[str, rdflib.Graph] = {}

    def graph_of(name) -> rdflib.Graph:
        if name.value not in graphs:
            graphs[name.value] = dataset.graph(rdflib.URIRef(name.value))
        return graphs[name.value]

    dataset.addN((to_rdflib_term(q.subject), to_rdflib_term(q.predicate), to_rdflib_term(q.object),
                  graph_of(q.graph_name)) for q in store.quads_for_pattern(None, None, None, None))
    return dataset


def _parameters(source, rank: int) -> dict[str, list[tuple[str, str]]]:
    """Parameters for each query: the actor and the proposal ranked RANK by mentions in the graph."""
    picked = {}
    for kind in ("actor", "proposal"):
        answer = source.query(f"""
            PREFIX kg: <https://w3id.org/kg-positions/ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?label WHERE {{
              {{ SELECT ?x (COUNT(*) AS ?n) (SAMPLE(?g) AS ?described) WHERE {{ GRAPH ?g {{ ?s kg:{kind} ?x }} }}
                GROUP BY ?x ORDER BY DESC(?n) ?x OFFSET {rank - 1} LIMIT 1 }}
              GRAPH ?described {{ ?x rdfs:label ?label }}
            }}""")
        picked[kind] = str(answer.rows[0][0])
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


def _time(run, repeat: int, slow: float = 5.0) -> tuple[float, int, int]:
    """(median ms, rows, runs) after one warm-up run; a run slower than SLOW seconds is timed once."""
    started = time.perf_counter()
    rows = len(run())
    warm = time.perf_counter() - started
    if warm > slow:
        return warm * 1000, rows, 1
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        rows = len(run())
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), rows, len(times)


def _time_with_limit(run, repeat: int, limit: float):
    """_time in a forked child stopped after LIMIT seconds (None then; "failed" if it died).

    rdflib's SPARQL engine cannot be interrupted from inside the process.
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        sender.send(_time(run, repeat, slow=limit / (repeat + 2)))

    process = context.Process(target=child, daemon=True)
    process.start()
    sender.close()
    outcome = None
    if receiver.poll(limit):
        try:
            outcome = receiver.recv()
        except EOFError:  # the child died: rdflib failed on the query
            outcome = "failed"
    if process.is_alive():
        process.kill()
    process.join()
    return outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per query (after one warm-up)")
    parser.add_argument("--rdflib-max", type=int, default=100_000,
                        help="largest graph also loaded into rdflib (it needs about 2 GB per 100k statements)")
    parser.add_argument("--rdflib-limit", type=float, default=60.0,
                        help="seconds allowed per query on rdflib; slower ones are reported as more than this")
    parser.add_argument("--rank", type=int, default=10,
                        help="take the actor and proposal parameters from the one ranked this by mentions "
                             "(1 = the most mentioned: the heaviest answers)")
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
        params = _parameters(embedded, args.rank)
        print(f"# {n:,} statements; actor {params['positions-of'][0][1]!r}, proposal {params['timeline'][0][1]!r}",
              flush=True)
        # the embedded store first: with millions of rdflib objects alive, Python's garbage
        # collector would walk them all during the embedded runs and inflate their times
        embedded_times = {name: _time(lambda: run_saved_query(name, params.get(name, []), embedded), args.repeat)
                          for name in names}
        reference = dataset = None
        if n <= args.rdflib_max:
            started = time.perf_counter()
            dataset = _rdflib_dataset(embedded.store)
            gc.freeze()  # the dataset lives to the end: keep the collector off it
            print(f"# parsed {n:,} statements into rdflib in {time.perf_counter() - started:.1f} s", flush=True)
            reference = RdflibSource(dataset)
        for name in names:
            ms, rows, runs = embedded_times[name]
            line = {"statements": n, "query": name, "rows": rows, "embedded_ms": round(ms, 2), "embedded_runs": runs}
            if reference is not None:
                timed = _time_with_limit(lambda: run_saved_query(name, params.get(name, []), reference),
                                         min(args.repeat, 3), args.rdflib_limit)
                if timed == "failed":
                    line.update(rdflib_ms=None, rdflib_failed=True)
                elif timed is None:  # a lower bound: rdflib did not finish in time
                    line.update(rdflib_ms=None, rdflib_over_ms=args.rdflib_limit * 1000,
                                ratio_at_least=round(args.rdflib_limit * 1000 / ms, 1))
                else:
                    rms, rrows, rruns = timed
                    line.update(rdflib_ms=round(rms, 2), rdflib_rows=rrows, rdflib_runs=rruns,
                                ratio=round(rms / ms, 1) if ms else None)
            measurements.append(line)
            if line.get("rdflib_ms") is not None:
                rdflib_ms, ratio = f"{line['rdflib_ms']:>10.1f}", f"{line['ratio']:>14.1f}x"
            elif line.get("rdflib_failed"):
                rdflib_ms, ratio = f"{'failed':>10}", f"{'':>15}"
            elif "rdflib_over_ms" in line:
                rdflib_ms, ratio = f"{'>' + format(line['rdflib_over_ms'], '.0f'):>10}", f"{'>' + str(line['ratio_at_least']):>14}x"
            else:
                rdflib_ms, ratio = f"{'skipped':>10}", f"{'':>15}"
            flag = "" if "rdflib_rows" not in line or line["rdflib_rows"] == rows else f"  (rdflib: {line['rdflib_rows']} rows)"
            print(f"{n:>10}  {name:<17} {rows:>7}  {ms:>11.1f}  {rdflib_ms}  {ratio}{flag}", flush=True)
        reference = dataset = None  # free this size's rdflib copy before the next size
        gc.unfreeze()
        gc.collect()  # now, not during the next size's embedded runs
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

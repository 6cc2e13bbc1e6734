"""Benchmark `kg validate`: the fast engine against a plain whole-graph pySHACL run.

    python bench/bench_validate.py                      # 1k, 10k, 100k statements
    python bench/bench_validate.py --sizes 1000 10000 --pyshacl-timeout 300

For each size it writes synthetic statements (bench/synthetic.py) as N-Quads,
injects a known set of defects (so there is something to report), and
validates the file with kg's built-in shapes twice, each in a fresh process
so that peak memory (ru_maxrss, which also counts Oxigraph's native memory)
belongs to that run alone; the fast engine's second process, if it starts
one, is added (the sum of both peaks, an upper bound):

* fast:    kg.validate.validate_files(...)                   (compiled SPARQL on Oxigraph)
* pyshacl: kg.validate.validate_files(..., engine="pyshacl")  (pySHACL on the whole rdflib graph)

All fast runs come first, then the pySHACL runs, each stopped after
--pyshacl-timeout seconds: the table then says "> N s" and the speed-up
"≥ X". Where both finish, the script checks that they report identical
results (the same set of focus node, path, value, severity, source shape,
constraint component and message) and says so. The table is printed and
also written as JSON to bench/results/validate.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

KG = "https://w3id.org/kg-positions/ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"


def write_data(path: Path, n_statements: int) -> dict:
    """Synthetic statements with defects injected at fixed strides; returns what was injected."""
    from synthetic import write_synthetic

    clean = path.with_suffix(".clean.nq")
    write_synthetic(clean, n_statements, seed=1)
    injected = Counter()
    with open(clean, encoding="utf-8") as source, open(path, "w", encoding="utf-8") as out:
        for i, line in enumerate(source):
            if f"<{KG}confidence>" in line and i % 97 == 0:
                line = re.sub(r'"[^"]*"\^\^<[^>]*decimal>', f'"1.5"^^<{XSD}decimal>', line)
                injected["confidence above 1"] += 1
            elif f"<{KG}evidenceEnd>" in line and i % 89 == 0:
                line = re.sub(r'"\d+"', '"3"', line)  # end before start: sh:lessThan
                injected["end before start"] += 1
            elif "<http://www.w3.org/2004/02/skos/core#prefLabel>" in line and i % 53 == 0:
                injected["missing prefLabel (actor or proposal)"] += 1
                continue
            elif f"<{KG}supports>" in line and i % 61 == 0:
                subject = line.split(" ", 1)[0]
                out.write(f"{subject} <{KG}rejects> <https://w3id.org/kg-positions/id/proposal/unbacked> .\n")
                injected["position without evidence"] += 1
            out.write(line)
    clean.unlink()
    return dict(injected)


def run_one(engine: str, path: str, result_file: str) -> None:
    """Child process: validate PATH with ENGINE, write timing, memory and results as JSON."""
    import resource

    from kg.validate import validate_files

    started = time.perf_counter()
    report = validate_files([path], engine=engine)
    elapsed = time.perf_counter() - started
    own_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # the fast engine's second process (SHACL-SPARQL constraints on large inputs) has its own memory
    helper_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    with open(result_file, "w", encoding="utf-8") as handle:
        json.dump({"seconds": elapsed, "peak_mb": own_mb + helper_mb, "own_peak_mb": own_mb,
                   "helper_peak_mb": helper_mb, "totals": report.totals, "engine": report.engine,
                   "results": sorted(json.dumps(r.__dict__, sort_keys=True) for r in report.results)}, handle)


def measure(engine: str, path: Path, timeout: float | None) -> dict | None:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
        result_file = tmp.name
    try:
        subprocess.run([sys.executable, __file__, "--child", engine, str(path), result_file],
                       check=True, timeout=timeout)
        with open(result_file, encoding="utf-8") as handle:
            return json.load(handle)
    except subprocess.TimeoutExpired:
        return None
    finally:
        os.unlink(result_file)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--pyshacl-timeout", type=float, default=600.0, help="seconds before a pySHACL run is stopped")
    parser.add_argument("--json", default=str(HERE / "results" / "validate.json"), help="where to write the results")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_one(*args.child)
        return

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for n in sorted(set(args.sizes)):
            path = Path(tmp) / f"statements-{n}.nq"
            injected = write_data(path, n)
            files[n] = (path, injected, sum(1 for _ in open(path, encoding="utf-8")))
        fast = {}
        for n, (path, _injected, _quads) in files.items():
            fast[n] = measure("auto", path, None)
            print(f"  fast {n}: {fast[n]['seconds']:.2f} s", file=sys.stderr, flush=True)
        for n, (path, injected, quads) in files.items():
            slow = measure("pyshacl", path, args.pyshacl_timeout)
            print(f"  pyshacl {n}: {slow['seconds']:.1f} s" if slow else f"  pyshacl {n}: timed out",
                  file=sys.stderr, flush=True)
            rows.append((n, quads, injected, fast[n], slow))

    print(f"\nkg validate, built-in shapes, synthetic statements with injected defects "
          f"(pySHACL stopped after {args.pyshacl_timeout:.0f} s)\n")
    header = (f"{'statements':>10} {'quads':>9} {'results':>8} | {'fast s':>7} {'fast MB':>8} | "
              f"{'pySHACL s':>10} {'pySHACL MB':>10} | {'speed-up':>9} | identical results")
    print(header)
    print("-" * len(header))
    records = []
    for n, quads, injected, fast_run, slow in rows:
        results = sum(fast_run["totals"].values())
        if slow:
            slow_s, slow_mb = f"{slow['seconds']:.1f}", f"{slow['peak_mb']:.0f}"
            ratio = f"{slow['seconds'] / fast_run['seconds']:.0f}x"
            same = "yes" if fast_run["results"] == slow["results"] else "NO"
            if same == "yes":
                same += f" ({results} results)"
        else:
            slow_s, slow_mb = f"> {args.pyshacl_timeout:.0f}", "-"
            ratio = f"≥ {args.pyshacl_timeout / fast_run['seconds']:.0f}x"
            same = "- (pySHACL did not finish)"
        print(f"{n:>10} {quads:>9} {results:>8} | {fast_run['seconds']:7.2f} {fast_run['peak_mb']:8.0f} | "
              f"{slow_s:>10} {slow_mb:>10} | {ratio:>9} | {same}")
        records.append({"statements": n, "quads": quads, "injected": injected, "results": results,
                        "fast": {k: fast_run[k] for k in ("seconds", "peak_mb", "own_peak_mb", "helper_peak_mb",
                                                          "totals", "engine")},
                        "pyshacl": ({k: slow[k] for k in ("seconds", "peak_mb", "totals", "engine")} if slow
                                    else {"timed_out_after": args.pyshacl_timeout}),
                        "identical_results": (fast_run["results"] == slow["results"]) if slow else None})
    print("\nInjected defects per size:")
    for n, _q, injected, _f, _s in rows:
        print(f"  {n:>7}: " + ", ".join(f"{k} x{v}" for k, v in sorted(injected.items())))
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(records, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

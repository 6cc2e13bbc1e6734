"""Benchmark `kg validate`: the fast engine against a plain whole-graph pySHACL run.

    python bench/bench_validate.py                      # 1k, 10k, 100k statements
    python bench/bench_validate.py --sizes 1000 10000 --pyshacl-timeout 300

For each size it writes synthetic statements (bench/synthetic.py) as N-Quads,
injects a known set of defects (so there is something to report), and
validates the file with kg's built-in shapes twice, each in a fresh process
so that peak memory (ru_maxrss, which also counts Oxigraph's native memory)
belongs to that run alone:

* fast:    kg.validate.validate_files(...)                   (compiled SPARQL on Oxigraph)
* pyshacl: kg.validate.validate_files(..., engine="pyshacl")  (pySHACL on the whole rdflib graph)

A pySHACL run that exceeds --pyshacl-timeout is stopped (or not started when
the extrapolation says it would take far longer); the table then shows an
extrapolation from the sizes that finished (time grows like n^k, k fitted on
all finished sizes, at least 1), marked with "~". Where both runs finish, the
script checks that they report identical results and says so.
"""

from __future__ import annotations

import argparse
import json
import math
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
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with open(result_file, "w", encoding="utf-8") as handle:
        json.dump({"seconds": elapsed, "peak_mb": peak_mb, "totals": report.totals, "engine": report.engine,
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


def extrapolate(points: list[tuple[int, float]], n: int) -> float | None:
    """Time at N from a least-squares fit of log(time) on log(size), never better than linear."""
    if len(points) < 2:
        return None
    xs = [math.log(size) for size, _ in points]
    ys = [math.log(seconds) for _, seconds in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / sum((x - mean_x) ** 2 for x in xs)
    exponent = max(slope, 1.0)
    size, seconds = points[-1]
    return seconds * (n / size) ** exponent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--pyshacl-sizes", type=int, nargs="*", default=None,
                        help="sizes to run plain pySHACL on (default: all; small extra sizes help extrapolate)")
    parser.add_argument("--pyshacl-timeout", type=float, default=600.0, help="seconds before a pySHACL run is stopped")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_one(*args.child)
        return

    pyshacl_sizes = sorted(set(args.pyshacl_sizes if args.pyshacl_sizes is not None else args.sizes))
    rows = []
    finished: list[tuple[int, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sorted(set(args.sizes) | set(pyshacl_sizes)):
            path = Path(tmp) / f"statements-{n}.nq"
            injected = write_data(path, n)
            triples = sum(1 for _ in open(path, encoding="utf-8"))
            fast = measure("auto", path, None) if n in args.sizes else None
            slow = None
            if n in pyshacl_sizes and (not finished or (extrapolate(finished, n) or 0) < 20 * args.pyshacl_timeout):
                slow = measure("pyshacl", path, args.pyshacl_timeout)
            if slow is not None:
                finished.append((n, slow["seconds"]))
            rows.append((n, triples, injected, fast, slow))
            print(f"  measured {n} statements", file=sys.stderr, flush=True)

    print(f"\nkg validate, built-in shapes, synthetic statements with injected defects "
          f"(pySHACL timeout {args.pyshacl_timeout:.0f} s)\n")
    header = (f"{'statements':>10} {'quads':>9} {'results':>8} | {'fast s':>8} {'fast MB':>8} | "
              f"{'pyshacl s':>10} {'pyshacl MB':>10} | {'speed-up':>9} | identical")
    print(header)
    print("-" * len(header))
    for n, triples, injected, fast, slow in rows:
        results = sum(fast["totals"].values()) if fast else (sum(slow["totals"].values()) if slow else 0)
        fast_s = f"{fast['seconds']:8.2f}" if fast else f"{'-':>8}"
        fast_mb = f"{fast['peak_mb']:8.0f}" if fast else f"{'-':>8}"
        if slow:
            slow_s, slow_mb = f"{slow['seconds']:10.1f}", f"{slow['peak_mb']:10.0f}"
            slow_time = slow["seconds"]
        else:
            guess = extrapolate(finished, n)
            slow_s, slow_mb, slow_time = (f"{'~' + format(guess, '.0f'):>10}" if guess else f"{'-':>10}"), \
                f"{'-':>10}", guess
        ratio = f"{slow_time / fast['seconds']:8.0f}x" if fast and slow_time else f"{'-':>9}"
        if not slow:
            ratio = ("~" + ratio.strip()).rjust(9) if fast and slow_time else ratio
        same = "-" if not (fast and slow) else ("yes" if fast["results"] == slow["results"] else "NO")
        print(f"{n:>10} {triples:>9} {results:>8} | {fast_s} {fast_mb} | {slow_s} {slow_mb} | {ratio} | {same}")
    print("\n~ = extrapolated from the finished pySHACL runs (not measured).")
    print("Injected defects per size:")
    for n, _t, injected, _f, _s in rows:
        print(f"  {n:>7}: " + ", ".join(f"{k} x{v}" for k, v in sorted(injected.items())))


if __name__ == "__main__":
    main()

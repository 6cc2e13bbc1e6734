"""`kg export` at scale: every network type to every format from synthetic stores of
100k statements (by default), with the time and the peak memory of each export.

    python bench/bench_export.py                          # 100k statements, all networks, all formats
    python bench/bench_export.py --sizes 10000 100000 --networks two-mode congruence
    python bench/bench_export.py --formats gexf csv

Each export runs in a fresh process, as `kg export --store` would, so its peak
resident memory (from the kernel's rusage of that process) is its own. The time
is split into reading the statement table from the store and building plus writing
the network. Synthetic data and stores are cached under bench/results/
(git-ignored); the exported files go to a temporary folder and are deleted.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
NETWORKS = ("two-mode", "congruence", "conflict", "subtract", "proposals")
FORMATS = ("gexf", "graphml", "csv")


def _store(n: int) -> Path:
    """A bulk-loaded embedded store of N synthetic statements (built once, then reused).

    Built in a child process: Linux carries a process's peak RSS over fork and exec into
    its children's rusage, so the parent must stay small for the children's peaks to be
    their own.
    """
    location = RESULTS / f"export-store-{n}"
    if not (location / ".loaded").exists():
        subprocess.run([sys.executable, __file__, "--build-store", str(n)], check=True)
    return location


def build_store(n: int) -> None:
    import pyoxigraph as ox

    from synthetic import write_synthetic

    location = RESULTS / f"export-store-{n}"
    ready = location / ".loaded"
    RESULTS.mkdir(parents=True, exist_ok=True)
    data = RESULTS / f"synthetic-{n}.nq"
    if not data.exists():
        started = time.perf_counter()
        quads = write_synthetic(data, n)
        print(f"# wrote {data.name}: {quads:,} quads in {time.perf_counter() - started:.1f} s", flush=True)
    started = time.perf_counter()
    store = ox.Store(str(location))
    store.clear()
    store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
    store.optimize()
    del store
    ready.touch()
    print(f"# loaded {location.name} in {time.perf_counter() - started:.1f} s", flush=True)


def child(store: str, network: str, fmt: str, folder: str) -> None:
    """One export, timed in two parts; prints one JSON line for the parent."""
    from kg.export.run import ExportOptions, export_statements
    from kg.export.statements import load_statements

    started = time.perf_counter()
    rows = load_statements(store_path=store)
    read = time.perf_counter() - started
    started = time.perf_counter()
    summary = export_statements(rows, Path(folder) / f"net.{fmt}", ExportOptions(network=network, format=fmt))
    written = time.perf_counter() - started
    print(json.dumps({"statements": len(rows), "nodes": summary.nodes, "edges": summary.edges, "read_s": read,
                      "write_s": written, "bytes": sum(p.stat().st_size for p in summary.files)}))


def measure(store: Path, network: str, fmt: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="kg-bench-export-") as folder, \
            tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, __file__, "--child", str(store), network, fmt, folder],
                                   stdout=out, stderr=err)
        # Reap the child ourselves to get its own rusage: ru_maxrss is its peak resident set (KiB on Linux).
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            raise SystemExit(f"export {network} {fmt} failed:\n{err.read()}")
        result = json.loads(out.read().strip().splitlines()[-1])
    result.update(wall_s=wall, peak_mib=usage.ru_maxrss / 1024)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--networks", nargs="+", choices=NETWORKS, default=list(NETWORKS))
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    parser.add_argument("--child", nargs=4, metavar=("STORE", "NETWORK", "FORMAT", "FOLDER"), help=argparse.SUPPRESS)
    parser.add_argument("--build-store", type=int, metavar="N", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    if args.build_store:
        build_store(args.build_store)
        return

    header = (f"{'statements':>10}  {'network':<10}  {'format':<7}  {'nodes':>6}  {'edges':>9}  {'read s':>7}  "
              f"{'build+write s':>13}  {'total s':>7}  {'out MB':>7}  {'peak MiB':>9}  {'x time':>6}  {'x mem':>6}")
    print(header)
    print("-" * len(header))
    for n in args.sizes:
        store = _store(n)
        baseline = None
        for network in args.networks:
            for fmt in args.formats:
                r = measure(store, network, fmt)
                peak = r["peak_mib"]
                baseline = baseline or (r["wall_s"], peak)
                print(f"{r['statements']:>10,}  {network:<10}  {fmt:<7}  {r['nodes']:>6,}  {r['edges']:>9,}  "
                      f"{r['read_s']:>7.1f}  {r['write_s']:>13.1f}  {r['wall_s']:>7.1f}  {r['bytes'] / 1e6:>7.1f}  "
                      f"{peak:>9.0f}  {r['wall_s'] / baseline[0]:>6.2f}  {peak / baseline[1]:>6.2f}",
                      flush=True)
    print("\nx time, x mem: total time and peak memory relative to the first row of the same size "
          "(the two-mode network in the first format, by default GEXF).")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # for `synthetic`
    main()

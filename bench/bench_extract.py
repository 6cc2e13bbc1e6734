"""Benchmark `kg extract`: the full extractor against bare spaCy `nlp.pipe` over the same texts.

    python bench/bench_extract.py                        # 1 and 2 processes, on 2 cores
    python bench/bench_extract.py --jobs 1 2 --repeat 3 --json bench/results/extract.json
    python bench/bench_extract.py --components           # also: what each component costs

Texts: the two seed articles (seeds/) and the PolNeAR development sample
(../shared/dev/polnear-train/*.txt, third-party texts read in place, never copied); the
corpus can be repeated (--copies) for a longer run. The model is loaded once and shared by
every measurement; a short warm-up runs first. The process is pinned to --cores CPUs
(default 2; worker processes inherit the pinning). For each number of processes:

* bare nlp.pipe, articles:  nlp.pipe(article texts, n_process=J)        the parser alone
* bare nlp.pipe, blocks:    nlp.pipe(the blocks the extractor parses)   same texts, same batching
* kg extractor:             kg.extract.pipeline.extract_articles(..., n_process=J), consumed fully

and once, in this process, the extractor's own work on documents parsed beforehand
(positions, actors, proposals, deduplication), which is what extraction adds to the parse.
Each time is the best of --repeat runs. The table gives articles/s, characters/s and the
ratio to bare nlp.pipe over the articles. Peak memory (ru_maxrss) is taken after the
extractor's first run in this process, after its first run with workers (largest worker),
and after bare nlp.pipe over whole articles (spaCy's default batch of 1,000 texts).

--components times nlp.pipe with each optional component disabled and checks whether the
extractor's statements on all texts change without it: a component may only be disabled
when they do not.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _pin(cores: int) -> str:
    """Restrict this process (and its future workers) to CORES CPUs where the OS allows it."""
    if not hasattr(os, "sched_setaffinity"):
        return f"{os.cpu_count()} CPU(s), not pinned"
    available = sorted(os.sched_getaffinity(0))
    chosen = available[:cores]
    os.sched_setaffinity(0, chosen)
    return f"{len(chosen)} of {len(available)} CPU(s): {chosen}"


def load_articles(shared: Path, copies: int):
    from kg.ingest import read_articles

    paths = sorted((REPO / "seeds").glob("*.txt"))
    polnear = shared / "dev" / "polnear-train"
    if polnear.is_dir():
        paths += sorted(polnear.glob("*.txt"))
    else:
        print(f"bench_extract: {polnear} not found; seeds only", file=sys.stderr)
    articles = list(read_articles(paths))
    return articles * copies


def _peak(who) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kB on Linux


def _best(fn, repeat: int) -> tuple[float, object]:
    best, value = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - started)
    return best, value


def _statement_keys(results) -> list[tuple]:
    return [(r.article.doc_id, s.actor.key, s.stance, s.proposal.key, s.evidence.start, s.confidence)
            for r in results for s in r.statements]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="the shared folder holding dev/polnear-train (default: ../shared)")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: kg's default)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="numbers of processes to measure")
    parser.add_argument("--cores", type=int, default=2, help="CPUs to pin the benchmark to (default 2)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the best is kept")
    parser.add_argument("--copies", type=int, default=1, help="repeat the corpus this many times")
    parser.add_argument("--batch-size", type=int, default=None, help="nlp.pipe batch size for the extractor")
    parser.add_argument("--components", action="store_true",
                        help="also time nlp.pipe without each optional component and check its effect")
    parser.add_argument("--json", dest="json_out", type=Path, default=None, help="also write the numbers here")
    args = parser.parse_args(argv)

    pinning = _pin(args.cores)
    from kg.extract.lexicon import load_lexicon
    from kg.extract.pipeline import (DEFAULT_BATCH_SIZE, _blocks_to_parse, _extract_from_docs, extract_articles,
                                     load_pipeline)

    started = time.perf_counter()
    nlp = load_pipeline(args.model)
    lexicon = load_lexicon()
    load_seconds = time.perf_counter() - started
    batch_size = args.batch_size or DEFAULT_BATCH_SIZE

    articles = load_articles(args.shared, args.copies)
    chars = sum(len(a.text) for a in articles)
    prepared = [_blocks_to_parse(a, lexicon) for a in articles]
    block_texts = [t for _blocks, texts in prepared for t in texts]
    list(extract_articles(articles[:2], nlp))  # warm-up: lazy loading, lexicon, gazetteers

    rows = []

    def record(mode: str, jobs: int | None, seconds: float) -> dict:
        row = {"mode": mode, "jobs": jobs, "seconds": round(seconds, 3),
               "articles_per_s": round(len(articles) / seconds, 2), "chars_per_s": round(chars / seconds)}
        rows.append(row)
        print(f"  {mode:<28} jobs={jobs if jobs is not None else '-'}  {seconds:7.2f} s", file=sys.stderr, flush=True)
        return row

    reference = None
    peaks: dict[str, float] = {}
    for jobs in args.jobs:
        # the extractor runs first: ru_maxrss only grows, and bare nlp.pipe over whole articles
        # (spaCy's default batch of 1,000 texts) needs far more memory than batches of blocks
        seconds, results = _best(lambda: list(extract_articles(articles, nlp, n_process=jobs, batch_size=batch_size)),
                                 args.repeat)
        record("kg extractor", jobs, seconds)
        if jobs == 1:
            peaks.setdefault("extractor", _peak(resource.RUSAGE_SELF))
        else:
            peaks.setdefault("extractor_worker", _peak(resource.RUSAGE_CHILDREN))
        keys = _statement_keys(results)
        if reference is None:
            reference = keys
        elif keys != reference:
            print(f"bench_extract: statements with {jobs} processes differ from {args.jobs[0]}", file=sys.stderr)
            return 1
        del results
        seconds, _ = _best(lambda: sum(1 for _ in nlp.pipe(block_texts, batch_size=batch_size, n_process=jobs)),
                           args.repeat)
        record("bare nlp.pipe, blocks", jobs, seconds)
        seconds, _ = _best(lambda: sum(1 for _ in nlp.pipe((a.text for a in articles), n_process=jobs)), args.repeat)
        record("bare nlp.pipe, articles", jobs, seconds)
        if jobs == 1:
            peaks.setdefault("bare_articles", _peak(resource.RUSAGE_SELF))

    docs = [list(nlp.pipe(texts, batch_size=batch_size)) for _blocks, texts in prepared]

    def extraction_only():
        return [_extract_from_docs(a, blocks, d, lexicon, 0.0) for a, (blocks, _t), d in zip(articles, prepared, docs)]

    seconds, _ = _best(extraction_only, args.repeat)
    own = record("extractor's own work", None, seconds)
    del docs

    components = []
    if args.components:
        baseline = _statement_keys(list(extract_articles(articles, nlp)))
        full, _ = _best(lambda: sum(1 for _ in nlp.pipe(block_texts, batch_size=batch_size)), args.repeat)
        for name in nlp.pipe_names:
            if name in ("tok2vec", "tagger", "parser"):
                continue  # the dependency parse and tags are what every rule reads
            with nlp.select_pipes(disable=[name]):
                seconds, _ = _best(lambda: sum(1 for _ in nlp.pipe(block_texts, batch_size=batch_size)), args.repeat)
                changed = _statement_keys(list(extract_articles(articles, nlp))) != baseline
            components.append({"component": name, "saves_s": round(full - seconds, 3),
                               "saves_pct": round(100 * (full - seconds) / full, 1),
                               "statements_change": changed})
            print(f"  without {name:<16} saves {full - seconds:6.2f} s; statements change: {changed}",
                  file=sys.stderr, flush=True)

    print(f"{len(articles)} articles, {chars:,} characters, {len(block_texts)} blocks; model "
          f"{nlp.meta.get('name')} {nlp.meta.get('version')} ({', '.join(nlp.pipe_names)}) loaded once in "
          f"{load_seconds:.2f} s; {pinning}; batch size {batch_size}; best of {args.repeat}")
    print()
    print(f"| {'what':<28} | {'processes':>9} | {'seconds':>8} | {'articles/s':>10} | {'chars/s':>8} | "
          f"{'vs bare':>7} |")
    print(f"|{'-' * 30}|{'-' * 10}:|{'-' * 9}:|{'-' * 11}:|{'-' * 9}:|{'-' * 8}:|")
    bare = {r["jobs"]: r["seconds"] for r in rows if r["mode"] == "bare nlp.pipe, articles"}
    for r in rows:
        base = bare.get(r["jobs"]) or bare.get(1)
        ratio = f"{r['seconds'] / base:.2f}" if base else "-"
        print(f"| {r['mode']:<28} | {r['jobs'] if r['jobs'] is not None else '-':>9} | {r['seconds']:>8.2f} | "
              f"{r['articles_per_s']:>10.2f} | {r['chars_per_s']:>8,} | {ratio:>7} |")
    print()
    parse_1 = next((r["seconds"] for r in rows if r["mode"] == "bare nlp.pipe, blocks" and r["jobs"] == 1), None)
    if parse_1:
        print(f"extractor's own work: {own['seconds']:.2f} s = {100 * own['seconds'] / parse_1:.0f}% of the parse "
              f"time of the same blocks in one process")
    for jobs in args.jobs:
        ext = next(r for r in rows if r["mode"] == "kg extractor" and r["jobs"] == jobs)
        print(f"kg extractor with {jobs} process(es): {ext['seconds'] / bare[jobs]:.2f} x bare nlp.pipe over the "
              f"articles, {ext['articles_per_s']:.2f} articles/s")
    if 1 in bare and len(args.jobs) > 1:
        ext = {r["jobs"]: r["seconds"] for r in rows if r["mode"] == "kg extractor"}
        for jobs in args.jobs:
            if jobs != 1:
                print(f"speed-up of the extractor with {jobs} processes: {ext[1] / ext[jobs]:.2f} x")
    print("peak memory (ru_maxrss): " + ", ".join(f"{name.replace('_', ' ')} {mb:.0f} MB" for name, mb in peaks.items()))
    for c in components:
        print(f"without {c['component']}: {c['saves_pct']}% less parse time; statements change: "
              f"{'yes (keep it)' if c['statements_change'] else 'no'}")

    if args.json_out is not None:
        summary = {"articles": len(articles), "chars": chars, "blocks": len(block_texts), "pinning": pinning,
                   "model": nlp.meta.get("name"), "load_seconds": round(load_seconds, 3), "batch_size": batch_size,
                   "repeat": args.repeat, "rows": rows, "components": components,
                   "peak_rss_mb": {k: round(v) for k, v in peaks.items()}}
        args.json_out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
        print(f"written to {args.json_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

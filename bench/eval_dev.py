"""Extraction quality on the development sets: precision, recall and F1 per set.

Sets:
  seeds          gold ../shared/gold/*.gold.json, articles seeds/
  polnear-train  gold and articles ../shared/dev/polnear-train/ (2016 US election coverage, PolNeAR;
                 third-party texts, read in place from the sibling ../shared folder, never copied)
  composed       gold and articles bench/dev/composed/ (ten wire-style articles the team wrote on other
                 topics, with invented names, annotated by hand before the extractor was run on them)
  composed-2     gold and articles bench/dev/composed-2/ (twenty more, on other topics, written and annotated
                 by a team member who never saw the extractor's code or output; a development set)
  held-out       gold and articles bench/dev/held-out/ (ten more wire-style articles on new topics, gold
                 written before the extractor ran; it only measures: never tune rules on it)
  held-out-2     gold and articles bench/dev/held-out-2/ (twelve more, written and annotated by a team
                 member who never saw the extractor's code or output; measure only, like held-out)
  composed-3     gold and articles bench/dev/composed-3/ (twenty more, written and annotated blind like
                 composed-2; a development set)
  composed-4     gold and articles bench/dev/composed-4/ (twenty more, written and annotated blind; a
                 development set)
  composed-5     gold and articles bench/dev/composed-5/ (twenty more, written and annotated blind; a
                 development set)
  composed-6     gold and articles bench/dev/composed-6/ (twenty more, written and annotated blind; a
                 development set)
  held-out-3     gold and articles bench/dev/held-out-3/ (twelve more, written and annotated blind;
                 measure only)
  held-out-4     gold and articles bench/dev/held-out-4/ (twelve more, written and annotated blind;
                 measure only)
  held-out-5     gold and articles bench/dev/held-out-5/ (twelve more, written and annotated blind;
                 measure only)
  held-out-6     gold and articles bench/dev/held-out-6/ (twelve more, written and annotated blind;
                 measure only)

    python bench/eval_dev.py [--shared DIR] [--set NAME ...] [--json OUT.json] [--errors]

Prints a table with one row per set, then the ratios that matter when comparing runs:
the set's F1 relative to the seeds' and the extraction speed. A set whose folder is
missing is skipped with a message.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def dev_sets(shared: Path) -> list[tuple[str, Path, Path]]:
    """(name, gold folder, articles folder) of every development set."""
    polnear = shared / "dev" / "polnear-train"
    composed = REPO / "bench" / "dev" / "composed"
    held = REPO / "bench" / "dev" / "held-out"
    composed2 = REPO / "bench" / "dev" / "composed-2"
    held2 = REPO / "bench" / "dev" / "held-out-2"
    composed3 = REPO / "bench" / "dev" / "composed-3"
    held3 = REPO / "bench" / "dev" / "held-out-3"
    composed4 = REPO / "bench" / "dev" / "composed-4"
    composed5 = REPO / "bench" / "dev" / "composed-5"
    composed6 = REPO / "bench" / "dev" / "composed-6"
    held4 = REPO / "bench" / "dev" / "held-out-4"
    held5 = REPO / "bench" / "dev" / "held-out-5"
    held6 = REPO / "bench" / "dev" / "held-out-6"
    return [("seeds", shared / "gold", REPO / "seeds"), ("polnear-train", polnear, polnear),
            ("composed", composed, composed), ("composed-2", composed2, composed2),
            ("composed-3", composed3, composed3), ("composed-4", composed4, composed4),
            ("composed-5", composed5, composed5), ("composed-6", composed6, composed6), ("held-out", held, held),
            ("held-out-2", held2, held2),
            ("held-out-3", held3, held3), ("held-out-4", held4, held4), ("held-out-5", held5, held5),
            ("held-out-6", held6, held6)]


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="the shared folder holding gold/ and dev/ (default: ../shared)")
    parser.add_argument("--set", dest="sets", action="append", default=None,
                        help="evaluate only this set (repeatable): seeds, polnear-train, composed, composed-2, "
                             "composed-3, composed-4, composed-5, composed-6, held-out, held-out-2, held-out-3, held-out-4, held-out-5, held-out-6")
    parser.add_argument("--json", dest="json_out", type=Path, default=None, help="also write a JSON summary here")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: kg's default)")
    parser.add_argument("--min-confidence", type=float, default=0.0)
    parser.add_argument("--errors", action="store_true", help="print each set's misses and false positives")
    args = parser.parse_args(argv)

    if not args.shared.is_dir():
        print(f"eval_dev: {args.shared} not found: only the composed and held-out sets, which live in the project, "
              "are evaluated")

    from kg.errors import KgError
    from kg.evaluate import evaluate, report_text
    from kg.extract.pipeline import load_pipeline

    started = time.perf_counter()
    nlp = load_pipeline(args.model)
    load_seconds = time.perf_counter() - started

    rows = []
    for name, gold_dir, articles_dir in dev_sets(args.shared):
        if args.sets and name not in args.sets:
            continue
        if not gold_dir.is_dir() or not articles_dir.is_dir():
            print(f"eval_dev: skipped set {name}: {gold_dir if not gold_dir.is_dir() else articles_dir} not found")
            continue
        started = time.perf_counter()
        try:
            report = evaluate(gold_dir, articles_dir, min_confidence=args.min_confidence, nlp=nlp)
        except KgError as err:
            print(f"eval_dev: set {name}: {err}", file=sys.stderr)
            return 2
        seconds = time.perf_counter() - started
        chars = sum(Path(a.article_path).stat().st_size for a in report.articles)
        rows.append({"set": name, "articles": len(report.articles), "seconds": round(seconds, 3),
                     "chars_per_second": round(chars / seconds) if seconds else None,
                     **report.to_dict(show_errors=False)["overall"]})
        if args.errors:
            print(f"== {name}")
            print(report_text(report))
            print()

    if not rows:
        print("eval_dev: nothing evaluated")
        return 0
    print(f"pipeline loaded in {load_seconds:.2f} s (min confidence {args.min_confidence:g})")
    header = f"{'set':<15} {'art':>4} {'gold':>5} {'pred':>5} {'TP':>4} {'FP':>4} {'FN':>4} {'ign':>4} " \
             f"{'P':>6} {'R':>6} {'F1':>6} {'sec':>7} {'chars/s':>8}"
    print(header)
    for r in rows:
        print(f"{r['set']:<15} {r['articles']:>4} {r['gold']:>5} {r['predicted']:>5} {r['tp']:>4} {r['fp']:>4} "
              f"{r['fn']:>4} {r['ignored']:>4} {_fmt(r['precision']):>6} {_fmt(r['recall']):>6} {_fmt(r['f1']):>6} "
              f"{r['seconds']:>7.2f} {r['chars_per_second'] or 0:>8}")
    seeds = next((r for r in rows if r["set"] == "seeds"), None)
    for r in rows:
        if seeds is not r and seeds and seeds["f1"] and r["f1"] is not None:
            print(f"ratio F1 {r['set']} / seeds: {r['f1'] / seeds['f1']:.2f}")
        if r["f1"] is not None and r["precision"] and r["recall"]:
            print(f"ratio precision / recall on {r['set']}: {r['precision'] / r['recall']:.2f}")

    if args.json_out is not None:
        from kg.rdfio import atomic_output

        summary = {"model": args.model, "min_confidence": args.min_confidence,
                   "pipeline_load_seconds": round(load_seconds, 3), "sets": rows}
        with atomic_output(args.json_out) as handle:
            json.dump(summary, handle, indent=2)
            handle.write("\n")
        print(f"summary written to {args.json_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Speed of the actor gazetteer: loading its files and the per-token lookups.

    python bench/gazetteer.py [--rounds N]

The extractor calls these lookups for every candidate token or mention, so each must
stay close to a plain dict lookup. Prints one row per operation (microseconds per
call, calls per second) and its ratio to a bare dict.get on the same strings; the
mixed inputs are half hits and half misses, like running text.
"""

from __future__ import annotations

import argparse
import time
from typing import Callable

from kg.gazetteer import Gazetteer, default_gazetteer

NAMES = ["Kyiv", "the Kremlin", "U.N.", "Brussels", "Turkey", "said", "weather", "Monday", "Elysee", "talks"]
DEMONYMS = ["Ukrainian", "Britons", "U.S.", "Kenyans", "The", "officials", "Swiss", "however", "EU", "deal"]
ROLES = ["Ukrainian President Jane Doe", "UN Secretary-General Jane Doe", "Sen. John Roe", "Jane Doe",
         "Former Secretary of State John Roe", "Ohio Gov. John Roe", "Mr. Roe", "John Major",
         "the president", "Brazil's finance minister"]
COLLECTIVES = ["Ukrainian officials", "the Russian side", "officials in Nairobi", "Kenyan farmers",
               "EU diplomats", "the government of Norway", "local residents", "White House officials",
               "a spokesman", "Chinese authorities"]
BEFORE = ["On Tuesday, Kenyan President ", "according to ", "Speaking in Lima, former U.S. Secretary of State ",
          "The talks were opened by Deputy Foreign Minister ", "", "he said, and ", "Sen. ", "told ",
          "the ", "a statement by Kremlin spokesman "]
WORDS = ["President", "said", "Sen.", "the", "former", "Zelensky", "Minister", "talks", "Gov.", "on"]


def per_call(function: Callable[[str], object], inputs: list[str], rounds: int, repeats: int = 3) -> float:
    """Seconds per call over ROUNDS passes through INPUTS, best of REPEATS (least disturbed) runs."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(rounds):
            for text in inputs:
                function(text)
        best = min(best, (time.perf_counter() - start) / (rounds * len(inputs)))
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2000, help="passes over each input list (default 2000)")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    Gazetteer.load()
    load_seconds = time.perf_counter() - start
    g = default_gazetteer()
    print(f"load: {load_seconds * 1000:.1f} ms for {len(g.entries)} entries (once per process, cached)\n")

    baseline_table = {name: name for name in NAMES[:5]}
    baseline = per_call(baseline_table.get, NAMES, args.rounds * 10)
    rows = [
        ("dict.get (baseline)", baseline),
        ("lookup_name", per_call(g.lookup_name, NAMES, args.rounds)),
        ("lookup_demonym", per_call(g.lookup_demonym, DEMONYMS, args.rounds)),
        ("is_role_word", per_call(g.is_role_word, WORDS, args.rounds)),
        ("lookup_nominal", per_call(g.lookup_nominal, ["the bloc", "the talks"] * 5, args.rounds)),
        ("lookup_collective", per_call(g.lookup_collective, COLLECTIVES, max(1, args.rounds // 10))),
        ("split_role", per_call(g.split_role, ROLES, max(1, args.rounds // 10))),
        ("role_prefix_start", per_call(g.role_prefix_start, BEFORE, max(1, args.rounds // 10))),
    ]
    print(f"{'operation':<22} {'us/call':>9} {'calls/s':>12} {'x dict.get':>11}")
    for name, seconds in rows:
        print(f"{name:<22} {seconds * 1e6:>9.2f} {1 / seconds:>12,.0f} {seconds / baseline:>11.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The cue lexicon on a sentence per cue: tests/data/cue_examples.tsv (composed for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_extract import positions

EXAMPLES = Path(__file__).parent / "data" / "cue_examples.tsv"


def _examples() -> list[tuple[str, str]]:
    rows = []
    for line in EXAMPLES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            sentence, expected = line.split("\t")
            rows.append((sentence, expected))
    return rows


@pytest.mark.parametrize("sentence, expected", _examples())
def test_cue_example(nlp, sentence, expected):
    found, _ = positions(nlp, "Headline\n\n" + sentence + "\n")
    if expected == "none":
        assert not found, found
        return
    for statement in expected.split(" ;; "):
        actor, stance, proposal = (part.strip().lower() for part in statement.split("|"))
        assert any(actor in a.lower() and s == stance and proposal in p.lower() for a, s, p in found), (statement, found)

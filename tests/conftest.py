"""Shared fixtures: the repository layout, the seeds, and one spaCy pipeline per session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from kg.extract.pipeline import load_pipeline

    return load_pipeline(None)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seeds_graph_file(tmp_path_factory) -> Path:
    """The seeds extracted once per test session into a TriG file (via the library)."""
    from kg.extract.run import extract_paths

    out = tmp_path_factory.mktemp("seeds") / "seeds.trig"
    extract_paths([SEEDS], output=out, validate=False)
    return out

"""Locate kg's data files (ontology, shapes, queries, lexicons) in an installed or source tree."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parents[2]


def data_dir(name: str) -> Path:
    """The folder holding the `ontology`, `shapes` or `queries` data files.

    A wheel ships them inside the package as kg/data/NAME; an editable install or a
    source checkout reads the top-level folders, which are the sources of truth.
    """
    packaged = Path(str(resources.files("kg"))) / "data" / name
    if packaged.is_dir():
        return packaged
    source = _SOURCE_ROOT / name
    if source.is_dir():
        return source
    raise FileNotFoundError(f"kg data folder {name!r} not found (looked in {packaged} and {source})")


def lexicon_path(filename: str) -> Path:
    """A lexicon or gazetteer file shipped in kg/lexicons."""
    return Path(str(resources.files("kg") / "lexicons" / filename))


def lexicon_words(filename: str) -> frozenset[str]:
    """The lowercased entries of a word-list file in kg/lexicons: one per line, "#" starting a comment."""
    words = set()
    for line in lexicon_path(filename).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line.lower())
    return frozenset(words)


def ontology_files() -> list[Path]:
    return sorted(data_dir("ontology").glob("*.ttl"))


def shapes_files() -> list[Path]:
    return sorted(data_dir("shapes").glob("*.ttl"))


def queries_dir() -> Path:
    return data_dir("queries")

"""A plain (non-editable) install carries the ontology, shapes, queries and lexicons."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(out), str(REPO)], check=True, capture_output=True, timeout=300)
    return next(out.glob("kg-*.whl"))


@pytest.mark.slow
def test_wheel_contains_data_files(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("ontology", "shapes", "queries"):
        sources = sorted(p.name for p in (REPO / folder).iterdir() if p.is_file())
        assert sources, folder
        for name in sources:
            assert f"kg/data/{folder}/{name}" in names, (folder, name)
    assert "kg/lexicons/cues.toml" in names
    assert "kg/lexicons/states.tsv" in names


@pytest.mark.slow
def test_installed_kg_works_from_another_directory(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    probe = subprocess.run(
        [sys.executable, "-c", "import kg.resources as r; print(r.data_dir('shapes')); print(r.data_dir('queries'))"],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)
    assert probe.returncode == 0, probe.stderr
    for line in probe.stdout.split():
        assert line.startswith(str(target)), line
    article = elsewhere / "note.txt"
    article.write_text("Headline\n\nSenator Alan Reyes endorsed the fishing treaty.\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kg", "extract", "note.txt", "-o", "note.ttl"],
                         cwd=elsewhere, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    import rdflib

    graph = rdflib.Graph().parse(elsewhere / "note.ttl")
    assert len(graph) > 10

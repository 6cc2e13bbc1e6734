"""`kg export` through the command line: every network and format, filters, dynamic
GEXF and windows, the three sources, and one-line errors for bad input."""

from __future__ import annotations

import csv
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from lxml import etree

from kg.cli import cli

REPO = Path(__file__).resolve().parents[1]
POSITIONS = REPO / "tests" / "data" / "export" / "positions.trig"
GEXF_SCHEMAS = REPO.parent / "shared" / "schemas" / "gexf"
GEXF13 = "http://gexf.net/1.3"
ID = "https://w3id.org/kg-positions/id/"
PUTIN, UKRAINE, UN = ID + "actor/vladimir-putin", ID + "actor/ukraine", ID + "actor/united-nations"
CEASEFIRE, TALKS = ID + "proposal/ceasefire", ID + "proposal/peace-talks-istanbul"


def run(*args, **kwargs):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, **kwargs)


def gexf_edges(path: Path, version: str = "1.3") -> dict[str, tuple[float, str | None, str | None]]:
    """Validate PATH against the official XSD; {edge id: (weight, start, end)}."""
    schema = etree.XMLSchema(etree.parse(str(GEXF_SCHEMAS / version / "gexf.xsd")))
    doc = etree.parse(str(path))
    assert schema.validate(doc), schema.error_log
    ns = GEXF13 if version == "1.3" else "http://www.gexf.net/1.2draft"
    return {e.get("id"): (float(e.get("weight")), e.get("start"), e.get("end")) for e in doc.iter(f"{{{ns}}}edge")}


def test_default_is_a_two_mode_gexf(tmp_path):
    out = tmp_path / "positions.gexf"
    result = run("export", "--data", POSITIONS, "-o", out)
    assert result.exit_code == 0, result.output
    assert "two-mode network, 5 node(s), 6 edge(s) from 7 of 7 statement(s)" in result.output
    weights = {k: w for k, (w, _s, _e) in gexf_edges(out).items()}
    assert weights == {
        f"{PUTIN}|rejects|{CEASEFIRE}": 2.0, f"{PUTIN}|supports|{TALKS}": 1.0,
        f"{UKRAINE}|supports|{CEASEFIRE}": 1.0, f"{UKRAINE}|supports|{TALKS}": 1.0,
        f"{UKRAINE}|rejects|{TALKS}": 1.0, f"{UN}|supports|{TALKS}": 1.0,
    }
    root = etree.parse(str(out)).getroot()
    assert root.get("version") == "1.3"
    signs = {e.get("id"): e.find(f"{{{GEXF13}}}attvalues/{{{GEXF13}}}attvalue[@for='sign']").get("value")
             for e in root.iter(f"{{{GEXF13}}}edge")}
    assert signs[f"{PUTIN}|rejects|{CEASEFIRE}"] == "-1" and signs[f"{UN}|supports|{TALKS}"] == "1"


@pytest.mark.parametrize("network, normalize, expected", [
    ("congruence", "none", {(UKRAINE, UN): 1, (UKRAINE, PUTIN): 1, (UN, PUTIN): 1}),
    ("conflict", "none", {(UKRAINE, PUTIN): 2, (UKRAINE, UN): 1}),
    ("subtract", "none", {(UKRAINE, PUTIN): -1, (UN, PUTIN): 1}),
    ("proposals", "none", {(CEASEFIRE, TALKS): 1}),
    ("conflict", "jaccard", {(UKRAINE, PUTIN): 1.0, (UKRAINE, UN): 0.5}),
    ("proposals", "cosine", {(CEASEFIRE, TALKS): 3 ** -0.5}),
])
def test_one_mode_networks_as_graphml(tmp_path, network, normalize, expected):
    out = tmp_path / "net.graphml"
    result = run("export", "--data", POSITIONS, "-o", out, "--network", network, "--normalize", normalize)
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out)
    got = {tuple(sorted((u, v))): d["weight"] for u, v, d in graph.edges(data=True)}
    assert got.keys() == {tuple(sorted(k)) for k in expected}
    for key, weight in expected.items():
        assert got[tuple(sorted(key))] == pytest.approx(weight)


def test_csv_tables(tmp_path):
    out = tmp_path / "net.csv"
    result = run("export", "--data", POSITIONS, "-o", out, "--network", "conflict")
    assert result.exit_code == 0, result.output
    with (tmp_path / "net.nodes.csv").open(newline="", encoding="utf-8") as handle:
        assert sorted(r["Label"] for r in csv.DictReader(handle)) == ["Ukraine", "United Nations", "Vladimir Putin"]
    with (tmp_path / "net.edges.csv").open(newline="", encoding="utf-8") as handle:
        assert sorted((r["Source"], r["Target"], r["Weight"], r["sign"]) for r in csv.DictReader(handle)) == [
            (UKRAINE, UN, "1", "-1"), (UKRAINE, PUTIN, "2", "-1")]


def test_reads_standard_input(tmp_path):
    out = tmp_path / "net.gexf"
    result = run("export", "--data", "-", "--input-format", "trig", "-o", out, "--network", "proposals",
                 input=POSITIONS.read_bytes())
    assert result.exit_code == 0, result.output
    assert set(gexf_edges(out)) == {f"{CEASEFIRE}|{TALKS}"}


def test_format_option_overrides_the_extension(tmp_path):
    out = tmp_path / "net.xml"
    assert run("export", "--data", POSITIONS, "-o", out, "--format", "graphml").exit_code == 0
    assert nx.read_graphml(out).number_of_nodes() == 5


@pytest.mark.parametrize("options, expected", [
    (["--proposal", "ceasefire"], {f"{PUTIN}|rejects|{CEASEFIRE}", f"{UKRAINE}|supports|{CEASEFIRE}"}),
    (["--proposal", "peace talks", "--actor-type", "state"],
     {f"{UKRAINE}|supports|{TALKS}", f"{UKRAINE}|rejects|{TALKS}"}),
    (["--actor-type", "person", "--actor-type", "organisation", "--until", "2024-03-14"],
     {f"{PUTIN}|rejects|{CEASEFIRE}"}),
    (["--since", "2024-03-02"], {f"{PUTIN}|rejects|{CEASEFIRE}", f"{PUTIN}|supports|{TALKS}",
                                 f"{UKRAINE}|rejects|{TALKS}", f"{UN}|supports|{TALKS}"}),
    (["--min-confidence", "0.75"], {f"{PUTIN}|rejects|{CEASEFIRE}", f"{PUTIN}|supports|{TALKS}",
                                    f"{UKRAINE}|supports|{CEASEFIRE}"}),
    (["--min-weight", "2"], {f"{PUTIN}|rejects|{CEASEFIRE}"}),
])
def test_filters(tmp_path, options, expected):
    out = tmp_path / "net.gexf"
    result = run("export", "--data", POSITIONS, "-o", out, *options)
    assert result.exit_code == 0, result.output
    assert set(gexf_edges(out)) == expected


def test_filters_that_match_nothing_write_an_empty_network_and_warn(tmp_path):
    out = tmp_path / "net.gexf"
    result = run("export", "--data", POSITIONS, "-o", out, "--proposal", "sanctions")
    assert result.exit_code == 0, result.output
    assert "warning: no statements to export (7 read" in result.output
    assert gexf_edges(out) == {}


@pytest.mark.parametrize("version", ["1.3", "1.2draft"])
def test_dynamic_gexf(tmp_path, version):
    out = tmp_path / "dyn.gexf"
    result = run("export", "--data", POSITIONS, "-o", out, "--dynamic", "--gexf-version", version)
    assert result.exit_code == 0, result.output
    edges = gexf_edges(out, version)
    assert edges[f"{PUTIN}|rejects|{CEASEFIRE}"] == (2.0, "2024-03-01", "2024-03-15")
    assert edges[f"{UKRAINE}|rejects|{TALKS}"] == (1.0, "2024-03-15", "2024-03-15")


def test_window_snapshots(tmp_path):
    out = tmp_path / "weekly.gexf"
    result = run("export", "--data", POSITIONS, "-o", out, "--window", "7", "--network", "conflict")
    assert result.exit_code == 0, result.output
    assert "3 window(s)" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "weekly-2024-03-01.gexf", "weekly-2024-03-08.gexf", "weekly-2024-03-15.gexf"]
    assert set(gexf_edges(tmp_path / "weekly-2024-03-01.gexf")) == {f"{UKRAINE}|{PUTIN}"}
    assert gexf_edges(tmp_path / "weekly-2024-03-08.gexf") == {}
    assert set(gexf_edges(tmp_path / "weekly-2024-03-15.gexf")) == {f"{UKRAINE}|{PUTIN}", f"{UKRAINE}|{UN}"}


def test_reads_the_store(tmp_path):
    from kg.rdfio import iter_quads
    from kg.store import open_store

    store = open_store(tmp_path / "store")
    store.extend(list(iter_quads(POSITIONS)))
    store.flush()
    del store
    out = tmp_path / "net.gexf"
    result = run("export", "--store", tmp_path / "store", "-o", out, "--network", "subtract")
    assert result.exit_code == 0, result.output
    assert {k: w for k, (w, _s, _e) in gexf_edges(out).items()} == {f"{UKRAINE}|{PUTIN}": -1.0, f"{UN}|{PUTIN}": 1.0}


# ---- bad input: one line, exit 2, no traceback, no output file ------------------------------

def _assert_clean_failure(result, *fragments):
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in result.output


def test_missing_data_file(tmp_path):
    result = run("export", "--data", tmp_path / "nope.ttl", "-o", tmp_path / "net.gexf")
    _assert_clean_failure(result, "kg: error:", "nope.ttl", "no such file")
    assert list(tmp_path.iterdir()) == []


def test_broken_rdf_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix kg: <https://w3id.org/kg-positions/ns#> .\n\nkg:a kg:b \"unterminated .\n",
                   encoding="utf-8")
    result = run("export", "--data", bad, "-o", tmp_path / "net.gexf")
    _assert_clean_failure(result, "kg: error:", "bad.ttl")
    assert not (tmp_path / "net.gexf").exists()


def test_missing_store(tmp_path):
    result = run("export", "--store", tmp_path / "no-store", "-o", tmp_path / "net.gexf")
    _assert_clean_failure(result, "kg: error:", "no-store")


@pytest.mark.parametrize("options, fragment", [
    (["-o", "net.pdf"], "cannot tell the export format"),
    (["-o", "net.csv", "--dynamic"], "--dynamic writes a dynamic GEXF"),
    (["-o", "net.gexf", "--normalize", "cosine"], "one-mode"),
    (["-o", "net.gexf", "--dynamic", "--window", "7"], "alternatives"),
    (["-o", "missing/net.gexf"], "does not exist"),
    (["-o", "net.gexf", "--since", "2024-04-01", "--until", "2024-03-01"], "after"),
])
def test_bad_options(tmp_path, options, fragment):
    result = run("export", "--data", POSITIONS, *[str(tmp_path / o) if o.startswith(("net", "missing")) else o
                                                   for o in options])
    _assert_clean_failure(result, "kg: error:", fragment)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("options", [["--network", "bipartite"], ["--window", "0"], ["--since", "March"],
                                     ["--min-confidence", "1.5"], ["--actor-type", "company"]])
def test_usage_errors(tmp_path, options):
    result = run("export", "--data", POSITIONS, "-o", tmp_path / "net.gexf", *options)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert not (tmp_path / "net.gexf").exists()


def test_help_has_examples():
    result = run("export", "--help")
    assert result.exit_code == 0
    assert "kg export --data" in result.output and "--network" in result.output


# ---- the installed command and a real SPARQL endpoint ---------------------------------------

def test_installed_command_exports(tmp_path):
    kg = shutil.which("kg", path=str(Path(sys.executable).parent)) or "kg"
    out = tmp_path / "net.graphml"
    done = subprocess.run([kg, "export", "--data", str(POSITIONS), "-o", str(out), "--network", "congruence"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert nx.read_graphml(out).number_of_edges() == 3


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.server
def test_reads_a_sparql_endpoint(tmp_path):
    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed")
    location = tmp_path / "db"
    subprocess.run([binary, "load", "--location", str(location), "--file", str(POSITIONS)], check=True,
                   capture_output=True, timeout=120)
    port = _free_port()
    server = subprocess.Popen([binary, "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                               "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/query"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        out = tmp_path / "net.gexf"
        result = run("export", "--endpoint", url, "-o", out, "--network", "conflict",
                     env={**os.environ, "KG_STORE": str(tmp_path / "unused")})
        assert result.exit_code == 0, result.output
        assert {k: w for k, (w, _s, _e) in gexf_edges(out).items()} == {f"{UKRAINE}|{PUTIN}": 2.0,
                                                                        f"{UKRAINE}|{UN}": 1.0}
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_unreachable_endpoint(tmp_path):
    result = run("export", "--endpoint", f"http://127.0.0.1:{_free_port()}/query", "-o", tmp_path / "net.gexf")
    _assert_clean_failure(result, "kg: error:", "127.0.0.1")
    assert not (tmp_path / "net.gexf").exists()

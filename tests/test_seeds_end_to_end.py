"""The whole path on the seed articles, through the `kg` command as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from lxml import etree

from kg.cli import cli

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"

XSD_13 = REPO.parent / "shared" / "schemas" / "gexf" / "1.3" / "gexf.xsd"


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result


@pytest.fixture(scope="module")
def seeds_ttl(tmp_path_factory):
    out = tmp_path_factory.mktemp("e2e") / "seeds.ttl"
    result = run("extract", SEEDS, "-o", out)
    assert result.exit_code == 0, result.output
    assert "validated: conforms" in result.output
    return out


def _values(payload: dict) -> set[str]:
    return {cell["value"] for row in payload["results"]["bindings"] for cell in row.values()}


def test_seeds_validate(seeds_ttl):
    result = run("validate", seeds_ttl)
    assert result.exit_code == 0, result.output


def test_who_supports_a_ceasefire(seeds_ttl):
    result = run("query", "who-supports", "-p", "proposal", "ceasefire", "--data", seeds_ttl, "--format", "json")
    assert result.exit_code == 0, result.output
    values = _values(json.loads(result.output))
    for actor in ("Volodymyr Zelensky", "Ukraine", "António Guterres"):
        assert actor in values, values
    assert "Vladimir Putin" not in values


def test_who_rejects_a_ceasefire(seeds_ttl):
    result = run("query", "who-rejects", "-p", "proposal", "ceasefire", "--data", seeds_ttl, "--format", "json")
    assert result.exit_code == 0, result.output
    values = _values(json.loads(result.output))
    assert "Vladimir Putin" in values
    assert "Volodymyr Zelensky" not in values


def test_two_mode_export_signs_the_ceasefire_edges(seeds_ttl, tmp_path):
    out = tmp_path / "seeds.gexf"
    result = run("export", "--data", seeds_ttl, "-o", out)
    assert result.exit_code == 0, result.output
    document = etree.parse(str(out))
    if XSD_13.exists():
        schema = etree.XMLSchema(etree.parse(str(XSD_13)))
        assert schema.validate(document), schema.error_log
    ns = {"g": document.getroot().nsmap[None]}
    labels = {n.get("id"): n.get("label") for n in document.iterfind(".//g:node", ns)}
    signs = {}
    for edge in document.iterfind(".//g:edge", ns):
        source, target = labels[edge.get("source")], labels[edge.get("target")]
        if target == "ceasefire":
            attrs = {a.get("for"): a.get("value") for a in edge.iterfind(".//g:attvalue", ns)}
            signs[source] = attrs
    assert set(signs) >= {"Volodymyr Zelensky", "Ukraine", "António Guterres", "Vladimir Putin"}, signs
    assert int(signs["Vladimir Putin"]["sign"]) == -1
    for actor in ("Volodymyr Zelensky", "Ukraine", "António Guterres"):
        assert int(signs[actor]["sign"]) == 1


def test_seed_gold_is_covered():
    from kg.evaluate import evaluate

    gold = REPO.parent / "shared" / "gold"
    if not gold.is_dir():
        pytest.skip("../shared/gold is not beside the repository")
    report = evaluate(gold, SEEDS)
    assert report.recall is not None and report.recall >= 0.9
    assert report.precision is not None and report.precision >= 0.9

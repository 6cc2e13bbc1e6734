"""The fast engine's pass over the quads and its second process, checked against plain pySHACL.

every-kind.shapes.ttl uses every constraint kind the pass decides (counts,
datatype, node kind, sh:in, sh:class through a subclass, the four ranges,
lengths, patterns with flags, sh:hasValue, sh:lessThan, sh:or/and/xone/not,
an inverse path) and all four target kinds, plus SHACL-SPARQL constraints
with and without a variable predicate; every-kind.trig fails each of them.
"""

from __future__ import annotations

import multiprocessing
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.validation.fast as fast
from kg.cli import cli
from kg.validate import validate_files

DATA = Path(__file__).parent / "data" / "validate"
SHAPES = DATA / "every-kind.shapes.ttl"
EVERY_KIND = DATA / "every-kind.trig"
XSD = "http://www.w3.org/2001/XMLSchema#"
COMPONENTS = {
    "MinCount", "MaxCount", "Datatype", "NodeKind", "In", "Class", "MinInclusive", "MaxInclusive", "MinExclusive",
    "MaxExclusive", "MinLength", "MaxLength", "Pattern", "HasValue", "LessThan", "Or", "And", "Xone", "Not", "SPARQL",
}


def _validate(engine: str = "auto"):
    return validate_files([str(EVERY_KIND)], shapes=[str(SHAPES)], default_shapes=False, engine=engine)


@pytest.fixture(scope="module")
def reference():
    report = _validate("pyshacl")
    assert report.engine == "pyshacl"
    return report


@pytest.fixture
def two_processes(monkeypatch):
    """Validate every input with the second process, and count the processes started."""
    started = []

    class Counted(fast._SparqlProcess):
        def __init__(self, *args):
            started.append(args)
            super().__init__(*args)

    monkeypatch.setattr(fast, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(fast, "_SparqlProcess", Counted)
    return started


def test_every_constraint_kind_fails_and_agrees_with_pyshacl(reference):
    report = _validate()
    assert report.engine == "fast"
    assert Counter(report.results) == Counter(reference.results)
    assert {r.constraint.removeprefix("sh:").removesuffix("ConstraintComponent") for r in report.results} \
        == COMPONENTS


def test_typed_literals_and_named_graphs_as_pyshacl_reads_them():
    ex = "https://example.org/ns#"
    results = Counter((r.focus_node.removeprefix(ex), (r.path or "").removeprefix(ex), r.value, r.constraint)
                      for r in _validate().results)
    # "013"^^xsd:integer is 13 for SPARQL, and reported as rdflib normalises it
    assert results[("t3", "", f'"13"^^<{XSD}integer>', "sh:SPARQLConstraintComponent")] == 1
    # the same name in two named graphs is one value; "10.50" is within sh:maxInclusive 10.5
    assert not any(focus == "t1" and path == "name" for focus, path, _v, _c in results)
    assert not any(focus == "t3" and path == "weight" for focus, path, _v, _c in results)
    # one result per pair that is out of order, as pySHACL reports it
    assert results[("t2", "start", f'"10"^^<{XSD}integer>', "sh:LessThanConstraintComponent")] == 2
    assert results[("t3", "start", f'"2"^^<{XSD}nonNegativeInteger>', "sh:LessThanConstraintComponent")] == 1


def test_two_processes_give_the_same_results(reference, two_processes):
    report = _validate()
    assert len(two_processes) == 1
    assert Counter(report.results) == Counter(reference.results)
    assert not multiprocessing.active_children()


def test_kg_validate_with_two_processes_and_the_built_in_shapes(tmp_path, two_processes):
    from kg.rdfio import read_graph

    data = tmp_path / "seeds.nq"
    seeds = Path(__file__).parent / "shapes" / "_base.ttl"
    dataset = read_graph([str(seeds)])
    dataset.serialize(data, format="nt", encoding="utf-8")  # N-Triples lines are N-Quads in the default graph
    result = CliRunner().invoke(cli, ["validate", str(data), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert two_processes


def test_a_syntax_error_with_two_processes_is_one_line_naming_file_and_line(tmp_path, two_processes):
    line = '<https://example.org/ns#t1> <https://example.org/ns#name> "ok" <https://example.org/ns#g1> .\n'
    bad = tmp_path / "cut.nq"
    bad.write_text(line * 5 + line[:50], encoding="utf-8")
    out = tmp_path / "report.json"
    result = CliRunner().invoke(cli, ["validate", str(bad), "--shapes", str(SHAPES), "--no-default-shapes",
                                      "--format", "json", "-o", str(out)])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and re.match(rf"kg: error: {re.escape(str(bad))}:6: not valid RDF", lines[0])
    assert "Traceback" not in result.output and not out.exists()
    assert two_processes and not multiprocessing.active_children()


def test_an_invalid_iri_is_an_error_although_the_second_process_skips_iri_checks(tmp_path, two_processes):
    bad = tmp_path / "bad-iri.nt"
    bad.write_text('<https://example.org/ns#t1> <https://example.org/ns#size> "1" .\n'
                   '<https://example.org/ns#t 2> <https://example.org/ns#size> "2" .\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(bad), "--shapes", str(SHAPES), "--no-default-shapes"])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"kg: error: {bad}:2") and len(result.output.strip().splitlines()) == 1

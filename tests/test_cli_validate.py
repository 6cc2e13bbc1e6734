"""`kg validate` through its command line: exit codes, the three report formats, user shapes, bad input."""

from __future__ import annotations

import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import rdflib
import yaml
from click.testing import CliRunner
from rdflib.namespace import RDF

from kg.cli import cli

REPO = Path(__file__).resolve().parents[1]
CASES = Path(__file__).parent / "shapes"
BASE = CASES / "_base.ttl"
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
EX = "http://example.org/kg-test/"
JSON_KEYS = {"severity", "focus_node", "focus_label", "path", "value", "message", "source_shape", "constraint"}

PREFIXES = """@prefix kg: <https://w3id.org/kg-positions/ns#> .
@prefix ex: <http://example.org/kg-test/> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
STATEMENT = """ex:s1 a kg:Statement ; kg:actor ex:guterres ; kg:stance kg:Support ; kg:proposal ex:ceasefire ;
    kg:sourceArticle ex:article ; kg:evidence "Guterres called for a ceasefire." ;
    kg:evidenceStart 10 ; kg:evidenceEnd 42 ; kg:confidence 0.9 .
"""


def run(*args, input=None, env=None):
    result = CliRunner().invoke(cli, ["validate", *map(str, args)], input=input, env=env)
    assert "Traceback" not in result.output
    return result


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def case_data(tmp_path: Path, name: str) -> Path:
    """A case file without its expected-results block (plain data)."""
    text = (CASES / f"{name}.ttl").read_text(encoding="utf-8")
    return write(tmp_path / f"{name}.ttl", text.split("\n<urn:kg:test:")[0])


# ---- exit codes and the text report -----------------------------------------------------------

def test_conforming_data_exits_0_with_a_summary_line(tmp_path):
    data = write(tmp_path / "ok.ttl", BASE.read_text() + PREFIXES + STATEMENT)
    result = run(data)
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == "conforms: 0 violations, 0 warnings, 0 infos in 1 file"


def test_violations_exit_1_and_read_like_compiler_errors(tmp_path):
    data = case_data(tmp_path, "Statement-confidence-range")
    result = run(BASE, data)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "VIOLATIONS (2)"
    assert lines[1].startswith("  kgsh:Statement-confidence-range [")
    assert ('    violation: <http://example.org/kg-test/tooHigh> ("António Guterres supports ceasefire in Gaza") '
            'kg:confidence = "1.5"^^xsd:decimal: kg:confidence must be between 0 and 1') in lines
    assert lines[-1] == "does not conform: 2 violations, 0 warnings, 0 infos in 2 files"


def test_results_are_grouped_by_severity_then_shape(tmp_path):
    data = case_data(tmp_path, "ContradictoryPositionShape")
    extra = write(tmp_path / "extra.ttl", PREFIXES + "ex:un kg:supports ex:talks .\n"
                  "ex:noQuote a kg:Statement ; kg:actor ex:un ; kg:stance kg:Support ; kg:proposal ex:talks ;"
                  " kg:sourceArticle ex:article ; kg:confidence 7 .\n")
    result = run(BASE, data, extra)
    assert result.exit_code == 1
    headers = [line for line in result.output.splitlines() if line and not line.startswith(" ")]
    assert headers == ["VIOLATION (1)", "WARNINGS (2)", "INFOS (2)",
                       "does not conform: 1 violation, 2 warnings, 2 infos in 3 files"]
    warnings = result.output.split("WARNINGS (2)\n")[1].split("\n\n")[0].splitlines()
    assert warnings == [
        "  kgsh:ContradictoryPositionShape [sh:SPARQLConstraintComponent]",
        '    warning: <http://example.org/kg-test/guterres> ("António Guterres") value '
        "<http://example.org/kg-test/ceasefire>: The actor both supports and rejects this proposal in article "
        "http://example.org/kg-test/article",
        "  kgsh:Statement-evidence-present [sh:MinCountConstraintComponent]",
        '    warning: <http://example.org/kg-test/noQuote> ("United Nations supports peace talks") kg:evidence: '
        "The statement quotes no evidence (kg:evidence); readers cannot check it"]


def test_warnings_pass_unless_fail_on_warning(tmp_path):
    data = case_data(tmp_path, "EvidenceLengthShape")
    assert run(BASE, data).exit_code == 0
    assert run(BASE, data, "--fail-on", "warning").exit_code == 1
    assert run(BASE, data, "--fail-on", "violation").exit_code == 0


def test_infos_fail_only_with_fail_on_info(tmp_path):
    data = case_data(tmp_path, "Statement-confidence-present")
    assert run(BASE, data, "--fail-on", "warning").exit_code == 0
    assert run(BASE, data, "--fail-on", "info").exit_code == 1


def test_max_errors_cuts_the_list_but_not_the_counts(tmp_path):
    data = case_data(tmp_path, "Statement-confidence-datatype")
    result = run(BASE, data, "--max-errors", "1")
    assert result.exit_code == 1
    assert len([line for line in result.output.splitlines() if line.startswith("    violation:")]) == 1
    assert "... 3 more results not shown" in result.output
    assert result.output.strip().endswith("4 violations, 0 warnings, 0 infos in 2 files")


# ---- machine formats, read back with independent parsers ---------------------------------------

def test_json_is_a_list_of_results_with_stable_keys(tmp_path):
    data = case_data(tmp_path, "Statement-confidence-range")
    result = CliRunner().invoke(cli, ["validate", str(BASE), str(data), "--format", "json"])
    assert result.exit_code == 1
    results = json.loads(result.stdout)
    assert isinstance(results, list) and len(results) == 2
    assert all(set(r) == JSON_KEYS for r in results)
    high = next(r for r in results if r["focus_node"] == EX + "tooHigh")
    assert high == {
        "severity": "Violation", "focus_node": EX + "tooHigh",
        "focus_label": "António Guterres supports ceasefire in Gaza",
        "path": "https://w3id.org/kg-positions/ns#confidence",
        "value": '"1.5"^^<http://www.w3.org/2001/XMLSchema#decimal>',
        "message": "kg:confidence must be between 0 and 1",
        "source_shape": "https://w3id.org/kg-positions/shapes#Statement-confidence-range",
        "constraint": "sh:MaxInclusiveConstraintComponent"}
    assert "2 violations" in result.stderr


def test_turtle_is_a_standard_validation_report(tmp_path):
    data = case_data(tmp_path, "Statement-stance-value")
    out = tmp_path / "report.ttl"
    result = run(BASE, data, "--format", "turtle", "-o", out)
    assert result.exit_code == 1
    graph = rdflib.Graph().parse(out, format="turtle")
    report = next(graph.subjects(RDF.type, SH.ValidationReport))
    assert graph.value(report, SH.conforms).toPython() is False
    results = list(graph.objects(report, SH.result))
    assert len(results) == 1
    maybe = results[0]
    assert graph.value(maybe, SH.focusNode) == rdflib.URIRef(EX + "maybe")
    assert graph.value(maybe, SH.resultSeverity) == SH.Violation
    assert graph.value(maybe, SH.value) == rdflib.URIRef(EX + "Maybe")
    assert graph.value(maybe, SH.resultPath) == rdflib.URIRef("https://w3id.org/kg-positions/ns#stance")
    assert graph.value(maybe, SH.sourceConstraintComponent) == SH.InConstraintComponent


def test_output_file_is_not_written_when_the_input_is_bad(tmp_path):
    out = tmp_path / "report.json"
    bad = write(tmp_path / "bad.ttl", "@prefix ex: <http://ex/> .\nex:a ex:b")
    result = run(bad, "--format", "json", "-o", out)
    assert result.exit_code == 2
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]


# ---- inputs: many files, many formats, stdin -----------------------------------------------------

def test_files_in_different_formats_are_validated_as_one_graph(tmp_path):
    base = rdflib.Graph().parse(BASE, format="turtle")
    # the context as N-Quads in a named graph (named graphs are merged for validation)
    lines = base.serialize(format="nt").strip().splitlines()
    nquads = write(tmp_path / "context.nq", "".join(f"{line[:-2]} <{EX}article> .\n" for line in lines))
    statement = rdflib.Graph().parse(data=PREFIXES + STATEMENT, format="turtle")
    jsonld = write(tmp_path / "statement.jsonld", statement.serialize(format="json-ld"))
    xml = write(tmp_path / "link.rdf", rdflib.Graph().parse(data=PREFIXES + (
        "ex:ukraine <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q212> ."),
        format="turtle").serialize(format="xml"))
    result = run(nquads, jsonld, xml)
    assert result.exit_code == 0, result.output
    assert "in 3 files" in result.output
    # the statement alone points at an undescribed actor, proposal and article
    assert run(jsonld).exit_code == 1


def test_dash_reads_standard_input(tmp_path):
    text = rdflib.Graph().parse(BASE, format="turtle").serialize(format="nt")
    result = run("-", "--input-format", "nt", input=text)
    assert result.exit_code == 0, result.output
    result = run("-", input=BASE.read_text() + PREFIXES + "ex:s2 kg:stance ex:Maybe .")
    assert result.exit_code == 1 and "kg:stance must be kg:Support or kg:Reject" in result.output


# ---- user shapes --------------------------------------------------------------------------------

TEAM_RULES = PREFIXES + """
ex:CueRule a sh:NodeShape ;
    sh:targetClass kg:Statement ;
    sh:property [ sh:path kg:cue ; sh:minCount 1 ; sh:severity sh:Warning ;
                  sh:message "Our team records the stance cue of every statement" ] .
"""


def test_user_shapes_add_to_the_built_in_ones(tmp_path):
    data = write(tmp_path / "data.ttl", BASE.read_text() + PREFIXES + STATEMENT + "ex:s1 kg:confidence 0.5 .\n")
    rules = write(tmp_path / "team.ttl", TEAM_RULES)
    results = json.loads(CliRunner().invoke(cli, ["validate", str(data), "--shapes", str(rules),
                                                  "--format", "json"]).stdout)
    assert sorted(r["source_shape"] for r in results) == [
        "http://example.org/kg-test/CueRule / https://w3id.org/kg-positions/ns#cue",
        "https://w3id.org/kg-positions/shapes#Statement-confidence-max"]
    cue = next(r for r in results if "CueRule" in r["source_shape"])
    assert cue["severity"] == "Warning" and cue["focus_node"] == EX + "s1"


def test_no_default_shapes_uses_only_the_given_ones(tmp_path):
    data = write(tmp_path / "data.ttl", BASE.read_text() + PREFIXES + STATEMENT + "ex:s1 kg:confidence 0.5 .\n")
    rules = write(tmp_path / "team.ttl", TEAM_RULES)
    result = run(data, "--shapes", rules, "--no-default-shapes", "--format", "json")
    assert [r["message"] for r in json.loads(result.stdout)] == ["Our team records the stance cue of every statement"]
    assert result.exit_code == 0  # a warning only


def test_shapes_the_fast_engine_does_not_compile_still_work(tmp_path):
    rules = write(tmp_path / "nested.ttl", PREFIXES + """
ex:LabelledShape a sh:NodeShape ; sh:property [ sh:path skos:prefLabel ; sh:minCount 1 ] .
ex:ProposerRule a sh:NodeShape ;
    sh:targetClass kg:Proposal ;
    sh:property [ sh:path kg:proposedBy ; sh:node ex:LabelledShape ;
                  sh:message "The proposer needs a preferred label" ] .
""")
    data = write(tmp_path / "data.ttl", BASE.read_text() + PREFIXES + "ex:talks kg:proposedBy ex:nobody .\n"
                 "ex:nobody a kg:Person .\n")
    auto = run(data, "--shapes", rules, "--format", "json")
    reference = run(data, "--shapes", rules, "--format", "json", "--engine", "pyshacl")
    assert auto.exit_code == reference.exit_code == 1
    auto_results, reference_results = json.loads(auto.stdout), json.loads(reference.stdout)
    assert sorted(map(json.dumps, auto_results)) == sorted(map(json.dumps, reference_results))
    assert "The proposer needs a preferred label" in {r["message"] for r in auto_results}


def test_invalid_user_shapes_exit_2_naming_the_file(tmp_path):
    rules = write(tmp_path / "broken-rules.ttl", PREFIXES + """
ex:Rule a sh:NodeShape ; sh:targetClass kg:Statement ;
    sh:property [ sh:path kg:cue ; sh:minCount "one" ] .
""")
    result = run(BASE, "--shapes", rules)
    assert result.exit_code == 2
    assert result.output.startswith(f"kg: error: {rules}: not valid SHACL: ")
    assert "sh:minCount" in result.output and len(result.output.strip().splitlines()) == 1


def test_no_shapes_at_all_is_a_usage_error(tmp_path):
    result = run(BASE, "--no-default-shapes")
    assert result.exit_code == 2 and "no shapes to validate against" in result.output


def test_rdfs_inference_uses_the_ontology(tmp_path):
    data = write(tmp_path / "data.ttl", BASE.read_text() + PREFIXES + STATEMENT.replace("ex:guterres", "ex:x")
                 + 'ex:x skos:prefLabel "Somebody" .\n')
    assert run(data).exit_code == 1  # ex:x has no type
    assert run(data, "--inference", "rdfs").exit_code == 0  # kg:actor's range makes it a kg:Actor


# ---- malformed input: exit 2, one line naming the file, nothing fetched or expanded -------------

def _one_error_line(result, *fragments):
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: ")
    for fragment in fragments:
        assert fragment in lines[0]


def test_truncated_turtle_names_file_and_line(tmp_path):
    bad = write(tmp_path / "cut.ttl", BASE.read_text()[:700])
    _one_error_line(run(bad), f"{bad}:", "not valid RDF")
    assert re.search(rf"{re.escape(str(bad))}:\d+: ", run(bad).output)


def test_truncated_ntriples_and_nquads_name_file_and_line(tmp_path):
    # both are parsed quad by quad (N-Quads with its named graphs merged): both report the line
    line = '<http://example.org/kg-test/s> <http://example.org/kg-test/p> "x" .\n'
    for name, cut in (("cut.nt", line * 3 + line[:40]), ("cut.nq", line * 3 + line[:40])):
        bad = write(tmp_path / name, cut)
        _one_error_line(run(bad), f"{bad}:4: ", "not valid RDF")


def test_empty_file(tmp_path):
    _one_error_line(run(write(tmp_path / "empty.ttl", "")), "empty.ttl: file is empty")


def test_missing_file_and_unknown_extension(tmp_path):
    _one_error_line(run(tmp_path / "nope.ttl"), "nope.ttl: no such file")
    _one_error_line(run(write(tmp_path / "data.txt", "x")), "data.txt: cannot tell the RDF format")


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    requests: list = []

    def do_GET(self):  # noqa: N802 - http.server's name
        type(self).requests.append(self.path)
        body = b'{"@context": {"name": "http://schema.org/name"}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/ld+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_jsonld_remote_context_is_never_fetched(tmp_path):
    server = http.server.HTTPServer(("127.0.0.1", 0), _CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/context.jsonld"
        doc = write(tmp_path / "remote.jsonld", json.dumps({"@context": url, "@id": EX + "a", "name": "A"}))
        _one_error_line(run(doc), "remote.jsonld:", "remote @context is not fetched")
    finally:
        server.shutdown()
    assert _CountingHandler.requests == []


def test_rdfxml_external_entity_is_never_expanded(tmp_path):
    secret = write(tmp_path / "secret.txt", "TOP-SECRET-VALUE")
    doc = write(tmp_path / "xxe.rdf", f"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex/">
  <rdf:Description rdf:about="http://ex/a"><ex:p>&xxe;</ex:p></rdf:Description>
</rdf:RDF>
""")
    for fmt in ("text", "json", "turtle"):
        result = run(doc, "--format", fmt)
        _one_error_line(result, "xxe.rdf:", "not valid RDF")
        assert "TOP-SECRET-VALUE" not in result.output


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    # a sparse 200 MB file costs nothing to create; KG_MAX_RDF_BYTES (100 MB here) refuses it
    # from its size alone, so the test neither writes nor reads 200 MB
    big = tmp_path / "big.nt"
    with open(big, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    result = run(big, env={"KG_MAX_RDF_BYTES": str(100 * 1024 * 1024)})
    _one_error_line(result, "big.nt: file is 209715200 bytes, over the limit set by KG_MAX_RDF_BYTES")
    small_limit = run(BASE, env={"KG_MAX_RDF_BYTES": "100"})
    _one_error_line(small_limit, "_base.ttl: file is", "over the limit")


def test_binary_data_is_refused(tmp_path):
    blob = tmp_path / "blob.ttl"
    blob.write_bytes(b"\x00\x01\x02" * 100)
    _one_error_line(run(blob), "blob.ttl: binary file, not RDF")


# ---- the command as installed, and the pre-commit hook --------------------------------------------

def test_installed_command_pipes_and_exits_like_a_compiler(tmp_path):
    kg = shutil.which("kg", path=str(Path(sys.executable).parent)) or "kg"
    data = case_data(tmp_path, "Statement-stance-value")
    joined = BASE.read_text() + data.read_text()
    done = subprocess.run([kg, "validate", "-", "--format", "json"], input=joined, capture_output=True,
                          text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 1
    assert [r["focus_node"] for r in json.loads(done.stdout)] == [EX + "maybe"]
    assert done.stderr.startswith("kg validate: 1 violation, 0 warnings, 0 infos in 1 file")


def test_pre_commit_hook_runs_kg_validate_on_rdf_files(tmp_path):
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "kg-validate")
    assert hook["entry"] == "kg validate" and hook["language"] == "python"
    pattern = re.compile(hook["files"])
    assert all(pattern.search(name) for name in ("a.ttl", "dir/b.nq", "c.jsonld", "d.rdf", "e.trig", "f.nt"))
    assert not pattern.search("notes.txt")
    # what pre-commit runs: the entry followed by the staged file names
    data = write(tmp_path / "ok.ttl", BASE.read_text())
    kg = shutil.which("kg", path=str(Path(sys.executable).parent)) or "kg"
    done = subprocess.run([kg, *hook["entry"].split()[1:], str(data)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_help_documents_exit_codes():
    result = CliRunner().invoke(cli, ["validate", "--help"])
    assert result.exit_code == 0
    assert "Exit codes: 0 conforms" in result.output and "--shapes" in result.output

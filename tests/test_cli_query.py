"""`kg query` through the command line: saved queries, files, --sparql, formats read
back by independent parsers, SERVICE refused, --data writing nothing, and one-line
errors with exit code 2."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import threading
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import cli

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "data" / "positions.ttl"
ACTOR = "https://w3id.org/kg-positions/id/actor/"


@pytest.fixture
def run(tmp_path, monkeypatch):
    """Invoke kg in an empty working folder, with no store or endpoint configured."""
    monkeypatch.chdir(tmp_path)
    for variable in ("KG_STORE", "KG_ENDPOINT"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))

    def invoke(*args: str, input: str | None = None):
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)

    return invoke


def one_line_error(result, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kg: error: ") or lines[0].startswith("Error: "), lines[0]
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    assert "Traceback" not in result.output


def test_list_and_help_query(run):
    listing = run("query", "--list")
    assert listing.exit_code == 0
    for name in ("who-supports", "who-rejects", "positions-of", "proposals", "conflicts", "allies",
                 "evidence", "timeline", "position-changes"):
        assert f"\n{name} " in listing.output
    assert "lookup" not in listing.output
    helped = run("query", "who-supports", "--help-query")
    assert helped.exit_code == 0
    assert "Parameters (-p NAME VALUE):" in helped.output and "kg query who-supports -p proposal" in helped.output


def test_saved_query_as_table_csv_tsv_and_json(run):
    table = run("query", "who-supports", "-p", "proposal", "ceasefire", "--data", str(FIXTURE))
    assert table.exit_code == 0, table.output
    assert "António Guterres" in table.output and "(3 rows)" in table.output
    as_csv = run("query", "who-supports", "-p", "proposal", "ceasefire", "--data", str(FIXTURE), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.output, newline="")))
    assert [r["actor"] for r in rows] == [f"{ACTOR}antonio-guterres", f"{ACTOR}united-nations", f"{ACTOR}russia"]
    assert rows[0]["statements"] == "2"
    as_tsv = run("query", "who-supports", "-p", "proposal", "ceasefire", "--data", str(FIXTURE), "-f", "tsv")
    tsv = list(csv.reader(io.StringIO(as_tsv.output), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert tsv[0][:2] == ["?actor", "?actorLabel"] and tsv[1][0] == f"<{ACTOR}antonio-guterres>"
    as_json = run("query", "who-supports", "-p", "proposal", "ceasefire", "--data", str(FIXTURE), "-f", "json")
    document = json.loads(as_json.output)
    assert document["head"]["vars"][0] == "actor"
    assert len(document["results"]["bindings"]) == 3
    parsed = rdflib.query.Result.parse(io.StringIO(as_json.output), format="json")
    assert len(list(parsed)) == 3


def test_query_file_sparql_text_and_graph_formats(run, tmp_path):
    question = tmp_path / "rejecters.rq"
    question.write_text("PREFIX kg: <https://w3id.org/kg-positions/ns#>\n"
                        "SELECT DISTINCT ?who WHERE { ?who kg:rejects ?what } ORDER BY ?who\n", encoding="utf-8")
    from_file = run("query", str(question), "--data", str(FIXTURE), "-f", "csv")
    assert from_file.exit_code == 0, from_file.output
    assert from_file.output.split() == ["who", f"{ACTOR}russia", f"{ACTOR}ukraine", f"{ACTOR}volodymyr-zelensky"]
    # --sparql may use kg's prefixes without declaring them, and -p binds its variables
    counted = run("query", "--sparql", "SELECT (COUNT(?s) AS ?n) WHERE { ?s kg:actor ?who }",
                  "-p", "who", f"<{ACTOR}russia>", "--data", str(FIXTURE), "-f", "csv")
    assert counted.output.split() == ["n", "3"]
    turtle = run("query", "--sparql", "CONSTRUCT { ?a kg:rejects ?p } WHERE { ?a kg:rejects ?p }",
                 "--data", str(FIXTURE))
    assert turtle.exit_code == 0, turtle.output
    assert len(rdflib.Graph().parse(data=turtle.output, format="turtle")) == 4
    nt = run("query", "--sparql", "CONSTRUCT { ?a kg:rejects ?p } WHERE { ?a kg:rejects ?p }",
             "--data", str(FIXTURE), "--format", "nt")
    assert len(rdflib.Graph().parse(data=nt.output, format="nt")) == 4
    ask = run("query", "--sparql", "ASK { ?a kg:supports ?p }", "--data", str(FIXTURE), "-f", "json")
    assert json.loads(ask.output)["boolean"] is True


def test_data_from_stdin(run):
    result = run("query", "proposals", "--data", "-", "--input-format", "turtle", "-f", "csv",
                 input=FIXTURE.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    assert len(list(csv.DictReader(io.StringIO(result.output, newline="")))) == 4


def test_print_sparql_shows_the_values_block(run):
    result = run("query", "who-supports", "-p", "proposal", '"} ; DROP ALL #', "--data", str(FIXTURE),
                 "--print-sparql")
    assert result.exit_code == 0
    # the text matched no proposal: the variable is bound to an IRI that matches nothing
    assert "VALUES ?proposal { <urn:x-kg:nothing-matched> }" in result.output
    by_iri = run("query", "evidence", "-p", "actor", f"{ACTOR}russia", "--data", str(FIXTURE), "--print-sparql")
    assert f"VALUES ?actor {{ <{ACTOR}russia> }}" in by_iri.output


def test_data_queries_write_no_files(run, tmp_path):
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    for args in (("query", "proposals"), ("query", "who-supports", "-p", "proposal", "truce"), ("stats",)):
        assert run(*args, "--data", str(FIXTURE)).exit_code == 0
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    assert not (tmp_path / "xdg").exists()


class _Listener:
    """A loopback TCP port that records whether anything connects to it."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        self.stopping = False
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self.stopping:
            try:
                conn, _ = self.socket.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self.stopping = True
        self.thread.join()
        self.socket.close()


def test_service_is_refused_without_allow_service(run):
    listener = _Listener()
    try:
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"
        refused = run("query", "--sparql", query, "--data", str(FIXTURE))
        one_line_error(refused, "SERVICE", "--allow-service")
        allowed = run("query", "--sparql", query, "--data", str(FIXTURE), "--allow-service")
        assert allowed.exit_code != 0  # the listener is no SPARQL endpoint, but it was asked
    finally:
        listener.close()
    assert listener.connections >= 1
    # ...and the refusal happened before any connection: a fresh listener sees none
    quiet = _Listener()
    try:
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{quiet.port}/sparql> {{ ?s ?p ?o }} }}"
        one_line_error(run("query", "--sparql", query, "--data", str(FIXTURE)), "SERVICE")
    finally:
        quiet.close()
    assert quiet.connections == 0


@pytest.mark.parametrize("args, fragments", [
    (("query", "no-such-query", "--data", "FIXTURE"), ("no saved query named 'no-such-query'",)),
    (("query", "who-supports", "--data", "FIXTURE"), ("needs -p proposal",)),
    (("query", "who-supports", "-p", "proposal", "x", "-p", "colour", "red", "--data", "FIXTURE"),
     ("unknown parameter 'colour'",)),
    (("query", "who-supports", "-p", "proposal", "<http://x/ } DROP ALL>", "--data", "FIXTURE"),
     ("not a valid absolute IRI",)),
    (("query", "timeline", "-p", "from", "yesterday", "--data", "FIXTURE"), ("not a date",)),
    (("query", "--sparql", "SELECT * WHERE { ?s ?p }", "--data", "FIXTURE"), ("SPARQL syntax error",)),
    (("query", "--sparql", "DELETE WHERE { ?s ?p ?o }", "--data", "FIXTURE"), ("update",)),
    (("query", "proposals", "--data", "missing.ttl"), ("missing.ttl", "no such file")),
    (("query", "proposals", "--data", "BAD"), ("bad.ttl:3", "not valid RDF")),
    (("query", "proposals", "--format", "turtle", "--data", "FIXTURE"), ("use --format table",)),
    (("query", "missing.rq", "--data", "FIXTURE"), ("missing.rq", "no such file")),
    (("query", "proposals", "--store", "nowhere"), ("nowhere", "no store here")),
    (("query", "--data", "FIXTURE"), ("give a saved query NAME",)),
])
def test_bad_input_gives_one_line_errors(run, tmp_path, args, fragments):
    (tmp_path / "bad.ttl").write_text("@prefix ex: <http://example.org/> .\n\nex:a ex:b ex:c ex:d .\n",
                                      encoding="utf-8")
    args = [str(FIXTURE) if a == "FIXTURE" else str(tmp_path / "bad.ttl") if a == "BAD" else a for a in args]
    one_line_error(run(*args), *fragments)


def test_endpoint_from_environment_yields_to_explicit_data(run, monkeypatch):
    monkeypatch.setenv("KG_ENDPOINT", "http://127.0.0.1:9/query")
    result = run("query", "proposals", "--data", str(FIXTURE), "-f", "csv")
    assert result.exit_code == 0, result.output
    both = run("query", "proposals", "--data", str(FIXTURE), "--endpoint", "http://127.0.0.1:9/query")
    one_line_error(both, "not both")


def test_unreachable_endpoint_is_a_one_line_error(run):
    with socket.socket() as probe:  # a free port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run("query", "proposals", "--endpoint", f"http://user:secret@127.0.0.1:{port}/query", "--timeout", "5")
    one_line_error(result, f"127.0.0.1:{port}", "cannot connect")
    assert "secret" not in result.stderr


def test_queries_run_from_any_directory(tmp_path):
    """The installed command finds its saved queries wherever it runs."""
    import subprocess
    import sys

    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    env.pop("KG_STORE", None)
    done = subprocess.run([sys.executable, "-m", "kg", "query", "who-rejects", "-p", "proposal", "truce",
                           "--data", str(FIXTURE), "-f", "json"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert [b["actor"]["value"] for b in json.loads(done.stdout)["results"]["bindings"]] == [f"{ACTOR}ukraine"]

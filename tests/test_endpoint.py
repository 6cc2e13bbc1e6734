"""Against a real SPARQL server: the Oxigraph server (the `oxigraph` package on PyPI)
is started on a free loopback port, the fixture graph is pushed to it, and every saved
query gives the same answer remotely as locally."""

from __future__ import annotations

import json
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.load import load_files
from kg.push import graphs_from_files, graphs_from_store, push_graphs
from kg.query import catalogue, graph_stats, run_saved_query
from kg.errors import QueryError
from kg.sources import EndpointSource, memory_source, store_source

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "data" / "positions.ttl"

pytestmark = pytest.mark.server


def _oxigraph_binary() -> str | None:
    found = shutil.which("oxigraph")
    if found:
        return found
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class OxigraphServer:
    """`oxigraph serve` on a free loopback port, with its data in a temporary folder."""

    def __init__(self, location: Path, union_default_graph: bool):
        binary = _oxigraph_binary()
        if binary is None:
            pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        args = [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{self.port}"]
        if union_default_graph:
            args.append("--union-default-graph")
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{self.base}/query?query=ASK%7B%7D", timeout=1) as answer:
                    answer.read()
                return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(f"oxigraph serve exited: {self.process.stderr.read().decode()[:500]}")
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError("oxigraph serve did not answer within 30 s")
                time.sleep(0.1)

    @property
    def query_url(self) -> str:
        return f"{self.base}/query"

    @property
    def update_url(self) -> str:
        return f"{self.base}/update"

    @property
    def store_url(self) -> str:
        return f"{self.base}/store"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stderr.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    # without --union-default-graph: the saved queries must not depend on it
    running = OxigraphServer(tmp_path_factory.mktemp("oxigraph"), union_default_graph=False)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def pushed(server, tmp_path_factory):
    """The fixture loaded into an embedded store and pushed from there with SPARQL Update."""
    store = tmp_path_factory.mktemp("store") / "store"
    load_files([FIXTURE], store)
    report = push_graphs(graphs_from_store(store), update_endpoint=server.update_url, batch_triples=100,
                         query_endpoint=server.query_url)
    assert report.graphs_sent == 4  # the store's index graph is not sent: the endpoint builds its own
    assert report.index_entities == 10  # 6 actors and 4 proposals
    return store


def _example_params(name: str) -> list[list[tuple[str, str]]]:
    """The parameters of every example call in a saved query's header."""
    calls = []
    for example in catalogue()[name].examples:
        words = shlex.split(example)
        calls.append([(words[i + 1], words[i + 2]) for i, w in enumerate(words) if w == "-p"])
    return calls


EXTRA_CALLS = {
    "who-supports": [[("proposal", "<https://w3id.org/kg-positions/id/proposal/truce>")], [("proposal", "talks")]],
    "who-rejects": [[("proposal", "sanctions")]],
    "positions-of": [[("actor", "russia")], [("actor", "un")]],
    "conflicts": [[]],
    "allies": [[], [("proposal", "truce")]],
    "evidence": [[("actor", "zelensky")], [("proposal", "truce")]],
    "timeline": [[], [("from", "2024-02-01"), ("to", "2024-03-31")]],
    "position-changes": [[("actor", "zelensky")], [("proposal", "sanctions")]],
}


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_every_saved_query_answers_the_same_locally_and_remotely(server, pushed, name):
    local_store = store_source(pushed)
    local_data = memory_source([FIXTURE])
    remote = EndpointSource(server.query_url)
    for params in _example_params(name) + EXTRA_CALLS.get(name, []):
        here = run_saved_query(name, params, local_store)
        there = run_saved_query(name, params, remote)
        assert there.variables == here.variables, (name, params)
        assert there.rows == here.rows, (name, params)
        assert run_saved_query(name, params, local_data).rows == here.rows, (name, params)
    assert len(run_saved_query(name, _example_params(name)[0], remote)) > 0, name


def test_stats_and_pushing_again_changes_nothing(server, pushed):
    remote = EndpointSource(server.query_url)
    before = graph_stats(remote)
    assert (before.articles, before.statements, before.actors, before.proposals, before.named_graphs) == (4, 12, 6, 4, 4)
    assert before.triples == graph_stats(store_source(pushed)).triples
    push_graphs(graphs_from_store(pushed), update_endpoint=server.update_url)
    push_graphs(graphs_from_files([FIXTURE]), graph_store=server.store_url)
    assert graph_stats(remote) == before


def test_injection_through_the_endpoint_is_data(server, pushed):
    remote = EndpointSource(server.query_url)
    before = graph_stats(remote)
    for value in ['"} ; DROP ALL #', "'} } ; DROP ALL ; #", "\\u0022} ; DROP ALL #"]:
        assert run_saved_query("who-supports", [("proposal", value)], remote).rows == []
        assert run_saved_query("evidence", [("actor", value), ("proposal", value)], remote).rows == []
    assert graph_stats(remote) == before


def test_the_cli_against_the_server(server, pushed, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    remote = runner.invoke(cli, ["query", "who-supports", "-p", "proposal", "ceasefire",
                                 "--endpoint", server.query_url, "--format", "json"])
    assert remote.exit_code == 0, remote.output
    local = runner.invoke(cli, ["query", "who-supports", "-p", "proposal", "ceasefire",
                                "--data", str(FIXTURE), "--format", "json"])
    assert json.loads(remote.output) == json.loads(local.output)
    construct = runner.invoke(cli, ["query", "--sparql",
                                    "CONSTRUCT { ?a kg:rejects ?p } WHERE { GRAPH ?g { ?a kg:rejects ?p } }",
                                    "--endpoint", server.query_url, "--format", "nt"])
    assert construct.exit_code == 0, construct.output
    import rdflib

    assert len(rdflib.Graph().parse(data=construct.output, format="nt")) == 4
    stats = runner.invoke(cli, ["stats", "--endpoint", server.query_url, "--format", "json"])
    assert json.loads(stats.output)["statements"] == 12
    bad = runner.invoke(cli, ["query", "--sparql", "SELECT * WHERE { ?s ?p }", "--endpoint", server.query_url])
    assert bad.exit_code == 2 and len(bad.stderr.strip().splitlines()) == 1
    assert "rejected the query" in bad.stderr


def test_a_push_to_a_stopped_server_reports_and_a_second_push_completes(tmp_path):
    store = tmp_path / "store"
    load_files([FIXTURE], store)
    server = OxigraphServer(tmp_path / "remote", union_default_graph=True)
    url = server.update_url
    server.stop()  # the endpoint is down
    from kg.push import PushError

    with pytest.raises(PushError) as info:
        push_graphs(graphs_from_store(store), update_endpoint=url, retries=1, retry_wait=0.01)
    assert info.value.report.graphs_sent == 0 and len(info.value.report.not_sent) == 4
    assert graph_stats(store_source(store)).statements == 12  # nothing local was lost
    again = OxigraphServer(tmp_path / "remote2", union_default_graph=True)
    try:
        report = push_graphs(graphs_from_store(store), update_endpoint=again.update_url)
        assert report.graphs_sent == 4
        # with the union default graph, an ad-hoc query without GRAPH sees the statements too
        answer = EndpointSource(again.query_url).select(
            "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a <https://w3id.org/kg-positions/ns#Statement> }")
        assert int(answer.rows[0][0]) == 12
    finally:
        again.stop()


def test_reindex_builds_the_index_of_data_pushed_without_it(server, pushed):
    remote = EndpointSource(server.query_url)
    expected = run_saved_query("who-supports", [("proposal", "ceasefire")], store_source(pushed)).rows
    # an upload by other means: the article graphs arrive, the index graph does not
    request = urllib.request.Request(server.update_url, method="POST",
                                     data=b"DROP GRAPH <https://w3id.org/kg-positions/id/graph/index>",
                                     headers={"Content-Type": "application/sparql-update"})
    urllib.request.urlopen(request, timeout=10).read()
    with pytest.raises(QueryError, match="kg reindex --endpoint URL"):
        run_saved_query("who-supports", [("proposal", "ceasefire")], EndpointSource(server.query_url))
    result = CliRunner().invoke(cli, ["reindex", "--endpoint", server.query_url,
                                       "--update-endpoint", server.update_url])
    assert result.exit_code == 0, result.output
    assert "for 10 actor(s) and proposal(s)" in result.output
    assert run_saved_query("who-supports", [("proposal", "ceasefire")], remote).rows == expected

"""`kg load`, `kg stats` and `kg push` (against a stand-in HTTP server that fails on
purpose): one named graph per article, reloading replaces, counts are right, and a
failed push retries, then reports what was and was not sent."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import cli
from kg.load import split_by_article
from kg.index import INDEX_GRAPH
from kg.push import PushError, graphs_from_files, push_graphs, update_request_text
from kg.rdfio import iter_quads

REPO = Path(__file__).resolve().parents[1]
# rdflib's own N-Quads reader trips over its own deprecation
pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")
FIXTURE = REPO / "tests" / "data" / "positions.ttl"
ID = "https://w3id.org/kg-positions/id/"
ARTICLES = {f"{ID}article/{a}" for a in ("un-2024-01-10", "talks-2024-02-15", "kyiv-2024-03-20", "undated-brief")}


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for variable in ("KG_STORE", "KG_ENDPOINT", "KG_ENDPOINT_USER", "KG_ENDPOINT_PASSWORD"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("NETRC", str(tmp_path / "no-netrc"))

    def invoke(*args: str):
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)

    return invoke


def dump(store_path: Path) -> rdflib.Dataset:
    """The store's content read back through N-Quads by rdflib."""
    store = ox.Store.read_only(str(store_path))
    data = ox.serialize(store, format=ox.RdfFormat.N_QUADS)
    del store
    dataset = rdflib.Dataset()
    dataset.parse(data=data.decode("utf-8"), format="nquads")
    return dataset


def graph_names(dataset: rdflib.Dataset) -> set[str]:
    return {str(g.identifier) for g in dataset.graphs() if len(g) and str(g.identifier) != str(rdflib.graph.DATASET_DEFAULT_GRAPH_ID)}


# ---- splitting by article ----------------------------------------------------------------

def test_triples_are_split_into_article_graphs_as_rdf_mapping_lays_them_out():
    quads = split_by_article(iter_quads(FIXTURE))
    graphs: dict[str, set] = {}
    for q in quads:
        assert not isinstance(q.graph_name, ox.DefaultGraph), q
        graphs.setdefault(q.graph_name.value, set()).add((q.subject.value, q.predicate.value, str(q.object)))
    assert set(graphs) == ARTICLES
    label = ("rdfs:label", "http://www.w3.org/2000/01/rdf-schema#label")
    guterres = f"{ID}actor/antonio-guterres"
    in_graphs = {g for g, triples in graphs.items() if (guterres, label[1], '"António Guterres"') in triples}
    # Guterres speaks in two articles; he also proposed the ceasefire, which only those two use
    assert in_graphs == {f"{ID}article/un-2024-01-10", f"{ID}article/talks-2024-02-15"}
    un_graphs = {g for g, t in graphs.items() if (f"{ID}actor/united-nations", label[1], '"United Nations"') in t}
    # the UN speaks in two articles and is Guterres's affiliation in two (one overlapping)
    assert un_graphs == {f"{ID}article/un-2024-01-10", f"{ID}article/talks-2024-02-15", f"{ID}article/undated-brief"}
    edge = (f"{ID}actor/russia", "https://w3id.org/kg-positions/ns#supports", f"<{ID}proposal/truce>")
    assert {g for g, t in graphs.items() if edge in t} == {f"{ID}article/talks-2024-02-15"}


def test_triples_tied_to_no_article_stay_in_the_default_graph(tmp_path):
    extra = tmp_path / "extra.ttl"
    extra.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n", encoding="utf-8")
    quads = split_by_article(list(iter_quads(FIXTURE)) + list(iter_quads(extra)))
    default = [q for q in quads if isinstance(q.graph_name, ox.DefaultGraph)]
    assert [q.subject.value for q in default] == ["http://example.org/a"]


# ---- kg load and kg stats ---------------------------------------------------------------------

def test_load_puts_each_article_in_its_graph_and_reloading_replaces(run, tmp_path):
    store = tmp_path / "store"
    first = run("load", str(FIXTURE), "--store", str(store))
    assert first.exit_code == 0, first.output
    assert "4 article graph(s) (0 replaced)" in first.stderr
    dataset = dump(store)
    assert graph_names(dataset) == ARTICLES | {str(INDEX_GRAPH)}
    size = len(list(dataset.quads()))
    again = run("load", str(FIXTURE), "--store", str(store))
    assert "(4 replaced)" in again.stderr
    assert len(list(dump(store).quads())) == size
    # a re-extracted article with one statement fewer replaces the old graph
    edited = tmp_path / "edited.ttl"
    text = FIXTURE.read_text(encoding="utf-8")
    start = text.index("kgid:statement\\/s12 a kg:Statement")
    edited.write_text(text[:start] + text[text.index(".\n", text.index('kg:cue "support"', start)) + 2:],
                      encoding="utf-8")
    run("load", str(edited), "--store", str(store))
    stats = json.loads(run("stats", "--store", str(store), "--format", "json").output)
    assert stats["statements"] == 11
    assert stats["articles"] == 4


def test_load_keeps_the_named_graphs_of_quad_files(run, tmp_path):
    store = tmp_path / "store"
    quads = tmp_path / "positions.nq"
    quads.write_bytes(ox.serialize(split_by_article(iter_quads(FIXTURE)), format=ox.RdfFormat.N_QUADS))
    assert run("load", str(quads), "--store", str(store)).exit_code == 0
    from_quads = dump(store)
    other = tmp_path / "other"
    run("load", str(FIXTURE), "--store", str(other))
    assert set(from_quads.quads()) == set(dump(other).quads())


def test_a_bad_file_loads_nothing(run, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b .\n", encoding="utf-8")
    store = tmp_path / "store"
    result = run("load", str(FIXTURE), str(bad), "--store", str(store))
    assert result.exit_code == 2
    assert result.stderr.strip().startswith(f"kg: error: {bad}:2")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not store.exists() or len(ox.Store.read_only(str(store))) == 0


def test_stats_table_and_json(run, tmp_path):
    store = tmp_path / "store"
    run("load", str(FIXTURE), "--store", str(store))
    table = run("stats", "--store", str(store))
    assert table.exit_code == 0
    lines = {line.rsplit(None, 1)[0].strip(): line.rsplit(None, 1)[1] for line in table.output.splitlines()[1:]}
    assert (lines["articles"], lines["statements"], lines["actors"], lines["proposals"]) == ("4", "12", "6", "4")
    counts = json.loads(run("stats", "--store", str(store), "--format", "json").output)
    assert counts["named_graphs"] == 4 and counts["default_graph_triples"] == 0
    assert counts["triples"] == len([q for q in dump(store).quads() if str(q[3]) != str(INDEX_GRAPH)])
    assert json.loads(run("stats", "--data", str(FIXTURE), "-f", "json").output) == counts


def test_stats_without_a_store_is_a_one_line_error(run, tmp_path):
    result = run("stats", "--store", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "no store here" in result.stderr and len(result.stderr.strip().splitlines()) == 1


# ---- kg push against a stand-in server --------------------------------------------------------

class _Recorder(BaseHTTPRequestHandler):
    """Answers every request with the next status of `plan` (then 204), recording what it got."""

    def _handle(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        server = self.server
        if server.delays:
            time.sleep(server.delays.pop(0))
        server.requests.append((self.command, self.path, self.headers.get("Content-Type"),
                                self.headers.get("Authorization"), body.decode("utf-8")))
        status = server.plan.pop(0) if server.plan else 204
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_PUT = _handle

    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture
def stand_in():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.plan, server.requests, server.delays = [], [], []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _url(server, path="/update") -> str:
    return f"http://127.0.0.1:{server.server_address[1]}{path}"


def test_update_requests_replace_each_graph_and_parse_as_sparql():
    graphs = graphs_from_files([FIXTURE])
    text = update_request_text([(name, graphs.load(name)) for name in graphs.names])
    assert text.count("DROP SILENT GRAPH") == 4
    store = ox.Store()
    store.update(text)  # Oxigraph's SPARQL parser reads it back
    reference = ox.Store()
    reference.extend(split_by_article(iter_quads(FIXTURE)))
    assert set(store) == set(reference)
    store.update(text)  # repeating is harmless
    assert len(store) == len(reference)


def test_push_in_batches_with_credentials_from_the_environment(run, stand_in, tmp_path, monkeypatch):
    monkeypatch.setenv("KG_ENDPOINT_USER", "ada")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "s3cret")
    store = tmp_path / "store"
    run("load", str(FIXTURE), "--store", str(store))
    result = run("push", "--store", str(store), "--update-endpoint", _url(stand_in), "--batch-size", "60")
    assert result.exit_code == 0, result.output
    assert "pushed 4 of 4 graph(s)" in result.stderr
    assert len(stand_in.requests) >= 2  # 4 graphs of ~50-80 triples do not fit one 60-triple batch
    for method, path, content_type, authorization, body in stand_in.requests:
        assert (method, path) == ("POST", "/update")
        assert content_type.startswith("application/sparql-update")
        assert authorization == "Basic YWRhOnMzY3JldA=="
    sent = "".join(r[4] for r in stand_in.requests)
    assert sent.count("DROP SILENT GRAPH") == 4


def test_push_with_the_graph_store_protocol(run, stand_in):
    result = run("push", str(FIXTURE), "--graph-store", _url(stand_in, "/store"))
    assert result.exit_code == 0, result.output
    targets = {parse_qs(urlsplit(path).query)["graph"][0] for method, path, *_ in stand_in.requests}
    assert targets == ARTICLES
    assert all(method == "PUT" and ctype.startswith("application/n-triples")
               for method, _, ctype, _, _ in stand_in.requests)
    graph = rdflib.Graph().parse(data=stand_in.requests[0][4], format="nt")
    assert len(graph) > 10


def test_push_retries_server_errors_then_succeeds(stand_in):
    stand_in.plan = [503, 500]
    waits: list[float] = []
    messages: list[str] = []
    report = push_graphs(graphs_from_files([FIXTURE]), update_endpoint=_url(stand_in), retries=3, retry_wait=0.5,
                         on_retry=messages.append, sleep=waits.append)
    assert report.graphs_sent == 4 and report.retries == 2
    assert waits == [0.5, 1.0]  # exponential backoff
    assert "HTTP 503" in messages[0] and "retrying in 0.5 s (1/3)" in messages[0]


def test_push_that_keeps_failing_reports_what_was_and_was_not_sent(run, stand_in, tmp_path):
    store = tmp_path / "store"
    run("load", str(FIXTURE), "--store", str(store))
    before = set(dump(store).quads())
    stand_in.plan = [204, 503, 503, 503]
    result = run("push", "--store", str(store), "--update-endpoint", _url(stand_in), "--batch-size", "1",
                 "--retries", "2", "--retry-wait", "0")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("kg: error: push to ")
    assert "HTTP 503" in lines[-1] and "(after 3 attempts)" in lines[-1]
    assert "Sent 1 of 4 graph(s)" in lines[-1] and "not sent: 3 graph(s)" in lines[-1]
    assert sum("retrying" in line for line in lines) == 2
    assert set(dump(store).quads()) == before  # the local store is untouched


def test_push_retries_a_request_that_times_out(stand_in):
    stand_in.delays = [1.5]  # the first request gets no answer in time
    messages: list[str] = []
    report = push_graphs(graphs_from_files([FIXTURE]), update_endpoint=_url(stand_in), timeout=0.3,
                         retry_wait=0, on_retry=messages.append)
    assert report.graphs_sent == 4 and report.retries == 1
    assert "no answer within 0.3 s" in messages[0]


def test_push_gives_up_at_once_on_client_errors(stand_in):
    stand_in.plan = [400]
    with pytest.raises(PushError) as info:
        push_graphs(graphs_from_files([FIXTURE]), update_endpoint=_url(stand_in), retries=5, sleep=lambda s: None)
    assert len(stand_in.requests) == 1
    assert info.value.report.graphs_sent == 0 and len(info.value.report.not_sent) == 4


def test_push_to_a_closed_port_fails_after_retries(tmp_path):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(PushError, match="cannot connect") as info:
        push_graphs(graphs_from_files([FIXTURE]), update_endpoint=f"http://127.0.0.1:{port}/update",
                    retries=2, sleep=lambda s: None)
    assert info.value.report.requests == 3


def test_push_credentials_from_netrc(stand_in, tmp_path, monkeypatch):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login grace password hopper\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.delenv("KG_ENDPOINT_USER", raising=False)
    monkeypatch.setenv("NETRC", str(netrc))
    push_graphs(graphs_from_files([FIXTURE]), update_endpoint=_url(stand_in))
    assert stand_in.requests[0][3] == "Basic Z3JhY2U6aG9wcGVy"


def test_push_needs_a_target(run, tmp_path):
    result = run("push", str(FIXTURE))
    assert result.exit_code == 2 and "say where to push" in result.stderr


# ---- the index graph ------------------------------------------------------------------------

def _article(name: str, statements: list[tuple[str, str, str, str]], date: str | None = None) -> str:
    """TriG for one article graph: (actor key, actor label, stance, proposal label) statements."""
    published = f' ; schema:datePublished "{date}"^^xsd:date' if date else ""
    lines = [f"kgid:article\\/{name} a kg:Article ; kg:documentId \"{name}\"{published} ."]
    for i, (actor, label, stance, proposal) in enumerate(statements):
        key = proposal.replace(" ", "-")
        lines += [f"kgid:actor\\/{actor} a kg:Person ; rdfs:label \"{label}\" ; skos:prefLabel \"{label}\" .",
                  f"kgid:proposal\\/{key} a kg:Proposal ; rdfs:label \"{proposal}\" ; skos:prefLabel \"{proposal}\" ; "
                  f"kg:proposalType kg:Ceasefire .",
                  f"kgid:actor\\/{actor} kg:{stance} kgid:proposal\\/{key} .",
                  f"kgid:statement\\/{name}-{i} a kg:Statement ; kg:actor kgid:actor\\/{actor} ; "
                  f"kg:stance kg:{'Support' if stance == 'supports' else 'Reject'} ; kg:proposal kgid:proposal\\/{key} ; "
                  f"kg:sourceArticle kgid:article\\/{name} ; kg:evidence \"...\" ."]
    body = "\n  ".join(lines)
    return f"kgid:article\\/{name} {{\n  {body}\n}}\n"


_TRIG_PREFIXES = """@prefix kg: <https://w3id.org/kg-positions/ns#> .
@prefix kgid: <https://w3id.org/kg-positions/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def _index(store_path: Path) -> set[tuple[str, str, str]]:
    """The index graph's triples, with the kg namespaces cut off for readability."""
    store = ox.Store.read_only(str(store_path))
    short = lambda term: term.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]  # noqa: E731
    triples = {(short(q.subject), short(q.predicate), short(q.object))
               for q in store.quads_for_pattern(None, None, None, ox.NamedNode(str(INDEX_GRAPH)))}
    del store
    return triples


def test_the_index_graph_follows_every_replacement(run, tmp_path):
    store = tmp_path / "store"
    first = tmp_path / "first.trig"
    first.write_text(_TRIG_PREFIXES + _article("a", [("ines-costa", "Inês Costa", "supports", "gaza truce")])
                     + _article("b", [("ines-costa", "Inês Costa", "rejects", "oil embargo")]), encoding="utf-8")
    assert run("load", str(first), "--store", str(store)).exit_code == 0
    index = _index(store)
    assert {("ines-costa", "supports", "gaza-truce"), ("ines-costa", "rejects", "oil-embargo"),
            ("ines-costa", "labelWord", "ines"), ("ines-costa", "labelWord", "costa"),
            ("gaza-truce", "labelWord", "truce"), ("gaza-truce", "proposalType", "Ceasefire")} <= index
    # article b is re-extracted: another actor now rejects the embargo
    second = tmp_path / "second.trig"
    second.write_text(_TRIG_PREFIXES + _article("b", [("omar-haddad", "Omar Haddad", "rejects", "oil embargo")]),
                      encoding="utf-8")
    assert run("load", str(second), "--store", str(store)).exit_code == 0
    index = _index(store)
    assert ("ines-costa", "rejects", "oil-embargo") not in index
    assert ("omar-haddad", "rejects", "oil-embargo") in index and ("ines-costa", "supports", "gaza-truce") in index
    # article a loses its statement: Costa and the truce are in no article graph any more
    third = tmp_path / "third.trig"
    third.write_text(_TRIG_PREFIXES + _article("a", []), encoding="utf-8")
    assert run("load", str(third), "--store", str(store)).exit_code == 0
    index = _index(store)
    assert not {t for t in index if t[0] in ("ines-costa", "gaza-truce")}
    # the saved queries find names by their words, in any order, case and accents
    rows = run("query", "who-rejects", "-p", "proposal", "EMBARGO oil", "--store", str(store), "-f", "csv").output
    assert "Omar Haddad" in rows
    assert "Omar Haddad" in run("query", "positions-of", "-p", "actor", "haddad omar", "--store", str(store)).output
    # and fall back to part of a word when no label has them all
    assert "Omar Haddad" in run("query", "positions-of", "-p", "actor", "hadd", "--store", str(store)).output


def test_reindex_rebuilds_a_lost_index(run, tmp_path):
    store = tmp_path / "store"
    run("load", str(FIXTURE), "--store", str(store))
    before = _index(store)
    raw = ox.Store(str(store))
    raw.update(f"DROP GRAPH <{INDEX_GRAPH}>")
    del raw
    failed = run("query", "who-supports", "-p", "proposal", "ceasefire", "--store", str(store))
    assert failed.exit_code == 2 and "kg reindex" in failed.stderr
    rebuilt = run("reindex", "--store", str(store))
    assert rebuilt.exit_code == 0, rebuilt.output
    assert _index(store) == before
    assert run("query", "who-supports", "-p", "proposal", "ceasefire", "--store", str(store)).exit_code == 0


def test_position_changes_are_indexed_and_follow_every_replacement(run, tmp_path):
    store = tmp_path / "store"
    costa = ("ines-costa", "Inês Costa")
    data = tmp_path / "dated.trig"
    data.write_text(_TRIG_PREFIXES + _article("a", [(*costa, "supports", "gaza truce")], "2024-01-05")
                    + _article("b", [(*costa, "supports", "gaza truce")], "2024-02-01")
                    + _article("c", [(*costa, "rejects", "gaza truce")], "2024-03-10"), encoding="utf-8")
    assert run("load", str(data), "--store", str(store)).exit_code == 0

    def changes() -> list[dict]:
        answer = run("query", "position-changes", "--store", str(store), "-f", "json")
        assert answer.exit_code == 0, answer.stderr
        return [{k: v["value"].rsplit("/", 1)[-1].rsplit("#", 1)[-1] for k, v in row.items()}
                for row in json.loads(answer.output)["results"]["bindings"]]

    # the change runs from the last date the old stance was reported to the new one
    assert changes() == [{"actor": "ines-costa", "actorLabel": "Inês Costa", "proposal": "gaza-truce",
                          "proposalLabel": "gaza truce", "from": "Support", "fromDate": "2024-02-01",
                          "fromArticle": "b", "to": "Reject", "toDate": "2024-03-10", "toArticle": "c"}]
    index = _index(store)
    assert sum(1 for t in index if t[1:] == ("type", "PositionChange")) == 1
    assert sum(1 for t in index if t[1:] == ("changeActor", "ines-costa")) == 1
    # article c is re-extracted: she supports the truce there too, so there is no change any more
    again = tmp_path / "again.trig"
    again.write_text(_TRIG_PREFIXES + _article("c", [(*costa, "supports", "gaza truce")], "2024-03-10"),
                     encoding="utf-8")
    assert run("load", str(again), "--store", str(store)).exit_code == 0
    assert changes() == []
    assert not any(t[1:] == ("type", "PositionChange") for t in _index(store))
    # an earlier article with the other stance brings a change back, from its date
    earlier = tmp_path / "earlier.trig"
    earlier.write_text(_TRIG_PREFIXES + _article("z", [(*costa, "rejects", "gaza truce")], "2023-12-01"),
                       encoding="utf-8")
    assert run("load", str(earlier), "--store", str(store)).exit_code == 0
    assert [(c["from"], c["fromDate"], c["to"], c["toDate"]) for c in changes()] == [
        ("Reject", "2023-12-01", "Support", "2024-01-05")]


def _positions_article(name: str, edges: list[tuple[str, str, str]]) -> str:
    """TriG for one hand-coded article graph: (actor, stance, proposal) local names under ex:."""
    lines = [f"ex:{name} a kg:Article ; kg:documentId \"{name}\" ."]
    for i, (actor, stance, proposal) in enumerate(edges):
        lines += [f"ex:{actor} a kg:Person ; rdfs:label \"{actor}\" .",
                  f"ex:{proposal} a kg:Proposal ; rdfs:label \"{proposal}\" .",
                  f"ex:{actor} kg:{stance} ex:{proposal} .",
                  f"ex:{name}-{i} a kg:Statement ; kg:actor ex:{actor} ; kg:proposal ex:{proposal} ; "
                  f"kg:stance kg:{'Support' if stance == 'supports' else 'Reject'} ; kg:sourceArticle ex:{name} ."]
    return f"ex:{name} {{\n  " + "\n  ".join(lines) + "\n}\n"


def test_supporter_and_opponent_counts_are_indexed_and_follow_every_replacement(run, tmp_path, monkeypatch):
    # one entity per refresh request, and the proposal's IRI sorts before its actors', so it is
    # refreshed before their edges are copied: the counts must not depend on that order
    monkeypatch.setattr("kg.index.CHUNK", 1)
    store = tmp_path / "store"
    prefixes = _TRIG_PREFIXES + "@prefix ex: <http://example.org/kg-test/> .\n"
    data = tmp_path / "positions.trig"
    data.write_text(prefixes + _positions_article("a1", [("zz-costa", "supports", "aa-truce"),
                                                         ("zz-haddad", "rejects", "aa-truce")])
                    + _positions_article("a2", [("zz-costa", "supports", "aa-truce"),
                                                ("zz-lee", "supports", "aa-truce")])
                    # an edge whose subject no article types as an actor is not indexed, so not counted
                    + "ex:a3 { ex:a3 a kg:Article ; kg:documentId \"a3\" . ex:aa-truce a kg:Proposal ; "
                      "rdfs:label \"aa-truce\" . ex:ghost kg:rejects ex:aa-truce . }\n", encoding="utf-8")
    assert run("load", str(data), "--store", str(store)).exit_code == 0

    def counts() -> tuple[set, list]:
        index = {t for t in _index(store) if t[1] in ("supporterCount", "opponentCount")}
        answer = json.loads(run("query", "proposals", "--store", str(store), "-f", "json").output)
        rows = [tuple(row[k]["value"] for k in ("supporters", "opponents", "positions", "articles"))
                for row in answer["results"]["bindings"]]
        return index, rows

    # Costa supports it in two articles: one supporter
    assert counts() == ({("aa-truce", "supporterCount", "2"), ("aa-truce", "opponentCount", "1")},
                        [("2", "1", "3", "3")])
    # a1 is re-extracted: Haddad supports the truce there now, and no one rejects it
    again = tmp_path / "again.trig"
    again.write_text(prefixes + _positions_article("a1", [("zz-haddad", "supports", "aa-truce")]), encoding="utf-8")
    assert run("load", str(again), "--store", str(store)).exit_code == 0
    assert counts() == ({("aa-truce", "supporterCount", "3")}, [("3", "0", "3", "3")])
    assert run("reindex", "--store", str(store)).exit_code == 0
    assert counts() == ({("aa-truce", "supporterCount", "3")}, [("3", "0", "3", "3")])


def test_an_index_from_an_older_kg_or_with_missing_entries_is_refused(run, tmp_path):
    store = tmp_path / "store"
    assert run("load", str(FIXTURE), "--store", str(store)).exit_code == 0
    assert run("query", "position-changes", "--store", str(store)).exit_code == 0
    # an older kg wrote no version (nor position changes): the saved queries ask for a rebuild
    raw = ox.Store(str(store))
    raw.update(f"DELETE WHERE {{ GRAPH <{INDEX_GRAPH}> {{ <{INDEX_GRAPH}> ?p ?o }} }}")
    del raw
    failed = run("query", "position-changes", "--store", str(store))
    assert failed.exit_code == 2 and "older kg or incomplete" in failed.stderr and "kg reindex" in failed.stderr
    # loading more articles refreshes only what they touch: still not complete
    more = tmp_path / "more.trig"
    more.write_text(_TRIG_PREFIXES + _article("new", [("omar-haddad", "Omar Haddad", "rejects", "oil embargo")]),
                    encoding="utf-8")
    assert run("load", str(more), "--store", str(store)).exit_code == 0
    assert run("query", "who-rejects", "-p", "proposal", "embargo", "--store", str(store)).exit_code == 2
    assert run("reindex", "--store", str(store)).exit_code == 0
    after = run("query", "who-rejects", "-p", "proposal", "embargo", "--store", str(store))
    assert after.exit_code == 0 and "Omar Haddad" in after.output
    # a store filled by another tool, then by kg: the index covers only kg's articles, so it is refused too
    other = tmp_path / "other"
    filled = ox.Store(str(other))
    filled.extend(split_by_article(iter_quads(FIXTURE)))
    del filled
    assert run("load", str(more), "--store", str(other)).exit_code == 0
    refused = run("query", "who-supports", "-p", "proposal", "ceasefire", "--store", str(other))
    assert refused.exit_code == 2 and "kg reindex" in refused.stderr


def test_an_update_is_one_transaction(tmp_path):
    # replace_graphs relies on it: an article's old graph is dropped and its new one
    # written in one update, so a failure part-way leaves the old graph in place
    store = ox.Store(str(tmp_path / "store"))
    store.update("INSERT DATA { GRAPH <http://example.org/a> { <http://example.org/s> <http://example.org/p> 1 } }")
    with pytest.raises(Exception, match="already exists"):
        store.update("DROP GRAPH <http://example.org/a> ; CREATE GRAPH <http://example.org/b> ; "
                     "CREATE GRAPH <http://example.org/b>")
    assert len(list(store.quads_for_pattern(None, None, None, ox.NamedNode("http://example.org/a")))) == 1


def test_an_index_file_serves_a_store_loaded_by_other_means(run, tmp_path):
    from kg.query import run_saved_query
    from kg.sources import LocalSource, store_source

    written = run("reindex", "--data", str(FIXTURE), "-o", str(tmp_path / "index.nq"))
    assert written.exit_code == 0, written.output
    # read back by rdflib: every quad is in the index graph, as many as kg reported
    index = rdflib.Dataset()
    index.parse(tmp_path / "index.nq", format="nquads")
    quads = list(index.quads())
    assert quads and {str(q[3]) for q in quads} == {str(INDEX_GRAPH)}
    assert f": {len(quads)} triple(s)" in written.stderr
    # a store filled by another tool (as QLever builds its index offline): articles and index file
    other = ox.Store()
    other.extend(split_by_article(iter_quads(FIXTURE)))
    other.load(path=str(tmp_path / "index.nq"), format=ox.RdfFormat.N_QUADS)
    run("load", str(FIXTURE), "--store", str(tmp_path / "store"))
    for name, params in (("who-supports", [("proposal", "ceasefire")]), ("positions-of", [("actor", "guterres")])):
        assert (run_saved_query(name, params, LocalSource(other, "other")).rows
                == run_saved_query(name, params, store_source(tmp_path / "store")).rows)
    refused = run("reindex", "--data", str(FIXTURE), "-o", str(tmp_path / "index.ttl"))
    assert refused.exit_code == 2 and "as .nq or .trig" in refused.stderr
    assert not (tmp_path / "index.ttl").exists()


def test_a_graph_named_by_a_blank_node_is_added_not_replaced(run, tmp_path):
    data = tmp_path / "blank.trig"
    data.write_text('@prefix kg: <https://w3id.org/kg-positions/ns#> .\n'
                    '_:g { <http://example.org/x> kg:documentId "x" . }\n'
                    '<http://example.org/a> { <http://example.org/a> a kg:Article ; kg:documentId "a" . }\n',
                    encoding="utf-8")
    loaded = run("load", str(data), "--store", str(tmp_path / "store"))
    assert loaded.exit_code == 0, loaded.output
    counts = json.loads(run("stats", "--store", str(tmp_path / "store"), "-f", "json").output)
    assert (counts["articles"], counts["named_graphs"], counts["triples"]) == (1, 2, 3)

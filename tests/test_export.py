"""kg.export through its Python API: the statement table, every network type worked out
by hand on tests/data/export/positions.trig, the filters, time windows, and every
file format read back with an independent parser (lxml + the official GEXF XSD,
networkx for GraphML, the csv module)."""

from __future__ import annotations

import csv
import math
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from kg.errors import KgError, OutputError
from kg.export import (ExportOptions, StatementFilter, build_network, export_network, export_statements,
                       filter_statements, load_statements, time_windows)
from kg.export.statements import StatementRow, parse_date

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "export"
POSITIONS = DATA / "positions.trig"
UNDATED = DATA / "undated.ttl"
GEXF_SCHEMAS = REPO.parent / "shared" / "schemas" / "gexf"
GEXF_NS = {"1.3": "http://gexf.net/1.3", "1.2draft": "http://www.gexf.net/1.2draft"}

ID = "https://w3id.org/kg-positions/id/"
PUTIN, UKRAINE, UN = ID + "actor/vladimir-putin", ID + "actor/ukraine", ID + "actor/united-nations"
CEASEFIRE, TALKS = ID + "proposal/ceasefire", ID + "proposal/peace-talks-istanbul"
D1, D2 = "2024-03-01", "2024-03-15"


@pytest.fixture(scope="module")
def rows() -> list[StatementRow]:
    return load_statements([str(POSITIONS)])


@pytest.fixture(scope="module")
def schemas() -> dict[str, etree.XMLSchema]:
    return {v: etree.XMLSchema(etree.parse(str(GEXF_SCHEMAS / v / "gexf.xsd"))) for v in ("1.3", "1.2draft")}


def edges(graph: nx.Graph) -> dict:
    """{(source, target[, stance]): data} with source < target, for comparing by hand."""
    if graph.is_multigraph():
        return {(u, v, k) if u < v else (v, u, k): d for u, v, k, d in graph.edges(keys=True, data=True)}
    return {(u, v) if u < v else (v, u): d for u, v, d in graph.edges(data=True)}


ONE_MODE_FIELDS = ("weight", "sign", "stance", "evidence", "first_date", "last_date")


def pick(data: dict, *names: str) -> tuple:
    return tuple(data.get(n) for n in names)


# ---- the statement table -------------------------------------------------------------

def test_statement_table_holds_one_row_per_statement_with_labels_types_and_dates(rows):
    by_id = {r.statement.rsplit("/", 1)[1]: r for r in rows}
    assert sorted(by_id) == ["s1", "s2", "s3", "s4", "s5", "s7", "s8"]
    s1 = by_id["s1"]
    assert (s1.actor, s1.actor_label, s1.actor_type, s1.affiliation) == (PUTIN, "Vladimir Putin", "person", "Russia")
    assert (s1.stance, s1.proposal, s1.proposal_label, s1.proposal_type) == (-1, CEASEFIRE, "ceasefire", "ceasefire")
    assert (s1.date, s1.confidence, s1.article) == (date(2024, 3, 1), 0.9, ID + "article/a1")
    assert by_id["s4"].actor_type == "state" and by_id["s7"].actor_type == "organisation"
    assert by_id["s5"].proposal_type == "peace talks"
    assert by_id["s5"].proposal_type_iri == "https://w3id.org/kg-positions/ns#PeaceTalks"
    # s7 has no kg:date: the article's datePublished stands in; s8's xsd:dateTime counts by its day.
    assert by_id["s7"].date == date(2024, 3, 15)
    assert by_id["s8"].date == date(2024, 3, 15)


def test_undated_statements_and_untyped_actors_are_read(rows):
    extra = load_statements([str(POSITIONS), str(UNDATED)])
    assert len(extra) == len(rows) + 1
    (new,) = [r for r in extra if r.actor == ID + "actor/eu"]
    assert (new.date, new.confidence, new.actor_type, new.actor_label) == (None, None, "actor", "eu")
    assert new.proposal == CEASEFIRE and new.stance == 1


def test_any_graph_source_gives_the_same_table(rows):
    from kg.export.statements import read_statements, source_select
    from kg.sources import open_source

    local = open_source([str(POSITIONS)])

    class Remote:  # only the GraphSource interface, as an endpoint offers: rdflib terms in rows
        def select(self, sparql):
            return local.select(sparql)

    assert read_statements(source_select(Remote())) == rows


@pytest.mark.parametrize("text, expected", [
    ("2024-03-15", date(2024, 3, 15)), ("2024-03-15T23:59:00+05:00", date(2024, 3, 15)),
    ("2024-03", date(2024, 3, 1)), ("2024", date(2024, 1, 1)), ("2024-13-01", None), ("20240315", None), ("soon", None), (None, None),
])
def test_dates_of_every_xsd_date_type(text, expected):
    assert parse_date(text) == expected


# ---- the networks, every edge by hand -----------------------------------------------------

def test_two_mode_network(rows):
    graph = build_network(rows, "two-mode")
    assert graph.is_multigraph()
    got = {k: pick(d, "weight", "sign", "stance", "evidence", "articles", "first_date", "last_date")
           for k, d in edges(graph).items()}
    assert got == {
        (PUTIN, CEASEFIRE, "rejects"): (2, -1, "rejects", 2, 2, D1, D2),
        (PUTIN, TALKS, "supports"): (1, 1, "supports", 1, 1, D2, D2),
        (UKRAINE, CEASEFIRE, "supports"): (1, 1, "supports", 1, 1, D1, D1),
        (UKRAINE, TALKS, "supports"): (1, 1, "supports", 1, 1, D1, D1),
        (UKRAINE, TALKS, "rejects"): (1, -1, "rejects", 1, 1, D2, D2),
        (UN, TALKS, "supports"): (1, 1, "supports", 1, 1, D2, D2),
    }
    nodes = dict(graph.nodes(data=True))
    assert pick(nodes[PUTIN], "label", "type", "affiliation", "statements", "proposals_supported",
                "proposals_rejected", "first_date", "last_date") == (
        "Vladimir Putin", "person", "Russia", 3, 1, 1, D1, D2)
    assert pick(nodes[UKRAINE], "type", "statements", "proposals_supported", "proposals_rejected") == ("state", 3, 2, 1)
    assert pick(nodes[UN], "type", "statements", "first_date", "last_date") == ("organisation", 1, D2, D2)
    assert pick(nodes[CEASEFIRE], "label", "type", "proposal_type", "statements", "supporters", "opponents") == (
        "ceasefire", "proposal", "ceasefire", 3, 1, 1)
    assert pick(nodes[TALKS], "proposal_type", "statements", "supporters", "opponents") == ("peace talks", 4, 3, 1)


def test_congruence_network(rows):
    graph = build_network(rows, "congruence")
    assert set(graph.nodes) == {PUTIN, UKRAINE, UN}
    got = {k: pick(d, *ONE_MODE_FIELDS) for k, d in edges(graph).items()}
    # All three support the Istanbul talks; no two agree on the ceasefire.
    assert got == {
        (UKRAINE, UN): (1, 1, "agree", 2, D2, D2),
        (UKRAINE, PUTIN): (1, 1, "agree", 2, D2, D2),
        (UN, PUTIN): (1, 1, "agree", 2, D2, D2),
    }


def test_conflict_network(rows):
    graph = build_network(rows, "conflict")
    got = {k: pick(d, *ONE_MODE_FIELDS) for k, d in edges(graph).items()}
    # Ukraine and Putin clash on both proposals (on the ceasefire since D1); Ukraine's
    # rejection of the talks at D2 clashes with the UN's support.
    assert got == {
        (UKRAINE, PUTIN): (2, -1, "disagree", 5, D1, D2),
        (UKRAINE, UN): (1, -1, "disagree", 2, D2, D2),
    }


def test_subtract_network_drops_pairs_that_cancel_out(rows):
    graph = build_network(rows, "subtract")
    got = {k: pick(d, "weight", "sign", "stance", "count", "evidence", "first_date", "last_date")
           for k, d in edges(graph).items()}
    # Ukraine-UN: 1 agreement - 1 conflict = 0, no edge.
    assert got == {
        (UKRAINE, PUTIN): (-1, -1, "disagree", -1, 7, D1, D2),
        (UN, PUTIN): (1, 1, "agree", 1, 2, D2, D2),
    }


def test_proposal_co_support_network(rows):
    graph = build_network(rows, "proposals")
    assert set(graph.nodes) == {CEASEFIRE, TALKS}
    got = {k: pick(d, *ONE_MODE_FIELDS) for k, d in edges(graph).items()}
    assert got == {(CEASEFIRE, TALKS): (1, 1, "co-support", 2, D1, D1)}  # only Ukraine supports both


@pytest.mark.parametrize("network, normalize, expected", [
    # Putin and Ukraine spoke on 2 proposals each, the UN on 1; every pair shares the talks,
    # Putin and Ukraine also the ceasefire.
    ("congruence", "jaccard", {(UKRAINE, UN): 1 / 2, (UKRAINE, PUTIN): 1 / 2, (UN, PUTIN): 1 / 2}),
    ("congruence", "cosine", {(UKRAINE, UN): 1 / math.sqrt(2), (UKRAINE, PUTIN): 1 / 2, (UN, PUTIN): 1 / math.sqrt(2)}),
    ("conflict", "jaccard", {(UKRAINE, PUTIN): 2 / 2, (UKRAINE, UN): 1 / 2}),
    ("conflict", "cosine", {(UKRAINE, PUTIN): 2 / 2, (UKRAINE, UN): 1 / math.sqrt(2)}),
    ("subtract", "jaccard", {(UKRAINE, PUTIN): -1 / 2, (UN, PUTIN): 1 / 2}),
    ("subtract", "cosine", {(UKRAINE, PUTIN): -1 / 2, (UN, PUTIN): 1 / math.sqrt(2)}),
    # One supporter of the ceasefire, three of the talks, one of both.
    ("proposals", "jaccard", {(CEASEFIRE, TALKS): 1 / 3}),
    ("proposals", "cosine", {(CEASEFIRE, TALKS): 1 / math.sqrt(3)}),
])
def test_normalised_weights(rows, network, normalize, expected):
    graph = build_network(rows, network, normalize)
    got = {k: d["weight"] for k, d in edges(graph).items()}
    assert got.keys() == expected.keys()
    for key, weight in expected.items():
        assert got[key] == pytest.approx(weight)
        assert isinstance(got[key], float)


def _row(n: int, actor: str, stance: int, proposal: str, day: str | None = D1) -> StatementRow:
    return StatementRow(statement=f"{ID}statement/x{n}", actor=ID + "actor/" + actor, actor_label=actor,
                        actor_type="person", affiliation="", stance=stance, proposal=ID + "proposal/" + proposal,
                        proposal_label=proposal, proposal_type="", proposal_type_iri="",
                        date=date.fromisoformat(day) if day else None, confidence=1.0, article=ID + "article/x")


def test_two_ambivalent_actors_agree_and_disagree_once_per_proposal():
    rows = [_row(1, "a", 1, "p"), _row(2, "a", -1, "p"), _row(3, "b", 1, "p"), _row(4, "b", -1, "p")]
    key = (ID + "actor/a", ID + "actor/b")
    assert edges(build_network(rows, "congruence"))[key]["weight"] == 1
    assert edges(build_network(rows, "conflict"))[key]["weight"] == 1
    assert edges(build_network(rows, "subtract")) == {}
    assert edges(build_network(rows, "congruence", "jaccard"))[key]["weight"] == 1.0


def test_one_mode_edges_start_when_both_sides_have_spoken():
    rows = [_row(1, "a", 1, "p", "2024-01-01"), _row(2, "b", -1, "p", "2024-02-01"),
            _row(3, "c", 1, "p", "2024-03-01"), _row(4, "a", 1, "q", "2024-04-01"), _row(5, "a", 1, "p", "2024-05-01")]
    a, b, c = (ID + "actor/" + x for x in "abc")
    conflict = edges(build_network(rows, "conflict"))
    assert {k: pick(d, "first_date", "last_date", "evidence") for k, d in conflict.items()} == {
        (a, b): ("2024-02-01", "2024-05-01", 3), (b, c): ("2024-03-01", "2024-03-01", 2)}
    congruence = edges(build_network(rows, "congruence"))
    assert {k: pick(d, "first_date", "last_date") for k, d in congruence.items()} == {
        (a, c): ("2024-03-01", "2024-05-01")}
    proposals = edges(build_network(rows, "proposals"))
    assert {k: pick(d, "first_date", "last_date", "evidence") for k, d in proposals.items()} == {
        (ID + "proposal/p", ID + "proposal/q"): ("2024-04-01", "2024-05-01", 3)}


def test_min_weight_drops_light_edges_but_keeps_nodes(rows):
    graph = build_network(rows, "two-mode", min_weight=2)
    assert list(edges(graph)) == [(PUTIN, CEASEFIRE, "rejects")]
    assert graph.number_of_nodes() == 5
    assert set(edges(build_network(rows, "conflict", min_weight=2))) == {(UKRAINE, PUTIN)}
    # For subtract the absolute weight counts: the -1 edge stays at 1, goes at 1.5.
    assert set(edges(build_network(rows, "subtract", min_weight=1))) == {(UKRAINE, PUTIN), (UN, PUTIN)}
    assert edges(build_network(rows, "subtract", min_weight=1.5)) == {}


def test_bad_network_options_are_errors(rows):
    with pytest.raises(KgError, match="unknown network"):
        build_network(rows, "three-mode")
    with pytest.raises(KgError, match="one-mode"):
        build_network(rows, "two-mode", "jaccard")
    with pytest.raises(KgError, match="unknown normalisation"):
        build_network(rows, "congruence", "pearson")


# ---- filters --------------------------------------------------------------------------------

def _ids(rows) -> list[str]:
    return sorted(r.statement.rsplit("/", 1)[1] for r in rows)


@pytest.mark.parametrize("statement_filter, expected", [
    (StatementFilter(), ["s1", "s2", "s3", "s4", "s5", "s7", "s8"]),
    (StatementFilter(proposals=("ceasefire",)), ["s1", "s2", "s4"]),  # label and type
    (StatementFilter(proposals=("Peace Talks",)), ["s3", "s5", "s7", "s8"]),  # type label, any case
    (StatementFilter(proposals=("PeaceTalks",)), ["s3", "s5", "s7", "s8"]),  # type name
    (StatementFilter(proposals=("peace talks in istanbul",)), ["s3", "s5", "s7", "s8"]),  # proposal label
    (StatementFilter(proposals=(CEASEFIRE,)), ["s1", "s2", "s4"]),  # IRI
    (StatementFilter(proposals=("truce",)), []),
    (StatementFilter(actor_types=("state",)), ["s4", "s5", "s8"]),
    (StatementFilter(actor_types=("person", "organisation")), ["s1", "s2", "s3", "s7"]),
    (StatementFilter(since=date(2024, 3, 10)), ["s2", "s3", "s7", "s8"]),
    (StatementFilter(until=date(2024, 3, 1)), ["s1", "s4", "s5"]),
    (StatementFilter(since=date(2024, 3, 1), until=date(2024, 3, 1)), ["s1", "s4", "s5"]),
    (StatementFilter(min_confidence=0.75), ["s1", "s3", "s4"]),
    (StatementFilter(proposals=("ceasefire",), since=date(2024, 3, 10)), ["s2"]),
])
def test_filters(rows, statement_filter, expected):
    assert _ids(filter_statements(rows, statement_filter)) == expected


def test_date_and_confidence_filters_leave_out_statements_without_them():
    rows = load_statements([str(POSITIONS), str(UNDATED)])
    assert len(filter_statements(rows, StatementFilter())) == 8
    assert len(filter_statements(rows, StatementFilter(until=date(2030, 1, 1)))) == 7
    assert len(filter_statements(rows, StatementFilter(min_confidence=0.1))) == 7


def test_filtered_network(rows):
    graph = build_network(filter_statements(rows, StatementFilter(proposals=("ceasefire",))), "two-mode")
    assert set(graph.nodes) == {PUTIN, UKRAINE, CEASEFIRE}
    assert {k: d["weight"] for k, d in edges(graph).items()} == {
        (PUTIN, CEASEFIRE, "rejects"): 2, (UKRAINE, CEASEFIRE, "supports"): 1}
    # From D2 on, only Ukraine rejects the talks, which Putin and the UN support.
    late = build_network(filter_statements(rows, StatementFilter(since=date(2024, 3, 2))), "conflict")
    assert {k: d["weight"] for k, d in edges(late).items()} == {(UKRAINE, UN): 1, (UKRAINE, PUTIN): 1}


def test_bad_filters_are_errors():
    with pytest.raises(KgError, match="unknown actor type"):
        StatementFilter(actor_types=("company",))
    with pytest.raises(KgError, match="after"):
        StatementFilter(since=date(2024, 2, 1), until=date(2024, 1, 1))


# ---- time windows ------------------------------------------------------------------------

def test_time_windows_cover_the_span_without_gaps(rows):
    windows = time_windows(rows, 7)
    assert [(w.start.isoformat(), w.end.isoformat(), _ids(w.statements)) for w in windows] == [
        ("2024-03-01", "2024-03-07", ["s1", "s4", "s5"]),
        ("2024-03-08", "2024-03-14", []),
        ("2024-03-15", "2024-03-15", ["s2", "s3", "s7", "s8"]),
    ]
    assert [len(w.statements) for w in time_windows(rows, 15)] == [7]
    assert [len(w.statements) for w in time_windows(rows, 14)] == [3, 4]
    (one_day,) = time_windows(rows, 1, start=date(2024, 3, 15), end=date(2024, 3, 15))
    assert _ids(one_day.statements) == ["s2", "s3", "s7", "s8"]
    with pytest.raises(KgError):
        time_windows(rows, 0)


# ---- files ---------------------------------------------------------------------------------

def read_gexf(path: Path, schemas, version: str = "1.3"):
    """Validate PATH against the official XSD of VERSION and return (root, nodes, edges, node attrs by title)."""
    doc = etree.parse(str(path))
    schema = schemas[version]
    assert schema.validate(doc), schema.error_log
    ns = {"g": GEXF_NS[version]}
    root = doc.getroot()
    titles = {(a.getparent().get("class"), a.get("id")): a.get("title") for a in root.iterfind(".//g:attribute", ns)}

    def values(element, cls):
        return {titles[(cls, v.get("for"))]: v.get("value") for v in element.iterfind("g:attvalues/g:attvalue", ns)}

    nodes = {n.get("id"): (n, values(n, "node")) for n in root.iterfind(".//g:nodes/g:node", ns)}
    edges_ = {e.get("id"): (e, values(e, "edge")) for e in root.iterfind(".//g:edges/g:edge", ns)}
    return root, nodes, edges_


@pytest.mark.parametrize("network", ["two-mode", "congruence", "conflict", "subtract", "proposals"])
@pytest.mark.parametrize("version", ["1.3", "1.2draft"])
def test_gexf_validates_and_holds_the_network(tmp_path, rows, schemas, network, version):
    out = tmp_path / "net.gexf"
    summary = export_statements(rows, out, ExportOptions(network=network, gexf_version=version))
    assert summary.files == [out]
    root, nodes, edges_ = read_gexf(out, schemas, version)
    graph = build_network(rows, network)
    assert set(nodes) == set(graph.nodes)
    assert len(edges_) == graph.number_of_edges()
    ns = {"g": GEXF_NS[version]}
    assert root.find("g:graph", ns).get("mode") == "static"
    for (source, target, *key), data in edges(graph).items():
        edge_id = f"{source}|{key[0]}|{target}" if key else f"{source}|{target}"
        if edge_id not in edges_:  # the writer keeps networkx's own endpoint order
            edge_id = f"{target}|{key[0]}|{source}" if key else f"{target}|{source}"
        element, values = edges_[edge_id]
        assert float(element.get("weight")) == data["weight"]
        assert {element.get("source"), element.get("target")} == {source, target}
        assert int(values["sign"]) == data["sign"] and values["stance"] == data["stance"]
        assert int(values["evidence"]) == data["evidence"]
        if key and version == "1.3":
            assert element.get("kind") == key[0]
    for node, data in graph.nodes(data=True):
        element, values = nodes[node]
        assert element.get("label") == data["label"]
        assert values["type"] == data["type"] and int(values["statements"]) == data["statements"]


def test_gexf_two_mode_attributes_and_viz(tmp_path, rows, schemas):
    out = tmp_path / "net.gexf"
    export_statements(rows, out)
    _root, nodes, edges_ = read_gexf(out, schemas)
    ns = {"g": GEXF_NS["1.3"]}
    _, putin = nodes[PUTIN]
    assert putin == {"type": "person", "affiliation": "Russia", "statements": "3", "proposals_supported": "1",
                     "proposals_rejected": "1", "first_date": D1, "last_date": D2}
    _, talks = nodes[TALKS]
    assert talks == {"type": "proposal", "proposal_type": "peace talks", "statements": "4", "supporters": "3",
                     "opponents": "1", "first_date": D1, "last_date": D2}
    element, values = edges_[f"{PUTIN}|rejects|{CEASEFIRE}"]
    assert element.get("weight") == "2" and element.get("kind") == "rejects"
    assert values == {"sign": "-1", "stance": "rejects", "count": "2", "evidence": "2", "articles": "2",
                      "first_date": D1, "last_date": D2}

    def colour(element):
        c = element.find("g:color", ns)
        return int(c.get("r")), int(c.get("g")), int(c.get("b"))

    # Colours by type: the three actor types and proposals all differ, both proposals match.
    colours = {node: colour(element) for node, (element, _) in nodes.items()}
    assert len({colours[PUTIN], colours[UKRAINE], colours[UN], colours[TALKS]}) == 4
    assert colours[CEASEFIRE] == colours[TALKS]
    # Support and rejection edges differ in colour.
    assert colour(edges_[f"{PUTIN}|rejects|{CEASEFIRE}"][0]) != colour(edges_[f"{PUTIN}|supports|{TALKS}"][0])
    # Sizes grow with degree: the talks (4 edges) > Ukraine (3) > Putin (2) > the UN (1).
    size = {node: float(element.find("g:size", ns).get("value")) for node, (element, _) in nodes.items()}
    assert size[TALKS] > size[UKRAINE] > size[PUTIN] > size[UN]
    assert size[TALKS] == 50.0 and size[UN] == 20.0


@pytest.mark.parametrize("version", ["1.3", "1.2draft"])
def test_dynamic_gexf_has_the_intervals(tmp_path, rows, schemas, version):
    out = tmp_path / "dyn.gexf"
    export_statements(rows, out, ExportOptions(dynamic=True, gexf_version=version))
    root, nodes, edges_ = read_gexf(out, schemas, version)
    graph = root.find("g:graph", {"g": GEXF_NS[version]})
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    assert (graph.get("start"), graph.get("end")) == (D1, D2)
    intervals = {node: (e.get("start"), e.get("end")) for node, (e, _) in nodes.items()}
    assert intervals == {PUTIN: (D1, D2), UKRAINE: (D1, D2), UN: (D2, D2), CEASEFIRE: (D1, D2), TALKS: (D1, D2)}
    intervals = {edge: (e.get("start"), e.get("end")) for edge, (e, _) in edges_.items()}
    assert intervals == {
        f"{PUTIN}|rejects|{CEASEFIRE}": (D1, D2),
        f"{PUTIN}|supports|{TALKS}": (D2, D2),
        f"{UKRAINE}|supports|{CEASEFIRE}": (D1, D1),
        f"{UKRAINE}|supports|{TALKS}": (D1, D1),
        f"{UKRAINE}|rejects|{TALKS}": (D2, D2),  # Ukraine's turn against the talks
        f"{UN}|supports|{TALKS}": (D2, D2),
    }


def test_dynamic_conflict_edges_start_when_both_sides_have_spoken(tmp_path, rows, schemas):
    out = tmp_path / "dyn.gexf"
    export_statements(rows, out, ExportOptions(network="conflict", dynamic=True))
    _root, _nodes, edges_ = read_gexf(out, schemas)
    assert {k: (e.get("start"), e.get("end")) for k, (e, _) in edges_.items()} == {
        f"{UKRAINE}|{PUTIN}": (D1, D2), f"{UKRAINE}|{UN}": (D2, D2)}


def test_dynamic_gexf_leaves_undated_elements_without_interval(tmp_path, schemas):
    rows = load_statements([str(POSITIONS), str(UNDATED)])
    out = tmp_path / "dyn.gexf"
    summary = export_statements(rows, out, ExportOptions(dynamic=True))
    assert summary.undated == 1 and "1 undated statement(s) without a time interval" in summary.describe()
    _root, nodes, edges_ = read_gexf(out, schemas)
    eu, _ = nodes[ID + "actor/eu"]
    assert eu.get("start") is None and eu.get("end") is None
    edge, _ = edges_[f"{ID}actor/eu|supports|{CEASEFIRE}"]
    assert edge.get("start") is None


def test_graphml_reads_back_with_every_attribute(tmp_path, rows):
    out = tmp_path / "net.graphml"
    export_statements(rows, out, ExportOptions(network="conflict", normalize="cosine"))
    back = nx.read_graphml(out)
    built = build_network(rows, "conflict", "cosine")
    assert dict(back.nodes(data=True)) == dict(built.nodes(data=True))
    back_edges = edges(back)
    assert {k: d.pop("id") for k, d in back_edges.items()} == {
        (UKRAINE, PUTIN): f"{UKRAINE}|{PUTIN}", (UKRAINE, UN): f"{UKRAINE}|{UN}"}
    assert back_edges == edges(built)
    assert {k: v for k, v in back.graph.items() if not k.endswith("_default")} == {
        "network": "conflict", "normalize": "cosine", "start": D1, "end": D2}
    assert isinstance(back.edges[UKRAINE, UN]["weight"], float)
    assert isinstance(back.nodes[PUTIN]["statements"], int)


def test_graphml_two_mode_keeps_parallel_edges(tmp_path, rows):
    out = tmp_path / "net.graphml"
    export_statements(rows, out)
    back = nx.read_graphml(out, force_multigraph=True)
    built = build_network(rows, "two-mode")
    assert dict(back.nodes(data=True)) == dict(built.nodes(data=True))
    got = {(u, v) if u < v else (v, u): [] for u, v in back.edges()}
    for u, v, data in back.edges(data=True):
        got[(u, v) if u < v else (v, u)].append((data["stance"], data["weight"], data["sign"], data["articles"]))
    assert sorted(got[(UKRAINE, TALKS)]) == [("rejects", 1, -1, 1), ("supports", 1, 1, 1)]
    assert got[(PUTIN, CEASEFIRE)] == [("rejects", 2, -1, 2)]
    assert back.number_of_edges() == 6
    ids = {e.get("id") for e in etree.parse(str(out)).iter("{http://graphml.graphdrawing.org/xmlns}edge")}
    assert f"{UKRAINE}|rejects|{TALKS}" in ids and len(ids) == 6


def test_csv_gives_a_node_table_and_an_edge_table(tmp_path, rows):
    out = tmp_path / "net.csv"
    summary = export_statements(rows, out, ExportOptions(network="subtract"))
    nodes_path, edges_path = tmp_path / "net.nodes.csv", tmp_path / "net.edges.csv"
    assert summary.files == [nodes_path, edges_path] and not out.exists()
    with nodes_path.open(newline="", encoding="utf-8") as handle:
        node_rows = list(csv.DictReader(handle))
    assert {r["Id"]: (r["Label"], r["type"], r["affiliation"], r["statements"]) for r in node_rows} == {
        PUTIN: ("Vladimir Putin", "person", "Russia", "3"), UKRAINE: ("Ukraine", "state", "", "3"),
        UN: ("United Nations", "organisation", "", "1")}
    with edges_path.open(newline="", encoding="utf-8") as handle:
        edge_rows = list(csv.DictReader(handle))
    assert sorted((r["Source"], r["Target"], r["Type"], r["Weight"], r["sign"], r["stance"], r["evidence"],
                   r["first_date"], r["last_date"]) for r in edge_rows) == [
        (UKRAINE, PUTIN, "Undirected", "-1", "-1", "disagree", "7", D1, D2),
        (UN, PUTIN, "Undirected", "1", "1", "agree", "2", D2, D2),
    ]
    assert {r["Id"] for r in edge_rows} == {f"{UKRAINE}|{PUTIN}", f"{UN}|{PUTIN}"}


@pytest.mark.parametrize("fmt, names", [
    ("gexf", ["w-2024-03-01.gexf", "w-2024-03-08.gexf", "w-2024-03-15.gexf"]),
    ("graphml", ["w-2024-03-01.graphml", "w-2024-03-08.graphml", "w-2024-03-15.graphml"]),
    ("csv", ["w-2024-03-01.edges.csv", "w-2024-03-01.nodes.csv", "w-2024-03-08.edges.csv",
             "w-2024-03-08.nodes.csv", "w-2024-03-15.edges.csv", "w-2024-03-15.nodes.csv"]),
])
def test_windows_write_one_network_per_period(tmp_path, rows, schemas, fmt, names):
    out = tmp_path / f"w.{fmt}"
    summary = export_statements(rows, out, ExportOptions(window_days=7, format=fmt))
    assert sorted(p.name for p in tmp_path.iterdir()) == names
    assert summary.windows == 3 and len(summary.files) == len(names)
    if fmt == "gexf":
        _r, _n, first = read_gexf(tmp_path / names[0], schemas)
        _r, empty_nodes, empty = read_gexf(tmp_path / names[1], schemas)
        _r, _n, last = read_gexf(tmp_path / names[2], schemas)
        assert sorted(first) == sorted([f"{PUTIN}|rejects|{CEASEFIRE}", f"{UKRAINE}|supports|{CEASEFIRE}",
                                        f"{UKRAINE}|supports|{TALKS}"])
        assert empty_nodes == {} and empty == {}
        assert sorted(last) == sorted([f"{PUTIN}|rejects|{CEASEFIRE}", f"{PUTIN}|supports|{TALKS}",
                                       f"{UKRAINE}|rejects|{TALKS}", f"{UN}|supports|{TALKS}"])
    elif fmt == "graphml":
        first = nx.read_graphml(tmp_path / names[0], force_multigraph=True)
        assert first.number_of_edges() == 3
        assert first.edges[PUTIN, CEASEFIRE, f"{PUTIN}|rejects|{CEASEFIRE}"]["weight"] == 1
    else:
        with (tmp_path / "w-2024-03-08.edges.csv").open(newline="", encoding="utf-8") as handle:
            assert list(csv.reader(handle)) == [["Source", "Target", "Type", "Id", "Weight", "sign", "stance", "count",
                                                 "evidence", "articles", "first_date", "last_date"]]


def test_windowed_congruence_counts_only_the_window(tmp_path, rows):
    out = tmp_path / "w.graphml"
    export_statements(rows, out, ExportOptions(network="congruence", window_days=7))
    early = nx.read_graphml(tmp_path / "w-2024-03-01.graphml")
    late = nx.read_graphml(tmp_path / "w-2024-03-15.graphml")
    assert early.number_of_edges() == 0  # nobody shares a stance on D1
    assert {k: d["weight"] for k, d in edges(late).items()} == {(UN, PUTIN): 1}


NASTY = '<b>"Tom & Jerry\'s"</b>\x0b\ttab\nnewline \u00e9\u4e2d'


def test_labels_with_markup_quotes_and_control_characters_stay_valid(tmp_path, schemas):
    row = _row(1, "a", 1, "p")
    nasty = StatementRow(**{**{f: getattr(row, f) for f in row.__dataclass_fields__},
                            "actor_label": NASTY, "affiliation": NASTY})
    export_statements([nasty], tmp_path / "n.gexf")
    _root, nodes, _edges = read_gexf(tmp_path / "n.gexf", schemas)
    element, values = nodes[ID + "actor/a"]
    # \x0b is not allowed in XML 1.0; the rest survives (the label, an xs:token, is only whitespace-normalised).
    assert values["affiliation"] == NASTY.replace("\x0b", "\ufffd")
    assert "Tom & Jerry's" in element.get("label")
    export_statements([nasty], tmp_path / "n.graphml")
    assert nx.read_graphml(tmp_path / "n.graphml").nodes[ID + "actor/a"]["label"] == NASTY.replace("\x0b", "\ufffd")
    export_statements([nasty], tmp_path / "n.csv")
    with (tmp_path / "n.nodes.csv").open(newline="", encoding="utf-8") as handle:
        assert list(csv.DictReader(handle))[0]["Label"] == NASTY


# ---- output safety and errors ---------------------------------------------------------------

def test_a_failed_write_leaves_the_old_file_and_no_partial_one(tmp_path, rows, monkeypatch):
    out = tmp_path / "net.gexf"
    out.write_text("previous export", encoding="utf-8")

    def explode(graph, handle, **kwargs):
        handle.write("<gexf>half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kg.export.run.write_gexf", explode)
    with pytest.raises(OutputError, match="No space left on device"):
        export_statements(rows, out)
    assert out.read_text(encoding="utf-8") == "previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["net.gexf"]


def test_a_failed_csv_export_writes_neither_table(tmp_path, rows, monkeypatch):
    def explode(graph, handle):
        handle.write("Source,Target\r\n")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kg.export.run.write_edges_csv", explode)
    with pytest.raises(OutputError, match="No space left on device"):
        export_statements(rows, tmp_path / "net.csv")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("output, options, message", [
    ("net.txt", ExportOptions(), "cannot tell the export format"),
    ("net.gexf", ExportOptions(format="pajek"), "unknown export format"),
    ("net.csv", ExportOptions(dynamic=True), "--dynamic writes a dynamic GEXF"),
    ("net.gexf", ExportOptions(dynamic=True, window_days=7), "alternatives"),
    ("net.gexf", ExportOptions(normalize="jaccard"), "one-mode"),
    ("net.gexf", ExportOptions(window_days=0), "at least 1 day"),
    ("net.gexf", ExportOptions(gexf_version="1.1"), "unknown GEXF version"),
    ("missing/net.gexf", ExportOptions(), "does not exist"),
])
def test_bad_options_fail_before_reading_anything(tmp_path, output, options, message):
    with pytest.raises(KgError, match=message):
        export_network(tmp_path / output, options, data_files=[str(tmp_path / "never-read.ttl")])
    assert list(tmp_path.iterdir()) == []


def test_output_that_is_a_folder_is_an_error(tmp_path):
    (tmp_path / "net.gexf").mkdir()
    with pytest.raises(OutputError, match="is a folder"):
        export_network(tmp_path / "net.gexf", data_files=[str(POSITIONS)])


def test_export_network_reads_the_embedded_store(tmp_path, schemas):
    from kg.rdfio import iter_quads
    from kg.store import open_store

    store = open_store(tmp_path / "store")
    store.extend(list(iter_quads(POSITIONS)))
    store.flush()
    del store
    summary = export_network(tmp_path / "net.gexf", ExportOptions(network="conflict"), store_path=tmp_path / "store")
    assert (summary.statements_read, summary.nodes, summary.edges) == (7, 3, 2)
    _root, _nodes, edges_ = read_gexf(tmp_path / "net.gexf", schemas)
    assert {k: float(e.get("weight")) for k, (e, _) in edges_.items()} == {f"{UKRAINE}|{PUTIN}": 2.0,
                                                                            f"{UKRAINE}|{UN}": 1.0}

"""Saved queries through the Python API: the catalogue and its headers, parameters
bound as RDF terms, what each query answers on a hand-written graph, the result
formats read back by independent parsers, and the synthetic benchmark data."""

from __future__ import annotations

import csv
import io
import json
import shlex
import sys
from pathlib import Path

import pytest
import rdflib
from rdflib import Literal, URIRef

XSD_DATE, XSD_DECIMAL, XSD_INTEGER = (rdflib.URIRef(f"http://www.w3.org/2001/XMLSchema#{t}") for t in ("date", "decimal", "integer"))

from kg.errors import QueryError
from kg.namespaces import KG, KGID
from kg.query import (bound_query_text, catalogue, graph_stats, parse_query_text, proposal_types_matching,
                      read_query_file, run_query_text, run_saved_query, saved_query)
from kg.results import QueryResult, format_result
from kg.sources import memory_source
from kg.sparql import insert_values, query_form, sparql_term, uses_service, values_block

REPO = Path(__file__).resolve().parents[1]
# rdflib's own N-Quads reader trips over its own deprecation
pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")
FIXTURE = REPO / "tests" / "data" / "positions.ttl"
ACTOR = KGID["actor/"]
PROPOSAL = KGID["proposal/"]
EXPECTED_QUERIES = {"who-supports", "who-rejects", "positions-of", "proposals", "conflicts", "allies",
                    "evidence", "timeline", "position-changes"}


@pytest.fixture(scope="module")
def source():
    return memory_source([FIXTURE])


def actors(result: QueryResult, column: str = "actor") -> list[str]:
    return [str(t).rsplit("/", 1)[1] for t in result.column(column)]


# ---- the catalogue ---------------------------------------------------------------------------

def test_catalogue_has_the_promised_queries_each_documented():
    queries = catalogue()
    assert EXPECTED_QUERIES <= set(queries)
    for name, query in queries.items():
        assert query.title and query.description and query.examples, name
        for example in query.examples:
            words = shlex.split(example)
            assert words[:3] == ["kg", "query", name], example
            given = [words[i + 1] for i, w in enumerate(words) if w == "-p"]
            assert set(given) <= {p.name for p in query.parameters}, example
            assert {p.name for p in query.parameters if p.required} <= set(given), example
        for param in query.parameters:
            assert param.meaning, (name, param.name)
        assert query_form(query.text) == "select"


def test_every_saved_query_runs_with_its_example_parameters(source):
    for name, query in catalogue().items():
        words = shlex.split(query.examples[0])
        params = [(words[i + 1], words[i + 2]) for i, w in enumerate(words) if w == "-p"]
        result = run_saved_query(name, params, source)
        assert result.kind == "select", name
        assert result.variables, name


def test_help_text_shows_parameters_and_example():
    text = saved_query("who-supports").help_text()
    assert "Who supports a proposal" in text
    assert "proposal, required" in text
    assert "$ kg query who-supports -p proposal ceasefire" in text


def test_header_parsing_reads_continuations_types_and_defaults():
    query = parse_query_text(
        "# title: T\n# description: first line\n#   second line\n"
        "# param since (date, default 2024-01-01): earliest\n#   date to include\n"
        "# param who (actor, required): the actor\n# example: kg query x -p who un\n"
        "SELECT * WHERE { ?s ?p ?o }\n", "x", require_header=True)
    assert query.description == "first line second line"
    since, who = query.parameters
    assert (since.name, since.type, since.default, since.required) == ("since", "date", "2024-01-01", False)
    assert since.meaning == "earliest date to include"
    assert (who.type, who.required) == ("actor", True)


@pytest.mark.parametrize("header, message", [
    ("# title: T\n# description: D\n# param x (colour, required): x\n# example: e\n", "unknown type 'colour'"),
    ("# title: T\n# description: D\n# param x required: x\n# example: e\n", "cannot read parameter"),
    ("# title: T\n# description: D\n# nonsense here\n# example: e\n", "header line is not"),
    ("# title: T\n# example: e\n", "lacks `# description:`"),
    ("# title: T\n# description: D\n# param x (text, optional): a\n# param x (text, optional): b\n# example: e\n",
     "declared twice"),
])
def test_malformed_headers_fail_naming_the_file_and_line(tmp_path, header, message):
    path = tmp_path / "broken.rq"
    path.write_text(header + "SELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(QueryError) as info:
        read_query_file(path, require_header=True)
    assert message in str(info.value)
    assert str(info.value).startswith(f"{path}:")


def test_unknown_saved_query_suggests_names():
    with pytest.raises(QueryError, match="did you mean who-supports"):
        saved_query("supports")


# ---- binding parameters ---------------------------------------------------------------------

def test_terms_are_escaped_so_they_read_back_as_one_term():
    nasty = 'He said "} ; DROP ALL #\n\\u0022 {braces}'
    text = f"SELECT ?x WHERE {{ {values_block('x', [Literal(nasty)])} }}"
    store = __import__("pyoxigraph").Store()
    (solution,) = list(store.query(text))
    assert solution["x"].value == nasty
    assert sparql_term(Literal("5", datatype=XSD_INTEGER)) == f'"5"^^<{XSD_INTEGER}>'
    assert sparql_term(Literal("paix", lang="fr")) == '"paix"@fr'
    with pytest.raises(QueryError, match="not a valid absolute IRI"):
        sparql_term(URIRef("http://x/> } DROP ALL"))


def test_values_go_inside_the_where_group_or_at_markers():
    text = "PREFIX a: <x:y>\n# { not this }\nSELECT * WHERE { ?s ?p \"{\" . { SELECT ?q WHERE {\n# kg:values q\n?q ?r ?t } } }"
    bound = insert_values(text, {"q": "VALUES ?q { 1 }", "s": "VALUES ?s { 2 }"})
    assert bound.index("VALUES ?s") < bound.index('"{"')
    assert bound.index("# kg:values q") < bound.index("VALUES ?q") < bound.index("?q ?r ?t")
    construct = insert_values("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": "VALUES ?s { 1 }"})
    assert construct.index("VALUES") > construct.index("WHERE")
    with pytest.raises(QueryError, match="no WHERE group"):
        insert_values("CONSTRUCT WHERE { ?s ?p ?o }", {"s": "VALUES ?s { 1 }"})


def test_service_is_found_as_a_keyword_only():
    assert uses_service("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    assert uses_service("select * { service silent <http://example.org/> { } }")
    assert uses_service("SELECT * { \\u0053ERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    assert not uses_service('SELECT ?service { ?service <http://x/SERVICE> "SERVICE" } # SERVICE')
    assert not uses_service("PREFIX ex: <http://x/> SELECT * { ?s ex:SERVICE ?o }")


def test_query_form_refuses_updates():
    with pytest.raises(QueryError, match="update"):
        query_form("PREFIX x: <http://x/> DROP ALL")
    with pytest.raises(QueryError, match="not a SPARQL query"):
        query_form("hello")


def test_injection_attempts_are_data(source):
    before = graph_stats(source)
    for value in ['"} ; DROP ALL #', "'} ; DROP ALL #", 'x" } } ; DROP ALL ; SELECT * { "',
                  "\\u0022} ; DROP ALL #", "nothing}}{{"]:
        result = run_saved_query("who-supports", [("proposal", value)], source)
        assert result.rows == []
        text = bound_query_text(saved_query("evidence"), [("actor", value)], source)
        assert query_form(text) == "select"
    assert graph_stats(source) == before
    with pytest.raises(QueryError, match="not a valid absolute IRI"):
        run_saved_query("who-supports", [("proposal", "<http://x/> } ; DROP ALL #>")], source)


def test_parameter_errors_say_which_parameter(source):
    with pytest.raises(QueryError, match="needs -p proposal"):
        run_saved_query("who-supports", [], source)
    with pytest.raises(QueryError, match="unknown parameter 'colour'"):
        run_saved_query("who-supports", [("proposal", "x"), ("colour", "red")], source)
    with pytest.raises(QueryError, match="not a date"):
        run_saved_query("timeline", [("from", "last tuesday")], source)


def test_proposal_types_are_matched_by_their_label():
    assert proposal_types_matching("ceasefire") == [KG.Ceasefire]
    assert set(proposal_types_matching("peace")) == {KG.PeaceTalks, KG.PeaceAgreement}
    assert proposal_types_matching("zzz") == []


# ---- what the saved queries answer --------------------------------------------------------

def test_who_supports_matches_labels_types_and_iris(source):
    result = run_saved_query("who-supports", [("proposal", "ceasefire")], source)
    assert result.variables == ["actor", "actorLabel", "statements", "articles", "first", "last"]
    rows = result.as_dicts()
    # the "truce" counts too: it is typed kg:Ceasefire; each actor is listed once
    assert actors(result) == ["antonio-guterres", "united-nations", "russia"]
    assert [int(r["statements"]) for r in rows] == [2, 2, 1]
    assert str(rows[0]["actorLabel"]) == "António Guterres"
    assert (str(rows[0]["first"]), str(rows[0]["last"])) == ("2024-01-10", "2024-02-15")
    assert rows[0]["first"].datatype == XSD_DATE
    # the UN's second statement has no date: the first and last dates still come from the dated one
    assert (str(rows[1]["first"]), str(rows[1]["last"])) == ("2024-01-10", "2024-01-10")
    by_alt_label = run_saved_query("who-supports", [("proposal", "istanbul TALKS")], source)
    assert actors(by_alt_label) == ["volodymyr-zelensky"]
    by_iri = run_saved_query("who-supports", [("proposal", f"<{PROPOSAL}truce>")], source)
    assert actors(by_iri) == ["russia", "united-nations"]
    by_full_iri = run_saved_query("who-supports", [("proposal", f"{PROPOSAL}truce")], source)
    assert by_full_iri.rows == by_iri.rows
    several = run_saved_query("who-supports", [("proposal", "truce"), ("proposal", "sanctions")], source)
    assert set(actors(several)) == {"russia", "united-nations", "group-alpha", "ukraine"}


def test_who_rejects(source):
    result = run_saved_query("who-rejects", [("proposal", "ceasefire")], source)
    assert actors(result) == ["russia", "ukraine"]


def test_positions_of(source):
    result = run_saved_query("positions-of", [("actor", "zelensky")], source)
    assert [(str(r["stance"]), str(r["proposal"]).rsplit("/", 1)[1]) for r in result.as_dicts()] == [
        (str(KG.Reject), "peace-talks-in-istanbul"), (str(KG.Support), "peace-talks-in-istanbul")]


def test_proposals_count_supporters_and_opponents(source):
    rows = run_saved_query("proposals", [], source).as_dicts()
    table = {str(r["proposalLabel"]): (int(r["supporters"]), int(r["opponents"]), int(r["articles"])) for r in rows}
    assert table == {"immediate and unconditional ceasefire": (2, 1, 2), "truce": (2, 1, 2),
                     "sanctions on Russia": (2, 1, 2), "peace talks in Istanbul": (1, 1, 2)}
    assert rows[0]["type"] == KG.Ceasefire


def test_conflicts_and_allies(source):
    conflicts = run_saved_query("conflicts", [("proposal", "ceasefire")], source)
    rows = conflicts.as_dicts()
    pairs = {(str(r["actor"]).rsplit("/", 1)[1], str(r["other"]).rsplit("/", 1)[1])
             for r in rows if r["stance"] == KG.Support}
    assert pairs == {("antonio-guterres", "russia"), ("united-nations", "russia"),
                     ("russia", "ukraine"), ("united-nations", "ukraine")}
    assert len(rows) == 8  # each conflict from both sides
    assert all(r["stance"] != r["otherStance"] for r in rows)
    of_russia = run_saved_query("conflicts", [("actor", "russia")], source)
    # opposed on the ceasefire (by two) and on sanctions (by two), and on the truce it backed (by one)
    assert set(actors(of_russia)) == {"russia"} and len(of_russia) == 5
    allies = run_saved_query("allies", [("actor", "guterres")], source)
    assert actors(allies, "ally") == ["united-nations"]
    everyone = run_saved_query("allies", [], source)
    assert len(everyone) == 6  # three pairs, each from both sides


def test_evidence_gives_quotes_dates_and_sources(source):
    rows = run_saved_query("evidence", [("actor", "guterres"), ("proposal", "ceasefire")], source).as_dicts()
    assert [str(r["evidence"]) for r in rows] == ["Guterres called for an immediate and unconditional ceasefire.",
                                                 "Guterres repeated his call for a ceasefire."]
    assert [str(r["date"]) for r in rows] == ["2024-01-10", "2024-02-15"]
    assert str(rows[0]["url"]) == "https://news.example.org/2024/01/10/un"
    assert str(rows[0]["publisher"]) == "Reuters"
    assert Literal("0.92", datatype=XSD_DECIMAL).eq(rows[0]["confidence"])


def test_timeline_filters_dates(source):
    everything = run_saved_query("timeline", [], source)
    assert len(everything) == 11  # twelve statements, one undated
    dates = [str(d) for d in everything.column("date")]
    assert dates == sorted(dates)
    window = run_saved_query("timeline", [("from", "2024-02-01"), ("to", "2024-02-28")], source)
    assert {str(d) for d in window.column("date")} == {"2024-02-15"}


def test_position_changes(source):
    rows = run_saved_query("position-changes", [], source).as_dicts()
    assert len(rows) == 1
    row = rows[0]
    assert str(row["actor"]).endswith("volodymyr-zelensky")
    assert (row["from"], str(row["fromDate"]), row["to"], str(row["toDate"])) == (
        KG.Support, "2024-01-10", KG.Reject, "2024-03-20")
    assert str(row["fromArticle"]).endswith("un-2024-01-10") and str(row["toArticle"]).endswith("kyiv-2024-03-20")


def test_ad_hoc_queries_with_parameters(source):
    result = run_query_text("PREFIX kg: <https://w3id.org/kg-positions/ns#>\n"
                            "SELECT ?s WHERE { ?s kg:actor ?who } ORDER BY ?s", source,
                            params=[("who", f"<{ACTOR}russia>")])
    assert len(result) == 3
    ask = run_query_text("ASK { ?s ?p ?o }", source)
    assert ask.boolean is True
    graph = run_query_text("PREFIX kg: <https://w3id.org/kg-positions/ns#>\n"
                           "CONSTRUCT { ?a kg:supports ?p } WHERE { ?a kg:supports ?p }", source)
    assert graph.kind == "graph" and len(graph.graph) == 7


def test_stats_count_the_fixture(source):
    stats = graph_stats(source)
    assert (stats.articles, stats.statements, stats.actors, stats.proposals, stats.named_graphs) == (4, 12, 6, 4, 4)
    assert stats.default_graph_triples == 0
    assert stats.triples > 200


# ---- formats ---------------------------------------------------------------------------------

def test_csv_tsv_and_json_read_back(source):
    result = run_saved_query("evidence", [("actor", "alpha")], source)
    assert len(result) == 1
    rows = list(csv.DictReader(io.StringIO(format_result(result, "csv"), newline="")))
    assert rows[0]["evidence"] == '"We back the sanctions, all of them," the group said;\nit wants more.'
    assert rows[0]["actorLabel"] == 'Group "Alpha" {X}'
    assert rows[0]["actor"] == f"{ACTOR}group-alpha"
    tsv = list(csv.reader(io.StringIO(format_result(result, "tsv")), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert tsv[0][0] == "?date" and len(tsv) == 2
    assert tsv[1][tsv[0].index("?actor")] == f"<{ACTOR}group-alpha>"
    assert tsv[1][tsv[0].index("?evidence")].startswith('"\\"We back')
    document = json.loads(format_result(result, "json"))
    assert document["head"]["vars"] == result.variables
    binding = document["results"]["bindings"][0]
    assert binding["actor"] == {"type": "uri", "value": f"{ACTOR}group-alpha"}
    assert binding["date"]["datatype"] == str(XSD_DATE)
    # rdflib's own reader of the W3C format agrees
    parsed = rdflib.query.Result.parse(io.StringIO(format_result(result, "json")), format="json")
    (row,) = list(parsed)
    assert str(row["evidence"]) == rows[0]["evidence"]


def test_table_is_aligned_and_ask_and_graph_formats(source):
    result = run_saved_query("who-rejects", [("proposal", "ceasefire")], source)
    lines = format_result(result, "table").splitlines()
    assert lines[0].split() == result.variables
    assert lines[-1] == "(2 rows)"
    assert lines[2].index("Russia") == lines[0].index("actorLabel")
    ask = run_query_text("ASK { ?s ?p ?o }", source)
    assert json.loads(format_result(ask, "json")) == {"head": {}, "boolean": True}
    graph = run_query_text("DESCRIBE <https://w3id.org/kg-positions/id/actor/russia>", source)
    back = rdflib.Graph().parse(data=format_result(graph, "turtle"), format="turtle")
    assert (URIRef(f"{ACTOR}russia"), rdflib.RDFS.label, Literal("Russia")) in back
    nt = rdflib.Graph().parse(data=format_result(graph, "nt"), format="nt")
    assert len(nt) == len(back)
    with pytest.raises(Exception, match="turtle or nt"):
        format_result(graph, "csv")


# ---- the benchmark's synthetic data ---------------------------------------------------------

def test_synthetic_data_is_laid_out_as_rdf_mapping_emits_it(tmp_path):
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from synthetic import synthetic_results, write_synthetic
    finally:
        sys.path.remove(str(REPO / "bench"))
    from kg.rdf_mapping import to_rdf

    path = tmp_path / "s.nq"
    write_synthetic(path, 250, seed=7)
    written = rdflib.Dataset()
    written.parse(path, format="nquads")
    expected = to_rdf(synthetic_results(250, seed=7))
    assert set(written.quads()) == set(expected.quads())
    results = list(synthetic_results(250, seed=7))
    assert sum(len(r.statements) for r in results) == 250
    stances = {s.stance for r in results for s in r.statements}
    assert stances == {"supports", "rejects"}


# ---- ORDER BY applied by kg -------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(catalogue()))
def test_kg_sorts_saved_query_answers_as_the_engine_would(source, name):
    from kg.ordering import split_order_by

    query = catalogue()[name]
    assert split_order_by(query.text) is not None or name == "proposals"  # proposals sorts on an expression
    for example in query.examples:
        words = shlex.split(example)
        params = [(words[i + 1], words[i + 2]) for i, w in enumerate(words) if w == "-p"]
        text = bound_query_text(query, params, source)
        assert run_saved_query(name, params, source).rows == source.query(text).rows, example


def test_order_by_stays_with_the_engine_when_kg_cannot_apply_it():
    from kg.ordering import OrderKey, split_order_by

    body, keys = split_order_by("SELECT ?a ?n WHERE { ?a ?p ?n } ORDER BY DESC(?n) ?a # last\n")
    assert keys == [OrderKey("n", True), OrderKey("a")] and "ORDER" not in body
    assert split_order_by("SELECT ?a WHERE { ?a ?p ?n } ORDER BY ?a LIMIT 10") is None
    assert split_order_by("SELECT ?a WHERE { ?a ?p ?n } ORDER BY STR(?a)") is None
    assert split_order_by("SELECT ?a WHERE { { SELECT ?a WHERE { ?a ?p ?n } ORDER BY ?a LIMIT 1 } }") is None
    assert split_order_by("SELECT ?a WHERE { ?a ?p ?n } ORDER BY ?n", projected=["a"]) is None


def test_kg_orders_numbers_by_value_and_unbound_first(source):
    text = """SELECT ?x ?n WHERE { VALUES (?x ?n) { ("b" 10) ("a" 9) ("c" UNDEF) ("d" 9.5) } } ORDER BY ?n DESC(?x)"""
    rows = run_query_text(text, source).rows
    assert [str(r[0]) for r in rows] == ["c", "a", "d", "b"]
    assert rows == source.query(text).rows


def test_kg_sorts_equal_terms_held_in_separate_objects_as_one():
    # an endpoint's answer builds a new term object per cell; equal terms must still sort as one
    from kg.ordering import OrderKey, sort_rows

    XSD = rdflib.XSD
    rows = [(Literal("b"), Literal("1", datatype=XSD.integer)), (Literal("a"), Literal("2", datatype=XSD.integer)),
            (Literal("b"), Literal("3", datatype=XSD.integer)), (Literal("a"), Literal("1.0", datatype=XSD.decimal))]
    ordered = sort_rows(["x", "n"], rows, [OrderKey("x")])
    assert [(str(x), str(n)) for x, n in ordered] == [("a", "2"), ("a", "1.0"), ("b", "1"), ("b", "3")]
    # 1 and 1.0 are equal in SPARQL order, so x decides between them
    by_number = sort_rows(["x", "n"], rows, [OrderKey("n"), OrderKey("x")])
    assert [(str(x), str(n)) for x, n in by_number] == [("a", "1.0"), ("b", "1"), ("a", "2"), ("b", "3")]


def test_local_answers_give_each_kind_of_term_as_rdflib_writes_it(tmp_path):
    data = tmp_path / "terms.ttl"
    data.write_text('@prefix ex: <http://example.org/> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n'
                    'ex:s ex:plain "plain" ; ex:typed "typed"^^xsd:string ; ex:lang "mot"@fr ; ex:int 7 ;\n'
                    '  ex:date "2024-02-29"^^xsd:date ; ex:own "x"^^ex:code ; ex:node [ ] ; ex:iri ex:o .\n',
                    encoding="utf-8")
    rows = memory_source([data]).select("SELECT ?p ?o WHERE { <http://example.org/s> ?p ?o }").rows
    terms = {str(p).rsplit("/", 1)[1]: o for p, o in rows}
    XSD = rdflib.XSD
    expected = {"plain": Literal("plain"), "typed": Literal("typed"), "lang": Literal("mot", lang="fr"),
                "int": Literal("7", datatype=XSD.integer), "date": Literal("2024-02-29", datatype=XSD.date),
                "own": Literal("x", datatype=URIRef("http://example.org/code")),
                "iri": URIRef("http://example.org/o")}
    assert {k: v for k, v in terms.items() if k != "node"} == expected
    # strings come back without a datatype, so answers from every source compare equal
    assert terms["plain"].datatype is None and terms["typed"].datatype is None
    assert terms["int"].toPython() == 7 and str(terms["date"].toPython()) == "2024-02-29"
    assert isinstance(terms["node"], rdflib.BNode)

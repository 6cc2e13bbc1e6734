"""`kg extract` through the command line: formats, determinism, the store, bad input."""

from __future__ import annotations

import json

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, SKOS

from kg.cli import cli
from kg.namespaces import KG

ARTICLE_A = ("Ministers back truce plan\n\n"
             "Finance Minister Tomas Berg rejected the proposed budget on Tuesday.\n\n"
             "Senator Alan Reyes called for a nationwide referendum on the reform.\n")
ARTICLE_B = ("Reyes endorses treaty\n\nSenator Alan Reyes endorsed the fishing treaty with Norway.\n")


def run(*args, **kwargs):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, **kwargs)


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return folder


@pytest.mark.parametrize("ext, fmt", [(".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld"),
                                       (".trig", "trig"), (".nq", "nquads")])
def test_output_format_follows_extension(corpus, tmp_path, ext, fmt):
    out = tmp_path / f"out{ext}"
    result = run("extract", corpus, "-o", out)
    assert result.exit_code == 0, result.output
    graph = rdflib.Dataset() if fmt in ("trig", "nquads", "json-ld") else rdflib.Graph()
    graph.parse(out, format=fmt)
    triples = list(graph.quads((None, RDF.type, KG.Statement, None))) if isinstance(graph, rdflib.Dataset) \
        else list(graph.triples((None, RDF.type, KG.Statement)))
    assert len(triples) >= 3
    assert "3 statement(s)" in result.output or "statement(s)" in result.output
    assert "validated: conforms" in result.output


def test_output_file_gets_ordinary_permissions(corpus, tmp_path):
    # written through a temporary file, it still gets the mode a plain open() would give it, and a
    # file it replaces keeps its own mode
    import os

    umask = os.umask(0o022)
    try:
        out = tmp_path / "out.ttl"
        assert run("extract", corpus, "-o", out).exit_code == 0
        assert out.stat().st_mode & 0o777 == 0o644
        out.chmod(0o640)
        assert run("extract", corpus, "-o", out).exit_code == 0
        assert out.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(umask)


def test_same_article_twice_gives_isomorphic_graphs(corpus, tmp_path):
    first, second = tmp_path / "1.ttl", tmp_path / "2.ttl"
    assert run("extract", corpus, "-o", first).exit_code == 0
    assert run("extract", corpus, "-o", second).exit_code == 0
    assert isomorphic(rdflib.Graph().parse(first), rdflib.Graph().parse(second))


def test_same_actor_in_two_articles_gets_one_iri(corpus, tmp_path):
    out = tmp_path / "out.ttl"
    run("extract", corpus, "-o", out)
    graph = rdflib.Graph().parse(out)
    reyes = {s for s, o in graph.subject_objects(RDFS.label) if str(o) == "Alan Reyes"}
    assert len(reyes) == 1
    actor = reyes.pop()
    assert (actor, RDF.type, KG.Person) in graph
    assert len(set(graph.subjects(KG.actor, actor))) == 2  # one statement from each article
    assert (actor, KG.role, rdflib.Literal("Senator")) in graph


def test_direct_positions_are_backed_by_statements(corpus, tmp_path):
    out = tmp_path / "out.ttl"
    run("extract", corpus, "-o", out)
    graph = rdflib.Graph().parse(out)
    for stance, concept in ((KG.supports, KG.Support), (KG.rejects, KG.Reject)):
        for actor, proposal in graph.subject_objects(stance):
            backing = [s for s in graph.subjects(KG.actor, actor)
                       if (s, KG.proposal, proposal) in graph and (s, KG.stance, concept) in graph]
            assert backing, (actor, stance, proposal)


def test_evidence_offsets_and_confidence(corpus, tmp_path):
    out = tmp_path / "out.ttl"
    run("extract", corpus, "-o", out)
    graph = rdflib.Graph().parse(out)
    text = ARTICLE_A
    for statement in graph.subjects(RDF.type, KG.Statement):
        start = int(graph.value(statement, KG.evidenceStart))
        end = int(graph.value(statement, KG.evidenceEnd))
        evidence = str(graph.value(statement, KG.evidence))
        article = graph.value(statement, KG.sourceArticle)
        doc_id = str(graph.value(article, KG.documentId))
        source = ARTICLE_A if doc_id == "a" else ARTICLE_B
        assert source[start:end] == evidence
        assert 0 <= float(graph.value(statement, KG.confidence)) <= 1
    del text


def test_actors_have_aliases_and_types(tmp_path):
    article = tmp_path / "c.txt"
    article.write_text("Headline\n\nFrench President Claire Dubois backed the climate accord.\n\n"
                       "Dubois later rejected the tariff increase.\n", encoding="utf-8")
    out = tmp_path / "c.ttl"
    run("extract", article, "-o", out)
    graph = rdflib.Graph().parse(out)
    actor = next(s for s, o in graph.subject_objects(RDFS.label) if str(o) == "Claire Dubois")
    assert {str(a) for a in graph.objects(actor, SKOS.altLabel)} >= {"Dubois"}
    france = graph.value(actor, KG.affiliation)
    assert str(graph.value(france, RDFS.label)) == "France"
    assert (france, RDF.type, KG.State) in graph


def test_store_receives_statements_and_reextraction_replaces(corpus, tmp_path):
    import pyoxigraph as ox

    store_dir = tmp_path / "store"
    assert run("extract", corpus, "--store", store_dir).exit_code == 0
    assert run("extract", corpus, "--store", store_dir).exit_code == 0
    store = ox.Store.read_only(str(store_dir))
    count = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a <%s> } }" % KG.Statement)))[0]
    reference = tmp_path / "reference.ttl"
    run("extract", corpus, "-o", reference)
    expected = len(set(rdflib.Graph().parse(reference).subjects(RDF.type, KG.Statement)))
    assert expected >= 3
    assert int(count.value) == expected  # not doubled by the second run
    del store


def test_store_location_from_environment(corpus, tmp_path):
    store_dir = tmp_path / "envstore"
    result = run("extract", corpus, env={"KG_STORE": str(store_dir)})
    assert result.exit_code == 0, result.output
    assert store_dir.is_dir() and any(store_dir.iterdir())
    assert str(store_dir) in result.output


def test_min_confidence_option(corpus, tmp_path):
    out = tmp_path / "out.ttl"
    run("extract", corpus, "-o", out, "--min-confidence", "1")
    graph = rdflib.Graph().parse(out)
    assert not list(graph.subjects(RDF.type, KG.Statement))


def test_jsonl_records_carry_date_url_outlet(tmp_path):
    records = tmp_path / "news.jsonl"
    rows = [
        {"id": "r1", "url": "https://news.example.org/r1", "title": "Berg rejects budget", "date": "2024-03-05",
         "outlet": "Example News", "text": "Finance Minister Tomas Berg rejected the proposed budget on Tuesday."},
        {"id": "r2", "title": "Treaty", "date": "2024-04", "text": "Senator Alan Reyes endorsed the fishing treaty."},
    ]
    records.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "news.ttl"
    assert run("extract", records, "-o", out).exit_code == 0
    graph = rdflib.Graph().parse(out)
    from kg.namespaces import SCHEMA

    article = next(graph.subjects(KG.documentId, rdflib.Literal("r1")))
    assert str(graph.value(article, SCHEMA.url)) == "https://news.example.org/r1"
    assert isinstance(graph.value(article, SCHEMA.url), rdflib.URIRef)
    assert str(graph.value(article, SCHEMA.publisher)) == "Example News"
    statement = next(graph.subjects(KG.sourceArticle, article))
    date = graph.value(statement, KG.date)
    assert str(date) == "2024-03-05" and date.datatype == rdflib.XSD.date
    other = next(graph.subjects(KG.documentId, rdflib.Literal("r2")))
    assert graph.value(next(graph.subjects(KG.sourceArticle, other)), KG.date).datatype == rdflib.XSD.gYearMonth


def test_html_article(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Reyes backs treaty</title></head><body><nav>Home | World</nav>"
                    "<article><h1>Reyes backs treaty</h1><p>Senator Alan Reyes endorsed the fishing treaty with "
                    "Norway on Monday, saying it would protect jobs in coastal towns for a generation.</p>"
                    "<p>The treaty still needs the approval of parliament, which votes next month on the text.</p>"
                    "</article><footer>Copyright 2024</footer></body></html>", encoding="utf-8")
    out = tmp_path / "page.ttl"
    result = run("extract", page, "-o", out)
    assert result.exit_code == 0, result.output
    graph = rdflib.Graph().parse(out)
    labels = {str(o) for o in graph.objects(None, RDFS.label)}
    assert "Alan Reyes" in labels


@pytest.mark.parametrize("name, content, needle", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n ", "empty"),
    ("binary.txt", b"\x00\x01\x02PNG\x00\x00", "binary"),
    ("latin1.txt", "Caf\u00e9 au lait\nSecond line\n".encode("latin-1"), "UTF-8"),
    ("bad.jsonl", b'{"text": "fine record here"}\n{"text": broken\n', "bad.jsonl:2"),
    ("notext.jsonl", b'{"title": "no text field"}\n', "text"),
])
def test_bad_input_gets_one_line_error_and_no_output(tmp_path, name, content, needle):
    path = tmp_path / name
    path.write_bytes(content)
    out = tmp_path / "out.ttl"
    result = CliRunner().invoke(cli, ["extract", str(path), "-o", str(out)])
    assert result.exit_code == 2
    message = result.output.strip()
    assert message.startswith("kg: error:") and "\n" not in message
    assert name in message and needle in message
    assert "Traceback" not in result.output
    assert not out.exists()
    assert not list(tmp_path.glob(".out.ttl.*"))


def test_missing_path(tmp_path):
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o.ttl")])
    assert result.exit_code == 2
    assert "nope.txt" in result.output and "no such file" in result.output


def test_existing_output_survives_a_failed_run(corpus, tmp_path):
    out = tmp_path / "out.ttl"
    out.write_text("# precious\n", encoding="utf-8")
    bad = corpus / "z.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00")
    result = CliRunner().invoke(cli, ["extract", str(corpus), "-o", str(out)])
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == "# precious\n"


def test_unknown_output_extension(corpus, tmp_path):
    result = CliRunner().invoke(cli, ["extract", str(corpus), "-o", str(tmp_path / "out.docx")])
    assert result.exit_code == 2
    assert "out.docx" in result.output


def test_unknown_model_is_a_clear_error(corpus, tmp_path):
    result = CliRunner().invoke(cli, ["extract", str(corpus), "-o", str(tmp_path / "o.ttl"), "--model", "no_such_model_xx"])
    assert result.exit_code == 2
    assert "no_such_model_xx" in result.output and "Traceback" not in result.output


def test_jobs_option_gives_the_same_graph(corpus, tmp_path):
    one, two = tmp_path / "one.nq", tmp_path / "two.nq"
    assert run("extract", corpus, "-o", one, "--no-validate").exit_code == 0
    result = run("extract", corpus, "-o", two, "--no-validate", "--jobs", "2")
    assert result.exit_code == 0, result.output
    graphs = []
    for path in (one, two):
        dataset = rdflib.Dataset()
        dataset.parse(path, format="nquads")
        graph = rdflib.Graph()
        for s, p, o, _g in dataset.quads((None, None, None, None)):
            graph.add((s, p, o))
        graphs.append(graph)
    assert len(graphs[0]) > 20
    assert isomorphic(graphs[0], graphs[1])
    assert run("extract", corpus, "-o", two, "--jobs", "0").exit_code == 2

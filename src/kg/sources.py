"""Where a graph is read from: RDF files loaded into memory, the embedded on-disk
store, or a remote SPARQL 1.1 endpoint, all behind one small interface.

Local sources query the union of the named graphs as their default graph. A local
query may not use SERVICE (which would reach the network) unless allowed.
"""

from __future__ import annotations

import netrc
import os
import socket
import urllib.error
from pathlib import Path
from typing import Iterable, Protocol
from urllib.parse import urlsplit, urlunsplit

import pyoxigraph as ox
import rdflib

from kg.errors import EndpointError, QueryError
from kg.rdfio import to_rdflib_term
from kg.results import QueryResult, normalise_term, term_from_json
from kg.sparql import query_form, uses_service

DEFAULT_TIMEOUT = 60.0


class GraphSource(Protocol):
    """Anything kg can ask SPARQL queries of."""

    description: str

    def query(self, sparql: str) -> QueryResult: ...

    def select(self, sparql: str) -> QueryResult: ...

    def construct(self, sparql: str) -> rdflib.Graph: ...

    def ask(self, sparql: str) -> bool: ...


class _FormChecks:
    """select/construct/ask on top of query(), each checking it got the form it asked for."""

    def query(self, sparql: str) -> QueryResult:  # pragma: no cover - overridden
        raise NotImplementedError

    def select(self, sparql: str) -> QueryResult:
        result = self.query(sparql)
        if result.kind != "select":
            raise QueryError("expected a SELECT query")
        return result

    def construct(self, sparql: str) -> rdflib.Graph:
        result = self.query(sparql)
        if result.graph is None:
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        return result.graph

    def ask(self, sparql: str) -> bool:
        result = self.query(sparql)
        if result.boolean is None:
            raise QueryError("expected an ASK query")
        return result.boolean


_XSD_STRING = str(rdflib.XSD.string)
_DATATYPES: dict[str, rdflib.URIRef] = {}  # the few datatype IRIs answers use, built once


def answer_term(term):
    """A term of a pyoxigraph answer as kg returns it: normalise_term(to_rdflib_term(term)).

    Literals, the costliest terms to build, take the short way: a plain string goes
    straight to rdflib's untyped Literal (building the typed one and normalising it
    cost four times as much), a typed one reuses its datatype's URIRef.
    """
    if type(term) is not ox.Literal:
        return to_rdflib_term(term)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == _XSD_STRING:
        return rdflib.Literal(term.value)
    iri = _DATATYPES.get(datatype)
    if iri is None:
        iri = _DATATYPES[datatype] = rdflib.URIRef(datatype)
    return rdflib.Literal(term.value, datatype=iri)


def _graph_of(triples) -> rdflib.Graph:
    """pyoxigraph triples (or quads, graphs merged) as an rdflib Graph with plain string literals."""
    graph = rdflib.Graph()
    for t in triples:
        graph.add((to_rdflib_term(t.subject), to_rdflib_term(t.predicate), normalise_term(to_rdflib_term(t.object))))
    return graph


class LocalSource(_FormChecks):
    """A pyoxigraph store (in memory or on disk), queried with the union of its graphs as default graph."""

    def __init__(self, store: ox.Store, description: str, allow_service: bool = False):
        self.store = store
        self.description = description
        self.allow_service = allow_service

    def query(self, sparql: str) -> QueryResult:
        query_form(sparql)  # refuses updates with a clear message before the engine sees them
        if uses_service(sparql) and not self.allow_service:
            raise QueryError("the query uses SERVICE, which would send requests over the network; "
                             "pass --allow-service if that is intended")
        try:
            answer = self.store.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as err:
            raise QueryError(f"SPARQL syntax error: {str(err).splitlines()[0]}") from None
        except OSError as err:
            raise QueryError(f"query failed on {self.description}: {str(err).splitlines()[0]}") from None
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult(boolean=bool(answer))
        if isinstance(answer, ox.QueryTriples):
            return QueryResult(graph=_graph_of(answer))
        variables = [v.value for v in answer.variables]
        converted: dict = {None: None}  # answers repeat the same few actors and proposals

        def convert(term):
            value = converted.get(term, converted)
            if value is converted:
                value = converted[term] = answer_term(term)
            return value

        try:
            rows = [tuple(convert(t) for t in solution) for solution in answer]
        except OSError as err:
            raise QueryError(f"query failed on {self.description}: {str(err).splitlines()[0]}") from None
        return QueryResult(variables=variables, rows=rows)


def memory_source(data_files: Iterable[str | Path], input_format: str | None = None,
                  allow_service: bool = False) -> LocalSource:
    """RDF files loaded into an in-memory store (nothing is written to disk), split by article."""
    from kg.load import read_split
    from kg.store import replace_graphs

    files = [str(p) for p in data_files]
    store = ox.Store()  # no path: memory only
    replace_graphs(store, read_split(files, input_format))  # and builds the index graph
    return LocalSource(store, f"--data {' '.join(files)}", allow_service)


def store_source(store_path: str | Path | None = None, allow_service: bool = False) -> LocalSource:
    """The embedded on-disk store, opened read-only so queries never change it."""
    from kg.store import default_store_path, open_store

    location = Path(store_path) if store_path else default_store_path()
    store = open_store(location, create=False, read_only=True)
    return LocalSource(store, f"store {location}", allow_service)


# ---- remote endpoints --------------------------------------------------------------------

def redact(url: str) -> str:
    """The URL without any user:password@ part, for messages."""
    parts = urlsplit(url)
    if parts.username or parts.password:
        host = parts.hostname or ""
        if parts.port:
            host += f":{parts.port}"
        return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    return url


def endpoint_credentials(url: str) -> tuple[str, str] | None:
    """(user, password) for URL: $KG_ENDPOINT_USER/$KG_ENDPOINT_PASSWORD, else ~/.netrc ($NETRC)."""
    user = os.environ.get("KG_ENDPOINT_USER")
    if user:
        return user, os.environ.get("KG_ENDPOINT_PASSWORD", "")
    host = urlsplit(url).hostname
    path = os.environ.get("NETRC") or str(Path.home() / ".netrc")
    if host and Path(path).is_file():
        try:
            entry = netrc.netrc(path).authenticators(host)
        except (netrc.NetrcParseError, OSError) as err:
            raise EndpointError(f"{path}: cannot read credentials: {err}") from None
        if entry:
            return entry[0] or "", entry[2] or ""
    return None


def check_endpoint_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise EndpointError(f"{redact(url)}: not an http(s) URL of a SPARQL endpoint")
    return url


def describe_http_failure(url: str, err: BaseException, timeout: float) -> str:
    """One line saying why a request to URL failed."""
    if isinstance(err, urllib.error.HTTPError):
        body = ""
        try:
            body = err.read().decode("utf-8", "replace").strip().splitlines()[0][:200]
        except Exception:  # the body is only a hint; a failure to read it changes nothing
            pass
        return f"HTTP {err.code} {err.reason}" + (f": {body}" if body else "")
    if isinstance(err, (socket.timeout, TimeoutError)):
        return f"no answer within {timeout:g} s"
    if isinstance(err, urllib.error.URLError):
        reason = err.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            return f"no answer within {timeout:g} s"
        return f"cannot connect ({getattr(reason, 'strerror', None) or reason})"
    return f"{type(err).__name__}: {err}"


class EndpointSource(_FormChecks):
    """A remote SPARQL 1.1 query endpoint, spoken to with SPARQLWrapper (SPARQL 1.1 Protocol)."""

    def __init__(self, url: str, timeout: float = DEFAULT_TIMEOUT):
        self.url = check_endpoint_url(url)
        self.description = f"endpoint {redact(url)}"
        self.timeout = timeout
        self.credentials = endpoint_credentials(url)

    def _wrapper(self, sparql: str, accept: str):
        from SPARQLWrapper import POST, SPARQLWrapper

        wrapper = SPARQLWrapper(self.url)
        wrapper.setMethod(POST)
        wrapper.setTimeout(int(max(1, round(self.timeout))))
        wrapper.setQuery(sparql)
        # SPARQLWrapper guesses the form with a regex that a word such as "dropped" in a
        # comment fools into sending the query as an update; kg's lexer knows better
        wrapper.queryType = query_form(sparql).upper()
        wrapper.setOnlyConneg(True)
        wrapper.addCustomHttpHeader("Accept", accept)
        if self.credentials:
            wrapper.setCredentials(*self.credentials)
        return wrapper

    def _fetch(self, sparql: str, accept: str) -> bytes:
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        try:
            response = self._wrapper(sparql, accept).query().response
            return response.read()
        except SPARQLWrapperException as err:
            message = " ".join(str(err).split())[:300]
            if type(err).__name__ == "QueryBadFormed":
                raise QueryError(f"{self.description} rejected the query: {message}") from None
            raise EndpointError(f"{self.description}: {message}") from None
        except (urllib.error.URLError, OSError, ValueError) as err:
            raise EndpointError(f"{self.description}: {describe_http_failure(self.url, err, self.timeout)}") from None

    def query(self, sparql: str) -> QueryResult:
        import json

        form = query_form(sparql)
        if form in ("construct", "describe"):
            data = self._fetch(sparql, "application/n-triples, text/turtle;q=0.9")
            try:
                return QueryResult(graph=_graph_of(ox.parse(data, format=ox.RdfFormat.TURTLE)))
            except (SyntaxError, ValueError) as err:
                raise EndpointError(f"{self.description} sent an unreadable graph: {err}") from None
        data = self._fetch(sparql, "application/sparql-results+json")
        try:
            document = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise EndpointError(f"{self.description} did not answer with SPARQL results JSON") from None
        if "boolean" in document:
            return QueryResult(boolean=bool(document["boolean"]))
        variables = list(document.get("head", {}).get("vars", []))
        rows = [tuple(term_from_json(b[v]) if v in b else None for v in variables)
                for b in document.get("results", {}).get("bindings", [])]
        return QueryResult(variables=variables, rows=rows)


def open_source(data_files: Iterable[str | Path] = (), store_path: str | Path | None = None,
                endpoint: str | None = None, input_format: str | None = None,
                allow_service: bool = False, timeout: float = DEFAULT_TIMEOUT) -> GraphSource:
    """The graph to query: an endpoint if given, else the --data files, else the embedded store."""
    data_files = list(data_files)
    if endpoint and data_files:
        raise QueryError("give either --endpoint or --data, not both")
    if endpoint:
        return EndpointSource(endpoint, timeout=timeout)
    if data_files:
        return memory_source(data_files, input_format, allow_service)
    return store_source(store_path, allow_service)

"""Send statements to a remote store, one named graph per article, so a push can be
repeated safely: SPARQL 1.1 Update (DROP SILENT GRAPH + INSERT DATA, several graphs
per request) or the SPARQL 1.1 Graph Store HTTP Protocol (one PUT per graph).

Failed requests (no connection, timeout, HTTP 5xx or 429) are retried with
exponential backoff; when they keep failing, PushError says what was sent and
what was not. Pushing only reads the local store.
"""

from __future__ import annotations

import base64
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import quote

import pyoxigraph as ox

from kg.errors import EndpointError
from kg.index import (INDEX_GRAPH, all_entities, entities_in_graphs, entities_of_quads, rebuild_updates,
                      refresh_keeps_index_complete, refresh_updates, rows_of)
from kg.sources import EndpointSource, check_endpoint_url, describe_http_failure, endpoint_credentials, redact
from kg.store import GraphName, open_store, triples_text, update_request_text

DEFAULT_BATCH_TRIPLES = 5000
DEFAULT_RETRIES = 4
DEFAULT_RETRY_WAIT = 1.0
DEFAULT_TIMEOUT = 60.0
_RETRYABLE_STATUS = {408, 429}
_SHOWN_NOT_SENT = 3

_INDEX = ox.NamedNode(str(INDEX_GRAPH))


@dataclass
class PushReport:
    """What a push sent, and (after a failure) what it did not."""

    target: str
    protocol: str
    graphs_total: int = 0
    graphs_sent: int = 0
    triples_sent: int = 0
    requests: int = 0
    retries: int = 0
    not_sent: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    index_entities: int | None = None  # actors and proposals whose index entries were refreshed


    def describe(self) -> str:
        text = (f"kg: pushed {self.graphs_sent} of {self.graphs_total} graph(s), {self.triples_sent} triple(s), "
                f"to {self.target} ({self.protocol}; {self.requests} request(s), {self.retries} retried)")
        if self.skipped:
            text += f"; skipped {len(self.skipped)} graph(s) named by a blank node, which no endpoint can address"
        if self.index_entities is not None:
            text += f"; index graph refreshed for {self.index_entities} actor(s) and proposal(s)"
        else:
            text += ("; the endpoint's index graph was NOT refreshed (no query URL): pass --endpoint QUERY_URL "
                     "as well, or run `kg reindex --endpoint QUERY_URL --update-endpoint URL`")
        return text


class PushError(EndpointError):
    """A push that gave up; `report` says what reached the endpoint."""

    def __init__(self, message: str, report: PushReport):
        super().__init__(message)
        self.report = report


# ---- where the graphs come from ----------------------------------------------------------

@dataclass
class GraphSet:
    """The graphs to push, by name, each read only when it is about to be sent."""

    names: list[GraphName]
    load: Callable[[GraphName], list[ox.Quad]]


def graphs_from_store(store_path: str | Path | None = None) -> GraphSet:
    """The store's named graphs, and its default graph if it holds anything."""
    store = open_store(store_path, create=False, read_only=True)
    names: list[GraphName] = sorted((g for g in store.named_graphs() if g.value != str(INDEX_GRAPH)), key=str)
    if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
        names.append(ox.DefaultGraph())
    return GraphSet(names, lambda name: list(store.quads_for_pattern(None, None, None, name)))


def graphs_from_files(paths: Iterable[str | Path], input_format: str | None = None) -> GraphSet:
    """RDF files split by article, as `kg load` would store them."""
    from kg.load import read_split

    grouped: dict[GraphName, list[ox.Quad]] = {}
    for quad in read_split(paths, input_format):
        if quad.graph_name != _INDEX:  # derived data: rebuilt on the endpoint instead
            grouped.setdefault(quad.graph_name, []).append(quad)
    names = sorted(grouped, key=lambda g: (isinstance(g, ox.DefaultGraph), str(g)))
    return GraphSet(names, grouped.__getitem__)


# ---- sending -----------------------------------------------------------------------------------

class _Sender:
    def __init__(self, report: PushReport, credentials, retries: int, retry_wait: float, timeout: float,
                 on_retry: Callable[[str], None] | None, sleep: Callable[[float], None]):
        self.report = report
        self.headers = {}
        if credentials:
            token = base64.b64encode(f"{credentials[0]}:{credentials[1]}".encode("utf-8")).decode("ascii")
            self.headers["Authorization"] = f"Basic {token}"
        self.retries, self.retry_wait, self.timeout = retries, retry_wait, timeout
        self.on_retry, self.sleep = on_retry, sleep

    def send(self, method: str, url: str, body: bytes, content_type: str) -> str | None:
        """None once the endpoint accepted the request, else why it finally failed."""
        attempt = 0
        while True:
            attempt += 1
            self.report.requests += 1
            request = urllib.request.Request(url, data=body, method=method,
                                             headers={**self.headers, "Content-Type": content_type})
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    response.read()
                return None
            except urllib.error.HTTPError as err:
                failure = describe_http_failure(url, err, self.timeout)
                retryable = err.code >= 500 or err.code in _RETRYABLE_STATUS
            except (urllib.error.URLError, OSError) as err:  # refused, reset, timed out
                failure = describe_http_failure(url, err, self.timeout)
                retryable = True
            if not retryable or attempt > self.retries:
                return f"{failure} (after {attempt} attempt{'s' if attempt > 1 else ''})"
            wait = self.retry_wait * 2 ** (attempt - 1)
            if self.on_retry:
                self.on_retry(f"{redact(url)}: {failure}; retrying in {wait:g} s ({attempt}/{self.retries})")
            self.report.retries += 1
            self.sleep(wait)


def push_graphs(graphs: GraphSet, *,
                update_endpoint: str | None = None, graph_store: str | None = None,
                batch_triples: int = DEFAULT_BATCH_TRIPLES, retries: int = DEFAULT_RETRIES,
                retry_wait: float = DEFAULT_RETRY_WAIT, timeout: float = DEFAULT_TIMEOUT,
                on_retry: Callable[[str], None] | None = None,
                sleep: Callable[[float], None] = time.sleep,
                query_endpoint: str | None = None) -> PushReport:
    """Replace each graph on the endpoint; returns the report, raises PushError when giving up.

    With GRAPH_STORE the Graph Store Protocol is used, else SPARQL Update at
    UPDATE_ENDPOINT; an article's graph always travels in one request. With
    QUERY_ENDPOINT (and an update URL) the endpoint's index graph (kg.index) is then
    refreshed for every actor and proposal the replaced and the new graphs mention.
    """
    if not graph_store and not update_endpoint:
        raise EndpointError("push needs an update endpoint (--update-endpoint or --endpoint) or --graph-store")
    url = check_endpoint_url(graph_store or update_endpoint)  # type: ignore[arg-type]
    report = PushReport(target=redact(url), protocol="graph store protocol" if graph_store else "SPARQL update",
                        graphs_total=len(graphs.names))
    sender = _Sender(report, endpoint_credentials(url), retries, retry_wait, timeout, on_retry, sleep)
    remote = EndpointSource(check_endpoint_url(query_endpoint), timeout) if query_endpoint else None
    remote_rows = rows_of(remote) if remote is not None else None
    index_url = check_endpoint_url(update_endpoint) if update_endpoint else None
    affected: set[str] = set()
    complete = False
    if remote is not None and index_url:
        named = [g.value for g in graphs.names if isinstance(g, ox.NamedNode)]
        complete = refresh_keeps_index_complete(remote_rows)
        affected = entities_in_graphs(remote_rows, named)
    pending: list[tuple[GraphName, list[ox.Quad]]] = []
    pending_triples = 0
    position = 0  # graphs.names[position:] have not been handed to a request yet

    def give_up(failure: str, unsent: list[GraphName]) -> PushError:
        remaining = [str(g) if not isinstance(g, ox.DefaultGraph) else "(default graph)"
                     for g in unsent + graphs.names[position:]]
        report.not_sent = remaining
        shown = ", ".join(remaining[:_SHOWN_NOT_SENT]) + (", ..." if len(remaining) > _SHOWN_NOT_SENT else "")
        return PushError(
            f"push to {report.target} failed: {failure}. Sent {report.graphs_sent} of {report.graphs_total} "
            f"graph(s) ({report.triples_sent} triples); not sent: {len(remaining)} graph(s): {shown}. "
            f"The local data is unchanged; run the same push again to finish (graphs are replaced, so "
            f"repeating is safe).", report)

    def flush() -> None:
        nonlocal pending, pending_triples
        if not pending:
            return
        body = update_request_text(pending).encode("utf-8")
        failure = sender.send("POST", url, body, "application/sparql-update; charset=utf-8")
        if failure:
            raise give_up(failure, [g for g, _ in pending])
        report.graphs_sent += len(pending)
        report.triples_sent += pending_triples
        pending, pending_triples = [], 0

    while position < len(graphs.names):
        name = graphs.names[position]
        if isinstance(name, ox.BlankNode):
            report.skipped.append(str(name))
            position += 1
            continue
        quads = graphs.load(name)
        affected |= entities_of_quads(quads)
        if pending and not graph_store and pending_triples + len(quads) > batch_triples:
            flush()
        position += 1
        if graph_store:
            if isinstance(name, ox.DefaultGraph):
                method, target = "POST", f"{url}{'&' if '?' in url else '?'}default"
            else:
                method, target = "PUT", f"{url}{'&' if '?' in url else '?'}graph={quote(name.value, safe='')}"
            body = (triples_text(quads) + "\n").encode("utf-8")
            failure = sender.send(method, target, body, "application/n-triples; charset=utf-8")
            if failure:
                raise give_up(failure, [name])
            report.graphs_sent += 1
            report.triples_sent += len(quads)
            continue
        pending.append((name, quads))
        pending_triples += len(quads)
    flush()
    if remote is not None and index_url:
        for update in refresh_updates(remote_rows, affected, complete):
            failure = sender.send("POST", index_url, update.encode("utf-8"), "application/sparql-update; charset=utf-8")
            if failure:
                raise PushError(f"push to {report.target}: every graph was sent, but refreshing the index graph "
                                f"failed: {failure}. Run `kg reindex --endpoint URL --update-endpoint URL` to "
                                f"rebuild it.", report)
        report.index_entities = len(affected)
    return report


def reindex_endpoint(query_endpoint: str, update_endpoint: str, *, retries: int = DEFAULT_RETRIES,
                     retry_wait: float = DEFAULT_RETRY_WAIT, timeout: float = DEFAULT_TIMEOUT,
                     on_retry: Callable[[str], None] | None = None,
                     sleep: Callable[[float], None] = time.sleep) -> PushReport:
    """Rebuild the index graph (kg.index) of a remote store from its article graphs.

    For data that reached the endpoint by other means than `kg push`; it is safe
    to run again, and after a failure it should be.
    """
    remote = EndpointSource(check_endpoint_url(query_endpoint), timeout)
    url = check_endpoint_url(update_endpoint)
    report = PushReport(target=redact(url), protocol="SPARQL update")
    sender = _Sender(report, endpoint_credentials(url), retries, retry_wait, timeout, on_retry, sleep)
    select = rows_of(remote)
    entities = all_entities(select)
    for update in rebuild_updates(select, entities):
        failure = sender.send("POST", url, update.encode("utf-8"), "application/sparql-update; charset=utf-8")
        if failure:
            raise EndpointError(f"rebuilding the index graph at {report.target} failed: {failure}; "
                                f"run `kg reindex` again")
    report.index_entities = len(entities)
    return report

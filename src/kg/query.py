"""Saved queries (queries/*.rq) and running them: the catalogue, its header format,
parameters bound as RDF terms in VALUES blocks, and ad-hoc SPARQL.

A saved query starts with a header of `#` comment lines, ended by the first line
that is not a comment or by an empty `#` line:

    # title: Who supports a proposal
    # description: Actors reported as supporting the proposal, each listed once,
    #   with ... (lines starting with `#` and two spaces continue a field)
    # param proposal (proposal, required): the proposal: text or an IRI
    # param since (date, default 2020-01-01): ignore statements before this date
    # param actor (actor, optional): only this actor
    # example: kg query who-supports -p proposal ceasefire

A parameter NAME binds the SPARQL variable ?NAME. Types: text, iri, date, integer,
decimal, stance (supports|rejects), actor and proposal. An actor or proposal given
as text is first looked up (queries/lookup/*.rq) and the variable is bound to every
actor or proposal that matches, so the query itself only ever sees IRIs. Repeating
-p NAME binds several values. An optional parameter that is not given leaves its
variable unbound, which matches anything in a triple pattern.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Sequence

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, SKOS, XSD

from kg.errors import InputError, QueryError
from kg.index import INDEX_GRAPH, holds_articles, index_is_current, label_words, rows_of
from kg.ordering import run_ordered
from kg.namespaces import KG, PREFIXES
from kg.resources import ontology_files, queries_dir
from kg.results import QueryResult
from kg.sparql import NOTHING, check_iri, insert_values, query_form, values_block

PARAMETER_TYPES = ("text", "iri", "date", "integer", "decimal", "stance", "actor", "proposal")
_FIELD = re.compile(r"^#\s?(title|description|example|param)\b\s*(.*)$")
_PARAM = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*\(\s*([a-z]+)\s*,\s*(required|optional|default\s+(.+?))\s*\)\s*:\s*(.+)$")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_STANCE_WORDS = {"supports": KG.Support, "support": KG.Support, "supporting": KG.Support,
                 "rejects": KG.Reject, "reject": KG.Reject, "rejecting": KG.Reject, "opposes": KG.Reject}


@dataclass(frozen=True)
class QueryParameter:
    name: str
    type: str
    meaning: str
    required: bool = False
    default: str | None = None

    def describe_default(self) -> str:
        if self.required:
            return "required"
        return f"default {self.default}" if self.default is not None else "optional"


@dataclass
class SavedQuery:
    """A SPARQL query with the header that documents it."""

    name: str
    text: str
    path: str = ""
    title: str = ""
    description: str = ""
    parameters: list[QueryParameter] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)

    def parameter(self, name: str) -> QueryParameter | None:
        return next((p for p in self.parameters if p.name == name), None)

    def help_text(self) -> str:
        """What `kg query NAME --help-query` prints."""
        lines = [f"{self.name}: {self.title}" if self.title else self.name, ""]
        if self.description:
            lines += textwrap.wrap(self.description, 88) + [""]
        if self.parameters:
            lines.append("Parameters (-p NAME VALUE):")
            width = max(len(p.name) for p in self.parameters)
            for p in self.parameters:
                lines += textwrap.wrap(f"{p.type}, {p.describe_default()}: {p.meaning}", 86 - width,
                                       initial_indent=f"  {p.name.ljust(width)}  ",
                                       subsequent_indent=" " * (width + 4))
            lines.append("")
        else:
            lines += ["Parameters: none", ""]
        if self.examples:
            lines.append("Example:" if len(self.examples) == 1 else "Examples:")
            lines += [f"  $ {e}" for e in self.examples]
        return "\n".join(lines).rstrip() + "\n"


# ---- reading query files ------------------------------------------------------------------

def parse_query_text(text: str, name: str, path: str = "", require_header: bool = False) -> SavedQuery:
    """Read the header of a query text; QueryError naming the file and line on a malformed one."""
    where = path or name
    fields: dict[str, list[str]] = {"title": [], "description": [], "example": []}
    params: list[QueryParameter] = []
    current: list[str] | None = None
    param_lines: list[tuple[int, list[str]]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped.startswith("#") or stripped == "#":
            break
        if re.match(r"^#\s{2,}\S", stripped) and current is not None:
            current.append(stripped.lstrip("#").strip())
            continue
        match = _FIELD.match(stripped)
        if not match:
            if re.match(r"^#\s*kg:values\b", stripped):
                break
            if require_header or any(fields.values()) or param_lines:
                raise QueryError(f"{where}:{number}: header line is not `# title:`, `# description:`, "
                                 f"`# param NAME (TYPE, required|optional|default VALUE): MEANING` or `# example:`")
            break  # an ordinary comment: this query has no header
        key, rest = match.group(1), match.group(2)
        if key == "param":
            current = [rest]
            param_lines.append((number, current))
        else:
            if not rest.startswith(":"):
                raise QueryError(f"{where}:{number}: expected `# {key}: ...`")
            if key in ("title", "description") and fields[key]:
                raise QueryError(f"{where}:{number}: a second `# {key}:` line")
            current = [rest[1:].strip()]
            fields[key].append(current)  # type: ignore[arg-type]
    for number, parts in param_lines:
        spec = " ".join(p for p in parts if p)
        match = _PARAM.match(spec)
        if not match:
            raise QueryError(f"{where}:{number}: cannot read parameter {spec!r}; "
                             f"expected `# param NAME (TYPE, required|optional|default VALUE): MEANING`")
        pname, ptype, requirement, default, meaning = match.groups()
        if ptype not in PARAMETER_TYPES:
            raise QueryError(f"{where}:{number}: parameter {pname} has unknown type {ptype!r} "
                             f"(known: {', '.join(PARAMETER_TYPES)})")
        if any(p.name == pname for p in params):
            raise QueryError(f"{where}:{number}: parameter {pname} is declared twice")
        params.append(QueryParameter(pname, ptype, meaning.strip(), required=(requirement == "required"),
                                     default=default.strip() if default else None))

    def joined(key: str) -> list[str]:
        return [" ".join(p for p in parts if p) for parts in fields[key]]  # type: ignore[union-attr]

    query = SavedQuery(name=name, text=text, path=path, title=(joined("title") or [""])[0],
                       description=(joined("description") or [""])[0], parameters=params,
                       examples=joined("example"))
    if require_header:
        missing = [k for k in ("title", "description", "example") if not fields[k]]
        if missing:
            raise QueryError(f"{where}:1: header lacks {', '.join('`# ' + m + ':`' for m in missing)}")
    return query


def read_query_file(path: str | Path, require_header: bool = False) -> SavedQuery:
    """A query file (a saved query or the user's own FILE.rq)."""
    p = Path(path)
    if not p.exists():
        raise InputError(path, "no such file")
    if p.is_dir():
        raise InputError(path, "is a folder, not a query file")
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        line = p.read_bytes()[: err.start].count(b"\n") + 1
        raise InputError(path, "not UTF-8 text", line=line) from None
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror or err}") from None
    if not text.strip():
        raise InputError(path, "file is empty")
    return parse_query_text(text, p.stem, str(p), require_header=require_header)


def catalogue() -> dict[str, SavedQuery]:
    """Every saved query, by name (the file name without .rq)."""
    return dict(_catalogue(str(queries_dir())))


@lru_cache(maxsize=4)
def _catalogue(folder: str) -> tuple[tuple[str, SavedQuery], ...]:
    queries = []
    for path in sorted(Path(folder).glob("*.rq")):
        if not _NAME.match(path.stem):
            raise QueryError(f"{path}: saved query names are lower-case letters, digits and hyphens")
        queries.append((path.stem, read_query_file(path, require_header=True)))
    return tuple(queries)


def saved_query(name: str) -> SavedQuery:
    queries = catalogue()
    if name not in queries:
        close = [n for n in queries if name.lower() in n or n in name.lower()]
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise QueryError(f"no saved query named {name!r}{hint} (kg query --list shows them)")
    return queries[name]


def _lookup_query(kind: str) -> SavedQuery:
    return read_query_file(queries_dir() / "lookup" / f"{kind}.rq", require_header=True)


# ---- parameter values as RDF terms --------------------------------------------------------

def parse_iri(value: str, where: str = "parameter") -> URIRef | None:
    """VALUE as an IRI if it is written as one (<...>, scheme:..., or a kg prefix), else None."""
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        return check_iri(value[1:-1], where)
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and local and not local.startswith("//") and " " not in value:
        return check_iri(str(PREFIXES[prefix]) + local, where)
    if re.match(r"^(https?|urn|tag|mailto|file|ftp|did):\S+$", value, re.IGNORECASE):
        return check_iri(value, where)
    return None


@lru_cache(maxsize=1)
def _proposal_type_labels() -> tuple[tuple[URIRef, str], ...]:
    """(concept, lower-cased label) for every proposal-type concept in the ontology."""
    from kg.rdfio import read_graph

    graph = read_graph(ontology_files())
    pairs = []
    for concept in graph.subjects(SKOS.inScheme, KG.ProposalTypes):
        for label in set(graph.objects(concept, SKOS.prefLabel)) | set(graph.objects(concept, RDFS.label)):
            pairs.append((URIRef(concept), str(label).lower()))
    return tuple(sorted(set(pairs)))


def proposal_types_matching(text: str) -> list[URIRef]:
    """Proposal-type concepts whose label contains TEXT (case-insensitive)."""
    needle = text.strip().lower()
    return sorted({c for c, label in _proposal_type_labels() if needle and needle in label})


def _resolve(kind: str, text: str, source) -> list[URIRef]:
    """Actors or proposals TEXT names, looked up in the index graph.

    Those whose labels hold every word of TEXT (as kg.index.label_words splits it);
    if none does, those with a label containing TEXT. For proposals, those of the
    proposal types whose label contains TEXT are added.
    """
    words = sorted(label_words(text))
    params: dict[str, list] = {"word": [Literal(w) for w in words]}  # no words: VALUES binds nothing
    if kind == "proposal":
        params["type"] = proposal_types_matching(text)
    words_seen: dict = {}
    of_type: set = set()
    for entity, word in source.select(bind(_lookup_query(kind), params)).rows:
        if word is None:
            of_type.add(entity)  # a proposal of a matching type
        else:
            words_seen.setdefault(entity, set()).add(str(word))
    matched = {entity for entity, seen in words_seen.items() if seen >= set(words)}
    if not matched:
        text_rows = source.select(bind(_lookup_query(f"{kind}-text"), {"text": [Literal(text)]})).rows
        matched = {row[0] for row in text_rows}
    return sorted(e for e in matched | of_type if isinstance(e, URIRef) and e != NOTHING)


def parameter_terms(param: QueryParameter, values: Sequence[str], source, query_name: str) -> list:
    """The RDF terms VALUES stand for, for a parameter of a given type."""
    where = f"{query_name}: -p {param.name}"
    terms: list = []
    for value in values:
        if param.type == "text":
            terms.append(Literal(value))
        elif param.type == "iri":
            iri = parse_iri(value, where)
            if iri is None:
                raise QueryError(f"{where}: {value!r} is not an IRI (write it as <...> or a full http(s) IRI)")
            terms.append(iri)
        elif param.type == "date":
            try:
                dt.date.fromisoformat(value.strip())
            except ValueError:
                raise QueryError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None
            terms.append(Literal(value.strip(), datatype=XSD.date))
        elif param.type == "integer":
            if not re.fullmatch(r"[+-]?\d+", value.strip()):
                raise QueryError(f"{where}: {value!r} is not a whole number")
            terms.append(Literal(str(int(value)), datatype=XSD.integer))
        elif param.type == "decimal":
            try:
                number = Decimal(value.strip())
            except InvalidOperation:
                raise QueryError(f"{where}: {value!r} is not a number") from None
            if not number.is_finite():
                raise QueryError(f"{where}: {value!r} is not a finite number")
            terms.append(Literal(format(number, "f"), datatype=XSD.decimal))
        elif param.type == "stance":
            stance = _STANCE_WORDS.get(value.strip().lower()) or parse_iri(value, where)
            if stance not in (KG.Support, KG.Reject):
                raise QueryError(f"{where}: {value!r} is not a stance (supports or rejects)")
            terms.append(stance)
        else:  # actor or proposal: an IRI as given, or every match of the text
            if not value.strip():
                raise QueryError(f"{where}: an empty {param.type} matches nothing useful; give some text or an IRI")
            iri = parse_iri(value, where)
            terms.extend([iri] if iri is not None else _resolve(param.type, value, source))
    return sorted(set(terms), key=lambda t: (type(t).__name__, str(t)))


def _group(params) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    items = params.items() if isinstance(params, Mapping) else params
    for name, value in items:
        values = [value] if isinstance(value, str) else list(value)
        grouped.setdefault(name, []).extend(str(v) for v in values)
    return grouped


def bind(query: SavedQuery, terms: Mapping[str, Sequence]) -> str:
    """The query text with a VALUES block for each parameter in TERMS (RDF terms, already typed)."""
    blocks = {name: values_block(name, values) for name, values in terms.items()}
    return insert_values(query.text, blocks, where=query.path or query.name)


def bound_query_text(query: SavedQuery, params=(), source=None) -> str:
    """The query text with the user's -p NAME VALUE pairs bound, after checking them."""
    if source is not None and (str(INDEX_GRAPH) in query.text
                               or any(p.type in ("actor", "proposal") for p in query.parameters)):
        require_index(source)
    given = _group(params)
    terms: dict[str, list] = {}
    if query.parameters:
        unknown = [n for n in given if query.parameter(n) is None]
        if unknown:
            known = ", ".join(p.name for p in query.parameters)
            raise QueryError(f"{query.name}: unknown parameter {unknown[0]!r} (parameters: {known})")
        for param in query.parameters:
            values = given.get(param.name)
            if values is None and param.default is not None:
                values = [param.default]
            if values is None:
                if param.required:
                    raise QueryError(f"{query.name}: needs -p {param.name} VALUE ({param.meaning})")
                continue
            terms[param.name] = parameter_terms(param, values, source, query.name)
    else:
        # a query without a header: each value is an IRI if written as one, else a string
        for name, values in given.items():
            terms[name] = [parse_iri(v, f"-p {name}") or Literal(v) for v in values]
    return bind(query, terms)


# ---- running --------------------------------------------------------------------------------

def run_saved_query(name: str | SavedQuery, params=(), source=None) -> QueryResult:
    """Run a saved query (by name) or a parsed query file with -p style parameters."""
    query = saved_query(name) if isinstance(name, str) else name
    text = bound_query_text(query, params, source)
    return run_ordered(text, source)


def require_index(source) -> None:
    """QueryError if SOURCE holds articles but no complete index graph of this kg's version (kg.index).

    The saved queries read it. A store or endpoint filled by kg has one; one filled
    by other means (an RDF file uploaded by hand, a store from an older kg) needs
    `kg reindex`.
    """
    if getattr(source, "index_checked", False):
        return
    select = rows_of(source)
    if not index_is_current(select) and holds_articles(select):
        where = getattr(source, "description", "the graph")
        hint = " --endpoint URL --update-endpoint URL" if where.startswith("endpoint") else ""
        state = ("is from an older kg or incomplete"
                 if source.ask(f"ASK {{ GRAPH <{INDEX_GRAPH}> {{ ?s ?p ?o }} }}") else "is missing")
        raise QueryError(f"{where} holds articles but its index graph <{INDEX_GRAPH}>, which the saved queries "
                         f"read, {state}; build it with `kg reindex{hint}`")
    source.index_checked = True


def run_query_text(text: str, source, params=(), origin: str = "--sparql") -> QueryResult:
    """Run the user's own SPARQL (header comments and parameters work as in saved queries)."""
    if not text.strip():
        raise QueryError(f"{origin}: the query is empty")
    query_form(text)
    return run_saved_query(parse_query_text(text, origin, origin), params, source)


# ---- counts -----------------------------------------------------------------------------------

@dataclass
class GraphStats:
    """What a graph holds: the counts `kg stats` prints."""

    articles: int
    statements: int
    actors: int
    proposals: int
    named_graphs: int
    triples: int
    default_graph_triples: int | None = None

    def as_dict(self) -> dict[str, int | None]:
        return dict(self.__dict__)


_STATS_QUERY = """
PREFIX kg: <https://w3id.org/kg-positions/ns#>
SELECT ?what (COUNT(DISTINCT ?x) AS ?n) WHERE {
  { GRAPH ?g { ?x a kg:Article } BIND("articles" AS ?what) }
  UNION { GRAPH ?g { ?x a kg:Statement } BIND("statements" AS ?what) }
  UNION { VALUES ?class { kg:Person kg:Organisation kg:State } GRAPH ?g { ?x a ?class } BIND("actors" AS ?what) }
  UNION { GRAPH ?g { ?x a kg:Proposal } BIND("proposals" AS ?what) }
  UNION { GRAPH ?x { } BIND("named_graphs" AS ?what) }
  FILTER(COALESCE(?g, ?x) != <https://w3id.org/kg-positions/id/graph/index>)  # ?g is unbound for graphs
} GROUP BY ?what
"""
# the index graph is derived data (kg.index): not counted
_TRIPLES_QUERY = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                  "FILTER(?g != <https://w3id.org/kg-positions/id/graph/index>) }")


def graph_stats(source) -> GraphStats:
    """Counts of articles, statements, actors, proposals, named graphs and triples in SOURCE."""
    counts = {str(row[0]): int(row[1]) for row in source.select(_STATS_QUERY).rows}
    triples = int(source.select(_TRIPLES_QUERY).rows[0][0])
    default_triples = None
    store = getattr(source, "store", None)
    if store is not None:
        default_triples = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    return GraphStats(articles=counts.get("articles", 0), statements=counts.get("statements", 0),
                      actors=counts.get("actors", 0), proposals=counts.get("proposals", 0),
                      named_graphs=counts.get("named_graphs", 0), triples=triples,
                      default_graph_triples=default_triples)

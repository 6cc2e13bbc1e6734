"""Read and write RDF files safely: formats by extension, one-line errors, atomic writes.

Parsing goes through pyoxigraph: it is fast, it never fetches a remote JSON-LD
@context and it never expands XML external entities.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Literal, URIRef

from kg.errors import InputError, OutputError, RDFParseError
from kg.namespaces import bind_prefixes

# extension -> (pyoxigraph format, rdflib format name, holds named graphs)
FORMATS: dict[str, tuple[ox.RdfFormat, str, bool]] = {
    ".ttl": (ox.RdfFormat.TURTLE, "turtle", False),
    ".turtle": (ox.RdfFormat.TURTLE, "turtle", False),
    ".nt": (ox.RdfFormat.N_TRIPLES, "nt", False),
    ".n3": (ox.RdfFormat.N3, "n3", False),
    ".nq": (ox.RdfFormat.N_QUADS, "nquads", True),
    ".trig": (ox.RdfFormat.TRIG, "trig", True),
    ".jsonld": (ox.RdfFormat.JSON_LD, "json-ld", True),
    ".json": (ox.RdfFormat.JSON_LD, "json-ld", True),
    ".rdf": (ox.RdfFormat.RDF_XML, "xml", False),
    ".owl": (ox.RdfFormat.RDF_XML, "xml", False),
    ".xml": (ox.RdfFormat.RDF_XML, "xml", False),
}
FORMAT_NAMES = {
    "turtle": ".ttl", "ttl": ".ttl", "nt": ".nt", "ntriples": ".nt", "n-triples": ".nt",
    "nquads": ".nq", "n-quads": ".nq", "nq": ".nq", "trig": ".trig", "json-ld": ".jsonld",
    "jsonld": ".jsonld", "xml": ".rdf", "rdfxml": ".rdf", "rdf/xml": ".rdf", "n3": ".n3",
}
MAX_BYTES_DEFAULT = 2 * 1024**3


def extension_for(path: str | Path, input_format: str | None = None) -> str:
    """The extension whose format applies to PATH (or the format named by the user)."""
    if input_format:
        ext = FORMAT_NAMES.get(input_format.lower())
        if ext is None:
            raise InputError(path, f"unknown RDF format {input_format!r} (known: {', '.join(sorted(FORMAT_NAMES))})")
        return ext
    ext = Path(str(path)).suffix.lower()
    if ext not in FORMATS:
        known = ", ".join(sorted(FORMATS))
        raise InputError(path, f"cannot tell the RDF format from the extension {ext or '(none)'!r}; use one of {known} or --input-format")
    return ext


def _parse_error(path: str, err: Exception) -> RDFParseError:
    message = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    message = re.sub(r"\s*\([^()]*, line \d+\)$", "", message)
    line = getattr(err, "lineno", None)
    if "LoadDocumentCallback" in message or "remote context" in message.lower():
        message = "JSON-LD remote @context is not fetched; inline the context or convert the file to Turtle"
    elif "ENTITY" in message or "DOCTYPE" in message:
        message = f"XML entity declarations are not allowed ({message})"
    return RDFParseError(path, f"not valid RDF: {message}", line=line)


def _read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    if not p.exists():
        raise InputError(path, "no such file")
    if p.is_dir():
        raise InputError(path, "is a folder, not an RDF file")
    try:
        size = p.stat().st_size
        if size > int(os.environ.get("KG_MAX_RDF_BYTES", MAX_BYTES_DEFAULT)):
            raise InputError(path, f"file is {size} bytes, over the limit set by KG_MAX_RDF_BYTES")
        return p.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror or err}") from None


def read_rdf_bytes(path: str | Path, input_format: str | None = None) -> tuple[bytes, ox.RdfFormat]:
    """The content of one RDF file (or '-' for standard input) and its format, checked but not parsed.

    Refuses (InputError, naming the file) an unknown format, a missing, empty,
    binary, non-UTF-8 or oversized file. Parse it with pyoxigraph and turn its
    errors into one-line messages with `parse_error`.
    """
    name = str(path)
    ext = extension_for("stdin.ttl" if name == "-" and not input_format else name, input_format)
    fmt = FORMATS[ext][0]
    data = _read_bytes(name)
    if not data.strip():
        raise InputError(name, "file is empty")
    if b"\x00" in data[:8192] and fmt is not ox.RdfFormat.JSON_LD:
        raise InputError(name, "binary file, not RDF")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(name, "not UTF-8 text", line=line) from None
    return data, fmt


def parse_error(path: str | Path, err: Exception) -> RDFParseError:
    """The one-line error for a pyoxigraph parse failure (SyntaxError, ValueError, OSError) in PATH."""
    return _parse_error(str(path), err)


def iter_quads(path: str | Path, input_format: str | None = None) -> Iterator[ox.Quad]:
    """Parse one RDF file (or '-' for standard input) into pyoxigraph quads."""
    data, fmt = read_rdf_bytes(path, input_format)
    try:
        quads = list(ox.parse(data, format=fmt, base_iri=None))
    except (SyntaxError, ValueError, OSError) as err:
        raise _parse_error(str(path), err) from None
    return iter(quads)


def load_into_store(store: ox.Store, paths, input_format: str | None = None) -> int:
    """Parse every file and add its quads to an Oxigraph store; returns the quad count."""
    count = 0
    for path in paths:
        quads = list(iter_quads(path, input_format))
        store.extend(quads)
        count += len(quads)
    return count


# ---- pyoxigraph <-> rdflib -------------------------------------------------

def to_rdflib_term(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.DefaultGraph) or term is None:
        return None
    raise TypeError(f"unsupported RDF term {term!r}")


def to_ox_term(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unsupported RDF term {term!r}")


def quads_to_graph(quads, graph: rdflib.Graph | None = None) -> rdflib.Graph:
    """Merge quads (any named graphs flattened) into an rdflib Graph."""
    graph = graph if graph is not None else bind_prefixes(rdflib.Graph())
    add = graph.add
    for q in quads:
        add((to_rdflib_term(q.subject), to_rdflib_term(q.predicate), to_rdflib_term(q.object)))
    return graph


def read_graph(paths, input_format: str | None = None) -> rdflib.Graph:
    """Read RDF files into one rdflib Graph (named graphs merged), failing with one-line errors."""
    graph = bind_prefixes(rdflib.Graph())
    for path in paths:
        quads_to_graph(iter_quads(path, input_format), graph)
    return graph


# ---- writing ------------------------------------------------------------------

def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


@contextmanager
def atomic_output(path: str | Path, mode: str = "w"):
    """Write to a temporary file beside PATH and move it into place only on success.

    An error half-way leaves whatever was at PATH before untouched.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"{target}: folder {directory} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    try:
        with os.fdopen(fd, mode, **({"encoding": "utf-8"} if "b" not in mode else {})) as handle:
            yield handle
        # the permissions a plain open() would give (mkstemp makes the file private to its owner),
        # or those of the file it replaces
        os.chmod(tmp, target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def output_format(path: str | Path, fmt: str | None = None) -> tuple[str, bool]:
    """rdflib serializer name and whether it keeps named graphs, for an output file."""
    ext = FORMAT_NAMES.get(fmt.lower()) if fmt else Path(str(path)).suffix.lower()
    if ext not in FORMATS or ext in (".json",):
        known = ".ttl, .nt, .nq, .trig, .jsonld, .rdf"
        raise OutputError(f"{path}: cannot tell the RDF format to write from {ext or 'no extension'!r}; use one of {known}")
    _, name, quads = FORMATS[ext]
    return name, quads


def write_dataset(dataset: rdflib.Dataset, path: str | Path, fmt: str | None = None) -> None:
    """Serialise a dataset to PATH, flattening named graphs for triple-only formats."""
    name, keeps_graphs = output_format(path, fmt)
    bind_prefixes(dataset)
    if keeps_graphs:
        if name == "json-ld":  # a context of kg's own prefixes, not every namespace rdflib knows
            from kg.namespaces import PREFIXES

            data = dataset.serialize(format=name, context={p: str(ns) for p, ns in PREFIXES.items()},
                                     auto_compact=True)
        else:
            data = dataset.serialize(format=name)
    else:
        flat = bind_prefixes(rdflib.Graph())
        for s, p, o, _g in dataset.quads((None, None, None, None)):
            flat.add((s, p, o))
        data = flat.serialize(format=name)
    with atomic_output(path, "w") as handle:
        handle.write(data)

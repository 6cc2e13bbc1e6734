"""SPARQL text handling: a lexer good enough to find keywords, braces and comments,
the form of a query, SERVICE clauses, and VALUES blocks that bind parameters as RDF terms.

Nothing here pastes user text into a query: values become RDF terms, serialised
with the escaping SPARQL requires, inside a VALUES block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Sequence

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import QueryError

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00B7-\uFFFF]+)
  | (?P<word>[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7-\uFFFF]*(?::[\w.\-:%\\\u00B7-\uFFFF]*)?|:[\w.\-:%\\]*)
  | (?P<punct>[{}()\[\];,.])
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

QUERY_FORMS = ("select", "construct", "describe", "ask")
UPDATE_WORDS = {"insert", "delete", "load", "clear", "drop", "create", "add", "move", "copy", "with"}
_MARKER = re.compile(r"^#\s*kg:values\s+(.+?)\s*$")
_IRI_FORBIDDEN = re.compile(r'[<>"{}|^`\\\x00-\x20]')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


@dataclass(frozen=True)
class Token:
    kind: str  # ws | comment | string | iri | var | word | punct | other
    text: str
    start: int
    end: int


def tokenize(text: str) -> Iterator[Token]:
    """The tokens of a SPARQL text; an unterminated string or IRI shows up as 'other' tokens."""
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        yield Token(kind, match.group(), match.start(), match.end())


def _significant(text: str) -> list[Token]:
    return [t for t in tokenize(text) if t.kind not in ("ws", "comment")]


def _keyword(token: Token) -> str | None:
    """The lower-cased keyword a word token spells, or None for prefixed names."""
    if token.kind == "word" and ":" not in token.text:
        return token.text.lower()
    return None


def query_form(text: str) -> str:
    """'select', 'construct', 'describe' or 'ask'; QueryError for updates and non-queries."""
    for token in _significant(text):
        word = _keyword(token)
        if word in ("prefix", "base") or token.kind == "iri" or (token.kind == "word" and word is None):
            continue  # the prologue: PREFIX p: <iri> and BASE <iri>
        if word in QUERY_FORMS:
            return word
        if word in UPDATE_WORDS:
            raise QueryError(f"this is a SPARQL update ({word.upper()}), not a query; kg query only reads")
        break
    raise QueryError("not a SPARQL query: expected SELECT, CONSTRUCT, DESCRIBE or ASK after the prefixes")


def uses_service(text: str) -> bool:
    """Whether the query has a SERVICE clause (a keyword, not a variable, IRI, string or comment)."""
    # SPARQL lets a parser decode \u escapes before anything else, so \u0053ERVICE counts too
    decoded = re.sub(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})",
                     lambda m: chr(int(m.group(1) or m.group(2), 16)), text)
    return any(_keyword(t) == "service" for t in tokenize(decoded))


# ---- RDF terms as SPARQL text ---------------------------------------------------------

def _escape_string(value: str) -> str:
    return (value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))


def check_iri(value: str, where: str = "IRI") -> URIRef:
    """An absolute IRI that is safe to write between < and >; QueryError otherwise."""
    if not _SCHEME.match(value) or _IRI_FORBIDDEN.search(value):
        raise QueryError(f"{where}: {value!r} is not a valid absolute IRI")
    return URIRef(value)


def sparql_term(term) -> str:
    """An rdflib term in SPARQL syntax, escaped so it is always read back as that one term."""
    if isinstance(term, URIRef):
        return f"<{check_iri(str(term))}>"
    if isinstance(term, Literal):
        body = f'"{_escape_string(str(term))}"'
        if term.language:
            if not re.fullmatch(r"[A-Za-z]+(-[A-Za-z0-9]+)*", term.language):
                raise QueryError(f"{term.language!r} is not a valid language tag")
            return f"{body}@{term.language}"
        if term.datatype and term.datatype != XSD.string:
            return f"{body}^^{sparql_term(URIRef(term.datatype))}"
        return body
    if isinstance(term, BNode):
        raise QueryError("a blank node cannot be a query parameter")
    raise TypeError(f"not an RDF term: {term!r}")


# Bound when a parameter stands for nothing (a text no proposal matches): an empty
# VALUES block would do, but some engines (rdflib among them) fail on one.
NOTHING = URIRef("urn:x-kg:nothing-matched")


def values_block(variable: str, terms: Sequence) -> str:
    """VALUES ?variable { term ... }; no terms binds NOTHING, which matches no data."""
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", variable):
        raise QueryError(f"{variable!r} is not a usable parameter name (letters, digits and _ only)")
    return f"VALUES ?{variable} {{ {' '.join(sparql_term(t) for t in terms or [NOTHING])} }}"


# ---- where parameters go ---------------------------------------------------------------

def _default_insertion_point(tokens: list[Token], form: str) -> int | None:
    """Just inside the query's WHERE group (for CONSTRUCT, the group after the template)."""
    depth = 0
    top_groups: list[tuple[Token, bool]] = []  # each outermost "{" and whether WHERE came just before
    for i, token in enumerate(tokens):
        if token.kind == "punct" and token.text == "{":
            if depth == 0:
                top_groups.append((token, i > 0 and _keyword(tokens[i - 1]) == "where"))
            depth += 1
        elif token.kind == "punct" and token.text == "}":
            depth -= 1
    if form == "construct":
        if not top_groups or top_groups[0][1]:
            return None  # no pattern, or CONSTRUCT WHERE { triples }, which admits no VALUES
        top_groups = top_groups[1:]
    return top_groups[0][0].end if top_groups else None


def insert_values(text: str, blocks: dict[str, str], where: str = "query") -> str:
    """Put each parameter's VALUES block into the query text.

    A comment line `# kg:values NAME...` puts the named parameters' blocks right
    there (a parameter may be placed at several such lines); every other block goes
    just inside the WHERE group of the outermost query.
    """
    if not blocks:
        return text
    tokens = list(tokenize(text))
    insertions: list[tuple[int, str]] = []
    placed: set[str] = set()
    for token in tokens:
        if token.kind != "comment":
            continue
        marker = _MARKER.match(token.text)
        if marker:
            names = marker.group(1).split()
            chosen = [blocks[n] for n in names if n in blocks]
            placed.update(n for n in names if n in blocks)
            if chosen:
                insertions.append((token.end, "\n" + "\n".join(chosen) + "\n"))
    rest = [block for name, block in blocks.items() if name not in placed]
    if rest:
        form = query_form(text)
        point = _default_insertion_point([t for t in tokens if t.kind not in ("ws", "comment")], form)
        if point is None:
            raise QueryError(f"{where}: cannot bind parameters: the query has no WHERE group to put them in")
        insertions.append((point, "\n" + "\n".join(rest) + "\n"))
    for position, snippet in sorted(insertions, reverse=True):
        text = text[:position] + snippet + text[position:]
    return text

"""The one error hierarchy of kg: every message says what went wrong and where."""

from __future__ import annotations


class KgError(Exception):
    """Base class of the errors kg reports to its users as one line (exit code 2)."""

    exit_code = 2


class InputError(KgError):
    """An input file or record cannot be read: missing, empty, binary, wrong encoding."""

    def __init__(self, path: object, reason: str, line: int | None = None):
        self.path = str(path)
        self.reason = reason
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")


class RDFParseError(InputError):
    """An RDF file cannot be parsed (the line is given where the parser reports one)."""


class ShapesError(KgError):
    """The SHACL shapes cannot be loaded or are not valid SHACL."""


class QueryError(KgError):
    """A saved query is unknown, a parameter is missing or invalid, or a query fails."""


class StoreError(KgError):
    """The embedded store cannot be opened, read or written."""


class EndpointError(KgError):
    """A remote SPARQL endpoint cannot be reached or answers with an error."""


class ModelError(KgError):
    """The spaCy pipeline cannot be loaded."""


class OutputError(KgError):
    """An output file cannot be written, or its format is unknown."""

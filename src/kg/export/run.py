"""Export a network from a graph source to GEXF, GraphML or CSV files: what `kg export` runs."""

from __future__ import annotations

import io
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator, Sequence

import networkx as nx

from kg.errors import KgError, OutputError
from kg.export.csv import write_edges_csv, write_nodes_csv
from kg.export.gexf import GEXF_VERSIONS, write_gexf
from kg.export.graphml import write_graphml
from kg.export.networks import (NETWORKS, NORMALIZATIONS, ONE_MODE, StatementFilter, build_network,
                                filter_statements, time_windows)
from kg.export.statements import StatementRow, load_statements
from kg.rdfio import atomic_output

FORMATS = {"gexf": ".gexf", "graphml": ".graphml", "csv": ".csv"}


@dataclass(frozen=True)
class ExportOptions:
    """What to export and how. See `build_network` for the network types."""

    network: str = "two-mode"
    normalize: str = "none"
    statement_filter: StatementFilter = field(default_factory=StatementFilter)
    min_weight: float = 0.0
    format: str | None = None  # gexf | graphml | csv; None: from the output's extension
    dynamic: bool = False  # GEXF only: start/end dates on nodes and edges for Gephi's timeline
    window_days: int | None = None  # one network per period of this many days
    gexf_version: str = "1.3"


@dataclass
class ExportSummary:
    network: str
    format: str
    files: list[Path] = field(default_factory=list)
    statements_read: int = 0
    statements_used: int = 0
    nodes: int = 0
    edges: int = 0
    windows: int | None = None
    dynamic: bool = False
    undated: int = 0  # statements used that have no date (no interval, or in no window)

    def describe(self) -> str:
        target = str(self.files[0]) if len(self.files) == 1 else (
            f"{len(self.files)} files ({self.files[0]} ... {self.files[-1]})" if self.files else "no files")
        shape = (f"{self.windows} window(s), {self.nodes} node(s) and {self.edges} edge(s) in all"
                 if self.windows is not None else f"{self.nodes} node(s), {self.edges} edge(s)")
        text = (f"kg: {self.network} network, {shape} from {self.statements_used} of "
                f"{self.statements_read} statement(s) -> {target}")
        if self.undated and (self.dynamic or self.windows is not None):
            where = "in no window" if self.windows is not None else "without a time interval"
            text += f"; {self.undated} undated statement(s) {where}"
        return text


def export_format(output: str | Path, fmt: str | None = None) -> str:
    """The export format named, or the one OUTPUT's extension implies."""
    if fmt:
        if fmt not in FORMATS:
            raise OutputError(f"{output}: unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
        return fmt
    suffix = Path(str(output)).suffix.lower()
    for name, ext in FORMATS.items():
        if suffix == ext:
            return name
    raise OutputError(f"{output}: cannot tell the export format from {suffix or 'no extension'!r}; "
                      f"use .gexf, .graphml or .csv, or --format")


def check_options(output: str | Path, options: ExportOptions) -> str:
    """Fail on a bad option or an unwritable output before any data is read; returns the format."""
    fmt = export_format(output, options.format)
    if options.network not in NETWORKS:
        raise KgError(f"unknown network {options.network!r} (known: {', '.join(NETWORKS)})")
    if options.normalize not in NORMALIZATIONS:
        raise KgError(f"unknown normalisation {options.normalize!r} (known: {', '.join(NORMALIZATIONS)})")
    if options.normalize != "none" and options.network not in ONE_MODE:
        raise KgError(f"--normalize applies to the one-mode networks ({', '.join(ONE_MODE)}), not {options.network}")
    if options.gexf_version not in GEXF_VERSIONS:
        raise KgError(f"unknown GEXF version {options.gexf_version!r} (known: {', '.join(GEXF_VERSIONS)})")
    if options.dynamic and fmt != "gexf":
        raise KgError(f"--dynamic writes a dynamic GEXF file, not {fmt}; for {fmt}, the first_date and "
                      f"last_date attributes carry the dates, or use --window for one network per period")
    if options.dynamic and options.window_days:
        raise KgError("--dynamic and --window are alternatives: one dynamic graph, or one graph per window")
    if options.window_days is not None and options.window_days < 1:
        raise KgError(f"--window must be at least 1 day, not {options.window_days}")
    if options.min_weight < 0:
        raise KgError(f"--min-weight must not be negative, not {options.min_weight}")
    target = Path(str(output))
    if target.is_dir():
        raise OutputError(f"{output}: is a folder; give a file name")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{output}: folder {folder} does not exist")
    return fmt


def output_paths(output: str | Path, fmt: str, window_start: date | None = None) -> list[Path]:
    """The files one network is written to.

    GEXF and GraphML go to OUTPUT itself. CSV gives two tables beside it,
    STEM.nodes.csv and STEM.edges.csv. A time window adds its first day to the
    name: net-2024-03-01.gexf, net-2024-03-01.nodes.csv.
    """
    target = Path(str(output))
    day = f"-{window_start.isoformat()}" if window_start is not None else ""
    if fmt == "csv":
        stem = target.name[:-4] if target.name.lower().endswith(".csv") else target.name
        return [target.with_name(f"{stem}{day}.nodes.csv"), target.with_name(f"{stem}{day}.edges.csv")]
    return [target.with_name(f"{target.stem}{day}{target.suffix}")]


@contextmanager
def _text_output(path: Path) -> Iterator[io.TextIOWrapper]:
    # Binary underneath so the writers' line endings reach the file untranslated
    # (CSV wants CRLF on every platform, XML wants LF).
    with atomic_output(path, "wb") as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        try:
            yield text
            text.flush()
        finally:
            text.detach()


def write_network(graph: nx.Graph, paths: Sequence[Path], fmt: str, dynamic: bool = False,
                  gexf_version: str = "1.3", description: str = "") -> None:
    """Write GRAPH in FMT to PATHS (two paths, nodes then edges, for CSV), each file atomically."""
    try:
        if fmt == "gexf":
            with _text_output(paths[0]) as handle:
                write_gexf(graph, handle, version=gexf_version, dynamic=dynamic, description=description)
        elif fmt == "graphml":
            with _text_output(paths[0]) as handle:
                write_graphml(graph, handle)
        else:
            # Both tables are complete before either replaces an older export.
            with _text_output(paths[0]) as nodes, _text_output(paths[1]) as edges:
                write_nodes_csv(graph, nodes)
                write_edges_csv(graph, edges)
    except OSError as err:
        raise OutputError(f"{err.filename or paths[0]}: cannot write: {err.strerror or err}") from None


def _description(options: ExportOptions, start: date | None = None, end: date | None = None) -> str:
    text = f"kg {options.network} network"
    if options.normalize != "none":
        text += f", {options.normalize}-normalised"
    if start is not None:
        text += f", statements dated {start.isoformat()} to {end.isoformat()}"
    return text


def export_statements(rows: Sequence[StatementRow], output: str | Path,
                      options: ExportOptions = ExportOptions()) -> ExportSummary:
    """Build the network OPTIONS describe from ROWS and write it to OUTPUT (one file per window)."""
    fmt = check_options(output, options)
    used = filter_statements(rows, options.statement_filter)
    summary = ExportSummary(network=options.network, format=fmt, dynamic=options.dynamic,
                            statements_read=len(rows), statements_used=len(used),
                            undated=sum(1 for r in used if r.date is None))
    flt = options.statement_filter
    if options.window_days:
        windows = time_windows(used, options.window_days, flt.since, flt.until)
        summary.windows = len(windows)
        # Build every graph before writing the first file, so bad data fails with nothing written.
        graphs = [(window, build_network(window.statements, options.network, options.normalize, options.min_weight))
                  for window in windows]
        for window, graph in graphs:
            paths = output_paths(output, fmt, window.start)
            write_network(graph, paths, fmt, gexf_version=options.gexf_version,
                          description=_description(options, window.start, window.end))
            summary.files.extend(paths)
            summary.nodes += graph.number_of_nodes()
            summary.edges += graph.number_of_edges()
        return summary
    graph = build_network(used, options.network, options.normalize, options.min_weight)
    paths = output_paths(output, fmt)
    write_network(graph, paths, fmt, dynamic=options.dynamic, gexf_version=options.gexf_version,
                  description=_description(options))
    summary.files.extend(paths)
    summary.nodes = graph.number_of_nodes()
    summary.edges = graph.number_of_edges()
    return summary


def export_network(output: str | Path, options: ExportOptions = ExportOptions(),
                   data_files: Sequence[str] = (), store_path: str | Path | None = None,
                   endpoint: str | None = None, input_format: str | None = None) -> ExportSummary:
    """Read the statements of RDF files, the store or an endpoint, and export OPTIONS' network to OUTPUT."""
    check_options(output, options)
    rows = load_statements(data_files, store_path, endpoint, input_format)
    return export_statements(rows, output, options)

"""Export discourse networks (who agrees with whom on what, and when) for Gephi and network tools."""

from kg.export.networks import (NETWORKS, NORMALIZATIONS, StatementFilter, Window, build_network, filter_statements,
                                time_windows)
from kg.export.run import FORMATS, ExportOptions, ExportSummary, export_network, export_statements
from kg.export.statements import StatementRow, load_statements, read_statements

__all__ = [
    "FORMATS", "NETWORKS", "NORMALIZATIONS", "ExportOptions", "ExportSummary", "StatementFilter", "StatementRow",
    "Window", "build_network", "export_network", "export_statements", "filter_statements", "load_statements",
    "read_statements", "time_windows",
]

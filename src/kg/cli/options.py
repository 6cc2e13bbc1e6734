"""Click options shared by several commands."""

from __future__ import annotations

import click

store_option = click.option(
    "--store", "store_path", type=click.Path(file_okay=False), envvar="KG_STORE", default=None,
    help="Embedded store folder (default: $KG_STORE or ~/.local/share/kg/store).",
)
data_option = click.option(
    "--data", "data_files", multiple=True, type=click.Path(dir_okay=False, allow_dash=True),
    help="Read the graph from RDF files instead of the store (repeatable; - for stdin).",
)
endpoint_option = click.option(
    "--endpoint", default=None, envvar="KG_ENDPOINT",
    help="URL of a remote SPARQL 1.1 query endpoint to use instead of the store.",
)
input_format_option = click.option(
    "--input-format", default=None,
    help="RDF format of the inputs when the extension does not tell (turtle, nt, nquads, trig, json-ld, xml).",
)

"""`kg query`: run a saved query, a query file or SPARQL text against the graph."""

from __future__ import annotations

import os

import click

from kg.errors import KgError

from kg.cli.options import data_option, endpoint_option, input_format_option, store_option
from kg.results import ALL_FORMATS


def choose_source_options(ctx: click.Context, data_files, store_path, endpoint):
    """--data and --endpoint given on the command line win over $KG_ENDPOINT and $KG_STORE."""
    from_env = click.core.ParameterSource.ENVIRONMENT
    if data_files and endpoint and ctx.get_parameter_source("endpoint") == from_env:
        endpoint = None
    if endpoint and data_files:
        raise KgError("give either --endpoint or --data, not both")
    return list(data_files), store_path, endpoint


def _is_file_reference(name: str) -> bool:
    # a bare word is always a saved query, even if a file of that name happens to be here
    return name.endswith(".rq") or os.sep in name or "/" in name


@click.command()
@click.argument("query", required=False, metavar="[NAME | FILE.rq]")
@click.option("-p", "--param", "params", nargs=2, multiple=True, metavar="NAME VALUE",
              help="A query parameter (repeatable; repeat a NAME to give several values).")
@click.option("--sparql", default=None, metavar="TEXT", help="Run this SPARQL text instead of a saved query.")
@click.option("--list", "list_queries", is_flag=True, help="List the saved queries and exit.")
@click.option("--help-query", is_flag=True, help="Show what the query does, its parameters and an example.")
@data_option
@store_option
@endpoint_option
@input_format_option
@click.option("-f", "--format", "fmt", type=click.Choice(ALL_FORMATS), default=None,
              help="Output: table (default), csv, tsv, json (W3C SPARQL results); "
                   "turtle (default for CONSTRUCT/DESCRIBE) or nt.")
@click.option("--allow-service", is_flag=True,
              help="Let a local query use SERVICE, which sends requests to other servers.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              help="Seconds to wait for a remote endpoint.")
@click.option("--print-sparql", is_flag=True,
              help="Print the query with its parameters bound, as it would be sent, and exit.")
@click.pass_context
def query(ctx, query, params, sparql, list_queries, help_query, data_files, store_path, endpoint,
          input_format, fmt, allow_service, timeout, print_sparql):
    """Ask the graph a question: a saved query NAME, your own FILE.rq, or --sparql TEXT.

    Parameters are bound as RDF terms (never pasted into the query text). Local
    queries read the union of the article graphs; --data reads RDF files into
    memory and writes nothing.

    \b
    Examples:
      kg query --list
      kg query who-supports --help-query
      kg query who-supports -p proposal ceasefire
      kg query positions-of -p actor guterres --format csv
      kg query evidence -p actor guterres -p proposal ceasefire --data seeds.ttl
      kg query my-question.rq --format json
      kg query --sparql 'SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Statement }'
      kg query proposals --endpoint http://localhost:7878/query
    """
    from kg.query import catalogue, parse_query_text, read_query_file, saved_query

    if list_queries:
        click.echo(_listing(catalogue()), nl=False)
        return
    if sparql is not None and query is not None:
        raise KgError("give a saved query NAME, a FILE.rq or --sparql TEXT, not two of them")
    if sparql is not None:
        from kg.sparql import query_form

        text = _with_prefixes(sparql)
        query_form(text)
        chosen = parse_query_text(text, "--sparql", "--sparql")
    elif query is not None:
        chosen = read_query_file(query) if _is_file_reference(query) else saved_query(query)
    else:
        raise KgError("give a saved query NAME, a FILE.rq or --sparql TEXT (kg query --list shows the saved queries)")
    if help_query:
        click.echo(chosen.help_text(), nl=False)
        return

    from kg.ordering import run_ordered
    from kg.query import bound_query_text
    from kg.results import format_result
    from kg.sources import open_source

    data_files, store_path, endpoint = choose_source_options(ctx, data_files, store_path, endpoint)
    source = open_source(data_files=data_files, store_path=store_path, endpoint=endpoint,
                         input_format=input_format, allow_service=allow_service, timeout=timeout)
    text = bound_query_text(chosen, params, source)
    if print_sparql:
        click.echo(text, nl=not text.endswith("\n"))
        return
    result = run_ordered(text, source)
    click.echo(format_result(result, fmt or ("turtle" if result.kind == "graph" else "table")), nl=False)


def _with_prefixes(text: str) -> str:
    """Ad-hoc SPARQL may use kg's usual prefixes (kg:, kgid:, schema:, rdfs:, ...) without declaring them.

    They go on the query's first line, so line numbers in error messages still match
    the text the user wrote (its own PREFIX lines, if any, come later and win).
    """
    from kg.namespaces import PREFIXES

    return " ".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()) + " " + text


def _listing(queries) -> str:
    rows = [(name, " ".join(f"-p {p.name}" + ("" if p.required else "?") for p in q.parameters), q.title)
            for name, q in queries.items()]
    widths = [max(len(r[i]) for r in rows + [("NAME", "PARAMETERS", "")]) for i in range(2)]
    lines = [f"{'NAME'.ljust(widths[0])}  {'PARAMETERS'.ljust(widths[1])}  TITLE"]
    lines += [f"{n.ljust(widths[0])}  {p.ljust(widths[1])}  {t}" for n, p, t in rows]
    lines.append("")
    lines.append("(? marks an optional parameter; kg query NAME --help-query explains one)")
    return "\n".join(lines) + "\n"

"""`kg load`, `kg stats` and `kg push`: fill the embedded store, count what is in a
graph, and send the statements to a remote SPARQL store."""

from __future__ import annotations

import json

import click

from kg.errors import KgError

from kg.cli.options import data_option, endpoint_option, input_format_option, store_option
from kg.cli.query import choose_source_options


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True))
@store_option
@input_format_option
def load(paths, store_path, input_format):
    """Add RDF files (from kg extract or elsewhere) to the embedded store.

    Each article's statements go to their own named graph, so loading an article
    again replaces it instead of duplicating it. Triples outside named graphs
    (Turtle, N-Triples) are split by article first. Every file is read before
    anything is written: one bad file loads nothing.

    \b
    Examples:
      kg load out/seeds.trig
      kg load corpus.nq more.ttl --store ./kg-store
    """
    from kg.load import load_files

    report = load_files(paths, store_path, input_format)
    click.echo(report.describe(), err=True)


@click.command()
@data_option
@store_option
@endpoint_option
@input_format_option
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Output format.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              help="Seconds to wait for a remote endpoint.")
@click.pass_context
def stats(ctx, data_files, store_path, endpoint, input_format, fmt, timeout):
    """Count the articles, statements, actors, proposals, named graphs and triples.

    \b
    Examples:
      kg stats
      kg stats --store ./kg-store --format json
      kg stats --data out/seeds.ttl
      kg stats --endpoint http://localhost:7878/query
    """
    from kg.query import graph_stats
    from kg.sources import open_source

    data_files, store_path, endpoint = choose_source_options(ctx, data_files, store_path, endpoint)
    source = open_source(data_files=data_files, store_path=store_path, endpoint=endpoint,
                         input_format=input_format, timeout=timeout)
    counts = graph_stats(source).as_dict()
    if fmt == "json":
        click.echo(json.dumps(counts, indent=2))
        return
    shown = {k: v for k, v in counts.items() if v is not None}
    width = max(len(k) for k in shown)
    click.echo(f"# {source.description}")
    for key, value in shown.items():
        click.echo(f"{key.replace('_', ' ').ljust(width)}  {value:>12,}")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@store_option
@endpoint_option
@click.option("--update-endpoint", envvar="KG_UPDATE_ENDPOINT", default=None, metavar="URL",
              help="SPARQL 1.1 Update URL, if not the --endpoint URL (Oxigraph: .../update; Fuseki: .../DATASET/update).")
@click.option("--graph-store", envvar="KG_GRAPH_STORE", default=None, metavar="URL",
              help="Use the SPARQL Graph Store Protocol at this URL instead of SPARQL Update "
                   "(Oxigraph: .../store; Fuseki: .../DATASET/data).")
@click.option("--batch-size", type=click.IntRange(min=1), default=5000, show_default=True,
              help="Triples per SPARQL Update request (an article's graph is never split).")
@click.option("--retries", type=click.IntRange(min=0), default=4, show_default=True,
              help="Retries of a failed request (no connection, timeout, HTTP 5xx or 429).")
@click.option("--retry-wait", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds before the first retry; the wait doubles each time.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              help="Seconds to wait for each request.")
@input_format_option
def push(paths, store_path, endpoint, update_endpoint, graph_store, batch_size, retries, retry_wait,
         timeout, input_format):
    """Send statements to a remote SPARQL store, one named graph per article.

    Reads the embedded store, or the RDF files in PATHS. Each article's graph
    replaces the remote copy, so a push can be repeated safely. Credentials come
    from $KG_ENDPOINT_USER and $KG_ENDPOINT_PASSWORD or from ~/.netrc, never from
    the command line.

    \b
    Examples:
      kg push --store ./kg-store --update-endpoint http://localhost:7878/update
      kg push out/seeds.trig --endpoint http://localhost:3030/kg
      kg push --graph-store http://localhost:7878/store
    """
    from kg.push import graphs_from_files, graphs_from_store, push_graphs

    if not (endpoint or update_endpoint or graph_store):
        raise KgError("say where to push: --endpoint, --update-endpoint or --graph-store")
    graphs = graphs_from_files(paths, input_format) if paths else graphs_from_store(store_path)
    report = push_graphs(graphs, update_endpoint=update_endpoint or endpoint, graph_store=graph_store,
                         batch_triples=batch_size, retries=retries, retry_wait=retry_wait, timeout=timeout,
                         on_retry=lambda message: click.echo(f"kg: {message}", err=True), query_endpoint=endpoint)
    click.echo(report.describe(), err=True)


@click.command()
@store_option
@endpoint_option
@click.option("--update-endpoint", envvar="KG_UPDATE_ENDPOINT", default=None, metavar="URL",
              help="SPARQL 1.1 Update URL of the endpoint, if not the --endpoint URL.")
@data_option
@click.option("-o", "--output", default=None, type=click.Path(dir_okay=False),
              help="With --data: write the index graph of the files to this .nq or .trig file.")
@input_format_option
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              help="Seconds to wait for each request to an endpoint.")
def reindex(store_path, endpoint, update_endpoint, data_files, output, input_format, timeout):
    """Rebuild the index graph the saved queries read, from the article graphs.

    kg keeps the index up to date on every extract, load and push; rebuild it when
    articles reached a store or endpoint by other means (an upload by hand, another
    tool, an older kg). It is safe to run at any time. For a store that takes no
    SPARQL Update, write the index of your files with --data and -o and load it too.

    \b
    Examples:
      kg reindex --store ./kg-store
      kg reindex --endpoint http://localhost:7878/query --update-endpoint http://localhost:7878/update
      kg reindex --data all.nq -o index.nq
    """
    if data_files or output:
        if not (data_files and output):
            raise KgError("--data and -o go together: the files to index and where to write their index graph")
        from kg.store import write_index_file

        triples = write_index_file(data_files, output, input_format)
        click.echo(f"kg: wrote the index graph of {len(data_files)} file(s) to {output}: {triples} triple(s)", err=True)
        return
    if endpoint:
        from kg.push import reindex_endpoint

        report = reindex_endpoint(endpoint, update_endpoint or endpoint, timeout=timeout,
                                  on_retry=lambda message: click.echo(f"kg: {message}", err=True))
        click.echo(f"kg: rebuilt the index graph of {report.target} for {report.index_entities} actor(s) and "
                   f"proposal(s) ({report.requests} request(s))", err=True)
        return
    from kg.store import default_store_path, open_store, reindex as reindex_store

    location = store_path or default_store_path()
    store = open_store(location, create=False)
    try:
        triples = reindex_store(store)
    finally:
        del store  # release the store's lock
    click.echo(f"kg: rebuilt the index graph of store {location}: {triples} triple(s)", err=True)

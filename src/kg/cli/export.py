"""`kg export`: a discourse network (two-mode, congruence, conflict, ...) for Gephi and other tools."""

from __future__ import annotations

import click

from kg.cli.options import data_option, endpoint_option, input_format_option, store_option
from kg.export.networks import NETWORKS, NORMALIZATIONS
from kg.export.statements import ACTOR_TYPES

_DATE = click.DateTime(formats=["%Y-%m-%d"])


@click.command()
@data_option
@store_option
@endpoint_option
@input_format_option
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="File to write; .gexf, .graphml or .csv (CSV writes OUT.nodes.csv and OUT.edges.csv).")
@click.option("--format", "fmt", type=click.Choice(["gexf", "graphml", "csv"]), default=None,
              help="Output format (default: from the extension of --output).")
@click.option("--network", type=click.Choice(NETWORKS), default="two-mode", show_default=True,
              help="two-mode: actors and proposals; congruence / conflict / subtract: actor-actor agreement, "
                   "disagreement, or their difference; proposals: proposal-proposal co-support.")
@click.option("--normalize", type=click.Choice(NORMALIZATIONS), default="none", show_default=True,
              help="Normalise one-mode edge weights by the two nodes' proposal (or supporter) sets.")
@click.option("--proposal", "proposals", multiple=True, metavar="TEXT",
              help="Only statements on proposals with this label, type or IRI, e.g. ceasefire (repeatable).")
@click.option("--actor-type", "actor_types", multiple=True, type=click.Choice(ACTOR_TYPES),
              help="Only statements by actors of this type (repeatable).")
@click.option("--since", type=_DATE, default=None, metavar="YYYY-MM-DD",
              help="Only statements dated on or after this day.")
@click.option("--until", type=_DATE, default=None, metavar="YYYY-MM-DD",
              help="Only statements dated on or before this day.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Only statements at least this confident.")
@click.option("--min-weight", type=click.FloatRange(min=0), default=0.0, show_default=True,
              help="Drop edges whose absolute weight is below this.")
@click.option("--dynamic", is_flag=True,
              help="GEXF only: a dynamic graph whose nodes and edges carry their first and last dates.")
@click.option("--window", "window_days", type=click.IntRange(min=1), default=None, metavar="DAYS",
              help="One network per period of DAYS days, written as OUT-<first day>.EXT.")
@click.option("--gexf-version", type=click.Choice(["1.3", "1.2draft"]), default="1.3", show_default=True,
              help="GEXF version to write.")
def export(data_files, store_path, endpoint, input_format, output, fmt, network, normalize, proposals,
           actor_types, since, until, min_confidence, min_weight, dynamic, window_days, gexf_version):
    """Export who stands where on what as a network file for Gephi.

    Reads the statements from --data files, a SPARQL --endpoint, or the store.

    \b
    Examples:
      kg export --data seeds.ttl -o positions.gexf
      kg export --network congruence --normalize jaccard -o agree.graphml
      kg export --proposal ceasefire --since 2024-01-01 --dynamic -o ceasefire.gexf
      kg export --network subtract --window 30 --format csv -o monthly
    """
    from kg.export.networks import StatementFilter
    from kg.export.run import ExportOptions, export_network

    options = ExportOptions(
        network=network, normalize=normalize, min_weight=min_weight, format=fmt, dynamic=dynamic,
        window_days=window_days, gexf_version=gexf_version,
        statement_filter=StatementFilter(
            proposals=tuple(proposals), actor_types=tuple(actor_types),
            since=since.date() if since else None, until=until.date() if until else None,
            min_confidence=min_confidence),
    )
    summary = export_network(output, options, data_files=data_files, store_path=store_path,
                             endpoint=endpoint, input_format=input_format)
    if summary.statements_read == 0:
        click.echo("kg: warning: the source holds no kg:Statement; the network is empty", err=True)
    elif summary.statements_used == 0:
        click.echo(f"kg: warning: no statements to export ({summary.statements_read} read, none left after "
                   f"the filters); the network is empty", err=True)
    click.echo(summary.describe(), err=True)

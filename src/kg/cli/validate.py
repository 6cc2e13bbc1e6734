"""`kg validate`: check RDF files against kg's SHACL shapes (and your own), compiler style."""

from __future__ import annotations

import sys

import click

from kg.cli.options import input_format_option


@click.command()
@click.argument("data", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--shapes", "shapes", multiple=True, type=click.Path(dir_okay=False),
              help="A SHACL shapes file to add to the built-in shapes (repeatable).")
@click.option("--default-shapes/--no-default-shapes", default=True, show_default=True,
              help="Use kg's built-in shapes; --no-default-shapes validates against --shapes only.")
@click.option("--format", "fmt", type=click.Choice(["text", "turtle", "json"]), default="text", show_default=True,
              help="text: grouped, for people; turtle: the standard sh:ValidationReport; json: a list of results.")
@click.option("--inference", type=click.Choice(["none", "rdfs"]), default="none", show_default=True,
              help="rdfs: add kg's ontology and its RDFS entailments (e.g. subclasses) before validating.")
@click.option("--max-errors", type=click.IntRange(min=0), default=None,
              help="List at most N results (the counts and the exit code still cover all of them).")
@click.option("--fail-on", type=click.Choice(["violation", "warning", "info"]), default="violation",
              show_default=True, help="Lowest severity that makes kg validate exit with 1.")
@click.option("--engine", type=click.Choice(["auto", "pyshacl"]), default="auto", show_default=True,
              help="auto: compiled SPARQL on Oxigraph where possible, pySHACL otherwise; pyshacl: pySHACL only.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write the report to this file instead of standard output.")
@input_format_option
def validate(data, shapes, default_shapes, fmt, inference, max_errors, fail_on, engine, output, input_format):
    """Validate RDF files in DATA against kg's SHACL shapes.

    DATA are RDF files in any serialisation (by extension, or --input-format;
    - reads standard input as Turtle unless --input-format says otherwise),
    validated together as one graph.

    Exit codes: 0 conforms (warnings allowed unless --fail-on warning),
    1 results at or above --fail-on, 2 unreadable data or shapes.

    \b
    Examples:
      kg validate statements.ttl
      kg validate a.ttl b.nq --shapes team-rules.ttl --format json
      curl -s https://example.org/data.nt | kg validate - --input-format nt
    """
    from kg.rdfio import atomic_output
    from kg.validate import validate_files
    from kg.validation.render import fails, render, summary_line

    report = validate_files(list(data), input_format=input_format, shapes=list(shapes),
                            default_shapes=default_shapes, inference=inference, max_errors=max_errors,
                            engine=engine)
    text = render(report, fmt, files=len(data))
    if output:
        with atomic_output(output) as handle:
            handle.write(text)
    else:
        click.echo(text, nl=False)
    if fmt != "text" or output:
        click.echo(f"kg validate: {summary_line(report, len(data))}", err=True)
    sys.exit(1 if fails(report, fail_on) else 0)

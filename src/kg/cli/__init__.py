"""The `kg` command: assembles the subcommands, turns KgError into one-line errors."""

from __future__ import annotations

import sys

import click

from kg import __version__
from kg.errors import KgError


class KgGroup(click.Group):
    """A group whose commands report KgError as `kg: error: ...` with its exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KgError as err:
            if ctx.meta.get("kg.debug"):
                raise
            click.echo(f"kg: error: {err}", err=True)
            ctx.exit(err.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except Exception as err:  # a bug in kg: still one line unless --debug
            if ctx.meta.get("kg.debug"):
                raise
            click.echo(f"kg: internal error: {type(err).__name__}: {err} (rerun with --debug for the traceback)", err=True)
            ctx.exit(3)


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
@click.option("--debug", is_flag=True, help="Show full tracebacks instead of one-line errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """kg: who stands where on what, with the evidence.

    Extract actors' positions (supports / rejects) on proposals from news
    articles into RDF, validate it with SHACL, query it with saved SPARQL
    queries, and export networks for Gephi.

    Exit codes: 0 success, 1 SHACL violations (or evaluation below
    --min-f1), 2 bad input or usage, 3 internal error.
    """
    ctx.meta["kg.debug"] = debug


def _register() -> None:
    from kg.cli import extract as extract_cmd

    cli.add_command(extract_cmd.extract)
    from kg.cli import export as export_cmd

    cli.add_command(export_cmd.export)
    from kg.cli import evaluate as evaluate_cmd

    cli.add_command(evaluate_cmd.evaluate)
    from kg.cli import query as query_cmd
    from kg.cli import store as store_cmd

    cli.add_command(query_cmd.query)
    cli.add_command(store_cmd.load)
    cli.add_command(store_cmd.stats)
    cli.add_command(store_cmd.push)
    cli.add_command(store_cmd.reindex)
    from kg.cli import validate as validate_cmd

    cli.add_command(validate_cmd.validate)


_register()


def main() -> None:
    cli(prog_name="kg")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

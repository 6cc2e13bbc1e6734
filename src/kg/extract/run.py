"""Run extraction over input paths and write the statements to a file or the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from kg.ingest import expand_paths, read_articles
from kg.model import ExtractionResult
from kg.rdf_mapping import article_graph, to_rdf

STORE_BATCH = 200  # articles per store transaction: bounded memory on big corpora


@dataclass
class ExtractionSummary:
    articles: int = 0
    statements: int = 0
    actors: set = field(default_factory=set)
    proposals: set = field(default_factory=set)
    destination: str = ""
    violations: int | None = None
    warnings_shacl: int | None = None
    warnings: list[str] = field(default_factory=list)

    def add(self, result: ExtractionResult) -> None:
        self.articles += 1
        self.statements += len(result.statements)
        for s in result.statements:
            self.actors.add(s.actor.key)
            self.proposals.add(s.proposal.key)
        self.warnings.extend(result.warnings)

    def describe(self) -> str:
        text = (f"kg: {self.articles} article(s), {self.statements} statement(s), "
                f"{len(self.actors)} actor(s), {len(self.proposals)} proposal(s) -> {self.destination}")
        if self.violations is not None:
            if self.violations == 0:
                text += "; validated: conforms"
            else:
                text += f"; validated: {self.violations} SHACL violation(s) (run `kg validate` for details)"
            if self.warnings_shacl:
                text += f", {self.warnings_shacl} warning(s)"
        return text


def _validate(summary: ExtractionSummary, graph) -> None:
    from kg.validate import validate_graph

    report = validate_graph(graph)
    summary.violations = (summary.violations or 0) + report.count("Violation")
    summary.warnings_shacl = (summary.warnings_shacl or 0) + report.count("Warning")


def extract_results(paths: Iterable[str | Path], model: str | None = None, min_confidence: float = 0.0,
                    on_article: Callable[[ExtractionResult], None] | None = None, jobs: int = 1):
    """Yield an ExtractionResult per article in PATHS, in input order; JOBS processes parse."""
    from kg.extract.pipeline import extract_articles, load_pipeline

    nlp = load_pipeline(model)
    for result in extract_articles(read_articles(paths), nlp, min_confidence=min_confidence, n_process=jobs):
        if on_article is not None:
            on_article(result)
        yield result


def extract_paths(paths, output: str | Path | None = None, store_path: str | Path | None = None,
                  model: str | None = None, min_confidence: float = 0.0, validate: bool = True,
                  on_file_done: Callable[[str], None] | None = None, jobs: int = 1) -> ExtractionSummary:
    """Extract every article in PATHS into OUTPUT (an RDF file) or the embedded store.

    JOBS > 1 parses in that many processes (spaCy's n_process); the output is the same."""
    from kg.rdfio import output_format, write_dataset

    paths = [str(p) for p in paths]
    expand_paths(paths)  # fail on a missing path before loading the model
    summary = ExtractionSummary()
    if output is not None:
        output_format(output)  # fail on an unknown extension before doing any work
        results = []
        for result in extract_results(paths, model, min_confidence, jobs=jobs):
            summary.add(result)
            results.append(result)
            if on_file_done:
                on_file_done(result.article.source)
        dataset = to_rdf(results)
        if validate:
            import rdflib

            flat = rdflib.Graph()
            for s, p, o, _g in dataset.quads((None, None, None, None)):
                flat.add((s, p, o))
            _validate(summary, flat)
        write_dataset(dataset, output)
        summary.destination = str(output)
        return summary

    from kg.store import default_store_path, open_store, write_dataset_to_store

    store = open_store(store_path)
    summary.destination = f"store {store_path or default_store_path()}"
    batch: list[ExtractionResult] = []

    def flush() -> None:
        if not batch:
            return
        dataset = to_rdf(batch)
        write_dataset_to_store(store, dataset)
        if validate:
            import rdflib

            graph = rdflib.Graph()
            for result in batch:
                article_graph(result, graph)
            _validate(summary, graph)
        batch.clear()

    for result in extract_results(paths, model, min_confidence, jobs=jobs):
        summary.add(result)
        batch.append(result)
        if on_file_done:
            on_file_done(result.article.source)
        if len(batch) >= STORE_BATCH:
            flush()
    flush()
    return summary

"""Score extracted statements against hand-made gold statements (`NAME.gold.json` files).

A gold file is a JSON object: ``{"article": "NAME.txt", "date": ..., "statements": [...]}``.
Each statement has ``actor``, ``actor_aliases``, ``stance`` ("supports" | "rejects"),
``proposal``, either ``proposal_keywords`` or ``proposal_tokens``, optionally
``alternatives`` (a list of ``{"stance", "proposal_keywords" | "proposal_tokens"}``),
``evidence`` and ``certain`` (default true). Other keys are ignored.

A predicted Statement matches a gold statement when all three parts match:

* Actor: one of the predicted actor's labels (label and aliases) equals one of the gold
  actor's names (``actor`` and ``actor_aliases``), or their *distinctive name words*
  coincide: the distinctive words of one are all among those of the other ("Zelensky"
  ~ "Ukrainian President Volodymyr Zelensky", "President Putin" ~ "Vladimir Putin").
  Distinctive words are the name's words minus titles, roles, party descriptors and
  function words (``TITLE_WORDS``, ``NAME_STOPWORDS``) and one-letter tokens (initials,
  the "s" of a possessive). All comparisons are case-, accent- and punctuation-
  insensitive (António == Antonio, "Mr. Cruz" == "Mr Cruz").
* Stance: equal. An alternative brings its own stance.
* Proposal: with ``proposal_keywords``, every keyword occurs as a substring of one of the
  proposal's labels (label and aliases), case-, accent- and hyphen-insensitively, so a
  keyword such as "territor" is a prefix ("territory", "territorial"), and "ceasefire"
  matches "cease-fire". With ``proposal_tokens`` (and no keywords), the label shares at
  least one content word with the tokens; words are compared after stripping a plural
  ending, and function words (``CONTENT_STOPWORDS``) never count. Any alternative may
  stand in for the statement's own stance and proposal criterion.

Matching is one-to-one per article: certain gold statements are matched first with a
maximum matching (each gold statement at most once, each prediction at most once), so the
true positives are as many as possible; the predictions left over are then matched the
same way against the uncertain gold statements and those are ignored (neither true nor
false positives). Every other prediction is a false positive; every unmatched certain gold
statement is a miss. Recall is over certain gold statements only. Overall scores are
micro-averaged (sums of TP, FP and FN over all articles).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from json.decoder import scanstring
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from kg.errors import InputError
from kg.model import Actor, Proposal, Statement
from kg.plurals import singular

GOLD_SUFFIX = ".gold.json"
STANCES = ("supports", "rejects")

# The word lists below define the metric: changing them changes every reported score, so
# they live with the rules that use them rather than in a lexicon meant to be tuned.
TITLE_WORDS = frozenset("""
    president presidents vice secretary general minister ministers prime foreign defence defense
    interior finance chancellor premier king queen prince princess sheikh emir pope cardinal
    mr mrs ms miss dr sir lord lady sen sens senator senators rep reps representative
    congressman congresswoman gov governor mayor gen col lt adm admiral commander chairman
    chairwoman chair chairperson leader spokesman spokeswoman spokesperson ambassador envoy
    official officials former ex acting deputy chief head un nations united
    candidate candidates nominee hopeful hopefuls frontrunner front runner presidential
    democratic democrat republican gop conservative liberal progressive independent
""".split())
NAME_STOPWORDS = frozenset("the of and a an for in on at to from by with who his her their its".split())
CONTENT_STOPWORDS = frozenset("""
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most much must my myself no nor not now of off on once only or other
    our ours ourselves out over own same shall she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours yourself
""".split())

_EVIDENCE_WIDTH = 110


@dataclass(frozen=True)
class ProposalCriterion:
    """How a gold statement recognises its proposal, with the stance that goes with it."""

    stance: str
    keywords: tuple[str, ...] = ()  # all must occur in a label (substring match)
    tokens: tuple[str, ...] = ()  # used when there are no keywords: one shared content word suffices


@dataclass(frozen=True)
class GoldStatement:
    """One hand-annotated position; `source` is "FILE:LINE" of its JSON object."""

    actor: str
    actor_aliases: tuple[str, ...]
    stance: str
    proposal: str
    proposal_keywords: tuple[str, ...] = ()
    proposal_tokens: tuple[str, ...] = ()
    alternatives: tuple[ProposalCriterion, ...] = ()
    evidence: str = ""
    certain: bool = True
    source: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.actor, *self.actor_aliases)

    @property
    def criteria(self) -> tuple[ProposalCriterion, ...]:
        own = ProposalCriterion(self.stance, self.proposal_keywords, self.proposal_tokens)
        return (own, *self.alternatives)


@dataclass(frozen=True)
class GoldArticle:
    """The gold statements of one article, read from `path`."""

    name: str  # the gold file's name without .gold.json
    path: Path
    article: str  # the article's file name, relative to the articles folder
    date: str | None
    statements: tuple[GoldStatement, ...]


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


class _Scores:
    """Precision, recall and F1 from the tp, fp and fn counts of the class that mixes it in."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        """None when nothing was predicted (outside the uncertain statements)."""
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """None when there is no certain gold statement."""
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        # 2TP / (2TP + FP + FN) equals the harmonic mean of P and R where both exist and is
        # 0 (not undefined) when there is gold but no prediction, or predictions but no gold.
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)


@dataclass
class ArticleScore(_Scores):
    """How the predictions for one article fared against its gold statements."""

    name: str
    gold_path: str
    article_path: str
    matches: list[tuple[Statement, GoldStatement]] = field(default_factory=list)
    misses: list[GoldStatement] = field(default_factory=list)  # certain gold statements not matched
    false_positives: list[Statement] = field(default_factory=list)
    ignored: list[tuple[Statement, GoldStatement]] = field(default_factory=list)  # matched uncertain gold

    @property
    def tp(self) -> int:
        return len(self.matches)

    @property
    def fp(self) -> int:
        return len(self.false_positives)

    @property
    def fn(self) -> int:
        return len(self.misses)

    @property
    def predicted(self) -> int:
        return self.tp + self.fp + len(self.ignored)



@dataclass
class EvaluationReport(_Scores):
    """Per-article scores and their micro-averaged totals."""

    articles: list[ArticleScore] = field(default_factory=list)

    @property
    def tp(self) -> int:
        return sum(a.tp for a in self.articles)

    @property
    def fp(self) -> int:
        return sum(a.fp for a in self.articles)

    @property
    def fn(self) -> int:
        return sum(a.fn for a in self.articles)

    @property
    def ignored(self) -> int:
        return sum(len(a.ignored) for a in self.articles)

    @property
    def predicted(self) -> int:
        return sum(a.predicted for a in self.articles)


    def meets(self, min_f1: float) -> bool:
        """Whether the overall F1 reaches MIN_F1; an undefined F1 (nothing to score) does not."""
        return self.f1 is not None and self.f1 >= min_f1

    def to_dict(self, show_errors: bool = True) -> dict[str, Any]:
        """A JSON-ready summary; misses and false positives only when SHOW_ERRORS."""
        return {
            "overall": _counts(self),
            "articles": [
                {"name": a.name, "gold": a.gold_path, "article": a.article_path, **_counts(a),
                 **({"misses": [_gold_dict(g) for g in a.misses],
                     "false_positives": [_prediction_dict(s) for s in a.false_positives]}
                    if show_errors else {})}
                for a in self.articles
            ],
        }


def _counts(score: ArticleScore | EvaluationReport) -> dict[str, Any]:
    return {"gold": score.tp + score.fn, "predicted": score.predicted, "tp": score.tp, "fp": score.fp,
            "fn": score.fn, "ignored": len(score.ignored) if isinstance(score, ArticleScore) else score.ignored,
            "precision": score.precision, "recall": score.recall, "f1": score.f1}


def _gold_dict(gold: GoldStatement) -> dict[str, Any]:
    return {"actor": gold.actor, "stance": gold.stance, "proposal": gold.proposal,
            "evidence": gold.evidence, "source": gold.source}


def _prediction_dict(statement: Statement) -> dict[str, Any]:
    return {"actor": statement.actor.label, "stance": statement.stance, "proposal": statement.proposal.label,
            "evidence": statement.evidence.text, "confidence": statement.confidence}


# --- reading gold files -------------------------------------------------------------------

def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n\r":
        pos += 1
    return pos


def _json_lines(text: str) -> dict[tuple, int]:
    """Line of every value in a JSON document (already known to parse), by path.

    json.loads keeps no positions, so problems found after parsing ("stance must be ...")
    could not name a line; this walk over the same text recovers them. Object members are
    located at their key, array items at their first character.
    """
    decoder = json.JSONDecoder()
    lines: dict[tuple, int] = {}

    def line_at(pos: int) -> int:
        return text.count("\n", 0, pos) + 1

    def walk(pos: int, path: tuple, line: int) -> int:
        pos = _skip_ws(text, pos)
        lines[path] = line
        opening = text[pos]
        if opening not in "{[":
            return decoder.raw_decode(text, pos)[1]
        closing = "}" if opening == "{" else "]"
        pos = _skip_ws(text, pos + 1)
        index = 0
        while text[pos] != closing:
            if opening == "{":
                key_line = line_at(pos)
                key, pos = scanstring(text, pos + 1)
                pos = _skip_ws(text, pos) + 1  # past the colon
                pos = walk(pos, path + (key,), key_line)
            else:
                pos = walk(pos, path + (index,), line_at(pos))
                index += 1
            pos = _skip_ws(text, pos)
            if text[pos] == ",":
                pos = _skip_ws(text, pos + 1)
        return pos + 1

    walk(0, (), line_at(_skip_ws(text, 0)))
    return lines


class _GoldReader:
    """Validates one parsed gold file, raising InputError at the line of the first problem."""

    def __init__(self, path: Path, lines: dict[tuple, int]):
        self.path = path
        self.lines = lines

    def fail(self, at: tuple, reason: str) -> InputError:
        while at and at not in self.lines:
            at = at[:-1]
        return InputError(self.path, reason, line=self.lines.get(at))

    def string(self, obj: dict, key: str, at: tuple, what: str, required: bool = True) -> str:
        value = obj.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            if key not in obj:
                raise self.fail(at, f"{what} has no {key!r}")
            raise self.fail(at + (key,), f"{what}: {key!r} must be a non-empty string")
        return value.strip()

    def strings(self, obj: dict, key: str, at: tuple, what: str, allow_empty: bool) -> tuple[str, ...]:
        value = obj.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(at + (key,), f"{what}: {key!r} must be a list of non-empty strings")
        if not value and not allow_empty:
            raise self.fail(at + (key,), f"{what}: {key!r} is empty, so it would match any proposal")
        return tuple(v.strip() for v in value)

    def stance(self, obj: dict, at: tuple, what: str, default: str | None = None) -> str:
        if "stance" not in obj and default is not None:
            return default
        value = obj.get("stance")
        if value not in STANCES:
            if "stance" not in obj:
                raise self.fail(at, f"{what} has no 'stance'")
            raise self.fail(at + ("stance",), f"{what}: 'stance' must be \"supports\" or \"rejects\", not {value!r}")
        return value

    def criterion(self, obj: dict, at: tuple, what: str, stance: str) -> ProposalCriterion:
        if "proposal_keywords" in obj:  # keywords are the stricter test, so they win when both are given
            return ProposalCriterion(stance, keywords=self.strings(obj, "proposal_keywords", at, what, False))
        if "proposal_tokens" in obj:
            # Tokens may be empty (some PolNeAR attributions have no content word); such a
            # statement then matches no proposal at all rather than every one.
            return ProposalCriterion(stance, tokens=self.strings(obj, "proposal_tokens", at, what, True))
        raise self.fail(at, f"{what} has neither 'proposal_keywords' nor 'proposal_tokens'")

    def statement(self, obj: object, index: int) -> GoldStatement:
        at = ("statements", index)
        what = f"statement {index + 1}"
        if not isinstance(obj, dict):
            raise self.fail(at, f"{what} is not a JSON object")
        actor = self.string(obj, "actor", at, what)
        aliases = self.strings(obj, "actor_aliases", at, what, True) if "actor_aliases" in obj else ()
        stance = self.stance(obj, at, what)
        proposal = self.string(obj, "proposal", at, what)
        own = self.criterion(obj, at, what, stance)
        alternatives = []
        raw_alternatives = obj.get("alternatives", [])
        if not isinstance(raw_alternatives, list):
            raise self.fail(at + ("alternatives",), f"{what}: 'alternatives' must be a list of objects")
        for number, alt in enumerate(raw_alternatives):
            alt_at = at + ("alternatives", number)
            alt_what = f"{what}, alternative {number + 1}"
            if not isinstance(alt, dict):
                raise self.fail(alt_at, f"{alt_what} is not a JSON object")
            alternatives.append(self.criterion(alt, alt_at, alt_what, self.stance(alt, alt_at, alt_what, stance)))
        certain = obj.get("certain", True)
        if not isinstance(certain, bool):
            raise self.fail(at + ("certain",), f"{what}: 'certain' must be true or false, not {certain!r}")
        evidence = obj.get("evidence", "")
        if not isinstance(evidence, str):
            raise self.fail(at + ("evidence",), f"{what}: 'evidence' must be a string")
        return GoldStatement(actor=actor, actor_aliases=aliases, stance=stance, proposal=proposal,
                             proposal_keywords=own.keywords, proposal_tokens=own.tokens,
                             alternatives=tuple(alternatives), evidence=evidence.strip(), certain=certain,
                             source=f"{self.path}:{self.lines.get(at, '?')}")


def gold_name(path: str | Path) -> str:
    """NAME for NAME.gold.json (the whole stem for any other file name)."""
    name = Path(path).name
    return name[: -len(GOLD_SUFFIX)] if name.endswith(GOLD_SUFFIX) else Path(name).stem


def load_gold(path: str | Path) -> GoldArticle:
    """Read and check one gold file; any problem is an InputError naming the file and line."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror or err}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(path, "not UTF-8 text", line=data[: err.start].count(b"\n") + 1) from None
    if not text.strip():
        raise InputError(path, "file is empty")
    try:
        document = json.loads(text)
        lines = _json_lines(text)
    except json.JSONDecodeError as err:
        raise InputError(path, f"invalid JSON: {err.msg} (column {err.colno})", line=err.lineno) from None
    except RecursionError:
        raise InputError(path, "JSON is nested too deeply") from None
    reader = _GoldReader(path, lines)
    if not isinstance(document, dict):
        raise reader.fail((), "a gold file must be a JSON object with a 'statements' list")
    statements = document.get("statements")
    if not isinstance(statements, list):
        raise reader.fail(("statements",) if "statements" in document else (),
                          "'statements' must be a list" if "statements" in document else "no 'statements' list")
    article = document.get("article")
    if article is not None and (not isinstance(article, str) or not article.strip()):
        raise reader.fail(("article",), "'article' must be the article's file name")
    date = document.get("date")
    if date is not None and not isinstance(date, str):
        raise reader.fail(("date",), "'date' must be a string or null")
    return GoldArticle(name=gold_name(path), path=path, article=(article or "").strip(), date=date,
                       statements=tuple(reader.statement(s, i) for i, s in enumerate(statements)))


def load_gold_dir(gold: str | Path) -> list[GoldArticle]:
    """Every NAME.gold.json in the folder GOLD (not recursive), by name; GOLD may be one file."""
    gold = Path(gold)
    if not gold.exists():
        raise InputError(gold, "no such file or folder")
    if gold.is_file():
        return [load_gold(gold)]
    files = sorted(p for p in gold.iterdir() if p.is_file() and p.name.endswith(GOLD_SUFFIX))
    if not files:
        raise InputError(gold, f"folder has no *{GOLD_SUFFIX} files")
    return [load_gold(p) for p in files]


# --- matching -----------------------------------------------------------------------------

def _fold(text: str) -> str:
    """Case-folded text without accents, with typographic apostrophes made plain."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2018", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", _fold(text))


# words that name a kind of body, not which one: "Conservative Party" is not told from "Labour
# Party" by "party", so the title-like word before it stays distinctive
KIND_WORDS = frozenset("""
    party parties union unions council association ministry department group committee front alliance
    coalition movement federation league congress assembly caucus bloc
""".split())


def _distinctive(name: str, titles: bool = False) -> frozenset[str]:
    return frozenset(w for w in _words(name) if len(w) > 1 and w not in NAME_STOPWORDS
                     and (titles or w not in TITLE_WORDS))


def names_match(predicted: str, gold: str) -> bool:
    """Whether a predicted actor label and a gold actor name denote the same actor."""
    predicted_words, gold_words = _words(predicted), _words(gold)
    if predicted_words and predicted_words == gold_words:
        return True
    mine, theirs = _distinctive(predicted), _distinctive(gold)
    if (mine and mine <= KIND_WORDS) or (theirs and theirs <= KIND_WORDS):
        # "Conservative Party" against "Labour Party": the title-like word names the party
        mine, theirs = _distinctive(predicted, titles=True), _distinctive(gold, titles=True)
        if mine <= KIND_WORDS or theirs <= KIND_WORDS:
            return False  # "the party" names no party
    return bool(mine and theirs) and (mine <= theirs or theirs <= mine)


def actor_matches(actor: Actor, gold: GoldStatement) -> bool:
    labels = {actor.label, *actor.aliases}
    return any(names_match(label, name) for label in labels for name in gold.names)


def _flat(text: str) -> str:
    """Folded text with hyphens removed and other punctuation as single spaces, for substring tests."""
    joined = re.sub(r"[-\u2010-\u2014]", "", _fold(text))
    return " ".join(re.findall(r"[^\W_]+", joined))


def _content_stems(words: Iterable[str]) -> set[str]:
    return {singular(w) for w in words if len(w) > 1 and w not in CONTENT_STOPWORDS}


def criterion_matches(stance: str, proposal: Proposal, criterion: ProposalCriterion) -> bool:
    if stance != criterion.stance:
        return False
    labels = [proposal.label, *sorted(proposal.aliases)]
    if criterion.keywords:
        keywords = [_flat(k) for k in criterion.keywords]
        return any(all(k in _flat(label) for k in keywords) for label in labels)
    wanted = _content_stems(w for token in criterion.tokens for w in _words(token))
    return any(wanted & _content_stems(_words(label)) for label in labels)


def statement_matches(predicted: Statement, gold: GoldStatement) -> bool:
    """The matching rule of the module docstring: actor, stance and proposal all match."""
    return (any(criterion_matches(predicted.stance, predicted.proposal, c) for c in gold.criteria)
            and actor_matches(predicted.actor, gold))


def _maximum_matching(edges: list[list[int]], free: Sequence[int]) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn's augmenting paths): gold index -> prediction index.

    EDGES[p] lists the gold indices prediction p may match; only predictions in FREE take
    part. Predictions and gold are tried in order, so the result is deterministic.
    """
    owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    for p in free:
        augment(p, set())
    return owner


def score_article(gold: GoldArticle, predictions: Sequence[Statement], article_path: str | Path = "") -> ArticleScore:
    """Match PREDICTIONS for one article against its GOLD statements, one to one."""
    certain = [g for g in gold.statements if g.certain]
    uncertain = [g for g in gold.statements if not g.certain]
    score = ArticleScore(name=gold.name, gold_path=str(gold.path), article_path=str(article_path))

    certain_edges = [[i for i, g in enumerate(certain) if statement_matches(p, g)] for p in predictions]
    first = _maximum_matching(certain_edges, range(len(predictions)))
    taken = set(first.values())
    uncertain_edges = [[i for i, g in enumerate(uncertain) if statement_matches(p, g)] for p in predictions]
    second = _maximum_matching(uncertain_edges, [p for p in range(len(predictions)) if p not in taken])
    ignored = set(second.values())

    for g_index, p_index in sorted(first.items(), key=lambda item: item[1]):
        score.matches.append((predictions[p_index], certain[g_index]))
    score.misses = [g for i, g in enumerate(certain) if i not in first]
    score.ignored = [(predictions[p], uncertain[g]) for g, p in sorted(second.items(), key=lambda item: item[1])]
    score.false_positives = [p for i, p in enumerate(predictions) if i not in taken and i not in ignored]
    return score


def score_predictions(golds: Iterable[GoldArticle], predictions: dict[str, Sequence[Statement]]) -> EvaluationReport:
    """Score PREDICTIONS (by gold name) for every gold article; a missing name means none."""
    return EvaluationReport([score_article(g, predictions.get(g.name, ())) for g in golds])


# --- running the extractor ------------------------------------------------------------------

def article_path_for(gold: GoldArticle, articles_dir: str | Path) -> Path:
    """The article file a gold file describes: its "article" name, else NAME.* with a text suffix."""
    from kg.ingest import SUPPORTED

    folder = Path(articles_dir)
    if not folder.is_dir():
        raise InputError(folder, "no such folder" if not folder.exists() else "not a folder")
    if gold.article:
        path = folder / gold.article
        if not path.is_file():
            raise InputError(gold.path, f"article {gold.article!r} not found in {folder}")
        return path
    candidates = sorted(p for p in folder.glob(f"{gold.name}.*") if p.suffix.lower() in SUPPORTED
                        and not p.name.endswith(GOLD_SUFFIX))
    if not candidates:
        raise InputError(gold.path, f"no 'article' given and no {gold.name}.* article in {folder}")
    return candidates[0]


def evaluate(gold_dir: str | Path, articles_dir: str | Path, model: str | None = None,
             min_confidence: float = 0.0, nlp=None,
             on_article: Callable[[ArticleScore], None] | None = None) -> EvaluationReport:
    """Extract every article that has a gold file in GOLD_DIR and score it.

    Articles are looked up in ARTICLES_DIR by each gold file's "article" name, so gold and
    articles may share one folder. All gold files and articles are checked before the
    spaCy pipeline (MODEL, or NLP if already loaded) is loaded.
    """
    from kg.ingest import check_input, expand_paths, read_articles

    golds = load_gold_dir(gold_dir)
    paths = [article_path_for(g, articles_dir) for g in golds]
    for path in paths:
        expand_paths([path])  # rejects unsupported file types
        check_input(path)
    if nlp is None:
        from kg.extract.pipeline import load_pipeline

        nlp = load_pipeline(model)
    from kg.extract.pipeline import extract_articles

    # one nlp.pipe stream over every article; OWNERS says which gold file each article belongs to
    owners: list[int] = []

    def articles():
        for index, path in enumerate(paths):
            for article in read_articles([path]):
                owners.append(index)
                yield article

    predictions: list[list[Statement]] = [[] for _ in golds]
    scored = 0
    report = EvaluationReport()

    def score_done(upto: int) -> None:
        nonlocal scored
        while scored < upto:
            score = score_article(golds[scored], predictions[scored], paths[scored])
            report.articles.append(score)
            if on_article is not None:
                on_article(score)
            scored += 1

    for n, result in enumerate(extract_articles(articles(), nlp, min_confidence=min_confidence)):
        owner = owners[n]
        score_done(owner)  # every earlier gold file is complete
        predictions[owner].extend(result.statements)
    score_done(len(golds))
    return report


# --- the text report ------------------------------------------------------------------------

def _number(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def _shorten(text: str, width: int = _EVIDENCE_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"


def report_text(report: EvaluationReport, show_errors: bool = True) -> str:
    """A table of per-article and overall scores, then each article's misses and false positives."""
    header = f"{'gold':>5} {'pred':>5} {'TP':>4} {'FP':>4} {'FN':>4} {'ign':>4} {'P':>6} {'R':>6} {'F1':>6}  article"
    rows = [header]

    def row(score: ArticleScore | EvaluationReport, name: str) -> str:
        ignored = len(score.ignored) if isinstance(score, ArticleScore) else score.ignored
        return (f"{score.tp + score.fn:>5} {score.predicted:>5} {score.tp:>4} {score.fp:>4} {score.fn:>4} "
                f"{ignored:>4} {_number(score.precision):>6} {_number(score.recall):>6} {_number(score.f1):>6}  {name}")

    rows.extend(row(a, a.name) for a in report.articles)
    rows.append(row(report, f"overall (micro-averaged over {len(report.articles)} article(s))"))
    if show_errors:
        for a in report.articles:
            if not a.misses and not a.false_positives:
                continue
            rows.append("")
            rows.append(f"{a.name}: {a.fn} miss(es), {a.fp} false positive(s)")
            for g in a.misses:
                rows.append(f"  miss  {g.actor} {g.stance} {g.proposal}  [{g.source}]")
                if g.evidence:
                    rows.append(f"        \"{_shorten(g.evidence)}\"")
            for s in a.false_positives:
                rows.append(f"  FP    {s.actor.label} {s.stance} {s.proposal.label}  (confidence {s.confidence:.2f})")
                rows.append(f"        \"{_shorten(s.evidence.text)}\"")
    return "\n".join(rows)

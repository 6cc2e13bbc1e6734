"""kg evaluate: gold files, the matching rules, the scores, and the command on the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import InputError
from kg.evaluate import (
    EvaluationReport,
    GoldArticle,
    GoldStatement,
    load_gold,
    load_gold_dir,
    names_match,
    report_text,
    score_article,
    score_predictions,
    statement_matches,
)
from kg.model import Actor, Article, Evidence, Proposal, Statement

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED_GOLD = REPO.parent / "shared" / "gold"

ARTICLE = Article(doc_id="a1", text="Someone said something.", source="a1.txt")


def predicted(actor: str, stance: str, proposal: str, *, actor_aliases=(), proposal_aliases=(),
              evidence: str = "Someone said something.", confidence: float = 0.9) -> Statement:
    return Statement(
        actor=Actor(key=actor.lower().replace(" ", "-"), label=actor, kind="person", aliases=frozenset(actor_aliases)),
        stance=stance,
        proposal=Proposal(key=proposal.lower().replace(" ", "-"), label=proposal, aliases=frozenset(proposal_aliases)),
        article=ARTICLE, evidence=Evidence(evidence, 0, len(evidence)), confidence=confidence)


def gold_statement(actor: str, stance: str, proposal: str = "", *, aliases=(), keywords=(), tokens=(),
                   alternatives=(), certain: bool = True, evidence: str = "") -> dict:
    record = {"actor": actor, "actor_aliases": list(aliases) or [actor], "stance": stance,
              "proposal": proposal or " ".join(keywords or tokens) or "something", "evidence": evidence, "certain": certain}
    if keywords:
        record["proposal_keywords"] = list(keywords)
    if tokens or not keywords:
        record["proposal_tokens"] = list(tokens)
    if alternatives:
        record["alternatives"] = list(alternatives)
    return record


def write_gold(folder: Path, name: str, statements: list[dict], article: str | None = None) -> Path:
    path = folder / f"{name}.gold.json"
    path.write_text(json.dumps({"article": article or f"{name}.txt", "date": None, "statements": statements},
                               indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def gold_of(tmp_path: Path, *statements: dict, name: str = "a1") -> GoldArticle:
    return load_gold(write_gold(tmp_path, name, list(statements)))


def one(tmp_path: Path, statement: dict) -> GoldStatement:
    return gold_of(tmp_path, statement).statements[0]


# --- reading gold files -----------------------------------------------------------------------

def test_load_gold_reads_every_field_and_the_line_of_each_statement(tmp_path):
    text = """{
  "article": "x.txt", "date": "2025-07",
  "statements": [
    {"actor": "António Guterres", "actor_aliases": ["Guterres"], "stance": "supports",
     "proposal": "ceasefire", "proposal_keywords": ["ceasefire"],
     "alternatives": [{"stance": "rejects", "proposal_keywords": ["war"]}],
     "evidence": "Guterres called for a ceasefire.", "polnear": "ignored"},
    {"actor": "Trump", "actor_aliases": ["Trump"], "stance": "rejects", "proposal": "refugees",
     "proposal_tokens": [], "certain": false}
  ]
}
"""
    path = tmp_path / "x.gold.json"
    path.write_text(text, encoding="utf-8")
    gold = load_gold(path)
    assert (gold.name, gold.article, gold.date) == ("x", "x.txt", "2025-07")
    first, second = gold.statements
    assert first.names == ("António Guterres", "Guterres")
    assert first.proposal_keywords == ("ceasefire",) and first.proposal_tokens == ()
    assert first.alternatives[0].stance == "rejects" and first.alternatives[0].keywords == ("war",)
    assert first.certain is True  # the default when "certain" is absent
    assert first.source == f"{path}:4"
    assert second.certain is False and second.proposal_tokens == () and second.source == f"{path}:8"


def test_load_gold_dir_takes_only_gold_files_sorted(tmp_path):
    write_gold(tmp_path, "b", [])
    write_gold(tmp_path, "a", [])
    (tmp_path / "a.txt").write_text("An article.\n", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    assert [g.name for g in load_gold_dir(tmp_path)] == ["a", "b"]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="no \\*.gold.json files"):
        load_gold_dir(empty)


GOOD = '{"actor": "Putin", "stance": "rejects", "proposal": "ceasefire", "proposal_keywords": ["ceasefire"]}'


@pytest.mark.parametrize("body, line, reason", [
    ('{"statements": [\n' + GOOD + ',\n  {"actor": "Putin" "stance": 1}\n]}', 3, "invalid JSON"),
    ('{"statements": [\n' + GOOD + ',\n{"actor": "Putin",\n "stance": "backs",\n "proposal": "x", "proposal_keywords": ["x"]}\n]}',
     4, "statement 2: 'stance' must be \"supports\" or \"rejects\", not 'backs'"),
    ('{"statements": [\n' + GOOD + ',\n\n{"stance": "supports", "proposal": "x", "proposal_keywords": ["x"]}]}',
     4, "statement 2 has no 'actor'"),
    ('{"statements": [\n{"actor": "Putin", "stance": "rejects", "proposal": "x",\n "proposal_keywords": []}]}',
     3, "'proposal_keywords' is empty"),
    ('{"statements": [\n{"actor": "Putin", "stance": "rejects", "proposal": "x"}]}',
     2, "neither 'proposal_keywords' nor 'proposal_tokens'"),
    ('{"statements": [\n' + GOOD[:-1] + ',\n "certain": "yes"}]}', 3, "'certain' must be true or false"),
    ('{"statements": [\n' + GOOD[:-1] + ',\n "alternatives": [\n  {"stance": "rejects"}]}]}',
     4, "statement 1, alternative 1 has neither"),
    ('{"statements": [\n' + GOOD[:-1] + ',\n "actor_aliases": ["Putin", 3]}]}', 3,
     "'actor_aliases' must be a list of non-empty strings"),
    ('{"article": "a.txt",\n "statements": {}}', 2, "'statements' must be a list"),
    ('[\n' + GOOD + ']', 1, "must be a JSON object"),
    ('{"statements": [\n 7]}', 2, "statement 1 is not a JSON object"),
])
def test_malformed_gold_is_one_error_naming_file_and_line(tmp_path, body, line, reason):
    path = tmp_path / "bad.gold.json"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_gold(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert reason in message
    assert "\n" not in message


def test_gold_that_is_not_utf8_or_empty_is_rejected(tmp_path):
    binary = tmp_path / "bin.gold.json"
    binary.write_bytes(b'{"statements": [\n"\xff"]}')
    with pytest.raises(InputError, match=r"bin\.gold\.json:2: not UTF-8"):
        load_gold(binary)
    empty = tmp_path / "empty.gold.json"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(InputError, match="file is empty"):
        load_gold(empty)


# --- matching rules --------------------------------------------------------------------------

@pytest.mark.parametrize("mine, theirs, expected", [
    ("António Guterres", "Antonio Guterres", True),  # accents
    ("ANTONIO GUTERRES", "antónio guterres", True),  # case
    ("Mr. Cruz", "Mr Cruz", True),  # punctuation
    ("Zelensky", "Ukrainian President Volodymyr Zelensky", True),  # predicted words within gold's
    ("Russian President Vladimir Putin", "Putin", True),  # gold words within predicted ones
    ("President Putin", "Vladimir Putin", True),  # titles are not distinctive
    ("Trump’s", "Donald Trump", True),  # possessive
    ("UN Secretary-General Guterres", "Guterres", True),
    ("Hillary Clinton", "Bill Clinton", False),  # each has a word the other lacks
    ("Secretary-General", "UN Secretary-General Guterres", False),  # titles alone identify no one
    ("President", "President of Ukraine", False),
    ("Ukraine", "Russia", False),
    ("Conservative Party", "Labour Party", False),  # "party" names no party: the adjective does
    ("Democratic Party", "Republican Party", False),
    ("Conservative Party", "Conservative Party of Canada", True),
    ("Party", "Labour Party", False),
    ("Labour", "Labour Party", True),
])
def test_actor_names_match_on_distinctive_words(mine, theirs, expected):
    assert names_match(mine, theirs) is expected


def test_actor_matches_through_any_predicted_alias_and_any_gold_alias(tmp_path):
    gold = one(tmp_path, gold_statement("Ukraine", "supports", keywords=["talks"], aliases=["Kyiv", "Kiev"]))
    assert statement_matches(predicted("Ukrainian government", "supports", "peace talks", actor_aliases=["Kyiv"]), gold)
    assert not statement_matches(predicted("Ukrainian government", "supports", "peace talks"), gold)


def test_stance_must_be_equal(tmp_path):
    gold = one(tmp_path, gold_statement("Putin", "rejects", keywords=["ceasefire"]))
    assert statement_matches(predicted("Vladimir Putin", "rejects", "an immediate ceasefire"), gold)
    assert not statement_matches(predicted("Vladimir Putin", "supports", "an immediate ceasefire"), gold)


def test_keywords_are_case_insensitive_prefixes_and_all_are_required(tmp_path):
    gold = one(tmp_path, gold_statement("Kyiv", "rejects", keywords=["territor", "russia"]))
    assert statement_matches(predicted("Kyiv", "rejects", "Russia's Territorial demands"), gold)
    assert not statement_matches(predicted("Kyiv", "rejects", "territorial demands"), gold)  # "russia" missing


def test_keywords_ignore_hyphens_and_accents_and_may_match_a_proposal_alias(tmp_path):
    gold = one(tmp_path, gold_statement("Guterres", "supports", keywords=["ceasefire"]))
    assert statement_matches(predicted("Guterres", "supports", "an immediate cease-fire"), gold)
    gold = one(tmp_path, gold_statement("Guterres", "supports", keywords=["referendum"]))
    assert statement_matches(predicted("Guterres", "supports", "a vote", proposal_aliases=["a référendum"]), gold)
    assert not statement_matches(predicted("Guterres", "supports", "a vote"), gold)


def test_alternatives_stand_in_with_their_own_stance(tmp_path):
    gold = one(tmp_path, gold_statement(
        "Putin", "supports", "end of Western military support", keywords=["western"],
        alternatives=[{"stance": "rejects", "proposal_keywords": ["western"]},
                      {"stance": "supports", "proposal_keywords": ["cede"]}]))
    assert statement_matches(predicted("Putin", "supports", "an end to Western support"), gold)
    assert statement_matches(predicted("Putin", "rejects", "Western military support"), gold)
    assert statement_matches(predicted("Putin", "supports", "Ukraine to cede land"), gold)
    assert not statement_matches(predicted("Putin", "rejects", "Ukraine to cede land"), gold)


def test_tokens_need_one_shared_content_word(tmp_path):
    gold = one(tmp_path, gold_statement("Trump", "supports", tokens=["ban", "muslims", "entering", "united", "states"]))
    assert statement_matches(predicted("Donald Trump", "supports", "a Muslim ban"), gold)
    assert statement_matches(predicted("Donald Trump", "supports", "Muslims"), gold)  # plural-insensitive
    assert not statement_matches(predicted("Donald Trump", "supports", "a wall"), gold)
    function_words = one(tmp_path, gold_statement("Trump", "supports", tokens=["the", "against", "wall"]))
    assert not statement_matches(predicted("Trump", "supports", "the fight against ISIS"), function_words)


def test_keywords_take_precedence_over_tokens(tmp_path):
    statement = gold_statement("Trump", "supports", keywords=["wall"])
    statement["proposal_tokens"] = ["ban"]
    gold = one(tmp_path, statement)
    assert statement_matches(predicted("Trump", "supports", "a border wall"), gold)
    assert not statement_matches(predicted("Trump", "supports", "a ban"), gold)


def test_empty_tokens_match_nothing(tmp_path):
    gold = one(tmp_path, gold_statement("Clinton", "supports", tokens=[], certain=False))
    assert not statement_matches(predicted("Clinton", "supports", "anything at all"), gold)


# --- scoring ---------------------------------------------------------------------------------

def test_perfect_partial_and_false_predictions(tmp_path):
    gold = gold_of(tmp_path,
                   gold_statement("Guterres", "supports", keywords=["ceasefire"]),
                   gold_statement("Putin", "rejects", keywords=["ceasefire"]),
                   gold_statement("Zelensky", "supports", keywords=["meeting"]))
    score = score_article(gold, [
        predicted("António Guterres", "supports", "ceasefire"),
        predicted("Putin", "rejects", "ceasefire"),
        predicted("Putin", "supports", "ceasefire", evidence="Putin said he wanted peace."),
    ])
    assert (score.tp, score.fp, score.fn) == (2, 1, 1)
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 / 3)
    assert [g.actor for g in score.misses] == ["Zelensky"]
    assert [s.evidence.text for s in score.false_positives] == ["Putin said he wanted peace."]


def test_a_gold_statement_is_matched_at_most_once(tmp_path):
    gold = gold_of(tmp_path, gold_statement("Putin", "rejects", keywords=["ceasefire"]))
    score = score_article(gold, [predicted("Putin", "rejects", "ceasefire"),
                                 predicted("Vladimir Putin", "rejects", "a ceasefire now")])
    assert (score.tp, score.fp, score.fn) == (1, 1, 0)
    assert score.matches[0][0].actor.label == "Putin"  # the first of equals wins


def test_matching_is_maximal_not_greedy(tmp_path):
    # The first prediction fits both gold statements, the second only the first one:
    # a greedy pass would give 1 TP, the one-to-one maximum is 2.
    gold = gold_of(tmp_path,
                   gold_statement("Putin", "rejects", keywords=["ceasefire"]),
                   gold_statement("Putin", "rejects", keywords=["truce"]))
    score = score_article(gold, [predicted("Putin", "rejects", "a ceasefire or truce"),
                                 predicted("Putin", "rejects", "a ceasefire")])
    assert (score.tp, score.fp, score.fn) == (2, 0, 0)


def test_uncertain_gold_neither_rewards_nor_penalises(tmp_path):
    gold = gold_of(tmp_path,
                   gold_statement("Putin", "rejects", keywords=["ceasefire"]),
                   gold_statement("Germany", "supports", keywords=["arms"], certain=False))
    score = score_article(gold, [predicted("Putin", "rejects", "ceasefire"),
                                 predicted("Germany", "supports", "arms cooperation")])
    assert (score.tp, score.fp, score.fn, len(score.ignored)) == (1, 0, 0, 1)
    assert score.precision == 1.0 and score.recall == 1.0
    # An unmatched uncertain statement is no miss.
    alone = score_article(gold, [predicted("Putin", "rejects", "ceasefire")])
    assert (alone.tp, alone.fp, alone.fn, len(alone.ignored)) == (1, 0, 0, 0)


def test_certain_gold_is_preferred_over_uncertain(tmp_path):
    gold = gold_of(tmp_path,
                   gold_statement("Putin", "rejects", keywords=["ceasefire"], certain=False),
                   gold_statement("Putin", "rejects", keywords=["ceasefire"]))
    score = score_article(gold, [predicted("Putin", "rejects", "ceasefire")])
    assert (score.tp, score.fp, score.fn, len(score.ignored)) == (1, 0, 0, 0)
    assert score.matches[0][1].certain is True


def test_uncertain_gold_absorbs_one_prediction_each(tmp_path):
    gold = gold_of(tmp_path, gold_statement("Germany", "supports", keywords=["arms"], certain=False))
    score = score_article(gold, [predicted("Germany", "supports", "arms"), predicted("Germany", "supports", "arms")])
    assert (score.tp, score.fp, len(score.ignored)) == (0, 1, 1)
    assert score.precision == 0.0 and score.recall is None and score.f1 == 0.0


def test_undefined_scores_are_none(tmp_path):
    gold = gold_of(tmp_path, gold_statement("Putin", "rejects", keywords=["ceasefire"]))
    nothing = score_article(gold, [])
    assert nothing.precision is None and nothing.recall == 0.0 and nothing.f1 == 0.0
    empty = score_article(gold_of(tmp_path, name="b"), [])
    assert empty.precision is None and empty.recall is None and empty.f1 is None
    report = EvaluationReport([empty])
    assert report.f1 is None and not report.meets(0.0)


def test_overall_scores_are_micro_averaged(tmp_path):
    first = gold_of(tmp_path, gold_statement("Putin", "rejects", keywords=["ceasefire"]), name="first")
    second = gold_of(tmp_path,
                     gold_statement("Kyiv", "supports", keywords=["talks"]),
                     gold_statement("Kyiv", "rejects", keywords=["territor"]),
                     gold_statement("Moscow", "supports", keywords=["talks"]), name="second")
    report = score_predictions([first, second], {
        "first": [predicted("Putin", "rejects", "ceasefire")],  # P 1, R 1
        "second": [predicted("Kyiv", "supports", "peace talks"),  # P 1/3, R 1/3
                   predicted("Kyiv", "supports", "sanctions"), predicted("Kyiv", "supports", "loans")],
    })
    assert [(a.tp, a.fp, a.fn) for a in report.articles] == [(1, 0, 0), (1, 2, 2)]
    assert (report.tp, report.fp, report.fn) == (2, 2, 2)
    assert report.precision == 0.5 and report.recall == 0.5 and report.f1 == 0.5  # macro would be 2/3
    assert report.meets(0.5) and not report.meets(0.51)


def test_report_lists_misses_and_false_positives_with_evidence(tmp_path):
    gold = gold_of(tmp_path, gold_statement("Zelensky", "supports", "direct meeting", keywords=["meeting"],
                                            evidence="Ukraine insists on a direct meeting."))
    long_evidence = "Putin said " + "very " * 60 + "clearly that he wants more."
    report = EvaluationReport([score_article(gold, [predicted("Putin", "rejects", "sanctions", evidence=long_evidence)])])
    text = report_text(report)
    assert "miss  Zelensky supports direct meeting" in text
    assert "Ukraine insists on a direct meeting." in text
    assert "FP    Putin rejects sanctions  (confidence 0.90)" in text
    assert "\u2026" in text and long_evidence not in text  # evidence is truncated
    overall = [line for line in text.splitlines() if "overall" in line][0].split()
    assert overall[:6] == ["1", "1", "0", "1", "1", "0"]  # gold pred TP FP FN ign
    quiet = report_text(report, show_errors=False)
    assert "\n  miss  " not in quiet and "\n  FP    " not in quiet

    decoded = json.loads(json.dumps(report.to_dict()))
    assert decoded["overall"]["fp"] == 1 and decoded["overall"]["precision"] == 0.0
    assert decoded["articles"][0]["misses"][0]["source"].endswith("a1.gold.json:5")
    assert decoded["articles"][0]["false_positives"][0]["evidence"] == long_evidence
    assert "misses" not in report.to_dict(show_errors=False)["articles"][0]


# --- the command -----------------------------------------------------------------------------

def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_cli_rejects_malformed_gold_before_extracting(tmp_path):
    (tmp_path / "a.txt").write_text("Putin rejected a ceasefire.\n", encoding="utf-8")
    gold = tmp_path / "a.gold.json"
    gold.write_text('{"article": "a.txt",\n "statements": [\n {"actor": "Putin", "stance": "maybe"}]}',
                    encoding="utf-8")
    result = run("evaluate", "--gold", str(tmp_path), str(tmp_path))
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"kg: error: {gold}:3: statement 1: 'stance' must be \"supports\" or \"rejects\", not 'maybe'")


def test_cli_reports_a_missing_article_naming_the_gold_file(tmp_path):
    write_gold(tmp_path, "a", [gold_statement("Putin", "rejects", keywords=["ceasefire"])], article="gone.txt")
    result = run("evaluate", "--gold", str(tmp_path), str(tmp_path))
    assert result.exit_code == 2
    assert result.output.strip() == f"kg: error: {tmp_path / 'a.gold.json'}: article 'gone.txt' not found in {tmp_path}"
    result = run("evaluate", "--gold", str(tmp_path / "nowhere"), str(tmp_path))
    assert result.exit_code == 2 and "nowhere: no such file or folder" in result.output


def _check_numbers(counts: dict) -> None:
    for key in ("precision", "recall", "f1"):
        assert counts[key] is None or 0.0 <= counts[key] <= 1.0, (key, counts)
    for key in ("gold", "predicted", "tp", "fp", "fn", "ignored"):
        assert isinstance(counts[key], int) and counts[key] >= 0
    assert counts["tp"] + counts["fn"] == counts["gold"]
    assert counts["tp"] + counts["fp"] + counts["ignored"] == counts["predicted"]


@pytest.mark.skipif(not SHARED_GOLD.is_dir(), reason="../shared/gold (the seeds' gold) is not present")
def test_cli_on_the_seeds_reports_every_article_and_overall():
    result = run("evaluate", "--gold", str(SHARED_GOLD), str(SEEDS), "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    names = sorted(p.name[: -len(".gold.json")] for p in SHARED_GOLD.glob("*.gold.json"))
    assert [a["name"] for a in report["articles"]] == names
    _check_numbers(report["overall"])
    for article in report["articles"]:
        _check_numbers(article)
        assert Path(article["article"]).parent == SEEDS
        assert len(article["misses"]) == article["fn"] and len(article["false_positives"]) == article["fp"]
    assert report["overall"]["gold"] == sum(a["gold"] for a in report["articles"]) > 0
    assert report["min_f1"] is None and report["passed"] is None

    text = run("evaluate", "--gold", str(SHARED_GOLD), str(SEEDS), "--no-show-errors")
    assert text.exit_code == 0
    lines = text.stdout.splitlines()
    assert lines[0].split() == ["gold", "pred", "TP", "FP", "FN", "ign", "P", "R", "F1", "article"]
    assert [line.split()[-1] for line in lines[1:-1]] == names
    assert lines[-1].split()[9] == "overall"
    for line in lines[1:]:
        for value in line.split()[6:9]:
            assert value == "n/a" or 0.0 <= float(value) <= 1.0


def test_cli_min_f1_sets_the_exit_status(tmp_path):
    # Nobody in the text is the gold actor, so recall and F1 are 0 whatever is extracted.
    (tmp_path / "calm.txt").write_text("Quiet day\n\nThe weather was mild and the market was open.\n",
                                       encoding="utf-8")
    write_gold(tmp_path, "calm", [gold_statement("Zorblax Quintero", "supports", keywords=["glarbification"])],
               article="calm.txt")
    failing = run("evaluate", "--gold", str(tmp_path), str(tmp_path), "--min-f1", "0.5", "--format", "json")
    assert failing.exit_code == 1
    assert "kg: overall F1 0.000 is below --min-f1 0.5" in failing.stderr
    summary = json.loads(failing.stdout)
    assert summary["passed"] is False and summary["overall"]["fn"] == 1 and summary["overall"]["f1"] == 0.0
    assert summary["articles"][0]["misses"][0]["actor"] == "Zorblax Quintero"
    passing = run("evaluate", "--gold", str(tmp_path), str(tmp_path), "--min-f1", "0")
    assert passing.exit_code == 0
    assert "miss  Zorblax Quintero supports glarbification" in passing.stdout

"""Reading articles: text, Markdown, HTML, JSON and JSONL, folders, and noise lines."""

from __future__ import annotations

import json

import pytest

from kg.errors import InputError
from kg.extract.blocks import split_blocks
from kg.ingest import read_articles


def test_text_headline_and_date_from_name(tmp_path):
    path = tmp_path / "outlet_2024-05-01_story.txt"
    path.write_text("\n\nThe headline\n\nBody text here.\n", encoding="utf-8")
    article = next(read_articles([path]))
    assert article.headline == "The headline"
    assert article.date == "2024-05-01"
    assert article.doc_id == "outlet_2024-05-01_story"


def test_folder_is_searched_recursively_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("B\n\nbody b\n", encoding="utf-8")
    (tmp_path / "sub" / "a.md").write_text("# A\n\nbody a\n", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    ids = [a.doc_id for a in read_articles([tmp_path])]
    assert ids == ["b", "a"]


def test_json_list_and_single_object(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"id": 7, "text": "One."}, {"text": "Two.", "title": "T"}]), encoding="utf-8")
    articles = list(read_articles([path]))
    assert [a.doc_id for a in articles] == ["7", "batch-2"]
    assert articles[1].text.startswith("T\n\n")


def test_jsonl_is_streamed(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(1000):
            handle.write(json.dumps({"id": f"n{i}", "text": f"Record {i}."}) + "\n")
        handle.write("{not json}\n")
    articles = read_articles([path])
    first = next(articles)  # the broken last line has not been read yet
    assert first.doc_id == "n0"
    with pytest.raises(InputError) as err:
        list(articles)
    assert "big.jsonl:1001" in str(err.value)


def test_noise_lines_are_skipped():
    text = ("Headline words here\nPhoto: Agency\nRead alsoSomething else entirely\nВидео дня сегодня\n"
            "  • A bullet with enough words.\nBy John Smith\nA normal sentence of the article.\n")
    blocks = split_blocks(text)
    bodies = [b.text for b in blocks]
    assert bodies == ["Headline words here", "A bullet with enough words.", "A normal sentence of the article."]
    for block in blocks:
        assert text[block.start:block.start + len(block.text)] == block.text
    assert blocks[0].is_headline

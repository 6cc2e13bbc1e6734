"""Read articles from text, Markdown, HTML and JSON/JSONL files, or folders of them.

Every problem with an input is an InputError naming the file (and line for JSONL).
JSONL is streamed record by record, so corpora of any size never sit in memory.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterable, Iterator

from kg.errors import InputError
from kg.model import Article

TEXT_EXTENSIONS = {".txt", ".md", ".text"}
HTML_EXTENSIONS = {".html", ".htm"}
RECORD_EXTENSIONS = {".jsonl", ".json", ".ndjson"}
SUPPORTED = TEXT_EXTENSIONS | HTML_EXTENSIONS | RECORD_EXTENSIONS
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files to read: given files as they are, folders searched recursively for supported files."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(path, "no such file or folder")
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED
                           and not p.name.startswith("."))
            if not found:
                raise InputError(path, f"folder has no article files ({', '.join(sorted(SUPPORTED))})")
            files.extend(found)
        else:
            if path.suffix.lower() not in SUPPORTED:
                raise InputError(path, f"unsupported file type {path.suffix or '(none)'!r}; expected one of {', '.join(sorted(SUPPORTED))}")
            files.append(path)
    return files


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror or err}") from None
    if not data.strip():
        raise InputError(path, "file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(path, f"not UTF-8 text (byte 0x{data[err.start]:02x})", line=line) from None
    if not text.strip():
        raise InputError(path, "file is empty")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_input(path: Path) -> None:
    """Fail early, before any output is written, on a file that cannot be read."""
    if path.suffix.lower() in RECORD_EXTENSIONS:
        try:
            with path.open("rb") as handle:
                head = handle.read(8192)
        except OSError as err:
            raise InputError(path, f"cannot read: {err.strerror or err}") from None
        if not head.strip():
            raise InputError(path, "file is empty")
        if b"\x00" in head:
            raise InputError(path, "binary file, not JSON")
    else:
        _read_text(path)


def _date_from_name(name: str) -> str | None:
    match = _DATE_IN_NAME.search(name)
    return match.group(1) if match else None


def read_text_article(path: Path) -> Article:
    """A plain-text or Markdown article: the first non-empty line is the headline."""
    text = _read_text(path)
    headline = next((line.strip().lstrip("#").strip() for line in text.splitlines() if line.strip()), "")
    return Article(doc_id=path.stem, text=text, headline=headline, date=_date_from_name(path.name),
                   source=str(path))


def read_html_article(path: Path) -> Article:
    """An HTML page: main text, title, date, URL and site name extracted by trafilatura."""
    import trafilatura

    html = _read_text(path)
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_precision=True)
    if extracted is None:
        raise InputError(path, "no article text found in the HTML")
    doc = extracted if isinstance(extracted, dict) else extracted.as_dict()
    body = (doc.get("text") or "").strip()
    if not body:
        raise InputError(path, "no article text found in the HTML")
    title = (doc.get("title") or "").strip()
    text = f"{title}\n\n{body}\n" if title else body + "\n"
    return Article(doc_id=path.stem, text=text, headline=title or body.splitlines()[0],
                   date=doc.get("date") or _date_from_name(path.name), url=doc.get("url") or None,
                   outlet=doc.get("sitename") or None, source=str(path))


def article_from_record(record: object, path: Path, line: int | None, index: int) -> Article:
    """One JSON record with `text` and optional `id`, `title`, `date`, `url`, `outlet`."""
    if not isinstance(record, dict):
        raise InputError(path, "record is not a JSON object", line=line)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(path, "record has no non-empty \"text\" field", line=line)
    title = record.get("title") or record.get("headline") or ""
    if not isinstance(title, str):
        raise InputError(path, "\"title\" is not a string", line=line)
    title = title.strip()
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    first_line = body.strip().split("\n", 1)[0].strip()
    full = f"{title}\n\n{body}" if title and first_line != title else body
    raw_id = record.get("id")
    doc_id = str(raw_id) if raw_id not in (None, "") else f"{path.stem}-{index}"
    def optional(name: str) -> str | None:
        value = record.get(name)
        return str(value).strip() if value not in (None, "") else None
    return Article(doc_id=doc_id, text=full, headline=title or full.strip().splitlines()[0],
                   date=optional("date"), url=optional("url"),
                   outlet=optional("outlet") or optional("source"),
                   source=f"{path}:{line}" if line else str(path))


def read_records(path: Path) -> Iterator[Article]:
    """Records from JSONL (one object per line, streamed) or JSON (an object or a list)."""
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        try:
            handle = path.open("r", encoding="utf-8")
        except OSError as err:
            raise InputError(path, f"cannot read: {err.strerror or err}") from None
        with handle:
            index = 0
            lineno = 0
            while True:
                try:
                    raw = handle.readline()
                except UnicodeDecodeError:
                    raise InputError(path, "not UTF-8 text", line=lineno + 1) from None
                if not raw:
                    break
                lineno += 1
                if not raw.strip():
                    continue
                try:
                    record = json.loads(raw)
                except json.JSONDecodeError as err:
                    raise InputError(path, f"invalid JSON: {err.msg}", line=lineno) from None
                index += 1
                yield article_from_record(record, path, lineno, index)
            if index == 0:
                raise InputError(path, "file has no records")
        return
    text = _read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(path, f"invalid JSON: {err.msg}", line=err.lineno) from None
    records = data if isinstance(data, list) else [data]
    if not records:
        raise InputError(path, "file has no records")
    for index, record in enumerate(records, start=1):
        yield article_from_record(record, path, None, index)


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article]:
    """Every article in PATHS, in order. Files are checked before the first article is yielded."""
    files = expand_paths(paths)
    for path in files:
        check_input(path)
    for path in files:
        suffix = path.suffix.lower()
        if suffix in RECORD_EXTENSIONS:
            yield from read_records(path)
        elif suffix in HTML_EXTENSIONS:
            yield read_html_article(path)
        else:
            yield read_text_article(path)

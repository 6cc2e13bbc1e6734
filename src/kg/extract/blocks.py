"""Split an article into the blocks worth parsing, keeping offsets into the article text.

News text carries noise around the article body: photo credits, "Read also" teasers,
bylines, bullet markers, lines in other languages. Such lines are skipped here so
they can neither produce statements nor disturb the parse of their neighbours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BULLET = re.compile(r"^[\s•·▪●◦‣∙*\-–—>]+")
_NOISE = re.compile(
    r"^(read also|read more|also read|see also|related:|related articles?|photo|image|picture|credit|"
    r"follow us|subscribe|sign up|share this|advertisement|copyright|©|all rights reserved|"
    r"click here|watch:|video:|listen:|by [A-Z][\w.'-]+( [A-Z][\w.'-]+){0,3}$)",
    re.IGNORECASE,
)
_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Block:
    start: int  # offset of text[0] in the article text
    text: str
    is_headline: bool = False


def _mostly_latin(line: str) -> bool:
    letters = _LETTER.findall(line)
    if not letters:
        return False
    return sum(1 for ch in letters if _LATIN.match(ch)) / len(letters) >= 0.8


def split_blocks(text: str, headline: str = "") -> list[Block]:
    """Non-empty, non-noise lines of TEXT as blocks; the first one is the headline."""
    blocks: list[Block] = []
    offset = 0
    first = True
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        is_headline = first
        first = False
        bullet = _BULLET.match(line)
        lead = bullet.end() if bullet else len(line) - len(line.lstrip())
        body = line[lead:].rstrip()
        if not body or _NOISE.match(body) or not _mostly_latin(body):
            continue
        if len(body.split()) < 3:
            continue
        blocks.append(Block(start=line_start + lead, text=body, is_headline=is_headline))
    return blocks

"""Split an article into the blocks worth parsing, keeping offsets into the article text.

News text carries noise around the article body: photo credits, "Read also" teasers,
bylines, bullet markers, lines in other languages. Such lines are skipped here so
they can neither produce statements nor disturb the parse of their neighbours. A
wire dateline opening a paragraph ("GENEVA, May 2 (Reuters) - ") is cut off the
same way: parsed with the sentence, the place became part of the subject.
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
# a place in capitals (up to four words, "KYIV/ISTANBUL" one of them), an optional date or
# country, an optional agency in brackets, then a dash with spaces around it (or an en or em
# dash); or the agency in brackets alone ("(Bloomberg) -- ")
# a byline with the outlet or agency after the name: "By Chloe Brennan, AAP", "By Arjun Sen, The
# Siliguri Sentinel", "By Ana Petrovic and Ivo Kral, AFP" (case-sensitive: not "By contrast, ...")
_BYLINE = re.compile(
    r"^By [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}(?: and [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})?"
    r"(?:, (?:[Tt]he )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4}){1,2}$"
)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’/-]+(?: [A-Z][A-Z.'’/-]+){0,3}"
    r"(?:, [A-Z][a-z]+\.?(?: [A-Z][a-z]+)?(?: \d{1,2})?(?:, \d{4})?){0,2}"  # "NUUK, Greenland, Aug 14"
    r"(?: \([A-Z][\w .&/-]{0,40}\))?"
    r"|\([A-Z][\w .&/-]{0,40}\))"
    r"(?: +[-–—]+ +|\s*[–—]\s*)"
)
_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Block:
    start: int  # offset of text[0] in the article text
    text: str
    is_headline: bool = False
    dateline: str = ""  # the place of a dateline cut off the block ("KYIV/ISTANBUL"), if any


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
        if not body or _NOISE.match(body) or _BYLINE.match(body) or not _mostly_latin(body):
            continue
        dateline = _DATELINE.match(body)
        if is_headline and dateline and not re.search(r"\(|\d", dateline.group()):
            dateline = None  # "EU - China summit opens" is a headline; "BERLIN (Reuters) - ..." is not
        if dateline:
            is_headline = False  # a text that opens with its dateline has no headline line
        place = ""
        if dateline and len(dateline.group().strip(" -–—")) >= 2:
            place = dateline.group().split(",")[0].split("(")[0].strip(" -–—")
            lead += dateline.end()
            body = body[dateline.end():]
        if len(body.split()) < 3:
            continue
        blocks.append(Block(start=line_start + lead, text=body, is_headline=is_headline, dateline=place))
    return blocks


_WORD = re.compile(r"[A-Za-z][a-z]+(?:['’][a-z]+)?")


def _base_forms(word: str) -> list[str]:
    forms = [word]
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.append(word[: len(word) - len(suffix)] + replacement)
    return forms


def recase_headline(text: str, vocabulary: frozenset[str]) -> str:
    """Undo Title Case in a headline so it parses like a sentence, keeping every offset.

    "Secretary-General Urges Immediate Cessation of Hostilities" becomes "... urges immediate
    cessation of hostilities": a capitalised word is lower-cased when it (or its base form) is a
    common or lexicon word. Names stay capitalised because they are in no vocabulary.
    """
    words = _WORD.findall(text)
    if len(words) < 4:
        return text
    capitalised = sum(1 for w in words if w[0].isupper() and len(w) > 3)
    longer = sum(1 for w in words if len(w) > 3)
    if not longer or capitalised / longer < 0.6:
        return text

    def fix(match: re.Match) -> str:
        word = match.group(0)
        if match.start() == 0 or not word[0].isupper() or word[1:] != word[1:].lower():
            return word
        if any(form in vocabulary for form in _base_forms(word.lower())):
            return word.lower()
        return word

    return _WORD.sub(fix, text)

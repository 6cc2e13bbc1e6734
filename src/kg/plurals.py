"""A plural-insensitive form of an English word, for comparing names of proposals."""

from __future__ import annotations


def singular(word: str) -> str:
    """The word without a regular plural ending: "sanctions" -> "sanction", "taxes" -> "tax",
    "subsidies" -> "subsidy"; "status", "crisis" and "access" stay as they are."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word

"""Deterministic IRIs: the same actor, proposal or article always gets the same IRI."""

from __future__ import annotations

import hashlib
from functools import lru_cache
import re
import unicodedata

from rdflib import URIRef

from kg.namespaces import KGID


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphen-separated: 'António Guterres' -> 'antonio-guterres'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if not slug:  # a name with no Latin letters at all still needs a stable key
        slug = "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return slug[:80].rstrip("-")


@lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """The key of a person's IRI: the slug with word-final doubled letters collapsed and
    common transliteration endings unified, so "Zelenskyy" and "Zelensky", "Muhammad" and
    "Muhammed" meet on one IRI while the label keeps the spelling seen."""
    slug = slugify(name)
    slug = re.sub(r"([a-z])\1+(?=-|$)", r"\1", slug)
    slug = re.sub(r"(?<=[a-z])(ii|iy|yi)(?=-|$)", "y", slug)
    slug = re.sub(r"(?<=m)e(?=d(-|$))", "a", slug)
    return slug


def actor_iri(key: str) -> URIRef:
    return KGID[f"actor/{key}"]


def proposal_iri(key: str) -> URIRef:
    return KGID[f"proposal/{key}"]


def article_iri(doc_id: str) -> URIRef:
    return KGID[f"article/{slugify(doc_id)}"]


def statement_iri(doc_id: str, actor_key: str, stance: str, proposal_key: str, start: int, end: int) -> URIRef:
    digest = hashlib.sha1(f"{doc_id}|{actor_key}|{stance}|{proposal_key}|{start}|{end}".encode("utf-8")).hexdigest()
    return KGID[f"statement/{digest[:20]}"]

"""Names of organisations the tagger does not know, learned from how an article introduces them.

The small English model tags "Ofwat" as a place in one sentence and as nothing in the next, and
misses invented or little-known company names altogether. A writer introducing such a name
says what it is: "the regulator Ofwat", "Polar Harvest, a Norwegian fishing company,". A name
introduced that way is tagged an organisation (ORG) wherever the article uses it, unless the
gazetteer knows it as a state.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg import gazetteer
from kg.extract.actors import given_name_genders
from kg.extract.lexicon import Lexicon

_MAX_NAME = 5  # words in a name
_JOINERS = frozenset({"for", "of", "'", "'s"})  # (not "and": "Junts and ERC" are two)


def tag_introduced_organisations(docs: list[Doc], lexicon: Lexicon) -> None:
    """Tag, in every doc of one article, each organisation name the article introduces with its
    kind, and each untagged name that speaks or acts as a subject ("Skyways said it would appeal")."""
    kinds = lexicon.word_sets["organisation_kinds"]
    names = {name for doc in docs for name in _introduced_names(doc, kinds)}
    # (not a word of a person's name, nor the last word of a longer name: "Carmen Quispe ... Quispe said")
    persons = {t.text for doc in docs for e in doc.ents if e.label_ == "PERSON" for t in e}
    shortened = {(e[-1].text,) for doc in docs for e in doc.ents if len(e) > 1}
    names |= {name for doc in docs for name in _acting_names(doc, lexicon)
              if not persons.intersection(name) and name not in shortened}
    if not names:
        return
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(names, key=len, reverse=True):  # the longest name first
        by_first.setdefault(name[0], []).append(name)
    for doc in docs:
        found: list[tuple[int, int]] = []
        i = 0
        while i < len(doc):
            length = next((len(n) for n in by_first.get(doc[i].text, ())
                           if tuple(t.text for t in doc[i:i + len(n)]) == n), 0)
            if length and not any(t.ent_type_ == "ORG" for t in doc[i:i + length]) \
                    and (i + length == len(doc) or doc[i + length].pos_ != "PROPN") \
                    and (i == 0 or doc[i - 1].pos_ != "PROPN"):
                found.append((i, i + length))
                i += length
            else:
                i += 1
        if found:
            _replace_entities(doc, [Span(doc, start, end, label="ORG") for start, end in found])


_NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC", "LOC"})


def untag_common_nouns(docs: list[Doc]) -> None:
    """Drop the name tags the tagger puts on lowercase words ("welcomed the marine reserve" as an
    organisation): a name has a capital somewhere after a sentence's first word. The words become
    common nouns again."""
    for doc in docs:
        dropped = [e for e in doc.ents if e.label_ in _NAME_LABELS and _lowercase(e)]
        if not dropped:
            continue
        doc.ents = [e for e in doc.ents if e not in dropped]
        for ent in dropped:
            for token in ent:
                if token.pos_ == "PROPN":
                    token.pos_ = "NOUN"
                    token.tag_ = "NNS" if token.tag_ == "NNPS" else "NN"


def tag_known_subjects(docs: list[Doc]) -> None:
    """Tag a subject the gazetteer knows but the tagger took for a verb or left untagged, as after
    an opening quotation mark ('"Denmark backs the fund," Lund said' with "Denmark" a verb)."""
    for doc in docs:
        added = []
        for token in doc:
            if token.dep_ not in ("nsubj", "nsubjpass") or token.ent_type_ or not token.is_title \
                    or token.pos_ not in ("VERB", "NOUN", "ADJ", "PROPN") or token.i + 1 >= len(doc):
                continue
            entry = gazetteer.lookup_name(token.text)
            if entry is None or entry.kind != "state" or token.text not in (entry.label, *entry.aliases, *entry.metonyms):
                continue
            token.pos_ = "PROPN"
            token.lemma_ = token.text
            added.append(Span(doc, token.i, token.i + 1, label="GPE"))
        if added:
            _replace_entities(doc, added)


def _replace_entities(doc: Doc, spans: list[Span]) -> None:
    """Tag SPANS in DOC, dropping the entities they overlap."""
    kept = [e for e in doc.ents if not any(e.start < span.end and span.start < e.end for span in spans)]
    doc.ents = sorted(kept + spans, key=lambda e: e.start)


def _lowercase(ent: Span) -> bool:
    words = [t for t in ent if t.is_alpha and t.pos_ != "DET"]
    return bool(words) and all(t.text.islower() and not t.is_sent_start for t in words)


def _introduced_names(doc: Doc, kinds: frozenset[str]) -> set[tuple[str, ...]]:
    names: set[tuple[str, ...]] = set()
    for token in doc:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in kinds:
            continue
        run = None
        after = _name_run(doc, token.i + 1)
        if after is not None and ((token.dep_ == "compound" and token.head in after)
                                  or any(c.dep_ == "appos" and c in after for c in token.children)):
            run = after  # "the regulator Ofwat" (read as a compound or an apposition; whatever the tagger says)
        elif token.dep_ == "appos" and token.head.i < token.i and token.head.pos_ == "PROPN" \
                and any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in token.children):
            run = _name_ending_at(doc, token.head.i)  # "Polar Harvest, a Norwegian fishing company,"
            if run is not None and any(t.ent_type_ == "PERSON" for t in run):
                run = None  # (a person with a post: the kind is the person's employer)
        if run is not None and _is_new_name(run):
            names.add(tuple(t.text for t in run))
    return names


def _acting_names(doc: Doc, lexicon: Lexicon) -> set[tuple[str, ...]]:
    """Untagged names that are the subject of a verb ("Skyways opposes the merger"): not a
    person's (no title or given name in them), not a proposal's ("Obamacare"), none the gazetteer
    knows (it resolves those without a tag)."""
    names: set[tuple[str, ...]] = set()
    for token in doc:
        if token.dep_ != "nsubj" or token.pos_ != "PROPN" or token.ent_type_ or token.head.pos_ != "VERB" \
                or token.head.i < token.i:
            continue
        run = _name_ending_at(doc, token.i)
        whole = _name_run(doc, run.start) if run is not None else None
        if run is None or whole is None or whole.end != token.i + 1 or any(t.ent_type_ for t in run) \
                or (run.start == run.sent.start and len(run) == 1 and token.lower_ in lexicon.headline_vocabulary):
            continue  # ("Alternative for Germany": the name goes on after the subject's head)
        if any(t.lower_ in lexicon.proposal_heads for t in run) or gazetteer.lookup_name(run.text) \
                or not _is_new_name(run):
            continue
        names.add(tuple(t.text for t in run))
    return names


def _name_run(doc: Doc, start: int) -> Span | None:
    """The name starting at START: capitalised words, the first a proper noun, with "for", "of" or
    a possessive between them ("Parents for Freedom", "Clean Rivers Now")."""
    if start >= len(doc) or doc[start].pos_ != "PROPN" or not _name_word(doc[start]):
        return None
    end = start + 1
    while end < len(doc) and end - start < _MAX_NAME:
        if _name_word(doc[end]):
            end += 1
        elif doc[end].lower_ in _JOINERS and end + 1 < len(doc) and _name_word(doc[end + 1]):
            end += 2
        else:
            break
    if end < len(doc) and _name_word(doc[end]):
        return None  # longer than a name
    return doc[start:end]


def _name_ending_at(doc: Doc, last: int) -> Span | None:
    """The name ending at LAST ("Polar Harvest" before ", a Norwegian fishing company")."""
    if not _name_word(doc[last]) or doc[last].pos_ != "PROPN":
        return None
    start = last
    while start > 0 and last - start + 1 < _MAX_NAME:
        if _name_word(doc[start - 1]):
            start -= 1
        elif doc[start - 1].lower_ in _JOINERS and start > 1 and _name_word(doc[start - 2]):
            start -= 2
        else:
            break
    if start > 0 and _name_word(doc[start - 1]):
        return None
    return doc[start:last + 1]


def _name_word(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and token.pos_ not in ("DET", "PRON", "ADP", "CCONJ", "SCONJ")


def _is_new_name(run: Span) -> bool:
    """A name the gazetteer does not know as a state, with no title or given name in it ("President
    Ruto", "General Secretary Sharon Graham" are people)."""
    given = given_name_genders()
    if any(gazetteer.default_gazetteer().is_role_word(t.text) or t.lower_ in given for t in run):
        return False
    entry = gazetteer.lookup_name(run.text)
    return entry is None or entry.kind != "state"

"""Load the stance-cue lexicon and the word lists the extractor uses, from data files."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

import rdflib
from rdflib.namespace import SKOS

from kg.errors import KgError
from kg.namespaces import KG
from kg.resources import data_dir, lexicon_path, lexicon_words


@dataclass(frozen=True)
class Cue:
    """One stance cue: a verb, noun or adjective lemma, or a multi-word phrase."""

    lemma: str
    pos: str  # "verb" | "noun" | "adjective" | "phrase"
    stance: str
    weight: float = 0.85
    object: bool = False
    preps: tuple[str, ...] = ()
    prep_stance: dict = field(default_factory=dict, hash=False, compare=False)
    xcomp: bool = False
    clause: bool = False
    object_control: bool = False
    object_control_preps: tuple[str, ...] = ()
    courses_only: bool = False  # with object_control: the complement is a course of policy or a stance cue
    particle: str | None = None
    person_object: str | None = None
    object_types_only: bool = False
    to_clause: bool = False
    proposer: bool = False
    possessor_only: bool = False
    subject_is_proposal: bool = False
    experiencer_preps: tuple[str, ...] = ()
    copula_prep: bool = False
    copula_only: bool = False
    that_clause: bool = False
    lemmas: tuple[str, ...] = ()
    gap: int = 0

    def stance_for(self, prep: str | None) -> str:
        return self.prep_stance.get(prep, self.stance) if prep else self.stance


@dataclass(frozen=True)
class Lexicon:
    verbs: dict
    nouns: dict
    adjectives: dict
    phrases: tuple
    light_verbs: frozenset
    receivers: frozenset
    control_flip: frozenset
    control_drop: frozenset
    control_keep: frozenset
    conditional: frozenset
    hypothetical_marks: frozenset
    disputing_verbs: frozenset
    unasserted_nouns: frozenset
    speech_verbs: frozenset
    qualifiers: frozenset
    anaphora: frozenset
    containers: frozenset
    people: frozenset
    not_proposals: frozenset
    not_policy_verbs: frozenset
    reversal_verbs: frozenset
    reversal_phrasal: frozenset  # "strike out", "strip from": undoing only with that particle or preposition
    reversal_nouns: frozenset
    proposal_types: tuple  # ((phrase words tuple, concept local name), ...) longest first
    synonyms: dict  # lower-case synonym -> (concept local name, canonical label)
    headline_vocabulary: frozenset  # words a Title Case headline writes capitalised but means lower-case
    documents: frozenset = frozenset()  # texts an actor issues: a participle on one speaks for the issuer
    document_verbs: frozenset = frozenset()  # the verbs by which the actor issues them
    withdrawing_verbs: frozenset = frozenset()  # "withdrew its support for X": the noun cue is taken back
    bearers: frozenset = frozenset()  # "the bill has the backing of X", "drew opposition from X": X's stance on it
    descriptive: frozenset = frozenset()  # "humanitarian", "draft": no word to tell two truces apart by
    enacting_verbs: frozenset = frozenset()  # "that a fund be created": the passive subject is what is wanted
    harming_verbs: frozenset = frozenset()  # "said the law violated X": a proposal that harms is rejected
    benefiting_verbs: frozenset = frozenset()  # "said the deal would help farmers": a proposal that helps is backed
    # "said the tax would cost jobs" (rejects), "... would create jobs" (supports): verb (with its
    # particle: "drive away") -> object lemma -> the stance the speaker takes on the proposal doing it
    consequences: dict = field(default_factory=dict)
    control_prep_drop: frozenset = frozenset()  # "refrained from backing X": no position of its own ("refrain from")
    deontic: frozenset = frozenset()  # "X said Y should scrap Z": what must be done, in someone's words
    deontic_verbs: frozenset = frozenset()  # "needs to scrap Z", "has to be lifted": the same, with "to"
    posed_harms: frozenset = frozenset()  # "said the reform posed a risk": the same, with "pose"
    acting_verbs: frozenset = frozenset()  # "Chile will take control of X": a course announced in a lead
    wished_verbs: frozenset = frozenset()  # "X said shareholders should bear the losses": a course wished for
    word_sets: dict = field(default_factory=dict, hash=False, compare=False)  # [word_sets]: name -> frozenset
    type_heads: dict = field(default_factory=dict, hash=False, compare=False)  # concept -> last words of its phrases
    proposal_heads: frozenset = frozenset()  # the last words of every type's phrases ("truce", "bill", "tax")
    type_words: frozenset = frozenset()  # every word of every type's phrases ("trade", "peace", "tax")
    referring_nouns: frozenset = frozenset()  # anaphora and containers: nouns that may stand for a proposal
    deliberating_verbs: frozenset = frozenset()  # "ready to consider X": X is weighed, not backed
    word_nouns: frozenset = frozenset()  # "the term X", "the word X": X is mentioned, not proposed
    vague_heads: frozenset = frozenset()  # "immediate action": a proposal only with a complement
    belief_verbs: frozenset = frozenset()  # "analysts believe X will veto Y": a guess, not X's position
    hostile_speakers: frozenset = frozenset()  # "critics say X backs Y": an allegation
    naming_verbs: frozenset = frozenset()  # "opposed what it calls X": X is the object
    official_role_words: frozenset = frozenset()  # "X will veto Y, Foreign Minister Z said": Z speaks for X
    from_complements: frozenset = frozenset()  # "withdrawal from X": X is no source of the call
    verdict_nouns: frozenset = frozenset()  # "called the offer a joke": a verdict that rejects the thing judged
    verdict_verbs: frozenset = frozenset()  # the verbs that pass such a verdict ("call", "describe ... as")
    praise_nouns: frozenset = frozenset()  # "called the pact a breakthrough": a verdict for the thing judged
    verdict_degrees: dict = field(default_factory=lambda: {"praise": frozenset(), "blame": frozenset()})
    verdict_phrases: dict = field(default_factory=dict, hash=False, compare=False)  # first word -> ((words...), stance)
    verdict_frames: frozenset = frozenset()  # "an act of betrayal", "a form of theft": the verdict is the complement
    nominal_courses: dict = field(default_factory=dict, hash=False, compare=False)  # "the increase" -> raise, ...
    same_heads: dict = field(default_factory=dict, hash=False, compare=False)  # "the law" may be "the bill" named before
    same_words: dict = field(default_factory=dict, hash=False, compare=False)  # word -> its group's first word


def reverses(verb, lexicon: "Lexicon") -> bool:
    """Whether VERB undoes its object: "scrap", "repeal"; "strike out", "strip X out of Y"."""
    lemma = verb.lemma_.lower()
    if lemma in lexicon.reversal_verbs:
        return True
    return any(f"{lemma} {c.lower_}" in lexicon.reversal_phrasal for c in verb.children
               if c.dep_ in ("prt", "prep", "advmod"))


def _cue(lemma: str, pos: str, spec: dict, source: str) -> Cue:
    if spec.get("stance") not in ("supports", "rejects"):
        raise KgError(f"{source}: cue {lemma!r} needs stance = \"supports\" or \"rejects\"")
    known = set(Cue.__dataclass_fields__) - {"lemma", "pos"}
    unknown = set(spec) - known
    if unknown:
        raise KgError(f"{source}: cue {lemma!r} has unknown field(s) {', '.join(sorted(unknown))}")
    values = dict(spec)
    for key in ("preps", "object_control_preps", "experiencer_preps", "lemmas"):
        if key in values:
            values[key] = tuple(values[key])
    return Cue(lemma=lemma, pos=pos, **values)


def _type_heads(types: tuple) -> dict[str, frozenset[str]]:
    """Concept -> the last words of its type phrases ("truce", "ceasefire", "hostilities")."""
    heads: dict[str, set[str]] = {}
    for phrase, concept in types:
        heads.setdefault(concept, set()).add(phrase[-1])
    return {concept: frozenset(words) for concept, words in heads.items()}


def _proposal_graph() -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data_dir("ontology") / "proposal-types.ttl", format="turtle")
    return graph


def _synonyms(graph: rdflib.Graph) -> dict:
    synonyms = {}
    for concept, label in graph.subject_objects(SKOS.altLabel):
        if str(concept).startswith(str(KG)):
            pref = graph.value(concept, SKOS.prefLabel)
            synonyms[str(label).lower()] = (str(concept)[len(str(KG)):], str(pref))
    return synonyms


def _proposal_types(graph: rdflib.Graph) -> tuple:
    entries = []
    for concept, label in graph.subject_objects(SKOS.hiddenLabel):
        if str(concept).startswith(str(KG)):
            words = tuple(str(label).lower().replace("-", " - ").split())
            entries.append((words, str(concept)[len(str(KG)):]))
    entries.sort(key=lambda e: (-len(e[0]), e[1], e[0]))
    return tuple(entries)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The cue lexicon from kg/lexicons/cues.toml plus the word lists beside it."""
    path = lexicon_path("cues.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise KgError(f"{path}: {err}") from None
    verbs = {k: _cue(k, "verb", v, str(path)) for k, v in data.get("verbs", {}).items()}
    nouns = {k: _cue(k, "noun", v, str(path)) for k, v in data.get("nouns", {}).items()}
    adjectives = {k: _cue(k, "adjective", v, str(path)) for k, v in data.get("adjectives", {}).items()}
    phrases = tuple(_cue(" ".join(p["lemmas"]), "phrase", p, str(path)) for p in data.get("phrases", []))
    proposal_graph = _proposal_graph()
    types = _proposal_types(proposal_graph)
    heads = _type_heads(types)
    anaphora, containers = lexicon_words("anaphora.txt"), lexicon_words("containers.txt")
    light = data.get("light_verbs", {})
    control = data.get("control", {})
    modal = data.get("modal", {})
    return Lexicon(
        verbs=verbs, nouns=nouns, adjectives=adjectives, phrases=phrases,
        light_verbs=frozenset(light.get("lemmas", ())), receivers=frozenset(light.get("receivers", ())),
        bearers=frozenset(light.get("bearers", ())),
        control_flip=frozenset(control.get("flip", ())), control_drop=frozenset(control.get("drop", ())),
        control_keep=frozenset(control.get("keep", ())),
        conditional=frozenset(modal.get("conditional", ())),
        hypothetical_marks=frozenset(modal.get("hypothetical_marks", ())),
        disputing_verbs=frozenset(modal.get("disputing_verbs", ())),
        unasserted_nouns=frozenset(modal.get("unasserted_nouns", ())),
        speech_verbs=frozenset(modal.get("speech_verbs", ())),
        belief_verbs=frozenset(modal.get("belief_verbs", ())),
        hostile_speakers=frozenset(modal.get("hostile_speakers", ())),
        official_role_words=frozenset(modal.get("official_role_words", ())),
        naming_verbs=frozenset(data.get("free_relatives", {}).get("naming_verbs", ())),
        from_complements=frozenset(data.get("from_complements", {}).get("nouns", ())),
        qualifiers=lexicon_words("qualifiers.txt"), anaphora=anaphora,
        containers=containers, people=lexicon_words("people.txt"),
        descriptive=lexicon_words("descriptive.txt"),
        enacting_verbs=frozenset(data.get("enacting", {}).get("verbs", ())),
        harming_verbs=frozenset(data.get("harming", {}).get("verbs", ())),
        benefiting_verbs=frozenset(data.get("benefiting", {}).get("verbs", ())),
        consequences={verb: {obj: stance for stance, objects in by_stance.items() for obj in objects}
                      for verb, by_stance in data.get("consequences", {}).items()},
        control_prep_drop=frozenset(control.get("prep_drop", ())),
        deontic=frozenset(modal.get("deontic", ())),
        deontic_verbs=frozenset(modal.get("deontic_verbs", ())),
        posed_harms=frozenset(data.get("harming", {}).get("posed", ())),
        acting_verbs=frozenset(data.get("acting", {}).get("verbs", ())),
        wished_verbs=frozenset(data.get("acting", {}).get("wished", ())),
        word_sets={name: frozenset(words) for name, words in data.get("word_sets", {}).items()},
        type_heads=heads,
        proposal_heads=frozenset().union(*heads.values()),
        type_words=frozenset(w for phrase, _concept in types for w in phrase),
        referring_nouns=anaphora | containers,
        not_proposals=lexicon_words("not_proposals.txt"), not_policy_verbs=lexicon_words("not_policy_verbs.txt"),
        reversal_verbs=frozenset(data.get("reversal", {}).get("verbs", ())),
        reversal_phrasal=frozenset(data.get("reversal", {}).get("phrasal", ())),
        reversal_nouns=frozenset(data.get("reversal", {}).get("nouns", ())),
        proposal_types=types, synonyms=_synonyms(proposal_graph),
        headline_vocabulary=_headline_vocabulary(data, types),
        documents=frozenset(data.get("documents", {}).get("lemmas", ())),
        document_verbs=frozenset(data.get("documents", {}).get("verbs", ())),
        withdrawing_verbs=frozenset(light.get("withdrawing", ())),
        deliberating_verbs=frozenset(control.get("deliberate", ())),
        word_nouns=lexicon_words("word_nouns.txt"), vague_heads=lexicon_words("vague_heads.txt"),
        verdict_nouns=frozenset(data.get("verdicts", {}).get("nouns", ())),
        verdict_verbs=frozenset(data.get("verdicts", {}).get("verbs", ())),
        praise_nouns=frozenset(data.get("verdicts", {}).get("praise", ())),
        verdict_degrees={side: frozenset(data.get("verdicts", {}).get(f"{side}_degrees", ())) for side in ("praise", "blame")},
        verdict_phrases=_verdict_phrases(data.get("verdicts", {})),
        verdict_frames=frozenset(data.get("verdicts", {}).get("frames", ())),
        nominal_courses={noun: tuple(verbs) for noun, verbs in data.get("nominal_courses", {}).items()},
        same_heads={noun: tuple(words) for noun, words in data.get("same_heads", {}).items()},
        same_words={word: group[0] for group in data.get("same_words", {}).get("groups", ()) for word in group},
    )


def phrase_words(phrase: str) -> tuple[str, ...]:
    """The tokens a phrase is matched on, as the tokenizer splits them: lowercase words, a hyphen
    ("sell-out") and a possessive "'s" on their own."""
    return tuple(re.findall(r"'s\b|[^\W_]+|[^\w\s]", phrase.lower()))


def _verdict_phrases(verdicts: dict) -> dict[str, tuple]:
    """Multi-word verdicts by their first word, longest first: ((words...), "rejects" | "supports")."""
    entries = [(phrase_words(p), "rejects") for p in verdicts.get("phrases", ())]
    entries += [(phrase_words(p), "supports") for p in verdicts.get("praise_phrases", ())]
    by_first: dict[str, list] = {}
    for words, stance in sorted(entries, key=lambda e: (-len(e[0]), e[0])):
        if words:
            by_first.setdefault(words[0], []).append((words, stance))
    return {first: tuple(found) for first, found in by_first.items()}


def _headline_vocabulary(data: dict, types: tuple) -> frozenset:
    from spacy.lang.en.stop_words import STOP_WORDS

    words = set(STOP_WORDS)
    for section in ("verbs", "nouns", "adjectives"):
        words.update(data.get(section, {}))
    for phrase in data.get("phrases", []):
        words.update(phrase.get("lemmas", []))
    for phrase, _concept in types:
        words.update(w for w in phrase if w.isalpha())
    words.update(data.get("reversal", {}).get("verbs", ()))
    words.update(data.get("reversal", {}).get("nouns", ()))
    words.update(lexicon_words("qualifiers.txt") | lexicon_words("containers.txt"))
    return frozenset(words)

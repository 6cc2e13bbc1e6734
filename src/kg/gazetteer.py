"""General world knowledge for resolving actor mentions: states, organisations, regions, roles.

The facts live in TSV files under kg/lexicons (see the header comment of each file);
this module loads them once, checks them, and answers dict-based lookups cheap enough
to run per token.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from kg.errors import InputError
from kg.resources import lexicon_path

STATES_FILE = "states.tsv"
ORGANISATIONS_FILE = "organisations.tsv"
REGIONS_FILE = "regions.tsv"
ROLES_FILE = "roles.tsv"
COLLECTIVE_FILE = "collective_nouns.tsv"
AMBIGUOUS_FILE = "ambiguous.tsv"

STATE_COLUMNS = ("key", "label", "aliases", "demonyms", "capitals", "seats")
ORGANISATION_COLUMNS = ("key", "label", "aliases", "affiliation", "metonyms", "nominals")
REGION_COLUMNS = ("key", "label", "aliases", "demonyms", "country")
ROLE_COLUMNS = ("role", "variants", "kind", "regional")
COLLECTIVE_COLUMNS = ("word", "forms", "kind")
AMBIGUOUS_COLUMNS = ("surface", "preferred", "note")

ROLE_KINDS = ("role", "title", "qualifier")
COLLECTIVE_KINDS = ("noun", "qualifier")

_KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Dotted acronyms ("U.S.", "U.N", "D.P.R.K.") are looked up without their dots.
_DOTTED_RE = re.compile(r"^(?:[A-Z]\.)+[A-Z]?\.?$")
_NON_SPACE_RE = re.compile(r"\S+")
_WORD_RE = re.compile(r"^[^\W\d_]+(?:[-'][^\W\d_]+)*\.?$")
_TRANSLATE = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u00a0": " ", "\u202f": " ",
})
_EDGE_PUNCT = "\"“”',;:()[]"
# Longest affiliation phrase tried inside a role prefix ("Democratic Republic of the Congo").
_MAX_AFFILIATION_TOKENS = 6
# Words that glue role variants together; never evidence of a role on their own.
_CONNECTORS = frozenset({"of", "for", "the", "and", "on", "to", "in", "at", "&"})


@dataclass(frozen=True)
class GazetteerEntry:
    """One state, organisation or sub-national region known to the gazetteer.

    `affiliation` is the key of the entry it belongs to (a state, or a parent
    organisation: the UN Security Council belongs to the UN; a region to its state).
    `metonyms` are places and buildings that stand for it (capitals, seats of
    government, "Brussels" for the EU); `nominals` the common nouns that refer back
    to it ("the bloc").
    """

    key: str
    label: str
    kind: str  # "state" | "organisation" | "region"
    aliases: frozenset[str] = frozenset()
    affiliation: str | None = None
    nominals: frozenset[str] = frozenset()
    demonyms: frozenset[str] = frozenset()
    metonyms: frozenset[str] = frozenset()


class RoleSplit(NamedTuple):
    """A person mention split into its leading role, the role's affiliation and the name."""

    role: str | None
    affiliation: GazetteerEntry | None
    name: str


@dataclass(frozen=True)
class _Role:
    canonical: str
    kind: str  # "role" | "title" | "qualifier"
    regional: bool


@dataclass(frozen=True)
class _Source:
    path: str
    line: int


# ---------------------------------------------------------------- normalisation


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATE)
    return " ".join(text.split()).strip(_EDGE_PUNCT + " ")


def _strip_article(text: str) -> str:
    return text[4:] if text[:4].lower() == "the " else text


def _strip_possessive(text: str) -> str:
    if text.endswith("'s"):
        return text[:-2]
    if text.endswith("s'"):
        return text[:-1]
    return text


def _undot(token: str) -> str:
    return token.replace(".", "") if _DOTTED_RE.match(token) else token


@lru_cache(maxsize=1 << 16)
def surface_key(text: str) -> str:
    """The exact-match key of a name: article, possessive and acronym dots removed."""
    text = _strip_possessive(_strip_article(_clean(text))).strip()
    return " ".join(_undot(token) for token in text.split(" ")) if text else ""


def _deaccent(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)
def fold_key(key: str) -> str:
    """The tolerant key of a surface key: no accents, case, hyphens, dots or commas."""
    text = _deaccent(key).casefold().replace("&", " and ").replace("-", " ")
    text = text.replace(".", " ").replace(",", " ")
    return " ".join("saint" if token == "st" else token for token in text.split())


def _is_acronym(key: str) -> bool:
    # "WHO", "US", "IS" must never match the common words "who", "us", "is".
    return not any(c.islower() for c in key)


@lru_cache(maxsize=1 << 16)
def _first_word(text: str) -> str:
    words = fold_key(surface_key(text.split(" ", 1)[0])).split()
    return words[0] if words else ""


@lru_cache(maxsize=1 << 16)
def _nominal_key(text: str) -> str:
    return _strip_article(_clean(text)).casefold()


@lru_cache(maxsize=1 << 16)
def _role_key(token: str) -> str:
    token = token.translate(_TRANSLATE).rstrip(".,;:")
    # Acronyms keep their case: "DA" is a District Attorney, "da" a particle in "Lula da Silva".
    if len(token) > 1 and token.isupper():
        return token
    return token.casefold()


# ---------------------------------------------------------------- TSV reading


def _read_table(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a TSV file with a header line; `#` lines and blank lines are skipped."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(path, "gazetteer file not found") from None
    except UnicodeDecodeError as err:
        raise InputError(path, f"not UTF-8 text ({err.reason} at byte {err.start})") from None
    except OSError as err:
        raise InputError(path, f"cannot read gazetteer file: {err.strerror}") from None
    rows: list[tuple[int, dict[str, str]]] = []
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != columns:
                raise InputError(path, f"header must be the tab-separated columns {' '.join(columns)}", number)
            header_seen = True
            continue
        if len(cells) != len(columns):
            raise InputError(path, f"expected {len(columns)} tab-separated columns ({', '.join(columns)}), "
                                   f"found {len(cells)}", number)
        for name, cell in zip(columns, cells):
            if cell != cell.strip():
                raise InputError(path, f"column {name!r} has leading or trailing spaces", number)
        rows.append((number, dict(zip(columns, cells))))
    if not header_seen:
        raise InputError(path, f"empty gazetteer file (expected a header: {' '.join(columns)})")
    return rows


def _items(path: Path, line: int, column: str, cell: str) -> tuple[str, ...]:
    if not cell:
        return ()
    items = tuple(item.strip() for item in cell.split("|"))
    if any(not item for item in items):
        raise InputError(path, f"empty item in the |-separated column {column!r}", line)
    return items


def _required(path: Path, line: int, column: str, cell: str) -> str:
    if not cell:
        raise InputError(path, f"column {column!r} must not be empty", line)
    return cell


# ---------------------------------------------------------------- indexes


class _NameIndex:
    """Surface forms -> entry keys, exact and folded, with collision bookkeeping."""

    def __init__(self) -> None:
        self.exact: dict[str, list[str]] = {}
        self.folded: dict[str, list[str]] = {}
        self.collisions: dict[tuple[str, str], tuple[str, _Source]] = {}
        # Folded first words of every form: most tokens start no name, and this says so cheaply.
        self.first_words: set[str] = set()
        self.max_tokens = 1

    def add(self, surface: str, entry_key: str, source: _Source) -> None:
        key = surface_key(surface)
        if not key:
            raise InputError(source.path, f"name {surface!r} is empty once normalised", source.line)
        self._add("exact", self.exact, key, surface, entry_key, source)
        self.first_words.add(_first_word(key))
        self.max_tokens = max(self.max_tokens, len(key.split()))
        if not _is_acronym(key):
            self._add("fold", self.folded, fold_key(key), surface, entry_key, source)

    def _add(self, level: str, table: dict[str, list[str]], key: str, surface: str, entry_key: str,
             source: _Source) -> None:
        keys = table.setdefault(key, [])
        if entry_key in keys:
            return
        if keys:  # kept to be checked against ambiguous.tsv once every file is read
            self.collisions.setdefault((level, key), (surface, source))
        keys.append(entry_key)

    def candidates(self, text: str) -> list[str]:
        key = surface_key(text)
        found = self.exact.get(key)
        if found is None and any(c.isupper() for c in key):
            # Only a capitalised mention may match case-insensitively: "Turkey", "TURKEY", not "turkey".
            found = self.folded.get(fold_key(key))
        return found or []

    def prefer(self, surface: str, preferred: str) -> bool:
        """Put `preferred` first wherever `surface` is ambiguous; False if it is not ambiguous."""
        key = surface_key(surface)
        ambiguous = False
        for table, k in ((self.exact, key), (self.folded, fold_key(key))):
            keys = table.get(k)
            if keys and len(keys) > 1 and preferred in keys:
                keys.remove(preferred)
                keys.insert(0, preferred)
                ambiguous = True
        return ambiguous

    def is_ambiguous(self, surface: str) -> bool:
        key = surface_key(surface)
        return len(self.exact.get(key, ())) > 1 or len(self.folded.get(fold_key(key), ())) > 1


class _Token(NamedTuple):
    text: str  # the token without a trailing comma
    start: int
    end: int
    comma: bool  # the token ended with a comma: what follows is not part of the role
    key: str  # _role_key(text)


def _tokens(text: str, qualifiers: dict[str, _Role]) -> list[_Token]:
    tokens: list[_Token] = []
    for match in _NON_SPACE_RE.finditer(text):
        word = match.group()
        start, end = match.span()
        if (word == "'s" or word == "\u2019s") and tokens:  # "Ukraine 's" -> "Ukraine's"
            prev = tokens.pop()
            merged = text[prev.start:end]
            tokens.append(_Token(merged, prev.start, end, False, _role_key(merged)))
            continue
        comma = word[-1] == ","
        if comma:
            word, end = word[:-1], end - 1
        if "-" in word:
            head, _, rest = word.partition("-")
            if rest and _role_key(head) in qualifiers:  # "then-President", "ex-minister"
                tokens.append(_Token(head, start, start + len(head), False, _role_key(head)))
                start += len(head) + 1
                word = rest
        if word:
            tokens.append(_Token(word, start, end, comma, _role_key(word)))
    return tokens


class _Affiliation(NamedTuple):
    length: int
    entry: GazetteerEntry | None  # a state or organisation
    region: GazetteerEntry | None  # a sub-national region, when the phrase names one


class _Segment(NamedTuple):
    start: int  # token indexes
    end: int
    kind: str  # "role" | "title" | "fold" | "to"
    text: str
    role: _Role | None = None


class Gazetteer:
    """The loaded gazetteer files with their lookup indexes."""

    def __init__(self) -> None:
        self.entries: dict[str, GazetteerEntry] = {}
        self._names = _NameIndex()
        self._demonyms = _NameIndex()
        self._regions = _NameIndex()
        self._nominals: dict[str, list[str]] = {}
        self._roles: dict[tuple[str, ...], _Role] = {}
        self._role_lengths: dict[str, list[int]] = {}  # first word -> variant lengths, longest first
        self._qualifiers: dict[str, _Role] = {}
        self._role_words: set[str] = set()
        self._collective_nouns: set[tuple[str, ...]] = set()
        self._max_collective_tokens = 1
        self._collective_qualifiers: set[str] = set()

    # ------------------------------------------------------------ loading

    @classmethod
    def load(cls, directory: str | Path | None = None) -> "Gazetteer":
        """Read the gazetteer files from DIRECTORY (default: the ones shipped with kg)."""

        def path(name: str) -> Path:
            return Path(directory) / name if directory is not None else lexicon_path(name)

        gazetteer = cls()
        sources: dict[str, _Source] = {}
        gazetteer._load_states(path(STATES_FILE), sources)
        pending = gazetteer._load_organisations(path(ORGANISATIONS_FILE), sources)
        pending += gazetteer._load_regions(path(REGIONS_FILE), sources)
        for entry_key, affiliation, source in pending:
            if affiliation not in gazetteer.entries or gazetteer.entries[affiliation].kind == "region":
                raise InputError(source.path, f"affiliation {affiliation!r} of {entry_key!r} is not the key "
                                              "of a state or organisation", source.line)
            seen = {entry_key}
            while affiliation is not None:  # the chain must end at an unaffiliated entry
                if affiliation in seen:
                    raise InputError(source.path, f"affiliation of {entry_key!r} leads back to itself", source.line)
                seen.add(affiliation)
                affiliation = gazetteer.entries[affiliation].affiliation
        gazetteer._check_regions(sources)
        gazetteer._load_ambiguous(path(AMBIGUOUS_FILE))
        gazetteer._load_roles(path(ROLES_FILE))
        gazetteer._load_collective(path(COLLECTIVE_FILE))
        return gazetteer

    def _new_entry(self, entry: GazetteerEntry, source: _Source, sources: dict[str, _Source]) -> None:
        if not _KEY_RE.match(entry.key):
            raise InputError(source.path, f"key {entry.key!r} is not a lower-case hyphenated slug", source.line)
        if entry.key in self.entries:
            first = sources[entry.key]
            raise InputError(source.path, f"duplicate key {entry.key!r} (first used in {first.path}:{first.line})",
                             source.line)
        self.entries[entry.key] = entry
        sources[entry.key] = source

    def _load_states(self, path: Path, sources: dict[str, _Source]) -> None:
        for line, row in _read_table(path, STATE_COLUMNS):
            source = _Source(str(path), line)
            key = _required(path, line, "key", row["key"])
            label = _required(path, line, "label", row["label"])
            aliases = _items(path, line, "aliases", row["aliases"])
            demonyms = _items(path, line, "demonyms", row["demonyms"])
            metonyms = _items(path, line, "capitals", row["capitals"]) + _items(path, line, "seats", row["seats"])
            self._new_entry(GazetteerEntry(key, label, "state", frozenset(aliases), None, frozenset(),
                                           frozenset(demonyms), frozenset(metonyms)), source, sources)
            for name in (label, *aliases, *metonyms):
                self._names.add(name, key, source)
            for demonym in demonyms:
                self._demonyms.add(demonym, key, source)

    def _load_organisations(self, path: Path, sources: dict[str, _Source]) -> list[tuple[str, str, _Source]]:
        pending = []
        for line, row in _read_table(path, ORGANISATION_COLUMNS):
            source = _Source(str(path), line)
            key = _required(path, line, "key", row["key"])
            label = _required(path, line, "label", row["label"])
            aliases = _items(path, line, "aliases", row["aliases"])
            metonyms = _items(path, line, "metonyms", row["metonyms"])
            nominals = _items(path, line, "nominals", row["nominals"])
            affiliation = row["affiliation"] or None
            self._new_entry(GazetteerEntry(key, label, "organisation", frozenset(aliases), affiliation,
                                           frozenset(nominals), frozenset(), frozenset(metonyms)), source, sources)
            if affiliation:
                pending.append((key, affiliation, source))
            for name in (label, *aliases, *metonyms):
                self._names.add(name, key, source)
            for nominal in nominals:
                keys = self._nominals.setdefault(_nominal_key(nominal), [])
                if key not in keys:
                    keys.append(key)
        return pending

    def _load_regions(self, path: Path, sources: dict[str, _Source]) -> list[tuple[str, str, _Source]]:
        pending = []
        for line, row in _read_table(path, REGION_COLUMNS):
            source = _Source(str(path), line)
            key = _required(path, line, "key", row["key"])
            label = _required(path, line, "label", row["label"])
            aliases = _items(path, line, "aliases", row["aliases"])
            demonyms = _items(path, line, "demonyms", row["demonyms"])
            country = _required(path, line, "country", row["country"])
            self._new_entry(GazetteerEntry(key, label, "region", frozenset(aliases), country, frozenset(),
                                           frozenset(demonyms)), source, sources)
            pending.append((key, country, source))
            for name in (label, *aliases, *demonyms):
                self._regions.add(name, key, source)
        return pending

    def _check_regions(self, sources: dict[str, _Source]) -> None:
        for entry in self.entries.values():
            if entry.kind == "region" and self.entries[entry.affiliation].kind != "state":
                source = sources[entry.key]
                raise InputError(source.path, f"country {entry.affiliation!r} of region {entry.key!r} is not a "
                                              "state", source.line)

    def _load_ambiguous(self, path: Path) -> None:
        listed: set[str] = set()
        indexes = (self._names, self._demonyms, self._regions)
        for line, row in _read_table(path, AMBIGUOUS_COLUMNS):
            surface = _required(path, line, "surface", row["surface"])
            preferred = _required(path, line, "preferred", row["preferred"])
            _required(path, line, "note", row["note"])
            if not any(index.is_ambiguous(surface) for index in indexes):
                raise InputError(path, f"{surface!r} is not ambiguous: no two entries share it", line)
            if not any(index.prefer(surface, preferred) for index in indexes):
                raise InputError(path, f"{preferred!r} is not one of the entries named {surface!r}", line)
            listed.add(surface_key(surface))
        for index in indexes:
            for (level, key), (surface, source) in index.collisions.items():
                if surface_key(surface) not in listed:
                    others = ", ".join((index.exact if level == "exact" else index.folded)[key])
                    raise InputError(source.path, f"{surface!r} names more than one entry ({others}); list it "
                                                  f"in {AMBIGUOUS_FILE} with the one to prefer", source.line)

    def _load_roles(self, path: Path) -> None:
        for line, row in _read_table(path, ROLE_COLUMNS):
            canonical = _required(path, line, "role", row["role"])
            kind = row["kind"]
            if kind not in ROLE_KINDS:
                raise InputError(path, f"kind must be one of {', '.join(ROLE_KINDS)}, not {kind!r}", line)
            if row["regional"] not in ("", "yes"):
                raise InputError(path, f"regional must be 'yes' or empty, not {row['regional']!r}", line)
            role = _Role(canonical, kind, row["regional"] == "yes")
            for variant in (canonical, *_items(path, line, "variants", row["variants"])):
                words = tuple(_role_key(word) for word in variant.split())
                if kind == "qualifier":
                    if len(words) != 1:
                        raise InputError(path, f"qualifier variant {variant!r} must be one word", line)
                    self._qualifiers[words[0]] = role
                    continue
                known = self._roles.get(words)
                if known is not None and known != role:
                    raise InputError(path, f"role variant {variant!r} already belongs to {known.canonical!r}", line)
                self._roles[words] = role
                lengths = self._role_lengths.setdefault(words[0], [])
                if len(words) not in lengths:
                    lengths.append(len(words))
                    lengths.sort(reverse=True)
                self._role_words.update(word for word in words if word not in _CONNECTORS)

    def _load_collective(self, path: Path) -> None:
        for line, row in _read_table(path, COLLECTIVE_COLUMNS):
            word = _required(path, line, "word", row["word"])
            kind = row["kind"]
            if kind not in COLLECTIVE_KINDS:
                raise InputError(path, f"kind must be one of {', '.join(COLLECTIVE_KINDS)}, not {kind!r}", line)
            for form in (word, *_items(path, line, "forms", row["forms"])):
                words = tuple(_role_key(w) for w in form.split())
                if kind == "qualifier":
                    if len(words) != 1:
                        raise InputError(path, f"qualifier {form!r} must be one word", line)
                    self._collective_qualifiers.add(words[0])
                else:
                    self._collective_nouns.add(words)
                    self._max_collective_tokens = max(self._max_collective_tokens, len(words))

    # ------------------------------------------------------------ name lookups

    def get_entry(self, key: str) -> GazetteerEntry | None:
        return self.entries.get(key)

    def lookup_candidates(self, text: str) -> list[GazetteerEntry]:
        """Every state or organisation TEXT can name, the preferred reading first."""
        return [self.entries[key] for key in self._names.candidates(text)]

    def lookup_name(self, text: str) -> GazetteerEntry | None:
        """The state or organisation named by TEXT: a name, alias, capital, seat or metonym."""
        keys = self._names.candidates(text)
        return self.entries[keys[0]] if keys else None

    def lookup_demonym(self, word: str) -> GazetteerEntry | None:
        """The state an adjective or people-noun refers to ("Ukrainian", "Britons", "U.S.")."""
        keys = self._demonyms.candidates(word)
        if not keys:
            key = surface_key(word)
            singular = key[:-1]
            if key.endswith("s") and len(key) > 3 and not singular.endswith(("s", "sh", "ch", "x", "z", "ese")):
                keys = self._demonyms.candidates(singular)
        if keys:
            return self.entries[keys[0]]
        return self.lookup_name(word)  # names used attributively: "EU leaders", "Kremlin officials"

    def lookup_region(self, text: str) -> GazetteerEntry | None:
        """A sub-national region ("Minnesota", "Bavarian"); its `affiliation` is its state."""
        keys = self._regions.candidates(text)
        return self.entries[keys[0]] if keys else None

    def lookup_nominal(self, phrase: str) -> list[GazetteerEntry]:
        """Organisations a common noun phrase can refer back to ("the bloc"), in file order."""
        return [self.entries[key] for key in self._nominals.get(_nominal_key(phrase), ())]

    def lookup_collective(self, phrase: str) -> GazetteerEntry | None:
        """The state or body behind a collective phrase: "Ukrainian officials", "the government of Japan"."""
        text = _clean(phrase)
        tokens = _tokens(text, self._qualifiers)
        if not tokens:
            return None
        n = len(tokens)
        start = 1 if tokens[0].text.lower() == "the" else 0
        # The demonym or name first: "senior Ukrainian officials", "EU diplomats".
        for i in self._after_qualifiers(tokens, start):
            affiliation = self._match_affiliation(text, tokens, i, regions=False)
            if affiliation is None:
                continue
            for j in self._after_qualifiers(tokens, i + affiliation.length):
                if j < n and self._collective_noun_length(tokens, j) == n - j:
                    return affiliation.entry
        # The noun first: "officials in Kyiv", "the government of Japan".
        for i in self._after_qualifiers(tokens, start):
            j = i + self._collective_noun_length(tokens, i)
            if j == i or j >= n or tokens[j].text.lower() not in ("in", "from", "of"):
                continue
            j += 1
            if j < n and tokens[j].text.lower() == "the":
                j += 1
            affiliation = self._match_affiliation(text, tokens, j, regions=False)
            if affiliation is not None and j + affiliation.length == n:
                return affiliation.entry
        return None

    def collective_nouns(self) -> frozenset[str]:
        """The one-word collective nouns ("officials", "government"), lower-case."""
        return frozenset(words[0] for words in self._collective_nouns if len(words) == 1)

    def _after_qualifiers(self, tokens: list[_Token], i: int) -> list[int]:
        """I and every position reached by skipping collective qualifiers from it."""
        positions = [i]
        while i < len(tokens) and tokens[i].key in self._collective_qualifiers:
            i += 1
            positions.append(i)
        return positions

    def _collective_noun_length(self, tokens: list[_Token], i: int) -> int:
        for length in range(min(self._max_collective_tokens, len(tokens) - i), 0, -1):
            if tuple(t.key for t in tokens[i:i + length]) in self._collective_nouns:
                return length
        return 0

    # ------------------------------------------------------------ roles

    def is_role_word(self, word: str) -> bool:
        """Whether WORD can be part of a title or role before a name ("President", "Sen.", "former")."""
        key = _role_key(word)
        head, hyphen, rest = key.partition("-")
        if hyphen and head in self._qualifiers:
            key = rest
        return key in self._role_words or key in self._qualifiers

    def role_of(self, text: str) -> str | None:
        """The role a whole phrase denotes ("the president", "Ukraine's foreign minister"), else None."""
        split = self.split_role(text)
        return split.role if split.role is not None and not split.name else None

    def split_role(self, text: str) -> RoleSplit:
        """Strip a leading title or role from a person mention.

        "Ukrainian President Volodymyr Zelensky" -> ("President", <Ukraine>, "Volodymyr Zelensky").
        Qualifiers stay in the role ("former Secretary of State"); honorifics such as "Mr."
        are stripped without giving a role. Without a leading role, returns (None, None, TEXT).
        """
        text = _strip_possessive(_clean(text))  # "the president's" is "the president"
        parsed = self._parse_prefix(text, _tokens(text, self._qualifiers), lenient=True)
        if parsed is None:
            return RoleSplit(None, None, text)
        role, affiliation, end = parsed
        return RoleSplit(role, affiliation, text[end:].strip(" ,"))

    def role_prefix_start(self, text_before: str) -> int:
        """Where a role prefix ending TEXT_BEFORE begins (its length if there is none).

        Give it the text between the sentence start and a person name: for
        "On Monday, Ukrainian President " it returns the offset of "Ukrainian".
        """
        tokens = _tokens(text_before, self._qualifiers)[-12:]
        # A role prefix holds a role or title word; most text before a name holds none.
        if not any(t.key in self._role_words or t.key in self._role_lengths for t in tokens):
            return len(text_before)
        role_lengths = [self._role_length(tokens, k) for k in range(len(tokens))]
        for first in range(len(tokens)):
            if self._parse_prefix(text_before, tokens[first:], lenient=False, whole=True,
                                  role_lengths=role_lengths[first:]) is not None:
                return tokens[first].start
        return len(text_before)

    def _parse_prefix(self, text: str, tokens: list[_Token], lenient: bool, whole: bool = False,
                      role_lengths: list[int] | None = None):
        """(role, affiliation, end offset of the prefix) or None when TOKENS of TEXT have no leading role.

        `lenient` lets unknown capitalised words before the role join it ("Acme CEO"); `whole`
        requires the prefix to use up every token (there is no name after it).
        """
        n = len(tokens)
        if role_lengths is None:
            role_lengths = [self._role_length(tokens, k) for k in range(n)]
        i = 0
        determiner = bool(tokens) and tokens[0].text.lower() == "the"
        if determiner:
            i = 1
        qualifiers: list[str] = []
        affiliation: _Affiliation | None = None
        while i < n:
            key = tokens[i].key
            if key in self._qualifiers:
                qualifiers.append(self._qualifiers[key].canonical)
                i += 1
                continue
            found = self._match_affiliation(text, tokens, i, regions=True, role_lengths=role_lengths)
            if found is not None and found.length > role_lengths[i]:
                affiliation = affiliation or found
                i += found.length
                if tokens[i - 1].comma:
                    return None
                continue
            break
        modified = determiner or bool(qualifiers) or affiliation is not None

        segments: list[_Segment] = []
        folds: list[_Segment] = []
        unknown = 0
        while i < n:
            length = role_lengths[i]
            if length:
                segments.extend(folds)
                folds = []
                role = self._roles[tuple(t.key for t in tokens[i:i + length])]
                segments.append(_Segment(i, i + length, role.kind, role.canonical, role))
                i += length
                if tokens[i - 1].comma:
                    break
                continue
            token = tokens[i]
            key = token.key
            roles_seen = any(s.kind in ("role", "title") for s in segments)
            if key in self._role_words and not token.comma:
                folds.append(_Segment(i, i + 1, "fold", token.text))
            elif (lenient and not roles_seen and unknown < 3 and not token.comma and _WORD_RE.match(token.text)
                  and (token.text[0].isupper() or modified)
                  and self._match_affiliation(text, tokens, i, regions=True, role_lengths=role_lengths) is None):
                folds.append(_Segment(i, i + 1, "fold", token.text))
                unknown += 1
            else:
                break
            i += 1
        matches = [s for s in segments if s.kind in ("role", "title")]
        if not matches:
            return None
        end = matches[-1].end
        segments = [s for s in segments if s.start < end]

        if end < n and not tokens[end - 1].comma and tokens[end].text.lower() in ("of", "for", "to"):
            j = end + 1
            if j < n and tokens[j].text.lower() == "the":
                j += 1
            found = self._match_affiliation(text, tokens, j, regions=False)
            if found is not None and found.entry is not None:
                if tokens[end].text.lower() == "to":
                    last = tokens[j + found.length - 1]
                    segments.append(_Segment(end, j + found.length, "to", text[tokens[end].start:last.end]))
                elif affiliation is None:
                    affiliation = found
                end = j + found.length

        if end == n and len(matches) > 1 and not whole:
            # "Senator Bishop": with nothing left for the name, the last role word is the name.
            last = matches[-1]
            end = last.start
            segments = [s for s in segments if s.end <= end and s is not last]
            matches = matches[:-1]
        if end == n and unknown and not modified:
            return None  # "Joe Judge" is a name, not a role
        if whole and end != n:
            return None

        words = []
        for segment in segments:
            if segment.kind == "fold":
                words.append(segment.text[0].upper() + segment.text[1:])
            elif segment.kind in ("role", "to"):
                words.append(segment.text)
        role = " ".join(qualifiers + words) if words else None  # titles alone give no role
        entry = None
        if affiliation is not None:
            regional = any(s.role.regional for s in matches)
            if affiliation.region is not None and (affiliation.entry is None or regional):
                entry = self.entries[affiliation.region.affiliation]
            else:
                entry = affiliation.entry
        offset = tokens[end].start if end < n else len(text)
        return role, entry, offset

    def _role_length(self, tokens: list[_Token], i: int) -> int:
        """Tokens in the longest role variant starting at token I (0 if none)."""
        if i >= len(tokens):
            return 0
        for length in self._role_lengths.get(tokens[i].key, ()):
            if i + length > len(tokens) or any(t.comma for t in tokens[i:i + length - 1]):
                continue
            if tuple(t.key for t in tokens[i:i + length]) in self._roles:
                return length
        return 0

    def _match_affiliation(self, text: str, tokens: list[_Token], i: int, regions: bool,
                           role_lengths: list[int] | None = None) -> _Affiliation | None:
        """The longest state, organisation or region phrase starting at token I."""
        if i >= len(tokens):
            return None
        first = _first_word(tokens[i].text)
        singular = first[:-1] if first.endswith("s") else first  # "Ukrainians"
        indexes = (self._names, self._demonyms, self._regions) if regions else (self._names, self._demonyms)
        if not any(first in index.first_words or singular in index.first_words for index in indexes):
            return None
        longest = max(index.max_tokens for index in indexes)
        for length in range(min(_MAX_AFFILIATION_TOKENS, longest, len(tokens) - i), 0, -1):
            end = i + length
            # "U.S. Treasury Secretary": the role "Treasury Secretary" wins over the name "U.S. Treasury".
            if role_lengths is not None and any(k + role_lengths[k] > end for k in range(i + 1, end)):
                continue
            phrase = text[tokens[i].start:tokens[end - 1].end]
            entry = self.lookup_demonym(phrase)  # demonyms, then names
            region = self.lookup_region(phrase) if regions else None
            if entry is not None or region is not None:
                return _Affiliation(length, entry, region)
        return None


# ---------------------------------------------------------------- the shipped gazetteer


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer shipped with kg, loaded once per process."""
    return Gazetteer.load()


def get_entry(key: str) -> GazetteerEntry | None:
    return default_gazetteer().get_entry(key)


def lookup_name(text: str) -> GazetteerEntry | None:
    return default_gazetteer().lookup_name(text)


def lookup_candidates(text: str) -> list[GazetteerEntry]:
    return default_gazetteer().lookup_candidates(text)


def lookup_demonym(word: str) -> GazetteerEntry | None:
    return default_gazetteer().lookup_demonym(word)


def lookup_region(text: str) -> GazetteerEntry | None:
    return default_gazetteer().lookup_region(text)


def lookup_nominal(phrase: str) -> list[GazetteerEntry]:
    return default_gazetteer().lookup_nominal(phrase)


def lookup_collective(phrase: str) -> GazetteerEntry | None:
    return default_gazetteer().lookup_collective(phrase)


def collective_nouns() -> frozenset[str]:
    return default_gazetteer().collective_nouns()


def split_role(text: str) -> RoleSplit:
    return default_gazetteer().split_role(text)


def role_of(text: str) -> str | None:
    return default_gazetteer().role_of(text)


def is_role_word(word: str) -> bool:
    return default_gazetteer().is_role_word(word)


def role_prefix_start(text_before: str) -> int:
    return default_gazetteer().role_prefix_start(text_before)

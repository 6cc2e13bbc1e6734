"""The actor gazetteer: its data files and the lookups the extractor resolves mentions with."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest

from kg import gazetteer
from kg.errors import KgError
from kg.gazetteer import Gazetteer, default_gazetteer
from kg.resources import lexicon_path

FILES = {
    "states.tsv": ("key", "label", "aliases", "demonyms", "capitals", "seats"),
    "organisations.tsv": ("key", "label", "aliases", "affiliation", "metonyms", "nominals"),
    "regions.tsv": ("key", "label", "aliases", "demonyms", "country"),
    "roles.tsv": ("role", "variants", "kind", "regional"),
    "collective_nouns.tsv": ("word", "forms", "kind"),
    "ambiguous.tsv": ("surface", "preferred", "note"),
}
KEYED = ("states.tsv", "organisations.tsv", "regions.tsv")


def read_tsv(name: str) -> list[tuple[int, dict[str, str]]]:
    """The rows of a shipped gazetteer file, read with the csv module rather than kg's reader."""
    rows = []
    with open(lexicon_path(name), encoding="utf-8", newline="") as handle:
        lines = [(n, line) for n, line in enumerate(handle, start=1) if line.strip() and not line.startswith("#")]
    reader = csv.reader((line for _, line in lines), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    assert tuple(header) == FILES[name], f"{name}: header {header}"
    for (number, _), cells in zip(lines[1:], reader):
        assert len(cells) == len(header), f"{name}:{number}: {len(cells)} columns, expected {len(header)}"
        rows.append((number, dict(zip(header, cells))))
    return rows


def key(entry) -> str | None:
    return entry.key if entry is not None else None


# ---------------------------------------------------------------- the data files


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_row_has_the_header_columns_and_no_stray_whitespace(name):
    rows = read_tsv(name)
    assert rows, f"{name} has no rows"
    for number, row in rows:
        for column, cell in row.items():
            assert cell == cell.strip(), f"{name}:{number}: column {column} has stray spaces"
            assert "||" not in cell and not cell.startswith("|") and not cell.endswith("|"), \
                f"{name}:{number}: empty list item in {column}"


def test_keys_are_unique_slugs_across_all_files():
    seen: dict[str, str] = {}
    for name in KEYED:
        for number, row in read_tsv(name):
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", row["key"]), f"{name}:{number}: bad key {row['key']!r}"
            assert row["key"] not in seen, f"{name}:{number}: key {row['key']} also in {seen[row['key']]}"
            seen[row["key"]] = f"{name}:{number}"


def test_sizes_match_the_world():
    assert len(read_tsv("states.tsv")) == 197  # 193 UN members, 2 observers, Kosovo, Taiwan
    assert len(read_tsv("organisations.tsv")) >= 120
    assert len(read_tsv("roles.tsv")) >= 100


def test_affiliations_and_countries_point_at_known_entries():
    states = {row["key"] for _, row in read_tsv("states.tsv")}
    organisations = {row["key"] for _, row in read_tsv("organisations.tsv")}
    for number, row in read_tsv("organisations.tsv"):
        if row["affiliation"]:
            assert row["affiliation"] in states | organisations, f"organisations.tsv:{number}"
    for number, row in read_tsv("regions.tsv"):
        assert row["country"] in states, f"regions.tsv:{number}"


def test_no_form_names_two_entries_unless_listed_as_ambiguous():
    """Recomputed here from the raw files: every shared surface form must be in ambiguous.tsv."""
    listed = {row["surface"]: row["preferred"] for _, row in read_tsv("ambiguous.tsv")}
    owners: dict[tuple[str, str], set[str]] = {}
    columns = {"states.tsv": {"name": ("label", "aliases", "capitals", "seats"), "demonym": ("demonyms",)},
               "organisations.tsv": {"name": ("label", "aliases", "metonyms")},
               "regions.tsv": {"region": ("label", "aliases", "demonyms")}}
    for name, groups in columns.items():
        for _, row in read_tsv(name):
            for group, cols in groups.items():
                for col in cols:
                    for form in filter(None, row[col].split("|")):
                        owners.setdefault((group, gazetteer.surface_key(form)), set()).add(row["key"])
    shared = {form: keys for (_, form), keys in owners.items() if len(keys) > 1}
    assert set(shared) == {gazetteer.surface_key(s) for s in listed}
    for surface, preferred in listed.items():
        candidates = default_gazetteer().lookup_candidates(surface) or [default_gazetteer().lookup_demonym(surface)]
        assert candidates[0].key == preferred


def test_ambiguous_forms_resolve_deterministically_with_every_candidate_listed():
    assert [e.key for e in gazetteer.lookup_candidates("Congo")] == ["dr-congo", "republic-of-the-congo"]
    assert key(gazetteer.lookup_name("Congo")) == "dr-congo"
    assert [e.key for e in gazetteer.lookup_candidates("Treasury")] == ["us-treasury", "hm-treasury"]
    assert key(gazetteer.lookup_demonym("Dominican")) == "dominican-republic"
    again = Gazetteer.load(lexicon_path("states.tsv").parent)
    for surface in ("Congo", "Treasury", "RSF"):
        assert [e.key for e in again.lookup_candidates(surface)] == \
               [e.key for e in gazetteer.lookup_candidates(surface)]


def test_no_state_seat_or_capital_is_given_to_brussels_or_the_hague():
    states = {row["key"]: row for _, row in read_tsv("states.tsv")}
    assert "Brussels" not in states["belgium"]["capitals"].split("|")
    assert key(gazetteer.lookup_name("Brussels")) == "european-union"
    assert gazetteer.lookup_name("The Hague") is None


# ---------------------------------------------------------------- names


@pytest.mark.parametrize("text, expected", [
    ("Kazakhstan", "kazakhstan"),                  # label
    ("Swiss Confederation", "switzerland"),        # alias (official name)
    ("Burma", "myanmar"),                          # alias (older name)
    ("Canberra", "australia"),                     # capital
    ("Peking", "china"),                           # capital spelling variant
    ("Zhongnanhai", "china"),                      # seat of government
    ("the Oval Office", "united-states"),          # seat, with a leading "the"
    ("Moncloa", "spain"),
    ("Brussels", "european-union"),                # organisation metonym
    ("Foggy Bottom", "us-state-department"),
    ("Threadneedle Street", "bank-of-england"),
    ("Organization of American States", "oas"),    # organisation label
    ("World Court", "icj"),                        # organisation alias
    ("the Netherlands", "netherlands"),
    ("The Gambia", "gambia"),
])
def test_lookup_name_covers_every_name_column(text, expected):
    assert key(gazetteer.lookup_name(text)) == expected


def test_lookup_name_tolerates_articles_possessives_dots_and_accents():
    g = gazetteer
    assert key(g.lookup_name("the E.U.")) == "european-union"
    assert key(g.lookup_name("U.N.")) == key(g.lookup_name("UN")) == "united-nations"
    assert key(g.lookup_name("the U.S")) == "united-states"
    assert key(g.lookup_name("D.P.R.K.")) == "north-korea"
    assert key(g.lookup_name("Norway's")) == "norway"
    assert key(g.lookup_name("the Maldives'")) == "maldives"
    assert key(g.lookup_name("Mexico’s")) == "mexico"          # typographic apostrophe
    assert key(g.lookup_name("Reykjavik")) == "iceland"        # listed as Reykjavík
    assert key(g.lookup_name("Palacio do Planalto")) == "brazil"
    assert key(g.lookup_name("Medecins Sans Frontieres")) == "msf"
    assert key(g.lookup_name("Chisinau")) == "moldova"         # ș with a comma below
    assert key(g.lookup_name("Elysee Palace")) == key(g.lookup_name("Élysée Palace")) == "france"


def test_lookup_name_folds_case_hyphens_and_abbreviations_of_non_acronyms():
    g = gazetteer
    assert key(g.lookup_name("SRI LANKA")) == "sri-lanka"
    assert key(g.lookup_name("Al Qaeda")) == "al-qaeda"
    assert key(g.lookup_name("St. Vincent and the Grenadines")) == "saint-vincent-and-the-grenadines"
    assert key(g.lookup_name("Trinidad & Tobago")) == "trinidad-and-tobago"
    assert key(g.lookup_name("Guinea Bissau")) == "guinea-bissau"


def test_acronyms_match_case_sensitively_and_common_words_do_not_match():
    g = gazetteer
    assert key(g.lookup_name("WHO")) == "who"
    assert g.lookup_name("Who") is None and g.lookup_name("who") is None
    assert key(g.lookup_name("IS")) == "islamic-state"
    assert g.lookup_name("Is") is None
    assert key(g.lookup_name("ICE")) == "ice" and g.lookup_name("Ice") is None
    assert key(g.lookup_name("US")) == "united-states" and g.lookup_name("us") is None
    assert g.lookup_name("turkey") is None and key(g.lookup_name("Turkey")) == "turkey"
    assert g.lookup_name("") is None and g.lookup_name("the") is None
    assert g.lookup_name("Ukrainian") is None  # a demonym, not a name


def test_entries_carry_their_attributes():
    nato = gazetteer.lookup_name("North Atlantic Treaty Organisation")
    assert nato.kind == "organisation" and nato.label == "NATO" and nato.affiliation is None
    assert "alliance" in nato.nominals and "Nato" in nato.aliases
    council = gazetteer.lookup_name("Security Council")
    assert council.affiliation == "united-nations"
    assert gazetteer.get_entry(council.affiliation).label == "United Nations"
    ukraine = gazetteer.get_entry("ukraine")
    assert ukraine.kind == "state" and "Ukrainian" in ukraine.demonyms and {"Kyiv", "Kiev"} <= ukraine.metonyms
    assert gazetteer.get_entry("no-such-key") is None


# ---------------------------------------------------------------- demonyms, nominals, collectives, regions


@pytest.mark.parametrize("word, expected", [
    ("Icelandic", "iceland"),
    ("Kyrgyz", "kyrgyzstan"),
    ("Malagasy", "madagascar"),
    ("Bissau-Guinean", "guinea-bissau"),
    ("Nigerien", "niger"),
    ("Nigerian", "nigeria"),
    ("Finns", "finland"),          # irregular plural, listed
    ("Peruvians", "peru"),         # regular plural, derived
    ("Emiratis", "united-arab-emirates"),
    ("Spaniards", "spain"),
    ("Burkinabe", "burkina-faso"),
    ("Burkinabè", "burkina-faso"),
    ("Congolese", "dr-congo"),     # ambiguous: preferred reading
    ("U.K.", "united-kingdom"),    # acronym used as an adjective
    ("NATO", "nato"),              # names used attributively fall back to lookup_name
    ("Kremlin", "russia"),
])
def test_lookup_demonym(word, expected):
    assert key(gazetteer.lookup_demonym(word)) == expected


def test_lookup_demonym_rejects_lower_case_and_false_plurals():
    assert gazetteer.lookup_demonym("icelandic") is None
    assert gazetteer.lookup_demonym("Swis") is None
    assert key(gazetteer.lookup_demonym("Swiss")) == "switzerland"
    assert gazetteer.lookup_demonym("Chineses") is None


def test_lookup_nominal_lists_every_organisation_sharing_a_noun_in_file_order():
    blocs = [e.key for e in gazetteer.lookup_nominal("the bloc")]
    assert blocs[0] == "european-union" and "asean" in blocs and "african-union" in blocs
    assert [e.key for e in gazetteer.lookup_nominal("The World Body")] == ["united-nations"]
    assert "nato" in [e.key for e in gazetteer.lookup_nominal("alliance")]
    assert gazetteer.lookup_nominal("the weather") == []


@pytest.mark.parametrize("phrase, expected", [
    ("Kenyan officials", "kenya"),
    ("senior Peruvian officials", "peru"),
    ("the Chilean side", "chile"),
    ("Austrian government officials", "austria"),
    ("the Japanese foreign ministry", "japan"),
    ("ASEAN diplomats", "asean"),
    ("Canada's government", "canada"),
    ("the government of Norway", "norway"),
    ("officials in Nairobi", "kenya"),
    ("negotiators from the Philippines", "philippines"),
    ("White House officials", "united-states"),
    ("Vietnamese state media", "vietnam"),
])
def test_lookup_collective(phrase, expected):
    assert key(gazetteer.lookup_collective(phrase)) == expected


@pytest.mark.parametrize("phrase", ["officials", "Kenyan officials said", "Texan officials", "Kenyan farmers", ""])
def test_lookup_collective_needs_a_known_referent_and_a_collective_noun(phrase):
    assert gazetteer.lookup_collective(phrase) is None


def test_collective_nouns_are_the_one_word_nouns():
    nouns = gazetteer.collective_nouns()
    assert {"officials", "government", "side", "lawmakers"} <= nouns
    assert "senior" not in nouns and "state media" not in nouns


def test_lookup_region():
    texas = gazetteer.lookup_region("Texas")
    assert texas.kind == "region" and texas.affiliation == "united-states"
    assert key(gazetteer.lookup_region("Bavarian")) == "de-bavaria"
    assert key(gazetteer.lookup_region("Quebec")) == key(gazetteer.lookup_region("Québec")) == "ca-quebec"
    assert gazetteer.lookup_name("Texas") is None  # regions are not actors


# ---------------------------------------------------------------- roles


@pytest.mark.parametrize("text, role, affiliation, name", [
    ("Kenyan President Jane Doe", "President", "kenya", "Jane Doe"),
    ("UN Secretary-General Jane Doe", "Secretary-General", "united-nations", "Jane Doe"),
    ("Dutch Foreign Minister Jan de Vries", "Foreign Minister", "netherlands", "Jan de Vries"),
    ("Kremlin spokesman Ivan Petrov", "Spokesperson", "russia", "Ivan Petrov"),
    ("Former Secretary of State John Roe", "former Secretary of State", None, "John Roe"),
    ("Sen. Mary Major", "Senator", None, "Mary Major"),
    ("Ohio Gov. John Roe", "Governor", "united-states", "John Roe"),
    ("Georgia Gov. John Roe", "Governor", "united-states", "John Roe"),   # regional role: the US state
    ("Georgian Prime Minister Nino Doe", "Prime Minister", "georgia", "Nino Doe"),
    ("Georgia's Defence Minister Nino Doe", "Defence Minister", "georgia", "Nino Doe"),
    ("Chile's president, Ana Pérez", "President", "chile", "Ana Pérez"),
    ("President of Portugal Ana Silva", "President", "portugal", "Ana Silva"),
    ("Minister of Foreign Affairs of the Republic of Korea Min Kim", "Foreign Minister", "south-korea", "Min Kim"),
    ("U.S. Ambassador to the U.N. Jane Doe", "Ambassador to the U.N.", "united-states", "Jane Doe"),
    ("then-Prime Minister John Roe", "then Prime Minister", None, "John Roe"),
    ("ex-Chancellor Hans Muster", "former Chancellor", None, "Hans Muster"),
    ("Polish Deputy Defence Minister Jan Kowalski", "Deputy Defence Minister", "poland", "Jan Kowalski"),
    ("U.S. Treasury Secretary John Roe", "Treasury Secretary", "united-states", "John Roe"),
    ("House Speaker Jane Doe", "Speaker", "us-house-of-representatives", "Jane Doe"),
    ("Republican Rep. Jane Doe", "Representative", "republican-party", "Jane Doe"),
    ("Welsh First Minister Jane Doe", "First Minister", "united-kingdom", "Jane Doe"),
    ("Lt. Gov. Jane Doe", "Lieutenant Governor", None, "Jane Doe"),
    ("EU foreign policy chief Jane Doe", "High Representative", "european-union", "Jane Doe"),
    ("Mr. Roe", None, None, "Roe"),
    ("Dr. Jane Doe", None, None, "Jane Doe"),
    ("Prof. Dr. Jane Doe", None, None, "Jane Doe"),
    ("Acme Widgets CEO Jane Doe", "Acme Widgets Chief Executive", None, "Jane Doe"),
    ("Senator Bishop", "Senator", None, "Bishop"),
    ("Jane Doe", None, None, "Jane Doe"),
    ("John Major", None, None, "John Major"),   # a surname that is also a rank
    ("Ana da Costa", None, None, "Ana da Costa"),  # "da" is not the acronym "DA"
    ("Cook County DA Jane Doe", "Cook County District Attorney", None, "Jane Doe"),
    ("Jane Doe's", None, None, "Jane Doe"),
    ("the Peruvian president", "President", "peru", ""),
    ("Brazil's finance minister", "Finance Minister", "brazil", ""),
])
def test_split_role(text, role, affiliation, name):
    split = gazetteer.split_role(text)
    assert (split.role, key(split.affiliation), split.name) == (role, affiliation, name)
    assert tuple(split) == (split.role, split.affiliation, split.name)  # unpacks as a 3-tuple


def test_role_of_nominal_person_references():
    assert gazetteer.role_of("the president") == "President"
    assert gazetteer.role_of("the prime minister") == "Prime Minister"
    assert gazetteer.role_of("the chancellor") == "Chancellor"
    assert gazetteer.role_of("the secretary-general") == "Secretary-General"
    assert gazetteer.role_of("the spokeswoman") == "Spokesperson"
    assert gazetteer.role_of("the minister") == "Minister"
    assert gazetteer.role_of("the former president") == "former President"
    assert gazetteer.role_of("the president's") == "President"
    assert gazetteer.role_of("President Jane Doe") is None
    assert gazetteer.role_of("the bloc") is None
    assert gazetteer.role_of("Mr.") is None


def test_is_role_word():
    for word in ("President", "president", "Sen.", "Sen", "Gov.", "Minister", "Deputy", "former", "then-President"):
        assert gazetteer.is_role_word(word), word
    for word in ("Zelenskyy", "of", "the", "said", "Ukrainian"):
        assert not gazetteer.is_role_word(word), word


@pytest.mark.parametrize("before, prefix", [
    ("On Tuesday, Kenyan President ", "Kenyan President "),
    ("Speaking in Lima, former U.S. Secretary of State ", "former U.S. Secretary of State "),
    ("The talks were opened by Deputy Foreign Minister ", "Deputy Foreign Minister "),
    ("It was announced by Acme Widgets CEO ", "CEO "),  # no guessing at unknown words here
    ("according to ", ""),
    ("", ""),
])
def test_role_prefix_start(before, prefix):
    start = gazetteer.role_prefix_start(before)
    assert before[start:] == prefix


# ---------------------------------------------------------------- malformed data files


@pytest.fixture
def lexicons(tmp_path: Path) -> Path:
    """A writable copy of the shipped gazetteer files."""
    for name in FILES:
        shutil.copy(lexicon_path(name), tmp_path / name)
    return tmp_path


def append(path: Path, line: str) -> int:
    """Append LINE to PATH and return its line number."""
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


def test_a_copy_of_the_shipped_files_loads(lexicons):
    loaded = Gazetteer.load(lexicons)
    assert key(loaded.lookup_name("Kyiv")) == "ukraine"


@pytest.mark.parametrize("name, line, message", [
    ("states.tsv", "atlantis\tAtlantis\t\tAtlantean\tPoseidonia", "expected 6 tab-separated columns"),
    ("states.tsv", "atlantis\tAtlantis\t|Atlantica\t\t\t", "empty item"),
    ("states.tsv", "Atlantis\tAtlantis\t\t\t\t", "not a lower-case hyphenated slug"),
    ("states.tsv", "atlantis\t\t\t\t\t", "'label' must not be empty"),
    ("states.tsv", "atlantis\tAtlantis \t\t\t\t", "leading or trailing spaces"),
    ("organisations.tsv", "kenya\tKenya Society\t\t\t\t", "duplicate key 'kenya'"),
    ("organisations.tsv", "atlantic-league\tAtlantic League\t\tatlantis\t\t", "affiliation 'atlantis'"),
    ("organisations.tsv", "atlantic-league\tAtlantic League\t\tus-texas\t\t", "affiliation 'us-texas'"),
    ("organisations.tsv", "atlantic-league\tAtlantic League\tKenya\t\t\t", "'Kenya' names more than one entry"),
    ("organisations.tsv", "atlantic-league\tAtlantic League\t\tatlantic-league\t\t", "leads back to itself"),
    ("regions.tsv", "xx-atlantis\tAtlantis\t\t\tnato", "not a state"),
    ("roles.tsv", "Grand Vizier\t\tofficer\t", "kind must be one of"),
    ("roles.tsv", "Grand Vizier\t\trole\tno", "regional must be 'yes' or empty"),
    ("roles.tsv", "Head of Government\tPresident\trole\t", "already belongs to 'President'"),
    ("roles.tsv", "formerly\tonce upon\tqualifier\t", "must be one word"),
    ("collective_nouns.tsv", "crowd\t\tgroup", "kind must be one of"),
    ("ambiguous.tsv", "Kenya\tkenya\tnot shared by anything", "'Kenya' is not ambiguous"),
    ("ambiguous.tsv", "Dominican\tperu\twrong preference", "'peru' is not one of the entries"),
    ("ambiguous.tsv", "Dominican\tdominica\t", "'note' must not be empty"),
])
def test_malformed_rows_are_reported_with_file_and_line(lexicons, name, line, message):
    number = append(lexicons / name, line)
    with pytest.raises(KgError) as raised:
        Gazetteer.load(lexicons)
    text = str(raised.value)
    assert f"{lexicons / name}:{number}:" in text
    assert message in text
    assert "\n" not in text


def test_a_shared_name_missing_from_ambiguous_tsv_is_reported(lexicons):
    path = lexicons / "ambiguous.tsv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("Congo\t")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(KgError, match=r"states\.tsv:\d+: 'Congo' names more than one entry"):
        Gazetteer.load(lexicons)


@pytest.mark.parametrize("content, message", [
    ("", "empty gazetteer file"),
    ("# only a comment\n", "empty gazetteer file"),
    ("role\tvariants\tkind\n", "header must be"),
])
def test_bad_headers_and_empty_files(lexicons, content, message):
    (lexicons / "roles.tsv").write_text(content, encoding="utf-8")
    with pytest.raises(KgError, match=message):
        Gazetteer.load(lexicons)


def test_missing_and_undecodable_files(lexicons):
    (lexicons / "regions.tsv").write_bytes(b"key\tlabel\taliases\tdemonyms\tcountry\n\xff\xfe\n")
    with pytest.raises(KgError, match=r"regions\.tsv: not UTF-8"):
        Gazetteer.load(lexicons)
    (lexicons / "regions.tsv").unlink()
    with pytest.raises(KgError, match=r"regions\.tsv: gazetteer file not found"):
        Gazetteer.load(lexicons)

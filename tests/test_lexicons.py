"""The lexicons: the linking ones (``corroborate/lexicons/*.csv``) and the extractor's word lists
(``corroborate/extract/lang/<lang>/*.txt``): each loads, has its shape, and is used by the code."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from corroborate.extract import Extractor
from corroborate.extract import lang as lang_lists
from corroborate.link.concepts import LEXICON_DIR, ConceptLexicon
from corroborate.link.identity import read_translations
from corroborate.link.stories import read_places
from corroborate.vocab import CONCEPT_KINDS, QUALIFIERS, UNITS
from tests.helpers import run

COLUMNS = {
    "concepts.csv": ["word", "concept", "kind"],
    "revision_cues.csv": ["cue", "kind"],
    "places.csv": ["name", "country"],
    "institution_words.csv": ["word", "english"],
    "generic_sources.csv": ["word", "kind"],
}
PACKAGE = Path(__file__).resolve().parent.parent / "corroborate"


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines)
    return list(reader.fieldnames or []), list(reader)


def test_every_lexicon_has_its_columns_and_no_empty_cell() -> None:
    assert sorted(p.name for p in LEXICON_DIR.glob("*.csv")) == sorted(COLUMNS)
    for name, columns in COLUMNS.items():
        header, rows = _rows(LEXICON_DIR / name)
        assert header == columns, name
        assert rows, name
        for row in rows:
            assert all((row[c] or "").strip() for c in columns), (name, row)


def test_every_lexicon_is_read_by_the_code() -> None:
    code = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    for name in COLUMNS:
        assert f'"{name}"' in code, name


def test_the_vocabularies_are_closed() -> None:
    lexicon = ConceptLexicon.read()
    assert set(lexicon.triggers["kind"]) <= set(CONCEPT_KINDS)
    assert set(lexicon.cues["kind"]) <= {"recap", "recap_after", "correction", "horizon", "partitive", "time"}
    assert read_places()["country"].str.contains(r"^[A-Z]{2}$").all()
    assert read_translations()["ministere"] == "ministry"  # keys are folded, as the names they meet


# --- the extractor's word lists: corroborate/extract/lang/<lang>/*.txt --------------------------------------

LANG_DIR = Path(lang_lists.__file__).parent


def _lexicon_files() -> list[Path]:
    return sorted(LANG_DIR.glob("*/*.txt"))


def test_every_word_list_loads() -> None:
    files = _lexicon_files()
    assert {p.parent.name for p in files} == {*lang_lists.LANGUAGES, lang_lists.MULTILINGUAL}
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# "), f"{path}: no header saying what the list is for"
        groups = lang_lists.sections(path.parent.name, path.stem)
        for key, entries in groups:
            assert key is None or key.strip() == key and key, path
            assert all(e == e.strip() and e and "#" not in e for e in entries), path
        assert len(set(lang_lists.raw_words(path.parent.name, path.stem))) == len(
            lang_lists.raw_words(path.parent.name, path.stem)
        ), f"{path}: an entry is listed twice"


def test_each_list_exists_in_every_language_and_says_something() -> None:
    names = {lang: {p.stem for p in (LANG_DIR / lang).glob("*.txt")} for lang in lang_lists.LANGUAGES}
    assert names["fr"] == names["en"]
    for name in names["fr"]:
        # a list may be empty in a language that does not need it, with a comment saying why
        assert any(lang_lists.raw_words(lang, name) for lang in lang_lists.LANGUAGES), name


def test_every_word_list_is_read_by_the_extractor(extractor: Extractor) -> None:
    """Every file is read while the package imports and one short passage per language is extracted."""
    import corroborate.evaluate.extraction  # noqa: F401  (every module that reads a list)

    texts = {
        "fr": "Selon le rapport de l'agence basée à Genève, 10 000 soldats (environ) ont été déployés, a déclaré"
        " le porte-parole. La France vise un objectif de 5 % du PIB.",
        "en": "According to the report, 10,000 troops (estimate) were deployed, the Washington-based agency said"
        " last week. France aims for a target of 5% of GDP.",
    }
    for lang, text in texts.items():
        run(extractor, text, lang)
    files = {(p.parent.name, p.stem) for p in _lexicon_files()}
    assert files - lang_lists.LOADED == set()


def test_word_lists_describe_themselves_in_the_readme() -> None:
    readme = (LANG_DIR / "README.md").read_text(encoding="utf-8")
    for path in _lexicon_files():
        assert f"`{path.stem}`" in readme, f"{path.stem} is not described in lang/README.md"


def test_grouped_lists_name_known_keys() -> None:
    units = set(UNITS) | {"duration", "time_of_day", "multiple", "fraction", "temperature", "foreign_measure"}
    for lang in (*lang_lists.LANGUAGES, lang_lists.MULTILINGUAL):
        assert {k for k, _ in lang_lists.sections(lang, "units")} <= units, lang
    for lang in lang_lists.LANGUAGES:
        assert {k for k, _ in lang_lists.sections(lang, "toll_words")} <= set(UNITS)
        assert {k for k, _ in lang_lists.sections(lang, "qualifiers")} <= {*QUALIFIERS, "at_least_verb"}
        assert {k for k, _ in lang_lists.sections(lang, "pronouns")} == {"feminine", "masculine", "any"}
    # a role is the same key in every language, so the two names of one office meet
    assert {k for k, _ in lang_lists.sections("fr", "roles")} - {k for k, _ in lang_lists.sections("en", "roles")} == {
        "prime_minister"
    }


def test_lists_reach_the_code_in_the_shape_it_reads() -> None:
    from corroborate.extract import cues, lexicon, numbers

    assert cues.ROLES["porte-parole"] == cues.ROLES["spokeswoman"] == "spokesperson"
    assert cues.DEMONYMS["nord-coréen"] == "Corée du Nord" and cues.DEMONYMS["north korean"] == "North Korea"
    assert cues.PRONOUNS["elle"] == "f" and cues.PRONOUNS["they"] is None
    assert "mme" in cues.FEMININE_HONORIFICS and "mme" in cues.HONORIFICS
    assert lexicon.UNIT_NOUNS["soldats"] == lexicon.UNIT_NOUNS["troops"] == "soldiers"
    assert lexicon.UNIT_NOUNS["€"] == "eur" and lexicon.UNIT_NOUNS["ans"] == lexicon.TRAP
    assert lexicon.UNIT_NOUNS["square miles"] == lexicon.FOREIGN_MEASURE
    assert "Boeing" in lexicon.NAMED_SERIES and "boeing" not in lexicon.NAMED_SERIES  # case kept
    assert re.fullmatch(lexicon.QUALIFIER_WORDS["fr"][0][0], "plus d’", re.IGNORECASE)  # both apostrophes
    assert numbers._SMALL["fr"]["soixante"] == 60 and numbers._APPROX_NOUNS["fr"]["quarantaine"] == 40


def test_month_table_is_shared() -> None:
    from corroborate.extract import context, lexicon

    table = lang_lists.month_numbers()
    assert table["fevrier"] == table["février"] == table["february"] == 2
    assert table == context.MONTHS
    assert re.fullmatch(lexicon.MONTHS_EN, "Sept.") and re.fullmatch(lexicon.MONTHS_FR, "déc.")


def test_a_concept_kind_outside_the_vocabulary_is_refused(tmp_path: Path) -> None:
    concepts = tmp_path / "concepts.csv"
    concepts.write_text("word,concept,kind\nmorts,deaths,count\nvagues,waves,tide\n", encoding="utf-8")
    with pytest.raises(ValueError, match="kind must be one of"):
        ConceptLexicon.read(concepts)

"""The linking lexicons (``corroborate/lexicons/*.csv``): each loads, has its columns, and is used by code."""

from __future__ import annotations

import csv
from pathlib import Path

from corroborate.concepts import LEXICON_DIR, ConceptLexicon
from corroborate.identity import read_translations
from corroborate.stories import read_places

COLUMNS = {
    "concepts.csv": ["word", "concept", "kind"],
    "revision_cues.csv": ["cue", "kind"],
    "places.csv": ["name", "country"],
    "institution_words.csv": ["word", "english"],
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
    assert set(lexicon.triggers["kind"]) <= {"count", "period"}
    assert set(lexicon.cues["kind"]) <= {"recap", "recap_after", "correction", "horizon", "partitive"}
    assert read_places()["country"].str.contains(r"^[A-Z]{2}$").all()
    assert read_translations()["ministere"] == "ministry"  # keys are folded, as the names they meet

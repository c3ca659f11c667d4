"""The labelled set: the extractor must reach the issue's targets on it, per language too."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from corroborate.evaluate.extraction import evaluate, format_report, load_labels, same_source

if TYPE_CHECKING:
    from corroborate.extract import Extractor

# The development set only: ``heldout.jsonl`` beside it is a blind set, scored once by hand, never in tests.
LABELS = Path(__file__).resolve().parent / "labels" / "claims.jsonl"


def test_label_set_is_well_formed() -> None:
    passages = load_labels(LABELS)
    assert len(passages) >= 45
    ids = [p["id"] for p in passages]
    assert len(ids) == len(set(ids))
    for p in passages:
        assert p["language"] in ("fr", "en")
        for c in p["claims"]:
            assert c["text"] in p["text"], (p["id"], c["text"])
    assert sum(1 for p in passages if not p["claims"]) >= 4  # pure trap passages


def test_name_matching() -> None:
    assert same_source("Volodymyr Zelensky", "Zelensky", True)
    assert same_source("Pentagone", "le Pentagone", True)
    assert same_source("département d'État américain", "département d’État américain", True)
    assert same_source(None, "AFP", False)
    assert not same_source(None, "Pentagone", True)
    assert not same_source("Sabrina Singh", "Pentagone", True)


# the whole labelled set through spaCy (`make eval` prints the same figures): for `make test`
@pytest.mark.slow
def test_targets_on_labelled_set(extractor: Extractor) -> None:
    report = evaluate(LABELS, extractor)
    text = format_report(report)
    print(text)
    assert report.overall.f1 >= 0.90, text
    assert report.overall.attribution >= 0.90, text
    for lang, counts in report.by_language.items():
        assert counts.f1 >= 0.85, (lang, text)
        assert counts.attribution >= 0.85, (lang, text)

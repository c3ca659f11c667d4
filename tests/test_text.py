"""One normaliser: folding and stemming agree between Python and polars; month names come from one list."""

from __future__ import annotations

import polars as pl

from corroborate.ingest.dates import inferred_date
from corroborate.link import subject_words, subject_words_frame
from corroborate.text import fold, fold_expr, stem, stem_expr

WORDS = ["Ministère", "l’Économie", "coréennes", "TROUPES", "troops", "Zelenskyy", "mes", "Blessés", "hôpitaux"]


def test_fold_and_stem_agree_in_python_and_polars() -> None:
    frame = pl.DataFrame({"word": WORDS}).with_columns(fold_expr(pl.col("word")).alias("folded"))
    frame = frame.with_columns(stem_expr(pl.col("folded")).alias("stemmed"))
    assert frame["folded"].to_list() == [fold(w) for w in WORDS]
    assert frame["stemmed"].to_list() == [stem(fold(w)) for w in WORDS]
    assert fold("l’Économie") == "l'economie"
    assert [stem(w) for w in ("troupes", "troops", "coreennes", "mes", "hopitaux")] == [
        "troup",
        "trop",
        "coren",
        "mes",
        "hopitau",
    ]


def test_subject_words_are_the_same_in_python_and_polars() -> None:
    subjects = pl.Series(["soldats nord-coréens", "North Korean troops", "le nombre de blessés", ""])
    rows = subject_words_frame(subjects)
    for subject in subjects:
        assert sorted(rows.filter(pl.col("subject") == subject)["word"].to_list()) == sorted(
            set(subject_words(subject))
        ), subject


def test_every_month_abbreviation_of_the_word_lists_dates_an_article() -> None:
    # "fév" is in lang/fr/months.txt: the date reader takes its month names from there
    assert inferred_date(None, None, "Publié le 13 fév. 2025 à 10h. Le bilan s'alourdit.") == "2025-02-13"
    assert inferred_date(None, None, "Publié le 13 févr. 2025 à 10h.") == "2025-02-13"
    assert inferred_date(None, None, "WASHINGTON, Oct. 23, 2024 - The figures") == "2024-10-23"

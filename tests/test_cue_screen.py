"""The scan that picks which figures' sentences are read for revision cues gives the marks of reading them all.

``ConceptLexicon.revision_marks`` scans the raw sentences once for whole cue phrases, accented or not, and
folds and reads only the figures it keeps. The passage below is written for this file: cues written with
and without their accents, in capitals, with decomposed accents and curly apostrophes, split by punctuation,
in the sentence before, past the clause window, and words that only look like cues.
"""

from __future__ import annotations

import re

import polars as pl
from polars.testing import assert_frame_equal

from corroborate.link.concepts import CLAUSE_CHARS, ConceptLexicon

PASSAGE = [
    # (previous sentence, sentence); every number is a figure
    ("", "Le bilan a été revu à la baisse à 97 morts, contre 115 annoncés précédemment."),
    ("", "LE BILAN A ÉTÉ RÉVISÉ : 97 MORTS, CONTRE 115 AUPARAVANT."),
    (
        "",
        "Le bilan a e\u0301te\u0301 re\u0301vise\u0301 a\u0300 97 morts, "
        "115 victimes annonce\u0301es pre\u0301ce\u0301demment.",
    ),
    ("", "Le bilan est passé de 41 à 31 disparus, selon la préfecture."),
    ("", "The toll went from 115 to 97 after police revised it."),
    ("Police have lowered the toll.", "They now count 97 dead and 74 of the victims identified."),
    ("", "The deficit should stand around 6 % in the medium term, the ministry said on 3 May."),
    ("", "Unemployment reached 7.4 % in January, down from 7.6 % the previous month."),
    ("", "Les syndicats s’attendaient à 1,2 million de manifestants, les autorités en ont compté 800 000."),
    ("", "97 victims were named, originally 115, predicted, by the agency, at 120."),
    ("", "Des milliers de personnes, dont 97 des victimes, ont été identifiées par des experts de l'institut."),
    ("", "Les rencontres des ministres ont réuni 97 délégués des pays membres et 12 observateurs."),
    ("", "x" * (CLAUSE_CHARS + 40) + " revised, then " + "y " * 10 + "97 figures and 98 more."),
    ("", "Le bilan a été rectiﬁé : 97 morts et 12 blessés."),
    ("", "Le bilan, initialement de 115 morts, est désormais de 97."),
]


def contexts() -> pl.DataFrame:
    """One row per figure of the passage, as ``claim_sentences`` gives them to the concept reader."""
    rows = []
    for number, (previous, sentence) in enumerate(PASSAGE):
        for index, figure in enumerate(re.finditer(r"\d[\d ,.]*\d|\d", sentence)):
            rows.append(
                {
                    "claim_id": f"s{number}c{index}",
                    "sentence_id": f"s{number}",
                    "char_start": figure.start(),
                    "char_end": figure.end(),
                    "span": figure.group(),
                    "before": sentence[: figure.start()],
                    "after": sentence[figure.end() :],
                    "previous": previous,
                }
            )
    return pl.DataFrame(rows)


def test_the_scanned_marks_are_the_marks_of_reading_every_figure() -> None:
    lexicon = ConceptLexicon.read()
    frame = contexts()
    screened = lexicon.revision_marks(frame).sort("claim_id")
    every = lexicon.revision_marks(frame, screened=False).sort("claim_id")
    assert_frame_equal(screened, every)
    # and the passage exercises what the marks say: each kind of mark is found, with and without accents
    marks = {row["claim_id"]: row for row in screened.to_dicts()}
    assert marks["s0c0"]["is_correction"] and marks["s0c1"]["is_recap"]
    assert marks["s1c0"]["is_correction"] and marks["s1c1"]["is_recap"]  # capitals
    assert marks["s2c0"]["is_correction"] and marks["s2c1"]["is_recap"]  # decomposed accents
    assert marks["s3c0"]["is_recap"] and not marks["s3c1"]["is_recap"]  # "de 41 à 31"
    assert marks["s4c0"]["is_recap"] and marks["s4c0"]["is_correction"]
    assert marks["s5c0"]["is_correction"]  # the sentence before
    assert marks["s6c0"]["is_beyond"]
    assert marks["s7c0"]["named_month"] == 1 and marks["s7c1"]["named_month"] == 0
    assert marks["s8c0"]["is_recap"]  # a curly apostrophe
    assert marks["s9c1"]["is_recap"]
    assert not any(marks[c]["is_correction"] for c in ("s10c0", "s11c0", "s14c0"))


def test_the_scan_keeps_only_sentences_that_may_hold_a_cue() -> None:
    lexicon = ConceptLexicon.read()
    screen = lexicon._cue_screen()
    kept = pl.Series(
        [
            "des milliers de personnes, dont 97 des victimes, ont été identifiées",  # "des" is no revision cue
            "97 of the victims were identified by the coroner's office",
            "les rencontres des ministres ont réuni 97 délégués",  # "contre" inside a word
            "the agency's report counted 1,204 homes destroyed",
            "le bilan a e\u0301te\u0301 re\u0301vise\u0301",  # decomposed accents
            "revisé à 97",  # half the accents
            "97 morts, CONTRE 115".lower(),
            "rectiﬁé",  # a ligature folding into two letters: kept, whatever it says
        ]
    ).str.contains(screen)
    assert kept.to_list() == [False, False, False, False, True, True, True, True]

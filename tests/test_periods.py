"""Which period a figure holds for, when a sentence names several (on the real models).

Every passage is written for this file, in the shape of a budget or toll story: a result beside its
comparison ("5.8 % in 2024, up from 5.4 % in 2023"), a year heading a list, a year that qualifies a noun
("the 2024 public accounts"), and a count that merely looks like a year ("the 2000 troops").
"""

from __future__ import annotations

from corroborate.extract import Extractor
from tests.helpers import one, run


def period(row: dict[str, object]) -> tuple[str, str] | None:
    start, end = row["period_start"], row["period_end"]
    return (str(start), str(end)) if start and end else None


def test_a_comparison_keeps_its_own_year_and_the_result_takes_the_sentence_s(extractor: Extractor) -> None:
    text = (
        "The statistics agency said on Thursday the 2024 public accounts showed a shortfall of 5.8% of output, "
        "up from 5.4% in 2023 and below the government's last estimate of 6.0%."
    )
    rows = run(extractor, text, "en", "2025-03-27")
    assert period(one(rows, 5.8)) == ("2024-01-01", "2024-12-31")
    assert period(one(rows, 5.4)) == ("2023-01-01", "2023-12-31")
    # no year of its own: it shares the sentence's first figure's (its main statement)
    assert period(one(rows, 6.0)) == ("2024-01-01", "2024-12-31")


def test_a_year_heading_the_sentence_scopes_every_figure(extractor: Extractor) -> None:
    rows = run(extractor, "En 2024, le déficit a atteint 5,8 % et la dette 113 %, selon l'Insee.", "fr", "2025-03-27")
    assert period(one(rows, 5.8)) == period(one(rows, 113)) == ("2024-01-01", "2024-12-31")


def test_a_figure_whose_only_years_are_its_comparisons_has_none(extractor: Extractor) -> None:
    text = "Selon la Cour, le déficit atteint 6,0 % du PIB, après 5,5 % en 2023 et 4,7 % en 2022."
    rows = run(extractor, text, "fr", "2025-02-13")
    assert period(one(rows, 6.0)) is None
    assert period(one(rows, 5.5)) == ("2023-01-01", "2023-12-31")
    assert period(one(rows, 4.7)) == ("2022-01-01", "2022-12-31")


def test_a_count_that_looks_like_a_year_is_no_period(extractor: Extractor) -> None:
    rows = run(extractor, "The ministry said the 2000 troops had reached the front.", "en", "2024-10-28")
    assert period(one(rows, 2000)) is None


def test_part_of_a_month_is_its_own_period(extractor: Extractor) -> None:
    rows = run(extractor, "Selon l'ISW, la Russie a pris 478 km² du 1er au 27 octobre.", "fr", "2024-10-28")
    assert period(one(rows, 478)) == ("2024-10-01", "2024-10-27")
    rows = run(extractor, "Russia took 610 km2 in October, the ISW said.", "en", "2024-11-02")
    assert period(one(rows, 610)) == ("2024-10-01", "2024-10-31")  # the whole month is another quantity
    rows = run(extractor, "The UN said 3,000 people were displaced from 1 to 15 July.", "en", "2024-07-20")
    assert period(one(rows, 3000)) == ("2024-07-01", "2024-07-15")


def test_a_year_named_relative_to_the_date_is_resolved_against_it(extractor: Extractor) -> None:
    text = "After 6.4% in 2030, the deficit could fall to 5.9% next year, the Monetary Fund said."
    rows = run(extractor, text, "en", "2030-10-20")
    assert period(one(rows, 6.4)) == ("2030-01-01", "2030-12-31")
    assert period(one(rows, 5.9)) == ("2031-01-01", "2031-12-31")


def test_an_undated_relative_year_keeps_the_figure_from_taking_another_year(extractor: Extractor) -> None:
    # without a publication date "l'an prochain" cannot be dated, but it is still the figure's own time:
    # the figure must not take the 2030 of its comparison
    text = "Après 6,4 % en 2030, le déficit pourrait reculer à 5,9 % l'an prochain, selon le Fonds monétaire."
    rows = run(extractor, text, "fr", None)
    assert period(one(rows, 6.4)) == ("2030-01-01", "2030-12-31")
    assert period(one(rows, 5.9)) is None
    assert "l'an prochain" in str(one(rows, 5.9)["scope"])

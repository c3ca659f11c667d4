"""Verdicts a reader can trust: descriptors, scales, a government's names and forecasts decide nothing.

Each rule is exercised on passages written for it, in a real database, through the real link stage.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.link.naming import is_named
from helpers import Scenario, text


@pytest.mark.parametrize(
    ("name", "named"),
    [
        ("Sabrina Singh", True),
        ("the Pentagon", True),
        ("gouvernement français", True),  # a nationality makes a descriptor specific
        ("Maui police", True),
        ("State Department", True),  # generic words, but a title-cased proper name
        ("service sismologique américain", True),
        ("les autorités", False),
        ("Authorities", False),  # a capital at the start of a sentence names nobody
        ("le ministère", False),
        ("sources", False),
        ("residents", False),
        ("même source", False),
        ("state’s", False),
        ("opérations de recherche et de secours", False),  # lower-case common nouns
        ("Saturday's report", False),
        ("Londres", True),  # a capital speaking for its government
        ("BFM TV", False),  # a medium relays somebody
        ("Hawaii News Now", False),
        ("", False),
        (None, False),
    ],
)
def test_a_source_is_named_only_when_it_names_a_person_or_a_body(name: str | None, named: bool) -> None:
    assert is_named(name) is named


def test_descriptors_in_two_articles_do_not_corroborate_each_other(scenario: Scenario) -> None:
    s = scenario
    s.article("a", text("Selon les autorités, 1 200 maisons ont été détruites à Valbonne."), "2024-05-02")
    s.article("b", text("Les autorités font état de 1 200 maisons détruites à Valbonne."), "2024-05-03")
    s.article("c", text("La Croix-Rouge compte 1 200 maisons détruites à Valbonne."), "2024-05-04")
    first = s.claim("a", "les autorités", 1200, span="1 200", unit="houses", subject="maisons détruites")
    second = s.claim("b", "Les autorités", 1200, span="1 200", unit="houses", subject="maisons détruites")
    s.link()
    assert s.outcome(first) == s.outcome(second) == "unresolved"
    named = s.con.execute("SELECT DISTINCT named FROM sources WHERE name ILIKE '%autorit%'").fetchall()
    assert named == [(False,)]  # source_counts lists named sources only
    red_cross = s.claim("c", "La Croix-Rouge", 1200, span="1 200", unit="houses", subject="maisons détruites")
    s.link()
    # a named body still decides nothing for a descriptor, but the descriptor's figure backs no one either
    assert s.outcome(first) == "unresolved" and s.outcome(red_cross) == "unresolved"


def test_named_bodies_in_two_articles_do_corroborate(scenario: Scenario) -> None:
    s = scenario
    s.article("a", text("La préfecture du Var compte 1 200 maisons détruites."), "2024-05-02")
    s.article("b", text("La Croix-Rouge compte 1 200 maisons détruites."), "2024-05-03")
    prefecture = s.claim("a", "La préfecture du Var", 1200, span="1 200", unit="houses", subject="maisons détruites")
    s.claim("b", "La Croix-Rouge", 1200, span="1 200", unit="houses", subject="maisons détruites")
    s.link()
    assert s.outcome(prefecture) == "corroborated"


def test_a_reading_on_a_scale_is_no_claim_about_the_world(scenario: Scenario) -> None:
    s = scenario
    s.article("a", text("The quake had a magnitude of 6.8, the Geological Survey said."), "2023-09-09", language="en")
    s.article("b", text("Le séisme était de magnitude 6,8 selon l'Institut de géophysique."), "2023-09-10")
    survey = s.claim("a", "the Geological Survey", 6.8, span="6.8", unit="count", subject="magnitude")
    institute = s.claim("b", "l'Institut de géophysique", 6.8, span="6,8", unit="count", subject="magnitude")
    s.link()
    assert s.outcome(survey) == s.outcome(institute) == "unresolved"
    reason = s.con.execute("SELECT reason FROM claim_outcomes WHERE claim_id = $c", {"c": survey}).fetchall()[0][0]
    assert "scale" in reason


def test_a_ministry_fragment_and_the_placed_ministry_are_one_voice(scenario: Scenario) -> None:
    s = scenario
    # the English report names no country; the French one is placed in France
    s.article("en", text("The interior Ministry counted 812,000 marchers on Thursday."), "2023-03-24", language="en")
    s.article("fr", text("En France, le ministère de l'Intérieur a compté 812 000 manifestants."), "2023-03-24")
    english = s.claim(
        "en", "interior Ministry", 812000, span="812,000", unit="people", subject="marchers", source_org="Interior"
    )
    french = s.claim("fr", "le ministère de l'Intérieur", 812000, span="812 000", unit="people", subject="manifestants")
    s.link()
    assert s.outcome(english) == s.outcome(french) == "unresolved"


def test_two_forecasts_of_one_year_neither_corroborate_nor_revise(scenario: Scenario) -> None:
    s = scenario
    year = ("2031-01-01", "2031-12-31")
    s.article("a", text("Le Fonds monétaire prévoit un déficit de 4,1 % en 2031."), "2030-10-01")
    s.article("b", text("La Commission prévoit un déficit de 4,1 % en 2031."), "2030-11-01")
    s.article("c", text("Le Sénat prévoit un déficit de 5,2 % en 2031."), "2030-12-01")
    common = {"unit": "percent", "subject": "déficit public", "period": year}
    fund = s.claim("a", "Le Fonds monétaire", 4.1, span="4,1 %", **common)  # type: ignore[arg-type]
    s.claim("b", "La Commission", 4.1, span="4,1 %", **common)  # type: ignore[arg-type]
    s.claim("c", "Le Sénat", 5.2, span="5,2 %", **common)  # type: ignore[arg-type]
    s.link()
    assert s.outcome(fund) == "unresolved"  # the year is not over: three opinions, no outturn


def test_an_outturn_backed_by_another_body_revises_a_forecast(scenario: Scenario) -> None:
    s = scenario
    year = ("2031-01-01", "2031-12-31")
    s.article("a", text("Le Fonds monétaire prévoit un déficit de 4,1 % en 2031."), "2031-10-01")
    s.article("b", text("L'Institut statistique constate un déficit de 5,2 % en 2031."), "2032-03-27")
    s.article("c", text("La Cour des comptes confirme un déficit de 5,2 % en 2031."), "2032-04-10")
    common = {"unit": "percent", "subject": "déficit public", "period": year}
    fund = s.claim("a", "Le Fonds monétaire", 4.1, span="4,1 %", **common)  # type: ignore[arg-type]
    institute = s.claim("b", "L'Institut statistique", 5.2, span="5,2 %", **common)  # type: ignore[arg-type]
    s.link()
    assert s.outcome(fund) == "unresolved"  # one voice alone replaces nobody else's figure
    s.claim("c", "La Cour des comptes", 5.2, span="5,2 %", **common)  # type: ignore[arg-type]
    s.link()
    assert s.outcome(fund) == "revised"
    assert s.outcome(institute) == "corroborated"


def test_one_body_under_its_names_and_languages_but_never_across_countries() -> None:
    import polars as pl

    from corroborate.link.identity import one_body_per_key

    names = pl.DataFrame(
        {
            "source_id": ["ecb", "bce", "long", "long_fr", "interior", "stats_ma", "stats_fr"],
            "name": [
                "ECB",
                "BCE",
                "European Central Bank",
                "Banque centrale européenne",
                "Interior Ministry",
                "National Statistics Institute",
                "Institut national de la statistique",
            ],
            "claims": [3, 2, 5, 1, 4, 1, 1],
            "countries": [["DE"], ["FR"], ["DE"], ["FR"], ["FR"], ["MA"], ["FR"]],
        }
    )
    merged = one_body_per_key(names)
    # the acronym in both languages and both expansions are one bank; the most quoted name stands for them
    assert merged == {"ecb": "long", "bce": "long", "long_fr": "long"}
    # the statistics institutes of two countries stay two bodies; a ministry's key is its government's
    owners = pl.DataFrame(
        {
            "source_id": ["fr", "en", "place_fr", "place_ma"],
            "name": ["analystes de Veritrend", "analysts for financial data firm Veritrend", "Maison", "Maison"],
            "claims": [2, 1, 1, 1],
            "countries": [["FR"], ["DE"], ["FR"], ["MA"]],
        }
    )
    # the firm a descriptor names as its owner is one body in every story; a bare common name is not
    assert one_body_per_key(owners) == {"en": "fr"}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("analystes de Veritrend", "analysts for financial data firm Veritrend"),  # a descriptor and its owner
        ("les données publiées mardi par l'Ostat", "statistics agency Ostat"),
        ("Institut national de géophysique", "National Geophysical Institute"),  # one name in two languages
        ("agence de gestion des urgences", "Emergency Management Agency"),
        # "national" and a demonym both say which country: the country is the identity's, not the key's
        ("Centre marocain pour la recherche scientifique", "National Center for Scientific Research"),
        ("Assemblée nationale", "National Assembly"),
    ],
)
def test_one_body_has_one_key_under_its_descriptors_and_languages(first: str, second: str) -> None:
    from corroborate.link.identity import NameKeys

    keys = NameKeys()
    assert keys.key(first) == keys.key(second) != ""


def test_a_person_or_a_descriptor_without_a_proper_name_is_no_owner() -> None:
    from corroborate.link.identity import NameKeys

    keys = NameKeys()
    # a person's full name is two proper words: no one owner, the key keeps every content word
    assert keys.key("le chef de la police, Jean Dufresne") not in {"jean", "dufresne"}
    # a place is no owner: the police of a place stays police
    assert keys.key("Police in Hawaii") == "police"


def test_a_government_descriptor_answers_for_the_government_of_its_story(scenario: Scenario) -> None:
    s = scenario
    s.article("ma", text("Au Maroc, le bilan atteint 2 012 morts, selon un bilan de l'Intérieur."), "2023-09-09")
    s.article("fr", text("En France, 1 089 000 manifestants selon le ministère de l'Intérieur."), "2023-03-24")
    s.article("fr2", text("En France, selon le ministère de l'Intérieur, 740 000 manifestants."), "2023-03-28")
    quake = s.claim("ma", "de l'Intérieur", 2012, span="2 012", unit="deaths", subject="morts")
    march = s.claim(
        "fr", "le ministère de l'Intérieur", 1089000, span="1 089 000", unit="people", subject="manifestants"
    )
    s.claim("fr2", "le ministère de l'Intérieur", 740000, span="740 000", unit="people", subject="manifestants")
    s.link()
    assert s.source_name(quake) == "Interior Ministry (MA)"
    assert s.source_name(march) == "Interior Ministry (FR)"
    parents = dict(
        s.con.execute(
            "SELECT s.name, p.name FROM sources s JOIN sources p ON p.source_id = s.parent_id "
            "WHERE s.name LIKE 'Interior Ministry (%'"
        ).fetchall()
    )
    assert parents == {"Interior Ministry (MA)": "Government (MA)", "Interior Ministry (FR)": "Government (FR)"}
    unnamed = s.con.execute("SELECT named FROM sources WHERE name = 'le ministère de l''Intérieur'").fetchall()
    assert unnamed in ([], [(False,)])  # the bare descriptor itself is never listed


def test_a_bare_rate_of_a_month_is_not_every_rate_of_that_month(scenario: Scenario) -> None:
    s = scenario
    month = ("2031-02-01", "2031-02-28")
    s.article("a", text("L'institut de Berne mesure 2,6 % en février."), "2031-03-01")
    s.article("b", text("L'office de Lyon mesure 2,3 % en février."), "2031-03-20")
    s.article("c", text("L'agence de Turin mesure 2,3 % en février."), "2031-03-21")
    first = s.claim("a", "L'institut de Berne", 2.6, span="2,6 %", unit="percent", subject=None, period=month)
    second = s.claim("b", "L'office de Lyon", 2.3, span="2,3 %", unit="percent", subject=None, period=month)
    s.claim("c", "L'agence de Turin", 2.3, span="2,3 %", unit="percent", subject=None, period=month)
    s.link()
    # nothing says the three rates measure the same thing: each is a quantity of its own
    assert s.quantity(first) != s.quantity(second)
    assert s.outcome(first) == "unresolved"


def test_a_month_only_date_is_shown_as_the_month(scenario: Scenario) -> None:
    from corroborate.present.explain import claim_table, explain_source

    s = scenario
    s.article("a", text("La Croix-Rouge compte 300 maisons détruites."), "2023-09-01", precision="month")
    s.article("b", text("La préfecture du Var compte 300 maisons détruites."), "2023-09-14")
    red_cross = s.claim("a", "La Croix-Rouge", 300, span="300", unit="houses", subject="maisons détruites")
    s.claim("b", "La préfecture du Var", 300, span="300", unit="houses", subject="maisons détruites")
    s.link()
    shown = s.con.execute("SELECT published_on FROM claim_explanations WHERE claim_id = ?", [red_cross]).fetchall()
    assert shown == [("2023-09",)]
    table = claim_table(explain_source(s.con, "La Croix-Rouge").claims)
    assert table["date"].to_list() == ["2023-09"]


def test_extract_explain_names_the_rule_that_credited_each_figure(tmp_path: Path) -> None:
    from corroborate.run.api import EXTRACT_COLUMNS, extract_path

    article = tmp_path / "a.txt"
    article.write_text(
        "Selon l'Institut de Lorval, l'inflation a atteint 1,2 % en mars. "
        "« Nous comptons 3 400 chômeurs de plus », a déclaré Jeanne Morel, maire de Lorval.\n",
        encoding="utf-8",
    )
    plain, _ = extract_path(article)
    assert tuple(plain.columns) == EXTRACT_COLUMNS  # the contract is unchanged without --explain
    explained, _ = extract_path(article, explain=True)
    rules = dict(zip(explained["value"].to_list(), explained["attribution"].to_list(), strict=True))
    assert rules[1.2] == "according"
    assert rules[3400] == "quote"


def test_copies_of_one_dispatch_count_once_in_the_scores(scenario: Scenario) -> None:
    import polars as pl

    from corroborate.score import score_sources, scores

    s = scenario
    dispatch = text("Selon la préfecture du Var, 1 200 maisons ont été détruites par les flammes.")
    s.article("wire", dispatch, "2024-05-02", outlet="Agence")
    s.article("copy", dispatch + " Publié avec l'Agence.", "2024-05-02", outlet="Site")
    s.article("later", text("La préfecture du Var corrige : 900 maisons détruites."), "2024-05-05", outlet="Journal")
    s.article("other", text("Selon la Croix-Rouge, 900 maisons détruites."), "2024-05-06", outlet="Radio")
    for article in ("wire", "copy"):
        s.claim(article, "la préfecture du Var", 1200, span="1 200", unit="houses", subject="maisons détruites")
    s.claim("later", "La préfecture du Var", 900, span="900", unit="houses", subject="maisons détruites")
    s.claim("other", "la Croix-Rouge", 900, span="900", unit="houses", subject="maisons détruites")
    s.link()
    groups = s.con.execute("SELECT count(DISTINCT group_id) FROM article_groups WHERE article_id IN ('wire', 'copy')")
    assert groups.fetchall() == [(1,)]  # one dispatch
    s.complete_run()
    score_sources(s.con, "run-test")
    officials = scores(s.con, kind="official")
    prefecture = officials.filter(pl.col("source").str.to_lowercase() == "la préfecture du var").row(0, named=True)
    # the 1,200 the dispatch gives, published twice, counts once; the later 900 is the second claim
    assert prefecture["claims"] == 2


def test_a_recalled_figure_of_another_month_replaces_nothing(scenario: Scenario) -> None:
    # "down from 2.7 % in January" is January's figure: beside February's, it is a change, not a revision
    s = scenario
    s.article(
        "a",
        text("Core inflation eased to 2.4 % in February 2031, down from 2.7 % in January, the Statistics Office said."),
        "2031-03-01",
        language="en",
    )
    february = ("2031-02-01", "2031-02-28")
    s.claim("a", "the Statistics Office", 2.4, span="2.4 %", unit="percent", subject="core inflation", period=february)
    recalled = s.claim("a", "the Statistics Office", 2.7, span="2.7 %", unit="percent", subject="core inflation")
    s.link()
    assert s.outcome(recalled) == "unresolved"
    marks = s.con.execute("SELECT is_recap, named_month FROM claim_marks WHERE claim_id = ?", [recalled]).fetchall()
    assert marks == [(True, 1)]


def test_a_recalled_figure_without_a_time_of_its_own_is_replaced(scenario: Scenario) -> None:
    # the same shape with no month named: the recap is the earlier estimate of the same month
    s = scenario
    s.article(
        "a",
        text("Core inflation was 2.4 % in February 2031, down from 2.7 % first estimated, the Statistics Office said."),
        "2031-03-20",
        language="en",
    )
    february = ("2031-02-01", "2031-02-28")
    s.claim("a", "the Statistics Office", 2.4, span="2.4 %", unit="percent", subject="core inflation", period=february)
    recalled = s.claim("a", "the Statistics Office", 2.7, span="2.7 %", unit="percent", subject="core inflation")
    s.link()
    assert s.outcome(recalled) == "revised"
    reason = s.con.execute("SELECT reason FROM claim_outcomes WHERE claim_id = ?", [recalled]).fetchall()[0][0]
    assert "recalls" in reason  # the rule that decided it is named


@pytest.mark.parametrize(
    ("first", "second", "outcome"),
    [
        (("112,3 %", 112.3), ("112,3 %", 112.3), "corroborated"),
        (("112,3 %", 112.3), ("112,7 %", 112.7), "unresolved"),  # 0.4 point apart: not the same figure
        (("112 %", 112.0), ("112,3 %", 112.3), "corroborated"),  # a rounded figure meets a precise one
    ],
)
def test_a_figure_means_no_more_than_its_stated_digits(
    scenario: Scenario, first: tuple[str, float], second: tuple[str, float], outcome: str
) -> None:
    s = scenario
    year = ("2030-01-01", "2030-12-31")
    s.article("a", text(f"Le Fonds monétaire estime la dette à {first[0]} du PIB en 2030."), "2031-02-01")
    s.article("b", text(f"L'Institut statistique mesure une dette de {second[0]} du PIB en 2030."), "2031-03-27")
    common = {"unit": "percent", "subject": "dette publique", "period": year}
    fund = s.claim("a", "Le Fonds monétaire", first[1], span=first[0], **common)  # type: ignore[arg-type]
    s.claim("b", "L'Institut statistique", second[1], span=second[0], **common)  # type: ignore[arg-type]
    s.link()
    assert s.outcome(fund) == outcome


def test_two_precise_tolls_a_few_units_apart_do_not_corroborate(scenario: Scenario) -> None:
    s = scenario
    s.article("a", text("La préfecture du Var compte 1 037 maisons détruites."), "2024-05-02")
    s.article("b", text("La Croix-Rouge compte 1 042 maisons détruites."), "2024-05-02")
    s.article("c", text("La mairie de Draguignan compte 1 037 maisons détruites."), "2024-05-02")
    prefecture = s.claim("a", "La préfecture du Var", 1037, span="1 037", unit="houses", subject="maisons détruites")
    s.claim("b", "La Croix-Rouge", 1042, span="1 042", unit="houses", subject="maisons détruites")
    s.link()
    assert s.outcome(prefecture) == "unresolved"
    s.claim("c", "La mairie de Draguignan", 1037, span="1 037", unit="houses", subject="maisons détruites")
    s.link()
    assert s.outcome(prefecture) == "corroborated"


def test_an_earlier_expectation_recalled_beside_the_result_is_replaced_by_it(scenario: Scenario) -> None:
    s = scenario
    year = ("2030-01-01", "2030-12-31")
    s.article(
        "a",
        text(
            "Public debt rose to 113.0 % of output in 2030, the statistics office said, above the government's "
            "expectation of 112.7 %."
        ),
        "2031-03-27",
        language="en",
    )
    common = {"unit": "percent", "subject": "public debt", "period": year}
    s.claim("a", "the statistics office", 113.0, span="113.0 %", **common)  # type: ignore[arg-type]
    expected = s.claim("a", "the government", 112.7, span="112.7 %", **common)  # type: ignore[arg-type]
    s.link()
    assert s.outcome(expected) == "revised"


def test_a_forecast_of_what_is_expected_is_no_recalled_figure(scenario: Scenario) -> None:
    s = scenario
    s.article(
        "a",
        text("Public debt is expected to reach 115.1 % of output next year, the government said."),
        "2031-03-27",
        language="en",
    )
    forecast = s.claim("a", "the government", 115.1, span="115.1 %", unit="percent", subject="public debt")
    s.link()
    marks = s.con.execute("SELECT is_recap FROM claim_marks WHERE claim_id = ?", [forecast]).fetchall()
    assert marks == [(False,)]


def test_a_comparison_with_another_year_is_the_source_s_current_word_on_that_year(scenario: Scenario) -> None:
    # "up from 5.4 % in 2030" in a story on 2031 recalls no earlier statement: it is what the office says of
    # 2030 today, and it replaces the 5.5 % the office gave for 2030 a year before
    s = scenario
    s.article(
        "a", text("The statistics office said the 2030 deficit came to 5.5 % of output."), "2031-04-10", language="en"
    )
    s.article(
        "b",
        text("The statistics office said the 2031 deficit was 5.8 % of output, up from 5.4 % in 2030."),
        "2032-03-27",
        language="en",
    )
    y2030, y2031 = ("2030-01-01", "2030-12-31"), ("2031-01-01", "2031-12-31")
    first = s.claim("a", "The statistics office", 5.5, span="5.5 %", unit="percent", subject="deficit", period=y2030)
    s.claim("b", "The statistics office", 5.8, span="5.8 %", unit="percent", subject="deficit", period=y2031)
    s.claim("b", "The statistics office", 5.4, span="5.4 %", unit="percent", subject="deficit", period=y2030)
    s.link()
    assert s.outcome(first) == "revised"
    reason = s.con.execute("SELECT reason FROM claim_outcomes WHERE claim_id = ?", [first]).fetchall()[0][0]
    assert reason == "its source later gave an incompatible figure"

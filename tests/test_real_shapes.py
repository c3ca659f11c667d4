"""Verdicts on passages shaped like real news: translations, acronyms, undated records, running tolls, relays.

Each passage is written for the test (never copied from a corpus); each case is a category that broke
verdicts on real articles: quantities too coarse, independence, one source under many names, undated
records, and blame spread too wide.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl

from corroborate.ingest.dates import inferred_date
from corroborate.link.concepts import ConceptLexicon
from corroborate.link.copies import number_sequence, translation_pairs
from corroborate.link.identity import NameKeys, claim_identities
from corroborate.link.stories import article_places
from tests.helpers import RUN, Scenario, filler


def outcome_and_reason(s: Scenario, claim_id: str) -> tuple[str, str]:
    row = s.con.execute("SELECT outcome, reason FROM claim_outcomes WHERE claim_id = ?", [claim_id]).fetchall()
    return row[0][0], row[0][1]


# --- 1. copies in any language -----------------------------------------------------------------------------

FLOOD_FR = (
    "TRIPOLI, 12 septembre (Reuters) - Les inondations ont fait au moins 2 300 morts dans la ville libyenne, "
    "selon les secours, et 10 000 personnes sont portées disparues. Quelque 5 200 habitants ont été évacués "
    "et 7 quartiers sont sous les eaux, a déclaré le ministre à 14 h 30."
)
FLOOD_EN = (
    "TRIPOLI, Sept 12 (Reuters) - Floods killed at least 2,300 people in the Libyan city, rescuers said, and "
    "10,000 people are missing. Some 5,200 residents were evacuated and 7 districts are under water, the "
    "fund said at 14:30."
)
FLOOD_OTHER = (
    "Le bilan s'établit à 2 300 morts. Le Croissant-Rouge, qui compte 10 000 disparus, évoque 40 000 "
    "déplacés, 900 bâtiments détruits et 12 hôpitaux touchés en 2023."
)


def test_numbers_are_read_the_same_in_both_languages() -> None:
    assert number_sequence("au moins 2.012 morts, 2 059 blessés et 18,4 %") == ["2012", "2059", "18.4"]
    assert number_sequence("at least 2,012 dead, 2,059 injured and 18.4%") == ["2012", "2059", "18.4"]


def test_a_translation_is_a_copy_and_an_independent_report_of_the_same_figures_is_not() -> None:
    day = dt.date(2023, 9, 12)
    articles = pl.DataFrame(
        {
            "article_id": ["fr", "en", "other"],
            "language": ["fr", "en", "en"],
            "published_at": [day, day, day],
            "text": [FLOOD_FR, FLOOD_EN, FLOOD_OTHER.replace("Le bilan", "The toll")],
        }
    )
    pairs = translation_pairs(articles)
    assert pairs.select("article_id", "copy_of_article_id").rows() == [("fr", "en")]
    assert pairs["method"].to_list() == ["translation"]
    far_apart = articles.with_columns(pl.Series("published_at", [day, day + dt.timedelta(days=30), day]))
    assert translation_pairs(far_apart).is_empty()


def test_a_short_dispatch_and_its_translation_from_one_wire_are_one_dispatch() -> None:
    # three numbers only: too few for two unrelated articles, enough when both credit the same agency
    day = dt.date(2031, 3, 3)
    french = "L'inflation a reculé à 2,4 % en février, après 2,5 % en janvier ; l'énergie a baissé de 0,2 %."
    english = "Inflation eased to 2.4 percent in February, from 2.5 percent in January; energy fell 0.2 percent."
    articles = pl.DataFrame(
        {
            "article_id": ["fr", "en", "other"],
            "outlet": ["Le Quotidien (AFP copy)", "Daily Wire Page (AFP copy)", "Finance Today"],
            "language": ["fr", "en", "en"],
            "published_at": [day, None, day],
            "text": [french, english, english.replace("Inflation eased", "Prices eased")],
        }
    )
    pairs = translation_pairs(articles)
    assert [set(row) for row in pairs.select("article_id", "copy_of_article_id").rows()] == [{"en", "fr"}]
    no_wire = articles.with_columns(pl.Series("outlet", ["Le Quotidien", "Daily Wire Page", "Finance Today"]))
    assert translation_pairs(no_wire).is_empty()


def test_a_translation_corroborates_nothing(scenario: Scenario) -> None:
    s = scenario
    s.article("fr", FLOOD_FR, "2023-09-12", outlet="Zonebourse", language="fr")
    s.article("en", FLOOD_EN, "2023-09-12", outlet="Tunisie Numerique", language="en")
    fr = s.claim("fr", "les secours", 2300, span="2 300 morts", qualifier="at_least", unit="deaths", subject=None)
    s.claim("en", "rescuers", 2300, span="2,300 people", qualifier="at_least", unit="deaths", subject=None)
    s.link()
    assert s.con.execute("SELECT method FROM article_copies").fetchall() == [("translation",)]
    assert outcome_and_reason(s, fr)[0] == "unresolved"


# --- 2. one source under its names, in both languages ------------------------------------------------------


def test_an_acronym_its_expansion_and_its_french_name_are_one_key() -> None:
    keys = NameKeys()
    seen = frozenset({"imf", "hcfp"})
    assert keys.key("the IMF", seen) == keys.key("International Monetary Fund", seen) == "imf"
    assert keys.key("le Fonds monétaire international", seen) == "imf"
    assert keys.key("Haut Conseil des finances publiques", seen) == "hcfp"
    assert keys.key("statistics agency INSEE") == keys.key("l'Insee") == "insee"
    # two ministries of one government are one voice; a place name is not part of the key
    assert keys.key("Morocco's Ministry of Interior") == keys.key("le ministère marocain de l'Intérieur")
    assert keys.key("le ministère de l'Économie") == "government"


def test_a_bare_descriptor_takes_the_one_name_of_its_article() -> None:
    claims = pl.DataFrame(
        {
            "claim_id": ["a", "b", "c"],
            "article_id": ["x", "x", "y"],
            "source": ["the Interior Ministry", "the ministry", "Interior Ministry"],
            "source_org": [None, None, None],
        }
    )
    places = pl.DataFrame({"article_id": ["x", "y"], "country": ["MA", "FR"]})
    identities = dict(claim_identities(claims, places).select("claim_id", "identity").iter_rows())
    assert identities["a"] == identities["b"] == "MA:government"
    assert identities["c"] == "FR:government"  # the same name in another country is another institution


def test_an_agency_does_not_corroborate_itself_under_its_french_name(scenario: Scenario) -> None:
    s = scenario
    body = "Le FMI prévoit un déficit de 6,1 % du PIB de la France en 2024, selon le Fonds monétaire international."
    s.article("fr", body, "2024-10-23", outlet="Le Monde")
    s.article("en", "The International Monetary Fund (IMF) sees France's deficit at 6.1% of GDP.", "2024-10-24")
    s.article("later", "France's statistics agency INSEE put the 2024 deficit at 6.1% of GDP.", "2025-03-27")
    imf_fr = s.claim(
        "fr", "FMI", 6.1, span="6,1 %", unit="percent", subject="déficit", period=("2024-01-01", "2024-12-31")
    )
    s.claim(
        "en", "International Monetary Fund", 6.1, span="6.1%", unit="percent", subject="deficit",
        period=("2024-01-01", "2024-12-31"),
    )  # fmt: skip
    s.link()
    assert outcome_and_reason(s, imf_fr)[0] == "unresolved"  # the same fund, twice
    s.claim("later", "INSEE", 6.1, span="6.1%", unit="percent", subject="deficit", period=("2024-01-01", "2024-12-31"))
    s.link()
    assert outcome_and_reason(s, imf_fr)[0] == "corroborated"  # another institution, later


# --- 3. undated records ------------------------------------------------------------------------------------


def test_a_publication_date_is_read_from_the_url_or_the_opening() -> None:
    assert inferred_date("https://news.example/world/2024/10/31/floods", None, "Texte.") == "2024-10-31"
    assert inferred_date("https://news.example/2023/09/story", None, "Texte.") == "2023-09"
    assert inferred_date(None, None, "Publié le 13 février 2025 à 10 h.\nLa Cour alerte.") == "2025-02-13"
    # a dateline without a year: the weekday named in the lede decides it (25 September 2024 was a Wednesday)
    lede = "PARIS, 25 septembre - Le ministre a admis mercredi que le déficit pour 2024 dépassera 6 %."
    assert inferred_date(None, None, lede) == "2024-09-25"
    # a date deep in the text, or a weekday that fits no year the text names, gives nothing
    assert inferred_date(None, None, "x " * 200 + "after the July 7 elections on Sunday, in 2024") is None
    # (25 September was a Monday in 2023, a Wednesday in 2024, a Thursday in 2025: no Tuesday near 2024)
    assert inferred_date(None, None, "PARIS, 25 septembre - Le ministre a parlé mardi de 2024.") is None


def test_a_weekday_next_to_a_day_and_month_dates_the_page() -> None:
    # "ce jeudi 27 mars" in the lede's second sentence; 27 March was a Thursday in 2025, not in 2024
    lede = (
        "Le déficit a été revu. Anticipé à 6 %, il s'est établi à 5,8 % en 2024, selon les comptes dévoilés "
        "ce jeudi 27 mars."
    )
    assert inferred_date(None, None, lede) == "2025-03-27"
    # the year before the years a text names (a 2025 budget voted in 2024), English order with a comma
    lede = "The Commission approved on Tuesday, November 26 the 2025 budget: a 5% deficit in 2025, under 3% by 2029."
    assert inferred_date(None, None, lede) == "2024-11-26"
    # ... but 2024 and 2030 are as near to 2025 and 2029 named once each: no guess
    assert inferred_date(None, None, "Approved on Tuesday, November 26: 5% in 2025, under 3% by 2029.") is None
    # 23 October was a Wednesday in 2024 and in 2030: the year nearest the text's years (2024 to 2029) wins
    lede = "The IMF warned this Wednesday, October 23 that after 6% in 2024 the deficit could stay at 5.9% until 2029."
    assert inferred_date(None, None, lede) == "2024-10-23"
    # a text naming no year gives none
    assert inferred_date(None, None, "Les incendies font rage depuis mardi 8 août sur l'île.") is None


def test_an_undated_record_takes_its_url_date_at_ingest(tmp_path: Path) -> None:
    import json

    from corroborate.ingest import read_records

    record = {"id": "r1", "url": "https://news.example/2024/10/31/floods", "text": "Selon l'ONU, 300 morts."}
    (tmp_path / "a.json").write_text(json.dumps(record), encoding="utf-8")
    records, _ = read_records([tmp_path])
    assert records["published_at"].to_list() == [dt.date(2024, 10, 31)]
    assert records["published_precision"].to_list() == ["day"]


def test_an_undated_claim_takes_part_in_no_verdict_that_depends_on_order(scenario: Scenario) -> None:
    s = scenario
    s.article("a", "Selon Kiev, 3 000 soldats nord-coréens.", None)
    s.article("b", "Selon Séoul, 3 000 soldats nord-coréens.", "2024-10-20")
    undated = s.claim("a", "Kiev", 3000, span="3 000")
    s.claim("b", "Séoul", 3000, span="3 000")
    s.link()
    outcome, reason = outcome_and_reason(s, undated)
    assert outcome == "unresolved" and "date unknown" in reason


def test_an_undated_copy_holds_its_dispatch_date(scenario: Scenario) -> None:
    s = scenario
    dispatch = "TRIPOLI (AFP) - " + FLOOD_FR[40:] + " " + filler("dispatch", 60)
    s.article("wire", dispatch, "2023-09-12", outlet="AFP")
    s.article("copy", dispatch + " Publié avec l'AFP.", None, outlet="Site (AFP copy)")
    s.article("later", "En Libye, le Croissant-Rouge compte 2 300 morts. " + filler("other", 60), "2023-09-13")
    copied = s.claim(
        "copy", "la Protection civile", 2300, span="2 300 morts", qualifier="at_least", unit="deaths", subject=None
    )
    s.claim("later", "Croissant-Rouge", 2300, span="2 300 morts", unit="deaths", subject=None)
    s.link()
    dated = s.con.execute("SELECT published_at, dated_by, dated_from FROM article_dates WHERE article_id = 'copy'")
    assert dated.fetchall() == [(dt.date(2023, 9, 12), "copy", "wire")]
    assert outcome_and_reason(s, copied)[0] == "corroborated"  # no longer "date unknown"
    explained = s.con.execute("SELECT DISTINCT dated_by FROM claim_explanations WHERE claim_id = ?", [copied])
    assert explained.fetchall() == [("copy",)]


# --- 5. which year a yearly figure is for ------------------------------------------------------------------


def _deficit(s: Scenario, article: str, source: str, value: float, span: str, **kw: object) -> str:
    return s.claim(article, source, value, span=span, unit="percent", subject="déficit", **kw)  # type: ignore[arg-type]


def test_a_yearly_figure_without_its_year_takes_none_from_the_publication_day(scenario: Scenario) -> None:
    # "le déficit atteint 6,0 %" may be last year's result, this year's forecast or the deficit "currently"
    # running: a figure for a period that names no period is a quantity of its own, whatever the month
    s = scenario
    year_2024 = ("2024-01-01", "2024-12-31")
    s.article("oct", "Le FMI voit le déficit de la France à 6,1 % du PIB en 2024.", "2024-10-23")
    s.article("late_oct", "Le gouvernement table sur un déficit de 6,1 % du PIB.", "2024-10-25")
    s.article("feb", "Selon la Cour des comptes, le déficit de la France atteint 6,0 % du PIB.", "2025-02-13")
    imf = _deficit(s, "oct", "FMI", 6.1, "6,1 %", period=year_2024)
    government = _deficit(s, "late_oct", "gouvernement", 6.1, "6,1 %")
    court = _deficit(s, "feb", "Cour des comptes", 6.0, "6,0 %")
    s.link()
    assert len({s.quantity(imf), s.quantity(government), s.quantity(court)}) == 3
    assert {outcome_and_reason(s, c)[0] for c in (imf, government, court)} == {"unresolved"}


def test_this_year_left_undated_by_the_extractor_is_dated_by_the_article(scenario: Scenario) -> None:
    # the extractor cannot date "cette année" on a page it reads undated; the link stage dates it by the
    # article's date (article_dates: an undated copy takes its dispatch's)
    s = scenario
    s.article("dated", "Le FMI voit le déficit de la France à 6,1 % du PIB cette année.", "2024-10-23")
    s.article("undated", "Selon la Commission, le déficit atteindra 6,1 % du PIB cette année.", None)
    year = ("2024-01-01", "2024-10-23")
    imf = _deficit(s, "dated", "FMI", 6.1, "6,1 %", period=year)
    commission = _deficit(s, "undated", "Commission", 6.1, "6,1 %")
    s.con.execute("UPDATE claims SET scope = 'cette année' WHERE claim_id = ?", [commission])
    s.con.execute(
        "UPDATE articles SET published_at = DATE '2024-11-05', published_precision = 'day' WHERE article_id = 'undated'"
    )
    s.link()
    assert s.quantity(commission) == s.quantity(imf)


def test_a_figure_for_the_medium_term_is_not_this_year_s(scenario: Scenario) -> None:
    s = scenario
    s.article("a", "Le gouvernement vise un déficit de 5,4 % du PIB en 2025.", "2025-01-23")
    s.article(
        "b", "Le FMI estime que le déficit de la France restera autour de 6 % du PIB à moyen terme.", "2025-05-24"
    )
    target = _deficit(s, "a", "gouvernement", 5.4, "5,4 %", period=("2025-01-01", "2025-12-31"))
    medium = _deficit(s, "b", "FMI", 6.0, "6 %", qualifier="approx", low=5.5, high=6.5)
    s.link()
    assert s.quantity(medium) != s.quantity(target)
    assert outcome_and_reason(s, target)[0] == "unresolved"  # not contradicted by a figure for later years


def test_a_recalled_figure_backs_nothing(scenario: Scenario) -> None:
    s = scenario
    year_2024 = ("2024-01-01", "2024-12-31")
    s.article("sept", "Le FMI a dit que le déficit de la France risque de dépasser 6 % du PIB en 2024.", "2024-09-25")
    s.article(
        "march",
        "Anticipé précédemment à 6 % du PIB, le déficit de la France s'est établi à 5,8 % en 2024, selon l'Insee.",
        "2025-03-27",
    )
    s.article("april", "La Cour des comptes confirme un déficit de 5,8 % du PIB en 2024.", "2025-04-10")
    fund = _deficit(s, "sept", "FMI", 6.0, "6 %", qualifier="at_least", period=year_2024, high=12.0)
    recalled = _deficit(s, "march", "Insee", 6.0, "6 %", period=year_2024)
    _deficit(s, "march", "Insee", 5.8, "5,8 %", period=year_2024)
    _deficit(s, "april", "Cour des comptes", 5.8, "5,8 %", period=year_2024)
    s.link()
    relations = s.con.execute(
        "SELECT relation FROM claim_evidence WHERE claim_id = ? AND evidence_claim_id = ?", [fund, recalled]
    ).fetchall()
    assert relations == []  # "anticipated at 6 % before" is a recap: it corroborates nobody
    assert outcome_and_reason(s, fund)[0] == "revised"  # 5.8 %, backed by the Cour, is what stands for 2024


# --- 4. running counts -------------------------------------------------------------------------------------


def test_the_words_next_to_a_figure_say_what_it_counts_and_whether_it_corrects() -> None:
    sentences = pl.DataFrame(
        {
            "claim_id": ["new", "old", "missing", "growth"],
            "sentence_id": ["s1", "s1", "s2", "s3"],
            "char_start": [60, 80, 0, 30],
            "char_end": [62, 83, 2, 32],
            "span": ["97", "115", "31", "67"],
            "before": [
                "Police have revised the number of deaths from the fires to ",
                "Police have revised the number of deaths from the fires to 97, down from their previous toll of ",
                "",
                "The confirmed death toll has risen to ",
            ],
            "after": [", down from their previous toll of 115", "", " people remain unaccounted for", ", up from 55"],
            "previous": ["", "", "", ""],
        }
    )
    lexicon = ConceptLexicon.read()
    concepts = dict(lexicon.near_figures(sentences).iter_rows())
    assert concepts == {"new": "deaths", "old": "deaths", "missing": "missing", "growth": "deaths"}
    marks = {r["claim_id"]: (r["is_recap"], r["is_correction"]) for r in lexicon.revision_marks(sentences).to_dicts()}
    assert marks["new"] == (False, True)
    assert marks["old"] == (True, True)
    assert marks["growth"] == (False, False)


def test_a_figure_said_last_week_is_an_earlier_one_recalled() -> None:
    lexicon = ConceptLexicon.read()
    contexts = pl.concat(
        [
            _contexts("en", "Authorities said last week that 66 people were still missing.", {"week": "66"}),
            _contexts("fr", "La préfecture évoquait la semaine dernière 66 disparus.", {"semaine": "66"}),
            _contexts("now", "Authorities said on Friday that 31 people were still missing.", {"now": "31"}),
        ]
    )
    marks = {r["claim_id"]: r["is_recap"] for r in lexicon.revision_marks(contexts).to_dicts()}
    assert marks == {"week": True, "semaine": True, "now": False}


def test_a_toll_brought_down_or_downgraded_is_a_correction() -> None:
    lexicon = ConceptLexicon.read()
    contexts = pl.concat(
        [
            _contexts("fr", "Le bilan a été ramené à 3 958 morts, contre 11 300 annoncés auparavant.", {"fr": "3 958"}),
            _contexts("en", "The agency downgraded its estimate to 4,000 deaths.", {"en": "4,000"}),
            _contexts("grew", "The toll rose to 4,100 deaths on Monday.", {"grew": "4,100"}),
        ]
    )
    marks = {r["claim_id"]: r["is_correction"] for r in lexicon.revision_marks(contexts).to_dicts()}
    assert marks == {"fr": True, "en": True, "grew": False}


def _contexts(sentence_id: str, sentence: str, spans: dict[str, str]) -> pl.DataFrame:
    """One row per figure of ``sentence``, as ``claim_sentences`` gives them to the concept reader."""
    rows = []
    for claim_id, span in spans.items():
        start = sentence.index(span)
        rows.append(
            {
                "claim_id": claim_id,
                "sentence_id": sentence_id,
                "char_start": start,
                "char_end": start + len(span),
                "span": span,
                "before": sentence[:start],
                "after": sentence[start + len(span) :],
                "previous": "",
            }
        )
    return pl.DataFrame(rows)


def test_a_part_of_a_whole_counts_what_its_clause_ends_on() -> None:
    lexicon = ConceptLexicon.read()
    contexts = pl.concat(
        [
            _contexts("en", "Officials said 74 of the 97 victims have been identified so far.", {"part": "74"}),
            _contexts("fr", "Jusqu'à présent, 74 des personnes décédées ont été identifiées.", {"partie": "74"}),
            _contexts("whole", "The toll stands at 97 dead, of whom 74 were identified.", {"whole": "97 dead"}),
        ]
    )
    concepts = dict(lexicon.near_figures(contexts).iter_rows())
    assert concepts == {"part": "identified", "partie": "identified", "whole": "deaths"}


def test_displaced_evacuated_and_affected_people_are_three_quantities() -> None:
    lexicon = ConceptLexicon.read()
    contexts = pl.concat(
        [
            _contexts("a", "The agency said 30,000 people were displaced by the floods.", {"displaced": "30,000"}),
            _contexts("b", "Some 30 000 habitants ont été évacués, selon la préfecture.", {"evacuated": "30 000"}),
            _contexts("c", "On compte 30 000 sinistrés dans la région, selon la mairie.", {"affected": "30 000"}),
            _contexts("d", "At least 30,000 residents were left homeless, officials said.", {"homeless": "30,000"}),
        ]
    )
    concepts = dict(lexicon.near_figures(contexts).iter_rows())
    assert concepts == {
        "displaced": "displaced", "evacuated": "evacuated", "affected": "affected", "homeless": "displaced"
    }  # fmt: skip


def test_a_bare_rate_counts_what_the_rates_of_its_sentence_count() -> None:
    lexicon = ConceptLexicon.read()
    sentence = (
        "Fitch expects a deficit of 5.4% in 2025, above the 5.1% of the spring, while the government, after "
        "weeks of talks with its partners in parliament, is counting on 5%."
    )
    contexts = _contexts("s", sentence, {"fitch": "5.4%", "spring": "5.1%", "government": "5%"})
    contexts = contexts.vstack(_contexts("t", "Turnout was 25 in the morning.", {"turnout": "25"}))
    concepts = dict(lexicon.near_figures(contexts).iter_rows())
    assert concepts["fitch"] == concepts["government"] == "public_deficit"
    assert "turnout" not in concepts  # a bare count borrows nothing from afar


def _toll(s: Scenario, article: str, day: str, body: str, value: int, source: str) -> str:
    s.article(article, f"{body} {filler(article)}", day, outlet=f"Outlet {article}", language="en")
    return s.claim(article, source, value, span=str(value), unit="count", subject=None)


def test_a_growing_toll_is_not_revised_but_a_stated_correction_is(scenario: Scenario) -> None:
    s = scenario
    hawaii = "on the island of Maui in Hawaii"
    early = _toll(s, "d1", "2023-08-10", f"The death toll {hawaii} has risen to 55 on Thursday.", 55, "Maui County")
    peak = _toll(
        s, "d2", "2023-08-21", f"The death toll {hawaii} now stands at 115, officials said.", 115, "Maui County"
    )
    same_day = _toll(
        s, "d3", "2023-08-22", f"Governor Green said the death toll {hawaii} stands at 115.", 115, "Josh Green"
    )
    s.article(
        "fix",
        f"Maui Police have revised the number of deaths {hawaii} to 97, down from their previous toll of 115.",
        "2023-09-15",
        outlet="Outlet fix",
        language="en",
    )
    s.claim("fix", "Maui Police", 97, span="97", unit="count", subject=None)
    recap = s.claim("fix", "Maui Police", 115, span="115", unit="count", subject=None)
    s.link()
    assert outcome_and_reason(s, early)[0] == "unresolved"  # 55 then 115: the toll grew, nobody erred
    assert outcome_and_reason(s, peak)[0] == "revised"  # the correction names 115 as the figure it replaces
    assert outcome_and_reason(s, recap)[0] == "revised"
    # the governor's 115 a day later agreed with the county's at the time, and was then corrected too
    assert outcome_and_reason(s, same_day)[0] == "revised"
    evidence = s.con.execute(
        "SELECT relation FROM claim_evidence WHERE claim_id = ? AND evidence_claim_id = ?", [peak, same_day]
    ).fetchall()
    assert evidence == [("corroborates",)]


def test_a_source_correcting_its_count_downward_revises_its_higher_figures_of_before(scenario: Scenario) -> None:
    s = scenario
    hawaii = "on the island of Maui in Hawaii"
    low = _toll(s, "c1", "2023-08-10", f"The death toll {hawaii} has risen to 55, police said.", 55, "Maui Police")
    high = _toll(s, "c2", "2023-08-15", f"The death toll {hawaii} stands at 101, police said.", 101, "Maui Police")
    fixed = _toll(
        s, "c3", "2023-09-15", f"Maui Police have revised the number of deaths {hawaii} down to 97.", 97, "Maui Police"
    )
    s.link()
    # 101 is not recalled, but the police's own correction puts the count below it: it was wrong
    assert outcome_and_reason(s, high) == ("revised", "its source later gave an incompatible figure")
    assert s.decided_by(high) == fixed
    assert outcome_and_reason(s, low)[0] == "unresolved"  # 55 was the count of its day: the count grew


def test_the_same_toll_given_again_while_the_count_is_disputed_corroborates_nothing(scenario: Scenario) -> None:
    s = scenario
    flood = "after the floods in the Libyan city"
    first = _toll(
        s,
        "t1",
        "2023-09-12",
        f"The death toll {flood} stands at 5300, the interior ministry said.",
        5300,
        "Interior Ministry",
    )
    again = _toll(
        s, "t2", "2023-09-13", f"The death toll {flood} stands at 5300, the mayor said.", 5300, "Mayor Ghaithi"
    )
    s.link()
    assert outcome_and_reason(s, first)[0] == "corroborated"  # two bodies, one count, nobody disagrees
    # a third body gives another figure for the count between the two: the count is disputed, and the
    # mayor's 5300 may be the ministry's figure passed on, not a second count
    _toll(s, "t3", "2023-09-13", f"The death toll {flood} stands at 6000, the Red Crescent said.", 6000, "Red Crescent")
    s.link()
    outcome, reason = outcome_and_reason(s, first)
    assert outcome == "unresolved"
    assert reason.startswith("held back") and "disputed" in reason
    relations = s.con.execute(
        "SELECT relation FROM claim_evidence WHERE claim_id = ? AND evidence_claim_id = ?", [first, again]
    ).fetchall()
    assert relations == [("disputed",)]


def test_tolls_of_two_countries_never_meet(scenario: Scenario) -> None:
    s = scenario
    maui = _toll(s, "m", "2023-09-10", "The death toll in Hawaii stands at 97, officials said.", 97, "Maui County")
    _toll(s, "r", "2023-09-10", "The death toll in Morocco stands at 97, the ministry said.", 97, "the ministry")
    s.link()
    assert outcome_and_reason(s, maui)[0] == "unresolved"
    places = dict(article_places(s.con.table("articles").select("article_id", "title", "text").pl()).iter_rows())
    assert places == {"m": "US", "r": "MA"}


# --- 5. relays and blame -----------------------------------------------------------------------------------


def test_a_lawmaker_relaying_an_agency_is_the_agency(scenario: Scenario) -> None:
    s = scenario
    s.article("brief", "Le député Lee a rapporté que 3 000 soldats sont en Russie, selon le NIS.", "2024-10-23")
    s.article("agency", "The National Intelligence Service said 3,000 soldiers were in Russia.", "2024-10-24")
    relay = s.claim("brief", "Lee", 3000, span="3 000", source_org="NIS")
    s.claim("agency", "National Intelligence Service", 3000, span="3,000")
    s.link()
    assert outcome_and_reason(s, relay)[0] == "unresolved"  # one agency, said twice


def test_a_figure_that_names_the_other_body_relays_it(scenario: Scenario) -> None:
    s = scenario
    s.article(
        "crescent", "The Libyan Red Crescent said 11,300 people had died in the Libyan city of Derna.", "2023-09-14"
    )
    s.article("un", "Le Bureau de l'ONU a fait état de 11 300 morts en Libye, citant le Croissant-Rouge.", "2023-09-15")
    s.article("who", "In Libya, the WHO counted 11,300 deaths, people who had been identified.", "2023-09-15")
    crescent = s.claim("crescent", "Libyan Red Crescent", 11300, span="11,300", unit="deaths", subject="died")
    relay = s.claim("un", "ONU", 11300, span="11 300", unit="deaths", subject="morts")
    s.link()
    # the UN names the Red Crescent in the sentence of its figure: one voice, relayed
    assert outcome_and_reason(s, crescent)[0] == "unresolved"
    assert outcome_and_reason(s, relay)[0] == "unresolved"
    relations = s.con.execute(
        "SELECT DISTINCT relation FROM claim_evidence WHERE claim_id = ? AND evidence_claim_id = ?", [crescent, relay]
    ).fetchall()
    assert relations == [("relays",)]
    # a body whose sentence names nobody else is a second voice (the pronoun "who" names no WHO)
    who = s.claim("who", "WHO", 11300, span="11,300", unit="deaths", subject="deaths")
    s.link()
    assert outcome_and_reason(s, crescent)[0] == "corroborated"
    assert s.decided_by(crescent) == who


def test_an_outlet_answers_for_a_misquote_not_for_a_faithful_relay(scenario: Scenario) -> None:
    from corroborate.score import score_sources, scores

    s = scenario
    for i, outlet in enumerate(("Le Soir", "El País", "The Times")):
        s.article(f"ok{i}", f"Selon l'OMS, 1 200 blessés en juillet. {filler(outlet)}", "2024-07-30", outlet=outlet)
        s.claim(f"ok{i}", "OMS", 1200, span="1 200", unit="injured", subject="blessés")
    s.article("typo", f"Selon l'OMS, 12 000 blessés en juillet. {filler('typo')}", "2024-07-30", outlet="Gazette")
    misquote = s.claim("typo", "OMS", 12000, span="12 000", unit="injured", subject="blessés")
    s.link()
    s.complete_run()
    score_sources(s.con, RUN)
    checks = s.con.execute("SELECT claim_id, relayed_wrong FROM relay_checks").fetchall()
    assert checks == [(misquote, True)]
    outlets = scores(s.con, kind="outlet").select("source", "relayed", "relayed_wrong", "revised").rows()
    by_name = {name: (relayed, wrong, revised) for name, relayed, wrong, revised in outlets}
    assert by_name["Gazette"] == (1, 1, 1)
    assert by_name["Le Soir"] == (1, 0, 0)

"""The expectation suites guard every table: bad rows are quarantined, bad batches stop the run.

Real Great Expectations, real DuckDB files. GX is imported and its context built once per session.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pytest

from corroborate import db, vocab
from corroborate import validate as v

RUN = "run-1"
TEXT = (
    "Le Pentagone estime à environ 10 000 soldats nord-coréens la présence en Russie, "
    "a déclaré Sabrina Singh, porte-parole adjointe."
)
SPAN = "environ 10 000 soldats"
START = TEXT.index(SPAN)

CLAIM_SCHEMA = db.table_schema("claims")


@pytest.fixture(scope="session", autouse=True)
def gx_context() -> Any:
    """Import GX and build the context once for the whole session."""
    return v._get_gx()


@pytest.fixture
def con(empty_db: Path, tmp_path: Path) -> duckdb.DuckDBPyConnection:
    shutil.copyfile(empty_db, tmp_path / "test.duckdb")
    connection = db.connect(tmp_path / "test.duckdb")
    connection.sql(
        "INSERT INTO articles (article_id, external_id, outlet, published_at, published_precision, language, "
        "text, run_id) VALUES ('a1', 'e1', 'lemonde', DATE '2024-11-01', 'day', 'fr', $text, $run)",
        params={"text": TEXT, "run": RUN},
    )
    yield connection
    connection.close()


def claim(**overrides: Any) -> dict[str, Any]:
    row = {
        "claim_id": "c0",
        "article_id": "a1",
        "external_id": "e1",
        "source": "Sabrina Singh",
        "source_org": "Pentagon",
        "attributed": True,
        "value": 10000.0,
        "value_low": 9000.0,
        "value_high": 11000.0,
        "qualifier": "approx",
        "unit": "soldiers",
        "unit_raw": "soldats",
        "subject": "soldats nord-coréens",
        "scope": "en Russie",
        "period_start": None,
        "period_end": None,
        "text": SPAN,
        "char_start": START,
        "char_end": START + len(SPAN),
        "confidence": 0.9,
        "quantity_id": None,
        "extractor_version": "test",
        "run_id": RUN,
    }
    row.update(overrides)
    return row


def claims_frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=CLAIM_SCHEMA)


def good_claims(n: int) -> list[dict[str, Any]]:
    return [claim(claim_id=f"good{i}") for i in range(n)]


def rejects(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return pl.from_arrow(con.sql("SELECT * FROM rejects ORDER BY row_key").to_arrow_table())


def suites_copy(tmp_path: Path) -> Path:
    """A user's copy of the shipped suites, to edit."""
    target = tmp_path / "suites"
    shutil.copytree(v.EXPECTATIONS_DIR, target)
    return target


def edit_suite(suites: Path, table: str, edit: Any) -> None:
    path = suites / f"{table}.json"
    suite = json.loads(path.read_text(encoding="utf-8"))
    edit(suite)
    path.write_text(json.dumps(suite, indent=2), encoding="utf-8")


def expectation(suite: dict[str, Any], type_: str, column: str) -> dict[str, Any]:
    return next(e for e in suite["expectations"] if e["type"] == type_ and e["kwargs"].get("column") == column)


# ---------------------------------------------------------------------------------------------
# claims


def test_good_claims_pass_untouched(con: duckdb.DuckDBPyConnection) -> None:
    candidates = claims_frame(good_claims(5))
    valid = v.validate_claims(con, candidates, RUN)
    assert valid.equals(candidates)
    assert rejects(con).height == 0
    results = pl.from_arrow(con.sql("SELECT * FROM validation_results").to_arrow_table())
    suite = json.loads((v.EXPECTATIONS_DIR / "claims.json").read_text(encoding="utf-8"))
    assert results.height == len(suite["expectations"])
    assert results.get_column("success").all()
    assert set(results.get_column("run_id")) == {RUN}
    assert set(results.get_column("suite")) == {"claims"}
    assert results.get_column("element_count").to_list() == [5] * results.height


CORRUPT_CLAIMS = {
    "absurd_soldiers": (
        {"value": 1e20, "value_low": 1e20, "value_high": 1e20},
        "expect_column_pair_values_a_to_be_greater_than_b(plausible_max, magnitude)",
    ),
    "infinite_value": (
        {"value_high": float("inf")},
        "expect_column_pair_values_a_to_be_greater_than_b(plausible_max, magnitude)",
    ),
    "nan_value": ({"value": float("nan")}, "expect_column_values_to_not_be_null(value)"),
    "low_above_value": (
        {"value_low": 20000.0},
        "expect_column_pair_values_a_to_be_greater_than_b(value, value_low)",
    ),
    "value_above_high": (
        {"value": 12000.0},
        "expect_column_pair_values_a_to_be_greater_than_b(value_high, value)",
    ),
    "unknown_qualifier": ({"qualifier": "roughly"}, "expect_column_values_to_be_in_set(qualifier)"),
    "unknown_unit": ({"unit": "bananas"}, "expect_column_values_to_be_in_set(unit)"),
    "confidence_above_one": ({"confidence": 1.5}, "expect_column_values_to_be_between(confidence)"),
    "negative_confidence": ({"confidence": -0.1}, "expect_column_values_to_be_between(confidence)"),
    "span_past_article_end": (
        {"char_end": len(TEXT) + 5},
        "expect_column_pair_values_a_to_be_greater_than_b(article_length, char_end)",
    ),
    "negative_offset": ({"char_start": -3}, "expect_column_values_to_be_between(char_start)"),
    "text_not_at_offsets": ({"text": "10 000 soldats"}, "expect_column_pair_values_to_be_equal(text, article_span)"),
    "attributed_without_source": (
        {"source": ""},
        "expect_column_value_lengths_to_be_between(source) where attributed == true",
    ),
    "article_not_stored": ({"article_id": "nope"}, "expect_column_values_to_not_be_null(article_length)"),
    "negative_soldiers": (
        {"value": -10000.0, "value_low": -11000.0, "value_high": -9000.0},
        "expect_column_pair_values_a_to_be_greater_than_b(value_low, count_floor)",
    ),
    "negative_area": (
        {"value": -478.0, "value_low": -478.0, "value_high": -478.0, "unit": "km2", "qualifier": "exact"},
        "expect_column_pair_values_a_to_be_greater_than_b(value_low, count_floor)",
    ),
    "period_ends_before_start": (
        {"period_start": dt.date(2024, 10, 31), "period_end": dt.date(2024, 10, 1)},
        "expect_column_pair_values_a_to_be_greater_than_b(period_end, period_start)",
    ),
}


@pytest.mark.parametrize("case", sorted(CORRUPT_CLAIMS))
def test_corrupt_claim_is_quarantined(con: duckdb.DuckDBPyConnection, case: str) -> None:
    overrides, failing = CORRUPT_CLAIMS[case]
    candidates = claims_frame([*good_claims(3), claim(claim_id="bad", **overrides)])
    valid = v.validate_claims(con, candidates, RUN)

    assert valid.get_column("claim_id").to_list() == ["good0", "good1", "good2"]
    quarantined = rejects(con)
    assert quarantined.height == 1
    row = quarantined.row(0, named=True)
    assert row["row_key"] == "bad"
    assert row["run_id"] == RUN
    assert row["stage"] == "validate"
    assert row["suite"] == "claims"
    assert row["table_name"] == "claims"
    assert failing in row["expectation"].split("; ")
    assert failing in row["reason"]
    assert json.loads(row["row_json"])["claim_id"] == "bad"
    failed = con.sql("SELECT expectation, unexpected_count FROM validation_results WHERE NOT success").fetchall()
    assert (failing, 1) in failed


def test_shares_above_100_percent_are_rejected_and_changes_are_not(tmp_path: Path) -> None:
    text = (
        "Selon le ministère, 250 % de la population a fui la région. Les prix ont connu une hausse de 250 % "
        "en un an, et le déficit atteint -3 millions d'euros."
    )
    connection = db.connect(tmp_path / "share.duckdb")
    connection.sql(
        "INSERT INTO articles (article_id, external_id, outlet, published_at, published_precision, language, "
        "text, run_id) VALUES ('a2', 'e2', 'lemonde', DATE '2024-11-01', 'day', 'fr', $text, $run)",
        params={"text": text, "run": RUN},
    )

    def at(span: str, claim_id: str, value: float, unit: str) -> dict[str, Any]:
        start = text.index(span)
        return claim(
            claim_id=claim_id, article_id="a2", external_id="e2", text=span, char_start=start,
            char_end=start + len(span), value=value, value_low=value, value_high=value, qualifier="exact",
            unit=unit, unit_raw=None,
        )  # fmt: skip

    candidates = claims_frame(
        [at("250 %", "share", 250.0, "percent"), at("hausse de 250 %"[10:], "change", 250.0, "percent")]
    )
    # the second "250 %" (the change) is the later occurrence
    second = text.index("250 %", text.index("250 %") + 1)
    candidates = candidates.with_columns(
        pl.when(pl.col("claim_id") == "change").then(second).otherwise(pl.col("char_start")).alias("char_start"),
        pl.when(pl.col("claim_id") == "change").then(second + 5).otherwise(pl.col("char_end")).alias("char_end"),
    )
    deficit = at("-3 millions d'euros", "deficit", -3e6, "eur")
    candidates = pl.concat([candidates, claims_frame([deficit])])
    try:
        valid = v.validate_claims(connection, candidates, RUN)
        quarantined = rejects(connection)
    finally:
        connection.close()
    assert sorted(valid.get_column("claim_id").to_list()) == ["change", "deficit"]
    assert quarantined.get_column("row_key").to_list() == ["share"]
    assert "share_max, value" in quarantined["expectation"][0]
    assert "cannot exceed 100 %" in quarantined["reason"][0]


def test_duplicate_claim_ids_are_both_quarantined(con: duckdb.DuckDBPyConnection) -> None:
    candidates = claims_frame([*good_claims(4), claim(claim_id="dup"), claim(claim_id="dup", confidence=0.5)])
    valid = v.validate_claims(con, candidates, RUN)
    assert "dup" not in valid.get_column("claim_id").to_list()
    quarantined = rejects(con)
    assert quarantined.get_column("row_key").to_list() == ["dup", "dup"]
    assert all("expect_column_values_to_be_unique(claim_id)" in e for e in quarantined.get_column("expectation"))


def test_every_failing_expectation_is_named(con: duckdb.DuckDBPyConnection) -> None:
    candidates = claims_frame([*good_claims(3), claim(claim_id="bad", confidence=2.0, unit="bananas")])
    v.validate_claims(con, candidates, RUN)
    names = rejects(con).get_column("expectation")[0].split("; ")
    assert "expect_column_values_to_be_between(confidence)" in names
    assert "expect_column_values_to_be_in_set(unit)" in names


def test_validate_table_keeps_frame_columns_and_reports() -> None:
    articles = pl.DataFrame({"article_id": ["a1"], "text": [TEXT]})
    frame = v.add_article_spans(claims_frame([*good_claims(2), claim(claim_id="bad", confidence=3.0)]), articles)
    report = v.validate_table("claims", frame, RUN)
    assert report.valid.columns == frame.columns
    assert report.valid.height == 2
    assert report.rejects.columns == list(v.REJECT_SCHEMA)
    assert report.results.columns == list(v.RESULT_SCHEMA)


def test_empty_batch_passes(con: duckdb.DuckDBPyConnection) -> None:
    valid = v.validate_claims(con, claims_frame([]), RUN)
    assert valid.height == 0
    assert rejects(con).height == 0


# ---------------------------------------------------------------------------------------------
# articles


def add_article(con: duckdb.DuckDBPyConnection, article_id: str, **overrides: Any) -> None:
    row = {
        "article_id": article_id,
        "outlet": "lemonde",
        "published_at": dt.date(2024, 11, 2),
        "language": "fr",
        "text": TEXT,
        "run_id": RUN,
    }
    row.update(overrides)
    con.sql(
        "INSERT INTO articles (article_id, outlet, published_at, language, text, run_id) "
        "VALUES ($article_id, $outlet, $published_at, $language, $text, $run_id)",
        params=row,
    )
    con.sql(
        "INSERT INTO ingest_log (run_id, source_path, record_no, status, article_id) "
        "VALUES ($run_id, $path, 0, 'stored', $article_id)",
        params={"run_id": row["run_id"], "path": f"{article_id}.txt", "article_id": article_id},
    )


CORRUPT_ARTICLES = {
    "future": ({"published_at": dt.date.today() + dt.timedelta(days=30)}, "published_at"),
    "before_1900": ({"published_at": dt.date(1885, 5, 1)}, "published_at"),
    "language": ({"language": "de"}, "expect_column_values_to_be_in_set(language)"),
    "too_short": ({"text": "Trop court."}, "expect_column_value_lengths_to_be_between(text)"),
}


@pytest.mark.parametrize("case", sorted(CORRUPT_ARTICLES))
def test_corrupt_article_moves_to_rejects(con: duckdb.DuckDBPyConnection, case: str) -> None:
    overrides, failing = CORRUPT_ARTICLES[case]
    for i in range(3):
        add_article(con, f"good{i}", text=TEXT + f" ({i})")
    add_article(con, "bad", **overrides)

    assert v.validate_articles(con, RUN) == 1

    stored = {r[0] for r in con.sql("SELECT article_id FROM articles").fetchall()}
    assert stored == {"a1", "good0", "good1", "good2"}
    quarantined = rejects(con).row(0, named=True)
    assert quarantined["row_key"] == "bad"
    assert quarantined["table_name"] == "articles"
    assert failing in quarantined["expectation"]
    status, reason = con.sql("SELECT status, reason FROM ingest_log WHERE article_id = 'bad'").fetchall()[0]
    assert status == "rejected"
    assert failing in reason
    assert con.sql("SELECT count(*) FROM ingest_log WHERE status = 'stored'").fetchall()[0][0] == 3


def test_rejected_article_takes_its_claims_with_it(con: duckdb.DuckDBPyConnection) -> None:
    add_article(con, "old", published_at=dt.date(1880, 1, 1))
    assert v.validate_articles(con, RUN, max_reject_share=1.0) == 1
    candidates = claims_frame([*good_claims(3), claim(claim_id="orphan", article_id="old")])
    valid = v.validate_claims(con, candidates, RUN)
    assert "orphan" not in valid.get_column("claim_id").to_list()


def test_only_this_runs_articles_are_validated(con: duckdb.DuckDBPyConnection) -> None:
    add_article(con, "earlier", language="de", run_id="run-0")
    assert v.validate_articles(con, RUN) == 0
    assert con.sql("SELECT count(*) FROM articles WHERE article_id = 'earlier'").fetchall()[0][0] == 1


# ---------------------------------------------------------------------------------------------
# outputs: claim outcomes and source scores


def score_row(**overrides: Any) -> dict[str, Any]:
    row = {
        "run_id": RUN,
        "method": "simple",
        "kind": "official",
        "source_id": "s1",
        "source": "Sabrina Singh",
        "parent_id": None,
        "claims": 10,
        "corroborated": 6,
        "revised": 1,
        "unresolved": 3,
        "score": 0.7,
        "ci_low": 0.5,
        "ci_high": 0.85,
        "prior_alpha": 1.0,
        "prior_beta": 1.0,
    }
    row.update(overrides)
    return row


def store_outputs(
    con: duckdb.DuckDBPyConnection, outcomes: list[tuple[str, str]], scores: list[dict[str, Any]]
) -> None:
    con.sql("CREATE TABLE claim_outcomes (claim_id VARCHAR, outcome VARCHAR, run_id VARCHAR)")
    for claim_id, outcome in outcomes:
        con.sql(
            "INSERT INTO claim_outcomes VALUES ($claim_id, $outcome, $run)",
            params={"claim_id": claim_id, "outcome": outcome, "run": RUN},
        )
    frame = pl.DataFrame(scores, schema_overrides={"parent_id": pl.String})
    con.register("scores_frame", frame)
    con.sql("INSERT INTO source_scores BY NAME SELECT * FROM scores_frame")
    con.unregister("scores_frame")


GOOD_OUTCOMES = [("c1", "corroborated"), ("c2", "revised"), ("c3", "unresolved")]


def test_good_outputs_pass(con: duckdb.DuckDBPyConnection) -> None:
    store_outputs(con, GOOD_OUTCOMES, [score_row(), score_row(source_id="s2", kind="outlet")])
    v.validate_outputs(con, RUN)
    tables = {r[0] for r in con.sql("SELECT DISTINCT table_name FROM validation_results").fetchall()}
    assert tables == {"claim_outcomes", "source_scores"}
    assert rejects(con).height == 0


CORRUPT_SCORES = {
    "score_above_one": ({"score": 1.2, "ci_high": 1.3}, "expect_column_values_to_be_between(score)"),
    "ci_low_above_score": ({"ci_low": 0.8}, "expect_column_pair_values_a_to_be_greater_than_b(score, ci_low)"),
    "counts_do_not_add_up": ({"claims": 11}, "expect_column_pair_values_to_be_equal(claims, outcomes_total)"),
    "unknown_kind": ({"kind": "blogger"}, "expect_column_values_to_be_in_set(kind)"),
}


@pytest.mark.parametrize("case", sorted(CORRUPT_SCORES))
def test_one_bad_score_fails_the_batch(con: duckdb.DuckDBPyConnection, case: str) -> None:
    overrides, failing = CORRUPT_SCORES[case]
    good = [score_row(source_id=f"s{i}") for i in range(5)]
    store_outputs(con, GOOD_OUTCOMES, [*good, score_row(source_id="bad", **overrides)])
    with pytest.raises(v.BatchValidationError, match="source_scores") as info:
        v.validate_outputs(con, RUN)
    assert failing in str(info.value)
    quarantined = rejects(con)
    assert quarantined.height == 1
    assert quarantined.get_column("row_key")[0].endswith("/bad")  # method/kind/source_id


def test_bad_outcome_fails_the_batch(con: duckdb.DuckDBPyConnection) -> None:
    store_outputs(con, [*GOOD_OUTCOMES, ("c4", "debunked")], [score_row()])
    with pytest.raises(v.BatchValidationError, match=r"expect_column_values_to_be_in_set\(outcome\)"):
        v.validate_outputs(con, RUN)


# ---------------------------------------------------------------------------------------------
# suites are configuration


def test_editing_a_bound_changes_behaviour(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    suites = suites_copy(tmp_path)
    candidates = claims_frame([*good_claims(3), claim(claim_id="sure", confidence=0.95)])
    assert v.validate_claims(con, candidates, RUN, suites_dir=suites).height == 4

    edit_suite(
        suites,
        "claims",
        lambda s: expectation(s, "expect_column_values_to_be_between", "confidence")["kwargs"].update(max_value=0.92),
    )
    valid = v.validate_claims(con, candidates, RUN, suites_dir=suites)
    assert valid.get_column("claim_id").to_list() == ["good0", "good1", "good2"]
    assert rejects(con).get_column("row_key").to_list() == ["sure"]


def test_editing_plausible_max_changes_behaviour(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    suites = suites_copy(tmp_path)
    edit_suite(suites, "claims", lambda s: s["meta"]["plausible_max"].update(people=5000))
    candidates = claims_frame(
        [claim(claim_id="big"), claim(claim_id="small", value=100.0, value_low=90.0, value_high=110.0)]
    )
    valid = v.validate_claims(con, candidates, RUN, suites_dir=suites)
    assert valid.get_column("claim_id").to_list() == ["small"]


def test_adding_a_language_changes_behaviour(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    suites = suites_copy(tmp_path)
    edit_suite(
        suites,
        "articles",
        # the shipped suite names the set ({"vocab": "LANGUAGES"}); a suite may also list its values
        lambda s: expectation(s, "expect_column_values_to_be_in_set", "language")["kwargs"].update(
            value_set=[*vocab.LANGUAGES, "de"]
        ),
    )
    add_article(con, "german", language="de")
    assert v.validate_articles(con, RUN, suites_dir=suites) == 0
    assert v.validate_articles(con, RUN) == 1


def test_removing_an_expectation_changes_behaviour(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    suites = suites_copy(tmp_path)
    edit_suite(
        suites,
        "claims",
        lambda s: s.update(expectations=[e for e in s["expectations"] if e["kwargs"].get("column") != "qualifier"]),
    )
    candidates = claims_frame([*good_claims(2), claim(claim_id="odd", qualifier="roughly")])
    assert v.validate_claims(con, candidates, RUN, suites_dir=suites).height == 3


def test_missing_suite_fails_the_batch(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    suites = suites_copy(tmp_path)
    (suites / "claims.json").unlink()
    with pytest.raises(v.BatchValidationError, match="not found"):
        v.validate_claims(con, claims_frame(good_claims(2)), RUN, suites_dir=suites)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "cannot be read"),
        ('{"name": "claims"}', "'expectations' list"),
        (
            '{"name": "claims", "expectations": [{"type": "expect_column_values_to_be_sparkly", '
            '"kwargs": {"column": "value"}}]}',
            "invalid",
        ),
        (
            '{"name": "claims", "expectations": [{"type": "expect_column_values_to_be_between", '
            '"kwargs": {"column": "value", "min_value": "zero"}}]}',
            "claims",
        ),
        (
            '{"name": "claims", "expectations": [{"type": "expect_column_values_to_not_be_null", '
            '"kwargs": {"column": "valeur"}}]}',
            "valeur",
        ),
    ],
    ids=["unparseable", "no_expectations", "unknown_type", "bad_arguments", "unknown_column"],
)
def test_broken_suite_fails_the_batch(
    con: duckdb.DuckDBPyConnection, tmp_path: Path, content: str, message: str
) -> None:
    suites = suites_copy(tmp_path)
    (suites / "claims.json").write_text(content, encoding="utf-8")
    with pytest.raises(v.BatchValidationError, match=message):
        v.validate_claims(con, claims_frame(good_claims(2)), RUN, suites_dir=suites)


def test_too_many_rejects_fail_the_batch(con: duckdb.DuckDBPyConnection) -> None:
    candidates = claims_frame([*good_claims(1), *(claim(claim_id=f"bad{i}", confidence=9.0) for i in range(3))])
    with pytest.raises(v.BatchValidationError, match="rejected 3 of 4"):
        v.validate_claims(con, candidates, RUN)
    # What was found is still on record for whoever looks into the failed run.
    assert rejects(con).height == 3
    assert con.sql("SELECT count(*) FROM validation_results WHERE NOT success").fetchall()[0][0] == 1


def test_reject_share_is_configurable(con: duckdb.DuckDBPyConnection) -> None:
    candidates = claims_frame([*good_claims(1), *(claim(claim_id=f"bad{i}", confidence=9.0) for i in range(3))])
    valid = v.validate_claims(con, candidates, RUN, max_reject_share=0.8)
    assert valid.get_column("claim_id").to_list() == ["good0"]
    with pytest.raises(v.BatchValidationError):
        v.validate_claims(
            con, claims_frame([claim(claim_id="x", confidence=9.0), *good_claims(4)]), RUN, max_reject_share=0.1
        )


def test_shipped_suites_agree_with_vocab() -> None:
    def load(table: str) -> dict[str, Any]:
        return v.from_vocab(json.loads((v.EXPECTATIONS_DIR / f"{table}.json").read_text(encoding="utf-8")))

    def value_set(table: str, column: str) -> list[str]:
        return expectation(load(table), "expect_column_values_to_be_in_set", column)["kwargs"]["value_set"]

    assert value_set("claims", "qualifier") == list(vocab.QUALIFIERS)
    assert value_set("claims", "unit") == list(vocab.UNITS)
    assert value_set("articles", "language") == list(vocab.LANGUAGES)
    assert value_set("articles", "published_precision") == list(vocab.DATE_PRECISIONS)
    assert value_set("claim_outcomes", "outcome") == list(vocab.CLAIM_OUTCOMES)
    assert value_set("source_scores", "kind") == list(vocab.SOURCE_KINDS)
    assert load("claims")["meta"]["plausible_max"] == vocab.PLAUSIBLE_MAX
    for path in sorted(v.EXPECTATIONS_DIR.glob("*.json")):
        assert v.load_suite(path.stem).table == path.stem  # every shipped suite builds
    with pytest.raises(ValueError, match="no set named 'NOPE'"):
        v.from_vocab({"value_set": {"vocab": "NOPE"}})
    bounds = v.from_vocab({"vocab": "PLAUSIBLE_MAX", "people": 5000})
    assert bounds == {**vocab.PLAUSIBLE_MAX, "people": 5000}


# ---------------------------------------------------------------------------------------------
# reading back: revalidate and Data Docs


# renders Great Expectations Data Docs twice: for `make test`
@pytest.mark.slow
def test_revalidate_writes_nothing(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    add_article(con, "bad", language="de")
    con.register("stored_claims", claims_frame([*good_claims(2), claim(claim_id="bad", confidence=4.0)]))
    con.sql("INSERT INTO claims SELECT * FROM stored_claims")
    con.unregister("stored_claims")
    con.close()

    read_only = db.connect(tmp_path / "test.duckdb", read_only=True)
    try:
        results = v.revalidate(read_only)
        assert set(results.get_column("table_name")) == {"articles", "claims", "source_scores"}
        failed = set(results.filter(~pl.col("success")).get_column("expectation"))
        assert failed == {
            "expect_column_values_to_be_in_set(language)",
            "expect_column_values_to_be_between(confidence)",
        }
        assert read_only.sql("SELECT count(*) FROM validation_results").fetchall()[0][0] == 0
        assert read_only.sql("SELECT count(*) FROM rejects").fetchall()[0][0] == 0

        index = v.build_data_docs(results, tmp_path / "docs")
        assert index.name == "index.html" and index.is_file()
        assert list((tmp_path / "docs" / "validations" / "claims").rglob("*.html"))
        index = v.build_data_docs(read_only, tmp_path / "docs2")
        assert list((tmp_path / "docs2" / "validations" / "articles").rglob("*.html"))
    finally:
        read_only.close()


def test_importing_the_module_does_not_import_gx() -> None:
    code = "import sys, corroborate.validate; print('great_expectations' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert out.stdout.strip() == "False"

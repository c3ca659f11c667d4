"""Every SQL model declares what it reads, and runs alone from exactly that.

The first line of each ``sql/models`` file names its inputs; ``corroborate.models`` derives the run order
from these lines. Here each model runs on a database holding only its declared inputs: empty, then filled
with what the link and score stages made of the seed articles, where it must make the same rows again.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from corroborate import db, models, vocab
from corroborate.link import EVIDENCE_BAND, OUTCOME_PARAMS
from corroborate.score import RELAY_DAYS

# The parameter values the link and score stages pass.
PARAMS = {**OUTCOME_PARAMS, "band": EVIDENCE_BAND, "days": RELAY_DAYS, "unknown_outlet": vocab.UNKNOWN_OUTLET}
PARAMS["count_days"] = int(PARAMS["count_days"])


def _relations_read(name: str) -> set[str]:
    body = re.sub(r"'[^']*'", "''", "\n".join(line.split("--")[0] for line in db.model_sql(name).splitlines()))
    return set(re.findall(r"\b(?:FROM|JOIN)\s+([a-z_][a-z0-9_]*)", body, re.IGNORECASE))


def test_every_input_is_a_stored_table_a_model_or_a_declared_frame() -> None:
    known = set(models.stored_tables()) | set(models.model_names()) | set(models.FRAMES)
    for name in models.model_names():
        inputs = models.model_inputs(name)
        assert inputs, name
        assert set(inputs) <= known, (name, set(inputs) - known)
        assert set(inputs) <= _relations_read(name), (name, "declares an input it does not read")
        frames = {i for i in _relations_read(name) if i.startswith("_")}
        assert frames <= set(inputs), (name, "reads an undeclared frame", frames - set(inputs))


def test_the_order_puts_every_model_after_what_it_reads() -> None:
    order = models.model_order()
    assert sorted(order) == models.model_names()
    for position, name in enumerate(order):
        later = set(order[position:])
        assert not later & set(models.model_inputs(name)), name
    with pytest.raises(KeyError):
        models.model_inputs("nope")


def test_the_order_is_the_stages_order() -> None:
    assert models.models_fed_by(["_article_copies_input", "_article_groups_input"]) == [
        "article_copies",
        "article_groups",
        "article_dates",
    ]
    sources = models.models_fed_by(["_sources_input", "_source_aliases_input", "_speaker_map", "_outlet_map"])
    assert set(sources) == {"sources", "source_aliases", "source_tree", "claim_sources"}
    assert sources.index("sources") < sources.index("source_tree")


@pytest.mark.parametrize("name", models.model_names())
def test_each_model_runs_alone_on_empty_inputs(name: str) -> None:
    con = duckdb.connect()
    try:
        models.run_alone(con, name, PARAMS)
        assert con.table(name).limit(0).pl().width > 0
    finally:
        con.close()


def test_a_model_reading_an_undeclared_input_fails_alone() -> None:
    con = duckdb.connect()
    try:
        models.run_alone(con, "sources")  # reads only its frame: claims is not there to read
        with pytest.raises(duckdb.CatalogException):
            con.table("claims")
    finally:
        con.close()


def test_a_frame_is_registered_with_its_declared_columns_only() -> None:
    con = duckdb.connect()
    try:
        loose = pl.DataFrame({"subject": [None], "extra": [1]})
        with models.registered(con, {"_unmatched_subjects": loose}):
            assert con.table("_unmatched_subjects").pl().schema == pl.Schema({"subject": pl.String()})
        with pytest.raises(KeyError, match="not declared"), models.registered(con, {"_nope": loose}):
            pass
    finally:
        con.close()


def test_each_model_remakes_its_rows_from_its_declared_inputs(tmp_path: Path) -> None:
    from corroborate.link import link
    from corroborate.score import score_sources
    from tests.helpers import RUN, Scenario, load_seeds

    full = db.connect(tmp_path / "full.duckdb")
    try:
        scenario = Scenario(full)
        load_seeds(scenario)
        link(full)
        scenario.complete_run()
        score_sources(full, RUN)
        compared = 0
        for name in models.model_order():
            inputs = models.model_inputs(name)
            if any(i in models.FRAMES for i in inputs):
                continue  # a frame lives only while its stage runs: covered by the empty run above
            alone = duckdb.connect()
            try:
                for source in inputs:
                    alone.register(source, full.table(source).pl())
                models.run_alone(alone, name, PARAMS)
                made = alone.table(name).pl()
            finally:
                alone.close()
            expected = full.table(name).pl()
            assert made.height == expected.height > 0 or name == "relay_checks", name
            assert_frame_equal(made.sort(made.columns), expected.sort(expected.columns), check_dtypes=False)
            compared += 1
        assert compared >= 8
    finally:
        full.close()

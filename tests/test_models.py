"""Every SQL model declares what it reads, and runs alone from exactly that.

The first line of each ``sql/models`` file names its inputs; ``corroborate.models`` derives the run order
from these lines. Here each model runs on a database holding only its declared inputs: empty, then filled
with what the link and score stages made of the seed articles, where it must make the same rows again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from corroborate import db, models
from corroborate.run.api import model_rows, stage_params
from helpers import run_cli

# The parameter values the link and score stages pass.
PARAMS = stage_params()


@pytest.fixture(scope="module")
def linked_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A real database file holding what the link and score stages made of the seed articles (closed)."""
    from corroborate.link import link
    from corroborate.score import score_sources
    from helpers import RUN, Scenario, load_seeds

    path = tmp_path_factory.mktemp("linked") / "corroborate.duckdb"
    with contextlib.closing(db.connect(path)) as con:
        scenario = Scenario(con)
        load_seeds(scenario)
        link(con)
        scenario.complete_run()
        score_sources(con, RUN)
    yield path


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


def test_every_parameter_of_a_model_has_the_value_a_stage_gives_it() -> None:
    for name in models.model_names():
        assert set(models.model_params(name)) <= set(PARAMS), name


def test_each_model_remakes_its_rows_from_its_declared_inputs(linked_db: Path) -> None:
    full = db.connect(linked_db, read_only=True)
    try:
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


# `corroborate query --model NAME`: one model run alone on a database file, which stays as it was.


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _stored(path: Path, table: str) -> pl.DataFrame:
    with contextlib.closing(db.connect(path, read_only=True)) as con:
        return con.table(table).pl()


def test_query_model_prints_the_rows_of_the_model_and_leaves_the_database_as_it_was(linked_db: Path) -> None:
    before = _digest(linked_db)
    stored = _stored(linked_db, "claim_outcomes")
    done = run_cli("query", "--model", "claim_outcomes", "-f", "json", "--db", str(linked_db))
    assert done.returncode == 0, done.stderr
    printed = pl.DataFrame(json.loads(done.stdout))
    assert printed.height == stored.height > 0
    assert sorted(printed.columns) == sorted(stored.columns)
    key = ["claim_id", "outcome"]
    assert printed.select(key).sort(key).rows() == stored.select(key).sort(key).rows()
    assert done.stderr == ""  # every input it declares is in the database: nothing stood in
    # The model replaces its table when a run runs it: here the stored one is untouched, byte for byte.
    assert _digest(linked_db) == before
    assert not linked_db.with_name(linked_db.name + ".wal").exists()
    assert_frame_equal(_stored(linked_db, "claim_outcomes"), stored)


def test_query_model_takes_the_format_columns_and_parameters_of_query(linked_db: Path) -> None:
    done = run_cli("query", "--model", "claim_facts", "-f", "csv", "-c", "claim_id,lo,hi", "--db", str(linked_db))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "claim_id,lo,hi" and len(lines) > 1
    assert "note: _concept_kinds stood in empty" in done.stderr  # a frame a run computes in Python
    default, stood_in = model_rows(linked_db, "claim_facts")
    wider, _ = model_rows(linked_db, "claim_facts", {"slack": "0.5"})
    assert stood_in == ("_concept_kinds",)
    assert (wider.get_column("lo") <= default.get_column("lo")).all()
    assert (wider.get_column("lo") < default.get_column("lo")).any()  # the parameter given replaced the stage's
    with pytest.raises(ValueError, match="takes no parameter 'band'"):
        model_rows(linked_db, "claim_facts", {"band": "3"})
    with pytest.raises(ValueError, match="takes a number"):
        model_rows(linked_db, "claim_facts", {"slack": "wide"})


def test_query_model_names_the_models_when_the_name_is_unknown(linked_db: Path) -> None:
    before = _digest(linked_db)
    done = run_cli("query", "--model", "claim_outcome", "--db", str(linked_db))
    assert done.returncode == 2
    assert "no SQL model named 'claim_outcome'" in done.stderr and "did you mean claim_outcomes" in done.stderr
    assert all(name in done.stderr for name in models.model_names())
    assert done.stdout == ""
    both = run_cli("query", "SELECT 1", "--model", "claim_outcomes", "--db", str(linked_db))
    assert both.returncode == 2 and "exactly one" in both.stderr
    assert _digest(linked_db) == before

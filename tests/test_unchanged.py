"""A re-run with nothing new is recorded without Prefect; anything new (an input, a lexicon, an option, the
extractor) sends the run through the flow, even a change the cheap input fingerprint cannot see."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from corroborate import db, store
from corroborate.extract.version import EXTRACTOR_VERSION
from corroborate.run import stages
from corroborate.run.options import RunOptions
from corroborate.run.unchanged import nothing_new, record_unchanged_run
from helpers import ROOT, SEEDS, query, run_cli

VERSION = str(EXTRACTOR_VERSION)


def _first_run(options: RunOptions) -> None:
    """A completed run as the flow records it, with every article extracted (no claims: no models loaded)."""
    with store.open_run(options.database, [str(p) for p in options.input_paths], VERSION) as run:
        run.record.input_fingerprint = stages.input_fingerprint(options, VERSION)
        with contextlib.closing(run.connect()) as con:
            stages.ingest(con, options.input_paths, run.run_id, options.max_bytes)
            no_claims = pl.DataFrame(schema=db.table_schema("claims"))
            for batch in stages.pending_batches(con, VERSION):
                stages.store_claims(con, batch, no_claims, run.run_id, VERSION)
            run.record.link_fingerprint = stages.link_fingerprint(con, options)
        run.publish()


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """A copy of the seed articles and lexicons, to change one thing at a time."""
    folder = tmp_path / "inbox"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def options(inbox: Path, tmp_path: Path) -> RunOptions:
    shutil.copy(SEEDS / "aliases.csv", tmp_path / "aliases.csv")
    shutil.copy(SEEDS / "subjects.csv", tmp_path / "subjects.csv")
    opts = RunOptions(
        inputs=(inbox,),
        db_path=tmp_path / "c.duckdb",
        aliases=tmp_path / "aliases.csv",
        subjects=tmp_path / "subjects.csv",
    )
    _first_run(opts)
    return opts


def _runs(options: RunOptions) -> list[tuple[object, ...]]:
    return query(options.database, "SELECT run_id, status FROM runs ORDER BY started_at, run_id")


def test_a_rerun_with_nothing_new_is_recorded_like_the_flow_records_it(options: RunOptions) -> None:
    fingerprint = nothing_new(options, VERSION)
    assert fingerprint is not None
    result = record_unchanged_run(options, fingerprint, VERSION)
    assert result is not None
    assert result["articles_new"] == 0 and result["articles_duplicate"] == 5 and result["results_unchanged"]
    assert "inputs unchanged since the last run: scores kept" in result["summary"]
    assert [status for _, status in _runs(options)] == ["completed", "completed"]
    rerun = result["run_id"]
    assert query(
        options.database, "SELECT status, count(*) FROM ingest_log WHERE run_id = ? GROUP BY ALL", [rerun]
    ) == [("duplicate", 5)]
    assert query(options.database, "SELECT input_fingerprint FROM runs WHERE run_id = ?", [rerun]) == [(fingerprint,)]
    assert not store.staging_path(options.database).exists()
    assert nothing_new(options, VERSION) == fingerprint  # and the next one too


def test_a_new_input_file_is_something_new(options: RunOptions, inbox: Path) -> None:
    (inbox / "005.txt").write_text("Selon le ministère, 1 200 soldats ont été déployés.", encoding="utf-8")
    assert nothing_new(options, VERSION) is None


def test_an_edited_input_file_is_something_new(options: RunOptions, inbox: Path) -> None:
    article = inbox / "003_491dc99b483af735.txt"
    article.write_text(article.read_text(encoding="utf-8") + " Fin.", encoding="utf-8")
    assert nothing_new(options, VERSION) is None


def test_a_removed_input_file_is_something_new(options: RunOptions, inbox: Path) -> None:
    (inbox / "003_491dc99b483af735.txt").unlink()
    assert nothing_new(options, VERSION) is None


@pytest.mark.parametrize("lexicon", ["aliases.csv", "subjects.csv"])
def test_an_edited_lexicon_is_something_new(options: RunOptions, tmp_path: Path, lexicon: str) -> None:
    with (tmp_path / lexicon).open("a", encoding="utf-8") as out:
        out.write("S. Singh,Sabrina Singh,,\n" if lexicon == "aliases.csv" else "effectifs,troops\n")
    assert nothing_new(options, VERSION) is None


@pytest.mark.parametrize(
    "changes",
    [
        {"method": "iterative"},
        {"max_bytes": 1000},
        {"expectations": ROOT / "tests"},
        {"inputs": (SEEDS,)},
    ],
)
def test_a_changed_option_is_something_new(options: RunOptions, changes: dict[str, object]) -> None:
    import dataclasses

    assert nothing_new(dataclasses.replace(options, **changes), VERSION) is None  # type: ignore[arg-type]


def test_options_that_do_not_shape_results_keep_it_unchanged(options: RunOptions) -> None:
    import dataclasses

    same = dataclasses.replace(options, batch_size=3, wait_seconds=5.0, runner="dask", workers=4)
    assert nothing_new(same, VERSION) is not None


def test_another_extractor_version_is_something_new(options: RunOptions) -> None:
    assert nothing_new(options, VERSION + "-next") is None


def test_no_database_yet_is_something_new(tmp_path: Path) -> None:
    assert nothing_new(RunOptions(db_path=tmp_path / "none.duckdb"), VERSION) is None
    assert not (tmp_path / "none.duckdb").exists()


def test_a_change_the_fingerprint_misses_is_found_and_leaves_no_trace(options: RunOptions, inbox: Path) -> None:
    # Same size, same modification time, other words: only reading the file tells.
    article = inbox / "003_491dc99b483af735.txt"
    before = article.stat()
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("soldats", "SOLDATS", 1), encoding="utf-8")
    os.utime(article, ns=(before.st_atime_ns, before.st_mtime_ns))
    fingerprint = nothing_new(options, VERSION)
    assert fingerprint is not None
    runs_before = _runs(options)
    assert record_unchanged_run(options, fingerprint, VERSION) is None
    assert _runs(options) == runs_before  # abandoned: no row, no staging file, the flow's turn
    assert not store.staging_path(options.database).exists()
    assert query(options.database, "SELECT count(*) FROM ingest_log") == [(5,)]


def test_a_new_extractor_finds_articles_waiting_and_gives_way(options: RunOptions) -> None:
    # The last run recorded this fingerprint, but its articles were extracted by another version.
    with contextlib.closing(db.connect(options.database)) as con:
        con.execute("UPDATE extractions SET extractor_version = 'old'")
    fingerprint = nothing_new(options, VERSION)
    assert fingerprint is not None
    assert record_unchanged_run(options, fingerprint, VERSION) is None
    assert [status for _, status in _runs(options)] == ["completed"]


def test_the_cli_rerun_with_nothing_new_never_imports_prefect(options: RunOptions) -> None:
    argv = ["cli.py", "run", *map(str, options.inputs), "--db", str(options.database)]
    argv += ["--aliases", str(options.aliases), "--subjects", str(options.subjects)]
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('prefect' in sys.modules))\n"
        f"sys.argv = {argv!r}\n"
        "import cli\n"
        "cli.main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "False"
    assert "without Prefect" in done.stderr.splitlines()[0]
    assert "inputs unchanged since the last run" in done.stdout
    assert [status for _, status in _runs(options)] == ["completed", "completed"]


@pytest.mark.slow
def test_after_a_flow_run_the_cli_rerun_takes_the_fast_path(seeded_copy: Path) -> None:
    done = run_cli("run", "--db", str(seeded_copy))
    assert done.returncode == 0, done.stderr
    assert "nothing new since the last completed run" in done.stderr.splitlines()[0]
    assert "Prefect's temporary server" not in done.stderr
    rows = query(seeded_copy, "SELECT status, articles_duplicate FROM runs ORDER BY started_at")
    assert rows == [("completed", 0), ("completed", 5)]
    assert query(seeded_copy, "SELECT count(DISTINCT run_id) FROM source_scores") == [(1,)]


@pytest.mark.slow
def test_the_cli_steps_aside_for_the_flow_when_something_is_new_after_all(seeded_copy: Path, tmp_path: Path) -> None:
    from flows.nightly import nightly

    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    nightly(RunOptions(inputs=(inbox,), db_path=seeded_copy))  # all duplicates: records this inbox's fingerprint
    article = inbox / "003_491dc99b483af735.txt"
    before = article.stat()
    article.write_text(article.read_text(encoding="utf-8").replace("soldats", "SOLDATS", 1), encoding="utf-8")
    os.utime(article, ns=(before.st_atime_ns, before.st_mtime_ns))  # invisible to the input fingerprint

    done = run_cli("run", str(inbox), "--db", str(seeded_copy))
    assert done.returncode == 0, done.stderr
    said = [
        line.split("] ", 1)[1]
        for line in done.stderr.splitlines()
        if "] " in line and not re.fullmatch(r"\w+: \d+/\d+", line.split("] ", 1)[1])  # progress lines aside
    ]
    assert said[0].startswith("nothing new since the last completed run")
    assert said[1] == "something is new after all: running the flow"
    assert said[2].startswith("starting Prefect's temporary server")
    assert "articles new=1 duplicate=4" in done.stdout
    assert [status for (status,) in query(seeded_copy, "SELECT status FROM runs ORDER BY started_at")] == [
        "completed"
    ] * 3

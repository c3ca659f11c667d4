"""Nightly operations with real processes: a run killed mid-way, two runs at once, readers during a run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corroborate import store
from corroborate.run.options import RunOptions
from helpers import ROOT, query, run_cli

# Whole flow runs, kill -9, Dask and the CLI in real processes: `make test-fast` leaves them out.
pytestmark = pytest.mark.slow

RESULT_TABLES = ("articles", "claims", "quantities", "claim_outcomes", "claim_evidence", "sources", "article_copies")


def _results(db_path: Path) -> dict[str, object]:
    """Everything a run publishes, minus run ids and timestamps."""
    out: dict[str, object] = {table: query(db_path, f"SELECT count(*) FROM {table}")[0][0] for table in RESULT_TABLES}
    out["claim_ids"] = sorted(row[0] for row in query(db_path, "SELECT claim_id FROM claims"))
    out["outcomes"] = sorted(query(db_path, "SELECT claim_id, outcome FROM claim_outcomes"))
    out["scores"] = sorted(
        query(
            db_path,
            "SELECT kind, source, claims, corroborated, revised, unresolved, round(score, 6) FROM current_scores",
        )
    )
    return out


def _start_run(db_path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "cli.py", "run", "--db", str(db_path), "--quiet"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PREFECT_LOGGING_LEVEL": "ERROR"},
    )


def _wait_for_staging(db_path: Path, proc: subprocess.Popen[str], timeout: float = 300) -> None:
    """Block until the run has copied the live file to its staging copy (its stages write there next)."""
    staging = store.staging_path(db_path)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if staging.exists():
            return
        time.sleep(0.05)
    raise AssertionError(f"the run never created {staging} (exit code {proc.poll()})")


def _children(pid: int, marker: str) -> list[int]:
    """Ids of the processes whose parent is ``pid`` and whose command line contains ``marker``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, IndexError, ValueError):
            continue
        if ppid == pid and marker in cmdline:
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    """Whether ``pid`` is running (a zombie waiting for its new parent to reap it is not)."""
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def test_kill_9_mid_run_then_a_new_run_gives_the_uninterrupted_results(seeded_db: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "c.duckdb"
    proc = _start_run(db_path)
    _wait_for_staging(db_path, proc)
    # killed as soon as its stages write the staging copy and Prefect's temporary server runs (the models
    # load while the server starts, so a run on the seeds may be over a few seconds later)
    servers: list[int] = []
    deadline = time.monotonic() + 120
    while not servers and proc.poll() is None and time.monotonic() < deadline:
        servers = _children(proc.pid, "uvicorn")
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed"
    assert len(servers) == 1, "Prefect's temporary server is not running"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    # Prefect's temporary server got no chance to be stopped by the run: it must die with it all the same.
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and _alive(servers[0]):
        time.sleep(0.1)
    assert not _alive(servers[0]), "the temporary Prefect server outlived the killed run"

    # The live file holds only the killed run's start row: no half-published results.
    assert query(db_path, "SELECT status FROM runs") == [("running",)]
    assert query(db_path, "SELECT count(*) FROM claims") == [(0,)]
    assert query(db_path, "SELECT count(*) FROM source_scores") == [(0,)]

    done = run_cli("run", "--db", str(db_path), "--quiet")
    assert done.returncode == 0, done.stderr
    assert _results(db_path) == _results(seeded_db)
    assert query(db_path, "SELECT status FROM runs ORDER BY started_at") == [("incomplete",), ("completed",)]


def test_a_second_run_at_the_same_time_exits_with_a_clear_message(seeded_copy: Path) -> None:
    before = _results(seeded_copy)
    with store.run_lock(seeded_copy):  # a run in progress holds the lock for its whole duration
        started = time.monotonic()
        second = run_cli("run", "--db", str(seeded_copy), "--quiet")
        waited = time.monotonic() - started
    assert second.returncode == 1
    assert "another run is writing" in second.stderr
    assert second.stderr.count("\n") == 1  # one line, no traceback, no Prefect start-up log
    assert waited < 2  # refused before starting Prefect or loading models
    assert _results(seeded_copy) == before

    with store.run_lock(seeded_copy):
        query_during = run_cli("query", "SELECT count(*) AS n FROM claims", "--format", "csv", "--db", str(seeded_copy))
    assert query_during.returncode == 0
    assert query_during.stdout.splitlines()[1] == str(before["claims"])


def test_extraction_on_a_local_dask_cluster_gives_the_same_results(seeded_db: Path, tmp_path: Path) -> None:
    from flows.nightly import with_runner

    db_path = tmp_path / "dask.duckdb"
    options = RunOptions(db_path=db_path, batch_size=2, runner="dask", workers=2)
    assert options.window == 4
    result = with_runner(options)(options)
    assert result["articles_extracted"] == 5
    assert _results(db_path) == _results(seeded_db)


def test_cli_validate_reruns_the_suites_and_writes_data_docs(seeded_db: Path, tmp_path: Path) -> None:
    done = run_cli("validate", "--db", str(seeded_db), "--format", "csv", "--docs", str(tmp_path / "docs"))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("run_id,suite,")
    suites = {line.split(",")[1] for line in lines[1:]}
    assert suites == {"articles", "claims", "claim_outcomes", "source_scores"}
    assert (tmp_path / "docs" / "index.html").is_file()


def test_a_failing_score_suite_fails_the_run_and_keeps_the_published_scores(seeded_copy: Path, tmp_path: Path) -> None:
    import json
    import shutil

    import pytest

    from flows.nightly import nightly

    suites = tmp_path / "expectations"
    shutil.copytree(ROOT / "expectations", suites)
    suite = json.loads((suites / "source_scores.json").read_text(encoding="utf-8"))
    # A desk's rule that today's scores violate: no source may score above 0.1.
    suite["expectations"].append(
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": "score", "max_value": 0.1}}
    )
    (suites / "source_scores.json").write_text(json.dumps(suite), encoding="utf-8")

    before = _results(seeded_copy)
    with pytest.raises(Exception, match="source_scores"):
        nightly(RunOptions(db_path=seeded_copy, expectations=suites))
    assert _results(seeded_copy) == before
    status, reason = query(seeded_copy, "SELECT status, reason FROM runs ORDER BY started_at DESC LIMIT 1")[0]
    assert status == "failed"
    assert "source_scores" in reason
    assert query(seeded_copy, "SELECT count(DISTINCT run_id) FROM current_scores") == [(1,)]

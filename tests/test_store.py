"""The run store: lock, staging copy, atomic publish, failed and killed runs."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from corroborate import store


def _runs(db_path: Path) -> list[tuple[str, str]]:
    with contextlib.closing(store.connect_reader(db_path)) as con:
        return con.execute("SELECT run_id, status FROM runs ORDER BY started_at, run_id").fetchall()


def _publish_marker(db_path: Path, value: str) -> str:
    with store.open_run(db_path, ["input"], "v-test") as run:
        with contextlib.closing(run.connect()) as con:
            con.execute("CREATE TABLE IF NOT EXISTS marker (value VARCHAR)")
            con.execute("DELETE FROM marker")
            con.execute("INSERT INTO marker VALUES (?)", [value])
        run.publish()
        return run.run_id


def _marker(db_path: Path) -> str:
    with contextlib.closing(store.connect_reader(db_path)) as con:
        return con.execute("SELECT value FROM marker").fetchone()[0]


def test_publish_replaces_the_live_file_and_completes_the_run(tmp_path: Path) -> None:
    db_path = tmp_path / "c.duckdb"
    run_id = _publish_marker(db_path, "first")
    assert _marker(db_path) == "first"
    assert _runs(db_path) == [(run_id, "completed")]
    assert not store.staging_path(db_path).exists()


def test_a_failed_run_keeps_the_previous_results_and_says_why(tmp_path: Path) -> None:
    db_path = tmp_path / "c.duckdb"
    _publish_marker(db_path, "good")
    with pytest.raises(RuntimeError, match="stage broke"), store.open_run(db_path, ["x"], "v-test") as run:
        with contextlib.closing(run.connect()) as con:
            con.execute("UPDATE marker SET value = 'half-written'")
        raise RuntimeError("stage broke")
    assert _marker(db_path) == "good"
    with contextlib.closing(store.connect_reader(db_path)) as con:
        status, reason = con.execute(
            "SELECT status, reason FROM runs ORDER BY started_at DESC, run_id DESC LIMIT 1"
        ).fetchone()
    assert status == "failed"
    assert "stage broke" in reason


@pytest.mark.slow
def test_a_killed_run_leaves_results_intact_and_shows_as_incomplete(tmp_path: Path) -> None:
    db_path = tmp_path / "c.duckdb"
    _publish_marker(db_path, "before")
    # A real process starts a run, writes its staging copy and is killed before publishing.
    script = textwrap.dedent(
        f"""
        import contextlib, os, signal
        from pathlib import Path
        from corroborate import store
        with store.open_run(Path({str(db_path)!r}), ["x"], "v-test") as run:
            with contextlib.closing(run.connect()) as con:
                con.execute("UPDATE marker SET value = 'never published'")
            os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parent.parent)
    assert proc.returncode == -9
    assert _marker(db_path) == "before"
    assert store.staging_path(db_path).exists()  # the next run overwrites it

    _publish_marker(db_path, "after")
    assert _marker(db_path) == "after"
    statuses = [status for _, status in _runs(db_path)]
    assert statuses == ["completed", "incomplete", "completed"]


def test_a_second_run_on_the_same_database_is_refused_clearly(tmp_path: Path) -> None:
    db_path = tmp_path / "c.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from corroborate import store\n"
            f"with store.run_lock(Path({str(db_path)!r})):\n"
            "    print('locked', flush=True); time.sleep(30)",
        ],
        cwd=Path(__file__).parent.parent,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with (
            pytest.raises(store.RunLockedError, match="another run is writing"),
            store.run_lock(db_path, wait_seconds=0.5),
        ):
            pass
    finally:
        holder.kill()
        holder.wait()
    with store.run_lock(db_path, wait_seconds=5):  # free again once the holder is gone
        pass


def test_readers_see_the_last_published_results_while_a_run_writes(tmp_path: Path) -> None:
    db_path = tmp_path / "c.duckdb"
    _publish_marker(db_path, "published")
    with store.open_run(db_path, ["x"], "v-test") as run:
        with contextlib.closing(run.connect()) as con:
            con.execute("UPDATE marker SET value = 'in progress'")
            # The staging connection is open and writing; a reader of the live file is not blocked.
            reader = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    "from pathlib import Path; from corroborate import store\n"
                    f"con = store.connect_reader(Path({str(db_path)!r}))\n"
                    "print(con.execute('SELECT value FROM marker').fetchone()[0])",
                ],
                cwd=Path(__file__).parent.parent,
                capture_output=True,
                text=True,
                check=True,
            )
        assert reader.stdout.strip() == "published"
        run.publish()
    assert _marker(db_path) == "in progress"

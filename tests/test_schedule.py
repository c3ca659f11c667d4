"""`cli.py schedule` registers the nightly deployment with a real Prefect server, refuses to "serve" on a
temporary one, and with --start-server runs its own server on loopback on which a scheduled run fires."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from corroborate.run import processes
from corroborate.run.options import RunOptions
from corroborate.run.processes import free_port

ROOT = Path(__file__).resolve().parent.parent


def _get_json(url: str) -> object | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return json.load(response)
    except OSError:
        return None


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def _wait_for(url: str, seconds: float) -> object:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = _get_json(url)
        if body is not None:
            return body
        time.sleep(0.5)
    raise AssertionError(f"{url} did not answer within {seconds} s")


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A Prefect server on a loopback port, with its own home folder and database."""
    home = tmp_path_factory.mktemp("prefect-home")
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    with processes.prefect_server(free_port(), env=env, timeout=120) as api:
        yield {**env, "PREFECT_API_URL": api}


@pytest.mark.slow
def test_schedule_registers_the_deployment_with_its_cron_and_every_run_option(
    prefect_server: dict[str, str], tmp_path: Path
) -> None:
    db_path = tmp_path / "nightly.duckdb"
    serve = subprocess.Popen(
        [
            sys.executable,
            "cli.py",
            "schedule",
            "--cron",
            "15 2 * * *",
            "--db",
            str(db_path),
            "--input",
            "seeds",
            "--input",
            "seeds/003_491dc99b483af735.txt",
            "--batch-size",
            "7",
            "--max-bytes",
            "123456",
            "--method",
            "iterative",
            "--wait",
            "2.5",
            "--runner",
            "dask",
            "--workers",
            "3",
            "--aliases",
            "seeds/aliases.csv",
            "--subjects",
            "seeds/subjects.csv",
            "--expectations",
            "expectations",
            "--relink",
        ],
        cwd=ROOT,
        env=prefect_server,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deployment = _wait_for(f"{prefect_server['PREFECT_API_URL']}/deployments/name/nightly/nightly", 90)
    finally:
        serve.terminate()
        serve.wait(timeout=30)
    assert isinstance(deployment, dict)
    assert [s["schedule"]["cron"] for s in deployment["schedules"]] == ["15 2 * * *"]
    options = deployment["parameters"]["options"]
    assert options["db_path"] == str(db_path.resolve())
    assert options["inputs"] == [
        str((ROOT / "seeds").resolve()),
        str((ROOT / "seeds/003_491dc99b483af735.txt").resolve()),
    ]
    # Every option of `run` reaches the scheduled runs, paths made absolute.
    assert {k: v for k, v in options.items() if k not in {"db_path", "inputs"}} == {
        "batch_size": 7,
        "max_bytes": 123456,
        "method": "iterative",
        "wait_seconds": 2.5,
        "runner": "dask",
        "address": None,
        "workers": 3,
        "aliases": str((ROOT / "seeds" / "aliases.csv").resolve()),
        "subjects": str((ROOT / "seeds" / "subjects.csv").resolve()),
        "expectations": str((ROOT / "expectations").resolve()),
        "relink": True,
    }
    # What a scheduled run receives reads back as the options given.
    assert RunOptions.from_json(options).method == "iterative" and RunOptions.from_json(options).window == 6


@pytest.mark.slow
def test_schedule_without_a_server_refuses_with_the_commands_that_fix_it(tmp_path: Path) -> None:
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "home")}  # no profile with an API URL either
    env.pop("PREFECT_API_URL", None)
    done = subprocess.run(
        [sys.executable, "cli.py", "schedule", "--cron", "* * * * *", "--db", str(tmp_path / "x.duckdb")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "prefect server start --host 127.0.0.1" in done.stderr
    assert "export PREFECT_API_URL=http://127.0.0.1:4200/api" in done.stderr and "--start-server" in done.stderr
    assert "being served" not in done.stdout + done.stderr
    assert not (tmp_path / "x.duckdb").exists()


def _post_json(url: str, body: dict[str, object]) -> object | None:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.load(response)
    except OSError:
        return None


@pytest.mark.slow
def test_start_server_serves_and_a_scheduled_run_fires_and_completes(tmp_path: Path) -> None:
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    db_path = tmp_path / "scheduled.duckdb"
    env = {
        **os.environ,
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_RUNNER_POLL_FREQUENCY": "2",
    }
    env.pop("PREFECT_API_URL", None)
    serve = subprocess.Popen(
        [
            sys.executable,
            "cli.py",
            "schedule",
            "--start-server",
            "--port",
            str(port),
            "--cron",
            "* * * * *",
            "--db",
            str(db_path),
            "--input",
            "seeds",
            "--aliases",
            "seeds/aliases.csv",
        ],
        cwd=ROOT,
        env=env,
        stdout=(tmp_path / "stdout.txt").open("wb"),
        stderr=(tmp_path / "stderr.txt").open("wb"),
        start_new_session=True,  # its own process group, as a terminal gives it: Ctrl-C is sent to the group
    )
    completed: list[object] = []
    summary = re.compile(r"^run \S+: articles new=\d+ .*claims new=\d+ total=\d+", flags=re.M)
    try:
        deadline = time.monotonic() + 300  # server start-up, the next minute, the runner's poll, the run itself
        while time.monotonic() < deadline and not (completed and summary.search(_text(tmp_path / "stdout.txt"))):
            time.sleep(3)
            assert serve.poll() is None, "schedule exited early"
            runs = _post_json(f"{api}/flow_runs/filter", {"flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}})
            completed = list(runs) if isinstance(runs, list) else []
    finally:
        os.killpg(serve.pid, signal.SIGINT)  # Ctrl-C in a terminal: every process of the group
        try:
            serve.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(serve.pid, signal.SIGKILL)
            serve.wait(timeout=30)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(serve.pid, signal.SIGKILL)  # nothing it started outlives the test
    out, err = _text(tmp_path / "stdout.txt"), _text(tmp_path / "stderr.txt")
    assert serve.returncode == 130, err[-2000:]
    assert "Traceback" not in err, err[-3000:]
    assert summary.search(out), f"no run summary printed: {out[-2000:]}"
    log = re.search(r"Prefect server stopped \(log: (\S+)\)", err)
    assert log and Path(log[1]).is_file(), err[-2000:]
    assert completed, "no scheduled run completed within 300 s"
    run = completed[0]
    assert isinstance(run, dict) and run["deployment_id"]
    assert run["parameters"]["options"]["db_path"] == str(db_path.resolve())
    with contextlib.closing(duckdb.connect(str(db_path), read_only=True)) as con:
        # every minute fires: on a loaded machine a second run may complete before the server is stopped
        completed_runs = con.execute("SELECT count(*) FROM runs WHERE status = 'completed'").fetchone()
        assert completed_runs is not None and completed_runs[0] >= 1
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (5,)
    assert _get_json(f"{api}/health") is None  # the server stopped with the command


@pytest.mark.slow
def test_ctrl_c_stops_a_run_with_exit_code_130_and_no_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    err = tmp_path / "stderr.txt"
    run = subprocess.Popen(
        [sys.executable, "cli.py", "run", "seeds", "--db", str(tmp_path / "run.duckdb")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=err.open("wb"),
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and "Prefect" not in _text(err):  # under way: Prefect is starting
            time.sleep(0.5)
        time.sleep(3)
        assert run.poll() is None, "the run ended before it could be interrupted"
        os.killpg(run.pid, signal.SIGINT)
        run.wait(timeout=90)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(run.pid, signal.SIGKILL)
    assert run.returncode == 130, _text(err)[-2000:]
    assert "Traceback" not in _text(err) and "interrupted" in _text(err)

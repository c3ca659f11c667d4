"""`cli.py schedule` registers the nightly deployment and its cron schedule with a real Prefect server."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get_json(url: str) -> object | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return json.load(response)
    except OSError:
        return None


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
    port = _free_port()
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    api = f"http://127.0.0.1:{port}/api"
    try:
        _wait_for(f"{api}/health", 120)
        yield {**env, "PREFECT_API_URL": api}
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_schedule_registers_the_deployment_with_its_cron(prefect_server: dict[str, str], tmp_path: Path) -> None:
    db_path = tmp_path / "nightly.duckdb"
    serve = subprocess.Popen(
        [sys.executable, "cli.py", "schedule", "--cron", "15 2 * * *", "--db", str(db_path), "--input", "seeds"],
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
    assert deployment["parameters"]["db_path"] == str(db_path.resolve())
    assert deployment["parameters"]["inputs"] == [str((ROOT / "seeds").resolve())]

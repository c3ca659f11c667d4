"""Start-up of `cli.py run` on the five seed articles: how soon the first line shows, and how long a run
with nothing new takes on Prefect's temporary server versus a Prefect server already running.

A re-run with nothing new is checked and recorded without Prefect (corroborate/unchanged.py). For
comparison, the last case touches one input file before each re-run (same content, new modification time):
the run then goes through the Prefect flow against the running server, finds only duplicates and skips
linking and scoring, which is what every re-run with nothing new cost before.

Every figure is a real ``cli.py run`` process, measured in one invocation so that the ratios compare runs
made under the same load on this shared machine.

    .venv/bin/python benchmarks/startup.py [--reruns 3]

Prints, for each case, wall seconds (and the first stderr line's delay), then the ratios.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corroborate.run.processes import free_port, prefect_server

ROOT = Path(__file__).resolve().parent.parent


def timed_run(inbox: Path, db_path: Path, env: dict[str, str]) -> tuple[float, float]:
    """(seconds until the first line on stderr, seconds until the process ended) of one ``cli.py run``."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "cli.py", "run", str(inbox), "--db", str(db_path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    proc.stderr.readline()
    first = time.perf_counter() - start
    proc.stderr.read()
    if proc.wait() != 0:
        raise SystemExit(f"run failed with exit code {proc.returncode}")
    return first, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reruns", type=int, default=3, help="Re-runs per case (the median is printed).")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="corroborate-startup-"))
    env = {**os.environ, "PREFECT_HOME": str(work / "prefect-home"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    db_path = work / "bench.duckdb"
    inbox = work / "inbox"
    shutil.copytree(ROOT / "seeds", inbox)
    touched = sorted(inbox.glob("*.txt"))[0]

    def through_the_flow(env: dict[str, str]) -> tuple[float, float]:
        os.utime(touched)  # a new modification time: the input fingerprint changes, the articles do not
        return timed_run(inbox, db_path, env)

    with contextlib.ExitStack() as stack:
        stack.callback(shutil.rmtree, work, ignore_errors=True)
        first_line, first_run = timed_run(inbox, db_path, env)
        print(f"first run, temporary server:      first line after {first_line:.2f} s, done in {first_run:.1f} s")
        ephemeral = [timed_run(inbox, db_path, env) for _ in range(args.reruns)]
        eph = statistics.median(t for _, t in ephemeral)
        print(f"re-run, nothing new, temporary:   first line after {ephemeral[0][0]:.2f} s, done in {eph:.2f} s")

        api = stack.enter_context(prefect_server(free_port(), env=env))
        served = {**env, "PREFECT_API_URL": api}
        through_the_flow(served)  # the server's first flow registration is not what a nightly rerun pays
        running = [timed_run(inbox, db_path, served) for _ in range(args.reruns)]
        run = statistics.median(t for _, t in running)
        print(f"re-run, nothing new, running server: first line after {running[0][0]:.2f} s, done in {run:.2f} s")
        flowed = [through_the_flow(served) for _ in range(args.reruns)]
        flow = statistics.median(t for _, t in flowed)
        print(
            f"re-run through the flow (input touched), running server: first line after {flowed[0][0]:.2f} s, "
            f"done in {flow:.1f} s"
        )
        print(
            f"ratio re-run nothing new / through the flow, running server: {run / flow:.2f} "
            f"({run:.2f} s vs {flow:.1f} s)"
        )
        print(f"ratio re-run running server / temporary: {run / eph:.2f} ({run:.2f} s vs {eph:.2f} s)")
        print(f"ratio re-run temporary / first run: {eph / first_run:.2f} ({eph:.2f} s vs {first_run:.1f} s)")


if __name__ == "__main__":
    main()

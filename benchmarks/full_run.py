"""Full runs on a synthetic newsroom: seconds per stage, peak memory, and an incremental re-run.

Each run is a real ``cli.py run`` process on a fresh database, so its peak resident memory (from the
kernel's accounting of that child) is the pipeline's own. All figures come from one invocation, so the
ratios compare runs made under the same load on this shared machine.

    .venv/bin/python benchmarks/full_run.py --articles 1000 10000

Prints, for each size: wall seconds, seconds per stage (from the ``runs`` table), articles per second
and peak RSS; then the ratio of peak memory between the sizes (flat is ~1) and, for the largest size,
the time of a re-run with nothing new against the full run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.newsroom import generate  # noqa: E402


def run_cli(inputs: Path, db_path: Path, extra: list[str]) -> tuple[float, float, int]:
    """Run ``cli.py run`` in a child process: (wall seconds, peak RSS in MiB, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "cli.py", "run", str(inputs), "--db", str(db_path), "--quiet", *extra],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    out, err = proc.stdout.read() if proc.stdout else "", proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        print(out, err, file=sys.stderr)
    return wall, usage.ru_maxrss / 1024, proc.returncode


def last_run(db_path: Path) -> dict[str, object]:
    with contextlib.closing(duckdb.connect(str(db_path), read_only=True)) as con:
        row = con.execute(
            "SELECT articles_new, articles_extracted, claims_total, rejects, stage_seconds "
            "FROM runs WHERE status = 'completed' ORDER BY started_at DESC LIMIT 1"
        ).fetchone()
    assert row is not None, "no completed run"
    return {
        "articles_new": row[0],
        "articles_extracted": row[1],
        "claims_total": row[2],
        "rejects": row[3],
        "stage_seconds": {k: round(v, 2) for k, v in dict(row[4]).items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--runner", default="default", choices=["default", "dask"])
    args = parser.parse_args()
    extra = ["--runner", args.runner] if args.runner != "default" else []

    results: dict[int, dict[str, object]] = {}
    with tempfile.TemporaryDirectory(prefix="corroborate-bench-") as tmp:
        for n in args.articles:
            corpus = generate(n, seed=args.seed).write(Path(tmp) / f"news-{n}") / "articles.jsonl"
            db_path = Path(tmp) / f"run-{n}.duckdb"
            wall, rss, code = run_cli(corpus, db_path, extra)
            if code != 0:
                raise SystemExit(f"run on {n} articles failed with exit code {code}")
            results[n] = {"wall_s": round(wall, 1), "peak_rss_mib": round(rss), **last_run(db_path)}
            results[n]["articles_per_s"] = round(n / wall, 1)
            print(json.dumps({"articles": n, **results[n]}), flush=True)

        largest = max(args.articles)
        corpus = Path(tmp) / f"news-{largest}" / "articles.jsonl"
        wall, rss, code = run_cli(corpus, Path(tmp) / f"run-{largest}.duckdb", extra)
        rerun = {"wall_s": round(wall, 1), "peak_rss_mib": round(rss), **last_run(Path(tmp) / f"run-{largest}.duckdb")}
        print(json.dumps({"articles": largest, "rerun_nothing_new": rerun}), flush=True)

    smallest = min(args.articles)
    if smallest != largest:
        ratio = float(results[largest]["peak_rss_mib"]) / float(results[smallest]["peak_rss_mib"])  # type: ignore[arg-type]
        print(f"peak memory {largest} / {smallest} articles: {ratio:.2f}x")
    full = float(results[largest]["wall_s"])  # type: ignore[arg-type]
    share = float(rerun["wall_s"]) / full  # type: ignore[arg-type]
    print(f"re-run with nothing new / full run ({largest} articles): {rerun['wall_s']} / {full} s = {share:.1%}")
    print(f"(self peak RSS of this driver: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB)")


if __name__ == "__main__":
    main()

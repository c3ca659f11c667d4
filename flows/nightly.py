"""The ``nightly`` flow: ingest → extract → validate → link → score → publish.

Orchestration only: every task calls one function of the ``corroborate`` package. A task runs per stage,
or per batch of articles for extraction, never per article or per claim (each Prefect task run costs
milliseconds of bookkeeping on the temporary server). Everything is written to a staging copy of the
database, which replaces the live file atomically at the end (see ``corroborate.store``).

With no ``PREFECT_API_URL`` configured, Prefect starts its own temporary local server for the run.
"""

from __future__ import annotations

import contextlib
import gc
import os
import time
from collections import deque
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

# Telemetry would try to reach the network and, on the temporary server's SQLite, races the first
# flow run ("database is locked"). Users who want it can still set the variable.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
# The temporary server must start within this many seconds; Prefect's 20 s default was exceeded here on a
# loaded machine, which failed the whole nightly run before any work began.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")

import polars as pl  # noqa: E402
from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.futures import PrefectFuture  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402

from corroborate import db, progress, stages, store  # noqa: E402

if TYPE_CHECKING:
    from prefect.task_runners import TaskRunner

    from corroborate.link import LinkSummary


@cache
def _extractor() -> Any:
    """One extractor per process: spaCy models load once (~6 s for French)."""
    from corroborate.extract import Extractor

    return Extractor()


def _release_models() -> None:
    """Free this process's spaCy models before the whole-corpus stages, so their memory is reused."""
    from corroborate.extract.nlp import release_models

    _extractor.cache_clear()
    release_models()
    gc.collect()


def extractor_version() -> str:
    from corroborate.extract import EXTRACTOR_VERSION

    return str(EXTRACTOR_VERSION)


def _suites(expectations: str | None) -> dict[str, Any]:
    """Keyword arguments that point validation at another folder of suites, when one is given."""
    return {"suites_dir": Path(expectations)} if expectations else {}


@task(name="ingest", cache_policy=NO_CACHE)
def ingest_task(
    staging: str, inputs: list[str], run_id: str, max_bytes: int, expectations: str | None
) -> dict[str, int]:
    from corroborate.ingest import ingest_paths
    from corroborate.validate import validate_articles

    with contextlib.closing(db.connect(staging)) as con:
        summary = ingest_paths(con, [Path(p) for p in inputs], run_id, max_bytes=max_bytes)
        invalid = validate_articles(con, run_id, **_suites(expectations)) if summary.stored else 0
    return {
        "stored": summary.stored - invalid,
        "duplicate": summary.duplicate,
        "rejected": summary.rejected + invalid,
    }


@task(name="extract", cache_policy=NO_CACHE)
def extract_task(articles: pl.DataFrame) -> pl.DataFrame:
    return _extractor().extract(articles)


@task(name="validate", cache_policy=NO_CACHE)
def validate_task(
    staging: str, articles: pl.DataFrame, claims: pl.DataFrame, run_id: str, version: str, expectations: str | None
) -> stages.BatchResult:
    with contextlib.closing(db.connect(staging)) as con:
        return stages.store_batch(con, articles, claims, run_id, version, **_suites(expectations))


@task(name="link", cache_policy=NO_CACHE)
def link_task(staging: str, run_id: str, aliases: str | None, subjects: str | None) -> LinkSummary:
    from corroborate.link import link

    with contextlib.closing(db.connect(staging)) as con:
        return link(con, run_id, alias_file=aliases, subject_file=subjects)


@task(name="score", cache_policy=NO_CACHE)
def score_task(staging: str, run_id: str, method: str, expectations: str | None) -> int:
    from corroborate.score import score_sources
    from corroborate.validate import validate_outputs

    # The simple scores are always kept current; the iterative ones cost more and are computed on request.
    methods = ["simple"] if method == "simple" else ["simple", method]
    with contextlib.closing(db.connect(staging)) as con:
        written = sum(score_sources(con, run_id, method=name) for name in methods)
        validate_outputs(con, run_id, **_suites(expectations))
    return written


@contextlib.contextmanager
def _timed(seconds: dict[str, float], stage: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - start


# One extraction at a time in a worker thread while the main thread validates and stores the previous
# batch: spaCy keeps one core busy and DuckDB / Great Expectations the other. (The casts here and in
# with_runner: Prefect types a flow's runner as TaskRunner[PrefectFuture], invariant in the future type,
# which neither its thread runner nor prefect-dask's runner declares.)
_THREADS = cast("TaskRunner[PrefectFuture[Any]]", ThreadPoolTaskRunner(max_workers=1))


@flow(name="nightly", log_prints=True, validate_parameters=False, task_runner=_THREADS)
def nightly(
    inputs: list[str] | None = None,
    db_path: str | None = None,
    batch_size: int = stages.DEFAULT_BATCH_SIZE,
    max_bytes: int = stages.DEFAULT_MAX_BYTES,
    method: str = "simple",
    wait_seconds: float = 0.0,
    window: int = 2,
    aliases: str | None = None,
    subjects: str | None = None,
    expectations: str | None = None,
) -> dict[str, Any]:
    """Run every stage on ``inputs`` (default: ``seeds/``) into ``db_path`` and publish the result.

    ``aliases`` and ``subjects`` are the lexicon files of the link stage (default: ``seeds/aliases.csv``
    and ``seeds/subjects.csv``); ``expectations`` the folder of validation suites (default ``expectations/``).
    ``window`` is how many batches may be extracting at once (raise it to the
    number of workers when extraction runs on a Dask cluster, see :func:`with_runner`). Returns the run's
    record (counts and seconds per stage). Raises when the run failed; the live
    database then keeps the previous results and ``runs`` says why.
    """
    paths = [str(p) for p in stages.resolve_inputs(inputs)]
    target = Path(db_path) if db_path else db.default_db_path()
    version = extractor_version()

    with store.open_run(target, paths, version, wait_seconds=wait_seconds) as run:
        record, seconds, staging = run.record, run.record.stage_seconds, str(run.staging)

        progress.report("ingest", 0, 1)
        with _timed(seconds, "ingest"):
            ingested = ingest_task(staging, paths, run.run_id, max_bytes, expectations)
        record.articles_new = ingested["stored"]
        record.articles_duplicate = ingested["duplicate"]
        record.articles_rejected = ingested["rejected"]

        with contextlib.closing(db.connect(staging)) as con:
            total = stages.pending_count(con, version)
            progress.report("extract", 0, total)
            in_flight: deque[tuple[pl.DataFrame, PrefectFuture[pl.DataFrame]]] = deque()
            batches = stages.pending_batches(con, version, batch_size)
            while True:
                with _timed(seconds, "read"):
                    batch = next(batches, None)
                if batch is not None:
                    in_flight.append((batch, extract_task.submit(batch)))
                if not in_flight or (batch is not None and len(in_flight) < window):
                    if batch is None:
                        break
                    continue
                done_batch, future = in_flight.popleft()
                with _timed(seconds, "extract"):
                    claims = future.result()
                with _timed(seconds, "validate"):
                    result = validate_task(staging, done_batch, claims, run.run_id, version, expectations)
                record.articles_extracted += result.articles
                record.claims_new += result.claims_stored
                progress.report("extract", record.articles_extracted, total)
        if record.articles_extracted:
            _release_models()

        with contextlib.closing(db.connect(staging)) as con:
            record.link_fingerprint = stages.link_fingerprint(
                con, method=method, aliases=aliases, subjects=subjects, expectations=expectations
            )
            record.results_unchanged = record.link_fingerprint == stages.last_link_fingerprint(con)
        # Same articles, claims, lexicons, suites and code as the last completed run: linking and scoring
        # would reproduce its tables exactly, and current_scores keeps showing that run's scores.
        if not record.results_unchanged:
            progress.report("link", 0, 1)
            with _timed(seconds, "link"):
                link_task(staging, run.run_id, aliases, subjects)
            progress.report("score", 0, 1)
            with _timed(seconds, "score"):
                score_task(staging, run.run_id, method, expectations)

        with contextlib.closing(db.connect(staging)) as con:
            record.claims_total = stages.count(con, "claims")
            record.rejects = stages.count(con, "rejects", run.run_id)
        with _timed(seconds, "publish"):
            run.publish()
        progress.report("publish", 1, 1)
    return {"summary": record.summary_line(), **record.__dict__}


def with_runner(runner: str = "default", address: str | None = None, workers: int = 2) -> Any:
    """The nightly flow with its task runner: threads (default) or a Dask cluster.

    ``runner="dask"`` runs extraction on an existing cluster at ``address`` (``tcp://HOST:PORT``), or on a
    local cluster of ``workers`` processes when no address is given. Everything else stays in this process:
    the DuckDB file has one writer.
    """
    if runner == "default":
        return nightly
    if runner != "dask":
        raise ValueError(f"unknown runner {runner!r}: use 'default' or 'dask'")
    from prefect_dask import DaskTaskRunner

    cluster = {"n_workers": workers, "threads_per_worker": 1, "processes": True}
    dask = DaskTaskRunner(address=address) if address else DaskTaskRunner(cluster_kwargs=cluster)
    return nightly.with_options(task_runner=cast("TaskRunner[PrefectFuture[Any]]", dask))

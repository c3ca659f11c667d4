"""The ``nightly`` flow: ingest → extract → validate → store → link → score → publish.

Orchestration only: every task is one stage and calls one function of the ``corroborate`` package
(``corroborate.run.stages``, ``corroborate.store``). A task runs per stage, or per batch of articles for
extraction, validation and storing, never per article or per claim (each Prefect task run costs milliseconds
of bookkeeping on the temporary server). Everything is written to a staging copy of the database, which
replaces the live file atomically at the end (see ``corroborate.store``).

The flow takes one :class:`corroborate.run.options.RunOptions` (from a deployment: its JSON mapping). Prefect
reads its settings when it is imported: entry points call :func:`corroborate.run.options.apply_settings` first.
With no ``PREFECT_API_URL`` configured, Prefect starts its own temporary local server for the run.
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections import deque
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import polars as pl
from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture
from prefect.task_runners import ThreadPoolTaskRunner

from corroborate import db, store
from corroborate.ingest.common import shown_path
from corroborate.run import progress, stages
from corroborate.run.options import RunOptions
from flows import warmup

if TYPE_CHECKING:
    from prefect import Flow
    from prefect.task_runners import TaskRunner

    from corroborate.link import LinkSummary


@cache
def _extractor() -> Any:
    """One extractor per process: spaCy models load once (~6 s for French)."""
    from corroborate.extract import Extractor

    return Extractor()


def _release_models() -> None:
    """Free this process's spaCy models before the whole-corpus stages, so their memory is reused (after a
    warm-up under way has finished, which would otherwise load them again)."""
    from corroborate.extract.nlp import release_models

    warmup.wait()
    _extractor.cache_clear()
    release_models()
    gc.collect()


def extractor_version() -> str:
    from corroborate.extract import EXTRACTOR_VERSION

    return str(EXTRACTOR_VERSION)


@task(name="ingest", cache_policy=NO_CACHE)
def ingest_task(staging: str, paths: list[Path], run_id: str, max_bytes: int) -> stages.IngestResult:
    """Read the inputs into ``articles`` and one ``ingest_log`` row per record."""
    with contextlib.closing(db.connect_existing(staging)) as con:
        return stages.ingest(con, paths, run_id, max_bytes)


@task(name="validate-articles", cache_policy=NO_CACHE)
def validate_articles_task(staging: str, run_id: str, suites: Path) -> int:
    """Check the articles this run stored; the failing ones become rejected records."""
    with contextlib.closing(db.connect_existing(staging)) as con:
        return stages.validate_articles(con, run_id, suites)


@task(name="extract", cache_policy=NO_CACHE)
def extract_task(articles: pl.DataFrame) -> pl.DataFrame:
    """Candidate claims of a batch of articles."""
    return _extractor().extract(articles)


@task(name="validate-claims", cache_policy=NO_CACHE)
def validate_claims_task(staging: str, claims: pl.DataFrame, run_id: str, suites: Path) -> pl.DataFrame:
    """Check a batch's candidate claims; returns the valid ones."""
    with contextlib.closing(db.connect_existing(staging)) as con:
        return stages.validate_claims(con, claims, run_id, suites)


@task(name="store", cache_policy=NO_CACHE)
def store_task(staging: str, articles: pl.DataFrame, claims: pl.DataFrame, run_id: str, version: str) -> int:
    """Store a batch's valid claims and mark its articles extracted."""
    with contextlib.closing(db.connect_existing(staging)) as con:
        return stages.store_claims(con, articles, claims, run_id, version)


@task(name="link", cache_policy=NO_CACHE)
def link_task(staging: str, aliases: Path | None, subjects: Path | None, full: bool = False) -> LinkSummary:
    """Rebuild sources, copies, quantities and outcomes over every stored claim (``full``: reading every
    article's text again, not only the new articles')."""
    from corroborate.link import link

    with contextlib.closing(db.connect_existing(staging)) as con:
        return link(con, alias_file=aliases, subject_file=subjects, full=full)


@task(name="score", cache_policy=NO_CACHE)
def score_task(staging: str, run_id: str, method: str) -> int:
    """This run's source scores: the simple ones always, the iterative ones on request."""
    from corroborate.score import score_sources

    methods = ["simple"] if method == "simple" else ["simple", method]
    with contextlib.closing(db.connect_existing(staging)) as con:
        return sum(score_sources(con, run_id, method=name) for name in methods)


@task(name="validate-outputs", cache_policy=NO_CACHE)
def validate_outputs_task(staging: str, run_id: str, suites: Path) -> None:
    """Check the outcomes and this run's scores; one failing row fails the run (scores are never half-published)."""
    from corroborate.validate import validate_outputs

    with contextlib.closing(db.connect_existing(staging)) as con:
        validate_outputs(con, run_id, suites_dir=suites)


@task(name="publish", cache_policy=NO_CACHE)
def publish_task(run: store.Run) -> None:
    """Mark the run completed and swap the staging file in for the live one."""
    run.publish()


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
def nightly(options: RunOptions | Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Run every stage on the options' inputs (default: ``seeds/``) into their database and publish the result.

    ``options`` is a :class:`RunOptions`, or its JSON mapping (what a deployment passes); none means the
    defaults. Extraction runs on the flow's task runner (see :func:`with_runner`), with ``options.window``
    batches in flight. Returns the run's record (counts and seconds per stage). Raises when the run failed;
    the live database then keeps the previous results and ``runs`` says why.
    """
    opts = RunOptions.of(options)
    paths, suites, version = opts.input_paths, opts.suites_dir, extractor_version()
    fingerprint = stages.input_fingerprint(opts, version)

    inputs = [shown_path(p) for p in paths]  # a name that is not UTF-8 is stored with \xNN escapes
    with store.open_run(opts.database, inputs, version, wait_seconds=opts.wait_seconds) as run:
        record, seconds, staging = run.record, run.record.stage_seconds, str(run.staging)
        record.input_fingerprint = fingerprint

        progress.report("ingest", 0, 1)
        with _timed(seconds, "ingest"):
            ingested = ingest_task(staging, paths, run.run_id, opts.max_bytes)
        progress.report("ingest", 1, 1)
        invalid = 0
        if ingested.stored:
            # the GX context, then the models, load in the background while the articles are checked
            warmup.start(models=opts.runner == "default")
            with _timed(seconds, "validate"):
                invalid = validate_articles_task(staging, run.run_id, suites)
        record.articles_new = ingested.stored - invalid
        record.articles_duplicate = ingested.duplicate
        record.articles_rejected = ingested.rejected + invalid

        with contextlib.closing(db.connect_existing(staging)) as con:
            total = stages.pending_count(con, version)
            progress.report("extract", 0, total)
            in_flight: deque[tuple[pl.DataFrame, PrefectFuture[pl.DataFrame]]] = deque()
            batches = stages.pending_batches(con, version, opts.batch_size)
            while True:
                with _timed(seconds, "read"):
                    batch = next(batches, None)
                if batch is not None:
                    in_flight.append((batch, extract_task.submit(batch)))
                if not in_flight or (batch is not None and len(in_flight) < opts.window):
                    if batch is None:
                        break
                    continue
                done_batch, future = in_flight.popleft()
                with _timed(seconds, "extract"):
                    candidates = future.result()
                with _timed(seconds, "validate"):
                    valid = validate_claims_task(staging, candidates, run.run_id, suites)
                with _timed(seconds, "store"):
                    record.claims_new += store_task(staging, done_batch, valid, run.run_id, version)
                record.articles_extracted += done_batch.height
                progress.report("extract", record.articles_extracted, total)
        _release_models()  # loaded for extraction, or by a warm-up for a run that found nothing to extract

        with contextlib.closing(db.connect_existing(staging)) as con:
            record.link_fingerprint = stages.link_fingerprint(con, opts)
            record.results_unchanged = not opts.relink and record.link_fingerprint == stages.last_link_fingerprint(con)
        # Same articles, claims, lexicons, suites and code as the last completed run: linking and scoring
        # would reproduce its tables exactly, and current_scores keeps showing that run's scores.
        if not record.results_unchanged:
            progress.report("link", 0, 1)
            with _timed(seconds, "link"):
                link_task(staging, opts.aliases, opts.subjects, opts.relink)
            progress.report("link", 1, 1)
            progress.report("score", 0, 1)
            with _timed(seconds, "score"):
                score_task(staging, run.run_id, opts.method)
            progress.report("score", 1, 1)
            with _timed(seconds, "validate"):
                validate_outputs_task(staging, run.run_id, suites)

        with contextlib.closing(db.connect_existing(staging)) as con:
            record.claims_total = stages.count(con, "claims")
            record.rejects = stages.count(con, "rejects", run.run_id)
        with _timed(seconds, "publish"):
            publish_task(run)
        progress.report("publish", 1, 1)
    return {"summary": record.summary_line(), **record.__dict__}


def with_runner(options: RunOptions) -> Flow[..., dict[str, Any]]:
    """The nightly flow with the task runner the options ask for: threads (default) or a Dask cluster.

    ``runner="dask"`` runs extraction on an existing cluster at ``address`` (``tcp://HOST:PORT``), or on a
    local cluster of ``workers`` processes when no address is given. Everything else stays in this process:
    the DuckDB file has one writer.
    """
    if options.runner == "default":
        return nightly
    from prefect_dask import DaskTaskRunner

    cluster = {"n_workers": options.workers, "threads_per_worker": 1, "processes": True}
    dask = DaskTaskRunner(address=options.address) if options.address else DaskTaskRunner(cluster_kwargs=cluster)
    return nightly.with_options(task_runner=cast("TaskRunner[PrefectFuture[Any]]", dask))

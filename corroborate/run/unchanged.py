"""A re-run with nothing new, recorded without Prefect.

A run over inputs that have not changed since the last completed run ingests only duplicates, extracts
nothing and keeps the last scores (link and score are skipped by their fingerprint): a fraction of a
second of work behind seconds of importing Prefect and of its flow-run bookkeeping. ``cli.py run`` asks
:func:`nothing_new` before it imports Prefect; when the answer is yes, :func:`record_unchanged_run` does
that run in this process, with the functions the flow's stages call: the run lock, the start row, the
staging copy, ingest, publish. The database ends as the flow would leave it: one ``completed`` row in
``runs`` and one ``ingest_log`` row per input record.

The input fingerprint only decides whether to try. After ingesting, the run checks that no article was
stored, that none waits for the current extractor and that the link fingerprint is the last run's; if
anything is new (a file changed after the check, or kept its size and time), the run is abandoned without a
trace and the caller runs the flow. A real run always goes through Prefect.
"""

from __future__ import annotations

import contextlib
import time
from typing import Any

import duckdb

from corroborate import store
from corroborate.ingest.common import shown_path
from corroborate.run import progress, stages
from corroborate.run.options import RunOptions


def nothing_new(options: RunOptions, extractor_version: str) -> str | None:
    """The run's input fingerprint when it equals the last completed run's in the live database, else None.

    Reads the live file only (read-only); a database that does not exist yet, or that no run with a
    fingerprint completed, has something new.
    """
    target = options.database
    if not target.is_file():
        return None
    fingerprint = stages.input_fingerprint(options, extractor_version)
    try:
        with contextlib.closing(store.connect_reader(target)) as con:
            last = stages.last_input_fingerprint(con)
    except duckdb.Error:  # a file from before the column existed, or not a database: the flow will say
        return None
    return fingerprint if fingerprint == last else None


def record_unchanged_run(options: RunOptions, fingerprint: str, extractor_version: str) -> dict[str, Any] | None:
    """Do and publish a run that finds nothing new; None (and no trace) when it finds something new.

    Returns the run's record as the flow does (counts and seconds per stage, and its summary line).
    """
    paths = options.input_paths
    inputs = [shown_path(p) for p in paths]  # a name that is not UTF-8 is stored with \xNN escapes
    with store.open_run(options.database, inputs, extractor_version, wait_seconds=options.wait_seconds) as run:
        record, seconds = run.record, run.record.stage_seconds
        record.input_fingerprint = fingerprint
        progress.report("ingest", 0, 1)
        start = time.perf_counter()
        with contextlib.closing(run.connect()) as con:
            ingested = stages.ingest(con, paths, run.run_id, options.max_bytes)
            seconds["ingest"] = time.perf_counter() - start
            progress.report("ingest", 1, 1)
            record.link_fingerprint = stages.link_fingerprint(con, options)
            new = (
                ingested.stored > 0
                or stages.pending_count(con, extractor_version) > 0
                or record.link_fingerprint != stages.last_link_fingerprint(con)
            )
            if not new:
                record.claims_total = stages.count(con, "claims")
                record.rejects = stages.count(con, "rejects", run.run_id)
        if new:
            run.abandon()
            return None
        record.results_unchanged = True
        record.articles_duplicate = ingested.duplicate
        record.articles_rejected = ingested.rejected
        seconds["check"] = time.perf_counter() - start - seconds["ingest"]
        progress.report("extract", 0, 0)
        start = time.perf_counter()
        run.publish()
        seconds["publish"] = time.perf_counter() - start
        progress.report("publish", 1, 1)
    return {"summary": record.summary_line(), **record.__dict__}

"""Runs, the staging database and the atomic publish.

DuckDB lets one process write a file or many processes read it, never both at once. Readers (``query``,
``score``, ``explain``, people with the duckdb CLI) must keep answering while the nightly run works, so a
run never writes the live file for longer than a few milliseconds:

1. it takes ``<db>.lock`` (an exclusive ``flock``): a second run waits or exits with a clear message;
2. it marks runs left ``running`` by a killed process as ``incomplete`` and records its own ``running`` row
   in the live file (a short write; readers retry while it lasts), then checkpoints and copies the live
   file to ``<db>.staging``;
3. every stage writes the staging copy;
4. publish marks the run ``completed`` in the staging copy, checkpoints it and renames it over the live
   file (``os.replace`` is atomic): a reader sees the previous run's results or this run's, never half.

A run killed at any moment leaves the live file as it was (with its ``running`` row, shown as
``incomplete`` by the next run) and a stale staging file that the next run overwrites. A run that fails
records ``failed`` and the reason in the live file, whose other tables stay as they were.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import secrets
import shutil
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import duckdb

from corroborate import db

READER_RETRY_SECONDS = 10.0


class RunLockedError(RuntimeError):
    """Another run holds the database."""


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def staging_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".staging")


def new_run_id() -> str:
    """A sortable, unique run id: UTC time to the second plus a random suffix."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


@contextlib.contextmanager
def run_lock(db_path: Path, *, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold the exclusive run lock of ``db_path``; wait up to ``wait_seconds`` for it, then give up."""
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle: IO[str] = open(path, "a+")  # noqa: SIM115 - held for the whole run
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise RunLockedError(
                        f"another run is writing {db_path} (lock {path}); wait for it to finish or pass --wait SECONDS"
                    ) from None
                time.sleep(0.2)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


def connect_reader(db_path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection; retries for a few seconds while a run briefly holds the file."""
    deadline = time.monotonic() + READER_RETRY_SECONDS
    while True:
        try:
            return db.connect(db_path, read_only=True)
        except duckdb.IOException as error:
            if "lock" not in str(error).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(0.1)


def connect_writer(db_path: Path) -> duckdb.DuckDBPyConnection:
    """A writable connection that waits while readers hold the file (they hold it for milliseconds)."""
    deadline = time.monotonic() + READER_RETRY_SECONDS
    while True:
        try:
            return db.connect(db_path)
        except duckdb.IOException as error:
            if "lock" not in str(error).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(0.1)


@dataclass
class RunRecord:
    """What a run counted, written to ``runs`` and printed as its one-line summary."""

    run_id: str
    inputs: list[str]
    extractor_version: str
    articles_new: int = 0
    articles_duplicate: int = 0
    articles_rejected: int = 0
    articles_extracted: int = 0
    claims_new: int = 0
    claims_total: int = 0
    rejects: int = 0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    link_fingerprint: str | None = None
    input_fingerprint: str | None = None
    results_unchanged: bool = False

    def summary_line(self) -> str:
        stages = " ".join(f"{name}={seconds:.1f}s" for name, seconds in self.stage_seconds.items())
        return (
            f"run {self.run_id}: articles new={self.articles_new} duplicate={self.articles_duplicate} "
            f"rejected={self.articles_rejected}; extracted={self.articles_extracted}; "
            f"claims new={self.claims_new} total={self.claims_total}; rejects={self.rejects}; {stages}"
            + ("; inputs unchanged since the last run: scores kept" if self.results_unchanged else "")
        )


class Run:
    """One run of the pipeline against a database file, from its start row to its publish."""

    def __init__(self, db_path: Path, record: RunRecord) -> None:
        self.db_path = db_path
        self.staging = staging_path(db_path)
        self.record = record
        self.published = False
        self.abandoned = False

    @property
    def run_id(self) -> str:
        return self.record.run_id

    def start(self) -> None:
        """Record the run in the live file and copy it to the staging file."""
        with contextlib.closing(connect_writer(self.db_path)) as live:
            db.run_model(live, "runs_mark_incomplete")
            db.run_model(
                live,
                "runs_start",
                {
                    "run_id": self.run_id,
                    "inputs": self.record.inputs,
                    "extractor_version": self.record.extractor_version,
                },
            )
            live.execute("CHECKPOINT")
        self.staging.unlink(missing_ok=True)
        Path(str(self.staging) + ".wal").unlink(missing_ok=True)
        shutil.copyfile(self.db_path, self.staging)

    def connect(self) -> duckdb.DuckDBPyConnection:
        """A connection to the staging file, where every stage writes."""
        return db.connect(self.staging)

    def publish(self) -> None:
        """Mark the run completed in the staging file and swap it in for the live file."""
        with contextlib.closing(self.connect()) as con:
            con.execute("BEGIN")
            db.run_model(con, "runs_finish", self._finish_params("completed", None))
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
        fd = os.open(self.staging, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(self.staging, self.db_path)
        self.published = True

    def fail(self, reason: str) -> None:
        """Record the failure in the live file; its results stay those of the last completed run."""
        with contextlib.closing(connect_writer(self.db_path)) as live:
            db.run_model(live, "runs_finish", self._finish_params("failed", reason))
            live.execute("CHECKPOINT")
        self.staging.unlink(missing_ok=True)

    def abandon(self) -> None:
        """Undo the start of a run that found it has more to do than its caller can: its ``running`` row
        leaves the live file and its staging copy is deleted, as if it had never started."""
        with contextlib.closing(connect_writer(self.db_path)) as live:
            db.run_model(live, "runs_delete_running", {"run_id": self.run_id})
            live.execute("CHECKPOINT")
        self.staging.unlink(missing_ok=True)
        self.abandoned = True

    def _finish_params(self, status: str, reason: str | None) -> dict[str, Any]:
        r = self.record
        return {
            "run_id": r.run_id,
            "status": status,
            "reason": reason,
            "articles_new": r.articles_new,
            "articles_duplicate": r.articles_duplicate,
            "articles_rejected": r.articles_rejected,
            "articles_extracted": r.articles_extracted,
            "claims_new": r.claims_new,
            "claims_total": r.claims_total,
            "rejects": r.rejects,
            "stage_keys": list(r.stage_seconds),
            "stage_values": list(r.stage_seconds.values()),
            "link_fingerprint": r.link_fingerprint,
            "input_fingerprint": r.input_fingerprint,
        }


@contextlib.contextmanager
def open_run(
    db_path: Path, inputs: Sequence[str], extractor_version: str, *, wait_seconds: float = 0.0
) -> Iterator[Run]:
    """Lock the database, start a run, and on leaving publish it or record why it failed.

    The body must call :meth:`Run.publish` once its stages are done, or :meth:`Run.abandon` to leave no
    trace; leaving otherwise (an exception) records the run as failed and leaves the live results untouched.
    A symbolic link at ``db_path`` is followed: the staging copy is made beside its target and replaces the
    target, and the link stays a link.
    """
    db_path = Path(os.path.realpath(db_path))
    with run_lock(db_path, wait_seconds=wait_seconds):
        run = Run(db_path, RunRecord(new_run_id(), [str(p) for p in inputs], extractor_version))
        run.start()
        try:
            yield run
        except BaseException as error:
            if not (run.published or run.abandoned):
                run.fail(f"{type(error).__name__}: {error}")
            raise
        if not (run.published or run.abandoned):
            run.fail("the run ended without publishing")

"""Runs, the staging database and the atomic publish.

DuckDB lets one process write a file or many processes read it, never both at once. Readers (``query``,
``score``, ``explain``, people with the duckdb CLI) must keep answering while the nightly run works, so a
run never writes the live file for longer than a few milliseconds:

1. it takes ``<db>.lock`` (an exclusive ``flock``): a second run waits or exits with a clear message. The
   CLI takes it before Prefect starts and holds it for the whole run; the flow's own :func:`open_run` then
   finds it held by its caller;
2. it marks runs left ``running`` by a killed process as ``incomplete``, records its own ``running`` row in
   the live file (a short write; readers retry while it lasts) and counts what the run must not lose (the
   articles, and the claims of articles the current extractor has already extracted), then checkpoints and
   copies the live file to ``<db>.staging``;
3. every stage writes the staging copy, opened with :meth:`Run.connect`, which never creates it: a staging
   file deleted during the run fails the run instead of becoming an empty database;
4. publish checks the staging copy (it must hold this run's ``running`` row and at least the articles and
   claims counted at the start), marks the run ``completed`` in it, checkpoints it and renames it over the
   live file (``os.replace`` is atomic): a reader sees the previous run's results or this run's, never half.

A run killed at any moment leaves the live file as it was (with its ``running`` row, shown as
``incomplete`` by the next run) and a stale staging file that the next run overwrites. A run that fails
for any reason (a stage's error, a full disk, a staging copy that publish refuses) first deletes its
staging copy, then records ``failed`` and the reason in the live file, whose other tables stay as they were.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import secrets
import shutil
import time
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import duckdb

from corroborate import db

READER_RETRY_SECONDS = 10.0


class RunLockedError(RuntimeError):
    """Another run holds the database."""


class PublishRefusedError(RuntimeError):
    """The staging copy is not this run's, or lost data: publishing it would replace the live results."""


# The run locks this context holds (lock file paths): a flow started by a caller that already took the lock
# (``cli.py run`` takes it before Prefect starts) runs under it instead of waiting for itself.
_held_locks: ContextVar[frozenset[str]] = ContextVar("corroborate_held_locks", default=frozenset())


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def staging_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".staging")


def new_run_id() -> str:
    """A sortable, unique run id: UTC time to the second plus a random suffix."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


@contextlib.contextmanager
def run_lock(db_path: Path, *, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold the exclusive run lock of ``db_path``; wait up to ``wait_seconds`` for it, then give up.

    Taken again in the same context (a flow run by the command that holds it), it is already held: the
    block runs at once and the lock stays with the outer holder.
    """
    path = lock_path(Path(os.path.realpath(db_path)))
    key = str(path)
    if key in _held_locks.get():
        yield
        return
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
        token = _held_locks.set(_held_locks.get() | {key})
        try:
            yield
        finally:
            _held_locks.reset(token)
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
        # What the live file held when the run started, that publish requires of the staging copy.
        self.floor_articles = 0
        self.floor_claims = 0

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
            floor = db.run_model(
                live, "runs_floor_counts", {"extractor_version": self.record.extractor_version}
            ).fetchone()
            self.floor_articles, self.floor_claims = (int(floor[0]), int(floor[1])) if floor else (0, 0)
            live.execute("CHECKPOINT")
        self._remove_staging()
        shutil.copyfile(self.db_path, self.staging)

    def connect(self) -> duckdb.DuckDBPyConnection:
        """A connection to the staging file, where every stage writes; FileNotFoundError when it is gone
        (it is never created here: an empty database must not replace the live one)."""
        return db.connect_existing(self.staging)

    def check_staging(self, con: duckdb.DuckDBPyConnection) -> None:
        """Raise PublishRefusedError unless the staging copy (open on ``con``) holds this run's ``running``
        row and at least the articles and claims the run had to keep."""
        try:
            row = db.run_model(con, "runs_publish_check", {"run_id": self.run_id}).fetchone()
        except duckdb.CatalogException:
            row = None
        if row is None or int(row[0]) != 1:
            raise PublishRefusedError(
                f"the staging copy {self.staging} does not hold this run's row in runs (it was replaced or "
                f"deleted during the run): nothing was published, {self.db_path} is unchanged"
            )
        articles, claims = int(row[1]), int(row[2])
        if articles < self.floor_articles or claims < self.floor_claims:
            raise PublishRefusedError(
                f"the staging copy {self.staging} holds {articles} articles and {claims} claims, fewer than the "
                f"{self.floor_articles} articles and {self.floor_claims} claims the run had to keep: nothing "
                f"was published, {self.db_path} is unchanged"
            )

    def publish(self) -> None:
        """Check the staging file, mark the run completed in it and swap it in for the live file."""
        if not self.staging.is_file():
            raise PublishRefusedError(
                f"the staging copy {self.staging} is gone: nothing was published, {self.db_path} is unchanged"
            )
        with contextlib.closing(self.connect()) as con:
            self.check_staging(con)
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
        """Delete the staging copy, then record the failure in the live file; its results stay those of the
        last completed run. The copy goes first: on a full disk it is what frees the space the record needs."""
        self._remove_staging()
        with contextlib.closing(connect_writer(self.db_path)) as live:
            db.run_model(live, "runs_finish", self._finish_params("failed", reason))
            live.execute("CHECKPOINT")

    def _remove_staging(self) -> None:
        self.staging.unlink(missing_ok=True)
        Path(str(self.staging) + ".wal").unlink(missing_ok=True)

    def abandon(self) -> None:
        """Undo the start of a run that found it has more to do than its caller can: its ``running`` row
        leaves the live file and its staging copy is deleted, as if it had never started."""
        with contextlib.closing(connect_writer(self.db_path)) as live:
            db.run_model(live, "runs_delete_running", {"run_id": self.run_id})
            live.execute("CHECKPOINT")
        self._remove_staging()
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
    trace; leaving otherwise (an exception, in the body or in starting the run: a full disk while copying)
    deletes the staging copy, records the run as failed and leaves the live results untouched. The
    exception is raised again; when even the failure cannot be recorded (the live file cannot be written),
    the run stays ``running`` and the next run shows it as ``incomplete``.
    A symbolic link at ``db_path`` is followed: the staging copy is made beside its target and replaces the
    target, and the link stays a link.
    """
    db_path = Path(os.path.realpath(db_path))
    with run_lock(db_path, wait_seconds=wait_seconds):
        run = Run(db_path, RunRecord(new_run_id(), [str(p) for p in inputs], extractor_version))
        try:
            run.start()
            yield run
        except BaseException as error:
            if not (run.published or run.abandoned):
                try:
                    run.fail(f"{type(error).__name__}: {error}")
                except Exception as unrecorded:  # noqa: BLE001 - the run's own error is the one to raise
                    error.add_note(f"the failure could not be recorded in {db_path}: {unrecorded}")
            raise
        if not (run.published or run.abandoned):
            run.fail("the run ended without publishing")

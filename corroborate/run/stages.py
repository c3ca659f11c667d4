"""The stages of a run, as plain functions over a staging database connection.

``flows/nightly.py`` wraps each of them in a Prefect task; tests and other tools call them directly.
Each stage reads what the previous ones wrote to the database, so a stage can be re-run on its own.

Two fingerprints let a run skip work whose result it already has. :func:`link_fingerprint` digests what
linking and scoring read (stored articles and claims, lexicons, suites, method, code): equal to the last
completed run's, those stages would rebuild the same tables. :func:`input_fingerprint` digests what a run
reads before it touches the database (the input files' names, sizes and times, the options, the extractor
version, the lexicon, suite and code files): equal to the last completed run's, the run is expected to find
nothing new, which :mod:`corroborate.run.unchanged` then checks and records without Prefect.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from corroborate import db
from corroborate.resources import PACKAGE_DIR
from corroborate.run.options import DEFAULT_BATCH_SIZE, RunOptions


@dataclass(frozen=True)
class IngestResult:
    """What the ingest and article validation of a run counted: the records of its ``ingest_log``."""

    stored: int
    duplicate: int
    rejected: int


def ingest(con: duckdb.DuckDBPyConnection, paths: list[Path], run_id: str, max_bytes: int) -> IngestResult:
    """Read the inputs into ``articles`` and ``ingest_log`` (see :func:`corroborate.ingest.ingest_paths`)."""
    from corroborate.ingest import ingest_paths

    summary = ingest_paths(con, paths, run_id, max_bytes=max_bytes)
    return IngestResult(summary.stored, summary.duplicate, summary.rejected)


def validate_articles(con: duckdb.DuckDBPyConnection, run_id: str, suites: Path) -> int:
    """Check the articles this run stored; failing ones leave ``articles`` for ``rejects``. Returns how many."""
    from corroborate.validate import validate_articles as check

    return check(con, run_id, suites_dir=suites)


def pending_count(con: duckdb.DuckDBPyConnection, extractor_version: str) -> int:
    """How many stored articles the current extractor version has not extracted yet."""
    return int(db.scalar_model(con, "articles_pending_count", {"extractor_version": extractor_version}))


def pending_batches(
    con: duckdb.DuckDBPyConnection, extractor_version: str, batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[pl.DataFrame]:
    """Yield article frames of at most ``batch_size`` rows, in id order, that still need extracting.

    Only one batch is read at a time, so memory stays bounded by a batch whatever the corpus size, and
    batches may be extracted in parallel before the earlier ones are stored.
    """
    after = ""
    while True:
        params = {"extractor_version": extractor_version, "batch_size": batch_size, "after": after}
        batch = db.query_model(con, "articles_pending", params)
        if batch.is_empty():
            return
        after = batch.get_column("article_id")[-1]
        yield batch


def with_claim_ids(claims: pl.DataFrame, run_id: str) -> pl.DataFrame:
    """Add ``claim_id``, ``quantity_id`` (null until linked) and ``run_id`` to extracted claims."""
    from corroborate.extract import claim_id

    ids = [
        claim_id(article_id, start, end, source)
        for article_id, start, end, source in claims.select(
            "article_id", "char_start", "char_end", "source"
        ).iter_rows()
    ]
    return claims.with_columns(
        pl.Series("claim_id", ids, dtype=pl.String),
        pl.lit(None, dtype=pl.String).alias("quantity_id"),
        pl.lit(run_id).alias("run_id"),
    ).unique(subset="claim_id", keep="first", maintain_order=True)


def validate_claims(con: duckdb.DuckDBPyConnection, claims: pl.DataFrame, run_id: str, suites: Path) -> pl.DataFrame:
    """Give extracted claims their ids and check them: the failing ones go to ``rejects``, every result to
    ``validation_results``, in one transaction. Returns the valid claims, ready for :func:`store_claims`.
    """
    from corroborate.validate import validate_claims as check

    candidates = with_claim_ids(claims, run_id)
    con.execute("BEGIN")
    try:
        valid = check(con, candidates, run_id, suites_dir=suites)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return valid


def store_claims(
    con: duckdb.DuckDBPyConnection, articles: pl.DataFrame, claims: pl.DataFrame, run_id: str, extractor_version: str
) -> int:
    """Store a batch's valid claims and mark its articles extracted by this version, atomically.

    Claims an earlier extractor version produced for these articles are replaced. Returns the claims stored.
    """
    con.execute("BEGIN")
    try:
        con.register("batch_articles", articles.select("article_id"))
        con.register("batch_claims", claims)
        db.run_model(con, "claims_delete_batch")
        db.run_model(con, "claims_insert_batch")
        db.run_model(con, "extractions_insert_batch", {"extractor_version": extractor_version, "run_id": run_id})
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        for view in ("batch_articles", "batch_claims"):
            con.unregister(view)
    return claims.height


def count(con: duckdb.DuckDBPyConnection, table: str, run_id: str | None = None) -> int:
    """Rows of a stored table (all, or those of one run): used for run summaries."""
    model = {"claims": "count_claims", "rejects": "count_rejects"}[table]
    return int(db.scalar_model(con, model, {"run_id": run_id}))


def _rule_files(options: RunOptions) -> list[Path]:
    """The files whose content decides linking and scoring: lexicons, suites, SQL and the package's code."""
    return [
        options.alias_file,
        options.subject_file,
        *sorted(options.suites_dir.glob("*.json")),
        *sorted(db.MODELS_DIR.glob("*.sql")),
        *sorted(db.STATEMENTS_DIR.glob("*.sql")),
        # the code of every stage folder (link/, run/ …), not only the package's top level
        *sorted(p for p in PACKAGE_DIR.rglob("*.py") if "__pycache__" not in p.parts),
        *sorted((PACKAGE_DIR / "lexicons").glob("*.csv")),
    ]


def _update_with_files(digest: hashlib._Hash, files: Iterable[Path]) -> None:
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())


def link_fingerprint(con: duckdb.DuckDBPyConnection, options: RunOptions) -> str:
    """A digest of everything the link and score stages read: equal digests give equal results.

    It covers the stored articles and claims, the lexicon files, the validation suites, the scoring
    method and the code and SQL of linking and scoring (so an upgrade recomputes).
    """
    digest = hashlib.sha256()
    digest.update(json.dumps(db.query_model(con, "link_inputs").row(0)).encode())
    digest.update(options.method.encode())
    _update_with_files(digest, _rule_files(options))
    return digest.hexdigest()


def last_link_fingerprint(con: duckdb.DuckDBPyConnection) -> str | None:
    """The fingerprint of the last completed run that linked and scored, if any."""
    value = db.scalar_model(con, "runs_last_fingerprint")
    return str(value) if value is not None else None


def _input_entries(path: Path) -> Iterator[str]:
    """One line per file a run may read under ``path``: name, size, modification time and mode.

    A folder is walked recursively as ingest reads it (symbolic links followed, each real folder once, names
    starting with "." left out); a file brings the sidecars beside it (its folder's ``.csv`` files: the
    manifest). A path that cannot be read is one line with the error, so that it changes when the error does.
    """
    try:
        if not path.is_dir():
            siblings = sorted(p for p in path.parent.glob("*.csv") if p != path) if path.parent.is_dir() else []
            files = [path, *siblings]
        else:
            files = []
            seen: set[str] = set()
            for folder, dirs, names in os.walk(path, followlinks=True):
                real = os.path.realpath(folder)
                if real in seen:
                    dirs.clear()
                    continue
                seen.add(real)
                dirs[:] = sorted(name for name in dirs if not name.startswith("."))
                files.extend(Path(folder) / name for name in sorted(names) if not name.startswith("."))
    except OSError as error:
        yield f"{path}\0{error}"
        return
    for file in files:
        try:
            st = file.stat()
            yield f"{file}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_mode}"
        except OSError as error:
            yield f"{file}\0{error}"


def input_fingerprint(options: RunOptions, extractor_version: str) -> str:
    """A digest of what a run reads before it opens the database: equal to the last completed run's, the
    run is expected to store, extract, link and score nothing new.

    It covers every input file (path, size, modification time and mode: not the bytes, so that it stays
    cheap on a large inbox), the extractor version, the options that shape results (method, size limit),
    and the content of the lexicon, suite and SQL files and of every file of the package (code, word lists).
    It only decides whether to try the path without Prefect; :func:`corroborate.run.unchanged.record_unchanged_run`
    checks that nothing is new before it records the run.
    """
    digest = hashlib.sha256()
    shape = {
        "extractor_version": extractor_version,
        "method": options.method,
        "max_bytes": options.max_bytes,
        "inputs": [str(p.resolve()) for p in options.input_paths],
    }
    digest.update(json.dumps(shape, sort_keys=True).encode())
    for path in options.input_paths:
        for entry in _input_entries(path.resolve()):
            digest.update(entry.encode("utf-8", "surrogateescape") + b"\n")
    code = sorted(p for p in PACKAGE_DIR.rglob("*") if p.is_file() and not {"__pycache__", "_bundled"} & set(p.parts))
    _update_with_files(digest, [*_rule_files(options), *code])
    return digest.hexdigest()


def last_input_fingerprint(con: duckdb.DuckDBPyConnection) -> str | None:
    """The input fingerprint of the last completed run (none when it recorded none)."""
    value = db.scalar_model(con, "runs_last_input_fingerprint")
    return str(value) if value is not None else None

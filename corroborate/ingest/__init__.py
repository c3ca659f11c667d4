"""Ingest: input files and records -> ``articles`` and ``ingest_log``.

Inputs are files or folders. Folders are read recursively, entries in name order; hidden entries
(names starting with ".") and the sidecars ``manifest.csv``, ``aliases.csv`` and ``subjects.csv`` are not
inputs. Any other file is an input, and one with an unknown extension (another ``.csv`` file included) is
rejected with a log row like any unreadable record. Recognised files:

- ``.txt``: one article; metadata from an optional ``manifest.csv`` in the same folder
  (``file,outlet,url,published_at,language,title``; ``,`` or ``;`` separated);
- ``.html`` / ``.htm``: one article, reduced to its text (the manifest applies too);
- ``.json``: one record ``{"id", "outlet", "url", "published_at", "language", "title", "text"}``,
  only ``text`` required (a manifest row, if any, fills the fields the record leaves out);
- ``.jsonl``: one such record per line (blank lines are skipped).

Every input record gets exactly one log row: ``stored``, ``duplicate`` (same text as an article
already stored, or as an earlier record of the same batch) or ``rejected``, with a reason a user
can act on. A stored row's reason is a warning (a date that could not be read, an undetermined
language, an id that another text already carries, in the batch or in the database: both texts are kept).
Nothing in the inputs makes ingest raise.

The size limit applies to each file, and to each line of a ``.jsonl`` file: a feed of many small
records is fine, one oversized record is rejected on its own.

One module a job: ``reader`` walks the inputs and keeps one raw row per record; ``text`` (``.txt``,
``.html``), ``records`` (``.json``, ``.jsonl``) and ``manifest`` (``manifest.csv``) read one format each;
``batch`` gives the rows their dates, language and status; ``common`` holds what they share (an
article's identity, file checks). This module reads (``read_records``) and stores (``ingest_paths``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from corroborate.db import model_sql, run_model
from corroborate.ingest.batch import RAW_SCHEMA, finish, join_reasons
from corroborate.ingest.common import DEFAULT_MAX_BYTES, article_id, identity_form
from corroborate.ingest.reader import Reader

__all__ = [
    "DEFAULT_MAX_BYTES",
    "IngestSummary",
    "article_id",
    "identity_form",
    "ingest_paths",
    "read_records",
]


@dataclass
class IngestSummary:
    """Counts of one ingest: log rows per status, and stored articles that carry a warning."""

    stored: int
    duplicate: int
    rejected: int
    warnings: int


def read_records(paths: Sequence[Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Read the inputs, touching no database.

    Returns ``(records, log)``. ``records`` has one row per distinct article text (its first
    occurrence), columns ``article_id, external_id, outlet, url, title, published_at (Date),
    published_precision, language, text, source_path, record_no``. ``log`` has one row per input
    record, in input order: ``source_path, record_no, status, article_id, external_id, reason``,
    where ``status`` is ``stored`` (new in this batch), ``duplicate`` (same text earlier in the
    batch) or ``rejected``.
    """
    if isinstance(paths, (str, os.PathLike)):  # one path given bare: not a sequence of characters
        paths = [Path(paths)]
    reader = Reader(max_bytes=max_bytes)
    for path in paths:
        rows_before = len(reader.rows)
        try:
            reader.read_path(Path(path))
        except Exception as error:  # noqa: BLE001 - e.g. a folder that vanished mid-walk: log it, go on
            del reader.rows[rows_before:]
            reader.reject_error(Path(path), 0, error, None)
    raw = pl.DataFrame(reader.rows, schema=RAW_SCHEMA).with_row_index("_order")
    return finish(raw)


# --- writing ------------------------------------------------------------------------------------

# Names under which the batch frames are visible to the SQL models for the length of one ingest.
_BATCH_RECORDS = "ingest_batch_records"
_BATCH_ARTICLES = "ingest_batch_articles"
_BATCH_LOG = "ingest_batch_log"
_BATCH_IDS = "ingest_batch_ids"


def _with_reused_ids(con: duckdb.DuckDBPyConnection, log: pl.DataFrame) -> pl.DataFrame:
    """Flag the records whose id an article already stored carries with another text, as a reuse within the
    batch is flagged: a feed reusing ids, or an article edited under the same id. Both texts are kept (the
    stored article is never touched); the log row says which article holds the id already."""
    ids = log.filter(pl.col("article_id").is_not_null() & pl.col("external_id").is_not_null())
    con.register(_BATCH_IDS, ids.select("external_id", "article_id").unique())
    try:
        reused = con.sql(model_sql("ingest_reused_ids")).pl()
    finally:
        con.unregister(_BATCH_IDS)
    if reused.is_empty():
        return log
    flagged = log.join(reused, on=["external_id", "article_id"], how="left", maintain_order="left")
    warning = (
        pl.when(pl.col("other_texts") == 1)
        .then(
            pl.format(
                "id '{}' is already stored with a different text (article {}, run {}); both are kept",
                pl.col("external_id"),
                pl.col("other_article_id"),
                pl.col("other_run_id"),
            )
        )
        .when(pl.col("other_texts") > 1)
        .then(
            pl.format(
                "id '{}' is already stored with {} different texts (article {}, run {}, among them); each is kept",
                pl.col("external_id"),
                pl.col("other_texts"),
                pl.col("other_article_id"),
                pl.col("other_run_id"),
            )
        )
    )
    return flagged.with_columns(reason=join_reasons(pl.col("reason"), warning)).select(log.columns)


def ingest_paths(
    con: duckdb.DuckDBPyConnection,
    paths: Sequence[Path],
    run_id: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> IngestSummary:
    """Read ``paths`` and write the new articles and one ``ingest_log`` row per input record.

    Both writes happen in one transaction: a failure leaves the database as it was. Records whose
    text is already stored are logged as ``duplicate``; a record whose id a stored article carries with
    another text is flagged in its reason. ``con`` must not be inside a transaction.
    """
    records, log = read_records(paths, max_bytes=max_bytes)
    con.begin()
    try:
        con.register(_BATCH_RECORDS, records.select("article_id"))
        # A relation, not execute(): DuckDB 2 hands polars frames out of relations only.
        known = con.sql(model_sql("ingest_known_articles")).pl().get_column("article_id")
        already = (pl.col("status") == "stored") & pl.col("article_id").is_in(known.implode())
        log = log.with_columns(
            status=pl.when(already).then(pl.lit("duplicate")).otherwise(pl.col("status")),
            reason=pl.when(already)
            .then(join_reasons(pl.lit("same text as an article already stored"), pl.col("reason")))
            .otherwise(pl.col("reason")),
        )
        log = _with_reused_ids(con, log)
        new_articles = records.filter(~pl.col("article_id").is_in(known.implode()))
        con.register(_BATCH_ARTICLES, new_articles)
        con.register(_BATCH_LOG, log)
        # Fetching finishes each statement: an open DuckDB 2 result holds the connection.
        run_model(con, "ingest_insert_articles", {"run_id": run_id}).fetchall()
        run_model(con, "ingest_insert_log", {"run_id": run_id}).fetchall()
        con.commit()
    except BaseException:
        con.rollback()
        raise
    finally:
        for name in (_BATCH_RECORDS, _BATCH_ARTICLES, _BATCH_LOG):
            con.unregister(name)
    counts = log.get_column("status").value_counts()
    by_status = dict(zip(counts.get_column("status"), counts.get_column("count"), strict=True))
    warnings = log.filter((pl.col("status") == "stored") & pl.col("reason").is_not_null()).height
    return IngestSummary(
        stored=int(by_status.get("stored", 0)),
        duplicate=int(by_status.get("duplicate", 0)),
        rejected=int(by_status.get("rejected", 0)),
        warnings=warnings,
    )

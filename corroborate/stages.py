"""The stages of a run, as plain functions over a staging database connection.

``flows/nightly.py`` wraps each of them in a Prefect task; tests and other tools call them directly.
Each stage reads what the previous ones wrote to the database, so a stage can be re-run on its own.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from corroborate import db

DEFAULT_BATCH_SIZE = 500
DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class BatchResult:
    """What storing one batch of extracted articles did."""

    articles: int
    claims_stored: int
    claims_rejected: int


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


def store_batch(
    con: duckdb.DuckDBPyConnection,
    articles: pl.DataFrame,
    claims: pl.DataFrame,
    run_id: str,
    extractor_version: str,
    **validation: Any,
) -> BatchResult:
    """Validate a batch's claims, store the valid ones and mark its articles extracted, atomically.

    Claims an earlier extractor version produced for these articles are replaced. ``validation`` goes to
    :func:`corroborate.validate.validate_claims` (e.g. ``suites_dir``).
    """
    from corroborate.validate import validate_claims

    candidates = with_claim_ids(claims, run_id)
    con.execute("BEGIN")
    try:
        valid = validate_claims(con, candidates, run_id, **validation)
        con.register("batch_articles", articles.select("article_id"))
        con.register("batch_claims", valid)
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
    return BatchResult(articles.height, valid.height, candidates.height - valid.height)


def count(con: duckdb.DuckDBPyConnection, table: str, run_id: str | None = None) -> int:
    """Rows of a stored table (all, or those of one run): used for run summaries."""
    model = {"claims": "count_claims", "rejects": "count_rejects"}[table]
    return int(db.scalar_model(con, model, {"run_id": run_id}))


def resolve_inputs(inputs: Sequence[str | Path] | None) -> list[Path]:
    """The input paths of a run: those given, or the sample articles in ``seeds/``."""
    if not inputs:
        return [db.PROJECT_ROOT / "seeds"]
    return [Path(p) for p in inputs]


def link_fingerprint(
    con: duckdb.DuckDBPyConnection,
    *,
    method: str,
    aliases: str | Path | None = None,
    subjects: str | Path | None = None,
    expectations: str | Path | None = None,
) -> str:
    """A digest of everything the link and score stages read: equal digests give equal results.

    It covers the stored articles and claims, the lexicon files, the validation suites, the scoring
    method and the code and SQL of linking and scoring (so an upgrade recomputes).
    """
    from corroborate.link import DEFAULT_SUBJECT_FILE
    from corroborate.sources import DEFAULT_ALIAS_FILE
    from corroborate.validate import EXPECTATIONS_DIR

    digest = hashlib.sha256()
    digest.update(json.dumps(db.query_model(con, "link_inputs").row(0)).encode())
    digest.update(method.encode())
    suites = Path(expectations) if expectations else EXPECTATIONS_DIR
    files = [
        Path(aliases) if aliases else DEFAULT_ALIAS_FILE,
        Path(subjects) if subjects else DEFAULT_SUBJECT_FILE,
        *sorted(suites.glob("*.json")),
        *sorted(db.MODELS_DIR.glob("*.sql")),
        *sorted(db.STATEMENTS_DIR.glob("*.sql")),
        *sorted((db.PROJECT_ROOT / "corroborate").glob("*.py")),
        *sorted((db.PROJECT_ROOT / "corroborate" / "lexicons").glob("*.csv")),
    ]
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def last_link_fingerprint(con: duckdb.DuckDBPyConnection) -> str | None:
    """The fingerprint of the last completed run that linked and scored, if any."""
    value = db.scalar_model(con, "runs_last_fingerprint")
    return str(value) if value is not None else None

"""The extract contract (docs/DESIGN.md §4.2): the columns an article frame may give the extractor, the
columns of the claims it returns, and the key of one claim. Light to import: no spaCy.
"""

from __future__ import annotations

import hashlib

import polars as pl

from corroborate.db import table_schema

# The extract contract (docs/DESIGN.md §4.2) is the claims table of sql/schema/claims.sql without the keys
# the store and the link stage add; offsets stay Int64, as polars counts characters.
CLAIM_SCHEMA: dict[str, pl.DataType] = {
    column: pl.Int64() if dtype == pl.Int32 else dtype
    for column, dtype in table_schema("claims", without=("claim_id", "quantity_id", "run_id")).items()
}
CLAIM_COLUMNS: tuple[str, ...] = tuple(CLAIM_SCHEMA)

REQUIRED_INPUT = ("article_id", "text")
# The columns an article frame may give the extractor (what the ingest stores; only REQUIRED_INPUT must be there).
INPUT_SCHEMA: dict[str, pl.DataType] = {
    "article_id": pl.String(),
    "external_id": pl.String(),
    "outlet": pl.String(),
    "language": pl.String(),
    "published_at": pl.Date(),
    "text": pl.String(),
}


def claim_id(article_id: str, char_start: int, char_end: int, source: str) -> str:
    """Stable short key of one claim: the same figure credited to the same source in the same article."""
    raw = f"{article_id}\x1f{int(char_start)}\x1f{int(char_end)}\x1f{source}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]

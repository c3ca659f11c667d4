"""What the score table shows by default, and the columns derived for people (rank, interval).

Adding a column to the default table is one line in :data:`SCORE_TABLE`; a column the scores of a
database do not have (an older database, or a kind of source without it) is skipped.
"""

from __future__ import annotations

import polars as pl

# column -> printed header, in the order printed (the default table of `cli.py score`).
SCORE_TABLE: dict[str, str] = {
    "rank": "#",
    "source": "source",
    "parent": "under",
    "claims": "claims",
    "corroborated": "corro-\nborated",
    "revised": "re-\nvised",
    "unresolved": "unre-\nsolved",
    "relayed_wrong": "relayed\nwrong",
    "score": "score",
    "interval": "90%\ninterval",
}
SCORE_DECIMALS: dict[str, int] = {"score": 2, "ci_low": 2, "ci_high": 2}
DERIVED: tuple[str, ...] = ("rank", "interval")
# shown only when the scores hold outlets (score_view drops them otherwise)
OUTLET_ONLY: tuple[str, ...] = ("relayed_wrong",)


def score_view(scores: pl.DataFrame) -> pl.DataFrame:
    """``scores`` (ranked, best first) with ``rank`` in front and ``interval`` ("0.22–0.97") at the end."""
    frame = scores.with_row_index("rank", offset=1).with_columns(pl.col("rank").cast(pl.Int64))
    if "kind" in frame.columns and not (frame["kind"] == "outlet").any():
        frame = frame.drop([c for c in OUTLET_ONLY if c in frame.columns])
    if {"ci_low", "ci_high"} <= set(frame.columns):
        interval = pl.struct("ci_low", "ci_high").map_elements(
            lambda b: f"{b['ci_low']:.2f}–{b['ci_high']:.2f}", return_dtype=pl.String
        )
        frame = frame.with_columns(interval.alias("interval"))
    return frame


def default_score_columns(*, table: bool, available: list[str]) -> list[str]:
    """Columns shown without ``--columns``: :data:`SCORE_TABLE` for a table; for JSON, JSON lines, CSV and
    ``--all``, every column of ``available`` (``rank`` and the stored ones; the ``interval`` text aside)."""
    if not table:
        return [c for c in available if c != "interval"]
    return [c for c in SCORE_TABLE if c not in OUTLET_ONLY or c in available]

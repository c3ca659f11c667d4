"""What the score table shows by default, and the columns derived for people (rank, interval).

Adding a column to the default table is one line in :data:`SCORE_TABLE`; a column the scores of a
database do not have (an older database, or a kind of source without it) is skipped.

A source none of whose claims is decided yet (no claim corroborated or revised) has no score to speak of:
its stored score is the prior's middle (0.50, 0.05–0.95). It ranks after every scored source, and the table
shows :data:`UNDECIDED` in place of its score and interval, with :data:`UNDECIDED_NOTE` below.
"""

from __future__ import annotations

from typing import Any

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
UNDECIDED = "—"
UNDECIDED_NOTE = f"{UNDECIDED} not yet checked: no claim of this source is corroborated or revised yet."
# shown only when the scores hold outlets (score_view drops them otherwise)
OUTLET_ONLY: tuple[str, ...] = ("relayed_wrong",)


def decided(scores: pl.DataFrame) -> pl.Series:
    """Per source, whether any of its claims is decided (corroborated or revised), so that its score means something."""
    if not {"corroborated", "revised"} <= set(scores.columns):
        return pl.Series("decided", [True] * scores.height, dtype=pl.Boolean)
    return ((scores["corroborated"].fill_null(0) + scores["revised"].fill_null(0)) > 0).alias("decided")


def score_view(scores: pl.DataFrame) -> pl.DataFrame:
    """``scores`` (ranked, best first; sources with no decided claim after every other, in their order) with
    ``rank`` in front and ``interval`` ("0.22–0.97") at the end. The stored columns keep their values."""
    order = decided(scores)
    frame = pl.concat([scores.filter(order), scores.filter(~order)])
    frame = frame.with_row_index("rank", offset=1).with_columns(pl.col("rank").cast(pl.Int64))
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


def score_table(shown: pl.DataFrame, view: pl.DataFrame) -> tuple[pl.DataFrame, str | None]:
    """The rows of a score table for people: ``shown`` (columns of :func:`score_view`'s ``view``, same rows)
    where a source with no decided claim has no score nor interval (null, printed :data:`UNDECIDED`); with the
    note to print below the table when there is such a source."""
    undecided = ~decided(view)
    if not undecided.any():
        return shown, None
    blanked = [
        pl.when(undecided).then(None).otherwise(pl.col(name)).alias(name)
        for name in ("score", "ci_low", "ci_high", "interval")
        if name in shown.columns
    ]
    return shown.with_columns(blanked), UNDECIDED_NOTE


# column -> printed header, in the order printed (the default table of `cli.py runs`).
# the counts of a run, in the summary line
RUN_COUNTS = (
    "articles_new", "articles_duplicate", "articles_rejected", "articles_extracted", "claims_new", "claims_total",
    "rejects",
)  # fmt: skip
RUNS_TABLE: dict[str, str] = {
    "run_id": "run",
    "status": "status",
    "started_at": "started",
    "seconds": "seconds",
    "articles_new": "new\narticles",
    "articles_rejected": "rejected\narticles",
    "claims_new": "new\nclaims",
    "claims_total": "claims",
    "rejects": "rejected\nrows",
    "reason": "reason",
}


def runs_view(runs: pl.DataFrame) -> pl.DataFrame:
    """``runs`` for a table: times to the second (JSON and CSV keep them whole)."""
    times = [name for name in ("started_at", "ended_at") if name in runs.columns]
    return runs.with_columns(pl.col(name).dt.strftime("%Y-%m-%d %H:%M:%S") for name in times)


def run_summary(row: dict[str, Any]) -> str:
    """The one-line summary of a finished run from its ``runs_history`` row: the line ``run`` prints for a
    completed run, its status and reason for another."""
    from corroborate.store import RunRecord

    if row["status"] != "completed":
        return f"run {row['run_id']}: {row['status']}" + (f": {row['reason']}" if row.get("reason") else "")
    counts: dict[str, Any] = {name: int(row.get(name) or 0) for name in RUN_COUNTS}
    stages = row.get("stage_seconds") or {}
    if isinstance(stages, list):  # a DuckDB MAP read through polars: a list of {key, value}
        stages = {item["key"]: item["value"] for item in stages}
    record = RunRecord(
        run_id=row["run_id"],
        inputs=list(row.get("inputs") or []),
        extractor_version=row.get("extractor_version") or "",
        stage_seconds=dict(stages),
        **counts,
    )
    return record.summary_line()


def rejects_hint(run_id: str, records: int, rows: int) -> str | None:
    """What a run rejected, with the command that lists it: ``records`` input records (``ingest_log``) and
    ``rows`` rows refused by the expectation suites (``rejects``), each query naming only the kind that has
    rows; None when nothing was rejected. Run ids are letters, digits and dashes: safe in the quotes."""
    where = f"run_id = '{run_id}'"
    queries = []
    if records:
        queries.append(f"SELECT * FROM ingest_log WHERE {where} AND status = 'rejected'")
    if rows:
        queries.append(f"SELECT * FROM rejects WHERE {where}")
    if not queries:
        return None
    commands = " and ".join(f'`corroborate query "{query}"`' for query in queries)
    return f"{records} input record(s) and {rows} row(s) rejected: see {commands}"

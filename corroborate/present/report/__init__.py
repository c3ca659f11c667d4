"""The HTML report: one self-contained page that shows whose figures hold up, and why.

``build_report(con, out, method=...)`` reads a database (a read-only connection is enough) and writes one
HTML file that opens offline: the Vega JavaScript is inlined, the data of every chart is in its spec, and
nothing is fetched from the network. The page shows

- the leaderboard: share of checked figures that held up per source, with the range we are 90% sure of,
  for sources with at least 5 claims (a slider goes down to 1), and every source in a table under it;
- one timeline per quantity, each over its own dates, titled in words (what, where, when), a colour and a
  written label per source, links between figures that corroborate or contradict each other, and the
  figures without a date in a table under it;
- the run history and the latest validation summary.

The package is split by job: ``data`` (reading the SQL views), ``charts`` (Vega-Lite specs), ``page`` (the
HTML template) and ``browser`` (the JavaScript bundle cache and headless Chromium).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from corroborate.present.report.browser import find_chromium, png_colours, render_dom, screenshot, vega_bundle
from corroborate.present.report.charts import (
    EMBED_OPTIONS,
    leaderboard_chart,
    runs_chart,
    timeline_chart,
    validation_chart,
    vega_lite_spec,
)
from corroborate.present.report.data import (
    MAX_RUNS,
    MAX_TIMELINES,
    UNIT_FAMILY_WORDS,
    ReportData,
    leaderboard_frame,
    load_report_data,
    starting_min_claims,
    stated_words,
    timeline_frames,
)
from corroborate.present.report.page import render_page, when

__all__ = [
    "ReportData", "build_report", "find_chromium", "load_report_data", "png_colours", "render_dom", "screenshot",
    "vega_bundle",
]  # fmt: skip


def _value_words(row: dict[str, Any], *, percent: bool) -> str:
    """A figure as its source stated it, for a table: ``11,000``, ``at least 3,800``, ``9–11``."""
    return stated_words(row["value"], row["qualifier"], row["value_low"], row["value_high"], percent=percent)


def report_context(data: ReportData) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """What the template shows, and the Vega-Lite spec of each chart by the id of its ``<div>``."""
    board = leaderboard_frame(data.scores)
    panels, points, links = timeline_frames(data)
    specs: dict[str, dict[str, Any]] = {}
    if board.height:
        specs["leaderboard"] = vega_lite_spec(leaderboard_chart(board))
    panel_rows = []
    for panel in panels.iter_rows(named=True):
        number = panel["panel"]
        mine = points.filter(pl.col("panel") == number)
        if panel["dated"]:
            specs[f"timeline-{number}"] = vega_lite_spec(
                timeline_chart(panel, mine, links.filter(pl.col("panel") == number))
            )
        undated = mine.filter(pl.col("published_at").is_null()).sort("source", "value", "claim_id")
        percent = panel["unit_words"] == UNIT_FAMILY_WORDS["ratio"]
        rows = [{**u, "value_words": _value_words(u, percent=percent)} for u in undated.iter_rows(named=True)]
        panel_rows.append({**panel, "undated_rows": rows})
    if data.runs.height:
        specs["runs"] = vega_lite_spec(runs_chart(data.runs))
    validation = None
    if data.validation.height:
        specs["validation-chart"] = vega_lite_spec(validation_chart(data.validation))
        validation = {
            "run": data.validation_run,
            "passed": int(data.validation["success"].sum()),
            "total": data.validation.height,
            "failed": data.validation.filter(~pl.col("success")).sort("suite", "expectation").to_dicts(),
        }
    on_quantities = data.claims.filter(pl.col("quantity_id").is_not_null()).height
    run = data.run
    starting = starting_min_claims(board)
    context = {
        "title": "corroborate report",
        "run": {**run, "when": when(run["ended_at"] or run["started_at"])} if run else None,
        "method": data.method,
        "built": when(dt.datetime.now()),
        "facts": [
            (data.claims["article_id"].n_unique(), "articles with claims"),
            (data.claims.height, "claims"),
            (data.quantities.height, "quantities"),
            (board.height, "sources scored"),
            (data.claims.filter(pl.col("outcome") == "corroborated").height, "claims corroborated"),
            (data.claims.filter(pl.col("outcome") == "revised").height, "claims revised"),
        ],
        "leaderboard": board.to_dicts(),
        "min_claims": starting,
        "shown": board.filter((pl.col("claims").cast(pl.Int64) >= starting) & (pl.col("decided") > 0)).height
        if board.height
        else 0,
        "undecided": board.filter(pl.col("decided") == 0).height if board.height else 0,
        "scored": board.height,
        "panels": panel_rows,
        "hidden_figures": max(on_quantities - points.height, 0),
        "max_runs": MAX_RUNS,
        "max_panels": MAX_TIMELINES,
        "has_runs": data.runs.height > 0,
        "validation": validation,
        "embed_options": EMBED_OPTIONS,
        "specs": specs,
    }
    return context, specs


def build_report(con: duckdb.DuckDBPyConnection, out: Path, *, method: str = "simple") -> Path:
    """Write the HTML report of the database behind ``con`` (read-only is enough) to ``out``; returns ``out``.

    ``method`` is the scoring method whose scores the leaderboard shows.
    """
    from corroborate.paths import write_atomically

    context, _ = report_context(load_report_data(con, method=method))
    # Beside the target, then renamed over it: an interrupted write never leaves half a page.
    return write_atomically(Path(out), render_page(context, bundle=vega_bundle()))

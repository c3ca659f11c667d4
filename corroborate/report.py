"""The HTML report: one self-contained page that shows whose figures hold up, and why.

``build_report(con, out)`` reads a database (a read-only connection is enough) and writes one HTML file
that opens offline: the Vega, Vega-Lite and vega-embed JavaScript is inlined, the data of every chart is
inlined in its Vega-Lite spec, and nothing is fetched from the network. The page shows

- the leaderboard of ``current_scores``: score and 90 % credible interval per source, with its counts, in
  the order of ``cli.py score``, filterable by kind in the page; a plain HTML table of the same rows under it;
- one timeline per quantity: each figure's value (and interval) against its article's date, coloured by
  source, revised figures ringed, lines from a figure to the figures that corroborate or contradict it
  (``claim_evidence``);
- the run history (``runs``) and the latest validation summary (``validation_results``).

Charts are Altair (Vega-Lite) specs rendered by the browser with the SVG renderer, so their marks are in
the DOM. The JavaScript bundle comes from ``vl-convert-python``; building it costs seconds, so it is
cached on disk per Vega-Lite and vl-convert version (``bundle_cache_dir``).

``screenshot`` and ``render_dom`` open a page in headless Chromium (Debian's ``chromium`` package) with
the network cut off, to check that it renders offline.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from corroborate import vocab

MAX_TIMELINES = 30  # quantities drawn, those with most dated claims first; the rest are counted in the page
MAX_RUNS = 30  # most recent runs in the history chart
TIMELINE_WIDTH = 360
TIMELINE_HEIGHT = 170
LEADERBOARD_STEP = 20  # pixels per source row
# Figures of one quantity published the same day are spread over at most this fraction of a day, so that
# one source's point does not hide another's; tooltips give the real date.
SAME_DAY_SPREAD = 0.6

OUTCOME_COLORS = {"corroborated": "#2ca02c", "revised": "#d62728", "unresolved": "#9e9e9e"}
OUTCOME_SHAPES = {"corroborated": "circle", "revised": "cross", "unresolved": "diamond"}
KIND_COLORS = {"official": "#1f77b4", "outlet": "#ff7f0e"}
# claim_evidence relations drawn as links, and how they are named in the page
LINK_RELATIONS = {
    "corroborates": "corroborated by",
    "reaches": "corroborated by",
    "contradicts": "contradicted by",
    "corrects": "corrected by its source",
    "falls_short": "contradicted by",
}
LINK_COLORS = {"corroborated by": "#555555", "contradicted by": "#d62728", "corrected by its source": "#d62728"}

EMBED_OPTIONS: dict[str, Any] = {
    "renderer": "svg",  # marks end up in the DOM: readable by screen readers, searchable, testable
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
}
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
SCREENSHOT_SIZE = (1280, 2000)


# ---------------------------------------------------------------------------------------------- data


def _read(
    con: duckdb.DuckDBPyConnection, table: str, schema: dict[str, type[pl.DataType] | pl.DataType]
) -> pl.DataFrame:
    """The columns ``schema`` of ``table``; an empty frame when the table does not exist yet.

    A database that no run has linked yet has only the stored tables, and the report still builds.
    """
    try:
        frame = con.table(table).select(*schema).pl()
    except duckdb.CatalogException:
        return pl.DataFrame(schema=schema)
    return frame.cast(dict(schema))  # type: ignore[arg-type]


@dataclass
class ReportData:
    """Everything the page shows, read once from the database."""

    method: str
    run: dict[str, Any] | None  # the completed run the scores come from
    scores: pl.DataFrame  # ranked, the columns of corroborate.score.SCORE_COLUMNS
    claims: pl.DataFrame  # one row per claim with its article, source, outcome and quantity
    links: pl.DataFrame  # claim -> evidence claim, for the relations in LINK_RELATIONS
    quantities: pl.DataFrame
    runs: pl.DataFrame
    validation: pl.DataFrame  # results of validation_run
    validation_run: str | None


def load_report_data(con: duckdb.DuckDBPyConnection, *, method: str = "simple") -> ReportData:
    """Read what the report shows: current scores, claims with their outcomes, runs, validation."""
    from corroborate.score import scores as current_scores

    scores = current_scores(con, method=method)
    runs = _read(
        con,
        "runs",
        {
            "run_id": pl.String, "started_at": pl.Datetime, "ended_at": pl.Datetime, "status": pl.String,
            "reason": pl.String, "articles_new": pl.Int64, "articles_duplicate": pl.Int64,
            "articles_rejected": pl.Int64, "claims_new": pl.Int64, "claims_total": pl.Int64, "rejects": pl.Int64,
        },
    ).sort("started_at")  # fmt: skip
    scored_run = scores["run_id"].first() if scores.height else None
    completed = runs.filter(pl.col("status") == "completed")
    run_row = runs.filter(pl.col("run_id") == scored_run) if scored_run is not None else completed.tail(1)
    run = run_row.row(0, named=True) if run_row.height else None

    claims = (
        _read(
            con,
            "claims",
            {
                "claim_id": pl.String,
                "article_id": pl.String,
                "source": pl.String,
                "attributed": pl.Boolean,
                "value": pl.Float64,
                "value_low": pl.Float64,
                "value_high": pl.Float64,
                "qualifier": pl.String,
                "unit": pl.String,
                "text": pl.String,
                "quantity_id": pl.String,
            },
        )
        .join(
            _read(
                con,
                "articles",
                {"article_id": pl.String, "outlet": pl.String, "title": pl.String, "published_at": pl.Date},
            ),
            on="article_id",
            how="left",
        )
        .join(
            _read(con, "claim_outcomes", {"claim_id": pl.String, "outcome": pl.String, "reason": pl.String}),
            on="claim_id",
            how="left",
        )
        .join(_read(con, "claim_sources", {"claim_id": pl.String, "source_id": pl.String}), on="claim_id", how="left")
        .join(
            _read(con, "sources", {"source_id": pl.String, "name": pl.String}),
            on="source_id",
            how="left",
        )
        .with_columns(
            # the canonical name scores are given under; the name as written when the link stage has not run
            pl.coalesce("name", "source").alias("source_name"),
            pl.col("outcome").fill_null("unresolved"),
        )
    )
    links = (
        _read(con, "claim_evidence", {"claim_id": pl.String, "evidence_claim_id": pl.String, "relation": pl.String})
        .filter(pl.col("relation").is_in(list(LINK_RELATIONS)))
        .with_columns(pl.col("relation").replace_strict(LINK_RELATIONS).alias("link"))
    )
    quantities = _read(con, "quantities", {"quantity_id": pl.String, "label": pl.String})
    validation_all = _read(
        con,
        "validation_results",
        {
            "run_id": pl.String, "suite": pl.String, "table_name": pl.String, "expectation": pl.String,
            "column_name": pl.String, "success": pl.Boolean, "element_count": pl.Int64,
            "unexpected_count": pl.Int64, "observed_value": pl.String, "validated_at": pl.Datetime,
        },
    )  # fmt: skip
    # the latest run that validated anything: a run with nothing new to validate records no results
    validation_run = str(validation_all.sort("validated_at", "run_id")["run_id"][-1]) if validation_all.height else None
    validation = validation_all.filter(pl.col("run_id") == validation_run) if validation_run else validation_all
    return ReportData(
        method=method,
        run=run,
        scores=scores,
        claims=claims,
        links=links,
        quantities=quantities,
        runs=runs,
        validation=validation,
        validation_run=validation_run,
    )


def _records(frame: pl.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts: dates and times become ISO strings that Vega reads as UTC.

    A time without a zone would be read in the browser's zone and move the marks of a date-only axis, so
    times (which here place date-only facts within their day) are written with ``Z``.
    """
    return frame.with_columns(
        pl.col(pl.Date).dt.strftime("%Y-%m-%d"),
        pl.col(pl.Datetime).dt.strftime("%Y-%m-%dT%H:%M:%SZ"),
    ).to_dicts()


# -------------------------------------------------------------------------------------------- charts


def _count_axis(largest: int) -> Any:
    """An axis of whole numbers: for small counts Vega would put ticks at halves."""
    import altair as alt

    return alt.Axis(format="d", values=list(range(largest + 1))) if largest <= 10 else alt.Axis(format="d")


def leaderboard_frame(scores: pl.DataFrame) -> pl.DataFrame:
    """One row per scored source, in rank order, with a unique label for the chart's rows."""
    return scores.with_row_index("rank", offset=1).with_columns(
        # a name can be both an outlet and an official; the label keeps the two rows apart
        pl.when(pl.col("source").is_duplicated())
        .then(pl.format("{} ({})", "source", "kind"))
        .otherwise(pl.col("source"))
        .alias("label"),
        (pl.col("corroborated") + pl.col("revised")).alias("decided"),
        pl.col("parent").fill_null(""),
    )


def leaderboard_chart(board: pl.DataFrame) -> tuple[Any, dict[str, pl.DataFrame]]:
    """Score and 90 % credible interval per source, beside its claims by outcome; filterable by kind.

    Returns the chart and its named datasets.
    """
    import altair as alt

    rows = board.select(
        "rank", "label", "source", "kind", "parent", "claims", "corroborated", "revised", "unresolved",
        "decided", "score", "ci_low", "ci_high",
    )  # fmt: skip
    data = alt.NamedData(name="leaderboard")
    # the rank order as an explicit list: two panels with different transforms cannot share a sort by field
    order = rows["label"].to_list()
    kind = alt.param(
        name="kind_filter",
        value="all",
        bind=alt.binding_radio(
            options=["all", *vocab.SOURCE_KINDS], labels=["all", "outlets", "officials"], name="Show "
        ),
    )
    most_claims = int(board.select(pl.col("claims").max()).item() or 0)
    min_claims = alt.param(
        name="min_claims",
        value=0,
        bind=alt.binding_range(min=0, max=max(most_claims, 1), step=1, name="with at least this many claims "),
    )
    y = alt.Y(
        "label:N",
        sort=order,
        title=None,
        axis=alt.Axis(labelLimit=260, labelFontSize=12),
    )
    tooltip = [
        alt.Tooltip("rank:Q"), alt.Tooltip("source:N"), alt.Tooltip("kind:N"), alt.Tooltip("parent:N", title="under"),
        alt.Tooltip("score:Q", format=".2f"), alt.Tooltip("ci_low:Q", format=".2f", title="90% CI low"),
        alt.Tooltip("ci_high:Q", format=".2f", title="90% CI high"), alt.Tooltip("claims:Q"),
        alt.Tooltip("corroborated:Q"), alt.Tooltip("revised:Q"), alt.Tooltip("unresolved:Q"),
    ]  # fmt: skip
    base = (
        alt.Chart(data)
        .transform_filter("(kind_filter == 'all' || datum.kind == kind_filter) && datum.claims >= min_claims")
        .properties(height=alt.Step(LEADERBOARD_STEP))
    )
    kind_color = alt.Color(
        "kind:N",
        scale=alt.Scale(domain=list(KIND_COLORS), range=list(KIND_COLORS.values())),
        legend=alt.Legend(title="kind", orient="top"),
    )
    # both layers carry the same title: Vega-Lite would join two different ones with a comma
    score_title = "score: posterior mean (dot) and 90% credible interval (bar)"
    score_x = alt.X("ci_low:Q", scale=alt.Scale(domain=[0, 1]), title=score_title, axis=alt.Axis(format=".1f"))
    interval = (
        base.mark_rule(strokeWidth=4, opacity=0.45)
        .encode(y=y, x=score_x, x2="ci_high:Q", color=kind_color, tooltip=tooltip)
        .properties(name="leaderboard_intervals")
    )
    point = (
        base.mark_point(filled=True, size=70, opacity=1)
        .encode(y=y, x=alt.X("score:Q", title=score_title), color=kind_color, tooltip=tooltip)
        .properties(name="leaderboard_points")
    )
    scores_panel = alt.layer(interval, point).properties(width=420, name="leaderboard_scores")
    counts_panel = (
        base.transform_fold(list(vocab.CLAIM_OUTCOMES), as_=["outcome", "count"])
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=order, axis=None),
            x=alt.X("count:Q", stack="zero", title="claims by outcome", axis=_count_axis(most_claims)),
            color=alt.Color(
                "outcome:N",
                scale=alt.Scale(domain=list(OUTCOME_COLORS), range=list(OUTCOME_COLORS.values())),
                legend=alt.Legend(title="outcome", orient="top"),
            ),
            order=alt.Order("outcome_order:Q"),
            tooltip=tooltip,
        )
        .transform_calculate(outcome_order=f"indexof({json.dumps(list(vocab.CLAIM_OUTCOMES))}, datum.outcome)")
        .properties(width=260, name="leaderboard_counts")
    )
    chart = (
        alt.hconcat(scores_panel, counts_panel, spacing=12)
        .add_params(kind, min_claims)
        .resolve_scale(color="independent", y="shared")
        .resolve_legend(color="independent")
    )
    return chart, {"leaderboard": rows}


def timeline_frames(data: ReportData) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """``(points, links, drawn quantities)`` of the timelines.

    Quantities are drawn most dated claims first, up to ``MAX_TIMELINES``; claims without a date cannot be
    placed on a time axis and are counted per quantity instead.
    """
    claims = data.claims.filter(pl.col("quantity_id").is_not_null())
    counted = (
        claims.group_by("quantity_id")
        .agg(
            pl.col("published_at").is_not_null().sum().alias("dated"),
            pl.col("published_at").is_null().sum().alias("undated"),
            pl.col("source_name").n_unique().alias("sources"),
            pl.col("unit").unique().sort().str.join(", ").alias("units"),
        )
        .filter(pl.col("dated") > 0)
        .join(data.quantities, on="quantity_id", how="left")
        .with_columns(pl.col("label").fill_null(pl.col("quantity_id")))
        .sort(["dated", "sources", "label", "quantity_id"], descending=[True, True, False, False])
        .with_row_index("panel")
    )
    drawn = counted.head(MAX_TIMELINES)
    points = (
        claims.join(drawn.select("quantity_id", "panel"), on="quantity_id")
        .filter(pl.col("published_at").is_not_null())
        .sort("panel", "published_at", "source_name", "value", "claim_id")
        .with_columns(
            pl.len().over("quantity_id", "published_at").alias("_same_day"),
            pl.int_range(pl.len()).over("quantity_id", "published_at").alias("_nth"),
        )
        .with_columns(
            # spread same-day figures around noon of their day
            (
                pl.col("published_at").cast(pl.Datetime("ms"))
                + pl.duration(
                    milliseconds=(
                        (
                            0.5
                            + (pl.col("_nth") - (pl.col("_same_day") - 1) / 2)
                            * (SAME_DAY_SPREAD / pl.col("_same_day").clip(lower_bound=1))
                        )
                        * 86_400_000
                    ).cast(pl.Int64)
                )
            ).alias("placed_at"),
        )
        .drop("_same_day", "_nth")
    )
    ends = points.select("claim_id", "placed_at", "value", "source_name")
    links = (
        data.links.join(ends, on="claim_id")
        .join(
            ends.rename(
                {
                    "claim_id": "evidence_claim_id",
                    "placed_at": "evidence_at",
                    "value": "evidence_value",
                    "source_name": "evidence_source",
                }
            ),
            on="evidence_claim_id",
        )
        .join(points.select("claim_id", "panel"), on="claim_id")
        .sort("panel", "claim_id", "evidence_claim_id", "link")
        # a pair that corroborates each other is one line
        .with_columns(
            pl.min_horizontal("claim_id", "evidence_claim_id").alias("_a"),
            pl.max_horizontal("claim_id", "evidence_claim_id").alias("_b"),
        )
        .unique(subset=["_a", "_b", "link"], keep="first", maintain_order=True)
        .drop("_a", "_b")
    )
    return points, links, drawn


def timeline_chart(
    points: pl.DataFrame, links: pl.DataFrame, drawn: pl.DataFrame
) -> tuple[Any, dict[str, pl.DataFrame]]:
    """One small timeline per quantity, two per row, on a common time axis; the chart and its datasets.

    Every panel reads the same two named datasets, filtered to its quantity: the data is in the spec once,
    and Altair does not copy it with every panel.
    """
    import altair as alt

    start = points["published_at"].min()
    end = points["published_at"].max()
    assert isinstance(start, dt.date) and isinstance(end, dt.date)
    start, end = start - dt.timedelta(days=1), end + dt.timedelta(days=2)
    x_scale = alt.Scale(
        type="utc",
        domain=[
            alt.DateTime(year=start.year, month=start.month, date=start.day, utc=True),
            alt.DateTime(year=end.year, month=end.month, date=end.day, utc=True),
        ],
    )
    x_axis = alt.Axis(format="%d %b %Y", labelAngle=0, tickCount=6, title="article date")
    point_rows = points.select(
        "panel", "claim_id", "placed_at", "published_at", "source_name", "outlet", "title", "text", "value",
        "value_low", "value_high", "qualifier", "unit", "outcome", "reason",
    )  # fmt: skip
    link_rows = links.select(
        "panel", "placed_at", "value", "evidence_at", "evidence_value", "link", "source_name", "evidence_source"
    )
    tooltip = [
        alt.Tooltip("source_name:N", title="source"),
        alt.Tooltip("published_at:N", title="published"),  # as stored: no time zone shift
        alt.Tooltip("outlet:N"), alt.Tooltip("title:N", title="article"), alt.Tooltip("text:N", title="figure"),
        alt.Tooltip("value:Q", format=",.4~g"), alt.Tooltip("value_low:Q", format=",.4~g", title="low"),
        alt.Tooltip("value_high:Q", format=",.4~g", title="high"), alt.Tooltip("qualifier:N"),
        alt.Tooltip("outcome:N"), alt.Tooltip("reason:N"),
    ]  # fmt: skip
    panels = []
    link_counts = link_rows.group_by("panel").len("links")
    drawn = drawn.join(link_counts, on="panel", how="left").with_columns(pl.col("links").fill_null(0)).sort("panel")
    for quantity in drawn.iter_rows(named=True):
        panel = quantity["panel"]
        in_panel = alt.datum.panel == panel
        base = alt.Chart(alt.NamedData(name="timeline_points")).transform_filter(in_panel)
        color = alt.Color(
            "source_name:N", scale=alt.Scale(scheme="tableau10"), legend=alt.Legend(title="source", labelLimit=170)
        )
        # SI prefixes per label ("0", "500", "12k", "1.2M"), with "B" for billions as news write them
        y_axis = alt.Axis(tickCount=5, labelExpr="replace(format(datum.value, '~s'), 'G', 'B')")
        y = alt.Y("value_low:Q", title=quantity["units"], axis=y_axis)
        value_y = alt.Y("value:Q", title=quantity["units"])
        x = alt.X("placed_at:T", title="article date", scale=x_scale, axis=x_axis)
        layers = []
        if quantity["links"]:
            layers.append(
                alt.Chart(alt.NamedData(name="timeline_links"))
                .transform_filter(in_panel)
                .mark_rule(strokeWidth=1.5, opacity=0.8)
                .encode(
                    x=x,
                    x2="evidence_at:T",
                    y=value_y,
                    y2="evidence_value:Q",
                    stroke=alt.Stroke(
                        "link:N",
                        scale=alt.Scale(domain=list(LINK_COLORS), range=list(LINK_COLORS.values())),
                        legend=alt.Legend(title="link", orient="top", direction="horizontal"),
                    ),
                    strokeDash=alt.StrokeDash(
                        "link:N",
                        scale=alt.Scale(domain=list(LINK_COLORS), range=[[1, 0], [5, 3], [2, 2]]),
                        legend=alt.Legend(title="link", orient="top", direction="horizontal"),
                    ),
                    tooltip=[
                        alt.Tooltip("source_name:N", title="figure of"),
                        alt.Tooltip("link:N"),
                        alt.Tooltip("evidence_source:N", title="by"),
                    ],
                )
                .properties(name=f"timeline_{panel}_links")
            )
        layers += [
            base.mark_rule(strokeWidth=3, opacity=0.5)
            .encode(x=x, y=y, y2="value_high:Q", color=color, tooltip=tooltip)
            .properties(name=f"timeline_{panel}_intervals"),
            base.transform_filter("datum.outcome == 'revised'")
            .mark_point(shape="circle", size=320, filled=False, strokeWidth=2, color=OUTCOME_COLORS["revised"])
            .encode(x=x, y=value_y, tooltip=tooltip)
            .properties(name=f"timeline_{panel}_revised"),
            base.mark_point(filled=True, size=80, opacity=0.95)
            .encode(
                x=x,
                y=value_y,
                color=color,
                shape=alt.Shape(
                    "outcome:N",
                    scale=alt.Scale(domain=list(OUTCOME_SHAPES), range=list(OUTCOME_SHAPES.values())),
                    legend=alt.Legend(title="outcome", orient="top", direction="horizontal"),
                ),
                tooltip=tooltip,
            )
            .properties(name=f"timeline_{panel}_points"),
        ]
        title = quantity["label"]
        subtitle = f"{quantity['dated']} dated figure(s) from {quantity['sources']} source(s)"
        if quantity["undated"]:
            subtitle += f"; {quantity['undated']} undated, not drawn"
        # sizes, titles and resolutions go to the constructors: each chained call deep-copies the chart
        panels.append(
            alt.layer(
                *layers,
                width=TIMELINE_WIDTH,
                height=TIMELINE_HEIGHT,
                title=alt.TitleParams(title, subtitle=subtitle, anchor="start", fontSize=13, subtitleColor="#555"),
            )
        )
    shared = {"shape": "shared", "stroke": "shared", "strokeDash": "shared"}
    chart = alt.concat(
        *panels,
        columns=2,
        spacing=28,
        resolve=alt.Resolve(scale={"color": "independent", **shared}, legend={"color": "independent", **shared}),
    )
    return chart, {"timeline_points": point_rows, "timeline_links": link_rows}


RUN_MEASURES = {
    "articles_new": "articles stored",
    "claims_new": "claims added",
    "articles_rejected": "input records rejected",
    "rejects": "rows rejected by expectations",
}


def runs_chart(runs: pl.DataFrame) -> tuple[Any, dict[str, pl.DataFrame]]:
    """Articles, claims and rejects of the latest runs, one group of bars per run."""
    import altair as alt

    rows = (
        runs.tail(MAX_RUNS)
        .with_columns(
            pl.format("{} · {}", pl.col("started_at").dt.strftime("%Y-%m-%d %H:%M"), "status").alias("run"),
            ((pl.col("ended_at") - pl.col("started_at")).dt.total_milliseconds() / 1000).round(1).alias("seconds"),
            pl.col("reason").fill_null(""),
            pl.int_range(pl.len()).alias("order"),
        )
        .unpivot(
            index=["run", "run_id", "status", "reason", "seconds", "order"],
            on=list(RUN_MEASURES),
            variable_name="measure",
            value_name="count",
        )
        .with_columns(pl.col("measure").replace_strict(RUN_MEASURES), pl.col("count").fill_null(0))
    )
    chart = (
        alt.Chart(alt.NamedData(name="runs"))
        .mark_bar()
        .encode(
            x=alt.X(
                "run:N",
                sort=alt.EncodingSortField(field="order", order="ascending"),
                title="run (start · status)",
                axis=alt.Axis(labelAngle=-30, labelLimit=220),
            ),
            xOffset=alt.XOffset("measure:N", sort=list(RUN_MEASURES.values())),
            y=alt.Y("count:Q", title="rows", axis=_count_axis(int(rows.select(pl.col("count").max()).item() or 0))),
            color=alt.Color("measure:N", sort=list(RUN_MEASURES.values()), legend=alt.Legend(title=None, orient="top")),
            opacity=alt.condition("datum.status == 'completed'", alt.value(1.0), alt.value(0.35)),
            tooltip=[
                alt.Tooltip("run_id:N", title="run"),
                alt.Tooltip("status:N"),
                alt.Tooltip("reason:N"),
                alt.Tooltip("seconds:Q"),
                alt.Tooltip("measure:N"),
                alt.Tooltip("count:Q"),
            ],  # fmt: skip
        )
        .properties(width=alt.Step(18), height=220, name="runs_bars")
    )
    return chart, {"runs": rows}


def validation_chart(results: pl.DataFrame) -> tuple[Any, dict[str, pl.DataFrame]]:
    """Expectations passed and failed per suite, for one run."""
    import altair as alt

    rows = (
        results.group_by("suite")
        .agg(pl.col("success").sum().alias("passed"), (~pl.col("success")).sum().alias("failed"))
        .unpivot(index="suite", variable_name="result", value_name="expectations")
        .sort("suite", "result")
    )
    chart = (
        alt.Chart(alt.NamedData(name="validation"))
        .mark_bar()
        .encode(
            y=alt.Y("suite:N", title="suite", sort="ascending"),
            x=alt.X("expectations:Q", stack="zero", title="expectations", axis=_count_axis(results.height)),
            color=alt.Color(
                "result:N",
                scale=alt.Scale(
                    domain=["passed", "failed"], range=[OUTCOME_COLORS["corroborated"], OUTCOME_COLORS["revised"]]
                ),
                legend=alt.Legend(title=None, orient="top"),
            ),
            tooltip=[alt.Tooltip("suite:N"), alt.Tooltip("result:N"), alt.Tooltip("expectations:Q")],
        )
        .properties(width=520, height=alt.Step(26), name="validation_bars")
    )
    return chart, {"validation": rows}


# ---------------------------------------------------------------------------------------- JavaScript


def bundle_cache_dir() -> Path:
    """Where the inlined JavaScript bundle is cached: ``$XDG_CACHE_HOME/corroborate`` (or ``~/.cache``)."""
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "corroborate"


@functools.cache
def vega_bundle() -> str:
    """The vega + vega-lite + vega-embed JavaScript for Altair's Vega-Lite version, as one script.

    vl-convert builds it in several seconds, so it is kept on disk, keyed by both versions; a cache that
    cannot be written only costs the rebuild next time.
    """
    import altair as alt
    import vl_convert

    # the bundle Altair's own inline HTML template uses: Vega-Lite "v6.4.1" -> vl-convert's "v6_4"
    vl_version = "_".join(alt.SCHEMA_VERSION.split(".")[:2])
    cached = bundle_cache_dir() / f"vega-embed-{vl_version}-vl-convert-{package_version('vl-convert-python')}.js"
    if cached.is_file():
        return cached.read_text(encoding="utf-8")
    # without a snippet the bundle sets the globals vegaEmbed, vegaLite and vega (the stub calls it required)
    script: str = vl_convert.javascript_bundle(vl_version=vl_version)  # type: ignore[call-arg]
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=cached.parent, delete=False) as handle:
            handle.write(script)
        os.replace(handle.name, cached)  # atomic: a concurrent build never reads half a file
    except OSError:
        pass
    return script


def vega_lite_spec(chart_and_data: tuple[Any, dict[str, pl.DataFrame]]) -> dict[str, Any]:
    """The Vega-Lite spec of a chart with its named datasets inlined."""
    chart, datasets = chart_and_data
    spec: dict[str, Any] = chart.to_dict()
    spec["datasets"] = {name: _records(frame) for name, frame in datasets.items()}
    return spec


def _script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``</script>`` or ``<!--`` in article text can end it."""
    return (
        json.dumps(value, ensure_ascii=False, default=str)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


# ---------------------------------------------------------------------------------------------- page

_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #222; }
main { max-width: 1260px; margin: 0 auto; padding: 24px 32px 64px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 40px 0 6px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
p, li { line-height: 1.45; max-width: 62rem; }
.run { color: #444; margin: 0 0 8px; }
.facts { display: flex; flex-wrap: wrap; gap: 10px 28px; padding: 0; list-style: none; margin: 10px 0 6px; }
.facts li b { font-size: 1.25rem; display: block; }
nav a { margin-right: 16px; }
.note { color: #555; font-size: 0.92rem; }
.chart { margin: 12px 0; overflow-x: auto; }
.chart .error { color: #b00020; }
.vega-bind { margin: 4px 18px 4px 0; display: inline-block; font-size: 0.92rem; }
.vega-bind-name { font-weight: 600; }
table { border-collapse: collapse; font-size: 0.9rem; margin: 8px 0; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border-bottom: 1px solid #e3e3e3; padding: 4px 10px; text-align: left; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tbody tr:nth-child(even) { background: #fafafa; }
.empty { color: #666; font-style: italic; }
"""


def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _when(value: Any) -> str:
    """A time as the database stores it (the writer's local time), to the minute."""
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, dt.datetime) else "—"


def _leaderboard_table(board: pl.DataFrame) -> str:
    head = (
        "<tr><th class='n' scope='col'>rank</th><th scope='col'>source</th><th scope='col'>kind</th>"
        "<th scope='col'>under</th><th class='n' scope='col'>claims</th><th class='n' scope='col'>corroborated</th>"
        "<th class='n' scope='col'>revised</th><th class='n' scope='col'>unresolved</th>"
        "<th class='n' scope='col'>score</th><th class='n' scope='col'>90% credible interval</th></tr>"
    )
    rows = [
        f"<tr><td class='n'>{r['rank']}</td><th scope='row'>{_esc(r['source'])}</th><td>{_esc(r['kind'])}</td>"
        f"<td>{_esc(r['parent'])}</td><td class='n'>{r['claims']}</td><td class='n'>{r['corroborated']}</td>"
        f"<td class='n'>{r['revised']}</td><td class='n'>{r['unresolved']}</td><td class='n'>{r['score']:.2f}</td>"
        f"<td class='n'>{r['ci_low']:.2f} – {r['ci_high']:.2f}</td></tr>"
        for r in board.iter_rows(named=True)
    ]
    return (
        "<table id='leaderboard-table'><caption>Leaderboard as a table (same order as the chart)</caption>"
        f"<thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _failed_table(results: pl.DataFrame) -> str:
    failed = results.filter(~pl.col("success")).sort("suite", "expectation")
    if failed.is_empty():
        return ""
    rows = [
        f"<tr><td>{_esc(r['suite'])}</td><td>{_esc(r['expectation'])}</td><td>{_esc(r['column_name'])}</td>"
        f"<td class='n'>{_esc(r['unexpected_count'])}</td><td class='n'>{_esc(r['element_count'])}</td>"
        f"<td>{_esc(r['observed_value'])}</td></tr>"
        for r in failed.iter_rows(named=True)
    ]
    return (
        "<table id='validation-failures'><caption>Failed expectations</caption><thead><tr><th>suite</th>"
        "<th>expectation</th><th>column</th><th class='n'>unexpected</th><th class='n'>rows</th>"
        f"<th>observed</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _page(title: str, body: str, specs: dict[str, dict[str, Any]]) -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_esc(title)}</title>
<style>{_STYLE}</style>
<script>
{vega_bundle()}
</script>
</head>
<body>
<main>
{body}
</main>
<script>
(function () {{
  const specs = {_script_json(specs)};
  const options = {_script_json(EMBED_OPTIONS)};
  for (const [id, spec] of Object.entries(specs)) {{
    const target = document.getElementById(id);
    vegaEmbed(target, spec, options)
      .then(() => target.setAttribute("data-rendered", "true"))
      .catch((error) => {{
        const message = document.createElement("p");
        message.className = "error";
        message.textContent = "This chart could not be drawn: " + error;
        target.replaceChildren(message);
        console.error(error);
      }});
  }}
}})();
</script>
</body>
</html>
"""


def build_report(con: duckdb.DuckDBPyConnection, out: Path, *, method: str = "simple") -> Path:
    """Write the HTML report of the database behind ``con`` (read-only is enough) to ``out``; returns ``out``."""
    data = load_report_data(con, method=method)
    board = leaderboard_frame(data.scores)
    points, links, drawn = timeline_frames(data)
    specs: dict[str, dict[str, Any]] = {}
    run = data.run

    if run is not None:
        run_line = (
            f"Reflects run <code>{_esc(run['run_id'])}</code>, {_esc(run['status'])} "
            f"{_esc(_when(run['ended_at'] or run['started_at']))}; scoring method <code>{_esc(data.method)}</code>."
        )
    else:
        run_line = "No completed run yet: run <code>python cli.py run</code> first."
    dated = data.claims.filter(pl.col("published_at").is_not_null())
    facts = [
        (data.claims["article_id"].n_unique(), "articles with claims"),
        (data.claims.height, "claims"),
        (data.quantities.height, "quantities"),
        (board.height, "sources scored"),
        (data.claims.filter(pl.col("outcome") == "corroborated").height, "claims corroborated"),
        (data.claims.filter(pl.col("outcome") == "revised").height, "claims revised"),
    ]
    parts = [
        "<header>",
        "<h1>corroborate: whose figures hold up</h1>",
        f"<p class='run'>{run_line} Page built {_esc(_when(dt.datetime.now()))}.</p>",
        "<ul class='facts'>" + "".join(f"<li><b>{n:,}</b>{_esc(label)}</li>" for n, label in facts) + "</ul>",
        "<nav><a href='#scores'>Leaderboard</a><a href='#timelines'>Timelines</a>"
        "<a href='#history'>Run history</a><a href='#validation'>Validation</a></nav>",
        "</header>",
        "<section id='scores' aria-labelledby='scores-title'>",
        "<h2 id='scores-title'>Leaderboard: sources by how well their figures held up</h2>",
        "<p>Each claim a source answers for is <b>corroborated</b> (an independent source later gave a compatible "
        "figure), <b>revised</b> (a later figure replaced it) or <b>unresolved</b> (no later evidence yet; it does "
        "not move the score). The dot is the score, the posterior mean of a Beta-Binomial model with a uniform "
        "prior; the bar is its 90% credible interval, wide when the record is short. Sources are ranked by the "
        "interval's lower end, so one figure out of one never outranks forty out of forty-five. The bars on the "
        "right count the claims behind each score. Use the buttons and the slider to filter.</p>",
    ]
    if board.height:
        specs["leaderboard"] = vega_lite_spec(leaderboard_chart(board))
        parts += ["<div id='leaderboard' class='chart' role='figure' aria-label='Leaderboard chart'></div>",
                  _leaderboard_table(board)]  # fmt: skip
    else:
        parts.append(f"<p class='empty'>No scores computed with the {_esc(data.method)} method yet.</p>")
    parts += [
        "</section>",
        "<section id='timelines' aria-labelledby='timelines-title'>",
        "<h2 id='timelines-title'>Timelines: every figure given for a quantity</h2>",
        "<p>One panel per quantity (a real-world number several claims speak of), all on the same time axis. "
        "A mark is one claim at its article's date, coloured by source; its shape gives the outcome, and a red "
        'ring marks a revised figure. The vertical bar is the figure\'s interval ("about", "at least", a range). '
        "A grey line joins a figure to an independent figure that corroborates it; a red dashed line to a later "
        "figure that contradicts it, a red dotted line to its source's own correction. Figures published the "
        "same day are spread across the day so that none hides another.</p>",
    ]
    if drawn.height:
        specs["timeline"] = vega_lite_spec(timeline_chart(points, links, drawn))
        parts.append("<div id='timeline' class='chart' role='figure' aria-label='Timelines of quantities'></div>")
        hidden = (
            data.claims.filter(pl.col("quantity_id").is_not_null(), pl.col("published_at").is_not_null())[
                "quantity_id"
            ].n_unique()
            - drawn.height
        )
        if hidden > 0:
            parts.append(
                f"<p class='note'>{hidden} more quantities with fewer figures are not drawn; list them with "
                '<code>python cli.py query "SELECT * FROM quantities ORDER BY claims DESC"</code>.</p>'
            )
    else:
        parts.append("<p class='empty'>No dated claim is linked to a quantity yet.</p>")
    undated = data.claims.height - dated.height
    if undated:
        parts.append(f"<p class='note'>{undated} claim(s) come from articles without a date and are not drawn.</p>")
    parts += [
        "</section>",
        "<section id='history' aria-labelledby='history-title'>",
        "<h2 id='history-title'>Run history</h2>",
        f"<p>What each of the last {MAX_RUNS} runs did: articles newly stored, claims added, input records "
        "rejected on reading, and rows rejected by the expectation suites. Faded bars are runs that failed or "
        "did not finish; their work was not published.</p>",
    ]
    if data.runs.height:
        specs["runs"] = vega_lite_spec(runs_chart(data.runs))
        parts.append("<div id='runs' class='chart' role='figure' aria-label='Run history chart'></div>")
    else:
        parts.append("<p class='empty'>No runs yet.</p>")
    parts += [
        "</section>",
        "<section id='validation' aria-labelledby='validation-title'>",
        "<h2 id='validation-title'>Latest validation</h2>",
    ]
    if data.validation.height:
        passed = int(data.validation["success"].sum())
        parts.append(
            f"<p>Great Expectations suites of run <code>{_esc(data.validation_run)}</code>: {passed} of "
            f"{data.validation.height} expectations passed. Rows that fail an expectation are kept in "
            "<code>rejects</code> with the reason instead of being scored.</p>"
        )
        specs["validation-chart"] = vega_lite_spec(validation_chart(data.validation))
        parts.append("<div id='validation-chart' class='chart' role='figure' aria-label='Validation chart'></div>")
        parts.append(_failed_table(data.validation))
    else:
        parts.append("<p class='empty'>No validation results yet.</p>")
    parts.append("</section>")

    from corroborate.paths import write_atomically

    # Beside the target, then renamed over it: an interrupted write never leaves half a page.
    return write_atomically(Path(out), _page("corroborate report", "\n".join(parts), specs))


# ------------------------------------------------------------------------------------------- browser


def find_chromium() -> str:
    """The path of a Chromium binary; raises ``FileNotFoundError`` saying how to install one."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise FileNotFoundError(
        "headless Chromium is needed to render the page: install Debian's package (`apt-get install chromium`)"
    )


def _chromium(page: Path, extra: Sequence[str], *, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium on ``page`` with the network cut off: the page must render offline."""
    with tempfile.TemporaryDirectory(prefix="corroborate-chromium-") as profile:
        command = [
            find_chromium(),
            "--headless",
            "--no-sandbox",  # needed as root in containers; the page is our own file
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            "--proxy-server=127.0.0.1:9",  # any request would fail: nothing may come from the network
            "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--user-data-dir={profile}",
            "--virtual-time-budget=10000",  # lets vega-embed finish before the DOM is read
            *extra,
            Path(page).resolve().as_uri(),
        ]
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)


def render_dom(page: Path) -> str:
    """The page's DOM after its scripts ran, as HTML."""
    return _chromium(page, ["--dump-dom"]).stdout


def screenshot(page: Path, png: Path, *, size: tuple[int, int] = SCREENSHOT_SIZE) -> Path:
    """A PNG of the rendered page, ``size`` = (width, height) in CSS pixels; returns ``png``."""
    png = Path(png).resolve()
    png.parent.mkdir(parents=True, exist_ok=True)
    # Chromium writes a temporary file beside the target, renamed over it once complete.
    temporary = png.with_name(f".{png.stem}.{os.getpid()}.tmp.png")
    try:
        _chromium(page, [f"--screenshot={temporary}", f"--window-size={size[0]},{size[1]}"])
        if not temporary.is_file():
            raise RuntimeError(f"Chromium wrote no screenshot to {png}")
        os.replace(temporary, png)
    finally:
        temporary.unlink(missing_ok=True)
    return png

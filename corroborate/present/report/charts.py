"""The report's charts as Vega-Lite specs (built with Altair), their data inlined.

Every function takes frames shaped by ``corroborate.report.data`` and returns ``(chart, datasets)``: the
Altair chart and its named datasets; ``vega_lite_spec`` turns that pair into the JSON the page embeds.
Words on the charts are for newsroom readers: no statistical jargon.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import polars as pl

from corroborate import vocab
from corroborate.present.report.data import MAX_RUNS, records, starting_min_claims

OUTCOME_COLORS = {"corroborated": "#2ca02c", "revised": "#d62728", "unresolved": "#9e9e9e"}
OUTCOME_SHAPES = {"corroborated": "circle", "revised": "cross", "unresolved": "diamond"}
KIND_COLORS = {"official": "#1f77b4", "outlet": "#ff7f0e"}
LINK_COLORS = {"corroborated by": "#555555", "contradicted by": "#d62728", "corrected by its source": "#d62728"}
# 40 colours for the sources of one timeline (Tableau 20, then d3's category20b and 20c in an order
# that keeps neighbours apart): a panel's sources get distinct colours up to 40, and a label each.
SOURCE_PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    "#a0cbe8", "#ffbe7d", "#ff9d9a", "#86bcb6", "#8cd17d", "#f1ce63", "#d4a6c8", "#fabfd2", "#d7b5a6", "#79706e",
    "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363",
    "#5254a3", "#8ca252", "#bd9e39", "#ad494a", "#a55194", "#6baed6", "#fd8d3c", "#74c476", "#9e9ac8", "#969696",
)  # fmt: skip
SCORE_WORDS = "share of checked figures that held up (dot), with the range we are 90% sure of (bar)"
LEADERBOARD_STEP = 20  # pixels per source row
TIMELINE_WIDTH = 820
TIMELINE_HEIGHT = 230

EMBED_OPTIONS: dict[str, Any] = {
    "renderer": "svg",  # marks end up in the DOM: readable by screen readers, searchable, testable
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
}


def vega_lite_spec(chart_and_data: tuple[Any, dict[str, pl.DataFrame]]) -> dict[str, Any]:
    """The Vega-Lite spec (a JSON-ready dict) of ``(chart, datasets)`` with the named datasets inlined."""
    chart, datasets = chart_and_data
    spec: dict[str, Any] = chart.to_dict()
    spec["datasets"] = {name: records(frame) for name, frame in datasets.items()}
    return spec


def _count_axis(largest: int, **kwargs: Any) -> Any:
    """An axis of whole numbers up to ``largest``: for small counts Vega would put ticks at halves."""
    import altair as alt

    if largest <= 10:
        return alt.Axis(format="d", values=list(range(largest + 1)), **kwargs)
    return alt.Axis(format="d", **kwargs)


def leaderboard_chart(board: pl.DataFrame) -> tuple[Any, dict[str, pl.DataFrame]]:
    """Score and its 90% range per source, beside its claims by outcome, from ``leaderboard_frame``'s rows.

    Only sources with at least ``min_claims`` claims are drawn (a slider from 1, starting at
    ``starting_min_claims``: 5); buttons keep outlets or officials. Axes are at the top, where the reader starts.
    Returns the chart and its dataset ``leaderboard``.
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
        value=starting_min_claims(board),
        bind=alt.binding_range(min=1, max=max(most_claims, 1), step=1, name="sources with at least this many claims "),
    )
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=260, labelFontSize=12))
    tooltip = [
        alt.Tooltip("rank:Q"), alt.Tooltip("source:N"), alt.Tooltip("kind:N"), alt.Tooltip("parent:N", title="under"),
        alt.Tooltip("score:Q", format=".0%", title="held up"),
        alt.Tooltip("ci_low:Q", format=".0%", title="90% sure: at least"),
        alt.Tooltip("ci_high:Q", format=".0%", title="90% sure: at most"), alt.Tooltip("claims:Q"),
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
    score_axis = alt.Axis(format=".0%", orient="top", titleFontWeight="normal", titleFontSize=12, grid=True)
    score_x = alt.X("ci_low:Q", scale=alt.Scale(domain=[0, 1]), title=SCORE_WORDS, axis=score_axis)
    interval = (
        base.mark_rule(strokeWidth=4, opacity=0.45)
        .encode(y=y, x=score_x, x2="ci_high:Q", color=kind_color, tooltip=tooltip)
        .properties(name="leaderboard_intervals")
    )
    point = (
        base.mark_point(filled=True, size=70, opacity=1)
        .encode(y=y, x=alt.X("score:Q", title=SCORE_WORDS, axis=score_axis), color=kind_color, tooltip=tooltip)
        .properties(name="leaderboard_points")
    )
    scores_panel = alt.layer(interval, point).properties(width=460, name="leaderboard_scores")
    counts_panel = (
        base.transform_fold(list(vocab.CLAIM_OUTCOMES), as_=["outcome", "count"])
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=order, axis=None),
            x=alt.X(
                "count:Q",
                stack="zero",
                title="claims behind it, by outcome",
                axis=_count_axis(most_claims, orient="top", titleFontWeight="normal", titleFontSize=12),
            ),
            color=alt.Color(
                "outcome:N",
                scale=alt.Scale(domain=list(OUTCOME_COLORS), range=list(OUTCOME_COLORS.values())),
                legend=alt.Legend(title="outcome", orient="top"),
            ),
            order=alt.Order("outcome_order:Q"),
            tooltip=tooltip,
        )
        .transform_calculate(outcome_order=f"indexof({json.dumps(list(vocab.CLAIM_OUTCOMES))}, datum.outcome)")
        .properties(width=240, name="leaderboard_counts")
    )
    chart = (
        alt.hconcat(scores_panel, counts_panel, spacing=12)
        .add_params(kind, min_claims)
        .resolve_scale(color="independent", y="shared")
        .resolve_legend(color="independent")
    )
    return chart, {"leaderboard": rows}


def _utc(day: dt.date) -> Any:
    import altair as alt

    return alt.DateTime(year=day.year, month=day.month, date=day.day, utc=True)


def source_labels(points: pl.DataFrame, *, rows: int = 14, names: int = 2) -> pl.DataFrame:
    """Where each source's name is written on a timeline: beside its latest dated figure.

    Sources whose latest figures fall close together (the same day, and the same of ``rows`` bands of the
    panel's values) share one label: the first ``names`` names and "+ N more". Columns ``placed_at, value,
    names``, one row per label.
    """
    dated = points.filter(pl.col("placed_at").is_not_null())
    if dated.is_empty():
        return pl.DataFrame(schema={"placed_at": pl.Datetime("ms"), "value": pl.Float64, "names": pl.String})
    low, high = dated["value"].min(), dated["value"].max()
    band = ((high - low) / rows) or 1.0  # type: ignore[operator]
    latest = dated.sort("placed_at", "claim_id").group_by("source", maintain_order=True).last()
    return (
        latest.with_columns(
            pl.col("published_at").alias("_day"), ((pl.col("value") - low) / band).floor().alias("_band")
        )
        .group_by("_day", "_band", maintain_order=True)
        .agg(pl.col("placed_at").max(), pl.col("value").max(), pl.col("source").sort().alias("_names"))
        .with_columns(
            pl.when(pl.col("_names").list.len() > names)
            .then(
                pl.format(
                    "{} + {} more",
                    pl.col("_names").list.head(names).list.join(", "),
                    pl.col("_names").list.len() - names,
                )
            )
            .otherwise(pl.col("_names").list.join(", "))
            .alias("names")
        )
        .select("placed_at", "value", "names")
        .sort("placed_at", "value")
    )


def timeline_chart(
    panel: dict[str, Any], points: pl.DataFrame, links: pl.DataFrame
) -> tuple[Any, dict[str, pl.DataFrame]]:
    """The timeline of one panel (a row of ``timeline_frames``' panels), from its dated ``points`` and ``links``.

    Its own time range (the panel's first to last article date, a day either side); one colour per source
    (``SOURCE_PALETTE``) and the source's name written beside its latest figure, so no legend is needed.
    Mark names are ``timeline_<panel>_<layer>``. Returns the chart and its datasets.
    """
    import altair as alt

    number = panel["panel"]
    dated = points.filter(pl.col("placed_at").is_not_null())
    start, end = panel["start"], panel["end"]
    assert isinstance(start, dt.date) and isinstance(end, dt.date), "a timeline needs dated figures"
    domain = [_utc(start - dt.timedelta(days=1)), _utc(end + dt.timedelta(days=2))]
    sources = dated.sort("placed_at", "claim_id")["source"].unique(maintain_order=True).to_list()
    colors = [SOURCE_PALETTE[i % len(SOURCE_PALETTE)] for i in range(len(sources))]
    color = alt.Color("source:N", scale=alt.Scale(domain=sources, range=colors), legend=None)
    x = alt.X("placed_at:T", title="article date", scale=alt.Scale(type="utc", domain=domain),
              axis=alt.Axis(labelAngle=0, tickCount=8, labelOverlap=True, grid=False))  # fmt: skip
    # SI prefixes per label ("0", "500", "12k", "1.2M"), with "B" for billions as news write them
    y_axis = alt.Axis(tickCount=5, labelExpr="replace(format(datum.value, '~s'), 'G', 'B')")
    unit = panel["unit_words"]
    value_y = alt.Y("value:Q", title=unit, axis=y_axis, scale=alt.Scale(zero=False, nice=True))
    tooltip = [
        alt.Tooltip("source:N"),
        alt.Tooltip("published_at:N", title="published"),  # as stored: no time zone shift
        alt.Tooltip("outlet:N"), alt.Tooltip("title:N", title="article"), alt.Tooltip("text:N", title="figure"),
        alt.Tooltip("value:Q", format=",.4~g"), alt.Tooltip("value_low:Q", format=",.4~g", title="low"),
        alt.Tooltip("value_high:Q", format=",.4~g", title="high"), alt.Tooltip("qualifier:N"),
        alt.Tooltip("outcome:N"), alt.Tooltip("reason:N"),
    ]  # fmt: skip
    point_rows = dated.select(
        "claim_id", "placed_at", "published_at", "source", "outlet", "title", "text", "value", "value_low",
        "value_high", "qualifier", "unit", "outcome", "reason",
    )  # fmt: skip
    link_rows = links.select("placed_at", "value", "evidence_at", "evidence_value", "link", "source", "evidence_source")
    label_rows = source_labels(dated)
    names = {"points": f"timeline_{number}_points", "links": f"timeline_{number}_links",
             "labels": f"timeline_{number}_labels"}  # fmt: skip
    base = alt.Chart(alt.NamedData(name=names["points"]))
    layers = []
    if link_rows.height:
        layers.append(
            alt.Chart(alt.NamedData(name=names["links"]))
            .mark_rule(strokeWidth=1.5, opacity=0.8)
            .encode(
                x=x,
                x2="evidence_at:T",
                y=value_y,
                y2="evidence_value:Q",
                stroke=alt.Stroke(
                    "link:N",
                    scale=alt.Scale(domain=list(LINK_COLORS), range=list(LINK_COLORS.values())),
                    legend=alt.Legend(title="line", orient="top", direction="horizontal"),
                ),
                strokeDash=alt.StrokeDash(
                    "link:N",
                    scale=alt.Scale(domain=list(LINK_COLORS), range=[[1, 0], [5, 3], [2, 2]]),
                    legend=alt.Legend(title="line", orient="top", direction="horizontal"),
                ),
                tooltip=[
                    alt.Tooltip("source:N", title="figure of"),
                    alt.Tooltip("link:N"),
                    alt.Tooltip("evidence_source:N", title="by"),
                ],
            )
            .properties(name=f"timeline_{number}_links")
        )
    layers += [
        base.mark_rule(strokeWidth=3, opacity=0.45)
        .encode(x=x, y=alt.Y("value_low:Q", title=unit), y2="value_high:Q", color=color, tooltip=tooltip)
        .properties(name=f"timeline_{number}_intervals"),
        base.transform_filter("datum.outcome == 'revised'")
        .mark_point(shape="circle", size=320, filled=False, strokeWidth=2, color=OUTCOME_COLORS["revised"])
        .encode(x=x, y=value_y, tooltip=tooltip)
        .properties(name=f"timeline_{number}_revised"),
        base.mark_point(filled=True, size=80, opacity=0.95, stroke="white", strokeWidth=0.5)
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
        .properties(name=f"timeline_{number}_points"),
        alt.Chart(alt.NamedData(name=names["labels"]))
        .mark_text(align="left", dx=8, dy=-7, fontSize=11, color="#333", limit=260)
        .encode(x=x, y=value_y, text="names:N")
        .properties(name=f"timeline_{number}_labels"),
    ]
    chart = alt.layer(*layers, width=TIMELINE_WIDTH, height=TIMELINE_HEIGHT).resolve_scale(color="independent")
    datasets = {names["points"]: point_rows, names["labels"]: label_rows}
    if link_rows.height:
        datasets[names["links"]] = link_rows
    return chart, datasets


RUN_MEASURES = {
    "articles_new": "articles stored",
    "claims_new": "claims added",
    "articles_rejected": "input records rejected",
    "rejects": "rows rejected by expectations",
}


def runs_chart(runs: pl.DataFrame) -> tuple[Any, dict[str, pl.DataFrame]]:
    """Articles, claims and rejects of the latest ``MAX_RUNS`` of ``runs`` (oldest first), a group of bars each."""
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
            ],
        )
        .properties(width=alt.Step(18), height=220, name="runs_bars")
    )
    return chart, {"runs": rows}


def validation_chart(results: pl.DataFrame) -> tuple[Any, dict[str, pl.DataFrame]]:
    """Expectations passed and failed per suite, from one run's ``validation_results`` rows."""
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

"""The report's charts as Vega-Lite specs (built with Altair), their data inlined.

Every function takes frames shaped by ``corroborate.present.report.data`` and returns ``(chart, datasets)``: the
Altair chart and its named datasets; ``vega_lite_spec`` turns that pair into the JSON the page embeds.
Words on the charts are for newsroom readers: no statistical jargon.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Literal

import polars as pl

from corroborate import vocab
from corroborate.present.report.data import MAX_RUNS, UNIT_FAMILY_WORDS, records, starting_min_claims, stated_words

OUTCOME_COLORS = {"corroborated": "#2ca02c", "revised": "#d62728", "unresolved": "#9e9e9e"}
OUTCOME_SHAPES = {"corroborated": "circle", "revised": "cross", "unresolved": "diamond"}
KIND_COLORS = {"official": "#1f77b4", "outlet": "#ff7f0e"}
LINK_COLORS = {"corroborated by": "#555555", "contradicted by": "#d62728", "corrected by its source": "#d62728"}
LINK_DASHES = {"corroborated by": [1, 0], "contradicted by": [5, 3], "corrected by its source": [2, 2]}
# 40 colours for the sources of one timeline (Tableau 20, then d3's category20b and 20c in an order
# that keeps neighbours apart): a panel's sources get distinct colours up to 40, and a label each.
SOURCE_PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    "#a0cbe8", "#ffbe7d", "#ff9d9a", "#86bcb6", "#8cd17d", "#f1ce63", "#d4a6c8", "#fabfd2", "#d7b5a6", "#79706e",
    "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363",
    "#5254a3", "#8ca252", "#bd9e39", "#ad494a", "#a55194", "#6baed6", "#fd8d3c", "#74c476", "#9e9ac8", "#969696",
)  # fmt: skip
# in three short lines: the axis title fits a phone's narrow panel
SCORE_WORDS = ["share of checked figures that", "held up (dot), with the range", "we are 90% sure of (bar)"]
LEADERBOARD_STEP = 20  # pixels per source row
TIMELINE_HEIGHT = 230
# Written labels on a timeline: at most MAX_LABELS, placed without overlap on a plot NARROW_PLOT pixels wide (a
# phone's), each character reckoned LABEL_CHAR_WIDTH wide (wider than most glyphs at LABEL_FONT_SIZE).
MAX_LABELS = 5
MIN_LABEL_ROOM = 70  # pixels: a label with less room on a phone is left out
NARROW_PLOT = 250
PLOT_WIDTHS = (NARROW_PLOT, 400, 600, 800, 1000, 1200)  # labels are checked apart on each of these widths
LABEL_FONT_SIZE = 11
LABEL_CHAR_WIDTH = 7.0
LABEL_HEIGHT = 13
LABEL_LIMIT = 170
LABEL_OFFSET = 8

# a chart as wide as its container (``width: "container"``), axes and labels included: it fits a phone
FIT_WIDTH: dict[str, str] = {"type": "fit-x", "contains": "padding"}
# The leaderboard is two panels side by side, which Vega-Lite cannot size to a container: the page narrows
# them itself (``fitWidth`` in page.html) from these widths, the names' label widths and the room taken by
# spacing, padding and the actions button.
# Below ``keepAllFrom`` pixels for the panels, only the first is drawn, with ``reserveOne`` pixels around it.
LEADERBOARD_FIT: dict[str, Any] = {
    "widths": [460, 240], "labels": 260, "narrowLabels": 110, "reserve": 90, "keepAllFrom": 300, "reserveOne": 60,
}  # fmt: skip

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
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelFontSize=12))  # limit: config.axisY
    tooltip = [
        alt.Tooltip("rank:Q"), alt.Tooltip("source:N"), alt.Tooltip("kind:N"), alt.Tooltip("parent:N", title="under"),
        alt.Tooltip("score:Q", format=".0%", title="held up"),
        alt.Tooltip("ci_low:Q", format=".0%", title="90% sure: at least"),
        alt.Tooltip("ci_high:Q", format=".0%", title="90% sure: at most"), alt.Tooltip("claims:Q"),
        alt.Tooltip("corroborated:Q"), alt.Tooltip("revised:Q"), alt.Tooltip("unresolved:Q"),
    ]  # fmt: skip
    base = (
        alt.Chart(data)
        # a source with nothing checked yet has no score to draw ("0.50" would read as half right)
        .transform_filter(
            "(kind_filter == 'all' || datum.kind == kind_filter) && datum.claims >= min_claims && datum.decided > 0"
        )
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
    widths = LEADERBOARD_FIT["widths"]
    scores_panel = alt.layer(interval, point).properties(width=widths[0], name="leaderboard_scores")
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
        .properties(width=widths[1], name="leaderboard_counts")
    )
    chart = (
        alt.hconcat(scores_panel, counts_panel, spacing=12)
        .add_params(kind, min_claims)
        .resolve_scale(color="independent", y="shared")
        .resolve_legend(color="independent")
        .configure_axisY(labelLimit=LEADERBOARD_FIT["labels"])
        .properties(usermeta={"fit": LEADERBOARD_FIT})
    )
    return chart, {"leaderboard": rows}


def _utc(day: dt.date) -> Any:
    import altair as alt

    return alt.DateTime(year=day.year, month=day.month, date=day.day, utc=True)


def value_domain(points: pl.DataFrame) -> tuple[float, float]:
    """The value axis of a timeline: its figures and the ranges drawn (``bar_low``/``bar_high``), 6% margin."""
    low = points.select(pl.min_horizontal(pl.col("value").min(), pl.col("bar_low").min())).item()
    high = points.select(pl.max_horizontal(pl.col("value").max(), pl.col("bar_high").max())).item()
    low, high = float(low), float(high)
    margin = (high - low) * 0.06 or abs(high) * 0.1 or 1.0
    return low - margin, high + margin


def drawn_ranges(points: pl.DataFrame) -> pl.DataFrame:
    """``points`` with what a timeline draws around each figure, as its qualifier says.

    ``bar_low``/``bar_high``: the range of a figure stated as one ("between 6 and 12", "about 10,000"),
    null for others: an "at least 3,800" is a floor, not the 3,800–7,600 the comparison rules allow.
    ``bound``: "≥" for a floor, "≤" for a ceiling, written beside the figure; null otherwise.
    """
    ranged = (
        pl.col("qualifier").is_in(["approx", "range", "projection"])
        & (pl.col("value_low") < pl.col("value_high"))
        & pl.col("value_low").is_not_null()
    )
    return points.with_columns(
        pl.when(ranged).then(pl.col("value_low")).alias("bar_low"),
        pl.when(ranged).then(pl.col("value_high")).alias("bar_high"),
        pl.col("qualifier").replace_strict({"at_least": "≥", "at_most": "≤"}, default=None).alias("bound"),
    )


def _disagreeing(links: pl.DataFrame) -> set[str]:
    """The claims at either end of a contradiction or correction."""
    against = links.filter(pl.col("link") != "corroborated by")
    if against.is_empty():
        return set()
    return set(against["claim_id"].to_list()) | set(against["evidence_claim_id"].to_list())


def _label_room(share: float, side: str, width: float) -> float:
    """Pixels a label has beside a figure ``share`` of the way along a plot ``width`` wide, on ``side``."""
    return (width * (1 - share) if side == "right" else width * share) - LABEL_OFFSET


def figure_labels(
    points: pl.DataFrame,
    links: pl.DataFrame,
    x_domain: tuple[dt.datetime, dt.datetime],
    y_domain: tuple[float, float],
    *,
    percent: bool = False,
) -> pl.DataFrame:
    """The few figures a timeline names in writing: its latest figure, then the disagreeing ones (revised, or at
    either end of a contradiction or correction), latest first, a source once, at most ``MAX_LABELS``.

    A label ("WHO: at least 11,300") goes right of its figure, or left of it near the right edge; one that
    would overlap a label already placed is left out (its figure keeps its tooltip). Boxes are reckoned on the
    plot widths of ``PLOT_WIDTHS`` (from a phone's ``NARROW_PLOT``), ``TIMELINE_HEIGHT`` high, with a wide
    per-character width; a label is cut to the room beside its figure. Columns ``claim_id, placed_at, value,
    text, side`` (``right`` or ``left`` of the figure) and ``share`` (how far along the axis it is, 0 to 1).
    """
    empty = pl.DataFrame(
        schema={
            "claim_id": pl.String,
            "placed_at": pl.Datetime("ms"),
            "value": pl.Float64,
            "text": pl.String,
            "side": pl.String,
            "share": pl.Float64,
        }
    )
    dated = points.filter(pl.col("placed_at").is_not_null()).sort("placed_at", "claim_id", descending=True)
    if dated.is_empty():
        return empty
    against = _disagreeing(links)
    candidates = dated.filter(
        (pl.int_range(pl.len()) == 0) | (pl.col("outcome") == "revised") | pl.col("claim_id").is_in(list(against))
    ).unique("source", keep="first", maintain_order=True)  # a source once: a count it updates daily is one story
    start, end = (x.replace(tzinfo=dt.UTC).timestamp() for x in x_domain)
    low, high = y_domain
    placed: list[list[tuple[float, float, float, float]]] = []  # a label's boxes on each plot width
    rows = []
    for row in candidates.iter_rows(named=True):
        words = stated_words(row["value"], row["qualifier"], row["value_low"], row["value_high"], percent=percent)
        text = f"{row['source']}: {words}"
        text_width = min(len(text) * LABEL_CHAR_WIDTH, LABEL_LIMIT)
        share = (row["placed_at"].replace(tzinfo=dt.UTC).timestamp() - start) / (end - start)
        y = (1 - (row["value"] - low) / ((high - low) or 1.0)) * TIMELINE_HEIGHT
        # the side is chosen on the narrowest plot: right when the label fits there, else the roomier side;
        # a label is cut (with an ellipsis) to the room its side has on the plot drawn
        right, left = _label_room(share, "right", NARROW_PLOT), _label_room(share, "left", NARROW_PLOT)
        side = "right" if right >= text_width or right >= left else "left"
        boxes = []
        for width in PLOT_WIDTHS:
            box_width = min(text_width, _label_room(share, side, width))
            x = share * width
            start_x = x + LABEL_OFFSET if side == "right" else x - LABEL_OFFSET - box_width
            boxes.append((start_x - 2, y - LABEL_HEIGHT - 4, start_x + box_width + 2, y))  # text above its figure
        if max(right, left) < MIN_LABEL_ROOM or any(
            b[0] < a[2] and a[0] < b[2] and b[1] < a[3] and a[1] < b[3]
            for other in placed
            for a, b in zip(boxes, other, strict=True)
        ):
            continue
        placed.append(boxes)
        rows.append({"claim_id": row["claim_id"], "placed_at": row["placed_at"], "value": row["value"],
                     "text": text, "side": side, "share": share})  # fmt: skip
        if len(rows) == MAX_LABELS:
            break
    return pl.DataFrame(rows, schema=empty.schema) if rows else empty


def timeline_chart(
    panel: dict[str, Any], points: pl.DataFrame, links: pl.DataFrame
) -> tuple[Any, dict[str, pl.DataFrame]]:
    """The timeline of one panel (a row of ``timeline_frames``' panels), from its dated ``points`` and ``links``.

    Its own time range (the panel's first to last article date, a day either side), as wide as the page
    (``width: "container"``); one colour per source (``SOURCE_PALETTE``); a few figures named in writing
    (``figure_labels``); each figure's range drawn as its qualifier says (``drawn_ranges``). The marks' key is in
    the page, not in a legend that would widen the chart on a phone. Mark names are ``timeline_<panel>_<layer>``.
    Returns the chart and its datasets.
    """
    import altair as alt

    number = panel["panel"]
    dated = drawn_ranges(points.filter(pl.col("placed_at").is_not_null()))
    start, end = panel["start"], panel["end"]
    assert isinstance(start, dt.date) and isinstance(end, dt.date), "a timeline needs dated figures"
    first, last = start - dt.timedelta(days=1), end + dt.timedelta(days=2)
    x_domain = (dt.datetime.combine(first, dt.time()), dt.datetime.combine(last, dt.time()))
    y_domain = value_domain(dated)
    percent = panel["unit_words"] == UNIT_FAMILY_WORDS["ratio"]
    sources = dated.sort("placed_at", "claim_id")["source"].unique(maintain_order=True).to_list()
    colors = [SOURCE_PALETTE[i % len(SOURCE_PALETTE)] for i in range(len(sources))]
    color = alt.Color("source:N", scale=alt.Scale(domain=sources, range=colors), legend=None)
    x = alt.X("placed_at:T", title="article date", scale=alt.Scale(type="utc", domain=[_utc(first), _utc(last)]),
              axis=alt.Axis(labelAngle=0, tickCount=6, tickMinStep=86_400_000, labelOverlap=True,
                            grid=False))  # fmt: skip
    # a percentage as news write it ("2.5%"); other figures with SI prefixes ("12k", "1.2M"), B for billions
    label_expr = "format(datum.value, '~r') + '%'" if percent else "replace(format(datum.value, '~s'), 'G', 'B')"
    y_axis = alt.Axis(tickCount=5, labelExpr=label_expr)
    unit = panel["unit_words"]
    y_scale = alt.Scale(zero=False, nice=False, domain=list(y_domain))
    value_y = alt.Y("value:Q", title=unit, axis=y_axis, scale=y_scale)
    value_format = ",.4~g"
    tooltip = [
        alt.Tooltip("source:N"),
        alt.Tooltip("published_at:N", title="published"),  # as stored: no time zone shift
        alt.Tooltip("outlet:N"), alt.Tooltip("title:N", title="article"), alt.Tooltip("text:N", title="figure"),
        alt.Tooltip("value:Q", format=value_format), alt.Tooltip("qualifier:N"),
        alt.Tooltip("outcome:N"), alt.Tooltip("reason:N"),
    ]  # fmt: skip
    point_rows = dated.select(
        "claim_id", "placed_at", "published_at", "source", "outlet", "title", "text", "value", "bar_low",
        "bar_high", "bound", "qualifier", "unit", "outcome", "reason",
    )  # fmt: skip
    link_rows = links.select("placed_at", "value", "evidence_at", "evidence_value", "link", "source", "evidence_source")
    label_rows = figure_labels(dated, links, x_domain, y_domain, percent=percent)
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
                    "link:N", scale=alt.Scale(domain=list(LINK_COLORS), range=list(LINK_COLORS.values())), legend=None
                ),
                strokeDash=alt.StrokeDash(
                    "link:N", scale=alt.Scale(domain=list(LINK_COLORS), range=list(LINK_DASHES.values())), legend=None
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
        base.transform_filter("isValid(datum.bar_low) && isValid(datum.bar_high)")
        .mark_rule(strokeWidth=3, opacity=0.45)
        .encode(x=x, y=alt.Y("bar_low:Q", title=unit, scale=y_scale), y2="bar_high:Q", color=color, tooltip=tooltip)
        .properties(name=f"timeline_{number}_intervals"),
        base.transform_filter("isValid(datum.bound)")
        .mark_text(align="right", baseline="middle", dx=-7, fontSize=12, fontWeight="bold")
        .encode(x=x, y=value_y, text="bound:N", color=color)
        .properties(name=f"timeline_{number}_bounds"),
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
                legend=None,
            ),
            tooltip=tooltip,
        )
        .properties(name=f"timeline_{number}_points"),
    ]
    labels = alt.Chart(alt.NamedData(name=names["labels"]))
    sides: tuple[tuple[str, Literal["left", "right"], int], ...] = (
        ("right", "left", LABEL_OFFSET),
        ("left", "right", -LABEL_OFFSET),
    )
    # the room beside its figure on the plot drawn (Vega's ``width``), as _label_room reckons it
    room = {
        "right": f"min({LABEL_LIMIT}, width * (1 - datum.share) - {LABEL_OFFSET})",
        "left": f"min({LABEL_LIMIT}, width * datum.share - {LABEL_OFFSET})",
    }
    for side, align, dx in sides:
        # the text's baseline a few pixels above its figure, as figure_labels reckons its box
        layers.append(
            labels.transform_filter(alt.datum.side == side)
            .mark_text(
                align=align,
                baseline="bottom",
                dx=dx,
                dy=-2,
                fontSize=LABEL_FONT_SIZE,
                color="#222",
                limit=alt.expr(room[side]),
            )  # fmt: skip
            .encode(x=x, y=value_y, text="text:N")
            .properties(name=f"timeline_{number}_labels_{side}")
        )
    chart = (
        alt.layer(*layers, width="container", height=TIMELINE_HEIGHT)
        .resolve_scale(color="independent")
        .properties(autosize=FIT_WIDTH)
    )
    datasets = {names["points"]: point_rows, names["labels"]: label_rows}
    if link_rows.height:
        datasets[names["links"]] = link_rows
    return chart, datasets


FEW_RUNS = 4
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
            # to the second, and numbered when two runs share it: one bar group per run, never merged
            pl.format("{} · {}", pl.col("started_at").dt.strftime("%Y-%m-%d %H:%M:%S"), "status").alias("run"),
            ((pl.col("ended_at") - pl.col("started_at")).dt.total_milliseconds() / 1000).round(1).alias("seconds"),
            pl.col("reason").fill_null(""),
            pl.int_range(pl.len()).alias("order"),
        )
        .with_columns(
            pl.when(pl.len().over("run") > 1)
            .then(pl.format("{} #{}", "run", pl.int_range(1, pl.len() + 1).over("run")))
            .otherwise("run")
            .alias("run")
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
            color=alt.Color(
                "measure:N",
                sort=list(RUN_MEASURES.values()),
                legend=alt.Legend(title=None, orient="top", columns=1),  # one a line: fits a phone
            ),
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
        # a few runs get narrow bars (four groups of 18 px fit a phone); more share the page's width
        .properties(height=220, name="runs_bars")
    )
    few = rows["run"].n_unique() <= FEW_RUNS
    chart = chart.properties(width=alt.Step(18)) if few else chart.properties(width="container", autosize=FIT_WIDTH)
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
        .properties(width="container", height=alt.Step(26), name="validation_bars", autosize=FIT_WIDTH)
    )
    return chart, {"validation": rows}

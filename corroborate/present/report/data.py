"""What the report shows, read from the database and shaped for the charts and tables.

Claims and the links between them come from the ``claim_explanations`` view (``sql/models/report_claims.sql``
and ``report_links.sql``), quantities from ``quantities``, scores from ``current_scores`` (through
``corroborate.score.scores``), and the run history and validation results from their tables. A database
that no run has linked yet has only the stored tables: the report still builds, with empty sections.

Timelines are drawn per *panel*: one per quantity, except that a quantity on a general concept
("deaths", subject key ``*deaths``) says what is counted but not where, so its figures are split by the
country their article is placed in (``article_places``), as ``claim_evidence`` compares them.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import duckdb
import polars as pl

from corroborate import db

MAX_TIMELINES = 30  # panels drawn, those with most figures first; the rest are counted in the page
MIN_PANEL_FIGURES = 2  # a quantity with a single figure has no story to tell over time
MAX_RUNS = 30  # most recent runs in the history chart
DEFAULT_MIN_CLAIMS = 5  # the leaderboard's slider starts here: shorter records say little
# Figures of one panel published the same day are spread over at most this fraction of a day, so that
# one source's point does not hide another's; tooltips give the real date.
SAME_DAY_SPREAD = 0.6
# A gap between articles longer than MAX_GAP_DAYS and than GAP_SHARE of the quantity's whole span starts a
# new panel of the same quantity: an anniversary piece a year on would squeeze the weeks of a story into an
# edge of the axis, while forecasts revised every few months stay on one panel.
MAX_GAP_DAYS = 60
GAP_SHARE = 0.6

# claim_evidence relations drawn as links, and how they are named in the page
LINK_RELATIONS = {
    "corroborates": "corroborated by",
    "reaches": "corroborated by",
    "contradicts": "contradicted by",
    "corrects": "corrected by its source",
    "falls_short": "contradicted by",
}
# unit families (sql/models/quantities.sql) in words, for panel titles
UNIT_FAMILY_WORDS = {
    "count": "number",
    "people": "number of people",
    "deaths": "number of deaths",
    "injured": "number of injured",
    "casualties": "number of casualties",
    "jobs": "number of jobs",
    "area": "area, km²",
    "length": "length, km",
    "money": "amount of money",
    "ratio": "percentage",
    "mass": "mass, tonnes",
    "things": "number",
}
NO_PLACE = "place not named"

CLAIM_SCHEMA: dict[str, Any] = {
    "claim_id": pl.String, "article_id": pl.String, "source": pl.String, "source_kind": pl.String,
    "outlet": pl.String, "title": pl.String, "published_at": pl.Date, "text": pl.String, "value": pl.Float64,
    "value_low": pl.Float64, "value_high": pl.Float64, "qualifier": pl.String, "unit": pl.String,
    "quantity_id": pl.String, "outcome": pl.String, "reason": pl.String, "place": pl.String,
    "is_scale": pl.Boolean,
}  # fmt: skip
LINK_SCHEMA: dict[str, Any] = {"claim_id": pl.String, "evidence_claim_id": pl.String, "relation": pl.String}
QUANTITY_SCHEMA: dict[str, Any] = {
    "quantity_id": pl.String, "subject_key": pl.String, "label": pl.String, "unit_family": pl.String,
    "period_start": pl.Date, "period_end": pl.Date,
}  # fmt: skip
RUN_SCHEMA: dict[str, Any] = {
    "run_id": pl.String, "started_at": pl.Datetime, "ended_at": pl.Datetime, "status": pl.String,
    "reason": pl.String, "articles_new": pl.Int64, "articles_duplicate": pl.Int64, "articles_rejected": pl.Int64,
    "claims_new": pl.Int64, "claims_total": pl.Int64, "rejects": pl.Int64,
}  # fmt: skip
VALIDATION_SCHEMA: dict[str, Any] = {
    "run_id": pl.String, "suite": pl.String, "table_name": pl.String, "expectation": pl.String,
    "column_name": pl.String, "success": pl.Boolean, "element_count": pl.Int64, "unexpected_count": pl.Int64,
    "observed_value": pl.String, "validated_at": pl.Datetime,
}  # fmt: skip


def _model(
    con: duckdb.DuckDBPyConnection, name: str, schema: Mapping[str, Any], params: Mapping[str, Any] | None = None
) -> pl.DataFrame:
    """The rows of the SELECT model ``sql/models/<name>.sql`` cast to ``schema``; empty when a table it reads
    does not exist yet. A view made by an older version (without a column read here) raises ``RuntimeError``
    saying to run again."""
    try:
        frame = db.query_model(con, name, params)
    except duckdb.CatalogException:
        return pl.DataFrame(schema=dict(schema))
    except duckdb.BinderException as error:
        raise RuntimeError(
            f"the database was linked by an older version of corroborate ({error}): run `corroborate run` once "
            "to rebuild its views, then the report"
        ) from None
    return frame.select(list(schema)).cast(dict(schema))  # type: ignore[arg-type]


def _table(con: duckdb.DuckDBPyConnection, table: str, schema: Mapping[str, Any]) -> pl.DataFrame:
    """The columns ``schema`` of the stored table ``table``; an empty frame when it does not exist yet."""
    try:
        frame = con.table(table).select(*schema).pl()
    except duckdb.CatalogException:
        return pl.DataFrame(schema=dict(schema))
    return frame.cast(dict(schema))  # type: ignore[arg-type]


@dataclass
class ReportData:
    """Everything the page shows, read once from the database."""

    method: str
    run: dict[str, Any] | None  # the completed run the scores come from
    scores: pl.DataFrame  # ranked, the columns of corroborate.score.SCORE_COLUMNS
    claims: pl.DataFrame  # one row per claim: CLAIM_SCHEMA
    links: pl.DataFrame  # claim -> evidence claim, relation in LINK_RELATIONS, ``link`` its words
    quantities: pl.DataFrame  # QUANTITY_SCHEMA
    runs: pl.DataFrame  # RUN_SCHEMA, oldest first
    validation: pl.DataFrame  # results of validation_run
    validation_run: str | None


def load_report_data(con: duckdb.DuckDBPyConnection, *, method: str = "simple") -> ReportData:
    """Read what the report shows from ``con`` (read-only is enough) for the scoring ``method``."""
    from corroborate.score import scores as current_scores

    scores = current_scores(con, method=method)
    runs = _table(con, "runs", RUN_SCHEMA).sort("started_at")
    scored_run = scores["run_id"].first() if scores.height else None
    completed = runs.filter(pl.col("status") == "completed")
    run_row = runs.filter(pl.col("run_id") == scored_run) if scored_run is not None else completed.tail(1)
    run = run_row.row(0, named=True) if run_row.height else None
    links = _model(con, "report_links", LINK_SCHEMA, {"relations": list(LINK_RELATIONS)}).with_columns(
        pl.col("relation").replace_strict(LINK_RELATIONS, return_dtype=pl.String).alias("link")
    )
    validation_all = _table(con, "validation_results", VALIDATION_SCHEMA)
    # the latest run that validated anything: a run with nothing new to validate records no results
    validation_run = str(validation_all.sort("validated_at", "run_id")["run_id"][-1]) if validation_all.height else None
    validation = validation_all.filter(pl.col("run_id") == validation_run) if validation_run else validation_all
    return ReportData(
        method=method,
        run=run,
        scores=scores,
        claims=_model(con, "report_claims", CLAIM_SCHEMA),
        links=links,
        quantities=_model(con, "report_quantities", QUANTITY_SCHEMA),
        runs=runs,
        validation=validation,
        validation_run=validation_run,
    )


def records(frame: pl.DataFrame) -> list[dict[str, Any]]:
    """Rows of ``frame`` as JSON-ready dicts: dates and times become ISO strings that Vega reads as UTC.

    A time without a zone would be read in the browser's zone and move the marks of a date-only axis, so
    times (which here place date-only facts within their day) are written with ``Z``.
    """
    return frame.with_columns(
        pl.col(pl.Date).dt.strftime("%Y-%m-%d"),
        pl.col(pl.Datetime).dt.strftime("%Y-%m-%dT%H:%M:%SZ"),
    ).to_dicts()


# ------------------------------------------------------------------------------------------ leaderboard


def leaderboard_frame(scores: pl.DataFrame) -> pl.DataFrame:
    """``scores`` (ranked) with ``rank``, a unique ``label`` per row, ``decided`` and ``parent`` filled."""
    return scores.with_row_index("rank", offset=1).with_columns(
        # a name can be both an outlet and an official; the label keeps the two rows apart
        pl.when(pl.col("source").is_duplicated())
        .then(pl.format("{} ({})", "source", "kind"))
        .otherwise(pl.col("source"))
        .alias("label"),
        (pl.col("corroborated") + pl.col("revised")).alias("decided"),
        pl.col("parent").fill_null(""),
    )


def starting_min_claims(board: pl.DataFrame) -> int:
    """Where the leaderboard's slider starts: ``DEFAULT_MIN_CLAIMS``, or the longest record when every source
    has fewer claims (so that the chart is never empty by default); 1 for no source."""
    most = int(board.select(pl.col("claims").cast(pl.Int64).max()).item() or 0) if board.height else 0
    return max(min(DEFAULT_MIN_CLAIMS, most), 1)


# -------------------------------------------------------------------------------------------- timelines


@functools.cache
def country_names() -> dict[str, str]:
    """ISO code -> English name, from the place lexicon (``corroborate/lexicons/places.csv``).

    The lexicon lists each country's names in French then English, then its adjectives (lower case in
    French): the English name is the capitalised name just before the first lower-case one ("Libye,
    Libya, libyen" -> Libya); a country listed otherwise is named by its first name.
    """
    from corroborate.link.stories import PLACE_FILE

    lines = [ln for ln in PLACE_FILE.read_text(encoding="utf-8").splitlines() if ln.strip() and ln[0] != "#"]
    listed: dict[str, list[str]] = {}
    for row in csv.DictReader(lines):
        listed.setdefault(row["country"], []).append(row["name"])
    names = {}
    for code, entries in listed.items():
        first_lower = next((i for i, name in enumerate(entries) if name[:1].islower()), None)
        names[code] = entries[first_lower - 1] if first_lower else entries[0]
    return names


def _day(value: dt.date) -> str:
    """``3 Sep 2023``."""
    return f"{value.day} {value.strftime('%b %Y')}"


def span_words(start: dt.date | None, end: dt.date | None) -> str:
    """A period in words: ``2024``, ``October 2024``, ``1–27 Oct 2024``, ``3 Sep 2023 – 10 Sep 2024``;
    ``since …`` / ``until …`` with one end; ``""`` with none."""
    if start is None and end is None:
        return ""
    if start is None or end is None:
        return f"since {_day(start)}" if start is not None else f"until {_day(end)}"  # type: ignore[arg-type]
    if start == end:
        return _day(start)
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    next_day = end + dt.timedelta(days=1)
    if start.day == 1 and next_day.day == 1 and (start.year, start.month) == (end.year, end.month):
        return start.strftime("%B %Y")
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end.strftime('%b %Y')}"
    return f"{_day(start)} – {_day(end)}"


def quantity_words(label: str | None, unit_family: str | None, period: str) -> str:
    """What a quantity counts, from ``quantities.label`` ("public deficit · ratio · 2025-01-01 to …"):
    the label's own words (a lexicon key's underscores as spaces), capitalised, without the unit family and
    period the label repeats."""
    what = label or ""
    parts = what.split(" · ")
    if period and len(parts) > 1 and " to " in parts[-1]:
        parts = parts[:-1]
    if unit_family and len(parts) > 1 and parts[-1] == unit_family:
        parts = parts[:-1]
    what = " · ".join(parts).replace("_", " ").strip() or "unnamed quantity"
    return what[:1].upper() + what[1:]


def number_words(value: float | None) -> str:
    """A figure for a table: ``2,800,000``, ``4.4``, ``0.0123``; ``""`` for none."""
    if value is None:
        return ""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def stated_words(
    value: float | None, qualifier: str | None, low: float | None, high: float | None, *, percent: bool = False
) -> str:
    """A figure as its source stated it: ``11,300``, ``at least 3,800``, ``up to 3,000``, ``about 10,000``,
    ``6–12``, with ``%`` for a percentage. An "at least" is its floor, not the range the comparison rules allow
    it; the range of an "about" is the source's rounding, so it is not written."""
    sign = "%" if percent else ""
    if value is None:
        return ""
    figure = f"{number_words(value)}{sign}"
    if qualifier == "at_least":
        return f"at least {figure}"
    if qualifier == "at_most":
        return f"up to {figure}"
    if qualifier == "approx":
        return f"about {figure}"
    if qualifier == "range" and low is not None and high is not None and low < high:
        return f"{number_words(low)}–{number_words(high)}{sign}"
    return figure


def timeline_frames(data: ReportData) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """``(panels, points, links)`` of the timelines.

    ``panels``: one row per panel drawn (``panel`` 0, 1, … most figures first, at most ``MAX_TIMELINES``,
    each with at least ``MIN_PANEL_FIGURES`` figures): ``quantity_id``, ``place``, ``title`` (what, where,
    when, in words), ``unit_words``, ``dated``, ``undated``, ``sources``, ``start``/``end`` (its dates).
    ``points``: every claim of a drawn panel, dated or not, with ``panel`` and ``placed_at`` (its date and a
    time within the day that keeps same-day figures apart; null when undated). ``links``: claim ->
    evidence claim within one panel, with both ends placed.
    """
    claims = (
        # a reading on a scale (a quake's magnitude) is no quantity that grows or is revised: no panel
        data.claims.filter(pl.col("quantity_id").is_not_null() & ~pl.col("is_scale").fill_null(False))
        .join(data.quantities, on="quantity_id", how="left")
        .with_columns(
            # a general concept says what, not where: its figures are split by their article's country
            pl.when(pl.col("subject_key").str.starts_with("*"))
            .then(pl.col("place").fill_null(""))
            .otherwise(pl.lit(None, pl.String))
            .alias("split"),
        )
    )
    keys = ["quantity_id", "split", "era"]
    # eras: runs of article dates with no gap over MAX_GAP_DAYS; undated figures join their group's largest
    group = ["quantity_id", "split"]
    span = (pl.col("published_at").max() - pl.col("published_at").min()).dt.total_days().over(group)
    gap = pl.col("published_at").diff().dt.total_days().over(group, order_by="published_at")
    claims = claims.sort("quantity_id", "split", "published_at", nulls_last=True).with_columns(
        ((gap > MAX_GAP_DAYS) & (gap > GAP_SHARE * span))
        .fill_null(False)
        .cum_sum()
        .over("quantity_id", "split", order_by="published_at")
        .alias("era")
    )
    largest = (
        claims.filter(pl.col("published_at").is_not_null())
        .group_by("quantity_id", "split", "era")
        .len()
        .sort("len", "era", descending=[True, False])
        .unique(["quantity_id", "split"], keep="first")
        .select("quantity_id", "split", pl.col("era").alias("_main"))
    )
    claims = (
        claims.join(largest, on=["quantity_id", "split"], how="left", nulls_equal=True)
        .with_columns(
            pl.when(pl.col("published_at").is_null()).then(pl.col("_main").fill_null(0)).otherwise("era").alias("era")
        )
        .drop("_main")
    )
    panels = (
        claims.group_by(keys)
        .agg(
            pl.len().alias("figures"),
            pl.col("published_at").is_not_null().sum().alias("dated"),
            pl.col("published_at").is_null().sum().alias("undated"),
            pl.col("source").n_unique().alias("sources"),
            pl.col("published_at").min().alias("start"),
            pl.col("published_at").max().alias("end"),
            # the one country all its placed articles name, if they agree
            pl.when(pl.col("place").drop_nulls().n_unique() == 1)
            .then(pl.col("place").drop_nulls().first())
            .alias("common_place"),
            pl.col("label").first(),
            pl.col("unit_family").first(),
            pl.col("period_start").first(),
            pl.col("period_end").first(),
        )
        .filter(pl.col("figures") >= MIN_PANEL_FIGURES)
        .sort(
            ["figures", "dated", "sources", "label", "quantity_id", "split", "era"],
            descending=[True, True, True, False, False, False, False],
            nulls_last=True,
        )  # fmt: skip
        .head(MAX_TIMELINES)
        .with_row_index("panel")
    )
    names = country_names()
    titles, units, places = [], [], []
    for row in panels.iter_rows(named=True):
        # a general concept's panel is one country's (or no country's); another quantity's is placed only
        # when all its placed articles agree
        code = row["split"] if row["split"] is not None else row["common_place"]
        place = names.get(code, code) if code else NO_PLACE if row["split"] is not None else ""
        period = span_words(row["period_start"], row["period_end"])
        what = quantity_words(row["label"], row["unit_family"], period)
        when = f"for {period}" if period else ""
        if row["dated"]:
            published = span_words(row["start"], row["end"])
            when = f"{when}, as published {published}" if when else f"as published {published}"
        where = f"in {place}" if place and place != NO_PLACE else f"({place})" if place else ""
        unit = UNIT_FAMILY_WORDS.get(row["unit_family"] or "", row["unit_family"] or "value")
        titles.append(" ".join(part for part in (f"{what} ({unit})", where, when) if part))
        units.append(unit)
        places.append(place)
    panels = panels.with_columns(
        pl.Series("title", titles, pl.String), pl.Series("unit_words", units, pl.String),
        pl.Series("place", places, pl.String),
    ).drop("common_place")  # fmt: skip
    points = (
        claims.join(panels.select("panel", *keys), on=keys, nulls_equal=True)
        .sort("panel", "published_at", "source", "value", "claim_id", nulls_last=True)
        .with_columns(
            pl.len().over("panel", "published_at").alias("_same_day"),
            pl.int_range(pl.len()).over("panel", "published_at").alias("_nth"),
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
        .drop("_same_day", "_nth", "split", "era")
    )
    ends = points.filter(pl.col("placed_at").is_not_null()).select("panel", "claim_id", "placed_at", "value", "source")
    links = (
        data.links.join(ends, on="claim_id")
        .join(
            ends.rename(
                {
                    "claim_id": "evidence_claim_id",
                    "placed_at": "evidence_at",
                    "value": "evidence_value",
                    "source": "evidence_source",
                }
            ),
            on=["panel", "evidence_claim_id"],
        )
        .sort("panel", "claim_id", "evidence_claim_id", "link")
        # a pair that corroborates each other is one line
        .with_columns(
            pl.min_horizontal("claim_id", "evidence_claim_id").alias("_a"),
            pl.max_horizontal("claim_id", "evidence_claim_id").alias("_b"),
        )
        .unique(subset=["_a", "_b", "link"], keep="first", maintain_order=True)
        .drop("_a", "_b")
    )
    return panels, points, links

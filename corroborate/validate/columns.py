"""Derived columns: what some expectations compare a row with, added as polars expressions before
validation and never stored; and the pandas frame GX validates."""

from __future__ import annotations

from typing import Any

import polars as pl

from corroborate import vocab

# --------------------------------------------------------------------------------------------
# Derived columns (polars expressions, no per-row Python)


def add_derived_columns(table: str, frame: pl.DataFrame, meta: dict[str, Any] | None = None) -> pl.DataFrame:
    """Add the derived columns that need only the frame and the suite's ``meta``.

    ``plausible_max`` is looked up in the suite (``meta.plausible_max``, per unit family) rather than
    written as one row-conditioned expectation per family: each row condition costs GX a pandas
    ``query`` per metric, and twelve of them were 60% of the claims suite's time.
    """
    meta = meta or {}
    cols = set(frame.columns)
    if table == "claims" and {"value", "value_low", "value_high"} <= cols and "magnitude" not in cols:
        frame = frame.with_columns(
            pl.max_horizontal(pl.col("value").abs(), pl.col("value_low").abs(), pl.col("value_high").abs())
            .cast(pl.Float64)
            .alias("magnitude")
        )
    limits = meta.get("plausible_max")
    if table == "claims" and isinstance(limits, dict) and "unit" in cols and "plausible_max" not in cols:
        by_unit = {unit: float(limits[family]) for unit, family in vocab.UNIT_FAMILIES.items() if family in limits}
        frame = frame.with_columns(
            pl.col("unit").replace_strict(by_unit, default=None, return_dtype=pl.Float64).alias("plausible_max")
        )
    floor_families = meta.get("non_negative_families")
    if table == "claims" and isinstance(floor_families, list) and "unit" in cols and "count_floor" not in cols:
        floors = {unit: 0.0 for unit, family in vocab.UNIT_FAMILIES.items() if family in floor_families}
        frame = frame.with_columns(
            pl.col("unit").replace_strict(floors, default=None, return_dtype=pl.Float64).alias("count_floor")
        )
    share_of_whole = meta.get("share_of_whole")
    if table == "claims" and isinstance(share_of_whole, str) and "unit" in cols and "share_max" not in cols:
        # Whether a percent is a share of a whole ("250 % de la population") or a change ("une hausse de
        # 250 %") is read from the words right after the figure; only a share is bounded by 100.
        whole = (
            pl.col("article_after").str.contains(share_of_whole).fill_null(False)
            if "article_after" in cols
            else pl.lit(False)
        )
        ratio = pl.col("unit").replace_strict(vocab.UNIT_FAMILIES, default=None, return_dtype=pl.String) == "ratio"
        frame = frame.with_columns(
            pl.when(ratio.fill_null(False) & whole).then(pl.lit(100.0)).otherwise(None).alias("share_max")
        )
    if table == "source_scores" and {"corroborated", "revised", "unresolved"} <= cols and "outcomes_total" not in cols:
        frame = frame.with_columns(
            (pl.col("corroborated") + pl.col("revised") + pl.col("unresolved")).alias("outcomes_total")
        )
    return frame


def add_article_spans(claims: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """Add ``article_length``, ``article_span`` and ``article_after`` (the 48 characters after the span) to
    claims from ``articles(article_id, text)``.

    Both are null when the claim's article is not in ``articles``. Offsets are in characters, as
    Python and the extract contract count them.
    """
    texts = articles.select(pl.col("article_id"), pl.col("text").alias("__article_text")).unique(
        subset="article_id", keep="first"
    )
    start = pl.col("char_start").clip(lower_bound=0)
    joined = claims.join(texts, on="article_id", how="left")
    return joined.with_columns(
        pl.col("__article_text").str.len_chars().cast(pl.Int64).alias("article_length"),
        pl.col("__article_text")
        .str.slice(start, (pl.col("char_end") - start).clip(lower_bound=0))
        .alias("article_span"),
        pl.col("__article_text").str.slice(pl.col("char_end").clip(lower_bound=0), 48).alias("article_after"),
    ).drop("__article_text")


def _to_pandas(frame: pl.DataFrame) -> Any:
    """The pandas frame GX validates, with dtypes its comparisons handle.

    GX turns a date bound written in a suite ("1990-01-01") into a ``datetime.date``, which pandas
    refuses to compare with a ``datetime64`` column: date columns are handed over as ``date``
    objects instead. Numbers are widened to 64 bits, the dtypes GX compares vectorised (anything
    else falls back to a Python call per value).
    """
    casts = []
    dates = []
    for name, dtype in frame.schema.items():
        if dtype == pl.Date:
            dates.append(name)
        elif isinstance(dtype, pl.Datetime):
            casts.append(pl.col(name).cast(pl.Datetime("ns")))
        elif dtype.is_integer() and dtype != pl.Int64:
            casts.append(pl.col(name).cast(pl.Int64))
        elif dtype.is_float() and dtype != pl.Float64:
            casts.append(pl.col(name).cast(pl.Float64))
    if casts:
        frame = frame.with_columns(casts)
    pdf = frame.drop(dates).to_pandas()
    if dates:
        import pandas as pd

        for name in dates:
            pdf[name] = pd.Series(frame.get_column(name).to_list(), index=pdf.index, dtype=object)
        pdf = pdf[frame.columns]
    return pdf

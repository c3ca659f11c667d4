"""A range whose two bounds belong to two sources, in order ("entre 12 400 et 30 000 manifestants, selon
la police et les syndicats"): split into one claim per source.
"""

from __future__ import annotations

import polars as pl

# "entre 12 400 et 30 000 manifestants, selon la police et les syndicats": each bound is one source's.
_RESPECTIVE_RANGE_RX = r"(?i)^(?:entre|between)\s+(.*?\d)\s+(?:et|and)\s+\D{0,12}\d"
_TWO_SOURCES_RX = r"^(.+?)\s+(?:et|and)\s+(?:les\s+|la\s+|le\s+|l['’]|the\s+)?(.+)$"


def _split_respective_ranges(frame: pl.LazyFrame) -> pl.LazyFrame:
    """A range opened by ``entre``/``between`` credited to two coordinated sources ("selon la police et les
    syndicats", "according to police and organisers") gives each bound to its source, in order: two claims
    of one value each instead of one range of nobody's."""
    first = pl.col("text").str.extract(_RESPECTIVE_RANGE_RX, 1)
    sources = pl.col("source").str.extract_groups(_TWO_SOURCES_RX)
    split = (
        pl.col("attributed")
        & (pl.col("qualifier") == "range")
        & first.is_not_null()
        & pl.col("source").str.contains(_TWO_SOURCES_RX)
    )
    marked = frame.with_columns(
        _split=split.fill_null(False),
        _low_len=first.str.len_chars() + pl.col("text").str.find(r"\d"),
        _src1=sources.struct.field("1"),
        _src2=sources.struct.field("2"),
    )
    parts = marked.filter(pl.col("_split"))
    low = parts.with_columns(
        char_start=pl.col("char_start") + pl.col("text").str.find(r"\d"),
        char_end=pl.col("char_start") + pl.col("_low_len"),
        text=pl.col("text").str.slice(pl.col("text").str.find(r"\d"), first.str.len_chars()),
        value=pl.col("value_low"),
        value_high=pl.col("value_low"),
        source=pl.col("_src1"),
        source_org=pl.col("_src1"),
    )
    high_at = pl.col("_low_len") + pl.col("text").str.slice(pl.col("_low_len")).str.find(r"\d")
    high = parts.with_columns(
        char_start=pl.col("char_start") + high_at,
        text=pl.col("text").str.slice(high_at),
        value=pl.col("value_high"),
        value_low=pl.col("value_high"),
        source=pl.col("_src2"),
        source_org=pl.col("_src2"),
    )
    both = pl.concat([low, high], how="vertical_relaxed").with_columns(
        qualifier=pl.lit("exact"), confidence=pl.col("confidence") * 0.9
    )
    rest = marked.filter(~pl.col("_split"))
    return pl.concat([rest, both], how="vertical_relaxed").drop("_split", "_low_len", "_src1", "_src2")

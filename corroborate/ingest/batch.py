"""The batch-wide steps of ingest, on the raw rows of one read: publication dates parsed (or inferred from the
page), the language chosen, duplicates within the batch found, and each record given its status and reason."""

from __future__ import annotations

import datetime as dt

import polars as pl

from corroborate.db import table_schema
from corroborate.ingest.dates import MONTHS, inferred_date
from corroborate.language import OTHER, classify_language, normalise_language
from corroborate.vocab import LANGUAGES, UNKNOWN_OUTLET

# Frames for the articles and ingest_log tables (the run id and timestamp are added when stored); a record
# keeps its line number until it is logged.
RECORD_SCHEMA: dict[str, pl.DataType] = {
    **table_schema("articles", without=("run_id",)),
    "record_no": table_schema("ingest_log")["record_no"],
}
LOG_SCHEMA: dict[str, pl.DataType] = table_schema("ingest_log", without=("run_id", "logged_at"))
# One row per input record as read, before the batch-wide steps (dates, language, duplicates).
RAW_SCHEMA: dict[str, pl.DataType] = {
    "source_path": pl.String(),
    "record_no": pl.Int32(),
    "external_id": pl.String(),
    "outlet": pl.String(),
    "url": pl.String(),
    "title": pl.String(),
    "published_raw": pl.String(),
    "language_raw": pl.String(),
    "text": pl.String(),
    "article_id": pl.String(),
    "rejected": pl.String(),
    "warning": pl.String(),
}


_MONTHS = MONTHS  # one month table for the whole project (corroborate.ingest.dates)

_ISO_DAY = (
    r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$"
)
_ISO_MONTH = r"^(\d{4})-(\d{1,2})$"
_YEAR = r"^(\d{4})$"
_WEEKDAY = r"(?:\p{L}+\.?,?\s+)?"
_NAMED_DAY_FIRST = _WEEKDAY + r"(\d{1,2})(?:er|st|nd|rd|th)?\s+(\p{L}+)\.?,?\s+(\d{4})$"
_NAMED_MONTH_FIRST = _WEEKDAY + r"(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$"
_NAMED_MONTH = r"^(\p{L}+)\.?\s+(\d{4})$"
# A publication date before this or after tomorrow (UTC; a feed may be a time zone ahead) is a parsing or
# typing error: the article is kept without a date, with a warning.
_EARLIEST = dt.date(1900, 1, 1)


def _latest() -> dt.date:
    return dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)


def _iso(year: pl.Expr, month: pl.Expr, day: pl.Expr) -> pl.Expr:
    return pl.concat_str([year, month.cast(pl.String).str.zfill(2), day.str.zfill(2)], separator="-")


def _month_number(name: pl.Expr) -> pl.Expr:
    return name.str.to_lowercase().replace_strict(_MONTHS, default=None, return_dtype=pl.Int32)


def _with_inferred_dates(raw: pl.DataFrame) -> pl.DataFrame:
    """Records without a date take the one their URL, title or opening gives (``corroborate.ingest.dates``)."""
    missing = pl.col("published_raw").is_null() | (pl.col("published_raw").str.strip_chars() == "")
    inferred = pl.struct("url", "title", "text").map_elements(
        lambda r: inferred_date(r["url"], r["title"], r["text"]), return_dtype=pl.String
    )
    return raw.with_columns(pl.when(missing).then(inferred).otherwise(pl.col("published_raw")).alias("published_raw"))


def _with_dates(raw: pl.DataFrame) -> pl.DataFrame:
    """Parse ``published_raw`` into ``published_at`` (Date) and ``published_precision``.

    Read: ISO dates and datetimes (the date as written, offsets ignored), ``YYYY-MM`` (month,
    stored as its first day), ``YYYY`` (year), and French or English written dates
    (``lundi 28 octobre 2024``, ``1er novembre 2024``, ``October 28, 2024``, ``octobre 2024``).
    Anything else gives a null date and a warning in ``date_warning``.
    """
    value = pl.col("published_raw").str.strip_chars()
    one = pl.lit("1")
    candidates: list[tuple[pl.Expr, str]] = [
        (
            _iso(value.str.extract(_ISO_DAY, 1), value.str.extract(_ISO_DAY, 2), value.str.extract(_ISO_DAY, 3)),
            "day",
        ),
        (_iso(value.str.extract(_ISO_MONTH, 1), value.str.extract(_ISO_MONTH, 2), one), "month"),
        (_iso(value.str.extract(_YEAR, 1), one, one), "year"),
        (
            _iso(
                value.str.extract(_NAMED_DAY_FIRST, 3),
                _month_number(value.str.extract(_NAMED_DAY_FIRST, 2)),
                value.str.extract(_NAMED_DAY_FIRST, 1),
            ),
            "day",
        ),
        (
            _iso(
                value.str.extract(_NAMED_MONTH_FIRST, 3),
                _month_number(value.str.extract(_NAMED_MONTH_FIRST, 1)),
                value.str.extract(_NAMED_MONTH_FIRST, 2),
            ),
            "day",
        ),
        (
            _iso(value.str.extract(_NAMED_MONTH, 2), _month_number(value.str.extract(_NAMED_MONTH, 1)), one),
            "month",
        ),
    ]
    dates = [iso.str.to_date("%Y-%m-%d", strict=False) for iso, _ in candidates]
    latest = _latest()
    in_range = [date.is_between(pl.lit(_EARLIEST), pl.lit(latest)) for date in dates]
    outside = pl.coalesce(dates)
    precision = pl.lit(None, dtype=pl.String)
    for (_, label), ok in reversed(list(zip(candidates, in_range, strict=True))):
        precision = pl.when(ok).then(pl.lit(label)).otherwise(precision)
    published = pl.coalesce([pl.when(ok).then(date) for date, ok in zip(dates, in_range, strict=True)])
    return (
        raw.with_columns(published_at=published, published_precision=precision, _outside=outside)
        .with_columns(
            date_warning=pl.when(value.is_not_null() & (value != "") & pl.col("published_at").is_null()).then(
                pl.when(pl.col("_outside").is_not_null())
                .then(
                    pl.format(
                        f"published_at '{{}}' is outside {_EARLIEST.isoformat()} to {latest.isoformat()}; "
                        "stored without a date",
                        value,
                    )
                )
                .otherwise(
                    pl.format(
                        "published_at '{}' is not a date written as YYYY-MM-DD, "
                        "YYYY-MM, YYYY or '28 octobre 2024'; stored without a date",
                        value,
                    )
                )
            )
        )
        .drop("_outside")
    )


def _with_language(raw: pl.DataFrame) -> pl.DataFrame:
    """Choose ``language``: the declared one when supported, else the one the text reads as.

    A record is rejected only when it is clearly not in a supported language: its text reads as
    neither French nor English, or it declares an unsupported language that detection does not
    contradict. Text too short to judge keeps a null language, with a warning.
    """
    supported = pl.lit(list(LANGUAGES))
    frame = raw.with_columns(_declared=normalise_language(pl.col("language_raw")))
    # Null-safe: a missing declaration or verdict is "not supported", never unknown.
    declared_ok = pl.col("_declared").is_in(supported).fill_null(False)
    # Detection reads every word: only for the records whose declaration does not settle it.
    undecided_text = pl.when(declared_ok).then(pl.lit(None, dtype=pl.String)).otherwise(pl.col("text"))
    frame = frame.with_columns(_detected=classify_language(undecided_text))
    detected_ok = pl.col("_detected").is_in(supported).fill_null(False)
    declared_other = pl.col("_declared").is_not_null() & ~declared_ok
    return frame.with_columns(
        language=pl.when(declared_ok).then(pl.col("_declared")).when(detected_ok).then(pl.col("_detected")),
        language_rejected=pl.when(declared_ok)
        .then(pl.lit(None, dtype=pl.String))
        .when(declared_other & ~detected_ok)
        .then(
            pl.format(
                "unsupported language: declared '{}' and the text does not read as French or English",
                pl.col("language_raw"),
            )
        )
        .when(pl.col("_detected") == OTHER)
        .then(pl.lit("unsupported language: the text reads as neither French nor English")),
        language_warning=pl.when(declared_other & detected_ok)
        .then(
            pl.format(
                "declared language '{}' is not supported; the text reads as '{}'",
                pl.col("language_raw"),
                pl.col("_detected"),
            )
        )
        .when(~declared_ok & pl.col("_detected").is_null())
        .then(pl.lit("language not determined (too few words to tell French from English)")),
    ).drop("_declared", "_detected")


def join_reasons(*reasons: pl.Expr) -> pl.Expr:
    joined = pl.concat_str(list(reasons), separator="; ", ignore_nulls=True)
    return pl.when(joined == "").then(None).otherwise(joined)


def finish(raw: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Batch-wide steps on the raw rows: dates, language, in-batch duplicates, statuses."""
    readable = raw.filter(pl.col("rejected").is_null())
    readable = _with_language(_with_dates(_with_inferred_dates(readable)))
    frame = pl.concat([readable, raw.filter(pl.col("rejected").is_not_null())], how="diagonal_relaxed").sort("_order")
    rejected_reason = pl.coalesce(pl.col("rejected"), pl.col("language_rejected"))
    key = pl.when(rejected_reason.is_null()).then(pl.col("article_id"))
    first_path = pl.col("source_path").first().over(key)
    first_no = pl.col("record_no").first().over(key)
    first_ref = pl.when(first_no == 0).then(first_path).otherwise(pl.format("{} line {}", first_path, first_no))
    frame = frame.with_columns(
        status=pl.when(rejected_reason.is_not_null())
        .then(pl.lit("rejected"))
        .when(~key.is_first_distinct())
        .then(pl.lit("duplicate"))
        .otherwise(pl.lit("stored")),
        outlet=pl.col("outlet").fill_null(UNKNOWN_OUTLET),
        _first_ref=first_ref,
        # One id for several texts: a feed reusing ids, or an article edited under the same id. Both are
        # kept (they are different texts) and flagged, so that a desk can see which is which.
        _id_texts=pl.col("article_id").n_unique().over(pl.when(rejected_reason.is_null()).then(pl.col("external_id"))),
    ).with_columns(
        reason=pl.when(pl.col("status") == "rejected")
        .then(rejected_reason)
        .otherwise(
            join_reasons(
                pl.when(pl.col("status") == "duplicate").then(
                    pl.format("same text as {}, earlier in this batch", pl.col("_first_ref"))
                ),
                pl.when(pl.col("external_id").is_not_null() & (pl.col("_id_texts") > 1)).then(
                    pl.format(
                        "id '{}' is used by {} different texts in this batch; each is kept",
                        pl.col("external_id"),
                        pl.col("_id_texts"),
                    )
                ),
                pl.col("warning"),
                pl.col("date_warning"),
                pl.col("language_warning"),
            )
        ),
        article_id=pl.when(pl.col("status") != "rejected").then(pl.col("article_id")),
    )
    records = frame.filter(pl.col("status") == "stored").select(
        [pl.col(name).cast(dtype) for name, dtype in RECORD_SCHEMA.items()]
    )
    log = frame.select([pl.col(name).cast(dtype) for name, dtype in LOG_SCHEMA.items()])
    return records, log

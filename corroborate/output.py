"""Render a result frame as a rich table, a JSON array, JSON lines or CSV: one code path for every command.

Tables are for people: numbers read the same in every language (``100``, ``100,000``, ``0.35``; a dot is
only ever a decimal point), and the table fits the terminal (or ``$COLUMNS``, or 100 columns when the
output is piped and no terminal is around). JSON, JSON lines and CSV keep the raw values.
"""

from __future__ import annotations

import enum
import json
import math
import os
import sys
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import IO, Any

import polars as pl

PIPED_WIDTH = 100
SHORT_CELL = 12  # columns whose cells are all this short never wrap; longer text wraps at spaces


class OutputFormat(enum.StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    jsonl = "jsonl"


class ColumnError(ValueError):
    """A requested column is not in the result; the message lists the ones that are."""


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return str(value)


def to_json(value: Any, *, indent: int | None = None) -> str:
    """``value`` as JSON text (dates as ISO strings, non-ASCII kept as is)."""
    return json.dumps(value, ensure_ascii=False, default=_json_default, indent=indent)


def render(
    frame: pl.DataFrame,
    fmt: OutputFormat,
    *,
    title: str | None = None,
    out: IO[str] | None = None,
    headers: Mapping[str, str] | None = None,
    decimals: Mapping[str, int] | None = None,
) -> None:
    """Write ``frame`` to ``out`` (stdout by default) in ``fmt``.

    ``json`` is one array of objects, ``jsonl`` one object per line, ``csv`` has a header line, ``table``
    is a rich table fitted to :func:`table_width`. Only tables use ``title``, ``headers`` (column name ->
    printed header, which may hold a line break) and ``decimals`` (column name -> fixed decimals, for
    columns such as scores that read better aligned).
    """
    out = out or sys.stdout
    if fmt is OutputFormat.json:
        out.write(to_json(frame.to_dicts(), indent=2) + "\n")
    elif fmt is OutputFormat.jsonl:
        for row in frame.iter_rows(named=True):
            out.write(to_json(row) + "\n")
    elif fmt is OutputFormat.csv:
        out.write(_csv_ready(frame).write_csv())
    else:
        render_table(frame, out, title=title, headers=headers, decimals=decimals)


def _csv_ready(frame: pl.DataFrame) -> pl.DataFrame:
    """CSV cannot hold nested values: lists, structs and maps are written as JSON text."""
    nested = [name for name, dtype in frame.schema.items() if dtype.is_nested()]
    if not nested:
        return frame
    return frame.with_columns(
        pl.col(name).map_elements(
            lambda v: to_json(v.to_list() if isinstance(v, pl.Series) else v),
            return_dtype=pl.String,
        )
        for name in nested
    )


def format_number(value: int | float | Decimal, places: int | None = None) -> str:
    """A number as a reader of any language reads it: thousands separated by commas, never by a dot.

    Whole numbers print without decimals (``100``, ``100,000``, ``725``); other values keep the decimals
    they have, up to three significant ones below 1 (``0.333``) and three places above (``2.5``,
    ``1,234.56``). ``places`` fixes the number of decimals instead (``0.50`` with 2).
    """
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return f"{value:,}"
    number = float(value)
    if math.isnan(number) or math.isinf(number):
        return str(number)
    if places is not None:
        return f"{number:,.{places}f}"
    if number.is_integer():
        return f"{int(number):,}"
    if abs(number) < 1:
        return f"{number:.3g}"
    return f"{number:,.3f}".rstrip("0").rstrip(".")


def format_cell(value: Any, places: int | None = None) -> str:
    """The text of one table cell: numbers by :func:`format_number`, lists joined, nothing for null."""
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return format_number(value, places)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple | pl.Series):
        items = value.to_list() if isinstance(value, pl.Series) else value
        return ", ".join(format_cell(v) for v in items)
    if isinstance(value, dict):
        return to_json(value)
    return str(value)


def table_width(out: IO[str] | None = None) -> int:
    """Columns a table may use: ``$COLUMNS``, else the terminal's width, else :data:`PIPED_WIDTH`.

    When ``out`` is a pipe or a file the terminal is looked for on stderr (the user's screen when they
    pipe into ``less`` or a file), so a table is never wider than a screen.
    """
    env = os.environ.get("COLUMNS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    streams = [out or sys.stdout, sys.stderr]
    for stream in streams:
        try:
            if stream.isatty():
                return os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, OSError, ValueError):
            continue
    return PIPED_WIDTH


def select_columns(
    frame: pl.DataFrame, requested: Sequence[str] | None, default: Sequence[str] | None = None
) -> pl.DataFrame:
    """The columns ``requested`` (in that order), else the ``default`` ones present, else all of them.

    Default columns that the frame does not have are skipped, so a display list may name columns that
    only some databases have. Raises :class:`ColumnError` when a requested column does not exist.
    """
    if requested:
        names = [name.strip() for item in requested for name in item.split(",") if name.strip()]
        unknown = [name for name in names if name not in frame.columns]
        if unknown:
            raise ColumnError(f"no column {', '.join(unknown)}; the columns are: {', '.join(frame.columns)}")
        return frame.select(names)
    if default:
        return frame.select([name for name in default if name in frame.columns])
    return frame


def render_table(
    frame: pl.DataFrame,
    out: IO[str],
    *,
    title: str | None = None,
    headers: Mapping[str, str] | None = None,
    decimals: Mapping[str, int] | None = None,
    width: int | None = None,
) -> None:
    """``frame`` as a rich table of at most ``width`` columns (default :func:`table_width`).

    Text cells wrap at spaces (long words fold); numbers never wrap. No vertical rules: they cost two
    characters a column; one space separates columns.
    """
    from rich import box
    from rich.console import Console
    from rich.table import Table

    headers = headers or {}
    decimals = decimals or {}
    table = Table(
        title=title, box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, padding=(0, 0, 0, 1), title_justify="left"
    )
    numeric = {name for name, dtype in frame.schema.items() if dtype.is_numeric()}
    cells = [
        [format_cell(v, decimals.get(name)) for name, v in zip(frame.columns, row, strict=True)]
        for row in frame.iter_rows()
    ]
    for index, name in enumerate(frame.columns):
        header = headers.get(name, name)
        longest = max([len(row[index]) for row in cells] + [len(line) for line in header.splitlines()])
        table.add_column(
            header,
            justify="right" if name in numeric else "left",
            overflow="fold",
            no_wrap=name in numeric or longest <= SHORT_CELL,  # numbers and short words stay whole
        )
    for row in cells:
        table.add_row(*row)
    console = Console(file=out, width=width or table_width(out), soft_wrap=False, highlight=False)
    console.print(table)
    if frame.is_empty():
        console.print("(no rows)")


def print_lines(lines: Sequence[str], out: IO[str] | None = None, *, width: int | None = None) -> None:
    """Plain text lines wrapped to the table width (used above a table, e.g. ``explain``'s header)."""
    from rich.console import Console

    out = out or sys.stdout
    console = Console(file=out, width=width or table_width(out), soft_wrap=False, highlight=False)
    for line in lines:
        console.print(line, markup=False)

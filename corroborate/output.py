"""Render a result frame as a rich table, a JSON array or CSV: one code path for every command."""

from __future__ import annotations

import enum
import json
import sys
from datetime import date, datetime
from typing import IO, Any

import polars as pl


class OutputFormat(enum.StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    jsonl = "jsonl"


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def render(frame: pl.DataFrame, fmt: OutputFormat, *, title: str | None = None, out: IO[str] | None = None) -> None:
    """Write ``frame`` to ``out`` (stdout by default) in ``fmt``.

    ``json`` is one array of objects, ``jsonl`` one object per line, ``csv`` has a header line, ``table``
    is a rich table sized to the terminal.
    """
    out = out or sys.stdout
    if fmt is OutputFormat.json:
        json.dump(frame.to_dicts(), out, ensure_ascii=False, default=_json_default, indent=2)
        out.write("\n")
    elif fmt is OutputFormat.jsonl:
        for row in frame.iter_rows(named=True):
            out.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")
    elif fmt is OutputFormat.csv:
        out.write(_csv_ready(frame).write_csv())
    else:
        _render_table(frame, title, out)


def _csv_ready(frame: pl.DataFrame) -> pl.DataFrame:
    """CSV cannot hold nested values: lists, structs and maps are written as JSON text."""
    nested = [name for name, dtype in frame.schema.items() if dtype.is_nested()]
    if not nested:
        return frame
    return frame.with_columns(
        pl.col(name).map_elements(
            lambda v: json.dumps(v.to_list() if isinstance(v, pl.Series) else v, default=_json_default),
            return_dtype=pl.String,
        )
        for name in nested
    )


def _format_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def _render_table(frame: pl.DataFrame, title: str | None, out: IO[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for name, dtype in frame.schema.items():
        table.add_column(name, justify="right" if dtype.is_numeric() else "left", overflow="fold")
    for row in frame.iter_rows():
        table.add_row(*(_format_cell(v) for v in row))
    # Off a terminal (a pipe, a file) rich would wrap every cell at 80 columns: let rows be as wide as they are.
    console = Console(file=out, soft_wrap=False, width=None if out.isatty() else 10_000)
    console.print(table)
    if frame.is_empty():
        console.print("(no rows)")

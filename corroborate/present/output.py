"""Render a result frame as a rich table, a JSON array, JSON lines or CSV: one code path for every command.

Tables are for people: numbers read the same in every language (``100``, ``100,000``, ``0.35``; a dot is
only ever a decimal point), and the table fits the terminal (or ``$COLUMNS``, or 100 columns when the
output is piped and no terminal is around). A number is never cut: the columns that do not fit are left
out whole, and a note on stderr says which. JSON, JSON lines and CSV keep the raw values.
"""

from __future__ import annotations

import enum
import io
import json
import math
import os
import sys
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any

import polars as pl

if TYPE_CHECKING:
    from rich.console import Console

PIPED_WIDTH = 100
SHORT_CELL = 12  # columns whose cells are all this short never wrap; longer text wraps at spaces
GAP = 2  # spaces between two columns (the table's left padding and its invisible vertical rule); 1 when tight
WRAP_WIDTH = 10  # the narrowest a column of longer text (or a header) wraps to before columns are left out


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
    columns_option: bool = False,
    missing: Mapping[str, str] | None = None,
    caption: str | None = None,
    whole: Collection[str] = (),
) -> None:
    """Write ``frame`` to ``out`` (stdout by default) in ``fmt``.

    ``json`` is one array of objects, ``jsonl`` one object per line, ``csv`` has a header line, ``table``
    is a rich table fitted to :func:`table_width`. Only tables use ``title``, ``headers`` (column name ->
    printed header, which may hold a line break) and ``decimals`` (column name -> fixed decimals, for
    columns such as scores that read better aligned), ``missing`` (column name -> the text of a null cell,
    empty otherwise), ``caption`` (a line below the table) and ``whole`` (text columns, such as ids, whose
    cells never wrap). A table that leaves columns out says so on
    stderr, naming ``--columns`` as a remedy when ``columns_option`` (the command has that option).
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
        render_table(
            frame,
            out,
            title=title,
            headers=headers,
            decimals=decimals,
            columns_option=columns_option,
            missing=missing,
            caption=caption,
            whole=whole,
        )


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
    pipe into ``less`` or a file), so a table is never wider than a screen. A terminal that reports no
    width (0 columns, as a fresh pseudo-terminal does) counts as none.
    """
    env = os.environ.get("COLUMNS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    streams = [out or sys.stdout, sys.stderr]
    for stream in streams:
        try:
            if stream.isatty():
                columns = os.get_terminal_size(stream.fileno()).columns
                if columns > 0:
                    return columns
        except (AttributeError, OSError, ValueError):
            continue
    return PIPED_WIDTH


def no_color() -> bool:
    """Whether ``$NO_COLOR`` asks for output without colours or styles (set and not empty, as no-color.org says)."""
    return bool(os.environ.get("NO_COLOR"))


def force_color() -> bool:
    """Whether ``$CLICOLOR_FORCE`` (set, not empty, not ``0``) asks for colours and styles even when the output is
    not a terminal (bixense.com/clicolors); ``$NO_COLOR`` wins over it."""
    return os.environ.get("CLICOLOR_FORCE", "") not in ("", "0") and not no_color()


def _console(file: IO[str], width: int, *, plain: bool = False) -> Console:
    """A rich console of ``width`` columns on ``file``; no escape codes at all when ``plain`` (output that is not a
    terminal) unless ``$CLICOLOR_FORCE`` asks for them, nor ever under ``$NO_COLOR``."""
    from rich.console import Console

    if force_color():
        return Console(file=file, width=width, soft_wrap=False, highlight=False, force_terminal=True)
    if plain or no_color():
        return Console(file=file, width=width, soft_wrap=False, highlight=False, color_system=None)
    return Console(file=file, width=width, soft_wrap=False, highlight=False)


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


def _is_tty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@dataclass
class _Column:
    """One column of a table: its cells as printed, and the narrowest and widest it should be."""

    name: str
    header: str
    numeric: bool
    cells: list[str]
    least: int = 0  # numbers and short words are never cut below this; long text wraps down to it
    most: int = 0
    whole: bool = False  # its cells never wrap (numbers, short words, and the columns asked for)

    def __post_init__(self) -> None:
        from rich.cells import cell_len

        longest = max((cell_len(c) for c in self.cells), default=0)
        header = max((cell_len(line) for line in self.header.splitlines()), default=0)
        self.most = max(longest, header, 1)
        self.whole = self.whole or self.numeric or longest <= SHORT_CELL
        cells = longest if self.whole else min(longest, WRAP_WIDTH)
        self.least = max(cells, min(header, WRAP_WIDTH), 1)


def fit_columns(columns: Sequence[_Column], width: int, gap: int = GAP) -> tuple[list[_Column], list[int]]:
    """The columns that fit ``width`` (from the first; a column that does not fit is left out whole, with
    every one after it) and the width each gets: its cells on one line when they all fit, else the widest
    columns narrowed to one common width (never below their ``least``), so that narrower columns stay
    whole. ``gap`` spaces separate columns."""
    kept: list[_Column] = []
    used = -gap
    for column in columns:
        if kept and used + gap + column.least > width:
            break
        kept.append(column)
        used += gap + column.least
    room = width - gap * (len(kept) - 1)

    def widths_under(cap: int) -> list[int]:
        return [max(c.least, min(c.most, cap)) for c in kept]

    low, high = 0, max(c.most for c in kept)
    while low < high:  # the widest common cap that fits
        middle = (low + high + 1) // 2
        if sum(widths_under(middle)) <= room:
            low = middle
        else:
            high = middle - 1
    widths = widths_under(low)
    left = room - sum(widths)
    for index, column in enumerate(kept):  # what the cap leaves over, one column each, from the left
        if left <= 0:
            break
        if widths[index] < column.most:
            widths[index] += 1
            left -= 1
    return kept, widths


def render_table(
    frame: pl.DataFrame,
    out: IO[str],
    *,
    title: str | None = None,
    headers: Mapping[str, str] | None = None,
    decimals: Mapping[str, int] | None = None,
    width: int | None = None,
    columns_option: bool = False,
    notes: IO[str] | None = None,
    missing: Mapping[str, str] | None = None,
    caption: str | None = None,
    whole: Collection[str] = (),
) -> list[str]:
    """``frame`` as a rich table of at most ``width`` columns (default :func:`table_width`).

    Numbers and short words are never cut; longer text wraps at spaces (long words fold). When not every
    column fits, the last ones are left out whole and one line on ``notes`` (stderr by default) names them
    and says how to see them (``-f csv``; ``--columns`` too when ``columns_option``). Returns the names of
    the columns left out. Off a terminal no line ends with padding spaces. No vertical rules: they cost two
    characters a column; :data:`GAP` spaces separate columns, one when that leaves a column out.
    """
    from rich import box
    from rich.table import Table

    headers = headers or {}
    decimals = decimals or {}
    missing = missing or {}
    width = width or table_width(out)
    numeric = {name for name, dtype in frame.schema.items() if dtype.is_numeric()}
    rows = [
        [
            missing.get(name, "") if v is None else format_cell(v, decimals.get(name))
            for name, v in zip(frame.columns, row, strict=True)
        ]
        for row in frame.iter_rows()
    ]
    columns = [
        _Column(name, headers.get(name, name), name in numeric, [row[index] for row in rows], whole=name in whole)
        for index, name in enumerate(frame.columns)
    ]
    gap = GAP
    kept, widths = fit_columns(columns, width, gap)
    if len(kept) < len(columns):  # columns move closer before any is left out
        gap = 1
        kept, widths = fit_columns(columns, width, gap)
    table = Table(
        title=title,
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
        padding=(0, 0, 0, gap - 1),
        title_justify="left",
        caption=caption,
        caption_justify="left",
        caption_style="none",
    )
    for column, column_width in zip(kept, widths, strict=True):
        table.add_column(
            column.header,
            justify="right" if column.numeric else "left",
            overflow="fold",
            no_wrap=column.whole,
            width=column_width,
        )
    for index in range(len(rows)):
        table.add_row(*(column.cells[index] for column in kept))
    terminal = _is_tty(out)
    buffer = None if terminal else io.StringIO()
    console = _console(out if buffer is None else buffer, width, plain=buffer is not None)
    console.print(table)
    if frame.is_empty():
        console.print("(no rows)")
    if buffer is not None:
        out.write("".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines()))
    left_out = [c.name for c in columns[len(kept) :]]
    if left_out:
        how = "`-f csv` shows every column" + (", `--columns` picks the ones to show" if columns_option else "")
        print(
            f"note: {len(left_out)} of {len(columns)} columns left out to fit {width} columns: "
            f"{', '.join(left_out)} ({how}; a wider $COLUMNS shows more)",
            file=notes or sys.stderr,
        )
    return left_out


def print_lines(lines: Sequence[str], out: IO[str] | None = None, *, width: int | None = None) -> None:
    """Plain text lines wrapped to the table width (used above a table, e.g. ``explain``'s header)."""
    out = out or sys.stdout
    width = width or table_width(out)
    terminal = _is_tty(out)
    buffer = None if terminal else io.StringIO()
    console = _console(out if buffer is None else buffer, width, plain=buffer is not None)
    for line in lines:
        console.print(line, markup=False)
    if buffer is not None:
        out.write("".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines()))

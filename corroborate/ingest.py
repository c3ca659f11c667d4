"""Ingest: input files and records -> ``articles`` and ``ingest_log``.

Inputs are files or folders. Folders are read recursively, entries in name order; hidden entries
(names starting with ".") and ``.csv`` sidecars (manifests, alias lists) are not inputs. Any other
file is an input, and one with an unknown extension is rejected. Recognised files:

- ``.txt``: one article; metadata from an optional ``manifest.csv`` in the same folder
  (``file,outlet,url,published_at,language,title``; ``,`` or ``;`` separated);
- ``.html`` / ``.htm``: one article, reduced to its text (the manifest applies too);
- ``.json``: one record ``{"id", "outlet", "url", "published_at", "language", "title", "text"}``,
  only ``text`` required (a manifest row, if any, fills the fields the record leaves out);
- ``.jsonl``: one such record per line (blank lines are skipped).

Every input record gets exactly one log row: ``stored``, ``duplicate`` (same text as an article
already stored, or as an earlier record of the same batch) or ``rejected``, with a reason a user
can act on. A stored row's reason is a warning (a date that could not be read, an undetermined
language). Nothing in the inputs makes ingest raise.

The size limit applies to each file, and to each line of a ``.jsonl`` file: a feed of many small
records is fine, one oversized record is rejected on its own.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import stat
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from corroborate.dates import MONTHS, inferred_date
from corroborate.db import model_sql, run_model, table_schema
from corroborate.language import OTHER, classify_language, normalise_language
from corroborate.textio import DecodeError, decode_bytes, html_to_text, looks_like_html
from corroborate.vocab import LANGUAGES, UNKNOWN_OUTLET

__all__ = [
    "DEFAULT_MAX_BYTES",
    "IngestSummary",
    "article_id",
    "identity_form",
    "ingest_paths",
    "read_records",
]

DEFAULT_MAX_BYTES = 5_000_000
MANIFEST_NAME = "manifest.csv"
# CSV files inside input folders are sidecars (the manifest, alias lists), never articles.
SIDECAR_SUFFIX = ".csv"
MANIFEST_COLUMNS: tuple[str, ...] = ("file", "outlet", "url", "published_at", "language", "title")
METADATA_FIELDS: tuple[str, ...] = ("outlet", "url", "published_at", "language", "title")
SUFFIX_KINDS: dict[str, str] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
}

# Frames for the articles and ingest_log tables (the run id and timestamp are added when stored); a record
# keeps its line number until it is logged.
RECORD_SCHEMA: dict[str, pl.DataType] = {
    **table_schema("articles", without=("run_id",)),
    "record_no": table_schema("ingest_log")["record_no"],
}
LOG_SCHEMA: dict[str, pl.DataType] = table_schema("ingest_log", without=("run_id", "logged_at"))
# One row per input record as read, before the batch-wide steps (dates, language, duplicates).
_RAW_SCHEMA: dict[str, pl.DataType] = {
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


@dataclass
class IngestSummary:
    """Counts of one ingest: log rows per status, and stored articles that carry a warning."""

    stored: int
    duplicate: int
    rejected: int
    warnings: int


# --- identity -----------------------------------------------------------------------------------

_WHITESPACE_RE = re.compile(r"\s+")
# Invisible characters that editors and CMSs insert or drop at will; they do not make a new text.
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def identity_form(text: str) -> str:
    """The form of ``text`` that decides identity: NFC, invisible characters removed, every run
    of whitespace (no-break spaces included) made one space, stripped. Case is kept."""
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFC", text))
    return _WHITESPACE_RE.sub(" ", text).strip()


def article_id(text: str) -> str:
    """The article id of ``text``: the first 16 hex digits of the SHA-256 of its identity form."""
    return _hash_identity(identity_form(text))


def _hash_identity(identity: str) -> str:
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]


# --- reading ------------------------------------------------------------------------------------


class _Rejected(Exception):
    """An input record that cannot be used; the message is the reason logged."""


@dataclass
class _Manifest:
    """A folder's ``manifest.csv``: metadata per file name, and the problems found reading it."""

    path: Path
    rows: dict[str, dict[str, str | None]] = field(default_factory=dict)
    row_lines: dict[str, int] = field(default_factory=dict)
    # (record_no, reason): record_no 0 for the whole file, else the CSV line of the row.
    problems: list[tuple[int, str]] = field(default_factory=list)
    problems_logged: bool = False
    unknown_files_logged: bool = False


@dataclass
class _Reader:
    """One pass over the inputs, collecting one raw row per input record."""

    max_bytes: int
    rows: list[dict[str, Any]] = field(default_factory=list)
    manifests: dict[Path, _Manifest | None] = field(default_factory=dict)
    visited_dirs: set[str] = field(default_factory=set)

    # Output ------------------------------------------------------------------------------------

    def reject(self, path: Path, record_no: int, reason: str, external_id: str | None = None) -> None:
        self.rows.append(
            {
                "source_path": shown_path(path),
                "record_no": record_no,
                "external_id": _printable(external_id) if external_id is not None else None,
                "rejected": _printable(reason),
            }
        )

    def reject_error(self, path: Path, record_no: int, error: BaseException, external_id: str | None) -> None:
        """Reject the record that raised ``error``: the reason names the file and line, and the error."""
        where = shown_path(path) + (f" line {record_no}" if record_no else "")
        if isinstance(error, RecursionError):
            what = "JSON nested too deeply to read"
        elif isinstance(error, UnicodeError):
            what = f"text that cannot be stored ({type(error).__name__}: {error})"
        else:
            what = f"{type(error).__name__}: {error}"
        self.reject(path, record_no, f"{where}: not read: {what}", external_id)

    def accept(
        self,
        path: Path,
        record_no: int,
        external_id: str,
        text: str,
        meta: Mapping[str, str | None],
        warnings: Sequence[str] = (),
        *,
        reduced: bool = False,
    ) -> None:
        """Add a readable record; ``reduced`` says its text has already been through HTML reduction
        (reducing twice would turn escaped markup shown as text into tags)."""
        if not reduced and looks_like_html(text):
            text, html_title = html_to_text(text)
            meta = {**meta, "title": meta.get("title") or html_title}
        fields = (("text", text), *meta.items())
        broken = [name for name, value in fields if isinstance(value, str) and _unencodable(value)]
        if broken:
            # A lone surrogate ("\ud800" in JSON) is not a character: it cannot be stored, hashed or printed.
            where = shown_path(path) + (f" line {record_no}" if record_no else "")
            reason = f"{where}: {', '.join(repr(n) for n in broken)} holds a lone surrogate, which is not text"
            self.reject(path, record_no, reason, external_id)
            return
        identity = identity_form(text)
        if not identity:
            self.reject(path, record_no, "empty text", external_id)
            return
        self.rows.append(
            {
                "source_path": str(path),
                "record_no": record_no,
                "external_id": external_id,
                "outlet": meta.get("outlet"),
                "url": meta.get("url"),
                "title": meta.get("title"),
                "published_raw": meta.get("published_at"),
                "language_raw": meta.get("language"),
                "text": text,
                # Hashed here, per text: polars has no SHA-256 expression.
                "article_id": _hash_identity(identity),
                "warning": "; ".join(warnings) or None,
            }
        )

    # Walking -----------------------------------------------------------------------------------

    def read_path(self, path: Path) -> None:
        """Read one input path as given: a folder (recursively) or a file."""
        if path.is_dir():
            self.read_dir(path)
        elif path.name == MANIFEST_NAME and path.is_file():
            self.log_manifest(path.parent, check_files=True)
        else:
            self.read_file(path)

    def read_dir(self, folder: Path) -> None:
        real = os.path.realpath(folder)
        if real in self.visited_dirs:  # a symbolic link back into a folder already read
            return
        self.visited_dirs.add(real)
        try:
            names = sorted(entry.name for entry in os.scandir(folder))
        except OSError as error:
            self.reject(folder, 0, f"unreadable folder: {error.strerror or error}")
            return
        for name in names:
            if name.startswith("."):
                continue
            entry = folder / name
            if name == MANIFEST_NAME and entry.is_file():
                self.log_manifest(folder, check_files=True)
            elif name.lower().endswith(SIDECAR_SUFFIX) and entry.is_file():
                continue
            elif entry.is_dir():
                self.read_dir(entry)
            else:
                self.read_file(entry)

    def read_file(self, path: Path) -> None:
        """Read one file inside its own error boundary: whatever it holds, it ends as log rows."""
        if _unencodable(str(path)):
            self.reject(path, 0, f"{shown_path(path)}: the file name is not valid UTF-8; rename the file", None)
            return
        rows_before = len(self.rows)
        try:
            self._read_file(path)
        except Exception as error:  # noqa: BLE001 - one bad file must never stop a run
            del self.rows[rows_before:]
            self.reject_error(path, 0, error, path.stem)

    def _read_file(self, path: Path) -> None:
        kind = SUFFIX_KINDS.get(path.suffix.lower())
        if kind is None:
            expected = ", ".join(SUFFIX_KINDS)
            what = f"'{path.suffix}'" if path.suffix else "without an extension"
            self.reject(path, 0, f"unsupported file type {what} (expected {expected})", path.stem)
            return
        if kind == "jsonl":
            self.read_jsonl(path)
            return
        try:
            data = _read_bytes(path, self.max_bytes)
            decoded = decode_bytes(data).text
        except (_Rejected, DecodeError) as error:
            self.reject(path, 0, str(error), path.stem)
            return
        meta = self.manifest_meta(path)
        if kind == "html":
            text, html_title = html_to_text(decoded)
            meta = {**meta, "title": meta.get("title") or html_title}
            self.accept(path, 0, path.stem, text, meta, reduced=True)
        elif kind == "text":
            self.accept(path, 0, path.stem, decoded, meta)
        else:
            try:
                record = json.loads(decoded)
            except json.JSONDecodeError as error:
                self.reject(path, 0, f"broken JSON: {error.msg} (line {error.lineno}, column {error.colno})", path.stem)
                return
            if not isinstance(record, dict):
                self.reject(
                    path,
                    0,
                    f"the JSON file holds {_json_type(record)}, not one record object "
                    "(use .jsonl for one record per line)",
                    path.stem,
                )
                return
            self.read_record(path, 0, record, path.stem, meta)

    def read_jsonl(self, path: Path) -> None:
        try:
            lines = list(_jsonl_lines(path, self.max_bytes))
        except _Rejected as error:
            self.reject(path, 0, str(error), path.stem)
            return
        if not lines:
            self.reject(path, 0, "empty file: no record in it", path.stem)
            return
        for line_no, line in lines:
            default_id = f"{path.stem}:{line_no}"
            if isinstance(line, _Rejected):
                self.reject(path, line_no, str(line), default_id)
                continue
            rows_before = len(self.rows)
            try:
                self.read_line(path, line_no, line, default_id)
            except Exception as error:  # noqa: BLE001 - one bad record must never stop a run
                del self.rows[rows_before:]
                self.reject_error(path, line_no, error, default_id)

    def read_line(self, path: Path, line_no: int, line: str, default_id: str) -> None:
        """One line of a ``.jsonl`` feed."""
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            self.reject(path, line_no, f"line {line_no} is not JSON: {error.msg}", default_id)
            return
        if not isinstance(record, dict):
            self.reject(path, line_no, f"line {line_no} holds {_json_type(record)}, not a record object", default_id)
            return
        self.read_record(path, line_no, record, default_id, {})

    def read_record(
        self,
        path: Path,
        record_no: int,
        record: Mapping[str, Any],
        default_id: str,
        defaults: Mapping[str, str | None],
    ) -> None:
        """One JSON record; ``defaults`` (from a manifest) fill the fields it leaves out."""
        warnings: list[str] = []
        record_id = _scalar_field(record, "id", warnings)
        external_id = record_id or default_id
        if "text" not in record:
            self.reject(path, record_no, "the record has no 'text' field", external_id)
            return
        text = record["text"]
        if not isinstance(text, str):
            self.reject(path, record_no, f"'text' is {_json_type(text)}, not a string", external_id)
            return
        meta = {name: _scalar_field(record, name, warnings) or defaults.get(name) for name in METADATA_FIELDS}
        text = unicodedata.normalize("NFC", text.removeprefix("\ufeff"))
        self.accept(path, record_no, external_id, text, meta, warnings)

    # Manifests ---------------------------------------------------------------------------------

    def manifest(self, folder: Path) -> _Manifest | None:
        if folder not in self.manifests:
            path = folder / MANIFEST_NAME
            self.manifests[folder] = _load_manifest(path, self.max_bytes) if path.is_file() else None
        return self.manifests[folder]

    def manifest_meta(self, path: Path) -> dict[str, str | None]:
        """Metadata for the file ``path`` from its folder's manifest (empty when none)."""
        manifest = self.manifest(path.parent)
        if manifest is None:
            return {}
        self.log_manifest(path.parent, check_files=False)
        return dict(manifest.rows.get(path.name, {}))

    def log_manifest(self, folder: Path, *, check_files: bool) -> None:
        """Log the manifest's problems once; with ``check_files``, also rows naming no file."""
        manifest = self.manifest(folder)
        if manifest is None:
            return
        if not manifest.problems_logged:
            manifest.problems_logged = True
            for record_no, reason in manifest.problems:
                self.reject(manifest.path, record_no, reason, None)
        if check_files and not manifest.unknown_files_logged:
            manifest.unknown_files_logged = True
            for name, line in manifest.row_lines.items():
                # Rows name files in the manifest's own folder; a path elsewhere would never apply.
                if "/" in name or os.sep in name or name.startswith(".") or not (folder / name).is_file():
                    self.reject(manifest.path, line, f"manifest line {line}: no file named {name!r} beside it", None)
                elif SUFFIX_KINDS.get(Path(name).suffix.lower()) == "jsonl":
                    self.reject(
                        manifest.path,
                        line,
                        f"manifest line {line}: {name!r} is a .jsonl feed; its records carry their own metadata",
                        None,
                    )


def _unencodable(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate (from JSON's "\\ud800", or a file name that is not UTF-8)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _printable(text: str) -> str:
    """``text`` with lone surrogates written as escapes, so that it can be stored and printed."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8") if _unencodable(text) else text


def shown_path(path: Path | str) -> str:
    """A path as stored in ``ingest_log``: bytes of a name that is not UTF-8 are written as ``\\xNN``."""
    name = str(path)
    if not _unencodable(name):
        return name
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _json_type(value: object) -> str:
    """How a JSON value is named in reasons: 'a list', 'a number', 'null'…"""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "a string"


def _scalar_field(record: Mapping[str, Any], name: str, warnings: list[str]) -> str | None:
    """A metadata field as a stripped string, or None; lists, objects and booleans are ignored
    with a warning."""
    value = record.get(name)
    if value is None or isinstance(value, bool) or not isinstance(value, (str, int, float)):
        if value is not None:
            warnings.append(f"field {name!r} ignored: it is {_json_type(value)}")
        return None
    text = unicodedata.normalize("NFC", str(value)).strip()
    return text or None


def _open_error(error: OSError) -> _Rejected:
    if isinstance(error, FileNotFoundError):
        return _Rejected("unreadable: the file does not exist (a broken symbolic link?)")
    if isinstance(error, PermissionError):
        return _Rejected("unreadable: permission denied")
    return _Rejected(f"unreadable: {error.strerror or error}")


def _too_big(size: int, limit: int, what: str = "file") -> _Rejected:
    return _Rejected(f"{what} is {size:,} bytes, over the limit of {limit:,} bytes")


def _check_regular(path: Path, max_bytes: int | None) -> None:
    """Raise _Rejected unless ``path`` is a readable-looking regular file within the limit."""
    try:
        info = path.stat()
    except OSError as error:
        raise _open_error(error) from None
    if stat.S_ISDIR(info.st_mode):
        raise _Rejected("is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        # FIFOs, sockets and devices could block or never end.
        raise _Rejected("not a regular file")
    if max_bytes is not None and info.st_size > max_bytes:
        raise _too_big(info.st_size, max_bytes)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; raises _Rejected with the reason."""
    _check_regular(path, max_bytes)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise _open_error(error) from None
    if len(data) > max_bytes:  # the file grew since stat()
        raise _too_big(len(data), max_bytes)
    return data


_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _jsonl_lines(path: Path, max_bytes: int) -> Iterator[tuple[int, str | _Rejected]]:
    """(line number, decoded line or the reason it is unusable) for each non-blank line.

    Lines are decoded one by one, so one badly encoded line does not lose the rest of a feed.
    UTF-16/32 feeds (recognised by their BOM) are decoded whole, as their newlines are not one byte.
    """
    _check_regular(path, None)
    try:
        handle = path.open("rb")
    except OSError as error:
        raise _open_error(error) from None
    with handle:
        try:
            head = handle.read(4)
            handle.seek(0)
            if head.startswith(_WIDE_BOMS):
                try:
                    text = decode_bytes(handle.read()).text
                except DecodeError as error:
                    raise _Rejected(str(error)) from None
                for line_no, line in enumerate(text.split("\n"), start=1):
                    if line.strip():
                        size = len(line.encode("utf-8"))
                        yield line_no, (_too_big(size, max_bytes, "record") if size > max_bytes else line)
                return
            for line_no, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                if len(raw) > max_bytes:
                    yield line_no, _too_big(len(raw), max_bytes, f"line {line_no}")
                    continue
                try:
                    yield line_no, decode_bytes(raw).text
                except DecodeError as error:
                    yield line_no, _Rejected(f"line {line_no}: {error}")
        except OSError as error:
            raise _open_error(error) from None


def _load_manifest(path: Path, max_bytes: int) -> _Manifest:
    """Parse a manifest; problems are recorded on it rather than raised."""
    manifest = _Manifest(path)
    try:
        text = decode_bytes(_read_bytes(path, max_bytes)).text
    except (_Rejected, DecodeError) as error:
        manifest.problems.append((0, f"manifest not read, its metadata is not applied: {error}"))
        return manifest
    first_line = text.split("\n", 1)[0]
    # Spreadsheets in French locales save CSV with semicolons.
    delimiter = ";" if ";" in first_line and "," not in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [unicodedata.normalize("NFC", name).strip().lower() for name in next(reader, [])]
    except csv.Error as error:
        manifest.problems.append((0, f"manifest not read, its metadata is not applied: {error}"))
        return manifest
    if "file" not in header:
        manifest.problems.append(
            (0, f"manifest has no 'file' column (expected {','.join(MANIFEST_COLUMNS)}); not applied")
        )
        return manifest
    columns = {name: header.index(name) for name in MANIFEST_COLUMNS if name in header}
    try:
        for values in reader:
            line = reader.line_num
            if not any(value.strip() for value in values):
                continue
            cells = {
                name: (values[index].strip() or None) if index < len(values) else None
                for name, index in columns.items()
            }
            name = cells.pop("file")
            if name is None:
                manifest.problems.append((line, f"manifest line {line}: empty 'file' value"))
            elif name in manifest.rows:
                manifest.problems.append(
                    (line, f"manifest line {line}: a second row for {name!r} (line {manifest.row_lines[name]} is used)")
                )
            else:
                manifest.rows[name] = cells
                manifest.row_lines[name] = line
    except csv.Error as error:
        manifest.problems.append(
            (reader.line_num, f"manifest line {reader.line_num}: {error}; the rows after it are not applied")
        )
    return manifest


# --- batch-wide steps ---------------------------------------------------------------------------

_MONTHS = MONTHS  # one month table for the whole project (corroborate.dates)

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
    """Records without a date take the one their URL, title or opening gives (``corroborate.dates``)."""
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


def _join_reasons(*reasons: pl.Expr) -> pl.Expr:
    joined = pl.concat_str(list(reasons), separator="; ", ignore_nulls=True)
    return pl.when(joined == "").then(None).otherwise(joined)


def _finish(raw: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
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
            _join_reasons(
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


def read_records(paths: Sequence[Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Read the inputs, touching no database.

    Returns ``(records, log)``. ``records`` has one row per distinct article text (its first
    occurrence), columns ``article_id, external_id, outlet, url, title, published_at (Date),
    published_precision, language, text, source_path, record_no``. ``log`` has one row per input
    record, in input order: ``source_path, record_no, status, article_id, external_id, reason``,
    where ``status`` is ``stored`` (new in this batch), ``duplicate`` (same text earlier in the
    batch) or ``rejected``.
    """
    if isinstance(paths, (str, os.PathLike)):  # one path given bare: not a sequence of characters
        paths = [Path(paths)]
    reader = _Reader(max_bytes=max_bytes)
    for path in paths:
        rows_before = len(reader.rows)
        try:
            reader.read_path(Path(path))
        except Exception as error:  # noqa: BLE001 - e.g. a folder that vanished mid-walk: log it, go on
            del reader.rows[rows_before:]
            reader.reject_error(Path(path), 0, error, None)
    raw = pl.DataFrame(reader.rows, schema=_RAW_SCHEMA).with_row_index("_order")
    return _finish(raw)


# --- writing ------------------------------------------------------------------------------------

# Names under which the batch frames are visible to the SQL models for the length of one ingest.
_BATCH_RECORDS = "ingest_batch_records"
_BATCH_ARTICLES = "ingest_batch_articles"
_BATCH_LOG = "ingest_batch_log"


def ingest_paths(
    con: duckdb.DuckDBPyConnection,
    paths: Sequence[Path],
    run_id: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> IngestSummary:
    """Read ``paths`` and write the new articles and one ``ingest_log`` row per input record.

    Both writes happen in one transaction: a failure leaves the database as it was. Records whose
    text is already stored are logged as ``duplicate``. ``con`` must not be inside a transaction.
    """
    records, log = read_records(paths, max_bytes=max_bytes)
    con.begin()
    try:
        con.register(_BATCH_RECORDS, records.select("article_id"))
        # A relation, not execute(): DuckDB 2 hands polars frames out of relations only.
        known = con.sql(model_sql("ingest_known_articles")).pl().get_column("article_id")
        already = (pl.col("status") == "stored") & pl.col("article_id").is_in(known.implode())
        log = log.with_columns(
            status=pl.when(already).then(pl.lit("duplicate")).otherwise(pl.col("status")),
            reason=pl.when(already)
            .then(_join_reasons(pl.lit("same text as an article already stored"), pl.col("reason")))
            .otherwise(pl.col("reason")),
        )
        new_articles = records.filter(~pl.col("article_id").is_in(known.implode()))
        con.register(_BATCH_ARTICLES, new_articles)
        con.register(_BATCH_LOG, log)
        # Fetching finishes each statement: an open DuckDB 2 result holds the connection.
        run_model(con, "ingest_insert_articles", {"run_id": run_id}).fetchall()
        run_model(con, "ingest_insert_log", {"run_id": run_id}).fetchall()
        con.commit()
    except BaseException:
        con.rollback()
        raise
    finally:
        for name in (_BATCH_RECORDS, _BATCH_ARTICLES, _BATCH_LOG):
            con.unregister(name)
    counts = log.get_column("status").value_counts()
    by_status = dict(zip(counts.get_column("status"), counts.get_column("count"), strict=True))
    warnings = log.filter((pl.col("status") == "stored") & pl.col("reason").is_not_null()).height
    return IngestSummary(
        stored=int(by_status.get("stored", 0)),
        duplicate=int(by_status.get("duplicate", 0)),
        rejected=int(by_status.get("rejected", 0)),
        warnings=warnings,
    )

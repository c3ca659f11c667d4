"""The CSV manifest beside ``.txt``, ``.html`` and ``.json`` inputs: ``manifest.csv``
(``file,outlet,url,published_at,language,title``; ``,`` or ``;`` separated), metadata per file name.
Problems are recorded on the manifest, and logged once by the reader, rather than raised."""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from corroborate.ingest.common import Rejected, read_bytes
from corroborate.textio import DecodeError, decode_bytes

MANIFEST_COLUMNS: tuple[str, ...] = ("file", "outlet", "url", "published_at", "language", "title")


@dataclass
class Manifest:
    """A folder's ``manifest.csv``: metadata per file name, and the problems found reading it."""

    path: Path
    rows: dict[str, dict[str, str | None]] = field(default_factory=dict)
    row_lines: dict[str, int] = field(default_factory=dict)
    # (record_no, reason): record_no 0 for the whole file, else the CSV line of the row.
    problems: list[tuple[int, str]] = field(default_factory=list)
    problems_logged: bool = False
    unknown_files_logged: bool = False


def load_manifest(path: Path, max_bytes: int) -> Manifest:
    """Parse a manifest; problems are recorded on it rather than raised."""
    manifest = Manifest(path)
    try:
        text = decode_bytes(read_bytes(path, max_bytes)).text
    except (Rejected, DecodeError) as error:
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

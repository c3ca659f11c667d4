"""JSON inputs: ``.json`` (one record object) and ``.jsonl`` (one record per line, blank lines skipped,
each line read and rejected on its own). A record is ``{"id", "outlet", "url", "published_at", "language",
"title", "text"}``, only ``text`` required; a manifest row fills the fields a ``.json`` record leaves out."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corroborate.ingest.common import METADATA_FIELDS, Rejected, check_regular, open_error, too_big
from corroborate.textio import DecodeError, decode_bytes

if TYPE_CHECKING:
    from corroborate.ingest.reader import Reader


def read_json(reader: Reader, path: Path, decoded: str, meta: Mapping[str, str | None]) -> None:
    """A ``.json`` file: one record object; its manifest row, if any, fills the fields it leaves out."""
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as error:
        reader.reject(path, 0, f"broken JSON: {error.msg} (line {error.lineno}, column {error.colno})", path.stem)
        return
    if not isinstance(record, dict):
        reader.reject(
            path,
            0,
            f"the JSON file holds {json_type(record)}, not one record object (use .jsonl for one record per line)",
            path.stem,
        )
        return
    read_record(reader, path, 0, record, path.stem, meta)


def read_jsonl(reader: Reader, path: Path) -> None:
    """A ``.jsonl`` feed: each line a record, read inside its own error boundary."""
    try:
        lines = list(_jsonl_lines(path, reader.max_bytes))
    except Rejected as error:
        reader.reject(path, 0, str(error), path.stem)
        return
    if not lines:
        reader.reject(path, 0, "empty file: no record in it", path.stem)
        return
    for line_no, line in lines:
        default_id = f"{path.stem}:{line_no}"
        if isinstance(line, Rejected):
            reader.reject(path, line_no, str(line), default_id)
            continue
        rows_before = len(reader.rows)
        try:
            read_line(reader, path, line_no, line, default_id)
        except Exception as error:  # noqa: BLE001 - one bad record must never stop a run
            del reader.rows[rows_before:]
            reader.reject_error(path, line_no, error, default_id)


def read_line(reader: Reader, path: Path, line_no: int, line: str, default_id: str) -> None:
    """One line of a ``.jsonl`` feed."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        reader.reject(path, line_no, f"line {line_no} is not JSON: {error.msg}", default_id)
        return
    if not isinstance(record, dict):
        reader.reject(path, line_no, f"line {line_no} holds {json_type(record)}, not a record object", default_id)
        return
    read_record(reader, path, line_no, record, default_id, {})


def read_record(
    reader: Reader,
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
        reader.reject(path, record_no, "the record has no 'text' field", external_id)
        return
    text = record["text"]
    if not isinstance(text, str):
        reader.reject(path, record_no, f"'text' is {json_type(text)}, not a string", external_id)
        return
    meta = {name: _scalar_field(record, name, warnings) or defaults.get(name) for name in METADATA_FIELDS}
    text = unicodedata.normalize("NFC", text.removeprefix("\ufeff"))
    reader.accept(path, record_no, external_id, text, meta, warnings)


def json_type(value: object) -> str:
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
            warnings.append(f"field {name!r} ignored: it is {json_type(value)}")
        return None
    text = unicodedata.normalize("NFC", str(value)).strip()
    return text or None


_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _jsonl_lines(path: Path, max_bytes: int) -> Iterator[tuple[int, str | Rejected]]:
    """(line number, decoded line or the reason it is unusable) for each non-blank line.

    Lines are decoded one by one, so one badly encoded line does not lose the rest of a feed.
    UTF-16/32 feeds (recognised by their BOM) are decoded whole, as their newlines are not one byte.
    """
    check_regular(path, None)
    try:
        handle = path.open("rb")
    except OSError as error:
        raise open_error(error) from None
    with handle:
        try:
            head = handle.read(4)
            handle.seek(0)
            if head.startswith(_WIDE_BOMS):
                try:
                    text = decode_bytes(handle.read()).text
                except DecodeError as error:
                    raise Rejected(str(error)) from None
                for line_no, line in enumerate(text.split("\n"), start=1):
                    if line.strip():
                        size = len(line.encode("utf-8"))
                        yield line_no, (too_big(size, max_bytes, "record") if size > max_bytes else line)
                return
            for line_no, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                if len(raw) > max_bytes:
                    yield line_no, too_big(len(raw), max_bytes, f"line {line_no}")
                    continue
                try:
                    yield line_no, decode_bytes(raw).text
                except DecodeError as error:
                    yield line_no, Rejected(f"line {line_no}: {error}")
        except OSError as error:
            raise open_error(error) from None

"""One pass over the inputs: folders walked in name order, each file read inside its own error boundary by
the reader of its format (``text``, ``records``), manifests loaded once per folder, one raw row per input
record: accepted with its text and metadata, or rejected with a reason."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corroborate.ingest.common import (
    MANIFEST_NAME,
    SIDECAR_NAMES,
    SUFFIX_KINDS,
    Rejected,
    hash_identity,
    identity_form,
    printable,
    read_bytes,
    shown_path,
    unencodable,
    unsupported_type,
)
from corroborate.ingest.manifest import Manifest, load_manifest
from corroborate.ingest.records import read_json, read_jsonl
from corroborate.ingest.text import read_html, read_text
from corroborate.textio import DecodeError, decode_bytes, html_to_text, looks_like_html


@dataclass
class Reader:
    """One pass over the inputs, collecting one raw row per input record."""

    max_bytes: int
    rows: list[dict[str, Any]] = field(default_factory=list)
    manifests: dict[Path, Manifest | None] = field(default_factory=dict)
    visited_dirs: set[str] = field(default_factory=set)

    # Output ------------------------------------------------------------------------------------

    def reject(self, path: Path, record_no: int, reason: str, external_id: str | None = None) -> None:
        self.rows.append(
            {
                "source_path": shown_path(path),
                "record_no": record_no,
                "external_id": printable(external_id) if external_id is not None else None,
                "rejected": printable(reason),
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
        broken = [name for name, value in fields if isinstance(value, str) and unencodable(value)]
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
                "article_id": hash_identity(identity),
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
            elif name in SIDECAR_NAMES and entry.is_file():
                continue
            elif entry.is_dir():
                self.read_dir(entry)
            else:
                self.read_file(entry)

    def read_file(self, path: Path) -> None:
        """Read one file inside its own error boundary: whatever it holds, it ends as log rows."""
        if unencodable(str(path)):
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
            self.reject(path, 0, str(unsupported_type(path)), path.stem)
            return
        if kind == "jsonl":
            read_jsonl(self, path)  # a feed, read line by line
            return
        try:
            data = read_bytes(path, self.max_bytes)
            decoded = decode_bytes(data).text
        except (Rejected, DecodeError) as error:
            self.reject(path, 0, str(error), path.stem)
            return
        FILE_READERS[kind](self, path, decoded, self.manifest_meta(path))

    # Manifests ---------------------------------------------------------------------------------

    def manifest(self, folder: Path) -> Manifest | None:
        if folder not in self.manifests:
            path = folder / MANIFEST_NAME
            self.manifests[folder] = load_manifest(path, self.max_bytes) if path.is_file() else None
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


# The reader of each kind of one-article file (``SUFFIX_KINDS``; a ``.jsonl`` feed is read line by line):
# it is given the file's decoded text and the metadata its folder's manifest holds for it.
FILE_READERS: dict[str, Callable[[Reader, Path, str, Mapping[str, str | None]], None]] = {
    "text": read_text,
    "html": read_html,
    "json": read_json,
}

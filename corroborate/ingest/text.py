"""Plain inputs: a ``.txt`` file is one article; an ``.html`` / ``.htm`` file is one article reduced to its
text (its ``<title>`` when the manifest gives none). Metadata comes from the folder's manifest."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from corroborate.textio import html_to_text

if TYPE_CHECKING:
    from corroborate.ingest.reader import Reader


def read_text(reader: Reader, path: Path, decoded: str, meta: Mapping[str, str | None]) -> None:
    """A ``.txt`` file: one article."""
    reader.accept(path, 0, path.stem, decoded, meta)


def read_html(reader: Reader, path: Path, decoded: str, meta: Mapping[str, str | None]) -> None:
    """An ``.html`` file: one article, its text and title taken from the markup."""
    text, html_title = html_to_text(decoded)
    meta = {**meta, "title": meta.get("title") or html_title}
    reader.accept(path, 0, path.stem, text, meta, reduced=True)

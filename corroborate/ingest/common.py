"""What every reader of the ingest package shares: the input kinds and names, an article's identity
(the hash of its normalised text), the reason a record is rejected, the paths and strings as they can be
stored, and the checks of a file before it is read."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from pathlib import Path

DEFAULT_MAX_BYTES = 5_000_000
MANIFEST_NAME = "manifest.csv"
# The CSV files a folder of inputs may hold beside the articles without being inputs: the manifest, and the
# lexicons of the sample folder ``seeds/`` (the run reads them through its options, never as articles). Any
# other CSV file is an unsupported input, rejected with a reason.
SIDECAR_NAMES = frozenset({MANIFEST_NAME, "aliases.csv", "subjects.csv"})
METADATA_FIELDS: tuple[str, ...] = ("outlet", "url", "published_at", "language", "title")
SUFFIX_KINDS: dict[str, str] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
}


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
    return hash_identity(identity_form(text))


def hash_identity(identity: str) -> str:
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]


class Rejected(Exception):
    """An input record that cannot be used; the message is the reason logged."""


def unencodable(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate (from JSON's "\\ud800", or a file name that is not UTF-8)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def printable(text: str) -> str:
    """``text`` with lone surrogates written as escapes, so that it can be stored and printed."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8") if unencodable(text) else text


def shown_path(path: Path | str) -> str:
    """A path as stored in ``ingest_log``: bytes of a name that is not UTF-8 are written as ``\\xNN``."""
    name = str(path)
    if not unencodable(name):
        return name
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def open_error(error: OSError) -> Rejected:
    if isinstance(error, FileNotFoundError):
        return Rejected("unreadable: the file does not exist (a broken symbolic link?)")
    if isinstance(error, PermissionError):
        return Rejected("unreadable: permission denied")
    return Rejected(f"unreadable: {error.strerror or error}")


def unsupported_type(path: Path) -> Rejected:
    """Why ``path`` is not read: its extension is none of the inputs'."""
    what = f"'{path.suffix}'" if path.suffix else "without an extension"
    reason = f"unsupported file type {what}: inputs are {', '.join(SUFFIX_KINDS)} files"
    if path.suffix.lower() == ".csv":
        reason += f" (the only CSV file read is {MANIFEST_NAME}, the metadata of the files beside it)"
    return Rejected(reason)


def too_big(size: int, limit: int, what: str = "file") -> Rejected:
    return Rejected(f"{what} is {size:,} bytes, over the limit of {limit:,} bytes")


def check_regular(path: Path, max_bytes: int | None) -> None:
    """Raise Rejected unless ``path`` is a readable-looking regular file within the limit."""
    try:
        info = path.stat()
    except OSError as error:
        raise open_error(error) from None
    if stat.S_ISDIR(info.st_mode):
        raise Rejected("is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        # FIFOs, sockets and devices could block or never end.
        raise Rejected("not a regular file")
    if max_bytes is not None and info.st_size > max_bytes:
        raise too_big(info.st_size, max_bytes)


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; raises Rejected with the reason."""
    check_regular(path, max_bytes)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise open_error(error) from None
    if len(data) > max_bytes:  # the file grew since stat()
        raise too_big(len(data), max_bytes)
    return data

"""Paths a user types: the database a command reads or a run writes, and the files a command writes.

Every check raises :class:`PathProblem` with one line that says what is wrong and what to do, for the CLI
to print and exit 2 on. Files are written beside their target and renamed over it (:func:`write_atomically`),
so a reader never sees half a file and an interrupted write leaves the old one.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

import duckdb

from corroborate.db import PROJECT_ROOT, scalar_model

__all__ = [
    "PathProblem",
    "check_output",
    "check_reader_db",
    "check_run_db",
    "is_duckdb_file",
    "resolve_db",
    "write_atomically",
]

# A DuckDB database file carries this magic at byte 8 of its header.
_DUCKDB_MAGIC = b"DUCK"
_DUCKDB_MAGIC_AT = 8
# The project's own files: never an output, even with --force.
_PROJECT_DIRS = frozenset(
    {"corroborate", "flows", "sql", "tests", "expectations", "seeds", "docs", "benchmarks", ".git", ".venv"}
)
_PROJECT_FILES = frozenset(
    {"cli.py", "README.md", "Makefile", "pyproject.toml", "requirements.lock", "prefect.yaml", ".gitignore"}
)


# The files that live beside a database (see corroborate.store and DuckDB): its run lock ``<db>.lock``, its
# staging copy ``<db>.staging`` and their write-ahead logs ``<db>.wal``, ``<db>.staging.wal``. Writing one
# would break a run's lock or swap a report in for a database: never an output, even with --force.
_COMPANION_SUFFIXES = (".lock", ".staging", ".wal")


class PathProblem(ValueError):
    """A path given on the command line that cannot be used; the message is the one line to print."""


def is_duckdb_file(path: Path) -> bool:
    """Whether ``path`` is a regular file that starts like a DuckDB database."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_DUCKDB_MAGIC_AT + len(_DUCKDB_MAGIC))
    except OSError:
        return False
    return head[_DUCKDB_MAGIC_AT:] == _DUCKDB_MAGIC


def resolve_db(path: Path) -> Path:
    """``path`` with symbolic links followed: a run stages and publishes beside the real file, never over a link."""
    return Path(os.path.realpath(path))


def check_reader_db(path: Path) -> Path:
    """The database a reading command opens (``score``, ``query`` …), resolved.

    Raises PathProblem when there is no file there, or one that is not a DuckDB database.
    """
    real = resolve_db(path)
    if not real.exists():
        raise PathProblem(f"no database at {path}: run `corroborate run --db {path}` first, or pass --db PATH")
    if real.is_dir():
        raise PathProblem(f"--db {path} is a folder: pass the DuckDB file (e.g. {path / 'corroborate.duckdb'})")
    if not is_duckdb_file(real):
        raise PathProblem(f"{path} is not a DuckDB database: pass the file a run wrote with --db PATH")
    if not _written_by_a_run(real):
        raise PathProblem(
            f"{path} is a DuckDB database that no corroborate run wrote (no runs, articles and claims tables): "
            "pass the file a run wrote with --db PATH"
        )
    return real


def _written_by_a_run(path: Path) -> bool:
    """Whether the DuckDB file at ``path`` opens and holds the tables every run writes."""
    try:
        with contextlib.closing(duckdb.connect(str(path), read_only=True)) as con:
            return all(int(scalar_model(con, "table_exists", {"name": t})) for t in ("runs", "articles", "claims"))
    except duckdb.IOException:
        return True  # held by another process: the command's own open says so
    except duckdb.Error:
        return False


def check_run_db(path: Path) -> Path:
    """The database a run writes, resolved; raises PathProblem when it cannot be created or is not a database.

    A missing file is fine (the run creates it), in a folder that exists or can be made and is writable.
    """
    real = resolve_db(path)
    if real.is_dir():
        raise PathProblem(f"--db {path} is a folder: pass a file name (e.g. {path / 'corroborate.duckdb'})")
    if real.exists() and not is_duckdb_file(real):
        raise PathProblem(f"{path} exists and is not a DuckDB database: choose another --db PATH")
    folder = real.parent
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    # /proc and /sys accept mkdir nowhere and lie about permissions: only a real, writable folder will do.
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK) or _pseudo_filesystem(existing):
        raise PathProblem(f"cannot create the database in {folder}: not a writable folder; choose another --db PATH")
    return real


def _pseudo_filesystem(folder: Path) -> bool:
    resolved = folder.resolve()
    return any(resolved == Path(root) or Path(root) in resolved.parents for root in ("/proc", "/sys", "/dev"))


def _is_project_file(path: Path) -> bool:
    try:
        relative = path.relative_to(PROJECT_ROOT)
    except ValueError:
        return False
    parts = relative.parts
    if not parts:
        return True
    return parts[0] in _PROJECT_DIRS or (len(parts) == 1 and parts[0] in _PROJECT_FILES)


def check_output(path: Path, *, force: bool = False, option: str = "--out") -> Path:
    """A file a command is about to write, resolved; raises PathProblem when writing it would destroy something.

    Refused always: a folder, a DuckDB database, a file named like a database's companion (``*.lock``,
    ``*.staging``, ``*.wal``: a run's lock, its staging copy, a write-ahead log), the project's own files, a
    folder that cannot be written. Refused unless ``force``: any other existing file.
    """
    real = Path(os.path.realpath(path))
    if real.is_dir():
        raise PathProblem(f"{option} {path} is a folder: give a file name (e.g. {path / 'report.html'})")
    if any(name.lower().endswith(_COMPANION_SUFFIXES) for name in (Path(path).name, real.name)):
        raise PathProblem(
            f"{option} {path} is named like a database's lock, staging copy or write-ahead log "
            "(*.lock, *.staging, *.wal): it is never written, even with --force; choose another file name"
        )
    if real.exists() and is_duckdb_file(real):
        raise PathProblem(f"{option} {path} is a DuckDB database: it is never overwritten; choose another file")
    if _is_project_file(real):
        raise PathProblem(f"{option} {path} is one of corroborate's own files: choose a file outside them")
    if real.exists() and not real.is_file():
        raise PathProblem(f"{option} {path} is not a regular file: choose another file")
    if real.exists() and not force:
        raise PathProblem(f"{option} {path} exists: pass --force to replace it, or choose another file")
    existing = real.parent
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK) or _pseudo_filesystem(existing):
        raise PathProblem(f"{option} {path}: cannot write in {real.parent}; choose a writable folder")
    return real


def write_atomically(path: Path, data: str | bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path`` and rename it over ``path``; returns ``path``.

    Text is written as UTF-8. The temporary file is removed when writing fails.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        with open(temporary, "xb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return path

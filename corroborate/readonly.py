"""The ``query`` command's guard: exactly one statement of a reading kind, on a locked-down connection.

Two independent fences, so that one mistake in either does not open the database to writes:

1. :func:`check_statement` parses the input with DuckDB's own splitter (``duckdb.extract_statements``) and
   accepts one statement whose type only reads: SELECT (which DuckDB also reports for WITH, FROM, SHOW,
   DESCRIBE, SUMMARIZE, VALUES), EXPLAIN of such a statement and the PRAGMAs that show things. ATTACH, USE,
   DETACH, COPY, INSTALL, SET, CALL and every write are refused before anything runs.
2. :func:`connect` opens the file read-only with external access off (no file, URL or other database can be
   read or written), extension autoload and autoinstall off, and the configuration locked, so no statement
   that got through can switch these back on. ``allow_files`` turns external access back on for users who
   want ``read_csv`` over local files; the statement fence still refuses COPY and ATTACH.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import duckdb

from corroborate.store import READER_RETRY_SECONDS

__all__ = ["QueryRefusedError", "check_statement", "connect"]

# What DuckDB reports for SELECT, WITH, FROM, VALUES, SHOW, DESCRIBE and SUMMARIZE alike.
_READ_TYPES = frozenset({duckdb.StatementType.SELECT})
# PRAGMAs that only show the catalogue or the build; the others change settings (enable_profiling, …).
SHOW_PRAGMAS = frozenset(
    {
        "show_tables", "show_tables_expanded", "show_databases", "table_info", "show", "database_list",
        "database_size", "storage_info", "metadata_info", "version", "platform", "user_agent", "functions",
        "collations",
    }
)  # fmt: skip
_LEADING_COMMENTS_RE = re.compile(r"^(?:\s+|--[^\n]*(?:\n|$)|/\*.*?\*/)*", re.DOTALL)
_EXPLAIN_RE = re.compile(r"explain\s+(?:analy[sz]e\s+)?(?:\([^)]*\)\s*)?(?P<inner>.*)$", re.IGNORECASE | re.DOTALL)
_PRAGMA_RE = re.compile(r"pragma\s+(?P<name>\w+)", re.IGNORECASE)


class QueryRefusedError(ValueError):
    """The SQL is not one statement that only reads; the message says which statement and why."""


def _type_name(statement: duckdb.Statement) -> str:
    return str(statement.type.name)


def _body(statement: duckdb.Statement) -> str:
    return _LEADING_COMMENTS_RE.sub("", statement.query, count=1)


def _check_one(statement: duckdb.Statement) -> None:
    """Raise QueryRefusedError unless ``statement`` is of a reading kind."""
    kind = statement.type
    if kind in _READ_TYPES:
        return
    if kind == duckdb.StatementType.PRAGMA:
        match = _PRAGMA_RE.match(_body(statement))
        name = match.group("name").lower() if match else "?"
        if name in SHOW_PRAGMAS:
            return
        raise QueryRefusedError(f"refused: PRAGMA {name} is not one of the PRAGMAs that only show things")
    if kind == duckdb.StatementType.EXPLAIN:
        match = _EXPLAIN_RE.match(_body(statement))
        try:
            inner = duckdb.extract_statements(match.group("inner")) if match else []
        except duckdb.Error:
            inner = []
        # EXPLAIN ANALYZE executes its statement: it is only as harmless as the statement explained.
        if len(inner) == 1 and inner[0].type in _READ_TYPES:
            return
        what = _type_name(inner[0]) if len(inner) == 1 else "its statement"
        raise QueryRefusedError(f"refused: EXPLAIN of {what}; query explains only SELECT statements")
    raise QueryRefusedError(
        f"refused: {_type_name(statement)} statement; query runs one read-only statement "
        "(SELECT, WITH, FROM, SHOW, DESCRIBE, SUMMARIZE, EXPLAIN or a PRAGMA that shows)"
    )


def check_statement(sql: str) -> str:
    """The one statement of ``sql`` when it only reads; raises QueryRefusedError otherwise.

    ``sql`` may end with ``;`` and comments. A syntax error is raised as DuckDB's ``ParserException``.
    """
    statements = duckdb.extract_statements(sql)
    if not statements:
        raise QueryRefusedError("refused: no SQL statement given")
    if len(statements) > 1:
        kinds = ", ".join(_type_name(s) for s in statements)
        raise QueryRefusedError(f"refused: {len(statements)} statements ({kinds}); query runs exactly one")
    _check_one(statements[0])
    return sql


def connect(db_path: Path, *, allow_files: bool = False) -> duckdb.DuckDBPyConnection:
    """A read-only connection to ``db_path`` that no SQL can widen.

    External access (files, URLs, other databases) is off unless ``allow_files``; extensions are never
    installed or loaded on demand; ``lock_configuration`` makes every later SET of these fail.
    Raises FileNotFoundError when there is no file at ``db_path``.
    """
    if not db_path.is_file():
        raise FileNotFoundError(f"no database at {db_path}: run `python cli.py run` first")
    config: dict[str, str | bool | int | float | list[str]] = {
        "enable_external_access": allow_files,
        "autoload_known_extensions": False,
        "autoinstall_known_extensions": False,
        "allow_community_extensions": False,
        "lock_configuration": True,
    }
    # A run holds the live file for a few milliseconds when it starts and publishes: retry meanwhile.
    deadline = time.monotonic() + READER_RETRY_SECONDS
    while True:
        try:
            return duckdb.connect(str(db_path), read_only=True, config=config)
        except duckdb.IOException as error:
            if "lock" not in str(error).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(0.1)

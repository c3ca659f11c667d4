"""The ``query`` command's guard: exactly one statement of a reading kind, on a locked-down connection.

Two independent fences, so that one mistake in either does not open the database to writes:

1. :func:`check_statement` decides on DuckDB's own parse, never on a pattern of ours: ``duckdb.extract_statements``
   splits the input and gives each statement's type, ``duckdb.tokenize`` its words (comments, nested or not,
   are tokens of their own and are skipped). It accepts one statement whose type only reads: SELECT (which
   DuckDB also reports for WITH, FROM, SHOW, DESCRIBE, SUMMARIZE, VALUES), EXPLAIN of such a statement and
   the PRAGMAs that show things. DuckDB reports IMPORT DATABASE and COPY FROM DATABASE as PRAGMA statements
   too: a PRAGMA is accepted only when its first word is PRAGMA and its second one of :data:`SHOW_PRAGMAS`.
   ATTACH, USE, DETACH, COPY, EXPORT, INSTALL, LOAD, SET, CALL, every write and every statement type this
   version of DuckDB's Python module cannot name are refused before anything runs, with or without
   ``--allow-files``.
2. :func:`connect` opens the file read-only with external access off (no file, URL or other database can be
   read or written), extension autoload and autoinstall off, and the configuration locked, so no statement
   that got through can switch these back on. ``allow_files`` turns external access back on for users who
   want ``read_csv`` over local files; the statement fence still refuses COPY, IMPORT, EXPORT and ATTACH.
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
_UNKNOWN_TYPE_RE = re.compile(r"(\d+) is not a valid StatementType")


class QueryRefusedError(ValueError):
    """The SQL is not one statement that only reads; the message says which statement and why."""


def _kind(statement: duckdb.Statement) -> duckdb.StatementType | None:
    """The statement's type as DuckDB parsed it; None for a type the Python module has no name for."""
    try:
        return statement.type
    except ValueError:
        return None


def _tokens(sql: str) -> list[tuple[int, str, duckdb.token_type]]:
    """The tokens of ``sql`` as DuckDB's tokenizer splits it, comments left out: (offset, text, type) each."""
    tokens = duckdb.tokenize(sql)
    found = []
    for i, (start, kind) in enumerate(tokens):
        if kind == duckdb.token_type.comment:
            continue
        end = tokens[i + 1][0] if i + 1 < len(tokens) else len(sql)
        found.append((start, sql[start:end].strip(), kind))
    return found


def _words(sql: str) -> list[str]:
    return [text for _, text, _ in _tokens(sql)]


def _shown(statement: duckdb.Statement) -> str:
    """The statement's leading keywords (``IMPORT DATABASE``, ``UPDATE EXTENSIONS``), for a refusal's message."""
    try:
        tokens = _tokens(statement.query)
    except duckdb.Error:
        tokens = []
    words: list[str] = []
    for _, text, kind in tokens[:3]:
        if words and kind != duckdb.token_type.keyword:
            break
        words.append(text.upper())
    return " ".join(words) or "an empty"


def _name(statement: duckdb.Statement) -> str:
    """The statement's type as DuckDB names it, or its leading keywords and type number when unnamed."""
    try:
        return str(statement.type.name)
    except ValueError as error:  # a type newer than the Python module's enum (UPDATE EXTENSIONS: 29)
        match = _UNKNOWN_TYPE_RE.search(str(error))
        return f"{_shown(statement)} (DuckDB statement type {match.group(1) if match else '?'})"


def _check_pragma(statement: duckdb.Statement) -> None:
    words = _words(statement.query)
    if not words or words[0].upper() != "PRAGMA":
        # IMPORT DATABASE, COPY FROM DATABASE … which DuckDB runs as PRAGMAs.
        raise QueryRefusedError(
            f"refused: {_shown(statement)} statement; query runs one read-only statement "
            "(SELECT, WITH, FROM, SHOW, DESCRIBE, SUMMARIZE, EXPLAIN or a PRAGMA that shows)"
        )
    name = words[1].strip('"').lower() if len(words) > 1 else "?"
    if name not in SHOW_PRAGMAS:
        raise QueryRefusedError(f"refused: PRAGMA {name} is not one of the PRAGMAs that only show things")


def _check_explain(statement: duckdb.Statement) -> None:
    """EXPLAIN ANALYZE executes its statement: it is only as harmless as the statement explained."""
    query = statement.query
    words = [(start, text) for start, text, _ in _tokens(query)]
    refused = QueryRefusedError("refused: EXPLAIN of its statement; query explains only SELECT statements")
    if not words or words[0][1].upper() != "EXPLAIN":
        raise refused
    i = 1
    if i < len(words) and words[i][1].upper() in ("ANALYZE", "ANALYSE"):
        i += 1
    if i < len(words) and words[i][1].startswith("("):  # options: (FORMAT json) …
        depth = 0
        while i < len(words):
            depth += words[i][1].count("(") - words[i][1].count(")")
            i += 1
            if depth <= 0:
                break
    if i >= len(words):
        raise refused
    try:
        inner = duckdb.extract_statements(query[words[i][0] :])
    except duckdb.Error:
        raise refused from None
    if len(inner) == 1 and _kind(inner[0]) in _READ_TYPES:
        return
    what = _name(inner[0]) if len(inner) == 1 else "its statement"
    raise QueryRefusedError(f"refused: EXPLAIN of {what}; query explains only SELECT statements")


def _check_one(statement: duckdb.Statement) -> None:
    """Raise QueryRefusedError unless ``statement`` is of a reading kind."""
    kind = _kind(statement)
    if kind in _READ_TYPES:
        return
    if kind == duckdb.StatementType.PRAGMA:
        _check_pragma(statement)
        return
    if kind == duckdb.StatementType.EXPLAIN:
        _check_explain(statement)
        return
    raise QueryRefusedError(
        f"refused: {_name(statement)} statement; query runs one read-only statement "
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
        kinds = ", ".join(_name(s) for s in statements)
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
        raise FileNotFoundError(f"no database at {db_path}: run `corroborate run` first")
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

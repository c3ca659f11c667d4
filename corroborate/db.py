"""The DuckDB store: connections, the schema in ``sql/schema``, derived tables in ``sql/models`` and the
statements (inserts, updates, deletes, lookups) in ``sql/statements``.

SQL lives in ``.sql`` files, one table or view per file, named after what it makes. Python never
builds SQL by concatenation: values travel as parameters (``$name``) and only the file name is
chosen in code.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from corroborate.resources import CHECKOUT_ROOT, project_dir

PROJECT_ROOT = CHECKOUT_ROOT
SQL_DIR = project_dir("sql")
SCHEMA_DIR = SQL_DIR / "schema"
MODELS_DIR = SQL_DIR / "models"  # SELECT-only: one derived table or view per file, named after it
STATEMENTS_DIR = SQL_DIR / "statements"  # inserts, updates, deletes and lookups

DEFAULT_DB = Path("data") / "corroborate.duckdb"
DB_ENV_VAR = "CORROBORATE_DB"


def default_db_path() -> Path:
    """The database file: ``$CORROBORATE_DB`` when set, else ``data/corroborate.duckdb``."""
    return Path(os.environ.get(DB_ENV_VAR) or DEFAULT_DB)


def connect(path: str | Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the database at ``path``; a writable connection creates it and its schema if needed."""
    path = Path(path)
    if read_only:
        if not path.exists():
            raise FileNotFoundError(f"no database at {path}: run `corroborate run` first")
        return duckdb.connect(str(path), read_only=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    apply_schema(con)
    return con


def connect_existing(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A writable connection to a database file that must exist already: unlike :func:`connect`, it never
    creates one (a run's staging copy that vanished must fail the run, not become an empty database)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(errno.ENOENT, "the database file is gone", str(path))
    return duckdb.connect(str(path))


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table of ``sql/schema`` that does not exist yet (idempotent)."""
    for ddl in sorted(SCHEMA_DIR.glob("*.sql")):
        con.execute(ddl.read_text(encoding="utf-8"))


@cache
def _ddl_schema(table: str) -> pl.Schema:
    path = SCHEMA_DIR / f"{table}.sql"
    if not path.is_file():
        raise KeyError(f"no table named {table!r} in {SCHEMA_DIR}")
    with contextlib.closing(duckdb.connect()) as con:
        con.execute(path.read_text(encoding="utf-8"))
        return con.table(table).limit(0).pl().schema


def table_schema(table: str, *, without: Iterable[str] = ()) -> dict[str, pl.DataType]:
    """The columns of the stored table ``table`` and their polars types, in order, read from its DDL.

    The one definition of a table's columns is ``sql/schema/<table>.sql``; frames built in Python take
    their schema from here (``without`` drops the columns the database fills in itself, such as
    timestamps and keys). The types are those polars gets when it reads the table.
    """
    dropped = set(without)
    unknown = dropped - set(_ddl_schema(table))
    if unknown:
        raise KeyError(f"table {table!r} has no column {sorted(unknown)}")
    return {name: dtype for name, dtype in _ddl_schema(table).items() if name not in dropped}


def model_sql(name: str) -> str:
    """The text of ``sql/models/<name>.sql`` (a derived table) or ``sql/statements/<name>.sql``."""
    for folder in (MODELS_DIR, STATEMENTS_DIR):
        path = folder / f"{name}.sql"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise KeyError(f"no SQL model or statement named {name!r} in {MODELS_DIR} or {STATEMENTS_DIR}")


@contextlib.contextmanager
def registered(con: duckdb.DuckDBPyConnection, frames: Mapping[str, Any]) -> Iterator[None]:
    """The ``frames`` (name -> polars frame) visible to SQL as views while the block runs, then gone.

    Models read what Python computed through such views (``_article_copies_input`` …); they never
    outlive the step that needs them, even when a model fails.
    """
    for name, frame in frames.items():
        con.register(name, frame)
    try:
        yield
    finally:
        for name in frames:
            con.unregister(name)


def run_model(
    con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None = None
) -> duckdb.DuckDBPyConnection:
    """Execute the model or statement ``<name>`` with named parameters (``$run_id`` …)."""
    sql = model_sql(name)
    return con.execute(sql, dict(params)) if params else con.execute(sql)


def query_model(con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None = None) -> pl.DataFrame:
    """The rows of the lookup ``<name>`` as a polars frame (fully read)."""
    return con.sql(model_sql(name), params=dict(params) if params else None).pl()


def scalar_model(con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None = None) -> Any:
    """The single value of the lookup ``<name>``."""
    rows = run_model(con, name, params).fetchall()
    return rows[0][0] if rows else None

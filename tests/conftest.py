"""Shared fixtures: the real nightly flow run once on the seeds into a real DuckDB file, and link scenarios.

Helpers that are not fixtures live in ``tests/helpers.py``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from corroborate import db
from helpers import Scenario

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A database after one real run of the nightly flow on ``seeds/`` (read it, do not write it)."""
    from flows.nightly import nightly

    path = tmp_path_factory.mktemp("seeded") / "corroborate.duckdb"
    nightly(db_path=str(path))
    yield path


@pytest.fixture
def seeded_copy(seeded_db: Path, tmp_path: Path) -> Path:
    """A private copy of the seeded database, for tests that run again on it."""
    target = tmp_path / "corroborate.duckdb"
    shutil.copyfile(seeded_db, target)
    return target


@pytest.fixture
def scenario(tmp_path: Path) -> Iterator[Scenario]:
    """An empty database file to write articles and claims into by hand."""
    con = db.connect(tmp_path / "corroborate.duckdb")
    try:
        yield Scenario(con)
    finally:
        con.close()

"""Shared fixtures: the real nightly flow run once on the seeds into a real DuckDB file, and link scenarios.

Helpers that are not fixtures live in ``tests/helpers.py``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from corroborate import db
from corroborate.run.options import RunOptions, apply_settings
from helpers import Scenario

if TYPE_CHECKING:
    from corroborate.extract import Extractor


def pytest_configure(config: pytest.Config) -> None:
    """Prefect's settings, before any test imports it (the CLI does the same at its start)."""
    apply_settings(log_level="WARNING")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that needs a whole run of the flow (``seeded_db``) must be marked slow: `make test-fast` stays fast."""
    unmarked = [
        item.nodeid
        for item in items
        if "seeded_db" in getattr(item, "fixturenames", ()) and item.get_closest_marker("slow") is None
    ]
    if unmarked:
        raise pytest.UsageError(f"mark these tests @pytest.mark.slow (they run the whole flow): {', '.join(unmarked)}")


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A database after one real run of the nightly flow on ``seeds/`` (read it, do not write it)."""
    from flows.nightly import nightly

    path = tmp_path_factory.mktemp("seeded") / "corroborate.duckdb"
    nightly(RunOptions(db_path=path))
    yield path


@pytest.fixture
def seeded_copy(seeded_db: Path, tmp_path: Path) -> Path:
    """A private copy of the seeded database, for tests that run again on it."""
    target = tmp_path / "corroborate.duckdb"
    shutil.copyfile(seeded_db, target)
    return target


@pytest.fixture(scope="session")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file with the schema and no rows, made once: copying it takes a third of the time of
    creating the schema again in every test (copy it, do not write it)."""
    path = tmp_path_factory.mktemp("empty") / "corroborate.duckdb"
    db.connect(path).close()
    return path


@pytest.fixture
def scenario(empty_db: Path, tmp_path: Path) -> Iterator[Scenario]:
    """An empty database file to write articles and claims into by hand."""
    target = tmp_path / "corroborate.duckdb"
    shutil.copyfile(empty_db, target)
    con = db.connect(target)
    try:
        yield Scenario(con)
    finally:
        con.close()


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """One extractor for the session (the spaCy models load once per process anyway)."""
    from corroborate.extract import Extractor

    return Extractor()

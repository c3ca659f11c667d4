"""What a run is asked to do (:class:`RunOptions`), and the settings a process applies once, at start.

``cli.py run``, ``cli.py schedule`` and the ``nightly`` flow share one :class:`RunOptions`: an option that
``run`` accepts reaches a scheduled run the same way. A deployment hands the flow its parameters as JSON,
so the options also travel as a plain mapping (:meth:`RunOptions.to_json`, :meth:`RunOptions.of`).

:func:`apply_settings` sets the environment Prefect reads when it is imported; the entry points (the CLI,
the test session) call it before anything imports Prefect. This module never imports Prefect.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corroborate import db

# The lexicon files and the suites a run uses when none is given (defined in resources, beside the folders).
from corroborate.resources import DEFAULT_ALIAS_FILE, DEFAULT_SEEDS_DIR, DEFAULT_SUBJECT_FILE, DEFAULT_SUITES_DIR

DEFAULT_BATCH_SIZE = 500
DEFAULT_MAX_BYTES = 5_000_000
METHODS = ("simple", "iterative")
RUNNERS = ("default", "dask")
# Extraction batches in flight at once with the default runner: one extracting while the previous is stored.
DEFAULT_WINDOW = 2

_PATH_FIELDS = ("db_path", "aliases", "subjects", "expectations")


@dataclass(frozen=True)
class RunOptions:
    """Every option of a run.

    ``inputs`` are files or folders (none: the sample articles in ``seeds/``); ``db_path`` the database
    (none: ``$CORROBORATE_DB``, else ``data/corroborate.duckdb``). ``aliases`` and ``subjects`` are the
    lexicon files of the link stage (none: ``seeds/aliases.csv``, ``seeds/subjects.csv``), ``expectations``
    the folder of validation suites (none: ``expectations/``). ``runner`` is where extraction runs:
    ``default`` (a thread of this process) or ``dask`` (the cluster at ``address``, else a local one of
    ``workers`` processes). ``wait_seconds`` is how long to wait for another run on the same database.
    ``relink`` makes the link stage read every stored article's text again instead of its new articles'
    only, and link and score even when nothing changed (the results are the same: a repair, not a mode).
    """

    inputs: tuple[Path, ...] = ()
    db_path: Path | None = None
    batch_size: int = DEFAULT_BATCH_SIZE
    max_bytes: int = DEFAULT_MAX_BYTES
    method: str = "simple"
    wait_seconds: float = 0.0
    runner: str = "default"
    address: str | None = None
    workers: int = 2
    aliases: Path | None = None
    subjects: Path | None = None
    expectations: Path | None = None
    relink: bool = False

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ValueError(f"unknown scoring method {self.method!r}: use one of {', '.join(METHODS)}")
        if self.runner not in RUNNERS:
            raise ValueError(f"unknown runner {self.runner!r}: use one of {', '.join(RUNNERS)}")
        if self.address and self.runner != "dask":
            raise ValueError("an address needs the dask runner")
        for name in ("batch_size", "max_bytes", "workers"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")

    @property
    def input_paths(self) -> list[Path]:
        """The input paths of the run: those given, or the sample articles in ``seeds/``."""
        return list(self.inputs) if self.inputs else [DEFAULT_SEEDS_DIR]

    @property
    def database(self) -> Path:
        """The database file the run writes."""
        return self.db_path if self.db_path is not None else db.default_db_path()

    @property
    def alias_file(self) -> Path:
        return self.aliases or DEFAULT_ALIAS_FILE

    @property
    def subject_file(self) -> Path:
        return self.subjects or DEFAULT_SUBJECT_FILE

    @property
    def suites_dir(self) -> Path:
        """The folder of validation suites."""
        return self.expectations or DEFAULT_SUITES_DIR

    @property
    def window(self) -> int:
        """Extraction batches in flight at once: two per Dask worker, else two (one extracting, one stored)."""
        return 2 * self.workers if self.runner == "dask" else DEFAULT_WINDOW

    def resolved(self) -> RunOptions:
        """The same options with absolute paths (a scheduled run may start in another folder)."""

        def absolute(path: Path | None) -> Path | None:
            return path.resolve() if path is not None else None

        return dataclasses.replace(
            self,
            inputs=tuple(p.resolve() for p in self.inputs),
            db_path=self.database.resolve(),
            aliases=absolute(self.aliases),
            subjects=absolute(self.subjects),
            expectations=absolute(self.expectations),
        )

    def to_json(self) -> dict[str, Any]:
        """The options as JSON values (paths as strings, no inputs as null): a deployment's parameters.

        A path whose name is not UTF-8 (a Latin-1 file name) cannot be JSON text: it travels as
        ``{"path_bytes": "<hex>"}`` and comes back as the same path, for ingest to reject with its reason.
        """
        out: dict[str, Any] = {}
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            if item.name == "inputs":
                value = [_path_json(p) for p in value] or None
            elif isinstance(value, Path):
                value = _path_json(value)
            out[item.name] = value
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RunOptions:
        """Options from :meth:`to_json`'s mapping (a deployment's parameters); unknown keys are refused."""
        known = {item.name for item in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown run option(s): {', '.join(unknown)}")
        values = dict(data)
        values["inputs"] = tuple(_json_path(p) for p in values.get("inputs") or ())
        for name in _PATH_FIELDS:
            if values.get(name) is not None:
                values[name] = _json_path(values[name])
        return cls(**values)

    @classmethod
    def of(cls, value: RunOptions | Mapping[str, Any] | None) -> RunOptions:
        """``value`` as options: options as they are, a mapping read by :meth:`from_json`, none the defaults."""
        if value is None:
            return cls()
        if isinstance(value, RunOptions):
            return value
        return cls.from_json(value)


def _path_json(path: Path) -> str | dict[str, str]:
    """A path as a JSON value: its text, or the hex of its bytes when its name is not UTF-8."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return {"path_bytes": os.fsencode(path).hex()}
    return text


def _json_path(value: str | Mapping[str, str] | os.PathLike[str]) -> Path:
    """The path :func:`_path_json` wrote."""
    if isinstance(value, Mapping):
        return Path(os.fsdecode(bytes.fromhex(value["path_bytes"])))
    return Path(value)


def apply_settings(*, log_level: str | None = None) -> None:
    """Set the environment a run needs before Prefect is imported; a value the user already set wins.

    Prefect reads its settings from the environment once, when it is first imported, so this runs first
    thing in every entry point that may run the flow. ``log_level`` becomes Prefect's logging level (none:
    Prefect's own default).
    """
    defaults = {
        # Telemetry would try to reach the network and, on the temporary server's SQLite, races the first
        # flow run ("database is locked").
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        # The temporary server must start within this many seconds; Prefect's 20 s default was exceeded here
        # on a loaded machine, which failed the whole nightly run before any work began.
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
    }
    if log_level is not None:
        defaults["PREFECT_LOGGING_LEVEL"] = log_level
    for name, value in defaults.items():
        os.environ.setdefault(name, value)

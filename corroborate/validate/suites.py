"""The expectation suites: read from ``expectations/<table>.json``, their closed sets taken from
``corroborate.vocab``, and built into Great Expectations objects in one ephemeral GX context per process.

Importing this module does not import GX (~4 s); the first suite built does, once per process.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corroborate import vocab
from corroborate.resources import DEFAULT_SUITES_DIR

if TYPE_CHECKING:
    from corroborate.validate import ValidationReport

EXPECTATIONS_DIR = DEFAULT_SUITES_DIR
# Where each expectation's position travels through GX (GX returns results in its own order).
_META_ID = "corroborate_expectation"


class BatchValidationError(Exception):
    """A batch cannot be trusted: a suite cannot load or run, or too many rows were rejected.

    The run must not publish. ``report`` holds what was validated when the suite did run, so the
    caller can still record the results and the rejected rows.
    """

    def __init__(self, reason: str, report: ValidationReport | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.report = report


# --------------------------------------------------------------------------------------------
# The GX context: imported and built once per process.


class _Gx:
    """The GX module and one ephemeral context with a pandas data source (one asset per table)."""

    def __init__(self) -> None:
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        # GX sets this module's logger to INFO and announces its temporary docs folder in every run: noise
        # in a nightly log.
        logging.getLogger("great_expectations.data_context.types.base").setLevel(logging.WARNING)

        self.gx = gx
        self.context = gx.get_context(mode="ephemeral")
        # Progress bars would write to the terminal of every nightly run.
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        self.datasource = self.context.data_sources.add_pandas("corroborate")
        self._batch_definitions: dict[str, Any] = {}

    def batch_definition(self, table: str) -> Any:
        if table not in self._batch_definitions:
            asset = self.datasource.add_dataframe_asset(table)
            self._batch_definitions[table] = asset.add_batch_definition_whole_dataframe(table)
        return self._batch_definitions[table]


_gx: _Gx | None = None
_gx_lock = threading.Lock()


def _get_gx() -> _Gx:
    global _gx
    with _gx_lock:
        if _gx is None:
            _gx = _Gx()
        return _gx


# --------------------------------------------------------------------------------------------
# Suites


@dataclass
class _Suite:
    name: str
    table: str
    key: list[str]
    columns: set[str]  # every column the expectations refer to
    meta: dict[str, Any]
    gx_suite: Any
    labels: dict[str, str]  # expectation id -> label
    notes: dict[str, str]  # expectation id -> notes


def _referenced_columns(node: Any) -> set[str]:
    """Column names an expectation's kwargs refer to, row conditions included."""
    found: set[str] = set()
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("column", "column_A", "column_B") and isinstance(v, str):
                found.add(v)
            elif k == "column" and isinstance(v, dict) and isinstance(v.get("name"), str):
                found.add(v["name"])
            elif k == "column_list" and isinstance(v, list):
                found.update(c for c in v if isinstance(c, str))
            else:
                found |= _referenced_columns(v)
    elif isinstance(node, list):
        for v in node:
            found |= _referenced_columns(v)
    return found


def _label(type_: str, kwargs: dict[str, Any]) -> str:
    """``type(columns)`` plus the row condition, e.g. ``expect_..._between(magnitude) where unit IN [...]``."""
    if "column" in kwargs:
        cols = [kwargs["column"]]
    elif "column_A" in kwargs:
        cols = [kwargs["column_A"], kwargs.get("column_B")]
    else:
        cols = list(kwargs.get("column_list") or [])
    label = f"{type_}({', '.join(str(c) for c in cols)})"
    cond = kwargs.get("row_condition")
    if cond:
        label += f" where {_condition_text(cond)}"
    return label


def _condition_text(cond: Any) -> str:
    if isinstance(cond, str):
        return cond
    if isinstance(cond, dict):
        if "conditions" in cond:
            joiner = " and " if cond.get("type") == "and" else " or "
            return joiner.join(_condition_text(c) for c in cond["conditions"])
        col = cond.get("column", {})
        name = col.get("name") if isinstance(col, dict) else col
        if "is_null" in cond:
            return f"{name} IS {'NULL' if cond['is_null'] else 'NOT NULL'}"
        return f"{name} {cond.get('operator')} {json.dumps(cond.get('parameter'))}"
    return str(cond)


def from_vocab(value: Any) -> Any:
    """A suite's JSON with every ``{"vocab": NAME}`` replaced by ``corroborate.vocab.NAME`` (a list, or a
    mapping): the closed sets (units, qualifiers, languages …) are written once, in ``vocab.py``. Other
    keys beside ``vocab`` override a mapping's entries (``{"vocab": "PLAUSIBLE_MAX", "people": 5000}``).
    Raises ValueError for a name ``vocab`` does not have."""
    if isinstance(value, dict):
        if "vocab" in value:
            known = getattr(vocab, str(value["vocab"]), None)
            overrides = {key: item for key, item in value.items() if key != "vocab"}
            if isinstance(known, dict):
                return {**known, **overrides}
            if not isinstance(known, tuple) or overrides:
                raise ValueError(f"corroborate.vocab has no set named {value['vocab']!r} to take {overrides or ''}")
            return list(known)
        return {key: from_vocab(item) for key, item in value.items()}
    if isinstance(value, list):
        return [from_vocab(item) for item in value]
    return value


def load_suite(table: str, suites_dir: Path = EXPECTATIONS_DIR) -> _Suite:
    """Read and build ``<suites_dir>/<table>.json``; any problem is a :class:`BatchValidationError`."""
    path = Path(suites_dir) / f"{table}.json"
    try:
        raw = from_vocab(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError as exc:
        raise BatchValidationError(f"suite for {table!r} not found: {path}") from exc
    except (OSError, ValueError) as exc:
        raise BatchValidationError(f"suite {path} cannot be read: {exc}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("expectations"), list):
        raise BatchValidationError(f"suite {path}: expected an object with an 'expectations' list")
    meta = raw.get("meta") or {}
    name = str(raw.get("name") or table)
    key = list(meta.get("key") or [])

    g = _get_gx()
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    expectations = []
    labels: dict[str, str] = {}
    notes: dict[str, str] = {}
    columns: set[str] = set(key)
    for i, item in enumerate(raw["expectations"]):
        if not isinstance(item, dict) or "type" not in item:
            raise BatchValidationError(f"suite {path}: expectation #{i} has no 'type'")
        kwargs = item.get("kwargs") or {}
        # ExpectationSuite() only logs an invalid expectation and drops it; building each one here
        # turns a typo in the JSON into a failed batch instead of a silently weaker suite.
        try:
            config = ExpectationConfiguration(
                type=item["type"],
                kwargs=kwargs,
                # The position travels in meta because GX returns results in its own order.
                meta={**(item.get("meta") or {}), _META_ID: f"{name}-{i}"},
                notes=item.get("notes"),
                description=item.get("description"),
            )
            expectation = config.to_domain_obj()
        except Exception as exc:  # GX raises several unrelated types for a bad configuration
            raise BatchValidationError(f"suite {path}: expectation #{i} ({item['type']}) is invalid: {exc}") from exc
        expectations.append(expectation)
        labels[f"{name}-{i}"] = _label(item["type"], kwargs)
        note = item.get("notes")
        notes[f"{name}-{i}"] = " ".join(note) if isinstance(note, list) else (note or "")
        columns |= _referenced_columns(kwargs)
    try:
        gx_suite = g.gx.ExpectationSuite(name=name, expectations=expectations, meta=meta or None)
    except Exception as exc:
        raise BatchValidationError(f"suite {path} cannot be built: {exc}") from exc
    if len(gx_suite.expectations) != len(expectations):
        raise BatchValidationError(f"suite {path}: some expectations were not accepted by GX")
    return _Suite(name, table, key, columns, meta, gx_suite, labels, notes)

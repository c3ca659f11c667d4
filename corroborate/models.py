"""The SQL models as a graph: what each one reads, the frames Python hands them, and the order they run in.

Every file of ``sql/models`` opens with one line naming what it reads::

    -- inputs: claims, article_dates, claim_marks, _concept_kinds

An input is a stored table (``sql/schema``), another model, or a frame that Python computes and registers
for the model while it runs (a name starting with ``_``, declared once in :data:`FRAMES` with its
columns). From these lines :func:`model_order` derives the order models run in, and :func:`run_alone`
runs any one model on a database that lacks some of its inputs (each missing one stands in empty, with
its columns), which is how a model is debugged and how the tests check that every header is complete.
:func:`run_on_copy` runs one model from the tables of a database file without writing to it (what
``corroborate query --model NAME`` prints).
"""

from __future__ import annotations

import contextlib
import difflib
import re
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from corroborate import db, store

HEADER = "-- inputs:"

# The frames Python computes and registers for the models (:func:`registered`), with their columns: what a
# frame must hold, and what stands in for it when a model runs alone.
FRAMES: dict[str, dict[str, pl.DataType]] = {
    # link/sources.py
    "_sources_input": {
        "source_id": pl.String(),
        "name": pl.String(),
        "kind": pl.String(),
        "parent_id": pl.String(),
        "root_id": pl.String(),
        "depth": pl.Int32(),
        "named": pl.Boolean(),
    },
    "_source_aliases_input": {"alias": pl.String(), "alias_key": pl.String(), "source_id": pl.String()},
    "_speaker_map": {"source": pl.String(), "source_org": pl.String(), "source_id": pl.String()},
    "_outlet_map": {"outlet": pl.String(), "source_id": pl.String()},
    "_placed_speakers": {
        "article_id": pl.String(),
        "source": pl.String(),
        "source_org": pl.String(),
        "source_id": pl.String(),
    },
    # link/copies.py
    "_article_copies_input": {
        "article_id": pl.String(),
        "copy_of_article_id": pl.String(),
        "similarity": pl.Float64(),
        "method": pl.String(),
    },
    "_article_groups_input": {"article_id": pl.String(), "group_id": pl.String()},
    # read by the statement article_features_insert, not by a model
    "_new_article_features": {
        "article_id": pl.String(),
        "version": pl.String(),
        "shingles": pl.List(pl.UInt64()),
        "credits": pl.List(pl.String()),
        "numbers": pl.List(pl.String()),
        "names": pl.List(pl.String()),
    },
    # link/__init__.py: sentences, places, stories and identities
    "_claim_marks_input": {
        "claim_id": pl.String(),
        "is_recap": pl.Boolean(),
        "is_correction": pl.Boolean(),
        "is_beyond": pl.Boolean(),
        "named_month": pl.Int32(),
    },
    "_story_pairs_input": {"article_id": pl.String(), "other_id": pl.String(), "similarity": pl.Float64()},
    "_article_places_input": {"article_id": pl.String(), "country": pl.String()},
    "_claim_identities_input": {"claim_id": pl.String(), "identity": pl.String(), "names": pl.List(pl.String())},
    # link/__init__.py: quantities
    "_unmatched_subjects": {"subject": pl.String()},
    "_subject_keys": {"subject": pl.String(), "subject_key": pl.String(), "label": pl.String()},
    "_claim_subject_keys": {"claim_id": pl.String(), "subject_key": pl.String(), "label": pl.String()},
    "_claim_concepts": {"claim_id": pl.String(), "concept": pl.String()},
    "_concept_kinds": {"concept": pl.String(), "kind": pl.String()},
    "_unit_families": {"unit": pl.String(), "unit_family": pl.String()},
    # score.py
    "_claim_weights": {"claim_id": pl.String(), "corroborated_weight": pl.Float64(), "revised_weight": pl.Float64()},
    "_scores_input": {  # read by the statement source_scores_insert, not by a model
        "source_id": pl.String(),
        "source": pl.String(),
        "kind": pl.String(),
        "parent_id": pl.String(),
        **{count: pl.Int32() for count in ("claims", "corroborated", "revised", "unresolved")},
        **{count: pl.Int32() for count in ("own", "relayed", "relayed_wrong")},
        **{value: pl.Float64() for value in ("score", "ci_low", "ci_high", "prior_alpha", "prior_beta")},
    },
}

_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")


def model_names() -> list[str]:
    """Every model of ``sql/models``, by name."""
    return sorted(path.stem for path in db.MODELS_DIR.glob("*.sql"))


def stored_tables() -> list[str]:
    """Every table of ``sql/schema`` (what ingest, extraction and scoring store)."""
    return sorted(path.stem for path in db.SCHEMA_DIR.glob("*.sql"))


@cache
def model_inputs(name: str) -> tuple[str, ...]:
    """What the model ``name`` reads, from the first line of its file; raises ValueError without one."""
    path = db.MODELS_DIR / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no SQL model named {name!r} in {db.MODELS_DIR}")
    first = path.read_text(encoding="utf-8").partition("\n")[0]
    if not first.startswith(HEADER):
        raise ValueError(f"{path.name} must open with a line {HEADER!r} naming what it reads")
    return tuple(word.strip() for word in first[len(HEADER) :].split(",") if word.strip())


def model_order(names: Iterable[str] | None = None) -> list[str]:
    """The models ``names`` (default: all) in an order where each comes after the models it reads.

    Ties keep alphabetical order, so the order is the same from run to run. Raises ValueError on a
    cycle.
    """
    wanted = sorted(set(model_names() if names is None else names))
    models = set(model_names())
    waiting = {name: {i for i in model_inputs(name) if i in models and i in wanted} for name in wanted}
    order: list[str] = []
    while waiting:
        ready = sorted(name for name, inputs in waiting.items() if not inputs)
        if not ready:
            raise ValueError(f"the models {sorted(waiting)} read each other in a cycle")
        order.extend(ready)
        for name in ready:
            del waiting[name]
        for inputs in waiting.values():
            inputs.difference_update(ready)
    return order


def models_fed_by(frames: Iterable[str]) -> list[str]:
    """The models to run once ``frames`` are registered, in order: those that read one of the frames, and
    those that read only these models and stored tables (``source_tree`` after ``sources``)."""
    given = set(frames)
    stored = set(stored_tables())
    chosen = {name for name in model_names() if given & set(model_inputs(name))}
    grew = True
    while grew:
        grew = False
        for name in sorted(set(model_names()) - chosen):
            inputs = set(model_inputs(name))
            if inputs & chosen and inputs <= chosen | stored | given:
                chosen.add(name)
                grew = True
    return model_order(chosen)


def conform(name: str, frame: Any) -> Any:
    """The frame registered as ``name``, with exactly its declared columns and types (an empty frame
    from a step that found nothing types as declared). Raises KeyError for an undeclared frame name."""
    if name not in FRAMES:
        raise KeyError(f"the frame {name!r} is not declared in corroborate.models.FRAMES")
    schema = FRAMES[name]
    return frame.select([pl.col(column).cast(dtype) for column, dtype in schema.items()])


@contextlib.contextmanager
def registered(con: duckdb.DuckDBPyConnection, frames: Mapping[str, Any]) -> Iterator[None]:
    """The frames a stage computed for its models (name -> polars frame), visible to SQL while the block
    runs (:func:`corroborate.db.registered`), each with exactly the columns and types :data:`FRAMES`
    declares for it. Raises KeyError for a name :data:`FRAMES` does not declare."""
    with db.registered(con, {name: conform(name, frame) for name, frame in frames.items()}):
        yield


def _empty(schema: Mapping[str, pl.DataType]) -> pl.DataFrame:
    return pl.DataFrame(schema=dict(schema))


@cache
def output_schema(name: str) -> dict[str, pl.DataType]:
    """The columns the model ``name`` makes, found by running it alone on empty inputs."""
    with contextlib.closing(duckdb.connect()) as scratch:
        run_alone(scratch, name, {param: None for param in model_params(name)})
        return dict(scratch.table(name).limit(0).pl().schema)


def model_params(name: str) -> list[str]:
    """The ``$parameters`` the model ``name`` takes."""
    return sorted(set(_PARAM.findall(db.model_sql(name))))


def _exists(con: duckdb.DuckDBPyConnection, relation: str) -> bool:
    try:
        con.table(relation)
    except duckdb.CatalogException:
        return False
    return True


def run_alone(con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None = None) -> list[str]:
    """Run the model ``name`` on ``con`` with only its declared inputs at hand; returns the inputs that
    stood in empty.

    A declared input the connection lacks stands in empty: a stored table from its DDL, a frame with its
    declared columns, another model with the columns it makes. An input the header does not declare is
    not provided, so a model that reads one fails here. The stand-ins stay registered on ``con``.
    """
    stood_in: list[str] = []
    for source in model_inputs(name):
        if _exists(con, source):
            continue
        stood_in.append(source)
        if source in FRAMES:
            con.register(source, _empty(FRAMES[source]))
        elif source in stored_tables():
            con.execute((db.SCHEMA_DIR / f"{source}.sql").read_text(encoding="utf-8"))
        elif source in model_names():
            con.register(source, _empty(output_schema(source)))
        else:
            raise ValueError(f"{name}.sql reads {source!r}: neither a stored table, a model nor a declared frame")
    db.run_model(con, name, {k: v for k, v in (params or {}).items() if k in model_params(name)} or None)
    return stood_in


class UnknownModelError(LookupError):
    """No model of ``sql/models`` has the name asked for; the message lists them."""


def check_model_name(name: str) -> str:
    """``name`` when a model of ``sql/models`` has it; else raises :class:`UnknownModelError` naming the
    closest models and listing all of them."""
    names = model_names()
    if name in names:
        return name
    close = difflib.get_close_matches(name, names, n=3)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise UnknownModelError(f"no SQL model named {name!r}{hint}; the models of sql/models: {', '.join(names)}")


@dataclass(frozen=True, slots=True)
class AloneRun:
    """What one model made from a database's tables (:func:`run_on_copy`)."""

    rows: pl.DataFrame  # the rows the model makes, with its columns
    stood_in: tuple[str, ...]  # its declared inputs the database does not hold: they stood in empty


def _attach_read_only(scratch: duckdb.DuckDBPyConnection, db_path: Path) -> None:
    """Attach the database file as ``stored``, read-only, retrying while a run briefly holds it (as the
    readers of :mod:`corroborate.store` do)."""
    if not db_path.is_file():
        raise FileNotFoundError(f"no database at {db_path}: run `corroborate run` first")
    deadline = time.monotonic() + store.READER_RETRY_SECONDS
    while True:
        try:
            scratch.execute("ATTACH ? AS stored (READ_ONLY)", [str(db_path)])
            return
        except duckdb.IOException as error:
            if "lock" not in str(error).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(0.1)


def _stored_relations(scratch: duckdb.DuckDBPyConnection) -> set[str]:
    """The tables and views of the attached database."""
    found = scratch.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = 'stored' "
        "UNION SELECT view_name FROM duckdb_views() WHERE database_name = 'stored' AND NOT internal"
    ).fetchall()
    return {row[0] for row in found}


def run_on_copy(db_path: Path, name: str, params: Mapping[str, Any] | None = None) -> AloneRun:
    """The rows the model ``name`` makes from the tables of the database file at ``db_path``, which stays
    as it was: no table of it is replaced, altered or even opened for writing.

    The file is attached read-only to a scratch database in memory; each declared input the file holds is
    a view of it there, the others stand in empty (:func:`run_alone`), and the model makes its table in
    the scratch database, dropped on return. ``params`` give the model's ``$parameters``. Raises
    :class:`UnknownModelError` for a name no model has, FileNotFoundError when there is no file.
    """
    check_model_name(name)
    with contextlib.closing(duckdb.connect()) as scratch:
        _attach_read_only(scratch, db_path)
        held = _stored_relations(scratch)
        for source in model_inputs(name):
            if source in held:
                # A qualified name for the relation API (not SQL text): a name from the model's header.
                scratch.table(f"stored.{source}").create_view(source)
        stood_in = run_alone(scratch, name, params)
        return AloneRun(rows=scratch.table(name).pl(), stood_in=tuple(stood_in))

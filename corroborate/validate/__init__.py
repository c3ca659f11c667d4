"""Great Expectations guards every table before anything is scored.

One suite per table lives in ``expectations/<table>.json`` (articles, claims, claim_outcomes,
source_scores). Users edit those files like any other configuration: the suites are read from disk
on every validation and loaded into one ephemeral GX 1.x context per process, so no GX project
folder or cloud account is involved.

What happens to a failure:

* row level: the rows an expectation flags are moved to ``rejects`` (stage ``validate``, the failing
  expectations named, the row as JSON) and the run goes on with the rest;
* batch level: a suite that cannot be read or built, an expectation that cannot run (unknown column,
  bad arguments), a failing expectation that does not point at rows (a table-level expectation), or a
  rejected share above ``max_reject_share`` raises :class:`BatchValidationError`: the run must not
  publish.

Every expectation's outcome is recorded in ``validation_results``. An expectation with ``mostly``
below 1 that still succeeds keeps its unexpected rows: ``mostly`` is the tolerance the suite's author
chose.

Engine: GX 1.x has no polars engine, so a batch is handed to GX's pandas engine (``polars`` ->
``pandas`` conversion, vectorised). The other option, GX's SQL engine on the DuckDB tables through
SQLAlchemy and ``duckdb-engine`` 0.17.0, fails on the pinned stack (GX 1.24.1, duckdb 2.0.1): every
metric ends in ``IndexError: list index out of range`` inside
``SqlAlchemyExecutionEngine.resolve_metric_bundle`` (most likely because GX fetches the rows after
closing the connection that produced them; GX issue #11579, one of the traps of DESIGN.md §7). The pandas
path also validates candidate claims before they are stored, which the SQL path could not do without writing
them first. Measured with ``benchmarks/validation_cost.py`` on 2 shared cores: 0.18 s per 1,000
articles, 0.4-0.5 s per 10,000 claims, plus ~4 s to import GX once per process (the largest share).

Derived columns: some expectations compare a row with something outside its columns. They are added
as polars expressions before validation and never stored:

* claims: ``magnitude`` = max(|value|, |value_low|, |value_high|); ``plausible_max``, the bound the
  suite's ``meta.plausible_max`` gives the unit's family (``vocab.UNIT_FAMILIES``); ``article_length``
  and ``article_span`` (the article's text at ``[char_start, char_end)``), joined from ``articles``;
* source_scores: ``outcomes_total`` = corroborated + revised + unresolved.

Suite parameters: ``{"$PARAMETER": "today"}`` is the validation date (UTC) and ``"tomorrow"`` the day
after, so "not in the future" needs no edit to the suite.

Importing this module does not import GX (~4 s); the first validation does, once per process.

This package is the one place that speaks Great Expectations (its context, suites, results and Data
Docs), so that no other module depends on GX's types or its import cost: ``suites`` reads and builds the
suites, ``columns`` adds the derived columns, and this module validates and records.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from corroborate.db import query_model, run_model, table_schema
from corroborate.validate.columns import _to_pandas, add_article_spans, add_derived_columns
from corroborate.validate.suites import (
    _META_ID,
    EXPECTATIONS_DIR,
    BatchValidationError,
    _get_gx,
    _label,
    _Suite,
    load_suite,
)
from corroborate.validate.suites import (
    from_vocab as from_vocab,  # the suites' reader, for callers of this package
)

log = logging.getLogger(__name__)

STAGE = "validate"

# Column carrying each row's position through GX, so that flagged rows are found again even when
# their key is duplicated or null (the very failures we look for).
_ROW = "__row__"

# Rows for the rejects and validation_results tables, the columns the database fills in left out.
REJECT_SCHEMA: dict[str, pl.DataType] = table_schema("rejects", without=("rejected_at",))
RESULT_SCHEMA: dict[str, pl.DataType] = table_schema("validation_results", without=("validated_at",))


@dataclass
class ValidationReport:
    """The outcome of one suite on one frame.

    ``valid``: the rows that passed, with the frame's own columns (derived columns dropped);
    ``rejects``: one row per rejected row, columns of the ``rejects`` table;
    ``results``: one row per expectation, columns of the ``validation_results`` table.
    """

    valid: pl.DataFrame
    rejects: pl.DataFrame
    results: pl.DataFrame
    suite_result: Any = field(default=None, repr=False)  # GX ExpectationSuiteValidationResult, for Data Docs


# --------------------------------------------------------------------------------------------
# Validation


def _exception_message(exception_info: Any) -> str | None:
    """The first exception GX caught while running an expectation, if any."""
    if not exception_info:
        return None
    infos = [exception_info] if "raised_exception" in exception_info else list(exception_info.values())
    for info in infos:
        if isinstance(info, dict) and info.get("raised_exception"):
            message = str(info.get("exception_message") or "").strip()
            return message.splitlines()[-1] if message else "unknown error"
    return None


def _expectation_id(res: Any) -> str:
    meta = res.expectation_config.meta or {}
    return str(meta.get(_META_ID, res.expectation_config.type))


def _short(value: Any, limit: int = 300) -> str | None:
    if value is None:
        return None
    try:
        text = json.dumps(value, default=str, ensure_ascii=False)
    except (TypeError, ValueError):
        text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _observed(result: dict[str, Any]) -> str | None:
    if "observed_value" in result:
        return _short(result["observed_value"])
    unexpected = result.get("unexpected_list")
    if unexpected:
        distinct: list[Any] = []
        for v in unexpected:
            if v not in distinct:
                distinct.append(v)
            if len(distinct) == 5:
                break
        return _short({"unexpected": [str(v) for v in distinct]})
    return None


def validate_table(
    table: str,
    frame: pl.DataFrame,
    run_id: str,
    *,
    suites_dir: Path = EXPECTATIONS_DIR,
    max_reject_share: float = 0.5,
    today: dt.date | None = None,
) -> ValidationReport:
    """Validate ``frame`` against ``<suites_dir>/<table>.json``.

    Derived columns that need only the frame are added here; claims also need ``article_length`` and
    ``article_span`` (:func:`add_article_spans`, done by :func:`validate_claims`). Raises
    :class:`BatchValidationError` on a batch-level failure (see the module docstring), with the report
    attached when the suite ran.
    """
    suite = load_suite(table, suites_dir)
    data = add_derived_columns(table, frame, suite.meta)
    missing = sorted(suite.columns - set(data.columns))
    if missing:
        raise BatchValidationError(f"suite {suite.name}: column(s) {', '.join(missing)} missing from the {table} frame")
    data = data.with_row_index(_ROW)
    today = today or dt.datetime.now(dt.UTC).date()

    g = _get_gx()
    batch = g.batch_definition(table).get_batch(batch_parameters={"dataframe": _to_pandas(data)})
    suite_result = batch.validate(
        suite.gx_suite,
        result_format={
            "result_format": "COMPLETE",
            "unexpected_index_column_names": [_ROW],
            "return_unexpected_index_query": False,
            "partial_unexpected_count": 0,
        },
        expectation_parameters={"today": today, "tomorrow": today + dt.timedelta(days=1)},
    )

    order = {eid: i for i, eid in enumerate(suite.labels)}
    result_rows: list[dict[str, Any]] = []
    failures_by_row: dict[int, list[str]] = {}
    broken: list[str] = []
    for res in sorted(suite_result.results, key=lambda r: order.get(_expectation_id(r), len(order))):
        config = res.expectation_config
        eid = _expectation_id(res)
        label = suite.labels.get(eid) or _label(config.type, dict(config.kwargs))
        kwargs = dict(config.kwargs)
        column = kwargs.get("column") or kwargs.get("column_A")
        if column is None and kwargs.get("column_list"):
            column = ", ".join(kwargs["column_list"])
        result = dict(res.result or {})
        error = _exception_message(res.exception_info)
        result_rows.append(
            {
                "run_id": run_id,
                "suite": suite.name,
                "table_name": table,
                "expectation": label,
                "column_name": column,
                "success": bool(res.success),
                "element_count": result.get("element_count", data.height),
                "unexpected_count": result.get("unexpected_count"),
                "observed_value": _short({"error": error}) if error else _observed(result),
            }
        )
        if error:
            broken.append(f"{label}: {error}")
            continue
        if res.success:
            continue
        index_list = result.get("unexpected_index_list")
        if index_list is None:
            broken.append(f"{label} failed on the whole table (observed {_observed(result)})")
            continue
        for entry in index_list:
            row = entry[_ROW] if isinstance(entry, dict) else entry
            failures_by_row.setdefault(int(row), []).append(eid)

    results = pl.DataFrame(result_rows, schema=RESULT_SCHEMA)
    rejected_rows = sorted(failures_by_row)
    rejects = _reject_frame(suite, frame, data, failures_by_row, rejected_rows, run_id)
    rejected = pl.Series(_ROW, rejected_rows, dtype=data.schema[_ROW])
    valid = data.filter(~pl.col(_ROW).is_in(rejected.implode())).select(frame.columns)
    report = ValidationReport(valid=valid, rejects=rejects, results=results, suite_result=suite_result)

    if broken:
        raise BatchValidationError(f"suite {suite.name} on {table}: " + "; ".join(broken), report)
    if data.height and len(rejected_rows) / data.height > max_reject_share:
        raise BatchValidationError(
            f"suite {suite.name} rejected {len(rejected_rows)} of {data.height} {table} rows "
            f"(more than {max_reject_share:.0%})",
            report,
        )
    return report


def _reject_frame(
    suite: _Suite,
    frame: pl.DataFrame,
    data: pl.DataFrame,
    failures_by_row: dict[int, list[str]],
    rows: list[int],
    run_id: str,
) -> pl.DataFrame:
    """One ``rejects`` row per rejected row, naming every expectation it failed."""
    if not rows:
        return pl.DataFrame(schema=REJECT_SCHEMA)
    # Only the rejected rows are handled here, so the per-row Python stays proportional to them.
    labels = ["; ".join(suite.labels.get(eid, eid) for eid in failures_by_row[r]) for r in rows]
    reasons = [
        "failed "
        + "; ".join(
            suite.labels.get(eid, eid) + (f" ({suite.notes[eid]})" if suite.notes.get(eid) else "")
            for eid in failures_by_row[r]
        )
        for r in rows
    ]
    picked = data.filter(pl.col(_ROW).is_in(pl.Series(rows, dtype=data.schema[_ROW]).implode())).sort(_ROW)
    key_cols = [c for c in suite.key if c in frame.columns]
    if key_cols:
        key_expr = pl.concat_str([pl.col(c).cast(pl.String).fill_null("") for c in key_cols], separator="/")
    else:
        key_expr = pl.col(_ROW).cast(pl.String)
    return picked.select(
        pl.lit(run_id, pl.String).alias("run_id"),
        pl.lit(STAGE, pl.String).alias("stage"),
        pl.lit(suite.name, pl.String).alias("suite"),
        pl.Series("expectation", labels, dtype=pl.String),
        pl.lit(suite.table, pl.String).alias("table_name"),
        key_expr.alias("row_key"),
        pl.struct([pl.col(c) for c in frame.columns]).struct.json_encode().alias("row_json"),
        pl.Series("reason", reasons, dtype=pl.String),
    )


# --------------------------------------------------------------------------------------------
# Stages: what the flow calls


def record(con: duckdb.DuckDBPyConnection, report: ValidationReport) -> None:
    """Write a report's rejects and results (the caller owns the transaction)."""
    for view, frame, model in (
        ("__validate_rejects", report.rejects, "rejects_insert"),
        ("__validate_results", report.results, "validation_results_insert"),
    ):
        if frame.height:
            con.register(view, frame)
            try:
                run_model(con, model)
            finally:
                con.unregister(view)


def _rows(con: duckdb.DuckDBPyConnection, table: str, run_id: str | None = None) -> pl.DataFrame:
    """A stored table's rows, all of them or one run's, as a polars frame (Arrow keeps empty results typed)."""
    relation = con.table(table)
    if run_id is not None:
        relation = relation.filter(duckdb.ColumnExpression("run_id") == duckdb.ConstantExpression(run_id))
    return pl.from_arrow(relation.to_arrow_table())  # type: ignore[return-value]


def _table_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    rows = run_model(con, "table_exists", {"name": name}).fetchall()
    return bool(rows and rows[0][0])


def _has_column(con: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    return column in {r[0] for r in run_model(con, "table_columns", {"name": table}).fetchall()}


def _article_texts(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> pl.DataFrame:
    ids = sorted({i for i in article_ids if i is not None})
    return query_model(con, "article_texts", {"ids": ids})


def _validate_and_record(
    con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame, run_id: str, **kw: Any
) -> ValidationReport:
    """Validate, then record results and rejects even when the batch fails."""
    try:
        report = validate_table(table, frame, run_id, **kw)
    except BatchValidationError as exc:
        if exc.report is not None:
            record(con, exc.report)
        raise
    record(con, report)
    return report


def warm_up() -> None:
    """Import Great Expectations and build the process's one context now (about 4 s), ahead of the first
    validation: a run does it in the background while it waits for Prefect's server."""
    _get_gx()


def validate_claims(con: duckdb.DuckDBPyConnection, candidates: pl.DataFrame, run_id: str, **kw: Any) -> pl.DataFrame:
    """Validate candidate claims (columns of ``sql/schema/claims.sql``) against the stored articles.

    Writes the rejected claims to ``rejects`` and every expectation's result to
    ``validation_results``; returns the valid rows, with the candidates' columns, for the caller to
    insert. A claim whose article is not stored (or was rejected) is rejected.
    """
    texts = _article_texts(con, candidates.get_column("article_id").to_list()) if candidates.height else None
    if texts is None:
        texts = pl.DataFrame(schema={"article_id": pl.String, "text": pl.String})
    frame = add_article_spans(candidates, texts)
    report = _validate_and_record(con, "claims", frame, run_id, **kw)
    return report.valid.select(candidates.columns)


def validate_articles(con: duckdb.DuckDBPyConnection, run_id: str, **kw: Any) -> int:
    """Validate the articles this run stored; move the failing ones to ``rejects``.

    A rejected article leaves ``articles`` and its ``ingest_log`` row becomes ``rejected`` with the
    reason. Returns how many articles were rejected.
    """
    frame = _rows(con, "articles", run_id)
    report = _validate_and_record(con, "articles", frame, run_id, **kw)
    if not report.rejects.height:
        return 0
    con.register("__validate_rejects", report.rejects)
    try:
        run_model(con, "ingest_log_reject_articles", {"run_id": run_id})
        run_model(con, "articles_delete_rejected", {"run_id": run_id})
    finally:
        con.unregister("__validate_rejects")
    return report.rejects.height


def _outputs(con: duckdb.DuckDBPyConnection, run_id: str | None) -> list[tuple[str, pl.DataFrame]]:
    """This run's claim outcomes and source scores (every row when ``run_id`` is None)."""
    frames = []
    if _table_exists(con, "claim_outcomes"):
        if run_id is not None and _has_column(con, "claim_outcomes", "run_id"):
            frames.append(("claim_outcomes", _rows(con, "claim_outcomes", run_id)))
        else:
            frames.append(("claim_outcomes", _rows(con, "claim_outcomes")))
    else:
        log.warning("no claim_outcomes table: its suite was not run")
    if _table_exists(con, "source_scores"):
        if run_id is not None:
            frames.append(("source_scores", _rows(con, "source_scores", run_id)))
        else:
            frames.append(("source_scores", _rows(con, "source_scores")))
    return frames


def validate_outputs(con: duckdb.DuckDBPyConnection, run_id: str, **kw: Any) -> None:
    """Validate ``claim_outcomes`` and this run's ``source_scores``; any failing row fails the batch.

    Scores are never partially published, so a single rejected row raises
    :class:`BatchValidationError` (after its results and rejects are recorded).
    """
    kw = {**kw, "max_reject_share": 1.0}
    for table, frame in _outputs(con, run_id):
        report = _validate_and_record(con, table, frame, run_id, **kw)
        if report.rejects.height:
            raise BatchValidationError(
                f"{report.rejects.height} {table} row(s) failed suite {table}: "
                + "; ".join(sorted(set(report.rejects.get_column("expectation").to_list())))[:1000],
                report,
            )


def _stored_reports(con: duckdb.DuckDBPyConnection, run_id: str | None, suites_dir: Path) -> list[ValidationReport]:
    """Every suite on the stored tables, rejected share ignored (nothing is written)."""
    reports = []
    label = run_id or "stored"
    kw: dict[str, Any] = {"suites_dir": suites_dir, "max_reject_share": 1.0}
    if _table_exists(con, "articles"):
        articles = _rows(con, "articles", run_id) if run_id else _rows(con, "articles")
        reports.append(validate_table("articles", articles, label, **kw))
    if _table_exists(con, "claims"):
        claims = _rows(con, "claims", run_id) if run_id else _rows(con, "claims")
        texts = _rows(con, "articles").select("article_id", "text")
        reports.append(validate_table("claims", add_article_spans(claims, texts), label, **kw))
    for table, frame in _outputs(con, run_id):
        reports.append(validate_table(table, frame, label, **kw))
    return reports


# The GX results behind the last frame :func:`revalidate` returned, so that Data Docs can be built
# from that frame without running the suites again.
_last_revalidation: tuple[pl.DataFrame, list[ValidationReport]] | None = None


def revalidate(
    con_read_only: duckdb.DuckDBPyConnection,
    run_id: str | None = None,
    *,
    suites_dir: Path = EXPECTATIONS_DIR,
) -> pl.DataFrame:
    """Re-run every suite on the stored tables (one run's rows, or all) and return the results.

    Writes nothing. The ``run_id`` column holds ``run_id``, or ``stored`` when every row was checked.
    A suite that cannot load or run raises :class:`BatchValidationError`.
    """
    global _last_revalidation
    reports = _stored_reports(con_read_only, run_id, suites_dir)
    results = pl.concat([r.results for r in reports]) if reports else pl.DataFrame(schema=RESULT_SCHEMA)
    _last_revalidation = (results, reports)
    return results


def build_data_docs(
    source: duckdb.DuckDBPyConnection | pl.DataFrame | Sequence[ValidationReport],
    out_dir: Path,
    *,
    run_id: str | None = None,
    suites_dir: Path = EXPECTATIONS_DIR,
) -> Path:
    """Write GX Data Docs (a static site) and return the path of its ``index.html``.

    ``source`` is the frame :func:`revalidate` just returned, reports from :func:`validate_table`, or
    a connection (every suite is then run on the stored tables first, as :func:`revalidate` does).
    """
    if isinstance(source, pl.DataFrame):
        if _last_revalidation is None or not _last_revalidation[0].equals(source):
            raise ValueError("Data Docs need the results of revalidate() in this process, or a connection")
        reports = _last_revalidation[1]
    elif isinstance(source, Sequence):
        reports = list(source)
    else:
        reports = _stored_reports(source, run_id, suites_dir)
    out_dir = Path(out_dir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)

    g = _get_gx()
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    context = g.context
    site = "corroborate"
    if site in context.list_data_docs_sites():
        context.delete_data_docs_site(site)
    context.add_data_docs_site(
        site,
        {
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(out_dir)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    run_time = dt.datetime.now(dt.UTC)
    identifiers = []
    for i, report in enumerate(reports):
        result = report.suite_result
        if result is None:
            continue
        suite_id = ExpectationSuiteIdentifier(name=result.suite_name)
        run_name = str(report.results.get_column("run_id")[0]) if report.results.height else "validate"
        identifier = ValidationResultIdentifier(
            expectation_suite_identifier=suite_id,
            run_id=RunIdentifier(run_name=run_name, run_time=run_time),
            batch_identifier=f"{result.suite_name}-{i}",
        )
        context.validation_results_store.set(identifier, result)
        identifiers.append(identifier)
    context.build_data_docs(site_names=[site], resource_identifiers=identifiers or None)
    return out_dir / "index.html"

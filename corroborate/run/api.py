"""The library API behind every CLI command: each function returns a polars frame that the CLI renders.

Readers open the database read-only (``corroborate.store.connect_reader``), so they answer while a run
writes its staging copy, with the last published results.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from corroborate import db, store
from corroborate.run.options import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from corroborate.present.explain import Explanation

# The extract contract (DESIGN.md §4.2): these columns of the claims table, in this order.
EXTRACT_COLUMNS: tuple[str, ...] = (
    "article_id", "external_id", "source", "source_org", "attributed", "value", "value_low", "value_high",
    "qualifier", "unit", "subject", "scope", "text", "char_start", "char_end", "confidence",
)  # fmt: skip


def extract_path(
    path: Path, *, explain: bool = False, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[pl.DataFrame, list[tuple[str, str]]]:
    """Claims found in the articles at ``path`` (file or folder), and the records rejected on the way.

    Returns the claims with the columns of the ``extract`` contract (DESIGN.md §4.2), plus with ``explain``
    the rule that credited each figure (``attribution``), and a list of ``(source_path, reason)`` for the
    records that were not extracted, in input order. The records go through the guards of a run's ingest:
    files over ``max_bytes`` are rejected when read, and the articles the ``articles`` suite rejects (a text
    over a million characters…) are left out with its reason, as a run leaves them out of ``articles``.
    """
    columns_out = (*EXTRACT_COLUMNS, "attribution") if explain else EXTRACT_COLUMNS
    from corroborate.extract import Extractor
    from corroborate.ingest import read_records

    records, log = read_records([path], max_bytes=max_bytes)
    articles = records.unique(subset="article_id", keep="first", maintain_order=True)
    invalid = _invalid_articles(articles)
    if invalid:
        failed = pl.DataFrame(
            {"article_id": list(invalid), "_invalid": list(invalid.values())},
            schema={"article_id": pl.String, "_invalid": pl.String},
        )
        # A rejected record of a feed is named with its line, as ingest names the lines it rejects.
        where = pl.when(pl.col("record_no") > 0).then(pl.format("line {}: ", pl.col("record_no"))).otherwise(pl.lit(""))
        hit = (pl.col("status") == "stored") & pl.col("_invalid").is_not_null()
        log = (
            log.join(failed, on="article_id", how="left", maintain_order="left")
            .with_columns(
                status=pl.when(hit).then(pl.lit("rejected")).otherwise(pl.col("status")),
                reason=pl.when(hit).then(pl.concat_str([where, pl.col("_invalid")])).otherwise(pl.col("reason")),
            )
            .drop("_invalid")
        )
        articles = articles.join(failed, on="article_id", how="anti", maintain_order="left")
    rejected = [
        (row["source_path"], row["reason"])
        for row in log.filter(pl.col("status") == "rejected").select("source_path", "reason").iter_rows(named=True)
    ]
    if articles.is_empty():
        columns = db.table_schema("claims")
        return pl.DataFrame(schema={name: columns[name] for name in columns_out}), rejected
    claims = Extractor().extract(articles)
    return claims.select(columns_out), rejected


# The run id that labels the validation of ``extract`` (nothing is recorded).
EXTRACT_RUN = "extract"


def _invalid_articles(articles: pl.DataFrame) -> dict[str, str]:
    """article_id -> reason, for the articles the ``articles`` suite rejects (as a run's validation does)."""
    if articles.is_empty():
        return {}
    from corroborate.validate import validate_table

    # Any share of rejected articles is fine here: no scores are published from them.
    frame = articles.drop("record_no").with_columns(run_id=pl.lit(EXTRACT_RUN))
    report = validate_table("articles", frame, EXTRACT_RUN, max_reject_share=1.0)
    return dict(zip(report.rejects.get_column("row_key"), report.rejects.get_column("reason"), strict=True))


def run_query(
    db_path: Path, sql: str, params: Mapping[str, Any] | None = None, *, allow_files: bool = False
) -> pl.DataFrame:
    """The result of one read-only SQL statement; ``params`` are bound to its ``$name`` placeholders.

    Raises ``corroborate.readonly.QueryRefusedError`` for anything but one statement that only reads, before
    opening the database; the connection has external access off unless ``allow_files`` (see
    ``corroborate.readonly``). Binary columns come back as hex text, which every output format can hold.
    """
    from corroborate import readonly

    readonly.check_statement(sql)
    with contextlib.closing(readonly.connect(db_path, allow_files=allow_files)) as con:
        relation = con.sql(sql, params=dict(params) if params else None)
        frame = relation.pl() if relation is not None else pl.DataFrame()
    return _printable(frame)


def _printable(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with its binary columns as hex text, which every output format can hold."""
    binary = [name for name, dtype in frame.schema.items() if dtype == pl.Binary]
    return frame.with_columns(pl.col(name).bin.encode("hex") for name in binary) if binary else frame


def stage_params() -> dict[str, Any]:
    """The values the link and score stages give the SQL models' ``$parameters``, by name."""
    from corroborate import vocab
    from corroborate.link import EVIDENCE_BAND, OUTCOME_PARAMS
    from corroborate.score import RELAY_DAYS

    return {
        **OUTCOME_PARAMS,
        "count_days": int(OUTCOME_PARAMS["count_days"]),  # a number of days
        "band": EVIDENCE_BAND,
        "days": RELAY_DAYS,
        "unknown_outlet": vocab.UNKNOWN_OUTLET,
    }


def model_rows(
    db_path: Path, name: str, params: Mapping[str, str] | None = None
) -> tuple[pl.DataFrame, tuple[str, ...]]:
    """The rows the SQL model ``name`` makes from the tables of the database at ``db_path``, run alone from
    its declared inputs, and those of its inputs the database does not hold (they stood in empty).

    Nothing is written: the file is attached read-only and the model's table is made in a scratch database
    (``corroborate.models.run_on_copy``). The model's ``$parameters`` take the values the stages give
    them; ``params`` (name -> text, as typed) replace some, each read as the type of the value it replaces.
    Raises ``corroborate.models.UnknownModelError`` (a LookupError) listing the models for an unknown name,
    ValueError for a parameter the model does not take or a value that is not a number where one is due.
    """
    from corroborate import models

    models.check_model_name(name)
    takes = models.model_params(name)
    values = {key: value for key, value in stage_params().items() if key in takes}
    for key, text in (params or {}).items():
        if key not in takes:
            taken = f"it takes {', '.join(takes)}" if takes else "it takes none"
            raise ValueError(f"the model {name} takes no parameter {key!r}: {taken}")
        default = values[key]
        try:
            values[key] = type(default)(text) if isinstance(default, int | float) else text
        except ValueError:
            raise ValueError(f"{key} takes a number ({type(default).__name__}), not {text!r}") from None
    run = models.run_on_copy(db_path, name, values)
    return _printable(run.rows), run.stood_in


def source_scores(
    db_path: Path, *, kind: str | None = None, min_claims: int = 0, method: str = "simple"
) -> pl.DataFrame:
    """Scores of the last completed run, ranked by the lower bound of their credible interval."""
    from corroborate.score import scores

    with contextlib.closing(store.connect_reader(db_path)) as con:
        return scores(con, kind=kind, min_claims=min_claims, method=method)


def run_history(db_path: Path, *, limit: int | None = None) -> pl.DataFrame:
    """The runs recorded in the database, newest first (the last ``limit`` of them; all when None)."""
    with contextlib.closing(store.connect_reader(db_path)) as con:
        return db.query_model(con, "runs_history", {"limit": limit})


def explain_source(db_path: Path, source: str, *, method: str = "simple") -> Explanation:
    """Why ``source`` (its exact name or an alias) scores what it scores: a header and one row per claim.

    Returns a :class:`~corroborate.present.explain.Explanation`; raises
    :class:`~corroborate.present.explain.SourceNotFound` (a ``LookupError``) listing the closest sources when
    the name is not exactly a source's.
    """
    from corroborate.present.explain import explain_source as explain

    with contextlib.closing(store.connect_reader(db_path)) as con:
        return explain(con, source, method=method)


def evaluate_labels(labels: Path) -> tuple[pl.DataFrame, str]:
    """Extraction quality on a labelled set: a one-row-per-slice metrics frame and a readable report."""
    from corroborate.evaluate.extraction import evaluate, format_report
    from corroborate.extract import Extractor

    report = evaluate(labels, Extractor())
    summary = report.as_dict()
    slices = {"overall": summary["overall"], **summary["by_language"]}
    metrics = pl.DataFrame([{"slice": name, **counts} for name, counts in slices.items()])
    return metrics, format_report(report)


def revalidate(db_path: Path, docs_dir: Path | None = None) -> tuple[pl.DataFrame, Path | None]:
    """Re-run every expectation suite on the stored tables; optionally write Data Docs."""
    from corroborate.validate import build_data_docs
    from corroborate.validate import revalidate as run_suites

    with contextlib.closing(store.connect_reader(db_path)) as con:
        results = run_suites(con)
    index = build_data_docs(results, docs_dir) if docs_dir else None
    return results, index


def build_report(db_path: Path, out: Path, *, method: str = "simple") -> Path:
    """Write the self-contained HTML report of the database to ``out``; returns the path written."""
    from corroborate.present.report import build_report as write_report

    with contextlib.closing(store.connect_reader(db_path)) as con:
        return write_report(con, out, method=method)


def evaluate_corpus(
    corpus_dir: Path,
    *,
    holdout: frozenset[str] = frozenset(),
    db_path: Path | None = None,
    details: bool = True,
    copies: Path | None = None,
) -> tuple[pl.DataFrame, str]:
    """The system against a labelled corpus of storylines (``corroborate.evaluate``).

    With ``db_path`` (a database a run wrote from the corpus's articles), the stored claims and their
    verdicts are scored, and with ``copies`` (labelled copy pairs, :func:`~corroborate.evaluate.copies.read_copy_pairs`)
    the copy pairs the run found; without it, the extractor runs on the articles here and only extraction is
    scored. Returns a one-row-per-slice metrics frame and a readable report.
    """
    from corroborate.evaluate import copies as copy_pairs
    from corroborate.evaluate import corpus as gold
    from corroborate.evaluate import goldset
    from corroborate.link.copies import GROUP_CONTAINMENT

    corpus = gold.load_corpus(corpus_dir)
    copy_line = None
    sources = None
    if db_path is not None:
        with contextlib.closing(store.connect_reader(db_path)) as con:
            predicted = gold.predictions_from_db(con)
            sources = gold.sources_from_db(con)
            if copies is not None:
                labelled = copy_pairs.read_copy_pairs(copies)
                copy_line = copy_pairs.score_copies(con, labelled, GROUP_CONTAINMENT).line()
    else:
        from corroborate.extract import Extractor
        from corroborate.ingest import read_records

        records, _ = read_records(corpus.article_dirs)
        articles = records.unique(subset="article_id", keep="first", maintain_order=True)
        predicted = Extractor().extract(articles)
    report = goldset.score_corpus(corpus, predicted, holdout=holdout, outcomes=db_path is not None, sources=sources)
    metrics = pl.DataFrame([{"slice": name, **m.as_dict()} for name, m in report.slices.items()])
    if report.reader.height:
        metrics = metrics.join(report.reader, on="slice", how="left")
    text = goldset.format_report(report, details=details)
    if copy_line:
        head, _, rest = text.partition("\n\n")
        text = f"{head}\n\n{copy_line}\n\n{rest}" if rest else f"{head}\n\n{copy_line}"
    return metrics, text

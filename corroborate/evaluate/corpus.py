"""A labelled corpus of real news (the ``realnews`` format, see :mod:`corroborate.evaluate.goldset`) and a
run's predictions, as polars frames: what the gold-set scorer compares."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import polars as pl


@dataclass(slots=True)
class Corpus:
    """A labelled corpus: its storylines, article folders, gold claims and gold outcomes."""

    root: Path
    storylines: list[str]
    gold_claims: pl.DataFrame
    gold_outcomes: pl.DataFrame

    @property
    def article_dirs(self) -> list[Path]:
        return [self.root / s / "articles" for s in self.storylines]


def is_corpus(path: Path) -> bool:
    """Whether ``path`` is a folder in the corpus format (storyline folders with ``gold_claims.jsonl``)."""
    return path.is_dir() and any(path.glob("*/gold_claims.jsonl"))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON Lines file (blank lines skipped); a line that is not JSON is an error naming it."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON: {exc}") from exc
    return rows


_GOLD_SCHEMA: dict[str, Any] = {
    "gold_id": pl.String,
    "storyline": pl.String,
    "external_id": pl.String,
    "speaker": pl.String,
    "speaker_org": pl.String,
    "speaker_aliases": pl.List(pl.String),
    "value": pl.Float64,
    "value_low": pl.Float64,
    "value_high": pl.Float64,
    "subject": pl.String,
    "quote_span": pl.String,
    "char_start": pl.Int64,
    "char_end": pl.Int64,
    "spans": pl.List(pl.Struct({"start": pl.Int64, "end": pl.Int64})),
    "vague": pl.Boolean,
}


def load_corpus(root: str | Path) -> Corpus:
    """Read every storyline folder of ``root`` (sorted by name)."""
    base = Path(root)
    storylines = sorted(p.parent.name for p in base.glob("*/gold_claims.jsonl"))
    if not storylines:
        raise ValueError(f"{base}: no <storyline>/gold_claims.jsonl below it")
    claims: list[dict[str, Any]] = []
    outcomes: list[dict[str, Any]] = []
    for story in storylines:
        for n, g in enumerate(read_jsonl(base / story / "gold_claims.jsonl")):
            spans = [{"start": g["char_start"], "end": g["char_end"]}]
            spans += [{"start": o["char_start"], "end": o["char_end"]} for o in g.get("other_spans") or []]
            claims.append(
                {
                    "gold_id": f"{story}:{n + 1}",
                    "storyline": story,
                    "external_id": g["article_id"],
                    "speaker": g.get("speaker"),
                    "speaker_org": g.get("speaker_org"),
                    "speaker_aliases": list(g.get("speaker_aliases") or []),
                    "value": g.get("value"),
                    "value_low": g.get("value_low"),
                    "value_high": g.get("value_high"),
                    "subject": g.get("subject"),
                    "quote_span": g.get("quote_span"),
                    "char_start": g["char_start"],
                    "char_end": g["char_end"],
                    "spans": spans,
                    "vague": bool(g.get("vague")),
                }
            )
        outcome_file = base / story / "gold_outcomes.jsonl"
        if outcome_file.exists():
            for o in read_jsonl(outcome_file):
                outcomes.append(
                    {
                        "external_id": o["article_id"],
                        "char_start": o["char_start"],
                        "char_end": o["char_end"],
                        "value_key": o.get("value") if o.get("value") is not None else o.get("value_low"),
                        "gold_outcome": o["outcome"],
                        "certainty": o.get("certainty", "arguable"),
                    }
                )
    gold = pl.DataFrame(claims, schema=_GOLD_SCHEMA)
    outcome_schema = {
        "external_id": pl.String,
        "char_start": pl.Int64,
        "char_end": pl.Int64,
        "value_key": pl.Float64,
        "gold_outcome": pl.String,
        "certainty": pl.String,
    }
    gold_outcomes = (
        pl.DataFrame(outcomes, schema=outcome_schema)
        .join(
            gold.with_columns(pl.coalesce("value", "value_low").alias("value_key")).select(
                "gold_id", "storyline", "external_id", "char_start", "char_end", "value_key"
            ),
            on=["external_id", "char_start", "char_end", "value_key"],
            how="inner",
        )
        .unique("gold_id", keep="first")
    )
    return Corpus(base, storylines, gold, gold_outcomes)


def predictions_from_db(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Every stored claim with its verdict and the deciding claim (``claim_explanations``), one row each, with
    its source and the country of its article."""
    return (
        con.table("claim_explanations")
        .pl()
        .join(
            con.table("claims")
            .select("claim_id", "source_org", "attributed", "char_start", "char_end", "attribution")
            .pl(),
            on="claim_id",
        )
        .join(con.table("claim_sources").select("claim_id", "source_id", "root_id").pl(), on="claim_id")
        # the country of the claim's article (article_places): a merge joins bodies of two countries
        .join(
            con.sql("SELECT c.claim_id, p.country FROM claims c LEFT JOIN article_places p USING (article_id)").pl(),
            on="claim_id",
            how="left",
        )
        # the evidence guards that held an agreement back on the claim (relays, disputed)
        .join(
            con.sql(
                "SELECT claim_id, list(DISTINCT relation ORDER BY relation) AS guards FROM claim_evidence "
                "WHERE relation IN ('relays', 'disputed') GROUP BY claim_id"
            ).pl(),
            on="claim_id",
            how="left",
        )
        # the deciding evidence first, else the earliest (a claim that nothing decided shows the first figure
        # that bore on it, whatever order the evidence rows are stored in)
        .sort(
            "claim_id",
            "decisive",
            "evidence_published_at",
            "evidence_claim_id",
            descending=[False, True, False, False],
            nulls_last=True,
        )
        .unique("claim_id", keep="first", maintain_order=True)
    )


def sources_from_db(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """``source_id, name, kind, root_id, descendant_id``: every source the scores list, with each source under
    it (itself included)."""
    listed = con.sql("SELECT DISTINCT source_id FROM current_scores WHERE claims > 0").pl()
    return (
        con.table("sources")
        .pl()
        .join(listed, on="source_id", how="semi")
        .select("source_id", "name", "kind", "root_id")
        .join(
            con.table("source_tree")
            .pl()
            .select(pl.col("ancestor_id").alias("source_id"), pl.col("source_id").alias("descendant_id")),
            on="source_id",
        )
    )

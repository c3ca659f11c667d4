"""Copy pairs found by a run against the labelled ones (``benchmarks/realnews_copies.csv``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from corroborate.evaluate.extraction import share


@dataclass(slots=True)
class CopyScore:
    """Copy pairs found against the labelled ones, within the storylines the labels cover."""

    storylines: list[str]
    labelled: int
    found_strong: int  # pairs that join a copy group
    found_weak: int
    right_strong: int
    right_weak: int
    recalled: int

    def line(self) -> str:
        found, right = self.found_strong + self.found_weak, self.right_strong + self.right_weak
        return (
            f"copy pairs ({', '.join(self.storylines)}): precision {share(right, found):.3f}"
            f" ({right}/{found}; strong {self.right_strong}/{self.found_strong},"
            f" weak {self.right_weak}/{self.found_weak}), recall {share(self.recalled, self.labelled):.3f}"
            f" ({self.recalled}/{self.labelled})"
        )


def _ratio(right: int, said: int) -> str:
    """``right/said (share)``, or ``-`` when nothing was said."""
    return f"{right}/{said} ({share(right, said):.2f})" if said else "-"


def read_copy_pairs(path: Path) -> pl.DataFrame:
    """``storyline, article_id, other_id``: labelled copy pairs (CSV with ``#`` comment lines), unordered."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return pl.read_csv("\n".join(lines).encode(), schema_overrides={c: pl.String for c in ("storyline",)})


def score_copies(con: duckdb.DuckDBPyConnection, labelled: pl.DataFrame, group_containment: float) -> CopyScore:
    """``article_copies`` of a run against ``labelled`` pairs (:func:`read_copy_pairs`)."""
    external = con.table("articles").select("article_id", "external_id").pl()
    found = (
        con.table("article_copies")
        .pl()
        .join(external, on="article_id")
        .join(external.rename({"article_id": "copy_of_article_id", "external_id": "other"}), on="copy_of_article_id")
        .select(
            pl.min_horizontal("external_id", "other").alias("a"),
            pl.max_horizontal("external_id", "other").alias("b"),
            ((pl.col("similarity") >= group_containment) | (pl.col("method") == "translation")).alias("strong"),
        )
        .unique(["a", "b"])
    )
    gold = labelled.select(
        "storyline",
        pl.min_horizontal("article_id", "other_id").alias("a"),
        pl.max_horizontal("article_id", "other_id").alias("b"),
    ).unique(["a", "b"])
    stories = sorted(set(gold["storyline"].to_list()))
    # a pair counts when both its articles belong to a labelled storyline (ids start with the storyline)
    in_scope = found.filter(
        pl.any_horizontal(pl.col("a").str.starts_with(f"{s}_") & pl.col("b").str.starts_with(f"{s}_") for s in stories)
    )
    right = in_scope.join(gold, on=["a", "b"], how="semi")
    return CopyScore(
        storylines=stories,
        labelled=gold.height,
        found_strong=in_scope.filter("strong").height,
        found_weak=in_scope.filter(~pl.col("strong")).height,
        right_strong=right.filter("strong").height,
        right_weak=right.filter(~pl.col("strong")).height,
        recalled=gold.join(found, on=["a", "b"], how="semi").height,
    )

"""Score recovery: does the pipeline find out who is reliable in a newsroom whose truth is known?

Generates a synthetic newsroom (``benchmarks/newsroom.py``), writes it, and runs the real pipeline on it
in a child process::

    cli.py run OUT/articles.jsonl --db DB --aliases OUT/truth/aliases.csv --subjects OUT/truth/subjects.csv \\
        --method iterative --quiet

(the newsroom's alias file and subject lexicon are what a desk covering that beat would configure). Then it
prints, all measured in that one run:

* Spearman correlation between the recovered scores and the true reliabilities, for officials with at
  least 30 true claims (the target of issue 8 is >= 0.8) and at least 10, and for outlets, with the
  ``simple`` and ``iterative`` methods, next to the ceiling: the same Beta-Binomial score computed straight
  from the truth's outcomes. A source's reliability is about the figures it gives itself, so each source is
  scored on the claims credited to it (an outlet: the figures it publishes as its own); the scores as
  published in ``source_scores``, where an organisation also answers for everyone under it and an outlet
  for every figure it prints, are shown for reference.
* Diagnostics that explain the gap: extraction recall and precision against ``truth/claims.jsonl`` (a
  match is the same article, overlapping character spans and the same value), attribution accuracy on
  matched claims (credited source against the truth's, both through the alias file's canonical names),
  the confusion matrix of outcomes on matched claims, and how many true quantities our linking split or
  merged.

Usage::

    .venv/bin/python benchmarks/score_recovery.py [--articles 3000] [--seed 0] [--out DIR] [--keep-db]

``--keep-db`` reuses the database of an earlier run in ``OUT``: extraction is cached per article, so only
the link and score stages run again (useful when changing linking or scoring).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.newsroom import add_hard_arguments, generate, hardness_from  # noqa: E402
from corroborate.score import PRIOR_ALPHA, PRIOR_BETA, iterative_weights  # noqa: E402

MIN_CLAIMS = (30, 10)
TARGET = 0.8
OUTCOMES = ("corroborated", "revised", "unresolved")


def spearman(x: np.ndarray, y: np.ndarray) -> float:
    """Spearman's rank correlation (average ranks for ties); NaN below 3 pairs."""
    from scipy.stats import spearmanr

    if len(x) < 3:
        return float("nan")
    return float(spearmanr(x, y).statistic)


def run_pipeline(out: Path, db: Path) -> float:
    """Run ``cli.py run`` on the written newsroom in a child process; returns its wall seconds."""
    truth = out / "truth"
    cmd = [
        sys.executable,
        "cli.py",
        "run",
        str(out / "articles.jsonl"),
        "--db",
        str(db),
        "--aliases",
        str(truth / "aliases.csv"),
        "--subjects",
        str(truth / "subjects.csv"),
        "--method",
        "iterative",
        "--quiet",
    ]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        print(proc.stdout, proc.stderr, file=sys.stderr)
        raise SystemExit(f"cli.py run failed with exit code {proc.returncode}")
    return time.perf_counter() - start


def _key(col: str) -> pl.Expr:
    """A name compared as the alias file's canonical names are written, ignoring case and spacing."""
    return pl.col(col).str.to_lowercase().str.replace_all(r"\s+", " ").str.strip_chars()


def load_ours(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Every stored claim with its credited source, outcome, soft iterative weights and quantity."""
    claims = con.sql(
        """
        SELECT c.claim_id, c.external_id AS article_id, c.char_start, c.char_end, c.text, c.value,
               c.value_low, c.value_high, c.qualifier, c.subject, c.attributed, c.quantity_id,
               s.name AS source, s.kind AS source_kind, r.name AS root, cs.source_id,
               o.outcome, o.reason
        FROM claims c
        JOIN claim_sources cs USING (claim_id)
        JOIN sources s ON s.source_id = cs.source_id
        LEFT JOIN sources r ON r.source_id = cs.root_id
        JOIN claim_outcomes o USING (claim_id)
        """
    ).pl()
    weights, _ = iterative_weights(con)
    return claims.join(weights, on="claim_id", how="left")


def match_claims(truth: pl.DataFrame, ours: pl.DataFrame) -> pl.DataFrame:
    """One-to-one matches: same article, overlapping spans, same value (largest overlap first)."""

    def side(frame: pl.DataFrame, prefix: str) -> pl.DataFrame:
        names = {"claim_id": "id", "char_start": "start", "char_end": "end", "value": "value"}
        names |= {"value_low": "low", "value_high": "high"}
        return frame.select("article_id", *(pl.col(c).alias(f"{prefix}_{n}") for c, n in names.items()))

    pairs = side(truth, "t").join(side(ours, "o"), on="article_id")
    overlap = pl.min_horizontal("t_end", "o_end") - pl.max_horizontal("t_start", "o_start")
    same_value = ((pl.col("o_value") - pl.col("t_value")).abs() <= 0.005 * pl.col("t_value").abs()) | (
        (pl.col("o_low") - pl.col("t_low")).abs() <= 0.005 * pl.col("t_low").abs()
    ) & ((pl.col("o_high") - pl.col("t_high")).abs() <= 0.005 * pl.col("t_high").abs())
    return (
        pairs.with_columns(overlap.alias("overlap"))
        .filter(pl.col("overlap") > 0, same_value)
        .sort("overlap", descending=True)
        .unique("t_id", keep="first", maintain_order=True)
        .unique("o_id", keep="first", maintain_order=True)
        .select("t_id", "o_id")
    )


def beta_mean(k: pl.Expr, r: pl.Expr) -> pl.Expr:
    return (PRIOR_ALPHA + k) / (PRIOR_ALPHA + PRIOR_BETA + k + r)


def recovery_table(
    truth: pl.DataFrame,
    outcomes: pl.DataFrame,
    ours: pl.DataFrame,
    published: pl.DataFrame,
    reliab: pl.DataFrame,
) -> list[dict[str, Any]]:
    """Spearman rows: kind x minimum claims x (ceiling, simple, iterative, published simple/iterative)."""
    true_counts = truth.group_by(_key("source").alias("key")).agg(pl.len().alias("true_claims"))
    ceiling = (
        truth.join(outcomes, on="claim_id")
        .group_by(_key("source").alias("key"))
        .agg(
            beta_mean(
                (pl.col("outcome") == "corroborated").sum().cast(pl.Float64),
                (pl.col("outcome") == "revised").sum().cast(pl.Float64),
            ).alias("ceiling")
        )
    )
    own = ours.group_by(_key("source").alias("key")).agg(
        beta_mean(
            (pl.col("outcome") == "corroborated").sum().cast(pl.Float64),
            (pl.col("outcome") == "revised").sum().cast(pl.Float64),
        ).alias("simple"),
        beta_mean(pl.col("corroborated_weight").sum(), pl.col("revised_weight").sum()).alias("iterative"),
        pl.len().alias("our_claims"),
    )
    pub = published.pivot(on="method", index="key", values="score").rename(
        {"simple": "published_simple", "iterative": "published_iterative"}, strict=False
    )
    table = (
        reliab.with_columns(_key("source").alias("key"))
        .join(true_counts, on="key", how="left")
        .join(ceiling, on="key", how="left")
        .join(own, on="key", how="left")
        .join(pub, on="key", how="left")
        .with_columns(pl.col("true_claims").fill_null(0))
    )
    rows: list[dict[str, Any]] = []
    for kind in ("official", "outlet"):
        for floor in MIN_CLAIMS:
            sel = table.filter(pl.col("kind") == kind, pl.col("true_claims") >= floor)
            row: dict[str, object] = {"kind": kind, "min_claims": floor, "sources": sel.height}
            for col in ("ceiling", "simple", "iterative", "published_simple", "published_iterative"):
                have = sel.drop_nulls(col)
                row[col] = spearman(have["p"].to_numpy(), have[col].to_numpy())
                if have.height < sel.height:
                    row[f"{col}_missing"] = sel.height - have.height
            rows.append(row)
    return rows


def quantity_split_merge(truth: pl.DataFrame, ours: pl.DataFrame, matches: pl.DataFrame) -> dict[str, object]:
    """How our quantities cut the true ones, over matched claims."""
    m = matches.join(
        truth.select(pl.col("claim_id").alias("t_id"), pl.col("quantity_id").alias("t_q")), on="t_id"
    ).join(ours.select(pl.col("claim_id").alias("o_id"), pl.col("quantity_id").alias("o_q")), on="o_id")
    per_true = m.group_by("t_q").agg(pl.col("o_q").n_unique().alias("parts"), pl.len().alias("n"))
    per_ours = m.group_by("o_q").agg(pl.col("t_q").n_unique().alias("truths"), pl.len().alias("n"))
    # the share of matched claim pairs on one true quantity that we also put together (pairwise recall),
    # and of pairs we put together that truly share a quantity (pairwise precision)
    same_t = m.group_by("t_q", "o_q").len().select((pl.col("len") * (pl.col("len") - 1) / 2).sum()).item()
    pairs_t = per_true.select((pl.col("n") * (pl.col("n") - 1) / 2).sum()).item()
    pairs_o = per_ours.select((pl.col("n") * (pl.col("n") - 1) / 2).sum()).item()
    lone = m.join(per_ours.filter(pl.col("n") == 1), on="o_q").height
    return {
        "true_quantities": per_true.height,
        "split": int((per_true["parts"] > 1).sum()),
        "parts_per_true_quantity": round(float(per_true.select(pl.col("parts").mean()).item() or 0), 2),
        "our_quantities": per_ours.height,
        "merged": int((per_ours["truths"] > 1).sum()),
        "pair_recall": round(same_t / pairs_t, 3) if pairs_t else None,
        "pair_precision": round(same_t / pairs_o, 3) if pairs_o else None,
        "matched_claims_alone_in_their_quantity": lone,
    }


def category_report(
    truth: pl.DataFrame, outcomes: pl.DataFrame, matches: pl.DataFrame, m: pl.DataFrame, examples: int
) -> None:
    """Per hard category (a truth claim's ``tags``): extraction recall, then verdict agreement on matched
    claims with the confusion (truth -> ours) and a few claim ids of the commonest error."""
    tagged = (
        truth.select("claim_id", pl.col("tags").str.split(",").alias("tag")).explode("tag").filter(pl.col("tag") != "")
    )
    found = set(matches["t_id"].to_list())
    print("\nhard categories: extraction recall, then verdicts on matched claims (truth -> ours)")
    print(f"{'category':<16}{'claims':>7}{'recall':>8}{'matched':>8}{'agree':>7}  errors")
    for tag in sorted(set(tagged["tag"].to_list())):
        ids = tagged.filter(pl.col("tag") == tag)["claim_id"]
        n = ids.len()
        rec = sum(1 for i in ids.to_list() if i in found) / n
        sub = m.filter(pl.col("t_id").is_in(ids.to_list()))
        agree = sub.select((pl.col("t_outcome") == pl.col("outcome")).mean()).item() if sub.height else float("nan")
        wrong = (
            sub.filter(pl.col("t_outcome") != pl.col("outcome"))
            .group_by("t_outcome", "outcome")
            .agg(pl.len(), pl.col("t_id").sort().head(examples).alias("ids"))
            .sort("len", descending=True)
        )
        errs = ", ".join(f"{r['t_outcome'][:5]}->{r['outcome'][:5]} {r['len']}" for r in wrong.iter_rows(named=True))
        print(f"{tag:<16}{n:>7}{rec:>8.3f}{sub.height:>8}{agree:>7.3f}  {errs}")
        if wrong.height:
            top = wrong.row(0, named=True)
            print(f"{'':<16}e.g. {top['t_outcome']} -> {top['outcome']}: {', '.join(top['ids'])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=None, help="corpus and database folder (default under /tmp)")
    parser.add_argument("--keep-db", action="store_true", help="reuse OUT's database: only relink and rescore")
    parser.add_argument("--examples", type=int, default=5, help="typical errors to print per kind")
    add_hard_arguments(parser)
    args = parser.parse_args(argv)
    hard = hardness_from(args)
    out = args.out or Path(f"/tmp/score-recovery-{args.articles}-{args.seed}{'-hard' if hard else ''}")
    db = out / "corroborate.duckdb"

    start = time.perf_counter()
    room = generate(args.articles, seed=args.seed, hard=hard)
    if not args.keep_db:
        shutil.rmtree(out, ignore_errors=True)
    room.write(out)
    print(f"newsroom: {json.dumps({k: round(v, 3) for k, v in room.stats().items()})}")
    print(f"generated in {time.perf_counter() - start:.1f} s into {out}")
    wall = run_pipeline(out, db)
    print(f"pipeline (cli.py run, iterative): {wall:.1f} s")

    truth = pl.read_ndjson(out / "truth" / "claims.jsonl", infer_schema_length=None)
    outcomes = pl.read_ndjson(out / "truth" / "outcomes.jsonl").select("claim_id", "outcome")
    reliab = pl.read_csv(out / "truth" / "reliabilities.csv")
    with contextlib.closing(duckdb.connect(str(db), read_only=True)) as con:
        ours = load_ours(con)
        published = con.sql(
            "SELECT lower(regexp_replace(trim(source), '\\s+', ' ', 'g')) AS key, method, score FROM current_scores"
        ).pl()

    # --- scores ---
    rows = recovery_table(truth, outcomes, ours, published, reliab)
    print("\nSpearman(recovered score, true reliability); each source scored on the claims credited to it")
    columns = ("ceiling", "simple", "iterative", "pub.simple", "pub.iter")
    header = f"{'kind':<9}{'claims>=':>9}{'n':>4}" + "".join(f"{c:>11}" for c in columns)
    print(header)
    for r in rows:
        print(
            f"{r['kind']:<9}{r['min_claims']:>9}{r['sources']:>4}"
            + "".join(
                f"{r[c]:>11.3f}" for c in ("ceiling", "simple", "iterative", "published_simple", "published_iterative")
            )
        )
    main_row = rows[0]
    best = max(("simple", "iterative"), key=lambda m: main_row[m])
    print(
        f"target officials >= {MIN_CLAIMS[0]} claims: Spearman >= {TARGET}: simple {main_row['simple']:.3f}, "
        f"iterative {main_row['iterative']:.3f} -> best {best}, "
        f"{'met' if float(main_row[best]) >= TARGET else 'not met'}"
    )

    # --- extraction ---
    matches = match_claims(truth, ours)
    recall = matches.height / truth.height
    precision = matches.height / ours.height if ours.height else 0.0
    print(
        f"\nextraction: truth {truth.height} claims, ours {ours.height}, matched {matches.height}: "
        f"recall {recall:.3f}, precision {precision:.3f}"
    )
    missed = truth.join(matches, left_on="claim_id", right_on="t_id", how="anti")
    spurious = ours.join(matches, left_on="claim_id", right_on="o_id", how="anti")
    for name, frame, cols in (
        ("missed (truth)", missed, ["article_id", "text", "qualifier", "source"]),
        ("spurious (ours)", spurious, ["article_id", "text", "qualifier", "source"]),
    ):
        if frame.height:
            sample = frame.sample(min(args.examples, frame.height), seed=0).select(cols)
            print(f"  {name}, e.g.:")
            for rec in sample.iter_rows(named=True):
                print(f"    {rec['article_id']}: {rec['text']!r} [{rec['qualifier']}] credited {rec['source']!r}")

    # --- attribution ---
    m = (
        matches.join(
            truth.select(
                pl.col("claim_id").alias("t_id"),
                pl.col("source").alias("t_source"),
                pl.col("source_root").alias("t_root"),
                pl.col("attributed").alias("t_attr"),
                pl.col("quantity_id").alias("t_q"),
            ),
            on="t_id",
        )
        .join(
            ours.select(
                pl.col("claim_id").alias("o_id"),
                pl.col("source").alias("o_source"),
                pl.col("root").alias("o_root"),
                pl.col("attributed").alias("o_attr"),
                "outcome",
                "corroborated_weight",
                "revised_weight",
            ),
            on="o_id",
        )
        .join(outcomes.rename({"claim_id": "t_id", "outcome": "t_outcome"}), on="t_id")
    )
    same = _key("t_source") == _key("o_source")
    same_root = _key("t_root") == _key("o_root")
    attr = m.select(
        same.mean().alias("source"),
        same_root.mean().alias("root"),
        (pl.col("t_attr") & ~pl.col("o_attr")).mean().alias("attributed_credited_to_outlet"),
        (~pl.col("t_attr") & pl.col("o_attr")).mean().alias("outlet_own_credited_to_speaker"),
    ).row(0, named=True)
    print(
        f"\nattribution on matched claims: source right {attr['source']:.3f}, root right {attr['root']:.3f}; "
        f"attributed figure credited to the outlet {attr['attributed_credited_to_outlet']:.3f}, "
        f"outlet's own figure credited to a speaker {attr['outlet_own_credited_to_speaker']:.3f}"
    )
    wrong = m.filter(~same).group_by("t_source", "o_source").len().sort("len", descending=True)
    for rec in wrong.head(args.examples).iter_rows(named=True):
        print(f"    truth {rec['t_source']!r} -> ours {rec['o_source']!r}: {rec['len']}")

    # --- outcomes ---
    print("\noutcomes on matched claims (rows: truth, columns: ours)")
    print(f"{'':<14}" + "".join(f"{o:>14}" for o in OUTCOMES))
    for t in OUTCOMES:
        sub = m.filter(pl.col("t_outcome") == t)
        print(f"{t:<14}" + "".join(f"{sub.filter(pl.col('outcome') == o).height:>14}" for o in OUTCOMES))
    agree = m.select((pl.col("t_outcome") == pl.col("outcome")).mean()).item()
    print(f"agreement {agree:.3f}; per verdict, on matched claims:")
    for o in OUTCOMES:
        said = m.filter(pl.col("outcome") == o).height
        true = m.filter(pl.col("t_outcome") == o).height
        hit = m.filter((pl.col("outcome") == o) & (pl.col("t_outcome") == o)).height
        p_txt = f"{hit / said:.3f}" if said else "-"
        r_txt = f"{hit / true:.3f}" if true else "-"
        print(f"    {o:<13} precision {p_txt} ({hit}/{said}), recall {r_txt} ({hit}/{true})")
    print("iterative soft weights by true outcome (mean corroborated / revised):")
    for t in OUTCOMES:
        sub = m.filter(pl.col("t_outcome") == t)
        if sub.height:
            weights = sub.select(pl.col("corroborated_weight", "revised_weight").mean()).row(0)
            print(f"    {t:<13} {weights[0]:.3f} / {weights[1]:.3f}")
    reasons = (
        m.join(ours.select(pl.col("claim_id").alias("o_id"), "reason"), on="o_id")
        .filter(pl.col("t_outcome") != pl.col("outcome"))
        .group_by("t_outcome", "outcome", "reason")
        .len()
        .sort("len", descending=True)
    )
    print("  disagreements by our reason:")
    for rec in reasons.head(2 * args.examples).iter_rows(named=True):
        print(f"    truth {rec['t_outcome']:<12} ours {rec['outcome']:<12} {rec['len']:>5}  {rec['reason']}")

    # --- hard categories ---
    if "tags" in truth.columns and truth["tags"].str.len_chars().max():
        category_report(truth, outcomes, matches, m, args.examples)

    # --- quantities ---
    q = quantity_split_merge(truth, ours, matches)
    print(f"\nquantities (matched claims): {json.dumps(q)}")
    print(f"\ntotal {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

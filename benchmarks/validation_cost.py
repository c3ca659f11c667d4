"""What validation costs a nightly run: seconds per 1,000 articles and per 10,000 claims.

Builds N synthetic articles and M synthetic claims (real spans of the articles' text, ~1% of the
claims corrupted so the reject path runs), stores the articles in a temporary DuckDB file and times,
in one process:

* importing GX and building the context (paid once per run),
* ``validate_articles`` (GX on the run's articles, rejects moved out),
* ``validate_claims`` (join with the article texts, GX, rejects and results written),
* ``validate_outputs`` on synthetic claim outcomes and source scores.

Usage: ``.venv/bin/python benchmarks/validation_cost.py [--articles 1000] [--claims 15000] [--repeat 3]``.
``--reference SECONDS`` (a full run's time on the same input) adds the ratio to the output.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corroborate import db, vocab  # noqa: E402
from corroborate import validate as v  # noqa: E402

_SAMPLE = (
    "le ministère a annoncé que les forces ont avancé près de la ville selon un responsable "
    "the ministry said troops advanced near the town according to an official report"
)
WORDS = _SAMPLE.split()


def synthetic_articles(n: int, run_id: str, rng: random.Random) -> pl.DataFrame:
    texts = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(300, 700))) for _ in range(n)]
    return pl.DataFrame(
        {
            "article_id": [f"a{i:06d}" for i in range(n)],
            "external_id": [f"ext{i}" for i in range(n)],
            "outlet": [rng.choice(["lemonde", "reuters", "bbc", vocab.UNKNOWN_OUTLET]) for _ in range(n)],
            "url": [None] * n,
            "title": [f"title {i}" for i in range(n)],
            "published_at": [f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" for _ in range(n)],
            "published_precision": ["day"] * n,
            "language": [rng.choice(vocab.LANGUAGES) for _ in range(n)],
            "text": texts,
            "source_path": [None] * n,
            "run_id": [run_id] * n,
        },
        schema_overrides={"url": pl.String, "source_path": pl.String},
    ).with_columns(pl.col("published_at").str.to_date())


def synthetic_claims(articles: pl.DataFrame, n: int, run_id: str, rng: random.Random) -> pl.DataFrame:
    ids = articles.get_column("article_id").to_list()
    texts = dict(zip(ids, articles.get_column("text").to_list(), strict=True))
    rows = []
    for i in range(n):
        aid = rng.choice(ids)
        text = texts[aid]
        start = rng.randint(0, len(text) - 30)
        end = start + rng.randint(5, 25)
        value = float(rng.randint(1, 5_000))
        unit = rng.choice(vocab.UNITS)
        rows.append(
            {
                "claim_id": f"c{i:07d}",
                "article_id": aid,
                "external_id": None,
                "source": rng.choice(["Sabrina Singh", "the Pentagon", "ISW"]),
                "source_org": None,
                "attributed": True,
                "value": value,
                "value_low": value * 0.9,
                "value_high": value * 1.1,
                "qualifier": rng.choice(vocab.QUALIFIERS),
                "unit": unit,
                "unit_raw": unit,
                "subject": "soldiers",
                "scope": None,
                "period_start": None,
                "period_end": None,
                "text": text[start:end],
                "char_start": start,
                "char_end": end,
                "confidence": rng.random(),
                "quantity_id": None,
                "extractor_version": "bench",
                "run_id": run_id,
            }
        )
    frame = pl.DataFrame(
        rows,
        schema_overrides={
            "external_id": pl.String,
            "source_org": pl.String,
            "scope": pl.String,
            "period_start": pl.Date,
            "period_end": pl.Date,
            "quantity_id": pl.String,
            "char_start": pl.Int32,
            "char_end": pl.Int32,
        },
    )
    # ~1% corrupt: absurd magnitudes, wrong spans, confidences above 1.
    bad = pl.int_range(pl.len()) % 100 == 0
    return frame.with_columns(
        pl.when(bad & (pl.int_range(pl.len()) % 300 == 0)).then(1e20).otherwise(pl.col("value")).alias("value"),
        pl.when(bad & (pl.int_range(pl.len()) % 300 == 0))
        .then(1e20)
        .otherwise(pl.col("value_high"))
        .alias("value_high"),
        pl.when(bad & (pl.int_range(pl.len()) % 300 == 100)).then(pl.lit("xx")).otherwise(pl.col("text")).alias("text"),
        pl.when(bad & (pl.int_range(pl.len()) % 300 == 200))
        .then(1.5)
        .otherwise(pl.col("confidence"))
        .alias("confidence"),
    )


def synthetic_outputs(claims: pl.DataFrame, run_id: str, rng: random.Random) -> tuple[pl.DataFrame, pl.DataFrame]:
    outcomes = claims.select(
        "claim_id",
        pl.Series("outcome", [rng.choice(vocab.CLAIM_OUTCOMES) for _ in range(claims.height)]),
    )
    n = max(claims.height // 20, 1)
    corroborated = [rng.randint(0, 30) for _ in range(n)]
    revised = [rng.randint(0, 10) for _ in range(n)]
    unresolved = [rng.randint(0, 10) for _ in range(n)]
    scores = pl.DataFrame(
        {
            "run_id": [run_id] * n,
            "method": ["simple"] * n,
            "kind": [rng.choice(vocab.SOURCE_KINDS) for _ in range(n)],
            "source_id": [f"s{i}" for i in range(n)],
            "source": [f"source {i}" for i in range(n)],
            "parent_id": [None] * n,
            "claims": [a + b + c for a, b, c in zip(corroborated, revised, unresolved, strict=True)],
            "corroborated": corroborated,
            "revised": revised,
            "unresolved": unresolved,
            "score": [0.5] * n,
            "ci_low": [0.2] * n,
            "ci_high": [0.8] * n,
            "prior_alpha": [1.0] * n,
            "prior_beta": [1.0] * n,
        },
        schema_overrides={"parent_id": pl.String},
    )
    return outcomes, scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=15000)
    parser.add_argument("--repeat", type=int, default=3, help="timed repetitions; the best is reported")
    parser.add_argument("--reference", type=float, default=None, help="a full run's seconds, for the ratio")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    t0 = time.perf_counter()
    v._get_gx()
    gx_setup = time.perf_counter() - t0

    best = {"articles": float("inf"), "claims": float("inf"), "outputs": float("inf")}
    rejected = {"articles": 0, "claims": 0}
    with tempfile.TemporaryDirectory() as tmp:
        for rep in range(args.repeat):
            run_id = f"bench{rep}"
            con = db.connect(Path(tmp) / f"bench{rep}.duckdb")
            articles = synthetic_articles(args.articles, run_id, rng)
            con.register("__bench_articles", articles)
            con.sql("INSERT INTO articles BY NAME SELECT * FROM __bench_articles")
            con.unregister("__bench_articles")
            claims = synthetic_claims(articles, args.claims, run_id, rng)
            outcomes, scores = synthetic_outputs(claims, run_id, rng)

            t = time.perf_counter()
            rejected["articles"] = v.validate_articles(con, run_id)
            best["articles"] = min(best["articles"], time.perf_counter() - t)

            t = time.perf_counter()
            valid = v.validate_claims(con, claims, run_id)
            best["claims"] = min(best["claims"], time.perf_counter() - t)
            rejected["claims"] = claims.height - valid.height

            con.register("__bench_outcomes", outcomes)
            con.register("__bench_scores", scores)
            con.sql("CREATE TABLE claim_outcomes AS SELECT * FROM __bench_outcomes")
            con.sql("INSERT INTO source_scores BY NAME SELECT * FROM __bench_scores")
            t = time.perf_counter()
            v.validate_outputs(con, run_id)
            best["outputs"] = min(best["outputs"], time.perf_counter() - t)
            con.close()

    total = gx_setup + best["articles"] + best["claims"] + best["outputs"]
    print(f"articles={args.articles} claims={args.claims} (best of {args.repeat})")
    print(f"gx import + context (once per run): {gx_setup:7.3f} s")
    print(
        f"validate_articles:                  {best['articles']:7.3f} s"
        f"  = {best['articles'] * 1000 / args.articles:.3f} s per 1k articles ({rejected['articles']} rejected)"
    )
    print(
        f"validate_claims:                    {best['claims']:7.3f} s"
        f"  = {best['claims'] * 10000 / args.claims:.3f} s per 10k claims ({rejected['claims']} rejected)"
    )
    print(
        f"validate_outputs:                   {best['outputs']:7.3f} s"
        f"  ({args.claims} outcomes, {scores.height} scores)"
    )
    print(f"total validation for this run:      {total:7.3f} s")
    if args.reference:
        print(f"ratio to the reference run ({args.reference:.1f} s): {total / args.reference:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

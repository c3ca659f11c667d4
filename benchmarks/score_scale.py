"""How the link and score stages scale: synthetic claims with known source reliabilities.

    .venv/bin/python benchmarks/score_scale.py                  # 100k and 1M claims
    .venv/bin/python benchmarks/score_scale.py --sizes 20000    # a quick look

For each size it builds a fresh DuckDB file (articles, claims, a completed run), runs
``corroborate.link.link`` and ``corroborate.score.score_sources`` (simple, then iterative), and prints the
seconds of every stage, the growth ratio between sizes, and how well each method recovers the sources'
true reliabilities (Spearman rank correlation over officials with at least 10 decided claims).

The synthetic world: ``n/20`` articles of ~60 words from 200 outlets (5 % of them rewrites of another
article); 2,000 officials under 200 organisations under 40 governments (an alias file written beside the
database); quantities of Zipf-distributed sizes (a few hundred to a thousand claims for the largest, most
with a handful), 30 % of them over a month; every official has a true reliability in [0.3, 0.95] and
states the true value (within 1 %) with that probability, a wrong one otherwise; 20 % of figures are the
outlet's own; qualifiers exact/approx/at_least/at_most/projection in proportions 70/20/4/4/2.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corroborate import db  # noqa: E402
from corroborate.link import link  # noqa: E402
from corroborate.score import score_sources  # noqa: E402

CLAIMS_PER_ARTICLE = 20
N_OUTLETS = 200
N_OFFICIALS = 2_000
N_ORGS = 200
N_ROOTS = 40
MAX_QUANTITY = 1_000
RUN_ID = "bench"


def quantity_sizes(n: int, rng: np.random.Generator) -> np.ndarray:
    """Sizes of quantities summing to ``n``: Zipf(2.2), capped at ``MAX_QUANTITY``."""
    sizes = np.minimum(rng.zipf(2.2, size=n), MAX_QUANTITY)
    cut = int(np.searchsorted(np.cumsum(sizes), n)) + 1
    sizes = sizes[:cut]
    sizes[-1] -= int(sizes.sum()) - n
    return sizes[sizes > 0]


def build(path: Path, n: int, seed: int = 7) -> tuple[pl.DataFrame, Path]:
    """Write the synthetic world for ``n`` claims; returns the true reliabilities and the alias file."""
    rng = np.random.default_rng(seed)
    con = db.connect(path)
    vocab_words = np.array([f"mot{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676)}" for i in range(5000)])

    # who is who: officials -> organisations -> governments, in an alias file
    alias_file = path.with_suffix(".aliases.csv")
    org_root = rng.integers(0, N_ROOTS, N_ORGS)
    official_org = rng.integers(0, N_ORGS, N_OFFICIALS)
    rows = ["alias,canonical,kind,parent"]
    rows += [f"Gouvernement {r},Gouvernement {r},official," for r in range(N_ROOTS)]
    rows += [f"Organisation {o},Organisation {o},official,Gouvernement {org_root[o]}" for o in range(N_ORGS)]
    rows += [f"Officiel {i},Officiel {i},official,Organisation {official_org[i]}" for i in range(N_OFFICIALS)]
    alias_file.write_text("\n".join(rows) + "\n", encoding="utf-8")
    reliability = rng.uniform(0.3, 0.95, N_OFFICIALS)
    outlet_reliability = rng.uniform(0.5, 0.95, N_OUTLETS)

    # articles
    n_articles = max(n // CLAIMS_PER_ARTICLE, 2)
    start = date(2024, 1, 1)
    published = [start + timedelta(days=int(d)) for d in rng.integers(0, 365, n_articles)]
    words = rng.integers(0, len(vocab_words), (n_articles, 60))
    copies = rng.random(n_articles) < 0.05
    sources_of_copies = rng.integers(0, n_articles, n_articles)
    words[copies, :45] = words[sources_of_copies[copies], :45]
    texts = [" ".join(vocab_words[w]) for w in words]
    article_outlet = rng.integers(0, N_OUTLETS, n_articles)
    articles = pl.DataFrame(
        {
            "article_id": [f"a{i:08d}" for i in range(n_articles)],
            "external_id": [f"a{i:08d}" for i in range(n_articles)],
            "outlet": [f"Journal {o}" for o in article_outlet],
            "url": None,
            "title": None,
            "published_at": published,
            "published_precision": "day",
            "language": "fr",
            "text": texts,
            "source_path": None,
            "run_id": RUN_ID,
        },
        schema_overrides={"url": pl.String, "title": pl.String, "source_path": pl.String},
    )
    con.from_arrow(articles.to_arrow()).insert_into("articles")

    # claims
    sizes = quantity_sizes(n, rng)
    quantity = np.repeat(np.arange(len(sizes)), sizes)
    truth = rng.uniform(100, 100_000, len(sizes)).round()
    has_period = rng.random(len(sizes)) < 0.3
    month = rng.integers(1, 13, len(sizes))
    article = rng.integers(0, n_articles, n)
    attributed = rng.random(n) < 0.8
    official = rng.integers(0, N_OFFICIALS, n)
    p_right = np.where(attributed, reliability[official], outlet_reliability[article_outlet[article]])
    right = rng.random(n) < p_right
    wrong_factor = np.where(rng.random(n) < 0.5, rng.uniform(0.3, 0.7, n), rng.uniform(1.5, 3.0, n))
    value = np.where(right, truth[quantity] * rng.uniform(0.995, 1.005, n), truth[quantity] * wrong_factor).round()
    qualifier = rng.choice(["exact", "approx", "at_least", "at_most", "projection"], n, p=[0.7, 0.2, 0.04, 0.04, 0.02])
    low = np.select([qualifier == "approx", qualifier == "at_least"], [value * 0.9, value], value * 0.5)
    low = np.where(qualifier == "exact", value, low)
    high = np.select([qualifier == "approx", qualifier == "at_most"], [value * 1.1, value], value * 1.5)
    high = np.where(qualifier == "exact", value, high)
    period_start = [
        date(2024, int(m), 1) if p else None for m, p in zip(month[quantity], has_period[quantity], strict=True)
    ]
    period_end = [
        (date(2024, int(m) % 12 + 1, 1) - timedelta(days=1)) if p and m < 12 else (date(2024, 12, 31) if p else None)
        for m, p in zip(month[quantity], has_period[quantity], strict=True)
    ]
    outlets = np.array([f"Journal {o}" for o in range(N_OUTLETS)])
    officials = np.array([f"Officiel {i}" for i in range(N_OFFICIALS)])
    claims = pl.DataFrame(
        {
            "claim_id": [f"c{i:09d}" for i in range(n)],
            "article_id": [f"a{i:08d}" for i in article],
            "external_id": [f"a{i:08d}" for i in article],
            "source": np.where(attributed, officials[official], outlets[article_outlet[article]]),
            "source_org": None,
            "attributed": attributed,
            "value": value,
            "value_low": low,
            "value_high": high,
            "qualifier": qualifier,
            "unit": "people",
            "unit_raw": None,
            "subject": [f"indicateur {q} suivi" for q in quantity],
            "scope": None,
            "period_start": period_start,
            "period_end": period_end,
            "text": "figure",
            "char_start": 0,
            "char_end": 6,
            "confidence": 0.9,
            "quantity_id": None,
            "extractor_version": "bench",
            "run_id": RUN_ID,
        },
        schema_overrides={
            "source_org": pl.String,
            "unit_raw": pl.String,
            "scope": pl.String,
            "quantity_id": pl.String,
            "period_start": pl.Date,
            "period_end": pl.Date,
        },
    )
    # by name, as the store does: columns the claims table gains later stay null here
    # the store stage's own statement, on the view it registers (corroborate/run/stages.py store_claims)
    con.register("batch_claims", claims)
    try:
        db.run_model(con, "claims_insert_batch")
    finally:
        con.unregister("batch_claims")
    started = pl.Series([time.strftime("%Y-%m-%d %H:%M:%S")]).str.to_datetime()[0]
    con.execute(
        "INSERT INTO runs (run_id, started_at, ended_at, status) VALUES ($run, $started, $started, 'completed')",
        {"run": RUN_ID, "started": started},
    )
    con.close()
    truth_frame = pl.DataFrame({"source": officials.tolist(), "true_reliability": reliability})
    return truth_frame, alias_file


def spearman(a: pl.Series, b: pl.Series) -> float:
    """Rank correlation of two series."""
    return float(np.corrcoef(a.rank().to_numpy(), b.rank().to_numpy())[0, 1])


def measure(n: int, workdir: Path, *, iterative: bool = True) -> dict[str, float]:
    """Build, link and score ``n`` claims; returns seconds per stage and recovery of true reliabilities."""
    path = workdir / f"bench_{n}.duckdb"
    t0 = time.perf_counter()
    truth, alias_file = build(path, n)
    built = time.perf_counter() - t0
    con = db.connect(path)
    try:
        t0 = time.perf_counter()
        summary = link(con, alias_file=alias_file)
        t_link = time.perf_counter() - t0
        t0 = time.perf_counter()
        score_sources(con, RUN_ID, "simple")
        t_simple = time.perf_counter() - t0
        t0 = time.perf_counter()
        if iterative:
            score_sources(con, RUN_ID, "iterative")
        t_iter = time.perf_counter() - t0
        largest = con.table("quantities").max("claims").fetchall()[0][0]
        evidence = con.table("claim_evidence").shape[0]
        scored = con.table("source_scores").pl().join(truth, on="source")
        scored = scored.filter((pl.col("corroborated") + pl.col("revised")) >= 10)
        quality = {
            m: spearman(f["score"], f["true_reliability"])
            for m in ("simple", "iterative")
            if (f := scored.filter(pl.col("method") == m)).height > 2
        }
    finally:
        con.close()
    print(
        f"{n:>9,} claims: build {built:6.1f}s | link {t_link:6.1f}s {summary.seconds} | "
        f"score simple {t_simple:5.1f}s, iterative {t_iter:5.1f}s | total link+score {t_link + t_simple:6.1f}s"
    )
    print(
        f"{'':>9}  quantities {summary.quantities:,} (largest {largest:,} claims), evidence rows {evidence:,}, "
        f"copies {summary.article_copies:,}; outcomes {summary.corroborated:,} corroborated, {summary.revised:,} "
        f"revised, {summary.unresolved:,} unresolved"
    )
    print(
        f"{'':>9}  recovery of true reliability (Spearman, {scored.height // 2} officials with >= 10 decided): "
        + ", ".join(f"{m} {q:.3f}" for m, q in quality.items())
    )
    return {"n": n, "link": t_link, "simple": t_simple, "iterative": t_iter}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--skip-iterative", action="store_true", help="time the default (simple) method only")
    parser.add_argument("--workdir", type=Path, default=None, help="where the benchmark databases go (temp dir)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        results = [measure(n, workdir, iterative=not args.skip_iterative) for n in args.sizes]
    for small, big in zip(results, results[1:], strict=False):
        growth = big["n"] / small["n"]
        t_small = small["link"] + small["simple"]
        t_big = big["link"] + big["simple"]
        print(
            f"{small['n']:,} -> {big['n']:,} claims (x{growth:g}): link+score {t_small:.1f}s -> {t_big:.1f}s "
            f"(x{t_big / t_small:.1f}); iterative scoring x{big['iterative'] / max(small['iterative'], 1e-9):.1f}"
        )


if __name__ == "__main__":
    main()

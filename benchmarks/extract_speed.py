"""Time ``Extractor.extract`` against a bare full-pipeline ``nlp.pipe`` over the same texts.

Run: ``.venv/bin/python benchmarks/extract_speed.py [--articles 300]``. Both sides use models that are
already loaded (load time excluded), the same texts and the same batch size; the baseline parses every
article whole with every shipped component, which is what extraction would cost without the cheap
sentence pass.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corroborate.extract import Extractor  # noqa: E402
from corroborate.extract import nlp as nlp_mod  # noqa: E402

SEED_DATES = {"000": "2024-10-30", "001": "2024-10-29", "002": "2024-10-23", "003": "2024-10-28", "004": "2024-11-12"}


def corpus(n: int, kind: str = "mixed") -> pl.DataFrame:
    """Articles repeated (with distinct ids) to ``n``: ``seeds`` (whole articles, as news arrives),
    ``labels`` (the labelled passages: short, nearly every sentence carries a figure) or ``mixed``."""
    base: list[dict[str, object]] = []
    for f in sorted((ROOT / "seeds").glob("*.txt")) if kind in ("seeds", "mixed") else []:
        k = f.name[:3]
        base.append(
            {
                "language": "fr",
                "published_at": dt.date.fromisoformat(SEED_DATES.get(k, "2024-10-30")),
                "text": f.read_text(encoding="utf-8"),
            }
        )
    labels = (ROOT / "tests" / "labels" / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    for line in labels if kind in ("labels", "mixed") else []:
        if line.strip():
            rec = json.loads(line)
            if rec["id"].startswith("seed-"):
                continue
            base.append(
                {
                    "language": rec["language"],
                    "published_at": dt.date.fromisoformat(rec["published_at"]),
                    "text": rec["text"],
                }
            )
    rows = []
    for i in range(n):
        b = base[i % len(base)]
        rows.append({"article_id": f"a{i}", "external_id": f"a{i}", "outlet": "bench", **b})
    return pl.DataFrame(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--corpus", choices=["seeds", "labels", "mixed"], default="seeds")
    args = ap.parse_args()
    df = corpus(args.articles, args.corpus)
    words = sum(len(t.split()) for t in df["text"])
    langs = sorted(set(df["language"]))

    # warm up both sides: models loaded, first-call costs paid
    ex = Extractor()
    ex.extract(df.head(5))
    full = {lang: nlp_mod.get_nlp(lang, full=True) for lang in langs}
    for lang in langs:
        list(full[lang].pipe(["Échauffement. Warm-up."], batch_size=args.batch_size))

    t0 = time.perf_counter()
    claims = ex.extract(df)
    t_extract = time.perf_counter() - t0

    t0 = time.perf_counter()
    ndocs = 0
    for lang in langs:
        texts = df.filter(pl.col("language") == lang)["text"].to_list()
        for _doc in full[lang].pipe(texts, batch_size=args.batch_size):
            ndocs += 1
    t_full = time.perf_counter() - t0

    print(f"corpus: {args.corpus}  articles: {df.height}  words: {words}  claims: {claims.height}")
    print(f"Extractor.extract            : {t_extract:7.2f} s  ({words / t_extract:,.0f} words/s)")
    print(f"bare full-pipeline nlp.pipe  : {t_full:7.2f} s  ({words / t_full:,.0f} words/s, {ndocs} docs)")
    print(f"ratio (full pipe / extract)  : {t_full / t_extract:5.2f}x")


if __name__ == "__main__":
    main()

"""Full runs on real articles: the texts of ``../shared/realnews`` replicated to a size, then ``cli.py run``.

Every copy of an article ends with a closing line of its own ("Edition qbd.", letters only: no figure, no
sentence the extractor would parse), so the ingest stores it as a new article instead of a duplicate, and
extraction does the work of the original. Texts only are read (no labels). With ``--synthetic`` the same
number of synthetic newsroom articles (``benchmarks/newsroom.py``) runs too, in the same invocation, for the
ratio real / synthetic.

    .venv/bin/python benchmarks/realnews_run.py --articles 1000 [--synthetic]

Prints, per corpus: wall seconds of the whole process, seconds per stage (from the ``runs`` table), articles
per second (whole process, fixed costs included, and over the stages alone), peak RSS.
"""

from __future__ import annotations

import argparse
import json
import string
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.full_run import last_run, run_cli  # noqa: E402
from benchmarks.newsroom import generate  # noqa: E402

REALNEWS = ROOT.parent / "shared" / "realnews"


def edition(n: int) -> str:
    """A word of lowercase letters unique to ``n`` (0 → "a", 26 → "ba")."""
    letters = string.ascii_lowercase
    word = letters[n % 26]
    while n >= 26:
        n //= 26
        word = letters[n % 26] + word
    return word


def write_replicated(out: Path, n: int, folder: Path = REALNEWS) -> Path:
    """A JSONL feed of ``n`` articles cycling through the real ones, each copy made distinct; returns its path."""
    base = [json.loads(f.read_text(encoding="utf-8")) for f in sorted(folder.glob("*/articles/*.json"))]
    if not base:
        raise SystemExit(f"no articles under {folder}/*/articles/")
    out.mkdir(parents=True, exist_ok=True)
    feed = out / "articles.jsonl"
    with feed.open("w", encoding="utf-8") as fh:
        for i in range(n):
            rec = dict(base[i % len(base)])
            copy = i // len(base)
            if copy:
                rec["id"] = f"{rec['id']}-{copy}"
                rec["text"] = f"{rec['text'].rstrip()}\n\nEdition {edition(copy)}."
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return feed


def measure(feed: Path, db_path: Path, n: int) -> dict[str, object]:
    """One ``cli.py run`` of ``feed`` into a fresh ``db_path``: its figures."""
    wall, rss, code = run_cli(feed, db_path, [])
    if code != 0:
        raise SystemExit(f"run on {feed} failed with exit code {code}")
    run = last_run(db_path)
    seconds = run["stage_seconds"]
    stages = sum(seconds.values()) if isinstance(seconds, dict) else 0.0
    return {
        "articles": n,
        "wall_s": round(wall, 1),
        "articles_per_s": round(n / wall, 1),
        "articles_per_stage_s": round(n / stages, 1) if stages else None,
        "peak_rss_mib": round(rss),
        **run,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--synthetic", action="store_true", help="Also run as many synthetic articles.")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--realnews", type=Path, default=REALNEWS, help="The real-news corpus folder.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="corroborate-realnews-run-") as tmp:
        real = measure(
            write_replicated(Path(tmp) / "real", args.articles, args.realnews), Path(tmp) / "real.duckdb", args.articles
        )
        print(json.dumps({"corpus": "realnews", **real}), flush=True)
        if args.synthetic:
            feed = generate(args.articles, seed=args.seed).write(Path(tmp) / "synthetic") / "articles.jsonl"
            synthetic = measure(feed, Path(tmp) / "synthetic.duckdb", args.articles)
            print(json.dumps({"corpus": "synthetic", **synthetic}), flush=True)
            ratio = float(real["articles_per_s"]) / float(synthetic["articles_per_s"])  # type: ignore[arg-type]
            shown = f"{real['articles_per_s']} / {synthetic['articles_per_s']}"
            print(f"articles/s real / synthetic: {shown} = {ratio:.2f}x")


if __name__ == "__main__":
    main()

"""Time ``Extractor.extract`` against a bare full-pipeline ``nlp.pipe`` over the same texts.

Run: ``.venv/bin/python benchmarks/extract_speed.py [--articles 300] [--corpus realnews]``. Both sides use
models that are already loaded (load time excluded), the same texts and the same batch size; the baseline parses every
article whole with every shipped component, which is what extraction would cost without the cheap
sentence pass.

``--corpus realnews`` reads the article texts of every storyline under ``../shared/realnews`` (texts only:
no labels), so the ratio is measured on text nobody wrote for this project. The report also says how much
of the text the cheap pass sent to the parser.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corroborate.extract import Extractor  # noqa: E402
from corroborate.extract import nlp as nlp_mod  # noqa: E402
from corroborate.extract.figures import find_figures, has_figure  # noqa: E402

REALNEWS = ROOT.parent / "shared" / "realnews"
SEED_DATES = {"000": "2024-10-30", "001": "2024-10-29", "002": "2024-10-23", "003": "2024-10-28", "004": "2024-11-12"}


def realnews_articles(folder: Path = REALNEWS) -> list[dict[str, object]]:
    """The text, language and date of every article of every storyline under ``folder`` (nothing else)."""
    base: list[dict[str, object]] = []
    for f in sorted(folder.glob("*/articles/*.json")):
        rec = json.loads(f.read_text(encoding="utf-8"))
        base.append(
            {
                "language": rec["language"],
                "published_at": _date_or_none(rec.get("published_at")),
                "text": rec["text"],
            }
        )
    if not base:
        raise SystemExit(f"no articles under {folder}/*/articles/")
    return base


def _date_or_none(value: str | None) -> dt.date | None:
    """The day an ISO date names, or None (no date, or only a month)."""
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def corpus(n: int, kind: str = "mixed") -> pl.DataFrame:
    """Articles repeated (with distinct ids) to ``n``: ``seeds`` (whole articles, as news arrives),
    ``labels`` (the labelled passages: short, nearly every sentence carries a figure), ``mixed`` (both) or
    ``realnews`` (the real articles of ../shared/realnews)."""
    base: list[dict[str, object]] = realnews_articles() if kind == "realnews" else []
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
    return pl.DataFrame(rows, schema_overrides={"published_at": pl.Date})


def selection(ex: Extractor, df: pl.DataFrame) -> dict[str, float]:
    """What the cheap pass sends to the parser, as shares of the corpus: ``chars`` and ``sentences`` in all;
    ``figure_chars``, the characters of sentences holding a figure (each figure is a claim row, whose subject
    and scope come from the parse); ``context_chars``, the sentences parsed around them (quotes, incises,
    lists, headlines); ``prefiltered``, the sentences ``has_figure`` let through but ``find_figures`` found
    nothing in (dates, years, ordinals…), which are not parsed."""
    arts = ex._cheap_pass(df)
    chosen = ex._select_sentences(arts)
    total_chars = sum(len(a.text) for a in arts) or 1
    total_sents = sum(len(a.sentences) for a in arts) or 1
    figure_chars = context_chars = 0
    for a in arts:
        figure_sents = {sid for sid, _ in a.figures}
        for sid in chosen.get(a.idx, ()):
            length = a.sentences[sid][1] - a.sentences[sid][0]
            if sid in figure_sents:
                figure_chars += length
            else:
                context_chars += length
    passed = sum(
        1
        for a in arts
        for s, e in a.sentences
        if has_figure(a.text[s:e], a.lang) and not find_figures(a.text[s:e], a.lang)
    )
    return {
        "chars": (figure_chars + context_chars) / total_chars,
        "sentences": sum(len(v) for v in chosen.values()) / total_sents,
        "figure_chars": figure_chars / total_chars,
        "context_chars": context_chars / total_chars,
        "prefiltered": passed / total_sents,
    }


def timed(work: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of one call of ``work``."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--corpus", choices=["seeds", "labels", "mixed", "realnews"], default="seeds")
    ap.add_argument("--rounds", type=int, default=3, help="Extraction and baseline in turn, this many times.")
    args = ap.parse_args()
    df = corpus(args.articles, args.corpus)
    words = sum(len(t.split()) for t in df["text"])
    langs = sorted(set(df["language"]))

    # warm up both sides: models loaded, first-call costs paid
    ex = Extractor()
    for lang in langs:  # one article per language, so that no model loads inside the timed extraction
        ex.extract(df.filter(pl.col("language") == lang).head(3))
    full = {lang: nlp_mod.get_nlp(lang, full=True) for lang in langs}
    for lang in langs:
        list(full[lang].pipe(["Échauffement. Warm-up."], batch_size=args.batch_size))
    texts = {lang: df.filter(pl.col("language") == lang)["text"].to_list() for lang in langs}

    def bare_pass() -> int:
        return sum(1 for lang in langs for _doc in full[lang].pipe(texts[lang], batch_size=args.batch_size))

    # In turn, so that both sides see the same load on a shared machine; the median round is quoted, and
    # CPU seconds (this process only) beside wall seconds, as they move less with other work on the machine.
    extract_times, full_times = [], []
    for _ in range(args.rounds):
        extract_times.append(timed(lambda: ex.extract(df)))
        full_times.append(timed(bare_pass))
    claims = ex.extract(df).height
    t_extract, c_extract = (statistics.median(x) for x in zip(*extract_times, strict=True))
    t_full, c_full = (statistics.median(x) for x in zip(*full_times, strict=True))
    ratios = sorted(f[0] / e[0] for e, f in zip(extract_times, full_times, strict=True))

    share = selection(ex, df)
    print(f"corpus: {args.corpus}  articles: {df.height}  words: {words}  claims: {claims}  rounds: {args.rounds}")
    sides = (("Extractor.extract", t_extract, c_extract), ("bare full-pipeline nlp.pipe", t_full, c_full))
    for name, wall, cpu in sides:
        print(f"{name:29s}: {wall:7.2f} s wall, {cpu:7.2f} s CPU ({words / wall:,.0f} words/s)")
    print(f"sent to the parser (1st pass): {share['chars']:6.1%} of characters, {share['sentences']:6.1%} of sentences")
    print(
        f"  of which figure sentences   : {share['figure_chars']:6.1%} of characters; context around them "
        f"{share['context_chars']:.1%}; sentences with a number but no figure (not parsed): {share['prefiltered']:.1%}"
    )
    print(f"ratio (full pipe / extract)  : {t_full / t_extract:5.2f}x wall, {c_full / c_extract:5.2f}x CPU")
    print(f"  per round (wall)           : {', '.join(f'{r:.2f}x' for r in ratios)}")


if __name__ == "__main__":
    main()

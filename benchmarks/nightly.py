"""A desk's nightly run onto a growing archive: the same 100 new articles onto archives of 1k, 10k and 100k.

    .venv/bin/python benchmarks/nightly.py                       # 1,000, 10,000 and 100,000 articles
    .venv/bin/python benchmarks/nightly.py --sizes 1000 10000    # a quicker look
    .venv/bin/python benchmarks/nightly.py --relink              # the nightly with a full rebuild of the links

For each size it builds an archive in a fresh DuckDB file, then runs the nightly (``cli.py run`` on 100
articles, in a child process) onto it and prints the run's wall seconds, seconds per stage (from the ``runs``
table) and the run's peak resident memory (the kernel's accounting of that child, ``wait4``). The link stage
is then measured alone, in another child that loads no language model: onto a copy of the archive as it
was before the nightly, it stores the nightly's planted claims and links (``link_alone``: seconds of the
link, per part, the quantities computed again, and that child's peak memory). It ends with the ratio of
every figure to the smallest size's: all from one invocation, so they compare runs made under the same load
on this shared machine.

The archive: a synthetic newsroom (``benchmarks/newsroom.py``: real-length articles of about 300 words in
French and English, wire copies, the newsroom's alias file and subject lexicon) of ``n`` articles over
``n / 3000`` months (a desk storing about a hundred articles a day) ending where the nightly starts. Running
the extractor over 100,000 articles would take hours on two cores, so the archive's articles go through
the real ingest stage but their claims are the newsroom's planted figures stored directly (as
``benchmarks/score_scale.py`` does), marked extracted by the current extractor version; the archive is then
linked and scored once and recorded as a completed run, as the previous night would have left it. The
planted claims carry no subject: the link stage places them by their sentence, as it does an extracted
claim whose subject names no concept. The nightly's own 100 articles (another seed, the month after the
archive) are extracted by the real extractor.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import duckdb
import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.newsroom import Newsroom, generate  # noqa: E402

NIGHTLY_ARTICLES = 100
NIGHTLY_START = date(2027, 1, 1)
ARTICLES_PER_MONTH = 3_000
ARCHIVE_RUN = "archive"


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def write_newsroom(room: Newsroom, out: Path, prefix: str) -> Path:
    """Write the newsroom under ``out`` with record ids prefixed (archive and nightly ids never collide)."""
    for article in room.articles:
        article.id = f"{prefix}{article.id}"
    for claim in room.claims:
        claim.article_id = f"{prefix}{claim.article_id}"
    return room.write(out)


def merged_lexicons(folders: list[Path], out: Path) -> tuple[Path, Path]:
    """One alias file and one subject lexicon for the archive and the nightly (rows of both, once each)."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in ("aliases.csv", "subjects.csv"):
        frames = [pl.read_csv(folder / "truth" / name, infer_schema=False) for folder in folders]
        path = out / name
        pl.concat(frames).unique(maintain_order=True).write_csv(path)
        paths.append(path)
    return paths[0], paths[1]


def store_planted(con: duckdb.DuckDBPyConnection, articles_file: Path, claims_file: Path, run_id: str) -> int:
    """Ingest the records of ``articles_file`` (the real ingest stage) and store the planted claims of
    ``claims_file`` (a newsroom's ``truth/claims.jsonl``) that fall in them, marked extracted by the current
    extractor version, as the store stage would. Returns the claims stored."""
    from corroborate import db
    from corroborate.extract.contract import claim_id
    from corroborate.extract.version import EXTRACTOR_VERSION
    from corroborate.run import stages

    stages.ingest(con, [articles_file], run_id, max_bytes=10_000_000)
    articles = con.table("articles").filter(duckdb.ColumnExpression("run_id") == duckdb.ConstantExpression(run_id))
    articles = articles.select("article_id", "external_id").pl()
    planted = pl.read_ndjson(claims_file)
    claims = planted.join(
        articles.rename({"external_id": "article_id", "article_id": "stored_id"}), on="article_id"
    ).select(
        pl.col("stored_id").alias("article_id"),
        pl.col("article_id").alias("external_id"),
        pl.col("source"),
        pl.col("source_org"),
        pl.col("attributed"),
        pl.col("value").cast(pl.Float64),
        pl.col("value_low").cast(pl.Float64),
        pl.col("value_high").cast(pl.Float64),
        pl.col("qualifier"),
        pl.col("unit"),
        pl.lit(None, pl.String).alias("unit_raw"),
        pl.lit(None, pl.String).alias("subject"),
        pl.lit(None, pl.String).alias("scope"),
        pl.lit(None, pl.Date).alias("period_start"),
        pl.lit(None, pl.Date).alias("period_end"),
        pl.col("text"),
        pl.col("char_start").cast(pl.Int32),
        pl.col("char_end").cast(pl.Int32),
        pl.lit(0.9).alias("confidence"),
        pl.lit(None, pl.String).alias("quantity_id"),
        pl.lit(EXTRACTOR_VERSION).alias("extractor_version"),
        pl.lit(run_id).alias("run_id"),
    )
    ids = [claim_id(*row) for row in claims.select("article_id", "char_start", "char_end", "source").iter_rows()]
    claims = claims.with_columns(pl.Series("claim_id", ids, dtype=pl.String)).unique("claim_id", maintain_order=True)
    # the store stage's own statements, on the views it registers (corroborate/run/stages.py store_claims)
    con.register("batch_claims", claims)
    con.register("batch_articles", articles.select("article_id"))
    try:
        db.run_model(con, "claims_insert_batch")
        db.run_model(con, "extractions_insert_batch", {"extractor_version": EXTRACTOR_VERSION, "run_id": run_id})
    finally:
        con.unregister("batch_claims")
        con.unregister("batch_articles")
    return claims.height


def store_archive(db_path: Path, folder: Path, aliases: Path, subjects: Path) -> dict[str, float]:
    """Ingest the archive's articles, store its planted claims as extracted, link and score it once."""
    from corroborate import db
    from corroborate.extract.version import EXTRACTOR_VERSION
    from corroborate.link import link
    from corroborate.score import score_sources

    seconds: dict[str, float] = {}
    clock = time.perf_counter()
    con = db.connect(db_path)
    try:
        store_planted(con, folder / "articles.jsonl", folder / "truth" / "claims.jsonl", ARCHIVE_RUN)
        seconds["store"] = time.perf_counter() - clock
        clock = time.perf_counter()
        link(con, alias_file=aliases, subject_file=subjects)
        score_sources(con, ARCHIVE_RUN, "simple")
        seconds["link+score"] = time.perf_counter() - clock
        started = pl.Series([time.strftime("%Y-%m-%d %H:%M:%S")]).str.to_datetime()[0]
        con.execute(
            "INSERT INTO runs (run_id, started_at, ended_at, status, extractor_version) "
            "VALUES ($run, $started, $started, 'completed', $version)",
            {"run": ARCHIVE_RUN, "started": started, "version": EXTRACTOR_VERSION},
        )
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return seconds


def child(args: list[str], workdir: Path) -> tuple[float, float]:
    """Run ``python ARGS`` from the project folder: (wall seconds, peak RSS of that child in MiB)."""
    start = time.perf_counter()
    with open(workdir / "child.out", "w") as out, open(workdir / "child.err", "w") as err:
        proc = subprocess.Popen([sys.executable, *args], cwd=ROOT, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        logs = (workdir / "child.out").read_text() + (workdir / "child.err").read_text()
        raise SystemExit(f"{' '.join(args)} failed ({code}):\n{logs[-3000:]}")
    return wall, usage.ru_maxrss / 1024


def last_run(db_path: Path) -> dict[str, object]:
    """Counts and seconds per stage of the last completed run."""
    with contextlib.closing(duckdb.connect(str(db_path), read_only=True)) as con:
        row = con.execute(
            "SELECT articles_new, articles_extracted, claims_new, claims_total, stage_seconds "
            "FROM runs WHERE status = 'completed' ORDER BY started_at DESC LIMIT 1"
        ).fetchone()
    assert row is not None, "no completed run"
    return {
        "articles_new": row[0],
        "extracted": row[1],
        "claims_new": row[2],
        "claims_total": row[3],
        "stages": {k: round(v, 2) for k, v in dict(row[4]).items()},
    }


def link_alone(db_path: Path, nightly: Path, aliases: Path, subjects: Path, relink: bool) -> dict[str, object]:
    """Store the nightly's planted claims into ``db_path`` and run the link stage alone; what it measured."""
    from corroborate import db
    from corroborate.link import link

    with contextlib.closing(db.connect(db_path)) as con:
        store_planted(con, nightly / "articles.jsonl", nightly / "truth" / "claims.jsonl", "nightly")
        clock = time.perf_counter()
        summary = link(con, alias_file=aliases, subject_file=subjects, full=relink)
        seconds = time.perf_counter() - clock
    return {
        "link_s": round(seconds, 2),
        "parts": summary.seconds,
        "quantities": summary.quantities,
        "quantities_recomputed": summary.quantities_recomputed,
    }


def measure(size: int, workdir: Path, nightly: Path, relink: bool) -> dict[str, object]:
    """Build the archive of ``size`` articles, run the nightly onto it; returns what was measured."""
    months = max(1, round(size / ARTICLES_PER_MONTH))
    start = _add_months(NIGHTLY_START, -months)
    clock = time.perf_counter()
    folder = write_newsroom(generate(size, seed=1, months=months, start=start), workdir / f"archive-{size}", "arc-")
    aliases, subjects = merged_lexicons([folder, nightly], workdir / f"lexicons-{size}")
    generated = time.perf_counter() - clock
    db_path = workdir / f"archive-{size}.duckdb"
    built = store_archive(db_path, folder, aliases, subjects)
    alone_path = workdir / f"archive-{size}-link.duckdb"
    shutil.copyfile(db_path, alone_path)
    lexicon_args = ["--aliases", str(aliases), "--subjects", str(subjects)]
    run_args = ["cli.py", "run", str(nightly / "articles.jsonl"), "--db", str(db_path), "--quiet", *lexicon_args]
    wall, rss = child(run_args + (["--relink"] if relink else []), workdir)
    alone_args = ["benchmarks/nightly.py", "--link-alone", str(alone_path), str(nightly), *lexicon_args]
    _, alone_rss = child(alone_args + (["--relink"] if relink else []), workdir)
    alone = json.loads((workdir / "child.out").read_text(encoding="utf-8").splitlines()[-1])
    result: dict[str, object] = {
        "archive_articles": size,
        "generate_s": round(generated, 1),
        "archive_build_s": {k: round(v, 1) for k, v in built.items()},
        "nightly_wall_s": round(wall, 1),
        "nightly_peak_mib": round(rss),
        **last_run(db_path),
        "link_alone": {**alone, "peak_mib": round(alone_rss)},
    }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--relink", action="store_true", help="the nightly rebuilds every link (cli.py run --relink)")
    parser.add_argument("--workdir", type=Path, default=None, help="where the archives go (a temporary folder)")
    parser.add_argument("--link-alone", nargs=2, type=Path, metavar=("DB", "NIGHTLY"), help=argparse.SUPPRESS)
    parser.add_argument("--aliases", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--subjects", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.link_alone:
        # the child that measures the link stage alone (see link_alone)
        alone_db, nightly_dir = args.link_alone
        print(json.dumps(link_alone(alone_db, nightly_dir, args.aliases, args.subjects, args.relink)))
        return
    with tempfile.TemporaryDirectory(prefix="corroborate-nightly-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        nightly = write_newsroom(
            generate(NIGHTLY_ARTICLES, seed=2, months=1, start=NIGHTLY_START), workdir / "nightly", "new-"
        )
        results = []
        for size in sorted(args.sizes):
            results.append(measure(size, workdir, nightly, args.relink))
            print(json.dumps(results[-1]), flush=True)
    report(results)


def report(results: list[dict[str, object]]) -> None:
    """A table of the nightly onto each archive, with every figure's ratio to the smallest archive's."""
    base = results[0]

    def figures(r: dict[str, object]) -> dict[str, float]:
        stages = dict(r["stages"])  # type: ignore[call-overload]
        alone = dict(r["link_alone"])  # type: ignore[call-overload]
        return {
            "wall": float(r["nightly_wall_s"]),  # type: ignore[arg-type]
            "link": float(stages.get("link", 0.0)),
            "score": float(stages.get("score", 0.0)),
            "other stages": sum(float(v) for k, v in stages.items() if k not in ("link", "score")),
            "peak MiB": float(r["nightly_peak_mib"]),  # type: ignore[arg-type]
            "link alone": float(alone["link_s"]),
            "link alone MiB": float(alone["peak_mib"]),
        }

    names = list(figures(base))
    print("\narchive   claims   " + "  ".join(f"{n:>22}" for n in names))
    for r in results:
        mine, first = figures(r), figures(base)
        cells = [f"{mine[n]:>10.1f} ({mine[n] / max(first[n], 1e-9):5.2f}x)" for n in names]
        print(f"{r['archive_articles']:>7,} {r['claims_total']:>8,}   " + "  ".join(f"{c:>22}" for c in cells))


if __name__ == "__main__":
    main()

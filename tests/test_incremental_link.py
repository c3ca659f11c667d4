"""The link stage night after night: what it keeps per article gives the same tables as a full rebuild.

A synthetic newsroom (wire copies, translations, recaps, running counts) arrives in three nights into one
real DuckDB file, linked after each night; another file receives everything at once and is linked with
``full=True``. Every derived table must be the same, each night must read only its new articles' texts, and
compute evidence and outcomes again only for the quantities its claims touch.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import polars as pl
import pytest

from benchmarks.newsroom import generate
from benchmarks.nightly import store_planted
from corroborate import db
from corroborate.link import link

DERIVED = (
    "sources",
    "claim_sources",
    "article_copies",
    "article_groups",
    "story_pairs",
    "article_places",
    "claim_quantities",
    "quantities",
    "claim_facts",
    "claim_evidence",
    "claim_outcomes",
)
NIGHTS = 3


def _rows(con: object, table: str) -> pl.DataFrame:
    frame = con.table(table).pl()  # type: ignore[attr-defined]
    return frame.sort(frame.columns, nulls_last=True)


def _nights(root: Path, hard: bool) -> tuple[Path, list[Path]]:
    """Write a newsroom of 90 articles under ``root``: its folder and one folder per night (its articles and
    planted claims, by date)."""
    room = generate(90, seed=5, months=1, hard=hard)
    room.write(root)
    articles = pl.read_ndjson(root / "articles.jsonl")
    claims = pl.read_ndjson(root / "truth" / "claims.jsonl")
    order = articles.with_row_index("n").with_columns((pl.col("n") * NIGHTS // articles.height).alias("night"))
    nights = []
    for night in range(NIGHTS):
        folder = root / f"night-{night}"
        (folder / "truth").mkdir(parents=True)
        these = order.filter(pl.col("night") == night).drop("n", "night")
        these.write_ndjson(folder / "articles.jsonl")
        claims.join(these.select(pl.col("id").alias("article_id")), on="article_id").write_ndjson(
            folder / "truth" / "claims.jsonl"
        )
        nights.append(folder)
    return root, nights


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """The hard newsroom (translations, other names, undated records, running counts, recaps) by night."""
    return _nights(tmp_path_factory.mktemp("newsroom"), hard=True)


@pytest.fixture(scope="module")
def plain_newsroom(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """A newsroom of several storylines (so several quantities), by night."""
    return _nights(tmp_path_factory.mktemp("plain"), hard=False)


def _new_claim_quantities(con: object, run_id: str) -> int:
    """How many quantities hold a claim stored by the run ``run_id``."""
    rows = con.execute(  # type: ignore[attr-defined]
        "SELECT count(DISTINCT quantity_id) FROM claims WHERE run_id = $run", {"run": run_id}
    ).fetchall()
    return int(rows[0][0])


@pytest.mark.parametrize("room", ["newsroom", "plain_newsroom"])
def test_night_by_night_equals_a_full_rebuild(room: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    root, nights = request.getfixturevalue(room)
    lexicons = {"alias_file": root / "truth" / "aliases.csv", "subject_file": root / "truth" / "subjects.csv"}

    with contextlib.closing(db.connect(tmp_path / "nightly.duckdb")) as con:
        stored, fewer = 0, 0
        for night, folder in enumerate(nights):
            before = con.table("articles").shape[0]
            store_planted(con, folder / "articles.jsonl", folder / "truth" / "claims.jsonl", f"night-{night}")
            new = con.table("articles").shape[0] - before
            summary = link(con, **lexicons)  # type: ignore[arg-type]
            # only the night's new articles were read again
            assert summary.texts_read == new > 0
            stored += new
            # every quantity that received a claim is computed again; the first night computes them all
            touched = _new_claim_quantities(con, f"night-{night}")
            assert touched <= summary.quantities_recomputed <= summary.quantities
            if night == 0:
                assert summary.quantities_recomputed == summary.quantities
            fewer += summary.quantities_recomputed < summary.quantities
        assert con.table("article_features").shape[0] == stored
        incremental = {table: _rows(con, table) for table in DERIVED}
        # the same night again reads nothing, computes no quantity again, and changes nothing
        again = link(con, **lexicons)  # type: ignore[arg-type]
        assert again.texts_read == 0
        assert again.quantities_recomputed == 0
        assert all(_rows(con, t).equals(incremental[t]) for t in DERIVED)
        if room == "plain_newsroom":
            # its nights bring claims on some storylines only: the others' quantities were left as they were
            assert fewer >= 1

    with contextlib.closing(db.connect(tmp_path / "full.duckdb")) as con:
        for night, folder in enumerate(nights):
            store_planted(con, folder / "articles.jsonl", folder / "truth" / "claims.jsonl", f"night-{night}")
        summary = link(con, full=True, **lexicons)  # type: ignore[arg-type]
        assert summary.texts_read == stored
        assert summary.quantities_recomputed == summary.quantities
        full = {table: _rows(con, table) for table in DERIVED}

    assert incremental["article_copies"].height > 0 and incremental["claim_evidence"].height > 0
    for table in DERIVED:
        assert incremental[table].equals(full[table]), table


def test_features_of_another_version_or_a_gone_article_are_made_again(
    newsroom: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    root, nights = newsroom
    lexicons = {"alias_file": root / "truth" / "aliases.csv", "subject_file": root / "truth" / "subjects.csv"}
    with contextlib.closing(db.connect(tmp_path / "c.duckdb")) as con:
        store_planted(con, nights[0] / "articles.jsonl", nights[0] / "truth" / "claims.jsonl", "night-0")
        link(con, **lexicons)  # type: ignore[arg-type]
        expected = {table: _rows(con, table) for table in DERIVED}
        # rows an older version of the code made: read again, and the tables are the same
        con.execute(
            "UPDATE article_features SET version = 'old', shingles = [] "
            "WHERE article_id IN (SELECT article_id FROM articles ORDER BY article_id LIMIT 5)"
        )
        # a row of an article no longer stored is dropped
        con.execute("INSERT INTO article_features (article_id, version) VALUES ('gone', 'old')")
        summary = link(con, **lexicons)  # type: ignore[arg-type]
        assert summary.texts_read == 5
        assert con.execute("SELECT count(*) FROM article_features WHERE article_id = 'gone'").fetchall() == [(0,)]
        for table in DERIVED:
            assert _rows(con, table).equals(expected[table]), table


def test_a_new_article_that_joins_two_old_ones_recomputes_their_quantity(
    plain_newsroom: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    """A digest that reprints two old articles which corroborated each other, and states no figure of its
    own, puts them in one copy group: their quantity receives no new claim, yet it is computed again (and
    only the quantities of their claims), the two no longer corroborate each other, and every table is what
    a full rebuild makes."""
    root, nights = plain_newsroom
    lexicons = {"alias_file": root / "truth" / "aliases.csv", "subject_file": root / "truth" / "subjects.csv"}
    with contextlib.closing(db.connect(tmp_path / "c.duckdb")) as con:
        for night, folder in enumerate(nights):
            store_planted(con, folder / "articles.jsonl", folder / "truth" / "claims.jsonl", f"night-{night}")
        first = link(con, **lexicons)  # type: ignore[arg-type]
        pair = con.execute(
            "SELECT x.article_id, y.article_id, e.claim_id, e.evidence_claim_id "
            "FROM claim_evidence e "
            "JOIN claim_facts x ON x.claim_id = e.claim_id JOIN claim_facts y ON y.claim_id = e.evidence_claim_id "
            "WHERE e.relation = 'corroborates' AND x.article_id < y.article_id "
            "ORDER BY x.quantity_id, e.claim_id, e.evidence_claim_id LIMIT 1"
        ).fetchall()
        assert pair
        old_a, old_b, claim, evidence = pair[0]
        originals = con.table("articles").select("article_id", "text").pl()
        texts = dict(zip(originals["article_id"], originals["text"], strict=True))
        record = (
            pl.read_ndjson(nights[0] / "articles.jsonl")
            .head(1)
            .with_columns(
                pl.lit("digest-1").alias("id"),
                pl.lit("The Weekly Digest").alias("outlet"),
                pl.lit("Digest: two reports").alias("title"),
                pl.lit(texts[old_a] + "\n\n" + texts[old_b]).alias("text"),
                pl.lit(None, pl.String).alias("url"),
            )
        )
        folder = tmp_path / "digest"
        (folder / "truth").mkdir(parents=True)
        record.write_ndjson(folder / "articles.jsonl")
        # the digest's planted figures: none (a claim of another article, which the digest's run does not store)
        pl.read_ndjson(nights[0] / "truth" / "claims.jsonl").head(1).write_ndjson(folder / "truth" / "claims.jsonl")
        store_planted(con, folder / "articles.jsonl", folder / "truth" / "claims.jsonl", "digest")
        assert _new_claim_quantities(con, "digest") == 0

        summary = link(con, **lexicons)  # type: ignore[arg-type]
        groups = dict(con.execute("SELECT article_id, group_id FROM article_groups").fetchall())
        assert groups[old_a] == groups[old_b]
        quantities_of_pair = con.execute(
            "SELECT count(DISTINCT quantity_id) FROM claim_facts WHERE article_id IN ($a, $b)",
            {"a": old_a, "b": old_b},
        ).fetchall()[0][0]
        assert 1 <= quantities_of_pair <= summary.quantities_recomputed < summary.quantities == first.quantities
        relations = con.execute(
            "SELECT relation FROM claim_evidence WHERE claim_id = $x AND evidence_claim_id = $y",
            {"x": claim, "y": evidence},
        ).fetchall()
        assert ("corroborates",) not in relations
        incremental = {table: _rows(con, table) for table in DERIVED}

        full = link(con, full=True, **lexicons)  # type: ignore[arg-type]
        assert full.quantities_recomputed == full.quantities
        for table in DERIVED:
            assert _rows(con, table).equals(incremental[table]), table


@pytest.mark.slow
def test_relink_runs_the_flow_again_and_changes_nothing(tmp_path: Path) -> None:
    """``cli.py run --relink`` with nothing new: a real run links and scores again, reading every text,
    and publishes the same tables."""
    from tests.helpers import run_cli

    db_path = tmp_path / "c.duckdb"
    first = run_cli("run", "seeds", "--db", str(db_path), "--quiet")
    assert first.returncode == 0, first.stderr
    with contextlib.closing(db.connect(db_path, read_only=True)) as con:
        before = {table: _rows(con, table) for table in DERIVED}
        articles = con.table("articles").shape[0]
    again = run_cli("run", "seeds", "--db", str(db_path), "--quiet", "--relink")
    assert again.returncode == 0, again.stderr
    assert "inputs unchanged" not in again.stdout
    with contextlib.closing(db.connect(db_path, read_only=True)) as con:
        runs = con.execute(
            "SELECT status, map_contains(stage_seconds, 'link') FROM runs ORDER BY started_at"
        ).fetchall()
        assert runs == [("completed", True), ("completed", True)]
        assert con.table("article_features").shape[0] == articles
        for table in DERIVED:
            assert _rows(con, table).equals(before[table]), table


def test_the_link_fingerprint_covers_the_code_of_every_stage_folder() -> None:
    """A new version of the link code (corroborate/link/…) must link again, even with nothing new."""
    from corroborate.resources import PACKAGE_DIR
    from corroborate.run import stages
    from corroborate.run.options import RunOptions

    files = set(stages._rule_files(RunOptions()))
    for module in ("link/copies.py", "link/__init__.py", "link/stories.py", "score.py"):
        assert PACKAGE_DIR / module in files, module


def test_a_speaker_placed_under_a_body_by_a_new_article_recomputes_her_other_quantities(
    plain_newsroom: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    """The archive quotes a spokeswoman by name alone; a new article gives her body. Her earlier claims now
    answer to that body's tree, on quantities that receive no new claim: they are computed again, and every
    table is what a full rebuild makes."""
    root, nights = plain_newsroom
    speaker, body = "Camille Mironov", "Sudanese government"
    # the desk's alias file does not place her either
    aliases = pl.read_csv(root / "truth" / "aliases.csv", infer_schema=False)
    aliases.filter(pl.col("alias") != speaker).write_csv(tmp_path / "aliases.csv")
    lexicons = {"alias_file": tmp_path / "aliases.csv", "subject_file": root / "truth" / "subjects.csv"}
    planted = pl.concat([pl.read_ndjson(night / "truth" / "claims.jsonl") for night in nights])
    bare = planted.with_columns(
        pl.when(pl.col("source") == speaker).then(None).otherwise(pl.col("source_org")).alias("source_org")
    )
    (tmp_path / "archive" / "truth").mkdir(parents=True)
    bare.write_ndjson(tmp_path / "archive" / "truth" / "claims.jsonl")
    pl.concat([pl.read_ndjson(night / "articles.jsonl") for night in nights]).write_ndjson(
        tmp_path / "archive" / "articles.jsonl"
    )
    with contextlib.closing(db.connect(tmp_path / "c.duckdb")) as con:
        store_planted(
            con, tmp_path / "archive" / "articles.jsonl", tmp_path / "archive" / "truth" / "claims.jsonl", "a"
        )
        first = link(con, **lexicons)  # type: ignore[arg-type]
        roots_query = (
            "SELECT DISTINCT cs.root_id FROM claims c JOIN claim_sources cs USING (claim_id) "
            "WHERE c.source = $speaker AND c.run_id = 'a'"
        )
        roots_before = con.execute(roots_query, {"speaker": speaker}).fetchall()

        # the new article: one of hers again, with a closing line, and her body named this time
        quoted = planted.filter(pl.col("source") == speaker).sort("article_id").head(1)
        original = pl.concat([pl.read_ndjson(night / "articles.jsonl") for night in nights]).filter(
            pl.col("id") == quoted["article_id"][0]
        )
        folder = tmp_path / "update"
        (folder / "truth").mkdir(parents=True)
        original.with_columns(
            pl.lit("update-1").alias("id"), (pl.col("text") + "\n\nMore to follow.").alias("text")
        ).write_ndjson(folder / "articles.jsonl")
        quoted.with_columns(pl.lit("update-1").alias("article_id"), pl.lit(body).alias("source_org")).write_ndjson(
            folder / "truth" / "claims.jsonl"
        )
        store_planted(con, folder / "articles.jsonl", folder / "truth" / "claims.jsonl", "update")
        summary = link(con, **lexicons)  # type: ignore[arg-type]

        assert con.execute(roots_query, {"speaker": speaker}).fetchall() != roots_before
        her_quantities = con.execute(
            "SELECT count(DISTINCT quantity_id) FROM claims WHERE source = $speaker", {"speaker": speaker}
        ).fetchall()[0][0]
        assert _new_claim_quantities(con, "update") < her_quantities <= summary.quantities_recomputed
        assert summary.quantities_recomputed < summary.quantities == first.quantities
        incremental = {table: _rows(con, table) for table in DERIVED}
        link(con, full=True, **lexicons)  # type: ignore[arg-type]
        for table in DERIVED:
            assert _rows(con, table).equals(incremental[table]), table

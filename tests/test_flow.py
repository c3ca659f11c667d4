"""The whole pipeline, end to end: the real flow, real DuckDB files, the real spaCy models."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from corroborate.run.options import RunOptions
from helpers import ROOT, SEEDS, query, run_cli

# Whole flow runs and the CLI in real processes: `make test-fast` leaves them out.
pytestmark = pytest.mark.slow

TABLES = {
    "articles",
    "ingest_log",
    "claims",
    "rejects",
    "validation_results",
    "claim_outcomes",
    "claim_evidence",
    "quantities",
    "sources",
    "source_aliases",
    "article_copies",
    "source_scores",
    "runs",
}
COUNTED = ("articles", "claims", "quantities", "claim_outcomes", "sources", "article_copies")


def _counts(db_path: Path) -> dict[str, int]:
    return {table: query(db_path, f"SELECT count(*) FROM {table}")[0][0] for table in COUNTED}


def test_seeds_run_stores_five_articles_and_every_table(seeded_db: Path) -> None:
    tables = {name for (name,) in query(seeded_db, "SELECT table_name FROM information_schema.tables")}
    assert tables >= TABLES | {"current_scores"}
    assert query(seeded_db, "SELECT count(*) FROM articles") == [(5,)]
    assert query(seeded_db, "SELECT status, count(*) FROM ingest_log GROUP BY ALL") == [("stored", 5)]
    dates = dict(query(seeded_db, "SELECT external_id, published_at::VARCHAR FROM articles"))
    assert dates["002_584b3e5c65d6adbc"] == "2024-10-23"
    assert dates["004_64de8e82ea301e52"] == "2024-11-12"
    assert query(seeded_db, "SELECT status FROM runs") == [("completed",)]


def test_seed_claims_credit_the_right_sources(seeded_db: Path) -> None:
    claims = query(
        seeded_db,
        "SELECT a.external_id, c.source, c.value, c.unit FROM claims c JOIN articles a USING (article_id)",
    )
    by_article = {(ext[:3], source, value, unit) for ext, source, value, unit in claims}
    assert ("003", "Sabrina Singh", 10000.0, "soldiers") in by_article
    assert ("004", "Vedant Patel", 10000.0, "soldiers") in by_article
    assert any(ext == "003" and value == 478.0 and unit == "km2" for ext, _, value, unit in by_article)
    # "Les États-Unis ont déclaré mercredi que jusqu'à 3 000 soldats…": the government speaks, Austin confirms.
    assert any(
        ext == "002" and value == 3000.0 and source in {"États-Unis", "Lloyd Austin"}
        for ext, source, value, _ in by_article
    )


def test_a_second_run_changes_no_counts(seeded_db: Path, seeded_copy: Path) -> None:
    from flows.nightly import nightly

    before = _counts(seeded_db)
    result = nightly(RunOptions(db_path=seeded_copy))
    assert result["articles_new"] == 0
    assert result["articles_duplicate"] == 5
    assert result["articles_extracted"] == 0
    assert _counts(seeded_copy) == before
    assert query(seeded_copy, "SELECT status, count(*) FROM runs GROUP BY ALL") == [("completed", 2)]
    # Nothing changed, so nothing was recomputed: the first run's scores stay current.
    assert result["results_unchanged"] is True
    assert "link" not in result["stage_seconds"]
    assert query(seeded_copy, "SELECT count(DISTINCT run_id) FROM source_scores") == [(1,)]
    assert query(seeded_copy, "SELECT count(*) FROM current_scores")[0][0] > 0


def test_an_edited_alias_file_recomputes_links_and_scores(seeded_copy: Path, tmp_path: Path) -> None:
    from flows.nightly import nightly

    aliases = tmp_path / "aliases.csv"
    text = (ROOT / "seeds" / "aliases.csv").read_text(encoding="utf-8")
    aliases.write_text(text + "S. Singh,Sabrina Singh,,\n", encoding="utf-8")  # one more spelling
    result = nightly(RunOptions(db_path=seeded_copy, aliases=aliases))
    assert result["results_unchanged"] is False
    assert query(seeded_copy, "SELECT count(DISTINCT run_id) FROM source_scores") == [(2,)]


def test_score_json_lists_outlets_and_officials(seeded_db: Path) -> None:
    done = run_cli("score", "--format", "json", "--db", str(seeded_db))
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert {row["kind"] for row in rows} == {"outlet", "official"}
    for row in rows:
        assert {"kind", "source", "claims", "corroborated", "revised", "unresolved"} <= set(row)
        assert {"score", "ci_low", "ci_high"} <= set(row)
        assert row["corroborated"] + row["revised"] + row["unresolved"] == row["claims"]
        assert 0 <= row["ci_low"] <= row["score"] <= row["ci_high"] <= 1


def test_query_formats_and_errors(seeded_db: Path) -> None:
    as_csv = run_cli("query", "SELECT external_id FROM articles ORDER BY 1", "--format", "csv", "--db", str(seeded_db))
    assert as_csv.returncode == 0
    rows = list(csv.reader(io.StringIO(as_csv.stdout)))
    assert rows[0] == ["external_id"] and len(rows) == 6
    as_json = run_cli("query", "SELECT count(*) AS n FROM articles", "--format", "json", "--db", str(seeded_db))
    assert json.loads(as_json.stdout) == [{"n": 5}]
    bad = run_cli("query", "SELECT * FROM no_such_table", "--db", str(seeded_db))
    assert bad.returncode == 1 and "no_such_table" in bad.stderr
    write = run_cli("query", "DELETE FROM articles", "--db", str(seeded_db))
    assert write.returncode == 2 and "refused: DELETE" in write.stderr and "read-only" in write.stderr
    assert query(seeded_db, "SELECT count(*) FROM articles") == [(5,)]


def test_bad_usage_exits_2() -> None:
    assert run_cli("score", "--kind", "nobody").returncode == 2
    assert run_cli("run", "/no/such/folder").returncode == 2


def test_extract_prints_the_contract_without_a_database(tmp_path: Path) -> None:
    done = run_cli("extract", str(SEEDS), "--format", "jsonl", env={"CORROBORATE_DB": str(tmp_path / "none.duckdb")})
    assert done.returncode == 0, done.stderr
    claims = [json.loads(line) for line in done.stdout.splitlines()]
    assert claims
    texts = {path.stem: path.read_text(encoding="utf-8") for path in SEEDS.glob("*.txt")}
    for claim in claims:
        assert list(claim)[:3] == ["article_id", "external_id", "source"]
        assert texts[claim["external_id"]][claim["char_start"] : claim["char_end"]] == claim["text"]
    assert not (tmp_path / "none.duckdb").exists()


def test_a_folder_of_bad_inputs_is_accounted_for_and_the_run_succeeds(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = (SEEDS / "003_491dc99b483af735.txt").read_text(encoding="utf-8")
    (inbox / "good.txt").write_text(good, encoding="utf-8")
    (inbox / "legacy.txt").write_bytes(
        "Selon le ministère, 1 200 soldats ont été déployés à l’est, a déclaré le porte-parole.".encode("cp1252")
    )
    (inbox / "copy.txt").write_text(good, encoding="utf-8")
    (inbox / "empty.txt").write_text("   \n", encoding="utf-8")
    (inbox / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (inbox / "broken.json").write_text('{"text": "unterminated', encoding="utf-8")
    (inbox / "lines.jsonl").write_text(
        json.dumps({"id": "ok-1", "text": "About 2,000 troops were sent, the ministry said."})
        + "\nnot json at all\n"
        + json.dumps({"id": "no-text", "title": "missing"})
        + "\n",
        encoding="utf-8",
    )
    db_path = tmp_path / "c.duckdb"
    done = run_cli("run", str(inbox), "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    # Off a terminal, progress comes as plain log lines on stderr; the summary line goes to stdout.
    assert "extract: 3/3" in done.stderr
    assert "articles new=3 duplicate=1 rejected=5" in done.stdout
    log = query(db_path, "SELECT source_path, record_no, status, reason FROM ingest_log")
    statuses = [status for _, _, status, _ in log]
    assert statuses.count("stored") == 3
    assert statuses.count("duplicate") == 1
    assert statuses.count("rejected") == 5
    assert all(reason for _, _, status, reason in log if status == "rejected")
    assert query(db_path, "SELECT count(*) FROM articles") == [(3,)]


def test_explain_lists_a_sources_claims_with_outcomes(seeded_db: Path) -> None:
    done = run_cli("explain", "Sabrina Singh", "--format", "json", "--db", str(seeded_db))
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)["claims"]
    assert rows and {row["source"] for row in rows} == {"Sabrina Singh"}
    assert all(row["outcome"] in {"corroborated", "revised", "unresolved"} for row in rows)
    unknown = run_cli("explain", "Nobody Atall", "--db", str(seeded_db))
    assert unknown.returncode == 2 and "no source is called" in unknown.stderr

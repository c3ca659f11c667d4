"""Nothing a user types can destroy data (issue #14): one regression per row of the issue's table.

Real DuckDB files, real CLI processes, real runs: a hostile or careless user on a completed database.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from corroborate import readonly, store
from corroborate.db import connect
from corroborate.ingest import ingest_paths, read_records
from helpers import ROOT, Scenario, load_seeds, query, run_cli

GOOD = (
    "Le ministère a déclaré que 10 000 soldats étaient déployés dans la région, selon les autorités locales "
    "qui ont publié un bilan lundi soir."
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _counts(db_path: Path) -> tuple[int, int]:
    return query(db_path, "SELECT count(*) FROM articles")[0][0], query(db_path, "SELECT count(*) FROM claims")[0][0]


# --- 1. ATTACH / USE / DETACH cannot reach the live file ----------------------------------------


@pytest.mark.slow
def test_row1_attach_use_detach_cannot_write_the_live_database(seeded_copy: Path, tmp_path: Path) -> None:
    before = _counts(seeded_copy)
    assert before[0] > 0 and before[1] > 0
    name = seeded_copy.stem
    attack = (
        f"ATTACH '{tmp_path / 'x.duckdb'}' AS m (READ_WRITE); USE m; DETACH {name}; "
        f"ATTACH '{seeded_copy}' AS w (READ_WRITE); DELETE FROM w.articles; DROP TABLE w.claims; SELECT 1"
    )
    done = run_cli("query", attack, "--db", str(seeded_copy))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "ATTACH" in done.stderr and "exactly one" in done.stderr
    assert _counts(seeded_copy) == before
    assert not (tmp_path / "x.duckdb").exists()

    # One statement at a time, each is refused by name.
    for statement, kind in [
        (f"ATTACH '{seeded_copy}' AS w (READ_WRITE)", "ATTACH"),
        ("USE memory", "SET"),
        (f"DETACH {name}", "DETACH"),
        ("DELETE FROM articles", "DELETE"),
        ("DROP TABLE claims", "DROP"),
        ("SET enable_external_access = true", "SET"),
        ("EXPLAIN ANALYZE DELETE FROM articles", "DELETE"),
        ("PRAGMA enable_profiling", "enable_profiling"),
    ]:
        refused = run_cli("query", statement, "--db", str(seeded_copy))
        assert refused.returncode == 2, statement
        assert kind in refused.stderr and "refused" in refused.stderr, refused.stderr
    assert _counts(seeded_copy) == before


@pytest.mark.slow
def test_row1_the_connection_itself_refuses_attach_and_settings(seeded_copy: Path, tmp_path: Path) -> None:
    """The second fence holds on its own: statements that passed no parser check still cannot widen access."""
    with contextlib.closing(readonly.connect(seeded_copy)) as con:
        with pytest.raises(duckdb.PermissionException):
            con.execute(f"ATTACH '{tmp_path / 'other.duckdb'}' AS w (READ_WRITE)")
        for setting in (
            "enable_external_access = true",
            "lock_configuration = false",
            "autoinstall_known_extensions = true",
        ):
            with pytest.raises(duckdb.InvalidInputException, match="locked"):
                con.execute(f"SET {setting}")
        with pytest.raises(duckdb.Error):
            con.execute("DELETE FROM articles")


# --- 2. COPY, and several statements ------------------------------------------------------------


@pytest.mark.slow
def test_row2_copy_cannot_write_any_file_and_only_one_statement_runs(seeded_copy: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    done = run_cli("query", f"COPY (SELECT 'x') TO '{victim}'", "--db", str(seeded_copy))
    assert done.returncode == 2 and "COPY" in done.stderr
    assert victim.read_text(encoding="utf-8") == "keep me"

    two = run_cli("query", "SELECT 1; SELECT 2", "--db", str(seeded_copy), "--format", "csv")
    assert two.returncode == 2 and "2 statements" in two.stderr and two.stdout == ""
    # A trailing semicolon and comment are still one statement.
    one = run_cli("query", "SELECT 41 + 1 AS n; -- the answer", "--db", str(seeded_copy), "--format", "csv")
    assert one.returncode == 0 and one.stdout.splitlines() == ["n", "42"]

    # The connection alone refuses it too (with --allow-files, only the statement check stands in the way).
    with contextlib.closing(readonly.connect(seeded_copy)) as con, pytest.raises(duckdb.PermissionException):
        con.execute(f"COPY (SELECT 'x') TO '{victim}'")
    assert victim.read_text(encoding="utf-8") == "keep me"


@pytest.mark.slow
def test_row2_every_reading_kind_is_accepted(seeded_db: Path) -> None:
    for sql in [
        "SELECT count(*) FROM articles",
        "WITH a AS (SELECT 1 AS x) SELECT * FROM a",
        "FROM articles SELECT count(*)",
        "SHOW TABLES",
        "DESCRIBE articles",
        "SUMMARIZE runs",
        "EXPLAIN SELECT * FROM claims",
        "PRAGMA show_tables",
        "PRAGMA table_info('claims')",
    ]:
        done = run_cli("query", sql, "--db", str(seeded_db), "--format", "csv")
        assert done.returncode == 0, (sql, done.stderr)
        assert done.stdout.strip(), sql


# --- 3. files, extensions, the network ----------------------------------------------------------


@pytest.mark.slow
def test_row3_no_local_file_extension_or_url_is_reached(seeded_db: Path, tmp_path: Path) -> None:
    for sql in [
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM glob('/etc/*')",
        "SELECT * FROM read_csv('https://example.com/data.csv')",
    ]:
        done = run_cli("query", sql, "--db", str(seeded_db))
        assert done.returncode == 2, sql
        assert "disabled by configuration" in done.stderr and "--allow-files" in done.stderr
        assert "root:" not in done.stdout
    for sql, kind in [("INSTALL httpfs", "LOAD"), ("LOAD httpfs", "LOAD")]:
        done = run_cli("query", sql, "--db", str(seeded_db))
        assert done.returncode == 2 and kind in done.stderr
    extensions_dir = Path.home() / ".duckdb" / "extensions"
    assert not any(extensions_dir.rglob("httpfs*")) if extensions_dir.exists() else True


@pytest.mark.slow
def test_row3_allow_files_reads_local_files_and_nothing_more(seeded_db: Path, tmp_path: Path) -> None:
    table = tmp_path / "desk.csv"
    table.write_text("source,n\nPentagone,3\nISW,4\n", encoding="utf-8")
    done = run_cli(
        "query", f"SELECT sum(n) AS n FROM read_csv('{table}')", "--allow-files", "--db", str(seeded_db), "-f", "csv"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["n", "7"]
    out = tmp_path / "out.csv"
    copy = run_cli("query", f"COPY (SELECT 1) TO '{out}'", "--allow-files", "--db", str(seeded_db))
    assert copy.returncode == 2 and not out.exists()


# --- 4. output files ----------------------------------------------------------------------------


@pytest.mark.slow
def test_row4_report_never_overwrites_a_database_or_an_existing_file(seeded_copy: Path, tmp_path: Path) -> None:
    database = _digest(seeded_copy)
    onto_db = run_cli("report", "--db", str(seeded_copy), "--out", str(seeded_copy), "--force")
    assert onto_db.returncode == 2 and "DuckDB database" in onto_db.stderr
    assert _digest(seeded_copy) == database

    other_db = tmp_path / "other.duckdb"
    shutil_copy(seeded_copy, other_db)
    assert run_cli("report", "--db", str(seeded_copy), "--out", str(other_db), "--force").returncode == 2
    assert _digest(other_db) == database

    existing = tmp_path / "notes.html"
    existing.write_text("my notes", encoding="utf-8")
    refused = run_cli("report", "--db", str(seeded_copy), "--out", str(existing))
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert existing.read_text(encoding="utf-8") == "my notes"

    own = run_cli("report", "--db", str(seeded_copy), "--out", str(ROOT / "README.md"), "--force")
    assert own.returncode == 2 and "own files" in own.stderr

    forced = run_cli("report", "--db", str(seeded_copy), "--out", str(existing), "--force", timeout=300)
    assert forced.returncode == 0, forced.stderr
    assert existing.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []  # renamed into place

    fresh = tmp_path / "new" / "report.html"
    assert run_cli("report", "--db", str(seeded_copy), "--out", str(fresh), timeout=300).returncode == 0
    assert fresh.is_file()


def shutil_copy(source: Path, target: Path) -> None:
    target.write_bytes(source.read_bytes())


# --- 5. a record that could kill a run ----------------------------------------------------------


def _hostile_feed(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        json.dumps({"id": "good1", "text": GOOD, "published_at": "2024-10-28"}),
        '{"id": "deep", "text": "x", "extra": ' + "[" * 1000 + "]" * 1000 + "}",
        '{"id": "surrogate-text", "text": "Un texte \\ud800 ' + GOOD + '"}',
        '{"id": "surrogate-title", "title": "\\udc00", "text": "' + GOOD + ' Suite."}',
        json.dumps({"id": "good2", "text": GOOD + " Deuxième article."}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "deep.json").write_text('{"text": ' + "[" * 5000 + "]" * 5000 + "}", encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:  # a Latin-1 file name
        handle.write((GOOD + " Troisième.").encode("utf-8"))


def test_row5_hostile_records_are_rejected_one_by_one_and_the_rest_is_stored(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    _hostile_feed(inputs)
    with contextlib.closing(connect(tmp_path / "c.duckdb")) as con:
        summary = ingest_paths(con, [inputs], "run-1")
        rows = con.execute(
            "SELECT source_path, record_no, status, external_id, reason FROM ingest_log ORDER BY source_path, record_no"
        ).fetchall()
        stored = {row[0] for row in con.execute("SELECT external_id FROM articles").fetchall()}
    assert summary.stored == 2 and summary.rejected == 5
    assert stored == {"good1", "good2"}
    by_id = {row[3]: row for row in rows}
    feed = str(inputs / "feed.jsonl")
    assert by_id["feed:2"][2] == "rejected" and f"{feed} line 2" in by_id["feed:2"][4]
    assert "nested too deeply" in by_id["feed:2"][4]
    assert by_id["surrogate-text"][2] == "rejected" and "'text'" in by_id["surrogate-text"][4]
    assert f"{feed} line 3" in by_id["surrogate-text"][4]
    assert by_id["surrogate-title"][2] == "rejected" and "'title'" in by_id["surrogate-title"][4]
    assert by_id["deep"][2] == "rejected" and "deep.json" in by_id["deep"][4]
    badly_named = [row for row in rows if "caf" in row[0]]
    assert len(badly_named) == 1
    assert badly_named[0][0].endswith("caf\\xe9.txt") and badly_named[0][2] == "rejected"
    assert "not valid UTF-8" in badly_named[0][4] and "caf\\xe9.txt" in badly_named[0][4]


@pytest.mark.slow
def test_row5_a_run_on_hostile_inputs_completes_and_stores_the_good_records(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    _hostile_feed(inputs)
    db_path = tmp_path / "c.duckdb"
    done = run_cli("run", str(inputs), "--db", str(db_path), "--quiet")
    assert done.returncode == 0, done.stderr
    assert "rejected=5" in done.stdout
    assert query(db_path, "SELECT status FROM runs") == [("completed",)]
    assert sorted(r[0] for r in query(db_path, "SELECT external_id FROM articles")) == ["good1", "good2"]
    assert query(db_path, "SELECT count(*) FROM claims")[0][0] >= 2


# --- 6. --db is a symbolic link -----------------------------------------------------------------


def test_row6_a_run_through_a_symlink_replaces_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real" / "c.duckdb"
    real.parent.mkdir()
    link = tmp_path / "link.duckdb"
    link.symlink_to(real)
    for value in ("first", "second"):
        with store.open_run(link, ["input"], "v-test") as run:
            with contextlib.closing(run.connect()) as con:
                con.execute("CREATE OR REPLACE TABLE marker AS SELECT ? AS value", [value])
            run.publish()
    assert link.is_symlink() and Path(os.readlink(link)) == real
    assert query(real, "SELECT value FROM marker") == [("second",)]
    assert query(real, "SELECT status FROM runs") == [("completed",), ("completed",)]
    assert not store.staging_path(link).exists() and not store.staging_path(real).exists()


# --- 9. every command, every bad path -----------------------------------------------------------


@pytest.mark.slow
def test_row9_every_command_gives_one_line_and_exit_2_on_a_bad_database(tmp_path: Path) -> None:
    missing = tmp_path / "missing.duckdb"
    not_db = tmp_path / "notes.duckdb"
    not_db.write_text("not a database", encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    commands = [
        ["score"],
        ["explain", "Pentagone"],
        ["validate"],
        ["query", "SELECT 1"],
        ["report", "--out", str(tmp_path / "r.html")],
    ]
    for command in commands:
        for bad in (missing, not_db, folder):
            done = run_cli(*command, "--db", str(bad))
            assert done.returncode == 2, (command, bad, done.stderr)
            assert "Traceback" not in done.stderr, (command, bad)
            assert done.stderr.count("\n") == 1 and done.stderr.startswith("error: "), (command, bad, done.stderr)
            assert str(bad) in done.stderr
    for bad in (not_db, folder, Path("/proc/x.duckdb")):
        done = run_cli("run", "--db", str(bad), "--quiet")
        assert done.returncode == 2 and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
    assert not_db.read_text(encoding="utf-8") == "not a database"
    done = run_cli("run", str(tmp_path / "no-such-input"), "--db", str(missing))
    assert done.returncode == 2 and "no such input" in done.stderr and not missing.exists()


@pytest.mark.slow
def test_row9_bad_outputs_and_binary_columns(seeded_db: Path, tmp_path: Path) -> None:
    folder = run_cli("report", "--db", str(seeded_db), "--out", str(tmp_path))
    assert folder.returncode == 2 and "is a folder" in folder.stderr and "Traceback" not in folder.stderr
    docs_file = tmp_path / "docs.txt"
    docs_file.write_text("x", encoding="utf-8")
    docs = run_cli("validate", "--db", str(seeded_db), "--docs", str(docs_file))
    assert docs.returncode == 2 and docs.stderr.count("\n") == 1
    for fmt in ("csv", "json", "table"):
        blob = run_cli("query", "SELECT 'ab'::BLOB AS b, 1 AS n", "--db", str(seeded_db), "-f", fmt)
        assert blob.returncode == 0, (fmt, blob.stderr)
        assert "6162" in blob.stdout


# --- 10. empty files, reused ids, old dates -----------------------------------------------------


@pytest.mark.slow
def test_row10_empty_file_reused_id_and_old_date(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "empty.jsonl").write_text("", encoding="utf-8")
    (inputs / "blank.jsonl").write_text("\n  \n", encoding="utf-8")
    tomorrow_plus = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=2)).isoformat()
    (inputs / "feed.jsonl").write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {"id": "a-1", "text": GOOD, "published_at": "1950-03-02"},
                {"id": "a-1", "text": GOOD + " Mise à jour : le bilan a changé.", "published_at": "1850-01-01"},
                {"id": "b-2", "text": GOOD + " Autre.", "published_at": tomorrow_plus},
            ]
        ),
        encoding="utf-8",
    )
    records, log = read_records([inputs])
    rows = {(Path(r["source_path"]).name, r["record_no"]): r for r in log.iter_rows(named=True)}
    assert rows[("empty.jsonl", 0)]["status"] == "rejected" and "empty" in rows[("empty.jsonl", 0)]["reason"]
    assert rows[("blank.jsonl", 0)]["status"] == "rejected"
    first, second, future = rows[("feed.jsonl", 1)], rows[("feed.jsonl", 2)], rows[("feed.jsonl", 3)]
    assert first["status"] == second["status"] == "stored"
    assert "id 'a-1'" in first["reason"] and "id 'a-1'" in second["reason"]
    dates = dict(zip(records["external_id"].to_list(), records["published_at"].to_list(), strict=False))
    assert str(records.filter(records["text"] == GOOD)["published_at"][0]) == "1950-03-02"
    assert "outside 1900-01-01" in second["reason"]
    assert future["status"] == "stored" and "outside" in future["reason"] and dates["b-2"] is None

    # Through a whole run: the 1950 article is kept (the articles suite takes 1900 onwards), both a-1 texts too.
    db_path = tmp_path / "c.duckdb"
    done = run_cli("run", str(inputs), "--db", str(db_path), "--quiet")
    assert done.returncode == 0, done.stderr
    stored = query(db_path, "SELECT external_id, published_at::VARCHAR FROM articles ORDER BY published_at NULLS LAST")
    assert stored[0] == ("a-1", "1950-03-02") and len(stored) == 3
    assert query(db_path, "SELECT count(*) FROM ingest_log WHERE source_path LIKE '%empty.jsonl'") == [(1,)]


@pytest.mark.slow
def test_query_refusals_are_fast(seeded_db: Path) -> None:
    started = time.monotonic()
    done = run_cli("query", "DROP TABLE claims", "--db", str(seeded_db))
    assert done.returncode == 2 and time.monotonic() - started < 5


# --- 8. helper processes die with the run -------------------------------------------------------


@pytest.mark.slow
def test_row8_every_process_started_after_the_watchdog_dies_with_a_killed_parent(tmp_path: Path) -> None:
    """A parent that starts a grandchild in a new session (no process group ties it), then is killed with -9."""
    script = (
        "import os, signal, subprocess, sys\n"
        "from corroborate.run.processes import reap_descendants_on_exit\n"
        "reap_descendants_on_exit()\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(300)'], start_new_session=True)\n"
        "print(child.pid, flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == -signal.SIGKILL
    orphan = int(done.stdout.strip())
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _running(orphan):
        time.sleep(0.1)
    assert not _running(orphan), "the grandchild outlived its killed parent"


def _running(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


# --- 7. signs and impossible shares -------------------------------------------------------------


@pytest.mark.slow
def test_row7_signs_are_kept_and_impossible_figures_go_to_rejects(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    text = (
        "Selon le ministère de la Défense, l'armée a perdu -5 000 soldats en un mois, a déclaré le porte-parole "
        "Jean Dupont. Le bilan officiel fait aussi état de \u2212 3 000 blessés. D'après l'institut, 250 % de "
        "la population a quitté la ville. Les prix du pain ont connu une hausse de 250 % en un an, selon l'Insee."
    )
    # Good figures around the bad ones: a batch that is mostly wrong fails as a whole, by design.
    good = [
        "Selon la préfecture, 1 200 personnes ont été évacuées lundi, a indiqué le préfet Marc Durand.",
        "L'ONU a recensé 40 000 réfugiés dans la région, selon un communiqué publié mardi.",
        "Le ministère a annoncé 800 emplois supprimés dans l'usine, selon la direction régionale.",
        "Les pompiers ont dénombré 35 blessés après l'explosion, a précisé le capitaine Paul Martin.",
        "La police a compté 12 000 manifestants dans le cortège, selon la préfecture de police.",
    ]
    for i, extra in enumerate(good):
        (inputs / f"good{i}.txt").write_text(extra, encoding="utf-8")
    (inputs / "a.json").write_text(
        json.dumps({"id": "a", "text": text, "published_at": "2024-10-28", "language": "fr"}), encoding="utf-8"
    )
    db_path = tmp_path / "c.duckdb"
    done = run_cli("run", str(inputs), "--db", str(db_path), "--quiet")
    assert done.returncode == 0, done.stderr
    claims = query(db_path, "SELECT text, value, unit FROM claims ORDER BY char_start")
    rejected = query(db_path, "SELECT row_json, reason FROM rejects WHERE table_name = 'claims'")
    stored_values = {row[1] for row in claims}
    assert 5000.0 not in stored_values and 3000.0 not in stored_values  # no sign dropped
    assert ("250 %", 250.0, "percent") in claims  # a change in percent may exceed 100
    reasons = {json.loads(row_json)["text"]: reason for row_json, reason in rejected}
    assert "cannot be negative" in reasons["-5 000 soldats"]
    assert "cannot be negative" in reasons["\u2212 3 000 blessés"]
    assert "cannot exceed 100 %" in reasons["250 %"]


# --- 11. the staging copy: never created by a stage, checked before it is published -------------


def _live_database(path: Path, extractor_version: str = "v-test") -> tuple[int, int]:
    """A live database holding the seed articles and their claims, extracted by ``extractor_version``."""
    with contextlib.closing(connect(path)) as con:
        scenario = Scenario(con)
        load_seeds(scenario)
        con.execute(
            "INSERT INTO extractions SELECT article_id, ?, 'run-test', count(claim_id) "
            "FROM articles LEFT JOIN claims USING (article_id) GROUP BY article_id",
            [extractor_version],
        )
        scenario.complete_run()
    return _counts(path)


def _last_run(db_path: Path) -> tuple[str, str | None]:
    rows = query(db_path, "SELECT status, reason FROM runs ORDER BY started_at DESC, run_id DESC LIMIT 1")
    return rows[0][0], rows[0][1]


def test_a_deleted_staging_copy_is_never_recreated_and_nothing_is_published(tmp_path: Path) -> None:
    live = tmp_path / "c.duckdb"
    before = _live_database(live)
    assert before[0] == 5 and before[1] > 20
    staging = store.staging_path(live)
    with pytest.raises(store.PublishRefusedError, match="is gone"), store.open_run(live, ["x"], "v-test") as run:
        staging.unlink()
        with pytest.raises(FileNotFoundError):
            run.connect()  # a stage opening the staging copy does not make an empty one
        assert not staging.exists()
        run.publish()
    assert _counts(live) == before
    status, reason = _last_run(live)
    assert status == "failed" and reason is not None and "staging copy" in reason and "gone" in reason


def test_publish_refuses_a_staging_copy_that_is_not_this_runs_or_lost_data(tmp_path: Path) -> None:
    live = tmp_path / "c.duckdb"
    before = _live_database(live)
    staging = store.staging_path(live)
    # An empty database where the staging copy was (what a stage reopening it by path used to create).
    with pytest.raises(store.PublishRefusedError, match="row in runs"), store.open_run(live, ["x"], "v-test") as run:
        staging.unlink()
        connect(staging).close()
        run.publish()
    assert _counts(live) == before and not staging.exists()
    assert _last_run(live)[0] == "failed"

    # This run's copy, but with claims gone that the run had to keep.
    with pytest.raises(store.PublishRefusedError, match="fewer than"), store.open_run(live, ["x"], "v-test") as run:
        with contextlib.closing(run.connect()) as con:
            con.execute("DELETE FROM claims WHERE article_id = '003'")
        run.publish()
    assert _counts(live) == before and not staging.exists()
    status, reason = _last_run(live)
    assert status == "failed" and reason is not None and f"{before[1]} claims" in reason

    # A new extractor version extracts every article again and may find fewer claims: that is published.
    with store.open_run(live, ["x"], "v-next") as run:
        with contextlib.closing(run.connect()) as con:
            con.execute("DELETE FROM claims WHERE article_id = '003'")
        run.publish()
    assert _counts(live)[0] == before[0] and _counts(live)[1] < before[1]
    assert _last_run(live)[0] == "completed"


@pytest.mark.slow
def test_a_flow_whose_staging_copy_is_deleted_between_stages_fails_and_keeps_the_live_data(seeded_copy: Path) -> None:
    from corroborate.run.options import RunOptions
    from corroborate.run.progress import listening
    from flows.nightly import nightly

    before = _counts(seeded_copy)
    staging = store.staging_path(seeded_copy)

    def delete_staging(stage: str, done: int, total: int) -> None:
        if stage == "extract" and done == 0:  # ingest is done and closed its connection
            staging.unlink()

    with listening(delete_staging), pytest.raises(Exception, match="staging|gone|No such file"):
        nightly(RunOptions(db_path=seeded_copy))
    assert _counts(seeded_copy) == before
    assert not staging.exists()
    status, reason = _last_run(seeded_copy)
    assert status == "failed" and reason is not None


# --- 12. a full disk ------------------------------------------------------------------------------


@contextlib.contextmanager
def _small_disk(tmp_path: Path, size: str = "8m") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted in ``tmp_path`` (skips the test where mounting is not allowed)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(disk)], capture_output=True, text=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True, check=False)


def _fill(disk: Path, name: str, leave: int) -> Path:
    """A file that leaves ``leave`` bytes free on ``disk``."""
    stats = os.statvfs(disk)
    filler = disk / name
    filler.write_bytes(b"\0" * max(0, stats.f_bavail * stats.f_frsize - leave))
    return filler


def test_a_full_disk_while_copying_fails_the_run_removes_the_staging_copy_and_the_next_run_works(
    tmp_path: Path,
) -> None:
    with _small_disk(tmp_path) as disk:
        live = disk / "c.duckdb"
        before = _live_database(live)
        filler = _fill(disk, "filler", leave=live.stat().st_size // 2)  # room for half a staging copy
        with pytest.raises(OSError, match="No space left") as raised, store.open_run(live, ["x"], "v-test") as run:
            run.publish()
        assert raised.value.errno == errno.ENOSPC
        assert not store.staging_path(live).exists()
        assert _counts(live) == before
        status, reason = _last_run(live)
        assert status == "failed" and reason is not None and "No space left" in reason

        filler.unlink()
        with store.open_run(live, ["x"], "v-test") as run:
            run.publish()
        assert _last_run(live)[0] == "completed" and _counts(live) == before


def test_a_full_disk_while_a_stage_writes_fails_the_run_and_removes_the_staging_copy(tmp_path: Path) -> None:
    with _small_disk(tmp_path) as disk:
        live = disk / "c.duckdb"
        before = _live_database(live)
        with pytest.raises(duckdb.Error, match="No space left"), store.open_run(live, ["x"], "v-test") as run:
            filler = _fill(disk, "filler", leave=64 * 1024)
            with contextlib.closing(run.connect()) as con:
                con.execute("CREATE TABLE big AS SELECT repeat('x', 500) || i AS s FROM range(200000) AS t(i)")
                con.execute("CHECKPOINT")
            run.publish()
        staging = store.staging_path(live)
        assert not staging.exists() and not Path(str(staging) + ".wal").exists()
        assert _counts(live) == before and _last_run(live)[0] == "failed"
        filler.unlink()
        with store.open_run(live, ["x"], "v-test") as run:
            run.publish()
        assert _last_run(live)[0] == "completed"


@pytest.mark.slow  # CLI processes, one per case
def test_a_full_disk_fails_a_cli_run_with_one_line_and_the_next_run_works(tmp_path: Path) -> None:
    from corroborate.extract.version import EXTRACTOR_VERSION
    from corroborate.run import stages
    from corroborate.run.options import RunOptions

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with _small_disk(tmp_path) as disk:
        live = disk / "c.duckdb"
        before = _live_database(live, EXTRACTOR_VERSION)
        # The last completed run read this (empty) inbox: a re-run is checked and recorded without Prefect.
        options = RunOptions(inputs=(inbox,), db_path=live)
        with contextlib.closing(connect(live)) as con:
            con.execute(
                "UPDATE runs SET input_fingerprint = ?, link_fingerprint = ?",
                [stages.input_fingerprint(options, EXTRACTOR_VERSION), stages.link_fingerprint(con, options)],
            )
        filler = _fill(disk, "filler", leave=live.stat().st_size // 2)
        done = run_cli("run", str(inbox), "--db", str(live), "--quiet")
        assert done.returncode == 1, done.stderr
        assert done.stderr.count("\n") == 1 and "No space left" in done.stderr and "Traceback" not in done.stderr
        assert not store.staging_path(live).exists()
        assert _last_run(live)[0] == "failed" and _counts(live) == before

        filler.unlink()
        again = run_cli("run", str(inbox), "--db", str(live), "--quiet")
        assert again.returncode == 0, again.stderr
        assert _last_run(live)[0] == "completed" and _counts(live) == before


# --- 13. one line, exit 2, before Prefect: a corrupt database, an unwritable --keep-db, a held lock ----


def _one_line_error(done: subprocess.CompletedProcess[str]) -> bool:
    return done.stderr.count("\n") == 1 and done.stderr.startswith("error: ") and "Traceback" not in done.stderr


@pytest.mark.slow  # CLI processes, one per case
def test_a_run_on_a_corrupt_database_is_refused_in_one_line_before_prefect(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(GOOD, encoding="utf-8")
    garbage = bytearray(os.urandom(300_000))
    garbage[8:12] = b"DUCK"  # starts like a DuckDB file
    real = tmp_path / "real.duckdb"
    _live_database(real)
    truncated = real.read_bytes()[:20_000]  # a real database's first blocks only
    for name, content in (("garbage.duckdb", bytes(garbage)), ("truncated.duckdb", truncated)):
        target = tmp_path / name
        target.write_bytes(content)
        started = time.monotonic()
        done = run_cli("run", str(inbox), "--db", str(target), "--quiet")
        assert done.returncode == 2, (name, done.stderr)
        assert _one_line_error(done) and "cannot be opened" in done.stderr and str(target) in done.stderr, done.stderr
        assert time.monotonic() - started < 10  # no Prefect server was started
        assert target.read_bytes() == content
        assert not store.staging_path(target).exists()


def _tiny_corpus(root: Path) -> Path:
    story = root / "corpus" / "story"
    (story / "articles").mkdir(parents=True)
    (story / "articles" / "a.json").write_text(json.dumps({"id": "a", "text": GOOD}), encoding="utf-8")
    (story / "gold_claims.jsonl").write_text("", encoding="utf-8")
    return root / "corpus"


@pytest.mark.slow  # CLI processes, one per case
def test_eval_keep_db_on_an_unwritable_path_is_refused_in_one_line(tmp_path: Path) -> None:
    corpus = _tiny_corpus(tmp_path)
    a_file = tmp_path / "a-file.txt"
    a_file.write_text("x", encoding="utf-8")
    targets = [Path("/proc/kept.duckdb"), a_file / "kept.duckdb"]
    read_only = tmp_path / "ro"
    read_only.mkdir()
    if (
        subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(read_only)], check=False).returncode
        == 0
    ):
        targets.append(read_only / "kept.duckdb")
    try:
        for target in targets:
            done = run_cli("eval", str(corpus), "--outcomes", "--keep-db", str(target))
            assert done.returncode == 2, (target, done.stderr)
            assert _one_line_error(done) and "--keep-db" in done.stderr, done.stderr
            assert not target.exists()
    finally:
        subprocess.run(["umount", "-l", str(read_only)], capture_output=True, check=False)


@pytest.mark.slow
def test_a_second_run_is_refused_at_once_while_the_first_is_starting_prefect(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(GOOD, encoding="utf-8")
    db_path = tmp_path / "c.duckdb"
    first = subprocess.Popen(
        [sys.executable, "cli.py", "run", str(inbox), "--db", str(db_path)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert first.stderr is not None
        line = first.stderr.readline()
        assert "starting Prefect" in line, line  # the first run is past its checks, Prefect is starting
        started = time.monotonic()
        second = run_cli("run", str(inbox), "--db", str(db_path), "--quiet")
        waited = time.monotonic() - started
        assert second.returncode == 1 and "another run is writing" in second.stderr, second.stderr
        assert second.stderr.count("\n") == 1
        assert waited < 8  # refused before starting Prefect
    finally:
        first.kill()
        first.wait(timeout=60)


# --- 14. an output never takes a database's companion file -----------------------------------------


@pytest.mark.slow  # CLI processes, one per case
def test_report_never_writes_a_databases_lock_staging_copy_or_write_ahead_log(tmp_path: Path) -> None:
    live = tmp_path / "c.duckdb"
    _live_database(live)
    with store.run_lock(live):
        pass  # a run leaves its lock file
    lock = store.lock_path(live)
    lock_inode, lock_text = lock.stat().st_ino, lock.read_text(encoding="utf-8")
    staging = store.staging_path(live)
    existing_wal = tmp_path / "c.duckdb.wal"
    existing_wal.write_bytes(b"wal bytes")
    for out in (lock, staging, existing_wal, Path(str(staging) + ".wal"), tmp_path / "other.duckdb.LOCK"):
        for force in (["--force"], []):
            done = run_cli("report", "--db", str(live), "--out", str(out), *force)
            assert done.returncode == 2, (out, force, done.stderr)
            assert _one_line_error(done) and "lock, staging copy or write-ahead log" in done.stderr, done.stderr
    assert lock.stat().st_ino == lock_inode and lock.read_text(encoding="utf-8") == lock_text
    assert existing_wal.read_bytes() == b"wal bytes"
    assert not staging.exists() and not Path(str(staging) + ".wal").exists()
    # --screenshot is checked the same way.
    shot = run_cli("report", "--db", str(live), "--out", str(tmp_path / "r.html"), "--screenshot", str(lock))
    assert shot.returncode == 2 and "--screenshot" in shot.stderr
    assert lock.stat().st_ino == lock_inode


# --- 15. the query guard decides on DuckDB's own parse -------------------------------------------

_FORBIDDEN = [
    "IMPORT DATABASE '/tmp/exported'",
    "EXPORT DATABASE '/tmp/exported'",
    "COPY articles TO '/tmp/articles.csv'",
    "COPY articles FROM '/tmp/articles.csv'",
    "COPY (SELECT 1) TO '/tmp/one.csv'",
    "COPY FROM DATABASE live TO other",
    "ATTACH '/tmp/other.duckdb' AS other",
    "DETACH other",
    "USE memory",
    "SET enable_external_access = true",
    "RESET threads",
    "INSTALL httpfs",
    "LOAD httpfs",
    "UPDATE EXTENSIONS",
    "CREATE TABLE t (a INTEGER)",
    "CREATE SECRET s (TYPE s3)",
    "INSERT INTO articles SELECT * FROM articles",
    "UPDATE articles SET text = ''",
    "DELETE FROM articles",
    "DROP TABLE claims",
    "ALTER TABLE claims RENAME TO gone",
    "CALL pragma_version()",
    "CHECKPOINT",
    "VACUUM",
    "PRAGMA enable_profiling",
    "PRAGMA threads = 1",
    "EXPLAIN ANALYZE DELETE FROM articles",
    "EXPLAIN ANALYZE UPDATE EXTENSIONS",
    "PREPARE p AS DELETE FROM articles",
    "BEGIN TRANSACTION",
]
_ALLOWED = [
    "SELECT count(*) FROM articles",
    "FROM articles SELECT count(*)",
    "SHOW TABLES",
    "DESCRIBE claims",
    "EXPLAIN SELECT * FROM claims",
    "EXPLAIN (FORMAT json) SELECT 1",
    "PRAGMA show_tables",
    "PRAGMA table_info('claims')",
]
# Comments a reader (or a regular expression) may take for the statement: DuckDB nests block comments.
_BEFORE = [
    "",
    "/* */ ",
    "/* PRAGMA show_tables */ ",
    "/* /* */ PRAGMA show_tables */ ",
    "/* /* */ SELECT 1; */ ",
    "/* /* /* */ */ EXPLAIN SELECT 1 */",
    "/*/**/*/",
    "-- SELECT 1\n",
    "-- /*\n",
    "/* -- */ ",
    "\n\t /* a */\n -- b\n  ",
    "/* /* */ */ -- PRAGMA version\n",
]
_AFTER = ["", ";", " -- trailing", " /* /* */ SELECT 1 */", ";\n-- done\n", "\n/* ; */"]


def _cases(statement: str) -> list[str]:
    spellings = [
        statement,
        statement.lower(),
        "".join(c.upper() if i % 2 else c.lower() for i, c in enumerate(statement)),
    ]
    return [before + spelled + after for before in _BEFORE for spelled in spellings for after in _AFTER]


def test_the_query_guard_refuses_writes_whatever_the_comments_around_them() -> None:
    checked = 0
    for statement in _FORBIDDEN:
        for sql in _cases(statement):
            assert len(duckdb.extract_statements(sql)) == 1, sql  # one statement, as DuckDB parses it
            with pytest.raises(readonly.QueryRefusedError, match="refused"):
                readonly.check_statement(sql)
            checked += 1
    for statement in _ALLOWED:
        for sql in _cases(statement):
            assert readonly.check_statement(sql) == sql
            checked += 1
    assert checked > 5000


@pytest.mark.slow  # CLI processes, one per case
def test_query_refuses_nested_comment_tricks_and_unknown_statements_in_one_line(tmp_path: Path) -> None:
    live = tmp_path / "c.duckdb"
    before = _live_database(live)
    # A database export whose import would write into the live file.
    exported = tmp_path / "exported"
    with contextlib.closing(duckdb.connect()) as scratch:
        scratch.execute("CREATE TABLE evil AS SELECT 1 AS x")
        scratch.execute(f"EXPORT DATABASE '{exported}'")
    victim = tmp_path / "victim.csv"
    for sql in [
        f"/* /* */ PRAGMA show_tables */ IMPORT DATABASE '{exported}'",
        f"/* /* */ PRAGMA version */ copy articles to '{victim}'",
        f"-- PRAGMA show_tables\nEXPORT DATABASE '{tmp_path / 'out'}'",
        "UPDATE EXTENSIONS",
        "/* /* */ SELECT 1 */ update extensions",
    ]:
        for files in ([], ["--allow-files"]):
            done = run_cli("query", "--db", str(live), *files, "--", sql)
            assert done.returncode == 2, (sql, files, done.stderr)
            assert _one_line_error(done) and "refused" in done.stderr, done.stderr
    assert _counts(live) == before
    assert query(live, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'evil'") == [(0,)]
    assert not victim.exists() and not (tmp_path / "out").exists()

    ordinary = run_cli("query", "/* /* */ */ SELECT count(*) AS n FROM articles -- all", "--db", str(live), "-f", "csv")
    assert ordinary.returncode == 0, ordinary.stderr
    assert ordinary.stdout.splitlines() == ["n", str(before[0])]


# --- 16. a file or folder name that is not UTF-8, given on the command line --------------------------


def _badly_named(folder: Path) -> tuple[Path, Path]:
    """A file and a folder (holding a file) whose names are Latin-1 bytes, not UTF-8."""
    base = os.fsencode(folder)
    with open(os.path.join(base, b"caf\xe9.txt"), "wb") as handle:
        handle.write((GOOD + " Quatrième.").encode("utf-8"))
    os.mkdir(os.path.join(base, b"r\xe9gion"))
    with open(os.path.join(base, b"r\xe9gion", b"note.txt"), "wb") as handle:
        handle.write((GOOD + " Cinquième.").encode("utf-8"))
    return Path(os.fsdecode(os.path.join(base, b"caf\xe9.txt"))), Path(os.fsdecode(os.path.join(base, b"r\xe9gion")))


def test_run_options_carry_a_name_that_is_not_utf8_as_utf8_json(tmp_path: Path) -> None:
    from corroborate.run.options import RunOptions

    bad_file, bad_folder = _badly_named(tmp_path)
    options = RunOptions(inputs=(bad_file, bad_folder, tmp_path / "plain.txt"), db_path=tmp_path / "c.duckdb")
    as_json = options.to_json()
    text = json.dumps(as_json, ensure_ascii=False).encode("utf-8")  # what Prefect sends its server
    assert RunOptions.from_json(json.loads(text)) == options
    assert as_json["inputs"][2] == str(tmp_path / "plain.txt")


@pytest.mark.slow
def test_a_name_that_is_not_utf8_on_the_command_line_is_rejected_and_the_run_goes_on(tmp_path: Path) -> None:
    bad_file, bad_folder = _badly_named(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    db_path = tmp_path / "c.duckdb"
    argv = [sys.executable, "cli.py", "run", os.fsencode(bad_file), os.fsencode(bad_folder), str(good)]
    done = subprocess.run(
        [*argv, "--db", str(db_path), "--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "rejected=2" in done.stdout
    assert query(db_path, "SELECT status FROM runs") == [("completed",)]
    rejected = query(db_path, "SELECT source_path, reason FROM ingest_log WHERE status = 'rejected' ORDER BY 1")
    assert [Path(p).name for p, _ in rejected] == ["caf\\xe9.txt", "note.txt"]
    assert all("not valid UTF-8" in reason for _, reason in rejected)
    assert query(db_path, "SELECT count(*) FROM articles") == [(1,)]
    inputs = query(db_path, "SELECT inputs FROM runs")[0][0]
    assert inputs[0].endswith("caf\\xe9.txt") and inputs[1].endswith("r\\xe9gion")

    again = subprocess.run(  # nothing new: recorded without Prefect, the same way
        [*argv, "--db", str(db_path), "--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )
    assert again.returncode == 0, again.stderr
    assert query(db_path, "SELECT status FROM runs") == [("completed",), ("completed",)]


@pytest.mark.slow
def test_a_duckdb_file_no_run_wrote_is_refused_by_every_reading_command(tmp_path: Path) -> None:
    foreign = tmp_path / "other.duckdb"
    with contextlib.closing(duckdb.connect(str(foreign))) as con:
        con.execute("CREATE TABLE inventory (item VARCHAR, count INTEGER)")
        con.execute("INSERT INTO inventory VALUES ('bolts', 12)")
    for command in (["score"], ["validate"], ["query", "SELECT 1"], ["explain", "Pentagon"]):
        done = run_cli(*command, "--db", str(foreign))
        assert done.returncode == 2, (command, done.stdout, done.stderr)
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and "no corroborate run wrote" in lines[0], (command, done.stderr)
    with contextlib.closing(duckdb.connect(str(foreign), read_only=True)) as con:
        assert con.execute("SELECT * FROM inventory").fetchall() == [("bolts", 12)]  # left as it was


# --- extract applies the guards of a run ---------------------------------------------------------


def _one_sentence(size: int) -> str:
    """One French sentence of about ``size`` bytes, with a figure in it: no full stop until the end."""
    clause = "le chômage a baissé de 3 % selon le ministre"
    return "Le ministère a déclaré que " + ", ".join([clause] * (size // (len(clause.encode()) + 2))) + "."


@pytest.mark.slow
def test_extract_rejects_an_article_a_run_rejects_and_extracts_the_others(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    big = _one_sentence(2_000_000)
    assert len(big) > 1_000_000  # over the articles suite's length, under the default --max-bytes
    (inputs / "big.json").write_text(json.dumps({"id": "big", "text": big}), encoding="utf-8")
    (inputs / "feed.jsonl").write_text(
        json.dumps({"id": "good", "text": GOOD}) + "\n" + json.dumps({"id": "big-2", "text": big + " Fin."}) + "\n",
        encoding="utf-8",
    )
    done = run_cli("extract", str(inputs), "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "error" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 2, done.stderr
    assert lines[0].startswith(f"rejected {inputs / 'big.json'}: failed expect_column_value_lengths_to_be_between")
    assert lines[1].startswith(f"rejected {inputs / 'feed.jsonl'}: line 2: failed expect_column_value_lengths")
    claims = [json.loads(line) for line in done.stdout.splitlines()]
    assert claims and {claim["external_id"] for claim in claims} == {"good"}

    # --max-bytes rejects as it does in a run, when the file is read.
    small = run_cli("extract", str(inputs / "big.json"), "--max-bytes", "1000")
    assert small.returncode == 0, small.stderr
    assert small.stderr.startswith(f"rejected {inputs / 'big.json'}: file is ")
    assert "over the limit of 1,000 bytes" in small.stderr
    assert small.stdout == ""


# --- standard output: a reader that closes early, or none at all -----------------------------------


def _cli_env(unbuffered: bool = False) -> dict[str, str]:
    """The environment of a user's shell: Python's output buffered, unless ``unbuffered`` (``python -u``)."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    return {**env, "PYTHONUNBUFFERED": "1"} if unbuffered else env


def _read_then_close(args: list[str], lines: int, *, unbuffered: bool = False) -> tuple[list[bytes], int, str]:
    """Run ``cli.py *args``, read ``lines`` lines of its output (0: none) and close the pipe, like ``| head``."""
    process = subprocess.Popen(
        [sys.executable, "cli.py", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_cli_env(unbuffered),
    )
    assert process.stdout is not None and process.stderr is not None
    read = [process.stdout.readline() for _ in range(lines)]
    process.stdout.close()
    stderr = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    return read, process.wait(timeout=600), stderr


@pytest.mark.slow
def test_a_reader_that_closes_early_ends_a_command_quietly_with_exit_0(seeded_db: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "c.duckdb"
    connect(db_path).close()
    many = ["query", "SELECT range AS n FROM range(300000)", "--db", str(db_path), "--format", "csv"]
    for unbuffered in (False, True):
        read, code, stderr = _read_then_close(many, 2, unbuffered=unbuffered)  # `| head -2`
        assert read == [b"n\n", b"0\n"]
        assert (code, stderr) == (0, ""), unbuffered
    # A reader gone before the first line: a rich table, JSON, and `explain`'s header lines.
    for args in (
        ["score", "--db", str(db_path)],
        ["score", "--db", str(seeded_db), "--format", "json"],
        ["explain", "Pentagone", "--db", str(seeded_db)],
    ):
        _, code, stderr = _read_then_close(args, 0)
        assert (code, stderr) == (0, ""), args


@pytest.mark.slow
def test_a_standard_output_closed_from_the_start_is_an_error_in_one_line(tmp_path: Path) -> None:
    db_path = tmp_path / "c.duckdb"
    connect(db_path).close()
    closed = subprocess.run(
        ["sh", "-c", 'exec "$0" cli.py score --db "$1" >&-', sys.executable, str(db_path)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
        env=_cli_env(),
        timeout=600,
        check=False,
    )
    assert closed.returncode == 1
    assert closed.stderr.count("\n") == 1 and closed.stderr.startswith("error: standard output is closed")
    # An output that goes nowhere on purpose is not closed.
    discarded = subprocess.run(
        [sys.executable, "cli.py", "score", "--db", str(db_path)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=_cli_env(),
        timeout=600,
        check=False,
    )
    assert (discarded.returncode, discarded.stderr) == (0, "")

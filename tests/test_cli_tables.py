"""The command line as a desk uses it: tables that fit, honest numbers, explain that tells the story,
and the sqlite-utils conventions (--nl, -p, --file, --version). Real database, real processes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborate.present.output import format_number
from helpers import run_cli


def _width(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


# 1. Tables that fit a terminal


@pytest.mark.slow
def test_score_table_shows_the_readable_columns_and_fits_80_columns(seeded_db: Path) -> None:
    done = run_cli("score", "--db", str(seeded_db), env={"COLUMNS": "80"})
    assert done.returncode == 0, done.stderr
    assert _width(done.stdout) <= 80
    header = " ".join(done.stdout.splitlines()[1:4])
    for word in ("source", "under", "claims", "score", "interval"):
        assert word in header
    for internal in ("method", "run_id", "source_id", "src_", "simple  "):
        assert internal not in done.stdout.split("\n", 1)[1]
    assert "0.03–0.78" in done.stdout  # the 90% interval in one cell


@pytest.mark.slow
def test_score_under_one_kind_has_no_kind_column_and_piped_tables_use_100_columns(seeded_db: Path) -> None:
    done = run_cli("score", "--kind", "official", "--all", "--db", str(seeded_db), env={"COLUMNS": ""})
    assert done.returncode == 0, done.stderr
    assert _width(done.stdout) == 100  # off a terminal and without $COLUMNS: 100, never 10,000
    wide = run_cli("score", "--all", "--db", str(seeded_db), env={"COLUMNS": "160"})
    assert _width(wide.stdout) == 160 and "run_id" in wide.stdout
    official = run_cli("score", "--kind", "official", "--db", str(seeded_db), env={"COLUMNS": "100"})
    assert "outlet" not in official.stdout and " kind " not in official.stdout


@pytest.mark.slow
def test_score_columns_choose_and_unknown_columns_are_usage_errors(seeded_db: Path) -> None:
    done = run_cli("score", "--columns", "rank,source", "-c", "score", "--format", "csv", "--db", str(seeded_db))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "rank,source,score"
    assert done.stdout.splitlines()[1].startswith("1,")
    bad = run_cli("score", "--columns", "nonsense", "--db", str(seeded_db))
    assert bad.returncode == 2 and "no column nonsense" in bad.stderr and "ci_low" in bad.stderr


@pytest.mark.slow
def test_explain_prints_one_row_per_claim_within_100_columns(seeded_db: Path) -> None:
    done = run_cli("explain", "Pentagone", "--db", str(seeded_db), env={"COLUMNS": "100"})
    assert done.returncode == 0, done.stderr
    assert _width(done.stdout) <= 100
    data = json.loads(run_cli("explain", "Pentagone", "--format", "json", "--db", str(seeded_db)).stdout)
    claims = len(data["claims"])
    # a header of a few lines, a title, the column header, a rule, then at most two lines per claim
    assert len(done.stdout.splitlines()) <= 12 + 2 * claims
    assert done.stdout.count("unresolved") + done.stdout.count("corroborated") + done.stdout.count("revised") >= claims


# 2. Numbers that read the same in every language


def test_numbers_never_use_a_dot_for_thousands() -> None:
    assert format_number(100.0) == "100"
    assert format_number(100_000.0) == "100,000"
    assert format_number(725.0) == "725"
    assert format_number(12_000) == "12,000"
    assert format_number(2.5) == "2.5"
    assert format_number(1234.56) == "1,234.56"
    assert format_number(0.3333333) == "0.333"
    assert format_number(0.5, 2) == "0.50"


@pytest.mark.slow
def test_query_tables_print_whole_numbers_without_decimals_and_json_keeps_raw(seeded_db: Path) -> None:
    sql = "SELECT 100.0::DOUBLE AS soldiers, 100000.0::DOUBLE AS troops, 725.0::DOUBLE AS km2, 2.5::DOUBLE AS half"
    table = run_cli("query", sql, "--db", str(seeded_db), env={"COLUMNS": "100"})
    assert table.returncode == 0, table.stderr
    row = table.stdout.splitlines()[-1].split()
    assert row == ["100", "100,000", "725", "2.5"]
    raw = json.loads(run_cli("query", sql, "--format", "json", "--db", str(seeded_db)).stdout)
    assert raw == [{"soldiers": 100.0, "troops": 100000.0, "km2": 725.0, "half": 2.5}]


# 5. explain matching and its story


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("Korea", {"South Korea", "North Korea"}), ("Pentagonn", {"Pentagon"}), ("Singh", {"Sabrina Singh"})],
)
@pytest.mark.slow
def test_explain_inexact_names_list_candidates_and_exit_2(seeded_db: Path, typed: str, expected: set[str]) -> None:
    done = run_cli("explain", typed, "--db", str(seeded_db))
    assert done.returncode == 2
    assert done.stdout == ""  # nothing printed under a title the user did not ask for
    for name in expected:
        assert name in done.stderr


@pytest.mark.slow
def test_explain_unknown_name_exits_2_with_a_hint(seeded_db: Path) -> None:
    done = run_cli("explain", "Nobody Atall", "--db", str(seeded_db))
    assert done.returncode == 2 and "no source is called 'Nobody Atall'" in done.stderr


@pytest.mark.slow
def test_explain_exact_alias_tells_who_under_whom_score_and_why(seeded_db: Path) -> None:
    done = run_cli("explain", "pentagone", "--db", str(seeded_db), env={"COLUMNS": "100"})
    assert done.returncode == 0, done.stderr
    head = done.stdout.split("Claims of", 1)[0]
    assert head.startswith("Pentagon (official)")
    assert "Also called:" in head and "Department of Defense" in head
    assert "Under: US government" in head
    assert "Score 0.50 (90% interval 0.05–0.95)" in head
    assert "answers for" in head
    us = run_cli("explain", "US government", "--db", str(seeded_db), env={"COLUMNS": "100"})
    # the revised claim names the claim that decided it: who, when, which figure, and why in words
    revised_row = " ".join(us.stdout.split("revised ", 2)[-1].split("\n")[:3])
    assert "Pentagon," in revised_row and "2024-10-30: 10 000" in revised_row and "incompatible" in revised_row
    outlet = run_cli("explain", "ATS", "--db", str(seeded_db), env={"COLUMNS": "100"})
    assert "As an outlet, ATS answers for every figure it published" in outlet.stdout


@pytest.mark.slow
def test_explain_json_has_the_header_and_every_piece_of_evidence(seeded_db: Path) -> None:
    done = run_cli("explain", "US government", "--format", "json", "--db", str(seeded_db))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    # every claim is listed; copies of one figure in one dispatch are marked and counted once, as the score does
    assert data["source"]["name"] == "US government"
    assert data["source"]["claims"] == sum(c["counted"] for c in data["claims"]) < len(data["claims"])
    revised = [c for c in data["claims"] if c["outcome"] == "revised"]
    assert revised and revised[0]["decided_by_source"] and revised[0]["evidence"]
    assert any(e["decisive"] for e in revised[0]["evidence"])


# 6. Conventions of sqlite-utils and datasette


@pytest.mark.slow
def test_nl_prints_one_json_object_per_line_on_score_explain_query(seeded_db: Path) -> None:
    for args in (["score"], ["explain", "Pentagon"], ["query", "SELECT * FROM claims"]):
        done = run_cli(*args, "--nl", "--db", str(seeded_db))
        assert done.returncode == 0, done.stderr
        lines = done.stdout.splitlines()
        assert len(lines) >= 2
        assert all(isinstance(json.loads(line), dict) for line in lines)
    both = run_cli("score", "--nl", "--format", "csv", "--db", str(seeded_db))
    assert both.returncode == 2


@pytest.mark.slow
def test_query_binds_parameters_and_reads_sql_from_a_file(seeded_db: Path, tmp_path: Path) -> None:
    sql = "SELECT count(*) AS n FROM claims WHERE source = $who"
    singh = run_cli("query", sql, "-p", "who", "Sabrina Singh", "--nl", "--db", str(seeded_db))
    assert singh.returncode == 0, singh.stderr
    assert json.loads(singh.stdout)["n"] >= 1
    injected = run_cli("query", sql, "-p", "who", "x' OR 1=1 --", "--nl", "--db", str(seeded_db))
    assert json.loads(injected.stdout) == {"n": 0}  # a value, never SQL
    script = tmp_path / "q.sql"
    script.write_text("SELECT $a::INTEGER + $b::INTEGER AS total\n", encoding="utf-8")
    total = run_cli(
        "query", "--file", str(script), "-p", "a", "40", "--param", "b", "2", "--nl", "--db", str(seeded_db)
    )
    assert json.loads(total.stdout) == {"total": 42}
    missing = run_cli("query", "--db", str(seeded_db))
    assert missing.returncode == 2


@pytest.mark.slow
def test_version_and_every_help_has_an_example() -> None:
    from corroborate import __version__

    done = run_cli("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"corroborate {__version__}"
    for command in ("score", "explain", "query", "schedule", "run", "report"):
        helped = run_cli(command, "--help", env={"COLUMNS": "200"})
        assert helped.returncode == 0 and "Example:" in helped.stdout, command


# 3. A first line at once


@pytest.mark.slow
def test_run_says_at_once_that_prefect_starts_before_any_stage(seeded_copy: Path) -> None:
    import os
    import subprocess
    import sys
    import time

    from helpers import ROOT

    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    start = time.perf_counter()
    proc = subprocess.Popen(  # another method: something new, so the run goes through Prefect
        [sys.executable, "cli.py", "run", "--db", str(seeded_copy), "--method", "iterative"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    first = proc.stderr.readline()
    waited = time.perf_counter() - start
    out, rest = proc.communicate(timeout=600)
    assert proc.returncode == 0, rest
    assert "starting Prefect's temporary server — set PREFECT_API_URL to use a running one" in first
    assert waited < 3.0  # about 0.3 s here; generous for a loaded machine, far below Prefect's ~10 s start-up
    assert "ingest" in rest and "ingest" not in first

"""What a desk sees at a terminal: tables that never cut a number or hide a column without saying so,
terminals that report no width, piped tables without padding. Real runs, real processes, real files."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from corroborate.present.output import format_number
from helpers import ROOT, run_cli

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.fixture(scope="module")
def desk_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A database written by one real `run` of the command line on seeds/ (read it, do not write it)."""
    path = tmp_path_factory.mktemp("desk") / "corroborate.duckdb"
    done = run_cli("run", "--db", str(path), "--quiet")
    assert done.returncode == 0, done.stderr
    yield path


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _whole(number: str, text: str) -> bool:
    """``number`` (as a table prints it) stands whole in ``text``: no digit, comma or dot glued to either side."""
    return re.search(rf"(?<![\d,.]){re.escape(number)}(?![\d,.])", text) is not None


def _shown_numbers(
    table: str, rows: list[dict[str, str]], columns: list[str], numeric: set[str]
) -> list[tuple[str, str]]:
    """(column, printed number) of every numeric cell of ``columns``, and assert each appears whole."""
    seen = []
    for row in rows:
        for name in columns:
            if name in numeric and row[name] != "":
                printed = format_number(float(row[name]))
                assert _whole(printed, table), (name, printed, table)
                seen.append((name, printed))
    return seen


def _left_out(note: str) -> list[str]:
    found = re.search(r"columns left out to fit \d+ columns: (.+?) \(", note)
    assert found, note
    return found.group(1).split(", ")


@pytest.mark.slow
def test_query_tables_print_every_number_whole_and_say_which_columns_they_leave_out(desk_db: Path) -> None:
    sql = "SELECT * FROM claims ORDER BY value DESC"
    table = run_cli("query", sql, "--db", str(desk_db), env={"COLUMNS": "100"})
    assert table.returncode == 0, table.stderr
    rows = _csv_rows(run_cli("query", sql, "-f", "csv", "--db", str(desk_db)).stdout)
    every = list(rows[0])
    assert "note:" in table.stderr and "-f csv" in table.stderr and "--columns" in table.stderr
    left_out = _left_out(table.stderr)
    shown = [name for name in every if name not in left_out]
    assert left_out == every[len(shown) :]  # the last columns, whole
    header = " ".join(table.stdout.splitlines()[:3])
    for name in shown:
        assert name.split("_")[0] in header, name
    numeric = {"value", "value_low", "value_high", "char_start", "char_end", "confidence"}
    printed = _shown_numbers(table.stdout, rows, shown, numeric)
    assert ("value", "20,000,000,000") in printed  # the widest number of the seeds, whole
    assert max(len(line) for line in table.stdout.splitlines()) <= 100
    assert all(line == line.rstrip() for line in table.stdout.splitlines())  # piped: no padding

    # The columns asked for are shown, numbers whole, even at 30 columns: the one that does not fit goes.
    narrow = run_cli("query", sql, "-c", "value,value_low,value_high", "--db", str(desk_db), env={"COLUMNS": "30"})
    assert narrow.returncode == 0, narrow.stderr
    _shown_numbers(narrow.stdout, rows, ["value", "value_low"], numeric)
    assert _left_out(narrow.stderr) == ["value_high"]
    wide = run_cli("query", sql, "--db", str(desk_db), env={"COLUMNS": "2000"})
    assert wide.stderr == ""  # everything fits: no note
    _shown_numbers(wide.stdout, rows, every, numeric)


@pytest.mark.slow
def test_extract_table_prints_ten_thousand_whole() -> None:
    table = run_cli("extract", "seeds", "-f", "table", env={"COLUMNS": "100"})
    assert table.returncode == 0, table.stderr
    rows = _csv_rows(run_cli("extract", "seeds", "-f", "csv").stdout)
    left_out = _left_out(table.stderr)
    shown = [name for name in rows[0] if name not in left_out]
    assert "value" in shown
    printed = _shown_numbers(table.stdout, rows, shown, {"value", "value_low", "value_high"})
    assert ("value", "10,000") in printed


def _on_a_new_terminal(*args: str, env: dict[str, str] | None = None, stderr_too: bool = False) -> tuple[int, str, str]:
    """Run ``cli.py`` with its stdout (and its stderr when ``stderr_too``) on a fresh pseudo-terminal, which
    reports 0 rows and 0 columns; returns the exit code, what the terminal got and the piped stderr."""
    import pty

    leader, follower = pty.openpty()
    assert os.get_terminal_size(follower).columns == 0
    environment = {k: v for k, v in os.environ.items() if k != "COLUMNS"} | (env or {})
    proc = subprocess.Popen(
        [sys.executable, "cli.py", *args],
        cwd=ROOT,
        stdout=follower,
        stderr=follower if stderr_too else subprocess.PIPE,
        text=True,
        env=environment,
    )
    os.close(follower)
    chunks: list[bytes] = []

    def read() -> None:
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal is closed once the process ends
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=read)
    reader.start()
    _, err = proc.communicate(timeout=600)
    err = err or ""
    reader.join(timeout=60)
    os.close(leader)
    return proc.returncode, b"".join(chunks).decode("utf-8").replace("\r\n", "\n"), err


@pytest.mark.slow
def test_a_terminal_of_no_width_gets_100_columns(desk_db: Path) -> None:
    for args, expected in (
        (["score"], "US government"),
        (["explain", "Pentagon"], "Claims of Pentagon"),
        (["query", "SELECT source, value FROM claims"], "20,000,000,000"),
    ):
        code, out, err = _on_a_new_terminal(*args, "--db", str(desk_db))
        assert code == 0, err
        assert expected in out, args
        plain = ANSI.sub("", out)
        assert 0 < max(len(line) for line in plain.splitlines()) <= 100, args


# Undecided is not a score


def test_sources_with_no_decided_claim_rank_after_every_scored_source() -> None:
    import polars as pl

    from corroborate.present import score_table, score_view

    stored = pl.DataFrame(  # ranked as stored: by the lower bound, the prior's 0.05 above a poor record
        {
            "source": ["Nobody checked", "Often wrong", "Also unchecked"],
            "corroborated": [0, 0, 0],
            "revised": [0, 4, 0],
            "score": [0.5, 0.1, 0.5],
            "ci_low": [0.05, 0.01, 0.05],
            "ci_high": [0.95, 0.3, 0.95],
        }
    )
    view = score_view(stored)
    assert view["source"].to_list() == ["Often wrong", "Nobody checked", "Also unchecked"]
    assert view["rank"].to_list() == [1, 2, 3]
    assert view["score"].to_list() == [0.1, 0.5, 0.5]  # the stored numbers, untouched
    shown, note = score_table(view.select("rank", "source", "score", "interval"), view)
    assert shown["score"].to_list() == [0.1, None, None] and shown["interval"].to_list()[1:] == [None, None]
    assert note is not None and "not yet checked" in note
    assert score_table(view.head(1), view.head(1))[1] is None


@pytest.mark.slow
def test_score_table_shows_no_score_for_undecided_sources_and_json_keeps_the_stored_ones(desk_db: Path) -> None:
    import json

    done = run_cli("score", "--db", str(desk_db), env={"COLUMNS": "100"})
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if re.match(r"\s*\d+ ", line)]
    data = json.loads(run_cli("score", "-f", "json", "--db", str(desk_db)).stdout)
    assert len(rows) == len(data)
    decided = [d["corroborated"] + d["revised"] > 0 for d in data]
    assert any(decided) and not all(decided)
    assert decided == sorted(decided, reverse=True)  # every scored source first
    for row, source in zip(rows, data, strict=True):
        if source["corroborated"] + source["revised"] > 0:
            assert f"{source['score']:.2f}" in row and "—" not in row, row
        else:
            assert row.rstrip().endswith("—  —"), row
            assert "0.50" not in row and "0.05–0.95" not in row
            assert source["score"] == 0.5 and source["ci_high"] == 0.95  # JSON keeps the stored numbers
    assert "— not yet checked" in done.stdout
    csv_rows = _csv_rows(run_cli("score", "-f", "csv", "--db", str(desk_db)).stdout)
    assert [float(r["score"]) for r in csv_rows] == [d["score"] for d in data]


# Copy-paste works: every example runs as printed


SKIPPED_EXAMPLES = {
    "schedule": "serves until interrupted and needs a Prefect server",
    "eval": "reads the real-news corpus, which lives outside the repository",
}


def _help_examples() -> list[str]:
    """The ``Example:`` line of every command's ``--help``, as printed (wide enough not to wrap)."""
    from typer.main import get_command

    import cli

    examples = []
    for name in sorted(get_command(cli.app).commands):  # type: ignore[attr-defined]
        helped = run_cli(name, "--help", env={"COLUMNS": "1000", "NO_COLOR": "1"})
        assert helped.returncode == 0, helped.stderr
        found = [
            line.strip()[len("Example:") :].strip()
            for line in helped.stdout.splitlines()
            if line.strip().startswith("Example:")
        ]
        assert found, f"{name} --help has no Example: line"
        if name not in SKIPPED_EXAMPLES:
            examples += found
    return examples


def _readme_examples() -> list[str]:
    """The shell commands of the README's ``sh`` blocks that call ``corroborate`` (a command may span lines)."""
    import shlex

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", readme, flags=re.S):
        pending = ""
        for line in block.splitlines():
            if not pending and not line.startswith("corroborate "):
                continue
            pending += line + "\n"
            try:
                shlex.split(pending, comments=True)
            except ValueError:  # a quote still open: the command goes on
                continue
            commands.append(pending.strip())
            pending = ""
    # a schedule serves until interrupted; a Dask run needs a cluster (the README's names one on another machine)
    return [c for c in commands if not c.startswith("corroborate schedule") and "--runner dask" not in c]


@pytest.mark.slow
def test_every_example_of_the_help_and_the_readme_runs_as_printed(desk_db: Path, tmp_path: Path) -> None:
    import shutil

    database = tmp_path / "corroborate.duckdb"
    shutil.copyfile(desk_db, database)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, script in {
        "corroborate": f'exec "{sys.executable}" "{ROOT / "cli.py"}" "$@"\n',
        "python": f'if [ "$1" = cli.py ]; then shift; exec "{sys.executable}" "{ROOT / "cli.py"}" "$@"; fi\n'
        f'exec "{sys.executable}" "$@"\n',
    }.items():
        (bin_dir / name).write_text("#!/bin/sh\n" + script, encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "CORROBORATE_DB": str(database)}

    def folder(index: int) -> Path:
        """A fresh working folder per example, with what the examples name: articles/, seeds, revised.sql."""
        work = tmp_path / f"example-{index}"
        shutil.copytree(ROOT / "seeds", work / "articles")
        (work / "seeds").symlink_to(ROOT / "seeds")
        (work / "tests").symlink_to(ROOT / "tests")
        (work / "revised.sql").write_text(
            "SELECT c.source, c.text FROM claim_outcomes o JOIN claims c USING (claim_id) "
            "JOIN articles a USING (article_id) WHERE o.outcome = 'revised' AND a.published_at >= $since::DATE\n",
            encoding="utf-8",
        )
        return work

    examples = _help_examples()
    readme = _readme_examples()
    assert any("$who" in e for e in examples) and any("$who" in e for e in readme)
    assert len(readme) >= 10
    for index, example in enumerate(dict.fromkeys(examples + readme)):  # each once, in order
        done = subprocess.run(
            ["bash", "-c", example], cwd=folder(index), env=env, capture_output=True, text=True, timeout=600
        )
        assert done.returncode == 0, f"{example}\n{done.stderr}"
        if "$who" in example:  # the parameter reached the SQL: Sabrina Singh's claims came back
            assert "Sabrina Singh" in done.stdout or "10'000" in done.stdout, done.stdout


# Conventions


@pytest.mark.slow
def test_every_command_takes_dash_h_for_help() -> None:
    from typer.main import get_command

    import cli

    assert run_cli("-h").returncode == 0 and "Commands" in run_cli("-h").stdout
    for name in sorted(get_command(cli.app).commands):  # type: ignore[attr-defined]
        helped = run_cli(name, "-h", env={"COLUMNS": "200"})
        assert helped.returncode == 0, (name, helped.stderr)
        assert "Usage:" in helped.stdout and "Example:" in helped.stdout, name


@pytest.mark.slow
def test_no_color_leaves_out_every_escape_code_of_tables_errors_and_help(desk_db: Path, tmp_path: Path) -> None:
    cases = (
        ["score", "--db", str(desk_db)],  # a table and its header
        ["score", "--db", str(tmp_path / "none.duckdb")],  # an error line
        ["score", "--columns", "nonsense", "--db", str(desk_db)],  # a usage error
        ["query", "-h"],
    )
    for args in cases:
        _, coloured, _ = _on_a_new_terminal(*args, stderr_too=True)
        assert "\x1b[" in coloured, args  # a terminal gets colours and bold by default
        _, plain, _ = _on_a_new_terminal(*args, env={"NO_COLOR": "1"}, stderr_too=True)
        assert plain.strip() and "\x1b[" not in plain, (args, plain)


@pytest.mark.slow
def test_query_dash_reads_the_sql_from_stdin(desk_db: Path) -> None:
    done = subprocess.run(
        [sys.executable, "cli.py", "query", "-", "-p", "who", "Sabrina Singh", "--nl", "--db", str(desk_db)],
        cwd=ROOT,
        input="SELECT count(*) AS n FROM claims WHERE source = $who\n",
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    expected = run_cli(
        "query", "SELECT count(*) AS n FROM claims WHERE source = 'Sabrina Singh'", "--nl", "--db", str(desk_db)
    )
    assert done.stdout == expected.stdout and '"n": 0' not in done.stdout


@pytest.mark.slow
def test_runs_lists_the_run_history_newest_first_in_every_format(desk_db: Path, tmp_path: Path) -> None:
    import json
    import shutil

    from helpers import query

    database = tmp_path / "corroborate.duckdb"
    shutil.copyfile(desk_db, database)
    again = run_cli("run", "--db", str(database), "--quiet")  # nothing new: recorded in a second
    assert again.returncode == 0, again.stderr
    stored = [row[0] for row in query(database, "SELECT run_id FROM runs ORDER BY started_at DESC")]
    assert len(stored) == 2
    data = json.loads(run_cli("runs", "-f", "json", "--db", str(database)).stdout)
    assert [r["run_id"] for r in data] == stored
    assert all(r["status"] == "completed" for r in data) and data[1]["claims_new"] > 0
    table = run_cli("runs", "--db", str(database), env={"COLUMNS": "100"})
    assert table.returncode == 0, table.stderr
    assert table.stdout.index(stored[0]) < table.stdout.index(stored[1])  # ids whole, newest first
    assert "completed" in table.stdout and "started" in table.stdout
    rows = _csv_rows(run_cli("runs", "-f", "csv", "--limit", "1", "--db", str(database)).stdout)
    assert [r["run_id"] for r in rows] == stored[:1] and "stage_seconds" in rows[0]
    lines = run_cli("runs", "--nl", "-c", "run_id,status", "--db", str(database)).stdout.splitlines()
    assert [json.loads(line) for line in lines] == [{"run_id": r, "status": "completed"} for r in stored]


@pytest.mark.slow
def test_validate_ends_with_how_many_expectations_passed_and_exits_1_on_a_failure(
    desk_db: Path, tmp_path: Path
) -> None:
    import json
    import shutil

    import duckdb

    database = tmp_path / "corroborate.duckdb"
    shutil.copyfile(desk_db, database)
    passed = run_cli("validate", "--db", str(database), env={"COLUMNS": "100"})
    assert passed.returncode == 0, passed.stderr
    last = re.fullmatch(r"(\d+) of (\d+) expectations passed", passed.stdout.splitlines()[-1])
    assert last and last.group(1) == last.group(2) and int(last.group(2)) > 10
    with duckdb.connect(str(database)) as con:  # one claim's confidence out of [0, 1]
        con.execute("UPDATE claims SET confidence = 5 WHERE claim_id = (SELECT min(claim_id) FROM claims)")
    failed = run_cli("validate", "--db", str(database), env={"COLUMNS": "100"})
    assert failed.returncode == 1
    last = re.fullmatch(r"(\d+) of (\d+) expectations passed", failed.stdout.splitlines()[-1])
    assert last and int(last.group(1)) < int(last.group(2))
    as_csv = run_cli("validate", "-f", "csv", "--db", str(database))
    assert as_csv.returncode == 1 and "expectations passed" in as_csv.stderr
    assert "expectations passed" not in as_csv.stdout  # CSV stays CSV
    as_lines = run_cli("validate", "--nl", "--db", str(database))
    assert as_lines.returncode == 1 and "expectations passed" in as_lines.stderr
    rows = [json.loads(line) for line in as_lines.stdout.splitlines()]
    assert len(rows) == int(last.group(2)) and sum(not r["success"] for r in rows) >= 1


def test_help_shows_what_one_value_is_never_a_python_type() -> None:
    for name in ("run", "schedule", "query", "score", "eval", "extract", "report"):
        helped = run_cli(name, "--help", env={"COLUMNS": "200", "NO_COLOR": "1"})
        assert helped.returncode == 0, helped.stderr
        assert "<bool>" not in helped.stdout and "<list[" not in helped.stdout, (name, helped.stdout)
    run_help = run_cli("run", "--help", env={"COLUMNS": "200", "NO_COLOR": "1"}).stdout
    assert re.search(r"inputs\.\.\.\s+<path>", run_help)
    assert re.search(r"--quiet\s+-q\s+Print only", run_help)  # a flag: no value after it


def test_shell_completion_is_offered_for_the_console_script() -> None:
    helped = run_cli("--help", env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert "--install-completion" in helped.stdout and "--show-completion" in helped.stdout
    # Typer detects the shell from the parent process (make's /bin/sh under `make test-fast`); its own test
    # switch makes --show-completion take the shell as a value instead
    script = run_cli("--show-completion", "bash", env={"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert script.returncode == 0 and "COMPREPLY" in script.stdout and "complete " in script.stdout


def test_clicolor_force_colours_piped_errors_and_help_unless_no_color(tmp_path: Path) -> None:
    cases = (["score", "--db", str(tmp_path / "none.duckdb")], ["query", "-h"])  # an error line, a help page
    for args in cases:
        piped = run_cli(*args)
        assert "\x1b[" not in piped.stdout + piped.stderr, args  # piped: plain by default
        forced = run_cli(*args, env={"CLICOLOR_FORCE": "1"})
        assert "\x1b[" in forced.stdout + forced.stderr, args
        both = run_cli(*args, env={"CLICOLOR_FORCE": "1", "NO_COLOR": "1"})
        assert (both.stdout + both.stderr).strip() and "\x1b[" not in both.stdout + both.stderr, args
        off = run_cli(*args, env={"CLICOLOR_FORCE": "0"})
        assert "\x1b[" not in off.stdout + off.stderr, args


def test_messages_name_the_console_script(tmp_path: Path) -> None:
    missing = run_cli("score", "--db", str(tmp_path / "none.duckdb"))
    assert missing.returncode != 0 and "`corroborate run" in missing.stderr and "cli.py" not in missing.stderr
    for name in ("run", "query", "report", "explain", "validate"):
        helped = run_cli(name, "--help", env={"COLUMNS": "1000", "NO_COLOR": "1"})
        assert "corroborate " in helped.stdout and "python cli.py" not in helped.stdout, name


@pytest.mark.slow
def test_extract_takes_the_formats_of_every_command_and_its_old_jsonl() -> None:
    import json

    default = run_cli("extract", "seeds")
    assert default.returncode == 0, default.stderr
    lines = [json.loads(line) for line in default.stdout.splitlines()]
    assert lines and all(isinstance(line, dict) for line in lines)
    assert run_cli("extract", "seeds", "-f", "json", "--nl").stdout == default.stdout
    assert run_cli("extract", "seeds", "-f", "jsonl").stdout == default.stdout
    assert run_cli("extract", "seeds", "--nl").stdout == default.stdout
    assert json.loads(run_cli("extract", "seeds", "-f", "json").stdout) == lines
    refused = run_cli("extract", "seeds", "-f", "csv", "--nl")
    assert refused.returncode == 2 and "--nl" in refused.stderr


def test_the_rejects_hint_names_queries_that_return_the_rejected_rows(tmp_path: Path) -> None:
    from corroborate import db
    from corroborate.present import rejects_hint

    database = tmp_path / "corroborate.duckdb"
    run_id = "20261207T224507Z-e5e430"
    with contextlib.closing(db.connect(database)) as con:
        con.execute(
            "INSERT INTO rejects (run_id, stage, reason) VALUES ($r, 'validate', 'confidence out of range')",
            {"r": run_id},
        )
        con.execute(
            "INSERT INTO ingest_log (run_id, source_path, record_no, status, reason) "
            "VALUES ($r, 'a.json', 0, 'rejected', 'not JSON'), ('older-run', 'b.json', 0, 'rejected', 'not JSON')",
            {"r": run_id},
        )
    assert rejects_hint(run_id, 0, 0) is None
    only_rows = rejects_hint(run_id, 0, 1)
    assert only_rows is not None and "ingest_log" not in only_rows  # no query that returns nothing
    hint = rejects_hint(run_id, 1, 1)
    assert hint is not None
    commands = re.findall(r"`corroborate query \"([^`]*)\"`", hint)
    assert len(commands) == 2
    for sql in commands:
        done = run_cli("query", sql, "--nl", "--db", str(database))
        assert done.returncode == 0, done.stderr
        assert len(done.stdout.splitlines()) == 1, (sql, done.stdout)  # this run's row, and only it


def test_explain_reads_an_acronym_and_an_outlet_name_without_its_note(tmp_path: Path) -> None:
    from corroborate import db
    from corroborate.link import link
    from corroborate.present.explain import SourceNotFound, initials
    from corroborate.run.api import explain_source
    from helpers import Scenario, text

    assert initials("World Health Organization") == "WHO" and initials("Organisation mondiale de la santé") == "OMS"
    assert initials("Pentagon") == ""
    database = tmp_path / "corroborate.duckdb"
    with contextlib.closing(db.connect(database)) as con:
        s = Scenario(con)
        s.article("a1", text("The World Health Organization counted 300 deaths."), "2024-10-01",
                  outlet="MENAFN (AFP copy)", language="en")  # fmt: skip
        s.claim("a1", "World Health Organization", 300, unit="deaths", subject="deaths")
        s.article("a3", text("Le Temps publie 5 morts."), "2024-10-03", outlet="Le Temps (Genève)")
        s.claim("a3", "Croix-Rouge", 5, unit="deaths", subject="morts")
        link(con)
    assert explain_source(database, "WHO").source["name"] == "World Health Organization"
    assert explain_source(database, "menafn").source["name"] == "MENAFN (AFP copy)"
    assert explain_source(database, "le temps").source["name"] == "Le Temps (Genève)"
    with contextlib.closing(db.connect(database)) as con:
        s = Scenario(con)
        s.article("a2", text("The Western Highway Office counted 12 deaths."), "2024-10-02", outlet="Le Temps",
                  language="en")  # fmt: skip
        s.claim("a2", "Western Highway Office", 12, unit="deaths", subject="deaths")
        link(con)
    with pytest.raises(SourceNotFound) as ambiguous:  # two sources answer to WHO: neither is chosen
        explain_source(database, "WHO")
    assert {c.name for c in ambiguous.value.candidates} == {"World Health Organization", "Western Highway Office"}
    # an exact name comes first: "le temps" is Le Temps, not Le Temps (Genève) without its note
    assert explain_source(database, "le temps").source["name"] == "Le Temps"

"""RunOptions: one set of options for `run`, `schedule` and the flow, and how they travel as JSON."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import typer

import cli
from corroborate.run.options import DEFAULT_ALIAS_FILE, DEFAULT_SUITES_DIR, RunOptions, apply_settings
from helpers import ROOT


def _options_of(command: str) -> set[str]:
    """The option names (``--batch-size`` …) of one CLI command, read from the real click command."""
    group = typer.main.get_command(cli.app)
    params = group.commands[command].params  # type: ignore[attr-defined]
    return {name for param in params for name in param.opts if name.startswith("--")}


def test_every_option_of_run_is_an_option_of_schedule() -> None:
    run, schedule = _options_of("run"), _options_of("schedule")
    # `run` takes its inputs as arguments, `schedule` as repeated --input; --quiet only shapes run's terminal.
    assert run - {"--quiet"} <= schedule, run - schedule
    assert "--input" in schedule


def test_every_run_option_is_a_field_of_run_options() -> None:
    fields = set(RunOptions().to_json())
    spelled = {
        "--db": "db_path",
        "--wait": "wait_seconds",
    }
    for option in _options_of("run") - {"--quiet"}:
        assert spelled.get(option, option[2:].replace("-", "_")) in fields, option


def test_options_travel_as_json_and_come_back_the_same(tmp_path: Path) -> None:
    options = RunOptions(
        inputs=(tmp_path / "inbox", tmp_path / "one.json"),
        db_path=tmp_path / "c.duckdb",
        batch_size=7,
        max_bytes=1234,
        method="iterative",
        wait_seconds=2.5,
        runner="dask",
        address="tcp://127.0.0.1:8786",
        workers=3,
        aliases=tmp_path / "aliases.csv",
        subjects=tmp_path / "subjects.csv",
        expectations=tmp_path / "suites",
    )
    as_json = options.to_json()
    assert as_json["inputs"] == [str(tmp_path / "inbox"), str(tmp_path / "one.json")]
    assert as_json["aliases"] == str(tmp_path / "aliases.csv")
    assert RunOptions.from_json(as_json) == options
    assert RunOptions.of(as_json) == options and RunOptions.of(options) is options
    assert RunOptions.of(None) == RunOptions()
    assert options.window == 6 and RunOptions().window == 2


def test_defaults_and_resolved_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    default = RunOptions()
    assert default.input_paths == [ROOT / "seeds"]
    assert default.alias_file == DEFAULT_ALIAS_FILE and default.suites_dir == DEFAULT_SUITES_DIR
    assert RunOptions.from_json({"inputs": None}).inputs == ()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CORROBORATE_DB", "here.duckdb")
    resolved = RunOptions(inputs=(Path("inbox"),), aliases=Path("a.csv")).resolved()
    assert resolved.inputs == (tmp_path / "inbox",)
    assert resolved.aliases == tmp_path / "a.csv"
    assert resolved.db_path == tmp_path / "here.duckdb"  # the database the schedule was set up with


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"method": "best"}, "unknown scoring method"),
        ({"runner": "k8s"}, "unknown runner"),
        ({"address": "tcp://x:1"}, "address needs the dask runner"),
        ({"batch_size": 0}, "batch_size must be at least 1"),
        ({"workers": 0}, "workers must be at least 1"),
    ],
)
def test_bad_options_are_refused(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        RunOptions(**changes)  # type: ignore[arg-type]


def test_an_unknown_json_key_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown run option"):
        RunOptions.from_json({"window": 4})


def test_settings_keep_what_the_user_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREFECT_LOGGING_LEVEL", "DEBUG")
    monkeypatch.delenv("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", raising=False)
    apply_settings(log_level="ERROR")
    assert os.environ["PREFECT_LOGGING_LEVEL"] == "DEBUG"
    assert os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] == "180"


def test_the_deployment_file_passes_run_options() -> None:
    import yaml

    deployments = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))["deployments"]
    for deployment in deployments:
        assert set(deployment["parameters"]) == {"options"}
        options = RunOptions.of(deployment["parameters"]["options"])
        assert options.inputs and options.db_path is not None

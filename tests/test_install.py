"""The project installs from a clean copy, offline, and puts a `corroborate` command beside `cli.py`."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from helpers import ROOT


# pip installs the package into a fresh virtualenv: end to end, for `make test`
@pytest.mark.slow
def test_editable_install_offline_gives_a_corroborate_command(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for name in tracked.splitlines():
        if (ROOT / name).is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, clone / name)
    # A fresh virtualenv that sees the pinned dependencies (setuptools among them) but holds nothing else:
    # the project's own install is what is tested, and the shared environment is left alone.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = next(venv.glob("lib/python*/site-packages"))
    (site / "pinned.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    python = venv / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index", "-e", "."],
        cwd=clone,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr
    command = venv / "bin" / "corroborate"
    assert command.exists()
    version = subprocess.run([str(command), "--version"], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("corroborate ")
    helped = subprocess.run([str(command), "score", "--help"], capture_output=True, text=True, timeout=120)
    assert helped.returncode == 0 and "Example:" in helped.stdout


def _make_setting(name: str) -> str:
    """A variable of the Makefile, as `make` expands it (the install flags are written there once)."""
    return subprocess.run(
        ["make", "-s", "--no-print-directory", f"print-{name}"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


def _lock_entry(package: str) -> str:
    """The lines of requirements.lock that pin ``package`` (its `name==version` line and its hashes)."""
    lines = (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{package}=="))
    entry = [lines[start]]
    for line in lines[start + 1 :]:
        if not line.startswith("    --hash="):
            break
        entry.append(line)
    return "\n".join(entry) + "\n"


def _fake_wheel(folder: Path, name: str, version: str) -> Path:
    """A valid, empty wheel of ``name`` ``version``: a release newer than the lock's, as the index may serve."""
    dist_info = f"{name}-{version}.dist-info"
    path = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as wheel:
        wheel.writestr(f"{dist_info}/METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
        wheel.writestr(
            f"{dist_info}/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        )
        wheel.writestr(f"{dist_info}/RECORD", "")
    return path


# The day the index served httpx 0.29.0 beside the lock's 0.28.1, pip's resolver fetched the newest release
# of a dependency before backtracking to the pin, and hash-checking mode refused it. The same situation in
# small: typer needs click, and a newer click than the lock's is on offer.
@pytest.mark.slow
def test_the_lock_installs_whatever_newer_releases_the_index_serves(tmp_path: Path) -> None:
    offered = tmp_path / "offered"
    offered.mkdir()
    _fake_wheel(offered, "click", "99.0.0")
    lock = tmp_path / "mini.lock"
    lock.write_text(_lock_entry("typer") + _lock_entry("click"), encoding="utf-8")
    install = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--find-links", str(offered)]

    resolving = subprocess.run(
        [*install, "--require-hashes", "-r", str(lock)], capture_output=True, text=True, timeout=600
    )
    assert resolving.returncode != 0, "a resolving install accepted a lock missing typer's other dependencies"

    flags = _make_setting("PIP_SYNC").split()
    assert "--no-deps" in flags and "--require-hashes" in flags
    synced = subprocess.run([*install, *flags, "-r", str(lock)], capture_output=True, text=True, timeout=600)
    assert synced.returncode == 0, synced.stderr
    would = synced.stdout.splitlines()[-1]
    assert would.startswith("Would install") and "click-8." in would and "99.0.0" not in would


def test_every_makefile_install_uses_the_non_resolving_flags() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = [line for line in makefile.splitlines() if "pip install" in line and "requirements.lock" in line]
    assert len(installs) >= 2  # .venv and .venv-newest
    assert all("$(PIP_SYNC)" in line for line in installs), installs
    assert makefile.count("pip check") >= 2


def _scores_without_runs(command: list[str], db_path: Path, cwd: Path) -> list[str]:
    listed = subprocess.run(
        [*command, "score", "--db", str(db_path), "--format", "csv", "--columns", "kind,source,claims,score"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert listed.returncode == 0, listed.stderr
    return sorted(listed.stdout.splitlines())


# The built wheel carries the SQL, the suites, the word lists and the seeds: it runs from any folder.
@pytest.mark.slow
def test_the_built_wheel_runs_on_the_seeds_outside_the_checkout(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    wheel = next(wheels.glob("corroborate-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for required in (
        "corroborate/_bundled/sql/schema/claims.sql",
        "corroborate/_bundled/expectations/claims.json",
        "corroborate/_bundled/seeds/manifest.csv",
        "corroborate/present/report/page.html",
        "corroborate/extract/lang/en/according.txt",
    ):
        assert required in names, required

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    site = next(venv.glob("lib/python*/site-packages"))
    (site / "pinned.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    python = venv / "bin" / "python"
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert installed.returncode == 0, installed.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run(
        [str(python), "-c", "import corroborate.db as d; print(d.SQL_DIR)"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
    )
    assert where.stdout.strip().startswith(str(site)), where.stdout

    from_wheel = subprocess.run(
        [str(venv / "bin" / "corroborate"), "run", "--quiet", "--db", str(elsewhere / "w.duckdb")],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert from_wheel.returncode == 0, from_wheel.stderr
    from_checkout = subprocess.run(
        [sys.executable, "cli.py", "run", "--quiet", "--db", str(tmp_path / "c.duckdb")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert from_checkout.returncode == 0, from_checkout.stderr
    wheel_scores = _scores_without_runs([str(venv / "bin" / "corroborate")], elsewhere / "w.duckdb", elsewhere)
    checkout_scores = _scores_without_runs([sys.executable, "cli.py"], tmp_path / "c.duckdb", ROOT)
    assert len(wheel_scores) > 5
    assert wheel_scores == checkout_scores


# Where the English model comes from: a re-upload under another name. Its meta must be the official
# en_core_web_sm 3.8.0's (explosion/spacy-models, meta/en_core_web_sm-3.8.0.json): same training run (git
# version and every published accuracy figure), same components and sources.
OFFICIAL_EN_CORE_WEB_SM_3_8_0 = {
    "lang": "en",
    "version": "3.8.0",
    "spacy_git_version": "5010fcbd3",
    "pipeline": ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"],
    "components": ["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner"],
    "disabled": ["senter"],
    "sources": ["OntoNotes 5", "ClearNLP Constituent-to-Dependency Conversion", "WordNet 3.0"],
    "performance": {
        "tag_acc": 0.972937262,
        "dep_uas": 0.9176955214,
        "dep_las": 0.8991533598,
        "ents_f": 0.8433119744,
        "sents_f": 0.9068156724,
    },
}


def test_the_english_model_is_the_official_small_model_re_uploaded() -> None:
    import spacy

    from corroborate.extract.nlp import MODELS

    meta = spacy.load(MODELS["en"].package).meta
    official = OFFICIAL_EN_CORE_WEB_SM_3_8_0
    for key in ("lang", "version", "spacy_git_version", "pipeline", "components", "disabled"):
        assert meta[key] == official[key], key
    assert [source["name"] for source in meta["sources"]] == official["sources"]
    for figure, value in official["performance"].items():  # type: ignore[union-attr]
        assert meta["performance"][figure] == pytest.approx(value, abs=1e-9), figure

"""The project installs from a clean copy, offline, and puts a `corroborate` command beside `cli.py`."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
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

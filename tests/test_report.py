"""The HTML report, opened in real headless Chromium with the network cut off.

The database is built by hand in a real DuckDB file (a few articles and claims), then the real link and
score stages run on it. The page must draw the leaderboard and the timelines from Vega's SVG marks, not just
load. A screenshot of the page is kept in ``artifacts/report.png`` (gitignored) for people to look at.

Chromium is Debian's ``chromium`` package: the session fixture installs it with apt when it is missing and
the tests run as root, and fails with a clear message otherwise.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from corroborate import db
from corroborate.api import build_report
from corroborate.link import link
from corroborate.report import render_dom
from corroborate.score import score_sources
from helpers import ROOT, RUN, Scenario, run_cli, text

ARTIFACTS = ROOT / "artifacts"
TROOPS = "soldats nord-coréens"
TERRITORY = "territoire ukrainien"


@pytest.fixture(scope="session")
def chromium() -> str:
    """A headless Chromium: Debian's package, installed with apt when missing and we are root."""
    found = shutil.which("chromium")
    if found:
        return found
    if os.geteuid() != 0:
        pytest.fail("the report tests need Debian's `chromium` package: run `apt-get install -y chromium` as root")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]):
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=1200)
        if done.returncode != 0:
            pytest.fail(f"`{' '.join(command)}` failed, so Chromium could not be installed:\n{done.stderr[-2000:]}")
    found = shutil.which("chromium")
    if not found:
        pytest.fail("`apt-get install chromium` succeeded but no `chromium` is on PATH")
    return found


@pytest.fixture(scope="module")
def report_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A linked and scored database: a figure revised by its own source, corroborations, a failed expectation.

    North Korean troops: the US government says up to 3,000 (23 Oct), the Pentagon about 10,000 five days
    later (the same organisation changing its figure: the first is revised), Zelensky 11,000 (30 Oct,
    independent and compatible: it corroborates the Pentagon). Territory taken in October: the ISW says
    478 km² (28 Oct), RTS repeats 478 km² on its own account (31 Oct).
    """
    path = tmp_path_factory.mktemp("report") / "corroborate.duckdb"
    con = db.connect(path)
    try:
        s = Scenario(con)
        s.article("a1", text("Les États-Unis comptent jusqu'à 3000 soldats nord-coréens en Russie."), "2024-10-23",
                  outlet="Le Temps")  # fmt: skip
        s.claim("a1", "États-Unis", 3000, low=1500, high=3000, qualifier="at_most", subject=TROOPS)
        s.article(
            "a2",
            text("Environ 10000 soldats nord-coréens sont en Russie, selon le Pentagone."),
            "2024-10-28",
            outlet="Le Monde",
        )
        s.claim("a2", "Pentagone", 10000, low=9000, high=11000, qualifier="approx", subject=TROOPS)
        s.article("a3", text("Volodymyr Zelensky évoque 11000 soldats nord-coréens."), "2024-10-30", outlet="RTS")
        s.claim("a3", "Volodymyr Zelensky", 11000, subject=TROOPS)
        october = ("2024-10-01", "2024-10-31")
        s.article("a4", text("L'ISW estime à 478 km² le territoire ukrainien pris en octobre."), "2024-10-28",
                  outlet="Le Monde")  # fmt: skip
        s.claim("a4", "ISW", 478, span="478 km²", unit="km2", subject=TERRITORY, period=october)
        s.article("a5", text("La Russie a pris 478 km² de territoire ukrainien en octobre."), "2024-10-31",
                  outlet="RTS")  # fmt: skip
        s.claim("a5", None, 478, span="478 km²", unit="km2", subject=TERRITORY, period=october)
        link(con, RUN)
        score_sources(con, RUN)
        s.complete_run()
        con.execute(
            "INSERT INTO validation_results (run_id, suite, table_name, expectation, column_name, success, "
            "element_count, unexpected_count) VALUES "
            "($r, 'claims', 'claims', 'expect_column_values_to_not_be_null', 'value', true, 5, 0), "
            "($r, 'claims', 'claims', 'expect_column_values_to_be_between', 'confidence', false, 5, 1), "
            "($r, 'articles', 'articles', 'expect_column_values_to_be_unique', 'article_id', true, 5, 0)",
            {"r": RUN},
        )
    finally:
        con.close()
    yield path


def _mark_children(dom: str, mark_class: str, tag: str) -> int:
    """How many ``tag`` elements Vega drew in the mark group whose class ends with ``mark_class``.

    Vega's SVG renderer writes each mark as ``<g class="mark-<type> role-mark <name>_marks">`` holding one
    element per datum (``path`` for points and bars, ``line`` for rules).
    """
    groups = re.findall(rf'<g class="mark-\w+ role-mark {mark_class}\w*_marks"[^>]*>(.*?)</g>', dom, flags=re.S)
    return sum(len(re.findall(rf"<{tag}\b", inner)) for inner in groups)


def _query(path: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.mark.slow
def test_report_renders_offline_in_chromium(chromium: str, report_db: Path, tmp_path: Path) -> None:
    page = build_report(report_db, tmp_path / "report.html")
    source = page.read_text(encoding="utf-8")
    # self-contained: nothing to fetch, every script inline
    assert not re.search(r"<script[^>]*\bsrc=", source)
    assert not re.search(r"<link\b", source)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", source)

    dom = render_dom(page)
    assert '<p class="error">' not in dom, "a chart failed to draw"
    for chart in ("leaderboard", "timeline", "runs", "validation-chart"):
        assert re.search(rf'id="{chart}"[^>]*data-rendered="true"', dom) or re.search(
            rf'data-rendered="true"[^>]*id="{chart}"', dom
        ), f"{chart} was not drawn"

    # leaderboard: one dot and one interval per scored source, and the kind filter
    scored = _query(report_db, "SELECT source FROM current_scores WHERE method = 'simple'")
    assert len(scored) >= 5
    assert _mark_children(dom, "leaderboard_points", "path") == len(scored)
    assert _mark_children(dom, "leaderboard_intervals", "line") == len(scored)
    assert _mark_children(dom, "leaderboard_counts", "path") >= len(scored)
    assert re.search(r'<input type="radio" name="kind_filter" value="official"', dom)
    table = re.search(r"<table id=\"leaderboard-table\">.*?</table>", dom, flags=re.S)
    assert table and all(name in table.group(0) for (name,) in scored)

    # the troops timeline (most figures: panel 0): three figures, one revised and ringed, linked
    assert _mark_children(dom, "timeline_0_points", "path") == 3
    assert _mark_children(dom, "timeline_0_revised", "path") == 1
    assert _mark_children(dom, "timeline_0_links", "line") == 3
    for relation in ("corrected by its source", "corroborated by", "contradicted by"):
        assert re.search(rf'<line aria-label="[^"]*link: {relation};', dom), f"no {relation!r} line drawn"
    assert _mark_children(dom, "timeline_1_points", "path") == 2

    # the kind filter runs in the page: the same page with "outlets" chosen draws the outlets only
    outlets = [name for (name,) in _query(report_db, "SELECT source FROM current_scores WHERE kind = 'outlet'")]
    chosen = source.replace('"name": "Show "}, "value": "all"}', '"name": "Show "}, "value": "outlet"}')
    assert chosen != source
    (tmp_path / "outlets.html").write_text(chosen, encoding="utf-8")
    filtered = render_dom(tmp_path / "outlets.html")
    points = filtered.split("leaderboard_points", 1)[1].split("</g>")[0]
    drawn = re.findall(r'aria-label="[^"]*source: ([^;"]*)', points)
    assert sorted(drawn) == sorted(outlets) and len(outlets) >= 2

    # run history and the validation summary of the run
    assert _mark_children(dom, "runs_bars", "path") >= 1
    assert _mark_children(dom, "validation_bars", "path") >= 2
    assert "2 of 3 expectations passed" in dom
    assert "expect_column_values_to_be_between" in dom  # the failed expectation is listed


@pytest.mark.slow
def test_cli_report_writes_page_and_screenshot(chromium: str, report_db: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page, png = ARTIFACTS / "report.html", ARTIFACTS / "report.png"
    for output in (page, png):  # a page left by an earlier run would be refused without --force
        output.unlink(missing_ok=True)
    done = run_cli("report", "--db", str(report_db), "--out", str(page), "--screenshot", str(png), timeout=300)
    assert done.returncode == 0, done.stderr
    assert page.is_file() and f"report: {page}" in done.stdout
    assert png.is_file() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 20_000  # a drawn page, not a blank one


def test_report_of_an_empty_database_says_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"
    db.connect(path).close()
    page = build_report(path, tmp_path / "report.html").read_text(encoding="utf-8")
    assert "No completed run yet" in page and "No runs yet" in page
    assert "No scores computed with the simple method yet" in page

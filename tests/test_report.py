"""The HTML report, opened in real headless Chromium with the network cut off.

The database is built by hand in a real DuckDB file (a few articles and claims), then the real link and
score stages run on it. The page must draw the leaderboard and the timelines from Vega's SVG marks, not just
load. Screenshots at 1280 px are kept in ``artifacts/`` (gitignored) and pytest's tmp path for people to look
at, and checked not to be blank.

Chromium is Debian's ``chromium`` package, installed by ``make chromium``; the Chromium tests skip, saying
so, when it is absent.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
import struct
from collections.abc import Iterator
from pathlib import Path

import duckdb
import polars as pl
import pytest

from corroborate import db
from corroborate.link import link
from corroborate.present.report import png_colours, render_dom, screenshot
from corroborate.present.report.browser import framed_dom, page_size, posted
from corroborate.present.report.charts import MAX_LABELS, drawn_ranges, figure_labels
from corroborate.present.report.data import (
    CLAIM_SCHEMA,
    LINK_SCHEMA,
    QUANTITY_SCHEMA,
    ReportData,
    country_names,
    number_words,
    quantity_words,
    span_words,
    starting_min_claims,
    stated_words,
    timeline_frames,
)
from corroborate.run.api import build_report
from corroborate.score import score_sources
from helpers import ROOT, RUN, Scenario, run_cli, text

ARTIFACTS = ROOT / "artifacts"
TROOPS = "soldats nord-coréens"
TERRITORY = "territoire ukrainien"
DRONES = "drones abattus"
ODD_OUTLET = "Le <Monde> & Co"


@pytest.fixture(scope="session")
def chromium() -> str:
    """Headless Chromium (Debian's package, `make chromium`); the test is skipped, saying why, without it."""
    found = shutil.which("chromium")
    if not found:
        pytest.skip("Chromium is not installed: run `make chromium` (as root) to install Debian's package")
    return found


@pytest.fixture(scope="module")
def report_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A linked and scored database: a figure revised by its own source, corroborations, a failed expectation.

    North Korean troops: the US government says up to 3,000 (23 Oct), the Pentagon about 10,000 five days
    later (the same organisation changing its figure: the first is revised), Zelensky 11,000 (30 Oct,
    independent and compatible: it corroborates the Pentagon), and the UN 12,000 in an undated article.
    Territory taken in October: the ISW says 478 km² (28 Oct), RTS repeats 478 km² on its own account (31 Oct).
    Drones shot down: the Ukrainian air force gives five figures in five articles of one outlet in November,
    so it and the outlet have five claims each: the only sources the leaderboard shows by default.
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
        s.article("a6", text("L'ONU parle de 12000 soldats nord-coréens."), None, outlet=ODD_OUTLET)
        s.claim("a6", "ONU", 12000, subject=TROOPS)
        october = ("2024-10-01", "2024-10-31")
        s.article("a4", text("L'ISW estime à 478 km² le territoire ukrainien pris en octobre."), "2024-10-28",
                  outlet="Le Monde")  # fmt: skip
        s.claim("a4", "ISW", 478, span="478 km²", unit="km2", subject=TERRITORY, period=october)
        s.article("a5", text("La Russie a pris 478 km² de territoire ukrainien en octobre."), "2024-10-31",
                  outlet="RTS")  # fmt: skip
        s.claim("a5", None, 478, span="478 km²", unit="km2", subject=TERRITORY, period=october)
        for day, value in zip((3, 6, 9, 12, 15), (40, 55, 61, 70, 84), strict=True):
            article = f"d{day}"
            s.article(article, text(f"L'armée de l'air ukrainienne dit avoir abattu {value} drones."),
                      f"2024-11-{day:02d}", outlet="Kyiv Post")  # fmt: skip
            s.claim(article, "armée de l'air ukrainienne", value, unit="drones", subject=DRONES)
        link(con)
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


def _mark_group(dom: str, mark_name: str) -> str:
    """The inner SVG of the Vega mark group named ``mark_name`` (all of them joined)."""
    groups = re.findall(rf'<g class="mark-\w+ role-mark {mark_name}\w*_marks"[^>]*>(.*?)</g>', dom, flags=re.S)
    return "".join(groups)


def _mark_children(dom: str, mark_name: str, tag: str) -> int:
    """How many ``tag`` elements Vega drew in the mark group named ``mark_name``.

    Vega's SVG renderer writes each mark as ``<g class="mark-<type> role-mark <name>_marks">`` holding one
    element per datum (``path`` for points and bars, ``line`` for rules, ``text`` for text).
    """
    return len(re.findall(rf"<{tag}\b", _mark_group(dom, mark_name)))


def _sources(marks: str) -> list[str]:
    """The ``source`` field of each mark's accessible label (Vega writes every encoded field there)."""
    labels = [html.unescape(label) for label in re.findall(r'aria-label="([^"]*)"', marks)]
    return [m.group(1) for label in labels if (m := re.search(r"(?:^|; )source: (.*?)(?:; |$)", label))]


def _query(path: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


def _drawn(dom: str, chart: str) -> bool:
    return bool(
        re.search(rf'id="{chart}"[^>]*data-rendered="true"', dom)
        or re.search(rf'data-rendered="true"[^>]*id="{chart}"', dom)
    )


def _variant(source: str, old: str, new: str, path: Path) -> Path:
    """The page with one spec setting changed, written to ``path``: what a reader's click would change."""
    changed = source.replace(old, new)
    assert changed != source, f"{old!r} is not in the page"
    path.write_text(changed, encoding="utf-8")
    return path


@pytest.mark.slow
def test_report_renders_offline_in_chromium(chromium: str, report_db: Path, tmp_path: Path) -> None:
    page = build_report(report_db, tmp_path / "report.html")
    source = page.read_text(encoding="utf-8")
    # self-contained: nothing to fetch, every script inline
    assert not re.search(r"<script[^>]*\bsrc=", source)
    assert not re.search(r"<link\b", source)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", source)
    # words for newsroom readers, not statisticians
    assert "share of checked figures that" in source and "held up (dot)" in source
    for jargon in ("posterior", "Beta-Binomial", "credible interval"):
        assert jargon not in source

    dom = render_dom(page)
    assert '<p class="error">' not in dom, "a chart failed to draw"
    for chart in ("leaderboard", "timeline-0", "timeline-1", "timeline-2", "runs", "validation-chart"):
        assert _drawn(dom, chart), f"{chart} was not drawn"

    # leaderboard: by default only sources with at least 5 claims, one checked, one dot and one range each
    scored = [name for (name,) in _query(report_db, "SELECT source FROM current_scores WHERE method = 'simple'")]
    decided = "corroborated + revised > 0"
    checked = [name for (name,) in _query(report_db, f"SELECT source FROM current_scores WHERE {decided}")]
    five = [name for (name,) in _query(report_db, f"SELECT source FROM current_scores WHERE claims >= 5 AND {decided}")]
    assert 1 <= len(five) < len(scored)
    points = _sources(_mark_group(dom, "leaderboard_points"))
    assert sorted(points) == sorted(five)
    assert _mark_children(dom, "leaderboard_intervals", "line") == len(five)
    assert re.search(r'<input type="range"[^>]*name="min_claims"[^>]*min="1"', dom)
    table = re.search(r"<table id=\"leaderboard-table\">.*?</table>", dom, flags=re.S)
    assert table and all(html.escape(name, quote=False) in table.group(0) for name in scored)  # every source

    # the slider at 1 draws every source, and the kind buttons keep officials
    slider = 'many claims ", "step": 1}, "value": '
    every = render_dom(_variant(source, slider + "5}", slider + "1}", tmp_path / "every.html"))
    assert _mark_children(every, "leaderboard_points", "path") == len(checked) < len(scored)  # never unchecked
    assert _mark_children(every, "leaderboard_counts", "path") >= len(checked)
    officials = [
        name
        for (name,) in _query(report_db, f"SELECT source FROM current_scores WHERE kind = 'official' AND {decided}")
    ]
    chosen = _variant(
        (tmp_path / "every.html").read_text(encoding="utf-8"),
        '"name": "Show "}, "value": "all"}',
        '"name": "Show "}, "value": "official"}',
        tmp_path / "officials.html",
    )
    drawn = _sources(_mark_group(render_dom(chosen), "leaderboard_points"))
    assert sorted(drawn) == sorted(officials) and len(officials) >= 1

    # timelines: titles in words, never the quantity's id; most figures first (the drones, then the troops)
    titles = re.findall(r'<h3 id="panel-\d+-title">(.*?)</h3>', dom)
    assert len(titles) == 3
    assert not any(re.search(r"q_[0-9a-f]{8}| · ", title) for title in titles)
    assert titles[0] == "Drones abattus (number) in Ukraine as published 3–15 Nov 2024"
    assert titles[1].startswith("North korean troops (number of people)") and "23–30 Oct 2024" in titles[1]
    assert "(area, km²)" in titles[2] and "for October 2024" in titles[2]
    assert _mark_children(dom, "timeline_0_points", "path") == 5
    assert _mark_children(dom, "timeline_1_points", "path") == 3
    assert _mark_children(dom, "timeline_1_revised", "path") == 1
    assert _mark_children(dom, "timeline_1_links", "line") == 3
    for relation in ("corrected by its source", "corroborated by", "contradicted by"):
        assert re.search(rf'<line aria-label="[^"]*link: {relation};', dom), f"no {relation!r} line drawn"
    # one colour per source; the latest figure and the revised one named in writing, as stated
    fills = re.findall(r'fill="(#[0-9a-f]{6})"', _mark_group(dom, "timeline_1_points"))
    assert len(fills) == 3 and len(set(fills)) == 3
    labels = re.findall(r">([^<>]+)</text>", _mark_group(dom, "timeline_1_labels"))
    assert "Volodymyr Zelensky: 11,000" in labels and any(label.endswith(": up to 3,000") for label in labels)
    assert _mark_children(dom, "timeline_0_labels", "text") == 1  # only the latest of five figures
    # the undated figure: not on the axis, in the table under its panel, escaped
    assert "undated-0" not in dom and "undated-2" not in dom
    undated = re.search(r'<table id="undated-1".*?</table>', dom, flags=re.S)
    assert undated and "ONU" in undated.group(0) and "12,000" in undated.group(0)
    assert "Le &lt;Monde&gt; &amp; Co" in undated.group(0)
    assert "<Monde>" not in source
    # each panel over its own dates: November's drones and October's troops do not share an axis
    axes = re.findall(r'aria-label="X-axis titled \'article date\'[^"]*"', dom)
    assert len(axes) == 3
    assert "from Saturday, 02 November 2024" in axes[0] and "to Sunday, 17 November 2024" in axes[0]
    assert "from Tuesday, 22 October 2024" in axes[1] and "to Friday, 01 November 2024" in axes[1]

    # run history and the validation summary of the run
    assert _mark_children(dom, "runs_bars", "path") >= 1
    assert _mark_children(dom, "validation_bars", "path") >= 2
    assert "2 of 3 expectations passed" in dom
    assert "expect_column_values_to_be_between" in dom  # the failed expectation is listed

    # what a person sees, at 1280 px: kept for review, and not a blank page
    for kept in (tmp_path / "report-1280.png", ARTIFACTS / "report-1280.png"):
        screenshot(page, kept, size=(1280, 2400))
        assert png_colours(kept, limit=40) >= 40, f"{kept} is (nearly) blank"


@pytest.mark.slow
def test_cli_report_writes_page_and_screenshot(chromium: str, report_db: Path, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page, png = tmp_path / "report.html", tmp_path / "report.png"
    done = run_cli("report", "--db", str(report_db), "--out", str(page), "--screenshot", str(png), timeout=300)
    assert done.returncode == 0, done.stderr
    assert page.is_file() and f"report: {page}" in done.stdout
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png_colours(png, limit=40) >= 40  # a drawn page, not a blank one
    shutil.copyfile(png, ARTIFACTS / "report-cli.png")


# Deaths of one quake given by twelve sources over six days, close together and most as "at least" (the
# extractor widens those to twice their value), two later figures of the ministry, the quake's magnitude (a
# reading on a scale), a rate for one quarter, and two runs started in the same minute.
CROWD = (
    "ministère de l'Intérieur", "Croissant-Rouge", "OMS", "ONU", "Protection civile", "Gouvernement", "Préfecture",
    "UNICEF", "Croix-Rouge", "Amnesty International", "Médecins sans frontières", "Secours populaire",
)  # fmt: skip
# one quarter's unemployment rate, six sources over three days that mostly disagree: many labels wanted
RATES = (("INSEE", 7.1), ("Eurostat", 7.3), ("Banque de France", 7.2), ("OCDE", 7.6), ("Pôle emploi", 7.0),
         ("Dares", 7.4))  # fmt: skip
# what a framed copy of the page posts once drawn: the page's width, each chart's drawn width against its
# container's, and the box of every written label of each timeline
PROBE = """<script>
const poll = setInterval(() => {
  const root = document.documentElement;
  if (!root.getAttribute("data-scroll-width")) return;
  clearInterval(poll);
  const charts = [...document.querySelectorAll(".chart")].map((chart) => {
    const svg = chart.querySelector("svg");
    return [chart.id, svg ? svg.getBoundingClientRect().right : 0, chart.getBoundingClientRect().right];
  });
  const labels = {};
  for (const text of document.querySelectorAll('g[class*="_labels_"] text')) {
    const box = text.getBoundingClientRect();
    const id = text.closest(".chart").id;
    (labels[id] = labels[id] || []).push([text.textContent, box.left, box.top, box.right, box.bottom]);
  }
  const said = {"probe": JSON.stringify({width: root.scrollWidth, view: window.innerWidth, charts, labels})};
  window.parent.postMessage({corroborate: said}, "*");
}, 50);
</script>"""


@pytest.fixture(scope="module")
def crowded_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("crowded") / "corroborate.duckdb"
    con = db.connect(path)
    try:
        s = Scenario(con)
        for i, name in enumerate(CROWD):
            article, value = f"m{i:02d}", 2000 + 12 * i + (300 if i % 5 == 4 else 0)
            s.article(article, text(f"Le séisme au Maroc a fait au moins {value} morts, selon {name}. Magnitude 6,8."),
                      f"2023-09-{9 + i // 3:02d}", outlet=f"Journal {i}")  # fmt: skip
            floor = i > 0  # the ministry's first figure is exact: its later ones revise it
            s.claim(article, name, value, low=value, high=2 * value if floor else value,
                    qualifier="at_least" if floor else "exact", unit="deaths", subject="morts",
                    span=f"au moins {value} morts")  # fmt: skip
            s.claim(article, "USGS", 6.8, unit="count", subject="magnitude", span="6,8")
        for i, (name, value) in enumerate((("ministère de l'Intérieur", 2500), ("ministère de l'Intérieur", 2946))):
            s.article(f"x{i}", text(f"Le séisme au Maroc a fait {value} morts, selon {name}."), f"2023-09-{13 + i}",
                      outlet="Le Matin")  # fmt: skip
            s.claim(f"x{i}", name, value, unit="deaths", subject="morts", span=f"{value} morts")
        for i, (name, rate) in enumerate(RATES):
            s.article(f"r{i}", text(f"Le taux de chômage atteint {rate} %, selon {name}."), f"2023-10-{10 + i // 2}",
                      outlet="Les Échos")  # fmt: skip
            s.claim(f"r{i}", name, rate, unit="percent", subject="taux de chômage", span=f"{rate} %",
                    period=("2023-07-01", "2023-09-30"))  # fmt: skip
        link(con)
        score_sources(con, RUN)
        s.complete_run()
        s.complete_run("run-same-minute")
    finally:
        con.close()
    yield path


def _overlapping(boxes: list[list]) -> list[tuple[str, str]]:
    """Pairs of labels whose drawn boxes (text, left, top, right, bottom) overlap."""
    return [
        (a[0], b[0])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]
    ]


@pytest.mark.slow
def test_crowded_report_fits_a_phone_and_its_labels_never_overlap(
    chromium: str, crowded_db: Path, tmp_path: Path
) -> None:
    page = build_report(crowded_db, tmp_path / "report.html")
    source = page.read_text(encoding="utf-8")
    titles = re.findall(r'<h3 id="panel-\d+-title">(.*?)</h3>', source)
    assert titles[0].startswith("Deaths (number) in Morocco") and len(titles) == 2
    assert not any("agnitude" in title for title in titles)  # a reading on a scale gets no panel
    assert "Unemployment (percentage)" in titles[1]
    probed = tmp_path / "probed.html"
    # the tables folded under <details> open, as a reader may open them: they must fit too
    unfolded = source.replace("<details>", "<details open>")
    probed.write_text(PROBE.join(unfolded.rsplit("</body>", 1)), encoding="utf-8")
    for width in (1280, 390):
        dom = framed_dom(probed, width=width)
        said = json.loads(posted(dom)["probe"])
        assert said["view"] == width
        assert said["width"] <= width, f"the page is {said['width']} px wide on a {width} px screen"
        for chart, drawn, container in said["charts"]:
            assert 0 < drawn <= container + 0.5, f"{chart} is drawn {drawn} px past its container's {container}"
        labels = said["labels"]["timeline-0"]
        assert len(labels) == 1 and labels[0][0].startswith("Interior Ministry (MA): 2,946")  # the latest only
        assert 2 <= len(said["labels"]["timeline-1"]) <= MAX_LABELS  # the latest and a few disagreeing ones
        for chart, boxes in said["labels"].items():
            assert not _overlapping(boxes), f"labels overlap in {chart} at {width} px: {_overlapping(boxes)}"
    dom = render_dom(page)
    # "at least" is a floor: a ≥ beside the figure, no range bar drawn up to twice its value
    assert _mark_children(dom, "timeline_0_bounds", "text") == len(CROWD) - 1
    assert _mark_children(dom, "timeline_0_intervals", "line") == 0
    # the rate's axis in percent, never SI prefixes ("7.1%", not "7.1" or "800m")
    ticks = re.findall(r">([^<>]*)</text>", _mark_group(dom, "timeline_1_labels")) + re.findall(
        r'aria-label="Y-axis titled \'percentage\'[^"]*"', dom
    )
    assert ticks and "%" in " ".join(ticks)
    # two runs started in the same minute: two bar groups
    runs = json.loads(re.search(r"const specs = (\{.*?\});\n", source, flags=re.S)[1])["runs"]["datasets"]["runs"]
    assert len({row["run"] for row in runs}) == 2
    # the whole page in one picture, at a phone's width too
    for width in (1280, 390):
        png = screenshot(page, ARTIFACTS / f"report-crowded-{width}.png", width=width)
        height = struct.unpack(">II", png.read_bytes()[16:24])[1]
        assert height == page_size(page, width=width)[1] > 2000


def test_png_colours_tells_a_blank_page(chromium: str, tmp_path: Path) -> None:
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><html><body style='background:#fff'></body></html>", encoding="utf-8")
    assert png_colours(screenshot(blank, tmp_path / "blank.png", size=(1280, 400))) == 1


def test_report_of_an_empty_database_says_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"
    db.connect(path).close()
    page = build_report(path, tmp_path / "report.html").read_text(encoding="utf-8")
    assert "No completed run yet" in page and "No runs yet" in page
    assert "No scores computed with the simple method yet" in page
    assert "No quantity has two figures yet" in page


# ------------------------------------------------------------------------------ the data behind the page


def _claim(claim_id: str, quantity: str, source: str, published: str | None, place: str | None, value: float) -> dict:
    return {
        "claim_id": claim_id, "article_id": f"a-{claim_id}", "source": source, "source_kind": "official",
        "outlet": "Outlet", "title": None, "published_at": dt.date.fromisoformat(published) if published else None,
        "text": f"{value:g}", "value": value, "value_low": value, "value_high": value, "qualifier": "exact",
        "unit": "deaths", "quantity_id": quantity, "outcome": "unresolved", "reason": None, "place": place,
    }  # fmt: skip


def _data(claims: list[dict], quantities: list[dict]) -> ReportData:
    empty = pl.DataFrame()
    return ReportData(
        method="simple",
        run=None,
        scores=empty,
        claims=pl.DataFrame(claims, schema=CLAIM_SCHEMA),
        links=pl.DataFrame(schema={**LINK_SCHEMA, "link": pl.String}),
        quantities=pl.DataFrame(quantities, schema=QUANTITY_SCHEMA),
        runs=empty,
        validation=empty,
        validation_run=None,
    )


def test_timelines_split_a_general_concept_by_place_and_a_long_gap() -> None:
    deaths = {"quantity_id": "q_deaths", "subject_key": "*deaths", "label": "deaths · count", "unit_family": "count",
              "period_start": None, "period_end": None}  # fmt: skip
    claims = [
        _claim("l1", "q_deaths", "Red Crescent", "2023-09-11", "LY", 2000),
        _claim("l2", "q_deaths", "WHO", "2023-09-14", "LY", 3958),
        _claim("l3", "q_deaths", "UN", "2023-09-20", "LY", 11300),
        _claim("l4", "q_deaths", "UN", None, "LY", 4000),  # undated: with the September panel
        _claim("l5", "q_deaths", "Amnesty", "2024-09-10", "LY", 4352),  # a year on: its own panel
        _claim("l6", "q_deaths", "Amnesty", "2024-09-11", "LY", 4352),
        _claim("m1", "q_deaths", "Interior ministry", "2023-09-09", "MA", 2012),
        _claim("m2", "q_deaths", "Interior ministry", "2023-09-10", "MA", 2946),
    ]
    panels, points, _ = timeline_frames(_data(claims, [deaths]))
    titles = panels["title"].to_list()
    assert titles == [
        "Deaths (number) in Libya as published 11–20 Sep 2023",
        "Deaths (number) in Libya as published 10–11 Sep 2024",
        "Deaths (number) in Morocco as published 9–10 Sep 2023",
    ]
    assert panels["undated"].to_list() == [1, 0, 0]
    assert points.filter(pl.col("claim_id") == "l4")["panel"].item() == 0
    # same-day figures are spread within their day, never moved to another
    assert (
        (points.drop_nulls("placed_at").select(pl.col("placed_at").dt.date() == pl.col("published_at")))
        .to_series()
        .all()
    )


def test_a_specific_quantity_stays_one_panel_across_places() -> None:
    troops = {"quantity_id": "q_troops", "subject_key": "north_korean_troops", "label": "soldats nord-coréens · people",
              "unit_family": "people", "period_start": None, "period_end": None}  # fmt: skip
    claims = [
        _claim("t1", "q_troops", "Pentagon", "2024-10-28", "US", 10000),
        _claim("t2", "q_troops", "Zelensky", "2024-10-30", "UA", 11000),
        _claim("t3", "q_troops", "Alone", "2024-10-30", "UA", 5),
    ]
    single = {**troops, "quantity_id": "q_single"}
    claims.append(_claim("s1", "q_single", "Alone", "2024-10-30", "UA", 5))
    panels, _, _ = timeline_frames(_data(claims, [troops, single]))
    assert panels["quantity_id"].to_list() == ["q_troops"]  # a quantity with one figure gets no panel
    assert panels["title"].item() == "Soldats nord-coréens (number of people) as published 28–30 Oct 2024"


def test_words_for_periods_quantities_numbers_and_places() -> None:
    day = dt.date.fromisoformat
    assert span_words(day("2024-01-01"), day("2024-12-31")) == "2024"
    assert span_words(day("2024-10-01"), day("2024-10-31")) == "October 2024"
    assert span_words(day("2024-10-01"), day("2024-10-27")) == "1–27 Oct 2024"
    assert span_words(day("2023-09-03"), day("2024-09-10")) == "3 Sep 2023 – 10 Sep 2024"
    assert span_words(day("2024-10-05"), None) == "since 5 Oct 2024"
    assert span_words(None, None) == ""
    assert quantity_words("public deficit · ratio · 2025-01-01 to 2025-12-31", "ratio", "2025") == "Public deficit"
    assert quantity_words("deaths · count", "count", "") == "Deaths"
    assert quantity_words(None, None, "") == "Unnamed quantity"
    assert quantity_words("north_korean_troops · people", "people", "") == "North korean troops"
    assert number_words(2_800_000.0) == "2,800,000" and number_words(4.4) == "4.4" and number_words(None) == ""
    names = country_names()
    assert names["LY"] == "Libya" and names["US"] == "United States" and names["FR"] == "France"


def test_few_labels_the_latest_and_the_disagreeing_never_overlapping() -> None:
    day = dt.datetime(2024, 10, 1, 12)
    count = 12
    points = drawn_ranges(
        pl.DataFrame(
            {
                "claim_id": [f"c{i:02d}" for i in range(count)],
                "source": [f"Source number {i}" for i in range(count)],
                "placed_at": [day + dt.timedelta(days=i // 3) for i in range(count)],  # three a day
                "value": [1000.0 + 10 * i for i in range(count)],  # close together
                "value_low": [1000.0 + 10 * i for i in range(count)],
                "value_high": [2000.0 + 20 * i for i in range(count)],  # "at least" widened to twice
                "qualifier": ["at_least"] * count,
                "outcome": ["revised"] * (count - 1) + ["unresolved"],
            }
        )
    )
    assert points["bar_low"].null_count() == count and points["bound"].to_list() == ["≥"] * count  # floors
    links = pl.DataFrame(schema={"claim_id": pl.String, "evidence_claim_id": pl.String, "link": pl.String})
    x_domain = (day - dt.timedelta(days=1), day + dt.timedelta(days=6))
    labels = figure_labels(points, links, x_domain, (900.0, 1200.0))
    assert 1 <= labels.height <= MAX_LABELS
    assert labels["claim_id"][0] == "c11" and labels["text"][0] == "Source number 11: at least 1,110"
    # no two labels share a value band on the same side of the same day: they would overlap
    assert labels.select(pl.struct("placed_at", "side").is_duplicated().any()).item() is False
    unrelated = points.with_columns(pl.lit("unresolved").alias("outcome"))
    assert figure_labels(unrelated, links, x_domain, (900.0, 1200.0))["claim_id"].to_list() == ["c11"]
    assert stated_words(2.5, "approx", 2.0, 3.0, percent=True) == "about 2.5%"
    assert stated_words(6, "range", 6, 12) == "6–12" and stated_words(3000, "at_most", 1500, 3000) == "up to 3,000"


def test_the_slider_starts_at_five_claims_or_at_the_longest_record() -> None:
    board = pl.DataFrame({"claims": [1, 2, 7]})
    assert starting_min_claims(board) == 5
    assert starting_min_claims(board.filter(pl.col("claims") < 5)) == 2  # never an empty chart by default
    assert starting_min_claims(pl.DataFrame({"claims": []}, schema={"claims": pl.Int64})) == 1

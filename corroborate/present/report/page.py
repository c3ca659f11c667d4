"""The report's HTML: ``page.html`` (a Jinja template, everything escaped) filled from the report's data.

``render_page(context)`` returns the page text. Text from the database (source names, article titles,
figures) is escaped by the template; the Vega-Lite specs go into a ``<script>`` as JSON that no text can
end early (``script_json``).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

TEMPLATE = Path(__file__).with_name("page.html")

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #222; }
main { max-width: 1260px; margin: 0 auto; padding: 24px 32px 64px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 40px 0 6px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
h3 { font-size: 1.05rem; margin: 28px 0 2px; }
p, li { line-height: 1.45; max-width: 62rem; }
.run { color: #444; margin: 0 0 8px; }
.facts { display: flex; flex-wrap: wrap; gap: 10px 28px; padding: 0; list-style: none; margin: 10px 0 6px; }
.facts li b { font-size: 1.25rem; display: block; }
nav a { margin-right: 16px; }
.note { color: #555; font-size: 0.92rem; margin: 2px 0 6px; }
.chart { margin: 8px 0; overflow-x: auto; }
.chart .error { color: #b00020; }
.chart .chart-wrapper { display: flex; flex-direction: column; align-items: flex-start; }
.chart .vega-bindings { order: -1; margin-bottom: 6px; }  /* the controls above the chart */
.vega-bind { margin: 4px 18px 4px 0; display: inline-block; font-size: 0.95rem; }
.vega-bind-name { font-weight: 600; }
.panel { border-top: 1px solid #eee; }
table { border-collapse: collapse; font-size: 0.9rem; margin: 8px 0; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border-bottom: 1px solid #e3e3e3; padding: 4px 10px; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tbody tr:nth-child(even) { background: #fafafa; }
table.undated { font-size: 0.85rem; }
details summary { cursor: pointer; color: #1f4e99; margin: 8px 0; }
.empty { color: #666; font-style: italic; }
.key { display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0; margin: 6px 0 10px; list-style: none;
  font-size: 0.9rem; color: #444; }
.key svg { vertical-align: middle; margin-right: 5px; }
.scroll { overflow-x: auto; }
td, th { overflow-wrap: break-word; }
td.n { white-space: nowrap; }  /* a number is never cut across lines */
/* charts sized to their container need a sized container: vega-embed makes its target an inline-block */
.chart.vega-embed { display: block; width: 100%; box-sizing: border-box; }
.chart .chart-wrapper { width: 100%; }
.vega-bindings { display: flex; flex-wrap: wrap; }
.vega-bind label { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 4px; }
@media (max-width: 600px) {
  main { padding: 14px 12px 48px; }
  h1 { font-size: 1.4rem; }
  .vega-bind { margin-right: 10px; }
}
"""


def script_json(value: Any) -> Markup:
    """``value`` as JSON that is safe inside a ``<script>`` element: no ``</script>`` or ``<!--`` in article
    text can end it."""
    return Markup(
        json.dumps(value, ensure_ascii=False, default=str)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def when(value: Any) -> str:
    """A time as the database stores it (the writer's local time), to the minute; ``—`` for none."""
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, dt.datetime) else "—"


@functools.cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True
    )
    environment.filters["script_json"] = script_json
    return environment.from_string(TEMPLATE.read_text(encoding="utf-8"))


def render_page(context: dict[str, Any], *, bundle: str) -> str:
    """The HTML page: ``page.html`` filled with ``context`` (escaped) and the JavaScript ``bundle`` inlined."""
    return _template().render(**context, style=Markup(STYLE), bundle=Markup(bundle))

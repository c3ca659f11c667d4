"""The JavaScript the page inlines, and headless Chromium to render, read and photograph the page.

- ``vega_bundle()``: the vega + vega-lite + vega-embed JavaScript from ``vl-convert-python``, cached on disk
  per Vega-Lite and vl-convert version (``bundle_cache_dir``): building it costs seconds.
- ``render_dom(page)`` and ``screenshot(page, png)`` open a page in headless Chromium (Debian's ``chromium``
  package, ``make chromium``) with the network cut off, to check that it renders offline.
- ``png_colours(png)`` counts the colours of a PNG: a screenshot of one colour is a blank page.
"""

from __future__ import annotations

import contextlib
import functools
import html
import os
import re
import shutil
import struct
import subprocess
import tempfile
import zlib
from collections.abc import Iterator, Sequence
from importlib.metadata import version as package_version
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
SCREENSHOT_SIZE = (1280, 2000)


def bundle_cache_dir() -> Path:
    """Where the inlined JavaScript bundle is cached: ``$XDG_CACHE_HOME/corroborate`` (or ``~/.cache``)."""
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "corroborate"


@functools.cache
def vega_bundle() -> str:
    """The vega + vega-lite + vega-embed JavaScript for Altair's Vega-Lite version, as one script.

    vl-convert builds it in several seconds, so it is kept on disk, keyed by both versions; a cache that
    cannot be written only costs the rebuild next time.
    """
    import altair as alt
    import vl_convert

    # the bundle Altair's own inline HTML template uses: Vega-Lite "v6.4.1" -> vl-convert's "v6_4"
    vl_version = "_".join(alt.SCHEMA_VERSION.split(".")[:2])
    cached = bundle_cache_dir() / f"vega-embed-{vl_version}-vl-convert-{package_version('vl-convert-python')}.js"
    if cached.is_file():
        return cached.read_text(encoding="utf-8")
    # without a snippet the bundle sets the globals vegaEmbed, vegaLite and vega (the stub calls it required)
    script: str = vl_convert.javascript_bundle(vl_version=vl_version)  # type: ignore[call-arg]
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=cached.parent, delete=False) as handle:
            handle.write(script)
        os.replace(handle.name, cached)  # atomic: a concurrent build never reads half a file
    except OSError:
        pass
    return script


def find_chromium() -> str:
    """The path of a Chromium binary; raises ``FileNotFoundError`` saying how to install one."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise FileNotFoundError("headless Chromium is needed to render the page: run `make chromium` as root")


def _chromium(page: Path, extra: Sequence[str], *, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium on ``page`` with the network cut off: the page must render offline."""
    with tempfile.TemporaryDirectory(prefix="corroborate-chromium-") as profile:
        command = [
            find_chromium(),
            "--headless",
            "--no-sandbox",  # needed as root in containers; the page is our own file
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            "--proxy-server=127.0.0.1:9",  # any request would fail: nothing may come from the network
            "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--user-data-dir={profile}",
            "--virtual-time-budget=10000",  # lets vega-embed finish before the DOM is read
            *extra,
            Path(page).resolve().as_uri(),
        ]
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)


def render_dom(page: Path) -> str:
    """The DOM of the HTML file ``page`` after its scripts ran, as HTML text."""
    return _chromium(page, ["--dump-dom"]).stdout


# Headless Chromium never makes a window narrower than this: a phone's width is had by framing the page.
MIN_WINDOW_WIDTH = 500
FRAME_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>body {{ margin: 0; }} iframe {{ border: 0; display: block; }}</style></head>
<body><iframe src="{src}" style="width: {width}px; height: {height}px"></iframe>
<script>
// a framed report posts {{corroborate: {{name: value}}}} (its size once drawn): kept as data-* attributes here
window.addEventListener("message", (event) => {{
  const said = event.data && event.data.corroborate;
  if (!said) return;
  for (const [name, value] of Object.entries(said)) document.documentElement.setAttribute("data-" + name, value);
}});
</script></body></html>
"""


@contextlib.contextmanager
def framed(page: Path, width: int, height: int) -> Iterator[Path]:
    """A temporary page that shows ``page`` in a frame ``width`` x ``height`` CSS pixels: the page lays
    itself out as on a screen that wide, however narrow. What the framed page posts (``{corroborate: {...}}``)
    is written on the frame's ``<html>`` as ``data-*`` attributes, for ``render_dom`` to read."""
    with tempfile.TemporaryDirectory(prefix="corroborate-frame-") as folder:
        frame = Path(folder) / "frame.html"
        frame.write_text(
            FRAME_PAGE.format(src=html.escape(Path(page).resolve().as_uri()), width=width, height=height),
            encoding="utf-8",
        )
        yield frame


def framed_dom(page: Path, *, width: int, height: int = SCREENSHOT_SIZE[1]) -> str:
    """The DOM of the frame around ``page`` shown ``width`` x ``height`` (``framed``) after its scripts ran:
    its ``<html>`` element carries what the page posted."""
    with framed(page, width, height) as frame:
        window = f"--window-size={max(width, MIN_WINDOW_WIDTH)},{height}"
        return _chromium(frame, ["--dump-dom", window]).stdout


def posted(dom: str) -> dict[str, str]:
    """What a framed page posted, from the frame's DOM (``framed_dom``): ``data-*`` attributes of ``<html>``."""
    root = re.search(r"<html\b[^>]*>", dom)
    found = re.findall(r'data-([\w-]+)="([^"]*)"', root[0] if root else "")
    return {name: html.unescape(value) for name, value in found}


def page_size(page: Path, *, width: int = SCREENSHOT_SIZE[0]) -> tuple[int, int]:
    """(width, height) in CSS pixels of the report ``page`` laid out on a screen ``width`` wide: the page
    posts them once every chart is drawn. Raises ``RuntimeError`` for a page that posted none."""
    said = posted(framed_dom(page, width=width))
    if "scroll-width" not in said or "scroll-height" not in said:
        raise RuntimeError(f"{page} did not say its size: is it a corroborate report that finished drawing?")
    return int(said["scroll-width"]), int(said["scroll-height"])


def screenshot(page: Path, png: Path, *, size: tuple[int, int] | None = None, width: int = SCREENSHOT_SIZE[0]) -> Path:
    """A PNG of the rendered HTML file ``page``; returns ``png``.

    ``size`` = (width, height) in CSS pixels; without it, the whole report on a screen ``width`` wide: its
    height is read from the page first (``page_size``), so nothing is cut off below. A width under
    ``MIN_WINDOW_WIDTH`` is had by framing the page: the picture is then ``MIN_WINDOW_WIDTH`` wide, the page on
    its left.
    """
    if size is None:
        size = (width, max(page_size(page, width=width)[1], 1))
    png = Path(png).resolve()
    png.parent.mkdir(parents=True, exist_ok=True)
    # Chromium writes a temporary file beside the target, renamed over it once complete.
    temporary = png.with_name(f".{png.stem}.{os.getpid()}.tmp.png")
    window = f"--window-size={max(size[0], MIN_WINDOW_WIDTH)},{size[1]}"
    try:
        with contextlib.ExitStack() as stack:
            shown = stack.enter_context(framed(page, *size)) if size[0] < MIN_WINDOW_WIDTH else page
            _chromium(shown, [f"--screenshot={temporary}", window])
        if not temporary.is_file():
            raise RuntimeError(f"Chromium wrote no screenshot to {png}")
        os.replace(temporary, png)
    finally:
        temporary.unlink(missing_ok=True)
    return png


def _unfilter(line: bytearray, prev: bytearray, kind: int, bpp: int) -> bytearray:
    """One PNG scanline with its filter (0-4, PNG spec 9.2) undone, given the previous decoded line."""
    if kind == 1:
        for i in range(bpp, len(line)):
            line[i] = (line[i] + line[i - bpp]) & 255
    elif kind == 2:
        line = bytearray((x + p) & 255 for x, p in zip(line, prev, strict=True))
    elif kind == 3:
        for i in range(len(line)):
            left = line[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + (left + prev[i]) // 2) & 255
    elif kind == 4:
        for i in range(len(line)):
            a, b = (line[i - bpp] if i >= bpp else 0), prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    return line


def png_colours(png: Path, *, limit: int = 1000) -> int:
    """How many distinct RGB colours the 8-bit RGB or RGBA PNG file ``png`` has, counting up to ``limit``.

    1 is a blank page. Raises ``ValueError`` for another kind of PNG (Chromium writes 8-bit RGB or RGBA).
    """
    data = Path(png).read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{png} is not a PNG")
    pos, chunks, header = 8, [], b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
    width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", header)
    if depth != 8 or colour_type not in (2, 6) or interlace:
        raise ValueError(f"{png}: only 8-bit, non-interlaced RGB or RGBA PNGs are read")
    bpp = 3 if colour_type == 2 else 4
    stride = width * bpp
    raw = zlib.decompress(b"".join(chunks))
    prev, colours = bytearray(stride), set[bytes]()
    for y in range(height):
        start = y * (stride + 1)
        prev = _unfilter(bytearray(raw[start + 1 : start + 1 + stride]), prev, raw[start], bpp)
        colours.update(bytes(prev[i : i + 3]) for i in range(0, stride, bpp))
        if len(colours) >= limit:
            break
    return len(colours)

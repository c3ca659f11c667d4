"""An article's layout read from its plain text, before any parse: its list items, its paragraphs, a
headline line; and a figure moved from its sentence's offsets to the article's.
"""

from __future__ import annotations

import re
from typing import Any

# A list item: a line opening with a bullet or a short number ("- 2,4 millions", "• 18 %", "1) ...").
_BULLET_RX = re.compile(r"^\s*(?:[-–—•*·▪►]|\d{1,2}[.)])\s+")


def _list_blocks(text: str, sentences: list[tuple[int, int]]) -> dict[int, tuple[int | None, int | None]]:
    """For every sentence that is a list item: the sentence before its list and the one after it."""
    items = [bool(_BULLET_RX.match(text[s:e])) for s, e in sentences]
    out: dict[int, tuple[int | None, int | None]] = {}
    i = 0
    while i < len(items):
        if not items[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(items) and items[j + 1]:
            j += 1
        before = i - 1 if i > 0 else None
        after = j + 1 if j + 1 < len(items) else None
        for k in range(i, j + 1):
            out[k] = (before, after)
        i = j + 1
    return out


def _paragraphs(text: str, sentences: list[tuple[int, int]]) -> list[int]:
    """Paragraph number of every sentence: how many body lines end before its start. A heading (a line
    without final punctuation) opens no paragraph of its own, so a report named above a subheading still
    reaches the paragraph under it."""
    import bisect

    ends: list[int] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.strip()
        pos += len(line)
        if body and body[-1] in _BODY_END:
            ends.append(pos)
    return [bisect.bisect_right(ends, s) for s, _ in sentences]


_BODY_END = frozenset('.!?…:»"”)')


def _headline(text: str, sentences: list[tuple[int, int]]) -> int | None:
    """Sentence id 0 when the article opens with a headline: a line of its own without final punctuation."""
    if len(sentences) < 2:
        return None
    s, e = sentences[0]
    line_end = text.find("\n", s)
    if line_end < 0 or line_end < e or text[s:e].rstrip()[-1:] in '.!?…:»"”':
        return None
    return 0


def _shift(f: Any, offset: int) -> Any:
    """The same figure with offsets moved from sentence to article coordinates."""
    if offset == 0:
        return f
    import dataclasses

    return dataclasses.replace(
        f,
        char_start=f.char_start + offset,
        char_end=f.char_end + offset,
        number_start=f.number_start + offset,
        number_end=f.number_end + offset,
    )

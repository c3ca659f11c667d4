"""Month names, and publication dates read from a page when its record gives none.

Over a third of real pages come without a date. A page usually says when it was written:

- its URL path (``/2024/10/31/``, ``/2024-10-31-``, ``/20241031``): a day, or ``/2024/10/`` a month;
- a date header or dateline in its opening (``Publié le 13 février 2025``, ``October 23, 2024``,
  ``23/10/2024``);
- a day and month without a year, either in the dateline (``PARIS, Jan 23 (Reuters)``) with a weekday
  named in the opening, or anywhere in the opening right after its weekday (``dévoilés ce jeudi 27
  mars``, ``warned this Wednesday, October 23``): the year is one in which that day falls on that
  weekday, within a year of the years the text mentions, and the nearest to them all when several fit
  (a weekday and a day recur every five to eleven years, a story's years span a few).

:func:`inferred_date` returns the date as ``YYYY-MM-DD`` or ``YYYY-MM`` text, for the ingest's date
parser, or None. It never guesses a year the text does not support.
"""

from __future__ import annotations

import datetime as dt
import re

from corroborate.extract import lang
from corroborate.text import fold

# Month and weekday names, from the extractor's word lists (lang/<lang>/months.txt, weekdays.txt, in
# weekday order): lower cased and folded, every language at once.
MONTHS: dict[str, int] = lang.month_numbers()
WEEKDAYS: dict[str, int] = {
    fold(word): number
    for language in lang.LANGUAGES
    for number, word in enumerate(lang.raw_words(language, "weekdays"))
}

OPENING_CHARS = 400  # where a date header, byline or dateline stands
DATELINE_CHARS = 150  # where a dateline without a year stands ("PARIS, Jan 23 (Reuters) -")

_MONTH = "|".join(sorted((re.escape(fold(m)) for m in MONTHS), key=len, reverse=True))
_URL_DAY = re.compile(
    r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)|[/-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/-]|$)"
)
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)?\s+({_MONTH})\.?,?\s+((?:19|20)\d{{2}})\b")
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\b")
_ISO = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)?\s+({_MONTH})\b")
_MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})\b(?!\s*,?\s*\d{{4}})")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
_WEEKDAY_DAY_MONTH = re.compile(
    r"\b(" + "|".join(WEEKDAYS) + rf")\s*,?\s+(?:the\s+)?(\d{{1,2}})(?:er|st|nd|rd|th)?\s+({_MONTH})\b"
)
_WEEKDAY_MONTH_DAY = re.compile(
    r"\b(" + "|".join(WEEKDAYS) + rf")\s*,?\s+({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{{4}})"
)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _from_url(url: str) -> str | None:
    if m := _URL_DAY.search(url):
        year, month, day = (int(g) for g in (m.groups()[:3] if m.group(1) else m.groups()[3:]))
        date = _valid(year, month, day)
        if date:
            return date.isoformat()
    if m := _URL_MONTH.search(url):
        year, month = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12:
            return f"{year:04d}-{month:02d}"
    return None


def _from_opening(opening: str, text: str) -> str | None:
    folded = fold(opening)
    for pattern, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy")):
        if m := pattern.search(folded):
            parts = dict(zip(order, m.groups(), strict=True))
            date = _valid(int(parts["y"]), MONTHS[parts["m"]], int(parts["d"]))
            if date:
                return date.isoformat()
    if m := _ISO.search(folded):
        date = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if date:
            return date.isoformat()
    if m := _NUMERIC.search(folded):
        date = _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)))  # day first, as in French and wire copy
        if date:
            return date.isoformat()
    return _from_day_month(folded, text)


def _from_day_month(folded_opening: str, text: str) -> str | None:
    """A day and month without a year, dated by the weekday that goes with it (see the module docstring)."""
    if m := _WEEKDAY_DAY_MONTH.search(folded_opening):
        weekdays, day, month = {WEEKDAYS[m.group(1)]}, int(m.group(2)), MONTHS[m.group(3)]
    elif m := _WEEKDAY_MONTH_DAY.search(folded_opening):
        weekdays, day, month = {WEEKDAYS[m.group(1)]}, int(m.group(3)), MONTHS[m.group(2)]
    else:
        dateline = fold(text[:DATELINE_CHARS])
        if m := _DAY_MONTH.search(dateline):
            day, month = int(m.group(1)), MONTHS[m.group(2)]
        elif m := _MONTH_DAY.search(dateline):
            day, month = int(m.group(2)), MONTHS[m.group(1)]
        else:
            return None
        weekdays = {WEEKDAYS[w] for w in _WEEKDAY.findall(folded_opening)}
    date = _year_of(day, month, weekdays, [int(y) for y in _YEAR.findall(text)])
    return date.isoformat() if date else None


def _year_of(day: int, month: int, weekdays: set[int], mentioned: list[int]) -> dt.date | None:
    """The date ``day``/``month`` in the year, within one of a ``mentioned`` year, where it falls on one of
    ``weekdays``: the one nearest to all the mentioned years, or None when none or several fit as well."""
    fits = {
        date
        for year in {y + k for y in mentioned for k in (-1, 0, 1)}
        if (date := _valid(year, month, day)) is not None and date.weekday() in weekdays
    }
    if not fits:
        return None
    distance = {date: sum(abs(date.year - y) for y in mentioned) for date in fits}
    nearest = min(distance.values())
    best = [date for date, d in distance.items() if d == nearest]
    return best[0] if len(best) == 1 else None


def inferred_date(url: str | None, title: str | None, text: str | None) -> str | None:
    """The publication date a page gives of itself (URL path, then title and opening), or None."""
    if url and (found := _from_url(url)):
        return found
    body = text or ""
    opening = f"{title or ''}\n{body[:OPENING_CHARS]}"
    return _from_opening(opening, body)

"""What the figure finder returns (:class:`Figure`), the two pieces it builds one from (a candidate
number, the unit it counts), and the widths of the intervals it gives (see the package's docstring).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from corroborate.extract.numbers import Numeral

TOLERANCE_PRECISE = Decimal("0.10")
TOLERANCE_ROUND = Decimal("0.20")
AT_LEAST_CEILING_FACTOR = Decimal(2)
AT_MOST_FLOOR_FACTOR = Decimal("0.5")


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure found in a text; offsets index the string given to ``find_figures``."""

    char_start: int
    char_end: int
    text: str  # text[char_start:char_end]
    value: float  # central value: midpoint of a range, the written number for at_least/at_most
    value_low: float
    value_high: float
    qualifier: str  # one of corroborate.vocab.QUALIFIERS
    unit: str  # one of corroborate.vocab.UNITS
    unit_raw: str | None  # the unit as written ("soldats", "km²", "$", "%")
    number_start: int  # the number alone, scale word included
    number_end: int


@dataclass(frozen=True, slots=True)
class _Candidate:
    first: Numeral
    last: Numeral
    is_range: bool = False
    opener_start: int | None = None
    low: Decimal = Decimal(0)
    high: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class _Unit:
    unit: str
    raw: str | None
    end: int | None  # where the span ends when the unit is written after the number

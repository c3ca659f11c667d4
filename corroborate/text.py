"""One text normaliser for every comparison of names and words: accents and case folded.

``fold("Ministère de l’Économie")`` -> ``"ministere de l'economie"``. Offsets are not preserved by
folding; it is for keys and comparisons, never for spans.
"""

from __future__ import annotations

import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


def fold(text: str) -> str:
    """``text`` without accents (NFKD, combining marks dropped), case-folded, apostrophes made plain."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()

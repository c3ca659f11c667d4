"""One text normaliser for every comparison of names and words: accents and case folded, endings stemmed.

``fold("Ministère de l’Économie")`` -> ``"ministere de l'economie"``. Offsets are not preserved by
folding; it is for keys and comparisons, never for spans. :func:`fold_expr` and :func:`stem_expr` are the
same rules as polars expressions, for frames; :func:`stem` is the stemming of one folded word.
"""

from __future__ import annotations

import re
import unicodedata

import polars as pl

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})
_DOUBLED = re.compile(r"([a-z])\1+")
MIN_STEMMED = 4  # shorter words keep their endings ("mes", "lie")


def fold(text: str) -> str:
    """``text`` without accents (NFKD, combining marks dropped), case-folded, apostrophes made plain."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def fold_expr(text: pl.Expr) -> pl.Expr:
    """:func:`fold` as a polars expression: accents dropped, lower-cased, apostrophes made plain."""
    return text.str.normalize("NFKD").str.replace_all(r"\p{M}", "").str.to_lowercase().str.replace_all("’", "'")


def stem(word: str) -> str:
    """One folded word without a final s/x, then a final e (plural and feminine endings), doubled letters
    collapsed: ``troupes`` -> ``troup``, ``troops`` -> ``trop``, ``coréennes`` (folded) -> ``coren``."""
    if len(word) >= MIN_STEMMED and word[-1] in "sx":
        word = word[:-1]
    if len(word) >= MIN_STEMMED and word.endswith("e"):
        word = word[:-1]
    return _DOUBLED.sub(r"\1", word)


def stem_expr(word: pl.Expr) -> pl.Expr:
    """:func:`stem` as a polars expression over a column of folded words."""
    size = word.str.len_chars()
    word = pl.when((size >= MIN_STEMMED) & word.str.contains("[sx]$")).then(word.str.slice(0, size - 1)).otherwise(word)
    size = word.str.len_chars()
    word = pl.when((size >= MIN_STEMMED) & word.str.ends_with("e")).then(word.str.slice(0, size - 1)).otherwise(word)
    for letter in "abcdefghijklmnopqrstuvwxyz":  # polars' regex engine has no backreferences
        word = word.str.replace_all(f"{letter}{letter}+", letter)
    return word

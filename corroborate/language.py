"""Which supported language an article is written in, and the reading of declared languages.

The extractor has a pipeline per language in :data:`corroborate.vocab.LANGUAGES` (French and
English). Detection only has to tell those two apart and notice text that is clearly neither, so
a stopword ratio is enough: it is cheap, runs over a whole batch as one polars expression, and does
not need a model.
"""

from __future__ import annotations

import polars as pl

from corroborate.vocab import LANGUAGES

__all__ = [
    "FRENCH_WORDS",
    "ENGLISH_WORDS",
    "OTHER",
    "classify_language",
    "detect_language",
    "normalise_language",
]

# Function words frequent in French and rare elsewhere. Words shared with Spanish, Italian or
# Portuguese (de, la, le, il, que, en, se, un, y, ou, son, lui, ne…) and with English ("s" of
# "it's", "plus") are left out, so that those languages do not pass for French.
FRENCH_WORDS: frozenset[str] = frozenset(
    {
        "les", "des", "du", "et", "est", "une", "dans", "pour", "qui", "pas", "sur", "au", "aux", "ce",
        "cette", "ces", "elle", "ils", "elles", "été", "être", "avec", "sont", "ont", "leur", "leurs",
        "nous", "vous", "selon", "mais", "où", "comme", "aussi", "très", "avait", "était", "l", "d",
        "qu", "c", "j", "n", "à", "sa", "ses", "dont", "après", "avant", "depuis", "sous", "chez"
    }
)  # fmt: skip
# Function words frequent in English and rare elsewhere ("in", "an" and "was" are left out:
# German uses them as much).
ENGLISH_WORDS: frozenset[str] = frozenset(
    {
        "the", "of", "and", "to", "is", "are", "that", "this", "with", "for", "from", "by", "at", "as",
        "it", "its", "be", "has", "have", "had", "not", "but", "or", "which", "who", "they", "their",
        "he", "she", "his", "her", "will", "would", "said", "been", "also", "more", "there", "were",
        "than", "what", "when", "after", "about", "into", "could", "we", "our", "you", "these", "those"
    }
)  # fmt: skip

OTHER = "other"
"""Verdict of :func:`classify_language` for text that is clearly neither French nor English."""

# Below this many words a text carries too little evidence to be called "clearly other".
_MIN_WORDS_FOR_OTHER = 12
# A supported language wins when this share of the words are its function words (French and
# English prose run at 0.2–0.3)…
_MIN_SHARE = 0.08
# …and it has at least this many times the other language's hits.
_MIN_LEAD = 2.0
# Clearly neither: both shares below this.
_MAX_SHARE_OTHER = 0.05

_WORD_PATTERN = r"\p{L}+"

# Declared language names and tags, lower-cased, mapped to a code. Tags such as fr-FR or en_GB
# are cut at the separator before lookup.
_LANGUAGE_NAMES: dict[str, str] = {
    "fr": "fr", "fra": "fr", "fre": "fr", "french": "fr", "français": "fr", "francais": "fr",
    "française": "fr", "francaise": "fr",
    "en": "en", "eng": "en", "english": "en", "anglais": "en",
}  # fmt: skip


def classify_language(text: pl.Expr) -> pl.Expr:
    """Expression: ``"fr"``, ``"en"``, :data:`OTHER` (clearly neither) or null (too little to say).

    Works on a whole column at once: the words are lower-cased letter runs, so ``l’armée`` counts
    ``l`` and ``armée``.
    """
    words = text.str.to_lowercase().str.extract_all(_WORD_PATTERN)
    n_words = words.list.len()
    fr_hits = words.list.eval(pl.element().is_in(sorted(FRENCH_WORDS))).list.sum()
    en_hits = words.list.eval(pl.element().is_in(sorted(ENGLISH_WORDS))).list.sum()
    fr_share = fr_hits / n_words
    en_share = en_hits / n_words
    return (
        pl.when(n_words.fill_null(0) == 0)
        .then(pl.lit(None, dtype=pl.String))
        .when((fr_share >= _MIN_SHARE) & (fr_hits >= _MIN_LEAD * en_hits))
        .then(pl.lit("fr"))
        .when((en_share >= _MIN_SHARE) & (en_hits >= _MIN_LEAD * fr_hits))
        .then(pl.lit("en"))
        .when((n_words >= _MIN_WORDS_FOR_OTHER) & (fr_share < _MAX_SHARE_OTHER) & (en_share < _MAX_SHARE_OTHER))
        .then(pl.lit(OTHER))
        .otherwise(pl.lit(None, dtype=pl.String))
    )


def detect_language(text: str) -> str | None:
    """The supported language ``text`` is written in (``"fr"`` or ``"en"``), or None.

    None covers both text too short to judge and text in another language; use
    :func:`classify_language` to tell them apart.
    """
    verdict = pl.select(classify_language(pl.lit(text, dtype=pl.String))).item()
    return verdict if verdict in LANGUAGES else None


def normalise_language(declared: pl.Expr) -> pl.Expr:
    """Expression: a declared language (``"FR"``, ``"fr-FR"``, ``"French"``) as a code.

    Known names of supported languages map to their code; any other non-empty value is returned
    as its lower-cased primary tag (``"de-CH"`` gives ``"de"``), so callers can say which
    unsupported language was declared. Empty or null gives null.
    """
    tag = declared.str.strip_chars().str.to_lowercase().str.split_exact("-", 1).struct.field("field_0")
    tag = tag.str.split_exact("_", 1).struct.field("field_0").str.strip_chars()
    return (
        pl.when(tag.is_null() | (tag == "")).then(pl.lit(None, dtype=pl.String)).otherwise(tag.replace(_LANGUAGE_NAMES))
    )

"""What one sentence tells the extractor about the figures in it or beside it: whether it speaks (its
mention kinds), points back to the sentence before ("a confirmé l'information"), closes on an incise,
places a past extreme, measures a statistic, names a source in brackets after a figure, or names a
document whose source may carry over the next sentences.
"""

from __future__ import annotations

import re
from typing import Any

from corroborate.extract import cues, nlp
from corroborate.extract.lang import folded as lexicon_folded
from corroborate.extract.lang import words as lexicon_words
from corroborate.text import fold

# Mention kinds that do not make a sentence speak: named bodies, document authors, owners of a figure
# noun and subjects of a verb of intent (a sentence holding only these may continue an earlier source).
_SILENT_KINDS = frozenset({"entity", "author", "owner", "intent"})

# "X a confirmé l'information", "the ministry confirmed the figures": credits the sentence before.
_BACKREF_RX = re.compile(
    r"\b(?:confirm[ée]|confirmed|confirms?|a\s+confirmé)\s+(?:l['’]information|ces\s+chiffres|ce\s+chiffre|"
    r"ce\s+bilan|cette\s+estimation|this|the\s+(?:figures?|numbers?|toll|report|estimate))\b",
    re.I,
)

# A record or an extreme in the sentence ("le record de 10,6 %", "a low of 1.7%"): a past figure placed for the
# reader, to which the article's lead credit is not carried
_EXTREME_RX = {
    lang: re.compile(
        r"\b(?:"
        + "|".join(re.escape(w) for w in sorted(lexicon_words(lang, "extreme_words"), key=len, reverse=True))
        + r")\b",
        re.IGNORECASE,
    )
    for lang in nlp.MODELS
}

# A sentence that closes on an incise and may speak for the figure sentence before it
# ("C'est un bilan provisoire, a précisé le maire.", "That is a record, the agency said.").
_INCISE_END_RX = re.compile(
    r",\s+(?:(?:a|ont|avait|avaient)(?:-t-(?:il|elle|ils|elles))?\s+\w+|\w+-t-(?:il|elle|ils|elles)\b|"
    r"(?:[\w'’-]+\s+){0,8}(?:said|says|added|told|explained|noted|estimated))[^,]*(?:,[^,]*)?$",
    re.I,
)


def _measured(tok: Any, lang: str) -> bool:
    """Whether a word by which a statistic moves or settles (``measure_words``: "a reculé à 2,4 %", "hit
    2.6%", "a 0.1% rise", "were up 0.2%") governs the figure token ``tok``, at any depth."""
    words = lexicon_words(lang, "measure_words")
    return any(a.lemma_.lower() in words or a.lower_ in words for a in tok.ancestors)


# A parenthesis right after a figure: "1,09 million (Intérieur) et 3,5 millions (CGT)", "(selon la police)".
_BRACKET_RX = re.compile(
    r"[ \u00a0]*\((?:selon |d['’]après |according to |source ?: ?)?(?P<name>[^\W\d_][\w'’.&-]*(?: [\w'’.&-]+){0,3})\)"
)


def _bracket_source(text: str, end: int, lang: str) -> str | None:
    """The source a figure names in brackets right after it (``3,5 millions (CGT)``), or None. The name
    is capitalised (a body, an acronym) or a common speaker noun (``police``, ``syndicats``); units,
    currencies and economic aggregates in ``lang/<lang>/bracket_exclusions.txt`` are not sources."""
    m = _BRACKET_RX.match(text, end)
    if m is None:
        return None
    name = m.group("name").strip()
    words_ = [fold(w) for w in name.split()]
    if any(w in lexicon_folded(lang, "bracket_exclusions") for w in words_):
        return None
    if name[:1].isupper() or any(w in cues.SPEAKER_NOUNS or w in cues.ORG_WORDS for w in words_):
        return name
    return None


_WORD_RX = re.compile(r"[^\W\d_]+")


def _mentions_document(sentence: str, lang: str) -> bool:
    """Cheap test before a parse: a word of ``document_nouns`` occurs in the sentence (any part of speech)."""
    nouns = lexicon_folded(lang, "document_nouns")
    return any(w in nouns for w in _WORD_RX.findall(fold(sentence)))


def _names_document(doc: Any, lang: str) -> bool:
    """Whether a parsed sentence names a document or a count (a noun of ``lang/<lang>/document_nouns.txt``:
    ``rapport``, ``analysis``, ``tally``), so that its source may carry over the next paragraph."""
    nouns = lexicon_folded(lang, "document_nouns")
    return any(t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound" and fold(t.text) in nouns for t in doc)

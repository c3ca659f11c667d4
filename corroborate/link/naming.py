"""Whether a source string names somebody: a person or a body, rather than a kind of speaker.

"Sabrina Singh", "the Pentagon", "gouvernement français" and "Maui police" name a speaker; "the
authorities", "le ministère", "sources", "residents", "même source", "state's" do not. A claim credited to
a descriptor stays in ``claims`` (the figure was said), but nothing tells whether two descriptors in two
articles are one body or two, so it decides no verdict across articles and is not listed in the scores
(``sources.named``; ``sql/models/claim_evidence.sql``).

A name is *not* named when, once accents and case are folded and function words dropped:

- every word left is a generic speaker word (``corroborate/lexicons/generic_sources.csv``) and at most
  one word is capitalised ("Authorities", "le ministère"; but "State Department" is a proper name), or
  nothing is left;
- or no letter of it is a capital and no word of it is a place or nationality (``places.csv``):
  lower-case common nouns ("opérations de recherche et de secours", "state's") name nobody.

A name with a media word ("BFM TV", "Hawaii News Now", "CNBC translation") is a medium relaying somebody:
it is not named. (The entries a desk lists in its alias file are named whatever their words:
``SourceResolver.configured_ids``.) A place standing for its government ("selon Londres") stays named.

A capitalised word or an acronym, or a place or nationality word, makes a name specific.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

from corroborate.link.concepts import LEXICON_DIR
from corroborate.text import fold

__all__ = ["GENERIC_FILE", "is_named"]

GENERIC_FILE = LEXICON_DIR / "generic_sources.csv"
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Function words of both languages, possessive endings and elisions included ("state's" -> state).
_FUNCTION_WORDS = frozenset(
    """
    a an the of for to and in on at by from with its their his her s
    le la les l de du des d un une et en au aux par pour sur selon according
    """.split()  # noqa: SIM905
)


@cache
def _lexicon(path: Path = GENERIC_FILE) -> dict[str, frozenset[str]]:
    """``kind -> words`` of the generic-source lexicon (``word,kind`` rows, ``#`` lines are comments)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    words: dict[str, set[str]] = {}
    for row in csv.DictReader(lines):
        words.setdefault(row["kind"].strip(), set()).add(fold(row["word"].strip()))
    return {kind: frozenset(found) for kind, found in words.items()}


def _generic_words() -> frozenset[str]:
    return _lexicon().get("generic", frozenset())


def _media_words() -> frozenset[str]:
    return _lexicon().get("media", frozenset())


@cache
def _place_words() -> frozenset[str]:
    from corroborate.link.stories import read_places

    return frozenset(w for name in read_places()["name"].to_list() for w in _WORD.findall(name))


def is_named(name: str | None) -> bool:
    """Whether ``name`` names a person or a body (see the module docstring); an empty name names nobody."""
    if not name or not name.strip():
        return False
    words = [w for w in _WORD.findall(fold(name).replace("\u2019", "'")) if w not in _FUNCTION_WORDS]
    if any(w in _media_words() for w in words):
        return False
    capitalised_words = sum(1 for word in name.split() if word[:1].isupper())
    if not words or (all(w in _generic_words() for w in words) and capitalised_words < 2):
        return False
    capitalised = capitalised_words > 0 or any(ch.isupper() for ch in name)
    return capitalised or any(w in _place_words() for w in words)

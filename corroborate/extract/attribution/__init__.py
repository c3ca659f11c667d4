"""Who said it: the mention table and the figure <-> source pairing.

One module a job:

* ``phrases``: who a speaker phrase names (``analyse_phrase -> Speaker``: a person, an organisation, a
  place standing for its government, a document's author, a role, or an anaphor to resolve);
* ``clauses``: where a cue's speaker phrase is in a parsed sentence (the subject of a cue verb, inverted
  in an incise, the phrase after ``selon`` / ``according to``), with the one bracket scanner;
* ``mentions``: ``speaker_mentions(doc, ...)``, one row per cue of a parsed sentence (``SPEAKER_SCHEMA``),
  the quote spans of the cheap pass (``find_quotes``) and a figure's syntactic ancestors (``ancestors``);
* ``anaphora``: anaphors resolved to the last fitting named speaker, one full name per speaker, and the
  sources a figure takes from the rest of the article (restatement, carry-over, the lead credit);
* ``pairing``: ``pair(figures, speakers, quotes, sentences)``, the best source per figure in polars;
* ``frames`` (the tables' schemas and the candidate shape) and ``tokens`` (what the phrase readers
  share) serve the others.

Callers use this package's names: ``attribution.speaker_mentions(...)``, ``attribution.pair(...)``.
"""

from __future__ import annotations

from corroborate.extract.attribution.anaphora import (
    CARRY_DECAY,
    CARRY_PARAGRAPHS,
    CARRY_PARAGRAPHS_DOCUMENT,
    CARRY_SENTENCES,
    CARRY_SENTENCES_DOCUMENT,
    RESTATE_TOLERANCE_APPROX,
    RESTATE_TOLERANCE_EXACT,
    canonical_sources,
    resolve_anaphors,
)
from corroborate.extract.attribution.frames import FIGURE_SCHEMA, QUOTE_SCHEMA, SENTENCE_SCHEMA, SPEAKER_SCHEMA
from corroborate.extract.attribution.mentions import ancestors, find_quotes, speaker_mentions
from corroborate.extract.attribution.pairing import pair
from corroborate.extract.attribution.phrases import Speaker, analyse_phrase

__all__ = [
    "CARRY_DECAY",
    "CARRY_PARAGRAPHS",
    "CARRY_PARAGRAPHS_DOCUMENT",
    "CARRY_SENTENCES",
    "CARRY_SENTENCES_DOCUMENT",
    "FIGURE_SCHEMA",
    "QUOTE_SCHEMA",
    "RESTATE_TOLERANCE_APPROX",
    "RESTATE_TOLERANCE_EXACT",
    "SENTENCE_SCHEMA",
    "SPEAKER_SCHEMA",
    "Speaker",
    "analyse_phrase",
    "ancestors",
    "canonical_sources",
    "find_quotes",
    "pair",
    "resolve_anaphors",
    "speaker_mentions",
]

"""What a figure counts when its subject does not say, and what its sentence says about time.

Real articles rarely name the counted thing in a subject the extractor can hand over: "the toll rose to
67, up from 55", "115 people confirmed dead", "31 sont encore portées disparues". Two word lists, kept as
data in ``corroborate/lexicons/`` and readable without Python, fill the gap:

- ``concepts.csv`` (word -> concept, kind): the nearest listed word among the few words on either side of
  the figure, inside its sentence and without crossing another number, names what is counted. A figure
  with no such word but another figure at most :data:`NEIGHBOUR_CHARS` characters before or after it in the same
  sentence counts the same thing ("67, up from 55"; "entre 12 400 et 18 200 manifestants").
  ``kind`` is ``count`` (a running or one-day count: a later different figure is not by itself a
  revision) or ``period`` (a total or rate over a period: a later figure for it replaces the earlier).
- ``revision_cues.csv`` (cue -> recap | correction): a *recap* figure recalls an earlier one ("down from
  their previous toll of 115", "contre 4,4 % initialement prévu") and held before the article's date; a
  *correction* figure replaces an earlier one that was wrong ("revised the number of deaths to 97").

Every function takes and returns polars frames keyed by ``claim_id``.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from corroborate import vocab
from corroborate.extract.lang import LANGUAGES, months
from corroborate.text import fold, fold_expr, stem_expr

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"
CONCEPT_FILE = LEXICON_DIR / "concepts.csv"
CUE_FILE = LEXICON_DIR / "revision_cues.csv"

WINDOW_WORDS = 10  # words looked at after a figure for what it counts
CLAUSE_WORDS = 30  # and before it, back to the previous number
CLAUSE_CHARS = 300  # about as many characters
NEIGHBOUR_CHARS = 40  # a figure this close after another one in its sentence counts the same thing
RATE_SPAN = r"%|(?i:percent|per cent|pour cent|pourcent)"  # a figure written as a rate
RECAP_AFTER_WORDS = 3  # "115 victimes annoncées précédemment": a recap cue may follow the figure
TIME_AFTER_WORDS = 6  # "112.3 % at the end of this year": the figure's own time follows it closely

_NUMBER = r"^\d"
_YEAR = r"^(?:19|20)\d\d$"


def _rows(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines))


def _words(text: pl.Expr) -> pl.Expr:
    """Folded words and numbers of a text, in order."""
    return _folded_words(fold_expr(text.fill_null("")))


def _folded_words(folded: pl.Expr) -> pl.Expr:
    """:func:`_words` of a text folded already (folding twice gives the same text)."""
    return folded.str.extract_all(r"\p{L}[\p{L}'-]*|\d[\d.,\s]*")


@dataclass(frozen=True)
class ConceptLexicon:
    """The word lists of ``concepts.csv`` and ``revision_cues.csv`` as small frames."""

    triggers: pl.DataFrame  # stem, concept, kind, rank
    cues: pl.DataFrame  # cue (folded phrase), kind
    roots: tuple[str, ...] = ()  # the first letters of every listed word, folded (a quick prefilter)
    cue_words: tuple[str, ...] = ()  # every cue as written and folded, lower-cased (time cues are read raw)

    @classmethod
    def read(cls, concept_file: Path = CONCEPT_FILE, cue_file: Path = CUE_FILE) -> ConceptLexicon:
        """Load both files (``#`` lines are comments)."""
        concepts = pl.DataFrame(
            _rows(concept_file), schema={"word": pl.String, "concept": pl.String, "kind": pl.String}
        )
        unknown = set(concepts["kind"].to_list()) - set(vocab.CONCEPT_KINDS)
        if unknown:
            raise ValueError(f"{concept_file}: kind must be one of {vocab.CONCEPT_KINDS}, not {sorted(unknown)}")
        triggers = (
            concepts.with_row_index("rank")
            .with_columns(stem_expr(fold_expr(pl.col("word"))).alias("stem"))
            .unique("stem", keep="first", maintain_order=True)
            .select("stem", "concept", "kind", pl.col("rank").cast(pl.Int64))
        )
        cues = pl.DataFrame(_rows(cue_file), schema={"cue": pl.String, "kind": pl.String}).with_columns(
            fold_expr(pl.col("cue")).alias("cue")
        )
        roots = tuple(sorted(set(concepts.select(fold_expr(pl.col("word")).str.slice(0, 4))["word"].to_list())))
        written = pl.DataFrame(_rows(cue_file), schema={"cue": pl.String, "kind": pl.String})["cue"]
        cue_words = tuple(sorted({w.lower() for w in written.to_list()} | set(cues["cue"].to_list())))
        return cls(triggers, cues, roots, cue_words)

    def concept_kinds(self) -> pl.DataFrame:
        """``concept, kind``: the kind of every concept of the file."""
        return self.triggers.select("concept", "kind").unique("concept", keep="first")

    def near_figures(self, contexts: pl.DataFrame) -> pl.DataFrame:
        """What each figure counts, from the words around it.

        ``contexts`` has ``claim_id, sentence_id, char_start, char_end, before, after`` (the sentence's
        text before and after the figure). Returns ``claim_id, concept`` for the claims placed.
        """

        def side(column: str, nearest_last: bool, first: int) -> pl.DataFrame:
            words = _words(pl.col(column))
            words = words.list.reverse() if nearest_last else words
            # before the figure, the whole clause back to the previous number: its subject often names
            # what is counted from afar ("the death toll on the island of Maui has risen to 67")
            size = CLAUSE_WORDS if nearest_last else WINDOW_WORDS
            return contexts.select(
                "claim_id",
                words.list.head(size).alias("word"),
                pl.lit(column).alias("side"),
                pl.lit(first).alias("first"),
            )

        # Most figures have no listed word near them: one scan for the first letters of the listed words
        # keeps the word-by-word search below to the few that may.
        window = fold_expr(
            pl.concat_str(
                [
                    pl.col("before").fill_null("").str.slice(-CLAUSE_CHARS),
                    pl.col("span"),
                    pl.col("after").str.slice(0, 120),
                ],
                separator=" ",
            )
        )
        contexts = contexts.filter(window.str.contains(self._prefilter()))

        # the figure's own words ("97 morts") come first, at distance 0, then the sentence on either side
        own = side("span", False, 0).with_columns(
            pl.col("word").list.eval(pl.element().filter(~pl.element().str.contains(_NUMBER)))
        )
        near = pl.concat([own, side("before", True, 1), side("after", False, 1)])
        words = (
            near.with_columns(
                pl.int_ranges(pl.col("first"), pl.col("word").list.len() + pl.col("first")).alias("distance")
            )
            .explode("word", "distance")
            .drop_nulls("word")
            # a number ends the window: the words beyond it belong to that other figure (a year is a date)
            .with_columns(
                (pl.col("word").str.contains(_NUMBER) & ~pl.col("word").str.strip_chars().str.contains(_YEAR))
                .cast(pl.Int64)
                .alias("number")
            )
            .filter(pl.col("number").cum_sum().over("claim_id", "side", order_by="distance") == 0)
        )
        found = (
            # each distinct word is stemmed once: the stemmer is 30 regex passes
            words.join(self._stems_of(words.select("word")), on="word")
            .sort("claim_id", "distance", "rank")
            .unique("claim_id", keep="first")
            .select("claim_id", "concept")
        )
        # A figure right after another one in its sentence, with no word of its own, counts the same thing.
        ordered = contexts.sort("sentence_id", "char_start")
        previous = ordered.select(
            "claim_id",
            pl.col("claim_id").shift(1).over("sentence_id").alias("previous_id"),
            (pl.col("char_start") - pl.col("char_end").shift(1).over("sentence_id")).alias("gap"),
        )
        following = ordered.select(
            "claim_id",
            pl.col("claim_id").shift(-1).over("sentence_id").alias("previous_id"),
            (pl.col("char_start").shift(-1).over("sentence_id") - pl.col("char_end")).alias("gap"),
        )
        neighbours = (
            pl.concat([previous, following])
            .filter(pl.col("gap").is_between(0, NEIGHBOUR_CHARS))
            .sort("claim_id", "gap")
            .select("claim_id", "previous_id")
            .join(found.select("claim_id"), on="claim_id", how="anti")
        )
        inherited = (
            neighbours.join(found.rename({"claim_id": "previous_id"}), on="previous_id", maintain_order="left")
            .unique("claim_id", keep="first")
            .select("claim_id", "concept")
        )
        placed = pl.concat([found, inherited])
        # A bare rate counts what the sentence's rates count, however far: "a deficit of 5.4 % in 2025 while
        # the government is counting on 5 %".
        rates = ordered.filter(pl.col("span").fill_null("").str.contains(RATE_SPAN)).select(
            "claim_id", "sentence_id", "char_start"
        )
        placed_rates = rates.join(placed, on="claim_id")
        bare = rates.join(placed, on="claim_id", how="anti")
        sentence_rates = (
            bare.join(placed_rates, on="sentence_id", suffix="_other")
            .with_columns(
                # the rate before it first, then the one after it, nearest first
                (pl.col("char_start_other") > pl.col("char_start")).alias("after"),
                (pl.col("char_start_other") - pl.col("char_start")).abs().alias("gap"),
            )
            .sort("claim_id", "after", "gap")
            .unique("claim_id", keep="first")
            .select("claim_id", "concept")
        )
        placed = pl.concat([placed, sentence_rates])
        # A part of a whole ("74 of the 97 victims have been identified") counts what its clause ends on.
        parts = self._parts(contexts)
        return pl.concat([parts, placed.join(parts, on="claim_id", how="anti")])

    def _parts(self, contexts: pl.DataFrame) -> pl.DataFrame:
        """``claim_id, concept`` for the figures a partitive cue follows: the last listed word of the clause."""
        cues = self.cues.filter(pl.col("kind") == "partitive")["cue"].to_list()
        if not cues:
            return pl.DataFrame(schema={"claim_id": pl.String, "concept": pl.String})
        after = fold_expr(pl.col("after").fill_null(""))
        starts = r"^\s*(?:" + "|".join(_escape(c) for c in cues) + r")(?:$|[^\p{L}])"
        # the clause ends at a punctuation mark followed by a space (not the comma of "1,204")
        clause = after.str.replace(r"(?s)[,;:.!?)](?:\s.*|$)", "")
        words = (
            # only a bare number is a part: "97 victims of the fire" names what it counts itself
            contexts.filter(after.str.contains(starts) & ~pl.col("span").fill_null("").str.contains(r"\p{L}"))
            .select("claim_id", _words(clause).alias("word"))
            .with_columns(pl.int_ranges(0, pl.col("word").list.len()).alias("distance"))
            .explode("word", "distance")
            .drop_nulls("word")
        )
        return (
            words.join(self._stems_of(words.select("word")), on="word")
            .sort("claim_id", "distance", descending=[False, True])
            .unique("claim_id", keep="first")
            .select("claim_id", "concept")
        )

    def _prefilter(self) -> str:
        """A regex that every window holding a listed word matches: the words' stems' first letters."""
        return "(?:" + "|".join(re.escape(r) for r in self.roots) + ")"

    def _stems_of(self, words: pl.DataFrame) -> pl.DataFrame:
        """``word, concept, kind, rank`` for the distinct ``words`` whose stem is a trigger."""
        distinct = words.unique()
        return distinct.with_columns(stem_expr(pl.col("word")).alias("stem")).join(self.triggers, on="stem")

    def revision_marks(self, contexts: pl.DataFrame, *, screened: bool = True) -> pl.DataFrame:
        """``claim_id, is_recap, is_correction, is_beyond, named_month`` for every claim of ``contexts``.

        A recap cue counts in the clause before the figure (since its previous number) or in the
        :data:`RECAP_AFTER_WORDS` words after it; a correction cue anywhere in the figure's sentence or the
        sentence before it ("Le bilan a été revu à la baisse. Les autorités font état de 97 victimes"); a
        horizon cue ("in the medium term") anywhere in the figure's own sentence. A correction or horizon
        belongs to the sentence: the first figure of each sentence (in the order of ``contexts``) is read
        for it, and its answer holds for every figure of the sentence.

        ``screened`` (the default) first scans the raw text once for whole cue phrases, accented or not
        (:func:`_cue_screen`), and folds and reads only the figures it keeps; ``screened=False`` reads every
        figure. Both give the same marks: the scan keeps every text that folds to one holding a cue.
        """
        # a time cue counts as a whole phrase ("this year": "this" alone is everywhere), a month only after a
        # preposition ("in May", "en mai": "may" and "mai" alone are everywhere)
        times = set(self.cues.filter(pl.col("kind") == "time")["cue"].to_list())
        phrases = sorted(c for c in self.cue_words if fold(c) in times)
        time_filter = "|".join(
            ["(?:" + "|".join(_escape(c) for c in phrases) + ")" if phrases else "(?!)", _NAMED_MONTH_RAW]
        )
        own_words = pl.concat_str([pl.col("before").fill_null(""), pl.col("after").fill_null("")], separator=" ")
        # the text the cue patterns below read, raw: the sentence before, the clause window, the rest
        window = pl.concat_str(
            [
                pl.col("previous").fill_null(""),
                pl.col("before").fill_null("").str.slice(-CLAUSE_CHARS),
                pl.col("after").fill_null(""),
            ],
            separator=" ",
        ).str.to_lowercase()
        cued = window.str.contains(self._cue_screen()) if screened else pl.lit(True)
        flagged = contexts.with_columns(
            # only a figure whose own sentence names a month or a relative time may name its own time
            own_words.str.to_lowercase().str.contains(time_filter).alias("timed"),
            cued.alias("cued"),
        )

        def any_cue(column: str, kind: str) -> pl.Expr:
            cues = self.cues.filter(pl.col("kind") == kind)["cue"].to_list()
            if not cues:
                return pl.lit(False)
            pattern = r"(?:^|[^\p{L}])(?:" + "|".join(_escape(c) for c in cues) + r")(?:$|[^\p{L}])"
            return pl.col(column).str.contains(pattern)

        # folded once, for the figures that may carry a cue or name their own time
        # (the part of the sentence before the figure as far as its clause window, and the rest of it)
        folded = flagged.filter(pl.col("cued") | pl.col("timed")).select(
            "claim_id",
            "cued",
            "timed",
            pl.col("previous").fill_null(""),
            fold_expr(pl.col("before").fill_null("").str.slice(-CLAUSE_CHARS)).alias("before"),
            fold_expr(pl.col("after").fill_null("")).alias("after"),
        )
        # a correction cue belongs to the sentence: looked for once per sentence, not once per figure
        first = flagged.unique("sentence_id", keep="first").select("sentence_id", "claim_id")
        sentences = (
            first.join(folded.filter("cued"), on="claim_id")
            .select(
                "sentence_id",
                pl.concat_str([fold_expr(pl.col("previous")), pl.col("before"), pl.col("after")], separator=" ").alias(
                    "sentence"
                ),
                pl.concat_str([pl.col("before"), pl.col("after")], separator=" ").alias("own"),
            )
            .select(
                "sentence_id",
                any_cue("sentence", "correction").alias("is_correction"),
                # a horizon belongs to the figure's own sentence, not the one before
                any_cue("own", "horizon").alias("is_beyond"),
            )
        )
        clause = pl.col("before").str.replace(r"(?s)^.*\d", "").alias("clause")
        tail = _folded_words(pl.col("after")).list.head(RECAP_AFTER_WORDS).list.join(" ").alias("tail")
        from_to = pl.col("before").str.contains(r"(?:^|\s)(?:from|de|d')\s*$") & pl.col("after").str.contains(
            r"^\s*(?:to|a)\s+\d"
        )
        recaps = (
            folded.filter("cued")
            .select("claim_id", clause, tail, from_to.alias("from_to"))
            .select(
                "claim_id",
                (
                    any_cue("clause", "recap")
                    | any_cue("clause", "recap_after")
                    | any_cue("tail", "recap_after")
                    | pl.col("from_to")
                ).alias("is_recap"),
            )
        )
        # the time the figure's own words name: the words right after it first, then its clause
        timed = folded.filter("timed").select(
            "claim_id",
            pl.coalesce(
                self._named_month(_folded_words(pl.col("after")).list.head(TIME_AFTER_WORDS).list.join(" ")),
                self._named_month(clause),
            ).alias("named_month"),
        )
        return (
            flagged.select("claim_id", "sentence_id")
            .join(recaps, on="claim_id", how="left")
            .join(sentences, on="sentence_id", how="left")
            .join(timed, on="claim_id", how="left")
            .select(
                "claim_id",
                pl.col("is_recap").fill_null(False),
                pl.col("is_correction").fill_null(False),
                pl.col("is_beyond").fill_null(False),
                pl.col("named_month").cast(pl.Int32),
            )
        )

    def _cue_screen(self) -> str:
        """A regex over lower-cased raw text that every text whose folding holds a recap, correction or
        horizon cue, or a "from 115 to 97", matches (:func:`_cue_screen`)."""
        kinds = ("recap", "recap_after", "correction", "horizon")
        cues = sorted(set(self.cues.filter(pl.col("kind").is_in(kinds))["cue"].to_list()))
        return _cue_screen(tuple(cues))

    def _named_month(self, text: pl.Expr) -> pl.Expr:
        """The month that ``text`` (folded) names after a preposition ("in January", "de février"), as its
        number; 0 for a time named relative to another ("the previous month", "un an plus tot"); else null."""
        relative = self.cues.filter(pl.col("kind") == "time")["cue"].to_list()
        named: pl.Expr = pl.lit(None, dtype=pl.Int32)
        if relative:
            pattern = r"(?:^|[^\p{L}])(?:" + "|".join(_escape(c) for c in relative) + r")(?:$|[^\p{L}])"
            named = pl.when(text.str.contains(pattern)).then(pl.lit(0, dtype=pl.Int32)).otherwise(named)
        month = text.str.extract(_NAMED_MONTH, 1).replace_strict(_MONTH_NAMES, default=None, return_dtype=pl.Int32)
        return pl.coalesce(month, named)


# Full month names of every language, folded (extract/lang/<lang>/months.txt), and the prepositions that make
# one the figure's own time ("in January", "en janvier", "reading of January", "du mois de mars").
_MONTH_NAMES = {fold(word): number for lang in LANGUAGES for word, number, abbr in months(lang) if not abbr}
_MONTH_WORDS = set(_MONTH_NAMES) | {w.lower() for lang in LANGUAGES for w, _n, abbr in months(lang) if not abbr}
_MONTH_PREPOSITIONS = r"in|of|for|since|en|de|d'|du mois de|au mois de|depuis"
# The month a folded text names after a preposition (captured), and the same on raw lower-cased text.
_NAMED_MONTH = (
    r"(?:^|[^\p{L}])(?:"
    + _MONTH_PREPOSITIONS
    + r")\s*("
    + "|".join(re.escape(m) for m in sorted(_MONTH_NAMES, key=len, reverse=True))
    + r")(?:$|[^\p{L}])"
)
_NAMED_MONTH_RAW = (
    r"(?:^|[^\p{L}])(?:"
    + _MONTH_PREPOSITIONS.replace("'", "['’]")
    + r")\s*(?:"
    + "|".join(re.escape(m) for m in sorted(_MONTH_WORDS, key=len, reverse=True))
    + r")(?:$|[^\p{L}])"
)


def _escape(phrase: str) -> str:
    """A cue as a regex: literal text, any run of spaces between its words."""
    return r"\s+".join(re.escape(w) for w in phrase.split())


# --- the cue screen: folded phrases found in raw text ----------------------------------------------------------
#
# Folding (corroborate.text.fold_expr) is the costly part of reading cues: Unicode decomposition of every
# sentence. Folding works character by character and leaves ASCII as it is (once lower-cased), so a pattern
# over the raw, lower-cased text can follow it: each letter of a folded cue is that letter or any non-ASCII
# character (é, è, ê, ’ ...), followed by any non-ASCII characters (combining marks, which folding drops); a
# space between a cue's words is any run of characters that are not ASCII letters or digits; a word's edge is
# anything but an ASCII letter. What folding turns into several characters, one of them ASCII ("ﬁ" into
# "fi", "™" into "tm"), and every character beyond the Basic Multilingual Plane, make the screen keep their
# text whatever it holds.

_NON_ASCII = r"\x{80}-\x{10FFFF}"


@functools.cache
def _unfolded() -> str:
    """A regex class of the raw characters whose folding a one-character-per-letter pattern cannot follow:
    measured over the Basic Multilingual Plane with the same polars expressions as the folding itself."""
    plane = [chr(code) for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF]  # surrogates are no text
    table = pl.DataFrame({"char": plane}).select(
        "char", fold_expr(pl.col("char")).alias("folded"), pl.col("char").str.to_lowercase().alias("lower")
    )
    folded: dict[str, str] = dict(zip(table["char"].to_list(), table["folded"].to_list(), strict=True))
    chars = {
        char
        for char, into in folded.items()
        if len(into) > 1 and any(c.isascii() and (c.isalnum() or c == "'") or c.isspace() for c in into)
    }
    # the screen reads the text lower-cased, the folding reads it as written: a character whose two ways
    # differ is not followed either
    for lower, into in table.select("lower", "folded").iter_rows():
        if "".join(folded.get(c, "\0") for c in lower) != into:
            chars.update(c for c in lower if not c.isascii())
    lost = sorted(ord(c) for c in chars)
    ranges: list[tuple[int, int]] = []
    for code in lost:
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    inside = "".join(f"\\x{{{a:X}}}" if a == b else f"\\x{{{a:X}}}-\\x{{{b:X}}}" for a, b in ranges)
    return "[" + inside + r"\x{10000}-\x{10FFFF}]"


@functools.cache
def _cue_screen(cues: tuple[str, ...]) -> str:
    """A regex over lower-cased raw text that matches wherever the folded text holds one of the folded
    ``cues`` as whole words, or a "from 115 to 97" ("de 41 à 31"), or a character :func:`_unfolded` names."""
    between = r"[^a-z0-9]+"

    def phrase(cue: str) -> str:
        return between.join(
            "".join(f"[{re.escape(c)}{_NON_ASCII}][{_NON_ASCII}]*" for c in word) for word in cue.split()
        )

    def any_of(words: list[str] | tuple[str, ...]) -> str:
        return "(?:" + "|".join(phrase(w) for w in words) + ")"

    whole = "(?:^|[^a-z])" + any_of(cues) + "(?:$|[^a-z])"
    from_to = (
        "(?:^|[^a-z])" + any_of(["from", "de", "d'"]) + between + any_of(["to", "a"]) + between + f"[0-9{_NON_ASCII}]"
    )
    return "|".join([whole, from_to, _unfolded()])

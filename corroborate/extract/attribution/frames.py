"""The tables attribution exchanges with the extractor (mentions, figures, sentences, quotes: polars
schemas) and the one shape of a figure-source candidate that the ranking reads, with each pattern's
priority and confidence."""

from __future__ import annotations

import polars as pl

# --- schemas of the mention tables ----------------------------------------------------------------

SPEAKER_SCHEMA: dict[str, pl.DataType] = {
    "art": pl.Int64(),
    "sent_id": pl.Int64(),
    "cue_id": pl.Int64(),
    # verb | according | agent | backref | mention (a named subject that says nothing) | author (of a
    # document: "the report by X") | entity (an organisation or place named anywhere: antecedents only)
    "kind": pl.String(),
    "cue_start": pl.Int64(),  # the cue word (verb, "selon") in article characters
    "cue_end": pl.Int64(),
    "group_start": pl.Int64(),  # start of the speech group: subject + auxiliaries + verb
    "source": pl.String(),
    "source_org": pl.String(),
    "gender": pl.String(),
    "role": pl.String(),
    "anaphor": pl.String(),  # pronoun | descriptor | null
    "deny": pl.Boolean(),
    "strength": pl.Float64(),  # how sure the phrase is a speaker (parse vs linear fallback)
    "main": pl.Boolean(),  # the cue heads the sentence (may speak for figures it does not govern)
    "head_start": pl.Int64(),  # the cue's syntactic head (an agent participle hangs on the figure's noun)
    "person": pl.Boolean(),  # the source is a person (not an organisation, place or document author)
    "incise": pl.Boolean(),  # the cue is an incise (", a précisé X", ", said X") that may speak backwards
    "fallback": pl.Boolean(),  # an anaphor that found no antecedent and kept its own words
}

FIGURE_SCHEMA: dict[str, pl.DataType] = {
    "art": pl.Int64(),
    "fig": pl.Int64(),
    "sent_id": pl.Int64(),
    "char_start": pl.Int64(),
    "char_end": pl.Int64(),
    "anc": pl.List(pl.Int64()),  # article offsets of the figure's syntactic ancestors
    "unit": pl.String(),
    "speakerless": pl.Boolean(),  # its sentence names nobody (no cue, no named subject)
    "value": pl.Float64(),
    "list_before": pl.Int64(),  # list item: the sentence introducing the list ("Key figures:")
    "list_after": pl.Int64(),  # list item: the sentence right after the list
    "headline": pl.Boolean(),  # the figure sits in the article's headline line
    "next_free": pl.Boolean(),  # the next sentence carries no figure of its own
    "qualifier": pl.String(),  # exact | approx | at_least | at_most | projection | range
    "bracket": pl.String(),  # a source named in brackets right after the figure ("3,5 millions (CGT)")
    "extreme": pl.Boolean(),  # its sentence names a record or an extreme ("le record de 10,6 %")
    "measured": pl.Boolean(),  # a word by which a statistic moves governs it ("a reculé à 2,4 %", "a 0.1% rise")
}

SENTENCE_SCHEMA: dict[str, pl.DataType] = {
    "art": pl.Int64(),
    "sent_id": pl.Int64(),
    "para": pl.Int64(),  # paragraph number (line breaks before the sentence)
    "document": pl.Boolean(),  # the sentence names a document or count: report, analysis, bilan, tally
    "speech": pl.Boolean(),  # the sentence holds a cue verb (its named subject may speak, parse or not)
}

QUOTE_SCHEMA: dict[str, pl.DataType] = {
    "art": pl.Int64(),
    "quote_id": pl.Int64(),
    "q_start": pl.Int64(),
    "q_end": pl.Int64(),
    "after_gap": pl.Int64(),  # punctuation/space characters right after the closing mark
    "colon_at": pl.Int64(),  # offset of a ':' introducing the quote, if any
}

PRIORITY = {
    "quote": (100.0, 0.95),
    "bracket": (99.0, 0.9),
    "gapped": (97.0, 0.85),
    "owner": (98.0, 0.9),
    "agent": (96.0, 0.95),
    "according": (92.0, 0.9),
    "governs": (90.0, 0.9),
    "according_across": (80.0, 0.8),
    "sentence": (70.0, 0.75),
    "agent_across": (66.0, 0.7),
    "intent": (65.0, 0.7),
    "author": (62.0, 0.7),
    "quote_carry": (60.0, 0.65),
    "quote_forward": (58.0, 0.6),
    "backref": (55.0, 0.6),
    "continuation": (50.0, 0.55),
    "list_intro": (46.0, 0.6),
    "list_after": (45.0, 0.55),
    "headline": (44.0, 0.6),
    "restatement": (42.0, 0.55),
    "forward": (40.0, 0.55),
    "discourse": (30.0, 0.6),
    "lead": (25.0, 0.5),
}

SPEAKING_KINDS = ("verb", "according", "agent", "mention")


def candidate_columns(pattern: str, dist: pl.Expr, deny: pl.Expr | None = None) -> list[pl.Expr]:
    """The one shape the ranking reads: figure, source, denial, pattern, distance and cue strength."""
    return [
        pl.col("art"),
        pl.col("fig"),
        pl.col("source"),
        pl.col("source_org"),
        (pl.lit(False) if deny is None else deny).alias("deny"),
        pl.lit(pattern).alias("pattern"),
        dist.alias("dist"),
        pl.col("strength"),
    ]


def as_candidates(frame: pl.LazyFrame, pattern: str, dist: pl.Expr, deny: pl.Expr | None = None) -> pl.LazyFrame:
    """Figure-source candidates of one pattern, in the one shape the ranking reads."""
    return frame.select(candidate_columns(pattern, dist, deny))


def ranked_candidates(frame: pl.LazyFrame, pattern: str, dist: pl.Expr, decay: pl.Expr | None = None) -> pl.LazyFrame:
    """Candidates of a pattern that carries its own priority and confidence (``PRIORITY[pattern]``): the
    confidence is the pattern's times the cue's strength, times ``decay`` when the source is far away."""
    prio, conf = PRIORITY[pattern]
    confidence = pl.lit(conf) * pl.col("strength") * (pl.lit(1.0) if decay is None else decay)
    return frame.select(
        *candidate_columns(pattern, dist), pl.lit(prio).alias("prio"), confidence.clip(0.0, 1.0).alias("confidence")
    )


def credited_figures(figures: pl.LazyFrame, cands: pl.LazyFrame, *extra: pl.Expr) -> pl.LazyFrame:
    """The figures a candidate credits (denials aside), as another figure of the article compares with
    them: ``art``, ``extra``, value, unit and start as ``b_value``, ``b_unit``, ``b_start``, and the
    candidate's source, organisation and strength."""
    return figures.join(cands.filter(~pl.col("deny").fill_null(False)), on=["art", "fig"]).select(
        "art",
        *extra,
        pl.col("value").alias("b_value"),
        pl.col("unit").alias("b_unit"),
        pl.col("char_start").alias("b_start"),
        "source",
        "source_org",
        "strength",
    )

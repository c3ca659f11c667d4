"""The figure <-> source pairing: ``pair(figures, speakers, quotes, sentences)`` as polars expressions
over LazyFrames.

Resolve anaphors to the last fitting named speaker of the article (as-of joins), give each quote its
speaker (incise after it, introduction with ``:`` before it), build every figure x candidate pair of the
same sentence (plus quote speakers and back-references from the next sentence), then weaker patterns
for figures their own sentence credits to nobody (the line introducing or following a list, the lead
under a headline, a figure-free next sentence closing on an incise, the source carried over from
before), rank them by pattern strength and keep the best one per figure."""

from __future__ import annotations

import polars as pl

from corroborate.extract.attribution.anaphora import (
    canonical_sources,
    discourse_candidates,
    lead_candidates,
    resolve_anaphors,
)
from corroborate.extract.attribution.frames import PRIORITY, as_candidates, credited_figures, ranked_candidates

GAPPED_CHARS = 12  # "l'intersyndicale plus de 2,5 millions": the subject, a qualifier, the figure
ACROSS_CHARS = 12  # a cue this close after another figure hangs on that figure ("119 000 selon")


def pair(
    figures: pl.LazyFrame,
    speakers: pl.LazyFrame,
    quotes: pl.LazyFrame,
    sentences: pl.LazyFrame | None = None,
) -> pl.LazyFrame:
    """Best source per figure: ``art, fig, source, source_org, attributed, confidence, pattern, drop``.

    ``drop`` marks figures whose best cue denies them (not claims at all). ``sentences``
    (``SENTENCE_SCHEMA``) enables the discourse patterns: a restated figure takes the source of the
    attributed figure it restates, and a figure nobody is credited with takes the last source named a
    few sentences before (further when that source was named with a report or an analysis).
    """
    # materialised once: every pattern below reads it (a lazy plan would recompute it per branch)
    sp = resolve_anaphors(speakers, quotes).collect().lazy()
    figures = figures.collect().lazy()
    named = sp.filter(~pl.col("deny") & (pl.col("kind") != "backref"))

    # each quote's speaker: an incise right after it, else a ':' introduction right before it
    incise = (
        quotes.join(named.filter(pl.col("kind") == "verb"), on="art")
        .filter(
            (pl.col("group_start") >= pl.col("q_end"))
            & (pl.col("group_start") <= pl.col("q_end") + pl.col("after_gap"))
        )
        .with_columns(rank=pl.lit(0))
    )
    intro = (
        quotes.join(named.filter(pl.col("kind").is_in(["verb", "mention"])), on="art")
        .filter(
            pl.col("colon_at").is_not_null()
            & (pl.col("cue_end") <= pl.col("colon_at"))
            & (pl.col("colon_at") - pl.col("cue_end") <= 60)
        )
        .with_columns(rank=pl.lit(1))
    )
    quote_speaker = (
        pl.concat([incise, intro], how="vertical")
        .sort("art", "quote_id", "rank", (pl.col("cue_start") - pl.col("q_end")).abs())
        .group_by("art", "quote_id", maintain_order=True)
        .first()
        .select("art", "quote_id", "source", "source_org", "strength")
    )
    fig_quote = (
        figures.join(quotes, on="art")
        .filter((pl.col("char_start") >= pl.col("q_start")) & (pl.col("char_end") <= pl.col("q_end")))
        .select("art", "fig", "quote_id", "q_start")
        .sort("art", "fig", "q_start", descending=[False, False, True])
        .group_by("art", "fig", maintain_order=True)
        .first()
    )

    base = figures.select("art", "fig", "sent_id", "char_start", "char_end", "anc")
    # 1. quotes with a speaker
    c_quote = as_candidates(fig_quote.join(quote_speaker, on=["art", "quote_id"]), "quote", pl.lit(0))
    # 2. same-sentence cues: agent, according, governing verb, any verb of the sentence
    governs = pl.col("anc").list.contains(pl.col("cue_start"))
    same = base.join(
        sp.filter(pl.col("kind").is_in(["verb", "according", "agent", "owner", "intent"])), on=["art", "sent_id"]
    ).filter(
        governs
        | (pl.col("main") & ~pl.col("kind").is_in(["owner", "intent"]))
        | pl.col("kind").is_in(["according", "agent"])
    )
    # "selon X" / "according to X" / "annoncées par X" speaks for the figures next to it: one with another
    # figure of the sentence between it and the cue ("la CGT revendique 800 000, contre 119 000 selon la
    # police"; "97 morts, contre 115 victimes annoncées par les autorités, a fait savoir X") is only weakly
    # X's, below the verb that governs it or speaks for the sentence
    others = figures.select(
        "art", "sent_id", pl.col("char_start").alias("other_start"), pl.col("char_end").alias("other_end")
    )
    across = (
        same.filter(pl.col("kind").is_in(["according", "agent"]))
        .join(others, on=["art", "sent_id"])
        .filter(
            # the cue hangs on a later figure of the sentence, right after it ("119 000 selon la police",
            # "115 victimes annoncées par"); a cue closing the sentence ("…, Reuters reported, citing X")
            # still speaks for all its figures
            (pl.col("other_start") > pl.col("char_start"))
            & (pl.col("other_end") <= pl.col("cue_start"))
            & (pl.col("cue_start") - pl.col("other_end") <= ACROSS_CHARS)
        )
        .select("art", "fig", "cue_start", pl.lit(True).alias("across"))
        .unique()
    )
    same = same.join(across, on=["art", "fig", "cue_start"], how="left").with_columns(pl.col("across").fill_null(False))
    c_same = same.select(
        "art",
        "fig",
        "source",
        "source_org",
        "deny",
        pattern=pl.when((pl.col("kind") == "agent") & pl.col("across") & ~governs)
        .then(pl.lit("agent_across"))
        .when(pl.col("kind") == "agent")
        .then(
            pl.when(governs | pl.col("anc").list.contains(pl.col("head_start")))
            .then(pl.lit("agent"))
            .otherwise(pl.lit("sentence"))
        )
        .when(pl.col("kind") == "owner")
        .then(pl.lit("owner"))
        .when(pl.col("kind") == "intent")
        .then(pl.lit("intent"))
        .when((pl.col("kind") == "according") & pl.col("across"))
        .then(pl.lit("according_across"))
        .when(pl.col("kind") == "according")
        .then(pl.lit("according"))
        .when(governs)
        .then(pl.lit("governs"))
        .otherwise(pl.lit("sentence")),
        dist=(pl.col("cue_start") - pl.col("char_start")).abs(),
        strength=pl.col("strength"),
    )
    # 2b. a source in brackets right after the figure: "1,09 million (Intérieur) et 3,5 millions (CGT)"
    c_bracket = figures.filter(pl.col("bracket").is_not_null()).select(
        "art",
        "fig",
        pl.col("bracket").alias("source"),
        pl.col("bracket").alias("source_org"),
        pl.lit(False).alias("deny"),
        pl.lit("bracket").alias("pattern"),
        pl.lit(0).cast(pl.Int64).alias("dist"),
        pl.lit(1.0).alias("strength"),
    )
    # 2b'. the subject a gapped clause keeps right before its figure: "… et l'intersyndicale plus de 2,5
    #     millions" (the phrase ends at most GAPPED_CHARS before the figure)
    c_gapped = as_candidates(
        base.join(sp.filter(pl.col("kind") == "gapped"), on=["art", "sent_id"]).filter(
            (pl.col("char_start") >= pl.col("cue_end")) & (pl.col("char_start") - pl.col("cue_end") <= GAPPED_CHARS)
        ),
        "gapped",
        pl.col("char_start") - pl.col("cue_end"),
    )
    # 2c. a document whose author the sentence names: "296 morts, selon un premier bilan officiel du ministère"
    c_author = as_candidates(
        base.join(sp.filter((pl.col("kind") == "author") & ~pl.col("deny")), on=["art", "sent_id"]),
        "author",
        (pl.col("cue_start") - pl.col("char_start")).abs(),
    )
    # 3. quoted figure without incise: the last named speaker before the quote
    carry = (
        fig_quote.join(quote_speaker, on=["art", "quote_id"], how="anti")
        .sort("art", "q_start")
        .join_asof(
            named.filter(pl.col("kind").is_in(["verb", "mention"]))
            .select("art", pl.col("cue_start").alias("q_start"), "source", "source_org", "strength")
            .sort("art", "q_start"),
            on="q_start",
            by="art",
            strategy="backward",
            check_sortedness=False,
        )
        .filter(pl.col("source").is_not_null())
        .pipe(as_candidates, "quote_carry", pl.lit(0))
    )
    # 3b. a quote that opens the text with no speaker around it, named by the next sentence: "« Moins de
    #     5,5 % et plus de 5 %. » C'est le déficit que vise Eric Lombard"
    quote_forward = (
        fig_quote.join(quote_speaker, on=["art", "quote_id"], how="anti")
        .join(figures.select("art", "fig", "sent_id"), on=["art", "fig"])
        .with_columns(pl.col("sent_id") + 1)
        .join(
            named.filter(pl.col("kind").is_in(["verb", "intent"]) & ~pl.col("deny")).select(
                "art", "sent_id", "source", "source_org", "strength", "cue_start"
            ),
            on=["art", "sent_id"],
        )
        .pipe(as_candidates, "quote_forward", pl.col("cue_start") - pl.col("q_start"))
    )
    # 4. "X a confirmé l'information" credits the figures of the sentence before
    back = as_candidates(
        base.join(
            sp.filter(pl.col("kind") == "backref").with_columns(sent_id=pl.col("sent_id") - 1), on=["art", "sent_id"]
        ),
        "backref",
        pl.col("cue_start") - pl.col("char_start"),
        deny=pl.col("deny"),
    )
    # 5. a speakerless sentence right after a "selon X" figure of the same unit continues X's figures
    #    ("Selon l'Insee, l'inflation a ralenti à 1,2 %. Elle s'établissait à 1,8 % en août.")
    according_prev = (
        base.join(sp.filter(pl.col("kind") == "according"), on=["art", "sent_id"])
        .select(
            "art", (pl.col("sent_id") + 1).alias("sent_id"), "source", "source_org", "strength", pl.col("cue_start")
        )
        .join(figures.select("art", (pl.col("sent_id") + 1).alias("sent_id"), "unit").unique(), on=["art", "sent_id"])
    )
    cont = (
        figures.filter(pl.col("speakerless"))
        .select("art", "fig", "sent_id", "unit", "char_start")
        .join(according_prev, on=["art", "sent_id", "unit"])
        .pipe(as_candidates, "continuation", pl.col("char_start") - pl.col("cue_start"))
    )
    # 6. list items whose source is given around them: the speaker or author
    #    named in the line introducing the list, else in the line right after it
    credible = sp.filter(
        pl.col("kind").is_in(["verb", "according", "agent", "author", "mention"])
        & ~pl.col("fallback")
        & ~pl.col("deny")
    ).select("art", "sent_id", "source", "source_org", "strength", "cue_start")
    listed = figures.filter(
        pl.col("speakerless") & (pl.col("list_before").is_not_null() | pl.col("list_after").is_not_null())
    )
    c_list = pl.concat(
        [
            listed.join(credible, left_on=["art", "list_before"], right_on=["art", "sent_id"]).with_columns(
                pattern=pl.lit("list_intro"), dist=(pl.col("char_start") - pl.col("cue_start")).abs()
            ),
            listed.join(credible, left_on=["art", "list_after"], right_on=["art", "sent_id"]).with_columns(
                pattern=pl.lit("list_after"), dist=(pl.col("cue_start") - pl.col("char_start")).abs()
            ),
        ],
        how="vertical_relaxed",
    ).select("art", "fig", "source", "source_org", pl.lit(False).alias("deny"), "pattern", "dist", "strength")
    # 7. a figure opening a speakerless sentence, followed by a figure-free sentence that closes on an
    #    incise ("Près de 4 000 hectares ont brûlé. C'est un bilan provisoire, a précisé X.")
    c_forward = (
        figures.filter(pl.col("speakerless") & pl.col("next_free"))
        .select("art", "fig", "char_start", sent_id=pl.col("sent_id") + 1)
        .join(sp.filter((pl.col("kind") == "verb") & pl.col("incise") & ~pl.col("deny")), on=["art", "sent_id"])
        .pipe(as_candidates, "forward", pl.col("cue_start") - pl.col("char_start"))
    )
    prio = pl.col("pattern").replace_strict({k: v[0] for k, v in PRIORITY.items()}, return_dtype=pl.Float64)
    conf = pl.col("pattern").replace_strict({k: v[1] for k, v in PRIORITY.items()}, return_dtype=pl.Float64)
    cands = (
        pl.concat(
            [c_quote, c_bracket, c_gapped, c_same, c_author, carry, quote_forward, back, cont, c_list, c_forward],
            how="vertical_relaxed",
        )
        .with_columns(prio=prio, confidence=(conf * pl.col("strength")).clip(0.0, 1.0))
        .sort("art", "fig", "prio", "dist", descending=[False, False, True, False])
        .group_by("art", "fig", maintain_order=True)
        .first()
    )
    cands = cands.collect().lazy()
    cands = pl.concat([cands, _headline_candidates(figures, cands)], how="diagonal_relaxed").collect().lazy()
    if sentences is not None:
        cands = pl.concat([cands, discourse_candidates(figures, sp, cands, sentences)], how="diagonal_relaxed")
        cands = pl.concat([cands, lead_candidates(figures, sp, cands)], how="diagonal_relaxed")
    return canonical_sources(figures.select("art", "fig").join(cands, on=["art", "fig"], how="left"), sp).select(
        "art",
        "fig",
        "source",
        "source_org",
        attributed=pl.col("source").is_not_null() & ~pl.col("deny").fill_null(False),
        confidence=pl.col("confidence").fill_null(0.6),
        pattern=pl.col("pattern").fill_null("none"),
        drop=pl.col("deny").fill_null(False),
    )


def _headline_candidates(figures: pl.LazyFrame, cands: pl.LazyFrame) -> pl.LazyFrame:
    """A figure of the headline line that nobody is credited with takes the source of the same figure in
    the lead (same value, else same unit in the first body sentence): the headline sums up the story."""
    heads = figures.filter(pl.col("headline")).join(cands.select("art", "fig"), on=["art", "fig"], how="anti")
    body = credited_figures(figures.filter(~pl.col("headline")), cands, pl.col("sent_id").alias("b_sent"))
    matched = (
        heads.select("art", "fig", "value", "unit", "sent_id")
        .join(body, on="art")
        .filter(
            (pl.col("b_value") == pl.col("value"))
            | ((pl.col("b_unit") == pl.col("unit")) & (pl.col("b_sent") == pl.col("sent_id") + 1))
        )
        .with_columns(rank=pl.when(pl.col("b_value") == pl.col("value")).then(0).otherwise(1))
        .sort("art", "fig", "rank", "b_start")
        .group_by("art", "fig", maintain_order=True)
        .first()
    )
    return ranked_candidates(matched, "headline", pl.lit(0).cast(pl.Int64))

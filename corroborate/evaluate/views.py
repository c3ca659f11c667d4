"""Where a run against a labelled corpus went wrong, and what a reader sees: the verdicts no gold claim
has, the extraction errors, and the reader's and the rules' views per slice of storylines."""

from __future__ import annotations

import polars as pl

from corroborate.evaluate.corpus import Corpus
from corroborate.text import fold_expr

HELD_BACK = "held back"  # the opening of an outcome reason whose verdict a guard withheld (claim_outcomes.sql)


def _wrong_verdicts(corpus: Corpus, pred: pl.DataFrame, pairs: pl.DataFrame) -> pl.DataFrame:
    """Every attributed claim given a verdict no matching gold claim has, with what the gold says instead."""
    gold = _gold_verdicts(corpus, pairs)
    judged = pred.filter(pl.col("outcome").is_in(["revised", "corroborated"]))
    right = judged.join(gold, left_on=["pred_id", "outcome"], right_on=["pred_id", "gold_outcome"], how="semi")
    said = gold.group_by("pred_id").agg(pl.col("gold_outcome").unique().sort().str.join("/").alias("gold_says"))
    return (
        judged.filter(~pl.col("pred_id").is_in(right["pred_id"].implode()))
        .join(said, on="pred_id", how="left")
        .with_columns(pl.col("gold_says").fill_null("no gold claim"))
        .sort("storyline", "external_id", "char_start")
    )


def attribution_rule_view(
    pred: pl.DataFrame, best: pl.DataFrame, right_preds: pl.DataFrame, holdout: frozenset[str]
) -> pl.DataFrame:
    """Per attribution rule (``claims.attribution``), over the development storylines only: in how many
    storylines it credited a figure, how many figures it credited, how many of them are gold claims, and of
    the gold claims it matched best, how many went to the right source."""
    dev = pred.filter(~pl.col("storyline").is_in(sorted(holdout)))
    matched = best.filter(~pl.col("storyline").is_in(sorted(holdout))).select(
        "pred_id", pl.col("attribution_right").cast(pl.Int64)
    )
    return (
        dev.with_columns(pl.col("attribution").fill_null("?"))
        .join(matched, on="pred_id", how="left")
        .with_columns(pl.col("pred_id").is_in(right_preds["pred_id"].implode()).alias("gold"))
        .group_by("attribution")
        .agg(
            pl.col("storyline").n_unique().alias("storylines"),
            pl.len().alias("credited"),
            pl.col("gold").sum().alias("gold"),
            pl.col("attribution_right").is_not_null().sum().alias("matched"),
            pl.col("attribution_right").sum().alias("right"),
        )
        .sort(["credited", "attribution"], descending=[True, False])
    )


def _gold_verdicts(corpus: Corpus, pairs: pl.DataFrame) -> pl.DataFrame:
    """``pred_id, gold_outcome``: every gold outcome (clear or arguable) of the gold claims a prediction matches."""
    return pairs.join(corpus.gold_outcomes.select("gold_id", "gold_outcome"), on="gold_id").select(
        "pred_id", "gold_outcome"
    )


def _slices_of(storyline: pl.Expr, holdout: frozenset[str]) -> pl.Expr:
    """The slices a row of ``storyline`` counts in: its storyline and dev or holdout."""
    return pl.concat_list(
        storyline, pl.when(storyline.is_in(sorted(holdout))).then(pl.lit("holdout")).otherwise(pl.lit("dev"))
    )


def _verdict_precision(corpus: Corpus, pred: pl.DataFrame, pairs: pl.DataFrame, by: str) -> pl.DataFrame:
    """Per ``by`` and verdict: every attributed claim given that verdict, and how many match a gold claim with it."""
    gold = _gold_verdicts(corpus, pairs)
    judged = pred.filter(pl.col("outcome").is_in(["revised", "corroborated"])).select("pred_id", by, "outcome")
    right = judged.join(gold, left_on=["pred_id", "outcome"], right_on=["pred_id", "gold_outcome"], how="semi")
    return (
        judged.with_columns(pl.col("pred_id").is_in(right["pred_id"].implode()).alias("right"))
        .group_by(by, "outcome")
        .agg(pl.len().alias("said"), pl.col("right").sum().alias("right"))
    )


def reader_view(
    corpus: Corpus,
    pred: pl.DataFrame,
    pairs: pl.DataFrame,
    best: pl.DataFrame,
    sources: pl.DataFrame,
    holdout: frozenset[str],
) -> pl.DataFrame:
    """What a reader of the scores sees, per slice (GUIDE, "What a reader sees").

    - ``rev_all``/``cor_all``: right/said over **every** attributed claim given that verdict; right when it
      matches a gold claim (clear or arguable) with that outcome.
    - ``named``: right/all over the officials with a claim in the slice (their own or their descendants');
      right when the official, or a source under it, is rightly credited with a matched gold claim.
    - ``splits``: gold organisations whose rightly credited claims sit under two or more system roots.
    - ``merges``: system sources holding rightly credited claims of differently named gold organisations
      in articles placed in different countries (bodies of different countries answering for each other).

    ``sources`` is :func:`sources_from_db`: ``source_id, name, kind, root_id, descendant_id``.
    """
    slices = _slices_of(pl.col("storyline"), holdout).alias("slice")
    verdicts = (
        _verdict_precision(corpus, pred, pairs, "storyline")
        .with_columns(slices)
        .explode("slice")
        .group_by("slice", "outcome")
        .agg(pl.col("said").sum(), pl.col("right").sum())
    )
    listed = sources.select(pl.col("descendant_id").alias("source_id")).unique()
    # only claims whose source the scores list: a descriptor that is not listed shows no reader a split
    # a gold organisation is what its name says before any bracket ("County of Maui (Maui Police Department)")
    gold_org = pl.col("speaker_org").fill_null(pl.col("speaker")).str.split(" (").list.first().str.strip_chars()
    credited = (
        best.filter(pl.col("attribution_right"))
        .join(listed, on="source_id", how="semi")
        .with_columns(_country(best))
        .select("storyline", "source_id", "root_id", fold_expr(gold_org).alias("org_key"), "country")
    )
    officials = sources.filter(pl.col("kind") == "official")
    claims_of = pred.select("storyline", pl.col("source_id").alias("descendant_id")).unique()
    present = officials.join(claims_of, on="descendant_id").select("storyline", "source_id").unique()
    named_right = (
        officials.join(credited.select("storyline", pl.col("source_id").alias("descendant_id")), on="descendant_id")
        .select("storyline", "source_id")
        .unique()
    )
    named = (
        present.join(named_right.with_columns(pl.lit(True).alias("right")), on=["storyline", "source_id"], how="left")
        .with_columns(slices)
        .explode("slice")
        .group_by("slice")
        .agg(
            pl.col("source_id").n_unique().alias("officials"),
            pl.col("source_id").filter("right").n_unique().alias("named"),
        )
    )
    splits = (
        credited.group_by("storyline", "org_key")
        .agg(pl.col("root_id").n_unique().alias("roots"))
        .filter(pl.col("roots") > 1)
        .with_columns(slices)
        .explode("slice")
        .group_by("slice")
        .agg(pl.len().alias("splits"))
    )
    merged_orgs = (
        credited.group_by("source_id")
        .agg(
            pl.col("country").drop_nulls().n_unique().alias("countries"),
            pl.col("org_key").n_unique().alias("orgs"),
            pl.col("storyline").unique().alias("in"),
        )
        .filter((pl.col("countries") > 1) & (pl.col("orgs") > 1))
        .explode("in")
        .with_columns(_slices_of(pl.col("in"), holdout).alias("slice"))
        .explode("slice")
        .group_by("slice")
        .agg(pl.col("source_id").n_unique().alias("merges"))
    )
    names = [*corpus.storylines, "dev", "holdout"]
    frame = pl.DataFrame({"slice": names})
    for outcome, prefix in (("revised", "rev"), ("corroborated", "cor")):
        part = verdicts.filter(pl.col("outcome") == outcome).select(
            "slice", pl.col("right").alias(f"{prefix}_right"), pl.col("said").alias(f"{prefix}_said")
        )
        frame = frame.join(part, on="slice", how="left")
    frame = frame.join(named, on="slice", how="left").join(splits, on="slice", how="left")
    frame = frame.join(merged_orgs, on="slice", how="left")
    return frame.fill_null(0).filter((pl.col("slice") != "holdout") | pl.lit(bool(holdout & set(corpus.storylines))))


def split_view(best: pl.DataFrame, sources: pl.DataFrame, holdout: frozenset[str]) -> pl.DataFrame:
    """``storyline, org, roots``: on the development storylines only, each gold organisation whose rightly
    credited claims sit under two or more system roots, with those roots' names (a split lets a body
    corroborate itself). The held-out storylines are left out: their splits are part of their errors."""
    listed = sources.select(pl.col("descendant_id").alias("source_id"), "root_id").unique()
    names = sources.select(pl.col("source_id").alias("root_id"), pl.col("name").alias("root")).unique("root_id")
    gold_org = pl.col("speaker_org").fill_null(pl.col("speaker")).str.split(" (").list.first().str.strip_chars()
    credited = (
        best.filter(pl.col("attribution_right") & ~pl.col("storyline").is_in(sorted(holdout)))
        .drop("root_id", strict=False)
        .join(listed, on="source_id")
        .join(names, on="root_id", how="left")
        .select("storyline", gold_org.alias("org"), fold_expr(gold_org).alias("org_key"), "root_id", "root")
    )
    return (
        credited.group_by("storyline", "org_key")
        .agg(pl.col("org").first(), pl.col("root").fill_null(pl.col("root_id")).unique().sort().alias("roots"))
        .filter(pl.col("roots").list.len() > 1)
        .sort("storyline", "org_key")
        .select("storyline", "org", "roots")
    )


def unnamed_view(
    pred: pl.DataFrame, best: pl.DataFrame, sources: pl.DataFrame, holdout: frozenset[str]
) -> pl.DataFrame:
    """``storyline, official, claims``: on the development storylines only, the officials the scores list that
    are credited with no gold claim (nor is any source under them): fragments, generic nouns, places, events
    taken for speakers. The held-out storylines are left out."""
    officials = sources.filter(pl.col("kind") == "official")
    dev = pred.filter(~pl.col("storyline").is_in(sorted(holdout)))
    claims_of = dev.group_by("storyline", pl.col("source_id").alias("descendant_id")).agg(pl.len().alias("claims"))
    present = (
        officials.join(claims_of, on="descendant_id")
        .group_by("storyline", "source_id", "name")
        .agg(pl.col("claims").sum())
    )
    right = best.filter(pl.col("attribution_right")).select(pl.col("source_id").alias("descendant_id"))
    named = officials.join(right, on="descendant_id", how="semi").select("source_id").unique()
    return (
        present.join(named, on="source_id", how="anti")
        .sort("storyline", "name")
        .select("storyline", pl.col("name").alias("official"), "claims")
    )


def _country(frame: pl.DataFrame) -> pl.Expr:
    """The claim's article country (``country``), null for frames made without it."""
    return pl.col("country") if "country" in frame.columns else pl.lit(None, dtype=pl.String).alias("country")


def merge_view(best: pl.DataFrame, sources: pl.DataFrame, holdout: frozenset[str]) -> pl.DataFrame:
    """``source, held``: on the development storylines only, each system source that holds rightly credited
    claims of differently named gold organisations in articles placed in two or more countries (one body
    answering for another: the French and the Moroccan interior ministries), as "country: organisation"."""
    listed = sources.select(pl.col("descendant_id").alias("source_id"), pl.col("source_id").alias("listed_id"))
    names = sources.select(pl.col("source_id").alias("listed_id"), pl.col("name").alias("source")).unique("listed_id")
    gold_org = pl.col("speaker_org").fill_null(pl.col("speaker")).str.split(" (").list.first().str.strip_chars()
    credited = (
        best.filter(pl.col("attribution_right") & ~pl.col("storyline").is_in(sorted(holdout)))
        .join(listed, on="source_id")
        .with_columns(_country(best))
        .select("listed_id", "country", gold_org.alias("org"), fold_expr(gold_org).alias("org_key"))
    )
    return (
        credited.group_by("listed_id")
        .agg(
            pl.col("country").drop_nulls().n_unique().alias("countries"),
            pl.col("org_key").n_unique().alias("orgs"),
            pl.concat_str([pl.col("country").fill_null("?"), pl.col("org")], separator=": ")
            .unique()
            .sort()
            .alias("held"),
        )
        .filter((pl.col("countries") > 1) & (pl.col("orgs") > 1))
        .join(names, on="listed_id", how="left")
        .sort("source")
        .select("source", "held")
    )


def rule_view(corpus: Corpus, pred: pl.DataFrame, pairs: pl.DataFrame, holdout: frozenset[str]) -> pl.DataFrame:
    """Per verdict reason (the rule that decided it), over the development storylines only: in how many
    storylines it fired, its verdicts and how many of them are right (all-verdict precision).

    The held-out storylines are left out: where a rule fires there is part of their errors.
    A guard that held a verdict back (reason "held back: ...") is listed as ``held back``: right when no gold
    claim it matches is corroborated.
    """
    dev = pred.filter(~pl.col("storyline").is_in(sorted(holdout)))
    gold = _gold_verdicts(corpus, pairs)
    judged = dev.filter(
        pl.col("outcome").is_in(["revised", "corroborated"]) | pl.col("reason").str.starts_with(HELD_BACK)
    ).select(
        "pred_id",
        "storyline",
        pl.when(pl.col("outcome") == "unresolved").then(pl.lit("held back")).otherwise("outcome").alias("outcome"),
        pl.col("reason").fill_null("?"),
    )
    said = judged.join(gold, left_on=["pred_id", "outcome"], right_on=["pred_id", "gold_outcome"], how="semi")
    missed = judged.filter(pl.col("outcome") == "held back").join(
        gold.filter(pl.col("gold_outcome") == "corroborated"), on="pred_id", how="semi"
    )
    right = pl.concat([said.filter(pl.col("outcome") != "held back"), judged.filter(pl.col("outcome") == "held back")])
    right = right.join(missed.select("pred_id"), on="pred_id", how="anti")
    return (
        judged.with_columns(pl.col("pred_id").is_in(right["pred_id"].implode()).alias("right"))
        .group_by("outcome", "reason")
        .agg(
            pl.col("storyline").n_unique().alias("storylines"),
            pl.len().alias("verdicts"),
            pl.col("right").sum().alias("right"),
        )
        .sort(["outcome", "verdicts", "reason"], descending=[False, True, False])
    )


def guard_view(corpus: Corpus, pred: pl.DataFrame, pairs: pl.DataFrame, holdout: frozenset[str]) -> pl.DataFrame:
    """Per evidence guard (``relays``, ``disputed``: an agreement that proves nothing), over the development
    storylines only: in how many storylines it fired on an attributed claim, how many claims it touched, and of
    them how many a gold claim says are corroborated (what holding back may have cost)."""
    if "guards" not in pred.columns:
        return pl.DataFrame()
    dev = pred.filter(~pl.col("storyline").is_in(sorted(holdout)) & pl.col("guards").is_not_null())
    corroborated = _gold_verdicts(corpus, pairs).filter(pl.col("gold_outcome") == "corroborated")
    return (
        dev.select("pred_id", "storyline", "guards")
        .explode("guards")
        .with_columns(pl.col("pred_id").is_in(corroborated["pred_id"].implode()).alias("gold_corroborated"))
        .group_by(pl.col("guards").alias("guard"))
        .agg(
            pl.col("storyline").n_unique().alias("storylines"),
            pl.len().alias("claims"),
            pl.col("gold_corroborated").sum().alias("gold_corroborated"),
        )
        .sort("guard")
    )


_CHAIN_COLUMNS = (
    "outcome",
    "source",
    "text",
    "published_at",
    "quantity",
    "reason",
    "relation",
    "evidence_source",
    "evidence_text",
    "evidence_external_id",
    "evidence_published_at",
)


def _extraction_errors(
    gold: pl.DataFrame, pred: pl.DataFrame, strict: pl.DataFrame, right_preds: pl.DataFrame
) -> pl.DataFrame:
    """Misses, false positives and wrong speakers, each with its storyline and category."""
    missed = gold.filter(~pl.col("vague") & ~pl.col("gold_id").is_in(strict["gold_id"].implode())).select(
        "storyline",
        pl.lit("missed").alias("category"),
        pl.col("external_id"),
        pl.format("{} = {} [{}]", pl.col("quote_span"), pl.coalesce("value", "value_low"), pl.col("speaker")).alias(
            "detail"
        ),
    )
    false_positive = pred.filter(~pl.col("pred_id").is_in(right_preds["pred_id"].implode())).select(
        "storyline",
        pl.lit("false positive").alias("category"),
        pl.col("external_id"),
        pl.format("{} = {} [{}]", pl.col("text"), pl.col("value"), pl.col("source")).alias("detail"),
    )
    wrong = strict.filter(~pl.col("attribution_right")).select(
        "storyline",
        pl.lit("wrong speaker").alias("category"),
        pl.col("external_id"),
        pl.format("{}: expected {} ({}), got {} ({})", "text", "speaker", "speaker_org", "source", "source_org").alias(
            "detail"
        ),
    )
    return pl.concat([missed, false_positive, wrong]).sort("storyline", "category", "external_id", "detail")

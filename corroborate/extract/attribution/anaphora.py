"""Who a mention that names nobody by itself stands for, over the whole article (polars): anaphors
resolved to the last fitting named speaker (``resolve_anaphors``), one full name and organisation per
speaker (``canonical_sources``), and the sources a figure takes from the rest of the article when its
own sentence credits nobody: a restated figure, or the source carried over from a few sentences before
(``discourse_candidates``)."""

from __future__ import annotations

import polars as pl

from corroborate.extract import cues
from corroborate.extract.attribution.frames import SPEAKER_SCHEMA, SPEAKING_KINDS, credited_figures, ranked_candidates
from corroborate.text import fold_expr

# How far a source carries over speakerless figure sentences (``discourse``): sentences after the
# source, paragraph breaks crossed, and the confidence kept per sentence of distance.
CARRY_SENTENCES = 2
CARRY_SENTENCES_DOCUMENT = 4
CARRY_PARAGRAPHS = 0
CARRY_PARAGRAPHS_DOCUMENT = 1
CARRY_DECAY = 0.85
# Relative gap within which a round or qualified figure restates an attributed one ("nearly 5,000"
# for 4,870); bare figures must agree within rounding of their last digit.
RESTATE_TOLERANCE_APPROX = 0.05
RESTATE_TOLERANCE_EXACT = 0.005
# Whole numbers under this restate nothing: too common to be told again rather than met again.
RESTATE_MIN_WHOLE = 10
# The lead credit (``lead_candidates``): the patterns that name the source of the story's first figure,
# and how many figure sentences into the article that figure may sit (a photo caption may come first).
LEAD_PATTERNS = ("according", "governs", "sentence", "agent", "discourse")
LEAD_FIGURE_SENTENCES = 2


def resolve_anaphors(speakers: pl.LazyFrame, quotes: pl.LazyFrame | None = None) -> pl.LazyFrame:
    """Give every anaphor cue the last earlier mention of its article that fits it (as-of joins).

    A person or body named inside a direct quote (``quotes``, ``QUOTE_SCHEMA``) is whom the speaker talks
    about, never what a pronoun outside it stands for ("« le ministère de la Défense a pu nous aider »
    … a-t-il ajouté": il is the one quoted).

    * a pronoun (``a-t-elle ajouté``): the last named speaker, gender agreeing when both are known;
    * a role descriptor (``the spokesperson``, ``la préfète du Var``): the last named speaker with the
      same role whose organisation is compatible, else what the phrase itself names;
    * an organisation descriptor (``the agency``, ``le club breton``, ``it``, ``the data``): the last
      organisation named as speaker, author, entity or a person's organisation, else its own words;
    * ``selon la même source``: the last named speaker.

    Rows that keep their own words are marked ``fallback``; those with no words at all are dropped.
    """
    sp = speakers.sort("art", "cue_start")
    real = sp.filter(pl.col("anaphor").is_null() & pl.col("source").is_not_null() & ~pl.col("deny"))
    # a named subject of an intent ("que vise Eric Lombard") is as good an antecedent as a speaker
    speaking = real.filter(pl.col("kind").is_in([*SPEAKING_KINDS, "intent"]))
    if quotes is not None:
        quoted = (
            speaking.join(quotes.select("art", "q_start", "q_end"), on="art")
            .filter((pl.col("cue_start") > pl.col("q_start")) & (pl.col("cue_start") < pl.col("q_end")))
            .select("art", "cue_id")
        )
        speaking = speaking.join(quoted, on=["art", "cue_id"], how="anti")
    named = speaking.select(
        "art", pl.col("cue_start").alias("pos"), "source", "source_org", "gender", "role", "person"
    ).sort("art", "pos")
    # organisations: speakers that are not persons, authors, entities, and the organisation of a person
    org_rows = real.filter(pl.col("kind") != "backref").select(
        "art",
        pl.col("cue_start").alias("pos"),
        source=pl.when(pl.col("person")).then(pl.col("source_org")).otherwise(pl.col("source")),
        place=(pl.col("kind") == "entity") & (pl.col("role") == "place"),
        spoke=pl.col("kind") != "entity",
    )
    # only a name can be an antecedent ("région" taken from "le président de la région" is not one), and a
    # wire agency reporting ("…, Reuters reported. The ministry said …") is never "the ministry"
    orgs = (
        org_rows.filter(pl.col("source").str.contains(r"\p{Lu}"))
        .filter(~fold_expr(pl.col("source")).is_in(list(cues.WIRE_NAMES)))
        .sort("art", "pos")
    )
    ana = sp.filter(pl.col("anaphor").is_not_null()).with_columns(pos=pl.col("cue_start") - 1).sort("art", "pos")

    def asof(frame: pl.LazyFrame, right: pl.LazyFrame, tag: str, by: list[str]) -> pl.LazyFrame:
        r = right.select(
            *by,
            "pos",
            pl.col("source").alias(f"src_{tag}"),
            pl.col("source_org").alias(f"org_{tag}"),
            pl.col("gender").alias(f"g_{tag}"),
        )
        return frame.join_asof(r, on="pos", by=by, strategy="backward", check_sortedness=False)

    def asof_org(frame: pl.LazyFrame, right: pl.LazyFrame, tag: str) -> pl.LazyFrame:
        r = right.select("art", "pos", pl.col("source").alias(f"src_{tag}"))
        return frame.join_asof(r, on="pos", by="art", strategy="backward", check_sortedness=False)

    res = asof(ana, named, "any", ["art"])
    res = asof(res, named.filter(pl.col("gender").fill_null("f") == "f"), "f", ["art"])
    res = asof(res, named.filter(pl.col("gender").fill_null("m") == "m"), "m", ["art"])
    # English "he" / "she": the last person of that gender, never an organisation ("Maui County")
    people = named.filter(pl.col("person").fill_null(False))
    res = asof(res, people.filter(pl.col("gender").fill_null("f") == "f"), "pf", ["art"])
    res = asof(res, people.filter(pl.col("gender").fill_null("m") == "m"), "pm", ["art"])
    res = asof(
        res.with_columns(pl.col("role").fill_null("")),
        named.filter(pl.col("role").is_not_null()),
        "role",
        ["art", "role"],
    ).with_columns(pl.when(pl.col("role") == "").then(None).otherwise(pl.col("role")).alias("role"))
    res = asof_org(res, orgs.filter(~pl.col("place")), "org")
    # an organisation that spoke before: "according to a budget report from the Washington institution"
    # after "the IMF warned …, as the National Assembly is considering …" is the IMF's
    res = asof_org(res, orgs.filter(~pl.col("place") & pl.col("spoke")), "spoke")
    res = asof_org(res, orgs, "place")
    g = pl.col("gender")
    personal = (pl.col("anaphor") == "pronoun") & pl.col("person").fill_null(False)
    by_gender_src = (
        pl.when(personal & (g == "f"))
        .then(pl.col("src_pf"))
        .when(personal & (g == "m"))
        .then(pl.col("src_pm"))
        .when(g == "f")
        .then(pl.col("src_f"))
        .when(g == "m")
        .then(pl.col("src_m"))
        .otherwise(pl.col("src_any"))
    )
    by_gender_org = (
        pl.when(personal & (g == "f"))
        .then(pl.col("org_pf"))
        .when(personal & (g == "m"))
        .then(pl.col("org_pm"))
        .when(g == "f")
        .then(pl.col("org_f"))
        .when(g == "m")
        .then(pl.col("org_m"))
        .otherwise(pl.col("org_any"))
    )
    # a role descriptor naming an organisation only takes a speaker of that organisation
    own_org = pl.col("source_org").str.to_lowercase()
    their_org = pl.col("org_role").str.to_lowercase()
    role_fits = pl.col("src_role").is_not_null() & (
        own_org.is_null()
        | their_org.is_null()
        | their_org.str.contains(own_org, literal=True)
        | own_org.str.contains(their_org, literal=True)
    )
    kind = pl.col("anaphor")
    org_src = (
        pl.when(pl.col("role") == "place").then(pl.col("src_place")).otherwise(pl.coalesce("src_spoke", "src_org"))
    )

    def resolution(role_value: str, by_gender: pl.Expr, any_value: str) -> pl.Expr:
        """The referent's source (or organisation) by the kind of anaphor; one rule for both columns."""
        return (
            pl.when(kind == "descriptor")
            .then(
                pl.when(role_fits)
                .then(pl.col(role_value))
                .when(pl.col("source_org").is_null())
                .then(by_gender)
                .otherwise(None)
            )
            .when(kind == "org")
            .then(org_src)
            .when(kind == "same")
            .then(pl.col(any_value))
            .otherwise(by_gender)
        )

    new_src = resolution("src_role", by_gender_src, "src_any")
    new_org = resolution("org_role", by_gender_org, "org_any")
    resolved = (
        res.with_columns(new_src=new_src, new_org=new_org)
        .with_columns(
            fallback=pl.col("new_src").is_null(),
            source=pl.coalesce("new_src", "source"),
            source_org=pl.when(pl.col("new_src").is_null()).then(pl.col("source_org")).otherwise(pl.col("new_org")),
            strength=pl.when(pl.col("new_src").is_null())
            .then(pl.col("strength") * 0.6)
            .otherwise(pl.col("strength") * 0.9),
        )
        .select(list(SPEAKER_SCHEMA))
    )
    return pl.concat([sp.filter(pl.col("anaphor").is_null()), resolved], how="vertical").filter(
        pl.col("source").is_not_null()
    )


def discourse_candidates(
    figures: pl.LazyFrame, speakers: pl.LazyFrame, cands: pl.LazyFrame, sentences: pl.LazyFrame
) -> pl.LazyFrame:
    """Sources for figures no pattern of their own sentence credits, from the rest of the article.

    * ``restatement``: the figure restates an attributed figure of the same article (same unit, same
      value within rounding: "nearly 5,000" for 4,870, a headline or lede summing up the body), unless it
      is a small whole number (``RESTATE_MIN_WHOLE``: "3%", "2%" are rules and targets met again);
    * ``discourse``: the last source named before it (a cue verb, ``selon``/``according to``, an agent
      or a document's author) when it is near enough: ``CARRY_SENTENCES`` sentences in the same
      paragraph when that source gave a figure of the same unit, or ``CARRY_SENTENCES_DOCUMENT`` and
      one paragraph break, any unit, when its sentence named a report, an analysis or a tally. A nearer
      source takes over; confidence drops with distance.
    """
    cols = ("art", "fig", "source", "source_org", "deny", "pattern", "dist", "strength", "prio", "confidence")
    orphans = figures.join(cands.select("art", "fig"), on=["art", "fig"], how="anti").join(
        sentences, on=["art", "sent_id"], how="left"
    )
    tol = (
        pl.when(pl.col("qualifier").is_in(["exact"]) & pl.col("b_qualifier").is_in(["exact"]))
        .then(RESTATE_TOLERANCE_EXACT)
        .otherwise(RESTATE_TOLERANCE_APPROX)
    )
    body = credited_figures(figures, cands, pl.col("qualifier").alias("b_qualifier"))
    # a small whole number ("2%", "3%", "7") is too common to be the same figure told again: the EU's 3 %
    # rule, a 2 % target, a magnitude 7 restate nobody's count
    distinctive = (pl.col("value") % 1 != 0) | (pl.col("value").abs() >= RESTATE_MIN_WHOLE)
    restated = ranked_candidates(
        orphans.filter(distinctive)
        .join(body, on="art")
        .filter(
            (pl.col("b_unit") == pl.col("unit"))
            & ((pl.col("b_value") - pl.col("value")).abs() <= tol * pl.col("b_value").abs().clip(lower_bound=1e-9))
        )
        .with_columns(dist=(pl.col("b_start") - pl.col("char_start")).abs())
        .sort("art", "fig", "dist")
        .group_by("art", "fig", maintain_order=True)
        .first(),
        "restatement",
        pl.col("dist"),
    )
    # an organisation named in a sentence about a document is that document's author even when the
    # parse finds no cue ("Dans son rapport annuel, la Cour des comptes …")
    anchors = (
        speakers.join(sentences, on=["art", "sent_id"], how="left")
        .filter(
            (
                pl.col("kind").is_in(["verb", "according", "agent", "author", "intent"])
                # a named main subject in a sentence with a cue verb the parse did not tie to it
                | ((pl.col("kind") == "mention") & pl.col("main") & pl.col("speech").fill_null(False))
                | ((pl.col("kind") == "entity") & (pl.col("role") == "org") & pl.col("document").fill_null(False))
            )
            & ~pl.col("deny")
            & ~pl.col("fallback")
            & pl.col("source").is_not_null()
        )
        .select(
            "art",
            pl.col("cue_start").alias("pos"),
            pl.col("sent_id").alias("a_sent"),
            pl.col("para").alias("a_para"),
            pl.col("document").fill_null(False).alias("a_doc"),
            (pl.col("kind") == "entity").alias("weak"),
            "source",
            "source_org",
            "strength",
        )
        .join(
            figures.group_by("art", "sent_id").agg(a_units=pl.col("unit").unique()),
            left_on=["art", "a_sent"],
            right_on=["art", "sent_id"],
            how="left",
        )
        .sort("art", "pos")
    )
    d_sent = pl.col("sent_id") - pl.col("a_sent")
    d_para = pl.col("para") - pl.col("a_para")
    doc = pl.col("a_doc")
    pending = (
        orphans.join(restated.select("art", "fig"), on=["art", "fig"], how="anti")
        .with_columns(pos=pl.col("char_start"))
        .sort("art", "pos")
    )

    def carry(frame: pl.LazyFrame, tier: int) -> pl.LazyFrame:
        """The nearest anchor of ``frame`` before each pending figure, when near enough."""
        return (
            pending.join_asof(frame, on="pos", by="art", strategy="backward", check_sortedness=False)
            .filter(
                pl.col("source").is_not_null()
                # a plain statement carries only when it gave figures itself; a report always
                & (doc | pl.col("a_units").is_not_null())
                & (d_sent <= pl.when(doc).then(CARRY_SENTENCES_DOCUMENT).otherwise(CARRY_SENTENCES))
                & (d_para <= pl.when(doc).then(CARRY_PARAGRAPHS_DOCUMENT).otherwise(CARRY_PARAGRAPHS))
            )
            .with_columns(tier=pl.lit(tier))
        )

    # a speaker in the window wins over a body merely named in a sentence about a document
    carried = ranked_candidates(
        pl.concat(
            [carry(anchors.filter(~pl.col("weak")), 0), carry(anchors.filter(pl.col("weak")), 1)],
            how="vertical_relaxed",
        )
        .sort("art", "fig", "tier")
        .group_by("art", "fig", maintain_order=True)
        .first(),
        "discourse",
        pl.col("char_start") - pl.col("pos"),
        decay=pl.lit(CARRY_DECAY).pow(d_sent),
    )
    return pl.concat([restated.select(cols), carried.select(cols)], how="vertical_relaxed")


def lead_candidates(figures: pl.LazyFrame, speakers: pl.LazyFrame, cands: pl.LazyFrame) -> pl.LazyFrame:
    """``lead``: a figure nobody is credited with, in a sentence naming nobody, takes the source of the
    article's lead figure when it counts the same unit and nobody else has spoken since: a release the
    story reports ("Inflation eased to 2.4%, Eurostat said. … Core inflation hit 2.6%, after 2.7% in
    January") keeps its author's figures.

    The lead figure is credited in its own sentence (``LEAD_PATTERNS``) and sits in one of the first
    ``LEAD_FIGURE_SENTENCES`` figure sentences of the body; only figures after it take its source, when a
    word by which a statistic moves governs them ("a reculé à", "a 0.1% rise"; not "9,000 people live there") and
    their sentence places no record or extreme ("le record de 10,6 %": the outlet's background).
    """
    body = figures.filter(~pl.col("headline"))
    rank = (
        body.select("art", "sent_id")
        .unique()
        .with_columns(f_rank=pl.col("sent_id").rank("dense").over("art").cast(pl.Int64))
    )
    lead = (
        body.join(rank, on=["art", "sent_id"])
        .filter(pl.col("f_rank") <= LEAD_FIGURE_SENTENCES)
        .join(cands.filter(~pl.col("deny").fill_null(False)), on=["art", "fig"])
        .sort("art", "char_start")
        .group_by("art", maintain_order=True)
        .first()
        # the first credited figure leads only when its own sentence credits it
        .filter(pl.col("pattern").is_in(LEAD_PATTERNS))
        .select(
            "art",
            pl.col("unit").alias("l_unit"),
            pl.col("char_start").alias("l_start"),
            "source",
            "source_org",
            "strength",
        )
    )
    # the last speaker before each figure: another voice since the lead ends its reach
    voices = (
        speakers.filter(
            # an expectation ("economists had expected 2.3%") is an aside: the release still speaks after it
            pl.col("kind").is_in(["verb", "according", "agent"]) & ~pl.col("deny") & pl.col("source").is_not_null()
        )
        .select("art", pl.col("cue_start").alias("pos"), pl.col("source").alias("v_source"))
        .sort("art", "pos")
    )
    orphans = (
        body.filter(pl.col("speakerless") & pl.col("measured").fill_null(False) & ~pl.col("extreme").fill_null(False))
        .join(cands.select("art", "fig"), on=["art", "fig"], how="anti")
        .with_columns(pos=pl.col("char_start"))
        .sort("art", "pos")
        .join_asof(voices, on="pos", by="art", strategy="backward", check_sortedness=False)
    )
    return ranked_candidates(
        orphans.join(lead, on="art").filter(
            (pl.col("unit") == pl.col("l_unit"))
            & (pl.col("char_start") > pl.col("l_start"))
            & (pl.col("v_source").is_null() | (pl.col("v_source") == pl.col("source")))
        ),
        "lead",
        pl.col("char_start") - pl.col("l_start"),
    )


def canonical_sources(pairs: pl.LazyFrame, speakers: pl.LazyFrame) -> pl.LazyFrame:
    """One name per speaker and article: a bare surname becomes the full name the article uses
    elsewhere ("Selon Zelensky" -> "Volodymyr Zelensky"), and a missing organisation is taken from
    another mention of the same speaker ("Vedant Patel" -> "département d'État américain")."""
    names = (
        speakers.filter(pl.col("kind").is_in(SPEAKING_KINDS) & ~pl.col("fallback"))
        .select("art", "source", "source_org")
        .filter(pl.col("source").is_not_null())
    )
    words = pl.col("source").str.split(" ")
    full = (
        names.filter(words.list.len().is_between(2, 4))
        .select("art", last=words.list.last(), full="source")
        .unique(subset=["art", "last"], keep="first", maintain_order=True)
    )
    out = (
        pairs.join(full, left_on=["art", "source"], right_on=["art", "last"], how="left")
        .with_columns(source=pl.coalesce("full", "source"))
        .drop("full")
    )
    canon = (
        names.join(full, left_on=["art", "source"], right_on=["art", "last"], how="left")
        .with_columns(source=pl.coalesce("full", "source"))
        .group_by("art", "source")
        .agg(known_org=pl.col("source_org").drop_nulls().first())
    )
    return (
        out.join(canon, on=["art", "source"], how="left")
        .with_columns(source_org=pl.coalesce("source_org", "known_org"))
        .drop("known_org")
    )

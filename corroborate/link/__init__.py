"""The link stage: who said it, which articles copy which, what each figure counts, and what became of it.

``link(con)`` recomputes, over all stored claims, in order:

1. sources (``corroborate.link.sources``): ``sources``, ``source_aliases``, ``source_tree``, ``claim_sources``;
2. copies (``corroborate.link.copies``): ``article_copies``, ``article_groups``;
3. quantities: ``claim_quantities``, ``quantities`` and ``claims.quantity_id``;
4. outcomes: ``claim_facts`` and ``claim_signatures``, then ``claim_evidence`` and ``claim_outcomes`` for the
   quantities whose claims changed since the last run (``build_outcomes``), and the ``claim_explanations`` view.

The rules live in ``sql/models/*.sql``, one file per table; Python only resolves the distinct names
and subjects (a few thousand strings, not one per claim) and runs the models with parameters.

Subjects arrive as free text in French or English ("soldats nord-coréens", "North Korean troops"). They
are matched against the user-editable lexicon ``seeds/subjects.csv`` (term -> concept): a subject
matches a term when it contains every word of the term, after folding accents and case, dropping
function words and plural/feminine endings (``subject_words``); the term with most words wins. A claim
whose subject names no concept (vague, missing, or a wording the lexicon does not know) is placed by its
sentence when a term shares a word with its subject or its figure span and finds the rest in the sentence
(``SubjectLexicon.concepts_in_context``). Otherwise a subject the lexicon does not know keeps its own
content words as its key (same wording, same quantity, in any article) when it has at least two of them;
a one-word or empty subject ("soldats", "hommes") is too vague to link, and its claim stays alone unless
it has a period (see ``sql/models/claim_quantities.sql``).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from corroborate import vocab
from corroborate.db import model_sql, run_model, scalar_model
from corroborate.link.concepts import ConceptLexicon
from corroborate.link.copies import build_copies, stored_text_features
from corroborate.link.sources import build_sources, resolve_name
from corroborate.models import models_fed_by, registered
from corroborate.resources import DEFAULT_SUBJECT_FILE
from corroborate.text import fold, fold_expr, stem, stem_expr

# Tolerance of the outcome rules (sql/models/claim_facts.sql, claim_evidence.sql).
OUTCOME_PARAMS: dict[str, float] = {
    "slack": 0.02,  # relative slack on both ends of every interval
    "slack_ratio": 0.005,  # the same for a percentage: 6.1 % meets 6.13 %, not 5.8 %
    "approx_width": 0.10,  # an "about" figure left as a point by the extractor: +-10 %
    "approx_width_ratio": 0.03,  # "about 5 %" of GDP, "about 2,000 dead" today: +-3 % (4.85 to 5.15)
    "ratio_at_least_span": 1.1,  # "more than 6 %": 6 to 6.6
    "ratio_at_most_span": 0.9,  # "below 5 %": 4.5 to 5
    "at_least_span": 1.5,  # "more than N" left as a point: N to 1.5 N
    "at_most_span": 0.5,  # "up to N" left as a point: N/2 to N
    "overshoot": 0.15,  # a forecast is missed, not reached, by a later figure this much above it
    "count_days": 2,  # a running count is the same count for this many days either way
    "count_at_least_span": 1.0,  # "at least 2,012 dead" is the toll of the day: 2,012 and the slack
    "count_at_most_span": 0.95,  # "up to 850 missing": 808 to 850
}
# In a quantity with many claims, each claim is compared with about this many claims published before
# and after it (sql/models/claim_evidence.sql): the work stays linear in the number of claims.
EVIDENCE_BAND = 32

# Words that never say what is counted.
_FUNCTION_WORDS = frozenset(
    """
    a au aux avec ce ces dans de des du d en et l la le les leur leurs ou par pour sur un une y
    the of in on at to for from and or a an by with its their into
    nombre number total environ about some plus more moins less
    """.split()  # noqa: SIM905
)


_WORD = re.compile(r"[^\W\d_]+|\d+")


def subject_words(text: str | None) -> list[str]:
    """The content words of a subject, folded so that French and English endings do not matter.

    Accents and case are dropped, function words removed, and each word loses a final ``s``/``x`` and
    then a final ``e`` and has doubled letters collapsed: ``nord-coréennes`` -> ``nord``, ``coren``,
    ``troupes`` -> ``troup``, ``troops`` -> ``trop``.
    """
    if not text:
        return []
    return [stem(word) for word in _WORD.findall(fold(text)) if word not in _FUNCTION_WORDS]


def subject_words_frame(subjects: pl.Series) -> pl.DataFrame:
    """``(subject, word)`` rows: :func:`subject_words` of every subject, as polars expressions."""
    texts, words = _text_words(subjects)
    return words.join(texts, on="text_id").select(pl.col("text").alias("subject"), "word")


def _text_words(texts: pl.Series) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The distinct ``texts`` numbered (``text_id, text``), and :func:`subject_words` of each as distinct
    ``(text_id, word)`` rows: the words are carried by number, not by their text, through the steps below."""
    distinct = pl.DataFrame({"text": texts.unique()}).with_row_index("text_id")
    words = (
        distinct.select("text_id", fold_expr(pl.col("text")).str.extract_all(r"\p{L}+|\p{Nd}+").alias("word"))
        .explode("word")
        .drop_nulls("word")
        .filter(~pl.col("word").is_in(list(_FUNCTION_WORDS)))
    )
    # each distinct word is stemmed once: the stemmer is 28 passes over its column, and the same words
    # recur across subjects and sentences
    stems = words.select("word").unique().with_columns(stem_expr(pl.col("word")).alias("stem"))
    return distinct, words.join(stems, on="word").select("text_id", pl.col("stem").alias("word")).unique()


@dataclass
class SubjectLexicon:
    """Terms -> concepts, from ``seeds/subjects.csv``."""

    terms: list[tuple[frozenset[str], str]]

    @classmethod
    def read(cls, path: str | Path = DEFAULT_SUBJECT_FILE) -> SubjectLexicon:
        """Load a ``term,concept`` CSV (``#`` lines are comments)."""
        lines = [ln for ln in Path(path).read_text(encoding="utf-8").splitlines() if not ln.lstrip().startswith("#")]
        terms: list[tuple[frozenset[str], str]] = []
        for record in csv.DictReader(lines):
            words = frozenset(subject_words(record.get("term")))
            concept = (record.get("concept") or "").strip()
            if words and concept:
                terms.append((words, concept))
        # most words first; file order among equals
        terms.sort(key=lambda t: -len(t[0]))
        return cls(terms)

    def concept(self, subject: str | None) -> str | None:
        """The concept a subject names, or None when no term matches."""
        words = set(subject_words(subject))
        for term, concept in self.terms:
            if term <= words:
                return concept
        return None

    def concepts_in_context(self, contexts: pl.DataFrame) -> pl.DataFrame:
        """The concepts that vague subjects name given their sentences, for many claims at once.

        ``contexts`` has ``claim_id, subject, context, span``; returns ``claim_id, subject_key`` for the
        claims whose sentence places them. A term matches when it shares a word with the subject or the
        figure's own span (the counted noun stays the claim's own: "1,200 wounded" counts the wounded even
        without a subject) and finds all its words among those and the sentence's: subject "soldats" in
        "La Corée du Nord a envoyé 10'000 soldats" matches "soldats de Corée du Nord". The first term in
        lexicon order wins.
        """
        terms = self._terms_frame()
        vocabulary = terms.select("word").unique()

        def words_of(column: str) -> pl.DataFrame:
            texts = contexts.select("claim_id", pl.col(column).fill_null("").alias("text"))
            distinct, words = _text_words(texts["text"])
            # only the words of some term matter: the rest are dropped before they meet the claims
            words = words.join(vocabulary, on="word")
            return texts.join(distinct, on="text").join(words, on="text_id").select("claim_id", "word")

        own = pl.concat([words_of("subject"), words_of("span")]).unique()
        around = pl.concat([own, words_of("context")]).unique()
        complete = (
            around.join(terms, on="word")
            .group_by("claim_id", "term_id")
            .agg(pl.len().alias("found"), pl.col("size").first(), pl.col("concept").first())
            .filter(pl.col("found") == pl.col("size"))
        )
        sharing = own.join(terms, on="word").select("claim_id", "term_id").unique()
        return (
            complete.join(sharing, on=["claim_id", "term_id"])
            .sort("term_id")
            .group_by("claim_id")
            .agg(pl.col("concept").first().alias("subject_key"))
        )

    def _terms_frame(self) -> pl.DataFrame:
        """One row per (term, word): ``term_id`` (lexicon order), ``word``, ``size`` and ``concept``."""
        return pl.DataFrame(
            [
                {"term_id": i, "word": w, "size": len(term), "concept": concept}
                for i, (term, concept) in enumerate(self.terms)
                for w in term
            ],
            schema={"term_id": pl.Int64, "word": pl.String, "size": pl.Int64, "concept": pl.String},
        )

    def keys_frame(self, subjects: pl.Series) -> pl.DataFrame:
        """:meth:`key` of many subjects at once, as polars joins.

        Columns ``subject, subject_key, label``; the same answers as the per-subject method, at a cost
        that grows with the number of distinct words, not of terms times subjects.
        """
        # subjects are carried by number (text_id), not by their text, through the joins and groups below
        texts, words = _text_words(subjects)
        terms = self._terms_frame()
        hits = words.join(terms, on="word")
        concepts = (
            hits.group_by("text_id", "term_id")
            .agg(pl.len().alias("found"), pl.col("size").first(), pl.col("concept").first())
            .filter(pl.col("found") == pl.col("size"))
            .sort("term_id")
            .group_by("text_id")
            .agg(pl.col("concept").first())
        )
        own = (
            words.group_by("text_id")
            .agg(pl.col("word").unique().sort())
            .filter(pl.col("word").list.len() >= 2)
            .select("text_id", (pl.lit("~") + pl.col("word").list.join(" ")).alias("own_key"))
        )
        return (
            texts.join(concepts, on="text_id", how="left")
            .join(own, on="text_id", how="left")
            .select(
                pl.col("text").alias("subject"),
                pl.coalesce("concept", "own_key").alias("subject_key"),
                pl.when(pl.col("concept").is_not_null())
                .then(pl.col("concept"))
                .when(pl.col("own_key").is_not_null())
                .then(pl.col("text").str.strip_chars())
                .alias("label"),
            )
        )

    def key(self, subject: str | None) -> tuple[str | None, str | None]:
        """``(subject_key, label)`` of a subject; ``(None, None)`` when it is too vague to link."""
        concept = self.concept(subject)
        if concept is not None:
            return concept, concept
        words = sorted(set(subject_words(subject)))
        if len(words) >= 2:
            return "~" + " ".join(words), (subject or "").strip()
        return None, None


@dataclass
class LinkSummary:
    """What one run of the link stage computed."""

    sources: int = 0
    aliases: int = 0
    article_copies: int = 0
    texts_read: int = 0  # articles whose text features were computed (new ones, or all with ``full``)
    quantities: int = 0
    quantities_recomputed: int = 0  # quantities whose evidence and outcomes were computed again
    claims: int = 0
    corroborated: int = 0
    revised: int = 0
    unresolved: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


def build_sentence_marks(
    con: duckdb.DuckDBPyConnection,
    concepts: ConceptLexicon,
    places: pl.DataFrame | None = None,
    names: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Rebuild ``claim_sentences``, ``claim_marks``, ``story_pairs``, ``article_places`` and ``claim_identities``.

    Returns ``claim_sentences`` as a frame, for placing the claims that the subject lexicon leaves
    unplaced (``ConceptLexicon.near_figures``). ``places`` is :func:`corroborate.link.stories.article_places` of
    the stored articles, when the caller has it already; ``names`` their
    :func:`corroborate.link.stories.article_names` (from the kept text features).
    """
    from corroborate.link.identity import claim_identities
    from corroborate.link.stories import article_places, story_pairs

    run_model(con, "claim_sentences")
    sentences = con.table("claim_sentences").pl()
    marks = concepts.revision_marks(sentences)
    articles = con.table("articles").select("article_id", "title", "text", "published_at").pl()
    pairs = story_pairs(articles, names=names).rename({"copy_of_article_id": "other_id"})
    both_ways = pl.concat(
        [
            pairs,
            pairs.select(pl.col("other_id").alias("article_id"), pl.col("article_id").alias("other_id"), "similarity"),
        ]
    )
    places = article_places(articles) if places is None else places
    attributed = con.table("claims").filter(duckdb.ColumnExpression("attributed"))
    claims = attributed.select("claim_id", "article_id", "source", "source_org").pl()
    inputs = {
        "_claim_marks_input": marks,
        "_story_pairs_input": both_ways,
        "_article_places_input": places,
        "_claim_identities_input": claim_identities(
            claims,
            places,
            sentences=sentences.select(
                "claim_id", pl.concat_str(["before", "span", "after"], ignore_nulls=True).alias("sentence")
            ),
        ),
    }
    with registered(con, inputs):
        for model in models_fed_by(inputs):
            run_model(con, model)
    return sentences


def build_quantities(
    con: duckdb.DuckDBPyConnection,
    lexicon: SubjectLexicon,
    concepts: ConceptLexicon | None = None,
    places: pl.DataFrame | None = None,
    names: pl.DataFrame | None = None,
) -> int:
    """Rebuild ``claim_quantities`` and ``quantities`` and set ``claims.quantity_id``; returns #quantities.

    Subjects are keyed once per distinct wording; claims whose wording the lexicon does not place are
    then placed by their sentence (``sql/models/claim_contexts.sql``), all at once; claims still unplaced
    take the general concept that the words next to their figure name (``corroborate.link.concepts``).
    """
    concepts = concepts or ConceptLexicon.read()
    sentences = build_sentence_marks(con, concepts, places, names)
    subjects = con.table("claims").select("subject").distinct().pl().select(pl.col("subject").fill_null("")).unique()
    keyed = lexicon.keys_frame(subjects["subject"])
    subject_keys = keyed.select("subject", "subject_key", "label")
    # Claims whose wording names no concept may be placed by their sentence, even without a subject:
    # the figure's span usually carries the counted noun ("1,200 wounded").
    unmatched = keyed.filter(
        pl.col("subject_key").is_null() | pl.col("subject_key").str.starts_with("~"),
    ).select("subject")
    with registered(con, {"_unmatched_subjects": unmatched}):
        run_model(con, "claim_contexts")
    contexts = con.table("claim_contexts").pl()
    claim_keys = lexicon.concepts_in_context(contexts).with_columns(pl.col("subject_key").alias("label"))
    # only claims that neither their subject nor its sentence place need a general concept
    unplaced = (
        con.table("claims")
        .select("claim_id", "subject")
        .pl()
        .with_columns(pl.col("subject").fill_null(""))
        .join(unmatched, on="subject")
        .join(claim_keys.select("claim_id"), on="claim_id", how="anti")
        .select("claim_id")
    )
    general = concepts.near_figures(sentences.join(unplaced, on="claim_id"))
    families = pl.DataFrame({"unit": list(vocab.UNIT_FAMILIES), "unit_family": list(vocab.UNIT_FAMILIES.values())})
    frames = {
        "_subject_keys": subject_keys,
        "_claim_subject_keys": claim_keys,
        "_unit_families": families,
        "_claim_concepts": general,
        "_concept_kinds": concepts.concept_kinds(),
    }
    with registered(con, frames):
        run_model(con, "claim_quantities")
    run_model(con, "quantities")
    run_model(con, "claims_quantity_id")
    return int(con.table("quantities").shape[0])


# The models whose rules claim_evidence and claim_outcomes apply: a new version of either computes every
# quantity again (their text is part of each claim's stored signature).
_OUTCOME_RULES = ("claim_evidence", "claim_outcomes")


def _facts_params(params: dict[str, float]) -> dict[str, float]:
    """The tolerances ``sql/models/claim_facts.sql`` reads."""
    names = (
        "slack",
        "slack_ratio",
        "approx_width",
        "approx_width_ratio",
        "at_least_span",
        "at_most_span",
        "count_at_least_span",
        "ratio_at_least_span",
        "ratio_at_most_span",
        "count_at_most_span",
    )
    return {name: params[name] for name in names}


def _evidence_params(params: dict[str, float]) -> dict[str, float | int]:
    """The parameters ``sql/models/claim_evidence.sql`` reads."""
    return {
        "slack": params["slack"],
        "overshoot": params["overshoot"],
        "count_days": int(params["count_days"]),
        "band": int(params.get("band", EVIDENCE_BAND)),
    }


def outcome_rules(params: dict[str, float | int]) -> str:
    """A digest of what decides evidence and outcomes beyond the claims: the text of their models and the
    parameters ``params`` (``_evidence_params``). Stored in every claim's signature, so a change of rules
    computes every quantity again."""
    digest = hashlib.sha256()
    for name in _OUTCOME_RULES:
        digest.update(model_sql(name).encode("utf-8"))
    digest.update(json.dumps(params, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def _scope_touched(con: duckdb.DuckDBPyConnection, rules: str, full: bool) -> int | None:
    """Put in ``evidence_scope`` the quantities whose evidence may have changed since it was last computed
    and return how many; None when every quantity must be computed: on ``full``, on a database that kept no
    signatures (its first run, or one made before they were kept), or when no quantity is left untouched."""
    kept = not full and all(
        int(scalar_model(con, "table_exists", {"name": name}))
        for name in ("evidence_signatures", "claim_evidence", "claim_outcomes")
    )
    if not kept or not int(scalar_model(con, "evidence_signatures_count")):
        return None
    run_model(con, "evidence_scope_touched", {"rules": rules})
    touched, untouched = run_model(con, "evidence_scope_counts").fetchall()[0]
    return int(touched) if untouched else None


def build_outcomes(
    con: duckdb.DuckDBPyConnection, params: dict[str, float] | None = None, *, full: bool = False
) -> int:
    """Rebuild ``claim_facts`` and ``claim_signatures``, then ``claim_evidence`` and ``claim_outcomes`` for the
    quantities whose claims changed (all of them with ``full``); returns how many quantities were computed.

    Every rule compares claims within one quantity, so a quantity whose claims, and what the rules read
    about them (``sql/models/claim_signatures.sql``), are those of the last run keeps its rows. The others
    are listed in ``evidence_scope``, computed by the same models into the schema ``corroborate_touched``,
    and replace their rows in main (``sql/statements/touched_results_replace.sql``); ``evidence_scope`` then
    lists every quantity again, as it does at rest. That, and keeping the signatures, happens in one
    transaction: a run stopped at any point leaves the evidence, the outcomes and the signatures they were
    computed from as they were. ``claim_facts`` and ``claim_signatures`` are made before it, from the other
    link tables alone, as those are (the rules read a table made within the transaction several times
    slower than a committed one); a run stopped after them only makes the next run compare with them again.
    """
    params = {**OUTCOME_PARAMS, **(params or {})}
    evidence_params = _evidence_params(params)
    rules = outcome_rules(evidence_params)
    with registered(con, {"_concept_kinds": ConceptLexicon.read().concept_kinds()}):
        run_model(con, "claim_facts", _facts_params(params))
    run_model(con, "claim_signatures")
    con.begin()
    try:
        run_model(con, "evidence_scope_clear")
        touched = _scope_touched(con, rules, full)
        if touched is not None:
            run_model(con, "touched_schema_enter")
            try:
                run_model(con, "claim_evidence", evidence_params)
                run_model(con, "claim_outcomes")
            finally:
                run_model(con, "touched_schema_leave")
            run_model(con, "touched_results_replace")
        run_model(con, "evidence_scope_clear")
        run_model(con, "evidence_scope_every")
        if touched is None:
            run_model(con, "claim_evidence", evidence_params)
            run_model(con, "claim_outcomes")
            touched = int(run_model(con, "evidence_scope_counts").fetchall()[0][0])
        run_model(con, "evidence_signatures_clear")
        run_model(con, "evidence_signatures_insert", {"rules": rules})
        run_model(con, "claim_explanations")
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return touched


def link(
    con: duckdb.DuckDBPyConnection,
    *,
    alias_file: str | Path | None = None,
    subject_file: str | Path | None = None,
    params: dict[str, float] | None = None,
    full: bool = False,
) -> LinkSummary:
    """Run sources -> copies -> quantities -> outcomes over all claims.

    The derived tables are whole-database views of the evidence, so they carry no run column (the run's
    scores in ``source_scores`` do). What each article's text gives the copy and story finders (shingles,
    wire credits, numbers, names) is kept in ``article_features`` and computed for new articles only;
    ``full`` computes it again for every article (the result is the same: it depends on each text alone).
    Evidence and outcomes are computed again only for the quantities whose claims changed
    (:func:`build_outcomes`); ``full`` computes every quantity (the result is the same).
    """
    summary = LinkSummary()
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        summary.seconds[stage] = round(now - clock, 3)
        clock = now

    from corroborate.link.stories import article_places

    # where each article is placed, read once: sources and quantities both need it
    places = article_places(con.table("articles").select("article_id", "title", "text").pl())
    src, _ = build_sources(con, alias_file, places)
    summary.sources, summary.aliases, summary.claims = src.sources, src.aliases, src.claims
    lap("sources")
    features, summary.texts_read = stored_text_features(con, full=full)
    lap("features")
    summary.article_copies = build_copies(con, features).pairs
    lap("copies")
    names = features.select("article_id", pl.col("names").alias("name")).explode("name").drop_nulls("name")
    lexicon = SubjectLexicon.read(subject_file or DEFAULT_SUBJECT_FILE)
    summary.quantities = build_quantities(con, lexicon, places=places, names=names)
    lap("quantities")
    summary.quantities_recomputed = build_outcomes(con, params, full=full)
    counts = dict(con.table("claim_outcomes").pl().group_by("outcome").len().iter_rows())
    summary.corroborated = int(counts.get("corroborated", 0))
    summary.revised = int(counts.get("revised", 0))
    summary.unresolved = int(counts.get("unresolved", 0))
    lap("outcomes")
    return summary


EXPLAIN_COLUMNS = [
    "claim_id",
    "source",
    "outlet",
    "published_at",
    "external_id",
    "text",
    "value",
    "qualifier",
    "unit",
    "quantity",
    "outcome",
    "reason",
    "relation",
    "decisive",
    "evidence_source",
    "evidence_published_at",
    "evidence_outlet",
    "evidence_external_id",
    "evidence_text",
    "evidence_value",
    "article_id",
    "evidence_claim_id",
    "evidence_article_id",
]


def explain(con: duckdb.DuckDBPyConnection, source: str) -> pl.DataFrame:
    """Every claim credited to ``source`` or to anything under it (or published by it, for an outlet),
    with its outcome and evidence: which other claim, from whom, when, in which article.

    ``source`` is resolved through the aliases ("Singh", "Pentagone", "US government" …). One row per
    piece of evidence, the deciding one first; a claim without evidence has one row. Raises
    ``LookupError`` when no source matches.
    """
    source_id = resolve_name(con, source)
    if source_id is None:
        raise LookupError(f"no source matches {source!r}")
    rel = con.table("claim_explanations").filter(
        duckdb.FunctionExpression(
            "list_contains", duckdb.ColumnExpression("credited_ids"), duckdb.ConstantExpression(source_id)
        )
    )
    frame = rel.pl()
    return frame.sort(
        ["published_at", "claim_id", "decisive", "evidence_published_at"],
        descending=[False, False, True, False],
        nulls_last=True,
    ).select(EXPLAIN_COLUMNS)

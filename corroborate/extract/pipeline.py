"""``Extractor``: articles in, one row per claim out (the extract contract of DESIGN.md).

The order of work keeps the expensive model away from most of the text:

1. cheap pass per article: regex sentence split, ``has_figure`` per sentence, ``find_figures`` on the
   sentences that pass, quote spans over the whole text;
2. choose what to parse: the figure sentences, the sentences a quote holding a figure runs through,
   the one or two sentences before a figure sentence that speaks through a pronoun or a descriptor
   (so ``a-t-elle ajouté`` finds its antecedent), the sentence after a figure when it looks like
   ``X a confirmé l'information`` or closes on an incise (``…, a précisé X.``), the lines around a
   list of figures and the lead under a headline;
3. ``nlp.pipe`` on those sentences only, per language, in batches;
4. mention rows from the parses, then the pairing in polars (``attribution.pair``).

The passes share each article's state and run in order, so they stay together here; what they call lives
in modules of its own: the figure finder (``figures``), the article's layout (``layout``), what a sentence
signals (``signals``), speakers and pairing (``attribution``), periods and subjects (``context``), the
split of a range between two sources (``respective``); the columns in and out are in ``contract``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from corroborate.extract import attribution, context, cues, nlp
from corroborate.extract.contract import CLAIM_COLUMNS, CLAIM_SCHEMA, REQUIRED_INPUT
from corroborate.extract.figures import find_figures, has_figure
from corroborate.extract.lang import all_folded
from corroborate.extract.layout import _headline, _list_blocks, _paragraphs, _shift
from corroborate.extract.respective import _split_respective_ranges
from corroborate.extract.signals import (
    _BACKREF_RX,
    _EXTREME_RX,
    _INCISE_END_RX,
    _SILENT_KINDS,
    _bracket_source,
    _measured,
    _mentions_document,
    _names_document,
)
from corroborate.extract.version import EXTRACTOR_VERSION  # bump it there
from corroborate.language import detect_language
from corroborate.text import fold_expr
from corroborate.vocab import UNKNOWN_OUTLET

# One row per figure found, before its speaker is paired: the claim's own columns plus its place.
_FIGURE_SCHEMA: dict[str, pl.DataType] = {
    "art": pl.Int64(),
    "fig": pl.Int64(),
    "outlet": pl.String(),
    **{
        c: CLAIM_SCHEMA[c]
        for c in CLAIM_COLUMNS
        if c not in ("source", "source_org", "attributed", "confidence", "extractor_version", "attribution")
    },
}


@dataclass(frozen=True, slots=True)
class ExtractorConfig:
    """Knobs of the extractor. The defaults are the measured configuration."""

    batch_size: int = 64
    # sentences parsed before a sentence that speaks through a pronoun or descriptor
    context_before: int = 2
    # claims under this confidence are not returned
    min_confidence: float = 0.0
    # language used when a record has none and detection is not wanted
    default_language: str | None = None
    # sentences back a source named for a report or statement may carry to speakerless figures
    carry_sentences: int = 4


@dataclass(slots=True)
class _Article:
    idx: int
    article_id: str
    external_id: str | None
    outlet: str
    lang: str
    published: dt.date | None
    text: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    figures: list[tuple[int, Any]] = field(default_factory=list)  # (sent_id, Figure)
    quotes: list[tuple[int, int, int, int | None]] = field(default_factory=list)
    # per sentence: (sentence introducing its list, sentence after its list) for list items
    lists: dict[int, tuple[int | None, int | None]] = field(default_factory=dict)
    headline: int | None = None  # sentence id of a headline line, when the article opens with one
    # per sentence: paragraph number and whether it names a document (report, analysis, tally)
    paragraphs: list[int] = field(default_factory=list)
    documents: list[bool] = field(default_factory=list)
    speech: list[bool] = field(default_factory=list)  # per parsed sentence: it holds a cue verb


def load_models(languages: tuple[str, ...] | None = None) -> None:
    """Load the extractor's spaCy model of each of ``languages`` (default: every supported one) into the
    process's cache, ahead of the first extraction (a run does it while it waits for Prefect)."""
    for lang in languages or tuple(nlp.MODELS):
        nlp.get_nlp(lang)


class Extractor:
    """Find every figure in articles and credit each one to its source."""

    def __init__(self, config: ExtractorConfig | None = None) -> None:
        self.config = config or ExtractorConfig()

    # --- public -------------------------------------------------------------------------------------

    def extract(self, articles: pl.DataFrame) -> pl.DataFrame:
        """One row per claim, columns ``CLAIM_COLUMNS`` (offsets index each article's text as given)."""
        missing = [c for c in REQUIRED_INPUT if c not in articles.columns]
        if missing:
            raise ValueError(f"articles frame lacks columns {missing}")
        arts = self._cheap_pass(articles)
        if not any(a.figures for a in arts):
            return pl.DataFrame(schema=CLAIM_SCHEMA)
        selected = self._select_sentences(arts)
        speakers, figure_rows, details = self._parse(arts, selected)
        # second, smaller pass: antecedents for what the first pass could not credit
        extra = self._context_needed(arts, selected, speakers, figure_rows)
        if any(extra.values()):
            more, _, _ = self._parse(arts, extra, first_id=len(speakers))
            speakers.extend(more)
        return self._assemble(arts, speakers, figure_rows, details)

    # --- stages -------------------------------------------------------------------------------------

    def _cheap_pass(self, articles: pl.DataFrame) -> list[_Article]:
        cols = articles.columns
        out: list[_Article] = []
        for i, row in enumerate(articles.iter_rows(named=True)):
            text = row["text"] or ""
            lang = row.get("language") if "language" in cols else None
            if lang not in nlp.MODELS:
                # the ingest gives every stored article its language; a frame built by hand may lack it
                lang = self.config.default_language or detect_language(text) or "fr"
            published = row.get("published_at") if "published_at" in cols else None
            if isinstance(published, dt.datetime):
                published = published.date()
            elif isinstance(published, str):
                try:
                    published = dt.date.fromisoformat(published[:10])
                except ValueError:
                    published = None
            outlet = row.get("outlet") if "outlet" in cols else None
            art = _Article(
                idx=i,
                article_id=str(row["article_id"]),
                external_id=row.get("external_id") if "external_id" in cols else None,
                outlet=outlet or UNKNOWN_OUTLET,
                lang=lang,
                published=published,
                text=text,
            )
            art.sentences = nlp.split_sentences(text)
            for sid, (s, e) in enumerate(art.sentences):
                sent = text[s:e]
                if not has_figure(sent, lang):
                    continue
                for f in find_figures(sent, lang):
                    art.figures.append((sid, _shift(f, s)))
            if art.figures:
                art.quotes = attribution.find_quotes(text)
                art.lists = _list_blocks(text, art.sentences)
                art.headline = _headline(text, art.sentences)
                art.paragraphs = _paragraphs(text, art.sentences)
                art.documents = [False] * len(art.sentences)
                art.speech = [False] * len(art.sentences)
            out.append(art)
        return out

    def _select_sentences(self, arts: list[_Article]) -> dict[int, set[int]]:
        """Sentence ids to parse per article."""
        chosen: dict[int, set[int]] = {}
        for a in arts:
            if not a.figures:
                continue
            fig_sents = {sid for sid, _ in a.figures}
            keep = set(fig_sents)
            starts = [s for s, _ in a.sentences]

            def sent_of(pos: int, starts: list[int] = starts) -> int:
                import bisect

                return max(0, bisect.bisect_right(starts, pos) - 1)

            for qs, qe, _gap, _colon in a.quotes:
                if any(qs <= f.char_start and f.char_end <= qe for _, f in a.figures):
                    first, last = sent_of(qs), sent_of(max(qs, qe - 1))
                    keep.update(range(first, last + 1))
                    if last + 1 < len(a.sentences):
                        keep.add(last + 1)  # the incise may follow the closing mark after a break
            for sid in fig_sents:
                if sid + 1 < len(a.sentences):
                    s, e = a.sentences[sid + 1]
                    nxt = a.text[s:e]
                    if _BACKREF_RX.search(nxt) or (sid + 1 not in fig_sents and _INCISE_END_RX.search(nxt)):
                        keep.add(sid + 1)
                before, after = a.lists.get(sid, (None, None))
                keep.update(x for x in (before, after) if x is not None)
                if sid == a.headline and sid + 1 < len(a.sentences):
                    keep.add(sid + 1)
            chosen[a.idx] = keep
        return chosen

    def _context_needed(
        self,
        arts: list[_Article],
        selected: dict[int, set[int]],
        speakers: list[dict[str, Any]],
        figure_rows: list[dict[str, Any]],
    ) -> dict[int, set[int]]:
        """Sentences before the parsed ones that hold the antecedent of a pronoun or descriptor
        (``a-t-elle ajouté``, ``the spokesperson said``) or the speaker of a quote without incise,
        when no named speaker was parsed earlier in the article."""
        k = self.config.context_before
        by_art = {a.idx: a for a in arts}
        first_named: dict[int, int] = {}
        first_person: dict[int, int] = {}  # English "he" / "she" wants a person, not "Maui County"
        for r in speakers:
            if (
                r["anaphor"] is None
                and r["source"] is not None
                and not r["deny"]
                and r["kind"] in ("verb", "according", "agent", "mention")
            ):
                art, pos = int(r["art"]), int(r["cue_start"])
                first_named[art] = min(first_named.get(art, pos), pos)
                if r["person"]:
                    first_person[art] = min(first_person.get(art, pos), pos)
        wanted: dict[int, set[int]] = {}

        def want(art: int, sid: int) -> None:
            have = selected.get(art, set())
            wanted.setdefault(art, set()).update(j for j in range(max(0, sid - k), sid) if j not in have)

        for r in speakers:
            art = int(r["art"])
            if r["anaphor"] in ("org", "same") or (r["anaphor"] == "descriptor" and r["source_org"] is not None):
                # organisations are named in sentences without any cue: always look back
                want(art, int(r["sent_id"]))
            elif r["anaphor"] is not None and (first_person if r["person"] else first_named).get(art, 1 << 62) >= int(
                r["cue_start"]
            ):
                want(art, int(r["sent_id"]))
        for r in speakers:
            # a person named without role: an earlier sentence naming them may give the organisation
            src = r["source"]
            if (
                r["source_org"] is None
                and isinstance(src, str)
                and " " in src
                and r["kind"] in ("verb", "according", "agent")
            ):
                art = int(r["art"])
                a = by_art[art]
                have = selected.get(art, set())
                for j in range(int(r["sent_id"])):
                    if j not in have and src in a.text[slice(*a.sentences[j])]:
                        wanted.setdefault(art, set()).add(j)
                        break
        # a figure sentence naming nobody may continue a source named a few sentences before
        # (the lines after "Dans son rapport, la Cour des comptes …"): parse back to that source
        carried = self.config.carry_sentences
        for f in figure_rows:
            if f["speakerless"]:
                art, sid = int(f["art"]), int(f["sent_id"])
                a = by_art[art]
                have = selected.get(art, set())
                para = a.paragraphs[sid]
                wanted.setdefault(art, set()).update(
                    j
                    for j in range(max(0, sid - carried), sid)
                    if j not in have
                    # a plain statement carries only from a figure sentence (parsed already); a sentence
                    # naming a report or a tally may carry without figures of its own
                    and para - a.paragraphs[j] <= 1
                    and _mentions_document(a.text[slice(*a.sentences[j])], a.lang)
                )
        for f in figure_rows:
            art = int(f["art"])
            a = by_art[art]
            for qs, qe, gap, colon in a.quotes:
                if not qs <= int(f["char_start"]) < qe:
                    continue
                has_speaker = any(
                    int(r["art"]) == art
                    and r["kind"] in ("verb", "mention")
                    and (
                        qe <= int(r["group_start"]) <= qe + gap
                        or (colon is not None and 0 <= colon - int(r["cue_end"]) <= 60)
                    )
                    for r in speakers
                )
                if not has_speaker:
                    want(art, int(f["sent_id"]))
        return wanted

    def _parse(
        self, arts: list[_Article], selected: dict[int, set[int]], first_id: int = 0
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[tuple[int, int], dict[str, Any]]]:
        speakers: list[dict[str, Any]] = []
        figure_rows: list[dict[str, Any]] = []
        details: dict[tuple[int, int], dict[str, Any]] = {}
        by_art = {a.idx: a for a in arts}
        for lang in nlp.MODELS:
            jobs = [(a.idx, sid) for a in arts if a.lang == lang for sid in sorted(selected.get(a.idx, ()))]
            if not jobs:
                continue
            texts = (by_art[i].text[slice(*by_art[i].sentences[sid])] for i, sid in jobs)
            figs_by_sent: dict[tuple[int, int], list[tuple[int, Any]]] = {}
            for i, sid in jobs:
                figs_by_sent.setdefault((i, sid), [])
            for a in arts:
                for n, (sid, f) in enumerate(a.figures):
                    if (a.idx, sid) in figs_by_sent:
                        figs_by_sent[(a.idx, sid)].append((n, f))
            fig_sents = {(a.idx, sid) for a in arts for sid, _ in a.figures}
            for (i, sid), doc in zip(jobs, nlp.parse(lang, texts, self.config.batch_size), strict=True):
                a = by_art[i]
                offset = a.sentences[sid][0]
                rows = attribution.speaker_mentions(doc, i, sid, offset, lang, first_id=first_id + len(speakers))
                a.documents[sid] = _names_document(doc, lang)
                a.speech[sid] = any(t.pos_ == "VERB" and t.lemma_.lower() in cues.CUE_LEMMAS[lang] for t in doc)
                speakers.extend(rows)
                figs = figs_by_sent.get((i, sid), [])
                if not figs:
                    continue
                periods = context.outside_figures(
                    context.find_periods(a.text[offset : a.sentences[sid][1]], a.published),
                    [(g.char_start - offset, g.char_end - offset) for _, g in figs],
                )
                for n, f in figs:
                    tok = context._token_at(doc, f.number_start - offset)
                    anc = attribution.ancestors(tok, offset) if tok is not None else []
                    figure_rows.append(
                        {
                            "art": i,
                            "fig": n,
                            "sent_id": sid,
                            "char_start": f.char_start,
                            "char_end": f.char_end,
                            "anc": anc,
                            "unit": f.unit,
                            "speakerless": not any(r["kind"] not in _SILENT_KINDS for r in rows),
                            "value": float(f.value),
                            "qualifier": f.qualifier,
                            "bracket": _bracket_source(a.text, f.char_end, lang),
                            "list_before": a.lists.get(sid, (None, None))[0],
                            "list_after": a.lists.get(sid, (None, None))[1],
                            "headline": sid == a.headline,
                            "next_free": sid + 1 < len(a.sentences) and (i, sid + 1) not in fig_sents,
                            "extreme": _EXTREME_RX[lang].search(doc.text) is not None,
                            "measured": tok is not None and _measured(tok, lang),
                        }
                    )
                    subject, place = context.subject_and_place(doc, offset, f.number_start, f.char_end, f.unit, lang)
                    per = context.nearest_period(
                        periods, f.number_start - offset, [g.number_start - offset for _, g in figs]
                    )
                    scope = "; ".join(x for x in (place, per.text if per else None) if x) or None
                    details[(i, n)] = {
                        "subject": subject,
                        "scope": scope,
                        "period_start": per.start if per else None,
                        "period_end": per.end if per else None,
                    }
        return speakers, figure_rows, details

    def _assemble(
        self,
        arts: list[_Article],
        speakers: list[dict[str, Any]],
        figure_rows: list[dict[str, Any]],
        details: dict[tuple[int, int], dict[str, Any]],
    ) -> pl.DataFrame:
        sp = pl.LazyFrame(speakers, schema=attribution.SPEAKER_SCHEMA)
        figs = pl.LazyFrame(figure_rows, schema=attribution.FIGURE_SCHEMA)
        quotes = pl.LazyFrame(
            [
                {"art": a.idx, "quote_id": q, "q_start": s, "q_end": e, "after_gap": g, "colon_at": c}
                for a in arts
                for q, (s, e, g, c) in enumerate(a.quotes)
            ],
            schema=attribution.QUOTE_SCHEMA,
        )
        sents = pl.LazyFrame(
            [
                {"art": a.idx, "sent_id": sid, "para": para, "document": doc, "speech": speech}
                for a in arts
                for sid, (para, doc, speech) in enumerate(zip(a.paragraphs, a.documents, a.speech, strict=True))
            ],
            schema=attribution.SENTENCE_SCHEMA,
        )
        pairs = attribution.pair(figs, sp, quotes, sents).collect().lazy()
        _periods_from_naming_sentence(arts, pairs, details)
        fig_info = pl.LazyFrame(
            [
                {
                    "art": a.idx,
                    "fig": n,
                    "article_id": a.article_id,
                    "external_id": a.external_id,
                    "outlet": a.outlet,
                    "value": float(f.value),
                    "value_low": float(f.value_low),
                    "value_high": float(f.value_high),
                    "qualifier": f.qualifier,
                    "unit": f.unit,
                    "unit_raw": f.unit_raw,
                    "text": a.text[f.char_start : f.char_end],
                    "char_start": f.char_start,
                    "char_end": f.char_end,
                    **details.get(
                        (a.idx, n), {"subject": None, "scope": None, "period_start": None, "period_end": None}
                    ),
                }
                for a in arts
                for n, (_sid, f) in enumerate(a.figures)
            ],
            schema=_FIGURE_SCHEMA,
        )
        out = (
            fig_info.join(pairs, on=["art", "fig"], how="left")
            .filter(~pl.col("drop").fill_null(False))
            .with_columns(
                # an outlet, or the wire it copies, speaking in its own copy is the outlet's own voice: "the
                # death toll passed 2,100, Reuters reported" in a Reuters rewrite credits nobody
                attributed=pl.col("attributed").fill_null(False) & ~_own_voice(pl.col("source"), pl.col("outlet")),
            )
            .with_columns(
                source=pl.when(pl.col("attributed")).then(pl.col("source")).otherwise(pl.col("outlet")),
                source_org=pl.when(pl.col("attributed")).then(pl.col("source_org")).otherwise(None),
                confidence=pl.col("confidence").fill_null(0.6).round(3),
                extractor_version=pl.lit(EXTRACTOR_VERSION),
                # which rule credited the figure (quote, according, governs …), for extract and eval to show
                attribution=pl.when(pl.col("attributed")).then(pl.col("pattern")),
            )
            .collect()
            .lazy()
            .pipe(_split_respective_ranges)
            .filter(pl.col("confidence") >= self.config.min_confidence)
            .sort("art", "char_start")
            .select([pl.col(c).cast(t) for c, t in CLAIM_SCHEMA.items()])
        )
        return out.collect()


_OPENING = r"^(?:the|l['’]|le|la|les)\s+"
_NEWSROOM_WORDS = sorted(all_folded("newsroom_words"))


def _own_voice(name: pl.Expr, outlet: pl.Expr) -> pl.Expr:
    """Whether ``name`` is the article's outlet, the outlet naming itself ("la rédaction", "our newsroom") or
    a wire agency its outlet says it copies ("Panorama.am (Reuters rewrite)", "Boursorama (AFP copy)"),
    accents and case folded, an article dropped."""
    plain = fold_expr(name.fill_null("")).str.strip_chars().str.replace(_OPENING, "")
    wire = plain.replace_strict(cues.WIRE_NAMES, default=None)
    brackets = fold_expr(outlet.fill_null("")).str.extract_all(r"\([^()]*\)").list.join(" ")
    shares_wire = wire.is_not_null() & brackets.str.contains(r"\b" + wire.fill_null("@") + r"\b")
    same_outlet = plain == fold_expr(outlet.fill_null("")).str.replace(r"\s*\(.*$", "").str.strip_chars()
    is_wire = (wire == fold_expr(outlet.fill_null(""))).fill_null(False)
    itself = plain.is_in(_NEWSROOM_WORDS)  # "les données compilées par la rédaction"
    return (plain != "") & (shares_wire.fill_null(False) | same_outlet.fill_null(False) | is_wire | itself)


def _periods_from_naming_sentence(
    arts: list[_Article], pairs: pl.LazyFrame, details: dict[tuple[int, int], dict[str, Any]]
) -> None:
    """A quote named by the next sentence ("« Moins de 5,5 %. » C'est le déficit que vise X en 2025") holds
    for the period that sentence names, when its own gives none. Updates ``details`` in place."""
    by_art = {a.idx: a for a in arts}
    named_forward = pairs.filter(pl.col("pattern") == "quote_forward").select("art", "fig").collect()
    for art, fig in named_forward.iter_rows():  # a few figures of a corpus: one look at one sentence each
        a = by_art[art]
        sid = a.figures[fig][0]
        own = details.get((art, fig), {})
        if own.get("period_start") or own.get("period_end") or sid + 1 >= len(a.sentences):
            continue
        start, end = a.sentences[sid + 1]
        period = context.nearest_period(context.find_periods(a.text[start:end], a.published), 0)
        if period is not None:
            scope = "; ".join(x for x in (own.get("scope"), period.text) if x)
            details[(art, fig)] = {**own, "scope": scope, "period_start": period.start, "period_end": period.end}

"""The mention table: ``speaker_mentions(doc, ...)`` reads one parsed sentence and returns one row per
cue (a cue verb with its subject, ``selon X`` / ``according to X``, an agent ``avancé par X``, a
document's author, a figure's owner, an organisation or place named anywhere): who the phrase names
(person, organisation, collective), whether it is an anaphor to resolve (``a-t-elle ajouté``, ``the
spokesperson``) and whether it denies rather than asserts. Also the quote spans of the cheap pass
(``find_quotes``) and a figure's syntactic ancestors (``ancestors``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Span, Token

from corroborate.extract import cues
from corroborate.extract.attribution.clauses import (
    according_phrase,
    cue_kind,
    group_start,
    in_incise,
    negated,
    subject_phrase,
)
from corroborate.extract.attribution.phrases import Speaker, analyse_phrase, seat_phrase
from corroborate.extract.attribution.tokens import (
    NAME_LINK,
    ORG_LABELS,
    PERSON_LABELS,
    SUBJ_DEPS,
    clean,
    entities,
    holds_number,
)
from corroborate.extract.lang import sections as lexicon_sections
from corroborate.extract.lang import words as lexicon_words

# --- quotes (cheap pass, whole article) -----------------------------------------------------------

_QUOTE_RX = re.compile(r"«[^«»]{1,2000}»|“[^“”]{1,2000}”|\"[^\"\n]{1,2000}\"")


def find_quotes(text: str) -> list[tuple[int, int, int, int | None]]:
    """Quote spans of ``text`` as ``(start, end, after_gap, colon_at)``, quote marks included."""
    out: list[tuple[int, int, int, int | None]] = []
    for m in _QUOTE_RX.finditer(text):
        s, e = m.span()
        gap = re.match(r"[\s,;—–-]*", text[e : e + 8])
        if re.search(r"[.!?…]\s*.$", text[s:e]) and re.match(r"\s+[«“\"]?[A-ZÀ-ÖØ-Þ]", text[e : e + 4]):
            # the quote closes its sentence and a new one starts: what follows is no incise
            # ('"… since 2020." The association said …', '« … une nuit. » La préfecture a …')
            gap = None
        before = re.search(r":\s*$", text[max(0, s - 4) : s])
        colon = max(0, s - 4) + before.start() if before else None
        out.append((s, e, gap.end() if gap else 0, colon))
    return out


class _CueRows:
    """The cue rows of one parsed sentence (``SPEAKER_SCHEMA``), numbered in the order they are found."""

    def __init__(self, doc: Doc | Span, art: int, sent_id: int, offset: int, first_id: int) -> None:
        self.doc, self.art, self.sent_id, self.offset = doc, art, sent_id, offset
        self.n = len(doc)
        self.next_id = first_id
        self.rows: list[dict[str, Any]] = []

    def add(
        self, kind: str, cue: Token, cue_end_tok: Token, sp: Speaker | None, group: int, deny: bool, strength: float
    ) -> None:
        """One row for the cue ``cue``…``cue_end_tok`` naming ``sp`` (nothing when ``sp`` is None)."""
        if sp is None:
            return
        doc, offset = self.doc, self.offset
        self.rows.append(
            {
                "art": self.art,
                "sent_id": self.sent_id,
                "cue_id": self.next_id,
                "kind": kind,
                "cue_start": offset + cue.idx,
                "cue_end": offset + cue_end_tok.idx + len(cue_end_tok.text),
                "group_start": offset + doc[group].idx if group < self.n else offset + cue.idx,
                "source": sp.source,
                "source_org": sp.source_org,
                "gender": sp.gender,
                "role": sp.role,
                "anaphor": sp.anaphor,
                "deny": deny,
                "strength": strength,
                "main": kind == "according" or cue.dep_ in ("ROOT", "parataxis", "conj", "advcl") or in_incise(cue),
                "head_start": offset + cue.head.idx,
                "person": sp.person,
                # closes its sentence after a comma: "C'est un bilan provisoire, a précisé X."
                "incise": kind == "verb"
                and in_incise(cue)
                and all(t.is_punct or t.is_space for t in doc[cue_end_tok.i + 1 :]),
                "fallback": False,
            }
        )
        self.next_id += 1


def speaker_mentions(
    doc: Doc | Span, art: int, sent_id: int, offset: int, lang: str, first_id: int
) -> list[dict[str, Any]]:
    """One row per cue in a parsed sentence (see ``SPEAKER_SCHEMA``); offsets in article characters.

    The passes, in order: each token's own cue (according to X, a verb of saying and its subject or
    agent, a named person doing something else), then the authors of documents, the owners of figure
    nouns, the subjects gapped clauses keep, and the organisations and places named anywhere.
    """
    rows = _CueRows(doc, art, sent_id, offset, first_id)
    low = [t.lower_ for t in doc]
    for tok in doc:
        if _according_cue(doc, tok, low, lang, rows):
            continue
        kind = cue_kind(tok, lang)
        if kind is None:
            _person_mention(tok, lang, rows)
        else:
            _verb_cue(tok, kind, lang, rows)
    _document_authors(doc, rows)
    _figure_owners(doc, lang, rows)
    _gapped_subjects(doc, lang, offset, rows.rows, rows.add)
    _named_places_and_bodies(doc, rows)
    return rows.rows


def _according_cue(doc: Doc | Span, tok: Token, low: list[str], lang: str, rows: _CueRows) -> bool:
    """according to X / selon X / d'après X / citing X (lang/<lang>/according.txt), "pour lui, …": whether
    ``tok`` opens such a cue (its row added when the phrase names someone)."""
    k, n = tok.i, len(doc)
    cue = next((seq for seq in _ACCORDING[lang] if tuple(low[k : k + len(seq)]) == seq), None)
    if cue is None and low[k] == "pour" and k + 2 < n and low[k + 1] in ("lui", "elle", "eux"):
        cue = ("pour", low[k + 1]) if doc[k + 2].text == "," else None
    if cue is None:
        return False
    start = k + (len(cue) if cue[0] != "pour" else 1)
    phrase = according_phrase(doc, start, lang)
    if phrase:
        rows.add("according", tok, phrase[-1], analyse_phrase(phrase, lang), tok.i, False, 1.0)
    return True


def _person_mention(tok: Token, lang: str, rows: _CueRows) -> None:
    """A named person who does something else ("X s'est rendu à Marseille"): an antecedent for later
    pronouns and descriptors, and the speaker of a quote it introduces with ':'."""
    if not (
        tok.dep_ in SUBJ_DEPS
        and tok.pos_ in ("PROPN", "NOUN")
        and (
            tok.ent_type_ in PERSON_LABELS
            or tok.lower_ in cues.ROLES
            or any(c.ent_type_ in PERSON_LABELS for c in tok.children)
        )
        and cue_kind(tok.head, lang) is None
    ):
        return
    phrase, strength = subject_phrase(tok.head)
    if phrase and any(t.i == tok.i for t in phrase):
        sp = analyse_phrase(phrase, lang)
        if sp is not None and sp.source and sp.anaphor is None:
            rows.add("mention", tok.head, tok.head, sp, group_start(tok.head, phrase), False, strength)


def _agent_of(tok: Token) -> list[Token]:
    """The agent of a participle or passive: "le chiffre avancé par Kiev", "figures released by the UN";
    "les 500 soldats tués évoqués par Kiev", where the parser may not label it."""
    agent = [c for c in tok.children if c.dep_ in ("obl:agent", "agent")]
    if not agent and "Part" in tok.morph.get("VerbForm", []) and tok.dep_ in ("acl", "amod"):
        agent = [
            c
            for c in tok.children
            if c.i > tok.i
            and (c.pos_ == "PROPN" or c.ent_type_)
            and any(g.dep_ == "case" and g.lower_ in ("par", "by") for g in c.children)
        ]
    return agent


def _verb_cue(tok: Token, kind: str, lang: str, rows: _CueRows) -> None:
    """A cue verb: its agent, else its subject, as a verb, intent or back-reference row."""
    agent = _agent_of(tok)
    if agent:
        phrase = [t for t in agent[0].subtree if t.lower_ not in ("par", "by")]
        if phrase:
            sp = analyse_phrase(phrase, lang)
            rows.add("agent", tok, phrase[-1], sp, tok.i, kind == "deny" or negated(tok), 1.0)
            return
    if any(c.dep_ in ("aux:pass", "auxpass") for c in tok.children) and tok.lemma_.lower() not in ("citer", "quote"):
        # a cue in the passive says what was said, not who said it: "le bilan a été révisé", "the
        # figure was confirmed" (its speaker, if any, is the agent, read above)
        return
    phrase, strength = subject_phrase(tok)
    sp = analyse_phrase(phrase, lang) if phrase else None
    if sp is None:
        return
    if kind == "weak" and ((sp.anaphor is None and not _speaking(phrase)) or all(t.pos_ == "PRON" for t in phrase)):
        # a weak cue speaks only with a subject that can speak; a bare pronoun may be the event
        # itself ("Il a fait au moins 2 012 morts": the earthquake)
        return
    deny = kind == "deny" or (
        negated(tok) and tok.lemma_.lower() in ("confirmer", "confirm", "dire", "say", "indiquer", "préciser", "give")
    )
    group = group_start(tok, phrase)
    end_tok = phrase[-1] if phrase[-1].i > tok.i else tok
    if kind == "intent":
        # the subject's own target: a weaker candidate than any verb of saying in the sentence
        if sp.anaphor is None and not deny:
            rows.add("intent", tok, end_tok, sp, group, False, strength)
        return
    rows.add("verb", tok, end_tok, sp, group, deny, strength)
    # back-reference: "Vedant Patel a confirmé l'information" speaks of the previous sentence
    objs = [c for c in tok.children if c.dep_ in ("obj", "dobj")]
    if objs and not deny and any(o.lower_ in cues.BACKREF_OBJECTS for o in objs):
        rows.add("backref", tok, end_tok, sp, group, False, strength)


def _document_authors(doc: Doc | Span, rows: _CueRows) -> None:
    """ "the report by the Resolution Foundation", "le rapport annuel de la Fondation Abbé-Pierre": the author
    of a document, for the figures it lists and for later "the report", "the data"."""
    for tok in doc:
        if tok.lower_ not in cues.DOCUMENT_NOUNS and tok.lower_ not in cues.ANALYSIS_NOUNS:
            continue
        owner = _document_owner(tok)
        after: list[Token] = list(doc[owner[-1].i + 1 : owner[-1].i + 2]) if owner else []
        if owner and not seat_phrase([*owner, *after]):
            source = Speaker(clean(owner), None).source
            if source:
                rows.add("author", tok, owner[-1], Speaker(source, source), tok.i, False, 0.9)


def _figure_owners(doc: Doc | Span, lang: str, rows: _CueRows) -> None:
    """The owner of a figure noun: "the government's target of 5.4%", "their previous toll of 115",
    "l'objectif du gouvernement de 5 %": the figure is the owner's, whoever reports it."""
    for tok in doc:
        if (
            tok.pos_ not in ("NOUN", "PROPN")
            or tok.lemma_.lower() not in lexicon_words(lang, "figure_nouns")
            or tok.lower_ in cues.CUE_FORMS[lang]  # "Ukraine's intelligence estimates that": a verb tagged noun
        ):
            continue
        owner_phrase = _figure_owner(tok, lang)
        if not owner_phrase:
            continue
        possessive = owner_phrase[0].lower_ if len(owner_phrase) == 1 else ""
        if possessive in _POSSESSIVE_PRONOUNS:
            g = _POSSESSIVE_PRONOUNS[possessive]
            sp: Speaker | None = Speaker(None, None, gender=g, anaphor="org" if possessive == "its" else "pronoun")
        else:
            sp = analyse_phrase(owner_phrase, lang)
        if sp is not None and (sp.source or sp.anaphor) and not holds_number(owner_phrase):
            rows.add("owner", tok, tok, sp, tok.i, False, 0.9)


def _named_places_and_bodies(doc: Doc | Span, rows: _CueRows) -> None:
    """Organisations and places named anywhere: antecedents of "the agency", "the airport", "it"."""
    offset = rows.offset
    taken = {(r["cue_start"], r["cue_end"]) for r in rows.rows}
    for ent in entities(doc) if isinstance(doc, Doc) else tuple(doc.ents):
        if ent.label_ not in ("ORG", "GPE", "FAC", "LOC") or holds_number(list(ent)):
            continue
        name = clean(list(ent))
        if not name or (offset + ent[0].idx, offset + ent[-1].idx + len(ent[-1].text)) in taken:
            continue
        speaker = Speaker(name, name, role="org" if ent.label_ == "ORG" else "place")
        rows.add("entity", ent[0], ent[-1], speaker, ent.start, False, 0.5)


# English possessive determiners -> the gender an antecedent must have (None: any)
# possessive -> the gender it tells of the owner (lang/<lang>/possessives.txt)
_POSSESSIVE_PRONOUNS: dict[str, str | None] = {
    entry: {"masculine": "m", "feminine": "f"}.get(key or "any")
    for lang in ("fr", "en")
    for key, entries in lexicon_sections(lang, "possessives")
    for entry in entries
}
# "d'après" as the parser splits it: ("d'", "après"); "according to": ("according", "to")
_ACCORDING: dict[str, tuple[tuple[str, ...], ...]] = {
    lang: tuple(tuple(re.findall(r"[^\s'’]+['’]|[^\s'’]+", entry.lower())) for entry in entries)
    for lang, entries in cues.ACCORDING.items()
}


def _figure_owner(noun: Token, lang: str) -> list[Token] | None:
    """Whose figure a figure noun is: its possessor (``the union's estimate``) or, in French, its ``de``
    complement naming a body (``la prévision du gouvernement``). None when it has neither."""
    for c in noun.children:
        if c.dep_ == "poss":
            if c.lower_ in ("its", "his", "her", "their"):
                return [c]
            return [t for t in c.subtree if t.dep_ != "case" and t.text not in ("'s", "’s", "'", "’")]
    if lang == "fr":
        for c in noun.children:
            if (
                c.dep_ == "nmod"
                and c.i > noun.i
                and c.pos_ in ("NOUN", "PROPN")
                and any(g.dep_ == "case" and g.lower_ in ("de", "du", "des", "d'", "d’") for g in c.children)
                and (c.pos_ == "PROPN" or c.lower_ in cues.ORG_DESCRIPTORS or c.lower_ in cues.ROLES)
            ):
                return [t for t in c.subtree if t.dep_ != "case" and not t.like_num and t.i < c.i + 4]
    return None


def _document_owner(noun: Token) -> list[Token] | None:
    """The named author after a document noun ("report by X", "rapport de X"), if any."""
    doc = noun.doc
    i = noun.i + 1
    while i < len(doc) and (doc[i].pos_ == "ADJ" or doc[i].lower_ in ("published", "publié", "publiés", "released")):
        i += 1
    if i >= len(doc) or doc[i].lower_ not in NAME_LINK | {"par", "by"}:
        return None
    j = i + 1
    out: list[Token] = []
    while j < len(doc) and (
        doc[j].pos_ in ("DET", "PROPN", "NOUN", "ADJ") or doc[j].lower_ in NAME_LINK or doc[j].text in ("-", "'", "’")
    ):
        if doc[j].pos_ == "NOUN" and not doc[j].text[:1].isupper() and not doc[j].ent_type_:
            break
        out.append(doc[j])
        j += 1
    if not any(t.pos_ == "PROPN" or t.ent_type_ in ORG_LABELS | PERSON_LABELS for t in out):
        return None
    return out


def _gapped_subjects(
    doc: Doc | Span, lang: str, offset: int, rows: list[dict[str, Any]], add: Callable[..., None]
) -> None:
    """Subjects of a cue verb left out after "et" / "and": "la police avait recensé 1,27 million et
    l'intersyndicale plus de 2,5 millions", "the police counted 87,000, and the firm Occurrence 55,000".

    A noun phrase that can speak, right after the conjunction and right before a figure (a number, or a
    qualifier then a number), in a sentence whose cue verb came before it, is the speaker of that figure:
    one ``gapped`` row whose cue is the phrase itself.
    """
    verbs = [r["cue_start"] for r in rows if r["kind"] == "verb" and not r["deny"]]
    n = len(doc)
    for tok in doc:
        if tok.lower_ not in ("et", "and") or not any(v < offset + tok.idx for v in verbs):
            continue
        end = tok.i + 1
        while end < n and end - tok.i <= 7 and (doc[end].pos_ in _GAPPED_POS or doc[end].text in ("'", "’", "-")):
            end += 1
        phrase = list(doc[tok.i + 1 : end])
        if not any(t.pos_ in ("NOUN", "PROPN") for t in phrase) or not (
            _speaking(phrase) or any(t.pos_ == "PROPN" for t in phrase)
        ):
            continue
        # a figure right after it: a number, or a qualifier ("plus de", "more than", "about") then a number
        lead = end
        while lead < n and lead - end < 3 and not doc[lead].like_num and doc[lead].pos_ in ("ADV", "ADP", "SCONJ"):
            lead += 1
        if lead >= n or not doc[lead].like_num:
            continue
        sp = analyse_phrase(phrase, lang)
        if sp is not None and sp.source and sp.anaphor is None:
            add("gapped", phrase[0], phrase[-1], sp, phrase[0].i, False, 0.9)


_GAPPED_POS = ("DET", "ADJ", "NOUN", "PROPN")


def _speaking(phrase: list[Token]) -> bool:
    """Whether a phrase can be the subject of a weak cue ("Moscou compte", "le ministère porte à")."""
    return any(
        t.ent_type_ in PERSON_LABELS | {"ORG"}
        or t.lower_ in cues.ROLES
        or t.lower_ in cues.ORG_WORDS
        or t.lower_ in cues.SPEAKER_NOUNS  # "the organizers counted 500,000"
        for t in phrase
    )


def ancestors(tok: Token, offset: int) -> list[int]:
    """Article offsets of ``tok`` and its syntactic ancestors (to test "this cue governs that figure")."""
    out = [offset + tok.idx]
    seen = {tok.i}
    t = tok
    while t.head.i != t.i and t.head.i not in seen:
        t = t.head
        seen.add(t.i)
        out.append(offset + t.idx)
    return out

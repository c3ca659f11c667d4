"""Who said it: the mention table and the figure <-> source pairing.

Two halves:

* ``speaker_mentions(doc, ...)`` reads one parsed sentence and returns one row per cue (a cue verb with
  its subject, ``selon X`` / ``according to X``, an agent ``avancé par X``): who the phrase names
  (person, organisation, collective), whether it is an anaphor to resolve (``a-t-elle ajouté``, ``the
  spokesperson``) and whether it denies rather than asserts.
* ``pair(figures, speakers, quotes)`` does the relational work as polars expressions over LazyFrames:
  resolve anaphors to the last fitting named speaker of the article (as-of joins), give each quote its
  speaker (incise after it, introduction with ``:`` before it), build every figure x candidate pair of
  the same sentence (plus quote speakers and back-references from the next sentence), then weaker
  patterns for figures their own sentence credits to nobody (the line introducing or following a list,
  the lead under a headline, a figure-free next sentence closing on an incise), rank them by pattern
  strength and keep the best one per figure.

A source is a person, an organisation, a place standing for its government, a document's author or a
role resolved to one of these: phrases that hold a number, open with a preposition, name the audience
("told reporters") or are generic noun phrases are not sources.

Decision on analyses (``selon une analyse de l'AFP sur des données de l'ISW``): the figure is credited
to the owner of the data (ISW) and the analyst (AFP) goes to ``source_org``. The same figure is then
credited to the same source whether or not the article names the analyst, and two outlets rewriting
the same AFP analysis share a ``source_org`` and so do not corroborate each other.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import polars as pl
from spacy.tokens import Doc, Span, Token

from corroborate.extract import cues
from corroborate.extract.lang import all_folded, all_words, month_numbers
from corroborate.extract.lang import words as lexicon_words
from corroborate.text import fold

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


# --- speaker phrases --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Speaker:
    """What a speaker phrase names."""

    source: str | None
    source_org: str | None
    gender: str | None = None
    role: str | None = None
    # pronoun | descriptor (a role: "the spokesperson") | org ("the agency", "it", "the data")
    # | same ("selon la même source"); resolved against earlier mentions of the article
    anaphor: str | None = None
    person: bool = False


_CLAUSE_DEPS = frozenset({"acl", "acl:relcl", "relcl", "advcl", "parataxis", "ccomp", "xcomp", "conj", "cc", "punct:q"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj"})
_COMPLEMENT_DEPS = frozenset({"nmod", "pobj", "obl", "obl:mod", "obl:arg", "poss"})
_NAME_LINK = {"de", "du", "des", "d'", "d’", "of", "for", "at", "from"}
_SKIP_AFTER_VERB = frozenset(
    cues.words("""encore également aussi lundi mardi mercredi jeudi vendredi samedi dimanche hier soir matin
    aujourd'hui aujourd’hui dernier dernière alors ensuite enfin lui-même elle-même, déjà notamment
    monday tuesday wednesday thursday friday saturday sunday yesterday today also further later then
    on in late early last night""")
)
_PERSON_LABELS = frozenset({"PER", "PERSON"})
_ORG_LABELS = frozenset({"ORG", "GPE", "LOC", "NORP", "MISC", "FAC"})


def _ents(doc: Doc) -> tuple[Span, ...]:
    """The document's entities, built once (``Doc.ents`` makes new spans on every access)."""
    cached = doc.user_data.get("_corroborate_ents")
    if cached is None:
        cached = tuple(doc.ents)
        doc.user_data["_corroborate_ents"] = cached
    return cached


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s.lower()) if unicodedata.category(c) != "Mn")


def _verb_form_in_name(tok: Token) -> bool:
    """A lower-case cue verb the entity recogniser swallowed at the end of a name ("Cour des comptes
    alerte", "Fondation X estime"): a French present form (``-e``, ``-ent``) of a cue verb lemma, or an
    English ``-s`` form, tagged as part of the name."""
    low = tok.lower_
    if not tok.text.isalpha() or not tok.text.islower() or len(low) < 4:
        return False
    lemmas = cues.CUE_LEMMAS["fr"] | cues.CUE_LEMMAS["en"]
    guesses = {low + "r", low[:-2] + "r" if low.endswith("ent") else "", low[:-1] if low.endswith("s") else ""}
    return tok.i > 0 and bool(tok.ent_type_) and bool(guesses & lemmas)


def _clean(tokens: list[Token]) -> str | None:
    """Phrase text without leading determiners/honorifics, trailing punctuation or ``(ACRONYM)``."""
    toks = list(tokens)
    while toks and (toks[0].lower_ in cues.DETERMINERS or toks[0].is_punct or toks[0].lower_ in cues.HONORIFICS):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].lower_ in _NAME_LINK or _verb_form_in_name(toks[-1])):
        if toks[-1].text == ")" and any(t.text == "(" for t in toks):
            cut = max(i for i, t in enumerate(toks) if t.text == "(")
            toks = toks[:cut]
            continue
        toks = toks[:-1]
    if not toks:
        return None
    doc = toks[0].doc
    text = doc.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
    text = re.sub(r"\s*\([^)]*\)\s*$", "", text).strip(" ,.;:")
    # a lone "-il" style clitic or an apostrophe-only token is not a name
    return text or None


def _gender_of(tokens: Iterable[Token], lang: str) -> str | None:
    for t in tokens:
        low = t.lower_
        if low in cues.FEMININE_HONORIFICS:
            return "f"
        if low in cues.MASCULINE_HONORIFICS:
            return "m"
    if lang != "fr":
        return None
    for t in tokens:
        if t.pos_ in ("DET", "NOUN", "ADJ") or t.lower_ in cues.ROLES:
            g = t.morph.get("Gender", [])
            if g and t.lower_ not in ("porte-parole",):
                return "f" if g[0] == "Fem" else "m"
            if t.pos_ == "DET" and t.lower_ in ("la", "une", "sa", "cette"):
                return "f"
            if t.pos_ == "DET" and t.lower_ in ("le", "un", "son", "ce", "cet"):
                return "m"
    return None


def _person_tokens(tokens: list[Token]) -> list[Token] | None:
    """The person a phrase names: a PER entity that is not a complement, or a run of capitalised words."""
    ids = {t.i for t in tokens}
    doc = tokens[0].doc
    best: list[Token] | None = None
    for ent in _ents(doc):
        if ent.label_ in _PERSON_LABELS and ent.start in ids and ent.end - 1 in ids:
            if ent.root.dep_ in _COMPLEMENT_DEPS and ent.root.head.i in ids and ent.root.head.lower_ not in cues.ROLES:
                continue
            if best is None:
                best = list(ent)
    if best is not None:
        return best
    # a proper name in apposition to a role is a person whatever NER says
    # ("Le directeur de l'OMS, Tedros Adhanom Ghebreyesus")
    for t in tokens:
        if (
            t.pos_ == "PROPN"
            and t.dep_ in ("appos", "nsubj", "compound")
            and t.head.lower_ in cues.ROLES
            and t.head.i in ids
            and t.lower_ not in cues.ORG_WORDS
        ):
            name = [t] + [c for c in t.children if c.dep_ in ("flat:name", "flat", "compound") and c.i > t.i]
            name = sorted(name, key=lambda x: x.i)
            if len(name) >= 2:
                return name
    # NER sometimes misses foreign names ("Vedant Patel" tagged ADJ+NOUN): a run of two or three
    # capitalised words that are neither role, demonym nor institution word.
    covered = {t.i for ent in _ents(doc) if ent.label_ in _ORG_LABELS for t in ent}
    run: list[Token] = []
    runs: list[list[Token]] = []
    for t in tokens:
        ok = (
            (t.is_alpha or "-" in t.text or t.text.endswith("."))
            and t.text[:1].isupper()
            and not t.is_sent_start
            and t.i not in covered
        )
        low = t.lower_
        if (
            ok
            and low not in cues.ROLES
            and low not in cues.DEMONYMS
            and low not in cues.ORG_WORDS
            and low not in cues.DETERMINERS
            and not t.text.isupper()
        ):
            run.append(t)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    for r in runs:
        prev = r[0].nbor(-1) if r[0].i > 0 else None
        if 2 <= len(r) <= 4 or (prev is not None and prev.lower_ in cues.HONORIFICS):
            return r
    return None


def _role_token(tokens: list[Token]) -> Token | None:
    for t in tokens:
        if t.lower_ in cues.ROLES and t.pos_ in ("NOUN", "PROPN", "ADJ", "X"):
            return t
    return None


def _org_from_role(tokens: list[Token], role: Token, person: list[Token] | None, lang: str) -> str | None:
    """The organisation a role belongs to: ``porte-parole du Pentagone``, ``Pentagon spokesperson``."""
    person_ids = {t.i for t in person} if person else set()
    ids = [t.i for t in tokens]
    doc = role.doc
    key = cues.ROLES[role.lower_]
    # after the role: adjectives, then "de/du/of X" up to the name or a comma
    after: list[Token] = []
    demonym: str | None = None
    i = role.i + 1
    if lang == "fr" and role.lower_ in ("premier", "première") and i <= ids[-1] and doc[i].lower_ == "ministre":
        i += 1
    while i <= ids[-1] and (
        doc[i].pos_ == "ADJ"
        or doc[i].lower_ in ("adjoint", "adjointe", "général", "générale", "deputy", "chief", "press")
    ):
        if doc[i].lower_ in cues.DEMONYMS:
            demonym = doc[i].text
        i += 1
    if i <= ids[-1] and doc[i].lower_ in _NAME_LINK:
        j = i + 1
        while (
            j <= ids[-1]
            and j not in person_ids
            and doc[j].text not in (",", ";", "(")
            and not (lang == "en" and doc[j].lower_ in ("said", "says"))
        ):
            after.append(doc[j])
            j += 1
    # before the role (English compounds): "Pentagon spokesperson", "US Defense Secretary"
    before: list[Token] = []
    j = role.i - 1
    while (
        j >= ids[0]
        and j not in person_ids
        and (doc[j].pos_ in ("PROPN", "NOUN", "ADJ") or doc[j].lower_ in ("'s", "’s", "u.s."))
        and doc[j].lower_ not in cues.ROLES
    ):
        before.insert(0, doc[j])
        j -= 1
    if lang == "fr" and j >= ids[0] and doc[j].lower_ in cues.DEMONYMS:
        demonym = doc[j].text
    # grade words say how senior the role is, not whose it is ("a senior Treasury official")
    while before and before[0].lower_ in ("senior", "top", "high-ranking", "junior", "leading", "veteran"):
        before = before[1:]
    org_text = _clean(after) if after else None
    mods = _clean(before) if before else None
    if lang == "fr" and role.lower_ == "secrétaire" and org_text and org_text.lower().startswith(("état", "etat")):
        return "département d'État"
    if key == "minister" and lang == "fr" and org_text:
        adj = f" {demonym}" if demonym else ""
        rest = doc.text[doc[i].idx : after[-1].idx + len(after[-1].text)]
        return f"ministère{adj} {rest}".replace("  ", " ")
    if key in cues.MINISTER_ROLES and lang == "en" and mods:
        return f"{mods} {'Department' if key == 'secretary' else 'Ministry'}"
    if org_text:
        return org_text
    if mods:
        low = mods.lower()
        if low in cues.DEMONYMS:
            return cues.DEMONYMS[low]
        return mods
    if demonym:
        return cues.DEMONYMS.get(demonym.lower())
    return None


def analyse_phrase(tokens: list[Token], lang: str) -> Speaker | None:
    """Say who a speaker phrase names, or None when it names nobody usable."""
    toks = [t for t in tokens if not t.is_space]
    while toks and toks[0].is_punct:
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text != ")":
        toks = toks[:-1]
    if not toks:
        return None
    lows = [t.lower_ for t in toks]
    if any(w in cues.FIRST_PERSON for w in lows):
        return None
    if _holds_number(toks) or (toks[0].pos_ == "ADP" and toks[0].lower_ not in ("par", "by")):
        # "état de 1 530 pertes russes", "en cours d'analyse": a figure or a prepositional phrase,
        # never who speaks
        return None
    if lows[-1] in cues.LISTENERS or (len(toks) <= 3 and any(w in cues.LISTENERS for w in lows)):
        return None  # "told reporters", "à la presse": the audience, not the speaker
    if lows == ["it"]:
        return Speaker(None, None, anaphor="org")
    voice = next(
        (
            k
            for k, t in enumerate(toks)
            if t.lower_ == "voix" and k + 1 < len(toks) and toks[k + 1].lower_ in ("de", "d'", "d’")
        ),
        None,
    )
    if voice is None:
        voice = next(
            (
                k
                for k, t in enumerate(toks)
                if t.lower_ == "through" and k + 1 < len(toks) and toks[k + 1].lower_ in ("its", "his", "her", "their")
            ),
            None,
        )
    if voice is not None:
        # "Le Pentagone, par la voix de sa porte-parole Sabrina Singh": the voice speaks for the body
        inner = analyse_phrase(toks[voice + 2 :] if toks[voice].lower_ == "voix" else toks[voice + 1 :], lang)
        outer_toks = [t for t in toks[:voice] if t.lower_ not in ("par", "la")]
        outer = _clean(outer_toks)
        if inner is not None and inner.source:
            return Speaker(inner.source, inner.source_org or outer, inner.gender, inner.role, person=inner.person)
        if outer:
            return Speaker(outer, outer)
    content = [t for t in toks if t.lower_ not in ("-t", "-t-", "t")]
    if len(content) == 1 and content[0].lower_ in cues.PRONOUNS:
        g = cues.PRONOUNS[content[0].lower_]
        return Speaker(None, None, gender=g, anaphor="pronoun")
    if all(t.pos_ == "PRON" for t in content):
        return None
    # analyses and data: credit the data owner, keep the analyst as organisation
    data_i = next((k for k, t in enumerate(toks) if t.lower_ in cues.DATA_NOUNS), None)
    if data_i is not None:
        k = data_i + 1
        while k < len(toks) and toks[k].pos_ in ("ADJ", "VERB") and toks[k].lower_ not in _NAME_LINK:
            k += 1
        if k < len(toks) and toks[k].lower_ in _NAME_LINK | {"par", "by", "provided"}:
            owner = _clean(toks[k + 1 :])
            analyst = _analyst(toks[:data_i])
            if owner:
                return Speaker(owner, analyst)
    ana_i = next((k for k, t in enumerate(toks) if t.lower_ in cues.ANALYSIS_NOUNS), None)
    if ana_i is not None and ana_i <= 2:
        if _seat_phrase(toks[ana_i + 1 :]):
            # "a report from the Washington institution": the body named before, not the city
            return Speaker(None, None, anaphor="org")
        analyst = _analyst(toks[: ana_i + 1]) or _analyst(toks[ana_i + 1 :])
        if analyst:
            return Speaker(analyst, analyst)
    person = _person_tokens(toks)
    role = _role_token(toks)
    if person:
        name = _clean(person)
        if not name:
            return None
        org = _org_from_role(toks, role, person, lang) if role is not None else None
        if org is None:
            org = _org_entity(toks, person)
        gender = _gender_of(toks, lang)
        if gender is None and lang == "fr":
            genders = person[0].morph.get("Gender", [])
            gender = ("f" if genders[0] == "Fem" else "m") if genders else None
        return Speaker(
            name, org, gender=gender, role=cues.ROLES.get(role.lower_) if role is not None else None, person=True
        )
    if role is not None:
        org = _org_from_role(toks, role, None, lang) or _org_entity(toks, None)
        key = cues.ROLES[role.lower_]
        definite = toks[0].lower_ not in cues.INDEFINITE
        gender = _gender_of(toks, lang)
        if key == "ministry":
            # "le ministère de la Santé", "Gaza's health ministry" name the body itself; a bare
            # "the ministry" refers to one named before
            if org is None and definite and len(toks) <= 3:
                return Speaker(_clean(toks), _clean(toks), role=key, anaphor="org")
            return Speaker(_clean(toks), _clean(toks), role=key)
        if org is None and definite and len(toks) <= 4:
            return Speaker(None, None, gender=gender, role=key, anaphor="descriptor")
        if org is not None and org.lower() in cues.ORG_DESCRIPTORS:
            # "the ministry spokesman", "a company spokeswoman": the body named earlier, if any
            return Speaker(org, org, role=key, anaphor="org")
        text = _clean(toks)
        fallback = org if org is not None and key in cues.INSTITUTION_ROLES else text
        if org is not None and definite and toks[0].lower_ in cues.DETERMINERS:
            # "la préfète du Var" after "La préfète du Var, Claire Vasseur": the person named before,
            # else the institution (for a spokesperson or an official) or the role as written
            return Speaker(fallback, org, gender=gender, role=key, anaphor="descriptor")
        if org is not None and key in cues.INSTITUTION_ROLES:
            # an unnamed spokesperson or official speaks for the body; a commander only for themselves
            return Speaker(org, org, role=key)
        return Speaker(text, org or text, role=key)
    text = _clean(toks)
    if not text or len(text) < 2:
        return None
    nouns_of = [t for t in toks if t.pos_ in ("NOUN", "PROPN")]
    if nouns_of and all(t.lower_ in _TIME_WORDS for t in nouns_of):
        return None  # "said last week", "a indiqué lundi": a time, never who speaks
    if _seat_descriptor(toks):
        # "the Washington-based institution", "l'organisation basée à Genève": a body described by
        # its seat is the organisation named before, not the place
        return Speaker(text, text, anaphor="org")
    ids = {x.i for x in toks}
    head = next((t for t in toks if t.dep_ in _SUBJ_DEPS or t.head.i not in ids), toks[-1])
    if head.lower_ in ("nombre", "chiffre", "number", "figure", "total", "toll"):
        return None
    if not any(t.pos_ in ("PROPN", "NOUN") or t.text[:1].isupper() for t in toks):
        return None
    named = any(
        t.pos_ == "PROPN"
        or t.ent_type_
        or (t.text[:1].isupper() and (t.i != t.sent.start or any(c.isupper() for c in t.text[1:])))
        for t in toks
    )
    nouns = [t for t in toks if t.pos_ in ("NOUN", "PROPN")]
    if not named:
        heads = {head.lower_} | {t.lower_ for t in nouns}
        if any(t.lower_ in cues.SAME_SOURCE for t in toks) and any(t.lower_ in ("source", "sources") for t in toks):
            return Speaker(text, text, anaphor="same")
        if head.lower_ in cues.DOCUMENT_NOUNS:
            # "the data showed", "selon le communiqué final", "its report": the author named before;
            # with none, a document is nobody
            return Speaker(None, None, anaphor="org")
        if head.lower_ in cues.ORG_DESCRIPTORS and toks[0].lower_ in cues.DETERMINERS and len(nouns) == 1:
            # "the agency", "le club breton", "l'agence onusienne": the organisation named before
            place = "place" if head.lower_ in cues.PLACE_DESCRIPTORS else None
            return Speaker(text, text, role=place, anaphor="org")
        if not heads & (cues.SPEAKER_NOUNS | cues.ORG_DESCRIPTORS | cues.ORG_WORDS | set(cues.ROLES)) and not any(
            t.lower_ in cues.DEMONYMS for t in toks
        ):
            # a generic noun phrase ("en cours d'analyse", "the cuts") names nobody
            return None
    return Speaker(text, text)


def _seat_descriptor(toks: list[Token]) -> bool:
    """A definite phrase whose head is an organisation descriptor and whose only name is its seat:
    ``the Washington-based lender``, ``l'agence basée à Genève`` (the words of ``seat_markers.txt``)."""
    if not toks or fold(toks[0].text) not in cues.DETERMINERS:
        return False
    markers = all_folded("seat_markers")
    seat = next((k for k, t in enumerate(toks) if fold(t.text) in markers), None)
    if seat is None:
        return False
    if toks[seat].lower_ == "based" or toks[seat].text.lower().endswith("-based"):
        # "<place>-based <descriptor>": the place before the marker, the descriptor after it
        rest = [t for t in toks[seat + 1 :] if t.pos_ in ("NOUN", "PROPN", "ADJ")]
    else:
        # "<descriptor> basée à <place>": the descriptor before the marker
        rest = [t for t in toks[1:seat] if t.pos_ in ("NOUN", "PROPN", "ADJ")]
    nouns = [t for t in rest if t.pos_ in ("NOUN", "PROPN")]
    return len(nouns) == 1 and fold(nouns[0].text) in cues.ORG_DESCRIPTORS


def _seat_phrase(toks: list[Token]) -> bool:
    """Whether a phrase names a body only by the place it sits in: a place name (``GPE``/``LOC``), then one
    common organisation noun (``the Washington institution``, ``the Geneva-based agency``)."""
    markers = all_folded("seat_markers")
    words = [t for t in toks if t.pos_ not in ("DET", "ADP", "PUNCT") and fold(t.text) not in markers]
    if len(words) < 2 or words[-1].lower_ not in cues.ORG_DESCRIPTORS or not words[-1].text.islower():
        return False
    place = words[:-1]
    return all(t.ent_type_ in ("GPE", "LOC") or t.text in ("-",) for t in place)


def _holds_number(tokens: list[Token]) -> bool:
    """Whether a phrase holds a number outside a proper name ("plus de 1,1 million de réfugiés" holds one,
    "le G7" does not)."""
    return any(
        (t.pos_ == "NUM" or (t.like_num and t.pos_ != "DET"))
        and t.ent_type_ not in ("ORG", "PERSON", "PER", "GPE", "FAC", "LOC", "MISC")
        for t in tokens
    )


def _analyst(tokens: list[Token]) -> str | None:
    """An organisation named inside an analysis phrase ("analyse de l'AFP", "an AFP analysis")."""
    doc = tokens[0].doc if tokens else None
    if doc is None:
        return None
    ids = {t.i for t in tokens}
    for ent in _ents(doc):
        if ent.label_ in _ORG_LABELS | _PERSON_LABELS and ent.start in ids:
            return _clean(list(ent))
    props = [t for t in tokens if t.pos_ == "PROPN" or (t.text.isupper() and len(t.text) > 1)]
    return _clean(props[:1]) if props else None


def _org_entity(tokens: list[Token], person: list[Token] | None) -> str | None:
    pids = {t.i for t in person} if person else set()
    ids = {t.i for t in tokens}
    doc = tokens[0].doc
    for ent in _ents(doc):
        if ent.label_ in ("ORG",) and ent.start in ids and ent.start not in pids:
            return _clean(list(ent))
    return None


# --- cues in one parsed sentence ----------------------------------------------------------------------


def _subject_phrase(verb: Token, depth: int = 0) -> tuple[list[Token], float]:
    """Tokens of the speaker phrase of a cue verb, and how sure the parse is of it."""
    forms = verb.morph.get("VerbForm", [])
    has_aux = (
        any(c.dep_ in ("aux", "aux:tense") for c in verb.children)
        or (verb.i > 0 and verb.doc[verb.i - 1].pos_ == "AUX")
        or (verb.i > 1 and verb.doc[verb.i - 1].lower_ in ("-il", "-elle", "-ils", "-elles"))
    )
    finite = "Fin" in forms or has_aux or verb.tag_ in ("VBD", "VBZ", "VBP")
    pron_subj = any(c.dep_ in _SUBJ_DEPS and c.pos_ == "PRON" for c in verb.children)
    # a subject before the verb wins over an incise reading ("Le PDG de Renault, Luca de Meo, a défendu …")
    pre_subj = any(
        c.dep_ in _SUBJ_DEPS
        and c.i < verb.i
        and c.pos_ != "PRON"
        and not any(
            verb.doc[j].text in ("»", '"', "”", "«", "“")
            or (
                verb.doc[j].pos_ in ("VERB", "AUX")
                and verb.doc[j].head.i != verb.i
                and "Fin" in verb.doc[j].morph.get("VerbForm", [])
            )
            for j in range(c.left_edge.i, verb.i)
        )
        for c in verb.children
    )
    if finite and not pron_subj and not pre_subj and _in_incise(verb):
        inv = _inverted_subject(verb)
        if inv:
            return _extend_trailing_name(inv), 0.95
    subj = [c for c in verb.children if c.dep_ in _SUBJ_DEPS]
    if subj:
        ids: set[int] = set()
        for s in subj:
            for t in s.subtree:
                ids.add(t.i)
            for c in s.children:
                if c.dep_ in _CLAUSE_DEPS - {"conj"} or (c.dep_ == "acl" and c.i > s.i):
                    ids -= {t.i for t in c.subtree}
        toks = [verb.doc[i] for i in sorted(ids)]
        if toks and toks[0].i < verb.i:
            toks = _extend_left(toks)
        toks = _extend_apposition(toks)
        return _extend_trailing_name(toks), 1.0
    present_part = ("Part" in forms and "Pres" in verb.morph.get("Tense", [])) or "Ger" in forms or verb.tag_ == "VBG"
    if (
        depth < 2
        and verb.head.i != verb.i
        and verb.head.pos_ in ("VERB", "AUX")
        and ((verb.dep_ in ("advcl", "acl") and present_part) or verb.dep_ in ("conj", "xcomp"))
    ):
        toks, strength = _subject_phrase(verb.head, depth + 1)
        if toks:
            return toks, strength * 0.9
    if verb.pos_ in ("NOUN", "PROPN"):
        # "Ukraine's military intelligence estimates that ...": the tagger took the verb for a noun
        return _left_phrase(verb.doc, verb.i), 0.8
    if finite:
        inv = _inverted_subject(verb)
        if inv and not any(t.head.i == verb.i and t.dep_ in ("obj", "dobj", "iobj", "dative") for t in inv):
            # outside an incise, an object of the verb is what is said, never the speaker
            return _extend_trailing_name(inv), 0.8
        return _left_phrase(verb.doc, _group_start(verb, [])), 0.7
    return [], 0.0


def _in_incise(verb: Token) -> bool:
    """Whether the verb group follows a comma or a closing quote (``», a déclaré X``, ``, said X``)."""
    i = _group_start(verb, []) - 1
    return i >= 0 and verb.doc[i].text in (",", "»", '"', "”", "—", "–")


def _extend_left(toks: list[Token]) -> list[Token]:
    """Grow a subject leftwards over the rest of its noun phrase (the parser may keep only
    ``major ukrainien`` of ``le chef de l'état-major ukrainien``)."""
    doc = toks[0].doc
    i = toks[0].i - 1
    ext: list[Token] = []
    while i >= 0:
        t = doc[i]
        if t.text in ("-", "'", "’") or t.pos_ in ("DET", "NOUN", "PROPN", "ADJ") or t.lower_ in _NAME_LINK:
            ext.insert(0, t)
            i -= 1
            continue
        break
    if ext and ext[-1].text in ("-", "'", "’") or (ext and ext[-1].i == toks[0].i - 1 and len(ext) <= 8):
        return ext + toks
    return toks


def _left_phrase(doc: Doc | Span, end: int) -> list[Token]:
    """Tokens from the start of the clause up to ``end`` (exclusive), appositions included."""
    i = end - 1
    out: list[Token] = []
    while i >= 0:
        t = doc[i]
        if t.text in (";", ":", "«", "»", '"', "“", "”", ".") or t.lower_ in (
            "que",
            "qu'",
            "qu’",
            "that",
            "qui",
            "who",
        ):
            break
        if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", []):
            break
        out.insert(0, t)
        i -= 1
        if len(out) > 25:
            return []
    return out


def _extend_trailing_name(toks: list[Token]) -> list[Token]:
    """Append a name set off by a comma after a role (``la porte-parole du HCR pour les réfugiés,
    Olga Sarrado``), when the phrase has a role and no person yet."""
    if not toks or not any(t.lower_ in cues.ROLES for t in toks) or any(t.ent_type_ in _PERSON_LABELS for t in toks):
        return toks
    doc = toks[0].doc
    j = toks[-1].i + 1
    bridge: list[Token] = []
    while (
        j < len(doc)
        and doc[j].text != ","
        and len(bridge) < 6
        and (doc[j].pos_ in ("ADP", "DET", "NOUN", "ADJ", "PROPN") or doc[j].text in ("-", "'", "’"))
    ):
        bridge.append(doc[j])
        j += 1
    if j + 1 < len(doc) and doc[j].text == ",":
        ent = next((e for e in _ents(doc) if e.start == j + 1 and e.label_ in _PERSON_LABELS), None)
        if ent is not None:
            return toks + bridge + [doc[j]] + list(ent)
        run = []
        k = j + 1
        while k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha:
            run.append(doc[k])
            k += 1
        if 2 <= len(run) <= 4 and (k >= len(doc) or doc[k].is_punct):
            return toks + bridge + [doc[j]] + run
    return toks


def _extend_apposition(toks: list[Token]) -> list[Token]:
    """Prepend a leading role apposition: ``Porte-parole du département d'État, Vedant Patel a ...``."""
    if not toks:
        return toks
    doc = toks[0].doc
    first = toks[0].i
    if first >= 2 and doc[first - 1].text == ",":
        j = first - 2
        seg: list[Token] = []
        while j >= 0 and doc[j].text not in (",", ";", ":", "«", "»", '"', ".") and doc[j].pos_ not in ("VERB", "AUX"):
            seg.insert(0, doc[j])
            j -= 1
        if seg and (j < 0 or doc[j].text in (",", ".")) and any(t.lower_ in cues.ROLES for t in seg) and len(seg) <= 10:
            return seg + [doc[first - 1]] + toks
    return toks


def _inverted_subject(verb: Token) -> list[Token]:
    """The subject placed after the verb in an incise (``, a affirmé lundi le Pentagone``)."""
    doc = verb.doc
    i = verb.i + 1
    while i < len(doc) and (
        doc[i].lower_ in _SKIP_AFTER_VERB
        or doc[i].pos_ in ("ADV", "AUX")
        or doc[i].lower_ in ("-t", "-t-")
        or (doc[i].like_num and i + 1 < len(doc) and doc[i + 1].lower_ in _MONTHS)
        or doc[i].lower_ in _TIME_WORDS
        or (doc[i].lower_ in _TIME_LEADERS and i + 1 < len(doc) and doc[i + 1].lower_ in _TIME_WORDS)
    ):
        i += 1
    out: list[Token] = []
    paren = 0
    if i < len(doc) and doc[i].lower_ in ("à", "au", "aux", "to") and doc[i].head.i > i:
        # the listener before an inverted subject: ", a expliqué à franceinfo le président de …"
        i = max(t.i for t in doc[i].head.subtree) + 1
        while i < len(doc) and (doc[i].lower_ in _SKIP_AFTER_VERB or doc[i].pos_ == "ADV"):
            i += 1
    if i < len(doc) and doc[i].pos_ == "ADP":
        return []
    while i < len(doc):
        t = doc[i]
        if t.text == "(":
            paren += 1
        elif t.text == ")":
            paren -= 1
            if paren < 0:
                break
        elif paren == 0 and (
            t.is_punct
            and t.text not in ("-", "'", "’")
            and not (t.text == "." and out and out[-1].lower_ in ("m", "mr"))
        ):
            break
        if paren == 0 and (t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ") and t.lower_ not in cues.ROLES):
            break
        if paren == 0 and t.pos_ == "ADP" and t.lower_ not in _NAME_LINK:
            break
        if paren == 0 and t.lower_ in ("que", "that", "qu'", "qu’"):
            break
        out.append(t)
        i += 1
        if len(out) > 14:
            break
    if out and not any(t.pos_ in ("PROPN", "NOUN", "PRON") or t.text[:1].isupper() for t in out):
        return []
    return out


# Month words of every language (``lang/<lang>/months.txt``), and words of time that never speak.
_MONTHS = frozenset(month_numbers())
_TIME_WORDS = _MONTHS | all_words("weekdays") | all_words("time_words")
# words that open a time phrase before such a word ("last week", "la semaine dernière" needs none)
_TIME_LEADERS = frozenset({"last", "next", "this", "that", "early", "late", "ce", "cette", "la", "le", "l'"})


def _is_cue(tok: Token, lang: str) -> str | None:
    lemma = tok.lemma_.lower()
    low = tok.lower_
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "ROOT"):
        if lemma in cues.DENY_LEMMAS[lang]:
            return "deny"
        if lemma in cues.CUE_LEMMAS[lang] or low in cues.CUE_FORMS[lang]:
            if lemma in (
                "porter",
                "situer",
                "place",
                "mettre",
                "faire",
                "put",
                "show",
                "montrer",
                "compter",
                "count",
                "continue",
                "poursuivre",
                "lancer",
                "point",
            ):
                # weak cues: speaking only with a subject that can speak
                return "weak"
            return "verb"
        if lemma in lexicon_words(lang, "intent_verbs"):
            return "intent"
        if lemma == "savoir" and tok.i > 0 and tok.doc[tok.i - 1].lemma_ == "faire":
            return "verb"  # "a fait savoir le ministère"
        if lemma == "faire" and any(c.lower_ in ("état", "savoir") for c in tok.children):
            return "verb"
        if lemma == "mettre" and any(c.lower_ == "garde" for c in tok.subtree):
            return "verb"
    elif low in cues.CUE_FORMS[lang] and tok.dep_ == "ROOT":
        return "verb"
    return None


def _negated(verb: Token) -> bool:
    for c in verb.children:
        if c.lower_ in cues.NEGATIONS and c.dep_ in ("advmod", "neg", "mark", "case", "advmod:neg", "cc"):
            return True
    if verb.i > 0 and verb.doc[verb.i - 1].lower_ in ("sans", "without"):
        return True
    h = verb.head
    return h.i != verb.i and h.lemma_.lower() in cues.REFUSE_LEMMAS and verb.dep_ in ("xcomp", "ccomp", "obj")


def _group_start(verb: Token, phrase: list[Token]) -> int:
    """First token of the speech group: the pre-verbal subject or the auxiliaries."""
    starts = [verb.i]
    for c in verb.children:
        if c.i < verb.i and c.dep_ in ("aux", "aux:tense", "aux:pass", "auxpass", "expl:subj", "advmod:neg", "neg"):
            starts.append(c.i)
    if phrase and phrase[0].i < verb.i:
        starts.append(phrase[0].i)
    # the aux of an inverted incise ("a-t-il déclaré") may hang elsewhere: walk back over them
    i = min(starts) - 1
    doc = verb.doc
    while i >= 0 and (
        doc[i].pos_ == "AUX"
        or doc[i].lower_ in ("-t", "-t-", "-il", "-elle", "ne", "n'", "n’")
        or doc[i].lower_ in ("encore", "également", "aussi", "also")
    ):
        i -= 1
    return i + 1


def _according_phrase(doc: Doc | Span, k: int, lang: str) -> list[Token] | None:
    """Tokens after ``selon`` / ``d'après`` / ``according to`` up to the end of the phrase."""
    i = k
    out: list[Token] = []
    paren = 0
    while i < len(doc):
        t = doc[i]
        if t.text == "(":
            paren += 1
        elif t.text == ")":
            paren -= 1
        elif paren <= 0 and (t.text in (",", ";", ":", ".", "!", "?", "«", "»", '"', "“", "”", "—", "–")):
            break
        if paren <= 0 and (
            ("Fin" in t.morph.get("VerbForm", []) and t.pos_ in ("VERB", "AUX")) or t.lower_ in ("que", "that")
        ):
            break
        if paren <= 0 and t.like_num and out:
            break
        out.append(t)
        i += 1
        if len(out) > 25:
            break
    if not out or out[0].lower_ in ("lequel", "laquelle", "lesquels", "lesquelles", "which", "whom", "quoi"):
        return None
    if out[0].lower_ in cues.PRONOUNS:
        return out[:1]
    return out


def speaker_mentions(
    doc: Doc | Span, art: int, sent_id: int, offset: int, lang: str, first_id: int
) -> list[dict[str, Any]]:
    """One row per cue in a parsed sentence (see ``SPEAKER_SCHEMA``); offsets in article characters."""
    rows: list[dict[str, Any]] = []
    n = len(doc)
    low = [t.lower_ for t in doc]
    nid = first_id

    def add(
        kind: str, cue: Token, cue_end_tok: Token, sp: Speaker | None, group: int, deny: bool, strength: float
    ) -> None:
        nonlocal nid
        if sp is None:
            return
        rows.append(
            {
                "art": art,
                "sent_id": sent_id,
                "cue_id": nid,
                "kind": kind,
                "cue_start": offset + cue.idx,
                "cue_end": offset + cue_end_tok.idx + len(cue_end_tok.text),
                "group_start": offset + doc[group].idx if group < n else offset + cue.idx,
                "source": sp.source,
                "source_org": sp.source_org,
                "gender": sp.gender,
                "role": sp.role,
                "anaphor": sp.anaphor,
                "deny": deny,
                "strength": strength,
                "main": kind == "according" or cue.dep_ in ("ROOT", "parataxis", "conj", "advcl") or _in_incise(cue),
                "head_start": offset + cue.head.idx,
                "person": sp.person,
                # closes its sentence after a comma: "C'est un bilan provisoire, a précisé X."
                "incise": kind == "verb"
                and _in_incise(cue)
                and all(t.is_punct or t.is_space for t in doc[cue_end_tok.i + 1 :]),
                "fallback": False,
            }
        )
        nid += 1

    for tok in doc:
        k = tok.i
        # according to X / selon X / d'après X / citing X
        if (
            low[k] in ("selon", "citant", "citing")
            or (low[k] == "après" and k > 0 and low[k - 1] in ("d'", "d’"))
            or (low[k] == "according" and k + 1 < n and low[k + 1] == "to")
            or (
                low[k] == "pour"
                and k + 1 < n
                and low[k + 1] in ("lui", "elle", "eux")
                and k + 2 < n
                and doc[k + 2].text == ","
            )
        ):
            start = k + 2 if low[k] == "according" else k + 1
            phrase = _according_phrase(doc, start, lang)
            if phrase:
                sp = analyse_phrase(phrase, lang)
                first = doc[k - 1] if low[k] == "après" else tok
                add("according", first, phrase[-1], sp, first.i, False, 1.0)
            continue
        kind = _is_cue(tok, lang)
        if kind is None:
            if (
                tok.dep_ in _SUBJ_DEPS
                and tok.pos_ in ("PROPN", "NOUN")
                and (
                    tok.ent_type_ in _PERSON_LABELS
                    or tok.lower_ in cues.ROLES
                    or any(c.ent_type_ in _PERSON_LABELS for c in tok.children)
                )
                and _is_cue(tok.head, lang) is None
            ):
                # a named person who does something else ("X s'est rendu à Marseille"): an antecedent
                # for later pronouns and descriptors, and the speaker of a quote it introduces with ':'
                phrase, strength = _subject_phrase(tok.head)
                if phrase and any(t.i == tok.i for t in phrase):
                    sp = analyse_phrase(phrase, lang)
                    if sp is not None and sp.source and sp.anaphor is None:
                        add("mention", tok.head, tok.head, sp, _group_start(tok.head, phrase), False, strength)
            continue
        # agent of a participle or passive: "le chiffre avancé par Kiev", "figures released by the UN"
        agent = [c for c in tok.children if c.dep_ in ("obl:agent", "agent")]
        if not agent and "Part" in tok.morph.get("VerbForm", []) and tok.dep_ in ("acl", "amod"):
            # "les 500 soldats tués évoqués par Kiev": the parser may not label the agent
            agent = [
                c
                for c in tok.children
                if c.i > tok.i
                and (c.pos_ == "PROPN" or c.ent_type_)
                and any(g.dep_ == "case" and g.lower_ in ("par", "by") for g in c.children)
            ]
        if agent:
            a = agent[0]
            phrase = [t for t in a.subtree if t.lower_ not in ("par", "by")]
            if phrase:
                sp = analyse_phrase(phrase, lang)
                add("agent", tok, phrase[-1], sp, tok.i, kind == "deny" or _negated(tok), 1.0)
                continue
        phrase, strength = _subject_phrase(tok)
        if not phrase:
            continue
        sp = analyse_phrase(phrase, lang)
        if sp is None:
            continue
        if kind == "weak" and sp.anaphor is None and not _speaking(phrase):
            continue
        deny = kind == "deny" or (
            _negated(tok)
            and tok.lemma_.lower() in ("confirmer", "confirm", "dire", "say", "indiquer", "préciser", "give")
        )
        group = _group_start(tok, phrase)
        end_tok = phrase[-1] if phrase[-1].i > tok.i else tok
        if kind == "intent":
            # the subject's own target: a weaker candidate than any verb of saying in the sentence
            if sp.anaphor is None and not deny:
                add("intent", tok, end_tok, sp, group, False, strength)
            continue
        add("verb", tok, end_tok, sp, group, deny, strength)
        # back-reference: "Vedant Patel a confirmé l'information" speaks of the previous sentence
        objs = [c for c in tok.children if c.dep_ in ("obj", "dobj")]
        if objs and not deny and any(o.lower_ in cues.BACKREF_OBJECTS for o in objs):
            add("backref", tok, end_tok, sp, group, False, strength)
    for tok in doc:
        # "the report by the Resolution Foundation", "le rapport annuel de la Fondation Abbé-Pierre":
        # the author of a document, for the figures it lists and for later "the report", "the data"
        if tok.lower_ not in cues.DOCUMENT_NOUNS and tok.lower_ not in cues.ANALYSIS_NOUNS:
            continue
        owner = _document_owner(tok)
        after: list[Token] = list(doc[owner[-1].i + 1 : owner[-1].i + 2]) if owner else []
        if owner and not _seat_phrase([*owner, *after]):
            sp = Speaker(_clean(owner), None)
            if sp.source:
                add("author", tok, owner[-1], Speaker(sp.source, sp.source), tok.i, False, 0.9)
    for tok in doc:
        # the owner of a figure noun: "the government's target of 5.4%", "their previous toll of 115",
        # "l'objectif du gouvernement de 5 %": the figure is the owner's, whoever reports it
        if (
            tok.pos_ not in ("NOUN", "PROPN")
            or tok.lemma_.lower() not in lexicon_words(lang, "figure_nouns")
            or tok.lower_ in cues.CUE_FORMS[lang]  # "Ukraine's intelligence estimates that": a verb tagged noun
        ):
            continue
        owner_phrase = _figure_owner(tok, lang)
        if owner_phrase:
            possessive = owner_phrase[0].lower_ if len(owner_phrase) == 1 else ""
            if possessive in _POSSESSIVE_PRONOUNS:
                g = _POSSESSIVE_PRONOUNS[possessive]
                sp = Speaker(None, None, gender=g, anaphor="org" if possessive == "its" else "pronoun")
            else:
                sp = analyse_phrase(owner_phrase, lang)
            if sp is not None and (sp.source or sp.anaphor) and not _holds_number(owner_phrase):
                add("owner", tok, tok, sp, tok.i, False, 0.9)
    taken = {(r["cue_start"], r["cue_end"]) for r in rows}
    for ent in _ents(doc) if isinstance(doc, Doc) else tuple(doc.ents):
        # organisations and places named anywhere: antecedents of "the agency", "the airport", "it"
        if ent.label_ not in ("ORG", "GPE", "FAC", "LOC") or _holds_number(list(ent)):
            continue
        name = _clean(list(ent))
        if not name or (offset + ent[0].idx, offset + ent[-1].idx + len(ent[-1].text)) in taken:
            continue
        add(
            "entity",
            ent[0],
            ent[-1],
            Speaker(name, name, role="org" if ent.label_ == "ORG" else "place"),
            ent.start,
            False,
            0.5,
        )
    return rows


# English possessive determiners -> the gender an antecedent must have (None: any)
_POSSESSIVE_PRONOUNS: dict[str, str | None] = {"their": None, "its": None, "his": "m", "her": "f"}


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
    if i >= len(doc) or doc[i].lower_ not in _NAME_LINK | {"par", "by"}:
        return None
    j = i + 1
    out: list[Token] = []
    while j < len(doc) and (
        doc[j].pos_ in ("DET", "PROPN", "NOUN", "ADJ") or doc[j].lower_ in _NAME_LINK or doc[j].text in ("-", "'", "’")
    ):
        if doc[j].pos_ == "NOUN" and not doc[j].text[:1].isupper() and not doc[j].ent_type_:
            break
        out.append(doc[j])
        j += 1
    if not any(t.pos_ == "PROPN" or t.ent_type_ in _ORG_LABELS | _PERSON_LABELS for t in out):
        return None
    return out


def _speaking(phrase: list[Token]) -> bool:
    """Whether a phrase can be the subject of a weak cue ("Moscou compte", "le ministère porte à")."""
    return any(
        t.ent_type_ in _PERSON_LABELS | {"ORG"} or t.lower_ in cues.ROLES or t.lower_ in cues.ORG_WORDS for t in phrase
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


# --- pairing (polars) -------------------------------------------------------------------------------

_PRIORITY = {
    "quote": (100.0, 0.95),
    "bracket": (99.0, 0.9),
    "owner": (98.0, 0.9),
    "agent": (96.0, 0.95),
    "according": (92.0, 0.9),
    "governs": (90.0, 0.9),
    "sentence": (70.0, 0.75),
    "intent": (65.0, 0.7),
    "author": (62.0, 0.7),
    "quote_carry": (60.0, 0.65),
    "backref": (55.0, 0.6),
    "continuation": (50.0, 0.55),
    "list_intro": (46.0, 0.6),
    "list_after": (45.0, 0.55),
    "headline": (44.0, 0.6),
    "restatement": (42.0, 0.55),
    "forward": (40.0, 0.55),
    "discourse": (30.0, 0.6),
}

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


_SPEAKING_KINDS = ("verb", "according", "agent", "mention")


def resolve_anaphors(speakers: pl.LazyFrame) -> pl.LazyFrame:
    """Give every anaphor cue the last earlier mention of its article that fits it (as-of joins).

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
    named = (
        real.filter(pl.col("kind").is_in(_SPEAKING_KINDS))
        .select("art", pl.col("cue_start").alias("pos"), "source", "source_org", "gender", "role")
        .sort("art", "pos")
    )
    # organisations: speakers that are not persons, authors, entities, and the organisation of a person
    org_rows = real.filter(pl.col("kind") != "backref").select(
        "art",
        pl.col("cue_start").alias("pos"),
        source=pl.when(pl.col("person")).then(pl.col("source_org")).otherwise(pl.col("source")),
        place=(pl.col("kind") == "entity") & (pl.col("role") == "place"),
    )
    # only a name can be an antecedent ("région" taken from "le président de la région" is not one)
    orgs = org_rows.filter(pl.col("source").str.contains(r"\p{Lu}")).sort("art", "pos")
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
    res = asof(
        res.with_columns(pl.col("role").fill_null("")),
        named.filter(pl.col("role").is_not_null()),
        "role",
        ["art", "role"],
    ).with_columns(pl.when(pl.col("role") == "").then(None).otherwise(pl.col("role")).alias("role"))
    res = asof_org(res, orgs.filter(~pl.col("place")), "org")
    res = asof_org(res, orgs, "place")
    g = pl.col("gender")
    by_gender_src = (
        pl.when(g == "f").then(pl.col("src_f")).when(g == "m").then(pl.col("src_m")).otherwise(pl.col("src_any"))
    )
    by_gender_org = (
        pl.when(g == "f").then(pl.col("org_f")).when(g == "m").then(pl.col("org_m")).otherwise(pl.col("org_any"))
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
    org_src = pl.when(pl.col("role") == "place").then(pl.col("src_place")).otherwise(pl.col("src_org"))

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


def _candidate_columns(pattern: str, dist: pl.Expr, deny: pl.Expr | None = None) -> list[pl.Expr]:
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


def _as_candidates(frame: pl.LazyFrame, pattern: str, dist: pl.Expr, deny: pl.Expr | None = None) -> pl.LazyFrame:
    """Figure-source candidates of one pattern, in the one shape the ranking reads."""
    return frame.select(_candidate_columns(pattern, dist, deny))


def _ranked_candidates(frame: pl.LazyFrame, pattern: str, dist: pl.Expr, decay: pl.Expr | None = None) -> pl.LazyFrame:
    """Candidates of a pattern that carries its own priority and confidence (``_PRIORITY[pattern]``): the
    confidence is the pattern's times the cue's strength, times ``decay`` when the source is far away."""
    prio, conf = _PRIORITY[pattern]
    confidence = pl.lit(conf) * pl.col("strength") * (pl.lit(1.0) if decay is None else decay)
    return frame.select(
        *_candidate_columns(pattern, dist), pl.lit(prio).alias("prio"), confidence.clip(0.0, 1.0).alias("confidence")
    )


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
    sp = resolve_anaphors(speakers).collect().lazy()
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
    c_quote = _as_candidates(fig_quote.join(quote_speaker, on=["art", "quote_id"]), "quote", pl.lit(0))
    # 2. same-sentence cues: agent, according, governing verb, any verb of the sentence
    governs = pl.col("anc").list.contains(pl.col("cue_start"))
    same = base.join(
        sp.filter(pl.col("kind").is_in(["verb", "according", "agent", "owner", "intent"])), on=["art", "sent_id"]
    ).filter(
        governs
        | (pl.col("main") & ~pl.col("kind").is_in(["owner", "intent"]))
        | pl.col("kind").is_in(["according", "agent"])
    )
    c_same = same.select(
        "art",
        "fig",
        "source",
        "source_org",
        "deny",
        pattern=pl.when(pl.col("kind") == "agent")
        .then(
            pl.when(governs | pl.col("anc").list.contains(pl.col("head_start")))
            .then(pl.lit("agent"))
            .otherwise(pl.lit("sentence"))
        )
        .when(pl.col("kind") == "owner")
        .then(pl.lit("owner"))
        .when(pl.col("kind") == "intent")
        .then(pl.lit("intent"))
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
    # 2c. a document whose author the sentence names: "296 morts, selon un premier bilan officiel du ministère"
    c_author = _as_candidates(
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
        .pipe(_as_candidates, "quote_carry", pl.lit(0))
    )
    # 4. "X a confirmé l'information" credits the figures of the sentence before
    back = _as_candidates(
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
        .pipe(_as_candidates, "continuation", pl.col("char_start") - pl.col("cue_start"))
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
        .pipe(_as_candidates, "forward", pl.col("cue_start") - pl.col("char_start"))
    )
    prio = pl.col("pattern").replace_strict({k: v[0] for k, v in _PRIORITY.items()}, return_dtype=pl.Float64)
    conf = pl.col("pattern").replace_strict({k: v[1] for k, v in _PRIORITY.items()}, return_dtype=pl.Float64)
    cands = (
        pl.concat([c_quote, c_bracket, c_same, c_author, carry, back, cont, c_list, c_forward], how="vertical_relaxed")
        .with_columns(prio=prio, confidence=(conf * pl.col("strength")).clip(0.0, 1.0))
        .sort("art", "fig", "prio", "dist", descending=[False, False, True, False])
        .group_by("art", "fig", maintain_order=True)
        .first()
    )
    cands = cands.collect().lazy()
    cands = pl.concat([cands, _headline_candidates(figures, cands)], how="diagonal_relaxed").collect().lazy()
    if sentences is not None:
        cands = pl.concat([cands, _discourse_candidates(figures, sp, cands, sentences)], how="diagonal_relaxed")
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


def _discourse_candidates(
    figures: pl.LazyFrame, speakers: pl.LazyFrame, cands: pl.LazyFrame, sentences: pl.LazyFrame
) -> pl.LazyFrame:
    """Sources for figures no pattern of their own sentence credits, from the rest of the article.

    * ``restatement``: the figure restates an attributed figure of the same article (same unit, same
      value within rounding: "nearly 5,000" for 4,870, a headline or lede summing up the body);
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
    body = figures.join(cands.filter(~pl.col("deny").fill_null(False)), on=["art", "fig"]).select(
        "art",
        pl.col("value").alias("b_value"),
        pl.col("unit").alias("b_unit"),
        pl.col("qualifier").alias("b_qualifier"),
        pl.col("char_start").alias("b_start"),
        "source",
        "source_org",
        "strength",
    )
    restated = _ranked_candidates(
        orphans.join(body, on="art")
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
    carried = _ranked_candidates(
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


def _headline_candidates(figures: pl.LazyFrame, cands: pl.LazyFrame) -> pl.LazyFrame:
    """A figure of the headline line that nobody is credited with takes the source of the same figure in
    the lead (same value, else same unit in the first body sentence): the headline sums up the story."""
    heads = figures.filter(pl.col("headline")).join(cands.select("art", "fig"), on=["art", "fig"], how="anti")
    body = (
        figures.filter(~pl.col("headline"))
        .join(cands.filter(~pl.col("deny").fill_null(False)), on=["art", "fig"])
        .select(
            "art",
            pl.col("sent_id").alias("b_sent"),
            pl.col("value").alias("b_value"),
            pl.col("unit").alias("b_unit"),
            pl.col("char_start").alias("b_start"),
            "source",
            "source_org",
            "strength",
        )
    )
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
    return _ranked_candidates(matched, "headline", pl.lit(0).cast(pl.Int64))


def canonical_sources(pairs: pl.LazyFrame, speakers: pl.LazyFrame) -> pl.LazyFrame:
    """One name per speaker and article: a bare surname becomes the full name the article uses
    elsewhere ("Selon Zelensky" -> "Volodymyr Zelensky"), and a missing organisation is taken from
    another mention of the same speaker ("Vedant Patel" -> "département d'État américain")."""
    names = (
        speakers.filter(pl.col("kind").is_in(_SPEAKING_KINDS) & ~pl.col("fallback"))
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

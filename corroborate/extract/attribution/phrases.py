"""Who a speaker phrase names: ``analyse_phrase(tokens, lang) -> Speaker | None``.

A source is a person, an organisation, a place standing for its government, a document's author or a
role resolved to one of these: phrases that hold a number, open with a preposition, name the audience
("told reporters") or are generic noun phrases are not sources.

Decision on analyses (``selon une analyse de l'AFP sur des données de l'ISW``): the figure is credited
to the owner of the data (ISW) and the analyst (AFP) goes to ``source_org``. The same figure is then
credited to the same source whether or not the article names the analyst, and two outlets rewriting
the same AFP analysis share a ``source_org`` and so do not corroborate each other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from corroborate.extract import cues
from corroborate.extract.attribution.tokens import (
    NAME_LINK,
    ORG_LABELS,
    PERSON_LABELS,
    SUBJ_DEPS,
    TIME_WORDS,
    clean,
    entities,
    holds_number,
)
from corroborate.extract.lang import all_folded
from corroborate.text import fold


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


_COMPLEMENT_DEPS = frozenset({"nmod", "pobj", "obl", "obl:mod", "obl:arg", "poss"})


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
    for ent in entities(doc):
        if ent.label_ in PERSON_LABELS and ent.start in ids and ent.end - 1 in ids:
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
    covered = {t.i for ent in entities(doc) if ent.label_ in ORG_LABELS for t in ent}
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
    if i <= ids[-1] and doc[i].lower_ in NAME_LINK:
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
    org_text = clean(after) if after else None
    mods = clean(before) if before else None
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


class _Nobody:
    """A rule's answer when the phrase names nobody (``None`` means the rule does not apply)."""


NOBODY = _Nobody()


@dataclass(frozen=True, slots=True)
class _Phrase:
    """A speaker phrase, trimmed of spaces and outer punctuation, with its lower-cased words."""

    toks: list[Token]
    lows: list[str]
    lang: str


def analyse_phrase(tokens: list[Token], lang: str) -> Speaker | None:
    """Say who a speaker phrase names, or None when it names nobody usable.

    The rules of :data:`PHRASE_RULES` read the phrase in order; the first that decides answers.
    """
    toks = [t for t in tokens if not t.is_space]
    while toks and toks[0].is_punct:
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text != ")":
        toks = toks[:-1]
    if not toks:
        return None
    phrase = _Phrase(toks, [t.lower_ for t in toks], lang)
    for rule in PHRASE_RULES:
        decided = rule(phrase)
        if decided is not None:
            return None if isinstance(decided, _Nobody) else decided
    return None


def _name_then_description(p: _Phrase) -> Speaker | _Nobody | None:
    """A name and a description set off by commas: "France, Europe's second biggest economy," is France."""
    toks, lows = p.toks, p.lows
    name_end = next((k for k, t in enumerate(toks) if t.pos_ != "PROPN"), len(toks))
    if (
        0 < name_end < len(toks)
        and toks[name_end].text == ","
        and not any(w in cues.ROLES for w in lows[name_end:])
        and not any(t.ent_type_ in PERSON_LABELS for t in toks[name_end:])
    ):
        return analyse_phrase(toks[:name_end], p.lang) or NOBODY
    return None


def _name_then_role(p: _Phrase) -> Speaker | _Nobody | None:
    """A person's name and their role set off by a comma: "Hichem Chkiouat, a minister in the eastern
    government," is Hichem Chkiouat, of the eastern government; "Othman Abduljaleel, the health minister of the
    eastern government" is Othman Abduljaleel. The name is two or three capitalised words (a person's, not a
    body's: no institution word among them)."""
    toks = p.toks
    name_end = next((k for k, t in enumerate(toks) if not (t.text[:1].isupper() and t.is_alpha)), len(toks))
    if not (2 <= name_end <= 3 and name_end < len(toks) - 1 and toks[name_end].text == ","):
        return None
    name, description = toks[:name_end], toks[name_end + 1 :]
    if any(t.lower_ in cues.ORG_WORDS or t.lower_ in cues.ROLES for t in name):
        return None
    role = _role_token(description)
    if role is None or description[0].lower_ not in cues.DETERMINERS | cues.INDEFINITE and description[0] != role:
        return None
    org = _org_from_role(description, role, None, p.lang) or _org_entity(description, None)
    return Speaker(clean(name), org, gender=_gender_of(description, p.lang), role=cues.ROLES[role.lower_], person=True)


def _not_a_speaker(p: _Phrase) -> Speaker | _Nobody | None:
    """The first person; a figure or a prepositional phrase ("état de 1 530 pertes russes", "en cours
    d'analyse"); the audience ("told reporters", "à la presse"): never who speaks."""
    toks, lows = p.toks, p.lows
    if any(w in cues.FIRST_PERSON for w in lows):
        return NOBODY
    if holds_number(toks) or (toks[0].pos_ == "ADP" and toks[0].lower_ not in ("par", "by")):
        return NOBODY
    if lows[-1] in cues.LISTENERS or (len(toks) <= 3 and any(w in cues.LISTENERS for w in lows)):
        return NOBODY
    return None


def _it(p: _Phrase) -> Speaker | _Nobody | None:
    """English "it": the organisation named before."""
    return Speaker(None, None, anaphor="org") if p.lows == ["it"] else None


def _voice_of(p: _Phrase) -> Speaker | _Nobody | None:
    """ "Le Pentagone, par la voix de sa porte-parole Sabrina Singh", "the ministry, through its spokesman":
    the voice speaks for the body."""
    toks = p.toks
    voice = next(
        (
            k
            for k, t in enumerate(toks)
            if (t.lower_ == "voix" and k + 1 < len(toks) and toks[k + 1].lower_ in ("de", "d'", "d’"))
            or (t.lower_ == "through" and k + 1 < len(toks) and toks[k + 1].lower_ in ("its", "his", "her", "their"))
        ),
        None,
    )
    if voice is None:
        return None
    inner = analyse_phrase(toks[voice + 2 :] if toks[voice].lower_ == "voix" else toks[voice + 1 :], p.lang)
    outer = clean([t for t in toks[:voice] if t.lower_ not in ("par", "la")])
    if inner is not None and inner.source:
        return Speaker(inner.source, inner.source_org or outer, inner.gender, inner.role, person=inner.person)
    if outer:
        return Speaker(outer, outer)
    return None


def _pronoun(p: _Phrase) -> Speaker | _Nobody | None:
    """A pronoun: English "he" / "she" is a person; French "il" / "elle" may be "le ministère"."""
    content = [t for t in p.toks if t.lower_ not in ("-t", "-t-", "t")]
    if len(content) == 1 and content[0].lower_ in cues.PRONOUNS:
        g = cues.PRONOUNS[content[0].lower_]
        return Speaker(None, None, gender=g, anaphor="pronoun", person=p.lang == "en" and g is not None)
    if all(t.pos_ == "PRON" for t in content):
        return NOBODY
    return None


def _data_owner(p: _Phrase) -> Speaker | _Nobody | None:
    """Analyses and data: credit the data owner, keep the analyst as organisation."""
    toks = p.toks
    data_i = next((k for k, t in enumerate(toks) if t.lower_ in cues.DATA_NOUNS), None)
    if data_i is None:
        return None
    k = data_i + 1
    while k < len(toks) and toks[k].pos_ in ("ADJ", "VERB") and toks[k].lower_ not in NAME_LINK:
        k += 1
    if k < len(toks) and toks[k].lower_ in NAME_LINK | {"par", "by", "provided"}:
        owner = clean(toks[k + 1 :])
        if owner:
            return Speaker(owner, _analyst(toks[:data_i]))
    return None


_AUTHOR_LINKS = frozenset(["de", "des", "du", "d'", "d’", "of", "by", "from", "the", "la", "le", "les", "l'", "l’"])


def _analysis(p: _Phrase) -> Speaker | _Nobody | None:
    """ "An AFP analysis", "un rapport de l'ONU": the analyst; "a report from the Washington institution":
    the body named before, not the city."""
    toks = p.toks
    ana_i = next((k for k, t in enumerate(toks) if t.lower_ in cues.ANALYSIS_NOUNS), None)
    if ana_i is None or ana_i > 2:
        return None
    if seat_phrase(toks[ana_i + 1 :]):
        return Speaker(None, None, anaphor="org")
    analyst = _analyst(toks[: ana_i + 1]) or _analyst(toks[ana_i + 1 :])
    if analyst:
        return Speaker(analyst, analyst)
    # a tally of speakers named by what they are ("un dernier bilan des autorités du comté", "a count by
    # officials"): theirs, as a descriptor
    rest = toks[ana_i + 1 :]
    while rest and rest[0].lower_ in _AUTHOR_LINKS:
        rest = rest[1:]
    if rest and (rest[0].lower_ in cues.SPEAKER_NOUNS or rest[0].lower_ in cues.ROLES):
        author = clean(rest)
        return Speaker(author, author) if author else None
    return None


def _person(p: _Phrase) -> Speaker | _Nobody | None:
    """A named person, with the organisation their role or an entity of the phrase gives."""
    toks, lang = p.toks, p.lang
    person = _person_tokens(toks)
    if not person:
        return None
    name = clean(person)
    if not name:
        return NOBODY
    role = _role_token(toks)
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


def _role(p: _Phrase) -> Speaker | _Nobody | None:
    """A role without a name: a ministry, a spokesperson or official of a body, or a role named before."""
    toks, lang = p.toks, p.lang
    role = _role_token(toks)
    if role is None:
        return None
    org = _org_from_role(toks, role, None, lang) or _org_entity(toks, None)
    key = cues.ROLES[role.lower_]
    definite = toks[0].lower_ not in cues.INDEFINITE
    gender = _gender_of(toks, lang)
    if key == "ministry":
        # "le ministère de la Santé", "Gaza's health ministry" name the body itself; a bare
        # "the ministry" refers to one named before
        if org is None and definite and len(toks) <= 3:
            return Speaker(clean(toks), clean(toks), role=key, anaphor="org")
        return Speaker(clean(toks), clean(toks), role=key)
    # a bare plural ("Officials said", "officials told reporters") names officials in general, not the one
    # named before: it is the speaker as written (a descriptor for the scores, a source for the claim)
    bare_plural = toks[0].lower_ not in cues.DETERMINERS and "Plur" in role.morph.get("Number", [])
    doc = role.doc
    if (
        role.i + 2 < len(doc)
        and doc[role.i + 1].lower_ in ("'s", "’s")
        and doc[role.i + 2].lower_ in cues.ORG_DESCRIPTORS
    ):
        # "the governor's office", "the mayor's office": the office speaks, no person named before
        return Speaker(clean(toks), clean(toks), role=key)
    if org is None and definite and len(toks) <= 4 and not bare_plural:
        # "the mayor said": the mayor named before, else the role as written
        return Speaker(clean(toks), None, gender=gender, role=key, anaphor="descriptor")
    if org is not None and org.lower() in cues.ORG_DESCRIPTORS:
        # "the ministry spokesman", "a company spokeswoman": the body named earlier, if any
        return Speaker(org, org, role=key, anaphor="org")
    text = clean(toks)
    fallback = org if org is not None and key in cues.INSTITUTION_ROLES else text
    if org is not None and definite and toks[0].lower_ in cues.DETERMINERS:
        # "la préfète du Var" after "La préfète du Var, Claire Vasseur": the person named before,
        # else the institution (for a spokesperson or an official) or the role as written
        return Speaker(fallback, org, gender=gender, role=key, anaphor="descriptor")
    if org is not None and key in cues.INSTITUTION_ROLES:
        # an unnamed spokesperson or official speaks for the body; a commander only for themselves
        return Speaker(org, org, role=key)
    return Speaker(text, org or text, role=key)


def _noun_phrase(p: _Phrase) -> Speaker | _Nobody | None:
    """Any other phrase: a named body, a body described by its seat, or a generic noun phrase (nobody)."""
    toks = p.toks
    text = clean(toks)
    if not text or len(text) < 2:
        return NOBODY
    nouns = [t for t in toks if t.pos_ in ("NOUN", "PROPN")]
    if nouns and all(t.lower_ in TIME_WORDS for t in nouns):
        return NOBODY  # "said last week", "a indiqué lundi": a time, never who speaks
    if _seat_descriptor(toks):
        # "the Washington-based institution", "l'organisation basée à Genève": a body described by
        # its seat is the organisation named before, not the place
        return Speaker(text, text, anaphor="org")
    ids = {x.i for x in toks}
    head = next((t for t in toks if t.dep_ in SUBJ_DEPS or t.head.i not in ids), toks[-1])
    if head.lower_ in ("nombre", "chiffre", "number", "figure", "total", "toll"):
        return NOBODY
    if not any(t.pos_ in ("PROPN", "NOUN") or t.text[:1].isupper() for t in toks):
        return NOBODY
    named = any(
        t.pos_ == "PROPN"
        or t.ent_type_
        or (t.text[:1].isupper() and (t.i != t.sent.start or any(c.isupper() for c in t.text[1:])))
        for t in toks
    )
    if named:
        return Speaker(text, text)
    return _unnamed_phrase(toks, head, nouns, text)


def _unnamed_phrase(toks: list[Token], head: Token, nouns: list[Token], text: str) -> Speaker | _Nobody:
    """A phrase with no name in it: "la même source", a document, a body named before, or nobody."""
    heads = {head.lower_} | {t.lower_ for t in nouns}
    if any(t.lower_ in cues.SAME_SOURCE for t in toks) and any(t.lower_ in ("source", "sources") for t in toks):
        return Speaker(text, text, anaphor="same")
    if head.lower_ in cues.DOCUMENT_NOUNS:
        # "the data showed", "selon le communiqué final", "its report": the author named before;
        # with none, a document is nobody
        return Speaker(None, None, anaphor="org")
    demonym = any(t.lower_ in cues.DEMONYMS for t in toks)
    if head.lower_ in cues.ORG_DESCRIPTORS and toks[0].lower_ in cues.DETERMINERS and len(nouns) == 1 and not demonym:
        # "the agency", "le club breton", "l'agence onusienne": the organisation named before; with
        # a nationality it names that country's body ("le service sismologique américain")
        place = "place" if head.lower_ in cues.PLACE_DESCRIPTORS else None
        return Speaker(text, text, role=place, anaphor="org")
    if not heads & (cues.SPEAKER_NOUNS | cues.ORG_DESCRIPTORS | cues.ORG_WORDS | set(cues.ROLES)) and not demonym:
        # a generic noun phrase ("en cours d'analyse", "the cuts") names nobody
        return NOBODY
    return Speaker(text, text)


# Who a speaker phrase names, decided by the first of these rules that applies (each names its case).
PHRASE_RULES = (
    _name_then_description,
    _name_then_role,
    _not_a_speaker,
    _it,
    _voice_of,
    _pronoun,
    _data_owner,
    _analysis,
    _person,
    _role,
    _noun_phrase,
)


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


def seat_phrase(toks: list[Token]) -> bool:
    """Whether a phrase names a body only by the place it sits in: a place name (``GPE``/``LOC``), then one
    common organisation noun (``the Washington institution``, ``the Geneva-based agency``)."""
    markers = all_folded("seat_markers")
    words = [t for t in toks if t.pos_ not in ("DET", "ADP", "PUNCT") and fold(t.text) not in markers]
    if len(words) < 2 or words[-1].lower_ not in cues.ORG_DESCRIPTORS or not words[-1].text.islower():
        return False
    place = words[:-1]
    return all(t.ent_type_ in ("GPE", "LOC") or t.text in ("-",) for t in place)


def _analyst(tokens: list[Token]) -> str | None:
    """An organisation named inside an analysis phrase ("analyse de l'AFP", "an AFP analysis")."""
    doc = tokens[0].doc if tokens else None
    if doc is None:
        return None
    ids = {t.i for t in tokens}
    for ent in entities(doc):
        if ent.label_ in ORG_LABELS | PERSON_LABELS and ent.start in ids:
            return clean(list(ent))
    props = [t for t in tokens if t.pos_ == "PROPN" or (t.text.isupper() and len(t.text) > 1)]
    return clean(props[:1]) if props else None


def _org_entity(tokens: list[Token], person: list[Token] | None) -> str | None:
    pids = {t.i for t in person} if person else set()
    ids = {t.i for t in tokens}
    doc = tokens[0].doc
    for ent in entities(doc):
        if ent.label_ in ("ORG",) and ent.start in ids and ent.start not in pids:
            return clean(list(ent))
    return None

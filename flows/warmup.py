"""Start and load what a run's stages need while the run waits for something else.

A ``cli.py run`` that goes through the flow first waits for Prefect: its temporary server takes seconds to
start (a process of its own, on the other core), and the flow's first stages (ingest, article checks) need
neither spaCy nor much CPU. :func:`start_server` spawns that server first thing, rather than at the flow's
first call after every import; :func:`start` then loads, in a background thread, the Great Expectations
context (about three seconds) and the spaCy models (seconds each) while the server starts, so that
validation and extraction find them ready.

Prefect is imported only inside :func:`start_server`. Everything the warm-up loads goes to the caches the
stages read anyway (:func:`corroborate.extract.nlp.get_nlp`, the validation module's one GX context), each
behind its own lock: a stage that asks before the warm-up is done waits for the same load instead of
starting a second one.
"""

from __future__ import annotations

import logging
import threading

__all__ = ["start", "start_server", "wait", "wait_for_server"]

_log = logging.getLogger(__name__)
_lock = threading.Lock()
_thread: threading.Thread | None = None
_server_thread: threading.Thread | None = None


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


def _start_server(spawned: threading.Event) -> None:
    """Start Prefect's temporary server (the one its client would start at the flow's first call) now,
    and set ``spawned`` once its process exists. Failures are left to the client, which tries again."""
    try:
        from prefect.server.api.server import SubprocessASGIServer

        server = SubprocessASGIServer()  # one per process: the client finds this one and waits no more
        watcher = threading.Thread(target=server.start, name="corroborate-prefect-start", daemon=True)
        watcher.start()
        while watcher.is_alive() and server.server_process is None:
            watcher.join(0.05)
        spawned.set()
        watcher.join()
    except Exception as error:
        _log.warning("Prefect's temporary server did not start ahead of the run: %s", error)
    finally:
        spawned.set()


def start_server() -> None:
    """Start Prefect's temporary server in a daemon thread when the run will need one (no ``PREFECT_API_URL``,
    temporary servers allowed), and return once its process is spawned: its seconds of start-up then run
    beside the rest of the warm-up. Call :func:`wait_for_server` before the flow."""
    global _server_thread
    from prefect.settings import get_current_settings

    settings = get_current_settings()
    if settings.api.url or not settings.server.ephemeral.enabled:
        return
    spawned = threading.Event()
    with _lock:
        if _server_thread is not None:
            return
        _server_thread = threading.Thread(
            target=_start_server, args=(spawned,), name="corroborate-prefect", daemon=True
        )
        _server_thread.start()
    spawned.wait()


def wait_for_server() -> None:
    """Wait until a server started by :func:`start_server` answers (or failed to): the flow must not reach
    a server that is still starting, which Prefect's client would take for a running one."""
    with _lock:
        thread = _server_thread
    if thread is not None:
        thread.join()


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

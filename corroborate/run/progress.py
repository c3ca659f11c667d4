"""Progress of a run, reported to whoever listens (the CLI's progress bars or log lines).

A context variable rather than a flow parameter: deployments serialise their parameters, and a
callback is not data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

ProgressCallback = Callable[[str, int, int], None]

_listener: ContextVar[ProgressCallback | None] = ContextVar("corroborate_progress", default=None)


def report(stage: str, done: int, total: int) -> None:
    """Tell the listener, if any, that ``done`` of ``total`` units of ``stage`` are finished."""
    listener = _listener.get()
    if listener is not None:
        listener(stage, done, total)


@contextmanager
def listening(callback: ProgressCallback) -> Iterator[None]:
    """Send progress reports made inside the block to ``callback``."""
    token = _listener.set(callback)
    try:
        yield
    finally:
        _listener.reset(token)

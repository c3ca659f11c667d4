"""The run's warm-up: what it loads is what the stages then use, loaded once; without models it loads none."""

from __future__ import annotations

import threading

from corroborate import validate
from corroborate.extract import nlp
from corroborate.validate import suites
from flows import warmup


def _warm_up_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "corroborate-warm-up"]


def test_the_warm_up_fills_the_caches_the_stages_read() -> None:
    nlp.release_models()
    warmup.start(models=True)
    warmup.start(models=True)  # a second call while the first is under way starts nothing
    assert len(_warm_up_threads()) <= 1
    warmup.wait()
    assert not _warm_up_threads()
    loaded = {lang: nlp._LOADED.get((lang, False)) for lang in nlp.MODELS}
    assert all(model is not None for model in loaded.values())
    # the stages ask for the same objects: nothing loads a second time
    assert all(nlp.get_nlp(lang) is model for lang, model in loaded.items())
    assert suites._gx is not None
    context = suites._gx
    validate.warm_up()
    assert suites._gx is context


def test_without_models_only_the_validation_context_is_built() -> None:
    nlp.release_models()
    warmup.start(models=False)
    warmup.wait()
    assert not nlp._LOADED
    assert suites._gx is not None


def test_no_server_is_started_when_the_run_uses_a_running_one() -> None:
    from prefect.settings import PREFECT_API_URL, temporary_settings

    before = {t.ident for t in threading.enumerate()}
    # as Prefect's client reads it: a server is configured, so the client would start none either
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:9/api"}):
        warmup.start_server()
        warmup.wait_for_server()  # returns at once: nothing was started
    started = [t for t in threading.enumerate() if t.ident not in before and t.name.startswith("corroborate-prefect")]
    assert not started
    assert warmup._server_thread is None

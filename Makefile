# The README's two commands: `make run` and `make test`. Everything they need is installed from
# requirements.lock (exact versions with hashes, the spaCy models included) into .venv.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# The real-news corpus (beside the checkout) and the storylines kept aside as held-out: never tuned on.
REALNEWS ?= ../shared/realnews
HOLDOUT  ?= derna lafires

# The newest Python found here (3.13, then 3.12, on PATH or under pyenv): `make test-newest` tests on it.
NEWEST_VENV := .venv-newest
NEWEST_CANDIDATES ?= python3.13 $(HOME)/.pyenv/versions/3.13*/bin/python3.13 \
	python3.12 $(HOME)/.pyenv/versions/3.12*/bin/python3.12
# The tests that exercise every compiled dependency (spaCy and its models, DuckDB, polars, pyarrow, Great
# Expectations, vl-convert) in a few minutes; `make test` runs them all.
FAST_TESTS ?= tests/test_figures.py tests/test_link.py tests/test_score.py tests/test_store.py \
	tests/test_report.py tests/test_install.py

# Targets that are not files.
.PHONY: run test test-fast lint typecheck eval bench lock clean chromium test-newest

run: $(STAMP)
	$(PY) cli.py run
	$(PY) cli.py score --kind outlet
	$(PY) cli.py score --kind official

# Every test, the end-to-end ones (marked slow: whole runs, real processes, servers, a browser) included.
test: $(STAMP)
	$(PY) -m pytest

# The tests not marked slow, for the edit-test loop: about 90 s of CPU, run as two pytest processes at once
# (one a core): the files of FAST_FIRST in one, every other file in the other. FAST_FIRST holds about half of
# the time (`pytest -m "not slow" --durations=0`, summed by file). The second prints as it goes, the first
# when it is done; the target fails when either does, and an interrupt stops both.
FAST_FIRST ?= tests/test_desk.py tests/test_link.py tests/test_attribution_shapes.py tests/test_unchanged.py \
	tests/test_warmup.py tests/test_safety.py tests/test_incremental_link.py tests/test_score.py tests/test_store.py
test-fast: $(STAMP)
	@first=$$(mktemp); \
	$(PY) -m pytest -m "not slow" -q -p no:cacheprovider $(FAST_FIRST) > "$$first" 2>&1 & pid=$$!; \
	trap 'kill $$pid 2>/dev/null; rm -f "$$first"; exit 130' INT TERM; \
	$(PY) -m pytest -m "not slow" $(addprefix --ignore=,$(FAST_FIRST)); rest=$$?; \
	wait $$pid; done=$$?; echo "--- $(FAST_FIRST)"; cat "$$first"; rm -f "$$first"; \
	test $$rest -eq 0 && test $$done -eq 0

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# What to check is configured in pyproject.toml ([tool.mypy] files).
typecheck: $(STAMP)
	$(VENV)/bin/mypy

# The development set, then the blind held-out set (never used to tune the extractor).
eval: $(STAMP)
	$(PY) cli.py eval tests/labels/claims.jsonl --no-details
	$(PY) cli.py eval tests/labels/heldout.jsonl --no-details
	$(PY) cli.py eval $(REALNEWS) --outcomes $(addprefix --holdout ,$(HOLDOUT)) --copies benchmarks/realnews_copies.csv

# Installs exactly the lock and never resolves: every line of requirements.lock is `name==version` with its
# hashes, and --no-deps keeps pip from asking the index for anything else, so newer releases on the index on
# the day cannot change what installs (pip's resolver would consider them before backtracking to the pin,
# and hash-checking mode refuses them). `pip check` then proves the lock is complete. Works with the pip that
# Python 3.11, 3.12 and 3.13 ship. Reinstalls only when the lock or pyproject.toml changes.
PIP_SYNC := --disable-pip-version-check --no-deps --require-hashes
PROJECT_INSTALL := --disable-pip-version-check --no-deps --no-build-isolation --no-index -e .
$(STAMP): requirements.lock pyproject.toml
	@echo "install: creating $(VENV) with $$($(PYTHON) --version 2>&1)"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "install: the $$(grep -c '^[a-z0-9]' requirements.lock) pinned packages of requirements.lock into $(VENV) (a few minutes the first time; pip's progress follows)"
	$(PY) -m pip install $(PIP_SYNC) -r requirements.lock
	$(PY) -m pip check
	$(PY) -m pip install --quiet $(PROJECT_INSTALL)
	@echo "install: done; the next commands reuse $(VENV)"
	touch $(STAMP)

# Prints a variable of this Makefile (`make -s print-PIP_SYNC`): the tests install with the same flags.
print-%:
	@echo $($*)

# Regenerate the lock after editing pyproject.toml (needs uv: `pip install uv`). One lock for every Python
# that requires-python allows (3.11 to 3.13): uv's universal resolution writes markers where versions differ,
# and pip installs the lines that apply to the Python at hand. Versions already in the lock are kept.
lock:
	uv pip compile pyproject.toml --extra dev --generate-hashes --universal --python-version 3.11 \
		-o requirements.lock

# The same lock and the fast tests on the newest Python here, in its own virtualenv (rebuilt when the lock or
# that Python changes), then one real run on the seeds. CI can run it beside `make test`.
test-newest:
	@set -e; py=""; \
	for candidate in $(NEWEST_CANDIDATES); do \
		if "$$candidate" -c 'import sys; assert sys.version_info >= (3, 11)' 2>/dev/null; then py=$$candidate; break; fi; \
	done; \
	if [ -z "$$py" ]; then echo "test-newest: no Python 3.12 or 3.13 found (tried: $(NEWEST_CANDIDATES))"; exit 1; fi; \
	want="$$("$$py" --version) $$(sha256sum requirements.lock | cut -c1-16)"; \
	if [ "$$(cat $(NEWEST_VENV)/.installed 2>/dev/null)" != "$$want" ]; then \
		echo "test-newest: installing requirements.lock into $(NEWEST_VENV) with $$want"; \
		rm -rf $(NEWEST_VENV); "$$py" -m venv $(NEWEST_VENV); \
		$(NEWEST_VENV)/bin/python -m pip install --quiet $(PIP_SYNC) -r requirements.lock; \
		$(NEWEST_VENV)/bin/python -m pip check; \
		$(NEWEST_VENV)/bin/python -m pip install --quiet $(PROJECT_INSTALL); \
		echo "$$want" > $(NEWEST_VENV)/.installed; \
	fi; \
	echo "test-newest: $$($(NEWEST_VENV)/bin/python --version)"; \
	$(NEWEST_VENV)/bin/python -m pytest -q $(FAST_TESTS); \
	db=$$(mktemp -d)/newest.duckdb; \
	$(NEWEST_VENV)/bin/python cli.py run --db "$$db" seeds; \
	$(NEWEST_VENV)/bin/python cli.py score --db "$$db" --kind outlet

# Headless Chromium for the report's tests and `cli.py report --screenshot` (Debian's package; needs root).
# Does nothing when it is already there, so CI can call it on every run.
chromium:
	@if [ -x /usr/bin/chromium ]; then echo "chromium: /usr/bin/chromium is installed"; \
	else DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	     DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; fi

clean:
	rm -rf $(VENV) $(NEWEST_VENV) data/corroborate.duckdb data/corroborate.duckdb.staging

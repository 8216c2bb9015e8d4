# Two commands do all set-up on a fresh machine: `make test` and `make gallery`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
GALLERY_OUT ?= build/gallery
PYTEST_ARGS ?=
# pytest-xdist workers, each with its own Chromium. On 2 cores, with 438 examples, the browser
# part took 479 s with two and 474 s with four (bench/suite.py): it is bound by the CPU. Since
# focus screenshots are grouped and more visits share pages, 330-530 s with two (564 s with four).
PYTEST_WORKERS ?= 2
# Keep Python's bytecode caches: where the machine sets PYTHONDONTWRITEBYTECODE (this one does),
# every worker and subprocess compiled every module from source again, and pytest rewrote every
# test module's asserts: collection alone took 15 s a worker, 7 s with the caches.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: test test-fast gallery docs docs-check example python-deps node-deps browser postgres lint \
	bench clean

test: python-deps node-deps browser postgres
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# The inner loop: everything but the browser, property tests at 10 examples each (tests/conftest.py).
# `make test` and CI still run it all, at their own profile.
test-fast: python-deps node-deps postgres
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) -m "not browser" --hypothesis-profile=fast \
		$(PYTEST_ARGS)

gallery: python-deps node-deps
	$(BIN)/python -m uswds_components gallery build $(GALLERY_OUT)
	$(BIN)/python -m uswds_components gallery serve $(GALLERY_OUT) --port 8000

# Maintainers: regenerate docs/ (the markdown and any missing screenshots), or check it is current.
# Not a command of the installed package: it reads the accessibility-tree snapshots, test data.
docs: python-deps node-deps browser
	$(BIN)/python -m uswds_components.gallery.docs build docs

docs-check: python-deps
	$(BIN)/python -m uswds_components.gallery.docs check docs

# The seed page, rebuilt: a self-contained folder any static server can serve.
example: python-deps node-deps
	$(BIN)/python -m uswds_components.seed.build build/examples/dhs_archived_news

lint: python-deps
	$(BIN)/ruff check .
	$(BIN)/mypy

python-deps: $(VENV)/.installed
node-deps: node_modules/.installed

# The editable install runs hatch_build.py, which bundles USWDS and axe-core from node_modules.
$(VENV)/.installed: pyproject.toml hatch_build.py node_modules/.installed
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "uswds-components needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,bench]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

browser:
	scripts/ensure-browser

# The feedback store's tests start throwaway PostgreSQL servers of their own.
postgres:
	scripts/ensure-postgres

clean:
	rm -rf $(VENV) node_modules build .pytest_cache .ruff_cache .mypy_cache

# Two commands for a fresh machine:  make demo  |  make test
VENV   ?= .venv
PYTHON ?= python3
PY      = $(VENV)/bin/python

.PHONY: demo test install clean-venv bench

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	$(VENV)/bin/gkaudit demo

test: $(VENV)/.installed
	$(PY) -m pytest -q

clean-venv:
	rm -rf $(VENV)

# performance figures (several minutes; smaller: make bench BENCH_PAGES=2000 BENCH_RECORDS=10000); see bench/README.md
bench: $(VENV)/.installed
	$(PY) bench/run_bench.py

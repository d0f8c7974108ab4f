# Two commands for a new user: `make run` and `make test`. Both build .venv on first use.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# First interpreter >= 3.12 wins: pyenv's 3.12, then the usual names on PATH.
PYTHON_FOR_VENV := $(shell for c in python3.12 python3.13 python3.14 python3 python; do \
	p=$$(command -v $$c 2>/dev/null) || continue; \
	$$p -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null && { echo $$p; break; }; \
	done)

.PHONY: run test bench torture lint format clean venv

$(STAMP): requirements.txt requirements-dev.txt
	@if [ -z "$(PYTHON_FOR_VENV)" ]; then \
		echo "Shortlist needs Python 3.12 or newer (PySide6 6.12 aborts on 3.11): install python3.12 and run make again." >&2; \
		exit 1; fi
	@[ -x $(PY) ] || $(PYTHON_FOR_VENV) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip
	@$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(PY) main.py

test: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest -q

# The long runs: figures for docs/PERFORMANCE.md and docs/RELIABILITY.md (not part of make test;
# short versions of each are). A script another part of the app has not written yet is skipped.
bench: $(STAMP)
	$(PY) bench/parse_speed.py
	$(PY) bench/parse_speed_pdf.py
	$(PY) bench/import_speed.py
	$(PY) bench/library_scale.py --candidates 5000
	@[ ! -f bench/ui_import_stall.py ] || $(PY) bench/ui_import_stall.py
	@[ ! -f bench/filter_speed.py ] || $(PY) bench/filter_speed.py

torture: $(STAMP)
	$(PY) bench/kill_loop.py --cycles 200
	$(PY) bench/kill_import.py --cycles 200
	d=$$(mktemp -d) && { $(PY) bench/hostile_files.py --count 500 --out $$d --run; s=$$?; rm -rf $$d; exit $$s; }
	$(PY) bench/hostile_import.py --count 500
	@[ ! -f bench/ui_hostile_import.py ] || $(PY) bench/ui_hostile_import.py --count 500
	$(PY) bench/disk_full.py

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

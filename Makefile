# Minna Portal — two commands: `make run` and `make test`. Everything else is set up on the way.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
TOOLS := .tools
BUN := $(TOOLS)/node_modules/.bin/bun
BUN_VERSION := 1.4.5
PORT ?= 3000
PROD_PORT ?= 8080
REDIS_PORT ?= 6390
# Empty: one worker per usable CPU, at least 2 (rxapp/serve.py).
PROD_WORKERS ?=
export PATH := $(CURDIR)/$(TOOLS)/node_modules/.bin:$(CURDIR)/$(VENV)/bin:$(PATH)
export REFLEX_USE_SYSTEM_BUN := 1
export REFLEX_TELEMETRY_ENABLED := false
export PYTHONDONTWRITEBYTECODE := 1

# Debian packages: the browser for tests, a font for every script we ship, and Redis (the production tests).
APT_PACKAGES := chromium fonts-noto-cjk fonts-noto-core redis-server
APT_CHECK := /usr/bin/chromium /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc /usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf /usr/bin/redis-server

.PHONY: help setup run run-prod redis redis-package stop-redis dev test lint unit browser accessibility i18n i18n-check bench bench-load bench-cluster cluster-deps reset-demo system-deps clean

help:
	@echo "make run       start the portal with the embedded demo backend on http://localhost:$(PORT)"
	@echo "make test      set up and run every test: lint, catalogs, unit, API, browser, accessibility"
	@echo "make run-prod  production build with Redis state and several workers on http://localhost:$(PROD_PORT)"
	@echo "make dev       development server with hot reload (frontend :3000, backend :8000)"
	@echo "make i18n      extract messages, update catalogs, regenerate pseudo-locales, compile"
	@echo "make bench     page weight, hydration time, memory per session, language switch"
	@echo "make bench-load [LEVELS=50,200] [DURATION=60]  residents over the websocket against a production build"
	@echo "make bench-cluster  two portal processes behind nginx; one is killed, its residents stay signed in"
	@echo "make accessibility [BASE_URL=…]  the WCAG 2.2 AA suite (every page × locale × mode), report in reports/accessibility"
	@echo "make reset-demo  delete and re-seed the demo backend's database"

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,bench]'
	touch $@

$(BUN):
	mkdir -p $(TOOLS)
	test -f $(TOOLS)/package.json || echo '{"name":"minna-tools","private":true}' > $(TOOLS)/package.json
	cd $(TOOLS) && npm install --no-fund --no-audit --silent bun@$(BUN_VERSION)
	$(BUN) --version

# .mo files are build products: compiled from the committed .po catalogs.
catalogs: $(VENV)/.installed
	$(PY) -m rxapp.i18n.catalogs compile

setup: $(VENV)/.installed $(BUN) catalogs

system-deps:
	@missing=0; for f in $(APT_CHECK); do test -e $$f || missing=1; done; \
	if [ $$missing = 1 ]; then \
	  echo "Installing $(APT_PACKAGES) from Debian"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get install -y -q $(APT_PACKAGES) >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q $(APT_PACKAGES) >/dev/null; }; \
	fi

run: setup
	@echo "Minna Portal: http://localhost:$(PORT)  (embedded demo backend; Ctrl-C stops)"
	PORTAL_API_URL=http://127.0.0.1:$(PORT) reflex run --env prod --frontend-port $(PORT) --backend-port $(PORT)

dev: setup
	PORTAL_API_URL=http://127.0.0.1:8000 reflex run --frontend-port 3000 --backend-port 8000

# Production: Redis keeps session state (append-only file in var/redis, so a Redis restart signs nobody out),
# rxapp/serve.py runs Reflex's build under a Granian supervisor that respawns a dead worker.
# Ctrl-C or SIGTERM stops the workers gracefully; Redis keeps running (`make stop-redis` stops it).
run-prod: setup redis
	@echo "Minna Portal (production, Redis state): http://localhost:$(PROD_PORT)  health: /_minna/health"
	REFLEX_REDIS_URL=redis://127.0.0.1:$(REDIS_PORT) PORTAL_API_URL=http://127.0.0.1:$(PROD_PORT) \
	  $(PY) -m rxapp.serve --port $(PROD_PORT) $(if $(PROD_WORKERS),--workers $(PROD_WORKERS))

redis-package:
	@command -v redis-server >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get install -y -q redis-server >/dev/null || { apt-get update -q && apt-get install -y -q redis-server; }; }

redis: redis-package $(VENV)/.installed
	@$(PY) -m rxapp.prod_redis start --port $(REDIS_PORT) --dir var/redis

stop-redis: $(VENV)/.installed
	$(PY) -m rxapp.prod_redis stop --port $(REDIS_PORT)

i18n: $(VENV)/.installed
	$(PY) -m rxapp.i18n.catalogs all

i18n-check: $(VENV)/.installed
	$(PY) -m rxapp.i18n.catalogs check

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

# The accessibility matrix in `make test`: every page the portal lists, every gallery example, in ja, ja-easy,
# en and ar × the default, simple, high-contrast and 200 % modes (narrow it with A11Y_TEST_PAGES=a,b while
# working on a page). `make accessibility` runs the same suite, pseudo-locales included when they are built.
A11Y_TEST_PAGES ?=
A11Y_TEST_LOCALES ?= ja,ja-easy,en,ar

test: setup system-deps lint i18n-check
	MINNA_A11Y_PAGES=$(A11Y_TEST_PAGES) MINNA_A11Y_LOCALES=$(A11Y_TEST_LOCALES) \
	  $(PY) -m pytest -q -p no:cacheprovider tests

# The testers' suite: `make accessibility BASE_URL=https://…` checks that portal, else one started here.
accessibility: setup system-deps
	@if [ -n "$(BASE_URL)" ]; then $(PY) -m accessibility --base-url "$(BASE_URL)"; else $(PY) -m pytest -q -p no:cacheprovider accessibility; fi

bench: setup system-deps
	$(PY) bench/bench_pages.py

# Starts its own Redis and production server on free ports, runs each level (≤ 90 s), stops them.
LEVELS ?= 50,200
DURATION ?= 60
bench-load: setup redis-package
	$(PY) bench/bench_load.py --start --sessions $(LEVELS) --duration $(DURATION)

# Two portal processes behind nginx, one Redis, one backend; one process is killed (bench/bench_cluster.py).
cluster-deps:
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || { export DEBIAN_FRONTEND=noninteractive; apt-get install -y -q nginx >/dev/null || { apt-get update -q && apt-get install -y -q nginx; }; }

bench-cluster: setup redis-package cluster-deps
	$(PY) bench/bench_cluster.py

reset-demo: $(VENV)/.installed
	$(PY) -m rxapp.backend reset

clean:
	rm -rf .web .states var bench/results reports

# The default target runs the tests and the linter.
PY ?= .venv/bin/python
MEMO ?= ../shared/seeds/000_4fa505ce088054a3.txt

check: test lint

test:
	$(PY) -m pytest -q

lint:
	$(PY) -m ruff check .

# Regenerate the plan the package ships from the seed memo.
plan:
	$(PY) -c "import sys; from kraftgraf.graph.store.build import plan_turtle; \
	open('data/kraftsamling-2019.ttl', 'w', encoding='utf-8').write(plan_turtle(sys.argv[1]))" $(MEMO)

bench:
	$(PY) benchmarks/bench_build.py

.PHONY: check test lint plan bench

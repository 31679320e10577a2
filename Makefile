# The two commands of the README. Each installs what it needs first (scripts/bootstrap).
.PHONY: handouts test bench

handouts:
	@scripts/bootstrap build
	.venv/bin/handout build source --out dist

test:
	@scripts/bootstrap test
	.venv/bin/python -m pytest -q

bench:
	@scripts/bootstrap bench
	.venv/bin/python bench/run.py

# The two commands of README.md, plus the measurements and exports.
PY := $(CURDIR)/.venv/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test setup chromium bench offline qti moodle instructor
.venv/ready: requirements.txt requirements-dev.txt
	python3 -m venv .venv
	.venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch .venv/ready

setup: .venv/ready

serve: .venv/ready        ## preview the guide at http://127.0.0.1:8000/<site_url's path>/ (printed first)
	@$(PY) -c "import sys; sys.path.insert(0, 'tools'); from guide_project import local_address; print('The guide will be at', local_address())"
	$(PY) -m mkdocs serve

chromium:                 ## Debian's Chromium for the browser tests (installed if missing; needs root)
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

test: .venv/ready chromium  ## the whole test suite
	$(PY) -m pytest -q tests

bench: .venv/ready        ## print build-time, hook-cost and page-weight figures (takes ~5 min)
	$(PY) bench/build_time.py
	$(PY) bench/hook_cost.py
	$(PY) bench/page_weight.py
	$(PY) bench/lighthouse.py

qti: .venv/ready          ## export the question bank as QTI 1.2 and 2.1 packages into exports/ (whole, and by chapter in exports/qti-by-chapter/)
	$(PY) tools/export_qti.py exports

moodle: .venv/ready       ## export the question bank as Moodle XML into exports/moodle/ (ALL.xml and one file per chapter)
	$(PY) tools/export_moodle.py exports

offline: .venv/ready      ## build the offline edition: exports/helping-relationship-offline.zip (open index.html)
	rm -rf exports/offline && mkdir -p exports
	GUIDE_OFFLINE=true $(PY) -m mkdocs build --strict -d exports/offline
	cd exports/offline && rm -f ../helping-relationship-offline.zip && $(PY) -m zipfile -c ../helping-relationship-offline.zip .

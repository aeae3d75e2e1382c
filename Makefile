# The two commands of README.md, plus the measurements and exports.
PY := $(CURDIR)/.venv/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test setup chromium pango htmlcheck spelling spell typography bench offline qti moodle anki instructor handout pdf
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

pango:                    ## Debian's Pango and HarfBuzz, which WeasyPrint (make pdf) needs (installed if missing; needs root)
	@ldconfig -p | grep -q libpangoft2-1.0 && ldconfig -p | grep -q libharfbuzz-subset || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core; }

VNU_VERSION := 26.9.27
htmlcheck:                ## the W3C Nu HTML Checker for the tests: Java (Debian's, if missing and root) and npm's vnu-jar, pinned
	@command -v java >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; }
	@test -f .venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar || npm install --silent --no-audit --no-fund --prefix .venv/vnu vnu-jar@$(VNU_VERSION)

spelling:                 ## Debian's Hunspell with its French and English dictionaries, for the French edition's spelling check (installed if missing; needs root)
	@command -v hunspell >/dev/null 2>&1 && [ -f /usr/share/hunspell/fr_CA.dic ] && [ -f /usr/share/hunspell/en_US.dic ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hunspell hunspell-fr hunspell-en-us; }

spell: .venv/ready spelling  ## the French edition's unknown words (fix them, or add a term or name to data/fr/words.txt)
	$(PY) tools/spellcheck.py fr

# Its own target, not part of `make spell`: it needs no Hunspell (nor root), and it mends too.
typography: .venv/ready   ## the French edition's typography, Québec style (OQLF); `$(PY) tools/typography.py fr --fix` mends the spaces
	$(PY) tools/typography.py fr

test: .venv/ready chromium pango htmlcheck spelling  ## the whole test suite
	$(PY) -m pytest -q tests

bench: .venv/ready        ## print build-time, hook-cost and page-weight figures (takes ~5 min)
	$(PY) bench/build_time.py
	$(PY) bench/hook_cost.py
	$(PY) bench/page_weight.py
	$(PY) bench/lighthouse.py

# The exports stop while site_url is the shipped placeholder; a trial export:
# make moodle EXPORT_FLAGS=--allow-placeholder-url
EXPORT_FLAGS ?=
qti: .venv/ready          ## export the question bank as QTI 1.2 and 2.1 packages into exports/ (whole, and by chapter in exports/qti-by-chapter/)
	$(PY) tools/export_qti.py exports $(EXPORT_FLAGS)

moodle: .venv/ready       ## export the question bank as Moodle XML into exports/moodle/ (ALL.xml and one file per chapter)
	$(PY) tools/export_moodle.py exports $(EXPORT_FLAGS)

anki: .venv/ready         ## the glossary and questions as flashcards, per language edition: an Anki deck and a Quizlet file in exports/flashcards/ (French: exports/flashcards-fr/; the build also puts them in each edition's downloads/)
	$(PY) tools/export_anki.py exports

offline: .venv/ready      ## build the offline edition: exports/helping-relationship-offline.zip (open index.html)
	rm -rf exports/offline && mkdir -p exports
	GUIDE_OFFLINE=true $(PY) -m mkdocs build --strict -d exports/offline
	cd exports/offline && rm -f ../helping-relationship-offline.zip && $(PY) -m zipfile -c ../helping-relationship-offline.zip .

instructor: .venv/ready   ## build the instructor edition (model answers, teaching notes) into exports/instructor-edition/: never publish it
	rm -rf exports/instructor-edition && mkdir -p exports
	GUIDE_EDITION=instructor $(PY) -m mkdocs build --strict -d exports/instructor-edition
	@echo "Open exports/instructor-edition/index.html (print/ is the whole edition on one page)"

handout: .venv/ready      ## the printable edition without its answer key: exports/handout/print/index.html
	rm -rf exports/handout && mkdir -p exports
	GUIDE_ANSWER_KEY=false $(PY) -m mkdocs build --strict -d exports/handout
	@echo "Open exports/handout/print/index.html and print it (or save as PDF)"

pdf: .venv/ready pango    ## the book as a PDF per language edition, with page numbers, a contents list with pages and paged cross-references: exports/helping-relationship.pdf (French: helping-relationship-fr.pdf)
	rm -rf exports/book-site && mkdir -p exports
	$(PY) -m mkdocs build --strict -d exports/book-site
	$(PY) tools/export_pdf.py exports/book-site exports/helping-relationship.pdf   # and -<lang>.pdf for each other edition

# Two commands on a fresh Debian machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test faults bench lint clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# The wizard on the demo accounts where there is a display; otherwise the same check-up
# headless, writing the JSON report (and the PDF) into out/.
demo: $(STAMP)
	sh scripts/system-deps.sh demo
	@mkdir -p out
	@if [ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ] && $(PY) -c "import gui.app" 2>/dev/null; then \
		$(PY) main.py --demo; \
	else \
		$(PY) main.py audit --demo --json out/demo-report.json --pdf out/demo-summary.pdf; status=$$?; \
		[ $$status -le 3 ] || exit $$status; \
	fi

# The whole suite, inside a private D-Bus session with an unlocked throwaway keyring.
test: $(STAMP)
	sh scripts/system-deps.sh test
	BOUNDARY_REQUIRE_KEYRING=1 dbus-run-session -- sh scripts/with-keyring.sh $(PY) -m pytest -q -m "not slow"

faults: $(STAMP)
	sh scripts/system-deps.sh test
	$(PY) -m pytest -q --full-faults tests/test_mutations.py tests/test_facebook_faults.py tests/test_platform_cases.py tests/test_linkedin_e2e.py tests/test_tiktok_e2e.py tests/test_facebook_e2e.py tests/test_recheck.py tests/test_mutations_platforms.py tests/test_reading_suite.py \
		tests/test_linkedin_real_pages.py tests/test_tiktok_real_pages.py tests/test_instagram_real_pages.py \
		tests/test_replica_layouts_meta.py tests/test_replica_layouts_li_tt.py tests/test_adversarial_kills.py

bench: $(STAMP)
	sh scripts/system-deps.sh demo
	$(PY) bench/run.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/wizard_stall.py
	$(PY) bench/pdf.py
	$(PY) bench/scale.py

lint: $(STAMP)
	$(PY) -m ruff check .

clean:
	rm -rf $(VENV) out test-artifacts .pytest_cache

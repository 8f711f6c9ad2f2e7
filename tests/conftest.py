"""Suite-wide test configuration.

``make test`` runs everything. ``make test-fast`` deselects the ``slow`` tests marked
here: the notebooks (a Jupyter kernel each), the real-browser tests (chromium), the
Streamlit AppTest sweep, the two-worker Dask cluster, the year of SGP4 and the cold-start
subprocess measurements. They are marked by location so that a new test in one of these
files is slow by default.
"""

from __future__ import annotations

import pytest

# whole files whose every test starts a kernel, a browser, a server or a subprocess sweep
_SLOW_FILES = {
    "test_notebooks.py",
    "test_app_browser.py",
    "test_app.py",
    "test_orbit_sgp4.py",
    "test_cold_start.py",
}
# single tests that start a Dask cluster or run a long study
_SLOW_TESTS = {
    "test_dask_local_cluster_identical",
    "test_itur_first_load_eight_threads",
}


def pytest_collection_modifyitems(config, items):
    slow = pytest.mark.slow
    for item in items:
        if item.path.name in _SLOW_FILES or item.originalname in _SLOW_TESTS:
            item.add_marker(slow)

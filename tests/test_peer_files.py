"""The 80 real files of ../shared/peer_files, end to end through the command line (slow).

About 25 minutes, so it runs only when asked: ``REDACTOR_PEER_FILES=1 .venv/bin/python -m
pytest -m slow tests/test_peer_files.py``. It skips when ../shared is not there. The files
stay in ../shared: nothing is copied into the project. What counts as a failure is
``benchmarks/bench_peer_files.py``'s (issue 14's definition of done).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

_BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_peer_files.py"
_spec = importlib.util.spec_from_file_location("bench_peer_files", _BENCH)
assert _spec and _spec.loader
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not bench.TOOL.exists(), reason="../shared/peer_files is not here"),
    pytest.mark.skipif(os.environ.get("REDACTOR_PEER_FILES") != "1",
                       reason="about 25 minutes: set REDACTOR_PEER_FILES=1 to run"),
]


def test_every_peer_file_is_refused_clearly_or_redacted_without_a_leak(tmp_path):
    results, _ = bench.run(tmp_path)
    assert len(results["files"]) == 80
    assert bench.failures(results) == []

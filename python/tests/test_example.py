"""examples/python/partners.py runs on the sample articles and draws its PNG."""

import os
import subprocess
import sys

import pytest

from conftest import SOURCE_DIR

pytest.importorskip("matplotlib")
pytest.importorskip("networkx")
pytest.importorskip("pandas")


def test_the_example_draws_its_png(tmp_path):
    out = tmp_path / "partners.png"
    run = subprocess.run([sys.executable, str(SOURCE_DIR / "examples" / "python" / "partners.py"),
                          "--out", str(out)], capture_output=True, text=True, cwd=tmp_path,
                         env={**os.environ, "MPLCONFIGDIR": str(tmp_path / "mpl")})
    assert run.returncode == 0, run.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 20_000
    assert "most central actors (PageRank)" in run.stdout and "Rwanda" in run.stdout
    assert "Kenya (Nation" in run.stdout  # the explained path

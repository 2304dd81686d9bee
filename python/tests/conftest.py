"""Shared fixtures of the pactgraph pytest suite.

ctest runs each file with PYTHONPATH at the build tree's package, PACTGRAPH_SOURCE_DIR at the
source tree and PACTGRAPH_BIN at the `pactgraph` tool (for the differential tests that compare
the binding with the CLI). Run by hand:
    PYTHONPATH=build/python python3 -m pytest python/tests
"""

import os
import pathlib

import pytest

import pactgraph

SOURCE_DIR = pathlib.Path(os.environ.get("PACTGRAPH_SOURCE_DIR",
                                         pathlib.Path(__file__).resolve().parents[2]))
ARTICLES = SOURCE_DIR / "data" / "articles"


@pytest.fixture
def db(tmp_path):
    """An empty database, closed after the test."""
    with pactgraph.open(tmp_path / "test.db") as d:
        yield d


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    """A database holding the sample articles (data/articles), shared by a module's tests;
    they must not write to it."""
    path = tmp_path_factory.mktemp("news") / "news.db"
    with pactgraph.open(path) as d:
        d.ingest(ARTICLES, progress=False)
        yield d


def cli():
    """The pactgraph binary, or skip."""
    binary = os.environ.get("PACTGRAPH_BIN")
    if not binary or not os.path.exists(binary):
        pytest.skip("PACTGRAPH_BIN is not set (run through ctest)")
    return binary

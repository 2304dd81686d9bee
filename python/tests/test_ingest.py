"""News into the graph from Python: the sample articles give the same graph as
`pactgraph ingest`, texts and dicts are articles too, bad input raises and stores nothing,
and extract() reads without storing."""

import subprocess

import pytest

import pactgraph

from conftest import ARTICLES, cli

GRAPH = ("MATCH (a)-[r]->(b) RETURN a.name AS a, type(r) AS type, b.name AS b, "
         "r.evidence_count AS n, r.first_date AS first ORDER BY a, type, b")
NODES = "MATCH (n) RETURN n.name AS name, labels(n) AS labels ORDER BY name"


def test_the_sample_articles_give_the_cli_graph(tmp_path):
    binary = cli()
    subprocess.run([binary, "--db", str(tmp_path / "cli.db"), "-q", "ingest", str(ARTICLES)],
                   check=True)
    calls = []
    with pactgraph.open(tmp_path / "py.db") as db:
        summary = db.ingest(str(ARTICLES), progress=lambda done, total: calls.append(
            (done, total)))
        files = sorted(p.name for p in ARTICLES.iterdir())
        assert summary.articles_read == summary.articles_added == len(files)
        assert sorted(a[0] for a in summary.articles) == files and not summary.problems
        assert calls[-1] == (len(files), len(files)) and len(calls) == len(files)
        ours = (db.query(GRAPH).to_list(), db.query(NODES).to_list())
        stats = db.stats()
    with pactgraph.open(tmp_path / "cli.db", read_only=True) as theirs:
        assert (theirs.query(GRAPH).to_list(), theirs.query(NODES).to_list()) == ours
        assert theirs.stats()["evidence"] == stats["evidence"] == summary.evidence_added
    assert len(ours[0]) == summary.relationships_added > 10


def test_ingesting_again_changes_nothing(db):
    first = db.ingest(ARTICLES, progress=False)
    before = db.stats()
    again = db.ingest(ARTICLES, progress=False)
    assert again.articles_added == 0 and again.articles_skipped == first.articles_added
    assert db.stats() == before


def test_texts_and_dicts_are_articles(db):
    summary = db.ingest([
        "title: Solar ties\ndate: 2025-03-04\n\nGhana and Chile signed a memorandum of "
        "understanding on solar energy research.",
        {"text": "Chile and Japan signed an agreement on port logistics.",
         "title": "Port talks", "date": "2025-04-01", "source": "example.org"},
    ], progress=False)
    assert summary.articles_added == 2 and summary.relationships_added == 2
    rows = db.query("MATCH (a)-[r]->(b) RETURN a.name AS a, type(r) AS t, b.name AS b, "
                    "r.first_date AS d ORDER BY t").to_list()
    # MoUs and agreements are symmetric: the stored direction is the extractor's choice.
    assert [({r["a"], r["b"]}, r["t"]) for r in rows] == [
        ({"Chile", "Japan"}, "AGREEMENT"), ({"Ghana", "Chile"}, "MOU")]
    assert str(rows[0]["d"]) == "2025-04-01" and str(rows[1]["d"]) == "2025-03-04"
    titles = db.query("MATCH (a:Nation {name: 'Japan'}) RETURN a.name AS n")
    assert titles.scalar() == "Japan"


def test_bad_input_raises_and_stores_nothing(db, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Ghana and Chile signed a memorandum of understanding.\n")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Kenya and \xff\xfe Rwanda signed an agreement.\n")
    with pytest.raises(pactgraph.InputError, match=r"bad\.txt.*UTF-8") as e:
        db.ingest([good, bad], progress=False)
    assert "nothing was stored" in str(e.value)
    assert db.stats()["articles"] == 0
    summary = db.ingest([good, bad], progress=False, errors="warn")
    assert summary.articles_added == 1 and len(summary.problems) == 1
    assert "bad.txt" in summary.problems[0][0]


@pytest.mark.parametrize("arg, words", [
    ("no/such/dir", "no such file"),
    ([b"bytes"], "decode the text"),
    ([{"title": "no text"}], "needs 'text'"),
    ([42], "expected a path"),
])
def test_ingest_argument_errors(db, arg, words):
    with pytest.raises(pactgraph.InputError, match=words):
        db.ingest(arg, progress=False)
    with pytest.raises(pactgraph.InputError, match="errors"):
        db.ingest([], errors="ignore")


def test_a_fifo_is_refused_before_reading(db, tmp_path):
    import os
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(pactgraph.InputError, match="FIFO"):
        db.ingest(fifo, progress=False)


def test_an_exception_in_the_progress_callback_stops_ingestion(db):
    def boom(done, total):
        raise RuntimeError("stop here")
    with pytest.raises(RuntimeError, match="stop here"):
        db.ingest(ARTICLES, progress=boom)
    assert db.stats()["articles"] == 1  # the first article was committed before the callback


def test_extract_stores_nothing(db):
    x = db.extract("Kenya and Rwanda signed a memorandum of understanding on digital skills "
                   "on 3 March 2025.")
    assert {e["name"] for e in x.entities} >= {"Kenya", "Rwanda"}
    assert [(r["source"], r["type"], r["target"]) for r in x.relations] == [
        ("Kenya", "mou", "Rwanda")]
    assert x.relations[0]["date"] == "2025-03-03" and x.relations[0]["modality"] == "actual"
    assert x.evidence and x.to_df()["type"].tolist() == ["mou"]
    assert db.stats()["nodes"] == 0
    assert pactgraph.extract("No partnerships here.").relations == []
    with pytest.raises(pactgraph.InputError):
        pactgraph.extract(b"bytes")

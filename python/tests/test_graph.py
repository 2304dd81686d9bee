"""The graph's shape from Python, on the sample articles: paths with their evidence, the
evidence between two actors, algorithms into DataFrames, and to_networkx() equal to the
graph the queries see."""

import datetime

import pytest

import pactgraph

nx = pytest.importorskip("networkx")


def test_to_networkx_equals_the_graph(news):
    g = news.to_networkx()
    stats = news.stats()
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_nodes() == stats["nodes"] > 0
    assert g.number_of_edges() == stats["relationships"] > 0
    for row in news.query("MATCH (n) RETURN n"):
        n = row["n"]
        attrs = dict(g.nodes[n.id])
        assert attrs.pop("labels") == n.labels and attrs == n.properties
    for row in news.query("MATCH ()-[r]->() RETURN r"):
        r = row["r"]
        attrs = dict(g.edges[r.start, r.end, r.id])
        assert attrs.pop("type") == r.type and attrs == r.properties
    # Dates stay datetime.date, as in query results (a month alone stays "YYYY-MM" text).
    dated = [d for _, _, d in g.edges(data="first_date") if d is not None]
    assert any(isinstance(d, datetime.date) for d in dated)
    assert all(isinstance(d, datetime.date) or len(d) == 7 for d in dated)


def test_to_networkx_with_a_label_and_types(news):
    g = news.to_networkx(label="Nation", types=["COOPERATION", "MOU"])
    nations = news.query("MATCH (n:Nation) RETURN count(n) AS c").scalar()
    rels = news.query("MATCH (a:Nation)-[r]->(b:Nation) WHERE type(r) IN ['COOPERATION', 'MOU'] "
                      "RETURN count(r) AS c").scalar()
    assert g.number_of_nodes() == nations and g.number_of_edges() == rels > 0
    assert all("Nation" in labels for _, labels in g.nodes(data="labels"))
    with pytest.raises(pactgraph.InputError, match="unknown label 'Natoin'"):
        news.to_networkx(label="Natoin")
    with pytest.raises(pactgraph.InputError, match="unknown relationship type"):
        news.to_networkx(types="FRIENDS")


def test_a_path_with_its_evidence(news):
    paths = news.path("Kenya", "Japan", explain=True)
    assert len(paths) == 1
    p = paths[0]
    assert p.nodes[0].name == "Kenya" and p.nodes[-1].name == "Japan"
    assert p.cost == len(p) == len(p.relationships) >= 1
    assert len(p.evidence) == len(p)
    for rel, hop in zip(p.relationships, p.evidence):
        assert hop, f"no evidence for {rel}"
        for ev in hop:
            assert ev.relationship == rel.id and ev.sentence and ev.article["title"]
            assert ev.modality in ("actual", "committed", "planned")
    text = str(p)
    assert "Kenya" in text and "Japan" in text and p.evidence[0][0].sentence in text
    # Without explain, no evidence is read.
    assert news.path("Kenya", "Japan")[0].evidence is None


def test_path_options(news):
    k3 = news.path("Kenya", "Japan", k=3)
    assert 1 <= len(k3) <= 3 and [p.cost for p in k3] == sorted(p.cost for p in k3)
    by_id = news.path(k3[0].nodes[0].id, k3[0].nodes[-1])  # ids and Nodes name nodes too
    assert by_id[0].path.nodes[0].name == "Kenya"
    assert news.path("Kenya", "Japan", max_hops=1) == []
    assert news.path("Kenya", "Japan", types=["FUND"]) == []
    weighted = news.path("Kenya", "Japan", weighted="evidence")
    assert weighted and weighted[0].cost < len(weighted[0]) + 1e-9
    assert news.path("Kenya", "Japan", until="1990") == []
    assert news.path("Kenya", "Japan", since=datetime.date(2000, 1, 1))


def test_path_errors(news):
    with pytest.raises(pactgraph.NotFoundError, match="Atlantis"):
        news.path("Atlantis", "Japan")
    with pytest.raises(pactgraph.InputError, match="unknown relationship type"):
        news.path("Kenya", "Japan", types="FRIENDS")
    with pytest.raises(pactgraph.InputError, match="k"):
        news.path("Kenya", "Japan", k=0)
    with pytest.raises(pactgraph.InputError, match="since"):
        news.path("Kenya", "Japan", since="last year")
    with pytest.raises(pactgraph.InputError, match="expected a node id"):
        news.path(1.5, "Japan")
    # Ints a C++ field cannot hold are InputErrors, not pybind11 cast failures.
    for bad in (-1, 0, 2**70):
        with pytest.raises(pactgraph.InputError, match="positive 64-bit"):
            news.path(bad, "Japan")
        with pytest.raises(pactgraph.InputError, match="positive 64-bit"):
            news.evidence("Kenya", bad)
    with pytest.raises(pactgraph.NotFoundError, match="no node with id 1000000"):
        news.path(10**6, "Japan")
    with pytest.raises(pactgraph.InputError, match="max_hops"):
        news.path("Kenya", "Japan", max_hops=2**32)


def test_evidence_between_two_actors(news):
    listing = news.evidence("Kenya", "Rwanda")
    assert listing.a.name == "Kenya" and listing.b.name == "Rwanda" and len(listing) >= 1
    expected = news.query(
        "MATCH (a {name: 'Kenya'})-[r]-(b {name: 'Rwanda'}) RETURN r.evidence_count AS n")
    assert sorted(len(ev) for _, ev in listing) == sorted(row["n"] for row in expected)
    for rel, evidence in listing:
        assert {rel.start, rel.end} == {listing.a.id, listing.b.id}
        assert all(e.relationship == rel.id and e.sentence for e in evidence)
    df = listing.to_df()
    assert len(df) == sum(len(ev) for _, ev in listing)
    assert set(df["source"]) <= {"Kenya", "Rwanda"} and df["sentence"].str.len().min() > 0
    assert "Kenya" in str(listing)
    assert len(news.evidence("Kenya", "Kenya")) == 0


def test_algorithms_into_dataframes(news):
    df = news.algo("pagerank")
    assert list(df.columns) == ["id", "name", "labels", "pagerank"]
    assert len(df) == news.stats()["nodes"]
    assert df["pagerank"].is_monotonic_decreasing
    assert abs(df["pagerank"].sum() - 1.0) < 1e-6
    assert df.attrs["algorithm"] == "pagerank" and df.attrs["iterations"] >= 1
    # The same numbers as CALL algo.pagerank.
    rows = news.query("CALL algo.pageRank() YIELD node, value RETURN id(node) AS id, "
                      "value AS score")
    by_id = {r["id"]: r["score"] for r in rows}
    assert all(abs(by_id[i] - v) < 1e-12 for i, v in zip(df["id"], df["pagerank"]))
    wcc = news.algo("wcc", as_dict=True)
    assert isinstance(wcc, dict) and len(wcc) == len(df)
    # Component ids are node ids: integers, as CALL algo.wcc yields them.
    assert all(type(v) is int and v in wcc for v in wcc.values())
    degree = news.algo("degree", types=["MOU"], direction="out")
    assert set(degree.columns) >= {"id", "degree"} and degree["degree"].max() >= 1
    assert sorted(pactgraph.algorithm_names()) == sorted(
        ["degree", "wcc", "scc", "pagerank", "betweenness", "community", "kcore"])


def test_algorithm_errors(news):
    with pytest.raises(pactgraph.NotFoundError, match="pagerank"):
        news.algo("pagerenk")
    with pytest.raises(pactgraph.InputError, match="unknown option"):
        news.algo("pagerank", dampening=0.9)
    with pytest.raises(pactgraph.InputError, match="damping expects float"):
        news.algo("pagerank", damping="high")
    with pytest.raises(pactgraph.InputError, match="iterations"):
        news.algo("pagerank", iterations=-1)
    with pytest.raises(pactgraph.InputError, match="samples"):
        news.algo("betweenness", samples=2**40)

"""Files in and out, statistics and the integrity check."""

import json

import pytest

import pactgraph


def write_csv(tmp_path):
    nodes = tmp_path / "nodes.csv"
    nodes.write_text("id,name,kind,founded\n1,Kenya,nation,1963\n2,Acme Labs,organization,"
                     "2001\n3,Japan,nation,\n")
    edges = tmp_path / "edges.csv"
    edges.write_text("src,dst,type,date,weight\n1,2,mou,2024-05-01,2.5\n2,3,fund,,1\n")
    return nodes, edges


def test_import_csv_and_export_round_trip(db, tmp_path):
    nodes, edges = write_csv(tmp_path)
    summary = db.import_csv(nodes, edges)
    assert summary["nodes"] == 3 and summary["relationships"] == 2
    row = db.query("MATCH (k:Nation {name: 'Kenya'})-[r:MOU]->(o:Organization) "
                   "RETURN k.founded AS f, r.date AS d, r.weight AS w, o.name AS o").to_list()
    assert [{**r, "d": str(r["d"])} for r in row] == [
        {"f": 1963, "d": "2024-05-01", "w": 2.5, "o": "Acme Labs"}]
    exported = json.loads(db.export("json"))
    assert len(exported["nodes"]) == 3 and len(exported["edges"]) == 2
    db.export("json", tmp_path / "g.json")
    with pactgraph.open(tmp_path / "copy.db") as copy:
        copy.import_json(tmp_path / "g.json")
        assert copy.export("json") == db.export("json")
    db.export("csv", tmp_path / "csv")
    assert (tmp_path / "csv" / "nodes.csv").exists() and (tmp_path / "csv" / "edges.csv").exists()
    assert "<graphml" in db.export("graphml") and db.export("dot").startswith(("digraph", "graph"))


def test_import_errors_name_the_place_and_import_nothing(db, tmp_path):
    nodes, _ = write_csv(tmp_path)
    bad = tmp_path / "bad_edges.csv"
    bad.write_text("src,dst,type\n1,2,mou\n1,99,fund\n")
    with pytest.raises(pactgraph.InputError, match=r"bad_edges\.csv:3:"):
        db.import_csv(nodes, bad)
    assert db.stats()["nodes"] == 0
    with pytest.raises(pactgraph.InputError, match="csv"):
        db.export("csv")  # needs a directory
    with pytest.raises(pactgraph.InputError, match="json"):
        db.export("yaml")


def test_stats_and_check(db, tmp_path):
    nodes, edges = write_csv(tmp_path)
    db.import_csv(nodes, edges)
    s = db.stats()
    assert (s["nodes"], s["relationships"]) == (3, 2)
    assert s["labels"] == {"Nation": 2, "Organization": 1} and s["types"] == {"FUND": 1, "MOU": 1}
    report = db.check()
    assert report["sound"] and report["problem_count"] == 0 and report["problems"] == []
    assert report["counts"]["nodes"] == 3 and report["counts"]["relationships"] == 2


def test_import_twice_changes_nothing_and_append_adds(db, tmp_path):
    nodes, edges = write_csv(tmp_path)
    first = db.import_csv(nodes, edges)
    again = db.import_csv(nodes, edges)
    assert again["nodes"] == 0 and again["relationships"] == 0
    assert again["nodes_matched"] == first["nodes"]
    assert again["relationships_matched"] == first["relationships"]
    assert db.stats()["nodes"] == first["nodes"]
    added = db.import_csv(nodes, mode="append")
    assert added["nodes"] == first["nodes"] and added["nodes_matched"] == 0
    assert db.stats()["nodes"] == 2 * first["nodes"]
    with pytest.raises(ValueError):
        db.import_csv(nodes, mode="upsert")
    with pytest.raises(ValueError):
        db.import_json(tmp_path / "none.json", match_on="label")

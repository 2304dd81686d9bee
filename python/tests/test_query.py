"""Queries: the Result API, statistics, errors with position and caret, limits, atomicity,
and the life cycle of a Database."""

import pytest

import pactgraph


def test_result_rows_columns_and_stats(db):
    r = db.query("UNWIND [3, 1, 2] AS x CREATE (n:N {x: x}) RETURN n.x AS x, x * 2 AS y "
                 "ORDER BY x")
    assert r.columns == ["x", "y"] and len(r) == 3 and bool(r)
    assert list(r) == [{"x": 1, "y": 2}, {"x": 2, "y": 4}, {"x": 3, "y": 6}]
    assert r.to_list() == list(r) and r[0] == {"x": 1, "y": 2} and r[-1]["x"] == 3
    assert r[1:] == r.to_list()[1:]
    assert r.to_tuples() == [(1, 2), (2, 4), (3, 6)]
    assert r.column("y") == [2, 4, 6] and r.column(0) == [1, 2, 3]
    assert r.stats.nodes_created == 3 and r.stats.properties_set == 3 and r.stats.wrote
    assert r.stats.any and str(r.stats) == "3 nodes created, 3 properties set, 3 labels added"
    with pytest.raises(IndexError):
        r[3]
    with pytest.raises(KeyError, match="no column 'z'"):
        r.column("z")
    read = db.query("MATCH (n:N) RETURN count(n) AS c")
    assert read.scalar() == 3 and not read.stats.wrote and not read.stats.any
    with pytest.raises(pactgraph.InputError, match="scalar"):
        db.query("MATCH (n:N) RETURN n.x").scalar()


def test_parse_error_carries_position_and_caret(db):
    with pytest.raises(pactgraph.QueryError) as e:
        db.query("MATCH (n:N)\nWHERE n.x = 1 RETRUN n")
    err = e.value
    assert err.code == "ParseError" and (err.line, err.column) == (2, 15)
    assert err.caret == "  WHERE n.x = 1 RETRUN n\n                ^"
    assert err.query == "MATCH (n:N)\nWHERE n.x = 1 RETRUN n"
    assert isinstance(err, pactgraph.Error) and "line 2, column 15" in str(err)


@pytest.mark.parametrize("query, code", [
    ("RETURN nosuch(1)", "InvalidArgument"),
    ("RETURN $missing", "InvalidArgument"),
    ("MATCH (n) RETURN m", "InvalidArgument"),
    ("CALL no.such.procedure()", "NotFound"),
])
def test_binding_errors_are_query_errors(db, query, code):
    with pytest.raises(pactgraph.QueryError) as e:
        db.query(query)
    assert e.value.code == code and e.value.line == 1 and e.value.caret


def test_query_text_must_be_unicode(db):
    with pytest.raises(pactgraph.InputError, match="lone surrogate"):
        db.query("RETURN '\ud800' AS s")
    with pytest.raises(pactgraph.InputError, match="cypher"):
        db.query(b"RETURN 1")


def test_a_failed_write_leaves_the_database_unchanged(db):
    db.query("CREATE (:N {x: 1})")
    with pytest.raises(pactgraph.Error):
        db.query("CREATE (:N {x: 2}) WITH 1 AS one UNWIND [1, 0] AS d RETURN 1 / d")
    assert db.query("MATCH (n:N) RETURN collect(n.x) AS xs").scalar() == [1]


def test_limits_raise_limit_exceeded(db):
    with pytest.raises(pactgraph.LimitExceededError, match="rows"):
        db.query("UNWIND range(1, 1000) AS x UNWIND range(1, 1000) AS y RETURN count(*)",
                 max_rows=10_000)
    with pytest.raises(pactgraph.LimitExceededError, match="timed out"):
        db.query("UNWIND range(1, 20000) AS a UNWIND range(1, 20000) AS b "
                 "WITH a WHERE a < 0 RETURN count(*)", max_rows=10**12, timeout=0.05)
    with pytest.raises(pactgraph.InputError, match="max_rows"):
        db.query("RETURN 1", max_rows=0)
    with pytest.raises(pactgraph.InputError, match="max_rows"):
        db.query("RETURN 1", max_rows=2**70)
    with pytest.raises(pactgraph.InputError, match="timeout"):
        db.query("RETURN 1", timeout=-1)


def test_not_supported_is_its_own_class(db):
    with pytest.raises(pactgraph.NotSupportedError) as e:
        db.query("CALL { RETURN 1 AS x } RETURN x")
    assert e.value.code == "NotSupported" and e.value.column == 6 and e.value.caret


def test_context_manager_and_close(tmp_path):
    with pactgraph.open(tmp_path / "c.db") as d:
        d.query("CREATE (:N)")
        assert not d.closed and "open" in repr(d)
    assert d.closed
    d.close()  # idempotent
    with pytest.raises(pactgraph.InputError, match="is closed"):
        d.query("RETURN 1")
    with pactgraph.open(tmp_path / "c.db") as again:  # the lock was released
        assert again.query("MATCH (n:N) RETURN count(*) AS c").scalar() == 1


def test_open_errors(tmp_path):
    with pytest.raises(pactgraph.NotFoundError):
        pactgraph.open(tmp_path / "missing.db", create=False)
    not_a_db = tmp_path / "plain"
    not_a_db.mkdir()
    (not_a_db / "notes.txt").write_text("hello")
    with pytest.raises(pactgraph.Error) as e:
        pactgraph.open(not_a_db)
    assert "plain" in str(e.value)
    with pytest.raises(pactgraph.InputError, match="path"):
        pactgraph.open(42)
    with pytest.raises(pactgraph.InputError, match="cache_mb"):
        pactgraph.open(tmp_path / "x.db", cache_mb=-1)


def test_a_second_writer_is_busy(tmp_path):
    with pactgraph.open(tmp_path / "b.db"):
        with pytest.raises(pactgraph.BusyError, match="in use") as e:
            pactgraph.open(tmp_path / "b.db")
        assert isinstance(e.value, pactgraph.StorageError) and e.value.code == "Busy"


def test_threads_share_a_database(db):
    import concurrent.futures as cf
    db.query("UNWIND range(1, 100) AS x CREATE (:N {x: x})")
    with cf.ThreadPoolExecutor(4) as pool:
        sums = list(pool.map(lambda _: db.query("MATCH (n:N) RETURN sum(n.x) AS s").scalar(),
                             range(40)))
        writes = list(pool.map(lambda i: db.query("CREATE (:W {i: $i})", {"i": i}),
                               range(20)))
    assert sums == [5050] * 40 and len(writes) == 20
    assert db.query("MATCH (w:W) RETURN count(*) AS c").scalar() == 20


def test_errors_pickle(db):
    import pickle
    with pytest.raises(pactgraph.QueryError) as e:
        db.query("RETURN (")
    again = pickle.loads(pickle.dumps(e.value))
    assert type(again) is pactgraph.QueryError and again.caret == e.value.caret

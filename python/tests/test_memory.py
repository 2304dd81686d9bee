"""A result's memory is freed: the C++ rows go when the Result goes (or at release()), and
running big queries over and over does not grow the process."""

import gc

import pactgraph
from pactgraph import _native

BIG = "UNWIND range(1, 100000) AS x RETURN x, toString(x) AS s, [x, x] AS l"


def rss_mb():
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    import resource
    return pages * resource.getpagesize() / 2**20


def test_results_are_freed_with_their_python_object(db):
    gc.collect()
    base = _native.live_results()
    r = db.query(BIG)
    assert _native.live_results() == base + 1
    rows = r.to_list()
    del r
    gc.collect()
    assert _native.live_results() == base  # converted rows do not keep the C++ rows alive
    assert len(rows) == 100000 and rows[-1] == {"x": 100000, "s": "100000", "l": [100000] * 2}


def test_release_frees_the_rows_at_once(db):
    r = db.query(BIG)
    r.release()
    assert len(r) == 0 and r.to_list() == []


def test_a_loop_of_big_queries_does_not_grow(db):
    def run():
        df = db.query(BIG).to_df()
        assert len(df) == 100000
    for _ in range(2):  # warm up allocators and caches
        run()
    gc.collect()
    before = rss_mb()
    for _ in range(6):
        run()
    gc.collect()
    grown = rss_mb() - before
    # One result is ~20 MB of C++ values and Python objects; six leaked ones would be 120.
    assert grown < 40, f"RSS grew by {grown:.0f} MB over 6 queries"


def test_values_outlive_the_result_and_the_database(tmp_path):
    with pactgraph.open(tmp_path / "m.db") as d:
        d.query("CREATE (:N {name: 'kept', tags: ['a']})")
        node = d.query("MATCH (n) RETURN n").scalar()
    gc.collect()
    assert node.name == "kept" and node["tags"] == ["a"]

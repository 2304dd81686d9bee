"""Values both ways: every Cypher kind to Python and back, as parameters and as stored
properties, and the refusals for what has no Cypher counterpart."""

import datetime
import math

import pytest

import pactgraph

SCALARS = [
    None, True, False, 0, -1, 2**63 - 1, -2**63, 0.5, -0.0, 1e300, float("inf"),
    "", "plain", "ñ Việt Nam 日本 🙂", "with\x00nul", datetime.date(2024, 2, 29),
    datetime.date(1, 1, 1), datetime.date(9999, 12, 31),
]
NESTED = [
    [], [1, "a", None, 2.5, True], [[1, [2, [3]]]], {}, {"a": 1, "b": [1, {"c": None}]},
    {"when": datetime.date(2020, 5, 17), "tags": ["x", "y"]},
]


@pytest.fixture(scope="module")
def mdb(tmp_path_factory):
    """One database for the whole module (opening one costs a few tenths of a second)."""
    with pactgraph.open(tmp_path_factory.mktemp("values") / "values.db") as d:
        yield d


def same(a, b):
    """Equality that also tells 1 from 1.0 and True from 1, and -0.0 from 0.0."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return math.copysign(1, a) == math.copysign(1, b) and (a == b or a != a and b != b)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b


@pytest.mark.parametrize("value", SCALARS + NESTED, ids=repr)
def test_parameter_round_trip(mdb, value):
    got = mdb.query("RETURN $v AS v", {"v": value}).scalar()
    assert same(got, value)


def test_nan_round_trip(db):
    assert math.isnan(db.query("RETURN $v AS v", {"v": float("nan")}).scalar())


@pytest.mark.parametrize("value", [v for v in SCALARS + NESTED if v is not None], ids=repr)
def test_stored_property_round_trip(mdb, value):
    node = mdb.query("CREATE (n:T {p: $v}) RETURN id(n) AS id", {"v": value}).scalar()
    stored = mdb.query("MATCH (n:T) WHERE id(n) = $id RETURN n.p AS p", {"id": node}).scalar()
    assert same(stored, value)


def test_cypher_values_arrive_as_python_types(db):
    row = db.query("RETURN 1 AS i, 1.0 AS f, 'x' AS s, true AS b, null AS n, "
                   "date('2025-01-31') AS d, [1, 'two'] AS l, {k: [true]} AS m").to_list()[0]
    assert row == {"i": 1, "f": 1.0, "s": "x", "b": True, "n": None,
                   "d": datetime.date(2025, 1, 31), "l": [1, "two"], "m": {"k": [True]}}
    assert type(row["i"]) is int and type(row["f"]) is float and type(row["b"]) is bool


def test_nodes_relationships_and_paths(db):
    db.query("CREATE (:Nation:Member {name: 'Kenya', pop: 54})"
             "-[:MOU {date: date('2024-03-01'), weight: 2.5}]->(:Organization {name: 'Acme'})")
    row = db.query("MATCH p = (a)-[r]->(b) RETURN a, r, b, p").to_list()[0]
    a, r, b, p = row["a"], row["r"], row["b"], row["p"]
    assert isinstance(a, pactgraph.Node) and sorted(a.labels) == ["Member", "Nation"]
    assert a.properties == {"name": "Kenya", "pop": 54} and a.name == "Kenya" and a["pop"] == 54
    assert isinstance(r, pactgraph.Relationship) and r.type == "MOU"
    assert (r.start, r.end) == (a.id, b.id)
    assert r.properties == {"date": datetime.date(2024, 3, 1), "weight": 2.5}
    assert isinstance(p, pactgraph.Path) and len(p) == 1 and list(p) == [r]
    assert p.nodes == [a, b] and p.start == a and p.end == b
    assert "Kenya" in repr(p) and "MOU" in repr(r)
    # Back as parameters: equal by value, usable in comparisons.
    back = db.query("RETURN $a AS a, $r AS r, $p AS p, length($p) AS n",
                    {"a": a, "r": r, "p": p}).to_list()[0]
    assert back == {"a": a, "r": r, "p": p, "n": 1}
    assert db.query("MATCH (n) WHERE n = $a RETURN n.name AS x", {"a": a}).scalar() == "Kenya"


def test_numpy_and_pandas_scalars_are_accepted(db):
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    got = db.query("RETURN $i AS i, $f AS f, $b AS b, $na AS na",
                   {"i": np.int32(7), "f": np.float64(0.25), "b": np.bool_(True),
                    "na": pd.NA}).to_list()[0]
    assert same(got, {"i": 7, "f": 0.25, "b": True, "na": None})


def test_tuples_become_lists(db):
    assert db.query("RETURN $t AS t", {"t": (1, ("a",))}).scalar() == [1, ["a"]]


@pytest.mark.parametrize("value, words", [
    ({1, 2}, "has no order"),
    (b"raw", "bytes are not stored"),
    (2**63, "does not fit in 64 bits"),
    (-2**63 - 1, "does not fit in 64 bits"),
    (datetime.datetime(2024, 1, 1, 12), "datetime.datetime"),
    (datetime.time(12, 30), "datetime.time"),
    (datetime.timedelta(days=1), "timedelta"),
    (object(), "values of type object cannot be stored"),
    ({1: "x"}, "map keys must be str"),
    ("\ud800", "lone surrogate"),
])
def test_unconvertible_parameters_are_refused_by_name(mdb, value, words):
    with pytest.raises(pactgraph.InputError) as e:
        mdb.query("RETURN $v AS v", {"v": value})
    assert "parameter $v" in str(e.value) and words in str(e.value)


def test_the_place_of_a_bad_value_is_named(db):
    with pytest.raises(pactgraph.InputError, match=r"parameter \$rows\[1\]\.when"):
        db.query("UNWIND $rows AS r RETURN r", {"rows": [{"when": 1}, {"when": {1, 2}}]})


def test_a_list_containing_itself_is_refused(db):
    loop = []
    loop.append(loop)
    with pytest.raises(pactgraph.InputError, match="nested deeper than"):
        db.query("RETURN $v", {"v": loop})


def test_params_must_be_a_dict_with_str_keys(db):
    with pytest.raises(pactgraph.InputError, match="params must be a dict"):
        db.query("RETURN 1", [1])
    with pytest.raises(pactgraph.InputError, match="parameter names must be str"):
        db.query("RETURN 1", {1: 2})


def test_a_date_outside_python_range_raises_overflow(db):
    with pytest.raises(OverflowError, match="outside the range of datetime.date"):
        db.query("RETURN date('0000-01-01') AS d").to_list()


def test_dataframe_column_types(db):
    pd = pytest.importorskip("pandas")
    df = db.query("UNWIND [1, 2, 3] AS x RETURN x AS i, x * 0.5 AS f, x > 1 AS b, "
                  "CASE WHEN x = 2 THEN null ELSE x END AS ni, "
                  "CASE WHEN x = 2 THEN null ELSE x > 1 END AS nb, "
                  "toString(x) AS s, date('2024-01-0' + toString(x)) AS d, "
                  "CASE WHEN x = 1 THEN 1 ELSE 'one' END AS mixed").to_df()
    assert list(df.columns) == ["i", "f", "b", "ni", "nb", "s", "d", "mixed"]
    assert str(df["i"].dtype) == "int64" and str(df["f"].dtype) == "float64"
    assert str(df["b"].dtype) == "bool"
    assert str(df["ni"].dtype) == "Int64" and df["ni"].isna().tolist() == [False, True, False]
    assert str(df["nb"].dtype) == "boolean" and df["nb"].isna().tolist() == [False, True, False]
    assert df["s"].tolist() == ["1", "2", "3"] and df["d"][2] == datetime.date(2024, 1, 3)
    assert df["mixed"].tolist() == [1, "one", "one"]
    assert df["i"].tolist() == [1, 2, 3] and df["f"].tolist() == [0.5, 1.0, 1.5]
    empty = db.query("MATCH (n:Nothing) RETURN n.x AS x").to_df()
    assert list(empty.columns) == ["x"] and len(empty) == 0
    assert isinstance(empty, pd.DataFrame)

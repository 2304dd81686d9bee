"""Query results: rows as dicts, tuples, lists or a pandas DataFrame.

A :class:`Result` holds the rows of one finished query in C++ form and converts them to Python
objects when asked, so a result read only through ``to_df()`` never builds a dict per row.
The rows are freed when the Result is garbage-collected, or at once with ``release()``.
"""

from dataclasses import dataclass, fields

__all__ = ["Result", "QueryStats"]


@dataclass(frozen=True)
class QueryStats:
    """What a query changed, and how long it took."""

    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0
    labels_added: int = 0
    labels_removed: int = 0
    wrote: bool = False       # the query ran in a write transaction (and committed)
    elapsed_ms: float = 0.0   # time inside pactgraph, conversion to Python excluded

    @property
    def any(self):
        """Whether the query changed anything."""
        return any(getattr(self, f.name) for f in fields(self)[:7])

    def __str__(self):
        parts = []
        for f in fields(self)[:7]:
            n = getattr(self, f.name)
            if n:
                what = f.name.replace("_", " ")
                if n == 1:
                    what = what.replace("nodes", "node").replace("relationships", "relationship")
                    what = what.replace("properties", "property").replace("labels", "label")
                parts.append(f"{n} {what}")
        return ", ".join(parts) if parts else "no changes"


class Result:
    """The rows of one query.

    Iterating gives one dict per row (column name -> value); ``len(result)`` is the number of
    rows and ``result[i]`` the i-th row as a dict.

    Attributes:
        columns: the column names, in the order of the RETURN clause.
        stats: a :class:`QueryStats`.
    """

    __slots__ = ("_native", "columns", "stats", "__weakref__")

    def __init__(self, native):
        self._native = native
        self.columns = list(native.columns)
        self.stats = QueryStats(**native.stats())

    def __len__(self):
        return len(self._native)

    def __iter__(self):
        native = self._native
        for i in range(len(native)):
            yield native.dict(i)

    def __getitem__(self, i):
        n = len(self._native)
        if isinstance(i, slice):
            return [self._native.dict(j) for j in range(*i.indices(n))]
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(f"row {i} out of range ({n} rows)")
        return self._native.dict(i)

    def __bool__(self):
        return len(self._native) > 0

    def __repr__(self):
        return f"<pactgraph.Result {len(self)} rows, columns {self.columns}>"

    def to_list(self):
        """All rows as a list of dicts (one C++ loop: faster than ``list(result)``)."""
        return self._native.dicts()

    def to_tuples(self):
        """All rows as a list of tuples, in column order."""
        return self._native.tuples()

    def column(self, name):
        """One column's values as a list; ``name`` is a column name or index."""
        return self._native.column(self._index(name))

    def scalar(self):
        """The single value of a one-row, one-column result (e.g. ``RETURN count(*)``);
        InputError otherwise."""
        if len(self.columns) != 1 or len(self) != 1:
            from ._errors import InputError
            raise InputError(f"scalar() needs exactly one row and one column, got {len(self)} "
                             f"row(s) and columns {self.columns}", "InvalidArgument")
        return self._native.column(0)[0]

    def to_df(self):
        """The rows as a pandas DataFrame (pandas is imported on first use).

        Integer columns become ``int64`` (``Int64`` when they hold nulls), floats ``float64``
        (nulls as NaN), booleans ``bool`` (``boolean`` with nulls); every other column, and a
        column mixing kinds, holds Python objects (str, date, list, dict, Node, ...)."""
        try:
            import pandas as pd
        except ImportError as e:  # pragma: no cover - depends on the machine
            raise ImportError("Result.to_df() needs pandas (Debian: apt-get install "
                              "python3-pandas)") from e
        data = {}
        for i, name in enumerate(self.columns):
            kind, values, mask = self._native.column_arrays(i)
            if mask is not None and kind == "int":
                values = pd.arrays.IntegerArray(values, mask)
            elif mask is not None and kind == "bool":
                values = pd.arrays.BooleanArray(values, mask)
            data[name] = values
        return pd.DataFrame(data, columns=self.columns, copy=False)

    def release(self):
        """Frees the rows now (the Result is empty afterwards)."""
        self._native.release()

    def _index(self, name):
        if isinstance(name, int):
            if not -len(self.columns) <= name < len(self.columns):
                raise IndexError(f"column {name} out of range ({len(self.columns)} columns)")
            return name % len(self.columns)
        try:
            return self.columns.index(name)
        except ValueError:
            raise KeyError(f"no column {name!r} (columns: {self.columns})") from None

"""pactgraph — an embedded graph database of who partners with whom, from Python.

pactgraph reads news about partnerships (nations, firms, agencies, programmes), turns each
article into actors and typed relationships that carry the sentences they come from, stores
them in one directory, and answers openCypher queries and path searches over them::

    import pactgraph

    with pactgraph.open("news.db") as db:
        db.ingest("data/articles/")
        df = db.query("MATCH (a)-[r:MOU]-(b) WHERE id(a) < id(b) "
                      "RETURN a.name AS a, b.name AS b, r.first_date AS since").to_df()
        for p in db.path("Kenya", "Japan", explain=True):
            print(p)
        ranks = db.algo("pagerank")
        G = db.to_networkx()

The package is a thin layer over the C++ library libpactgraph.so: queries, ingestion, path
searches and algorithms run in C++ with the GIL released; Ctrl-C cancels them.

Main names: :func:`open` -> :class:`Database`; :class:`Result`; the values :class:`Node`,
:class:`Relationship`, :class:`Path`; :func:`extract`; the exceptions under :class:`Error`.
"""

from . import _native
from ._database import Database, open  # noqa: A004 - pactgraph.open is the entry point
from ._errors import (BusyError, CancelledError, Error, InputError, InternalError,
                      LimitExceededError, NotFoundError, NotSupportedError, QueryError,
                      StorageError, _by_name)
from ._graph import Evidence, EvidenceListing, PathResult
from ._ingest import Extraction, IngestSummary, extract
from ._result import QueryStats, Result
from ._values import Node, Path, Relationship

__version__ = "0.1.0"

_native._register(Node, Relationship, Path, _by_name())


def algorithm_names():
    """The names :meth:`Database.algo` accepts."""
    return list(_native.algorithm_names())


def data_dir():
    """Where the extractor's rule tables are read from ($PACTGRAPH_DATA_DIR, else the source
    tree's or the installed data/)."""
    return _native.default_data_dir()


__all__ = [
    "open", "Database", "Result", "QueryStats", "Node", "Relationship", "Path", "PathResult",
    "Evidence", "EvidenceListing", "IngestSummary", "Extraction", "extract",
    "algorithm_names", "data_dir",
    "Error", "QueryError", "InputError", "NotFoundError", "NotSupportedError",
    "LimitExceededError", "CancelledError", "StorageError", "BusyError", "InternalError",
]

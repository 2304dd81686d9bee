"""The Database: opening, queries, import and export, statistics and the integrity check.

A Database is one directory (RocksDB). One process may write it at a time; others open it with
``read_only=True`` and call ``catch_up()`` to see new commits. Inside a process one Database
may be used from many threads: every call gets its own snapshot, writes are serialised, and
queries, ingestion and searches run with the GIL released, so threads really run in parallel.
"""

import os

from . import _native
from ._errors import InputError
from ._graph import GraphMethods
from ._ingest import IngestMethods
from ._result import Result

__all__ = ["Database", "open"]


def _seconds_to_ms(timeout):
    if timeout is None:
        return 0  # no limit
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout < 0:
        raise InputError(f"timeout: expected seconds >= 0 or None, got {timeout!r}",
                         "InvalidArgument")
    return max(1, int(timeout * 1000)) if timeout > 0 else 0


def _check_int(name, value, minimum, bits):
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value < 2**bits:
        raise InputError(f"{name}: expected an int from {minimum} to {2**bits - 1}, got "
                         f"{value!r}", "InvalidArgument")


class Database(GraphMethods, IngestMethods):
    """An open pactgraph database; make one with :func:`pactgraph.open`.

    Use it as a context manager (``with pactgraph.open(path) as db: ...``) or call
    :meth:`close`. Every method raises a :class:`pactgraph.Error` subclass on failure and
    leaves the database unchanged when it fails.

    Queries::

        r = db.query("MATCH (n:Nation {name: $name})-[:MOU]-(p) RETURN p.name AS partner",
                     {"name": "Rwanda"})
        for row in r: print(row["partner"])
        df = r.to_df()

    News: :meth:`ingest`, :meth:`extract`. Connections: :meth:`path`, :meth:`evidence`.
    Whole graph: :meth:`algo`, :meth:`to_networkx`, :meth:`stats`. Files: :meth:`import_csv`,
    :meth:`import_json`, :meth:`export`. Integrity: :meth:`check`.
    """

    def __init__(self, path, read_only=False, create=True, *, sync=False, cache_mb=256):
        """Opens the database in directory ``path``; see :func:`pactgraph.open`."""
        if not isinstance(path, (str, os.PathLike)):
            raise InputError(f"path: expected a str or os.PathLike, got {type(path).__name__}",
                             "InvalidArgument")
        _check_int("cache_mb", cache_mb, 1, 32)
        self._native = _native.NativeDb(os.fspath(path), bool(read_only), bool(create),
                                        bool(sync), cache_mb)

    # --- life cycle ------------------------------------------------------------------------

    def close(self):
        """Closes the database. Calls running in other threads are cancelled (they raise
        CancelledError) and waited for. Idempotent; any later call raises InputError."""
        self._native.close()

    @property
    def closed(self):
        return self._native.closed

    @property
    def location(self):
        """The database directory as given to open() (``path`` is the path search)."""
        return self._native.location

    @property
    def read_only(self):
        return self._native.read_only

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __repr__(self):
        state = "closed" if self.closed else "read-only" if self.read_only else "open"
        return f"<pactgraph.Database {self.location!r} ({state})>"

    def interrupt(self):
        """Cancels every call running on this database now (from another thread or a signal
        handler); they raise CancelledError."""
        self._native.interrupt()

    def catch_up(self):
        """Read-only instances: see the writer's latest commits. No-op for a writer."""
        self._native.catch_up()

    # --- queries ---------------------------------------------------------------------------

    def query(self, cypher, params=None, *, timeout=30.0, max_rows=10_000_000,
              max_memory_mb=1024, max_depth=10):
        """Runs one openCypher statement and returns its :class:`Result`.

        Args:
            cypher: the statement (docs/query.md lists what pactgraph understands).
            params: a dict of ``$name`` parameters: None, bool, int, float, str,
                datetime.date, lists, dicts, and Nodes/Relationships/Paths from results.
            timeout: seconds before the query stops with LimitExceededError (None: never).
            max_rows: rows all operators of the query may produce.
            max_memory_mb: memory for sorts, aggregations and writes.
            max_depth: the depth of ``*`` patterns without an upper bound.

        A writing query commits as one transaction only when it succeeds whole. Raises
        QueryError (with ``line``, ``column`` and ``caret``) for mistakes in the query,
        InputError for parameters that cannot be converted, LimitExceededError,
        StorageError; Ctrl-C cancels the query and raises KeyboardInterrupt.
        """
        if not isinstance(cypher, str):
            raise InputError(f"cypher: expected a str, got {type(cypher).__name__}",
                             "InvalidArgument")
        for name, value, bits in (("max_rows", max_rows, 64),
                                  ("max_memory_mb", max_memory_mb, 64),
                                  ("max_depth", max_depth, 32)):
            _check_int(name, value, 1, bits)
        return Result(self._native.query(cypher, params, _seconds_to_ms(timeout), max_rows,
                                         max_memory_mb, max_depth))

    # --- files -----------------------------------------------------------------------------

    def import_csv(self, nodes, edges=None, mode="merge", match_on="id"):
        """Imports ``nodes`` (a CSV file with id,name,kind[,more]) and ``edges``
        (src,dst,type[,date,weight,more]) all or nothing; returns counts and timings. Any
        error is an InputError "file:line:column: what" and imports nothing.

        File ids that are whole numbers >= 1 become node ids; every added node keeps its file
        id as ``external_id``. ``mode="merge"`` matches rows already imported (on the file id,
        or with ``match_on="name"`` on name and labels), so importing the same files twice
        changes nothing; ``mode="append"`` adds every row (docs/cli.md, "Ids and re-import")."""
        return self._native.import_csv(os.fspath(nodes), os.fspath(edges) if edges else "",
                                       mode, match_on)

    def import_json(self, path, mode="merge", match_on="id"):
        """Imports a JSON graph ({"nodes": [...], "edges": [...]}) all or nothing; ``mode``
        and ``match_on`` as for :meth:`import_csv`."""
        return self._native.import_json(os.fspath(path), mode, match_on)

    def export(self, format="json", path=None):  # noqa: A002 - the CLI's word
        """Exports the whole graph as "json", "csv", "graphml" or "dot".

        With ``path`` None, returns the text (not for csv); else writes the file (csv: the
        directory, holding nodes.csv and edges.csv) and returns None."""
        return self._native.export(format, os.fspath(path) if path is not None else "")

    # --- the whole database ----------------------------------------------------------------

    def stats(self):
        """Counts: nodes, relationships, articles, evidence, nodes per label, relationships per
        type, and disk bytes."""
        return self._native.stats()

    def check(self):
        """Verifies the stored invariants (docs/storage.md) and returns a dict: ``sound``
        (bool), ``problems`` (the first 100 descriptions), ``problem_count`` and ``counts``.
        Raises only when the check cannot run (StorageError)."""
        report = self._native.check()
        report["sound"] = report["problem_count"] == 0
        return report


def open(path, read_only=False, create=True, *, sync=False, cache_mb=256):  # noqa: A001
    """Opens (and, with ``create``, creates) the database in directory ``path``.

    Args:
        read_only: open as a reader beside a process that writes (``catch_up()`` to see its
            commits); writing queries then raise QueryError.
        create: create the database when the directory does not hold one; else
            NotFoundError.
        sync: fsync every commit (survives power loss, not just a crash).
        cache_mb: RocksDB block cache size.

    Raises BusyError when another process writes the database (open it read_only),
    StorageError for a directory that is not a pactgraph database or of another version.
    """
    return Database(path, read_only, create, sync=sync, cache_mb=cache_mb)

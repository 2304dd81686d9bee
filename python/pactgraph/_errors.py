"""The exceptions pactgraph raises.

Every error from the database is a :class:`pactgraph.Error` carrying the pactgraph status
code (``code``, e.g. ``"ParseError"``), the message, and for query errors the query text, the
position (``line``, ``column``, 1-based) and the caret text that points at the mistake::

    try:
        db.query("MATCH (n RETURN n")
    except pactgraph.QueryError as e:
        print(e.line, e.column)   # 1 10
        print(e.caret)            # "  MATCH (n RETURN n\\n           ^"

The classes follow the status codes of the C++ API (``pactgraph/status.h``):

=====================  ====================================================================
``QueryError``         a query that does not parse, does not bind or fails while running
``InputError``         bad arguments or input files (also a ``ValueError``)
``NotFoundError``      a named node, file or algorithm does not exist (also a ``LookupError``)
``NotSupportedError``  valid openCypher outside pactgraph's subset
``LimitExceededError`` a query limit (rows, depth, time, memory) was hit
``CancelledError``     the call was cancelled (``interrupt()``, ``close()``)
``StorageError``       the file system failed, stored bytes are corrupt, wrong format version
``BusyError``          another process holds the database (a ``StorageError``)
``InternalError``      a bug in pactgraph; please report it
=====================  ====================================================================

Ctrl-C during a call raises ``KeyboardInterrupt`` as anywhere else in Python; the call is
cancelled and its writes are not committed.
"""

import re

__all__ = [
    "Error", "QueryError", "InputError", "NotFoundError", "NotSupportedError",
    "LimitExceededError", "CancelledError", "StorageError", "BusyError", "InternalError",
]

# "... at line 1, column 10:\n  MATCH (n RETURN n\n           ^" (query/parser messages).
_POSITION = re.compile(r"at line (\d+), column (\d+)")


class Error(Exception):
    """Base class of every pactgraph error.

    Attributes:
        message: the message as pactgraph wrote it (position and caret included).
        code: the pactgraph status code name ("ParseError", "InvalidArgument", "IOError", ...).
        query: the query text for errors raised by ``Database.query``, else None.
        line, column: the 1-based position of the mistake in the query, or None.
        caret: the query line and a ``^`` under the mistake, or None.
    """

    def __init__(self, message, code="Internal", query=None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.query = query
        self.line = self.column = self.caret = None
        m = _POSITION.search(message)
        if m:
            self.line, self.column = int(m.group(1)), int(m.group(2))
            rest = message[m.end():]
            if rest.startswith(":\n"):
                self.caret = rest[2:]

    def __reduce__(self):  # picklable (multiprocessing, joblib)
        return (type(self), (self.message, self.code, self.query))


class QueryError(Error):
    """A query that does not parse or bind, or fails while it runs (bad types, unknown
    procedure, missing parameter, ...)."""


class InputError(Error, ValueError):
    """Bad arguments or input: a value that cannot be stored, a malformed CSV file, an
    unreadable article, an option out of range."""


class NotFoundError(InputError, LookupError):
    """A named thing does not exist: a node name, a file, an algorithm."""


class NotSupportedError(Error):
    """Valid openCypher that pactgraph does not implement."""


class LimitExceededError(Error):
    """A query limit was hit (``timeout``, ``max_rows``, ``max_memory_mb``, ``max_depth``)."""


class CancelledError(Error):
    """The call was cancelled by ``Database.interrupt()`` or ``Database.close()``."""


class StorageError(Error):
    """The storage failed: an I/O error, corrupt data, or a database of another format
    version."""


class BusyError(StorageError):
    """Another process has the database open for writing (open it with read_only=True)."""


class InternalError(Error):
    """A bug in pactgraph."""


def _by_name():
    """The classes by name, for the native side (which raises them directly)."""
    return {name: globals()[name] for name in __all__}

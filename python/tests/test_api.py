"""The package reads well: help() documents every public name, and the exception hierarchy is
what the docs promise."""

import inspect
import pydoc

import pactgraph


def test_every_public_name_and_method_has_a_docstring():
    missing = []
    for name in pactgraph.__all__:
        obj = getattr(pactgraph, name)
        if not inspect.getdoc(obj):
            missing.append(name)
        if inspect.isclass(obj):
            for attr, member in vars(obj).items():
                if not attr.startswith("_") and callable(member) and not inspect.getdoc(member):
                    missing.append(f"{name}.{attr}")
    assert not missing, f"no docstring: {missing}"


def test_help_of_database_lists_the_api():
    text = pydoc.render_doc(pactgraph.Database, renderer=pydoc.plaintext)
    for method in ("query", "ingest", "extract", "path", "evidence", "algo", "to_networkx",
                   "import_csv", "import_json", "export", "stats", "check", "close",
                   "catch_up", "interrupt"):
        assert f" {method}(" in text, method
    assert "Ctrl-C" in text and "KeyboardInterrupt" in text


def test_exception_hierarchy():
    assert issubclass(pactgraph.BusyError, pactgraph.StorageError)
    assert issubclass(pactgraph.NotFoundError, pactgraph.InputError)
    assert issubclass(pactgraph.InputError, ValueError)
    for name in ("QueryError", "InputError", "NotFoundError", "NotSupportedError",
                 "LimitExceededError", "CancelledError", "StorageError", "BusyError",
                 "InternalError"):
        assert issubclass(getattr(pactgraph, name), pactgraph.Error)

"""A read-only instance beside a writer in another process: it reads the committed state,
sees new commits after catch_up(), refuses writes, and the writer is unaffected."""

import subprocess
import sys
import textwrap

import pytest

import pactgraph

WRITER = textwrap.dedent("""
    import sys, pactgraph
    with pactgraph.open(sys.argv[1]) as db:
        db.query("UNWIND range(1, 10) AS x CREATE (:N {x: x})")
        print("ready", flush=True)
        sys.stdin.readline()
        db.query("UNWIND range(11, 15) AS x CREATE (:N {x: x})")
        print("more", flush=True)
        sys.stdin.readline()
        print(db.query("MATCH (n:N) RETURN count(*) AS c").scalar(), flush=True)
""")


@pytest.fixture
def writer(tmp_path):
    path = tmp_path / "shared.db"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    yield path, proc
    proc.kill()
    proc.wait()


def count(db):
    return db.query("MATCH (n:N) RETURN count(*) AS c").scalar()


def test_reader_beside_a_writer_process(writer):
    path, proc = writer
    with pytest.raises(pactgraph.BusyError):
        pactgraph.open(path)  # the writer holds the lock
    with pactgraph.open(path, read_only=True) as reader:
        assert reader.read_only and "read-only" in repr(reader)
        assert count(reader) == 10
        proc.stdin.write("\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "more"
        assert count(reader) == 10  # a snapshot until it catches up
        reader.catch_up()
        assert count(reader) == 15
        assert reader.query("MATCH (n:N) RETURN max(n.x) AS m").scalar() == 15
        with pytest.raises(pactgraph.QueryError):
            reader.query("CREATE (:N {x: 99})")
        with pytest.raises(pactgraph.InputError, match="read-only"):
            reader.ingest("Kenya and Rwanda signed a memorandum of understanding.",
                          progress=False)
        assert reader.stats()["nodes"] == 15 and reader.check()["sound"]
        proc.stdin.write("\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "15"  # the refused write never reached it
    assert proc.wait(10) == 0


def test_read_only_needs_an_existing_database(tmp_path):
    with pytest.raises(pactgraph.NotFoundError):
        pactgraph.open(tmp_path / "none.db", read_only=True)

"""Cancellation and the GIL: Ctrl-C (SIGINT) cancels a running query and raises
KeyboardInterrupt, interrupt() and close() cancel calls of other threads, and other Python
threads run while a query runs.

The long query below takes minutes to finish on its own (400M rows through a filter), so a
test that finishes in seconds proves the call was stopped, without comparing timings."""

import os
import signal
import threading
import time

import pytest

import pactgraph

LONG = ("UNWIND range(1, 20000) AS a UNWIND range(1, 20000) AS b "
        "WITH a WHERE a < 0 RETURN count(*) AS c")
NO_LIMITS = {"max_rows": 10**12, "timeout": None}


def later(seconds, fn):
    t = threading.Timer(seconds, fn)
    t.start()
    return t


def test_ctrl_c_cancels_a_running_query(db):
    started = time.monotonic()
    later(0.3, lambda: os.kill(os.getpid(), signal.SIGINT))
    with pytest.raises(KeyboardInterrupt):
        db.query(LONG, **NO_LIMITS)
    assert time.monotonic() - started < 20
    # Python's own handler is back: Ctrl-C outside a query is an ordinary KeyboardInterrupt.
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    with pytest.raises(KeyboardInterrupt):
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(1)
    # And the database is still usable.
    assert db.query("RETURN 1 AS one").scalar() == 1


def test_ctrl_c_during_a_write_commits_nothing(db):
    later(0.3, lambda: os.kill(os.getpid(), signal.SIGINT))
    with pytest.raises(KeyboardInterrupt):
        db.query("CREATE (:Marker) WITH 1 AS one " + LONG, **NO_LIMITS)
    assert db.query("MATCH (m:Marker) RETURN count(*) AS c").scalar() == 0


def test_a_custom_sigint_handler_still_runs(db):
    seen = []
    previous = signal.signal(signal.SIGINT, lambda sig, frame: seen.append(sig))
    try:
        later(0.3, lambda: os.kill(os.getpid(), signal.SIGINT))
        with pytest.raises(pactgraph.CancelledError, match="SIGINT"):
            db.query(LONG, **NO_LIMITS)
        assert seen == [signal.SIGINT]
    finally:
        signal.signal(signal.SIGINT, previous)


def test_interrupt_from_another_thread(db):
    later(0.3, db.interrupt)
    with pytest.raises(pactgraph.CancelledError):
        db.query(LONG, **NO_LIMITS)
    assert db.query("RETURN 2 AS two").scalar() == 2


def test_close_cancels_running_calls_and_waits(tmp_path):
    d = pactgraph.open(tmp_path / "c.db")
    errors = []

    def run():
        try:
            d.query(LONG, **NO_LIMITS)
        except pactgraph.Error as e:
            errors.append(e)

    worker = threading.Thread(target=run)
    worker.start()
    time.sleep(0.3)
    d.close()  # returns once the query has stopped
    worker.join(20)
    assert not worker.is_alive() and len(errors) == 1
    assert isinstance(errors[0], pactgraph.CancelledError)
    with pytest.raises(pactgraph.InputError, match="closed"):
        d.query("RETURN 1")


def test_the_gil_is_released_while_a_query_runs(db):
    # The helper thread can only wake up, count and interrupt the query if the query thread
    # let go of the GIL; otherwise the query would run to its end (minutes).
    counted = []

    def helper():
        n = 0
        deadline = time.monotonic() + 0.5
        while time.monotonic() < deadline:
            n += 1
        counted.append(n)
        db.interrupt()

    later(0.1, helper)
    started = time.monotonic()
    with pytest.raises(pactgraph.CancelledError):
        db.query(LONG, **NO_LIMITS)
    assert time.monotonic() - started < 20 and counted and counted[0] > 1000


def test_ctrl_c_during_ingestion_keeps_the_articles_before_it(db):
    from conftest import ARTICLES

    def progress(done, total):
        if done == 3:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.2)  # Python runs its handler here: KeyboardInterrupt in the callback

    with pytest.raises(KeyboardInterrupt):
        db.ingest(ARTICLES, progress=progress)
    assert db.stats()["articles"] == 3  # each article is its own transaction
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


@pytest.fixture
def big(tmp_path):
    """20,000 actors and 100,000 random ties: exact betweenness takes a minute of CPU here."""
    import random
    rng = random.Random(7)
    nodes, edges = tmp_path / "nodes.csv", tmp_path / "edges.csv"
    nodes.write_text("id,name,kind\n" + "".join(f"{i},actor {i},organization\n"
                                                for i in range(1, 20001)))
    edges.write_text("src,dst,type\n" + "".join(
        f"{rng.randint(1, 20000)},{rng.randint(1, 20000)},mou\n" for _ in range(100000)))
    with pactgraph.open(tmp_path / "big.db") as d:
        d.import_csv(nodes, edges)
        yield d


def test_ctrl_c_and_interrupt_cancel_a_long_algorithm(big):
    exact = {"sample_above": 10**6, "as_dict": True}
    started = time.monotonic()
    later(0.5, big.interrupt)
    with pytest.raises(pactgraph.CancelledError, match="betweenness cancelled"):
        big.algo("betweenness", **exact)
    later(0.5, lambda: os.kill(os.getpid(), signal.SIGINT))
    with pytest.raises(KeyboardInterrupt):
        big.algo("betweenness", **exact)
    assert time.monotonic() - started < 20
    assert len(big.algo("degree", as_dict=True)) == 20000  # still usable

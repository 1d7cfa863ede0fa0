"""A query past its time limit is stopped (its process killed), answered as a timeout, and the
next query is served at once.

The slow query is a three-way cross product over a generated store of 3 000 triples
(2.7·10¹⁰ solutions to count): no machine finishes it within the limit, so the test does not
depend on a clock. What stops the work is checked directly: with no idle workers beforehand,
no new child process of ours is left after the timeout (the worker was killed and reaped).
"""
import json
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest
from rdflib import Literal, URIRef

from graph.errors import QueryTimeout
from graph.settings import Limits
from graph.sparql import run_query, select_table, shutdown_workers
from graph.store import open_store

from .helpers import child_pids, make_app, serve

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
LIMITS = Limits(query_timeout_s=1.0, max_rows=100, max_body_bytes=100_000)


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("big") / "store"))
    ex = "http://example.org/"
    for g in range(3):
        store.replace_graph(URIRef(f"{ex}g{g}"), [(URIRef(f"{ex}s{i}"), URIRef(ex + "p"), Literal(i))
                                                  for i in range(g * 1000, (g + 1) * 1000)])
    yield store
    store.close()


def test_slow_query_is_stopped(big_store):
    shutdown_workers(big_store)  # no idle workers: a new child left afterwards would be the query's
    before = set(child_pids())  # (other stores' idle workers)
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="1 s"):
        run_query(big_store, SLOW, limits=LIMITS)
    stopped = time.monotonic() - started
    assert set(child_pids()) <= before  # the query's worker was killed and reaped: the work stopped
    started = time.monotonic()
    assert select_table(big_store, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", LIMITS).rows[0]["n"].toPython() == 3000
    print(f"\ntimeout answered after {stopped:.2f} s; next query took {time.monotonic() - started:.3f} s")


def test_endpoint_answers_503_then_serves_the_next_query(big_store):
    shutdown_workers(big_store)
    before = set(child_pids())
    with serve(make_app(big_store, LIMITS)) as url:
        try:
            urllib.request.urlopen(f"{url}/sparql?{urlencode({'query': SLOW})}", timeout=30)
            raise AssertionError("the slow query was answered")
        except urllib.error.HTTPError as exc:
            assert exc.code == 503
            error = json.loads(exc.read())["error"]
            assert error["title"] == "Query timed out" and "query_timeout_s" in error["detail"]
        assert set(child_pids()) <= before
        with urllib.request.urlopen(f"{url}/sparql?{urlencode({'query': 'ASK { ?s ?p ?o }'})}", timeout=5) as resp:
            assert json.loads(resp.read())["boolean"] is True


def test_store_keeps_working_after_many_timeouts(big_store):
    """Killing the query process never harms the store the parent holds (it wrote nothing)."""
    for _ in range(3):
        with pytest.raises(QueryTimeout):
            run_query(big_store, SLOW, limits=Limits(query_timeout_s=0.2))
    big_store.replace_graph(URIRef("http://example.org/extra"),
                            [(URIRef("http://example.org/x"), URIRef("http://example.org/p"), Literal(1))])
    rows = select_table(big_store, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").rows
    assert rows[0]["n"].toPython() == 3001
    big_store.remove_graph(URIRef("http://example.org/extra"))


def test_queries_see_writes_made_after_earlier_queries(tmp_path):
    """Each query forks from the live store, so it sees every write made before it."""
    store = open_store(str(tmp_path / "store"))
    ask = "ASK { <http://example.org/a> ?p ?o }"
    assert select_table(store, ask).rows[0]["boolean"].toPython() is False
    store.replace_graph(URIRef("http://example.org/g"),
                        [(URIRef("http://example.org/a"), URIRef("http://example.org/p"), Literal(1))])
    assert select_table(store, ask).rows[0]["boolean"].toPython() is True
    store.close()


def test_other_stores_get_a_thread_deadline():
    """A Store without a cancellable engine still answers with a timeout at the deadline."""
    import threading

    from graph.store import Store

    release = threading.Event()

    class Slow(Store):
        def ask(self, query, bindings=None):
            release.wait(10)  # held until the test lets it go: deliberately slow
            return True

    with pytest.raises(QueryTimeout):
        run_query(Slow(), "ASK {}", limits=Limits(query_timeout_s=0.2))
    release.set()


def test_snapshots_are_removed(tmp_path):
    """The worker's snapshot lives beside the store and goes away with the workers."""
    store = open_store(str(tmp_path / "store"))
    stale = tmp_path / ".store.sparql-snapshot-dead"
    stale.mkdir()  # left by a process that died
    select_table(store, "ASK {}")
    snapshots = list(tmp_path.glob(".store.sparql-snapshot-*"))
    assert len(snapshots) == 1 and snapshots[0] != stale
    store.replace_graph(URIRef("http://example.org/g"),
                        [(URIRef("http://example.org/a"), URIRef("http://example.org/p"), Literal(1))])
    select_table(store, "ASK {}")  # a write makes a new snapshot; the old one is removed
    assert len(list(tmp_path.glob(".store.sparql-snapshot-*"))) == 1
    shutdown_workers(store)
    assert list(tmp_path.glob(".store.sparql-snapshot-*")) == []
    store.close()

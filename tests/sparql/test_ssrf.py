"""Nothing is ever fetched: no SERVICE form and no FROM makes the server open a connection or a file.

A TCP listener on a loopback port records every connection it gets; a FIFO stands for a
file and records whether anyone opened it. Every SERVICE form and every dataset clause that
names them is sent, through run_query and through /sparql. A positive control at the end
shows the listener does see pyoxigraph's SERVICE requests when the gate is bypassed.
"""
import os
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from graph.errors import QueryRefused
from graph.sparql import run_query, select_table


class Listener:
    """A loopback TCP server that counts the connections made to it."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except (socket.timeout, OSError):
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self.running = False
        self.thread.join(2)
        self.sock.close()


class FifoWatch:
    """A FIFO at a path: counts the times some process opened it for reading."""

    def __init__(self, path):
        self.path = str(path)
        os.mkfifo(self.path)
        self.opened = 0
        self.running = True
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self):
        while self.running:
            try:  # succeeds only while a reader has the FIFO open
                fd = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                time.sleep(0.005)
                continue
            self.opened += 1
            try:
                os.write(fd, b"<http://a> <http://b> <http://c> .\n")
            except BrokenPipeError:
                pass  # the reader closed the FIFO between the open and the write: it was opened all the same
            finally:
                os.close(fd)

    def close(self):
        self.running = False
        self.thread.join(2)


@pytest.fixture
def listener():
    lst = Listener()
    yield lst
    lst.close()


@pytest.fixture
def fifo(tmp_path):
    watch = FifoWatch(tmp_path / "secret.nt")
    yield watch
    watch.close()


def service_queries(port):
    url = f"http://127.0.0.1:{port}/sparql"
    return [
        f"SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
        f"SELECT * {{ VALUES ?e {{ <{url}> }} SERVICE SILENT ?e {{ ?s ?p ?o }} }}",
        f"PREFIX x: <http://127.0.0.1:{port}/> SELECT * {{ sErViCe x:sparql {{ ?s ?p ?o }} }}",
        f"BASE <http://127.0.0.1:{port}/> SELECT * {{ SERVICE <sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ ?a ?b ?c OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * {{ {{ ?a ?b ?c }} UNION {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * {{ ?a ?b ?c MINUS {{ SERVICE <{url}> {{ ?a ?b ?c }} }} }}",
        f"SELECT * {{ ?a ?b ?c FILTER EXISTS {{ SERVICE <{url}> {{ ?a ?b ?c }} }} }}",
        f"SELECT * {{ {{ SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"ASK {{ SERVICE <{url}> {{ }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ SERVICE # hidden\n <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ ?a ?b ?c # rdflib reads on to the end of the line\r SERVICE <{url}> {{ ?s ?p ?o }} \n }}",
    ]


def dataset_queries(port, path):
    return [
        f"SELECT * FROM <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <http://127.0.0.1:{port}/x> {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <file://{path}> {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <file://{path}> {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        "SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }",
        f"CONSTRUCT {{ ?s ?p ?o }} FROM <file://{path}> WHERE {{ ?s ?p ?o }}",
        f"DESCRIBE <http://a> FROM <file://{path}>",
    ]


def test_run_query_fetches_nothing(fixture_store, listener, fifo):
    for query in service_queries(listener.port):
        with pytest.raises(QueryRefused):
            run_query(fixture_store, query)
    for query in dataset_queries(listener.port, fifo.path):
        if query.startswith(("CONSTRUCT", "DESCRIBE")):
            assert run_query(fixture_store, query, "nt").body.strip() == b""
        else:
            assert select_table(fixture_store, query).rows == []
    for update in (f"LOAD <http://127.0.0.1:{listener.port}/x>", f"LOAD <file://{fifo.path}>"):
        with pytest.raises(QueryRefused):
            select_table(fixture_store, update)
    time.sleep(0.3)
    assert listener.connections == 0 and fifo.opened == 0


def test_endpoint_fetches_nothing(server_url, listener, fifo):
    url = f"http://127.0.0.1:{listener.port}/x"
    requests = [{"query": q} for q in service_queries(listener.port) + dataset_queries(listener.port, fifo.path)]
    requests += [{"query": "SELECT * { ?s ?p ?o }", "default-graph-uri": url},
                 {"query": "SELECT * { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri": url},
                 {"query": "SELECT * { ?s ?p ?o }", "default-graph-uri": f"file://{fifo.path}"},
                 {"update": f"LOAD <{url}>"}]
    for params in requests:
        full = server_url + "?" + urllib.parse.urlencode(params)
        try:
            with urllib.request.urlopen(full, timeout=10) as resp:
                assert resp.status == 200
                body = resp.read()
                assert b"http://a" not in body  # nothing of the FIFO's data came back
        except urllib.error.HTTPError as exc:
            assert exc.code == 403, (params, exc.read())
    time.sleep(0.3)
    assert listener.connections == 0 and fifo.opened == 0


@pytest.mark.parametrize("hidden", [False, True])
def test_positive_control_the_listener_sees_a_service_call(fixture_store, listener, hidden):
    """Without the gate pyoxigraph does call SERVICE endpoints, even one that rdflib's parser
    reads as a comment (the \r case): the threat is real, and the probe sees it."""
    url = f"http://127.0.0.1:{listener.port}/sparql"
    query = (f"SELECT * {{ ?a a ?c # comment\r SERVICE SILENT <{url}> {{ ?s ?p ?o }} \n }}" if hidden
             else f"SELECT * {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}")
    try:
        list(fixture_store._store.query(query, use_default_graph_as_union=True))
    except OSError:
        pass
    deadline = time.monotonic() + 5
    while listener.connections == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert listener.connections >= 1


def test_positive_control_the_fifo_sees_a_file_read(fifo):
    """Opening the file for reading, as any loader would, is noticed by the probe."""
    with open(fifo.path, "rb") as f:
        data = f.read()
    assert fifo.opened >= 1 and data.startswith(b"<http://a>")

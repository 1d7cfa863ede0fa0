"""Helpers shared by the SPARQL and remote-store tests: the fixture graph, a tiny app, a server."""
from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path
from typing import Iterator, Optional

from flask import Flask
from rdflib import Dataset, URIRef
from werkzeug.serving import make_server

from graph.settings import Limits

DATA = Path(__file__).parent / "data"
ID = "https://w3id.org/incidentgraph/id/"
GRAPH = "https://w3id.org/incidentgraph/graph/"


def load_trig(store, path: Path = DATA / "fixture.trig") -> list[URIRef]:
    """Write each graph of a TriG file into the store as a named graph; their IRIs."""
    ds = Dataset()
    ds.parse(path, format="trig")
    graphs = []
    for graph in ds.graphs():
        if len(graph) and isinstance(graph.identifier, URIRef) and "default" not in str(graph.identifier):
            store.replace_graph(graph.identifier, list(graph))
            graphs.append(graph.identifier)
    return graphs


def make_app(store, limits: Optional[Limits] = None) -> Flask:
    """A bare app with only the /sparql blueprint, serving the given store."""
    from web.sparql_endpoint import bp

    app = Flask("sparql-test")
    app.config["TESTING"] = True
    if limits is not None:
        app.config["SPARQL_LIMITS"] = limits
    app.extensions["incidentgraph.store"] = store
    app.register_blueprint(bp)
    return app


@contextlib.contextmanager
def serve(app: Flask) -> Iterator[str]:
    """Serve the app on a free loopback port in a thread; yields the base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)


def child_pids() -> list[int]:
    """Live child processes of this process (from /proc), to check that no query runs on."""
    me, out = os.getpid(), []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == me and fields[0] != "Z":
            out.append(int(entry))
    return out

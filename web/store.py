"""One store per app, opened lazily, shared by requests through ``g.store``.

An embedded Oxigraph store can be opened by one process only, so opening it per request
would fail on its lock: the app keeps a single handle in ``app.extensions`` and each
request borrows it. The teardown only drops the request's reference; the handle is closed
when the process exits (or by ``close_app_store`` in tests).
"""
from __future__ import annotations

import atexit
import threading
import weakref

from flask import Flask, current_app, g

from graph.network import Projection
from graph.store import Store, open_store

STORE_KEY = "incidentgraph.store"
PROJECTION_KEY = "incidentgraph.projection"
_lock = threading.Lock()


def app_store(app: Flask) -> Store:
    """The app's store, opened on first use."""
    store = app.extensions.get(STORE_KEY)
    if store is None:
        with _lock:
            store = app.extensions.get(STORE_KEY)
            if store is None:
                store = open_store(app.config.get("STORE"))
                app.extensions[STORE_KEY] = store
                app.config["STORE"] = store.location or app.config.get("STORE")
    return store


def get_store() -> Store:
    """The store for this request."""
    if "store" not in g:
        g.store = app_store(current_app)
    return g.store


def get_projection():
    """The app's cached NetworkX projection of the store (rebuilt when documents change)."""
    return current_app.extensions[PROJECTION_KEY].get(get_store())


def close_app_store(app: Flask) -> None:
    store = app.extensions.pop(STORE_KEY, None)
    if store is not None:
        store.close()


def init_app(app: Flask) -> None:
    app.extensions[PROJECTION_KEY] = Projection()

    @app.teardown_appcontext
    def _release(exc):
        g.pop("store", None)

    ref = weakref.ref(app)
    atexit.register(lambda: ref() is not None and close_app_store(ref()))

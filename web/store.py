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
from typing import Any, Callable

from flask import Flask, current_app, g

from graph.network import Projection
from graph.store import Store, open_store

STORE_KEY = "incidentgraph.store"
PROJECTION_KEY = "incidentgraph.projection"
CACHE_KEY = "incidentgraph.cache"
CACHE_ENTRIES = 256
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


def cached(name: str, compute: Callable[[Store], Any]) -> Any:
    """``compute(store)``, kept until the store is written: the timeline's filter choices
    read the whole store (seconds at 50k incidents) and change only with it. A store that
    cannot tell when it changed (remote) is asked every time. The value is shared by
    requests: callers must not change it."""
    store = get_store()
    token = getattr(store, "change_token", None)
    if token is None:
        return compute(store)
    state = token()
    box = current_app.extensions.setdefault(CACHE_KEY, {})
    with _lock:
        if box.get("state") != state:
            box.clear()
            box["state"] = state
        if name in box:
            return box[name]
    value = compute(store)
    with _lock:
        if box.get("state") == state:  # not written meanwhile
            if len(box) > CACHE_ENTRIES:  # many filter combinations: start again
                box.clear()
                box["state"] = state
            box[name] = value
    return value


def close_app_store(app: Flask) -> None:
    store = app.extensions.pop(STORE_KEY, None)
    app.extensions.pop(CACHE_KEY, None)
    if store is not None:
        store.close()


def init_app(app: Flask) -> None:
    app.extensions[PROJECTION_KEY] = Projection()

    @app.teardown_appcontext
    def _release(exc):
        g.pop("store", None)

    ref = weakref.ref(app)
    atexit.register(lambda: ref() is not None and close_app_store(ref()))

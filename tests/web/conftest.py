"""Web fixtures: a store filled from hand-made extractions (no language model needed),
and a "bare" (empty store) and "full" app, as in flaskr's conftest."""
from __future__ import annotations

import pytest

from graph import merged
from graph.rdf import document_triples
from graph.store import open_store
from web.app import create_app
from web.store import close_app_store

from . import data


def fill(path, extractions=None) -> None:
    """Write extractions to the store at ``path`` and close it, so the app can open it."""
    store = open_store(str(path))
    try:
        for x in extractions if extractions is not None else data.all_extractions():
            graph, triples = document_triples(x)
            store.replace_graph(graph, triples)
        merged.rebuild(store)
    finally:
        store.close()


def make_app(path):
    return create_app({"TESTING": True, "STORE": str(path), "SECRET_KEY": "test"})


@pytest.fixture
def bare_app(tmp_path):
    app = make_app(tmp_path / "store")
    yield app
    close_app_store(app)


@pytest.fixture
def full_app(tmp_path):
    fill(tmp_path / "store")
    app = make_app(tmp_path / "store")
    yield app
    close_app_store(app)


@pytest.fixture(scope="session")
def shared_app(tmp_path_factory):
    """One filled app for the many tests that only read (a fresh ``full_app`` for the rest)."""
    path = tmp_path_factory.mktemp("shared") / "store"
    fill(path)
    app = make_app(path)
    yield app
    close_app_store(app)


@pytest.fixture
def client(shared_app):
    return shared_app.test_client()


@pytest.fixture
def bare_client(bare_app):
    return bare_app.test_client()

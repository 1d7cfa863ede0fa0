"""Fixtures of the SPARQL layer: an empty and a small populated store, apps and a live server."""
import pytest

from graph.settings import Limits
from graph.store import open_store

from .helpers import load_trig, make_app, serve


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory):
    """The fixture graph (three documents and the merged graph) in an embedded store."""
    store = open_store(str(tmp_path_factory.mktemp("fixture") / "store"))
    load_trig(store)
    yield store
    store.close()


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("empty") / "store"))
    yield store
    store.close()


@pytest.fixture(scope="module")
def app(fixture_store):
    return make_app(fixture_store, Limits(query_timeout_s=10, max_rows=50, max_body_bytes=20_000))


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def server_url(app):
    with serve(app) as url:
        yield url + "/sparql"

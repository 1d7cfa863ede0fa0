"""Adding an article: CSRF protection, preview without storing, save, uploads, and kept text.

A stub extractor stands in for the spaCy pipeline, so these tests need no language model.
"""
from __future__ import annotations

import io
import re
import sys
from datetime import timedelta

import pytest

from graph.iris import hex_of
from graph.model import Entity, Extraction, Incident
from web.pages.add import EXTRACTOR_KEY

ARTICLE = ("TITLE: Substation hit\n\nA missile struck the Ladyzhyn substation yesterday, "
           "cutting power to the town.\n")


class StubExtractor:
    """Finds the substation by name and dates the strike to the day before publication."""

    def extract(self, doc):
        i = doc.text.index("Ladyzhyn substation")
        start = doc.text.index("A missile")
        day = doc.published - timedelta(days=1) if doc.published else None
        return Extraction(doc, entities=[Entity("e1", "facility", "substation", "Ladyzhyn substation",
                                                mentions=[(i, i + 19)])],
                          incidents=[Incident("i1", "missile_strike", day, day, ["e1"],
                                              evidence=[(start, doc.text.index(","))])])


@pytest.fixture
def app(full_app):
    full_app.extensions[EXTRACTOR_KEY] = StubExtractor()
    return full_app


@pytest.fixture
def form_client(app):
    client = app.test_client()
    html = client.get("/add").get_data(as_text=True)
    client.token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    return client


def labels(client):
    return [i["label"] for i in client.get("/.json").get_json()["incidents"]]


def post(client, **fields):
    data = {"csrf_token": client.token, "text": ARTICLE, "format": "txt", "published": "2025-06-02",
            "action": "preview"}
    data.update(fields)
    return client.post("/add", data=data, content_type="multipart/form-data")


def test_add_page_has_labelled_fields_and_a_token(form_client):
    html = form_client.get("/add").get_data(as_text=True)
    for field in ("a-text", "a-file", "a-format", "a-published"):
        assert f'<label for="{field}"' in html and f'id="{field}"' in html
    assert form_client.token


def test_preview_shows_facts_and_stores_nothing(form_client):
    resp = post(form_client)
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200
    assert "Ladyzhyn substation" in html and "1 Jun 2025" in html
    assert 'value="save"' in html
    assert "Missile strike on Ladyzhyn substation" not in labels(form_client)


def test_save_stores_and_the_incident_appears_on_the_timeline(form_client):
    resp = post(form_client, action="save")
    assert resp.status_code == 303
    doc_id = "sha256:" + __import__("hashlib").sha256(ARTICLE.encode()).hexdigest()
    assert resp.headers["Location"] == f"/document/{hex_of(doc_id)}"
    assert "Missile strike on Ladyzhyn substation" in labels(form_client)
    page = form_client.get(resp.headers["Location"]).get_data(as_text=True)
    assert "Saved" in page and "Ladyzhyn substation" in page


def test_save_as_json(form_client):
    resp = form_client.post("/add.json", data={"csrf_token": form_client.token, "text": ARTICLE, "action": "save",
                                               "published": "2025-06-02", "format": "txt"})
    assert resp.status_code == 201 and resp.get_json()["incidents"] == 1


def test_missing_token_is_refused_and_the_text_kept(form_client):
    resp = post(form_client, csrf_token="", action="save")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 403
    assert "security token" in html and "cutting power to the town." in html
    assert "Missile strike on Ladyzhyn substation" not in labels(form_client)


@pytest.mark.parametrize("headers", [{"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"}])
def test_cross_site_post_is_refused(form_client, headers):
    resp = form_client.post("/add", data={"csrf_token": form_client.token, "text": ARTICLE, "action": "save"},
                            headers=headers)
    assert resp.status_code == 403
    assert "Missile strike on Ladyzhyn substation" not in labels(form_client)


def test_fresh_session_without_token_is_refused(app):
    resp = app.test_client().post("/add", data={"csrf_token": "guess", "text": ARTICLE, "action": "save"})
    assert resp.status_code == 403


def test_upload_a_file(form_client):
    resp = post(form_client, text="", file=(io.BytesIO(ARTICLE.encode()), "article.txt"))
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200 and "Ladyzhyn substation" in html and "from article.txt" in html


@pytest.mark.parametrize("upload, message", [
    ((io.BytesIO(b"%PDF-1.4"), "article.pdf"), "only .txt, .md and .html"),
    ((io.BytesIO("caf\u00e9".encode("latin-1")), "article.txt"), "not UTF-8"),
])
def test_bad_uploads_are_explained(form_client, upload, message):
    resp = post(form_client, text="", file=upload)
    assert resp.status_code == 400 and message in resp.get_data(as_text=True)


@pytest.mark.parametrize("fields, message", [
    ({"published": "June"}, "is not a date"),
    ({"text": "   "}, "Paste the article"),
    ({"format": "pdf"}, "Choose the text"),
])
def test_bad_input_is_explained_and_the_text_kept(form_client, fields, message):
    resp = post(form_client, **fields)
    html = resp.get_data(as_text=True)
    assert resp.status_code == 400 and message in html
    if fields.get("text") is None:
        assert "cutting power to the town." in html


def test_without_an_extractor_the_page_says_so(full_app, monkeypatch):
    monkeypatch.setitem(sys.modules, "ingest.extract", None)  # import fails as if not installed
    client = full_app.test_client()
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/add").get_data(as_text=True)).group(1)
    resp = client.post("/add", data={"csrf_token": token, "text": ARTICLE, "action": "preview"})
    assert resp.status_code == 503 and "not available" in resp.get_data(as_text=True)
    assert "cutting power to the town." in resp.get_data(as_text=True)

"""Hypothesis over hostile text: IRIs minted from any name, the reader, the contract JSON of
arbitrary text, the bidi guard, and SERVICE detection behind comments, case and prefixes.
(Date normalization is covered by tests/ingest/test_dates.py; only what is missing is here.)"""
from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import URIRef

from graph import iris
from graph.errors import QueryRefused
from graph.gate import check as check_query
from graph.namespace import ID
from ingest.errors import InputError
from ingest.read import read_text
from web.security import bidi_closed

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
names = st.text(min_size=0, max_size=300)


@given(st.sampled_from(["actor", "facility", "place"]), names)
def test_minted_iris_are_plain_and_round_trip(kind, name):
    iri = iris.entity_iri(kind, name)
    rest = str(iri)[len(str(ID)):]
    assert rest.startswith(kind + "/") and SLUG.fullmatch(rest[len(kind) + 1:]), rest
    assert len(rest) < 100
    assert quote(str(iri), safe=":/") == str(iri)  # nothing to percent-encode: no space, #, ?, >, quote
    assert URIRef(str(iri)).n3() == f"<{iri}>"
    assert iris.entity_iri(kind, name) == iri  # stable


@given(names)
def test_normalization_is_idempotent_and_iris_follow_it(name):
    folded = iris.normalize_name(name)
    assert iris.normalize_name(folded) == folded
    assert iris.slug(folded) == iris.slug(name)


@given(names, names)
def test_different_folded_names_never_share_an_iri(a, b):
    if iris.normalize_name(a) != iris.normalize_name(b):
        assert iris.slug(a) != iris.slug(b)


@given(st.text(max_size=40))
def test_local_ids_refuse_anything_but_letters_digits_hyphens(local):
    doc = "sha256:" + "a" * 64
    if re.fullmatch(r"[A-Za-z0-9-]+", local):
        assert str(iris.local_iri("claim", doc, local)).endswith(local)
    else:
        with pytest.raises(ValueError):
            iris.local_iri("claim", doc, local)


def _open_after(text: str) -> int:
    """Embeddings and isolates still open at the end of ``text`` (Unicode bidi rules, simplified)."""
    stack = []
    for c in text:
        if c in "\u202a\u202b\u202d\u202e\u2066\u2067\u2068":
            stack.append("I" if c in "\u2066\u2067\u2068" else "E")
        elif c == "\u202c" and stack and stack[-1] == "E":
            stack.pop()
        elif c == "\u2069" and "I" in stack:
            del stack[len(stack) - 1 - stack[::-1].index("I"):]
    return len(stack)


@given(st.text(alphabet=st.sampled_from("ab \u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"),
               max_size=60))
def test_bidi_guard_closes_every_override(text):
    out = bidi_closed(text)
    assert out.startswith(text) and _open_after(out) == 0
    assert bidi_closed(out) == out


@given(st.text(max_size=400), st.sampled_from(["txt", "md"]))
def test_reader_either_reads_or_says_why(text, fmt):
    try:
        doc = read_text(text, "x.txt", fmt)
    except InputError as exc:
        assert exc.problem and "\n" not in exc.problem
        return
    assert 0 <= doc.body_start <= len(doc.text) and doc.text[doc.body_start:].strip()


@pytest.fixture(scope="module")
def extractor():
    extract = pytest.importorskip("ingest.extract")
    return extract.Extractor()


article_text = st.lists(st.one_of(
    st.sampled_from(["Drones struck the oil depot near Bryansk on 3 May 2024.", "Ukraine denied it.",
                     "The CPC Marine Terminal was damaged.", "Officials said Russia attacked the substation.",
                     "<script>alert(1)</script>", "\u202e", "PUBLISHED: 2024-01-01", "\n\n", "—", "🙂"]),
    st.text(max_size=40)), min_size=1, max_size=12).map(" ".join)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(article_text)
def test_contract_of_any_text_is_consistent(extractor, text):
    try:
        doc = read_text(text, "fuzz.txt")
    except InputError:
        return
    contract = json.loads(json.dumps(extractor.extract(doc).to_contract(), ensure_ascii=False))
    body = doc.text
    ids = {e["id"] for e in contract["entities"]}
    incident_ids = {i["id"] for i in contract["incidents"]}

    def span_ok(span):
        start, end = span
        # evidence is a sentence span and may end in its trailing whitespace; never whitespace only
        return 0 <= start < end <= len(body) and body[start:end].strip() != ""

    for e in contract["entities"]:
        assert e["mentions"] and all(span_ok(m) and body[m[0]:m[1]].strip() == body[m[0]:m[1]]
                                     for m in e["mentions"]), e
        for ref in ("part_of", "located_in", "operator"):
            assert e.get(ref) in (None, *ids)
    for i in contract["incidents"]:
        assert set(i["targets"]) <= ids and set(i.get("perpetrators", [])) <= ids
        assert i.get("location") in (None, *ids)
        assert i["evidence"] and all(span_ok(ev) for ev in i["evidence"]), i
    for c in contract["claims"]:
        assert c.get("speaker") in (None, *ids) and set(c.get("about", [])) <= ids
        start, end = c["span"]
        assert 0 <= start < end <= len(body)
        assert c.get("incident") in (None, *incident_ids)


SERVICE_FORMS = [
    "SELECT * WHERE {{ {pre}SERVICE{sp}<http://127.0.0.1:9/> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ {pre}service{sp}SILENT{sp}<http://127.0.0.1:9/> {{ ?s ?p ?o }} }}",
    "PREFIX e: <http://127.0.0.1:9/> SELECT * WHERE {{ {pre}SeRvIcE{sp}e:x {{ ?s ?p ?o }} }}",
    "BASE <http://127.0.0.1:9/> SELECT * WHERE {{ {pre}SERVICE{sp}<x> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p ?o . {{ {pre}SERVICE{sp}?svc {{ ?s ?p ?o }} }} VALUES ?svc {{ <http://127.0.0.1:9/> }} }}",
    "ASK {{ {pre}OPTIONAL {{ SERVICE{sp}<http://127.0.0.1:9/> {{ ?s ?p ?o }} }} }}",
]


@given(st.sampled_from(SERVICE_FORMS),
       st.sampled_from(["", "# SERVICE is fine here\n", "#\u202e\n", "?a ?b ?c .\n", "FILTER(true)\n"]),
       st.sampled_from([" ", "\n", "\t", "#c\n", " #x SERVICE\n "]))
def test_service_is_refused_whatever_surrounds_it(form, pre, sp):
    with pytest.raises(QueryRefused):
        check_query(form.format(pre=pre, sp=sp))

"""IRIs minted from any text are valid and cannot be steered by the text."""
import re

from hypothesis import given, strategies as st

from graph import iris
from graph.namespace import ID

SAFE = re.compile(r"^https://w3id\.org/incidentgraph/id/(actor|facility|place)/[a-z0-9-]+$")


@given(st.sampled_from(["actor", "facility", "place"]), st.text())
def test_entity_iris_are_safe_for_any_name(kind, name):
    iri = iris.entity_iri(kind, name)
    assert SAFE.match(str(iri)), iri


@given(st.text(min_size=1), st.text(min_size=1))
def test_names_that_differ_after_folding_get_different_iris(a, b):
    if iris.normalize_name(a) != iris.normalize_name(b):
        assert iris.entity_iri("actor", a) != iris.entity_iri("actor", b)


def test_readable_slugs_and_folding():
    assert iris.entity_iri("facility", "Berth No. 2") == ID["facility/berth-no-2"]
    assert iris.entity_iri("actor", "The Kazakh Foreign Ministry") == iris.entity_iri("actor", "Kazakh Foreign Ministry")
    assert iris.slug("Attila Aszódi") == "attila-aszodi"


def test_non_latin_and_long_names_get_hashes():
    assert iris.slug("Юрий Андриенко").startswith("x-")
    long = "a" * 500
    assert len(iris.slug(long)) < 80 and iris.slug(long) != iris.slug("a" * 499)


def test_hostile_names_cannot_escape():
    for name in ["<script>alert(1)</script>", "a> <b", "x#y?z", "../../etc/passwd", "javascript:alert(1)"]:
        assert SAFE.match(str(iris.entity_iri("actor", name)))


def test_local_ids_are_checked():
    doc = "sha256:" + "a" * 64
    assert str(iris.local_iri("incident", doc, "i1")).endswith("/incident/aaaaaaaaaaaaaaaa-i1")
    for bad in ["i 1", "i1>", "../x"]:
        try:
            iris.local_iri("incident", doc, bad)
        except ValueError:
            continue
        raise AssertionError(f"accepted {bad!r}")

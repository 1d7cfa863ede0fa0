"""The small pure pieces: paths, highlighting, the time axis, pyvis post-processing, settings."""
from __future__ import annotations

from datetime import date

import networkx as nx
import pytest
from hypothesis import given, strategies as st
from werkzeug.exceptions import NotFound

from graph.namespace import ID
from web import highlight, paths, pyvis_frame, settings
from web.axis import axis_for


@pytest.mark.parametrize("iri, path", [
    (ID["actor/ukraine"], "/entity/actor/ukraine"),
    (ID["facility/cpc-marine-terminal"], "/entity/facility/cpc-marine-terminal"),
    (ID["incident/0123456789abcdef-i1"], "/incident/0123456789abcdef-i1"),
    (ID["doc/" + "a" * 64], "/document/" + "a" * 64),
    (ID["claim/abc-c1"], None), (ID["actor/a b"], None), ("https://example.org/x", None), (None, None),
])
def test_href(iri, path):
    assert paths.href(iri) == path


def test_paths_round_trip():
    assert paths.entity_iri("actor/ukraine") == ID["actor/ukraine"]
    assert paths.entity_iri(str(ID["actor/ukraine"])) == ID["actor/ukraine"]
    assert paths.incident_iri("0123456789abcdef-i1") == ID["incident/0123456789abcdef-i1"]
    assert paths.document_iri("b" * 64) == ID["doc/" + "b" * 64]


@pytest.mark.parametrize("call, key", [
    (paths.entity_iri, "actor/../x"), (paths.entity_iri, "actor"), (paths.entity_iri, "planet/x"),
    (paths.entity_iri, "actor/x>y"), (paths.incident_iri, "x#y"), (paths.incident_iri, ""),
    (paths.document_iri, "A" * 64), (paths.document_iri, "a" * 63),
])
def test_malformed_paths_are_404(call, key):
    with pytest.raises(NotFound):
        call(key)


def flatten(nodes) -> str:
    return "".join(n if isinstance(n, str) else flatten(n.children) for n in nodes)


def marks(nodes):
    for n in nodes:
        if not isinstance(n, str):
            yield n
            yield from marks(n.children)


def test_highlight_nests_and_keeps_ids():
    text = "Drones struck berth No. 2 of the CPC terminal. Ukraine denied."
    mentions = [{"start": 0, "end": 45, "kind": "incident"}, {"start": 14, "end": 25, "kind": "facility"},
                {"start": 40, "end": 50, "kind": "claim"}, {"start": 47, "end": 54, "kind": "actor"},
                {"start": 14, "end": 25, "kind": "claim"}]
    tree = highlight.tree(text, mentions)
    assert flatten(tree) == text
    ids = {m.id: m.kind for m in marks(tree)}
    assert ids == {"m-0-45": "incident", "m-14-25": "facility", "m-40-50": "claim", "m-47-54": "actor"}


@given(st.text(max_size=40), st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50),
                                                st.sampled_from(["actor", "incident", "claim"])), max_size=8))
def test_highlight_never_loses_or_repeats_text(text, spans):
    tree = highlight.tree(text, [{"start": a, "end": b, "kind": k} for a, b, k in spans])
    assert flatten(tree) == text
    for m in marks(tree):
        assert m.start <= m.end


def test_axis_places_days_and_intervals():
    axis = axis_for([(date(2025, 1, 1), date(2025, 1, 1)), (date(2025, 3, 1), date(2025, 3, 31)), (None, None)])
    day, month = axis.place(date(2025, 1, 1), date(2025, 1, 1)), axis.place(date(2025, 3, 1), date(2025, 3, 31))
    assert day.certain and not month.certain
    assert 0 <= day.x < month.x < 100 and month.width > day.width
    assert axis.place(None, None) is None
    assert axis_for([(None, None)]) is None
    assert [label for _, label in axis.ticks][:2] == ["Jan 2025", "Feb"]


def test_pyvis_document_is_offline_and_escaped():
    g = nx.MultiDiGraph()
    g.add_node("a", label="<script>alert(1)</script>", kind="actor")
    g.add_node("b", label='Depot <a href="javascript:x">', kind="facility", type="storage")
    g.add_edge("a", "b", role="target")
    html = pyvis_frame.render(g, lambda n: f"/entity/actor/{n}")
    assert "http://" not in html and "https://" not in html
    assert "<script>alert(1)" not in html and "javascript:x\">" not in html
    assert 'createElementNS("http:\\/\\/www.w3.org/2000/svg"' in html  # the same string to JavaScript
    assert html.startswith("<!doctype html>")


def test_pyvis_offline_drops_cdn_tags_and_neutralizes_urls():
    html = pyvis_frame.offline('<html><head><link href="https://cdn.example/x.css" rel="stylesheet"/>'
                               '<script src="http://cdn.example/x.js"></script></head>'
                               '<body><script>var a = "HTTP://x"; // https://y</script></body></html>')
    assert "cdn.example" not in html
    assert 'var a = "HTTP:\\/\\/x"; // https:\\/\\/y' in html


def test_pyvis_large_views_get_a_computed_layout():
    g = nx.path_graph(30, create_using=nx.MultiDiGraph)
    nx.set_node_attributes(g, "place", "kind")
    html = pyvis_frame.render(nx.relabel_nodes(g, str), lambda n: None, physics_max_nodes=10)
    assert '"enabled": false' in html and '"x":' in html


def test_settings_are_declared_with_help_and_read_from_the_environment():
    assert all(s.help and s.name.isupper() for s in settings.SETTINGS)
    values = settings.load({"INCIDENTGRAPH_TIMELINE_PAGE_SIZE": "7", "INCIDENTGRAPH_STORE": "/tmp/x"})
    assert values["TIMELINE_PAGE_SIZE"] == 7 and values["STORE"] == "/tmp/x" and len(values["SECRET_KEY"]) >= 32

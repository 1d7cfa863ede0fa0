"""Draw a graph view with pyvis as a self-contained, offline HTML document for an iframe.

The only module that imports pyvis. pyvis inserts its heading raw and shows a node's title
through ``innerHTML`` when any title contains "href", so every label and title is escaped
here; its template still links Bootstrap from a CDN, so those tags are removed and any
other ``http(s)://`` text (licence comments, the SVG namespace string in vis-network) is
rewritten as ``http:\\/\\/`` — the same string to JavaScript, no URL to anything else.
The document is served with a CSP that allows no network access at all.
"""
from __future__ import annotations

import json
import re
import threading
from collections import OrderedDict
from typing import Callable, Optional

import networkx as nx
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import escape
from pyvis.network import Network

from .security import bidi_closed

COLOURS = {"actor": "#b03a2e", "facility": "#1f5fa8", "place": "#2e7d32", "incident": "#9a6700"}
SHAPES = {"actor": "dot", "facility": "square", "place": "triangle", "incident": "diamond"}

_EXTERNAL_TAG = re.compile(r"<(link|script)\b[^>]*\bhttps?://[^>]*>(\s*</script>)?", re.IGNORECASE | re.DOTALL)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.IGNORECASE)
_URL = re.compile(r"(https?):/{2}", re.IGNORECASE)

# Posted to the parent page on a node click; the parent accepts only same-app page paths.
CLICK_SCRIPT = """
<script>
(function () {
  if (typeof network === "undefined") { return; }
  // Physics settles, then stops, so nodes stay where the reader puts them. Small graphs may
  // finish stabilizing before this script runs, hence the check of physics.ready.
  function settled() {
    network.setOptions({physics: false});
    document.body.setAttribute("data-ready", "1");
  }
  var physics = network.physics || {};
  if (physics.ready || !(physics.options && physics.options.enabled)) { settled(); }
  else { network.once("stabilizationIterationsDone", function () { setTimeout(settled, 0); }); }
  network.on("click", function (params) {
    if (!params.nodes.length) { return; }
    var node = nodes.get(params.nodes[0]);
    if (node && node.url) { window.parent.postMessage({open: node.url}, "*"); }
  });
  network.on("hoverNode", function () { document.body.style.cursor = "pointer"; });
  network.on("blurNode", function () { document.body.style.cursor = "default"; });
})();
</script>
"""

FRAME_STYLE = """
<style>
  html, body { margin: 0; padding: 0; height: 100%; background: #fff; font-family: sans-serif; }
  .card { height: 100%; }
  #mynetwork { float: none !important; border: 0 !important; width: 100% !important; height: 100vh !important; }
  #loadingBar { display: none !important; }
</style>
"""


LABEL_CHARS = 80  # a node label longer than this is cut: a 10,000-character name would shrink the view to nothing
TITLE_CHARS = 400  # tooltips are cut too; the entity's page shows the whole name


def short(value: object, limit: int) -> str:
    value = str(value or "")
    return value if len(value) <= limit else value[:limit - 1] + "…"


def text(value: object) -> str:
    """Escape for HTML text; quotes are kept as written since they are harmless outside
    attributes and common in names ("People's"), while < > & can never become markup."""
    return bidi_closed(str(escape(str(value or ""))).replace("&#39;", "'").replace("&#34;", '"'))


def canvas_text(value: object) -> str:
    """A label vis-network paints on the canvas: never parsed as HTML (no ``font.multi``), so it
    is shown as written, "<script>" included, instead of as "&lt;script&gt;"; the data island it
    travels in escapes < > & for the script element, and bidi overrides are closed."""
    return bidi_closed(str(value or ""))


_lock = threading.Lock()  # guards the caches below: requests run in threads
_layouts: "OrderedDict[tuple, dict]" = OrderedDict()
LAYOUTS_KEPT = 32


def _layout(g: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Positions computed here for views too large for live physics; the last few are kept
    (a quarter of a second each, and the same view is asked for again and again)."""
    simple = nx.Graph(g.to_undirected(as_view=True))
    key = (tuple(simple.nodes), tuple(simple.edges))
    with _lock:
        hit = _layouts.get(key)
        if hit is not None:
            _layouts.move_to_end(key)
            return hit
    pos = nx.spring_layout(simple, seed=7, iterations=60)
    scale = 60 * max(10, g.number_of_nodes()) ** 0.5
    out = {n: (float(x) * scale, float(y) * scale) for n, (x, y) in pos.items()}
    with _lock:
        _layouts[key] = out
        while len(_layouts) > LAYOUTS_KEPT:
            _layouts.popitem(last=False)
    return out


NODES_MARK, EDGES_MARK, OPTIONS_MARK = "__ig_nodes__", "__ig_edges__", "__ig_options__"
_shells: dict[tuple[str, bool], tuple[str, str, str, str]] = {}


class _MarkedNetwork(Network):
    """A pyvis network whose template gets placeholders instead of its data."""

    def get_network_data(self):
        _nodes, _edges, heading, height, width, _options = super().get_network_data()
        return NODES_MARK, EDGES_MARK, heading, height, width, OPTIONS_MARK


def _new_network(cls=Network) -> Network:
    return cls(height="100vh", width="100%", directed=True, cdn_resources="in_line", heading="")


def _shell(options: str, tooltip_link: bool) -> tuple[str, str, str, str]:
    """pyvis's document (700 KB: vis-network is inlined) made offline once per options, in
    four pieces around the data. pyvis compiles its template and every inlined file again for
    each network (about 0.2 s), and ``offline`` scanned the whole document each time."""
    key = (options, tooltip_link)
    with _lock:
        hit = _shells.get(key)
    if hit is not None:
        return hit
    net = _new_network(_MarkedNetwork)
    net.set_options(options)
    net.nodes = [{"title": "href"}] if tooltip_link else []  # pyvis picks its link tooltip by this
    html = offline("<!doctype html>\n" + net.generate_html())
    head, rest = html.split(json.dumps(NODES_MARK), 1)
    middle, rest = rest.split(json.dumps(EDGES_MARK), 1)
    middle2, tail = rest.split(OPTIONS_MARK, 1)
    parts = (head, middle, middle2, tail)
    with _lock:
        _shells[key] = parts
    return parts


def _data_json(value) -> str:
    """Data as pyvis's template writes it (Jinja's ``tojson``), with URLs neutralized as
    ``offline`` does."""
    text = htmlsafe_json_dumps(value, dumps=json.dumps, sort_keys=True)
    return _URL.sub(r"\1:\\/\\/", text)


def render(g: nx.MultiDiGraph, url_for_node: Callable[[str], Optional[str]], *, focus: Optional[str] = None,
           physics_max_nodes: int = 150) -> str:
    """The pyvis HTML document for a graph view."""
    net = _new_network()
    physics = g.number_of_nodes() <= physics_max_nodes
    positions = {} if physics else _layout(g)
    for n, d in g.nodes(data=True):
        kind = d.get("kind") or "other"
        label = canvas_text(short(d.get("label") or n, LABEL_CHARS))
        title = text(short(f"{(d.get('type') or kind).replace('_', ' ')}: {d.get('label') or n}", TITLE_CHARS))
        extra = {}
        if n in positions:
            extra.update(x=positions[n][0], y=positions[n][1])
        net.add_node(n, label=label, title=title, color=COLOURS.get(kind, "#666666"),
                     shape=SHAPES.get(kind, "dot"), size=22 if n == focus else 14,
                     borderWidth=4 if n == focus else 1, url=url_for_node(n) or "", **extra)
    for s, o, d in g.edges(data=True):
        role = (d.get("role") or "").replace("_", " ")
        net.add_edge(s, o, label=canvas_text(role), title=text(role))
    options = json.dumps({
        "physics": {"enabled": physics, "stabilization": {"enabled": True, "iterations": 250, "fit": True},
                    "barnesHut": {"gravitationalConstant": -6000, "springLength": 120}},
        "edges": {"font": {"size": 11, "align": "middle", "color": "#444444"}, "color": {"color": "#9aa4ad"},
                  "smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}},
        "nodes": {"font": {"size": 16, "color": "#1b1f23"}},
        "interaction": {"hover": True, "tooltipDelay": 150, "keyboard": {"enabled": True}},
    })
    net.set_options(options)
    tooltip_link = any("href" in (n.get("title") or "") for n in net.nodes)
    head, middle, middle2, tail = _shell(options, tooltip_link)
    data = _data_json(net.nodes), _data_json(net.edges), _URL.sub(r"\1:\\/\\/", json.dumps(net.options))
    html = head + data[0] + middle + data[1] + middle2 + data[2] + tail
    if any(_URL.search(d) for d in data):
        raise ValueError("the network document still links elsewhere")
    return html


def offline(html: str) -> str:
    """Remove CDN tags and neutralize every remaining URL; refuse if one survives."""
    html = _EXTERNAL_TAG.sub("", html)
    html = _EMPTY_HEADING.sub("", html)
    html = _URL.sub(r"\1:\\/\\/", html)
    html = html.replace("</head>", FRAME_STYLE + "</head>", 1)
    html = html.replace("</body>", CLICK_SCRIPT + "</body>", 1)
    if re.search(r"https?://", html, re.IGNORECASE):
        raise ValueError("the network document still links elsewhere")
    return html

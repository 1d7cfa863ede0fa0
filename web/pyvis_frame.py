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
from typing import Callable, Optional

import networkx as nx
from markupsafe import escape
from pyvis.network import Network

from .security import bidi_closed

COLOURS = {"actor": "#b03a2e", "facility": "#1f5fa8", "place": "#2e7d32", "incident": "#9a6700"}
SHAPES = {"actor": "dot", "facility": "square", "place": "triangle", "incident": "diamond"}

_EXTERNAL_TAG = re.compile(r"<(link|script)\b[^>]*\bhttps?://[^>]*>(\s*</script>)?", re.IGNORECASE | re.DOTALL)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.IGNORECASE)

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


def _layout(g: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Positions computed here for views too large for live physics."""
    pos = nx.spring_layout(nx.Graph(g.to_undirected(as_view=True)), seed=7, iterations=60)
    scale = 60 * max(10, g.number_of_nodes()) ** 0.5
    return {n: (float(x) * scale, float(y) * scale) for n, (x, y) in pos.items()}


def render(g: nx.MultiDiGraph, url_for_node: Callable[[str], Optional[str]], *, focus: Optional[str] = None,
           physics_max_nodes: int = 150) -> str:
    """The pyvis HTML document for a graph view."""
    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line", heading="")
    physics = g.number_of_nodes() <= physics_max_nodes
    positions = {} if physics else _layout(g)
    for n, d in g.nodes(data=True):
        kind = d.get("kind") or "other"
        label = text(short(d.get("label") or n, LABEL_CHARS))
        title = text(short(f"{(d.get('type') or kind).replace('_', ' ')}: {d.get('label') or n}", TITLE_CHARS))
        extra = {}
        if n in positions:
            extra.update(x=positions[n][0], y=positions[n][1])
        net.add_node(n, label=label, title=title, color=COLOURS.get(kind, "#666666"),
                     shape=SHAPES.get(kind, "dot"), size=22 if n == focus else 14,
                     borderWidth=4 if n == focus else 1, url=url_for_node(n) or "", **extra)
    for s, o, d in g.edges(data=True):
        role = text((d.get("role") or "").replace("_", " "))
        net.add_edge(s, o, label=role, title=role)
    net.set_options(json.dumps({
        "physics": {"enabled": physics, "stabilization": {"enabled": True, "iterations": 250, "fit": True},
                    "barnesHut": {"gravitationalConstant": -6000, "springLength": 120}},
        "edges": {"font": {"size": 11, "align": "middle", "color": "#444444"}, "color": {"color": "#9aa4ad"},
                  "smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}},
        "nodes": {"font": {"size": 16, "color": "#1b1f23"}},
        "interaction": {"hover": True, "tooltipDelay": 150, "keyboard": {"enabled": True}},
    }))
    return offline("<!doctype html>\n" + net.generate_html())


def offline(html: str) -> str:
    """Remove CDN tags and neutralize every remaining URL; refuse if one survives."""
    html = _EXTERNAL_TAG.sub("", html)
    html = _EMPTY_HEADING.sub("", html)
    html = re.sub(r"(https?):/{2}", r"\1:\\/\\/", html, flags=re.IGNORECASE)
    html = html.replace("</head>", FRAME_STYLE + "</head>", 1)
    html = html.replace("</body>", CLICK_SCRIPT + "</body>", 1)
    if re.search(r"https?://", html, re.IGNORECASE):
        raise ValueError("the network document still links elsewhere")
    return html

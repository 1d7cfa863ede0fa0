"""The web app's settings, declared once as data with their defaults and help.

``create_app`` reads each from the environment as ``INCIDENTGRAPH_<NAME>`` (so
``INCIDENTGRAPH_STORE`` and ``INCIDENTGRAPH_SECRET_KEY`` work as documented), then lets
``test_config`` override. The README's "Settings" section documents every name here.
"""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from typing import Any, Mapping


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS = [
    Setting("STORE", None,
            "Store folder or http(s) SPARQL endpoint the site reads and writes; default the "
            "graph package's default data directory."),
    Setting("SECRET_KEY", None,
            "Key that signs the session cookie holding the form (CSRF) token; a random one per "
            "process when unset, so forms break across restarts. Set it when serving beyond loopback."),
    Setting("TIMELINE_PAGE_SIZE", 50, "Incidents per timeline page."),
    Setting("SEARCH_LIMIT", 50, "Most entities listed by the search page."),
    Setting("NETWORK_NODE_CAP", 250,
            "Most nodes drawn by the network explorer; the best connected are kept and the page "
            "says how many were left out."),
    Setting("EGO_RADIUS", 2, "Steps around an entity that its page's network shows."),
    Setting("EGO_NODE_CAP", 120, "Most nodes drawn in an entity page's network."),
    Setting("PHYSICS_MAX_NODES", 150,
            "Views with more nodes than this get a layout computed on the server instead of "
            "live physics in the browser."),
    Setting("QUERY_TABLE_ROWS", 1000,
            "Most rows the SPARQL page shows in its table; the CSV and JSON downloads are not cut by it."),
    Setting("WARM_PAGES", "/,/network,/network/frame,/analysis",
            "Pages `incidentgraph serve` requests itself as it starts, in the background, so that "
            "their caches are filled before the first reader comes (comma-separated paths; empty for none)."),
    Setting("MAX_CONTENT_LENGTH", 2_000_000,
            "Largest accepted request body in bytes (pasted or uploaded articles); larger gets 413."),
]


def _coerce(raw: str, default: Any) -> Any:
    if isinstance(default, bool):
        return raw.lower() in ("1", "true", "yes", "on")
    if isinstance(default, (int, float)):
        return type(default)(raw)
    return raw


def load(environ: Mapping[str, str] = os.environ) -> dict[str, Any]:
    """Every setting's value: ``INCIDENTGRAPH_<NAME>`` when set, else its default."""
    values = {}
    for s in SETTINGS:
        raw = environ.get("INCIDENTGRAPH_" + s.name)
        values[s.name] = _coerce(raw, s.default) if raw is not None else s.default
    if not values["SECRET_KEY"]:
        values["SECRET_KEY"] = secrets.token_hex(32)
    return values

"""The Flask application factory: settings, store, security, and one blueprint per page."""
from __future__ import annotations

from typing import Any, Mapping, Optional

from flask import Flask

from . import conflicts, errors, helpers, security, settings, sparql_endpoint, store, twin
from .pages import add, analysis, document, entity, exports, incident, links, network, query, search, timeline


def create_app(test_config: Optional[Mapping[str, Any]] = None) -> Flask:
    """Build the site; ``test_config`` overrides settings (``STORE``, ``TESTING`` …)."""
    app = Flask(__name__)
    app.config.from_mapping(settings.load())
    if test_config:
        app.config.from_mapping(test_config)

    twin.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    helpers.init_app(app)
    conflicts.init_app(app)
    store.init_app(app)

    for page in (timeline, incident, entity, network, document, query, add, search, links, exports, analysis):
        app.register_blueprint(page.bp)
    app.register_blueprint(sparql_endpoint.bp)
    return app

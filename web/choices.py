"""The timeline's filter choices and their ``<option>`` lists, made once per store state.

Each list is read from the whole store (thousands of facilities, seconds of queries at 50k
incidents) and its options are escaped and joined once; a request only marks its chosen
option. Labels go through ``bidi_closed`` and escaping as ``{{ }}`` would do.
"""
from __future__ import annotations

from typing import Callable, Iterable, Optional

from flask import current_app
from jinja2.filters import do_truncate
from markupsafe import Markup, escape

from graph import queries, webqueries

from .helpers import fmt_date, humanize
from .paths import short_key
from .security import bidi_closed
from .store import cached

DOCUMENT_TITLE_CHARS = 60


def _text(value: object) -> str:
    return str(escape(bidi_closed(str(value))))


def _options(pairs: Iterable[tuple[str, str]]) -> str:
    return "".join(f'<option value="{_text(value)}">{_text(label)}</option>' for value, label in pairs)


def _document_label(d: dict) -> str:
    title = do_truncate(current_app.jinja_env, str(d["title"]), DOCUMENT_TITLE_CHARS)
    return title + (f" ({fmt_date(d['published'])})" if d.get("published") else "")


LISTS: dict[str, Callable] = {
    "type": lambda s: [(t, humanize(t)) for t in queries.incident_types_present(s)],
    "facility": lambda s: [(short_key(i), l) for i, l in webqueries.targeted_facilities(s)],
    "actor": lambda s: [(short_key(i), l) for i, l in webqueries.perpetrators(s)],
    "place": lambda s: [(short_key(i), l) for i, l in webqueries.incident_places(s)],
    "document": lambda s: [(short_key(d["iri"]), _document_label(d)) for d in queries.documents(s)],
}


def options(name: str, chosen: Optional[str] = None) -> Markup:
    """The ``<option>`` elements of one filter, the chosen value (a key or a full IRI) selected."""
    html = cached("options:" + name, lambda s: _options(LISTS[name](s)))
    if chosen:
        key = short_key(chosen) if name != "type" else chosen
        mark = f'<option value="{_text(key)}">'
        html = html.replace(mark, mark[:-1] + " selected>", 1)
    return Markup(html)


def facility_wholes() -> dict[str, tuple[str, str]]:
    """``webqueries.facility_wholes`` for the timeline's grouping, kept per store state."""
    return cached("facility_wholes", webqueries.facility_wholes)


def types() -> list[str]:
    """The incident types present, kept per store state."""
    return cached("types", queries.incident_types_present)

"""A store full of hostile names, built from hand-made extractions (no language model), and
the site paths of every page that shows them."""
from __future__ import annotations

from datetime import date
from urllib.parse import quote

from graph import merged
from graph.iris import entity_iri, hex_of
from graph.model import Claim, Document, Entity, Extraction, Incident
from graph.rdf import document_triples
from graph.store import open_store
from web import paths

RLO = "\u202e"
HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "javascript:alert(1)",
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)' autofocus='",
    '<a href="javascript:alert(1)">x</a>',  # "href" in a title switches pyvis's popup to innerHTML
    f"{RLO}toped lio{RLO} Refinery",
    "Long " + "o" * 9995,
]
KINDS = [("actor", "armed_group"), ("facility", "storage"), ("place", "city")]
TYPES = {"actor": "armed_group", "facility": "storage", "place": "city"}


def _span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return i, i + len(needle)


def extraction(url: str = "javascript:alert(1)") -> Extraction:
    """One article naming every hostile string as an actor, a facility and a place."""
    body = " ".join(f"Name {i}: {n} ." for i, n in enumerate(HOSTILE)) + " They were attacked on 1 March 2024.\n"
    head = f"TITLE: {HOSTILE[0]} {HOSTILE[4]}\nURL: {url}\nPUBLISHED: 2024-03-02\n\n"
    text = head + body
    doc = Document(text=text, path=f"{HOSTILE[1]}.txt", title=f"{HOSTILE[0]} {HOSTILE[4]} href", url=url,
                   source=HOSTILE[6], published=date(2024, 3, 2), body_start=len(head))
    entities = []
    for i, name in enumerate(HOSTILE):
        for kind, type_ in KINDS:
            entities.append(Entity(f"e{len(entities) + 1}", kind, type_, name, [f"{name} alias"],
                                   mentions=[_span(text, name, len(head))]))
    ids = {(e.kind, e.name): e.id for e in entities}
    incidents = [Incident(f"i{i + 1}", "sabotage", date(2024, 3, 1), date(2024, 3, 1),
                          [ids[("facility", name)]], [ids[("actor", name)]], location=ids[("place", name)],
                          effects=["damaged"], evidence=[_span(text, name, len(head))], date_text=name[:200])
                 for i, name in enumerate(HOSTILE)]
    claims = [Claim(f"c{i + 1}", ids[("actor", name)], "said", _span(text, f"Name {i}: {name}", len(head)),
                    [ids[("facility", name)]], incident=f"i{i + 1}", stance="accuses", speaker_text=name)
              for i, name in enumerate(HOSTILE)]
    return Extraction(doc, entities=entities, incidents=incidents, claims=claims)


def fill(path) -> None:
    store = open_store(str(path))
    try:
        graph, triples = document_triples(extraction())
        store.replace_graph(graph, triples)
        merged.rebuild(store)
    finally:
        store.close()


def pages() -> list[str]:
    """Every kind of page that shows a stored name."""
    x = extraction()
    key = hex_of(x.document.id)
    entity_pages = [paths.href(entity_iri(KINDS[i % 3][0], name)) for i, name in enumerate(HOSTILE)]
    label = quote("SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }")
    return (["/", "/timeline", "/network", f"/document/{key}", "/search?q=alert", "/search?q=" + quote(HOSTILE[4]),
             f"/query?query={label}"]
            + [f"/incident/{key[:16]}-i{i + 1}" for i in range(len(HOSTILE))]
            + entity_pages)


def frames() -> list[str]:
    """The network documents (served in sandboxed iframes; opened on their own here)."""
    return ["/network/frame"] + [paths.href(entity_iri(KINDS[i % 3][0], name)) + "/network"
                                 for i, name in enumerate(HOSTILE)]

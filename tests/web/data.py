"""Hand-made extractions for the web tests: three articles, part-of links, claims, and one
article full of hostile names, so escaping is tested on every page."""
from __future__ import annotations

from datetime import date

from graph.model import Claim, Document, Entity, Extraction, Incident

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_JS = "javascript:alert(1)"
HOSTILE_HREF = 'Depot <a href="javascript:alert(2)">x</a>'


def _span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return (i, i + len(needle))


CPC_TEXT = """TITLE: Drones hit the CPC terminal near Novorossiysk
PUBLISHED: 2025-12-03

Drones struck Berth No. 2 of the CPC Marine Terminal near Novorossiysk on November 29. \
The Kazakh Foreign Ministry said Ukraine carried out the attack. Ukraine did not comment.
Earlier in the week the administrative building of the CPC Marine Terminal was damaged in a night-time drone attack.
"""


def cpc() -> Extraction:
    t = CPC_TEXT
    doc = Document(text=t, path="cpc.txt", title="Drones hit the CPC terminal near Novorossiysk",
                   published=date(2025, 12, 3), body_start=t.index("Drones"))
    terminal = _span(t, "CPC Marine Terminal")
    return Extraction(doc, entities=[
        Entity("e1", "facility", "berth", "Berth No. 2", ["SPM-2"], part_of="e2", located_in="e6",
               mentions=[_span(t, "Berth No. 2")]),
        Entity("e2", "facility", "terminal", "CPC Marine Terminal", operator="e5", located_in="e6",
               mentions=[terminal, _span(t, "CPC Marine Terminal", terminal[1])]),
        Entity("e3", "actor", "state", "Ukraine", mentions=[_span(t, "Ukraine"), _span(t, "Ukraine", t.index("Ukraine") + 1)]),
        Entity("e4", "actor", "ministry", "Kazakh Foreign Ministry", mentions=[_span(t, "Kazakh Foreign Ministry")]),
        Entity("e5", "actor", "company", "Caspian Pipeline Consortium"),
        Entity("e6", "place", "city", "Novorossiysk", mentions=[_span(t, "Novorossiysk", doc.body_start)]),
        Entity("e7", "facility", "building", "CPC administrative building", part_of="e2",
               mentions=[_span(t, "administrative building")]),
    ], incidents=[
        Incident("i1", "drone_strike", date(2025, 11, 29), date(2025, 11, 29), ["e1"], ["e3"], location="e6",
                 effects=["damaged"], evidence=[_span(t, "Drones struck Berth No. 2 of the CPC Marine Terminal "
                                                        "near Novorossiysk on November 29")], confidence=0.8),
        Incident("i2", "drone_strike", date(2025, 11, 24), date(2025, 11, 28), ["e7"], [],
                 evidence=[_span(t, "the administrative building of the CPC Marine Terminal was damaged")],
                 confidence=0.6),
    ], claims=[
        Claim("c1", "e4", "said", _span(t, "The Kazakh Foreign Ministry said Ukraine carried out the attack"),
              ["e3"], incident="i1", stance="accuses"),
    ])


BALTIC_TEXT = """TITLE: Balticconnector gas pipeline damaged
PUBLISHED: 2023-10-10

The Balticconnector gas pipeline between Finland and Estonia was damaged on 7 or 8 October 2023. \
Finnish police said the anchor of the NewNew Polar Bear dragged across the seabed.
"""


def baltic() -> Extraction:
    t = BALTIC_TEXT
    doc = Document(text=t, path="baltic.txt", title="Balticconnector gas pipeline damaged",
                   published=date(2023, 10, 10), body_start=t.index("The Balticconnector"))
    return Extraction(doc, entities=[
        Entity("e1", "facility", "pipeline", "Balticconnector", mentions=[_span(t, "Balticconnector gas pipeline",
                                                                               t.index("The "))]),
        Entity("e2", "actor", "vessel", "NewNew Polar Bear", mentions=[_span(t, "NewNew Polar Bear")]),
        Entity("e3", "actor", "government_agency", "Finnish police", mentions=[_span(t, "Finnish police")]),
        Entity("e4", "place", "country", "Finland", mentions=[_span(t, "Finland")]),
    ], incidents=[
        Incident("i1", "accident", date(2023, 10, 7), date(2023, 10, 8), ["e1"], ["e2"], location="e4",
                 effects=["damaged"], evidence=[_span(t, "The Balticconnector gas pipeline between Finland and "
                                                        "Estonia was damaged on 7 or 8 October 2023")]),
    ], claims=[
        Claim("c1", "e3", "said", _span(t, "Finnish police said the anchor of the NewNew Polar Bear dragged "
                                           "across the seabed"), ["e2"], incident="i1", stance="asserts"),
    ])


HOSTILE_TEXT = f"""TITLE: Attack on {HOSTILE_SCRIPT} href
PUBLISHED: 2024-03-02

The group {HOSTILE_SCRIPT} sabotaged the {HOSTILE_IMG} near {HOSTILE_JS} on 1 March 2024 \
and damaged the {HOSTILE_HREF}. Experts <b>said</b> {HOSTILE_SCRIPT} claimed responsibility.
"""


def hostile() -> Extraction:
    t = HOSTILE_TEXT
    body = t.index("The group")
    doc = Document(text=t, path="hostile<x>.txt", title=f"Attack on {HOSTILE_SCRIPT} href",
                   published=date(2024, 3, 2), body_start=body)
    return Extraction(doc, entities=[
        Entity("e1", "actor", "armed_group", HOSTILE_SCRIPT, [HOSTILE_JS], mentions=[_span(t, HOSTILE_SCRIPT, body)]),
        Entity("e2", "facility", "storage", HOSTILE_IMG, mentions=[_span(t, HOSTILE_IMG)]),
        Entity("e3", "place", "city", HOSTILE_JS, mentions=[_span(t, HOSTILE_JS, body)]),
        Entity("e4", "facility", "storage", HOSTILE_HREF, part_of="e2", mentions=[_span(t, HOSTILE_HREF)]),
    ], incidents=[
        Incident("i1", "sabotage", date(2024, 3, 1), date(2024, 3, 1), ["e2", "e4"], ["e1"], location="e3",
                 evidence=[_span(t, f"sabotaged the {HOSTILE_IMG}")]),
    ], claims=[
        Claim("c1", "e1", "claimed responsibility", _span(t, f"{HOSTILE_SCRIPT} claimed responsibility", body + 60),
              [], incident="i1", stance="claims_responsibility", speaker_text="Experts <b>said</b>"),
    ])


def all_extractions() -> list[Extraction]:
    return [cpc(), baltic(), hostile()]


TASS_TEXT = """TITLE: Berth of CPC terminal attacked
PUBLISHED: 2025-12-01

Drones struck Berth No. 2 of the CPC Marine Terminal on November 28. \
The Russian Defence Ministry said the Ukrainian Navy carried out the attack.
"""


def tass() -> Extraction:
    """A second report of the berth strike that disagrees on the date and the perpetrator
    (not in ``all_extractions``: tests of conflicts fill their own store with it)."""
    t = TASS_TEXT
    doc = Document(text=t, path="tass.txt", title="Berth of CPC terminal attacked", published=date(2025, 12, 1),
                   body_start=t.index("Drones"), source="TASS")
    return Extraction(doc, entities=[
        Entity("e1", "facility", "berth", "Berth No. 2", part_of="e2", mentions=[_span(t, "Berth No. 2")]),
        Entity("e2", "facility", "terminal", "CPC Marine Terminal", mentions=[_span(t, "CPC Marine Terminal")]),
        Entity("e3", "actor", "military_unit", "Ukrainian Navy", mentions=[_span(t, "Ukrainian Navy")]),
        Entity("e4", "actor", "ministry", "Russian Defence Ministry", mentions=[_span(t, "Russian Defence Ministry")]),
    ], incidents=[
        Incident("i1", "drone_strike", date(2025, 11, 28), date(2025, 11, 28), ["e1"], ["e3"],
                 evidence=[_span(t, "Drones struck Berth No. 2 of the CPC Marine Terminal on November 28")]),
    ], claims=[
        Claim("c1", "e4", "said", _span(t, "The Russian Defence Ministry said the Ukrainian Navy carried out the attack"),
              ["e3"], incident="i1", stance="accuses"),
    ])

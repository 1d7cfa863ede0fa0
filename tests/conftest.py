"""Shared fixtures: tiny hand-made extractions, and a fresh on-disk store per test."""
from datetime import date

import pytest
from hypothesis import settings

from graph.model import Claim, Document, Entity, Extraction, Incident

settings.register_profile("ci", deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci")

BERTH_TEXT = ("PUBLISHED: 2025-12-03\n\nDrones struck berth No. 2 of the CPC terminal overnight on "
              "November 29. Kazakhstan blamed Ukraine, which denied it.")


def berth_extraction(text: str = BERTH_TEXT) -> Extraction:
    """One drone strike on a berth within a terminal, attributed to Ukraine by Kazakhstan."""
    doc = Document(text=text, path="berth.txt", title="Berth attack", published=date(2025, 12, 3))
    def span(s):
        i = text.index(s)
        return (i, i + len(s))
    return Extraction(
        doc,
        entities=[
            Entity("e1", "facility", "berth", "Berth No. 2", ["No. 2 berth"], part_of="e2", mentions=[span("berth No. 2")]),
            Entity("e2", "facility", "terminal", "CPC terminal", mentions=[span("CPC terminal")]),
            Entity("e3", "actor", "state", "Ukraine", mentions=[span("Ukraine")]),
            Entity("e4", "actor", "state", "Kazakhstan", mentions=[span("Kazakhstan")]),
        ],
        incidents=[Incident("i1", "drone_strike", date(2025, 11, 29), date(2025, 11, 29), ["e1"], ["e3"],
                            effects=["damaged"], evidence=[span("Drones struck berth No. 2 of the CPC terminal")])],
        claims=[Claim("c1", "e4", "blamed", span("Kazakhstan blamed Ukraine"), ["e3"], incident="i1", stance="accuses")],
    )


@pytest.fixture
def store(tmp_path):
    from graph.store import open_store

    s = open_store(str(tmp_path / "store"))
    yield s
    s.close()

"""Site paths of the fixture's documents, incidents and entities."""
from graph.iris import entity_iri, hex_of

from web import paths

from . import data


def doc_hex(extraction) -> str:
    return hex_of(extraction.document.id)


CPC_DOC = "/document/" + doc_hex(data.cpc())
BALTIC_DOC = "/document/" + doc_hex(data.baltic())
HOSTILE_DOC = "/document/" + doc_hex(data.hostile())
BERTH_STRIKE = f"/incident/{doc_hex(data.cpc())[:16]}-i1"
BUILDING_STRIKE = f"/incident/{doc_hex(data.cpc())[:16]}-i2"
BALTIC_ACCIDENT = f"/incident/{doc_hex(data.baltic())[:16]}-i1"
HOSTILE_SABOTAGE = f"/incident/{doc_hex(data.hostile())[:16]}-i1"
TERMINAL = paths.href(entity_iri("facility", "CPC Marine Terminal"))
BERTH = paths.href(entity_iri("facility", "Berth No. 2"))
UKRAINE = paths.href(entity_iri("actor", "Ukraine"))
HOSTILE_ACTOR = paths.href(entity_iri("actor", data.HOSTILE_SCRIPT))
HOSTILE_FACILITY = paths.href(entity_iri("facility", data.HOSTILE_IMG))
HOSTILE_PLACE = paths.href(entity_iri("place", data.HOSTILE_JS))

HTML_PAGES = ["/", "/timeline", "/network", "/query", "/add", "/search?q=cpc", CPC_DOC, HOSTILE_DOC, BERTH_STRIKE,
              HOSTILE_SABOTAGE, TERMINAL, UKRAINE, HOSTILE_ACTOR, HOSTILE_FACILITY, HOSTILE_PLACE,
              "/?facility=cpc-marine-terminal", "/search?q=script",
              "/?group=facility", "/?group=actor&place=novorossiysk", "/links", "/export", "/export?as_of=2024-12-31",
              "/links?a=actor/ukraine&b=facility/cpc-marine-terminal", "/links?a=script&b=depot",
              "/network?type=sabotage&since=2024-01-01&as_of=2025-01-01", "/analysis"]

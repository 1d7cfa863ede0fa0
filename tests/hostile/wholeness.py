"""Check that a store holds whole documents only, and small distinct articles to ingest."""
from __future__ import annotations

from graph.namespace import MERGED_GRAPH

PREFIX = "PREFIX ig: <https://w3id.org/incidentgraph/ns#>\n"

PLACES = ["Bryansk", "Ryazan", "Novorossiysk", "Odesa", "Kherson", "Belgorod", "Tuapse", "Kursk", "Mykolaiv",
          "Saratov", "Volgograd", "Samara"]
FACILITIES = ["oil depot", "refinery", "power plant", "substation", "fuel terminal", "gas pipeline"]


def articles(n: int) -> dict[str, str]:
    """n short, distinct articles, each with an attack, a place, a date and a claim."""
    out = {}
    for i in range(n):
        place, facility = PLACES[i % len(PLACES)], FACILITIES[i % len(FACILITIES)]
        out[f"{i:02d}-{place.lower()}.txt"] = (
            f"TITLE: Attack on the {facility} in {place}\nPUBLISHED: 2024-05-{10 + i:02d}\n\n"
            f"Drones struck the {facility} near {place} on {1 + i} May 2024, starting a fire. "
            f"The regional governor said Ukraine carried out the attack. Report number {i}.\n")
    return out


def check_whole(store) -> dict[str, int]:
    """Assert every stored graph is a whole document (or the merged view); its triple counts."""
    graphs = {str(r["g"]): int(r["n"]) for r in store.select(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}
    docs = {str(r["g"]): int(r["n"]) for r in store.select(PREFIX + """
        SELECT ?g (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?g { ?d a ig:Document ; ig:text ?t ;
                                                               ig:contentHash ?h } } GROUP BY ?g""")}
    assert set(graphs) - {str(MERGED_GRAPH)} == set(docs), "a graph without its document node"
    assert all(n == 1 for n in docs.values())
    broken = store.select(PREFIX + """
        SELECT ?g ?x WHERE { GRAPH ?g {
          { ?x a ig:IncidentReport FILTER NOT EXISTS { ?x ig:evidence ?e } }
          UNION { ?x a ig:IncidentReport ; ig:evidence ?e FILTER NOT EXISTS { ?e ig:quote ?q ; ig:start ?s } }
          UNION { ?x ig:mention ?m FILTER NOT EXISTS { ?m ig:quote ?q ; ig:start ?s ; ig:end ?e2 } }
        } FILTER (?g != <%s>) }""" % MERGED_GRAPH)
    broken += store.select(PREFIX + """SELECT ?x ?d WHERE {
        ?x ig:sourceDocument ?d FILTER NOT EXISTS { ?d a ig:Document } }""")  # merged view included
    assert not broken, f"partial document graphs: {broken[:5]}"
    return {g: n for g, n in graphs.items() if g in docs}

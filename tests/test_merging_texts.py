"""Several articles about the same events, through the real extractor, into one merged view."""
from pathlib import Path

import pytest
from rdflib import Dataset, compare
from rdflib.namespace import PROV

from graph import merged, queries
from graph.store import open_store
from ingest.batch import ingest_paths

DATA = Path(__file__).resolve().parent / "data" / "multisource"


@pytest.fixture(scope="module")
def extractor():
    from ingest.extract import Extractor

    return Extractor()


def ingest(tmp_path, extractor, *folders):
    store = open_store(str(tmp_path / "store"))
    summary = ingest_paths(store, [DATA / f for f in folders], extractor)
    assert not summary.failures
    return store


def test_three_reports_of_one_attack_with_one_conflicting_date(tmp_path, extractor):
    store = ingest(tmp_path, extractor, "one_attack")
    rows = queries.timeline(store)
    assert len(rows) == 1
    row = rows[0]
    assert row.type == "drone_strike" and len(row.sources) == 3 and row.report_count == 3
    assert [label for _, label in row.targets] == ["Varna Bay oil terminal"]
    assert [label for _, label in row.perpetrators] == ["Borduria"]
    dates = {c["property"]: {v["value"]: len(v["sources"]) for v in c["values"]} for c in row.conflicts}
    assert dates == {"date": {"2025-03-09": 2, "2025-03-08": 1}}
    support = queries.support(store, row.iri, "perpetrator", row.perpetrators[0][0])
    assert {s["title"] for s in support} == {"Drones hit Varna Bay oil terminal"}
    assert all(s["quote"] for s in support)
    store.close()


def test_two_attacks_a_day_apart_stay_two(tmp_path, extractor):
    store = ingest(tmp_path, extractor, "two_days")
    rows = queries.timeline(store)
    assert [(str(r.start), len(r.sources)) for r in rows] == [("2025-04-14", 1), ("2025-04-15", 2)]
    store.close()


def test_an_accident_first_reported_as_sabotage(tmp_path, extractor):
    store = ingest(tmp_path, extractor, "accident")
    rows = queries.timeline(store)
    assert len(rows) == 1 and len(rows[0].sources) == 2
    assert [c["property"] for c in rows[0].conflicts] == ["type"]
    types = {v["value"] for v in rows[0].conflicts[0]["values"]}
    assert types == {"sabotage", "accident"}
    # what the record said before the investigators' conclusion
    then = queries.timeline(store, queries.TimelineFilter(as_of=__import__("datetime").date(2024, 12, 31)))
    assert [(r.type, len(r.sources)) for r in then] == [("sabotage", 1)]
    store.close()


def _without_ingest_time(store) -> Dataset:
    ds = Dataset()
    ds.parse(data=store.export("nq").decode(), format="nquads")
    for g in list(ds.graphs()):
        for t in list(g.triples((None, PROV.generatedAtTime, None))):
            g.remove(t)
    return ds


def test_ingesting_the_same_folders_twice_gives_an_isomorphic_graph(tmp_path, extractor):
    a = ingest(tmp_path / "a", extractor, "one_attack", "two_days", "accident")
    b = ingest(tmp_path / "b", extractor, "accident", "two_days", "one_attack")  # another order
    da, db = _without_ingest_time(a), _without_ingest_time(b)
    names = sorted(str(g.identifier) for g in da.graphs())
    assert names == sorted(str(g.identifier) for g in db.graphs())
    for name in names:
        ga, gb = da.graph(name), db.graph(name)
        assert compare.isomorphic(ga, gb), name
    a.close()
    b.close()

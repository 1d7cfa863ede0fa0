"""Concurrent readers against a served app while documents are ingested into its store.

Shared by ``test_load.py`` (short) and ``benchmarks/bench_load.py`` (a minute). Everything
stays on 127.0.0.1 and stops by itself: readers loop until a deadline, the ingest is a fixed
list. The ingest runs in the app's process (the embedded store admits one process) through
``ingest.batch.ingest_documents``, with hand-made extractions so no model is loaded.
"""
from __future__ import annotations

import json
import random
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from datetime import date

from graph import examples
from graph.iris import document_iri
from graph.model import Claim, Document, Entity, Extraction, Incident
from graph.namespace import IG
from graph.rdf import document_triples
from graph.store import bind_values

CONSISTENCY = """PREFIX ig: <https://w3id.org/incidentgraph/ns#>
SELECT ?d (COUNT(DISTINCT ?t) AS ?texts) (COUNT(DISTINCT ?m) AS ?mentions) WHERE {
  ?d a ig:Document ; ig:text ?t . OPTIONAL { ?m ig:inDocument ?d } } GROUP BY ?d"""


def article(i: int) -> Extraction:
    """A small synthetic article: three entities, an incident with evidence, a claim."""
    place, target, actor = f"Town{i}", f"Depot {i}", f"Brigade {i % 7}"
    text = (f"TITLE: Depot {i} hit\nPUBLISHED: 2024-06-{1 + i % 28:02d}\n\n"
            f"Drones struck {target} near {place} on {1 + i % 28} June 2024. "
            f"Officials said {actor} carried out the attack.\n")

    def span(s):
        k = text.index(s, text.index("\n\n"))
        return k, k + len(s)

    doc = Document(text=text, path=f"load-{i}.txt", title=f"Depot {i} hit", published=date(2024, 6, 1 + i % 28),
                   body_start=text.index("Drones"))
    return Extraction(doc, entities=[
        Entity("e1", "facility", "storage", target, mentions=[span(target)], located_in="e2"),
        Entity("e2", "place", "city", place, mentions=[span(place)]),
        Entity("e3", "actor", "armed_group", actor, mentions=[span(actor)]),
    ], incidents=[Incident("i1", "drone_strike", date(2024, 6, 1 + i % 28), date(2024, 6, 1 + i % 28), ["e1"],
                           ["e3"], location="e2", evidence=[span(f"Drones struck {target}")])],
        claims=[Claim("c1", None, "said", span(f"Officials said {actor} carried out the attack"), ["e3"],
                      incident="i1", stance="accuses")])


def expected_mentions(extractions) -> dict[str, int]:
    """Document IRI -> mentions its graph holds (what a reader must see whole, or not at all)."""
    out = {}
    for x in extractions:
        _, triples = document_triples(x)
        out[str(document_iri(x.document.id))] = len({s for s, p, o in triples if p == IG.inDocument})
    return out


class ListExtractor:
    """Hands back prepared extractions, as ``Extractor`` would (one per document, in order)."""

    def __init__(self, extractions, pause: float = 0.0):
        self.by_id = {x.document.id: x for x in extractions}
        self.pause = pause

    def extract(self, doc):
        time.sleep(self.pause)
        return self.by_id[doc.id]

    def extract_many(self, docs, batch_size: int = 16):
        for doc in docs:
            yield self.extract(doc)


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    inconsistent: list[str] = field(default_factory=list)
    seen_documents: set[str] = field(default_factory=set)
    samples: dict[int, str] = field(default_factory=dict)  # one answer per status >= 400, to explain it
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, status: int, seconds: float) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.statuses[status] = self.statuses.get(status, 0) + 1

    def p95(self) -> float:
        ordered = sorted(self.latencies)
        return ordered[int(0.95 * (len(ordered) - 1))] if ordered else 0.0

    @property
    def server_errors(self) -> int:
        return sum(n for s, n in self.statuses.items() if s >= 500)


def example_queries() -> list[str]:
    out = []
    for ex in examples.load_examples():
        query, bindings = ex.bind({})
        out.append(bind_values(query, bindings))
    return out


def _request(base: str, path: str, data: bytes | None = None, timeout: float = 30) -> tuple[int, bytes]:
    req = urllib.request.Request(base + path, data=data, headers={"Accept": "application/sparql-results+json"}
                                 if path == "/sparql" else {})
    if data is not None:
        req.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def reader(base: str, pages: list[str], queries: list[str], expected: dict[str, int], deadline: float,
           stats: Stats, seed: int) -> None:
    """Loop until the deadline: an example query, a page, or the consistency query."""
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        pick = rng.random()
        if pick < 0.35:
            path, data = "/sparql", urllib.parse.urlencode({"query": rng.choice(queries)}).encode()
        elif pick < 0.5:
            path, data = "/sparql", urllib.parse.urlencode({"query": CONSISTENCY}).encode()
        else:
            path, data = rng.choice(pages), None
        start = time.monotonic()
        try:
            status, body = _request(base, path, data)
        except Exception as exc:  # noqa: BLE001 - a refused or dropped connection is a failure to report
            with stats.lock:
                stats.errors.append(f"{path}: {exc!r}")
            continue
        stats.add(status, time.monotonic() - start)
        if status >= 400:
            stats.samples.setdefault(status, f"{path} {data[:120] if data else ''}: {body[:300]!r}")
        if data and b"ig:inDocument" in urllib.parse.unquote_to_bytes(data.replace(b"+", b" ")) and status == 200:
            check(json.loads(body), expected, stats)


def check(result: dict, expected: dict[str, int], stats: Stats) -> None:
    for row in result["results"]["bindings"]:
        d = row["d"]["value"]
        if d not in expected:
            continue
        texts, mentions = int(row["texts"]["value"]), int(row["mentions"]["value"])
        with stats.lock:
            stats.seen_documents.add(d)
            if texts != 1 or mentions != expected[d]:
                stats.inconsistent.append(f"{d}: {texts} texts, {mentions}/{expected[d]} mentions")


def run(app, base: str, *, seconds: float, clients: int = 20, documents: int = 40, pause: float = 0.05,
        seed: int = 8) -> tuple[Stats, object]:
    """Readers for ``seconds`` while ``documents`` new articles are ingested into the app's store."""
    from ingest.batch import ingest_documents
    from web.store import app_store

    fresh = [article(1000 + i) for i in range(documents)]
    expected = expected_mentions(fresh)
    from graph.webqueries import __name__ as _  # noqa: F401  (imported before threads start)
    pages = ["/", "/timeline", "/network", "/network/frame", "/search?q=depot", "/query"] + _entity_pages(app)
    queries = example_queries()
    stats, summary = Stats(), {}
    deadline = time.monotonic() + seconds

    def ingest():
        summary["value"] = ingest_documents(app_store(app), [x.document for x in fresh],
                                            ListExtractor(fresh, pause), batch_size=1)

    writer = threading.Thread(target=ingest, name="ingest")
    threads = [threading.Thread(target=reader, args=(base, pages, queries, expected, deadline, stats, seed + n))
               for n in range(clients)]
    for t in threads:
        t.start()
    writer.start()
    for t in threads:
        t.join(seconds + 60)
    writer.join(60)
    return stats, summary.get("value")


def _entity_pages(app) -> list[str]:
    from graph.iris import entity_iri
    from web import paths

    out = []
    for i in (0, 1, 2):
        x = article(i)
        for e in x.entities:
            url = paths.href(entity_iri(e.kind, e.name))
            out += [url, url + "/network"]
    return out


def measure(seconds: float, clients: int, documents: int) -> dict:
    """Fill a store in a temporary folder, serve it, run the load; the figures as a dict."""
    import logging
    import tempfile
    from pathlib import Path

    from graph import merged
    from graph.store import open_store
    from web.store import close_app_store

    from ..web.conftest import make_app
    from ..web.live import serve

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store"
        store = open_store(str(path))
        try:
            for i in range(12):
                store.replace_graph(*document_triples(article(i)))
            merged.rebuild(store)
        finally:
            store.close()
        app = make_app(path)
        try:
            with serve(app) as base:
                stats, summary = run(app, base, seconds=seconds, clients=clients, documents=documents,
                                     pause=seconds / max(1, documents) / 2)
        finally:
            close_app_store(app)
    n = len(stats.latencies)
    return {"seconds": seconds, "clients": clients, "requests": n, "requests_per_s": round(n / seconds, 1),
            "p95_ms": round(stats.p95() * 1000), "median_ms": round(sorted(stats.latencies)[n // 2] * 1000) if n else 0,
            "statuses": {str(k): v for k, v in stats.statuses.items()}, "errors": stats.errors[:5],
            "inconsistent": stats.inconsistent[:5], "seen_documents": len(stats.seen_documents),
            "stored": summary.stored if summary else 0, "failures": [str(f) for f in summary.failures] if summary else [],
            "samples": {str(k): v for k, v in stats.samples.items()}}


if __name__ == "__main__":  # python -m tests.hostile.load SECONDS CLIENTS DOCUMENTS -> one JSON line
    import sys

    print(json.dumps(measure(float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))))

"""The pipelined batch: ``PoolExtractor.extract_stream`` (workers with a bounded window of
batches in flight) and ``Committer`` (commits in a background thread) keep input order, the
retry-one-by-one failure semantics, and bounded memory. Fake extractors, no model; no
timing is asserted."""
from __future__ import annotations

import pytest

from graph import iris
from graph.model import Document, Extraction
from ingest.batch import Committer, Failure, PoolExtractor, extract_each, ingest_documents


class FakeExtractor:
    """Extracts nothing; any document whose text contains "BOOM" makes it raise."""

    def extract(self, doc):
        if "BOOM" in doc.text:
            raise ValueError("cannot handle this one")
        return Extraction(document=doc)

    def extract_many(self, docs, batch_size: int = 16):
        for doc in docs:
            yield self.extract(doc)


def documents(n: int, bad=()) -> list[Document]:
    return [Document(text=f"Text number {i}." + (" BOOM" if i in bad else ""), path=f"doc{i}.txt")
            for i in range(n)]


class Counted:
    """An iterable of documents that records how far it has been read."""

    def __init__(self, docs):
        self.docs = docs
        self.read = 0

    def __iter__(self):
        for doc in self.docs:
            self.read += 1
            yield doc


@pytest.fixture(scope="module")
def pool():
    with PoolExtractor(2, window=2, factory=FakeExtractor) as p:
        yield p


def test_stream_keeps_order_and_names_only_the_bad_document(pool):
    docs = documents(23, bad={5, 17})
    failures: list[Failure] = []
    out = [x.document.path for x in pool.extract_stream(iter(docs), failures, batch_size=4)]
    assert out == [d.path for d in docs if "BOOM" not in d.text]
    assert [f.path for f in failures] == ["doc5.txt", "doc17.txt"]
    assert all("extraction failed (ValueError: cannot handle this one)" in f.problem for f in failures)


def test_stream_reads_the_input_only_as_the_window_frees_up(pool):
    source = Counted(documents(40))
    failures: list[Failure] = []
    stream = pool.extract_stream(source, failures, batch_size=3)
    for n, _ in enumerate(stream, 1):
        # at most window (2) batches of 3 in flight, plus the batch being filled
        assert source.read - n <= 2 * 3 + 3
    assert n == 40 and source.read == 40 and not failures


def test_extract_each_uses_the_stream_with_the_same_results_as_in_process(pool):
    docs = documents(9, bad={0, 8})
    f_pool: list[Failure] = []
    f_local: list[Failure] = []
    by_pool = [x.document.path for x in extract_each(pool, iter(docs), f_pool, batch_size=2)]
    local = [x.document.path for x in extract_each(FakeExtractor(), iter(docs), f_local, batch_size=2)]
    assert by_pool == local
    assert [str(f) for f in f_pool] == [str(f) for f in f_local]


def test_empty_input(pool):
    assert list(pool.extract_stream(iter([]), [], batch_size=4)) == []


class RecordingStore:
    """Records commits in order; refuses one graph."""

    def __init__(self, refuse=None):
        self.graphs: list[str] = []
        self.refuse = refuse

    def replace_graph(self, graph, triples):
        list(triples)
        if self.refuse is not None and graph == self.refuse:
            raise OSError("disk full")
        self.graphs.append(str(graph))

    def has_graph(self, graph):
        return str(graph) in self.graphs


def test_committer_keeps_order_and_reports_each_problem():
    docs = documents(50)
    refused = iris.document_graph(docs[7].id)
    store = RecordingStore(refuse=refused)
    settled = []
    with Committer(store, window=4) as committer:
        for doc in docs:
            settled += list(committer.put(Extraction(document=doc)))
            assert len(committer._pending) <= 4
        settled += list(committer.drain())
    assert [x.document.path for x, _ in settled] == [d.path for d in docs]
    problems = [(x.document.path, str(p)) for x, p in settled if p is not None]
    assert problems == [("doc7.txt", "disk full")]
    assert store.graphs == [str(iris.document_graph(d.id)) for d in docs if d is not docs[7]]


def test_ingest_documents_counts_failures_and_commits_in_order(monkeypatch):
    import ingest.batch as batch

    monkeypatch.setattr(batch.merged, "is_stale", lambda store: False)
    monkeypatch.setattr(batch.merged, "rebuild", lambda store: None)
    docs = documents(12, bad={3})
    refused = iris.document_graph(docs[9].id)
    store = RecordingStore(refuse=refused)
    summary = ingest_documents(store, iter(docs + docs[:2]), FakeExtractor(), batch_size=5)
    assert summary.stored == 10 and summary.skipped == 2
    assert sorted(f.path for f in summary.failures) == ["doc3.txt", "doc9.txt"]
    assert any(f.problem == "not stored: disk full" for f in summary.failures)
    assert store.graphs == [str(iris.document_graph(d.id)) for i, d in enumerate(docs) if i not in (3, 9)]


def test_a_second_run_skips_what_the_first_committed(store):
    from graph import merged

    docs = documents(6)
    first = ingest_documents(store, iter(docs), FakeExtractor(), batch_size=4)
    again = ingest_documents(store, iter(docs), FakeExtractor(), batch_size=4)
    assert (first.stored, again.stored, again.skipped) == (6, 0, 6)
    assert not merged.is_stale(store)


def test_a_one_shot_pool_stops_its_workers_when_the_stream_ends_and_starts_again_when_asked():
    """The CLI's ingest: the merged rebuild after the stream must not run beside idle models."""
    p = PoolExtractor(2, window=2, factory=FakeExtractor, one_shot=True)
    try:
        failures: list[Failure] = []
        out = list(p.extract_stream(iter(documents(5, bad={2})), failures, batch_size=2))
        assert len(out) == 4 and [f.path for f in failures] == ["doc2.txt"]
        assert p._pool is None
        again = list(p.extract_stream(iter(documents(3)), [], batch_size=2))
        assert len(again) == 3 and p._pool is None
    finally:
        p.close()


def test_a_kept_pool_keeps_its_workers(pool):
    list(pool.extract_stream(iter(documents(3)), [], batch_size=2))
    assert pool._pool is not None
